from pathlib import Path

from django.core.management.base import BaseCommand

from pages.backup import write_backup


class Command(BaseCommand):
    help = "Write all content (playbook, teams, governance, assessments, live updates) to FILE."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        data = write_backup(file)
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(data['objects'])} objects to {file}."))
