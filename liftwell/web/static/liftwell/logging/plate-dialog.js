// The plate calculator: plates per side for the typed load, with the person's own bar and plates.
// The load is converted into the plate set's unit (a kg lifter may own lb plates); the search is the exact
// one in plates.js, so it finds loadings greedy misses, or the nearest loadable totals below and above.

import { loadBar } from "./plates.js";
import { Dialog, html } from "./ui.js";
import { convert, parseNumber, plain } from "./units.js";

function PlateList({ plates, unit }) {
  if (!plates.length) return html`<p class="plates-empty">Just the bar.</p>`;
  return html`<ul class="plate-list" aria-label="Plates on each side">
    ${plates.map((weight, index) => html`<li key=${index} class="plate">${plain(weight, 2)}<span class="visually-hidden"> ${unit}</span></li>`)}
  </ul>`;
}

function Option({ label, loading, plateUnit, unit, onUse }) {
  const shown = plain(convert(loading.achieved, plateUnit, unit), 2);
  return html`<div class="plate-option">
    <p><strong>${label}: ${plain(loading.achieved, 2)} ${plateUnit}</strong>${plateUnit !== unit ? ` (${shown} ${unit})` : ""}</p>
    <${PlateList} plates=${loading.perSide} unit=${plateUnit} />
    <button type="button" class="secondary" onClick=${() => onUse(shown)}>Use ${shown} ${unit}</button>
  </div>`;
}

export function PlateDialog({ loadText, unit, plateSet, onUse, onClose }) {
  const typed = parseNumber(loadText);
  const plateUnit = plateSet.unit;
  const kit = {
    bar: Number(plateSet.bar),
    collar: Number(plateSet.collar || 0),
    plates: plateSet.plates.map(([weight, pairs]) => [Number(weight), Number(pairs)]),
  };
  let body;
  if (typed === null) {
    body = html`<p>Type a load first, then open the plate calculator.</p>`;
  } else {
    const target = Number(plain(convert(typed, unit, plateUnit), 2));
    const result = loadBar(target, kit);
    const bar = html`<p class="muted">Bar ${plain(kit.bar, 2)} ${plateUnit}${kit.collar ? `, collars ${plain(kit.collar, 2)} ${plateUnit} each` : ""}.</p>`;
    if (result.exact) {
      body = html`<p class="plate-target"><strong>${plain(target, 2)} ${plateUnit}</strong> <span class="badge ok">exact</span></p>
        <h3 class="plate-heading">Per side</h3>
        <${PlateList} plates=${result.perSide} unit=${plateUnit} />
        ${bar}`;
    } else {
      body = html`<p class="plate-target"><strong>${plain(target, 2)} ${plateUnit}</strong> cannot be loaded exactly${
        result.below ? "" : " (lighter than the empty bar)"
      }.</p>
        ${result.below && html`<${Option} label="Nearest below" loading=${result.below} plateUnit=${plateUnit} unit=${unit} onUse=${onUse} />`}
        ${result.above && html`<${Option} label="Nearest above" loading=${result.above} plateUnit=${plateUnit} unit=${unit} onUse=${onUse} />`}
        ${bar}`;
    }
  }
  return html`<${Dialog} title="Plates" className="plates-dialog" onClose=${onClose}>
    <div class="dialog-body" aria-live="polite">${body}</div>
  <//>`;
}
