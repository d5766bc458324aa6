from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from playbook.markdown import MarkdownRenderedModel
from playbook.models import Principle


class Checklist(MarkdownRenderedModel):
    """A governance checklist; its content lives in numbered versions."""

    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("English title"), max_length=200, blank=True)
    description = models.TextField(_("description (Markdown)"), blank=True)
    description_html = models.TextField(editable=False, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    markdown_fields = ("description",)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:checklist", kwargs={"slug": self.slug})

    def current_version(self):
        """The newest published version, or None before the first is published."""
        return self.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class ChecklistVersionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=VersionStatus.PUBLISHED)


class ChecklistVersion(models.Model):
    checklist = models.ForeignKey(
        Checklist, on_delete=models.CASCADE, related_name="versions", verbose_name=_("checklist")
    )
    number = models.PositiveIntegerField(_("version number"))
    status = models.CharField(
        _("status"), max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    changelog = models.TextField(_("what changed"), blank=True)

    objects = ChecklistVersionQuerySet.as_manager()

    class Meta:
        ordering = ["checklist", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["checklist", "number"], name="unique_checklist_version")
        ]
        verbose_name = _("checklist version")
        verbose_name_plural = _("checklist versions")

    def __str__(self):
        return f"{self.checklist} v{self.number}"

    @property
    def is_published(self) -> bool:
        return self.status == VersionStatus.PUBLISHED


class ChecklistSection(models.Model):
    version = models.ForeignKey(
        ChecklistVersion,
        on_delete=models.CASCADE,
        related_name="sections",
        verbose_name=_("version"),
    )
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("English title"), max_length=200, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("checklist section")
        verbose_name_plural = _("checklist sections")

    def __str__(self):
        return self.title


class ChecklistItemQuerySet(models.QuerySet):
    def in_published_versions(self):
        return self.filter(section__version__status=VersionStatus.PUBLISHED)


class ChecklistItem(MarkdownRenderedModel):
    section = models.ForeignKey(
        ChecklistSection, on_delete=models.CASCADE, related_name="items", verbose_name=_("section")
    )
    # Stable across versions, so answers can be carried from one version to the next.
    key = models.SlugField(_("stable key"), max_length=80)
    prompt = models.CharField(_("question"), max_length=500)
    guidance = models.TextField(_("guidance (Markdown)"), blank=True)
    guidance_html = models.TextField(editable=False, blank=True)
    principles = models.ManyToManyField(
        Principle, blank=True, related_name="checklist_items", verbose_name=_("principles tested")
    )
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveIntegerField(_("order"), default=0)

    markdown_fields = ("guidance",)
    objects = ChecklistItemQuerySet.as_manager()

    class Meta:
        ordering = ["section__order", "order", "id"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self):
        return self.prompt

    def clean(self):
        if self.weight == 0:
            raise ValidationError({"weight": _("The weight must be at least 1.")})
        if self.section_id is None:
            return
        # Answers are carried between versions by key, so a key names one item per version.
        same_key = ChecklistItem.objects.filter(
            section__version_id=self.section.version_id, key=self.key
        ).exclude(pk=self.pk)
        if same_key.exists():
            raise ValidationError(
                {"key": _("Another item of this checklist version already uses this key.")}
            )
