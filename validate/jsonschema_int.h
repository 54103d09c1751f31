/* jsonschema_int.h - the compiled form of a JSON schema (gojsonschema's
 * subSchema), shared by the compiler, the validator and the formats. */
#ifndef OSMO_JSONSCHEMA_INT_H
#define OSMO_JSONSCHEMA_INT_H

#include "osmo/jsonschema.h"

/* JSON types in gojsonschema's JSON_TYPES order (its error texts list them so). */
enum { JS_ARRAY, JS_BOOLEAN, JS_INTEGER, JS_NUMBER, JS_NULL, JS_OBJECT, JS_STRING, JS_NTYPES };
extern const char *const js_type_names[JS_NTYPES];

/* gojsonschema's Draft; HYBRID accepts every draft's keyword forms. */
enum { JS_DRAFT4 = 4, JS_DRAFT6 = 6, JS_DRAFT7 = 7, JS_HYBRID = 1000 };

typedef struct js_node js_node;

typedef struct js_named {
	const char *name; /* property name / pattern / dependency key */
	js_node *node;
	const char *const *strs; /* dependencies given as a list of names */
	size_t nstrs;
} js_named;

/* additionalProperties / additionalItems: absent, a boolean or a schema. */
typedef struct js_addl {
	int kind; /* 0 absent, 1 bool, 2 schema */
	bool allow;
	js_node *node;
} js_addl;

typedef struct js_num {
	bool set;
	double v;
} js_num;

struct js_node {
	int pass;      /* -1: a real schema; 0/1: the false/true schema */
	js_node *ref;  /* $ref target: validation goes there and nowhere else */
	uint8_t types[JS_NTYPES]; /* in the order given */
	int ntypes;
	js_named *props; /* sorted by name (gojsonschema's order is Go map order) */
	size_t nprops;
	js_named *pattern_props; /* sorted by pattern */
	size_t npattern_props;
	js_addl addl_props;
	js_node *property_names;
	js_named *deps;
	size_t ndeps;
	js_node **items;
	size_t nitems;
	bool items_single;
	js_addl addl_items;
	js_node *contains;
	js_num multiple_of, minimum, maximum, ex_minimum, ex_maximum;
	long min_length, max_length, min_items, max_items, min_props, max_props; /* -1 unset */
	const char *pattern; /* Go RE2 syntax, matched through Sprig's regex engine */
	const char *format;
	const char **required;
	size_t nrequired;
	bool unique_items;
	const char *const_json; /* canonical JSON (json.Marshal of the float64 form) */
	const char **enum_json;
	size_t nenum;
	js_node **all_of, **any_of, **one_of;
	size_t nall_of, nany_of, none_of;
	js_node *not_, *if_, *then_, *else_;
	/* Kubernetes extensions (OSMO_JSONSCHEMA_KUBERNETES only) */
	bool k8s_int_or_string, k8s_preserve_unknown, k8s_embedded;
};

struct osmo_jsonschema {
	osmo_arena *arena; /* owns every node and string */
	js_node *root;
	unsigned flags;
};

/* ---- results (jsonschema_errors.c) ------------------------------------- */

/* gojsonschema's JsonContext: a persistent list, innermost segment first. */
typedef struct js_ctx {
	const char *head;
	size_t hlen;
	const struct js_ctx *tail;
} js_ctx;

/* gojsonschema's Result: errors plus the match score anyOf/oneOf use to
 * pick the closest alternative's errors. */
typedef struct js_res {
	osmo_jsonschema_error *v;
	size_t n, cap;
	int score;
} js_res;

/* addInternalError: records "<type>" with the formatted description at
 * ctx, and lowers the score by 2. */
void js_res_add(osmo_arena *a, js_res *r, const js_ctx *ctx, const char *type, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* mergeErrors: appends src's errors and adds its score. */
void js_res_merge(osmo_arena *a, js_res *dst, const js_res *src);
/* ResultError.Field(): the context without its "(root)." prefix. */
char *js_ctx_field(osmo_arena *a, const js_ctx *ctx);

/* ---- shared helpers (jsonschema_errors.c) ------------------------------ */

/* json.Marshal of v after a float64 round trip (gojsonschema's
 * marshalWithoutNumber): integers become float64 first. */
char *js_canonical_json(osmo_arena *a, osmo_value v);
/* %v of a big.Float built from a schema number: Go's shortest %g. */
void js_format_number(osmo_buf *b, double d);
/* The shortest round-trip digits in %e form ("1.25e-02"), for exact
 * decimal arithmetic. */
void js_format_number_e(osmo_buf *b, double d);
/* Go RE2 matching (Sprig's engine).  1 match, 0 no match, <0 invalid
 * pattern (message in *errmsg when not NULL, malloc'd). */
int js_regex_match(const char *pattern, const char *s, size_t n, char **errmsg);

/* ---- formats (jsonschema_formats.c) ------------------------------------ */
/* gojsonschema's FormatCheckers.IsFormat on a string; unknown formats pass. */
bool js_format_check_string(const char *format, const char *s, size_t n);
/* Whether gojsonschema has a checker for the format (a number then fails it). */
bool js_format_known(const char *format);

#endif
