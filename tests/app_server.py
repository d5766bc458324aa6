"""Running the app as a separate process, as it runs for real: `manage.py` commands and
gunicorn serving over HTTP on a free local port."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager, suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/playbook"


def app_env(tmp_path, **extra):
    """The environment of a fresh app process: no inherited database or cache unless given."""
    inherited = {"DATABASE_URL", "REDIS_URL", "PLAYBOOK_CACHE"}
    env = {k: v for k, v in os.environ.items() if k not in inherited}
    env.update({"DJANGO_DEBUG": "1", "PLAYBOOK_VAR_DIR": str(tmp_path), **extra})
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def fetch_raw(url, headers=None):
    """Status, headers and bytes of one request, redirects not followed."""
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@contextmanager
def serving(env, workers=2, config_file=None, log=None):
    """gunicorn on a free port; yields the base URL once /healthz answers at all.

    With `log` (a list), what gunicorn printed is appended to it when it stops; with
    `workers=None` the config file (or gunicorn) decides how many.
    """
    port = free_port()
    config = ["-c", config_file] if config_file else ["--log-level", "warning"]
    worker_args = ["--workers", str(workers)] if workers is not None else []
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", *config, "config.wsgi",
         "--bind", f"127.0.0.1:{port}", *worker_args],
        cwd=ROOT, env=env, text=True,
        stdout=subprocess.PIPE if log is not None else subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log is not None else subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while status_or_none(base + "/healthz") is None:
            if time.monotonic() > deadline or server.poll() is not None:
                raise AssertionError("the app server did not start")
            time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=10)
        if log is not None:
            log.append(output)


def status_or_none(url):
    try:
        return fetch_raw(url)[0]
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        # TimeoutError: a worker still booting on a loaded machine; ask again.
        return None


@contextmanager
def fresh_postgres_database(suffix: str):
    """A new, empty PostgreSQL database beside the test database; yields its URL.

    Named after the main database, so checkouts testing side by side never share it.
    """
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    name = f"test_{config['NAME']}_{suffix}"

    def admin():
        return psycopg.connect(
            dbname="postgres",
            user=config["USER"] or None,
            password=config["PASSWORD"] or None,
            host=config["HOST"] or None,
            port=config["PORT"] or None,
            autocommit=True,
        )

    with admin() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    password = f":{config['PASSWORD']}" if config["PASSWORD"] else ""
    host = config["HOST"] or "127.0.0.1"
    port = config["PORT"] or 5432
    try:
        yield f"postgres://{config['USER'] or ''}{password}@{host}:{port}/{name}"
    finally:
        with admin() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def loaded_app(tmp_path, name: str, *, editor=None, collectstatic=False, **extra):
    """The environment of an app on a fresh PostgreSQL database (see
    fresh_postgres_database), migrated and loaded with the playbook, as an operator sets
    one up; with `editor=(username, password)` it also has that editor account."""
    with fresh_postgres_database(name) as database_url:
        env = app_env(tmp_path, DATABASE_URL=database_url, **extra)
        if editor:
            env["PLAYBOOK_EDITOR_PASSWORD"] = editor[1]
        manage(env, "migrate", "--noinput")
        if collectstatic:
            manage(env, "collectstatic", "--noinput")
        manage(env, "load_playbook")
        if editor:
            manage(env, "createeditor", editor[0])
        yield env


class Session:
    """A person's HTTP session with cookies, able to sign in and send CSRF-protected posts."""

    def __init__(self, base):
        import http.cookiejar

        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path, data=None, headers=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        try:
            with self.opener.open(request, timeout=10) as response:  # noqa: S310
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def csrf_token(self):
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def sign_in(self, username, password):
        status, _, page = self.request("/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = {"username": username, "password": password, "csrfmiddlewaretoken": token}
        status, _, page = self.request("/admin/login/?next=/admin/", data)
        assert status == 200 and "logout" in page.lower(), "sign-in failed"

    def post_htmx(self, path, data):
        headers = {"HX-Request": "true", "X-CSRFToken": self.csrf_token(), "Referer": self.base}
        return self.request(path, data, headers)


@contextmanager
def slow_clients(base, count, *, every=1.0):
    """`count` connections that each send a request's header lines one every `every` seconds
    and never finish it, as a slow (or malicious) client on a bad network does."""
    import threading

    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    stop = threading.Event()
    sockets = []
    for _ in range(count):
        sock = socket.create_connection((host, int(port)), timeout=5)
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        sockets.append(sock)

    def trickle():
        line = 0
        while not stop.wait(every):
            line += 1
            for sock in sockets:
                with suppress(OSError):
                    sock.sendall(f"X-Slow-{line}: {line}\r\n".encode())

    sender = threading.Thread(target=trickle, daemon=True)
    sender.start()
    try:
        yield sockets
    finally:
        stop.set()
        sender.join(timeout=5)
        for sock in sockets:
            sock.close()


def timed_status(url, timeout=10.0):
    """(status or None, seconds) of one GET, bounded by `timeout`."""
    started = time.monotonic()
    try:
        request = urllib.request.Request(url)
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        status = None
    return status, time.monotonic() - started
