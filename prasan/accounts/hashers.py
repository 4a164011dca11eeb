"""Password hashing: Argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).

Django's defaults (100 MiB, 8 lanes) cost about 210 ms of CPU a log-in on this office's 2-core server, so
fifty people signing in at 08:30 queue behind each other for seconds; these parameters cost about 20 ms.
Stored hashes carry their own parameters: older ones still verify and are re-hashed at the next log-in.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class OfficeArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
