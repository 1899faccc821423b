-- bench/dataset-sqlite.sql - fills a fresh SQLite database (after `caseload init`) with N cases of
-- realistic shape for the summary benchmark. Run by bench/dataset.sh, which first creates
-- TEMP TABLE bench_n(n) holding N; nothing here is built from input.
--
-- Shape: one case in 50 is "typical-full": 10 parties (5 represented plaintiffs, 1 other
-- plaintiff, 4 defendants with their insurance), 50 notes, 20 tasks (5 done), 30 status rows
-- (2 current), 3 staff, 4 appointments with attendees, 4 deadlines (1 done), 2 liens, a court
-- with 2 personnel, 2 user-defined values. The others are small: a plaintiff and a defendant
-- (with insurance), 4 notes, 2 tasks, 3 status rows, 1 staff, 1 appointment, 1 deadline. Every
-- case has a value history row; one in 100 is related to the case before it; one in 500 has a
-- bankruptcy. Timeline rows and the full-text indexes are not filled (the summary reads
-- neither); the data are for reading, not for searching or editing.
--
-- Ids are explicit and derived from the case id i, so that rows find each other without
-- lookups: party i*10+j (j = 0..9), its contact i*10+j+100. Contacts 1..99 are shared:
-- insurers 1..20, courts 21..30, judges 31..40, lien holders 41..50. Staff users are 100..109.
-- Rows are written in case order, so every (case_id, ...) index is appended to, not shuffled.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1500000;
PRAGMA foreign_keys = OFF;

BEGIN;

-- the series the inserts walk: cases 1..N, and 1..50 for the rows of one case
CREATE TEMP TABLE bench_case (i INTEGER PRIMARY KEY, is_full INTEGER NOT NULL, day INTEGER NOT NULL);
INSERT INTO bench_case
  WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < (SELECT n FROM bench_n))
  SELECT i, i % 50 = 0, julianday('2019-01-01') + (i * 7919) % 2000 FROM s;
CREATE TEMP TABLE bench_k (i INTEGER PRIMARY KEY);
INSERT INTO bench_k
  WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 50) SELECT i FROM s;

-- the vocabulary ---------------------------------------------------------------------------------
INSERT INTO office (id, name, created_at, updated_at) VALUES (1, 'Bench Office', 1700000000, 1700000000);
INSERT INTO app_user (id, login, name, email, role, office_id, password_hash, created_at, updated_at)
  SELECT 100 + i - 1, 'bench.staff' || i, 'Staff Member ' || i, 'staff' || i || '@bench.test',
         'staff', 1, '!', 1700000000, 1700000000
  FROM bench_k WHERE i <= 10;
INSERT INTO case_type (id, name, grp, position) VALUES (1, 'Auto Accident', 'legal', 1),
  (2, 'Premises Liability', 'legal', 2);
INSERT INTO status_type (id, name, is_stage, position) VALUES (1, 'Stage', 1, 0), (2, 'Medical', 0, 1);
INSERT INTO status (id, status_type_id, name, expected_days, is_closing, grp, position) VALUES
  (1, 1, 'Intake', 30, 0, 'legal', 1), (2, 1, 'Pre-Litigation', 60, 0, 'legal', 2),
  (3, 1, 'Litigation', 90, 0, 'legal', 3), (4, 1, 'Settlement', 45, 0, 'legal', 4),
  (5, 1, 'Closed Case', 0, 1, '', 5),
  (6, 2, 'Treating', 14, 0, '', 1), (7, 2, 'Records Requested', 30, 0, '', 2),
  (8, 2, 'Done Treating', 0, 0, '', 3);
INSERT INTO close_reason (id, name, position) VALUES (1, 'Settled', 1);
INSERT INTO staff_role (id, name, category, position) VALUES (1, 'Lead Attorney', 'attorney', 1),
  (2, 'Paralegal', 'paralegal', 2), (3, 'Case Manager', 'case_manager', 3);
INSERT INTO note_type (id, name, client_facing, position) VALUES (1, 'General', 0, 1),
  (2, 'Client Update', 1, 2);
INSERT INTO value_range (id, name, low_cents, high_cents, position) VALUES
  (1, 'Under $100k', 0, 9999999, 1), (2, '$100k-$250k', 10000000, 25000000, 2);
INSERT INTO deadline_type (id, name, position) VALUES (1, 'Motion Deadline', 1);
INSERT INTO udf_field (id, case_type_id, name, format, required, options, position) VALUES
  (1, 1, 'Police Report', 'yesno', 0, '', 1),
  (2, 1, 'Venue', 'picklist', 0, 'Kings' || char(10) || 'Queens', 2),
  (3, 1, 'Claim Value', 'money', 0, '', 3);
INSERT INTO contact (id, kind, org_name, created_at, updated_at)
  SELECT i, 'organisation',
         CASE WHEN i <= 20 THEN 'Insurer ' || i WHEN i <= 30 THEN 'Court ' || i
              ELSE 'Lien Holder ' || i END, 1700000000, 1700000000
  FROM bench_k WHERE i <= 30 OR i BETWEEN 41 AND 50;
INSERT INTO contact (id, kind, first_name, last_name, created_at, updated_at)
  SELECT i, 'person', 'Judge', 'Number ' || i, 1700000000, 1700000000
  FROM bench_k WHERE i BETWEEN 31 AND 40;

-- cases ------------------------------------------------------------------------------------------
INSERT INTO case_record (id, number, name, case_type_id, state, office_id, incident_date,
    opened_date, value_range_id, serious_injury, description, owner_id, stage_status_id,
    created_by, created_at, updated_at, referral_in_form, liability_percent, incident_facts)
  SELECT i, 'B-' || substr('0000000' || i, -8), 'Bench case ' || i, 1 + (i % 5 = 1), 'NY', 1,
         date(day), date(day + 10), 1 + i % 2, i % 7 = 0, 'Generated for the benchmark.',
         100 + i % 10, 1 + i % 4, 100 + i % 10, 1700000000 + i, 1700000000 + i, 'Web',
         NULL, 'Rear-ended at a light.'
  FROM bench_case;

INSERT INTO case_value_history (case_id, value_range_id, from_date, user_id, comments)
  SELECT i, 1 + i % 2, date(day + 10), 100 + i % 10, '' FROM bench_case;

-- status rows: the last is the current stage; on a full case the one before it is the current
-- medical status; the rest are history
INSERT INTO case_status (case_id, status_type_id, status_id, expected_days, from_date, to_date,
    current, user_id, created_at)
  SELECT c.i,
         CASE WHEN k.i = m THEN 1 WHEN c.is_full AND k.i = m - 1 THEN 2 ELSE 1 + k.i % 2 END,
         CASE WHEN k.i = m THEN 1 + c.i % 4 WHEN c.is_full AND k.i = m - 1 THEN 6
              WHEN k.i % 2 = 0 THEN 1 + k.i % 4 ELSE 6 + k.i % 3 END,
         30, date(c.day + 10 + k.i * 5),
         CASE WHEN k.i = m OR (c.is_full AND k.i = m - 1) THEN '' ELSE date(c.day + 15 + k.i * 5) END,
         k.i = m OR (c.is_full AND k.i = m - 1), 100 + c.i % 10, 1700000000 + c.i
  FROM (SELECT i, is_full, day, CASE WHEN is_full THEN 30 ELSE 3 END AS m FROM bench_case) c
  CROSS JOIN bench_k k WHERE k.i <= c.m;

INSERT INTO case_staff (case_id, user_id, role_id, from_date)
  SELECT c.i, 100 + (c.i + k.i) % 10, k.i, date(c.day + 10)
  FROM bench_case c CROSS JOIN bench_k k WHERE k.i <= CASE WHEN c.is_full THEN 3 ELSE 1 END;

INSERT INTO note (case_id, note_type_id, body, at, created_by, created_at, updated_at)
  SELECT c.i, 1 + (k.i % 5 = 0),
         'Note ' || k.i || ': called the adjuster about the claim and the medical records.',
         1700000000 + c.i * 10 + k.i * 86400, 100 + c.i % 10, 1700000000, 1700000000
  FROM bench_case c CROSS JOIN bench_k k WHERE k.i <= CASE WHEN c.is_full THEN 50 ELSE 4 END;

-- contacts and parties: on a full case j = 0..4 represented plaintiffs, 5 an other plaintiff,
-- 6..9 defendants; on a small one j = 0 plaintiff, 1 defendant
INSERT INTO contact (id, kind, first_name, last_name, email, phone, birth_date, created_at, updated_at)
  SELECT c.i * 10 + k.i - 1 + 100, 'person', 'Person' || (k.i - 1), 'Of Case ' || c.i,
         'p' || c.i || '_' || k.i || '@bench.test', '555-0100', date(2440000 + (c.i * 31 + k.i) % 20000),
         1700000000, 1700000000
  FROM bench_case c CROSS JOIN bench_k k WHERE k.i <= CASE WHEN c.is_full THEN 10 ELSE 2 END;

INSERT INTO case_party (id, case_id, contact_id, kind, group_no, primary_party, primary_contact,
    role, represented, injury_summary)
  SELECT c.i * 10 + j, c.i, c.i * 10 + j + 100,
         CASE WHEN j < (CASE WHEN c.is_full THEN 6 ELSE 1 END) THEN 'plaintiff' ELSE 'defendant' END,
         1, j = 0, j = 0, CASE WHEN j = 0 THEN 'Driver' ELSE 'Passenger' END,
         NOT (c.is_full AND j = 5),
         CASE WHEN j < (CASE WHEN c.is_full THEN 5 ELSE 1 END) THEN 'Neck and back injuries' ELSE '' END
  FROM bench_case c CROSS JOIN (SELECT i - 1 AS j FROM bench_k WHERE i <= 10) k
  WHERE j < CASE WHEN c.is_full THEN 10 ELSE 2 END;

INSERT INTO party_insurance (case_id, party_id, company_id, claim_number, policy_limits,
    adjuster_phone, coverage_cents)
  SELECT c.i, c.i * 10 + j, 1 + (c.i + j) % 20, 'CLM-' || c.i || '-' || j, '100/300', '555-0199',
         10000000
  FROM bench_case c CROSS JOIN (SELECT i - 1 AS j FROM bench_k WHERE i <= 10) k
  WHERE (c.is_full AND j >= 6) OR (NOT c.is_full AND j = 1);

INSERT INTO lien (case_id, party_id, holder_id, description, amount_cents, negotiated_cents)
  SELECT c.i, c.i * 10, 41 + (c.i + k.i) % 10, 'Medical lien ' || k.i, 250000 * k.i,
         CASE WHEN k.i = 1 THEN 200000 END
  FROM bench_case c CROSS JOIN bench_k k WHERE c.is_full AND k.i <= 2;

INSERT INTO bankruptcy (case_id, party_id, court_id, judge, docket_number, retained_date)
  SELECT i, i * 10 + 1, 21 + i % 10, 'Hon. Bench', 'BK-' || i, date(day + 100)
  FROM bench_case WHERE i % 500 = 0;

INSERT INTO case_related (case_id, other_id, created_at)
  SELECT i, i - 1, 1700000000 FROM bench_case WHERE i % 100 = 0
  UNION ALL SELECT i - 1, i, 1700000000 FROM bench_case WHERE i % 100 = 0
  ORDER BY 1, 2;

-- work on the case
INSERT INTO task (case_id, subject, priority, due_date, assignee_id, completed, completed_at,
    completed_by, created_by, created_at, updated_at)
  SELECT c.i, 'Task ' || k.i || ': request records',
         CASE k.i % 4 WHEN 0 THEN 'critical' WHEN 1 THEN 'high' WHEN 2 THEN 'normal' ELSE 'low' END,
         CASE WHEN k.i % 3 = 0 THEN '' ELSE date(c.day + 30 + k.i * 7) END, 100 + (c.i + k.i) % 10,
         k.i <= (CASE WHEN c.is_full THEN 5 ELSE 1 END),
         CASE WHEN k.i <= (CASE WHEN c.is_full THEN 5 ELSE 1 END) THEN 1700000000 ELSE 0 END,
         CASE WHEN k.i <= (CASE WHEN c.is_full THEN 5 ELSE 1 END) THEN 100 + c.i % 10 END,
         100 + c.i % 10, 1700000000, 1700000000
  FROM bench_case c CROSS JOIN bench_k k WHERE k.i <= CASE WHEN c.is_full THEN 20 ELSE 2 END;

INSERT INTO appointment (id, case_id, starts_at, ends_at, subject, completed, created_by,
    created_at, updated_at)
  SELECT c.i * 4 + k.i - 1, c.i, CAST(strftime('%s', 'now') AS INTEGER) + (k.i - 2) * 604800 + c.i % 86400,
         CAST(strftime('%s', 'now') AS INTEGER) + (k.i - 2) * 604800 + c.i % 86400 + 3600,
         'Meeting ' || k.i, k.i = 1, 100 + c.i % 10, 1700000000, 1700000000
  FROM bench_case c CROSS JOIN bench_k k WHERE k.i <= CASE WHEN c.is_full THEN 4 ELSE 1 END;

INSERT INTO appointment_attendee (appointment_id, case_id, user_id, contact_id)
  SELECT c.i * 4 + k.i - 1, c.i, CASE WHEN a.i = 1 THEN 100 + c.i % 10 END,
         CASE WHEN a.i = 2 THEN c.i * 10 + 100 END
  FROM bench_case c CROSS JOIN bench_k k CROSS JOIN bench_k a
  WHERE k.i <= CASE WHEN c.is_full THEN 4 ELSE 1 END AND a.i <= CASE WHEN c.is_full THEN 2 ELSE 1 END;

INSERT INTO deadline (case_id, party_id, kind, deadline_type_id, due_date, done, done_date, created_by)
  SELECT c.i,
         CASE k.i WHEN 1 THEN c.i * 10 WHEN 2 THEN c.i * 10 + 6 END,
         CASE k.i WHEN 1 THEN 'plaintiff_sol' WHEN 2 THEN 'defendant_sol' ELSE 'critical' END,
         CASE WHEN k.i > 2 THEN 1 END, date(c.day + 1095 - k.i * 30), k.i = 4,
         CASE WHEN k.i = 4 THEN date(c.day + 400) ELSE '' END, 100 + c.i % 10
  FROM bench_case c CROSS JOIN bench_k k WHERE k.i <= CASE WHEN c.is_full THEN 4 ELSE 1 END;

INSERT INTO case_court (id, case_id, court_id, docket_number, filing_date)
  SELECT i, i, 21 + i % 10, 'IDX-' || i, date(day + 200) FROM bench_case WHERE is_full;
INSERT INTO court_personnel (case_court_id, case_id, contact_id, role)
  SELECT c.i, c.i, 31 + (c.i + k.i) % 10, CASE k.i WHEN 1 THEN 'Judge' ELSE 'Clerk' END
  FROM bench_case c CROSS JOIN bench_k k WHERE c.is_full AND k.i <= 2;

INSERT INTO udf_value (case_id, field_id, value)
  SELECT c.i, k.i, CASE k.i WHEN 1 THEN '1' ELSE 'Kings' END
  FROM bench_case c CROSS JOIN bench_k k WHERE c.is_full AND c.i % 5 <> 1 AND k.i <= 2;

DROP TABLE bench_case;
DROP TABLE bench_k;
COMMIT;

PRAGMA journal_mode = WAL;
