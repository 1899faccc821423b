/* contact_channel.c - SQLite rows of contact_channel and contact_address: a contact's phone
 * numbers, e-mail addresses and postal addresses, each list replaced whole and kept in the
 * order it was given.
 *
 * The contact itself (and its copies of the primary phone and e-mail) is contact.c; which one
 * is primary and the limits on the lists are domain/contact.c. */
#include "store/sqlite/sqlite.h"

/* sq_bind_channel binds ?3 kind .. ?7 position of SQ_CONTACT_CHANNEL_INSERT. */
static void sq_bind_channel(sqlite3_stmt *st, const void *rows, int i)
{
	const struct store_contact_channel *ch = (const struct store_contact_channel *)rows + i;
	sqlite3_bind_text(st, 3, ch->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, ch->label, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, ch->value, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, ch->primary);
	sqlite3_bind_int(st, 7, i);
}

/* sqlite_contact_channels_set: inside the caller's transaction, so that a failed insert leaves
 * the old list. */
int sqlite_contact_channels_set(struct store_conn *base, int64_t contact_id,
				const struct store_contact_channel *rows, int n)
{
	return sq_replace_rows(sq_conn(base), SQ_CONTACT_CHANNELS_CLEAR, SQ_CONTACT_CHANNEL_INSERT,
			       contact_id, 0, sq_bind_channel, rows, n);
}

struct sq_channel_walk {
	store_contact_channel_each_fn each;
	void *ctx;
};

static int sq_visit_channel(sqlite3_stmt *st, void *ctx)
{
	struct sq_channel_walk *w = ctx;
	struct store_contact_channel ch;
	ch.id = sqlite3_column_int64(st, 0);
	ch.contact_id = sqlite3_column_int64(st, 1);
	sq_text(st, 2, ch.kind, sizeof ch.kind);
	sq_text(st, 3, ch.label, sizeof ch.label);
	sq_text(st, 4, ch.value, sizeof ch.value);
	ch.primary = sqlite3_column_int(st, 5) != 0;
	return w->each(&ch, w->ctx);
}

int sqlite_contact_channel_list(struct store_conn *base, int64_t contact_id,
				store_contact_channel_each_fn each, void *ctx)
{
	struct sq_channel_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_CONTACT_CHANNEL_LIST, contact_id, sq_visit_channel, &w);
}

/* sq_bind_address binds ?3 label .. ?11 position of SQ_CONTACT_ADDRESS_INSERT. */
static void sq_bind_address(sqlite3_stmt *st, const void *rows, int i)
{
	const struct store_contact_address *ad = (const struct store_contact_address *)rows + i;
	sqlite3_bind_text(st, 3, ad->label, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, ad->line1, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, ad->line2, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, ad->city, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, ad->region, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, ad->postcode, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, ad->country, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 10, ad->primary);
	sqlite3_bind_int(st, 11, i);
}

/* sqlite_contact_addresses_set: as sqlite_contact_channels_set, for the postal addresses. */
int sqlite_contact_addresses_set(struct store_conn *base, int64_t contact_id,
				 const struct store_contact_address *rows, int n)
{
	return sq_replace_rows(sq_conn(base), SQ_CONTACT_ADDRESSES_CLEAR, SQ_CONTACT_ADDRESS_INSERT,
			       contact_id, 0, sq_bind_address, rows, n);
}

struct sq_address_walk {
	store_contact_address_each_fn each;
	void *ctx;
};

static int sq_visit_address(sqlite3_stmt *st, void *ctx)
{
	struct sq_address_walk *w = ctx;
	struct store_contact_address ad;
	ad.id = sqlite3_column_int64(st, 0);
	ad.contact_id = sqlite3_column_int64(st, 1);
	sq_text(st, 2, ad.label, sizeof ad.label);
	sq_text(st, 3, ad.line1, sizeof ad.line1);
	sq_text(st, 4, ad.line2, sizeof ad.line2);
	sq_text(st, 5, ad.city, sizeof ad.city);
	sq_text(st, 6, ad.region, sizeof ad.region);
	sq_text(st, 7, ad.postcode, sizeof ad.postcode);
	sq_text(st, 8, ad.country, sizeof ad.country);
	ad.primary = sqlite3_column_int(st, 9) != 0;
	return w->each(&ad, w->ctx);
}

int sqlite_contact_address_list(struct store_conn *base, int64_t contact_id,
				store_contact_address_each_fn each, void *ctx)
{
	struct sq_address_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_CONTACT_ADDRESS_LIST, contact_id, sq_visit_address, &w);
}
