/* routes.c - the list of route tables the router searches, one per api file. */
#include "api/api.h"

const struct route *const router_tables[] = {
	api_health_routes,
	api_session_routes,
	api_token_routes,
	api_user_routes,
	api_office_routes,
	api_setup_routes,
	api_contact_routes,
	api_case_routes,
	api_case_status_routes,
	api_case_staff_routes,
	api_note_routes,
	api_timeline_routes,
	api_related_routes,
	api_party_routes,
	api_insurance_routes,
	api_lien_routes,
	api_bankruptcy_routes,
	api_task_routes,
	api_appointment_routes,
	api_deadline_routes,
	api_court_routes,
	api_udf_routes,
	api_summary_routes,
	NULL,
};
