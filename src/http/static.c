/* static.c - serving the embedded UI files (see static.h). The files are web/ plus the vendored
 * UI library, turned into a table by tools/embed.c (the Makefile says how). */
#include "http/static.h"
#include "core/embed.h"

#include <string.h>

extern const struct embed_file web_assets[];
extern const size_t web_assets_count;

static const char *static_content_type(const char *name)
{
	static const char *const types[][2] = {
		{".html", "text/html; charset=utf-8"},
		{".js", "text/javascript; charset=utf-8"},
		{".mjs", "text/javascript; charset=utf-8"},
		{".css", "text/css; charset=utf-8"},
		{".svg", "image/svg+xml"},
		{".png", "image/png"},
		{".ico", "image/x-icon"},
		{".json", "application/json; charset=utf-8"},
		{".woff2", "font/woff2"},
		{".txt", "text/plain; charset=utf-8"},
	};
	const char *dot = strrchr(name, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i][0]) == 0)
			return types[i][1];
	return "application/octet-stream";
}

static const struct embed_file *static_find(const char *name)
{
	for (size_t i = 0; i < web_assets_count; i++)
		if (strcmp(web_assets[i].name, name) == 0)
			return &web_assets[i];
	return NULL;
}

int static_serve(struct request *r)
{
	if (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0) {
		r->allow = "GET, HEAD";
		return reply_error(r, ERR_METHOD, NULL, "only GET and HEAD are served here");
	}
	const char *name = NULL;
	if (strcmp(r->path, "/") == 0 || strcmp(r->path, "/index.html") == 0)
		name = "index.html";
	else if (strncmp(r->path, "/assets/", 8) == 0 || strncmp(r->path, "/vendor/", 8) == 0 ||
		 strcmp(r->path, "/favicon.ico") == 0)
		name = r->path + 1;
	const struct embed_file *f = (name && !strstr(name, "..")) ? static_find(name) : NULL;
	if (!f)
		return reply_error(r, ERR_NOT_FOUND, NULL, "no such page");
	return reply_static(r, static_content_type(f->name), f->data, f->len);
}
