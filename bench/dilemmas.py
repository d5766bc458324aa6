"""make bench-dilemmas: a reader's dilemma from submission to the public page, over HTTP
against the production server (gunicorn, DEBUG off, PostgreSQL), and what each defence
answers.

Prints the time from the editor's approval (the admin action's answer) to the first
anonymous request of the principle page that shows the dilemma, and the status of each
refused submission kind, then the flood: 50 submissions in a row from one address."""

import re
import time

from bench.common import production_app
from tests.app_server import Session, fetch

PRINCIPLE = "/principles/work-trials/"
TEXT = "벤치마크 딜레마: 작은 팀이 고객 대화 기록으로 모델을 학습해도 될까요?"


def form_fields(reader: Session, about: str) -> dict:
    status, _, page = reader.request(f"/dilemmas/new/?about={about}")
    assert status == 200, status
    return {
        "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1],
        "started": re.search(r'name="started" value="([^"]+)"', page)[1],
        "about": about,
        "text": TEXT,
        "display_name": "",
        "website": "",
    }


def submit(reader: Session, fields: dict) -> int:
    headers = {"Referer": reader.base + "/dilemmas/new/"}
    return reader.request("/dilemmas/new/", fields, headers)[0]


def main() -> None:
    with production_app("bench_dilemmas") as (base, _env):
        status, page = fetch(base + PRINCIPLE)
        about = re.search(r"\?about=(principle:\d+)", page)[1]

        reader = Session(base)
        fields = form_fields(reader, about)
        answers = {}
        for name, change in [
            ("empty text", {"text": ""}),
            ("over 2,000 characters", {"text": "가" * 2001}),
            ("NUL byte", {"text": "a\x00b"}),
            ("three links", {"text": "https://a.example https://b.example https://c.example"}),
            ("an image", {"text": "![x](https://a.example/x.png)"}),
            ("name of 500 characters", {"display_name": "김" * 500}),
            ("look-alike name ＡＤＭＩＮ", {"display_name": "ＡＤＭＩＮ"}),
            ("unknown target", {"about": "principle:999999"}),
            ("honeypot filled", {"website": "https://spam.example"}),
            ("sent under 3 s", {}),
        ]:
            answers[name] = submit(reader, {**fields, **change})
        no_csrf = Session(base)
        answers["no CSRF token"] = no_csrf.request("/dilemmas/new/", {**fields})[0]

        time.sleep(3.2)
        accepted = submit(reader, fields)
        assert accepted in (200, 303), accepted

        editor = Session(base)
        editor.sign_in("bench-editor", "a-long-bench-password-9")
        _, _, queue = editor.request("/admin/discussions/dilemma/?status=pending")
        pk = re.search(r'name="_selected_action" value="(\d+)"', queue)[1]
        token = editor.csrf_token()
        approve = {"action": "approve", "_selected_action": pk, "index": "0",
                   "csrfmiddlewaretoken": token}  # fmt: skip
        started = time.perf_counter()
        status, _, _ = editor.request(
            "/admin/discussions/dilemma/", approve, {"Referer": base + "/admin/"}
        )
        approved_at = time.perf_counter()
        polls = 0
        while True:
            polls += 1
            _, page = fetch(base + PRINCIPLE)
            if "벤치마크 딜레마" in page:
                break
        public_at = time.perf_counter()

        flood = Session(base)
        flood_fields = form_fields(flood, about)
        time.sleep(3.2)
        statuses = [submit(flood, {**flood_fields, "text": f"홍수 {n}"}) for n in range(50)]

    print(f"{'defence':<30} answer")
    for name, code in answers.items():
        print(f"{name:<30} {code}")
    print(f"accepted submission            {accepted}")
    print(f"approval (admin action)        {(approved_at - started) * 1000:.0f} ms")
    print(
        f"approval answered → public page {(public_at - approved_at) * 1000:.0f} ms "
        f"({polls} request{'s' if polls > 1 else ''})"
    )
    counts = {code: statuses.count(code) for code in sorted(set(statuses))}
    print(f"flood of 50 from one address   {counts}")


if __name__ == "__main__":
    main()
