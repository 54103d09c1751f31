/* jsonschema_keywords.c - validation, as gojsonschema's validation.go walks
 * it: the type check first (a mismatch stops there), then the schema
 * combinators, then the kind's keywords, then enum/const, then properties;
 * scores rank anyOf/oneOf alternatives.  Where gojsonschema iterates Go
 * maps (instance keys, properties, patternProperties) the order is random
 * in Helm; we use sorted order, one of the orders Helm prints. */
#include "jsonschema_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct vstate {
	osmo_arena *a;
	unsigned flags;
} vstate;

enum { K_NULL, K_BOOL, K_NUM, K_STR, K_ARR, K_OBJ };

static int kind_of(osmo_value v)
{
	switch (v.type) {
	case OSMO_V_BOOL:
		return K_BOOL;
	case OSMO_V_INT:
	case OSMO_V_FLOAT:
		return K_NUM;
	case OSMO_V_STRING:
		return K_STR;
	case OSMO_V_LIST:
		return v.u.list->is_nil ? K_NULL : K_ARR;
	case OSMO_V_MAP:
		return v.u.map->is_nil ? K_NULL : K_OBJ;
	default:
		return K_NULL;
	}
}

/* Values arrive as Helm holds them; after its YAML->JSON round trip any
 * number with an integral value is a JSON integer. */
static bool num_is_int(osmo_value v)
{
	return v.type == OSMO_V_INT || (isfinite(v.u.f) && floor(v.u.f) == v.u.f);
}

static int num_cmp(osmo_value v, double s)
{
	long double x = v.type == OSMO_V_INT ? (long double)v.u.i : (long double)v.u.f;
	long double y = s;
	return x < y ? -1 : x > y ? 1 : 0;
}

/* ---- exact multipleOf (big.Rat in gojsonschema) ------------------------- */

typedef struct dec {
	uint64_t m; /* value = m * 10^e, trailing zeros stripped */
	int e;
} dec;

static dec to_dec(osmo_value v)
{
	dec d = { 0, 0 };
	if (v.type == OSMO_V_INT) {
		d.m = v.u.i < 0 ? (uint64_t)0 - (uint64_t)v.u.i : (uint64_t)v.u.i;
	} else {
		osmo_buf b = OSMO_BUF_INIT;
		js_format_number_e(&b, v.u.f);
		const char *p = osmo_buf_cstr(&b);
		int nd = 0;
		if (*p == '-')
			p++;
		for (; *p && *p != 'e'; p++)
			if (*p >= '0' && *p <= '9') {
				d.m = d.m * 10 + (uint64_t)(*p - '0');
				nd++;
			}
		int ex = *p == 'e' ? atoi(p + 1) : 0;
		d.e = ex - (nd - 1);
		osmo_buf_dispose(&b);
	}
	while (d.m && d.m % 10 == 0) {
		d.m /= 10;
		d.e++;
	}
	return d;
}

static bool is_multiple(osmo_value v, double of)
{
	dec a = to_dec(v), b = to_dec(osmo_float(of));
	if (!a.m)
		return true;
	if (!b.m)
		return false;
	typedef unsigned __int128 u128;
	int k = a.e - b.e;
	if (k >= 0) {
		u128 r = a.m % b.m, p = 1, base = 10 % b.m;
		for (int i = k; i; i >>= 1) { /* 10^k mod b.m */
			if (i & 1)
				p = p * base % b.m;
			base = base * base % b.m;
		}
		return r * p % b.m == 0;
	}
	k = -k;
	if (k > 19)
		return false;
	u128 d = b.m;
	for (int i = 0; i < k; i++)
		d *= 10;
	return d <= a.m && a.m % d == 0;
}

/* ---- the walk ------------------------------------------------------------ */

static void validate(vstate *st, const js_node *n, osmo_value inst, js_res *r, const js_ctx *ctx);

static js_res subvalidate(vstate *st, const js_node *n, osmo_value inst, const js_ctx *ctx)
{
	js_res r = { 0 };
	validate(st, n, inst, &r, ctx);
	return r;
}

static void types_string(osmo_buf *b, const js_node *n)
{
	if (n->ntypes > 1)
		osmo_buf_putc(b, '[');
	for (int i = 0; i < n->ntypes; i++) {
		if (i)
			osmo_buf_putc(b, ',');
		osmo_buf_puts(b, js_type_names[n->types[i]]);
	}
	if (n->ntypes > 1)
		osmo_buf_putc(b, ']');
}

static bool has_type(const js_node *n, int t)
{
	for (int i = 0; i < n->ntypes; i++)
		if (n->types[i] == t)
			return true;
	return false;
}

static void type_error(vstate *st, const js_node *n, js_res *r, const js_ctx *ctx, const char *given)
{
	osmo_buf b = OSMO_BUF_INIT;
	types_string(&b, n);
	js_res_add(st->a, r, ctx, "invalid_type", "Invalid type. Expected: %s, given: %s", osmo_buf_cstr(&b),
		   given);
	osmo_buf_dispose(&b);
}

static void validate_schema(vstate *st, const js_node *n, osmo_value inst, js_res *r, const js_ctx *ctx)
{
	if (n->nany_of) {
		bool ok = false;
		js_res best = { 0 };
		bool have_best = false;
		for (size_t i = 0; i < n->nany_of && !ok; i++) {
			js_res s = subvalidate(st, n->any_of[i], inst, ctx);
			ok = s.n == 0;
			if (!ok && (!have_best || s.score > best.score)) {
				best = s;
				have_best = true;
			}
		}
		if (!ok) {
			js_res_add(st->a, r, ctx, "number_any_of", "Must validate at least one schema (anyOf)");
			if (have_best)
				js_res_merge(st->a, r, &best);
		}
	}
	if (n->none_of) {
		size_t nb = 0;
		js_res best = { 0 };
		bool have_best = false;
		for (size_t i = 0; i < n->none_of; i++) {
			js_res s = subvalidate(st, n->one_of[i], inst, ctx);
			if (s.n == 0)
				nb++;
			else if (nb == 0 && (!have_best || s.score > best.score)) {
				best = s;
				have_best = true;
			}
		}
		if (nb != 1) {
			js_res_add(st->a, r, ctx, "number_one_of", "Must validate one and only one schema (oneOf)");
			if (nb == 0)
				js_res_merge(st->a, r, &best);
		}
	}
	if (n->nall_of) {
		size_t nb = 0;
		for (size_t i = 0; i < n->nall_of; i++) {
			js_res s = subvalidate(st, n->all_of[i], inst, ctx);
			if (s.n == 0)
				nb++;
			js_res_merge(st->a, r, &s);
		}
		if (nb != n->nall_of)
			js_res_add(st->a, r, ctx, "number_all_of", "Must validate all the schemas (allOf)");
	}
	if (n->not_) {
		js_res s = subvalidate(st, n->not_, inst, ctx);
		if (s.n == 0)
			js_res_add(st->a, r, ctx, "number_not", "Must not validate the schema (not)");
	}
	if (n->ndeps && kind_of(inst) == K_OBJ) {
		const osmo_map *m = inst.u.map;
		for (size_t i = 0; i < m->len; i++) {
			const js_named *d = NULL;
			for (size_t j = 0; j < n->ndeps && !d; j++)
				if (!strcmp(n->deps[j].name, m->ents[i].key.ptr))
					d = &n->deps[j];
			if (!d)
				continue;
			if (d->node) {
				validate(st, d->node, inst, r, ctx);
				continue;
			}
			for (size_t j = 0; j < d->nstrs; j++)
				if (!osmo_map_getc(m, d->strs[j]))
					js_res_add(st->a, r, ctx, "missing_dependency", "Has a dependency on %s", d->strs[j]);
		}
	}
	if (n->if_) {
		js_res s = subvalidate(st, n->if_, inst, ctx);
		if (n->then_ && s.n == 0) {
			js_res t = subvalidate(st, n->then_, inst, ctx);
			if (t.n) {
				js_res_add(st->a, r, ctx, "condition_then", "Must validate \"then\" as \"if\" was valid");
				js_res_merge(st->a, r, &t);
			}
		}
		if (n->else_ && s.n != 0) {
			js_res e = subvalidate(st, n->else_, inst, ctx);
			if (e.n) {
				js_res_add(st->a, r, ctx, "condition_else", "Must validate \"else\" as \"if\" was not valid");
				js_res_merge(st->a, r, &e);
			}
		}
	}
	r->score++;
}

static void validate_common(vstate *st, const js_node *n, osmo_value inst, js_res *r, const js_ctx *ctx)
{
	if (n->const_json || n->nenum) {
		const char *s = js_canonical_json(st->a, inst);
		if (n->const_json && strcmp(s, n->const_json))
			js_res_add(st->a, r, ctx, "const", "%s does not match: %s", js_ctx_field(st->a, ctx),
				   n->const_json);
		if (n->nenum) {
			bool found = false;
			for (size_t i = 0; i < n->nenum && !found; i++)
				found = !strcmp(s, n->enum_json[i]);
			if (!found) {
				osmo_buf b = OSMO_BUF_INIT;
				for (size_t i = 0; i < n->nenum; i++) {
					if (i)
						osmo_buf_puts(&b, ", ");
					osmo_buf_puts(&b, n->enum_json[i]);
				}
				js_res_add(st->a, r, ctx, "enum", "%s must be one of the following: %s",
					   js_ctx_field(st->a, ctx), osmo_buf_cstr(&b));
				osmo_buf_dispose(&b);
			}
		}
	}
	r->score++;
}

static void validate_array(vstate *st, const js_node *n, osmo_value inst, js_res *r, const js_ctx *ctx)
{
	const osmo_list *l = inst.u.list;
	size_t nv = l->len;
	char idx[32];
	if (n->nitems) {
		size_t lim = n->items_single ? nv : (n->nitems < nv ? n->nitems : nv);
		for (size_t i = 0; i < lim; i++) {
			int k = snprintf(idx, sizeof idx, "%zu", i);
			js_ctx sc = { idx, (size_t)k, ctx };
			js_res s = subvalidate(st, n->items[n->items_single ? 0 : i], l->items[i], &sc);
			js_res_merge(st->a, r, &s);
		}
		if (!n->items_single && n->nitems < nv) {
			if (n->addl_items.kind == 1 && !n->addl_items.allow)
				js_res_add(st->a, r, ctx, "array_no_additional_items", "No additional items allowed on array");
			else if (n->addl_items.kind == 2)
				for (size_t i = n->nitems; i < nv; i++) {
					int k = snprintf(idx, sizeof idx, "%zu", i);
					js_ctx sc = { idx, (size_t)k, ctx };
					js_res s = subvalidate(st, n->addl_items.node, l->items[i], &sc);
					js_res_merge(st->a, r, &s);
				}
		}
	}
	if (n->min_items >= 0 && (long)nv < n->min_items)
		js_res_add(st->a, r, ctx, "array_min_items", "Array must have at least %ld items", n->min_items);
	if (n->max_items >= 0 && (long)nv > n->max_items)
		js_res_add(st->a, r, ctx, "array_max_items", "Array must have at most %ld items", n->max_items);
	if (n->unique_items && nv > 1) {
		/* stringifiedItems keeps the last index of each value */
		char **seen = osmo_arena_alloc(st->a, nv * sizeof(char *));
		for (size_t j = 0; j < nv; j++) {
			seen[j] = js_canonical_json(st->a, l->items[j]);
			for (size_t i = j; i-- > 0;)
				if (!strcmp(seen[i], seen[j])) {
					js_res_add(st->a, r, ctx, "unique", "array items[%zu,%zu] must be unique", i, j);
					break;
				}
		}
	}
	if (n->contains) {
		bool ok = false, have_best = false;
		js_res best = { 0 };
		for (size_t i = 0; i < nv && !ok; i++) {
			int k = snprintf(idx, sizeof idx, "%zu", i);
			js_ctx sc = { idx, (size_t)k, ctx };
			js_res s = subvalidate(st, n->contains, l->items[i], &sc);
			if (s.n == 0)
				ok = true;
			else if (!have_best || s.score > best.score) {
				best = s;
				have_best = true;
			}
		}
		if (!ok) {
			js_res_add(st->a, r, ctx, "contains", "At least one of the items must match");
			if (have_best)
				js_res_merge(st->a, r, &best);
		}
	}
	r->score++;
}

static bool validate_pattern_props(vstate *st, const js_node *n, osmo_str key, osmo_value v, js_res *r,
				   const js_ctx *ctx)
{
	bool matched = false;
	for (size_t i = 0; i < n->npattern_props; i++) {
		if (js_regex_match(n->pattern_props[i].name, key.ptr, key.len, NULL) != 1)
			continue;
		matched = true;
		js_ctx sc = { key.ptr, key.len, ctx };
		js_res s = subvalidate(st, n->pattern_props[i].node, v, &sc);
		js_res_merge(st->a, r, &s);
	}
	if (matched)
		r->score++;
	return matched;
}

static const js_node *find_prop(const js_node *n, osmo_str key)
{
	size_t lo = 0, hi = n->nprops;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const char *p = n->props[mid].name;
		size_t pl = strlen(p);
		int c = memcmp(p, key.ptr, pl < key.len ? pl : key.len);
		if (!c)
			c = pl < key.len ? -1 : pl > key.len ? 1 : 0;
		if (!c)
			return n->props[mid].node;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static bool k8s_implicit_field(const js_node *n, osmo_str key)
{
	return n->k8s_embedded && (!strcmp(key.ptr, "apiVersion") || !strcmp(key.ptr, "kind") ||
				   !strcmp(key.ptr, "metadata"));
}

static void validate_object(vstate *st, const js_node *n, osmo_value inst, js_res *r, const js_ctx *ctx)
{
	const osmo_map *m = inst.u.map;
	if (n->min_props >= 0 && (long)m->len < n->min_props)
		js_res_add(st->a, r, ctx, "array_min_properties", "Must have at least %ld properties", n->min_props);
	if (n->max_props >= 0 && (long)m->len > n->max_props)
		js_res_add(st->a, r, ctx, "array_max_properties", "Must have at most %ld properties", n->max_props);
	for (size_t i = 0; i < n->nrequired; i++) {
		if (osmo_map_getc(m, n->required[i]))
			r->score++;
		else
			js_res_add(st->a, r, ctx, "required", "%s is required", n->required[i]);
	}
	bool k8s = st->flags & OSMO_JSONSCHEMA_KUBERNETES;
	for (size_t i = 0; i < m->len; i++) {
		osmo_str key = m->ents[i].key;
		bool found = find_prop(n, key) != NULL;
		bool pp = validate_pattern_props(st, n, key, m->ents[i].val, r, ctx);
		if (found || pp)
			continue;
		if (n->addl_props.kind == 1 && !n->addl_props.allow) {
			js_res_add(st->a, r, ctx, "additional_property_not_allowed",
				   "Additional property %s is not allowed", key.ptr);
		} else if (n->addl_props.kind == 2) {
			js_ctx sc = { key.ptr, key.len, ctx };
			js_res s = subvalidate(st, n->addl_props.node, m->ents[i].val, &sc);
			js_res_merge(st->a, r, &s);
		} else if (k8s && n->addl_props.kind == 0 && !n->k8s_preserve_unknown && n->nprops &&
			   !n->npattern_props && !k8s_implicit_field(n, key)) {
			/* structural schemas know every field (kubectl --validate=strict) */
			js_res_add(st->a, r, ctx, "unknown_field", "unknown field \"%s\"", key.ptr);
		}
	}
	if (n->property_names) {
		for (size_t i = 0; i < m->len; i++) {
			osmo_value kv = osmo_str_ref(m->ents[i].key.ptr, m->ents[i].key.len);
			js_res s = subvalidate(st, n->property_names, kv, ctx);
			if (s.n) {
				js_res_add(st->a, r, ctx, "invalid_property_name", "Property name of \"%s\" does not match",
					   m->ents[i].key.ptr);
				js_res_merge(st->a, r, &s);
			}
		}
	}
	if (k8s && n->k8s_embedded) {
		static const char *const need[] = { "apiVersion", "kind" };
		for (size_t i = 0; i < 2; i++) {
			osmo_value *v = osmo_map_getc(m, need[i]);
			if (!v || v->type != OSMO_V_STRING || !v->u.s.len)
				js_res_add(st->a, r, ctx, "required", "%s is required", need[i]);
		}
	}
	r->score++;
}

static size_t rune_count(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n;) {
		unsigned char b = (unsigned char)s[i];
		size_t w = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
		bool ok = i + w <= n;
		for (size_t k = 1; ok && k < w; k++)
			ok = ((unsigned char)s[i + k] & 0xC0) == 0x80;
		i += ok ? w : 1; /* an invalid byte counts as one rune (U+FFFD) */
		c++;
	}
	return c;
}

static void validate_string(vstate *st, const js_node *n, osmo_value inst, js_res *r, const js_ctx *ctx)
{
	osmo_str s = inst.u.s;
	if (n->min_length >= 0 || n->max_length >= 0) {
		long rc = (long)rune_count(s.ptr, s.len);
		if (n->min_length >= 0 && rc < n->min_length)
			js_res_add(st->a, r, ctx, "string_gte", "String length must be greater than or equal to %ld",
				   n->min_length);
		if (n->max_length >= 0 && rc > n->max_length)
			js_res_add(st->a, r, ctx, "string_lte", "String length must be less than or equal to %ld",
				   n->max_length);
	}
	if (n->pattern && js_regex_match(n->pattern, s.ptr, s.len, NULL) != 1)
		js_res_add(st->a, r, ctx, "pattern", "Does not match pattern '%s'", n->pattern);
	if (n->format && !js_format_check_string(n->format, s.ptr, s.len))
		js_res_add(st->a, r, ctx, "format", "Does not match format '%s'", n->format);
	r->score++;
}

static void num_error(vstate *st, js_res *r, const js_ctx *ctx, const char *type, const char *text, double d)
{
	osmo_buf b = OSMO_BUF_INIT;
	js_format_number(&b, d);
	js_res_add(st->a, r, ctx, type, "%s%s", text, osmo_buf_cstr(&b));
	osmo_buf_dispose(&b);
}

static void validate_number(vstate *st, const js_node *n, osmo_value inst, js_res *r, const js_ctx *ctx)
{
	if (n->multiple_of.set && !is_multiple(inst, n->multiple_of.v))
		num_error(st, r, ctx, "multiple_of", "Must be a multiple of ", n->multiple_of.v);
	if (n->maximum.set && num_cmp(inst, n->maximum.v) > 0)
		num_error(st, r, ctx, "number_lte", "Must be less than or equal to ", n->maximum.v);
	if (n->ex_maximum.set && num_cmp(inst, n->ex_maximum.v) >= 0)
		num_error(st, r, ctx, "number_lt", "Must be less than ", n->ex_maximum.v);
	if (n->minimum.set && num_cmp(inst, n->minimum.v) < 0)
		num_error(st, r, ctx, "number_gte", "Must be greater than or equal to ", n->minimum.v);
	if (n->ex_minimum.set && num_cmp(inst, n->ex_minimum.v) <= 0)
		num_error(st, r, ctx, "number_gt", "Must be greater than ", n->ex_minimum.v);
	if (n->format) {
		bool ok = !js_format_known(n->format); /* a number never passes a string format */
		if ((st->flags & OSMO_JSONSCHEMA_KUBERNETES) &&
		    (!strcmp(n->format, "int32") || !strcmp(n->format, "int64"))) {
			double lim = n->format[3] == '3' ? 2147483648.0 : 9223372036854775808.0;
			ok = num_is_int(inst) && num_cmp(inst, -lim) >= 0 && num_cmp(inst, lim) < 0;
		}
		if (!ok)
			js_res_add(st->a, r, ctx, "format", "Does not match format '%s'", n->format);
	}
	r->score++;
}

static void validate(vstate *st, const js_node *n, osmo_value inst, js_res *r, const js_ctx *ctx)
{
	if (n->pass >= 0) {
		if (!n->pass)
			js_res_add(st->a, r, ctx, "false", "False always fails validation");
		return;
	}
	if (n->ref) {
		validate(st, n->ref, inst, r, ctx);
		return;
	}
	int k = kind_of(inst);
	bool typed = n->ntypes > 0;
	if (n->k8s_int_or_string && (st->flags & OSMO_JSONSCHEMA_KUBERNETES)) {
		if (!(k == K_STR || (k == K_NUM && num_is_int(inst)))) {
			js_res_add(st->a, r, ctx, "invalid_type",
				   "Invalid type. Expected: integer or string, given: %s",
				   k == K_NUM ? "number" : k == K_NULL ? "null" : k == K_BOOL ? "boolean" :
				   k == K_ARR ? "array" : "object");
			return;
		}
		typed = false;
	}
	switch (k) {
	case K_NULL:
		if (typed && !has_type(n, JS_NULL)) {
			type_error(st, n, r, ctx, "null");
			return;
		}
		validate_schema(st, n, inst, r, ctx);
		validate_common(st, n, inst, r, ctx);
		break;
	case K_NUM: {
		bool is_int = num_is_int(inst);
		if (typed && !has_type(n, JS_NUMBER) && !(is_int && has_type(n, JS_INTEGER))) {
			type_error(st, n, r, ctx, is_int ? "integer" : "number");
			return;
		}
		validate_schema(st, n, inst, r, ctx);
		validate_number(st, n, inst, r, ctx);
		validate_common(st, n, inst, r, ctx);
		break;
	}
	case K_ARR:
		if (typed && !has_type(n, JS_ARRAY)) {
			type_error(st, n, r, ctx, "array");
			return;
		}
		validate_schema(st, n, inst, r, ctx);
		validate_array(st, n, inst, r, ctx);
		validate_common(st, n, inst, r, ctx);
		break;
	case K_OBJ:
		if (typed && !has_type(n, JS_OBJECT)) {
			type_error(st, n, r, ctx, "object");
			return;
		}
		validate_schema(st, n, inst, r, ctx);
		validate_object(st, n, inst, r, ctx);
		validate_common(st, n, inst, r, ctx);
		for (size_t i = 0; i < n->nprops; i++) {
			osmo_value *v = osmo_map_getc(inst.u.map, n->props[i].name);
			if (!v)
				continue;
			js_ctx sc = { n->props[i].name, strlen(n->props[i].name), ctx };
			validate(st, n->props[i].node, *v, r, &sc);
		}
		break;
	case K_BOOL:
		if (typed && !has_type(n, JS_BOOLEAN)) {
			type_error(st, n, r, ctx, "boolean");
			return;
		}
		validate_schema(st, n, inst, r, ctx);
		validate_common(st, n, inst, r, ctx);
		break;
	default: /* K_STR */
		if (typed && !has_type(n, JS_STRING)) {
			type_error(st, n, r, ctx, "string");
			return;
		}
		validate_schema(st, n, inst, r, ctx);
		validate_common(st, n, inst, r, ctx);
		validate_string(st, n, inst, r, ctx);
		break;
	}
	r->score++;
}

void osmo_jsonschema_validate(osmo_jsonschema_result **out, const osmo_jsonschema *s, osmo_value instance)
{
	osmo_jsonschema_result *res = osmo_calloc(1, sizeof(*res));
	res->arena = osmo_arena_new();
	vstate st = { res->arena, s->flags };
	js_res r = { 0 };
	js_ctx root = { "(root)", 6, NULL };
	validate(&st, s->root, instance, &r, &root);
	res->errors = r.v;
	res->count = r.n;
	*out = res;
}
