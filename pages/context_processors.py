# Which main navigation entry the current page belongs to, by its URL name.
NAV_BY_URL_NAME = {
    "principles": "principles",
    "principle": "principles",
    "section": "principles",
    "teams": "teams",
    "team": "teams",
    "talks": "talks",
    "talk": "talks",
    "checklists": "governance",
    "checklist": "governance",
    "changes": "changes",
    "map": "map",
    "search": "search",
}


def navigation(request):
    match = getattr(request, "resolver_match", None)
    return {"nav": NAV_BY_URL_NAME.get(match.url_name if match else None, "")}
