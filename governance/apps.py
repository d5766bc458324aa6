from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Governance")

    def ready(self):
        from core.revision import keep_out_of_site_revision
        from governance.kinds import register_kinds

        register_kinds()
        # An assessment is its owner's: no shared page shows it, so its answers do not
        # make every reader's page render again.
        keep_out_of_site_revision("governance.Assessment", "governance.Answer")
