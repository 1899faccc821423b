/* search.c - the text search of the case list (case.c) and the note list (note.c): the user's
 * words as an FTS5 query, and keeping the case_fts / note_fts indexes of migration 0002 in step
 * with the rows they index.
 *
 * The words are never pasted into SQL: the query made here is bound as a parameter of a
 * MATCH, and each word is an FTS5 string, so nothing the user types is FTS5 syntax either.
 * The words are cut by FTS5's own tokenizer, so a "word" of nothing but punctuation (an em
 * dash, a euro sign) is dropped instead of matching nothing. */
#include "store/sqlite/sqlite.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"

/* The tokenizer of case_fts and note_fts (migration 0002): words are cut where the index
 * cuts them, Unicode punctuation included, and folded the same way. */
static const char *sq_tokenizer_args[] = {"remove_diacritics", "2"};

/* sq_fts5_api asks the connection for FTS5's C interface (the documented fts5(?1) pointer). */
static fts5_api *sq_fts5_api(struct sqlite_conn *c)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = sq_stmt(c, SQ_FTS5_API);
	if (!st)
		return NULL;
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sq_done(st);
	return api;
}

struct sq_fts_out {
	struct buf b;
	int failed;
};

/* sq_fts_word adds one token as "token"* (a prefix), after " AND " from the second on. */
static int sq_fts_word(void *ctx, int flags, const char *token, int len, int start, int end)
{
	struct sq_fts_out *o = ctx;
	if ((flags & FTS5_TOKEN_COLOCATED) || len <= 0)
		return SQLITE_OK;
	if (o->b.len > 0)
		o->failed |= buf_append_str(&o->b, " AND ");
	o->failed |= buf_append_str(&o->b, "\"");
	for (int i = 0; i < len; i++) {
		if (token[i] == '"')  /* unicode61 never keeps one; doubled as FTS5 wants anyway */
			o->failed |= buf_append_str(&o->b, "\"");
		o->failed |= buf_append(&o->b, &token[i], 1);
	}
	o->failed |= buf_append_str(&o->b, "\"*");
	return o->failed ? SQLITE_NOMEM : SQLITE_OK;
}

char *sq_fts_query(struct sqlite_conn *c, const char *q)
{
	fts5_api *api = sq_fts5_api(c);
	void *user = NULL;
	fts5_tokenizer tk;
	Fts5Tokenizer *tok = NULL;
	struct sq_fts_out o = {.failed = 0};
	buf_init(&o.b, 0);
	if (!api || api->xFindTokenizer(api, "unicode61", &user, &tk) != SQLITE_OK ||
	    tk.xCreate(user, sq_tokenizer_args, 2, &tok) != SQLITE_OK) {
		snprintf(c->base.last_error, sizeof c->base.last_error, "no FTS5 unicode61 tokenizer");
		return NULL;
	}
	int rc = tk.xTokenize(tok, &o, FTS5_TOKENIZE_QUERY, q, (int)strlen(q), sq_fts_word);
	tk.xDelete(tok);
	if (rc == SQLITE_OK && !o.failed && o.b.len == 0)
		rc = buf_append(&o.b, "", 1);  /* no words: "" */
	if (rc != SQLITE_OK || o.failed) {
		buf_cleanup(&o.b);
		snprintf(c->base.last_error, sizeof c->base.last_error, "cannot make a search query");
		return NULL;
	}
	return o.b.data;
}

int sq_search_take(struct sqlite_conn *c, enum sq_id remove, int64_t row, int64_t version,
		   bool *taken)
{
	*taken = false;
	sqlite3_stmt *st = sq_stmt_ids(c, remove, row, version);
	if (!st)
		return STORE_ERROR;
	int rc = sq_exec_write(c, st, 1);
	if (rc == STORE_NOT_FOUND)
		return STORE_OK;
	*taken = rc == STORE_OK;
	return rc;
}

int sq_search_put(struct sqlite_conn *c, enum sq_id add, int64_t row)
{
	int rc = sq_write_of(c, add, row);
	return rc == STORE_NOT_FOUND ? STORE_OK : rc;
}
