from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import checks, indexing

        indexing.connect_signals()
        checks.register_checks()
