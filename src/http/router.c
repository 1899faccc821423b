/* router.c - matching a method and path against the route tables (see router.h). */
#include "http/router.h"

#include <stdio.h>
#include <string.h>

bool router_unsafe(const char *method)
{
	return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0 &&
	       strcmp(method, "OPTIONS") != 0;
}

/* router_path_matches compares segment by segment; "{x}" matches one non-empty segment, whose
 * text is copied into the request arena. */
static bool router_path_matches(struct request *r, const char *pattern, const char *path,
				const char **params, int *nparams)
{
	const char *p = pattern, *s = path;
	int n = 0;
	while (*p && *s) {
		if (*p == '{') {
			const char *pend = strchr(p, '}');
			const char *send = strchr(s, '/');
			if (!pend)
				return false;
			size_t len = send ? (size_t)(send - s) : strlen(s);
			if (len == 0 || n >= REQUEST_MAX_PARAMS)
				return false;
			params[n++] = r ? arena_strndup(&r->arena, s, len) : "";
			p = pend + 1;
			s += len;
			continue;
		}
		if (*p != *s)
			return false;
		p++;
		s++;
	}
	if (*p || *s)
		return false;
	*nparams = n;
	return true;
}

enum router_result router_match(struct request *r, const char *method, const char *path,
				const struct route **out, char *allow, size_t allow_size)
{
	bool path_seen = false;
	size_t used = 0;
	if (allow_size)
		allow[0] = '\0';
	const char *params[REQUEST_MAX_PARAMS];
	int nparams = 0;
	for (int t = 0; router_tables[t]; t++) {
		for (const struct route *rt = router_tables[t]; rt->method; rt++) {
			if (!router_path_matches(NULL, rt->pattern, path, params, &nparams))
				continue;
			bool same = strcmp(rt->method, method) == 0 ||
				    (strcmp(method, "HEAD") == 0 && strcmp(rt->method, "GET") == 0);
			if (same) {
				if (r) {
					router_path_matches(r, rt->pattern, path, r->params, &r->nparams);
				}
				*out = rt;
				return ROUTER_FOUND;
			}
			path_seen = true;
			int w = snprintf(allow + used, allow_size - used, "%s%s", used ? ", " : "", rt->method);
			if (w > 0 && (size_t)w < allow_size - used)
				used += (size_t)w;
		}
	}
	return path_seen ? ROUTER_NO_METHOD : ROUTER_NO_PATH;
}
