from django.db import migrations

from core.permissions import grant_editor_permissions, revoke_editor_permissions


def grant(apps, schema_editor):
    grant_editor_permissions(apps, "governance", ["crosswalklink"])


def revoke(apps, schema_editor):
    revoke_editor_permissions(apps, "governance", ["crosswalklink"])


class Migration(migrations.Migration):
    dependencies = [("governance", "0006_crosswalk")]

    operations = [migrations.RunPython(grant, revoke)]
