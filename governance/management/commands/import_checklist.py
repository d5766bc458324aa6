from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from governance import importers, services
from governance.models import Checklist


class Command(BaseCommand):
    help = (
        "Import a framework's published checklist file (deon checklist.yml, an OSCAL catalog "
        "such as the NIST AI RMF, or Canada's AIA survey JSON) as a new draft checklist version."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="path of the framework file")
        parser.add_argument("--format", required=True, choices=sorted(importers.FORMATS))
        parser.add_argument(
            "--checklist", help="slug of the checklist to add the version to (default: by title)"
        )
        parser.add_argument("--title", default="", help="title of a new checklist")

    def handle(self, *args, file, format, checklist, title, **options):
        try:
            with open(file, "rb") as handle:
                raw = handle.read(importers.base.MAX_BYTES + 1)
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error}") from error
        target = None
        if checklist:
            target = Checklist.objects.filter(slug=checklist).first()
            if target is None:
                raise CommandError(f"no checklist with the slug {checklist}")
        try:
            parsed = importers.parse(raw, format)
            version = services.checklist_import(parsed=parsed, checklist=target, title=title)
        except ValidationError as error:
            raise CommandError(f"{file}: " + "\n".join(error.messages)) from error
        self.stdout.write(
            f"Imported {parsed.item_count} items in {len(parsed.sections)} sections as draft "
            f"{version} ({version.checklist.slug})"
            + (f"; {parsed.skipped} unscored questions left out" if parsed.skipped else "")
        )
