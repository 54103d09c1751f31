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
	size_t next_size; /* payload size of the next regular chunk */
};

#define ALIGN16(n) (((n) + 15) & ~(size_t)15)

/* Many arenas are short-lived scratch (one per toYaml or parsed document),
 * so chunks start small and double: a fixed 256 KiB calloc'ed first chunk
 * made every tiny arena memset a whole chunk.  Memory is zeroed per object
 * (only the bytes handed out), never per chunk. */
#define FIRST_CHUNK ((size_t)4096 - sizeof(chunk))
#define MAX_CHUNK (((size_t)1 << 20) - sizeof(chunk))

osmo_arena *osmo_arena_new(void)
{
	osmo_arena *a = osmo_calloc(1, sizeof(osmo_arena));
	a->next_size = FIRST_CHUNK;
	return a;
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

/* Uninitialised block of ALIGN16(n) bytes. */
static void *alloc_raw(osmo_arena *a, size_t n)
{
	n = ALIGN16(n ? n : 1);
	a->total += n;
#ifdef OSMO_DEBUG_ARENA
	chunk *c = osmo_malloc(sizeof(chunk) + n);
	c->size = c->used = n;
	c->next = a->head;
	a->head = c;
	return c->data;
#else
	chunk *c = a->head;
	if (c && c->size - c->used >= n) {
		void *p = c->data + c->used;
		c->used += n;
		return p;
	}
	if (n > a->next_size / 4) {
		/* big block: own chunk, placed behind the current head so the
		 * head keeps serving small objects */
		chunk *big = osmo_malloc(sizeof(chunk) + n);
		big->size = big->used = n;
		if (c) {
			big->next = c->next;
			c->next = big;
		} else {
			big->next = NULL;
			a->head = big;
		}
		return big->data;
	}
	size_t sz = a->next_size;
	if (a->next_size < MAX_CHUNK)
		a->next_size = (a->next_size + sizeof(chunk)) * 2 - sizeof(chunk);
	c = osmo_malloc(sizeof(chunk) + sz);
	c->size = sz;
	c->used = n;
	c->next = a->head;
	a->head = c;
	return c->data;
#endif
}

void *osmo_arena_alloc(osmo_arena *a, size_t n)
{
	void *p = alloc_raw(a, n);
	memset(p, 0, ALIGN16(n ? n : 1));
	return p;
}

void *osmo_arena_realloc(osmo_arena *a, void *p, size_t old, size_t n)
{
	if (n <= old && p)
		return p;
#ifndef OSMO_DEBUG_ARENA
	/* the newest object of the head chunk grows in place */
	chunk *c = a->head;
	if (p && c && (unsigned char *)p + ALIGN16(old ? old : 1) == c->data + c->used &&
	    (size_t)((unsigned char *)p - c->data) + ALIGN16(n) <= c->size) {
		size_t grow = ALIGN16(n) - ALIGN16(old ? old : 1);
		c->used += grow;
		a->total += grow;
		memset((unsigned char *)p + old, 0, ALIGN16(n) - old);
		return p;
	}
#endif
	unsigned char *q = alloc_raw(a, n);
	size_t keep = p ? old : 0;
	if (keep)
		memcpy(q, p, keep);
	memset(q + keep, 0, ALIGN16(n ? n : 1) - keep);
	return q;
}

char *osmo_arena_strndup(osmo_arena *a, const char *s, size_t n)
{
	char *p = alloc_raw(a, n + 1);
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
	char *p = alloc_raw(a, (size_t)(n < 0 ? 0 : n) + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

size_t osmo_arena_used(const osmo_arena *a)
{
	return a->total;
}
