// summary.test.mjs - GET /api/v1/cases/{id}/summary (docs/api.md "The summary"): the whole
// shape, first on a new case with nothing under it, then on a case built up through the API in
// every area, where each part of the summary must be exactly what the area's own endpoint
// answers (same JSON form), cut by the page's rules: the newest five notes, pending
// appointments, incomplete tasks, outstanding deadlines, the next deadline marked overdue,
// flags by their rules in list order, the tabs with their has_data marks, lien lines for every
// plaintiff with zeros, the defendants' coverage as the total liability coverage. Then scope:
// a client outside the case gets 404, the case's own client sees it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCaseServer, today, addDays, assertJson, assertProblem, uniq } from './casefix.mjs';

let fx;
let v;
before(async () => {
	fx = await startCaseServer();
	v = fx.v;
});
after(async () => { await fx?.stop(); });

const TOP_KEYS = ['case', 'key_dates', 'info', 'referral', 'flags', 'statuses', 'staff', 'notes',
	'appointments', 'tasks', 'courts', 'deadlines', 'plaintiffs', 'defendants', 'negotiations',
	'tabs', 'udf'];
const TAB_KEYS = ['incident_facts', 'injuries', 'liens', 'other_cases', 'surrogate', 'bankruptcy',
	'related_cases', 'other_plaintiffs'];
const ZERO = { count: 0, amount_cents: 0, negotiated_cents: 0, final_cents: 0 };

const summaryUrl = (id) => `/api/v1/cases/${id}/summary`;
const items = async (path, as) => (await fx.get(path, as)).items;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

test('a new case: every member present, the areas empty, only the incident facts marked', async () => {
	const k = await fx.createCase({ incident_date: '2026-01-15' });
	const s = await fx.get(summaryUrl(k.id), fx.staff);
	assert.deepEqual(Object.keys(s), TOP_KEYS);
	assert.deepEqual(s.case, await fx.get(`/api/v1/cases/${k.id}`), 'the case resource as GET answers it');
	assert.deepEqual(s.key_dates, {
		incident_date: '2026-01-15', opened_date: k.opened_date, wanted_date: null,
		retainer_date: null, expected_resolution_date: null, next_deadline: null,
	});
	assert.deepEqual(s.info, {
		state: null, office: null, value_range: null, value_history: [],
		total_liability_coverage_cents: 0, total_settlements_cents: 0,
		liability_code: '', liability_percent: null,
	});
	assert.deepEqual(s.referral, { in_form: '', in_contact: null, out_form: '', out_contact: null });
	assert.deepEqual(s.flags, []);
	assert.equal(s.statuses.length, 1, 'the first stage');
	assert.equal(s.statuses[0].status.id, v.intake.id);
	assert.equal(s.statuses[0].days_since, 0);
	assert.equal(s.statuses[0].overdue, false);
	for (const area of ['staff', 'notes', 'appointments', 'tasks', 'courts', 'deadlines',
		'plaintiffs', 'defendants', 'udf']) assert.deepEqual(s[area], [], area);
	assert.equal(s.negotiations, null);
	assert.deepEqual(Object.keys(s.tabs), TAB_KEYS);
	assert.deepEqual(s.tabs.incident_facts, { has_data: true, facts: '' });
	for (const t of TAB_KEYS.slice(1)) {
		assert.equal(s.tabs[t].has_data, false, `${t} has no data`);
		assert.deepEqual(s.tabs[t].items, [], `${t} items`);
	}
	assert.deepEqual(s.tabs.liens.total, ZERO);
});

test('the whole summary of a case built up in every area', async () => {
	const day = today();
	const caseUrl = (k, rest) => `/api/v1/cases/${k.id}/${rest}`;

	// the firm's vocabulary for the summary
	const filing = await fx.setup('deadline-types', { name: uniq('Filing '), position: 1 });
	const critFlag = await fx.setup('flags', { name: uniq('Critical Task '), condition: 'critical_task', param: '', target: 'tasks', position: 50 });
	const udfFlag = await fx.setup('flags', { name: uniq('Hazard '), condition: 'udf_equals', param: 'Hazard=1', target: 'udf', position: 51 });
	const unsetFlag = await fx.setup('flags', { name: uniq('Venue set '), condition: 'udf_set', param: 'Venue', target: 'udf', position: 52 });
	const type = await fx.setup('case-types', { name: uniq('Summary Type '), group: 'legal', position: 90 });
	await fx.setup('udf-fields', { name: 'Hazard', case_type_id: type.id, format: 'yesno', required: false, options: [], position: 1 });
	await fx.setup('udf-fields', { name: 'Venue', case_type_id: type.id, format: 'picklist', required: false, options: ['Kings', 'Queens'], position: 2 });
	await fx.setup('udf-fields', { name: 'Claim', case_type_id: type.id, format: 'money', required: false, options: [], position: 3 });

	// contacts
	const minorBirth = addDays(day, -365 * 10);
	const minor = await fx.newContact({ first_name: 'Mina', last_name: uniq('Minor'), birth_date: minorBirth });
	const dead = await fx.newContact({ first_name: 'Dora', last_name: uniq('Dead'), birth_date: '1950-01-01', death_date: '2026-01-02', death_place: 'Albany' });
	const stranger = await fx.newContact({ first_name: 'Otto', last_name: uniq('Other') });
	const driver = await fx.newContact({ first_name: 'Dan', last_name: uniq('Driver') });
	const owner = await fx.post('/api/v1/contacts', { kind: 'organisation', org_name: uniq('Truck Owner ') });
	const insurer = await fx.post('/api/v1/contacts', { kind: 'organisation', org_name: uniq('Insurer ') });
	const referee = await fx.post('/api/v1/contacts', { kind: 'organisation', org_name: uniq('Referred Firm ') });
	const court = await fx.post('/api/v1/contacts', { kind: 'organisation', org_name: uniq('Supreme Court ') });
	const judge = await fx.newContact({ first_name: 'Judy', last_name: uniq('Judge') });

	// the case and its own data
	let k = await fx.createCase({ case_type_id: type.id, incident_date: '2026-01-15', state: 'NY', office_id: v.office.id, value_range_id: v.mid.id, serious_injury: true });
	k = await fx.patch(`/api/v1/cases/${k.id}`, {
		retainer_date: '2026-02-01', referral_in_form: 'Web', referral_out_form: 'Co-counsel',
		referral_out_contact_id: referee.id, liability_code: 'A', liability_percent: 80,
		incident_facts: 'Rear-ended at a light.', expected_resolution_date: '2027-01-01',
	}, k.version, fx.staff);
	const medical = await fx.setStatus(k.id, { status_type_id: v.medical.id, status_id: v.treating.id, date: addDays(day, -20) });
	await fx.post(caseUrl(k, 'staff'), { user_id: fx.staff2.id, role_id: v.paralegal.id }, fx.staff);
	for (let i = 0; i < 7; i++) {
		await fx.post(caseUrl(k, 'notes'), { note_type_id: v.general.id, body: `note ${i}`, at: iso(Date.UTC(2026, 0, 1 + i)) }, fx.staff);
	}

	// parties: a minor plaintiff with an injury summary, a deceased plaintiff, an other
	// plaintiff, two defendants
	const pMinor = await fx.post(caseUrl(k, 'parties'), { contact_id: minor.id, kind: 'plaintiff', role: 'Passenger', injury_summary: 'Broken arm' }, fx.staff);
	const pDead = await fx.post(caseUrl(k, 'parties'), { contact_id: dead.id, kind: 'plaintiff' }, fx.staff);
	const pOther = await fx.post(caseUrl(k, 'parties'), { contact_id: stranger.id, kind: 'plaintiff', represented: false }, fx.staff);
	const dDriver = await fx.post(caseUrl(k, 'parties'), { contact_id: driver.id, kind: 'defendant', role: 'Driver' }, fx.staff);
	const dOwner = await fx.post(caseUrl(k, 'parties'), { contact_id: owner.id, kind: 'defendant', role: 'Owner' }, fx.staff);
	await fx.post(caseUrl(k, 'insurance'), { party_id: pMinor.id, company_id: insurer.id, claim_number: 'P-1', coverage_cents: 5000000 }, fx.staff);
	await fx.post(caseUrl(k, 'insurance'), { party_id: dDriver.id, company_id: insurer.id, claim_number: 'D-1', coverage_cents: 10000000 }, fx.staff);
	await fx.post(caseUrl(k, 'insurance'), { party_id: dDriver.id, company_id: insurer.id, claim_number: 'D-2', coverage_cents: null }, fx.staff);
	await fx.post(caseUrl(k, 'insurance'), { party_id: dOwner.id, company_id: insurer.id, claim_number: 'D-3', coverage_cents: 2500000 }, fx.staff);
	await fx.post(caseUrl(k, 'liens'), { party_id: pMinor.id, description: 'Hospital', amount_cents: 100000 }, fx.staff);
	await fx.post(caseUrl(k, 'liens'), { party_id: pMinor.id, description: 'Medicaid', amount_cents: 200000, negotiated_cents: 150000 }, fx.staff);
	await fx.post(caseUrl(k, 'bankruptcies'), { party_id: dDriver.id, court_id: court.id, judge: 'Hon. B', docket_number: 'BK-1', retained_date: '2026-03-01' }, fx.staff);

	// work: tasks, appointments, deadlines, a court
	const tNormal = await fx.post(caseUrl(k, 'tasks'), { subject: 'Call client' }, fx.staff);
	const tCrit = await fx.post(caseUrl(k, 'tasks'), { subject: 'File now', priority: 'critical', due_date: addDays(day, 3) }, fx.staff);
	await fx.post(caseUrl(k, 'tasks'), { subject: 'Done already', completed: true }, fx.staff);
	const hour = 3600e3;
	await fx.post(caseUrl(k, 'appointments'), { starts_at: iso(Date.now() - 48 * hour), subject: 'past, held', completed: true }, fx.staff);
	const apOpen = await fx.post(caseUrl(k, 'appointments'), { starts_at: iso(Date.now() - 24 * hour), subject: 'past, not held', attendees: [{ contact_id: minor.id }] }, fx.staff);
	const apNext = await fx.post(caseUrl(k, 'appointments'), { starts_at: iso(Date.now() + 24 * hour), subject: 'coming', attendees: [{ user_id: fx.staff.id }, { contact_id: judge.id }] }, fx.staff);
	const solPast = await fx.post(caseUrl(k, 'deadlines'), { kind: 'plaintiff_sol', party_id: pMinor.id, due_date: addDays(day, -2) }, fx.staff);
	await fx.post(caseUrl(k, 'deadlines'), { kind: 'critical', deadline_type_id: filing.id, due_date: addDays(day, -30), done: true }, fx.staff);
	const critLater = await fx.post(caseUrl(k, 'deadlines'), { kind: 'critical', deadline_type_id: filing.id, due_date: addDays(day, 10) }, fx.staff);
	await fx.post(caseUrl(k, 'courts'), { court_id: court.id, docket_number: 'IDX-1', filing_date: '2026-03-01', personnel: [{ contact_id: judge.id, role: 'Judge' }] }, fx.staff);

	// user-defined fields, related and other cases
	const udfRes = await fx.req('PATCH', caseUrl(k, 'udf'), { as: fx.staff, body: { values: { Hazard: true } } });
	assert.equal(udfRes.status, 200, udfRes.text);
	const rel = await fx.createCase();
	await fx.post(caseUrl(k, 'related'), { case_id: rel.id }, fx.staff);
	const other = await fx.createCase();
	await fx.post(caseUrl(other, 'parties'), { contact_id: minor.id, kind: 'plaintiff' }, fx.staff);

	const s = await fx.get(summaryUrl(k.id), fx.staff2);
	assert.deepEqual(Object.keys(s), TOP_KEYS);
	const kNow = await fx.get(`/api/v1/cases/${k.id}`);
	assert.deepEqual(s.case, kNow);

	// key dates, with the next deadline: the earliest outstanding, past due so overdue
	const deadlines = await items(caseUrl(k, 'deadlines?outstanding=true'));
	assert.deepEqual(deadlines.map((d) => d.id), [solPast.id, critLater.id]);
	assert.deepEqual(s.key_dates, {
		incident_date: '2026-01-15', opened_date: kNow.opened_date, wanted_date: null,
		retainer_date: '2026-02-01', expected_resolution_date: '2027-01-01',
		next_deadline: { id: solPast.id, label: 'Plaintiff SOL', due_date: addDays(day, -2), party: deadlines[0].party, overdue: true },
	});

	// info: the defendants' coverage only (10,000,000 + 2,500,000; the unknown one counts nothing)
	assert.deepEqual(s.info, {
		state: 'NY', office: { id: v.office.id, name: v.office.name },
		value_range: { id: v.mid.id, name: v.mid.name },
		value_history: await items(caseUrl(k, 'value-history')),
		total_liability_coverage_cents: 12500000, total_settlements_cents: 0,
		liability_code: 'A', liability_percent: 80,
	});
	assert.deepEqual(s.referral, { in_form: 'Web', in_contact: null, out_form: 'Co-counsel', out_contact: { id: referee.id, name: referee.display_name } });

	// flags: the rules that hold, in list order; not the UDF flag without a value
	const flagList = await items('/api/v1/setup/flags');
	const holding = new Set(['Serious Injury', 'Bankruptcy', 'Referred Out', 'Deceased Plaintiff', 'SOL Past Due', 'Minor Plaintiff', critFlag.name, udfFlag.name]);
	const want = flagList.filter((f) => holding.has(f.name)).map((f) => ({ id: f.id, name: f.name, target: f.target }));
	assert.equal(want.length, 8);
	assert.deepEqual(s.flags, want);
	assert.ok(!s.flags.some((f) => f.id === unsetFlag.id));

	// the areas, each as its own endpoint answers
	const statuses = await items(caseUrl(k, 'statuses'));
	assert.deepEqual(s.statuses, statuses.map((r) => ({ ...r, days_since: r.days })));
	assert.equal(s.statuses.find((r) => r.id === medical.id).days_since, 20);
	assert.deepEqual(s.staff, await items(caseUrl(k, 'staff')));
	const notes = await items(caseUrl(k, 'notes?limit=5'));
	assert.deepEqual(s.notes, notes);
	assert.deepEqual(s.notes.map((n) => n.body), ['note 6', 'note 5', 'note 4', 'note 3', 'note 2']);
	assert.deepEqual(s.appointments, await items(caseUrl(k, 'appointments?pending=true')));
	assert.deepEqual(s.appointments.map((a) => a.id), [apOpen.id, apNext.id]);
	assert.deepEqual(s.appointments[1].attendees.length, 2);
	assert.deepEqual(s.tasks, await items(caseUrl(k, 'tasks?open=true')));
	assert.deepEqual(s.tasks.map((t) => t.id), [tCrit.id, tNormal.id]);
	assert.deepEqual(s.courts, await items(caseUrl(k, 'courts')));
	assert.equal(s.courts[0].personnel.length, 1);
	assert.deepEqual(s.deadlines, deadlines);

	// parties: the firm's plaintiffs and the defendants, each with its insurance rows
	const parties = await items(caseUrl(k, 'parties'));
	const insurance = await items(caseUrl(k, 'insurance'));
	const withInsurance = (p) => ({ ...p, insurance: insurance.filter((i) => i.party_id === p.id) });
	assert.deepEqual(s.plaintiffs, parties.filter((p) => p.kind === 'plaintiff' && p.represented).map(withInsurance));
	assert.deepEqual(s.plaintiffs.map((p) => p.id), [pMinor.id, pDead.id]);
	assert.equal(s.plaintiffs[0].insurance.length, 1);
	assert.deepEqual(s.defendants, parties.filter((p) => p.kind === 'defendant').map(withInsurance));
	assert.deepEqual(s.defendants.map((p) => p.insurance.length), [2, 1]);

	// the tabs
	const t = s.tabs;
	assert.deepEqual(t.incident_facts, { has_data: true, facts: 'Rear-ended at a light.' });
	assert.deepEqual(t.injuries, { has_data: true, items: [{ party_id: pMinor.id, name: pMinor.contact.name, injury_summary: 'Broken arm', pleadings_summary: '' }] });
	assert.deepEqual(t.liens, {
		has_data: true,
		items: [
			{ party_id: pMinor.id, name: pMinor.contact.name, count: 2, amount_cents: 300000, negotiated_cents: 250000, final_cents: 250000 },
			{ party_id: pDead.id, name: pDead.contact.name, ...ZERO },
			{ party_id: pOther.id, name: pOther.contact.name, ...ZERO },
		],
		total: { count: 2, amount_cents: 300000, negotiated_cents: 250000, final_cents: 250000 },
	});
	assert.deepEqual(t.other_cases, { has_data: true, items: await items(caseUrl(k, 'other-cases')) });
	assert.deepEqual(t.other_cases.items.map((b) => b.id), [other.id]);
	assert.deepEqual(t.surrogate, { has_data: true, items: [{ party_id: pDead.id, name: pDead.contact.name, death_date: '2026-01-02', death_place: 'Albany' }] });
	assert.deepEqual(t.bankruptcy, { has_data: true, items: await items(caseUrl(k, 'bankruptcies')) });
	assert.equal(t.bankruptcy.items.length, 1);
	assert.deepEqual(t.related_cases, { has_data: true, items: await items(caseUrl(k, 'related')) });
	assert.deepEqual(t.related_cases.items.map((b) => b.id), [rel.id]);
	assert.deepEqual(t.other_plaintiffs, { has_data: true, items: parties.filter((p) => !p.represented) });
	assert.deepEqual(t.other_plaintiffs.items.map((p) => p.id), [pOther.id]);

	// user-defined fields: every field of the type, in order, as GET .../udf answers
	const udf = await items(caseUrl(k, 'udf'));
	assert.deepEqual(s.udf, udf);
	assert.deepEqual(s.udf.map((u) => [u.field.name, u.value]), [['Hazard', true], ['Venue', null], ['Claim', null]]);

	// completing a task takes it off the summary
	assertJson(await fx.req('POST', caseUrl(k, `tasks/${tCrit.id}/complete`), { as: fx.staff }));
	const after = await fx.get(summaryUrl(k.id), fx.staff);
	assert.deepEqual(after.tasks.map((x) => x.id), [tNormal.id]);
	assert.ok(!after.flags.some((f) => f.id === critFlag.id), 'no critical task left');
});

test('scope: 404 for a case the caller may not see, and for no such case; the client of the case sees it', async () => {
	const k = await fx.createCase();
	const mine = await fx.newContact({ first_name: 'Cleo', last_name: uniq('Client') });
	const theirs = await fx.newContact({ first_name: 'Stan', last_name: uniq('Stranger') });
	await fx.post(`/api/v1/cases/${k.id}/parties`, { contact_id: mine.id, kind: 'plaintiff' }, fx.staff);
	const hidden = await fx.createCase();
	await fx.post(`/api/v1/cases/${k.id}/related`, { case_id: hidden.id }, fx.staff);

	const outsider = await fx.newUser('client', 'Stan Stranger', { contact_id: theirs.id });
	assertProblem(await fx.req('GET', summaryUrl(k.id), { as: outsider }), 404, 'not_found');
	assertProblem(await fx.req('GET', summaryUrl(987654321), { as: fx.staff }), 404, 'not_found');

	const client = await fx.newUser('client', 'Cleo Client', { contact_id: mine.id });
	const s = await fx.get(summaryUrl(k.id), client);
	assert.equal(s.case.id, k.id);
	assert.deepEqual(s.plaintiffs.map((p) => p.contact.id), [mine.id]);
	assert.deepEqual(s.tabs.related_cases, { has_data: false, items: [] }, 'not the related case the client may not open');
	const staffView = await fx.get(summaryUrl(k.id), fx.staff);
	assert.deepEqual(staffView.tabs.related_cases.items.map((b) => b.id), [hidden.id]);
});
