from django.db import migrations

from playbook.permissions import grant_editor_permissions, revoke_editor_permissions


def grant(apps, schema_editor):
    # Live updates are retracted, never deleted, so editors get no delete permission.
    grant_editor_permissions(apps, "playbook", ["liveupdate"], actions=("add", "change", "view"))


def revoke(apps, schema_editor):
    revoke_editor_permissions(apps, "playbook", ["liveupdate"])


class Migration(migrations.Migration):
    dependencies = [("playbook", "0003_live_updates")]

    operations = [migrations.RunPython(grant, revoke)]
