from django.utils.translation import gettext_lazy as _

from blog.core.widgets import PageTypeChooser


class AuthorChooser(PageTypeChooser):
    page_type = "wellness_blog.AuthorPage"
    choose_one_text = _("Choose an author")
    choose_another_text = _("Choose another author")
    link_to_chosen_text = _("Edit this author")
