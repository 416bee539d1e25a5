// Loads are stored in kg (decimal strings, up to 6 places); people type and read their own unit.
// 1 lb = 0.45359237 kg exactly. Conversions round to the stored precision so no float such as
// 102.49999999 ever reaches the API.

export const KG_PER_LB = 0.45359237;

/** A number as a plain decimal string with at most `places` decimals and no trailing zeros. */
export function plain(value, places = 6) {
  const factor = 10 ** places;
  const rounded = Math.round(value * factor) / factor;
  let text = rounded.toFixed(places);
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  return text === "-0" ? "0" : text;
}

/** Parse what someone typed ("102,5" works too); null when empty or not a number >= 0. */
export function parseNumber(text) {
  if (text === null || text === undefined) return null;
  const cleaned = String(text).trim().replace(",", ".");
  if (cleaned === "") return null;
  const value = Number(cleaned);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** A load typed in `unit` as the kg string the API stores (6 decimals at most), or null. */
export function toKg(text, unit) {
  const value = parseNumber(text);
  if (value === null) return null;
  const kg = unit === "lb" ? Math.round(value * KG_PER_LB * 1e6) / 1e6 : value;
  return plain(kg, 6);
}

/** A stored kg load (string or number) in `unit`, rounded to 2 decimals, trailing zeros dropped. */
export function fromKg(kg, unit) {
  if (kg === null || kg === undefined || kg === "") return "";
  const value = Number(kg);
  if (!Number.isFinite(value)) return "";
  return plain(unit === "lb" ? value / KG_PER_LB : value, 2);
}

/** A value in one unit expressed in another (for the plate set, which has its own unit). */
export function convert(value, fromUnit, toUnit) {
  if (fromUnit === toUnit) return value;
  return fromUnit === "lb" ? value * KG_PER_LB : value / KG_PER_LB;
}

/** "100 kg × 5", "× 12" for bodyweight, "" for nothing. */
export function describeSet(set, unit) {
  if (!set) return "";
  const load = fromKg(set.load_kg, unit);
  const reps = set.reps === null || set.reps === undefined ? "" : String(set.reps);
  if (load && reps) return `${load} ${unit} × ${reps}`;
  if (load) return `${load} ${unit}`;
  if (reps) return `× ${reps}`;
  return "";
}

/** Seconds as m:ss (or h:mm:ss). */
export function clock(totalSeconds) {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** A duration in words for the summary: "1 h 5 min", "42 min", "35 s". */
export function duration(totalSeconds) {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (h) return `${h} h ${m} min`;
  if (m) return `${m} min`;
  return `${seconds} s`;
}
