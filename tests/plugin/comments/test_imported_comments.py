"""The comments app's service for imports (blog.comments.posting.imported): comments that come
in with an imported page keep their threads, however the old blog listed them."""

import datetime
from types import SimpleNamespace

from blog.comments.models import ReaderComment
from blog.comments.posting import imported

from ...comments import make_comment

WHEN = datetime.datetime(2019, 5, 6, 2, 12, tzinfo=datetime.UTC)


def old(id, parent="", name="Ada", status=ReaderComment.Status.APPROVED):
    return SimpleNamespace(
        id=id,
        parent=parent,
        name=name,
        email=f"{id}@example.com",
        body=f"Comment {id}.",
        status=status,
        created_at=WHEN,
    )


def test_replies_listed_before_their_parents_join_their_threads(article, django_assert_num_queries):
    new = [old("3", parent="2"), old("2", parent="1"), old("1"), old("4")]
    with django_assert_num_queries(3):  # one insert a level
        made = imported.create(article, new, known={})
    first, second, third = made["1"], made["2"], made["3"]
    assert (second.parent_id, second.thread_id, second.depth) == (first.pk, first.pk, 2)
    assert (third.parent_id, third.thread_id, third.depth) == (second.pk, first.pk, 3)
    assert made["4"].parent_id is None
    assert made["1"].created_at == WHEN


def test_a_reply_to_a_comment_imported_before_joins_its_thread(article):
    earlier = make_comment(article)
    made = imported.create(article, [old("9", parent="1")], known={"1": earlier})
    assert (made["9"].parent_id, made["9"].thread_id) == (earlier.pk, earlier.pk)


def test_a_loop_of_parents_or_a_lost_parent_still_comes_in(article):
    made = imported.create(article, [old("a", parent="b"), old("b", parent="a"), old("c", "x")], {})
    assert set(made) == {"a", "b", "c"}
    assert made["c"].parent_id is None


def test_names_come_in_on_one_line_and_never_empty(article):
    made = imported.create(article, [old("1", name="  Ada\n Lovelace "), old("2", name="")], {})
    assert made["1"].name == "Ada Lovelace" and made["2"].name == "Anonymous"
