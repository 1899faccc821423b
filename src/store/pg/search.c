/* search.c - the PostgreSQL side of text search: a user's words made into the text of a
 * tsquery, bound as a parameter and read with to_tsquery('simple', search_fold($n)).
 *
 * The searched columns (case_record.search, note.search in migrations/pg/0002_cases.sql) read
 * punctuation as a word break and drop accents (search_fold), as SQLite's FTS5 unicode61
 * tokenizer with remove_diacritics does; this file cuts the query the same way (the statement
 * folds its accents), so both backends find the same rows. The SQLite side builds its FTS5
 * query in ../sqlite/search.c. */
#include "store/pg/pg.h"

#include <stdlib.h>
#include <string.h>

/* pg_word_byte: ASCII letters and digits, and every byte of a UTF-8 sequence (letters beyond
 * ASCII; to_tsquery's own parser splits any non-ASCII punctuation away). */
static bool pg_word_byte(unsigned char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       ch >= 0x80;
}

char *pg_tsquery(const char *q)
{
	size_t len = q ? strlen(q) : 0;
	/* each term of n bytes needs at most n + 5 (":* & "), and a term is at least one byte
	 * followed by a separator or the end, so 3 * len + 1 bounds the whole */
	char *out = malloc(3 * len + 1);
	if (!out)
		return NULL;
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		if (!pg_word_byte((unsigned char)q[i])) {
			i++;
			continue;
		}
		if (n > 0) {
			memcpy(out + n, " & ", 3);
			n += 3;
		}
		while (i < len && pg_word_byte((unsigned char)q[i]))
			out[n++] = q[i++];
		memcpy(out + n, ":*", 2);
		n += 2;
	}
	out[n] = '\0';
	return out;
}
