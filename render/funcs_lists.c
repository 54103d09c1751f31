/* funcs_lists.c - Sprig v3.3.0 list functions (list.go).
 *
 * Sprig takes interface{} and accepts any slice or array through
 * reflection; anything else is "Cannot <op> on type <kind>".  The plain
 * variants panic with that error and the must* variants return it, which
 * the template engine reports identically.  A nil argument has no type, so
 * reflect.TypeOf(nil).Kind() is a nil dereference in Go; we reproduce the
 * runtime message.
 *
 * Go returns nil []interface{} from rest/initial of an empty list and from
 * concat of nothing; the value model has no nil slice, so those are empty
 * lists here (toJson prints [] where Helm prints null). */
#include "osmo/funcs.h"
#include "osmo/cast.h"

#include <math.h>
#include <string.h>

#define NIL_DEREF "runtime error: invalid memory address or nil pointer dereference"

/* The elements of a slice-kind value.  []byte is a slice of uint8. */
typedef struct seq {
	const osmo_value *items;
	size_t len;
	osmo_value *owned; /* []byte expansion, arena-owned */
} seq;

static bool is_slice(osmo_value v)
{
	return v.type == OSMO_V_LIST || (v.type == OSMO_V_STRING && v.sub == OSMO_GO_BYTES);
}

/* 0 and *s filled when v is a slice; else an error "<what> <kind>" (Go's
 * "Cannot find first on type string" and friends, what ends in a space). */
static int as_seq(seq *s, osmo_fnctx *ctx, osmo_value v, const char *what)
{
	if (v.type == OSMO_V_NULL)
		return osmo_fn_errorf(ctx, NIL_DEREF);
	if (!is_slice(v))
		return osmo_fn_errorf(ctx, "%s%s", what, osmo_value_gokind(v));
	if (v.type == OSMO_V_LIST) {
		s->items = v.u.list->items;
		s->len = v.u.list->len;
		return 0;
	}
	osmo_value *b = osmo_arena_alloc(ctx->arena, (v.u.s.len + 1) * sizeof(osmo_value));
	for (size_t i = 0; i < v.u.s.len; i++) {
		b[i] = osmo_int((unsigned char)v.u.s.ptr[i]);
		b[i].sub = OSMO_GO_UINT8;
	}
	s->items = b;
	s->len = v.u.s.len;
	return 0;
}

/* A fresh []interface{} holding items[from:to]. */
static osmo_value new_list(osmo_arena *a, const osmo_value *items, size_t from, size_t to)
{
	osmo_value l = osmo_list_new(a, to > from ? to - from : 0);
	if (to > from) {
		memcpy(l.u.list->items, items + from, (to - from) * sizeof(osmo_value));
		l.u.list->len = to - from;
	}
	return l;
}

static int fn_list(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	*out = new_list(ctx->arena, argv, 0, (size_t)argc);
	return 0;
}

static int fn_push(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	seq s = { 0 };
	(void)argc;
	if (as_seq(&s, ctx, argv[0], "Cannot push on type "))
		return OSMO_ERROR;
	*out = new_list(ctx->arena, s.items, 0, s.len);
	osmo_list_push(ctx->arena, out->u.list, argv[1]);
	return 0;
}

static int fn_prepend(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	seq s = { 0 };
	(void)argc;
	if (as_seq(&s, ctx, argv[0], "Cannot prepend on type "))
		return OSMO_ERROR;
	*out = osmo_list_new(ctx->arena, s.len + 1);
	out->u.list->items[0] = argv[1];
	if (s.len)
		memcpy(out->u.list->items + 1, s.items, s.len * sizeof(osmo_value));
	out->u.list->len = s.len + 1;
	return 0;
}

/* Go's float64 -> int conversion on amd64: NaN and out-of-range values give
 * the "integer indefinite" value, INT64_MIN. */
static int64_t go_f2i(double d)
{
	if (isnan(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0)
		return INT64_MIN;
	return (int64_t)d;
}

static int fn_chunk(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	int64_t size = argv[0].u.i;
	seq s = { 0 };
	(void)argc;
	if (as_seq(&s, ctx, argv[1], "Cannot chunk type "))
		return OSMO_ERROR;
	/* Sprig sizes the result with float arithmetic; size 0 divides by zero
	 * and ends in makeslice's panic, as in Go. */
	int64_t l = (int64_t)s.len;
	int64_t cs = go_f2i(floor((double)(l - 1) / (double)size) + 1);
	if (cs < 0)
		return osmo_fn_errorf(ctx, "runtime error: makeslice: len out of range");
	*out = osmo_list_new(ctx->arena, (size_t)cs);
	for (int64_t i = 0; i < cs; i++) {
		int64_t clen = size;
		if (i == cs - 1) {
			clen = go_f2i(floor(fmod((double)l, (double)size)));
			if (clen == 0)
				clen = size;
		}
		if (clen < 0)
			return osmo_fn_errorf(ctx, "runtime error: makeslice: len out of range");
		int64_t from = i * size;
		if (from < 0 || from + clen > l)
			return osmo_fn_errorf(ctx, "reflect: slice index out of range");
		osmo_list_push(ctx->arena, out->u.list,
			       new_list(ctx->arena, s.items, (size_t)from, (size_t)(from + clen)));
	}
	return 0;
}

static int fn_first(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	seq s = { 0 };
	(void)argc;
	if (as_seq(&s, ctx, argv[0], "Cannot find first on type "))
		return OSMO_ERROR;
	*out = s.len ? s.items[0] : osmo_null();
	return 0;
}

static int fn_last(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	seq s = { 0 };
	(void)argc;
	if (as_seq(&s, ctx, argv[0], "Cannot find last on type "))
		return OSMO_ERROR;
	*out = s.len ? s.items[s.len - 1] : osmo_null();
	return 0;
}

static int fn_rest(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	seq s = { 0 };
	(void)argc;
	if (as_seq(&s, ctx, argv[0], "Cannot find rest on type "))
		return OSMO_ERROR;
	*out = new_list(ctx->arena, s.items, s.len ? 1 : 0, s.len);
	return 0;
}

static int fn_initial(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	seq s = { 0 };
	(void)argc;
	if (as_seq(&s, ctx, argv[0], "Cannot find initial on type "))
		return OSMO_ERROR;
	*out = new_list(ctx->arena, s.items, 0, s.len ? s.len - 1 : 0);
	return 0;
}

static int fn_reverse(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	seq s = { 0 };
	(void)argc;
	if (as_seq(&s, ctx, argv[0], "Cannot find reverse on type "))
		return OSMO_ERROR;
	*out = osmo_list_new(ctx->arena, s.len);
	for (size_t i = 0; i < s.len; i++)
		out->u.list->items[i] = s.items[s.len - 1 - i];
	out->u.list->len = s.len;
	return 0;
}

/* Sprig's empty(), shared with funcs_defaults.c's semantics: zero values
 * of every kind; structs and non-nil pointers (host objects) never. */
static bool is_empty(osmo_value v)
{
	return v.type != OSMO_V_OBJECT && !osmo_value_truth(v);
}

static int fn_compact(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	seq s = { 0 };
	(void)argc;
	if (as_seq(&s, ctx, argv[0], "Cannot compact on type "))
		return OSMO_ERROR;
	*out = osmo_list_new(ctx->arena, 0);
	for (size_t i = 0; i < s.len; i++)
		if (!is_empty(s.items[i]))
			osmo_list_push(ctx->arena, out->u.list, s.items[i]);
	return 0;
}

static bool in_list(const osmo_value *items, size_t n, osmo_value needle)
{
	for (size_t i = 0; i < n; i++)
		if (osmo_value_deep_equal(needle, items[i]))
			return true;
	return false;
}

static int fn_uniq(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	seq s = { 0 };
	(void)argc;
	if (as_seq(&s, ctx, argv[0], "Cannot find uniq on type "))
		return OSMO_ERROR;
	*out = osmo_list_new(ctx->arena, 0);
	for (size_t i = 0; i < s.len; i++)
		if (!in_list(out->u.list->items, out->u.list->len, s.items[i]))
			osmo_list_push(ctx->arena, out->u.list, s.items[i]);
	return 0;
}

static int fn_without(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	seq s = { 0 };
	if (as_seq(&s, ctx, argv[0], "Cannot find without on type "))
		return OSMO_ERROR;
	*out = osmo_list_new(ctx->arena, 0);
	for (size_t i = 0; i < s.len; i++)
		if (!in_list(argv + 1, (size_t)(argc - 1), s.items[i]))
			osmo_list_push(ctx->arena, out->u.list, s.items[i]);
	return 0;
}

static int fn_has(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	seq s = { 0 };
	(void)argc;
	if (argv[1].type == OSMO_V_NULL) {
		*out = osmo_bool(false);
		return 0;
	}
	if (as_seq(&s, ctx, argv[1], "Cannot find has on type "))
		return OSMO_ERROR;
	*out = osmo_bool(in_list(s.items, s.len, argv[0]));
	return 0;
}

/* slice list [start [end]]: indices go through cast.ToInt; the result
 * keeps the list's Go type ([]string stays []string). */
static int fn_slice(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_value v = argv[0];
	seq s = { 0 };
	if (v.type != OSMO_V_NULL && !is_slice(v))
		return osmo_fn_errorf(ctx, "list should be type of slice or array but %s",
				      osmo_value_gokind(v));
	if (as_seq(&s, ctx, v, ""))
		return OSMO_ERROR;
	if (s.len == 0) {
		*out = osmo_null();
		return 0;
	}
	int64_t start = argc > 1 ? osmo_cast_int(argv[1]) : 0;
	int64_t end = argc > 2 ? osmo_cast_int(argv[2]) : (int64_t)s.len;
	if (start < 0 || end < start || end > (int64_t)s.len)
		return osmo_fn_errorf(ctx, "reflect.Value.Slice: slice index out of bounds");
	if (v.type == OSMO_V_STRING) {
		*out = osmo_bytes(ctx->arena, v.u.s.ptr + start, (size_t)(end - start));
		return 0;
	}
	*out = new_list(ctx->arena, s.items, (size_t)start, (size_t)end);
	out->sub = v.sub;
	return 0;
}

static int fn_concat(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	*out = osmo_list_new(ctx->arena, 0);
	for (int i = 0; i < argc; i++) {
		seq s;
		if (argv[i].type != OSMO_V_NULL && !is_slice(argv[i]))
			return osmo_fn_errorf(ctx, "Cannot concat type %s as list",
					      osmo_value_gokind(argv[i]));
		if (as_seq(&s, ctx, argv[i], ""))
			return OSMO_ERROR;
		for (size_t j = 0; j < s.len; j++)
			osmo_list_push(ctx->arena, out->u.list, s.items[j]);
	}
	return 0;
}

const osmo_func_def osmo_funcs_lists[] = {
	{ "list", "*a:l", fn_list },
	{ "tuple", "*a:l", fn_list },
	{ "append", "aa:l", fn_push },
	{ "push", "aa:l", fn_push },
	{ "mustAppend", "aa:le", fn_push },
	{ "mustPush", "aa:le", fn_push },
	{ "prepend", "aa:l", fn_prepend },
	{ "mustPrepend", "aa:le", fn_prepend },
	{ "first", "a:a", fn_first },
	{ "mustFirst", "a:ae", fn_first },
	{ "rest", "a:l", fn_rest },
	{ "mustRest", "a:le", fn_rest },
	{ "last", "a:a", fn_last },
	{ "mustLast", "a:ae", fn_last },
	{ "initial", "a:l", fn_initial },
	{ "mustInitial", "a:le", fn_initial },
	{ "reverse", "a:l", fn_reverse },
	{ "mustReverse", "a:le", fn_reverse },
	{ "uniq", "a:l", fn_uniq },
	{ "mustUniq", "a:le", fn_uniq },
	{ "without", "a*a:l", fn_without },
	{ "mustWithout", "a*a:le", fn_without },
	{ "has", "aa:b", fn_has },
	{ "mustHas", "aa:be", fn_has },
	{ "slice", "a*a:a", fn_slice },
	{ "mustSlice", "a*a:ae", fn_slice },
	{ "concat", "*a:a", fn_concat },
	{ "compact", "a:l", fn_compact },
	{ "mustCompact", "a:le", fn_compact },
	{ "chunk", "ia:l", fn_chunk },
	{ "mustChunk", "ia:le", fn_chunk },
	{ NULL, NULL, NULL }
};
