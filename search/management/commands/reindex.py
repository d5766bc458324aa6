import sys

from django.core.management.base import BaseCommand

from search.indexing import reindex
from search.models import SearchEntry


class Command(BaseCommand):
    help = (
        "Rebuild the search index (lemmas and sentence vectors) of every item. Items whose "
        "text and model are unchanged are skipped, so running it twice writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=200)

    def handle(self, *args, batch: int, verbosity: int = 1, **options):
        show = verbosity >= 1 and sys.stdout.isatty()

        def progress(kind: str, done: int, total: int) -> None:
            if verbosity < 1:
                return
            width = 30
            filled = width * done // max(total, 1)
            line = f"{kind:<10} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
            # On a terminal the bar is redrawn in place; in a log, one line per batch.
            self.stdout.write(("\r" if show else "") + line, ending="" if show else "\n")
            if show and done == total:
                self.stdout.write("")

        written = reindex(batch=batch, progress=progress)
        total = SearchEntry.objects.count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Reindexed: {sum(written.values())} entries written "
                f"({', '.join(f'{k} {n}' for k, n in written.items())}), {total} in the index."
            )
        )
