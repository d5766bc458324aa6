from django.conf import settings
from django.db import models, router, transaction
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.bilingual import columns
from core.markdown import MarkdownRenderedModel
from core.revision import bump_site_revision
from core.search_fields import search_indexes, search_vector_field, trigram_text_field
from core.versioning import VersionedModel
from core.video import videos_alone_on_a_line
from playbook.revisions import remember_revision


class Page(MarkdownRenderedModel):
    """A free-standing text of the playbook, such as its introduction."""

    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=200)
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

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("playbook:tag", kwargs={"slug": self.slug})


class Event(MarkdownRenderedModel):
    """An event the source names (DESIGN.md "Provenance"): only what the source says of
    it, with where it says so; unknown dates or place stay empty."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    dates = models.CharField(_("dates"), max_length=100, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    focus = models.CharField(_("focus"), max_length=300, blank=True)
    summary = models.TextField(_("summary (Markdown)"), blank=True)
    summary_html = models.TextField(editable=False, blank=True)
    source = models.CharField(
        _("where the source says it"), max_length=300, blank=True, help_text=_("In our words.")
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    markdown_fields = ("summary",)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("playbook:event", kwargs={"slug": self.slug})


class SectionQuerySet(models.QuerySet):
    def with_published_principles(self):
        return self.select_related("event").prefetch_related(
            models.Prefetch(
                "principles",
                queryset=Principle.objects.published().prefetch_related("tags"),
            )
        )


class Section(MarkdownRenderedModel):
    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction (Markdown)"), blank=True)
    intro_html = models.TextField(editable=False, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_live = models.BooleanField(
        _("live"), default=False, help_text=_("Updated in real time during an event.")
    )
    # Bumped in the same transaction as any change inside the section; readers poll it.
    revision = models.PositiveBigIntegerField(_("revision"), default=0, editable=False)
    # The one update shown above the stream (playbook.services.section_pin).
    pinned_update = models.ForeignKey(
        "LiveUpdate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pinned update"),
    )
    # When the live coverage ended (the Guardian's "deadblog"): readers stop polling.
    coverage_ended_at = models.DateTimeField(_("coverage ended at"), null=True, blank=True)
    # When the next update scheduled for later is due (playbook.scheduling), so that the
    # page, which loads this row anyway, knows without asking.
    next_scheduled_at = models.DateTimeField(null=True, blank=True, editable=False)
    coverage_summary = models.TextField(_("summary of the coverage (Markdown)"), blank=True)
    coverage_summary_html = models.TextField(editable=False, blank=True)
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sections",
        verbose_name=_("event"),
    )
    event_note = models.CharField(
        _("how the source ties the section to the event"), max_length=300, blank=True
    )

    markdown_fields = ("intro", "coverage_summary")
    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("playbook:section", kwargs={"slug": self.slug})

    @property
    def coverage_has_ended(self) -> bool:
        return self.coverage_ended_at is not None

    @property
    def is_polled(self) -> bool:
        """Readers' pages ask for changes only while the coverage goes on."""
        return self.is_live and not self.coverage_has_ended


def bump_section_revision(section_id: int) -> int:
    """Increment a section's revision inside the current transaction and return it.

    After the commit, the cache is refreshed from the primary database (not from this
    value, and never from a replica that may lag), so the last commit to finish always
    leaves the newest revision behind.
    """
    # No savepoint: inside the caller's transaction the statements need none.
    with transaction.atomic(savepoint=False):
        bump_site_revision()  # what changes a section changes pages outside it too
        Section.objects.filter(pk=section_id).update(revision=models.F("revision") + 1)
        slug, revision = Section.objects.values_list("slug", "revision").get(pk=section_id)

    def refresh_cache():
        primary = Section.objects.using(router.db_for_write(Section))
        committed = primary.filter(pk=section_id).values_list("revision", flat=True)
        remember_revision(slug, committed.first() or revision)

    transaction.on_commit(refresh_cache)
    return revision


class SectionContent(models.Model):
    """Content shown on a section page. Saving it bumps the section's revision in the
    same transaction and stamps the row with it, so that readers polling with
    `since=<revision>` are sent exactly the rows changed after what they have."""

    live_revision = models.PositiveBigIntegerField(default=0, editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        with transaction.atomic():
            self.stamp_revision(bump_section_revision(self.section_id))
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "live_revision"}
            super().save(*args, **kwargs)

    def stamp_revision(self, revision: int) -> None:
        self.live_revision = revision


class PrincipleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def changed_since(self, revision: int):
        return self.filter(live_revision__gt=revision)


class Principle(SectionContent, VersionedModel, MarkdownRenderedModel):
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="principles", verbose_name=_("section")
    )
    slug = models.SlugField(_("slug"), unique=True, help_text=_("From the English title."))
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary (Markdown)"), blank=True)
    summary_html = models.TextField(editable=False, blank=True)
    responsible_ai = models.TextField(
        _("responsible-AI note (Markdown)"),
        blank=True,
        help_text=_("The ethics counterpart the playbook pairs with this principle."),
    )
    responsible_ai_html = models.TextField(editable=False, blank=True)
    responsible_ai_editorial = models.BooleanField(
        _("the responsible-AI note is ours"),
        default=False,
        help_text=_("Tick when the source spells out no ethics counterpart for this principle."),
    )
    # The principle the source sets beside this one as its counterpart (both sides point
    # at each other).
    pair = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("paired principle"),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    tags = models.ManyToManyField(
        Tag, blank=True, related_name="principles", verbose_name=_("tags")
    )
    is_published = models.BooleanField(_("published"), default=True)
    search_vector = search_vector_field(
        A=columns("title"), B=columns("summary"), C=columns("responsible_ai")
    )
    search_trigram = trigram_text_field(*columns("title"))
    # The history (simple_history.register) is set up in playbook/translation.py, after
    # the per-language columns exist, so that it keeps both languages.

    markdown_fields = ("summary", "responsible_ai")
    objects = PrincipleQuerySet.as_manager()

    class Meta:
        ordering = ["section__order", "order", "id"]
        indexes = search_indexes("principle")
        verbose_name = _("principle")
        verbose_name_plural = _("principles")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("playbook:principle", kwargs={"slug": self.slug})


class LiveUpdateQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-created_at", "-id")

    def visible(self):
        """What readers may see: not an update scheduled for later."""
        return self.filter(scheduled_for__isnull=True)

    def scheduled(self):
        return self.filter(scheduled_for__isnull=False).order_by("scheduled_for", "id")

    def key_events(self):
        return self.visible().filter(is_key_event=True, retracted_at__isnull=True)

    def changed_since(self, revision: int):
        return self.filter(live_revision__gt=revision)

    def for_display(self):
        return self.visible().select_related("author", "retracted_by").prefetch_related("images")


class LiveUpdate(SectionContent, VersionedModel, MarkdownRenderedModel):
    """A short entry posted to a live section during an event. Retracting keeps it,
    marked as retracted; nothing is deleted."""

    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="updates", verbose_name=_("section")
    )
    body = models.TextField(_("text (Markdown)"))
    body_html = models.TextField(editable=False, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    edited_at = models.DateTimeField(_("text edited at"), null=True, blank=True)
    is_key_event = models.BooleanField(_("key event"), default=False)
    retracted_at = models.DateTimeField(_("retracted at"), null=True, blank=True)
    retracted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("retracted by"),
    )
    # The revision that brought the update into the section: pollers behind it are sent
    # the update as new, the others only as a change to an update they already show.
    created_revision = models.PositiveBigIntegerField(default=0, editable=False)
    # Written ahead: hidden from readers until this time, then released into the stream
    # (playbook.scheduling) as a new update, through the same poll.
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True, db_index=True)
    search_vector = search_vector_field(C=columns("body"))
    search_trigram = trigram_text_field(*columns("body"))
    # History: playbook/translation.py.

    markdown_fields = ("body",)
    objects = LiveUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = search_indexes("liveupdate")
        verbose_name = _("live update")
        verbose_name_plural = _("live updates")

    def __str__(self):
        return self.body[:60]

    def get_absolute_url(self):
        return f"{self.section.get_absolute_url()}#update-{self.pk}"

    def get_permalink(self):
        """The update's own page, showing it in context."""
        return reverse("playbook:update", kwargs={"slug": self.section.slug, "pk": self.pk})

    # Set while playbook.scheduling releases the update: it then reaches readers as new.
    releasing = False

    def stamp_revision(self, revision: int) -> None:
        super().stamp_revision(revision)
        if self._state.adding or self.releasing:
            self.created_revision = revision

    @property
    def is_retracted(self) -> bool:
        return self.retracted_at is not None

    @cached_property
    def videos(self) -> list[dict]:
        """YouTube links alone on a line: shown as the click-to-load player of talks."""
        return videos_alone_on_a_line(self.body)

    def is_new_since(self, revision: int) -> bool:
        return self.created_revision > revision


class LiveUpdateImage(models.Model):
    """A picture shown with a live update: stored by core.images at a few widths (the
    `variants`, narrowest first, shown by its template tags), with the text a reader who
    cannot see it gets instead."""

    ALT_MAX = 300

    update = models.ForeignKey(
        LiveUpdate, on_delete=models.CASCADE, related_name="images", verbose_name=_("update")
    )
    alt = models.CharField(_("text instead of the picture (alt)"), max_length=ALT_MAX)
    variants = models.JSONField(default=list, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")

    def __str__(self):
        return self.alt


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
