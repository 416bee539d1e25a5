// The workout as the browser holds it, and every action on it. The UI renders from `store.state` and
// calls these actions; each action updates the state at once (optimistic) and hands the server its share
// through the outbox (sync.send), with client-made UUIDs so nothing waits for the server's ids. The state is
// also kept on the device (device-copy.js), so a reload without the network shows the workout as it was
// left; once the outbox is empty, the server's copy is the truth again and replaces it (reading.js), so tabs
// and devices converge. The sets themselves are plain values (workout-sets.js); summary.js holds the
// figures worked out from them.

import { warmUp } from "./cache.js";
import { DeviceCopy } from "./device-copy.js";
import { uuid } from "./ids.js";
import { load, loadDetails, loadPrevious, refresh } from "./reading.js";
import { nextKind, plateSetFor } from "./rules.js";
import { counts, localSummary } from "./summary.js";
import { parseNumber, toKg } from "./units.js";
import {
  doneFields,
  findSet,
  newSet,
  nextBlockPosition,
  nextPosition,
  prefilled,
  previousFor,
  renumbered,
  setBody,
  warmupRows,
  withSet,
} from "./workout-sets.js";

const swallow = () => {}; // refusals are shown by the sync status; nothing else to do here
const PERSISTED = ["workout", "blocks", "previous", "me", "summary"];
// How long Finish waits for the server's summary before showing the one worked out on the device.
const FINISH_WAIT_MS = 4000;

export class WorkoutStore {
  /** `rules`: the set kinds and standard plate sets the page hands over (see rules.js). */
  constructor({ workoutId, unit, rules }) {
    this.workoutId = workoutId;
    this.rules = rules;
    this.listeners = new Set();
    this.details = new Map(); // exercise id -> {name, equipment}
    this.version = 0; // bumped by every local change: a server copy fetched before it is stale
    this.copy = new DeviceCopy(workoutId, () => this.state);
    this.state = {
      loading: true,
      error: null,
      unit,
      me: null,
      workout: null,
      blocks: [],
      previous: {},
      summary: null,
    };
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(patch) {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
    if (this.state.workout && PERSISTED.some((key) => key in patch)) this.copy.save();
  }

  /** Every change goes to the outbox through here (the device's copy follows it, see DeviceCopy). */
  push(change) {
    this.version += 1;
    return this.copy.send(change);
  }

  // --- Reading (reading.js) ---

  load() {
    return load(this);
  }

  refresh(options) {
    return refresh(this, options);
  }

  loadPrevious(exerciseIds) {
    return loadPrevious(this, exerciseIds);
  }

  loadDetails(exerciseId) {
    return loadDetails(this, exerciseId);
  }

  /** While online, keep what logging needs offline (see cache.warmUp). */
  warmCache() {
    return warmUp();
  }

  /** Last time's set matching this one (see workout-sets.previousFor). */
  previousFor(block, set) {
    return previousFor(this.rules, this.state.previous, block, set);
  }

  /** The person's plate set, or the standard one of their unit while the profile is not on this device. */
  plateSet() {
    return plateSetFor(this.rules, this.state.me, this.state.unit);
  }

  restFor(block) {
    return block.rest_s ?? (this.state.me ? this.state.me.default_rest_s : 120);
  }

  counts() {
    return counts(this.state.blocks);
  }

  // --- Helpers ---

  mapBlocks(fn) {
    this.set({ blocks: this.state.blocks.map(fn) });
  }

  findSet(setId) {
    return findSet(this.state.blocks, setId);
  }

  replaceSet(setId, changes) {
    this.set({ blocks: withSet(this.state.blocks, setId, changes) });
    return this.findSet(setId).set;
  }

  /** Resolves with the server's answer (undefined when refused). */
  patchSet(setId, body, label) {
    return this.push({ method: "PATCH", path: `sets/${setId}`, body, label }).catch(swallow);
  }

  createSet(block, set) {
    const body = setBody(block, set);
    this.push({ method: "POST", path: `workouts/${this.workoutId}/sets`, body, label: "A new set" }).catch(swallow);
  }

  newSet(block, fields) {
    return newSet(this.rules, this.state.unit, block, fields);
  }

  // --- Actions ---

  /** Add an exercise at the end, with rows like last time's sets (or one empty working set). */
  async addExercise(exercise) {
    const position = nextBlockPosition(this.state.blocks);
    if (exercise.equipment) {
      this.details.set(exercise.id, { name: exercise.name, equipment: exercise.equipment });
    }
    const block = {
      client_id: uuid(),
      exercise_id: exercise.id,
      name: exercise.name,
      equipment: exercise.equipment || null,
      notes: "",
      rest_s: null,
      position,
      sets: [],
    };
    this.set({ blocks: [...this.state.blocks, block] });
    this.push({
      method: "POST",
      path: `workouts/${this.workoutId}/exercises`,
      body: { client_id: block.client_id, exercise_id: exercise.id, position },
      label: `Adding ${exercise.name}`,
    }).catch(swallow);
    const known = exercise.id in this.state.previous;
    await Promise.all([known ? null : this.loadPrevious([exercise.id]), this.loadDetails(exercise.id)]);
    const last = this.state.previous[exercise.id] || [];
    const current = this.state.blocks.find((b) => b.client_id === block.client_id);
    if (!current) return block.client_id;
    const templates = last.length ? last : [{ kind: this.rules.default_kind, load_kg: null, reps: null }];
    const sets = templates.map((template, index) =>
      this.newSet(current, {
        kind: template.kind,
        load_kg: template.load_kg === null ? null : String(template.load_kg),
        reps: template.reps,
        position: index,
      }),
    );
    this.mapBlocks((b) => (b.client_id === block.client_id ? { ...b, sets } : b));
    for (const set of sets) this.createSet(current, set);
    return block.client_id;
  }

  /** A new working set at the end, pre-filled from last time's matching set or the set above. */
  addSet(blockId) {
    const block = this.state.blocks.find((b) => b.client_id === blockId);
    if (!block) return null;
    const draft = this.newSet(block, { position: nextPosition(block) });
    const probe = { ...block, sets: [...block.sets, draft] };
    const source = this.previousFor(probe, draft) || block.sets[block.sets.length - 1] || null;
    const set = source ? prefilled(draft, source, this.state.unit) : draft;
    this.mapBlocks((b) => (b.client_id === blockId ? { ...b, sets: [...b.sets, set] } : b));
    this.createSet(block, set);
    return set.client_id;
  }

  /** What the inputs show while typing; nothing is sent until updateSet. */
  draftSet(setId, changes) {
    this.version += 1;
    this.replaceSet(setId, changes);
  }

  /** Commit typed values (loadText/repsText in the person's unit) or a kind, and send them. */
  updateSet(setId, changes) {
    const { set } = this.findSet(setId);
    if (!set) return;
    const next = { ...changes };
    const body = {};
    if ("loadText" in changes) {
      next.load_kg = toKg(changes.loadText, this.state.unit);
      if (next.load_kg !== set.load_kg) body.load_kg = next.load_kg;
    }
    if ("repsText" in changes) {
      const reps = parseNumber(changes.repsText);
      next.reps = reps === null ? null : Math.round(reps);
      if (next.reps !== set.reps) body.reps = next.reps;
    }
    if ("kind" in changes && changes.kind !== set.kind) body.kind = changes.kind;
    this.replaceSet(setId, next);
    if (Object.keys(body).length) this.patchSet(setId, body, "A set change");
  }

  cycleKind(setId) {
    const { set } = this.findSet(setId);
    if (!set) return;
    this.updateSet(setId, { kind: nextKind(this.rules, set.kind) });
  }

  /** One tap: mark done (with what the inputs show) or undo. Returns true when the set is now done. */
  completeSet(setId) {
    const { block, set } = this.findSet(setId);
    if (!set) return false;
    if (set.completed) {
      this.replaceSet(setId, { completed: false, completed_at: null, records: [] });
      this.patchSet(setId, { completed: false }, "Undoing a set");
      return false;
    }
    let { load_kg, reps } = set;
    const previous = this.previousFor(block, set);
    // An empty input means "same as last time", as the greyed-out previous value suggests.
    if (load_kg === null && previous && previous.load_kg !== null) load_kg = String(previous.load_kg);
    if (reps === null && previous) reps = previous.reps;
    const completed_at = new Date().toISOString();
    this.replaceSet(setId, doneFields({ completed_at, load_kg, reps }, this.state.unit));
    this.patchSet(setId, { completed: true, completed_at, load_kg, reps }, "Completing a set").then((answer) => {
      // Records as they happen: the answer names what this set broke (it may come later, when offline).
      const records = answer && Array.isArray(answer.records) ? answer.records : [];
      if (records.length && this.findSet(setId).set?.completed) this.replaceSet(setId, { records });
    });
    return true;
  }

  removeSet(setId) {
    this.mapBlocks((block) => ({ ...block, sets: block.sets.filter((s) => s.client_id !== setId) }));
    this.push({ method: "DELETE", path: `sets/${setId}`, label: "Removing a set" }).catch(swallow);
  }

  /** Give the block's sets positions 0..n-1 in `order`, sending only those that moved. */
  renumber(blockId, order) {
    const { sets, moved } = renumbered(order);
    this.mapBlocks((b) => (b.client_id === blockId ? { ...b, sets } : b));
    for (const [id, position] of moved) this.patchSet(id, { position }, "Moving a set");
    return sets;
  }

  moveSet(setId, direction) {
    const { block } = this.findSet(setId);
    if (!block) return;
    const index = block.sets.findIndex((s) => s.client_id === setId);
    const target = index + direction;
    if (target < 0 || target >= block.sets.length) return;
    const order = [...block.sets];
    [order[index], order[target]] = [order[target], order[index]];
    this.renumber(block.client_id, order);
  }

  moveExercise(blockId, direction) {
    const blocks = [...this.state.blocks];
    const index = blocks.findIndex((b) => b.client_id === blockId);
    const target = index + direction;
    if (index < 0 || target < 0 || target >= blocks.length) return;
    [blocks[index], blocks[target]] = [blocks[target], blocks[index]];
    const placed = blocks.map((block, position) => ({ ...block, position }));
    this.set({ blocks: placed });
    for (const block of placed) {
      this.push({
        method: "PATCH",
        path: `workout-exercises/${block.client_id}`,
        body: { position: block.position },
        label: "Moving an exercise",
      }).catch(swallow);
    }
  }

  removeExercise(blockId) {
    this.set({ blocks: this.state.blocks.filter((b) => b.client_id !== blockId) });
    this.push({ method: "DELETE", path: `workout-exercises/${blockId}`, label: "Removing an exercise" }).catch(
      swallow,
    );
  }

  updateExercise(blockId, changes) {
    this.mapBlocks((b) => (b.client_id === blockId ? { ...b, ...changes } : b));
    this.push({
      method: "PATCH",
      path: `workout-exercises/${blockId}`,
      body: changes,
      label: "An exercise change",
    }).catch(swallow);
  }

  /** Warm-up rows before the first working set (see workout-sets.warmupRows). Returns how many. */
  addWarmups(blockId) {
    const block = this.state.blocks.find((b) => b.client_id === blockId);
    if (!block) return 0;
    const { first, rows } = warmupRows(this.rules, this.state.unit, this.plateSet(), block);
    if (!rows.length) return 0;
    const order = [...block.sets.slice(0, first), ...rows, ...block.sets.slice(first)];
    const sets = this.renumber(blockId, order);
    const fresh = new Set(rows.map((w) => w.client_id));
    for (const set of sets) if (fresh.has(set.client_id)) this.createSet(block, set);
    return rows.length;
  }

  /**
   * Finish: sets not done are dropped (as Strong does), exercises with nothing done are removed, then the
   * workout is closed and the server's summary shown. Resolves once everything before it was delivered.
   */
  async finish() {
    for (const block of this.state.blocks) {
      if (!block.sets.some((s) => s.completed)) {
        this.removeExercise(block.client_id);
        continue;
      }
      for (const set of block.sets) if (!set.completed) this.removeSet(set.client_id);
    }
    const ended_at = new Date().toISOString();
    const delivered = this.push({
      method: "POST",
      path: `workouts/${this.workoutId}/finish`,
      body: { ended_at },
      label: "Finishing the workout",
    });
    const waited = new Promise((resolve) => setTimeout(() => resolve(null), FINISH_WAIT_MS));
    const answered = await Promise.race([delivered, waited]);
    const summary = answered || localSummary(this.rules, this.state.blocks, this.state.workout, ended_at);
    this.set({ summary, workout: { ...this.state.workout, ended_at } });
    if (!answered) {
      // Offline: the device's summary now, the server's (with records) once the outbox is sent.
      delivered.then((server) => server && this.set({ summary: server })).catch(swallow);
    }
    return summary;
  }
}
