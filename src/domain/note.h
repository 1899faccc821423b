/* note.h - notes on a case: a type (from the note types list), a body, the date and time the
 * note is about, and who wrote it. Anyone with case_edit adds notes; only the writer or an
 * administrator edits or deletes one. The case page shows the newest five; the list is
 * searchable (the store's full-text index over the bodies).
 *
 * The case itself is domain/case.c; each change writes its timeline event (domain/timeline.c)
 * in the same transaction. */
#ifndef CASELOAD_NOTE_H
#define CASELOAD_NOTE_H

#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

#define NOTE_AT_MAX 40   /* longest accepted date-time text */

enum note_field_bit {
	NOTE_F_TYPE = 1u << 0,
	NOTE_F_BODY = 1u << 1,
	NOTE_F_AT = 1u << 2,
};

/* What an add or edit asks for; `present` says which members were given. */
struct note_fields {
	uint32_t present;          /* enum note_field_bit */
	int64_t note_type_id;
	char body[STORE_NOTE_MAX + 1];
	char at[NOTE_AT_MAX + 1];  /* ISO 8601 date-time; "" or absent = now (add only) */
};

/* note_parse_at reads an ISO 8601 date-time, "YYYY-MM-DDTHH:MM[:SS[.fff]]" followed by "Z", an
 * offset "+HH:MM" / "-HH:MM" / "+HHMM", or nothing (the firm's local time), into Unix seconds.
 * ERR_UNPROCESSABLE on field "at" for anything else. */
int note_parse_at(const char *s, int64_t *out, struct err *e);

/* note_add writes a note on a case (right case_edit) by the actor, at f->at or now, and the
 * "note.added" event. The type must exist and the body must be 1..8000 bytes and not blank
 * (ERR_UNPROCESSABLE naming the field). *out receives the note. */
int note_add(struct store_conn *c, const struct actor *a, int64_t case_id,
	     const struct note_fields *f, struct store_note *out, struct err *e);

/* note_update changes the given members of note note_id when version is current (ERR_CONFLICT
 * otherwise); only its creator or an administrator may (ERR_FORBIDDEN). "note.changed". */
int note_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t note_id,
		int64_t version, const struct note_fields *f, struct store_note *out,
		struct err *e);

/* note_delete removes a note (creator or administrator) and writes "note.deleted". */
int note_delete(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t note_id,
		struct err *e);

/* note_list walks a case's notes newest first (at, then id, descending), at most limit, from
 * after the row (before_at, before_id) (0, 0 = from the newest); q ("" = all) searches the
 * bodies, each word as a prefix. */
int note_list(struct store_conn *c, const struct actor *a, int64_t case_id, const char *q,
	      int64_t before_at, int64_t before_id, int limit, store_note_each_fn each,
	      void *ctx, struct err *e);

#endif
