// cases.js - the case list (#/cases): filters (case type, stage, office, staff member, owner,
// opened between, open or closed), a search over number, name and description, cursor paging
// ("More"), and the way to a new case (#/cases/new, shown with the case_create right). The
// filters live in sessionStorage so coming back from a case keeps them. With the right to send
// status reports selectively, cases can be tagged (checkboxes) and "Case status…" opens the case
// status dialog (case-status-dialog.js) for the tagged cases. One case is case-page.js; the new
// case form is case-form.js.
import { html, useState, useEffect } from '/vendor/preact-htm.js';
import { usePaged } from './hooks.js';
import { Alert, Button, Dash, EmptyState, Icon, PageHeader, Spinner } from './ui.js';
import { useLists, stageType, GROUP_LABELS } from './lists.js';
import { fmtDate } from './format.js';
import { TagBar } from './advisors.js';
import { CaseStatusDialog } from './case-status-dialog.js';

const PAGE = 25;
const STORE_KEY = 'caseload.caseFilters';
const FILTER_KEYS = ['case_type_id', 'stage_id', 'office_id', 'staff_id', 'owner_id', 'opened_from', 'opened_to', 'closed'];
const EMPTY_FILTERS = { q: '', case_type_id: '', stage_id: '', office_id: '', staff_id: '', owner_id: '', opened_from: '', opened_to: '', closed: '' };

function savedFilters() {
  try {
    const v = JSON.parse(sessionStorage.getItem(STORE_KEY) || 'null');
    return v && typeof v === 'object' ? { ...EMPTY_FILTERS, ...v } : EMPTY_FILTERS;
  } catch {
    return EMPTY_FILTERS;
  }
}

function casesQuery(f) {
  const p = new URLSearchParams();
  const q = f.q.trim();
  if (q) p.set('q', q);
  for (const k of FILTER_KEYS) if (f[k] !== '') p.set(k, f[k]);
  const s = p.toString();
  return s ? `/cases?${s}` : '/cases';
}

export function CasesPage({ me }) {
  const [filters, setFilters] = useState(savedFilters);
  const [q, setQ] = useState(filters.q); // the search box; copied into filters after a pause
  const activeCount = FILTER_KEYS.filter((k) => filters[k] !== '').length;
  const [showFilters, setShowFilters] = useState(activeCount > 0);
  const { items, error, hasMore, loadingMore, more, reload } = usePaged(casesQuery(filters), PAGE);
  const { lists } = useLists(['caseTypes', 'statusTypes', 'statuses', 'offices', 'people'], me);
  const canCreate = (me.rights || []).includes('case_create');
  const canTag = (me.rights || []).includes('status_report_selective_send');
  const [tagged, setTagged] = useState(() => new Map()); // case id -> {id, number, name}
  const [statusDialog, setStatusDialog] = useState(false);
  function tag(cases, on) {
    setTagged((m) => {
      const n = new Map(m);
      for (const c of cases) {
        if (on) n.set(c.id, { id: c.id, number: c.number, name: c.name });
        else n.delete(c.id);
      }
      return n;
    });
  }

  useEffect(() => {
    const t = setTimeout(() => setFilters((f) => (f.q === q ? f : { ...f, q })), 300);
    return () => clearTimeout(t);
  }, [q]);
  useEffect(() => {
    try { sessionStorage.setItem(STORE_KEY, JSON.stringify(filters)); } catch { /* storage off */ }
  }, [filters]);

  // A changed filter also takes the search text as typed so far.
  const set = (k) => (e) => {
    const value = e.currentTarget.value;
    setFilters((f) => ({ ...f, q, [k]: value }));
  };
  function clearAll() {
    setQ('');
    setFilters(EMPTY_FILTERS);
  }
  const searching = filters.q.trim() !== '' || activeCount > 0;

  return html`<${PageHeader} title="Cases" subtitle="Every case you work on, in one list.">
      ${canCreate ? html`<a class="btn btn-primary" href="#/cases/new"><${Icon} name="plus" /><span>New case</span></a>` : null}
    <//>
    <section class="card filters-card" aria-label="Find cases">
      <form role="search" class="filters-bar" onSubmit=${(e) => { e.preventDefault(); setFilters((f) => ({ ...f, q })); }}>
        <div class="search-box">
          <${Icon} name="search" />
          <label for="case-search" class="visually-hidden">Search cases</label>
          <input id="case-search" type="search" placeholder="Search by number, name or description"
            value=${q} onInput=${(e) => setQ(e.currentTarget.value)} autocomplete="off" />
        </div>
        <${Button} kind="secondary" aria-expanded=${showFilters ? 'true' : 'false'} aria-controls="case-filters"
          onClick=${() => setShowFilters(!showFilters)}>Filters${activeCount ? ` (${activeCount})` : ''}<//>
        ${searching ? html`<${Button} kind="ghost" onClick=${clearAll}>Clear<//>` : null}
      </form>
      ${showFilters ? html`<${CaseFilters} id="case-filters" filters=${filters} set=${set} lists=${lists} />` : null}
    </section>
    <section class="card" aria-labelledby="cases-table-title">
      <div class="card-head">
        <div class="card-head-text">
          <h2 id="cases-table-title" class="card-title">${searching ? 'Matching cases' : 'All cases'}</h2>
          ${items ? html`<span class="count-badge" aria-label=${`${items.length}${hasMore ? ' or more' : ''} cases`}>
            ${items.length}${hasMore ? '+' : ''}</span>` : null}
        </div>
        ${canTag ? html`<${TagBar} count=${tagged.size} noun="case" onOpen=${() => setStatusDialog(true)}
          onClear=${() => setTagged(new Map())} />` : null}
      </div>
      ${error ? html`<div class="card-alerts"><${Alert} kind="error" title="The cases could not be loaded">
          ${error.field ? `${error.field.replace(/^query\./, '')}: ` : ''}${error.detail}
          <button type="button" class="link-btn" onClick=${reload}>Try again</button><//></div>`
        : !items ? html`<${Spinner} label="Loading cases…" />`
        : items.length === 0 ? (searching
          ? html`<${EmptyState} icon="search" title="No case matches">Try other words or fewer filters.<//>`
          : html`<${EmptyState} icon="cases" title="No cases yet">
              Cases will be listed here once they are opened: the number, the client's name, the
              type of case, where it stands and when it was opened.<//>`)
        : html`<${CaseTable} items=${items} tagged=${canTag ? tagged : null} onTag=${tag} />
          ${hasMore ? html`<div class="more-row"><${Button} kind="secondary" busy=${loadingMore}
            busyLabel="Loading…" onClick=${more}>More<//></div>` : null}`}
    </section>
    ${statusDialog ? html`<${CaseStatusDialog} me=${me} cases=${[...tagged.values()]} onClose=${() => setStatusDialog(false)} />` : null}`;
}

function CaseFilters({ id, filters, set, lists }) {
  if (!lists) return html`<div id=${id}><${Spinner} label="Loading filters…" /></div>`;
  const stage = stageType(lists.statusTypes);
  const group = lists.caseTypes.find((t) => t.id === Number(filters.case_type_id))?.group;
  const stages = lists.statuses.filter((s) => stage && s.status_type_id === stage.id
    && (!group || !s.group || s.group === group));
  const opt = (x) => html`<option key=${x.id} value=${String(x.id)}>${x.name}</option>`;
  return html`<div class="filters-grid" id=${id}>
    <div class="field"><label for="f-case_type_id">Case type</label>
      <select id="f-case_type_id" value=${filters.case_type_id} onChange=${set('case_type_id')}>
        <option value="">Any type</option>${lists.caseTypes.map(opt)}
      </select></div>
    <div class="field"><label for="f-stage_id">Stage</label>
      <select id="f-stage_id" value=${filters.stage_id} onChange=${set('stage_id')}>
        <option value="">Any stage</option>
        ${stages.map((s) => html`<option key=${s.id} value=${String(s.id)}>
          ${s.name}${!group && s.group ? ` (${GROUP_LABELS[s.group] || s.group})` : ''}</option>`)}
      </select></div>
    <div class="field"><label for="f-office_id">Office</label>
      <select id="f-office_id" value=${filters.office_id} onChange=${set('office_id')}>
        <option value="">Any office</option>${lists.offices.map(opt)}
      </select></div>
    <div class="field"><label for="f-staff_id">Staff member</label>
      <select id="f-staff_id" value=${filters.staff_id} onChange=${set('staff_id')}>
        <option value="">Anyone</option>${lists.people.map(opt)}
      </select></div>
    <div class="field"><label for="f-owner_id">Owner</label>
      <select id="f-owner_id" value=${filters.owner_id} onChange=${set('owner_id')}>
        <option value="">Anyone</option>${lists.people.map(opt)}
      </select></div>
    <div class="field"><label for="f-opened_from">Opened from</label>
      <input id="f-opened_from" type="date" value=${filters.opened_from} onChange=${set('opened_from')} /></div>
    <div class="field"><label for="f-opened_to">Opened to</label>
      <input id="f-opened_to" type="date" value=${filters.opened_to} onChange=${set('opened_to')} /></div>
    <div class="field"><label for="f-closed">Open or closed</label>
      <select id="f-closed" value=${filters.closed} onChange=${set('closed')}>
        <option value="">Open and closed</option>
        <option value="false">Open only</option>
        <option value="true">Closed only</option>
      </select></div>
  </div>`;
}

/**
 * The table of the case list; a click on a row opens the case. With `tagged` (a Map of the
 * tagged cases' ids) each row has a tag checkbox, onTag(cases, on) changes them.
 */
function CaseTable({ items, tagged, onTag }) {
  function open(e, c) {
    if (e.target.closest('a, button, input, label')) return;
    location.hash = `#/cases/${c.id}`;
  }
  const allTagged = tagged && items.length > 0 && items.every((c) => tagged.has(c.id));
  return html`<div class="table-wrap">
    <table class="table table-stack table-click" aria-labelledby="cases-table-title">
      <thead><tr>
        <th scope="col">${tagged ? html`<span class="tag-head"><input type="checkbox" aria-label="Tag every case shown"
          checked=${allTagged} onChange=${(e) => onTag(items, e.currentTarget.checked)} />Number</span>` : 'Number'}</th><th scope="col">Name</th><th scope="col">Type</th>
        <th scope="col">Stage</th><th scope="col">Office</th><th scope="col">Owner</th>
        <th scope="col">Opened</th>
      </tr></thead>
      <tbody>
        ${items.map((c) => html`<tr key=${c.id} data-case-id=${c.id} onClick=${(e) => open(e, c)}
            class=${tagged?.has(c.id) ? 'is-tagged' : undefined}>
          <td data-label="Number"><span class="tag-cell">${tagged ? html`<input type="checkbox"
            aria-label=${`Tag ${c.number || c.name}`} checked=${tagged.has(c.id)}
            onChange=${(e) => onTag([c], e.currentTarget.checked)} />` : null}<a class="cell-strong case-link" href=${`#/cases/${c.id}`}>
            ${c.number || html`<span class="cell-muted">No number</span>`}</a></span></td>
          <td data-label="Name">${c.name}</td>
          <td data-label="Type">${c.case_type?.name || html`<${Dash} />`}${c.case_subtype
            ? html`<span class="cell-muted"> · ${c.case_subtype.name}</span>` : null}</td>
          <td data-label="Stage">${c.stage?.name || html`<${Dash} />`}${c.closed
            ? html` <span class="badge badge-muted">Closed</span>` : null}</td>
          <td data-label="Office">${c.office?.name || html`<${Dash} />`}</td>
          <td data-label="Owner">${c.owner?.name || html`<${Dash} />`}</td>
          <td data-label="Opened" class="nowrap"><time datetime=${c.opened_date}>${fmtDate(c.opened_date)}</time></td>
        </tr>`)}
      </tbody>
    </table>
  </div>`;
}
