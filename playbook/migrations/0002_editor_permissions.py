from django.db import migrations

from playbook.permissions import grant_editor_permissions, revoke_editor_permissions

CONTENT_MODELS = ["page", "tag", "section", "principle"]


def grant(apps, schema_editor):
    grant_editor_permissions(apps, "playbook", CONTENT_MODELS)


def revoke(apps, schema_editor):
    revoke_editor_permissions(apps, "playbook")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("playbook", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
