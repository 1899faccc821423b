/* flag.h - the case summary's flags: short marks ("Serious Injury", "Bankruptcy") made by
 * rules from the case data, never typed by hand. The administrator keeps the list (setup list
 * "flags": name, condition, parameter, target); this file knows the conditions and decides
 * which flags a case shows from its facts (gathered by domain/summary.c).
 *
 * Conditions (code, and what param means where it has one):
 *   serious_injury       the case is marked serious injury
 *   mdl_master           the case is an MDL master case
 *   bankruptcy           a party has a bankruptcy
 *   referred_out         the case was referred out (a referred-out contact is set)
 *   deceased_plaintiff   a plaintiff has a date of death
 *   minor_plaintiff      a plaintiff is under 18 today (by date of birth)
 *   sol_past_due         an outstanding plaintiff or defendant SOL is past due
 *   deadline_past_due    any outstanding deadline is past due
 *   liens                a plaintiff has a lien
 *   critical_task        an incomplete task has priority critical
 *   udf_equals           param "Field name=value": the case's UDF has that value (as stored:
 *                        yes/no fields "1"/"0", money in cents)
 *   udf_set              param "Field name": the case's UDF has a value
 * Targets (where the details live, for the UI's link): injuries, bankruptcy, referral,
 * surrogate, deadlines, plaintiffs, defendants, liens, tasks, incident, udf, info. */
#ifndef CASELOAD_FLAG_H
#define CASELOAD_FLAG_H

#include <stdbool.h>

#include "core/err.h"
#include "store/store.h"

/* What the rules look at, gathered from one case. */
struct flag_facts {
	bool serious_injury;
	bool mdl_master;
	bool bankruptcy;
	bool referred_out;
	bool deceased_plaintiff;
	bool minor_plaintiff;
	bool sol_past_due;
	bool deadline_past_due;
	bool liens;
	bool critical_task;
	/* The case's UDF values by field name (pointers into the caller's data). */
	const char *const *udf_names;
	const char *const *udf_values;
	int n_udf;
};

/* flag_condition_valid checks a flag's condition, parameter and target (ERR_UNPROCESSABLE on
 * "condition", "param" or "target"). */
int flag_condition_valid(const char *condition, const char *param, const char *target,
			 struct err *e);

/* flag_holds says whether the flag's condition is true of the facts. */
bool flag_holds(const struct store_setup_item *flag, const struct flag_facts *f);

/* flag_is_minor says whether someone born on birth_date ("YYYY-MM-DD"; "" = unknown, never a
 * minor) is under 18 on today. */
bool flag_is_minor(const char *birth_date, const char *today);

#endif
