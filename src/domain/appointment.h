/* appointment.h - appointments on a case: start and end, subject, comments, the people
 * attending (staff users and other contacts) and whether it took place (completed). The
 * summary's Pending Appointments are the upcoming ones and the past ones not completed
 * (appointment_is_pending).
 *
 * Reading follows the case; changes need case_edit and write "appointment.added",
 * ".changed", ".removed" on the timeline. */
#ifndef CASELOAD_APPOINTMENT_H
#define CASELOAD_APPOINTMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

#define APPOINTMENT_ATTENDEES_MAX 32

enum appointment_field_bit {
	APPOINTMENT_F_STARTS_AT = 1u << 0,
	APPOINTMENT_F_ENDS_AT = 1u << 1,
	APPOINTMENT_F_SUBJECT = 1u << 2,
	APPOINTMENT_F_COMMENTS = 1u << 3,
	APPOINTMENT_F_COMPLETED = 1u << 4,
	APPOINTMENT_F_ATTENDEES = 1u << 5,
};

/* An appointment with its attendees. */
struct appointment_detail {
	struct store_appointment v;
	struct store_attendee attendees[APPOINTMENT_ATTENDEES_MAX];
	int n_attendees;
};

struct appointment_fields {
	uint32_t present;   /* enum appointment_field_bit */
	struct appointment_detail d;
};

/* appointment_is_pending: not completed, or starting at or after now. */
bool appointment_is_pending(const struct store_appointment *ap, int64_t now);

/* appointment_list walks a case's appointments by start (pending_only: the pending ones as of
 * now); each receives the appointment with its attendees. */
typedef int (*appointment_each_fn)(const struct appointment_detail *d, void *ctx);
int appointment_list(struct store_conn *c, const struct actor *a, int64_t case_id,
		     bool pending_only, int64_t now, appointment_each_fn each, void *ctx,
		     struct err *e);

int appointment_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		    struct appointment_detail *out, struct err *e);

/* appointment_add: starts_at given (422 starts_at); ends_at >= starts_at (default starts_at +
 * 1 hour; 422 ends_at); subject 1..200 bytes; attendees each exactly one of an existing
 * user_id or contact_id, no one twice, at most 32 (422 "attendees"). */
int appointment_add(struct store_conn *c, const struct actor *a, int64_t case_id,
		    const struct appointment_fields *f, struct appointment_detail *out,
		    struct err *e);
int appointment_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		       int64_t version, const struct appointment_fields *f,
		       struct appointment_detail *out, struct err *e);
int appointment_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		       struct err *e);

#endif
