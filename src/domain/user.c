/* user.c - validation and rules for users (see user.h). Sessions are domain/session.c;
 * right names and role defaults are domain/rights.c. */
#include "domain/user.h"
#include "core/clock.h"
#include "domain/rights.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

int user_store_error(int rc, const char *what, struct err *e)
{
	switch (rc) {
	case STORE_OK:
		return 0;
	case STORE_NOT_FOUND:
		return err_set(e, ERR_NOT_FOUND, NULL, "%s not found", what);
	case STORE_CONFLICT:
		return err_set(e, ERR_CONFLICT, NULL, "%s was changed by someone else, or already exists", what);
	case STORE_RETRY:
		return err_set(e, ERR_BUSY, NULL, "the database is busy");
	default:
		return err_set(e, ERR_INTERNAL, NULL, "database error on %s", what);
	}
}

static bool user_login_valid(const char *login)
{
	size_t n = strlen(login);
	if (n < 1 || n > STORE_LOGIN_MAX)
		return false;
	for (const char *p = login; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("._-@", *p))
			return false;
	return true;
}

bool user_email_valid(const char *email)
{
	if (!*email)
		return true;
	const char *at = strchr(email, '@');
	if (!at || at == email || strchr(at + 1, '@') || !strchr(at + 1, '.'))
		return false;
	for (const char *p = email; *p; p++)
		if ((unsigned char)*p <= ' ')
			return false;
	return at[1] != '.' && email[strlen(email) - 1] != '.';
}

static bool user_blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

/* user_check_fields validates the given fields; required says which must be present. */
static int user_check_fields(struct store_conn *c, const struct user_fields *f, uint32_t required,
			     struct err *e)
{
	static const struct { uint32_t bit; const char *name; } names[] = {
		{USER_F_LOGIN, "login"}, {USER_F_NAME, "name"}, {USER_F_ROLE, "role"},
		{USER_F_PASSWORD, "password"},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if ((required & names[i].bit) && !(f->present & names[i].bit))
			return err_set(e, ERR_UNPROCESSABLE, names[i].name, "is required");
	if ((f->present & USER_F_LOGIN) && !user_login_valid(f->login))
		return err_set(e, ERR_UNPROCESSABLE, "login",
			       "must be 1 to 64 letters, digits, '.', '_', '-' or '@'");
	if ((f->present & USER_F_NAME) && user_blank(f->name))
		return err_set(e, ERR_UNPROCESSABLE, "name", "must not be empty");
	if ((f->present & USER_F_EMAIL) && !user_email_valid(f->email))
		return err_set(e, ERR_UNPROCESSABLE, "email", "is not an e-mail address");
	if ((f->present & USER_F_ROLE) && !rights_role_valid(f->role))
		return err_set(e, ERR_UNPROCESSABLE, "role", "must be admin, staff, advisor or client");
	if ((f->present & USER_F_OFFICE) && f->office_id != 0) {
		struct store_office o;
		int rc = store_office_get(c, f->office_id, &o);
		if (rc == STORE_NOT_FOUND || f->office_id < 0)
			return err_set(e, ERR_UNPROCESSABLE, "office_id", "no such office");
		if (rc != STORE_OK)
			return user_store_error(rc, "office", e);
	}
	if ((f->present & USER_F_CONTACT) && f->contact_id != 0) {
		struct store_contact ct;
		int rc = store_contact_get(c, f->contact_id, &ct);
		if (rc == STORE_NOT_FOUND || f->contact_id < 0)
			return err_set(e, ERR_UNPROCESSABLE, "contact_id", "no such contact");
		if (rc != STORE_OK)
			return user_store_error(rc, "contact", e);
	}
	if (f->present & USER_F_PASSWORD)
		return password_check_policy(f->password, f->login, "password", e);
	return 0;
}

struct user_create_tx {
	const struct user_fields *f;
	struct store_user *out;
};

static int user_create_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct user_create_tx *t = ctx;
	int rc = user_check_fields(c, t->f, 0, e);  /* the office may have gone meanwhile */
	if (rc != 0)
		return rc;
	rc = store_user_insert(c, t->out);
	if (rc == STORE_CONFLICT)
		return err_set(e, ERR_CONFLICT, "login", "the login '%s' is taken", t->out->login);
	return user_store_error(rc, "user", e);
}

int user_create(struct store_conn *c, const struct actor *a, const struct user_fields *f,
		struct store_user *out, struct err *e)
{
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc != 0)
		return rc;
	rc = user_check_fields(c, f, USER_F_LOGIN | USER_F_NAME | USER_F_ROLE | USER_F_PASSWORD, e);
	if (rc != 0)
		return rc;
	memset(out, 0, sizeof *out);
	snprintf(out->login, sizeof out->login, "%s", f->login);
	snprintf(out->name, sizeof out->name, "%s", f->name);
	snprintf(out->email, sizeof out->email, "%s", (f->present & USER_F_EMAIL) ? f->email : "");
	snprintf(out->role, sizeof out->role, "%s", f->role);
	out->office_id = (f->present & USER_F_OFFICE) ? f->office_id : 0;
	out->contact_id = (f->present & USER_F_CONTACT) ? f->contact_id : 0;
	out->active = (f->present & USER_F_ACTIVE) ? f->active : true;
	out->created_at = clock_now();
	rc = password_hash(f->password, out->password_hash, e);
	if (rc != 0)
		return rc;
	struct user_fields checked = *f;
	checked.present &= USER_F_OFFICE | USER_F_CONTACT;  /* re-checked in the tx */
	struct user_create_tx t = {&checked, out};
	return store_tx_run(c, user_create_fn, &t, e);
}

struct user_update_tx {
	int64_t id, version;
	const struct user_fields *f;
	struct store_user *out;
};

static int user_update_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct user_update_tx *t = ctx;
	int rc = store_user_get(c, t->id, t->out);
	if (rc != STORE_OK)
		return user_store_error(rc, "user", e);
	if (t->out->version != t->version)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the user was changed meanwhile (version %lld, not %lld); reload",
			       (long long)t->out->version, (long long)t->version);
	const struct user_fields *f = t->f;
	bool was_active = t->out->active;
	if (f->present & USER_F_NAME)
		snprintf(t->out->name, sizeof t->out->name, "%s", f->name);
	if (f->present & USER_F_EMAIL)
		snprintf(t->out->email, sizeof t->out->email, "%s", f->email);
	if (f->present & USER_F_ROLE)
		snprintf(t->out->role, sizeof t->out->role, "%s", f->role);
	if (f->present & USER_F_OFFICE)
		t->out->office_id = f->office_id;
	if (f->present & USER_F_ACTIVE)
		t->out->active = f->active;
	if (f->present & USER_F_CONTACT)
		t->out->contact_id = f->contact_id;
	rc = store_user_update(c, t->out, clock_now());
	if (rc == STORE_CONFLICT)
		return err_set(e, ERR_CONFLICT, "header.If-Match", "the user was changed meanwhile; reload");
	if (rc != STORE_OK)
		return user_store_error(rc, "user", e);
	if (was_active && !t->out->active) {
		rc = store_session_delete_user(c, t->id);
		if (rc != STORE_OK)
			return user_store_error(rc, "sessions", e);
	}
	return 0;
}

int user_update(struct store_conn *c, const struct actor *a, int64_t id, int64_t version,
		const struct user_fields *f, struct store_user *out, struct err *e)
{
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc != 0)
		return rc;
	if (f->present & (USER_F_LOGIN | USER_F_PASSWORD))
		return err_set(e, ERR_UNPROCESSABLE, (f->present & USER_F_LOGIN) ? "login" : "password",
			       "cannot be changed here");
	rc = user_check_fields(c, f, 0, e);
	if (rc != 0)
		return rc;
	if (a->user.id == id && (f->present & USER_F_ACTIVE) && !f->active)
		return err_set(e, ERR_UNPROCESSABLE, "active", "you cannot deactivate yourself");
	struct user_update_tx t = {id, version, f, out};
	return store_tx_run(c, user_update_fn, &t, e);
}

int user_get(struct store_conn *c, const struct actor *a, int64_t id, struct store_user *out,
	     struct err *e)
{
	if (!rights_has(a, RIGHT_ADMIN) && a->user.id != id)
		return rights_require(a, RIGHT_ADMIN, e);
	return user_store_error(store_user_get(c, id, out), "user", e);
}

int user_get_by_login(struct store_conn *c, const struct actor *a, const char *login,
		      struct store_user *out, struct err *e)
{
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc != 0)
		return rc;
	return user_store_error(store_user_get_by_login(c, login, out), "user", e);
}

int user_directory(struct store_conn *c, const struct actor *a, int64_t after_id, int limit,
		   store_user_each_fn each, void *ctx, struct err *e)
{
	bool firm = a->via == ACTOR_SYSTEM || strcmp(a->user.role, "admin") == 0 ||
		    strcmp(a->user.role, "staff") == 0;
	if (!firm)
		return err_set(e, ERR_FORBIDDEN, NULL, "the directory of people is for the firm's staff");
	return user_store_error(store_user_list(c, after_id, limit, each, ctx), "users", e);
}

int user_list(struct store_conn *c, const struct actor *a, int64_t after_id, int limit,
	      store_user_each_fn each, void *ctx, struct err *e)
{
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc != 0)
		return rc;
	return user_store_error(store_user_list(c, after_id, limit, each, ctx), "users", e);
}

struct user_password_tx {
	int64_t id;
	const char *hash;
	const unsigned char *keep_session;  /* NULL: end all sessions */
};

static int user_password_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct user_password_tx *t = ctx;
	int rc = store_user_set_password(c, t->id, t->hash, clock_now());
	if (rc != STORE_OK)
		return user_store_error(rc, "user", e);
	struct store_session keep;
	bool have_keep = t->keep_session && store_session_get(c, t->keep_session, &keep) == STORE_OK;
	rc = store_session_delete_user(c, t->id);
	if (rc == STORE_OK && have_keep)
		rc = store_session_insert(c, &keep);
	return user_store_error(rc, "sessions", e);
}

/* user_store_password hashes pw and writes it, ending sessions except keep_session. */
static int user_store_password(struct store_conn *c, int64_t id, const char *login, const char *pw,
			       const char *field, const unsigned char *keep_session, struct err *e)
{
	int rc = password_check_policy(pw, login, field, e);
	if (rc != 0)
		return rc;
	char hash[STORE_HASH_MAX + 1];
	rc = password_hash(pw, hash, e);
	if (rc != 0)
		return rc;
	struct user_password_tx t = {id, hash, keep_session};
	return store_tx_run(c, user_password_fn, &t, e);
}

int user_set_password(struct store_conn *c, const struct actor *a, int64_t id, const char *pw,
		      struct err *e)
{
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc != 0)
		return rc;
	struct store_user u;
	rc = user_store_error(store_user_get(c, id, &u), "user", e);
	if (rc != 0)
		return rc;
	return user_store_password(c, id, u.login, pw, "password", NULL, e);
}

int user_change_own_password(struct store_conn *c, const struct actor *a, const char *current,
			     const char *fresh, struct err *e)
{
	struct store_user u;
	int rc = user_store_error(store_user_get(c, a->user.id, &u), "user", e);
	if (rc != 0)
		return rc;
	if (!password_verify(u.password_hash, current))
		return err_set(e, ERR_UNPROCESSABLE, "current_password", "is not your current password");
	const unsigned char *keep = a->via == ACTOR_COOKIE ? a->session_hash : NULL;
	return user_store_password(c, u.id, u.login, fresh, "new_password", keep, e);
}

struct user_right_tx {
	int64_t id;
	const char *right;
	bool granted, reset;
};

static int user_right_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct user_right_tx *t = ctx;
	struct store_user u;
	int rc = store_user_get(c, t->id, &u);
	if (rc != STORE_OK)
		return user_store_error(rc, "user", e);
	if (t->reset) {
		rc = store_right_clear(c, t->id, t->right);
		if (rc == STORE_NOT_FOUND)
			rc = STORE_OK;  /* already the role default */
	} else {
		rc = store_right_set(c, t->id, t->right, t->granted);
	}
	return user_store_error(rc, "right", e);
}

int user_right_override(struct store_conn *c, const struct actor *a, int64_t id,
			const char *right, bool granted, bool reset, struct err *e)
{
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc != 0)
		return rc;
	int r = rights_lookup(right);
	if (r < 0)
		return err_set(e, ERR_NOT_FOUND, "right", "there is no right '%s'", right);
	if (r == RIGHT_ADMIN && a->user.id == id && !reset && !granted)
		return err_set(e, ERR_UNPROCESSABLE, "granted", "you cannot revoke your own admin right");
	struct user_right_tx t = {id, rights_info((enum right)r)->name, granted, reset};
	return store_tx_run(c, user_right_fn, &t, e);
}

int user_overrides(struct store_conn *c, int64_t id, uint32_t *granted, uint32_t *revoked,
		   struct err *e)
{
	struct store_right_override ov[RIGHT__COUNT * 2];
	int n = 0;
	*granted = *revoked = 0;
	int rc = store_right_list(c, id, ov, (int)(sizeof ov / sizeof ov[0]), &n);
	if (rc != STORE_OK)
		return user_store_error(rc, "rights", e);
	for (int i = 0; i < n; i++) {
		int r = rights_lookup(ov[i].right);
		if (r >= 0)
			*(ov[i].granted ? granted : revoked) |= 1u << r;
	}
	return 0;
}
