-- 0004_status_reports: the insurance side of a case and the case status reports sent to its
-- advisors: a pending case's policy data, its requirements, which advisor roles are primary,
-- each office's follow-up method, the advisors' logs, frozen previews and the sends made from
-- them, the e-mail outbox and the rendered letters.
-- Dates are TEXT 'YYYY-MM-DD' ('' = not set); times are Unix seconds (UTC); money is integer
-- cents, NULL = not given. Never edit once landed.

-- Pending cases -------------------------------------------------------------------------------

-- The policy data of an insurance case (one row per case at most). kind: a formal case, an
-- informal one, an informal child (of parent_case_id) or a group pending case.
CREATE TABLE case_policy (
  case_id             INTEGER PRIMARY KEY REFERENCES case_record(id),
  policy_number       TEXT NOT NULL DEFAULT '',
  insured_contact_id  INTEGER REFERENCES contact(id),
  carrier_contact_id  INTEGER REFERENCES contact(id),
  product             TEXT NOT NULL DEFAULT '',
  amount_cents        INTEGER,
  kind                TEXT NOT NULL DEFAULT 'formal'
                        CHECK (kind IN ('formal','informal','informal_child','group')),
  parent_case_id      INTEGER REFERENCES case_record(id),
  next_follow_up      TEXT NOT NULL DEFAULT '',
  last_follow_up      TEXT NOT NULL DEFAULT '',
  version             INTEGER NOT NULL DEFAULT 1,
  updated_at          INTEGER NOT NULL,
  CHECK ((kind = 'informal_child') = (parent_case_id IS NOT NULL))
);
CREATE INDEX case_policy_follow_up ON case_policy(next_follow_up, case_id) WHERE next_follow_up <> '';
CREATE INDEX case_policy_parent ON case_policy(parent_case_id) WHERE parent_case_id IS NOT NULL;
CREATE INDEX case_policy_insured ON case_policy(insured_contact_id) WHERE insured_contact_id IS NOT NULL;
CREATE INDEX case_policy_carrier ON case_policy(carrier_contact_id) WHERE carrier_contact_id IS NOT NULL;

-- What the carrier still needs (or has had) before the policy is placed, in the order listed.
CREATE TABLE requirement (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES case_record(id),
  name            TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'outstanding'
                    CHECK (status IN ('outstanding','received','waived')),
  is_key          INTEGER NOT NULL DEFAULT 0,     -- shown in bold
  is_pos          INTEGER NOT NULL DEFAULT 0,     -- a policy owner service requirement
  position        INTEGER NOT NULL DEFAULT 0,
  requested_date  TEXT NOT NULL DEFAULT '',
  received_date   TEXT NOT NULL DEFAULT '',
  comments        TEXT NOT NULL DEFAULT '',
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX requirement_case ON requirement(case_id, position, id);

-- An advisor on a case is current case staff in an advisor role: a contact, or a user through
-- the user's own contact (found by this index when reports select advisors).
CREATE INDEX app_user_contact ON app_user(contact_id) WHERE contact_id IS NOT NULL;

-- An advisor role (category 'advisor') may be the primary one ("Primary Advisor").
ALTER TABLE staff_role ADD COLUMN primary_advisor INTEGER NOT NULL DEFAULT 0;
UPDATE staff_role SET primary_advisor = 1 WHERE category = 'advisor' AND name = 'Primary Advisor';

-- Follow-ups: none, or stage-based (an interval and report text per stage status).
ALTER TABLE office ADD COLUMN follow_up_method TEXT NOT NULL DEFAULT 'none'
  CHECK (follow_up_method IN ('none','stage'));

CREATE TABLE office_follow_up (
  office_id      INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
  status_id      INTEGER NOT NULL REFERENCES status(id),
  interval_days  INTEGER NOT NULL CHECK (interval_days BETWEEN 1 AND 365),
  report_text    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (office_id, status_id)
) WITHOUT ROWID;
CREATE INDEX office_follow_up_status ON office_follow_up(status_id);

-- The note type of the pending case note each sent report leaves on its cases.
INSERT INTO note_type (name, client_facing, position)
  SELECT 'Pending Case', 0, 90 WHERE NOT EXISTS (SELECT 1 FROM note_type WHERE name = 'Pending Case');

-- Status reports ------------------------------------------------------------------------------

-- A preview: the options as validated (JSON) and what they selected, frozen.
CREATE TABLE report_preview (
  id          INTEGER PRIMARY KEY,
  options     TEXT NOT NULL,
  today       TEXT NOT NULL,                  -- the firm's date when it was made
  created_by  INTEGER NOT NULL REFERENCES app_user(id),
  created_at  INTEGER NOT NULL
);

-- One report of a preview: one advisor, by one method, covering one or more cases. After the
-- send, it also says what became of it (letters: outcome; e-mails: the outbox row).
CREATE TABLE report_item (
  id          INTEGER PRIMARY KEY,
  preview_id  INTEGER NOT NULL REFERENCES report_preview(id),
  seq         INTEGER NOT NULL,               -- order in the preview
  sort_key    TEXT NOT NULL,                  -- letters: primary advisor's last name, ...
  contact_id  INTEGER NOT NULL REFERENCES contact(id),
  method      TEXT NOT NULL CHECK (method IN ('email','letter')),
  address     TEXT NOT NULL DEFAULT '',       -- the e-mail address, or the postal address
  issues      TEXT NOT NULL DEFAULT '',       -- JSON array of {code, message}; '' = none
  applied     INTEGER NOT NULL DEFAULT 0,     -- send: notes, log, follow-ups and mail written
  outcome     TEXT NOT NULL DEFAULT 'pending'
                CHECK (outcome IN ('pending','queued','emailed','printed','failed')),
  reason      TEXT NOT NULL DEFAULT '',
  UNIQUE (preview_id, seq)
);
CREATE INDEX report_item_contact ON report_item(contact_id);
CREATE INDEX report_item_sort ON report_item(preview_id, method, sort_key, seq);

CREATE TABLE report_item_case (
  item_id   INTEGER NOT NULL REFERENCES report_item(id),
  position  INTEGER NOT NULL,
  case_id   INTEGER NOT NULL REFERENCES case_record(id),
  PRIMARY KEY (item_id, position)
) WITHOUT ROWID;
CREATE INDEX report_item_case_case ON report_item_case(case_id);

-- A send of a preview; at most one per preview, which makes a re-run of the same send find the
-- first one instead of sending again.
CREATE TABLE report_send (
  id             INTEGER PRIMARY KEY,
  preview_id     INTEGER NOT NULL UNIQUE REFERENCES report_preview(id),
  state          TEXT NOT NULL DEFAULT 'preparing' CHECK (state IN ('preparing','prepared')),
  letters_state  TEXT NOT NULL DEFAULT 'none'
                   CHECK (letters_state IN ('none','pending','rendering','done','failed')),
  letters_pages  INTEGER NOT NULL DEFAULT 0,
  letters_bytes  INTEGER NOT NULL DEFAULT 0,
  letters_error  TEXT NOT NULL DEFAULT '',
  claimed_until  INTEGER NOT NULL DEFAULT 0,  -- a worker's lease on the send's next step
  created_by     INTEGER NOT NULL REFERENCES app_user(id),
  created_at     INTEGER NOT NULL,
  finished_at    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX report_send_work ON report_send(state, letters_state);

-- The letters of a send as one PDF, in chunks.
CREATE TABLE report_letters_chunk (
  send_id  INTEGER NOT NULL REFERENCES report_send(id),
  seq      INTEGER NOT NULL,
  data     BLOB NOT NULL,
  PRIMARY KEY (send_id, seq)
) WITHOUT ROWID;

-- What was sent to each advisor (the reference's advisor log).
CREATE TABLE advisor_log (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER NOT NULL REFERENCES contact(id),
  case_id     INTEGER REFERENCES case_record(id),
  send_id     INTEGER REFERENCES report_send(id),
  at          INTEGER NOT NULL,
  method      TEXT NOT NULL CHECK (method IN ('email','letter')),
  subject     TEXT NOT NULL,
  body        TEXT NOT NULL DEFAULT '',
  user_id     INTEGER NOT NULL DEFAULT 0,
  UNIQUE (send_id, contact_id, case_id)
);
CREATE INDEX advisor_log_contact ON advisor_log(contact_id, at, id);
CREATE INDEX advisor_log_case ON advisor_log(case_id);

-- E-mail outbox -------------------------------------------------------------------------------

-- Every e-mail the server sends: written in the transaction of the change that causes it, then
-- drained by jobs/outbox.c. pending -> sending (committed before SMTP) -> sent | failed |
-- in_doubt (caught in sending: never resent by itself; an operator resolves it).
CREATE TABLE mail_outbox (
  id               INTEGER PRIMARY KEY,
  run_id           TEXT NOT NULL,              -- what produced it, e.g. 'status-report/12'
  recipient_id     TEXT NOT NULL,              -- who within the run, e.g. the report item id
  message_id       TEXT NOT NULL UNIQUE,       -- deterministic: from run and recipient
  mail_from        TEXT NOT NULL,
  rcpt_to          TEXT NOT NULL,
  subject          TEXT NOT NULL,
  message          BLOB NOT NULL,              -- the whole RFC 5322 message, CRLF line ends
  state            TEXT NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending','sending','sent','failed','in_doubt')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL DEFAULT 0,
  claimed_by       TEXT NOT NULL DEFAULT '',   -- the worker that moved it to sending
  claimed_until    INTEGER NOT NULL DEFAULT 0, -- after this a row in sending becomes in_doubt
  last_error       TEXT NOT NULL DEFAULT '',
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  sent_at          INTEGER NOT NULL DEFAULT 0,
  UNIQUE (run_id, recipient_id)
);
CREATE INDEX mail_outbox_due ON mail_outbox(state, next_attempt_at);

-- The note search index without positions (detail=none): note search matches words and word
-- prefixes only (sqlite/search.c), never phrases or NEAR, and a status report send writes a
-- note on every case it covers, where positions made each insert ~20 % dearer. The index is
-- made again from the notes.
DROP TABLE note_fts;
CREATE VIRTUAL TABLE note_fts USING fts5(body, content='note', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2', detail=none);
INSERT INTO note_fts(note_fts) VALUES ('rebuild');
