"""Builds the demo site from content.py. Every step looks for what it would create first,
so running it again leaves the database exactly as it was."""

import datetime
import io
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from blog.core.models import HealthDisclaimer
from blog.core.permissions import THERAPISTS
from blog.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleReference,
    ArticleTechnique,
    AuthorIndexPage,
    AuthorPage,
    AuthorSpecialty,
    BlogIndexPage,
)
from therapies.models import (
    RelatedTechnique,
    TechniqueBenefit,
    TechniqueIndexPage,
    TechniquePage,
    TechniqueReference,
)

from . import artwork, content

PASSWORD_FILE = settings.BASE_DIR / "var" / "demo-password.txt"


class DemoBuilder:
    def __init__(self, password=None):
        self.password = password
        self.created = []

    @transaction.atomic
    def build(self):
        home = self.home()
        techniques_index = self.child(
            home,
            TechniqueIndexPage,
            "techniques",
            title="Techniques",
            intro=content.SITE["techniques_intro"],
            show_in_menus=True,
        )
        authors_index = self.child(
            home,
            AuthorIndexPage,
            "authors",
            title="Authors",
            intro=content.SITE["authors_intro"],
            show_in_menus=True,
        )
        techniques = {t["slug"]: self.technique(techniques_index, t) for t in content.TECHNIQUES}
        self.relate_techniques(techniques)
        authors = {a["slug"]: self.author(authors_index, a, techniques) for a in content.AUTHORS}
        for article in content.ARTICLES:
            self.article(home, article, authors, techniques)
        self.users(authors)
        self.disclaimer()
        return self.created

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
                intro=content.SITE["blog_intro"],
                seo_title=content.SITE["tagline"],
            )
            site.root_page = root
            site.save()
            if type(welcome) is Page and not welcome.get_children().exists():
                welcome.delete()
        # Canonical URLs, the sitemap and feeds take the site's address from the Site record.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        default_port = 443 if address.scheme == "https" else 80
        wanted = (content.SITE["name"], address.hostname, address.port or default_port)
        if (site.site_name, site.hostname, site.port) != wanted:
            site.site_name, site.hostname, site.port = wanted
            site.save()
        return root

    def child(self, parent, model, slug, date=None, relations=(), tags=(), **fields):
        """The live child of ``parent`` with ``slug``, created and published if missing.

        ``relations`` are (related_name, objects) pairs for the page's inline children.
        """
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        page = model(slug=slug, **fields)
        if date is not None:
            page.date = date
            page.first_published_at = timezone.make_aware(
                datetime.datetime.combine(date, datetime.time(9, 0))
            )
        for related_name, objects in relations:
            setattr(page, related_name, objects)
        if tags:
            page.tags.add(*tags)
        parent.add_child(instance=page)
        page.save_revision().publish()
        if date is not None:
            # Dated pages appeared on their date and have not changed since.
            page.last_published_at = page.first_published_at
            model.objects.filter(pk=page.pk).update(last_published_at=page.last_published_at)
        self.created.append(page)
        return page

    # Content

    def technique(self, index, data):
        return self.child(
            index,
            TechniquePage,
            data["slug"],
            title=data["title"],
            summary=data["summary"],
            image=self.image(f"{data['title']} (illustration)", artwork.hero(data["slug"])),
            what_it_is=data["what_it_is"],
            how_it_works=data["how_it_works"],
            safety=data["safety"],
            evidence=data["evidence"],
            relations=[
                (
                    "benefits",
                    [TechniqueBenefit(label=lb, explanation=ex) for lb, ex in data["benefits"]],
                ),
                ("references", [TechniqueReference(**ref) for ref in data["references"]]),
            ],
        )

    def relate_techniques(self, techniques):
        """Link each technique to the ones it suggests next; a second pass, as techniques
        suggest each other."""
        for data in content.TECHNIQUES:
            page = techniques[data["slug"]]
            if page.related_technique_links.exists():
                continue
            page.related_technique_links = [
                RelatedTechnique(technique=techniques[slug]) for slug in data["related"]
            ]
            page.save_revision().publish()
            self.created.append(f"related techniques of {page.title}")

    def author(self, index, data, techniques):
        photo = self.image(data["name"], artwork.portrait(data["name"], data["colour"]))
        return self.child(
            index,
            AuthorPage,
            data["slug"],
            title=data["name"],
            image=photo,
            credentials=data["credentials"],
            short_bio=data["short_bio"],
            long_bio=data["long_bio"],
            relations=[
                (
                    "specialties",
                    [AuthorSpecialty(technique=techniques[s]) for s in data["specialties"]],
                ),
            ],
        )

    def article(self, home, data, authors, techniques):
        body = []
        for block_type, value in data["body"]:
            if block_type == "technique_callout":
                value = {**value, "technique": techniques[value["technique"]]}
            body.append((block_type, value))
        date = datetime.date.fromisoformat(data["date"])
        reviewer = authors[data["reviewer"]] if data["reviewer"] else None
        return self.child(
            home,
            ArticlePage,
            data["slug"],
            title=data["title"],
            summary=data["summary"],
            date=date,
            body=body,
            image=self.image(f"{data['title']} (illustration)", artwork.hero(data["slug"])),
            # The reviewer checked the article before it was published.
            reviewer=reviewer,
            last_reviewed=date if reviewer else None,
            relations=[
                ("author_links", [ArticleAuthor(author=authors[s]) for s in data["authors"]]),
                (
                    "technique_links",
                    [ArticleTechnique(technique=techniques[s]) for s in data["techniques"]],
                ),
                ("references", [ArticleReference(**ref) for ref in data["references"]]),
            ],
            tags=data["tags"],
        )

    def image(self, title, data):
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing is not None:
            return existing
        filename = f"{title.lower().replace(' ', '-')[:60]}.jpg"
        image = Image(title=title, file=ImageFile(io.BytesIO(data), name=filename))
        image.save()
        self.created.append(image)
        return image

    def disclaimer(self):
        site = Site.objects.get(is_default_site=True)
        setting = HealthDisclaimer.for_site(site)
        if not setting.text:
            setting.text = content.SITE["disclaimer"]
            setting.save()
            self.created.append("health disclaimer")

    # People

    def users(self, authors):
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@example.com", self.password)
            self.created.append("admin")
        therapists = Group.objects.get(name=THERAPISTS)
        for data in content.AUTHORS:
            username = data["name"].split()[0].lower()
            if User.objects.filter(username=username).exists():
                continue
            first, _, last = data["name"].partition(" ")
            user = User.objects.create_user(
                username,
                f"{username}@example.com",
                self.password,
                first_name=first,
                last_name=last,
            )
            user.groups.add(therapists)
            AuthorPage.objects.filter(pk=authors[data["slug"]].pk).update(user=user)
            self.created.append(username)


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
