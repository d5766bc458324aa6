from django.db import migrations

from playbook.permissions import grant_editor_permissions, revoke_editor_permissions


def grant(apps, schema_editor):
    grant_editor_permissions(apps, "playbook", ["event"])


def revoke(apps, schema_editor):
    revoke_editor_permissions(apps, "playbook", ["event"])


class Migration(migrations.Migration):
    dependencies = [("playbook", "0010_scheduled_updates_and_pictures")]

    operations = [migrations.RunPython(grant, revoke)]
