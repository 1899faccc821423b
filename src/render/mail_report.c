/* mail_report.c - the case status report as an e-mail (see mail.h): the text part, the HTML part
 * (simple inline styles, no external resources, everything escaped, requirements in their
 * order with key ones in <strong>) and the whole message through mail_build (render/mail.c).
 * The printed letter says the same things through render/pdf.c. */
#include "render/mail.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define MR_FONT "font-family:Arial,Helvetica,sans-serif"

/* A growing text with a sticky error: the first failure is kept, later appends do nothing, so
 * the builders below read as a list of lines. */
struct mr_out {
	struct buf *b;
	int rc;
};

static void mr_put(struct mr_out *o, const char *s)
{
	if (o->rc == 0 && s)
		o->rc = buf_append_str(o->b, s);
}

static void mr_putn(struct mr_out *o, const char *s, size_t n)
{
	if (o->rc == 0)
		o->rc = buf_append(o->b, s, n);
}

/* mr_esc appends s HTML-escaped; "\n" becomes <br> when br is set. */
static void mr_esc(struct mr_out *o, const char *s, bool br)
{
	const char *run = s;
	for (const char *p = s; *p; p++) {
		const char *rep = NULL;
		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '\n': rep = br ? "<br>\n" : "\n"; break;
		case '\r': rep = ""; break;
		default: break;
		}
		if (!rep)
			continue;
		mr_putn(o, run, (size_t)(p - run));
		mr_put(o, rep);
		run = p + 1;
	}
	mr_put(o, run);
}

static const char *mr_advisor(const struct report_doc *d)
{
	return d->advisor_name[0] ? d->advisor_name : "Advisor";
}

/* mr_intro writes the opening sentence's words into out: "case" or "cases" and the date. */
static void mr_intro(const struct report_doc *d, char *out, size_t size)
{
	char date[40];
	report_doc_format_date(d->date, date, sizeof(date));
	snprintf(out, size, "This is the status of your pending %s as of %s.",
		 d->n_cases == 1 ? "case" : "cases", date);
}

/* mr_text_field writes "  Label: value" when value is set. */
static void mr_text_field(struct mr_out *o, const char *label, const char *value)
{
	if (!value[0])
		return;
	mr_put(o, "  ");
	mr_put(o, label);
	mr_put(o, ": ");
	mr_put(o, value);
	mr_put(o, "\n");
}

static void mr_text_case(struct mr_out *o, const struct report_doc_case *k)
{
	char since[40];
	const char *kind = report_doc_kind_word(k->kind);
	mr_put(o, "\nCase ");
	mr_put(o, k->number);
	if (kind[0]) {
		mr_put(o, " (");
		mr_put(o, kind);
		mr_put(o, ")");
	}
	mr_put(o, "\n");
	mr_text_field(o, "Policy number", k->policy_number);
	mr_text_field(o, "Insured", k->insured);
	mr_text_field(o, "Carrier", k->carrier);
	mr_text_field(o, "Product", k->product);
	mr_text_field(o, "Amount", k->amount);
	if (k->stage[0]) {
		mr_put(o, "  Stage: ");
		mr_put(o, k->stage);
		if (k->stage_since[0]) {
			report_doc_format_date(k->stage_since, since, sizeof(since));
			mr_put(o, " (since ");
			mr_put(o, since);
			mr_put(o, ")");
		}
		mr_put(o, "\n");
	}
	if (k->follow_up_text[0]) {
		mr_put(o, "\n");
		mr_put(o, k->follow_up_text);
		mr_put(o, "\n");
	}
	if (k->n_requirements == 0) {
		mr_put(o, "  Requirements: none\n");
		return;
	}
	mr_put(o, "  Requirements (* = key requirement):\n");
	for (int i = 0; i < k->n_requirements; i++) {
		const struct report_doc_requirement *r = &k->requirements[i];
		char num[16];
		snprintf(num, sizeof(num), "  %2d. ", i + 1);
		mr_put(o, num);
		if (r->key)
			mr_put(o, "*");
		mr_put(o, r->name);
		if (r->key)
			mr_put(o, "*");
		if (r->pos)
			mr_put(o, " (POS)");
		mr_put(o, " - ");
		mr_put(o, report_doc_status_word(r->status));
		mr_put(o, "\n");
	}
}

/* mr_signature_text writes the office's name, address, phone and e-mail, one per line. */
static void mr_signature_text(struct mr_out *o, const struct report_doc *d)
{
	mr_put(o, "\nSincerely,\n\n");
	if (d->office_name[0]) {
		mr_put(o, d->office_name);
		mr_put(o, "\n");
	}
	if (d->office_address[0]) {
		mr_put(o, d->office_address);
		mr_put(o, "\n");
	}
	if (d->office_phone[0]) {
		mr_put(o, "Phone: ");
		mr_put(o, d->office_phone);
		mr_put(o, "\n");
	}
	if (d->office_email[0]) {
		mr_put(o, "E-mail: ");
		mr_put(o, d->office_email);
		mr_put(o, "\n");
	}
}

int mail_report_text(const struct report_doc *d, struct buf *out)
{
	struct mr_out o = {out, 0};
	char intro[128];
	mr_put(&o, "Dear ");
	mr_put(&o, mr_advisor(d));
	mr_put(&o, ",\n\n");
	mr_intro(d, intro, sizeof(intro));
	mr_put(&o, intro);
	mr_put(&o, "\n");
	for (int i = 0; i < d->n_cases; i++)
		mr_text_case(&o, &d->cases[i]);
	mr_signature_text(&o, d);
	return o.rc;
}

/* mr_html_field writes one row of a case's table when value is set. */
static void mr_html_field(struct mr_out *o, const char *label, const char *value,
			  const char *extra)
{
	if (!value[0])
		return;
	mr_put(o, "<tr><td style=\"padding:4px 12px;color:#52606d;width:34%;"
		  "vertical-align:top\">");
	mr_esc(o, label, false);
	mr_put(o, "</td><td style=\"padding:4px 12px;vertical-align:top\">");
	mr_esc(o, value, false);
	if (extra && extra[0]) {
		mr_put(o, " <span style=\"color:#52606d\">");
		mr_esc(o, extra, false);
		mr_put(o, "</span>");
	}
	mr_put(o, "</td></tr>\n");
}

static void mr_html_requirements(struct mr_out *o, const struct report_doc_case *k)
{
	mr_put(o, "<p style=\"margin:12px 0 4px 0;font-weight:bold\">Requirements</p>\n");
	if (k->n_requirements == 0) {
		mr_put(o, "<p style=\"margin:0 0 8px 0;color:#52606d\">None.</p>\n");
		return;
	}
	mr_put(o, "<ol style=\"margin:0 0 8px 0;padding-left:24px\">\n");
	for (int i = 0; i < k->n_requirements; i++) {
		const struct report_doc_requirement *r = &k->requirements[i];
		mr_put(o, "<li style=\"margin:2px 0\">");
		mr_put(o, r->key ? "<strong>" : "");
		mr_esc(o, r->name, false);
		mr_put(o, r->key ? "</strong>" : "");
		if (r->pos)
			mr_put(o, " (POS)");
		mr_put(o, " &mdash; ");
		mr_esc(o, report_doc_status_word(r->status), false);
		mr_put(o, "</li>\n");
	}
	mr_put(o, "</ol>\n");
}

static void mr_html_case(struct mr_out *o, const struct report_doc_case *k)
{
	char since[48], date[40];
	const char *kind = report_doc_kind_word(k->kind);
	since[0] = '\0';
	if (k->stage_since[0]) {
		report_doc_format_date(k->stage_since, date, sizeof(date));
		snprintf(since, sizeof(since), "(since %s)", date);
	}
	mr_put(o, "<div style=\"margin:20px 0;padding:12px 16px;border:1px solid #d9dde3;"
		  "border-radius:4px\">\n<h2 style=\"margin:0 0 8px 0;font-size:16px;"
		  "color:#1f2933\">Case ");
	mr_esc(o, k->number, false);
	if (kind[0]) {
		mr_put(o, " <span style=\"font-weight:normal;color:#52606d\">(");
		mr_esc(o, kind, false);
		mr_put(o, ")</span>");
	}
	mr_put(o, "</h2>\n<table role=\"presentation\" style=\"width:100%;border-collapse:collapse;"
		  "font-size:14px\">\n");
	mr_html_field(o, "Policy number", k->policy_number, NULL);
	mr_html_field(o, "Insured", k->insured, NULL);
	mr_html_field(o, "Carrier", k->carrier, NULL);
	mr_html_field(o, "Product", k->product, NULL);
	mr_html_field(o, "Amount", k->amount, NULL);
	mr_html_field(o, "Stage", k->stage, since);
	mr_put(o, "</table>\n");
	if (k->follow_up_text[0]) {
		mr_put(o, "<p style=\"margin:12px 0;padding:8px 12px;background:#f4f6f8;"
			  "border-left:3px solid #9aa5b1\">");
		mr_esc(o, k->follow_up_text, true);
		mr_put(o, "</p>\n");
	}
	mr_html_requirements(o, k);
	mr_put(o, "</div>\n");
}

static void mr_signature_html(struct mr_out *o, const struct report_doc *d)
{
	mr_put(o, "<p style=\"margin:24px 0 0 0\">Sincerely,</p>\n"
		  "<p style=\"margin:8px 0 0 0;color:#52606d\">");
	if (d->office_name[0]) {
		mr_put(o, "<strong style=\"color:#1f2933\">");
		mr_esc(o, d->office_name, false);
		mr_put(o, "</strong><br>\n");
	}
	if (d->office_address[0]) {
		mr_esc(o, d->office_address, true);
		mr_put(o, "<br>\n");
	}
	if (d->office_phone[0]) {
		mr_put(o, "Phone: ");
		mr_esc(o, d->office_phone, false);
		mr_put(o, "<br>\n");
	}
	if (d->office_email[0]) {
		mr_put(o, "E-mail: ");
		mr_esc(o, d->office_email, false);
		mr_put(o, "<br>\n");
	}
	mr_put(o, "</p>\n");
}

int mail_report_html(const struct report_doc *d, struct buf *out)
{
	struct mr_out o = {out, 0};
	char intro[128];
	mr_put(&o, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
		   "<meta name=\"viewport\" content=\"width=device-width\">\n<title>");
	mr_esc(&o, d->subject, false);
	mr_put(&o, "</title></head>\n<body style=\"margin:0;padding:0;background:#f4f5f7\">\n"
		   "<div style=\"max-width:640px;margin:0 auto;padding:24px;background:#ffffff;"
		   MR_FONT ";font-size:14px;line-height:1.5;color:#1f2933\">\n"
		   "<p style=\"margin:0 0 12px 0\">Dear ");
	mr_esc(&o, mr_advisor(d), false);
	mr_put(&o, ",</p>\n<p style=\"margin:0 0 12px 0\">");
	mr_intro(d, intro, sizeof(intro));
	mr_esc(&o, intro, false);
	mr_put(&o, "</p>\n");
	for (int i = 0; i < d->n_cases; i++)
		mr_html_case(&o, &d->cases[i]);
	mr_signature_html(&o, d);
	mr_put(&o, "</div>\n</body></html>\n");
	return o.rc;
}

/* mr_recipient writes the To value: "Name <address>", or the address alone. The name may not
 * hold CR, LF, "<" or ">", which would change the address: those become spaces. */
static void mr_recipient(const struct report_doc *d, char *out, size_t size)
{
	char name[sizeof(d->advisor_name)];
	snprintf(name, sizeof(name), "%s", d->advisor_name);
	for (char *p = name; *p; p++)
		if (*p == '\r' || *p == '\n' || *p == '<' || *p == '>')
			*p = ' ';
	if (name[0])
		snprintf(out, size, "%s <%s>", name, d->advisor_email);
	else
		snprintf(out, size, "%s", d->advisor_email);
}

int mail_report_build(const struct report_doc *d, const char *from, long long date,
		      struct buf *out, struct err *e)
{
	struct buf text, html;
	char to[sizeof(d->advisor_name) + sizeof(d->advisor_email) + 4];
	int rc;
	buf_init(&text, 0);
	buf_init(&html, 0);
	if (!mail_address_valid(d->advisor_email)) {
		rc = err_set(e, ERR_UNPROCESSABLE, "advisor_email",
			     "is not a valid e-mail address");
		goto done;
	}
	if (mail_report_text(d, &text) != 0 || mail_report_html(d, &html) != 0) {
		rc = err_set(e, ERR_INTERNAL, NULL, "out of memory building a report");
		goto done;
	}
	mr_recipient(d, to, sizeof(to));
	struct mail_message m = {
		.from = from,
		.to = to,
		.subject = d->subject,
		.message_id = d->message_id,
		.date = date,
		.text = text.data ? text.data : "",
		.html = html.data ? html.data : "",
	};
	rc = mail_build(&m, out, e);
done:
	buf_cleanup(&text);
	buf_cleanup(&html);
	return rc;
}
