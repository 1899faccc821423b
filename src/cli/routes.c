/* routes.c - `caseload routes`: the API route table as JSON, for docs and the openapi test. */
#include "cli/cli.h"
#include "http/router.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_routes(int argc, char **argv)
{
	if (argc > 1) {
		if (strcmp(argv[1], "--help") == 0) {
			puts("usage: caseload routes\n\nPrints every API route as JSON: method, pattern, "
			     "auth (public or user), csrf, body_max.");
			return CLI_OK;
		}
		return cli_usage_error("routes", "takes no options");
	}
	json_t *all = json_array();
	for (int t = 0; router_tables[t]; t++)
		for (const struct route *r = router_tables[t]; r->method; r++)
			json_array_append_new(all, json_pack("{s:s, s:s, s:s, s:b, s:I}", "method", r->method,
				"pattern", r->pattern, "auth", r->auth == ROUTE_PUBLIC ? "public" : "user",
				"csrf", r->csrf, "body_max", (json_int_t)r->body_max));
	char *text = json_dumps(all, JSON_INDENT(1));
	json_decref(all);
	if (!text)
		return CLI_FAILED;
	puts(text);
	free(text);
	return CLI_OK;
}
