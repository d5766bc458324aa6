from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Teams and talks")

    def ready(self):
        from teams.kinds import register_kinds

        register_kinds()
