-- bench/dataset-pg.sql - bench/dataset-sqlite.sql for PostgreSQL: the same N cases of the same
-- shape with the same ids (see the top of that file), written with generate_series. Run by
-- bench/dataset.sh after `caseload init`, which first creates TEMP TABLE bench_n(n) holding N.
-- The identity sequences are moved past the explicit ids at the end, and the tables analysed.
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
-- the rows are consistent by construction: skip the per-row foreign key triggers while loading
-- (this needs a superuser; bench/summary.sh runs its own throwaway cluster)
SET session_replication_role = replica;

BEGIN;

CREATE TEMP TABLE bench_case AS
  SELECT i::bigint AS i, i % 50 = 0 AS is_full, date '2019-01-01' + ((i * 7919) % 2000)::int AS day
  FROM generate_series(1, (SELECT n FROM bench_n)) AS i;
ALTER TABLE bench_case ADD PRIMARY KEY (i);
CREATE TEMP TABLE bench_k AS SELECT i::int AS i FROM generate_series(1, 50) AS i;
ALTER TABLE bench_k ADD PRIMARY KEY (i);

-- the vocabulary ---------------------------------------------------------------------------------
INSERT INTO office (id, name, created_at, updated_at) VALUES (1, 'Bench Office', 1700000000, 1700000000);
INSERT INTO app_user (id, login, name, email, role, office_id, password_hash, created_at, updated_at)
  SELECT 100 + i - 1, 'bench.staff' || i, 'Staff Member ' || i, 'staff' || i || '@bench.test',
         'staff', 1, '!', 1700000000, 1700000000
  FROM bench_k WHERE i <= 10;
INSERT INTO case_type (id, name, grp, position) VALUES (1, 'Auto Accident', 'legal', 1),
  (2, 'Premises Liability', 'legal', 2);
INSERT INTO status_type (id, name, is_stage, position) VALUES (1, 'Stage', true, 0),
  (2, 'Medical', false, 1);
INSERT INTO status (id, status_type_id, name, expected_days, is_closing, grp, position) VALUES
  (1, 1, 'Intake', 30, false, 'legal', 1), (2, 1, 'Pre-Litigation', 60, false, 'legal', 2),
  (3, 1, 'Litigation', 90, false, 'legal', 3), (4, 1, 'Settlement', 45, false, 'legal', 4),
  (5, 1, 'Closed Case', 0, true, '', 5),
  (6, 2, 'Treating', 14, false, '', 1), (7, 2, 'Records Requested', 30, false, '', 2),
  (8, 2, 'Done Treating', 0, false, '', 3);
INSERT INTO close_reason (id, name, position) VALUES (1, 'Settled', 1);
INSERT INTO staff_role (id, name, category, position) VALUES (1, 'Lead Attorney', 'attorney', 1),
  (2, 'Paralegal', 'paralegal', 2), (3, 'Case Manager', 'case_manager', 3);
INSERT INTO note_type (id, name, client_facing, position) VALUES (1, 'General', false, 1),
  (2, 'Client Update', true, 2);
INSERT INTO value_range (id, name, low_cents, high_cents, position) VALUES
  (1, 'Under $100k', 0, 9999999, 1), (2, '$100k-$250k', 10000000, 25000000, 2);
INSERT INTO deadline_type (id, name, position) VALUES (1, 'Motion Deadline', 1);
INSERT INTO udf_field (id, case_type_id, name, format, required, options, position) VALUES
  (1, 1, 'Police Report', 'yesno', false, '', 1),
  (2, 1, 'Venue', 'picklist', false, 'Kings' || chr(10) || 'Queens', 2),
  (3, 1, 'Claim Value', 'money', false, '', 3);
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
  SELECT i, 'B-' || lpad(i::text, 8, '0'), 'Bench case ' || i,
         CASE WHEN i % 5 = 1 THEN 2 ELSE 1 END, 'NY', 1,
         to_char(day, 'YYYY-MM-DD'), to_char(day + 10, 'YYYY-MM-DD'), 1 + i % 2, i % 7 = 0,
         'Generated for the benchmark.', 100 + i % 10, 1 + i % 4, 100 + i % 10, 1700000000 + i,
         1700000000 + i, 'Web', NULL, 'Rear-ended at a light.'
  FROM bench_case;

INSERT INTO case_value_history (case_id, value_range_id, from_date, user_id, comments)
  SELECT i, 1 + i % 2, to_char(day + 10, 'YYYY-MM-DD'), 100 + i % 10, '' FROM bench_case;

INSERT INTO case_status (case_id, status_type_id, status_id, expected_days, from_date, to_date,
    current, user_id, created_at)
  SELECT c.i,
         CASE WHEN k.i = m THEN 1 WHEN c.is_full AND k.i = m - 1 THEN 2 ELSE 1 + k.i % 2 END,
         CASE WHEN k.i = m THEN 1 + c.i % 4 WHEN c.is_full AND k.i = m - 1 THEN 6
              WHEN k.i % 2 = 0 THEN 1 + k.i % 4 ELSE 6 + k.i % 3 END,
         30, to_char(c.day + 10 + k.i * 5, 'YYYY-MM-DD'),
         CASE WHEN k.i = m OR (c.is_full AND k.i = m - 1) THEN ''
              ELSE to_char(c.day + 15 + k.i * 5, 'YYYY-MM-DD') END,
         k.i = m OR (c.is_full AND k.i = m - 1), 100 + c.i % 10, 1700000000 + c.i
  FROM (SELECT i, is_full, day, CASE WHEN is_full THEN 30 ELSE 3 END AS m FROM bench_case) c
  JOIN bench_k k ON k.i <= c.m
  ORDER BY c.i, k.i;

INSERT INTO case_staff (case_id, user_id, role_id, from_date)
  SELECT c.i, 100 + (c.i + k.i) % 10, k.i, to_char(c.day + 10, 'YYYY-MM-DD')
  FROM bench_case c JOIN bench_k k ON k.i <= CASE WHEN c.is_full THEN 3 ELSE 1 END
  ORDER BY c.i, k.i;

INSERT INTO note (case_id, note_type_id, body, at, created_by, created_at, updated_at)
  SELECT c.i, CASE WHEN k.i % 5 = 0 THEN 2 ELSE 1 END,
         'Note ' || k.i || ': called the adjuster about the claim and the medical records.',
         1700000000 + c.i * 10 + k.i * 86400, 100 + c.i % 10, 1700000000, 1700000000
  FROM bench_case c JOIN bench_k k ON k.i <= CASE WHEN c.is_full THEN 50 ELSE 4 END
  ORDER BY c.i, k.i;

INSERT INTO contact (id, kind, first_name, last_name, email, phone, birth_date, created_at, updated_at)
  SELECT c.i * 10 + k.i - 1 + 100, 'person', 'Person' || (k.i - 1), 'Of Case ' || c.i,
         'p' || c.i || '_' || k.i || '@bench.test', '555-0100',
         to_char(date '1968-01-01' + ((c.i * 31 + k.i) % 20000)::int, 'YYYY-MM-DD'),
         1700000000, 1700000000
  FROM bench_case c JOIN bench_k k ON k.i <= CASE WHEN c.is_full THEN 10 ELSE 2 END
  ORDER BY c.i, k.i;

INSERT INTO case_party (id, case_id, contact_id, kind, group_no, primary_party, primary_contact,
    role, represented, injury_summary)
  SELECT c.i * 10 + j, c.i, c.i * 10 + j + 100,
         CASE WHEN j < (CASE WHEN c.is_full THEN 6 ELSE 1 END) THEN 'plaintiff' ELSE 'defendant' END,
         1, j = 0, j = 0, CASE WHEN j = 0 THEN 'Driver' ELSE 'Passenger' END,
         NOT (c.is_full AND j = 5),
         CASE WHEN j < (CASE WHEN c.is_full THEN 5 ELSE 1 END) THEN 'Neck and back injuries' ELSE '' END
  FROM bench_case c JOIN (SELECT i - 1 AS j FROM bench_k WHERE i <= 10) k
    ON j < CASE WHEN c.is_full THEN 10 ELSE 2 END
  ORDER BY c.i, j;

INSERT INTO party_insurance (case_id, party_id, company_id, claim_number, policy_limits,
    adjuster_phone, coverage_cents)
  SELECT c.i, c.i * 10 + j, 1 + (c.i + j) % 20, 'CLM-' || c.i || '-' || j, '100/300', '555-0199',
         10000000
  FROM bench_case c JOIN (SELECT i - 1 AS j FROM bench_k WHERE i <= 10) k
    ON (c.is_full AND j >= 6) OR (NOT c.is_full AND j = 1)
  ORDER BY c.i, j;

INSERT INTO lien (case_id, party_id, holder_id, description, amount_cents, negotiated_cents)
  SELECT c.i, c.i * 10, 41 + (c.i + k.i) % 10, 'Medical lien ' || k.i, 250000 * k.i,
         CASE WHEN k.i = 1 THEN 200000 END
  FROM bench_case c JOIN bench_k k ON c.is_full AND k.i <= 2
  ORDER BY c.i, k.i;

INSERT INTO bankruptcy (case_id, party_id, court_id, judge, docket_number, retained_date)
  SELECT i, i * 10 + 1, 21 + i % 10, 'Hon. Bench', 'BK-' || i, to_char(day + 100, 'YYYY-MM-DD')
  FROM bench_case WHERE i % 500 = 0;

INSERT INTO case_related (case_id, other_id, created_at)
  SELECT i, i - 1, 1700000000 FROM bench_case WHERE i % 100 = 0
  UNION ALL SELECT i - 1, i, 1700000000 FROM bench_case WHERE i % 100 = 0;

INSERT INTO task (case_id, subject, priority, due_date, assignee_id, completed, completed_at,
    completed_by, created_by, created_at, updated_at)
  SELECT c.i, 'Task ' || k.i || ': request records',
         CASE k.i % 4 WHEN 0 THEN 'critical' WHEN 1 THEN 'high' WHEN 2 THEN 'normal' ELSE 'low' END,
         CASE WHEN k.i % 3 = 0 THEN '' ELSE to_char(c.day + 30 + k.i * 7, 'YYYY-MM-DD') END,
         100 + (c.i + k.i) % 10,
         k.i <= (CASE WHEN c.is_full THEN 5 ELSE 1 END),
         CASE WHEN k.i <= (CASE WHEN c.is_full THEN 5 ELSE 1 END) THEN 1700000000 ELSE 0 END,
         CASE WHEN k.i <= (CASE WHEN c.is_full THEN 5 ELSE 1 END) THEN 100 + c.i % 10 END,
         100 + c.i % 10, 1700000000, 1700000000
  FROM bench_case c JOIN bench_k k ON k.i <= CASE WHEN c.is_full THEN 20 ELSE 2 END
  ORDER BY c.i, k.i;

INSERT INTO appointment (id, case_id, starts_at, ends_at, subject, completed, created_by,
    created_at, updated_at)
  SELECT c.i * 4 + k.i - 1, c.i,
         extract(epoch FROM now())::bigint + (k.i - 2) * 604800 + c.i % 86400,
         extract(epoch FROM now())::bigint + (k.i - 2) * 604800 + c.i % 86400 + 3600,
         'Meeting ' || k.i, k.i = 1, 100 + c.i % 10, 1700000000, 1700000000
  FROM bench_case c JOIN bench_k k ON k.i <= CASE WHEN c.is_full THEN 4 ELSE 1 END
  ORDER BY c.i, k.i;

INSERT INTO appointment_attendee (appointment_id, case_id, user_id, contact_id)
  SELECT c.i * 4 + k.i - 1, c.i, CASE WHEN a.i = 1 THEN 100 + c.i % 10 END,
         CASE WHEN a.i = 2 THEN c.i * 10 + 100 END
  FROM bench_case c JOIN bench_k k ON k.i <= CASE WHEN c.is_full THEN 4 ELSE 1 END
    JOIN bench_k a ON a.i <= CASE WHEN c.is_full THEN 2 ELSE 1 END
  ORDER BY c.i, k.i, a.i;

INSERT INTO deadline (case_id, party_id, kind, deadline_type_id, due_date, done, done_date, created_by)
  SELECT c.i,
         CASE k.i WHEN 1 THEN c.i * 10 WHEN 2 THEN c.i * 10 + 6 END,
         CASE k.i WHEN 1 THEN 'plaintiff_sol' WHEN 2 THEN 'defendant_sol' ELSE 'critical' END,
         CASE WHEN k.i > 2 THEN 1 END, to_char(c.day + 1095 - k.i * 30, 'YYYY-MM-DD'), k.i = 4,
         CASE WHEN k.i = 4 THEN to_char(c.day + 400, 'YYYY-MM-DD') ELSE '' END, 100 + c.i % 10
  FROM bench_case c JOIN bench_k k ON k.i <= CASE WHEN c.is_full THEN 4 ELSE 1 END
  ORDER BY c.i, k.i;

INSERT INTO case_court (id, case_id, court_id, docket_number, filing_date)
  SELECT i, i, 21 + i % 10, 'IDX-' || i, to_char(day + 200, 'YYYY-MM-DD') FROM bench_case WHERE is_full;
INSERT INTO court_personnel (case_court_id, case_id, contact_id, role)
  SELECT c.i, c.i, 31 + (c.i + k.i) % 10, CASE k.i WHEN 1 THEN 'Judge' ELSE 'Clerk' END
  FROM bench_case c JOIN bench_k k ON c.is_full AND k.i <= 2
  ORDER BY c.i, k.i;

INSERT INTO udf_value (case_id, field_id, value)
  SELECT c.i, k.i, CASE k.i WHEN 1 THEN '1' ELSE 'Kings' END
  FROM bench_case c JOIN bench_k k ON c.is_full AND c.i % 5 <> 1 AND k.i <= 2
  ORDER BY c.i, k.i;

-- the identities continue after the explicit ids
SELECT setval(pg_get_serial_sequence('office', 'id'), (SELECT max(id) FROM office));
SELECT setval(pg_get_serial_sequence('app_user', 'id'), (SELECT max(id) FROM app_user));
SELECT setval(pg_get_serial_sequence('case_type', 'id'), (SELECT max(id) FROM case_type));
SELECT setval(pg_get_serial_sequence('status_type', 'id'), (SELECT max(id) FROM status_type));
SELECT setval(pg_get_serial_sequence('status', 'id'), (SELECT max(id) FROM status));
SELECT setval(pg_get_serial_sequence('close_reason', 'id'), (SELECT max(id) FROM close_reason));
SELECT setval(pg_get_serial_sequence('staff_role', 'id'), (SELECT max(id) FROM staff_role));
SELECT setval(pg_get_serial_sequence('note_type', 'id'), (SELECT max(id) FROM note_type));
SELECT setval(pg_get_serial_sequence('value_range', 'id'), (SELECT max(id) FROM value_range));
SELECT setval(pg_get_serial_sequence('deadline_type', 'id'), (SELECT max(id) FROM deadline_type));
SELECT setval(pg_get_serial_sequence('udf_field', 'id'), (SELECT max(id) FROM udf_field));
SELECT setval(pg_get_serial_sequence('contact', 'id'), (SELECT max(id) FROM contact));
SELECT setval(pg_get_serial_sequence('case_record', 'id'), (SELECT max(id) FROM case_record));
SELECT setval(pg_get_serial_sequence('case_party', 'id'), (SELECT max(id) FROM case_party));
SELECT setval(pg_get_serial_sequence('appointment', 'id'), (SELECT max(id) FROM appointment));
SELECT setval(pg_get_serial_sequence('case_court', 'id'), (SELECT max(id) FROM case_court));

DROP TABLE bench_case;
DROP TABLE bench_k;
COMMIT;
SET session_replication_role = origin;

ANALYZE;
