import time

from django import forms
from django.core import signing
from django.core.validators import MaxLengthValidator
from django.db.models import Q

from ..models.comments import ReaderComment

TOKEN_SALT = "blog.comments.form"  # noqa: S105 (a namespace for signing, not a secret)


def form_token(article):
    """A signed note of which article the form is for and when it was served."""
    return signing.dumps({"article": article.pk, "issued": time.time()}, salt=TOKEN_SALT)


class ReaderCommentForm(forms.ModelForm):
    """A reader's comment. Besides the fields readers see, it carries a honeypot that
    people leave empty and a signed timestamp; together they tell programs from people."""

    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Rendered from ``fresh_token``, so a form sent back with errors can simply be resent.
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = ReaderComment
        fields = ["name", "email", "body"]
        labels = {"body": "Comment"}
        help_texts = {"email": "Required, never shown publicly."}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "body": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, article, rules, ip_hash="", user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.rules = rules
        self.ip_hash = ip_hash
        body = self.fields["body"]
        body.max_length = body.widget.attrs["maxlength"] = rules.max_length
        body.validators = [
            *(v for v in body.validators if not isinstance(v, MaxLengthValidator)),
            MaxLengthValidator(rules.max_length),
        ]
        if user is not None and user.is_authenticated:
            self.initial.setdefault("name", user.get_full_name() or user.get_username())
            self.initial.setdefault("email", user.email)
        self.filled_too_fast = False
        self.is_bot = False

    @property
    def fresh_token(self):
        return form_token(self.article)

    def clean_token(self):
        try:
            token = signing.loads(self.cleaned_data["token"], salt=TOKEN_SALT)
        except signing.BadSignature:
            raise forms.ValidationError(
                "This form could not be checked. Please send your comment again."
            ) from None
        if token["article"] != self.article.pk:
            raise forms.ValidationError("This form belongs to another article.")
        age = time.time() - token["issued"]
        if age > self.rules.form_max_age_hours * 3600:
            raise forms.ValidationError(
                "This page was open for a long time, so the form expired. "
                "Your comment is still here: please send it again."
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
        comments = ReaderComment.objects.approved().for_article(self.article)
        parent = comments.filter(pk=parent_id).first()
        if parent is None:
            raise forms.ValidationError("The comment you are replying to is not available.")
        if parent.depth >= self.rules.max_reply_depth:
            raise forms.ValidationError("Replies cannot be nested this deep.")
        return parent

    def clean(self):
        cleaned = super().clean()
        body, email = cleaned.get("body"), cleaned.get("email")
        if body and email and self._is_duplicate(body, email):
            raise forms.ValidationError("You have already posted this comment.")
        return cleaned

    def _is_duplicate(self, body, email):
        same_person = Q(email__iexact=email)
        if self.ip_hash:
            same_person |= Q(ip_hash=self.ip_hash)
        comments = ReaderComment.objects.for_article(self.article)
        return comments.filter(same_person, body=body).exists()

    def save(self, commit=True):
        comment = super().save(commit=False)
        comment.article = self.article
        comment.reply_to(self.cleaned_data.get("parent"))
        if commit:
            comment.save()
        return comment
