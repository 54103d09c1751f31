/* funcs_defaults.c - Sprig v3.3.0 defaults (defaults.go) and reflection
 * (reflect.go) functions: default empty coalesce all any ternary, typeOf
 * typeIs typeIsLike kindOf kindIs deepEqual.  (compact lives with the list
 * functions; the JSON family belongs to funcs_helm.c.) */
#include "osmo/funcs.h"

#include <string.h>

/* Sprig's empty(): the zero value of its kind (nil, false, 0, "", empty
 * list/map).  Structs are never empty and host objects are non-nil
 * pointers or structs, so objects never are. */
static bool empty(osmo_value v)
{
	return v.type != OSMO_V_OBJECT && !osmo_value_truth(v);
}

static int fn_default(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	*out = (argc < 2 || empty(argv[1])) ? argv[0] : argv[1];
	return 0;
}

static int fn_empty(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx, (void)argc;
	*out = osmo_bool(empty(argv[0]));
	return 0;
}

static int fn_coalesce(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	*out = osmo_null();
	for (int i = 0; i < argc; i++)
		if (!empty(argv[i])) {
			*out = argv[i];
			break;
		}
	return 0;
}

static int fn_all(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	bool r = true;
	(void)ctx;
	for (int i = 0; i < argc && r; i++)
		r = !empty(argv[i]);
	*out = osmo_bool(r);
	return 0;
}

static int fn_any(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	bool r = false;
	(void)ctx;
	for (int i = 0; i < argc && !r; i++)
		r = !empty(argv[i]);
	*out = osmo_bool(r);
	return 0;
}

static int fn_ternary(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx, (void)argc;
	*out = argv[2].u.b ? argv[0] : argv[1];
	return 0;
}

static bool streq(osmo_str s, const char *c)
{
	return s.len == strlen(c) && memcmp(s.ptr, c, s.len) == 0;
}

static int fn_typeof(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	*out = osmo_cstring(ctx->arena, osmo_value_gotype(argv[0]));
	return 0;
}

static int fn_typeis(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx, (void)argc;
	*out = osmo_bool(streq(argv[0].u.s, osmo_value_gotype(argv[1])));
	return 0;
}

/* typeIsLike: the type itself or a pointer to it ("*" + target). */
static int fn_typeislike(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	const char *t = osmo_value_gotype(argv[1]);
	osmo_str want = argv[0].u.s;
	(void)ctx, (void)argc;
	*out = osmo_bool(streq(want, t) ||
			 (t[0] == '*' && streq(want, t + 1)));
	return 0;
}

static int fn_kindof(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	*out = osmo_cstring(ctx->arena, osmo_value_gokind(argv[0]));
	return 0;
}

static int fn_kindis(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx, (void)argc;
	*out = osmo_bool(streq(argv[0].u.s, osmo_value_gokind(argv[1])));
	return 0;
}

static int fn_deepequal(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx, (void)argc;
	*out = osmo_bool(osmo_value_deep_equal(argv[0], argv[1]));
	return 0;
}

const osmo_func_def osmo_funcs_defaults[] = {
	{ "default", "a*a:a", fn_default },
	{ "empty", "a:b", fn_empty },
	{ "coalesce", "*a:a", fn_coalesce },
	{ "all", "*a:b", fn_all },
	{ "any", "*a:b", fn_any },
	{ "ternary", "aab:a", fn_ternary },
	{ "typeOf", "a:s", fn_typeof },
	{ "typeIs", "sa:b", fn_typeis },
	{ "typeIsLike", "sa:b", fn_typeislike },
	{ "kindOf", "a:s", fn_kindof },
	{ "kindIs", "sa:b", fn_kindis },
	{ "deepEqual", "aa:b", fn_deepequal },
	{ NULL, NULL, NULL }
};
