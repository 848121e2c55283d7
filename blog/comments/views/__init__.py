"""The comments' public views, one module per concern: posting (posting.py), a reader's own
comments, reports and confirmation (readers.py), and the links e-mail carries."""
