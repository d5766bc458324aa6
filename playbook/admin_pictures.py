"""Pictures of a live update in the admin: the same checks and processing as the compose
box (core.images), with the alt text required."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core import images
from playbook.models import LiveUpdateImage


class PictureForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("Picture (JPEG, PNG, GIF or WebP)"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}
        ),
    )

    class Meta:
        model = LiveUpdateImage
        fields = ["upload", "alt", "order"]

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if upload:
            try:
                self._picture = images.read_upload(upload)
                images.check_picture(self._picture)
            except ValidationError as error:
                self.add_error("upload", error)
        elif not self.instance.pk and not cleaned.get("DELETE"):
            self.add_error("upload", _("Choose the picture to show."))
        return cleaned

    def save(self, commit=True):
        # Stored only now, once every form on the page is valid: a refused save leaves
        # no files behind. A replaced picture's files go once the new one is committed.
        picture = getattr(self, "_picture", None)
        if picture is not None:
            replaced = list(self.instance.variants)
            stored = images.store_picture(picture, folder="live")
            self.instance.variants = [v.as_dict() for v in stored]
            transaction.on_commit(lambda: images.delete_variants(replaced))
        return super().save(commit)


class PictureInline(admin.StackedInline):
    model = LiveUpdateImage
    form = PictureForm
    extra = 0
    fields = ["upload", "alt", "order"]
