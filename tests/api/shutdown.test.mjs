// shutdown.test.mjs - SIGTERM lets in-flight requests finish and the process exit 0.
import net from 'node:net';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, api, DEMO, sleep } from './helper.mjs';

test('SIGTERM during a login: the login still answers 200 and the server exits 0', async () => {
	const s = await startServer();
	try {
		// One keep-alive connection, already accepted and served once, so the login below is
		// certainly on a connection the server holds when the signal comes.
		const { port, hostname } = new URL(s.url);
		const sock = net.connect(port, hostname);
		let buffered = '';
		sock.setEncoding('latin1');
		sock.on('data', (d) => { buffered += d; });
		const closed = new Promise((r) => sock.on('close', r));
		await new Promise((r) => sock.on('connect', r));
		sock.write(`GET /api/v1/health HTTP/1.1\r\nHost: ${s.url.slice(7)}\r\n\r\n`);
		while (!/\r\n\r\n[\s\S]*\}/.test(buffered)) await sleep(5);
		buffered = '';
		const body = JSON.stringify({ login: DEMO.admin.login, password: DEMO.admin.password });
		sock.write(`POST /api/v1/session HTTP/1.1\r\nHost: ${s.url.slice(7)}\r\nOrigin: ${s.url}\r\n` +
			`Sec-Fetch-Site: same-origin\r\nContent-Type: application/json\r\n` +
			`Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
		await sleep(5); // the request is on the wire; argon2id takes ~65 ms
		s.proc.kill('SIGTERM');
		await closed;
		assert.match(buffered, /^HTTP\/1\.1 200 /, buffered.slice(0, 200));
		assert.match(buffered, /__Host-sid=/i, 'cookie set');
		assert.match(buffered, /"login":\s*"admin"/);
		let t;
		const ex = await Promise.race([s.exited, new Promise((r) => { t = setTimeout(() => r(null), 10000); })]);
		clearTimeout(t);
		assert.ok(ex, 'exited within 10 s of SIGTERM');
		assert.deepEqual(ex, { code: 0, signal: null });
		// after the exit nothing listens any more
		await assert.rejects(api(s, 'GET', '/api/v1/health', { timeout: 2000 }));
	} finally {
		await s.stop();
	}
});

test('SIGTERM on an idle server exits 0 promptly', async () => {
	const s = await startServer();
	assert.equal((await api(s, 'GET', '/api/v1/health')).status, 200);
	const t0 = Date.now();
	await s.stop(); // asserts exit code 0
	assert.ok(Date.now() - t0 < 10000);
});

test('SIGINT also shuts down cleanly', async () => {
	const s = await startServer();
	try {
		s.proc.kill('SIGINT');
		let t;
		const ex = await Promise.race([s.exited, new Promise((r) => { t = setTimeout(() => r(null), 10000); })]);
		clearTimeout(t);
		assert.deepEqual(ex, { code: 0, signal: null });
	} finally {
		await s.stop();
	}
});

test('an idle keep-alive connection does not hold up SIGTERM', async () => {
	const s = await startServer();
	const net = await import('node:net');
	const sock = net.connect(s.port, '127.0.0.1');
	await new Promise((r) => sock.on('connect', r));
	sock.write(`GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n\r\n`);
	await new Promise((r) => sock.once('data', r));
	sock.on('error', () => {});
	const t0 = Date.now();
	try {
		await s.stop(); // asserts exit 0 within 10 s
		assert.ok(Date.now() - t0 < 5000, `shutdown took ${Date.now() - t0} ms with an idle keep-alive connection`);
	} finally {
		sock.destroy();
	}
});
