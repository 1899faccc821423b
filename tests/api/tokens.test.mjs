// tokens.test.mjs - the caller's own API tokens: created once, listed without the secret, used
// as Bearer, deleted (docs/api.md: API tokens).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, api, loginDemo, assertProblem, assertJson } from './helper.mjs';

let s;
let paula;
let admin;
before(async () => {
	s = await startServer();
	paula = await loginDemo(s, 'paula');
	admin = await loginDemo(s, 'admin');
});
after(async () => { await s?.stop(); });

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

test('create shows the token once; the list never shows it', async () => {
	const res = await api(s, 'POST', '/api/v1/tokens', { session: paula, body: { name: 'nightly export' } });
	const t = assertJson(res, 201);
	assert.equal(typeof t.id, 'number');
	assert.equal(t.name, 'nightly export');
	assert.equal(typeof t.token, 'string');
	assert.ok(t.token.length >= 32, `token long enough: ${t.token.length}`);
	assert.match(t.created_at, ISO);

	const list = assertJson(await api(s, 'GET', '/api/v1/tokens', { session: paula }));
	assert.ok(Array.isArray(list.items));
	assert.ok('next_cursor' in list);
	const item = list.items.find((x) => x.id === t.id);
	assert.ok(item, 'new token listed');
	assert.equal(item.name, 'nightly export');
	assert.equal(item.token, undefined, 'the secret is not listed');
	assert.ok(!JSON.stringify(list).includes(t.token), 'the secret appears nowhere in the list');
	assert.ok('last_used_at' in item);
	assert.match(item.created_at, ISO);
});

test('a token works as Bearer for GET /me (csrf_token null), then stops after DELETE', async () => {
	const t = assertJson(await api(s, 'POST', '/api/v1/tokens', { session: paula, body: { name: 'ci' } }), 201);
	const me = assertJson(await api(s, 'GET', '/api/v1/me', { token: t.token }));
	assert.equal(me.user.id, paula.user.id);
	assert.equal(me.user.login, 'paula');
	assert.equal(me.csrf_token, null);

	const list = assertJson(await api(s, 'GET', '/api/v1/tokens', { token: t.token }));
	const item = list.items.find((x) => x.id === t.id);
	assert.ok(item.last_used_at === null || ISO.test(item.last_used_at), `last_used_at: ${item.last_used_at}`);
	assert.notEqual(item.last_used_at, null, 'last_used_at is set once the token was used');

	const del = await api(s, 'DELETE', `/api/v1/tokens/${t.id}`, { session: paula });
	assert.equal(del.status, 204);
	assertProblem(await api(s, 'GET', '/api/v1/me', { token: t.token }), 401, 'unauthorized');
	const list2 = assertJson(await api(s, 'GET', '/api/v1/tokens', { session: paula }));
	assert.ok(!list2.items.some((x) => x.id === t.id), 'deleted token not listed');
	assertProblem(await api(s, 'DELETE', `/api/v1/tokens/${t.id}`, { session: paula }), 404, 'not_found');
});

test('a token can delete itself under Bearer without CSRF headers', async () => {
	const t = assertJson(await api(s, 'POST', '/api/v1/tokens', { session: paula, body: { name: 'self' } }), 201);
	assert.equal((await api(s, 'DELETE', `/api/v1/tokens/${t.id}`, { token: t.token })).status, 204);
	assertProblem(await api(s, 'GET', '/api/v1/me', { token: t.token }), 401, 'unauthorized');
});

test("another user's token is not found, and not listed", async () => {
	const t = assertJson(await api(s, 'POST', '/api/v1/tokens', { session: paula, body: { name: 'mine' } }), 201);
	assertProblem(await api(s, 'DELETE', `/api/v1/tokens/${t.id}`, { session: admin }), 404, 'not_found');
	const adminList = assertJson(await api(s, 'GET', '/api/v1/tokens', { session: admin }));
	assert.ok(!adminList.items.some((x) => x.id === t.id), "paula's token not in admin's list");
	// still works
	assert.equal((await api(s, 'GET', '/api/v1/me', { token: t.token })).status, 200);
	assertProblem(await api(s, 'DELETE', '/api/v1/tokens/987654', { session: paula }), 404, 'not_found');
});

test('token name is required and must be a string', async () => {
	const r1 = await api(s, 'POST', '/api/v1/tokens', { session: paula, body: {} });
	assert.ok([400, 422].includes(r1.status), `missing name: ${r1.status}`);
	assertProblem(r1, r1.status, undefined, 'name');
	assertProblem(await api(s, 'POST', '/api/v1/tokens', { session: paula, body: { name: 5 } }), 400, 'invalid', 'name');
});

test('a changed token (one character off) is refused', async () => {
	const t = assertJson(await api(s, 'POST', '/api/v1/tokens', { session: paula, body: { name: 'flip' } }), 201);
	const last = t.token.at(-1);
	const flipped = t.token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
	assertProblem(await api(s, 'GET', '/api/v1/me', { token: flipped }), 401, 'unauthorized');
	assertProblem(await api(s, 'GET', '/api/v1/me', { token: `${t.token}x` }), 401, 'unauthorized');
});
