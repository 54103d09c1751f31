/* jsonschema_compile.c - schema documents into js_node trees, keyword by
 * keyword in gojsonschema's parseSchema order, so the first problem found
 * is the one gojsonschema reports, with its text. */
#include "jsonschema_int.h"

#include "osmo/json.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const js_type_names[JS_NTYPES] = { "array", "boolean", "integer", "number",
					       "null",  "object",  "string" };

typedef struct refent {
	const char *ref;
	js_node *node;
} refent;

typedef struct compiler {
	osmo_arena *a;
	osmo_value doc; /* the root document, for JSON-pointer $refs */
	const char *base_id; /* the root's $id without fragment, or "" */
	int draft;
	unsigned flags;
	refent *refs; /* gojsonschema's referencePool */
	size_t nrefs, refcap;
	osmo_error *err;
} compiler;

static int fail(compiler *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(compiler *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	osmo_error_vset(c->err, OSMO_EPARSE, fmt, ap);
	va_end(ap);
	return OSMO_EPARSE;
}

/* Locale texts used by the schema parser. */
static int invalid_type(compiler *c, const char *expected, const char *given)
{
	return fail(c, "Invalid type. Expected: %s, given: %s", expected, given);
}
static int must_be_of_a(compiler *c, const char *x, const char *y)
{
	return fail(c, "%s must be of a %s", x, y);
}
static int must_be_of_an(compiler *c, const char *x, const char *y)
{
	return fail(c, "%s must be of an %s", x, y);
}
static int must_be_of_type(compiler *c, const char *key, const char *type)
{
	return fail(c, "%s must be of type %s", key, type);
}

static bool is_map(osmo_value v)
{
	return v.type == OSMO_V_MAP;
}
static bool is_bool(osmo_value v)
{
	return v.type == OSMO_V_BOOL;
}
static bool is_num(osmo_value v)
{
	return v.type == OSMO_V_FLOAT || v.type == OSMO_V_INT;
}
static double num_of(osmo_value v)
{
	return v.type == OSMO_V_INT ? (double)v.u.i : v.u.f;
}
static bool is_str(osmo_value v)
{
	return v.type == OSMO_V_STRING;
}
static bool is_list(osmo_value v)
{
	return v.type == OSMO_V_LIST;
}

static osmo_value *get(osmo_value m, const char *k)
{
	return osmo_map_getc(m.u.map, k);
}

/* mustBeInteger: an integral number, or -2 when it is not one. */
static long must_be_integer(osmo_value v)
{
	if (!is_num(v))
		return -2;
	double d = num_of(v);
	if (!isfinite(d) || floor(d) != d || fabs(d) > 9.2e18)
		return -2;
	return (long)d;
}

static js_node *new_node(compiler *c)
{
	js_node *n = osmo_arena_alloc(c->a, sizeof(*n));
	n->pass = -1;
	n->min_length = n->max_length = n->min_items = n->max_items = -1;
	n->min_props = n->max_props = -1;
	return n;
}

static int parse(compiler *c, osmo_value doc, js_node *n);

static int sub(compiler *c, osmo_value doc, js_node **out)
{
	*out = new_node(c);
	return parse(c, doc, *out);
}

/* ---- $ref ----------------------------------------------------------------- */

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* One reference token: URL-unescaped (the fragment went through url.Parse)
 * then ~1 -> / and ~0 -> ~. */
static char *decode_token(osmo_arena *a, const char *s, size_t n)
{
	char *t = osmo_arena_alloc(a, n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
			t[k++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			i += 2;
		} else {
			t[k++] = s[i];
		}
	}
	t[k] = 0;
	size_t w = 0;
	for (size_t i = 0; i < k; i++) {
		if (t[i] == '~' && i + 1 < k && (t[i + 1] == '0' || t[i + 1] == '1')) {
			t[w++] = t[i + 1] == '0' ? '~' : '/';
			i++;
		} else {
			t[w++] = t[i];
		}
	}
	t[w] = 0;
	return t;
}

/* gojsonpointer's Get over the root document. */
static int resolve_pointer(compiler *c, const char *ptr, osmo_value *out)
{
	osmo_value cur = c->doc;
	if (!*ptr) {
		*out = cur;
		return 0;
	}
	if (*ptr != '/')
		return fail(c, "JSON pointer must be empty or start with a \"/\"");
	const char *p = ptr + 1;
	for (;;) {
		const char *slash = strchr(p, '/');
		size_t l = slash ? (size_t)(slash - p) : strlen(p);
		char *tok = decode_token(c->a, p, l);
		if (cur.type == OSMO_V_MAP) {
			osmo_value *v = osmo_map_getc(cur.u.map, tok);
			if (!v)
				return fail(c, "Object has no key '%s'", tok);
			cur = *v;
		} else if (cur.type == OSMO_V_LIST) {
			char *end;
			long idx = strtol(tok, &end, 10);
			if (!*tok || *end)
				return fail(c, "Invalid array index '%s'", tok);
			if (idx < 0 || (size_t)idx >= cur.u.list->len)
				return fail(c, "Out of bound array[0,%zu] index '%ld'", cur.u.list->len, idx);
			cur = cur.u.list->items[idx];
		} else {
			return fail(c, "Invalid token reference '%s'", tok);
		}
		if (!slash)
			break;
		p = slash + 1;
	}
	*out = cur;
	return 0;
}

static int parse_ref(compiler *c, const char *ref, js_node *n)
{
	for (size_t i = 0; i < c->nrefs; i++)
		if (!strcmp(c->refs[i].ref, ref)) {
			n->ref = c->refs[i].node;
			return 1; /* found in the pool: the rest of the keywords still parse */
		}
	const char *frag = NULL;
	size_t blen = strlen(c->base_id);
	if (ref[0] == '#')
		frag = ref + 1;
	else if (blen && !strncmp(ref, c->base_id, blen) && (ref[blen] == '#' || !ref[blen]))
		frag = ref[blen] ? ref + blen + 1 : "";
	if (!frag) {
		const char *colon = strchr(ref, ':'), *slash = strchr(ref, '/');
		if (!colon || (slash && slash < colon)) {
			/* resolved against the bytes loader's empty base URL first */
			const char *p = ref;
			while (!strncmp(p, "./", 2) || !strncmp(p, "../", 3))
				p += p[1] == '/' ? 2 : 3;
			return fail(c, "Reference %s%s must be canonical", *p == '/' ? "" : "/", p);
		}
		return fail(c, "remote $ref %s: only references into the same schema document are supported", ref);
	}
	js_node *target = new_node(c);
	if (c->nrefs == c->refcap) {
		c->refcap = c->refcap ? 2 * c->refcap : 8;
		c->refs = osmo_arena_realloc(c->a, c->refs, c->nrefs * sizeof(refent), c->refcap * sizeof(refent));
	}
	c->refs[c->nrefs].ref = osmo_arena_strdup(c->a, ref);
	c->refs[c->nrefs++].node = target;
	osmo_value doc;
	int rc = resolve_pointer(c, frag, &doc);
	if (rc)
		return rc;
	if (!is_map(doc) && !is_bool(doc))
		return must_be_of_type(c, "valid schema", "object");
	rc = parse(c, doc, target);
	if (rc)
		return rc;
	n->ref = target;
	return 0;
}

/* ---- keyword groups ------------------------------------------------------ */

static int add_type(compiler *c, js_node *n, osmo_str t)
{
	int k;
	for (k = 0; k < JS_NTYPES; k++)
		if (strlen(js_type_names[k]) == t.len && !memcmp(js_type_names[k], t.ptr, t.len))
			break;
	if (k == JS_NTYPES)
		return fail(c, "has a primitive type that is NOT VALID -- given: /%.*s/ Expected valid values are:[array boolean integer number null object string]",
			    (int)t.len, t.ptr);
	for (int i = 0; i < n->ntypes; i++)
		if (n->types[i] == k)
			return fail(c, "%s type is duplicated", js_type_names[k]);
	n->types[n->ntypes++] = (uint8_t)k;
	return 0;
}

static int parse_type(compiler *c, osmo_value t, js_node *n)
{
	if (is_str(t))
		return add_type(c, n, t.u.s);
	if (!is_list(t))
		return invalid_type(c, "string/array of strings", "type");
	for (size_t i = 0; i < t.u.list->len; i++) {
		osmo_value e = t.u.list->items[i];
		if (!is_str(e))
			return invalid_type(c, "string/array of strings", "type");
		int rc = add_type(c, n, e.u.s);
		if (rc)
			return rc;
	}
	return 0;
}

static int parse_named(compiler *c, osmo_value m, js_named **out, size_t *nout)
{
	osmo_map *mm = m.u.map;
	*out = osmo_arena_alloc(c->a, (mm->len + 1) * sizeof(js_named));
	*nout = mm->len;
	for (size_t i = 0; i < mm->len; i++) {
		(*out)[i].name = osmo_arena_strdup(c->a, mm->ents[i].key.ptr);
		int rc = sub(c, mm->ents[i].val, &(*out)[i].node);
		if (rc)
			return rc;
	}
	return 0;
}

static int parse_addl(compiler *c, osmo_value v, js_addl *out, const char *key)
{
	if (is_bool(v)) {
		out->kind = 1;
		out->allow = v.u.b;
		return 0;
	}
	if (is_map(v)) {
		out->kind = 2;
		return sub(c, v, &out->node);
	}
	return invalid_type(c, "boolean/valid schema", key);
}

static int parse_deps(compiler *c, osmo_value m, js_node *n)
{
	if (!is_map(m))
		return must_be_of_type(c, "dependencies", "object");
	osmo_map *mm = m.u.map;
	n->deps = osmo_arena_alloc(c->a, (mm->len + 1) * sizeof(js_named));
	for (size_t i = 0; i < mm->len; i++) {
		osmo_value v = mm->ents[i].val;
		js_named *d = &n->deps[n->ndeps];
		d->name = osmo_arena_strdup(c->a, mm->ents[i].key.ptr);
		if (is_list(v)) {
			const char **s = osmo_arena_alloc(c->a, (v.u.list->len + 1) * sizeof(char *));
			for (size_t j = 0; j < v.u.list->len; j++) {
				if (!is_str(v.u.list->items[j]))
					return must_be_of_type(c, "dependency", "schema or array of strings");
				s[j] = osmo_arena_strdup(c->a, v.u.list->items[j].u.s.ptr);
			}
			d->strs = s;
			d->nstrs = v.u.list->len;
			if (d->nstrs) /* an empty list registers nothing */
				n->ndeps++;
		} else if (is_map(v) || is_bool(v)) {
			int rc = sub(c, v, &d->node);
			if (rc)
				return rc;
			n->ndeps++;
		} else {
			return must_be_of_type(c, "dependency", "schema or array of strings");
		}
	}
	return 0;
}

static int parse_items(compiler *c, osmo_value v, js_node *n)
{
	if (is_list(v)) {
		n->items = osmo_arena_alloc(c->a, (v.u.list->len + 1) * sizeof(js_node *));
		for (size_t i = 0; i < v.u.list->len; i++) {
			osmo_value e = v.u.list->items[i];
			if (!is_map(e) && !is_bool(e))
				return invalid_type(c, "valid schema/array of schemas", "items");
			int rc = sub(c, e, &n->items[n->nitems++]);
			if (rc)
				return rc;
		}
		return 0;
	}
	if (is_map(v) || is_bool(v)) {
		n->items = osmo_arena_alloc(c->a, sizeof(js_node *));
		n->nitems = 1;
		n->items_single = true;
		return sub(c, v, &n->items[0]);
	}
	return invalid_type(c, "valid schema/array of schemas", "items");
}

static int parse_exclusive(compiler *c, osmo_value v, js_num *bound, js_num *ex, const char *key,
			   const char *bound_key)
{
	if (c->draft == JS_DRAFT4 || (c->draft == JS_HYBRID && is_bool(v))) {
		if (!is_bool(v))
			return invalid_type(c, "boolean", key);
		if (!bound->set)
			return fail(c, "%s cannot be used without %s", key, bound_key);
		if (v.u.b) {
			*ex = *bound;
			bound->set = false;
		}
		return 0;
	}
	if (!is_num(v))
		return invalid_type(c, c->draft == JS_HYBRID ? "boolean/number" : "number", key);
	ex->set = true;
	ex->v = num_of(v);
	return 0;
}

static int parse_count(compiler *c, osmo_value m, const char *key, long *out)
{
	osmo_value *v = get(m, key);
	if (!v)
		return 0;
	long i = must_be_integer(*v);
	if (i == -2)
		return must_be_of_an(c, key, "integer");
	if (i < 0)
		return fail(c, "%s must be greater than or equal to 0", key);
	*out = i;
	return 0;
}

static int parse_schema_list(compiler *c, osmo_value m, const char *key, const char *errkey,
			     js_node ***out, size_t *nout)
{
	osmo_value *v = get(m, key);
	if (!v)
		return 0;
	if (!is_list(*v))
		return must_be_of_an(c, errkey, "array");
	*out = osmo_arena_alloc(c->a, (v->u.list->len + 1) * sizeof(js_node *));
	for (size_t i = 0; i < v->u.list->len; i++) {
		int rc = sub(c, v->u.list->items[i], &(*out)[(*nout)++]);
		if (rc)
			return rc;
	}
	return 0;
}

static int parse_object_schema(compiler *c, osmo_value m, const char *key, js_node **out)
{
	osmo_value *v = get(m, key);
	if (!v)
		return 0;
	if (!is_map(*v) && !is_bool(*v))
		return must_be_of_an(c, key, "object");
	return sub(c, *v, out);
}

static int parse_number_keywords(compiler *c, osmo_value m, js_node *n)
{
	osmo_value *v;
	int rc;
	if ((v = get(m, "multipleOf"))) {
		if (!is_num(*v))
			return invalid_type(c, "number", "multipleOf");
		if (num_of(*v) <= 0)
			return fail(c, "multipleOf must be strictly greater than 0");
		n->multiple_of.set = true;
		n->multiple_of.v = num_of(*v);
	}
	if ((v = get(m, "minimum"))) {
		if (!is_num(*v))
			return must_be_of_a(c, "minimum", "number");
		n->minimum.set = true;
		n->minimum.v = num_of(*v);
	}
	if ((v = get(m, "exclusiveMinimum")) &&
	    (rc = parse_exclusive(c, *v, &n->minimum, &n->ex_minimum, "exclusiveMinimum", "minimum")))
		return rc;
	if ((v = get(m, "maximum"))) {
		if (!is_num(*v))
			return must_be_of_a(c, "maximum", "number");
		n->maximum.set = true;
		n->maximum.v = num_of(*v);
	}
	if ((v = get(m, "exclusiveMaximum")) &&
	    (rc = parse_exclusive(c, *v, &n->maximum, &n->ex_maximum, "exclusiveMaximum", "maximum")))
		return rc;
	return 0;
}

static int parse_string_keywords(compiler *c, osmo_value m, js_node *n)
{
	int rc;
	if ((rc = parse_count(c, m, "minLength", &n->min_length)) ||
	    (rc = parse_count(c, m, "maxLength", &n->max_length)))
		return rc;
	if (n->min_length >= 0 && n->max_length >= 0 && n->min_length > n->max_length)
		return fail(c, "minLength cannot be greater than maxLength");
	osmo_value *v;
	if ((v = get(m, "pattern"))) {
		if (!is_str(*v))
			return must_be_of_a(c, "pattern", "string");
		if (js_regex_match(v->u.s.ptr, "", 0, NULL) < 0)
			return fail(c, "pattern must be a valid regex");
		n->pattern = osmo_arena_strdup(c->a, v->u.s.ptr);
	}
	if ((v = get(m, "format"))) {
		if (!is_str(*v))
			return must_be_of_type(c, "format", "string");
		n->format = osmo_arena_strdup(c->a, v->u.s.ptr);
	}
	return 0;
}

static int parse_object_keywords(compiler *c, osmo_value m, js_node *n)
{
	int rc;
	if ((rc = parse_count(c, m, "minProperties", &n->min_props)) ||
	    (rc = parse_count(c, m, "maxProperties", &n->max_props)))
		return rc;
	if (n->min_props >= 0 && n->max_props >= 0 && n->min_props > n->max_props)
		return fail(c, "minProperties cannot be greater than maxProperties");
	osmo_value *v = get(m, "required");
	if (v) {
		if (!is_list(*v))
			return must_be_of_an(c, "required", "array");
		n->required = osmo_arena_alloc(c->a, (v->u.list->len + 1) * sizeof(char *));
		for (size_t i = 0; i < v->u.list->len; i++) {
			osmo_value e = v->u.list->items[i];
			if (!is_str(e))
				return fail(c, "required items must be string");
			for (size_t j = 0; j < n->nrequired; j++)
				if (!strcmp(n->required[j], e.u.s.ptr))
					return fail(c, "required items must be unique");
			n->required[n->nrequired++] = osmo_arena_strdup(c->a, e.u.s.ptr);
		}
	}
	return 0;
}

static int parse_array_keywords(compiler *c, osmo_value m, js_node *n)
{
	int rc;
	if ((rc = parse_count(c, m, "minItems", &n->min_items)) ||
	    (rc = parse_count(c, m, "maxItems", &n->max_items)))
		return rc;
	osmo_value *v;
	if ((v = get(m, "uniqueItems"))) {
		if (!is_bool(*v))
			return must_be_of_a(c, "uniqueItems", "boolean");
		n->unique_items = v->u.b;
	}
	if ((v = get(m, "contains")) && c->draft >= JS_DRAFT6 && (rc = sub(c, *v, &n->contains)))
		return rc;
	return 0;
}

static int parse_values_keywords(compiler *c, osmo_value m, js_node *n)
{
	osmo_value *v;
	if ((v = get(m, "const")) && c->draft >= JS_DRAFT6)
		n->const_json = js_canonical_json(c->a, *v);
	if ((v = get(m, "enum"))) {
		if (!is_list(*v))
			return must_be_of_an(c, "enum", "array");
		n->enum_json = osmo_arena_alloc(c->a, (v->u.list->len + 1) * sizeof(char *));
		for (size_t i = 0; i < v->u.list->len; i++) {
			char *s = js_canonical_json(c->a, v->u.list->items[i]);
			for (size_t j = 0; j < n->nenum; j++)
				if (!strcmp(n->enum_json[j], s))
					return fail(c, "enum items must be unique");
			n->enum_json[n->nenum++] = s;
		}
	}
	return 0;
}

static int parse_k8s(compiler *c, osmo_value m, js_node *n)
{
	osmo_value *v;
	if (!(c->flags & OSMO_JSONSCHEMA_KUBERNETES))
		return 0;
	if ((v = get(m, "x-kubernetes-int-or-string")))
		n->k8s_int_or_string = is_bool(*v) && v->u.b;
	if ((v = get(m, "x-kubernetes-preserve-unknown-fields")))
		n->k8s_preserve_unknown = is_bool(*v) && v->u.b;
	if ((v = get(m, "x-kubernetes-embedded-resource")))
		n->k8s_embedded = is_bool(*v) && v->u.b;
	return 0;
}

/* parseSchema. */
static int parse(compiler *c, osmo_value doc, js_node *n)
{
	int rc;
	osmo_value *v;
	if (c->draft >= JS_DRAFT6 && is_bool(doc)) {
		n->pass = doc.u.b;
		return 0;
	}
	if (!is_map(doc))
		return fail(c, "Expected: valid schema, given: Invalid JSON");
	const char *key_id = c->draft == JS_DRAFT4 ? "id" : "$id";
	if (c->draft == JS_HYBRID && get(doc, "id"))
		key_id = "id";
	if ((v = get(doc, key_id)) && !is_str(*v))
		return invalid_type(c, "string", key_id);
	if ((v = get(doc, "definitions"))) {
		if (!is_map(*v))
			return invalid_type(c, "array of schemas", "definitions");
		for (size_t i = 0; i < v->u.map->len; i++) {
			osmo_value d = v->u.map->ents[i].val;
			js_node *tmp;
			if (!is_map(d) && !is_bool(d))
				return invalid_type(c, "array of schemas", "definitions");
			if ((rc = sub(c, d, &tmp)))
				return rc;
		}
	}
	if ((v = get(doc, "title")) && !is_str(*v))
		return invalid_type(c, "string", "title");
	if ((v = get(doc, "description")) && !is_str(*v))
		return invalid_type(c, "string", "description");
	if ((v = get(doc, "$ref"))) {
		if (!is_str(*v))
			return invalid_type(c, "string", "$ref");
		rc = parse_ref(c, v->u.s.ptr, n);
		if (rc <= 0)
			return rc; /* freshly resolved: gojsonschema stops here */
	}
	if ((v = get(doc, "type")) && (rc = parse_type(c, *v, n)))
		return rc;
	if ((v = get(doc, "properties"))) {
		if (!is_map(*v))
			return must_be_of_type(c, "properties", "object");
		if ((rc = parse_named(c, *v, &n->props, &n->nprops)))
			return rc;
	}
	if ((v = get(doc, "additionalProperties")) &&
	    (rc = parse_addl(c, *v, &n->addl_props, "additionalProperties")))
		return rc;
	if ((v = get(doc, "patternProperties"))) {
		if (!is_map(*v))
			return invalid_type(c, "valid schema", "patternProperties");
		for (size_t i = 0; i < v->u.map->len; i++)
			if (js_regex_match(v->u.map->ents[i].key.ptr, "", 0, NULL) < 0)
				return fail(c, "Invalid regex pattern '%s'", v->u.map->ents[i].key.ptr);
		if ((rc = parse_named(c, *v, &n->pattern_props, &n->npattern_props)))
			return rc;
	}
	if ((v = get(doc, "propertyNames")) && c->draft >= JS_DRAFT6) {
		if (!is_map(*v) && !is_bool(*v))
			return invalid_type(c, "valid schema", "patternProperties");
		if ((rc = sub(c, *v, &n->property_names)))
			return rc;
	}
	if ((v = get(doc, "dependencies")) && (rc = parse_deps(c, *v, n)))
		return rc;
	if ((v = get(doc, "items")) && (rc = parse_items(c, *v, n)))
		return rc;
	if ((v = get(doc, "additionalItems")) &&
	    (rc = parse_addl(c, *v, &n->addl_items, "additionalItems")))
		return rc;
	if ((rc = parse_number_keywords(c, doc, n)) || (rc = parse_string_keywords(c, doc, n)) ||
	    (rc = parse_object_keywords(c, doc, n)) || (rc = parse_array_keywords(c, doc, n)) ||
	    (rc = parse_values_keywords(c, doc, n)))
		return rc;
	if ((rc = parse_schema_list(c, doc, "oneOf", "oneOf", &n->one_of, &n->none_of)) ||
	    (rc = parse_schema_list(c, doc, "anyOf", "anyOf", &n->any_of, &n->nany_of)) ||
	    (rc = parse_schema_list(c, doc, "allOf", "anyOf", &n->all_of, &n->nall_of)) ||
	    (rc = parse_object_schema(c, doc, "not", &n->not_)))
		return rc;
	if (c->draft >= JS_DRAFT7 &&
	    ((rc = parse_object_schema(c, doc, "if", &n->if_)) ||
	     (rc = parse_object_schema(c, doc, "then", &n->then_)) ||
	     (rc = parse_object_schema(c, doc, "else", &n->else_))))
		return rc;
	return parse_k8s(c, doc, n);
}

/* parseSchemaURL: the draft named by $schema (its empty fragment ignored). */
static int detect_draft(compiler *c, osmo_value doc)
{
	c->draft = JS_HYBRID;
	if (is_bool(doc))
		return 0;
	if (!is_map(doc))
		return fail(c, "schema is invalid");
	osmo_value *v = get(doc, "$schema");
	if (!v)
		return 0;
	if (!is_str(*v))
		return must_be_of_type(c, "$schema", "string");
	static const struct {
		const char *url;
		int draft;
	} known[] = { { "http://json-schema.org/draft-04/schema", JS_DRAFT4 },
		      { "http://json-schema.org/draft-06/schema", JS_DRAFT6 },
		      { "http://json-schema.org/draft-07/schema", JS_DRAFT7 } };
	size_t l = v->u.s.len;
	if (l && v->u.s.ptr[l - 1] == '#')
		l--;
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strlen(known[i].url) == l && !memcmp(known[i].url, v->u.s.ptr, l))
			c->draft = known[i].draft;
	return 0;
}

int osmo_jsonschema_compile_flags(osmo_jsonschema **out, osmo_value schema_doc, unsigned flags,
				  osmo_error *err)
{
	compiler c = { 0 };
	*out = NULL;
	c.a = osmo_arena_new();
	c.doc = schema_doc;
	c.flags = flags;
	c.err = err;
	c.base_id = "";
	int rc = detect_draft(&c, schema_doc);
	if (!rc && is_map(schema_doc)) {
		osmo_value *id = get(schema_doc, "$id");
		if (!id)
			id = get(schema_doc, "id");
		if (id && is_str(*id)) {
			const char *h = strchr(id->u.s.ptr, '#');
			c.base_id = osmo_arena_strndup(c.a, id->u.s.ptr,
						       h ? (size_t)(h - id->u.s.ptr) : id->u.s.len);
		}
	}
	js_node *root = new_node(&c);
	if (!rc)
		rc = parse(&c, schema_doc, root);
	if (rc) {
		osmo_arena_free(c.a);
		return rc;
	}
	osmo_jsonschema *s = osmo_malloc(sizeof(*s));
	s->arena = c.a;
	s->root = root;
	s->flags = flags;
	*out = s;
	return 0;
}

int osmo_jsonschema_compile(osmo_jsonschema **out, osmo_value schema_doc, osmo_error *err)
{
	return osmo_jsonschema_compile_flags(out, schema_doc, 0, err);
}

void osmo_jsonschema_free(osmo_jsonschema *s)
{
	if (!s)
		return;
	osmo_arena_free(s->arena);
	osmo_free(s);
}

/* ---- loading JSON text like gojsonschema's bytes loader ------------------ */

/* End of the first JSON value (json.Decoder reads one value and ignores the
 * rest), or 0 when it does not close. */
static size_t first_value_end(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	if (i == n)
		return 0;
	if (s[i] != '{' && s[i] != '[') {
		if (s[i] == '"') {
			for (i++; i < n; i++) {
				if (s[i] == '\\')
					i++;
				else if (s[i] == '"')
					return i + 1;
			}
			return 0;
		}
		while (i < n && !strchr(" \t\r\n,]}[{\"", s[i]))
			i++;
		return i;
	}
	int depth = 0;
	for (; i < n; i++) {
		char ch = s[i];
		if (ch == '"') {
			for (i++; i < n && s[i] != '"'; i++)
				if (s[i] == '\\')
					i++;
		} else if (ch == '{' || ch == '[') {
			depth++;
		} else if (ch == '}' || ch == ']') {
			if (--depth == 0)
				return i + 1;
		}
	}
	return 0;
}

int osmo_jsonschema_compile_json(osmo_jsonschema **out, const char *json, size_t len,
				 unsigned flags, osmo_error *err)
{
	*out = NULL;
	size_t i = 0;
	while (i < len && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r'))
		i++;
	if (i == len) {
		osmo_error_set(err, OSMO_EPARSE, "EOF");
		return OSMO_EPARSE;
	}
	size_t end = first_value_end(json, len);
	osmo_arena *a = osmo_arena_new();
	osmo_value doc;
	osmo_error perr = { 0 };
	int rc = osmo_json_parse(&doc, a, json, end ? end : len, &perr);
	if (rc) {
		const char *m = perr.msg ? perr.msg : "invalid JSON";
		if (!strcmp(m, "unexpected end of JSON input"))
			m = "unexpected EOF";
		osmo_error_set(err, OSMO_EPARSE, "%s", m);
		osmo_error_dispose(&perr);
		osmo_arena_free(a);
		return OSMO_EPARSE;
	}
	rc = osmo_jsonschema_compile_flags(out, doc, flags, err);
	osmo_arena_free(a);
	return rc;
}
