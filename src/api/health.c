/* health.c - GET /api/v1/health: is the server up (no login, no database). */
#include "api/api.h"

static int health_get(struct request *r)
{
	return reply_json(r, 200, json_pack("{s:s}", "status", "ok"));
}

const struct route api_health_routes[] = {
	{"GET", "/api/v1/health", health_get, ROUTE_PUBLIC, false, ROUTE_BODY_NONE},
	{0},
};
