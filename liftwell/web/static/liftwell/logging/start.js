// The /log/ page: start an empty workout or repeat a past one. The browser makes the workout's UUID, so a
// double tap or a retried request cannot start two workouts (the API is idempotent on client_id).

import { configure, request } from "./api.js";
import { saveWorkout, warmUp } from "./cache.js";
import { uuid } from "./ids.js";
import { add } from "./outbox.js";
import "./sync.js"; // resumes sending whatever an earlier visit left in the outbox

function screenUrl(template, clientId) {
  return template.replace("00000000-0000-0000-0000-000000000000", clientId);
}

async function startWorkout(root, button, body) {
  const status = root.querySelector("[data-start-status]");
  for (const other of root.querySelectorAll("[data-start]")) other.disabled = true;
  status.textContent = "Starting…";
  const clientId = uuid();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The start time is the tap's, so a create sent later from the outbox keeps it.
  const create = { client_id: clientId, time_zone: zone || null, started_at: new Date().toISOString(), ...body };
  try {
    try {
      await request("POST", "workouts", create);
    } catch (error) {
      if (!error.retryable) throw error;
      if (body.repeat_of) throw new Error("repeating a workout needs the network; start an empty one instead.");
      // No network: the create waits in the outbox, and the screen starts from the device's copy.
      await startOnDevice(create);
    }
    window.location.assign(screenUrl(root.dataset.screenUrl, clientId));
  } catch (error) {
    status.textContent = `Could not start the workout: ${error.message}`;
    for (const other of root.querySelectorAll("[data-start]")) other.disabled = false;
    button.focus();
  }
}

async function startOnDevice(create) {
  const workout = {
    client_id: create.client_id,
    title: create.title || "",
    notes: "",
    started_at: create.started_at,
    ended_at: null,
    time_zone: create.time_zone,
  };
  await saveWorkout({ client_id: create.client_id, workout, blocks: [], previous: {}, summary: null });
  // In the outbox before the page changes; sent from there once the network is back.
  await add({ method: "POST", path: "workouts", body: create, label: "Starting the workout" });
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
      if (title?.value.trim()) body.title = title.value.trim();
    }
    startWorkout(root, button, body);
  });
  for (const button of root.querySelectorAll("[data-start]")) button.disabled = false;
  warmUp();
}

setUp();
