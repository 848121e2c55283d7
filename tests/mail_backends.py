"""A mail backend whose server the test controls: Django's locmem outbox behind a server that
may be down, refuse an address, or hold a message until the test lets it go. The
``mail_server`` fixture (tests/plugin/conftest.py) installs it and gives the controls."""

import smtplib
import threading

from django.core.mail.backends.locmem import EmailBackend


class MailServer:
    def __init__(self):
        self.reset()

    def reset(self):
        self.is_down = False
        self.refused = {}  # address: (code, message)
        self.stop_after_sending = False
        self.hold = None  # an Event that a send waits for, once it has claimed its message
        self.holding = threading.Event()

    def down(self):
        self.is_down = True

    def up(self):
        self.is_down = False

    def refuse(self, address, code=550, message=b"5.1.1 No such mailbox"):
        self.refused[address] = (code, message)


server = MailServer()


class WorkerStopped(BaseException):
    """A worker process killed mid-task: nothing after it runs (not an ``Exception``)."""


class ControlledBackend(EmailBackend):
    def open(self):
        if server.is_down:
            raise ConnectionRefusedError(111, "Connection refused")
        return super().open()

    def send_messages(self, messages):
        for message in messages:
            refused = {to: server.refused[to] for to in message.to if to in server.refused}
            if refused:
                raise smtplib.SMTPRecipientsRefused(refused)
        if server.hold is not None:
            server.holding.set()
            server.hold.wait(timeout=30)
        sent = super().send_messages(messages)
        if server.stop_after_sending:
            raise WorkerStopped
        return sent
