/* parties.c - parties of a case: plaintiffs, other plaintiffs, defendants in full.
 *   GET/POST /api/v1/cases/{id}/parties, GET/PATCH/DELETE /api/v1/cases/{id}/parties/{party}
 * Rules (the primary marks, other plaintiffs, the law firm and attorney) are domain/party.c;
 * the summary's plaintiffs and defendants use party_to_json (api/summary.c). The steps
 * around the domain calls are api/case_rows.c. */
#include "api/case_rows.h"
#include "domain/party.h"

#include <stddef.h>

#define PF(member) offsetof(struct party_fields, v.member)
#define PS(member) sizeof(((struct store_party *)0)->member)

static const struct spec_field party_spec[] = {
	{"contact_id", SPEC_ID, PF(contact_id), 0, PARTY_F_CONTACT, false},
	{"kind", SPEC_STRING, PF(kind), PS(kind), PARTY_F_KIND, false},
	{"group_no", SPEC_INT, PF(group_no), 0, PARTY_F_GROUP, false},
	{"primary_party", SPEC_BOOL, PF(primary_party), 0, PARTY_F_PRIMARY_PARTY, false},
	{"primary_contact", SPEC_BOOL, PF(primary_contact), 0, PARTY_F_PRIMARY_CONTACT, false},
	{"role", SPEC_STRING, PF(role), PS(role), PARTY_F_ROLE, false},
	{"represented", SPEC_BOOL, PF(represented), 0, PARTY_F_REPRESENTED, false},
	{"law_firm_id", SPEC_ID, PF(law_firm_id), 0, PARTY_F_LAW_FIRM, false},
	{"attorney_id", SPEC_ID, PF(attorney_id), 0, PARTY_F_ATTORNEY, false},
	{"injury_summary", SPEC_STRING, PF(injury_summary), PS(injury_summary),
	 PARTY_F_INJURY_SUMMARY, false},
	{"pleadings_summary", SPEC_STRING, PF(pleadings_summary), PS(pleadings_summary),
	 PARTY_F_PLEADINGS_SUMMARY, false},
	{0},
};

json_t *party_to_json(const struct store_party *p)
{
	json_t *contact = json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:o, s:s}",
				    "id", (json_int_t)p->contact_id, "name", p->contact_name,
				    "nickname", p->nickname, "languages", p->languages,
				    "phone", p->phone, "birth_date", api_opt(p->birth_date),
				    "death_date", api_opt(p->death_date),
				    "death_place", p->death_place);
	return json_pack("{s:I, s:s, s:o, s:I, s:b, s:b, s:s, s:s, s:b, s:o, s:o, s:s, s:s, s:I}",
			 "id", (json_int_t)p->id, "kind", p->kind, "contact", contact,
			 "group_no", (json_int_t)p->group_no, "primary_party", p->primary_party,
			 "primary_contact", p->primary_contact,
			 "primary_label", party_primary_label(p), "role", p->role,
			 "represented", p->represented,
			 "law_firm", api_ref(p->law_firm_id, p->law_firm_name),
			 "attorney", api_ref(p->attorney_id, p->attorney_name),
			 "injury_summary", p->injury_summary,
			 "pleadings_summary", p->pleadings_summary,
			 "version", (json_int_t)p->version);
}

static int party_append(const struct store_party *p, void *ctx)
{
	json_array_append_new(ctx, party_to_json(p));
	return 0;
}

/* party_call makes the domain call of one step of the routes (api/case_rows.c). */
static int party_call(struct store_conn *c, const struct actor *a, struct case_rows_call *k,
		      struct err *e)
{
	struct store_party p;
	int rc;
	switch (k->op) {
	case CASE_ROWS_LIST:
		return party_list(c, a, k->case_id, party_append, k->items, e);
	case CASE_ROWS_GET:
		rc = party_get(c, a, k->case_id, k->id, &p, e);
		break;
	case CASE_ROWS_ADD:
		rc = party_add(c, a, k->case_id, k->fields, &p, e);
		break;
	default:
		rc = party_update(c, a, k->case_id, k->id, k->version, k->fields, &p, e);
		break;
	}
	if (rc == 0) {
		k->row = party_to_json(&p);
		k->row_version = p.version;
	}
	return rc;
}

static const struct case_rows party_rows = {
	.spec = party_spec, .fields_size = sizeof(struct party_fields), .call = party_call,
	.remove = party_remove,
};

static int parties_handle(struct request *r)
{
	return case_rows_handle(r, &party_rows);
}

const struct route api_party_routes[] = {
	{"GET", "/api/v1/cases/{id}/parties", parties_handle, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/parties", parties_handle, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/cases/{id}/parties/{party}", parties_handle, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}/parties/{party}", parties_handle, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/parties/{party}", parties_handle, ROUTE_USER, true,
	 ROUTE_BODY_NONE},
	{0},
};
