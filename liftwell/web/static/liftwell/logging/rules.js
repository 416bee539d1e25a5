// The training vocabulary of the logging screen, as the server hands it over: the set kinds (in the order a
// tap on a set's kind cycles through them) with their labels, badges and whether they count for tonnage,
// the warm-up and default kinds, and the standard plate sets by unit. They are defined once, in
// liftwell/core/training.py and liftwell/core/plates.py; training/log_workout.html writes them into the
// page with json_script (id "logging-rules"), so they stay with the page when it is kept offline.

/** The rules written into the page. */
export function readRules(doc = globalThis.document) {
  const node = doc.getElementById("logging-rules");
  if (!node) throw new Error("The page lacks #logging-rules (see training/log_workout.html).");
  return JSON.parse(node.textContent);
}

/** The kind's entry ({value, label, badge, tonnage}), or undefined for a kind the server did not name. */
export function kindOf(rules, value) {
  return rules.set_kinds.find((kind) => kind.value === value);
}

/** The kind after `value` in the server's order, back to the first after the last. */
export function nextKind(rules, value) {
  const values = rules.set_kinds.map((kind) => kind.value);
  return values[(values.indexOf(value) + 1) % values.length];
}

export function isWarmup(rules, value) {
  return value === rules.warmup_kind;
}

/**
 * Tonnage (kg) of `sets`: load x reps over the done sets whose kind counts (liftwell.core.training:
 * `counts_for_tonnage` and `tonnage_kg`); a set without a load or reps adds nothing.
 */
export function tonnageKg(rules, sets) {
  return sets
    .filter((set) => set.completed && kindOf(rules, set.kind)?.tonnage)
    .reduce((total, set) => total + Number(set.load_kg || 0) * (set.reps || 0), 0);
}

/** The plate set to use: the person's own, else the standard set of `unit`. */
export function plateSetFor(rules, me, unit) {
  return me?.plate_set ?? rules.plate_sets[unit];
}
