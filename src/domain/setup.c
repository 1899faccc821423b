/* setup.c - rules for the setup lists and the firm's settings (see setup.h). The lists' SQL is
 * in store/<backend>/, their JSON form in api/setup.c, the demo vocabulary in cli/demo.c. What
 * a flag's condition means is domain/flag.c, what a UDF field's format accepts domain/udf.c. */
#include "domain/setup.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/flag.h"
#include "domain/rights.h"
#include "domain/udf.h"
#include "domain/user.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define SETUP_KEY_CASE_NUMBER_PATTERN "case_number_pattern"

struct setup_kind_info {
	const char *name;                  /* one item, in messages */
	uint32_t fields;                   /* enum setup_field_bit */
	const char *parent_field;          /* the input member naming the parent; NULL = none */
	enum store_setup_kind parent_kind;
	const char *code_field;            /* the input member of SETUP_F_CODE; NULL = none */
	const char *text_field;            /* the input member of SETUP_F_TEXT; NULL = none */
};

static const struct setup_kind_info setup_kinds[SETUP__COUNT] = {
	[SETUP_CASE_TYPE] = {"case type", SETUP_F_NAME | SETUP_F_GROUP | SETUP_F_POSITION,
			     NULL, SETUP_CASE_TYPE},
	[SETUP_CASE_SUBTYPE] = {"case subtype", SETUP_F_NAME | SETUP_F_PARENT | SETUP_F_POSITION,
				"case_type_id", SETUP_CASE_TYPE},
	[SETUP_STATUS_TYPE] = {"status type", SETUP_F_NAME | SETUP_F_STAGE | SETUP_F_POSITION,
			       NULL, SETUP_STATUS_TYPE},
	[SETUP_STATUS] = {"status", SETUP_F_NAME | SETUP_F_PARENT | SETUP_F_DAYS | SETUP_F_CLOSING |
			  SETUP_F_GROUP | SETUP_F_POSITION, "status_type_id", SETUP_STATUS_TYPE},
	[SETUP_CLOSE_REASON] = {"close reason", SETUP_F_NAME | SETUP_F_POSITION,
				NULL, SETUP_CLOSE_REASON},
	[SETUP_ROLE] = {"role", SETUP_F_NAME | SETUP_F_CATEGORY | SETUP_F_PRIMARY_ADVISOR |
			SETUP_F_POSITION, NULL, SETUP_ROLE},
	[SETUP_NOTE_TYPE] = {"note type", SETUP_F_NAME | SETUP_F_CLIENT_FACING | SETUP_F_POSITION,
			     NULL, SETUP_NOTE_TYPE},
	[SETUP_VALUE_RANGE] = {"value range", SETUP_F_NAME | SETUP_F_LOW | SETUP_F_HIGH |
			       SETUP_F_LIMIT | SETUP_F_POSITION, NULL, SETUP_VALUE_RANGE},
	[SETUP_DEADLINE_TYPE] = {"deadline type", SETUP_F_NAME | SETUP_F_POSITION,
				 NULL, SETUP_DEADLINE_TYPE},
	[SETUP_FLAG] = {"flag", SETUP_F_NAME | SETUP_F_CODE | SETUP_F_TEXT | SETUP_F_TARGET |
			SETUP_F_POSITION, NULL, SETUP_FLAG, "condition", "param"},
	[SETUP_UDF_FIELD] = {"user-defined field", SETUP_F_NAME | SETUP_F_PARENT | SETUP_F_CODE |
			     SETUP_F_REQUIRED | SETUP_F_TEXT | SETUP_F_POSITION,
			     "case_type_id", SETUP_CASE_TYPE, "format", "options"},
};

/* The input member of each field bit (the parent's depends on the kind). */
static const struct {
	uint32_t bit;
	const char *name;
} setup_field_names[] = {
	{SETUP_F_NAME, "name"},
	{SETUP_F_PARENT, "parent_id"},
	{SETUP_F_GROUP, "group"},
	{SETUP_F_CATEGORY, "category"},
	{SETUP_F_DAYS, "expected_days"},
	{SETUP_F_STAGE, "stage"},
	{SETUP_F_CLOSING, "closing"},
	{SETUP_F_CLIENT_FACING, "client_facing"},
	{SETUP_F_LOW, "low_cents"},
	{SETUP_F_HIGH, "high_cents"},
	{SETUP_F_LIMIT, "disbursement_limit_cents"},
	{SETUP_F_POSITION, "position"},
	{SETUP_F_CODE, "code"},
	{SETUP_F_TEXT, "text"},
	{SETUP_F_TARGET, "target"},
	{SETUP_F_REQUIRED, "required"},
	{SETUP_F_PRIMARY_ADVISOR, "primary_advisor"},
};

static const char *const setup_groups[] = {"legal", "insurance", "mortgage", "protection",
					   "support"};
static const char *const setup_categories[] = {"", "attorney", "paralegal", "case_manager",
					       "advisor", "owner"};

static bool setup_kind_ok(enum store_setup_kind kind)
{
	return (unsigned)kind < SETUP__COUNT;
}

const char *setup_kind_name(enum store_setup_kind kind)
{
	return setup_kind_ok(kind) ? setup_kinds[kind].name : "setup item";
}

uint32_t setup_kind_fields(enum store_setup_kind kind)
{
	return setup_kind_ok(kind) ? setup_kinds[kind].fields : 0;
}

static bool setup_in(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

bool setup_group_valid(const char *group)
{
	return setup_in(group, setup_groups, sizeof setup_groups / sizeof setup_groups[0]);
}

bool setup_category_valid(const char *category)
{
	return setup_in(category, setup_categories,
			sizeof setup_categories / sizeof setup_categories[0]);
}

bool setup_trim(char *s)
{
	size_t n = strlen(s), start = 0;
	while (start < n && isspace((unsigned char)s[start]))
		start++;
	while (n > start && isspace((unsigned char)s[n - 1]))
		n--;
	memmove(s, s + start, n - start);
	s[n - start] = '\0';
	return n > start;
}

static const char *setup_field_name(enum store_setup_kind kind, uint32_t bit)
{
	if (bit == SETUP_F_PARENT && setup_kinds[kind].parent_field)
		return setup_kinds[kind].parent_field;
	if (bit == SETUP_F_CODE && setup_kinds[kind].code_field)
		return setup_kinds[kind].code_field;
	if (bit == SETUP_F_TEXT && setup_kinds[kind].text_field)
		return setup_kinds[kind].text_field;
	for (size_t i = 0; i < sizeof setup_field_names / sizeof setup_field_names[0]; i++)
		if (setup_field_names[i].bit == bit)
			return setup_field_names[i].name;
	return "body";
}

/* setup_options_trim trims every line of a UDF field's options in place (blank lines stay, for
 * setup_check_options to refuse). */
static void setup_options_trim(char *text)
{
	size_t out = 0;
	char *line = text;
	for (bool first = true;; first = false) {
		size_t n = strcspn(line, "\n");
		char sep = line[n];
		char *next = line + n + (sep ? 1 : 0);
		line[n] = '\0';
		setup_trim(line);
		size_t len = strlen(line);
		if (!first)
			text[out++] = '\n';
		memmove(text + out, line, len);
		out += len;
		if (!sep)
			break;
		line = next;
	}
	text[out] = '\0';
}

/* setup_apply copies the present members of f into item (the name trimmed). */
static void setup_apply(struct store_setup_item *item, const struct setup_fields *f)
{
	const struct store_setup_item *v = &f->v;
	if (f->present & SETUP_F_NAME) {
		snprintf(item->name, sizeof item->name, "%s", v->name);
		setup_trim(item->name);
	}
	if (f->present & SETUP_F_PARENT)
		item->parent_id = v->parent_id;
	if (f->present & SETUP_F_GROUP)
		snprintf(item->group, sizeof item->group, "%s", v->group);
	if (f->present & SETUP_F_CATEGORY)
		snprintf(item->category, sizeof item->category, "%s", v->category);
	if (f->present & SETUP_F_DAYS)
		item->days = v->days;
	if (f->present & SETUP_F_STAGE)
		item->stage = v->stage;
	if (f->present & SETUP_F_CLOSING)
		item->closing = v->closing;
	if (f->present & SETUP_F_CLIENT_FACING)
		item->client_facing = v->client_facing;
	if (f->present & SETUP_F_LOW)
		item->low_cents = v->low_cents;
	if (f->present & SETUP_F_HIGH)
		item->high_cents = v->high_cents;
	if (f->present & SETUP_F_LIMIT)
		item->limit_cents = v->limit_cents;
	if (f->present & SETUP_F_POSITION)
		item->position = v->position;
	if (f->present & SETUP_F_CODE) {
		snprintf(item->code, sizeof item->code, "%s", v->code);
		setup_trim(item->code);
	}
	if (f->present & SETUP_F_TEXT) {
		snprintf(item->text, sizeof item->text, "%s", v->text);
		if (item->kind == SETUP_UDF_FIELD)
			setup_options_trim(item->text);
		else
			setup_trim(item->text);
	}
	if (f->present & SETUP_F_TARGET) {
		snprintf(item->target, sizeof item->target, "%s", v->target);
		setup_trim(item->target);
	}
	if (f->present & SETUP_F_REQUIRED)
		item->required = v->required;
	if (f->present & SETUP_F_PRIMARY_ADVISOR)
		item->primary_advisor = v->primary_advisor;
	/* a field that is no longer a picklist keeps no options, unless some were given (which
	 * setup_check_udf then refuses) */
	if (item->kind == SETUP_UDF_FIELD && strcmp(item->code, "picklist") != 0 &&
	    !(f->present & SETUP_F_TEXT))
		item->text[0] = '\0';
}

/* setup_check_options checks a picklist's options: at least one, none blank or repeated. */
static int setup_check_options(const char *text, struct err *e)
{
	if (!text[0])
		return err_set(e, ERR_UNPROCESSABLE, "options", "a picklist needs at least one option");
	for (const char *line = text; *line;) {
		size_t n = strcspn(line, "\n");
		if (n == 0)
			return err_set(e, ERR_UNPROCESSABLE, "options", "an option must not be blank");
		for (const char *other = text; other < line;) {
			size_t m = strcspn(other, "\n");
			if (m == n && memcmp(other, line, n) == 0)
				return err_set(e, ERR_UNPROCESSABLE, "options", "'%.*s' is there twice",
					       (int)(n > 80 ? 80 : n), line);
			other += m + 1;
		}
		line += n;
		if (*line == '\n') {
			line++;
			if (!*line)
				return err_set(e, ERR_UNPROCESSABLE, "options", "an option must not be blank");
		}
	}
	return 0;
}

/* setup_check_udf checks a UDF field's name, format and options. */
static int setup_check_udf(const struct store_setup_item *it, struct err *e)
{
	if (strlen(it->name) > SETUP_UDF_NAME_MAX)
		return err_set(e, ERR_UNPROCESSABLE, "name", "must be at most %d bytes long",
			       SETUP_UDF_NAME_MAX);
	if (strchr(it->name, '='))
		return err_set(e, ERR_UNPROCESSABLE, "name",
			       "must not contain '=' (flag rules write \"Field name=value\")");
	if (!udf_format_valid(it->code))
		return err_set(e, ERR_UNPROCESSABLE, "format",
			       it->code[0] ? "must be text, number, money, date, yesno or picklist"
					   : "is required: text, number, money, date, yesno or picklist");
	if (strcmp(it->code, "picklist") == 0)
		return setup_check_options(it->text, e);
	if (it->text[0])
		return err_set(e, ERR_UNPROCESSABLE, "options", "only a picklist has options");
	return 0;
}

/* setup_check_values checks the rules that need no database on the item as it would be. */
static int setup_check_values(enum store_setup_kind kind, const struct store_setup_item *it,
			      uint32_t present, bool creating, struct err *e)
{
	uint32_t fields = setup_kinds[kind].fields;
	uint32_t extra = present & ~fields;
	if (extra)
		return err_set(e, ERR_UNPROCESSABLE, setup_field_name(kind, extra & -extra),
			       "is not a member of a %s", setup_kinds[kind].name);
	if (creating && !(present & SETUP_F_NAME))
		return err_set(e, ERR_UNPROCESSABLE, "name", "is required");
	if (!it->name[0])
		return err_set(e, ERR_UNPROCESSABLE, "name", "must not be empty");
	if (kind == SETUP_CASE_TYPE && !setup_group_valid(it->group))
		return err_set(e, ERR_UNPROCESSABLE, "group",
			       it->group[0] ? "must be legal, insurance, mortgage, protection or support"
					    : "is required: legal, insurance, mortgage, protection or support");
	if (kind == SETUP_STATUS && it->group[0] && !setup_group_valid(it->group))
		return err_set(e, ERR_UNPROCESSABLE, "group",
			       "must be legal, insurance, mortgage, protection, support or null (every group)");
	if ((fields & SETUP_F_CATEGORY) && !setup_category_valid(it->category))
		return err_set(e, ERR_UNPROCESSABLE, "category",
			       "must be \"\", attorney, paralegal, case_manager, advisor or owner");
	if (kind == SETUP_ROLE && it->primary_advisor && strcmp(it->category, "advisor") != 0)
		return err_set(e, ERR_UNPROCESSABLE, "primary_advisor",
			       "only a role of category advisor can be a primary advisor role");
	if (it->days < 0)
		return err_set(e, ERR_UNPROCESSABLE, "expected_days", "must be 0 or more");
	if (it->low_cents < 0)
		return err_set(e, ERR_UNPROCESSABLE, "low_cents", "must be 0 or more");
	if (it->high_cents < 0)
		return err_set(e, ERR_UNPROCESSABLE, "high_cents", "must be 0 or more");
	if (it->limit_cents < 0)
		return err_set(e, ERR_UNPROCESSABLE, "disbursement_limit_cents", "must be 0 or more");
	if (it->low_cents > it->high_cents)
		return err_set(e, ERR_UNPROCESSABLE, "high_cents", "must not be below low_cents");
	if (kind == SETUP_FLAG)
		return flag_condition_valid(it->code, it->text, it->target, e);
	if (kind == SETUP_UDF_FIELD)
		return setup_check_udf(it, e);
	return 0;
}

struct setup_stage_find {
	int64_t except_id;
	struct store_setup_item found;
};

static int setup_stage_each(const struct store_setup_item *it, void *ctx)
{
	struct setup_stage_find *f = ctx;
	if (!it->stage || it->id == f->except_id)
		return 0;
	f->found = *it;
	return 1;
}

/* setup_refuse_in_use refuses (ERR_CONFLICT on field) a change of item it that needs it to be
 * unused, when it is in use. */
static int setup_refuse_in_use(struct store_conn *c, const struct store_setup_item *it,
			       const char *field, struct err *e)
{
	char where[64] = "";
	int64_t n = 0;
	int rc = store_setup_usage(c, it->kind, it->id, where, &n);
	if (rc != STORE_OK)
		return user_store_error(rc, setup_kinds[it->kind].name, e);
	if (n > 0)
		return err_set(e, ERR_CONFLICT, field, "cannot change while the %s is in use: %lld %s",
			       setup_kinds[it->kind].name, (long long)n, where);
	return 0;
}

/* setup_check_stage refuses a second stage type and a stage flag change of a type in use. */
static int setup_check_stage(struct store_conn *c, const struct store_setup_item *it,
			     const struct store_setup_item *old, struct err *e)
{
	if (old && old->stage != it->stage) {
		int rc = setup_refuse_in_use(c, it, "stage", e);
		if (rc != 0)
			return rc;
	}
	if (!it->stage || (old && old->stage))
		return 0;
	struct setup_stage_find f = {.except_id = it->id};
	int rc = store_setup_list(c, SETUP_STATUS_TYPE, 0, setup_stage_each, &f);
	if (rc != STORE_OK)
		return user_store_error(rc, "status types", e);
	if (f.found.id)
		return err_set(e, ERR_CONFLICT, "stage",
			       "'%s' is already the stage type; there is only one", f.found.name);
	return 0;
}

/* setup_check_udf_use refuses to change the format or the case type of a UDF field that cases
 * have values for. */
static int setup_check_udf_use(struct store_conn *c, const struct store_setup_item *it,
			       const struct store_setup_item *old, struct err *e)
{
	bool format = strcmp(old->code, it->code) != 0;
	if (!format && old->parent_id == it->parent_id)
		return 0;
	return setup_refuse_in_use(c, it, format ? "format" : "case_type_id", e);
}

/* setup_parent_get reads the parent (a case type, a status type) of an item of kind;
 * ERR_UNPROCESSABLE on the parent's member when there is none. */
static int setup_parent_get(struct store_conn *c, enum store_setup_kind kind, int64_t parent_id,
			    struct store_setup_item *parent, struct err *e)
{
	const struct setup_kind_info *k = &setup_kinds[kind];
	int rc = store_setup_get(c, k->parent_kind, parent_id, parent);
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_UNPROCESSABLE, k->parent_field, "there is no %s %lld",
			       setup_kinds[k->parent_kind].name, (long long)parent_id);
	return user_store_error(rc, setup_kinds[k->parent_kind].name, e);
}

/* setup_check checks item (as it would be written) against every rule; old is the stored row
 * when editing, NULL when creating. */
static int setup_check(struct store_conn *c, enum store_setup_kind kind,
		       const struct store_setup_item *it, uint32_t present,
		       const struct store_setup_item *old, struct err *e)
{
	int rc = setup_check_values(kind, it, present, old == NULL, e);
	if (rc != 0)
		return rc;
	if (kind == SETUP_STATUS_TYPE)
		return setup_check_stage(c, it, old, e);
	if (kind == SETUP_UDF_FIELD && old) {
		rc = setup_check_udf_use(c, it, old, e);
		if (rc != 0)
			return rc;
	}
	const struct setup_kind_info *k = &setup_kinds[kind];
	if (!k->parent_field)
		return 0;
	if (it->parent_id <= 0)
		return err_set(e, ERR_UNPROCESSABLE, k->parent_field, "is required");
	struct store_setup_item parent;
	rc = setup_parent_get(c, kind, it->parent_id, &parent, e);
	if (rc != 0)
		return rc;
	if (kind == SETUP_STATUS && it->closing && !parent.stage)
		return err_set(e, ERR_UNPROCESSABLE, "closing",
			       "only a status of the stage type can be the closing status; '%s' is a sub-status type",
			       parent.name);
	return 0;
}

static int setup_name_taken(enum store_setup_kind kind, const char *name, struct err *e)
{
	return err_set(e, ERR_CONFLICT, "name", "a %s named '%s' exists%s", setup_kinds[kind].name,
		       name, setup_kinds[kind].parent_field ? " there already" : "");
}

struct setup_tx {
	enum store_setup_kind kind;
	int64_t id, version;
	const struct setup_fields *f;
	struct store_setup_item *out;
};

static int setup_create_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct setup_tx *t = ctx;
	memset(t->out, 0, sizeof *t->out);
	t->out->kind = t->kind;
	setup_apply(t->out, t->f);
	int rc = setup_check(c, t->kind, t->out, t->f->present, NULL, e);
	if (rc != 0)
		return rc;
	rc = store_setup_insert(c, t->out);
	if (rc == STORE_CONFLICT)
		return setup_name_taken(t->kind, t->out->name, e);
	return user_store_error(rc, setup_kinds[t->kind].name, e);
}

int setup_create(struct store_conn *c, const struct actor *a, enum store_setup_kind kind,
		 const struct setup_fields *f, struct store_setup_item *out, struct err *e)
{
	if (!setup_kind_ok(kind))
		return err_set(e, ERR_INTERNAL, NULL, "unknown setup list %d", (int)kind);
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc != 0)
		return rc;
	struct setup_tx t = {.kind = kind, .f = f, .out = out};
	return store_tx_run(c, setup_create_fn, &t, e);
}

static int setup_update_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct setup_tx *t = ctx;
	const char *what = setup_kinds[t->kind].name;
	int rc = store_setup_get(c, t->kind, t->id, t->out);
	if (rc != STORE_OK)
		return user_store_error(rc, what, e);
	if (t->out->version != t->version)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the %s was changed meanwhile (version %lld, not %lld); reload", what,
			       (long long)t->out->version, (long long)t->version);
	struct store_setup_item old = *t->out;
	setup_apply(t->out, t->f);
	rc = setup_check(c, t->kind, t->out, t->f->present, &old, e);
	if (rc != 0)
		return rc;
	rc = store_setup_update(c, t->out);
	if (rc == STORE_CONFLICT && strcmp(old.name, t->out->name) != 0)
		return setup_name_taken(t->kind, t->out->name, e);
	if (rc == STORE_CONFLICT)
		return err_set(e, ERR_CONFLICT, "header.If-Match", "the %s was changed meanwhile; reload",
			       what);
	return user_store_error(rc, what, e);
}

int setup_update(struct store_conn *c, const struct actor *a, enum store_setup_kind kind,
		 int64_t id, int64_t version, const struct setup_fields *f,
		 struct store_setup_item *out, struct err *e)
{
	if (!setup_kind_ok(kind))
		return err_set(e, ERR_INTERNAL, NULL, "unknown setup list %d", (int)kind);
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc != 0)
		return rc;
	struct setup_tx t = {.kind = kind, .id = id, .version = version, .f = f, .out = out};
	return store_tx_run(c, setup_update_fn, &t, e);
}

static int setup_delete_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct setup_tx *t = ctx;
	const char *what = setup_kinds[t->kind].name;
	int rc = store_setup_get(c, t->kind, t->id, t->out);
	if (rc != STORE_OK)
		return user_store_error(rc, what, e);
	char where[64] = "";
	int64_t n = 0;
	rc = store_setup_usage(c, t->kind, t->id, where, &n);
	if (rc != STORE_OK)
		return user_store_error(rc, what, e);
	if (n > 0)
		return err_set(e, ERR_CONFLICT, NULL, "in use: %lld %s", (long long)n, where);
	return user_store_error(store_setup_delete(c, t->kind, t->id), what, e);
}

int setup_delete(struct store_conn *c, const struct actor *a, enum store_setup_kind kind,
		 int64_t id, struct err *e)
{
	if (!setup_kind_ok(kind))
		return err_set(e, ERR_INTERNAL, NULL, "unknown setup list %d", (int)kind);
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc != 0)
		return rc;
	struct store_setup_item gone;
	struct setup_tx t = {.kind = kind, .id = id, .out = &gone};
	return store_tx_run(c, setup_delete_fn, &t, e);
}

int setup_get(struct store_conn *c, const struct actor *a, enum store_setup_kind kind,
	      int64_t id, struct store_setup_item *out, struct err *e)
{
	if (!setup_kind_ok(kind))
		return err_set(e, ERR_INTERNAL, NULL, "unknown setup list %d", (int)kind);
	return user_store_error(store_setup_get(c, kind, id, out), setup_kinds[kind].name, e);
}

struct setup_walk {
	const struct setup_filter *filter;
	const char *name;   /* setup_find_by_name: the name sought */
	store_setup_each_fn each;
	void *ctx;
};

static int setup_walk_each(const struct store_setup_item *it, void *ctx)
{
	struct setup_walk *w = ctx;
	const char *group = w->filter ? w->filter->group : "";
	if (group[0] && it->group[0] && strcmp(group, it->group) != 0)
		return 0;
	if (w->name && strcmp(w->name, it->name) != 0)
		return 0;
	return w->each(it, w->ctx);
}

int setup_list(struct store_conn *c, const struct actor *a, enum store_setup_kind kind,
	       const struct setup_filter *filter, store_setup_each_fn each, void *ctx,
	       struct err *e)
{
	if (!setup_kind_ok(kind))
		return err_set(e, ERR_INTERNAL, NULL, "unknown setup list %d", (int)kind);
	int64_t parent_id = filter ? filter->parent_id : 0;
	struct store_setup_item parent;
	if (parent_id > 0 && setup_kinds[kind].parent_field) {
		int rc = setup_parent_get(c, kind, parent_id, &parent, e);
		if (rc != 0)
			return rc;
	}
	struct setup_walk w = {filter, NULL, each, ctx};
	int rc = store_setup_list(c, kind, parent_id, setup_walk_each, &w);
	return user_store_error(rc, setup_kinds[kind].name, e);
}

static int setup_found(const struct store_setup_item *it, void *ctx)
{
	*(struct store_setup_item *)ctx = *it;
	return 1;
}

int setup_find_by_name(struct store_conn *c, enum store_setup_kind kind, int64_t parent_id,
		       const char *name, struct store_setup_item *out, struct err *e)
{
	if (!setup_kind_ok(kind))
		return err_set(e, ERR_INTERNAL, NULL, "unknown setup list %d", (int)kind);
	memset(out, 0, sizeof *out);
	struct setup_walk w = {NULL, name, setup_found, out};
	int rc = store_setup_list(c, kind, parent_id, setup_walk_each, &w);
	if (rc != STORE_OK)
		return user_store_error(rc, setup_kinds[kind].name, e);
	if (!out->id)
		return err_set(e, ERR_NOT_FOUND, NULL, "no %s named '%s'", setup_kinds[kind].name, name);
	return 0;
}

/* ---- settings ---------------------------------------------------------------------------- */

int setup_case_number_pattern(struct store_conn *c, char *out, size_t size, struct err *e)
{
	char v[STORE_SETTING_MAX + 1];
	int rc = store_setting_get(c, SETUP_KEY_CASE_NUMBER_PATTERN, v, sizeof v);
	if (rc == STORE_NOT_FOUND)
		snprintf(v, sizeof v, "%s", SETUP_CASE_NUMBER_PATTERN_DEFAULT);
	else if (rc != STORE_OK)
		return user_store_error(rc, "settings", e);
	size_t n = strlen(v);
	if (n >= size)
		return err_set(e, ERR_INTERNAL, NULL, "the case number pattern does not fit %zu bytes",
			       size);
	memcpy(out, v, n + 1);
	return 0;
}

int setup_settings_get(struct store_conn *c, const struct actor *a, struct setup_settings *out,
		       struct err *e)
{
	memset(out, 0, sizeof *out);
	return setup_case_number_pattern(c, out->case_number_pattern,
					 sizeof out->case_number_pattern, e);
}

struct setup_settings_tx {
	uint32_t present;
	const struct setup_settings *in;
};

static int setup_settings_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct setup_settings_tx *t = ctx;
	if (!(t->present & SETUP_S_CASE_NUMBER_PATTERN))
		return 0;
	int rc = store_setting_set(c, SETUP_KEY_CASE_NUMBER_PATTERN, t->in->case_number_pattern);
	return user_store_error(rc, "settings", e);
}

int setup_settings_update(struct store_conn *c, const struct actor *a, uint32_t present,
			  const struct setup_settings *in, struct setup_settings *out,
			  struct err *e)
{
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc != 0)
		return rc;
	struct setup_settings clean = *in;
	if (present & SETUP_S_CASE_NUMBER_PATTERN) {
		setup_trim(clean.case_number_pattern);
		char today[DATE_LEN], number[STORE_CASE_NUMBER_MAX + 1];
		date_today(today);
		rc = case_number_format(clean.case_number_pattern, today, 1, number, e);
		if (rc != 0)
			return rc;
	}
	struct setup_settings_tx t = {present, &clean};
	rc = store_tx_run(c, setup_settings_fn, &t, e);
	if (rc != 0)
		return rc;
	return setup_settings_get(c, a, out, e);
}
