"""Admin change forms of versioned models (core.versioning) check the version the editor
started from, as the inline edit forms do: a save against an older version is refused with
the stored texts shown beside the editor's own, which stay in the form, now against the
stored version, so that saving again is a deliberate overwrite and nothing typed is lost."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.versioning import EditConflict

VERSION_FIELD = "expected_version"


class VersionCheckedAdminForm(forms.ModelForm):
    """`conflict_fields`: the text fields whose stored value the conflict message shows."""

    conflict_fields: tuple[str, ...] = ()
    expected_version = forms.IntegerField(
        label=gettext_lazy("version you started from"),
        widget=forms.HiddenInput,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # The stored version, not the instance's: a reverted-to historical instance
            # carries an old one, and reverting is a deliberate save over the current.
            stored = type(self.instance)._default_manager.filter(pk=self.instance.pk)
            self.fields[VERSION_FIELD].initial = stored.values_list("version", flat=True).first()

    def stored(self):
        return type(self.instance)._default_manager.filter(pk=self.instance.pk).first()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        current = self.stored()
        if current is None:
            raise ValidationError(_("This was deleted meanwhile."))
        if cleaned.get(VERSION_FIELD) != current.version:
            self.data = self.data.copy()
            self.data[VERSION_FIELD] = str(current.version)
            cleaned[VERSION_FIELD] = current.version
            for field in self.conflict_fields or ():
                if field in self.fields:
                    self.add_error(
                        field,
                        _(
                            "Someone else saved this after you opened it (now version "
                            "%(version)s). Your text is still here; the stored one is: "
                            "“%(stored)s”. Save again to replace it with yours."
                        )
                        % {"version": current.version, "stored": getattr(current, field)},
                    )
            if not self.errors:
                raise ValidationError(
                    _("Someone else saved this after you opened it; check and save again.")
                )
        return cleaned


class VersionCheckedAdmin:
    """ModelAdmin mixin: saves go through `service_save(request, obj, form, change)`; an
    error it raises at the last moment (a save that slipped in between) is shown instead of
    a success, and the editor is sent back to the form."""

    def service_save(self, request, obj, form, change):
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        try:
            self.service_save(request, obj, form, change)
        except ValidationError as error:
            request._admin_save_refused = " ".join(error.messages)
        except EditConflict:
            request._admin_save_refused = _(
                "Someone else saved this a moment ago; nothing was changed. Open it again."
            )

    def _refused(self, request, obj):
        message = getattr(request, "_admin_save_refused", None)
        if message is None:
            return None
        messages.error(request, message)
        return HttpResponseRedirect(request.path)

    def log_change(self, request, obj, message):
        if getattr(request, "_admin_save_refused", None) is None:
            super().log_change(request, obj, message)

    def log_addition(self, request, obj, message):
        if getattr(request, "_admin_save_refused", None) is None:
            super().log_addition(request, obj, message)

    def save_related(self, request, form, formsets, change):
        if getattr(request, "_admin_save_refused", None) is None:
            super().save_related(request, form, formsets, change)

    def response_change(self, request, obj):
        return self._refused(request, obj) or super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        return self._refused(request, obj) or super().response_add(request, obj, post_url_continue)
