// The /log/ page: start an empty workout or repeat a past one. The browser makes the workout's UUID, so a
// double tap or a retried request cannot start two workouts (the API is idempotent on client_id).

import { configure, request } from "./api.js";
import { uuid } from "./ids.js";

function screenUrl(template, clientId) {
  return template.replace("00000000-0000-0000-0000-000000000000", clientId);
}

async function startWorkout(root, button, body) {
  const status = root.querySelector("[data-start-status]");
  for (const other of root.querySelectorAll("[data-start]")) other.disabled = true;
  status.textContent = "Starting…";
  const clientId = uuid();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    // Retry once on a lost answer: the same client_id makes the second try return the same workout.
    let attempt = 0;
    for (;;) {
      try {
        await request("POST", "workouts", { client_id: clientId, time_zone: zone || null, ...body });
        break;
      } catch (error) {
        if (!error.retryable || attempt >= 2) throw error;
        attempt += 1;
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      }
    }
    window.location.assign(screenUrl(root.dataset.screenUrl, clientId));
  } catch (error) {
    status.textContent = `Could not start the workout: ${error.message}`;
    for (const other of root.querySelectorAll("[data-start]")) other.disabled = false;
    button.focus();
  }
}

function setUp() {
  const root = document.getElementById("log-start");
  if (!root) return;
  configure({ apiBase: root.dataset.apiBase });
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-start]");
    if (!button) return;
    event.preventDefault();
    const body = {};
    if (button.dataset.repeatOf) body.repeat_of = button.dataset.repeatOf;
    else {
      const title = root.querySelector("#workout-title");
      if (title && title.value.trim()) body.title = title.value.trim();
    }
    startWorkout(root, button, body);
  });
  for (const button of root.querySelectorAll("[data-start]")) button.disabled = false;
}

setUp();
