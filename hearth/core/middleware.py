from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from hearth.core.errors import Refusal

# Signing out, however it happens, asks the browser to forget what it kept of Hearth.
CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


class PrivatePagesMiddleware:
    """Pages shown to a signed-in person hold private words: never cache them, and clear
    the browser's copy of the site when the person signs out (PRODUCT D3)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in_before = request.user.is_authenticated
        response = self.get_response(request)
        signed_in = request.user.is_authenticated
        if signed_in or signed_in_before or request.path.startswith("/api/"):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        if signed_in_before and not signed_in:
            response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response


class RefusalMiddleware:
    """A service's refusal that a page did not handle becomes a kind page with its message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Refusal):
            return render(
                request,
                "core/refused.html",
                {"message": exception.message},
                status=exception.status,
            )
        return None
