/* yaml.h - YAML reading and writing with Helm's exact semantics.
 *
 * Reading follows sigs.k8s.io/yaml.Unmarshal as Helm uses it: go-yaml v2
 * (YAML 1.1 resolution: y/yes/on are bools, 0755 is octal, merge keys, ...)
 * decodes into interface{}, keys are stringified, and the result goes
 * through encoding/json, so every number ends up float64.
 *
 * Writing is Helm's toYaml (sigs.k8s.io/yaml.Marshal: JSON round trip, then
 * the go-yaml v2 emitter) and toYamlPretty (go-yaml v3 encoder, indent 2).
 */
#ifndef OSMO_YAML_H
#define OSMO_YAML_H

#include "osmo/value.h"

enum {
	/* Skip the JSON round trip: keep go-yaml's own typing (int -> Go int,
	 * big unsigned -> uint64, .inf/.nan allowed) and its bare "yaml: ..."
	 * error texts.  Keys are still stringified as sigs.k8s.io/yaml does. */
	OSMO_YAML_GOTYPES = 1u << 0,
	/* Decode target is map[string]interface{} (values.yaml, fromYaml): a
	 * non-map document fails with encoding/json's "cannot unmarshal array
	 * into Go value of type map[string]interface {}"; an empty document
	 * yields an empty map. */
	OSMO_YAML_WANT_MAP = 1u << 1,
	/* Decode target is []interface{} (fromYamlArray). */
	OSMO_YAML_WANT_LIST = 1u << 2,
	/* Record key-path locations (osmo_yaml_load_doc only). */
	OSMO_YAML_LOCATIONS = 1u << 3
};

/* Parse the first document of text (like yaml.Unmarshal: later documents
 * are ignored).  An empty document gives null (or {} / [] with WANT_*).
 * On failure returns OSMO_EPARSE (or OSMO_ELIMIT for the depth/aliasing
 * limits) with err->msg worded as Helm prints it after its own prefix,
 * e.g. "error converting YAML to JSON: yaml: line 2: did not find expected
 * key"; err's line (1-based) is set when known.  filename is only stored
 * in err.  Results live in a. */
int osmo_yaml_load(osmo_value *out, osmo_arena *a, const char *text, size_t len,
		   const char *filename, unsigned flags, osmo_error *err);

/* Every document of a stream ("---" separated), as a list of values. */
int osmo_yaml_load_all(osmo_value *out, osmo_arena *a, const char *text, size_t len,
		       const char *filename, unsigned flags, osmo_error *err);

/* A loaded document with source positions of its nodes. */
typedef struct osmo_yaml_loc {
	const char *path; /* "a.b[0].c"; "" for the root */
	int line, col;    /* 1-based, of the key (or of the item for lists) */
} osmo_yaml_loc;

typedef struct osmo_yaml_doc {
	osmo_value root;
	osmo_yaml_loc *locs; /* in document order; arena-owned */
	size_t nlocs;
} osmo_yaml_doc;

/* osmo_yaml_load plus the location table (flags | OSMO_YAML_LOCATIONS). */
int osmo_yaml_load_doc(osmo_yaml_doc *out, osmo_arena *a, const char *text, size_t len,
		       const char *filename, unsigned flags, osmo_error *err);

/* Position of keypath ("a.b[0].c") in doc; false if unknown.  When a key
 * occurs twice the last occurrence (the one that won) is reported. */
bool osmo_yaml_locate(const osmo_yaml_doc *doc, const char *keypath, int *line, int *col);

/* sigs.k8s.io/yaml.Marshal(v): appends go-yaml v2 output, trailing newline
 * included.  Returns 0, or OSMO_ERROR with err set (json.Marshal failures
 * such as NaN: "error marshaling into JSON: json: unsupported value: NaN");
 * err may be NULL. */
int osmo_yaml_write(osmo_buf *b, osmo_value v, osmo_error *err);

/* toYamlPretty: go-yaml v3 Encoder with SetIndent(2), no JSON round trip
 * (1e6 stays a float and prints 1e+06).  Same return convention. */
int osmo_yaml_write_pretty(osmo_buf *b, osmo_value v, osmo_error *err);

/* go-yaml v2's natural key order (keyList.Less) on string keys: digit runs
 * compare numerically, letters after non-letters.  <0, 0, >0. */
int osmo_yaml_keycmp(const char *a, size_t an, const char *b, size_t bn);

#endif
