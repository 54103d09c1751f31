/* funcs_dicts.c - Sprig v3.3.0 dict functions (dict.go) and the mergo
 * v1.0.1 semantics behind merge/mergeOverwrite.
 *
 * Maps are references: set/unset mutate the caller's map and return it,
 * and merge writes into its first argument, exactly as in Go.  Parameters
 * typed map[string]interface{} in Go receive chartutil.Values converted to
 * that type, so results that are "the same map" report the plain map type.
 * A nil map argument (nil or a missing value) reads as empty; writing to
 * it fails like Go ("assignment to entry in nil map"). */
#include "osmo/funcs.h"
#include "osmo/cast.h"

#include <string.h>

static bool is_map(osmo_value v)
{
	return v.type == OSMO_V_MAP;
}

static size_t map_len(osmo_value v)
{
	return is_map(v) ? v.u.map->len : 0;
}

static osmo_value *lookup(osmo_value m, osmo_str key)
{
	return is_map(m) ? osmo_map_get(m.u.map, key.ptr, key.len) : NULL;
}

/* The same map, seen through a map[string]interface{} parameter. */
static osmo_value as_plain(osmo_value m)
{
	if (is_map(m) && m.sub == OSMO_GO_VALUES)
		m.sub = OSMO_GO_MAP;
	return m;
}

static int fn_dict(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf key = OSMO_BUF_INIT;
	*out = osmo_map_new(ctx->arena, (size_t)(argc + 1) / 2);
	for (int i = 0; i < argc; i += 2) {
		osmo_buf_clear(&key);
		osmo_cast_strval(&key, argv[i]);
		osmo_value v = i + 1 < argc ? argv[i + 1] : osmo_str_ref("", 0);
		osmo_map_set(ctx->arena, out->u.map, osmo_buf_cstr(&key), key.len, v);
	}
	osmo_buf_dispose(&key);
	return 0;
}

static int fn_get(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_value *v = lookup(argv[0], argv[1].u.s);
	(void)ctx, (void)argc;
	*out = v ? *v : osmo_str_ref("", 0);
	return 0;
}

static int fn_set(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	if (!is_map(argv[0]))
		return osmo_fn_errorf(ctx, "assignment to entry in nil map");
	osmo_map_set(ctx->arena, argv[0].u.map, argv[1].u.s.ptr, argv[1].u.s.len, argv[2]);
	*out = as_plain(argv[0]);
	return 0;
}

/* A nil map result: printed as map[] like Go's (toJson would say null). */
static osmo_value nil_map(osmo_arena *a)
{
	return osmo_map_new(a, 0);
}

static int fn_unset(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	if (!is_map(argv[0])) {
		*out = nil_map(ctx->arena);
		return 0;
	}
	osmo_map_del(argv[0].u.map, argv[1].u.s.ptr, argv[1].u.s.len);
	*out = as_plain(argv[0]);
	return 0;
}

static int fn_haskey(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx, (void)argc;
	*out = osmo_bool(lookup(argv[0], argv[1].u.s) != NULL);
	return 0;
}

static int fn_pluck(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	*out = osmo_list_new(ctx->arena, 0);
	for (int i = 1; i < argc; i++) {
		osmo_value *v = lookup(argv[i], argv[0].u.s);
		if (v)
			osmo_list_push(ctx->arena, out->u.list, *v);
	}
	return 0;
}

/* Go visits map keys in random order; we give key order (charts that care
 * already sort with sortAlpha). */
static int fn_keys(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	*out = osmo_list_new(ctx->arena, 0);
	out->sub = OSMO_GO_STRLIST;
	for (int i = 0; i < argc; i++)
		for (size_t j = 0; j < map_len(argv[i]); j++) {
			osmo_str k = argv[i].u.map->ents[j].key;
			osmo_list_push(ctx->arena, out->u.list, osmo_str_ref(k.ptr, k.len));
		}
	return 0;
}

static int fn_values(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	*out = osmo_list_new(ctx->arena, map_len(argv[0]));
	for (size_t j = 0; j < map_len(argv[0]); j++)
		osmo_list_push(ctx->arena, out->u.list, argv[0].u.map->ents[j].val);
	return 0;
}

static int fn_pick(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	*out = osmo_map_new(ctx->arena, 0);
	for (int i = 1; i < argc; i++) {
		osmo_value *v = lookup(argv[0], argv[i].u.s);
		if (v)
			osmo_map_set(ctx->arena, out->u.map, argv[i].u.s.ptr, argv[i].u.s.len, *v);
	}
	return 0;
}

static int fn_omit(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	*out = osmo_map_new(ctx->arena, map_len(argv[0]));
	for (size_t j = 0; j < map_len(argv[0]); j++) {
		const osmo_map_entry *e = &argv[0].u.map->ents[j];
		bool drop = false;
		for (int i = 1; i < argc && !drop; i++)
			drop = argv[i].u.s.len == e->key.len &&
			       memcmp(argv[i].u.s.ptr, e->key.ptr, e->key.len) == 0;
		if (!drop)
			osmo_map_set(ctx->arena, out->u.map, e->key.ptr, e->key.len, e->val);
	}
	return 0;
}

/* mergo's isEmptyValue with dereferencing: zero values are empty, host
 * objects (structs, non-nil pointers) are not. */
static bool empty_value(osmo_value v)
{
	return v.type != OSMO_V_OBJECT && !osmo_value_truth(v);
}

/* mergo deepMerge of src into the map dst, as Sprig calls it:
 *  - a nil src value is copied only when overwriting;
 *  - map into map merges recursively (in place: dst's nested map changes);
 *  - otherwise src replaces dst's value when overwriting, or when dst lacks
 *    the key or holds an empty value.
 * Replaced values are shared, not copied (Go copies the reference). */
static void merge_into(osmo_arena *a, osmo_map *dst, const osmo_map *src, bool overwrite)
{
	for (size_t i = 0; i < src->len; i++) {
		const osmo_map_entry *e = &src->ents[i];
		osmo_value sv = e->val;
		osmo_value *dv = osmo_map_get(dst, e->key.ptr, e->key.len);
		if (sv.type == OSMO_V_NULL) {
			if (overwrite)
				osmo_map_set(a, dst, e->key.ptr, e->key.len, sv);
			continue;
		}
		if (dv && sv.type == OSMO_V_MAP && dv->type == OSMO_V_MAP) {
			osmo_value d = *dv;
			merge_into(a, d.u.map, sv.u.map, overwrite);
			if (!empty_value(d))
				continue;
		} else if (dv && sv.type == OSMO_V_LIST && !empty_value(*dv)) {
			if (overwrite)
				osmo_map_set(a, dst, e->key.ptr, e->key.len, sv);
			continue;
		}
		if (overwrite || !dv || empty_value(*dv))
			osmo_map_set(a, dst, e->key.ptr, e->key.len, sv);
	}
}

static int merge_all(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv,
		     bool overwrite)
{
	osmo_value dst = as_plain(argv[0]);
	for (int i = 1; i < argc; i++) {
		if (!is_map(argv[i]))
			continue; /* a nil src map has no keys */
		if (!is_map(dst))
			dst = osmo_map_new(ctx->arena, argv[i].u.map->len);
		merge_into(ctx->arena, dst.u.map, argv[i].u.map, overwrite);
	}
	*out = is_map(dst) ? dst : nil_map(ctx->arena);
	return 0;
}

static int fn_merge(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	return merge_all(out, ctx, argc, argv, false);
}

static int fn_mergeoverwrite(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	return merge_all(out, ctx, argc, argv, true);
}

/* Go's type-assertion panic text for x.(T). */
static int assert_fail(osmo_fnctx *ctx, osmo_value v, const char *want)
{
	const char *got = v.type == OSMO_V_NULL ? "nil" : osmo_value_gotype(v);
	return osmo_fn_errorf(ctx, "interface conversion: interface {} is %s, not %s", got, want);
}

#define PLAIN_MAP "map[string]interface {}"

static bool plain_map(osmo_value v)
{
	return v.type == OSMO_V_MAP && v.sub == OSMO_GO_MAP;
}

/* dig k1 k2 ... default dict: only plain map[string]interface{} values can
 * be walked (chartutil.Values fails the type assertion). */
static int fn_dig(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	if (argc < 3)
		return osmo_fn_errorf(ctx, "dig needs at least three arguments");
	osmo_value cur = argv[argc - 1], def = argv[argc - 2];
	if (!plain_map(cur))
		return assert_fail(ctx, cur, PLAIN_MAP);
	for (int i = 0; i < argc - 2; i++)
		if (argv[i].type != OSMO_V_STRING || argv[i].sub != OSMO_GO_STRING)
			return assert_fail(ctx, argv[i], "string");
	for (int i = 0; i < argc - 2; i++) {
		osmo_value *step = osmo_map_get(cur.u.map, argv[i].u.s.ptr, argv[i].u.s.len);
		if (!step) {
			*out = def;
			return 0;
		}
		if (i == argc - 3) {
			*out = *step;
			return 0;
		}
		if (!plain_map(*step))
			return assert_fail(ctx, *step, PLAIN_MAP);
		cur = *step;
	}
	*out = def;
	return 0;
}

static int fn_deepcopy(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	if (argv[0].type == OSMO_V_NULL) /* copystructure panics on nil */
		return osmo_fn_errorf(ctx, "reflect: call of reflect.Value.Type on zero Value");
	*out = osmo_value_deep_copy(ctx->arena, argv[0]);
	return 0;
}

const osmo_func_def osmo_funcs_dicts[] = {
	{ "dict", "*a:m", fn_dict },
	{ "get", "ms:a", fn_get },
	{ "set", "msa:m", fn_set },
	{ "unset", "ms:m", fn_unset },
	{ "hasKey", "ms:b", fn_haskey },
	{ "pluck", "s*m:l", fn_pluck },
	{ "keys", "*m:S", fn_keys },
	{ "pick", "m*s:m", fn_pick },
	{ "omit", "m*s:m", fn_omit },
	{ "merge", "m*m:a", fn_merge },
	{ "mergeOverwrite", "m*m:a", fn_mergeoverwrite },
	{ "mustMerge", "m*m:ae", fn_merge },
	{ "mustMergeOverwrite", "m*m:ae", fn_mergeoverwrite },
	{ "values", "m:l", fn_values },
	{ "dig", "*a:ae", fn_dig },
	{ "deepCopy", "a:a", fn_deepcopy },
	{ "mustDeepCopy", "a:ae", fn_deepcopy },
	{ NULL, NULL, NULL }
};
