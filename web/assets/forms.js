// forms.js - helpers for forms that post to the API: a problem answer's `field` becomes a
// highlighted input (aria-invalid, error style) and its `detail` the text of the form's alert;
// a stale version (409) becomes "changed by someone else, reload"; PATCH bodies carry only the
// members that changed. useForm and the FormProblem / FormActions pieces are the state and the
// markup every such form shares.
import { html, useState } from '/vendor/preact-htm.js';
import { Alert, Button } from './ui.js';

/**
 * Props for an input that a problem answer may name: highlights it (aria-invalid, error style)
 * and points it at the alert that holds the detail.
 */
export function problemProps(problem, field, alertId, hintId) {
  const bad = problem && problem.field === field;
  return {
    'aria-invalid': bad ? 'true' : undefined,
    'aria-describedby': bad ? alertId : hintId,
    class: bad ? 'is-invalid' : undefined,
  };
}

/** The alert text for a problem: "Label: detail" when it names a field of the form. */
export function problemText(problem, labels) {
  if (!problem) return null;
  const label = problem.field && labels[problem.field];
  return label ? `${label}: ${problem.detail}` : problem.detail;
}

/** Focus the input a problem names (ids are prefix + field), once the DOM has updated. */
export function focusProblemField(problem, prefix) {
  if (!problem?.field) return;
  setTimeout(() => document.getElementById(prefix + problem.field)?.focus(), 0);
}

/** The text shown for a 409 on a stale If-Match version. */
export const STALE_TEXT = 'This record was changed by someone else. Reload to see the current version, then make your change again.';

/**
 * An ApiError as the {field, detail, stale} a form shows: a stale version (409 on
 * header.If-Match) becomes the "changed by someone else, reload" text and names no input.
 */
export function toProblem(err) {
  if (err && err.status === 409 && err.field === 'header.If-Match') {
    return { field: null, detail: STALE_TEXT, stale: true, status: 409 };
  }
  return { field: err?.field || null, detail: err?.detail || String(err), stale: false, status: err?.status };
}

/** The members of `next` whose value differs from `prev` (for a PATCH of only what changed). */
export function changedMembers(prev, next) {
  const out = {};
  for (const [k, v] of Object.entries(next)) {
    if (v !== prev[k]) out[k] = v;
  }
  return out;
}

/** An input's onInput/onChange handler that stores its value (or checked state) under k. */
export function setter(setV, k) {
  return (e) => {
    const t = e.currentTarget;
    const value = t.type === 'checkbox' ? t.checked : t.value;
    setV((v) => ({ ...v, [k]: value }));
  };
}

/**
 * The state of a form that sends to the API, its inputs' ids starting with `prefix`:
 * {problem, busy, fail(p), run(fn), pp(field, hintId)}. run(fn) sets busy, clears the problem
 * and awaits fn; an ApiError it throws is shown (toProblem) and its field focused. fail(p)
 * shows a problem found before sending.
 */
export function useForm(prefix) {
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  function fail(p) {
    setProblem(p);
    focusProblemField(p, prefix);
  }
  async function run(fn) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await fn();
    } catch (err) {
      fail(toProblem(err));
    } finally {
      setBusy(false);
    }
  }
  const pp = (field, hintId) => problemProps(problem, field, `${prefix}error`, hintId);
  return { problem, busy, fail, run, pp, clear: () => setProblem(null) };
}

/** The alert of a form: "Label: detail", and a Reload button when the version was stale. */
export function FormProblem({ form, prefix, labels, onReload }) {
  const p = form.problem;
  if (!p) return null;
  return html`<${Alert} kind="error" id=${`${prefix}error`}>${problemText(p, labels)}
    ${p.stale && onReload ? html` <button type="button" class="link-btn" onClick=${onReload}>Reload</button>` : null}<//>`;
}

/** The submit and Cancel buttons of a form. */
export function FormActions({ form, label = 'Save', busyLabel = 'Saving…', onCancel }) {
  return html`<div class="form-actions">
    <${Button} kind="primary" type="submit" busy=${form.busy} busyLabel=${busyLabel}>${label}<//>
    ${onCancel ? html`<${Button} kind="ghost" onClick=${onCancel} disabled=${form.busy}>Cancel<//>` : null}
  </div>`;
}
