/* catalogue_reports.c - the SQL text of the SQLite statements of migration 0004: policies,
 * requirements, follow-ups, advisors and their logs, status report selection, previews, sends
 * and letters, and the e-mail outbox. The rest of the catalogue is catalogue.c; sq_sql (in
 * catalogue.h) finds a statement in either. The PostgreSQL equivalents are
 * ../pg/catalogue_reports.c. */
#include "store/sqlite/catalogue.h"

/* A contact's "last name" for sorting and letters: a person's last name, an organisation's
 * name. */
#define CONTACT_LAST(c) "CASE " c ".kind WHEN 'person' THEN " c ".last_name ELSE " c ".org_name END"

/* Policies (policy.c, sq_read_policy): the row with its insured's and carrier's names. */
#define POLICY_SELECT \
	"SELECT p.case_id, p.policy_number, coalesce(p.insured_contact_id, 0), " \
	"coalesce(" CONTACT_DISPLAY("pi") ", ''), coalesce(p.carrier_contact_id, 0), " \
	"coalesce(" CONTACT_DISPLAY("pc") ", ''), p.product, coalesce(p.amount_cents, -1), p.kind, " \
	"coalesce(p.parent_case_id, 0), p.next_follow_up, p.last_follow_up, p.version, " \
	"p.updated_at FROM case_policy p LEFT JOIN contact pi ON pi.id = p.insured_contact_id " \
	"LEFT JOIN contact pc ON pc.id = p.carrier_contact_id"
/* ?2 number, ?3 insured, ?4 carrier, ?5 product, ?6 amount, ?7 kind, ?8 parent, ?9 next,
 * ?10 last follow-up; ?11 now, ?12 version (policy.c, sq_bind_policy_fields) */
#define POLICY_FIELDS \
	"policy_number, insured_contact_id, carrier_contact_id, product, amount_cents, kind, " \
	"parent_case_id, next_follow_up, last_follow_up"
#define POLICY_FIELD_VALUES \
	"?2, nullif(?3, 0), nullif(?4, 0), ?5, ?6, coalesce(nullif(?7, ''), 'formal'), " \
	"nullif(?8, 0), ?9, ?10"
/* what a policy write gives back: the names of the insured and the carrier */
#define POLICY_WRITTEN \
	" RETURNING coalesce((SELECT " CONTACT_DISPLAY("pi") " FROM contact pi " \
	"WHERE pi.id = case_policy.insured_contact_id), ''), coalesce((SELECT " \
	CONTACT_DISPLAY("pc") " FROM contact pc WHERE pc.id = case_policy.carrier_contact_id), '')"

#define REQUIREMENT_SELECT \
	"SELECT id, case_id, name, status, is_key, is_pos, position, requested_date, " \
	"received_date, comments, version, created_at, updated_at FROM requirement"
/* ?3 name .. ?10 comments (requirement.c, sq_bind_requirement_fields) */
#define REQUIREMENT_FIELDS \
	"name, status, is_key, is_pos, position, requested_date, received_date, comments"
#define REQUIREMENT_FIELD_VALUES \
	"?3, coalesce(nullif(?4, ''), 'outstanding'), ?5, ?6, ?7, ?8, ?9, ?10"

#define FOLLOW_UP_SELECT \
	"SELECT f.status_id, s.name, f.interval_days, f.report_text FROM office_follow_up f " \
	"JOIN status s ON s.id = f.status_id"

/* Advisors: current case staff in a role of category advisor, the contact being the row's own
 * or, for a user, the user's contact (users without one are no advisors). ADVISOR_STAFF(extra)
 * gives (contact_id, case_id, is_primary) rows, one per staff row, each branch narrowed by
 * extra conditions (on cs, the staff row, and u, the user); "" for none. Here and in every
 * read of advisor or case manager rows, "+cs.role_id" makes the role be looked up from the
 * staff row, never the staff rows from the role (which, without ANALYZE statistics, the
 * planner may choose, and which walks every advisor row of the database); likewise a user's
 * rows are found from the user (CROSS JOIN keeps that order), whatever the statistics say of
 * how many rows a user has. */
#define ADVISOR_STAFF(contact_extra, user_extra) \
	"SELECT cs.contact_id AS contact_id, cs.case_id AS case_id, r.primary_advisor AS is_primary " \
	"FROM case_staff cs JOIN staff_role r ON r.id = +cs.role_id " \
	"WHERE cs.current = 1 AND r.category = 'advisor' AND cs.contact_id IS NOT NULL" \
	contact_extra \
	" UNION ALL SELECT u.contact_id, cs.case_id, r.primary_advisor " \
	"FROM app_user u CROSS JOIN case_staff cs ON cs.user_id = u.id AND cs.current = 1 " \
	"JOIN staff_role r ON r.id = +cs.role_id " \
	"WHERE r.category = 'advisor' AND u.contact_id IS NOT NULL" user_extra
/* ADVISOR_CASES(x): the case ids of the current advisor staff rows of contact x (its own rows
 * and its users'). */
#define ADVISOR_CASES(x) \
	"SELECT cs.case_id FROM case_staff cs JOIN staff_role r ON r.id = +cs.role_id " \
	"WHERE cs.contact_id = " x " AND cs.current = 1 AND r.category = 'advisor' " \
	"UNION ALL SELECT cs.case_id FROM app_user u CROSS JOIN case_staff cs ON cs.user_id = u.id " \
	"AND cs.current = 1 JOIN staff_role r ON r.id = +cs.role_id " \
	"WHERE u.contact_id = " x " AND r.category = 'advisor'"
/* An advisor's row (advisor.c, sq_read_advisor), with the number of their pending cases. */
#define ADVISOR_SELECT \
	"SELECT c.id, " CONTACT_DISPLAY("c") ", c.first_name, c.last_name, c.email, " \
	"c.preferred_comm, (SELECT count(*) FROM case_record k " \
	"JOIN case_type t ON t.id = k.case_type_id WHERE k.id IN (" ADVISOR_CASES("c.id") ") " \
	"AND" PENDING_CASE ")"
/* A pending case: open, not deleted, of a case type of group insurance (k, and t its type). */
#define PENDING_CASE " k.deleted = 0 AND k.closed_date = '' AND t.grp = 'insurance'"

/* The (advisor, case) pairs of a report (report.c, sqlite_report_pairs). ?1 office, ?2 case
 * manager user, ?3 advisors (0 all, 1 primary, 2 selected), ?4 the selected contact ids (JSON
 * array), ?5 cases (0 follow-up due, 1 all, 2 stage, 3 selected), ?6 due date, ?7 stage status,
 * ?8 the selected case ids (JSON array), ?9 informal, ?10 informal child, ?11 group. The three
 * statements differ only in where they start: every staff row of an advisor role, the staff
 * of the selected cases, or the selected advisors' staff rows. The pairs are grouped by case
 * first, so that the cases are read in id order. */
#define REPORT_PAIRS(source) \
	"WITH adv AS (" source "), " \
	"pairs AS (SELECT contact_id, case_id, max(is_primary) AS is_primary FROM adv " \
	"GROUP BY case_id, contact_id) " \
	"SELECT p.contact_id, " CONTACT_LAST("c") " AS sort_last, " CONTACT_DISPLAY("c") \
	" AS sort_name, p.case_id, p.is_primary FROM pairs p JOIN contact c ON c.id = p.contact_id " \
	"JOIN case_record k ON k.id = p.case_id JOIN case_type t ON t.id = k.case_type_id " \
	"LEFT JOIN case_policy cp ON cp.case_id = k.id WHERE" PENDING_CASE \
	" AND (coalesce(cp.kind, 'formal') = 'formal' OR (cp.kind = 'informal' AND ?9 = 1)" \
	" OR (cp.kind = 'informal_child' AND ?10 = 1) OR (cp.kind = 'group' AND ?11 = 1))" \
	" AND (?1 = 0 OR k.office_id = ?1)" \
	" AND (?2 = 0 OR EXISTS (SELECT 1 FROM case_staff m JOIN staff_role mr ON mr.id = +m.role_id" \
	" WHERE m.user_id = ?2 AND m.current = 1 AND m.case_id = k.id" \
	" AND mr.category = 'case_manager'))" \
	" AND (?3 <> 1 OR p.is_primary = 1)" \
	" AND (?3 <> 2 OR p.contact_id IN (SELECT value FROM json_each(?4)))" \
	" AND (?5 <> 0 OR (cp.next_follow_up <> '' AND cp.next_follow_up <= ?6))" \
	" AND (?5 <> 2 OR k.stage_status_id = ?7)" \
	" AND (?5 <> 3 OR k.id IN (SELECT value FROM json_each(?8)))" \
	" ORDER BY sort_last COLLATE NOCASE, sort_name, p.contact_id, coalesce(k.number, ''), k.id"

/* The report items of a preview (report.c, sq_read_item), with the outbox row of run ?2 when
 * ?2 is not NULL. */
#define REPORT_ITEM_SELECT \
	"SELECT i.id, i.preview_id, i.seq, i.sort_key, i.contact_id, " CONTACT_DISPLAY("c") ", " \
	"i.method, i.address, i.issues, (SELECT count(*) FROM report_item_case ic " \
	"WHERE ic.item_id = i.id), i.applied, i.outcome, i.reason, coalesce(m.state, ''), " \
	"coalesce(m.last_error, ''), coalesce(m.id, 0) FROM report_item i " \
	"JOIN contact c ON c.id = i.contact_id LEFT JOIN mail_outbox m ON m.run_id = ?2 " \
	"AND m.recipient_id = CAST(i.id AS TEXT)"

#define REPORT_SEND_COLUMNS \
	"id, preview_id, state, letters_state, letters_pages, letters_bytes, letters_error, " \
	"claimed_until, created_by, created_at, finished_at"

/* The outbox (mail.c, sq_read_mail): every column but the message, whose length comes last;
 * MAIL_BODY adds the message itself. */
#define MAIL_COLUMNS \
	"id, run_id, recipient_id, message_id, mail_from, rcpt_to, subject, state, attempts, " \
	"next_attempt_at, claimed_by, claimed_until, last_error, created_at, updated_at, sent_at, " \
	"length(message)"
#define MAIL_BODY MAIL_COLUMNS ", message"

const char *const sq_catalogue_reports[SQ__COUNT - SQ_REPORTS_FIRST] = {
	[SQ_POLICY_GET - SQ_REPORTS_FIRST] = POLICY_SELECT " WHERE p.case_id = ?1",
	[SQ_POLICY_INSERT - SQ_REPORTS_FIRST] =
		"INSERT INTO case_policy(case_id, " POLICY_FIELDS ", version, updated_at) "
		"VALUES (?1, " POLICY_FIELD_VALUES ", 1, ?11)" POLICY_WRITTEN,
	[SQ_POLICY_UPDATE - SQ_REPORTS_FIRST] =
		"UPDATE case_policy SET (" POLICY_FIELDS ") = (" POLICY_FIELD_VALUES "), "
		"version = version + 1, updated_at = ?11 WHERE case_id = ?1 AND version = ?12"
		POLICY_WRITTEN,
	[SQ_POLICY_EXISTS - SQ_REPORTS_FIRST] = "SELECT 1 FROM case_policy WHERE case_id = ?1",
	[SQ_POLICY_FOLLOW_UP_SET - SQ_REPORTS_FIRST] =
		"UPDATE case_policy SET next_follow_up = ?2, last_follow_up = ?3, "
		"version = version + 1, updated_at = ?4 WHERE case_id = ?1",

	[SQ_REQUIREMENT_INSERT - SQ_REPORTS_FIRST] =
		"INSERT INTO requirement(case_id, " REQUIREMENT_FIELDS ", version, created_at, "
		"updated_at) VALUES (?1, " REQUIREMENT_FIELD_VALUES ", 1, ?12, ?12) RETURNING id",
	[SQ_REQUIREMENT_GET - SQ_REPORTS_FIRST] = REQUIREMENT_SELECT " WHERE id = ?2 AND case_id = ?1",
	[SQ_REQUIREMENT_UPDATE - SQ_REPORTS_FIRST] =
		"UPDATE requirement SET (" REQUIREMENT_FIELDS ") = (" REQUIREMENT_FIELD_VALUES "), "
		"version = version + 1, updated_at = ?12 WHERE id = ?2 AND case_id = ?1 "
		"AND version = ?11",
	[SQ_REQUIREMENT_DELETE - SQ_REPORTS_FIRST] = "DELETE FROM requirement WHERE id = ?1",
	[SQ_REQUIREMENT_LIST - SQ_REPORTS_FIRST] = REQUIREMENT_SELECT " WHERE case_id = ?1 ORDER BY position, id",

	[SQ_FOLLOW_UP_METHOD - SQ_REPORTS_FIRST] = "SELECT follow_up_method FROM office WHERE id = ?1",
	[SQ_FOLLOW_UP_METHOD_SET - SQ_REPORTS_FIRST] = "UPDATE office SET follow_up_method = ?2 WHERE id = ?1",
	[SQ_FOLLOW_UP_STAGES - SQ_REPORTS_FIRST] =
		FOLLOW_UP_SELECT " WHERE f.office_id = ?1 ORDER BY s.position, s.name, s.id",
	[SQ_FOLLOW_UP_STAGE_GET - SQ_REPORTS_FIRST] = FOLLOW_UP_SELECT " WHERE f.office_id = ?1 AND f.status_id = ?2",
	[SQ_FOLLOW_UP_CLEAR - SQ_REPORTS_FIRST] = "DELETE FROM office_follow_up WHERE office_id = ?1",
	/* ?2 is not used (follow_up.c, sq_bind_stage) */
	[SQ_FOLLOW_UP_INSERT - SQ_REPORTS_FIRST] =
		"INSERT INTO office_follow_up(office_id, status_id, interval_days, report_text) "
		"VALUES (?1, ?3, ?4, ?5)",

	/* ?1 after id, ?3 limit: the advisors' contact ids merged in order from the staff rows
	 * (case_staff_contact) and the users (app_user_contact), one page of them */
	[SQ_ADVISOR_LIST - SQ_REPORTS_FIRST] =
		"WITH ids(id) AS (SELECT cs.contact_id FROM case_staff cs "
		"JOIN staff_role r ON r.id = +cs.role_id WHERE cs.contact_id > ?1 AND cs.current = 1 "
		"AND r.category = 'advisor' UNION SELECT u.contact_id FROM app_user u "
		"WHERE u.contact_id > ?1 AND EXISTS (SELECT 1 FROM case_staff cs "
		"JOIN staff_role r ON r.id = +cs.role_id WHERE cs.user_id = u.id AND cs.current = 1 "
		"AND r.category = 'advisor') ORDER BY 1 LIMIT ?3) "
		ADVISOR_SELECT " FROM ids JOIN contact c ON c.id = ids.id ORDER BY c.id",
	/* ?1 after id, ?2 the search prefix (not ''), ?3 limit */
	[SQ_ADVISOR_SEARCH - SQ_REPORTS_FIRST] =
		ADVISOR_SELECT " FROM contact c WHERE c.id > ?1 "
		"AND (lower(substr(c.first_name, 1, length(?2))) = lower(?2) "
		"OR lower(substr(c.last_name, 1, length(?2))) = lower(?2) "
		"OR lower(substr(c.org_name, 1, length(?2))) = lower(?2) "
		"OR lower(substr(c.email, 1, length(?2))) = lower(?2)) "
		"AND EXISTS (" ADVISOR_CASES("c.id") ") ORDER BY c.id LIMIT ?3",
	[SQ_ADVISOR_LOG_INSERT - SQ_REPORTS_FIRST] =
		"INSERT INTO advisor_log(contact_id, case_id, send_id, at, method, subject, body, "
		"user_id) VALUES (?1, nullif(?2, 0), nullif(?3, 0), ?4, ?5, ?6, ?7, ?8) "
		"RETURNING id, coalesce((SELECT coalesce(k.number, '') FROM case_record k "
		"WHERE k.id = advisor_log.case_id), ''), coalesce((SELECT k.name FROM case_record k "
		"WHERE k.id = advisor_log.case_id), '')",
	/* newest first below ?2 (0 = from the newest), ?3 at most */
	[SQ_ADVISOR_LOG_LIST - SQ_REPORTS_FIRST] =
		"SELECT l.id, l.contact_id, coalesce(l.case_id, 0), coalesce(k.number, ''), "
		"coalesce(k.name, ''), coalesce(l.send_id, 0), l.at, l.method, l.subject, l.body, "
		"l.user_id FROM advisor_log l LEFT JOIN case_record k ON k.id = l.case_id "
		"WHERE l.contact_id = ?1 AND (?2 <= 0 OR l.id < ?2) ORDER BY l.id DESC LIMIT ?3",
	[SQ_CONTACT_USE_POLICIES - SQ_REPORTS_FIRST] =
		"SELECT count(*) FROM case_policy WHERE insured_contact_id = ?1 "
		"OR carrier_contact_id = ?1",
	[SQ_CONTACT_USE_ADVISOR_LOGS - SQ_REPORTS_FIRST] = "SELECT count(*) FROM advisor_log WHERE contact_id = ?1",
	[SQ_CONTACT_USE_REPORT_ITEMS - SQ_REPORTS_FIRST] = "SELECT count(*) FROM report_item WHERE contact_id = ?1",

	[SQ_REPORT_PAIRS - SQ_REPORTS_FIRST] = REPORT_PAIRS(ADVISOR_STAFF("", "")),
	[SQ_REPORT_PAIRS_CASES - SQ_REPORTS_FIRST] =
		REPORT_PAIRS(ADVISOR_STAFF(" AND cs.case_id IN (SELECT value FROM json_each(?8))",
					   " AND cs.case_id IN (SELECT value FROM json_each(?8))")),
	[SQ_REPORT_PAIRS_ADVISORS - SQ_REPORTS_FIRST] =
		REPORT_PAIRS(ADVISOR_STAFF(" AND cs.contact_id IN (SELECT value FROM json_each(?4))",
					   " AND u.contact_id IN (SELECT value FROM json_each(?4))")),
	/* the case with its policy, stage row, first case manager and first primary advisor */
	[SQ_REPORT_CASE_GET - SQ_REPORTS_FIRST] =
		"SELECT k.id, coalesce(k.number, ''), k.name, coalesce(k.office_id, 0), "
		"coalesce(k.stage_status_id, 0), coalesce(ss.name, ks.name, ''), "
		"coalesce(st.from_date, ''), coalesce((SELECT u.name FROM case_staff m "
		"JOIN staff_role mr ON mr.id = +m.role_id JOIN app_user u ON u.id = m.user_id "
		"WHERE m.case_id = k.id AND m.current = 1 AND mr.category = 'case_manager' "
		"ORDER BY m.id LIMIT 1), ''), coalesce(" CONTACT_LAST("pa") ", ''), "
		"coalesce(" CONTACT_DISPLAY("pa") ", ''), p.case_id IS NOT NULL, "
		"coalesce(p.policy_number, ''), coalesce(p.insured_contact_id, 0), "
		"coalesce(" CONTACT_DISPLAY("pi") ", ''), coalesce(p.carrier_contact_id, 0), "
		"coalesce(" CONTACT_DISPLAY("pc") ", ''), coalesce(p.product, ''), "
		"coalesce(p.amount_cents, -1), coalesce(p.kind, 'formal'), "
		"coalesce(p.parent_case_id, 0), coalesce(p.next_follow_up, ''), "
		"coalesce(p.last_follow_up, ''), coalesce(p.version, 0), coalesce(p.updated_at, 0) "
		"FROM case_record k LEFT JOIN status ks ON ks.id = k.stage_status_id "
		"LEFT JOIN case_status st ON st.case_id = k.id AND st.current = 1 "
		"AND st.status_type_id = (SELECT id FROM status_type WHERE is_stage = 1) "
		"LEFT JOIN status ss ON ss.id = st.status_id "
		"LEFT JOIN case_policy p ON p.case_id = k.id "
		"LEFT JOIN contact pi ON pi.id = p.insured_contact_id "
		"LEFT JOIN contact pc ON pc.id = p.carrier_contact_id "
		"LEFT JOIN contact pa ON pa.id = (SELECT coalesce(cs.contact_id, u.contact_id) "
		"FROM case_staff cs JOIN staff_role r ON r.id = +cs.role_id "
		"LEFT JOIN app_user u ON u.id = cs.user_id WHERE cs.case_id = k.id AND cs.current = 1 "
		"AND r.category = 'advisor' AND r.primary_advisor = 1 "
		"AND coalesce(cs.contact_id, u.contact_id) IS NOT NULL ORDER BY cs.id LIMIT 1) "
		"WHERE k.id = ?1 AND k.deleted = 0",

	[SQ_REPORT_PREVIEW_INSERT - SQ_REPORTS_FIRST] =
		"INSERT INTO report_preview(options, today, created_by, created_at) "
		"VALUES (?1, ?2, ?3, ?4) RETURNING id",
	[SQ_REPORT_PREVIEW_GET - SQ_REPORTS_FIRST] =
		"SELECT p.id, p.today, p.created_by, p.created_at, coalesce((SELECT s.id "
		"FROM report_send s WHERE s.preview_id = p.id), 0), p.options FROM report_preview p "
		"WHERE p.id = ?1",
	[SQ_REPORT_ITEM_INSERT - SQ_REPORTS_FIRST] =
		"INSERT INTO report_item(preview_id, seq, sort_key, contact_id, method, address, "
		"issues, applied, outcome, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
		"coalesce(nullif(?9, ''), 'pending'), ?10) RETURNING id, "
		"(SELECT " CONTACT_DISPLAY("c") " FROM contact c WHERE c.id = report_item.contact_id)",
	[SQ_REPORT_ITEM_CASE_INSERT - SQ_REPORTS_FIRST] =
		"INSERT INTO report_item_case(item_id, position, case_id) VALUES (?1, ?2, ?3)",
	/* ?2 is NULL: no outbox row is joined */
	[SQ_REPORT_ITEM_GET - SQ_REPORTS_FIRST] = REPORT_ITEM_SELECT " WHERE i.id = ?1",
	[SQ_REPORT_ITEM_LIST - SQ_REPORTS_FIRST] = REPORT_ITEM_SELECT " WHERE i.preview_id = ?1 ORDER BY i.seq",
	[SQ_REPORT_ITEM_LETTERS - SQ_REPORTS_FIRST] =
		REPORT_ITEM_SELECT " WHERE i.preview_id = ?1 AND i.method = 'letter' "
		"ORDER BY i.sort_key, i.seq",
	[SQ_REPORT_ITEM_CASES - SQ_REPORTS_FIRST] =
		"SELECT case_id FROM report_item_case WHERE item_id = ?1 ORDER BY position",
	[SQ_REPORT_ITEM_CASE_BRIEFS - SQ_REPORTS_FIRST] =
		"SELECT ic.case_id, coalesce(k.number, ''), coalesce(k.name, ''), "
		"coalesce(s.name, '') FROM report_item_case ic "
		"LEFT JOIN case_record k ON k.id = ic.case_id AND k.deleted = 0 "
		"LEFT JOIN status s ON s.id = k.stage_status_id "
		"WHERE ic.item_id = ?1 ORDER BY ic.position",
	[SQ_REPORT_ITEM_MARK - SQ_REPORTS_FIRST] =
		"UPDATE report_item SET applied = ?2, outcome = ?3, reason = ?4 WHERE id = ?1",
	/* after item ?2 (by seq; 0 = from the first) */
	[SQ_REPORT_ITEM_NEXT_UNAPPLIED - SQ_REPORTS_FIRST] =
		"SELECT id FROM report_item WHERE preview_id = ?1 AND applied = 0 "
		"AND seq > coalesce((SELECT seq FROM report_item WHERE id = ?2 AND preview_id = ?1), "
		"-9223372036854775807) ORDER BY seq LIMIT 1",

	[SQ_REPORT_SEND_INSERT - SQ_REPORTS_FIRST] =
		"INSERT INTO report_send(preview_id, state, letters_state, letters_pages, "
		"letters_bytes, letters_error, claimed_until, created_by, created_at, finished_at) "
		"VALUES (?1, coalesce(nullif(?2, ''), 'preparing'), coalesce(nullif(?3, ''), 'none'), "
		"?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
	[SQ_REPORT_SEND_GET - SQ_REPORTS_FIRST] = "SELECT " REPORT_SEND_COLUMNS " FROM report_send WHERE id = ?1",
	[SQ_REPORT_SEND_BY_PREVIEW - SQ_REPORTS_FIRST] =
		"SELECT " REPORT_SEND_COLUMNS " FROM report_send WHERE preview_id = ?1",
	[SQ_REPORT_SEND_UPDATE - SQ_REPORTS_FIRST] =
		"UPDATE report_send SET state = ?2, letters_state = ?3, letters_pages = ?4, "
		"letters_bytes = ?5, letters_error = ?6, finished_at = ?7 WHERE id = ?1",
	/* ?1 the send (0 = the oldest with work), ?2 now, ?3 the lease's end */
	[SQ_REPORT_SEND_CLAIM - SQ_REPORTS_FIRST] =
		"UPDATE report_send SET claimed_until = ?3 WHERE id = (SELECT id FROM report_send "
		"WHERE (?1 = 0 OR id = ?1) AND claimed_until < ?2 AND (state = 'preparing' "
		"OR letters_state IN ('pending', 'rendering')) ORDER BY id LIMIT 1) "
		"RETURNING " REPORT_SEND_COLUMNS,
	[SQ_REPORT_LETTERS_CLEAR - SQ_REPORTS_FIRST] = "DELETE FROM report_letters_chunk WHERE send_id = ?1",
	[SQ_REPORT_LETTERS_APPEND - SQ_REPORTS_FIRST] =
		"INSERT INTO report_letters_chunk(send_id, seq, data) VALUES (?1, ?2, ?3)",
	[SQ_REPORT_LETTERS_READ - SQ_REPORTS_FIRST] =
		"SELECT data FROM report_letters_chunk WHERE send_id = ?1 ORDER BY seq",

	/* ?1 run, ?2 recipient, ?3 message id, ?4 from, ?5 to, ?6 subject, ?7 message, ?8 due,
	 * ?9 now; nothing (no row back) when (run, recipient) is queued already */
	[SQ_MAIL_INSERT - SQ_REPORTS_FIRST] =
		"INSERT INTO mail_outbox(run_id, recipient_id, message_id, mail_from, rcpt_to, subject, "
		"message, state, attempts, next_attempt_at, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', 0, ?8, ?9, ?9) "
		"ON CONFLICT(run_id, recipient_id) DO NOTHING RETURNING id",
	[SQ_MAIL_GET - SQ_REPORTS_FIRST] = "SELECT " MAIL_COLUMNS " FROM mail_outbox WHERE id = ?1",
	[SQ_MAIL_GET_BODY - SQ_REPORTS_FIRST] = "SELECT " MAIL_BODY " FROM mail_outbox WHERE id = ?1",
	/* the pending row due first (then the oldest) at ?2, of run ?1 ('' = any); ?3 worker,
	 * ?4 lease's end */
	[SQ_MAIL_CLAIM - SQ_REPORTS_FIRST] =
		"UPDATE mail_outbox SET state = 'sending', claimed_by = ?3, claimed_until = ?4, "
		"updated_at = ?2 WHERE id = (SELECT id FROM mail_outbox WHERE state = 'pending' "
		"AND next_attempt_at <= ?2 AND (?1 = '' OR run_id = ?1) "
		"ORDER BY next_attempt_at, id LIMIT 1) RETURNING " MAIL_BODY,
	/* ?1 id, ?2 worker, ?3 new state, ?4 error, ?5 next attempt (pending), ?6 now */
	[SQ_MAIL_FINISH - SQ_REPORTS_FIRST] =
		"UPDATE mail_outbox SET state = ?3, last_error = ?4, "
		"attempts = attempts + (?3 = 'pending'), "
		"next_attempt_at = CASE WHEN ?3 = 'pending' THEN ?5 ELSE next_attempt_at END, "
		"sent_at = CASE WHEN ?3 = 'sent' THEN ?6 ELSE sent_at END, updated_at = ?6 "
		"WHERE id = ?1 AND state = 'sending' AND claimed_by = ?2",
	/* ?1 = 1: every row in sending; else those whose lease ended before ?2 */
	[SQ_MAIL_RECOVER - SQ_REPORTS_FIRST] =
		"UPDATE mail_outbox SET state = 'in_doubt', updated_at = ?2 "
		"WHERE state = 'sending' AND (?1 = 1 OR claimed_until < ?2)",
	/* ?2 sent or pending (due at once), ?3 now */
	[SQ_MAIL_RESOLVE - SQ_REPORTS_FIRST] =
		"UPDATE mail_outbox SET state = ?2, updated_at = ?3, "
		"sent_at = CASE WHEN ?2 = 'sent' THEN ?3 ELSE sent_at END, "
		"next_attempt_at = CASE WHEN ?2 = 'pending' THEN ?3 ELSE next_attempt_at END "
		"WHERE id = ?1 AND state = 'in_doubt'",
	/* ?1 after id, ?2 state ('' = any), ?3 run, ?4 limit */
	[SQ_MAIL_LIST - SQ_REPORTS_FIRST] =
		"SELECT " MAIL_COLUMNS " FROM mail_outbox WHERE id > ?1 AND (?2 = '' OR state = ?2) "
		"ORDER BY id LIMIT ?4",
	[SQ_MAIL_LIST_RUN - SQ_REPORTS_FIRST] =
		"SELECT " MAIL_COLUMNS " FROM mail_outbox WHERE run_id = ?3 AND id > ?1 "
		"AND (?2 = '' OR state = ?2) ORDER BY id LIMIT ?4",
	/* ?1 run, ?2 state ('' = any) */
	[SQ_MAIL_COUNT - SQ_REPORTS_FIRST] = "SELECT count(*) FROM mail_outbox WHERE (?2 = '' OR state = ?2)",
	[SQ_MAIL_COUNT_RUN - SQ_REPORTS_FIRST] =
		"SELECT count(*) FROM mail_outbox WHERE run_id = ?1 AND (?2 = '' OR state = ?2)",
};
