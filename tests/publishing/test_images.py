"""Photos are checked by content, resized, and stripped of EXIF (GPS above all)."""

import io

import pytest
from PIL import Image

from prasan.publishing import images

from .conftest import jpeg


def test_gps_and_camera_data_are_gone():
    original = jpeg(gps=True)
    with Image.open(io.BytesIO(original)) as before:
        assert before.getexif().get_ifd(0x8825)  # the upload really carries a position
    cleaned = images.prepare(original)
    with Image.open(io.BytesIO(cleaned.read())) as after:
        assert not after.getexif()
        assert not after.getexif().get_ifd(0x8825)
        assert "exif" not in after.info


def test_large_photos_are_resized():
    cleaned = images.prepare(jpeg(size=(4000, 3000)))
    with Image.open(io.BytesIO(cleaned.read())) as after:
        assert max(after.size) == images.MAX_SIDE
        assert after.size == (1600, 1200)


def test_png_with_transparency_stays_png():
    out = io.BytesIO()
    Image.new("RGBA", (10, 10), (0, 0, 0, 0)).save(out, "PNG")
    assert images.prepare(out.getvalue()).name.endswith(".png")


@pytest.mark.parametrize("data", [b"%PDF-1.7 not a photo", b"\xff\xd8\xff\xe0 broken jpeg", b"GIF89a......", b""])
def test_what_is_not_a_photo_is_refused_in_thai(data):
    with pytest.raises(images.ImageError, match="ภาพ"):
        images.prepare(data)
