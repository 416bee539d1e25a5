// The workout's blocks and sets as plain values, and the pure operations on them the store's actions use:
// finding and replacing a set, new rows, positions, the rows from the server's copy, and the body a new set
// is sent with. Nothing here reads the store, the network or the device.

import { uuid } from "./ids.js";
import { isWarmup } from "./rules.js";
import { convert, fromKg, parseNumber, plain, toKg } from "./units.js";
import { warmupSets } from "./warmup.js";

/** The typed reps as the input shows them. */
function repsText(reps) {
  return reps === null || reps === undefined ? "" : String(reps);
}

export function findSet(blocks, setId) {
  for (const block of blocks) {
    const set = block.sets.find((s) => s.client_id === setId);
    if (set) return { block, set };
  }
  return { block: null, set: null };
}

/** `blocks` with `changes` applied to the set `setId`. */
export function withSet(blocks, setId, changes) {
  return blocks.map((block) => ({
    ...block,
    sets: block.sets.map((set) => (set.client_id === setId ? { ...set, ...changes } : set)),
  }));
}

/** A set row as the screen holds it, from the server's copy (`records`: this device's badges for it). */
export function fromServer(set, unit, records = null) {
  return {
    records: records || [],
    client_id: set.client_id,
    exercise_id: set.exercise_id,
    kind: set.kind,
    load_kg: set.load_kg === null ? null : String(set.load_kg),
    reps: set.reps,
    loadText: fromKg(set.load_kg, unit),
    repsText: set.reps === null ? "" : String(set.reps),
    completed: set.completed,
    completed_at: set.completed_at,
    position: set.position,
  };
}

export function newSet(rules, unit, block, { kind = rules.default_kind, load_kg = null, reps = null, position }) {
  return {
    client_id: uuid(),
    exercise_id: block.exercise_id,
    kind,
    load_kg,
    reps,
    loadText: fromKg(load_kg, unit),
    repsText: repsText(reps),
    completed: false,
    completed_at: null,
    position,
  };
}

/** `set` with the load and reps of `source` (last time's set, or the one above). */
export function prefilled(set, source, unit) {
  return {
    ...set,
    load_kg: source.load_kg === null ? null : String(source.load_kg),
    reps: source.reps,
    loadText: fromKg(source.load_kg, unit),
    repsText: repsText(source.reps),
  };
}

/** The changes that mark a set done at `completed_at` with this load and reps. */
export function doneFields({ completed_at, load_kg, reps }, unit) {
  return { completed: true, completed_at, load_kg, reps, loadText: fromKg(load_kg, unit), repsText: repsText(reps) };
}

/** What POST workouts/<id>/sets receives for a new set. */
export function setBody(block, set) {
  return {
    client_id: set.client_id,
    exercise_id: block.exercise_id,
    workout_exercise_id: block.client_id,
    position: set.position,
    kind: set.kind,
    load_kg: set.load_kg,
    reps: set.reps,
  };
}

export function nextPosition(block) {
  return block.sets.reduce((top, set) => Math.max(top, set.position + 1), 0);
}

/** The position of an exercise added at the end. */
export function nextBlockPosition(blocks) {
  return blocks.length ? Math.max(...blocks.map((b) => b.position ?? 0), blocks.length - 1) + 1 : 0;
}

/**
 * The sets of `order` with positions 0..n-1, and `moved`: [id, position] of those that moved (rows marked
 * `isNew` are not on the server yet, so they are not among them).
 */
export function renumbered(order) {
  const moved = [];
  const sets = order.map((set, position) => {
    if (set.position !== position && !set.isNew) moved.push([set.client_id, position]);
    const { isNew, ...rest } = set;
    return { ...rest, position };
  });
  return { sets, moved };
}

/**
 * What was done last time for this set's exercise and its place among sets of its category: sets of
 * the same category (warm-ups vs the rest) line up with last time's by their index.
 */
export function previousFor(rules, previous, block, set) {
  const last = previous[block.exercise_id] || [];
  const warmup = isWarmup(rules, set.kind);
  const alike = (s) => isWarmup(rules, s.kind) === warmup;
  const index = block.sets.filter(alike).indexOf(set);
  return last.filter(alike)[index] || null;
}

/**
 * Warm-up rows before the block's first working set with a load: the bar, then about 40/60/80 % of its
 * load, computed in the person's unit (steps of 2.5 kg or 5 lb) with the bar of their plate set. The
 * rows are marked `isNew`; `first` is the index of that working set, -1 (and no rows) when there is none.
 */
export function warmupRows(rules, unit, plateSet, block) {
  const first = block.sets.findIndex((s) => !isWarmup(rules, s.kind) && s.load_kg !== null);
  if (first < 0) return { first, rows: [] };
  const working = block.sets[first];
  const workingLoad = parseNumber(fromKg(working.load_kg, unit));
  const bar = Number(plain(convert(Number(plateSet.bar), plateSet.unit, unit), 2));
  const step = unit === "lb" ? 5 : 2.5;
  const ramp = warmupSets(workingLoad, { barKg: bar, stepKg: step, workingReps: working.reps || 5 });
  const rows = ramp.map((item) => ({
    ...newSet(rules, unit, block, {
      kind: rules.warmup_kind,
      load_kg: toKg(item.loadKg, unit),
      reps: item.reps,
      position: 0,
    }),
    isNew: true,
  }));
  return { first, rows };
}
