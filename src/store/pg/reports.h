/* reports.h - internals shared by the PostgreSQL files of migration 0004 (policy.c, report.c),
 * beside pg.h, which has everything else the backend's files share. */
#ifndef CASELOAD_STORE_PG_REPORTS_H
#define CASELOAD_STORE_PG_REPORTS_H

#include "store/pg/pg.h"

/* pg_read_policy reads the policy columns (POLICY_COLUMNS in catalogue_reports.c) of row of r,
 * starting at column first, into p. */
void pg_read_policy(const PGresult *r, int row, int first, struct store_policy *p);

#endif
