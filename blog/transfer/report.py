"""What an import did: counts per kind of thing and outcome, the reasons behind every skip and
failure, and a progress bar for long runs."""

import sys
import time
from collections import Counter, defaultdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CREATED, UPDATED, SKIPPED, FAILED = "created", "updated", "skipped", "failed"
OUTCOMES = (CREATED, UPDATED, SKIPPED, FAILED)
KIND_LABELS = {
    "article": gettext_lazy("Articles"),
    "author": gettext_lazy("Authors"),
    "technique": gettext_lazy("Techniques"),
    "comment": gettext_lazy("Comments"),
    "image": gettext_lazy("Images"),
    "redirect": gettext_lazy("Redirects"),
    "file": gettext_lazy("Files"),
    # Shortcodes, Liquid tags and Hugo shortcodes taken out of the text (by name).
    "markup": gettext_lazy("Shortcodes and tags"),
    "item": gettext_lazy("Other items"),
}
OUTCOME_LABELS = {
    CREATED: gettext_lazy("created"),
    UPDATED: gettext_lazy("updated"),
    SKIPPED: gettext_lazy("skipped"),
    FAILED: gettext_lazy("failed"),
}
# How many failures and warnings are listed one by one before "and N more".
LISTED = 50


class Report:
    def __init__(self, dry_run=False):
        self.dry_run = dry_run
        self.counts = defaultdict(Counter)
        # (kind, outcome) -> Counter of reasons, for skips; failures and warnings are listed.
        self.reasons = defaultdict(Counter)
        self.failures = []
        self.warnings = []

    def count(self, kind, outcome, reason=None, number=1):
        if number:
            self.counts[kind][outcome] += number
            if reason:
                self.reasons[kind, outcome][str(reason)] += number

    def snapshot(self):
        return (
            {kind: Counter(counter) for kind, counter in self.counts.items()},
            {key: Counter(counter) for key, counter in self.reasons.items()},
        )

    def restore(self, snapshot):
        counts, reasons = snapshot
        self.counts = defaultdict(Counter, {k: Counter(v) for k, v in counts.items()})
        self.reasons = defaultdict(Counter, {k: Counter(v) for k, v in reasons.items()})

    def fail(self, kind, label, reason):
        self.counts[kind][FAILED] += 1
        self.failures.append((kind, str(label), str(reason)))

    def warn(self, message):
        self.warnings.append(str(message))

    def total(self, outcome):
        return sum(counter[outcome] for counter in self.counts.values())

    @property
    def changed(self):
        return self.total(CREATED) + self.total(UPDATED)

    def render(self):
        """The summary table and the reasons, as lines of text."""
        if self.dry_run:
            headings = [_("Would create"), _("Would update"), _("Would skip"), _("Would fail")]
        else:
            headings = [_("Created"), _("Updated"), _("Skipped"), _("Failed")]
        kinds = [kind for kind in KIND_LABELS if kind in self.counts]
        kinds += sorted(kind for kind in self.counts if kind not in KIND_LABELS)
        rows = [["", *headings]]
        for kind in kinds:
            label = str(KIND_LABELS.get(kind, kind))
            rows.append([label, *(str(self.counts[kind][o]) for o in OUTCOMES)])
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        lines = []
        for number, row in enumerate(rows):
            cells = [row[0].ljust(widths[0])]
            cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
            lines.append("  ".join(cells).rstrip())
            if number == 0:
                lines.append("  ".join("-" * width for width in widths))
        for (kind, outcome), reasons in sorted(self.reasons.items()):
            label = str(KIND_LABELS.get(kind, kind))
            for reason, number in reasons.most_common():
                outcome_label = str(OUTCOME_LABELS.get(outcome, outcome))
                lines.append(f"{label}, {outcome_label}: {reason} ({number})")
        for _kind, label, reason in self.failures[:LISTED]:
            lines.append(_("Failed: %(label)s: %(reason)s") % {"label": label, "reason": reason})
        if len(self.failures) > LISTED:
            lines.append(_("... and %(n)d more failures") % {"n": len(self.failures) - LISTED})
        for warning in self.warnings[:LISTED]:
            lines.append(_("Warning: %(warning)s") % {"warning": warning})
        if len(self.warnings) > LISTED:
            lines.append(_("... and %(n)d more warnings") % {"n": len(self.warnings) - LISTED})
        if self.dry_run:
            lines.append(_("Dry run: nothing was written and no image was fetched."))
        return lines


class Progress:
    """A one-line progress bar on stderr, for a terminal or when asked for (--progress)."""

    WIDTH = 30

    def __init__(self, total, label, stream=None, enabled=None):
        self.total, self.label = total, str(label)
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = getattr(self.stream, "isatty", lambda: False)()
        self.enabled = enabled and total > 0
        self.done = 0
        self.started = time.monotonic()
        self.shown_at = 0.0

    def step(self, number=1):
        self.done += number
        now = time.monotonic()
        if self.enabled and (now - self.shown_at > 0.1 or self.done >= self.total):
            self.shown_at = now
            filled = self.WIDTH * self.done // self.total
            elapsed = now - self.started
            self.stream.write(
                f"\r{self.label} [{'#' * filled}{'.' * (self.WIDTH - filled)}] "
                f"{self.done}/{self.total} {elapsed:.0f}s"
            )
            self.stream.flush()

    def close(self):
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
