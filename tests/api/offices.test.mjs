// offices.test.mjs - offices and their logos (docs/api.md: Offices).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
	startServer, api, loginDemo, assertProblem, assertJson, uniq, raw, head,
} from './helper.mjs';

let s;
let admin;
let paula;
before(async () => {
	s = await startServer();
	admin = await loginDemo(s, 'admin');
	paula = await loginDemo(s, 'paula');
});
after(async () => { await s?.stop(); });

// A 1x1 PNG; the server stores the bytes it is given.
const PNG = Buffer.from(
	'89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2b2c2e50000000049454e44ae426082',
	'hex',
);

function assertOffice(o) {
	assert.equal(typeof o.id, 'number');
	assert.equal(typeof o.name, 'string');
	for (const k of ['address', 'phone', 'email', 'has_logo', 'version', 'created_at']) assert.ok(k in o, `Office has ${k}`);
	assert.equal(typeof o.has_logo, 'boolean');
	assert.equal(typeof o.version, 'number');
	assert.match(o.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
}

async function createOffice(extra = {}) {
	const res = await api(s, 'POST', '/api/v1/offices', { session: admin, body: { name: uniq('Office '), ...extra } });
	return assertJson(res, 201);
}

test('create, list, get an office', async () => {
	const name = uniq('Leeds ');
	const o = assertJson(await api(s, 'POST', '/api/v1/offices', {
		session: admin, body: { name, address: '1 Park Row, Leeds', phone: '+44 113 000 0000', email: 'leeds@example.com' },
	}), 201);
	assertOffice(o);
	assert.equal(o.name, name);
	assert.equal(o.address, '1 Park Row, Leeds');
	assert.equal(o.phone, '+44 113 000 0000');
	assert.equal(o.email, 'leeds@example.com');
	assert.equal(o.has_logo, false);
	assert.equal(o.version, 1);

	const list = assertJson(await api(s, 'GET', '/api/v1/offices', { session: paula }));
	assert.ok(Array.isArray(list.items));
	assert.ok('next_cursor' in list);
	const item = list.items.find((x) => x.id === o.id);
	assert.ok(item, 'listed');
	assert.deepEqual(item, o);

	const get = await api(s, 'GET', `/api/v1/offices/${o.id}`, { session: paula });
	assert.deepEqual(assertJson(get), o);
	assert.equal(get.headers.etag, '"1"');
	assertProblem(await api(s, 'GET', '/api/v1/offices/987654', { session: admin }), 404, 'not_found');
});

test('office name is required; a duplicate name is 409', async () => {
	const miss = await api(s, 'POST', '/api/v1/offices', { session: admin, body: { address: 'x' } });
	assert.ok([400, 422].includes(miss.status), `missing name: ${miss.status}`);
	assertProblem(miss, miss.status, undefined, 'name');
	assertProblem(await api(s, 'POST', '/api/v1/offices', { session: admin, body: { name: '' } }), 422, 'unprocessable', 'name');
	assertProblem(await api(s, 'POST', '/api/v1/offices', { session: admin, body: { name: 7 } }), 400, 'invalid', 'name');
	const o = await createOffice();
	assertProblem(await api(s, 'POST', '/api/v1/offices', { session: admin, body: { name: o.name } }), 409, 'conflict');
	const o2 = await createOffice();
	assertProblem(await api(s, 'PATCH', `/api/v1/offices/${o2.id}`, {
		session: admin, body: { name: o.name }, headers: { 'If-Match': String(o2.version) },
	}), 409, 'conflict');
});

test('PATCH an office with If-Match; missing 428, stale 409', async () => {
	const o = await createOffice({ phone: '1' });
	const url = `/api/v1/offices/${o.id}`;
	assertProblem(await api(s, 'PATCH', url, { session: admin, body: { phone: '2' } }), 428, 'precondition_required');
	const res = await api(s, 'PATCH', url, { session: admin, body: { phone: '2' }, headers: { 'If-Match': `"${o.version}"` } });
	const o2 = assertJson(res);
	assert.equal(o2.phone, '2');
	assert.equal(o2.name, o.name);
	assert.equal(o2.version, o.version + 1);
	assert.equal(res.headers.etag, `"${o2.version}"`);
	assertProblem(await api(s, 'PATCH', url, { session: admin, body: { phone: '3' }, headers: { 'If-Match': String(o.version) } }), 409, 'conflict');
	assert.equal(assertJson(await api(s, 'GET', url, { session: admin })).phone, '2');
});

test('DELETE an office: 204, then 404', async () => {
	const o = await createOffice();
	const del = await api(s, 'DELETE', `/api/v1/offices/${o.id}`, { session: admin });
	assert.equal(del.status, 204, del.text);
	assertProblem(await api(s, 'GET', `/api/v1/offices/${o.id}`, { session: admin }), 404, 'not_found');
	assertProblem(await api(s, 'DELETE', `/api/v1/offices/${o.id}`, { session: admin }), 404, 'not_found');
	const list = assertJson(await api(s, 'GET', '/api/v1/offices', { session: admin }));
	assert.ok(!list.items.some((x) => x.id === o.id));
});

test('DELETE an office that users belong to is 409 and says how many', async () => {
	const o = await createOffice();
	for (let i = 0; i < 2; i++) {
		assertJson(await api(s, 'POST', '/api/v1/users', {
			session: admin, body: { login: uniq('m'), name: 'Member', role: 'staff', office_id: o.id, password: 'members-pass-phrase-1' },
		}), 201);
	}
	const res = await api(s, 'DELETE', `/api/v1/offices/${o.id}`, { session: admin });
	const p = assertProblem(res, 409, 'conflict');
	assert.match(p.detail, /\b2\b/, `detail mentions the 2 users: ${p.detail}`);
	assert.match(p.detail, /user/i, `detail mentions users: ${p.detail}`);
	assertJson(await api(s, 'GET', `/api/v1/offices/${o.id}`, { session: admin }));
});

test('logo: PUT image/png, GET the same bytes with Content-Type image/png; has_logo true', async () => {
	const o = await createOffice();
	assertProblem(await api(s, 'GET', `/api/v1/offices/${o.id}/logo`, { session: admin }), 404, 'not_found');
	const put = await api(s, 'PUT', `/api/v1/offices/${o.id}/logo`, { session: admin, rawBody: PNG, headers: { 'Content-Type': 'image/png' } });
	assert.equal(put.status, 204, put.text);
	const get = await api(s, 'GET', `/api/v1/offices/${o.id}/logo`, { session: paula });
	assert.equal(get.status, 200);
	assert.equal(String(get.headers['content-type']).split(';')[0].trim(), 'image/png');
	assert.ok(get.buffer.equals(PNG), 'same bytes');
	assert.equal(get.headers['x-content-type-options'], 'nosniff');
	assert.equal(assertJson(await api(s, 'GET', `/api/v1/offices/${o.id}`, { session: admin })).has_logo, true);

	// a JPEG replaces it
	const JPG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), randomBytes(2000), Buffer.from('ffd9', 'hex')]);
	const put2 = await api(s, 'PUT', `/api/v1/offices/${o.id}/logo`, { session: admin, rawBody: JPG, headers: { 'Content-Type': 'image/jpeg' } });
	assert.equal(put2.status, 204, put2.text);
	const get2 = await api(s, 'GET', `/api/v1/offices/${o.id}/logo`, { session: admin });
	assert.equal(String(get2.headers['content-type']).split(';')[0].trim(), 'image/jpeg');
	assert.ok(get2.buffer.equals(JPG), 'same JPEG bytes');
});

test('logo: other types are 415, over 1 MiB is 413, non-admin 403', async () => {
	const o = await createOffice();
	const url = `/api/v1/offices/${o.id}/logo`;
	assertProblem(await api(s, 'PUT', url, { session: admin, rawBody: '<svg xmlns="http://www.w3.org/2000/svg"/>', headers: { 'Content-Type': 'image/svg+xml' } }), 415, 'unsupported_media_type');
	assertProblem(await api(s, 'PUT', url, { session: admin, rawBody: PNG, headers: { 'Content-Type': 'text/html' } }), 415, 'unsupported_media_type');
	// over 1 MiB: announced by Content-Length, refused before the body is sent
	const big = await raw(s, head(s, 'PUT', url, {
		session: admin, headers: { 'Content-Type': 'image/png', 'Content-Length': String(1024 * 1024 + 1) },
	}));
	assertProblem(big, 413, 'too_large');
	assertProblem(await api(s, 'PUT', url, { session: paula, rawBody: PNG, headers: { 'Content-Type': 'image/png' } }), 403, 'forbidden');
	assertProblem(await api(s, 'PUT', '/api/v1/offices/987654/logo', { session: admin, rawBody: PNG, headers: { 'Content-Type': 'image/png' } }), 404, 'not_found');
	assert.equal(assertJson(await api(s, 'GET', `/api/v1/offices/${o.id}`, { session: admin })).has_logo, false);
});

test('a non-admin cannot create, change or delete offices', async () => {
	const o = await createOffice();
	assertProblem(await api(s, 'POST', '/api/v1/offices', { session: paula, body: { name: uniq('Nope ') } }), 403, 'forbidden');
	assertProblem(await api(s, 'PATCH', `/api/v1/offices/${o.id}`, { session: paula, body: { name: 'x' }, headers: { 'If-Match': '1' } }), 403, 'forbidden');
	assertProblem(await api(s, 'DELETE', `/api/v1/offices/${o.id}`, { session: paula }), 403, 'forbidden');
	assertJson(await api(s, 'GET', `/api/v1/offices/${o.id}`, { session: paula }));
});
