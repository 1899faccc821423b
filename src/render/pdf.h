/* pdf.h - PDF documents drawn with cairo and laid out with pango: the printed case status
 * letters (one report per letter, each starting on a new page, the office logo at the top when
 * the doc has one, requirements in their listed order with key ones in bold, the stage's custom
 * text in follow-up mode) and the printable preview of a status report (the advisors, their
 * methods, cases and issues).
 *
 * The output is streamed through a write function (cairo_pdf_surface_create_for_stream); pages
 * are written as they are finished, so memory stays flat however many letters there are. The
 * server never calls this in its own process: render/pdf_child.c runs it in a child with
 * RLIMIT_CPU and RLIMIT_AS (defaults.md). */
#ifndef CASELOAD_RENDER_PDF_H
#define CASELOAD_RENDER_PDF_H

#include <stddef.h>

#include "core/err.h"
#include "render/report_doc.h"

struct pdf_doc;

/* pdf_write_fn receives the next len bytes of the PDF; 0 to go on, non-zero to stop. */
typedef int (*pdf_write_fn)(void *ctx, const unsigned char *data, size_t len);

/* pdf_open starts a US Letter document written through write(ctx). *out is owned by the
 * caller and ended with pdf_close. 0 or ERR_INTERNAL. */
int pdf_open(pdf_write_fn write, void *ctx, struct pdf_doc **out, struct err *e);

/* pdf_letter draws one report as a letter from a new page (more pages when it is long, each
 * opening with a running line "advisor - date - page n"). The logo is a PNG (decoded by cairo)
 * or a JPEG (embedded as it is); one that cannot be read is left out, not an error. Text that
 * is not valid UTF-8 is drawn with U+FFFD in place of the bad bytes. 0, or ERR_INTERNAL when
 * cairo or the writer failed. */
int pdf_letter(struct pdf_doc *p, const struct report_doc *d, struct err *e);

/* A line of the printable preview. */
struct pdf_preview_row {
	const char *advisor;       /* the advisor's name */
	const char *method;        /* "E-mail" or "Letter" */
	const char *address;       /* the e-mail or postal address used ("" = none) */
	const char *cases;         /* the case numbers, comma separated */
	const char *issues;        /* the issues found, "; " separated ("" = none) */
};

/* pdf_preview_begin draws the preview's title block (title, date, the options in words) from
 * a new page; pdf_preview_row adds one row (a new page with the column headings again when the
 * page is full; ERR_INTERNAL before pdf_preview_begin). */
int pdf_preview_begin(struct pdf_doc *p, const char *title, const char *date,
		      const char *options_text, struct err *e);
int pdf_preview_row(struct pdf_doc *p, const struct pdf_preview_row *row, struct err *e);

/* pdf_close finishes the document (the last bytes go through write) and frees p; *pages (may
 * be NULL) gets the page count. 0, or ERR_INTERNAL when cairo or the writer failed. */
int pdf_close(struct pdf_doc *p, int *pages, struct err *e);

#endif
