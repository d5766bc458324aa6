"""make bench-floods: can one client fill the database? (issue 11, finding 4)

Against the production server (gunicorn, DEBUG off, PostgreSQL), from one address:
1. start assessments as fast as it can for FLOOD_SECONDS (default 60): how many were
   stored, how many refused (429);
2. import the same crafted file 20 times, each import at the size limit (2 MB) and every
   stored field at its length limit, with random letters that PostgreSQL cannot compress:
   how much the database grew.
Before the fixes: 4,848 assessments in 6 minutes, and 41 MB for 20 imports."""

import json
import os
import random
import re
import string
import time
import urllib.request
import uuid

import psycopg

from bench.common import production_app
from tests.app_server import Session

CHECKLIST = "responsible-ai-development"
FLOOD_SECONDS = int(os.environ.get("FLOOD_SECONDS", "60"))
IMPORTS = 20
FILE_LIMIT = 2 * 1024 * 1024


def noise(length: int) -> str:
    return "".join(random.choices(string.ascii_letters + string.digits, k=length))  # noqa: S311


def start(session: Session, subject: str) -> tuple[int, str]:
    token = session.csrf_token()
    status, _headers, page = session.request(
        f"/governance/{CHECKLIST}/start/", {"subject": subject, "csrfmiddlewaretoken": token}
    )
    return status, page


def crafted_import(exported: dict) -> bytes:
    """The export with every field an import stores at its limit, up to the file limit."""
    document = dict(exported)
    document["subject"] = noise(200)
    for answer in document["answers"]:
        answer["note"] = noise(5000)
    left_behind = []
    size = len(json.dumps(document).encode())
    entry = {"from_version": 1, "key": noise(80), "prompt": noise(500), "status": "yes",
             "justification": noise(2000), "note": noise(5000), "evidence_url": ""}  # fmt: skip
    step = len(json.dumps(entry).encode()) + 2
    while len(left_behind) < 200 and size + step < FILE_LIMIT - 1024:
        left_behind.append({**entry, "note": noise(5000), "justification": noise(2000)})
        size += step
    document["not_carried_over"] = left_behind
    return json.dumps(document).encode()


def upload(session: Session, raw: bytes) -> int:
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
            f"{session.csrf_token()}\r\n--{boundary}\r\nContent-Disposition: form-data; "
            f'name="file"; filename="export.json"\r\nContent-Type: application/json\r\n\r\n'
        ).encode()
        + raw
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        f"{session.base}/governance/{CHECKLIST}/import/",
        data=body,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    try:
        with session.opener.open(request, timeout=30) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def database_bytes(url: str) -> int:
    with psycopg.connect(url) as connection:
        connection.execute("CHECKPOINT")
        return connection.execute("SELECT pg_database_size(current_database())").fetchone()[0]


def assessments(url: str) -> int:
    with psycopg.connect(url) as connection:
        return connection.execute("SELECT count(*) FROM governance_assessment").fetchone()[0]


def main() -> None:
    with production_app("bench_floods") as (base, env):
        url = env["DATABASE_URL"]
        session = Session(base)
        session.request(f"/governance/{CHECKLIST}/start/")  # the CSRF cookie
        before = assessments(url)
        statuses: dict[int, int] = {}
        started = time.monotonic()
        first_page = ""
        while time.monotonic() - started < FLOOD_SECONDS:
            status, page = start(session, f"flood {sum(statuses.values())}")
            statuses[status] = statuses.get(status, 0) + 1
            first_page = first_page or page
        stored = assessments(url) - before
        print(f"starts in {FLOOD_SECONDS} s from one address: {sum(statuses.values())} tried, "
              f"{stored} stored, answers {dict(sorted(statuses.items()))}")  # fmt: skip

        # Imports have a limit of their own (per address too): the same address tries them.
        owner = Session(base)
        owner.request(f"/governance/{CHECKLIST}/start/")
        with psycopg.connect(url) as connection:
            pk = connection.execute(
                "SELECT id FROM governance_assessment ORDER BY created_at LIMIT 1"
            ).fetchone()
        exported = export_of(session, base, first_page, pk)
        raw = crafted_import(exported)
        grown_from = database_bytes(url)
        answers = [upload(owner, raw) for _ in range(IMPORTS)]
        grown = database_bytes(url) - grown_from
        print(f"{IMPORTS} imports of a crafted {len(raw) / 1024 / 1024:.2f} MB file: answers "
              f"{dict((a, answers.count(a)) for a in sorted(set(answers)))}, "
              f"database grew by {grown / 1024 / 1024:.1f} MB")  # fmt: skip


def export_of(session: Session, base: str, page: str, pk) -> dict:
    found = re.search(r"/governance/assessments/([0-9a-f-]{36})/", page)
    assessment = found.group(1) if found else str(pk[0])
    status, _headers, body = session.request(f"/governance/assessments/{assessment}/export.json")
    assert status == 200, status
    return json.loads(body)


if __name__ == "__main__":
    main()
