// Small progressive enhancements for the server-rendered pages. No inline script: the CSP forbids it.
document.addEventListener("DOMContentLoaded", () => {
  // Fill an empty time-zone field with the browser's own zone (the sign-up and profile forms).
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const input of document.querySelectorAll("[data-browser-time-zone]")) {
    if (!input.value || input.dataset.browserTimeZone === "replace-utc" && input.value === "UTC") {
      if (zone) input.value = zone;
    }
  }
});

// Ask before destructive submits that carry data-confirm, including forms htmx swaps in later.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);
