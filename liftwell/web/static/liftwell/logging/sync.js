// Every change to the workout goes through send(change). It is written first to the outbox on the device
// (IndexedDB), which is when the screen counts it as saved; a sync loop then sends the outbox to the
// server strictly in order, retrying with backoff while there is no network (or the server answers 5xx).
// Creates are idempotent on their client_id, so a retry after a lost answer can never make a second row.
// The loop resumes on reload, and only one tab at a time sends (a Web Lock), so tabs never race.
//
// A change is plain data, so it can be stored: {method, path, body?, label?}. Live, each change goes to
// its own endpoint as it is made; a backlog (after an offline spell) goes in ordered batches through
// POST /api/v1/sync, which answers change by change and can take a resent batch safely.

import { request } from "./api.js";
import * as outbox from "./outbox.js";

const listeners = new Set();
const drainedListeners = new Set();
const waiting = new Map(); // seq -> {resolve, reject}, for changes this page sent and still awaits
let waitingCount = 0;
let offline = false;
let lastError = null;
let wake = null;
let pumpRequested = false;
let storageError = null;

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 30000];
const BATCH_FROM = 10; // waiting changes from which the backlog is sent in batches
const BATCH_MAX = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCK = "liftwell-outbox-sender";

function status() {
  let state = "saved";
  if (lastError || storageError) state = "error";
  else if (offline && waitingCount) state = "offline";
  else if (waitingCount) state = "saving";
  return { state, waiting: waitingCount, error: storageError || lastError };
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

/** Call `listener()` each time the outbox (of any tab) becomes empty: the server now has everything. */
export function onDrained(listener) {
  drainedListeners.add(listener);
  return () => drainedListeners.delete(listener);
}

export function pending() {
  return waitingCount;
}

async function recount() {
  const before = waitingCount;
  try {
    waitingCount = await outbox.count();
  } catch {
    return;
  }
  notify();
  if (before > 0 && waitingCount === 0) for (const listener of drainedListeners) listener();
}

/**
 * Store one change in the outbox and have it sent. Resolves with the server's answer once delivered
 * (if this page is still open then), rejects on a refused request. `settled()` is called once the
 * change is stored on the device, or could not be.
 */
export function send(change, settled = () => {}) {
  return new Promise((resolve, reject) => {
    outbox
      .add(change)
      .then((seq) => {
        waiting.set(seq, { resolve, reject });
        settled();
        pump();
      })
      .catch((error) => {
        storageError = `This device could not store a change: ${reason(error)}`;
        notify();
        settled();
        reject(error);
      });
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

/** What went wrong, for the status line (a thrown null or undefined is named as such). */
function reason(error) {
  return error ? error.message : String(error);
}

function without(body, key) {
  const { [key]: _dropped, ...rest } = body || {};
  return rest;
}

/** The change as /api/v1/sync takes it, or null when only its own endpoint can take it (finishing). */
export function toSyncChange({ method, path, body }) {
  if (method === "POST" && path === "workouts" && body && !body.repeat_of) {
    return { op: "create", type: "workout", client_id: body.client_id, data: without(body, "client_id") };
  }
  const child = method === "POST" ? path.match(/^workouts\/([^/]+)\/(exercises|sets)$/) : null;
  if (child) {
    return {
      op: "create",
      type: child[2] === "sets" ? "set" : "workout_exercise",
      client_id: body.client_id,
      workout_id: child[1],
      data: without(body, "client_id"),
    };
  }
  const row = path.match(/^(sets|workout-exercises)\/([^/]+)$/);
  if (row && UUID.test(row[2])) {
    const type = row[1] === "sets" ? "set" : "workout_exercise";
    if (method === "PATCH") return { op: "update", type, client_id: row[2], data: body || {} };
    if (method === "DELETE") return { op: "delete", type, client_id: row[2] };
  }
  return null;
}

function settle(entry, status, answer, message) {
  const { change } = entry;
  const waiter = waiting.get(entry.seq);
  waiting.delete(entry.seq);
  if (status < 300) {
    if (waiter) waiter.resolve(answer);
    return;
  }
  // Deleting what is already gone (from another device) is what was wanted: not an error.
  if (change.method === "DELETE" && (status === 404 || status === 410)) {
    if (waiter) waiter.resolve(null);
    return;
  }
  // Refused (4xx): sending it again would be refused again. Report it and go on with the rest.
  lastError = `${change.label || "A change"} was not saved: ${message}`;
  notify();
  if (waiter) waiter.reject(new Error(message));
}

/** Deliver a run of changes in one request; true when done with them, false to retry later. */
async function deliverBatch(entries) {
  let answer;
  try {
    answer = await request("POST", "sync", { changes: entries.map((entry) => toSyncChange(entry.change)) });
  } catch (error) {
    if (error?.retryable) {
      offline = true;
      notify();
      return false;
    }
    // The batch as a whole was refused (it should not be): send the first change alone to find out.
    return deliver(entries[0]);
  }
  offline = false;
  await outbox.removeAll(entries.map((entry) => entry.seq));
  for (const result of answer.results) {
    const message = result.status === 410 ? "it was deleted on another device." : result.error;
    settle(entries[result.index], result.status, result.row, message);
  }
  return true;
}

/** Deliver one change; true when it is done with (delivered or refused), false to retry later. */
async function deliver(entry) {
  const { change } = entry;
  try {
    const result = await request(change.method, change.path, change.body);
    offline = false;
    await outbox.remove(entry.seq);
    settle(entry, 200, result);
    return true;
  } catch (error) {
    if (error?.retryable) {
      offline = true;
      notify();
      return false;
    }
    offline = false;
    await outbox.remove(entry.seq);
    settle(entry, error.status || 400, null, error.message);
    return true;
  }
}

async function drain() {
  let attempt = 0;
  for (;;) {
    const entries = await outbox.oldestFew(BATCH_MAX);
    if (!entries.length) return;
    let run = [];
    if (entries.length >= BATCH_FROM) {
      const stop = entries.findIndex((entry) => !toSyncChange(entry.change));
      run = stop < 0 ? entries : entries.slice(0, stop);
    }
    const done = run.length > 1 ? await deliverBatch(run) : await deliver(entries[0]);
    if (done) {
      attempt = 0;
      continue;
    }
    await pause(BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]);
    attempt += 1;
  }
}

/** Send the outbox; at most one tab sends at a time, the others queue for the lock. */
export function pump() {
  if (pumpRequested) return;
  pumpRequested = true;
  const run = async () => {
    pumpRequested = false;
    try {
      await drain();
    } catch (error) {
      storageError = `This device could not read its outbox: ${reason(error)}`;
    }
    await recount();
  };
  if (navigator.locks) navigator.locks.request(LOCK, run);
  else run();
}

/** Forget the last refusal (after the person has read it). */
export function clearError() {
  lastError = null;
  notify();
}

outbox.onOutboxChange(() => {
  recount();
  pump();
});

// Back online: retry now instead of waiting out the backoff.
window.addEventListener("online", () => {
  if (wake) wake();
  pump();
});

// Resume what a previous visit (or a closed tab) left waiting.
recount();
pump();
