/* json.h - Go encoding/json as Helm and Sprig use it: Marshal (toJson,
 * toRawJson, toPrettyJson) and Unmarshal into interface{} (fromJson). */
#ifndef OSMO_JSON_H
#define OSMO_JSON_H

#include "osmo/value.h"

enum {
	OSMO_JSON_INDENT = 1u << 0, /* MarshalIndent(v, "", "  ") */
	OSMO_JSON_RAW = 1u << 1,    /* SetEscapeHTML(false): keep < > & */
	/* Unmarshal targets (osmo_json_parse_as) */
	OSMO_JSON_WANT_MAP = 1u << 2,  /* map[string]interface{} */
	OSMO_JSON_WANT_LIST = 1u << 3  /* []interface{} */
};

/* json.Marshal(v) appended to b: sorted keys, HTML-safe escaping (unless
 * RAW), U+2028/U+2029 escaped, invalid UTF-8 -> \ufffd, floats as Go
 * formats them (1e-7, 1e+21), []byte as base64, nil list/map -> null.
 * Returns 0, or OSMO_ERROR with err (may be NULL) holding Go's text, e.g.
 * "json: unsupported value: NaN"; b then holds partial output. */
int osmo_json_write(osmo_buf *b, osmo_value v, unsigned flags, osmo_error *err);

/* json.Unmarshal(s, &interface{}): numbers float64, objects maps, arrays
 * lists.  Errors carry Go's text ("unexpected end of JSON input",
 * "invalid character 'x' looking for beginning of value"). */
int osmo_json_parse(osmo_value *out, osmo_arena *a, const char *s, size_t n, osmo_error *err);

/* Same with a typed target (OSMO_JSON_WANT_MAP / _LIST): a mismatching
 * top-level value fails with "json: cannot unmarshal array into Go value
 * of type map[string]interface {}"; null yields an empty map/list. */
int osmo_json_parse_as(osmo_value *out, osmo_arena *a, const char *s, size_t n, unsigned flags,
		       osmo_error *err);

#endif
