/* office.h - a firm's offices: name, address, contact details and the logo used on letters.
 * Anyone logged in may read them; changing them needs admin. */
#ifndef CASELOAD_OFFICE_H
#define CASELOAD_OFFICE_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

enum office_field_bit {
	OFFICE_F_NAME = 1u << 0,
	OFFICE_F_ADDRESS = 1u << 1,
	OFFICE_F_PHONE = 1u << 2,
	OFFICE_F_EMAIL = 1u << 3,
};

#define OFFICE_LOGO_MAX (1024 * 1024)

struct office_fields {
	uint32_t present;  /* enum office_field_bit */
	char name[STORE_NAME_MAX + 1];
	char address[STORE_ADDRESS_MAX + 1];
	char phone[64];
	char email[STORE_EMAIL_MAX + 1];
};

/* office_create adds an office (name required); ERR_CONFLICT on a duplicate name. */
int office_create(struct store_conn *c, const struct actor *a, const struct office_fields *f,
		  struct store_office *out, struct err *e);

/* office_update changes the given fields when version is current (ERR_CONFLICT otherwise). */
int office_update(struct store_conn *c, const struct actor *a, int64_t id, int64_t version,
		  const struct office_fields *f, struct store_office *out, struct err *e);

/* office_delete removes an office nobody belongs to; ERR_CONFLICT saying how many users do. */
int office_delete(struct store_conn *c, const struct actor *a, int64_t id, struct err *e);

/* office_get / office_list read offices (any logged-in user). */
int office_get(struct store_conn *c, const struct actor *a, int64_t id, struct store_office *out,
	       struct err *e);
int office_list(struct store_conn *c, const struct actor *a, store_office_each_fn each, void *ctx,
		struct err *e);

/* office_logo_set stores a PNG or JPEG logo (checked by its magic bytes, at most 1 MiB). */
int office_logo_set(struct store_conn *c, const struct actor *a, int64_t id, const char *mime,
		    const void *data, size_t len, struct err *e);

/* office_logo_get gives a malloc'd copy of the logo (caller frees *data); ERR_NOT_FOUND if none. */
int office_logo_get(struct store_conn *c, const struct actor *a, int64_t id, char mime[64],
		    void **data, size_t *len, struct err *e);

#endif
