// helper.mjs - starts a real `caseload serve` on a random loopback port for one test file, and
// a small HTTP client for the JSON API (cookie sessions with CSRF headers, bearer tokens, raw
// requests for malformed input).
//
// The server binary is $CASELOAD_BIN (default build/caseload from the repository root). Each
// server gets a fresh temporary directory and database: SQLite DIR/t.db, or, when
// $CASELOAD_TEST_PG holds a libpq URL to a superuser database on a throwaway cluster, a fresh
// PostgreSQL database t_<random> that is dropped again on stop().
//
// The tests assert the contract in docs/api.md; they never work around a server bug.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.resolve(ROOT, process.env.CASELOAD_BIN || 'build/caseload');

export const DEMO = {
	admin: { login: 'admin', password: 'caseload-admin-1', role: 'admin' },
	paula: { login: 'paula', password: 'caseload-staff-1', role: 'staff' },
	avery: { login: 'avery', password: 'caseload-advisor-1', role: 'advisor' },
	clara: { login: 'clara', password: 'caseload-client-1', role: 'client' },
};

export const ALL_RIGHTS = [
	'admin', 'case_create', 'case_edit', 'case_edit_name_number',
	'status_report_mass_send', 'status_report_selective_send', 'client_invite',
];

/** The rights each role has by default (docs/api.md, "Rights"). */
export const ROLE_RIGHTS = {
	admin: [...ALL_RIGHTS],
	staff: ['case_create', 'case_edit', 'status_report_selective_send', 'client_invite'],
	advisor: [],
	client: [],
};

export const SECURITY_HEADERS = {
	'x-content-type-options': 'nosniff',
	'content-security-policy': "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
	'referrer-policy': 'no-referrer',
	'strict-transport-security': 'max-age=31536000; includeSubDomains',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin',
	'x-frame-options': 'DENY',
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A short random suffix for names that must be unique. */
export function uniq(prefix = 'x') {
	return `${prefix}${randomBytes(4).toString('hex')}`;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** run a program; resolves {code, signal, stdout, stderr}. */
function run(cmd, args, { input, env, timeout = 30000 } = {}) {
	return new Promise((resolve, reject) => {
		const p = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
		const out = [];
		const err = [];
		const timer = setTimeout(() => p.kill('SIGKILL'), timeout);
		p.stdout.on('data', (d) => out.push(d));
		p.stderr.on('data', (d) => err.push(d));
		p.on('error', (e) => { clearTimeout(timer); reject(e); });
		p.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
		});
		p.stdin.on('error', () => {});
		if (input !== undefined) p.stdin.end(input);
		else p.stdin.end();
	});
}

/** cli(args, {input}) runs the caseload binary with args; resolves {code, stdout, stderr}. */
export function cli(args, opts = {}) {
	return run(BIN, args, opts);
}

async function psql(url, sql) {
	const r = await run('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql]);
	if (r.code !== 0) throw new Error(`psql ${sql}: exit ${r.code}\n${r.stderr}`);
}

async function makeDatabase(dir) {
	const pg = process.env.CASELOAD_TEST_PG;
	if (!pg) return { db: path.join(dir, 't.db'), drop: async () => {} };
	const name = `t_${randomBytes(6).toString('hex')}`;
	await psql(pg, `CREATE DATABASE ${name}`);
	const u = new URL(pg);
	u.pathname = `/${name}`;
	return {
		db: u.toString(),
		drop: async () => { await psql(pg, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); },
	};
}

/**
 * startServer(opts) initialises a fresh database, loads the demo data (unless opts.demo ===
 * false) and starts `caseload serve` on 127.0.0.1:0.
 *   opts.args         extra serve arguments, e.g. ['--session-idle', '2']; without a
 *                     --mail-sink among them the server writes e-mail to DIR/mail (dir sink)
 *   opts.env          extra environment for the server process
 *   opts.loginIpLimit --login-ip-limit for this server (default 1000 so that a test file's own
 *                     logins do not trip the per-address limit; pass null to use the server's)
 * Resolves {url, port, dir, db, proc, logs, stderr(), cli(args, {input}), stop(), restart(),
 * exited}. After restart() url, port, proc and exited are those of the new process; logs and
 * stderr() go on collecting across processes.
 */
export async function startServer(opts = {}) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseload-test-'));
	let database;
	try {
		database = await makeDatabase(dir);
		const { db } = database;
		const init = await cli(['init', '--db', db]);
		if (init.code !== 0) throw new Error(`caseload init failed (exit ${init.code}):\n${init.stdout}${init.stderr}`);
		if (opts.demo !== false) {
			const demo = await cli(['demo', '--db', db]);
			if (demo.code !== 0) throw new Error(`caseload demo failed (exit ${demo.code}):\n${demo.stdout}${demo.stderr}`);
		}
	} catch (e) {
		if (database) await database.drop().catch(() => {});
		fs.rmSync(dir, { recursive: true, force: true });
		throw e;
	}
	const { db } = database;
	const logs = [];
	let stderrText = '';
	let stdoutText = '';
	let stopped = false;
	const running = (proc) => proc.exitCode === null && proc.signalCode === null;
	let current = { args: opts.args || [], env: opts.env || {} };

	/** serveArgs adds the defaults the tests rely on to a serve argument list. */
	const serveArgs = (args) => {
		const extra = [...args];
		const ipLimit = opts.loginIpLimit === undefined ? 1000 : opts.loginIpLimit;
		if (ipLimit !== null && !extra.includes('--login-ip-limit')) extra.push('--login-ip-limit', String(ipLimit));
		if (!extra.includes('--mail-sink')) extra.push('--mail-sink', 'dir', '--mail-dir', path.join(dir, 'mail'));
		return extra;
	};

	const cleanup = async () => {
		await database.drop().catch(() => {});
		fs.rmSync(dir, { recursive: true, force: true });
	};

	/** launch starts one server process and resolves {proc, exited, url, port} once it listens. */
	const launch = async ({ args, env }) => {
		const proc = spawn(BIN, ['serve', '--db', db, '--listen', '127.0.0.1:0', ...serveArgs(args)], {
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, ...env },
		});
		let partial = '';
		let onListening;
		const listening = new Promise((r) => { onListening = r; });
		proc.stdout.on('data', (d) => { stdoutText += d.toString('utf8'); });
		proc.stderr.on('data', (d) => {
			const text = d.toString('utf8');
			stderrText += text;
			partial += text;
			let i;
			while ((i = partial.indexOf('\n')) >= 0) {
				const line = partial.slice(0, i).trim();
				partial = partial.slice(i + 1);
				if (!line) continue;
				try {
					const j = JSON.parse(line);
					logs.push(j);
					if (j && j.event === 'listening') onListening(j);
				} catch { /* not JSON: kept in stderr() only */ }
			}
		});
		const exited = new Promise((resolve) => {
			proc.on('exit', (code, signal) => resolve({ code, signal }));
		});

		const fail = async (why) => {
			if (running(proc)) proc.kill('SIGKILL');
			await exited;
			await cleanup();
			throw new Error(`caseload serve ${why}; stderr:\n${stderrText}${stdoutText ? `\nstdout:\n${stdoutText}` : ''}`);
		};
		let timer;
		const first = await Promise.race([
			listening,
			exited.then((x) => ({ exitedEarly: x })),
			new Promise((r) => { timer = setTimeout(() => r({ timeout: true }), 15000); }),
		]);
		clearTimeout(timer);
		if (first.timeout) await fail('did not log {"event":"listening"} within 15 s');
		if (first.exitedEarly) await fail(`exited before listening (code ${first.exitedEarly.code}, signal ${first.exitedEarly.signal})`);
		const url = String(first.url).replace(/\/$/, '');
		return { proc, exited, url, port: Number(new URL(url).port) };
	};

	/** halt ends the current process (SIGKILL when kill, else SIGTERM) and resolves its exit, or
	 * null when it did not end within 10 s of SIGTERM (it is then killed). */
	const halt = async (kill) => {
		const { proc, exited } = server;
		if (running(proc)) proc.kill(kill ? 'SIGKILL' : 'SIGTERM');
		let t;
		const r = await Promise.race([exited, new Promise((res) => { t = setTimeout(() => res(null), 10000); })]);
		clearTimeout(t);
		if (!r) {
			proc.kill('SIGKILL');
			await exited;
		}
		return r;
	};

	const first = await launch(current);
	const server = {
		...first, dir, db, logs,
		stderr: () => stderrText,
		cli: (args, o) => cli(args, o),
		/** stop() sends SIGTERM, waits for the exit, asserts a clean exit 0 and removes the dir. */
		async stop() {
			if (stopped) return;
			stopped = true;
			const r = await halt(false);
			await cleanup();
			assert.ok(r, `server did not exit within 10 s of SIGTERM; stderr:\n${stderrText.slice(-4000)}`);
			assert.deepEqual(r, { code: 0, signal: null }, `server did not exit cleanly; stderr:\n${stderrText.slice(-4000)}`);
		},
		/**
		 * restart({args, env, kill}) ends the server (SIGKILL with kill, else SIGTERM and a wait;
		 * nothing when it has exited already, e.g. through a fault hook) and starts `caseload
		 * serve` again on the same database with args and env (each defaults to the previous
		 * start's). Resolves how the old process ended ({code, signal}).
		 */
		async restart({ args, env, kill = false } = {}) {
			assert.ok(!stopped, 'restart() after stop()');
			const r = await halt(kill);
			assert.ok(r, `server did not exit within 10 s of SIGTERM; stderr:\n${stderrText.slice(-4000)}`);
			current = { args: args || current.args, env: env || current.env };
			Object.assign(server, await launch(current));
			return r;
		},
	};
	return server;
}

/** Parses one Set-Cookie header into {name, value, attrs: {lowercased name: value|true}}. */
export function parseSetCookie(line) {
	const parts = line.split(';').map((s) => s.trim());
	const [nv, ...rest] = parts;
	const eq = nv.indexOf('=');
	const attrs = {};
	for (const a of rest) {
		if (!a) continue;
		const i = a.indexOf('=');
		if (i < 0) attrs[a.toLowerCase()] = true;
		else attrs[a.slice(0, i).trim().toLowerCase()] = a.slice(i + 1).trim();
	}
	return { name: nv.slice(0, eq), value: nv.slice(eq + 1), attrs, raw: line };
}

/** The __Host-sid Set-Cookie of a response, parsed, or null. */
export function sidCookie(res) {
	let sc = res.headers['set-cookie'] || [];
	if (!Array.isArray(sc)) sc = [sc];
	for (const line of sc) {
		const c = parseSetCookie(line);
		if (c.name === '__Host-sid') return c;
	}
	return null;
}

/**
 * api(server, method, path, {session, token, body, headers, rawBody, timeout}) sends one request
 * on its own connection and resolves {status, headers, json, text, buffer}.
 *   session  from login(): sends the cookie and, on unsafe methods, X-CSRF-Token, Origin and
 *            Sec-Fetch-Site: same-origin as a browser would
 *   token    sends Authorization: Bearer <token>
 *   body     sent as JSON (Content-Type: application/json)
 *   rawBody  sent as is (string or Buffer); give Content-Type in headers
 *   headers  added last; a header set to null is left out (to test missing CSRF headers)
 */
export function api(server, method, urlPath, o = {}) {
	const h = {};
	if (o.session) {
		h.Cookie = o.session.cookie;
		if (UNSAFE.has(method)) {
			if (o.session.csrf) h['X-CSRF-Token'] = o.session.csrf;
			h.Origin = server.url;
			h['Sec-Fetch-Site'] = 'same-origin';
		}
	}
	if (o.token) h.Authorization = `Bearer ${o.token}`;
	let payload = null;
	if (o.body !== undefined) {
		payload = Buffer.from(JSON.stringify(o.body), 'utf8');
		h['Content-Type'] = 'application/json';
	} else if (o.rawBody !== undefined) {
		payload = Buffer.isBuffer(o.rawBody) ? o.rawBody : Buffer.from(o.rawBody, 'utf8');
	}
	if (payload) h['Content-Length'] = String(payload.length);
	for (const [k, v] of Object.entries(o.headers || {})) {
		for (const old of Object.keys(h)) if (old.toLowerCase() === k.toLowerCase()) delete h[old];
		if (v !== null && v !== undefined) h[k] = v;
	}
	return new Promise((resolve, reject) => {
		let answered = false;
		const req = http.request({
			host: '127.0.0.1', port: server.port, method, path: urlPath, headers: h, agent: false,
			timeout: o.timeout || 20000,
		}, (res) => {
			answered = true;
			const chunks = [];
			res.on('data', (d) => chunks.push(d));
			res.on('error', reject);
			res.on('end', () => {
				const buffer = Buffer.concat(chunks);
				const text = buffer.toString('utf8');
				let json;
				const ct = String(res.headers['content-type'] || '');
				if (/json/i.test(ct) && text.length) {
					try { json = JSON.parse(text); } catch { json = undefined; }
				}
				resolve({ status: res.statusCode, headers: res.headers, json, text, buffer });
			});
		});
		req.on('timeout', () => req.destroy(new Error(`${method} ${urlPath}: no answer in time`)));
		// an early answer (413) may be followed by a reset while the body is still being sent
		req.on('error', (e) => { if (!answered) reject(e); });
		if (o.onSent) req.on('finish', o.onSent);
		req.end(payload || undefined);
	});
}

/**
 * login(server, login, password) logs in through POST /api/v1/session as the web UI does and
 * resolves the session {cookie ("__Host-sid=..."), sid, csrf, user, res}. Throws unless 200.
 */
export async function login(server, loginName, password, extra = {}) {
	const res = await api(server, 'POST', '/api/v1/session', {
		body: { login: loginName, password },
		headers: { Origin: server.url, 'Sec-Fetch-Site': 'same-origin', ...(extra.headers || {}) },
	});
	if (res.status !== 200) {
		throw new Error(`login ${loginName}: expected 200, got ${res.status} ${res.text}`);
	}
	const c = sidCookie(res);
	if (!c) throw new Error(`login ${loginName}: no __Host-sid cookie in ${JSON.stringify(res.headers['set-cookie'])}`);
	return { cookie: `__Host-sid=${c.value}`, sid: c.value, csrf: res.json.csrf_token, user: res.json.user, res };
}

/** loginDemo(server, 'paula') logs a demo user in. */
export function loginDemo(server, who) {
	return login(server, DEMO[who].login, DEMO[who].password);
}

/** Creates a user through the CLI (`caseload user add ... --password-stdin`). */
export async function addUserCli(server, { login: l, name, email, role, office, password }) {
	const args = ['user', 'add', '--db', server.db, '--login', l, '--name', name || l, '--role', role];
	if (email) args.push('--email', email);
	if (office) args.push('--office', String(office));
	args.push('--password-stdin');
	const r = await cli(args, { input: `${password}\n` });
	if (r.code !== 0) throw new Error(`caseload ${args.join(' ')}: exit ${r.code}\n${r.stdout}${r.stderr}`);
	return r;
}

/** Asserts that res is a problem+json answer with the given status and code (and field). */
export function assertProblem(res, status, code, field) {
	const where = `${res.status} ${res.text.slice(0, 500)}`;
	assert.equal(res.status, status, `status: ${where}`);
	assert.match(String(res.headers['content-type'] || ''), /^application\/problem\+json/i, `content-type: ${where}`);
	assert.ok(res.json && typeof res.json === 'object', `problem body is JSON: ${where}`);
	assert.equal(res.json.status, status, `problem.status: ${where}`);
	assert.equal(typeof res.json.title, 'string', `problem.title: ${where}`);
	assert.ok(res.json.title.length > 0, `problem.title not empty: ${where}`);
	assert.equal(typeof res.json.detail, 'string', `problem.detail: ${where}`);
	assert.equal(typeof res.json.type, 'string', `problem.type: ${where}`);
	if (code !== undefined) {
		assert.equal(res.json.code, code, `problem.code: ${where}`);
		assert.equal(res.json.type, `urn:caseload:problem:${code}`, `problem.type: ${where}`);
	}
	if (field !== undefined) assert.equal(res.json.field, field, `problem.field: ${where}`);
	return res.json;
}

/** Asserts a 2xx JSON answer and returns the parsed body. */
export function assertJson(res, status = 200) {
	assert.equal(res.status, status, `status: ${res.status} ${res.text.slice(0, 500)}`);
	assert.match(String(res.headers['content-type'] || ''), /^application\/json;\s*charset=utf-8$/i,
		`content-type of a JSON answer: ${res.headers['content-type']}`);
	assert.ok(res.json !== undefined, `JSON body: ${res.text.slice(0, 300)}`);
	return res.json;
}

/**
 * raw(server, text, {wait}) writes text (string or Buffer) on a fresh TCP connection and reads
 * one HTTP response; the body of the request need not be complete (for 413 tests). Resolves
 * {status, headers (lowercased), text, json, closed} or rejects after opts.timeout ms.
 */
export function raw(server, data, { timeout = 10000 } = {}) {
	return new Promise((resolve, reject) => {
		const sock = net.connect(server.port, '127.0.0.1');
		let buf = Buffer.alloc(0);
		let done = false;
		const finish = (err, v) => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			sock.destroy();
			if (err) reject(err); else resolve(v);
		};
		const timer = setTimeout(() => finish(new Error(`no complete response within ${timeout} ms; got: ${buf.toString('latin1').slice(0, 500)}`)), timeout);
		const tryParse = (closed) => {
			const end = buf.indexOf('\r\n\r\n');
			if (end < 0) {
				if (closed) finish(new Error(`connection closed without a response; got: ${buf.toString('latin1')}`));
				return;
			}
			const head = buf.subarray(0, end).toString('latin1').split('\r\n');
			const m = /^HTTP\/1\.[01] (\d{3})/.exec(head[0]);
			if (!m) return finish(new Error(`bad status line: ${head[0]}`));
			const headers = {};
			for (const line of head.slice(1)) {
				const i = line.indexOf(':');
				const k = line.slice(0, i).trim().toLowerCase();
				const v = line.slice(i + 1).trim();
				headers[k] = headers[k] === undefined ? v : `${headers[k]}, ${v}`;
			}
			let body = buf.subarray(end + 4);
			if (headers['content-length'] !== undefined) {
				const n = Number(headers['content-length']);
				if (body.length < n) { if (closed) finish(new Error('connection closed mid-body')); return; }
				body = body.subarray(0, n);
			} else if (/chunked/i.test(headers['transfer-encoding'] || '')) {
				const out = [];
				let p = 0;
				for (;;) {
					const le = body.indexOf('\r\n', p);
					if (le < 0) { if (closed) finish(new Error('closed mid-chunk')); return; }
					const size = parseInt(body.subarray(p, le).toString('latin1'), 16);
					if (size === 0) break;
					if (body.length < le + 2 + size + 2) { if (closed) finish(new Error('closed mid-chunk')); return; }
					out.push(body.subarray(le + 2, le + 2 + size));
					p = le + 2 + size + 2;
				}
				body = Buffer.concat(out);
			} else if (!closed && Number(m[1]) !== 204 && Number(m[1]) !== 304) {
				return;
			}
			const text = body.toString('utf8');
			let json;
			try { json = JSON.parse(text); } catch { json = undefined; }
			finish(null, { status: Number(m[1]), headers, text, json, closed });
		};
		sock.on('data', (d) => { buf = Buffer.concat([buf, d]); tryParse(false); });
		sock.on('end', () => tryParse(true));
		sock.on('close', () => tryParse(true));
		sock.on('error', (e) => {
			// a reset after the answer arrived is fine (the server refused the rest of the body)
			if (buf.length) tryParse(true); else finish(e);
		});
		sock.on('connect', () => sock.write(data));
	});
}

/**
 * head(server, method, path, {session, token, headers}) builds the text of a request head (for
 * raw()), with the session's cookie and CSRF headers on unsafe methods, ending in CRLF CRLF.
 */
export function head(server, method, urlPath, o = {}) {
	const h = { Host: `127.0.0.1:${server.port}` };
	if (o.session) {
		h.Cookie = o.session.cookie;
		if (UNSAFE.has(method)) {
			h['X-CSRF-Token'] = o.session.csrf;
			h.Origin = server.url;
			h['Sec-Fetch-Site'] = 'same-origin';
		}
	}
	if (o.token) h.Authorization = `Bearer ${o.token}`;
	Object.assign(h, o.headers || {});
	let text = `${method} ${urlPath} HTTP/1.1\r\n`;
	for (const [k, v] of Object.entries(h)) if (v !== null && v !== undefined) text += `${k}: ${v}\r\n`;
	return `${text}\r\n`;
}

/** Waits until pred(logs) is true (polls for up to ms); returns the matching value. */
export async function waitFor(pred, ms = 3000) {
	const t0 = Date.now();
	for (;;) {
		const v = pred();
		if (v) return v;
		if (Date.now() - t0 > ms) return v;
		await sleep(25);
	}
}
