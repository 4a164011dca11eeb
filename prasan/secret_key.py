"""The signing key's file in the data dir: written once by `prasan secret-key`, read by settings.

Kept apart from settings so the command line can create it before Django (which refuses to start
without a key) is loaded.
"""

import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return Path(os.environ.get("PRASAN_DATA_DIR") or BASE_DIR / "var").resolve()


def key_file() -> Path:
    return data_dir() / "secret_key"


def have_key() -> bool:
    return bool(os.environ.get("PRASAN_SECRET_KEY")) or key_file().exists()


def ensure_key_file() -> tuple[Path, bool]:
    """(the key file, whether it was created now); an existing key is never replaced, since that
    would sign everyone out and break every reply link already sent."""
    path = key_file()
    if path.exists():
        return path, False
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_EXCL: two processes starting at once cannot both write (and disagree on) the key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path, False
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(50))
    return path, True
