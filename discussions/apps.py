from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    name = "discussions"
    verbose_name = _("Readers' dilemmas")

    def ready(self):
        from discussions import signals
        from discussions.kinds import register_kinds

        register_kinds()
        signals.connect()
