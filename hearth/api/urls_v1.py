"""/api/v1: every app's `endpoints.py` router, with OpenAPI at /api/v1/openapi.json."""

from django.http import HttpRequest
from django.utils.csp import CSP
from django.utils.translation import gettext as _
from django.views.decorators.csp import csp_override
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from hearth.api.auth import API_AUTH
from hearth.core.errors import Refusal
from hearth.core.registry import hearth_app_modules

api = NinjaAPI(
    title="Hearth API",
    version="1",
    description=(
        "Everything Hearth does, for your own scripts. Create a personal access token in "
        "Settings → API tokens (or POST /api/v1/auth/token) and send it as "
        "`Authorization: Bearer <token>`."
    ),
    auth=API_AUTH,
    urls_namespace="api-v1",
    docs_url="/docs",
    # Swagger UI (served from ninja's own static files) sets inline styles.
    docs_decorator=csp_override(
        {
            "default-src": [CSP.SELF],
            "script-src": [CSP.SELF],
            "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
            "img-src": [CSP.SELF, "data:"],
            "object-src": [CSP.NONE],
            "base-uri": [CSP.NONE],
            "frame-ancestors": [CSP.NONE],
        }
    ),
)

for module in hearth_app_modules("endpoints"):
    routers = getattr(module, "ROUTERS", None) or [(module.PREFIX, module.router)]
    for prefix, router in routers:
        api.add_router(prefix, router)


@api.exception_handler(Refusal)
def refused(request: HttpRequest, error: Refusal):
    """Services refuse with a message for the person and a code for scripts."""
    return api.create_response(
        request, {"detail": error.message, "code": error.code}, status=error.status
    )


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, error: ValidationError):
    problems = []
    for item in error.errors:
        location = [str(part) for part in item.get("loc", []) if part not in ("body", "payload")]
        problems.append({"field": ".".join(location), "message": item.get("msg", _("Invalid."))})
    summary = "; ".join(
        f"{problem['field']}: {problem['message']}" if problem["field"] else problem["message"]
        for problem in problems
    )
    return api.create_response(
        request,
        {
            "detail": summary or _("The request body is not valid."),
            "code": "invalid",
            "errors": problems,
        },
        status=422,
    )


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, error: AuthenticationError):
    return api.create_response(
        request,
        {
            "detail": _("Send a personal access token as `Authorization: Bearer <token>`."),
            "code": "unauthorized",
        },
        status=401,
    )
