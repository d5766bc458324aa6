from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import admin_autocomplete
        from core.revision import connect_content_signals

        connect_content_signals()
        admin_autocomplete.install()
