"""Hearth's settings, read from environment variables.

Safe defaults: DEBUG is off unless asked for, production needs a SECRET_KEY,
and with nothing set Hearth keeps its SQLite database under var/.
See docs/self-hosting.md for every variable.
"""

import os
import secrets
import sys
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("HEARTH_VAR_DIR", BASE_DIR / "var"))

# Tests are run by pytest; they get fast password hashing and a fixed key.
TESTING = "pytest" in sys.modules
# `make run` sets HEARTH_LOCAL=1: a generated key in var/, served on loopback only.
LOCAL = env_bool("HEARTH_LOCAL")
DEBUG = env_bool("DEBUG")
# `manage.py bench_load` serves one extra, empty page to measure against (hearth/urls.py).
BENCH = env_bool("HEARTH_BENCH")


def local_secret_key() -> str:
    """A key generated once and kept in var/, for `make run` and development only."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


if os.environ.get("SECRET_KEY"):
    SECRET_KEY = os.environ["SECRET_KEY"]
elif TESTING:
    SECRET_KEY = "tests-only-" + "x" * 50
elif DEBUG or LOCAL:
    SECRET_KEY = local_secret_key()
else:
    raise ImproperlyConfigured(
        "Set SECRET_KEY, for example to the output of "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))', "
        "or use `make run` for a local trial."
    )

# Old keys, still accepted while sessions, links and two-factor secrets move to a new
# SECRET_KEY (docs/sessions-and-security.md says how to rotate).
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SECURE_SITE = urlsplit(SITE_URL).scheme == "https"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
if TESTING:
    ALLOWED_HOSTS = ["*"]
CSRF_TRUSTED_ORIGINS = [SITE_URL] if SECURE_SITE else []

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "ninja",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "hearth.core",
    "hearth.accounts",
    "hearth.couples",
    "hearth.talk",
    "hearth.together",
    "hearth.appreciate",
    "hearth.trust",
    "hearth.support",
    "hearth.insights",
    "hearth.nudges",
    "hearth.privacy",
    "hearth.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "hearth.accounts.middleware.UserPreferencesMiddleware",
    "hearth.accounts.middleware.SessionActivityMiddleware",
    "hearth.core.middleware.PrivatePagesMiddleware",
    "hearth.core.middleware.RefusalMiddleware",
]

ROOT_URLCONF = "hearth.urls"
WSGI_APPLICATION = "hearth.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hearth.core.context_processors.navigation",
                "hearth.core.context_processors.csrf_once",
            ],
            # hearth_urls: {% url %} that reverses a URL written out in full only once.
            "builtins": [
                "django_htmx.templatetags.django_htmx",
                "hearth.core.templatetags.hearth_urls",
            ],
        },
    },
]
# Widgets render with the templates above, so that templates/django/forms/ can override
# Django's own: its attrs.html writes a widget's attributes in one filter call, not a loop.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Database: SQLite under var/ unless DATABASE_URL says otherwise (postgres://…).
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'hearth.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=600)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0 if TESTING else 600
    DATABASES["default"]["OPTIONS"] = {
        # Writers queue instead of failing with "database is locked".
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        ),
    }
    # Tests use a real file too (not shared-cache memory), so locking behaves as in production.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "hearth_cache",
    }
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
if TESTING:
    # Hashing speed is not what the tests are about; test_settings checks the real order.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "hearth.accounts.validators.MaximumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "today"

# django-allauth: e-mail login, optional verification, two-factor with passkeys.
ACCOUNT_ADAPTER = "hearth.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_SIGNUP_FORM_CLASS = "hearth.accounts.forms.SignupDetailsForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("EMAIL_VERIFICATION", "optional")
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False  # keeps this session; Django ends the others
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Hearth · "
# Failed logins are throttled by hearth.accounts.throttle, per IP and per
# account-and-device, so a stranger cannot lock the owner out.
ACCOUNT_RATE_LIMITS = {"login_failed": None, "login": None}
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Tell the person by e-mail when their password, e-mail or two-factor changes (PRODUCT D4).
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Each person's own web sessions, listed with "sign out" under /settings/sessions/. Activity is
# kept by hearth.accounts.middleware.SessionActivityMiddleware, a few minutes at a time.
USERSESSIONS_TRACK_ACTIVITY = False
MFA_ADAPTER = "hearth.accounts.adapter.MFAAdapter"  # encrypts two-factor secrets at rest
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Hearth"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not SECURE_SITE

# Each person chooses their language in settings (User.language); before signing in, the
# browser's. Names are in their own language, so anyone can find theirs. Translations live in
# locale/ (`make messages` after changing text; docs/contributing.md).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Couples' photos: never under STATIC_ROOT or any path a web server serves; only the
# permission-checked photo view reads them. Back this directory up with the database.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private-media"))
PHOTO_MAX_BYTES = 10 * 1024 * 1024
PHOTO_MAX_PIXELS = 40_000_000

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Browser libraries from npm (package-lock.json), installed by `make setup`.
    ("vendor/chart.js", BASE_DIR / "node_modules" / "chart.js" / "dist"),
    ("vendor/chartjs-chart-matrix", BASE_DIR / "node_modules" / "chartjs-chart-matrix" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING or LOCAL
        else "hearth.core.storage.StaticFilesStorage"
    },
}
# Without collectstatic (make run, tests) WhiteNoise serves straight from the apps.
WHITENOISE_USE_FINDERS = DEBUG or TESTING or LOCAL
if WHITENOISE_USE_FINDERS:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# E-mail: SMTP when EMAIL_HOST is set; otherwise printed to the console locally, and
# in production only logged as not sent (hearth/core/mail.py).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
if EMAIL_HOST:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": EMAIL_HOST,
                "port": EMAIL_PORT,
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", default=EMAIL_PORT == 587),
                "use_ssl": env_bool("EMAIL_USE_SSL", default=EMAIL_PORT == 465),
                "timeout": 20,
            },
        }
    }
elif DEBUG or LOCAL or TESTING:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {"default": {"BACKEND": "hearth.core.mail.NotConfiguredEmailBackend"}}
del EMAIL_HOST, EMAIL_PORT
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Hearth <hearth@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers. Behind https (SITE_URL), cookies are secure and HSTS is on.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
SESSION_COOKIE_SECURE = SECURE_SITE
CSRF_COOKIE_SECURE = SECURE_SITE
CSRF_COOKIE_HTTPONLY = True
# The CSRF secret is kept in the session rather than its own cookie, which Django would set
# again on every page with a form (to renew it): Today and most pages are such pages.
CSRF_USE_SESSIONS = True
SECURE_SSL_REDIRECT = SECURE_SITE and env_bool("SECURE_SSL_REDIRECT", default=True)
# Health checks from a load balancer or monitor on the same host often speak plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if SECURE_SITE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", default=True)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_HTTPS_PROXY") else None
)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
# Where the quick-exit button sends a person (PRODUCT D3).
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request bodies never reach the logs; Django's request logger only names the path.
        "django.db.backends": {"level": "WARNING"},
    },
}

# Background work (e-mailed nudges) on Django's tasks framework. By default the tasks wait
# in the database for `manage.py db_worker`, so nothing else has to run (docs/nudges.md).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Invites to pair with a partner (PRODUCT A2).
INVITE_VALID_HOURS = 72
# Personal access tokens for the API.
API_TOKEN_PREFIX = "hth_"  # noqa: S105 (a prefix, not a secret)
