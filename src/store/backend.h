/* backend.h - what a database backend provides to store.c (not for use above src/store/).
 *
 * store.c owns the pool, the transaction retry loop and the public store_* functions; each of
 * those forwards to the backend's function of the same name here. A backend's connection struct
 * starts with struct store_conn so store.c can find the backend from any connection. */
#ifndef CASELOAD_STORE_BACKEND_H
#define CASELOAD_STORE_BACKEND_H

#include "core/embed.h"
#include "store/store.h"

struct store_backend;

struct store_conn {
	const struct store_backend *be;
	struct store_conn *next_free;   /* pool free list, owned by store.c */
	char last_error[512];
};

/* Embedded migration scripts (generated at build time from src/store/migrations/), named
 * "sqlite/0001_base.sql", "pg/0001_base.sql", ... */
extern const struct embed_file store_migrations[];
extern const size_t store_migrations_count;

/* store_migrations_for lists, in order, the scripts of one backend ("sqlite" or "pg"); out[i]
 * points into store_migrations. Returns the count (at most max). The number of a script is its
 * position + 1; names must be 0001_..., 0002_... without gaps (checked, -1 if not). */
int store_migrations_for(const char *dir, const struct embed_file **out, int max);

struct store_backend {
	const char *name;
	int (*connect)(const char *url, struct store_conn **out, struct err *e);
	void (*disconnect)(struct store_conn *c);
	int (*begin)(struct store_conn *c);     /* STORE_OK / STORE_RETRY / STORE_ERROR */
	int (*commit)(struct store_conn *c);
	void (*rollback)(struct store_conn *c);
	int (*migrate)(struct store_conn *c, int *from, int *to, struct err *e);
	int (*schema_version)(struct store_conn *c, int *current, int *latest, struct err *e);
	int (*check)(struct store_conn *c, struct err *e);
	int (*bulk)(struct store_conn *c);

	int (*user_insert)(struct store_conn *c, struct store_user *u);
	int (*user_get)(struct store_conn *c, int64_t id, struct store_user *u);
	int (*user_get_by_login)(struct store_conn *c, const char *login, struct store_user *u);
	int (*user_update)(struct store_conn *c, struct store_user *u, int64_t now);
	int (*user_set_password)(struct store_conn *c, int64_t id, const char *hash, int64_t now);
	int (*user_list)(struct store_conn *c, int64_t after_id, int limit, store_user_each_fn each,
			 void *ctx);
	int (*user_count)(struct store_conn *c, int64_t *count);

	int (*right_set)(struct store_conn *c, int64_t user_id, const char *right, bool granted);
	int (*right_clear)(struct store_conn *c, int64_t user_id, const char *right);
	int (*right_list)(struct store_conn *c, int64_t user_id, struct store_right_override *out,
			  int max, int *n);

	int (*session_insert)(struct store_conn *c, const struct store_session *s);
	int (*session_get)(struct store_conn *c, const unsigned char id_hash[32],
			   struct store_session *s);
	int (*session_touch)(struct store_conn *c, const unsigned char id_hash[32], int64_t now);
	int (*session_delete)(struct store_conn *c, const unsigned char id_hash[32]);
	int (*session_delete_user)(struct store_conn *c, int64_t user_id);
	int (*session_purge)(struct store_conn *c, int64_t idle_before, int64_t now);

	int (*token_insert)(struct store_conn *c, struct store_token *t);
	int (*token_get_by_hash)(struct store_conn *c, const unsigned char hash[32],
				 struct store_token *t);
	int (*token_list)(struct store_conn *c, int64_t user_id, store_token_each_fn each,
			  void *ctx);
	int (*token_delete)(struct store_conn *c, int64_t user_id, int64_t id);
	int (*token_touch)(struct store_conn *c, int64_t id, int64_t now);

	int (*login_attempt_add)(struct store_conn *c, const char *login, const char *ip, bool ok,
				 int64_t at);
	int (*login_failures)(struct store_conn *c, const char *login, int64_t since,
			      int64_t *count, int64_t *last_at);
	int (*login_attempts_by_login)(struct store_conn *c, const char *login, int64_t since,
				       int64_t *count);
	int (*login_attempts_by_ip)(struct store_conn *c, const char *ip, int64_t since,
				    int64_t *count);
	int (*login_attempt_purge)(struct store_conn *c, int64_t before);

	int (*office_insert)(struct store_conn *c, struct store_office *o);
	int (*office_get)(struct store_conn *c, int64_t id, struct store_office *o);
	int (*office_update)(struct store_conn *c, struct store_office *o, int64_t now);
	int (*office_delete)(struct store_conn *c, int64_t id);
	int (*office_list)(struct store_conn *c, store_office_each_fn each, void *ctx);
	int (*office_usage)(struct store_conn *c, int64_t id, char where[64], int64_t *count);
	int (*office_logo_set)(struct store_conn *c, int64_t id, const char *mime, const void *data,
			       size_t len);
	int (*office_logo_get)(struct store_conn *c, int64_t id, char mime[64], void **data,
			       size_t *len);

	int (*setting_get)(struct store_conn *c, const char *key, char *value, size_t size);
	int (*setting_set)(struct store_conn *c, const char *key, const char *value);
	int (*counter_next)(struct store_conn *c, const char *name, int64_t *value);
	int (*setup_insert)(struct store_conn *c, struct store_setup_item *item);
	int (*setup_get)(struct store_conn *c, enum store_setup_kind kind, int64_t id, struct store_setup_item *item);
	int (*setup_update)(struct store_conn *c, struct store_setup_item *item);
	int (*setup_delete)(struct store_conn *c, enum store_setup_kind kind, int64_t id);
	int (*setup_list)(struct store_conn *c, enum store_setup_kind kind, int64_t parent_id, store_setup_each_fn each, void *ctx);
	int (*setup_usage)(struct store_conn *c, enum store_setup_kind kind, int64_t id, char where[64], int64_t *count);
	int (*stage_first)(struct store_conn *c, const char *group, struct store_setup_item *status);
	int (*contact_insert)(struct store_conn *c, struct store_contact *ct, int64_t now);
	int (*contact_get)(struct store_conn *c, int64_t id, struct store_contact *ct);
	int (*contact_update)(struct store_conn *c, struct store_contact *ct, int64_t now);
	int (*contact_delete)(struct store_conn *c, int64_t id);
	int (*contact_list)(struct store_conn *c, const char *q, int64_t after_id, int limit, store_contact_each_fn each, void *ctx);
	int (*contact_usage)(struct store_conn *c, int64_t id, char where[64], int64_t *count);
	int (*case_insert)(struct store_conn *c, struct store_case *k, int64_t now);
	int (*case_get)(struct store_conn *c, const struct store_scope *scope, int64_t id, struct store_case *k);
	int (*case_get_by_number)(struct store_conn *c, const char *number, struct store_case *k);
	int (*case_update)(struct store_conn *c, struct store_case *k, int64_t now);
	int (*case_set_stage)(struct store_conn *c, int64_t id, int64_t stage_status_id, const char *closed_date, int64_t now);
	int (*case_delete)(struct store_conn *c, int64_t id, int64_t now);
	int (*case_list)(struct store_conn *c, const struct store_case_filter *f, store_case_each_fn each, void *ctx);
	int (*value_change_add)(struct store_conn *c, struct store_value_change *v);
	int (*value_change_list)(struct store_conn *c, int64_t case_id, store_value_change_each_fn each, void *ctx);
	int (*case_status_insert)(struct store_conn *c, struct store_case_status *s, int64_t now);
	int (*case_status_get)(struct store_conn *c, int64_t case_id, int64_t id, struct store_case_status *s);
	int (*case_status_current)(struct store_conn *c, int64_t case_id, int64_t status_type_id, struct store_case_status *s);
	int (*case_status_end)(struct store_conn *c, int64_t id, const char *to_date);
	int (*case_status_update)(struct store_conn *c, struct store_case_status *s);
	int (*case_status_list)(struct store_conn *c, int64_t case_id, store_case_status_each_fn each, void *ctx);
	int (*case_status_history)(struct store_conn *c, int64_t case_id, store_case_status_each_fn each, void *ctx);
	int (*case_staff_insert)(struct store_conn *c, struct store_case_staff *s);
	int (*case_staff_get)(struct store_conn *c, int64_t case_id, int64_t id, struct store_case_staff *s);
	int (*case_staff_update)(struct store_conn *c, struct store_case_staff *s);
	int (*case_staff_end)(struct store_conn *c, int64_t id, const char *to_date);
	int (*case_staff_list)(struct store_conn *c, int64_t case_id, bool history, store_case_staff_each_fn each, void *ctx);
	int (*note_insert)(struct store_conn *c, struct store_note *n, int64_t now);
	int (*note_get)(struct store_conn *c, int64_t case_id, int64_t id, struct store_note *n);
	int (*note_update)(struct store_conn *c, struct store_note *n, int64_t now);
	int (*note_delete)(struct store_conn *c, int64_t id);
	int (*note_list)(struct store_conn *c, int64_t case_id, const char *q, int64_t before_at, int64_t before_id, int limit, store_note_each_fn each, void *ctx);
	int (*event_last)(struct store_conn *c, int64_t case_id, struct store_event *ev);
	int (*event_insert)(struct store_conn *c, struct store_event *ev);
	int (*event_list)(struct store_conn *c, int64_t case_id, int64_t before_seq, int limit, store_event_each_fn each, void *ctx);
	int (*event_walk_all)(struct store_conn *c, store_event_each_fn each, void *ctx);
	int (*related_add)(struct store_conn *c, int64_t a, int64_t b, int64_t now);
	int (*related_remove)(struct store_conn *c, int64_t a, int64_t b);
	int (*related_list)(struct store_conn *c, int64_t case_id, store_case_brief_each_fn each, void *ctx);
	int (*other_cases)(struct store_conn *c, int64_t case_id, store_case_brief_each_fn each, void *ctx);
	int (*party_insert)(struct store_conn *c, struct store_party *p);
	int (*party_get)(struct store_conn *c, int64_t case_id, int64_t id, struct store_party *p);
	int (*party_delete)(struct store_conn *c, int64_t id);
	int (*party_list)(struct store_conn *c, int64_t case_id, store_party_each_fn each, void *ctx);
	int (*contact_channels_set)(struct store_conn *c, int64_t contact_id, const struct store_contact_channel *rows, int n);
	int (*contact_channel_list)(struct store_conn *c, int64_t contact_id, store_contact_channel_each_fn each, void *ctx);
	int (*contact_addresses_set)(struct store_conn *c, int64_t contact_id, const struct store_contact_address *rows, int n);
	int (*contact_address_list)(struct store_conn *c, int64_t contact_id, store_contact_address_each_fn each, void *ctx);
	int (*party_update)(struct store_conn *c, struct store_party *p);
	int (*insurance_insert)(struct store_conn *c, struct store_insurance *in);
	int (*insurance_get)(struct store_conn *c, int64_t case_id, int64_t id, struct store_insurance *in);
	int (*insurance_update)(struct store_conn *c, struct store_insurance *in);
	int (*insurance_delete)(struct store_conn *c, int64_t id);
	int (*insurance_list)(struct store_conn *c, int64_t case_id, store_insurance_each_fn each, void *ctx);
	int (*lien_insert)(struct store_conn *c, struct store_lien *l);
	int (*lien_get)(struct store_conn *c, int64_t case_id, int64_t id, struct store_lien *l);
	int (*lien_update)(struct store_conn *c, struct store_lien *l);
	int (*lien_delete)(struct store_conn *c, int64_t id);
	int (*lien_list)(struct store_conn *c, int64_t case_id, store_lien_each_fn each, void *ctx);
	int (*bankruptcy_insert)(struct store_conn *c, struct store_bankruptcy *b);
	int (*bankruptcy_get)(struct store_conn *c, int64_t case_id, int64_t id, struct store_bankruptcy *b);
	int (*bankruptcy_update)(struct store_conn *c, struct store_bankruptcy *b);
	int (*bankruptcy_delete)(struct store_conn *c, int64_t id);
	int (*bankruptcy_list)(struct store_conn *c, int64_t case_id, store_bankruptcy_each_fn each, void *ctx);
	int (*task_insert)(struct store_conn *c, struct store_task *t, int64_t now);
	int (*task_get)(struct store_conn *c, int64_t case_id, int64_t id, struct store_task *t);
	int (*task_update)(struct store_conn *c, struct store_task *t, int64_t now);
	int (*task_delete)(struct store_conn *c, int64_t id);
	int (*task_list)(struct store_conn *c, int64_t case_id, bool open_only, store_task_each_fn each, void *ctx);
	int (*appointment_insert)(struct store_conn *c, struct store_appointment *ap, int64_t now);
	int (*appointment_get)(struct store_conn *c, int64_t case_id, int64_t id, struct store_appointment *ap);
	int (*appointment_update)(struct store_conn *c, struct store_appointment *ap, int64_t now);
	int (*appointment_delete)(struct store_conn *c, int64_t id);
	int (*appointment_list)(struct store_conn *c, int64_t case_id, int64_t pending_from, store_appointment_each_fn each, void *ctx);
	int (*attendees_set)(struct store_conn *c, int64_t case_id, int64_t appointment_id, const struct store_attendee *rows, int n);
	int (*attendee_list)(struct store_conn *c, int64_t case_id, int64_t appointment_id, store_attendee_each_fn each, void *ctx);
	int (*deadline_insert)(struct store_conn *c, struct store_deadline *d);
	int (*deadline_get)(struct store_conn *c, int64_t case_id, int64_t id, struct store_deadline *d);
	int (*deadline_update)(struct store_conn *c, struct store_deadline *d);
	int (*deadline_delete)(struct store_conn *c, int64_t id);
	int (*deadline_list)(struct store_conn *c, int64_t case_id, bool outstanding_only, store_deadline_each_fn each, void *ctx);
	int (*court_insert)(struct store_conn *c, struct store_court *ct);
	int (*court_get)(struct store_conn *c, int64_t case_id, int64_t id, struct store_court *ct);
	int (*court_update)(struct store_conn *c, struct store_court *ct);
	int (*court_delete)(struct store_conn *c, int64_t id);
	int (*court_list)(struct store_conn *c, int64_t case_id, store_court_each_fn each, void *ctx);
	int (*court_personnel_set)(struct store_conn *c, int64_t case_id, int64_t case_court_id, const struct store_court_person *rows, int n);
	int (*court_personnel_list)(struct store_conn *c, int64_t case_id, int64_t case_court_id, store_court_person_each_fn each, void *ctx);
	int (*udf_value_set)(struct store_conn *c, int64_t case_id, int64_t field_id, const char *value);
	int (*udf_value_list)(struct store_conn *c, int64_t case_id, store_udf_value_each_fn each, void *ctx);
	/* 0004: policies, requirements, follow-ups, advisors, status reports, outbox */
	int (*policy_get)(struct store_conn *c, int64_t case_id, struct store_policy *p);
	int (*policy_put)(struct store_conn *c, struct store_policy *p, int64_t now);
	int (*policy_follow_up_set)(struct store_conn *c, int64_t case_id, const char *next, const char *last, int64_t now);
	int (*requirement_insert)(struct store_conn *c, struct store_requirement *r, int64_t now);
	int (*requirement_get)(struct store_conn *c, int64_t case_id, int64_t id, struct store_requirement *r);
	int (*requirement_update)(struct store_conn *c, struct store_requirement *r, int64_t now);
	int (*requirement_delete)(struct store_conn *c, int64_t id);
	int (*requirement_list)(struct store_conn *c, int64_t case_id, store_requirement_each_fn each, void *ctx);
	int (*follow_up_get)(struct store_conn *c, int64_t office_id, char method[8], store_follow_up_stage_each_fn each, void *ctx);
	int (*follow_up_set)(struct store_conn *c, int64_t office_id, const char *method, const struct store_follow_up_stage *rows, int n);
	int (*follow_up_stage_get)(struct store_conn *c, int64_t office_id, int64_t status_id, struct store_follow_up_stage *s);
	int (*advisor_list)(struct store_conn *c, const char *q, int64_t after_id, int limit, store_advisor_each_fn each, void *ctx);
	int (*advisor_log_insert)(struct store_conn *c, struct store_advisor_log *l);
	int (*advisor_log_list)(struct store_conn *c, int64_t contact_id, int64_t before_id, int limit, store_advisor_log_each_fn each, void *ctx);
	int (*report_pairs)(struct store_conn *c, const struct store_report_filter *f, store_report_pair_each_fn each, void *ctx);
	int (*report_case_get)(struct store_conn *c, int64_t case_id, struct store_report_case *rc);
	int (*report_preview_insert)(struct store_conn *c, struct store_report_preview *p, const char *options);
	int (*report_preview_get)(struct store_conn *c, int64_t id, struct store_report_preview *p, char **options);
	int (*report_item_insert)(struct store_conn *c, struct store_report_item *it, const int64_t *case_ids, int n);
	int (*report_item_get)(struct store_conn *c, int64_t id, struct store_report_item *it);
	int (*report_item_list)(struct store_conn *c, int64_t preview_id, bool letters_only, const char *run_id, store_report_item_each_fn each, void *ctx);
	int (*report_item_cases)(struct store_conn *c, int64_t item_id, store_id_each_fn each, void *ctx);
	int (*report_item_case_briefs)(struct store_conn *c, int64_t item_id, store_report_case_brief_each_fn each, void *ctx);
	int (*report_item_mark)(struct store_conn *c, int64_t id, bool applied, const char *outcome, const char *reason);
	int (*report_item_next_unapplied)(struct store_conn *c, int64_t preview_id, int64_t after_id, int64_t *id);
	int (*report_send_insert)(struct store_conn *c, struct store_report_send *s);
	int (*report_send_get)(struct store_conn *c, int64_t id, struct store_report_send *s);
	int (*report_send_by_preview)(struct store_conn *c, int64_t preview_id, struct store_report_send *s);
	int (*report_send_update)(struct store_conn *c, const struct store_report_send *s);
	int (*report_send_claim)(struct store_conn *c, int64_t send_id, int64_t now, int64_t until, struct store_report_send *s);
	int (*report_letters_clear)(struct store_conn *c, int64_t send_id);
	int (*report_letters_append)(struct store_conn *c, int64_t send_id, int64_t seq, const void *data, size_t len);
	int (*report_letters_read)(struct store_conn *c, int64_t send_id, store_bytes_each_fn each, void *ctx);
	int (*mail_insert)(struct store_conn *c, struct store_mail *m, int64_t now);
	int (*mail_get)(struct store_conn *c, int64_t id, bool with_body, struct store_mail *m);
	int (*mail_claim)(struct store_conn *c, const char *run_id, int64_t now, const char *worker, int64_t until, struct store_mail *m);
	int (*mail_finish)(struct store_conn *c, int64_t id, const char *worker, const char *state, const char *error, int64_t next_attempt_at, int64_t now);
	int (*mail_recover)(struct store_conn *c, bool all, int64_t now, int64_t *count);
	int (*mail_resolve)(struct store_conn *c, int64_t id, const char *state, int64_t now);
	int (*mail_list)(struct store_conn *c, const char *state, const char *run_id, int64_t after_id, int limit, store_mail_each_fn each, void *ctx);
	int (*mail_count)(struct store_conn *c, const char *run_id, const char *state, int64_t *count);
};

extern const struct store_backend store_sqlite_backend;
extern const struct store_backend store_pg_backend;

#endif
