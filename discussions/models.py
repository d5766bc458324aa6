from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.markdown import MarkdownRenderedModel
from core.search_fields import search_vector_field

TEXT_MAX_LENGTH = 2000
NAME_MAX_LENGTH = 60


class DilemmaQuerySet(models.QuerySet):
    def public(self):
        """What readers may see: approved and featured ones, never pending or rejected."""
        return self.filter(status__in=Dilemma.PUBLIC_STATUSES)

    def pending(self):
        return self.filter(status=Dilemma.Status.PENDING)

    def about(self, kind: str, item_id: int):
        return self.filter(about_kind=kind, about_id=item_id)

    def in_reading_order(self):
        """Featured first, then newest."""
        featured = models.Case(
            models.When(status=Dilemma.Status.FEATURED, then=models.Value(0)),
            default=models.Value(1),
        )
        return self.order_by(featured, "-created_at", "-pk")


class Dilemma(MarkdownRenderedModel):
    """An ethical dilemma a reader put to the playbook about one item (a kind of
    core.kinds that is `discussable`), held until an editor decides on it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for moderation")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        FEATURED = "featured", _("featured")

    PUBLIC_STATUSES = (Status.APPROVED, Status.FEATURED)

    text = models.TextField(_("text (Markdown)"), max_length=TEXT_MAX_LENGTH)
    text_html = models.TextField(editable=False, blank=True)
    display_name = models.CharField(_("display name"), max_length=NAME_MAX_LENGTH, blank=True)
    # The item it is about: a kind's name in core.kinds and the item's primary key. The
    # kinds belong to other apps, which this one does not import.
    about_kind = models.CharField(_("kind of item"), max_length=20)
    about_id = models.PositiveBigIntegerField(_("item"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    # A keyed hash of the submitter's address (core.addresses), never the address: enough
    # to limit floods and to see that several came from one place.
    submitter_hash = models.CharField(_("submitter (hashed address)"), max_length=64)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True, db_index=True)

    search_vector = search_vector_field(A=["text"])
    history = HistoricalRecords(excluded_fields=["text_html", "search_vector"])

    markdown_fields = ("text",)

    objects = DilemmaQuerySet.as_manager()

    class Meta:
        verbose_name = _("dilemma")
        verbose_name_plural = _("dilemmas")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["about_kind", "about_id", "status"], name="dilemma_about_idx"),
            models.Index(fields=["status", "-created_at"], name="dilemma_status_idx"),
            GinIndex(fields=["search_vector"], name="dilemma_search_gin"),
        ]

    def __str__(self):
        return self.text[:60]

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        # Whether it was public as loaded: a change then reaches the cached pages
        # (discussions.signals), even when it is no longer public after it.
        instance._was_public = instance.__dict__.get("status") in cls.PUBLIC_STATUSES
        return instance

    def get_absolute_url(self):
        return reverse("discussions:dilemma", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES

    @property
    def is_featured(self) -> bool:
        return self.status == self.Status.FEATURED
