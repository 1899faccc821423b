/* timeline.c - the case's tamper-evident audit trail (see timeline.h): appending an event with
 * its hash chained to the one before it, reading a case's events, and walking every chain for
 * `caseload audit verify` (the command itself is cli/audit.c).
 *
 * The hash is BLAKE2b-256 over the previous event's hash and a canonical encoding of the event:
 * a version tag, then case_id, seq, at and user_id as 8-byte big-endian integers and type and
 * description each as an 8-byte big-endian length followed by the bytes. Lengths make the
 * encoding unambiguous ("a" + "bc" never hashes like "ab" + "c"). */
#include "domain/timeline.h"
#include "core/clock.h"
#include "domain/case.h"
#include "domain/user.h"

#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define TIMELINE_HASH_TAG "caseload-timeline-v1"

static void timeline_put_u64(crypto_generichash_state *st, uint64_t v)
{
	unsigned char b[8];
	for (int i = 7; i >= 0; i--) {
		b[i] = (unsigned char)(v & 0xff);
		v >>= 8;
	}
	crypto_generichash_update(st, b, sizeof b);
}

static void timeline_put_text(crypto_generichash_state *st, const char *s)
{
	size_t n = strlen(s);
	timeline_put_u64(st, (uint64_t)n);
	crypto_generichash_update(st, (const unsigned char *)s, n);
}

void timeline_hash(const struct store_event *ev, unsigned char out[32])
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, 32);
	timeline_put_text(&st, TIMELINE_HASH_TAG);
	crypto_generichash_update(&st, ev->prev_hash, sizeof ev->prev_hash);
	timeline_put_u64(&st, (uint64_t)ev->case_id);
	timeline_put_u64(&st, (uint64_t)ev->seq);
	timeline_put_u64(&st, (uint64_t)ev->at);
	timeline_put_text(&st, ev->type);
	timeline_put_u64(&st, (uint64_t)ev->user_id);
	timeline_put_text(&st, ev->description);
	crypto_generichash_final(&st, out, 32);
}

/* timeline_cut_utf8 shortens s (at most size - 1 bytes already) so it does not end inside a
 * UTF-8 sequence, after vsnprintf may have cut one in half. */
static void timeline_cut_utf8(char *s)
{
	size_t n = strlen(s);
	size_t i = n;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return;
	unsigned char lead = (unsigned char)s[i - 1];
	size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (n - (i - 1) < want)
		s[i - 1] = '\0';
}

int timeline_append(struct store_conn *c, const struct actor *a, int64_t case_id,
		    const char *type, struct err *e, const char *fmt, ...)
{
	struct store_event ev;
	memset(&ev, 0, sizeof ev);
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(ev.description, sizeof ev.description, fmt, ap);
	va_end(ap);
	if (n < 0)
		return err_set(e, ERR_INTERNAL, NULL, "cannot format a timeline event");
	if ((size_t)n >= sizeof ev.description)
		timeline_cut_utf8(ev.description);
	snprintf(ev.type, sizeof ev.type, "%s", type);
	ev.case_id = case_id;
	ev.at = clock_now();
	ev.user_id = a->via == ACTOR_SYSTEM ? 0 : a->user.id;

	struct store_event last;
	int rc = store_event_last(c, case_id, &last);
	if (rc == STORE_OK) {
		ev.seq = last.seq + 1;
		memcpy(ev.prev_hash, last.hash, sizeof ev.prev_hash);
	} else if (rc == STORE_NOT_FOUND) {
		ev.seq = 1;
	} else {
		return user_store_error(rc, "timeline", e);
	}
	timeline_hash(&ev, ev.hash);
	rc = store_event_insert(c, &ev);
	if (rc == STORE_CONFLICT)  /* another writer took this seq: run the change again */
		return err_set(e, ERR_BUSY, NULL, "the case changed meanwhile; try again");
	return user_store_error(rc, "timeline", e);
}

int timeline_list(struct store_conn *c, const struct actor *a, int64_t case_id,
		  int64_t before_seq, int limit, store_event_each_fn each, void *ctx,
		  struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	return user_store_error(store_event_list(c, case_id, before_seq, limit, each, ctx),
				"timeline", e);
}

/* The walk's state: where in which chain we are. */
struct timeline_walk {
	FILE *out;
	int64_t events, cases, broken;
	int64_t case_id;                    /* the chain being walked; 0 before the first event */
	bool have_prev;                     /* an event of this case was seen */
	int64_t prev_seq;
	bool prev_reported;                 /* the previous event has its line already */
	bool pending;                       /* the previous event's link was wrong: judged by the next */
	bool pending_content_ok;
	unsigned char prev_hash[32];        /* stored hash of the previous event */
	unsigned char prev_computed[32];    /* its hash as its content gives it */
	unsigned char before_prev_hash[32]; /* what the previous event should have chained to */
};

static void timeline_report(struct timeline_walk *w, int64_t seq, const char *what)
{
	if (w->out)
		fprintf(w->out, "case %lld event %lld: %s\n", (long long)w->case_id, (long long)seq, what);
	w->broken++;
}

/* timeline_flush judges a previous event whose link was wrong when its chain ends: a row that
 * neither matches its hash nor chains was slipped in; otherwise something before it is gone. */
static void timeline_flush(struct timeline_walk *w)
{
	if (w->pending)
		timeline_report(w, w->prev_seq, w->pending_content_ok ? "removed before it" : "inserted");
	w->pending = false;
}

/* timeline_check_event judges one event against the one before it:
 *   - a gap in seq: "removed before it";
 *   - it chains to the event before the previous one: the previous one was slipped in,
 *     "inserted" (named on the previous one);
 *   - its prev_hash is not the previous event's hash: the next event decides (above), or the
 *     end of the chain (timeline_flush);
 *   - its hash does not match its content (or matches only with the real prev_hash put back):
 *     "changed".
 * One line per event at most. */
static int timeline_check_event(const struct store_event *ev, void *ctx)
{
	struct timeline_walk *w = ctx;
	if (ev->case_id != w->case_id) {
		timeline_flush(w);
		w->case_id = ev->case_id;
		w->cases++;
		w->have_prev = false;
		w->prev_seq = 0;
		w->prev_reported = false;
		memset(w->prev_hash, 0, sizeof w->prev_hash);
		memset(w->before_prev_hash, 0, sizeof w->before_prev_hash);
		memset(w->prev_computed, 0, sizeof w->prev_computed);
	}
	w->events++;
	unsigned char computed[32];
	timeline_hash(ev, computed);
	bool content_ok = sodium_memcmp(computed, ev->hash, 32) == 0;
	bool seq_ok = ev->seq == w->prev_seq + 1;
	/* a previous event whose stored hash was overwritten is named once ("changed"), not
	 * again as a broken link here: the link may match either of its hashes */
	bool link_ok = memcmp(ev->prev_hash, w->prev_hash, 32) == 0 ||
		       (w->have_prev && memcmp(ev->prev_hash, w->prev_computed, 32) == 0);
	if (!link_ok) {
		/* only the prev_hash column was overwritten: the event hashes right with the real one */
		struct store_event fixed = *ev;
		unsigned char again[32];
		memcpy(fixed.prev_hash, w->prev_hash, 32);
		timeline_hash(&fixed, again);
		if (sodium_memcmp(again, ev->hash, 32) == 0) {
			link_ok = true;
			content_ok = false;
		}
	}
	bool skips_prev = w->have_prev && !link_ok &&
			  memcmp(ev->prev_hash, w->before_prev_hash, 32) == 0;
	if (w->pending) {
		timeline_report(w, w->prev_seq, skips_prev ? "inserted" : "removed before it");
		w->pending = false;
	} else if (skips_prev && !w->prev_reported) {
		timeline_report(w, w->prev_seq, "inserted");
	}
	bool reported = true;
	if (!seq_ok)
		timeline_report(w, ev->seq, "removed before it");
	else if (!link_ok && !skips_prev) {
		w->pending = true;
		w->pending_content_ok = content_ok;
		reported = false;
	} else if (!content_ok)
		timeline_report(w, ev->seq, "changed");
	else
		reported = false;
	memcpy(w->before_prev_hash, w->prev_hash, 32);
	memcpy(w->prev_hash, ev->hash, 32);
	memcpy(w->prev_computed, computed, 32);
	w->prev_seq = ev->seq;
	w->have_prev = true;
	w->prev_reported = reported;
	return 0;
}

int timeline_verify(struct store_conn *c, FILE *out, int64_t *events, int64_t *cases,
		    int64_t *broken, struct err *e)
{
	struct timeline_walk w;
	memset(&w, 0, sizeof w);
	w.out = out;
	int rc = store_event_walk_all(c, timeline_check_event, &w);
	timeline_flush(&w);
	*events = w.events;
	*cases = w.cases;
	*broken = w.broken;
	return user_store_error(rc, "timeline", e);
}
