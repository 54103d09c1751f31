/* buf.c - growable byte buffer. */
#include "osmo/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void osmo_buf_grow(osmo_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	b->ptr = osmo_realloc(b->ptr, cap);
	b->cap = cap;
}

void osmo_buf_put(osmo_buf *b, const char *s, size_t n)
{
	if (b->len + n >= b->cap)
		osmo_buf_grow(b, n);
	if (n)
		memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = 0;
}

void osmo_buf_puts(osmo_buf *b, const char *s)
{
	osmo_buf_put(b, s, strlen(s));
}

void osmo_buf_putc(osmo_buf *b, char c)
{
	if (b->len + 1 >= b->cap)
		osmo_buf_grow(b, 1);
	b->ptr[b->len++] = c;
	b->ptr[b->len] = 0;
}

void osmo_buf_vprintf(osmo_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n <= 0)
		return;
	osmo_buf_grow(b, (size_t)n);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void osmo_buf_printf(osmo_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	osmo_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void osmo_buf_clear(osmo_buf *b)
{
	osmo_buf_truncate(b, 0);
}

void osmo_buf_truncate(osmo_buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->ptr[len] = 0;
	}
}

const char *osmo_buf_cstr(osmo_buf *b)
{
	return b->ptr ? b->ptr : "";
}

char *osmo_buf_detach(osmo_buf *b)
{
	char *p = b->ptr ? b->ptr : osmo_strdup("");
	b->ptr = NULL;
	b->len = b->cap = 0;
	return p;
}

void osmo_buf_dispose(osmo_buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
}
