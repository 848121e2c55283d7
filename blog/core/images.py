"""Named sets of image renditions, shared by the templates that show them and the
querysets that prefetch them, so the two can never drift apart."""

from dataclasses import dataclass

from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
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


def attach_images(slots, *set_names):
    """Give the images behind ``slots`` ((object, image field name) pairs) their renditions
    for ``set_names``, loading any image not already joined in: two queries at most however
    many objects, so a page showing a hero, author photos and cards pays once for all."""
    slots = [(obj, field) for obj, field in slots if getattr(obj, f"{field}_id")]
    missing = {getattr(obj, f"{field}_id") for obj, field in slots if not _loaded(obj, field)}
    if missing:
        by_id = get_image_model().objects.in_bulk(missing)
        for obj, field in slots:
            if not _loaded(obj, field):
                setattr(obj, field, by_id.get(getattr(obj, f"{field}_id")))
    images = [getattr(obj, field) for obj, field in slots]
    specs = {spec for name in set_names for spec in RENDITION_SETS[name].specs}
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    prefetch_related_objects(
        [image for image in images if image is not None],
        Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions"),
    )


def _loaded(obj, field):
    return obj._meta.get_field(field).is_cached(obj)


def largest_rendition(image, set_name):
    """The biggest rendition of ``image`` in ``set_name``: for link previews and structured
    data, where one picture is given rather than a srcset."""
    return image.get_rendition(RENDITION_SETS[set_name].specs[-1])


class PageImageMixin(models.Model):
    """A page's picture and the words that stand for it, as the page's top, its card and its
    link previews show it."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Shown at the top of the page, on its card and in link previews."),
    )
    image_alt = models.CharField(
        _("image alt text"),
        max_length=255,
        blank=True,
        help_text=_(
            "Describe the picture for people who cannot see it. Leave blank if decorative."
        ),
    )

    class Meta:
        abstract = True

    @classmethod
    def image_panel(cls, heading=None):
        """The picture and its alt text, side by side in the editor."""
        fields = [FieldPanel("image"), FieldPanel("image_alt")]
        return MultiFieldPanel(fields, heading=heading or _("Image"))
