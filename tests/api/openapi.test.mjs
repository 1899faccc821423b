// openapi.test.mjs - docs/openapi.yaml, docs/api.md and the server's route table
// (`caseload routes`) describe the same endpoints. The YAML is read line by line (no YAML
// library): `paths:` at column 0, paths at 2 spaces, methods at 4, method keys at 6.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, cli } from './helper.mjs';

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace']);
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A route's auth member is "public" (or false) when no login is needed. */
const needsLogin = (r) => !(r.auth === false || r.auth === 'public');

/** Reads docs/openapi.yaml into a Map "METHOD /path" -> {public, operationId, responses}. */
export function readOpenapi(text) {
	const ops = new Map();
	let inPaths = false;
	let curPath = null;
	let cur = null;
	let inResponses = false;
	for (const [i, line] of text.split('\n').entries()) {
		if (/^\s*(#.*)?$/.test(line)) continue;
		if (/^\S/.test(line)) {
			inPaths = /^paths:\s*$/.test(line);
			curPath = null;
			cur = null;
			continue;
		}
		if (!inPaths) continue;
		let m;
		if ((m = /^ {2}(\S.*?):\s*$/.exec(line))) {
			curPath = m[1].replace(/^["']|["']$/g, '');
			assert.ok(curPath.startsWith('/'), `openapi.yaml line ${i + 1}: a path starts with /: ${line}`);
			cur = null;
		} else if ((m = /^ {4}([a-z]+):\s*$/.exec(line))) {
			assert.ok(curPath, `openapi.yaml line ${i + 1}: method outside a path`);
			if (!METHODS.has(m[1])) { cur = null; continue; } // e.g. parameters:
			const key = `${m[1].toUpperCase()} ${curPath}`;
			assert.ok(!ops.has(key), `openapi.yaml line ${i + 1}: ${key} twice`);
			cur = { public: false, operationId: null, responses: [], line: i + 1 };
			ops.set(key, cur);
			inResponses = false;
		} else if (cur && (m = /^ {6}(\S[^:]*):\s*(.*)$/.exec(line))) {
			inResponses = m[1] === 'responses';
			if (m[1] === 'security' && /^\[\s*\]$/.test(m[2].trim())) cur.public = true;
			if (m[1] === 'operationId') cur.operationId = m[2].trim();
		} else if (cur && inResponses && (m = /^ {8}["']?(\d{3}|default)["']?:\s*$/.exec(line))) {
			cur.responses.push(m[1]);
		} else if (/^ {0,3}\S/.test(line) && !/^ {2}\S/.test(line)) {
			assert.fail(`openapi.yaml line ${i + 1}: irregular indentation under paths: ${line}`);
		}
	}
	return ops;
}

/**
 * The endpoints named in docs/api.md: every code span that starts with a method (or methods
 * joined by `|`, as in `PATCH|DELETE /api/v1/...`) and an /api/ path, query strings dropped.
 */
function readApiMd(text) {
	const set = new Set();
	for (const m of text.matchAll(/`((?:GET|POST|PUT|PATCH|DELETE)(?:\|(?:GET|POST|PUT|PATCH|DELETE))*) (\/api\/[^`\s?]*)/g)) {
		for (const method of m[1].split('|')) set.add(`${method} ${m[2]}`);
	}
	return set;
}

async function serverRoutes() {
	const r = await cli(['routes']);
	assert.equal(r.code, 0, `caseload routes: exit ${r.code}\n${r.stderr}`);
	let routes;
	assert.doesNotThrow(() => { routes = JSON.parse(r.stdout); }, `caseload routes prints JSON:\n${r.stdout.slice(0, 500)}`);
	assert.ok(Array.isArray(routes), 'a JSON array');
	return routes;
}

const yamlText = fs.readFileSync(path.join(ROOT, 'docs', 'openapi.yaml'), 'utf8');
const docOps = readOpenapi(yamlText);

test('openapi.yaml is OpenAPI 3.1 with regular paths and unique operationIds', () => {
	assert.match(yamlText, /^openapi: 3\.1\.\d+\s*$/m);
	assert.ok(docOps.size > 0, 'paths found');
	const ids = new Set();
	for (const [key, op] of docOps) {
		assert.ok(op.operationId, `${key} has an operationId`);
		assert.ok(!ids.has(op.operationId), `operationId ${op.operationId} unique`);
		ids.add(op.operationId);
		assert.ok(op.responses.some((c) => /^2/.test(c)), `${key} documents a success answer`);
		if (!op.public && key.includes('/api/')) assert.ok(op.responses.includes('401'), `${key} documents 401`);
	}
	assert.match(yamlText, /^ {4}Problem:\s*$/m, 'components.schemas.Problem');
});

test('every endpoint of docs/api.md is in openapi.yaml and the other way round', () => {
	const md = readApiMd(fs.readFileSync(path.join(ROOT, 'docs', 'api.md'), 'utf8'));
	assert.ok(md.size > 10, `api.md endpoints found: ${md.size}`);
	const docApi = new Set([...docOps.keys()].filter((k) => k.split(' ')[1].startsWith('/api/')));
	assert.deepEqual([...md].filter((k) => !docApi.has(k)).sort(), [], 'in api.md but not in openapi.yaml');
	assert.deepEqual([...docApi].filter((k) => !md.has(k)).sort(), [], 'in openapi.yaml but not in api.md');
});

test('the server route table and openapi.yaml list the same (method, path) pairs', async () => {
	const routes = await serverRoutes();
	const server = new Set();
	for (const r of routes) {
		const key = `${String(r.method).toUpperCase()} ${r.pattern}`;
		assert.ok(!server.has(key), `route ${key} twice in the table`);
		server.add(key);
	}
	const undocumented = [...server].filter((k) => !docOps.has(k)).sort();
	const missing = [...docOps.keys()].filter((k) => !server.has(k)).sort();
	assert.deepEqual(undocumented, [], 'routes of the server missing from docs/openapi.yaml');
	assert.deepEqual(missing, [], 'paths of docs/openapi.yaml the server does not have');
});

test('login and CSRF flags of the route table agree with the documentation', async () => {
	const routes = await serverRoutes();
	for (const r of routes) {
		const key = `${String(r.method).toUpperCase()} ${r.pattern}`;
		const op = docOps.get(key);
		if (!op) continue; // reported by the test above
		assert.equal(needsLogin(r), !op.public, `${key}: auth ${r.auth} but openapi says ${op.public ? 'security: []' : 'login needed'}`);
		if (needsLogin(r)) {
			assert.equal(r.csrf, UNSAFE.has(String(r.method).toUpperCase()), `${key}: csrf flag ${r.csrf}`);
		}
	}
	const pub = routes.filter((r) => !needsLogin(r) && r.pattern.startsWith('/api/')).map((r) => `${r.method} ${r.pattern}`).sort();
	assert.deepEqual(pub, ['GET /api/v1/health', 'POST /api/v1/session'], 'the only API routes without login');
});
