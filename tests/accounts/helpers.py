"""Shared by the sign-in tests: sign in through the real form, and the code an app would show now."""

import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD


def post_login(client, username, password=PASSWORD, address="10.0.0.1", **extra):
    return client.post("/login/", {"username": username, "password": password, **extra}, REMOTE_ADDR=address)


def app_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for `device` now (or the next step: django-otp accepts one
    step either side, and never the same step twice)."""
    device.refresh_from_db()
    clock = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    clock.time = time.time() + steps_ahead * device.step
    return str(clock.token()).zfill(device.digits)
