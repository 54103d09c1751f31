/* toml.h - Helm's toToml (BurntSushi/toml Encoder) and fromToml (Decode
 * into map[string]interface{}).  The decoder covers the common subset:
 * key/value pairs, dotted and quoted keys, [tables], [[arrays of tables]],
 * strings, integers (int64), floats, booleans, arrays and inline tables. */
#ifndef OSMO_TOML_H
#define OSMO_TOML_H

#include "osmo/value.h"

/* Appends the encoding of v; 0 or OSMO_ERROR with err set (Go's text). */
int osmo_toml_write(osmo_buf *b, osmo_value v, osmo_error *err);
/* Parses a TOML document into a map; OSMO_EPARSE with "toml: ..." text. */
int osmo_toml_parse(osmo_value *out, osmo_arena *a, const char *s, size_t n, osmo_error *err);

#endif
