// Figures worked out from the workout on the device: the done and open sets, the record badges this device
// already shows, and the summary shown at Finish while the server's (with records) is out of reach.

import { tonnageKg } from "./rules.js";

export function counts(blocks) {
  let done = 0;
  let open = 0;
  for (const block of blocks) {
    for (const set of block.sets) {
      if (set.completed) done += 1;
      else open += 1;
    }
  }
  return { done, open };
}

/** Record badges on this device's sets (set id -> records): the server names them once, when a set is done. */
export function recordBadges(blocks) {
  const found = new Map();
  for (const block of blocks) {
    for (const set of block.sets) if (set.records?.length) found.set(set.client_id, set.records);
  }
  return found;
}

/** Duration, sets and volume worked out on the device; records need the server's history. */
export function localSummary(rules, blocks, workout, endedAt) {
  const done = blocks.flatMap((block) => block.sets.filter((set) => set.completed));
  const volume = tonnageKg(rules, done);
  const started = new Date(workout.started_at).getTime();
  return {
    local: true,
    duration_s: Math.max(0, Math.round((new Date(endedAt).getTime() - started) / 1000)),
    sets: done.length,
    volume_kg: String(Math.round(volume * 1000) / 1000),
    records: [],
  };
}
