/* report_doc.c - the report document: its memory (cases, requirements, logo), its JSON form for
 * the PDF child (render/pdf_child.c reads one doc per line) and the few words the e-mail
 * (render/mail_report.c) and the letter (render/pdf.c) share. Filling a doc from the store is
 * domain/report_build.c's job. */
#include "render/report_doc.h"
#include "core/date.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One text member of a struct, for the JSON field tables below. */
struct rd_field {
	const char *name;
	size_t offset;
	size_t size;
};

#define RD_DOC(m) {#m, offsetof(struct report_doc, m), sizeof(((struct report_doc *)0)->m)}
#define RD_CASE(m) {#m, offsetof(struct report_doc_case, m), \
		    sizeof(((struct report_doc_case *)0)->m)}

static const struct rd_field rd_doc_fields[] = {
	RD_DOC(office_name), RD_DOC(office_address), RD_DOC(office_phone), RD_DOC(office_email),
	RD_DOC(logo_mime), RD_DOC(advisor_name), RD_DOC(advisor_email), RD_DOC(date),
	RD_DOC(subject), RD_DOC(message_id),
};

static const struct rd_field rd_case_fields[] = {
	RD_CASE(number), RD_CASE(policy_number), RD_CASE(insured), RD_CASE(carrier),
	RD_CASE(product), RD_CASE(amount), RD_CASE(stage), RD_CASE(stage_since), RD_CASE(kind),
	RD_CASE(follow_up_text),
};

#define RD_NFIELDS(t) (sizeof(t) / sizeof((t)[0]))

void report_doc_init(struct report_doc *d)
{
	memset(d, 0, sizeof(*d));
}

void report_doc_cleanup(struct report_doc *d)
{
	for (int i = 0; i < d->n_cases; i++)
		free(d->cases[i].requirements);
	free(d->cases);
	free(d->logo);
	memset(d, 0, sizeof(*d));
}

/* rd_grow makes room for one more of n items of size bytes at *items; capacities go 4, 8, 16,
 * ... so the count alone says when to grow. */
static int rd_grow(void **items, int n, size_t size)
{
	if (n > 0 && (n < 4 || (n & (n - 1)) != 0))
		return 0;
	size_t cap = n == 0 ? 4 : (size_t)n * 2;
	void *p = realloc(*items, cap * size);
	if (!p)
		return ERR_INTERNAL;
	*items = p;
	return 0;
}

struct report_doc_case *report_doc_add_case(struct report_doc *d)
{
	void *items = d->cases;
	if (rd_grow(&items, d->n_cases, sizeof(struct report_doc_case)) != 0)
		return NULL;
	d->cases = items;
	struct report_doc_case *k = &d->cases[d->n_cases++];
	memset(k, 0, sizeof(*k));
	return k;
}

int report_doc_add_requirement(struct report_doc_case *k, const struct report_doc_requirement *r)
{
	void *items = k->requirements;
	if (rd_grow(&items, k->n_requirements, sizeof(*r)) != 0)
		return ERR_INTERNAL;
	k->requirements = items;
	k->requirements[k->n_requirements++] = *r;
	return 0;
}

int report_doc_set_logo(struct report_doc *d, const void *bytes, size_t len, const char *mime)
{
	unsigned char *copy = NULL;
	if (bytes && len) {
		copy = malloc(len);
		if (!copy)
			return ERR_INTERNAL;
		memcpy(copy, bytes, len);
	}
	free(d->logo);
	d->logo = copy;
	d->logo_len = copy ? len : 0;
	snprintf(d->logo_mime, sizeof(d->logo_mime), "%s", copy && mime ? mime : "");
	return 0;
}

/* rd_string makes a JSON string of s; bytes that are not UTF-8 become '?' (jansson refuses
 * them, and the child only needs something printable). NULL when out of memory. */
static json_t *rd_string(const char *s)
{
	json_t *v = json_string(s);
	if (v)
		return v;
	char *copy = strdup(s);
	if (!copy)
		return NULL;
	for (unsigned char *p = (unsigned char *)copy; *p; p++)
		if (*p >= 0x80)
			*p = '?';
	v = json_string(copy);
	free(copy);
	return v;
}

/* rd_set_fields puts the text members of the struct at base into obj; 0 or -1. */
static int rd_set_fields(json_t *obj, const void *base, const struct rd_field *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (json_object_set_new(obj, f[i].name,
					rd_string((const char *)base + f[i].offset)) != 0)
			return -1;
	return 0;
}

static json_t *rd_case_to_json(const struct report_doc_case *k)
{
	json_t *obj = json_object();
	json_t *reqs = json_array();
	if (!obj || !reqs || rd_set_fields(obj, k, rd_case_fields, RD_NFIELDS(rd_case_fields)))
		goto fail;
	for (int i = 0; i < k->n_requirements; i++) {
		const struct report_doc_requirement *r = &k->requirements[i];
		json_t *o = json_object();
		if (!o || json_array_append_new(reqs, o) != 0 ||
		    json_object_set_new(o, "name", rd_string(r->name)) != 0 ||
		    json_object_set_new(o, "status", rd_string(r->status)) != 0 ||
		    json_object_set_new(o, "key", json_boolean(r->key)) != 0 ||
		    json_object_set_new(o, "pos", json_boolean(r->pos)) != 0)
			goto fail;
	}
	if (json_object_set_new(obj, "requirements", reqs) != 0) {
		reqs = NULL;
		goto fail;
	}
	return obj;
fail:
	json_decref(reqs);
	json_decref(obj);
	return NULL;
}

/* rd_logo_to_json gives the logo as base64 (JSON null when there is none). */
static json_t *rd_logo_to_json(const struct report_doc *d)
{
	if (!d->logo || !d->logo_len)
		return json_null();
	size_t n = sodium_base64_ENCODED_LEN(d->logo_len, sodium_base64_VARIANT_ORIGINAL);
	char *b64 = malloc(n);
	if (!b64)
		return NULL;
	sodium_bin2base64(b64, n, d->logo, d->logo_len, sodium_base64_VARIANT_ORIGINAL);
	json_t *v = json_string(b64);
	free(b64);
	return v;
}

json_t *report_doc_to_json(const struct report_doc *d)
{
	json_t *obj = json_object();
	json_t *lines = json_array();
	json_t *cases = json_array();
	if (!obj || !lines || !cases ||
	    rd_set_fields(obj, d, rd_doc_fields, RD_NFIELDS(rd_doc_fields)))
		goto fail;
	for (int i = 0; i < 6 && d->address_lines[i][0]; i++)
		if (json_array_append_new(lines, rd_string(d->address_lines[i])) != 0)
			goto fail;
	for (int i = 0; i < d->n_cases; i++)
		if (json_array_append_new(cases, rd_case_to_json(&d->cases[i])) != 0)
			goto fail;
	if (json_object_set_new(obj, "logo", rd_logo_to_json(d)) != 0)
		goto fail;
	int rc_lines = json_object_set_new(obj, "address_lines", lines);
	lines = NULL;
	int rc_cases = json_object_set_new(obj, "cases", cases);
	cases = NULL;
	if (rc_lines != 0 || rc_cases != 0)
		goto fail;
	return obj;
fail:
	json_decref(lines);
	json_decref(cases);
	json_decref(obj);
	return NULL;
}

/* rd_copy_string copies the JSON string member v (absent or null = "") into dst of size bytes;
 * ERR_INVALID naming field when it is not a string, holds a NUL or does not fit. */
static int rd_copy_string(const json_t *v, char *dst, size_t size, const char *field,
			  struct err *e)
{
	dst[0] = '\0';
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return err_set(e, ERR_INVALID, field, "must be a string");
	const char *s = json_string_value(v);
	size_t len = json_string_length(v);
	if (strlen(s) != len)
		return err_set(e, ERR_INVALID, field, "must not contain NUL characters");
	if (len >= size)
		return err_set(e, ERR_INVALID, field, "is too long (at most %zu bytes)", size - 1);
	memcpy(dst, s, len + 1);
	return 0;
}

/* rd_get_fields fills the text members of the struct at base from obj; prefix names the
 * object in error fields ("" for the doc, "cases[2]." for a case). */
static int rd_get_fields(const json_t *obj, void *base, const struct rd_field *f, size_t n,
			 const char *prefix, struct err *e)
{
	char field[64];
	for (size_t i = 0; i < n; i++) {
		snprintf(field, sizeof(field), "%s%s", prefix, f[i].name);
		int rc = rd_copy_string(json_object_get(obj, f[i].name),
					(char *)base + f[i].offset, f[i].size, field, e);
		if (rc)
			return rc;
	}
	return 0;
}

/* rd_get_bool reads an optional boolean member (absent or null = false). */
static int rd_get_bool(const json_t *obj, const char *name, bool *out, const char *field,
		       struct err *e)
{
	const json_t *v = json_object_get(obj, name);
	*out = false;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_boolean(v))
		return err_set(e, ERR_INVALID, field, "must be true or false");
	*out = json_is_true(v);
	return 0;
}

static int rd_requirement_from_json(const json_t *v, struct report_doc_case *k, int ci, int ri,
				    struct err *e)
{
	struct report_doc_requirement r;
	char field[64];
	int rc;
	memset(&r, 0, sizeof(r));
	snprintf(field, sizeof(field), "cases[%d].requirements[%d]", ci, ri);
	if (!json_is_object(v))
		return err_set(e, ERR_INVALID, field, "must be an object");
	snprintf(field, sizeof(field), "cases[%d].requirements[%d].name", ci, ri);
	if ((rc = rd_copy_string(json_object_get(v, "name"), r.name, sizeof(r.name), field, e)))
		return rc;
	snprintf(field, sizeof(field), "cases[%d].requirements[%d].status", ci, ri);
	if ((rc = rd_copy_string(json_object_get(v, "status"), r.status, sizeof(r.status), field,
				 e)))
		return rc;
	snprintf(field, sizeof(field), "cases[%d].requirements[%d].key", ci, ri);
	if ((rc = rd_get_bool(v, "key", &r.key, field, e)))
		return rc;
	snprintf(field, sizeof(field), "cases[%d].requirements[%d].pos", ci, ri);
	if ((rc = rd_get_bool(v, "pos", &r.pos, field, e)))
		return rc;
	if (report_doc_add_requirement(k, &r) != 0)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory");
	return 0;
}

static int rd_case_from_json(const json_t *v, struct report_doc *d, int ci, struct err *e)
{
	char prefix[32];
	snprintf(prefix, sizeof(prefix), "cases[%d]", ci);
	if (!json_is_object(v))
		return err_set(e, ERR_INVALID, prefix, "must be an object");
	struct report_doc_case *k = report_doc_add_case(d);
	if (!k)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory");
	snprintf(prefix, sizeof(prefix), "cases[%d].", ci);
	int rc = rd_get_fields(v, k, rd_case_fields, RD_NFIELDS(rd_case_fields), prefix, e);
	if (rc)
		return rc;
	const json_t *reqs = json_object_get(v, "requirements");
	if (!reqs || json_is_null(reqs))
		return 0;
	if (!json_is_array(reqs)) {
		snprintf(prefix, sizeof(prefix), "cases[%d].requirements", ci);
		return err_set(e, ERR_INVALID, prefix, "must be an array");
	}
	for (size_t i = 0; i < json_array_size(reqs); i++)
		if ((rc = rd_requirement_from_json(json_array_get(reqs, i), k, ci, (int)i, e)))
			return rc;
	return 0;
}

static int rd_logo_from_json(const json_t *v, struct report_doc *d, struct err *e)
{
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return err_set(e, ERR_INVALID, "logo", "must be a base64 string");
	const char *b64 = json_string_value(v);
	size_t len = json_string_length(v);
	size_t max = len / 4 * 3 + 3;
	unsigned char *bin = malloc(max ? max : 1);
	size_t bin_len = 0;
	if (!bin)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory");
	if (sodium_base642bin(bin, max, b64, len, NULL, &bin_len, NULL,
			      sodium_base64_VARIANT_ORIGINAL) != 0) {
		free(bin);
		return err_set(e, ERR_INVALID, "logo", "must be base64");
	}
	free(d->logo);
	d->logo = bin_len ? bin : NULL;
	d->logo_len = bin_len;
	if (!bin_len)
		free(bin);
	return 0;
}

static int rd_address_from_json(const json_t *v, struct report_doc *d, struct err *e)
{
	char field[48];
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_array(v) || json_array_size(v) > 6)
		return err_set(e, ERR_INVALID, "address_lines",
			       "must be an array of at most 6 lines");
	for (size_t i = 0; i < json_array_size(v); i++) {
		snprintf(field, sizeof(field), "address_lines[%zu]", i);
		int rc = rd_copy_string(json_array_get(v, i), d->address_lines[i],
					sizeof(d->address_lines[i]), field, e);
		if (rc)
			return rc;
	}
	return 0;
}

int report_doc_from_json(const json_t *obj, struct report_doc *d, struct err *e)
{
	int rc;
	if (!json_is_object(obj))
		return err_set(e, ERR_INVALID, NULL, "a report must be a JSON object");
	if ((rc = rd_get_fields(obj, d, rd_doc_fields, RD_NFIELDS(rd_doc_fields), "", e)))
		return rc;
	if ((rc = rd_address_from_json(json_object_get(obj, "address_lines"), d, e)))
		return rc;
	if ((rc = rd_logo_from_json(json_object_get(obj, "logo"), d, e)))
		return rc;
	if (!d->logo)
		d->logo_mime[0] = '\0';
	const json_t *cases = json_object_get(obj, "cases");
	if (!cases || json_is_null(cases))
		return 0;
	if (!json_is_array(cases))
		return err_set(e, ERR_INVALID, "cases", "must be an array");
	for (size_t i = 0; i < json_array_size(cases); i++)
		if ((rc = rd_case_from_json(json_array_get(cases, i), d, (int)i, e)))
			return rc;
	return 0;
}

void report_doc_format_date(const char *iso, char *out, size_t size)
{
	static const char *const months[12] = {
		"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December",
	};
	if (!iso || !date_valid(iso)) {
		snprintf(out, size, "%s", iso ? iso : "");
		return;
	}
	int y = atoi(iso), m = atoi(iso + 5), dd = atoi(iso + 8);
	snprintf(out, size, "%s %d, %d", months[m - 1], dd, y);
}

const char *report_doc_status_word(const char *status)
{
	if (strcmp(status, "outstanding") == 0)
		return "Outstanding";
	if (strcmp(status, "received") == 0)
		return "Received";
	if (strcmp(status, "waived") == 0)
		return "Waived";
	return status;
}

const char *report_doc_kind_word(const char *kind)
{
	if (strcmp(kind, "informal") == 0)
		return "informal";
	if (strcmp(kind, "informal_child") == 0)
		return "informal child";
	if (strcmp(kind, "group") == 0)
		return "group";
	return "";
}
