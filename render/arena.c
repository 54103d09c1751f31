/* arena.c - bump allocator in growing chunks; OSMO_DEBUG_ARENA makes every
 * object its own malloc so sanitizers see individual objects. */
#include "osmo/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct chunk {
	struct chunk *next;
	size_t size, used;
	_Alignas(16) unsigned char data[];
} chunk;

struct osmo_arena {
	chunk *head;
	size_t total;
};

#define ALIGN16(n) (((n) + 15) & ~(size_t)15)

osmo_arena *osmo_arena_new(void)
{
	return osmo_calloc(1, sizeof(osmo_arena));
}

void osmo_arena_free(osmo_arena *a)
{
	if (!a)
		return;
	chunk *c = a->head;
	while (c) {
		chunk *n = c->next;
		free(c);
		c = n;
	}
	free(a);
}

void *osmo_arena_alloc(osmo_arena *a, size_t n)
{
	n = ALIGN16(n ? n : 1);
	a->total += n;
#ifdef OSMO_DEBUG_ARENA
	chunk *c = osmo_malloc(sizeof(chunk) + n);
	c->size = c->used = n;
	c->next = a->head;
	a->head = c;
	memset(c->data, 0, n);
	return c->data;
#else
	chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		/* Chunks come from calloc: above glibc's mmap threshold that is
		 * fresh zero pages, so objects need no memset of their own. */
		size_t sz = n > 32768 ? n : (256u << 10) - sizeof(chunk);
		if (n > 32768) {
			/* big block: own chunk, placed behind the current head so
			 * the head keeps serving small objects */
			chunk *big = osmo_calloc(1, sizeof(chunk) + sz);
			big->size = big->used = sz;
			if (c) {
				big->next = c->next;
				c->next = big;
			} else {
				big->next = NULL;
				a->head = big;
			}
			return big->data;
		}
		c = osmo_calloc(1, sizeof(chunk) + sz);
		c->size = sz;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	void *p = c->data + c->used;
	c->used += n;
	return p;
#endif
}

void *osmo_arena_realloc(osmo_arena *a, void *p, size_t old, size_t n)
{
	if (n <= old && p)
		return p;
	void *q = osmo_arena_alloc(a, n);
	if (p && old)
		memcpy(q, p, old);
	return q;
}

char *osmo_arena_strndup(osmo_arena *a, const char *s, size_t n)
{
	char *p = osmo_arena_alloc(a, n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *osmo_arena_strdup(osmo_arena *a, const char *s)
{
	return osmo_arena_strndup(a, s, strlen(s));
}

char *osmo_arena_sprintf(osmo_arena *a, const char *fmt, ...)
{
	va_list ap, cp;
	va_start(ap, fmt);
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	char *p = osmo_arena_alloc(a, (size_t)(n < 0 ? 0 : n) + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

size_t osmo_arena_used(const osmo_arena *a)
{
	return a->total;
}
