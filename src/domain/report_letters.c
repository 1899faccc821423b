/* report_letters.c - the PDFs of case status reports: a send's letters as one PDF
 * (report_letters_render: one report per letter, in the order of the primary advisor's last
 * name, kept in the database in chunks and read back by report_letters_read) and the printable
 * preview (report_preview_pdf).
 *
 * Both are drawn by render/pdf.c in a child process (render/pdf_child.h): this file writes the
 * job (one JSON line per letter or row, so memory stays flat) and takes the PDF as it comes.
 * What each letter says is report_build.c. */
#include "domain/report.h"
#include "core/buf.h"
#include "core/clock.h"
#include "domain/user.h"
#include "render/pdf_child.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPORT_CHUNK_SIZE (256 * 1024)

/* ---- the letters of a send -------------------------------------------------------------- */

struct report_letters {
	struct store_conn *c;
	int64_t send_id;
	struct store_report_send s;
	struct store_report_preview p;
	struct report_options o;
	struct pdf_job job;
	struct report_ids ids;        /* the letters in the PDF, to mark printed */
	struct err *e;
	int rc;
	/* the PDF as it comes from the child */
	unsigned char *chunk;
	size_t chunk_len;
	int64_t seq;
	int64_t bytes;
	struct err write_err;
};

/* report_letter_each adds one queued letter to the job. */
static int report_letter_each(const struct store_report_item *it, void *ctx)
{
	struct report_letters *l = ctx;
	if (strcmp(it->outcome, "queued") != 0)
		return 0;
	struct report_doc d;
	report_doc_init(&d);
	l->rc = report_build_doc(l->c, &l->o, l->p.today, it, &d, l->e);
	if (l->rc == 0 && d.n_cases > 0) {
		json_t *j = report_doc_to_json(&d);
		l->rc = j ? pdf_job_add(&l->job, j, l->e)
			  : err_set(l->e, ERR_INTERNAL, NULL, "out of memory for a letter");
		json_decref(j);
	}
	if (l->rc == 0 && report_ids_add(&l->ids, it->id) != 0)
		l->rc = err_set(l->e, ERR_INTERNAL, NULL, "out of memory");
	report_doc_cleanup(&d);
	return l->rc != 0;
}

struct report_chunk_tx {
	int64_t send_id, seq;
	const void *data;
	size_t len;
};

static int report_chunk_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct report_chunk_tx *t = ctx;
	return user_store_error(store_report_letters_append(c, t->send_id, t->seq, t->data, t->len),
				"letters", e);
}

/* report_chunk_flush stores the chunk gathered so far, in its own transaction. */
static int report_chunk_flush(struct report_letters *l)
{
	if (l->chunk_len == 0)
		return 0;
	struct report_chunk_tx t = {.send_id = l->send_id, .seq = l->seq, .data = l->chunk,
				    .len = l->chunk_len};
	int rc = store_tx_run(l->c, report_chunk_fn, &t, &l->write_err);
	if (rc == 0) {
		l->seq++;
		l->bytes += (int64_t)l->chunk_len;
		l->chunk_len = 0;
	}
	return rc;
}

/* report_letters_write takes the next bytes of the PDF (pdf_write_fn). */
static int report_letters_write(void *ctx, const unsigned char *data, size_t len)
{
	struct report_letters *l = ctx;
	while (len > 0) {
		size_t n = REPORT_CHUNK_SIZE - l->chunk_len;
		if (n > len)
			n = len;
		memcpy(l->chunk + l->chunk_len, data, n);
		l->chunk_len += n;
		data += n;
		len -= n;
		if (l->chunk_len == REPORT_CHUNK_SIZE && report_chunk_flush(l) != 0)
			return 1;
	}
	return 0;
}

static int report_clear_fn(struct store_conn *c, void *ctx, struct err *e)
{
	int64_t *send_id = ctx;
	return user_store_error(store_report_letters_clear(c, *send_id), "letters", e);
}

struct report_queued_walk {
	struct report_ids *ids;
	bool *failed;
};

/* report_queued_each gathers the ids of the letters still queued. */
static int report_queued_each(const struct store_report_item *it, void *ctx)
{
	struct report_queued_walk *w = ctx;
	if (strcmp(it->outcome, "queued") != 0)
		return 0;
	if (report_ids_add(w->ids, it->id) != 0) {
		*w->failed = true;
		return 1;
	}
	return 0;
}

struct report_letters_end {
	struct report_letters *l;
	bool ok;
	int pages;
	const char *error;
};

/* report_letters_end_fn records how the rendering ended: the letters printed and the PDF done,
 * or the letters failed with the reason (and no PDF kept). */
static int report_letters_end_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct report_letters_end *t = ctx;
	struct report_letters *l = t->l;
	char reason[STORE_COMMENTS_MAX + 1];
	snprintf(reason, sizeof reason, "The letters could not be printed: %s", t->error);
	/* every letter still queued: those in the PDF, or all of them when it failed */
	struct report_ids queued = {0};
	bool failed_walk = false;
	struct report_queued_walk w = {.ids = &queued, .failed = &failed_walk};
	int rc = store_report_item_list(c, l->p.id, true, NULL, report_queued_each, &w);
	if (rc == STORE_NOT_FOUND)
		rc = STORE_OK;
	if (rc == STORE_OK && failed_walk)
		rc = STORE_ERROR;
	if (rc == STORE_OK && !t->ok)
		rc = store_report_letters_clear(c, l->send_id);
	for (int i = 0; rc == STORE_OK && i < queued.n; i++)
		rc = store_report_item_mark(c, queued.v[i], true, t->ok ? "printed" : "failed",
					    t->ok ? "" : reason);
	report_ids_cleanup(&queued);
	if (rc != STORE_OK)
		return user_store_error(rc, "reports", e);
	struct store_report_send s;
	rc = store_report_send_get(c, l->send_id, &s);
	if (rc != STORE_OK)
		return user_store_error(rc, "send", e);
	snprintf(s.letters_state, sizeof s.letters_state, "%s", t->ok ? "done" : "failed");
	s.letters_pages = t->ok ? t->pages : 0;
	s.letters_bytes = t->ok ? l->bytes : 0;
	snprintf(s.letters_error, sizeof s.letters_error, "%s", t->ok ? "" : t->error);
	s.finished_at = clock_now();
	return user_store_error(store_report_send_update(c, &s), "send", e);
}

/* report_letters_none ends a send whose letters all failed before printing: nothing to do. */
static int report_letters_none_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct report_letters *l = ctx;
	struct store_report_send s;
	int rc = store_report_send_get(c, l->send_id, &s);
	if (rc != STORE_OK)
		return user_store_error(rc, "send", e);
	snprintf(s.letters_state, sizeof s.letters_state, "none");
	s.letters_pages = 0;
	s.letters_bytes = 0;
	s.finished_at = clock_now();
	return user_store_error(store_report_send_update(c, &s), "send", e);
}

/* report_letters_run renders the job into the chunks; 0, or the error (in e). */
static int report_letters_run(struct report_letters *l, int *pages, struct err *e)
{
	int rc = store_tx_run(l->c, report_clear_fn, &l->send_id, e);
	if (rc != 0) {
		pdf_job_cancel(&l->job);
		return rc;
	}
	l->chunk = malloc(REPORT_CHUNK_SIZE);
	if (!l->chunk) {
		pdf_job_cancel(&l->job);
		return err_set(e, ERR_INTERNAL, NULL, "out of memory for the letters");
	}
	err_clear(&l->write_err);
	rc = pdf_job_run(&l->job, report_letters_write, l, pages, e);
	if (rc == 0)
		rc = report_chunk_flush(l);
	if (rc != 0 && l->write_err.code != 0)
		*e = l->write_err;
	return rc;
}

int report_letters_render(struct store_conn *c, int64_t send_id, struct err *e)
{
	struct report_letters *l = calloc(1, sizeof *l);
	if (!l)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory");
	l->c = c;
	l->send_id = send_id;
	l->e = e;
	int rc = store_report_send_get(c, send_id, &l->s);
	if (rc != STORE_OK) {
		rc = user_store_error(rc, "send", e);
		goto done;
	}
	rc = report_preview_load(c, l->s.preview_id, &l->p, &l->o, e);
	json_t *head = rc == 0 ? json_pack("{s:s}", "kind", "letters") : NULL;
	if (rc == 0)
		rc = head ? pdf_job_open(&l->job, head, e) : ERR_INTERNAL;
	json_decref(head);
	if (rc != 0)
		goto done;
	int pages = 0;
	struct err run_err;
	err_clear(&run_err);
	l->e = &run_err;
	rc = store_report_item_list(c, l->p.id, true, NULL, report_letter_each, l);
	if (l->rc != 0 || (rc != STORE_OK && rc != STORE_NOT_FOUND)) {
		/* a letter could not be made: the letters fail (below) rather than being retried */
		rc = l->rc != 0 ? l->rc : user_store_error(rc, "reports", &run_err);
		pdf_job_cancel(&l->job);
	} else if (l->ids.n == 0) {
		pdf_job_cancel(&l->job);
		rc = store_tx_run(c, report_letters_none_fn, l, e);
		goto done;
	} else {
		rc = report_letters_run(l, &pages, &run_err);
	}
	struct report_letters_end end = {.l = l, .ok = rc == 0, .pages = pages,
					 .error = run_err.message[0] ? run_err.message
								     : "the PDF could not be made"};
	int erc = store_tx_run(c, report_letters_end_fn, &end, e);
	if (rc != 0 && erc == 0)
		*e = run_err;
	rc = rc != 0 ? rc : erc;
done:
	free(l->chunk);
	report_ids_cleanup(&l->ids);
	free(l);
	return rc;
}

int report_letters_read(struct store_conn *c, const struct actor *a, int64_t send_id,
			store_bytes_each_fn each, void *ctx, struct err *e)
{
	struct store_report_send s;
	int rc = store_report_send_get(c, send_id, &s);
	if (rc == STORE_NOT_FOUND || (rc == STORE_OK && !report_may_see(a, s.created_by)))
		return err_set(e, ERR_NOT_FOUND, NULL, "send not found");
	if (rc != STORE_OK)
		return user_store_error(rc, "send", e);
	if (strcmp(s.letters_state, "done") != 0)
		return err_set(e, ERR_NOT_FOUND, NULL, "the letters of this send are not printed");
	rc = store_report_letters_read(c, send_id, each, ctx);
	return rc == STORE_OK ? 0 : user_store_error(rc, "letters", e);
}

/* ---- the printable preview -------------------------------------------------------------- */

/* report_options_words writes the options in words, for the preview's title block. */
static void report_options_words(const struct report_options *o, char *out, size_t size)
{
	static const char *const advisors[] = {"all advisors", "all primary advisors",
					       "selected advisors"};
	static const char *const cases[] = {"pending cases due for follow-up", "all pending cases",
					    "pending cases in one stage", "selected pending cases"};
	static const char *const methods[] = {"each advisor's preferred method", "e-mail all",
					      "print all"};
	static const char *const masks[] = {"nothing masked", "policy numbers masked",
					    "insured names masked",
					    "policy numbers and insured names masked"};
	char office[48] = "all offices";
	if (o->office_id)
		snprintf(office, sizeof office, "office %lld", (long long)o->office_id);
	snprintf(out, size, "%s; %s; %s (formal%s%s%s%s); %s%s%s; subject: %s", office,
		 advisors[o->advisors], cases[o->cases],
		 o->informal ? ", informal" : "",
		 o->informal_child ? ", informal child" : "",
		 o->group ? ", group" : "",
		 o->pos_requirements ? ", outstanding POS requirements" : "",
		 methods[o->method], o->one_case_per_letter ? ", one case per letter" : "",
		 o->show_logo ? ", office logo" : "", o->subject[0] ? o->subject : "the default");
	size_t n = strlen(out);
	snprintf(out + n, size - n, "; %s", masks[o->mask]);
}

struct report_preview_rows {
	struct pdf_job *job;
	struct buf cases;
	struct err *e;
	int rc;
};

static int report_preview_row(const struct report_line *l, void *ctx)
{
	struct report_preview_rows *w = ctx;
	char issues[STORE_REPORT_ISSUES_MAX + 1];
	report_issues_text(l->item->issues, issues, sizeof issues);
	w->cases.len = 0;
	for (int i = 0; i < l->n_cases; i++) {
		if (i > 0)
			buf_append_str(&w->cases, ", ");
		const char *number = l->cases[i].number;
		buf_append_str(&w->cases, number[0] ? number : "(no number)");
	}
	json_t *row = json_pack("{s:s, s:s, s:s, s:s, s:s}", "advisor", l->item->advisor_name,
				"method",
				strcmp(l->item->method, "email") == 0 ? "E-mail" : "Letter",
				"address", l->item->address, "cases",
				w->cases.data && w->cases.len ? w->cases.data : "",
				"issues", issues);
	w->rc = row ? pdf_job_add(w->job, row, w->e)
		    : err_set(w->e, ERR_INTERNAL, NULL, "out of memory for the preview");
	json_decref(row);
	return w->rc != 0;
}

int report_preview_pdf(struct store_conn *c, const struct actor *a, int64_t preview_id,
		       pdf_write_fn write, void *ctx, struct err *e)
{
	struct store_report_preview p;
	struct report_options *o = malloc(sizeof *o);
	char words[1024];
	struct pdf_job job;
	memset(&job, 0, sizeof job);
	if (!o)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory");
	int rc = report_preview_read(c, a, preview_id, &p, o, e);
	if (rc == 0)
		report_options_words(o, words, sizeof words);
	free(o);
	if (rc != 0)
		return rc;
	json_t *head = json_pack("{s:s, s:s, s:s, s:s}", "kind", "preview", "title",
				 "Case status reports: preview", "date", p.today, "options", words);
	rc = head ? pdf_job_open(&job, head, e) : err_set(e, ERR_INTERNAL, NULL, "out of memory");
	json_decref(head);
	if (rc != 0)
		return rc;
	struct report_preview_rows w = {.job = &job, .e = e};
	buf_init(&w.cases, 0);
	rc = report_preview_walk(c, a, preview_id, report_preview_row, &w, NULL, e);
	if (rc == 0)
		rc = w.rc;
	buf_cleanup(&w.cases);
	if (rc != 0) {
		pdf_job_cancel(&job);
		return rc;
	}
	int pages = 0;
	return pdf_job_run(&job, write, ctx, &pages, e);
}
