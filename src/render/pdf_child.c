/* pdf_child.c - PDFs drawn in a child process (see pdf_child.h). The parent side starts
 * `caseload render-pdf` with posix_spawn when the job opens and writes the job into its stdin
 * as it is made, so that the child draws while the parent reads the next letters from the
 * database (two cores at work); the child writes the PDF to a temporary file that the parent
 * passes on once the child is done;
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

/* pdf_job_tmp makes an unlinked temporary file for the child's stdout or stderr: a file, not a
 * pipe, so that the child never waits for the parent, who is busy writing its job. */
static int pdf_job_tmp(struct err *e)
{
	FILE *f = tmpfile();
	int fd = f ? dup(fileno(f)) : -1;
	if (f)
		fclose(f);
	if (fd < 0)
		return err_set(e, ERR_INTERNAL, NULL, "no temporary file for a PDF: %s",
			       strerror(errno)), -1;
	(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	return fd;
}

/* pdf_job_spawn starts the child with the read end of a pipe as stdin and the two temporary
 * files as stdout and stderr; every other descriptor is closed in the child. j->file becomes
 * the write end. */
static int pdf_job_spawn(struct pdf_job *j, struct err *e)
{
	int in[2] = {-1, -1};
	posix_spawn_file_actions_t fa;
	if (pipe2(in, O_CLOEXEC) != 0)
		return err_set(e, ERR_INTERNAL, NULL, "no pipe for the PDF child: %s",
			       strerror(errno));
	char *argv[] = {(char *)pdf_child_program, (char *)"render-pdf", NULL};
	int sp = posix_spawn_file_actions_init(&fa);
	if (sp == 0) {
		if ((sp = posix_spawn_file_actions_adddup2(&fa, in[0], 0)) == 0 &&
		    (sp = posix_spawn_file_actions_adddup2(&fa, j->out, 1)) == 0 &&
		    (sp = posix_spawn_file_actions_adddup2(&fa, j->err, 2)) == 0 &&
		    (sp = posix_spawn_file_actions_addclosefrom_np(&fa, 3)) == 0)
			sp = posix_spawn(&j->pid, pdf_child_program, &fa, NULL, argv, environ);
		posix_spawn_file_actions_destroy(&fa);
	}
	close(in[0]);
	if (sp != 0) {
		close(in[1]);
		j->pid = -1;
		return err_set(e, ERR_INTERNAL, NULL, "the PDF child (%s) could not start: %s",
			       pdf_child_program, strerror(sp));
	}
	j->file = fdopen(in[1], "w");
	if (!j->file) {
		close(in[1]);
		return err_set(e, ERR_INTERNAL, NULL, "the PDF job pipe: %s", strerror(errno));
	}
	return 0;
}

int pdf_job_open(struct pdf_job *j, const json_t *head, struct err *e)
{
	memset(j, 0, sizeof *j);
	j->pid = -1;
	j->out = j->err = -1;
	int rc = 0;
	if ((j->out = pdf_job_tmp(e)) < 0 || (j->err = pdf_job_tmp(e)) < 0)
		rc = ERR_INTERNAL;
	if (rc == 0)
		rc = pdf_job_spawn(j, e);
	if (rc == 0)
		rc = pdf_job_line(j->file, head, e);
	if (rc)
		pdf_job_cancel(j);
	return rc;
}

int pdf_job_add(struct pdf_job *j, const json_t *obj, struct err *e)
{
	if (!j->file)
		return err_set(e, ERR_INTERNAL, NULL, "the PDF job is not open");
	if (j->broken)
		return 0;   /* the child stopped reading: pdf_job_run tells why */
	struct err ignored;
	err_clear(&ignored);
	if (pdf_job_line(j->file, obj, &ignored) != 0)
		j->broken = true;
	else
		j->lines++;
	return 0;
}

/* pdf_job_wait waits for the child; *status gets its status. 0 or ERR_INTERNAL. */
static int pdf_job_wait(struct pdf_job *j, int *status, struct err *e)
{
	while (waitpid(j->pid, status, 0) < 0) {
		if (errno != EINTR)
			return err_set(e, ERR_INTERNAL, NULL, "waiting for the PDF child: %s",
				       strerror(errno));
	}
	j->pid = -1;
	return 0;
}

void pdf_job_cancel(struct pdf_job *j)
{
	if (j->file)
		fclose(j->file);
	j->file = NULL;
	if (j->pid > 0) {
		int status;
		struct err e;
		kill(j->pid, SIGKILL);
		(void)pdf_job_wait(j, &status, &e);
	}
	if (j->out >= 0)
		close(j->out);
	if (j->err >= 0)
		close(j->err);
	j->out = j->err = -1;
	j->pid = -1;
	j->lines = 0;
	j->broken = false;
}

/* pdf_job_stderr reads the last PDF_CHILD_STDERR_MAX bytes the child wrote to stderr into
 * tail (terminated). */
static void pdf_job_stderr(const struct pdf_job *j, char *tail)
{
	tail[0] = '\0';
	off_t end = lseek(j->err, 0, SEEK_END);
	if (end <= 0)
		return;
	off_t from = end > PDF_CHILD_STDERR_MAX ? end - PDF_CHILD_STDERR_MAX : 0;
	ssize_t n = pread(j->err, tail, (size_t)(end - from), from);
	tail[n > 0 ? n : 0] = '\0';
}

/* pdf_job_message gives the child's error from its stderr (in place): the last line it wrote
 * as "render-pdf: ...", else the last non-empty line other than "pages N" (a sanitizer's report
 * may follow the child's own lines); "" when none. *pages gets the page count it reported. */
static const char *pdf_job_message(char *tail, int *pages)
{
	const char *own = NULL, *last = "";
	char *save = NULL;
	for (char *line = strtok_r(tail, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
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

/* pdf_job_status turns the child's exit into 0 or an error naming why it failed. */
static int pdf_job_status(int status, const char *message, int reported, struct err *e)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && reported >= 0)
		return 0;
	if (WIFEXITED(status) && message[0])
		return err_set(e, ERR_INTERNAL, NULL, "%s", message);
	if (WIFEXITED(status))
		return err_set(e, ERR_INTERNAL, NULL, "the PDF child exited with status %d%s",
			       WEXITSTATUS(status),
			       WEXITSTATUS(status) ? "" : " without a page count");
	if (WIFSIGNALED(status))
		return err_set(e, ERR_INTERNAL, NULL, "the PDF child was stopped by signal %d (%s)%s",
			       WTERMSIG(status), strsignal(WTERMSIG(status)),
			       WTERMSIG(status) == SIGXCPU ? ": it ran out of CPU time" : "");
	return err_set(e, ERR_INTERNAL, NULL, "the PDF child failed");
}

/* pdf_job_pass passes the PDF the child wrote on through write(ctx), in chunks. */
static int pdf_job_pass(struct pdf_job *j, pdf_write_fn write, void *ctx, struct err *e)
{
	unsigned char *chunk = malloc(PDF_CHILD_CHUNK);
	if (!chunk)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory reading a PDF");
	int rc = 0;
	off_t at = 0;
	for (;;) {
		ssize_t n = pread(j->out, chunk, PDF_CHILD_CHUNK, at);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			rc = err_set(e, ERR_INTERNAL, NULL, "reading the PDF: %s", strerror(errno));
		if (n <= 0)
			break;
		if (write(ctx, chunk, (size_t)n) != 0) {
			rc = err_set(e, ERR_INTERNAL, NULL, "the PDF could not be passed on: the "
				     "writer stopped");
			break;
		}
		at += n;
	}
	free(chunk);
	return rc;
}

int pdf_job_run(struct pdf_job *j, pdf_write_fn write, void *ctx, int *pages, struct err *e)
{
	int status = 0, reported = -1, rc = 0;
	if (pages)
		*pages = 0;
	if (!j->file || j->pid <= 0)
		return err_set(e, ERR_INTERNAL, NULL, "the PDF job is not open");
	int closed = fclose(j->file);   /* the end of the job: the child finishes the PDF */
	j->file = NULL;
	(void)closed;                   /* a child that stopped early says why on stderr */
	if ((rc = pdf_job_wait(j, &status, e)) != 0)
		goto done;
	char tail[PDF_CHILD_STDERR_MAX + 1];
	pdf_job_stderr(j, tail);
	const char *message = pdf_job_message(tail, &reported);
	rc = pdf_job_status(status, message, reported, e);
	if (rc == 0)
		rc = pdf_job_pass(j, write, ctx, e);
	if (rc == 0 && pages)
		*pages = reported;
done:
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
