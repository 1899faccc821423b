/* arena.h - a bump allocator for memory that lives exactly as long as one request or one job step.
 *
 * Everything allocated from an arena is freed at once by arena_free(); nothing in it is freed
 * singly. Blocks grow geometrically; a single allocation larger than a block gets its own block. */
#ifndef CASELOAD_ARENA_H
#define CASELOAD_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t block_size;  /* size of the next block to allocate */
	size_t total;       /* bytes handed out, for diagnostics */
};

/* arena_init prepares an empty arena; no memory is taken until the first allocation. */
void arena_init(struct arena *a, size_t first_block);

/* arena_alloc returns zeroed, 16-byte aligned memory owned by the arena, or NULL when out of memory. */
void *arena_alloc(struct arena *a, size_t n);

/* arena_strdup copies s (NULL gives NULL) into the arena. */
char *arena_strdup(struct arena *a, const char *s);

/* arena_strndup copies at most n bytes of s and terminates the copy. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* arena_printf formats into arena memory; NULL when out of memory. */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* arena_free releases every block; the arena may be used again afterwards. */
void arena_free(struct arena *a);

#endif
