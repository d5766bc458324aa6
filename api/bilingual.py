"""Both languages of a text field, whatever columns the model has.

Today a model keeps its Korean text in `title` and the English in `title_en` (teams and
people the other way round: `name` is English and `name_ko` Korean). With
django-modeltranslation the columns become `title_ko` and `title_en`, and `title` reads
the active language. `both(obj, "title")` reads the per-language columns when they exist,
so the API shows the same two texts before and after that change."""

from functools import cache


@cache
def _columns(model, name: str) -> tuple[str, str | None]:
    """The attribute names of the Korean and the English text of field `name`."""
    fields = {field.attname for field in model._meta.concrete_fields}
    ko, en = f"{name}_ko", f"{name}_en"
    if ko in fields and en in fields:
        return ko, en
    if en in fields:
        return name, en
    if ko in fields:
        return ko, name
    return name, None  # a field written in Korean only


def both(obj, name: str) -> dict:
    """{"ko": ..., "en": ...}; a language without a text is null, never a copy of the
    other one."""
    ko, en = _columns(type(obj), name)
    return {
        "ko": getattr(obj, ko) or None,
        "en": (getattr(obj, en) or None) if en else None,
    }
