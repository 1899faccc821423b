/* store_fixture.h - the fixture the store tests share (test_store*.c).
 *
 * One cmocka group per backend: SQLite on a file in a temporary directory, and PostgreSQL in a
 * freshly created database when CASELOAD_TEST_PG names a server (a libpq URL of a role that may
 * create databases; tests/pg/with-postgres.sh provides one). Without it the PostgreSQL group is
 * skipped with a note. Every check goes through store.h; libpq is used directly only to create
 * and drop the scratch databases. Each test uses its own logins and names, so the tests of a
 * group share one database without depending on each other's rows.
 *
 * Here: the fixture and its group set-up, the scratch databases, the helpers that add rows, and
 * struct collect for walks. The tests themselves are in tests/unit/test_store.c (platform:
 * users, sessions, offices, transactions, PostgreSQL-only), test_store_cases.c (setup lists and
 * cases) and test_store_case_data.c (what hangs off a case, and contacts). */
#ifndef CASELOAD_TESTS_STORE_FIXTURE_H
#define CASELOAD_TESTS_STORE_FIXTURE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "store/store.h"

struct fixture {
	const char *backend;  /* "sqlite" or "postgresql" */
	char url[1024];
	char dir[256];        /* SQLite: the temporary directory */
	char pg_db[64];       /* PostgreSQL: the scratch database */
	struct store *s;
	struct store_conn *c;
	int from, to;         /* versions reported by the first migration */
	struct world {        /* the setup lists the case tests share (world_make) */
		bool made;
		int64_t owner;                 /* a staff user who owns and creates cases */
		int64_t auto_type, life_type, rear_end;
		int64_t stage_type, medical_type;
		int64_t closed, intake, litigation, app_received;   /* statuses of the stage */
		int64_t rec_requested, rec_received;                /* statuses of Medical */
		int64_t settled;                                    /* a close reason */
		int64_t attorney, paralegal, manager, adviser;      /* roles */
		int64_t general, client_update;                     /* note types */
		int64_t low_range, mid_range;
	} w;
};

/* RC checks a store call's result and shows the backend's message when it is not expected. */
#define RC(expected, expr)                                                                      \
	do {                                                                                    \
		int rc_ = (expr);                                                               \
		if (rc_ != (expected))                                                          \
			fail_msg("%s gave %d, expected %d (last error: %s)", #expr, rc_,         \
				 (int)(expected), store_last_error(f->c));                       \
	} while (0)

/* FIXTURE starts a test: f is the group's fixture; the test is skipped when there is none
 * (PostgreSQL without CASELOAD_TEST_PG). */
#define FIXTURE(state)                                         \
	struct fixture *f = *(state);                          \
	if (!f)                                                \
		skip()

/* ---- PostgreSQL scratch databases ------------------------------------------------------- */

/* pg_admin runs one statement on the CASELOAD_TEST_PG server; 0 when it succeeded. */
int pg_admin(const char *sql);

/* pg_scratch_db creates a uniquely named database and writes its URL (the CASELOAD_TEST_PG URL
 * with the database name replaced) into url. */
int pg_scratch_db(char *name, size_t name_size, char *url, size_t url_size);

/* pg_drop_db drops a scratch database, closing its connections. */
void pg_drop_db(const char *name);

/* ---- running ---------------------------------------------------------------------------- */

/* store_tests_run runs the n tests as one cmocka group on SQLite (a store on a new file in a
 * temporary directory), then as one on PostgreSQL (a new scratch database; every test skips
 * when CASELOAD_TEST_PG is not set). The groups are called "NAME (sqlite)" and
 * "NAME (postgresql)". Returns the exit status for main: 0 when nothing failed, else 1. */
int store_tests_run(const char *name, const struct CMUnitTest *tests, size_t n);

/* ---- users and bytes -------------------------------------------------------------------- */

/* user_init fills u with an active staff user named after login (created at 1000). */
void user_init(struct store_user *u, const char *login, int64_t office_id);

/* add_user inserts a user made by user_init and returns its id. */
int64_t add_user(struct fixture *f, const char *login);

/* hash_fill fills a 32-byte hash from seed, with 0x00 and 0xff bytes among them. */
void hash_fill(unsigned char h[32], unsigned char seed);

/* ---- setup lists and cases -------------------------------------------------------------- */

/* setup_add inserts a setup list item and returns its id. */
int64_t setup_add(struct fixture *f, struct store_setup_item it);

/* role_add inserts a staff role with a category at a position and returns its id. */
int64_t role_add(struct fixture *f, const char *name, const char *category, int64_t pos);

/* world_make creates, once per database, the setup lists the case tests use. There is only
 * one stage type in a database, so every stage status lives here. */
struct world *world_make(struct fixture *f);

/* case_init fills k with a case of the given type owned and created by the world's owner. */
void case_init(struct store_case *k, const struct world *w, const char *number,
	       const char *name, int64_t case_type_id);

/* add_case inserts an Auto Accident case and returns its id (making the world first). */
int64_t add_case(struct fixture *f, const char *number, const char *name);

/* add_contact inserts a contact of a kind ("person", "organisation") and returns its id. */
int64_t add_contact(struct fixture *f, const char *kind, const char *first, const char *last,
		    const char *org);

/* add_staff makes user_id or contact_id current staff of a case from a date. */
int64_t add_staff(struct fixture *f, int64_t case_id, int64_t user_id, int64_t contact_id,
		  int64_t role_id, const char *from);

/* add_party adds a contact to a case as a party of a kind and returns the row's id. */
int64_t add_party(struct fixture *f, int64_t case_id, int64_t contact_id, const char *kind);

/* add_status gives a case a status of a status type from a date, set by the world's owner. */
int64_t add_status(struct fixture *f, int64_t case_id, int64_t type_id, int64_t status_id,
		   const char *from);

/* ---- walks ------------------------------------------------------------------------------ */

/* struct collect records the ids a store walk gives (the first 64), and how many. */
struct collect {
	int64_t ids[64];
	int n;
	int stop_after;  /* 0 = never */
};

/* collect_id records one id of a walk; non-zero (stop) once stop_after rows were seen. */
int collect_id(struct collect *k, int64_t id);

/* The collect_* callbacks record the id of each row of a walk into a struct collect. */
int collect_user(const struct store_user *u, void *ctx);
int collect_token(const struct store_token *t, void *ctx);
int collect_setup(const struct store_setup_item *it, void *ctx);
int collect_case(const struct store_case *k, void *ctx);
int collect_brief(const struct store_case_brief *b, void *ctx);
int collect_status(const struct store_case_status *s, void *ctx);
int collect_staff(const struct store_case_staff *s, void *ctx);
int collect_note(const struct store_note *n, void *ctx);
int collect_event(const struct store_event *ev, void *ctx);
int collect_party(const struct store_party *p, void *ctx);
int collect_contact(const struct store_contact *ct, void *ctx);

/* ids_are checks that a walk gave exactly the n ids that follow, in that order. */
void ids_are(const struct collect *k, int n, ...);

/* ids_have tells whether a walk gave id (among its first 64 rows). */
bool ids_have(const struct collect *k, int64_t id);

#endif
