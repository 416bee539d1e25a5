// Warm-up sets for the logging screen: a port of liftwell/core/warmup.py, so it works offline.
//
// The empty bar for 10 reps, then about 40 %, 60 % and 80 % of the working load (5, 3 and 2 reps), each
// rounded DOWN to the bar plus a whole number of `stepKg` (the smallest loadable jump). A set at or below
// the bar, or equal to the one before, is dropped; a ramp set never asks for more reps than the working
// set. Nothing when the working load is at or below the bar; no empty-bar set when barKg is 0. A common
// coaching convention, not a study finding. Integer arithmetic (values scaled by a power of ten) keeps
// the rounding exact.

const MAX_DECIMALS = 9;
const EMPTY_BAR_REPS = 10;
const RAMP = [
  [40, 5],
  [60, 3],
  [80, 2],
]; // [percent of the working load, reps]

function decimals(value, name) {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${value}`);
  }
  const match = /(?:\.(\d+))?(?:e([+-]\d+))?$/i.exec(String(value));
  const places = (match[1] ? match[1].length : 0) - (match[2] ? Number(match[2]) : 0);
  return Math.min(MAX_DECIMALS, Math.max(0, places));
}

function floorDiv(a, b) {
  const remainder = ((a % b) + b) % b;
  return (a - remainder) / b;
}

/** Warm-up sets [{loadKg, reps}] for a working set of `workingReps` reps at `workingKg`. */
export function warmupSets(workingKg, { barKg, stepKg, workingReps }) {
  if (!(stepKg > 0)) throw new RangeError(`stepKg must be above 0, got ${stepKg}`);
  if (!(barKg >= 0)) throw new RangeError(`barKg must be 0 or more, got ${barKg}`);
  if (!(workingReps >= 1)) throw new RangeError(`workingReps must be 1 or more, got ${workingReps}`);
  const places = Math.max(
    decimals(workingKg, "workingKg"),
    decimals(barKg, "barKg"),
    decimals(stepKg, "stepKg"),
  );
  const scale = 10 ** places;
  const working = Math.round(workingKg * scale);
  const bar = Math.round(barKg * scale);
  const step = Math.round(stepKg * scale);
  if (working <= bar) return [];
  const loads = bar > 0 ? [[bar, EMPTY_BAR_REPS]] : [];
  for (const [percent, reps] of RAMP) {
    const load = bar + floorDiv(working * percent - bar * 100, step * 100) * step;
    if (load <= bar || (loads.length && load === loads[loads.length - 1][0])) continue;
    loads.push([load, Math.min(reps, workingReps)]);
  }
  return loads.map(([load, reps]) => ({ loadKg: load / scale, reps }));
}
