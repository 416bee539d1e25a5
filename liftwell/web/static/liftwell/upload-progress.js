// Upload progress for forms marked data-upload-progress: a large export takes a while to send, so
// show how much has gone (XMLHttpRequest reports upload progress; fetch does not), then go where
// the server says. Without JavaScript the form posts as usual and nothing here runs.
"use strict";

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-upload-progress")) return;
  const input = form.querySelector('input[type="file"]');
  if (!input?.files?.length) return;
  event.preventDefault();
  const bar = form.querySelector("[data-upload-bar]");
  const status = form.querySelector("[data-upload-status]");
  const button = form.querySelector('button[type="submit"]');
  if (button) button.disabled = true;
  if (bar) {
    bar.hidden = false;
    bar.value = 0;
  }
  const say = (text) => {
    if (status) status.textContent = text;
  };
  say("Sending…");
  const request = new XMLHttpRequest();
  request.open("POST", form.action || window.location.href);
  request.setRequestHeader("X-Upload-Progress", "1");
  request.upload.addEventListener("progress", (progress) => {
    if (!progress.lengthComputable || !bar) return;
    bar.max = progress.total;
    bar.value = progress.loaded;
    say(`${Math.floor((100 * progress.loaded) / progress.total)}% sent`);
  });
  request.upload.addEventListener("load", () => {
    if (bar) bar.removeAttribute("value"); // indeterminate while the server reads the file
    say("Sent; reading the file…");
  });
  request.addEventListener("load", () => {
    const type = request.getResponseHeader("Content-Type") || "";
    if (request.status === 200 && type.startsWith("application/json")) {
      window.location.assign(JSON.parse(request.responseText).location);
      return;
    }
    // The form again, with what was wrong: show the page the server answered.
    document.open();
    document.write(request.responseText);
    document.close();
  });
  request.addEventListener("error", () => {
    say("The upload failed. Check the connection and try again.");
    if (button) button.disabled = false;
    if (bar) bar.hidden = true;
  });
  request.send(new FormData(form));
});
