/* timeline.h - the case's audit trail: one event for every create, change and delete of the case
 * and of what hangs under it, written in the same transaction as the change. Nobody edits or
 * deletes an event.
 *
 * The trail is tamper-evident: each event's hash is BLAKE2b-256 (libsodium crypto_generichash)
 * over the previous event's hash and the event's own content, so a row changed, removed or
 * inserted behind the server's back breaks the chain, and timeline_verify() (caseload audit
 * verify) names where. */
#ifndef CASELOAD_TIMELINE_H
#define CASELOAD_TIMELINE_H

#include <stdint.h>
#include <stdio.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

/* timeline_append writes one event on case_id for the actor, now; call inside the change's
 * transaction. type is a short dotted name ("case.created", "status.set", "note.deleted");
 * the description is printf-formatted and cut at 1000 bytes. Returns 0 or an ERR_* (ERR_BUSY
 * when the store asked for a retry). */
int timeline_append(struct store_conn *c, const struct actor *a, int64_t case_id,
		    const char *type, struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* timeline_hash computes an event's hash from its prev_hash and content fields into out. */
void timeline_hash(const struct store_event *ev, unsigned char out[32]);

/* timeline_list walks a case's events newest first (seq < before_seq, 0 = from the newest). */
int timeline_list(struct store_conn *c, const struct actor *a, int64_t case_id,
		  int64_t before_seq, int limit, store_event_each_fn each, void *ctx,
		  struct err *e);

/* timeline_verify walks every chain, writing one line to out per broken event ("case 12 event
 * 3: changed" / "removed before it" / "inserted"). *events and *cases receive the totals and
 * *broken the number of problems. 0 when the walk itself worked (even if broken > 0). */
int timeline_verify(struct store_conn *c, FILE *out, int64_t *events, int64_t *cases,
		    int64_t *broken, struct err *e);

#endif
