/* password.h - password hashing (argon2id via libsodium), verification and the password policy.
 *
 * At most two hashes run at once in a process (each takes 64 MiB and ~65 ms); further callers
 * wait. sodium_init() must have been called (main.c does). */
#ifndef CASELOAD_PASSWORD_H
#define CASELOAD_PASSWORD_H

#include <stdbool.h>

#include "core/err.h"
#include "store/store.h"

#define PASSWORD_MIN_CHARS 12
#define PASSWORD_MAX_CHARS 128

/* password_hash writes the argon2id string of pw into out. ERR_INTERNAL when out of memory. */
int password_hash(const char *pw, char out[STORE_HASH_MAX + 1], struct err *e);

/* password_verify says whether pw matches hash (constant time inside libsodium). */
bool password_verify(const char *hash, const char *pw);

/* password_verify_dummy spends the same time as a real verification against a fixed hash, so
 * an unknown login cannot be told from a wrong password by timing. Always false. */
bool password_verify_dummy(const char *pw);

/* password_needs_rehash says whether hash was made with weaker settings than today's. */
bool password_needs_rehash(const char *hash);

/* password_check_policy returns 0, or ERR_UNPROCESSABLE naming field when pw is shorter than 12
 * or longer than 128 characters, or is a commonly breached password, or equals login. */
int password_check_policy(const char *pw, const char *login, const char *field, struct err *e);

#endif
