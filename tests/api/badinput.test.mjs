// badinput.test.mjs - malformed and hostile input gets a precise 4xx problem, never a 500, and
// the server keeps answering (docs/api.md: Errors; defaults.md: Limits).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, api, loginDemo, assertProblem, assertJson, raw, head, uniq,
} from './helper.mjs';

const BODY_MAX = 4096;
let s;
let admin;
before(async () => {
	s = await startServer({ args: ['--body-max', String(BODY_MAX)] });
	admin = await loginDemo(s, 'admin');
});
after(async () => {
	if (!s) return;
	// none of the requests of this file may have made a 5xx (501 for an unknown method aside)
	const fives = s.logs.filter((l) => typeof l.status === 'number' && l.status >= 500 && l.status !== 501);
	await s.stop();
	assert.deepEqual(fives, [], 'no 5xx answers logged');
});

const JSONH = { 'Content-Type': 'application/json' };
const postUsers = (rawBody, headers = JSONH) => api(s, 'POST', '/api/v1/users', { session: admin, rawBody, headers });
const userBody = (extra = {}) => ({ login: uniq('b'), name: 'Bad Input', role: 'staff', password: 'bad-input-passphrase-1', ...extra });

test('malformed JSON is 400 with line and column', async () => {
	const res = await postUsers('{\n  "login": "x",\n  "name": }');
	const p = assertProblem(res, 400, 'invalid');
	assert.equal(p.line, 3, `line: ${JSON.stringify(p)}`);
	assert.equal(typeof p.column, 'number');
	assert.ok(p.column >= 9 && p.column <= 12, `column near the '}': ${p.column}`);
	for (const bad of ['{', '', '{"a":1,}', "{'a':1}", '{"a":1} trailing', 'nul', '{"a":01}']) {
		const r = await postUsers(bad);
		const pr = assertProblem(r, 400, 'invalid');
		assert.equal(typeof pr.line, 'number', `line for ${JSON.stringify(bad)}: ${r.text}`);
		assert.equal(typeof pr.column, 'number', `column for ${JSON.stringify(bad)}`);
	}
});

test('a body over --body-max is 413, answered without reading the body', async () => {
	// announce a large body but send none of it: the answer must come anyway
	const res = await raw(s, head(s, 'POST', '/api/v1/users', {
		session: admin, headers: { 'Content-Type': 'application/json', 'Content-Length': String(BODY_MAX * 100) },
	}), { timeout: 5000 });
	assertProblem(res, 413, 'too_large');
	// a body just over the limit, sent whole, is 413 as well
	const big = JSON.stringify(userBody({ name: 'n'.repeat(BODY_MAX) }));
	const res2 = await api(s, 'POST', '/api/v1/users', { session: admin, rawBody: big, headers: JSONH });
	assertProblem(res2, 413, 'too_large');
	// and a chunked body that grows past the limit
	const chunk = Buffer.from(`{"name":"${'c'.repeat(BODY_MAX + 10)}"}`);
	const res3 = await raw(s, `${head(s, 'POST', '/api/v1/offices', {
		session: admin, headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
	})}${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`);
	assertProblem(res3, 413, 'too_large');
});

test('JSON nested 40 deep is 400; an ordinary body of the same size is fine', async () => {
	const deep = `{"name":${'['.repeat(40)}${']'.repeat(40)}}`;
	assertProblem(await postUsers(deep), 400, 'invalid');
	const deepObj = `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`;
	assertProblem(await postUsers(deepObj), 400, 'invalid');
	// deep enough to overflow a naive recursive parser, small enough for --body-max
	const veryDeep = `{"name":${'['.repeat(1500)}${']'.repeat(1500)}}`;
	assert.ok(veryDeep.length < BODY_MAX);
	assertProblem(await postUsers(veryDeep), 400, 'invalid');
});

test('a URL longer than 2 KiB is 414', async () => {
	const res = await api(s, 'GET', `/api/v1/health?pad=${'a'.repeat(2100)}`);
	assertProblem(res, 414, 'uri_too_long');
	const res2 = await api(s, 'GET', `/api/v1/users/${'1'.repeat(3000)}`, { session: admin });
	assertProblem(res2, 414, 'uri_too_long');
	// just under the limit is fine
	assert.equal((await api(s, 'GET', `/api/v1/health?pad=${'a'.repeat(1800)}`)).status, 200);
});

test('a non-JSON Content-Type on a JSON endpoint is 415', async () => {
	const body = JSON.stringify(userBody());
	assertProblem(await postUsers(body, { 'Content-Type': 'text/plain' }), 415, 'unsupported_media_type');
	assertProblem(await postUsers(body, { 'Content-Type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
	assertProblem(await postUsers(body, { 'Content-Type': 'multipart/form-data; boundary=x' }), 415, 'unsupported_media_type');
	const none = await postUsers(body, { 'Content-Type': null });
	assert.ok([400, 415].includes(none.status), `no Content-Type: ${none.status}`);
	assertProblem(none, none.status);
	// with a charset parameter it is accepted
	assertJson(await postUsers(JSON.stringify(userBody()), { 'Content-Type': 'application/json; charset=utf-8' }), 201);
});

test('a body that is not an object is 400 naming body', async () => {
	for (const b of ['[]', '[{"login":"x"}]', '"string"', '42', 'null', 'true']) {
		assertProblem(await postUsers(b), 400, 'invalid', 'body');
	}
});

test('invalid UTF-8 in JSON is 400', async () => {
	const bad = Buffer.concat([Buffer.from('{"login":"'), Buffer.from([0xc3, 0x28]), Buffer.from('","name":"x","role":"staff","password":"bad-input-passphrase-1"}')]);
	assertProblem(await postUsers(bad), 400, 'invalid');
	const overlong = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]);
	assertProblem(await postUsers(overlong), 400, 'invalid');
	const surrogate = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]);
	assertProblem(await postUsers(surrogate), 400, 'invalid');
});

test('a huge or fractional office_id is 400/422 naming office_id', async () => {
	for (const v of ['1e300', '1.5', '-1', '99999999999999999999999']) {
		const body = `{"login":"${uniq('h')}","name":"Huge","role":"staff","password":"bad-input-passphrase-1","office_id":${v}}`;
		const res = await postUsers(body);
		assert.ok([400, 422].includes(res.status), `office_id ${v}: ${res.status} ${res.text}`);
		assertProblem(res, res.status, undefined, 'office_id');
	}
});

test('NUL and control characters in strings never cause a 500 or a silent cut', async () => {
	const body = userBody({ name: 'A\u0000B' });
	const res = await api(s, 'POST', '/api/v1/users', { session: admin, body });
	assert.ok([201, 400, 422].includes(res.status), `NUL in name: ${res.status} ${res.text}`);
	if (res.status === 201) assert.equal(res.json.name, 'A\u0000B', 'name stored whole, not cut at NUL');
	else {
		const p = assertProblem(res, res.status);
		assert.ok(['name', 'body'].includes(p.field), `field: ${p.field}`);
	}
	const res2 = await api(s, 'POST', '/api/v1/users', { session: admin, body: userBody({ login: 'nul\u0000admin' }) });
	assert.ok([400, 422].includes(res2.status), `NUL in login: ${res2.status} ${res2.text}`);
	const p2 = assertProblem(res2, res2.status);
	assert.ok(['login', 'body'].includes(p2.field), `field: ${p2.field}`);
	const ctl = await api(s, 'POST', '/api/v1/users', { session: admin, body: userBody({ login: `ctl\u0007${uniq('x')}` }) });
	assertProblem(ctl, 422, 'unprocessable', 'login');
});

test('unknown members and duplicate keys are handled, not crashed on', async () => {
	const r = await api(s, 'POST', '/api/v1/users', { session: admin, body: { ...userBody(), is_superuser: true } });
	assert.ok([201, 400, 422].includes(r.status), `unknown member: ${r.status}`);
	const l = uniq('d');
	const dup = `{"login":"${l}","login":"${l}x","name":"D","role":"staff","password":"bad-input-passphrase-1"}`;
	const r2 = await postUsers(dup);
	assert.ok([201, 400, 422].includes(r2.status), `duplicate key: ${r2.status}`);
});

test('hostile headers: bad Content-Length, huge header, garbage method', async () => {
	const bad = await raw(s, head(s, 'POST', '/api/v1/offices', { session: admin, headers: { 'Content-Type': 'application/json', 'Content-Length': 'abc' } }));
	assert.ok(bad.status >= 400 && bad.status < 500, `bad Content-Length: ${bad.status}`);
	const many = await raw(s, head(s, 'GET', '/api/v1/health', { headers: { 'X-Pad': 'p'.repeat(40000) } }));
	assert.ok(many.status >= 400 && many.status < 500, `huge header: ${many.status}`);
	const meth = await raw(s, `BREW /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n\r\n`);
	assert.ok([400, 405, 501].includes(meth.status), `unknown method: ${meth.status}`);
});

test('after all of that the server still answers', async () => {
	assert.deepEqual(assertJson(await api(s, 'GET', '/api/v1/health')), { status: 'ok' });
	assertJson(await api(s, 'GET', '/api/v1/me', { session: admin }));
});
