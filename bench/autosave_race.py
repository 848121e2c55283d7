"""How often an impatient therapist meets a server error while autosave creates her article:
``bin/with-services .venv/bin/python -m bench.autosave_race [--tries 100] [--sqlite]``.

The production settings under gunicorn (4 workers) on PostgreSQL (or SQLite), the demo
content, and the CPU kept busy by two spinning processes, as on a busy two-CPU server. Each
try, over HTTP as the browser sends it: the editor's autosave creates the article; her
"Submit" reaches the create view while that is in flight; when the autosave answers, the
editor loads the edit form's parts, autosaves again, and she clicks "Submit" once more,
each at a random moment within the next 0.6 s. Prints the answers counted by request and
the tries in which any request got a 5xx (and where the server's log with their tracebacks is
kept). A timing stress: tests/plugin/core/test_autosave_races.py
holds the interleaving that fails still, so that it fails every time.
"""

import argparse
import datetime
import multiprocessing
import os
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

if __package__ in (None, ""):  # run as a script: python bench/autosave_race.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import requests

from config.servers import Server, free_port

REPO = Path(__file__).resolve().parent.parent
PASSWORD = "quiet-room-2024"
THERAPIST = "maren"
HOST = "127.0.0.1"


def spin():
    while True:
        pass


def site_environment(tmp, url, sqlite):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "WAGTAILADMIN_BASE_URL": url,
        "HTTPS": "false",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "DEMO_ADMIN_PASSWORD": PASSWORD,
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    if sqlite:
        env["DATABASE_URL"] = f"sqlite:///{tmp}/db.sqlite3"
    return env


def logged_in(url):
    session = requests.Session()
    session.get(f"{url}/admin/login/", timeout=60)
    form = {"username": THERAPIST, "password": PASSWORD}
    form["csrfmiddlewaretoken"] = session.cookies["csrftoken"]
    answer = session.post(f"{url}/admin/login/", data=form, allow_redirects=False, timeout=60)
    assert answer.status_code == 302, f"{THERAPIST} could not log in"
    return session


def one_try(pool, session, url, add_url, form):
    """The answers to one try's requests, as (request, status) pairs."""
    csrf = {"X-CSRFToken": session.cookies["csrftoken"]}
    as_json = {**csrf, "Accept": "application/json"}

    def post(path, data, headers=csrf):
        return session.post(
            url + path, data=data, headers=headers, allow_redirects=False, timeout=60
        )

    def later(seconds, action):
        time.sleep(random.uniform(0, seconds))
        return action()

    autosaved = pool.submit(post, add_url, {**form, "action-save": "Save"}, as_json)
    time.sleep(random.uniform(0, 0.15))
    submitted = pool.submit(post, add_url, {**form, "action-submit": "Submit"})
    created = autosaved.result()
    answers = [("autosave creates", created.status_code)]
    if created.status_code == 200:
        data = created.json()
        edit_form = {**form, **data["field_updates"]}
        autosave = {
            **edit_form,
            "action-save": "Save",
            "overwrite_revision_id": data["revision_id"],
        }
        hydrate = url + data["hydrate_url"]
        followers = {
            "editor loads the edit form": pool.submit(
                later, 0.1, lambda: session.get(hydrate, timeout=60)
            ),
            "autosave edits": pool.submit(later, 0.6, lambda: post(data["url"], autosave, as_json)),
            "second submit": pool.submit(
                later, 0.6, lambda: post(data["url"], {**edit_form, "action-submit": "Submit"})
            ),
        }
        answers += [(name, future.result().status_code) for name, future in followers.items()]
    answers.append(("submit creates", submitted.result().status_code))
    return answers


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tries", type=int, default=100)
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of DATABASE_URL")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="wellness-autosave-race-"))
    url = f"http://{HOST}:{free_port()}"
    env = site_environment(tmp, url, args.sqlite)
    for command in (
        ["migrate", "--noinput"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
        ["load_demo_content"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=REPO,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connections
    from django.utils import timezone

    from blog.core.models import PageCreation
    from blog.models import ArticlePage, AuthorPage, BlogIndexPage
    from tests.admin_forms import add_url, article_form

    blog = BlogIndexPage.objects.first()
    profile = AuthorPage.objects.get(user__username=THERAPIST)
    gunicorn = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--workers", "4"]
    server = Server(
        "gunicorn",
        [*gunicorn, "--bind", url.removeprefix("http://")],
        f"{url}/admin/login/",
        log_path=tmp / "gunicorn.log",
        cwd=REPO,
        env=env,
        stop_timeout=30,
    )
    counted, failed = Counter(), []
    spinners = [multiprocessing.Process(target=spin, daemon=True) for _ in range(2)]
    with server, ThreadPoolExecutor(8) as pool:
        session = logged_in(url)
        for spinner in spinners:
            spinner.start()
        try:
            for n in range(args.tries):
                title = f"Easing tension, take {n} ({secrets.token_hex(3)})"
                form = article_form(title=title, authors=[profile])
                answers = one_try(pool, session, url, add_url(ArticlePage, blog), form)
                counted.update(answers)
                if any(status >= 500 for _, status in answers):
                    failed.append(n)
                # She writes one article at a time: the next try is no longer in the race.
                a_minute_ago = timezone.now() - datetime.timedelta(minutes=1)
                PageCreation.objects.update(created_at=a_minute_ago)
                connections.close_all()
        finally:
            for spinner in spinners:
                spinner.kill()
    for (request, status), count in sorted(counted.items()):
        print(f"{request:28} {status}  {count}")
    print(f"tries with a server error: {len(failed)} of {args.tries} {failed}")
    if failed:
        print(f"the server's tracebacks: {tmp / 'gunicorn.log'}")
    else:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
