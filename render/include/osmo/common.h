/* common.h - error codes, allocation and assertions shared by every module.
 *
 * One error convention (libgit2 style): functions return 0 on success or a
 * negative OSMO_E* code; the human message travels in an osmo_error owned by
 * the operation's context.  Allocation never fails: out of memory aborts
 * (jq/redis style), so callers never check malloc results.
 */
#ifndef OSMO_COMMON_H
#define OSMO_COMMON_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

enum {
	OSMO_OK = 0,
	OSMO_ERROR = -1,     /* generic failure; message in the context's error */
	OSMO_ENOTFOUND = -3, /* lookup miss (not always an error for the caller) */
	OSMO_EPARSE = -4,    /* malformed input (YAML, template, JSON, ...) */
	OSMO_ETYPE = -5,     /* value of the wrong type */
	OSMO_ELIMIT = -6,    /* a named limit was exceeded */
	OSMO_EIO = -7,       /* file system or network failure */
	OSMO_ERENDER = -8,   /* failed after the release was created (template
			      * parse/execution, kubeVersion, manifest YAML):
			      * helm template adds its --debug hint to these */
	OSMO_EBREAK = -20,   /* internal: {{break}} unwinding */
	OSMO_ECONTINUE = -21 /* internal: {{continue}} unwinding */
};

/* Bugs, not bad input: abort loudly. */
#define OSMO_ASSERT(cond)                                                     \
	do {                                                                  \
		if (!(cond))                                                  \
			osmo_assert_fail(#cond, __FILE__, __LINE__);          \
	} while (0)

_Noreturn void osmo_assert_fail(const char *expr, const char *file, int line);

/* Allocation: aborts on OOM, never returns NULL for size > 0. */
void *osmo_malloc(size_t n);
void *osmo_calloc(size_t n, size_t size);
void *osmo_realloc(void *p, size_t n);
char *osmo_strdup(const char *s);
char *osmo_strndup(const char *s, size_t n);
void osmo_free(void *p);

/* An error with an optional location.  Owned by whoever embeds it; release
 * with osmo_error_dispose. */
typedef struct osmo_error {
	int code;
	char *msg;  /* malloc'd, NULL when no error */
	char *file; /* malloc'd or NULL */
	int line, col;
} osmo_error;

void osmo_error_set(osmo_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void osmo_error_vset(osmo_error *err, int code, const char *fmt, va_list ap);
void osmo_error_at(osmo_error *err, const char *file, int line, int col);
void osmo_error_dispose(osmo_error *err);

#endif
