"""Pictures fetched over HTTP, from a server on 127.0.0.1 that the test starts (nothing
reaches past this machine: tests/plugin/conftest.py): found ones become Wagtail images once,
failed ones are reported and skipped, and the post comes in all the same."""

import pytest
from wagtail.images import get_image_model

from blog.models import ArticlePage
from tests.factories import make_technique

from .transfer_helpers import FIXTURES, LocalServer, picture, run


@pytest.fixture
def served(tmp_path):
    """The old blog's uploads on a local server: the hero and one inline picture; another
    picture the posts name is missing (404), and one "picture" is an HTML page."""
    root = tmp_path / "site"
    picture(root / "wp-content/uploads/2024/03/shoulder-stretch.jpg", colour="#224466")
    picture(root / "wp-content/uploads/2024/03/forearm-1024x576.jpg", size=(96, 54))
    (root / "wp-content/uploads/2024/07").mkdir(parents=True)
    (root / "wp-content/uploads/2024/07/missing.png").write_text("<html>not found</html>")
    with LocalServer(root) as server:
        yield server


def wxr_on(server, tmp_path):
    """The test export, with the old blog's address changed to the local server's."""
    text = (FIXTURES / "wordpress.xml").read_text(encoding="utf-8")
    path = tmp_path / "export.xml"
    path.write_text(text.replace("http://old-blog.test", server.url), encoding="utf-8")
    return path


@pytest.mark.django_db
def test_pictures_not_in_a_media_folder_are_fetched_once(tree, tmp_path, served):
    make_technique(tree.techniques, slug="trigger-point-therapy")
    export = wxr_on(served, tmp_path)
    output = run("import_wordpress", str(export))

    page = ArticlePage.objects.get(slug="working-out-knots")
    assert page.image is not None and page.image.width == 64
    assert page.image_alt == "A therapist's thumbs pressing beside a shoulder blade"
    body_images = [b["value"] for b in page.body.raw_data if b["type"] == "image"]
    assert len(body_images) == 1
    assert get_image_model().objects.get(pk=body_images[0]["image"]["image"]).width == 96
    # The missing one (404) and the page that is not a picture are reported and skipped.
    assert "vanished.jpg skipped: HTTP 404" in output
    assert "missing.png skipped: not an image" in output
    assert ArticlePage.objects.get(slug="desk-stretches").live
    assert get_image_model().objects.count() == 2
    assert served.requests.count("/wp-content/uploads/2024/03/shoulder-stretch.jpg") == 1

    # A second run asks the server for nothing it already has.
    fetched = list(served.requests)
    run("import_wordpress", str(export))
    assert served.requests == fetched
    assert get_image_model().objects.count() == 2


@pytest.mark.django_db
def test_a_file_in_the_media_folder_is_used_before_any_fetch(tree, tmp_path, served):
    media = tmp_path / "uploads"
    picture(media / "2024/03/shoulder-stretch.jpg", size=(50, 50), colour="#aa2200")
    run("import_wordpress", str(wxr_on(served, tmp_path)), media_dir=str(media))
    page = ArticlePage.objects.get(slug="working-out-knots")
    assert page.image.width == 50
    assert "/wp-content/uploads/2024/03/shoulder-stretch.jpg" not in served.requests


@pytest.mark.django_db
def test_the_same_picture_at_two_addresses_is_stored_once(tree, tmp_path, served):
    feed = tmp_path / "feed.xml"
    feed.write_text(
        f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Twice</title>
        <item><title>One</title><link>{served.url}/one</link><guid>one</guid>
        <enclosure url="{served.url}/wp-content/uploads/2024/03/shoulder-stretch.jpg"
          type="image/jpeg"/><description>First.</description></item>
        <item><title>Two</title><link>{served.url}/two</link><guid>two</guid>
        <enclosure url="{served.url}/wp-content/uploads/2024/03/shoulder-stretch.jpg?v=2"
          type="image/jpeg"/><description>Second.</description></item>
        </channel></rss>""",
        encoding="utf-8",
    )
    run("import_feed", str(feed))
    one, two = ArticlePage.objects.order_by("title")
    assert one.image_id and one.image_id == two.image_id
    assert get_image_model().objects.count() == 1


@pytest.mark.django_db
def test_a_dry_run_fetches_nothing(tree, tmp_path, served):
    make_technique(tree.techniques, slug="trigger-point-therapy")
    run("import_wordpress", str(wxr_on(served, tmp_path)), dry_run=True)
    assert served.requests == []
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    "served, original",
    [
        # WordPress.com's Photon CDN, and its ?w= sizes.
        (
            "https://i0.wp.com/notes.files.wordpress.com/2024/09/towel.jpg?ssl=1",
            "https://notes.files.wordpress.com/2024/09/towel.jpg",
        ),
        (
            "https://notes.files.wordpress.com/2024/09/towel.jpg?w=1024",
            "https://notes.files.wordpress.com/2024/09/towel.jpg",
        ),
        # Squarespace's ?format= sizes.
        (
            "https://images.squarespace-cdn.com/content/v1/5f52/1600-ABC/mat.jpg?format=1500w",
            "https://images.squarespace-cdn.com/content/v1/5f52/1600-ABC/mat.jpg",
        ),
        # Anyone else's query may be part of the address.
        ("https://example.org/image.php?id=4", "https://example.org/image.php?id=4"),
    ],
)
def test_a_picture_a_cdn_serves_resized_is_read_as_its_original(served, original):
    from blog.transfer.images import original_location

    assert original_location(served) == original
