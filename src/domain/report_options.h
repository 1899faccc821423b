/* report_options.h - the options of a case status report (the Case Status dialog): whose cases,
 * which advisors, which pending cases, how each report goes out and what it shows. One struct
 * serves the API (api/reports.c parses the body into it), the CLI (cli/report.c fills it from
 * its flags) and the frozen copy a preview keeps (report_options_to_json / _from_json, stored as
 * JSON text in report_preview.options).
 *
 * The selection itself is domain/report.c; the rights the options need are checked there too
 * (report_options_right). */
#ifndef CASELOAD_REPORT_OPTIONS_H
#define CASELOAD_REPORT_OPTIONS_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

#define REPORT_SELECTED_MAX 1000
#define REPORT_SUBJECT_MAX 200

/* How each report goes out: the advisor's preferred method, all by e-mail, or all printed. */
enum report_method { REPORT_METHOD_PREFERRED = 0, REPORT_METHOD_EMAIL, REPORT_METHOD_PRINT };

/* What is masked in the reports: nothing, the policy number, the insured's name, or both. */
enum report_mask { REPORT_MASK_NONE = 0, REPORT_MASK_POLICY, REPORT_MASK_NAME, REPORT_MASK_BOTH };

struct report_options {
	int64_t office_id;                        /* 0 = every office */
	int64_t case_manager_id;                  /* 0 = any case manager */
	enum store_report_advisors advisors;      /* all, primary, selected */
	int64_t advisor_ids[REPORT_SELECTED_MAX]; /* selected: contact ids */
	int n_advisors;
	enum store_report_cases cases;            /* follow_up, all, stage, selected */
	int64_t stage_status_id;                  /* stage */
	int64_t case_ids[REPORT_SELECTED_MAX];    /* selected */
	int n_cases;
	bool informal, informal_child, group;     /* include those kinds of pending case */
	bool pos_requirements;                    /* include outstanding POS requirements */
	enum report_method method;
	bool one_case_per_letter;                 /* forced on with cases = follow_up */
	bool show_logo;
	enum report_mask mask;
	char subject[REPORT_SUBJECT_MAX + 1];     /* "" = the default subject (setup) */
};

/* report_options_defaults fills o with the dialog's defaults: all advisors, all pending cases,
 * preferred method, nothing masked, the default subject. */
void report_options_defaults(struct report_options *o);

/* report_options_check validates o and normalises it (one_case_per_letter forced on with the
 * follow-up option; selected lists need at least one id; a stage needs stage_status_id; ids
 * positive, no duplicates): 0, or ERR_UNPROCESSABLE naming the member ("advisor_ids",
 * "case_ids", "stage_status_id", "cases", "subject"). The office's follow-up method is checked
 * by report.c, which has the connection. */
int report_options_check(struct report_options *o, struct err *e);

/* report_options_right says which right sending (or previewing) o needs: the selective right
 * when advisors or cases are selected, the mass right otherwise (domain/rights.h). */
int report_options_right(const struct report_options *o);

/* report_options_to_json gives the options as a new JSON object (the API's shape: names as in
 * docs/api.md "Case status reports"). */
json_t *report_options_to_json(const struct report_options *o);

/* report_options_from_json reads that shape back (unknown members are ERR_INVALID, bad values
 * ERR_UNPROCESSABLE, both naming the member; absent members keep their defaults), then runs
 * report_options_check. */
int report_options_from_json(const json_t *obj, struct report_options *o, struct err *e);

/* Names of the enums in the JSON shape and the CLI: "all", "primary", "selected";
 * "follow_up", "all", "stage", "selected"; "preferred", "email", "print"; "none", "policy",
 * "name", "both". Lookups answer -1 for an unknown name. */
const char *report_advisors_name(enum store_report_advisors v);
const char *report_cases_name(enum store_report_cases v);
const char *report_method_name(enum report_method v);
const char *report_mask_name(enum report_mask v);
int report_advisors_lookup(const char *s);
int report_cases_lookup(const char *s);
int report_method_lookup(const char *s);
int report_mask_lookup(const char *s);

#endif
