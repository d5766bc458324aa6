from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from governance import services


class Command(BaseCommand):
    help = (
        "Delete assessments that were started and never touched: no answer, no risk tier, "
        "not completed, unchanged for --days days (default PLAYBOOK_EMPTY_ASSESSMENT_DAYS)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=float, default=settings.EMPTY_ASSESSMENT_DAYS)

    def handle(self, *args, days, **options):
        before = timezone.now() - timedelta(days=days)
        count = services.assessments_expire_untouched(before=before)
        self.stdout.write(f"Deleted {count} untouched empty assessments older than {days:g} days.")
