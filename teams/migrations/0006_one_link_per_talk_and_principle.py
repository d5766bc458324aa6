"""One link per talk and principle (issue 16, part 7).

Links that name the same principle twice for one talk are merged first, into the earliest
one: its empty texts and timestamp are filled from the later ones, and what differs is
kept in its note, so that nothing an editor wrote is lost. Then the constraint."""

from django.db import migrations, models

TEXTS = ["quote_ko", "quote_en", "note_ko", "note_en", "source_ko", "source_en"]


def merge_duplicate_links(apps, schema_editor):
    TalkPrinciple = apps.get_model("teams", "TalkPrinciple")
    seen = {}
    for link in TalkPrinciple.objects.order_by("talk_id", "principle_id", "pk"):
        key = (link.talk_id, link.principle_id)
        kept = seen.get(key)
        if kept is None:
            seen[key] = link
            continue
        for name in TEXTS:
            mine, theirs = getattr(kept, name) or "", getattr(link, name) or ""
            if theirs and theirs not in mine:
                setattr(kept, name, f"{mine}\n\n{theirs}".strip())
        if kept.timestamp_seconds is None:
            kept.timestamp_seconds = link.timestamp_seconds
        elif link.timestamp_seconds not in (None, kept.timestamp_seconds):
            minutes, seconds = divmod(link.timestamp_seconds, 60)
            moment = f"{minutes}:{seconds:02d}"
            kept.note_ko = f"{kept.note_ko}\n\n({moment})".strip()
            kept.note_en = f"{kept.note_en}\n\n(also at {moment})".strip()
        kept.save()
        link.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("playbook", "0011_editor_permissions_events"),
        ("teams", "0005_copy_texts_into_language_columns"),
    ]

    operations = [
        migrations.RunPython(merge_duplicate_links, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name="talkprinciple",
            name="unique_talk_principle_moment",
        ),
        migrations.AddConstraint(
            model_name="talkprinciple",
            constraint=models.UniqueConstraint(
                fields=("talk", "principle"),
                name="unique_talk_principle",
                violation_error_message="This talk is already linked to this principle.",
            ),
        ),
    ]
