"""Simple but decent demo photos drawn with Pillow (no downloads): a school, a classroom, a meeting, a ceremony,
a field visit, a workshop — each from a seed, so the demo office looks the same on every machine."""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

SIZE = (960, 640)
SKIN = [(224, 172, 105), (198, 134, 66), (241, 194, 125), (141, 85, 36)]
SHIRTS = [(255, 255, 255), (30, 60, 120), (200, 200, 210), (120, 30, 40), (240, 200, 60), (40, 110, 70)]


def _sky(draw, rng, horizon):
    top, bottom = (70 + rng.randint(0, 40), 130 + rng.randint(0, 40), 200 + rng.randint(0, 40)), (200, 225, 245)
    for y in range(horizon):
        t = y / max(horizon, 1)
        draw.line([(0, y), (SIZE[0], y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    for _ in range(rng.randint(2, 5)):
        x, y = rng.randint(0, SIZE[0]), rng.randint(20, max(40, horizon // 2))
        for dx in range(0, 140, 35):
            r = rng.randint(22, 40)
            draw.ellipse([x + dx - r, y - r, x + dx + r, y + r], fill=(250, 250, 252))


def _person(draw, rng, x, ground, scale=1.0, shirt=None):
    h = int(150 * scale)
    head = int(18 * scale)
    body_top = ground - h + 2 * head
    shirt = shirt or rng.choice(SHIRTS)
    draw.rounded_rectangle([x - int(22 * scale), body_top, x + int(22 * scale), ground - int(55 * scale)],
                           radius=int(10 * scale), fill=shirt)
    trousers = rng.choice([(40, 40, 50), (20, 30, 70), (90, 70, 50)])
    draw.rectangle([x - int(18 * scale), ground - int(55 * scale), x - int(3 * scale), ground], fill=trousers)
    draw.rectangle([x + int(3 * scale), ground - int(55 * scale), x + int(18 * scale), ground], fill=trousers)
    draw.ellipse([x - head, body_top - 2 * head, x + head, body_top], fill=rng.choice(SKIN))
    draw.chord([x - head, body_top - 2 * head - 2, x + head, body_top - head], 180, 360, fill=(30, 25, 20))


def _crowd(draw, rng, ground, count, scale=1.0, uniform=None):
    xs = sorted(rng.sample(range(60, SIZE[0] - 60, 24), count))
    for x in xs:
        _person(draw, rng, x, ground + rng.randint(-4, 4), scale * rng.uniform(0.9, 1.08), uniform)


def school(rng) -> Image.Image:
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    horizon = 330
    _sky(draw, rng, horizon)
    draw.rectangle([0, horizon, SIZE[0], SIZE[1]], fill=(120, 165, 90))
    left, right = 140, 820
    draw.rectangle([left, 170, right, horizon + 40], fill=(235, 225, 200))
    draw.polygon([(left - 30, 170), ((left + right) // 2, 90), (right + 30, 170)], fill=(170, 60, 45))
    for x in range(left + 30, right - 40, 70):
        for y in (200, 270):
            draw.rectangle([x, y, x + 40, y + 45], fill=(90, 130, 170))
    draw.rectangle([(left + right) // 2 - 35, 290, (left + right) // 2 + 35, horizon + 40], fill=(110, 70, 40))
    draw.line([(90, horizon + 40), (90, 120)], fill=(200, 200, 200), width=5)
    for i, color in enumerate([(165, 25, 49), (255, 255, 255), (45, 42, 74), (255, 255, 255), (165, 25, 49)]):
        draw.rectangle([92, 122 + i * 9, 160, 131 + i * 9], fill=color)
    _crowd(draw, rng, 560, rng.randint(8, 14), 0.9, uniform=(255, 255, 255))
    return image


def classroom(rng) -> Image.Image:
    image = Image.new("RGB", SIZE, (238, 232, 215))
    draw = ImageDraw.Draw(image)
    draw.rectangle([180, 60, 780, 260], fill=(40, 80, 60), outline=(120, 90, 60), width=10)
    for y in range(100, 230, 40):
        draw.line([(220, y), (220 + rng.randint(200, 500), y)], fill=(220, 230, 220), width=4)
    draw.rectangle([0, 420, SIZE[0], SIZE[1]], fill=(180, 150, 110))
    for row, y in enumerate((470, 560)):
        for x in range(60 + row * 30, SIZE[0] - 80, 170):
            _person(draw, rng, x + 50, y, 0.7, shirt=(255, 255, 255))
            draw.rectangle([x, y - 50, x + 110, y - 35], fill=(150, 110, 70))
    _person(draw, rng, 820, 430, 1.1, shirt=(120, 30, 40))
    return image


def meeting(rng) -> Image.Image:
    image = Image.new("RGB", SIZE, (215, 205, 190))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, SIZE[0], 120], fill=(120, 40, 50))
    draw.rectangle([330, 150, 630, 330], fill=(30, 60, 110))
    draw.rectangle([350, 170, 610, 310], fill=(230, 235, 245))
    for y in range(195, 300, 25):
        draw.line([(375, y), (375 + rng.randint(100, 210), y)], fill=(30, 60, 110), width=6)
    _crowd(draw, rng, 560, rng.randint(7, 11), 1.0)
    draw.rectangle([40, 470, SIZE[0] - 40, 520], fill=(110, 70, 40))
    for x in range(90, SIZE[0] - 60, 110):
        draw.rectangle([x, 452, x + 40, 470], fill=(250, 250, 250))
    return image


def ceremony(rng) -> Image.Image:
    image = Image.new("RGB", SIZE, (250, 240, 220))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, SIZE[0], 330], fill=(240, 205, 90))
    for x in range(0, SIZE[0], 60):
        draw.polygon([(x, 0), (x + 30, 90), (x + 60, 0)], fill=(250, 235, 160))
    draw.rectangle([0, 330, SIZE[0], 400], fill=(150, 30, 40))
    for x in (120, 840):
        draw.ellipse([x - 50, 200, x + 50, 330], fill=(230, 120, 30))
        draw.ellipse([x - 35, 160, x + 35, 260], fill=(250, 200, 60))
    _person(draw, rng, 480, 390, 1.3, shirt=(255, 255, 255))
    _person(draw, rng, 400, 395, 1.0, shirt=(30, 60, 120))
    draw.rectangle([0, 400, SIZE[0], SIZE[1]], fill=(200, 190, 170))
    _crowd(draw, rng, 640, rng.randint(10, 16), 0.8)
    return image


def field_visit(rng) -> Image.Image:
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    horizon = 300
    _sky(draw, rng, horizon)
    for y in range(horizon, SIZE[1]):
        t = (y - horizon) / (SIZE[1] - horizon)
        draw.line([(0, y), (SIZE[0], y)], fill=(int(120 + 40 * t), int(180 - 30 * t), int(60 + 10 * t)))
    for y in range(horizon + 10, SIZE[1], 18):
        draw.line([(0, y), (SIZE[0], y + rng.randint(-6, 6))], fill=(95, 150, 50), width=3)
    for x in (80, 200, 860):
        draw.rectangle([x - 6, horizon - 120, x + 6, horizon], fill=(110, 80, 50))
        draw.ellipse([x - 70, horizon - 200, x + 70, horizon - 90], fill=(60, 120, 50))
    _crowd(draw, rng, 600, rng.randint(5, 9), 1.05)
    return image


def workshop(rng) -> Image.Image:
    image = Image.new("RGB", SIZE, (200, 205, 210))
    draw = ImageDraw.Draw(image)
    for x in range(0, SIZE[0], 120):
        draw.rectangle([x + 10, 40, x + 100, 160], fill=(170, 200, 230))
    draw.rectangle([0, 400, SIZE[0], SIZE[1]], fill=(120, 120, 125))
    for x in range(80, SIZE[0] - 100, 260):
        draw.rectangle([x, 420, x + 200, 450], fill=(90, 60, 40))
        draw.rectangle([x + 40, 360, x + 160, 420], fill=(60, 90, 150))
        draw.ellipse([x + 70, 375, x + 130, 405], fill=(200, 200, 200))
    _crowd(draw, rng, 600, rng.randint(6, 10), 0.95, uniform=(40, 110, 70))
    return image


SCENES = {"school": school, "classroom": classroom, "meeting": meeting, "ceremony": ceremony,
          "field": field_visit, "workshop": workshop}


def photo(scene: str, seed: int) -> bytes:
    rng = random.Random(seed)
    image = SCENES[scene](rng).filter(ImageFilter.GaussianBlur(0.6))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80, optimize=True)
    return out.getvalue()
