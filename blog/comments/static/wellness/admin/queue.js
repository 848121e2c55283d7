/* The moderation queue (blog/comments/admin/queue.py), as WordPress's comment screen taught
   moderators to expect it:
   - the bulk actions footer counts comments, not snippets;
   - approve, reject and spam in the footer act at once (a CSRF-protected POST, as their
     confirmation page would send), since Undo follows every action; without JavaScript
     the confirmation page still asks;
   - keys: j/k move, o opens the full comment, a/s/r approve, spam or reject the current
     comment, x selects it, Shift+a/s/r act on the selection, v views it in context, u
     undoes. Every key only clicks a button or link of the page, so each action stays the
     POST its button sends. Keys are off where the user turned Wagtail's shortcuts off. */
(() => {
  "use strict";

  const config = window.wagtailConfig || {};
  const strings = document.getElementById("wellness-bulk-strings");
  if (strings && config.STRINGS && config.STRINGS.BULK_ACTIONS) {
    config.STRINGS.BULK_ACTIONS.COMMENT = JSON.parse(strings.textContent);
  }

  const CURRENT = "wellness-current";
  const STORE = "wellness-queue-row";
  const rows = () => Array.from(document.querySelectorAll("#listing-results tbody tr"));
  let allInListing = false;

  function csrfToken() {
    const field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  /* The footer's approve, reject and spam: post the selection at once. */
  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-bulk-action-num-objects-in-listing]")) {
      allInListing = true;
      return;
    }
    const button = event.target.closest("[data-bulk-action-footer] a.wellness-quick");
    if (!button) return;
    event.preventDefault();
    event.stopPropagation(); // before Wagtail's own handler, which would ask to confirm
    const here = new URL(window.location.href);
    const params = allInListing ? new URLSearchParams(here.searchParams) : new URLSearchParams();
    if (allInListing) {
      params.append("id", "all");
    } else {
      document.querySelectorAll("[data-bulk-action-checkbox]:checked").forEach((box) => {
        params.append("id", box.dataset.objectId);
      });
    }
    params.append("next", here.pathname + here.search);
    const form = document.createElement("form");
    form.method = "post";
    form.action = `${button.getAttribute("href")}?${params}`;
    const token = document.createElement("input");
    token.type = "hidden";
    token.name = "csrfmiddlewaretoken";
    token.value = csrfToken();
    form.append(token);
    document.body.append(form);
    form.submit();
  }, true);
  document.addEventListener("change", (event) => {
    if (event.target.matches("[data-bulk-action-checkbox]") && !event.target.checked) {
      allInListing = false;
    }
  });

  /* Keyboard moderation. */
  const enabled = config.KEYBOARD_SHORTCUTS_ENABLED !== false;

  function current() {
    return document.querySelector(`#listing-results tr.${CURRENT}`);
  }

  function select(row, focus) {
    rows().forEach((other) => other.classList.toggle(CURRENT, other === row));
    if (row && focus) {
      const summary = row.querySelector("summary");
      (summary || row).focus();
      row.scrollIntoView({ block: "nearest" });
    }
  }

  function move(step) {
    const all = rows();
    if (!all.length) return;
    const index = all.indexOf(current());
    const next = index < 0 ? 0 : Math.min(Math.max(index + step, 0), all.length - 1);
    select(all[next], true);
  }

  function press(row, selector) {
    const target = row && row.querySelector(selector);
    if (target) target.click();
  }

  function bulk(action) {
    const selector = `[data-bulk-action-footer] a.wellness-quick[href$="/${action}/"]`;
    const button = document.querySelector(selector);
    if (button && document.querySelector("[data-bulk-action-checkbox]:checked")) button.click();
  }

  const ACTIONS = { a: "approve", s: "spam", r: "reject" };

  document.addEventListener("keydown", (event) => {
    if (!enabled || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
      return;
    }
    if (event.target.closest("input, textarea, select, [contenteditable], dialog")) return;
    const key = event.key.toLowerCase();
    const row = current();
    if (key === "j" || key === "k") {
      move(key === "j" ? 1 : -1);
    } else if (ACTIONS[key] && event.shiftKey) {
      bulk(ACTIONS[key]);
    } else if (ACTIONS[key]) {
      press(row, `[data-moderate="${ACTIONS[key]}"]`);
    } else if (key === "x") {
      press(row, "[data-bulk-action-checkbox]");
    } else if (key === "o") {
      press(row, "summary");
    } else if (key === "v") {
      press(row, "[data-wellness-in-context]");
    } else if (key === "u") {
      const undo = document.querySelector("[data-wellness-undo] button");
      if (undo) undo.click();
    } else {
      return;
    }
    event.preventDefault();
  });

  /* A click in a row makes it the current one; when a row's action reloads the queue, the
     row that took the acted-on comment's place is current, else the first. */
  document.addEventListener("click", (event) => {
    const row = event.target.closest("#listing-results tbody tr");
    if (row) select(row, false);
  });
  document.addEventListener("submit", (event) => {
    const row = event.target.closest("#listing-results tbody tr");
    if (row) sessionStorage.setItem(STORE, String(rows().indexOf(row)));
  });
  document.addEventListener("DOMContentLoaded", () => {
    const all = rows();
    const stored = Number(sessionStorage.getItem(STORE) || 0);
    sessionStorage.removeItem(STORE);
    if (all.length) select(all[Math.min(stored, all.length - 1)], false);
  });
})();
