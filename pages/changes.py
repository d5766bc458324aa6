"""The public log of edits (/changes/): every saved version of each kind in the registry
that keeps a history (core.kinds), newest first, from django-simple-history's tables."""

from django.contrib.auth import get_user_model
from django.db.models import CharField, F, IntegerField, Value
from django.db.models.functions import Cast

from core.bilingual import script_language
from core.kinds import content_url, get_kind, kinds_with_history
from core.people import public_name

COLUMNS = (
    "kind",
    "label",
    "link_slug",
    "target_id",
    "history_type",
    "history_date",
    "history_user_id",
)


def _rows(history, kind, label, slug):
    return (
        history.annotate(
            kind=Value(kind, output_field=CharField()),
            label=Cast(label, output_field=CharField()),
            link_slug=Cast(slug, output_field=CharField()),
            target_id=Cast(F("id"), output_field=IntegerField()),
        )
        .values(*COLUMNS)
        .order_by()
    )  # no ORDER BY inside a UNION (SQLite refuses it)


def _public_history(kind):
    history = kind.model_class.history.all()
    return history.filter(kind.changes.public()) if kind.changes.public else history


def all_changes():
    """One queryset (a UNION) of every tracked edit."""
    first, *others = [
        _rows(_public_history(kind), kind.name, kind.changes.label, kind.changes.slug)
        for kind in kinds_with_history()
    ]
    return first.union(*others, all=True).order_by("-history_date")


def with_authors(rows) -> list[dict]:
    """Adds `author` (the public name, never the sign-in name nor an email), `url` and
    `kind_label` to each row, and `label_language`: the language of the label, which the
    query took from the other language's column when the reader's is empty."""
    rows = list(rows)
    ids = {row["history_user_id"] for row in rows if row["history_user_id"]}
    users = get_user_model().objects.filter(pk__in=ids)
    names = {user.pk: public_name(user) for user in users}
    for row in rows:
        row["author"] = names.get(row["history_user_id"], "")
        row["url"] = content_url(row["kind"], row["link_slug"], row["target_id"])
        row["kind_label"] = get_kind(row["kind"]).label
        row["label_language"] = script_language(row["label"])
    return rows
