/* store.h - the only database interface in Caseload.
 *
 * Everything above this header (domain, api, cli, jobs) speaks in typed calls on a store_conn;
 * the SQL lives below it, in sqlite/ and pg/, which implement the same calls. A store is a pool
 * of connections to one database; a connection is held by one thread at a time (one request or
 * one job step) and returned with store_release().
 *
 * Results are four-way, as in GNU Taler's database layer:
 *   STORE_OK         the call did what it says (a row was found / written)
 *   STORE_NOT_FOUND  no such row (or an update matched nothing)
 *   STORE_CONFLICT   a unique key or a stale version stopped the write
 *   STORE_RETRY      the database was busy or a serializable transaction lost; run it again
 *   STORE_ERROR      anything else; the message is in the connection's last error
 *
 * Writes happen inside store_tx_run(), which owns BEGIN/COMMIT/ROLLBACK and retries the whole
 * function on STORE_RETRY. Reads may be made outside a transaction.
 *
 * Times are Unix seconds (int64_t, UTC). Records use fixed-size text fields so that ownership is
 * trivial: the caller owns the struct, the store fills it. */
#ifndef CASELOAD_STORE_H
#define CASELOAD_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

enum store_rc {
	STORE_OK = 0,
	STORE_NOT_FOUND = 1,
	STORE_CONFLICT = 2,
	STORE_RETRY = -2,
	STORE_ERROR = -1,
};

struct store;
struct store_conn;

/* ---- records ---------------------------------------------------------------------------- */

#define STORE_LOGIN_MAX 64
#define STORE_NAME_MAX 200
#define STORE_EMAIL_MAX 254
#define STORE_ROLE_MAX 16
#define STORE_HASH_MAX 128   /* crypto_pwhash_STRBYTES */
#define STORE_RIGHT_MAX 48
#define STORE_ADDRESS_MAX 500
#define STORE_COMMENTS_MAX 1000

struct store_user {
	int64_t id;
	char login[STORE_LOGIN_MAX + 1];
	char name[STORE_NAME_MAX + 1];
	char email[STORE_EMAIL_MAX + 1];
	char role[STORE_ROLE_MAX + 1];   /* admin, staff, advisor, client */
	int64_t office_id;               /* 0 = none */
	int64_t contact_id;              /* 0 = none; the user's own contact (a client's, an advisor's) */
	bool active;
	char password_hash[STORE_HASH_MAX + 1];
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
};

/* A per-user override of a role's default right: granted (true) or revoked (false). */
struct store_right_override {
	char right[STORE_RIGHT_MAX + 1];
	bool granted;
};

struct store_session {
	unsigned char id_hash[32];  /* SHA-256 of the cookie token; the token itself is never stored */
	int64_t user_id;
	char csrf_token[64];        /* base64url, bound to this session */
	int64_t created_at;
	int64_t last_seen_at;
	int64_t expires_at;         /* absolute end of the session */
};

struct store_token {
	int64_t id;
	int64_t user_id;
	char name[STORE_NAME_MAX + 1];
	unsigned char hash[32];     /* SHA-256 of the bearer token */
	int64_t created_at;
	int64_t last_used_at;       /* 0 = never */
};

struct store_office {
	int64_t id;
	char name[STORE_NAME_MAX + 1];
	char address[STORE_ADDRESS_MAX + 1];
	char phone[64];
	char email[STORE_EMAIL_MAX + 1];
	bool has_logo;
	int64_t version;
	int64_t created_at;
};

/* ---- the pool --------------------------------------------------------------------------- */

/* store_open connects to url: a file path for SQLite, or "postgresql://..." / "postgres://...".
 * pool_size connections are made (at least 1). On success *out owns the pool; free it with
 * store_close(). Fails with ERR_INTERNAL and a message naming what went wrong. */
int store_open(const char *url, int pool_size, struct store **out, struct err *e);

/* store_close closes every connection and frees the pool; NULL is allowed. All connections must
 * have been released. */
void store_close(struct store *s);

/* store_backend_name says "sqlite" or "postgresql". */
const char *store_backend_name(const struct store *s);

/* store_acquire takes a connection from the pool, waiting up to wait_ms for one; NULL on timeout.
 * store_release gives it back (after a failed transaction it has already been rolled back). */
struct store_conn *store_acquire(struct store *s, int wait_ms);
void store_release(struct store *s, struct store_conn *c);

/* store_last_error is the backend's message for the last STORE_ERROR on c (for logs only). */
const char *store_last_error(struct store_conn *c);

/* ---- schema ----------------------------------------------------------------------------- */

/* store_migrate applies the numbered migrations the database lacks, each in its own transaction.
 * A database whose schema is newer than this binary is refused (ERR_CONFLICT, message says so).
 * *from and *to (either may be NULL) receive the versions before and after. */
int store_migrate(struct store *s, int *from, int *to, struct err *e);

/* store_schema_version reads the database's schema version (0 for an empty database) and the
 * latest this binary knows. Used by serve to refuse an unmigrated or newer database. */
int store_schema_version(struct store *s, int *current, int *latest, struct err *e);

/* store_check runs a quick integrity check (SQLite quick_check; a SELECT 1 on PostgreSQL). */
int store_check(struct store *s, struct err *e);

/* store_bulk suits connection c to a long batch job in a process of its own (`caseload report
 * status` sending thousands of reports): on SQLite a 32 MiB page cache instead of the default
 * 2 MiB, since such a job comes back to the same pages (indexes, the note search index) far
 * more often than requests do; on PostgreSQL nothing. Not for the server's pool: the cache
 * would stay with the connection. */
int store_bulk(struct store_conn *c);

/* ---- transactions ----------------------------------------------------------------------- */

typedef int (*store_tx_fn)(struct store_conn *c, void *ctx, struct err *e);

/* store_tx_run runs fn inside one write transaction (SQLite BEGIN IMMEDIATE; PostgreSQL
 * SERIALIZABLE). fn returns 0 to commit or a negative ERR_* to roll back; a store call that gave
 * STORE_RETRY should make fn return ERR_BUSY, and the whole of fn is then run again, up to a
 * few times with a short backoff. Returns fn's result, or ERR_BUSY / ERR_INTERNAL. fn must not
 * keep side effects outside the database, since it may run more than once. */
int store_tx_run(struct store_conn *c, store_tx_fn fn, void *ctx, struct err *e);

/* ---- users ------------------------------------------------------------------------------ */

/* store_user_insert writes u (id, version, times are set from the database and returned in u).
 * STORE_CONFLICT when the login is taken. */
int store_user_insert(struct store_conn *c, struct store_user *u);

/* store_user_get / store_user_get_by_login fill u; STORE_NOT_FOUND when absent. */
int store_user_get(struct store_conn *c, int64_t id, struct store_user *u);
int store_user_get_by_login(struct store_conn *c, const char *login, struct store_user *u);

/* store_user_update writes name, email, role, office_id and active when the stored version is
 * u->version, then bumps u->version. STORE_CONFLICT on a stale version, STORE_NOT_FOUND when
 * the user is gone. */
int store_user_update(struct store_conn *c, struct store_user *u, int64_t now);

/* store_user_set_password replaces the hash (and bumps the version). */
int store_user_set_password(struct store_conn *c, int64_t id, const char *hash, int64_t now);

typedef int (*store_user_each_fn)(const struct store_user *u, void *ctx);

/* store_user_list calls each for up to limit users with id > after_id, in id order. each returns
 * non-zero to stop early. */
int store_user_list(struct store_conn *c, int64_t after_id, int limit, store_user_each_fn each,
		    void *ctx);

/* store_user_count gives the number of users (all roles). */
int store_user_count(struct store_conn *c, int64_t *count);

/* ---- rights ----------------------------------------------------------------------------- */

/* store_right_set records an override for a user (insert or replace). */
int store_right_set(struct store_conn *c, int64_t user_id, const char *right, bool granted);

/* store_right_clear removes an override; STORE_NOT_FOUND when there was none. */
int store_right_clear(struct store_conn *c, int64_t user_id, const char *right);

/* store_right_list fills out[] with up to max overrides of the user, *n receives the count. */
int store_right_list(struct store_conn *c, int64_t user_id, struct store_right_override *out,
		     int max, int *n);

/* ---- sessions --------------------------------------------------------------------------- */

int store_session_insert(struct store_conn *c, const struct store_session *s);
/* store_session_get finds a session by its hash; STORE_NOT_FOUND when absent or already ended
 * (expired rows are not filtered here: the domain decides). */
int store_session_get(struct store_conn *c, const unsigned char id_hash[32],
		      struct store_session *s);
int store_session_touch(struct store_conn *c, const unsigned char id_hash[32], int64_t now);
int store_session_delete(struct store_conn *c, const unsigned char id_hash[32]);
/* store_session_delete_user ends every session of a user (password change, deactivation). */
int store_session_delete_user(struct store_conn *c, int64_t user_id);
/* store_session_purge removes sessions that ended before now (idle or absolute). */
int store_session_purge(struct store_conn *c, int64_t idle_before, int64_t now);

/* ---- API tokens ------------------------------------------------------------------------- */

int store_token_insert(struct store_conn *c, struct store_token *t);
int store_token_get_by_hash(struct store_conn *c, const unsigned char hash[32],
			    struct store_token *t);
typedef int (*store_token_each_fn)(const struct store_token *t, void *ctx);
int store_token_list(struct store_conn *c, int64_t user_id, store_token_each_fn each, void *ctx);
/* store_token_delete removes a token of that user; STORE_NOT_FOUND when not theirs. */
int store_token_delete(struct store_conn *c, int64_t user_id, int64_t id);
int store_token_touch(struct store_conn *c, int64_t id, int64_t now);

/* ---- login attempts (throttling) -------------------------------------------------------- */

/* store_login_attempt_add records one attempt (ok = the password was right). */
int store_login_attempt_add(struct store_conn *c, const char *login, const char *ip, bool ok,
			    int64_t at);

/* store_login_failures counts failed attempts for login since its last success and after
 * `since`; *last_at receives the time of the newest of them (0 when none). */
int store_login_failures(struct store_conn *c, const char *login, int64_t since, int64_t *count,
			 int64_t *last_at);

/* store_login_attempts_by_login / _by_ip count all attempts since `since`. */
int store_login_attempts_by_login(struct store_conn *c, const char *login, int64_t since,
				  int64_t *count);
int store_login_attempts_by_ip(struct store_conn *c, const char *ip, int64_t since,
			       int64_t *count);

/* store_login_attempt_purge forgets attempts older than before. */
int store_login_attempt_purge(struct store_conn *c, int64_t before);

/* ---- offices ---------------------------------------------------------------------------- */

int store_office_insert(struct store_conn *c, struct store_office *o);
int store_office_get(struct store_conn *c, int64_t id, struct store_office *o);
/* store_office_update writes name, address, phone, email if o->version is current; bumps it. */
int store_office_update(struct store_conn *c, struct store_office *o, int64_t now);
/* store_office_delete removes an office; STORE_NOT_FOUND when absent. Callers check use first. */
int store_office_delete(struct store_conn *c, int64_t id);
typedef int (*store_office_each_fn)(const struct store_office *o, void *ctx);
int store_office_list(struct store_conn *c, store_office_each_fn each, void *ctx);
/* store_office_usage says where an office is used: *count rows of the first place found, named
 * in where ("users", then "cases"); 0 and "" when unused. Deleted cases count too: their rows
 * stay for the audit. */
int store_office_usage(struct store_conn *c, int64_t id, char where[64], int64_t *count);
/* store_office_logo_set stores (data != NULL) or removes (data == NULL) the office logo. */
int store_office_logo_set(struct store_conn *c, int64_t id, const char *mime,
			  const void *data, size_t len);
/* store_office_logo_get copies the logo into a malloc'd buffer the caller frees. */
int store_office_logo_get(struct store_conn *c, int64_t id, char mime[64], void **data,
			  size_t *len);

/* ---- settings and counters -------------------------------------------------------------- */

#define STORE_SETTING_MAX 500

/* store_setting_get copies the value of key into value (size bytes); STORE_NOT_FOUND when
 * unset. store_setting_set inserts or replaces it. */
int store_setting_get(struct store_conn *c, const char *key, char *value, size_t size);
int store_setting_set(struct store_conn *c, const char *key, const char *value);

/* store_counter_next increments the named counter (creating it at 1) and gives the new value.
 * Call inside a transaction. */
int store_counter_next(struct store_conn *c, const char *name, int64_t *value);

/* ---- setup lists (the firm's vocabulary) ------------------------------------------------ */

/* One record type serves every setup list; each kind has its own table and uses the fields
 * noted beside them (the others are zero / empty). */
enum store_setup_kind {
	SETUP_CASE_TYPE = 0,   /* name, group, position */
	SETUP_CASE_SUBTYPE,    /* name, parent_id = case type, position */
	SETUP_STATUS_TYPE,     /* name, stage, position */
	SETUP_STATUS,          /* name, parent_id = status type, days, closing, group ('' = all), position */
	SETUP_CLOSE_REASON,    /* name, position */
	SETUP_ROLE,            /* name, category, primary_advisor, position */
	SETUP_NOTE_TYPE,       /* name, client_facing, position */
	SETUP_VALUE_RANGE,     /* name, low_cents, high_cents, limit_cents, position */
	SETUP_DEADLINE_TYPE,   /* name, position (critical-deadline types) */
	SETUP_FLAG,            /* name, code = condition, text = parameter, target, position */
	SETUP_UDF_FIELD,       /* name, parent_id = case type, code = format, required,
				  text = picklist options (one per line), position */
	SETUP__COUNT
};

#define STORE_GROUP_MAX 16
#define STORE_CATEGORY_MAX 24

struct store_setup_item {
	enum store_setup_kind kind;
	int64_t id;
	char name[STORE_NAME_MAX + 1];
	int64_t parent_id;
	char group[STORE_GROUP_MAX + 1];       /* legal, insurance, mortgage, protection, support */
	char category[STORE_CATEGORY_MAX + 1]; /* roles: '', attorney, paralegal, case_manager, advisor, owner */
	int64_t days;                          /* statuses: expected number of days */
	bool stage;                            /* status types: this type is the stage */
	bool closing;                          /* statuses: the closing status */
	bool client_facing;                    /* note types: the client-facing type */
	int64_t low_cents, high_cents, limit_cents;  /* value ranges; limit = disbursement limit */
	char code[STORE_CATEGORY_MAX + 1];     /* flags: condition; UDF fields: format */
	char text[STORE_COMMENTS_MAX + 1];     /* flags: parameter; UDF fields: picklist options */
	char target[STORE_CATEGORY_MAX + 1];   /* flags: where the details live */
	bool required;                         /* UDF fields */
	bool primary_advisor;                  /* roles of category advisor: the primary one */
	int64_t position;                      /* order in lists (then name) */
	int64_t version;
};

/* store_setup_insert writes item (item->kind says which list); id and version are returned in
 * item. STORE_CONFLICT when the name is taken in that list (or a second stage type). */
int store_setup_insert(struct store_conn *c, struct store_setup_item *item);

/* store_setup_get fills item with the row id of kind; STORE_NOT_FOUND when absent. */
int store_setup_get(struct store_conn *c, enum store_setup_kind kind, int64_t id,
		    struct store_setup_item *item);

/* store_setup_update writes every field of item when item->version is current, then bumps it.
 * STORE_CONFLICT on a stale version or a taken name, STORE_NOT_FOUND when gone. */
int store_setup_update(struct store_conn *c, struct store_setup_item *item);

/* store_setup_delete removes a row; STORE_NOT_FOUND when absent. Callers check use first. */
int store_setup_delete(struct store_conn *c, enum store_setup_kind kind, int64_t id);

typedef int (*store_setup_each_fn)(const struct store_setup_item *item, void *ctx);

/* store_setup_list walks the list of kind in (position, name, id) order; parent_id > 0 keeps
 * only the children of that parent (subtypes of a case type, statuses of a status type). */
int store_setup_list(struct store_conn *c, enum store_setup_kind kind, int64_t parent_id,
		     store_setup_each_fn each, void *ctx);

/* store_setup_usage says where a row is used: *count rows of the first place found, named in
 * where (e.g. "cases", "case statuses", "statuses", "subtypes", "notes", "case staff",
 * "value history"). *count = 0 and where = "" when unused. */
int store_setup_usage(struct store_conn *c, enum store_setup_kind kind, int64_t id,
		      char where[64], int64_t *count);

/* store_stage_first finds the stage status (status of the stage type, not closing) with the
 * lowest (position, id) whose group is group or ''; STORE_NOT_FOUND when none. */
int store_stage_first(struct store_conn *c, const char *group, struct store_setup_item *status);

/* ---- contacts --------------------------------------------------------------------------- */

#define STORE_PERSON_NAME_MAX 100
#define STORE_PHONE_MAX 40

struct store_contact {
	int64_t id;
	char kind[16];                       /* person, organisation */
	char first_name[STORE_PERSON_NAME_MAX + 1];
	char last_name[STORE_PERSON_NAME_MAX + 1];
	char org_name[STORE_NAME_MAX + 1];
	char email[STORE_EMAIL_MAX + 1];
	char phone[STORE_PHONE_MAX + 1];
	char nickname[STORE_PERSON_NAME_MAX + 1];
	char languages[STORE_NAME_MAX + 1];  /* free text, e.g. "Spanish, English" */
	int64_t employer_id;                 /* 0 = none; an attorney's firm, an adjuster's insurer */
	char preferred_comm[8];              /* email, letter */
	char birth_date[11];                 /* "" = not known */
	char death_date[11];                 /* "" = living (or not known) */
	char death_place[STORE_NAME_MAX + 1];
	char display_name[STORE_NAME_MAX + 1]; /* read only: "First Last" or the organisation */
	char employer_name[STORE_NAME_MAX + 1];/* read only */
	int64_t version;
	int64_t created_at;
};

/* A phone number or e-mail address of a contact. contact.phone / contact.email hold a copy of
 * the primary one of each kind (the domain keeps them in step). */
struct store_contact_channel {
	int64_t id;
	int64_t contact_id;
	char kind[8];                        /* phone, email */
	char label[STORE_PHONE_MAX + 1];     /* "mobile", "work", ... */
	char value[STORE_EMAIL_MAX + 1];
	bool primary;
};

struct store_contact_address {
	int64_t id;
	int64_t contact_id;
	char label[STORE_PHONE_MAX + 1];
	char line1[STORE_NAME_MAX + 1];
	char line2[STORE_NAME_MAX + 1];
	char city[STORE_PERSON_NAME_MAX + 1];
	char region[STORE_PERSON_NAME_MAX + 1];
	char postcode[24];
	char country[STORE_PERSON_NAME_MAX + 1];
	bool primary;
};

int store_contact_insert(struct store_conn *c, struct store_contact *ct, int64_t now);
int store_contact_get(struct store_conn *c, int64_t id, struct store_contact *ct);
/* store_contact_update writes the fields when ct->version is current; bumps it. */
int store_contact_update(struct store_conn *c, struct store_contact *ct, int64_t now);
int store_contact_delete(struct store_conn *c, int64_t id);
typedef int (*store_contact_each_fn)(const struct store_contact *ct, void *ctx);
/* store_contact_list walks contacts with id > after_id in id order, at most limit; q (may be
 * "") keeps those whose first, last or organisation name or e-mail starts with q (any case). */
int store_contact_list(struct store_conn *c, const char *q, int64_t after_id, int limit,
		       store_contact_each_fn each, void *ctx);
/* store_contact_usage: where the contact is used ("case parties", "case staff", "users",
 * then "employees", "insurance", "liens", "bankruptcies", "appointments", "courts",
 * "court personnel", "case referrals", then "policies", "advisor logs", "status reports"). */
int store_contact_usage(struct store_conn *c, int64_t id, char where[64], int64_t *count);

/* store_contact_channels_set replaces every phone and e-mail row of a contact with rows[0..n)
 * (their id is ignored; positions follow the array). Call inside a transaction. */
int store_contact_channels_set(struct store_conn *c, int64_t contact_id,
			       const struct store_contact_channel *rows, int n);
typedef int (*store_contact_channel_each_fn)(const struct store_contact_channel *ch, void *ctx);
/* store_contact_channel_list walks a contact's phones then e-mails, each in position order. */
int store_contact_channel_list(struct store_conn *c, int64_t contact_id,
			       store_contact_channel_each_fn each, void *ctx);

/* store_contact_addresses_set replaces every postal address of a contact (as above). */
int store_contact_addresses_set(struct store_conn *c, int64_t contact_id,
				const struct store_contact_address *rows, int n);
typedef int (*store_contact_address_each_fn)(const struct store_contact_address *ad,
					     void *ctx);
int store_contact_address_list(struct store_conn *c, int64_t contact_id,
			       store_contact_address_each_fn each, void *ctx);

/* ---- cases ------------------------------------------------------------------------------ */

#define STORE_CASE_NUMBER_MAX 40
#define STORE_DATE_LEN 11                /* "YYYY-MM-DD" and its terminator; "" = not set */
#define STORE_DESCRIPTION_MAX 4000

/* Which cases a caller may see. all = admin and staff; otherwise the cases where user_id is
 * current case staff, or where contact_id (when > 0) is current case staff or a party. */
struct store_scope {
	bool all;
	int64_t user_id;
	int64_t contact_id;
};

struct store_case {
	int64_t id;
	char number[STORE_CASE_NUMBER_MAX + 1];   /* "" = no number (stored as NULL) */
	char name[STORE_NAME_MAX + 1];
	int64_t case_type_id;
	int64_t case_subtype_id;                  /* 0 = none */
	char state[3];                            /* US state code or "" */
	int64_t office_id;                        /* 0 = none */
	char incident_date[STORE_DATE_LEN];
	char opened_date[STORE_DATE_LEN];
	char wanted_date[STORE_DATE_LEN];
	char expected_resolution_date[STORE_DATE_LEN];
	char closed_date[STORE_DATE_LEN];         /* "" while open */
	int64_t value_range_id;                   /* 0 = none */
	bool has_min_settlement;
	int64_t min_settlement_cents;
	char value_comments[STORE_COMMENTS_MAX + 1];
	bool serious_injury;
	bool mdl_master;
	char description[STORE_DESCRIPTION_MAX + 1];
	char retainer_date[STORE_DATE_LEN];       /* the retainer was signed */
	char referral_in_form[STORE_NAME_MAX + 1];/* how the case came in ("Attorney referral", ...) */
	int64_t referral_in_contact_id;           /* who referred it in; 0 = none */
	char referral_out_form[STORE_NAME_MAX + 1];
	int64_t referral_out_contact_id;          /* whom it was referred out to; 0 = none */
	char liability_code[STORE_PERSON_NAME_MAX + 1];
	int64_t liability_percent;                /* 0..100, -1 = not set */
	char incident_facts[STORE_DESCRIPTION_MAX + 1];
	int64_t owner_id;
	int64_t stage_status_id;                  /* the current primary status (0 before the first) */
	int64_t created_by;
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
	/* Read only, joined in by every read: */
	char case_type_name[STORE_NAME_MAX + 1];
	char case_group[STORE_GROUP_MAX + 1];
	char case_subtype_name[STORE_NAME_MAX + 1];
	char office_name[STORE_NAME_MAX + 1];
	char owner_name[STORE_NAME_MAX + 1];
	char stage_name[STORE_NAME_MAX + 1];
	char value_range_name[STORE_NAME_MAX + 1];
	char referral_in_contact_name[STORE_NAME_MAX + 1];
	char referral_out_contact_name[STORE_NAME_MAX + 1];
};

/* store_case_insert writes the case (not stage_status_id / closed_date, which start empty);
 * id, version and created_at/updated_at (= now) are returned. STORE_CONFLICT when the number is
 * taken. */
int store_case_insert(struct store_conn *c, struct store_case *k, int64_t now);

/* store_case_get fills k when the case exists, is not deleted and is in scope; otherwise
 * STORE_NOT_FOUND. */
int store_case_get(struct store_conn *c, const struct store_scope *scope, int64_t id,
		   struct store_case *k);

/* store_case_get_by_number is store_case_get by case number (all scope). */
int store_case_get_by_number(struct store_conn *c, const char *number, struct store_case *k);

/* store_case_update writes the editable fields (number .. incident_facts, owner_id) when
 * k->version is current, bumps it and sets updated_at. STORE_CONFLICT on a stale version or a
 * taken number; STORE_NOT_FOUND when gone. */
int store_case_update(struct store_conn *c, struct store_case *k, int64_t now);

/* store_case_set_stage records the current primary status and the closed date ("" = open);
 * does not change the version. */
int store_case_set_stage(struct store_conn *c, int64_t id, int64_t stage_status_id,
			 const char *closed_date, int64_t now);

/* store_case_delete marks the case deleted (it disappears from every read; its rows stay). */
int store_case_delete(struct store_conn *c, int64_t id, int64_t now);

struct store_case_filter {
	struct store_scope scope;
	int64_t case_type_id;       /* 0 = any */
	int64_t stage_status_id;    /* current primary status, 0 = any */
	int64_t status_id;          /* any current status (primary or sub), 0 = any */
	int64_t office_id;
	int64_t staff_user_id;      /* a current staff member of the case */
	int64_t owner_id;
	char opened_from[STORE_DATE_LEN];   /* "" = open-ended */
	char opened_to[STORE_DATE_LEN];
	int closed;                 /* -1 any, 0 open only, 1 closed only */
	char q[STORE_NAME_MAX + 1]; /* text search over number, name, description ("" = none) */
	int64_t before_id;          /* paging: only ids below this (0 = from the newest) */
	int limit;
};

typedef int (*store_case_each_fn)(const struct store_case *k, void *ctx);

/* store_case_list walks the matching cases newest first (id descending), at most f->limit. */
int store_case_list(struct store_conn *c, const struct store_case_filter *f,
		    store_case_each_fn each, void *ctx);

/* The short form of a case used by the related and other cases lists. Staff names are the
 * first current staff member (by row id) whose role has that category; "" when none. */
struct store_case_brief {
	int64_t id;
	char number[STORE_CASE_NUMBER_MAX + 1];
	char name[STORE_NAME_MAX + 1];
	char stage_name[STORE_NAME_MAX + 1];
	char attorney[STORE_NAME_MAX + 1];
	char paralegal[STORE_NAME_MAX + 1];
	char case_manager[STORE_NAME_MAX + 1];
};
typedef int (*store_case_brief_each_fn)(const struct store_case_brief *b, void *ctx);

/* ---- value history ---------------------------------------------------------------------- */

struct store_value_change {
	int64_t id;
	int64_t case_id;
	int64_t value_range_id;        /* 0 = cleared */
	char value_name[STORE_NAME_MAX + 1];   /* read only */
	char from_date[STORE_DATE_LEN];
	char to_date[STORE_DATE_LEN];  /* "" = current */
	int64_t user_id;
	char user_name[STORE_NAME_MAX + 1];    /* read only */
	char comments[STORE_COMMENTS_MAX + 1];
};

/* store_value_change_add ends the current row (to_date = v->from_date) and adds v as current. */
int store_value_change_add(struct store_conn *c, struct store_value_change *v);
typedef int (*store_value_change_each_fn)(const struct store_value_change *v, void *ctx);
/* store_value_change_list walks a case's value history, newest first. */
int store_value_change_list(struct store_conn *c, int64_t case_id,
			    store_value_change_each_fn each, void *ctx);

/* ---- case statuses ---------------------------------------------------------------------- */

struct store_case_status {
	int64_t id;
	int64_t case_id;
	int64_t status_type_id;
	int64_t status_id;
	int64_t expected_days;
	char from_date[STORE_DATE_LEN];
	char to_date[STORE_DATE_LEN];   /* "" while current */
	bool current;
	int64_t user_id;                /* who set it */
	char comments[STORE_COMMENTS_MAX + 1];
	int64_t close_reason_id;        /* 0 = none */
	int64_t version;
	int64_t created_at;
	/* Read only, joined in: */
	char status_type_name[STORE_NAME_MAX + 1];
	bool stage;                     /* the row's type is the stage */
	char status_name[STORE_NAME_MAX + 1];
	bool closing;                   /* the status is the closing status */
	char close_reason_name[STORE_NAME_MAX + 1];
	char user_name[STORE_NAME_MAX + 1];
};

/* store_case_status_insert adds s as a current row (id, version returned). STORE_CONFLICT
 * when the case already has a current row of that type (end it first). */
int store_case_status_insert(struct store_conn *c, struct store_case_status *s, int64_t now);

/* store_case_status_get reads row id of case case_id (current or not). */
int store_case_status_get(struct store_conn *c, int64_t case_id, int64_t id,
			  struct store_case_status *s);

/* store_case_status_current reads the current row of a status type on a case. */
int store_case_status_current(struct store_conn *c, int64_t case_id, int64_t status_type_id,
			      struct store_case_status *s);

/* store_case_status_end makes row id no longer current, with to_date. */
int store_case_status_end(struct store_conn *c, int64_t id, const char *to_date);

/* store_case_status_update writes expected_days, from_date, comments, close_reason_id and
 * status_id when s->version is current; bumps it. STORE_CONFLICT when stale. */
int store_case_status_update(struct store_conn *c, struct store_case_status *s);

typedef int (*store_case_status_each_fn)(const struct store_case_status *s, void *ctx);

/* store_case_status_list walks a case's current rows (stage first, then by status type
 * position and name). store_case_status_history walks every row, newest first (from_date
 * descending, then id descending). */
int store_case_status_list(struct store_conn *c, int64_t case_id,
			   store_case_status_each_fn each, void *ctx);
int store_case_status_history(struct store_conn *c, int64_t case_id,
			      store_case_status_each_fn each, void *ctx);

/* ---- case staff ------------------------------------------------------------------------- */

struct store_case_staff {
	int64_t id;
	int64_t case_id;
	int64_t user_id;       /* exactly one of user_id / contact_id is set */
	int64_t contact_id;
	int64_t role_id;
	char comments[STORE_COMMENTS_MAX + 1];
	char from_date[STORE_DATE_LEN];
	char to_date[STORE_DATE_LEN];
	bool current;
	int64_t version;
	/* Read only, joined in: */
	char person_name[STORE_NAME_MAX + 1];   /* the user's name or the contact's display name */
	char role_name[STORE_NAME_MAX + 1];
	char role_category[STORE_CATEGORY_MAX + 1];
};

int store_case_staff_insert(struct store_conn *c, struct store_case_staff *s);
int store_case_staff_get(struct store_conn *c, int64_t case_id, int64_t id,
			 struct store_case_staff *s);
/* store_case_staff_update writes comments when s->version is current; bumps it. */
int store_case_staff_update(struct store_conn *c, struct store_case_staff *s);
/* store_case_staff_end makes row id no longer current, with to_date. */
int store_case_staff_end(struct store_conn *c, int64_t id, const char *to_date);
typedef int (*store_case_staff_each_fn)(const struct store_case_staff *s, void *ctx);
/* store_case_staff_list walks current rows (history = false; by role position, then id) or
 * every row ever (history = true; newest from_date first). */
int store_case_staff_list(struct store_conn *c, int64_t case_id, bool history,
			  store_case_staff_each_fn each, void *ctx);

/* ---- notes ------------------------------------------------------------------------------ */

#define STORE_NOTE_MAX 8000

struct store_note {
	int64_t id;
	int64_t case_id;
	int64_t note_type_id;
	char body[STORE_NOTE_MAX + 1];
	int64_t at;              /* the note's date and time */
	int64_t created_by;
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
	/* Read only, joined in: */
	char note_type_name[STORE_NAME_MAX + 1];
	char creator_name[STORE_NAME_MAX + 1];
};

int store_note_insert(struct store_conn *c, struct store_note *n, int64_t now);
int store_note_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_note *n);
/* store_note_update writes note_type_id, body and at when n->version is current; bumps it. */
int store_note_update(struct store_conn *c, struct store_note *n, int64_t now);
int store_note_delete(struct store_conn *c, int64_t id);
typedef int (*store_note_each_fn)(const struct store_note *n, void *ctx);
/* store_note_list walks a case's notes newest first (at descending, then id descending), at
 * most limit; q ("" = all) keeps those whose body matches the text search; paging by
 * (before_at, before_id) of the last row seen (0, 0 = from the newest). */
int store_note_list(struct store_conn *c, int64_t case_id, const char *q, int64_t before_at,
		    int64_t before_id, int limit, store_note_each_fn each, void *ctx);

/* ---- timeline --------------------------------------------------------------------------- */

#define STORE_EVENT_TYPE_MAX 32
#define STORE_EVENT_TEXT_MAX 1000

struct store_event {
	int64_t id;
	int64_t case_id;
	int64_t seq;                        /* 1, 2, ... per case */
	int64_t at;
	char type[STORE_EVENT_TYPE_MAX + 1];
	int64_t user_id;                    /* 0 = the system */
	char description[STORE_EVENT_TEXT_MAX + 1];
	unsigned char prev_hash[32];        /* zeros for the first event of a case */
	unsigned char hash[32];
	char user_name[STORE_NAME_MAX + 1]; /* read only */
};

/* store_event_last gives the newest event of a case (seq and hash); STORE_NOT_FOUND when the
 * case has none yet. */
int store_event_last(struct store_conn *c, int64_t case_id, struct store_event *ev);
/* store_event_insert appends ev (id returned). STORE_CONFLICT when (case_id, seq) is taken. */
int store_event_insert(struct store_conn *c, struct store_event *ev);
typedef int (*store_event_each_fn)(const struct store_event *ev, void *ctx);
/* store_event_list walks a case's events newest first (seq descending) with seq < before_seq
 * (0 = from the newest), at most limit. */
int store_event_list(struct store_conn *c, int64_t case_id, int64_t before_seq, int limit,
		     store_event_each_fn each, void *ctx);
/* store_event_walk_all walks every event of every case (deleted ones too) in (case_id, seq)
 * order; for audit. */
int store_event_walk_all(struct store_conn *c, store_event_each_fn each, void *ctx);

/* ---- related cases, parties, other cases ------------------------------------------------ */

/* store_related_add links a and b both ways; STORE_CONFLICT when already linked. */
int store_related_add(struct store_conn *c, int64_t a, int64_t b, int64_t now);
/* store_related_remove unlinks both ways; STORE_NOT_FOUND when not linked. */
int store_related_remove(struct store_conn *c, int64_t a, int64_t b);
/* store_related_list walks the (not deleted) cases linked to case_id, by number. */
int store_related_list(struct store_conn *c, int64_t case_id, store_case_brief_each_fn each,
		       void *ctx);
/* store_other_cases walks the other (not deleted) cases that have a number and share at least
 * one plaintiff contact with case_id, by number. */
int store_other_cases(struct store_conn *c, int64_t case_id, store_case_brief_each_fn each,
		      void *ctx);

#define STORE_SUMMARY_TEXT_MAX 2000
#define STORE_SHORT_MAX 60

struct store_party {
	int64_t id;
	int64_t case_id;
	int64_t contact_id;
	char kind[16];                         /* plaintiff, defendant */
	int64_t group_no;                      /* the party's group (#), 1 by default */
	bool primary_party;                    /* the primary plaintiff (plaintiffs only) */
	bool primary_contact;                  /* the primary contact (plaintiffs only) */
	char role[STORE_PERSON_NAME_MAX + 1];  /* role in the incident ("Driver", "Owner", ...) */
	bool represented;                      /* false = an "other plaintiff", not the firm's */
	int64_t law_firm_id;                   /* 0 = none */
	int64_t attorney_id;                   /* 0 = none */
	char injury_summary[STORE_SUMMARY_TEXT_MAX + 1];
	char pleadings_summary[STORE_SUMMARY_TEXT_MAX + 1];
	int64_t version;
	/* Read only, joined in from the contacts: */
	char contact_name[STORE_NAME_MAX + 1];
	char nickname[STORE_PERSON_NAME_MAX + 1];
	char languages[STORE_NAME_MAX + 1];
	char phone[STORE_PHONE_MAX + 1];       /* the primary phone */
	char birth_date[STORE_DATE_LEN];
	char death_date[STORE_DATE_LEN];
	char death_place[STORE_NAME_MAX + 1];
	char law_firm_name[STORE_NAME_MAX + 1];
	char attorney_name[STORE_NAME_MAX + 1];
};

/* store_party_insert: STORE_CONFLICT when the contact already has that kind on the case. */
int store_party_insert(struct store_conn *c, struct store_party *p);
int store_party_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_party *p);
/* store_party_update writes group_no .. pleadings_summary when p->version is current; bumps it.
 * (The contact and the kind of a party do not change.) */
int store_party_update(struct store_conn *c, struct store_party *p);
/* store_party_delete removes a party with its insurance, liens, bankruptcies and its
 * deadlines' party link (they stay, without a party). */
int store_party_delete(struct store_conn *c, int64_t id);
typedef int (*store_party_each_fn)(const struct store_party *p, void *ctx);
/* store_party_list walks the parties of a case: plaintiffs first, then defendants, each by
 * (group_no, id). */
int store_party_list(struct store_conn *c, int64_t case_id, store_party_each_fn each,
		     void *ctx);

/* ---- insurance, liens, bankruptcies (of parties) ----------------------------------------- */

struct store_insurance {
	int64_t id;
	int64_t case_id;
	int64_t party_id;
	int64_t company_id;                    /* insurance company contact; 0 = none */
	char claim_number[STORE_SHORT_MAX + 1];
	char policy_limits[STORE_SHORT_MAX + 1];  /* as written, e.g. "100/300" */
	int64_t no_fault_cents;                /* -1 = not given (each cents field) */
	int64_t um_sum_cents;
	int64_t adjuster_id;                   /* 0 = none */
	char adjuster_phone[STORE_PHONE_MAX + 1];
	int64_t coverage_cents;
	int64_t version;
	/* Read only: */
	char company_name[STORE_NAME_MAX + 1];
	char adjuster_name[STORE_NAME_MAX + 1];
	char party_kind[16];
};

int store_insurance_insert(struct store_conn *c, struct store_insurance *in);
int store_insurance_get(struct store_conn *c, int64_t case_id, int64_t id,
			struct store_insurance *in);
/* store_insurance_update writes company_id .. coverage_cents when in->version is current. */
int store_insurance_update(struct store_conn *c, struct store_insurance *in);
int store_insurance_delete(struct store_conn *c, int64_t id);
typedef int (*store_insurance_each_fn)(const struct store_insurance *in, void *ctx);
/* store_insurance_list walks every insurance row of a case by (party_id, id). */
int store_insurance_list(struct store_conn *c, int64_t case_id, store_insurance_each_fn each,
			 void *ctx);

struct store_lien {
	int64_t id;
	int64_t case_id;
	int64_t party_id;                      /* the plaintiff it is on */
	int64_t holder_id;                     /* lien holder contact; 0 = none */
	char description[STORE_NAME_MAX + 1];
	int64_t amount_cents;
	int64_t negotiated_cents;              /* -1 = not yet */
	int64_t final_cents;                   /* -1 = not yet */
	int64_t version;
	char holder_name[STORE_NAME_MAX + 1];  /* read only */
};

int store_lien_insert(struct store_conn *c, struct store_lien *l);
int store_lien_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_lien *l);
int store_lien_update(struct store_conn *c, struct store_lien *l);
int store_lien_delete(struct store_conn *c, int64_t id);
typedef int (*store_lien_each_fn)(const struct store_lien *l, void *ctx);
/* store_lien_list walks a case's liens by (party_id, id). */
int store_lien_list(struct store_conn *c, int64_t case_id, store_lien_each_fn each, void *ctx);

struct store_bankruptcy {
	int64_t id;
	int64_t case_id;
	int64_t party_id;
	int64_t court_id;                      /* bankruptcy court contact; 0 = none */
	char judge[STORE_PERSON_NAME_MAX + 1];
	char docket_number[STORE_SHORT_MAX + 1];
	int64_t trustee_id;                    /* 0 = none */
	int64_t trustee_attorney_id;           /* 0 = none */
	char retained_date[STORE_DATE_LEN];
	int64_t version;
	/* Read only: */
	char party_kind[16];                   /* plaintiff, defendant */
	char party_name[STORE_NAME_MAX + 1];
	char court_name[STORE_NAME_MAX + 1];
	char trustee_name[STORE_NAME_MAX + 1];
	char trustee_attorney_name[STORE_NAME_MAX + 1];
};

int store_bankruptcy_insert(struct store_conn *c, struct store_bankruptcy *b);
int store_bankruptcy_get(struct store_conn *c, int64_t case_id, int64_t id,
			 struct store_bankruptcy *b);
int store_bankruptcy_update(struct store_conn *c, struct store_bankruptcy *b);
int store_bankruptcy_delete(struct store_conn *c, int64_t id);
typedef int (*store_bankruptcy_each_fn)(const struct store_bankruptcy *b, void *ctx);
/* store_bankruptcy_list walks a case's bankruptcies by id. */
int store_bankruptcy_list(struct store_conn *c, int64_t case_id, store_bankruptcy_each_fn each,
			  void *ctx);

/* ---- tasks ------------------------------------------------------------------------------ */

struct store_task {
	int64_t id;
	int64_t case_id;
	char subject[STORE_NAME_MAX + 1];
	char description[STORE_DESCRIPTION_MAX + 1];
	char priority[12];                     /* critical, high, normal, low */
	char due_date[STORE_DATE_LEN];         /* "" = none */
	int64_t assignee_id;                   /* a user; 0 = nobody */
	bool completed;
	int64_t completed_at;                  /* 0 while open */
	int64_t completed_by;                  /* 0 while open */
	int64_t created_by;
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
	char assignee_name[STORE_NAME_MAX + 1];/* read only */
};

int store_task_insert(struct store_conn *c, struct store_task *t, int64_t now);
int store_task_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_task *t);
/* store_task_update writes subject .. completed_by when t->version is current; bumps it. */
int store_task_update(struct store_conn *c, struct store_task *t, int64_t now);
int store_task_delete(struct store_conn *c, int64_t id);
typedef int (*store_task_each_fn)(const struct store_task *t, void *ctx);
/* store_task_list walks a case's tasks (open_only: the incomplete ones) by due date (dated
 * first, earliest first), then priority (critical first), then id. */
int store_task_list(struct store_conn *c, int64_t case_id, bool open_only,
		    store_task_each_fn each, void *ctx);

/* ---- appointments ----------------------------------------------------------------------- */

struct store_appointment {
	int64_t id;
	int64_t case_id;
	int64_t starts_at;
	int64_t ends_at;
	char subject[STORE_NAME_MAX + 1];
	char comments[STORE_COMMENTS_MAX + 1];
	bool completed;
	int64_t created_by;
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
};

/* Someone attending an appointment: a user (staff) or a contact. */
struct store_attendee {
	int64_t id;
	int64_t appointment_id;
	int64_t user_id;                       /* exactly one of user_id / contact_id */
	int64_t contact_id;
	char name[STORE_NAME_MAX + 1];         /* read only */
};

int store_appointment_insert(struct store_conn *c, struct store_appointment *ap, int64_t now);
int store_appointment_get(struct store_conn *c, int64_t case_id, int64_t id,
			  struct store_appointment *ap);
/* store_appointment_update writes starts_at .. completed when ap->version is current. */
int store_appointment_update(struct store_conn *c, struct store_appointment *ap, int64_t now);
/* store_appointment_delete removes an appointment and its attendees. */
int store_appointment_delete(struct store_conn *c, int64_t id);
typedef int (*store_appointment_each_fn)(const struct store_appointment *ap, void *ctx);
/* store_appointment_list walks a case's appointments by (starts_at, id). pending_from > 0 keeps
 * the pending ones only: not completed, or starting at or after pending_from. */
int store_appointment_list(struct store_conn *c, int64_t case_id, int64_t pending_from,
			   store_appointment_each_fn each, void *ctx);
/* store_attendees_set replaces the attendees of an appointment of case case_id with
 * rows[0..n). Call inside a transaction. */
int store_attendees_set(struct store_conn *c, int64_t case_id, int64_t appointment_id,
			const struct store_attendee *rows, int n);
typedef int (*store_attendee_each_fn)(const struct store_attendee *at, void *ctx);
/* store_attendee_list walks the attendees of every appointment of a case by
 * (appointment_id, id); appointment_id > 0 keeps that appointment's only. */
int store_attendee_list(struct store_conn *c, int64_t case_id, int64_t appointment_id,
			store_attendee_each_fn each, void *ctx);

/* ---- critical deadlines and statutes of limitation --------------------------------------- */

struct store_deadline {
	int64_t id;
	int64_t case_id;
	int64_t party_id;                      /* 0 = the case as a whole */
	char kind[16];                         /* plaintiff_sol, defendant_sol, critical */
	int64_t deadline_type_id;              /* set for critical; 0 otherwise */
	char due_date[STORE_DATE_LEN];
	char comments[STORE_COMMENTS_MAX + 1];
	bool done;
	char done_date[STORE_DATE_LEN];
	int64_t created_by;
	int64_t version;
	/* Read only: */
	char party_name[STORE_NAME_MAX + 1];
	char type_name[STORE_NAME_MAX + 1];    /* the deadline type's name ("" for SOLs) */
};

int store_deadline_insert(struct store_conn *c, struct store_deadline *d);
int store_deadline_get(struct store_conn *c, int64_t case_id, int64_t id,
		       struct store_deadline *d);
/* store_deadline_update writes party_id .. done_date when d->version is current. */
int store_deadline_update(struct store_conn *c, struct store_deadline *d);
int store_deadline_delete(struct store_conn *c, int64_t id);
typedef int (*store_deadline_each_fn)(const struct store_deadline *d, void *ctx);
/* store_deadline_list walks a case's deadlines (outstanding_only: not done) by (due_date, id). */
int store_deadline_list(struct store_conn *c, int64_t case_id, bool outstanding_only,
			store_deadline_each_fn each, void *ctx);

/* ---- courts and dockets ----------------------------------------------------------------- */

struct store_court {
	int64_t id;
	int64_t case_id;
	int64_t court_id;                      /* the court's contact */
	char docket_number[STORE_SHORT_MAX + 1];
	char filing_date[STORE_DATE_LEN];
	int64_t version;
	char court_name[STORE_NAME_MAX + 1];   /* read only */
};

struct store_court_person {
	int64_t id;
	int64_t case_court_id;
	int64_t contact_id;
	char role[STORE_PERSON_NAME_MAX + 1];  /* "Judge", "Clerk", ... */
	char name[STORE_NAME_MAX + 1];         /* read only */
};

int store_court_insert(struct store_conn *c, struct store_court *ct);
int store_court_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_court *ct);
int store_court_update(struct store_conn *c, struct store_court *ct);
/* store_court_delete removes a court row and its personnel. */
int store_court_delete(struct store_conn *c, int64_t id);
typedef int (*store_court_each_fn)(const struct store_court *ct, void *ctx);
/* store_court_list walks a case's courts by id. */
int store_court_list(struct store_conn *c, int64_t case_id, store_court_each_fn each,
		     void *ctx);
/* store_court_personnel_set replaces the personnel of court row case_court_id of case case_id. */
int store_court_personnel_set(struct store_conn *c, int64_t case_id, int64_t case_court_id,
			      const struct store_court_person *rows, int n);
typedef int (*store_court_person_each_fn)(const struct store_court_person *p, void *ctx);
/* store_court_personnel_list walks the personnel of every court row of a case by
 * (case_court_id, id); case_court_id > 0 keeps that row's only. */
int store_court_personnel_list(struct store_conn *c, int64_t case_id, int64_t case_court_id,
			       store_court_person_each_fn each, void *ctx);

/* ---- user-defined field values ---------------------------------------------------------- */

#define STORE_UDF_VALUE_MAX 1000

struct store_udf_value {
	int64_t case_id;
	int64_t field_id;
	char value[STORE_UDF_VALUE_MAX + 1];   /* canonical text of the value (domain/udf.c) */
};

/* store_udf_value_set stores a value ("" removes it). */
int store_udf_value_set(struct store_conn *c, int64_t case_id, int64_t field_id,
			const char *value);
typedef int (*store_udf_value_each_fn)(const struct store_udf_value *v, void *ctx);
/* store_udf_value_list walks the values stored on a case by field id. */
int store_udf_value_list(struct store_conn *c, int64_t case_id, store_udf_value_each_fn each,
			 void *ctx);

/* ---- pending cases: policies and requirements (migration 0004) --------------------------- */

#define STORE_POLICY_NUMBER_MAX 40

/* The policy data of an insurance case; at most one per case. */
struct store_policy {
	int64_t case_id;
	char policy_number[STORE_POLICY_NUMBER_MAX + 1];
	int64_t insured_contact_id;               /* 0 = none: the policy holder */
	char insured_name[STORE_NAME_MAX + 1];    /* read only */
	int64_t carrier_contact_id;               /* 0 = none: the insurer */
	char carrier_name[STORE_NAME_MAX + 1];    /* read only */
	char product[STORE_NAME_MAX + 1];
	int64_t amount_cents;                     /* -1 = not set */
	char kind[16];                            /* formal, informal, informal_child, group */
	int64_t parent_case_id;                   /* informal_child only; 0 = none */
	char next_follow_up[STORE_DATE_LEN];
	char last_follow_up[STORE_DATE_LEN];
	int64_t version;                          /* 0 = no row yet */
	int64_t updated_at;
};

/* store_policy_get fills p for case_id; STORE_NOT_FOUND when the case has no policy row. */
int store_policy_get(struct store_conn *c, int64_t case_id, struct store_policy *p);
/* store_policy_put inserts the row when p->version is 0 (STORE_CONFLICT if one exists) or
 * updates every field when p->version is current (STORE_CONFLICT when stale); bumps it. */
int store_policy_put(struct store_conn *c, struct store_policy *p, int64_t now);
/* store_policy_follow_up_set writes next and last follow-up dates of case_id whatever the
 * version, and bumps it; STORE_NOT_FOUND when the case has no policy row. */
int store_policy_follow_up_set(struct store_conn *c, int64_t case_id, const char *next,
			       const char *last, int64_t now);

struct store_requirement {
	int64_t id;
	int64_t case_id;
	char name[STORE_NAME_MAX + 1];
	char status[16];                          /* outstanding, received, waived */
	bool key;                                 /* shown in bold */
	bool pos;                                 /* a policy owner service requirement */
	int64_t position;                         /* the listed order (then id) */
	char requested_date[STORE_DATE_LEN];
	char received_date[STORE_DATE_LEN];
	char comments[STORE_COMMENTS_MAX + 1];
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
};

int store_requirement_insert(struct store_conn *c, struct store_requirement *r, int64_t now);
int store_requirement_get(struct store_conn *c, int64_t case_id, int64_t id,
			  struct store_requirement *r);
/* store_requirement_update writes name .. comments when r->version is current; bumps it. */
int store_requirement_update(struct store_conn *c, struct store_requirement *r, int64_t now);
int store_requirement_delete(struct store_conn *c, int64_t id);
typedef int (*store_requirement_each_fn)(const struct store_requirement *r, void *ctx);
/* store_requirement_list walks a case's requirements in (position, id) order. */
int store_requirement_list(struct store_conn *c, int64_t case_id,
			   store_requirement_each_fn each, void *ctx);

/* ---- follow-ups per office -------------------------------------------------------------- */

struct store_follow_up_stage {
	int64_t status_id;                        /* a stage status */
	char status_name[STORE_NAME_MAX + 1];     /* read only */
	int64_t interval_days;                    /* 1..365 */
	char report_text[STORE_DESCRIPTION_MAX + 1];
};

typedef int (*store_follow_up_stage_each_fn)(const struct store_follow_up_stage *s, void *ctx);
/* store_follow_up_get copies the office's method ("none" or "stage") into method and walks its
 * stages by the status's position; STORE_NOT_FOUND when the office does not exist. */
int store_follow_up_get(struct store_conn *c, int64_t office_id, char method[8],
			store_follow_up_stage_each_fn each, void *ctx);
/* store_follow_up_set writes the method and replaces every stage row with rows[0..n). */
int store_follow_up_set(struct store_conn *c, int64_t office_id, const char *method,
			const struct store_follow_up_stage *rows, int n);
/* store_follow_up_stage_get fills s for the office's stage status_id; STORE_NOT_FOUND when
 * the office has no row for that stage. */
int store_follow_up_stage_get(struct store_conn *c, int64_t office_id, int64_t status_id,
			      struct store_follow_up_stage *s);

/* ---- advisors and their logs ------------------------------------------------------------ */

/* An advisor: a contact who is current case staff, in a role of category advisor, on at least
 * one case. */
struct store_advisor {
	int64_t contact_id;
	char display_name[STORE_NAME_MAX + 1];
	char first_name[STORE_PERSON_NAME_MAX + 1];
	char last_name[STORE_PERSON_NAME_MAX + 1];
	char email[STORE_EMAIL_MAX + 1];
	char preferred_comm[8];                   /* email, letter */
	int64_t cases;                            /* open insurance cases they are on */
};
typedef int (*store_advisor_each_fn)(const struct store_advisor *a, void *ctx);
/* store_advisor_list walks advisors with contact id > after_id in id order, at most limit; q
 * (may be "") keeps those whose first, last or organisation name or e-mail starts with q. */
int store_advisor_list(struct store_conn *c, const char *q, int64_t after_id, int limit,
		       store_advisor_each_fn each, void *ctx);

struct store_advisor_log {
	int64_t id;
	int64_t contact_id;
	int64_t case_id;                          /* 0 = none */
	char case_number[STORE_CASE_NUMBER_MAX + 1];   /* read only */
	char case_name[STORE_NAME_MAX + 1];       /* read only */
	int64_t send_id;                          /* 0 = none */
	int64_t at;
	char method[8];                           /* email, letter */
	char subject[STORE_NAME_MAX + 1];
	char body[STORE_COMMENTS_MAX + 1];
	int64_t user_id;                          /* 0 = the system */
};
/* store_advisor_log_insert writes one entry; STORE_CONFLICT when the send already logged this
 * case for this advisor (a re-run). */
int store_advisor_log_insert(struct store_conn *c, struct store_advisor_log *l);
typedef int (*store_advisor_log_each_fn)(const struct store_advisor_log *l, void *ctx);
/* store_advisor_log_list walks an advisor's entries newest first, id < before_id (0 = from the
 * newest), at most limit. */
int store_advisor_log_list(struct store_conn *c, int64_t contact_id, int64_t before_id,
			   int limit, store_advisor_log_each_fn each, void *ctx);

/* ---- status reports: selection ---------------------------------------------------------- */

enum store_report_advisors { REPORT_ADVISORS_ALL = 0, REPORT_ADVISORS_PRIMARY, REPORT_ADVISORS_SELECTED };
enum store_report_cases {
	REPORT_CASES_FOLLOW_UP = 0,   /* next follow-up set and on or before due_date */
	REPORT_CASES_ALL,             /* every pending case */
	REPORT_CASES_STAGE,           /* pending cases whose stage is stage_status_id */
	REPORT_CASES_SELECTED
};

/* Which (advisor, case) pairs a report covers. A pending case is an open (closed_date ''),
 * undeleted case of a case type of group insurance; its kind is its policy row's (formal when
 * it has none). Formal cases are always in; the three other kinds only when asked. */
struct store_report_filter {
	int64_t office_id;                        /* 0 = every office */
	int64_t case_manager_id;                  /* 0 = any; else a user who is current case staff
						     in a role of category case_manager */
	enum store_report_advisors advisors;
	const int64_t *advisor_ids;               /* REPORT_ADVISORS_SELECTED: contact ids */
	int n_advisors;
	enum store_report_cases cases;
	char due_date[STORE_DATE_LEN];            /* REPORT_CASES_FOLLOW_UP */
	int64_t stage_status_id;                  /* REPORT_CASES_STAGE */
	const int64_t *case_ids;                  /* REPORT_CASES_SELECTED */
	int n_cases;
	bool informal, informal_child, group;
};

/* One advisor on one pending case. */
struct store_report_pair {
	int64_t contact_id;
	char last_name[STORE_PERSON_NAME_MAX + 1];   /* organisations: their name */
	char display_name[STORE_NAME_MAX + 1];
	int64_t case_id;
	bool primary;                             /* in a primary advisor role on this case */
};
typedef int (*store_report_pair_each_fn)(const struct store_report_pair *p, void *ctx);
/* store_report_pairs walks the pairs the filter selects, ordered by the advisor's last name,
 * display name and contact id, then by case number and id; an advisor in two roles on a case
 * comes once (primary when either role is). */
int store_report_pairs(struct store_conn *c, const struct store_report_filter *f,
		       store_report_pair_each_fn each, void *ctx);

/* What a report shows of one case, in one read. */
struct store_report_case {
	int64_t case_id;
	char number[STORE_CASE_NUMBER_MAX + 1];
	char name[STORE_NAME_MAX + 1];
	int64_t office_id;                        /* 0 = none */
	int64_t stage_status_id;                  /* 0 = none */
	char stage_name[STORE_NAME_MAX + 1];
	char stage_since[STORE_DATE_LEN];         /* from_date of the current stage row */
	char case_manager[STORE_NAME_MAX + 1];    /* first current case manager (user), "" = none */
	char primary_advisor_last[STORE_PERSON_NAME_MAX + 1];  /* "" = none */
	char primary_advisor_name[STORE_NAME_MAX + 1];
	bool has_policy;
	struct store_policy policy;               /* zeroed (kind formal) when !has_policy */
};
/* store_report_case_get fills rc; STORE_NOT_FOUND when the case is absent or deleted. */
int store_report_case_get(struct store_conn *c, int64_t case_id, struct store_report_case *rc);

/* ---- status reports: previews, items, sends --------------------------------------------- */

struct store_report_preview {
	int64_t id;
	char today[STORE_DATE_LEN];
	int64_t created_by;
	int64_t created_at;
	int64_t send_id;                          /* read only: 0 = not sent */
};
/* store_report_preview_insert writes the preview with its options (JSON text, copied). */
int store_report_preview_insert(struct store_conn *c, struct store_report_preview *p,
				const char *options);
/* store_report_preview_get fills p; *options (may be NULL) receives a malloc'd copy of the
 * options the caller frees. */
int store_report_preview_get(struct store_conn *c, int64_t id, struct store_report_preview *p,
			     char **options);

#define STORE_REPORT_ISSUES_MAX 1000
#define STORE_REPORT_SORT_MAX 240

struct store_report_item {
	int64_t id;
	int64_t preview_id;
	int64_t seq;
	char sort_key[STORE_REPORT_SORT_MAX + 1];
	int64_t contact_id;
	char advisor_name[STORE_NAME_MAX + 1];    /* read only */
	char method[8];                           /* email, letter */
	char address[STORE_ADDRESS_MAX + 1];
	char issues[STORE_REPORT_ISSUES_MAX + 1]; /* JSON array text, "" = none */
	int64_t cases;                            /* read only: how many cases */
	bool applied;
	char outcome[12];                         /* pending, queued, emailed, printed, failed */
	char reason[STORE_COMMENTS_MAX + 1];
	char mail_state[12];                      /* read only: the outbox row's state, "" = none */
	char mail_error[STORE_COMMENTS_MAX + 1];  /* read only: its last error */
	int64_t mail_id;                          /* read only: the outbox row, 0 = none */
};
/* store_report_item_insert writes an item and its cases (case_ids[0..n) in that order). */
int store_report_item_insert(struct store_conn *c, struct store_report_item *it,
			     const int64_t *case_ids, int n);
int store_report_item_get(struct store_conn *c, int64_t id, struct store_report_item *it);
typedef int (*store_report_item_each_fn)(const struct store_report_item *it, void *ctx);
/* store_report_item_list walks a preview's items by seq, or with letters_only its letters by
 * (sort_key, seq). The outbox columns come from the row of run_id ("status-report/<send>") and
 * recipient_id (the item id as text) when run_id is not NULL. */
int store_report_item_list(struct store_conn *c, int64_t preview_id, bool letters_only,
			   const char *run_id, store_report_item_each_fn each, void *ctx);
/* store_report_item_cases walks an item's case ids in order (each gets ctx and the id). */
typedef int (*store_id_each_fn)(int64_t id, void *ctx);
int store_report_item_cases(struct store_conn *c, int64_t item_id, store_id_each_fn each,
			    void *ctx);
/* What a list of reports shows of each case: its number, name and current stage. */
struct store_report_case_brief {
	int64_t case_id;
	char number[STORE_CASE_NUMBER_MAX + 1];   /* "" for a case deleted since */
	char name[STORE_NAME_MAX + 1];
	char stage_name[STORE_NAME_MAX + 1];
};
typedef int (*store_report_case_brief_each_fn)(const struct store_report_case_brief *b,
					       void *ctx);
/* store_report_item_case_briefs walks an item's cases in order, in one read. */
int store_report_item_case_briefs(struct store_conn *c, int64_t item_id,
				  store_report_case_brief_each_fn each, void *ctx);
/* store_report_item_mark writes applied, outcome and reason of an item. */
int store_report_item_mark(struct store_conn *c, int64_t id, bool applied, const char *outcome,
			   const char *reason);
/* store_report_item_next_unapplied gives the id of the preview's first item (by seq) not yet
 * applied, after after_id; STORE_NOT_FOUND when every item is applied. */
int store_report_item_next_unapplied(struct store_conn *c, int64_t preview_id,
				     int64_t after_id, int64_t *id);

struct store_report_send {
	int64_t id;
	int64_t preview_id;
	char state[12];                           /* preparing, prepared */
	char letters_state[12];                   /* none, pending, rendering, done, failed */
	int64_t letters_pages;
	int64_t letters_bytes;
	char letters_error[STORE_COMMENTS_MAX + 1];
	int64_t claimed_until;
	int64_t created_by;
	int64_t created_at;
	int64_t finished_at;
};
/* store_report_send_insert makes the send of a preview; STORE_CONFLICT when the preview has
 * one already (store_report_send_by_preview finds it). */
int store_report_send_insert(struct store_conn *c, struct store_report_send *s);
int store_report_send_get(struct store_conn *c, int64_t id, struct store_report_send *s);
int store_report_send_by_preview(struct store_conn *c, int64_t preview_id,
				 struct store_report_send *s);
/* store_report_send_update writes state, letters_*, finished_at (whatever the lease). */
int store_report_send_update(struct store_conn *c, const struct store_report_send *s);
/* store_report_send_claim takes the lease of a send with work left (state preparing, or
 * letters pending, or a rendering whose lease ran out) until `until`: the oldest such send
 * whose lease has ended at now, or only send_id when it is > 0. STORE_NOT_FOUND when none. */
int store_report_send_claim(struct store_conn *c, int64_t send_id, int64_t now, int64_t until,
			    struct store_report_send *s);

/* store_report_letters_clear removes a send's letter chunks; store_report_letters_append adds
 * chunk seq; store_report_letters_read walks them in order (each gets the bytes and length). */
int store_report_letters_clear(struct store_conn *c, int64_t send_id);
int store_report_letters_append(struct store_conn *c, int64_t send_id, int64_t seq,
				const void *data, size_t len);
typedef int (*store_bytes_each_fn)(const void *data, size_t len, void *ctx);
int store_report_letters_read(struct store_conn *c, int64_t send_id, store_bytes_each_fn each,
			      void *ctx);

/* ---- e-mail outbox ---------------------------------------------------------------------- */

#define STORE_MESSAGE_ID_MAX 250
#define STORE_RUN_ID_MAX 64

struct store_mail {
	int64_t id;
	char run_id[STORE_RUN_ID_MAX + 1];
	char recipient_id[STORE_RUN_ID_MAX + 1];
	char message_id[STORE_MESSAGE_ID_MAX + 1];
	char mail_from[STORE_EMAIL_MAX + 1];
	char rcpt_to[STORE_EMAIL_MAX + 1];
	char subject[STORE_NAME_MAX + 1];
	char *message;                            /* owned by whoever filled it; free() */
	size_t message_len;
	char state[12];                           /* pending, sending, sent, failed, in_doubt */
	int64_t attempts;
	int64_t next_attempt_at;
	char claimed_by[40];
	int64_t claimed_until;
	char last_error[STORE_COMMENTS_MAX + 1];
	int64_t created_at;
	int64_t updated_at;
	int64_t sent_at;
};

/* store_mail_insert queues a message (m->message, message_len bytes, copied) as pending;
 * STORE_CONFLICT when (run_id, recipient_id) is queued already: nothing is written. */
int store_mail_insert(struct store_conn *c, struct store_mail *m, int64_t now);
/* store_mail_get fills m without the message body (message NULL); with_body: with it, which
 * the caller frees. */
int store_mail_get(struct store_conn *c, int64_t id, bool with_body, struct store_mail *m);
/* store_mail_claim moves the oldest pending row due at now to sending, with claimed_by and
 * claimed_until, in its own committed step (SKIP LOCKED on PostgreSQL, BEGIN IMMEDIATE on
 * SQLite), and fills m with its body (the caller frees m->message). run_id "" = any run.
 * STORE_NOT_FOUND when nothing is due. Call outside a transaction. */
int store_mail_claim(struct store_conn *c, const char *run_id, int64_t now, const char *worker,
		     int64_t until, struct store_mail *m);
/* store_mail_finish moves row id from sending (claimed by worker) to state (sent, failed,
 * in_doubt, or pending again with next_attempt_at and attempts + 1), with error.
 * STORE_NOT_FOUND when the row is no longer this worker's sending row. */
int store_mail_finish(struct store_conn *c, int64_t id, const char *worker, const char *state,
		      const char *error, int64_t next_attempt_at, int64_t now);
/* store_mail_recover moves rows in sending to in_doubt: every one (all) or those whose lease
 * ended before now; *count says how many. */
int store_mail_recover(struct store_conn *c, bool all, int64_t now, int64_t *count);
/* store_mail_resolve moves an in_doubt row to sent (it did go) or pending (send it again, once
 * more); STORE_NOT_FOUND when the row is not in_doubt. */
int store_mail_resolve(struct store_conn *c, int64_t id, const char *state, int64_t now);
typedef int (*store_mail_each_fn)(const struct store_mail *m, void *ctx);
/* store_mail_list walks rows (without bodies) with id > after_id, at most limit; state ""
 * = any, run_id "" = any. */
int store_mail_list(struct store_conn *c, const char *state, const char *run_id,
		    int64_t after_id, int limit, store_mail_each_fn each, void *ctx);
/* store_mail_count counts rows of run_id ("" = all) in state ("" = any). */
int store_mail_count(struct store_conn *c, const char *run_id, const char *state,
		     int64_t *count);

#endif
