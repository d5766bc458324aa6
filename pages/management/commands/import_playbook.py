from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pages.backup import BackupError, import_content, read_backup


class Command(BaseCommand):
    help = "Restore a file written by export_playbook into a database without content."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            count = import_content(read_backup(file))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {count} objects from {file}."))
