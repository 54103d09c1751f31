/* arena.h - region allocator: everything a render creates lives in one arena
 * and is released at once by osmo_arena_free.  Built with OSMO_DEBUG_ARENA,
 * every allocation is its own malloc so ASan can see overflows per object. */
#ifndef OSMO_ARENA_H
#define OSMO_ARENA_H

#include "osmo/common.h"

typedef struct osmo_arena osmo_arena;

osmo_arena *osmo_arena_new(void);
void osmo_arena_free(osmo_arena *a);

/* Zero-filled, 16-byte aligned, never NULL (aborts on OOM). */
void *osmo_arena_alloc(osmo_arena *a, size_t n);
/* Grow a block obtained from this arena (old contents copied). */
void *osmo_arena_realloc(osmo_arena *a, void *p, size_t old, size_t n);
/* NUL-terminated copies. */
char *osmo_arena_strndup(osmo_arena *a, const char *s, size_t n);
char *osmo_arena_strdup(osmo_arena *a, const char *s);
char *osmo_arena_sprintf(osmo_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Bytes handed out so far (for limits and benchmarks). */
size_t osmo_arena_used(const osmo_arena *a);

#endif
