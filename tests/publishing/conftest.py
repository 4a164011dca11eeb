import io

import pytest
from PIL import Image

from prasan.publishing import access


@pytest.fixture
def reviewer(users):
    """The public-relations group head: a group head holding the per-person review permission."""
    user = users["grouphead"]
    access.grant(user, by=users["admin"], granted=True)
    return user


def jpeg(size=(64, 48), color="navy", gps=False, fmt="JPEG") -> bytes:
    image = Image.new("RGB", size, color)
    out = io.BytesIO()
    if gps:
        exif = image.getexif()
        exif[0x010F] = "PhoneMaker"  # Make
        place = exif.get_ifd(0x8825)
        place[1], place[2], place[3], place[4] = "N", (13.0, 45.0, 30.0), "E", (100.0, 30.0, 15.0)
        image.save(out, fmt, exif=exif)
    else:
        image.save(out, fmt)
    return out.getvalue()


@pytest.fixture
def make_post(users):
    from prasan.publishing import editing

    def make(title="รัฐมนตรีเยี่ยมโรงเรียน", by=None, **data):
        data.setdefault("summary", "สรุปข่าว")
        data.setdefault("body_html", "<p>เนื้อหา</p>")
        return editing.save(None, {"title": title, **data}, by=by or users["coordinator"])

    return make
