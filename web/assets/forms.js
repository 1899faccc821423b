// forms.js - helpers for forms that post to the API: a problem answer's `field` becomes a
// highlighted input (aria-invalid, error style) and its `detail` the text of the form's alert.

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
