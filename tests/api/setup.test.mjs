// setup.test.mjs - the firm's vocabulary (docs/api.md "Setup lists"): create, read, list, edit
// and delete of every list, unique names, the one stage type, the closing status only on the
// stage type, value ranges, deletes refused while in use (409 saying where), admin-only writes,
// the states list, the case number pattern, and the demo vocabulary of every group.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, loginDemo, api, assertJson, assertProblem, uniq, cli,
} from './helper.mjs';
import { startCaseServer, todayWindow } from './casefix.mjs';

let fx;
let advisor;
before(async () => {
	fx = await startCaseServer();
	advisor = await fx.newUser('advisor', 'Ava Advisor');
});
after(async () => { await fx?.stop(); });

const LIST_KEYS = {
	'case-types': ['id', 'name', 'group', 'position', 'version'],
	'case-subtypes': ['id', 'case_type_id', 'name', 'position', 'version'],
	'status-types': ['id', 'name', 'stage', 'position', 'version'],
	statuses: ['id', 'status_type_id', 'name', 'expected_days', 'closing', 'group', 'position', 'version'],
	'close-reasons': ['id', 'name', 'position', 'version'],
	roles: ['id', 'name', 'category', 'position', 'version'],
	'note-types': ['id', 'name', 'client_facing', 'position', 'version'],
	'value-ranges': ['id', 'name', 'low_cents', 'high_cents', 'disbursement_limit_cents', 'position', 'version'],
};

// For each list: a body that creates a new item, and a PATCH that changes some members.
const LISTS = () => [
	{ list: 'case-types', make: () => ({ name: uniq('Type '), group: 'insurance', position: 7 }), patch: { position: 8, group: 'protection' } },
	{ list: 'case-subtypes', make: () => ({ case_type_id: fx.v.auto.id, name: uniq('Sub '), position: 3 }), patch: { position: 4 } },
	{ list: 'status-types', make: () => ({ name: uniq('Track '), stage: false, position: 50 }), patch: { position: 51 } },
	{ list: 'statuses', make: () => ({ status_type_id: fx.v.medical.id, name: uniq('Status '), expected_days: 12, closing: false, group: 'legal', position: 60 }), patch: { expected_days: 13, group: null } },
	{ list: 'close-reasons', make: () => ({ name: uniq('Reason '), position: 5 }), patch: { position: 6 } },
	{ list: 'roles', make: () => ({ name: uniq('Role '), category: 'paralegal', position: 5 }), patch: { category: '' } },
	{ list: 'note-types', make: () => ({ name: uniq('Note type '), client_facing: true, position: 5 }), patch: { client_facing: false } },
	{ list: 'value-ranges', make: () => ({ name: uniq('Range '), low_cents: 100, high_cents: 200, disbursement_limit_cents: 50, position: 5 }), patch: { high_cents: 300, disbursement_limit_cents: 0 } },
];

function assertItem(list, item, body) {
	for (const k of LIST_KEYS[list]) assert.ok(k in item, `${list} item has ${k}: ${JSON.stringify(item)}`);
	assert.equal(typeof item.id, 'number');
	assert.equal(typeof item.version, 'number');
	for (const [k, v] of Object.entries(body)) assert.deepEqual(item[k], v, `${list}.${k}`);
}

test('every list: create 201, get, listed, PATCH only the given members (If-Match), delete', async () => {
	for (const { list, make, patch } of LISTS()) {
		const base = `/api/v1/setup/${list}`;
		const body = make();
		const made = await fx.setup(list, body);
		assertItem(list, made, body);
		assert.equal(made.version, 1, `${list}: version 1`);

		const got = await fx.req('GET', `${base}/${made.id}`, { as: fx.staff });
		assert.deepEqual(assertJson(got), made, `${list}: GET /{id} is what POST answered`);
		assert.equal(got.headers.etag, '"1"', `${list}: ETag`);

		const page = await fx.get(base, fx.staff);
		assert.ok(Array.isArray(page.items), `${list}: items`);
		assert.equal(page.next_cursor, null, `${list}: next_cursor null`);
		assert.deepEqual(page.items.find((x) => x.id === made.id), made, `${list}: listed as made`);

		assertProblem(await fx.req('PATCH', `${base}/${made.id}`, { body: patch }), 428, 'precondition_required');
		const res = await fx.req('PATCH', `${base}/${made.id}`, { body: patch, ifMatch: `"${made.version}"` });
		const changed = assertJson(res);
		assert.deepEqual(changed, { ...made, ...patch, version: made.version + 1 }, `${list}: PATCH changes only ${Object.keys(patch)}`);
		assert.equal(res.headers.etag, `"${made.version + 1}"`, `${list}: ETag after PATCH`);
		assertProblem(await fx.req('PATCH', `${base}/${made.id}`, { body: patch, ifMatch: made.version }), 409, 'conflict');
		assert.deepEqual(await fx.get(`${base}/${made.id}`), changed, `${list}: the stale PATCH changed nothing`);

		await fx.del(`${base}/${made.id}`);
		assertProblem(await fx.req('GET', `${base}/${made.id}`), 404, 'not_found');
		assertProblem(await fx.req('DELETE', `${base}/${made.id}`), 404, 'not_found');
		assert.ok(!(await fx.get(base)).items.some((x) => x.id === made.id), `${list}: gone from the list`);
		assertProblem(await fx.req('PATCH', `${base}/987654321`, { body: patch, ifMatch: 1 }), 404, 'not_found');
	}
});

test('lists are in (position, name) order', async () => {
	const tag = uniq('');
	const c = await fx.setup('close-reasons', { name: `b ${tag}`, position: 1000 });
	const a = await fx.setup('close-reasons', { name: `a ${tag}`, position: 1000 });
	const z = await fx.setup('close-reasons', { name: `0 ${tag}`, position: 1001 });
	const first = await fx.setup('close-reasons', { name: `z ${tag}`, position: -5 });
	const items = (await fx.get('/api/v1/setup/close-reasons')).items;
	const mine = items.filter((x) => x.name.endsWith(tag)).map((x) => x.id);
	assert.deepEqual(mine, [first.id, a.id, c.id, z.id]);
	for (let i = 1; i < items.length; i++) {
		const p = items[i - 1];
		const q = items[i];
		assert.ok(p.position <= q.position, `order: ${p.name} (${p.position}) before ${q.name} (${q.position})`);
	}
});

test('a name is unique within its list: 409 on create and on rename', async () => {
	for (const { list, make } of LISTS()) {
		const one = await fx.setup(list, make());
		const two = await fx.setup(list, make());
		const dup = { ...make(), name: one.name };
		assertProblem(await fx.req('POST', `/api/v1/setup/${list}`, { body: dup }), 409, 'conflict', 'name');
		assertProblem(await fx.req('POST', `/api/v1/setup/${list}`, { body: { ...dup, name: `  ${one.name} ` } }), 409, 'conflict', 'name');
		assertProblem(await fx.req('PATCH', `/api/v1/setup/${list}/${two.id}`, { body: { name: one.name }, ifMatch: two.version }), 409, 'conflict', 'name');
		assert.equal((await fx.get(`/api/v1/setup/${list}/${two.id}`)).name, two.name, `${list}: rename refused`);
	}
	// subtypes and statuses are unique under their parent; the same name under another is fine
	const sub = await fx.setup('case-subtypes', { case_type_id: fx.v.ticket.id, name: fx.v.rearEnd.name });
	assert.equal(sub.case_type_id, fx.v.ticket.id);
	assert.equal(sub.name, 'Rear-end');
});

test('only one stage status type: a second is 409, on create and on PATCH', async () => {
	assertProblem(await fx.req('POST', '/api/v1/setup/status-types', { body: { name: uniq('Stage '), stage: true } }), 409, 'conflict');
	const t = await fx.setup('status-types', { name: uniq('Sub '), stage: false });
	assertProblem(await fx.req('PATCH', `/api/v1/setup/status-types/${t.id}`, { body: { stage: true }, ifMatch: t.version }), 409, 'conflict');
	// the stage flag cannot change while the type has statuses
	const st = await fx.get(`/api/v1/setup/status-types/${fx.v.stageType.id}`);
	assertProblem(await fx.req('PATCH', `/api/v1/setup/status-types/${st.id}`, { body: { stage: false }, ifMatch: st.version }), 409, 'conflict');
	const med = await fx.get(`/api/v1/setup/status-types/${fx.v.medical.id}`);
	assertProblem(await fx.req('PATCH', `/api/v1/setup/status-types/${med.id}`, { body: { stage: true }, ifMatch: med.version }), 409, 'conflict');
	const stages = (await fx.get('/api/v1/setup/status-types')).items.filter((x) => x.stage);
	assert.deepEqual(stages.map((x) => x.id), [fx.v.stageType.id]);
});

test('closing is only for statuses of the stage type (422 on closing)', async () => {
	assertProblem(await fx.req('POST', '/api/v1/setup/statuses', {
		body: { status_type_id: fx.v.medical.id, name: uniq('Closed '), closing: true },
	}), 422, 'unprocessable', 'closing');
	const s = await fx.setup('statuses', { status_type_id: fx.v.medical.id, name: uniq('Open ') });
	assert.equal(s.closing, false, 'closing defaults to false');
	assert.equal(s.group, null, 'group defaults to null (every group)');
	assertProblem(await fx.req('PATCH', `/api/v1/setup/statuses/${s.id}`, { body: { closing: true }, ifMatch: s.version }), 422, 'unprocessable', 'closing');
	const ok = await fx.setup('statuses', { status_type_id: fx.v.stageType.id, name: uniq('Archived '), closing: true, position: 500 });
	assert.equal(ok.closing, true);
});

test('input rules of the lists', async () => {
	const post = (list, body) => fx.req('POST', `/api/v1/setup/${list}`, { body });
	const missing = async (list, body, field) => {
		const r = await post(list, body);
		assert.ok([400, 422].includes(r.status), `${list} without ${field}: ${r.status} ${r.text}`);
		assertProblem(r, r.status, undefined, field);
	};
	await missing('case-types', { name: uniq('T ') }, 'group');
	assertProblem(await post('case-types', { name: uniq('T '), group: 'banking' }), 422, 'unprocessable', 'group');
	assertProblem(await post('case-types', { name: '', group: 'legal' }), 422, 'unprocessable', 'name');
	assertProblem(await post('close-reasons', { name: '   ' }), 422, 'unprocessable', 'name');
	const trimmed = await fx.setup('close-reasons', { name: '  Spaced Out  ' });
	assert.equal(trimmed.name, 'Spaced Out', 'names are trimmed');
	await missing('case-types', { group: 'legal' }, 'name');
	await missing('case-subtypes', { name: uniq('S ') }, 'case_type_id');
	assertProblem(await post('case-subtypes', { case_type_id: 987654321, name: uniq('S ') }), 422, 'unprocessable', 'case_type_id');
	await missing('statuses', { name: uniq('S ') }, 'status_type_id');
	assertProblem(await post('statuses', { status_type_id: 987654321, name: uniq('S ') }), 422, 'unprocessable', 'status_type_id');
	assertProblem(await post('statuses', { status_type_id: fx.v.medical.id, name: uniq('S '), expected_days: -1 }), 422, 'unprocessable', 'expected_days');
	assertProblem(await post('statuses', { status_type_id: fx.v.medical.id, name: uniq('S '), group: 'banking' }), 422, 'unprocessable', 'group');
	assertProblem(await post('roles', { name: uniq('R '), category: 'judge' }), 422, 'unprocessable', 'category');
	assertProblem(await post('status-types', { name: uniq('T '), stage: 'yes' }), 400, 'invalid', 'stage');
	for (const f of ['low_cents', 'high_cents', 'disbursement_limit_cents']) {
		assertProblem(await post('value-ranges', { name: uniq('V '), low_cents: 0, high_cents: 10, disbursement_limit_cents: 0, [f]: -1 }), 422, 'unprocessable', f);
	}
	assertProblem(await post('value-ranges', { name: uniq('V '), low_cents: 500, high_cents: 499 }), 422, 'unprocessable', 'high_cents');
	const vr = await fx.setup('value-ranges', { name: uniq('V '), low_cents: 500, high_cents: 500 });
	assertProblem(await fx.req('PATCH', `/api/v1/setup/value-ranges/${vr.id}`, { body: { low_cents: 501 }, ifMatch: vr.version }), 422, 'unprocessable', 'high_cents');
	const names = (await fx.get('/api/v1/setup/case-types')).items.map((x) => x.name);
	assert.ok(!names.includes(''), 'nothing made from refused input');
});

test('list filters: statuses by status_type_id and group, subtypes by case_type_id', async () => {
	const v = fx.v;
	const med = (await fx.get(`/api/v1/setup/statuses?status_type_id=${v.medical.id}`)).items;
	assert.ok(med.length >= 3);
	assert.ok(med.every((x) => x.status_type_id === v.medical.id), 'only Medical statuses');
	assert.deepEqual(med.filter((x) => [v.treating.id, v.records.id, v.doneTreating.id].includes(x.id)).map((x) => x.id),
		[v.treating.id, v.records.id, v.doneTreating.id], 'by position');

	const legal = (await fx.get('/api/v1/setup/statuses?group=legal')).items;
	assert.ok(legal.every((x) => x.group === 'legal' || x.group === null), 'legal or every group');
	const ids = legal.map((x) => x.id);
	for (const s of [v.intake, v.preLit, v.closed, v.treating]) assert.ok(ids.includes(s.id), `${s.name} kept`);
	for (const s of [v.newTicket, v.appReceived]) assert.ok(!ids.includes(s.id), `${s.name} left out`);

	const both = (await fx.get(`/api/v1/setup/statuses?group=support&status_type_id=${v.stageType.id}`)).items.map((x) => x.id);
	assert.ok(both.includes(v.newTicket.id) && both.includes(v.closed.id) && !both.includes(v.intake.id) && !both.includes(v.treating.id));

	assertProblem(await fx.req('GET', '/api/v1/setup/statuses?group=banking'), 400, 'invalid', 'query.group');
	assertProblem(await fx.req('GET', '/api/v1/setup/statuses?status_type_id=987654321'), 422, 'unprocessable', 'status_type_id');
	assertProblem(await fx.req('GET', '/api/v1/setup/case-subtypes?case_type_id=987654321'), 422, 'unprocessable', 'case_type_id');
	const subs = (await fx.get(`/api/v1/setup/case-subtypes?case_type_id=${v.auto.id}`)).items;
	assert.ok(subs.every((x) => x.case_type_id === v.auto.id));
	assert.deepEqual(subs.map((x) => x.id).filter((id) => [v.rearEnd.id, v.headOn.id].includes(id)), [v.rearEnd.id, v.headOn.id]);
	assert.ok(!subs.some((x) => x.id === v.email.id));
});

test('an item in use cannot be deleted: 409 whose detail says where', async () => {
	const v = fx.v;
	const inUse = async (path, re) => {
		const p = assertProblem(await fx.req('DELETE', path), 409, 'conflict');
		assert.match(p.detail, /in use/i, `${path}: ${p.detail}`);
		assert.match(p.detail, re, `${path}: ${p.detail}`);
		await fx.get(path); // still there
	};
	// a case type with two subtypes
	const ct = await fx.setup('case-types', { name: uniq('Type '), group: 'legal' });
	await fx.setup('case-subtypes', { case_type_id: ct.id, name: 'One' });
	await fx.setup('case-subtypes', { case_type_id: ct.id, name: 'Two' });
	await inUse(`/api/v1/setup/case-types/${ct.id}`, /\b2 subtypes\b/i);
	// a case type with a case (and no subtypes)
	const ct2 = await fx.setup('case-types', { name: uniq('Type '), group: 'legal' });
	const k = await fx.createCase({ case_type_id: ct2.id, office_id: v.office2.id });
	await inUse(`/api/v1/setup/case-types/${ct2.id}`, /\b1 cases?\b/i);
	// a status type with three statuses
	const stt = await fx.setup('status-types', { name: uniq('Track ') });
	for (const n of ['a', 'b', 'c']) await fx.setup('statuses', { status_type_id: stt.id, name: n });
	await inUse(`/api/v1/setup/status-types/${stt.id}`, /\b3 statuses\b/i);
	// a sub-status set on a case, and a close reason used by a closing row
	const sub = await fx.setup('statuses', { status_type_id: v.track.id, name: uniq('Used ') });
	await fx.setStatus(k.id, { status_type_id: v.track.id, status_id: sub.id });
	await inUse(`/api/v1/setup/statuses/${sub.id}`, /\b1 case status(es)?\b/i);
	const reason = await fx.setup('close-reasons', { name: uniq('Reason ') });
	await fx.setStatus(k.id, { status_type_id: v.stageType.id, status_id: v.closed.id, close_reason_id: reason.id });
	await inUse(`/api/v1/setup/close-reasons/${reason.id}`, /\b1 case status(es)?\b/i);
	// a role of case staff
	const role = await fx.setup('roles', { name: uniq('Role '), category: '' });
	await fx.post(`/api/v1/cases/${k.id}/staff`, { user_id: fx.staff2.id, role_id: role.id });
	await inUse(`/api/v1/setup/roles/${role.id}`, /\b1 case staff\b/i);
	// a note type of a note
	const nt = await fx.setup('note-types', { name: uniq('Kind ') });
	await fx.post(`/api/v1/cases/${k.id}/notes`, { note_type_id: nt.id, body: 'typed' });
	await inUse(`/api/v1/setup/note-types/${nt.id}`, /\b1 notes?\b/i);
	// a value range of a case
	const vr = await fx.setup('value-ranges', { name: uniq('Range '), low_cents: 0, high_cents: 1 });
	await fx.createCase({ value_range_id: vr.id });
	await inUse(`/api/v1/setup/value-ranges/${vr.id}`, /\b1 (cases?|value history)\b/i);
	// an office with a case and no users
	await inUse(`/api/v1/offices/${v.office2.id}`, /\b1 cases?\b/i);
	// unused items still delete
	const free = await fx.setup('close-reasons', { name: uniq('Free ') });
	await fx.del(`/api/v1/setup/close-reasons/${free.id}`);
});

test('anyone logged in reads the lists; only an admin writes them (403)', async () => {
	for (const { list, make, patch } of LISTS()) {
		const base = `/api/v1/setup/${list}`;
		const item = await fx.setup(list, make());
		for (const who of [fx.staff, advisor]) {
			const page = await fx.get(base, who);
			assert.ok(page.items.some((x) => x.id === item.id), `${list} readable`);
			await fx.get(`${base}/${item.id}`, who);
			assertProblem(await fx.req('POST', base, { as: who, body: make() }), 403, 'forbidden');
			assertProblem(await fx.req('PATCH', `${base}/${item.id}`, { as: who, body: patch, ifMatch: item.version }), 403, 'forbidden');
			assertProblem(await fx.req('DELETE', `${base}/${item.id}`, { as: who }), 403, 'forbidden');
		}
		assert.deepEqual(await fx.get(`${base}/${item.id}`), item, `${list}: unchanged by refused writes`);
	}
	assertProblem(await api(fx.s, 'GET', '/api/v1/setup/roles'), 401, 'unauthorized');
});

test('states: the 50 states, DC and the territories; a case state must be one of the codes', async () => {
	const { items } = await fx.get('/api/v1/setup/states', fx.staff);
	const codes = new Map(items.map((x) => [x.code, x.name]));
	assert.equal(codes.size, items.length, 'codes unique');
	assert.equal(codes.get('NY'), 'New York');
	assert.equal(codes.get('CA'), 'California');
	assert.equal(codes.get('DC'), 'District of Columbia');
	for (const c of ['AK', 'HI', 'WY', 'TX', 'PR', 'GU', 'VI']) assert.ok(codes.has(c), `${c} listed`);
	assert.ok(items.length >= 51 + 3, `50 states, DC and territories: ${items.length}`);
	assert.ok(items.every((x) => /^[A-Z]{2}$/.test(x.code) && x.name.length > 0));
	const k = await fx.createCase({ state: 'NY' });
	assert.equal(k.state, 'NY');
	assertProblem(await fx.req('POST', '/api/v1/cases', { as: fx.staff, body: { name: 'x', case_type_id: fx.v.auto.id, state: 'ZZ' } }), 422, 'unprocessable', 'state');
	assertProblem(await fx.req('PATCH', `/api/v1/cases/${k.id}`, { as: fx.staff, body: { state: 'XX' }, ifMatch: k.version }), 422, 'unprocessable', 'state');
});

test('settings: the case number pattern (admin), validated, used for new case numbers', async () => {
	const before = await fx.get('/api/v1/setup/settings', fx.staff);
	assert.deepEqual(before, { case_number_pattern: '{YYYY}-{SEQ:5}' }, 'the default pattern');
	const first = await fx.createCase();
	assert.match(first.number, /^\d{4}-\d{5}$/, `a number from the default pattern: ${first.number}`);
	assertProblem(await fx.req('PATCH', '/api/v1/setup/settings', { as: fx.staff, body: { case_number_pattern: '{SEQ}' } }), 403, 'forbidden');
	for (const bad of ['{YYYY}-{MM}', 'CASE', '']) {
		assertProblem(await fx.req('PATCH', '/api/v1/setup/settings', { body: { case_number_pattern: bad } }), 422, 'unprocessable', 'case_number_pattern');
	}
	assert.deepEqual(await fx.get('/api/v1/setup/settings'), before, 'refused patterns change nothing');

	const set = await fx.req('PATCH', '/api/v1/setup/settings', { body: { case_number_pattern: 'CL-{YY}{MM}{DD}-{SEQ:4}' } });
	assert.equal(assertJson(set).case_number_pattern, 'CL-{YY}{MM}{DD}-{SEQ:4}');
	assert.equal((await fx.get('/api/v1/setup/settings', fx.staff)).case_number_pattern, 'CL-{YY}{MM}{DD}-{SEQ:4}');

	const w = todayWindow();
	const a = await fx.createCase();
	const b = await fx.createCase();
	const days = w.dates().map((d) => d.slice(2).replaceAll('-', ''));
	for (const k of [a, b]) {
		const m = /^CL-(\d{6})-(\d{4})$/.exec(k.number);
		assert.ok(m, `number ${k.number} follows CL-{YY}{MM}{DD}-{SEQ:4}`);
		assert.ok(days.includes(m[1]), `{YY}{MM}{DD} is today in the firm's zone: ${m[1]} vs ${days}`);
	}
	assert.equal(Number(b.number.slice(-4)), Number(a.number.slice(-4)) + 1, `the sequence counts up: ${a.number}, ${b.number}`);

	assertJson(await fx.req('PATCH', '/api/v1/setup/settings', { body: { case_number_pattern: '{YYYY}/{SEQ}' } }));
	const c = await fx.createCase();
	assert.match(c.number, /^\d{4}\/[1-9]\d*$/, `unpadded {SEQ}: ${c.number}`);
	assert.equal(Number(c.number.split('/')[1]), Number(b.number.slice(-4)) + 1, 'one firm counter across patterns');
	assert.ok(w.dates().map((d) => d.slice(0, 4)).includes(c.number.slice(0, 4)), '{YYYY}');
});

test('demo: a vocabulary for every group, one stage type, and a case of each group opens at a stage', async () => {
	const s = await startServer();
	try {
		const admin = await loginDemo(s, 'admin');
		const get = async (p) => assertJson(await api(s, 'GET', p, { session: admin }));
		const types = (await get('/api/v1/setup/case-types')).items;
		const groups = ['legal', 'insurance', 'mortgage', 'protection', 'support'];
		for (const g of groups) assert.ok(types.some((t) => t.group === g), `a ${g} case type`);
		const stt = (await get('/api/v1/setup/status-types')).items;
		const stage = stt.filter((t) => t.stage);
		assert.equal(stage.length, 1, 'one stage type');
		assert.ok(stt.some((t) => !t.stage), 'sub-status types too');
		const stages = (await get(`/api/v1/setup/statuses?status_type_id=${stage[0].id}`)).items;
		assert.ok(stages.some((x) => x.closing), 'a closing stage');
		const roles = (await get('/api/v1/setup/roles')).items.map((r) => r.category);
		for (const c of ['attorney', 'paralegal', 'case_manager', 'advisor']) assert.ok(roles.includes(c), `a role of category ${c}`);
		for (const l of ['close-reasons', 'note-types', 'value-ranges']) assert.ok((await get(`/api/v1/setup/${l}`)).items.length > 0, `demo ${l}`);
		for (const g of groups) {
			const t = types.find((x) => x.group === g);
			const first = (await get(`/api/v1/setup/statuses?status_type_id=${stage[0].id}&group=${g}`)).items.find((x) => !x.closing);
			assert.ok(first, `a first stage for ${g}`);
			const k = assertJson(await api(s, 'POST', '/api/v1/cases', { session: admin, body: { name: `Demo ${g}`, case_type_id: t.id } }), 201);
			assert.deepEqual(k.stage, { id: first.id, name: first.name }, `a ${g} case starts at the first stage of its group`);
		}
		const again = await cli(['demo', '--db', s.db]);
		assert.equal(again.code, 0, again.stderr);
		assert.equal((await get('/api/v1/setup/case-types')).items.length, types.length, 'demo again adds nothing');
	} finally {
		await s.stop();
	}
});
