/* value.h - the value model templates compute with, shaped after the Go
 * types Helm's values take (interface{} holding nil, bool, int, int64,
 * float64, string, []interface{}, map[string]interface{}, plus a few host
 * objects such as .Files, .Capabilities, time.Time and *semver.Version).
 *
 * Ownership: values are small structs passed by value.  Strings, lists, maps
 * and objects live in an osmo_arena (the render's); nothing is freed one by
 * one.  Lists and maps are reference types exactly like Go's slices/maps: a
 * copy of the osmo_value shares the container, so Sprig's `set` mutates the
 * map every holder sees (charts rely on that).
 *
 * Maps keep their entries sorted by key (byte order, as Go's template range
 * and fmt print them), so iteration is deterministic and lookup is a binary
 * search.
 */
#ifndef OSMO_VALUE_H
#define OSMO_VALUE_H

#include "osmo/arena.h"
#include "osmo/buf.h"

typedef enum osmo_vtype {
	OSMO_V_NULL = 0, /* nil interface (also what a missing key yields) */
	OSMO_V_BOOL,
	OSMO_V_INT,    /* signed/unsigned integer; .sub says the Go type */
	OSMO_V_FLOAT,  /* float64 */
	OSMO_V_STRING, /* string or []byte (.sub) */
	OSMO_V_LIST,   /* slice; .sub says the element type */
	OSMO_V_MAP,    /* map[string]...; .sub says the named type */
	OSMO_V_OBJECT  /* host object with fields/methods (see osmo_object) */
} osmo_vtype;

/* Go dynamic types, needed for typeOf/kindOf/%T, deepEqual and the
 * "wrong type for value; expected int; got int64" checks. */
enum {
	/* OSMO_V_INT */
	OSMO_GO_INT = 0, /* int (template literals, len, atoi ...) */
	OSMO_GO_INT64,   /* int64 (Sprig math, --set integers) */
	OSMO_GO_INT32,   /* int32 / rune */
	OSMO_GO_UINT8,   /* byte (index of a string / []byte) */
	OSMO_GO_UINT,
	OSMO_GO_UINT32,
	OSMO_GO_UINT64,
	OSMO_GO_DURATION, /* time.Duration (int64 nanoseconds, prints 1h2m3s) */
	/* OSMO_V_STRING */
	OSMO_GO_STRING = 0,
	OSMO_GO_BYTES, /* []uint8: %v prints [104 105] */
	/* OSMO_V_LIST */
	OSMO_GO_LIST = 0,   /* []interface {} */
	OSMO_GO_STRLIST,    /* []string */
	OSMO_GO_INTLIST,    /* []int */
	OSMO_GO_INT64LIST,  /* []int64 */
	OSMO_GO_FLOATLIST,  /* []float64 */
	OSMO_GO_STRUCTVIEW, /* marshal view of a Go struct: key, value, key, value ...
			     * in field order (encoding/json keeps that order) */
	/* OSMO_V_MAP */
	OSMO_GO_MAP = 0,    /* map[string]interface {} */
	OSMO_GO_VALUES,     /* chartutil.Values (named map type: Sprig's dig rejects it) */
	OSMO_GO_STRMAP      /* map[string]string */
};

typedef struct osmo_list osmo_list;
typedef struct osmo_map osmo_map;
typedef struct osmo_object osmo_object;

typedef struct osmo_str {
	const char *ptr; /* NUL-terminated, may contain NULs within len */
	size_t len;
} osmo_str;

typedef struct osmo_value {
	uint8_t type; /* osmo_vtype */
	uint8_t sub;  /* OSMO_GO_* */
	union {
		bool b;
		int64_t i; /* also unsigned types (stored as bit pattern) */
		double f;
		osmo_str s;
		osmo_list *list;
		osmo_map *map;
		osmo_object *obj;
	} u;
} osmo_value;

struct osmo_list {
	osmo_value *items;
	size_t len, cap;
	bool is_nil; /* a Go nil slice: empty, but marshals as null */
};

typedef struct osmo_map_entry {
	osmo_str key;
	osmo_value val;
} osmo_map_entry;

struct osmo_map {
	osmo_map_entry *ents; /* sorted by key, byte order */
	size_t len, cap;
	bool is_nil; /* a Go nil map: empty, but marshals as null */
};

/* ---- host objects ----------------------------------------------------- */

typedef struct osmo_fnctx osmo_fnctx;

typedef struct osmo_object_class {
	const char *go_type; /* for %T / typeOf, e.g. "*semver.Version" */
	const char *go_kind; /* for kindOf, e.g. "ptr" or "struct" */
	/* .Name on the object: a field or a zero-argument method.  Returns 0,
	 * OSMO_ENOTFOUND when there is no such field/method (the engine then
	 * reports Go's "can't evaluate field X in type T"), or an error code
	 * with ctx->err set. */
	int (*field)(osmo_value *out, osmo_fnctx *ctx, const osmo_object *obj, const char *name);
	/* A method with arguments ((.Files.Get "x"), .Capabilities.APIVersions.Has).
	 * May be NULL.  Same return convention as field. */
	int (*method)(osmo_value *out, osmo_fnctx *ctx, const osmo_object *obj, const char *name,
		      int argc, const osmo_value *argv);
	/* fmt %v rendering (Go's String() method when the type has one). */
	void (*print)(osmo_buf *b, const osmo_object *obj);
	/* Optional: JSON/YAML marshalling view (e.g. time.Time -> RFC3339 string).
	 * Return a plain value; NULL means "marshal as {}". */
	int (*marshal)(osmo_value *out, osmo_arena *a, const osmo_object *obj);
	/* Optional: what a template action prints for the object when Go can
	 * take its address and a pointer-receiver String() applies (e.g.
	 * {{ .Capabilities.KubeVersion }} prints v1.32.0, while toString of the
	 * copied struct prints {v1.32.0 1 32}).  NULL means use print. */
	void (*addr_string)(osmo_buf *b, const osmo_object *obj);
} osmo_object_class;

struct osmo_object {
	const osmo_object_class *cls;
	void *data;
};

/* ---- constructors (arena-owned results) ------------------------------ */

static inline osmo_value osmo_null(void)
{
	osmo_value v = { 0 };
	return v;
}
static inline osmo_value osmo_bool(bool b)
{
	osmo_value v = { 0 };
	v.type = OSMO_V_BOOL;
	v.u.b = b;
	return v;
}
static inline osmo_value osmo_int(int64_t i)
{
	osmo_value v = { 0 };
	v.type = OSMO_V_INT;
	v.sub = OSMO_GO_INT;
	v.u.i = i;
	return v;
}
static inline osmo_value osmo_int64(int64_t i)
{
	osmo_value v = osmo_int(i);
	v.sub = OSMO_GO_INT64;
	return v;
}
static inline osmo_value osmo_float(double f)
{
	osmo_value v = { 0 };
	v.type = OSMO_V_FLOAT;
	v.u.f = f;
	return v;
}
/* Wraps bytes that already live long enough (arena or static). */
static inline osmo_value osmo_str_ref(const char *p, size_t n)
{
	osmo_value v = { 0 };
	v.type = OSMO_V_STRING;
	v.u.s.ptr = p;
	v.u.s.len = n;
	return v;
}
osmo_value osmo_string(osmo_arena *a, const char *s, size_t n); /* copies */
osmo_value osmo_cstring(osmo_arena *a, const char *s);          /* copies */
osmo_value osmo_bytes(osmo_arena *a, const char *s, size_t n);  /* []byte */
osmo_value osmo_string_buf(osmo_arena *a, osmo_buf *b);          /* copies b */
osmo_value osmo_list_new(osmo_arena *a, size_t cap);
osmo_value osmo_map_new(osmo_arena *a, size_t cap);
osmo_value osmo_object_new(osmo_arena *a, const osmo_object_class *cls, void *data);

/* ---- lists ------------------------------------------------------------- */
void osmo_list_push(osmo_arena *a, osmo_list *l, osmo_value v);

/* ---- maps ---------------------------------------------------------------- */
/* Borrowed pointer into the map (invalidated by set/del), NULL if absent. */
osmo_value *osmo_map_get(const osmo_map *m, const char *key, size_t klen);
osmo_value *osmo_map_getc(const osmo_map *m, const char *key);
/* Insert or replace; the key is copied into the arena. */
void osmo_map_set(osmo_arena *a, osmo_map *m, const char *key, size_t klen, osmo_value v);
void osmo_map_setc(osmo_arena *a, osmo_map *m, const char *key, osmo_value v);
bool osmo_map_del(osmo_map *m, const char *key, size_t klen);

/* ---- whole-value operations -------------------------------------------- */
/* Deep copy of lists/maps (strings and objects are shared: immutable). */
osmo_value osmo_value_deep_copy(osmo_arena *a, osmo_value v);
/* reflect.DeepEqual: Go types must match too (int 1 != int64 1). */
bool osmo_value_deep_equal(osmo_value a, osmo_value b);
/* Go's %T / Sprig typeOf ("int", "[]interface {}", "chartutil.Values",
 * "<nil>" for nil). */
const char *osmo_value_gotype(osmo_value v);
/* reflect.Kind name / Sprig kindOf ("int", "slice", "map", "ptr", "invalid"). */
const char *osmo_value_gokind(osmo_value v);
/* Go's "empty" test used by if/with/range truthiness (text/template
 * isTrue): false, 0, nil, "", empty list/map are false.  Objects are true. */
bool osmo_value_truth(osmo_value v);

/* A struct view (OSMO_GO_STRUCTVIEW list) as a map, for marshallers that
 * sort keys anyway; any other value is returned as it is. */
osmo_value osmo_value_struct_to_map(osmo_arena *a, osmo_value v);
/* Go nil slices and maps marshal as null; everything else as itself. */
static inline bool osmo_value_is_nil_container(osmo_value v)
{
	return (v.type == OSMO_V_LIST && v.u.list->is_nil) ||
	       (v.type == OSMO_V_MAP && v.u.map->is_nil);
}

static inline bool osmo_is_string(osmo_value v)
{
	return v.type == OSMO_V_STRING && v.sub == OSMO_GO_STRING;
}

#endif
