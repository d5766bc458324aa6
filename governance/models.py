import uuid

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.bilingual import columns
from core.markdown import MarkdownRenderedModel
from core.search_fields import search_indexes, search_vector_field, trigram_text_field
from governance.risk_tiers import RiskTier
from playbook.models import Principle


class SourceFormat(models.TextChoices):
    DEON = "deon", _("deon checklist.yml")
    OSCAL = "oscal", _("OSCAL catalog JSON (e.g. NIST AI RMF)")
    AIA = "aia", _("Algorithmic Impact Assessment survey JSON")


class Checklist(MarkdownRenderedModel):
    """A governance checklist; its content lives in numbered versions."""

    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description (Markdown)"), blank=True)
    description_html = models.TextField(editable=False, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    # Which published framework format the checklist was imported from; blank for the
    # playbook's own checklists. Imports of a new version must come in the same format.
    source_format = models.CharField(
        _("imported from"), max_length=10, choices=SourceFormat.choices, blank=True
    )
    is_editorial = models.BooleanField(
        _("our own text"),
        default=False,
        help_text=_("The questions and guidance are ours, written from the playbook."),
    )

    markdown_fields = ("description",)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:checklist", kwargs={"slug": self.slug})


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


def refuse_published(version: ChecklistVersion | None) -> None:
    """A published version is a snapshot that assessments are pinned to: never changed."""
    if version is not None and version.is_published:
        raise ValidationError(
            _("Version %(number)s is published and read-only; make a new draft from it.")
            % {"number": version.number}
        )


class ChecklistSection(models.Model):
    version = models.ForeignKey(
        ChecklistVersion,
        on_delete=models.CASCADE,
        related_name="sections",
        verbose_name=_("version"),
    )
    title = models.CharField(_("title"), max_length=200)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("checklist section")
        verbose_name_plural = _("checklist sections")

    def __str__(self):
        return self.title

    def clean(self):
        if self.version_id is not None:
            refuse_published(self.version)


class ChecklistItemQuerySet(models.QuerySet):
    def in_published_versions(self):
        return self.filter(section__version__status=VersionStatus.PUBLISHED)

    def in_current_versions(self):
        """Items of the newest published version of each checklist: once a new version is
        out, the older one's items would only repeat the same questions."""
        newer = ChecklistVersion.objects.published().filter(
            checklist_id=models.OuterRef("section__version__checklist_id"),
            number__gt=models.OuterRef("section__version__number"),
        )
        return self.in_published_versions().exclude(models.Exists(newer))


class ChecklistItem(MarkdownRenderedModel):
    section = models.ForeignKey(
        ChecklistSection, on_delete=models.CASCADE, related_name="items", verbose_name=_("section")
    )
    # Stable across versions, so answers can be carried from one version to the next.
    key = models.SlugField(_("stable key"), max_length=80)
    # The framework's own id as it writes it ("A.1", "GOVERN 1.1"); the key is derived
    # from it. Blank for the playbook's own items.
    source_ref = models.CharField(_("framework id"), max_length=80, blank=True)
    prompt = models.CharField(_("question"), max_length=500)
    guidance = models.TextField(_("guidance (Markdown)"), blank=True)
    guidance_html = models.TextField(editable=False, blank=True)
    principles = models.ManyToManyField(
        Principle, blank=True, related_name="checklist_items", verbose_name=_("principles tested")
    )
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveIntegerField(_("order"), default=0)
    search_vector = search_vector_field(A=columns("prompt"), C=columns("guidance"))
    search_trigram = trigram_text_field(*columns("prompt"))

    markdown_fields = ("guidance",)
    objects = ChecklistItemQuerySet.as_manager()

    class Meta:
        ordering = ["section__order", "order", "id"]
        indexes = search_indexes("checklistitem")
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self):
        return self.prompt

    def clean(self):
        errors = {}
        if self.weight == 0:
            errors["weight"] = _("The weight must be at least 1.")
        if self.section_id is not None:
            try:
                refuse_published(self.section.version)
            except ValidationError as error:
                errors[NON_FIELD_ERRORS] = error.messages
            # Answers are carried between versions by key, so a key names one item per version.
            same_key = ChecklistItem.objects.filter(
                section__version_id=self.section.version_id, key=self.key
            ).exclude(pk=self.pk)
            if same_key.exists():
                errors["key"] = _("Another item of this checklist version already uses this key.")
        if errors:
            raise ValidationError(errors)


class AnswerStatus(models.TextChoices):
    YES = "yes", _("Yes")
    PARTIAL = "partial", _("Partly")
    NO = "no", _("No")
    NOT_APPLICABLE = "na", _("Not applicable")


# Limits on what a reader may type; the forms and the JSON import both check them.
SUBJECT_MAX = 200
NOTE_MAX = 5000
JUSTIFICATION_MAX = 2000
EVIDENCE_URL_MAX = 500


class AssessmentQuerySet(models.QuerySet):
    def for_page(self):
        return self.select_related("checklist_version__checklist")


class Assessment(models.Model):
    """One team's self-assessment against a pinned checklist version.

    Nobody signs in: whoever holds the edit token (kept in a cookie, shown once as a
    private link) may edit. Only the token's SHA-256 is stored.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    checklist_version = models.ForeignKey(
        ChecklistVersion,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("checklist version"),
    )
    subject = models.CharField(_("subject"), max_length=SUBJECT_MAX)
    edit_token_hash = models.CharField(max_length=64, editable=False)
    is_shared = models.BooleanField(_("readable by anyone with the link"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    # Answers an upgrade could not carry to the new version, kept so that nothing is lost:
    # [{"from_version", "key", "prompt", "status", "justification", "note", "evidence_url"}].
    not_carried_over = models.JSONField(default=list, blank=True, editable=False)
    # The risk-tier pre-questionnaire (governance.risk_tiers): blank until it is answered;
    # `risk_answers` lists the keys of the questions answered "yes".
    risk_tier = models.CharField(
        _("risk tier"), max_length=12, choices=RiskTier.choices, blank=True
    )
    risk_answers = models.JSONField(default=list, blank=True, editable=False)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("governance:assessment", kwargs={"pk": self.pk})

    @property
    def checklist(self):
        return self.checklist_version.checklist


class Answer(models.Model):
    """A reader's answer to one checklist item in one assessment; no row means unanswered."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="answers", verbose_name=_("assessment")
    )
    item = models.ForeignKey(
        ChecklistItem, on_delete=models.PROTECT, related_name="answers", verbose_name=_("item")
    )
    status = models.CharField(_("answer"), max_length=10, choices=AnswerStatus.choices)
    justification = models.TextField(
        _("why it does not apply"), max_length=JUSTIFICATION_MAX, blank=True
    )
    note = models.TextField(_("note"), max_length=NOTE_MAX, blank=True)
    evidence_url = models.URLField(_("evidence link"), max_length=EVIDENCE_URL_MAX, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Optimistic locking: the page sends the version it shows, so that an answer changed in
    # another tab or browser is reported instead of overwritten (services.answer_save).
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["assessment", "item"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="one_answer_per_item"),
            models.CheckConstraint(
                condition=~models.Q(status="na") | ~models.Q(justification=""),
                name="not_applicable_needs_justification",
            ),
        ]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return f"{self.item.key}: {self.status}"


class CrosswalkLink(models.Model):
    """An editor's mapping of one framework item to a playbook principle, with a note.

    Framework items are versioned rows; the mapping names the item by its checklist and
    stable key, so it holds for every version of the framework that keeps the key.
    """

    checklist = models.ForeignKey(
        Checklist,
        on_delete=models.CASCADE,
        related_name="crosswalk_links",
        verbose_name=_("framework"),
        limit_choices_to=~models.Q(source_format=""),
    )
    key = models.SlugField(_("item key"), max_length=80)
    principle = models.ForeignKey(
        Principle,
        on_delete=models.CASCADE,
        related_name="crosswalk_links",
        verbose_name=_("principle"),
    )
    note = models.TextField(_("note"), max_length=NOTE_MAX, blank=True)

    class Meta:
        ordering = ["checklist", "key", "principle"]
        constraints = [
            models.UniqueConstraint(
                fields=["checklist", "key", "principle"], name="one_crosswalk_link_per_pair"
            )
        ]
        verbose_name = _("crosswalk link")
        verbose_name_plural = _("crosswalk links")

    def __str__(self):
        return f"{self.checklist} {self.key} → {self.principle}"

    def clean(self):
        if self.checklist_id is None:
            return
        if not self.checklist.source_format:
            raise ValidationError(
                {"checklist": _("Map the items of an imported framework, not the playbook's own.")}
            )
        known = ChecklistItem.objects.filter(
            section__version__checklist_id=self.checklist_id, key=self.key
        )
        if not known.exists():
            raise ValidationError(
                {"key": _("No version of this framework has an item with this key.")}
            )
