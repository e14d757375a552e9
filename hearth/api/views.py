"""Settings pages for personal access tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from hearth.api.forms import TokenForm
from hearth.api.models import ApiToken


def get_token_for_user(user, pk: int) -> ApiToken:
    token = ApiToken.objects.for_user(user).filter(pk=pk).first()
    if token is None:
        raise Http404(_("No such token."))
    return token


@require_http_methods(["GET", "POST"])
@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    new_secret = None
    if request.method == "POST" and form.is_valid():
        _token, new_secret = ApiToken.issue(user=request.user, name=form.cleaned_data["name"])
        form = TokenForm()
    context = {
        "form": form,
        "tokens": ApiToken.objects.for_user(request.user),
        "new_secret": new_secret,
    }
    return render(request, "api/tokens.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_token_for_user(request.user, pk)
    token.delete()
    messages.success(request, _("“%(name)s” no longer works.") % {"name": token.name})
    # Revoked from the "Where you're signed in" page: back there.
    if request.POST.get("back") == "sessions":
        return redirect("accounts:sessions")
    return redirect("api:tokens")
