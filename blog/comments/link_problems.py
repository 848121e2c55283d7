"""What a reader (or a moderator) sees when a link from our e-mail cannot be used: one page,
in clear words, with the right status: 400 for a link that is not one of ours (forged, cut
short), 410 for one that expired or was used already. Nothing is changed by such a link."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .signed_links import LinkError

TEMPLATE = "wellness_comments/link_problem.html"
ADMIN_TEMPLATE = "wellness_comments/admin/link_problem.html"

# kind -> (status, heading, explanation)
PROBLEMS = {
    "invalid": (
        400,
        _("This link is not valid"),
        _(
            "It may have been cut short or changed on its way. Please use the link exactly as "
            "it came in the e-mail."
        ),
    ),
    "expired": (
        410,
        _("This link has expired"),
        _("For your safety, the links in our e-mails work for a limited time only."),
    ),
    "used": (
        410,
        _("This link was already used"),
        _("What it was for has been done already, so there is nothing more to do."),
    ),
}


def kind_of(error):
    return "expired" if error.expired else "invalid"


def link_problem(request, problem, *, detail="", again_url=None, template=TEMPLATE, **extra):
    """The page for ``problem`` (a kind of PROBLEMS, or a LinkError). ``detail``: a sentence
    more about this case; ``again_url``: where to ask for a new link; ``extra``: more for the
    template (the admin's takes ``comment_url``)."""
    kind = kind_of(problem) if isinstance(problem, LinkError) else problem
    status, heading, explanation = PROBLEMS[kind]
    context = {
        "kind": kind,
        "heading": heading,
        "explanation": explanation,
        "detail": detail,
        "again_url": again_url,
        **extra,
    }
    return TemplateResponse(request, template, context, status=status)
