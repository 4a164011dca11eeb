"""Django settings for Prasan, read from PRASAN_* environment variables with safe defaults."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env("PRASAN_DATA_DIR", str(BASE_DIR / "var"))).resolve()
MEDIA_ROOT = DATA_DIR / "media"

DEBUG = env_bool("PRASAN_DEBUG", False)
TESTING = env_bool("PRASAN_TESTING", False)

SECRET_KEY_FILE = DATA_DIR / "secret_key"
# The key never depends on PRASAN_DEBUG: a known key would let anyone forge sessions and reply links.
# Outside tests it comes from the environment or from the data dir's key file, which `prasan secret-key`
# (run by `make run`) writes once; with neither, Prasan refuses to start rather than invent one.
SECRET_KEY = env("PRASAN_SECRET_KEY")
if not SECRET_KEY and SECRET_KEY_FILE.exists():
    SECRET_KEY = SECRET_KEY_FILE.read_text().strip()
if not SECRET_KEY:
    if not TESTING:
        raise ImproperlyConfigured(
            f"ไม่มีกุญแจลับ: ตั้ง PRASAN_SECRET_KEY หรือสร้างไฟล์ {SECRET_KEY_FILE} ด้วยคำสั่ง `prasan secret-key`"
        )
    SECRET_KEY = "prasan-tests-only-" + "x" * 40

BASE_URL = env("PRASAN_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
ALLOWED_HOSTS = [h for h in env("PRASAN_ALLOWED_HOSTS", "").split(",") if h] or [
    "127.0.0.1",
    "localhost",
    "testserver",
    BASE_URL.split("://", 1)[-1].split("/")[0].split(":")[0],
]
CSRF_TRUSTED_ORIGINS = [BASE_URL]
# The public site (news, announcements, the complaint form) on a host name of its own, e.g. news.example.go.th;
# empty: it is served at /public/ only (it is at /public/ on the office's own host either way).
PUBLIC_SITE_HOST = env("PRASAN_PUBLIC_HOST").strip().lower()
if PUBLIC_SITE_HOST:
    ALLOWED_HOSTS.append(PUBLIC_SITE_HOST)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "prasan.audit",
    "prasan.directory",
    "prasan.accounts",
    "prasan.tracking",
    "prasan.matters",
    "prasan.openwork",
    "prasan.coordination",
    "prasan.correspondence",
    "prasan.records",
    "prasan.search",
    "prasan.documents",
    "prasan.parliament",
    "prasan.complaints",
    "prasan.complaints.public",
    "prasan.complaints.imports",
    "prasan.cabinet",
    "prasan.publishing",
    "prasan.agenda",
    "prasan.policy",
    "prasan.briefing",
    "prasan.tasks",
    "prasan.web",
    "prasan.api",
    "prasan.backup",
    "prasan.public_site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "prasan.public_site.hosts.PublicHostMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "prasan.accounts.idle.IdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "prasan.web.middleware.SecurityHeadersMiddleware",
    "prasan.web.garbage.FreezeWarmObjectsMiddleware",
]
# The load test reads each request's CPU from a Server-Timing header (prasan/web/timing.py); outermost, so the
# figure is the whole stack's.
SERVER_TIMING = env("PRASAN_SERVER_TIMING") == "1"
if SERVER_TIMING:
    MIDDLEWARE.insert(0, "prasan.web.timing.ServerTimingMiddleware")

ROOT_URLCONF = "prasan.urls"
WSGI_APPLICATION = "prasan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "prasan" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "prasan.web.context.office",
                "prasan.accounts.context.idle",
            ],
            "builtins": ["prasan.thai.templatetags.thai"],
        },
    }
]


def _database() -> dict:
    url = env("PRASAN_DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        if config["ENGINE"] != "django.db.backends.postgresql":
            raise ImproperlyConfigured("PRASAN_DATABASE_URL must be a postgresql:// URL")
        # JIT compiling short counting queries costs 30–35 ms each and saves nothing at these sizes.
        config.setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
        return config
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "prasan.sqlite3",
        # Kept per thread: opening the file and running init_command cost about 2 ms of CPU per request, two
        # fifths of the floor page (a file, not a server: nothing is held open that another process waits for).
        "CONN_MAX_AGE": 600,
        "OPTIONS": {
            # IMMEDIATE takes the write lock at BEGIN, so concurrent writers queue
            # instead of failing half-way (gapless numbering depends on it).
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
        # A file, not shared-cache memory, so tests of concurrent numbering see real SQLite locking.
        "TEST": {"NAME": str(DATA_DIR / "test.sqlite3")},
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "my-work"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_HASHERS = [
    "prasan.accounts.hashers.OfficeArgon2PasswordHasher",  # verifies Django's default Argon2 hashes too
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is deliberately slow; tests hash many demo passwords.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Thai reasons, and the same strength estimate the form's meter shows (prasan/accounts/passwords.py).
PASSWORD_MIN_LENGTH = int(env("PRASAN_PASSWORD_MIN_LENGTH", "10"))
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "prasan.accounts.passwords.LengthValidator"},
    {"NAME": "prasan.accounts.passwords.NotPersonalValidator"},
    {"NAME": "prasan.accounts.passwords.CommonPasswordValidator"},
    {"NAME": "prasan.accounts.passwords.StrengthValidator"},
]

# Sign-in: wrong passwords/codes per user name and per address within the lock-out window lock it.
LOGIN_MAX_FAILURES = int(env("PRASAN_LOGIN_MAX_FAILURES", "5"))
LOGIN_MAX_FAILURES_PER_ADDRESS = int(env("PRASAN_LOGIN_MAX_FAILURES_PER_ADDRESS", "20"))
LOGIN_LOCKOUT_MINUTES = int(env("PRASAN_LOGIN_LOCKOUT_MINUTES", "15"))
# The public complaint form: filings an hour from one address and from everywhere; failed status look-ups in
# 15 minutes from one address and from everywhere (guessing numbers and codes).
# The office's own reverse proxies (comma-separated addresses): behind them a caller's address is read from
# X-Forwarded-For as the proxy wrote it (prasan/accounts/throttle.py: client_address).
TRUSTED_PROXIES = frozenset(a.strip() for a in env("PRASAN_TRUSTED_PROXIES").split(",") if a.strip())
PUBLIC_COMPLAINTS_PER_ADDRESS = int(env("PRASAN_PUBLIC_COMPLAINTS_PER_ADDRESS", "5"))
PUBLIC_COMPLAINTS_OVERALL = int(env("PRASAN_PUBLIC_COMPLAINTS_OVERALL", "300"))
PUBLIC_STATUS_MISSES_PER_ADDRESS = int(env("PRASAN_PUBLIC_STATUS_MISSES_PER_ADDRESS", "10"))
PUBLIC_STATUS_MISSES_OVERALL = int(env("PRASAN_PUBLIC_STATUS_MISSES_OVERALL", "200"))
# A password accepted, the code not yet given: how long the half-signed-in state lasts.
TWO_FACTOR_PENDING_SECONDS = 600
OTP_TOTP_ISSUER = "Prasan"
IDLE_TIMEOUT_MINUTES = float(env("PRASAN_IDLE_MINUTES", "30"))
IDLE_WARNING_SECONDS = int(env("PRASAN_IDLE_WARNING_SECONDS", "120"))
API_TOKEN_DAYS = int(env("PRASAN_API_TOKEN_DAYS", "90"))
IDEMPOTENCY_KEY_HOURS = int(env("PRASAN_IDEMPOTENCY_HOURS", "24"))
# `prasan backup --nightly` (cron): one archive a day into BACKUP_DIR, the newest BACKUP_KEEP kept.
BACKUP_DIR = Path(env("PRASAN_BACKUP_DIR", str(DATA_DIR / "backups")))
BACKUP_KEEP = int(env("PRASAN_BACKUP_KEEP", "14"))
# The tick (prasan tick) also makes that archive once a day from this time; empty: only cron's --nightly.
# Off in tests (each tick would copy the whole test database); tests/backup sets it.
BACKUP_AT = env("PRASAN_BACKUP_AT", "" if TESTING else "02:00")

LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย")]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "prasan" / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "prasan" / "static"]
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
if WHITENOISE_USE_FINDERS:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

FILE_UPLOAD_MAX_BYTES = int(env("PRASAN_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = FILE_UPLOAD_MAX_BYTES + 1024 * 1024

# Security headers (SecurityHeadersMiddleware adds the Content-Security-Policy).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "prasan.web.views.csrf_failure"
SESSION_COOKIE_AGE = 60 * 60 * 10
if BASE_URL.startswith("https://"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def _email() -> dict:
    """PRASAN_SMTP_URL = smtp://user:pass@host:port or smtps://… ; unset = print to console."""
    url = env("PRASAN_SMTP_URL")
    if not url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": parts.scheme == "smtp+tls",
        "EMAIL_TIMEOUT": 20,
    }


globals().update(_email())
DEFAULT_FROM_EMAIL = env("PRASAN_FROM_EMAIL", "prasan@localhost")

LINE_API_URL = env("PRASAN_LINE_API_URL", "https://api.line.me").rstrip("/")
LINE_TOKEN = env("PRASAN_LINE_TOKEN")

REPLY_LINK_MAX_AGE_DAYS = int(env("PRASAN_REPLY_LINK_DAYS", "30"))

# The office's signing certificate (PKCS#12) for the PDF digital signature (PAdES) of signed documents.
# Unset: the demo office's certificate that `prasan demo` makes under SIGNING_DEMO_DIR, if there is one.
SIGNING_P12 = env("PRASAN_SIGNING_P12")
SIGNING_P12_PASSWORD = env("PRASAN_SIGNING_P12_PASSWORD")
# Further trusted root certificates (PEM or DER files, separated by ":") for checking signed PDFs.
SIGNING_TRUST = [p for p in env("PRASAN_SIGNING_TRUST").split(os.pathsep) if p]
SIGNING_DEMO_DIR = DATA_DIR / "signing"

TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
# Each reading of an uploaded file (render, parse, OCR) runs in a child process with these limits
# (prasan.sandbox): address space, CPU seconds, wall-clock seconds.
TASK_MEMORY_MB = int(env("PRASAN_TASK_MEMORY_MB", "1536"))
TASK_CPU_SECONDS = int(env("PRASAN_TASK_CPU_SECONDS", "600"))
TASK_WALL_SECONDS = int(env("PRASAN_TASK_WALL_SECONDS", "900"))
# A worker that has not renewed its lease for this long is dead: its running tasks are queued again
# (prasan.tasks), each at most TASK_MAX_ATTEMPTS times in all.
WORKER_LEASE_SECONDS = int(env("PRASAN_WORKER_LEASE_SECONDS", "60"))
TASK_MAX_ATTEMPTS = int(env("PRASAN_TASK_MAX_ATTEMPTS", "3"))
# A letter being read with no progress for this long is shown as abandoned, with retry and discard.
INTAKE_STALE_SECONDS = int(env("PRASAN_INTAKE_STALE_SECONDS", "900"))
if TESTING:
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

NINJA_PAGINATION_PER_PAGE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("PRASAN_LOG_LEVEL", "WARNING")},
    # pyHanko logs a traceback whenever a signer's certificate does not chain to a trusted root, which
    # is an answer (shown on the page and by `prasan sign-verify`), not a fault of Prasan.
    "loggers": {name: {"level": "ERROR"} for name in ("pyhanko", "pyhanko_certvalidator")},
}
