-- bench/reports-dataset-sqlite.sql - fills a fresh SQLite database (after `caseload init`) with
-- the status report benchmark's data: A advisors over N pending insurance cases (bench_n holds
-- N and A; bench/status_report.sh creates it). Nothing here is built from input.
--
-- Shape: one office; an insurance case type with four stage statuses; advisors are contacts
-- 1000.. (one in five prefers letters and has a full postal address; the others prefer e-mail),
-- each with an e-mail channel. Case i has its primary advisor 1000 + i % A, and one case in three
-- also a writing advisor 1000 + (i * 7) % A, so every advisor is on ~N/A * 1.3 cases. Each case
-- has a policy row (number, insured, carrier, product, amount), its current stage row, and four
-- requirements (one key, one received, one POS). Ids are derived from i.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1000000;
PRAGMA foreign_keys = OFF;

BEGIN;
CREATE TEMP TABLE bench_case (i INTEGER PRIMARY KEY);
INSERT INTO bench_case
  WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < (SELECT n FROM bench_n))
  SELECT i FROM s;
CREATE TEMP TABLE bench_adv (i INTEGER PRIMARY KEY);
INSERT INTO bench_adv
  WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < (SELECT a FROM bench_n) - 1)
  SELECT i FROM s;

INSERT INTO office (id, name, address, phone, email, created_at, updated_at)
  VALUES (1, 'Bench Brokerage', '1 Market Street, Springfield', '+1 555 0100',
          'cases@bench.test', 1700000000, 1700000000);
INSERT INTO app_user (id, login, name, email, role, office_id, password_hash, created_at, updated_at)
  VALUES (100, 'bench.manager', 'Case Manager', 'manager@bench.test', 'staff', 1, '!',
          1700000000, 1700000000),
         (101, 'bench.admin', 'Bench Admin', 'admin@bench.test', 'admin', 1, '!',
          1700000000, 1700000000);
INSERT INTO case_type (id, name, grp, position) VALUES (1, 'Life Insurance', 'insurance', 1);
INSERT INTO status_type (id, name, is_stage, position) VALUES (1, 'Stage', 1, 0);
INSERT INTO status (id, status_type_id, name, expected_days, is_closing, grp, position) VALUES
  (1, 1, 'Application Received', 5, 0, 'insurance', 1), (2, 1, 'Underwriting', 30, 0, 'insurance', 2),
  (3, 1, 'Approved', 10, 0, 'insurance', 3), (4, 1, 'Issued', 14, 0, 'insurance', 4),
  (5, 1, 'Placed', 0, 1, '', 5);
INSERT INTO staff_role (id, name, category, primary_advisor, position) VALUES
  (1, 'Primary Advisor', 'advisor', 1, 1), (2, 'Writing Advisor', 'advisor', 0, 2),
  (3, 'Case Manager', 'case_manager', 0, 3);
INSERT INTO contact (id, kind, org_name, created_at, updated_at)
  VALUES (1, 'organisation', 'Bench Mutual Life', 1700000000, 1700000000);

-- advisors
INSERT INTO contact (id, kind, first_name, last_name, email, preferred_comm, created_at, updated_at)
  SELECT 1000 + i, 'person', 'Advisor' || i, 'Surname' || substr('00000' || ((i * 7919) % 100000), -5),
         'advisor' || i || '@bench.test', CASE WHEN i % 5 = 0 THEN 'letter' ELSE 'email' END,
         1700000000, 1700000000
  FROM bench_adv;
INSERT INTO contact_channel (contact_id, kind, label, value, is_primary, position)
  SELECT 1000 + i, 'email', 'work', 'advisor' || i || '@bench.test', 1, 0 FROM bench_adv;
INSERT INTO contact_address (contact_id, label, line1, city, region, postcode, country, is_primary, position)
  SELECT 1000 + i, 'office', i || ' Advisor Avenue', 'Springfield', 'IL', '62701', 'USA', 1, 0
  FROM bench_adv WHERE i % 5 = 0;

-- insured people: one per case, ids from 100000
INSERT INTO contact (id, kind, first_name, last_name, created_at, updated_at)
  SELECT 100000 + i, 'person', 'Insured', 'Holder' || i, 1700000000, 1700000000 FROM bench_case;

INSERT INTO case_record (id, number, name, case_type_id, state, office_id, opened_date, owner_id,
    stage_status_id, created_by, created_at, updated_at)
  SELECT i, 'P-' || substr('0000000' || i, -8), 'Policy case ' || i, 1, 'IL', 1,
         date(julianday('2026-01-01') + i % 300), 100, 1 + i % 4, 100, 1700000000 + i, 1700000000 + i
  FROM bench_case;
INSERT INTO case_status (case_id, status_type_id, status_id, expected_days, from_date, current,
    user_id, created_at)
  SELECT i, 1, 1 + i % 4, 30, date(julianday('2026-06-01') + i % 100), 1, 100, 1700000000 + i
  FROM bench_case;
INSERT INTO case_staff (case_id, contact_id, role_id, from_date)
  SELECT i, 1000 + i % (SELECT a FROM bench_n), 1, '2026-01-01' FROM bench_case;
INSERT INTO case_staff (case_id, contact_id, role_id, from_date)
  SELECT i, 1000 + (i * 7) % (SELECT a FROM bench_n), 2, '2026-01-01' FROM bench_case
  WHERE i % 3 = 0 AND (i * 7) % (SELECT a FROM bench_n) <> i % (SELECT a FROM bench_n);
INSERT INTO case_staff (case_id, user_id, role_id, from_date)
  SELECT i, 100, 3, '2026-01-01' FROM bench_case;
INSERT INTO case_policy (case_id, policy_number, insured_contact_id, carrier_contact_id, product,
    amount_cents, kind, next_follow_up, updated_at)
  SELECT i, 'POL' || substr('00000000' || i, -9), 100000 + i, 1, 'Term Life 20',
         25000000 + (i % 40) * 500000, 'formal', '2026-01-15', 1700000000
  FROM bench_case;
INSERT INTO requirement (case_id, name, status, is_key, is_pos, position, created_at, updated_at)
  SELECT c.i, r.name, r.status, r.is_key, r.is_pos, r.pos, 1700000000, 1700000000
  FROM bench_case c CROSS JOIN (
    SELECT 1 AS pos, 'Signed application' AS name, 'received' AS status, 0 AS is_key, 0 AS is_pos
    UNION ALL SELECT 2, 'Paramedical exam', 'outstanding', 1, 0
    UNION ALL SELECT 3, 'Attending physician statement', 'outstanding', 0, 0
    UNION ALL SELECT 4, 'Owner change form', 'outstanding', 0, 1) r;
COMMIT;
ANALYZE;
