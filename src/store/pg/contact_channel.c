/* contact_channel.c - PostgreSQL rows of contact_channel and contact_address: a contact's
 * phones, e-mail addresses and postal addresses, each list replaced whole when written.
 *
 * Mirrors ../sqlite/contact_channel.c. The contact itself (and the copy of its primary phone and
 * e-mail in contact.phone / contact.email) is contact.c; which row is primary and the limits on
 * the lists are domain/contact.c. */
#include "store/pg/pg.h"

#include <string.h>

/* The rows being written and the contact they belong to. */
struct pg_channel_rows {
	int64_t contact_id;
	const struct store_contact_channel *channels;
	const struct store_contact_address *addresses;
};

/* pg_contact_rows_set replaces one of a contact's lists: clear and insert are its statements,
 * bind binds one of w's rows. STORE_NOT_FOUND when there is no such contact. */
static int pg_contact_rows_set(struct store_conn *base, const struct pg_channel_rows *w,
			       enum pg_id clear, enum pg_id insert, pg_bind_row_fn bind, int n)
{
	struct pg_params key = {0};
	pg_p_i64(&key, w->contact_id);
	return pg_rows_replace(pg_conn(base), clear, &key, insert, n, bind, w);
}

/* pg_bind_channel binds PG_CONTACT_CHANNEL_INSERT's parameters for row i; its position is i. */
static void pg_bind_channel(struct pg_params *p, int i, const void *ctx)
{
	const struct pg_channel_rows *rows = ctx;
	const struct store_contact_channel *ch = &rows->channels[i];
	pg_p_i64(p, rows->contact_id);
	pg_p_text(p, ch->kind);
	pg_p_text(p, ch->label);
	pg_p_text(p, ch->value);
	pg_p_bool(p, ch->primary);
	pg_p_i64(p, i);
}

int pg_contact_channels_set(struct store_conn *base, int64_t contact_id,
			    const struct store_contact_channel *rows, int n)
{
	struct pg_channel_rows w = {contact_id, rows, NULL};
	return pg_contact_rows_set(base, &w, PG_CONTACT_CHANNELS_CLEAR, PG_CONTACT_CHANNEL_INSERT,
				   pg_bind_channel, n);
}

struct pg_channel_walk {
	store_contact_channel_each_fn each;
	void *ctx;
};

static int pg_visit_channel(const PGresult *r, int row, void *ctx)
{
	struct pg_channel_walk *w = ctx;
	struct store_contact_channel ch;
	memset(&ch, 0, sizeof ch);
	ch.id = pg_i64(r, row, 0);
	ch.contact_id = pg_i64(r, row, 1);
	pg_text(r, row, 2, ch.kind, sizeof ch.kind);
	pg_text(r, row, 3, ch.label, sizeof ch.label);
	pg_text(r, row, 4, ch.value, sizeof ch.value);
	ch.primary = pg_bool(r, row, 5);
	return w->each(&ch, w->ctx);
}

int pg_contact_channel_list(struct store_conn *base, int64_t contact_id,
			    store_contact_channel_each_fn each, void *ctx)
{
	struct pg_channel_walk w = {each, ctx};
	return pg_each_of(pg_conn(base), PG_CONTACT_CHANNEL_LIST, contact_id, pg_visit_channel, &w);
}

/* pg_bind_address binds PG_CONTACT_ADDRESS_INSERT's parameters for row i; its position is i. */
static void pg_bind_address(struct pg_params *p, int i, const void *ctx)
{
	const struct pg_channel_rows *rows = ctx;
	const struct store_contact_address *ad = &rows->addresses[i];
	pg_p_i64(p, rows->contact_id);
	pg_p_text(p, ad->label);
	pg_p_text(p, ad->line1);
	pg_p_text(p, ad->line2);
	pg_p_text(p, ad->city);
	pg_p_text(p, ad->region);
	pg_p_text(p, ad->postcode);
	pg_p_text(p, ad->country);
	pg_p_bool(p, ad->primary);
	pg_p_i64(p, i);
}

int pg_contact_addresses_set(struct store_conn *base, int64_t contact_id,
			     const struct store_contact_address *rows, int n)
{
	struct pg_channel_rows w = {contact_id, NULL, rows};
	return pg_contact_rows_set(base, &w, PG_CONTACT_ADDRESSES_CLEAR, PG_CONTACT_ADDRESS_INSERT,
				   pg_bind_address, n);
}

struct pg_address_walk {
	store_contact_address_each_fn each;
	void *ctx;
};

static int pg_visit_address(const PGresult *r, int row, void *ctx)
{
	struct pg_address_walk *w = ctx;
	struct store_contact_address ad;
	memset(&ad, 0, sizeof ad);
	ad.id = pg_i64(r, row, 0);
	ad.contact_id = pg_i64(r, row, 1);
	pg_text(r, row, 2, ad.label, sizeof ad.label);
	pg_text(r, row, 3, ad.line1, sizeof ad.line1);
	pg_text(r, row, 4, ad.line2, sizeof ad.line2);
	pg_text(r, row, 5, ad.city, sizeof ad.city);
	pg_text(r, row, 6, ad.region, sizeof ad.region);
	pg_text(r, row, 7, ad.postcode, sizeof ad.postcode);
	pg_text(r, row, 8, ad.country, sizeof ad.country);
	ad.primary = pg_bool(r, row, 9);
	return w->each(&ad, w->ctx);
}

int pg_contact_address_list(struct store_conn *base, int64_t contact_id,
			    store_contact_address_each_fn each, void *ctx)
{
	struct pg_address_walk w = {each, ctx};
	return pg_each_of(pg_conn(base), PG_CONTACT_ADDRESS_LIST, contact_id, pg_visit_address, &w);
}
