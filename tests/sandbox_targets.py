"""Functions the sandbox tests run in the child (importable without Django: the child never sets it up)."""

import time


def hog(megabytes: int, progress=None):
    """Allocate and touch this much memory."""
    block = bytearray(megabytes * 1024 * 1024)
    for i in range(0, len(block), 4096):
        block[i] = 1
    return len(block)


def spin(seconds: float, progress=None):
    """Burn CPU for this long (the CPU limit stops it first)."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return "done"


def sleep(seconds: float, progress=None):
    """Wait without CPU (only the wall-clock limit stops it)."""
    time.sleep(seconds)
    return "done"


def count(pages: int, progress=None):
    for page in range(1, pages + 1):
        progress(page, pages)
    return {"pages": pages}


def crash(progress=None):
    import os

    os.abort()
