"""Step 1, store: the file's SHA-256, its identity for duplicate checks and content-addressed storage."""

import hashlib


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
