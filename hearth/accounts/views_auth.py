"""allauth's sign-up and log-in pages, answering a refused form with 400 instead of 200."""

from allauth.account import views as allauth_views


class FormInvalidIs400:
    def form_invalid(self, form):
        response = super().form_invalid(form)  # type: ignore[misc]
        response.status_code = 400
        return response


class SignupView(FormInvalidIs400, allauth_views.SignupView):
    pass


class LoginView(FormInvalidIs400, allauth_views.LoginView):
    pass
