/* catalogue_reports.c - the SQL text of the PostgreSQL statements over the tables of migration
 * 0004 (pending cases and case status reports): policies, requirements, follow-ups per office,
 * advisors and their logs, which (advisor, case) pairs a report covers and what it shows of a
 * case, previews and their reports, sends, letters, and the e-mail outbox.
 *
 * The rest of the catalogue, and the notes on how it differs from SQLite's, are in catalogue.c
 * and catalogue_summary.c; the staff role statements that read and write the primary advisor
 * flag stay in catalogue.c with the other setup lists. As there: "not given" cents are NULL
 * (coalesce(.., -1) out), references whose "none" is 0 are NULL (nullif in, coalesce out).
 * A list of ids travels as one bigint[] parameter in its text form ('{1,2,3}'), compared with
 * = ANY. */
#include "store/pg/catalogue.h"
#include "store/pg/catalogue_sql.h"

/* A pending case k: open, not deleted, of a case type t of group insurance. */
#define PENDING_CASE "NOT k.deleted AND k.closed_date = '' AND t.grp = 'insurance'"

/* A contact's sorting name: a person's last name, an organisation's name. */
#define CONTACT_LAST_OF(a) \
	"CASE " a ".kind WHEN 'person' THEN " a ".last_name ELSE " a ".org_name END"

/* Policies: the row and its insured's and carrier's names (policy.c, pg_read_policy), over
 * case_policy p; fields $2 .. $10 (pg_bind_policy_fields), the case id being $1. */
#define POLICY_COLUMNS                                                                          \
	"p.case_id, p.policy_number, coalesce(p.insured_contact_id, 0), " CONTACT_NAME_OF("ins")  \
	", coalesce(p.carrier_contact_id, 0), " CONTACT_NAME_OF("car") ", p.product, "           \
	"coalesce(p.amount_cents, -1), p.kind, coalesce(p.parent_case_id, 0), p.next_follow_up, " \
	"p.last_follow_up, p.version, p.updated_at"
#define POLICY_JOINS                                                                            \
	" LEFT JOIN contact ins ON ins.id = p.insured_contact_id "                                \
	"LEFT JOIN contact car ON car.id = p.carrier_contact_id"
#define POLICY_FIELDS                                                                           \
	"policy_number, insured_contact_id, carrier_contact_id, product, amount_cents, kind, "    \
	"parent_case_id, next_follow_up, last_follow_up"
#define POLICY_FIELD_VALUES                                                                     \
	"$2, nullif($3::bigint, 0), nullif($4::bigint, 0), $5, $6::bigint, "                      \
	"coalesce(nullif($7::text, ''), 'formal'), nullif($8::bigint, 0), $9, $10"
/* What a policy write gives back: the names of the insured and the carrier (of p). */
#define POLICY_NAMES                                                                            \
	"coalesce((SELECT " CONTACT_DISPLAY_OF("ins") " FROM contact ins "                       \
	"WHERE ins.id = p.insured_contact_id), '') AS insured, coalesce((SELECT "                 \
	CONTACT_DISPLAY_OF("car") " FROM contact car WHERE car.id = p.carrier_contact_id), '') "  \
	"AS carrier"

/* Requirements: fields $3 .. $10 (requirement.c); inserts take the case as $1 and now as $2,
 * updates the id as $1, the case as $2, now as $11 and the version as $12. */
#define REQUIREMENT_COLUMNS                                                                     \
	"id, case_id, name, status, is_key, is_pos, position, requested_date, received_date, "    \
	"comments, version, created_at, updated_at"
#define REQUIREMENT_FIELDS                                                                      \
	"name, status, is_key, is_pos, position, requested_date, received_date, comments"
#define REQUIREMENT_FIELD_VALUES \
	"$3, coalesce(nullif($4::text, ''), 'outstanding'), $5, $6, $7, $8, $9, $10"

/* An office's stage rows, with the status's name, over office_follow_up f and status s. */
#define FOLLOW_UP_COLUMNS "f.status_id, s.name, f.interval_days, f.report_text"
#define FOLLOW_UP_FROM " FROM office_follow_up f JOIN status s ON s.id = f.status_id"

/* The cases a contact c is current staff of in an advisor role, as staff named by contact and
 * as a user whose own contact it is (rows, not distinct: a case may come twice). */
#define ADVISOR_CASES_OF(c)                                                                     \
	"SELECT cs.case_id FROM case_staff cs JOIN staff_role r ON r.id = cs.role_id "            \
	"WHERE cs.contact_id = " c " AND cs.current AND r.category = 'advisor' "                  \
	"UNION ALL SELECT cs.case_id FROM app_user u JOIN case_staff cs ON cs.user_id = u.id "   \
	"JOIN staff_role r ON r.id = cs.role_id "                                                 \
	"WHERE u.contact_id = " c " AND cs.current AND r.category = 'advisor'"

#define ADVISOR_LOG_COLUMNS                                                                     \
	"l.id, l.contact_id, coalesce(l.case_id, 0), coalesce(k.number, ''), "                    \
	"coalesce(k.name, ''), "                                                                  \
	"coalesce(l.send_id, 0), l.at, l.method, l.subject, l.body, l.user_id"

/* The current advisor staff rows as (contact_id, case_id, is_primary): the contact is the
 * row's own or, for a user, the user's (users without one are no advisors). Each branch is
 * narrowed by its extra conditions (on cs, the staff row, and u, the user; "" for none). */
#define ADVISOR_STAFF(contact_extra, user_extra)                                                \
	"SELECT cs.contact_id, cs.case_id, r.primary_advisor AS is_primary "                      \
	"FROM case_staff cs JOIN staff_role r ON r.id = cs.role_id "                              \
	"WHERE cs.current AND r.category = 'advisor' AND cs.contact_id IS NOT NULL" contact_extra \
	" UNION ALL SELECT u.contact_id, cs.case_id, r.primary_advisor "                          \
	"FROM app_user u JOIN case_staff cs ON cs.user_id = u.id AND cs.current "                 \
	"JOIN staff_role r ON r.id = cs.role_id "                                                 \
	"WHERE r.category = 'advisor' AND u.contact_id IS NOT NULL" user_extra

/* The (advisor, case) pairs of a report (report.c, pg_report_pairs) from the staff rows of
 * source (ADVISOR_STAFF): one per (advisor, case), primary when any of its roles there is,
 * on a pending case the filter keeps. $1 office (0 = any), $2 case manager user (0 = any),
 * $3 which advisors (enum store_report_advisors), $4 the selected advisors' contact ids,
 * $5 which cases (enum store_report_cases), $6 the follow-up due date, $7 the stage status,
 * $8 the selected case ids, $9 .. $11 informal, informal child and group cases too. Ordered
 * by the advisor's sorting name in any case, display name, contact id, then the case number
 * ('' for none) and id. The three statements differ only in where they start: every advisor
 * staff row, the staff of the selected cases, or the selected advisors' staff rows. */
#define REPORT_PAIRS(source)                                                                    \
	"WITH adv AS (" source "), "                                                              \
	"pairs AS (SELECT contact_id, case_id, bool_or(is_primary) AS is_primary FROM adv "      \
	"GROUP BY contact_id, case_id) "                                                          \
	"SELECT a.contact_id, " CONTACT_LAST_OF("ct") ", " CONTACT_DISPLAY ", a.case_id, "        \
	"a.is_primary FROM pairs a JOIN contact ct ON ct.id = a.contact_id "                      \
	"JOIN case_record k ON k.id = a.case_id JOIN case_type t ON t.id = k.case_type_id "       \
	"LEFT JOIN case_policy p ON p.case_id = k.id WHERE " PENDING_CASE                         \
	" AND (coalesce(p.kind, 'formal') = 'formal' OR (p.kind = 'informal' AND $9::boolean) "   \
	"OR (p.kind = 'informal_child' AND $10::boolean) OR (p.kind = 'group' AND $11::boolean))" \
	" AND ($1::bigint = 0 OR k.office_id = $1)"                                               \
	" AND ($2::bigint = 0 OR EXISTS (SELECT 1 FROM case_staff m "                             \
	"JOIN staff_role mr ON mr.id = m.role_id WHERE m.case_id = k.id AND m.current "           \
	"AND m.user_id = $2 AND mr.category = 'case_manager'))"                                   \
	" AND ($3::integer <> 1 OR a.is_primary)"                                                 \
	" AND ($3 <> 2 OR a.contact_id = ANY ($4::bigint[]))"                                     \
	" AND ($5::integer <> 0 OR (p.next_follow_up <> '' AND p.next_follow_up <= $6::text))"    \
	" AND ($5 <> 2 OR k.stage_status_id = $7::bigint)"                                        \
	" AND ($5 <> 3 OR k.id = ANY ($8::bigint[]))"                                             \
	" ORDER BY lower(" CONTACT_LAST_OF("ct") ") COLLATE \"C\", " CONTACT_DISPLAY            \
	" COLLATE \"C\", ct.id, coalesce(k.number, '') COLLATE \"C\", k.id"

/* What a report shows of a case k: its current stage row (cs: the status named, ks's name
 * when it has none) and since when, the first current case manager (a user), the first
 * current primary advisor (pa, a contact of the row or of its user), and the policy p when
 * there is one. */
#define REPORT_CASE_COLUMNS                                                                     \
	"k.id, coalesce(k.number, ''), k.name, coalesce(k.office_id, 0), "                        \
	"coalesce(k.stage_status_id, 0), coalesce(ss.name, ks.name, ''), "                        \
	"coalesce(cs.from_date, ''), "                                                            \
	"coalesce((SELECT u.name FROM case_staff m JOIN staff_role mr ON mr.id = m.role_id "      \
	"JOIN app_user u ON u.id = m.user_id WHERE m.case_id = k.id AND m.current "               \
	"AND mr.category = 'case_manager' ORDER BY m.id LIMIT 1), ''), "                          \
	"coalesce(" CONTACT_LAST_OF("pa") ", ''), " CONTACT_NAME_OF("pa") ", "                    \
	"p.case_id IS NOT NULL, " POLICY_COLUMNS
#define REPORT_CASE_FROM                                                                        \
	" FROM case_record k LEFT JOIN status ks ON ks.id = k.stage_status_id "                   \
	"LEFT JOIN case_status cs ON cs.case_id = k.id AND cs.current "                           \
	"AND cs.status_type_id = (SELECT id FROM status_type WHERE is_stage) "                    \
	"LEFT JOIN status ss ON ss.id = cs.status_id "                                            \
	"LEFT JOIN LATERAL (SELECT c.* FROM case_staff a JOIN staff_role ar ON ar.id = a.role_id " \
	"LEFT JOIN app_user au ON au.id = a.user_id "                                             \
	"JOIN contact c ON c.id = coalesce(a.contact_id, au.contact_id) "                         \
	"WHERE a.case_id = k.id AND a.current AND ar.category = 'advisor' AND ar.primary_advisor " \
	"ORDER BY a.id LIMIT 1) pa ON true "                                                      \
	"LEFT JOIN case_policy p ON p.case_id = k.id" POLICY_JOINS

#define PREVIEW_COLUMNS                                                                         \
	"p.id, p.today, p.created_by, p.created_at, coalesce(s.id, 0), p.options"
#define PREVIEW_FROM \
	" FROM report_preview p LEFT JOIN report_send s ON s.preview_id = p.id"

/* A report item with its advisor's name, how many cases it covers, and its outbox row m (a
 * LEFT JOIN the statement supplies; NULLs when none). */
#define ITEM_COLUMNS                                                                            \
	"i.id, i.preview_id, i.seq, i.sort_key, i.contact_id, " CONTACT_DISPLAY ", i.method, "   \
	"i.address, i.issues, "                                                                   \
	"(SELECT count(*) FROM report_item_case ic WHERE ic.item_id = i.id), "                    \
	"i.applied, i.outcome, i.reason, coalesce(m.state, ''), coalesce(m.last_error, ''), "     \
	"coalesce(m.id, 0)"
#define ITEM_FROM " FROM report_item i JOIN contact ct ON ct.id = i.contact_id"

#define SEND_COLUMNS                                                                            \
	"id, preview_id, state, letters_state, letters_pages, letters_bytes, letters_error, "     \
	"claimed_until, created_by, created_at, finished_at"

/* An outbox row without its body (mail.c, pg_read_mail), then the body's length. */
#define MAIL_COLUMNS                                                                            \
	"id, run_id, recipient_id, message_id, mail_from, rcpt_to, subject, state, attempts, "    \
	"next_attempt_at, claimed_by, claimed_until, last_error, created_at, updated_at, "        \
	"sent_at, octet_length(message)"

#define S(id, sql_text) [id - PG_REPORTS_FIRST] = {#id, sql_text}

const struct pg_statement pg_catalogue_reports[PG__COUNT - PG_REPORTS_FIRST] = {
	S(PG_POLICY_GET, "SELECT " POLICY_COLUMNS " FROM case_policy p" POLICY_JOINS
	  " WHERE p.case_id = $1"),
	/* $11 now; no row when the case has a policy row already, else the names */
	S(PG_POLICY_INSERT,
	  "INSERT INTO case_policy AS p (case_id, " POLICY_FIELDS ", version, updated_at) "
	  "VALUES ($1, " POLICY_FIELD_VALUES ", 1, $11) ON CONFLICT DO NOTHING RETURNING "
	  POLICY_NAMES),
	/* $11 now, $12 the version; as VERSIONED_UPDATE, and columns 2 and 3 the names */
	S(PG_POLICY_UPDATE,
	  "WITH upd AS (UPDATE case_policy p SET (" POLICY_FIELDS ") = (" POLICY_FIELD_VALUES "), "
	  "updated_at = $11, version = version + 1 WHERE p.case_id = $1 AND p.version = $12 "
	  "RETURNING p.version, " POLICY_NAMES ") "
	  "SELECT (SELECT version FROM upd), "
	  "EXISTS (SELECT 1 FROM case_policy WHERE case_id = $1), "
	  "(SELECT insured FROM upd), (SELECT carrier FROM upd)"),
	S(PG_POLICY_FOLLOW_UP_SET,
	  "UPDATE case_policy SET next_follow_up = $2, last_follow_up = $3, updated_at = $4, "
	  "version = version + 1 WHERE case_id = $1"),

	S(PG_REQUIREMENT_INSERT,
	  "INSERT INTO requirement(case_id, " REQUIREMENT_FIELDS ", version, created_at, "
	  "updated_at) VALUES ($1, " REQUIREMENT_FIELD_VALUES ", 1, $2, $2) RETURNING id"),
	S(PG_REQUIREMENT_GET,
	  "SELECT " REQUIREMENT_COLUMNS " FROM requirement WHERE case_id = $1 AND id = $2"),
	S(PG_REQUIREMENT_UPDATE,
	  VERSIONED_UPDATE("requirement", "(" REQUIREMENT_FIELDS ") = (" REQUIREMENT_FIELD_VALUES
			   "), updated_at = $11", BY_CASE_AND_ID, "$12")),
	S(PG_REQUIREMENT_DELETE, "DELETE FROM requirement WHERE id = $1"),
	S(PG_REQUIREMENT_LIST,
	  "SELECT " REQUIREMENT_COLUMNS " FROM requirement WHERE case_id = $1 "
	  "ORDER BY position, id"),

	S(PG_FOLLOW_UP_METHOD, "SELECT follow_up_method FROM office WHERE id = $1"),
	S(PG_FOLLOW_UP_STAGES,
	  "SELECT " FOLLOW_UP_COLUMNS FOLLOW_UP_FROM " WHERE f.office_id = $1 "
	  "ORDER BY s.position, s.name COLLATE \"C\", s.id"),
	S(PG_FOLLOW_UP_STAGE_GET,
	  "SELECT " FOLLOW_UP_COLUMNS FOLLOW_UP_FROM
	  " WHERE f.office_id = $1 AND f.status_id = $2"),
	/* $1 the office, $2 the method: writes the method, removes the stage rows and counts the
	 * offices of that id (0: none, nothing changed) */
	S(PG_FOLLOW_UP_CLEAR,
	  "WITH gone AS (DELETE FROM office_follow_up WHERE office_id = $1), "
	  "upd AS (UPDATE office SET follow_up_method = $2 WHERE id = $1 RETURNING id) "
	  "SELECT count(*) FROM upd"),
	/* $1 the office, $2 the stage status, $3 the interval, $4 the report text */
	S(PG_FOLLOW_UP_INSERT,
	  "INSERT INTO office_follow_up(office_id, status_id, interval_days, report_text) "
	  "VALUES ($1, $2, $3, $4)"),

	/* $1 the search text ('' = all), $2 after this contact id, $3 the limit; the contacts in
	 * id order, each checked for an advisor role, with the open insurance cases counted */
	S(PG_ADVISOR_LIST,
	  "SELECT ct.id, " CONTACT_DISPLAY ", ct.first_name, ct.last_name, ct.email, "
	  "ct.preferred_comm, (SELECT count(DISTINCT a.case_id) FROM (" ADVISOR_CASES_OF("ct.id")
	  ") a JOIN case_record k ON k.id = a.case_id JOIN case_type t ON t.id = k.case_type_id "
	  "WHERE " PENDING_CASE ") "
	  "FROM contact ct WHERE ct.id > $2 AND ($1 = '' "
	  "OR starts_with(lower(ct.first_name), lower($1)) "
	  "OR starts_with(lower(ct.last_name), lower($1)) "
	  "OR starts_with(lower(ct.org_name), lower($1)) "
	  "OR starts_with(lower(ct.email), lower($1))) "
	  "AND EXISTS (" ADVISOR_CASES_OF("ct.id") ") ORDER BY ct.id LIMIT $3"),
	/* no row when the send logged this case for this advisor already; else the id and the
	 * case's number and name */
	S(PG_ADVISOR_LOG_INSERT,
	  "INSERT INTO advisor_log AS l (contact_id, case_id, send_id, at, method, subject, body, "
	  "user_id) VALUES ($1, nullif($2::bigint, 0), nullif($3::bigint, 0), $4, $5, $6, $7, $8) "
	  "ON CONFLICT DO NOTHING RETURNING l.id, coalesce((SELECT coalesce(k.number, '') "
	  "FROM case_record k WHERE k.id = l.case_id), ''), coalesce((SELECT k.name "
	  "FROM case_record k WHERE k.id = l.case_id), '')"),
	/* $2 before this id (0 = from the newest), $3 the limit */
	S(PG_ADVISOR_LOG_LIST,
	  "SELECT " ADVISOR_LOG_COLUMNS " FROM advisor_log l "
	  "LEFT JOIN case_record k ON k.id = l.case_id WHERE l.contact_id = $1 "
	  "AND ($2::bigint = 0 OR l.id < $2) ORDER BY l.id DESC LIMIT $3"),
	/* where a contact is used in the tables of migration 0004, after the places of
	 * PG_CONTACT_USAGE (contact.c asks here when those find nothing) */
	S(PG_CONTACT_USAGE_REPORTS,
	  USAGE_OF(USAGE_PLACE("1", "policies",
			       "SELECT count(*) FROM case_policy WHERE insured_contact_id = $1 "
			       "OR carrier_contact_id = $1") ", "
		   USAGE_PLACE("2", "advisor logs",
			       "SELECT count(*) FROM advisor_log WHERE contact_id = $1") ", "
		   USAGE_PLACE("3", "status reports",
			       "SELECT count(*) FROM report_item WHERE contact_id = $1"))),

	S(PG_REPORT_PAIRS, REPORT_PAIRS(ADVISOR_STAFF("", ""))),
	S(PG_REPORT_PAIRS_CASES,
	  REPORT_PAIRS(ADVISOR_STAFF(" AND cs.case_id = ANY ($8::bigint[])",
				     " AND cs.case_id = ANY ($8::bigint[])"))),
	S(PG_REPORT_PAIRS_ADVISORS,
	  REPORT_PAIRS(ADVISOR_STAFF(" AND cs.contact_id = ANY ($4::bigint[])",
				     " AND u.contact_id = ANY ($4::bigint[])"))),
	S(PG_REPORT_CASE_GET,
	  "SELECT " REPORT_CASE_COLUMNS REPORT_CASE_FROM " WHERE k.id = $1 AND NOT k.deleted"),

	/* $1 the options, $2 today, $3 the creator, $4 now */
	S(PG_REPORT_PREVIEW_INSERT,
	  "INSERT INTO report_preview(options, today, created_by, created_at) "
	  "VALUES ($1, $2, $3, $4) RETURNING id"),
	S(PG_REPORT_PREVIEW_GET, "SELECT " PREVIEW_COLUMNS PREVIEW_FROM " WHERE p.id = $1"),
	/* $1 preview .. $10 reason as in the table, $11 the case ids in order: the item and its
	 * cases in one statement */
	S(PG_REPORT_ITEM_INSERT,
	  "WITH it AS (INSERT INTO report_item(preview_id, seq, sort_key, contact_id, method, "
	  "address, issues, applied, outcome, reason) "
	  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id), "
	  "cases AS (INSERT INTO report_item_case(item_id, position, case_id) "
	  "SELECT it.id, x.n, x.case_id FROM it, "
	  "unnest($11::bigint[]) WITH ORDINALITY AS x(case_id, n)) "
	  "SELECT id FROM it"),
	S(PG_REPORT_ITEM_GET,
	  "SELECT " ITEM_COLUMNS ITEM_FROM " LEFT JOIN mail_outbox m ON false WHERE i.id = $1"),
	/* $2 letters only, by (sort key, seq); $3 the run id of the outbox rows (NULL = none) */
	S(PG_REPORT_ITEM_LIST,
	  "SELECT " ITEM_COLUMNS ITEM_FROM " LEFT JOIN mail_outbox m ON m.run_id = $3::text "
	  "AND m.recipient_id = i.id::text WHERE i.preview_id = $1 "
	  "AND (NOT $2::boolean OR i.method = 'letter') "
	  "ORDER BY CASE WHEN $2 THEN i.sort_key END COLLATE \"C\", i.seq"),
	S(PG_REPORT_ITEM_CASES,
	  "SELECT case_id FROM report_item_case WHERE item_id = $1 ORDER BY position"),
	S(PG_REPORT_ITEM_CASE_BRIEFS,
	  "SELECT ic.case_id, coalesce(k.number, ''), coalesce(k.name, ''), "
	  "coalesce(s.name, '') FROM report_item_case ic "
	  "LEFT JOIN case_record k ON k.id = ic.case_id AND NOT k.deleted "
	  "LEFT JOIN status s ON s.id = k.stage_status_id "
	  "WHERE ic.item_id = $1 ORDER BY ic.position"),
	S(PG_REPORT_ITEM_MARK,
	  "UPDATE report_item SET applied = $2, outcome = $3, reason = $4 WHERE id = $1"),
	/* the first item by seq not applied whose seq follows that of item $2 (0 = from the
	 * first) */
	S(PG_REPORT_ITEM_NEXT_UNAPPLIED,
	  "SELECT id FROM report_item WHERE preview_id = $1 AND NOT applied "
	  "AND seq > coalesce((SELECT seq FROM report_item WHERE id = $2 AND preview_id = $1), "
	  "-9223372036854775807::bigint) ORDER BY seq LIMIT 1"),

	/* $1 preview, $2 state ('' = preparing), $3 letters state ('' = none), $4 pages,
	 * $5 bytes, $6 error, $7 lease, $8 creator, $9 now, $10 finished; no row when the preview
	 * has a send already */
	S(PG_REPORT_SEND_INSERT,
	  "INSERT INTO report_send(preview_id, state, letters_state, letters_pages, letters_bytes, "
	  "letters_error, claimed_until, created_by, created_at, finished_at) "
	  "VALUES ($1, coalesce(nullif($2::text, ''), 'preparing'), "
	  "coalesce(nullif($3::text, ''), 'none'), $4, $5, $6, $7, $8, $9, $10) "
	  "ON CONFLICT DO NOTHING RETURNING " SEND_COLUMNS),
	S(PG_REPORT_SEND_GET, "SELECT " SEND_COLUMNS " FROM report_send WHERE id = $1"),
	S(PG_REPORT_SEND_BY_PREVIEW,
	  "SELECT " SEND_COLUMNS " FROM report_send WHERE preview_id = $1"),
	S(PG_REPORT_SEND_UPDATE,
	  "UPDATE report_send SET state = $2, letters_state = $3, letters_pages = $4, "
	  "letters_bytes = $5, letters_error = $6, finished_at = $7 WHERE id = $1"),
	/* $1 the send (0 = the oldest with work left), $2 now, $3 the lease's end: the lease is
	 * taken on a row locked first, skipping those another worker holds; a lease ends after
	 * its claimed_until */
	S(PG_REPORT_SEND_CLAIM,
	  "UPDATE report_send SET claimed_until = $3 WHERE id = (SELECT id FROM report_send "
	  "WHERE ($1::bigint <= 0 OR id = $1) AND claimed_until < $2 "
	  "AND (state = 'preparing' OR letters_state IN ('pending', 'rendering')) "
	  "ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " SEND_COLUMNS),
	S(PG_REPORT_LETTERS_CLEAR, "DELETE FROM report_letters_chunk WHERE send_id = $1"),
	/* no row back when that chunk is there already */
	S(PG_REPORT_LETTERS_APPEND,
	  "INSERT INTO report_letters_chunk(send_id, seq, data) VALUES ($1, $2, $3) "
	  "ON CONFLICT DO NOTHING RETURNING seq"),
	/* one chunk at a time, after seq $2, read in binary: the data, then the seq as text */
	S(PG_REPORT_LETTERS_NEXT,
	  "SELECT data, seq::text FROM report_letters_chunk WHERE send_id = $1 AND seq > $2 "
	  "ORDER BY seq LIMIT 1"),

	/* $1 run .. $6 subject, $7 the message (binary), $8 next attempt, $9 now; no row when
	 * (run, recipient) or the message id is queued already */
	S(PG_MAIL_INSERT,
	  "INSERT INTO mail_outbox(run_id, recipient_id, message_id, mail_from, rcpt_to, subject, "
	  "message, next_attempt_at, created_at, updated_at) "
	  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_MAIL_GET, "SELECT " MAIL_COLUMNS " FROM mail_outbox WHERE id = $1"),
	S(PG_MAIL_GET_BODY, "SELECT " MAIL_COLUMNS ", message FROM mail_outbox WHERE id = $1"),
	/* $1 the run ('' = any), $2 now, $3 the worker, $4 the lease's end: the pending row due
	 * first (then the oldest), locked first (skipping those another worker holds), moved to
	 * sending, with its body */
	S(PG_MAIL_CLAIM,
	  "UPDATE mail_outbox SET state = 'sending', claimed_by = $3, claimed_until = $4, "
	  "updated_at = $2 WHERE id = (SELECT id FROM mail_outbox WHERE state = 'pending' "
	  "AND next_attempt_at <= $2 AND ($1 = '' OR run_id = $1) ORDER BY next_attempt_at, id "
	  "LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " MAIL_COLUMNS ", message"),
	/* $1 id, $2 worker, $3 new state, $4 error, $5 next attempt (pending), $6 now */
	S(PG_MAIL_FINISH,
	  "UPDATE mail_outbox SET state = $3, last_error = $4, updated_at = $6, "
	  "next_attempt_at = CASE WHEN $3 = 'pending' THEN $5 ELSE next_attempt_at END, "
	  "attempts = attempts + CASE WHEN $3 = 'pending' THEN 1 ELSE 0 END, "
	  "sent_at = CASE WHEN $3 = 'sent' THEN $6 ELSE sent_at END "
	  "WHERE id = $1 AND state = 'sending' AND claimed_by = $2"),
	/* $1 all, $2 now */
	S(PG_MAIL_RECOVER,
	  "UPDATE mail_outbox SET state = 'in_doubt', updated_at = $2 "
	  "WHERE state = 'sending' AND ($1::boolean OR claimed_until < $2)"),
	/* $1 id, $2 sent or pending, $3 now */
	S(PG_MAIL_RESOLVE,
	  "UPDATE mail_outbox SET state = $2, updated_at = $3, "
	  "sent_at = CASE WHEN $2 = 'sent' THEN $3 ELSE sent_at END, "
	  "next_attempt_at = CASE WHEN $2 = 'pending' THEN $3 ELSE next_attempt_at END "
	  "WHERE id = $1 AND state = 'in_doubt'"),
	/* $1 state ('' = any), $2 run ('' = any), $3 after this id, $4 the limit */
	S(PG_MAIL_LIST,
	  "SELECT " MAIL_COLUMNS " FROM mail_outbox WHERE id > $3 AND ($1 = '' OR state = $1) "
	  "AND ($2 = '' OR run_id = $2) ORDER BY id LIMIT $4"),
	/* $1 run ('' = all), $2 state ('' = any) */
	S(PG_MAIL_COUNT,
	  "SELECT count(*) FROM mail_outbox WHERE ($1 = '' OR run_id = $1) "
	  "AND ($2 = '' OR state = $2)"),
};
