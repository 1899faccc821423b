// outbox.test.mjs - the e-mail outbox for the operator (docs/api.md "The outbox") and the
// server's worker that drains it through a real SMTP server (tests/api/smtp.mjs).
//
// Status report sends are what queue e-mail; they are tested in the reports tests. Here the
// rows are written straight into mail_outbox (sqlite3 or psql on the test's own database), as
// a send would queue them, so that the worker, the states and the resolve endpoint can be
// checked on their own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer, api, cli, loginDemo, assertProblem, assertJson, uniq, waitFor } from './helper.mjs';
import { startSmtp, smtpArgs } from './smtp.mjs';

let s;
let smtp;
let admin;
let paula;
const PG = Boolean(process.env.CASELOAD_TEST_PG);

before(async () => {
	smtp = await startSmtp({ reject: ['rejected@x.test'] });
	s = await startServer({ args: smtpArgs(smtp) });
	admin = await loginDemo(s, 'admin');
	paula = await loginDemo(s, 'paula');
});
after(async () => {
	await s?.stop();
	await smtp?.stop();
});

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** sql runs statements on the server's database behind its back (test fixture only). */
function sql(text) {
	const r = PG
		? spawnSync('psql', [s.db, '-v', 'ON_ERROR_STOP=1', '-q', '-c', text], { encoding: 'utf8' })
		: spawnSync('sqlite3', ['-cmd', '.timeout 5000', s.db, text], { encoding: 'utf8' });
	assert.equal(r.status, 0, `${text}\n${r.stderr}`);
}

/**
 * putMail writes one outbox row as a status report send would queue it (state pending), or as
 * a crash leaves it (state sending, claimed by a dead worker whose lease ran out). Returns the
 * run id, recipient id and Message-ID.
 */
function putMail(to, { state = 'pending', run = uniq('test-run/') } = {}) {
	const rcpt = uniq('r');
	const messageId = `<${run.replace('/', '.')}.${rcpt}@firm.test>`;
	const subject = `Outbox ${rcpt}`;
	const message = [
		'From: caseload@firm.test', `To: ${to}`, `Subject: ${subject}`, `Message-ID: ${messageId}`,
		'Date: Mon, 23 Nov 2026 08:00:00 +0000', 'MIME-Version: 1.0',
		'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 7bit', '',
		'Dear advisor,', '.a line that starts with a dot', 'Regards', '',
	].join('\r\n');
	const hex = Buffer.from(message, 'utf8').toString('hex');
	const body = PG ? `'\\x${hex}'::bytea` : `X'${hex}'`;
	const now = Math.floor(Date.now() / 1000);
	const claim = state === 'sending' ? `'dead:1:0', 1` : `'', 0`;
	sql(`INSERT INTO mail_outbox (run_id, recipient_id, message_id, mail_from, rcpt_to, subject,
		message, state, attempts, next_attempt_at, claimed_by, claimed_until, created_at, updated_at)
		VALUES ('${run}', '${rcpt}', '${messageId}', 'caseload@firm.test', '${to}', '${subject}',
		${body}, '${state}', 0, 0, ${claim}, ${now}, ${now})`);
	return { run, rcpt, messageId, subject };
}

async function listRun(run, extra = '') {
	const res = await api(s, 'GET', `/api/v1/outbox?run=${encodeURIComponent(run)}${extra}`, { session: admin });
	return assertJson(res).items;
}

/** Waits until the row of (run, rcpt) is in state; returns it. */
async function rowIn(run, rcpt, state, ms = 10000) {
	let row;
	const t0 = Date.now();
	while (Date.now() - t0 < ms) {
		row = (await listRun(run)).find((x) => x.recipient_id === rcpt);
		if (row && row.state === state) return row;
		await new Promise((r) => setTimeout(r, 100));
	}
	assert.fail(`outbox row ${run}/${rcpt} did not become ${state}: ${JSON.stringify(row)}`);
}

const toCount = (to) => smtp.messages().filter((m) => m.rcpt_tos.includes(to)).length;

test('the outbox is for administrators', async () => {
	assertProblem(await api(s, 'GET', '/api/v1/outbox'), 401);
	assertProblem(await api(s, 'GET', '/api/v1/outbox', { session: paula }), 403, 'forbidden');
	const body = assertJson(await api(s, 'GET', '/api/v1/outbox', { session: admin }));
	assert.ok(Array.isArray(body.items));
	assert.ok('next_cursor' in body);
	assertProblem(await api(s, 'POST', '/api/v1/outbox/1/resolve', { session: paula, body: { as: 'sent' } }), 403, 'forbidden');
});

test('bad query parameters are 400 naming the parameter', async () => {
	assertProblem(await api(s, 'GET', '/api/v1/outbox?state=lost', { session: admin }), 400, 'invalid', 'query.state');
	assertProblem(await api(s, 'GET', '/api/v1/outbox?limit=0', { session: admin }), 400, 'invalid', 'query.limit');
	assertProblem(await api(s, 'GET', '/api/v1/outbox?cursor=%21%21', { session: admin }), 400, 'invalid', 'query.cursor');
	assertProblem(await api(s, 'GET', `/api/v1/outbox?run=${'r'.repeat(65)}`, { session: admin }), 400, 'invalid', 'query.run');
	for (const state of ['pending', 'sending', 'sent', 'failed', 'in_doubt']) {
		assertJson(await api(s, 'GET', `/api/v1/outbox?state=${state}`, { session: admin }));
	}
});

test('the worker sends due mail through SMTP, one recipient each; a 550 fails it with the reason', async () => {
	const run = uniq('test-smtp/');
	const good = putMail('good@x.test', { run });
	const bad = putMail('rejected@x.test', { run });
	const sent = await rowIn(run, good.rcpt, 'sent');
	assert.equal(sent.message_id, good.messageId);
	assert.equal(sent.to, 'good@x.test');
	assert.equal(sent.subject, good.subject);
	assert.equal(sent.run_id, run);
	assert.equal(typeof sent.id, 'number');
	assert.match(sent.created_at, ISO);
	assert.match(sent.sent_at, ISO);
	assert.equal(sent.last_error, '');
	const got = smtp.messages().filter((m) => m.message_id === good.messageId);
	assert.equal(got.length, 1, 'delivered once');
	assert.deepEqual(got[0].rcpt_tos, ['good@x.test']);
	assert.equal(got[0].mail_from, 'caseload@firm.test');
	assert.equal(got[0].subject, good.subject);
	assert.equal(got[0].text, 'Dear advisor,\n.a line that starts with a dot\nRegards\n');

	const failed = await rowIn(run, bad.rcpt, 'failed');
	assert.match(failed.last_error, /550/);
	assert.equal(failed.sent_at, null);
	assert.equal(toCount('rejected@x.test'), 0);
	assert.ok(!('message' in failed), 'no body in the list');

	const onlyFailed = await listRun(run, '&state=failed');
	assert.deepEqual(onlyFailed.map((x) => x.recipient_id), [bad.rcpt]);
});

test('the list pages by id with a cursor', async () => {
	const run = uniq('test-page/');
	const rows = [putMail('rejected@x.test', { run }), putMail('rejected@x.test', { run }), putMail('rejected@x.test', { run })];
	for (const r of rows) await rowIn(run, r.rcpt, 'failed');
	const first = assertJson(await api(s, 'GET', `/api/v1/outbox?run=${encodeURIComponent(run)}&limit=2`, { session: admin }));
	assert.equal(first.items.length, 2);
	assert.equal(typeof first.next_cursor, 'string');
	const second = assertJson(await api(s, 'GET', `/api/v1/outbox?run=${encodeURIComponent(run)}&limit=2&cursor=${first.next_cursor}`, { session: admin }));
	assert.equal(second.items.length, 1);
	assert.equal(second.next_cursor, null);
	const ids = [...first.items, ...second.items].map((x) => x.id);
	assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'oldest first');
	assert.deepEqual([...first.items, ...second.items].map((x) => x.recipient_id), rows.map((r) => r.rcpt));
});

test('resolve answers 404 for a row that is not in doubt, 422 on "as", 400 on its type', async () => {
	const run = uniq('test-bad/');
	const bad = putMail('rejected@x.test', { run });
	const row = await rowIn(run, bad.rcpt, 'failed');
	const url = `/api/v1/outbox/${row.id}/resolve`;
	assertProblem(await api(s, 'POST', url, { session: admin, body: { as: 'sent' } }), 404, 'not_found');
	assertProblem(await api(s, 'POST', url, { session: admin, body: { as: 'resend' } }), 404, 'not_found');
	assertProblem(await api(s, 'POST', '/api/v1/outbox/999999999/resolve', { session: admin, body: { as: 'sent' } }), 404, 'not_found');
	assertProblem(await api(s, 'POST', url, { session: admin, body: { as: 'maybe' } }), 422, 'unprocessable', 'as');
	assertProblem(await api(s, 'POST', url, { session: admin, body: {} }), 422, 'unprocessable', 'as');
	assertProblem(await api(s, 'POST', url, { session: admin, body: { as: 1 } }), 400, 'invalid', 'as');
	assertProblem(await api(s, 'POST', url, { session: admin, body: { as: 'sent', extra: 1 } }), 400, 'invalid', 'extra');
	assert.equal((await rowIn(run, bad.rcpt, 'failed')).state, 'failed', 'unchanged');
});

test('a row caught in sending becomes in doubt, is not sent by itself, and is resolved', async () => {
	const run = uniq('test-doubt/');
	const again = putMail('again@x.test', { run, state: 'sending' });
	const went = putMail('went@x.test', { run, state: 'sending' });
	const a = await rowIn(run, again.rcpt, 'in_doubt');
	const w = await rowIn(run, went.rcpt, 'in_doubt');
	const listed = (await listRun(run, '&state=in_doubt')).map((x) => x.recipient_id);
	assert.deepEqual(listed, [again.rcpt, went.rcpt]);
	assert.equal(toCount('again@x.test'), 0, 'never sent by itself');

	const r1 = assertJson(await api(s, 'POST', `/api/v1/outbox/${w.id}/resolve`, { session: admin, body: { as: 'sent' } }));
	assert.equal(r1.id, w.id);
	assert.equal(r1.state, 'sent');
	const r2 = assertJson(await api(s, 'POST', `/api/v1/outbox/${a.id}/resolve`, { session: admin, body: { as: 'resend' } }));
	assert.equal(r2.state, 'pending');
	await rowIn(run, again.rcpt, 'sent');
	const got = await smtp.waitForCount(1);
	assert.equal(got.filter((m) => m.message_id === again.messageId).length, 1, 'resent once');
	assert.equal(toCount('went@x.test'), 0, 'resolved as sent: nothing sent');
	assertProblem(await api(s, 'POST', `/api/v1/outbox/${a.id}/resolve`, { session: admin, body: { as: 'resend' } }), 404, 'not_found');
});

test('serve refuses plain SMTP to a host that is not loopback, and smtp without a URL', async () => {
	let r = await cli(['serve', '--mail-sink', 'smtp', '--smtp-url', 'smtp://mail.example.com:25', '--smtp-insecure']);
	assert.equal(r.code, 2, r.stderr);
	assert.match(r.stderr, /--smtp-insecure/);
	r = await cli(['serve', '--mail-sink', 'smtp']);
	assert.equal(r.code, 2, r.stderr);
	assert.match(r.stderr, /--smtp-url/);
	r = await cli(['serve', '--mail-sink', 'pigeon']);
	assert.equal(r.code, 2, r.stderr);
	assert.match(r.stderr, /--mail-sink/);
	r = await cli(['serve', '--mail-from', 'not an address']);
	assert.equal(r.code, 2, r.stderr);
	assert.match(r.stderr, /--mail-from/);
	r = await cli(['serve', '--smtp-url', 'http://127.0.0.1:25']);
	assert.equal(r.code, 2, r.stderr);
	assert.match(r.stderr, /--smtp-url/);
	r = await cli(['serve', '--help']);
	assert.equal(r.code, 0);
	for (const o of ['--mail-sink', '--mail-dir', '--smtp-url', '--smtp-user', '--smtp-password-file',
		'--smtp-insecure', '--mail-from', '--mail-domain', '--smtp-timeout', '--worker-interval-ms']) {
		assert.ok(r.stdout.includes(o), `--help names ${o}`);
	}
});

test('a crash right after the SMTP server took a message leaves the row in doubt, not resent', async () => {
	const ended = await s.restart({ env: { CASELOAD_FAULT_EXIT_AFTER_SMTP: '1' } });
	assert.deepEqual(ended, { code: 0, signal: null }, 'the first server stopped cleanly');
	const run = uniq('test-crash/');
	const m = putMail('crash@x.test', { run });
	const exit = await s.exited;
	assert.deepEqual(exit, { code: 86, signal: null }, `the fault hook ended the server:\n${s.stderr().slice(-2000)}`);
	assert.equal(toCount('crash@x.test'), 1, 'the SMTP server has it');
	await s.restart({ env: {} });
	await waitFor(() => s.logs.some((l) => l.event === 'listening'));
	if (PG) {
		// PostgreSQL: the dead server's claim holds until its lease (timeout + 30 s) runs out
		const row = (await listRun(run)).find((x) => x.recipient_id === m.rcpt);
		assert.equal(row.state, 'sending');
		return;
	}
	// SQLite: the new server found the row in sending at start
	const row = await rowIn(run, m.rcpt, 'in_doubt');
	assert.ok(s.logs.some((l) => l.event === 'mail_in_doubt' && l.count >= 1));
	// the worker has been round since: a later message went, the one in doubt did not
	const later = putMail('later@x.test', { run });
	await rowIn(run, later.rcpt, 'sent');
	assert.equal(toCount('crash@x.test'), 1, 'not sent again by itself');
	assert.equal((await rowIn(run, m.rcpt, 'in_doubt')).state, 'in_doubt');
	const done = assertJson(await api(s, 'POST', `/api/v1/outbox/${row.id}/resolve`, { session: admin, body: { as: 'sent' } }));
	assert.equal(done.state, 'sent');
});
