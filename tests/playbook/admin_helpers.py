"""Filling in an admin change form as the browser would: every field with what the page
shows (inline formsets too), then the editor's changes."""


def _fields(form, data):
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        value = form[name].value()
        if isinstance(value, bool) or getattr(field.widget, "input_type", None) == "checkbox":
            if value:
                data[key] = "on"
            continue
        if value is None:
            value = ""
        if isinstance(value, list | tuple):
            data[key] = [str(v.pk if hasattr(v, "pk") else v) for v in value]
        else:
            data[key] = str(getattr(value, "pk", value))


def shown_form_data(response, **changes):
    data = {}
    _fields(response.context["adminform"].form, data)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        _fields(formset.management_form, data)
        for form in formset.forms:
            _fields(form, data)
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    data["_save"] = "Save"
    return data
