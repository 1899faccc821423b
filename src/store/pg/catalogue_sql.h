/* catalogue_sql.h - SQL fragments shared by the parts of the PostgreSQL catalogue
 * (catalogue.c: migrations 0001-0002; catalogue_summary.c: migration 0003, the case summary;
 * catalogue_reports.c: migration 0004, pending cases and status reports). Only those files
 * include it; every fragment is constant text. */
#ifndef CASELOAD_STORE_PG_CATALOGUE_SQL_H
#define CASELOAD_STORE_PG_CATALOGUE_SQL_H

/* A versioned update in one round trip: column 0 is the new version (NULL when nothing was
 * updated), column 1 whether the row exists. key picks the row (by $1, the id, and for rows of
 * a case also $2, the case id); ver is the parameter of the version. */
#define VERSIONED_UPDATE(table, set, key, ver)                                                  \
	"WITH upd AS (UPDATE " table " SET " set ", version = version + 1 "                     \
	"WHERE " key " AND version = " ver " RETURNING version) "                                \
	"SELECT (SELECT version FROM upd), EXISTS (SELECT 1 FROM " table " WHERE " key ")"
#define BY_ID "id = $1"
#define BY_CASE_AND_ID "id = $1 AND case_id = $2"

/* Every setup list reads into the same columns: id, name, parent_id, group, category, days,
 * stage, closing, client_facing, low, high, limit, position, version, then code, text, target
 * and required (see setup.c); SETUP_NO_CODE is the last four for the kinds without them. */
#define SETUP_NO_CODE ", '', '', '', false"
#define SETUP_ORDER " ORDER BY position, name COLLATE \"C\", id"

/* Where a row is used: the first place (in the order given) with a count above zero, as
 * (place, count); no row when unused. USAGE_PLACE(o, w, q) is one place for USAGE_OF: its order
 * (a number, as text), its name and the query counting its rows. */
#define USAGE_PLACE(o, w, q) "(" o ", '" w "', (" q "))"
#define USAGE_OF(places)                                                                        \
	"SELECT w, n FROM (VALUES " places ") u(o, w, n) WHERE n > 0 ORDER BY o LIMIT 1"
#define USAGE2(w1, q1, w2, q2) USAGE_OF(USAGE_PLACE("1", w1, q1) ", " USAGE_PLACE("2", w2, q2))
#define USAGE1(w1, q1) "SELECT '" w1 "', n FROM (" q1 ") u(n) WHERE n > 0"

/* A contact's display name: "First Last" for a person, the organisation's name otherwise; over
 * a contact joined as a. CONTACT_NAME_OF is the same for an outer join: '' when none. */
#define CONTACT_DISPLAY_OF(a)                                                                   \
	"CASE " a ".kind WHEN 'person' THEN trim(" a ".first_name || ' ' || " a ".last_name) "   \
	"ELSE " a ".org_name END"
#define CONTACT_NAME_OF(a) "coalesce(" CONTACT_DISPLAY_OF(a) ", '')"
#define CONTACT_DISPLAY CONTACT_DISPLAY_OF("ct")

#endif
