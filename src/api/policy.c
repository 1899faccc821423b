/* policy.c - a pending case's policy data.
 *   GET/PUT /api/v1/cases/{id}/policy
 * A PUT changes the members it gives. It carries If-Match with the version read, except on a
 * case without policy data yet (version 0), where If-Match may be left out or be 0. Rules are
 * domain/policy.c; the requirements are api/requirements.c. */
#include "api/api.h"
#include "domain/policy.h"

#include <stddef.h>

#define PF(member) offsetof(struct policy_fields, v.member)

static const struct spec_field policy_spec[] = {
	{"policy_number", SPEC_STRING, PF(policy_number), STORE_POLICY_NUMBER_MAX + 1,
	 POLICY_F_NUMBER, false},
	{"insured_id", SPEC_ID, PF(insured_contact_id), 0, POLICY_F_INSURED, false},
	{"carrier_id", SPEC_ID, PF(carrier_contact_id), 0, POLICY_F_CARRIER, false},
	{"product", SPEC_STRING, PF(product), STORE_NAME_MAX + 1, POLICY_F_PRODUCT, false},
	{"amount_cents", SPEC_CENTS, PF(amount_cents), 0, POLICY_F_AMOUNT, false},
	{"kind", SPEC_STRING, PF(kind), sizeof(((struct store_policy *)0)->kind), POLICY_F_KIND,
	 false},
	{"parent_case_id", SPEC_ID, PF(parent_case_id), 0, POLICY_F_PARENT, false},
	{"next_follow_up", SPEC_DATE, PF(next_follow_up), STORE_DATE_LEN, POLICY_F_NEXT_FOLLOW_UP,
	 false},
	{"last_follow_up", SPEC_DATE, PF(last_follow_up), STORE_DATE_LEN, POLICY_F_LAST_FOLLOW_UP,
	 false},
	{0},
};

/* policy_to_json is the Policy resource; parent is the parent case's brief (NULL: none the
 * caller may see). */
static json_t *policy_to_json(const struct store_policy *p, const struct store_case_brief *parent)
{
	return json_pack("{s:I, s:s, s:o, s:o, s:s, s:o, s:s, s:o, s:o, s:o, s:I, s:o}",
			 "case_id", (json_int_t)p->case_id, "policy_number", p->policy_number,
			 "insured", api_ref(p->insured_contact_id, p->insured_name),
			 "carrier", api_ref(p->carrier_contact_id, p->carrier_name),
			 "product", p->product,
			 "amount_cents", p->amount_cents < 0 ? json_null()
							     : json_integer(p->amount_cents),
			 "kind", p->kind,
			 "parent_case", parent ? brief_to_json(parent) : json_null(),
			 "next_follow_up", api_opt(p->next_follow_up),
			 "last_follow_up", api_opt(p->last_follow_up),
			 "version", (json_int_t)p->version, "updated_at", api_time(p->updated_at));
}

/* policy_reply answers the policy with its ETag. */
static int policy_reply(struct request *r, struct store_conn *db, const struct store_policy *p)
{
	struct store_case_brief parent;
	bool has_parent = policy_parent(db, &r->actor, p, &parent);
	api_set_etag(r, p->version);
	return reply_json(r, 200, policy_to_json(p, has_parent ? &parent : NULL));
}

static int policy_get_handler(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	struct store_policy p;
	if (policy_get(db, &r->actor, id, &p, &e) != 0)
		return api_fail(r, &e);
	return policy_reply(r, db, &p);
}

static int policy_put_handler(struct request *r)
{
	int64_t id = request_param_id(r, 0), version = -1;
	if (!id)
		return 0;
	if (request_header(r, MHD_HTTP_HEADER_IF_MATCH) && api_if_match(r, &version) != 0)
		return 0;
	struct policy_fields f = {0};
	if (api_body(r, policy_spec, &f, &f.present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_policy p;
	if (policy_put(db, &r->actor, id, version, &f, &p, &e) != 0)
		return api_fail(r, &e);
	return policy_reply(r, db, &p);
}

const struct route api_policy_routes[] = {
	{"GET", "/api/v1/cases/{id}/policy", policy_get_handler, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{"PUT", "/api/v1/cases/{id}/policy", policy_put_handler, ROUTE_USER, true, ROUTE_BODY_JSON},
	{0},
};
