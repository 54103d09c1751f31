/* yaml_priv.h - helpers shared by the YAML reader and writers. */
#ifndef OSMO_YAML_PRIV_H
#define OSMO_YAML_PRIV_H

#include "osmo/value.h"

/* What go-yaml v2's resolve() makes of a scalar. */
enum {
	OSMO_YR_NULL,
	OSMO_YR_BOOL,
	OSMO_YR_INT,  /* fits int64 */
	OSMO_YR_UINT, /* only fits uint64 */
	OSMO_YR_FLOAT,
	OSMO_YR_STR,
	OSMO_YR_TIMESTAMP,
	OSMO_YR_MERGE
};

typedef struct osmo_yaml_resolved {
	int kind;
	bool b;
	int64_t i;
	uint64_t u;
	double f;
} osmo_yaml_resolved;

/* resolve(tag, s) for tag "" (or !!str when as_str, which skips every
 * lookup); try_ts: also recognise timestamps (untagged or !!timestamp). */
void osmo_yaml_resolve(osmo_yaml_resolved *r, const char *s, size_t n, bool as_str, bool try_ts);
/* go-yaml v2 encoder's isBase60Float. */
bool osmo_yaml_is_base60(const char *s, size_t n);
/* sigs.k8s.io/yaml key stringification; false for nil/uint64 keys. */
bool osmo_yaml_key_string(osmo_buf *b, osmo_value k);
/* Go %#v-ish rendering of a decoded value for error messages. */
void osmo_yaml_gosyntax(osmo_buf *b, osmo_value v, bool top);
/* v unchanged when valid UTF-8, else a copy with each bad byte -> U+FFFD. */
osmo_value osmo_yaml_fix_utf8(osmo_arena *a, osmo_value v);
/* Whether s is entirely valid UTF-8 (Go's rules). */
bool osmo_yaml_utf8_ok(const char *s, size_t n);
/* Width of the valid UTF-8 sequence at s (Go's rules), 0 if invalid. */
size_t osmo_yaml_utf8_valid(const unsigned char *s, size_t n);
/* strconv.FormatFloat(f, 'g', -1, 32). */
void osmo_yaml_float32(osmo_buf *b, double f);

/* The tree-free loader of yaml_fast.c: 0 with *out set, or 1 when the
 * input needs the exact loader (anchors, aliases, tags, merge keys, complex
 * or non-string keys, NaN/Inf under JSON, any error).  err is never
 * touched.  keys (NULL-terminated) selects head mode: the document must be
 * a mapping and only these top-level keys are built; the rest is checked. */
int osmo_yaml_fast_load(osmo_value *out, osmo_arena *a, const char *text, size_t len, bool all,
			unsigned flags, const char *const *keys);
/* osmo_yaml_load of a mapping of which only the top-level keys in keys
 * (NULL-terminated) are needed: the same result and errors, but the other
 * keys' values are left out. */
int osmo_yaml_load_head(osmo_value *out, osmo_arena *a, const char *text, size_t len,
			const char *filename, const char *const *keys, osmo_error *err);

#endif
