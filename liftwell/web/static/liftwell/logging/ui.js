// Shared pieces of the logging screen's UI: the Preact + htm import, a modal <dialog>, small icons.

import { html, useEffect, useRef } from "../../vendor/htm/standalone.module.js";

export * from "../../vendor/htm/standalone.module.js";

let counter = 0;
export function nextId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * A modal <dialog>, open while mounted: showModal() moves focus inside (to the [autofocus] element or the
 * first control) and traps it; Escape or the close button call onClose; unmounting gives focus back to
 * whatever opened it.
 */
export function Dialog({ title, onClose, className = "", children, describedBy }) {
  const ref = useRef(null);
  const titleId = useRef(nextId("dialog-title")).current;
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    const autofocus = dialog.querySelector("[data-autofocus]");
    if (autofocus) autofocus.focus();
    const onCancel = (event) => {
      event.preventDefault();
      onClose();
    };
    dialog.addEventListener("cancel", onCancel);
    return () => {
      dialog.removeEventListener("cancel", onCancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected && typeof opener.focus === "function") opener.focus();
    };
  }, []);
  return html`
    <dialog ref=${ref} class=${`log-dialog ${className}`} aria-labelledby=${titleId} aria-describedby=${describedBy}>
      <div class="dialog-head">
        <h2 id=${titleId}>${title}</h2>
        <button type="button" class="icon secondary" aria-label="Close" onClick=${onClose}>${Icon("close")}</button>
      </div>
      ${children}
    </dialog>
  `;
}

const PATHS = {
  close: "M6 6l12 12M18 6L6 18",
  check: "M5 12.5l4.5 4.5L19 7",
  up: "M12 19V5M6 11l6-6 6 6",
  down: "M12 5v14M6 13l6 6 6-6",
  trash: "M5 7h14M10 7V5h4v2M7 7l1 12h8l1-12",
  plus: "M12 5v14M5 12h14",
  more: "M5 12h.01M12 12h.01M19 12h.01",
};

/** A stroke icon, hidden from screen readers (the button it sits in carries the label). */
export function Icon(name) {
  if (name === "plates") {
    return html`<svg class="icon-svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M2 12h20" /><rect x="6" y="4" width="3.5" height="16" rx="1" /><rect x="10.5" y="6.5" width="2.5" height="11" rx="1" />
      <rect x="14.5" y="4" width="3.5" height="16" rx="1" />
    </svg>`;
  }
  return html`<svg class="icon-svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d=${PATHS[name]} />
  </svg>`;
}
