// The logging screen: renders the workout from the store and turns taps into store actions.
// Entry point of /log/<client_id>/ (see templates/training/log_workout.html for the data attributes).

import { configure } from "./api.js";
import { PlateDialog } from "./plate-dialog.js";
import { ExercisePicker } from "./picker.js";
import { isWarmup, kindOf, readRules } from "./rules.js";
import { WorkoutStore } from "./store.js";
import { clearError, onStatus } from "./sync.js";
import { RestTimer, primeAudio } from "./timer.js";
import { Dialog, Icon, html, render, useEffect, useRef, useState } from "./ui.js";
import { clock, describeSet, duration, fromKg } from "./units.js";

const REST_CHOICES = [30, 45, 60, 90, 120, 150, 180, 240, 300];
const BARBELL = new Set(["barbell", "ez_bar", "trap_bar", "smith_machine"]);

function useSubscription(subscribe, initial) {
  const [value, setValue] = useState(initial);
  useEffect(() => subscribe(setValue), []);
  return value;
}

function SyncStatus() {
  const status = useSubscription(onStatus, { state: "saved", waiting: 0, error: null });
  const text = {
    saved: "Saved",
    saving: "Saving…",
    offline: `Offline, ${status.waiting} waiting`,
    error: "Not saved",
  }[status.state];
  return html`<div class="sync" role="status">
    <span class=${`sync-dot sync-${status.state}`} aria-hidden="true"></span>
    <span class="sync-text">${text}</span>
    ${status.waiting > 0 &&
    html`<span class="sync-badge" data-waiting=${status.waiting}
      aria-label=${`${status.waiting} ${status.waiting === 1 ? "change" : "changes"} waiting to be sent`}>${status.waiting}</span>`}
    ${status.error &&
    html`<span class="sync-error">${status.error}
      <button type="button" class="link" onClick=${clearError}>Dismiss</button></span>`}
  </div>`;
}

function Elapsed({ startedAt }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return html`<span class="elapsed">${clock((now - new Date(startedAt).getTime()) / 1000)}</span>`;
}

/** "PR" on a set that broke a personal record the moment it was logged, naming the records. */
function RecordBadge({ records }) {
  if (!records?.length) return null;
  const names = records.map((record) => record.label.toLowerCase()).join(", ");
  return html`<span class="pr-badge" role="status" title=${`New personal record: ${names}`}>PR<span
    class="visually-hidden">: new personal record, ${names}. </span></span>`;
}

function SetRow({ store, block, set, number, editing, barbell, unit, onPlates, onCompleted }) {
  const previous = store.previousFor(block, set);
  const kind = kindOf(store.rules, set.kind);
  const label = isWarmup(store.rules, set.kind) ? `Warm-up set ${number}` : `Set ${number}`;
  const badge = kind?.badge || String(number);
  const kindButton = html`<button type="button" class=${`kind kind-${set.kind}`}
    aria-label=${`${label}: ${kind?.label}. Change kind`} onClick=${() => store.cycleKind(set.client_id)}>${badge}</button>`;
  const load = html`<input class="load" type="text" inputmode="decimal" autocomplete="off" enterkeyhint="next"
    aria-label=${`${label} load in ${unit}`} value=${set.loadText}
    placeholder=${previous ? fromKg(previous.load_kg, unit) : ""}
    onInput=${(event) => store.draftSet(set.client_id, { loadText: event.target.value })}
    onChange=${(event) => store.updateSet(set.client_id, { loadText: event.target.value })} />`;
  const reps = html`<input class="reps" type="text" inputmode="numeric" pattern="[0-9]*" autocomplete="off"
    enterkeyhint="done" aria-label=${`${label} reps`} value=${set.repsText}
    placeholder=${previous && previous.reps !== null ? String(previous.reps) : ""}
    onInput=${(event) => store.draftSet(set.client_id, { repsText: event.target.value })}
    onChange=${(event) => store.updateSet(set.client_id, { repsText: event.target.value })} />`;
  if (editing) {
    return html`<li class="set-row editing">
      ${kindButton}
      <button type="button" class="icon secondary" aria-label=${`Move ${label.toLowerCase()} up`}
        onClick=${() => store.moveSet(set.client_id, -1)}>${Icon("up")}</button>
      <button type="button" class="icon secondary" aria-label=${`Move ${label.toLowerCase()} down`}
        onClick=${() => store.moveSet(set.client_id, 1)}>${Icon("down")}</button>
      <button type="button" class="icon secondary danger" aria-label=${`Remove ${label.toLowerCase()}`}
        onClick=${() => store.removeSet(set.client_id)}>${Icon("trash")}</button>
      ${load} ${reps}
    </li>`;
  }
  return html`<li class=${`set-row${set.completed ? " done" : ""}`}>
    ${kindButton}
    <span class="previous">${RecordBadge({ records: set.records })}<span class="visually-hidden">Previous: </span>${describeSet(previous, unit) || "—"}</span>
    ${load}
    ${barbell &&
    html`<button type="button" class="icon secondary plates-button" aria-label=${`Plates for ${label.toLowerCase()}`}
      onClick=${() => onPlates(set)}>${Icon("plates")}</button>`}
    ${reps}
    <button type="button" class="icon done-button" aria-pressed=${set.completed ? "true" : "false"}
      aria-label=${`Complete ${label.toLowerCase()}`}
      onClick=${() => {
        primeAudio();
        if (store.completeSet(set.client_id)) onCompleted(block);
      }}>${Icon("check")}</button>
  </li>`;
}

function Block({ store, block, index, total, unit, onPlates, onCompleted }) {
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState("");
  const headingId = `block-${block.client_id}`;
  const barbell = BARBELL.has(block.equipment);
  const defaultRest = store.state.me ? store.state.me.default_rest_s : 120;
  let working = 0;
  let warm = 0;
  const rows = block.sets.map((set) => {
    const number = isWarmup(store.rules, set.kind) ? ++warm : ++working;
    return html`<${SetRow} key=${set.client_id} store=${store} block=${block} set=${set} number=${number}
      editing=${editing} barbell=${barbell} unit=${unit} onPlates=${onPlates} onCompleted=${onCompleted} />`;
  });
  const hasWarmups = block.sets.some((s) => isWarmup(store.rules, s.kind));
  return html`<article class=${`block${barbell ? " barbell" : ""}`} aria-labelledby=${headingId}>
    <h2 id=${headingId} class="block-title" tabindex="-1">${block.name}</h2>
    <details class="block-options">
      <summary>
        <span class="options-label">Options<span class="visually-hidden"> for ${block.name}</span></span>
        <span class="rest-chip">Rest ${clock(store.restFor(block))}</span>
      </summary>
      <label for=${`rest-${block.client_id}`}>Rest timer</label>
      <select id=${`rest-${block.client_id}`} value=${block.rest_s === null ? "" : String(block.rest_s)}
        onChange=${(event) =>
          store.updateExercise(block.client_id, { rest_s: event.target.value === "" ? null : Number(event.target.value) })}>
        <option value="">Default (${clock(defaultRest)})</option>
        ${REST_CHOICES.map((s) => html`<option value=${String(s)}>${clock(s)}</option>`)}
      </select>
      <label for=${`notes-${block.client_id}`}>Notes</label>
      <textarea id=${`notes-${block.client_id}`} rows="2" value=${block.notes}
        onChange=${(event) => store.updateExercise(block.client_id, { notes: event.target.value })}></textarea>
      <div class="button-row">
        <button type="button" class="secondary" disabled=${index === 0}
          onClick=${() => store.moveExercise(block.client_id, -1)}>${Icon("up")} Move up</button>
        <button type="button" class="secondary" disabled=${index === total - 1}
          onClick=${() => store.moveExercise(block.client_id, 1)}>${Icon("down")} Move down</button>
        <button type="button" class="secondary" aria-pressed=${editing ? "true" : "false"}
          onClick=${() => setEditing(!editing)}>${editing ? "Done editing sets" : "Edit sets"}</button>
        <button type="button" class="secondary danger"
          onClick=${() => window.confirm(`Remove ${block.name} and its sets?`) && store.removeExercise(block.client_id)}>
          ${Icon("trash")} Remove exercise</button>
      </div>
    </details>
    ${block.notes && html`<p class="block-notes">${block.notes}</p>`}
    <div class="set-head" aria-hidden="true">
      <span>Set</span><span>Previous</span><span>${unit}</span>${barbell && html`<span></span>`}<span>Reps</span><span>Done</span>
    </div>
    <ol class="sets" aria-label=${`Sets of ${block.name}`}>${rows}</ol>
    <p class="visually-hidden" aria-live="polite">${message}</p>
    <div class="button-row block-actions">
      <button type="button" class="secondary" onClick=${() => store.addSet(block.client_id)}>${Icon("plus")} Add set</button>
      <button type="button" class="secondary" disabled=${hasWarmups}
        onClick=${() => {
          const added = store.addWarmups(block.client_id);
          setMessage(added ? `${added} warm-up sets added` : "Type a working load first");
        }}>Warm-up sets</button>
    </div>
  </article>`;
}

function RestBar({ timer }) {
  const [state, setState] = useState(timer.current);
  const [announcement, setAnnouncement] = useState("");
  const wasRunning = useRef(false);
  useEffect(() => {
    timer.listen((next) => {
      setState(next);
      if (next.running && !wasRunning.current) setAnnouncement(`Rest timer started: ${clock(next.remaining)}`);
      if (!next.running && next.justFinished) setAnnouncement("Rest over");
      wasRunning.current = next.running;
    });
  }, []);
  const adjust = (delta) => {
    timer.instance.adjust(delta);
    setAnnouncement(`${clock(timer.instance.remaining())} left`);
  };
  return html`<div class="rest-region" role="region" aria-label="Rest timer">
    <p class="visually-hidden rest-announce" aria-live="polite">${announcement}</p>
    ${state.running &&
    html`<div class="rest-bar">
      <div class="rest-info">
        <span class="rest-label">Rest${state.label ? ` · ${state.label}` : ""}</span>
        <span class="rest-time" role="timer" aria-label="Rest left">${clock(state.remaining)}</span>
        <progress max=${state.total} value=${state.total - state.remaining} aria-hidden="true"></progress>
      </div>
      <button type="button" class="secondary" aria-label="15 seconds less" onClick=${() => adjust(-15)}>−15 s</button>
      <button type="button" class="secondary" aria-label="15 seconds more" onClick=${() => adjust(15)}>+15 s</button>
      <button type="button" onClick=${() => timer.instance.stop()}>Skip</button>
    </div>`}
  </div>`;
}

function FinishDialog({ store, onClose, onFinished }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const { done, open } = store.counts();
  const finish = async () => {
    setBusy(true);
    setError("");
    try {
      await store.finish();
      onFinished();
    } catch (failure) {
      setBusy(false);
      setError(failure.message);
    }
  };
  return html`<${Dialog} title="Finish workout?" onClose=${onClose} describedBy="finish-text">
    <div class="dialog-body">
      <p id="finish-text">${done} ${done === 1 ? "set" : "sets"} done.${
        open ? ` ${open} unfinished ${open === 1 ? "set" : "sets"} will be removed.` : ""
      }</p>
      ${error && html`<p class="form-error" role="alert">${error}</p>`}
      <div class="button-row">
        <button type="button" data-autofocus disabled=${busy} onClick=${finish}>${busy ? "Saving…" : "Finish workout"}</button>
        <button type="button" class="secondary" onClick=${onClose}>Keep logging</button>
      </div>
    </div>
  <//>`;
}

function Summary({ summary, unit, links }) {
  const heading = useRef(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const value = (record) =>
    record.kind === "rep_record"
      ? `${record.value} reps${record.previous !== null ? ` (was ${record.previous})` : ""}`
      : `${fromKg(record.value, unit)} ${unit}${record.previous !== null ? ` (was ${fromKg(record.previous, unit)} ${unit})` : ""}`;
  return html`<section class="summary" aria-labelledby="summary-title">
    <h1 id="summary-title" tabindex="-1" ref=${heading}>Workout finished</h1>
    <dl class="summary-stats">
      <div><dt>Duration</dt><dd>${duration(summary.duration_s)}</dd></div>
      <div><dt>Sets</dt><dd>${summary.sets}</dd></div>
      <div><dt>Volume</dt><dd>${fromKg(summary.volume_kg, unit) || "0"} ${unit}</dd></div>
    </dl>
    <h2>Personal records</h2>
    ${summary.records.length
      ? html`<ul class="records">${summary.records.map(
          (record) => html`<li><strong>${record.label}</strong> · ${record.exercise_name}: ${value(record)}</li>`,
        )}</ul>`
      : summary.local
        ? html`<p class="muted">Records show once this workout reaches the server.</p>`
        : html`<p class="muted">No new records this time. Consistency builds them.</p>`}
    <div class="button-row">
      <a class="button" href=${links.history}>See history</a>
      <a class="button secondary" href=${links.home}>Home</a>
    </div>
  </section>`;
}

function App({ store, timer, links }) {
  const state = useSubscription((set) => store.subscribe(set), store.state);
  const [picker, setPicker] = useState(false);
  const [plates, setPlates] = useState(null);
  const [finishing, setFinishing] = useState(false);
  const addButton = useRef(null);

  if (state.loading) return html`<p class="muted" role="status">Loading your workout…</p>`;
  if (state.error) return html`<p class="form-error" role="alert">Could not load the workout: ${state.error}</p>`;
  if (state.summary) return html`<${Summary} summary=${state.summary} unit=${state.unit} links=${links} />`;

  const onCompleted = (block) => timer.instance.start(store.restFor(block), block.name);
  const pick = async (exercise) => {
    setPicker(false);
    const blockId = await store.addExercise(exercise);
    // Put focus (and the screen) on the new exercise, without popping up the keyboard.
    const heading = document.getElementById(`block-${blockId}`);
    if (heading) heading.focus();
  };
  const { workout } = state;
  const title = workout.title || "Workout";
  return html`<div class="log-screen">
    <header class="log-head">
      <div class="log-title">
        <h1>${title}</h1>
        <p class="muted">Time <${Elapsed} startedAt=${workout.started_at} /></p>
      </div>
      <button type="button" class="finish-button" onClick=${() => setFinishing(true)}>Finish</button>
    </header>
    <${SyncStatus} />
    ${state.blocks.length === 0 && html`<p class="empty">No exercises yet. Add the first one to start logging.</p>`}
    ${state.blocks.map(
      (block, index) => html`<${Block} key=${block.client_id} store=${store} block=${block} index=${index}
        total=${state.blocks.length} unit=${state.unit} onCompleted=${onCompleted}
        onPlates=${(set) => setPlates({ setId: set.client_id, loadText: set.loadText })} />`,
    )}
    <button type="button" class="add-exercise" ref=${addButton} onClick=${() => setPicker(true)}>
      ${Icon("plus")} Add exercise</button>
    <${RestBar} timer=${timer} />
    ${picker && html`<${ExercisePicker} onPick=${pick} onClose=${() => setPicker(false)} />`}
    ${plates &&
    html`<${PlateDialog} loadText=${plates.loadText} unit=${state.unit} plateSet=${store.plateSet()}
      onClose=${() => setPlates(null)}
      onUse=${(text) => {
        store.updateSet(plates.setId, { loadText: text });
        setPlates(null);
      }} />`}
    ${finishing &&
    html`<${FinishDialog} store=${store} onClose=${() => setFinishing(false)}
      onFinished=${() => {
        timer.instance.stop();
        setFinishing(false);
      }} />`}
  </div>`;
}

function start() {
  const root = document.getElementById("log-app");
  if (!root) return;
  const { unit, apiBase, historyUrl, homeUrl } = root.dataset;
  // Offline, the service worker answers any /log/<uuid>/ with one generic copy of this page: the URL
  // then says which workout.
  const inPath = window.location.pathname.match(/\/log\/([0-9a-f-]{36})\/?$/i);
  const workout = root.dataset.workout || (inPath?.[1] ?? null);
  configure({ apiBase });
  const store = new WorkoutStore({ workoutId: workout, unit, rules: readRules(document) });
  // The timer lives outside Preact; the rest bar listens to it.
  const timer = { listeners: new Set(), current: { running: false, remaining: 0, total: 0, label: "" } };
  timer.listen = (listener) => {
    timer.listeners.add(listener);
    listener(timer.current);
  };
  timer.instance = new RestTimer(workout, (state) => {
    timer.current = state;
    for (const listener of timer.listeners) listener(state);
  });
  root.textContent = "";
  render(html`<${App} store=${store} timer=${timer} links=${{ history: historyUrl, home: homeUrl }} />`, root);
  store.load();
}

start();
