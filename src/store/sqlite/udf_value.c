/* udf_value.c - SQLite rows of udf_value: the values of a case's user-defined fields, one row
 * per field that has one, as the canonical text domain/udf.c makes of it.
 *
 * The fields themselves are a setup list (setup.c, SETUP_UDF_FIELD); validating a value
 * against its field's format and options is domain/udf.c. */
#include "store/sqlite/sqlite.h"

/* sqlite_udf_value_set stores value, or removes the row when value is "". */
int sqlite_udf_value_set(struct store_conn *base, int64_t case_id, int64_t field_id,
			 const char *value)
{
	struct sqlite_conn *c = sq_conn(base);
	int clear = value == NULL || value[0] == '\0';
	sqlite3_stmt *st = sq_stmt_ids(c, clear ? SQ_UDF_VALUE_CLEAR : SQ_UDF_VALUE_SET, case_id,
				       field_id);
	if (!st)
		return STORE_ERROR;
	if (!clear)
		sqlite3_bind_text(st, 3, value, -1, SQLITE_STATIC);
	return sq_exec_write(c, st, 0);
}

struct sq_udf_value_walk {
	store_udf_value_each_fn each;
	void *ctx;
};

static int sq_visit_udf_value(sqlite3_stmt *st, void *ctx)
{
	struct sq_udf_value_walk *w = ctx;
	struct store_udf_value v;
	v.case_id = sqlite3_column_int64(st, 0);
	v.field_id = sqlite3_column_int64(st, 1);
	sq_text(st, 2, v.value, sizeof v.value);
	return w->each(&v, w->ctx);
}

int sqlite_udf_value_list(struct store_conn *base, int64_t case_id, store_udf_value_each_fn each,
			  void *ctx)
{
	struct sq_udf_value_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_UDF_VALUE_LIST, case_id, sq_visit_udf_value, &w);
}
