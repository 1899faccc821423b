/* mail_transport.c - delivering one e-mail message: to an SMTP server through libcurl, into a
 * directory as an .eml file, or into a list in memory (see mail_transport.h).
 *
 * What to send, when, and what a result means for the outbox row is jobs/outbox.c; the
 * message text itself is built by render/mail.c. */
#include "jobs/mail_transport.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void mail_config_defaults(struct mail_config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->sink = MAIL_SINK_MEMORY;
	snprintf(cfg->from, sizeof cfg->from, "%s", "caseload@localhost");
	snprintf(cfg->domain, sizeof cfg->domain, "%s", "localhost");
	cfg->connect_timeout = 10;
	cfg->total_timeout = 60;
}

/* ---- SMTP ------------------------------------------------------------------------------- */

static pthread_once_t mail_curl_once = PTHREAD_ONCE_INIT;
static CURLcode mail_curl_init_rc = CURLE_FAILED_INIT;

static void mail_curl_init(void)
{
	mail_curl_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* The message being uploaded: libcurl pulls it through mail_read. */
struct mail_upload {
	const char *data;
	size_t len;
	size_t pos;
};

static size_t mail_read(char *ptr, size_t size, size_t nmemb, void *ud)
{
	struct mail_upload *u = ud;
	size_t room = size * nmemb, left = u->len - u->pos;
	size_t n = left < room ? left : room;
	memcpy(ptr, u->data + u->pos, n);
	u->pos += n;
	return n;
}

/* The server's first refusal (a 4xx or 5xx line), for the error text (libcurl's own names
 * only the command and the code). */
struct mail_reply {
	char line[160];
};

static int mail_debug(CURL *curl, curl_infotype type, char *data, size_t size, void *ud)
{
	struct mail_reply *r = ud;
	if (type != CURLINFO_HEADER_IN || size == 0 || r->line[0] ||
	    (data[0] != '4' && data[0] != '5'))
		return 0;
	size_t n = 0;
	while (n < size && n + 1 < sizeof r->line && data[n] != '\r' && data[n] != '\n') {
		unsigned char ch = (unsigned char)data[n];
		r->line[n] = ch < ' ' || ch == 0x7f ? ' ' : (char)ch;
		n++;
	}
	r->line[n] = '\0';
	return 0;
}

/* mail_envelope_address writes "<addr>" for an address given as "addr" or "Name <addr>";
 * false when there is no usable address (empty, or holding spaces, controls or brackets). */
static bool mail_envelope_address(const char *in, char *out, size_t size)
{
	const char *lt = strrchr(in, '<');
	const char *start = lt ? lt + 1 : in;
	size_t n = lt ? strcspn(start, ">") : strlen(start);
	if (n == 0 || (lt && start[n] != '>'))
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)start[i];
		if (ch <= ' ' || ch == 0x7f || ch == '<' || ch == '>')
			return false;
	}
	return snprintf(out, size, "<%.*s>", (int)n, start) < (int)size;
}

/* mail_classify turns a failed transfer into a result (defaults.md): a 5xx answer is a refusal
 * for good; otherwise what matters is whether the whole message went up. */
static enum mail_result mail_classify(CURL *curl, CURLcode rc, size_t len)
{
	long code = 0;
	curl_off_t up = 0;
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(curl, CURLINFO_SIZE_UPLOAD_T, &up);
	if (rc == CURLE_LOGIN_DENIED)   /* our credentials, not the message: nothing went up */
		return MAIL_RETRY;
	if (code >= 500 && code <= 599)
		return MAIL_REJECTED;
	if (up < 0 || (size_t)up < len)
		return MAIL_RETRY;
	return MAIL_UNKNOWN;
}

static enum mail_result mail_send_smtp(const struct mail_config *cfg, const char *rcpt,
				       const char *message, size_t len, struct err *e)
{
	pthread_once(&mail_curl_once, mail_curl_init);
	if (mail_curl_init_rc != CURLE_OK) {
		err_set(e, ERR_INTERNAL, NULL, "libcurl did not start: %s",
			curl_easy_strerror(mail_curl_init_rc));
		return MAIL_RETRY;
	}
	char from[260], to[260];
	if (!mail_envelope_address(cfg->from, from, sizeof from)) {
		err_set(e, ERR_INTERNAL, "from", "the sender address is not usable");
		return MAIL_RETRY;
	}
	if (!mail_envelope_address(rcpt, to, sizeof to)) {
		err_set(e, ERR_UNPROCESSABLE, "to", "the recipient address is not usable");
		return MAIL_REJECTED;
	}
	CURL *curl = curl_easy_init();
	if (!curl) {
		err_set(e, ERR_INTERNAL, NULL, "libcurl: out of memory");
		return MAIL_RETRY;
	}
	struct curl_slist *rcpts = curl_slist_append(NULL, to);
	struct mail_upload up = {message, len, 0};
	char errbuf[CURL_ERROR_SIZE] = "";
	struct mail_reply reply = {""};
	enum mail_result result = MAIL_RETRY;
	if (!rcpts) {
		err_set(e, ERR_INTERNAL, NULL, "libcurl: out of memory");
		goto done;
	}
	curl_easy_setopt(curl, CURLOPT_URL, cfg->url);
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpts);
	curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(curl, CURLOPT_READFUNCTION, mail_read);
	curl_easy_setopt(curl, CURLOPT_READDATA, &up);
	curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, (long)cfg->connect_timeout);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)cfg->total_timeout);
	curl_easy_setopt(curl, CURLOPT_USE_SSL, cfg->insecure ? (long)CURLUSESSL_NONE
							      : (long)CURLUSESSL_ALL);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
	/* the debug function needs VERBOSE; with one, nothing is printed */
	curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, mail_debug);
	curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &reply);
	curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);
	if (cfg->user[0]) {
		curl_easy_setopt(curl, CURLOPT_USERNAME, cfg->user);
		curl_easy_setopt(curl, CURLOPT_PASSWORD, cfg->password);
	}
	CURLcode rc = curl_easy_perform(curl);
	if (rc == CURLE_OK) {
		result = MAIL_SENT;
		goto done;
	}
	result = mail_classify(curl, rc, len);
	long code = 0;
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
	const char *why = errbuf[0] ? errbuf : curl_easy_strerror(rc);
	if (code > 0 && reply.line[0])
		err_set(e, ERR_INTERNAL, NULL, "SMTP %ld: %s (server: %s)", code, why, reply.line);
	else if (code > 0)
		err_set(e, ERR_INTERNAL, NULL, "SMTP %ld: %s", code, why);
	else
		err_set(e, ERR_INTERNAL, NULL, "SMTP: %s", why);
done:
	curl_slist_free_all(rcpts);
	curl_easy_cleanup(curl);
	return result;
}

/* ---- directory -------------------------------------------------------------------------- */

/* mail_file_name makes a file name from a Message-ID: without its angle brackets, every
 * character other than letters, digits and ._@+- as "_", never starting with a dot. */
static void mail_file_name(const char *message_id, char *out, size_t size)
{
	size_t n = 0;
	const char *p = message_id ? message_id : "";
	if (*p == '<')
		p++;
	for (; *p && *p != '>' && n + 5 < size && n < 200; p++) {
		unsigned char ch = (unsigned char)*p;
		bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
			  (ch >= '0' && ch <= '9') || strchr("._@+-", ch);
		if (n == 0 && ch == '.')
			ok = false;
		out[n++] = ok ? (char)ch : '_';
	}
	if (n == 0)
		n = (size_t)snprintf(out, size, "message");
	snprintf(out + n, size - n, ".eml");
}

/* mail_write_all writes len bytes to fd, going on after short writes and EINTR. */
static bool mail_write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		len -= (size_t)w;
	}
	return true;
}

/* mail_send_dir writes the message as DIR/<id>.eml: a temporary file, fsync, rename, then an
 * fsync of the directory, so the file is either whole or absent. */
static enum mail_result mail_send_dir(const struct mail_config *cfg, const char *message_id,
				      const char *message, size_t len, struct err *e)
{
	char name[256], path[1024], tmp[1024];
	mail_file_name(message_id, name, sizeof name);
	if (!cfg->url[0] ||
	    snprintf(path, sizeof path, "%s/%s", cfg->url, name) >= (int)sizeof path ||
	    snprintf(tmp, sizeof tmp, "%s/.tmp-XXXXXX", cfg->url) >= (int)sizeof tmp) {
		err_set(e, ERR_INTERNAL, NULL, "the mail directory's name is empty or too long");
		return MAIL_RETRY;
	}
	if (mkdir(cfg->url, 0750) != 0 && errno != EEXIST) {
		err_set(e, ERR_INTERNAL, NULL, "cannot make the mail directory %s: %s", cfg->url,
			strerror(errno));
		return MAIL_RETRY;
	}
	int fd = mkstemp(tmp);
	if (fd < 0) {
		err_set(e, ERR_INTERNAL, NULL, "cannot write in the mail directory %s: %s",
			cfg->url, strerror(errno));
		return MAIL_RETRY;
	}
	bool ok = mail_write_all(fd, message, len) && fsync(fd) == 0;
	int saved = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	if (ok && rename(tmp, path) != 0) {
		ok = false;
		saved = errno;
	}
	if (!ok) {
		unlink(tmp);
		err_set(e, ERR_INTERNAL, NULL, "cannot write %s: %s", path, strerror(saved));
		return MAIL_RETRY;
	}
	int dfd = open(cfg->url, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {   /* the file is in place; a failed directory fsync only weakens that */
		fsync(dfd);
		close(dfd);
	}
	return MAIL_SENT;
}

/* ---- memory ----------------------------------------------------------------------------- */

struct mail_memory_item {
	char *rcpt;
	char *message;
	size_t len;
};

static pthread_mutex_t mail_memory_lock = PTHREAD_MUTEX_INITIALIZER;
static struct mail_memory_item *mail_memory_items;
static size_t mail_memory_n, mail_memory_cap;

static enum mail_result mail_send_memory(const char *rcpt, const char *message, size_t len,
					 struct err *e)
{
	char *r = strdup(rcpt);
	char *m = malloc(len + 1);
	if (!r || !m)
		goto oom;
	memcpy(m, message, len);
	m[len] = '\0';
	pthread_mutex_lock(&mail_memory_lock);
	if (mail_memory_n == mail_memory_cap) {
		size_t cap = mail_memory_cap ? mail_memory_cap * 2 : 16;
		void *grown = realloc(mail_memory_items, cap * sizeof *mail_memory_items);
		if (!grown) {
			pthread_mutex_unlock(&mail_memory_lock);
			goto oom;
		}
		mail_memory_items = grown;
		mail_memory_cap = cap;
	}
	mail_memory_items[mail_memory_n++] = (struct mail_memory_item){r, m, len};
	pthread_mutex_unlock(&mail_memory_lock);
	return MAIL_SENT;
oom:
	free(r);
	free(m);
	err_set(e, ERR_INTERNAL, NULL, "out of memory");
	return MAIL_RETRY;
}

size_t mail_memory_count(void)
{
	pthread_mutex_lock(&mail_memory_lock);
	size_t n = mail_memory_n;
	pthread_mutex_unlock(&mail_memory_lock);
	return n;
}

const char *mail_memory_rcpt(size_t i)
{
	pthread_mutex_lock(&mail_memory_lock);
	const char *r = i < mail_memory_n ? mail_memory_items[i].rcpt : NULL;
	pthread_mutex_unlock(&mail_memory_lock);
	return r;
}

const char *mail_memory_message(size_t i, size_t *len)
{
	pthread_mutex_lock(&mail_memory_lock);
	const char *m = NULL;
	size_t n = 0;
	if (i < mail_memory_n) {
		m = mail_memory_items[i].message;
		n = mail_memory_items[i].len;
	}
	pthread_mutex_unlock(&mail_memory_lock);
	if (len)
		*len = n;
	return m;
}

void mail_memory_clear(void)
{
	pthread_mutex_lock(&mail_memory_lock);
	for (size_t i = 0; i < mail_memory_n; i++) {
		free(mail_memory_items[i].rcpt);
		free(mail_memory_items[i].message);
	}
	free(mail_memory_items);
	mail_memory_items = NULL;
	mail_memory_n = mail_memory_cap = 0;
	pthread_mutex_unlock(&mail_memory_lock);
}

/* ---- dispatch --------------------------------------------------------------------------- */

enum mail_result mail_transport_send(const struct mail_config *cfg, const char *rcpt,
				     const char *message_id, const char *message, size_t len,
				     struct err *e)
{
	switch (cfg->sink) {
	case MAIL_SINK_SMTP:
		return mail_send_smtp(cfg, rcpt, message, len, e);
	case MAIL_SINK_DIR:
		return mail_send_dir(cfg, message_id, message, len, e);
	case MAIL_SINK_MEMORY:
		return mail_send_memory(rcpt, message, len, e);
	}
	err_set(e, ERR_INTERNAL, NULL, "unknown mail sink");
	return MAIL_RETRY;
}
