"""End the live coverage of sections that have had no update for a while.

Run it from cron (docs/deploy.md), e.g. every 15 minutes:
    manage.py end_stale_coverage --hours 12
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Max
from django.utils import timezone

from playbook import services
from playbook.models import Section


class Command(BaseCommand):
    help = "End the live coverage of live sections without an update for --hours hours."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=float, default=settings.LIVE_COVERAGE_IDLE_HOURS)

    def handle(self, *args, hours, **options):
        cutoff = timezone.now() - timedelta(hours=hours)
        stale = (
            Section.objects.filter(is_live=True, coverage_ended_at__isnull=True)
            .annotate(last_update=Max("updates__created_at"))
            .filter(last_update__lt=cutoff)
        )
        ended = [services.section_end_coverage(section=section).slug for section in stale]
        self.stdout.write(f"Ended the coverage of {len(ended)} section(s): {', '.join(ended)}")
