/* catalogue.c - the SQL text of every statement the SQLite backend prepares.
 *
 * Constant text with bound parameters only; each entry is prepared once per connection (see
 * conn.c). The PostgreSQL equivalents are in ../pg/catalogue.c under the same names. The
 * statements of migration 0004 (pending cases, status reports, the outbox) are in
 * catalogue_reports.c. */
#include "store/sqlite/catalogue.h"

#define USER_COLUMNS \
	"id, login, name, email, role, coalesce(office_id, 0), active, password_hash, version, " \
	"created_at, updated_at, coalesce(contact_id, 0)"
#define OFFICE_COLUMNS \
	"id, name, address, phone, email, logo IS NOT NULL, version, created_at"

/* Setup lists: every kind reads into the same 19 columns (setup.c, sq_read_setup): id, name,
 * parent_id, group, category, days, stage, closing, client_facing, low, high, limit, position,
 * version, code, text, target, required, primary_advisor. Writes take the same numbered
 * parameters: ?1 name, ?2 parent_id, ?3 group, ?4 category, ?5 days, ?6 stage, ?7 closing,
 * ?8 client_facing, ?9 low, ?10 high, ?11 limit, ?12 position, ?15 code, ?16 text, ?17 target,
 * ?18 required, ?19 primary_advisor; updates also ?13 id and ?14 version. Each statement uses
 * the ones it needs. */
#define SETUP_NO_CODE ", '', '', '', 0, 0"
#define CASE_TYPE_COLUMNS \
	"id, name, 0, grp, '', 0, 0, 0, 0, 0, 0, 0, position, version" SETUP_NO_CODE
#define CASE_SUBTYPE_COLUMNS \
	"id, name, case_type_id, '', '', 0, 0, 0, 0, 0, 0, 0, position, version" SETUP_NO_CODE
#define STATUS_TYPE_COLUMNS \
	"id, name, 0, '', '', 0, is_stage, 0, 0, 0, 0, 0, position, version" SETUP_NO_CODE
#define STATUS_COLUMNS \
	"s.id, s.name, s.status_type_id, s.grp, '', s.expected_days, 0, s.is_closing, 0, 0, 0, 0, " \
	"s.position, s.version" SETUP_NO_CODE
#define CLOSE_REASON_COLUMNS \
	"id, name, 0, '', '', 0, 0, 0, 0, 0, 0, 0, position, version" SETUP_NO_CODE
#define ROLE_COLUMNS \
	"id, name, 0, '', category, 0, 0, 0, 0, 0, 0, 0, position, version, '', '', '', 0, " \
	"primary_advisor"
#define NOTE_TYPE_COLUMNS \
	"id, name, 0, '', '', 0, 0, 0, client_facing, 0, 0, 0, position, version" SETUP_NO_CODE
#define VALUE_RANGE_COLUMNS \
	"id, name, 0, '', '', 0, 0, 0, 0, low_cents, high_cents, disbursement_cents, position, " \
	"version" SETUP_NO_CODE
#define DEADLINE_TYPE_COLUMNS \
	"id, name, 0, '', '', 0, 0, 0, 0, 0, 0, 0, position, version" SETUP_NO_CODE
#define FLAG_COLUMNS \
	"id, name, 0, '', '', 0, 0, 0, 0, 0, 0, 0, position, version, condition, param, target, 0, 0"
#define UDF_FIELD_COLUMNS \
	"id, name, case_type_id, '', '', 0, 0, 0, 0, 0, 0, 0, position, version, format, options, " \
	"'', required, 0"
#define SETUP_ORDER " ORDER BY position, name, id"

/* A contact's display name: "First Last" for a person, the organisation's name otherwise. */
#define CONTACT_COLUMNS \
	"c.id, c.kind, c.first_name, c.last_name, c.org_name, c.email, c.phone, " \
	CONTACT_DISPLAY("c") ", c.version, c.created_at, c.nickname, c.languages, " \
	"coalesce(c.employer_id, 0), c.preferred_comm, c.birth_date, c.death_date, c.death_place, " \
	"coalesce(" CONTACT_DISPLAY("ce") ", '')"
#define CONTACT_FROM " FROM contact c LEFT JOIN contact ce ON ce.id = c.employer_id"
/* What a contact write returns (contact.c, sq_read_written_contact): id, display name and the
 * employer's display name. */
#define CONTACT_WRITTEN \
	" RETURNING id, " CONTACT_DISPLAY("contact") ", coalesce((SELECT " CONTACT_DISPLAY("ce") \
	" FROM contact ce WHERE ce.id = contact.employer_id), '')"
/* A contact's fields: ?1 kind, ?2 first, ?3 last, ?4 org, ?5 email, ?6 phone, ?10 nickname,
 * ?11 languages, ?12 employer, ?13 preferred communication ('' = email), ?14 birth date,
 * ?15 death date, ?16 death place; ?7 is now (contact.c, sq_bind_contact_fields). */
#define CONTACT_FIELDS \
	"kind, first_name, last_name, org_name, email, phone, nickname, languages, employer_id, " \
	"preferred_comm, birth_date, death_date, death_place"
#define CONTACT_FIELD_VALUES \
	"?1, ?2, ?3, ?4, ?5, ?6, ?10, ?11, nullif(?12, 0), coalesce(nullif(?13, ''), 'email'), " \
	"?14, ?15, ?16"

/* Cases: the record's columns and the names joined in (case.c, sq_read_case). */
#define CASE_COLUMNS \
	"k.id, coalesce(k.number, ''), k.name, k.case_type_id, coalesce(k.case_subtype_id, 0), " \
	"k.state, coalesce(k.office_id, 0), k.incident_date, k.opened_date, k.wanted_date, " \
	"k.expected_resolution_date, k.closed_date, coalesce(k.value_range_id, 0), " \
	"k.min_settlement_cents IS NOT NULL, coalesce(k.min_settlement_cents, 0), " \
	"k.value_comments, k.serious_injury, k.mdl_master, k.description, k.owner_id, " \
	"coalesce(k.stage_status_id, 0), k.created_by, k.version, k.created_at, k.updated_at, " \
	"t.name, t.grp, coalesce(sub.name, ''), coalesce(o.name, ''), coalesce(u.name, ''), " \
	"coalesce(s.name, ''), coalesce(v.name, ''), k.retainer_date, k.referral_in_form, " \
	"coalesce(k.referral_in_contact_id, 0), k.referral_out_form, " \
	"coalesce(k.referral_out_contact_id, 0), k.liability_code, coalesce(k.liability_percent, -1), " \
	"k.incident_facts, coalesce(" CONTACT_DISPLAY("ri") ", ''), " \
	"coalesce(" CONTACT_DISPLAY("ro") ", '')"
#define CASE_JOINS \
	" JOIN case_type t ON t.id = k.case_type_id" \
	" LEFT JOIN case_subtype sub ON sub.id = k.case_subtype_id" \
	" LEFT JOIN office o ON o.id = k.office_id" \
	" LEFT JOIN app_user u ON u.id = k.owner_id" \
	" LEFT JOIN status s ON s.id = k.stage_status_id" \
	" LEFT JOIN value_range v ON v.id = k.value_range_id" \
	" LEFT JOIN contact ri ON ri.id = k.referral_in_contact_id" \
	" LEFT JOIN contact ro ON ro.id = k.referral_out_contact_id"
/* The editable fields, ?1 .. ?25 in both insert and update (case.c, sq_bind_case_fields). */
#define CASE_FIELDS \
	"number, name, case_type_id, case_subtype_id, state, office_id, incident_date, " \
	"opened_date, wanted_date, expected_resolution_date, value_range_id, " \
	"min_settlement_cents, value_comments, serious_injury, mdl_master, description, owner_id, " \
	"retainer_date, referral_in_form, referral_in_contact_id, referral_out_form, " \
	"referral_out_contact_id, liability_code, liability_percent, incident_facts"
#define CASE_FIELD_VALUES \
	"nullif(?1, ''), ?2, ?3, nullif(?4, 0), ?5, nullif(?6, 0), ?7, ?8, ?9, ?10, " \
	"nullif(?11, 0), ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, nullif(?20, 0), ?21, " \
	"nullif(?22, 0), ?23, ?24, ?25"
/* Scope of a single-case read: ?2 all, ?3 user, ?4 contact (see struct store_scope). */
#define CASE_SCOPE_EXISTS \
	" AND (?2 = 1" \
	" OR EXISTS (SELECT 1 FROM case_staff cs WHERE cs.case_id = k.id AND cs.current = 1" \
	" AND (cs.user_id = ?3 OR (?4 > 0 AND cs.contact_id = ?4)))" \
	" OR (?4 > 0 AND EXISTS (SELECT 1 FROM case_party p WHERE p.case_id = k.id" \
	" AND p.contact_id = ?4)))"
/* Case lists (case.c, sqlite_case_list): ?1 before_id, ?2 limit, ?3 scope user, ?4 scope
 * contact, ?5 text search (FTS5 query), ?6 case type, ?7 stage, ?8 any current status,
 * ?9 office, ?10 staff user, ?11 owner, ?12 opened from, ?13 opened to, ?14 closed. */
#define CASE_LIST_FILTERS \
	" AND k.deleted = 0" \
	" AND (?6 = 0 OR k.case_type_id = ?6)" \
	" AND (?7 = 0 OR k.stage_status_id = ?7)" \
	" AND (?8 = 0 OR EXISTS (SELECT 1 FROM case_status cf WHERE cf.case_id = k.id" \
	" AND cf.current = 1 AND cf.status_id = ?8))" \
	" AND (?9 = 0 OR k.office_id = ?9)" \
	" AND (?10 = 0 OR EXISTS (SELECT 1 FROM case_staff sf WHERE sf.case_id = k.id" \
	" AND sf.current = 1 AND sf.user_id = ?10))" \
	" AND (?11 = 0 OR k.owner_id = ?11)" \
	" AND (?12 = '' OR k.opened_date >= ?12)" \
	" AND (?13 = '' OR k.opened_date <= ?13)" \
	" AND (?14 < 0 OR (k.closed_date <> '') = ?14)"
/* The ids of a restricted caller's cases (?3 user, ?4 contact). */
#define CASE_SCOPE_IDS \
	" (SELECT case_id FROM case_staff WHERE user_id = ?3 AND current = 1" \
	" UNION SELECT case_id FROM case_staff WHERE ?4 > 0 AND contact_id = ?4 AND current = 1" \
	" UNION SELECT case_id FROM case_party WHERE ?4 > 0 AND contact_id = ?4)"
#define CASE_LIST_PLAIN \
	"SELECT " CASE_COLUMNS " FROM case_record k" CASE_JOINS " WHERE k.id < ?1" CASE_LIST_FILTERS
#define CASE_LIST_SEARCH \
	"SELECT " CASE_COLUMNS " FROM case_fts f JOIN case_record k ON k.id = f.rowid" CASE_JOINS \
	" WHERE case_fts MATCH ?5 AND f.rowid < ?1" CASE_LIST_FILTERS

/* The short form of a case (related.c, sq_read_brief). */
#define BRIEF_STAFF(category) \
	"(SELECT coalesce(bu.name, " CONTACT_DISPLAY("bc") ", '') FROM case_staff bs" \
	" JOIN staff_role br ON br.id = bs.role_id LEFT JOIN app_user bu ON bu.id = bs.user_id" \
	" LEFT JOIN contact bc ON bc.id = bs.contact_id WHERE bs.case_id = k.id AND bs.current = 1" \
	" AND br.category = '" category "' ORDER BY bs.id LIMIT 1)"
#define BRIEF_SELECT \
	"SELECT k.id, coalesce(k.number, ''), k.name, coalesce(s.name, ''), " \
	BRIEF_STAFF("attorney") ", " BRIEF_STAFF("paralegal") ", " BRIEF_STAFF("case_manager") \
	" FROM case_record k LEFT JOIN status s ON s.id = k.stage_status_id"

#define VALUE_CHANGE_SELECT \
	"SELECT h.id, h.case_id, coalesce(h.value_range_id, 0), coalesce(v.name, ''), h.from_date, " \
	"h.to_date, h.user_id, coalesce(u.name, ''), h.comments FROM case_value_history h " \
	"LEFT JOIN value_range v ON v.id = h.value_range_id LEFT JOIN app_user u ON u.id = h.user_id"
#define CASE_STATUS_SELECT \
	"SELECT cs.id, cs.case_id, cs.status_type_id, cs.status_id, cs.expected_days, cs.from_date, " \
	"cs.to_date, cs.current, cs.user_id, cs.comments, coalesce(cs.close_reason_id, 0), " \
	"cs.version, cs.created_at, t.name, t.is_stage, s.name, s.is_closing, " \
	"coalesce(r.name, ''), coalesce(u.name, '') FROM case_status cs " \
	"JOIN status_type t ON t.id = cs.status_type_id JOIN status s ON s.id = cs.status_id " \
	"LEFT JOIN close_reason r ON r.id = cs.close_reason_id LEFT JOIN app_user u ON u.id = cs.user_id"
#define CASE_STAFF_SELECT \
	"SELECT cs.id, cs.case_id, coalesce(cs.user_id, 0), coalesce(cs.contact_id, 0), cs.role_id, " \
	"cs.comments, cs.from_date, cs.to_date, cs.current, cs.version, " \
	"coalesce(u.name, " CONTACT_DISPLAY("c") ", ''), r.name, r.category FROM case_staff cs " \
	"JOIN staff_role r ON r.id = cs.role_id LEFT JOIN app_user u ON u.id = cs.user_id " \
	"LEFT JOIN contact c ON c.id = cs.contact_id"
#define NOTE_COLUMNS \
	"SELECT n.id, n.case_id, n.note_type_id, n.body, n.at, n.created_by, n.version, " \
	"n.created_at, n.updated_at, coalesce(t.name, ''), coalesce(u.name, '')"
#define NOTE_JOINS \
	" LEFT JOIN note_type t ON t.id = n.note_type_id LEFT JOIN app_user u ON u.id = n.created_by"
#define NOTE_SELECT NOTE_COLUMNS " FROM note n" NOTE_JOINS
/* Notes newest first from (?2 at, ?3 id) of the last row seen, ?4 limit. */
#define NOTE_PAGE " AND (n.at, n.id) < (?2, ?3) ORDER BY n.at DESC, n.id DESC LIMIT ?4"
#define EVENT_SELECT \
	"SELECT e.id, e.case_id, e.seq, e.at, e.event_type, e.user_id, e.description, e.prev_hash, " \
	"e.hash, coalesce(u.name, '') FROM timeline_event e LEFT JOIN app_user u ON u.id = e.user_id"
#define PARTY_SELECT \
	"SELECT p.id, p.case_id, p.contact_id, p.kind, " CONTACT_DISPLAY("c") ", p.group_no, " \
	"p.primary_party, p.primary_contact, p.role, p.represented, coalesce(p.law_firm_id, 0), " \
	"coalesce(p.attorney_id, 0), p.injury_summary, p.pleadings_summary, p.version, " \
	"c.nickname, c.languages, c.phone, c.birth_date, c.death_date, c.death_place, " \
	"coalesce(" CONTACT_DISPLAY("lf") ", ''), coalesce(" CONTACT_DISPLAY("pa") ", '') " \
	"FROM case_party p JOIN contact c ON c.id = p.contact_id " \
	"LEFT JOIN contact lf ON lf.id = p.law_firm_id LEFT JOIN contact pa ON pa.id = p.attorney_id"
/* A party's editable fields: ?4 group_no .. ?12 pleadings (party.c, sq_bind_party_fields). */
#define PARTY_FIELDS \
	"group_no, primary_party, primary_contact, role, represented, law_firm_id, attorney_id, " \
	"injury_summary, pleadings_summary"
#define PARTY_FIELD_VALUES "?4, ?5, ?6, ?7, ?8, nullif(?9, 0), nullif(?10, 0), ?11, ?12"

/* The parts of a case the summary shows (insurance.c, lien.c, bankruptcy.c, task.c,
 * appointment.c, deadline.c, court.c). Each record's read columns, in the order of its
 * sq_read_* function; "-1 = not given" cents are NULL in the table. */
#define INSURANCE_SELECT \
	"SELECT i.id, i.case_id, i.party_id, coalesce(i.company_id, 0), i.claim_number, " \
	"i.policy_limits, coalesce(i.no_fault_cents, -1), coalesce(i.um_sum_cents, -1), " \
	"coalesce(i.adjuster_id, 0), i.adjuster_phone, coalesce(i.coverage_cents, -1), i.version, " \
	"coalesce(" CONTACT_DISPLAY("co") ", ''), coalesce(" CONTACT_DISPLAY("ad") ", ''), p.kind " \
	"FROM party_insurance i JOIN case_party p ON p.id = i.party_id " \
	"LEFT JOIN contact co ON co.id = i.company_id LEFT JOIN contact ad ON ad.id = i.adjuster_id"
/* ?3 company .. ?10 coverage (insurance.c, sq_bind_insurance_fields) */
#define INSURANCE_FIELDS \
	"company_id, claim_number, policy_limits, no_fault_cents, um_sum_cents, adjuster_id, " \
	"adjuster_phone, coverage_cents"
#define INSURANCE_FIELD_VALUES "nullif(?3, 0), ?4, ?5, ?6, ?7, nullif(?8, 0), ?9, ?10"
#define LIEN_SELECT \
	"SELECT l.id, l.case_id, l.party_id, coalesce(l.holder_id, 0), l.description, " \
	"l.amount_cents, coalesce(l.negotiated_cents, -1), coalesce(l.final_cents, -1), l.version, " \
	"coalesce(" CONTACT_DISPLAY("h") ", '') FROM lien l LEFT JOIN contact h ON h.id = l.holder_id"
/* ?3 holder .. ?7 final (lien.c) */
#define LIEN_FIELDS "holder_id, description, amount_cents, negotiated_cents, final_cents"
#define LIEN_FIELD_VALUES "nullif(?3, 0), ?4, ?5, ?6, ?7"
#define BANKRUPTCY_SELECT \
	"SELECT b.id, b.case_id, b.party_id, coalesce(b.court_id, 0), b.judge, b.docket_number, " \
	"coalesce(b.trustee_id, 0), coalesce(b.trustee_attorney_id, 0), b.retained_date, b.version, " \
	"p.kind, " CONTACT_DISPLAY("pc") ", coalesce(" CONTACT_DISPLAY("bc") ", ''), " \
	"coalesce(" CONTACT_DISPLAY("tr") ", ''), coalesce(" CONTACT_DISPLAY("ta") ", '') " \
	"FROM bankruptcy b JOIN case_party p ON p.id = b.party_id " \
	"JOIN contact pc ON pc.id = p.contact_id LEFT JOIN contact bc ON bc.id = b.court_id " \
	"LEFT JOIN contact tr ON tr.id = b.trustee_id " \
	"LEFT JOIN contact ta ON ta.id = b.trustee_attorney_id"
/* ?3 court .. ?8 retained date (bankruptcy.c) */
#define BANKRUPTCY_FIELDS \
	"court_id, judge, docket_number, trustee_id, trustee_attorney_id, retained_date"
#define BANKRUPTCY_FIELD_VALUES "nullif(?3, 0), ?4, ?5, nullif(?6, 0), nullif(?7, 0), ?8"
#define TASK_SELECT \
	"SELECT t.id, t.case_id, t.subject, t.description, t.priority, t.due_date, " \
	"coalesce(t.assignee_id, 0), t.completed, t.completed_at, coalesce(t.completed_by, 0), " \
	"t.created_by, t.version, t.created_at, t.updated_at, coalesce(u.name, '') " \
	"FROM task t LEFT JOIN app_user u ON u.id = t.assignee_id"
/* ?3 subject .. ?10 completed_by (task.c) */
#define TASK_FIELDS \
	"subject, description, priority, due_date, assignee_id, completed, completed_at, " \
	"completed_by"
#define TASK_FIELD_VALUES "?3, ?4, ?5, ?6, nullif(?7, 0), ?8, ?9, nullif(?10, 0)"
#define APPOINTMENT_SELECT \
	"SELECT id, case_id, starts_at, ends_at, subject, comments, completed, created_by, " \
	"version, created_at, updated_at FROM appointment"
/* ?3 starts_at .. ?7 completed (appointment.c) */
#define APPOINTMENT_FIELDS "starts_at, ends_at, subject, comments, completed"
#define DEADLINE_SELECT \
	"SELECT d.id, d.case_id, coalesce(d.party_id, 0), d.kind, coalesce(d.deadline_type_id, 0), " \
	"d.due_date, d.comments, d.done, d.done_date, d.created_by, d.version, " \
	"coalesce(" CONTACT_DISPLAY("pc") ", ''), coalesce(dt.name, '') FROM deadline d " \
	"LEFT JOIN case_party p ON p.id = d.party_id LEFT JOIN contact pc ON pc.id = p.contact_id " \
	"LEFT JOIN deadline_type dt ON dt.id = d.deadline_type_id"
/* ?3 party .. ?9 done_date (deadline.c) */
#define DEADLINE_FIELDS \
	"party_id, kind, deadline_type_id, due_date, comments, done, done_date"
#define DEADLINE_FIELD_VALUES "nullif(?3, 0), ?4, nullif(?5, 0), ?6, ?7, ?8, ?9"
#define COURT_SELECT \
	"SELECT cc.id, cc.case_id, cc.court_id, cc.docket_number, cc.filing_date, cc.version, " \
	CONTACT_DISPLAY("co") " FROM case_court cc JOIN contact co ON co.id = cc.court_id"

const char *const sq_catalogue[SQ_REPORTS_FIRST] = {
	[SQ_BEGIN_IMMEDIATE] = "BEGIN IMMEDIATE",
	[SQ_COMMIT] = "COMMIT",
	[SQ_ROLLBACK] = "ROLLBACK",
	[SQ_SCHEMA_VERSION] = "SELECT coalesce(max(version), 0) FROM schema_version",
	[SQ_SCHEMA_RECORD] = "INSERT INTO schema_version(version, name, applied_at) VALUES (?1, ?2, ?3)",
	[SQ_FTS5_API] = "SELECT fts5(?1)",  /* hands out FTS5's C interface (search.c) */

	[SQ_USER_INSERT] =
		"INSERT INTO app_user(login, name, email, role, office_id, active, password_hash, "
		"version, created_at, updated_at, contact_id) "
		"VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), ?6, ?7, 1, ?8, ?8, nullif(?9, 0)) RETURNING id",
	[SQ_USER_GET] = "SELECT " USER_COLUMNS " FROM app_user WHERE id = ?1",
	[SQ_USER_GET_BY_LOGIN] = "SELECT " USER_COLUMNS " FROM app_user WHERE login = ?1",
	[SQ_USER_UPDATE] =
		"UPDATE app_user SET name = ?2, email = ?3, role = ?4, office_id = nullif(?5, 0), "
		"active = ?6, contact_id = nullif(?9, 0), version = version + 1, updated_at = ?8 "
		"WHERE id = ?1 AND version = ?7",
	[SQ_USER_SET_PASSWORD] =
		"UPDATE app_user SET password_hash = ?2, version = version + 1, updated_at = ?3 "
		"WHERE id = ?1",
	[SQ_USER_LIST] = "SELECT " USER_COLUMNS " FROM app_user WHERE id > ?1 ORDER BY id LIMIT ?2",
	[SQ_USER_COUNT] = "SELECT count(*) FROM app_user",

	[SQ_RIGHT_SET] =
		"INSERT INTO user_right(user_id, name, granted) VALUES (?1, ?2, ?3) "
		"ON CONFLICT(user_id, name) DO UPDATE SET granted = excluded.granted",
	[SQ_RIGHT_CLEAR] = "DELETE FROM user_right WHERE user_id = ?1 AND name = ?2",
	[SQ_RIGHT_LIST] = "SELECT name, granted FROM user_right WHERE user_id = ?1 ORDER BY name",

	[SQ_SESSION_INSERT] =
		"INSERT INTO session(id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[SQ_SESSION_GET] =
		"SELECT id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at "
		"FROM session WHERE id_hash = ?1",
	[SQ_SESSION_TOUCH] = "UPDATE session SET last_seen_at = ?2 WHERE id_hash = ?1",
	[SQ_SESSION_DELETE] = "DELETE FROM session WHERE id_hash = ?1",
	[SQ_SESSION_DELETE_USER] = "DELETE FROM session WHERE user_id = ?1",
	[SQ_SESSION_PURGE] = "DELETE FROM session WHERE last_seen_at < ?1 OR expires_at < ?2",

	[SQ_TOKEN_INSERT] =
		"INSERT INTO api_token(user_id, name, hash, created_at, last_used_at) "
		"VALUES (?1, ?2, ?3, ?4, 0) RETURNING id",
	[SQ_TOKEN_GET_BY_HASH] =
		"SELECT id, user_id, name, hash, created_at, last_used_at FROM api_token WHERE hash = ?1",
	[SQ_TOKEN_LIST] =
		"SELECT id, user_id, name, hash, created_at, last_used_at FROM api_token "
		"WHERE user_id = ?1 ORDER BY id",
	[SQ_TOKEN_DELETE] = "DELETE FROM api_token WHERE user_id = ?1 AND id = ?2",
	[SQ_TOKEN_TOUCH] = "UPDATE api_token SET last_used_at = ?2 WHERE id = ?1",

	[SQ_LOGIN_ATTEMPT_ADD] = "INSERT INTO login_attempt(login, ip, ok, at) VALUES (?1, ?2, ?3, ?4)",
	[SQ_LOGIN_FAILURES] =
		"SELECT count(*), coalesce(max(at), 0) FROM login_attempt WHERE login = ?1 AND ok = 0 "
		"AND at >= ?2 AND id > coalesce((SELECT max(id) FROM login_attempt "
		"WHERE login = ?1 AND ok = 1), 0)",
	[SQ_LOGIN_ATTEMPTS_BY_LOGIN] = "SELECT count(*) FROM login_attempt WHERE login = ?1 AND at >= ?2",
	[SQ_LOGIN_ATTEMPTS_BY_IP] = "SELECT count(*) FROM login_attempt WHERE ip = ?1 AND at >= ?2",
	[SQ_LOGIN_ATTEMPT_PURGE] = "DELETE FROM login_attempt WHERE at < ?1",

	[SQ_OFFICE_INSERT] =
		"INSERT INTO office(name, address, phone, email, version, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5) RETURNING id",
	[SQ_OFFICE_GET] = "SELECT " OFFICE_COLUMNS " FROM office WHERE id = ?1",
	[SQ_OFFICE_UPDATE] =
		"UPDATE office SET name = ?2, address = ?3, phone = ?4, email = ?5, "
		"version = version + 1, updated_at = ?7 WHERE id = ?1 AND version = ?6",
	[SQ_OFFICE_DELETE] = "DELETE FROM office WHERE id = ?1",
	[SQ_OFFICE_LIST] = "SELECT " OFFICE_COLUMNS " FROM office ORDER BY name",
	[SQ_OFFICE_USERS] = "SELECT count(*) FROM app_user WHERE office_id = ?1",
	[SQ_OFFICE_CASES] = "SELECT count(*) FROM case_record WHERE office_id = ?1",
	[SQ_OFFICE_LOGO_SET] = "UPDATE office SET logo_mime = ?2, logo = ?3, version = version + 1 WHERE id = ?1",
	[SQ_OFFICE_LOGO_GET] = "SELECT logo_mime, logo FROM office WHERE id = ?1 AND logo IS NOT NULL",

	[SQ_SETTING_GET] = "SELECT value FROM setting WHERE key = ?1",
	[SQ_SETTING_SET] =
		"INSERT INTO setting(key, value) VALUES (?1, ?2) "
		"ON CONFLICT(key) DO UPDATE SET value = excluded.value",
	[SQ_COUNTER_NEXT] =
		"INSERT INTO counter(name, value) VALUES (?1, 1) "
		"ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value",

	[SQ_CASE_TYPE_INSERT] = "INSERT INTO case_type(name, grp, position) VALUES (?1, ?3, ?12) RETURNING id",
	[SQ_CASE_TYPE_GET] = "SELECT " CASE_TYPE_COLUMNS " FROM case_type WHERE id = ?1",
	[SQ_CASE_TYPE_UPDATE] =
		"UPDATE case_type SET name = ?1, grp = ?3, position = ?12, version = version + 1 "
		"WHERE id = ?13 AND version = ?14",
	[SQ_CASE_TYPE_DELETE] = "DELETE FROM case_type WHERE id = ?1",
	[SQ_CASE_TYPE_LIST] = "SELECT " CASE_TYPE_COLUMNS " FROM case_type" SETUP_ORDER,
	[SQ_CASE_TYPE_USE_CASES] = "SELECT count(*) FROM case_record WHERE case_type_id = ?1",
	[SQ_CASE_TYPE_USE_SUBTYPES] = "SELECT count(*) FROM case_subtype WHERE case_type_id = ?1",
	[SQ_CASE_TYPE_USE_UDF_FIELDS] = "SELECT count(*) FROM udf_field WHERE case_type_id = ?1",

	[SQ_CASE_SUBTYPE_INSERT] =
		"INSERT INTO case_subtype(case_type_id, name, position) VALUES (?2, ?1, ?12) RETURNING id",
	[SQ_CASE_SUBTYPE_GET] = "SELECT " CASE_SUBTYPE_COLUMNS " FROM case_subtype WHERE id = ?1",
	[SQ_CASE_SUBTYPE_UPDATE] =
		"UPDATE case_subtype SET name = ?1, case_type_id = ?2, position = ?12, "
		"version = version + 1 WHERE id = ?13 AND version = ?14",
	[SQ_CASE_SUBTYPE_DELETE] = "DELETE FROM case_subtype WHERE id = ?1",
	[SQ_CASE_SUBTYPE_LIST] =
		"SELECT " CASE_SUBTYPE_COLUMNS " FROM case_subtype WHERE (?1 = 0 OR case_type_id = ?1)"
		SETUP_ORDER,
	[SQ_CASE_SUBTYPE_USE_CASES] = "SELECT count(*) FROM case_record WHERE case_subtype_id = ?1",

	[SQ_STATUS_TYPE_INSERT] =
		"INSERT INTO status_type(name, is_stage, position) VALUES (?1, ?6, ?12) RETURNING id",
	[SQ_STATUS_TYPE_GET] = "SELECT " STATUS_TYPE_COLUMNS " FROM status_type WHERE id = ?1",
	[SQ_STATUS_TYPE_UPDATE] =
		"UPDATE status_type SET name = ?1, is_stage = ?6, position = ?12, version = version + 1 "
		"WHERE id = ?13 AND version = ?14",
	[SQ_STATUS_TYPE_DELETE] = "DELETE FROM status_type WHERE id = ?1",
	[SQ_STATUS_TYPE_LIST] = "SELECT " STATUS_TYPE_COLUMNS " FROM status_type" SETUP_ORDER,
	[SQ_STATUS_TYPE_USE_STATUSES] = "SELECT count(*) FROM status WHERE status_type_id = ?1",
	[SQ_STATUS_TYPE_USE_CASE_STATUSES] = "SELECT count(*) FROM case_status WHERE status_type_id = ?1",

	[SQ_STATUS_INSERT] =
		"INSERT INTO status(status_type_id, name, expected_days, is_closing, grp, position) "
		"VALUES (?2, ?1, ?5, ?7, ?3, ?12) RETURNING id",
	[SQ_STATUS_GET] = "SELECT " STATUS_COLUMNS " FROM status s WHERE s.id = ?1",
	[SQ_STATUS_UPDATE] =
		"UPDATE status SET name = ?1, status_type_id = ?2, expected_days = ?5, is_closing = ?7, "
		"grp = ?3, position = ?12, version = version + 1 WHERE id = ?13 AND version = ?14",
	[SQ_STATUS_DELETE] = "DELETE FROM status WHERE id = ?1",
	[SQ_STATUS_LIST] =
		"SELECT " STATUS_COLUMNS " FROM status s WHERE (?1 = 0 OR s.status_type_id = ?1) "
		"ORDER BY s.position, s.name, s.id",
	[SQ_STATUS_USE_CASE_STATUSES] = "SELECT count(*) FROM case_status WHERE status_id = ?1",
	[SQ_STATUS_USE_CASES] = "SELECT count(*) FROM case_record WHERE stage_status_id = ?1",
	[SQ_STATUS_USE_FOLLOW_UPS] = "SELECT count(*) FROM office_follow_up WHERE status_id = ?1",

	[SQ_CLOSE_REASON_INSERT] = "INSERT INTO close_reason(name, position) VALUES (?1, ?12) RETURNING id",
	[SQ_CLOSE_REASON_GET] = "SELECT " CLOSE_REASON_COLUMNS " FROM close_reason WHERE id = ?1",
	[SQ_CLOSE_REASON_UPDATE] =
		"UPDATE close_reason SET name = ?1, position = ?12, version = version + 1 "
		"WHERE id = ?13 AND version = ?14",
	[SQ_CLOSE_REASON_DELETE] = "DELETE FROM close_reason WHERE id = ?1",
	[SQ_CLOSE_REASON_LIST] = "SELECT " CLOSE_REASON_COLUMNS " FROM close_reason" SETUP_ORDER,
	[SQ_CLOSE_REASON_USE_CASE_STATUSES] =
		"SELECT count(*) FROM case_status WHERE close_reason_id = ?1",

	[SQ_ROLE_INSERT] =
		"INSERT INTO staff_role(name, category, position, primary_advisor) "
		"VALUES (?1, ?4, ?12, ?19) RETURNING id",
	[SQ_ROLE_GET] = "SELECT " ROLE_COLUMNS " FROM staff_role WHERE id = ?1",
	[SQ_ROLE_UPDATE] =
		"UPDATE staff_role SET name = ?1, category = ?4, position = ?12, primary_advisor = ?19, "
		"version = version + 1 WHERE id = ?13 AND version = ?14",
	[SQ_ROLE_DELETE] = "DELETE FROM staff_role WHERE id = ?1",
	[SQ_ROLE_LIST] = "SELECT " ROLE_COLUMNS " FROM staff_role" SETUP_ORDER,
	[SQ_ROLE_USE_CASE_STAFF] = "SELECT count(*) FROM case_staff WHERE role_id = ?1",

	[SQ_NOTE_TYPE_INSERT] =
		"INSERT INTO note_type(name, client_facing, position) VALUES (?1, ?8, ?12) RETURNING id",
	[SQ_NOTE_TYPE_GET] = "SELECT " NOTE_TYPE_COLUMNS " FROM note_type WHERE id = ?1",
	[SQ_NOTE_TYPE_UPDATE] =
		"UPDATE note_type SET name = ?1, client_facing = ?8, position = ?12, "
		"version = version + 1 WHERE id = ?13 AND version = ?14",
	[SQ_NOTE_TYPE_DELETE] = "DELETE FROM note_type WHERE id = ?1",
	[SQ_NOTE_TYPE_LIST] = "SELECT " NOTE_TYPE_COLUMNS " FROM note_type" SETUP_ORDER,
	[SQ_NOTE_TYPE_USE_NOTES] = "SELECT count(*) FROM note WHERE note_type_id = ?1",

	[SQ_VALUE_RANGE_INSERT] =
		"INSERT INTO value_range(name, low_cents, high_cents, disbursement_cents, position) "
		"VALUES (?1, ?9, ?10, ?11, ?12) RETURNING id",
	[SQ_VALUE_RANGE_GET] = "SELECT " VALUE_RANGE_COLUMNS " FROM value_range WHERE id = ?1",
	[SQ_VALUE_RANGE_UPDATE] =
		"UPDATE value_range SET name = ?1, low_cents = ?9, high_cents = ?10, "
		"disbursement_cents = ?11, position = ?12, version = version + 1 "
		"WHERE id = ?13 AND version = ?14",
	[SQ_VALUE_RANGE_DELETE] = "DELETE FROM value_range WHERE id = ?1",
	[SQ_VALUE_RANGE_LIST] = "SELECT " VALUE_RANGE_COLUMNS " FROM value_range" SETUP_ORDER,
	[SQ_VALUE_RANGE_USE_CASES] = "SELECT count(*) FROM case_record WHERE value_range_id = ?1",
	[SQ_VALUE_RANGE_USE_VALUE_HISTORY] =
		"SELECT count(*) FROM case_value_history WHERE value_range_id = ?1",

	[SQ_DEADLINE_TYPE_INSERT] =
		"INSERT INTO deadline_type(name, position) VALUES (?1, ?12) RETURNING id",
	[SQ_DEADLINE_TYPE_GET] = "SELECT " DEADLINE_TYPE_COLUMNS " FROM deadline_type WHERE id = ?1",
	[SQ_DEADLINE_TYPE_UPDATE] =
		"UPDATE deadline_type SET name = ?1, position = ?12, version = version + 1 "
		"WHERE id = ?13 AND version = ?14",
	[SQ_DEADLINE_TYPE_DELETE] = "DELETE FROM deadline_type WHERE id = ?1",
	[SQ_DEADLINE_TYPE_LIST] = "SELECT " DEADLINE_TYPE_COLUMNS " FROM deadline_type" SETUP_ORDER,
	[SQ_DEADLINE_TYPE_USE_DEADLINES] = "SELECT count(*) FROM deadline WHERE deadline_type_id = ?1",

	[SQ_FLAG_INSERT] =
		"INSERT INTO case_flag(name, condition, param, target, position) "
		"VALUES (?1, ?15, ?16, ?17, ?12) RETURNING id",
	[SQ_FLAG_GET] = "SELECT " FLAG_COLUMNS " FROM case_flag WHERE id = ?1",
	[SQ_FLAG_UPDATE] =
		"UPDATE case_flag SET name = ?1, condition = ?15, param = ?16, target = ?17, "
		"position = ?12, version = version + 1 WHERE id = ?13 AND version = ?14",
	[SQ_FLAG_DELETE] = "DELETE FROM case_flag WHERE id = ?1",
	[SQ_FLAG_LIST] = "SELECT " FLAG_COLUMNS " FROM case_flag" SETUP_ORDER,

	[SQ_UDF_FIELD_INSERT] =
		"INSERT INTO udf_field(case_type_id, name, format, required, options, position) "
		"VALUES (?2, ?1, ?15, ?18, ?16, ?12) RETURNING id",
	[SQ_UDF_FIELD_GET] = "SELECT " UDF_FIELD_COLUMNS " FROM udf_field WHERE id = ?1",
	[SQ_UDF_FIELD_UPDATE] =
		"UPDATE udf_field SET name = ?1, case_type_id = ?2, format = ?15, required = ?18, "
		"options = ?16, position = ?12, version = version + 1 WHERE id = ?13 AND version = ?14",
	[SQ_UDF_FIELD_DELETE] = "DELETE FROM udf_field WHERE id = ?1",
	[SQ_UDF_FIELD_LIST] =
		"SELECT " UDF_FIELD_COLUMNS " FROM udf_field WHERE (?1 = 0 OR case_type_id = ?1)"
		SETUP_ORDER,
	[SQ_UDF_FIELD_USE_VALUES] = "SELECT count(*) FROM udf_value WHERE field_id = ?1",

	[SQ_STAGE_FIRST] =
		"SELECT " STATUS_COLUMNS " FROM status s JOIN status_type t ON t.id = s.status_type_id "
		"WHERE t.is_stage = 1 AND s.is_closing = 0 AND (s.grp = ?1 OR s.grp = '') "
		"ORDER BY s.position, s.id LIMIT 1",

	[SQ_CONTACT_INSERT] =
		"INSERT INTO contact(" CONTACT_FIELDS ", version, created_at, updated_at) "
		"VALUES (" CONTACT_FIELD_VALUES ", 1, ?7, ?7)" CONTACT_WRITTEN,
	[SQ_CONTACT_GET] = "SELECT " CONTACT_COLUMNS CONTACT_FROM " WHERE c.id = ?1",
	[SQ_CONTACT_UPDATE] =
		"UPDATE contact SET (" CONTACT_FIELDS ") = (" CONTACT_FIELD_VALUES "), "
		"version = version + 1, updated_at = ?7 WHERE id = ?8 AND version = ?9" CONTACT_WRITTEN,
	[SQ_CONTACT_DELETE] = "DELETE FROM contact WHERE id = ?1",
	/* ?3 is the LIKE pattern made from ?2 (contact.c) */
	[SQ_CONTACT_LIST] =
		"SELECT " CONTACT_COLUMNS CONTACT_FROM " WHERE c.id > ?1 AND (?2 = '' "
		"OR c.first_name LIKE ?3 ESCAPE '\\' OR c.last_name LIKE ?3 ESCAPE '\\' "
		"OR c.org_name LIKE ?3 ESCAPE '\\' OR c.email LIKE ?3 ESCAPE '\\') "
		"ORDER BY c.id LIMIT ?4",
	[SQ_CONTACT_USE_PARTIES] =
		"SELECT count(*) FROM case_party WHERE contact_id = ?1 OR law_firm_id = ?1 "
		"OR attorney_id = ?1",
	[SQ_CONTACT_USE_STAFF] = "SELECT count(*) FROM case_staff WHERE contact_id = ?1",
	[SQ_CONTACT_USE_USERS] = "SELECT count(*) FROM app_user WHERE contact_id = ?1",
	[SQ_CONTACT_USE_EMPLOYEES] = "SELECT count(*) FROM contact WHERE employer_id = ?1",
	[SQ_CONTACT_USE_INSURANCE] =
		"SELECT count(*) FROM party_insurance WHERE company_id = ?1 OR adjuster_id = ?1",
	[SQ_CONTACT_USE_LIENS] = "SELECT count(*) FROM lien WHERE holder_id = ?1",
	[SQ_CONTACT_USE_BANKRUPTCIES] =
		"SELECT count(*) FROM bankruptcy WHERE court_id = ?1 OR trustee_id = ?1 "
		"OR trustee_attorney_id = ?1",
	[SQ_CONTACT_USE_APPOINTMENTS] =
		"SELECT count(*) FROM appointment_attendee WHERE contact_id = ?1",
	[SQ_CONTACT_USE_COURTS] = "SELECT count(*) FROM case_court WHERE court_id = ?1",
	[SQ_CONTACT_USE_COURT_PERSONNEL] =
		"SELECT count(*) FROM court_personnel WHERE contact_id = ?1",
	[SQ_CONTACT_USE_REFERRALS] =
		"SELECT count(*) FROM case_record WHERE referral_in_contact_id = ?1 "
		"OR referral_out_contact_id = ?1",
	[SQ_CONTACT_CHANNELS_CLEAR] = "DELETE FROM contact_channel WHERE contact_id = ?1",
	/* ?2 is not used (contact_channel.c, sq_bind_channel) */
	[SQ_CONTACT_CHANNEL_INSERT] =
		"INSERT INTO contact_channel(contact_id, kind, label, value, is_primary, position) "
		"VALUES (?1, ?3, ?4, ?5, ?6, ?7)",
	[SQ_CONTACT_CHANNEL_LIST] =
		"SELECT id, contact_id, kind, label, value, is_primary FROM contact_channel "
		"WHERE contact_id = ?1 ORDER BY kind = 'email', position, id",
	[SQ_CONTACT_ADDRESSES_CLEAR] = "DELETE FROM contact_address WHERE contact_id = ?1",
	[SQ_CONTACT_ADDRESS_INSERT] =
		"INSERT INTO contact_address(contact_id, label, line1, line2, city, region, postcode, "
		"country, is_primary, position) VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[SQ_CONTACT_ADDRESS_LIST] =
		"SELECT id, contact_id, label, line1, line2, city, region, postcode, country, is_primary "
		"FROM contact_address WHERE contact_id = ?1 ORDER BY position, id",

	[SQ_CASE_INSERT] =
		"INSERT INTO case_record(" CASE_FIELDS ", created_by, version, created_at, updated_at) "
		"VALUES (" CASE_FIELD_VALUES ", ?26, 1, ?27, ?27) RETURNING id",
	[SQ_CASE_GET] =
		"SELECT " CASE_COLUMNS " FROM case_record k" CASE_JOINS " WHERE k.id = ?1 "
		"AND k.deleted = 0" CASE_SCOPE_EXISTS,
	[SQ_CASE_GET_BY_NUMBER] =
		"SELECT " CASE_COLUMNS " FROM case_record k" CASE_JOINS " WHERE k.number = ?1 "
		"AND k.deleted = 0",
	[SQ_CASE_EXISTS] = "SELECT 1 FROM case_record WHERE id = ?1 AND deleted = 0",
	[SQ_CASE_UPDATE] =
		"UPDATE case_record SET (" CASE_FIELDS ") = (" CASE_FIELD_VALUES "), "
		"version = version + 1, updated_at = ?27 WHERE id = ?26 AND version = ?28 AND deleted = 0",
	[SQ_CASE_SET_STAGE] =
		"UPDATE case_record SET stage_status_id = nullif(?2, 0), closed_date = ?3, updated_at = ?4 "
		"WHERE id = ?1 AND deleted = 0",
	[SQ_CASE_DELETE] =
		"UPDATE case_record SET deleted = 1, updated_at = ?2 WHERE id = ?1 AND deleted = 0",
	[SQ_CASE_LIST] = CASE_LIST_PLAIN " ORDER BY k.id DESC LIMIT ?2",
	[SQ_CASE_LIST_TYPE] = CASE_LIST_PLAIN " AND k.case_type_id = ?6 ORDER BY k.id DESC LIMIT ?2",
	[SQ_CASE_LIST_SCOPED] =
		CASE_LIST_PLAIN " AND k.id IN" CASE_SCOPE_IDS " ORDER BY k.id DESC LIMIT ?2",
	[SQ_CASE_LIST_Q] = CASE_LIST_SEARCH " ORDER BY f.rowid DESC LIMIT ?2",
	/* the scope is checked on the search's rowids (+: not as a constraint on case_fts), so
	 * that only the caller's matches are looked up in case_record */
	[SQ_CASE_LIST_Q_SCOPED] =
		CASE_LIST_SEARCH " AND +f.rowid IN" CASE_SCOPE_IDS " ORDER BY f.rowid DESC LIMIT ?2",
	/* the search index of a case as it is stored (search.c); remove only at version ?2 */
	[SQ_CASE_FTS_ADD] =
		"INSERT INTO case_fts(rowid, number, name, description) "
		"SELECT id, coalesce(number, ''), name, description FROM case_record WHERE id = ?1",
	[SQ_CASE_FTS_REMOVE] =
		"INSERT INTO case_fts(case_fts, rowid, number, name, description) "
		"SELECT 'delete', id, coalesce(number, ''), name, description FROM case_record "
		"WHERE id = ?1 AND version = ?2 AND deleted = 0",

	[SQ_VALUE_CHANGE_END] =
		"UPDATE case_value_history SET to_date = ?2 WHERE case_id = ?1 AND to_date = ''",
	[SQ_VALUE_CHANGE_INSERT] =
		"INSERT INTO case_value_history(case_id, value_range_id, from_date, to_date, user_id, "
		"comments) VALUES (?1, nullif(?2, 0), ?3, ?4, ?5, ?6) RETURNING id",
	[SQ_VALUE_CHANGE_LIST] = VALUE_CHANGE_SELECT " WHERE h.case_id = ?1 ORDER BY h.id DESC",

	[SQ_CASE_STATUS_INSERT] =
		"INSERT INTO case_status(case_id, status_type_id, status_id, expected_days, from_date, "
		"to_date, current, user_id, comments, close_reason_id, version, created_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, '', 1, ?6, ?7, nullif(?8, 0), 1, ?9) RETURNING id",
	[SQ_CASE_STATUS_GET] = CASE_STATUS_SELECT " WHERE cs.id = ?2 AND cs.case_id = ?1",
	[SQ_CASE_STATUS_CURRENT] =
		CASE_STATUS_SELECT " WHERE cs.case_id = ?1 AND cs.status_type_id = ?2 AND cs.current = 1",
	[SQ_CASE_STATUS_END] =
		"UPDATE case_status SET current = 0, to_date = ?2, version = version + 1 "
		"WHERE id = ?1 AND current = 1",
	[SQ_CASE_STATUS_UPDATE] =
		"UPDATE case_status SET expected_days = ?3, from_date = ?4, comments = ?5, "
		"close_reason_id = nullif(?6, 0), status_id = ?7, version = version + 1 "
		"WHERE id = ?2 AND case_id = ?1 AND version = ?8",
	[SQ_CASE_STATUS_LIST] =
		CASE_STATUS_SELECT " WHERE cs.case_id = ?1 AND cs.current = 1 "
		"ORDER BY t.is_stage DESC, t.position, t.name, cs.id",
	[SQ_CASE_STATUS_HISTORY] =
		CASE_STATUS_SELECT " WHERE cs.case_id = ?1 ORDER BY cs.from_date DESC, cs.id DESC",

	[SQ_CASE_STAFF_INSERT] =
		"INSERT INTO case_staff(case_id, user_id, contact_id, role_id, comments, from_date, "
		"to_date, current, version) VALUES (?1, nullif(?2, 0), nullif(?3, 0), ?4, ?5, ?6, '', 1, 1) "
		"RETURNING id",
	[SQ_CASE_STAFF_GET] = CASE_STAFF_SELECT " WHERE cs.id = ?2 AND cs.case_id = ?1",
	[SQ_CASE_STAFF_UPDATE] =
		"UPDATE case_staff SET comments = ?3, version = version + 1 "
		"WHERE id = ?2 AND case_id = ?1 AND version = ?4",
	[SQ_CASE_STAFF_END] =
		"UPDATE case_staff SET current = 0, to_date = ?2, version = version + 1 "
		"WHERE id = ?1 AND current = 1",
	[SQ_CASE_STAFF_LIST] =
		CASE_STAFF_SELECT " WHERE cs.case_id = ?1 AND cs.current = 1 ORDER BY r.position, cs.id",
	[SQ_CASE_STAFF_HISTORY] =
		CASE_STAFF_SELECT " WHERE cs.case_id = ?1 ORDER BY cs.from_date DESC, cs.id DESC",

	[SQ_NOTE_INSERT] =
		"INSERT INTO note(case_id, note_type_id, body, at, created_by, version, created_at, "
		"updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?6) RETURNING id",
	[SQ_NOTE_GET] = NOTE_SELECT " WHERE n.id = ?2 AND n.case_id = ?1",
	[SQ_NOTE_UPDATE] =
		"UPDATE note SET note_type_id = ?3, body = ?4, at = ?5, version = version + 1, "
		"updated_at = ?6 WHERE id = ?2 AND case_id = ?1 AND version = ?7",
	[SQ_NOTE_DELETE] = "DELETE FROM note WHERE id = ?1",
	[SQ_NOTE_LIST] = NOTE_SELECT " WHERE n.case_id = ?1" NOTE_PAGE,
	/* one pass over the search's matches, keeping the case's (+: checked on the rowids, not
	 * a constraint on note_fts, which would run the search once per note) */
	[SQ_NOTE_LIST_Q] =
		NOTE_COLUMNS " FROM note_fts f JOIN note n ON n.id = f.rowid" NOTE_JOINS
		" WHERE note_fts MATCH ?5 AND +f.rowid IN (SELECT id FROM note WHERE case_id = ?1)"
		" AND n.case_id = ?1" NOTE_PAGE,
	/* the search index of a note as it is stored; remove at version ?2 (0 = any) */
	[SQ_NOTE_FTS_ADD] = "INSERT INTO note_fts(rowid, body) SELECT id, body FROM note WHERE id = ?1",
	[SQ_NOTE_FTS_REMOVE] =
		"INSERT INTO note_fts(note_fts, rowid, body) SELECT 'delete', id, body FROM note "
		"WHERE id = ?1 AND (?2 = 0 OR version = ?2)",

	[SQ_EVENT_LAST] = EVENT_SELECT " WHERE e.case_id = ?1 ORDER BY e.seq DESC LIMIT 1",
	[SQ_EVENT_INSERT] =
		"INSERT INTO timeline_event(case_id, seq, at, event_type, user_id, description, "
		"prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
	[SQ_EVENT_LIST] =
		EVENT_SELECT " WHERE e.case_id = ?1 AND e.seq < ?2 ORDER BY e.seq DESC LIMIT ?3",
	[SQ_EVENT_WALK_ALL] = EVENT_SELECT " ORDER BY e.case_id, e.seq",

	[SQ_RELATED_ADD] =
		"INSERT INTO case_related(case_id, other_id, created_at) VALUES (?1, ?2, ?3), (?2, ?1, ?3)",
	[SQ_RELATED_REMOVE] =
		"DELETE FROM case_related WHERE (case_id = ?1 AND other_id = ?2) "
		"OR (case_id = ?2 AND other_id = ?1)",
	[SQ_RELATED_LIST] =
		BRIEF_SELECT " JOIN case_related rl ON rl.other_id = k.id WHERE rl.case_id = ?1 "
		"AND k.deleted = 0 ORDER BY coalesce(k.number, ''), k.id",
	[SQ_OTHER_CASES] =
		BRIEF_SELECT " WHERE k.id IN (SELECT p2.case_id FROM case_party p1 JOIN case_party p2 "
		"ON p2.contact_id = p1.contact_id AND p2.kind = 'plaintiff' "
		"WHERE p1.case_id = ?1 AND p1.kind = 'plaintiff') "
		"AND k.id <> ?1 AND k.deleted = 0 AND k.number IS NOT NULL ORDER BY k.number, k.id",

	[SQ_PARTY_INSERT] =
		"INSERT INTO case_party(case_id, contact_id, kind, " PARTY_FIELDS ", version) "
		"VALUES (?1, ?2, ?3, " PARTY_FIELD_VALUES ", 1) RETURNING id",
	[SQ_PARTY_GET] = PARTY_SELECT " WHERE p.id = ?2 AND p.case_id = ?1",
	[SQ_PARTY_UPDATE] =
		"UPDATE case_party SET (" PARTY_FIELDS ") = (" PARTY_FIELD_VALUES "), "
		"version = version + 1 WHERE id = ?2 AND case_id = ?1 AND version = ?13",
	[SQ_PARTY_DELETE] = "DELETE FROM case_party WHERE id = ?1",
	/* plaintiffs first, then defendants, each by group */
	[SQ_PARTY_LIST] =
		PARTY_SELECT " WHERE p.case_id = ?1 ORDER BY p.kind = 'defendant', p.group_no, p.id",
	[SQ_PARTY_DROP_INSURANCE] = "DELETE FROM party_insurance WHERE party_id = ?1",
	[SQ_PARTY_DROP_LIENS] = "DELETE FROM lien WHERE party_id = ?1",
	[SQ_PARTY_DROP_BANKRUPTCIES] = "DELETE FROM bankruptcy WHERE party_id = ?1",
	[SQ_PARTY_UNLINK_DEADLINES] =
		"UPDATE deadline SET party_id = NULL, version = version + 1 WHERE party_id = ?1",

	[SQ_INSURANCE_INSERT] =
		"INSERT INTO party_insurance(case_id, party_id, " INSURANCE_FIELDS ", version) "
		"VALUES (?1, ?2, " INSURANCE_FIELD_VALUES ", 1) RETURNING id",
	[SQ_INSURANCE_GET] = INSURANCE_SELECT " WHERE i.id = ?2 AND i.case_id = ?1",
	[SQ_INSURANCE_UPDATE] =
		"UPDATE party_insurance SET (" INSURANCE_FIELDS ") = (" INSURANCE_FIELD_VALUES "), "
		"version = version + 1 WHERE id = ?2 AND case_id = ?1 AND version = ?11",
	[SQ_INSURANCE_DELETE] = "DELETE FROM party_insurance WHERE id = ?1",
	[SQ_INSURANCE_LIST] = INSURANCE_SELECT " WHERE i.case_id = ?1 ORDER BY i.party_id, i.id",

	[SQ_LIEN_INSERT] =
		"INSERT INTO lien(case_id, party_id, " LIEN_FIELDS ", version) "
		"VALUES (?1, ?2, " LIEN_FIELD_VALUES ", 1) RETURNING id",
	[SQ_LIEN_GET] = LIEN_SELECT " WHERE l.id = ?2 AND l.case_id = ?1",
	[SQ_LIEN_UPDATE] =
		"UPDATE lien SET (" LIEN_FIELDS ") = (" LIEN_FIELD_VALUES "), version = version + 1 "
		"WHERE id = ?2 AND case_id = ?1 AND version = ?8",
	[SQ_LIEN_DELETE] = "DELETE FROM lien WHERE id = ?1",
	[SQ_LIEN_LIST] = LIEN_SELECT " WHERE l.case_id = ?1 ORDER BY l.party_id, l.id",

	[SQ_BANKRUPTCY_INSERT] =
		"INSERT INTO bankruptcy(case_id, party_id, " BANKRUPTCY_FIELDS ", version) "
		"VALUES (?1, ?2, " BANKRUPTCY_FIELD_VALUES ", 1) RETURNING id",
	[SQ_BANKRUPTCY_GET] = BANKRUPTCY_SELECT " WHERE b.id = ?2 AND b.case_id = ?1",
	[SQ_BANKRUPTCY_UPDATE] =
		"UPDATE bankruptcy SET (" BANKRUPTCY_FIELDS ") = (" BANKRUPTCY_FIELD_VALUES "), "
		"version = version + 1 WHERE id = ?2 AND case_id = ?1 AND version = ?9",
	[SQ_BANKRUPTCY_DELETE] = "DELETE FROM bankruptcy WHERE id = ?1",
	[SQ_BANKRUPTCY_LIST] = BANKRUPTCY_SELECT " WHERE b.case_id = ?1 ORDER BY b.id",

	[SQ_TASK_INSERT] =
		"INSERT INTO task(case_id, " TASK_FIELDS ", created_by, version, created_at, updated_at) "
		"VALUES (?1, " TASK_FIELD_VALUES ", ?11, 1, ?12, ?12) RETURNING id",
	[SQ_TASK_GET] = TASK_SELECT " WHERE t.id = ?2 AND t.case_id = ?1",
	[SQ_TASK_UPDATE] =
		"UPDATE task SET (" TASK_FIELDS ") = (" TASK_FIELD_VALUES "), version = version + 1, "
		"updated_at = ?12 WHERE id = ?2 AND case_id = ?1 AND version = ?11",
	[SQ_TASK_DELETE] = "DELETE FROM task WHERE id = ?1",
	/* ?2 = 1: the open ones only; dated first by date, then critical .. low, then id */
	[SQ_TASK_LIST] =
		TASK_SELECT " WHERE t.case_id = ?1 AND (?2 = 0 OR t.completed = 0) "
		"ORDER BY t.due_date = '', t.due_date, CASE t.priority WHEN 'critical' THEN 0 "
		"WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, t.id",

	[SQ_APPOINTMENT_INSERT] =
		"INSERT INTO appointment(case_id, " APPOINTMENT_FIELDS ", created_by, version, "
		"created_at, updated_at) VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?9) RETURNING id",
	[SQ_APPOINTMENT_GET] = APPOINTMENT_SELECT " WHERE id = ?2 AND case_id = ?1",
	[SQ_APPOINTMENT_UPDATE] =
		"UPDATE appointment SET (" APPOINTMENT_FIELDS ") = (?3, ?4, ?5, ?6, ?7), "
		"version = version + 1, updated_at = ?9 WHERE id = ?2 AND case_id = ?1 AND version = ?8",
	[SQ_APPOINTMENT_DELETE] = "DELETE FROM appointment WHERE id = ?1",
	/* ?2 > 0: the pending ones only (not completed, or starting at or after ?2) */
	[SQ_APPOINTMENT_LIST] =
		APPOINTMENT_SELECT " WHERE case_id = ?1 AND (?2 <= 0 OR completed = 0 OR starts_at >= ?2) "
		"ORDER BY starts_at, id",
	[SQ_ATTENDEES_CLEAR] = "DELETE FROM appointment_attendee WHERE appointment_id = ?1",
	[SQ_ATTENDEE_INSERT] =
		"INSERT INTO appointment_attendee(appointment_id, case_id, user_id, contact_id) "
		"VALUES (?1, ?2, nullif(?3, 0), nullif(?4, 0))",
	/* ?2 > 0: that appointment's only */
	[SQ_ATTENDEE_LIST] =
		"SELECT a.id, a.appointment_id, coalesce(a.user_id, 0), coalesce(a.contact_id, 0), "
		"coalesce(u.name, " CONTACT_DISPLAY("c") ", '') FROM appointment_attendee a "
		"LEFT JOIN app_user u ON u.id = a.user_id LEFT JOIN contact c ON c.id = a.contact_id "
		"WHERE a.case_id = ?1 AND (?2 <= 0 OR a.appointment_id = ?2) "
		"ORDER BY a.appointment_id, a.id",

	[SQ_DEADLINE_INSERT] =
		"INSERT INTO deadline(case_id, " DEADLINE_FIELDS ", created_by, version) "
		"VALUES (?1, " DEADLINE_FIELD_VALUES ", ?10, 1) RETURNING id",
	[SQ_DEADLINE_GET] = DEADLINE_SELECT " WHERE d.id = ?2 AND d.case_id = ?1",
	[SQ_DEADLINE_UPDATE] =
		"UPDATE deadline SET (" DEADLINE_FIELDS ") = (" DEADLINE_FIELD_VALUES "), "
		"version = version + 1 WHERE id = ?2 AND case_id = ?1 AND version = ?10",
	[SQ_DEADLINE_DELETE] = "DELETE FROM deadline WHERE id = ?1",
	/* ?2 = 1: the outstanding ones only */
	[SQ_DEADLINE_LIST] =
		DEADLINE_SELECT " WHERE d.case_id = ?1 AND (?2 = 0 OR d.done = 0) "
		"ORDER BY d.due_date, d.id",

	[SQ_COURT_INSERT] =
		"INSERT INTO case_court(case_id, court_id, docket_number, filing_date, version) "
		"VALUES (?1, ?3, ?4, ?5, 1) RETURNING id",
	[SQ_COURT_GET] = COURT_SELECT " WHERE cc.id = ?2 AND cc.case_id = ?1",
	[SQ_COURT_UPDATE] =
		"UPDATE case_court SET court_id = ?3, docket_number = ?4, filing_date = ?5, "
		"version = version + 1 WHERE id = ?2 AND case_id = ?1 AND version = ?6",
	[SQ_COURT_DELETE] = "DELETE FROM case_court WHERE id = ?1",
	[SQ_COURT_LIST] = COURT_SELECT " WHERE cc.case_id = ?1 ORDER BY cc.id",
	[SQ_COURT_PERSONNEL_CLEAR] = "DELETE FROM court_personnel WHERE case_court_id = ?1",
	[SQ_COURT_PERSON_INSERT] =
		"INSERT INTO court_personnel(case_court_id, case_id, contact_id, role) "
		"VALUES (?1, ?2, ?3, ?4)",
	/* ?2 > 0: that court row's only */
	[SQ_COURT_PERSONNEL_LIST] =
		"SELECT cp.id, cp.case_court_id, cp.contact_id, cp.role, " CONTACT_DISPLAY("c") " "
		"FROM court_personnel cp JOIN contact c ON c.id = cp.contact_id "
		"WHERE cp.case_id = ?1 AND (?2 <= 0 OR cp.case_court_id = ?2) "
		"ORDER BY cp.case_court_id, cp.id",

	[SQ_UDF_VALUE_SET] =
		"INSERT INTO udf_value(case_id, field_id, value) VALUES (?1, ?2, ?3) "
		"ON CONFLICT(case_id, field_id) DO UPDATE SET value = excluded.value",
	[SQ_UDF_VALUE_CLEAR] = "DELETE FROM udf_value WHERE case_id = ?1 AND field_id = ?2",
	[SQ_UDF_VALUE_LIST] =
		"SELECT case_id, field_id, value FROM udf_value WHERE case_id = ?1 ORDER BY field_id",
};
