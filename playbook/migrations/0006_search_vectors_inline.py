from django.db import migrations

from playbook.search_fields import PostgresOnly

# Search vectors of long texts pass PostgreSQL's 2 kB limit and were moved out of line
# (TOAST): a query matching most rows then read each vector from the TOAST table. Stored
# MAIN, they stay compressed in the row; measured on 10,000 generated rows, a common word's
# search went from 54 ms to 19 ms of SQL. Rows written before this migration keep their
# old storage until rewritten (VACUUM FULL), see docs/deploy.md.
TABLES = ["playbook_principle", "playbook_liveupdate"]


class Migration(migrations.Migration):
    dependencies = [("playbook", "0005_search")]

    operations = [
        PostgresOnly(
            migrations.RunSQL(
                sql=[f"ALTER TABLE {t} ALTER COLUMN search_vector SET STORAGE MAIN" for t in TABLES],
                reverse_sql=[
                    f"ALTER TABLE {t} ALTER COLUMN search_vector SET STORAGE EXTENDED"
                    for t in TABLES
                ],
            )
        )
    ]
