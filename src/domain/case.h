/* case.h - a case: its identity (number, name), what kind it is, where and when, its value, its
 * owner; creating, reading, editing, listing and (soft) deleting it, and the value history.
 *
 * Where a case stands (statuses) is domain/case_status.c; who works on it is case_staff.c; its
 * notes note.c; links to other cases related.c; the audit trail timeline.c. Every reader of a
 * case or of anything under it calls case_load() first, which applies the caller's scope: a case
 * the caller may not see is simply not found (404). */
#ifndef CASELOAD_CASE_H
#define CASELOAD_CASE_H

#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

enum case_field_bit {
	CASE_F_NUMBER = 1u << 0,
	CASE_F_NAME = 1u << 1,
	CASE_F_CASE_TYPE = 1u << 2,
	CASE_F_CASE_SUBTYPE = 1u << 3,
	CASE_F_STATE = 1u << 4,
	CASE_F_OFFICE = 1u << 5,
	CASE_F_INCIDENT_DATE = 1u << 6,
	CASE_F_OPENED_DATE = 1u << 7,
	CASE_F_WANTED_DATE = 1u << 8,
	CASE_F_EXPECTED_RESOLUTION_DATE = 1u << 9,
	CASE_F_VALUE_RANGE = 1u << 10,
	CASE_F_MIN_SETTLEMENT = 1u << 11,
	CASE_F_VALUE_COMMENTS = 1u << 12,
	CASE_F_SERIOUS_INJURY = 1u << 13,
	CASE_F_MDL_MASTER = 1u << 14,
	CASE_F_DESCRIPTION = 1u << 15,
	CASE_F_OWNER = 1u << 16,
	CASE_F_STATUS = 1u << 17,   /* create only: the first stage, instead of the type's first */
	CASE_F_RETAINER_DATE = 1u << 18,
	CASE_F_REFERRAL_IN_FORM = 1u << 19,
	CASE_F_REFERRAL_IN_CONTACT = 1u << 20,
	CASE_F_REFERRAL_OUT_FORM = 1u << 21,
	CASE_F_REFERRAL_OUT_CONTACT = 1u << 22,
	CASE_F_LIABILITY_CODE = 1u << 23,
	CASE_F_LIABILITY_PERCENT = 1u << 24,
	CASE_F_INCIDENT_FACTS = 1u << 25,
};

/* What a create or edit asks for; `present` says which members were given. */
struct case_fields {
	uint32_t present;   /* enum case_field_bit */
	char number[STORE_CASE_NUMBER_MAX + 1];
	char name[STORE_NAME_MAX + 1];
	int64_t case_type_id;
	int64_t case_subtype_id;      /* 0 = none */
	char state[8];
	int64_t office_id;            /* 0 = none */
	char incident_date[STORE_DATE_LEN];
	char opened_date[STORE_DATE_LEN];
	char wanted_date[STORE_DATE_LEN];
	char expected_resolution_date[STORE_DATE_LEN];
	int64_t value_range_id;       /* 0 = none */
	int64_t min_settlement_cents; /* -1 = not set */
	char value_comments[STORE_COMMENTS_MAX + 1];
	bool serious_injury;
	bool mdl_master;
	char description[STORE_DESCRIPTION_MAX + 1];
	int64_t owner_id;             /* 0 = the creator */
	char retainer_date[STORE_DATE_LEN];
	char referral_in_form[STORE_NAME_MAX + 1];
	int64_t referral_in_contact_id;   /* 0 = none; else an existing contact (422) */
	char referral_out_form[STORE_NAME_MAX + 1];
	int64_t referral_out_contact_id;
	char liability_code[STORE_PERSON_NAME_MAX + 1];
	int64_t liability_percent;        /* 0..100, -1 = not set (422 liability_percent) */
	char incident_facts[STORE_DESCRIPTION_MAX + 1];
	int64_t status_id;            /* create only; 0 = the first stage of the case type's group */
};

/* case_scope gives the store scope of an actor: everything for admin, staff and the system;
 * for advisors and clients only the cases they are on. */
void case_scope(const struct actor *a, struct store_scope *scope);

/* case_load reads a case the actor may see; ERR_NOT_FOUND ("case not found") otherwise. Every
 * function acting on something under a case calls it first. */
int case_load(struct store_conn *c, const struct actor *a, int64_t id, struct store_case *out,
	      struct err *e);

/* case_acting_user is the user recorded on rows that need a real user (status rows, value
 * history): the actor, or the case's owner when the system (user id 0) acts. */
int64_t case_acting_user(const struct actor *a, const struct store_case *k);

/* case_setup_ref reads item id of a setup list for a reference in the input named field:
 * ERR_UNPROCESSABLE on field ("there is no case type 9") when absent or id <= 0. */
int case_setup_ref(struct store_conn *c, enum store_setup_kind kind, int64_t id,
		   const char *field, struct store_setup_item *out, struct err *e);

/* A description of a change for the timeline, built field by field:
 * "name: A → B; state: NY → NJ; description: old text… → new text…". Start it zeroed. */
struct case_diff {
	char text[STORE_EVENT_TEXT_MAX + 1];
	size_t len;
	int count;     /* how many changes it names */
};

/* How much of a long text (description, comments) a change description shows. */
#define CASE_DIFF_LONG_CHARS 80

/* case_diff_add names one change: "label: from → to" ("" shows as "(none)"). Text past the
 * event's length is cut. */
void case_diff_add(struct case_diff *d, const char *label, const char *from, const char *to);

/* case_diff_text is case_diff_add when from and to differ. */
void case_diff_text(struct case_diff *d, const char *label, const char *from, const char *to);

/* case_diff_long is case_diff_text for long texts: each side is cut to its first
 * CASE_DIFF_LONG_CHARS characters ("…" marks the cut) and put on one line. */
void case_diff_long(struct case_diff *d, const char *label, const char *from, const char *to);

/* case_load_for_edit is case_load followed by the check of the right to change what is under
 * the case (case_edit): a case the actor may not see is not found before anything else. */
int case_load_for_edit(struct store_conn *c, const struct actor *a, int64_t id,
		       struct store_case *out, struct err *e);

/* case_create opens a case (right case_create): number from the firm's pattern when not given
 * (unique: ERR_CONFLICT on number), owner = the creator unless given (the system, user id 0,
 * must give one), opened date = today unless given, first stage of its case
 * type's group (or f->status_id, which must be a stage status). Writes the stage row, the value
 * history row (when a value range is given) and the timeline event in one transaction. */
int case_create(struct store_conn *c, const struct actor *a, const struct case_fields *f,
		struct store_case *out, struct err *e);

/* case_update edits a case the actor can see (404 first), with right case_edit (a change of
 * name or number also needs case_edit_name_number, else ERR_FORBIDDEN), when version is
 * current (else ERR_CONFLICT). A new
 * value range ends the current value history row and starts one. One timeline event names the
 * changed fields. */
int case_update(struct store_conn *c, const struct actor *a, int64_t id, int64_t version,
		const struct case_fields *f, struct store_case *out, struct err *e);

/* case_delete hides a case for good (admin); its rows and timeline stay for the audit. */
int case_delete(struct store_conn *c, const struct actor *a, int64_t id, struct err *e);

/* case_list walks the cases matching f (scope is set here from the actor). */
int case_list(struct store_conn *c, const struct actor *a, struct store_case_filter *f,
	      store_case_each_fn each, void *ctx, struct err *e);

/* case_value_history walks the case's estimated value history, newest first. */
int case_value_history(struct store_conn *c, const struct actor *a, int64_t id,
		       store_value_change_each_fn each, void *ctx, struct err *e);

/* case_number_format expands a numbering pattern: {YYYY} {YY} {MM} {DD} of today, {SEQ} the
 * sequence number, {SEQ:n} zero-padded to n digits (1..12); other text is kept. ERR_UNPROCESSABLE
 * (field "case_number_pattern") for an unknown token or no {SEQ}. */
int case_number_format(const char *pattern, const char today[STORE_DATE_LEN], int64_t seq,
		       char out[STORE_CASE_NUMBER_MAX + 1], struct err *e);

#endif
