from django.db import models


class ContentRevision(models.Model):
    """The site-wide content revision: one row, bumped in the transaction of every
    content write (core.revision). Readers' pages are cached under it, so an edit is
    visible on the next request after its commit."""

    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "content revision"

    def __str__(self):
        return str(self.value)
