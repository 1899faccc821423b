/* office.c - PostgreSQL rows of office (a firm's branches, with address and letter logo).
 *
 * Mirrors ../sqlite/office.c. Whether an office may be deleted (no users in it) is decided in
 * domain/office.c. The logo is bytea, sent and fetched in binary format. */
#include "store/pg/pg.h"

#include <stdlib.h>
#include <string.h>

static void pg_read_office(const PGresult *r, int row, struct store_office *o)
{
	o->id = pg_i64(r, row, 0);
	pg_text(r, row, 1, o->name, sizeof o->name);
	pg_text(r, row, 2, o->address, sizeof o->address);
	pg_text(r, row, 3, o->phone, sizeof o->phone);
	pg_text(r, row, 4, o->email, sizeof o->email);
	o->has_logo = pg_bool(r, row, 5);
	o->version = pg_i64(r, row, 6);
	o->created_at = pg_i64(r, row, 7);
}

static void pg_bind_office_fields(struct pg_params *p, const struct store_office *o)
{
	pg_p_text(p, o->name);
	pg_p_text(p, o->address);
	pg_p_text(p, o->phone);
	pg_p_text(p, o->email);
}

int pg_office_insert(struct store_conn *base, struct store_office *o)
{
	struct pg_params p = {0};
	pg_bind_office_fields(&p, o);
	pg_p_i64(&p, o->created_at);
	int rc;
	PGresult *r = pg_exec(pg_conn(base), PG_OFFICE_INSERT, &p, 0, &rc);
	if (r) {
		if (PQntuples(r) > 0) {  /* no row: ON CONFLICT DO NOTHING, the name is taken */
			o->id = pg_i64(r, 0, 0);
			o->version = 1;
		} else {
			rc = STORE_CONFLICT;
		}
	}
	PQclear(r);
	return rc;
}

int pg_office_get(struct store_conn *base, int64_t id, struct store_office *o)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	int rc;
	PGresult *r = pg_exec(pg_conn(base), PG_OFFICE_GET, &p, 0, &rc);
	if (r) {
		if (PQntuples(r) > 0)
			pg_read_office(r, 0, o);
		else
			rc = STORE_NOT_FOUND;
	}
	PQclear(r);
	return rc;
}

int pg_office_update(struct store_conn *base, struct store_office *o, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, o->id);
	pg_bind_office_fields(&p, o);
	pg_p_i64(&p, o->version);
	pg_p_i64(&p, now);
	int rc;
	/* guarded: a new name taken by another office is STORE_CONFLICT, transaction intact */
	PGresult *r = pg_exec_guarded(pg_conn(base), PG_OFFICE_UPDATE, &p, 0, &rc);
	if (r) {
		if (PQntuples(r) != 1)
			rc = STORE_ERROR;
		else if (!PQgetisnull(r, 0, 0))
			o->version = pg_i64(r, 0, 0);
		else
			rc = pg_bool(r, 0, 1) ? STORE_CONFLICT : STORE_NOT_FOUND;
	}
	PQclear(r);
	return rc;
}

int pg_office_delete(struct store_conn *base, int64_t id)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	return pg_exec_write(pg_conn(base), PG_OFFICE_DELETE, &p, 1);
}

int pg_office_list(struct store_conn *base, store_office_each_fn each, void *ctx)
{
	int rc;
	PGresult *r = pg_exec(pg_conn(base), PG_OFFICE_LIST, NULL, 0, &rc);
	struct store_office o;
	for (int i = 0; r && i < PQntuples(r); i++) {
		memset(&o, 0, sizeof o);
		pg_read_office(r, i, &o);
		if (each(&o, ctx) != 0)
			break;
	}
	PQclear(r);
	return rc;
}

int pg_office_usage(struct store_conn *base, int64_t id, char where[64], int64_t *count)
{
	return pg_usage(pg_conn(base), PG_OFFICE_USAGE, id, where, count);
}

int pg_office_logo_set(struct store_conn *base, int64_t id, const char *mime, const void *data,
		       size_t len)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_text(&p, data ? mime : NULL);
	pg_p_bytes(&p, data, len);
	return pg_exec_write(pg_conn(base), PG_OFFICE_LOGO_SET, &p, 1);
}

int pg_office_logo_get(struct store_conn *base, int64_t id, char mime[64], void **data,
		       size_t *len)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	*data = NULL;
	*len = 0;
	int rc;
	/* binary result: the logo arrives as raw bytes, the mime type as its UTF-8 text */
	PGresult *r = pg_exec(pg_conn(base), PG_OFFICE_LOGO_GET, &p, 1, &rc);
	if (r) {
		if (PQntuples(r) > 0) {
			int mlen = PQgetisnull(r, 0, 0) ? 0 : PQgetlength(r, 0, 0);
			if (mlen > 63)
				mlen = 63;
			memcpy(mime, PQgetvalue(r, 0, 0), (size_t)mlen);
			mime[mlen] = '\0';
			size_t n = (size_t)PQgetlength(r, 0, 1);
			*data = malloc(n > 0 ? n : 1);
			if (!*data) {
				rc = STORE_ERROR;
			} else {
				memcpy(*data, PQgetvalue(r, 0, 1), n);
				*len = n;
			}
		} else {
			rc = STORE_NOT_FOUND;
		}
	}
	PQclear(r);
	return rc;
}
