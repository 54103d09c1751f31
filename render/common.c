/* common.c - allocation that aborts on OOM, assertions and osmo_error. */
#include "osmo/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void osmo_assert_fail(const char *expr, const char *file, int line)
{
	fprintf(stderr, "osmo-render: internal error: assertion '%s' failed at %s:%d\n", expr, file,
		line);
	abort();
}

static _Noreturn void oom(size_t n)
{
	fprintf(stderr, "osmo-render: out of memory allocating %zu bytes\n", n);
	abort();
}

void *osmo_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *osmo_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *osmo_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

char *osmo_strndup(const char *s, size_t n)
{
	char *p = osmo_malloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *osmo_strdup(const char *s)
{
	return osmo_strndup(s, strlen(s));
}

void osmo_free(void *p)
{
	free(p);
}

void osmo_error_vset(osmo_error *err, int code, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	char *m = osmo_malloc((size_t)n + 1);
	vsnprintf(m, (size_t)n + 1, fmt, ap);
	free(err->msg);
	err->msg = m;
	err->code = code ? code : OSMO_ERROR;
}

void osmo_error_set(osmo_error *err, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	osmo_error_vset(err, code, fmt, ap);
	va_end(ap);
}

void osmo_error_at(osmo_error *err, const char *file, int line, int col)
{
	free(err->file);
	err->file = file ? osmo_strdup(file) : NULL;
	err->line = line;
	err->col = col;
}

void osmo_error_dispose(osmo_error *err)
{
	free(err->msg);
	free(err->file);
	memset(err, 0, sizeof(*err));
}
