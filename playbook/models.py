from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from playbook.markdown import MarkdownRenderedModel
from playbook.versioning import VersionedModel


class Page(MarkdownRenderedModel):
    """A free-standing text of the playbook, such as its introduction."""

    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("English title"), max_length=200, blank=True)
    lead = models.TextField(_("lead"), blank=True, help_text=_("One or two plain sentences."))
    body = models.TextField(_("body (Markdown)"), blank=True)
    body_html = models.TextField(editable=False, blank=True)

    markdown_fields = ("body",)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title


class Tag(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=80)
    name_en = models.CharField(_("English name"), max_length=80, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name


class SectionQuerySet(models.QuerySet):
    def with_published_principles(self):
        return self.prefetch_related(
            models.Prefetch(
                "principles",
                queryset=Principle.objects.published().prefetch_related("tags"),
            )
        )


class Section(MarkdownRenderedModel):
    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("English title"), max_length=200, blank=True)
    intro = models.TextField(_("introduction (Markdown)"), blank=True)
    intro_html = models.TextField(editable=False, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_live = models.BooleanField(
        _("live"), default=False, help_text=_("Updated in real time during an event.")
    )
    # Bumped in the same transaction as any change inside the section; readers poll it.
    revision = models.PositiveBigIntegerField(_("revision"), default=0, editable=False)

    markdown_fields = ("intro",)
    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("playbook:section", kwargs={"slug": self.slug})


class PrincipleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def in_reading_order(self):
        return self.order_by("section__order", "section_id", "order", "id")


class Principle(VersionedModel, MarkdownRenderedModel):
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="principles", verbose_name=_("section")
    )
    slug = models.SlugField(_("slug"), unique=True, help_text=_("From the English title."))
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("English title"), max_length=200, blank=True)
    summary = models.TextField(_("summary (Markdown)"), blank=True)
    summary_html = models.TextField(editable=False, blank=True)
    responsible_ai = models.TextField(
        _("responsible-AI note (Markdown)"),
        blank=True,
        help_text=_("The ethics counterpart the playbook pairs with this principle."),
    )
    responsible_ai_html = models.TextField(editable=False, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    tags = models.ManyToManyField(
        Tag, blank=True, related_name="principles", verbose_name=_("tags")
    )
    is_published = models.BooleanField(_("published"), default=True)
    history = HistoricalRecords(excluded_fields=["summary_html", "responsible_ai_html"])

    markdown_fields = ("summary", "responsible_ai")
    objects = PrincipleQuerySet.as_manager()

    class Meta:
        ordering = ["section__order", "order", "id"]
        verbose_name = _("principle")
        verbose_name_plural = _("principles")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("playbook:principle", kwargs={"slug": self.slug})


class SeedRecord(models.Model):
    """Remembers which seed items `load_playbook` has created once.

    A later run skips them, so an editor's change or deletion is never undone.
    """

    key = models.CharField(max_length=200, unique=True)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("seed record")
        verbose_name_plural = _("seed records")

    def __str__(self):
        return self.key
