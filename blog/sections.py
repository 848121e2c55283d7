"""What the blog adds to other apps' pages (blog.core.sections)."""

from blog.core.sections import PageSection

from .listings import image_slots, paginate_articles


class ArticlesAboutTechnique(PageSection):
    """On a technique page: the articles about the technique, newest first, paginated."""

    template_name = "wellness_blog/includes/technique_articles.html"
    cache_shows = (
        "wellness_blog.ArticlePage",
        "wellness_blog.AuthorPage",
        "wellness_comments.ReaderComment",  # the counts on the cards
    )

    def get_context(self, request, page):
        from .models import ArticlePage

        articles = ArticlePage.objects.about_technique(page).for_listing()
        shown = paginate_articles(request, articles, attach=False)
        return {"articles": shown, "image_slots": image_slots(shown), "image_sets": ["card"]}
