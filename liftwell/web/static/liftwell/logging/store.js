// The workout as the browser holds it, and every action on it. The UI renders from `store.state` and
// calls these actions; each action updates the state at once (optimistic) and hands the server its share
// through sync.send(), with client-made UUIDs so nothing waits for the server's ids. The state is also kept
// on the device (IndexedDB), so a reload without the network shows the workout as it was left; once the
// outbox is empty, the server's copy is the truth again and replaces it (so tabs and devices converge).

import { get } from "./api.js";
import {
  keepPrevious,
  keptPrevious,
  libraryItem,
  loadProfile,
  loadWorkout,
  saveWorkout,
  warmUp,
} from "./cache.js";
import { uuid } from "./ids.js";
import { count as outboxCount } from "./outbox.js";
import { isWarmup, nextKind, plateSetFor, tonnageKg } from "./rules.js";
import { onDrained, send } from "./sync.js";
import { convert, fromKg, parseNumber, plain, toKg } from "./units.js";
import { warmupSets } from "./warmup.js";

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
    this.storing = 0; // changes handed to the outbox and not yet stored on the device
    this.persistQueued = false;
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
    if (this.state.workout && PERSISTED.some((key) => key in patch)) this.persist();
  }

  /**
   * Keep the screen's copy on the device, but never ahead of the outbox: a copy showing a change whose
   * outbox entry is not yet stored would, after a reload at that moment, show the change as made while
   * nothing would ever send it. So the copy waits (a microtask, in which the change that usually follows
   * a screen update reaches push) and is written only when every change pushed so far is stored.
   */
  persist() {
    if (this.persistQueued) return;
    this.persistQueued = true;
    queueMicrotask(() => {
      this.persistQueued = false;
      if (this.storing > 0) return; // written once the outbox has them (see push)
      const { workout, blocks, previous, me, unit, summary } = this.state;
      saveWorkout({ client_id: this.workoutId, workout, blocks, previous, me, unit, summary }).catch(swallow);
    });
  }

  /** Every change goes to the outbox through here. */
  push(change) {
    this.version += 1;
    this.storing += 1;
    return send(change, () => {
      this.storing -= 1;
      if (this.storing === 0 && this.state.workout) this.persist();
    });
  }

  // --- Reading ---

  async load() {
    const local = await loadWorkout(this.workoutId);
    if (local && local.workout) {
      this.set({
        me: local.me,
        unit: local.unit || this.state.unit,
        workout: local.workout,
        blocks: local.blocks || [],
        previous: local.previous || {},
        summary: local.summary || null,
        loading: false,
      });
    }
    onDrained(() => this.refresh());
    try {
      const me = await loadProfile();
      this.set({ me, unit: me.unit });
    } catch {
      // Offline on a device that never loaded the profile: defaults for rest and plates.
    }
    const waiting = await outboxCount().catch(() => 0);
    // Changes still waiting for the server: the device's copy is newer; refresh once they are sent.
    if (!local || waiting === 0) await this.refresh({ first: !local });
    this.warmCache();
  }

  /** Take the server's copy of the workout, unless this device changed something since asking. */
  async refresh({ first = false } = {}) {
    const version = this.version;
    try {
      const workout = await get(`workouts/${this.workoutId}`);
      const waiting = await outboxCount().catch(() => 0);
      // Checked after every wait: a change made meanwhile makes this copy stale.
      if (version !== this.version || waiting > 0) return;
      const unit = this.state.unit;
      const badges = this.recordBadges();
      const blocks = workout.exercises.map((block) => ({
        client_id: block.client_id,
        exercise_id: block.exercise_id,
        name: block.exercise_name,
        equipment: (this.details.get(block.exercise_id) || {}).equipment || null,
        notes: block.notes,
        rest_s: block.rest_s,
        position: block.position,
        sets: block.sets.map((set) => this.fromServer(set, unit, set.completed ? badges.get(set.client_id) : null)),
      }));
      this.set({ workout, blocks, loading: false, error: null });
      const ids = [...new Set(blocks.map((block) => block.exercise_id))];
      const unknown = ids.filter((id) => !(id in this.state.previous));
      await Promise.all([
        this.loadPrevious(unknown),
        ...ids.filter((id) => !this.details.has(id)).map((id) => this.loadDetails(id)),
      ]);
      if (workout.ended_at && (!this.state.summary || this.state.summary.local)) {
        this.set({ summary: await get(`workouts/${this.workoutId}/summary`) });
      }
    } catch (error) {
      if (!first && this.state.workout) return; // offline: the device's copy stands
      const message = error.retryable
        ? "you are offline and this workout is not on this device yet."
        : error.message;
      this.set({ loading: false, error: message });
    }
  }

  /** While online, keep what logging needs offline (see cache.warmUp). */
  warmCache() {
    return warmUp();
  }

  /** Record badges on this device's sets: the server names a set's records once, when it is done. */
  recordBadges() {
    const found = new Map();
    for (const block of this.state.blocks) {
      for (const set of block.sets) if (set.records && set.records.length) found.set(set.client_id, set.records);
    }
    return found;
  }

  fromServer(set, unit, records = null) {
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

  async loadPrevious(exerciseIds) {
    if (!exerciseIds.length) return;
    const query = exerciseIds.map((id) => `exercise_id=${encodeURIComponent(id)}`).join("&");
    let found;
    try {
      found = await get(`previous?${query}&workout=${this.workoutId}`);
      keepPrevious(found).catch(swallow);
    } catch {
      // Offline (or the workout is not on the server yet): last time's numbers as kept on the device.
      found = await keptPrevious(exerciseIds);
    }
    const previous = { ...this.state.previous };
    for (const [id, sets] of Object.entries(found)) previous[id] = sets.filter((set) => set.completed);
    this.set({ previous });
  }

  async loadDetails(exerciseId) {
    if (!this.details.has(exerciseId)) {
      let exercise;
      try {
        exercise = await get(`exercises/${exerciseId}`);
      } catch {
        exercise = await libraryItem(exerciseId);
        if (!exercise) return;
      }
      this.details.set(exerciseId, { name: exercise.name, equipment: exercise.equipment });
    }
    const { equipment } = this.details.get(exerciseId);
    this.mapBlocks((block) => (block.exercise_id === exerciseId ? { ...block, equipment } : block));
  }

  /**
   * What was done last time for this set's exercise and its place among sets of its category: sets of
   * the same category (warm-ups vs the rest) line up with last time's by their index.
   */
  previousFor(block, set) {
    const last = this.state.previous[block.exercise_id] || [];
    const warmup = isWarmup(this.rules, set.kind);
    const alike = (s) => isWarmup(this.rules, s.kind) === warmup;
    const index = block.sets.filter(alike).indexOf(set);
    return last.filter(alike)[index] || null;
  }

  /** The person's plate set, or the standard one of their unit while the profile is not on this device. */
  plateSet() {
    return plateSetFor(this.rules, this.state.me, this.state.unit);
  }

  restFor(block) {
    return block.rest_s ?? (this.state.me ? this.state.me.default_rest_s : 120);
  }

  // --- Helpers ---

  mapBlocks(fn) {
    this.set({ blocks: this.state.blocks.map(fn) });
  }

  findSet(setId) {
    for (const block of this.state.blocks) {
      const set = block.sets.find((s) => s.client_id === setId);
      if (set) return { block, set };
    }
    return { block: null, set: null };
  }

  replaceSet(setId, changes) {
    this.mapBlocks((block) => ({
      ...block,
      sets: block.sets.map((set) => (set.client_id === setId ? { ...set, ...changes } : set)),
    }));
    return this.findSet(setId).set;
  }

  /** Resolves with the server's answer (undefined when refused). */
  patchSet(setId, body, label) {
    return this.push({ method: "PATCH", path: `sets/${setId}`, body, label }).catch(swallow);
  }

  createSet(block, set) {
    const body = {
      client_id: set.client_id,
      exercise_id: block.exercise_id,
      workout_exercise_id: block.client_id,
      position: set.position,
      kind: set.kind,
      load_kg: set.load_kg,
      reps: set.reps,
    };
    this.push({ method: "POST", path: `workouts/${this.workoutId}/sets`, body, label: "A new set" }).catch(swallow);
  }

  newSet(block, { kind = this.rules.default_kind, load_kg = null, reps = null, position }) {
    return {
      client_id: uuid(),
      exercise_id: block.exercise_id,
      kind,
      load_kg,
      reps,
      loadText: fromKg(load_kg, this.state.unit),
      repsText: reps === null || reps === undefined ? "" : String(reps),
      completed: false,
      completed_at: null,
      position,
    };
  }

  nextPosition(block) {
    return block.sets.reduce((top, set) => Math.max(top, set.position + 1), 0);
  }

  // --- Actions ---

  /** Add an exercise at the end, with rows like last time's sets (or one empty working set). */
  async addExercise(exercise) {
    const position = this.state.blocks.length
      ? Math.max(...this.state.blocks.map((b) => b.position ?? 0), this.state.blocks.length - 1) + 1
      : 0;
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
    const draft = this.newSet(block, { position: this.nextPosition(block) });
    const probe = { ...block, sets: [...block.sets, draft] };
    const source = this.previousFor(probe, draft) || block.sets[block.sets.length - 1] || null;
    const set = source
      ? {
          ...draft,
          load_kg: source.load_kg === null ? null : String(source.load_kg),
          reps: source.reps,
          loadText: fromKg(source.load_kg, this.state.unit),
          repsText: source.reps === null || source.reps === undefined ? "" : String(source.reps),
        }
      : draft;
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
    this.replaceSet(setId, {
      completed: true,
      completed_at,
      load_kg,
      reps,
      loadText: fromKg(load_kg, this.state.unit),
      repsText: reps === null || reps === undefined ? "" : String(reps),
    });
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
    const moved = [];
    const sets = order.map((set, position) => {
      if (set.position !== position && !set.isNew) moved.push([set.client_id, position]);
      const { isNew, ...rest } = set;
      return { ...rest, position };
    });
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
    const renumbered = blocks.map((block, position) => ({ ...block, position }));
    this.set({ blocks: renumbered });
    for (const block of renumbered) {
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

  /**
   * Warm-up rows before the first working set: the bar, then about 40/60/80 % of its load, computed in
   * the person's unit (steps of 2.5 kg or 5 lb) with the bar of their plate set. Returns how many.
   */
  addWarmups(blockId) {
    const block = this.state.blocks.find((b) => b.client_id === blockId);
    if (!block) return 0;
    const first = block.sets.findIndex((s) => !isWarmup(this.rules, s.kind) && s.load_kg !== null);
    if (first < 0) return 0;
    const working = block.sets[first];
    const unit = this.state.unit;
    const workingLoad = parseNumber(fromKg(working.load_kg, unit));
    const plateSet = this.plateSet();
    const bar = Number(plain(convert(Number(plateSet.bar), plateSet.unit, unit), 2));
    const step = unit === "lb" ? 5 : 2.5;
    const ramp = warmupSets(workingLoad, { barKg: bar, stepKg: step, workingReps: working.reps || 5 });
    if (!ramp.length) return 0;
    const warmups = ramp.map((item) => ({
      ...this.newSet(block, {
        kind: this.rules.warmup_kind,
        load_kg: toKg(item.loadKg, unit),
        reps: item.reps,
        position: 0,
      }),
      isNew: true,
    }));
    const order = [...block.sets.slice(0, first), ...warmups, ...block.sets.slice(first)];
    const sets = this.renumber(blockId, order);
    const fresh = new Set(warmups.map((w) => w.client_id));
    for (const set of sets) if (fresh.has(set.client_id)) this.createSet(block, set);
    return warmups.length;
  }

  counts() {
    let done = 0;
    let open = 0;
    for (const block of this.state.blocks) {
      for (const set of block.sets) {
        if (set.completed) done += 1;
        else open += 1;
      }
    }
    return { done, open };
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
    const summary = answered || this.localSummary(ended_at);
    this.set({ summary, workout: { ...this.state.workout, ended_at } });
    if (!answered) {
      // Offline: the device's summary now, the server's (with records) once the outbox is sent.
      delivered.then((server) => server && this.set({ summary: server })).catch(swallow);
    }
    return summary;
  }

  /** Duration, sets and volume worked out on the device; records need the server's history. */
  localSummary(endedAt) {
    const done = this.state.blocks.flatMap((block) => block.sets.filter((set) => set.completed));
    const volume = tonnageKg(this.rules, done);
    const started = new Date(this.state.workout.started_at).getTime();
    return {
      local: true,
      duration_s: Math.max(0, Math.round((new Date(endedAt).getTime() - started) / 1000)),
      sets: done.length,
      volume_kg: String(Math.round(volume * 1000) / 1000),
      records: [],
    };
  }
}
