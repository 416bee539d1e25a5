// The plate calculator for the logging screen: a port of liftwell/core/plates.py (same results, same
// tie-breaks), so it works offline. Both are checked against tests/fixtures/plate_vectors.json.
//
// Per side = (target - bar - 2 x collar) / 2 (docs/science.md §8). Greedy (heaviest plate first) is not
// always exact: 23 kg on a 20 kg bar needs 0.5 + 0.5 + 0.5 per side. So this is an exact search: a
// bounded-knapsack dynamic programme over the lifter's plates (weight, number of PAIRS owned) for the
// fewest plates per side, and among those the most heavy plates. When the target cannot be loaded it falls
// back to the nearest achievable total below, and offers the nearest above.
//
// All numbers share one unit (kg or lb). The search runs on integers: every value is scaled by a power of
// ten (up to 10^9, so targets count to 9 decimals) and the plates are counted in steps of their greatest
// common divisor, so no floating-point error creeps in.

const MAX_DECIMALS = 9;

function decimals(value, name) {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${value}`);
  }
  const match = /(?:\.(\d+))?(?:e([+-]\d+))?$/i.exec(String(value));
  const places = (match[1] ? match[1].length : 0) - (match[2] ? Number(match[2]) : 0);
  return Math.min(MAX_DECIMALS, Math.max(0, places));
}

function gcd(a, b) {
  while (b) [a, b] = [b, a % b];
  return a;
}

// Floor division of integers held exactly in numbers (safe where a / b would round up to an integer).
function floorDiv(a, b) {
  const remainder = ((a % b) + b) % b;
  return (a - remainder) / b;
}

/**
 * The fewest plates per side that load `target` exactly, else the nearest totals below and above.
 *
 * plateSet: {bar, collar = 0 (per collar, two used), plates: [[weight, pairs], ...]}.
 * Returns {perSide (heaviest first), achieved, exact, below, above}. When not exact, perSide and achieved
 * are those of `below` (the empty bar when the target is lighter than it, with below null) and `above` is
 * the nearest achievable total over the target (null past the inventory). `below` and `above` are exact
 * loadings of their own totals with null alternatives.
 */
export function loadBar(target, plateSet) {
  const bar = plateSet.bar;
  const collar = plateSet.collar ?? 0;
  if (bar < 0) throw new RangeError(`bar must be 0 or more, got ${bar}`);
  if (collar < 0) throw new RangeError(`collar must be 0 or more, got ${collar}`);
  const inventory = new Map();
  for (const [weight, pairs] of plateSet.plates) {
    if (!(weight > 0)) throw new RangeError(`plate weights must be above 0, got ${weight}`);
    if (!(pairs >= 0)) throw new RangeError(`pairs must be 0 or more, got ${pairs} of ${weight}`);
    if (pairs > 0) inventory.set(weight, (inventory.get(weight) ?? 0) + pairs);
  }
  const weights = [...inventory.keys()].sort((a, b) => a - b); // lightest first
  let places = Math.max(decimals(target, "target"), decimals(bar, "bar"), decimals(collar, "collar"));
  for (const weight of weights) places = Math.max(places, decimals(weight, "plate weight"));
  const scale = 10 ** places;
  const toUnits = (value) => Math.round(value * scale);
  const units = weights.map(toUnits);
  const step = units.reduce(gcd, 0) || 1;
  const sizes = units.map((u) => u / step);
  const counts = weights.map((w) => inventory.get(w));
  const capacity = sizes.reduce((sum, size, i) => sum + size * counts[i], 0);
  const emptyUnits = toUnits(bar) + 2 * toUnits(collar);

  // best[i][s]: fewest plates making s steps per side from the i lightest weights (-1: cannot).
  const best = [new Int32Array(capacity + 1).fill(-1)];
  best[0][0] = 0;
  sizes.forEach((size, index) => {
    const previous = best[best.length - 1];
    const row = new Int32Array(capacity + 1).fill(-1);
    for (let total = 0; total <= capacity; total++) {
      const most = Math.min(counts[index], Math.floor(total / size));
      for (let used = 0; used <= most; used++) {
        const before = previous[total - used * size];
        if (before >= 0 && (row[total] < 0 || before + used < row[total])) row[total] = before + used;
      }
    }
    best.push(row);
  });
  const reachable = best[best.length - 1];

  // The loading for `total` steps per side, taking as many of each heavy plate as stays optimal.
  function loading(total) {
    const perSide = [];
    let remaining = total;
    for (let i = weights.length - 1; i >= 0; i--) {
      const goal = best[i + 1][remaining];
      for (let used = Math.min(counts[i], Math.floor(remaining / sizes[i])); used >= 0; used--) {
        const before = best[i][remaining - used * sizes[i]];
        if (before >= 0 && before + used === goal) {
          for (let n = 0; n < used; n++) perSide.push(weights[i]);
          remaining -= used * sizes[i];
          break;
        }
      }
    }
    const achieved = (emptyUnits + 2 * total * step) / scale;
    return { perSide, achieved, exact: true, below: null, above: null };
  }

  const twiceSide = toUnits(target) - emptyUnits; // twice the per-side load, in scaled units
  if (twiceSide < 0) {
    const empty = loading(0);
    return { perSide: [], achieved: empty.achieved, exact: false, below: null, above: empty };
  }
  const floorSteps = floorDiv(twiceSide, 2 * step);
  if (floorSteps * 2 * step === twiceSide && floorSteps <= capacity && reachable[floorSteps] >= 0) {
    return loading(floorSteps);
  }
  const ceilSteps = floorSteps * 2 * step === twiceSide ? floorSteps : floorSteps + 1;
  let below = null;
  for (let s = Math.min(floorSteps, capacity); s >= 0; s--) {
    if (reachable[s] >= 0) {
      below = loading(s);
      break;
    }
  }
  let above = null;
  for (let s = ceilSteps; s <= capacity; s++) {
    if (reachable[s] >= 0) {
      above = loading(s);
      break;
    }
  }
  return { perSide: below.perSide, achieved: below.achieved, exact: false, below, above };
}
