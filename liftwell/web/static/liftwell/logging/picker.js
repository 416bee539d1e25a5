// The "Add exercise" sheet: your recent exercises first, then the library; typing searches names and
// aliases as you type (debounced, the latest query wins).

import { get } from "./api.js";
import { cachedGet, searchLibrary } from "./cache.js";
import { Dialog, html, useEffect, useRef, useState } from "./ui.js";

const DEBOUNCE_MS = 200;

function equipmentLabel(equipment) {
  return equipment ? equipment.replace(/_/g, " ") : "";
}

function PickList({ items, onPick, label }) {
  if (!items.length) return null;
  return html`<ul class="pick-list" aria-label=${label}>
    ${items.map(
      (item) => html`<li key=${item.id}>
        <button type="button" class="pick" onClick=${() => onPick(item)}>
          <span class="pick-name">${item.name}</span>
          ${item.equipment && html`<span class="pick-meta">${equipmentLabel(item.equipment)}</span>`}
          ${item.times && html`<span class="pick-meta">${item.times}× logged</span>`}
        </button>
      </li>`,
    )}
  </ul>`;
}

export function ExercisePicker({ onPick, onClose }) {
  const [query, setQuery] = useState("");
  const [recent, setRecent] = useState([]);
  const [results, setResults] = useState(null);
  const [error, setError] = useState("");
  const latest = useRef(0);

  useEffect(() => {
    cachedGet("recent-exercises?limit=15")
      .then((rows) => setRecent(rows.map((row) => ({ id: row.exercise_id, name: row.name, times: row.times }))))
      .catch(() => setRecent([]));
  }, []);

  useEffect(() => {
    const ticket = ++latest.current;
    const controller = new AbortController();
    const timer = setTimeout(
      () => {
        get(`exercises?search=${encodeURIComponent(query.trim())}`, { signal: controller.signal })
          .then((page) => {
            if (ticket !== latest.current) return;
            setError("");
            setResults(page.items.map((item) => ({ id: item.id, name: item.name, equipment: item.equipment })));
          })
          .catch(async (failure) => {
            if (failure.name === "AbortError" || ticket !== latest.current) return;
            if (failure.retryable) {
              // Offline: search the library kept on this device.
              const found = await searchLibrary(query.trim());
              if (ticket !== latest.current) return;
              setError("");
              setResults(found.slice(0, 50));
              return;
            }
            setError(failure.message);
          });
      },
      query ? DEBOUNCE_MS : 0,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const searching = query.trim() !== "";
  return html`<${Dialog} title="Add exercise" className="sheet" onClose=${onClose}>
    <div class="sheet-search">
      <label for="exercise-search" class="visually-hidden">Search exercises by name or alias</label>
      <input id="exercise-search" type="search" data-autofocus autocomplete="off" enterkeyhint="search"
        placeholder="Search, e.g. bench or rdl" value=${query} onInput=${(event) => setQuery(event.target.value)} />
    </div>
    <div class="sheet-body">
      <p class="visually-hidden" aria-live="polite">
        ${searching && results ? `${results.length} exercises found` : ""}
      </p>
      ${error && html`<p class="form-error" role="alert">${error}</p>`}
      ${!searching &&
      recent.length > 0 &&
      html`<h3 class="pick-heading">Recent</h3><${PickList} items=${recent} onPick=${onPick} label="Recent exercises" />`}
      ${!searching && html`<h3 class="pick-heading">All exercises</h3>`}
      ${results && results.length === 0 && html`<p class="muted">No exercise matches “${query}”.</p>`}
      <${PickList} items=${results || []} onPick=${onPick} label=${searching ? "Search results" : "All exercises"} />
    </div>
  <//>`;
}
