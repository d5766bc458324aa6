from django.db import migrations

from playbook.permissions import grant_editor_permissions, revoke_editor_permissions

CONTENT_MODELS = ["team", "person", "teamprinciple", "talk", "talkprinciple"]


def grant(apps, schema_editor):
    grant_editor_permissions(apps, "teams", CONTENT_MODELS)


def revoke(apps, schema_editor):
    revoke_editor_permissions(apps, "teams")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("teams", "0001_initial"),
        ("playbook", "0002_editor_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
