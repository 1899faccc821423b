/* udf.h - user-defined fields: the administrator defines fields per case type (setup list
 * udf-fields: name, format, required, picklist options) and each case of that type carries a
 * value for each. Formats: text (<= 1000 bytes), number (a JSON number), money (a JSON number
 * with at most two decimals, kept as cents), date ("YYYY-MM-DD"), yesno (true/false) and
 * picklist (one of the options). A value of the wrong type, or not among the options, is
 * ERR_UNPROCESSABLE naming the field ("values.<field name>"); a required field may not be
 * cleared.
 *
 * Reading follows the case; writing needs case_edit and writes one "udf.changed" event
 * naming the fields changed. */
#ifndef CASELOAD_UDF_H
#define CASELOAD_UDF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

#define UDF_SET_MAX 64

/* udf_format_valid says whether f is one of the formats above. */
bool udf_format_valid(const char *f);

/* What the caller gave for one field: its JSON type and text (numbers as written, booleans
 * "true"/"false"). */
enum udf_input_type { UDF_IN_NULL, UDF_IN_STRING, UDF_IN_NUMBER, UDF_IN_BOOL };

struct udf_input {
	char name[STORE_NAME_MAX + 1];
	enum udf_input_type type;
	char text[STORE_UDF_VALUE_MAX + 1];
};

/* udf_number_text writes a JSON number's double as the shortest text that reads back as the
 * same double ("0.1", "1250.5", "42"), for struct udf_input's text. */
void udf_number_text(double v, char *out, size_t size);

/* udf_canonical checks one input against its field and writes the stored text into out
 * (size bytes): text as is, number normalised ("12.5"), money as cents ("1250"), date as
 * is, yesno "1"/"0", picklist as the option; "" for a clear. ERR_UNPROCESSABLE on
 * "values.<name>" otherwise. */
int udf_canonical(const struct store_setup_item *field, const struct udf_input *in, char *out,
		  size_t size, struct err *e);

/* One field of a case with its value (stored text; "" = no value). */
struct udf_entry {
	struct store_setup_item field;
	char value[STORE_UDF_VALUE_MAX + 1];
};
typedef int (*udf_each_fn)(const struct udf_entry *u, void *ctx);

/* udf_list walks the fields of the case's type in (position, name) order with their values. */
/* udf_walk_case is udf_list for a case already loaded (k, read through case_load): no rights
 * check and no second read of the case. The case summary uses it. */
int udf_walk_case(struct store_conn *c, const struct store_case *k, udf_each_fn each, void *ctx,
		  struct err *e);

int udf_list(struct store_conn *c, const struct actor *a, int64_t case_id, udf_each_fn each,
	     void *ctx, struct err *e);

/* udf_set writes inputs[0..n) in one transaction (all or nothing). An unknown name is
 * ERR_UNPROCESSABLE on "values.<name>". */
int udf_set(struct store_conn *c, const struct actor *a, int64_t case_id,
	    const struct udf_input *inputs, int n, struct err *e);

#endif
