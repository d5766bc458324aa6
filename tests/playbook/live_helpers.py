"""Requests that the live-section tests send."""

from django.urls import reverse

HTMX = {"HTTP_HX_REQUEST": "true"}


def post_update(client, section, body="첫 소식", **extra):
    return client.post(
        reverse("playbook:update-create", args=[section.slug]),
        {"body": body, **extra},
        **HTMX,
    )


def poll(client, section, since):
    return client.get(reverse("playbook:section-changes", args=[section.slug]), {"since": since})


def revision_of(section):
    section.refresh_from_db()
    return section.revision
