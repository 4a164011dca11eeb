"""Running untrusted-file work (PDF rendering, DOCX parsing, OCR) in a child process with hard limits.

A hostile file must cost a bounded amount: a PDF page of 14,400 × 14,400 pt rendered at 300 dpi wants 3.6 GB,
a 1 MB DOCX zip bomb took 2.2 GB and 41 s, and in the web process either takes the server with it. The child
(`python -m prasan.sandbox`) gets an address-space limit (RLIMIT_AS) and a CPU-time limit (RLIMIT_CPU) before
it imports anything, the parent kills its whole process group at a wall-clock deadline, and the child dies
with its parent (a killed worker leaves no orphan rendering on). The work is a plain function named by its
dotted path; it talks JSON: arguments in, progress lines and one result out.

    outcome = sandbox.call("prasan.correspondence.intake.pipeline.run_file", path, name, progress=report)
    outcome.value, outcome.peak_kb, outcome.seconds

A refusal the function raises with a Thai `.message` and a `.code` (IntakeError) comes back as SandboxError
with the same message and code; running out of memory or time, or crashing, as SandboxError with a Thai
sentence of its own.
"""

import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

MEMORY = ("ไฟล์นี้ต้องใช้หน่วยความจำเกินกำหนดในการอ่าน ({} MB) ระบบจึงหยุดอ่าน "
          "กรุณาตรวจไฟล์หรือขอไฟล์ที่เล็กลงจากผู้ส่ง")
TIME = "การอ่านไฟล์นี้ใช้เวลาเกินกำหนด ({} วินาที) ระบบจึงหยุดอ่าน กรุณาตรวจไฟล์หรือแยกไฟล์ให้เล็กลง"
CRASHED = "โปรแกรมอ่านไฟล์หยุดทำงานกลางคัน ({}) ไฟล์อาจเสียหรือมีโครงสร้างผิดปกติ"


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 1536
    cpu_seconds: int = 600
    wall_seconds: int = 900

    @classmethod
    def from_settings(cls, **override) -> "Limits":
        from django.conf import settings

        values = {"memory_mb": settings.TASK_MEMORY_MB, "cpu_seconds": settings.TASK_CPU_SECONDS,
                  "wall_seconds": settings.TASK_WALL_SECONDS}
        values.update(override)
        return cls(**values)


@dataclass
class Outcome:
    value: object
    peak_kb: int  # the child's peak resident memory (VmHWM), or that of the Tesseract it ran if larger
    seconds: float


class SandboxError(Exception):
    def __init__(self, message: str, code: str, peak_kb: int = 0, seconds: float = 0.0):
        super().__init__(message)
        self.message, self.code, self.peak_kb, self.seconds = message, code, peak_kb, seconds

    def __str__(self) -> str:
        return self.message


def call(function: str, *args, limits: Limits | None = None,
         progress: Callable[[int, int], None] | None = None) -> Outcome:
    limits = limits or Limits()
    request = json.dumps({"function": function, "args": args, "limits": limits.__dict__,
                          "progress": progress is not None})
    started = time.monotonic()
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen([sys.executable, "-m", "prasan.sandbox"], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=errors, start_new_session=True)
        timed_out, done = threading.Event(), threading.Event()

        def kill():
            timed_out.set()
            _kill_group(child.pid)

        timer = threading.Timer(limits.wall_seconds, kill)
        timer.daemon = True
        timer.start()
        watcher = _PeakWatcher(child.pid, done)
        watcher.start()
        reply = None
        try:
            child.stdin.write(request.encode())
            child.stdin.close()
            for line in child.stdout:
                message = json.loads(line)
                if "progress" in message and progress is not None:
                    progress(*message["progress"])
                else:
                    reply = message
        except (BrokenPipeError, ValueError):
            pass  # the child died before reading or wrote half a line: judged by its exit below
        finally:
            timer.cancel()
            child.stdout.close()
            done.set()
            watcher.join()
            code = child.wait()
            _kill_group(child.pid)  # whatever it started and left running
        seconds = time.monotonic() - started
        peak = max(watcher.peak_kb, (reply or {}).get("peak_kb", 0))
        if timed_out.is_set():
            raise SandboxError(TIME.format(limits.wall_seconds), "time", peak, seconds)
        if reply is not None and "result" in reply:
            return Outcome(reply["result"], peak, seconds)
        if reply is not None and "error" in reply:
            raise SandboxError(reply["error"]["message"], reply["error"]["code"], peak, seconds)
        if code == -signal.SIGXCPU or (code == -signal.SIGKILL and seconds >= limits.cpu_seconds):
            raise SandboxError(TIME.format(limits.cpu_seconds), "time", peak, seconds)
        errors.seek(0)
        tail = errors.read()[-2000:].decode("utf-8", "replace")
        if any(sign in tail for sign in ("MemoryError", "bad_alloc", "Cannot allocate", "out of memory")):
            raise SandboxError(MEMORY.format(limits.memory_mb), "memory", peak, seconds)
        raise SandboxError(CRASHED.format(f"รหัส {code}"), "crashed", peak, seconds)


class _PeakWatcher(threading.Thread):
    """The child's peak resident memory (VmHWM), sampled while it lives. getrusage's ru_maxrss cannot tell it:
    Linux carries the parent's resident size at fork over exec into the child's figure."""

    def __init__(self, pid: int, done: threading.Event):
        super().__init__(daemon=True)
        self.pid, self.done, self.peak_kb = pid, done, 0

    def run(self) -> None:
        while not self.done.is_set():
            self.peak_kb = max(self.peak_kb, _high_water(self.pid))
            self.done.wait(0.05)


def _high_water(pid: int | str) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


# ---- the child -------------------------------------------------------------------------------------

def _send(message: dict) -> None:
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _die_with_parent() -> None:
    """Linux: SIGKILL this process when the worker that started it dies (kill -9 included)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _child() -> None:
    request = json.loads(sys.stdin.read())
    limits = request["limits"]
    memory = limits["memory_mb"] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (limits["cpu_seconds"], limits["cpu_seconds"] + 5))
    _die_with_parent()
    if os.getppid() == 1:
        return
    from importlib import import_module

    module, name = request["function"].rsplit(".", 1)
    function = getattr(import_module(module), name)
    kwargs = {"progress": lambda done, total: _send({"progress": [done, total]})} if request["progress"] else {}
    try:
        value = function(*request["args"], **kwargs)
    except MemoryError:
        _send({"error": {"message": MEMORY.format(limits["memory_mb"]), "code": "memory"}})
        return
    except Exception as exc:  # noqa: BLE001 — a refusal with a Thai message goes back as it is
        if isinstance(getattr(exc, "message", None), str) and getattr(exc, "code", None):
            _send({"error": {"message": exc.message, "code": exc.code}, "peak_kb": _own_peak()})
            return
        raise
    _send({"result": value, "peak_kb": _own_peak()})


def _own_peak() -> int:
    """This process's peak (its own memory since exec) and that of the children it waited for (Tesseract)."""
    return max(_high_water("self"), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


if __name__ == "__main__":
    _child()
