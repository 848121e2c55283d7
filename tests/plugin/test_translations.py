"""The plugin in Spanish: what readers, moderators and their e-mail say, and catalogues that
are complete and compiled."""

import ast
import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from blog.comments.models import ReaderComment

from ..comments import make_comment, post

ROOT = Path(__file__).resolve().parents[2]
# Every app keeps its own catalogue (make messages).
APPS = [
    "blog/core",
    "blog/pagecache",
    "blog/comments",
    "blog/discovery",
    "blog/transfer",
    "blog/review",
    "blog",
    "therapies",
]
LISTING = "/admin/comments/"


def html(response, status=200):
    assert response.status_code == status
    return response.content.decode()


def test_an_article_reads_in_spanish(article):
    with translation.override("es"):
        page = html(Client().get(article.url))
    assert "Por <a" in page
    assert "2 min de lectura" in page
    assert "Sobre el autor" in page
    assert '<h2 id="comments-heading">Comentarios</h2>' in page
    assert "Todavía no hay comentarios." in page
    assert "min read" not in page and "No comments yet" not in page


def test_the_comment_form_and_its_errors_are_in_spanish(article):
    with translation.override("es"):
        form = html(Client().get(reverse("wellness_comments:write", args=[article.pk])))
        # A form left open longer than the site allows is sent back with the reason.
        refused = html(post(Client(), article, age=7 * 3600), status=400)
    assert 'Nombre <span class="form-field__required">(obligatorio)</span>' in form
    assert "Obligatorio; nunca se muestra públicamente." in form
    assert '<button type="submit" class="button">Publicar comentario</button>' in form
    # What the enhanced form says once a comment is sent (comments.js reads these).
    assert 'data-text-pending="Gracias. Tu comentario está pendiente de moderación' in form
    assert "Esta página llevaba mucho tiempo abierta y el formulario ha caducado." in refused


def test_the_held_comment_email_is_in_the_sites_language(
    article, moderator, settings, django_capture_on_commit_callbacks
):
    settings.LANGUAGE_CODE = "es"
    links = "https://a.example https://b.example https://c.example"
    # The reader writes in English; moderators read the site's language.
    with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
        assert post(Client(), article, body=f"See {links}").status_code == 303
    (message,) = mail.outbox
    assert message.subject == f"Nuevo comentario que moderar en «{article.title}»"
    assert f"Hay un comentario pendiente de moderación en «{article.title}»." in message.body
    assert "De: Rowan Reader" in message.body
    assert "Motivo de la retención: tiene demasiados enlaces" in message.body
    assert (
        "Todos los comentarios pendientes de moderación: "
        "http://testserver/admin/comments/?status=pending"
    ) in message.body
    assert "Apruébalo: http://testserver/admin/comments/from-email/" in message.body
    assert "Ábrelo en la administración: http://testserver/admin/comments/inspect/" in message.body


def column_headings(page):
    head = re.search(r'<table class="listing[^"]*">.*?</thead>', page, re.DOTALL).group()
    cells = re.findall(r"<th[^>]*>(.*?)</th>", head, re.DOTALL)
    texts = [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]
    return [text for text in texts if text]  # the first column holds only a checkbox


def test_moderators_moderate_in_spanish(article, moderator, settings):
    settings.LANGUAGE_CODE = "es"
    comment = make_comment(article, status=ReaderComment.Status.PENDING, name="Ann")
    client = Client()
    client.force_login(moderator)
    listing = html(client.get(LISTING))
    assert "<title>Comentarios de lectores - Wagtail</title>" in listing
    assert '"label": "Comentarios (1)"' in listing  # the menu item, with the count
    assert column_headings(listing) == [
        "Comentario",
        "Comentarista",
        "Página",
        "Publicado",
        "Notas",
        "Moderar",
    ]
    assert "Pendiente" in listing and "Marcar como spam" in listing
    assert "Atajos de teclado" in listing and "1 comentario seleccionado" in listing

    approve = reverse("wellness_moderation:moderate", args=(comment.pk, "approve"))
    after = html(client.post(approve, {"next": LISTING}, follow=True))
    assert "Comentario de Ann aprobado." in after


def spanish(app):
    return ROOT / app / "locale" / "es" / "LC_MESSAGES" / "django.po"


def entries(catalogue):
    """(msgid, its translations, its flags) for each entry of a .po file, the header too."""
    for block in catalogue.read_text(encoding="utf-8").split("\n\n"):
        fields, flags, field = {}, set(), None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags.update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith('"'):
                fields[field] += ast.literal_eval(line)
            elif line and not line.startswith("#"):
                field, _, value = line.partition(" ")
                fields[field] = ast.literal_eval(value)
        if "msgid" in fields:
            translations = [value for name, value in fields.items() if name.startswith("msgstr")]
            yield fields["msgid"], translations, flags


@pytest.mark.parametrize("app", APPS)
def test_every_message_is_translated(app):
    found = list(entries(spanish(app)))
    assert len(found) > 1, "no messages"
    assert [msgid for msgid, translations, _flags in found if msgid and not all(translations)] == []
    assert [msgid for msgid, _translations, flags in found if "fuzzy" in flags] == []


def compiled(mo_file):
    with mo_file.open("rb") as f:
        return gettext.GNUTranslations(f)._catalog  # what a .mo holds, whatever compiled it


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs gettext's msgfmt")
@pytest.mark.parametrize("app", APPS)
def test_the_compiled_catalogue_matches_the_translations(app, tmp_path):
    fresh = tmp_path / "django.mo"
    # --check-format also refuses a translation that lost or renamed a placeholder.
    subprocess.run(["msgfmt", "--check-format", "-o", fresh, spanish(app)], check=True)
    assert compiled(spanish(app).with_suffix(".mo")) == compiled(fresh), "run make messages"
