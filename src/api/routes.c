/* routes.c - the list of route tables the router searches, one per api file. */
#include "api/api.h"

const struct route *const router_tables[] = {
	api_health_routes,
	api_session_routes,
	api_token_routes,
	api_user_routes,
	api_office_routes,
	NULL,
};
