/* contacts.c - people and organisations outside the user list.
 *   GET/POST /api/v1/contacts, GET/PATCH/DELETE /api/v1/contacts/{id}
 * Rules (who may read and write, the name and e-mail rules, the primary phone and e-mail, the
 * employer, in use) are domain/contact.c. A user's link to their own contact is contact_id on
 * /api/v1/users (api/users.c).
 *
 * The body's phones, emails and addresses are arrays of objects, which the field specs do not
 * take: contact_body reads them element by element (naming a bad member "phones[1].value")
 * and the rest of the body through contact_spec. */
#include "api/api.h"
#include "domain/contact.h"
#include "http/body.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define CF(member) offsetof(struct store_contact, member)

static const struct spec_field contact_spec[] = {
	{"kind", SPEC_STRING, CF(kind), sizeof(((struct store_contact *)0)->kind), CONTACT_F_KIND, false},
	{"first_name", SPEC_STRING, CF(first_name), STORE_PERSON_NAME_MAX + 1, CONTACT_F_FIRST_NAME, false},
	{"last_name", SPEC_STRING, CF(last_name), STORE_PERSON_NAME_MAX + 1, CONTACT_F_LAST_NAME, false},
	{"org_name", SPEC_STRING, CF(org_name), STORE_NAME_MAX + 1, CONTACT_F_ORG_NAME, false},
	{"email", SPEC_STRING, CF(email), STORE_EMAIL_MAX + 1, CONTACT_F_EMAIL, false},
	{"phone", SPEC_STRING, CF(phone), STORE_PHONE_MAX + 1, CONTACT_F_PHONE, false},
	{"nickname", SPEC_STRING, CF(nickname), STORE_PERSON_NAME_MAX + 1, CONTACT_F_NICKNAME, false},
	{"languages", SPEC_STRING, CF(languages), STORE_NAME_MAX + 1, CONTACT_F_LANGUAGES, false},
	{"employer_id", SPEC_ID, CF(employer_id), 0, CONTACT_F_EMPLOYER, false},
	{"preferred_comm", SPEC_STRING, CF(preferred_comm), sizeof(((struct store_contact *)0)->preferred_comm), CONTACT_F_PREFERRED_COMM, false},
	{"birth_date", SPEC_DATE, CF(birth_date), STORE_DATE_LEN, CONTACT_F_BIRTH_DATE, false},
	{"death_date", SPEC_DATE, CF(death_date), STORE_DATE_LEN, CONTACT_F_DEATH_DATE, false},
	{"death_place", SPEC_STRING, CF(death_place), STORE_NAME_MAX + 1, CONTACT_F_DEATH_PLACE, false},
	{0},
};

#define CHF(member) offsetof(struct store_contact_channel, member)

static const struct spec_field phone_spec[] = {
	{"label", SPEC_STRING, CHF(label), STORE_PHONE_MAX + 1, 1, false},
	{"value", SPEC_STRING, CHF(value), STORE_PHONE_MAX + 1, 2, true},
	{"primary", SPEC_BOOL, CHF(primary), 0, 4, false},
	{0},
};

static const struct spec_field email_spec[] = {
	{"label", SPEC_STRING, CHF(label), STORE_PHONE_MAX + 1, 1, false},
	{"value", SPEC_STRING, CHF(value), STORE_EMAIL_MAX + 1, 2, true},
	{"primary", SPEC_BOOL, CHF(primary), 0, 4, false},
	{0},
};

#define ADF(member) offsetof(struct store_contact_address, member)
#define ADS(member) sizeof(((struct store_contact_address *)0)->member)

static const struct spec_field address_spec[] = {
	{"label", SPEC_STRING, ADF(label), ADS(label), 1, false},
	{"line1", SPEC_STRING, ADF(line1), ADS(line1), 2, false},
	{"line2", SPEC_STRING, ADF(line2), ADS(line2), 4, false},
	{"city", SPEC_STRING, ADF(city), ADS(city), 8, false},
	{"region", SPEC_STRING, ADF(region), ADS(region), 16, false},
	{"postcode", SPEC_STRING, ADF(postcode), ADS(postcode), 32, false},
	{"country", SPEC_STRING, ADF(country), ADS(country), 64, false},
	{"primary", SPEC_BOOL, ADF(primary), 0, 128, false},
	{0},
};

/* The three lists of the body: their member, element spec and where the elements go. */
static const struct contact_list {
	const char *name;
	uint32_t bit;
	const char *kind;                  /* channels: phone or email; NULL for addresses */
	const struct spec_field *spec;
} contact_lists[] = {
	{"phones", CONTACT_F_PHONES, "phone", phone_spec},
	{"emails", CONTACT_F_EMAILS, "email", email_spec},
	{"addresses", CONTACT_F_ADDRESSES, NULL, address_spec},
};

/* contact_list_read parses one list member into f (after the elements already there). */
static int contact_list_read(const json_t *arr, const struct contact_list *l,
			     struct contact_fields *f, struct err *e)
{
	if (!json_is_array(arr))
		return err_set(e, ERR_INVALID, l->name, "must be an array");
	size_t i;
	const json_t *el;
	json_array_foreach(arr, i, el) {
		void *dst;
		if (l->kind) {
			if (f->d.n_channels == CONTACT_CHANNELS_MAX)
				return err_set(e, ERR_UNPROCESSABLE, l->name,
					       "at most %d phones and e-mails together",
					       CONTACT_CHANNELS_MAX);
			struct store_contact_channel *ch = &f->d.channels[f->d.n_channels++];
			snprintf(ch->kind, sizeof ch->kind, "%s", l->kind);
			dst = ch;
		} else {
			if (f->d.n_addresses == CONTACT_ADDRESSES_MAX)
				return err_set(e, ERR_UNPROCESSABLE, l->name, "at most %d addresses",
					       CONTACT_ADDRESSES_MAX);
			dst = &f->d.addresses[f->d.n_addresses++];
		}
		if (api_list_item(el, l->name, i, l->spec, dst, e) != 0)
			return e->code;
	}
	f->present |= l->bit;
	return 0;
}

/* contact_body reads the request body into f; -1 after answering the problem. */
static int contact_body(struct request *r, struct contact_fields *f)
{
	struct err e;
	err_clear(&e);
	json_t *obj = NULL;
	if (body_json(r, &obj, &e) != 0) {
		reply_problem(r, &e);
		return -1;
	}
	json_t *rest = json_copy(obj);   /* shallow: the lists are taken out of the copy */
	int rc = rest ? 0 : err_set(&e, ERR_INTERNAL, NULL, "out of memory");
	for (size_t i = 0; rc == 0 && i < sizeof contact_lists / sizeof contact_lists[0]; i++) {
		const json_t *arr = json_object_get(rest, contact_lists[i].name);
		if (!arr)
			continue;
		rc = contact_list_read(arr, &contact_lists[i], f, &e);
		json_object_del(rest, contact_lists[i].name);
	}
	if (rc == 0)
		rc = spec_parse(rest, contact_spec, &f->d.v, &f->present, &e);
	json_decref(rest);
	if (rc != 0) {
		reply_problem(r, &e);
		return -1;
	}
	return 0;
}

static json_t *contact_channels_json(const struct contact_detail *d, const char *kind)
{
	json_t *items = json_array();
	for (int i = 0; i < d->n_channels; i++) {
		const struct store_contact_channel *ch = &d->channels[i];
		if (strcmp(ch->kind, kind) == 0)
			json_array_append_new(items, json_pack("{s:s, s:s, s:b}", "label", ch->label,
							       "value", ch->value,
							       "primary", ch->primary));
	}
	return items;
}

static json_t *contact_addresses_json(const struct contact_detail *d)
{
	json_t *items = json_array();
	for (int i = 0; i < d->n_addresses; i++) {
		const struct store_contact_address *ad = &d->addresses[i];
		json_array_append_new(items, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:b}",
						       "label", ad->label, "line1", ad->line1,
						       "line2", ad->line2, "city", ad->city,
						       "region", ad->region, "postcode", ad->postcode,
						       "country", ad->country, "primary", ad->primary));
	}
	return items;
}

/* contact_to_json is the Contact resource. */
static json_t *contact_to_json(const struct contact_detail *d)
{
	const struct store_contact *ct = &d->v;
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:o}",
			      "id", (json_int_t)ct->id, "kind", ct->kind,
			      "first_name", ct->first_name, "last_name", ct->last_name,
			      "org_name", ct->org_name, "email", ct->email, "phone", ct->phone,
			      "display_name", ct->display_name, "version", (json_int_t)ct->version,
			      "created_at", api_time(ct->created_at));
	json_object_update_new(o, json_pack("{s:s, s:s, s:o, s:s, s:o, s:o, s:s, s:o, s:o, s:o}",
			      "nickname", ct->nickname, "languages", ct->languages,
			      "employer", api_ref(ct->employer_id, ct->employer_name),
			      "preferred_comm", ct->preferred_comm,
			      "birth_date", api_opt(ct->birth_date),
			      "death_date", api_opt(ct->death_date), "death_place", ct->death_place,
			      "phones", contact_channels_json(d, "phone"),
			      "emails", contact_channels_json(d, "email"),
			      "addresses", contact_addresses_json(d)));
	return o;
}

static int contact_reply(struct request *r, int status, const struct contact_detail *d)
{
	api_set_etag(r, d->v.version);
	return reply_json(r, status, contact_to_json(d));
}

struct contact_page {
	json_t *items;
	int64_t last_id;
};

static int contact_append(const struct contact_detail *d, void *ctx)
{
	struct contact_page *p = ctx;
	json_array_append_new(p->items, contact_to_json(d));
	p->last_id = d->v.id;
	return 0;
}

static int contacts_list(struct request *r)
{
	int limit;
	int64_t after;
	if (api_list_params(r, &limit, &after) != 0)
		return 0;
	const char *q = request_query(r, "q");
	if (q && strlen(q) > STORE_NAME_MAX)
		return reply_error(r, ERR_INVALID, "query.q", "must be at most 200 bytes long");
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct contact_page p = {json_array(), 0};
	if (contact_list_detail(db, &r->actor, q ? q : "", after, limit, contact_append, &p,
				&e) != 0) {
		json_decref(p.items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_body(p.items, limit, p.last_id));
}

/* contact_write answers a create (id 0, 201) or a change (200) of a contact. The request's
 * fields and the answer are large (every phone, e-mail and address), so they live on the
 * request's arena (zeroed) rather than the stack. */
static int contact_write(struct request *r, int64_t id)
{
	int64_t version = 0;
	if (id && api_if_match(r, &version) != 0)
		return 0;
	struct contact_fields *f = arena_alloc(&r->arena, sizeof *f);
	struct contact_detail *ct = arena_alloc(&r->arena, sizeof *ct);
	if (!f || !ct)
		return reply_error(r, ERR_INTERNAL, NULL, "out of memory");
	if (contact_body(r, f) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	int rc = id ? contact_update(db, &r->actor, id, version, f, ct, &e)
		    : contact_create(db, &r->actor, f, ct, &e);
	if (rc != 0)
		return api_fail(r, &e);
	return contact_reply(r, id ? 200 : 201, ct);
}

static int contacts_create(struct request *r)
{
	return contact_write(r, 0);
}

static int contacts_patch(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	return id ? contact_write(r, id) : 0;
}

static int contacts_get(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	struct contact_detail *ct = arena_alloc(&r->arena, sizeof *ct);
	if (!ct)
		return reply_error(r, ERR_INTERNAL, NULL, "out of memory");
	if (contact_get(db, &r->actor, id, ct, &e) != 0)
		return api_fail(r, &e);
	return contact_reply(r, 200, ct);
}

static int contacts_delete(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	if (contact_delete(db, &r->actor, id, &e) != 0)
		return api_fail(r, &e);
	return reply_empty(r, 204);
}

const struct route api_contact_routes[] = {
	{"GET", "/api/v1/contacts", contacts_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/contacts", contacts_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/contacts/{id}", contacts_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/contacts/{id}", contacts_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/contacts/{id}", contacts_delete, ROUTE_USER, true, ROUTE_BODY_NONE},
	{0},
};
