-- 0003_summary: what the case summary shows beyond issue 3's cases: the contacts' detail
-- (phones, e-mails, addresses, employer), the parties' detail (group, primary labels, role,
-- law firm, insurance, injuries, liens, bankruptcy), tasks, appointments, critical deadlines
-- and SOLs, courts and dockets, the case's referral, retainer, liability and facts, the flag
-- rules, and user-defined fields.
-- Dates are TEXT 'YYYY-MM-DD' ('' = not set); times are Unix seconds (UTC); money is integer
-- cents, NULL = not given.

-- Contacts ------------------------------------------------------------------------------------

ALTER TABLE contact ADD COLUMN nickname TEXT NOT NULL DEFAULT '';
ALTER TABLE contact ADD COLUMN languages TEXT NOT NULL DEFAULT '';
ALTER TABLE contact ADD COLUMN employer_id INTEGER REFERENCES contact(id);
ALTER TABLE contact ADD COLUMN preferred_comm TEXT NOT NULL DEFAULT 'email'
  CHECK (preferred_comm IN ('email','letter'));
ALTER TABLE contact ADD COLUMN birth_date TEXT NOT NULL DEFAULT '';
ALTER TABLE contact ADD COLUMN death_date TEXT NOT NULL DEFAULT '';
ALTER TABLE contact ADD COLUMN death_place TEXT NOT NULL DEFAULT '';
CREATE INDEX contact_employer ON contact(employer_id);

-- Phones and e-mail addresses; contact.phone / contact.email keep a copy of the primary ones.
CREATE TABLE contact_channel (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER NOT NULL REFERENCES contact(id),
  kind        TEXT NOT NULL CHECK (kind IN ('phone','email')),
  label       TEXT NOT NULL DEFAULT '',
  value       TEXT NOT NULL,
  is_primary  INTEGER NOT NULL DEFAULT 0,
  position    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX contact_channel_contact ON contact_channel(contact_id, kind, position);

CREATE TABLE contact_address (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER NOT NULL REFERENCES contact(id),
  label       TEXT NOT NULL DEFAULT '',
  line1       TEXT NOT NULL DEFAULT '',
  line2       TEXT NOT NULL DEFAULT '',
  city        TEXT NOT NULL DEFAULT '',
  region      TEXT NOT NULL DEFAULT '',
  postcode    TEXT NOT NULL DEFAULT '',
  country     TEXT NOT NULL DEFAULT '',
  is_primary  INTEGER NOT NULL DEFAULT 0,
  position    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX contact_address_contact ON contact_address(contact_id, position);

-- Setup lists ---------------------------------------------------------------------------------

CREATE TABLE deadline_type (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  position  INTEGER NOT NULL DEFAULT 0,
  version   INTEGER NOT NULL DEFAULT 1
);

-- Case summary flags: each is a rule over the case data (domain/flag.c names the conditions),
-- with a parameter for the conditions that take one and where its details live.
CREATE TABLE case_flag (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  condition  TEXT NOT NULL,
  param      TEXT NOT NULL DEFAULT '',
  target     TEXT NOT NULL DEFAULT '',
  position   INTEGER NOT NULL DEFAULT 0,
  version    INTEGER NOT NULL DEFAULT 1
);
INSERT INTO case_flag (name, condition, target, position) VALUES
  ('Serious Injury', 'serious_injury', 'injuries', 1),
  ('Bankruptcy', 'bankruptcy', 'bankruptcy', 2),
  ('Referred Out', 'referred_out', 'referral', 3),
  ('Deceased Plaintiff', 'deceased_plaintiff', 'surrogate', 4),
  ('SOL Past Due', 'sol_past_due', 'deadlines', 5),
  ('Minor Plaintiff', 'minor_plaintiff', 'plaintiffs', 6);

-- User-defined fields per case type: format text, number, money, date, yesno or picklist;
-- options holds the picklist's values, one per line.
CREATE TABLE udf_field (
  id            INTEGER PRIMARY KEY,
  case_type_id  INTEGER NOT NULL REFERENCES case_type(id),
  name          TEXT NOT NULL,
  format        TEXT NOT NULL CHECK (format IN ('text','number','money','date','yesno','picklist')),
  required      INTEGER NOT NULL DEFAULT 0,
  options       TEXT NOT NULL DEFAULT '',
  position      INTEGER NOT NULL DEFAULT 0,
  version       INTEGER NOT NULL DEFAULT 1,
  UNIQUE (case_type_id, name)
);

-- The case's own new data ---------------------------------------------------------------------

ALTER TABLE case_record ADD COLUMN retainer_date TEXT NOT NULL DEFAULT '';
ALTER TABLE case_record ADD COLUMN referral_in_form TEXT NOT NULL DEFAULT '';
ALTER TABLE case_record ADD COLUMN referral_in_contact_id INTEGER REFERENCES contact(id);
ALTER TABLE case_record ADD COLUMN referral_out_form TEXT NOT NULL DEFAULT '';
ALTER TABLE case_record ADD COLUMN referral_out_contact_id INTEGER REFERENCES contact(id);
ALTER TABLE case_record ADD COLUMN liability_code TEXT NOT NULL DEFAULT '';
ALTER TABLE case_record ADD COLUMN liability_percent INTEGER;   -- NULL = not set
ALTER TABLE case_record ADD COLUMN incident_facts TEXT NOT NULL DEFAULT '';

CREATE TABLE udf_value (
  case_id   INTEGER NOT NULL REFERENCES case_record(id),
  field_id  INTEGER NOT NULL REFERENCES udf_field(id),
  value     TEXT NOT NULL,
  PRIMARY KEY (case_id, field_id)
) WITHOUT ROWID;
CREATE INDEX udf_value_field ON udf_value(field_id);

-- Parties -------------------------------------------------------------------------------------

ALTER TABLE case_party ADD COLUMN group_no INTEGER NOT NULL DEFAULT 1;
ALTER TABLE case_party ADD COLUMN primary_party INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_party ADD COLUMN primary_contact INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_party ADD COLUMN role TEXT NOT NULL DEFAULT '';
ALTER TABLE case_party ADD COLUMN represented INTEGER NOT NULL DEFAULT 1;  -- 0 = other plaintiff
ALTER TABLE case_party ADD COLUMN law_firm_id INTEGER REFERENCES contact(id);
ALTER TABLE case_party ADD COLUMN attorney_id INTEGER REFERENCES contact(id);
ALTER TABLE case_party ADD COLUMN injury_summary TEXT NOT NULL DEFAULT '';
ALTER TABLE case_party ADD COLUMN pleadings_summary TEXT NOT NULL DEFAULT '';
ALTER TABLE case_party ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX case_party_case ON case_party(case_id, kind, id);

CREATE TABLE party_insurance (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES case_record(id),
  party_id        INTEGER NOT NULL REFERENCES case_party(id),
  company_id      INTEGER REFERENCES contact(id),
  claim_number    TEXT NOT NULL DEFAULT '',
  policy_limits   TEXT NOT NULL DEFAULT '',
  no_fault_cents  INTEGER,
  um_sum_cents    INTEGER,
  adjuster_id     INTEGER REFERENCES contact(id),
  adjuster_phone  TEXT NOT NULL DEFAULT '',
  coverage_cents  INTEGER,
  version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX party_insurance_case ON party_insurance(case_id, party_id, id);
CREATE INDEX party_insurance_party ON party_insurance(party_id);

CREATE TABLE lien (
  id                INTEGER PRIMARY KEY,
  case_id           INTEGER NOT NULL REFERENCES case_record(id),
  party_id          INTEGER NOT NULL REFERENCES case_party(id),
  holder_id         INTEGER REFERENCES contact(id),
  description       TEXT NOT NULL DEFAULT '',
  amount_cents      INTEGER NOT NULL DEFAULT 0,
  negotiated_cents  INTEGER,
  final_cents       INTEGER,
  version           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX lien_case ON lien(case_id, party_id, id);
CREATE INDEX lien_party ON lien(party_id);

CREATE TABLE bankruptcy (
  id                   INTEGER PRIMARY KEY,
  case_id              INTEGER NOT NULL REFERENCES case_record(id),
  party_id             INTEGER NOT NULL REFERENCES case_party(id),
  court_id             INTEGER REFERENCES contact(id),
  judge                TEXT NOT NULL DEFAULT '',
  docket_number        TEXT NOT NULL DEFAULT '',
  trustee_id           INTEGER REFERENCES contact(id),
  trustee_attorney_id  INTEGER REFERENCES contact(id),
  retained_date        TEXT NOT NULL DEFAULT '',
  version              INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX bankruptcy_case ON bankruptcy(case_id, id);
CREATE INDEX bankruptcy_party ON bankruptcy(party_id);

-- Work on the case ----------------------------------------------------------------------------

CREATE TABLE task (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES case_record(id),
  subject       TEXT NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  priority      TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('critical','high','normal','low')),
  due_date      TEXT NOT NULL DEFAULT '',
  assignee_id   INTEGER REFERENCES app_user(id),
  completed     INTEGER NOT NULL DEFAULT 0,
  completed_at  INTEGER NOT NULL DEFAULT 0,
  completed_by  INTEGER REFERENCES app_user(id),
  created_by    INTEGER NOT NULL REFERENCES app_user(id),
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE INDEX task_case ON task(case_id, completed, due_date, id);
CREATE INDEX task_assignee ON task(assignee_id, completed);

CREATE TABLE appointment (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES case_record(id),
  starts_at   INTEGER NOT NULL,
  ends_at     INTEGER NOT NULL,
  subject     TEXT NOT NULL,
  comments    TEXT NOT NULL DEFAULT '',
  completed   INTEGER NOT NULL DEFAULT 0,
  created_by  INTEGER NOT NULL REFERENCES app_user(id),
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX appointment_case ON appointment(case_id, starts_at, id);

CREATE TABLE appointment_attendee (
  id              INTEGER PRIMARY KEY,
  appointment_id  INTEGER NOT NULL REFERENCES appointment(id),
  case_id         INTEGER NOT NULL REFERENCES case_record(id),
  user_id         INTEGER REFERENCES app_user(id),
  contact_id      INTEGER REFERENCES contact(id),
  CHECK ((user_id IS NULL) <> (contact_id IS NULL))
);
CREATE INDEX appointment_attendee_case ON appointment_attendee(case_id, appointment_id, id);
CREATE INDEX appointment_attendee_appointment ON appointment_attendee(appointment_id);
CREATE INDEX appointment_attendee_user ON appointment_attendee(user_id);
CREATE INDEX appointment_attendee_contact ON appointment_attendee(contact_id);

CREATE TABLE deadline (
  id                INTEGER PRIMARY KEY,
  case_id           INTEGER NOT NULL REFERENCES case_record(id),
  party_id          INTEGER REFERENCES case_party(id),
  kind              TEXT NOT NULL CHECK (kind IN ('plaintiff_sol','defendant_sol','critical')),
  deadline_type_id  INTEGER REFERENCES deadline_type(id),   -- set for kind 'critical'
  due_date          TEXT NOT NULL,
  comments          TEXT NOT NULL DEFAULT '',
  done              INTEGER NOT NULL DEFAULT 0,
  done_date         TEXT NOT NULL DEFAULT '',
  created_by        INTEGER NOT NULL REFERENCES app_user(id),
  version           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX deadline_case ON deadline(case_id, done, due_date, id);
CREATE INDEX deadline_party ON deadline(party_id);
CREATE INDEX deadline_type_use ON deadline(deadline_type_id);

CREATE TABLE case_court (
  id             INTEGER PRIMARY KEY,
  case_id        INTEGER NOT NULL REFERENCES case_record(id),
  court_id       INTEGER NOT NULL REFERENCES contact(id),
  docket_number  TEXT NOT NULL DEFAULT '',
  filing_date    TEXT NOT NULL DEFAULT '',
  version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX case_court_case ON case_court(case_id, id);
CREATE INDEX case_court_court ON case_court(court_id);

CREATE TABLE court_personnel (
  id             INTEGER PRIMARY KEY,
  case_court_id  INTEGER NOT NULL REFERENCES case_court(id),
  case_id        INTEGER NOT NULL REFERENCES case_record(id),
  contact_id     INTEGER NOT NULL REFERENCES contact(id),
  role           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX court_personnel_case ON court_personnel(case_id, case_court_id, id);
CREATE INDEX court_personnel_court ON court_personnel(case_court_id);
CREATE INDEX court_personnel_contact ON court_personnel(contact_id);

-- Where a contact is used (store_contact_usage) and what a contact's deletion checks: the
-- references to contacts that have no index above, indexed where they are set.
CREATE INDEX case_party_law_firm ON case_party(law_firm_id) WHERE law_firm_id IS NOT NULL;
CREATE INDEX case_party_attorney ON case_party(attorney_id) WHERE attorney_id IS NOT NULL;
CREATE INDEX party_insurance_company ON party_insurance(company_id) WHERE company_id IS NOT NULL;
CREATE INDEX party_insurance_adjuster ON party_insurance(adjuster_id) WHERE adjuster_id IS NOT NULL;
CREATE INDEX lien_holder ON lien(holder_id) WHERE holder_id IS NOT NULL;
CREATE INDEX bankruptcy_court ON bankruptcy(court_id) WHERE court_id IS NOT NULL;
CREATE INDEX bankruptcy_trustee ON bankruptcy(trustee_id) WHERE trustee_id IS NOT NULL;
CREATE INDEX bankruptcy_trustee_attorney ON bankruptcy(trustee_attorney_id)
  WHERE trustee_attorney_id IS NOT NULL;
CREATE INDEX case_record_referral_in ON case_record(referral_in_contact_id)
  WHERE referral_in_contact_id IS NOT NULL;
CREATE INDEX case_record_referral_out ON case_record(referral_out_contact_id)
  WHERE referral_out_contact_id IS NOT NULL;
