"""Builds the demo site: its structure and accounts here, its articles, techniques and
authors from the Markdown files in content/ through the same importer as
``manage.py import_markdown``. Every step looks for what it would create first, so running it
again leaves the database exactly as it was."""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from blog.core.models import HealthDisclaimer
from blog.core.permissions import MODERATORS, THERAPISTS
from blog.models import AuthorIndexPage, AuthorPage, BlogIndexPage
from blog.review.models import ClinicalReviewTask
from blog.transfer.management.commands.import_markdown import import_folder
from blog.transfer.report import Report
from therapies.models import TechniqueIndexPage

from .files import CONTENT_DIR, content, site

PASSWORD_FILE = settings.BASE_DIR / "var" / "demo-password.txt"
CLINICAL_REVIEW = "Clinical review"
CLINICAL_REVIEWERS = "Clinical reviewers"


class DemoBuilder:
    def __init__(self, password=None):
        self.password = password
        self.created = []
        self.site = site()

    @transaction.atomic
    def build(self):
        home = self.home()
        techniques_index = self.child(
            home,
            TechniqueIndexPage,
            "techniques",
            title="Techniques",
            intro=self.site["techniques_intro"],
            show_in_menus=True,
        )
        authors_index = self.child(
            home,
            AuthorIndexPage,
            "authors",
            title="Authors",
            intro=self.site["authors_intro"],
            show_in_menus=True,
        )
        report = Report()
        import_folder(
            CONTENT_DIR, report, home, techniques=techniques_index.pk, authors=authors_index.pk
        )
        if report.failures:
            raise RuntimeError("The demo content did not load:\n" + "\n".join(report.render()))
        self.users()
        self.clinical_review(home)
        self.disclaimer()
        return len(self.created) + report.changed

    # Site structure

    def home(self):
        """The blog index becomes the default site's root, replacing Wagtail's welcome page."""
        site = Site.objects.get(is_default_site=True)
        root = site.root_page.specific
        if not isinstance(root, BlogIndexPage):
            welcome = root
            root = self.child(
                Page.get_first_root_node(),
                BlogIndexPage,
                "articles",
                title="Articles",
                intro=self.site["blog_intro"],
                seo_title=self.site["tagline"],
            )
            site.root_page = root
            site.save()
            if type(welcome) is Page and not welcome.get_children().exists():
                welcome.delete()
        # Canonical URLs, the sitemap and feeds take the site's address from the Site record.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        default_port = 443 if address.scheme == "https" else 80
        wanted = (self.site["name"], address.hostname, address.port or default_port)
        if (site.site_name, site.hostname, site.port) != wanted:
            site.site_name, site.hostname, site.port = wanted
            site.save()
        return root

    def child(self, parent, model, slug, **fields):
        """The live child of ``parent`` with ``slug``, created and published if missing."""
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created.append(page)
        return page

    def disclaimer(self):
        site = Site.objects.get(is_default_site=True)
        setting = HealthDisclaimer.for_site(site)
        if not setting.text:
            setting.text = self.site["disclaimer"]
            setting.save()
            self.created.append("health disclaimer")

    # People

    def users(self):
        """The admin, and an account for each author the site names, in the Therapists group
        and linked to the author's profile."""
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@example.com", self.password)
            self.created.append("admin")
        therapists = Group.objects.get(name=THERAPISTS)
        for slug in self.site["accounts"]:
            author = AuthorPage.objects.get(slug=slug)
            username = therapist_username(author.title)
            if User.objects.filter(username=username).exists():
                continue
            first, _, last = author.title.partition(" ")
            user = User.objects.create_user(
                username,
                f"{username}@example.com",
                self.password,
                first_name=first,
                last_name=last,
            )
            user.groups.add(therapists)
            AuthorPage.objects.filter(pk=author.pk).update(user=user)
            self.created.append(username)

    # Review

    def clinical_review(self, blog):
        """The "Clinical review" workflow on the blog (the editor's button reads "Submit to
        Clinical review"): a colleague among the therapists, the "Clinical reviewers",
        reviews an article and is recorded as its reviewer; then a moderator publishes it.
        A therapist may not publish while a workflow covers the blog, and whoever approves
        a workflow's last task publishes, so the moderators' approval comes last."""
        reviewers, created = Group.objects.get_or_create(name=CLINICAL_REVIEWERS)
        if created:
            self.created.append(CLINICAL_REVIEWERS)
        reviewers.user_set.add(*get_user_model().objects.filter(groups__name=THERAPISTS))
        if Workflow.objects.filter(name=CLINICAL_REVIEW).exists():
            return
        review = ClinicalReviewTask.objects.create(name=CLINICAL_REVIEW)
        review.groups.add(reviewers)
        sign_off = GroupApprovalTask.objects.filter(groups__name=MODERATORS).first()
        if sign_off is None:  # Wagtail's "Moderators approval" task, unless a site removed it
            sign_off = GroupApprovalTask.objects.create(name="Moderators approval")
            sign_off.groups.add(Group.objects.get(name=MODERATORS))
        workflow = Workflow.objects.create(name=CLINICAL_REVIEW)
        for order, task in enumerate([review, sign_off]):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
        WorkflowPage.objects.create(workflow=workflow, page=blog)
        self.created.append(workflow)


def therapist_username(name):
    return name.split()[0].lower()


def therapist_usernames():
    """The therapists' user names, in the order site.yaml names them."""
    by_slug = {author["slug"]: author["name"] for author in content()["authors"]}
    return [therapist_username(by_slug[slug]) for slug in site()["accounts"]]


def demo_password(from_environment):
    """The demo logins' password: from the environment, else the one saved by an earlier
    run, else a new random one saved for next time (so ``make run`` can always print it)."""
    if from_environment:
        return from_environment
    if PASSWORD_FILE.exists():
        return PASSWORD_FILE.read_text().strip()
    password = secrets.token_urlsafe(12)
    PASSWORD_FILE.parent.mkdir(parents=True, exist_ok=True)
    PASSWORD_FILE.write_text(password + "\n")
    PASSWORD_FILE.chmod(0o600)
    return password
