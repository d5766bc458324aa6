"""Every admin form with an autocomplete field takes any value in it: a value that cannot
be a key (`":"`, a NUL, a number too big for the column) is refused with the field's
message, never a 500 (the autocomplete widget would query with it while showing the form
again). Inline rows' autocomplete fields too."""

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse

pytestmark = pytest.mark.django_db

IMPOSSIBLE = [":", "\x00", "9" * 30, "-1.5"]


def inline_rows(model_admin, request, value):
    """One row of each inline that has autocomplete fields, with `value` in them."""
    data = {}
    for inline in model_admin.get_inline_instances(request):
        if not inline.autocomplete_fields:
            continue
        prefix = inline.get_formset(request).get_default_prefix()
        data |= {
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
        data |= {f"{prefix}-0-{name}": value for name in inline.autocomplete_fields}
    return data


def autocomplete_admins(request):
    for model, model_admin in admin.site._registry.items():
        rows = inline_rows(model_admin, request, ":")
        if model_admin.autocomplete_fields or rows:
            yield model, model_admin


def test_there_are_autocomplete_forms_to_try(editor):
    request = RequestFactory().get("/")
    request.user = editor
    assert len(list(autocomplete_admins(request))) >= 6


@pytest.mark.parametrize("value", IMPOSSIBLE)
def test_an_impossible_choice_in_any_autocomplete_field_is_refused_not_a_500(editor, value):
    from zeal import zeal_ignore

    client = Client()
    client.force_login(editor)
    request = RequestFactory().get("/")
    request.user = editor
    tried = 0
    for model, model_admin in autocomplete_admins(request):
        meta = model._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_add")
        data = {name: value for name in model_admin.autocomplete_fields}
        data |= inline_rows(model_admin, request, value)
        with zeal_ignore():  # the admin's own queries
            if client.get(url).status_code == 403:
                continue  # not an editor's form (added elsewhere)
            response = client.post(url, {**data, "_save": "Save"})
        assert response.status_code == 200, (url, value, response.status_code)
        tried += 1
    assert tried >= 5
