"""`next` after an action: a path on this site only; anything else falls back to the page's own default."""

import pytest
from django.test import RequestFactory

from prasan.web.navigation import safe_next


@pytest.mark.parametrize("target, expected", [
    ("/matters/1/", "/matters/1/"),
    ("999999", ""),  # a bare word: redirect() would look it up as a view name and fail with a 500
    ("https://evil.example/", ""),
    ("//evil.example/x", ""),
    ("", ""),
])
def test_only_a_path_on_this_site_is_followed(target, expected):
    request = RequestFactory().post("/x/", {"next": target})
    assert safe_next(request) == expected
