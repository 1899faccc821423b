/* pdf_child.h - rendering a PDF in a child process, so that a bad input or a runaway layout
 * cannot take the server down: pdf_job_open starts `caseload render-pdf` (the same binary,
 * /proc/self/exe), the parent writes the job into its standard input as JSON lines while the
 * child draws (so the two work side by side), and the child writes the PDF to a temporary file
 * that pdf_job_run passes on in chunks once it is done. The child sets RLIMIT_CPU 30 s and
 * RLIMIT_AS 512 MiB before it draws anything (defaults.md). Memory stays flat on both sides.
 *
 * The job file: a first line {"kind":"letters"} or {"kind":"preview","title":..,"date":..,
 * "options":..}; then one line per letter (report_doc_to_json) or per preview row
 * ({"advisor","method","address","cases","issues"}). */
#ifndef CASELOAD_RENDER_PDF_CHILD_H
#define CASELOAD_RENDER_PDF_CHILD_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "core/err.h"
#include "render/pdf.h"

/* pdf_child_program is the program pdf_job_run starts with the argument "render-pdf":
 * "/proc/self/exe" (this very binary) unless a test points it at the caseload binary. */
extern const char *pdf_child_program;

struct pdf_job {
	FILE *file;        /* the child's standard input (NULL once run or cancelled) */
	long lines;        /* lines written after the first */
	pid_t pid;         /* the child, -1 = none */
	int out, err;      /* the child's stdout and stderr: unlinked temporary files */
	bool broken;       /* the child stopped reading (it failed: pdf_job_run says why) */
};

/* pdf_job_open starts the child and writes the job's first line (head is not taken). 0 or
 * ERR_INTERNAL. */
int pdf_job_open(struct pdf_job *j, const json_t *head, struct err *e);

/* pdf_job_add writes one line (obj is not taken). 0, or ERR_INTERNAL when the job is not open;
 * a child that stopped reading is not an error here: pdf_job_run reports its own message. */
int pdf_job_add(struct pdf_job *j, const json_t *obj, struct err *e);

/* pdf_job_run ends the job (closes the child's input), waits for the child and passes the PDF
 * through write(ctx) in chunks; *pages (may be NULL) gets the page count the child reports.
 * Ends the job in every case. 0, or ERR_INTERNAL with the child's message (it writes its error
 * to stderr) or its exit status; after a failure the bytes already passed to write are not a
 * whole PDF. A non-zero return from write stops the passing on. */
int pdf_job_run(struct pdf_job *j, pdf_write_fn write, void *ctx, int *pages, struct err *e);

/* pdf_job_cancel ends a job without a PDF: the child is stopped and its files closed. */
void pdf_job_cancel(struct pdf_job *j);

/* pdf_child_main is `caseload render-pdf`: read the job from stdin, write the PDF to stdout,
 * the page count as "pages N" on stderr's last line; exit 0, or 1 with a message on stderr. */
int pdf_child_main(int argc, char **argv);

#endif
