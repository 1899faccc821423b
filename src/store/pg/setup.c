/* setup.c - PostgreSQL rows of the setup lists (the firm's vocabulary): case types and
 * subtypes, status types and statuses, close reasons, staff roles (with, from migration 0004,
 * whether an advisor role is the primary one), note types, value ranges, and (migration 0003)
 * deadline types, case summary flags and user-defined fields.
 *
 * Mirrors ../sqlite/setup.c. Each kind has its own table and its own six catalogue statements;
 * every one of them reads into the same columns (see the *_COLUMNS in catalogue.c), so one
 * reader serves all. Which fields a kind uses, and the rules on them (one stage type, closing
 * only for stage statuses, low <= high, a flag's condition, a UDF field's format), are in
 * domain/setup.c. */
#include "store/pg/pg.h"

#include <stdio.h>
#include <string.h>

struct pg_setup_statements {
	enum pg_id insert, get, update, delete, list, usage;
	bool has_parent;  /* the list statement takes a parent id as $1 */
};

static const struct pg_setup_statements pg_setup[SETUP__COUNT] = {
	[SETUP_CASE_TYPE] = {PG_CASE_TYPE_INSERT, PG_CASE_TYPE_GET, PG_CASE_TYPE_UPDATE,
			     PG_CASE_TYPE_DELETE, PG_CASE_TYPE_LIST, PG_CASE_TYPE_USAGE, false},
	[SETUP_CASE_SUBTYPE] = {PG_CASE_SUBTYPE_INSERT, PG_CASE_SUBTYPE_GET, PG_CASE_SUBTYPE_UPDATE,
				PG_CASE_SUBTYPE_DELETE, PG_CASE_SUBTYPE_LIST, PG_CASE_SUBTYPE_USAGE,
				true},
	[SETUP_STATUS_TYPE] = {PG_STATUS_TYPE_INSERT, PG_STATUS_TYPE_GET, PG_STATUS_TYPE_UPDATE,
			       PG_STATUS_TYPE_DELETE, PG_STATUS_TYPE_LIST, PG_STATUS_TYPE_USAGE,
			       false},
	[SETUP_STATUS] = {PG_STATUS_INSERT, PG_STATUS_GET, PG_STATUS_UPDATE, PG_STATUS_DELETE,
			  PG_STATUS_LIST, PG_STATUS_USAGE, true},
	[SETUP_CLOSE_REASON] = {PG_CLOSE_REASON_INSERT, PG_CLOSE_REASON_GET,
				PG_CLOSE_REASON_UPDATE, PG_CLOSE_REASON_DELETE,
				PG_CLOSE_REASON_LIST, PG_CLOSE_REASON_USAGE, false},
	[SETUP_ROLE] = {PG_ROLE_INSERT, PG_ROLE_GET, PG_ROLE_UPDATE, PG_ROLE_DELETE, PG_ROLE_LIST,
			PG_ROLE_USAGE, false},
	[SETUP_NOTE_TYPE] = {PG_NOTE_TYPE_INSERT, PG_NOTE_TYPE_GET, PG_NOTE_TYPE_UPDATE,
			     PG_NOTE_TYPE_DELETE, PG_NOTE_TYPE_LIST, PG_NOTE_TYPE_USAGE, false},
	[SETUP_VALUE_RANGE] = {PG_VALUE_RANGE_INSERT, PG_VALUE_RANGE_GET, PG_VALUE_RANGE_UPDATE,
			       PG_VALUE_RANGE_DELETE, PG_VALUE_RANGE_LIST, PG_VALUE_RANGE_USAGE,
			       false},
	[SETUP_DEADLINE_TYPE] = {PG_DEADLINE_TYPE_INSERT, PG_DEADLINE_TYPE_GET,
				 PG_DEADLINE_TYPE_UPDATE, PG_DEADLINE_TYPE_DELETE,
				 PG_DEADLINE_TYPE_LIST, PG_DEADLINE_TYPE_USAGE, false},
	[SETUP_FLAG] = {PG_FLAG_INSERT, PG_FLAG_GET, PG_FLAG_UPDATE, PG_FLAG_DELETE, PG_FLAG_LIST,
			PG_FLAG_USAGE, false},
	[SETUP_UDF_FIELD] = {PG_UDF_FIELD_INSERT, PG_UDF_FIELD_GET, PG_UDF_FIELD_UPDATE,
			     PG_UDF_FIELD_DELETE, PG_UDF_FIELD_LIST, PG_UDF_FIELD_USAGE, true},
};

/* pg_setup_for gives the statements of kind, or NULL (with the message set) for a bad kind. */
static const struct pg_setup_statements *pg_setup_for(struct pg_conn *c,
						      enum store_setup_kind kind)
{
	if ((int)kind < 0 || kind >= SETUP__COUNT) {
		snprintf(c->base.last_error, sizeof c->base.last_error, "setup: no list of kind %d",
			 (int)kind);
		return NULL;
	}
	return &pg_setup[kind];
}

/* pg_read_setup reads the shared setup columns; the caller sets the kind. */
static void pg_read_setup(const PGresult *r, int row, void *out)
{
	struct store_setup_item *item = out;
	item->id = pg_i64(r, row, 0);
	pg_text(r, row, 1, item->name, sizeof item->name);
	item->parent_id = pg_i64(r, row, 2);
	pg_text(r, row, 3, item->group, sizeof item->group);
	pg_text(r, row, 4, item->category, sizeof item->category);
	item->days = pg_i64(r, row, 5);
	item->stage = pg_bool(r, row, 6);
	item->closing = pg_bool(r, row, 7);
	item->client_facing = pg_bool(r, row, 8);
	item->low_cents = pg_i64(r, row, 9);
	item->high_cents = pg_i64(r, row, 10);
	item->limit_cents = pg_i64(r, row, 11);
	item->position = pg_i64(r, row, 12);
	item->version = pg_i64(r, row, 13);
	pg_text(r, row, 14, item->code, sizeof item->code);
	pg_text(r, row, 15, item->text, sizeof item->text);
	pg_text(r, row, 16, item->target, sizeof item->target);
	item->required = pg_bool(r, row, 17);
	/* staff roles (only) read one column more: the primary advisor flag of migration 0004 */
	if (PQnfields(r) > 18)
		item->primary_advisor = pg_bool(r, row, 18);
}

/* pg_bind_setup_fields binds the fields item's kind uses, in its statements' order. */
static void pg_bind_setup_fields(struct pg_params *p, const struct store_setup_item *item)
{
	pg_p_text(p, item->name);
	switch (item->kind) {
	case SETUP_CASE_TYPE:
		pg_p_text(p, item->group);
		break;
	case SETUP_CASE_SUBTYPE:
		pg_p_i64(p, item->parent_id);
		break;
	case SETUP_STATUS_TYPE:
		pg_p_bool(p, item->stage);
		break;
	case SETUP_STATUS:
		pg_p_i64(p, item->parent_id);
		pg_p_i64(p, item->days);
		pg_p_bool(p, item->closing);
		pg_p_text(p, item->group);
		break;
	case SETUP_CLOSE_REASON:
	case SETUP_DEADLINE_TYPE:
		break;
	case SETUP_ROLE:
		pg_p_text(p, item->category);
		pg_p_bool(p, item->primary_advisor);
		break;
	case SETUP_NOTE_TYPE:
		pg_p_bool(p, item->client_facing);
		break;
	case SETUP_VALUE_RANGE:
		pg_p_i64(p, item->low_cents);
		pg_p_i64(p, item->high_cents);
		pg_p_i64(p, item->limit_cents);
		break;
	case SETUP_FLAG:
		pg_p_text(p, item->code);
		pg_p_text(p, item->text);
		pg_p_text(p, item->target);
		break;
	case SETUP_UDF_FIELD:
		pg_p_i64(p, item->parent_id);
		pg_p_text(p, item->code);
		pg_p_bool(p, item->required);
		pg_p_text(p, item->text);
		break;
	case SETUP__COUNT:
		break;
	}
	pg_p_i64(p, item->position);
}

int pg_setup_insert(struct store_conn *base, struct store_setup_item *item)
{
	struct pg_conn *c = pg_conn(base);
	const struct pg_setup_statements *st = pg_setup_for(c, item->kind);
	if (!st)
		return STORE_ERROR;
	struct pg_params p = {0};
	pg_bind_setup_fields(&p, item);
	int rc = pg_insert_id(c, st->insert, &p, &item->id);
	if (rc == STORE_OK)
		item->version = 1;
	return rc;
}

int pg_setup_get(struct store_conn *base, enum store_setup_kind kind, int64_t id,
		 struct store_setup_item *item)
{
	struct pg_conn *c = pg_conn(base);
	const struct pg_setup_statements *st = pg_setup_for(c, kind);
	if (!st)
		return STORE_ERROR;
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	memset(item, 0, sizeof *item);
	item->kind = kind;
	return pg_one(c, st->get, &p, pg_read_setup, item);
}

int pg_setup_update(struct store_conn *base, struct store_setup_item *item)
{
	struct pg_conn *c = pg_conn(base);
	const struct pg_setup_statements *st = pg_setup_for(c, item->kind);
	if (!st)
		return STORE_ERROR;
	struct pg_params p = {0};
	pg_p_i64(&p, item->id);
	pg_bind_setup_fields(&p, item);
	pg_p_i64(&p, item->version);
	return pg_update_versioned(c, st->update, &p, &item->version, NULL, NULL);
}

int pg_setup_delete(struct store_conn *base, enum store_setup_kind kind, int64_t id)
{
	struct pg_conn *c = pg_conn(base);
	const struct pg_setup_statements *st = pg_setup_for(c, kind);
	if (!st)
		return STORE_ERROR;
	return pg_write_of(c, st->delete, id);
}

struct pg_setup_walk {
	enum store_setup_kind kind;
	store_setup_each_fn each;
	void *ctx;
};

static int pg_visit_setup(const PGresult *r, int row, void *ctx)
{
	struct pg_setup_walk *w = ctx;
	struct store_setup_item item;
	memset(&item, 0, sizeof item);
	item.kind = w->kind;
	pg_read_setup(r, row, &item);
	return w->each(&item, w->ctx);
}

int pg_setup_list(struct store_conn *base, enum store_setup_kind kind, int64_t parent_id,
		  store_setup_each_fn each, void *ctx)
{
	struct pg_conn *c = pg_conn(base);
	const struct pg_setup_statements *st = pg_setup_for(c, kind);
	if (!st)
		return STORE_ERROR;
	struct pg_params p = {0};
	if (st->has_parent)
		pg_p_i64(&p, parent_id);
	struct pg_setup_walk w = {kind, each, ctx};
	return pg_each(c, st->list, &p, pg_visit_setup, &w);
}

struct pg_usage_out {
	char *where;
	int64_t *count;
};

static void pg_read_usage(const PGresult *r, int row, void *out)
{
	struct pg_usage_out *o = out;
	pg_text(r, row, 0, o->where, 64);
	*o->count = pg_i64(r, row, 1);
}

int pg_usage(struct pg_conn *c, enum pg_id id, int64_t row_id, char where[64], int64_t *count)
{
	struct pg_params p = {0};
	pg_p_i64(&p, row_id);
	where[0] = '\0';
	*count = 0;
	struct pg_usage_out o = {where, count};
	int rc = pg_one(c, id, &p, pg_read_usage, &o);
	return rc == STORE_NOT_FOUND ? STORE_OK : rc;  /* no row: used nowhere */
}

int pg_setup_usage(struct store_conn *base, enum store_setup_kind kind, int64_t id,
		   char where[64], int64_t *count)
{
	struct pg_conn *c = pg_conn(base);
	const struct pg_setup_statements *st = pg_setup_for(c, kind);
	if (!st)
		return STORE_ERROR;
	return pg_usage(c, st->usage, id, where, count);
}

int pg_stage_first(struct store_conn *base, const char *group, struct store_setup_item *status)
{
	struct pg_params p = {0};
	pg_p_text(&p, group ? group : "");
	memset(status, 0, sizeof *status);
	status->kind = SETUP_STATUS;
	return pg_one(pg_conn(base), PG_STAGE_FIRST, &p, pg_read_setup, status);
}
