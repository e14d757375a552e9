from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from hearth.core.errors import Refusal


class PrivatePagesMiddleware:
    """Pages shown to a signed-in person hold private words: never cache them (PRODUCT D3)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated or request.path.startswith("/api/"):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
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
