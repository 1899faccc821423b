// audit.test.mjs - the tamper-evident timeline (issue 3; docs/api.md "Timeline"): `caseload
// audit verify --db ...` passes on an untouched database and names the case and event of a row
// changed, removed or inserted behind the server's back. On SQLite the rows are changed in a
// copy of the live database made with the sqlite3 tool's .backup; on PostgreSQL
// ($CASELOAD_TEST_PG) through psql on the test's own database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { cli } from './helper.mjs';
import { startCaseServer } from './casefix.mjs';

const PG = Boolean(process.env.CASELOAD_TEST_PG);
let fx;
let v;
let A;
let B;
let C;
before(async () => {
	fx = await startCaseServer();
	v = fx.v;
	// three cases with a few events each
	A = await fx.createCase();
	await fx.patch(`/api/v1/cases/${A.id}`, { description: 'first edit' }, A.version, fx.staff);
	await fx.setStatus(A.id, { status_type_id: v.medical.id, status_id: v.treating.id });
	await fx.post(`/api/v1/cases/${A.id}/notes`, { note_type_id: v.general.id, body: 'a note' }, fx.staff);
	B = await fx.createCase();
	await fx.setStatus(B.id, { status_type_id: v.stageType.id, status_id: v.preLit.id });
	await fx.post(`/api/v1/cases/${B.id}/notes`, { note_type_id: v.general.id, body: 'b note' }, fx.staff);
	await fx.post(`/api/v1/cases/${B.id}/staff`, { user_id: fx.staff2.id, role_id: v.paralegal.id }, fx.staff);
	C = await fx.createCase();
	await fx.patch(`/api/v1/cases/${C.id}`, { description: 'c edit' }, C.version, fx.staff);
});
after(async () => { await fx?.stop(); });

function run(cmd, args) {
	const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30000 });
	if (r.error) throw r.error;
	return r;
}

/** sql(db, text) runs SQL on a database file (sqlite3) or URL (psql); throws on failure. */
function sql(db, text) {
	const r = PG ? run('psql', [db, '-v', 'ON_ERROR_STOP=1', '-q', '-At', '-c', text]) : run('sqlite3', [db, text]);
	assert.equal(r.status, 0, `${text}: ${r.stderr}`);
	return r.stdout.trim();
}

let copies = 0;
/** tampered(text) gives a database with text applied: a fresh copy (SQLite) or the live one (PostgreSQL). */
function tampered(text) {
	if (PG) {
		sql(fx.s.db, text);
		return fx.s.db;
	}
	const f = path.join(fx.s.dir, `copy-${++copies}.db`);
	const r = run('sqlite3', [fx.s.db, `.backup '${f}'`]);
	assert.equal(r.status, 0, `.backup: ${r.stderr}`);
	if (text) sql(f, text);
	return f;
}

async function verify(db) {
	const r = await cli(['audit', 'verify', '--db', db]);
	return { code: r.code, out: `${r.stdout}\n${r.stderr}` };
}

const names = (out, k) => new RegExp(`\\bcase ${k.id}\\b`).test(out);

test('audit verify exits 0 on an untouched database, live or copied', async () => {
	const live = await verify(fx.s.db);
	assert.equal(live.code, 0, live.out);
	if (!PG) {
		const copy = await verify(tampered(''));
		assert.equal(copy.code, 0, copy.out);
	}
	const usage = await cli(['audit', 'verify']);
	assert.equal(usage.code, 2, `no --db is a usage error: ${usage.stderr}`);
});

test('a deleted case keeps its chain, ending in case.deleted, and still verifies', async () => {
	const D = await fx.createCase();
	await fx.post(`/api/v1/cases/${D.id}/notes`, { note_type_id: v.general.id, body: 'd note' }, fx.staff);
	await fx.del(`/api/v1/cases/${D.id}`);
	const last = sql(fx.s.db, `SELECT event_type FROM timeline_event WHERE case_id = ${D.id} ORDER BY seq DESC LIMIT 1`);
	assert.equal(last, 'case.deleted');
	const r = await verify(PG ? fx.s.db : tampered(''));
	assert.equal(r.code, 0, r.out);
});

test('a changed event description: verify exits 1 naming that case and event', async () => {
	const ev = (await fx.timeline(A.id)).find((e) => e.seq === 2);
	assert.ok(ev, 'case A has an event 2');
	const db = tampered(`UPDATE timeline_event SET description = 'nothing happened here' WHERE case_id = ${A.id} AND seq = 2`);
	const r = await verify(db);
	assert.equal(r.code, 1, r.out);
	assert.ok(names(r.out, A), `names case ${A.id}:\n${r.out}`);
	assert.match(r.out, new RegExp(`case ${A.id}\\D[^\\n]*\\bevent (2|${ev.id})\\b`), `names event 2 (id ${ev.id}) of case ${A.id}:\n${r.out}`);
	assert.ok(!names(r.out, B) && !names(r.out, C), `untouched cases are not named:\n${r.out}`);
});

test('a removed event: verify exits 1 naming that case', async () => {
	const db = tampered(`DELETE FROM timeline_event WHERE case_id = ${B.id} AND seq = 2`);
	const r = await verify(db);
	assert.equal(r.code, 1, r.out);
	assert.ok(names(r.out, B), `names case ${B.id}:\n${r.out}`);
	assert.match(r.out, new RegExp(`case ${B.id}\\D[^\\n]*\\bevent [23]\\b`), `names where the event is missing:\n${r.out}`);
	assert.ok(!names(r.out, C), `untouched case ${C.id} is not named:\n${r.out}`);
});

test('an inserted event: verify exits 1 naming that case', async () => {
	const db = tampered(`INSERT INTO timeline_event (case_id, seq, at, event_type, user_id, description, prev_hash, hash)
		SELECT case_id, seq + 1, at, 'note.added', user_id, 'forged', hash, hash FROM timeline_event WHERE case_id = ${C.id} AND seq = 2`);
	const r = await verify(db);
	assert.equal(r.code, 1, r.out);
	assert.ok(names(r.out, C), `names case ${C.id}:\n${r.out}`);
	assert.match(r.out, new RegExp(`case ${C.id}\\D[^\\n]*\\bevent 3\\b`), `names the forged event 3:\n${r.out}`);
});
