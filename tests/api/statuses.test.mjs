// statuses.test.mjs - the status table (docs/api.md "Statuses"): a status of the type, the close
// reason both ways, expected days, dates in the past and future ending the previous row, the
// history with its staff and comments, closing and reopening, one current sub-status per type,
// ending a sub-status, editing a row with If-Match, days and overdue, and the mass change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startCaseServer, todayWindow, today, addDays, daysBetween, assertJson, assertProblem, uniq, DATE_RE,
} from './casefix.mjs';

let fx;
let v;
before(async () => {
	fx = await startCaseServer();
	v = fx.v;
});
after(async () => { await fx?.stop(); });

const ROW_KEYS = ['id', 'status_type', 'status', 'expected_days', 'from_date', 'to_date', 'current', 'days', 'overdue', 'staff', 'comments', 'close_reason', 'version'];
const word = () => `zq${uniq('')}`;
const stage = (status, extra = {}) => ({ status_type_id: v.stageType.id, status_id: status.id, ...extra });
const medical = (status, extra = {}) => ({ status_type_id: v.medical.id, status_id: status.id, ...extra });

function assertRow(r) {
	for (const k of ROW_KEYS) assert.ok(k in r, `status row has ${k}: ${JSON.stringify(r)}`);
	assert.match(r.from_date, DATE_RE);
	assert.equal(typeof r.days, 'number');
	assert.equal(typeof r.overdue, 'boolean');
	assert.equal(r.current, r.to_date === null, 'current exactly while to_date is null');
}

/** Everything a refused status request must leave alone. */
async function snapshot(id) {
	return {
		kase: await fx.get(`/api/v1/cases/${id}`),
		current: await fx.current(id),
		history: await fx.history(id),
		seq: await fx.lastSeq(id),
	};
}

test('the status must belong to the status type (422 on status_id); refused input changes nothing', async () => {
	const k = await fx.createCase();
	const before = await snapshot(k.id);
	const post = (body) => fx.req('POST', `/api/v1/cases/${k.id}/statuses`, { as: fx.staff, body });
	assertProblem(await post(stage(v.treating)), 422, 'unprocessable', 'status_id');
	assertProblem(await post(medical(v.preLit)), 422, 'unprocessable', 'status_id');
	assertProblem(await post({ status_type_id: v.medical.id, status_id: 987654321 }), 422, 'unprocessable', 'status_id');
	assertProblem(await post({ status_type_id: 987654321, status_id: v.treating.id }), 422, 'unprocessable', 'status_type_id');
	const r = await post({ status_type_id: v.medical.id });
	assert.ok([400, 422].includes(r.status), `no status_id: ${r.status}`);
	assertProblem(r, r.status, undefined, 'status_id');
	assertProblem(await post(medical(v.treating, { expected_days: -1 })), 422, 'unprocessable', 'expected_days');
	const bad = await post(medical(v.treating, { date: '2026-13-01' }));
	assert.ok([400, 422].includes(bad.status), `bad date: ${bad.status}`);
	assertProblem(bad, bad.status, undefined, 'date');
	assert.deepEqual(await snapshot(k.id), before);
	assertProblem(await fx.req('POST', '/api/v1/cases/987654321/statuses', { as: fx.staff, body: medical(v.treating) }), 404, 'not_found');
});

test('a close reason is required for the closing status and refused for any other (422 close_reason_id)', async () => {
	const k = await fx.createCase();
	const before = await snapshot(k.id);
	const post = (body) => fx.req('POST', `/api/v1/cases/${k.id}/statuses`, { as: fx.staff, body });
	assertProblem(await post(stage(v.closed)), 422, 'unprocessable', 'close_reason_id');
	assertProblem(await post(stage(v.closed, { close_reason_id: 987654321 })), 422, 'unprocessable', 'close_reason_id');
	assertProblem(await post(stage(v.preLit, { close_reason_id: v.settled.id })), 422, 'unprocessable', 'close_reason_id');
	assertProblem(await post(medical(v.treating, { close_reason_id: v.settled.id })), 422, 'unprocessable', 'close_reason_id');
	assert.deepEqual(await snapshot(k.id), before);

	const pre = await fx.setStatus(k.id, stage(v.preLit));
	assertRow(pre);
	assert.equal(pre.close_reason, null);
	const closed = await fx.setStatus(k.id, stage(v.closed, { close_reason_id: v.settled.id }));
	assertRow(closed);
	assert.deepEqual(closed.close_reason, { id: v.settled.id, name: 'Settled' });
	assert.deepEqual(closed.status, { id: v.closed.id, name: 'Closed Case', closing: true });

	// PATCH follows the same rule both ways
	const url = `/api/v1/cases/${k.id}/statuses/${closed.id}`;
	assertProblem(await fx.req('PATCH', url, { as: fx.staff, body: { close_reason_id: null }, ifMatch: closed.version }), 422, 'unprocessable', 'close_reason_id');
	const changed = await fx.patch(url, { close_reason_id: v.dropped.id }, closed.version, fx.staff);
	assert.deepEqual(changed.close_reason, { id: v.dropped.id, name: 'Dropped' });
	const lit = await fx.setStatus(k.id, stage(v.litigation));
	const litUrl = `/api/v1/cases/${k.id}/statuses/${lit.id}`;
	assertProblem(await fx.req('PATCH', litUrl, { as: fx.staff, body: { close_reason_id: v.settled.id }, ifMatch: lit.version }), 422, 'unprocessable', 'close_reason_id');
	assertProblem(await fx.req('PATCH', litUrl, { as: fx.staff, body: { status_id: v.closed.id }, ifMatch: lit.version }), 422, 'unprocessable', 'close_reason_id');
	assert.deepEqual((await fx.current(k.id))[0].status.id, v.litigation.id);
});

test('expected days default to the status setup value and may be changed', async () => {
	const k = await fx.createCase();
	const a = await fx.setStatus(k.id, stage(v.preLit));
	assert.equal(a.expected_days, 60);
	const b = await fx.setStatus(k.id, stage(v.litigation, { expected_days: 7 }));
	assert.equal(b.expected_days, 7);
	const c = await fx.setStatus(k.id, medical(v.doneTreating, { expected_days: 0 }));
	assert.equal(c.expected_days, 0);
	const b2 = await fx.patch(`/api/v1/cases/${k.id}/statuses/${b.id}`, { expected_days: 9 }, b.version, fx.staff);
	assert.equal(b2.expected_days, 9);
	assert.equal(b2.id, b.id, 'edited in place');
});

test('dates default to today, may be past or future; the previous row of the type ends on the new date; history rows', async () => {
	const w = todayWindow();
	const t = w.before;
	const k = await fx.createCase();
	const r1 = await fx.setStatus(k.id, medical(v.treating, { date: addDays(t, -30), comments: 'started PT' }));
	assert.equal(r1.from_date, addDays(t, -30));
	assert.equal(r1.to_date, null);
	assert.equal(r1.current, true);
	assert.deepEqual(r1.staff, { id: fx.staff.id, name: 'Sam Staff' });
	assert.equal(r1.comments, 'started PT');
	const r2 = await fx.setStatus(k.id, medical(v.records, { date: addDays(t, -10), comments: 'asked the hospital' }), fx.staff2);
	const r3 = await fx.setStatus(k.id, medical(v.doneTreating, { date: addDays(t, 5) }));
	assert.equal(r3.from_date, addDays(t, 5), 'a future date');
	const pre = await fx.setStatus(k.id, stage(v.preLit, { comments: 'demand sent' }));
	w.check(pre.from_date, 'default date');

	const cur = await fx.current(k.id);
	assert.deepEqual(cur.map((r) => r.id), [pre.id, r3.id], 'current: the stage first, then the one Medical row');

	const h = await fx.history(k.id);
	h.forEach(assertRow);
	const intake = h.find((r) => r.status.id === v.intake.id);
	assert.ok(intake, 'the first stage is in the history');
	assert.deepEqual(h.map((r) => r.id), [r3.id, pre.id, intake.id, r2.id, r1.id], 'newest first: from_date, then id, descending');
	const byId = Object.fromEntries(h.map((r) => [r.id, r]));
	const expect = [
		[r1.id, 'Medical', 'Treating', addDays(t, -30), addDays(t, -10), 'Sam Staff', 'started PT'],
		[r2.id, 'Medical', 'Records Requested', addDays(t, -10), addDays(t, 5), 'Tess Other', 'asked the hospital'],
		[r3.id, 'Medical', 'Done Treating', addDays(t, 5), null, 'Sam Staff', ''],
		[intake.id, 'Stage', 'Intake', intake.from_date, pre.from_date, 'Sam Staff', intake.comments],
		[pre.id, 'Stage', 'Pre-Litigation', pre.from_date, null, 'Sam Staff', 'demand sent'],
	];
	for (const [id, type, status, from, to, staff, comments] of expect) {
		const r = byId[id];
		assert.equal(r.status_type.name, type, `row ${id} type`);
		assert.equal(r.status.name, status, `row ${id} status`);
		assert.equal(r.from_date, from, `${status} from_date`);
		assert.equal(r.to_date, to, `${status} to_date`);
		assert.equal(r.current, to === null, `${status} current`);
		assert.equal(r.staff.name, staff, `${status} staff`);
		assert.equal(r.comments, comments, `${status} comments`);
	}
	assert.equal(byId[r1.id].status_type.stage, false);
	assert.equal(byId[pre.id].status_type.stage, true);
});

test('closing sets closed_date with "Closed: <reason>" in the comments; reopening clears it; the history keeps both', async () => {
	const t = today();
	const k = await fx.createCase();
	let seq = await fx.lastSeq(k.id);
	const closed = await fx.setStatus(k.id, stage(v.closed, { close_reason_id: v.settled.id, date: addDays(t, -2), comments: 'paid in full' }));
	assert.match(closed.comments, /Closed: Settled/);
	assert.match(closed.comments, /paid in full/);
	let kase = await fx.get(`/api/v1/cases/${k.id}`);
	assert.equal(kase.closed, true);
	assert.equal(kase.closed_date, addDays(t, -2));
	assert.deepEqual(kase.stage, { id: v.closed.id, name: 'Closed Case' });
	let ev = await fx.eventsSince(k.id, seq);
	assert.ok(ev.some((e) => e.type === 'case.closed'), `case.closed in ${ev.map((e) => e.type)}`);
	assert.ok(ev.every((e) => ['status.set', 'case.closed'].includes(e.type)), `${ev.map((e) => e.type)}`);
	assert.ok((await fx.all('/api/v1/cases?closed=true')).some((x) => x.id === k.id));

	seq = await fx.lastSeq(k.id);
	const lit = await fx.setStatus(k.id, stage(v.litigation, { date: addDays(t, -1) }));
	kase = await fx.get(`/api/v1/cases/${k.id}`);
	assert.equal(kase.closed, false, 'reopened');
	assert.equal(kase.closed_date, null);
	assert.deepEqual(kase.stage, { id: v.litigation.id, name: 'Litigation' });
	ev = await fx.eventsSince(k.id, seq);
	assert.ok(ev.some((e) => e.type === 'case.reopened'), `case.reopened in ${ev.map((e) => e.type)}`);

	const h = await fx.history(k.id);
	const old = h.find((r) => r.id === closed.id);
	assert.equal(old.to_date, addDays(t, -1), 'the closing row ended when the case reopened');
	assert.equal(old.current, false);
	assert.deepEqual(old.close_reason, { id: v.settled.id, name: 'Settled' });
	assert.match(old.comments, /Closed: Settled/);
	assert.equal(h.find((r) => r.id === lit.id).current, true, 'the reopening row is current');

	const again = await fx.setStatus(k.id, stage(v.closed, { close_reason_id: v.dropped.id }));
	assert.match(again.comments, /Closed: Dropped/);
	kase = await fx.get(`/api/v1/cases/${k.id}`);
	assert.equal(kase.closed, true);
	assert.equal(kase.closed_date, again.from_date);
	assert.equal((await fx.history(k.id)).filter((r) => r.status.closing).length, 2, 'both closings in the history');
});

test('at most one current status per sub-status type; the primary first', async () => {
	const k = await fx.createCase();
	await fx.setStatus(k.id, medical(v.treating));
	await fx.setStatus(k.id, { status_type_id: v.track.id, status_id: v.discovery.id });
	let cur = await fx.current(k.id);
	cur.forEach(assertRow);
	assert.equal(cur[0].status_type.stage, true, 'primary first');
	assert.deepEqual(cur.map((r) => r.status.id).sort(), [v.intake.id, v.treating.id, v.discovery.id].sort());
	await fx.setStatus(k.id, medical(v.records));
	cur = await fx.current(k.id);
	assert.equal(cur.length, 3);
	assert.equal(cur.filter((r) => r.status_type.id === v.medical.id).length, 1);
	assert.equal(cur.find((r) => r.status_type.id === v.medical.id).status.id, v.records.id);
	assert.ok(cur.every((r) => r.current && r.to_date === null));
});

test('DELETE ends a sub-status (kept in the history, to_date today); the primary cannot be deleted (409)', async () => {
	const w = todayWindow();
	const k = await fx.createCase();
	const r = await fx.setStatus(k.id, medical(v.treating, { date: addDays(w.before, -3) }));
	const seq = await fx.lastSeq(k.id);
	await fx.del(`/api/v1/cases/${k.id}/statuses/${r.id}`, fx.staff);
	const cur = await fx.current(k.id);
	assert.ok(!cur.some((x) => x.id === r.id), 'no longer current');
	assert.equal(cur.length, 1);
	const ended = (await fx.history(k.id)).find((x) => x.id === r.id);
	assert.equal(ended.current, false);
	w.check(ended.to_date, 'to_date of the ended sub-status');
	assert.equal(ended.days, daysBetween(ended.from_date, ended.to_date), 'an ended row counts days to its to_date');
	assert.deepEqual((await fx.eventsSince(k.id, seq)).map((e) => e.type), ['status.removed']);

	const primary = cur[0];
	assertProblem(await fx.req('DELETE', `/api/v1/cases/${k.id}/statuses/${primary.id}`, { as: fx.staff }), 409, 'conflict');
	assert.deepEqual(await fx.current(k.id), cur);
	assertProblem(await fx.req('DELETE', `/api/v1/cases/${k.id}/statuses/987654321`, { as: fx.staff }), 404, 'not_found');
	// a row of another case is not found under this one
	const other = await fx.createCase();
	const o = await fx.setStatus(other.id, medical(v.treating));
	assertProblem(await fx.req('DELETE', `/api/v1/cases/${k.id}/statuses/${o.id}`, { as: fx.staff }), 404, 'not_found');
	assert.ok((await fx.current(other.id)).some((x) => x.id === o.id));
});

test('PATCH a current row: If-Match (428, stale 409), same rules, in place; an ended row is 409', async () => {
	const t = today();
	const k = await fx.createCase();
	const r = await fx.setStatus(k.id, medical(v.treating, { date: addDays(t, -3) }));
	const url = `/api/v1/cases/${k.id}/statuses/${r.id}`;
	const hlen = (await fx.history(k.id)).length;
	assertProblem(await fx.req('PATCH', url, { as: fx.staff, body: { comments: 'x' } }), 428, 'precondition_required');
	const seq = await fx.lastSeq(k.id);
	const res = await fx.req('PATCH', url, { as: fx.staff, body: { comments: 'edited', expected_days: 20 }, ifMatch: r.version });
	const r2 = assertJson(res);
	assert.equal(r2.id, r.id);
	assert.equal(r2.version, r.version + 1);
	assert.equal(res.headers.etag, `"${r2.version}"`);
	assert.equal(r2.comments, 'edited');
	assert.equal(r2.expected_days, 20);
	assert.deepEqual((await fx.eventsSince(k.id, seq)).map((e) => e.type), ['status.changed']);
	assertProblem(await fx.req('PATCH', url, { as: fx.staff, body: { comments: 'stale' }, ifMatch: r.version }), 409, 'conflict');
	assertProblem(await fx.req('PATCH', url, { as: fx.staff, body: { status_id: v.preLit.id }, ifMatch: r2.version }), 422, 'unprocessable', 'status_id');
	const r3 = await fx.patch(url, { status_id: v.records.id, date: addDays(t, -4) }, r2.version, fx.staff);
	assert.equal(r3.status.id, v.records.id);
	assert.equal(r3.from_date, addDays(t, -4));
	assert.equal((await fx.history(k.id)).length, hlen, 'no new history row for an edit');

	await fx.setStatus(k.id, medical(v.doneTreating));
	assertProblem(await fx.req('PATCH', url, { as: fx.staff, body: { comments: 'too late' }, ifMatch: r3.version }), 409, 'conflict');
	assert.equal((await fx.history(k.id)).find((x) => x.id === r.id).comments, 'edited');

	// the primary row closes the case through PATCH too
	const prim = (await fx.current(k.id))[0];
	await fx.patch(`/api/v1/cases/${k.id}/statuses/${prim.id}`, { status_id: v.closed.id, close_reason_id: v.settled.id }, prim.version, fx.staff);
	const kase = await fx.get(`/api/v1/cases/${k.id}`);
	assert.equal(kase.closed, true);
	assert.deepEqual(kase.stage, { id: v.closed.id, name: 'Closed Case' });
});

test('days count calendar days from from_date; overdue when past the expected days', async () => {
	const w = todayWindow();
	const k = await fx.createCase();
	const daysOk = (r, from) => {
		const ok = w.dates().map((d) => daysBetween(from, d));
		assert.ok(ok.includes(r.days), `days ${r.days} is one of ${ok}`);
	};
	const r = await fx.setStatus(k.id, medical(v.treating, { date: addDays(w.before, -10), expected_days: 5 }));
	daysOk(r, addDays(w.before, -10));
	assert.equal(r.overdue, true, '10 days against 5 expected');
	const url = `/api/v1/cases/${k.id}/statuses/${r.id}`;
	let row = (await fx.current(k.id)).find((x) => x.id === r.id);
	assert.equal(row.overdue, true);
	daysOk(row, addDays(w.before, -10));
	row = await fx.patch(url, { expected_days: 0 }, row.version, fx.staff);
	assert.equal(row.overdue, false, 'no expected days: never overdue');
	row = await fx.patch(url, { expected_days: 30 }, row.version, fx.staff);
	assert.equal(row.overdue, false);
	row = await fx.patch(url, { expected_days: row.days }, row.version, fx.staff);
	assert.equal(row.overdue, false, 'days equal to expected days is not yet overdue');
	row = await fx.patch(url, { expected_days: row.days - 1 }, row.version, fx.staff);
	assert.equal(row.overdue, true);

	const fut = await fx.setStatus(k.id, { status_type_id: v.track.id, status_id: v.discovery.id, date: addDays(w.before, 3), expected_days: 1 });
	assert.equal(fut.overdue, false, 'a row that begins in the future is not overdue');

	await fx.setStatus(k.id, medical(v.records, { date: addDays(w.before, -4) }));
	const ended = (await fx.history(k.id)).find((x) => x.id === r.id);
	assert.equal(ended.days, 6, 'an ended row counts from from_date to to_date');
	assert.equal(ended.overdue, false, 'an ended row is not overdue');
});

test('mass change: the preview lists from/to per case and changes nothing; applying writes a history row and an event per case', async () => {
	const tag = word();
	const a = await fx.createCase({ name: `Mass ${tag} a` });
	const b = await fx.createCase({ name: `Mass ${tag} b` });
	const c = await fx.createCase({ name: `Mass ${tag} c` });
	const d = await fx.createCase({ name: `Mass ${tag} d`, status_id: v.preLit.id });
	const all = [a, b, c, d];
	const body = { case_ids: all.map((k) => k.id), ...stage(v.preLit), comments: 'batch move' };
	const snap = async () => Promise.all(all.map((k) => snapshot(k.id)));
	const before = await snap();

	const prev = await fx.post('/api/v1/cases/mass-status/preview', body, fx.staff, 200);
	assert.equal(prev.count, 4);
	assert.equal(prev.changed, 0);
	const item = (res, k) => res.items.find((x) => x.case_id === k.id);
	for (const k of [a, b, c]) {
		assert.deepEqual(item(prev, k), { case_id: k.id, number: k.number, name: k.name, from: 'Intake', to: 'Pre-Litigation', ok: true, problem: null });
	}
	const pd = item(prev, d);
	assert.equal(pd.from, 'Pre-Litigation');
	assert.equal(pd.to, 'Pre-Litigation');
	assert.equal(pd.ok, false, 'already has that status');
	assert.equal(typeof pd.problem, 'string');
	assert.deepEqual(await snap(), before, 'the preview changed nothing');

	const done = await fx.post('/api/v1/cases/mass-status', body, fx.staff, 200);
	assert.equal(done.count, 4);
	assert.equal(done.changed, 3);
	for (const k of [a, b, c]) assert.equal(item(done, k).ok, true);
	assert.equal(item(done, d).ok, false);
	for (const [i, k] of [a, b, c].entries()) {
		const was = before[i];
		assert.deepEqual((await fx.get(`/api/v1/cases/${k.id}`)).stage, { id: v.preLit.id, name: 'Pre-Litigation' });
		const h = await fx.history(k.id);
		assert.equal(h.length, was.history.length + 1, 'one history row');
		assert.equal(h[0].status.id, v.preLit.id);
		assert.equal(h[0].comments, 'batch move');
		assert.deepEqual(h[0].staff, { id: fx.staff.id, name: 'Sam Staff' });
		assert.equal(h[1].to_date, h[0].from_date);
		const ev = await fx.eventsSince(k.id, was.seq);
		assert.deepEqual(ev.map((e) => e.type), ['status.set'], 'one timeline event');
	}
	assert.deepEqual(await snapshot(d.id), before[3], 'the case that could not change is untouched');

	// by filter, a sub-status with a date
	const day = addDays(today(), -1);
	const fbody = { filter: { q: tag }, ...medical(v.treating), date: day };
	const fprev = await fx.post('/api/v1/cases/mass-status/preview', fbody, fx.staff, 200);
	assert.equal(fprev.count, 4);
	assert.ok(fprev.items.every((x) => x.from === null && x.to === 'Treating' && x.ok));
	const fdone = await fx.post('/api/v1/cases/mass-status', fbody, fx.staff, 200);
	assert.equal(fdone.changed, 4);
	for (const k of all) {
		const m = (await fx.current(k.id)).find((r) => r.status_type.id === v.medical.id);
		assert.equal(m.status.id, v.treating.id);
		assert.equal(m.from_date, day);
	}
	const staged = await fx.post('/api/v1/cases/mass-status/preview', { filter: { q: tag, stage_id: v.preLit.id }, ...medical(v.records) }, fx.staff, 200);
	assert.equal(staged.count, 4);

	// closing through the mass change follows the close-reason rule and closes each case
	const closing = await fx.post('/api/v1/cases/mass-status', { case_ids: [a.id], ...stage(v.closed), close_reason_id: v.settled.id }, fx.staff, 200);
	assert.equal(closing.changed, 1);
	const ka = await fx.get(`/api/v1/cases/${a.id}`);
	assert.equal(ka.closed, true);
	assert.match((await fx.history(a.id))[0].comments, /Closed: Settled/);
});

test('mass change: input rules and rights', async () => {
	const k = await fx.createCase();
	const many = Array.from({ length: 501 }, (_, i) => k.id + i);
	for (const path of ['/api/v1/cases/mass-status/preview', '/api/v1/cases/mass-status']) {
		assertProblem(await fx.req('POST', path, { as: fx.staff, body: { case_ids: many, ...stage(v.preLit) } }), 422, 'unprocessable', 'case_ids');
		assertProblem(await fx.req('POST', path, { as: fx.staff, body: { case_ids: [k.id], ...stage(v.treating) } }), 422, 'unprocessable', 'status_id');
	}
	const adv = await fx.newUser('advisor', 'Mass Advisor');
	assertProblem(await fx.req('POST', '/api/v1/cases/mass-status', { as: adv, body: { case_ids: [k.id], ...stage(v.preLit) } }), 403, 'forbidden');
	assert.deepEqual((await fx.get(`/api/v1/cases/${k.id}`)).stage.id, v.intake.id);
});
