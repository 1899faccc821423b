/* embed.h - files compiled into the binary (web UI assets, SQL migrations).
 *
 * The tables are generated at build time by tools/embed.c from the files under web/ and
 * src/store/migrations/; see the Makefile. Each table is sorted by name. */
#ifndef CASELOAD_EMBED_H
#define CASELOAD_EMBED_H

#include <stddef.h>

struct embed_file {
	const char *name;            /* path relative to the embedded directory, '/'-separated */
	const unsigned char *data;   /* NUL-terminated (the NUL is not counted in len) */
	size_t len;
};

#endif
