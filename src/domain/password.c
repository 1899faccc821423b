/* password.c - argon2id hashing with a concurrency cap, and the password policy (password.h).
 *
 * The breached-password list is a short embedded list of the most common long passwords seen
 * in public breach corpora; it stops the obvious ones without a network lookup. */
#include "domain/password.h"

#include <pthread.h>
#include <semaphore.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static sem_t password_slots;
static pthread_once_t password_once = PTHREAD_ONCE_INIT;
static char password_dummy_hash[crypto_pwhash_STRBYTES];

static void password_setup(void)
{
	sem_init(&password_slots, 0, 2);
	/* a hash of random bytes: nobody knows a password for it */
	unsigned char noise[24];
	char pw[sizeof noise * 2 + 1];
	randombytes_buf(noise, sizeof noise);
	sodium_bin2hex(pw, sizeof pw, noise, sizeof noise);
	if (crypto_pwhash_str(password_dummy_hash, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		password_dummy_hash[0] = '\0';
}

static void password_slot_take(void)
{
	pthread_once(&password_once, password_setup);
	while (sem_wait(&password_slots) != 0)
		;
}

static void password_slot_give(void)
{
	sem_post(&password_slots);
}

int password_hash(const char *pw, char out[STORE_HASH_MAX + 1], struct err *e)
{
	char h[crypto_pwhash_STRBYTES];
	password_slot_take();
	int rc = crypto_pwhash_str(h, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				   crypto_pwhash_MEMLIMIT_INTERACTIVE);
	password_slot_give();
	if (rc != 0)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory while hashing a password");
	snprintf(out, STORE_HASH_MAX + 1, "%s", h);
	return 0;
}

bool password_verify(const char *hash, const char *pw)
{
	password_slot_take();
	bool ok = crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
	password_slot_give();
	return ok;
}

bool password_verify_dummy(const char *pw)
{
	password_slot_take();
	volatile int sink = 0;
	if (password_dummy_hash[0])
		sink = crypto_pwhash_str_verify(password_dummy_hash, pw, strlen(pw));
	password_slot_give();
	(void)sink;
	return false;
}

bool password_needs_rehash(const char *hash)
{
	return crypto_pwhash_str_needs_rehash(hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
					      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

static const char *const password_common[] = {
	"123456789012", "1234567890123", "12345678901234", "123456789012345", "1234567890qwerty",
	"111111111111", "000000000000", "123123123123", "121212121212", "987654321098",
	"password1234", "password12345", "password123456", "passwordpassword", "password1234567",
	"qwertyuiopas", "qwertyuiop123", "qwerty123456", "qwertyqwerty", "1qaz2wsx3edc",
	"1q2w3e4r5t6y", "zaq12wsxcde3", "qazwsxedcrfv", "asdfghjkl123", "abcdefghijkl",
	"abc123abc123", "iloveyou1234", "welcome12345", "letmein12345", "administrator",
	"administrator1", "changeme1234", "trustno1trustno1", "football1234", "baseball1234",
	"superman1234", "sunshine1234", "princess1234", "monkey123456", "dragon123456",
	"starwars1234", "whatever1234", "passw0rd1234", "p@ssw0rd1234", "p@ssword1234",
	"correcthorsebatterystaple", "caseload1234", "caseloadcaseload", "lawfirm12345",
	"insurance123", "mortgage1234", "michael12345", "jennifer1234", "charlie12345",
	"aaaaaaaaaaaa", "abcd1234abcd", "1234abcd1234", "qwerty1234567", "asdfasdfasdf",
};

/* password_chars counts UTF-8 code points (continuation bytes are not counted). */
static size_t password_chars(const char *pw)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)pw; *p; p++)
		if ((*p & 0xC0) != 0x80)
			n++;
	return n;
}

int password_check_policy(const char *pw, const char *login, const char *field, struct err *e)
{
	size_t n = password_chars(pw);
	if (n < PASSWORD_MIN_CHARS || n > PASSWORD_MAX_CHARS)
		return err_set(e, ERR_UNPROCESSABLE, field, "must be %d to %d characters",
			       PASSWORD_MIN_CHARS, PASSWORD_MAX_CHARS);
	if (login && *login && strcasecmp(pw, login) == 0)
		return err_set(e, ERR_UNPROCESSABLE, field, "must not be the login");
	for (size_t i = 0; i < sizeof password_common / sizeof password_common[0]; i++)
		if (strcasecmp(pw, password_common[i]) == 0)
			return err_set(e, ERR_UNPROCESSABLE, field,
				       "is a commonly breached password; choose another");
	return 0;
}
