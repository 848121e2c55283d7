from django.utils.translation import gettext_lazy as _

from blog.core.widgets import PageTypeChooser


class TechniqueChooser(PageTypeChooser):
    page_type = "wellness_therapies.TechniquePage"
    choose_one_text = _("Choose a technique")
    choose_another_text = _("Choose another technique")
    link_to_chosen_text = _("Edit this technique")
