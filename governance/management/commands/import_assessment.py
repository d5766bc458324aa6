from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from governance import exports, services, tokens


class Command(BaseCommand):
    help = "Recreate an assessment from its export.json and print its private edit link."

    def add_arguments(self, parser):
        parser.add_argument("file", help="path of an export.json file")

    def handle(self, *args, file, **options):
        try:
            with open(file, "rb") as handle:
                raw = handle.read()
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error}") from error
        try:
            data = exports.import_json(raw)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from error
        assessment, token = services.assessment_import(data=data)
        link = tokens.edit_link(assessment, token)
        self.stdout.write(
            f"Imported {len(data.answers)} answers into {assessment.get_absolute_url()}"
        )
        # The token is stored only as a hash: this line is the one chance to keep it.
        self.stdout.write(f"Private edit link (open it once in the browser to edit): {link}")
