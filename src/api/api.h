/* api.h - what the handlers in src/api/ share: reading bodies, If-Match, list paging, and the
 * JSON form of the resources more than one file answers with. Each api file exports its route
 * table (listed in routes.c); a handler parses, calls one domain function, and serialises. */
#ifndef CASELOAD_API_H
#define CASELOAD_API_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "http/request.h"
#include "http/router.h"
#include "http/spec.h"
#include "store/store.h"

#define API_LIST_DEFAULT 50
#define API_LIST_MAX 200

/* api_db gives the request's connection; NULL after answering 503. */
struct store_conn *api_db(struct request *r);

/* api_start is how a handler begins its domain call: it clears e and gives the request's
 * connection (NULL after answering 503). */
struct store_conn *api_start(struct request *r, struct err *e);

/* api_body parses the JSON object body through spec into dst; -1 after answering the problem. */
int api_body(struct request *r, const struct spec_field *spec, void *dst, uint32_t *present);

/* api_if_match reads the If-Match version ("3" or 3); -1 after answering 428 or 400. */
int api_if_match(struct request *r, int64_t *version);

/* api_set_etag makes the answer carry ETag: "<version>". */
void api_set_etag(struct request *r, int64_t version);

/* api_list_params reads limit (1..200, default 50) and cursor; -1 after answering 400. */
int api_list_params(struct request *r, int *limit, int64_t *after_id);

/* api_list_params_at is api_list_params for lists ordered by a time, then an id (both
 * descending): the cursor carries the last row's (at, id); (0, 0) when there is none. */
int api_list_params_at(struct request *r, int *limit, int64_t *at, int64_t *id);

/* api_list_body wraps items as {"items": [...], "next_cursor": ...}; a cursor is made from
 * last_id when the page was full (more may follow), else null. Takes ownership of items. */
json_t *api_list_body(json_t *items, int limit, int64_t last_id);

/* api_list_body_at is api_list_body with a cursor made of the last row's (at, id). Takes
 * ownership of items. */
json_t *api_list_body_at(json_t *items, int limit, int64_t last_at, int64_t last_id);

/* api_list_whole wraps a complete, unpaged list: {"items": [...], "next_cursor": null}. Takes
 * ownership of items. */
json_t *api_list_whole(json_t *items);

/* api_time gives an ISO 8601 UTC string for t, or null for 0. */
json_t *api_time(int64_t t);

/* api_ref is the short form of a referenced record, {"id": id, "name": name}, or null when
 * id is 0. */
json_t *api_ref(int64_t id, const char *name);

/* api_opt gives an optional text (a date, a name, a number) as a string, or null when it is ""
 * (not set). */
json_t *api_opt(const char *s);

/* api_fail answers the domain's error and returns 0 (for `return api_fail(r, &e)`). */
int api_fail(struct request *r, const struct err *e);

/* A domain call on one row under a case: (case id, row id). */
typedef int (*api_case_row_fn)(struct store_conn *c, const struct actor *a, int64_t case_id,
			       int64_t row_id, struct err *e);

/* api_case_row_delete answers DELETE /api/v1/cases/{id}/<rows>/{row}: fn on the two ids, then
 * 204 or the problem. */
int api_case_row_delete(struct request *r, api_case_row_fn fn);

/* api_query_bool reads the optional query parameter name, "true" or "false" (absent: *out is
 * left as it is); -1 after answering 400 on query.<name>. */
int api_query_bool(struct request *r, const char *name, bool *out);

/* api_body_list is api_body for a body with one array member, list, that spec does not
 * describe: that member (an array, or null for none; else 400 on list) is handed back in
 * *items, owned by the request, or NULL when it is absent. -1 after answering the problem. */
int api_body_list(struct request *r, const struct spec_field *spec, void *dst,
		  uint32_t *present, const char *list, const json_t **items);

/* api_list_item parses element i of the array member list through spec into dst (which the
 * caller has zeroed); a problem names "list[i].member", or "list[i]" when the element is not
 * an object. Returns 0 or the code it put in e. */
int api_list_item(const json_t *item, const char *list, size_t i,
		  const struct spec_field *spec, void *dst, struct err *e);

/* api_case_status_spec is the body of a status change (api/case_statuses.c), shared with the
 * mass status change (api/cases.c); it fills struct case_status_fields. */
extern const struct spec_field api_case_status_spec[];

/* user_to_json is the User resource: the row and its effective rights. */
json_t *user_to_json(const struct store_user *u, uint32_t rights);

/* The JSON forms of the rows under a case, each defined in the api file of its resource and
 * shared with the case summary (api/summary.c). Each gives a new reference. */
struct appointment_detail;
struct court_detail;
struct udf_entry;
json_t *case_to_json(const struct store_case *k);                        /* cases.c */
json_t *value_change_to_json(const struct store_value_change *v);        /* cases.c */
json_t *case_status_to_json(const struct store_case_status *s, const char *today);
									 /* case_statuses.c */
json_t *staff_to_json(const struct store_case_staff *s);                 /* case_staff.c */
json_t *note_to_json(const struct store_note *n);                        /* notes.c */
json_t *brief_to_json(const struct store_case_brief *b);                 /* related.c */
json_t *party_to_json(const struct store_party *p);                      /* parties.c */
json_t *insurance_to_json(const struct store_insurance *in);             /* insurance.c */
json_t *lien_to_json(const struct store_lien *l);                        /* liens.c */
json_t *bankruptcy_to_json(const struct store_bankruptcy *b);            /* bankruptcies.c */
json_t *task_to_json(const struct store_task *t);                        /* tasks.c */
json_t *appointment_to_json(const struct appointment_detail *d);         /* appointments.c */
json_t *deadline_to_json(const struct store_deadline *d);                /* deadlines.c */
json_t *court_to_json(const struct court_detail *d);                     /* courts.c */
json_t *udf_entry_to_json(const struct udf_entry *u);                    /* udf.c */
json_t *udf_options_to_json(const char *options);  /* udf.c: a picklist's lines as an array */

/* Route tables, one per file. */
extern const struct route api_health_routes[];
extern const struct route api_session_routes[];
extern const struct route api_token_routes[];
extern const struct route api_user_routes[];
extern const struct route api_office_routes[];
extern const struct route api_setup_routes[];
extern const struct route api_contact_routes[];
extern const struct route api_case_routes[];
extern const struct route api_case_status_routes[];
extern const struct route api_case_staff_routes[];
extern const struct route api_note_routes[];
extern const struct route api_timeline_routes[];
extern const struct route api_related_routes[];
extern const struct route api_party_routes[];
extern const struct route api_insurance_routes[];
extern const struct route api_lien_routes[];
extern const struct route api_bankruptcy_routes[];
extern const struct route api_task_routes[];
extern const struct route api_appointment_routes[];
extern const struct route api_deadline_routes[];
extern const struct route api_court_routes[];
extern const struct route api_udf_routes[];
extern const struct route api_summary_routes[];
extern const struct route api_report_routes[];
extern const struct route api_requirement_routes[];
extern const struct route api_policy_routes[];
extern const struct route api_advisor_routes[];
extern const struct route api_follow_up_routes[];
extern const struct route api_outbox_routes[];

#endif
