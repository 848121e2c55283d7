"""Generated pictures for the demo: soft abstract heroes and initials portraits.

Drawn with Pillow from a seed, so every run produces the same bytes and no image has to be
downloaded or committed.
"""

import hashlib
import io
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

CALM_PALETTES = [
    ("#dfeee8", "#2a6b58", "#f3c9a8"),
    ("#e8eef6", "#3b5b8c", "#c9dfd4"),
    ("#f5ece1", "#9a5b2e", "#d8e6d0"),
    ("#eee8f3", "#5e4a7a", "#f1d6c4"),
    ("#e6f0ef", "#2f6f73", "#f0e2b6"),
]


def _rng(seed):
    return random.Random(hashlib.sha256(seed.encode()).hexdigest())  # noqa: S311 (art, not crypto)


def _jpeg(image):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def hero(seed, size=(1600, 900)):
    """Overlapping blurred circles on a pale background, like light through water."""
    rng = _rng(seed)
    background, strong, soft = rng.choice(CALM_PALETTES)
    image = Image.new("RGB", size, background)
    layer = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(layer)
    width, height = size
    for index in range(7):
        radius = rng.randint(height // 6, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        colour = strong if index % 3 == 0 else soft
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    layer = layer.filter(ImageFilter.GaussianBlur(radius=height // 12))
    return _jpeg(Image.blend(image, layer, 0.75))


def portrait(name, colour, size=640):
    """A circle of colour with the person's initials in white."""
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    image = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=size // 3)
    draw.text((size / 2, size / 2), initials, fill="#ffffff", font=font, anchor="mm")
    return _jpeg(image)
