from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import ExpressionWrapper, F
from django.db.models.functions import NullIf
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.bilingual import active_language, columns
from core.markdown import MarkdownRenderedModel
from core.search_fields import search_indexes, search_vector_field, trigram_text_field
from core.versioning import VersionedModel
from playbook.models import Event, Principle
from teams.timestamps import format_timestamp
from teams.video import embed_url, url_at

MILLION = 1_000_000


class ArrPrecision(models.TextChoices):
    EXACT = "exact", _("as stated")
    RANGE = "range", _("a range")
    AT_LEAST = "at_least", _("at least (lower bound)")


# Sortable columns of the teams table and the fields they order by. ARR sorts by its lower
# bound, then its upper bound; ARR per person is the lower bound per head.
TEAM_SORT_FIELDS = {
    "headcount": ("headcount",),
    "users": ("users",),
    "arr": ("arr_min_usd", "arr_max_usd"),
    "arr-per-person": ("arr_per_person_usd",),
}


class TeamQuerySet(models.QuerySet):
    def featured(self):
        return self.filter(is_featured=True)

    def with_arr_per_person(self):
        per_person = ExpressionWrapper(
            F("arr_min_usd") / NullIf(F("headcount"), 0), output_field=models.BigIntegerField()
        )
        return self.annotate(arr_per_person_usd=per_person)

    def sorted_by(self, key: str, descending: bool):
        """Ordered by a column of the teams table; unknown figures last in both directions.

        An unknown key keeps the editors' order."""
        fields = TEAM_SORT_FIELDS.get(key)
        if fields is None:
            return self.order_by("order", "name")
        qs = self.with_arr_per_person() if key == "arr-per-person" else self
        direction = "desc" if descending else "asc"
        order = [getattr(F(name), direction)(nulls_last=True) for name in fields]
        return qs.order_by(*order, "order", "name")


class Team(VersionedModel, MarkdownRenderedModel):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    tagline = models.CharField(
        _("tagline"), max_length=300, blank=True, help_text=_("What the team stands for.")
    )
    leader = models.CharField(_("leader"), max_length=200, blank=True)
    headcount = models.PositiveIntegerField(_("headcount"), null=True, blank=True)
    headcount_note = models.CharField(_("headcount note"), max_length=300, blank=True)
    headcount_qualifier = models.CharField(
        _("headcount qualifier"),
        max_length=100,
        blank=True,
        help_text=_("The source's qualifier of the figure, such as “until recently”."),
    )
    users = models.PositiveBigIntegerField(_("users"), null=True, blank=True)
    # ARR is often quoted loosely ("7자리 수" is 1,000,000–9,999,999, "well over $100M" is a
    # lower bound), so it is stored as bounds with the precision the source gives.
    arr_min_usd = models.PositiveBigIntegerField(_("ARR from (USD)"), null=True, blank=True)
    arr_max_usd = models.PositiveBigIntegerField(_("ARR up to (USD)"), null=True, blank=True)
    arr_precision = models.CharField(
        _("ARR precision"), max_length=10, choices=ArrPrecision.choices, blank=True
    )
    arr_note = models.CharField(
        _("ARR note"), max_length=300, blank=True, help_text=_("The source's own wording.")
    )
    funding_usd = models.PositiveBigIntegerField(_("money raised (USD)"), null=True, blank=True)
    funding_note = models.CharField(_("funding note"), max_length=300, blank=True)
    source_note = models.CharField(_("source"), max_length=300, blank=True)
    summary = models.TextField(_("summary (Markdown)"), blank=True)
    summary_html = models.TextField(editable=False, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_featured = models.BooleanField(_("featured on the home page"), default=False)
    principles = models.ManyToManyField(
        Principle, through="TeamPrinciple", related_name="teams", verbose_name=_("principles")
    )
    search_vector = search_vector_field(
        A=columns("name"), B=columns("tagline", "leader"), C=columns("summary")
    )
    search_trigram = trigram_text_field(*columns("name"))
    # History: teams/translation.py, after the per-language columns exist.

    markdown_fields = ("summary",)
    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        indexes = search_indexes("team")
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("teams:team", kwargs={"slug": self.slug})

    def clean(self):
        if self.arr_min_usd is None and self.arr_max_usd is not None:
            raise ValidationError({"arr_min_usd": _("Give the lower bound of the range too.")})
        if (
            self.arr_min_usd is not None
            and self.arr_max_usd is not None
            and self.arr_max_usd < self.arr_min_usd
        ):
            raise ValidationError({"arr_max_usd": _("The upper bound is below the lower.")})
        if self.arr_min_usd is not None and not self.arr_precision:
            raise ValidationError({"arr_precision": _("Say how precise the ARR figure is.")})

    @property
    def is_tiny_team(self) -> bool | None:
        """More ARR in millions of dollars than people; None when the figures cannot tell."""
        if self.headcount is None or self.arr_min_usd is None:
            return None
        if self.arr_min_usd / MILLION > self.headcount:
            return True
        if self.arr_precision == ArrPrecision.AT_LEAST:
            return None
        upper = self.arr_max_usd if self.arr_max_usd is not None else self.arr_min_usd
        if upper / MILLION > self.headcount:
            return None  # the range straddles the line
        return False

    @property
    def arr_per_person_min_usd(self) -> int | None:
        if not self.headcount or self.arr_min_usd is None:
            return None
        return self.arr_min_usd // self.headcount


class Person(models.Model):
    team = models.ForeignKey(
        Team,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("team"),
    )
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=200, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        """In Korean, the Korean name with the name the source gives: 그랜트 리 (Grant Lee)."""
        korean, english = getattr(self, "name_ko", ""), getattr(self, "name_en", "")
        if active_language() == "ko" and korean and english and korean != english:
            return f"{korean} ({english})"
        return self.name


class TeamPrinciple(models.Model):
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="principle_links", verbose_name=_("team")
    )
    principle = models.ForeignKey(
        Principle, on_delete=models.CASCADE, related_name="team_links", verbose_name=_("principle")
    )
    note = models.TextField(_("note"), blank=True)
    source = models.TextField(
        _("where the source ties them"),
        blank=True,
        help_text=_("In our words, the passage of the source that links the two."),
    )

    class Meta:
        ordering = ["principle__section__order", "principle__order"]
        constraints = [
            models.UniqueConstraint(fields=["team", "principle"], name="unique_team_principle")
        ]
        verbose_name = _("principle the team exemplifies")
        verbose_name_plural = _("principles the team exemplifies")

    def __str__(self):
        return f"{self.team} → {self.principle}"


class TalkQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("team", "event_record").prefetch_related("speakers")


class Talk(VersionedModel, MarkdownRenderedModel):
    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    # The source names no talk titles: a title built from its section heading is marked.
    title_inferred = models.BooleanField(
        _("title built from the source's section heading"), default=False
    )
    source_section = models.CharField(_("section of the source"), max_length=200, blank=True)
    speakers = models.ManyToManyField(
        Person, blank=True, related_name="talks", verbose_name=_("speakers")
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="talks",
        verbose_name=_("team"),
    )
    event = models.CharField(_("event"), max_length=200, blank=True)
    event_record = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="talks",
        verbose_name=_("event record"),
    )
    video_url = models.URLField(
        _("video URL"), blank=True, help_text=_("Leave empty until the real link is known.")
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    summary = models.TextField(_("summary (Markdown)"), blank=True)
    summary_html = models.TextField(editable=False, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    principles = models.ManyToManyField(
        Principle, through="TalkPrinciple", related_name="talks", verbose_name=_("principles")
    )
    search_vector = search_vector_field(
        A=columns("title"), B=columns("summary"), C=columns("event")
    )
    search_trigram = trigram_text_field(*columns("title"))
    # History: teams/translation.py.

    markdown_fields = ("summary",)
    objects = TalkQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]
        indexes = search_indexes("talk")
        verbose_name = _("talk")
        verbose_name_plural = _("talks")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("teams:talk", kwargs={"slug": self.slug})

    @property
    def embed_url(self) -> str:
        return embed_url(self.video_url)


class TalkPrinciple(models.Model):
    talk = models.ForeignKey(
        Talk, on_delete=models.CASCADE, related_name="principle_links", verbose_name=_("talk")
    )
    principle = models.ForeignKey(
        Principle, on_delete=models.CASCADE, related_name="talk_links", verbose_name=_("principle")
    )
    timestamp_seconds = models.PositiveIntegerField(
        _("timestamp (seconds)"), null=True, blank=True, help_text=_("Where in the video.")
    )
    quote = models.TextField(
        _("quote"), blank=True, help_text=_("Only words the speaker really said.")
    )
    note = models.TextField(_("note"), blank=True, help_text=_("Why the talk evidences it."))
    source = models.TextField(
        _("where the source ties them"),
        blank=True,
        help_text=_("In our words, the passage of the source that links the two."),
    )

    class Meta:
        ordering = ["timestamp_seconds", "principle__section__order", "principle__order"]
        constraints = [
            # One link per talk and principle: a second moment goes into the same link's
            # note, so that a principle is never listed twice for one talk.
            models.UniqueConstraint(
                fields=["talk", "principle"],
                name="unique_talk_principle",
                violation_error_message=_("This talk is already linked to this principle."),
            )
        ]
        verbose_name = _("principle the talk evidences")
        verbose_name_plural = _("principles the talk evidences")

    def __str__(self):
        return f"{self.talk} → {self.principle}"

    @property
    def timestamp_display(self) -> str:
        return format_timestamp(self.timestamp_seconds)

    @property
    def video_moment_url(self) -> str:
        """The talk's video at this link's moment; "" without a video or a timestamp."""
        if self.timestamp_seconds is None:
            return ""
        return url_at(self.talk.video_url, self.timestamp_seconds)
