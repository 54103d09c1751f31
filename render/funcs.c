/* funcs.c - Helm's effective template function map.  Tables are searched in
 * priority order (Helm's extras, then Sprig, then Go's builtins) once, into a
 * hash built on first use; the parser resolves names at parse time, so the
 * lookup is off the hot path. */
#include "osmo/funcs.h"

#include <pthread.h>
#include <string.h>

/* Priority order: the first table that defines a name wins. */
static const osmo_func_def *const tables[] = {
	osmo_funcs_engine, osmo_funcs_helm, osmo_funcs_strings, osmo_funcs_lists,
	osmo_funcs_dicts, osmo_funcs_defaults, osmo_funcs_math, osmo_funcs_encoding,
	osmo_funcs_regex, osmo_funcs_semver, osmo_funcs_date, osmo_funcs_crypto,
	osmo_funcs_builtin,
};

#define NSLOTS 1024 /* power of two, > 2x the ~250 functions */

static const osmo_func_def *slots[NSLOTS];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static uint32_t hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void build(void)
{
	for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
		for (const osmo_func_def *d = tables[t]; d->name; d++) {
			size_t n = strlen(d->name);
			uint32_t i = hash(d->name, n) & (NSLOTS - 1);
			while (slots[i] && strcmp(slots[i]->name, d->name) != 0)
				i = (i + 1) & (NSLOTS - 1);
			if (!slots[i])
				slots[i] = d; /* an earlier (higher-priority) table keeps the name */
		}
	}
}

const osmo_func_def *osmo_funcs_find(const char *name, size_t len)
{
	pthread_once(&once, build);
	uint32_t i = hash(name, len) & (NSLOTS - 1);
	while (slots[i]) {
		if (strncmp(slots[i]->name, name, len) == 0 && slots[i]->name[len] == 0)
			return slots[i];
		i = (i + 1) & (NSLOTS - 1);
	}
	return NULL;
}

int osmo_fn_errorf(osmo_fnctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	osmo_error_vset(ctx->err, OSMO_ERROR, fmt, ap);
	va_end(ap);
	return OSMO_ERROR;
}
