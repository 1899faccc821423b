// casefix.mjs - the shared fixture of the case tests (issue 3): a server of its own with no demo
// data, an administrator made through the CLI, two staff users, and the firm's vocabulary made
// through the setup API (docs/api.md "Setup lists"), so that every test knows exactly which
// stages, statuses, roles and types exist. Also date helpers in the firm's time zone and thin
// request wrappers. Not a test file itself (no .test. in the name); the generic HTTP client and
// server start are in helper.mjs.
//
// The server runs with --time-zone Pacific/Kiritimati (UTC+14): for most of the UTC day its
// date differs from the UTC date, so a server that takes "today" in UTC rather than the firm's
// zone is caught.
import assert from 'node:assert/strict';
import {
	startServer, api, login, addUserCli, assertJson, assertProblem, uniq,
} from './helper.mjs';

export const TZ = 'Pacific/Kiritimati';
export const PW = 'case-tests-pass-phrase-1';

/** today(tz) is the calendar date in the zone, "YYYY-MM-DD". */
export function today(tz = TZ) {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })
		.formatToParts(new Date());
	const get = (t) => parts.find((p) => p.type === t).value;
	return `${get('year')}-${get('month')}-${get('day')}`;
}

/** addDays("2026-01-31", 1) is "2026-02-01". */
export function addDays(date, n) {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

/** daysBetween(a, b): calendar days from a to b (b - a). */
export function daysBetween(a, b) {
	return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

/**
 * Today around a request: call before the request and pass the value to check(); the server's
 * today may be the date before or after (a request that straddles midnight is not a failure).
 */
export function todayWindow() {
	const before = today();
	return {
		before,
		/** the dates that count as "today" for an answer received now */
		dates() { return [...new Set([before, today()])]; },
		/** asserts that v is today */
		check(v, what = 'date') {
			const ok = this.dates();
			assert.ok(ok.includes(v), `${what}: ${v} is today (${ok.join(' or ')}) in ${TZ}`);
		},
	};
}

export const DATE_RE = /^\d{4}-\d\d-\d\d$/;
export const TS_RE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** The name of a {id, name} reference (or null). */
export const nameOf = (ref) => (ref === null || ref === undefined ? ref : ref.name);

class Fixture {
	constructor(s, admin) {
		this.s = s;
		this.admin = admin;
		this.v = {};
	}

	/** req(method, path, {as, body, ifMatch, headers}) sends one request (as = a session; default admin). */
	req(method, path, o = {}) {
		const headers = { ...(o.headers || {}) };
		if (o.ifMatch !== undefined) headers['If-Match'] = String(o.ifMatch);
		return api(this.s, method, path, { session: o.as || this.admin, body: o.body, headers });
	}

	/** GET that must answer 200 JSON. */
	async get(path, as) {
		return assertJson(await this.req('GET', path, { as }));
	}

	/** POST that must answer `status` (201) JSON. */
	async post(path, body, as, status = 201) {
		return assertJson(await this.req('POST', path, { as, body }), status);
	}

	/** PATCH with If-Match that must answer 200 JSON. */
	async patch(path, body, version, as) {
		return assertJson(await this.req('PATCH', path, { as, body, ifMatch: version }));
	}

	/** DELETE that must answer 204. */
	async del(path, as) {
		const res = await this.req('DELETE', path, { as });
		assert.equal(res.status, 204, `DELETE ${path}: ${res.status} ${res.text.slice(0, 300)}`);
		return res;
	}

	/** all(path, as, limit) follows next_cursor to the end and returns every item (no id twice). */
	async all(path, as, limit = 200) {
		const items = [];
		let cursor = null;
		for (let pages = 0; ; pages++) {
			assert.ok(pages < 500, `${path}: paging ends`);
			const sep = path.includes('?') ? '&' : '?';
			const q = `${sep}limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
			const page = await this.get(`${path}${q}`, as);
			assert.ok(Array.isArray(page.items), `${path}: items is an array`);
			assert.ok('next_cursor' in page, `${path}: next_cursor present`);
			items.push(...page.items);
			if (page.next_cursor === null) break;
			assert.equal(typeof page.next_cursor, 'string');
			cursor = page.next_cursor;
		}
		const ids = items.map((x) => x.id);
		assert.equal(new Set(ids).size, ids.length, `${path}: no item twice`);
		return items;
	}

	/** newUser(role, name, extra) makes a user through the API and logs them in; the session has id and name. */
	async newUser(role, name, extra = {}) {
		const l = uniq(role);
		const u = await this.post('/api/v1/users', { login: l, name, role, password: PW, ...extra });
		const sess = await login(this.s, l, PW);
		return { ...sess, id: u.id, name: u.name, login: l, record: u };
	}

	/** setup(list, body) creates an item of a setup list (as admin). */
	setup(list, body) {
		return this.post(`/api/v1/setup/${list}`, body);
	}

	/** createCase(extra, as) opens a case of type Auto Accident (legal) unless told otherwise (as staff). */
	createCase(extra = {}, as = this.staff) {
		return this.post('/api/v1/cases', { name: uniq('Case '), case_type_id: this.v.auto.id, ...extra }, as);
	}

	/** setStatus(caseId, body, as) adds a status row (201). */
	setStatus(caseId, body, as = this.staff) {
		return this.post(`/api/v1/cases/${caseId}/statuses`, body, as);
	}

	/** current(caseId) is the list of current status rows. */
	async current(caseId, as) {
		return (await this.get(`/api/v1/cases/${caseId}/statuses`, as)).items;
	}

	/** history(caseId) is every status row, newest first. */
	async history(caseId, as) {
		return (await this.get(`/api/v1/cases/${caseId}/statuses/history`, as)).items;
	}

	/** timeline(caseId) is every event, newest first. */
	timeline(caseId, as) {
		return this.all(`/api/v1/cases/${caseId}/timeline`, as);
	}

	/** lastSeq(caseId) is the seq of the newest event (0 when none). */
	async lastSeq(caseId, as) {
		const page = await this.get(`/api/v1/cases/${caseId}/timeline?limit=1`, as);
		return page.items.length ? page.items[0].seq : 0;
	}

	/** eventsSince(caseId, seq) are the events after seq, oldest first. */
	async eventsSince(caseId, seq, as) {
		return (await this.timeline(caseId, as)).filter((e) => e.seq > seq).reverse();
	}

	/** Loads the vocabulary into this.v (see the top of the file). */
	async loadVocabulary() {
		const v = this.v;
		v.office = await this.post('/api/v1/offices', { name: 'Main Office' });
		v.office2 = await this.post('/api/v1/offices', { name: 'Harbour Office' });

		v.stageType = await this.setup('status-types', { name: 'Stage', stage: true, position: 0 });
		v.medical = await this.setup('status-types', { name: 'Medical', stage: false, position: 10 });
		v.track = await this.setup('status-types', { name: 'Litigation Track', stage: false, position: 20 });
		const st = (type, name, days, position, group = null, closing = false) => this.setup('statuses', {
			status_type_id: type.id, name, expected_days: days, position, group, closing,
		});
		v.intake = await st(v.stageType, 'Intake', 30, 10, 'legal');
		v.preLit = await st(v.stageType, 'Pre-Litigation', 60, 20, 'legal');
		v.litigation = await st(v.stageType, 'Litigation', 90, 30, 'legal');
		v.settlement = await st(v.stageType, 'Settlement', 45, 40, 'legal');
		v.closed = await st(v.stageType, 'Closed Case', 0, 100, null, true);
		v.newTicket = await st(v.stageType, 'New', 2, 5, 'support');
		v.assigned = await st(v.stageType, 'Assigned', 5, 6, 'support');
		v.appReceived = await st(v.stageType, 'Application Received', 10, 10, 'insurance');
		v.treating = await st(v.medical, 'Treating', 14, 10);
		v.records = await st(v.medical, 'Records Requested', 30, 20);
		v.doneTreating = await st(v.medical, 'Done Treating', 0, 30);
		v.discovery = await st(v.track, 'Discovery', 120, 10);

		v.settled = await this.setup('close-reasons', { name: 'Settled', position: 10 });
		v.dropped = await this.setup('close-reasons', { name: 'Dropped', position: 20 });

		v.attorney = await this.setup('roles', { name: 'Lead Attorney', category: 'attorney', position: 10 });
		v.paralegal = await this.setup('roles', { name: 'Paralegal', category: 'paralegal', position: 20 });
		v.manager = await this.setup('roles', { name: 'Case Manager', category: 'case_manager', position: 30 });
		v.advisorRole = await this.setup('roles', { name: 'Primary Advisor', category: 'advisor', position: 40 });
		v.referral = await this.setup('roles', { name: 'Referral Source', category: '', position: 50 });

		v.general = await this.setup('note-types', { name: 'General', client_facing: false, position: 10 });
		v.clientUpdate = await this.setup('note-types', { name: 'Client Update', client_facing: true, position: 20 });

		v.low = await this.setup('value-ranges', { name: 'Under $100k', low_cents: 0, high_cents: 9999999, disbursement_limit_cents: 50000, position: 10 });
		v.mid = await this.setup('value-ranges', { name: '$100k-$250k', low_cents: 10000000, high_cents: 25000000, disbursement_limit_cents: 100000, position: 20 });

		v.auto = await this.setup('case-types', { name: 'Auto Accident', group: 'legal', position: 10 });
		v.ticket = await this.setup('case-types', { name: 'Support Ticket', group: 'support', position: 20 });
		v.mortgage = await this.setup('case-types', { name: 'Remortgage', group: 'mortgage', position: 30 });
		v.policy = await this.setup('case-types', { name: 'Term Life', group: 'insurance', position: 40 });
		v.rearEnd = await this.setup('case-subtypes', { case_type_id: v.auto.id, name: 'Rear-end', position: 10 });
		v.headOn = await this.setup('case-subtypes', { case_type_id: v.auto.id, name: 'Head-on', position: 20 });
		v.email = await this.setup('case-subtypes', { case_type_id: v.ticket.id, name: 'Email', position: 10 });
	}

	/** newContact(extra) makes a person contact (as admin). */
	newContact(extra = {}) {
		return this.post('/api/v1/contacts', { kind: 'person', first_name: 'Pat', last_name: uniq('Contact'), ...extra });
	}

	stop() { return this.s.stop(); }
}

/**
 * startCaseServer({vocabulary, staff}) starts a server without demo data, makes the
 * administrator "Rita Root" (fx.admin) and, unless staff is false, two staff users "Sam Staff"
 * (fx.staff) and "Tess Other" (fx.staff2), and loads the vocabulary (fx.v) unless vocabulary is
 * false. Resolves the fixture; fx.stop() stops the server.
 */
export async function startCaseServer({ vocabulary = true, staff = true, args = [] } = {}) {
	const s = await startServer({ demo: false, args: ['--time-zone', TZ, ...args] });
	try {
		await addUserCli(s, { login: 'root', name: 'Rita Root', role: 'admin', password: PW });
		const admin = await login(s, 'root', PW);
		const fx = new Fixture(s, admin);
		fx.admin.id = admin.user.id;
		fx.admin.name = admin.user.name;
		if (staff) {
			fx.staff = await fx.newUser('staff', 'Sam Staff');
			fx.staff2 = await fx.newUser('staff', 'Tess Other');
		}
		if (vocabulary) await fx.loadVocabulary();
		return fx;
	} catch (e) {
		await s.stop().catch(() => {});
		throw e;
	}
}

export { api, assertJson, assertProblem, uniq };
