"""Running the HTTP load test: gunicorn on a free local port, locust headless against it, its requests read back.

`prasan loadtest` drives these; tests/bench/test_loadtest.py runs the locustfile through them too.
"""

import csv
import json
import math
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"
ROOT = LOCUSTFILE.parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """gunicorn serving prasan.wsgi as `make run` does (scripts/serve.sh), on this machine only."""

    workers: int
    threads: int
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def worker_class(self) -> str:
        return "gthread" if self.threads > 1 else "sync"

    def start(self, log: Path, timeout: float = 60) -> "Server":
        # Server-Timing: each request's CPU, which the locustfile records (prasan/web/timing.py).
        env = {**os.environ, "PRASAN_BASE_URL": self.url, "PRASAN_SERVER_TIMING": "1"}
        command = [sys.executable, "-m", "gunicorn", "prasan.wsgi", "-b", f"127.0.0.1:{self.port}",
                   "-w", str(self.workers), "-k", self.worker_class, "--threads", str(self.threads),
                   "--log-level", "warning", "--timeout", "120"]
        with open(log, "ab") as out:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn หยุดทำงานตั้งแต่เริ่ม (ดู {log})")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"gunicorn ไม่ตอบภายใน {timeout:.0f} วินาที (ดู {log})")

    def stop(self) -> None:
        """Stop the server this object started, and only it (gunicorn's master stops its workers)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def cpu_seconds(self) -> float:
        """CPU time used so far by gunicorn and its workers: what the requests cost, whatever else runs."""
        import psutil  # installed with locust

        master = psutil.Process(self.process.pid)
        return sum(sum(p.cpu_times()[:2]) for p in [master, *master.children(recursive=True)])

    @staticmethod
    def troubles(log: Path) -> list[str]:
        """Lines of gunicorn's log that mean requests were lost: a worker timed out, was killed or crashed."""
        words = ("WORKER TIMEOUT", "was sent SIG", "exited with code")
        lines = log.read_text(errors="replace").splitlines() if log.exists() else []
        return [line for line in lines if any(w in line for w in words)]

    def describe(self) -> dict:
        return {"workers": self.workers, "threads": self.threads, "worker_class": self.worker_class}


@dataclass
class Row:
    method: str
    name: str
    requests: int
    failures: int
    rps: float
    p50_ms: float
    p95_ms: float
    max_ms: float
    cpu_ms: float | None = None  # the server's CPU per request, mean (from its Server-Timing header)


@dataclass
class Result:
    rows: list[Row]
    total: Row
    failures: list[dict]  # method, name, error, occurrences
    seconds: float

    @property
    def errors(self) -> int:
        return self.total.failures

    def as_dict(self) -> dict:
        return {"seconds": self.seconds, "requests": [asdict(r) for r in self.rows], "total": asdict(self.total),
                "failures": self.failures}


@dataclass
class Sample:
    """One request as the locustfile recorded it: when it ended, what it was, how long, and why it failed."""

    at: float
    method: str
    name: str
    ms: float
    error: str
    cpu_ms: float | None = None


def run_locust(host: str, *, users: int, seconds: int, out: Path, spawn_rate: float = 10,
               think: float = 1.0, fixed: dict[str, int] | None = None, progress=None, until=None,
               locustfile: Path = LOCUSTFILE) -> int:
    """Run the locustfile headless, leaving locust's CSV and every request (requests.tsv) in `out`.

    `progress(history_row)` is called about every five seconds; `fixed` plays exactly these people
    ({"Coordinator": 1, …}) instead of the roles' usual mix; `until(result)` ends the run early (as
    Ctrl+C would) once it returns true; `locustfile` another crowd (bench/load/public_readers.py)."""
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PRASAN_LOAD_THINK": str(think), "PRASAN_LOAD_SAMPLES": str(out / "requests.tsv")}
    command = [sys.executable, "-m", "locust", "-f", str(locustfile), "--headless", "--only-summary",
               "-u", str(users), "-r", str(spawn_rate), "-t", f"{seconds}s", "--host", host,
               "--csv", str(out / "locust"), "--loglevel", "WARNING"]
    if fixed:
        config = [{"user_class_name": name, "fixed_count": count} for name, count in fixed.items()]
        command += [*fixed, "--config-users", json.dumps(config)]  # the option takes every word after it
    with open(out / "locust.log", "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            while process.poll() is None:
                time.sleep(1)
                if progress is not None and (row := _last_history_row(out)) is not None:
                    progress(row)
                if until is not None and (samples := read_samples(out)) and until(summarize(samples)):
                    process.send_signal(signal.SIGTERM)
                    process.wait()
        except BaseException:
            process.terminate()
            process.wait()
            raise
    return process.returncode


def _last_history_row(out: Path) -> dict | None:
    path = out / "locust_stats_history.csv"
    if not path.exists():
        return None
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    return rows[-1] if rows else None


def read_samples(out: Path) -> list[Sample]:
    path = out / "requests.tsv"
    if not path.exists():
        return []
    samples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 6:  # a line still being written has fewer
            cpu = float(parts[5]) if parts[5] else None
            samples.append(Sample(float(parts[0]), parts[1], parts[2], float(parts[3]), parts[4], cpu))
    return samples


def all_logged_in(samples: list[Sample], users: int) -> float | None:
    """When the last of `users` people finished logging in: the end of the start-up rush."""
    logins = sorted(s.at for s in samples if s.method == "POST" and s.name == "/login/" and not s.error)
    return logins[users - 1] if len(logins) >= users else None


def summarize(samples: list[Sample]) -> Result:
    """Requests per second and exact percentiles (nearest rank) by request and in total."""
    seconds = max(max(s.at for s in samples) - min(s.at - s.ms / 1000 for s in samples), 1e-3) if samples else 0
    groups: dict[tuple[str, str], list[Sample]] = {}
    for sample in samples:
        groups.setdefault((sample.method, sample.name), []).append(sample)
    rows = [_row(method, name, group, seconds) for (method, name), group in sorted(groups.items(), key=_by_name)]
    failures: dict[tuple[str, str, str], int] = {}
    for s in samples:
        if s.error:
            failures[(s.method, s.name, s.error)] = failures.get((s.method, s.name, s.error), 0) + 1
    return Result(rows, _row("", "Aggregated", samples, seconds),
                  [{"method": m, "name": n, "error": e, "occurrences": c} for (m, n, e), c in failures.items()],
                  round(seconds, 1))


def _by_name(item):
    (method, name), _ = item
    return name, method


def _row(method: str, name: str, samples: list[Sample], seconds: float) -> Row:
    times = sorted(s.ms for s in samples)

    def rank(q):
        return round(times[max(0, math.ceil(q * len(times)) - 1)], 1) if times else 0.0

    cpu = [s.cpu_ms for s in samples if s.cpu_ms is not None]
    return Row(method, name, len(samples), sum(1 for s in samples if s.error),
               round(len(samples) / seconds, 2) if seconds else 0.0, rank(0.5), rank(0.95), rank(1.0),
               round(sum(cpu) / len(cpu), 2) if cpu else None)
