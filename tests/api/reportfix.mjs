// reportfix.mjs - the fixture of the case status report tests (reports.test.mjs; docs/api.md
// "Pending cases and case status reports", issue 5): a real `caseload serve` (helper.mjs) that
// sends its e-mail to a real SMTP server on loopback (smtp.mjs), the firm's insurance vocabulary
// made through the setup API, and builders for the data a report covers: an office of its own
// per test (every report is filtered to it, so the demo data never shows in a count), advisor
// contacts with e-mails, postal addresses and a preferred method, pending cases with policy data,
// requirements and advisors. Also the readers a test checks with: results polled until done,
// the SMTP sink filtered by recipient, letters as text per page (pdftotext from poppler-utils).
//
// Not a test file itself (no .test. in the name). The HTTP client and server start are in
// helper.mjs; the SMTP sink in smtp.mjs; date helpers in casefix.mjs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {
	startServer, api, loginDemo, login, assertJson, assertProblem, uniq, sleep,
} from './helper.mjs';
import { startSmtp, smtpArgs } from './smtp.mjs';
import { today as todayIn, addDays } from './casefix.mjs';

/** The firm's zone: UTC+14, so a server taking "today" in UTC is caught most of the day. */
export const TZ = 'Pacific/Kiritimati';
export const PW = 'report-tests-pass-phrase-1';
export const PG = Boolean(process.env.CASELOAD_TEST_PG);
/** How long to wait for a send to finish (the worker runs every 200 ms). */
export const WAIT = PG ? 60000 : 30000;

/** A complete postal address (line 1, city and postcode: what a letter needs). */
export const FULL_ADDRESS = {
	label: 'office', line1: '100 Main Street', line2: 'Suite 4', city: 'Springfield',
	region: 'IL', postcode: '62701', country: 'US',
};

/**
 * An address the contacts API accepts (one @, a dot in the domain, nothing at or below space)
 * but that cannot be delivered to: it holds a control character (DEL), which the report's
 * e-mail check refuses ("no spaces or control characters", render/mail.h). The preview must
 * flag it as email_invalid.
 */
export const INVALID_EMAIL_LOCAL = 'bad\u007fbox';

export { addDays, uniq, sleep, api, assertJson, assertProblem, login };
export const today = () => todayIn(TZ);

/** The stage's name whether the API gives a name or a {id, name} reference. */
export const stageName = (x) => (x && typeof x === 'object' ? x.name : x);

/** A blank date: the policy section does not say whether an unset date is null or "". */
export const isBlankDate = (v) => v === null || v === '';

/** Normalises PDF or mail text for matching: runs of spaces and tabs become one space. */
export const squash = (s) => String(s).replace(/[ \t\u00a0]+/g, ' ');

/** The contents of every <strong> element in an HTML text. */
export function strongTexts(html) {
	const out = [];
	const re = /<strong\b[^>]*>([\s\S]*?)<\/strong>/gi;
	let m;
	while ((m = re.exec(html)) !== null) out.push(m[1].replace(/<[^>]+>/g, ''));
	return out;
}

/** Asserts that the names occur in text in the given order (each once found, after the last). */
export function assertInOrder(text, names, what) {
	let at = -1;
	for (const n of names) {
		const i = text.indexOf(n, at + 1);
		assert.ok(i > at, `${what}: "${n}" comes after the ones before it (${names.join(' < ')})\n${text}`);
		at = i;
	}
}

/** pdfText(buffer) -> {pages, texts: [page 1 text, ...]} through pdfinfo and pdftotext -layout. */
export function pdfText(buffer) {
	assert.ok(Buffer.isBuffer(buffer) && buffer.subarray(0, 5).toString('latin1') === '%PDF-',
		`a PDF: ${buffer.subarray(0, 40).toString('latin1')}`);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseload-pdf-'));
	const file = path.join(dir, 'x.pdf');
	try {
		fs.writeFileSync(file, buffer);
		return pdfFileText(file);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** pdfFileText(file): the same for a PDF file on disk. */
export function pdfFileText(file) {
	const info = execFileSync('pdfinfo', [file]).toString('utf8');
	const m = /^Pages:\s+(\d+)/m.exec(info);
	assert.ok(m, `pdfinfo gives the page count:\n${info}`);
	const pages = Number(m[1]);
	const texts = [];
	for (let i = 1; i <= pages; i++) {
		const t = execFileSync('pdftotext', ['-layout', '-f', String(i), '-l', String(i), file, '-']);
		texts.push(squash(t.toString('utf8')));
	}
	return { pages, texts };
}

/** pdfImageCount(buffer): how many images the PDF draws (pdfimages -list). */
export function pdfImageCount(buffer) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseload-pdf-'));
	const file = path.join(dir, 'x.pdf');
	try {
		fs.writeFileSync(file, buffer);
		const out = execFileSync('pdfimages', ['-list', file]).toString('utf8');
		// two header lines, then one line per image
		return out.split('\n').slice(2).filter((l) => l.trim()).length;
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** CRC-32 (IEEE) of a buffer, for the PNG chunks below. */
function crc32(buf) {
	let c = ~0;
	for (const byte of buf) {
		c ^= byte;
		for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
	}
	return ~c >>> 0;
}

/** makePng(w, h): a valid RGB PNG of w x h pixels (a two-colour gradient), for office logos. */
export function makePng(w = 32, h = 16) {
	const chunk = (type, data) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(td));
		return Buffer.concat([len, td, crc]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0);
	ihdr.writeUInt32BE(h, 4);
	ihdr[8] = 8;      // bit depth
	ihdr[9] = 2;      // RGB
	const rows = [];
	for (let y = 0; y < h; y++) {
		const row = Buffer.alloc(1 + w * 3);
		for (let x = 0; x < w; x++) {
			row[1 + x * 3] = Math.floor((255 * x) / w);
			row[2 + x * 3] = 64;
			row[3 + x * 3] = Math.floor((255 * y) / h);
		}
		rows.push(row);
	}
	return Buffer.concat([
		Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr),
		chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
	]);
}

/** The value of a flag in an argument list (['--mail-from', 'x'] or ['--mail-from=x']). */
function argValue(args, flag) {
	for (let i = 0; i < args.length; i++) {
		if (args[i] === flag) return args[i + 1];
		if (String(args[i]).startsWith(`${flag}=`)) return String(args[i]).slice(flag.length + 1);
	}
	return undefined;
}

class ReportFixture {
	constructor(s, smtp, admin, args) {
		this.s = s;
		this.smtp = smtp;
		this.admin = admin;
		this.args = args;
		this.mailFrom = argValue(args, '--mail-from');
		this.v = {};
	}

	/* ---- requests ------------------------------------------------------------------------ */

	/** req(method, path, {as, body, ifMatch, headers}) sends one request (as: a session; admin). */
	req(method, p, o = {}) {
		const headers = { ...(o.headers || {}) };
		if (o.ifMatch !== undefined) headers['If-Match'] = String(o.ifMatch);
		return api(this.s, method, p, { session: o.as || this.admin, body: o.body, headers });
	}

	async get(p, as) { return assertJson(await this.req('GET', p, { as })); }

	async post(p, body, as, status = 201) { return assertJson(await this.req('POST', p, { as, body }), status); }

	async put(p, body, as, ifMatch) { return assertJson(await this.req('PUT', p, { as, body, ifMatch })); }

	async patch(p, body, version, as) { return assertJson(await this.req('PATCH', p, { as, body, ifMatch: version })); }

	/* ---- vocabulary (once per server) ------------------------------------------------------ */

	/**
	 * Loads this.v: the stage status type (the demo's, or a new one), an insurance case type,
	 * three insurance stage statuses, a closing status and a close reason, a primary and a
	 * writing advisor role, a case manager role, a legal case type and the "Pending Case" note
	 * type (migration 0004). Names carry a random tag: the demo has its own of each.
	 */
	async loadVocabulary() {
		const v = this.v;
		const tag = uniq('').slice(0, 6);
		v.tag = tag;
		const types = (await this.get('/api/v1/setup/status-types')).items;
		v.stageType = types.find((t) => t.stage)
			|| await this.post('/api/v1/setup/status-types', { name: 'Stage', stage: true, position: 0 });
		v.caseType = await this.post('/api/v1/setup/case-types', { name: `Report Life ${tag}`, group: 'insurance', position: 900 });
		const st = (name, days, position, closing = false) => this.post('/api/v1/setup/statuses', {
			status_type_id: v.stageType.id, name: `${name} ${tag}`, expected_days: days, position,
			group: closing ? null : 'insurance', closing,
		});
		v.submitted = await st('Submitted', 5, 900);
		v.underwriting = await st('Underwriting', 30, 910);
		v.approved = await st('Approved', 10, 920);
		v.closing = await st('Closed', 0, 990, true);
		v.closeReason = await this.post('/api/v1/setup/close-reasons', { name: `Placed ${tag}`, position: 900 });
		const role = (name, category, position) => this.post('/api/v1/setup/roles', { name: `${name} ${tag}`, category, position });
		const primary = await role('Primary Advisor', 'advisor', 900);
		v.primaryRole = await this.patch(`/api/v1/setup/roles/${primary.id}`, { primary_advisor: true }, primary.version);
		assert.equal(v.primaryRole.primary_advisor, true, 'the role is a primary advisor role');
		v.writingRole = await role('Writing Advisor', 'advisor', 910);
		v.managerRole = await role('Case Manager', 'case_manager', 920);
		v.legalType = await this.post('/api/v1/setup/case-types', { name: `Report Legal ${tag}`, group: 'legal', position: 901 });
		v.legalStage = await this.post('/api/v1/setup/statuses', {
			status_type_id: v.stageType.id, name: `Intake ${tag}`, expected_days: 5, position: 900, group: 'legal',
		});
		const noteTypes = (await this.get('/api/v1/setup/note-types')).items;
		v.pendingNote = noteTypes.find((t) => t.name === 'Pending Case');
		assert.ok(v.pendingNote, `a "Pending Case" note type exists: ${noteTypes.map((t) => t.name).join(', ')}`);
	}

	/* ---- builders (per test) ---------------------------------------------------------------- */

	/**
	 * office({stages}) makes an office of its own; with stages ([{status, interval_days,
	 * report_text}]) its follow-ups are stage-based, else it keeps method none.
	 */
	async office({ stages } = {}) {
		const o = await this.post('/api/v1/offices', { name: uniq('Report Office '), address: '1 Broker Way, Springfield', phone: '+1 555 0100' });
		if (stages) {
			const fu = await this.put(`/api/v1/offices/${o.id}/follow-up`, {
				method: 'stage',
				stages: stages.map((x) => ({ status_id: x.status.id, interval_days: x.interval_days, report_text: x.report_text || '' })),
			});
			assert.equal(fu.method, 'stage');
		}
		return o;
	}

	/**
	 * advisor({first, last, email, preferred, address}) makes a person contact. email: undefined
	 * = a fresh unique address, null = none; address: FULL_ADDRESS unless given (null = none).
	 * The contact gets `email` (the address given) for the tests' mail filters.
	 */
	async advisor({ first = 'Pat', last, email, preferred = 'email', address = FULL_ADDRESS } = {}) {
		const l = last || uniq('Advisor');
		const addr = email === undefined ? `${l.toLowerCase()}.${uniq('')}@example.com` : email;
		const body = { kind: 'person', first_name: first, last_name: l, preferred_comm: preferred };
		body.emails = addr === null ? [] : [{ label: 'work', value: addr, primary: true }];
		body.addresses = address === null ? [] : [{ ...address, primary: true }];
		const c = await this.post('/api/v1/contacts', body);
		assert.equal(c.preferred_comm, preferred);
		return { ...c, name: c.display_name, first, last: l, addr };
	}

	/** contact(extra) makes a plain person contact (an insured, a carrier). */
	contact(extra = {}) {
		return this.post('/api/v1/contacts', { kind: 'person', first_name: 'Pat', last_name: uniq('Contact'), ...extra });
	}

	/**
	 * pendingCase(office, {name, stage, policy, requirements, advisors, manager}) opens an insurance
	 * case in the office at the stage (default underwriting), puts its policy (unless policy is
	 * null: then it has no row and counts as formal), adds its requirements in the order given
	 * and its staff: advisors [{contact, role}] (role default primary) and a case manager user.
	 * Resolves {id, number, name, case, policy, requirements}.
	 */
	async pendingCase(office, {
		name, stage, policy = {}, requirements = [], advisors = [], manager, type,
	} = {}) {
		const v = this.v;
		const k = await this.post('/api/v1/cases', {
			name: name || uniq('Pending case '), case_type_id: (type || v.caseType).id,
			office_id: office.id, status_id: (stage || (type ? v.legalStage : v.underwriting)).id,
		});
		let pol = null;
		if (policy !== null && !type) {
			pol = await this.put(`/api/v1/cases/${k.id}/policy`, {
				policy_number: uniq('PN').toUpperCase(), product: 'Term Life 20', amount_cents: 25000000,
				kind: 'formal', ...policy,
			});
		}
		const reqs = [];
		for (const r of requirements) reqs.push(await this.post(`/api/v1/cases/${k.id}/requirements`, r));
		for (const a of advisors) {
			await this.post(`/api/v1/cases/${k.id}/staff`, { contact_id: a.contact.id, role_id: (a.role || v.primaryRole).id });
		}
		if (manager) await this.post(`/api/v1/cases/${k.id}/staff`, { user_id: manager.id, role_id: v.managerRole.id });
		return { id: k.id, number: k.number, name: k.name, case: k, policy: pol, requirements: reqs };
	}

	/** closeCase(k) sets the closing stage (so the case is no longer pending). */
	closeCase(k) {
		return this.post(`/api/v1/cases/${k.id}/statuses`, {
			status_type_id: this.v.stageType.id, status_id: this.v.closing.id, close_reason_id: this.v.closeReason.id,
		});
	}

	/** newStaff(name) makes a staff user through the API and logs them in ({...session, id}). */
	async newStaff(name = 'Sam Sender', role = 'staff') {
		const l = uniq(role);
		const u = await this.post('/api/v1/users', { login: l, name, role, password: PW });
		const sess = await login(this.s, l, PW);
		return { ...sess, id: u.id, name: u.name, login: l };
	}

	/** setRight(user, right, granted) grants or revokes a right (PUT .../rights/{right}). */
	async setRight(user, right, granted) {
		const u = await this.put(`/api/v1/users/${user.id}/rights/${right}`, { granted });
		assert.equal(u.rights.includes(right), granted, `${right} ${granted ? 'granted' : 'revoked'}: ${u.rights}`);
		return u;
	}

	/* ---- reports ------------------------------------------------------------------------ */

	/** opts(office, extra): the options of a report over the office (every other member default). */
	opts(office, extra = {}) {
		return { office_id: office.id, ...extra };
	}

	previewRaw(options, as) { return this.req('POST', '/api/v1/reports/status/preview', { as, body: options }); }

	/** preview(options, as) must answer 201; resolves the preview. */
	async preview(options, as) { return assertJson(await this.previewRaw(options, as), 201); }

	sendRaw(body, as) { return this.req('POST', '/api/v1/reports/status/send', { as, body }); }

	/**
	 * send(preview, as, status) sends a preview (202 the first time, 200 after) and resolves the
	 * answer; its `id` is the send's id (docs/api.md does not show the answer's body: the result
	 * resource is assumed, and the id is checked against the preview's send_id).
	 */
	async send(preview, as, status = 202) {
		const r = assertJson(await this.sendRaw({ preview_id: preview.id }, as), status);
		assert.ok(Number.isInteger(r.id) && r.id > 0, `the send answer has the send's id: ${JSON.stringify(r)}`);
		return r;
	}

	/** result(id) reads GET /api/v1/reports/status/{id}. */
	result(id, as) { return this.get(`/api/v1/reports/status/${id}`, as); }

	/** waitDone(id, ms) polls the result until done (fails after ms). */
	async waitDone(id, ms = WAIT, as) {
		const t0 = Date.now();
		for (;;) {
			const r = await this.result(id, as);
			if (r.done) return r;
			if (Date.now() - t0 > ms) assert.fail(`send ${id} not done within ${ms} ms: ${JSON.stringify(r)}\n${this.s.stderr().slice(-3000)}`);
			await sleep(100);
		}
	}

	/** sendAndWait(options) previews, sends and waits: {preview, send, result}. */
	async sendAndWait(options, as) {
		const preview = await this.preview(options, as);
		const send = await this.send(preview, as);
		const result = await this.waitDone(send.id, WAIT, as);
		return { preview, send, result };
	}

	/** lettersPdf(sendId) fetches the letters PDF (200, application/pdf, attachment): the bytes. */
	async lettersPdf(sendId, as) {
		const r = await this.req('GET', `/api/v1/reports/status/${sendId}/letters`, { as });
		assert.equal(r.status, 200, `letters: ${r.status} ${r.text.slice(0, 300)}`);
		assert.match(String(r.headers['content-type']), /^application\/pdf/);
		assert.match(String(r.headers['content-disposition'] || ''), /^attachment/);
		return r.buffer;
	}

	/** letters(sendId) fetches the letters PDF and extracts its text per page. */
	async letters(sendId, as) {
		return pdfText(await this.lettersPdf(sendId, as));
	}

	/* ---- what a send leaves behind -------------------------------------------------------- */

	/** mails(addr) are the SMTP sink's messages to that address, in arrival order. */
	mails(addr) {
		return this.smtp.messages().filter((m) => m.rcpt_tos.some((r) => r.toLowerCase() === addr.toLowerCase()));
	}

	/** waitMails(addrs, n) waits until the sink holds n messages to the addresses together. */
	async waitMails(addrs, n, ms = WAIT) {
		const set = new Set(addrs.map((a) => a.toLowerCase()));
		const pick = () => this.smtp.messages().filter((m) => m.rcpt_tos.some((r) => set.has(r.toLowerCase())));
		const t0 = Date.now();
		while (pick().length < n && Date.now() - t0 < ms) await sleep(50);
		return pick();
	}

	/** notes(caseId) are the case's "Pending Case" notes. */
	async pendingNotes(caseId) {
		const items = (await this.get(`/api/v1/cases/${caseId}/notes?limit=200`)).items;
		return items.filter((n) => n.type && n.type.name === 'Pending Case');
	}

	/** advisorLog(contactId) is the advisor's log, newest first. */
	async advisorLog(contactId) {
		return (await this.get(`/api/v1/contacts/${contactId}/advisor-log?limit=200`)).items;
	}

	/** policy(k) reads the case's policy data. */
	policy(k) { return this.get(`/api/v1/cases/${k.id}/policy`); }

	/** outbox(query) lists outbox rows (admin). */
	async outbox(query) { return (await this.get(`/api/v1/outbox?${query}&limit=200`)).items; }

	/** restart({env}) restarts the server on the same database with the same arguments. */
	async restart(env = {}) {
		await this.s.restart({ args: this.args, env });
	}

	async stop() {
		try {
			await this.s.stop();
		} finally {
			await this.smtp.stop();
		}
	}
}

/**
 * startReportServer({smtp, env}) starts the SMTP sink (smtp: startSmtp options, e.g. {reject}),
 * then `caseload serve` with the demo data, the firm's zone TZ and the sink's arguments (env:
 * extra environment, e.g. the fault hook), logs the demo admin in and loads the vocabulary.
 */
export async function startReportServer({ smtp: smtpOpts = {}, env } = {}) {
	const smtp = await startSmtp(smtpOpts);
	let s;
	try {
		const args = ['--time-zone', TZ, ...smtpArgs(smtp)];
		s = await startServer({ args, env });
		const admin = await loginDemo(s, 'admin');
		admin.id = admin.user.id;
		const fx = new ReportFixture(s, smtp, admin, args);
		await fx.loadVocabulary();
		return fx;
	} catch (e) {
		if (s) await s.stop().catch(() => {});
		await smtp.stop();
		throw e;
	}
}
