"""Mail servers on loopback for the tests about delivery itself: ``SmtpSink``, a real SMTP
server (aiosmtpd) that keeps what it accepts and refuses the addresses it is told to, and
``SilentServer``, one that takes connections and never answers. Either can be stopped and
another started on the same port, as a mail server goes down and comes back."""

import email
import email.policy
import socket
import threading
import time
from dataclasses import dataclass

from aiosmtpd.controller import Controller


@dataclass
class Received:
    to: list
    subject: str
    body: str


class SmtpSink:
    def __init__(self, port):
        self.port = port
        self.refused = set()
        self.messages = []
        self._lock = threading.Lock()
        self._controller = None

    # aiosmtpd's handler hooks.
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        received = Received(
            list(envelope.rcpt_tos),
            " ".join(str(message["Subject"]).split()),
            message.get_body().get_content(),
        )
        with self._lock:
            self.messages.append(received)
        return "250 Message accepted for delivery"

    def start(self):
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def received(self, marker=""):
        """What it accepted so far, in order, of the messages whose body holds ``marker``."""
        with self._lock:
            return [message for message in self.messages if marker in message.body]

    def wait_for(self, condition, timeout=60):
        """Wait until ``condition()`` holds, or fail after ``timeout`` seconds: the workers run
        in other processes, on their own time."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"not within {timeout} s; received {len(self.messages)}")
            time.sleep(0.1)


class SilentServer:
    """Accepts connections on ``port`` and says nothing: a client waits for the greeting."""

    def __init__(self, port):
        self.port = port
        self.connected = threading.Event()
        self._connections = []

    def start(self):
        self._socket = socket.create_server(("127.0.0.1", self.port))
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()
        return self

    def _accept(self):
        while True:
            try:
                connection, _address = self._socket.accept()
            except OSError:  # closed by stop()
                return
            self._connections.append(connection)
            self.connected.set()

    def stop(self):
        # shutdown() wakes the thread blocked in accept(), which would keep the port taken.
        self._socket.shutdown(socket.SHUT_RDWR)
        self._socket.close()
        self._thread.join(timeout=10)
        for connection in self._connections:
            connection.close()
