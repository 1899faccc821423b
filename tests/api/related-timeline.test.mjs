// related-timeline.test.mjs - related cases, parties and other cases (docs/api.md "Related cases,
// parties, other cases") and the timeline ("Timeline"): links both ways, the case brief with its
// staff columns, other cases through a shared plaintiff, and one event for every change, newest
// first, that nobody can change or delete. The hash chain is checked in audit.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startCaseServer, assertJson, assertProblem, uniq, TS_RE,
} from './casefix.mjs';

let fx;
let v;
before(async () => {
	fx = await startCaseServer();
	v = fx.v;
});
after(async () => { await fx?.stop(); });

const BRIEF_KEYS = ['id', 'number', 'name', 'stage', 'attorney', 'paralegal', 'case_manager'];
const related = async (k, as) => (await fx.get(`/api/v1/cases/${k.id}/related`, as)).items;
const others = async (k, as) => (await fx.get(`/api/v1/cases/${k.id}/other-cases`, as)).items;

test('related cases link both ways; self 422, twice 409, unlink both ways', async () => {
	const A = await fx.createCase();
	const B = await fx.createCase();
	const seqA = await fx.lastSeq(A.id);
	const brief = await fx.post(`/api/v1/cases/${A.id}/related`, { case_id: B.id }, fx.staff);
	for (const key of BRIEF_KEYS) assert.ok(key in brief, `brief has ${key}`);
	assert.equal(brief.id, B.id);
	assert.equal(brief.number, B.number);
	assert.equal(brief.name, B.name);
	assert.deepEqual((await related(A)).map((x) => x.id), [B.id]);
	assert.deepEqual((await related(B)).map((x) => x.id), [A.id], 'the other way too');
	assert.deepEqual((await related(B)).find((x) => x.id === A.id).name, A.name);
	assert.deepEqual((await fx.eventsSince(A.id, seqA)).map((e) => e.type), ['related.added']);
	const onB = (await fx.timeline(B.id)).filter((e) => e.type === 'related.added');
	assert.equal(onB.length, 1, 'the event is written on both cases');
	assert.ok(onB[0].description.includes(A.number), `it names the other case: ${onB[0].description}`);

	assertProblem(await fx.req('POST', `/api/v1/cases/${A.id}/related`, { as: fx.staff, body: { case_id: A.id } }), 422, 'unprocessable');
	assertProblem(await fx.req('POST', `/api/v1/cases/${A.id}/related`, { as: fx.staff, body: { case_id: B.id } }), 409, 'conflict');
	assertProblem(await fx.req('POST', `/api/v1/cases/${B.id}/related`, { as: fx.staff, body: { case_id: A.id } }), 409, 'conflict', undefined);
	assertProblem(await fx.req('POST', `/api/v1/cases/${A.id}/related`, { as: fx.staff, body: { case_id: 987654321 } }), 422, 'unprocessable', 'case_id');
	assert.equal((await related(A)).length, 1);

	const seqB = await fx.lastSeq(B.id);
	await fx.del(`/api/v1/cases/${B.id}/related/${A.id}`, fx.staff);
	assert.deepEqual(await related(A), []);
	assert.deepEqual(await related(B), [], 'unlinked both ways from either side');
	assert.deepEqual((await fx.eventsSince(B.id, seqB)).map((e) => e.type), ['related.removed']);
	assert.equal((await fx.timeline(A.id)).filter((e) => e.type === 'related.removed').length, 1, 'on both cases');
	assertProblem(await fx.req('DELETE', `/api/v1/cases/${B.id}/related/${A.id}`, { as: fx.staff }), 404, 'not_found');

	await fx.post(`/api/v1/cases/${A.id}/related`, { case_id: B.id }, fx.staff);
	await fx.del(`/api/v1/cases/${A.id}/related/${B.id}`, fx.staff);
	assert.deepEqual(await related(A), []);
	assert.deepEqual(await related(B), []);
});

test('related: a case the caller cannot see is 422 on case_id; a deleted case drops out', async () => {
	const adv = await fx.newUser('advisor', 'Rel Advisor');
	const A = await fx.createCase();
	const B = await fx.createCase();
	const C = await fx.createCase();
	await fx.post(`/api/v1/cases/${A.id}/staff`, { user_id: adv.id, role_id: v.advisorRole.id }, fx.staff);
	await fx.post(`/api/v1/cases/${A.id}/related`, { case_id: B.id }, fx.staff);
	await fx.post(`/api/v1/cases/${A.id}/related`, { case_id: C.id }, fx.staff);
	assert.deepEqual((await related(A)).map((x) => x.id).sort(), [B.id, C.id].sort());
	await fx.del(`/api/v1/cases/${C.id}`);
	assert.deepEqual((await related(A)).map((x) => x.id), [B.id], 'a deleted case is not listed');
	// an advisor cannot write; given case_edit, still not to a case they cannot see
	const D = await fx.createCase();
	assertProblem(await fx.req('POST', `/api/v1/cases/${A.id}/related`, { as: adv, body: { case_id: D.id } }), 403, 'forbidden');
	assertJson(await fx.req('PUT', `/api/v1/users/${adv.id}/rights/case_edit`, { body: { granted: true } }));
	assertProblem(await fx.req('POST', `/api/v1/cases/${A.id}/related`, { as: adv, body: { case_id: D.id } }), 422, 'unprocessable', 'case_id');
	assert.deepEqual(await related(A, adv), [], 'an advisor sees only the linked cases they may open');
	await fx.post(`/api/v1/cases/${B.id}/staff`, { user_id: adv.id, role_id: v.advisorRole.id }, fx.staff);
	assert.deepEqual((await related(A, adv)).map((x) => x.id), [B.id]);
	assertProblem(await fx.req('GET', `/api/v1/cases/${D.id}/related`, { as: adv }), 404, 'not_found');
	assert.deepEqual(await related(D), []);
});

test('the case brief: number, name, stage and the attorney, paralegal and case manager from staff roles', async () => {
	const A = await fx.createCase();
	const B = await fx.createCase({ status_id: v.preLit.id });
	await fx.post(`/api/v1/cases/${A.id}/related`, { case_id: B.id }, fx.staff);
	let b = (await related(A))[0];
	assert.deepEqual(b, { id: B.id, number: B.number, name: B.name, stage: 'Pre-Litigation', attorney: null, paralegal: null, case_manager: null });

	const att = await fx.post(`/api/v1/cases/${B.id}/staff`, { user_id: fx.staff2.id, role_id: v.attorney.id }, fx.staff);
	await fx.post(`/api/v1/cases/${B.id}/staff`, { user_id: fx.staff.id, role_id: v.attorney.id }, fx.staff);
	await fx.post(`/api/v1/cases/${B.id}/staff`, { user_id: fx.staff.id, role_id: v.paralegal.id }, fx.staff);
	const ct = await fx.newContact({ first_name: 'Mona', last_name: 'Manager' });
	await fx.post(`/api/v1/cases/${B.id}/staff`, { contact_id: ct.id, role_id: v.manager.id }, fx.staff);
	await fx.post(`/api/v1/cases/${B.id}/staff`, { user_id: fx.admin.id, role_id: v.referral.id }, fx.staff);
	b = (await related(A))[0];
	assert.deepEqual(b, { id: B.id, number: B.number, name: B.name, stage: 'Pre-Litigation', attorney: 'Tess Other', paralegal: 'Sam Staff', case_manager: 'Mona Manager' },
		'the first current staff member of each category');
	await fx.del(`/api/v1/cases/${B.id}/staff/${att.id}`, fx.staff);
	b = (await related(A))[0];
	assert.equal(b.attorney, 'Sam Staff', 'the next current attorney');
	await fx.setStatus(B.id, { status_type_id: v.stageType.id, status_id: v.litigation.id });
	assert.equal((await related(A))[0].stage, 'Litigation', 'the current primary status');
});

test('parties: add, list, remove; kind is plaintiff or defendant', async () => {
	const k = await fx.createCase();
	const ct = await fx.newContact({ first_name: 'Paul', last_name: 'Plaintiff' });
	const seq = await fx.lastSeq(k.id);
	const p = await fx.post(`/api/v1/cases/${k.id}/parties`, { contact_id: ct.id, kind: 'plaintiff' }, fx.staff);
	assert.deepEqual([p.contact.id, p.contact.name, p.kind, p.primary_label], [ct.id, 'Paul Plaintiff', 'plaintiff', 'Plaintiff/Contact']);
	assert.deepEqual((await fx.get(`/api/v1/cases/${k.id}/parties`)).items, [p]);
	assertProblem(await fx.req('POST', `/api/v1/cases/${k.id}/parties`, { as: fx.staff, body: { contact_id: ct.id, kind: 'witness' } }), 422, 'unprocessable', 'kind');
	assertProblem(await fx.req('POST', `/api/v1/cases/${k.id}/parties`, { as: fx.staff, body: { contact_id: ct.id, kind: 'plaintiff' } }), 409, 'conflict');
	const def = await fx.post(`/api/v1/cases/${k.id}/parties`, { contact_id: ct.id, kind: 'defendant' }, fx.staff);
	await fx.del(`/api/v1/cases/${k.id}/parties/${def.id}`, fx.staff);
	assertProblem(await fx.req('POST', `/api/v1/cases/${k.id}/parties`, { as: fx.staff, body: { contact_id: 987654321, kind: 'defendant' } }), 422, 'unprocessable', 'contact_id');
	await fx.del(`/api/v1/cases/${k.id}/parties/${p.id}`, fx.staff);
	assert.deepEqual((await fx.get(`/api/v1/cases/${k.id}/parties`)).items, []);
	const ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((e) => e.type), ['party.added', 'party.added', 'party.removed', 'party.removed']);
	assert.equal(ev[0].description, 'Plaintiff: Paul Plaintiff added');
});

test('other cases: those sharing a plaintiff contact, by number; not defendants, not itself, not cases without a number', async (t) => {
	const P = await fx.newContact({ first_name: 'Shared', last_name: uniq('Plaintiff') });
	const Q = await fx.newContact({ first_name: 'Other', last_name: uniq('Person') });
	const tag = uniq('');
	const A = await fx.createCase({ number: `OC-${tag}-3` });
	const B = await fx.createCase({ number: `OC-${tag}-2` });
	const E = await fx.createCase({ number: `OC-${tag}-1` });
	const C = await fx.createCase({ number: `OC-${tag}-4` });
	const D = await fx.createCase({ number: `OC-${tag}-5` });
	const party = (k, ct, kind) => fx.post(`/api/v1/cases/${k.id}/parties`, { contact_id: ct.id, kind }, fx.staff);
	await party(A, P, 'plaintiff');
	await party(A, Q, 'plaintiff');
	const pb = await party(B, P, 'plaintiff');
	await party(E, Q, 'plaintiff');
	await party(C, P, 'defendant');
	await party(D, P, 'plaintiff');
	await fx.post(`/api/v1/cases/${E.id}/staff`, { user_id: fx.staff2.id, role_id: v.attorney.id }, fx.staff);

	// a case without a number is ignored: numbers can be cleared with PATCH number null (as admin)
	let cleared = await fx.req('PATCH', `/api/v1/cases/${D.id}`, { body: { number: null }, ifMatch: D.version });
	if (cleared.status !== 200) cleared = await fx.req('PATCH', `/api/v1/cases/${D.id}`, { body: { number: '' }, ifMatch: D.version });
	const dNumberless = cleared.status === 200 && cleared.json.number === null;
	const expect = dNumberless ? [E, B] : [E, B, D];
	const got = await others(A);
	got.forEach((x) => BRIEF_KEYS.forEach((key) => assert.ok(key in x, `brief has ${key}`)));
	assert.deepEqual(got.map((x) => x.id), expect.map((k) => k.id), 'shared plaintiffs, ordered by number');
	assert.deepEqual(got[0], { id: E.id, number: E.number, name: E.name, stage: 'Intake', attorney: 'Tess Other', paralegal: null, case_manager: null });
	if (!dNumberless) t.diagnostic(`PATCH {number: null} / {number: ""} did not clear the number (${cleared.status} ${cleared.text.slice(0, 200)}); the numberless case could not be made through the API`);
	assert.deepEqual((await others(B)).map((x) => x.id), dNumberless ? [A.id] : [A.id, D.id], 'B shares P with A (and D)');

	await fx.del(`/api/v1/cases/${B.id}/parties/${pb.id}`, fx.staff);
	assert.deepEqual((await others(A)).map((x) => x.id), (dNumberless ? [E] : [E, D]).map((k) => k.id), 'B no longer shares P');
	await fx.del(`/api/v1/cases/${E.id}`);
	assert.deepEqual(await others(A), [], 'a deleted case drops out');
});

test('the timeline: one event per change with type, staff and description, newest first', async () => {
	const tag = uniq('');
	const steps = [];
	const expectOne = async (k, type, fn, re) => {
		const seq = await fx.lastSeq(k.id);
		await fn();
		const ev = await fx.eventsSince(k.id, seq);
		assert.deepEqual(ev.map((e) => e.type), [type], `one ${type} event`);
		if (re) assert.match(ev[0].description, re, `${type} description`);
		steps.push(type);
		return ev[0];
	};
	const k = await fx.createCase({ name: `Timeline ${tag}` });
	steps.push('case.created');
	let cur = k;
	const changed = await expectOne(k, 'case.changed', async () => {
		cur = await fx.patch(`/api/v1/cases/${k.id}`, { value_comments: `xyzzy${tag}` }, cur.version, fx.staff);
	}, new RegExp(`xyzzy${tag}`));
	assert.match(changed.description, /value.?comments/i, 'names the field');
	const row = await (async () => {
		let r;
		await expectOne(k, 'status.set', async () => { r = await fx.setStatus(k.id, { status_type_id: v.medical.id, status_id: v.treating.id }); }, /Treating/);
		return r;
	})();
	await expectOne(k, 'status.changed', () => fx.patch(`/api/v1/cases/${k.id}/statuses/${row.id}`, { comments: 'c' }, row.version, fx.staff));
	await expectOne(k, 'status.removed', () => fx.del(`/api/v1/cases/${k.id}/statuses/${row.id}`, fx.staff));
	let st;
	await expectOne(k, 'staff.added', async () => { st = await fx.post(`/api/v1/cases/${k.id}/staff`, { user_id: fx.staff2.id, role_id: v.paralegal.id }, fx.staff); }, /Tess Other/);
	await expectOne(k, 'staff.changed', async () => { st = await fx.patch(`/api/v1/cases/${k.id}/staff/${st.id}`, { comments: 'x' }, st.version, fx.staff); });
	await expectOne(k, 'staff.removed', () => fx.del(`/api/v1/cases/${k.id}/staff/${st.id}`, fx.staff));
	let note;
	await expectOne(k, 'note.added', async () => { note = await fx.post(`/api/v1/cases/${k.id}/notes`, { note_type_id: v.general.id, body: 'hello' }, fx.staff); });
	await expectOne(k, 'note.changed', async () => { note = await fx.patch(`/api/v1/cases/${k.id}/notes/${note.id}`, { body: 'hello again' }, note.version, fx.staff); });
	await expectOne(k, 'note.deleted', () => fx.del(`/api/v1/cases/${k.id}/notes/${note.id}`, fx.staff));
	const other = await fx.createCase();
	await expectOne(k, 'related.added', () => fx.post(`/api/v1/cases/${k.id}/related`, { case_id: other.id }, fx.staff));
	await expectOne(k, 'related.removed', () => fx.del(`/api/v1/cases/${k.id}/related/${other.id}`, fx.staff));
	const ct = await fx.newContact();
	let p;
	await expectOne(k, 'party.added', async () => { p = await fx.post(`/api/v1/cases/${k.id}/parties`, { contact_id: ct.id, kind: 'plaintiff' }, fx.staff); });
	await expectOne(k, 'party.removed', () => fx.del(`/api/v1/cases/${k.id}/parties/${p.id}`, fx.staff));

	// refused changes write nothing
	const seq = await fx.lastSeq(k.id);
	await fx.req('POST', `/api/v1/cases/${k.id}/statuses`, { as: fx.staff, body: { status_type_id: v.stageType.id, status_id: v.closed.id } });
	await fx.req('PATCH', `/api/v1/cases/${k.id}`, { as: fx.staff, body: { description: 'stale' }, ifMatch: k.version });
	await fx.req('PATCH', `/api/v1/cases/${k.id}`, { as: fx.staff, body: { name: 'no right' }, ifMatch: cur.version });
	assert.equal(await fx.lastSeq(k.id), seq, 'no event for a refused change');

	const tl = await fx.timeline(k.id);
	assert.deepEqual(tl.map((e) => e.type), [...steps].reverse(), 'every change, newest first');
	assert.deepEqual(tl.map((e) => e.seq), tl.map((_, i) => tl.length - i), 'seq counts 1, 2, 3 ... without gaps');
	for (const e of tl) {
		for (const key of ['id', 'seq', 'at', 'type', 'staff', 'description']) assert.ok(key in e, `event has ${key}`);
		assert.match(e.at, TS_RE);
		assert.deepEqual(e.staff, { id: fx.staff.id, name: 'Sam Staff' });
		assert.equal(typeof e.description, 'string');
		assert.ok(e.description.length > 0, `${e.type} has a description`);
	}
	for (let i = 1; i < tl.length; i++) assert.ok(Date.parse(tl[i - 1].at) >= Date.parse(tl[i].at), 'at never goes back');
	const paged = await fx.all(`/api/v1/cases/${k.id}/timeline`, fx.staff, 3);
	assert.deepEqual(paged, tl, 'paging with limit 3 gives the same events');

});

test('nobody can change or delete the timeline (405)', async () => {
	const k = await fx.createCase();
	const before = await fx.timeline(k.id);
	const url = `/api/v1/cases/${k.id}/timeline`;
	for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
		for (const as of [fx.admin, fx.staff]) {
			const res = await fx.req(method, url, { as, body: method === 'DELETE' ? undefined : { type: 'x', description: 'forged' }, ifMatch: 1 });
			assertProblem(res, 405, 'method_not_allowed');
			assert.match(String(res.headers.allow), /GET/);
		}
	}
	for (const method of ['PATCH', 'DELETE', 'PUT']) {
		const res = await fx.req(method, `${url}/${before[0].id}`, { body: method === 'DELETE' ? undefined : { description: 'forged' }, ifMatch: 1 });
		assert.ok([404, 405].includes(res.status), `${method} one event: ${res.status}`);
	}
	assert.deepEqual(await fx.timeline(k.id), before);
	assertJson(await fx.req('GET', url));
});
