// report-setup.js - the setup of case status reports, for administrators: the firm's report
// settings (the default subject line and which requirement statuses a report lists,
// GET|PUT /api/v1/setup/status-report) and one office's follow-ups (none, or by stage: for each
// stage status the days until the next follow-up and the text its report carries,
// GET|PUT /api/v1/offices/{id}/follow-up). Both are shown on Setup > Offices (setup-offices.js);
// the dialog that sends reports is case-status-dialog.js.
import { html, useState, useEffect } from '/vendor/preact-htm.js';
import { get, put } from './api.js';
import { Alert, Button, Field, Panel, Spinner } from './ui.js';
import { useForm, FormProblem, FormActions } from './forms.js';
import { loadLists, stageType, statusesFor } from './lists.js';

const INCLUDE_OPTIONS = [
  { value: 'outstanding', label: 'Outstanding' }, { value: 'received', label: 'Received' }, { value: 'waived', label: 'Waived' },
];
const MAX_STAGES = 64;

/** Setup's card for the firm's status report settings. */
export function StatusReportSettings() {
  const [v, setV] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [notice, setNotice] = useState(null);
  const form = useForm('srs-');

  async function load() {
    setLoadError(null);
    try {
      const s = await get('/setup/status-report');
      setV({ default_subject: s.default_subject || '', include: s.include || ['outstanding'] });
    } catch (err) {
      setLoadError(err.detail);
    }
  }
  useEffect(() => { load(); }, []);

  function toggle(value, on) {
    setV((x) => ({ ...x, include: on ? INCLUDE_OPTIONS.map((o) => o.value).filter((k) => k === value || x.include.includes(k))
      : x.include.filter((k) => k !== value) }));
  }
  function submit(e) {
    e.preventDefault();
    setNotice(null);
    const subject = v.default_subject.trim();
    if (!subject) return form.fail({ field: 'default_subject', detail: 'is required' });
    if (!v.include.length) return form.fail({ field: 'include', detail: 'choose at least one status' });
    return form.run(async () => {
      const s = await put('/setup/status-report', { default_subject: subject, include: v.include });
      setV({ default_subject: s.default_subject || '', include: s.include || [] });
      setNotice('Saved. Reports from now on use these settings.');
    });
  }

  const bad = (f) => form.problem?.field === f;
  return html`<section class="card" aria-labelledby="srs-title" id="status-report-settings">
    <div class="card-head"><h2 id="srs-title" class="card-title">Status reports</h2></div>
    <p class="card-intro">What every case status report to advisors carries, unless the Case Status dialog says otherwise.</p>
    ${loadError ? html`<div class="card-alerts"><${Alert} kind="error" title="The report settings could not be loaded">
        ${loadError} <button type="button" class="link-btn" onClick=${load}>Try again</button><//></div>`
      : !v ? html`<${Spinner} label="Loading the report settings…" />`
      : html`<form class="settings-form" onSubmit=${submit} novalidate aria-label="Status report settings">
        ${notice ? html`<${Alert} kind="success" onClose=${() => setNotice(null)}>${notice}<//>` : null}
        <${FormProblem} form=${form} prefix="srs-" labels=${{ default_subject: 'Default subject', include: 'Requirements listed' }} />
        <${Field} id="srs-default_subject" label="Default subject" required>
          <input id="srs-default_subject" value=${v.default_subject} maxlength="200" autocomplete="off"
            onInput=${(e) => { const t = e.currentTarget.value; setV((x) => ({ ...x, default_subject: t })); }}
            ...${form.pp('default_subject')} />
        <//>
        <fieldset class=${`choice ${bad('include') ? 'has-error' : ''}`} id="srs-include"
          aria-describedby=${bad('include') ? 'srs-error' : 'srs-include-hint'}>
          <legend>Requirements listed</legend>
          ${INCLUDE_OPTIONS.map((o) => html`<label class="check" key=${o.value}>
            <input type="checkbox" id=${`srs-include-${o.value}`} checked=${v.include.includes(o.value)}
              onChange=${(e) => toggle(o.value, e.currentTarget.checked)} /> ${o.label}</label>`)}
        </fieldset>
        <p class="field-hint" id="srs-include-hint">A report lists a case's requirements of these statuses, in their order.</p>
        <${FormActions} form=${form} label="Save report settings" />
      </form>`}
  </section>`;
}

/** An office's follow-up rows as the form keeps them. */
function toRows(stages) {
  return (stages || []).map((s, i) => ({
    key: i + 1, status_id: s.status ? String(s.status.id) : '', interval_days: String(s.interval_days ?? ''),
    report_text: s.report_text || '',
  }));
}

/** The follow-ups of one office in a side panel: method, and per stage an interval and a text. */
export function FollowUpPanel({ office, onClose, onSaved }) {
  const [v, setV] = useState(null); // {method, rows}
  const [stages, setStages] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [nextKey, setNextKey] = useState(1000);
  const form = useForm('fu-');

  async function load() {
    setLoadError(null);
    try {
      const [f, l] = await Promise.all([get(`/offices/${office.id}/follow-up`), loadLists(['statusTypes', 'statuses'])]);
      const stage = stageType(l.statusTypes);
      setStages(stage ? statusesFor(l.statuses, stage.id, 'insurance').filter((s) => !s.closing) : []);
      setV({ method: f.method === 'stage' ? 'stage' : 'none', rows: toRows(f.stages) });
    } catch (err) {
      setLoadError(err.detail);
    }
  }
  useEffect(() => { load(); }, []);

  const setRow = (key, k) => (e) => {
    const value = e.currentTarget.value;
    setV((x) => ({ ...x, rows: x.rows.map((r) => (r.key === key ? { ...r, [k]: value } : r)) }));
  };
  function addRow() {
    setV((x) => ({ ...x, rows: [...x.rows, { key: nextKey, status_id: '', interval_days: '30', report_text: '' }] }));
    setNextKey((k) => k + 1);
    setTimeout(() => document.querySelector('.fu-row:last-child select')?.focus(), 0);
  }
  const removeRow = (key) => setV((x) => ({ ...x, rows: x.rows.filter((r) => r.key !== key) }));

  function submit(e) {
    e.preventDefault();
    // Without stage follow-ups only the method is sent: the stages stay for a later switch back.
    const body = { method: v.method };
    if (v.method === 'stage') {
      body.stages = [];
      for (const [i, r] of v.rows.entries()) {
        if (!r.status_id) return form.fail({ field: `stages[${i}].status_id`, detail: 'choose a stage' });
        if (!/^\d{1,3}$/.test(r.interval_days.trim()) || Number(r.interval_days) < 1 || Number(r.interval_days) > 365) {
          return form.fail({ field: `stages[${i}].interval_days`, detail: 'must be 1 to 365 days' });
        }
        body.stages.push({ status_id: Number(r.status_id), interval_days: Number(r.interval_days), report_text: r.report_text.trim() });
      }
    }
    return form.run(async () => {
      const f = await put(`/offices/${office.id}/follow-up`, body);
      onSaved?.(f);
      onClose();
    });
  }

  // A problem names stages[i].member: the input of that row (id fu-stages-i-member) shows it.
  const rowField = (i, k) => `stages[${i}].${k}`;
  const bad = (f) => form.problem?.field === f;
  const idOf = (f) => `fu-${f.replace(/\[(\d+)\]\./, '-$1-')}`;
  const inRows = form.problem?.field && /^stages\[\d+\]\./.test(form.problem.field);
  // useForm focuses fu-<field>, which a row's input is not: focus it here.
  useEffect(() => { if (inRows) document.getElementById(idOf(form.problem.field))?.focus(); }, [form.problem]);
  const errorFor = (f) => (bad(f) ? html`<p class="field-error" id=${`${idOf(f)}-error`}>${form.problem.detail}</p>` : null);
  const a = (f) => (bad(f) ? { 'aria-invalid': 'true', 'aria-describedby': `${idOf(f)}-error`, class: 'is-invalid' } : {});

  return html`<${Panel} id="follow-ups" title=${`Follow-ups of ${office.name}`} wide onClose=${onClose}>
    ${loadError ? html`<${Alert} kind="error" title="The follow-ups could not be loaded">${loadError}
        <button type="button" class="link-btn" onClick=${load}>Try again</button><//>`
      : !v ? html`<${Spinner} label="Loading the follow-ups…" />`
      : html`<form class="panel-form" onSubmit=${submit} novalidate aria-label=${`Follow-ups of ${office.name}`}>
        ${form.problem && !inRows ? html`<${FormProblem} form=${form} prefix="fu-" labels=${{ method: 'Method', stages: 'Stages' }} />` : null}
        <fieldset class="choice" id="fu-method">
          <legend>How this office schedules follow-ups</legend>
          <label class="check"><input type="radio" name="fu-method" value="none" checked=${v.method === 'none'}
            onChange=${() => setV((x) => ({ ...x, method: 'none' }))} /> No follow-ups by stage</label>
          <label class="check"><input type="radio" name="fu-method" value="stage" checked=${v.method === 'stage'}
            onChange=${() => setV((x) => ({ ...x, method: 'stage' }))} /> By stage (policy-based follow-ups)</label>
        </fieldset>
        <p class="field-hint">${v.method === 'stage'
          ? 'After a report is sent, the case’s next follow-up is today plus the interval of its stage, and the report carries the stage’s text. The Case Status dialog then offers "due for follow-up".'
          : 'After a report is sent, the case’s next follow-up becomes its last one and the next is left blank.'}</p>
        ${v.method === 'stage' ? html`<section class="fu-stages" aria-labelledby="fu-stages-title">
          <h3 class="subform-title" id="fu-stages-title">Stages</h3>
          ${v.rows.length === 0 ? html`<p class="field-hint">No stage yet: add the stages whose cases are followed up.</p>` : null}
          <ol class="fu-rows">
            ${v.rows.map((r, i) => html`<li class="fu-row" key=${r.key} data-stage-row=${i}>
              <div class="fu-row-grid">
                <div class=${`field ${bad(rowField(i, 'status_id')) ? 'has-error' : ''}`}>
                  <label for=${idOf(rowField(i, 'status_id'))}>Stage</label>
                  <select id=${idOf(rowField(i, 'status_id'))} value=${r.status_id} onChange=${setRow(r.key, 'status_id')}
                    ...${a(rowField(i, 'status_id'))}>
                    <option value="">Choose a stage</option>
                    ${stages.map((s) => html`<option key=${s.id} value=${String(s.id)}>${s.name}${s.group ? '' : ' (every group)'}</option>`)}
                  </select>
                  ${errorFor(rowField(i, 'status_id'))}
                </div>
                <div class=${`field fu-interval ${bad(rowField(i, 'interval_days')) ? 'has-error' : ''}`}>
                  <label for=${idOf(rowField(i, 'interval_days'))}>Interval (days)</label>
                  <input id=${idOf(rowField(i, 'interval_days'))} inputmode="numeric" value=${r.interval_days}
                    onInput=${setRow(r.key, 'interval_days')} autocomplete="off" ...${a(rowField(i, 'interval_days'))} />
                  ${errorFor(rowField(i, 'interval_days'))}
                </div>
                <div class=${`field span-2 ${bad(rowField(i, 'report_text')) ? 'has-error' : ''}`}>
                  <label for=${idOf(rowField(i, 'report_text'))}>Report text</label>
                  <textarea id=${idOf(rowField(i, 'report_text'))} rows="2" value=${r.report_text}
                    onInput=${setRow(r.key, 'report_text')} ...${a(rowField(i, 'report_text'))}></textarea>
                  ${errorFor(rowField(i, 'report_text'))}
                </div>
              </div>
              <${Button} size="sm" kind="ghost-danger" icon="trash" aria-label=${`Remove stage ${i + 1}`}
                onClick=${() => removeRow(r.key)}>Remove<//>
            </li>`)}
          </ol>
          ${v.rows.length < MAX_STAGES ? html`<div><${Button} size="sm" kind="secondary" icon="plus" onClick=${addRow}>Add a stage<//></div>` : null}
        </section>` : null}
        <${FormActions} form=${form} label="Save follow-ups" onCancel=${onClose} />
      </form>`}
  <//>`;
}

/** The Follow-ups button of an office's row, and its panel. */
export function FollowUpButton({ office }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(null);
  return html`<${Button} size="sm" kind="ghost" icon="clock" aria-haspopup="dialog" aria-label=${`Follow-ups of ${office.name}`}
      onClick=${() => setOpen(true)}>Follow-ups<//>
    ${saved ? html`<span class="visually-hidden" role="status">Follow-ups of ${office.name} saved.</span>` : null}
    ${open ? html`<${FollowUpPanel} office=${office} onSaved=${setSaved} onClose=${() => setOpen(false)} />` : null}`;
}
