/* buf.h - growable byte buffer (malloc-owned, always NUL-terminated). */
#ifndef OSMO_BUF_H
#define OSMO_BUF_H

#include "osmo/common.h"

typedef struct osmo_buf {
	char *ptr;   /* NUL-terminated; NULL until the first write */
	size_t len;
	size_t cap;
} osmo_buf;

#define OSMO_BUF_INIT { NULL, 0, 0 }

void osmo_buf_grow(osmo_buf *b, size_t extra);
void osmo_buf_put(osmo_buf *b, const char *s, size_t n);
void osmo_buf_puts(osmo_buf *b, const char *s);
void osmo_buf_putc(osmo_buf *b, char c);
void osmo_buf_printf(osmo_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void osmo_buf_vprintf(osmo_buf *b, const char *fmt, va_list ap);
void osmo_buf_clear(osmo_buf *b);          /* len = 0, keeps memory */
void osmo_buf_truncate(osmo_buf *b, size_t len);
const char *osmo_buf_cstr(osmo_buf *b);    /* "" when empty */
char *osmo_buf_detach(osmo_buf *b);        /* caller frees; buffer reset */
void osmo_buf_dispose(osmo_buf *b);

#endif
