"""Readers' dilemmas: the public list and page (approved ones only), and the form.

The form and the reader's own pending dilemmas live on uncached URLs (`form`, `new`): the
item pages that show them are the same for every reader and may be cached, so they carry
no CSRF token and read no cookie; they load the form from here (HTMX) or link here."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from core import ratelimit
from core.page_cache import reader_page
from discussions import defences
from discussions.forms import DilemmaForm, parse_about
from discussions.models import Dilemma
from discussions.selectors import (
    discussable_item,
    discussable_kinds_with_labels,
    own_pending,
    public_dilemmas,
    with_items,
)
from discussions.services import dilemma_submit

PER_PAGE = 20


@reader_page(query=("kind", "page"))
@require_GET
def dilemma_list(request):
    kinds = discussable_kinds_with_labels()
    kind = request.GET.get("kind") or ""
    if kind and kind not in dict(kinds):
        kind = ""
    page = Paginator(public_dilemmas(kind=kind or None), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "dilemmas": with_items(page.object_list),
        "kind": kind,
        "kind_options": [
            (name, label, reverse("discussions:dilemmas") + "?" + urlencode({"kind": name}))
            for name, label in kinds
        ],
    }
    return render(request, "discussions/dilemma_list.html", context)


@reader_page
@require_GET
def dilemma_detail(request, pk):
    dilemma = get_object_or_404(Dilemma.objects.public(), pk=pk)
    (dilemma,) = with_items([dilemma])
    return render(request, "discussions/dilemma_detail.html", {"dilemma": dilemma})


def _about_from(request):
    """The item named by ?about=kind:id, or None."""
    about = parse_about(request.GET.get("about", ""))
    if about is None:
        return None, None
    return about, discussable_item(kind=about[0], item_id=about[1])


def _form_context(request, *, form, about, item, started=None, received=None, status=None):
    return {
        "form": form,
        "about": f"{about[0]}:{about[1]}" if about else "",
        "item": item,
        "started": started or defences.form_started_token(),
        "received": received,
        "throttled": status,
        "own_pending": list(own_pending(ids=ids, kind=about[0], item_id=about[1]))
        if about and (ids := defences.own_ids(request))
        else [],
    }


@never_cache
@require_GET
def dilemma_form(request):
    """The form as a fragment, with its CSRF token, for an item page (HTMX)."""
    about, item = _about_from(request)
    if item is None:
        raise Http404(_("This page does not take dilemmas, or it does not exist."))
    form = DilemmaForm(initial={"about": f"{about[0]}:{about[1]}"})
    context = _form_context(request, form=form, about=about, item=item)
    return render(request, "discussions/dilemma_new.html#dilemma-form", context)


def _over_limit(scope: str, key: str, limit: int, window: int) -> int:
    """Counts one event; 0 while within the limit, else the seconds until it resets."""
    if ratelimit.hit(scope, key, limit=limit, window=window):
        return 0
    return ratelimit.seconds_left(window)


def _throttled(request, form_context, retry_after: int):
    minutes = max(1, -(-retry_after // 60))
    form_context["throttled"] = _(
        "Too many dilemmas from your address for now. Try again in %(minutes)s minutes."
    ) % {"minutes": minutes}
    response = _render_form(request, form_context, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def _render_form(request, context, *, status=200):
    template = "discussions/dilemma_new.html"
    if request.htmx:
        template += "#dilemma-form"
    response = render(request, template, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def dilemma_new(request):
    """GET: the full page with the form (for readers without JavaScript). POST: submit,
    from that page or from the fragment on an item page."""
    if request.method == "GET":
        about, item = _about_from(request)
        if item is None:
            raise Http404(_("This page does not take dilemmas, or it does not exist."))
        form = DilemmaForm(initial={"about": f"{about[0]}:{about[1]}"})
        received = request.GET.get("sent") == "1"
        context = _form_context(request, form=form, about=about, item=item, received=received)
        return _render_form(request, context)

    submitter = defences.address_hash(ratelimit.client_address(request))
    form = DilemmaForm(request.POST)
    about = parse_about(request.POST.get("about", ""))
    item = discussable_item(kind=about[0], item_id=about[1]) if about else None
    refused = _over_limit(
        "dilemma-attempts", submitter, settings.DILEMMAS_PER_ADDRESS * 4,
        settings.DILEMMAS_PER_ADDRESS_WINDOW,
    )  # fmt: skip
    if refused:
        context = _form_context(request, form=DilemmaForm(request.POST), about=about, item=item)
        return _throttled(request, context, refused)

    if not form.is_valid():
        started = request.POST.get("started") if form.too_fast else None
        context = _form_context(request, form=form, about=about, item=item, started=started)
        return _render_form(request, context, status=400 if form.is_bot else 422)

    kind, item_id = form.cleaned_data["about"]
    for scope, key, limit, window in (
        ("dilemmas-per-address", submitter, settings.DILEMMAS_PER_ADDRESS,
         settings.DILEMMAS_PER_ADDRESS_WINDOW),
        ("dilemmas-per-item", f"{kind}:{item_id}", settings.DILEMMAS_PER_ITEM,
         settings.DILEMMAS_PER_ITEM_WINDOW),
    ):  # fmt: skip
        refused = _over_limit(scope, key, limit, window)
        if refused:
            context = _form_context(request, form=form, about=about, item=form.item)
            return _throttled(request, context, refused)

    dilemma = dilemma_submit(
        kind=kind,
        item_id=item_id,
        text=form.cleaned_data["text"],
        display_name=form.cleaned_data["display_name"],
        language=(get_language() or settings.LANGUAGE_CODE)[:2],
        submitter_hash=submitter,
    )
    if request.htmx:
        context = _form_context(
            request, form=DilemmaForm(initial={"about": f"{kind}:{item_id}"}), about=about,
            item=form.item, received=True,
        )  # fmt: skip
        context["own_pending"] = [
            dilemma,
            *[d for d in context["own_pending"] if d.pk != dilemma.pk],
        ]
        response = _render_form(request, context)
    else:
        query = urlencode({"about": f"{kind}:{item_id}", "sent": "1"})
        response = redirect(reverse("discussions:new") + "?" + query, permanent=False)
        response.status_code = 303
    defences.remember_own(request, response, dilemma.pk)
    return response
