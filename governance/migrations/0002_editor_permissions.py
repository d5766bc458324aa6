from django.db import migrations

from playbook.permissions import grant_editor_permissions, revoke_editor_permissions

CONTENT_MODELS = ["checklist", "checklistversion", "checklistsection", "checklistitem"]


def grant(apps, schema_editor):
    grant_editor_permissions(apps, "governance", CONTENT_MODELS)


def revoke(apps, schema_editor):
    revoke_editor_permissions(apps, "governance")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("governance", "0001_initial"),
        ("playbook", "0002_editor_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
