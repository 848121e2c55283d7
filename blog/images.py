"""Named sets of image renditions, shared by the templates that show them and the
querysets that prefetch them, so the two can never drift apart."""

from dataclasses import dataclass

from django.db.models import Prefetch
from wagtail.images import get_image_model


@dataclass(frozen=True)
class RenditionSet:
    specs: tuple[str, ...]
    sizes: str


RENDITION_SETS = {
    # Cards on index pages and in "related" lists: three columns on desktop, one on phones.
    "card": RenditionSet(
        ("fill-480x270-c100", "fill-960x540-c100"),
        "(min-width: 64rem) 20rem, (min-width: 40rem) 45vw, 100vw",
    ),
    # The hero at the top of an article or technique page.
    "hero": RenditionSet(
        ("fill-800x450-c100", "fill-1200x675-c100", "fill-1600x900-c100"),
        "(min-width: 50rem) 48rem, 100vw",
    ),
    # Images inside an article body keep their proportions.
    "body": RenditionSet(
        ("width-800", "width-1200", "width-1600"), "(min-width: 50rem) 48rem, 100vw"
    ),
    # Author photos in bylines, cards and profiles.
    "portrait": RenditionSet(
        ("fill-96x96-c100", "fill-240x240-c100", "fill-480x480-c100"), "7.5rem"
    ),
    # Link previews (Open Graph) and structured data: the 1200x630 picture social sites ask for.
    "social": RenditionSet(("fill-1200x630-c100",), "1200px"),
}


def with_renditions(lookup, set_name):
    """A Prefetch that loads the image behind ``lookup`` with the renditions of ``set_name``."""
    images = get_image_model().objects.prefetch_renditions(*RENDITION_SETS[set_name].specs)
    return Prefetch(lookup, queryset=images)


def largest_rendition(image, set_name):
    """The biggest rendition of ``image`` in ``set_name``: for link previews and structured
    data, where one picture is given rather than a srcset."""
    return image.get_rendition(RENDITION_SETS[set_name].specs[-1])
