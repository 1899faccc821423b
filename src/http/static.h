/* static.h - the web UI's files, embedded at build time (core/embed.h), served at / , /assets/
 * and /vendor/. Everything else outside /api/ is 404. */
#ifndef CASELOAD_HTTP_STATIC_H
#define CASELOAD_HTTP_STATIC_H

#include "http/request.h"

/* static_serve answers a GET or HEAD for a UI file, 404 or 405 otherwise. */
int static_serve(struct request *r);

#endif
