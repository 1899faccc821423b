/* office.c - rules for offices (see office.h). */
#include "domain/office.h"
#include "core/clock.h"
#include "domain/rights.h"
#include "domain/user.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int office_check(const struct office_fields *f, bool creating, struct err *e)
{
	if (creating && !(f->present & OFFICE_F_NAME))
		return err_set(e, ERR_UNPROCESSABLE, "name", "is required");
	if (f->present & OFFICE_F_NAME) {
		const char *p = f->name;
		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			return err_set(e, ERR_UNPROCESSABLE, "name", "must not be empty");
	}
	return 0;
}

static void office_apply(struct store_office *o, const struct office_fields *f)
{
	if (f->present & OFFICE_F_NAME)
		snprintf(o->name, sizeof o->name, "%s", f->name);
	if (f->present & OFFICE_F_ADDRESS)
		snprintf(o->address, sizeof o->address, "%s", f->address);
	if (f->present & OFFICE_F_PHONE)
		snprintf(o->phone, sizeof o->phone, "%s", f->phone);
	if (f->present & OFFICE_F_EMAIL)
		snprintf(o->email, sizeof o->email, "%s", f->email);
}

struct office_tx {
	int64_t id, version;
	const struct office_fields *f;
	struct store_office *out;
	const char *mime;
	const void *data;
	size_t len;
};

static int office_name_taken(struct err *e, const char *name)
{
	return err_set(e, ERR_CONFLICT, "name", "an office named '%s' exists", name);
}

static int office_create_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct office_tx *t = ctx;
	int rc = store_office_insert(c, t->out);
	if (rc == STORE_CONFLICT)
		return office_name_taken(e, t->out->name);
	return user_store_error(rc, "office", e);
}

int office_create(struct store_conn *c, const struct actor *a, const struct office_fields *f,
		  struct store_office *out, struct err *e)
{
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc == 0)
		rc = office_check(f, true, e);
	if (rc != 0)
		return rc;
	memset(out, 0, sizeof *out);
	office_apply(out, f);
	out->created_at = clock_now();
	struct office_tx t = {.f = f, .out = out};
	return store_tx_run(c, office_create_fn, &t, e);
}

static int office_update_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct office_tx *t = ctx;
	int rc = store_office_get(c, t->id, t->out);
	if (rc != STORE_OK)
		return user_store_error(rc, "office", e);
	if (t->out->version != t->version)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the office was changed meanwhile (version %lld); reload",
			       (long long)t->out->version);
	office_apply(t->out, t->f);
	rc = store_office_update(c, t->out, clock_now());
	if (rc == STORE_CONFLICT && (t->f->present & OFFICE_F_NAME))
		return office_name_taken(e, t->out->name);
	return user_store_error(rc, "office", e);
}

int office_update(struct store_conn *c, const struct actor *a, int64_t id, int64_t version,
		  const struct office_fields *f, struct store_office *out, struct err *e)
{
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc == 0)
		rc = office_check(f, false, e);
	if (rc != 0)
		return rc;
	struct office_tx t = {.id = id, .version = version, .f = f, .out = out};
	return store_tx_run(c, office_update_fn, &t, e);
}

static int office_delete_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct office_tx *t = ctx;
	char where[64];
	int64_t count = 0;
	int rc = store_office_usage(c, t->id, where, &count);
	if (rc != STORE_OK)
		return user_store_error(rc, "office", e);
	if (count > 0)
		return err_set(e, ERR_CONFLICT, NULL, "in use: %lld %s; move them to another office first",
			       (long long)count, where);
	return user_store_error(store_office_delete(c, t->id), "office", e);
}

int office_delete(struct store_conn *c, const struct actor *a, int64_t id, struct err *e)
{
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc != 0)
		return rc;
	struct office_tx t = {.id = id};
	return store_tx_run(c, office_delete_fn, &t, e);
}

int office_get(struct store_conn *c, const struct actor *a, int64_t id, struct store_office *out,
	       struct err *e)
{
	return user_store_error(store_office_get(c, id, out), "office", e);
}

int office_list(struct store_conn *c, const struct actor *a, store_office_each_fn each, void *ctx,
		struct err *e)
{
	return user_store_error(store_office_list(c, each, ctx), "offices", e);
}

/* office_image_kind checks the magic bytes against the declared type. */
static bool office_image_matches(const char *mime, const unsigned char *d, size_t len)
{
	if (strcmp(mime, "image/png") == 0)
		return len >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0;
	if (strcmp(mime, "image/jpeg") == 0)
		return len >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF;
	return false;
}

static int office_logo_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct office_tx *t = ctx;
	return user_store_error(store_office_logo_set(c, t->id, t->mime, t->data, t->len), "office", e);
}

int office_logo_set(struct store_conn *c, const struct actor *a, int64_t id, const char *mime,
		    const void *data, size_t len, struct err *e)
{
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc != 0)
		return rc;
	if (data && (len == 0 || len > OFFICE_LOGO_MAX))
		return err_set(e, ERR_UNPROCESSABLE, "body", "the logo must be 1 byte to 1 MiB");
	if (data && !office_image_matches(mime, data, len))
		return err_set(e, ERR_UNPROCESSABLE, "body", "the logo is not a %s image", mime);
	struct office_tx t = {.id = id, .mime = mime, .data = data, .len = len};
	return store_tx_run(c, office_logo_fn, &t, e);
}

int office_logo_get(struct store_conn *c, const struct actor *a, int64_t id, char mime[64],
		    void **data, size_t *len, struct err *e)
{
	return user_store_error(store_office_logo_get(c, id, mime, data, len), "logo", e);
}
