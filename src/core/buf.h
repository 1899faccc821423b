/* buf.h - a growable byte buffer with a hard cap, for request bodies and generated text.
 *
 * The buffer owns its memory (buf_init / buf_cleanup). Appends past the cap fail with
 * ERR_TOO_LARGE instead of growing, which is how body limits are enforced while streaming. */
#ifndef CASELOAD_BUF_H
#define CASELOAD_BUF_H

#include <stddef.h>

struct buf {
	char *data;   /* always NUL-terminated when len > 0 or after buf_append */
	size_t len;
	size_t cap;   /* allocated bytes */
	size_t max;   /* hard limit on len; 0 means unlimited */
};

/* buf_init makes an empty buffer that refuses to hold more than max bytes (0 = no limit). */
void buf_init(struct buf *b, size_t max);

/* buf_append adds n bytes; returns 0, ERR_TOO_LARGE past max, or ERR_INTERNAL out of memory. */
int buf_append(struct buf *b, const void *p, size_t n);

/* buf_append_str adds a C string. Same returns as buf_append. */
int buf_append_str(struct buf *b, const char *s);

/* buf_cleanup frees the buffer's memory and leaves it empty. */
void buf_cleanup(struct buf *b);

#endif
