"""Admin widgets worded for what the editor picks."""

from wagtail.admin.widgets import AdminPageChooser


class PageTypeChooser(AdminPageChooser):
    """A page chooser for one page type, that says what it chooses ("Choose an author")
    rather than "Choose a page (Author)". Subclasses name the type (a label, resolved when
    the editor's form is built) and the words."""

    page_type = None

    def __init__(self, **kwargs):
        super().__init__(target_models=[self.page_type], **kwargs)
        # AdminPageChooser appends the type's name to the words: ours already say it.
        self.choose_one_text = type(self).choose_one_text
