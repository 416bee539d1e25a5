// The outbox: every change waiting for the server, kept in IndexedDB in the order it was made, so a
// reload, a closed tab or a dead battery loses nothing. Entries are plain changes ({method, path, body,
// label}) numbered by an increasing `seq`; the sync loop sends the oldest first and removes it once the
// server has answered. Tabs share the outbox and tell each other when it changes.

import { idbCount, idbDelete, withStore } from "./idb.js";

const channel = "BroadcastChannel" in window ? new BroadcastChannel("liftwell-outbox") : null;
const listeners = new Set();

function changed(origin) {
  for (const listener of listeners) listener(origin);
}

if (channel) channel.onmessage = () => changed("other-tab");

/** Call `listener(origin)` whenever the outbox changes, here ("this-tab") or in another tab. */
export function onOutboxChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function announce() {
  if (channel) channel.postMessage("changed");
  changed("this-tab");
}

/** Store one change; resolves with its seq once it is safely on the device. */
export async function add(change) {
  const seq = await withStore("outbox", "readwrite", (store) => store.add({ change, at: Date.now() }));
  announce();
  return seq;
}

/** The oldest `limit` waiting entries, in order. */
export function oldestFew(limit) {
  return withStore("outbox", "readonly", (store) => store.getAll(null, limit));
}

export async function remove(seq) {
  await idbDelete("outbox", seq);
  announce();
}

/** Remove several entries in one transaction. */
export async function removeAll(seqs) {
  await withStore("outbox", "readwrite", (store) => {
    for (const seq of seqs) store.delete(seq);
  });
  announce();
}

export function count() {
  return idbCount("outbox");
}
