// What logging needs without the network, kept on the device: the profile's units and plates, the
// exercise library (for search), the recent exercises and their "previous" sets, and each workout as this
// device last showed it. Reads go to the server first and fall back to the copy here when offline.

import { get } from "./api.js";
import { idbGet, idbPut } from "./idb.js";

const LIBRARY_MAX_AGE_MS = 24 * 3600 * 1000;
const LIBRARY_MAX_PAGES = 40;

/** GET `path`; keep the answer under `key`; offline, answer the kept copy (or throw the network error). */
export async function cachedGet(path, key = path, options) {
  try {
    const value = await get(path, options);
    idbPut("cache", { value, at: Date.now() }, key).catch(() => {});
    return value;
  } catch (error) {
    if (!error?.retryable) throw error;
    const kept = await idbGet("cache", key).catch(() => null);
    if (kept) return kept.value;
    throw error;
  }
}

export async function keep(key, value) {
  await idbPut("cache", { value, at: Date.now() }, key);
}

export async function kept(key) {
  const found = await idbGet("cache", key).catch(() => null);
  return found ? found.value : null;
}

// --- The profile: only what logging needs (no birth year, sex, height or e-mail on the device) ---

const PROFILE_FIELDS = ["id", "unit", "time_zone", "default_rest_s", "plate_set"];

export async function loadProfile() {
  try {
    const me = await get("me");
    const profile = Object.fromEntries(PROFILE_FIELDS.map((key) => [key, me[key]]));
    keep("profile", profile).catch(() => {});
    return profile;
  } catch (error) {
    if (!error?.retryable) throw error;
    const found = await kept("profile");
    if (found) return found;
    throw error;
  }
}

// --- The workout as this device last showed it ---

export function saveWorkout(snapshot) {
  return idbPut("workouts", snapshot);
}

export function loadWorkout(clientId) {
  return idbGet("workouts", clientId).catch(() => null);
}

// --- The exercise library, for search without the network ---

function slim(item) {
  return { id: item.id, name: item.name, aliases: item.aliases || [], equipment: item.equipment };
}

/** Fetch the whole library once a day (a few pages of 50) and keep the fields search needs. */
export async function refreshLibrary() {
  const current = await idbGet("cache", "library").catch(() => null);
  if (current && Date.now() - current.at < LIBRARY_MAX_AGE_MS) return;
  const items = [];
  for (let page = 1; page <= LIBRARY_MAX_PAGES; page += 1) {
    const answer = await get(`exercises?page=${page}`);
    items.push(...answer.items.map(slim));
    if (items.length >= answer.count || !answer.items.length) break;
  }
  await keep("library", items);
}

function fold(text) {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** Search the kept library by name or alias: every word must appear. Names starting with it first. */
export async function searchLibrary(query) {
  const items = (await kept("library")) || [];
  const words = fold(query).split(/\s+/).filter(Boolean);
  const matches = items.filter((item) => {
    const text = fold([item.name, ...item.aliases].join(" "));
    return words.every((word) => text.includes(word));
  });
  const first = words[0] || "";
  return matches.sort(
    (a, b) =>
      Number(!fold(a.name).startsWith(first)) - Number(!fold(b.name).startsWith(first)) ||
      a.name.localeCompare(b.name),
  );
}

export async function libraryItem(id) {
  const items = (await kept("library")) || [];
  return items.find((item) => item.id === id) || null;
}

// --- "Previous" sets, per exercise ---

export async function keepPrevious(found) {
  await Promise.all(Object.entries(found).map(([id, sets]) => keep(`previous:${id}`, sets)));
}

export async function keptPrevious(ids) {
  const found = {};
  for (const id of ids) {
    const sets = await kept(`previous:${id}`);
    if (sets) found[id] = sets;
  }
  return found;
}

/**
 * While online, keep what logging needs offline: the profile, the library, the recent exercises and
 * their "previous" sets. Called by the start page and the screen; quiet when offline.
 */
export async function warmUp() {
  try {
    await loadProfile();
    await refreshLibrary();
    const recent = await cachedGet("recent-exercises?limit=15");
    const ids = recent.map((row) => row.exercise_id);
    if (ids.length) {
      const query = ids.map((id) => `exercise_id=${encodeURIComponent(id)}`).join("&");
      await keepPrevious(await get(`previous?${query}`));
    }
  } catch {
    // Offline: what was kept last time stays.
  }
}
