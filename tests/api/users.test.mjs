// users.test.mjs - user administration, optimistic concurrency, deactivation and per-user rights
// (docs/api.md: Users, Rights, Concurrency, Lists).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, api, login, loginDemo, assertProblem, assertJson, uniq, ROLE_RIGHTS, ALL_RIGHTS, DEMO,
} from './helper.mjs';

const PW = 'a-long-enough-passphrase-7';
let s;
let admin;
let paula;
before(async () => {
	s = await startServer();
	admin = await loginDemo(s, 'admin');
	paula = await loginDemo(s, 'paula');
});
after(async () => { await s?.stop(); });

async function createUser(extra = {}) {
	const body = { login: uniq('u'), name: 'Una User', role: 'staff', password: PW, ...extra };
	const res = await api(s, 'POST', '/api/v1/users', { session: admin, body });
	return assertJson(res, 201);
}

test('create a user: 201 with the User and the role defaults; the user can log in', async () => {
	const l = uniq('new');
	const res = await api(s, 'POST', '/api/v1/users', {
		session: admin, body: { login: l, name: 'Nora New', email: 'nora@example.com', role: 'advisor', password: PW },
	});
	const u = assertJson(res, 201);
	assert.equal(typeof u.id, 'number');
	assert.equal(u.login, l);
	assert.equal(u.name, 'Nora New');
	assert.equal(u.email, 'nora@example.com');
	assert.equal(u.role, 'advisor');
	assert.equal(u.active, true);
	assert.equal(u.version, 1);
	assert.deepEqual(u.rights, []);
	assert.equal(u.password, undefined);
	assert.equal(u.password_hash, undefined);
	assert.match(u.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);

	const got = assertJson(await api(s, 'GET', `/api/v1/users/${u.id}`, { session: admin }));
	assert.equal(got.login, l);
	assert.deepEqual(got.overrides, { granted: [], revoked: [] });
	assert.equal(got.password_hash, undefined);

	const sess = await login(s, l, PW);
	assert.equal(sess.user.id, u.id);
	assert.equal(sess.user.role, 'advisor');
});

test('GET /users/{id} carries ETag "<version>"', async () => {
	const u = await createUser();
	const res = await api(s, 'GET', `/api/v1/users/${u.id}`, { session: admin });
	assert.equal(res.headers.etag, `"${u.version}"`);
});

test('list users with limit=2, following next_cursor until null, sees every user once', async () => {
	const made = [];
	for (let i = 0; i < 3; i++) made.push((await createUser()).login);
	const seen = [];
	let cursor = null;
	let pages = 0;
	do {
		const q = cursor === null ? '?limit=2' : `?limit=2&cursor=${encodeURIComponent(cursor)}`;
		const page = assertJson(await api(s, 'GET', `/api/v1/users${q}`, { session: admin }));
		assert.ok(Array.isArray(page.items));
		assert.ok(page.items.length <= 2, `page size ${page.items.length}`);
		assert.ok('next_cursor' in page);
		for (const u of page.items) seen.push(u.login);
		cursor = page.next_cursor;
		if (cursor !== null) assert.equal(typeof cursor, 'string');
		pages++;
		assert.ok(pages < 100, 'pagination ends');
	} while (cursor !== null);
	assert.equal(new Set(seen).size, seen.length, `no user twice: ${seen}`);
	for (const l of [...Object.keys(DEMO), ...made]) assert.ok(seen.includes(l), `${l} listed`);
	const all = assertJson(await api(s, 'GET', '/api/v1/users?limit=200', { session: admin }));
	assert.equal(all.items.length, seen.length, 'paged total equals one big page');
	assert.equal(all.next_cursor, null);
	assert.ok(pages >= Math.ceil(seen.length / 2), 'pages are used');
});

test('bad list parameters are 400 naming query.limit / query.cursor', async () => {
	for (const q of ['limit=0', 'limit=201', 'limit=abc', 'limit=-1', 'limit=1e3']) {
		assertProblem(await api(s, 'GET', `/api/v1/users?${q}`, { session: admin }), 400, 'invalid', 'query.limit');
	}
	const bad = await api(s, 'GET', '/api/v1/users?cursor=%ff%00garbage', { session: admin });
	assertProblem(bad, 400, 'invalid', 'query.cursor');
});

test('a login taken (case-insensitively) is 409', async () => {
	const u = await createUser();
	const res = await api(s, 'POST', '/api/v1/users', {
		session: admin, body: { login: u.login.toUpperCase(), name: 'Dup', role: 'staff', password: PW },
	});
	assertProblem(res, 409, 'conflict');
	assertProblem(await api(s, 'POST', '/api/v1/users', {
		session: admin, body: { login: 'Admin', name: 'Dup', role: 'staff', password: PW },
	}), 409, 'conflict');
});

test('input rules: role, password length, common password, login, types', async () => {
	const base = { login: uniq('v'), name: 'Val', role: 'staff', password: PW };
	const post = (body) => api(s, 'POST', '/api/v1/users', { session: admin, body });
	assertProblem(await post({ ...base, role: 'superuser' }), 422, 'unprocessable', 'role');
	assertProblem(await post({ ...base, password: 'short-pw' }), 422, 'unprocessable', 'password');
	assertProblem(await post({ ...base, password: 'x'.repeat(129) }), 422, 'unprocessable', 'password');
	assertProblem(await post({ ...base, password: 'password1234' }), 422, 'unprocessable', 'password');
	assertProblem(await post({ ...base, login: 'has space' }), 422, 'unprocessable', 'login');
	assertProblem(await post({ ...base, login: 'x'.repeat(65) }), 422, 'unprocessable', 'login');
	assertProblem(await post({ ...base, login: '' }), 422, 'unprocessable', 'login');
	const { login: _l, ...noLogin } = base;
	const missing = await post(noLogin);
	assert.ok([400, 422].includes(missing.status), `missing login: ${missing.status} ${missing.text}`);
	assertProblem(missing, missing.status, undefined, 'login');
	assertProblem(await post({ ...base, name: 5 }), 400, 'invalid', 'name');
	assertProblem(await post({ ...base, role: ['staff'] }), 400, 'invalid', 'role');
	assertProblem(await post({ ...base, office_id: 'one' }), 400, 'invalid', 'office_id');
	// nothing was created by the refused requests
	const all = assertJson(await api(s, 'GET', '/api/v1/users?limit=200', { session: admin }));
	assert.ok(!all.items.some((u) => u.login === base.login), 'no user made from refused input');
	// and a valid login with all allowed characters works
	const ok = await post({ ...base, login: `a.b_c-d@${uniq('e')}` });
	assertJson(ok, 201);
});

test('PATCH needs If-Match: missing 428, stale 409, current 200 with version+1 and ETag', async () => {
	const u = await createUser();
	const url = `/api/v1/users/${u.id}`;
	assertProblem(await api(s, 'PATCH', url, { session: admin, body: { name: 'No Match' } }), 428, 'precondition_required');
	const ok = await api(s, 'PATCH', url, { session: admin, body: { name: 'Renamed' }, headers: { 'If-Match': `"${u.version}"` } });
	const u2 = assertJson(ok);
	assert.equal(u2.name, 'Renamed');
	assert.equal(u2.version, u.version + 1);
	assert.equal(ok.headers.etag, `"${u2.version}"`);
	const stale = await api(s, 'PATCH', url, { session: admin, body: { name: 'Stale' }, headers: { 'If-Match': String(u.version) } });
	assertProblem(stale, 409, 'conflict');
	const now = assertJson(await api(s, 'GET', url, { session: admin }));
	assert.equal(now.name, 'Renamed', 'a stale PATCH changed nothing');
	// a bare integer If-Match works as well
	const ok2 = assertJson(await api(s, 'PATCH', url, { session: admin, body: { email: 'r@example.com' }, headers: { 'If-Match': String(u2.version) } }));
	assert.equal(ok2.email, 'r@example.com');
	assert.equal(ok2.name, 'Renamed', 'PATCH leaves absent members alone');
	assertProblem(await api(s, 'PATCH', url, { session: admin, body: { name: 'x' }, headers: { 'If-Match': 'garbage' } }), 400, 'invalid', 'header.If-Match');
	assertProblem(await api(s, 'PATCH', url, { session: admin, body: { role: 'root' }, headers: { 'If-Match': String(ok2.version) } }), 422, 'unprocessable', 'role');
	assertProblem(await api(s, 'PATCH', '/api/v1/users/987654', { session: admin, body: { name: 'x' }, headers: { 'If-Match': '1' } }), 404, 'not_found');
});

test('changing the role changes the effective rights', async () => {
	const u = await createUser({ role: 'client' });
	assert.deepEqual(u.rights, []);
	const r = assertJson(await api(s, 'PATCH', `/api/v1/users/${u.id}`, { session: admin, body: { role: 'staff' }, headers: { 'If-Match': String(u.version) } }));
	assert.deepEqual([...r.rights].sort(), [...ROLE_RIGHTS.staff].sort());
});

test('deactivation ends the sessions, stops tokens and login', async () => {
	const u = await createUser();
	const sess = await login(s, u.login, PW);
	const tok = assertJson(await api(s, 'POST', '/api/v1/tokens', { session: sess, body: { name: 't' } }), 201);
	assert.equal((await api(s, 'GET', '/api/v1/me', { token: tok.token })).status, 200);
	const off = assertJson(await api(s, 'PATCH', `/api/v1/users/${u.id}`, { session: admin, body: { active: false }, headers: { 'If-Match': String(u.version) } }));
	assert.equal(off.active, false);
	assertProblem(await api(s, 'GET', '/api/v1/me', { session: sess }), 401, 'unauthorized');
	assertProblem(await api(s, 'GET', '/api/v1/me', { token: tok.token }), 401, 'unauthorized');
	const l = await api(s, 'POST', '/api/v1/session', { body: { login: u.login, password: PW } });
	assertProblem(l, 401, 'unauthorized');
	// reactivated: login works again, the old token stays dead or comes back, but never 500
	const on = assertJson(await api(s, 'PATCH', `/api/v1/users/${u.id}`, { session: admin, body: { active: true }, headers: { 'If-Match': String(off.version) } }));
	assert.equal(on.active, true);
	await login(s, u.login, PW);
});

test('admin sets a password: 204, sessions end, the new password works', async () => {
	const u = await createUser();
	const sess = await login(s, u.login, PW);
	const NEW = 'set-by-the-admin-pass-8';
	assertProblem(await api(s, 'PUT', `/api/v1/users/${u.id}/password`, { session: admin, body: { password: 'short' } }), 422, 'unprocessable', 'password');
	const res = await api(s, 'PUT', `/api/v1/users/${u.id}/password`, { session: admin, body: { password: NEW } });
	assert.equal(res.status, 204, res.text);
	assertProblem(await api(s, 'GET', '/api/v1/me', { session: sess }), 401, 'unauthorized');
	assertProblem(await api(s, 'POST', '/api/v1/session', { body: { login: u.login, password: PW } }), 401, 'unauthorized');
	await login(s, u.login, NEW);
});

test('a non-admin gets 403 on the users routes', async () => {
	assertProblem(await api(s, 'GET', '/api/v1/users', { session: paula }), 403, 'forbidden');
	assertProblem(await api(s, 'POST', '/api/v1/users', { session: paula, body: { login: uniq('z'), name: 'Z', role: 'admin', password: PW } }), 403, 'forbidden');
	assertProblem(await api(s, 'PATCH', `/api/v1/users/${paula.user.id}`, { session: paula, body: { role: 'admin' }, headers: { 'If-Match': String(paula.user.version) } }), 403, 'forbidden');
	assertProblem(await api(s, 'PUT', `/api/v1/users/${paula.user.id}/rights/admin`, { session: paula, body: { granted: true } }), 403, 'forbidden');
	assertProblem(await api(s, 'PUT', `/api/v1/users/${admin.user.id}/password`, { session: paula, body: { password: 'taken-over-account-1' } }), 403, 'forbidden');
	const me = assertJson(await api(s, 'GET', '/api/v1/me', { session: paula }));
	assert.equal(me.user.role, 'staff');
	assert.ok(!me.user.rights.includes('admin'));
	const c = await loginDemo(s, 'clara');
	assertProblem(await api(s, 'GET', '/api/v1/users', { session: c }), 403, 'forbidden');
	// docs/api.md: the users routes need `admin`; lacking a right is 403
	assertProblem(await api(s, 'GET', `/api/v1/users/${admin.user.id}`, { session: paula }), 403, 'forbidden');
});

test('rights: grant, revoke, reset to the role default; unknown right 404', async () => {
	const id = paula.user.id;
	const base = `/api/v1/users/${id}/rights`;
	const g = assertJson(await api(s, 'PUT', `${base}/status_report_mass_send`, { session: admin, body: { granted: true } }));
	assert.deepEqual(g.overrides, { granted: ['status_report_mass_send'], revoked: [] });
	assert.ok(g.rights.includes('status_report_mass_send'));
	let me = assertJson(await api(s, 'GET', '/api/v1/me', { session: paula }));
	assert.ok(me.user.rights.includes('status_report_mass_send'), 'granted right in /me');

	const r = assertJson(await api(s, 'PUT', `${base}/case_create`, { session: admin, body: { granted: false } }));
	assert.deepEqual(r.overrides.revoked, ['case_create']);
	assert.ok(!r.rights.includes('case_create'));
	me = assertJson(await api(s, 'GET', '/api/v1/me', { session: paula }));
	assert.ok(!me.user.rights.includes('case_create'), 'revoked right gone from /me');

	const d1 = assertJson(await api(s, 'DELETE', `${base}/case_create`, { session: admin }));
	assert.ok(d1.rights.includes('case_create'), 'back to the staff default');
	const d2 = assertJson(await api(s, 'DELETE', `${base}/status_report_mass_send`, { session: admin }));
	assert.ok(!d2.rights.includes('status_report_mass_send'));
	assert.deepEqual(d2.overrides, { granted: [], revoked: [] });
	me = assertJson(await api(s, 'GET', '/api/v1/me', { session: paula }));
	assert.deepEqual([...me.user.rights].sort(), [...ROLE_RIGHTS.staff].sort());

	assertProblem(await api(s, 'PUT', `${base}/fly_to_the_moon`, { session: admin, body: { granted: true } }), 404, 'not_found');
	assertProblem(await api(s, 'DELETE', `${base}/fly_to_the_moon`, { session: admin }), 404, 'not_found');
	assertProblem(await api(s, 'PUT', '/api/v1/users/987654/rights/case_edit', { session: admin, body: { granted: true } }), 404, 'not_found');
	assertProblem(await api(s, 'PUT', `${base}/case_edit`, { session: admin, body: { granted: 'yes' } }), 400, 'invalid', 'granted');
});

test('GET /rights lists every right with its default roles', async () => {
	const res = assertJson(await api(s, 'GET', '/api/v1/rights', { session: paula }));
	const names = res.items.map((r) => r.name).sort();
	assert.deepEqual(names, [...ALL_RIGHTS].sort());
	for (const r of res.items) {
		assert.equal(typeof r.description, 'string');
		assert.ok(r.description.length > 0, `${r.name} has a description`);
		const expect = Object.keys(ROLE_RIGHTS).filter((role) => ROLE_RIGHTS[role].includes(r.name));
		assert.deepEqual([...r.roles].sort(), expect.sort(), `default roles of ${r.name}`);
	}
});

test('GET /users/{id} of a missing user is 404', async () => {
	assertProblem(await api(s, 'GET', '/api/v1/users/987654', { session: admin }), 404, 'not_found');
});

test('an office_id that does not exist is refused, not stored', async () => {
	const res = await api(s, 'POST', '/api/v1/users', { session: admin, body: { login: uniq('o'), name: 'O', role: 'staff', password: PW, office_id: 987654 } });
	assert.ok([404, 422].includes(res.status), `unknown office: ${res.status} ${res.text}`);
	assertProblem(res, res.status, undefined, 'office_id');
});

test('GET /people: the directory staff pick owners and staff from; names only, 403 for advisors and clients', async () => {
	const res = await api(s, 'GET', '/api/v1/people?limit=200', { session: paula });
	const list = assertJson(res, 200);
	const me = list.items.find((p) => p.login === 'paula');
	assert.ok(me, 'paula is in the directory');
	assert.deepEqual(Object.keys(me).sort(), ['active', 'id', 'login', 'name', 'office_id', 'role']);
	assert.ok(list.items.some((p) => p.login === 'admin' && p.role === 'admin'));
	for (const who of ['avery', 'clara']) {
		const other = await loginDemo(s, who);
		assertProblem(await api(s, 'GET', '/api/v1/people', { session: other }), 403, 'forbidden');
	}
});
