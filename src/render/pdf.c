/* pdf.c - the printed case status letters and the printable preview (see pdf.h), drawn with
 * cairo on a PDF stream and laid out with pango in DejaVu Sans. One layout is reused for every
 * piece of text and each page goes out through the writer when it is finished, so memory does
 * not grow with the number of letters. The words of a letter match the e-mail's
 * (render/mail_report.c); running this in a child process is render/pdf_child.c. */
#include "render/pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PDF_W 612.0                 /* US Letter, points */
#define PDF_H 792.0
#define PDF_MARGIN 54.0
#define PDF_TEXT_W (PDF_W - 2 * PDF_MARGIN)
#define PDF_BOTTOM (PDF_H - PDF_MARGIN)
#define PDF_LABEL_W 110.0           /* the label column of a case's fields */
#define PDF_LOGO_W 200.0            /* the box the logo is fitted into */
#define PDF_LOGO_H 64.0
#define PDF_JPEG_MAX_PIXELS (16L * 1024 * 1024)
#define PDF_CELL_MAX 1500           /* bytes of one preview cell; longer is cut */
#define PDF_PREVIEW_COLS 5

enum pdf_font { PDF_BODY, PDF_BOLD, PDF_SMALL, PDF_SMALL_BOLD, PDF_HEADING, PDF_TITLE,
		PDF_NFONTS };

static const char *const pdf_font_names[PDF_NFONTS] = {
	"DejaVu Sans 10", "DejaVu Sans Bold 10", "DejaVu Sans 8.5", "DejaVu Sans Bold 8.5",
	"DejaVu Sans Bold 12", "DejaVu Sans Bold 16",
};

enum pdf_mode { PDF_MODE_NONE, PDF_MODE_LETTER, PDF_MODE_PREVIEW };

struct pdf_doc {
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoLayout *layout;        /* the one layout every text goes through */
	PangoFontDescription *fonts[PDF_NFONTS];
	pdf_write_fn write;
	void *ctx;
	bool write_failed;
	int pages;                  /* pages begun */
	double y;                   /* where the next thing goes on the current page */
	enum pdf_mode mode;
	char running[512];          /* the line atop a continued page */
	int part_page;              /* page number within the current letter or preview */
	/* the last letter's logo, kept so that a run's letters share one embedded image */
	unsigned char *logo_bytes;
	size_t logo_len;
	cairo_surface_t *logo;      /* NULL when it could not be read */
};

#if defined(__SANITIZE_ADDRESS__)
#define PDF_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PDF_ASAN 1
#endif
#endif

#ifdef PDF_ASAN
/* __lsan_default_suppressions (AddressSanitizer builds only) tells LeakSanitizer to ignore what
 * fontconfig keeps for the life of the process behind pango's default font map; without it
 * every process that drew a PDF would end with a leak report and a failing exit status. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}
#endif

/* The preview's columns: heading and width in points (they add up to PDF_TEXT_W). */
static const struct {
	const char *heading;
	double width;
} pdf_columns[PDF_PREVIEW_COLS] = {
	{"Advisor", 104}, {"Method", 48}, {"Address", 128}, {"Cases", 100}, {"Issues", 124},
};

static cairo_status_t pdf_cairo_write(void *closure, const unsigned char *data,
				      unsigned int len)
{
	struct pdf_doc *p = closure;
	if (p->write_failed || p->write(p->ctx, data, len) != 0) {
		p->write_failed = true;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* pdf_clean appends s to g as valid UTF-8 without control characters (pango draws garbage or
 * warns otherwise): broken bytes become U+FFFD, controls other than "\n" and "\t" a space. */
static void pdf_clean(GString *g, const char *s)
{
	const char *p = s;
	while (*p) {
		const char *end;
		bool ok = g_utf8_validate(p, -1, &end);
		for (const char *q = p; q < end; q++) {
			unsigned char c = (unsigned char)*q;
			g_string_append_c(g, (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f ? ' '
											 : *q);
		}
		if (ok)
			break;
		g_string_append(g, "\xEF\xBF\xBD");
		p = end + 1;
	}
}

/* pdf_set puts text into the layout with a font and a wrapping width; the bytes from b0 to b1
 * are bold (b1 <= b0: none). Gives the layout's height in points. */
static double pdf_set(struct pdf_doc *p, enum pdf_font f, double width, const char *text,
		      size_t b0, size_t b1, PangoAlignment align)
{
	PangoLayout *l = p->layout;
	int h = 0;
	pango_layout_set_font_description(l, p->fonts[f]);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_alignment(l, align);
	pango_layout_set_text(l, text, -1);
	if (b1 > b0) {
		PangoAttrList *attrs = pango_attr_list_new();
		PangoAttribute *a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
		a->start_index = (guint)b0;
		a->end_index = (guint)b1;
		pango_attr_list_insert(attrs, a);
		pango_layout_set_attributes(l, attrs);
		pango_attr_list_unref(attrs);
	} else {
		pango_layout_set_attributes(l, NULL);
	}
	pango_layout_get_size(l, NULL, &h);
	return (double)h / PANGO_SCALE;
}

/* pdf_show draws the layout as it is set with its top left corner at (x, y). */
static void pdf_show(struct pdf_doc *p, double x, double y)
{
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->layout);
}

static void pdf_gray(struct pdf_doc *p, double level)
{
	cairo_set_source_rgb(p->cr, level, level, level);
}

static void pdf_rule(struct pdf_doc *p, double y, double level)
{
	cairo_save(p->cr);
	pdf_gray(p, level);
	cairo_set_line_width(p->cr, 0.6);
	cairo_move_to(p->cr, PDF_MARGIN, y);
	cairo_line_to(p->cr, PDF_W - PDF_MARGIN, y);
	cairo_stroke(p->cr);
	cairo_restore(p->cr);
}

static void pdf_preview_header(struct pdf_doc *p);

/* pdf_page starts a page: the first of a letter or preview, or (continued) the next one, which
 * opens with the running line (and, in the preview, the table's headings again). */
static void pdf_page(struct pdf_doc *p, bool continued)
{
	if (p->pages > 0)
		cairo_show_page(p->cr);
	p->pages++;
	p->y = PDF_MARGIN;
	p->part_page = continued ? p->part_page + 1 : 1;
	pdf_gray(p, 0);
	if (!continued)
		return;
	char line[600];
	snprintf(line, sizeof(line), "%s \xE2\x80\x94 page %d", p->running, p->part_page);
	double h = pdf_set(p, PDF_SMALL, PDF_TEXT_W, line, 0, 0, PANGO_ALIGN_LEFT);
	pdf_gray(p, 0.4);
	pdf_show(p, PDF_MARGIN, p->y);
	pdf_gray(p, 0);
	p->y += h + 4;
	pdf_rule(p, p->y, 0.7);
	p->y += 10;
	if (p->mode == PDF_MODE_PREVIEW)
		pdf_preview_header(p);
}

/* pdf_room starts a new page unless h more points fit on this one. */
static void pdf_room(struct pdf_doc *p, double h)
{
	if (p->y + h > PDF_BOTTOM)
		pdf_page(p, true);
}

/* pdf_flow draws text as a paragraph at x, width wide, from the current position, line by
 * line, going on to a new page whenever a line does not fit; then leaves gap points. */
static void pdf_flow(struct pdf_doc *p, double x, double width, enum pdf_font f,
		     const char *text, size_t b0, size_t b1, double gap)
{
	double total = pdf_set(p, f, width, text, b0, b1, PANGO_ALIGN_LEFT);
	if (p->y + total <= PDF_BOTTOM) {
		pdf_show(p, x, p->y);
		p->y += total + gap;
		return;
	}
	PangoLayoutIter *it = pango_layout_get_iter(p->layout);
	double origin = p->y;       /* where the layout's top would be on this page */
	double last_bottom = 0;
	do {
		PangoRectangle r;
		pango_layout_iter_get_line_extents(it, NULL, &r);
		double top = (double)r.y / PANGO_SCALE, h = (double)r.height / PANGO_SCALE;
		if (origin + top + h > PDF_BOTTOM && origin + top > PDF_MARGIN + 40) {
			/* the running line on the new page uses the layout: draw the rest anew */
			int index = pango_layout_iter_get_index(it);
			pango_layout_iter_free(it);
			pdf_page(p, true);
			char *rest = g_strdup(text + index);
			size_t nb0 = b0 > (size_t)index ? b0 - (size_t)index : 0;
			size_t nb1 = b1 > (size_t)index ? b1 - (size_t)index : 0;
			pdf_flow(p, x, width, f, rest, nb0, nb1, gap);
			g_free(rest);
			return;
		}
		double base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		cairo_move_to(p->cr, x + (double)r.x / PANGO_SCALE, origin + base);
		pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
		last_bottom = top + h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	p->y = origin + last_bottom + gap;
}

/* pdf_para is pdf_flow at the left margin over the whole width, of text that still needs
 * cleaning, in font f. */
static void pdf_para(struct pdf_doc *p, enum pdf_font f, const char *text, double gap)
{
	GString *g = g_string_new(NULL);
	pdf_clean(g, text);
	pdf_flow(p, PDF_MARGIN, PDF_TEXT_W, f, g->str, 0, 0, gap);
	g_string_free(g, TRUE);
}

/* ---- the logo ------------------------------------------------------------------------- */

struct pdf_reader {
	const unsigned char *data;
	size_t len, pos;
};

static cairo_status_t pdf_read(void *closure, unsigned char *data, unsigned int len)
{
	struct pdf_reader *r = closure;
	if (len > r->len - r->pos)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, r->data + r->pos, len);
	r->pos += len;
	return CAIRO_STATUS_SUCCESS;
}

/* pdf_jpeg_size finds a JPEG's width and height in its start-of-frame marker. */
static bool pdf_jpeg_size(const unsigned char *b, size_t len, int *w, int *h)
{
	size_t i = 2;
	if (len < 4 || b[0] != 0xFF || b[1] != 0xD8)
		return false;
	while (i + 4 <= len) {
		if (b[i] != 0xFF)
			return false;
		unsigned char m = b[i + 1];
		if (m == 0xFF) {           /* fill byte */
			i++;
			continue;
		}
		if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) {
			i += 2;
			continue;
		}
		size_t seg = ((size_t)b[i + 2] << 8) | b[i + 3];
		if (seg < 2 || i + 2 + seg > len)
			return false;
		bool sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
		if (sof) {
			if (seg < 7)
				return false;
			*h = (b[i + 5] << 8) | b[i + 6];
			*w = (b[i + 7] << 8) | b[i + 8];
			return *w > 0 && *h > 0;
		}
		if (m == 0xD9 || m == 0xDA)   /* end of image, start of scan: no frame seen */
			return false;
		i += 2 + seg;
	}
	return false;
}

/* pdf_jpeg makes a blank image surface of the JPEG's size carrying the JPEG itself as mime
 * data: cairo cannot decode JPEG but embeds it as it is in the PDF. NULL when unreadable. */
static cairo_surface_t *pdf_jpeg(const unsigned char *bytes, size_t len)
{
	int w = 0, h = 0;
	if (!pdf_jpeg_size(bytes, len, &w, &h) || (long)w * h > PDF_JPEG_MAX_PIXELS)
		return NULL;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	unsigned char *copy = malloc(len);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS || !copy)
		goto fail;
	memcpy(copy, bytes, len);
	if (cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, copy, len, free, copy) !=
	    CAIRO_STATUS_SUCCESS)
		goto fail;
	return s;
fail:
	free(copy);
	cairo_surface_destroy(s);
	return NULL;
}

/* pdf_logo gives the doc's logo as a surface (borrowed; NULL when there is none or it cannot
 * be read: a broken logo leaves the letter without one rather than failing it). */
static cairo_surface_t *pdf_logo(struct pdf_doc *p, const struct report_doc *d)
{
	if (!d->logo || !d->logo_len)
		return NULL;
	if (p->logo_bytes && p->logo_len == d->logo_len &&
	    memcmp(p->logo_bytes, d->logo, d->logo_len) == 0)
		return p->logo;
	if (p->logo)
		cairo_surface_destroy(p->logo);
	free(p->logo_bytes);
	p->logo = NULL;
	p->logo_len = 0;
	p->logo_bytes = malloc(d->logo_len);
	if (!p->logo_bytes)
		return NULL;
	memcpy(p->logo_bytes, d->logo, d->logo_len);
	p->logo_len = d->logo_len;
	cairo_surface_t *s = NULL;
	if (d->logo_len >= 8 && memcmp(d->logo, "\x89PNG\r\n\x1a\n", 8) == 0) {
		struct pdf_reader r = {d->logo, d->logo_len, 0};
		s = cairo_image_surface_create_from_png_stream(pdf_read, &r);
	} else {
		s = pdf_jpeg(d->logo, d->logo_len);
	}
	if (s && cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		s = NULL;
	}
	p->logo = s;
	return s;
}

/* ---- letters --------------------------------------------------------------------------- */

/* pdf_letterhead draws the logo (top left) and the office's name, address, phone and e-mail
 * (right aligned), then a rule. */
static void pdf_letterhead(struct pdf_doc *p, const struct report_doc *d)
{
	cairo_surface_t *logo = pdf_logo(p, d);
	double logo_w = 0, logo_h = 0;
	if (logo) {
		double w = cairo_image_surface_get_width(logo);
		double h = cairo_image_surface_get_height(logo);
		double s = PDF_LOGO_W / w < PDF_LOGO_H / h ? PDF_LOGO_W / w : PDF_LOGO_H / h;
		logo_w = w * s;
		logo_h = h * s;
		cairo_save(p->cr);
		cairo_translate(p->cr, PDF_MARGIN, p->y);
		cairo_scale(p->cr, s, s);
		cairo_set_source_surface(p->cr, logo, 0, 0);
		cairo_rectangle(p->cr, 0, 0, w, h);
		cairo_fill(p->cr);
		cairo_restore(p->cr);
	}
	GString *g = g_string_new(NULL);
	pdf_clean(g, d->office_name);
	size_t bold_end = g->len;
	const char *rest[3] = {d->office_address, d->office_phone, d->office_email};
	const char *label[3] = {"", "Phone: ", "E-mail: "};
	for (int i = 0; i < 3; i++) {
		if (!rest[i][0])
			continue;
		if (g->len)
			g_string_append_c(g, '\n');
		g_string_append(g, label[i]);
		pdf_clean(g, rest[i]);
	}
	double text_h = 0;
	if (g->len) {
		double width = logo ? PDF_TEXT_W - logo_w - 12 : PDF_TEXT_W;
		text_h = pdf_set(p, PDF_BODY, width, g->str, 0, bold_end, PANGO_ALIGN_RIGHT);
		pdf_show(p, PDF_W - PDF_MARGIN - width, p->y);
	}
	g_string_free(g, TRUE);
	if (!logo && !text_h)
		return;
	p->y += (logo_h > text_h ? logo_h : text_h) + 8;
	pdf_rule(p, p->y, 0.6);
	p->y += 20;
}

/* pdf_field draws one "label  value" line of a case (nothing when value is empty). */
static void pdf_field(struct pdf_doc *p, const char *label, const char *value, const char *extra)
{
	if (!value[0])
		return;
	GString *g = g_string_new(NULL);
	pdf_clean(g, value);
	if (extra && extra[0]) {
		g_string_append_c(g, ' ');
		pdf_clean(g, extra);
	}
	double x = PDF_MARGIN + 12, w = PDF_TEXT_W - 12 - PDF_LABEL_W;
	double h = pdf_set(p, PDF_BODY, w, g->str, 0, 0, PANGO_ALIGN_LEFT);
	if (p->y + h > PDF_BOTTOM) {
		pdf_page(p, true);
		h = pdf_set(p, PDF_BODY, w, g->str, 0, 0, PANGO_ALIGN_LEFT);
	}
	pdf_show(p, x + PDF_LABEL_W, p->y);
	pdf_set(p, PDF_BODY, PDF_LABEL_W - 6, label, 0, 0, PANGO_ALIGN_LEFT);
	pdf_gray(p, 0.35);
	pdf_show(p, x, p->y);
	pdf_gray(p, 0);
	p->y += h + 2;
	g_string_free(g, TRUE);
}

/* pdf_requirement draws "n.  Name (POS) - Status" with the name bold for a key requirement. */
static void pdf_requirement(struct pdf_doc *p, int n, const struct report_doc_requirement *r)
{
	GString *g = g_string_new(NULL);
	char num[16];
	pdf_clean(g, r->name);
	size_t name_end = g->len;
	if (r->pos)
		g_string_append(g, " (POS)");
	g_string_append(g, " \xE2\x80\x94 ");
	pdf_clean(g, report_doc_status_word(r->status));
	double x = PDF_MARGIN + 12, w = PDF_TEXT_W - 12 - 24;
	double h = pdf_set(p, PDF_BODY, w, g->str, 0, r->key ? name_end : 0, PANGO_ALIGN_LEFT);
	if (p->y + h > PDF_BOTTOM) {
		pdf_page(p, true);
		h = pdf_set(p, PDF_BODY, w, g->str, 0, r->key ? name_end : 0, PANGO_ALIGN_LEFT);
	}
	pdf_show(p, x + 24, p->y);
	snprintf(num, sizeof(num), "%d.", n);
	pdf_set(p, PDF_BODY, 20, num, 0, 0, PANGO_ALIGN_RIGHT);
	pdf_show(p, x, p->y);
	p->y += h + 2;
	g_string_free(g, TRUE);
}

/* pdf_case draws one case: its heading, fields, the stage's text and its requirements. */
static void pdf_case(struct pdf_doc *p, const struct report_doc_case *k)
{
	char since[48], date[40];
	const char *kind = report_doc_kind_word(k->kind);
	GString *g = g_string_new("Case ");
	pdf_room(p, 90);            /* keep the heading with the first lines */
	p->y += 6;
	pdf_clean(g, k->number);
	if (kind[0])
		g_string_append_printf(g, " (%s)", kind);
	pdf_flow(p, PDF_MARGIN, PDF_TEXT_W, PDF_HEADING, g->str, 0, 0, 4);
	g_string_free(g, TRUE);
	since[0] = '\0';
	if (k->stage_since[0]) {
		report_doc_format_date(k->stage_since, date, sizeof(date));
		snprintf(since, sizeof(since), "(since %s)", date);
	}
	pdf_field(p, "Policy number", k->policy_number, NULL);
	pdf_field(p, "Insured", k->insured, NULL);
	pdf_field(p, "Carrier", k->carrier, NULL);
	pdf_field(p, "Product", k->product, NULL);
	pdf_field(p, "Amount", k->amount, NULL);
	pdf_field(p, "Stage", k->stage, since);
	if (k->follow_up_text[0]) {
		GString *t = g_string_new(NULL);
		pdf_clean(t, k->follow_up_text);
		p->y += 6;
		pdf_flow(p, PDF_MARGIN + 12, PDF_TEXT_W - 12, PDF_BODY, t->str, 0, 0, 2);
		g_string_free(t, TRUE);
	}
	p->y += 6;
	pdf_room(p, 30);
	pdf_flow(p, PDF_MARGIN + 12, PDF_TEXT_W - 12, PDF_BOLD,
		 k->n_requirements ? "Requirements" : "Requirements: none", 0, 0, 3);
	for (int i = 0; i < k->n_requirements; i++)
		pdf_requirement(p, i + 1, &k->requirements[i]);
	p->y += 10;
}

/* pdf_status turns a cairo or writer failure into ERR_INTERNAL. */
static int pdf_status(struct pdf_doc *p, struct err *e)
{
	if (p->write_failed)
		return err_set(e, ERR_INTERNAL, NULL, "the PDF could not be written");
	cairo_status_t st = cairo_status(p->cr);
	if (st != CAIRO_STATUS_SUCCESS)
		return err_set(e, ERR_INTERNAL, NULL, "PDF drawing failed: %s",
			       cairo_status_to_string(st));
	return 0;
}

int pdf_letter(struct pdf_doc *p, const struct report_doc *d, struct err *e)
{
	char date[40], line[300];
	const char *advisor = d->advisor_name[0] ? d->advisor_name : "Advisor";
	report_doc_format_date(d->date, date, sizeof(date));
	GString *g = g_string_new(NULL);
	pdf_clean(g, advisor);
	g_string_append_printf(g, " \xE2\x80\x94 %s", date);
	p->mode = PDF_MODE_LETTER;
	snprintf(p->running, sizeof(p->running), "%s", g->str);
	pdf_page(p, false);
	pdf_letterhead(p, d);
	pdf_para(p, PDF_BODY, date, 16);

	g_string_truncate(g, 0);
	pdf_clean(g, d->advisor_name);
	for (int i = 0; i < 6 && d->address_lines[i][0]; i++) {
		g_string_append_c(g, '\n');
		pdf_clean(g, d->address_lines[i]);
	}
	pdf_flow(p, PDF_MARGIN, PDF_TEXT_W, PDF_BODY, g->str, 0, 0, 20);
	pdf_para(p, PDF_BOLD, d->subject[0] ? d->subject : "Case status report", 14);
	snprintf(line, sizeof(line), "Dear %s,", advisor);
	pdf_para(p, PDF_BODY, line, 8);
	snprintf(line, sizeof(line), "This is the status of your pending %s as of %s.",
		 d->n_cases == 1 ? "case" : "cases", date);
	pdf_para(p, PDF_BODY, line, 8);
	for (int i = 0; i < d->n_cases; i++)
		pdf_case(p, &d->cases[i]);

	g_string_assign(g, "Sincerely,\n\n");
	size_t b0 = g->len;
	pdf_clean(g, d->office_name);
	pdf_room(p, 40);
	p->y += 6;
	pdf_flow(p, PDF_MARGIN, PDF_TEXT_W, PDF_BODY, g->str, b0, g->len, 0);
	g_string_free(g, TRUE);
	return pdf_status(p, e);
}

/* ---- the preview ---------------------------------------------------------------------- */

/* pdf_preview_header draws the table's column headings and a rule under them. */
static void pdf_preview_header(struct pdf_doc *p)
{
	double x = PDF_MARGIN, h = 0;
	for (int i = 0; i < PDF_PREVIEW_COLS; i++) {
		double ch = pdf_set(p, PDF_SMALL_BOLD, pdf_columns[i].width - 6,
				    pdf_columns[i].heading, 0, 0, PANGO_ALIGN_LEFT);
		pdf_show(p, x, p->y);
		h = ch > h ? ch : h;
		x += pdf_columns[i].width;
	}
	p->y += h + 3;
	pdf_rule(p, p->y, 0.3);
	p->y += 4;
}

int pdf_preview_begin(struct pdf_doc *p, const char *title, const char *date,
		      const char *options_text, struct err *e)
{
	char when[40];
	p->mode = PDF_MODE_PREVIEW;
	GString *g = g_string_new(NULL);
	pdf_clean(g, title && *title ? title : "Case status report preview");
	snprintf(p->running, sizeof(p->running), "%s", g->str);
	pdf_page(p, false);
	pdf_flow(p, PDF_MARGIN, PDF_TEXT_W, PDF_TITLE, g->str, 0, 0, 4);
	report_doc_format_date(date ? date : "", when, sizeof(when));
	pdf_para(p, PDF_BODY, when, 10);
	if (options_text && *options_text)
		pdf_para(p, PDF_SMALL, options_text, 14);
	pdf_preview_header(p);
	g_string_free(g, TRUE);
	return pdf_status(p, e);
}

/* pdf_cell cleans one cell's text into g, cut at PDF_CELL_MAX bytes (on a character). */
static void pdf_cell(GString *g, const char *s)
{
	g_string_truncate(g, 0);
	pdf_clean(g, s ? s : "");
	if (g->len > PDF_CELL_MAX) {
		const char *cut = g_utf8_find_prev_char(g->str, g->str + PDF_CELL_MAX);
		g_string_truncate(g, cut ? (size_t)(cut - g->str) : 0);
		g_string_append(g, "\xE2\x80\xA6");
	}
}

int pdf_preview_row(struct pdf_doc *p, const struct pdf_preview_row *row, struct err *e)
{
	if (p->mode != PDF_MODE_PREVIEW)
		return err_set(e, ERR_INTERNAL, NULL, "pdf_preview_row before pdf_preview_begin");
	const char *cells[PDF_PREVIEW_COLS] = {row->advisor, row->method, row->address, row->cases,
					       row->issues};
	GString *g = g_string_new(NULL);
	double h = 0;
	for (int i = 0; i < PDF_PREVIEW_COLS; i++) {
		pdf_cell(g, cells[i]);
		double ch = pdf_set(p, PDF_SMALL, pdf_columns[i].width - 6, g->str, 0, 0,
				    PANGO_ALIGN_LEFT);
		h = ch > h ? ch : h;
	}
	pdf_room(p, h + 6);
	double x = PDF_MARGIN;
	for (int i = 0; i < PDF_PREVIEW_COLS; i++) {
		pdf_cell(g, cells[i]);
		pdf_set(p, PDF_SMALL, pdf_columns[i].width - 6, g->str, 0, 0, PANGO_ALIGN_LEFT);
		if (i == PDF_PREVIEW_COLS - 1)
			cairo_set_source_rgb(p->cr, 0.6, 0.1, 0.1);   /* issues in dark red */
		pdf_show(p, x, p->y + 2);
		pdf_gray(p, 0);
		x += pdf_columns[i].width;
	}
	p->y += h + 5;
	pdf_rule(p, p->y, 0.8);
	p->y += 1;
	g_string_free(g, TRUE);
	return pdf_status(p, e);
}

/* ---- the document --------------------------------------------------------------------- */

static void pdf_free(struct pdf_doc *p)
{
	if (p->layout)
		g_object_unref(p->layout);
	for (int i = 0; i < PDF_NFONTS; i++)
		if (p->fonts[i])
			pango_font_description_free(p->fonts[i]);
	if (p->cr)
		cairo_destroy(p->cr);
	if (p->surface)
		cairo_surface_destroy(p->surface);
	if (p->logo)
		cairo_surface_destroy(p->logo);
	free(p->logo_bytes);
	free(p);
}

int pdf_open(pdf_write_fn write, void *ctx, struct pdf_doc **out, struct err *e)
{
	struct pdf_doc *p = calloc(1, sizeof(*p));
	*out = NULL;
	if (!p)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory starting a PDF");
	p->write = write;
	p->ctx = ctx;
	p->surface = cairo_pdf_surface_create_for_stream(pdf_cairo_write, p, PDF_W, PDF_H);
	if (cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS)
		goto fail;
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR, "Caseload");
	p->cr = cairo_create(p->surface);
	if (cairo_status(p->cr) != CAIRO_STATUS_SUCCESS)
		goto fail;
	PangoContext *pc = pango_cairo_create_context(p->cr);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pc, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(pc, 72);   /* font sizes in points, not pixels */
	p->layout = pango_layout_new(pc);
	g_object_unref(pc);
	pango_layout_set_wrap(p->layout, PANGO_WRAP_WORD_CHAR);
	for (int i = 0; i < PDF_NFONTS; i++)
		p->fonts[i] = pango_font_description_from_string(pdf_font_names[i]);
	*out = p;
	return 0;
fail:
	pdf_free(p);
	return err_set(e, ERR_INTERNAL, NULL, "cairo could not start a PDF");
}

int pdf_close(struct pdf_doc *p, int *pages, struct err *e)
{
	int rc = 0;
	cairo_surface_finish(p->surface);
	cairo_status_t st = cairo_surface_status(p->surface);
	if (p->write_failed)
		rc = err_set(e, ERR_INTERNAL, NULL, "the PDF could not be written");
	else if (st != CAIRO_STATUS_SUCCESS || cairo_status(p->cr) != CAIRO_STATUS_SUCCESS)
		rc = err_set(e, ERR_INTERNAL, NULL, "PDF drawing failed: %s",
			     cairo_status_to_string(st != CAIRO_STATUS_SUCCESS ? st
									: cairo_status(p->cr)));
	if (pages)
		*pages = p->pages > 0 ? p->pages : 1;   /* cairo writes one blank page at least */
	pdf_free(p);
	return rc;
}
