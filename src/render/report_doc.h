/* report_doc.h - one case status report as plain data, the single input of every way a report
 * is shown: the e-mail (render/mail_report.c: text and HTML parts), the printed letter
 * (render/pdf.c) and the JSON lines handed to the PDF child process (report_doc_to_json /
 * report_doc_from_json). Masking is already applied by the time a doc exists: the renderers
 * print what they are given.
 *
 * domain/report_build.c fills a doc from the store; nothing here reads the database. */
#ifndef CASELOAD_REPORT_DOC_H
#define CASELOAD_REPORT_DOC_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

#define REPORT_DOC_TEXT_MAX 4000

struct report_doc_requirement {
	char name[201];
	char status[16];          /* outstanding, received, waived */
	bool key;                 /* bold */
	bool pos;                 /* a policy owner service requirement */
};

struct report_doc_case {
	char number[41];          /* the case number */
	char policy_number[41];   /* masked: "••••1234" style, see report_build.c */
	char insured[201];        /* masked: initials */
	char carrier[201];
	char product[201];
	char amount[32];          /* formatted, "" = not set: "$250,000.00" */
	char stage[201];
	char stage_since[11];
	char kind[16];            /* formal, informal, informal_child, group */
	char follow_up_text[REPORT_DOC_TEXT_MAX + 1];  /* the stage's custom text, follow-up mode */
	struct report_doc_requirement *requirements;   /* owned by the doc */
	int n_requirements;
};

struct report_doc {
	/* who sends it */
	char office_name[201];
	char office_address[501];
	char office_phone[64];
	char office_email[255];
	unsigned char *logo;      /* PNG or JPEG bytes, NULL = no logo; owned by the doc */
	size_t logo_len;
	char logo_mime[32];
	/* to whom */
	char advisor_name[201];
	char advisor_email[255];
	char address_lines[6][201];  /* the postal address, one line each, "" after the last */
	/* what */
	char date[11];            /* the firm's date, YYYY-MM-DD */
	char subject[201];
	char message_id[251];     /* e-mail only */
	struct report_doc_case *cases;   /* owned by the doc */
	int n_cases;
};

/* report_doc_init zeroes d; report_doc_cleanup frees what it owns (cases, their requirements,
 * the logo) and zeroes it again. */
void report_doc_init(struct report_doc *d);
void report_doc_cleanup(struct report_doc *d);

/* report_doc_add_case appends a zeroed case and returns it (NULL when out of memory; the
 * pointer holds until the next report_doc_add_case, which may move the array);
 * report_doc_add_requirement appends a copy of r to k (0 or ERR_INTERNAL). */
struct report_doc_case *report_doc_add_case(struct report_doc *d);
int report_doc_add_requirement(struct report_doc_case *k,
			       const struct report_doc_requirement *r);

/* report_doc_set_logo copies len bytes of a PNG or JPEG as the logo (0 or ERR_INTERNAL). */
int report_doc_set_logo(struct report_doc *d, const void *bytes, size_t len, const char *mime);

/* report_doc_to_json gives d as a new JSON object (NULL when out of memory): members named as
 * the struct's, address_lines the non-empty lines, the logo base64 or null, bytes that are not
 * UTF-8 as "?". report_doc_from_json fills an initialised d from it (absent or null members
 * are empty; ERR_INVALID naming the member, e.g. "cases[1].requirements[0].key", when one has
 * the wrong type or is too long; d may then hold part of it: report_doc_cleanup it). */
json_t *report_doc_to_json(const struct report_doc *d);
int report_doc_from_json(const json_t *obj, struct report_doc *d, struct err *e);

/* Words shared by the e-mail and the letter, so both say the same thing:
 * report_doc_format_date writes "2026-11-23" as "November 23, 2026" into out (size bytes; a
 * value that is not such a date is copied as it is); report_doc_status_word gives
 * "Outstanding", "Received" or "Waived" for a requirement status (any other value as it is);
 * report_doc_kind_word gives "informal", "informal child" or "group" for a case kind and ""
 * for a formal case. */
void report_doc_format_date(const char *iso, char *out, size_t size);
const char *report_doc_status_word(const char *status);
const char *report_doc_kind_word(const char *kind);

#endif
