// Every change to the workout goes through send(change): the one place the offline outbox (next issue)
// will persist. For now an in-memory, strictly sequential queue: changes reach the server in the order they
// were made, a request that got no answer (or a 5xx) is retried with backoff, and creates are idempotent
// on their client_id so a retry can never make a second row.
//
// A change is plain data, so it can be stored: {method, path, body?, label?}.

import { request } from "./api.js";

const queue = [];
const listeners = new Set();
let running = false;
let offline = false;
let lastError = null;
let wake = null;

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 30000];

function status() {
  let state = "saved";
  if (lastError) state = "error";
  else if (offline) state = "offline";
  else if (queue.length) state = "saving";
  return { state, waiting: queue.length, error: lastError };
}

function notify() {
  const current = status();
  for (const listener of listeners) listener(current);
}

/** Listen to the queue's state: {state: saved|saving|offline|error, waiting, error}. Returns an unsubscribe. */
export function onStatus(listener) {
  listeners.add(listener);
  listener(status());
  return () => listeners.delete(listener);
}

export function pending() {
  return queue.length;
}

/** Queue one change; resolves with the server's answer once delivered, rejects on a refused request. */
export function send(change) {
  return new Promise((resolve, reject) => {
    queue.push({ change, resolve, reject, attempt: 0 });
    notify();
    pump();
  });
}

function pause(ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      wake = null;
      resolve();
    }
    wake = done;
  });
}

async function pump() {
  if (running) return;
  running = true;
  while (queue.length) {
    const item = queue[0];
    try {
      const result = await request(item.change.method, item.change.path, item.change.body);
      queue.shift();
      offline = false;
      notify();
      item.resolve(result);
    } catch (error) {
      if (error && error.retryable) {
        offline = true;
        notify();
        await pause(BACKOFF_MS[Math.min(item.attempt, BACKOFF_MS.length - 1)]);
        item.attempt += 1;
        continue;
      }
      // Refused (4xx): sending it again would be refused again. Report it and go on with the rest.
      queue.shift();
      lastError = `${item.change.label || "A change"} was not saved: ${error.message}`;
      notify();
      item.reject(error);
    }
  }
  running = false;
  notify();
}

/** Forget the last refusal (after the person has read it). */
export function clearError() {
  lastError = null;
  notify();
}

// Back online: retry now instead of waiting out the backoff.
window.addEventListener("online", () => wake && wake());

// Leaving with unsent changes would lose them (until the outbox persists them): ask first.
window.addEventListener("beforeunload", (event) => {
  if (queue.length) {
    event.preventDefault();
    event.returnValue = "";
  }
});
