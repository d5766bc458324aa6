"""One-file backups of all content: `manage.py export_playbook FILE` and
`manage.py import_playbook FILE` (into an empty database).

The objects are Django fixtures (so loading restores primary keys, skips `save()` and its
side effects, and resets sequences); the authors they point to travel by username and are
recreated, without a usable password, where missing. Version history is not included.
"""

import datetime
import json
import tempfile
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction

from core.kinds import content_app_labels

FORMAT = "tiny-teams-playbook/backup"
FORMAT_VERSION = 1


class BackupError(Exception):
    pass


class ExactJSONEncoder(DjangoJSONEncoder):
    """Keeps times to the microsecond: Django's encoder cuts them to milliseconds, which
    would make a restored database differ from the one backed up."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def content_models() -> list:
    """Every model of the apps that own a kind of content (core.kinds), without
    django-simple-history's tables."""
    return [
        model
        for label in content_app_labels()
        for model in apps.get_app_config(label).get_models()
        if not model._meta.model_name.startswith("historical")
    ]


def _referenced_users(models) -> set[int]:
    user_model = get_user_model()
    ids = set()
    for model in models:
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is user_model:
                ids.update(
                    model.objects.exclude(**{field.attname: None}).values_list(
                        field.attname, flat=True
                    )
                )
    return ids


def export_content() -> dict:
    models = content_models()
    users = get_user_model().objects.filter(pk__in=_referenced_users(models)).order_by("pk")
    objects = [obj for model in models for obj in model._default_manager.order_by("pk").iterator()]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "users": [
            {"username": u.get_username(), "first_name": u.first_name, "last_name": u.last_name}
            for u in users
        ],
        "objects": json.loads(
            serializers.serialize(
                "json", objects, use_natural_foreign_keys=True, cls=ExactJSONEncoder
            )
        ),
    }


def write_backup(path: Path) -> dict:
    data = export_content()
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return data


def read_backup(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BackupError(f"No file at {path}") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{path} is not a JSON backup: {error}") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(f"{path} is not a Tiny Teams Playbook backup.")
    if data.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"Backup format version {data.get('format_version')} is not supported.")
    return data


def import_content(data: dict) -> int:
    """Restore a backup into a database without content; returns the number of objects."""
    occupied = [m._meta.label for m in content_models() if m._default_manager.exists()]
    if occupied:
        raise BackupError(
            "The database already has content (" + ", ".join(occupied) + "); "
            "import into an empty database."
        )
    user_model = get_user_model()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Paired principles point at each other, so no order of rows satisfies every
            # foreign key at each insert; loaddata checks them all at its end.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for user in data.get("users", []):
            if not user_model.objects.filter(username=user["username"]).exists():
                restored = user_model(
                    username=user["username"],
                    first_name=user.get("first_name", ""),
                    last_name=user.get("last_name", ""),
                    is_active=False,
                )
                restored.set_unusable_password()
                restored.save()
        with tempfile.TemporaryDirectory() as folder:
            fixture = Path(folder) / "content.json"
            fixture.write_text(json.dumps(data["objects"], ensure_ascii=False), encoding="utf-8")
            call_command("loaddata", str(fixture), verbosity=0)
    return len(data["objects"])
