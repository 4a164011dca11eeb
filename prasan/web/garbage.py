"""Keeping Python's garbage collector off the objects a server process keeps for its whole life.

A full collection walks every object alive: Django's, the templates compiled, the libraries imported on a first
request (about 130,000 objects, 70 ms on this machine). It comes every few dozen requests and lands on
whichever request is running, in a threaded worker on every thread. Once a process has served its first
requests, what it holds is frozen (gc.freeze): collections then walk only what requests make.
"""

import gc
import threading

FREEZE_AFTER = frozenset({1, 10, 100})  # requests served: the first ones load templates and libraries lazily
_served = 0  # by this process, whichever handler served them
_lock = threading.Lock()


class FreezeWarmObjectsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        global _served
        response = self.get_response(request)
        with _lock:
            _served += 1
            freeze = _served in FREEZE_AFTER
        if freeze:
            gc.collect()  # what is garbage now is not frozen with the rest
            gc.freeze()
        return response
