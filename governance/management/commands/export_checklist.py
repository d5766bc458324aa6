from django.core.management.base import BaseCommand, CommandError

from governance import importers
from governance.models import ChecklistVersion


class Command(BaseCommand):
    help = "Write a checklist version in a framework's file format (the importers read it back)."

    def add_arguments(self, parser):
        parser.add_argument("checklist", help="slug of the checklist")
        parser.add_argument("--format", required=True, choices=sorted(importers.FORMATS))
        parser.add_argument("--number", type=int, help="version number (default: the newest)")

    def handle(self, *args, checklist, format, number, **options):
        versions = ChecklistVersion.objects.filter(checklist__slug=checklist).select_related(
            "checklist"
        )
        if number is not None:
            versions = versions.filter(number=number)
        chosen = versions.order_by("-number").first()
        if chosen is None:
            raise CommandError(f"no such checklist version: {checklist} {number or ''}")
        self.stdout.write(importers.dump(chosen, format), ending="")
