// policy.test.mjs - the pending-case data behind case status reports (docs/api.md "Pending cases
// and case status reports": "Policy data", "Requirements", "Status report setup", "Advisors and
// their logs"): a case's policy data with its versions and rules, requirements in their listed
// order, the firm's report settings and each office's follow-up setup, the primary advisor mark
// of roles, the advisors list and logs, and what an advisor who logs in may see (only their own
// cases, read only). The server runs with the demo data, whose insurance cases (DEMO-2001..2006)
// carry policy data, requirements, advisors and the follow-up setup (src/cli/demo_reports.c);
// a second `caseload demo` adds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, api, loginDemo, assertJson, assertProblem, uniq,
} from './helper.mjs';

let s;
const as = {};
const ids = {};

/** The server's today: the date where this process runs (the demo and the server share it). */
function localToday(offset = 0) {
	const d = new Date();
	d.setDate(d.getDate() + offset);
	const p = (n) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** todays() are the dates that count as today for an answer received now (midnight may pass). */
const todays = (before) => [...new Set([before, localToday()])];

function req(method, path, o = {}) {
	const headers = { ...(o.headers || {}) };
	if (o.ifMatch !== undefined) headers['If-Match'] = String(o.ifMatch);
	return api(s, method, path, { session: o.as || as.admin, body: o.body, headers });
}

async function get(path, who) {
	return assertJson(await req('GET', path, { as: who }));
}

async function post(path, body, who, status = 201) {
	return assertJson(await req('POST', path, { as: who, body }), status);
}

async function put(path, body, o = {}) {
	return assertJson(await req('PUT', path, { ...o, body }));
}

async function all(path, who) {
	const items = [];
	let cursor = null;
	for (let pages = 0; pages < 100; pages++) {
		const sep = path.includes('?') ? '&' : '?';
		const page = await get(`${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, who);
		items.push(...page.items);
		if (page.next_cursor === null) return items;
		cursor = page.next_cursor;
	}
	throw new Error(`${path}: paging did not end`);
}

const byName = (items, name) => {
	const x = items.find((i) => i.name === name);
	assert.ok(x, `${name} among ${items.map((i) => i.name).join(', ')}`);
	return x;
};

/** The demo case with this number (as admin). */
async function demoCase(number) {
	const k = (await all('/api/v1/cases')).find((c) => c.number === number);
	assert.ok(k, `demo case ${number}`);
	return k;
}

const policyUrl = (id) => `/api/v1/cases/${id}/policy`;
const reqUrl = (id, row) => `/api/v1/cases/${id}/requirements${row ? `/${row}` : ''}`;

async function newCase(typeId, who = as.paula) {
	return post('/api/v1/cases', { name: uniq('Pending '), case_type_id: typeId }, who);
}

async function newContact(body) {
	return post('/api/v1/contacts', body);
}

async function eventsOf(caseId, type) {
	const items = await all(`/api/v1/cases/${caseId}/timeline`);
	return items.filter((e) => e.type === type).reverse();   // oldest first
}

before(async () => {
	s = await startServer();
	for (const who of ['admin', 'paula', 'avery', 'clara']) as[who] = await loginDemo(s, who);
	const types = (await get('/api/v1/setup/case-types')).items;
	ids.life = byName(types, 'Life Insurance').id;
	ids.ltc = byName(types, 'Long-Term Care').id;
	ids.auto = byName(types, 'Auto Accident').id;
	const statuses = (await get('/api/v1/setup/statuses')).items;
	for (const n of ['Application Received', 'Underwriting', 'Approved', 'Issued', 'Placed',
		'Medical Exam Ordered', 'Intake']) ids[n] = byName(statuses, n).id;
	const offices = (await get('/api/v1/offices')).items;
	ids.main = byName(offices, 'Main Office').id;
	ids.downtown = byName(offices, 'Downtown Office').id;
});
after(async () => { await s?.stop(); });

// ---- policy data -------------------------------------------------------------------------

test('policy: empty on a new case, added without If-Match, then 428 without it and 409 when stale', async () => {
	const k = await newCase(ids.life);
	const empty = await req('GET', policyUrl(k.id), { as: as.paula });
	assert.deepEqual(assertJson(empty), {
		case_id: k.id, policy_number: '', insured: null, carrier: null, product: '',
		amount_cents: null, kind: 'formal', parent_case: null, next_follow_up: null,
		last_follow_up: null, version: 0, updated_at: null,
	});
	assert.equal(empty.headers.etag, '"0"');

	const insured = await newContact({ kind: 'person', first_name: 'Ivy', last_name: uniq('Insured') });
	const carrier = await newContact({ kind: 'organisation', org_name: uniq('Carrier Life ') });
	const made = await req('PUT', policyUrl(k.id), {
		as: as.paula,
		body: {
			policy_number: ' P-100 ', insured_id: insured.id, carrier_id: carrier.id,
			product: 'Term 10', amount_cents: 10000000, next_follow_up: '2030-01-15',
		},
	});
	const p1 = assertJson(made);
	assert.equal(made.headers.etag, '"1"');
	assert.equal(p1.version, 1);
	assert.equal(p1.policy_number, 'P-100', 'trimmed');
	assert.deepEqual(p1.insured, { id: insured.id, name: `Ivy ${insured.last_name}` });
	assert.deepEqual(p1.carrier, { id: carrier.id, name: carrier.org_name });
	assert.equal(p1.amount_cents, 10000000);
	assert.equal(p1.kind, 'formal');
	assert.equal(p1.next_follow_up, '2030-01-15');
	assert.equal(p1.last_follow_up, null);
	assert.equal(typeof p1.updated_at, 'string');
	assert.deepEqual(await get(policyUrl(k.id), as.paula), p1, 'GET answers what PUT did');

	assertProblem(await req('PUT', policyUrl(k.id), { as: as.paula, body: { product: 'x' } }),
		428, 'precondition_required', 'header.If-Match');
	assertProblem(await req('PUT', policyUrl(k.id), { as: as.paula, body: { product: 'x' }, ifMatch: 0 }),
		409, 'conflict', 'header.If-Match');
	assertProblem(await req('PUT', policyUrl(k.id), { as: as.paula, body: { product: 'x' }, ifMatch: 7 }),
		409, 'conflict', 'header.If-Match');

	// only the given members change
	const p2 = await put(policyUrl(k.id), { product: 'Term 20', amount_cents: null },
		{ as: as.paula, ifMatch: 1 });
	assert.deepEqual(p2, { ...p1, product: 'Term 20', amount_cents: null, version: 2, updated_at: p2.updated_at });
	assertProblem(await req('PUT', policyUrl(k.id), { as: as.paula, body: { product: 'Term 30' }, ifMatch: 1 }),
		409, 'conflict', 'header.If-Match');
	// nothing changes: nothing written
	const same = await put(policyUrl(k.id), { product: 'Term 20' }, { as: as.paula, ifMatch: '"2"' });
	assert.equal(same.version, 2);

	const events = await eventsOf(k.id, 'policy.changed');
	assert.equal(events.length, 2, 'one event per write');
	assert.match(events[0].description, /^Policy data added/);
	assert.match(events[0].description, /P-100/);
	assert.match(events[1].description, /product: Term 10 → Term 20/);
	assert.match(events[1].description, /amount: 100000\.00 → \(none\)/);
});

test('policy: a case on which nothing was added yet takes If-Match 0; any other version is 409', async () => {
	const k = await newCase(ids.life);
	assertProblem(await req('PUT', policyUrl(k.id), { as: as.paula, body: { product: 'x' }, ifMatch: 1 }),
		409, 'conflict', 'header.If-Match');
	const p = await put(policyUrl(k.id), { kind: 'group' }, { as: as.paula, ifMatch: 0 });
	assert.equal(p.version, 1);
	assert.equal(p.kind, 'group');
});

test('policy: bad input names the field; informal child needs an insurance parent other than itself', async () => {
	const k = await newCase(ids.life);
	const legal = await newCase(ids.auto);
	const parent = await newCase(ids.ltc);
	const bad = async (body, status, code, field) => assertProblem(
		await req('PUT', policyUrl(k.id), { as: as.paula, body }), status, code, field);
	await bad({ kind: 'bogus' }, 422, 'unprocessable', 'kind');
	await bad({ kind: 'informal_child' }, 422, 'unprocessable', 'parent_case_id');
	await bad({ kind: 'informal_child', parent_case_id: k.id }, 422, 'unprocessable', 'parent_case_id');
	await bad({ kind: 'informal_child', parent_case_id: legal.id }, 422, 'unprocessable', 'parent_case_id');
	await bad({ kind: 'informal_child', parent_case_id: 99999999 }, 422, 'unprocessable', 'parent_case_id');
	await bad({ insured_id: 99999999 }, 422, 'unprocessable', 'insured_id');
	await bad({ carrier_id: 99999999 }, 422, 'unprocessable', 'carrier_id');
	await bad({ amount_cents: -5 }, 400, 'invalid', 'amount_cents');
	await bad({ next_follow_up: '2026-02-30' }, 400, 'invalid', 'next_follow_up');
	await bad({ last_follow_up: 'soon' }, 400, 'invalid', 'last_follow_up');
	await bad({ policy_number: 'x'.repeat(41) }, 422, 'unprocessable', 'policy_number');
	await bad({ colour: 'red' }, 400, 'invalid', 'colour');
	assert.equal((await get(policyUrl(k.id), as.paula)).version, 0, 'nothing was written');

	const child = await put(policyUrl(k.id), { kind: 'informal_child', parent_case_id: parent.id },
		{ as: as.paula });
	assert.equal(child.kind, 'informal_child');
	assert.equal(child.parent_case.id, parent.id);
	assert.equal(child.parent_case.name, parent.name);
	assert.equal(child.parent_case.number, parent.number);
	assert.equal(child.parent_case.stage, 'Application Received');
	const formal = await put(policyUrl(k.id), { kind: 'formal' }, { as: as.paula, ifMatch: 1 });
	assert.equal(formal.parent_case, null, 'another kind clears the parent');
});

test('policy: only an insurance case has one (422 on case); an unknown case is 404', async () => {
	const legal = await newCase(ids.auto);
	assertProblem(await req('GET', policyUrl(legal.id), { as: as.paula }), 422, 'unprocessable', 'case');
	assertProblem(await req('PUT', policyUrl(legal.id), { as: as.paula, body: { product: 'x' } }),
		422, 'unprocessable', 'case');
	assertProblem(await req('GET', policyUrl(99999999), { as: as.paula }), 404, 'not_found');
	assertProblem(await req('PUT', policyUrl(99999999), { as: as.paula, body: {} }), 404, 'not_found');
});

// ---- requirements ------------------------------------------------------------------------

test('requirements: added last in order unless a position is given; fields round-trip; rules', async () => {
	const k = await newCase(ids.life);
	const a = await post(reqUrl(k.id), { name: ' Signed application ', key: true }, as.paula);
	assert.deepEqual(Object.keys(a).sort(), ['comments', 'created_at', 'id', 'key', 'name', 'pos',
		'position', 'received_date', 'requested_date', 'status', 'updated_at', 'version']);
	assert.equal(a.name, 'Signed application');
	assert.equal(a.status, 'outstanding');
	assert.equal(a.key, true);
	assert.equal(a.pos, false);
	assert.equal(a.position, 1);
	assert.equal(a.requested_date, null);
	assert.equal(a.version, 1);
	const b = await post(reqUrl(k.id), {
		name: 'Paramedical exam', status: 'waived', requested_date: '2026-03-01', comments: 'not needed',
	}, as.paula);
	assert.equal(b.position, 2);
	assert.equal(b.requested_date, '2026-03-01');
	assert.equal(b.comments, 'not needed');
	const c = await post(reqUrl(k.id), { name: 'Address change', pos: true }, as.paula);
	assert.equal(c.position, 3);
	assert.equal(c.pos, true);
	const first = await post(reqUrl(k.id), { name: 'Cover letter', position: 0 }, as.paula);

	const list = await get(reqUrl(k.id), as.paula);
	assert.deepEqual(list.items.map((x) => x.id), [first.id, a.id, b.id, c.id], 'in listed order');
	assert.equal(list.next_cursor, null);
	assert.deepEqual(list.items[1], a, 'each row as POST answered it');
	const outstanding = await get(`${reqUrl(k.id)}?outstanding=true`, as.paula);
	assert.deepEqual(outstanding.items.map((x) => x.id), [first.id, a.id, c.id]);
	const every = await get(`${reqUrl(k.id)}?outstanding=false`, as.paula);
	assert.equal(every.items.length, 4);
	assertProblem(await req('GET', `${reqUrl(k.id)}?outstanding=yes`, { as: as.paula }), 400, 'invalid', 'query.outstanding');

	const got = await req('GET', reqUrl(k.id, a.id), { as: as.paula });
	assert.deepEqual(assertJson(got), a);
	assert.equal(got.headers.etag, '"1"');

	const bad = async (body, status, code, field) => assertProblem(
		await req('POST', reqUrl(k.id), { as: as.paula, body }), status, code, field);
	await bad({}, 422, 'unprocessable', 'name');
	await bad({ name: '   ' }, 422, 'unprocessable', 'name');
	await bad({ name: 'x'.repeat(201) }, 422, 'unprocessable', 'name');
	await bad({ name: 'x', status: 'lost' }, 422, 'unprocessable', 'status');
	await bad({ name: 'x', position: -1 }, 422, 'unprocessable', 'position');
	await bad({ name: 'x', requested_date: '2026-13-01' }, 400, 'invalid', 'requested_date');
	await bad({ name: 'x', key: 'yes' }, 400, 'invalid', 'key');
	assert.equal((await get(reqUrl(k.id), as.paula)).items.length, 4, 'nothing added by bad input');
	assertProblem(await req('GET', reqUrl(k.id, 99999999), { as: as.paula }), 404, 'not_found');
	const other = await newCase(ids.life);
	assertProblem(await req('GET', reqUrl(other.id, a.id), { as: as.paula }), 404, 'not_found',
		undefined);
});

test('requirements: received is dated today unless a date is given; If-Match; delete; timeline', async () => {
	const k = await newCase(ids.life);
	const r = await post(reqUrl(k.id), { name: 'Attending physician statement', key: true }, as.paula);
	assertProblem(await req('PATCH', reqUrl(k.id, r.id), { as: as.paula, body: { status: 'received' } }),
		428, 'precondition_required', 'header.If-Match');
	const day = localToday();
	const received = assertJson(await req('PATCH', reqUrl(k.id, r.id),
		{ as: as.paula, body: { status: 'received' }, ifMatch: 1 }));
	assert.equal(received.status, 'received');
	assert.ok(todays(day).includes(received.received_date), `received today: ${received.received_date}`);
	assert.equal(received.version, 2);
	assert.equal(received.key, true, 'untouched');
	assertProblem(await req('PATCH', reqUrl(k.id, r.id), { as: as.paula, body: { key: false }, ifMatch: 1 }),
		409, 'conflict', 'header.If-Match');

	const dated = await post(reqUrl(k.id), { name: 'Tax return', status: 'received', received_date: '2026-01-05' }, as.paula);
	assert.equal(dated.received_date, '2026-01-05', 'the given date stays');
	const onAdd = await post(reqUrl(k.id), { name: 'ID copy', status: 'received' }, as.paula);
	assert.ok(todays(day).includes(onAdd.received_date), 'received on add: today');

	const moved = assertJson(await req('PATCH', reqUrl(k.id, dated.id),
		{ as: as.paula, body: { position: 0, comments: 'first' }, ifMatch: 1 }));
	assert.equal(moved.position, 0);
	assert.deepEqual((await get(reqUrl(k.id), as.paula)).items.map((x) => x.id), [dated.id, r.id, onAdd.id]);
	const same = assertJson(await req('PATCH', reqUrl(k.id, dated.id),
		{ as: as.paula, body: { comments: 'first' }, ifMatch: 2 }));
	assert.equal(same.version, 2, 'no change, no new version');

	const del = await req('DELETE', reqUrl(k.id, onAdd.id), { as: as.paula });
	assert.equal(del.status, 204);
	assertProblem(await req('GET', reqUrl(k.id, onAdd.id), { as: as.paula }), 404, 'not_found');
	assertProblem(await req('DELETE', reqUrl(k.id, onAdd.id), { as: as.paula }), 404, 'not_found');

	const added = await eventsOf(k.id, 'requirement.added');
	assert.deepEqual(added.map((e) => e.description), [
		'Requirement "Attending physician statement" added (outstanding, key)',
		'Requirement "Tax return" added (received)',
		'Requirement "ID copy" added (received)',
	]);
	const changed = await eventsOf(k.id, 'requirement.changed');
	assert.equal(changed.length, 2);
	assert.match(changed[0].description, /^Requirement "Attending physician statement": status: outstanding → received; received: \(none\) → \d{4}-\d\d-\d\d$/);
	assert.match(changed[1].description, /position: 2 → 0/);
	const removed = await eventsOf(k.id, 'requirement.removed');
	assert.deepEqual(removed.map((e) => e.description), ['Requirement "ID copy" removed']);
	for (const e of [...added, ...changed, ...removed]) assert.equal(e.staff.name, 'Paula Lane');
});

// ---- setup -------------------------------------------------------------------------------

test('status report settings: defaults, admin writes, staff reads, others 403, 422s', async () => {
	const url = '/api/v1/setup/status-report';
	assert.deepEqual(await get(url), { default_subject: 'Case status update', include: ['outstanding'] });
	assertProblem(await req('GET', url, { as: as.avery }), 403, 'forbidden');
	assertProblem(await req('GET', url, { as: as.clara }), 403, 'forbidden');
	assertProblem(await req('PUT', url, { as: as.paula, body: { default_subject: 'x' } }), 403, 'forbidden');

	const set = await put(url, { default_subject: '  Where your cases stand ', include: ['waived', 'outstanding'] });
	assert.deepEqual(set, { default_subject: 'Where your cases stand', include: ['outstanding', 'waived'] });
	assert.deepEqual(await get(url, as.paula), set, 'staff read what was set');
	const partial = await put(url, { include: ['received'] });
	assert.deepEqual(partial, { default_subject: 'Where your cases stand', include: ['received'] });

	assertProblem(await req('PUT', url, { body: { default_subject: '  ' } }), 422, 'unprocessable', 'default_subject');
	assertProblem(await req('PUT', url, { body: { include: [] } }), 422, 'unprocessable', 'include');
	assertProblem(await req('PUT', url, { body: { include: null } }), 422, 'unprocessable', 'include');
	assertProblem(await req('PUT', url, { body: { include: ['lost'] } }), 422, 'unprocessable', 'include[0]');
	assertProblem(await req('PUT', url, { body: { include: ['received', 3] } }), 400, 'invalid', 'include[1]');
	assertProblem(await req('PUT', url, { body: { include: 'received' } }), 400, 'invalid', 'include');
	assertProblem(await req('PUT', url, { body: { default_subject: 'x'.repeat(201) } }), 422, 'unprocessable', 'default_subject');
	assert.deepEqual(await get(url), partial, 'nothing changed by bad input');
	await put(url, { default_subject: 'Case status update', include: ['outstanding'] });
});

test('office follow-ups: the demo offices; set stage-based ones; the answer in stage order; 422s; rights', async () => {
	const main = await get(`/api/v1/offices/${ids.main}/follow-up`, as.paula);
	assert.equal(main.method, 'stage');
	assert.deepEqual(main.stages.map((x) => x.status.name),
		['Application Received', 'Underwriting', 'Approved', 'Issued', 'Placed']);
	for (const st of main.stages) {
		assert.ok(st.interval_days >= 1 && st.interval_days <= 365);
		assert.ok(st.report_text.length > 10, 'custom text per stage');
	}
	assert.deepEqual(await get(`/api/v1/offices/${ids.downtown}/follow-up`), { method: 'none', stages: [] });

	const office = await post('/api/v1/offices', { name: uniq('Office ') });
	const url = `/api/v1/offices/${office.id}/follow-up`;
	assert.deepEqual(await get(url), { method: 'none', stages: [] });
	const set = await put(url, {
		method: 'stage',
		stages: [
			{ status_id: ids.Issued, interval_days: 10, report_text: ' Please deliver the policy. ' },
			{ status_id: ids.Underwriting, interval_days: 14 },
		],
	});
	assert.deepEqual(set, {
		method: 'stage',
		stages: [
			{ status: { id: ids.Underwriting, name: 'Underwriting' }, interval_days: 14, report_text: '' },
			{ status: { id: ids.Issued, name: 'Issued' }, interval_days: 10, report_text: 'Please deliver the policy.' },
		],
	});
	assert.deepEqual(await get(url, as.paula), set);
	const none = await put(url, { method: 'none' });
	assert.deepEqual(none, { ...set, method: 'none' }, 'the stages stay when only the method is given');
	assert.deepEqual(await put(url, { stages: [] }), { method: 'none', stages: [] });

	const bad = async (body, status, code, field) => assertProblem(
		await req('PUT', url, { body }), status, code, field);
	await bad({ method: 'weekly' }, 422, 'unprocessable', 'method');
	await bad({ method: 'stage', stages: [{ status_id: ids.Approved, interval_days: 7 }, { status_id: ids.Approved, interval_days: 9 }] },
		422, 'unprocessable', 'stages[1].status_id');
	await bad({ stages: [{ status_id: ids['Medical Exam Ordered'], interval_days: 7 }] }, 422, 'unprocessable', 'stages[0].status_id');
	await bad({ stages: [{ status_id: 99999999, interval_days: 7 }] }, 422, 'unprocessable', 'stages[0].status_id');
	await bad({ stages: [{ interval_days: 7 }] }, 422, 'unprocessable', 'stages[0].status_id');
	await bad({ stages: [{ status_id: ids.Approved, interval_days: 0 }] }, 422, 'unprocessable', 'stages[0].interval_days');
	await bad({ stages: [{ status_id: ids.Approved, interval_days: 366 }] }, 422, 'unprocessable', 'stages[0].interval_days');
	await bad({ stages: [{ status_id: ids.Approved }] }, 422, 'unprocessable', 'stages[0].interval_days');
	await bad({ stages: [{ status_id: ids.Approved, interval_days: 7, colour: 1 }] }, 400, 'invalid', 'stages[0].colour');
	await bad({ stages: ['x'] }, 400, 'invalid', 'stages[0]');
	await bad({ stages: {} }, 400, 'invalid', 'stages');
	assert.deepEqual(await get(url), { method: 'none', stages: [] }, 'nothing written by bad input');

	assertProblem(await req('PUT', url, { as: as.paula, body: { method: 'stage' } }), 403, 'forbidden');
	assertProblem(await req('GET', url, { as: as.avery }), 403, 'forbidden');
	assertProblem(await req('GET', '/api/v1/offices/99999999/follow-up'), 404, 'not_found');
	assertProblem(await req('PUT', '/api/v1/offices/99999999/follow-up', { body: { method: 'stage' } }), 404, 'not_found');
});

test('a stage status used by an office follow-up cannot be deleted (409), and can once unused', async () => {
	const stageType = (await get('/api/v1/setup/status-types')).items.find((t) => t.stage);
	const status = await post('/api/v1/setup/statuses', {
		status_type_id: stageType.id, name: `Reissue ${Date.now()}`, expected_days: 5, group: 'insurance', position: 990,
	});
	const office = await post('/api/v1/offices', { name: `Follow-up Office ${Date.now()}` });
	const url = `/api/v1/offices/${office.id}/follow-up`;
	await put(url, { method: 'stage', stages: [{ status_id: status.id, interval_days: 3 }] });
	const refused = await req('DELETE', `/api/v1/setup/statuses/${status.id}`, { ifMatch: status.version });
	assertProblem(refused, 409, 'conflict');
	assert.match(refused.json.detail, /office follow-ups/);
	await put(url, { stages: [] });
	const gone = await req('DELETE', `/api/v1/setup/statuses/${status.id}`, { ifMatch: status.version });
	assert.equal(gone.status, 204);
});

test('roles carry primary_advisor, only for category advisor (422 otherwise)', async () => {
	const roles = (await get('/api/v1/setup/roles')).items;
	assert.equal(byName(roles, 'Primary Advisor').primary_advisor, true, 'the demo marks it');
	for (const n of ['Writing Advisor', 'Servicing Advisor', 'Lead Attorney']) {
		assert.equal(byName(roles, n).primary_advisor, false, n);
	}
	assertProblem(await req('POST', '/api/v1/setup/roles', { body: { name: uniq('R '), category: 'paralegal', primary_advisor: true } }),
		422, 'unprocessable', 'primary_advisor');
	const role = await post('/api/v1/setup/roles', { name: uniq('Lead Advisor '), category: 'advisor', primary_advisor: true, position: 99 });
	assert.equal(role.primary_advisor, true);
	assert.deepEqual(await get(`/api/v1/setup/roles/${role.id}`), role);
	assertProblem(await req('PATCH', `/api/v1/setup/roles/${role.id}`, { body: { category: 'paralegal' }, ifMatch: role.version }),
		422, 'unprocessable', 'primary_advisor');
	const off = assertJson(await req('PATCH', `/api/v1/setup/roles/${role.id}`, { body: { primary_advisor: false }, ifMatch: role.version }));
	assert.equal(off.primary_advisor, false);
	const plain = await post('/api/v1/setup/roles', { name: uniq('Plain '), category: 'advisor' });
	assert.equal(plain.primary_advisor, false, 'false unless given');
	assertProblem(await req('POST', '/api/v1/setup/roles', { body: { name: uniq('R '), category: 'advisor', primary_advisor: 'yes' } }),
		400, 'invalid', 'primary_advisor');
});

// ---- the demo's pending cases ------------------------------------------------------------

test('demo: insurance cases with policy data of every kind, requirements, due and later follow-ups', async () => {
	const numbers = ['DEMO-2001', 'DEMO-2002', 'DEMO-2003', 'DEMO-2004', 'DEMO-2005', 'DEMO-2006'];
	const cases = {};
	for (const n of numbers) cases[n] = await demoCase(n);
	const kinds = {};
	let due = 0;
	let later = 0;
	let pos = 0;
	for (const n of numbers) {
		const p = await get(policyUrl(cases[n].id));
		assert.ok(p.version >= 1, `${n} has policy data`);
		assert.ok(p.policy_number, `${n} policy number`);
		assert.ok(p.insured && p.carrier && p.product, `${n} insured, carrier, product`);
		assert.ok(p.amount_cents > 0, `${n} amount`);
		kinds[n] = p.kind;
		if (p.next_follow_up && p.next_follow_up <= localToday()) due++;
		if (p.next_follow_up && p.next_follow_up > localToday()) later++;
		const rs = (await get(reqUrl(cases[n].id))).items;
		assert.ok(rs.length >= 3 && rs.length <= 6, `${n}: 3-6 requirements`);
		assert.ok(rs.some((r) => r.key), `${n}: a key requirement`);
		assert.ok(new Set(rs.map((r) => r.status)).size >= 2, `${n}: mixed statuses`);
		pos += rs.filter((r) => r.pos).length;
	}
	assert.ok(due >= 2 && later >= 2, `follow-ups due (${due}) and later (${later})`);
	assert.ok(pos >= 1, 'a POS requirement');
	assert.equal(kinds['DEMO-2003'], 'informal');
	assert.equal(kinds['DEMO-2004'], 'informal_child');
	assert.equal(kinds['DEMO-2005'], 'group');
	assert.equal((await get(policyUrl(cases['DEMO-2004'].id))).parent_case.number, 'DEMO-2003');
	assert.equal(cases['DEMO-2006'].office.name, 'Downtown Office', 'a case where follow-ups are none');
	assert.equal(cases['DEMO-2001'].office.name, 'Main Office');

	const staff = (await get(`/api/v1/cases/${cases['DEMO-2003'].id}/staff`)).items;
	assert.ok(staff.some((x) => x.role.name === 'Case Manager' && x.user && x.user.name === 'Paula Lane'),
		`a case manager: ${JSON.stringify(staff.map((x) => [x.role.name, x.user, x.contact]))}`);
});

test('a second caseload demo adds nothing', async () => {
	const k = await demoCase('DEMO-2001');
	const before = {
		policy: await get(policyUrl(k.id)),
		reqs: await get(reqUrl(k.id)),
		staff: await get(`/api/v1/cases/${k.id}/staff`),
		advisors: await all('/api/v1/advisors'),
		follow: await get(`/api/v1/offices/${ids.main}/follow-up`),
		contacts: (await all('/api/v1/contacts')).length,
	};
	const r = await s.cli(['demo', '--db', s.db]);
	assert.equal(r.code, 0, r.stderr);
	assert.match(r.stdout, /already present/);
	assert.deepEqual(await get(policyUrl(k.id)), before.policy);
	assert.deepEqual(await get(reqUrl(k.id)), before.reqs);
	assert.deepEqual(await get(`/api/v1/cases/${k.id}/staff`), before.staff);
	assert.deepEqual(await all('/api/v1/advisors'), before.advisors);
	assert.deepEqual(await get(`/api/v1/offices/${ids.main}/follow-up`), before.follow);
	assert.equal((await all('/api/v1/contacts')).length, before.contacts);
});

// ---- advisors and their logs -------------------------------------------------------------

test('advisors: the demo advisors with their preferred way and open insurance cases; staff only', async () => {
	const list = await all('/api/v1/advisors');
	for (const x of list) {
		assert.deepEqual(Object.keys(x).sort(), ['cases', 'email', 'first_name', 'id', 'last_name', 'name', 'preferred_comm']);
	}
	const grace = byName(list, 'Grace Holloway');
	assert.equal(grace.preferred_comm, 'letter');
	assert.equal(grace.email, 'grace.holloway@example.com');
	assert.equal(grace.first_name, 'Grace');
	assert.equal(grace.last_name, 'Holloway');
	assert.equal(grace.cases, 3, 'DEMO-2001, 2003, 2006');
	const victor = byName(list, 'Victor Lang');
	assert.equal(victor.email, '');
	assert.equal(victor.cases, 3, 'DEMO-2002, 2003, 2004');
	const miriam = byName(list, 'Miriam Okafor');
	assert.equal(miriam.preferred_comm, 'letter');
	assert.equal(miriam.cases, 2, 'DEMO-2005, 2006');
	const avery = byName(list, 'Avery Brooks');
	assert.equal(avery.id, as.avery.user.contact_id, 'the advisor user, through their contact');
	assert.equal(avery.cases, 3, 'DEMO-2001, 2002, 2005 (DEMO-4001 is not insurance)');
	assert.ok(!list.some((x) => x.name === 'James Whitfield'), 'an insured is no advisor');
	assert.deepEqual(list.map((x) => x.id), [...list.map((x) => x.id)].sort((a, b) => a - b), 'in id order');

	const q = await get('/api/v1/advisors?q=hollo');
	assert.deepEqual(q.items.map((x) => x.name), ['Grace Holloway']);
	const page = await get('/api/v1/advisors?limit=1');
	assert.equal(page.items.length, 1);
	assert.equal(typeof page.next_cursor, 'string');
	const next = await get(`/api/v1/advisors?limit=1&cursor=${encodeURIComponent(page.next_cursor)}`);
	assert.equal(next.items[0].id, list[1].id);

	assert.deepEqual(await all('/api/v1/advisors', as.paula), list, 'staff too');
	assertProblem(await req('GET', '/api/v1/advisors', { as: as.avery }), 403, 'forbidden');
	assertProblem(await req('GET', '/api/v1/advisors', { as: as.clara }), 403, 'forbidden');
	assertProblem(await req('GET', '/api/v1/advisors?limit=0'), 400, 'invalid', 'query.limit');
});

test('advisor log: empty before any report; an advisor reads only their own (404 otherwise)', async () => {
	const list = await all('/api/v1/advisors');
	const grace = byName(list, 'Grace Holloway');
	const own = as.avery.user.contact_id;
	assert.ok(own, 'avery is linked to her contact');
	assert.deepEqual(await get(`/api/v1/contacts/${grace.id}/advisor-log`), { items: [], next_cursor: null });
	assert.deepEqual(await get(`/api/v1/contacts/${grace.id}/advisor-log`, as.paula), { items: [], next_cursor: null });
	assert.deepEqual(await get(`/api/v1/contacts/${own}/advisor-log`, as.avery), { items: [], next_cursor: null });
	assertProblem(await req('GET', `/api/v1/contacts/${grace.id}/advisor-log`, { as: as.avery }), 404, 'not_found');
	assertProblem(await req('GET', `/api/v1/contacts/${own}/advisor-log`, { as: as.clara }), 403, 'forbidden');
	assertProblem(await req('GET', '/api/v1/contacts/99999999/advisor-log'), 404, 'not_found');
	assertProblem(await req('GET', `/api/v1/contacts/${grace.id}/advisor-log?cursor=@@`), 400, 'invalid', 'query.cursor');
});

// ---- an advisor who logs in --------------------------------------------------------------

test('an advisor sees only their own cases, with policy and requirements, read only', async () => {
	const mine = (await all('/api/v1/cases', as.avery)).map((k) => k.number).sort();
	assert.deepEqual(mine, ['DEMO-2001', 'DEMO-2002', 'DEMO-2005', 'DEMO-4001']);
	const k = await demoCase('DEMO-2001');
	const other = await demoCase('DEMO-2003');

	assert.equal((await get(`/api/v1/cases/${k.id}`, as.avery)).number, 'DEMO-2001');
	assert.equal((await get(`/api/v1/cases/${k.id}/summary`, as.avery)).case.number, 'DEMO-2001');
	const policy = await get(policyUrl(k.id), as.avery);
	assert.deepEqual(policy, await get(policyUrl(k.id)), 'the policy as staff see it');
	assert.equal(policy.policy_number, 'EVL-20-0045871');
	const rs = await get(reqUrl(k.id), as.avery);
	assert.deepEqual(rs, await get(reqUrl(k.id)), 'the requirements as staff see them');
	const open = await get(`${reqUrl(k.id)}?outstanding=true`, as.avery);
	assert.ok(open.items.length > 0 && open.items.every((r) => r.status === 'outstanding'));
	assert.deepEqual(await get(reqUrl(k.id, rs.items[0].id), as.avery), rs.items[0]);
	const child = await demoCase('DEMO-2005');
	assert.equal((await get(policyUrl(child.id), as.avery)).kind, 'group');

	for (const path of [`/api/v1/cases/${other.id}`, `/api/v1/cases/${other.id}/summary`,
		policyUrl(other.id), reqUrl(other.id)]) {
		assertProblem(await req('GET', path, { as: as.avery }), 404, 'not_found');
	}
	const otherReq = (await get(reqUrl(other.id))).items[0];
	assertProblem(await req('GET', reqUrl(other.id, otherReq.id), { as: as.avery }), 404, 'not_found');

	// writes: 403 on their own case, 404 on another's
	const row = rs.items[0];
	assertProblem(await req('PUT', policyUrl(k.id), { as: as.avery, body: { product: 'x' }, ifMatch: policy.version }), 403, 'forbidden');
	assertProblem(await req('POST', reqUrl(k.id), { as: as.avery, body: { name: 'x' } }), 403, 'forbidden');
	assertProblem(await req('PATCH', reqUrl(k.id, row.id), { as: as.avery, body: { status: 'waived' }, ifMatch: row.version }), 403, 'forbidden');
	assertProblem(await req('DELETE', reqUrl(k.id, row.id), { as: as.avery }), 403, 'forbidden');
	const kase = await get(`/api/v1/cases/${k.id}`, as.avery);
	assertProblem(await req('PATCH', `/api/v1/cases/${k.id}`, { as: as.avery, body: { description: 'x' }, ifMatch: kase.version }), 403, 'forbidden');
	assertProblem(await req('POST', '/api/v1/cases', { as: as.avery, body: { name: 'x', case_type_id: ids.life } }), 403, 'forbidden');
	assertProblem(await req('PUT', policyUrl(other.id), { as: as.avery, body: { product: 'x' }, ifMatch: 1 }), 404, 'not_found');
	assertProblem(await req('POST', reqUrl(other.id), { as: as.avery, body: { name: 'x' } }), 404, 'not_found');
	assertProblem(await req('DELETE', reqUrl(other.id, otherReq.id), { as: as.avery }), 404, 'not_found');
	assert.deepEqual(await get(reqUrl(k.id)), rs, 'nothing changed');
	assert.deepEqual(await get(policyUrl(k.id)), policy);
});
