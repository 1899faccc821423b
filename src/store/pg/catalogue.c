/* catalogue.c - the SQL text of the statements the PostgreSQL backend prepares, up to those of
 * migration 0003 (the case summary), which are in catalogue_summary.c, and of migration 0004
 * (pending cases and status reports), in catalogue_reports.c; fragments they share are in
 * catalogue_sql.h.
 *
 * Constant text with $n parameters only; each entry is prepared once per connection under its
 * name (see pg_exec in conn.c). The SQLite equivalents are in ../sqlite/catalogue.c under the
 * same enum names. Differences from SQLite worth knowing:
 *   - logins compare with lower(login) = lower($1), matching the unique index on lower(login)
 *     (SQLite uses COLLATE NOCASE on the column);
 *   - inserts that can hit a unique key use ON CONFLICT DO NOTHING and report "no row" as
 *     STORE_CONFLICT, so the conflict does not abort the surrounding transaction;
 *   - versioned updates report in one round trip whether the row was updated, is stale or is gone;
 *   - text ordering uses COLLATE "C" (byte order), like SQLite's default BINARY collation, and
 *     NULLs are ordered first where SQLite would meet them;
 *   - text search reads the generated tsvector columns of migration 0002 with a tsquery made by
 *     search.c, where SQLite has FTS5 tables;
 *   - optional filters are ($n = 0 OR ...); the case list has the same four variants as on
 *     SQLite (scope, search), the search one gathering its matches through the GIN index first;
 *   - the rows that go with a deleted row (a contact's phones, a party's insurance, liens and
 *     bankruptcies, an appointment's attendees, a court row's personnel) go in the same
 *     statement, through data-modifying WITH clauses, where SQLite runs one statement each.
 * Parameters whose type PostgreSQL cannot infer carry an explicit cast. */
#include "store/pg/catalogue.h"
#include "store/pg/catalogue_sql.h"

#define USER_COLUMNS \
	"id, login, name, email, role, coalesce(office_id, 0), active, password_hash, version, " \
	"created_at, updated_at, coalesce(contact_id, 0)"
#define OFFICE_COLUMNS \
	"id, name, address, phone, email, logo IS NOT NULL, version, created_at"
#define TOKEN_COLUMNS "id, user_id, name, hash, created_at, last_used_at"

/* The setup lists' shared columns (see catalogue_sql.h and setup.c); the kinds of migration
 * 0003 are in catalogue_summary.c. */
#define CASE_TYPE_COLUMNS \
	"id, name, 0, grp, '', 0, false, false, false, 0, 0, 0, position, version" SETUP_NO_CODE
#define CASE_SUBTYPE_COLUMNS \
	"id, name, case_type_id, '', '', 0, false, false, false, 0, 0, 0, position, version" \
	SETUP_NO_CODE
#define STATUS_TYPE_COLUMNS \
	"id, name, 0, '', '', 0, is_stage, false, false, 0, 0, 0, position, version" SETUP_NO_CODE
#define STATUS_COLUMNS \
	"s.id, s.name, s.status_type_id, s.grp, '', s.expected_days, false, s.is_closing, false, " \
	"0, 0, 0, s.position, s.version" SETUP_NO_CODE
#define CLOSE_REASON_COLUMNS \
	"id, name, 0, '', '', 0, false, false, false, 0, 0, 0, position, version" SETUP_NO_CODE
/* (roles read one column more, the primary advisor flag of migration 0004; see setup.c) */
#define ROLE_COLUMNS \
	"id, name, 0, '', category, 0, false, false, false, 0, 0, 0, position, version" \
	SETUP_NO_CODE ", primary_advisor"
#define NOTE_TYPE_COLUMNS \
	"id, name, 0, '', '', 0, false, false, client_facing, 0, 0, 0, position, version" \
	SETUP_NO_CODE
#define VALUE_RANGE_COLUMNS \
	"id, name, 0, '', '', 0, false, false, false, low_cents, high_cents, disbursement_cents, " \
	"position, version" SETUP_NO_CODE

/* A contact with its employer's name, over contact ct LEFT JOIN contact em (CONTACT_FROM). */
#define CONTACT_COLUMNS                                                                         \
	"ct.id, ct.kind, ct.first_name, ct.last_name, ct.org_name, ct.email, ct.phone, "         \
	CONTACT_DISPLAY ", ct.version, ct.created_at, ct.nickname, ct.languages, "               \
	"coalesce(ct.employer_id, 0), ct.preferred_comm, ct.birth_date, ct.death_date, "         \
	"ct.death_place, " CONTACT_NAME_OF("em")
#define CONTACT_FROM " FROM contact ct LEFT JOIN contact em ON em.id = ct.employer_id"
/* A contact's fields as written, $1 .. $13 (contact.c, pg_bind_contact_fields): kind, first,
 * last and organisation name, e-mail, phone, nickname, languages, employer (0 = none),
 * preferred communication ('' = email), birth date, death date, death place. */
#define CONTACT_FIELDS                                                                          \
	"kind, first_name, last_name, org_name, email, phone, nickname, languages, employer_id, " \
	"preferred_comm, birth_date, death_date, death_place"
#define CONTACT_FIELD_VALUES                                                                    \
	"$1, $2, $3, $4, $5, $6, $7, $8, nullif($9::bigint, 0), "                                 \
	"coalesce(nullif($10::text, ''), 'email'), $11, $12, $13"
/* The employer's display name of a contact being written (ct), for RETURNING. */
#define CONTACT_EMPLOYER_NAME                                                                   \
	"coalesce((SELECT " CONTACT_DISPLAY_OF("em") " FROM contact em "                          \
	"WHERE em.id = ct.employer_id), '')"

/* A case and the names joined into every read of it, over case_record k. */
#define CASE_COLUMNS                                                                            \
	"k.id, coalesce(k.number, ''), k.name, k.case_type_id, coalesce(k.case_subtype_id, 0), "  \
	"k.state, coalesce(k.office_id, 0), k.incident_date, k.opened_date, k.wanted_date, "      \
	"k.expected_resolution_date, k.closed_date, coalesce(k.value_range_id, 0), "              \
	"k.min_settlement_cents IS NOT NULL, coalesce(k.min_settlement_cents, 0), "               \
	"k.value_comments, k.serious_injury, k.mdl_master, k.description, k.owner_id, "           \
	"coalesce(k.stage_status_id, 0), k.created_by, k.version, k.created_at, k.updated_at, "   \
	"t.name, t.grp, coalesce(sub.name, ''), coalesce(o.name, ''), coalesce(u.name, ''), "     \
	"coalesce(s.name, ''), coalesce(v.name, ''), k.retainer_date, k.referral_in_form, "       \
	"coalesce(k.referral_in_contact_id, 0), k.referral_out_form, "                            \
	"coalesce(k.referral_out_contact_id, 0), k.liability_code, "                              \
	"coalesce(k.liability_percent, -1), k.incident_facts, " CONTACT_NAME_OF("ri") ", "        \
	CONTACT_NAME_OF("ro")
#define CASE_FROM                                                                               \
	" FROM case_record k JOIN case_type t ON t.id = k.case_type_id "                          \
	"LEFT JOIN case_subtype sub ON sub.id = k.case_subtype_id "                               \
	"LEFT JOIN office o ON o.id = k.office_id LEFT JOIN app_user u ON u.id = k.owner_id "    \
	"LEFT JOIN status s ON s.id = k.stage_status_id "                                         \
	"LEFT JOIN value_range v ON v.id = k.value_range_id "                                     \
	"LEFT JOIN contact ri ON ri.id = k.referral_in_contact_id "                               \
	"LEFT JOIN contact ro ON ro.id = k.referral_out_contact_id"
/* The editable fields of a case as written, $1 .. $25 (case.c, pg_bind_case_fields): number
 * ('' = none), name, case type, subtype, state, office, incident, opened, wanted and expected
 * resolution dates, value range, minimum settlement (NULL = none), value comments, serious
 * injury, MDL master, description, owner, retainer date, referral in form and contact, referral
 * out form and contact, liability code and percent (NULL = not set), incident facts. */
#define CASE_FIELDS                                                                             \
	"number, name, case_type_id, case_subtype_id, state, office_id, incident_date, "          \
	"opened_date, wanted_date, expected_resolution_date, value_range_id, "                    \
	"min_settlement_cents, value_comments, serious_injury, mdl_master, description, "         \
	"owner_id, retainer_date, referral_in_form, referral_in_contact_id, referral_out_form, "  \
	"referral_out_contact_id, liability_code, liability_percent, incident_facts"
#define CASE_FIELD_VALUES                                                                       \
	"nullif($1::text, ''), $2, $3, nullif($4::bigint, 0), $5, nullif($6::bigint, 0), $7, "   \
	"$8, $9, $10, nullif($11::bigint, 0), $12::bigint, $13, $14, $15, $16, $17, $18, $19, "   \
	"nullif($20::bigint, 0), $21, nullif($22::bigint, 0), $23, $24::bigint, $25"
/* The caller's scope as $1 (all), $2 (user id), $3 (contact id, 0 = none). */
#define CASE_SCOPE                                                                              \
	"($1::boolean OR EXISTS (SELECT 1 FROM case_staff sc WHERE sc.case_id = k.id "            \
	"AND sc.current AND (sc.user_id = $2::bigint "                                           \
	"OR ($3::bigint > 0 AND sc.contact_id = $3))) "                                          \
	"OR ($3 > 0 AND EXISTS (SELECT 1 FROM case_party sp WHERE sp.case_id = k.id "             \
	"AND sp.contact_id = $3)))"

/* Case lists (case.c, pg_case_list): $1 case type, $2 stage, $3 any current status, $4 office,
 * $5 staff user, $6 owner, $7 opened from, $8 opened to, $9 closed (-1 any, 0 open, 1 closed),
 * $10 before this id (0 = from the newest), $11 limit; a restricted caller's scope adds $12 user
 * and $13 contact, a search the tsquery text made by pg_tsquery (after them). */
#define CASE_LIST_WHERE                                                                         \
	" WHERE NOT k.deleted"                                                                    \
	" AND ($1::bigint = 0 OR k.case_type_id = $1)"                                            \
	" AND ($2::bigint = 0 OR k.stage_status_id = $2)"                                         \
	" AND ($3::bigint = 0 OR EXISTS (SELECT 1 FROM case_status fs WHERE fs.case_id = k.id "   \
	"AND fs.current AND fs.status_id = $3))"                                                  \
	" AND ($4::bigint = 0 OR k.office_id = $4)"                                               \
	" AND ($5::bigint = 0 OR EXISTS (SELECT 1 FROM case_staff ff WHERE ff.case_id = k.id "    \
	"AND ff.current AND ff.user_id = $5))"                                                    \
	" AND ($6::bigint = 0 OR k.owner_id = $6)"                                                \
	" AND ($7::text = '' OR k.opened_date >= $7)"                                             \
	" AND ($8::text = '' OR k.opened_date <= $8)"                                             \
	" AND ($9::integer < 0 OR ($9 = 0 AND k.closed_date = '') "                               \
	"OR ($9 > 0 AND k.closed_date <> ''))"                                                    \
	" AND ($10::bigint = 0 OR k.id < $10)"
#define CASE_LIST_ORDER " ORDER BY k.id DESC LIMIT $11"
#define CASE_LIST_SCOPE                                                                         \
	" AND k.id IN (SELECT case_id FROM case_staff WHERE user_id = $12::bigint AND current "   \
	"UNION SELECT case_id FROM case_staff WHERE $13::bigint > 0 AND contact_id = $13 "        \
	"AND current UNION SELECT case_id FROM case_party WHERE $13 > 0 AND contact_id = $13)"
/* The matches of a search, gathered through the GIN index into an array first, then read
 * newest first through the id (a prefix term's selectivity is unknown to the planner, which
 * would otherwise walk every case newest first looking for a rare one); q is the parameter of
 * the tsquery text. */
#define CASE_LIST_MATCH(q)                                                                      \
	" AND k.id = ANY (ARRAY(SELECT id FROM case_record "                                      \
	"WHERE search @@ to_tsquery('simple', search_fold(" q "::text))))"

/* The short form of a case k (related and other cases): the staff columns are the first current
 * staff member, by row id, whose role has that category. */
#define BRIEF_STAFF(category)                                                                   \
	"coalesce((SELECT coalesce(bu.name, " CONTACT_DISPLAY ") FROM case_staff bs "            \
	"JOIN staff_role br ON br.id = bs.role_id LEFT JOIN app_user bu ON bu.id = bs.user_id "   \
	"LEFT JOIN contact ct ON ct.id = bs.contact_id WHERE bs.case_id = k.id AND bs.current "   \
	"AND br.category = '" category "' ORDER BY bs.id LIMIT 1), '')"
#define BRIEF_COLUMNS                                                                           \
	"k.id, coalesce(k.number, ''), k.name, coalesce(s.name, ''), " BRIEF_STAFF("attorney")    \
	", " BRIEF_STAFF("paralegal") ", " BRIEF_STAFF("case_manager")
/* (NULL numbers first, as SQLite orders them) */
#define BRIEF_ORDER " ORDER BY k.number COLLATE \"C\" NULLS FIRST, k.id"

#define CASE_STATUS_COLUMNS                                                                     \
	"cs.id, cs.case_id, cs.status_type_id, cs.status_id, cs.expected_days, cs.from_date, "    \
	"cs.to_date, cs.current, cs.user_id, cs.comments, coalesce(cs.close_reason_id, 0), "      \
	"cs.version, cs.created_at, t.name, t.is_stage, s.name, s.is_closing, "                   \
	"coalesce(r.name, ''), coalesce(u.name, '')"
#define CASE_STATUS_FROM                                                                        \
	" FROM case_status cs JOIN status_type t ON t.id = cs.status_type_id "                    \
	"JOIN status s ON s.id = cs.status_id "                                                   \
	"LEFT JOIN close_reason r ON r.id = cs.close_reason_id "                                  \
	"LEFT JOIN app_user u ON u.id = cs.user_id"

#define CASE_STAFF_COLUMNS                                                                      \
	"cs.id, cs.case_id, coalesce(cs.user_id, 0), coalesce(cs.contact_id, 0), cs.role_id, "    \
	"cs.comments, cs.from_date, cs.to_date, cs.current, cs.version, "                         \
	"coalesce(u.name, " CONTACT_DISPLAY ", ''), r.name, r.category"
#define CASE_STAFF_FROM                                                                         \
	" FROM case_staff cs JOIN staff_role r ON r.id = cs.role_id "                             \
	"LEFT JOIN app_user u ON u.id = cs.user_id LEFT JOIN contact ct ON ct.id = cs.contact_id"

#define NOTE_COLUMNS                                                                            \
	"n.id, n.case_id, n.note_type_id, n.body, n.at, n.created_by, n.version, n.created_at, "  \
	"n.updated_at, coalesce(nt.name, ''), coalesce(u.name, '')"
#define NOTE_FROM                                                                               \
	" FROM note n LEFT JOIN note_type nt ON nt.id = n.note_type_id "                          \
	"LEFT JOIN app_user u ON u.id = n.created_by"

#define VALUE_CHANGE_COLUMNS                                                                    \
	"h.id, h.case_id, coalesce(h.value_range_id, 0), coalesce(v.name, ''), h.from_date, "     \
	"h.to_date, h.user_id, coalesce(u.name, ''), h.comments"
#define VALUE_CHANGE_FROM                                                                       \
	" FROM case_value_history h LEFT JOIN value_range v ON v.id = h.value_range_id "          \
	"LEFT JOIN app_user u ON u.id = h.user_id"

#define EVENT_COLUMNS                                                                           \
	"e.id, e.case_id, e.seq, e.at, e.event_type, e.user_id, e.description, e.prev_hash, "     \
	"e.hash, coalesce(u.name, '')"
#define EVENT_FROM " FROM timeline_event e LEFT JOIN app_user u ON u.id = e.user_id"

/* A party, its contact's detail and the names of its law firm and attorney. */
#define PARTY_COLUMNS                                                                           \
	"p.id, p.case_id, p.contact_id, p.kind, " CONTACT_DISPLAY ", p.group_no, "               \
	"p.primary_party, p.primary_contact, p.role, p.represented, coalesce(p.law_firm_id, 0), " \
	"coalesce(p.attorney_id, 0), p.injury_summary, p.pleadings_summary, p.version, "          \
	"ct.nickname, ct.languages, ct.phone, ct.birth_date, ct.death_date, ct.death_place, "     \
	CONTACT_NAME_OF("lf") ", " CONTACT_NAME_OF("pa")
#define PARTY_FROM                                                                              \
	" FROM case_party p JOIN contact ct ON ct.id = p.contact_id "                             \
	"LEFT JOIN contact lf ON lf.id = p.law_firm_id "                                          \
	"LEFT JOIN contact pa ON pa.id = p.attorney_id"
/* A party's editable fields as written, $4 .. $12 (party.c, pg_bind_party_fields). */
#define PARTY_FIELDS                                                                            \
	"group_no, primary_party, primary_contact, role, represented, law_firm_id, attorney_id, " \
	"injury_summary, pleadings_summary"
#define PARTY_FIELD_VALUES                                                                      \
	"$4, $5, $6, $7, $8, nullif($9::bigint, 0), nullif($10::bigint, 0), $11, $12"

/* Any constant will do as long as it never changes: "Caseload" as a big-endian int64. */
#define MIGRATION_LOCK_KEY "4855288752730235236"

#define S(id, sql_text) [id] = {#id, sql_text}

const struct pg_statement pg_catalogue[PG_SUMMARY_FIRST] = {
	S(PG_BEGIN, "BEGIN ISOLATION LEVEL SERIALIZABLE"),
	/* migrations run READ COMMITTED so that, once the advisory lock is held, they see what
	 * another process committed while they waited for it */
	S(PG_BEGIN_MIGRATION, "BEGIN ISOLATION LEVEL READ COMMITTED"),
	S(PG_COMMIT, "COMMIT"),
	S(PG_ROLLBACK, "ROLLBACK"),
	S(PG_SAVEPOINT, "SAVEPOINT caseload_stmt"),
	S(PG_SAVEPOINT_RELEASE, "RELEASE SAVEPOINT caseload_stmt"),
	S(PG_SAVEPOINT_ROLLBACK, "ROLLBACK TO SAVEPOINT caseload_stmt"),
	S(PG_CHECK, "SELECT 1"),
	S(PG_MIGRATION_LOCK, "SELECT pg_advisory_xact_lock(" MIGRATION_LOCK_KEY ")"),
	S(PG_SCHEMA_EXISTS, "SELECT to_regclass('schema_version') IS NOT NULL"),
	S(PG_SCHEMA_CREATE,
	  "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, "
	  "name text NOT NULL, applied_at bigint NOT NULL)"),
	S(PG_SCHEMA_VERSION, "SELECT coalesce(max(version), 0) FROM schema_version"),
	S(PG_SCHEMA_RECORD,
	  "INSERT INTO schema_version(version, name, applied_at) VALUES ($1, $2, $3)"),

	S(PG_USER_INSERT,
	  "INSERT INTO app_user(login, name, email, role, office_id, active, password_hash, "
	  "version, created_at, updated_at, contact_id) "
	  "VALUES ($1, $2, $3, $4, nullif($5::bigint, 0), $6, $7, 1, $8, $8, "
	  "nullif($9::bigint, 0)) "
	  "ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_USER_GET, "SELECT " USER_COLUMNS " FROM app_user WHERE id = $1"),
	S(PG_USER_GET_BY_LOGIN,
	  "SELECT " USER_COLUMNS " FROM app_user WHERE lower(login) = lower($1)"),
	/* column 0: the new version (NULL when nothing was updated); column 1: the row exists */
	S(PG_USER_UPDATE,
	  "WITH upd AS (UPDATE app_user SET name = $2, email = $3, role = $4, "
	  "office_id = nullif($5::bigint, 0), active = $6, contact_id = nullif($9::bigint, 0), "
	  "version = version + 1, updated_at = $8 "
	  "WHERE id = $1 AND version = $7 RETURNING version) "
	  "SELECT (SELECT version FROM upd), EXISTS (SELECT 1 FROM app_user WHERE id = $1)"),
	S(PG_USER_SET_PASSWORD,
	  "UPDATE app_user SET password_hash = $2, version = version + 1, updated_at = $3 "
	  "WHERE id = $1"),
	S(PG_USER_LIST,
	  "SELECT " USER_COLUMNS " FROM app_user WHERE id > $1 ORDER BY id LIMIT $2"),
	S(PG_USER_COUNT, "SELECT count(*) FROM app_user"),

	S(PG_RIGHT_SET,
	  "INSERT INTO user_right(user_id, name, granted) VALUES ($1, $2, $3) "
	  "ON CONFLICT (user_id, name) DO UPDATE SET granted = excluded.granted"),
	S(PG_RIGHT_CLEAR, "DELETE FROM user_right WHERE user_id = $1 AND name = $2"),
	S(PG_RIGHT_LIST,
	  "SELECT name, granted FROM user_right WHERE user_id = $1 ORDER BY name COLLATE \"C\""),

	S(PG_SESSION_INSERT,
	  "INSERT INTO session(id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
	  "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING"),
	S(PG_SESSION_GET,
	  "SELECT id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at "
	  "FROM session WHERE id_hash = $1"),
	S(PG_SESSION_TOUCH, "UPDATE session SET last_seen_at = $2 WHERE id_hash = $1"),
	S(PG_SESSION_DELETE, "DELETE FROM session WHERE id_hash = $1"),
	S(PG_SESSION_DELETE_USER, "DELETE FROM session WHERE user_id = $1"),
	S(PG_SESSION_PURGE, "DELETE FROM session WHERE last_seen_at < $1 OR expires_at < $2"),

	S(PG_TOKEN_INSERT,
	  "INSERT INTO api_token(user_id, name, hash, created_at, last_used_at) "
	  "VALUES ($1, $2, $3, $4, 0) ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_TOKEN_GET_BY_HASH, "SELECT " TOKEN_COLUMNS " FROM api_token WHERE hash = $1"),
	S(PG_TOKEN_LIST, "SELECT " TOKEN_COLUMNS " FROM api_token WHERE user_id = $1 ORDER BY id"),
	S(PG_TOKEN_DELETE, "DELETE FROM api_token WHERE user_id = $1 AND id = $2"),
	S(PG_TOKEN_TOUCH, "UPDATE api_token SET last_used_at = $2 WHERE id = $1"),

	S(PG_LOGIN_ATTEMPT_ADD,
	  "INSERT INTO login_attempt(login, ip, ok, at) VALUES ($1, $2, $3, $4)"),
	S(PG_LOGIN_FAILURES,
	  "SELECT count(*), coalesce(max(at), 0) FROM login_attempt "
	  "WHERE lower(login) = lower($1) AND NOT ok AND at >= $2 "
	  "AND id > coalesce((SELECT max(id) FROM login_attempt "
	  "WHERE lower(login) = lower($1) AND ok), 0)"),
	S(PG_LOGIN_ATTEMPTS_BY_LOGIN,
	  "SELECT count(*) FROM login_attempt WHERE lower(login) = lower($1) AND at >= $2"),
	S(PG_LOGIN_ATTEMPTS_BY_IP, "SELECT count(*) FROM login_attempt WHERE ip = $1 AND at >= $2"),
	S(PG_LOGIN_ATTEMPT_PURGE, "DELETE FROM login_attempt WHERE at < $1"),

	S(PG_OFFICE_INSERT,
	  "INSERT INTO office(name, address, phone, email, version, created_at, updated_at) "
	  "VALUES ($1, $2, $3, $4, 1, $5, $5) ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_OFFICE_GET, "SELECT " OFFICE_COLUMNS " FROM office WHERE id = $1"),
	/* as PG_USER_UPDATE; a name taken by another office raises unique_violation */
	S(PG_OFFICE_UPDATE,
	  "WITH upd AS (UPDATE office SET name = $2, address = $3, phone = $4, email = $5, "
	  "version = version + 1, updated_at = $7 WHERE id = $1 AND version = $6 RETURNING version) "
	  "SELECT (SELECT version FROM upd), EXISTS (SELECT 1 FROM office WHERE id = $1)"),
	S(PG_OFFICE_DELETE, "DELETE FROM office WHERE id = $1"),
	S(PG_OFFICE_LIST, "SELECT " OFFICE_COLUMNS " FROM office ORDER BY name COLLATE \"C\", id"),
	S(PG_OFFICE_USAGE,
	  USAGE2("users", "SELECT count(*) FROM app_user WHERE office_id = $1",
		 "cases", "SELECT count(*) FROM case_record WHERE office_id = $1")),
	S(PG_OFFICE_LOGO_SET,
	  "UPDATE office SET logo_mime = $2::text, logo = $3::bytea, version = version + 1 "
	  "WHERE id = $1"),
	S(PG_OFFICE_LOGO_GET,
	  "SELECT logo_mime, logo FROM office WHERE id = $1 AND logo IS NOT NULL"),

	S(PG_SETTING_GET, "SELECT value FROM setting WHERE key = $1"),
	S(PG_SETTING_SET,
	  "INSERT INTO setting(key, value) VALUES ($1, $2) "
	  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
	S(PG_COUNTER_NEXT,
	  "INSERT INTO counter(name, value) VALUES ($1, 1) "
	  "ON CONFLICT (name) DO UPDATE SET value = counter.value + 1 RETURNING value"),

	/* setup lists: inserts take the kind's fields from $1 (see setup.c for their order),
	 * updates take the id as $1, the fields from $2, then the version */
	S(PG_CASE_TYPE_INSERT,
	  "INSERT INTO case_type(name, grp, position) VALUES ($1, $2, $3) "
	  "ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_CASE_TYPE_GET, "SELECT " CASE_TYPE_COLUMNS " FROM case_type WHERE id = $1"),
	S(PG_CASE_TYPE_UPDATE,
	  VERSIONED_UPDATE("case_type", "name = $2, grp = $3, position = $4", BY_ID, "$5")),
	S(PG_CASE_TYPE_DELETE, "DELETE FROM case_type WHERE id = $1"),
	S(PG_CASE_TYPE_LIST, "SELECT " CASE_TYPE_COLUMNS " FROM case_type" SETUP_ORDER),
	S(PG_CASE_TYPE_USAGE,
	  USAGE_OF(USAGE_PLACE("1", "cases",
			       "SELECT count(*) FROM case_record WHERE case_type_id = $1") ", "
		   USAGE_PLACE("2", "subtypes",
			       "SELECT count(*) FROM case_subtype WHERE case_type_id = $1") ", "
		   USAGE_PLACE("3", "user-defined fields",
			       "SELECT count(*) FROM udf_field WHERE case_type_id = $1"))),

	S(PG_CASE_SUBTYPE_INSERT,
	  "INSERT INTO case_subtype(name, case_type_id, position) VALUES ($1, $2, $3) "
	  "ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_CASE_SUBTYPE_GET, "SELECT " CASE_SUBTYPE_COLUMNS " FROM case_subtype WHERE id = $1"),
	S(PG_CASE_SUBTYPE_UPDATE,
	  VERSIONED_UPDATE("case_subtype", "name = $2, case_type_id = $3, position = $4", BY_ID,
			   "$5")),
	S(PG_CASE_SUBTYPE_DELETE, "DELETE FROM case_subtype WHERE id = $1"),
	S(PG_CASE_SUBTYPE_LIST,
	  "SELECT " CASE_SUBTYPE_COLUMNS " FROM case_subtype "
	  "WHERE $1::bigint = 0 OR case_type_id = $1" SETUP_ORDER),
	S(PG_CASE_SUBTYPE_USAGE,
	  USAGE1("cases", "SELECT count(*) FROM case_record WHERE case_subtype_id = $1")),

	S(PG_STATUS_TYPE_INSERT,
	  "INSERT INTO status_type(name, is_stage, position) VALUES ($1, $2, $3) "
	  "ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_STATUS_TYPE_GET, "SELECT " STATUS_TYPE_COLUMNS " FROM status_type WHERE id = $1"),
	S(PG_STATUS_TYPE_UPDATE,
	  VERSIONED_UPDATE("status_type", "name = $2, is_stage = $3, position = $4", BY_ID, "$5")),
	S(PG_STATUS_TYPE_DELETE, "DELETE FROM status_type WHERE id = $1"),
	S(PG_STATUS_TYPE_LIST, "SELECT " STATUS_TYPE_COLUMNS " FROM status_type" SETUP_ORDER),
	S(PG_STATUS_TYPE_USAGE,
	  USAGE2("statuses", "SELECT count(*) FROM status WHERE status_type_id = $1",
		 "case statuses", "SELECT count(*) FROM case_status WHERE status_type_id = $1")),

	S(PG_STATUS_INSERT,
	  "INSERT INTO status(name, status_type_id, expected_days, is_closing, grp, position) "
	  "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_STATUS_GET, "SELECT " STATUS_COLUMNS " FROM status s WHERE s.id = $1"),
	S(PG_STATUS_UPDATE,
	  VERSIONED_UPDATE("status", "name = $2, status_type_id = $3, expected_days = $4, "
			   "is_closing = $5, grp = $6, position = $7", BY_ID, "$8")),
	S(PG_STATUS_DELETE, "DELETE FROM status WHERE id = $1"),
	S(PG_STATUS_LIST,
	  "SELECT " STATUS_COLUMNS " FROM status s WHERE $1::bigint = 0 OR s.status_type_id = $1 "
	  "ORDER BY s.position, s.name COLLATE \"C\", s.id"),
	S(PG_STATUS_USAGE,
	  USAGE_OF(USAGE_PLACE("1", "case statuses",
			       "SELECT count(*) FROM case_status WHERE status_id = $1") ", "
		   USAGE_PLACE("2", "cases",
			       "SELECT count(*) FROM case_record WHERE stage_status_id = $1") ", "
		   USAGE_PLACE("3", "office follow-ups",
			       "SELECT count(*) FROM office_follow_up WHERE status_id = $1"))),

	S(PG_CLOSE_REASON_INSERT,
	  "INSERT INTO close_reason(name, position) VALUES ($1, $2) "
	  "ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_CLOSE_REASON_GET, "SELECT " CLOSE_REASON_COLUMNS " FROM close_reason WHERE id = $1"),
	S(PG_CLOSE_REASON_UPDATE,
	  VERSIONED_UPDATE("close_reason", "name = $2, position = $3", BY_ID, "$4")),
	S(PG_CLOSE_REASON_DELETE, "DELETE FROM close_reason WHERE id = $1"),
	S(PG_CLOSE_REASON_LIST, "SELECT " CLOSE_REASON_COLUMNS " FROM close_reason" SETUP_ORDER),
	S(PG_CLOSE_REASON_USAGE,
	  USAGE1("case statuses", "SELECT count(*) FROM case_status WHERE close_reason_id = $1")),

	S(PG_ROLE_INSERT,
	  "INSERT INTO staff_role(name, category, primary_advisor, position) "
	  "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_ROLE_GET, "SELECT " ROLE_COLUMNS " FROM staff_role WHERE id = $1"),
	S(PG_ROLE_UPDATE,
	  VERSIONED_UPDATE("staff_role", "name = $2, category = $3, primary_advisor = $4, "
			   "position = $5", BY_ID, "$6")),
	S(PG_ROLE_DELETE, "DELETE FROM staff_role WHERE id = $1"),
	S(PG_ROLE_LIST, "SELECT " ROLE_COLUMNS " FROM staff_role" SETUP_ORDER),
	S(PG_ROLE_USAGE,
	  USAGE1("case staff", "SELECT count(*) FROM case_staff WHERE role_id = $1")),

	S(PG_NOTE_TYPE_INSERT,
	  "INSERT INTO note_type(name, client_facing, position) VALUES ($1, $2, $3) "
	  "ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_NOTE_TYPE_GET, "SELECT " NOTE_TYPE_COLUMNS " FROM note_type WHERE id = $1"),
	S(PG_NOTE_TYPE_UPDATE,
	  VERSIONED_UPDATE("note_type", "name = $2, client_facing = $3, position = $4", BY_ID,
			   "$5")),
	S(PG_NOTE_TYPE_DELETE, "DELETE FROM note_type WHERE id = $1"),
	S(PG_NOTE_TYPE_LIST, "SELECT " NOTE_TYPE_COLUMNS " FROM note_type" SETUP_ORDER),
	S(PG_NOTE_TYPE_USAGE, USAGE1("notes", "SELECT count(*) FROM note WHERE note_type_id = $1")),

	S(PG_VALUE_RANGE_INSERT,
	  "INSERT INTO value_range(name, low_cents, high_cents, disbursement_cents, position) "
	  "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_VALUE_RANGE_GET, "SELECT " VALUE_RANGE_COLUMNS " FROM value_range WHERE id = $1"),
	S(PG_VALUE_RANGE_UPDATE,
	  VERSIONED_UPDATE("value_range", "name = $2, low_cents = $3, high_cents = $4, "
			   "disbursement_cents = $5, position = $6", BY_ID, "$7")),
	S(PG_VALUE_RANGE_DELETE, "DELETE FROM value_range WHERE id = $1"),
	S(PG_VALUE_RANGE_LIST, "SELECT " VALUE_RANGE_COLUMNS " FROM value_range" SETUP_ORDER),
	S(PG_VALUE_RANGE_USAGE,
	  USAGE2("cases", "SELECT count(*) FROM case_record WHERE value_range_id = $1",
		 "value history",
		 "SELECT count(*) FROM case_value_history WHERE value_range_id = $1")),

	S(PG_STAGE_FIRST,
	  "SELECT " STATUS_COLUMNS " FROM status s JOIN status_type t ON t.id = s.status_type_id "
	  "WHERE t.is_stage AND NOT s.is_closing AND (s.grp = $1 OR s.grp = '') "
	  "ORDER BY s.position, s.id LIMIT 1"),

	S(PG_CONTACT_INSERT,
	  "INSERT INTO contact AS ct (" CONTACT_FIELDS ", version, created_at, updated_at) "
	  "VALUES (" CONTACT_FIELD_VALUES ", 1, $14, $14) "
	  "RETURNING ct.id, " CONTACT_DISPLAY ", " CONTACT_EMPLOYER_NAME),
	S(PG_CONTACT_GET, "SELECT " CONTACT_COLUMNS CONTACT_FROM " WHERE ct.id = $1"),
	/* as VERSIONED_UPDATE (the fields, $14 now, $15 the id, $16 the version), and columns 2
	 * and 3 the new display name and the employer's */
	S(PG_CONTACT_UPDATE,
	  "WITH upd AS (UPDATE contact ct SET (" CONTACT_FIELDS ") = (" CONTACT_FIELD_VALUES "), "
	  "updated_at = $14, version = version + 1 WHERE ct.id = $15 AND ct.version = $16 "
	  "RETURNING ct.version, " CONTACT_DISPLAY " AS display, "
	  CONTACT_EMPLOYER_NAME " AS employer) "
	  "SELECT (SELECT version FROM upd), EXISTS (SELECT 1 FROM contact WHERE id = $15), "
	  "(SELECT display FROM upd), (SELECT employer FROM upd)"),
	/* with the contact go its phones, e-mails and addresses (part of it, not uses of it) */
	S(PG_CONTACT_DELETE,
	  "WITH gone_channels AS (DELETE FROM contact_channel WHERE contact_id = $1), "
	  "gone_addresses AS (DELETE FROM contact_address WHERE contact_id = $1) "
	  "DELETE FROM contact WHERE id = $1"),
	/* $1 the search text ('' = all), $2 after this id, $3 the limit */
	S(PG_CONTACT_LIST,
	  "SELECT " CONTACT_COLUMNS CONTACT_FROM " WHERE ct.id > $2 AND ($1 = '' "
	  "OR starts_with(lower(ct.first_name), lower($1)) "
	  "OR starts_with(lower(ct.last_name), lower($1)) "
	  "OR starts_with(lower(ct.org_name), lower($1)) "
	  "OR starts_with(lower(ct.email), lower($1))) ORDER BY ct.id LIMIT $3"),
	/* "case parties" counts the parties the contact is, and those it is law firm or attorney
	 * of; the later places are those of migration 0003 */
	S(PG_CONTACT_USAGE,
	  USAGE_OF(USAGE_PLACE("1", "case parties",
			       "SELECT count(*) FROM case_party WHERE contact_id = $1 "
			       "OR law_firm_id = $1 OR attorney_id = $1") ", "
		   USAGE_PLACE("2", "case staff",
			       "SELECT count(*) FROM case_staff WHERE contact_id = $1") ", "
		   USAGE_PLACE("3", "users",
			       "SELECT count(*) FROM app_user WHERE contact_id = $1") ", "
		   USAGE_PLACE("4", "employees",
			       "SELECT count(*) FROM contact WHERE employer_id = $1") ", "
		   USAGE_PLACE("5", "insurance",
			       "SELECT count(*) FROM party_insurance WHERE company_id = $1 "
			       "OR adjuster_id = $1") ", "
		   USAGE_PLACE("6", "liens", "SELECT count(*) FROM lien WHERE holder_id = $1") ", "
		   USAGE_PLACE("7", "bankruptcies",
			       "SELECT count(*) FROM bankruptcy WHERE court_id = $1 "
			       "OR trustee_id = $1 OR trustee_attorney_id = $1") ", "
		   USAGE_PLACE("8", "appointments",
			       "SELECT count(*) FROM appointment_attendee "
			       "WHERE contact_id = $1") ", "
		   USAGE_PLACE("9", "courts",
			       "SELECT count(*) FROM case_court WHERE court_id = $1") ", "
		   USAGE_PLACE("10", "court personnel",
			       "SELECT count(*) FROM court_personnel WHERE contact_id = $1") ", "
		   USAGE_PLACE("11", "case referrals",
			       "SELECT count(*) FROM case_record WHERE referral_in_contact_id = $1 "
			       "OR referral_out_contact_id = $1"))),

	S(PG_CASE_INSERT,
	  "INSERT INTO case_record(" CASE_FIELDS ", created_by, version, created_at, updated_at) "
	  "VALUES (" CASE_FIELD_VALUES ", $26, 1, $27, $27) ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_CASE_GET,
	  "SELECT " CASE_COLUMNS CASE_FROM " WHERE k.id = $4 AND NOT k.deleted AND " CASE_SCOPE),
	S(PG_CASE_GET_BY_NUMBER,
	  "SELECT " CASE_COLUMNS CASE_FROM " WHERE k.number = $1 AND NOT k.deleted"),
	S(PG_CASE_UPDATE,
	  VERSIONED_UPDATE("case_record", "(" CASE_FIELDS ") = (" CASE_FIELD_VALUES "), "
			   "updated_at = $28", "id = $26 AND NOT deleted", "$27")),
	S(PG_CASE_SET_STAGE,
	  "UPDATE case_record SET stage_status_id = nullif($2::bigint, 0), closed_date = $3, "
	  "updated_at = $4 WHERE id = $1 AND NOT deleted"),
	S(PG_CASE_DELETE,
	  "UPDATE case_record SET deleted = true, updated_at = $2 WHERE id = $1 AND NOT deleted"),
	/* four variants, so that the planner drives each from what is selective (see the
	 * CASE_LIST_* macros): everyone's cases through the id, a search of them through the GIN
	 * index, a restricted caller's few cases through case_staff / case_party */
	S(PG_CASE_LIST, "SELECT " CASE_COLUMNS CASE_FROM CASE_LIST_WHERE CASE_LIST_ORDER),
	S(PG_CASE_LIST_SCOPED,
	  "SELECT " CASE_COLUMNS CASE_FROM CASE_LIST_WHERE CASE_LIST_SCOPE CASE_LIST_ORDER),
	S(PG_CASE_LIST_Q,
	  "SELECT " CASE_COLUMNS CASE_FROM CASE_LIST_WHERE CASE_LIST_MATCH("$12") CASE_LIST_ORDER),
	/* (a restricted caller's cases are few: each is checked against the search) */
	S(PG_CASE_LIST_Q_SCOPED,
	  "SELECT " CASE_COLUMNS CASE_FROM CASE_LIST_WHERE CASE_LIST_SCOPE
	  " AND k.search @@ to_tsquery('simple', search_fold($14::text))" CASE_LIST_ORDER),

	/* ends the current row (to_date = the new row's from_date) and adds the new one */
	S(PG_VALUE_CHANGE_ADD,
	  "WITH ended AS (UPDATE case_value_history SET to_date = $3 "
	  "WHERE case_id = $1 AND to_date = '') "
	  "INSERT INTO case_value_history(case_id, value_range_id, from_date, to_date, user_id, "
	  "comments) VALUES ($1, nullif($2::bigint, 0), $3, $4, $5, $6) RETURNING id"),
	S(PG_VALUE_CHANGE_LIST,
	  "SELECT " VALUE_CHANGE_COLUMNS VALUE_CHANGE_FROM " WHERE h.case_id = $1 "
	  "ORDER BY h.id DESC"),

	S(PG_CASE_STATUS_INSERT,
	  "INSERT INTO case_status(case_id, status_type_id, status_id, expected_days, from_date, "
	  "to_date, current, user_id, comments, close_reason_id, version, created_at) "
	  "VALUES ($1, $2, $3, $4, $5, '', true, $6, $7, nullif($8::bigint, 0), 1, $9) "
	  "ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_CASE_STATUS_GET,
	  "SELECT " CASE_STATUS_COLUMNS CASE_STATUS_FROM " WHERE cs.case_id = $1 AND cs.id = $2"),
	S(PG_CASE_STATUS_CURRENT,
	  "SELECT " CASE_STATUS_COLUMNS CASE_STATUS_FROM
	  " WHERE cs.case_id = $1 AND cs.status_type_id = $2 AND cs.current"),
	S(PG_CASE_STATUS_END,
	  "UPDATE case_status SET current = false, to_date = $2, version = version + 1 "
	  "WHERE id = $1 AND current"),
	S(PG_CASE_STATUS_UPDATE,
	  VERSIONED_UPDATE("case_status", "expected_days = $3, from_date = $4, comments = $5, "
			   "close_reason_id = nullif($6::bigint, 0), status_id = $7",
			   BY_CASE_AND_ID, "$8")),
	S(PG_CASE_STATUS_LIST,
	  "SELECT " CASE_STATUS_COLUMNS CASE_STATUS_FROM " WHERE cs.case_id = $1 AND cs.current "
	  "ORDER BY t.is_stage DESC, t.position, t.name COLLATE \"C\", cs.id"),
	S(PG_CASE_STATUS_HISTORY,
	  "SELECT " CASE_STATUS_COLUMNS CASE_STATUS_FROM " WHERE cs.case_id = $1 "
	  "ORDER BY cs.from_date DESC, cs.id DESC"),

	S(PG_CASE_STAFF_INSERT,
	  "INSERT INTO case_staff(case_id, user_id, contact_id, role_id, comments, from_date, "
	  "to_date, current, version) VALUES ($1, nullif($2::bigint, 0), nullif($3::bigint, 0), "
	  "$4, $5, $6, '', true, 1) RETURNING id"),
	S(PG_CASE_STAFF_GET,
	  "SELECT " CASE_STAFF_COLUMNS CASE_STAFF_FROM " WHERE cs.case_id = $1 AND cs.id = $2"),
	S(PG_CASE_STAFF_UPDATE,
	  VERSIONED_UPDATE("case_staff", "comments = $3", BY_CASE_AND_ID, "$4")),
	S(PG_CASE_STAFF_END,
	  "UPDATE case_staff SET current = false, to_date = $2, version = version + 1 "
	  "WHERE id = $1 AND current"),
	S(PG_CASE_STAFF_LIST,
	  "SELECT " CASE_STAFF_COLUMNS CASE_STAFF_FROM " WHERE cs.case_id = $1 AND cs.current "
	  "ORDER BY r.position, cs.id"),
	S(PG_CASE_STAFF_HISTORY,
	  "SELECT " CASE_STAFF_COLUMNS CASE_STAFF_FROM " WHERE cs.case_id = $1 "
	  "ORDER BY cs.from_date DESC, cs.id DESC"),

	S(PG_NOTE_INSERT,
	  "INSERT INTO note(case_id, note_type_id, body, at, created_by, version, created_at, "
	  "updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $6) RETURNING id"),
	S(PG_NOTE_GET, "SELECT " NOTE_COLUMNS NOTE_FROM " WHERE n.case_id = $1 AND n.id = $2"),
	S(PG_NOTE_UPDATE,
	  VERSIONED_UPDATE("note", "note_type_id = $3, body = $4, at = $5, updated_at = $7",
			   BY_CASE_AND_ID, "$6")),
	S(PG_NOTE_DELETE, "DELETE FROM note WHERE id = $1"),
	/* $2 is a tsquery text made by pg_tsquery ('' = all); ($3, $4) the last row seen */
	S(PG_NOTE_LIST,
	  "SELECT " NOTE_COLUMNS NOTE_FROM " WHERE n.case_id = $1"
	  " AND ($2::text = '' OR n.search @@ to_tsquery('simple', search_fold($2)))"
	  " AND (($3::bigint = 0 AND $4::bigint = 0) OR (n.at, n.id) < ($3, $4))"
	  " ORDER BY n.at DESC, n.id DESC LIMIT $5"),

	S(PG_EVENT_LAST,
	  "SELECT " EVENT_COLUMNS EVENT_FROM " WHERE e.case_id = $1 ORDER BY e.seq DESC LIMIT 1"),
	S(PG_EVENT_INSERT,
	  "INSERT INTO timeline_event(case_id, seq, at, event_type, user_id, description, "
	  "prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
	  "ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_EVENT_LIST,
	  "SELECT " EVENT_COLUMNS EVENT_FROM " WHERE e.case_id = $1 "
	  "AND ($2::bigint = 0 OR e.seq < $2) ORDER BY e.seq DESC LIMIT $3"),
	/* one page of every event after (case $1, seq $2) */
	S(PG_EVENT_WALK,
	  "SELECT " EVENT_COLUMNS EVENT_FROM " WHERE (e.case_id, e.seq) > ($1::bigint, $2::bigint) "
	  "ORDER BY e.case_id, e.seq LIMIT $3"),

	S(PG_RELATED_ADD,
	  "INSERT INTO case_related(case_id, other_id, created_at) "
	  "VALUES ($1, $2, $3), ($2, $1, $3) "
	  "ON CONFLICT DO NOTHING"),
	S(PG_RELATED_REMOVE,
	  "DELETE FROM case_related WHERE (case_id = $1 AND other_id = $2) "
	  "OR (case_id = $2 AND other_id = $1)"),
	S(PG_RELATED_LIST,
	  "SELECT " BRIEF_COLUMNS " FROM case_related rel "
	  "JOIN case_record k ON k.id = rel.other_id "
	  "LEFT JOIN status s ON s.id = k.stage_status_id "
	  "WHERE rel.case_id = $1 AND NOT k.deleted" BRIEF_ORDER),
	S(PG_OTHER_CASES,
	  "SELECT " BRIEF_COLUMNS " FROM case_record k "
	  "LEFT JOIN status s ON s.id = k.stage_status_id "
	  "WHERE k.id <> $1 AND NOT k.deleted AND k.number IS NOT NULL AND EXISTS (SELECT 1 "
	  "FROM case_party mine JOIN case_party theirs ON theirs.contact_id = mine.contact_id "
	  "WHERE mine.case_id = $1 AND mine.kind = 'plaintiff' AND theirs.case_id = k.id "
	  "AND theirs.kind = 'plaintiff')" BRIEF_ORDER),

	S(PG_PARTY_INSERT,
	  "INSERT INTO case_party(case_id, contact_id, kind, " PARTY_FIELDS ", version) "
	  "VALUES ($1, $2, $3, " PARTY_FIELD_VALUES ", 1) ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_PARTY_GET, "SELECT " PARTY_COLUMNS PARTY_FROM " WHERE p.case_id = $1 AND p.id = $2"),
	/* $1 the id, $2 the case, $3 the version, then the fields */
	S(PG_PARTY_UPDATE,
	  VERSIONED_UPDATE("case_party", "(" PARTY_FIELDS ") = (" PARTY_FIELD_VALUES ")",
			   BY_CASE_AND_ID, "$3")),
	/* with the party go its insurance, liens and bankruptcies; its deadlines stay, without it
	 * (the foreign keys are checked at the end of the statement, when all of that is done) */
	S(PG_PARTY_DELETE,
	  "WITH gone_insurance AS (DELETE FROM party_insurance WHERE party_id = $1), "
	  "gone_liens AS (DELETE FROM lien WHERE party_id = $1), "
	  "gone_bankruptcies AS (DELETE FROM bankruptcy WHERE party_id = $1), "
	  "unlinked AS (UPDATE deadline SET party_id = NULL, version = version + 1 "
	  "WHERE party_id = $1) "
	  "DELETE FROM case_party WHERE id = $1"),
	/* plaintiffs first, then defendants, each by group */
	S(PG_PARTY_LIST,
	  "SELECT " PARTY_COLUMNS PARTY_FROM " WHERE p.case_id = $1 "
	  "ORDER BY p.kind = 'defendant', p.group_no, p.id"),
};

const struct pg_statement *pg_statement(enum pg_id id)
{
	if (id < PG_SUMMARY_FIRST)
		return &pg_catalogue[id];
	if (id < PG_REPORTS_FIRST)
		return &pg_catalogue_summary[id - PG_SUMMARY_FIRST];
	return &pg_catalogue_reports[id - PG_REPORTS_FIRST];
}
