import re

from django.urls import reverse

RESULT_LINK = re.compile(r'class="search-result__link" href="([^"]+)"')


def search(client, q="", **params):
    """The search page in English (tests never depend on the Korean catalogue)."""
    client.cookies["django_language"] = "en"
    return client.get(reverse("search"), {"q": q, **params})


def result_urls(response) -> list[str]:
    return RESULT_LINK.findall(response.content.decode())
