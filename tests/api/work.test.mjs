// work.test.mjs - the work on a case (docs/api.md "Tasks", "Appointments", "Critical deadlines
// and SOLs", "Courts and dockets"): task order and the open filter, completing and reopening;
// the pending-appointment rule and attendees; deadline kinds, types and party sides, done
// deadlines leaving the outstanding list; court personnel; If-Match; rows of another case and
// cases the caller may not see; and the timeline event every change writes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startCaseServer, todayWindow, addDays, assertJson, assertProblem, uniq, TS_RE,
} from './casefix.mjs';

let fx;
let v;
let advisor;
before(async () => {
	fx = await startCaseServer();
	v = fx.v;
	advisor = await fx.newUser('advisor', 'Ada Advisor');
	v.expert = await fx.setup('deadline-types', { name: 'Expert Disclosure', position: 10 });
	v.noteOfIssue = await fx.setup('deadline-types', { name: 'Note of Issue', position: 20 });
});
after(async () => { await fx?.stop(); });

const url = (k, area, row = '', tail = '') => `/api/v1/cases/${k.id}/${area}${row === '' ? '' : `/${row}`}${tail}`;
const TASK_KEYS = ['id', 'subject', 'description', 'priority', 'due_date', 'assignee', 'completed', 'completed_at',
	'completed_by', 'created_by', 'version', 'created_at', 'updated_at'];
const APPOINTMENT_KEYS = ['id', 'starts_at', 'ends_at', 'subject', 'comments', 'completed', 'pending', 'attendees',
	'created_by', 'version'];
const DEADLINE_KEYS = ['id', 'party', 'kind', 'deadline_type', 'label', 'due_date', 'comments', 'done', 'done_date', 'version'];
const COURT_KEYS = ['id', 'court', 'docket_number', 'filing_date', 'personnel', 'version'];

/** An ISO date-time `hours` from now, whole seconds, UTC. */
const fromNow = (hours) => new Date(Math.floor(Date.now() / 1000) * 1000 + hours * 3600000).toISOString().replace('.000Z', 'Z');

/** The types of the events after seq, oldest first. */
async function eventTypes(k, seq) {
	return (await fx.eventsSince(k.id, seq)).map((e) => e.type);
}

/** Makes an advisor who is not on case k, and checks that k and everything of `area` under it is 404 for them. */
async function assertHiddenFromAdvisor(k, area, row) {
	assertProblem(await fx.req('GET', url(k, area), { as: advisor }), 404, 'not_found');
	assertProblem(await fx.req('GET', url(k, area, row), { as: advisor }), 404, 'not_found');
	assertProblem(await fx.req('POST', url(k, area), { as: advisor, body: {} }), 404, 'not_found');
	assertProblem(await fx.req('DELETE', url(k, area, row), { as: advisor }), 404, 'not_found');
}

/** Checks that row of case k is not found under another case, for reading, changing and deleting. */
async function assertNotUnderOtherCase(k, area, row, version, body) {
	const other = await fx.createCase();
	assertProblem(await fx.req('GET', url(other, area, row.id)), 404, 'not_found');
	assertProblem(await fx.req('PATCH', url(other, area, row.id), { body, ifMatch: version }), 404, 'not_found');
	assertProblem(await fx.req('DELETE', url(other, area, row.id)), 404, 'not_found');
	assert.deepEqual((await fx.get(url(other, area))).items, [], 'the other case has none');
	assert.equal((await fx.get(url(k, area, row.id))).version, version, 'the row is untouched');
}

// ---- tasks -----------------------------------------------------------------------------

test('tasks: add with defaults and in full; the answer, ETag and task.added', async () => {
	const k = await fx.createCase();
	const seq = await fx.lastSeq(k.id);
	const res = await fx.req('POST', url(k, 'tasks'), { as: fx.staff, body: { subject: '  Call the adjuster  ' } });
	const a = assertJson(res, 201);
	for (const key of TASK_KEYS) assert.ok(key in a, `task has ${key}`);
	assert.equal(a.subject, 'Call the adjuster', 'trimmed');
	assert.equal(a.description, '');
	assert.equal(a.priority, 'normal', 'the default priority');
	assert.equal(a.due_date, null);
	assert.equal(a.assignee, null);
	assert.equal(a.completed, false);
	assert.equal(a.completed_at, null);
	assert.equal(a.completed_by, null);
	assert.equal(a.created_by, fx.staff.id);
	assert.equal(a.version, 1);
	assert.match(a.created_at, TS_RE);
	assert.equal(res.headers.etag, '"1"');

	const b = await fx.post(url(k, 'tasks'), {
		subject: 'File the summons', description: 'Court copy too', priority: 'critical',
		due_date: '2026-05-01', assignee_id: fx.staff2.id,
	}, fx.staff);
	assert.equal(b.priority, 'critical');
	assert.equal(b.due_date, '2026-05-01');
	assert.deepEqual(b.assignee, { id: fx.staff2.id, name: 'Tess Other' });
	assert.deepEqual(await fx.get(url(k, 'tasks', b.id), fx.staff2), b);

	const ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((e) => e.type), ['task.added', 'task.added']);
	assert.equal(ev[0].description, 'Task "Call the adjuster" added (priority normal)');
	assert.equal(ev[1].description, 'Task "File the summons" added (priority critical, due 2026-05-01, assigned to Tess Other)');
	assert.deepEqual(ev[1].staff, { id: fx.staff.id, name: 'Sam Staff' });
});

test('tasks: input rules name the field; nothing is written', async () => {
	const k = await fx.createCase();
	const seq = await fx.lastSeq(k.id);
	const post = (body) => fx.req('POST', url(k, 'tasks'), { as: fx.staff, body });
	assertProblem(await post({}), 422, 'unprocessable', 'subject');
	assertProblem(await post({ subject: ' \t ' }), 422, 'unprocessable', 'subject');
	assertProblem(await post({ subject: 'x'.repeat(201) }), 422, 'unprocessable', 'subject');
	assertProblem(await post({ subject: 'x', priority: 'urgent' }), 422, 'unprocessable', 'priority');
	assertProblem(await post({ subject: 'x', assignee_id: 987654321 }), 422, 'unprocessable', 'assignee_id');
	assertProblem(await post({ subject: 'x', due_date: '2026-02-30' }), 400, undefined, 'due_date');
	assertProblem(await post({ subject: 'x', completed: 'yes' }), 400, undefined, 'completed');
	assertProblem(await post({ subject: 'x', colour: 'red' }), 400, undefined, 'colour');
	const gone = await fx.newUser('staff', 'Gone Staff');
	await fx.patch(`/api/v1/users/${gone.id}`, { active: false }, gone.record.version);
	assertProblem(await post({ subject: 'x', assignee_id: gone.id }), 422, 'unprocessable', 'assignee_id');
	const ok = await fx.post(url(k, 'tasks'), { subject: 'x'.repeat(200) }, fx.staff);
	assert.equal(ok.subject.length, 200);
	assert.deepEqual(await eventTypes(k, seq), ['task.added'], 'only the good one');
	assert.equal((await fx.get(url(k, 'tasks'))).items.length, 1);
});

test('tasks: listed dated first by due date, then priority (critical first), then id; ?open=true keeps the incomplete', async () => {
	const k = await fx.createCase();
	const mk = (subject, priority, due_date) => fx.post(url(k, 'tasks'), { subject, priority, due_date }, fx.staff);
	const t1 = await mk('undated low', 'low', null);
	const t2 = await mk('late normal', 'normal', '2026-06-01');
	const t3 = await mk('early low', 'low', '2026-03-01');
	const t4 = await mk('late critical', 'critical', '2026-06-01');
	const t5 = await mk('undated high', 'high', '');
	const t6 = await mk('late high', 'high', '2026-06-01');
	const t7 = await mk('late critical 2', 'critical', '2026-06-01');
	const t8 = await mk('undated high 2', 'high', null);
	const all = (await fx.get(url(k, 'tasks'))).items;
	assert.deepEqual(all.map((t) => t.subject), [
		'early low', 'late critical', 'late critical 2', 'late high', 'late normal',
		'undated high', 'undated high 2', 'undated low',
	]);
	assert.deepEqual(all.map((t) => t.id), [t3, t4, t7, t6, t2, t5, t8, t1].map((t) => t.id));
	const page = await fx.get(url(k, 'tasks'));
	assert.equal(page.next_cursor, null, 'not paged');

	await fx.post(url(k, 'tasks', t4.id, '/complete'), undefined, fx.staff, 200);
	await fx.patch(url(k, 'tasks', t8.id), { completed: true }, t8.version, fx.staff);
	const open = (await fx.get(`${url(k, 'tasks')}?open=true`)).items;
	assert.deepEqual(open.map((t) => t.id), [t3, t7, t6, t2, t5, t1].map((t) => t.id), 'completed ones are left out');
	assert.ok(open.every((t) => t.completed === false));
	assert.deepEqual((await fx.get(`${url(k, 'tasks')}?open=false`)).items.map((t) => t.id), all.map((t) => t.id), 'open=false: all');
	assertProblem(await fx.req('GET', `${url(k, 'tasks')}?open=yes`), 400, 'invalid', 'query.open');
});

test('tasks: complete without If-Match records who and when; again changes nothing; completed=false reopens', async () => {
	const k = await fx.createCase();
	const t = await fx.post(url(k, 'tasks'), { subject: 'Send records', due_date: '2026-04-01' }, fx.staff);
	const seq = await fx.lastSeq(k.id);
	const t0 = Date.now();
	const res = await fx.req('POST', url(k, 'tasks', t.id, '/complete'), { as: fx.staff2 });
	const done = assertJson(res, 200);
	assert.equal(done.completed, true);
	assert.equal(done.completed_by, fx.staff2.id);
	assert.match(done.completed_at, TS_RE);
	const at = Date.parse(done.completed_at);
	assert.ok(at >= Math.floor(t0 / 1000) * 1000 - 1000 && at <= Date.now() + 1000, `completed_at is now: ${done.completed_at}`);
	assert.equal(done.version, t.version + 1);
	assert.equal(res.headers.etag, `"${done.version}"`);
	assert.equal(done.subject, 'Send records', 'the rest stays');

	const again = await fx.post(url(k, 'tasks', t.id, '/complete'), undefined, fx.staff, 200);
	assert.deepEqual(again, done, 'completing a done task changes nothing');

	assertProblem(await fx.req('PATCH', url(k, 'tasks', t.id), { as: fx.staff, body: { completed: false } }), 428, 'precondition_required');
	assertProblem(await fx.req('PATCH', url(k, 'tasks', t.id), { as: fx.staff, body: { completed: false }, ifMatch: t.version }), 409, 'conflict');
	const reopened = await fx.patch(url(k, 'tasks', t.id), { completed: false }, done.version, fx.staff);
	assert.equal(reopened.completed, false);
	assert.equal(reopened.completed_at, null, 'reopening clears completed_at');
	assert.equal(reopened.completed_by, null, 'and completed_by');

	const viaPatch = await fx.patch(url(k, 'tasks', t.id), { completed: true, priority: 'high' }, reopened.version, fx.staff);
	assert.equal(viaPatch.completed, true);
	assert.equal(viaPatch.completed_by, fx.staff.id);
	assert.equal(viaPatch.priority, 'high');

	const ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((e) => e.type), ['task.completed', 'task.reopened', 'task.changed', 'task.completed']);
	assert.equal(ev[0].description, 'Task "Send records" completed');
	assert.deepEqual(ev[0].staff, { id: fx.staff2.id, name: 'Tess Other' });
	assert.equal(ev[1].description, 'Task "Send records" reopened');
	assert.equal(ev[2].description, 'Task "Send records": priority: normal → high');
	const created = await fx.post(url(k, 'tasks'), { subject: 'Born done', completed: true }, fx.staff);
	assert.equal(created.completed, true);
	assert.equal(created.completed_by, fx.staff.id);
	assert.match(created.completed_at, TS_RE);
});

test('tasks: PATCH changes the given members, names them on the timeline; a PATCH that changes nothing writes nothing', async () => {
	const k = await fx.createCase();
	const t = await fx.post(url(k, 'tasks'), { subject: 'Draft letter', description: 'to the insurer', due_date: '2026-03-10' }, fx.staff);
	let seq = await fx.lastSeq(k.id);
	const same = await fx.patch(url(k, 'tasks', t.id), { subject: 'Draft letter', priority: 'normal' }, t.version, fx.staff);
	assert.equal(same.version, t.version, 'the version stays');
	assert.deepEqual(await eventTypes(k, seq), [], 'no event');

	const res = await fx.req('PATCH', url(k, 'tasks', t.id), {
		as: fx.staff, ifMatch: `"${t.version}"`,
		body: { subject: 'Draft demand letter', due_date: null, assignee_id: fx.staff2.id, priority: 'low' },
	});
	const u = assertJson(res);
	assert.equal(u.subject, 'Draft demand letter');
	assert.equal(u.due_date, null, 'null clears the due date');
	assert.equal(u.description, 'to the insurer', 'not given: kept');
	assert.deepEqual(u.assignee, { id: fx.staff2.id, name: 'Tess Other' });
	assert.equal(u.version, t.version + 1);
	assert.equal(res.headers.etag, `"${u.version}"`);
	const [ev] = await fx.eventsSince(k.id, seq);
	assert.equal(ev.type, 'task.changed');
	assert.equal(ev.description, 'Task "Draft letter": subject: Draft letter → Draft demand letter; priority: normal → low; due date: 2026-03-10 → (none); assignee: (none) → Tess Other');

	assertProblem(await fx.req('PATCH', url(k, 'tasks', t.id), { as: fx.staff, body: { subject: '' }, ifMatch: u.version }), 422, 'unprocessable', 'subject');
	assertProblem(await fx.req('PATCH', url(k, 'tasks', t.id), { as: fx.staff, body: { priority: 'asap' }, ifMatch: u.version }), 422, 'unprocessable', 'priority');
	const cleared = await fx.patch(url(k, 'tasks', t.id), { assignee_id: null }, u.version, fx.staff);
	assert.equal(cleared.assignee, null);

	seq = await fx.lastSeq(k.id);
	await fx.del(url(k, 'tasks', t.id), fx.staff);
	assertProblem(await fx.req('GET', url(k, 'tasks', t.id)), 404, 'not_found');
	assertProblem(await fx.req('DELETE', url(k, 'tasks', t.id)), 404, 'not_found');
	assertProblem(await fx.req('POST', url(k, 'tasks', t.id, '/complete')), 404, 'not_found');
	const evs = await fx.eventsSince(k.id, seq);
	assert.deepEqual(evs.map((e) => e.type), ['task.removed']);
	assert.equal(evs[0].description, 'Task "Draft demand letter" removed');
});

test('tasks: another case\'s task is 404; an advisor sees only their own cases and cannot write', async () => {
	const k = await fx.createCase();
	const t = await fx.post(url(k, 'tasks'), { subject: 'Private' }, fx.staff);
	await assertNotUnderOtherCase(k, 'tasks', t, t.version, { subject: 'stolen' });
	assertProblem(await fx.req('POST', url({ id: 987654321 }, 'tasks'), { body: { subject: 'x' } }), 404, 'not_found');
	assertProblem(await fx.req('POST', url(k, 'tasks', t.id, '/complete'), { as: advisor }), 404, 'not_found');
	await assertHiddenFromAdvisor(k, 'tasks', t.id);

	await fx.post(url(k, 'staff'), { user_id: advisor.id, role_id: v.advisorRole.id }, fx.staff);
	assert.deepEqual((await fx.get(url(k, 'tasks'), advisor)).items.map((x) => x.id), [t.id], 'on the case: may read');
	assertProblem(await fx.req('POST', url(k, 'tasks'), { as: advisor, body: { subject: 'x' } }), 403, 'forbidden');
	assertProblem(await fx.req('POST', url(k, 'tasks', t.id, '/complete'), { as: advisor }), 403, 'forbidden');
	assertProblem(await fx.req('DELETE', url(k, 'tasks', t.id), { as: advisor }), 403, 'forbidden');
	assert.equal((await fx.get(url(k, 'tasks', t.id))).completed, false);
});

// ---- appointments ----------------------------------------------------------------------

test('appointments: add; times in ISO 8601 answered in UTC; the end defaults to an hour later; attendees with names', async () => {
	const k = await fx.createCase();
	const ct = await fx.newContact({ first_name: 'Dana', last_name: 'Witness' });
	const seq = await fx.lastSeq(k.id);
	const res = await fx.req('POST', url(k, 'appointments'), {
		as: fx.staff,
		body: { starts_at: '2026-03-01T09:30:00-05:00', subject: ' Deposition ', comments: 'Room 4',
			attendees: [{ user_id: fx.staff2.id }, { contact_id: ct.id }] },
	});
	const a = assertJson(res, 201);
	for (const key of APPOINTMENT_KEYS) assert.ok(key in a, `appointment has ${key}`);
	assert.equal(a.starts_at, '2026-03-01T14:30:00Z');
	assert.equal(a.ends_at, '2026-03-01T15:30:00Z', 'start + 1 hour');
	assert.equal(a.subject, 'Deposition');
	assert.equal(a.comments, 'Room 4');
	assert.equal(a.completed, false);
	assert.equal(a.pending, true);
	assert.deepEqual(a.attendees, [{ user_id: fx.staff2.id, name: 'Tess Other' }, { contact_id: ct.id, name: 'Dana Witness' }]);
	assert.equal(a.created_by, fx.staff.id);
	assert.equal(a.version, 1);
	assert.equal(res.headers.etag, '"1"');
	assert.deepEqual(await fx.get(url(k, 'appointments', a.id), fx.staff2), a);

	const b = await fx.post(url(k, 'appointments'), { starts_at: '2026-03-02T10:00', ends_at: '2026-03-02T12:15', subject: 'Mediation' }, fx.staff);
	// Pacific/Kiritimati is UTC+14
	assert.equal(b.starts_at, '2026-03-01T20:00:00Z', 'no offset: the firm\'s local time');
	assert.equal(b.ends_at, '2026-03-01T22:15:00Z');
	assert.deepEqual(b.attendees, []);
	const c = await fx.post(url(k, 'appointments'), { starts_at: '2026-03-03T08:00:00Z', ends_at: '2026-03-03T08:00:00Z', subject: 'Call' }, fx.staff);
	assert.equal(c.ends_at, c.starts_at, 'an end equal to the start is fine');

	const ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((e) => e.type), ['appointment.added', 'appointment.added', 'appointment.added']);
	assert.equal(ev[0].description, 'Appointment "Deposition" on 2026-03-02 04:30 added (Tess Other, Dana Witness)', 'in the firm\'s time');
	assert.equal(ev[1].description, 'Appointment "Mediation" on 2026-03-02 10:00 added');
});

test('appointments: input rules name the field (attendees[i].member for a bad attendee)', async () => {
	const k = await fx.createCase();
	const ct = await fx.newContact();
	const seq = await fx.lastSeq(k.id);
	const start = '2026-04-01T10:00:00Z';
	const post = (body) => fx.req('POST', url(k, 'appointments'), { as: fx.staff, body });
	assertProblem(await post({ subject: 'x' }), 422, 'unprocessable', 'starts_at');
	assertProblem(await post({ subject: 'x', starts_at: '' }), 422, 'unprocessable', 'starts_at');
	for (const bad of ['tomorrow', '2026-04-01', '2026-02-30T10:00:00Z', '2026-04-01T24:00:00Z']) {
		assertProblem(await post({ subject: 'x', starts_at: bad }), 422, 'unprocessable', 'starts_at');
	}
	assertProblem(await post({ subject: 'x', starts_at: start, ends_at: 'later' }), 422, 'unprocessable', 'ends_at');
	assertProblem(await post({ subject: 'x', starts_at: start, ends_at: '2026-04-01T09:59:59Z' }), 422, 'unprocessable', 'ends_at');
	assertProblem(await post({ starts_at: start }), 422, 'unprocessable', 'subject');
	assertProblem(await post({ starts_at: start, subject: '   ' }), 422, 'unprocessable', 'subject');
	assertProblem(await post({ starts_at: start, subject: 'x', comments: 'c'.repeat(1001) }), 422, 'unprocessable', 'comments');
	assertProblem(await post({ starts_at: 20260401, subject: 'x' }), 400, 'invalid', 'starts_at');

	const withPeople = (attendees) => post({ starts_at: start, subject: 'x', attendees });
	assertProblem(await withPeople('everyone'), 400, 'invalid', 'attendees');
	assertProblem(await withPeople([7]), 400, 'invalid', 'attendees[0]');
	assertProblem(await withPeople([{ user_id: fx.staff.id }, { user_id: 'x' }]), 400, 'invalid', 'attendees[1].user_id');
	assertProblem(await withPeople([{ user_id: fx.staff.id, role: 'host' }]), 400, 'invalid', 'attendees[0].role');
	assertProblem(await withPeople([{ user_id: fx.staff.id }, { user_id: fx.staff2.id, contact_id: ct.id }]), 422, 'unprocessable', 'attendees[1].user_id');
	assertProblem(await withPeople([{}]), 422, 'unprocessable', 'attendees[0].user_id');
	assertProblem(await withPeople([{ contact_id: ct.id }, { user_id: 987654321 }]), 422, 'unprocessable', 'attendees[1].user_id');
	assertProblem(await withPeople([{ contact_id: 987654321 }]), 422, 'unprocessable', 'attendees[0].contact_id');
	assertProblem(await withPeople([{ user_id: fx.staff.id }, { contact_id: ct.id }, { user_id: fx.staff.id }]), 422, 'unprocessable', 'attendees[2].user_id');
	assertProblem(await withPeople([{ contact_id: ct.id }, { contact_id: ct.id }]), 422, 'unprocessable', 'attendees[1].contact_id');
	const many = [];
	for (let i = 0; i < 33; i++) many.push({ contact_id: (await fx.newContact()).id });
	assertProblem(await withPeople(many), 422, 'unprocessable', 'attendees');
	assert.deepEqual(await eventTypes(k, seq), [], 'nothing was added');

	const full = await fx.post(url(k, 'appointments'), { starts_at: start, subject: 'x', attendees: many.slice(0, 32) }, fx.staff);
	assert.equal(full.attendees.length, 32, '32 is allowed');
	const none = await fx.post(url(k, 'appointments'), { starts_at: start, subject: 'y', attendees: null }, fx.staff);
	assert.deepEqual(none.attendees, [], 'null: nobody');
});

test('appointments: pending = not completed, or starting now or later; ?pending=true, by start', async () => {
	const k = await fx.createCase();
	const mk = (hours, completed, subject) => fx.post(url(k, 'appointments'), { starts_at: fromNow(hours), subject, completed }, fx.staff);
	const futureDone = await mk(48, true, 'future, completed');
	const pastDone = await mk(-48, true, 'past, completed');
	const pastOpen = await mk(-24, false, 'past, not completed');
	const futureOpen = await mk(24, false, 'future, not completed');
	const longAgo = await mk(-24 * 400, false, 'long ago, not completed');
	assert.equal(pastDone.pending, false);
	assert.equal(futureDone.pending, true);
	assert.equal(pastOpen.pending, true);
	assert.equal(futureOpen.pending, true);

	const all = (await fx.get(url(k, 'appointments'))).items;
	assert.deepEqual(all.map((x) => x.subject), ['long ago, not completed', 'past, completed', 'past, not completed',
		'future, not completed', 'future, completed'], 'every one, by start');
	assert.deepEqual(Object.fromEntries(all.map((x) => [x.subject, x.pending])), {
		'long ago, not completed': true, 'past, completed': false, 'past, not completed': true,
		'future, not completed': true, 'future, completed': true,
	});
	const pending = (await fx.get(`${url(k, 'appointments')}?pending=true`)).items;
	assert.deepEqual(pending.map((x) => x.id), [longAgo, pastOpen, futureOpen, futureDone].map((x) => x.id),
		'a past completed one is left out; a future completed one and a past incomplete one stay');
	assert.deepEqual((await fx.get(`${url(k, 'appointments')}?pending=false`)).items.map((x) => x.id), all.map((x) => x.id));
	assertProblem(await fx.req('GET', `${url(k, 'appointments')}?pending=1`), 400, 'invalid', 'query.pending');

	// completing the past open one takes it off the pending list
	const done = await fx.patch(url(k, 'appointments', pastOpen.id), { completed: true }, pastOpen.version, fx.staff);
	assert.equal(done.pending, false);
	assert.ok(!(await fx.get(`${url(k, 'appointments')}?pending=true`)).items.some((x) => x.id === pastOpen.id));
});

test('appointments: PATCH replaces the attendees when given, keeps them otherwise; a new start keeps the length', async () => {
	const k = await fx.createCase();
	const c1 = await fx.newContact({ first_name: 'Ana', last_name: 'One' });
	const c2 = await fx.newContact({ first_name: 'Ben', last_name: 'Two' });
	const a = await fx.post(url(k, 'appointments'), {
		starts_at: '2026-05-01T10:00:00Z', ends_at: '2026-05-01T12:00:00Z', subject: 'Site visit',
		attendees: [{ user_id: fx.staff.id }, { contact_id: c1.id }],
	}, fx.staff);
	let seq = await fx.lastSeq(k.id);

	assertProblem(await fx.req('PATCH', url(k, 'appointments', a.id), { as: fx.staff, body: { subject: 'x' } }), 428, 'precondition_required');
	const b = await fx.patch(url(k, 'appointments', a.id), { starts_at: '2026-05-02T09:00:00Z', comments: 'bring boots' }, a.version, fx.staff);
	assert.equal(b.starts_at, '2026-05-02T09:00:00Z');
	assert.equal(b.ends_at, '2026-05-02T11:00:00Z', 'the two hours are kept');
	assert.deepEqual(b.attendees, a.attendees, 'not given: kept');
	assert.equal(b.version, a.version + 1);
	assertProblem(await fx.req('PATCH', url(k, 'appointments', a.id), { as: fx.staff, body: { subject: 'stale' }, ifMatch: a.version }), 409, 'conflict');

	const c = await fx.patch(url(k, 'appointments', a.id), { attendees: [{ contact_id: c2.id }, { user_id: fx.staff2.id }] }, b.version, fx.staff);
	assert.deepEqual(c.attendees, [{ contact_id: c2.id, name: 'Ben Two' }, { user_id: fx.staff2.id, name: 'Tess Other' }], 'replaced, in the order given');
	assert.deepEqual((await fx.get(url(k, 'appointments', a.id))).attendees, c.attendees);
	assertProblem(await fx.req('PATCH', url(k, 'appointments', a.id), { as: fx.staff, body: { ends_at: '2026-05-01T00:00:00Z' }, ifMatch: c.version }), 422, 'unprocessable', 'ends_at');
	assertProblem(await fx.req('PATCH', url(k, 'appointments', a.id), { as: fx.staff, body: { attendees: [{ user_id: 987654321 }] }, ifMatch: c.version }), 422, 'unprocessable', 'attendees[0].user_id');
	const same = await fx.patch(url(k, 'appointments', a.id), { subject: 'Site visit', attendees: [{ contact_id: c2.id }, { user_id: fx.staff2.id }] }, c.version, fx.staff);
	assert.equal(same.version, c.version, 'nothing changed: the version stays');
	const d = await fx.patch(url(k, 'appointments', a.id), { attendees: [] }, c.version, fx.staff);
	assert.deepEqual(d.attendees, [], 'an empty list removes everyone');

	const ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((e) => e.type), ['appointment.changed', 'appointment.changed', 'appointment.changed']);
	assert.equal(ev[0].description, 'Appointment "Site visit" on 2026-05-02 00:00: starts: 2026-05-02 00:00 → 2026-05-02 23:00; ends: 2026-05-02 02:00 → 2026-05-03 01:00; comments: (none) → bring boots');
	assert.equal(ev[1].description, 'Appointment "Site visit" on 2026-05-02 23:00: attendees: Sam Staff, Ana One → Ben Two, Tess Other');

	seq = await fx.lastSeq(k.id);
	await fx.del(url(k, 'appointments', a.id), fx.staff);
	assertProblem(await fx.req('GET', url(k, 'appointments', a.id)), 404, 'not_found');
	const [gone] = await fx.eventsSince(k.id, seq);
	assert.equal(gone.type, 'appointment.removed');
	assert.equal(gone.description, 'Appointment "Site visit" on 2026-05-02 23:00 removed');
});

test('appointments: another case\'s row is 404; an advisor outside the case gets 404', async () => {
	const k = await fx.createCase();
	const a = await fx.post(url(k, 'appointments'), { starts_at: fromNow(5), subject: 'Hidden' }, fx.staff);
	await assertNotUnderOtherCase(k, 'appointments', a, a.version, { subject: 'moved' });
	await assertHiddenFromAdvisor(k, 'appointments', a.id);
});

// ---- deadlines -------------------------------------------------------------------------

/** A case with a plaintiff and a defendant (parties API). */
async function caseWithParties() {
	const k = await fx.createCase();
	const pc = await fx.newContact({ first_name: 'Paul', last_name: uniq('Plaintiff') });
	const dc = await fx.newContact({ first_name: 'Dora', last_name: uniq('Defendant') });
	const plaintiff = await fx.post(url(k, 'parties'), { contact_id: pc.id, kind: 'plaintiff' }, fx.staff);
	const defendant = await fx.post(url(k, 'parties'), { contact_id: dc.id, kind: 'defendant' }, fx.staff);
	return { k, plaintiff, defendant, pname: `${pc.first_name} ${pc.last_name}`, dname: `${dc.first_name} ${dc.last_name}` };
}

test('deadlines: kinds, labels, the type of a critical deadline, the party; deadline.added', async () => {
	const { k, plaintiff, defendant, pname, dname } = await caseWithParties();
	const seq = await fx.lastSeq(k.id);
	const res = await fx.req('POST', url(k, 'deadlines'), { as: fx.staff, body: { kind: 'plaintiff_sol', party_id: plaintiff.id, due_date: '2027-01-15', comments: '3 years' } });
	const a = assertJson(res, 201);
	for (const key of DEADLINE_KEYS) assert.ok(key in a, `deadline has ${key}`);
	assert.deepEqual(a.party, { id: plaintiff.id, name: pname });
	assert.equal(a.kind, 'plaintiff_sol');
	assert.equal(a.deadline_type, null);
	assert.equal(a.label, 'Plaintiff SOL');
	assert.equal(a.due_date, '2027-01-15');
	assert.equal(a.comments, '3 years');
	assert.equal(a.done, false);
	assert.equal(a.done_date, null);
	assert.equal(a.version, 1);
	assert.equal(res.headers.etag, '"1"');

	const b = await fx.post(url(k, 'deadlines'), { kind: 'defendant_sol', party_id: defendant.id, due_date: '2027-02-01' }, fx.staff);
	assert.equal(b.label, 'Defendant SOL');
	assert.deepEqual(b.party, { id: defendant.id, name: dname });
	const c = await fx.post(url(k, 'deadlines'), { kind: 'critical', deadline_type_id: v.expert.id, due_date: '2026-12-01' }, fx.staff);
	assert.deepEqual(c.deadline_type, { id: v.expert.id, name: 'Expert Disclosure' });
	assert.equal(c.label, 'Expert Disclosure', 'a critical deadline is labelled by its type');
	assert.equal(c.party, null, 'the case as a whole');
	const d = await fx.post(url(k, 'deadlines'), { kind: 'critical', deadline_type_id: v.noteOfIssue.id, party_id: defendant.id, due_date: '2026-12-01' }, fx.staff);
	assert.deepEqual(d.party, { id: defendant.id, name: dname }, 'a critical deadline may name a party of either side');
	const e = await fx.post(url(k, 'deadlines'), { kind: 'plaintiff_sol', due_date: '2027-03-01' }, fx.staff);
	assert.equal(e.party, null, 'an SOL without a party');
	assert.deepEqual(await fx.get(url(k, 'deadlines', a.id), fx.staff2), a);

	const ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((x) => x.type), Array(5).fill('deadline.added'));
	assert.equal(ev[0].description, `Plaintiff SOL (${pname}) due 2027-01-15 added`);
	assert.equal(ev[2].description, 'Expert Disclosure due 2026-12-01 added');
});

test('deadlines: kind, type and party-side rules answer 422 naming the field', async () => {
	const { k, plaintiff, defendant } = await caseWithParties();
	const elsewhere = await caseWithParties();
	const seq = await fx.lastSeq(k.id);
	const post = (body) => fx.req('POST', url(k, 'deadlines'), { as: fx.staff, body: { due_date: '2027-01-01', ...body } });
	assertProblem(await post({}), 422, 'unprocessable', 'kind');
	assertProblem(await post({ kind: 'sol' }), 422, 'unprocessable', 'kind');
	assertProblem(await post({ kind: 'critical' }), 422, 'unprocessable', 'deadline_type_id');
	assertProblem(await post({ kind: 'critical', deadline_type_id: 987654321 }), 422, 'unprocessable', 'deadline_type_id');
	assertProblem(await post({ kind: 'plaintiff_sol', deadline_type_id: v.expert.id }), 422, 'unprocessable', 'deadline_type_id');
	assertProblem(await post({ kind: 'defendant_sol', deadline_type_id: v.expert.id }), 422, 'unprocessable', 'deadline_type_id');
	assertProblem(await post({ kind: 'plaintiff_sol', party_id: defendant.id }), 422, 'unprocessable', 'party_id');
	assertProblem(await post({ kind: 'defendant_sol', party_id: plaintiff.id }), 422, 'unprocessable', 'party_id');
	assertProblem(await post({ kind: 'plaintiff_sol', party_id: elsewhere.plaintiff.id }), 422, 'unprocessable', 'party_id');
	assertProblem(await post({ kind: 'critical', deadline_type_id: v.expert.id, party_id: 987654321 }), 422, 'unprocessable', 'party_id');
	assertProblem(await fx.req('POST', url(k, 'deadlines'), { as: fx.staff, body: { kind: 'plaintiff_sol' } }), 422, 'unprocessable', 'due_date');
	assertProblem(await post({ kind: 'plaintiff_sol', due_date: '2027-13-01' }), 400, 'invalid', 'due_date');
	assertProblem(await post({ kind: 'plaintiff_sol', done: false, done_date: '2026-01-01' }), 422, 'unprocessable', 'done_date');
	assertProblem(await post({ kind: 'plaintiff_sol', comments: 'x'.repeat(1001) }), 422, 'unprocessable', 'comments');
	assert.deepEqual(await eventTypes(k, seq), [], 'nothing was added');
	assert.deepEqual((await fx.get(url(k, 'deadlines'))).items, []);
});

test('deadlines: listed by due date; done ones leave ?outstanding=true; done_date defaults to today; deadline.done', async () => {
	const w = todayWindow();
	const { k, plaintiff } = await caseWithParties();
	const mk = (due_date, extra = {}) => fx.post(url(k, 'deadlines'), { kind: 'critical', deadline_type_id: v.expert.id, due_date, ...extra }, fx.staff);
	const late = await mk('2027-06-01');
	const early = await mk('2026-01-10');
	const sol = await fx.post(url(k, 'deadlines'), { kind: 'plaintiff_sol', party_id: plaintiff.id, due_date: '2026-01-10' }, fx.staff);
	const mid = await mk('2026-08-01', { done: true, done_date: '2025-12-24' });
	assert.equal(mid.done, true);
	assert.equal(mid.done_date, '2025-12-24', 'a given done date');
	const all = (await fx.get(url(k, 'deadlines'))).items;
	assert.deepEqual(all.map((x) => x.id), [early, sol, mid, late].map((x) => x.id), 'by due date, then id');
	assert.deepEqual((await fx.get(`${url(k, 'deadlines')}?outstanding=true`)).items.map((x) => x.id), [early, sol, late].map((x) => x.id));
	assertProblem(await fx.req('GET', `${url(k, 'deadlines')}?outstanding=maybe`), 400, 'invalid', 'query.outstanding');

	const seq = await fx.lastSeq(k.id);
	const done = await fx.patch(url(k, 'deadlines', early.id), { done: true }, early.version, fx.staff);
	assert.equal(done.done, true);
	w.check(done.done_date, 'done_date defaults to today');
	assert.equal(done.version, early.version + 1);
	assert.deepEqual((await fx.get(`${url(k, 'deadlines')}?outstanding=true`)).items.map((x) => x.id), [sol, late].map((x) => x.id),
		'a done deadline leaves the outstanding list');
	const back = await fx.patch(url(k, 'deadlines', early.id), { done: false }, done.version, fx.staff);
	assert.equal(back.done, false);
	assert.equal(back.done_date, null, 'not done: no done date');
	const ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((x) => x.type), ['deadline.done', 'deadline.changed']);
	assert.equal(ev[0].description, `Expert Disclosure due 2026-01-10 done on ${done.done_date}`);
	assert.equal(ev[1].description, 'Expert Disclosure due 2026-01-10: done: yes → no');
});

test('deadlines: PATCH re-checks kind, type and party together; If-Match; a no-op writes nothing; remove', async () => {
	const { k, plaintiff, defendant, dname } = await caseWithParties();
	const d = await fx.post(url(k, 'deadlines'), { kind: 'critical', deadline_type_id: v.expert.id, due_date: '2026-10-01' }, fx.staff);
	let seq = await fx.lastSeq(k.id);
	const patch = (body, version = d.version) => fx.req('PATCH', url(k, 'deadlines', d.id), { as: fx.staff, body, ifMatch: version });
	assertProblem(await fx.req('PATCH', url(k, 'deadlines', d.id), { as: fx.staff, body: { comments: 'x' } }), 428, 'precondition_required');
	assertProblem(await patch({ kind: 'defendant_sol' }), 422, 'unprocessable', 'deadline_type_id');
	assertProblem(await patch({ kind: 'defendant_sol', deadline_type_id: null, party_id: plaintiff.id }), 422, 'unprocessable', 'party_id');
	assertProblem(await patch({ deadline_type_id: null }), 422, 'unprocessable', 'deadline_type_id');
	assertProblem(await patch({ due_date: null }), 422, 'unprocessable', 'due_date');
	const same = await fx.patch(url(k, 'deadlines', d.id), { due_date: '2026-10-01', comments: '' }, d.version, fx.staff);
	assert.equal(same.version, d.version, 'nothing changed');
	assert.deepEqual(await eventTypes(k, seq), []);

	const sol = await fx.patch(url(k, 'deadlines', d.id), { kind: 'defendant_sol', deadline_type_id: null, party_id: defendant.id, due_date: '2026-11-15' }, d.version, fx.staff);
	assert.equal(sol.kind, 'defendant_sol');
	assert.equal(sol.label, 'Defendant SOL');
	assert.equal(sol.deadline_type, null);
	assert.deepEqual(sol.party, { id: defendant.id, name: dname });
	assert.equal(sol.version, d.version + 1);
	assertProblem(await patch({ comments: 'stale' }), 409, 'conflict');
	const [ev] = await fx.eventsSince(k.id, seq);
	assert.equal(ev.type, 'deadline.changed');
	assert.equal(ev.description, `Expert Disclosure due 2026-10-01: deadline: Expert Disclosure → Defendant SOL (${dname}); due date: 2026-10-01 → 2026-11-15`);

	await assertNotUnderOtherCase(k, 'deadlines', sol, sol.version, { comments: 'x' });
	await assertHiddenFromAdvisor(k, 'deadlines', sol.id);

	seq = await fx.lastSeq(k.id);
	await fx.del(url(k, 'deadlines', sol.id), fx.staff);
	assertProblem(await fx.req('GET', url(k, 'deadlines', sol.id)), 404, 'not_found');
	const [gone] = await fx.eventsSince(k.id, seq);
	assert.equal(gone.type, 'deadline.removed');
	assert.equal(gone.description, `Defendant SOL (${dname}) due 2026-11-15 removed`);
});

test('deadlines: a type in use cannot be deleted; removing a party keeps its deadlines without a party', async () => {
	const { k, plaintiff } = await caseWithParties();
	const type = await fx.setup('deadline-types', { name: uniq('Type '), position: 99 });
	const d = await fx.post(url(k, 'deadlines'), { kind: 'critical', deadline_type_id: type.id, due_date: '2026-09-09' }, fx.staff);
	assertProblem(await fx.req('DELETE', `/api/v1/setup/deadline-types/${type.id}`), 409, 'conflict');
	const s = await fx.post(url(k, 'deadlines'), { kind: 'plaintiff_sol', party_id: plaintiff.id, due_date: '2026-09-10' }, fx.staff);
	await fx.del(url(k, 'parties', plaintiff.id), fx.staff);
	const after = await fx.get(url(k, 'deadlines', s.id));
	assert.equal(after.party, null);
	assert.equal(after.label, 'Plaintiff SOL');
	await fx.del(url(k, 'deadlines', d.id), fx.staff);
	await fx.del(`/api/v1/setup/deadline-types/${type.id}`);
});

// ---- courts ----------------------------------------------------------------------------

test('courts: add with personnel; PATCH replaces the personnel when given; timeline', async () => {
	const k = await fx.createCase();
	const court = await fx.post('/api/v1/contacts', { kind: 'organisation', org_name: 'Kings County Supreme Court' });
	const court2 = await fx.post('/api/v1/contacts', { kind: 'organisation', org_name: 'Queens Civil Court' });
	const judge = await fx.newContact({ first_name: 'Judith', last_name: 'Bench' });
	const clerk = await fx.newContact({ first_name: 'Carl', last_name: 'Clerk' });
	let seq = await fx.lastSeq(k.id);
	const res = await fx.req('POST', url(k, 'courts'), {
		as: fx.staff,
		body: { court_id: court.id, docket_number: ' 123/2026 ', filing_date: '2026-02-03',
			personnel: [{ contact_id: judge.id, role: 'Judge' }, { contact_id: clerk.id, role: ' Clerk ' }] },
	});
	const a = assertJson(res, 201);
	for (const key of COURT_KEYS) assert.ok(key in a, `court row has ${key}`);
	assert.deepEqual(a.court, { id: court.id, name: 'Kings County Supreme Court' });
	assert.equal(a.docket_number, '123/2026');
	assert.equal(a.filing_date, '2026-02-03');
	assert.deepEqual(a.personnel, [
		{ contact: { id: judge.id, name: 'Judith Bench' }, role: 'Judge' },
		{ contact: { id: clerk.id, name: 'Carl Clerk' }, role: 'Clerk' },
	]);
	assert.equal(a.version, 1);
	assert.equal(res.headers.etag, '"1"');
	const bare = await fx.post(url(k, 'courts'), { court_id: court2.id }, fx.staff);
	assert.equal(bare.docket_number, '');
	assert.equal(bare.filing_date, null);
	assert.deepEqual(bare.personnel, []);
	assert.deepEqual((await fx.get(url(k, 'courts'), fx.staff2)).items, [a, bare], 'by id');
	let ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((x) => x.type), ['court.added', 'court.added']);
	assert.equal(ev[0].description, 'Court Kings County Supreme Court (docket 123/2026) added (Judge: Judith Bench, Clerk: Carl Clerk)');
	assert.equal(ev[1].description, 'Court Queens Civil Court added');

	seq = await fx.lastSeq(k.id);
	const b = await fx.patch(url(k, 'courts', a.id), { docket_number: '123/2026-A' }, a.version, fx.staff);
	assert.deepEqual(b.personnel, a.personnel, 'not given: kept');
	const c = await fx.patch(url(k, 'courts', a.id), { personnel: [{ contact_id: clerk.id, role: 'Law Clerk' }], filing_date: null }, b.version, fx.staff);
	assert.deepEqual(c.personnel, [{ contact: { id: clerk.id, name: 'Carl Clerk' }, role: 'Law Clerk' }], 'replaced');
	assert.equal(c.filing_date, null);
	const same = await fx.patch(url(k, 'courts', a.id), { personnel: [{ contact_id: clerk.id, role: 'Law Clerk' }] }, c.version, fx.staff);
	assert.equal(same.version, c.version, 'nothing changed');
	const d = await fx.patch(url(k, 'courts', a.id), { court_id: court2.id, personnel: [] }, c.version, fx.staff);
	assert.deepEqual(d.court, { id: court2.id, name: 'Queens Civil Court' });
	assert.deepEqual(d.personnel, []);
	assertProblem(await fx.req('PATCH', url(k, 'courts', a.id), { as: fx.staff, body: { docket_number: 'x' }, ifMatch: c.version }), 409, 'conflict');
	assertProblem(await fx.req('PATCH', url(k, 'courts', a.id), { as: fx.staff, body: { docket_number: 'x' } }), 428, 'precondition_required');
	ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((x) => x.type), ['court.changed', 'court.changed', 'court.changed']);
	assert.equal(ev[0].description, 'Court Kings County Supreme Court: docket number: 123/2026 → 123/2026-A');
	assert.equal(ev[1].description, 'Court Kings County Supreme Court: filing date: 2026-02-03 → (none); personnel: Judge: Judith Bench, Clerk: Carl Clerk → Law Clerk: Carl Clerk');
	assert.equal(ev[2].description, 'Court Kings County Supreme Court: court: Kings County Supreme Court → Queens Civil Court; personnel: Law Clerk: Carl Clerk → (none)');

	seq = await fx.lastSeq(k.id);
	await fx.del(url(k, 'courts', a.id), fx.staff);
	assert.deepEqual((await fx.get(url(k, 'courts'))).items.map((x) => x.id), [bare.id]);
	const [gone] = await fx.eventsSince(k.id, seq);
	assert.equal(gone.type, 'court.removed');
	assert.equal(gone.description, 'Court Queens Civil Court (docket 123/2026-A) removed');
});

test('courts: input rules name the field (personnel[i].member for a bad person); other case and advisor 404', async () => {
	const k = await fx.createCase();
	const court = await fx.post('/api/v1/contacts', { kind: 'organisation', org_name: uniq('Court ') });
	const judge = await fx.newContact();
	const seq = await fx.lastSeq(k.id);
	const post = (body) => fx.req('POST', url(k, 'courts'), { as: fx.staff, body });
	assertProblem(await post({}), 422, 'unprocessable', 'court_id');
	assertProblem(await post({ court_id: null }), 422, 'unprocessable', 'court_id');
	assertProblem(await post({ court_id: 987654321 }), 422, 'unprocessable', 'court_id');
	assertProblem(await post({ court_id: court.id, filing_date: 'soon' }), 400, 'invalid', 'filing_date');
	assertProblem(await post({ court_id: court.id, docket_number: 'd'.repeat(61) }), 422, 'unprocessable', 'docket_number');
	assertProblem(await post({ court_id: court.id, personnel: {} }), 400, 'invalid', 'personnel');
	assertProblem(await post({ court_id: court.id, personnel: [{ role: 'Judge' }] }), 422, 'unprocessable', 'personnel[0].contact_id');
	assertProblem(await post({ court_id: court.id, personnel: [{ contact_id: judge.id }, { contact_id: 987654321, role: 'Clerk' }] }), 422, 'unprocessable', 'personnel[1].contact_id');
	assertProblem(await post({ court_id: court.id, personnel: [{ contact_id: judge.id, role: 'r'.repeat(101) }] }), 422, 'unprocessable', 'personnel[0].role');
	assertProblem(await post({ court_id: court.id, personnel: [{ contact_id: judge.id, role: 5 }] }), 400, 'invalid', 'personnel[0].role');
	assertProblem(await post({ court_id: court.id, personnel: ['Judge'] }), 400, 'invalid', 'personnel[0]');
	assertProblem(await post({ court_id: court.id, personnel: Array(33).fill({ contact_id: judge.id, role: 'Judge' }) }), 422, 'unprocessable', 'personnel');
	assert.deepEqual(await eventTypes(k, seq), [], 'nothing was added');
	const full = await fx.post(url(k, 'courts'), { court_id: court.id, personnel: Array(32).fill({ contact_id: judge.id, role: 'Judge' }) }, fx.staff);
	assert.equal(full.personnel.length, 32);

	await assertNotUnderOtherCase(k, 'courts', full, full.version, { docket_number: 'x' });
	await assertHiddenFromAdvisor(k, 'courts', full.id);
});
