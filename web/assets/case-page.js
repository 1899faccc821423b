// case-page.js - one case (#/cases/{id}): the case summary page, rendered from one call,
// GET /api/v1/cases/{id}/summary, and read again after every change. Top to bottom: the header
// with the Quick add toolbar (quick-add.js), the basic case data area (case-summary.js), Staff
// and Last notes (case-staff.js, case-notes.js), Pending appointments and Tasks, Courts and
// Pending critical deadlines (case-work.js), Plaintiffs and Defendants (case-sides.js), the
// miscellaneous tabs (case-tabs.js), the user-defined fields and the Timeline (case-timeline.js,
// its own paged read). Negotiations and settlements come with a later issue (summary.negotiations,
// null until then) and go between the parties and the tabs. This page loads the setup lists
// the forms share and keeps which tab is open, so that a flag can open one. An insurance case
// (type group insurance) shows its pending case area (policy and requirements, pending-case.js)
// under the basic data; an advisor user gets the read-only advisor page of pending-case.js.
import { html, useState } from '/vendor/preact-htm.js';
import { Alert, EmptyState, Icon, PageHeader, Spinner } from './ui.js';
import { useGet } from './hooks.js';
import { useLists } from './lists.js';
import { BasicData, UdfArea } from './case-summary.js';
import { CaseStaff } from './case-staff.js';
import { CaseNotes } from './case-notes.js';
import { Appointments, Tasks, Courts, Deadlines } from './case-work.js';
import { Plaintiffs, Defendants } from './case-sides.js';
import { CaseTabs } from './case-tabs.js';
import { QuickAddBar, QuickAddDialog } from './quick-add.js';
import { CaseTimeline } from './case-timeline.js';
import { AdvisorCasePage, PendingCaseArea, isInsuranceCase } from './pending-case.js';

const LISTS = ['caseTypes', 'subtypes', 'statusTypes', 'statuses', 'closeReasons', 'roles', 'noteTypes',
  'valueRanges', 'states', 'offices', 'people'];

// Flag targets that are tabs (the others are areas, element id area-<target>).
const TAB_TARGETS = { injuries: 'injuries', bankruptcy: 'bankruptcy', surrogate: 'surrogate', liens: 'liens', incident: 'incident_facts' };

/** The case page; a new case id starts afresh (its own tab, forms and quick add). */
export function CasePage({ me, id }) {
  if (me.role === 'advisor') return html`<${AdvisorCasePage} key=${id} me=${me} id=${id} />`;
  return html`<${CaseSummaryPage} key=${id} me=${me} id=${id} />`;
}

/** Scroll to an element and move the focus there (for screen readers), once it is rendered. */
function reveal(elementId) {
  setTimeout(() => {
    const el = document.getElementById(elementId);
    if (!el) return;
    el.scrollIntoView({ behavior: 'smooth', block: 'start' });
    el.focus({ preventScroll: true });
  }, 0);
}

function CaseSummaryPage({ me, id }) {
  const { data: summary, error, reload } = useGet(`/cases/${id}/summary`);
  const { lists, error: listError, reload: reloadLists } = useLists(LISTS, me);
  const [rev, setRev] = useState(0); // bumped after every change: the timeline reloads too
  const [tab, setTab] = useState('incident_facts');
  const [quick, setQuick] = useState(null); // null | {kind, preset}
  const canEdit = (me.rights || []).includes('case_edit');

  function changed() {
    setRev((r) => r + 1);
    reload();
  }

  function goTo(target) {
    if (TAB_TARGETS[target]) {
      setTab(TAB_TARGETS[target]);
      reveal(`tab-${TAB_TARGETS[target]}`);
    } else {
      reveal(document.getElementById(`area-${target}`) ? `area-${target}` : 'area-basic');
    }
  }

  if (error && !summary) {
    if (error.status === 404) {
      return html`<${PageHeader} title="Case not found" />
        <section class="card card-pad"><${EmptyState} icon="search" title="There is no case here you may see">
          It may have been deleted, or it is not one of yours. <a href="#/cases">Go to the case list</a><//></section>`;
    }
    return html`<${PageHeader} title="Case" />
      <${Alert} kind="error" title="The case could not be loaded">${error.detail}
        <button type="button" class="link-btn" onClick=${reload}>Try again</button><//>`;
  }
  if (listError) {
    return html`<${PageHeader} title="Case" />
      <${Alert} kind="error" title="The case could not be loaded">${listError}
        <button type="button" class="link-btn" onClick=${reloadLists}>Try again</button><//>`;
  }
  if (!summary || !lists) return html`<${Spinner} label="Loading the case…" />`;

  const kase = summary.case;
  const hookProps = { kase, summary, lists, me, canEdit, onChanged: changed };
  const sub = [kase.case_type?.name, kase.case_subtype?.name].filter(Boolean).join(' · ');
  const openQuick = (kind, preset) => setQuick({ kind, preset });

  return html`<${PageHeader} kicker=${kase.number || 'No number'} title=${kase.name} subtitle=${sub}>
      <a class="btn btn-ghost" href="#/cases"><${Icon} name="back" /><span>Cases</span></a>
    <//>
    ${canEdit ? html`<${QuickAddBar} onPick=${(kind) => openQuick(kind)} />` : null}
    ${error ? html`<${Alert} kind="error" title="The case could not be brought up to date">${error.detail}
      <button type="button" class="link-btn" onClick=${reload}>Try again</button><//>` : null}
    <${BasicData} summary=${summary} me=${me} lists=${lists} canEdit=${canEdit} goTo=${goTo} onChanged=${changed}
      hookProps=${hookProps} />
    ${isInsuranceCase(kase) ? html`<${PendingCaseArea} key=${kase.id} kase=${kase} canEdit=${canEdit} hookProps=${hookProps}
      onChanged=${() => setRev((r) => r + 1)} />` : null}
    <div class="case-columns">
      <${CaseStaff} kase=${kase} rows=${summary.staff || []} lists=${lists} canEdit=${canEdit} onChanged=${changed} />
      <${CaseNotes} kase=${kase} me=${me} items=${summary.notes || []} lists=${lists} canEdit=${canEdit} rev=${rev}
        onChanged=${changed} />
    </div>
    <div class="case-columns">
      <${Appointments} items=${summary.appointments || []} hookProps=${hookProps} />
      <${Tasks} kase=${kase} items=${summary.tasks || []} canEdit=${canEdit} onAdd=${() => openQuick('task')}
        onChanged=${changed} hookProps=${hookProps} />
    </div>
    <div class="case-columns">
      <${Courts} items=${summary.courts || []} hookProps=${hookProps} />
      <${Deadlines} items=${summary.deadlines || []} canEdit=${canEdit} onAdd=${(kind) => openQuick('deadline', kind)}
        hookProps=${hookProps} />
    </div>
    <${Plaintiffs} items=${summary.plaintiffs || []} hookProps=${hookProps} />
    <${Defendants} items=${summary.defendants || []} hookProps=${hookProps} />
    <${CaseTabs} summary=${summary} tab=${tab} onTab=${setTab} canEdit=${canEdit} onChanged=${changed}
      hookProps=${hookProps} />
    <${UdfArea} items=${summary.udf || []} hookProps=${hookProps} />
    <${CaseTimeline} kase=${kase} rev=${rev} />
    ${quick ? html`<${QuickAddDialog} quick=${quick} summary=${summary} me=${me} lists=${lists}
      onDone=${() => { setQuick(null); changed(); }} onCancel=${() => setQuick(null)} />` : null}`;
}
