/* pdf_child.h - rendering a PDF in a child process, so that a bad input or a runaway layout
 * cannot take the server down: the parent writes the job as JSON lines to a temporary file,
 * runs `caseload render-pdf` (the same binary, /proc/self/exe) with that file as its standard
 * input, and reads the PDF from its standard output in chunks as it comes. The child sets
 * RLIMIT_CPU 30 s and RLIMIT_AS 512 MiB before it draws anything (defaults.md).
 *
 * The job file: a first line {"kind":"letters"} or {"kind":"preview","title":..,"date":..,
 * "options":..}; then one line per letter (report_doc_to_json) or per preview row
 * ({"advisor","method","address","cases","issues"}). */
#ifndef CASELOAD_RENDER_PDF_CHILD_H
#define CASELOAD_RENDER_PDF_CHILD_H

#include <jansson.h>
#include <stdio.h>

#include "core/err.h"
#include "render/pdf.h"

/* pdf_child_program is the program pdf_job_run starts with the argument "render-pdf":
 * "/proc/self/exe" (this very binary) unless a test points it at the caseload binary. */
extern const char *pdf_child_program;

struct pdf_job {
	FILE *file;        /* the temporary job file (unlinked, deleted when closed) */
	long lines;        /* lines written after the first */
};

/* pdf_job_open makes the job file and writes its first line (head is not taken). 0 or
 * ERR_INTERNAL. */
int pdf_job_open(struct pdf_job *j, const json_t *head, struct err *e);

/* pdf_job_add writes one line (obj is not taken). 0 or ERR_INTERNAL. */
int pdf_job_add(struct pdf_job *j, const json_t *obj, struct err *e);

/* pdf_job_run runs the child on the job and passes the PDF through write(ctx) as it is read;
 * *pages (may be NULL) gets the page count the child reports. Closes the job file in every
 * case. 0, or ERR_INTERNAL with the child's message (it writes its error to stderr) or its exit
 * status; after a failure the bytes already passed to write are not a whole PDF. A non-zero
 * return from write stops the child. */
int pdf_job_run(struct pdf_job *j, pdf_write_fn write, void *ctx, int *pages, struct err *e);

/* pdf_job_cancel closes the job file without running anything. */
void pdf_job_cancel(struct pdf_job *j);

/* pdf_child_main is `caseload render-pdf`: read the job from stdin, write the PDF to stdout,
 * the page count as "pages N" on stderr's last line; exit 0, or 1 with a message on stderr. */
int pdf_child_main(int argc, char **argv);

#endif
