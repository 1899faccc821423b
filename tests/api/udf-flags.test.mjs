// udf-flags.test.mjs - the case summary's setup lists and the case's own summary data
// (docs/api.md "Critical deadlines and SOLs" setup list, "Flags (setup)", "User-defined
// fields", "The case's own summary data"): deadline types; flags with their condition,
// parameter and target rules; UDF fields per case type with picklist options; reading and
// writing a case's UDF values (every format, 422 on "values.<name>", required fields, all or
// nothing, money in units in and cents out, the timeline); and the case's retainer, referral,
// liability and incident facts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCaseServer, assertJson, assertProblem, uniq } from './casefix.mjs';

let fx;
let v;
before(async () => {
	fx = await startCaseServer();
	v = fx.v;
});
after(async () => { await fx?.stop(); });

const DEFAULT_FLAGS = [
	['Serious Injury', 'serious_injury', 'injuries'],
	['Bankruptcy', 'bankruptcy', 'bankruptcy'],
	['Referred Out', 'referred_out', 'referral'],
	['Deceased Plaintiff', 'deceased_plaintiff', 'surrogate'],
	['SOL Past Due', 'sol_past_due', 'deadlines'],
	['Minor Plaintiff', 'minor_plaintiff', 'plaintiffs'],
];

const udfUrl = (k) => `/api/v1/cases/${k.id}/udf`;

/** patchUdf(k, values, as) sends PATCH .../udf (no If-Match). */
const patchUdf = (k, values, as = fx.staff) => fx.req('PATCH', udfUrl(k), { as, body: { values } });

/** valuesOf(list) maps field name -> value of a GET .../udf answer. */
const valuesOf = (list) => Object.fromEntries(list.items.map((it) => [it.field.name, it.value]));

// ---- deadline types ------------------------------------------------------------------------

test('deadline types: a setup list like the others (admin writes, anyone reads, unique names)', async () => {
	const a = await fx.setup('deadline-types', { name: '  Answer due ', position: 10 });
	assert.deepEqual(Object.keys(a).sort(), ['id', 'name', 'position', 'version']);
	assert.equal(a.name, 'Answer due', 'trimmed');
	const b = await fx.setup('deadline-types', { name: 'Discovery cutoff', position: 5 });
	const list = await fx.get('/api/v1/setup/deadline-types', fx.staff);
	assert.deepEqual(list.items.map((x) => x.name), ['Discovery cutoff', 'Answer due'], 'by position');
	assert.equal(list.next_cursor, null);
	assertProblem(await fx.req('POST', '/api/v1/setup/deadline-types', { body: { name: 'Answer due' } }), 409, 'conflict', 'name');
	assertProblem(await fx.req('POST', '/api/v1/setup/deadline-types', { body: { name: ' ' } }), 422, 'unprocessable', 'name');
	assertProblem(await fx.req('POST', '/api/v1/setup/deadline-types', { as: fx.staff, body: { name: 'Nope' } }), 403, 'forbidden');
	assertProblem(await fx.req('POST', '/api/v1/setup/deadline-types', { body: { name: 'X', condition: 'liens' } }), 400, 'invalid', 'condition');
	const c = await fx.patch(`/api/v1/setup/deadline-types/${b.id}`, { name: 'Discovery cut-off' }, b.version);
	assert.equal(c.name, 'Discovery cut-off');
	assert.equal(c.version, b.version + 1);
	assertProblem(await fx.req('PATCH', `/api/v1/setup/deadline-types/${b.id}`, { body: { name: 'Y' }, ifMatch: b.version }), 409, 'conflict', 'header.If-Match');
	await fx.del(`/api/v1/setup/deadline-types/${c.id}`);
	assertProblem(await fx.req('GET', `/api/v1/setup/deadline-types/${c.id}`), 404, 'not_found');
	assert.equal((await fx.get(`/api/v1/setup/deadline-types/${a.id}`)).name, 'Answer due');
});

// ---- flags ---------------------------------------------------------------------------------

test('a new database has the six default flags, readable by staff', async () => {
	const list = await fx.get('/api/v1/setup/flags', fx.staff);
	assert.deepEqual(list.items.map((f) => [f.name, f.condition, f.target]), DEFAULT_FLAGS);
	for (const f of list.items) {
		assert.deepEqual(Object.keys(f).sort(), ['condition', 'id', 'name', 'param', 'position', 'target', 'version']);
		assert.equal(f.param, '');
	}
});

test('flags: create, read, edit and delete; condition, param and target are checked (422)', async () => {
	const post = (body, as) => fx.req('POST', '/api/v1/setup/flags', { as, body });
	const f = await fx.setup('flags', { name: 'Liens', condition: 'liens', target: 'liens', position: 20 });
	assert.equal(f.condition, 'liens');
	assert.equal(f.param, '');
	assert.equal(f.target, 'liens');
	const u = await fx.setup('flags', { name: 'Web Lead', condition: 'udf_equals', param: 'Referral source=Web', target: 'udf', position: 21 });
	assert.equal(u.param, 'Referral source=Web');
	const s = await fx.setup('flags', { name: 'Has Adjuster Notes', condition: 'udf_set', param: 'Adjuster notes', target: 'udf' });
	assert.equal(s.param, 'Adjuster notes');
	assert.deepEqual(await fx.get(`/api/v1/setup/flags/${u.id}`, fx.staff), u);

	assertProblem(await post({ name: uniq('F'), condition: 'full_moon', target: 'info' }), 422, 'unprocessable', 'condition');
	assertProblem(await post({ name: uniq('F'), target: 'info' }), 422, 'unprocessable', 'condition');
	assertProblem(await post({ name: uniq('F'), condition: 'liens', param: 'x', target: 'liens' }), 422, 'unprocessable', 'param');
	assertProblem(await post({ name: uniq('F'), condition: 'udf_equals', param: 'Referral source', target: 'udf' }), 422, 'unprocessable', 'param');
	assertProblem(await post({ name: uniq('F'), condition: 'udf_equals', param: '=Web', target: 'udf' }), 422, 'unprocessable', 'param');
	assertProblem(await post({ name: uniq('F'), condition: 'udf_equals', target: 'udf' }), 422, 'unprocessable', 'param');
	assertProblem(await post({ name: uniq('F'), condition: 'udf_set', target: 'udf' }), 422, 'unprocessable', 'param');
	assertProblem(await post({ name: uniq('F'), condition: 'udf_set', param: 'A=B', target: 'udf' }), 422, 'unprocessable', 'param');
	assertProblem(await post({ name: uniq('F'), condition: 'liens', target: 'nowhere' }), 422, 'unprocessable', 'target');
	assertProblem(await post({ name: uniq('F'), condition: 'liens' }), 422, 'unprocessable', 'target');
	assertProblem(await post({ name: uniq('F'), condition: 'liens', target: 'liens', required: true }), 400, 'invalid', 'required');
	assertProblem(await post({ name: 'Liens', condition: 'liens', target: 'liens' }), 409, 'conflict', 'name');
	assertProblem(await post({ name: uniq('F'), condition: 'liens', target: 'liens' }, fx.staff), 403, 'forbidden');

	const targets = ['injuries', 'bankruptcy', 'referral', 'surrogate', 'deadlines', 'plaintiffs',
		'defendants', 'liens', 'tasks', 'incident', 'udf', 'info'];
	const g = await fx.setup('flags', { name: uniq('T'), condition: 'critical_task', target: 'tasks' });
	let cur = g;
	for (const t of targets) {
		cur = await fx.patch(`/api/v1/setup/flags/${g.id}`, { target: t }, cur.version);
		assert.equal(cur.target, t);
	}
	// a condition that takes no parameter cannot keep one
	assertProblem(await fx.req('PATCH', `/api/v1/setup/flags/${u.id}`, { body: { condition: 'serious_injury' }, ifMatch: u.version }), 422, 'unprocessable', 'param');
	const u2 = await fx.patch(`/api/v1/setup/flags/${u.id}`, { condition: 'serious_injury', param: '', target: 'injuries' }, u.version);
	assert.deepEqual([u2.condition, u2.param, u2.target], ['serious_injury', '', 'injuries']);
	await fx.del(`/api/v1/setup/flags/${g.id}`);
	assertProblem(await fx.req('GET', `/api/v1/setup/flags/${g.id}`), 404, 'not_found');
});

// ---- UDF fields ----------------------------------------------------------------------------

test('UDF fields: per case type, formats, picklist options as an array, names unique per type', async () => {
	const type = await fx.setup('case-types', { name: uniq('Type '), group: 'legal' });
	const other = await fx.setup('case-types', { name: uniq('Type '), group: 'legal' });
	const post = (body) => fx.req('POST', '/api/v1/setup/udf-fields', { body });
	const pick = await fx.setup('udf-fields', {
		case_type_id: type.id, name: 'Referral source', format: 'picklist',
		options: [' Web ', 'TV', 'Attorney referral'], position: 10,
	});
	assert.deepEqual(Object.keys(pick).sort(), ['case_type_id', 'format', 'id', 'name', 'options', 'position', 'required', 'version']);
	assert.deepEqual(pick.options, ['Web', 'TV', 'Attorney referral'], 'options trimmed, in order');
	assert.equal(pick.required, false);
	assert.equal(pick.case_type_id, type.id);
	const money = await fx.setup('udf-fields', { case_type_id: type.id, name: 'Medical specials', format: 'money', required: true, position: 20 });
	assert.deepEqual(money.options, []);
	assert.equal(money.required, true);

	assertProblem(await post({ case_type_id: type.id, name: uniq('P'), format: 'picklist' }), 422, 'unprocessable', 'options');
	assertProblem(await post({ case_type_id: type.id, name: uniq('P'), format: 'picklist', options: [] }), 422, 'unprocessable', 'options');
	assertProblem(await post({ case_type_id: type.id, name: uniq('P'), format: 'picklist', options: ['A', ' '] }), 422, 'unprocessable', 'options');
	assertProblem(await post({ case_type_id: type.id, name: uniq('P'), format: 'picklist', options: ['A', 'A'] }), 422, 'unprocessable', 'options');
	assertProblem(await post({ case_type_id: type.id, name: uniq('P'), format: 'picklist', options: ['two\nlines'] }), 422, 'unprocessable', 'options');
	assertProblem(await post({ case_type_id: type.id, name: uniq('P'), format: 'picklist', options: 'A' }), 400, 'invalid', 'options');
	assertProblem(await post({ case_type_id: type.id, name: uniq('P'), format: 'picklist', options: [1] }), 400, 'invalid', 'options');
	assertProblem(await post({ case_type_id: type.id, name: uniq('T'), format: 'text', options: ['A'] }), 422, 'unprocessable', 'options');
	assertProblem(await post({ case_type_id: type.id, name: uniq('T'), format: 'boolean' }), 422, 'unprocessable', 'format');
	assertProblem(await post({ case_type_id: type.id, name: uniq('T') }), 422, 'unprocessable', 'format');
	assertProblem(await post({ name: uniq('T'), format: 'text' }), 422, 'unprocessable', 'case_type_id');
	assertProblem(await post({ case_type_id: 987654321, name: uniq('T'), format: 'text' }), 422, 'unprocessable', 'case_type_id');
	assertProblem(await post({ case_type_id: type.id, name: 'a=b', format: 'text' }), 422, 'unprocessable', 'name');
	assertProblem(await post({ case_type_id: type.id, name: 'x'.repeat(57), format: 'text' }), 422, 'unprocessable', 'name');
	assertProblem(await post({ case_type_id: type.id, name: 'Referral source', format: 'text' }), 409, 'conflict', 'name');
	assertProblem(await fx.req('POST', '/api/v1/setup/udf-fields', { as: fx.staff, body: { case_type_id: type.id, name: uniq('T'), format: 'text' } }), 403, 'forbidden');
	const same = await fx.setup('udf-fields', { case_type_id: other.id, name: 'Referral source', format: 'text' });
	assert.equal(same.format, 'text', 'the same name on another case type is fine');

	const mine = await fx.get(`/api/v1/setup/udf-fields?case_type_id=${type.id}`, fx.staff);
	assert.deepEqual(mine.items.map((f) => f.name), ['Referral source', 'Medical specials']);
	const theirs = await fx.get(`/api/v1/setup/udf-fields?case_type_id=${other.id}`);
	assert.deepEqual(theirs.items.map((f) => f.id), [same.id]);
	assertProblem(await fx.req('GET', '/api/v1/setup/udf-fields?case_type_id=987654321'), 422, 'unprocessable', 'case_type_id');
	assertProblem(await fx.req('GET', '/api/v1/setup/udf-fields?case_type_id=x'), 400, 'invalid', 'query.case_type_id');

	// a picklist's options change as a whole; a field that stops being a picklist drops them
	const p2 = await fx.patch(`/api/v1/setup/udf-fields/${pick.id}`, { options: ['Web', 'Radio'] }, pick.version);
	assert.deepEqual(p2.options, ['Web', 'Radio']);
	const p3 = await fx.patch(`/api/v1/setup/udf-fields/${pick.id}`, { format: 'text' }, p2.version);
	assert.deepEqual([p3.format, p3.options], ['text', []]);
	assertProblem(await fx.req('PATCH', `/api/v1/setup/udf-fields/${pick.id}`, { body: { format: 'picklist' }, ifMatch: p3.version }), 422, 'unprocessable', 'options');
	assertProblem(await fx.req('PATCH', `/api/v1/setup/udf-fields/${money.id}`, { body: { name: 'Referral source' }, ifMatch: money.version }), 409, 'conflict', 'name');
	await fx.del(`/api/v1/setup/udf-fields/${pick.id}`);
	assert.deepEqual((await fx.get(`/api/v1/setup/udf-fields?case_type_id=${type.id}`)).items.map((f) => f.id), [money.id]);
});

// ---- a case's UDF values -------------------------------------------------------------------

/** A case type of its own with one field of each format (and a required one), and a case. */
async function udfCase() {
	const type = await fx.setup('case-types', { name: uniq('UDF type '), group: 'legal' });
	const f = {};
	const add = async (key, body) => { f[key] = await fx.setup('udf-fields', { case_type_id: type.id, ...body }); };
	await add('text', { name: 'Adjuster notes', format: 'text', position: 1 });
	await add('number', { name: 'Treatment visits', format: 'number', position: 2 });
	await add('money', { name: 'Medical specials', format: 'money', position: 3 });
	await add('date', { name: 'Demand sent', format: 'date', position: 4 });
	await add('yesno', { name: 'Photos received', format: 'yesno', position: 5 });
	await add('pick', { name: 'Referral source', format: 'picklist', options: ['Web', 'TV', 'Attorney referral'], position: 6 });
	await add('req', { name: 'Venue', format: 'text', required: true, position: 7 });
	const k = await fx.createCase({ case_type_id: type.id });
	return { type, f, k };
}

test('GET .../udf lists every field of the case type in order, null when not set', async () => {
	const { f, k } = await udfCase();
	const list = await fx.get(udfUrl(k), fx.staff2);
	assert.deepEqual(list.items.map((it) => it.field.name),
		['Adjuster notes', 'Treatment visits', 'Medical specials', 'Demand sent', 'Photos received', 'Referral source', 'Venue']);
	for (const it of list.items) {
		assert.deepEqual(Object.keys(it).sort(), ['field', 'value']);
		assert.deepEqual(Object.keys(it.field).sort(), ['format', 'id', 'name', 'options', 'required']);
		assert.equal(it.value, null);
	}
	const pick = list.items.find((it) => it.field.id === f.pick.id).field;
	assert.deepEqual(pick, { id: f.pick.id, name: 'Referral source', format: 'picklist', required: false, options: ['Web', 'TV', 'Attorney referral'] });
	assert.equal(list.items.find((it) => it.field.id === f.req.id).field.required, true);
	// another type's case has none of them
	const plain = await fx.createCase();
	assert.deepEqual((await fx.get(udfUrl(plain))).items, []);
	assertProblem(await fx.req('GET', '/api/v1/cases/987654321/udf'), 404, 'not_found');
});

test('PATCH .../udf writes every format; money goes in as units and comes back in cents; one udf.changed event', async () => {
	const { k } = await udfCase();
	const seq = await fx.lastSeq(k.id);
	const res = await patchUdf(k, {
		'Adjuster notes': 'Called twice, no answer',
		'Treatment visits': 12,
		'Medical specials': 1250.5,
		'Demand sent': '2026-02-28',
		'Photos received': true,
		'Referral source': 'Attorney referral',
		Venue: 'Sangamon County',
	});
	const list = assertJson(res);
	assert.deepEqual(valuesOf(list), {
		'Adjuster notes': 'Called twice, no answer',
		'Treatment visits': 12,
		'Medical specials': 125050,
		'Demand sent': '2026-02-28',
		'Photos received': true,
		'Referral source': 'Attorney referral',
		Venue: 'Sangamon County',
	});
	assert.deepEqual(await fx.get(udfUrl(k)), list, 'GET reads the same');
	const ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((e) => e.type), ['udf.changed']);
	assert.match(ev[0].description, /Medical specials: \(none\) → 1250\.50/);
	assert.match(ev[0].description, /Photos received: \(none\) → yes/);
	assert.match(ev[0].description, /Referral source: \(none\) → Attorney referral/);
	assert.equal(ev[0].staff.id, fx.staff.id);

	// decimals, whole amounts, a fraction of a number, false
	const two = valuesOf(assertJson(await patchUdf(k, {
		'Treatment visits': 12.25, 'Medical specials': 100, 'Photos received': false,
	})));
	assert.equal(two['Treatment visits'], 12.25);
	assert.equal(two['Medical specials'], 10000);
	assert.equal(two['Photos received'], false);
	assert.equal(valuesOf(assertJson(await patchUdf(k, { 'Medical specials': 0.29 })))['Medical specials'], 29);

	// the same values again change nothing and write no event
	const seq2 = await fx.lastSeq(k.id);
	assertJson(await patchUdf(k, { 'Medical specials': 0.29, Venue: 'Sangamon County' }));
	assert.equal(await fx.lastSeq(k.id), seq2, 'no event for no change');

	// null (or "" for text, date and picklist) clears an optional field
	const cleared = valuesOf(assertJson(await patchUdf(k, {
		'Adjuster notes': null, 'Treatment visits': null, 'Medical specials': null,
		'Demand sent': '', 'Photos received': null, 'Referral source': '',
	})));
	for (const name of ['Adjuster notes', 'Treatment visits', 'Medical specials', 'Demand sent', 'Photos received', 'Referral source']) {
		assert.equal(cleared[name], null, `${name} cleared`);
	}
	assert.equal(cleared.Venue, 'Sangamon County');
});

test('a wrong value is 422 on values.<name> for each kind of mistake, and nothing is written', async () => {
	const { k } = await udfCase();
	const good = { 'Adjuster notes': 'first', 'Medical specials': 10, Venue: 'Cook County' };
	assertJson(await patchUdf(k, good));
	const before = await fx.get(udfUrl(k));
	const seq = await fx.lastSeq(k.id);
	const bad = [
		['Adjuster notes', 12],
		['Adjuster notes', true],
		['Adjuster notes', 'x'.repeat(1001)],
		['Treatment visits', '12'],
		['Treatment visits', false],
		['Medical specials', 12.345],
		['Medical specials', 0.001],
		['Medical specials', '1250.50'],
		['Demand sent', '2026-02-30'],
		['Demand sent', 'next week'],
		['Demand sent', 20260228],
		['Photos received', 'yes'],
		['Photos received', 1],
		['Referral source', 'Radio'],
		['Referral source', 'web'],
		['Referral source', 3],
		['Adjuster notes', ['a']],
		['Adjuster notes', { a: 1 }],
		['No such field', 'x'],
	];
	for (const [name, value] of bad) {
		// each bad value travels with a good change, which must not be written either
		const companion = name === 'Adjuster notes' ? { 'Medical specials': 20 } : { 'Adjuster notes': 'second' };
		const res = await patchUdf(k, { ...companion, [name]: value });
		assertProblem(res, 422, 'unprocessable', `values.${name}`);
	}
	assert.deepEqual(await fx.get(udfUrl(k)), before, 'all or nothing: no value changed');
	assert.equal(await fx.lastSeq(k.id), seq, 'no event');

	// a required field may be set but not cleared
	assertProblem(await patchUdf(k, { Venue: null }), 422, 'unprocessable', 'values.Venue');
	assertProblem(await patchUdf(k, { Venue: '' }), 422, 'unprocessable', 'values.Venue');
	assert.equal(valuesOf(await fx.get(udfUrl(k))).Venue, 'Cook County');

	// a field of another case type is not this case's
	const plain = await fx.createCase();
	assertProblem(await patchUdf(plain, { 'Adjuster notes': 'x' }), 422, 'unprocessable', 'values.Adjuster notes');

	// the body's shape
	assertProblem(await fx.req('PATCH', udfUrl(k), { as: fx.staff, body: {} }), 422, 'unprocessable', 'values');
	assertProblem(await fx.req('PATCH', udfUrl(k), { as: fx.staff, body: { values: [1] } }), 400, 'invalid', 'values');
	assertProblem(await fx.req('PATCH', udfUrl(k), { as: fx.staff, body: { values: {}, extra: 1 } }), 400, 'invalid', 'extra');
	const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`f${i}`, 'x']));
	assertProblem(await patchUdf(k, many), 422, 'unprocessable', 'values');
	assertJson(await patchUdf(k, {}), 200);
});

test('UDF rights: reading follows the case, writing needs case_edit', async () => {
	const { k } = await udfCase();
	const advisor = await fx.newUser('advisor', 'Avery Outside');
	const client = await fx.newUser('client', 'Cleo Client');
	assertProblem(await fx.req('GET', udfUrl(k), { as: advisor }), 404, 'not_found');
	assertProblem(await patchUdf(k, { Venue: 'x' }, client), 404, 'not_found');
	const noEdit = await fx.newUser('staff', 'Nora Noedit');
	assertJson(await fx.req('PUT', `/api/v1/users/${noEdit.id}/rights/case_edit`, { body: { granted: false } }));
	assertJson(await fx.req('GET', udfUrl(k), { as: noEdit }));
	assertProblem(await patchUdf(k, { Venue: 'x' }, noEdit), 403, 'forbidden');
	assert.equal(valuesOf(await fx.get(udfUrl(k))).Venue, null);
});

test('a field in use keeps its format and case type (409); its values go with neither', async () => {
	const { f, k } = await udfCase();
	assertJson(await patchUdf(k, { 'Treatment visits': 3 }));
	assertProblem(await fx.req('PATCH', `/api/v1/setup/udf-fields/${f.number.id}`, { body: { format: 'text' }, ifMatch: f.number.version }), 409, 'conflict', 'format');
	const other = await fx.setup('case-types', { name: uniq('Type '), group: 'legal' });
	assertProblem(await fx.req('PATCH', `/api/v1/setup/udf-fields/${f.number.id}`, { body: { case_type_id: other.id }, ifMatch: f.number.version }), 409, 'conflict', 'case_type_id');
	const renamed = await fx.patch(`/api/v1/setup/udf-fields/${f.number.id}`, { name: 'Visits' }, f.number.version);
	assert.equal(renamed.name, 'Visits');
	assert.equal(valuesOf(await fx.get(udfUrl(k))).Visits, 3, 'the value follows the renamed field');
	assertProblem(await fx.req('DELETE', `/api/v1/setup/udf-fields/${f.number.id}`), 409, 'conflict');
	// a field nobody uses changes freely
	const free = await fx.patch(`/api/v1/setup/udf-fields/${f.date.id}`, { format: 'text' }, f.date.version);
	assert.equal(free.format, 'text');
});

test('flags of UDF rules show on the case summary', async () => {
	const { k } = await udfCase();
	const eq = await fx.setup('flags', { name: uniq('Attorney Lead '), condition: 'udf_equals', param: 'Referral source=Attorney referral', target: 'udf' });
	const set = await fx.setup('flags', { name: uniq('Photos In '), condition: 'udf_set', param: 'Photos received', target: 'udf' });
	const flagsOf = async () => (await fx.get(`/api/v1/cases/${k.id}/summary`)).flags.map((x) => x.id);
	let ids = await flagsOf();
	assert.ok(!ids.includes(eq.id) && !ids.includes(set.id), 'neither holds yet');
	assertJson(await patchUdf(k, { 'Referral source': 'Attorney referral', 'Photos received': false }));
	ids = await flagsOf();
	assert.ok(ids.includes(eq.id), 'udf_equals holds');
	assert.ok(ids.includes(set.id), 'udf_set holds for a "no" answer too');
	assertJson(await patchUdf(k, { 'Referral source': 'Web', 'Photos received': null }));
	ids = await flagsOf();
	assert.ok(!ids.includes(eq.id) && !ids.includes(set.id), 'neither holds any more');
	const summary = await fx.get(`/api/v1/cases/${k.id}/summary`);
	assert.equal(valuesOf({ items: summary.udf })['Referral source'], 'Web');
});

// ---- the case's own summary data -----------------------------------------------------------

test('the case carries retainer date, referral in and out, liability and incident facts', async () => {
	const referrer = await fx.newContact({ first_name: 'Rhea', last_name: uniq('Referrer') });
	const firm = await fx.post('/api/v1/contacts', { kind: 'organisation', org_name: uniq('Co-counsel LLP ') });
	const k = await fx.createCase({
		retainer_date: '2026-01-20', referral_in_form: ' Attorney referral ', referral_in_contact_id: referrer.id,
		liability_code: 'A', liability_percent: 80, incident_facts: 'Rear-ended at a red light.',
	});
	assert.equal(k.retainer_date, '2026-01-20');
	assert.equal(k.referral_in_form, 'Attorney referral', 'trimmed');
	assert.deepEqual(k.referral_in_contact, { id: referrer.id, name: `Rhea ${referrer.last_name}` });
	assert.equal(k.referral_out_form, '');
	assert.equal(k.referral_out_contact, null);
	assert.equal(k.liability_code, 'A');
	assert.equal(k.liability_percent, 80);
	assert.equal(k.incident_facts, 'Rear-ended at a red light.');
	assert.deepEqual(await fx.get(`/api/v1/cases/${k.id}`, fx.staff2), k);

	const plain = await fx.createCase();
	assert.equal(plain.retainer_date, null);
	assert.equal(plain.referral_in_contact, null);
	assert.equal(plain.liability_percent, null);
	assert.equal(plain.incident_facts, '');

	const seq = await fx.lastSeq(k.id);
	const k2 = await fx.patch(`/api/v1/cases/${k.id}`, {
		referral_out_form: 'Co-counsel referral', referral_out_contact_id: firm.id, liability_percent: null,
		retainer_date: null,
	}, k.version, fx.staff);
	assert.deepEqual(k2.referral_out_contact, { id: firm.id, name: firm.org_name });
	assert.equal(k2.referral_out_form, 'Co-counsel referral');
	assert.equal(k2.liability_percent, null);
	assert.equal(k2.retainer_date, null);
	assert.deepEqual(k2.referral_in_contact, k.referral_in_contact, 'the rest stays');
	const ev = await fx.eventsSince(k.id, seq);
	assert.deepEqual(ev.map((e) => e.type), ['case.changed']);
	assert.match(ev[0].description, /referred out to: \(none\) → Co-counsel LLP/);
	assert.match(ev[0].description, /liability: 80% → \(none\)/);

	// the Referred Out flag follows the referred-out contact
	const summary = await fx.get(`/api/v1/cases/${k.id}/summary`);
	assert.ok(summary.flags.some((x) => x.name === 'Referred Out' && x.target === 'referral'));
	assert.deepEqual(summary.referral.out_contact, k2.referral_out_contact);

	const k3 = await fx.patch(`/api/v1/cases/${k.id}`, { referral_in_contact_id: null, liability_percent: 0 }, k2.version, fx.staff);
	assert.equal(k3.referral_in_contact, null);
	assert.equal(k3.liability_percent, 0);
});

test('the case summary members are checked: liability 0..100, real contacts, dates, lengths', async () => {
	const k = await fx.createCase();
	const patch = (body) => fx.req('PATCH', `/api/v1/cases/${k.id}`, { as: fx.staff, body, ifMatch: k.version });
	assertProblem(await patch({ liability_percent: 101 }), 422, 'unprocessable', 'liability_percent');
	assertProblem(await patch({ liability_percent: -1 }), 422, 'unprocessable', 'liability_percent');
	assertProblem(await patch({ liability_percent: '50' }), 400, 'invalid', 'liability_percent');
	assertProblem(await patch({ liability_percent: 50.5 }), 400, 'invalid', 'liability_percent');
	assertProblem(await patch({ referral_in_contact_id: 987654321 }), 422, 'unprocessable', 'referral_in_contact_id');
	assertProblem(await patch({ referral_out_contact_id: 987654321 }), 422, 'unprocessable', 'referral_out_contact_id');
	assertProblem(await patch({ retainer_date: '2026-02-30' }), 400, 'invalid', 'retainer_date');
	assertProblem(await patch({ incident_facts: 'x'.repeat(4001) }), 422, 'unprocessable', 'incident_facts');
	assertProblem(await fx.req('POST', '/api/v1/cases', { as: fx.staff, body: { name: uniq('C'), case_type_id: v.auto.id, liability_percent: 101 } }), 422, 'unprocessable', 'liability_percent');
	const same = await fx.get(`/api/v1/cases/${k.id}`);
	assert.equal(same.version, k.version, 'nothing was written');
	const ok = await fx.patch(`/api/v1/cases/${k.id}`, { liability_percent: 100, incident_facts: 'x'.repeat(4000) }, k.version, fx.staff);
	assert.equal(ok.liability_percent, 100);
	assert.equal(ok.incident_facts.length, 4000);
});
