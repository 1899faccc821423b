// session.test.mjs - login, the session cookie, login throttling, logout, /me, password change
// and session expiry (docs/api.md: Authentication, Session).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, api, login, loginDemo, assertProblem, assertJson, sidCookie, addUserCli, uniq,
	sleep, DEMO, ROLE_RIGHTS,
} from './helper.mjs';

const PW = 'correct-horse-battery-9';

function assertUser(u, expect) {
	assert.equal(typeof u.id, 'number');
	assert.equal(u.login, expect.login);
	assert.equal(u.role, expect.role);
	assert.equal(u.active, true);
	assert.equal(typeof u.name, 'string');
	assert.equal(typeof u.version, 'number');
	assert.match(u.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
	assert.ok('email' in u, 'User has email');
	assert.ok('office_id' in u, 'User has office_id');
	assert.deepEqual([...u.rights].sort(), [...ROLE_RIGHTS[expect.role]].sort(), `rights of ${expect.login}`);
	assert.equal(u.password, undefined);
	assert.equal(u.password_hash, undefined);
}

describe('sessions', () => {
	let s;
	before(async () => { s = await startServer(); });
	after(async () => { await s?.stop(); });

	test('login answers the user with role-default rights, a CSRF token and the cookie', async () => {
		for (const who of Object.keys(DEMO)) {
			const res = await api(s, 'POST', '/api/v1/session', {
				body: { login: DEMO[who].login, password: DEMO[who].password },
			});
			const body = assertJson(res, 200);
			assertUser(body.user, DEMO[who]);
			assert.equal(typeof body.csrf_token, 'string');
			assert.ok(body.csrf_token.length >= 16, 'csrf token long enough');
			assert.equal(res.headers['cache-control'], 'no-store');
			const c = sidCookie(res);
			assert.ok(c, `Set-Cookie __Host-sid: ${res.headers['set-cookie']}`);
			assert.match(c.value, /^[A-Za-z0-9_-]{43}$/, '256-bit base64url value');
			assert.equal(c.attrs.path, '/');
			assert.equal(c.attrs.secure, true, 'Secure');
			assert.equal(c.attrs.httponly, true, 'HttpOnly');
			assert.equal(String(c.attrs.samesite).toLowerCase(), 'lax', 'SameSite=Lax');
			assert.equal(c.attrs.domain, undefined, '__Host- cookies have no Domain');
		}
	});

	test('login is case-insensitive on the login name', async () => {
		const sess = await login(s, 'ADMIN', DEMO.admin.password);
		assert.equal(sess.user.login, 'admin');
	});

	test('GET /me answers the user and the same CSRF token', async () => {
		const p = await loginDemo(s, 'paula');
		const me = assertJson(await api(s, 'GET', '/api/v1/me', { session: p }));
		assertUser(me.user, DEMO.paula);
		assert.equal(me.csrf_token, p.csrf);
		assert.deepEqual(me.user, p.user);
	});

	test('wrong password and unknown login give identical 401 answers', async () => {
		const login1 = uniq('u');
		await addUserCli(s, { login: login1, role: 'staff', password: PW });
		const wrong = await api(s, 'POST', '/api/v1/session', { body: { login: login1, password: 'not-the-password-1' } });
		const unknown = await api(s, 'POST', '/api/v1/session', { body: { login: uniq('nobody'), password: 'not-the-password-1' } });
		assertProblem(wrong, 401, 'unauthorized');
		assertProblem(unknown, 401, 'unauthorized');
		assert.deepEqual(wrong.json, unknown.json);
		assert.equal(wrong.headers['content-type'], unknown.headers['content-type']);
		assert.equal(sidCookie(wrong), null, 'no cookie on failure');
		assert.equal(sidCookie(unknown), null, 'no cookie on failure');
	});

	test('missing or wrongly typed credentials are 400/422, not 500', async () => {
		for (const body of [{}, { login: 'admin' }, { password: 'x' }, { login: 5, password: 'x' }, { login: 'admin', password: null }]) {
			const res = await api(s, 'POST', '/api/v1/session', { body });
			assert.ok([400, 401, 422].includes(res.status), `${JSON.stringify(body)}: ${res.status} ${res.text}`);
			assertProblem(res, res.status);
		}
	});

	test('after 5 failures in a row the login is throttled: 429 with Retry-After even with the right password', async () => {
		const l = uniq('t');
		await addUserCli(s, { login: l, role: 'staff', password: PW });
		for (let i = 0; i < 5; i++) {
			const res = await api(s, 'POST', '/api/v1/session', { body: { login: l, password: `wrong-password-${i}-x` } });
			assertProblem(res, 401, 'unauthorized');
		}
		const res = await api(s, 'POST', '/api/v1/session', { body: { login: l, password: PW } });
		assertProblem(res, 429, 'too_many_requests');
		const ra = res.headers['retry-after'];
		assert.match(String(ra), /^\d+$/, `Retry-After: ${ra}`);
		assert.ok(Number(ra) >= 1 && Number(ra) <= 900, `Retry-After in 1..900: ${ra}`);
		assert.equal(sidCookie(res), null);
		// other logins are not affected
		await loginDemo(s, 'clara');
	});

	test('logout ends the session and clears the cookie', async () => {
		const a = await loginDemo(s, 'avery');
		assert.equal((await api(s, 'GET', '/api/v1/me', { session: a })).status, 200);
		const out = await api(s, 'DELETE', '/api/v1/session', { session: a });
		assert.equal(out.status, 204);
		const c = sidCookie(out);
		assert.ok(c, 'logout sends a Set-Cookie that clears __Host-sid');
		assert.ok(c.value === '' || c.attrs['max-age'] === '0' || (c.attrs.expires && Date.parse(c.attrs.expires) < Date.now()),
			`cookie cleared: ${c.raw}`);
		assertProblem(await api(s, 'GET', '/api/v1/me', { session: a }), 401, 'unauthorized');
		assertProblem(await api(s, 'DELETE', '/api/v1/session', { session: a }), 401, 'unauthorized');
	});

	test('every login makes a new session (rotation), also when an old cookie is sent', async () => {
		const a1 = await loginDemo(s, 'clara');
		const a2 = await login(s, DEMO.clara.login, DEMO.clara.password, { headers: { Cookie: a1.cookie } });
		assert.notEqual(a2.sid, a1.sid);
		assert.notEqual(a2.csrf, a1.csrf);
		assert.equal((await api(s, 'GET', '/api/v1/me', { session: a2 })).status, 200);
	});

	test('PUT /me/password: wrong current is 422 current_password; a change ends the other sessions only', async () => {
		const l = uniq('p');
		const NEW = 'a-brand-new-passphrase-2';
		await addUserCli(s, { login: l, role: 'staff', password: PW });
		const one = await login(s, l, PW);
		const two = await login(s, l, PW);

		const bad = await api(s, 'PUT', '/api/v1/me/password', { session: one, body: { current_password: 'not-it-at-all-1', new_password: NEW } });
		assertProblem(bad, 422, 'unprocessable', 'current_password');
		const short = await api(s, 'PUT', '/api/v1/me/password', { session: one, body: { current_password: PW, new_password: 'short' } });
		assertProblem(short, 422, 'unprocessable', 'new_password');
		const common = await api(s, 'PUT', '/api/v1/me/password', { session: one, body: { current_password: PW, new_password: 'password1234' } });
		assertProblem(common, 422, 'unprocessable', 'new_password');
		// nothing changed so far: both sessions still work
		assert.equal((await api(s, 'GET', '/api/v1/me', { session: two })).status, 200);

		const ok = await api(s, 'PUT', '/api/v1/me/password', { session: one, body: { current_password: PW, new_password: NEW } });
		assert.equal(ok.status, 204, ok.text);
		assert.equal((await api(s, 'GET', '/api/v1/me', { session: one })).status, 200, 'the current session stays');
		assertProblem(await api(s, 'GET', '/api/v1/me', { session: two }), 401, 'unauthorized');
		assertProblem(await api(s, 'POST', '/api/v1/session', { body: { login: l, password: PW } }), 401, 'unauthorized');
		const again = await login(s, l, NEW);
		assert.equal(again.user.login, l);
	});
});

describe('per-address login limit (--login-ip-limit 5)', () => {
	let s;
	before(async () => { s = await startServer({ loginIpLimit: 5 }); });
	after(async () => { await s?.stop(); });

	test('more than 5 attempts a minute from one address are refused with 429 and Retry-After', async () => {
		for (let i = 0; i < 5; i++) {
			// different unknown logins, so that the per-login limit does not apply
			const res = await api(s, 'POST', '/api/v1/session', { body: { login: uniq('nobody'), password: 'wrong-password-1x' } });
			assertProblem(res, 401, 'unauthorized');
		}
		const res = await api(s, 'POST', '/api/v1/session', { body: { login: 'admin', password: DEMO.admin.password } });
		assertProblem(res, 429, 'too_many_requests');
		assert.match(String(res.headers['retry-after']), /^\d+$/);
		assert.ok(Number(res.headers['retry-after']) >= 1 && Number(res.headers['retry-after']) <= 60);
		assert.equal(sidCookie(res), null);
		// the rest of the API still answers
		assert.equal((await api(s, 'GET', '/api/v1/health')).status, 200);
	});
});

describe('session expiry', () => {
	let s;
	before(async () => { s = await startServer({ args: ['--session-idle', '2', '--session-max', '4'] }); });
	after(async () => { await s?.stop(); });

	test('an idle session ends after --session-idle seconds', async () => {
		const a = await loginDemo(s, 'admin');
		assert.equal((await api(s, 'GET', '/api/v1/me', { session: a })).status, 200);
		await sleep(3200);
		assertProblem(await api(s, 'GET', '/api/v1/me', { session: a }), 401, 'unauthorized');
	});

	test('a used session still ends after --session-max seconds', async () => {
		const a = await loginDemo(s, 'paula');
		const t0 = Date.now();
		// keep it busy: never idle for 2 s
		while (Date.now() - t0 < 3000) {
			assert.equal((await api(s, 'GET', '/api/v1/me', { session: a })).status, 200, `alive at ${Date.now() - t0} ms`);
			await sleep(700);
		}
		while (Date.now() - t0 < 5300) {
			await api(s, 'GET', '/api/v1/me', { session: a });
			await sleep(700);
		}
		assertProblem(await api(s, 'GET', '/api/v1/me', { session: a }), 401, 'unauthorized');
	});
});
