// cases.test.mjs - the case resource (docs/api.md "Cases"): defaults on create (owner, opened
// date, first stage, number), every field round-tripping, unknown ids naming their field, unique
// numbers, If-Match, the case_edit_name_number right, the value history, list filters, text
// search, cursor paging, advisor and client scoping, and deleting a case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { login } from './helper.mjs';
import {
	startCaseServer, todayWindow, assertJson, assertProblem, uniq, DATE_RE, TS_RE, PW,
} from './casefix.mjs';

let fx;
let v;
before(async () => {
	fx = await startCaseServer();
	v = fx.v;
});
after(async () => { await fx?.stop(); });

const CASE_KEYS = ['id', 'number', 'name', 'case_type', 'case_subtype', 'state', 'office', 'incident_date',
	'opened_date', 'wanted_date', 'expected_resolution_date', 'closed_date', 'closed', 'value_range',
	'min_settlement_cents', 'value_comments', 'serious_injury', 'mdl_master', 'description', 'owner', 'stage',
	'created_by', 'version', 'created_at', 'updated_at'];

const ref = (x) => ({ id: x.id, name: x.name });
const word = () => `zq${uniq('')}`;

test('create with defaults: owner is the creator, opened today, first stage of the group, a number', async () => {
	const w = todayWindow();
	const k = await fx.createCase({ name: 'Smith v. Jones' });
	for (const key of CASE_KEYS) assert.ok(key in k, `case has ${key}`);
	assert.equal(typeof k.id, 'number');
	assert.equal(typeof k.number, 'string');
	assert.ok(k.number.length > 0, 'a number from the pattern');
	assert.equal(k.name, 'Smith v. Jones');
	assert.deepEqual(k.case_type, { id: v.auto.id, name: 'Auto Accident', group: 'legal' });
	assert.deepEqual(k.owner, { id: fx.staff.id, name: 'Sam Staff' });
	assert.equal(k.created_by, fx.staff.id);
	w.check(k.opened_date, 'opened_date');
	assert.deepEqual(k.stage, ref(v.intake), 'the first stage of the legal group');
	for (const key of ['case_subtype', 'office', 'value_range', 'incident_date', 'wanted_date', 'expected_resolution_date', 'closed_date', 'min_settlement_cents']) {
		assert.equal(k[key], null, `${key} unset is null`);
	}
	assert.equal(k.closed, false);
	assert.equal(k.serious_injury, false);
	assert.equal(k.mdl_master, false);
	assert.equal(k.value_comments, '');
	assert.equal(k.description, '');
	assert.equal(k.version, 1);
	assert.match(k.created_at, TS_RE);
	assert.match(k.updated_at, TS_RE);

	const got = await fx.req('GET', `/api/v1/cases/${k.id}`, { as: fx.staff2 });
	assert.deepEqual(assertJson(got), k);
	assert.equal(got.headers.etag, '"1"');

	const cur = await fx.current(k.id);
	assert.equal(cur.length, 1, 'one status row: the stage');
	assert.deepEqual(cur[0].status_type, { id: v.stageType.id, name: 'Stage', stage: true });
	assert.deepEqual(cur[0].status, { id: v.intake.id, name: 'Intake', closing: false });
	assert.equal(cur[0].current, true);
	assert.equal(cur[0].to_date, null);
	assert.equal(cur[0].expected_days, 30);
	assert.deepEqual(cur[0].staff, { id: fx.staff.id, name: 'Sam Staff' });
	w.check(cur[0].from_date, 'stage from_date');
	assert.equal((await fx.history(k.id)).length, 1);
	assert.deepEqual((await fx.get(`/api/v1/cases/${k.id}/value-history`)).items, [], 'no value range, no value history');
	const tl = await fx.timeline(k.id);
	assert.deepEqual(tl.map((e) => e.type), ['case.created']);
	assert.deepEqual(tl[0].staff, { id: fx.staff.id, name: 'Sam Staff' });
});

test('the first stage comes from the case type group; status_id chooses another; no stage is 422', async () => {
	assert.deepEqual((await fx.createCase({ case_type_id: v.ticket.id })).stage, ref(v.newTicket));
	assert.deepEqual((await fx.createCase({ case_type_id: v.policy.id })).stage, ref(v.appReceived));
	const k = await fx.createCase({ status_id: v.preLit.id });
	assert.deepEqual(k.stage, ref(v.preLit));
	assert.deepEqual((await fx.current(k.id))[0].status, { id: v.preLit.id, name: 'Pre-Litigation', closing: false });
	// the mortgage group has no stage status (only the closing one, which is for every group)
	assertProblem(await fx.req('POST', '/api/v1/cases', { as: fx.staff, body: { name: 'No stage', case_type_id: v.mortgage.id } }), 422, 'unprocessable');
	// a sub-status is no first stage
	assertProblem(await fx.req('POST', '/api/v1/cases', { as: fx.staff, body: { name: 'x', case_type_id: v.auto.id, status_id: v.treating.id } }), 422, 'unprocessable', 'status_id');
});

test('numbers from the pattern are unique', async () => {
	const numbers = [];
	for (let i = 0; i < 6; i++) numbers.push((await fx.createCase()).number);
	assert.equal(new Set(numbers).size, numbers.length, `distinct: ${numbers}`);
});

test('every field round-trips on create, PATCH and GET; null and "" clear', async () => {
	const body = {
		number: uniq('RT-'), name: 'Round Trip v. Everything', case_type_id: v.auto.id, case_subtype_id: v.rearEnd.id,
		state: 'CA', office_id: v.office.id, incident_date: '2025-12-01', opened_date: '2026-01-05',
		wanted_date: '2026-01-06', expected_resolution_date: '2027-06-30', value_range_id: v.mid.id,
		min_settlement_cents: 5000000, value_comments: 'solid liability', serious_injury: true, mdl_master: true,
		description: 'Rear-ended at a light; whiplash and a broken wrist.', owner_id: fx.staff2.id,
	};
	const expect = {
		number: body.number, name: body.name, case_type: { id: v.auto.id, name: 'Auto Accident', group: 'legal' },
		case_subtype: ref(v.rearEnd), state: 'CA', office: ref(v.office), incident_date: '2025-12-01',
		opened_date: '2026-01-05', wanted_date: '2026-01-06', expected_resolution_date: '2027-06-30',
		value_range: ref(v.mid), min_settlement_cents: 5000000, value_comments: 'solid liability',
		serious_injury: true, mdl_master: true, description: body.description,
		owner: { id: fx.staff2.id, name: 'Tess Other' }, created_by: fx.staff.id, closed: false, closed_date: null,
	};
	const k = await fx.createCase(body);
	for (const [key, val] of Object.entries(expect)) assert.deepEqual(k[key], val, `created ${key}`);
	assert.deepEqual(await fx.get(`/api/v1/cases/${k.id}`), k);

	const change = {
		number: uniq('RT-'), name: 'Round Trip v. Nothing', case_subtype_id: v.headOn.id, state: 'NY',
		office_id: v.office2.id, incident_date: '2025-11-30', opened_date: '2026-01-04', wanted_date: '2026-02-01',
		expected_resolution_date: '2027-01-01', value_range_id: v.low.id, min_settlement_cents: 0,
		value_comments: 'weaker', serious_injury: false, mdl_master: false, description: 'Changed.', owner_id: fx.staff.id,
	};
	const k2 = await fx.patch(`/api/v1/cases/${k.id}`, change, k.version);
	const expect2 = {
		...expect, number: change.number, name: change.name, case_subtype: ref(v.headOn), state: 'NY',
		office: ref(v.office2), incident_date: '2025-11-30', opened_date: '2026-01-04', wanted_date: '2026-02-01',
		expected_resolution_date: '2027-01-01', value_range: ref(v.low), min_settlement_cents: 0,
		value_comments: 'weaker', serious_injury: false, mdl_master: false, description: 'Changed.',
		owner: { id: fx.staff.id, name: 'Sam Staff' },
	};
	for (const [key, val] of Object.entries(expect2)) assert.deepEqual(k2[key], val, `patched ${key}`);
	assert.equal(k2.version, k.version + 1);
	assert.deepEqual(await fx.get(`/api/v1/cases/${k.id}`), k2);

	const k3 = await fx.patch(`/api/v1/cases/${k.id}`, {
		incident_date: '', wanted_date: null, expected_resolution_date: '', case_subtype_id: null,
		office_id: null, value_range_id: null, min_settlement_cents: null,
	}, k2.version);
	for (const key of ['incident_date', 'wanted_date', 'expected_resolution_date', 'case_subtype', 'office', 'value_range', 'min_settlement_cents']) {
		assert.equal(k3[key], null, `${key} cleared`);
	}
	assert.equal(k3.name, change.name, 'members not given are kept');
	assert.equal(k3.opened_date, '2026-01-04');
});

test('bad input: unknown ids 422 naming the field; rules and types', async () => {
	const name = word();
	const post = (extra) => fx.req('POST', '/api/v1/cases', { as: fx.staff, body: { name, case_type_id: v.auto.id, ...extra } });
	const NO = 987654321;
	assertProblem(await post({ case_type_id: NO }), 422, 'unprocessable', 'case_type_id');
	assertProblem(await post({ case_subtype_id: NO }), 422, 'unprocessable', 'case_subtype_id');
	assertProblem(await post({ case_subtype_id: v.email.id }), 422, 'unprocessable', 'case_subtype_id');
	assertProblem(await post({ office_id: NO }), 422, 'unprocessable', 'office_id');
	assertProblem(await post({ value_range_id: NO }), 422, 'unprocessable', 'value_range_id');
	assertProblem(await post({ owner_id: NO }), 422, 'unprocessable', 'owner_id');
	assertProblem(await post({ status_id: NO }), 422, 'unprocessable', 'status_id');
	// ">= 0 or null": a rule on a well-formed number (422), or a number out of range (400): either names the field
	const neg = await post({ min_settlement_cents: -1 });
	assert.ok([400, 422].includes(neg.status), `min_settlement_cents -1: ${neg.status}`);
	assertProblem(neg, neg.status, undefined, 'min_settlement_cents');
	assertProblem(await post({ name: '' }), 422, 'unprocessable', 'name');
	assertProblem(await post({ name: 7 }), 400, 'invalid', 'name');
	assertProblem(await post({ serious_injury: 'yes' }), 400, 'invalid', 'serious_injury');
	for (const bad of ['2026-02-30', 'yesterday', '2026-1-5']) {
		const r = await post({ incident_date: bad });
		assert.ok([400, 422].includes(r.status), `incident_date ${bad}: ${r.status}`);
		assertProblem(r, r.status, undefined, 'incident_date');
	}
	for (const missing of ['name', 'case_type_id']) {
		const body = { name, case_type_id: v.auto.id };
		delete body[missing];
		const r = await fx.req('POST', '/api/v1/cases', { as: fx.staff, body });
		assert.ok([400, 422].includes(r.status), `without ${missing}: ${r.status}`);
		assertProblem(r, r.status, undefined, missing);
	}
	const k = await fx.createCase();
	assertProblem(await fx.req('PATCH', `/api/v1/cases/${k.id}`, { as: fx.staff, body: { office_id: NO }, ifMatch: k.version }), 422, 'unprocessable', 'office_id');
	assertProblem(await fx.req('PATCH', `/api/v1/cases/${k.id}`, { as: fx.staff, body: { case_subtype_id: v.email.id }, ifMatch: k.version }), 422, 'unprocessable', 'case_subtype_id');
	assert.deepEqual(await fx.get(`/api/v1/cases/${k.id}`), k, 'refused PATCHes change nothing');
	assert.deepEqual((await fx.get(`/api/v1/cases?q=${name}`)).items, [], 'no case made from refused input');
	assertProblem(await fx.req('GET', '/api/v1/cases/987654321'), 404, 'not_found');
});

test('a case number is unique: 409 on create and on PATCH', async () => {
	const a = await fx.createCase({ number: uniq('DUP-') });
	assertProblem(await fx.req('POST', '/api/v1/cases', { as: fx.staff, body: { name: 'Dup', case_type_id: v.auto.id, number: a.number } }), 409, 'conflict');
	const b = await fx.createCase();
	assertProblem(await fx.req('PATCH', `/api/v1/cases/${b.id}`, { body: { number: a.number }, ifMatch: b.version }), 409, 'conflict');
	assert.equal((await fx.get(`/api/v1/cases/${b.id}`)).number, b.number);
});

test('PATCH needs If-Match: missing 428, stale 409, current 200 with version + 1 and ETag', async () => {
	const k = await fx.createCase();
	const url = `/api/v1/cases/${k.id}`;
	assertProblem(await fx.req('PATCH', url, { as: fx.staff, body: { description: 'x' } }), 428, 'precondition_required');
	const res = await fx.req('PATCH', url, { as: fx.staff, body: { description: 'first' }, ifMatch: `"${k.version}"` });
	const k2 = assertJson(res);
	assert.equal(k2.description, 'first');
	assert.equal(k2.version, k.version + 1);
	assert.equal(res.headers.etag, `"${k2.version}"`);
	assertProblem(await fx.req('PATCH', url, { as: fx.staff2, body: { description: 'stale' }, ifMatch: k.version }), 409, 'conflict');
	assert.equal((await fx.get(url)).description, 'first');
});

test('name and number change only with case_edit_name_number (403 otherwise; granted, it works)', async () => {
	const ed = await fx.newUser('staff', 'Ed Editor');
	assert.ok(!ed.user.rights.includes('case_edit_name_number'), 'staff lack it by default');
	const k = await fx.createCase({}, ed);
	const url = `/api/v1/cases/${k.id}`;
	assertProblem(await fx.req('PATCH', url, { as: ed, body: { name: 'Renamed' }, ifMatch: k.version }), 403, 'forbidden');
	assertProblem(await fx.req('PATCH', url, { as: ed, body: { number: uniq('N-') }, ifMatch: k.version }), 403, 'forbidden');
	assertProblem(await fx.req('PATCH', url, { as: ed, body: { number: uniq('N-'), description: 'both' }, ifMatch: k.version }), 403, 'forbidden');
	assert.deepEqual(await fx.get(url), k, 'nothing changed');
	const k2 = await fx.patch(url, { description: 'other fields are fine' }, k.version, ed);
	assert.equal(k2.description, 'other fields are fine');

	const granted = assertJson(await fx.req('PUT', `/api/v1/users/${ed.id}/rights/case_edit_name_number`, { body: { granted: true } }));
	assert.ok(granted.rights.includes('case_edit_name_number'));
	const number = uniq('N-');
	const k3 = await fx.patch(url, { name: 'Renamed', number }, k2.version, ed);
	assert.equal(k3.name, 'Renamed');
	assert.equal(k3.number, number);
	// another staff user still lacks it
	assertProblem(await fx.req('PATCH', url, { as: fx.staff2, body: { name: 'Again' }, ifMatch: k3.version }), 403, 'forbidden');
	// an admin has it
	assert.equal((await fx.patch(url, { name: 'By admin' }, k3.version)).name, 'By admin');
});

test('value history: a row on create with a value range and on each change of it', async () => {
	const w = todayWindow();
	const k = await fx.createCase({ value_range_id: v.low.id, value_comments: 'initial view' });
	const url = `/api/v1/cases/${k.id}/value-history`;
	let h = (await fx.get(url)).items;
	assert.equal(h.length, 1);
	for (const key of ['id', 'value_range', 'from_date', 'to_date', 'staff', 'comments']) assert.ok(key in h[0], `row has ${key}`);
	assert.deepEqual(h[0].value_range, ref(v.low));
	w.check(h[0].from_date, 'from_date');
	assert.equal(h[0].to_date, null, 'current row: to_date null');
	assert.deepEqual(h[0].staff, { id: fx.staff.id, name: 'Sam Staff' });
	assert.equal(h[0].comments, 'initial view');

	const k2 = await fx.patch(`/api/v1/cases/${k.id}`, { value_range_id: v.mid.id, value_comments: 'after the MRI' }, k.version);
	h = (await fx.get(url)).items;
	assert.equal(h.length, 2, 'a second row');
	assert.deepEqual(h[0].value_range, ref(v.mid), 'newest first');
	assert.equal(h[0].to_date, null);
	assert.deepEqual(h[0].staff, { id: fx.admin.id, name: 'Rita Root' });
	assert.equal(h[0].comments, 'after the MRI');
	w.check(h[0].from_date, 'new row from_date');
	assert.deepEqual(h[1].value_range, ref(v.low));
	assert.equal(h[1].to_date, h[0].from_date, 'the old row ends when the new one starts');
	assert.equal(h[1].comments, 'initial view');

	const k3 = await fx.patch(`/api/v1/cases/${k.id}`, { value_comments: 'only words', description: 'and this' }, k2.version);
	h = (await fx.get(url)).items;
	assert.equal(h.length, 2, 'no row without a change of the range');
	assert.equal(h[0].comments, 'after the MRI', 'a row keeps the comments of its moment');

	await fx.patch(`/api/v1/cases/${k.id}`, { value_range_id: null }, k3.version);
	h = (await fx.get(url)).items;
	assert.equal(h.length, 3, 'clearing the range is a change');
	assert.equal(h[0].value_range, null);
	assert.equal(h[0].comments, 'only words');
	assert.equal(h[0].to_date, null);
	assert.ok(h[1].to_date !== null && DATE_RE.test(h[1].to_date));

	const plain = await fx.createCase();
	assert.deepEqual((await fx.get(`/api/v1/cases/${plain.id}/value-history`)).items, []);
	await fx.patch(`/api/v1/cases/${plain.id}`, { value_range_id: v.mid.id }, plain.version, fx.staff);
	h = (await fx.get(`/api/v1/cases/${plain.id}/value-history`)).items;
	assert.equal(h.length, 1);
	assert.deepEqual(h[0].staff, { id: fx.staff.id, name: 'Sam Staff' });
});

test('list filters: type, stage, status, office, staff, owner, opened range, closed', async () => {
	const ft = await fx.setup('case-types', { name: uniq('Filter '), group: 'legal' });
	const o3 = await fx.post('/api/v1/offices', { name: uniq('Filter office ') });
	const A = await fx.createCase({ case_type_id: ft.id, office_id: o3.id, opened_date: '2020-01-10' });
	const B = await fx.createCase({ case_type_id: ft.id, office_id: o3.id, opened_date: '2020-01-20', owner_id: fx.staff2.id, status_id: v.preLit.id });
	const C = await fx.createCase({ case_type_id: ft.id, opened_date: '2020-01-31' });
	const D = await fx.createCase({ office_id: o3.id, opened_date: '2020-02-15' });
	await fx.setStatus(A.id, { status_type_id: v.medical.id, status_id: v.treating.id });
	await fx.post(`/api/v1/cases/${B.id}/staff`, { user_id: fx.staff2.id, role_id: v.paralegal.id });
	await fx.setStatus(C.id, { status_type_id: v.stageType.id, status_id: v.closed.id, close_reason_id: v.settled.id });
	const mine = new Set([A.id, B.id, C.id, D.id]);
	const pick = async (q, each) => {
		const items = await fx.all(`/api/v1/cases?${q}`, fx.staff);
		if (each) for (const k of items) assert.ok(each(k), `${q}: case ${k.id} matches`);
		return items.filter((k) => mine.has(k.id)).map((k) => k.id).sort((x, y) => x - y);
	};
	const ids = (...ks) => ks.map((k) => k.id).sort((x, y) => x - y);

	assert.deepEqual(await pick(`case_type_id=${ft.id}`, (k) => k.case_type.id === ft.id), ids(A, B, C));
	assert.deepEqual(await pick(`stage_id=${v.preLit.id}`, (k) => k.stage.id === v.preLit.id), ids(B));
	assert.deepEqual(await pick(`status_id=${v.treating.id}`), ids(A));
	assert.deepEqual(await pick(`status_id=${v.preLit.id}`), ids(B), 'the primary status counts as a current status');
	assert.deepEqual(await pick(`office_id=${o3.id}`, (k) => k.office && k.office.id === o3.id), ids(A, B, D));
	assert.deepEqual(await pick(`staff_id=${fx.staff2.id}`), ids(B));
	assert.deepEqual(await pick(`owner_id=${fx.staff2.id}`, (k) => k.owner.id === fx.staff2.id), ids(B));
	const inRange = (lo, hi) => (k) => (!lo || k.opened_date >= lo) && (!hi || k.opened_date <= hi);
	assert.deepEqual(await pick('opened_from=2020-01-10&opened_to=2020-01-20', inRange('2020-01-10', '2020-01-20')), ids(A, B), 'inclusive');
	assert.deepEqual(await pick('opened_from=2020-01-21', inRange('2020-01-21')), ids(C, D));
	assert.deepEqual(await pick('opened_to=2020-01-10', inRange(null, '2020-01-10')), ids(A));
	assert.deepEqual(await pick('closed=true', (k) => k.closed === true && k.closed_date !== null), ids(C));
	assert.deepEqual(await pick('closed=false', (k) => k.closed === false && k.closed_date === null), ids(A, B, D));
	assert.deepEqual(await pick(`case_type_id=${ft.id}&office_id=${o3.id}&owner_id=${fx.staff.id}`), ids(A), 'filters combine');
	for (const [q, field] of [['opened_from=soon', 'query.opened_from'], ['closed=maybe', 'query.closed'], ['case_type_id=abc', 'query.case_type_id']]) {
		assertProblem(await fx.req('GET', `/api/v1/cases?${q}`, { as: fx.staff }), 400, 'invalid', field);
	}
});

test('search finds a case by number, by a word of its name, by a prefix of a description word', async () => {
	const w1 = word();
	const w2 = word();
	const k = await fx.createCase({ name: `Quill ${w1} v. Acme Freight`, description: `Rear impact; ${w2}injury to the neck.` });
	const other = await fx.createCase({ name: `Other ${w1}x`, description: 'unrelated' });
	const find = async (q) => (await fx.all(`/api/v1/cases?q=${encodeURIComponent(q)}`, fx.staff)).map((x) => x.id);
	assert.ok((await find(k.number)).includes(k.id), `by number ${k.number}`);
	assert.deepEqual(await find(w1), [other.id, k.id], 'a word of the name, also as a prefix (newest first)');
	assert.deepEqual(await find(`${w1} acme`), [k.id], 'two words: both must match');
	assert.deepEqual(await find(`${w2}inj`), [k.id], 'a prefix of a description word');
	assert.deepEqual(await find(w1.toUpperCase()), (await find(w1)), 'any case');
	assert.deepEqual(await find(`${w1} nosuchwordzz`), []);
	// the index follows changes
	const k2 = await fx.patch(`/api/v1/cases/${k.id}`, { description: 'Replaced text' }, k.version);
	assert.deepEqual(await find(`${w2}inj`), [], 'the old description is gone from the index');
	assert.deepEqual(await find(`${w1} replac`), [k.id]);
	assert.equal(k2.description, 'Replaced text');
	// odd input is searched or refused, never a server error
	for (const q of ['"', '*', 'AND', 'a"b(c', '-', 'NEAR(', '^x', "'; --", '%', '()']) {
		const r = await fx.req('GET', `/api/v1/cases?q=${encodeURIComponent(q)}`, { as: fx.staff });
		assert.ok(r.status === 200 || r.status === 400, `q=${q}: ${r.status} ${r.text.slice(0, 200)}`);
		if (r.status === 400) assertProblem(r, 400, 'invalid', 'query.q');
	}
});

test('cursor paging: newest first, every case once, no gaps', async () => {
	const tag = word();
	const made = [];
	for (let i = 0; i < 7; i++) made.push((await fx.createCase({ name: `Page ${tag} ${i}` })).id);
	const seen = [];
	const sizes = [];
	let cursor = null;
	do {
		const page = await fx.get(`/api/v1/cases?q=${tag}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, fx.staff);
		sizes.push(page.items.length);
		seen.push(...page.items.map((k) => k.id));
		cursor = page.next_cursor;
		assert.ok(sizes.length < 10);
	} while (cursor !== null);
	assert.deepEqual(seen, [...made].reverse(), 'newest first, no duplicates, no gaps');
	assert.deepEqual(sizes.slice(0, 2), [3, 3]);
	// paging over everything agrees with one big page
	const all = await fx.all('/api/v1/cases', fx.staff, 4);
	const big = await fx.get('/api/v1/cases?limit=200', fx.staff);
	assert.deepEqual(all.map((k) => k.id), big.items.map((k) => k.id));
	for (const q of ['limit=0', 'limit=201', 'limit=x']) {
		assertProblem(await fx.req('GET', `/api/v1/cases?${q}`, { as: fx.staff }), 400, 'invalid', 'query.limit');
	}
	assertProblem(await fx.req('GET', '/api/v1/cases?cursor=%ff%00garbage', { as: fx.staff }), 400, 'invalid', 'query.cursor');
});

const SUBS = ['statuses', 'statuses/history', 'staff', 'staff/history', 'notes', 'timeline', 'value-history', 'related', 'other-cases', 'parties'];

test('an advisor sees only the cases where they are current staff; any other case is 404, all under it too', async () => {
	const adv = await fx.newUser('advisor', 'Avery Advisor');
	const tag = word();
	const A = await fx.createCase({ name: `Scoped ${tag} A` });
	const B = await fx.createCase({ name: `Scoped ${tag} B` });
	const visible = async () => (await fx.all(`/api/v1/cases?q=${tag}`, adv)).map((k) => k.id);
	assert.deepEqual(await visible(), []);
	assertProblem(await fx.req('GET', `/api/v1/cases/${A.id}`, { as: adv }), 404, 'not_found');

	const row = await fx.post(`/api/v1/cases/${A.id}/staff`, { user_id: adv.id, role_id: v.advisorRole.id }, fx.staff);
	assert.deepEqual(await visible(), [A.id]);
	assert.equal((await fx.get(`/api/v1/cases/${A.id}`, adv)).id, A.id);
	for (const sub of SUBS) {
		await fx.get(`/api/v1/cases/${A.id}/${sub}`, adv);
		assertProblem(await fx.req('GET', `/api/v1/cases/${B.id}/${sub}`, { as: adv }), 404, 'not_found', undefined);
	}
	assertProblem(await fx.req('GET', `/api/v1/cases/${B.id}`, { as: adv }), 404, 'not_found');
	// reading is all an advisor does
	assertProblem(await fx.req('PATCH', `/api/v1/cases/${A.id}`, { as: adv, body: { description: 'x' }, ifMatch: A.version }), 403, 'forbidden');
	assertProblem(await fx.req('POST', `/api/v1/cases/${A.id}/notes`, { as: adv, body: { note_type_id: v.general.id, body: 'x' } }), 403, 'forbidden');
	assertProblem(await fx.req('POST', `/api/v1/cases/${A.id}/statuses`, { as: adv, body: { status_type_id: v.stageType.id, status_id: v.preLit.id } }), 403, 'forbidden');
	// the right is checked before the record (design.md), so a write to an unseen case may be 403 as well as 404
	const hidden = await fx.req('PATCH', `/api/v1/cases/${B.id}`, { as: adv, body: { description: 'x' }, ifMatch: B.version });
	assert.ok([403, 404].includes(hidden.status), `PATCH an unseen case: ${hidden.status}`);
	assertProblem(hidden, hidden.status);
	assert.equal((await fx.get(`/api/v1/cases/${B.id}`)).description, B.description);
	assertProblem(await fx.req('POST', '/api/v1/cases', { as: adv, body: { name: 'x', case_type_id: v.auto.id } }), 403, 'forbidden');

	// no longer staff: no longer visible
	await fx.del(`/api/v1/cases/${A.id}/staff/${row.id}`, fx.staff);
	assertProblem(await fx.req('GET', `/api/v1/cases/${A.id}`, { as: adv }), 404, 'not_found');
	assert.deepEqual(await visible(), []);

	// as their contact: the advisor's own contact on the case's staff
	const ct = await fx.newContact({ first_name: 'Avery', last_name: 'Advisor' });
	const u = await fx.get(`/api/v1/users/${adv.id}`);
	const u2 = await fx.patch(`/api/v1/users/${adv.id}`, { contact_id: ct.id }, u.version);
	assert.equal(u2.contact_id, ct.id);
	await fx.post(`/api/v1/cases/${B.id}/staff`, { contact_id: ct.id, role_id: v.advisorRole.id }, fx.staff);
	assert.deepEqual(await visible(), [B.id]);
	assertProblem(await fx.req('GET', `/api/v1/cases/${A.id}`, { as: adv }), 404, 'not_found');
});

test('a client sees the cases where their linked contact is a party, nothing else', async () => {
	const ct = await fx.newContact({ first_name: 'Cleo', last_name: uniq('Client') });
	const cl = await fx.post('/api/v1/users', { login: uniq('client'), name: 'Cleo Client', role: 'client', password: PW, contact_id: ct.id });
	assert.equal(cl.contact_id, ct.id);
	const client = await login(fx.s, cl.login, PW);
	const tag = word();
	const D = await fx.createCase({ name: `Client ${tag} D` });
	const E = await fx.createCase({ name: `Client ${tag} E` });
	const visible = async () => (await fx.all(`/api/v1/cases?q=${tag}`, client)).map((k) => k.id);
	assert.deepEqual(await visible(), []);
	const party = await fx.post(`/api/v1/cases/${D.id}/parties`, { contact_id: ct.id, kind: 'plaintiff' }, fx.staff);
	assert.deepEqual(await visible(), [D.id]);
	assert.equal((await fx.get(`/api/v1/cases/${D.id}`, client)).name, D.name);
	await fx.get(`/api/v1/cases/${D.id}/statuses`, client);
	assertProblem(await fx.req('GET', `/api/v1/cases/${E.id}`, { as: client }), 404, 'not_found');
	assertProblem(await fx.req('GET', `/api/v1/cases/${E.id}/timeline`, { as: client }), 404, 'not_found');
	assertProblem(await fx.req('PATCH', `/api/v1/cases/${D.id}`, { as: client, body: { description: 'x' }, ifMatch: D.version }), 403, 'forbidden');
	assertProblem(await fx.req('POST', '/api/v1/cases', { as: client, body: { name: 'x', case_type_id: v.auto.id } }), 403, 'forbidden');
	await fx.del(`/api/v1/cases/${D.id}/parties/${party.id}`, fx.staff);
	assert.deepEqual(await visible(), []);
	assertProblem(await fx.req('GET', `/api/v1/cases/${D.id}`, { as: client }), 404, 'not_found');
});

test('DELETE a case: admin only; then it is gone for every reader', async () => {
	const tag = word();
	const k = await fx.createCase({ name: `Doomed ${tag}` });
	assertProblem(await fx.req('DELETE', `/api/v1/cases/${k.id}`, { as: fx.staff }), 403, 'forbidden');
	await fx.get(`/api/v1/cases/${k.id}`, fx.staff);
	await fx.del(`/api/v1/cases/${k.id}`);
	for (const who of [fx.admin, fx.staff]) {
		assertProblem(await fx.req('GET', `/api/v1/cases/${k.id}`, { as: who }), 404, 'not_found');
		for (const sub of SUBS) assertProblem(await fx.req('GET', `/api/v1/cases/${k.id}/${sub}`, { as: who }), 404, 'not_found');
		assert.deepEqual(await fx.all(`/api/v1/cases?q=${tag}`, who), []);
	}
	assert.ok(!(await fx.all('/api/v1/cases')).some((x) => x.id === k.id), 'not listed');
	assertProblem(await fx.req('PATCH', `/api/v1/cases/${k.id}`, { body: { description: 'x' }, ifMatch: k.version }), 404, 'not_found');
	assertProblem(await fx.req('POST', `/api/v1/cases/${k.id}/notes`, { body: { note_type_id: v.general.id, body: 'x' } }), 404, 'not_found');
	assertProblem(await fx.req('DELETE', `/api/v1/cases/${k.id}`), 404, 'not_found');
});
