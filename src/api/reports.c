/* reports.c - case status reports: preview, send, result, letters.
 *   POST /api/v1/reports/status/preview, GET /api/v1/reports/status/previews/{id} (+ /pdf),
 *   POST /api/v1/reports/status/send, GET /api/v1/reports/status/{id} (+ /letters)
 * Rules are domain/report.c; the work after the send is jobs/status_report.c. */
#include "api/api.h"

const struct route api_report_routes[] = {
	{0},
};
