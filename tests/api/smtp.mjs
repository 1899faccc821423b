// smtp.mjs - a real SMTP server for the API tests: tests/support/smtp_sink.py (aiosmtpd) on a
// free loopback port, writing each accepted message to a temporary directory as NNNN.eml and
// NNNN.json (see the script for the JSON's members).
//
//   const smtp = await startSmtp({ reject: ['bad@x.test'], failDataOnce: ['slow@x.test'] });
//   const server = await startServer({ args: smtpArgs(smtp) });
//   ... const [m] = await smtp.waitForCount(1); assert.equal(m.rcpt_tos[0], ...);
//   await smtp.stop();
//
// The script needs Debian's python3-aiosmtpd, so it runs under /usr/bin/python3 when there is
// one (a python3 earlier on PATH may lack the package); $CASELOAD_PYTHON overrides that.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, sleep } from './helper.mjs';

const SCRIPT = path.join(ROOT, 'tests', 'support', 'smtp_sink.py');

function python() {
	if (process.env.CASELOAD_PYTHON) return process.env.CASELOAD_PYTHON;
	return fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

/**
 * startSmtp({reject, failDataOnce}) starts the sink and resolves once it listens:
 * {port, dir, url: 'smtp://127.0.0.1:PORT', messages(), waitForCount(n, ms), stop()}.
 *   reject        recipients answered 550 at RCPT TO
 *   failDataOnce  recipients whose first DATA is answered 451 (before the message is sent)
 */
export async function startSmtp({ reject = [], failDataOnce = [] } = {}) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseload-smtp-'));
	const args = [SCRIPT, '--dir', dir, '--port', '0'];
	for (const r of reject) args.push('--reject', r);
	for (const r of failDataOnce) args.push('--fail-data-once', r);
	const proc = spawn(python(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	let err = '';
	const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
	let exitInfo = null;
	exited.then((x) => { exitInfo = x; });
	const port = await new Promise((resolve, reject_) => {
		const timer = setTimeout(() => reject_(new Error(`smtp_sink.py did not listen within 15 s:\n${err}`)), 15000);
		proc.stdout.on('data', (d) => {
			out += d.toString('utf8');
			const m = /listening (\d+)/.exec(out);
			if (m) { clearTimeout(timer); resolve(Number(m[1])); }
		});
		proc.stderr.on('data', (d) => { err += d.toString('utf8'); });
		proc.on('error', (e) => { clearTimeout(timer); reject_(e); });
		exited.then((x) => { clearTimeout(timer); reject_(new Error(`smtp_sink.py exited (${x.code}, ${x.signal}):\n${err}`)); });
	}).catch((e) => {
		fs.rmSync(dir, { recursive: true, force: true });
		throw e;
	});

	/** The parsed NNNN.json files in arrival order. */
	function messages() {
		return fs.readdirSync(dir).filter((f) => /^\d+\.json$/.test(f)).sort()
			.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
	}

	return {
		port,
		dir,
		url: `smtp://127.0.0.1:${port}`,
		messages,
		/** Resolves messages() once there are at least n; rejects after ms. */
		async waitForCount(n, ms = 10000) {
			const t0 = Date.now();
			for (;;) {
				const list = messages();
				if (list.length >= n) return list;
				if (Date.now() - t0 > ms) {
					throw new Error(`SMTP sink: ${list.length} messages after ${ms} ms, expected ${n}\n${err}`);
				}
				await sleep(50);
			}
		},
		/** Stops the sink and removes its directory. */
		async stop() {
			if (!exitInfo) proc.kill('SIGTERM');
			let t;
			const r = await Promise.race([exited, new Promise((res) => { t = setTimeout(() => res(null), 5000); })]);
			clearTimeout(t);
			if (!r) {
				proc.kill('SIGKILL');
				await exited;
			}
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** The serve arguments that send e-mail to the sink (plain SMTP on loopback, short timeouts). */
export function smtpArgs(smtp) {
	return ['--mail-sink', 'smtp', '--smtp-url', smtp.url, '--smtp-insecure',
		'--mail-from', 'caseload@firm.test', '--smtp-timeout', '5', '--worker-interval-ms', '200'];
}
