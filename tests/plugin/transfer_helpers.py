"""What the import and export tests share: the fixtures' folder, pictures to put in a media
folder, running a command and reading what it printed, and a local HTTP server."""

import functools
import http.server
import io
import threading
from pathlib import Path

from django.core.management import call_command
from PIL import Image

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def picture(path, size=(64, 48), colour="#2a6b58", kind="JPEG"):
    """Write a small picture at ``path`` (folders made as needed); its bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, kind)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def run(name, *args, **options):
    """Run a management command; what it wrote to stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    call_command(name, *args, stdout=out, stderr=err, **options)
    return out.getvalue() + err.getvalue()


class LocalServer:
    """An HTTP server on 127.0.0.1 serving ``directory``, in a thread; it notes the paths
    asked for."""

    def __init__(self, directory):
        self.requests = []
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(self.path)
                super().do_GET()

            def log_message(self, *args):
                pass

        handler = functools.partial(Handler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()
