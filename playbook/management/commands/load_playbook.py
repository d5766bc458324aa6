from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from playbook.seed import DEFAULT_SEED_FILE, SeedRun, read_seed, registered_loaders


class Command(BaseCommand):
    help = (
        "Load the playbook's content (sections, principles, teams, talks, checklists). "
        "Safe to run again: items loaded before, or changed by an editor since, are left alone; "
        "only their empty fields (English added to the seed later) are filled, once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=DEFAULT_SEED_FILE)

    def handle(self, *args, file: Path, verbosity: int = 1, **options):
        try:
            data = read_seed(file)
        except FileNotFoundError as error:
            raise CommandError(f"No seed file at {file}") from error
        except ValueError as error:  # tomllib.TOMLDecodeError
            raise CommandError(f"{file} is not valid TOML: {error}") from error

        autodiscover_modules("seed")
        with transaction.atomic():
            run = SeedRun()
            for load in registered_loaders():
                load(data, run)

        if verbosity >= 2:
            for key in run.created:
                self.stdout.write(f"  created {key}")
            for key, column in run.filled:
                self.stdout.write(f"  filled {key} {column}")
        english = sum(1 for _, column in run.filled if column.endswith("_en"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Playbook loaded: {len(run.created)} items created, "
                f"{run.skipped} left as they were, {len(run.filled)} empty fields of earlier "
                f"items filled ({english} of them English)."
            )
        )
