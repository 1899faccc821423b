// basics.test.mjs - health, login required everywhere else, security headers, unknown routes,
// wrong methods and the per-request log line (docs/api.md: Authentication, Errors, Response
// headers; design.md: Logs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, api, loginDemo, assertProblem, assertJson, SECURITY_HEADERS, waitFor,
} from './helper.mjs';

// Every route of docs/api.md that needs a login, with concrete ids.
const PROTECTED = [
	['DELETE', '/api/v1/session'],
	['GET', '/api/v1/me'],
	['PUT', '/api/v1/me/password'],
	['POST', '/api/v1/tokens'],
	['GET', '/api/v1/tokens'],
	['DELETE', '/api/v1/tokens/1'],
	['GET', '/api/v1/rights'],
	['GET', '/api/v1/users'],
	['POST', '/api/v1/users'],
	['GET', '/api/v1/users/1'],
	['PATCH', '/api/v1/users/1'],
	['PUT', '/api/v1/users/1/password'],
	['PUT', '/api/v1/users/1/rights/case_create'],
	['DELETE', '/api/v1/users/1/rights/case_create'],
	['GET', '/api/v1/offices'],
	['POST', '/api/v1/offices'],
	['GET', '/api/v1/offices/1'],
	['PATCH', '/api/v1/offices/1'],
	['DELETE', '/api/v1/offices/1'],
	['PUT', '/api/v1/offices/1/logo'],
	['GET', '/api/v1/offices/1/logo'],
];

let s;
let admin;
before(async () => {
	s = await startServer();
	admin = await loginDemo(s, 'admin');
});
after(async () => { await s?.stop(); });

function assertSecurityHeaders(res, what) {
	for (const [k, v] of Object.entries(SECURITY_HEADERS)) {
		assert.equal(res.headers[k], v, `${what}: header ${k}`);
	}
	assert.equal(res.headers.server, undefined, `${what}: no Server header`);
}

test('GET /api/v1/health answers without a login', async () => {
	const res = await api(s, 'GET', '/api/v1/health');
	assert.deepEqual(assertJson(res), { status: 'ok' });
	assert.equal(res.headers['cache-control'], 'no-store');
	assertSecurityHeaders(res, 'health');
});

test('every other /api/v1 route answers 401 problem+json without a login', async () => {
	for (const [method, p] of PROTECTED) {
		const o = ['POST', 'PUT', 'PATCH'].includes(method) ? { body: {} } : {};
		const res = await api(s, method, p, o);
		const pr = assertProblem(res, 401, 'unauthorized');
		assert.ok(pr.detail.length > 0, `${method} ${p}: detail`);
		assertSecurityHeaders(res, `${method} ${p}`);
		assert.equal(res.headers['cache-control'], 'no-store', `${method} ${p}: Cache-Control`);
	}
});

test('a garbage cookie or bearer token is 401, not an error', async () => {
	assertProblem(await api(s, 'GET', '/api/v1/me', { headers: { Cookie: '__Host-sid=AAAA' } }), 401, 'unauthorized');
	assertProblem(await api(s, 'GET', '/api/v1/me', { headers: { Cookie: '__Host-sid=' } }), 401, 'unauthorized');
	assertProblem(await api(s, 'GET', '/api/v1/me', { token: 'nope' }), 401, 'unauthorized');
	assertProblem(await api(s, 'GET', '/api/v1/me', { headers: { Authorization: 'Bearer' } }), 401, 'unauthorized');
	assertProblem(await api(s, 'GET', '/api/v1/me', { headers: { Authorization: 'Basic YWRtaW46eA==' } }), 401, 'unauthorized');
});

test('security headers and no Server header on every kind of answer', async () => {
	const answers = {
		'health': await api(s, 'GET', '/api/v1/health'),
		'401': await api(s, 'GET', '/api/v1/me'),
		'logged-in GET': await api(s, 'GET', '/api/v1/me', { session: admin }),
		'404': await api(s, 'GET', '/api/v1/nosuch', { session: admin }),
		'405': await api(s, 'POST', '/api/v1/health', { body: {} }),
		'400': await api(s, 'POST', '/api/v1/offices', { session: admin, rawBody: '{', headers: { 'Content-Type': 'application/json' } }),
		'201': await api(s, 'POST', '/api/v1/tokens', { session: admin, body: { name: 'hdr' } }),
	};
	for (const [what, res] of Object.entries(answers)) {
		assertSecurityHeaders(res, what);
		assert.equal(res.headers['cache-control'], 'no-store', `${what}: Cache-Control: no-store`);
		assert.match(String(res.headers['content-type']), /;\s*charset=utf-8/i, `${what}: charset`);
	}
	// 204 answers carry them too
	const tok = answers['201'].json;
	const del = await api(s, 'DELETE', `/api/v1/tokens/${tok.id}`, { session: admin });
	assert.equal(del.status, 204);
	assertSecurityHeaders(del, '204');
	assert.equal(del.text, '', '204 has no body');
});

test('the web UI at / carries the security headers too', async () => {
	const res = await api(s, 'GET', '/');
	assert.equal(res.status, 200);
	assert.match(String(res.headers['content-type']), /^text\/html;\s*charset=utf-8$/i);
	for (const [k, v] of Object.entries(SECURITY_HEADERS)) {
		if (k === 'content-security-policy') continue;
		assert.equal(res.headers[k], v, `/: header ${k}`);
	}
	const csp = String(res.headers['content-security-policy'] || '');
	for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
		assert.ok(csp.includes(d), `/: CSP has ${d}: ${csp}`);
	}
	assert.match(csp, /script-src 'self'/);
	assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), `no unsafe-* in CSP: ${csp}`);
	assert.equal(res.headers.server, undefined);
	assert.equal(res.headers['access-control-allow-origin'], undefined, 'no CORS');
});

test('an unknown route is a 404 problem', async () => {
	const res = await api(s, 'GET', '/api/v1/nosuch', { session: admin });
	assertProblem(res, 404, 'not_found');
	assertProblem(await api(s, 'GET', '/api/v1/users/1/nosuch', { session: admin }), 404, 'not_found');
	assertProblem(await api(s, 'GET', '/api/v2/health'), 404, 'not_found');
	// without a login an unknown route is not found or unauthorized, never anything else
	const anon = await api(s, 'GET', '/api/v1/nosuch');
	assert.ok([401, 404].includes(anon.status), `anonymous unknown route: ${anon.status}`);
	assertProblem(anon, anon.status);
});

test('a record id that is not a number is 404 (or 400), never 500', async () => {
	for (const p of ['/api/v1/users/abc', '/api/v1/users/-1', '/api/v1/users/0', '/api/v1/users/1.5',
		'/api/v1/users/99999999999999999999999', '/api/v1/offices/%00', '/api/v1/users/%2e%2e']) {
		const res = await api(s, 'GET', p, { session: admin });
		assert.ok([400, 404].includes(res.status), `${p}: ${res.status} ${res.text}`);
		assertProblem(res, res.status);
	}
});

test('a known path with a wrong method is 405 with Allow', async () => {
	const cases = [
		['POST', '/api/v1/health', ['GET']],
		['PATCH', '/api/v1/me', ['GET']],
		['POST', '/api/v1/users/1', ['GET', 'PATCH']],
		['GET', '/api/v1/session', ['POST', 'DELETE']],
		['GET', '/api/v1/users/1/rights/admin', ['PUT', 'DELETE']],
	];
	for (const [method, p, allow] of cases) {
		const o = ['POST', 'PUT', 'PATCH'].includes(method) ? { body: {} } : {};
		const res = await api(s, method, p, { session: admin, ...o });
		assertProblem(res, 405, 'method_not_allowed');
		const got = String(res.headers.allow || '').split(',').map((x) => x.trim()).filter(Boolean);
		for (const m of allow) assert.ok(got.includes(m), `${method} ${p}: Allow ${res.headers.allow} lists ${m}`);
		assert.ok(!got.includes(method), `${method} ${p}: Allow ${res.headers.allow} must not list ${method}`);
	}
});

test('each request logs one JSON line with method, path, status, us and user', async () => {
	const me = await api(s, 'GET', '/api/v1/me?x=1', { session: admin });
	assert.equal(me.status, 200);
	const line = await waitFor(() => s.logs.find((l) => l.method === 'GET' && l.path && l.path.startsWith('/api/v1/me') && l.status === 200));
	assert.ok(line, `log line for GET /api/v1/me; logs: ${JSON.stringify(s.logs.slice(-5))}`);
	assert.equal(typeof line.us, 'number');
	assert.ok(Number.isInteger(line.us) && line.us >= 0, `us: ${line.us}`);
	assert.equal(line.user, admin.user.id);

	await api(s, 'GET', '/api/v1/no-such-route-for-log');
	const anon = await waitFor(() => s.logs.find((l) => l.path === '/api/v1/no-such-route-for-log'));
	assert.ok(anon, 'log line for an anonymous request');
	assert.equal(anon.method, 'GET');
	assert.ok([401, 404].includes(anon.status));
	assert.equal(anon.user, null);
	assert.equal(typeof anon.us, 'number');
});

test('logs never contain passwords, cookies or CSRF tokens', async () => {
	await api(s, 'POST', '/api/v1/session', { body: { login: 'admin', password: 'wrong-password-xyz-1' } });
	await waitFor(() => s.logs.find((l) => l.path === '/api/v1/session' && l.status === 401));
	const all = s.stderr();
	assert.ok(!all.includes('wrong-password-xyz-1'), 'password in logs');
	assert.ok(!all.includes('caseload-admin-1'), 'demo password in logs');
	assert.ok(!all.includes(admin.sid), 'session cookie in logs');
	assert.ok(!all.includes(admin.csrf), 'csrf token in logs');
});
