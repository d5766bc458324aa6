import time

from django.db import migrations, models


def create_the_row(apps, schema_editor):
    # Start from the time in milliseconds, not 0: a new database (a restore, another run)
    # then never repeats a revision that a shared cache may still hold pages for.
    apps.get_model("core", "ContentRevision").objects.get_or_create(
        pk=1, defaults={"value": int(time.time() * 1000)}
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_cache_table")]

    operations = [
        migrations.CreateModel(
            name="ContentRevision",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("value", models.PositiveBigIntegerField(default=0)),
            ],
            options={"verbose_name": "content revision"},
        ),
        migrations.RunPython(create_the_row, migrations.RunPython.noop),
    ]
