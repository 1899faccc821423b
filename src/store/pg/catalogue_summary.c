/* catalogue_summary.c - the SQL text of the PostgreSQL statements over the tables of migration
 * 0003 (the case summary): the setup lists of deadline types, flags and UDF fields, contact
 * phones, e-mails and addresses, insurance, liens, bankruptcies, tasks, appointments and their
 * attendees, deadlines, courts and their personnel, UDF values.
 *
 * The rest of the catalogue, and the notes on how it differs from SQLite's, are in catalogue.c;
 * the changed contact, case and party statements stay there with their neighbours. Records
 * whose "not given" is -1 (cents) store NULL and read back through coalesce(.., -1); references
 * whose "none" is 0 store NULL (nullif on the way in, coalesce on the way out). Inserts take the
 * case id as $1 (and the party or creator as $2 where there is one) before the fields; updates
 * take the row id as $1 and the case id as $2 before them. */
#include "store/pg/catalogue.h"
#include "store/pg/catalogue_sql.h"

/* The setup lists of migration 0003, read into the shared setup columns (setup.c). */
#define DEADLINE_TYPE_COLUMNS \
	"id, name, 0, '', '', 0, false, false, false, 0, 0, 0, position, version" SETUP_NO_CODE
#define FLAG_COLUMNS \
	"id, name, 0, '', '', 0, false, false, false, 0, 0, 0, position, version, condition, " \
	"param, target, false"
#define UDF_FIELD_COLUMNS \
	"id, name, case_type_id, '', '', 0, false, false, false, 0, 0, 0, position, version, " \
	"format, options, '', required"

#define CHANNEL_COLUMNS "id, contact_id, kind, label, value, is_primary"
#define ADDRESS_COLUMNS \
	"id, contact_id, label, line1, line2, city, region, postcode, country, is_primary"

/* Insurance: the row, its company's and adjuster's names and its party's kind; fields $3 .. $10
 * (insurance.c, pg_bind_insurance_fields). */
#define INSURANCE_COLUMNS                                                                       \
	"i.id, i.case_id, i.party_id, coalesce(i.company_id, 0), i.claim_number, "                \
	"i.policy_limits, coalesce(i.no_fault_cents, -1), coalesce(i.um_sum_cents, -1), "         \
	"coalesce(i.adjuster_id, 0), i.adjuster_phone, coalesce(i.coverage_cents, -1), "          \
	"i.version, " CONTACT_NAME_OF("co") ", " CONTACT_NAME_OF("ad") ", p.kind"
#define INSURANCE_FROM                                                                          \
	" FROM party_insurance i JOIN case_party p ON p.id = i.party_id "                         \
	"LEFT JOIN contact co ON co.id = i.company_id LEFT JOIN contact ad ON ad.id = i.adjuster_id"
#define INSURANCE_FIELDS                                                                        \
	"company_id, claim_number, policy_limits, no_fault_cents, um_sum_cents, adjuster_id, "    \
	"adjuster_phone, coverage_cents"
#define INSURANCE_FIELD_VALUES                                                                  \
	"nullif($3::bigint, 0), $4, $5, $6::bigint, $7::bigint, nullif($8::bigint, 0), $9, "      \
	"$10::bigint"

/* Liens: fields $3 .. $7 (lien.c). */
#define LIEN_COLUMNS                                                                            \
	"l.id, l.case_id, l.party_id, coalesce(l.holder_id, 0), l.description, l.amount_cents, "  \
	"coalesce(l.negotiated_cents, -1), coalesce(l.final_cents, -1), l.version, "             \
	CONTACT_NAME_OF("h")
#define LIEN_FROM " FROM lien l LEFT JOIN contact h ON h.id = l.holder_id"
#define LIEN_FIELDS "holder_id, description, amount_cents, negotiated_cents, final_cents"
#define LIEN_FIELD_VALUES "nullif($3::bigint, 0), $4, $5, $6::bigint, $7::bigint"

/* Bankruptcies: the row, its party's kind and name, and the names of its court, trustee and
 * trustee's attorney; fields $3 .. $8 (bankruptcy.c). */
#define BANKRUPTCY_COLUMNS                                                                      \
	"b.id, b.case_id, b.party_id, coalesce(b.court_id, 0), b.judge, b.docket_number, "        \
	"coalesce(b.trustee_id, 0), coalesce(b.trustee_attorney_id, 0), b.retained_date, "        \
	"b.version, p.kind, " CONTACT_DISPLAY_OF("pc") ", " CONTACT_NAME_OF("bc") ", "            \
	CONTACT_NAME_OF("tr") ", " CONTACT_NAME_OF("ta")
#define BANKRUPTCY_FROM                                                                         \
	" FROM bankruptcy b JOIN case_party p ON p.id = b.party_id "                              \
	"JOIN contact pc ON pc.id = p.contact_id LEFT JOIN contact bc ON bc.id = b.court_id "     \
	"LEFT JOIN contact tr ON tr.id = b.trustee_id "                                           \
	"LEFT JOIN contact ta ON ta.id = b.trustee_attorney_id"
#define BANKRUPTCY_FIELDS \
	"court_id, judge, docket_number, trustee_id, trustee_attorney_id, retained_date"
#define BANKRUPTCY_FIELD_VALUES \
	"nullif($3::bigint, 0), $4, $5, nullif($6::bigint, 0), nullif($7::bigint, 0), $8"

/* Tasks: the row and its assignee's name; fields $3 .. $10 (task.c); a priority of '' is the
 * default, normal. */
#define TASK_COLUMNS                                                                            \
	"t.id, t.case_id, t.subject, t.description, t.priority, t.due_date, "                     \
	"coalesce(t.assignee_id, 0), t.completed, t.completed_at, coalesce(t.completed_by, 0), "  \
	"t.created_by, t.version, t.created_at, t.updated_at, coalesce(u.name, '')"
#define TASK_FROM " FROM task t LEFT JOIN app_user u ON u.id = t.assignee_id"
#define TASK_FIELDS                                                                             \
	"subject, description, priority, due_date, assignee_id, completed, completed_at, "        \
	"completed_by"
#define TASK_FIELD_VALUES                                                                       \
	"$3, $4, coalesce(nullif($5::text, ''), 'normal'), $6, nullif($7::bigint, 0), $8, $9, "   \
	"nullif($10::bigint, 0)"
/* dated tasks first, by date, then critical .. low, then id */
#define TASK_ORDER                                                                              \
	" ORDER BY t.due_date = '', t.due_date COLLATE \"C\", CASE t.priority "                   \
	"WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, t.id"

/* Appointments: fields $3 .. $7 (appointment.c). */
#define APPOINTMENT_COLUMNS                                                                     \
	"id, case_id, starts_at, ends_at, subject, comments, completed, created_by, version, "    \
	"created_at, updated_at"
#define APPOINTMENT_FIELDS "starts_at, ends_at, subject, comments, completed"
#define APPOINTMENT_FIELD_VALUES "$3, $4, $5, $6, $7"

/* Deadlines: the row, its party's name and its type's; fields $3 .. $9 (deadline.c). */
#define DEADLINE_COLUMNS                                                                        \
	"d.id, d.case_id, coalesce(d.party_id, 0), d.kind, coalesce(d.deadline_type_id, 0), "     \
	"d.due_date, d.comments, d.done, d.done_date, d.created_by, d.version, "                 \
	CONTACT_NAME_OF("pc") ", coalesce(dt.name, '')"
#define DEADLINE_FROM                                                                           \
	" FROM deadline d LEFT JOIN case_party p ON p.id = d.party_id "                           \
	"LEFT JOIN contact pc ON pc.id = p.contact_id "                                           \
	"LEFT JOIN deadline_type dt ON dt.id = d.deadline_type_id"
#define DEADLINE_FIELDS \
	"party_id, kind, deadline_type_id, due_date, comments, done, done_date"
#define DEADLINE_FIELD_VALUES \
	"nullif($3::bigint, 0), $4, nullif($5::bigint, 0), $6, $7, $8, $9"

/* Courts: the row and the court's name. */
#define COURT_COLUMNS \
	"cc.id, cc.case_id, cc.court_id, cc.docket_number, cc.filing_date, cc.version, " \
	CONTACT_DISPLAY
#define COURT_FROM " FROM case_court cc JOIN contact ct ON ct.id = cc.court_id"

#define S(id, sql_text) [id - PG_SUMMARY_FIRST] = {#id, sql_text}

const struct pg_statement pg_catalogue_summary[PG_REPORTS_FIRST - PG_SUMMARY_FIRST] = {
	/* setup lists, as in catalogue.c: inserts take the kind's fields from $1 (see setup.c for
	 * their order), updates take the id as $1, the fields from $2, then the version */
	S(PG_DEADLINE_TYPE_INSERT,
	  "INSERT INTO deadline_type(name, position) VALUES ($1, $2) "
	  "ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_DEADLINE_TYPE_GET,
	  "SELECT " DEADLINE_TYPE_COLUMNS " FROM deadline_type WHERE id = $1"),
	S(PG_DEADLINE_TYPE_UPDATE,
	  VERSIONED_UPDATE("deadline_type", "name = $2, position = $3", BY_ID, "$4")),
	S(PG_DEADLINE_TYPE_DELETE, "DELETE FROM deadline_type WHERE id = $1"),
	S(PG_DEADLINE_TYPE_LIST, "SELECT " DEADLINE_TYPE_COLUMNS " FROM deadline_type" SETUP_ORDER),
	S(PG_DEADLINE_TYPE_USAGE,
	  USAGE1("deadlines", "SELECT count(*) FROM deadline WHERE deadline_type_id = $1")),

	S(PG_FLAG_INSERT,
	  "INSERT INTO case_flag(name, condition, param, target, position) "
	  "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_FLAG_GET, "SELECT " FLAG_COLUMNS " FROM case_flag WHERE id = $1"),
	S(PG_FLAG_UPDATE,
	  VERSIONED_UPDATE("case_flag", "name = $2, condition = $3, param = $4, target = $5, "
			   "position = $6", BY_ID, "$7")),
	S(PG_FLAG_DELETE, "DELETE FROM case_flag WHERE id = $1"),
	S(PG_FLAG_LIST, "SELECT " FLAG_COLUMNS " FROM case_flag" SETUP_ORDER),
	/* a flag is a rule computed on every read: no row refers to one, so it is never in use
	 * (the statement gives no row for any id) */
	S(PG_FLAG_USAGE, "SELECT '', 0 WHERE $1::bigint IS NULL"),

	S(PG_UDF_FIELD_INSERT,
	  "INSERT INTO udf_field(name, case_type_id, format, required, options, position) "
	  "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_UDF_FIELD_GET, "SELECT " UDF_FIELD_COLUMNS " FROM udf_field WHERE id = $1"),
	S(PG_UDF_FIELD_UPDATE,
	  VERSIONED_UPDATE("udf_field", "name = $2, case_type_id = $3, format = $4, required = $5, "
			   "options = $6, position = $7", BY_ID, "$8")),
	S(PG_UDF_FIELD_DELETE, "DELETE FROM udf_field WHERE id = $1"),
	S(PG_UDF_FIELD_LIST,
	  "SELECT " UDF_FIELD_COLUMNS " FROM udf_field WHERE $1::bigint = 0 OR case_type_id = $1"
	  SETUP_ORDER),
	S(PG_UDF_FIELD_USAGE,
	  USAGE1("case values", "SELECT count(*) FROM udf_value WHERE field_id = $1")),

	/* a contact's phones and e-mails: $1 contact, $2 kind, $3 label, $4 value, $5 primary,
	 * $6 position; listed phones first. The clears count the contacts of that id (0: none,
	 * nothing cleared). */
	S(PG_CONTACT_CHANNELS_CLEAR,
	  "WITH gone AS (DELETE FROM contact_channel WHERE contact_id = $1) "
	  "SELECT count(*) FROM contact WHERE id = $1"),
	S(PG_CONTACT_CHANNEL_INSERT,
	  "INSERT INTO contact_channel(contact_id, kind, label, value, is_primary, position) "
	  "VALUES ($1, $2, $3, $4, $5, $6)"),
	S(PG_CONTACT_CHANNEL_LIST,
	  "SELECT " CHANNEL_COLUMNS " FROM contact_channel WHERE contact_id = $1 "
	  "ORDER BY kind <> 'phone', position, id"),
	/* $1 contact, $2 label, $3 .. $8 the lines, city, region, postcode and country,
	 * $9 primary, $10 position */
	S(PG_CONTACT_ADDRESSES_CLEAR,
	  "WITH gone AS (DELETE FROM contact_address WHERE contact_id = $1) "
	  "SELECT count(*) FROM contact WHERE id = $1"),
	S(PG_CONTACT_ADDRESS_INSERT,
	  "INSERT INTO contact_address(contact_id, label, line1, line2, city, region, postcode, "
	  "country, is_primary, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"),
	S(PG_CONTACT_ADDRESS_LIST,
	  "SELECT " ADDRESS_COLUMNS " FROM contact_address WHERE contact_id = $1 "
	  "ORDER BY position, id"),

	S(PG_INSURANCE_INSERT,
	  "INSERT INTO party_insurance(case_id, party_id, " INSURANCE_FIELDS ", version) "
	  "VALUES ($1, $2, " INSURANCE_FIELD_VALUES ", 1) RETURNING id"),
	S(PG_INSURANCE_GET,
	  "SELECT " INSURANCE_COLUMNS INSURANCE_FROM " WHERE i.case_id = $1 AND i.id = $2"),
	S(PG_INSURANCE_UPDATE,
	  VERSIONED_UPDATE("party_insurance",
			   "(" INSURANCE_FIELDS ") = (" INSURANCE_FIELD_VALUES ")",
			   BY_CASE_AND_ID, "$11")),
	S(PG_INSURANCE_DELETE, "DELETE FROM party_insurance WHERE id = $1"),
	S(PG_INSURANCE_LIST,
	  "SELECT " INSURANCE_COLUMNS INSURANCE_FROM " WHERE i.case_id = $1 "
	  "ORDER BY i.party_id, i.id"),

	S(PG_LIEN_INSERT,
	  "INSERT INTO lien(case_id, party_id, " LIEN_FIELDS ", version) "
	  "VALUES ($1, $2, " LIEN_FIELD_VALUES ", 1) RETURNING id"),
	S(PG_LIEN_GET, "SELECT " LIEN_COLUMNS LIEN_FROM " WHERE l.case_id = $1 AND l.id = $2"),
	S(PG_LIEN_UPDATE,
	  VERSIONED_UPDATE("lien", "(" LIEN_FIELDS ") = (" LIEN_FIELD_VALUES ")", BY_CASE_AND_ID,
			   "$8")),
	S(PG_LIEN_DELETE, "DELETE FROM lien WHERE id = $1"),
	S(PG_LIEN_LIST,
	  "SELECT " LIEN_COLUMNS LIEN_FROM " WHERE l.case_id = $1 ORDER BY l.party_id, l.id"),

	S(PG_BANKRUPTCY_INSERT,
	  "INSERT INTO bankruptcy(case_id, party_id, " BANKRUPTCY_FIELDS ", version) "
	  "VALUES ($1, $2, " BANKRUPTCY_FIELD_VALUES ", 1) RETURNING id"),
	S(PG_BANKRUPTCY_GET,
	  "SELECT " BANKRUPTCY_COLUMNS BANKRUPTCY_FROM " WHERE b.case_id = $1 AND b.id = $2"),
	S(PG_BANKRUPTCY_UPDATE,
	  VERSIONED_UPDATE("bankruptcy", "(" BANKRUPTCY_FIELDS ") = (" BANKRUPTCY_FIELD_VALUES ")",
			   BY_CASE_AND_ID, "$9")),
	S(PG_BANKRUPTCY_DELETE, "DELETE FROM bankruptcy WHERE id = $1"),
	S(PG_BANKRUPTCY_LIST,
	  "SELECT " BANKRUPTCY_COLUMNS BANKRUPTCY_FROM " WHERE b.case_id = $1 ORDER BY b.id"),

	/* $2 the creator, $11 now */
	S(PG_TASK_INSERT,
	  "INSERT INTO task(case_id, created_by, " TASK_FIELDS ", version, created_at, updated_at) "
	  "VALUES ($1, $2, " TASK_FIELD_VALUES ", 1, $11, $11) RETURNING id"),
	S(PG_TASK_GET, "SELECT " TASK_COLUMNS TASK_FROM " WHERE t.case_id = $1 AND t.id = $2"),
	/* $11 now, $12 the version */
	S(PG_TASK_UPDATE,
	  VERSIONED_UPDATE("task", "(" TASK_FIELDS ") = (" TASK_FIELD_VALUES "), updated_at = $11",
			   BY_CASE_AND_ID, "$12")),
	S(PG_TASK_DELETE, "DELETE FROM task WHERE id = $1"),
	/* $2: the open ones only */
	S(PG_TASK_LIST,
	  "SELECT " TASK_COLUMNS TASK_FROM " WHERE t.case_id = $1 "
	  "AND (NOT $2::boolean OR NOT t.completed)" TASK_ORDER),

	/* $2 the creator, $8 now */
	S(PG_APPOINTMENT_INSERT,
	  "INSERT INTO appointment(case_id, created_by, " APPOINTMENT_FIELDS ", version, "
	  "created_at, updated_at) VALUES ($1, $2, " APPOINTMENT_FIELD_VALUES ", 1, $8, $8) "
	  "RETURNING id"),
	S(PG_APPOINTMENT_GET,
	  "SELECT " APPOINTMENT_COLUMNS " FROM appointment WHERE case_id = $1 AND id = $2"),
	/* $8 now, $9 the version */
	S(PG_APPOINTMENT_UPDATE,
	  VERSIONED_UPDATE("appointment",
			   "(" APPOINTMENT_FIELDS ") = (" APPOINTMENT_FIELD_VALUES "), "
			   "updated_at = $8", BY_CASE_AND_ID, "$9")),
	/* with the appointment go its attendees (checked at the end of the statement) */
	S(PG_APPOINTMENT_DELETE,
	  "WITH gone_attendees AS (DELETE FROM appointment_attendee WHERE appointment_id = $1) "
	  "DELETE FROM appointment WHERE id = $1"),
	/* $2 > 0: the pending ones only (not completed, or starting at or after $2) */
	S(PG_APPOINTMENT_LIST,
	  "SELECT " APPOINTMENT_COLUMNS " FROM appointment WHERE case_id = $1 "
	  "AND ($2::bigint <= 0 OR NOT completed OR starts_at >= $2) ORDER BY starts_at, id"),
	/* attendees: $1 the case, $2 the appointment, $3 user, $4 contact (0 = none); the clear
	 * counts the appointments of that id on that case (0: not the case's, nothing cleared) */
	S(PG_ATTENDEES_CLEAR,
	  "WITH gone AS (DELETE FROM appointment_attendee WHERE case_id = $1 "
	  "AND appointment_id = $2) "
	  "SELECT count(*) FROM appointment WHERE case_id = $1 AND id = $2"),
	S(PG_ATTENDEE_INSERT,
	  "INSERT INTO appointment_attendee(case_id, appointment_id, user_id, contact_id) "
	  "VALUES ($1, $2, nullif($3::bigint, 0), nullif($4::bigint, 0))"),
	/* $2 > 0: that appointment's only */
	S(PG_ATTENDEE_LIST,
	  "SELECT a.id, a.appointment_id, coalesce(a.user_id, 0), coalesce(a.contact_id, 0), "
	  "coalesce(u.name, " CONTACT_DISPLAY ", '') FROM appointment_attendee a "
	  "LEFT JOIN app_user u ON u.id = a.user_id LEFT JOIN contact ct ON ct.id = a.contact_id "
	  "WHERE a.case_id = $1 AND ($2::bigint <= 0 OR a.appointment_id = $2) "
	  "ORDER BY a.appointment_id, a.id"),

	/* $2 the creator */
	S(PG_DEADLINE_INSERT,
	  "INSERT INTO deadline(case_id, created_by, " DEADLINE_FIELDS ", version) "
	  "VALUES ($1, $2, " DEADLINE_FIELD_VALUES ", 1) RETURNING id"),
	S(PG_DEADLINE_GET,
	  "SELECT " DEADLINE_COLUMNS DEADLINE_FROM " WHERE d.case_id = $1 AND d.id = $2"),
	S(PG_DEADLINE_UPDATE,
	  VERSIONED_UPDATE("deadline", "(" DEADLINE_FIELDS ") = (" DEADLINE_FIELD_VALUES ")",
			   BY_CASE_AND_ID, "$10")),
	S(PG_DEADLINE_DELETE, "DELETE FROM deadline WHERE id = $1"),
	/* $2: the outstanding ones only */
	S(PG_DEADLINE_LIST,
	  "SELECT " DEADLINE_COLUMNS DEADLINE_FROM " WHERE d.case_id = $1 "
	  "AND (NOT $2::boolean OR NOT d.done) ORDER BY d.due_date COLLATE \"C\", d.id"),

	/* $1 the case, $2 the court, $3 the docket number, $4 the filing date */
	S(PG_COURT_INSERT,
	  "INSERT INTO case_court(case_id, court_id, docket_number, filing_date, version) "
	  "VALUES ($1, $2, $3, $4, 1) RETURNING id"),
	S(PG_COURT_GET, "SELECT " COURT_COLUMNS COURT_FROM " WHERE cc.case_id = $1 AND cc.id = $2"),
	S(PG_COURT_UPDATE,
	  VERSIONED_UPDATE("case_court", "court_id = $3, docket_number = $4, filing_date = $5",
			   BY_CASE_AND_ID, "$6")),
	/* with the court row go its personnel (checked at the end of the statement) */
	S(PG_COURT_DELETE,
	  "WITH gone_personnel AS (DELETE FROM court_personnel WHERE case_court_id = $1) "
	  "DELETE FROM case_court WHERE id = $1"),
	S(PG_COURT_LIST,
	  "SELECT " COURT_COLUMNS COURT_FROM " WHERE cc.case_id = $1 ORDER BY cc.id"),
	/* personnel: $1 the case, $2 the court row, $3 the contact, $4 the role; the clear counts
	 * the court rows of that id on that case (0: not the case's, nothing cleared) */
	S(PG_COURT_PERSONNEL_CLEAR,
	  "WITH gone AS (DELETE FROM court_personnel WHERE case_id = $1 AND case_court_id = $2) "
	  "SELECT count(*) FROM case_court WHERE case_id = $1 AND id = $2"),
	S(PG_COURT_PERSON_INSERT,
	  "INSERT INTO court_personnel(case_id, case_court_id, contact_id, role) "
	  "VALUES ($1, $2, $3, $4)"),
	/* $2 > 0: that court row's only */
	S(PG_COURT_PERSONNEL_LIST,
	  "SELECT cp.id, cp.case_court_id, cp.contact_id, cp.role, " CONTACT_DISPLAY " "
	  "FROM court_personnel cp JOIN contact ct ON ct.id = cp.contact_id "
	  "WHERE cp.case_id = $1 AND ($2::bigint <= 0 OR cp.case_court_id = $2) "
	  "ORDER BY cp.case_court_id, cp.id"),

	S(PG_UDF_VALUE_SET,
	  "INSERT INTO udf_value(case_id, field_id, value) VALUES ($1, $2, $3) "
	  "ON CONFLICT (case_id, field_id) DO UPDATE SET value = excluded.value"),
	S(PG_UDF_VALUE_CLEAR, "DELETE FROM udf_value WHERE case_id = $1 AND field_id = $2"),
	S(PG_UDF_VALUE_LIST,
	  "SELECT case_id, field_id, value FROM udf_value WHERE case_id = $1 ORDER BY field_id"),
};
