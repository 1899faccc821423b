/* party_row.h - what insurance, liens and bankruptcies share: rows of a case that hang under
 * one of its parties. Adding, changing, removing and reading such a row take the same steps
 * for all three (load the case, check the party and the row's contacts, amounts and dates,
 * write, read back, write the timeline event naming the changes); each kind describes its
 * record in a struct party_row_kind, and insurance.c, lien.c and bankruptcy.c are the typed
 * functions over it. The parties themselves are party.c.
 *
 * Records are passed as void * to a store record of the kind (struct store_insurance, ...);
 * the kind's member table says where each member lies (offsetof), as the field specs of the
 * HTTP layer do. */
#ifndef CASELOAD_PARTY_ROW_H
#define CASELOAD_PARTY_ROW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

enum party_row_type {
	PARTY_ROW_TEXT,      /* char[size], trimmed */
	PARTY_ROW_DATE,      /* char[STORE_DATE_LEN]: a date or "" */
	PARTY_ROW_CONTACT,   /* int64_t contact id (0 = none) that must exist; name_at: its name */
	PARTY_ROW_CENTS,     /* int64_t cents >= 0, or -1 = not given */
	PARTY_ROW_AMOUNT,    /* int64_t cents >= 0, always given (0 by default) */
};

/* One writable member of a record (the party is not one: it is set once, on create). */
struct party_row_member {
	uint32_t bit;        /* its bit in the fields' present set */
	const char *field;   /* its input name, for errors ("company_id") */
	const char *label;   /* its name in change descriptions ("company") */
	enum party_row_type type;
	size_t at;           /* offsetof the member in the record */
	size_t size;         /* PARTY_ROW_TEXT: the char array's size */
	size_t name_at;      /* PARTY_ROW_CONTACT: offsetof the contact's (read only) name */
};

enum party_row_op { PARTY_ROW_GET, PARTY_ROW_INSERT, PARTY_ROW_UPDATE, PARTY_ROW_DELETE };

struct party_row_kind {
	const char *what;        /* "insurance": messages and event types ("insurance.added") */
	const char *title;       /* "Insurance": event descriptions */
	bool plaintiff_only;     /* the party must be a plaintiff (liens) */
	size_t size;             /* sizeof the record */
	uint32_t party_bit;      /* the bit of party_id in the fields' present set */
	size_t id_at, case_at, party_at, version_at;  /* offsetof those int64_t members */
	size_t name_at;          /* offsetof the text events call the row by ("" = none) */
	const struct party_row_member *members;       /* ends with a zero bit */
	/* store runs one store call on row: GET reads row's (case_id, id), INSERT and UPDATE
	 * write it, DELETE removes row's id; a STORE_* result. */
	int (*store)(struct store_conn *c, enum party_row_op op, void *row);
};

/* party_row_open loads the case for reading the rows of a list (case_load). */
int party_row_open(struct store_conn *c, const struct actor *a, int64_t case_id,
		   struct err *e);

/* party_row_get reads row id of the case into out; ERR_NOT_FOUND when the case has none. */
int party_row_get(struct store_conn *c, const struct actor *a, const struct party_row_kind *k,
		  int64_t case_id, int64_t id, void *out, struct err *e);

/* party_row_add adds a row under party v's party_id (a party of this case, or a plaintiff for
 * plaintiff_only kinds: ERR_UNPROCESSABLE on party_id) with the present members of v (others:
 * empty, cents not given); the members' rules (ERR_UNPROCESSABLE naming the field); writes
 * "<what>.added". out receives the row as stored. */
int party_row_add(struct store_conn *c, const struct actor *a, const struct party_row_kind *k,
		  int64_t case_id, uint32_t present, const void *v, void *out, struct err *e);

/* party_row_update changes the present members of v when version is current (ERR_CONFLICT on
 * header.If-Match otherwise; the party cannot change: ERR_UNPROCESSABLE on party_id), writing
 * "<what>.changed" with the changes; a change that changes nothing writes nothing. old is
 * scratch of the record's size; out receives the row. */
int party_row_update(struct store_conn *c, const struct actor *a, const struct party_row_kind *k,
		     int64_t case_id, int64_t id, int64_t version, uint32_t present,
		     const void *v, void *old, void *out, struct err *e);

/* party_row_remove removes row id of the case ("<what>.removed"); row is scratch. */
int party_row_remove(struct store_conn *c, const struct actor *a, const struct party_row_kind *k,
		     int64_t case_id, int64_t id, void *row, struct err *e);

#endif
