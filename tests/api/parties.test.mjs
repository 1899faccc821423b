// parties.test.mjs - parties in full (docs/api.md "Parties: plaintiffs, other plaintiffs,
// defendants") and what hangs under them ("Insurance, liens, bankruptcies"): the primary
// plaintiff and primary contact (one of each per case, the first represented plaintiff gets
// both, marking one unmarks the other), other plaintiffs, the input rules naming the field,
// If-Match, rows of another case and cases out of scope (404), the timeline events, and a
// party's removal taking its insurance, liens and bankruptcies with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startCaseServer, assertJson, assertProblem, uniq,
} from './casefix.mjs';

let fx;
let v;
before(async () => {
	fx = await startCaseServer();
	v = fx.v;
});
after(async () => { await fx?.stop(); });

const NO = 987654321;
const PARTY_KEYS = ['id', 'kind', 'contact', 'group_no', 'primary_party', 'primary_contact', 'primary_label',
	'role', 'represented', 'law_firm', 'attorney', 'injury_summary', 'pleadings_summary', 'version'];
const CONTACT_KEYS = ['id', 'name', 'nickname', 'languages', 'phone', 'birth_date', 'death_date', 'death_place'];

const partiesUrl = (k, id) => `/api/v1/cases/${k.id}/parties${id ? `/${id}` : ''}`;
const rowsUrl = (k, what, id) => `/api/v1/cases/${k.id}/${what}${id ? `/${id}` : ''}`;
const person = (first, last, extra = {}) => fx.newContact({ first_name: first, last_name: `${last} ${uniq('')}`, ...extra });
const org = (name) => fx.post('/api/v1/contacts', { kind: 'organisation', org_name: `${name} ${uniq('')}` });
const addParty = (k, body, as = fx.staff) => fx.post(partiesUrl(k), body, as);
const list = async (k, as) => (await fx.get(partiesUrl(k), as)).items;
const labels = async (k) => Object.fromEntries((await list(k)).map((p) => [p.contact.name, p.primary_label]));

test('a party in full: every member, the contact detail, ETag, GET one', async () => {
	const k = await fx.createCase();
	const firm = await org('Firm');
	const lawyer = await person('Lara', 'Lawyer', { employer_id: firm.id });
	const ct = await person('John', 'Client', { nickname: 'Johnny', languages: 'Spanish, English', phone: '+1 555 0100', birth_date: '1980-02-03' });
	const res = await fx.req('POST', partiesUrl(k), {
		as: fx.staff,
		body: {
			contact_id: ct.id, kind: 'plaintiff', group_no: 2, role: '  Driver ', law_firm_id: firm.id, attorney_id: lawyer.id,
			injury_summary: 'Whiplash', pleadings_summary: 'Neck and back',
		},
	});
	const p = assertJson(res, 201);
	assert.equal(res.headers.etag, `"${p.version}"`);
	for (const key of PARTY_KEYS) assert.ok(key in p, `party has ${key}`);
	for (const key of CONTACT_KEYS) assert.ok(key in p.contact, `party.contact has ${key}`);
	assert.deepEqual(p.contact, {
		id: ct.id, name: ct.display_name, nickname: 'Johnny', languages: 'Spanish, English', phone: '+1 555 0100',
		birth_date: '1980-02-03', death_date: null, death_place: '',
	});
	assert.equal(p.kind, 'plaintiff');
	assert.equal(p.group_no, 2);
	assert.equal(p.role, 'Driver', 'trimmed');
	assert.equal(p.represented, true, 'represented by default');
	assert.deepEqual(p.law_firm, { id: firm.id, name: firm.display_name });
	assert.deepEqual(p.attorney, { id: lawyer.id, name: lawyer.display_name });
	assert.equal(p.injury_summary, 'Whiplash');
	assert.equal(p.pleadings_summary, 'Neck and back');
	assert.equal(p.primary_party, true, 'the first represented plaintiff is the primary plaintiff');
	assert.equal(p.primary_contact, true, '... and the primary contact');
	assert.equal(p.primary_label, 'Plaintiff/Contact');
	const got = await fx.req('GET', partiesUrl(k, p.id), { as: fx.staff2 });
	assert.deepEqual(assertJson(got), p);
	assert.equal(got.headers.etag, `"${p.version}"`);

	const d = await addParty(k, { contact_id: (await person('Dan', 'Driver')).id, kind: 'defendant' });
	assert.equal(d.group_no, 1, 'group 1 by default');
	assert.equal(d.primary_label, '');
	assert.equal(d.primary_party, false);
	assert.deepEqual([d.law_firm, d.attorney], [null, null]);
	const p2 = await addParty(k, { contact_id: (await person('Amy', 'Second')).id });
	assert.equal(p2.kind, 'plaintiff', 'kind defaults to plaintiff');
	assert.equal(p2.primary_label, '', 'not the first plaintiff: no mark');
	assert.deepEqual((await list(k)).map((x) => x.id), [p2.id, p.id, d.id], 'plaintiffs first, each side by group then id');
});

test('one primary plaintiff and one primary contact per case; marking one unmarks the other', async () => {
	const k = await fx.createCase();
	const a = await addParty(k, { contact_id: (await person('Ann', 'Alpha')).id });
	const b = await addParty(k, { contact_id: (await person('Ben', 'Beta')).id });
	const c = await addParty(k, { contact_id: (await person('Cy', 'Gamma')).id, primary_contact: true });
	assert.equal(c.primary_label, 'Contact');
	let byId = Object.fromEntries((await list(k)).map((p) => [p.id, p]));
	assert.equal(byId[a.id].primary_label, 'Plaintiff', 'A lost the contact mark to C');
	assert.equal(byId[a.id].version, a.version + 1, 'the other party was written (version)');
	assert.equal(byId[b.id].primary_label, '');

	const seq = await fx.lastSeq(k.id);
	const b2 = await fx.patch(partiesUrl(k, b.id), { primary_party: true, primary_contact: true }, b.version, fx.staff);
	assert.equal(b2.primary_label, 'Plaintiff/Contact');
	byId = Object.fromEntries((await list(k)).map((p) => [p.id, p]));
	assert.equal(byId[a.id].primary_label, '', 'A lost the primary plaintiff mark');
	assert.equal(byId[c.id].primary_label, '', 'C lost the primary contact mark');
	assert.equal((await list(k)).filter((p) => p.primary_party).length, 1);
	assert.equal((await list(k)).filter((p) => p.primary_contact).length, 1);
	const ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((e) => e.type), ['party.changed', 'party.changed', 'party.changed'], 'one event per party changed, in one transaction');
	assert.match(ev[0].description, /^Plaintiff: Ben Beta \S+ changed: primary plaintiff: no → yes; primary contact: no → yes$/);
	assert.ok(ev.slice(1).some((e) => /^Plaintiff: Ann Alpha \S+ changed: primary plaintiff: yes → no$/.test(e.description)), JSON.stringify(ev));
	assert.ok(ev.slice(1).some((e) => /^Plaintiff: Cy Gamma \S+ changed: primary contact: yes → no$/.test(e.description)), JSON.stringify(ev));

	// unmarking leaves the case without one: nobody else is promoted
	const b3 = await fx.patch(partiesUrl(k, b.id), { primary_contact: false }, b2.version, fx.staff);
	assert.equal(b3.primary_label, 'Plaintiff');
	assert.equal((await list(k)).filter((p) => p.primary_contact).length, 0);

	// the first represented plaintiff may be told not to be primary
	const k2 = await fx.createCase();
	const x = await addParty(k2, { contact_id: (await person('Xena', 'Told')).id, primary_party: false });
	assert.equal(x.primary_label, 'Contact', 'told: not the primary plaintiff, still the primary contact');
	const y = await addParty(k2, { contact_id: (await person('Yuri', 'Next')).id });
	assert.equal(y.primary_label, '', 'only the first represented plaintiff gets the marks');
});

test('other plaintiffs: represented false, never primary; the marks and other plaintiffs are for plaintiffs only (422)', async () => {
	const k = await fx.createCase();
	const other = await addParty(k, { contact_id: (await person('Olga', 'Other')).id, represented: false });
	assert.equal(other.represented, false);
	assert.equal(other.primary_label, '', 'an other plaintiff does not become primary');
	const first = await addParty(k, { contact_id: (await person('Fred', 'First')).id });
	assert.equal(first.primary_label, 'Plaintiff/Contact', 'the first represented plaintiff, after an other plaintiff');

	const dct = await person('Dora', 'Defendant');
	const post = (body) => fx.req('POST', partiesUrl(k), { as: fx.staff, body });
	assertProblem(await post({ contact_id: dct.id, kind: 'defendant', represented: false }), 422, 'unprocessable', 'represented');
	assertProblem(await post({ contact_id: dct.id, kind: 'defendant', primary_party: true }), 422, 'unprocessable', 'primary_party');
	assertProblem(await post({ contact_id: dct.id, kind: 'defendant', primary_contact: true }), 422, 'unprocessable', 'primary_contact');
	assertProblem(await post({ contact_id: dct.id, represented: false, primary_party: true }), 422, 'unprocessable', 'primary_party');
	assertProblem(await post({ contact_id: dct.id, represented: false, primary_contact: true }), 422, 'unprocessable', 'primary_contact');
	const d = await addParty(k, { contact_id: dct.id, kind: 'defendant', primary_party: false, represented: true });
	assertProblem(await fx.req('PATCH', partiesUrl(k, d.id), { as: fx.staff, body: { represented: false }, ifMatch: d.version }), 422, 'unprocessable', 'represented');
	assertProblem(await fx.req('PATCH', partiesUrl(k, d.id), { as: fx.staff, body: { primary_contact: true }, ifMatch: d.version }), 422, 'unprocessable', 'primary_contact');
	assertProblem(await fx.req('PATCH', partiesUrl(k, other.id), { as: fx.staff, body: { primary_party: true }, ifMatch: other.version }), 422, 'unprocessable', 'primary_party');
	assert.deepEqual(await labels(k), { [other.contact.name]: '', [first.contact.name]: 'Plaintiff/Contact', [d.contact.name]: '' }, 'refused changes change nothing');

	// a primary plaintiff made an other plaintiff loses its marks
	const seq = await fx.lastSeq(k.id);
	const f2 = await fx.patch(partiesUrl(k, first.id), { represented: false }, first.version, fx.staff);
	assert.equal(f2.represented, false);
	assert.equal(f2.primary_label, '');
	const ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((e) => e.type), ['party.changed']);
	assert.match(ev[0].description, /^Other plaintiff: Fred First \S+ changed: primary plaintiff: yes → no; primary contact: yes → no; represented by the firm: yes → no$/);
	assertProblem(await fx.req('PATCH', partiesUrl(k, first.id), { as: fx.staff, body: { represented: false, primary_party: true }, ifMatch: f2.version }), 422, 'unprocessable', 'primary_party');
});

test('party input rules: 422 naming the field, 400 for a wrong type, 409 for the same contact twice on a side', async () => {
	const k = await fx.createCase();
	const ct = await person('Rule', 'Checker');
	const post = (body) => fx.req('POST', partiesUrl(k), { as: fx.staff, body });
	assertProblem(await post({ kind: 'plaintiff' }), 422, 'unprocessable', 'contact_id');
	assertProblem(await post({ contact_id: NO }), 422, 'unprocessable', 'contact_id');
	assertProblem(await post({ contact_id: ct.id, kind: 'witness' }), 422, 'unprocessable', 'kind');
	assertProblem(await post({ contact_id: ct.id, group_no: 0 }), 422, 'unprocessable', 'group_no');
	assertProblem(await post({ contact_id: ct.id, law_firm_id: NO }), 422, 'unprocessable', 'law_firm_id');
	assertProblem(await post({ contact_id: ct.id, attorney_id: NO }), 422, 'unprocessable', 'attorney_id');
	assertProblem(await post({ contact_id: ct.id, role: 'x'.repeat(101) }), 422, 'unprocessable', 'role');
	assertProblem(await post({ contact_id: ct.id, injury_summary: 'x'.repeat(2001) }), 422, 'unprocessable', 'injury_summary');
	assertProblem(await post({ contact_id: ct.id, represented: 'no' }), 400, 'invalid', 'represented');
	assertProblem(await post({ contact_id: ct.id, group_no: '2' }), 400, 'invalid', 'group_no');
	assertProblem(await post({ contact_id: ct.id, nickname: 'x' }), 400, 'invalid', 'nickname');
	assert.deepEqual(await list(k), [], 'nothing was added');

	const p = await addParty(k, { contact_id: ct.id });
	assertProblem(await post({ contact_id: ct.id, kind: 'plaintiff' }), 409, 'conflict', 'contact_id');
	const d = await addParty(k, { contact_id: ct.id, kind: 'defendant' });
	assert.equal(d.kind, 'defendant', 'the same contact may be on the other side');
	const patch = (body) => fx.req('PATCH', partiesUrl(k, p.id), { as: fx.staff, body, ifMatch: p.version });
	assertProblem(await patch({ contact_id: (await person('Some', 'Else')).id }), 422, 'unprocessable', 'contact_id');
	assertProblem(await patch({ kind: 'defendant' }), 422, 'unprocessable', 'kind');
	assertProblem(await patch({ group_no: -1 }), 422, 'unprocessable', 'group_no');
	assertProblem(await patch({ attorney_id: NO }), 422, 'unprocessable', 'attorney_id');
	assert.deepEqual(await fx.get(partiesUrl(k, p.id)), p, 'unchanged');
});

test('PATCH: If-Match (428, 409), only the members given, a change that changes nothing writes nothing; DELETE', async () => {
	const k = await fx.createCase();
	const firm = await org('Defence LLP');
	const p = await addParty(k, { contact_id: (await person('Pat', 'Patch')).id, role: 'Passenger' });
	const url = partiesUrl(k, p.id);
	assertProblem(await fx.req('PATCH', url, { as: fx.staff, body: { role: 'Driver' } }), 428, 'precondition_required');
	const seq = await fx.lastSeq(k.id);
	const res = await fx.req('PATCH', url, { as: fx.staff, body: { role: 'Driver', group_no: 3, law_firm_id: firm.id, injury_summary: 'Broken arm' }, ifMatch: p.version });
	const p2 = assertJson(res);
	assert.equal(res.headers.etag, `"${p2.version}"`);
	assert.equal(p2.version, p.version + 1);
	assert.deepEqual({ ...p2, version: p.version }, { ...p, role: 'Driver', group_no: 3, law_firm: { id: firm.id, name: firm.display_name }, injury_summary: 'Broken arm' }, 'the rest is kept');
	const ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((e) => e.type), ['party.changed']);
	assert.equal(ev[0].description, `Plaintiff: ${p.contact.name} changed: group: 1 → 3; role: Passenger → Driver; law firm: (none) → ${firm.display_name}; injury summary: (none) → Broken arm`);
	assertProblem(await fx.req('PATCH', url, { as: fx.staff, body: { role: 'Stale' }, ifMatch: p.version }), 409, 'conflict', 'header.If-Match');
	const same = await fx.patch(url, { role: 'Driver', group_no: 3 }, p2.version, fx.staff);
	assert.equal(same.version, p2.version, 'nothing changed: same version');
	assert.equal(await fx.lastSeq(k.id), seq + 1, 'nothing changed: no event');
	const cleared = await fx.patch(url, { law_firm_id: null, role: '' }, p2.version, fx.staff);
	assert.equal(cleared.law_firm, null);
	assert.equal(cleared.role, '');

	const seq2 = await fx.lastSeq(k.id);
	await fx.del(url, fx.staff);
	assertProblem(await fx.req('GET', url), 404, 'not_found');
	assertProblem(await fx.req('DELETE', url, { as: fx.staff }), 404, 'not_found');
	const gone = await fx.eventsSince(k.id, seq2);
	assert.deepEqual(gone.map((e) => [e.type, e.description]), [['party.removed', `Plaintiff: ${p.contact.name} removed`]]);
});

test('404 for another case\'s row and for a case out of scope; 403 without case_edit', async () => {
	const A = await fx.createCase();
	const B = await fx.createCase();
	const pb = await addParty(B, { contact_id: (await person('Bea', 'OtherCase')).id });
	const ins = await fx.post(rowsUrl(B, 'insurance'), { party_id: pb.id, claim_number: 'B-1' }, fx.staff);
	const lien = await fx.post(rowsUrl(B, 'liens'), { party_id: pb.id, amount_cents: 100 }, fx.staff);
	const bk = await fx.post(rowsUrl(B, 'bankruptcies'), { party_id: pb.id }, fx.staff);
	for (const url of [partiesUrl(A, pb.id), rowsUrl(A, 'insurance', ins.id), rowsUrl(A, 'liens', lien.id), rowsUrl(A, 'bankruptcies', bk.id)]) {
		assertProblem(await fx.req('GET', url), 404, 'not_found');
		assertProblem(await fx.req('PATCH', url, { as: fx.staff, body: {}, ifMatch: 1 }), 404, 'not_found');
		assertProblem(await fx.req('DELETE', url, { as: fx.staff }), 404, 'not_found');
	}
	// a row names a party of its own case only
	assertProblem(await fx.req('POST', rowsUrl(A, 'insurance'), { as: fx.staff, body: { party_id: pb.id } }), 422, 'unprocessable', 'party_id');
	assertProblem(await fx.req('POST', rowsUrl(A, 'liens'), { as: fx.staff, body: { party_id: pb.id } }), 422, 'unprocessable', 'party_id');
	assertProblem(await fx.req('POST', rowsUrl(A, 'bankruptcies'), { as: fx.staff, body: { party_id: pb.id } }), 422, 'unprocessable', 'party_id');
	assertProblem(await fx.req('GET', partiesUrl({ id: NO })), 404, 'not_found');

	// an advisor and a client see only their own cases: anything under another is 404
	const adv = await fx.newUser('advisor', 'Ada Advisor');
	const mine = await person('Cleo', 'Client');
	const cl = await fx.newUser('client', 'Cleo Client', { contact_id: mine.id });
	await fx.post(`/api/v1/cases/${A.id}/staff`, { user_id: adv.id, role_id: v.advisorRole.id }, fx.staff);
	const pa = await addParty(A, { contact_id: mine.id });
	for (const who of [adv, cl]) {
		assert.deepEqual((await list(A, who)).map((p) => p.id), [pa.id], 'their own case is readable');
		await fx.get(rowsUrl(A, 'insurance'), who);
		for (const url of [partiesUrl(B), partiesUrl(B, pb.id), rowsUrl(B, 'insurance'), rowsUrl(B, 'insurance', ins.id), rowsUrl(B, 'liens'), rowsUrl(B, 'liens', lien.id), rowsUrl(B, 'bankruptcies'), rowsUrl(B, 'bankruptcies', bk.id)]) {
			assertProblem(await fx.req('GET', url, { as: who }), 404, 'not_found');
		}
		assertProblem(await fx.req('POST', partiesUrl(B), { as: who, body: { contact_id: mine.id } }), 404, 'not_found');
		assertProblem(await fx.req('POST', partiesUrl(A), { as: who, body: { contact_id: mine.id, kind: 'defendant' } }), 403, 'forbidden');
		assertProblem(await fx.req('POST', rowsUrl(A, 'liens'), { as: who, body: { party_id: pa.id } }), 403, 'forbidden');
	}
	const ro = await fx.newUser('staff', 'Read Only Parties');
	assertJson(await fx.req('PUT', `/api/v1/users/${ro.id}/rights/case_edit`, { body: { granted: false } }));
	await fx.get(partiesUrl(A), ro);
	assertProblem(await fx.req('PATCH', partiesUrl(A, pa.id), { as: ro, body: { role: 'x' }, ifMatch: pa.version }), 403, 'forbidden');
	assertProblem(await fx.req('DELETE', partiesUrl(A, pa.id), { as: ro }), 403, 'forbidden');
	assertProblem(await fx.req('PATCH', rowsUrl(B, 'insurance', ins.id), { as: ro, body: { claim_number: 'x' }, ifMatch: ins.version }), 403, 'forbidden');
	assert.deepEqual(await fx.get(rowsUrl(B, 'insurance', ins.id)), ins, 'unchanged');
});

test('insurance: the row, cents or null, the party and contacts named, If-Match, events', async () => {
	const k = await fx.createCase();
	const p = await addParty(k, { contact_id: (await person('Ivy', 'Insured')).id });
	const d = await addParty(k, { contact_id: (await person('Doug', 'Defended')).id, kind: 'defendant' });
	const insurer = await org('Acme Insurance');
	const adjuster = await person('Al', 'Adjuster', { employer_id: insurer.id });
	const seq = await fx.lastSeq(k.id);
	const res = await fx.req('POST', rowsUrl(k, 'insurance'), {
		as: fx.staff,
		body: { party_id: p.id, company_id: insurer.id, claim_number: 'CL-1', policy_limits: '100/300', no_fault_cents: 5000000, um_sum_cents: null, adjuster_id: adjuster.id, adjuster_phone: '+1 555 0199', coverage_cents: 10000000 },
	});
	const ins = assertJson(res, 201);
	assert.equal(res.headers.etag, `"${ins.version}"`);
	assert.deepEqual(ins, {
		id: ins.id, party_id: p.id, company: { id: insurer.id, name: insurer.display_name }, claim_number: 'CL-1', policy_limits: '100/300',
		no_fault_cents: 5000000, um_sum_cents: null, adjuster: { id: adjuster.id, name: adjuster.display_name }, adjuster_phone: '+1 555 0199',
		coverage_cents: 10000000, version: ins.version,
	});
	const bare = await fx.post(rowsUrl(k, 'insurance'), { party_id: d.id }, fx.staff);
	assert.deepEqual(bare, { id: bare.id, party_id: d.id, company: null, claim_number: '', policy_limits: '', no_fault_cents: null, um_sum_cents: null, adjuster: null, adjuster_phone: '', coverage_cents: null, version: bare.version }, 'what is not given is empty or null');
	assert.deepEqual((await fx.get(rowsUrl(k, 'insurance'))).items.map((x) => x.id).sort((a, b) => a - b), [ins.id, bare.id].sort((a, b) => a - b));
	assert.deepEqual(await fx.get(rowsUrl(k, 'insurance', ins.id)), ins);

	const post = (body) => fx.req('POST', rowsUrl(k, 'insurance'), { as: fx.staff, body });
	assertProblem(await post({ claim_number: 'x' }), 422, 'unprocessable', 'party_id');
	assertProblem(await post({ party_id: NO }), 422, 'unprocessable', 'party_id');
	assertProblem(await post({ party_id: p.id, company_id: NO }), 422, 'unprocessable', 'company_id');
	assertProblem(await post({ party_id: p.id, adjuster_id: NO }), 422, 'unprocessable', 'adjuster_id');
	assertProblem(await post({ party_id: p.id, claim_number: 'x'.repeat(61) }), 422, 'unprocessable', 'claim_number');
	const neg = await post({ party_id: p.id, coverage_cents: -1 });
	assert.ok([400, 422].includes(neg.status), `coverage_cents -1: ${neg.status}`);
	assertProblem(neg, neg.status, undefined, 'coverage_cents');

	const url = rowsUrl(k, 'insurance', ins.id);
	assertProblem(await fx.req('PATCH', url, { as: fx.staff, body: { claim_number: 'CL-2' } }), 428, 'precondition_required');
	assertProblem(await fx.req('PATCH', url, { as: fx.staff, body: { party_id: d.id }, ifMatch: ins.version }), 422, 'unprocessable', 'party_id');
	const ins2 = await fx.patch(url, { claim_number: 'CL-2', coverage_cents: null, company_id: null }, ins.version, fx.staff);
	assert.deepEqual(ins2, { ...ins, claim_number: 'CL-2', coverage_cents: null, company: null, version: ins.version + 1 });
	assertProblem(await fx.req('PATCH', url, { as: fx.staff, body: { claim_number: 'CL-3' }, ifMatch: ins.version }), 409, 'conflict', 'header.If-Match');
	const same = await fx.patch(url, { claim_number: 'CL-2' }, ins2.version, fx.staff);
	assert.equal(same.version, ins2.version, 'nothing changed: same version');
	await fx.del(url, fx.staff);
	assertProblem(await fx.req('GET', url), 404, 'not_found');

	const ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((e) => e.type), ['insurance.added', 'insurance.added', 'insurance.changed', 'insurance.removed']);
	assert.equal(ev[0].description, `Insurance ${insurer.display_name} (Plaintiff: ${p.contact.name}) added`);
	assert.equal(ev[1].description, `Insurance (Defendant: ${d.contact.name}) added`);
	assert.equal(ev[2].description, `Insurance (Plaintiff: ${p.contact.name}) changed: company: ${insurer.display_name} → (none); claim number: CL-1 → CL-2; coverage: $100,000.00 → (none)`);
	assert.equal(ev[3].description, `Insurance (Plaintiff: ${p.contact.name}) removed`);
});

test('liens: on plaintiffs only, amount 0 by default and never null, negotiated and final null until known, events', async () => {
	const k = await fx.createCase();
	const p = await addParty(k, { contact_id: (await person('Lena', 'Lien')).id });
	const d = await addParty(k, { contact_id: (await person('Dirk', 'Def')).id, kind: 'defendant' });
	const holder = await org('Medicare');
	const seq = await fx.lastSeq(k.id);
	const l = await fx.post(rowsUrl(k, 'liens'), { party_id: p.id, holder_id: holder.id, description: 'Hospital stay', amount_cents: 123456 }, fx.staff);
	assert.deepEqual(l, { id: l.id, party_id: p.id, holder: { id: holder.id, name: holder.display_name }, description: 'Hospital stay', amount_cents: 123456, negotiated_cents: null, final_cents: null, version: l.version });
	const zero = await fx.post(rowsUrl(k, 'liens'), { party_id: p.id }, fx.staff);
	assert.equal(zero.amount_cents, 0, 'amount 0 by default');
	assert.equal(zero.holder, null);
	const post = (body) => fx.req('POST', rowsUrl(k, 'liens'), { as: fx.staff, body });
	assertProblem(await post({ party_id: d.id }), 422, 'unprocessable', 'party_id');
	assertProblem(await post({ party_id: p.id, holder_id: NO }), 422, 'unprocessable', 'holder_id');
	const nul = await post({ party_id: p.id, amount_cents: null });
	assert.ok([400, 422].includes(nul.status), `amount_cents null: ${nul.status}`);
	assertProblem(nul, nul.status, undefined, 'amount_cents');
	const l2 = await fx.patch(rowsUrl(k, 'liens', l.id), { negotiated_cents: 100000, final_cents: 90000 }, l.version, fx.staff);
	assert.deepEqual([l2.amount_cents, l2.negotiated_cents, l2.final_cents], [123456, 100000, 90000]);
	assertProblem(await fx.req('PATCH', rowsUrl(k, 'liens', l.id), { as: fx.staff, body: { final_cents: 1 }, ifMatch: l.version }), 409, 'conflict', 'header.If-Match');
	assert.deepEqual((await fx.get(rowsUrl(k, 'liens'))).items, [l2, zero]);
	await fx.del(rowsUrl(k, 'liens', zero.id), fx.staff);
	const ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((e) => e.type), ['lien.added', 'lien.added', 'lien.changed', 'lien.removed']);
	assert.equal(ev[0].description, `Lien ${holder.display_name} (Plaintiff: ${p.contact.name}) added`);
	assert.equal(ev[2].description, `Lien ${holder.display_name} (Plaintiff: ${p.contact.name}) changed: negotiated amount: (none) → $1,000.00; final amount: (none) → $900.00`);
});

test('bankruptcies: side P or D, the party, court, trustee and attorney, the date retained, events', async () => {
	const k = await fx.createCase();
	const p = await addParty(k, { contact_id: (await person('Bo', 'Broke')).id });
	const d = await addParty(k, { contact_id: (await person('Dee', 'Debtor')).id, kind: 'defendant' });
	const court = await org('Bankruptcy Court SDNY');
	const trustee = await person('Tom', 'Trustee');
	const tatt = await person('Tia', 'TrusteeAttorney');
	const seq = await fx.lastSeq(k.id);
	const b = await fx.post(rowsUrl(k, 'bankruptcies'), { party_id: d.id, court_id: court.id, judge: 'Hon. J. Judge', docket_number: '21-12345', trustee_id: trustee.id, trustee_attorney_id: tatt.id, retained_date: '2026-01-15' }, fx.staff);
	assert.deepEqual(b, {
		id: b.id, party_id: d.id, side: 'D', party: { id: d.id, name: d.contact.name }, court: { id: court.id, name: court.display_name },
		judge: 'Hon. J. Judge', docket_number: '21-12345', trustee: { id: trustee.id, name: trustee.display_name },
		trustee_attorney: { id: tatt.id, name: tatt.display_name }, retained_date: '2026-01-15', version: b.version,
	});
	const bp = await fx.post(rowsUrl(k, 'bankruptcies'), { party_id: p.id }, fx.staff);
	assert.equal(bp.side, 'P');
	assert.deepEqual([bp.court, bp.trustee, bp.trustee_attorney, bp.retained_date, bp.judge], [null, null, null, null, '']);
	const post = (body) => fx.req('POST', rowsUrl(k, 'bankruptcies'), { as: fx.staff, body });
	assertProblem(await post({ party_id: p.id, court_id: NO }), 422, 'unprocessable', 'court_id');
	assertProblem(await post({ party_id: p.id, trustee_id: NO }), 422, 'unprocessable', 'trustee_id');
	assertProblem(await post({ party_id: p.id, trustee_attorney_id: NO }), 422, 'unprocessable', 'trustee_attorney_id');
	const bad = await post({ party_id: p.id, retained_date: '2026-02-30' });
	assert.ok([400, 422].includes(bad.status), `retained_date 2026-02-30: ${bad.status}`);
	assertProblem(bad, bad.status, undefined, 'retained_date');
	const b2 = await fx.patch(rowsUrl(k, 'bankruptcies', b.id), { retained_date: null, judge: 'Hon. K. Other' }, b.version, fx.staff);
	assert.equal(b2.retained_date, null);
	assert.equal(b2.judge, 'Hon. K. Other');
	assert.deepEqual((await fx.get(rowsUrl(k, 'bankruptcies'))).items.map((x) => x.id), [b.id, bp.id]);
	await fx.del(rowsUrl(k, 'bankruptcies', bp.id), fx.staff);
	const ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((e) => e.type), ['bankruptcy.added', 'bankruptcy.added', 'bankruptcy.changed', 'bankruptcy.removed']);
	assert.equal(ev[0].description, `Bankruptcy 21-12345 (Defendant: ${d.contact.name}) added`);
	assert.equal(ev[2].description, `Bankruptcy 21-12345 (Defendant: ${d.contact.name}) changed: judge: Hon. J. Judge → Hon. K. Other; date retained: 2026-01-15 → (none)`);
});

test('removing a party removes its insurance, liens and bankruptcies, and nothing of the others', async () => {
	const k = await fx.createCase();
	const p = await addParty(k, { contact_id: (await person('Gone', 'Soon')).id });
	const q = await addParty(k, { contact_id: (await person('Stays', 'Here')).id });
	const rows = {};
	for (const [who, party] of [['p', p], ['q', q]]) {
		rows[who] = {
			insurance: await fx.post(rowsUrl(k, 'insurance'), { party_id: party.id, claim_number: who }, fx.staff),
			liens: await fx.post(rowsUrl(k, 'liens'), { party_id: party.id, amount_cents: 500 }, fx.staff),
			bankruptcies: await fx.post(rowsUrl(k, 'bankruptcies'), { party_id: party.id, docket_number: who }, fx.staff),
		};
	}
	const seq = await fx.lastSeq(k.id);
	await fx.del(partiesUrl(k, p.id), fx.staff);
	for (const what of ['insurance', 'liens', 'bankruptcies']) {
		assertProblem(await fx.req('GET', rowsUrl(k, what, rows.p[what].id)), 404, 'not_found');
		assert.deepEqual((await fx.get(rowsUrl(k, what))).items, [rows.q[what]], `${what}: only the other party's row is left`);
	}
	assert.deepEqual((await fx.eventsSince(k.id, seq)).map((e) => e.type), ['party.removed']);
	assert.deepEqual((await list(k)).map((x) => x.id), [q.id]);
	assert.equal((await fx.get(`/api/v1/contacts/${p.contact.id}`, fx.staff)).id, p.contact.id, 'the contact itself stays');
});
