"""How much CPU each request cost the server, told to the load test in a `Server-Timing` header.

The load test's figure that holds on any machine is the CPU a page costs relative to the floor (a minimal
signed-in page through the same middleware), not its milliseconds under load: waiting for a core is the
machine's, burning one is the code's. The thread's own CPU clock counts only this request, also under
gunicorn's threaded workers. Only switched on (PRASAN_SERVER_TIMING=1) where `prasan loadtest` serves: an
office's server does not tell the world how long its pages take.
"""

import time


class ServerTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cpu, wall = time.thread_time(), time.perf_counter()
        response = self.get_response(request)
        cpu, wall = (time.thread_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000
        response["Server-Timing"] = f"cpu;dur={cpu:.2f}, app;dur={wall:.2f}"
        return response


def cpu_ms(header: str | None) -> float | None:
    """The `cpu` duration of a Server-Timing header, or None."""
    for metric in (header or "").split(","):
        name, _, params = metric.strip().partition(";")
        if name == "cpu" and params.startswith("dur="):
            try:
                return float(params[4:])
            except ValueError:
                return None
    return None
