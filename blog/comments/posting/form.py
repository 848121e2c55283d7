import time

from django import forms
from django.core import signing
from django.core.validators import MaxLengthValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from blog.core.converters import MAX_ID

from ..models import ReaderComment

TOKEN_SALT = "blog.comments.form"  # noqa: S105 (a namespace for signing, not a secret)


def form_token(page):
    """A signed note of which page the form is for and when it was served."""
    return signing.dumps({"page": page.pk, "issued": time.time()}, salt=TOKEN_SALT)


class ReaderCommentForm(forms.ModelForm):
    """A reader's comment. Besides the fields readers see, it carries a honeypot that
    people leave empty and a signed timestamp; together they tell programs from people."""

    parent = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput
    )
    # Rendered from ``fresh_token``, so a form sent back with errors can simply be resent.
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    notify_replies = forms.BooleanField(
        required=False, label=_("E-mail me when someone replies to my comment")
    )

    class Meta:
        model = ReaderComment
        fields = ["name", "email", "body"]
        labels = {"body": _("Comment")}
        help_texts = {"email": _("Required, never shown publicly.")}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "body": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, page, rules, ip_hash="", user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.rules = rules
        self.ip_hash = ip_hash
        body = self.fields["body"]
        body.max_length = body.widget.attrs["maxlength"] = rules.max_length
        body.validators = [
            *(v for v in body.validators if not isinstance(v, MaxLengthValidator)),
            MaxLengthValidator(rules.max_length),
        ]
        if not rules.notify_on_reply:  # the site sends no reply notifications
            del self.fields["notify_replies"]
        if user is not None and user.is_authenticated:
            self.initial.setdefault("name", user.get_full_name() or user.get_username())
            self.initial.setdefault("email", user.email)
        self.filled_too_fast = False
        self.is_bot = False

    @property
    def fresh_token(self):
        return form_token(self.page)

    def clean_token(self):
        try:
            token = signing.loads(self.cleaned_data["token"], salt=TOKEN_SALT)
        except signing.BadSignature:
            raise forms.ValidationError(
                _("This form could not be checked. Please send your comment again.")
            ) from None
        if token.get("page") != self.page.pk:
            raise forms.ValidationError(_("This form belongs to another page."))
        age = time.time() - token["issued"]
        if age > self.rules.form_max_age_hours * 3600:
            raise forms.ValidationError(
                _(
                    "This page was open for a long time, so the form expired. "
                    "Your comment is still here: please send it again."
                )
            )
        self.filled_too_fast = age < self.rules.min_seconds_to_fill
        return token

    def clean_name(self):
        # One line, whatever the reader pasted: names go into e-mail subjects and bodies,
        # the admin and the page, where a line break could pose as a line of our own.
        return " ".join(self.cleaned_data["name"].split())

    def clean_website(self):
        self.is_bot = bool(self.cleaned_data["website"])
        return ""

    def clean_parent(self):
        parent_id = self.cleaned_data["parent"]
        if parent_id is None:
            return None
        comments = ReaderComment.objects.approved().for_page(self.page)
        parent = comments.filter(pk=parent_id).first()
        if parent is None:
            raise forms.ValidationError(_("The comment you are replying to is not available."))
        if parent.depth >= self.rules.max_reply_depth:
            raise forms.ValidationError(_("Replies cannot be nested this deep."))
        return parent

    def clean(self):
        cleaned = super().clean()
        body, email = cleaned.get("body"), cleaned.get("email")
        if body and email and self._is_duplicate(body, email):
            raise forms.ValidationError(_("You have already posted this comment."))
        return cleaned

    def _is_duplicate(self, body, email):
        same_person = Q(email__iexact=email)
        if self.ip_hash:
            same_person |= Q(ip_hash=self.ip_hash)
        comments = ReaderComment.objects.for_page(self.page).opening_as(body)
        return body in comments.filter(same_person).order_by().values_list("body", flat=True)

    def save(self, commit=True):
        comment = super().save(commit=False)
        comment.page = self.page
        comment.notify_replies = self.cleaned_data.get("notify_replies", False)
        comment.reply_to(self.cleaned_data.get("parent"))
        if commit:
            comment.save()
        return comment


class AuthorReplyForm(forms.Form):
    """A reply by the page's author or a moderator, signed with their byline: no name or
    address to give, no spam rules to pass (blog.comments.moderation.replies)."""

    parent = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput
    )
    body = forms.CharField(
        label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page

    def clean_parent(self):
        parent_id = self.cleaned_data["parent"]
        if parent_id is None:
            return None
        answerable = ReaderComment.objects.for_page(self.page).filter(
            status__in=[ReaderComment.Status.APPROVED, ReaderComment.Status.PENDING], removed=False
        )
        parent = answerable.filter(pk=parent_id).first()
        if parent is None:
            raise forms.ValidationError(_("The comment you are replying to is not available."))
        return parent
