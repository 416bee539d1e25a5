// Reading the workout into the store: the device's copy first, then the server's (unless this device has
// changes the server has not seen), last time's sets and each exercise's details, each with what the
// device kept as the fallback when offline. Functions of the WorkoutStore (store.js), which calls them.

import { get } from "./api.js";
import { keepPrevious, keptPrevious, libraryItem, loadProfile, loadWorkout } from "./cache.js";
import { count as outboxCount } from "./outbox.js";
import { recordBadges } from "./summary.js";
import { onDrained } from "./sync.js";
import { fromServer } from "./workout-sets.js";

const swallow = () => {}; // the kept copy is a convenience for offline; the screen already has the answer

export async function load(store) {
  const local = await loadWorkout(store.workoutId);
  if (local?.workout) {
    store.set({
      me: local.me,
      unit: local.unit || store.state.unit,
      workout: local.workout,
      blocks: local.blocks || [],
      previous: local.previous || {},
      summary: local.summary || null,
      loading: false,
    });
  }
  onDrained(() => store.refresh());
  try {
    const me = await loadProfile();
    store.set({ me, unit: me.unit });
  } catch {
    // Offline on a device that never loaded the profile: defaults for rest and plates.
  }
  const waiting = await outboxCount().catch(() => 0);
  // Changes still waiting for the server: the device's copy is newer; refresh once they are sent.
  if (!local || waiting === 0) await store.refresh({ first: !local });
  store.warmCache();
}

/** Take the server's copy of the workout, unless this device changed something since asking. */
export async function refresh(store, { first = false } = {}) {
  const version = store.version;
  try {
    const workout = await get(`workouts/${store.workoutId}`);
    const waiting = await outboxCount().catch(() => 0);
    // Checked after every wait: a change made meanwhile makes this copy stale.
    if (version !== store.version || waiting > 0) return;
    const unit = store.state.unit;
    const badges = recordBadges(store.state.blocks);
    const blocks = workout.exercises.map((block) => ({
      client_id: block.client_id,
      exercise_id: block.exercise_id,
      name: block.exercise_name,
      equipment: store.details.get(block.exercise_id)?.equipment || null,
      notes: block.notes,
      rest_s: block.rest_s,
      position: block.position,
      sets: block.sets.map((set) => fromServer(set, unit, set.completed ? badges.get(set.client_id) : null)),
    }));
    store.set({ workout, blocks, loading: false, error: null });
    const ids = [...new Set(blocks.map((block) => block.exercise_id))];
    const unknown = ids.filter((id) => !(id in store.state.previous));
    await Promise.all([
      store.loadPrevious(unknown),
      ...ids.filter((id) => !store.details.has(id)).map((id) => store.loadDetails(id)),
    ]);
    if (workout.ended_at && (!store.state.summary || store.state.summary.local)) {
      store.set({ summary: await get(`workouts/${store.workoutId}/summary`) });
    }
  } catch (error) {
    if (!first && store.state.workout) return; // offline: the device's copy stands
    const message = error.retryable ? "you are offline and this workout is not on this device yet." : error.message;
    store.set({ loading: false, error: message });
  }
}

/** Last time's done sets of these exercises, into `state.previous`. */
export async function loadPrevious(store, exerciseIds) {
  if (!exerciseIds.length) return;
  const query = exerciseIds.map((id) => `exercise_id=${encodeURIComponent(id)}`).join("&");
  let found;
  try {
    found = await get(`previous?${query}&workout=${store.workoutId}`);
    keepPrevious(found).catch(swallow);
  } catch {
    // Offline (or the workout is not on the server yet): last time's numbers as kept on the device.
    found = await keptPrevious(exerciseIds);
  }
  const previous = { ...store.state.previous };
  for (const [id, sets] of Object.entries(found)) previous[id] = sets.filter((set) => set.completed);
  store.set({ previous });
}

/** The exercise's name and equipment, kept in `store.details` and shown on its blocks. */
export async function loadDetails(store, exerciseId) {
  if (!store.details.has(exerciseId)) {
    let exercise;
    try {
      exercise = await get(`exercises/${exerciseId}`);
    } catch {
      exercise = await libraryItem(exerciseId);
      if (!exercise) return;
    }
    store.details.set(exerciseId, { name: exercise.name, equipment: exercise.equipment });
  }
  const { equipment } = store.details.get(exerciseId);
  store.mapBlocks((block) => (block.exercise_id === exerciseId ? { ...block, equipment } : block));
}
