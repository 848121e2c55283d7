"""schema.org structured data for technique pages (blog.core.structured_data has the shared
parts and says how it is serialised)."""

from blog.core.markdown import markdown_to_text
from blog.core.structured_data import SCHEMA_ORG, absolute_image_url


def medical_therapy(technique, request):
    """A technique page as a MedicalTherapy, the closest schema.org type for a manual
    therapy; its safety section becomes the contraindications."""
    data = {
        "@context": SCHEMA_ORG,
        "@type": "MedicalTherapy",
        "name": technique.title,
        "description": technique.summary,
        "url": technique.get_full_url(request),
        "contraindication": markdown_to_text(technique.safety),
    }
    if technique.image:
        data["image"] = absolute_image_url(technique.image, "social", request)
    return data
