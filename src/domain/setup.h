/* setup.h - the firm's vocabulary and settings: case types and their subtypes, status types
 * (one of them the stage) and their statuses, close reasons, staff roles, note types, case
 * value ranges, critical-deadline types, the case summary's flags (name, condition, parameter,
 * target) and the user-defined fields of each case type (name, format, required, picklist
 * options), as the eleven setup lists of store.h under one set of rules; and the firm's
 * settings (the case number pattern).
 *
 * Anyone logged in may read; every change needs admin. Offices are domain/office.c, the US
 * state codes domain/us_state.c, contacts domain/contact.c. How a case uses the lists (its first
 * stage, the closing rule of a status change) is domain/case.c and case_status.c; what a flag's
 * condition means is domain/flag.c, what a UDF's format accepts domain/udf.c. */
#ifndef CASELOAD_SETUP_H
#define CASELOAD_SETUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

/* Which members of struct setup_fields were given (for PATCH). A kind has only some of them
 * (setup_kind_fields); giving another is ERR_UNPROCESSABLE. */
enum setup_field_bit {
	SETUP_F_NAME = 1u << 0,
	SETUP_F_PARENT = 1u << 1,         /* case_type_id of a subtype, status_type_id of a status */
	SETUP_F_GROUP = 1u << 2,
	SETUP_F_CATEGORY = 1u << 3,
	SETUP_F_DAYS = 1u << 4,           /* expected_days */
	SETUP_F_STAGE = 1u << 5,
	SETUP_F_CLOSING = 1u << 6,
	SETUP_F_CLIENT_FACING = 1u << 7,
	SETUP_F_LOW = 1u << 8,            /* low_cents */
	SETUP_F_HIGH = 1u << 9,           /* high_cents */
	SETUP_F_LIMIT = 1u << 10,         /* disbursement_limit_cents */
	SETUP_F_POSITION = 1u << 11,
	SETUP_F_CODE = 1u << 12,          /* a flag's condition, a UDF field's format */
	SETUP_F_TEXT = 1u << 13,          /* a flag's param, a UDF field's options (one per line) */
	SETUP_F_TARGET = 1u << 14,        /* a flag's target */
	SETUP_F_REQUIRED = 1u << 15,      /* a UDF field's required mark */
	SETUP_F_PRIMARY_ADVISOR = 1u << 16, /* a role of category advisor: the primary one */
};

/* A UDF field's name is at most this long, so that "values.<name>" fits an error's field. */
#define SETUP_UDF_NAME_MAX 56

/* What a create or edit asks for: the values of the present members in v (kind, id and
 * version of v are ignored). */
struct setup_fields {
	uint32_t present;   /* enum setup_field_bit */
	struct store_setup_item v;
};

/* Which items a list call walks. */
struct setup_filter {
	int64_t parent_id;                 /* subtypes / statuses of this parent; 0 = all */
	char group[STORE_GROUP_MAX + 1];   /* statuses of this group and of every group; "" = all */
};

#define SETUP_CASE_NUMBER_PATTERN_DEFAULT "{YYYY}-{SEQ:5}"
#define SETUP_S_CASE_NUMBER_PATTERN (1u << 0)

/* The firm's settings. */
struct setup_settings {
	char case_number_pattern[STORE_SETTING_MAX + 1];
};

/* setup_kind_name says what one item of a list is called in messages ("case type"). */
const char *setup_kind_name(enum store_setup_kind kind);

/* setup_kind_fields gives the set of enum setup_field_bit a kind has. */
uint32_t setup_kind_fields(enum store_setup_kind kind);

/* setup_group_valid says whether group is legal, insurance, mortgage, protection or support. */
bool setup_group_valid(const char *group);

/* setup_category_valid says whether category is a staff role category: "", attorney,
 * paralegal, case_manager, advisor or owner. */
bool setup_category_valid(const char *category);

/* setup_trim removes white space at both ends of s, in place; false when nothing is left. */
bool setup_trim(char *s);

/* setup_create adds an item to the list of kind (admin). Rules: a name (trimmed, not empty);
 * a case type's group; a subtype's and a UDF field's case type and a status's status type
 * exist (422 on case_type_id / status_type_id); a closing status belongs to the stage type (422
 * on closing); expected_days and cents >= 0, low <= high (422 on high_cents); a known role
 * category; a flag's condition, param and target as flag_condition_valid says (422 on
 * condition / param / target); a UDF field's format (422 on format), its name at most
 * SETUP_UDF_NAME_MAX bytes without '=' (422 on name), options for a picklist only, required
 * and non-empty there, each line not blank and not repeated (422 on options); primary_advisor
 * only on a role of category advisor (422 on primary_advisor); a second stage
 * type is ERR_CONFLICT on stage, a taken name (within the case type for subtypes and UDF
 * fields) ERR_CONFLICT on name. */
int setup_create(struct store_conn *c, const struct actor *a, enum store_setup_kind kind,
		 const struct setup_fields *f, struct store_setup_item *out, struct err *e);

/* setup_update changes the given members of item id when version is current (ERR_CONFLICT on
 * header.If-Match otherwise), with the rules of setup_create over the result. The stage flag of
 * a status type that has statuses cannot change (ERR_CONFLICT on stage), nor the format or the
 * case type of a UDF field that cases have values for (ERR_CONFLICT on format / case_type_id).
 * A UDF field that stops being a picklist loses its options. */
int setup_update(struct store_conn *c, const struct actor *a, enum store_setup_kind kind,
		 int64_t id, int64_t version, const struct setup_fields *f,
		 struct store_setup_item *out, struct err *e);

/* setup_delete removes an item that nothing uses (admin); ERR_CONFLICT "in use: N where"
 * otherwise, ERR_NOT_FOUND when absent. */
int setup_delete(struct store_conn *c, const struct actor *a, enum store_setup_kind kind,
		 int64_t id, struct err *e);

/* setup_get reads one item (anyone logged in); ERR_NOT_FOUND when absent. */
int setup_get(struct store_conn *c, const struct actor *a, enum store_setup_kind kind,
	      int64_t id, struct store_setup_item *out, struct err *e);

/* setup_list calls each for the items of kind that pass filter (NULL = all), in (position,
 * name) order; each returns non-zero to stop. Anyone logged in. A parent filter naming no
 * parent is ERR_UNPROCESSABLE on case_type_id / status_type_id. */
int setup_list(struct store_conn *c, const struct actor *a, enum store_setup_kind kind,
	       const struct setup_filter *filter, store_setup_each_fn each, void *ctx,
	       struct err *e);

/* setup_find_by_name looks an item up by its exact name (within parent_id when > 0); ERR_NOT_FOUND
 * when there is none. For the CLI (demo data, imports). */
int setup_find_by_name(struct store_conn *c, enum store_setup_kind kind, int64_t parent_id,
		       const char *name, struct store_setup_item *out, struct err *e);

/* setup_settings_get reads the firm's settings (anyone logged in), defaults filled in. */
int setup_settings_get(struct store_conn *c, const struct actor *a, struct setup_settings *out,
		       struct err *e);

/* setup_settings_update writes the members of in flagged in present (SETUP_S_*; admin) and
 * gives the settings after it in out. The case number pattern must expand by
 * case_number_format (ERR_UNPROCESSABLE on case_number_pattern otherwise). */
int setup_settings_update(struct store_conn *c, const struct actor *a, uint32_t present,
			  const struct setup_settings *in, struct setup_settings *out,
			  struct err *e);

/* setup_case_number_pattern copies the firm's case number pattern (the default when unset)
 * into out (size bytes; too small is ERR_INTERNAL). No rights check: for domain/case.c, which
 * can call it inside its transaction. */
int setup_case_number_pattern(struct store_conn *c, char *out, size_t size, struct err *e);

#endif
