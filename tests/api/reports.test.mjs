// reports.test.mjs - case status reports to advisors, end to end (docs/api.md "Pending cases and
// case status reports", issue 5 "Tests and benchmark"): a real `caseload serve` sends through a
// real SMTP server on loopback (smtp.mjs) and renders letters as a PDF read back with pdftotext.
//
// What is checked: the preview (advisors by last name, their method, cases, address, issues;
// the selection options; bad options), that the preview is frozen, the e-mails (one recipient
// each, From, default and custom subject, requirements in listed order with key ones in
// <strong>, the statuses the setup includes, POS only when asked, masking, HTML escaping, the
// Message-ID), the letters (page order by the primary advisor's last name, one case per letter,
// the stage's text in follow-up mode, masking, the office logo when asked), the result (e-mailed, printed, failed and why), what a send leaves
// on each case (note, advisor log, timeline, follow-up dates in both office modes), the rights,
// a second send of one preview, an interrupted send re-run (in doubt, resolved as sent or
// resent), and the CLI (`caseload report status`).
//
// Every test builds its own office and data through the API (reportfix.mjs) and filters its
// reports to that office, so the demo data never shows in a count; the SMTP sink is shared by
// the file and read by recipient (every address is unique).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	startReportServer, TZ, PG, WAIT, FULL_ADDRESS, INVALID_EMAIL_LOCAL, today, addDays, uniq,
	stageName, isBlankDate, strongTexts, assertInOrder, pdfText, pdfFileText, pdfImageCount, makePng, api,
	assertJson, assertProblem, sleep,
} from './reportfix.mjs';
import { loginDemo, cli } from './helper.mjs';

/** The one address the file's SMTP server refuses (RCPT TO answered 5xx). */
const REJECT_ADDR = `refused.${uniq('')}@example.com`;

/** The Message-ID pattern of docs/api.md: <status-report.SEND.ITEM.HASH@DOMAIN>. */
const MESSAGE_ID_RE = /^<status-report\.(\d+)\.(\d+)\.([0-9a-f]{16})@([^<>@\s]+)>$/;

let fx;
let v;
before(async () => {
	fx = await startReportServer({ smtp: { reject: [REJECT_ADDR] } });
	v = fx.v;
});
after(async () => { await fx?.stop(); });

/* ---- small readers ---------------------------------------------------------------------- */

/** The report of a preview or result addressed to a contact (asserts there is exactly one). */
function reportOf(p, contact) {
	const rs = p.reports.filter((r) => r.advisor.id === contact.id);
	assert.equal(rs.length, 1, `one report to ${contact.name}: ${JSON.stringify(p.reports.map((r) => r.advisor))}`);
	return rs[0];
}

/** [advisor name, [case ids]] per report, in the listed order: what a preview selected. */
const selection = (p) => p.reports.map((r) => [r.advisor.name, r.cases.map((k) => k.id)]);

/** The one message in the sink to addr (asserts exactly one). */
function oneMail(addr) {
	const m = fx.mails(addr);
	assert.equal(m.length, 1, `exactly one message to ${addr}, got ${m.length}`);
	return m[0];
}

/** A masked policy number ending in `last4`: mask characters (or their HTML entities) before it. */
const maskedRe = (last4) => new RegExp(`(?:[*•●xX#]|&bull;|&#8226;|&#x2022;){3,}\\s?${last4}`);

/** POST /api/v1/outbox/{id}/resolve as admin; the answer's status is not in docs/api.md: 200 or 204. */
async function resolve(c, id, as) {
	const r = await c.req('POST', `/api/v1/outbox/${id}/resolve`, { body: { as } });
	assert.ok([200, 204].includes(r.status), `resolve ${id} as ${as}: ${r.status} ${r.text.slice(0, 300)}`);
	return r;
}

/** Asserts an answer's `today` is the firm's date around now. */
function assertToday(d, before) {
	assert.ok([before, today()].includes(d), `today ${d} is the firm's date in ${TZ} (${before})`);
}

/* ---- the preview -------------------------------------------------------------------------- */

test('preview: the advisors by last name, each with method, address, cases and issues; frozen options; printable', async () => {
	const t0 = today();
	const o = await fx.office();
	// Adler and Baker have what their method needs; the other four have one issue each
	const adler = await fx.advisor({ first: 'Ada', last: 'Adler' });
	const baker = await fx.advisor({ first: 'Ben', last: 'Baker', preferred: 'letter' });
	const carver = await fx.advisor({ first: 'Cy', last: 'Carver', email: null });
	const dunn = await fx.advisor({ first: 'Di', last: 'Dunn', email: `${INVALID_EMAIL_LOCAL}@example.com` });
	const ellis = await fx.advisor({ first: 'Ed', last: 'Ellis', preferred: 'letter', address: null });
	const foster = await fx.advisor({
		first: 'Flo', last: 'Foster', preferred: 'letter', address: { label: 'home', line1: '9 Elm Road', city: 'Springfield' },
	});
	// made in the reverse order of their names, so the list's order is not the order of ids
	const k1 = await fx.pendingCase(o, { advisors: [{ contact: foster, role: v.writingRole }] });
	await fx.post(`/api/v1/cases/${k1.id}/staff`, { contact_id: adler.id, role_id: v.primaryRole.id });
	await fx.post(`/api/v1/cases/${k1.id}/staff`, { contact_id: baker.id, role_id: v.writingRole.id });
	const k2 = await fx.pendingCase(o, { stage: v.approved, advisors: [{ contact: carver, role: v.writingRole }, { contact: adler }] });
	const k3 = await fx.pendingCase(o, {
		stage: v.submitted,
		advisors: [{ contact: ellis, role: v.writingRole }, { contact: dunn, role: v.writingRole }],
	});

	const p = await fx.preview(fx.opts(o));
	assert.ok(Number.isInteger(p.id) && p.id > 0, 'a preview id');
	assertToday(p.today, t0);
	assert.equal(p.send_id, null, 'not sent yet');
	assert.equal(typeof p.created_at, 'string');
	// the options as sent, normalised with the dialog's defaults
	assert.equal(p.options.office_id, o.id);
	assert.equal(p.options.advisors, 'all');
	assert.equal(p.options.cases, 'all');
	assert.equal(p.options.method, 'preferred');
	assert.equal(p.options.mask, 'none');
	assert.equal(p.options.subject, '');
	assert.equal(p.options.one_case_per_letter, false);
	assert.equal(p.options.show_logo, false);
	assert.deepEqual(p.options.include, { informal: false, informal_child: false, group: false, pos_requirements: false });

	// listed by the advisor's last name
	assert.deepEqual(p.reports.map((r) => r.advisor.name), [adler, baker, carver, dunn, ellis, foster].map((c) => c.name));
	assert.deepEqual(p.reports.map((r) => r.advisor.id), [adler, baker, carver, dunn, ellis, foster].map((c) => c.id));
	const ids = p.reports.map((r) => r.id);
	assert.ok(ids.every((id) => Number.isInteger(id) && id > 0), 'each report has an id');
	assert.equal(new Set(ids).size, ids.length, 'report ids differ');
	assert.deepEqual(p.reports.map((r) => r.method), ['email', 'letter', 'email', 'email', 'letter', 'letter'],
		'each advisor\'s preferred method');
	// the cases of each report, in case-number order, with their stage
	assert.deepEqual(selection(p), [
		[adler.name, [k1.id, k2.id]], [baker.name, [k1.id]], [carver.name, [k2.id]],
		[dunn.name, [k3.id]], [ellis.name, [k3.id]], [foster.name, [k1.id]],
	]);
	const ra = reportOf(p, adler);
	assert.deepEqual(ra.cases.map((k) => [k.id, k.number, k.name, stageName(k.stage)]),
		[[k1.id, k1.number, k1.name, v.underwriting.name], [k2.id, k2.number, k2.name, v.approved.name]]);
	// the address each report goes to: the e-mail address, or the postal address
	assert.equal(ra.address, adler.addr);
	const rb = reportOf(p, baker);
	for (const part of [FULL_ADDRESS.line1, FULL_ADDRESS.city, FULL_ADDRESS.postcode]) {
		assert.ok(rb.address.includes(part), `the letter's address has "${part}": ${rb.address}`);
	}
	// the issues: none for Adler and Baker, one each for the others
	const codes = (c) => reportOf(p, c).issues.map((i) => i.code);
	assert.deepEqual(codes(adler), []);
	assert.deepEqual(codes(baker), []);
	assert.deepEqual(codes(carver), ['email_missing']);
	assert.deepEqual(codes(dunn), ['email_invalid']);
	assert.deepEqual(codes(ellis), ['address_missing']);
	assert.deepEqual(codes(foster), ['address_incomplete']);
	for (const r of p.reports) {
		for (const i of r.issues) assert.ok(typeof i.message === 'string' && i.message.length > 0, `issue ${i.code} has a message`);
	}
	assert.deepEqual(p.counts, { reports: 6, advisors: 6, cases: 3, email: 3, letter: 3, issues: 4 });

	// the preview reads back the same
	assert.deepEqual(await fx.get(`/api/v1/reports/status/previews/${p.id}`), p);

	// printable: a PDF naming every advisor and case
	const pdf = await fx.req('GET', `/api/v1/reports/status/previews/${p.id}/pdf`);
	assert.equal(pdf.status, 200, `preview pdf: ${pdf.status} ${pdf.text.slice(0, 200)}`);
	assert.match(String(pdf.headers['content-type']), /^application\/pdf/);
	assert.match(String(pdf.headers['content-disposition'] || ''), /^attachment/);
	const all = pdfText(pdf.buffer).texts.join('\n');
	for (const c of [adler, baker, carver, dunn, ellis, foster]) assert.ok(all.includes(c.last), `the preview PDF names ${c.last}`);
	for (const k of [k1, k2, k3]) assert.ok(all.includes(k.number), `the preview PDF lists case ${k.number}`);
});

test('preview: the method can be forced (e-mail all, print all), and the issues follow the method', async () => {
	const o = await fx.office();
	const mailer = await fx.advisor({ last: 'Mailer', address: null });                    // e-mail, no address
	const writer = await fx.advisor({ last: 'Writer', preferred: 'letter', email: null }); // letter, no e-mail
	await fx.pendingCase(o, { advisors: [{ contact: mailer }, { contact: writer, role: v.writingRole }] });

	const em = await fx.preview(fx.opts(o, { method: 'email' }));
	assert.deepEqual(em.reports.map((r) => [r.advisor.id, r.method, r.issues.map((i) => i.code)]),
		[[mailer.id, 'email', []], [writer.id, 'email', ['email_missing']]]);
	assert.deepEqual([em.counts.email, em.counts.letter, em.counts.issues], [2, 0, 1]);

	const pr = await fx.preview(fx.opts(o, { method: 'print' }));
	assert.deepEqual(pr.reports.map((r) => [r.advisor.id, r.method, r.issues.map((i) => i.code)]),
		[[mailer.id, 'letter', ['address_missing']], [writer.id, 'letter', []]]);
	assert.deepEqual([pr.counts.email, pr.counts.letter, pr.counts.issues], [0, 2, 1]);
});

test('preview selection: office, pending cases only, kinds when asked, primary/selected advisors, stage, selected cases, case manager', async () => {
	const o = await fx.office();
	const other = await fx.office();
	const manager = await fx.newStaff('Mona Manager');
	const prim = await fx.advisor({ last: 'Prim' });
	const writ = await fx.advisor({ last: 'Writ' });
	const away = await fx.advisor({ last: 'Away' });
	const legal = await fx.advisor({ last: 'Legal' });
	const P = { contact: prim };
	const W = { contact: writ, role: v.writingRole };
	const k1 = await fx.pendingCase(o, { advisors: [P, W], manager });
	const k2 = await fx.pendingCase(o, { stage: v.approved, advisors: [P] });
	const k3 = await fx.pendingCase(o, { policy: { kind: 'informal' }, advisors: [W] });
	const k4 = await fx.pendingCase(o, { policy: { kind: 'informal_child', parent_case_id: k1.id }, advisors: [W] });
	const k5 = await fx.pendingCase(o, { policy: { kind: 'group' }, advisors: [P] });
	const k6 = await fx.pendingCase(o, { advisors: [P, W] });
	await fx.closeCase(k6);                                                   // closed: not pending
	const k7 = await fx.pendingCase(o, { stage: v.submitted, policy: null, advisors: [W] }); // no policy row: formal
	await fx.pendingCase(other, { advisors: [{ contact: away }, P] });       // another office
	await fx.pendingCase(o, { type: v.legalType, advisors: [{ contact: legal }] }); // not an insurance case

	const sel = async (extra) => selection(await fx.preview(fx.opts(o, extra)));
	// formal cases only by default; closed, other-office and non-insurance cases never
	assert.deepEqual(await sel({}), [[prim.name, [k1.id, k2.id]], [writ.name, [k1.id, k7.id]]]);
	// informal, informal child and group cases each only when asked
	assert.deepEqual(await sel({ include: { informal: true } }), [[prim.name, [k1.id, k2.id]], [writ.name, [k1.id, k3.id, k7.id]]]);
	assert.deepEqual(await sel({ include: { informal_child: true } }), [[prim.name, [k1.id, k2.id]], [writ.name, [k1.id, k4.id, k7.id]]]);
	assert.deepEqual(await sel({ include: { group: true } }), [[prim.name, [k1.id, k2.id, k5.id]], [writ.name, [k1.id, k7.id]]]);
	const every = await fx.preview(fx.opts(o, { include: { informal: true, informal_child: true, group: true } }));
	assert.deepEqual(selection(every), [[prim.name, [k1.id, k2.id, k5.id]], [writ.name, [k1.id, k3.id, k4.id, k7.id]]]);
	assert.equal(every.counts.cases, 6, 'k1 k2 k3 k4 k5 k7');
	// all primary advisors: only those in a primary advisor role, only on those cases
	assert.deepEqual(await sel({ advisors: 'primary' }), [[prim.name, [k1.id, k2.id]]]);
	// selected advisors
	assert.deepEqual(await sel({ advisors: 'selected', advisor_ids: [writ.id] }), [[writ.name, [k1.id, k7.id]]]);
	// by stage
	assert.deepEqual(await sel({ cases: 'stage', stage_status_id: v.approved.id }), [[prim.name, [k2.id]]]);
	// selected cases
	assert.deepEqual(await sel({ cases: 'selected', case_ids: [k7.id, k2.id] }), [[prim.name, [k2.id]], [writ.name, [k7.id]]]);
	// a case manager's cases
	assert.deepEqual(await sel({ case_manager_id: manager.id }), [[prim.name, [k1.id]], [writ.name, [k1.id]]]);
});

test('preview: bad options are 4xx problems naming the member; unknown ids are 404', async () => {
	const none = await fx.office();                       // follow-up method none
	const bad = async (body, status, field) => assertProblem(await fx.previewRaw(body), status, undefined, field);
	await bad({ office_id: none.id, advisors: 'everyone' }, 422, 'advisors');
	await bad({ office_id: none.id, cases: 'some' }, 422, 'cases');
	await bad({ office_id: none.id, method: 'fax' }, 422, 'method');
	await bad({ office_id: none.id, mask: 'all' }, 422, 'mask');
	await bad({ office_id: none.id, advisors: 'selected' }, 422, 'advisor_ids');
	await bad({ office_id: none.id, advisors: 'selected', advisor_ids: [] }, 422, 'advisor_ids');
	await bad({ office_id: none.id, cases: 'selected', case_ids: [] }, 422, 'case_ids');
	await bad({ office_id: none.id, cases: 'selected', case_ids: Array.from({ length: 1001 }, (_, i) => i + 1) }, 422, 'case_ids');
	await bad({ office_id: none.id, cases: 'stage' }, 422, 'stage_status_id');
	await bad({ office_id: none.id, subject: 'x'.repeat(201) }, 422, 'subject');
	// the follow-up option needs an office with stage-based follow-ups
	await bad({ office_id: none.id, cases: 'follow_up' }, 422, 'cases');
	await bad({ cases: 'follow_up' }, 422, 'cases');
	// wrong JSON types and unknown members: 400 naming the member
	await bad({ office_id: none.id, cases: 'selected', case_ids: 'all' }, 400, 'case_ids');
	await bad({ office_id: 'three' }, 400, 'office_id');
	await bad({ office_id: none.id, include: { informal: 'yes' } }, 400, 'include.informal');
	await bad({ office_id: none.id, bogus: 1 }, 400, 'bogus');
	// malformed JSON and a body that is not JSON
	const mal = await fx.req('POST', '/api/v1/reports/status/preview', { headers: { 'Content-Type': 'application/json' }, body: undefined });
	assert.ok([400, 415, 422].includes(mal.status), `an empty body: ${mal.status}`);
	const txt = await api(fx.s, 'POST', '/api/v1/reports/status/preview', {
		session: fx.admin, rawBody: 'office_id=1', headers: { 'Content-Type': 'text/plain' },
	});
	assertProblem(txt, 415);
	// unknown previews and sends
	assertProblem(await fx.req('GET', '/api/v1/reports/status/previews/987654321'), 404, 'not_found');
	assertProblem(await fx.req('GET', '/api/v1/reports/status/987654321'), 404, 'not_found');
	assertProblem(await fx.sendRaw({ preview_id: 987654321 }), 404, 'not_found');
	const neither = await fx.sendRaw({});
	assert.ok([400, 422].includes(neither.status), `send without preview_id or options: ${neither.status} ${neither.text}`);
	assertProblem(neither, neither.status);
	// not logged in
	assertProblem(await api(fx.s, 'POST', '/api/v1/reports/status/preview', { body: { office_id: none.id } }), 401, 'unauthorized');
});

test('a preview is frozen: data changed after it does not change what the send covers', async () => {
	const o = await fx.office();
	const ann = await fx.advisor({ first: 'Ann', last: 'Frost' });
	const ben = await fx.advisor({ first: 'Ben', last: 'Gale', preferred: 'letter' });
	const k1 = await fx.pendingCase(o, { advisors: [{ contact: ann }, { contact: ben, role: v.writingRole }] });
	const p = await fx.preview(fx.opts(o));
	assert.deepEqual(selection(p), [[ann.name, [k1.id]], [ben.name, [k1.id]]]);

	// after the preview: a new pending case for Ann, a new advisor on k1, Ann now prefers letters
	const k2 = await fx.pendingCase(o, { advisors: [{ contact: ann }] });
	const cal = await fx.advisor({ first: 'Cal', last: 'Hale' });
	await fx.post(`/api/v1/cases/${k1.id}/staff`, { contact_id: cal.id, role_id: v.writingRole.id });
	const annNow = await fx.get(`/api/v1/contacts/${ann.id}`);
	await fx.patch(`/api/v1/contacts/${ann.id}`, { preferred_comm: 'letter' }, annNow.version);
	// a new preview sees the change; the first one does not
	assert.deepEqual(selection(await fx.preview(fx.opts(o))), [[ann.name, [k1.id, k2.id]], [ben.name, [k1.id]], [cal.name, [k1.id]]]);
	const again = await fx.get(`/api/v1/reports/status/previews/${p.id}`);
	assert.deepEqual(again, p, 'the preview reads back unchanged');

	const send = await fx.send(p);
	const res = await fx.waitDone(send.id);
	assert.equal(res.preview_id, p.id);
	// the send covers the previewed reports: same reports, advisors, methods and cases
	assert.deepEqual(res.reports.map((r) => [r.id, r.advisor.id, r.method, r.cases.map((k) => k.id)]),
		p.reports.map((r) => [r.id, r.advisor.id, r.method, r.cases.map((k) => k.id)]));
	assert.deepEqual(res.reports.map((r) => r.outcome), ['emailed', 'printed']);
	// Ann's e-mail covers k1 only; Cal gets nothing; k2 gets no pending-case note
	const m = oneMail(ann.addr);
	assert.ok(m.text.includes(k1.number), 'the e-mail covers k1');
	assert.ok(!m.text.includes(k2.number), 'the e-mail does not cover the later case k2');
	assert.equal(fx.mails(cal.addr).length, 0, 'the later advisor gets nothing');
	assert.deepEqual(await fx.pendingNotes(k2.id), [], 'no note on the later case');
	assert.deepEqual(await fx.advisorLog(cal.id), [], 'nothing in the later advisor\'s log');
	// the preview now names its send
	assert.equal((await fx.get(`/api/v1/reports/status/previews/${p.id}`)).send_id, send.id);
});

/* ---- e-mails -------------------------------------------------------------------------------- */

test('e-mail: one message per report, one recipient each, from --mail-from; default subject from the setup, or a custom one', async () => {
	const setup0 = await fx.get('/api/v1/setup/status-report');
	const dflt = `Pending business update ${uniq('')}`;
	try {
		await fx.put('/api/v1/setup/status-report', { default_subject: dflt, include: ['outstanding'] });
		const o = await fx.office();
		const ann = await fx.advisor({ last: 'Ivers' });
		const bob = await fx.advisor({ last: 'Jonas' });
		const cat = await fx.advisor({ last: 'Kline', preferred: 'letter' });
		const k1 = await fx.pendingCase(o, { advisors: [{ contact: ann }, { contact: bob, role: v.writingRole }, { contact: cat, role: v.writingRole }] });
		const k2 = await fx.pendingCase(o, { advisors: [{ contact: ann }] });

		const { result } = await fx.sendAndWait(fx.opts(o));
		assert.deepEqual(result.reports.map((r) => [r.advisor.id, r.outcome]), [[ann.id, 'emailed'], [bob.id, 'emailed'], [cat.id, 'printed']]);
		const addrs = [ann.addr, bob.addr, cat.addr];
		const got = await fx.waitMails(addrs, 2);
		assert.equal(got.length, 2, 'two e-mails: one per e-mail report, none for the letter');
		for (const [c, cases] of [[ann, [k1, k2]], [bob, [k1]]]) {
			const m = oneMail(c.addr);
			assert.deepEqual(m.rcpt_tos.map((x) => x.toLowerCase()), [c.addr.toLowerCase()], 'one recipient per message');
			if (fx.mailFrom) assert.equal(m.mail_from, fx.mailFrom, 'the envelope sender is --mail-from');
			assert.equal(m.subject, dflt, 'the default subject from the setup');
			assert.ok(m.text.length > 0 && m.html.length > 0, 'a text and an HTML part');
			for (const k of cases) assert.ok(m.text.includes(k.number) && m.html.includes(k.number), `covers ${k.number}`);
			assert.ok(m.date, 'a Date header');
		}
		assert.ok(!oneMail(bob.addr).text.includes(k2.number), 'Bob is not on k2');

		// a custom subject (non-ASCII, so it travels as an encoded word)
		const custom = `Stand der Anträge – ${uniq('')} ✓`;
		const second = await fx.sendAndWait(fx.opts(o, { advisors: 'selected', advisor_ids: [ann.id], subject: custom }));
		assert.equal(second.preview.options.subject, custom);
		assert.deepEqual(second.result.reports.map((r) => r.outcome), ['emailed']);
		const annMails = await fx.waitMails([ann.addr], 2);
		assert.equal(annMails.length, 2);
		assert.equal(annMails[1].subject, custom, 'the custom subject');
		assert.equal(fx.mails(bob.addr).length, 1, 'Bob was not selected');
	} finally {
		await fx.put('/api/v1/setup/status-report', { default_subject: setup0.default_subject, include: setup0.include });
	}
});

test('e-mail content: requirements in listed order, key ones in <strong>, only the statuses the setup includes, POS only when asked', async () => {
	const setup0 = await fx.get('/api/v1/setup/status-report');
	try {
		await fx.put('/api/v1/setup/status-report', { default_subject: setup0.default_subject, include: ['outstanding'] });
		const o = await fx.office();
		const ann = await fx.advisor({ last: 'Lowe' });
		// made in another order than listed; two share a position (then by id)
		const k = await fx.pendingCase(o, {
			advisors: [{ contact: ann }],
			requirements: [
				{ name: 'Paramedical exam', position: 20 },
				{ name: 'Attending physician statement', position: 10, key: true },
				{ name: 'Signed illustration', position: 30, status: 'received' },
				{ name: 'Inspection report', position: 40, status: 'waived', key: true },
				{ name: 'Owner change form', position: 50, pos: true, key: true },
				{ name: 'Blood profile', position: 20, key: true },
			],
		});
		const listed = (await fx.get(`/api/v1/cases/${k.id}/requirements`)).items.map((r) => r.name);
		assert.deepEqual(listed, ['Attending physician statement', 'Paramedical exam', 'Blood profile', 'Signed illustration',
			'Inspection report', 'Owner change form'], 'the listed order: position, then id');

		// outstanding only (the default), no POS
		await fx.sendAndWait(fx.opts(o));
		const m1 = (await fx.waitMails([ann.addr], 1))[0];
		assert.ok(m1, 'the first e-mail arrived');
		const shown1 = ['Attending physician statement', 'Paramedical exam', 'Blood profile'];
		for (const part of [m1.text, m1.html]) {
			assertInOrder(part, shown1, 'outstanding requirements in listed order');
			for (const n of ['Signed illustration', 'Inspection report', 'Owner change form']) {
				assert.ok(!part.includes(n), `"${n}" is not listed (received, waived or POS)`);
			}
		}
		const strong1 = strongTexts(m1.html);
		for (const n of ['Attending physician statement', 'Blood profile']) {
			assert.ok(strong1.some((s) => s.includes(n)), `key requirement "${n}" is in <strong>: ${JSON.stringify(strong1)}`);
		}
		assert.ok(!strong1.some((s) => s.includes('Paramedical exam')), 'a requirement that is not key is not in <strong>');

		// the setup includes received ones too; POS requirements asked for
		await fx.put('/api/v1/setup/status-report', { default_subject: setup0.default_subject, include: ['outstanding', 'received'] });
		await fx.sendAndWait(fx.opts(o, { include: { pos_requirements: true } }));
		const m2 = (await fx.waitMails([ann.addr], 2))[1];
		assert.ok(m2, 'the second e-mail arrived');
		const shown2 = ['Attending physician statement', 'Paramedical exam', 'Blood profile', 'Signed illustration', 'Owner change form'];
		for (const part of [m2.text, m2.html]) {
			assertInOrder(part, shown2, 'included requirements in listed order');
			assert.ok(!part.includes('Inspection report'), 'a waived requirement is not included');
		}
		const strong2 = strongTexts(m2.html);
		assert.ok(strong2.some((s) => s.includes('Owner change form')), 'the key POS requirement is in <strong>');
		assert.ok(!strong2.some((s) => s.includes('Signed illustration')), 'not key: not in <strong>');
	} finally {
		await fx.put('/api/v1/setup/status-report', { default_subject: setup0.default_subject, include: setup0.include });
	}
});

test('e-mail masking: the policy number, the insured\'s name, or both', async () => {
	const o = await fx.office();
	const ann = await fx.advisor({ last: 'Marsh' });
	const insured = await fx.contact({ first_name: 'Harriet', last_name: 'Quillfeather' });
	await fx.pendingCase(o, { name: `Pending ${uniq('')}`, advisors: [{ contact: ann }], policy: { policy_number: 'LF44719026', insured_id: insured.id } });
	const masked = maskedRe('9026');              // all but the last four characters hidden
	const seen = [];
	for (const mask of ['none', 'policy', 'name', 'both']) {
		const { preview, result } = await fx.sendAndWait(fx.opts(o, { mask }));
		assert.equal(preview.options.mask, mask);
		assert.deepEqual(result.reports.map((r) => r.outcome), ['emailed']);
		const ms = await fx.waitMails([ann.addr], seen.length + 1);
		const m = ms[seen.length];
		assert.ok(m, `the e-mail with mask ${mask} arrived`);
		seen.push(m);
		for (const [what, part] of [['text', m.text], ['html', m.html]]) {
			const policyShown = part.includes('LF44719026');
			const nameShown = part.includes('Quillfeather') || part.includes('Harriet');
			assert.equal(policyShown, mask === 'none' || mask === 'name', `${what} with mask ${mask}: the policy number shown?`);
			assert.equal(nameShown, mask === 'none' || mask === 'policy', `${what} with mask ${mask}: the insured's name shown?`);
			if (mask === 'policy' || mask === 'both') assert.match(part, masked, `${what}: the masked policy number keeps its last four`);
			if (mask === 'name' || mask === 'both') assert.match(part, /H\.\s?Q\./, `${what}: the insured's initials`);
		}
	}
});

test('Message-ID: <status-report.SEND.ITEM.HASH@DOMAIN>, one per report, the outbox row\'s', async () => {
	const o = await fx.office();
	const cs = [await fx.advisor({ last: 'Nash' }), await fx.advisor({ last: 'Olsen' }), await fx.advisor({ last: 'Pryce' })];
	await fx.pendingCase(o, { advisors: cs.map((c, i) => ({ contact: c, role: i ? v.writingRole : v.primaryRole })) });
	const { preview, send, result } = await fx.sendAndWait(fx.opts(o));
	const got = await fx.waitMails(cs.map((c) => c.addr), 3);
	assert.equal(got.length, 3);
	const rows = await fx.outbox(`run=${encodeURIComponent(`status-report/${send.id}`)}`);
	assert.equal(rows.length, 3, 'three outbox rows for the send');
	const mids = [];
	for (const c of cs) {
		const m = oneMail(c.addr);
		const mm = MESSAGE_ID_RE.exec(m.message_id);
		assert.ok(mm, `Message-ID ${m.message_id} matches <status-report.SEND.ITEM.HASH@DOMAIN>`);
		assert.equal(Number(mm[1]), send.id, 'SEND is the send id');
		const rep = reportOf(preview, c);
		assert.equal(Number(mm[2]), rep.id, 'ITEM is the report id');
		mids.push(m.message_id);
		// the outbox row and the result point to the same message
		const row = rows.find((r) => r.message_id === m.message_id);
		assert.ok(row, `an outbox row has ${m.message_id}`);
		assert.equal(row.to.toLowerCase(), c.addr.toLowerCase());
		assert.equal(row.state, 'sent');
		assert.equal(row.run_id, `status-report/${send.id}`);
		assert.equal(row.recipient_id, String(rep.id));
		assert.equal(reportOf(result, c).mail_id, row.id, 'the result names the outbox row');
	}
	assert.equal(new Set(mids).size, 3, 'a different Message-ID per report');
	assert.equal(new Set(mids.map((x) => MESSAGE_ID_RE.exec(x)[3])).size, 3, 'a different hash per report');
});

/* ---- letters -------------------------------------------------------------------------------- */

/** The recipient of a letter page: the advisor named first on it. */
function pageRecipient(text, advisors) {
	let best = null;
	let at = Infinity;
	for (const a of advisors) {
		const i = text.indexOf(a.name);
		if (i >= 0 && i < at) { at = i; best = a; }
	}
	return best;
}

test('letters: one PDF, one letter per report in order of the primary advisor\'s last name; masked fields masked', async () => {
	const o = await fx.office();
	const zorn = await fx.advisor({ first: 'Zed', last: 'Zorn', preferred: 'letter' });
	const abbott = await fx.advisor({ first: 'Al', last: 'Abbott', preferred: 'letter' });
	const moss = await fx.advisor({ first: 'Mo', last: 'Moss', preferred: 'letter' });
	const insured = await fx.contact({ first_name: 'Harriet', last_name: 'Quillfeather' });
	// k1: primary Zorn, Moss writing; k2: primary Abbott; k3: no primary advisor, Moss writing
	const k1 = await fx.pendingCase(o, {
		advisors: [{ contact: zorn }, { contact: moss, role: v.writingRole }],
		policy: { policy_number: 'LF55501234', insured_id: insured.id },
	});
	const k2 = await fx.pendingCase(o, { advisors: [{ contact: abbott }], policy: { policy_number: 'LF55505678', insured_id: insured.id } });
	const k3 = await fx.pendingCase(o, { advisors: [{ contact: moss, role: v.writingRole }], policy: { policy_number: 'LF55509012', insured_id: insured.id } });

	const { preview, send, result } = await fx.sendAndWait(fx.opts(o, { one_case_per_letter: true, mask: 'both' }));
	assert.equal(preview.reports.length, 4, 'Abbott k2, Moss k1, Moss k3, Zorn k1');
	assert.ok(result.reports.every((r) => r.outcome === 'printed'), JSON.stringify(result.reports));
	assert.equal(result.letters.state, 'done');
	const pdf = await fx.letters(send.id);
	assert.equal(pdf.pages, 4, 'a short letter per page');
	assert.equal(result.letters.pages, pdf.pages);
	// each page: its recipient and its case
	const letters = pdf.texts.map((t) => {
		const who = pageRecipient(t, [zorn, abbott, moss]);
		const ks = [k1, k2, k3].filter((k) => t.includes(k.number));
		assert.ok(who, `a letter names its recipient:\n${t}`);
		assert.equal(ks.length, 1, `one case per letter:\n${t}`);
		return `${who.last}:${ks[0] === k1 ? 'k1' : ks[0] === k2 ? 'k2' : 'k3'}`;
	});
	// by primary advisor: Abbott (k2), Moss (k3 has none: the recipient's), then Zorn's k1 twice
	assert.deepEqual(letters.slice(0, 2), ['Abbott:k2', 'Moss:k3']);
	assert.deepEqual(letters.slice(2).sort(), ['Moss:k1', 'Zorn:k1']);
	// masked in the letters too
	const all = pdf.texts.join('\n');
	for (const n of ['LF55501234', 'LF55505678', 'LF55509012', 'Quillfeather', 'Harriet']) {
		assert.ok(!all.includes(n), `"${n}" is masked in the letters`);
	}
	assert.match(all, maskedRe('1234'), 'the masked policy number keeps its last four');
	assert.match(all, /H\.\s?Q\./, 'the insured\'s initials');
	// the letters are only there once rendered: a send of e-mails only has none
	const mailOnly = await fx.office();
	const em = await fx.advisor({ last: 'Quint' });
	await fx.pendingCase(mailOnly, { advisors: [{ contact: em }] });
	const e = await fx.sendAndWait(fx.opts(mailOnly));
	assert.equal(e.result.letters.state, 'none');
	assertProblem(await fx.req('GET', `/api/v1/reports/status/${e.send.id}/letters`), 404, 'not_found');
});

test('letters: all of an advisor\'s cases in one letter, or one case per letter when asked', async () => {
	const o = await fx.office();
	const rae = await fx.advisor({ first: 'Rae', last: 'Reed', preferred: 'letter' });
	const k1 = await fx.pendingCase(o, { advisors: [{ contact: rae }], requirements: [{ name: 'Medical records k1' }] });
	const k2 = await fx.pendingCase(o, { advisors: [{ contact: rae }], requirements: [{ name: 'Medical records k2' }] });

	const one = await fx.sendAndWait(fx.opts(o));
	assert.equal(one.preview.reports.length, 1);
	const p1 = await fx.letters(one.send.id);
	assert.equal(p1.pages, 1, 'one letter with both cases');
	for (const s of [k1.number, k2.number, 'Medical records k1', 'Medical records k2', rae.name]) {
		assert.ok(p1.texts[0].includes(s), `the letter has "${s}"`);
	}

	const per = await fx.sendAndWait(fx.opts(o, { one_case_per_letter: true }));
	assert.equal(per.preview.options.one_case_per_letter, true);
	assert.deepEqual(per.preview.reports.map((r) => r.cases.map((k) => k.id)), [[k1.id], [k2.id]]);
	const p2 = await fx.letters(per.send.id);
	assert.equal(p2.pages, 2, 'a letter per case');
	assert.ok(p2.texts[0].includes(k1.number) && !p2.texts[0].includes(k2.number), 'the first letter is k1\'s');
	assert.ok(p2.texts[1].includes(k2.number) && !p2.texts[1].includes(k1.number), 'the second letter is k2\'s');
	assert.ok(p2.texts.every((t) => t.includes(rae.name)), 'each letter is addressed to Rae');
});

test('follow-up mode: due cases only, one case per letter forced on, the stage\'s custom text in the letters', async () => {
	const t0 = today();
	const uwText = `Underwriting is reviewing the medical evidence ${uniq('')}`;
	const apText = `The policy is approved and will be issued soon ${uniq('')}`;
	const o = await fx.office({
		stages: [
			{ status: v.underwriting, interval_days: 14, report_text: uwText },
			{ status: v.approved, interval_days: 30, report_text: apText },
		],
	});
	const lena = await fx.advisor({ first: 'Lena', last: 'Stone', preferred: 'letter' });
	const k1 = await fx.pendingCase(o, { advisors: [{ contact: lena }], policy: { next_follow_up: addDays(t0, -2) } });
	const k2 = await fx.pendingCase(o, { stage: v.approved, advisors: [{ contact: lena }], policy: { next_follow_up: addDays(t0, -1) } });
	const k3 = await fx.pendingCase(o, { advisors: [{ contact: lena }], policy: { next_follow_up: addDays(t0, 5) } }); // not due
	await fx.pendingCase(o, { advisors: [{ contact: lena }] });                                                        // no date: not due

	const { preview, send } = await fx.sendAndWait(fx.opts(o, { cases: 'follow_up', one_case_per_letter: false }));
	assert.equal(preview.options.cases, 'follow_up');
	assert.equal(preview.options.one_case_per_letter, true, 'forced on by the follow-up option');
	assert.deepEqual(preview.reports.map((r) => r.cases.map((k) => k.id)), [[k1.id], [k2.id]], 'the due cases, one per report');
	const pdf = await fx.letters(send.id);
	assert.equal(pdf.pages, 2);
	const byCase = (k) => pdf.texts.find((t) => t.includes(k.number));
	// the text may wrap: compare without line breaks
	const flat = (s) => s.replace(/\s+/g, ' ');
	assert.ok(flat(byCase(k1)).includes(uwText), `k1's letter has the underwriting text:\n${byCase(k1)}`);
	assert.ok(!flat(byCase(k1)).includes(apText));
	assert.ok(flat(byCase(k2)).includes(apText), `k2's letter has the approved text:\n${byCase(k2)}`);
	assert.ok(!pdf.texts.some((t) => t.includes(k3.number)), 'k3 is not due');

	// outside follow-up mode the stage text is not shown
	const plain = await fx.sendAndWait(fx.opts(o, { cases: 'selected', case_ids: [k3.id] }));
	const pp = await fx.letters(plain.send.id);
	assert.ok(!flat(pp.texts.join(' ')).includes(uwText), 'no stage text outside follow-up mode');
});

test('letters: the office logo on each letter only when asked', async () => {
	const o = await fx.office();
	const up = await api(fx.s, 'PUT', `/api/v1/offices/${o.id}/logo`, {
		session: fx.admin, rawBody: makePng(64, 24), headers: { 'Content-Type': 'image/png' },
	});
	assert.equal(up.status, 204, up.text);
	const a = await fx.advisor({ last: 'Lamb', preferred: 'letter' });
	const b = await fx.advisor({ last: 'Lark', preferred: 'letter' });
	await fx.pendingCase(o, { advisors: [{ contact: a }, { contact: b, role: v.writingRole }] });
	const plain = await fx.sendAndWait(fx.opts(o));
	assert.equal(pdfImageCount(await fx.lettersPdf(plain.send.id)), 0, 'no logo unless asked');
	const logo = await fx.sendAndWait(fx.opts(o, { show_logo: true }));
	assert.equal(logo.preview.options.show_logo, true);
	const buf = await fx.lettersPdf(logo.send.id);
	assert.equal(pdfText(buf).pages, 2);
	assert.equal(pdfImageCount(buf), 2, 'the logo on each of the two letters');
});

test('e-mail: names and requirements are HTML-escaped in the HTML part', async () => {
	const o = await fx.office();
	const ann = await fx.advisor({ first: 'Ann <i>', last: 'Ng & Co', email: `ng.${uniq('')}@example.com` });
	await fx.pendingCase(o, {
		advisors: [{ contact: ann }],
		requirements: [{ name: 'Form <W-9> & "consent"', key: true }, { name: '<script>alert(1)</script>' }],
	});
	await fx.sendAndWait(fx.opts(o));
	const m = (await fx.waitMails([ann.addr], 1))[0];
	assert.ok(m, 'the e-mail arrived');
	assert.ok(m.text.includes('Form <W-9> & "consent"'), 'the text part has the name as it is');
	assert.ok(!m.html.includes('<script>') && !m.html.includes('<W-9>') && !m.html.includes('<i>'), 'no markup from the data');
	assert.match(m.html, /Form &lt;W-9&gt; &amp; (&quot;|&#34;|")consent(&quot;|&#34;|")/, 'escaped in the HTML part');
	assert.match(m.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
	assert.match(m.html, /Ng &amp; Co/);
	assert.ok(strongTexts(m.html).some((x) => x.includes('Form &lt;W-9&gt;')), 'the key requirement, escaped, in <strong>');
});

/* ---- the result --------------------------------------------------------------------------- */

test('result: each advisor e-mailed, printed, or failed with the reason (an issue, an SMTP refusal)', async () => {
	const o = await fx.office();
	const ok = await fx.advisor({ last: 'Tate' });
	const lt = await fx.advisor({ last: 'Ulm', preferred: 'letter' });
	const noMail = await fx.advisor({ last: 'Vance', email: null });
	const refused = await fx.advisor({ last: 'Wolfe', email: REJECT_ADDR });
	const noAddr = await fx.advisor({ last: 'Yates', preferred: 'letter', address: null });
	const k = await fx.pendingCase(o, {
		advisors: [{ contact: ok }, ...[lt, noMail, refused, noAddr].map((c) => ({ contact: c, role: v.writingRole }))],
	});
	const p = await fx.preview(fx.opts(o));
	const send = await fx.send(p);
	const r = await fx.waitDone(send.id);
	assert.equal(r.id, send.id);
	assert.equal(r.preview_id, p.id);
	assert.equal(r.state, 'prepared');
	assert.equal(r.done, true);
	assert.equal(r.letters.state, 'done');
	assert.ok(r.letters.pages >= 1 && r.letters.bytes > 0, 'the letter was rendered');
	assert.deepEqual(r.reports.map((x) => [x.advisor.id, x.method, x.outcome]), [
		[ok.id, 'email', 'emailed'], [lt.id, 'letter', 'printed'], [noMail.id, 'email', 'failed'], [refused.id, 'email', 'failed'],
		[noAddr.id, 'letter', 'failed'],
	]);
	assert.deepEqual(r.counts, { emailed: 1, printed: 1, queued: 0, failed: 3, in_doubt: 0 });
	// the letter without an address failed with its issue and is not among the letters
	const addrIssue = reportOf(p, noAddr).issues[0];
	assert.equal(addrIssue.code, 'address_missing');
	const whyAddr = reportOf(r, noAddr).reason;
	assert.ok(whyAddr.includes(addrIssue.message) || whyAddr.includes(addrIssue.code), `the reason names the issue: "${whyAddr}"`);
	const pdf = await fx.letters(send.id);
	assert.equal(pdf.pages, 1, 'only Ulm\'s letter');
	assert.ok(pdf.texts[0].includes(lt.name) && !pdf.texts[0].includes(noAddr.name), 'the printed letter is Ulm\'s');
	// no reason when it went (docs/api.md does not say whether that is "" or null)
	for (const c of [ok, lt]) assert.ok([null, ''].includes(reportOf(r, c).reason), `no reason for ${c.last}`);
	assert.deepEqual(reportOf(r, ok).cases.map((x) => x.id), [k.id]);
	// failed with the issue the preview found
	const issue = reportOf(p, noMail).issues[0];
	const why = reportOf(r, noMail).reason;
	assert.ok(why.includes(issue.message) || why.includes(issue.code), `the reason names the issue: "${why}" (${issue.code}: ${issue.message})`);
	assert.equal(reportOf(r, noMail).mail_id, null, 'nothing was queued for it');
	// failed with what the SMTP server said
	const rej = reportOf(r, refused);
	assert.match(rej.reason, /5\d\d|reject|refus/i, `the SMTP server's refusal: "${rej.reason}"`);
	const row = (await fx.outbox(`run=${encodeURIComponent(`status-report/${send.id}`)}`)).find((x) => x.id === rej.mail_id);
	assert.ok(row, 'the refused report\'s outbox row');
	assert.equal(row.state, 'failed');
	assert.ok(row.last_error.length > 0, 'the row keeps the error');
	// nothing arrived for the failed ones; the good one arrived once
	assert.equal(fx.mails(noMail.addr || 'none@invalid').length, 0);
	assert.equal(fx.mails(REJECT_ADDR).length, 0);
	assert.equal((await fx.waitMails([ok.addr], 1)).length, 1);
	// the failed reports leave no note and no log entry
	const notes = await fx.pendingNotes(k.id);
	assert.ok(!notes.some((n) => n.body.includes(noMail.name)), 'no note for the report with an issue');
	assert.deepEqual(await fx.advisorLog(noMail.id), [], 'no log entry for the report with an issue');
});

/* ---- what a send leaves on each case ------------------------------------------------------ */

test('sent reports leave a Pending Case note per case and advisor, an advisor log entry per case and a timeline event', async () => {
	const o = await fx.office();
	const ann = await fx.advisor({ first: 'Ann', last: 'Xu' });
	const bea = await fx.advisor({ first: 'Bea', last: 'Young', preferred: 'letter' });
	const k1 = await fx.pendingCase(o, { advisors: [{ contact: ann }, { contact: bea, role: v.writingRole }] });
	const k2 = await fx.pendingCase(o, { advisors: [{ contact: ann }] });
	const outside = await fx.pendingCase(await fx.office(), { advisors: [{ contact: ann }] });
	const subject = `Where your cases stand ${uniq('')}`;
	const { send } = await fx.sendAndWait(fx.opts(o, { subject }));

	// the notes: type Pending Case, saying how and to whom the report went
	const n1 = await fx.pendingNotes(k1.id);
	assert.equal(n1.length, 2, `k1: a note for Ann and one for Bea: ${JSON.stringify(n1.map((n) => n.body))}`);
	assert.ok(n1.some((n) => n.body === `Case status report e-mailed to ${ann.name}: ${subject}`), 'Ann\'s e-mail note');
	assert.ok(n1.some((n) => n.body.includes(bea.name) && !n.body.includes('e-mailed')), 'Bea\'s letter note');
	const n2 = await fx.pendingNotes(k2.id);
	assert.deepEqual(n2.map((n) => n.body), [`Case status report e-mailed to ${ann.name}: ${subject}`]);
	assert.deepEqual(await fx.pendingNotes(outside.id), [], 'a case of another office is untouched');

	// the advisor logs: one entry per case, with the method, subject, case and send
	const la = await fx.advisorLog(ann.id);
	assert.equal(la.length, 2);
	assert.deepEqual(la.map((e) => e.case.id).sort((a, b) => a - b), [k1.id, k2.id]);
	for (const e of la) {
		assert.equal(e.method, 'email');
		assert.equal(e.subject, subject);
		assert.equal(e.send_id, send.id);
		assert.equal(typeof e.at, 'string');
		assert.equal(e.case.number, e.case.id === k1.id ? k1.number : k2.number);
	}
	const lb = await fx.advisorLog(bea.id);
	assert.deepEqual(lb.map((e) => [e.method, e.case.id, e.send_id]), [['letter', k1.id, send.id]]);

	// the timeline
	for (const k of [k1, k2]) {
		const ev = (await fx.get(`/api/v1/cases/${k.id}/timeline?limit=200`)).items.filter((e) => e.type === 'status_report.sent');
		// k1 had two reports (Ann's, Bea's): an event per report or one per case and send
		const want = k === k1 ? [1, 2] : [1];
		assert.ok(want.includes(ev.length), `status_report.sent on ${k.number}: ${JSON.stringify(ev)}`);
	}
});

test('follow-ups, office without stage-based follow-ups: next moves to last and next is cleared; the case is not picked up again', async () => {
	const t0 = today();
	const o = await fx.office();
	const ann = await fx.advisor({ last: 'Zane' });
	const next1 = addDays(t0, 5);
	const k1 = await fx.pendingCase(o, { advisors: [{ contact: ann }], policy: { next_follow_up: next1, last_follow_up: '2020-01-15' } });
	const k2 = await fx.pendingCase(o, { advisors: [{ contact: ann }], policy: { last_follow_up: '2021-02-02' } }); // no next
	const k3 = await fx.pendingCase(o, { policy: { next_follow_up: addDays(t0, 3), last_follow_up: '2022-03-03' } }); // no advisor: no report
	assertProblem(await fx.previewRaw(fx.opts(o, { cases: 'follow_up' })), 422, 'unprocessable', 'cases');

	const first = await fx.sendAndWait(fx.opts(o));
	assert.deepEqual(selection(first.preview), [[ann.name, [k1.id, k2.id]]]);
	const p1 = await fx.policy(k1);
	assert.equal(p1.last_follow_up, next1, 'k1: next moved to last');
	assert.ok(isBlankDate(p1.next_follow_up), `k1: next cleared (${p1.next_follow_up})`);
	const p2 = await fx.policy(k2);
	assert.equal(p2.last_follow_up, '2021-02-02', 'k2: nothing to move');
	assert.ok(isBlankDate(p2.next_follow_up));
	const p3 = await fx.policy(k3);
	assert.deepEqual([p3.next_follow_up, p3.last_follow_up], [addDays(t0, 3), '2022-03-03'], 'k3 was not reported');

	// a second report over all cases changes nothing more
	await fx.sendAndWait(fx.opts(o));
	const p1b = await fx.policy(k1);
	assert.equal(p1b.last_follow_up, next1);
	assert.ok(isBlankDate(p1b.next_follow_up));

	// once the office uses stage-based follow-ups, the follow-up option does not pick k1 up
	// (its next follow-up is blank), but picks a case that is due
	await fx.put(`/api/v1/offices/${o.id}/follow-up`, { method: 'stage', stages: [{ status_id: v.underwriting.id, interval_days: 7 }] });
	const k4 = await fx.pendingCase(o, { advisors: [{ contact: ann }], policy: { next_follow_up: addDays(t0, -1) } });
	const fu = await fx.preview(fx.opts(o, { cases: 'follow_up' }));
	assert.deepEqual(selection(fu), [[ann.name, [k4.id]]], 'only the due case k4');
});

test('follow-ups, office with stage-based follow-ups: last becomes today and next today plus the stage\'s interval', async () => {
	const t0 = today();
	const o = await fx.office({
		stages: [{ status: v.underwriting, interval_days: 14 }, { status: v.approved, interval_days: 30 }],
	});
	const fu = await fx.get(`/api/v1/offices/${o.id}/follow-up`);
	assert.equal(fu.method, 'stage');
	assert.deepEqual(fu.stages.map((s) => [s.status.id, s.interval_days]), [[v.underwriting.id, 14], [v.approved.id, 30]]);
	const ann = await fx.advisor({ last: 'Amos' });
	const k1 = await fx.pendingCase(o, { advisors: [{ contact: ann }], policy: { next_follow_up: addDays(t0, -2), last_follow_up: '2020-01-01' } });
	const k2 = await fx.pendingCase(o, { stage: v.approved, advisors: [{ contact: ann }], policy: { next_follow_up: addDays(t0, -1) } });
	const k3 = await fx.pendingCase(o, { advisors: [{ contact: ann }], policy: { next_follow_up: addDays(t0, 6), last_follow_up: '2020-06-06' } });

	const { preview } = await fx.sendAndWait(fx.opts(o, { cases: 'follow_up' }));
	const d = preview.today;
	assertToday(d, t0);
	assert.deepEqual(selection(preview), [[ann.name, [k1.id]], [ann.name, [k2.id]]]);
	const p1 = await fx.policy(k1);
	assert.deepEqual([p1.last_follow_up, p1.next_follow_up], [d, addDays(d, 14)], 'k1: today, today + 14');
	const p2 = await fx.policy(k2);
	assert.deepEqual([p2.last_follow_up, p2.next_follow_up], [d, addDays(d, 30)], 'k2: today, today + 30');
	const p3 = await fx.policy(k3);
	assert.deepEqual([p3.last_follow_up, p3.next_follow_up], ['2020-06-06', addDays(t0, 6)], 'k3 was not due');

	// any report schedules the next follow-up the same way, not only the follow-up option
	const sel = await fx.sendAndWait(fx.opts(o, { cases: 'selected', case_ids: [k3.id] }));
	const p3b = await fx.policy(k3);
	assert.deepEqual([p3b.last_follow_up, p3b.next_follow_up], [sel.preview.today, addDays(sel.preview.today, 14)]);
	// and the reported cases are not due again (a preview that selects nothing: docs/api.md does
	// not say whether that is an empty preview or a 422, so either is taken)
	const empty = await fx.previewRaw(fx.opts(o, { cases: 'follow_up' }));
	if (empty.status === 201) assert.deepEqual(selection(empty.json), []);
	else assertProblem(empty, 422);
});

/* ---- rights -------------------------------------------------------------------------------- */

test('rights: mass send for all advisors or cases, selective send for selected ones, 403 without; checked again at the send', async () => {
	const o = await fx.office();
	const ann = await fx.advisor({ last: 'Bishop' });
	const bob = await fx.advisor({ last: 'Carr' });
	const k1 = await fx.pendingCase(o, { advisors: [{ contact: ann }, { contact: bob, role: v.writingRole }] });
	const staff = await fx.newStaff('Selma Selective');
	assert.ok(staff.user.rights.includes('status_report_selective_send') && !staff.user.rights.includes('status_report_mass_send'),
		'staff have the selective right only by default');
	const massOptions = [
		{}, { advisors: 'primary' }, { cases: 'stage', stage_status_id: v.underwriting.id },
	];
	const selectiveOptions = [
		{ cases: 'selected', case_ids: [k1.id] }, { advisors: 'selected', advisor_ids: [bob.id] },
	];
	// selective only: 403 on the mass options, for the preview and the one-call send
	for (const x of massOptions) {
		assertProblem(await fx.previewRaw(fx.opts(o, x), staff), 403, 'forbidden');
		assertProblem(await fx.sendRaw({ options: fx.opts(o, x) }, staff), 403, 'forbidden');
	}
	for (const x of selectiveOptions) await fx.preview(fx.opts(o, x), staff);
	// a selective send goes through
	const p = await fx.preview(fx.opts(o, { cases: 'selected', case_ids: [k1.id] }), staff);
	const s1 = await fx.send(p, staff);
	await fx.waitDone(s1.id, WAIT, staff);
	assert.equal((await fx.waitMails([ann.addr, bob.addr], 2)).length, 2);
	// the rights of a preview are checked again for whoever sends it
	// (someone else's mass preview: docs/api.md says 403 for the options' rights, report.h says a
	// preview of another user is not found without the mass right; either refuses)
	const adminPreview = await fx.preview(fx.opts(o));
	const other = await fx.sendRaw({ preview_id: adminPreview.id }, staff);
	assert.ok([403, 404].includes(other.status), `another user's mass preview: ${other.status} ${other.text}`);
	assertProblem(other, other.status, other.status === 403 ? 'forbidden' : 'not_found');
	// the caller's own preview, after the right was taken away
	const p2 = await fx.preview(fx.opts(o, { advisors: 'selected', advisor_ids: [ann.id] }), staff);
	await fx.setRight(staff, 'status_report_selective_send', false);
	assertProblem(await fx.sendRaw({ preview_id: p2.id }, staff), 403, 'forbidden');
	// neither right: 403 for everything
	for (const x of [...massOptions, ...selectiveOptions]) assertProblem(await fx.previewRaw(fx.opts(o, x), staff), 403, 'forbidden');
	// granted the mass right: the mass options work, the selected ones still need the selective right
	await fx.setRight(staff, 'status_report_mass_send', true);
	for (const x of massOptions) await fx.preview(fx.opts(o, x), staff);
	assertProblem(await fx.previewRaw(fx.opts(o, selectiveOptions[0]), staff), 403, 'forbidden');
	// back to the role's defaults
	const u = assertJson(await fx.req('DELETE', `/api/v1/users/${staff.id}/rights/status_report_mass_send`));
	assert.ok(!u.rights.includes('status_report_mass_send'));
	assertJson(await fx.req('DELETE', `/api/v1/users/${staff.id}/rights/status_report_selective_send`));
	await fx.preview(fx.opts(o, selectiveOptions[0]), staff);
	assertProblem(await fx.previewRaw(fx.opts(o), staff), 403, 'forbidden');
	// an advisor user has neither right
	const avery = await loginDemo(fx.s, 'avery');
	assertProblem(await fx.previewRaw(fx.opts(o, selectiveOptions[0]), avery), 403, 'forbidden');
	assertProblem(await fx.previewRaw(fx.opts(o), avery), 403, 'forbidden');
	// the admin has both
	await fx.preview(fx.opts(o));
	await fx.preview(fx.opts(o, selectiveOptions[1]));
	// the preview was never sent by the refused attempts
	assert.equal((await fx.get(`/api/v1/reports/status/previews/${p2.id}`)).send_id, null);
	assert.equal((await fx.get(`/api/v1/reports/status/previews/${adminPreview.id}`)).send_id, null);
});

/* ---- sending twice ------------------------------------------------------------------------- */

test('sending the same preview again answers the same send (200) and sends nothing more; a send with options makes its own preview', async () => {
	const o = await fx.office();
	const ann = await fx.advisor({ last: 'Dale' });
	const bob = await fx.advisor({ last: 'Eden' });
	const cy = await fx.advisor({ last: 'Ford', preferred: 'letter' });
	const k1 = await fx.pendingCase(o, { advisors: [{ contact: ann }, { contact: bob, role: v.writingRole }, { contact: cy, role: v.writingRole }] });
	const p = await fx.preview(fx.opts(o));
	const s1 = await fx.send(p, undefined, 202);
	const s2 = await fx.send(p, undefined, 200);          // at once, while it may still run
	assert.equal(s2.id, s1.id, 'the same send');
	const r1 = await fx.waitDone(s1.id);
	const s3 = await fx.send(p, undefined, 200);          // after it is done
	assert.equal(s3.id, s1.id);
	const r3 = await fx.waitDone(s1.id);
	assert.deepEqual(r3.counts, r1.counts);
	assert.deepEqual(r1.counts, { emailed: 2, printed: 1, queued: 0, failed: 0, in_doubt: 0 });
	// one message each, one outbox row each, one note and log entry per advisor
	assert.equal((await fx.waitMails([ann.addr, bob.addr], 2)).length, 2);
	assert.equal(fx.mails(ann.addr).length, 1);
	assert.equal(fx.mails(bob.addr).length, 1);
	assert.equal((await fx.outbox(`run=${encodeURIComponent(`status-report/${s1.id}`)}`)).length, 2);
	assert.equal((await fx.pendingNotes(k1.id)).length, 3);
	for (const c of [ann, bob, cy]) assert.equal((await fx.advisorLog(c.id)).length, 1, `one log entry for ${c.last}`);
	assert.equal((await fx.get(`/api/v1/reports/status/previews/${p.id}`)).send_id, s1.id);

	// {options}: a preview made and sent in one call
	const one = assertJson(await fx.sendRaw({ options: fx.opts(o, { advisors: 'selected', advisor_ids: [ann.id] }) }), 202);
	assert.notEqual(one.id, s1.id);
	const r = await fx.waitDone(one.id);
	assert.notEqual(r.preview_id, p.id);
	assert.deepEqual(r.reports.map((x) => [x.advisor.id, x.outcome]), [[ann.id, 'emailed']]);
	const own = await fx.get(`/api/v1/reports/status/previews/${r.preview_id}`);
	assert.equal(own.send_id, one.id);
	assert.equal((await fx.waitMails([ann.addr], 2)).length, 2);
});

/* ---- interrupted sends ---------------------------------------------------------------------- */

describe('an interrupted send (the process dies right after SMTP accepted a message)', () => {
	// a server of its own: the fault hook counts every message the process sends
	let cx;
	const IN_DOUBT_WAIT = PG ? 240000 : 150000;   // PostgreSQL: rows in sending wait for their lease
	before(async () => {
		cx = await startReportServer({ env: { CASELOAD_FAULT_EXIT_AFTER_SMTP: '2' } });
	});
	after(async () => { await cx?.stop(); });

	/** The result once no report is queued any more (in-doubt rows may take a lease to appear). */
	const settle = (id) => cx.waitDone(id, IN_DOUBT_WAIT);

	test('the re-run delivers every report once; the one caught in sending is in doubt until resolved as sent', async () => {
		const o = await cx.office();
		const names = ['Abel', 'Baird', 'Cole', 'Drew', 'Eames'];
		const cs = [];
		for (const n of names) cs.push(await cx.advisor({ last: n }));
		await cx.pendingCase(o, { advisors: cs.map((c, i) => ({ contact: c, role: i ? cx.v.writingRole : cx.v.primaryRole })) });
		const p = await cx.preview(cx.opts(o));
		assert.equal(p.counts.email, 5);
		const s = await cx.send(p);
		const ex = await cx.s.exited;
		assert.deepEqual(ex, { code: 86, signal: null }, 'the fault hook ended the process after the second message');
		const before = cx.smtp.messages().filter((m) => cs.some((c) => m.rcpt_tos.includes(c.addr)));
		assert.equal(before.length, 2, 'two messages went before the crash');
		const doubtful = before[1];

		await cx.restart({});
		// the same send again: the existing one
		const again = await cx.send(p, undefined, 200);
		assert.equal(again.id, s.id);
		const r = await settle(s.id);
		// each advisor's report arrived exactly once: the one in doubt was not sent again
		const got = await cx.waitMails(cs.map((c) => c.addr), 5);
		for (const c of cs) assert.equal(cx.mails(c.addr).length, 1, `exactly one message to ${c.last}`);
		assert.equal(got.length, 5);
		assert.deepEqual(r.counts, { emailed: 4, printed: 0, queued: 0, failed: 0, in_doubt: 1 });
		const rd = r.reports.find((x) => x.outcome === 'in_doubt');
		assert.ok(rd, 'a report is in doubt');
		assert.deepEqual(rd.address.toLowerCase(), doubtful.rcpt_tos[0].toLowerCase(), 'the one caught in sending');
		// the operator's list
		const rows = await cx.outbox('state=in_doubt');
		const row = rows.find((x) => x.id === rd.mail_id);
		assert.ok(row, `GET /api/v1/outbox?state=in_doubt lists it: ${JSON.stringify(rows)}`);
		assert.equal(row.message_id, doubtful.message_id);
		assert.equal(row.state, 'in_doubt');
		// resolving: a bad "as" is 422; "sent" settles it without sending
		assertProblem(await cx.req('POST', `/api/v1/outbox/${row.id}/resolve`, { body: { as: 'maybe' } }), 422, 'unprocessable', 'as');
		const staff = await cx.newStaff('Otto Operator');
		assertProblem(await cx.req('POST', `/api/v1/outbox/${row.id}/resolve`, { as: staff, body: { as: 'sent' } }), 403, 'forbidden');
		await resolve(cx, row.id, 'sent');
		assertProblem(await cx.req('POST', `/api/v1/outbox/${row.id}/resolve`, { body: { as: 'sent' } }), 404, 'not_found');
		const r2 = await cx.result(s.id);
		assert.deepEqual(r2.counts, { emailed: 5, printed: 0, queued: 0, failed: 0, in_doubt: 0 });
		assert.equal(r2.reports.find((x) => x.id === rd.id).outcome, 'emailed');
		assert.ok(!(await cx.outbox('state=in_doubt')).some((x) => x.id === row.id), 'no longer in doubt');
		for (const c of cs) assert.equal(cx.mails(c.addr).length, 1, `still one message to ${c.last}`);
	});

	test('an in-doubt report resolved as "resend" goes once more, with the same Message-ID', async () => {
		await cx.restart({ CASELOAD_FAULT_EXIT_AFTER_SMTP: '1' });
		const o = await cx.office();
		const cs = [];
		for (const n of ['Fenn', 'Gray', 'Hurst']) cs.push(await cx.advisor({ last: n }));
		await cx.pendingCase(o, { advisors: cs.map((c, i) => ({ contact: c, role: i ? cx.v.writingRole : cx.v.primaryRole })) });
		const s = await cx.send(await cx.preview(cx.opts(o)));
		assert.deepEqual(await cx.s.exited, { code: 86, signal: null });
		const first = cx.smtp.messages().filter((m) => cs.some((c) => m.rcpt_tos.includes(c.addr)));
		assert.equal(first.length, 1);
		const doubtful = first[0];

		await cx.restart({});
		const r = await settle(s.id);
		assert.deepEqual(r.counts, { emailed: 2, printed: 0, queued: 0, failed: 0, in_doubt: 1 });
		const rd = r.reports.find((x) => x.outcome === 'in_doubt');
		assert.equal(rd.address.toLowerCase(), doubtful.rcpt_tos[0].toLowerCase());
		assert.equal((await cx.waitMails(cs.map((c) => c.addr), 3)).length, 3);
		assert.equal(cx.mails(rd.address).length, 1, 'not resent by itself');

		await resolve(cx, rd.mail_id, 'resend');
		const t0 = Date.now();
		let r2;
		do {
			await sleep(100);
			r2 = await cx.result(s.id);
		} while (r2.reports.find((x) => x.id === rd.id).outcome !== 'emailed' && Date.now() - t0 < WAIT);
		assert.equal(r2.reports.find((x) => x.id === rd.id).outcome, 'emailed', 'resent and e-mailed');
		assert.deepEqual(r2.counts, { emailed: 3, printed: 0, queued: 0, failed: 0, in_doubt: 0 });
		const copies = await cx.waitMails([rd.address], 2);
		assert.equal(copies.length, 2, 'the operator\'s resend went once');
		assert.equal(copies[1].message_id, doubtful.message_id, 'the same deterministic Message-ID');
		const row = (await cx.outbox(`run=${encodeURIComponent(`status-report/${s.id}`)}`)).find((x) => x.id === rd.mail_id);
		assert.equal(row.state, 'sent');
		for (const c of cs) if (c.addr !== rd.address) assert.equal(cx.mails(c.addr).length, 1, `one message to ${c.last}`);
	});
});

/* ---- the CLI --------------------------------------------------------------------------------- */

test('CLI: `caseload report status --preview` prints the advisors; `--send --letters FILE` writes the letters', async () => {
	const o = await fx.office();
	const ann = await fx.advisor({ first: 'Ann', last: 'Ingram', preferred: 'letter' });
	const bob = await fx.advisor({ first: 'Bob', last: 'Jessup', preferred: 'letter' });
	const k1 = await fx.pendingCase(o, { advisors: [{ contact: ann }, { contact: bob, role: v.writingRole }] });
	const k2 = await fx.pendingCase(o, { advisors: [{ contact: bob }] });
	const base = ['report', 'status', '--db', fx.s.db, '--office', String(o.id), '--cases', 'all', '--advisors', 'all', '--method', 'print'];

	const pv = await cli([...base, '--preview']);
	assert.equal(pv.code, 0, `preview: exit ${pv.code}\n${pv.stdout}${pv.stderr}`);
	for (const c of [ann, bob]) assert.ok(pv.stdout.includes(c.name) || pv.stdout.includes(c.last), `the preview names ${c.name}:\n${pv.stdout}`);
	for (const k of [k1, k2]) assert.ok(pv.stdout.includes(k.number), `the preview lists ${k.number}:\n${pv.stdout}`);
	assert.deepEqual(await fx.pendingNotes(k1.id), [], 'a preview sends nothing');

	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseload-letters-'));
	try {
		const file = path.join(dir, 'letters.pdf');
		const sd = await cli([...base, '--send', '--letters', file], { timeout: 120000 });
		assert.equal(sd.code, 0, `send: exit ${sd.code}\n${sd.stdout}${sd.stderr}`);
		const pdf = pdfFileText(file);
		assert.equal(pdf.pages, 2, 'a letter to Ann and one to Bob');
		const all = pdf.texts.join('\n');
		for (const k of [k1, k2]) assert.ok(all.includes(k.number), `the letters have ${k.number}`);
		assert.ok(pdf.texts[0].includes(ann.name) && pdf.texts[1].includes(bob.name), 'by the primary advisor: Ingram, then Jessup');
		// the CLI's send did what a send does
		assert.equal((await fx.pendingNotes(k1.id)).length, 2);
		assert.deepEqual((await fx.advisorLog(bob.id)).map((e) => e.method), ['letter', 'letter']);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
