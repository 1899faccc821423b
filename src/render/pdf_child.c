/* pdf_child.c - PDFs drawn in a child process (see pdf_child.h). The parent side writes the job
 * file and runs `caseload render-pdf` on it with posix_spawn, passing the PDF on as it arrives;
 * the child side (pdf_child_main) limits itself, reads the job line by line and draws it with
 * render/pdf.c. What goes into a job is domain/report.c's business. */
#include "render/pdf_child.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define PDF_CHILD_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PDF_CHILD_ASAN 1
#endif
#endif

#define PDF_CHILD_CPU_SECONDS 30
#define PDF_CHILD_AS_BYTES (512UL * 1024 * 1024)
#define PDF_CHILD_CHUNK (64 * 1024)
#define PDF_CHILD_STDERR_MAX 4096

extern char **environ;

const char *pdf_child_program = "/proc/self/exe";

/* ---- the parent's side ------------------------------------------------------------------ */

/* pdf_job_line writes obj as one compact JSON line (jansson escapes newlines in strings). */
static int pdf_job_line(FILE *f, const json_t *obj, struct err *e)
{
	char *s = json_dumps(obj, JSON_COMPACT);
	if (!s)
		return err_set(e, ERR_INTERNAL, NULL, "a PDF job line could not be made");
	int ok = fputs(s, f) >= 0 && fputc('\n', f) != EOF;
	free(s);
	if (!ok)
		return err_set(e, ERR_INTERNAL, NULL, "the PDF job file could not be written: %s",
			       strerror(errno));
	return 0;
}

int pdf_job_open(struct pdf_job *j, const json_t *head, struct err *e)
{
	j->lines = 0;
	j->file = tmpfile();
	if (!j->file)
		return err_set(e, ERR_INTERNAL, NULL, "no temporary file for a PDF job: %s",
			       strerror(errno));
	int rc = pdf_job_line(j->file, head, e);
	if (rc)
		pdf_job_cancel(j);
	return rc;
}

int pdf_job_add(struct pdf_job *j, const json_t *obj, struct err *e)
{
	if (!j->file)
		return err_set(e, ERR_INTERNAL, NULL, "the PDF job is not open");
	int rc = pdf_job_line(j->file, obj, e);
	if (rc == 0)
		j->lines++;
	return rc;
}

void pdf_job_cancel(struct pdf_job *j)
{
	if (j->file)
		fclose(j->file);
	j->file = NULL;
	j->lines = 0;
}

/* A child being run: its pid, the read ends of its stdout and stderr, the tail of stderr. */
struct pdf_run {
	pid_t pid;
	int out, err;
	char tail[PDF_CHILD_STDERR_MAX + 1];
	size_t tail_len;
	bool stopped;          /* the writer asked to stop */
};

/* pdf_run_spawn starts the child with the job file as stdin and pipes for stdout and stderr;
 * every other descriptor is closed in the child. */
static int pdf_run_spawn(struct pdf_run *r, int job_fd, struct err *e)
{
	int out[2] = {-1, -1}, errp[2] = {-1, -1};
	posix_spawn_file_actions_t fa;
	int rc = 0;
	if (pipe2(out, O_CLOEXEC) != 0 || pipe2(errp, O_CLOEXEC) != 0) {
		rc = err_set(e, ERR_INTERNAL, NULL, "no pipe for the PDF child: %s",
			     strerror(errno));
		goto done;
	}
	char *argv[] = {(char *)pdf_child_program, (char *)"render-pdf", NULL};
	int sp = posix_spawn_file_actions_init(&fa);
	if (sp == 0) {
		if ((sp = posix_spawn_file_actions_adddup2(&fa, job_fd, 0)) == 0 &&
		    (sp = posix_spawn_file_actions_adddup2(&fa, out[1], 1)) == 0 &&
		    (sp = posix_spawn_file_actions_adddup2(&fa, errp[1], 2)) == 0 &&
		    (sp = posix_spawn_file_actions_addclosefrom_np(&fa, 3)) == 0)
			sp = posix_spawn(&r->pid, pdf_child_program, &fa, NULL, argv, environ);
		posix_spawn_file_actions_destroy(&fa);
	}
	if (sp != 0) {
		rc = err_set(e, ERR_INTERNAL, NULL, "the PDF child (%s) could not start: %s",
			     pdf_child_program, strerror(sp));
		goto done;
	}
	r->out = out[0];
	r->err = errp[0];
	out[0] = errp[0] = -1;
done:
	for (int i = 0; i < 2; i++) {
		if (out[i] >= 0)
			close(out[i]);
		if (errp[i] >= 0)
			close(errp[i]);
	}
	return rc;
}

/* pdf_run_stderr keeps the last PDF_CHILD_STDERR_MAX bytes the child wrote to stderr. */
static void pdf_run_stderr(struct pdf_run *r, const char *data, size_t n)
{
	if (n > PDF_CHILD_STDERR_MAX) {
		data += n - PDF_CHILD_STDERR_MAX;
		n = PDF_CHILD_STDERR_MAX;
	}
	if (r->tail_len + n > PDF_CHILD_STDERR_MAX) {
		size_t drop = r->tail_len + n - PDF_CHILD_STDERR_MAX;
		memmove(r->tail, r->tail + drop, r->tail_len - drop);
		r->tail_len -= drop;
	}
	memcpy(r->tail + r->tail_len, data, n);
	r->tail_len += n;
	r->tail[r->tail_len] = '\0';
}

/* pdf_run_pump reads the child's stdout (to write) and stderr until both are closed. */
static void pdf_run_pump(struct pdf_run *r, pdf_write_fn write, void *ctx, unsigned char *chunk)
{
	while (r->out >= 0 || r->err >= 0) {
		struct pollfd fds[2] = {{.fd = r->out, .events = POLLIN},
					{.fd = r->err, .events = POLLIN}};
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (r->out >= 0 && fds[0].revents) {
			ssize_t n = read(r->out, chunk, PDF_CHILD_CHUNK);
			if (n < 0 && errno == EINTR)
				continue;
			if (n > 0 && write(ctx, chunk, (size_t)n) != 0) {
				r->stopped = true;
				kill(r->pid, SIGKILL);
			}
			if (n <= 0 || r->stopped) {
				close(r->out);
				r->out = -1;
			}
		}
		if (r->err >= 0 && fds[1].revents) {
			char buf[1024];
			ssize_t n = read(r->err, buf, sizeof(buf));
			if (n < 0 && errno == EINTR)
				continue;
			if (n > 0)
				pdf_run_stderr(r, buf, (size_t)n);
			if (n <= 0) {
				close(r->err);
				r->err = -1;
			}
		}
	}
	if (r->out >= 0)
		close(r->out);
	if (r->err >= 0)
		close(r->err);
	r->out = r->err = -1;
}

/* pdf_run_message gives the child's error from its stderr (in place): the last line it wrote
 * as "render-pdf: ...", else the last non-empty line other than "pages N" (a sanitizer's report
 * may follow the child's own lines); "" when none. *pages gets the page count it reported. */
static const char *pdf_run_message(struct pdf_run *r, int *pages)
{
	const char *own = NULL, *last = "";
	char *save = NULL;
	for (char *line = strtok_r(r->tail, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		int n;
		char extra;
		if (sscanf(line, "pages %d%c", &n, &extra) == 1)
			*pages = n;
		else if (strncmp(line, "render-pdf: ", 12) == 0)
			own = line;
		else if (line[strspn(line, " \t\r")])
			last = line;
	}
	return own ? own : last;
}

int pdf_job_run(struct pdf_job *j, pdf_write_fn write, void *ctx, int *pages, struct err *e)
{
	struct pdf_run r = {.pid = -1, .out = -1, .err = -1};
	unsigned char *chunk = NULL;
	int status = 0, reported = -1, rc = 0;
	if (pages)
		*pages = 0;
	if (!j->file)
		return err_set(e, ERR_INTERNAL, NULL, "the PDF job is not open");
	if (fflush(j->file) != 0 || ferror(j->file) || fseek(j->file, 0, SEEK_SET) != 0) {
		rc = err_set(e, ERR_INTERNAL, NULL, "the PDF job file could not be written: %s",
			     strerror(errno));
		goto done;
	}
	chunk = malloc(PDF_CHILD_CHUNK);
	if (!chunk) {
		rc = err_set(e, ERR_INTERNAL, NULL, "out of memory reading a PDF");
		goto done;
	}
	if ((rc = pdf_run_spawn(&r, fileno(j->file), e)) != 0)
		goto done;
	pdf_run_pump(&r, write, ctx, chunk);
	while (waitpid(r.pid, &status, 0) < 0) {
		if (errno != EINTR) {
			rc = err_set(e, ERR_INTERNAL, NULL, "waiting for the PDF child: %s",
				     strerror(errno));
			goto done;
		}
	}
	const char *message = pdf_run_message(&r, &reported);
	if (r.stopped)
		rc = err_set(e, ERR_INTERNAL, NULL, "the PDF could not be passed on; the child was "
			     "stopped");
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && reported >= 0)
		rc = 0;
	else if (WIFEXITED(status) && message[0])
		rc = err_set(e, ERR_INTERNAL, NULL, "%s", message);
	else if (WIFEXITED(status))
		rc = err_set(e, ERR_INTERNAL, NULL, "the PDF child exited with status %d%s",
			     WEXITSTATUS(status),
			     WEXITSTATUS(status) ? "" : " without a page count");
	else if (WIFSIGNALED(status))
		rc = err_set(e, ERR_INTERNAL, NULL, "the PDF child was stopped by signal %d (%s)%s",
			     WTERMSIG(status), strsignal(WTERMSIG(status)),
			     WTERMSIG(status) == SIGXCPU ? ": it ran out of CPU time" : "");
	else
		rc = err_set(e, ERR_INTERNAL, NULL, "the PDF child failed");
	if (rc == 0 && pages)
		*pages = reported;
done:
	free(chunk);
	pdf_job_cancel(j);
	return rc;
}

/* ---- the child's side ------------------------------------------------------------------- */

/* pdf_child_limits caps CPU time and address space before anything is drawn. The address space
 * is left alone in an AddressSanitizer build, whose shadow memory alone is far larger. */
static void pdf_child_limits(void)
{
	struct rlimit cpu = {PDF_CHILD_CPU_SECONDS, PDF_CHILD_CPU_SECONDS + 5};
	if (setrlimit(RLIMIT_CPU, &cpu) != 0)
		fprintf(stderr, "render-pdf: warning: no CPU limit: %s\n", strerror(errno));
#ifndef PDF_CHILD_ASAN
	struct rlimit as = {PDF_CHILD_AS_BYTES, PDF_CHILD_AS_BYTES};
	if (setrlimit(RLIMIT_AS, &as) != 0)
		fprintf(stderr, "render-pdf: warning: no memory limit: %s\n", strerror(errno));
#endif
}

static int pdf_child_write(void *ctx, const unsigned char *data, size_t len)
{
	return fwrite(data, 1, len, ctx) == len ? 0 : -1;
}

/* pdf_child_string reads an optional string member of a job line into *out ("" when absent). */
static int pdf_child_string(const json_t *obj, const char *name, const char **out,
			    struct err *e)
{
	const json_t *v = json_object_get(obj, name);
	*out = "";
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return err_set(e, ERR_INVALID, name, "must be a string");
	*out = json_string_value(v);
	return 0;
}

/* pdf_child_row draws one line of a preview job. */
static int pdf_child_row(struct pdf_doc *p, const json_t *obj, struct err *e)
{
	struct pdf_preview_row row;
	int rc;
	if (!json_is_object(obj))
		return err_set(e, ERR_INVALID, NULL, "a preview row must be a JSON object");
	if ((rc = pdf_child_string(obj, "advisor", &row.advisor, e)) ||
	    (rc = pdf_child_string(obj, "method", &row.method, e)) ||
	    (rc = pdf_child_string(obj, "address", &row.address, e)) ||
	    (rc = pdf_child_string(obj, "cases", &row.cases, e)) ||
	    (rc = pdf_child_string(obj, "issues", &row.issues, e)))
		return rc;
	return pdf_preview_row(p, &row, e);
}

/* pdf_child_letter draws one line of a letters job. */
static int pdf_child_letter(struct pdf_doc *p, const json_t *obj, struct err *e)
{
	struct report_doc d;
	report_doc_init(&d);
	int rc = report_doc_from_json(obj, &d, e);
	if (rc == 0)
		rc = pdf_letter(p, &d, e);
	report_doc_cleanup(&d);
	return rc;
}

/* pdf_child_head reads the first line and starts the document (and the preview's title). */
static int pdf_child_head(const json_t *head, bool *letters, struct pdf_doc *p, struct err *e)
{
	const char *kind = "", *title, *date, *options;
	int rc;
	if (!json_is_object(head))
		return err_set(e, ERR_INVALID, NULL, "the first line must be a JSON object");
	if ((rc = pdf_child_string(head, "kind", &kind, e)))
		return rc;
	*letters = strcmp(kind, "letters") == 0;
	if (*letters)
		return 0;
	if (strcmp(kind, "preview") != 0)
		return err_set(e, ERR_INVALID, "kind", "must be \"letters\" or \"preview\"");
	if ((rc = pdf_child_string(head, "title", &title, e)) ||
	    (rc = pdf_child_string(head, "date", &date, e)) ||
	    (rc = pdf_child_string(head, "options", &options, e)))
		return rc;
	return pdf_preview_begin(p, title, date, options, e);
}

int pdf_child_main(int argc, char **argv)
{
	struct pdf_doc *p = NULL;
	struct err e;
	char *line = NULL;
	size_t cap = 0;
	long lineno = 0;
	bool letters = false, have_head = false;
	int pages = 0, rc = 0;
	pdf_child_limits();
	err_clear(&e);
	if (argc > 1) {
		fprintf(stderr, "usage: caseload render-pdf < job\n(internal: the server runs "
				"it to draw PDFs; see render/pdf_child.h for the job format)\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOFBF, PDF_CHILD_CHUNK);
	if ((rc = pdf_open(pdf_child_write, stdout, &p, &e)) != 0)
		goto done;
	while (getline(&line, &cap, stdin) > 0) {
		json_error_t jerr;
		lineno++;
		if (line[strspn(line, " \t\r\n")] == '\0')
			continue;
		json_t *obj = json_loads(line, 0, &jerr);
		if (!obj) {
			rc = err_set(&e, ERR_INVALID, NULL, "not JSON: %s (column %d)", jerr.text,
				     jerr.column);
			goto done;
		}
		if (!have_head)
			rc = pdf_child_head(obj, &letters, p, &e);
		else if (letters)
			rc = pdf_child_letter(p, obj, &e);
		else
			rc = pdf_child_row(p, obj, &e);
		json_decref(obj);
		if (rc)
			goto done;
		have_head = true;
	}
	if (!have_head) {
		rc = err_set(&e, ERR_INVALID, NULL, "no job (the first line is missing)");
		goto done;
	}
	rc = pdf_close(p, &pages, &e);
	p = NULL;
	if (rc == 0 && fflush(stdout) != 0)
		rc = err_set(&e, ERR_INTERNAL, NULL, "the PDF could not be written: %s",
			     strerror(errno));
done:
	free(line);
	if (p)
		pdf_close(p, NULL, NULL);
	if (rc != 0) {
		if (lineno > 0)
			fprintf(stderr, "render-pdf: line %ld%s%s: %s\n", lineno,
				e.field[0] ? ": " : "", e.field, e.message);
		else
			fprintf(stderr, "render-pdf: %s\n", e.message);
		return 1;
	}
	fprintf(stderr, "pages %d\n", pages);
	return 0;
}
