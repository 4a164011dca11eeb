"""Requests whose answer is more than a text: an app that asks agencies through the same reply links (a policy's
progress report) registers here what its link holders see instead of the plain answer form, and why its requests
may no longer take answers. The link itself — signing, expiry, one use, reissue, reminders — stays this app's."""

from typing import Protocol


class ReplyKind(Protocol):
    def claims(self, request_obj) -> bool:
        """This request is one of the kind's."""

    def closed_reason(self, request_obj) -> str:
        """A Thai sentence when the kind no longer takes answers for it (its own thing is closed), else ""."""

    def page(self, http_request, request_obj):
        """The reply page (GET and POST) for an open request and a valid link."""


KINDS: list[ReplyKind] = []


def register(kind: ReplyKind) -> None:
    if kind not in KINDS:
        KINDS.append(kind)


def kind_of(request_obj) -> ReplyKind | None:
    return next((kind for kind in KINDS if kind.claims(request_obj)), None)
