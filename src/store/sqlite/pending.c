/* pending.c - placeholders for the calls of migration 0003 not yet written for this backend;
 * each answers STORE_ERROR. Remove a placeholder when its real function lands. */
#include "store/sqlite/sqlite.h"

int sqlite_contact_channels_set(struct store_conn *c, int64_t contact_id, const struct store_contact_channel *rows, int n)
{
	(void)c;
	(void)contact_id;
	(void)rows;
	(void)n;
	return STORE_ERROR;
}

int sqlite_contact_channel_list(struct store_conn *c, int64_t contact_id, store_contact_channel_each_fn each, void *ctx)
{
	(void)c;
	(void)contact_id;
	(void)each;
	(void)ctx;
	return STORE_ERROR;
}

int sqlite_contact_addresses_set(struct store_conn *c, int64_t contact_id, const struct store_contact_address *rows, int n)
{
	(void)c;
	(void)contact_id;
	(void)rows;
	(void)n;
	return STORE_ERROR;
}

int sqlite_contact_address_list(struct store_conn *c, int64_t contact_id, store_contact_address_each_fn each, void *ctx)
{
	(void)c;
	(void)contact_id;
	(void)each;
	(void)ctx;
	return STORE_ERROR;
}

int sqlite_party_update(struct store_conn *c, struct store_party *p)
{
	(void)c;
	(void)p;
	return STORE_ERROR;
}

int sqlite_insurance_insert(struct store_conn *c, struct store_insurance *in)
{
	(void)c;
	(void)in;
	return STORE_ERROR;
}

int sqlite_insurance_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_insurance *in)
{
	(void)c;
	(void)case_id;
	(void)id;
	(void)in;
	return STORE_ERROR;
}

int sqlite_insurance_update(struct store_conn *c, struct store_insurance *in)
{
	(void)c;
	(void)in;
	return STORE_ERROR;
}

int sqlite_insurance_delete(struct store_conn *c, int64_t id)
{
	(void)c;
	(void)id;
	return STORE_ERROR;
}

int sqlite_insurance_list(struct store_conn *c, int64_t case_id, store_insurance_each_fn each, void *ctx)
{
	(void)c;
	(void)case_id;
	(void)each;
	(void)ctx;
	return STORE_ERROR;
}

int sqlite_lien_insert(struct store_conn *c, struct store_lien *l)
{
	(void)c;
	(void)l;
	return STORE_ERROR;
}

int sqlite_lien_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_lien *l)
{
	(void)c;
	(void)case_id;
	(void)id;
	(void)l;
	return STORE_ERROR;
}

int sqlite_lien_update(struct store_conn *c, struct store_lien *l)
{
	(void)c;
	(void)l;
	return STORE_ERROR;
}

int sqlite_lien_delete(struct store_conn *c, int64_t id)
{
	(void)c;
	(void)id;
	return STORE_ERROR;
}

int sqlite_lien_list(struct store_conn *c, int64_t case_id, store_lien_each_fn each, void *ctx)
{
	(void)c;
	(void)case_id;
	(void)each;
	(void)ctx;
	return STORE_ERROR;
}

int sqlite_bankruptcy_insert(struct store_conn *c, struct store_bankruptcy *b)
{
	(void)c;
	(void)b;
	return STORE_ERROR;
}

int sqlite_bankruptcy_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_bankruptcy *b)
{
	(void)c;
	(void)case_id;
	(void)id;
	(void)b;
	return STORE_ERROR;
}

int sqlite_bankruptcy_update(struct store_conn *c, struct store_bankruptcy *b)
{
	(void)c;
	(void)b;
	return STORE_ERROR;
}

int sqlite_bankruptcy_delete(struct store_conn *c, int64_t id)
{
	(void)c;
	(void)id;
	return STORE_ERROR;
}

int sqlite_bankruptcy_list(struct store_conn *c, int64_t case_id, store_bankruptcy_each_fn each, void *ctx)
{
	(void)c;
	(void)case_id;
	(void)each;
	(void)ctx;
	return STORE_ERROR;
}

int sqlite_task_insert(struct store_conn *c, struct store_task *t, int64_t now)
{
	(void)c;
	(void)t;
	(void)now;
	return STORE_ERROR;
}

int sqlite_task_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_task *t)
{
	(void)c;
	(void)case_id;
	(void)id;
	(void)t;
	return STORE_ERROR;
}

int sqlite_task_update(struct store_conn *c, struct store_task *t, int64_t now)
{
	(void)c;
	(void)t;
	(void)now;
	return STORE_ERROR;
}

int sqlite_task_delete(struct store_conn *c, int64_t id)
{
	(void)c;
	(void)id;
	return STORE_ERROR;
}

int sqlite_task_list(struct store_conn *c, int64_t case_id, bool open_only, store_task_each_fn each, void *ctx)
{
	(void)c;
	(void)case_id;
	(void)open_only;
	(void)each;
	(void)ctx;
	return STORE_ERROR;
}

int sqlite_appointment_insert(struct store_conn *c, struct store_appointment *ap, int64_t now)
{
	(void)c;
	(void)ap;
	(void)now;
	return STORE_ERROR;
}

int sqlite_appointment_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_appointment *ap)
{
	(void)c;
	(void)case_id;
	(void)id;
	(void)ap;
	return STORE_ERROR;
}

int sqlite_appointment_update(struct store_conn *c, struct store_appointment *ap, int64_t now)
{
	(void)c;
	(void)ap;
	(void)now;
	return STORE_ERROR;
}

int sqlite_appointment_delete(struct store_conn *c, int64_t id)
{
	(void)c;
	(void)id;
	return STORE_ERROR;
}

int sqlite_appointment_list(struct store_conn *c, int64_t case_id, int64_t pending_from, store_appointment_each_fn each, void *ctx)
{
	(void)c;
	(void)case_id;
	(void)pending_from;
	(void)each;
	(void)ctx;
	return STORE_ERROR;
}

int sqlite_attendees_set(struct store_conn *c, int64_t case_id, int64_t appointment_id, const struct store_attendee *rows, int n)
{
	(void)c;
	(void)case_id;
	(void)appointment_id;
	(void)rows;
	(void)n;
	return STORE_ERROR;
}

int sqlite_attendee_list(struct store_conn *c, int64_t case_id, int64_t appointment_id, store_attendee_each_fn each, void *ctx)
{
	(void)c;
	(void)case_id;
	(void)appointment_id;
	(void)each;
	(void)ctx;
	return STORE_ERROR;
}

int sqlite_deadline_insert(struct store_conn *c, struct store_deadline *d)
{
	(void)c;
	(void)d;
	return STORE_ERROR;
}

int sqlite_deadline_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_deadline *d)
{
	(void)c;
	(void)case_id;
	(void)id;
	(void)d;
	return STORE_ERROR;
}

int sqlite_deadline_update(struct store_conn *c, struct store_deadline *d)
{
	(void)c;
	(void)d;
	return STORE_ERROR;
}

int sqlite_deadline_delete(struct store_conn *c, int64_t id)
{
	(void)c;
	(void)id;
	return STORE_ERROR;
}

int sqlite_deadline_list(struct store_conn *c, int64_t case_id, bool outstanding_only, store_deadline_each_fn each, void *ctx)
{
	(void)c;
	(void)case_id;
	(void)outstanding_only;
	(void)each;
	(void)ctx;
	return STORE_ERROR;
}

int sqlite_court_insert(struct store_conn *c, struct store_court *ct)
{
	(void)c;
	(void)ct;
	return STORE_ERROR;
}

int sqlite_court_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_court *ct)
{
	(void)c;
	(void)case_id;
	(void)id;
	(void)ct;
	return STORE_ERROR;
}

int sqlite_court_update(struct store_conn *c, struct store_court *ct)
{
	(void)c;
	(void)ct;
	return STORE_ERROR;
}

int sqlite_court_delete(struct store_conn *c, int64_t id)
{
	(void)c;
	(void)id;
	return STORE_ERROR;
}

int sqlite_court_list(struct store_conn *c, int64_t case_id, store_court_each_fn each, void *ctx)
{
	(void)c;
	(void)case_id;
	(void)each;
	(void)ctx;
	return STORE_ERROR;
}

int sqlite_court_personnel_set(struct store_conn *c, int64_t case_id, int64_t case_court_id, const struct store_court_person *rows, int n)
{
	(void)c;
	(void)case_id;
	(void)case_court_id;
	(void)rows;
	(void)n;
	return STORE_ERROR;
}

int sqlite_court_personnel_list(struct store_conn *c, int64_t case_id, int64_t case_court_id, store_court_person_each_fn each, void *ctx)
{
	(void)c;
	(void)case_id;
	(void)case_court_id;
	(void)each;
	(void)ctx;
	return STORE_ERROR;
}

int sqlite_udf_value_set(struct store_conn *c, int64_t case_id, int64_t field_id, const char *value)
{
	(void)c;
	(void)case_id;
	(void)field_id;
	(void)value;
	return STORE_ERROR;
}

int sqlite_udf_value_list(struct store_conn *c, int64_t case_id, store_udf_value_each_fn each, void *ctx)
{
	(void)c;
	(void)case_id;
	(void)each;
	(void)ctx;
	return STORE_ERROR;
}

