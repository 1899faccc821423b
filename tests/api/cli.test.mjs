// cli.test.mjs - the caseload command line: help, unknown commands and options, init, user
// management and demo data (design.md: one binary with subcommands).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, cli, login, api, assertProblem, uniq, DEMO } from './helper.mjs';

let s;
before(async () => { s = await startServer(); });
after(async () => { await s?.stop(); });

test('caseload --help exits 0 and lists the subcommands', async () => {
	const r = await cli(['--help']);
	assert.equal(r.code, 0, r.stderr);
	const text = r.stdout + r.stderr;
	for (const sub of ['serve', 'init', 'demo', 'user', 'routes']) {
		assert.match(text, new RegExp(`\\b${sub}\\b`), `--help lists ${sub}:\n${text}`);
	}
	assert.ok(r.stdout.length > 0, '--help writes to stdout');
});

test('an unknown subcommand exits 2 with a message', async () => {
	const r = await cli(['nosuch']);
	assert.equal(r.code, 2);
	assert.match(r.stderr, /nosuch/, `stderr names the command: ${r.stderr}`);
	const none = await cli([]);
	assert.equal(none.code, 2, 'no subcommand is a usage error');
	assert.ok(none.stderr.length > 0);
});

test('an unknown option exits 2 with a message', async () => {
	const r = await cli(['serve', '--nosuch']);
	assert.equal(r.code, 2);
	assert.match(r.stderr, /nosuch|unknown option|unrecognized option/i, `stderr says what is wrong: ${r.stderr}`);
	const r2 = await cli(['init', '--db']);
	assert.equal(r2.code, 2, `init --db without a value: ${r2.code} ${r2.stderr}`);
	const r3 = await cli(['user', 'nosuch', '--db', s.db]);
	assert.equal(r3.code, 2, `user nosuch: ${r3.code} ${r3.stderr}`);
});

test('init twice is harmless: the second says the schema is up to date', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseload-cli-'));
	try {
		if (process.env.CASELOAD_TEST_PG) {
			// with PostgreSQL the server's database was initialised already once
			const r = await cli(['init', '--db', s.db]);
			assert.equal(r.code, 0, r.stderr);
			assert.match(r.stdout + r.stderr, /up to date/i);
			return;
		}
		const db = path.join(dir, 'x.db');
		const r1 = await cli(['init', '--db', db]);
		assert.equal(r1.code, 0, r1.stderr);
		assert.ok(fs.existsSync(db));
		const r2 = await cli(['init', '--db', db]);
		assert.equal(r2.code, 0, r2.stderr);
		assert.match(r2.stdout + r2.stderr, /up to date/i, `second init: ${r2.stdout}${r2.stderr}`);
		const r3 = await cli(['init', '--db', s.db]);
		assert.equal(r3.code, 0, r3.stderr);
		assert.match(r3.stdout + r3.stderr, /up to date/i);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});

test('user add, then user list shows it; the user can log in', async () => {
	const l = uniq('cli');
	const add = await cli(['user', 'add', '--db', s.db, '--login', l, '--name', 'Cli User', '--email', 'cli@example.com', '--role', 'staff', '--password-stdin'],
		{ input: 'cli-user-passphrase-1\n' });
	assert.equal(add.code, 0, add.stderr);
	const list = await cli(['user', 'list', '--db', s.db]);
	assert.equal(list.code, 0, list.stderr);
	assert.ok(list.stdout.includes(l), `user list shows ${l}:\n${list.stdout}`);
	for (const d of Object.keys(DEMO)) assert.ok(list.stdout.includes(d), `user list shows ${d}`);
	const sess = await login(s, l, 'cli-user-passphrase-1');
	assert.equal(sess.user.name, 'Cli User');
	assert.equal(sess.user.role, 'staff');
	assert.equal(sess.user.email, 'cli@example.com');
});

test('user add refuses bad input with a non-zero exit', async () => {
	const short = await cli(['user', 'add', '--db', s.db, '--login', uniq('c'), '--name', 'X', '--role', 'staff', '--password-stdin'], { input: 'short\n' });
	assert.notEqual(short.code, 0);
	assert.match(short.stderr, /password/i);
	const role = await cli(['user', 'add', '--db', s.db, '--login', uniq('c'), '--name', 'X', '--role', 'king', '--password-stdin'], { input: 'long-enough-passphrase-1\n' });
	assert.notEqual(role.code, 0);
	assert.match(role.stderr, /role/i);
	const dup = await cli(['user', 'add', '--db', s.db, '--login', 'ADMIN', '--name', 'X', '--role', 'staff', '--password-stdin'], { input: 'long-enough-passphrase-1\n' });
	assert.notEqual(dup.code, 0, 'a taken login is refused');
});

test('user passwd --password-stdin changes the password', async () => {
	const l = uniq('pw');
	const add = await cli(['user', 'add', '--db', s.db, '--login', l, '--name', 'Pw', '--role', 'advisor', '--password-stdin'], { input: 'first-passphrase-long-1\n' });
	assert.equal(add.code, 0, add.stderr);
	const old = await login(s, l, 'first-passphrase-long-1');
	const r = await cli(['user', 'passwd', '--db', s.db, '--login', l, '--password-stdin'], { input: 'second-passphrase-long-2\n' });
	assert.equal(r.code, 0, r.stderr);
	await login(s, l, 'second-passphrase-long-2');
	assertProblem(await api(s, 'POST', '/api/v1/session', { body: { login: l, password: 'first-passphrase-long-1' } }), 401, 'unauthorized');
	assertProblem(await api(s, 'GET', '/api/v1/me', { session: old }), 401, 'unauthorized');
	const nobody = await cli(['user', 'passwd', '--db', s.db, '--login', uniq('nobody'), '--password-stdin'], { input: 'second-passphrase-long-2\n' });
	assert.notEqual(nobody.code, 0, 'passwd of an unknown login fails');
});

test('demo twice is idempotent: same users, no error', async () => {
	const before = await cli(['user', 'list', '--db', s.db]);
	assert.equal(before.code, 0);
	const r = await cli(['demo', '--db', s.db]);
	assert.equal(r.code, 0, r.stderr);
	const after = await cli(['user', 'list', '--db', s.db]);
	assert.equal(after.stdout, before.stdout);
	await login(s, DEMO.admin.login, DEMO.admin.password);
});

test('routes prints the route table as JSON', async () => {
	const r = await cli(['routes']);
	assert.equal(r.code, 0, r.stderr);
	const routes = JSON.parse(r.stdout);
	assert.ok(Array.isArray(routes) && routes.length > 10);
	for (const x of routes) {
		assert.equal(typeof x.method, 'string');
		assert.equal(typeof x.pattern, 'string');
		assert.ok(typeof x.auth === 'boolean' || typeof x.auth === 'string', `auth of ${x.pattern}`);
		assert.equal(typeof x.csrf, 'boolean');
	}
	const health = routes.find((x) => x.method === 'GET' && x.pattern === '/api/v1/health');
	assert.ok(health && (health.auth === false || health.auth === 'public'));
});
