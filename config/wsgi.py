import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# The search's sentence model (search.semantic), read here once: gunicorn's master loads
# this module before forking (preload_app), so every worker starts with the model in
# memory and the first search after a start does not wait for it.
from search.semantic import model  # noqa: E402

model()
