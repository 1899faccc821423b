// case-status-dialog.js - the Case Status dialog: the options of a case status report to
// advisors (office, case manager, which advisors, which pending cases and what to include, how to
// send, masking, the subject), Preview (the options freeze and the advisors who would get a
// report are listed with their method, address, cases and issues; Print is the preview's PDF),
// Send (from the preview, or straight from the options) and the result of the send, read every
// second until every report is e-mailed, printed, failed or in doubt, with the letters' PDF.
// It opens from the side menu and the Reports page (mass send), from the case list with tagged
// cases and from the advisors list with tagged advisors (advisors.js; the Advisor section is then
// fixed). API: POST /api/v1/reports/status/preview, POST /api/v1/reports/status/send,
// GET /api/v1/reports/status/{id}, GET /api/v1/offices/{id}/follow-up (docs/api.md, "Pending
// cases and case status reports"). The setup behind it is report-setup.js.
import { html, useState, useEffect, useRef } from '/vendor/preact-htm.js';
import { get, post } from './api.js';
import { Alert, Button, Dash, Icon, Panel, Spinner } from './ui.js';
import { SearchPicker, CasePicker } from './pickers.js';
import { loadLists, loadPeople, stageType, statusesFor } from './lists.js';

const ADVISOR_CHOICES = [
  { value: 'all', label: 'All advisors', hint: 'primary, writing, servicing, referral and every other advisor role' },
  { value: 'primary', label: 'All primary advisors' },
  { value: 'selected', label: 'Selected advisors' },
];
const METHOD_CHOICES = [
  { value: 'preferred', label: "Each advisor's preferred method" },
  { value: 'email', label: 'E-mail all' },
  { value: 'print', label: 'Print all' },
];
const MASK_CHOICES = [
  { value: 'none', label: 'Nothing' }, { value: 'policy', label: 'Policy number' },
  { value: 'name', label: 'Insured name' }, { value: 'both', label: 'Policy number and insured name' },
];
const INCLUDE_CHOICES = [
  { k: 'informal', label: 'Informal cases' }, { k: 'informal_child', label: 'Informal child cases' },
  { k: 'group', label: 'Group pending cases' }, { k: 'pos_requirements', label: 'Outstanding POS requirements' },
];
export const METHOD_LABELS = { email: 'E-mail', letter: 'Letter' };
export const OUTCOME_LABELS = { queued: 'Queued', emailed: 'E-mailed', printed: 'Printed', failed: 'Failed', in_doubt: 'In doubt' };
const OUTCOME_BADGE = { queued: 'badge-muted', emailed: 'badge-success', printed: 'badge-success', failed: 'badge-danger', in_doubt: 'badge-warn' };

// Which section of the form shows a problem the server names (its `field`, without "options.").
const SECTION_OF = {
  office_id: 'office', case_manager_id: 'manager', advisors: 'advisors', advisor_ids: 'advisors',
  cases: 'cases', case_ids: 'cases', stage_status_id: 'cases', include: 'cases',
  method: 'method', one_case_per_letter: 'method', show_logo: 'method', mask: 'method', subject: 'subject',
};
const sectionOf = (field) => (field ? SECTION_OF[field] || SECTION_OF[field.split('.')[0]] || null : null);

/** The form's starting values: everything by default, or the tagged advisors or cases. */
function initialValues(cases, advisors) {
  return {
    office_id: '',
    advisors: advisors?.length ? 'selected' : 'all',
    cases: cases?.length ? 'selected' : 'all',
    stage_status_id: '',
    include: { informal: false, informal_child: false, group: false, pos_requirements: false },
    method: 'preferred',
    one_case_per_letter: false,
    show_logo: false,
    mask: 'none',
    subjectMode: 'default',
    subject: '',
  };
}

/** The options as docs/api.md describes them, or {problem} for what is missing. */
function buildOptions(v, manager, advisors, cases) {
  const o = {
    office_id: v.office_id ? Number(v.office_id) : null,
    case_manager_id: manager ? manager.id : null,
    advisors: v.advisors,
    cases: v.cases,
    include: { ...v.include },
    method: v.method,
    one_case_per_letter: v.cases === 'follow_up' ? true : v.one_case_per_letter,
    show_logo: v.show_logo,
    mask: v.mask,
    subject: v.subjectMode === 'custom' ? v.subject.trim() : '',
  };
  if (v.advisors === 'selected') {
    if (!advisors.length) return { problem: { field: 'advisor_ids', detail: 'Choose at least one advisor.' } };
    o.advisor_ids = advisors.map((a) => a.id);
  }
  if (v.cases === 'selected') {
    if (!cases.length) return { problem: { field: 'case_ids', detail: 'Choose at least one pending case.' } };
    o.case_ids = cases.map((c) => c.id);
  }
  if (v.cases === 'stage') {
    if (!v.stage_status_id) return { problem: { field: 'stage_status_id', detail: 'Choose a stage.' } };
    o.stage_status_id = Number(v.stage_status_id);
  }
  if (v.subjectMode === 'custom' && !o.subject) return { problem: { field: 'subject', detail: 'Type the subject, or use the default one.' } };
  return { options: o };
}

/** An API error as the problem the dialog shows: the field without "options.", and a clear 403. */
function toDialogProblem(err) {
  const field = err?.field ? err.field.replace(/^options\./, '') : null;
  if (err?.status === 403) {
    return {
      field: null, status: 403, detail: `${err.detail} Reports to all advisors or for all pending cases, a stage or the `
        + 'follow-up date need the right to send status reports in bulk; reports for selected advisors or cases need '
        + 'the right to send them selectively.',
    };
  }
  return { field, status: err?.status, detail: err?.detail || String(err) };
}

/** A case for the picked list: "2026-00012 Whitfield – Term Life". */
const caseText = (c) => [c.number, c.name].filter(Boolean).join(' · ');

/**
 * The dialog. `cases` ([{id, number, name}]) preselects "selected pending cases"; `advisors`
 * ([{id, name}]) preselects "selected advisors" and fixes the Advisor section. onClose() when
 * the user closes it (a send already under way goes on).
 */
export function CaseStatusDialog({ me, cases, advisors, onClose }) {
  const [v, setV] = useState(() => initialValues(cases, advisors));
  const [manager, setManager] = useState(null);
  const [pickedAdvisors, setPickedAdvisors] = useState(advisors || []);
  const [pickedCases, setPickedCases] = useState(cases || []);
  const [ctx, setCtx] = useState(null); // {offices, stages, defaultSubject}
  const [ctxError, setCtxError] = useState(null);
  const [followUp, setFollowUp] = useState({}); // office id -> 'none' | 'stage' | 'unknown'
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(null); // 'preview' | 'send'
  const [confirming, setConfirming] = useState(false);
  const [preview, setPreview] = useState(null);
  const [sendId, setSendId] = useState(null);
  const advisorsFixed = !!advisors?.length;
  const frozen = !!preview || !!sendId;

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const l = await loadLists(['offices', 'statusTypes', 'statuses']);
        const stage = stageType(l.statusTypes);
        const stages = stage ? statusesFor(l.statuses, stage.id, 'insurance').filter((s) => !s.closing) : [];
        let defaultSubject = null;
        try {
          defaultSubject = (await get('/setup/status-report')).default_subject || null;
        } catch {
          // The default subject is only shown as a hint; the server knows it either way.
        }
        if (live) setCtx({ offices: l.offices, stages, defaultSubject });
      } catch (err) {
        if (live) setCtxError(err.detail);
      }
    })();
    return () => { live = false; };
  }, []);

  // The office's follow-up method decides whether "by follow-up date" is offered.
  const office = v.office_id;
  useEffect(() => {
    if (!office || followUp[office]) return undefined;
    let live = true;
    get(`/offices/${office}/follow-up`)
      .then((f) => { if (live) setFollowUp((m) => ({ ...m, [office]: f?.method === 'stage' ? 'stage' : 'none' })); })
      .catch(() => { if (live) setFollowUp((m) => ({ ...m, [office]: 'unknown' })); });
    return () => { live = false; };
  }, [office]);
  const stageFollowUps = !!office && followUp[office] === 'stage';
  useEffect(() => {
    if (!stageFollowUps && v.cases === 'follow_up') setV((x) => ({ ...x, cases: 'all' }));
  }, [stageFollowUps]);

  const set = (k) => (e) => {
    const t = e.currentTarget;
    const value = t.type === 'checkbox' ? t.checked : t.value;
    setV((x) => ({ ...x, [k]: value }));
    if (problem && sectionOf(problem.field) === sectionOf(k)) setProblem(null);
  };
  const setInclude = (k) => (e) => {
    const checked = e.currentTarget.checked;
    setV((x) => ({ ...x, include: { ...x.include, [k]: checked } }));
  };

  function fail(p) {
    setProblem(p);
    const section = sectionOf(p.field);
    setTimeout(() => {
      const el = document.getElementById(section ? `cs-${section}` : 'cs-actions');
      el?.scrollIntoView({ block: 'nearest' });
      el?.querySelector('input:not(:disabled), select:not(:disabled), button:not(:disabled)')?.focus({ preventScroll: true });
    }, 0);
  }

  async function doPreview() {
    const built = buildOptions(v, manager, pickedAdvisors, pickedCases);
    if (built.problem) return fail(built.problem);
    setBusy('preview');
    setProblem(null);
    try {
      setPreview(await post('/reports/status/preview', built.options));
      setTimeout(() => document.getElementById('cs-preview-title')?.focus(), 0);
    } catch (err) {
      fail(toDialogProblem(err));
    } finally {
      setBusy(null);
    }
  }

  async function doSend() {
    let body;
    if (preview) {
      body = { preview_id: preview.id };
    } else {
      const built = buildOptions(v, manager, pickedAdvisors, pickedCases);
      if (built.problem) { setConfirming(false); return fail(built.problem); }
      body = { options: built.options };
    }
    setBusy('send');
    setProblem(null);
    try {
      const r = await post('/reports/status/send', body);
      setConfirming(false);
      setSendId(r.id ?? r.send_id);
      setTimeout(() => document.getElementById('cs-result-title')?.focus(), 0);
    } catch (err) {
      setConfirming(false);
      fail(toDialogProblem(err));
    } finally {
      setBusy(null);
    }
  }

  const pr = (section) => (problem && sectionOf(problem.field) === section ? problem : null);
  const general = problem && !sectionOf(problem.field) ? problem : null;

  let body;
  if (ctxError) {
    body = html`<${Alert} kind="error" title="The dialog could not be prepared">${ctxError}<//>`;
  } else if (!ctx) {
    body = html`<${Spinner} label="Loading the options…" />`;
  } else {
    body = html`
      ${sendId ? html`<${SendResult} id=${sendId} />` : null}
      ${preview && !sendId ? html`<${PreviewView} preview=${preview} />` : null}
      <form class="cs-form" novalidate hidden=${!!sendId} aria-label="Case status options" onSubmit=${(e) => { e.preventDefault(); doPreview(); }}>
        ${frozen ? html`<p class="cs-frozen-note" id="cs-frozen">
          <${Icon} name="shield" />These options are fixed now. To change them, close the dialog and start again.</p>` : null}
        <fieldset class="cs-options" disabled=${frozen} aria-describedby=${frozen ? 'cs-frozen' : undefined}>
          <${Section} id="office" title="Office" problem=${pr('office')}>
            <label class="visually-hidden" for="cs-office_id">Office</label>
            <select id="cs-office_id" value=${v.office_id} onChange=${set('office_id')} ...${invalid(pr('office'))}>
              <option value="">Every office</option>
              ${ctx.offices.map((o) => html`<option key=${o.id} value=${String(o.id)}>${o.name}</option>`)}
            </select>
            <p class="field-hint">${!office ? 'Pending cases of every office.'
              : followUp[office] === 'stage' ? 'This office schedules follow-ups by stage.'
              : followUp[office] ? 'This office does not schedule follow-ups by stage.' : 'Checking the office’s follow-ups…'}</p>
          <//>
          <${Section} id="manager" title="Case manager" problem=${pr('manager')}>
            <${PersonPicker} id="cs-case_manager_id" me=${me} value=${manager} onChange=${setManager}
              invalid=${!!pr('manager')} />
          <//>
          <${Section} id="advisors" title="Advisor" problem=${pr('advisors')}>
            ${advisorsFixed ? html`<p class="field-hint">The advisors tagged in the list:</p>
                <${PickedList} label="Selected advisors" items=${pickedAdvisors} text=${(a) => a.name} />`
              : html`<div class="cs-choices" role="radiogroup" aria-label="Advisors">
                ${ADVISOR_CHOICES.map((c) => html`<label class="check" key=${c.value}>
                  <input type="radio" name="cs-advisors" value=${c.value} checked=${v.advisors === c.value}
                    onChange=${set('advisors')} /> ${c.label}</label>`)}
              </div>
              ${v.advisors === 'selected' ? html`<div class="cs-sub">
                <${PickedList} label="Selected advisors" items=${pickedAdvisors} text=${(a) => a.name}
                  onRemove=${(a) => setPickedAdvisors((l) => l.filter((x) => x.id !== a.id))} />
                ${frozen ? null : html`<${AdvisorPicker} id="cs-advisor-find" invalid=${!!pr('advisors')}
                  onPick=${(a) => { setPickedAdvisors((l) => (l.some((x) => x.id === a.id) ? l : [...l, a])); setProblem(null); }} />`}
              </div>` : null}`}
          <//>
          <${Section} id="cases" title="Pending case" problem=${pr('cases')}>
            <div class="cs-choices" role="radiogroup" aria-label="Pending cases">
              ${stageFollowUps ? html`<label class="check"><input type="radio" name="cs-cases" value="follow_up"
                checked=${v.cases === 'follow_up'} onChange=${set('cases')} /> All pending cases due for follow-up
                (follow-up date today or earlier)</label>` : null}
              <label class="check"><input type="radio" name="cs-cases" value="all" checked=${v.cases === 'all'}
                onChange=${set('cases')} /> All pending cases</label>
              <label class="check"><input type="radio" name="cs-cases" value="stage" checked=${v.cases === 'stage'}
                onChange=${set('cases')} /> Pending cases in a stage</label>
              <label class="check"><input type="radio" name="cs-cases" value="selected" checked=${v.cases === 'selected'}
                onChange=${set('cases')} /> Selected pending cases</label>
            </div>
            ${v.cases === 'stage' ? html`<div class="cs-sub field">
              <label for="cs-stage_status_id">Stage</label>
              <select id="cs-stage_status_id" value=${v.stage_status_id} onChange=${set('stage_status_id')}
                ...${invalid(pr('cases')?.field === 'stage_status_id' ? pr('cases') : null)}>
                <option value="">Choose a stage</option>
                ${ctx.stages.map((s) => html`<option key=${s.id} value=${String(s.id)}>${s.name}</option>`)}
              </select>
            </div>` : null}
            ${v.cases === 'selected' ? html`<div class="cs-sub">
              <${PickedList} label="Selected pending cases" items=${pickedCases} text=${caseText}
                onRemove=${(c) => setPickedCases((l) => l.filter((x) => x.id !== c.id))} />
              ${frozen ? null : html`<${CasePicker} id="cs-case-find" label="Add a pending case"
                onPick=${(c) => { setPickedCases((l) => (l.some((x) => x.id === c.id) ? l : [...l, c])); setProblem(null); }} />`}
            </div>` : null}
            <fieldset class="cs-include">
              <legend>Also include</legend>
              ${INCLUDE_CHOICES.map((c) => html`<label class="check" key=${c.k}>
                <input type="checkbox" id=${`cs-include-${c.k}`} checked=${v.include[c.k]} onChange=${setInclude(c.k)} /> ${c.label}</label>`)}
            </fieldset>
          <//>
          <${Section} id="method" title="Communication" problem=${pr('method')}>
            <div class="cs-choices" role="radiogroup" aria-label="Communication method">
              ${METHOD_CHOICES.map((c) => html`<label class="check" key=${c.value}>
                <input type="radio" name="cs-method" value=${c.value} checked=${v.method === c.value}
                  onChange=${set('method')} /> ${c.label}</label>`)}
            </div>
            <div class="cs-checks">
              <label class="check"><input type="checkbox" id="cs-one_case_per_letter"
                checked=${v.cases === 'follow_up' || v.one_case_per_letter} disabled=${v.cases === 'follow_up'}
                aria-describedby=${v.cases === 'follow_up' ? 'cs-one-hint' : undefined}
                onChange=${set('one_case_per_letter')} /> One case per letter</label>
              ${v.cases === 'follow_up' ? html`<p class="field-hint" id="cs-one-hint">Always one case per report with the follow-up date.</p>` : null}
              <label class="check"><input type="checkbox" id="cs-show_logo" checked=${v.show_logo}
                onChange=${set('show_logo')} /> Show the office logo</label>
            </div>
            <div class="field cs-mask">
              <label for="cs-mask">Mask</label>
              <select id="cs-mask" value=${v.mask} onChange=${set('mask')}>
                ${MASK_CHOICES.map((c) => html`<option key=${c.value} value=${c.value}>${c.label}</option>`)}
              </select>
            </div>
          <//>
          <${Section} id="subject" title="Subject" problem=${pr('subject')}>
            <div class="cs-choices" role="radiogroup" aria-label="Subject line">
              <label class="check"><input type="radio" name="cs-subject" value="default" checked=${v.subjectMode === 'default'}
                onChange=${() => setV((x) => ({ ...x, subjectMode: 'default' }))} />
                Use the default${ctx.defaultSubject ? html`: <span class="cs-quote">${ctx.defaultSubject}</span>` : ''}</label>
              <label class="check"><input type="radio" name="cs-subject" value="custom" checked=${v.subjectMode === 'custom'}
                onChange=${() => setV((x) => ({ ...x, subjectMode: 'custom' }))} /> A custom subject</label>
            </div>
            ${v.subjectMode === 'custom' ? html`<div class="cs-sub field">
              <label for="cs-subject-text">Custom subject</label>
              <input id="cs-subject-text" value=${v.subject} maxlength="200" autocomplete="off"
                onInput=${set('subject')} ...${invalid(pr('subject'))} />
            </div>` : null}
          <//>
        </fieldset>
      </form>`;
  }

  const actions = !ctx ? null : html`<div class="cs-actions" id="cs-actions">
    ${general ? html`<${Alert} kind="error" id="cs-error">${general.detail}<//>` : null}
    <div class="cs-buttons">
      ${sendId ? null : confirming ? html`
          <span class="cs-confirm-text">Send without a preview?</span>
          <${Button} kind="primary" icon="mail" busy=${busy === 'send'} busyLabel="Sending…" onClick=${doSend}>Send now<//>
          <${Button} kind="ghost" disabled=${busy === 'send'} onClick=${() => setConfirming(false)}>Not yet<//>`
        : html`
          ${preview ? html`<a class="btn btn-secondary" href=${`/api/v1/reports/status/previews/${preview.id}/pdf`}
              download=${`status-report-preview-${preview.id}.pdf`}><${Icon} name="letter" /><span>Print</span></a>`
            : html`<${Button} kind="secondary" icon="eye" busy=${busy === 'preview'} busyLabel="Preparing the preview…"
              disabled=${!!busy} onClick=${doPreview}>Preview<//>`}
          <${Button} kind="primary" icon="mail" busy=${busy === 'send'} busyLabel="Sending…"
            disabled=${!!busy || (preview && preview.counts?.reports === 0)}
            onClick=${() => (preview ? doSend() : setConfirming(true))}>Send<//>`}
      <${Button} kind="ghost" onClick=${onClose}>Close<//>
    </div>
  </div>`;

  return html`<${Panel} id="case-status" title="Case status" wide onClose=${onClose}>
    <div class="cs-dialog">${body}${actions}</div>
  <//>`;
}

/** aria-invalid and the error style for a control whose section has a problem. */
function invalid(p) {
  return p ? { 'aria-invalid': 'true', class: 'is-invalid' } : {};
}

/** One section of the options: a fieldset with its legend and the problem the server named there. */
function Section({ id, title, problem, children }) {
  return html`<fieldset class=${`cs-section ${problem ? 'has-error' : ''}`} id=${`cs-${id}`}
      aria-describedby=${problem ? `cs-${id}-error` : undefined}>
    <legend class="cs-legend">${title}</legend>
    <div class="cs-section-body">
      ${children}
      ${problem ? html`<p class="field-error" id=${`cs-${id}-error`} role="alert">${problem.detail}</p>` : null}
    </div>
  </fieldset>`;
}

/** The chosen advisors or cases, each with a Remove button (none when onRemove is not given). */
function PickedList({ label, items, text, onRemove }) {
  if (!items.length) return html`<p class="field-hint">None chosen yet.</p>`;
  return html`<ul class="cs-picked" aria-label=${label}>
    ${items.map((x) => html`<li key=${x.id} class="cs-picked-item" data-picked=${x.id}>
      <span>${text(x)}</span>
      ${onRemove ? html`<button type="button" class="icon-btn cs-picked-remove" aria-label=${`Remove ${text(x)}`}
        onClick=${() => onRemove(x)}><${Icon} name="close" /></button>` : null}
    </li>`)}
  </ul>`;
}

/** Pick a user of the firm (the case manager); `value` is {id, name} or null (anyone). */
function PersonPicker({ id, me, value, onChange, invalid: bad }) {
  if (value) {
    return html`<div class="picked">
      <${Icon} name="person" /><span class="picked-name" id=${`${id}-picked`}>${value.name}</span>
      <button type="button" class="link-btn" aria-label="Any case manager" onClick=${() => onChange(null)}>Any case manager</button>
    </div>`;
  }
  const search = async (q) => {
    const t = q.toLowerCase();
    const people = await loadPeople(me);
    return people.filter((p) => !t || (p.name || '').toLowerCase().includes(t) || (p.login || '').toLowerCase().includes(t))
      .slice(0, 10);
  };
  return html`<div class="cs-person">
    <${SearchPicker} id=${id} label="Case manager" search=${search} searchEmpty onPick=${(p) => onChange({ id: p.id, name: p.name || p.login })}
      placeholder="Any case manager" invalid=${bad}
      text=${(p) => p.name || p.login} detail=${(p) => p.login} />
  </div>`;
}

/** Find an advisor by name or e-mail (GET /api/v1/advisors?q=). */
function AdvisorPicker({ id, invalid: bad, onPick }) {
  const search = async (q) => {
    const r = await get(`/advisors?limit=10${q ? `&q=${encodeURIComponent(q)}` : ''}`);
    return (r.items || []).map((a) => ({ ...a, name: a.name || [a.first_name, a.last_name].filter(Boolean).join(' ') }));
  };
  return html`<${SearchPicker} id=${id} label="Add an advisor" search=${search} searchEmpty invalid=${bad}
    placeholder="Search advisors by name or e-mail" onPick=${(a) => onPick({ id: a.id, name: a.name })}
    text=${(a) => a.name} detail=${(a) => [a.email, a.cases !== undefined ? `${a.cases} cases` : null].filter(Boolean).join(' · ')} />`;
}

/** The cases of a report: "number name (stage)" a line each. */
function CaseLines({ cases }) {
  if (!cases?.length) return html`<${Dash} />`;
  return html`<ul class="cs-case-lines">
    ${cases.map((c) => html`<li key=${c.id}><a href=${`#/cases/${c.id}`} class="case-link">${c.number || 'No number'}</a>
      ${' '}${c.name}${c.stage ? html`<span class="cell-muted"> · ${c.stage.name || c.stage}</span>` : null}</li>`)}
  </ul>`;
}

/** "3 reports", "1 report". */
function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The preview: counts and the advisors who would get a report, issues highlighted. */
function PreviewView({ preview }) {
  const c = preview.counts || {};
  const reports = preview.reports || [];
  return html`<section class="cs-result" aria-labelledby="cs-preview-title">
    <h3 class="cs-result-title" id="cs-preview-title" tabindex="-1">Preview</h3>
    <p class="cs-summary" data-testid="preview-summary">
      ${count(c.reports ?? reports.length, 'report', 'reports')} to ${count(c.advisors ?? 0, 'advisor', 'advisors')},
      covering ${count(c.cases ?? 0, 'case', 'cases')}: ${c.email ?? 0} by e-mail, ${c.letter ?? 0} by letter.
      ${c.issues ? html` <strong class="cs-issue-count">${count(c.issues, 'issue', 'issues')}: a report with an issue is not sent.</strong>` : ' No issues.'}
    </p>
    ${reports.length === 0 ? html`<p class="card-empty">No advisor would get a report with these options.</p>`
      : html`<${ReportTable} reports=${reports} titleId="cs-preview-title" />`}
  </section>`;
}

/** The reports of a preview or of a send: advisor, method, address, cases and issues or outcome. */
function ReportTable({ reports, titleId, outcomes = false }) {
  return html`<div class="table-wrap cs-table-wrap"><table class="table table-stack cs-table" aria-labelledby=${titleId}>
    <thead><tr>
      <th scope="col">Advisor</th><th scope="col">Method</th><th scope="col">Address</th>
      <th scope="col">Cases</th><th scope="col">${outcomes ? 'Outcome' : 'Issues'}</th>
    </tr></thead>
    <tbody>
      ${reports.map((r) => {
        const issues = r.issues || [];
        const bad = outcomes ? r.outcome === 'failed' || r.outcome === 'in_doubt' : issues.length > 0;
        return html`<tr key=${r.id} data-advisor=${r.advisor?.name} data-outcome=${outcomes ? r.outcome : undefined}
            class=${bad ? 'cs-row-issue' : ''}>
          <td data-label="Advisor"><span class="cell-strong">${r.advisor?.name || html`<${Dash} />`}</span></td>
          <td data-label="Method"><span class="cs-method"><${Icon} name=${r.method === 'letter' ? 'letter' : 'mail'} />
            ${METHOD_LABELS[r.method] || r.method}</span></td>
          <td data-label="Address" class="cs-address">${r.address || html`<${Dash} />`}</td>
          <td data-label="Cases"><${CaseLines} cases=${r.cases} /></td>
          <td data-label=${outcomes ? 'Outcome' : 'Issues'}>${outcomes
            ? html`<span class=${`badge ${OUTCOME_BADGE[r.outcome] || 'badge-muted'}`}>${OUTCOME_LABELS[r.outcome] || r.outcome}</span>
              ${r.reason ? html`<span class="cell-note cs-reason">${r.reason}</span>` : null}`
            : issues.length ? html`<ul class="cs-issues">${issues.map((i) => html`<li key=${i.code} data-issue=${i.code}>
                <${Icon} name="alert" /><span>${i.message || i.code}</span></li>`)}</ul>`
            : html`<span class="cell-muted">None</span>`}</td>
        </tr>`;
      })}
    </tbody>
  </table></div>`;
}

/** Has the send finished: every report settled and the letters no longer being made? */
function finished(r) {
  return !!r.done && !['pending', 'rendering'].includes(r.letters?.state);
}

/** The result of a send, read again every second until it has finished. */
function SendResult({ id }) {
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const [tick, setTick] = useState(0);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    let timer = null;
    async function read() {
      try {
        const r = await get(`/reports/status/${id}`);
        if (!live.current) return;
        setResult(r);
        setError(null);
        if (!finished(r)) timer = setTimeout(read, 1000);
      } catch (err) {
        if (live.current) setError(err.detail);
      }
    }
    read();
    return () => { live.current = false; clearTimeout(timer); };
  }, [id, tick]);

  const c = result?.counts || {};
  const letters = result?.letters || { state: 'none' };
  const done = result && finished(result);
  return html`<section class="cs-result" aria-labelledby="cs-result-title">
    <h3 class="cs-result-title" id="cs-result-title" tabindex="-1">Report status</h3>
    <p class="cs-progress" role="status" data-testid="send-state">${!result ? 'Sending…'
      : done ? 'Done: every report has been dealt with.'
      : result.state === 'preparing' ? 'Preparing the reports…' : 'Sending… this view updates by itself.'}</p>
    ${error ? html`<${Alert} kind="error" title="The result could not be read">${error}
      <button type="button" class="link-btn" onClick=${() => setTick((t) => t + 1)}>Try again</button><//>` : null}
    ${result ? html`
      <dl class="cs-counts">
        ${['emailed', 'printed', 'queued', 'failed', 'in_doubt'].map((k) => html`<div key=${k} class=${`cs-count cs-count-${k}`}
            data-count=${k}><dt>${OUTCOME_LABELS[k]}</dt><dd>${c[k] ?? 0}</dd></div>`)}
      </dl>
      ${letters.state === 'done' ? html`<p><a class="btn btn-secondary" href=${`/api/v1/reports/status/${id}/letters`}
          download=${`status-report-letters-${id}.pdf`}><${Icon} name="letter" /><span>Download letters (PDF)</span></a>
          ${letters.pages ? html` <span class="cell-muted">${count(letters.pages, 'page', 'pages')}</span>` : null}</p>`
        : letters.state === 'pending' || letters.state === 'rendering' ? html`<p class="cell-muted">The letters are being made…</p>`
        : letters.state === 'failed' ? html`<${Alert} kind="error" title="The letters could not be made">${letters.error || 'Try again later.'}<//>`
        : null}
      ${(result.reports || []).length ? html`<${ReportTable} reports=${result.reports} titleId="cs-result-title" outcomes />`
        : html`<p class="card-empty">No report was sent.</p>`}` : html`<${Spinner} label="Reading the result…" />`}
  </section>`;
}
