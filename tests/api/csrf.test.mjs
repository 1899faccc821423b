// csrf.test.mjs - unsafe methods under a cookie session need X-CSRF-Token, a same-origin Origin
// and Sec-Fetch-Site same-origin|none; bearer tokens need none of them (docs/api.md:
// Authentication).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, api, loginDemo, assertProblem, assertJson, DEMO, sidCookie } from './helper.mjs';

let s;
let admin;
let bearer;
before(async () => {
	s = await startServer();
	admin = await loginDemo(s, 'admin');
	const t = await api(s, 'POST', '/api/v1/tokens', { session: admin, body: { name: 'csrf-test' } });
	bearer = assertJson(t, 201).token;
});
after(async () => { await s?.stop(); });

const post = (headers) => api(s, 'POST', '/api/v1/tokens', { session: admin, body: { name: 'x' }, headers });

test('with all three CSRF headers a cookie POST works', async () => {
	assertJson(await post({}), 201);
});

test('cookie POST without X-CSRF-Token is 403 csrf', async () => {
	assertProblem(await post({ 'X-CSRF-Token': null }), 403, 'csrf');
});

test('cookie POST with a wrong X-CSRF-Token is 403 csrf', async () => {
	assertProblem(await post({ 'X-CSRF-Token': 'A'.repeat(admin.csrf.length) }), 403, 'csrf');
	assertProblem(await post({ 'X-CSRF-Token': '' }), 403, 'csrf');
	assertProblem(await post({ 'X-CSRF-Token': admin.csrf.slice(0, -1) }), 403, 'csrf');
	assertProblem(await post({ 'X-CSRF-Token': `${admin.csrf}x` }), 403, 'csrf');
});

test("another session's CSRF token does not fit this session", async () => {
	const p = await loginDemo(s, 'paula');
	assertProblem(await post({ 'X-CSRF-Token': p.csrf }), 403, 'csrf');
});

test('cookie POST with a wrong or missing Origin is 403 csrf', async () => {
	assertProblem(await post({ Origin: 'http://evil.example' }), 403, 'csrf');
	assertProblem(await post({ Origin: `${s.url}.evil.example` }), 403, 'csrf');
	assertProblem(await post({ Origin: `https://127.0.0.1:${s.port + 1}` }), 403, 'csrf');
	assertProblem(await post({ Origin: 'null' }), 403, 'csrf');
	assertProblem(await post({ Origin: null }), 403, 'csrf');
});

test('Sec-Fetch-Site cross-site or same-site is 403 csrf; none is accepted', async () => {
	assertProblem(await post({ 'Sec-Fetch-Site': 'cross-site' }), 403, 'csrf');
	assertProblem(await post({ 'Sec-Fetch-Site': 'same-site' }), 403, 'csrf');
	assertProblem(await post({ 'Sec-Fetch-Site': null }), 403, 'csrf');
	assertJson(await post({ 'Sec-Fetch-Site': 'none' }), 201);
});

test('CSRF applies to PATCH, PUT and DELETE as well', async () => {
	const noTok = { 'X-CSRF-Token': null };
	assertProblem(await api(s, 'PATCH', '/api/v1/users/1', { session: admin, body: { name: 'x' }, headers: { ...noTok, 'If-Match': '1' } }), 403, 'csrf');
	assertProblem(await api(s, 'PUT', '/api/v1/users/1/rights/case_edit', { session: admin, body: { granted: true }, headers: noTok }), 403, 'csrf');
	assertProblem(await api(s, 'DELETE', '/api/v1/session', { session: admin, headers: noTok }), 403, 'csrf');
	// the session is still there after the refused logout
	assert.equal((await api(s, 'GET', '/api/v1/me', { session: admin })).status, 200);
});

test('safe methods need no CSRF headers', async () => {
	const res = await api(s, 'GET', '/api/v1/me', { headers: { Cookie: admin.cookie } });
	assert.equal(res.status, 200);
});

test('a refused request changed nothing', async () => {
	const before = assertJson(await api(s, 'GET', '/api/v1/tokens', { session: admin })).items.length;
	await post({ 'X-CSRF-Token': null });
	await post({ Origin: 'http://evil.example' });
	const after = assertJson(await api(s, 'GET', '/api/v1/tokens', { session: admin })).items.length;
	assert.equal(after, before);
});

test('the same request under a bearer token needs no CSRF headers', async () => {
	const res = await api(s, 'POST', '/api/v1/tokens', { token: bearer, body: { name: 'via-bearer' } });
	const t = assertJson(res, 201);
	assert.equal(t.name, 'via-bearer');
	// nor does a bearer request fail when it carries foreign browser headers
	const res2 = await api(s, 'POST', '/api/v1/tokens', {
		token: bearer, body: { name: 'via-bearer-2' }, headers: { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' },
	});
	assert.ok([201, 403].includes(res2.status), `bearer with foreign Origin: ${res2.status}`);
});

test('a cross-site login is refused with 403 csrf', async () => {
	const res = await api(s, 'POST', '/api/v1/session', {
		body: { login: 'admin', password: DEMO.admin.password },
		headers: { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' },
	});
	assertProblem(res, 403, 'csrf');
	assert.equal(sidCookie(res), null);
	const res2 = await api(s, 'POST', '/api/v1/session', {
		body: { login: 'admin', password: DEMO.admin.password },
		headers: { 'Sec-Fetch-Site': 'cross-site' },
	});
	assertProblem(res2, 403, 'csrf');
	// without browser headers (a script) a login works
	const res3 = await api(s, 'POST', '/api/v1/session', { body: { login: 'admin', password: DEMO.admin.password } });
	assert.equal(res3.status, 200);
});
