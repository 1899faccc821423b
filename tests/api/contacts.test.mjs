// contacts.test.mjs - contacts (docs/api.md "Contacts"): people and organisations, the display
// name, prefix search, If-Match, deletes refused while in use, who may read and write them, and a
// user linked to their own contact.
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

const KEYS = ['id', 'kind', 'first_name', 'last_name', 'org_name', 'email', 'phone', 'display_name', 'version', 'created_at'];

test('create a person and an organisation; display name; get and list', async () => {
	const p = await fx.post('/api/v1/contacts', { kind: 'person', first_name: 'Dana', last_name: 'Doe', email: 'dana@example.com', phone: '+1 555 0101' }, fx.staff);
	for (const k of KEYS) assert.ok(k in p, `contact has ${k}`);
	assert.equal(p.kind, 'person');
	assert.equal(p.first_name, 'Dana');
	assert.equal(p.last_name, 'Doe');
	assert.equal(p.org_name, '');
	assert.equal(p.email, 'dana@example.com');
	assert.equal(p.phone, '+1 555 0101');
	assert.equal(p.display_name, 'Dana Doe');
	assert.equal(p.version, 1);
	assert.match(p.created_at, TS_RE);
	const o = await fx.post('/api/v1/contacts', { kind: 'organisation', org_name: 'Acme Insurance Co.' }, fx.staff);
	assert.equal(o.display_name, 'Acme Insurance Co.');
	const only = await fx.post('/api/v1/contacts', { kind: 'person', last_name: 'Solo' }, fx.staff);
	assert.equal(only.display_name, 'Solo');
	const got = await fx.req('GET', `/api/v1/contacts/${p.id}`, { as: fx.staff2 });
	assert.deepEqual(assertJson(got), p);
	assert.equal(got.headers.etag, '"1"');
	const all = await fx.all('/api/v1/contacts', fx.staff);
	for (const c of [p, o, only]) assert.deepEqual(all.find((x) => x.id === c.id), c);
	assertProblem(await fx.req('GET', '/api/v1/contacts/987654321'), 404, 'not_found');
});

test('contact input rules (422)', async () => {
	const post = (body) => fx.req('POST', '/api/v1/contacts', { as: fx.staff, body });
	assertProblem(await post({ kind: 'person', email: 'x@example.com' }), 422, 'unprocessable', 'last_name');
	assertProblem(await post({ last_name: 'Mail', email: 'not an address' }), 422, 'unprocessable', 'email');
	const dflt = await fx.post('/api/v1/contacts', { last_name: 'Default' }, fx.staff);
	assert.equal(dflt.kind, 'person', 'kind defaults to person');
	assertProblem(await post({ kind: 'organisation', first_name: 'No', last_name: 'Org' }), 422, 'unprocessable', 'org_name');
	assertProblem(await post({ kind: 'robot', last_name: 'R2' }), 422, 'unprocessable', 'kind');
	assertProblem(await post({ kind: 'person', last_name: 5 }), 400, 'invalid', 'last_name');
});

test('q matches the start of the first, last or organisation name or the e-mail, in any case', async () => {
	const t = `q${uniq('').slice(0, 6)}`;
	const a = await fx.newContact({ first_name: `${t}ann`, last_name: 'Zed' });
	const b = await fx.newContact({ first_name: 'Bob', last_name: `${t}son` });
	const c = await fx.post('/api/v1/contacts', { kind: 'organisation', org_name: `${t.toUpperCase()} Holdings` });
	const d = await fx.newContact({ first_name: 'Dee', last_name: 'Dee', email: `${t}@example.com` });
	const e = await fx.newContact({ first_name: 'Eve', last_name: `Mc${t}` });
	const find = async (q) => (await fx.all(`/api/v1/contacts?q=${encodeURIComponent(q)}`, fx.staff)).map((x) => x.id).sort((x, y) => x - y);
	assert.deepEqual(await find(t), [a.id, b.id, c.id, d.id].sort((x, y) => x - y), 'starts, not contains');
	assert.deepEqual(await find(t.toUpperCase()), await find(t));
	assert.deepEqual(await find(`${t}so`), [b.id]);
	assert.ok((await find(`Mc${t}`)).includes(e.id));
	const paged = await fx.all(`/api/v1/contacts?q=${t}`, fx.staff, 1);
	assert.equal(paged.length, 4, 'paging one at a time');
});

test('PATCH with If-Match; DELETE; in use is 409 saying where', async () => {
	const c = await fx.newContact({ first_name: 'Old' });
	const url = `/api/v1/contacts/${c.id}`;
	assertProblem(await fx.req('PATCH', url, { as: fx.staff, body: { first_name: 'New' } }), 428, 'precondition_required');
	const c2 = await fx.patch(url, { first_name: 'New' }, c.version, fx.staff);
	assert.equal(c2.first_name, 'New');
	assert.equal(c2.last_name, c.last_name);
	assert.equal(c2.display_name, `New ${c.last_name}`);
	assert.equal(c2.version, c.version + 1);
	assertProblem(await fx.req('PATCH', url, { as: fx.staff, body: { first_name: 'Stale' }, ifMatch: c.version }), 409, 'conflict');

	const k = await fx.createCase();
	const party = await fx.post(`/api/v1/cases/${k.id}/parties`, { contact_id: c.id, kind: 'plaintiff' }, fx.staff);
	let p = assertProblem(await fx.req('DELETE', url, { as: fx.staff }), 409, 'conflict');
	assert.match(p.detail, /in use/i);
	assert.match(p.detail, /\b1 case part(y|ies)\b/i, p.detail);
	await fx.del(`/api/v1/cases/${k.id}/parties/${party.id}`, fx.staff);

	const s2 = await fx.newContact();
	await fx.post(`/api/v1/cases/${k.id}/staff`, { contact_id: s2.id, role_id: v.referral.id }, fx.staff);
	p = assertProblem(await fx.req('DELETE', `/api/v1/contacts/${s2.id}`, { as: fx.staff }), 409, 'conflict');
	assert.match(p.detail, /\b1 case staff\b/i, p.detail);

	const s3 = await fx.newContact();
	await fx.post('/api/v1/users', { login: uniq('linked'), name: 'Linked User', role: 'client', password: 'linked-user-pass-phrase', contact_id: s3.id });
	p = assertProblem(await fx.req('DELETE', `/api/v1/contacts/${s3.id}`, { as: fx.staff }), 409, 'conflict');
	assert.match(p.detail, /\b1 users?\b/i, p.detail);

	const free = await fx.newContact();
	await fx.del(`/api/v1/contacts/${free.id}`, fx.staff);
	assertProblem(await fx.req('GET', `/api/v1/contacts/${free.id}`), 404, 'not_found');
});

test('admin and staff read contacts; advisors and clients get 403; writing needs case_edit', async () => {
	const adv = await fx.newUser('advisor', 'Contact Advisor');
	const c = await fx.newContact();
	for (const who of [adv]) {
		assertProblem(await fx.req('GET', '/api/v1/contacts', { as: who }), 403, 'forbidden');
		assertProblem(await fx.req('GET', `/api/v1/contacts/${c.id}`, { as: who }), 403, 'forbidden');
		assertProblem(await fx.req('POST', '/api/v1/contacts', { as: who, body: { kind: 'person', last_name: 'X' } }), 403, 'forbidden');
	}
	const ro = await fx.newUser('staff', 'Read Only');
	assertJson(await fx.req('PUT', `/api/v1/users/${ro.id}/rights/case_edit`, { body: { granted: false } }));
	await fx.get(`/api/v1/contacts/${c.id}`, ro);
	assertProblem(await fx.req('POST', '/api/v1/contacts', { as: ro, body: { kind: 'person', last_name: 'X' } }), 403, 'forbidden');
	assertProblem(await fx.req('PATCH', `/api/v1/contacts/${c.id}`, { as: ro, body: { last_name: 'X' }, ifMatch: c.version }), 403, 'forbidden');
	assertProblem(await fx.req('DELETE', `/api/v1/contacts/${c.id}`, { as: ro }), 403, 'forbidden');
	assert.deepEqual(await fx.get(`/api/v1/contacts/${c.id}`), c);
});

test('a user links to their own contact with contact_id', async () => {
	const c = await fx.newContact();
	const u = await fx.post('/api/v1/users', { login: uniq('cl'), name: 'Client Linked', role: 'client', password: 'linked-user-pass-phrase', contact_id: c.id });
	assert.equal(u.contact_id, c.id);
	assert.equal((await fx.get(`/api/v1/users/${u.id}`)).contact_id, c.id);
	const u2 = await fx.patch(`/api/v1/users/${u.id}`, { contact_id: null }, u.version);
	assert.equal(u2.contact_id, null);
	assertProblem(await fx.req('PATCH', `/api/v1/users/${u.id}`, { body: { contact_id: 987654321 }, ifMatch: u2.version }), 422, 'unprocessable', 'contact_id');
});
