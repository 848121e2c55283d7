"""E-mail that must arrive: every notice the plugin sends (to moderators, to readers, to
reviewers) goes through here.

A change queues a notice as a task that commits with it (``tasks.send_notice``). The task
records one ``MailDelivery`` per recipient, keyed by the notice's kind, the event it is
about and the recipient's address, and checks it before sending, so that a retry, a worker
started again or two workers never send the same notice twice to one person. A failed send
is tried again with backoff (``retries``) for a day, urgent notices first and sooner; what
could not be delivered is listed for admins under Reports, "Mail not delivered", with *Send
again* (``views``).

- ``notices``: the ``Notice`` base class and the registry of kinds; imports nothing here.
- ``models``: ``MailDelivery`` and its queries; imports ``retries``.
- ``retries``: when to try again, and which failures are final.
- ``delivery``: sends one event's notice to its recipients; imports the above.
- ``tasks``: the task, and ``send_notice()`` to queue it; imports ``delivery``.
- ``views``: the report and *Send again*; imports ``models`` and ``tasks``.

Apps define their notices as ``Notice`` subclasses, registered with ``@register``, in a
module their ``AppConfig.ready()`` imports, so that a worker knows them.
"""
