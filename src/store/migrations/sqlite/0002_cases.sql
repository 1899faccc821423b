-- 0002_cases: the firm's vocabulary (setup lists), contacts, cases, their statuses, staff,
-- notes, value history, related cases, parties and the hash-chained timeline.
-- Dates are TEXT 'YYYY-MM-DD' ('' = not set); times are Unix seconds (UTC).

CREATE TABLE setting (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE counter (
  name   TEXT PRIMARY KEY,
  value  INTEGER NOT NULL
) WITHOUT ROWID;

-- Setup lists -------------------------------------------------------------------------------

CREATE TABLE case_type (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  grp       TEXT NOT NULL CHECK (grp IN ('legal','insurance','mortgage','protection','support')),
  position  INTEGER NOT NULL DEFAULT 0,
  version   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE case_subtype (
  id            INTEGER PRIMARY KEY,
  case_type_id  INTEGER NOT NULL REFERENCES case_type(id),
  name          TEXT NOT NULL,
  position      INTEGER NOT NULL DEFAULT 0,
  version       INTEGER NOT NULL DEFAULT 1,
  UNIQUE (case_type_id, name)
);

CREATE TABLE status_type (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  is_stage  INTEGER NOT NULL DEFAULT 0,
  position  INTEGER NOT NULL DEFAULT 0,
  version   INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX status_type_one_stage ON status_type(is_stage) WHERE is_stage = 1;

CREATE TABLE status (
  id              INTEGER PRIMARY KEY,
  status_type_id  INTEGER NOT NULL REFERENCES status_type(id),
  name            TEXT NOT NULL,
  expected_days   INTEGER NOT NULL DEFAULT 0,
  is_closing      INTEGER NOT NULL DEFAULT 0,
  grp             TEXT NOT NULL DEFAULT '',   -- '' = every group
  position        INTEGER NOT NULL DEFAULT 0,
  version         INTEGER NOT NULL DEFAULT 1,
  UNIQUE (status_type_id, name)
);

CREATE TABLE close_reason (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  position  INTEGER NOT NULL DEFAULT 0,
  version   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE staff_role (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  category  TEXT NOT NULL DEFAULT '' CHECK (category IN ('','attorney','paralegal','case_manager','advisor','owner')),
  position  INTEGER NOT NULL DEFAULT 0,
  version   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE note_type (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE,
  client_facing  INTEGER NOT NULL DEFAULT 0,
  position       INTEGER NOT NULL DEFAULT 0,
  version        INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE value_range (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL UNIQUE,
  low_cents           INTEGER NOT NULL DEFAULT 0,
  high_cents          INTEGER NOT NULL DEFAULT 0,
  disbursement_cents  INTEGER NOT NULL DEFAULT 0,
  position            INTEGER NOT NULL DEFAULT 0,
  version             INTEGER NOT NULL DEFAULT 1
);

-- Contacts (minimal here; the case summary issue adds the detail) ----------------------------

CREATE TABLE contact (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('person','organisation')),
  first_name  TEXT NOT NULL DEFAULT '',
  last_name   TEXT NOT NULL DEFAULT '',
  org_name    TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX contact_last_name ON contact(last_name COLLATE NOCASE);
CREATE INDEX contact_org_name ON contact(org_name COLLATE NOCASE);

ALTER TABLE app_user ADD COLUMN contact_id INTEGER REFERENCES contact(id);

-- Cases -------------------------------------------------------------------------------------

CREATE TABLE case_record (
  id                        INTEGER PRIMARY KEY,
  number                    TEXT,                 -- NULL = no number
  name                      TEXT NOT NULL,
  case_type_id              INTEGER NOT NULL REFERENCES case_type(id),
  case_subtype_id           INTEGER REFERENCES case_subtype(id),
  state                     TEXT NOT NULL DEFAULT '',
  office_id                 INTEGER REFERENCES office(id),
  incident_date             TEXT NOT NULL DEFAULT '',
  opened_date               TEXT NOT NULL,
  wanted_date               TEXT NOT NULL DEFAULT '',
  expected_resolution_date  TEXT NOT NULL DEFAULT '',
  closed_date               TEXT NOT NULL DEFAULT '',   -- set while the stage is a closing one
  value_range_id            INTEGER REFERENCES value_range(id),
  min_settlement_cents      INTEGER,
  value_comments            TEXT NOT NULL DEFAULT '',
  serious_injury            INTEGER NOT NULL DEFAULT 0,
  mdl_master                INTEGER NOT NULL DEFAULT 0,
  description               TEXT NOT NULL DEFAULT '',
  owner_id                  INTEGER NOT NULL REFERENCES app_user(id),
  stage_status_id           INTEGER REFERENCES status(id),  -- the current primary status
  deleted                   INTEGER NOT NULL DEFAULT 0,
  created_by                INTEGER NOT NULL REFERENCES app_user(id),
  version                   INTEGER NOT NULL DEFAULT 1,
  created_at                INTEGER NOT NULL,
  updated_at                INTEGER NOT NULL
);
CREATE UNIQUE INDEX case_record_number ON case_record(number) WHERE number IS NOT NULL;
CREATE INDEX case_record_type ON case_record(case_type_id, id);
CREATE INDEX case_record_stage ON case_record(stage_status_id, id);
CREATE INDEX case_record_office ON case_record(office_id, id);
CREATE INDEX case_record_owner ON case_record(owner_id, id);
CREATE INDEX case_record_opened ON case_record(opened_date, id);
CREATE INDEX case_record_value_range ON case_record(value_range_id);

CREATE VIRTUAL TABLE case_fts USING fts5(number, name, description,
  content='case_record', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
-- case_fts is kept by the store (sqlite/case.c) in the statements that write a case, not by
-- triggers: with trusted_schema=OFF a trigger may not write to a virtual table.

CREATE TABLE case_value_history (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES case_record(id),
  value_range_id  INTEGER REFERENCES value_range(id),   -- NULL = value cleared
  from_date       TEXT NOT NULL,
  to_date         TEXT NOT NULL DEFAULT '',             -- '' = current
  user_id         INTEGER NOT NULL REFERENCES app_user(id),
  comments        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_value_history_case ON case_value_history(case_id, id);

CREATE TABLE case_status (
  id               INTEGER PRIMARY KEY,
  case_id          INTEGER NOT NULL REFERENCES case_record(id),
  status_type_id   INTEGER NOT NULL REFERENCES status_type(id),
  status_id        INTEGER NOT NULL REFERENCES status(id),
  expected_days    INTEGER NOT NULL DEFAULT 0,
  from_date        TEXT NOT NULL,
  to_date          TEXT NOT NULL DEFAULT '',
  current          INTEGER NOT NULL DEFAULT 1,
  user_id          INTEGER NOT NULL REFERENCES app_user(id),
  comments         TEXT NOT NULL DEFAULT '',
  close_reason_id  INTEGER REFERENCES close_reason(id),
  version          INTEGER NOT NULL DEFAULT 1,
  created_at       INTEGER NOT NULL
);
CREATE INDEX case_status_case ON case_status(case_id, current);
CREATE UNIQUE INDEX case_status_one_current ON case_status(case_id, status_type_id) WHERE current = 1;
CREATE INDEX case_status_status ON case_status(status_id, current);
CREATE INDEX case_status_close_reason ON case_status(close_reason_id);

CREATE TABLE case_staff (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES case_record(id),
  user_id     INTEGER REFERENCES app_user(id),
  contact_id  INTEGER REFERENCES contact(id),
  role_id     INTEGER NOT NULL REFERENCES staff_role(id),
  comments    TEXT NOT NULL DEFAULT '',
  from_date   TEXT NOT NULL,
  to_date     TEXT NOT NULL DEFAULT '',
  current     INTEGER NOT NULL DEFAULT 1,
  version     INTEGER NOT NULL DEFAULT 1,
  CHECK ((user_id IS NULL) <> (contact_id IS NULL))
);
CREATE INDEX case_staff_case ON case_staff(case_id, current);
CREATE INDEX case_staff_user ON case_staff(user_id, current, case_id);
CREATE INDEX case_staff_contact ON case_staff(contact_id);
CREATE INDEX case_staff_role ON case_staff(role_id);

CREATE TABLE note (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES case_record(id),
  note_type_id  INTEGER NOT NULL REFERENCES note_type(id),
  body          TEXT NOT NULL,
  at            INTEGER NOT NULL,            -- the note's date and time
  created_by    INTEGER NOT NULL REFERENCES app_user(id),
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE INDEX note_case ON note(case_id, at, id);
CREATE INDEX note_type_use ON note(note_type_id);

CREATE VIRTUAL TABLE note_fts USING fts5(body, content='note', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
-- note_fts is kept by the store (sqlite/note.c), for the same reason as case_fts.

CREATE TABLE case_related (
  case_id     INTEGER NOT NULL REFERENCES case_record(id),
  other_id    INTEGER NOT NULL REFERENCES case_record(id),
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (case_id, other_id)
) WITHOUT ROWID;

CREATE TABLE case_party (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES case_record(id),
  contact_id  INTEGER NOT NULL REFERENCES contact(id),
  kind        TEXT NOT NULL CHECK (kind IN ('plaintiff','defendant')),
  UNIQUE (case_id, contact_id, kind)
);
CREATE INDEX case_party_contact ON case_party(contact_id, kind, case_id);

CREATE TABLE timeline_event (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES case_record(id),
  seq          INTEGER NOT NULL,      -- 1, 2, 3 ... per case
  at           INTEGER NOT NULL,
  event_type   TEXT NOT NULL,
  user_id      INTEGER NOT NULL DEFAULT 0,   -- 0 = the system
  description  TEXT NOT NULL,
  prev_hash    BLOB NOT NULL,
  hash         BLOB NOT NULL,
  UNIQUE (case_id, seq)
);
