// staff-notes.test.mjs - case staff and notes (docs/api.md "Staff", "Notes"): users and
// contacts as staff, exactly one of them, a change of person or role ending the row and starting
// a new one, comments edited in place, removal kept in the history; notes newest first, the last
// five, text search, and edit or delete only by the creator or an admin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startCaseServer, todayWindow, addDays, assertJson, assertProblem, uniq, TS_RE,
} from './casefix.mjs';

let fx;
let v;
before(async () => {
	fx = await startCaseServer();
	v = fx.v;
});
after(async () => { await fx?.stop(); });

const STAFF_KEYS = ['id', 'user', 'contact', 'name', 'role', 'comments', 'from_date', 'to_date', 'current', 'version'];
const NOTE_KEYS = ['id', 'type', 'body', 'at', 'creator', 'version', 'created_at', 'updated_at'];
const staffUrl = (k, row = '') => `/api/v1/cases/${k.id}/staff${row === '' ? '' : `/${row}`}`;
const notesUrl = (k, note = '') => `/api/v1/cases/${k.id}/notes${note === '' ? '' : `/${note}`}`;
const roleRef = (r) => ({ id: r.id, name: r.name, category: r.category });

test('add a user and a contact as staff; current list and history', async () => {
	const w = todayWindow();
	const k = await fx.createCase();
	const seq = await fx.lastSeq(k.id);
	const a = await fx.post(staffUrl(k), { user_id: fx.staff2.id, role_id: v.attorney.id, comments: 'lead on liability' }, fx.staff);
	for (const key of STAFF_KEYS) assert.ok(key in a, `staff row has ${key}`);
	assert.deepEqual(a.user, { id: fx.staff2.id, name: 'Tess Other' });
	assert.equal(a.contact, null);
	assert.equal(a.name, 'Tess Other');
	assert.deepEqual(a.role, roleRef(v.attorney));
	assert.equal(a.comments, 'lead on liability');
	w.check(a.from_date, 'from_date defaults to today');
	assert.equal(a.to_date, null);
	assert.equal(a.current, true);
	assert.equal(a.version, 1);

	const ct = await fx.newContact({ first_name: 'Rhea', last_name: 'Referrer' });
	const b = await fx.post(staffUrl(k), { contact_id: ct.id, role_id: v.referral.id, date: '2025-06-01' }, fx.staff);
	assert.equal(b.user, null);
	assert.deepEqual(b.contact, { id: ct.id, name: 'Rhea Referrer' });
	assert.equal(b.name, 'Rhea Referrer');
	assert.equal(b.from_date, '2025-06-01', 'a given date');
	assert.equal(b.comments, '');

	const cur = (await fx.get(staffUrl(k), fx.staff2)).items;
	assert.deepEqual(cur.map((r) => r.id).sort(), [a.id, b.id].sort());
	assert.deepEqual(cur.find((r) => r.id === a.id), a);
	const hist = (await fx.get(`${staffUrl(k)}/history`)).items;
	assert.deepEqual(hist.map((r) => r.id).sort(), [a.id, b.id].sort());
	const ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((e) => e.type), ['staff.added', 'staff.added']);
	assert.equal(ev[0].description, 'Lead Attorney: Tess Other added');
	assert.equal(ev[1].description, 'Referral Source: Rhea Referrer added');
});

test('staff input rules: exactly one of user_id / contact_id (422 on user_id), known ids', async () => {
	const k = await fx.createCase();
	const ct = await fx.newContact();
	const post = (body) => fx.req('POST', staffUrl(k), { as: fx.staff, body });
	assertProblem(await post({ user_id: fx.staff2.id, contact_id: ct.id, role_id: v.paralegal.id }), 422, 'unprocessable', 'user_id');
	assertProblem(await post({ role_id: v.paralegal.id }), 422, 'unprocessable', 'user_id');
	assertProblem(await post({ user_id: 987654321, role_id: v.paralegal.id }), 422, 'unprocessable', 'user_id');
	assertProblem(await post({ contact_id: 987654321, role_id: v.paralegal.id }), 422, 'unprocessable', 'contact_id');
	assertProblem(await post({ user_id: fx.staff2.id, role_id: 987654321 }), 422, 'unprocessable', 'role_id');
	const r = await post({ user_id: fx.staff2.id });
	assert.ok([400, 422].includes(r.status), `no role: ${r.status}`);
	assertProblem(r, r.status, undefined, 'role_id');
	assertProblem(await post({ user_id: fx.staff2.id, role_id: v.paralegal.id, comments: 'x'.repeat(1001) }), 422, 'unprocessable', 'comments');
	assert.deepEqual((await fx.get(`${staffUrl(k)}/history`)).items, [], 'nothing added');
});

test('changing the role or the person ends the row and starts a new one; the history shows both with dates', async () => {
	const w = todayWindow();
	const k = await fx.createCase();
	const a = await fx.post(staffUrl(k), { user_id: fx.staff2.id, role_id: v.paralegal.id, comments: 'first', date: addDays(w.before, -20) }, fx.staff);
	assertProblem(await fx.req('PATCH', staffUrl(k, a.id), { as: fx.staff, body: { role_id: v.attorney.id } }), 428, 'precondition_required');
	const seq = await fx.lastSeq(k.id);
	const b = await fx.patch(staffUrl(k, a.id), { role_id: v.attorney.id }, a.version, fx.staff);
	assert.notEqual(b.id, a.id, 'a new row');
	assert.deepEqual(b.role, roleRef(v.attorney));
	assert.deepEqual(b.user, { id: fx.staff2.id, name: 'Tess Other' });
	w.check(b.from_date, 'the new row starts today');
	assert.equal(b.comments, 'first', 'the comments carry over unless given');
	assert.equal(b.to_date, null);
	assert.equal(b.current, true);
	assert.deepEqual((await fx.eventsSince(k.id, seq)).map((e) => e.type), ['staff.changed']);
	assertProblem(await fx.req('PATCH', staffUrl(k, a.id), { as: fx.staff, body: { role_id: v.manager.id }, ifMatch: a.version }), 409, 'conflict');

	const ct = await fx.newContact({ first_name: 'Cass', last_name: 'Manager' });
	assertProblem(await fx.req('PATCH', staffUrl(k, b.id), { as: fx.staff, body: { date: '2020-01-01' }, ifMatch: b.version }), 422, 'unprocessable', 'date');
	const c = await fx.patch(staffUrl(k, b.id), { contact_id: ct.id, comments: 'now a contact' }, b.version, fx.staff);
	assert.equal(c.comments, 'now a contact');
	assert.notEqual(c.id, b.id);
	assert.equal(c.user, null);
	assert.deepEqual(c.contact, { id: ct.id, name: 'Cass Manager' });
	assert.deepEqual(c.role, roleRef(v.attorney));

	const cur = (await fx.get(staffUrl(k))).items;
	assert.deepEqual(cur.map((r) => r.id), [c.id]);
	const hist = (await fx.get(`${staffUrl(k)}/history`)).items;
	assert.equal(hist.length, 3);
	assert.equal(hist[hist.length - 1].id, a.id, 'newest first: the oldest row last');
	const byId = Object.fromEntries(hist.map((r) => [r.id, r]));
	assert.equal(byId[a.id].from_date, addDays(w.before, -20));
	w.check(byId[a.id].to_date, 'the old row ended today');
	assert.equal(byId[a.id].current, false);
	assert.deepEqual(byId[a.id].role, roleRef(v.paralegal));
	assert.equal(byId[a.id].comments, 'first');
	assert.equal(byId[b.id].to_date, byId[c.id].from_date);
	assert.equal(byId[b.id].current, false);
	assert.equal(byId[c.id].to_date, null);
	// an ended row cannot be changed
	assertProblem(await fx.req('PATCH', staffUrl(k, b.id), { as: fx.staff, body: { comments: 'late' }, ifMatch: b.version }), 409, 'conflict');
});

test('changing only the comments edits the row in place', async () => {
	const k = await fx.createCase();
	const a = await fx.post(staffUrl(k), { user_id: fx.staff2.id, role_id: v.manager.id, comments: 'old' }, fx.staff);
	const seq = await fx.lastSeq(k.id);
	const res = await fx.req('PATCH', staffUrl(k, a.id), { as: fx.staff, body: { comments: 'new words' }, ifMatch: `"${a.version}"` });
	const b = assertJson(res);
	assert.equal(b.id, a.id);
	assert.equal(b.version, a.version + 1);
	assert.equal(res.headers.etag, `"${b.version}"`);
	assert.equal(b.comments, 'new words');
	assert.equal(b.from_date, a.from_date);
	assert.equal(b.current, true);
	assert.equal((await fx.get(`${staffUrl(k)}/history`)).items.length, 1, 'no new row');
	assert.deepEqual((await fx.eventsSince(k.id, seq)).map((e) => e.type), ['staff.changed']);
	assertProblem(await fx.req('PATCH', staffUrl(k, a.id), { as: fx.staff, body: { comments: 'stale' }, ifMatch: a.version }), 409, 'conflict');
});

test('removing staff ends the assignment; the history keeps it', async () => {
	const w = todayWindow();
	const k = await fx.createCase();
	const a = await fx.post(staffUrl(k), { user_id: fx.staff2.id, role_id: v.paralegal.id }, fx.staff);
	const seq = await fx.lastSeq(k.id);
	await fx.del(staffUrl(k, a.id), fx.staff);
	assert.deepEqual((await fx.get(staffUrl(k))).items, []);
	const [h] = (await fx.get(`${staffUrl(k)}/history`)).items;
	assert.equal(h.id, a.id);
	assert.equal(h.current, false);
	w.check(h.to_date, 'to_date');
	assert.deepEqual((await fx.eventsSince(k.id, seq)).map((e) => e.type), ['staff.removed']);
	assertProblem(await fx.req('DELETE', staffUrl(k, a.id), { as: fx.staff }), 409, 'conflict');
	assertProblem(await fx.req('DELETE', staffUrl(k, 987654321), { as: fx.staff }), 404, 'not_found');
	assert.ok(!(await fx.all(`/api/v1/cases?staff_id=${fx.staff2.id}`)).some((x) => x.id === k.id), 'no longer found by staff_id');
});

test('notes: add (defaults), list newest first, the last five, paging', async () => {
	const k = await fx.createCase();
	const t0 = Date.now();
	const n = await fx.post(notesUrl(k), { note_type_id: v.general.id, body: 'Called the client.' }, fx.staff);
	const t1 = Date.now();
	for (const key of NOTE_KEYS) assert.ok(key in n, `note has ${key}`);
	assert.deepEqual(n.type, { id: v.general.id, name: 'General' });
	assert.equal(n.body, 'Called the client.');
	assert.deepEqual(n.creator, { id: fx.staff.id, name: 'Sam Staff' });
	assert.equal(n.version, 1);
	assert.match(n.at, TS_RE);
	assert.match(n.created_at, TS_RE);
	const at = Date.parse(n.at);
	assert.ok(at >= Math.floor(t0 / 1000) * 1000 && at <= t1 + 1000, `at defaults to now: ${n.at}`);

	const times = ['2025-03-01T09:00:00Z', '2025-01-15T12:30:00Z', '2025-02-10T08:00:00Z', '2024-12-31T23:59:59Z',
		'2025-03-01T08:00:00Z', '2025-02-28T17:45:00Z'];
	const made = [];
	for (const [i, when] of times.entries()) {
		made.push(await fx.post(notesUrl(k), { note_type_id: i % 2 ? v.clientUpdate.id : v.general.id, body: `Note ${i}`, at: when }, fx.staff2));
	}
	assert.equal(Date.parse(made[0].at), Date.parse(times[0]), 'at as given');
	const all = await fx.all(notesUrl(k));
	assert.equal(all.length, 7);
	const ats = all.map((x) => Date.parse(x.at));
	assert.deepEqual(ats, [...ats].sort((a, b) => b - a), 'newest at first');
	assert.equal(all[0].id, n.id, 'the note made now is the newest');
	const five = await fx.get(`${notesUrl(k)}?limit=5`, fx.staff2);
	assert.deepEqual(five.items.map((x) => x.id), all.slice(0, 5).map((x) => x.id), 'the last five');
	assert.equal(typeof five.next_cursor, 'string');
	const rest = await fx.get(`${notesUrl(k)}?limit=5&cursor=${encodeURIComponent(five.next_cursor)}`);
	assert.deepEqual(rest.items.map((x) => x.id), all.slice(5).map((x) => x.id), 'the rest, no gaps, no duplicates');
	assert.equal(rest.next_cursor, null);
	const paged = await fx.all(notesUrl(k), fx.staff, 2);
	assert.deepEqual(paged.map((x) => x.id), all.map((x) => x.id));
	const events = (await fx.timeline(k.id)).filter((e) => e.type === 'note.added');
	assert.equal(events.length, 7, 'one note.added event per note');
	assert.equal(events[events.length - 1].description, 'General: Called the client.');
	const long = await fx.post(notesUrl(k), { note_type_id: v.general.id, body: `${'y'.repeat(80)}zzz` }, fx.staff);
	const [last] = (await fx.timeline(k.id));
	assert.equal(last.type, 'note.added');
	// the first 80 characters of the body (a mark that it was cut is fine)
	assert.match(last.description, new RegExp(`^General: ${'y'.repeat(80)}(\\.\\.\\.|…)?$`), 'the first 80 characters of the body');
	assert.equal(long.body.length, 83);
});

test('notes: input rules', async () => {
	const k = await fx.createCase();
	const post = (body) => fx.req('POST', notesUrl(k), { as: fx.staff, body });
	assertProblem(await post({ note_type_id: v.general.id, body: '' }), 422, 'unprocessable', 'body');
	assertProblem(await post({ note_type_id: v.general.id, body: ' \n\t ' }), 422, 'unprocessable', 'body');
	assertProblem(await post({ note_type_id: v.general.id, body: 'x'.repeat(8001) }), 422, 'unprocessable', 'body');
	assertProblem(await post({ note_type_id: 987654321, body: 'x' }), 422, 'unprocessable', 'note_type_id');
	for (const at of ['last tuesday', '2026-02-30T10:00:00Z', '2026-03-01', '2026-03-01T25:00:00Z']) {
		assertProblem(await post({ note_type_id: v.general.id, body: 'x', at }), 422, 'unprocessable', 'at');
	}
	const full = await fx.post(notesUrl(k), { note_type_id: v.general.id, body: 'é'.repeat(4000) }, fx.staff);
	assert.equal(full.body.length, 4000, '8000 bytes is allowed');
	assert.equal((await fx.all(notesUrl(k))).length, 1);
});

test('notes: at with an offset or none (the firm\'s local time) is answered in UTC', async () => {
	const k = await fx.createCase();
	const post = (at) => fx.post(notesUrl(k), { note_type_id: v.general.id, body: `at ${at}`, at }, fx.staff);
	assert.equal((await post('2026-03-01T14:30:00Z')).at, '2026-03-01T14:30:00Z');
	assert.equal((await post('2026-03-01T09:30:00-05:00')).at, '2026-03-01T14:30:00Z');
	assert.equal((await post('2026-03-01T09:30:15.250+01:00')).at, '2026-03-01T08:30:15Z');
	// Pacific/Kiritimati is UTC+14
	assert.equal((await post('2026-03-01T09:30')).at, '2026-02-28T19:30:00Z');
	assert.equal((await post('2026-03-01T09:30:00')).at, '2026-02-28T19:30:00Z');
});

test('notes: text search over the bodies, words as prefixes', async () => {
	const k = await fx.createCase();
	const other = await fx.createCase();
	const w = `zq${uniq('')}`;
	const a = await fx.post(notesUrl(k), { note_type_id: v.general.id, body: `The adjuster called about the ${w}whiplash claim.` }, fx.staff);
	const b = await fx.post(notesUrl(k), { note_type_id: v.general.id, body: 'Client sent the medical records.' }, fx.staff);
	await fx.post(notesUrl(other), { note_type_id: v.general.id, body: `Another case, ${w}whiplash too.` }, fx.staff);
	const find = async (q) => (await fx.all(`${notesUrl(k)}?q=${encodeURIComponent(q)}`)).map((x) => x.id);
	assert.deepEqual(await find(w), [a.id], 'only this case\'s notes');
	assert.deepEqual(await find('adjust call'), [a.id], 'every word as a prefix');
	assert.deepEqual(await find('MEDICAL'), [b.id], 'any case');
	assert.deepEqual(await find('nosuchwordzz'), []);
	await fx.patch(notesUrl(k, b.id), { body: 'Client sent the pharmacy bills.' }, b.version, fx.staff);
	assert.deepEqual(await find('medical'), [], 'the index follows edits');
	assert.deepEqual(await find('pharm'), [b.id]);
	for (const q of ['"', '*', 'a"b(', 'NEAR(']) {
		const r = await fx.req('GET', `${notesUrl(k)}?q=${encodeURIComponent(q)}`);
		assert.ok(r.status === 200 || r.status === 400, `q=${q}: ${r.status}`);
	}
});

test('notes: edit and delete only by the creator or an admin (403 for another staff user)', async () => {
	const k = await fx.createCase();
	const n = await fx.post(notesUrl(k), { note_type_id: v.general.id, body: 'mine' }, fx.staff);
	let seq = await fx.lastSeq(k.id);
	assertProblem(await fx.req('PATCH', notesUrl(k, n.id), { as: fx.staff2, body: { body: 'theirs' }, ifMatch: n.version }), 403, 'forbidden');
	assertProblem(await fx.req('DELETE', notesUrl(k, n.id), { as: fx.staff2 }), 403, 'forbidden');
	assertProblem(await fx.req('PATCH', notesUrl(k, n.id), { as: fx.staff, body: { body: 'x' } }), 428, 'precondition_required');
	assert.equal(await fx.lastSeq(k.id), seq, 'refused changes leave no event');

	const n2 = await fx.patch(notesUrl(k, n.id), { body: 'mine, edited', note_type_id: v.clientUpdate.id, at: '2025-05-05T05:05:05Z' }, n.version, fx.staff);
	assert.equal(n2.body, 'mine, edited');
	assert.deepEqual(n2.type, { id: v.clientUpdate.id, name: 'Client Update' });
	assert.equal(Date.parse(n2.at), Date.parse('2025-05-05T05:05:05Z'));
	assert.equal(n2.version, n.version + 1);
	assert.deepEqual(n2.creator, n.creator, 'the creator stays');
	assertProblem(await fx.req('PATCH', notesUrl(k, n.id), { as: fx.staff, body: { body: 'stale' }, ifMatch: n.version }), 409, 'conflict');
	const n3 = await fx.patch(notesUrl(k, n.id), { body: 'fixed by the admin' }, n2.version);
	assert.equal(n3.body, 'fixed by the admin');
	const changedEv = await fx.eventsSince(k.id, seq);
	assert.deepEqual(changedEv.map((e) => e.type), ['note.changed', 'note.changed']);
	assert.equal(changedEv[0].description, 'Client Update: mine, edited', '"<type>: <the first 80 characters of the body>"');

	seq = await fx.lastSeq(k.id);
	await fx.del(notesUrl(k, n.id));
	assert.deepEqual(await fx.all(notesUrl(k)), []);
	assertProblem(await fx.req('DELETE', notesUrl(k, n.id)), 404, 'not_found');
	const m = await fx.post(notesUrl(k), { note_type_id: v.general.id, body: 'another' }, fx.staff2);
	await fx.del(notesUrl(k, m.id), fx.staff2);
	assert.deepEqual((await fx.eventsSince(k.id, seq)).map((e) => e.type), ['note.deleted', 'note.added', 'note.deleted']);
});
