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

// ---- contacts in full (docs/api.md "Contacts in full") ----------------------------------------

const FULL_KEYS = ['nickname', 'languages', 'employer', 'preferred_comm', 'birth_date', 'death_date', 'death_place', 'phones', 'emails', 'addresses'];

test('the full contact: nickname, languages, dates, preferred communication, defaults', async () => {
	const c = await fx.post('/api/v1/contacts', {
		first_name: 'Rosa', last_name: uniq('Full'), nickname: ' Rosie ', languages: 'Spanish, English',
		birth_date: '1950-04-01', death_date: '2025-12-24', death_place: 'Albany, NY', preferred_comm: 'letter',
	}, fx.staff);
	for (const k of [...KEYS, ...FULL_KEYS]) assert.ok(k in c, `contact has ${k}`);
	assert.equal(c.nickname, 'Rosie', 'trimmed');
	assert.equal(c.languages, 'Spanish, English');
	assert.deepEqual([c.birth_date, c.death_date, c.death_place], ['1950-04-01', '2025-12-24', 'Albany, NY']);
	assert.equal(c.preferred_comm, 'letter');
	assert.deepEqual([c.employer, c.phones, c.emails, c.addresses, c.phone, c.email], [null, [], [], [], '', '']);
	const d = await fx.newContact();
	assert.equal(d.preferred_comm, 'email', 'e-mail by default');
	assert.deepEqual([d.birth_date, d.death_date, d.nickname], [null, null, '']);
	const c2 = await fx.patch(`/api/v1/contacts/${c.id}`, { death_date: null, death_place: '' }, c.version, fx.staff);
	assert.deepEqual([c2.death_date, c2.death_place, c2.birth_date], [null, '', '1950-04-01'], 'only the members given change');
	const post = (body) => fx.req('POST', '/api/v1/contacts', { as: fx.staff, body: { last_name: 'Rules', ...body } });
	assertProblem(await post({ preferred_comm: 'fax' }), 422, 'unprocessable', 'preferred_comm');
	const bad = await post({ birth_date: '1950-02-30' });
	assert.ok([400, 422].includes(bad.status), `birth_date 1950-02-30: ${bad.status}`);
	assertProblem(bad, bad.status, undefined, 'birth_date');
	assertProblem(await post({ nickname: 7 }), 400, 'invalid', 'nickname');
});

test('phones and e-mails: one primary each (the first when none is marked), copied into phone and email', async () => {
	const url = (c) => `/api/v1/contacts/${c.id}`;
	const c = await fx.post('/api/v1/contacts', {
		first_name: 'Phil', last_name: uniq('Phones'),
		phones: [{ label: 'home', value: '+1 555 0001' }, { label: 'mobile', value: ' +1 555 0002 ', primary: true }],
		emails: [{ label: 'work', value: 'phil@work.example' }, { value: 'phil@home.example' }],
	}, fx.staff);
	assert.deepEqual(c.phones, [
		{ label: 'home', value: '+1 555 0001', primary: false },
		{ label: 'mobile', value: '+1 555 0002', primary: true },
	], 'in the order given, trimmed, the marked one primary');
	assert.equal(c.phone, '+1 555 0002', 'phone is the primary phone');
	assert.deepEqual(c.emails, [
		{ label: 'work', value: 'phil@work.example', primary: true },
		{ label: '', value: 'phil@home.example', primary: false },
	], 'none marked: the first is primary');
	assert.equal(c.email, 'phil@work.example');
	assert.deepEqual(await fx.get(url(c), fx.staff), c);
	assert.deepEqual((await fx.all(`/api/v1/contacts?q=${encodeURIComponent(c.last_name)}`, fx.staff)), [c], 'the list carries the lists too');
	assert.deepEqual(await fx.all(`/api/v1/contacts?q=phil%40home`, fx.staff), [], 'q matches the primary e-mail only');

	// a list given replaces that list; the other stays
	const c2 = await fx.patch(url(c), { phones: [{ label: 'work', value: '+1 555 0003' }] }, c.version, fx.staff);
	assert.deepEqual(c2.phones, [{ label: 'work', value: '+1 555 0003', primary: true }]);
	assert.equal(c2.phone, '+1 555 0003');
	assert.deepEqual(c2.emails, c.emails, 'the e-mails are kept');
	// writing phone or email alone replaces that list with the one value
	const c3 = await fx.patch(url(c), { email: 'only@example.com' }, c2.version, fx.staff);
	assert.deepEqual(c3.emails, [{ label: '', value: 'only@example.com', primary: true }]);
	assert.equal(c3.email, 'only@example.com');
	assert.deepEqual(c3.phones, c2.phones);
	const c4 = await fx.patch(url(c), { phone: '', emails: [] }, c3.version, fx.staff);
	assert.deepEqual([c4.phones, c4.phone, c4.emails, c4.email], [[], '', [], ''], 'emptied');
	const c5 = await fx.patch(url(c), { phone: '+44 20 7946 0000' }, c4.version, fx.staff);
	assert.deepEqual(c5.phones, [{ label: '', value: '+44 20 7946 0000', primary: true }]);
	// the single members on create work the same way
	const s = await fx.post('/api/v1/contacts', { last_name: uniq('Single'), phone: '+1 555 0101', email: 's@example.com' }, fx.staff);
	assert.deepEqual([s.phones, s.emails], [[{ label: '', value: '+1 555 0101', primary: true }], [{ label: '', value: 's@example.com', primary: true }]]);
});

test('phones, e-mails and addresses: the rules name the field (422), bad shapes 400', async () => {
	const post = (body) => fx.req('POST', '/api/v1/contacts', { as: fx.staff, body: { last_name: 'Lists', ...body } });
	const two = [{ value: '1', primary: true }, { value: '2', primary: true }];
	assertProblem(await post({ phones: two }), 422, 'unprocessable', 'phones');
	assertProblem(await post({ emails: [{ value: 'a@example.com', primary: true }, { value: 'b@example.com', primary: true }] }), 422, 'unprocessable', 'emails');
	assertProblem(await post({ emails: [{ value: 'a@example.com' }, { value: 'not an address' }] }), 422, 'unprocessable', 'emails[1].value');
	assertProblem(await post({ email: 'not an address' }), 422, 'unprocessable', 'email');
	assertProblem(await post({ phones: [{ value: '   ' }] }), 422, 'unprocessable', 'phones[0].value');
	assertProblem(await post({ phones: [{ label: 'x' }] }), 422, 'unprocessable', 'phones[0].value');
	assertProblem(await post({ phones: [{ value: '1'.repeat(41) }] }), 422, 'unprocessable', 'phones[0].value');
	assertProblem(await post({ phone: '1', phones: [{ value: '2' }] }), 422, 'unprocessable', 'phone');
	assertProblem(await post({ phones: [{ value: '1', extension: '2' }] }), 400, 'invalid', 'phones[0].extension');
	assertProblem(await post({ phones: ['+1 555'] }), 400, 'invalid', 'phones[0]');
	assertProblem(await post({ phones: '+1 555' }), 400, 'invalid', 'phones');
	assertProblem(await post({ phones: [{ value: '1', primary: 'yes' }] }), 400, 'invalid', 'phones[0].primary');
	const many = (n, f) => Array.from({ length: n }, (_, i) => f(i));
	const tooMany = await post({ phones: many(10, (i) => ({ value: `${i}` })), emails: many(7, (i) => ({ value: `m${i}@example.com` })) });
	assertProblem(tooMany, 422, 'unprocessable');
	assert.ok(['phones', 'emails'].includes(tooMany.json.field), tooMany.json.field);
	const max = await fx.post('/api/v1/contacts', { last_name: uniq('Max'), phones: many(10, (i) => ({ value: `${i}` })), emails: many(6, (i) => ({ value: `m${i}@example.com` })) }, fx.staff);
	assert.equal(max.phones.length + max.emails.length, 16, '16 together is fine');
	assertProblem(await fx.req('PATCH', `/api/v1/contacts/${max.id}`, { as: fx.staff, body: { emails: many(7, (i) => ({ value: `n${i}@example.com` })) }, ifMatch: max.version }), 422, 'unprocessable', 'emails');
	assertProblem(await post({ addresses: many(9, () => ({ line1: '1 Main St' })) }), 422, 'unprocessable', 'addresses');
	assertProblem(await post({ addresses: [{ line1: '1 Main St', primary: true }, { city: 'Albany', primary: true }] }), 422, 'unprocessable', 'addresses');
	assertProblem(await post({ addresses: [{ line1: '1 Main St' }, { label: 'empty', country: 'US' }] }), 422, 'unprocessable', 'addresses[1].line1');
	assertProblem(await post({ addresses: [{ line1: '1 Main St', postcode: 'x'.repeat(24) }] }), 422, 'unprocessable', 'addresses[0].postcode');
	assert.deepEqual(await fx.all(`/api/v1/contacts?q=Lists`, fx.staff), [], 'nothing was made');
});

test('postal addresses: every member, one primary (the first when none is marked), replaced as a list', async () => {
	const a1 = { label: 'home', line1: '1 Main St', line2: 'Apt 2', city: 'Albany', region: 'NY', postcode: '12207', country: 'US' };
	const a2 = { label: 'work', line1: '99 State St', line2: '', city: 'Albany', region: 'NY', postcode: '12210', country: 'US', primary: true };
	const c = await fx.post('/api/v1/contacts', { last_name: uniq('Addr'), addresses: [a1, a2] }, fx.staff);
	assert.deepEqual(c.addresses, [{ ...a1, primary: false }, a2]);
	const c2 = await fx.patch(`/api/v1/contacts/${c.id}`, { addresses: [{ city: 'Troy' }] }, c.version, fx.staff);
	assert.deepEqual(c2.addresses, [{ label: '', line1: '', line2: '', city: 'Troy', region: '', postcode: '', country: '', primary: true }]);
	const c3 = await fx.patch(`/api/v1/contacts/${c.id}`, { nickname: 'Ad' }, c2.version, fx.staff);
	assert.deepEqual(c3.addresses, c2.addresses, 'kept when not given');
	const c4 = await fx.patch(`/api/v1/contacts/${c.id}`, { addresses: [] }, c3.version, fx.staff);
	assert.deepEqual(c4.addresses, []);
});

test('employer: an organisation, not the contact itself; an employer in use cannot be deleted', async () => {
	const firm = await fx.post('/api/v1/contacts', { kind: 'organisation', org_name: `Law Firm ${uniq('')}` }, fx.staff);
	const lawyer = await fx.newContact({ first_name: 'Lou', employer_id: firm.id });
	assert.deepEqual(lawyer.employer, { id: firm.id, name: firm.display_name });
	assert.deepEqual((await fx.get(`/api/v1/contacts/${lawyer.id}`)).employer, lawyer.employer);
	const person = await fx.newContact();
	assertProblem(await fx.req('POST', '/api/v1/contacts', { as: fx.staff, body: { last_name: 'E', employer_id: person.id } }), 422, 'unprocessable', 'employer_id');
	assertProblem(await fx.req('POST', '/api/v1/contacts', { as: fx.staff, body: { last_name: 'E', employer_id: 987654321 } }), 422, 'unprocessable', 'employer_id');
	assertProblem(await fx.req('PATCH', `/api/v1/contacts/${firm.id}`, { as: fx.staff, body: { employer_id: firm.id }, ifMatch: firm.version }), 422, 'unprocessable', 'employer_id');
	const p = assertProblem(await fx.req('DELETE', `/api/v1/contacts/${firm.id}`, { as: fx.staff }), 409, 'conflict');
	assert.match(p.detail, /in use/i);
	const free = await fx.patch(`/api/v1/contacts/${lawyer.id}`, { employer_id: null }, lawyer.version, fx.staff);
	assert.equal(free.employer, null);
	await fx.del(`/api/v1/contacts/${firm.id}`, fx.staff);
	const gone = await fx.newContact({ phones: [{ value: '+1 555 0303' }], addresses: [{ city: 'Troy' }] });
	await fx.del(`/api/v1/contacts/${gone.id}`, fx.staff);
	assertProblem(await fx.req('GET', `/api/v1/contacts/${gone.id}`), 404, 'not_found');
});
