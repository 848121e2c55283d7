"""WordPress shortcodes and the HTML around them, at the lowest level: what is a shortcode
and what is text in brackets, what each becomes, and players and lazy pictures in HTML."""

import pytest

from blog.transfer.html import ImageRef, split_html
from blog.transfer.wordpress.export import Attachment, WxrExport
from blog.transfer.wordpress.shortcodes import Expander


def expander():
    export = WxrExport(
        path="", version="1.2", title="", site="https://old.test", from_wordpress=True
    )
    export.attachments["7"] = Attachment(
        id="7",
        url="https://old.test/wp-content/uploads/mat.jpg",
        title="mat",
        alt="A yoga mat",
        caption="Roll it out.",
        parent="3",
        menu_order=0,
    )
    return Expander(export, post_id="3")


@pytest.mark.parametrize(
    "text",
    [
        "He said it twice [sic] and meant it.",
        "As the study found [1], pain eases.",
        "[Updated: see below] The clinic moved.",
        "A link [like this](https://example.org) in Markdown.",
        "Pingbacks quote [&#8230;] like this.",
    ],
)
def test_text_in_brackets_that_is_no_shortcode_stays(text):
    found = expander()
    assert found.expand(text) == [text]
    assert not found.removed


def test_an_escaped_shortcode_is_its_text():
    assert expander().expand("Write [[gallery]] to show one.") == ["Write [gallery] to show one."]


def test_unknown_shortcodes_go_and_their_words_stay():
    found = expander()
    text = 'Before [su_box title="Note" style="soft"]Keep <b>warm</b>.[/su_box] after [hr /].'
    assert found.expand(text) == ["Before Keep <b>warm</b>. after ."]
    assert found.removed == {"su_box": 1, "hr": 1}


def test_a_gallery_without_ids_shows_the_posts_own_pictures():
    [picture] = expander().expand("[gallery columns=2]")
    assert picture == ImageRef(
        src="https://old.test/wp-content/uploads/mat.jpg",
        alt="A yoga mat",
        caption="Roll it out.",
        title="mat",
        fallback="https://old.test/wp-content/uploads/mat.jpg",
    )


def test_code_becomes_a_code_block_and_media_links():
    found = expander()
    parts = found.expand(
        '[code lang="bash"]echo "<breathe>"[/code][video src="https://x.test/a.mp4"]'
    )
    assert parts == [
        "<pre><code>echo &quot;&lt;breathe&gt;&quot;</code></pre>"
        '<p><a href="https://x.test/a.mp4">Watch the video (a.mp4)</a></p>'
    ]


def test_a_summary_holds_the_words_and_no_shortcode():
    text = 'Warm up. [gallery ids="7"][audio src="a.mp3"][/audio] [su_note]Go slowly.[/su_note]'
    assert expander().strip(text) == "Warm up.  Go slowly."


def test_players_become_links_and_lazy_pictures_their_image():
    html = (
        '<p>Watch:</p><iframe src="//www.youtube.com/embed/abc123?rel=0"></iframe>'
        '<iframe src="https://tracker.example/frame"></iframe>'
        '<figure><noscript><img src="https://cdn.test/a.jpg" alt="Hands"></noscript>'
        '<img class="thumb-image" data-src="https://cdn.test/a.jpg" alt="Hands"></figure>'
        '<figure><audio controls><source src="https://old.test/breath.mp3"></audio></figure>'
    )
    parts = split_html(html)
    assert parts == [
        "Watch:\n\n[Watch the video on YouTube](https://www.youtube.com/watch?v=abc123)",
        ImageRef(src="https://cdn.test/a.jpg", alt="Hands"),
        "[Listen to the recording (breath.mp3)](https://old.test/breath.mp3)",
    ]
