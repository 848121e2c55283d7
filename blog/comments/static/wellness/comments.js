// Progressive enhancement of the comment form: post without leaving the page, and reply
// inline. Without JavaScript the same form posts normally and reply links reload the page.
(function () {
  "use strict";

  const form = document.querySelector("[data-comment-form]");
  if (!form || !window.fetch) return;
  let ready = !form.dataset.tokensUrl;

  const status = form.querySelector("[data-comment-status]");
  const parentInput = form.querySelector("[data-reply-parent]");
  const banner = form.querySelector("[data-reply-banner]");
  const bannerName = form.querySelector("[data-reply-banner-name]");
  const home = document.createComment("comment form");
  form.before(home);

  // What the form says, in the page's language: data-text-* attributes (form.html).
  const text = form.dataset;

  function say(message) {
    status.textContent = message;
  }

  function clearErrors() {
    form.querySelectorAll(".js-error").forEach((node) => node.remove());
    form.querySelectorAll("[aria-invalid]").forEach((node) => node.removeAttribute("aria-invalid"));
  }

  function showErrors(errors) {
    let first = null;
    Object.entries(errors).forEach(([name, messages]) => {
      const field = form.elements[name];
      const text = messages.map((m) => m.message).join(" ");
      const note = document.createElement("p");
      note.className = "js-error form-field__error";
      note.textContent = text;
      if (field && field.type !== "hidden") {
        note.id = `${field.id}_jserror`;
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("aria-describedby", note.id);
        field.before(note);
        first = first || field;
      } else {
        note.setAttribute("role", "alert");
        form.querySelector("button[type=submit]").before(note);
      }
    });
    if (first) first.focus();
  }

  function replyTo(link) {
    parentInput.value = link.dataset.replyTo;
    bannerName.textContent = link.dataset.replyName;
    banner.hidden = false;
    link.closest(".comment__card").after(form);
    form.elements.body.focus();
  }

  function cancelReply() {
    parentInput.value = "";
    banner.hidden = true;
    home.after(form);
  }

  // Pages with comments are cached and shared, so the form arrives without this reader's CSRF
  // token and timestamp; fetch them, then show the form in place of the fallback link.
  async function fetchTokens() {
    try {
      const response = await fetch(form.dataset.tokensUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) return;
      const tokens = await response.json();
      Object.entries(tokens).forEach(([name, value]) => {
        form.elements[name].value = value;
      });
      form.hidden = false;
      const fallback = document.querySelector("[data-comment-fallback]");
      if (fallback) fallback.hidden = true;
      ready = true;
    } catch (error) {
      // The fallback link to the full comment page stays: nothing is lost.
    }
  }
  if (!ready) fetchTokens();

  document.addEventListener("click", (event) => {
    if (!ready) return; // until the form is usable, links lead to the comment page
    const reply = event.target.closest("[data-reply-to]");
    if (reply) {
      event.preventDefault();
      replyTo(reply);
    } else if (event.target.closest("[data-cancel-reply]")) {
      event.preventDefault();
      cancelReply();
      form.elements.body.focus();
    }
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    say(text.textSending);
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const data = await response.json();
      if (response.ok) {
        const list = parentInput.value
          ? ensureReplies(document.getElementById(`comment-${parentInput.value}`))
          : ensureList();
        if (data.html) list.insertAdjacentHTML("beforeend", data.html);
        form.elements.body.value = "";
        cancelReply();
        say(
          data.urgent
            ? text.textUrgent
            : data.status === "approved"
              ? text.textPublished
              : data.status === "unconfirmed"
                ? text.textUnconfirmed
                : text.textPending,
        );
      } else if (data.errors) {
        say(text.textCheckForm);
        showErrors(data.errors);
      } else {
        say(data.error || text.textFailed);
      }
    } catch (error) {
      say(text.textOffline);
    } finally {
      button.disabled = false;
    }
  });

  function ensureList() {
    let list = document.querySelector(".comment-list");
    if (!list) {
      list = document.createElement("ol");
      list.className = "comment-list";
      list.setAttribute("role", "list");
      const empty = document.querySelector("#comments .empty");
      if (empty) empty.replaceWith(list);
      else home.before(list);
    }
    return list;
  }

  function ensureReplies(item) {
    let list = item.querySelector(":scope > .comment-replies");
    if (!list) {
      list = document.createElement("ol");
      list.className = "comment-replies";
      list.setAttribute("role", "list");
      item.append(list);
    }
    return list;
  }
})();
