"""Which admin account an author profile belongs to is for account managers alone to set:
therapists never see the accounts, and a forged field changes nothing, workflow or not."""

import pytest
from django.urls import reverse
from wagtail.models import Workflow

from blog.models import AuthorPage

from ...admin_forms import author_form
from ...factories import make_author


@pytest.fixture
def colleague_account(django_user_model):
    return django_user_model.objects.create_user("jonah", email="jonah@example.com", password="pw")


@pytest.fixture
def colleague(tree, colleague_account):
    return make_author(tree.authors, "Jonah Whitlowe", user=colleague_account)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_a_therapist_never_sees_the_list_of_accounts(client, therapist, colleague):
    client.force_login(therapist)
    response = client.get(edit_url(colleague))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="user"' not in html
    assert "jonah@example.com" not in html and ">jonah<" not in html


def test_an_account_manager_sees_and_sets_the_account(admin_client, colleague, django_user_model):
    assert 'name="user"' in admin_client.get(edit_url(colleague)).content.decode()
    new_account = django_user_model.objects.create_user("jonah2", password="pw")
    form = author_form(colleague, user=new_account, **{"action-publish": "Publish"})
    assert admin_client.post(edit_url(colleague), form).status_code == 302
    assert AuthorPage.objects.get(pk=colleague.pk).user == new_account


def test_without_a_workflow_a_forged_account_field_is_ignored(
    client, therapist, colleague, colleague_account
):
    Workflow.objects.update(active=False)
    client.force_login(therapist)
    for _ in range(2):  # "two publishes" once moved the account
        form = author_form(colleague, user=therapist, **{"action-publish": "Publish"})
        assert client.post(edit_url(colleague), form).status_code == 302
    colleague.refresh_from_db()
    assert colleague.user == colleague_account
    assert AuthorPage.objects.get(user=therapist).title == "Maren Oakhurst"


def test_with_a_workflow_a_forged_account_field_is_not_in_what_is_approved(
    client, admin_client, therapist, colleague, colleague_account
):
    client.force_login(therapist)
    form = author_form(colleague, user=therapist, short_bio="Edited.", **{"action-submit": "1"})
    assert client.post(edit_url(colleague), form).status_code == 302
    colleague.refresh_from_db()
    task_state = colleague.current_workflow_task_state
    assert task_state is not None
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[colleague.pk, "approve", task_state.pk]
    )
    assert admin_client.post(approve, {"comment": ""}).status_code == 302
    colleague.refresh_from_db()
    assert colleague.short_bio == "Edited."  # the edit itself went through
    assert colleague.user == colleague_account
