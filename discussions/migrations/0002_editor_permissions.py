from django.db import migrations

from core.permissions import grant_editor_permissions, revoke_editor_permissions


def grant(apps, schema_editor):
    # Editors moderate: they see dilemmas and change their status. Readers add them, and
    # nothing is deleted (a rejected dilemma stays on record).
    grant_editor_permissions(apps, "discussions", ["dilemma"], actions=("change", "view"))


def revoke(apps, schema_editor):
    revoke_editor_permissions(apps, "discussions")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("discussions", "0001_initial"),
        ("playbook", "0002_editor_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
