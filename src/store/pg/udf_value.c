/* udf_value.c - PostgreSQL rows of udf_value: the values of a case's user-defined fields, one
 * row per field that has one, as the canonical text domain/udf.c makes of it.
 *
 * Mirrors ../sqlite/udf_value.c. The fields themselves are a setup list (setup.c,
 * SETUP_UDF_FIELD); validating a value against its field's format and options is
 * domain/udf.c. */
#include "store/pg/pg.h"

#include <string.h>

/* pg_udf_value_set stores value, or removes the row when value is "" (or NULL). */
int pg_udf_value_set(struct store_conn *base, int64_t case_id, int64_t field_id,
		     const char *value)
{
	bool clear = value == NULL || value[0] == '\0';
	struct pg_params p = {0};
	pg_p_i64(&p, case_id);
	pg_p_i64(&p, field_id);
	if (!clear)
		pg_p_text(&p, value);
	return pg_exec_write(pg_conn(base), clear ? PG_UDF_VALUE_CLEAR : PG_UDF_VALUE_SET, &p, 0);
}

struct pg_udf_value_walk {
	store_udf_value_each_fn each;
	void *ctx;
};

static int pg_visit_udf_value(const PGresult *r, int row, void *ctx)
{
	struct pg_udf_value_walk *w = ctx;
	struct store_udf_value v;
	memset(&v, 0, sizeof v);
	v.case_id = pg_i64(r, row, 0);
	v.field_id = pg_i64(r, row, 1);
	pg_text(r, row, 2, v.value, sizeof v.value);
	return w->each(&v, w->ctx);
}

int pg_udf_value_list(struct store_conn *base, int64_t case_id, store_udf_value_each_fn each,
		      void *ctx)
{
	struct pg_udf_value_walk w = {each, ctx};
	return pg_each_of(pg_conn(base), PG_UDF_VALUE_LIST, case_id, pg_visit_udf_value, &w);
}
