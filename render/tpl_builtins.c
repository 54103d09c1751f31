/* tpl_builtins.c - Go text/template's builtin functions (funcs.go, Go
 * 1.23): comparison rules, index/len errors and the html/js/urlquery
 * escapers, byte for byte.  and/or short-circuit in the executor; their
 * entries here only serve the function table. */
#include <string.h>

#include "osmo/gofmt.h"
#include "osmo/numfmt.h"
#include "tpl_exec.h"

/* reflect.Value parameters: NULL with sub 0 is an invalid Value; with
 * OSMO_TPL_SUB_NILIFACE it is a nil interface{} (indirect -> isNil). */
static bool is_nil_iface(osmo_value v)
{
	return v.type == OSMO_V_NULL && v.sub == OSMO_TPL_SUB_NILIFACE;
}

bool osmo_tpl_builtins_truth(osmo_value v)
{
	if (v.type == OSMO_V_NULL)
		return false;
	return osmo_value_truth(v);
}

static osmo_value ret_str(osmo_fnctx *ctx, osmo_buf *b)
{
	osmo_value v = osmo_string(ctx->arena, b->ptr ? b->ptr : "", b->len);
	osmo_buf_dispose(b);
	return v;
}

int osmo_tpl_builtins_and(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	for (int i = 0; i < argc; i++) {
		*out = argv[i];
		if (!osmo_tpl_builtins_truth(argv[i]))
			break;
	}
	return 0;
}

int osmo_tpl_builtins_or(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	for (int i = 0; i < argc; i++) {
		*out = argv[i];
		if (osmo_tpl_builtins_truth(argv[i]))
			break;
	}
	return 0;
}

int osmo_tpl_builtins_call(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)out;
	(void)argc;
	(void)argv;
	return osmo_fn_errorf(ctx, "call of nil"); /* the executor reports calls itself */
}

static int fn_not(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	(void)argc;
	*out = osmo_bool(!osmo_tpl_builtins_truth(argv[0]));
	return 0;
}

static int fn_len(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_value v = argv[0];
	if (is_nil_iface(v))
		return osmo_fn_errorf(ctx, "len of nil pointer");
	switch (v.type) {
	case OSMO_V_NULL:
		return osmo_fn_errorf(ctx, "reflect: call of reflect.Value.Type on zero Value");
	case OSMO_V_STRING:
		*out = osmo_int((int64_t)v.u.s.len);
		return 0;
	case OSMO_V_LIST:
		*out = osmo_int(v.u.list ? (int64_t)v.u.list->len : 0);
		return 0;
	case OSMO_V_MAP:
		*out = osmo_int(v.u.map ? (int64_t)v.u.map->len : 0);
		return 0;
	default:
		return osmo_fn_errorf(ctx, "len of type %s", osmo_value_gotype(v));
	}
}

static bool is_uint_sub(osmo_value v)
{
	return v.type == OSMO_V_INT && (v.sub == OSMO_GO_UINT8 || v.sub == OSMO_GO_UINT ||
					v.sub == OSMO_GO_UINT32 || v.sub == OSMO_GO_UINT64);
}

static int fn_index(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_value item = argv[0];
	if (item.type == OSMO_V_NULL)
		return osmo_fn_errorf(ctx, "index of untyped nil");
	for (int i = 1; i < argc; i++) {
		osmo_value idx = argv[i];
		if (item.type == OSMO_V_NULL)
			return osmo_fn_errorf(ctx, "index of nil pointer");
		if (item.type == OSMO_V_LIST || item.type == OSMO_V_STRING) {
			int64_t x;
			if (idx.type == OSMO_V_INT) {
				x = idx.u.i;
				if (is_uint_sub(idx) && x < 0)
					return osmo_fn_errorf(ctx, "index out of range: %lld", (long long)x);
			} else if (idx.type == OSMO_V_NULL) {
				return osmo_fn_errorf(ctx, "cannot index slice/array with nil");
			} else {
				return osmo_fn_errorf(ctx, "cannot index slice/array with type %s",
						      osmo_value_gotype(idx));
			}
			size_t len = item.type == OSMO_V_LIST ? (item.u.list ? item.u.list->len : 0) : item.u.s.len;
			if (x < 0 || (uint64_t)x > len)
				return osmo_fn_errorf(ctx, "index out of range: %lld", (long long)x);
			if ((uint64_t)x == len)
				return osmo_fn_errorf(ctx, item.type == OSMO_V_LIST ? "reflect: slice index out of range"
										 : "reflect: string index out of range");
			if (item.type == OSMO_V_LIST) {
				item = item.u.list->items[x];
			} else {
				osmo_value b = osmo_int((unsigned char)item.u.s.ptr[x]);
				b.sub = OSMO_GO_UINT8;
				item = b;
			}
		} else if (item.type == OSMO_V_MAP) {
			if (idx.type == OSMO_V_NULL)
				return osmo_fn_errorf(ctx, "value is nil; should be of type string");
			if (!osmo_is_string(idx))
				return osmo_fn_errorf(ctx, "value has type %s; should be string", osmo_value_gotype(idx));
			osmo_value *hit = item.u.map ? osmo_map_get(item.u.map, idx.u.s.ptr, idx.u.s.len) : NULL;
			if (hit)
				item = *hit;
			else if (item.sub == OSMO_GO_STRMAP)
				item = osmo_str_ref("", 0);
			else
				item = osmo_null();
		} else {
			return osmo_fn_errorf(ctx, "can't index item of type %s", osmo_value_gotype(item));
		}
	}
	*out = item;
	return 0;
}

/* Builtin slice (Sprig's replaces it in Helm; kept for completeness). */
static int fn_slice(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_value item = argv[0];
	if (item.type == OSMO_V_NULL)
		return osmo_fn_errorf(ctx, "slice of untyped nil");
	if (argc > 4)
		return osmo_fn_errorf(ctx, "too many slice indexes: %d", argc - 1);
	size_t len;
	if (item.type == OSMO_V_STRING) {
		if (argc == 4)
			return osmo_fn_errorf(ctx, "cannot 3-index slice a string");
		len = item.u.s.len;
	} else if (item.type == OSMO_V_LIST) {
		len = item.u.list ? item.u.list->len : 0;
	} else {
		return osmo_fn_errorf(ctx, "can't slice item of type %s", osmo_value_gotype(item));
	}
	int64_t idx[3] = { 0, (int64_t)len, (int64_t)len };
	for (int i = 1; i < argc; i++) {
		osmo_value a = argv[i];
		if (a.type == OSMO_V_NULL)
			return osmo_fn_errorf(ctx, "cannot index slice/array with nil");
		if (a.type != OSMO_V_INT)
			return osmo_fn_errorf(ctx, "cannot index slice/array with type %s", osmo_value_gotype(a));
		if (a.u.i < 0 || (uint64_t)a.u.i > len)
			return osmo_fn_errorf(ctx, "index out of range: %lld", (long long)a.u.i);
		idx[i - 1] = a.u.i;
	}
	if (idx[0] > idx[1])
		return osmo_fn_errorf(ctx, "invalid slice index: %lld > %lld", (long long)idx[0], (long long)idx[1]);
	if (argc == 4 && idx[1] > idx[2])
		return osmo_fn_errorf(ctx, "invalid slice index: %lld > %lld", (long long)idx[1], (long long)idx[2]);
	if (item.type == OSMO_V_STRING) {
		*out = item;
		out->u.s.ptr += idx[0];
		out->u.s.len = (size_t)(idx[1] - idx[0]);
		return 0;
	}
	osmo_value l = osmo_list_new(ctx->arena, (size_t)(idx[1] - idx[0]));
	l.sub = item.sub;
	for (int64_t i = idx[0]; i < idx[1]; i++)
		osmo_list_push(ctx->arena, l.u.list, item.u.list->items[i]);
	*out = l;
	return 0;
}

static int fn_print(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT;
	osmo_gofmt_sprint(&b, argc, argv);
	*out = ret_str(ctx, &b);
	return 0;
}

static int fn_println(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT;
	osmo_gofmt_sprintln(&b, argc, argv);
	*out = ret_str(ctx, &b);
	return 0;
}

static int fn_printf(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT;
	osmo_gofmt_sprintf(&b, argv[0].u.s.ptr, argv[0].u.s.len, argc - 1, argv + 1);
	*out = ret_str(ctx, &b);
	return 0;
}

/* evalArgs: one string as is, else fmt.Sprint with nils as "<no value>". */
static void eval_args(osmo_buf *b, int argc, const osmo_value *argv)
{
	if (argc == 1 && osmo_is_string(argv[0])) {
		osmo_buf_put(b, argv[0].u.s.ptr, argv[0].u.s.len);
		return;
	}
	osmo_value stackv[16] = { { 0 } };
	osmo_value *av = argc <= 16 ? stackv : osmo_malloc(sizeof(*av) * (size_t)argc);
	for (int i = 0; i < argc; i++)
		av[i] = argv[i].type == OSMO_V_NULL ? osmo_str_ref("<no value>", 10) : argv[i];
	osmo_gofmt_sprint(b, argc, av);
	if (av != stackv)
		osmo_free(av);
}

static int fn_html(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf in = OSMO_BUF_INIT, b = OSMO_BUF_INIT;
	eval_args(&in, argc, argv);
	for (size_t i = 0; i < in.len; i++) {
		char c = in.ptr[i];
		switch (c) {
		case '\0': osmo_buf_puts(&b, "\xEF\xBF\xBD"); break;
		case '"': osmo_buf_puts(&b, "&#34;"); break;
		case '\'': osmo_buf_puts(&b, "&#39;"); break;
		case '&': osmo_buf_puts(&b, "&amp;"); break;
		case '<': osmo_buf_puts(&b, "&lt;"); break;
		case '>': osmo_buf_puts(&b, "&gt;"); break;
		default: osmo_buf_putc(&b, c);
		}
	}
	osmo_buf_dispose(&in);
	*out = ret_str(ctx, &b);
	return 0;
}

static int fn_js(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	static const char hex[] = "0123456789ABCDEF";
	osmo_buf in = OSMO_BUF_INIT, b = OSMO_BUF_INIT;
	eval_args(&in, argc, argv);
	for (size_t i = 0; i < in.len; i++) {
		unsigned char c = (unsigned char)in.ptr[i];
		if (c < 0x80) {
			switch (c) {
			case '\\': osmo_buf_puts(&b, "\\\\"); continue;
			case '\'': osmo_buf_puts(&b, "\\'"); continue;
			case '"': osmo_buf_puts(&b, "\\\""); continue;
			case '<': osmo_buf_puts(&b, "\\u003C"); continue;
			case '>': osmo_buf_puts(&b, "\\u003E"); continue;
			case '&': osmo_buf_puts(&b, "\\u0026"); continue;
			case '=': osmo_buf_puts(&b, "\\u003D"); continue;
			}
			if (c < ' ') {
				osmo_buf_puts(&b, "\\u00");
				osmo_buf_putc(&b, hex[c >> 4]);
				osmo_buf_putc(&b, hex[c & 15]);
			} else {
				osmo_buf_putc(&b, (char)c);
			}
			continue;
		}
		int w;
		int32_t r = osmo_numfmt_decode_rune(in.ptr + i, in.len - i, &w);
		if (osmo_numfmt_is_print(r))
			osmo_buf_put(&b, in.ptr + i, (size_t)w);
		else
			osmo_buf_printf(&b, "\\u%04X", (unsigned)r);
		i += (size_t)w - 1;
	}
	osmo_buf_dispose(&in);
	*out = ret_str(ctx, &b);
	return 0;
}

static int fn_urlquery(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	static const char hex[] = "0123456789ABCDEF";
	osmo_buf in = OSMO_BUF_INIT, b = OSMO_BUF_INIT;
	eval_args(&in, argc, argv);
	for (size_t i = 0; i < in.len; i++) {
		unsigned char c = (unsigned char)in.ptr[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
		    c == '_' || c == '.' || c == '~') {
			osmo_buf_putc(&b, (char)c);
		} else if (c == ' ') {
			osmo_buf_putc(&b, '+');
		} else {
			osmo_buf_putc(&b, '%');
			osmo_buf_putc(&b, hex[c >> 4]);
			osmo_buf_putc(&b, hex[c & 15]);
		}
	}
	osmo_buf_dispose(&in);
	*out = ret_str(ctx, &b);
	return 0;
}

/* ---- comparisons ---------------------------------------------------------- */

enum { K_INVALID, K_BOOL, K_COMPLEX, K_INT, K_FLOAT, K_STRING, K_UINT };

static int basic_kind(osmo_value v)
{
	switch (v.type) {
	case OSMO_V_BOOL: return K_BOOL;
	case OSMO_V_INT: return is_uint_sub(v) ? K_UINT : K_INT;
	case OSMO_V_FLOAT: return K_FLOAT;
	case OSMO_V_STRING: return v.sub == OSMO_GO_STRING ? K_STRING : K_INVALID;
	default: return K_INVALID;
	}
}

static bool v_is_nil(osmo_value v)
{
	return v.type == OSMO_V_NULL || (v.type == OSMO_V_LIST && !v.u.list) ||
	       (v.type == OSMO_V_MAP && !v.u.map);
}

static const char *rkind(osmo_value v)
{
	return v.type == OSMO_V_NULL ? "invalid" : osmo_value_gokind(v);
}

static void fmt1(osmo_buf *b, const char *verb, osmo_value v)
{
	osmo_gofmt_sprintf(b, verb, strlen(verb), 1, &v);
}

static int eq_one(osmo_fnctx *ctx, osmo_value a, osmo_value b, bool *truth)
{
	int k1 = basic_kind(a), k2 = basic_kind(b);
	*truth = false;
	if (k1 != k2) {
		if (k1 == K_INT && k2 == K_UINT)
			*truth = a.u.i >= 0 && (uint64_t)a.u.i == (uint64_t)b.u.i;
		else if (k1 == K_UINT && k2 == K_INT)
			*truth = b.u.i >= 0 && (uint64_t)a.u.i == (uint64_t)b.u.i;
		else if (a.type != OSMO_V_NULL && b.type != OSMO_V_NULL)
			return osmo_fn_errorf(ctx, "incompatible types for comparison");
		return 0;
	}
	switch (k1) {
	case K_BOOL: *truth = a.u.b == b.u.b; return 0;
	case K_FLOAT: *truth = a.u.f == b.u.f; return 0;
	case K_INT:
	case K_UINT: *truth = a.u.i == b.u.i; return 0;
	case K_STRING:
		*truth = a.u.s.len == b.u.s.len && memcmp(a.u.s.ptr, b.u.s.ptr, a.u.s.len) == 0;
		return 0;
	}
	if (strcmp(rkind(a), rkind(b)) != 0 && a.type != OSMO_V_NULL && b.type != OSMO_V_NULL) {
		osmo_buf m = OSMO_BUF_INIT;
		osmo_buf_puts(&m, "non-comparable types ");
		fmt1(&m, "%s", a);
		osmo_buf_printf(&m, ": %s, %s: ", osmo_value_gotype(a), osmo_value_gotype(b));
		fmt1(&m, "%v", b);
		osmo_fn_errorf(ctx, "%s", osmo_buf_cstr(&m));
		osmo_buf_dispose(&m);
		return OSMO_ERROR;
	}
	if (v_is_nil(a) || v_is_nil(b)) {
		*truth = v_is_nil(a) == v_is_nil(b);
		return 0;
	}
	if (b.type == OSMO_V_LIST || b.type == OSMO_V_MAP || b.type == OSMO_V_STRING) {
		osmo_buf m = OSMO_BUF_INIT;
		osmo_buf_puts(&m, "non-comparable type ");
		fmt1(&m, "%s", b);
		osmo_buf_printf(&m, ": %s", osmo_value_gotype(b));
		osmo_fn_errorf(ctx, "%s", osmo_buf_cstr(&m));
		osmo_buf_dispose(&m);
		return OSMO_ERROR;
	}
	*truth = a.type == OSMO_V_OBJECT && b.type == OSMO_V_OBJECT && a.u.obj->data == b.u.obj->data &&
		 a.u.obj->cls == b.u.obj->cls;
	return 0;
}

static int fn_eq(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	if (argc < 2)
		return osmo_fn_errorf(ctx, "missing argument for comparison");
	for (int i = 1; i < argc; i++) {
		bool t;
		if (eq_one(ctx, argv[0], argv[i], &t))
			return OSMO_ERROR;
		if (t) {
			*out = osmo_bool(true);
			return 0;
		}
	}
	*out = osmo_bool(false);
	return 0;
}

static int fn_ne(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	bool t;
	if (eq_one(ctx, argv[0], argv[1], &t))
		return OSMO_ERROR;
	*out = osmo_bool(!t);
	return 0;
}

static int lt_impl(osmo_fnctx *ctx, osmo_value a, osmo_value b, bool *truth)
{
	int k1 = basic_kind(a), k2 = basic_kind(b);
	if (k1 == K_INVALID || k2 == K_INVALID)
		return osmo_fn_errorf(ctx, "invalid type for comparison");
	if (k1 != k2) {
		if (k1 == K_INT && k2 == K_UINT)
			*truth = a.u.i < 0 || (uint64_t)a.u.i < (uint64_t)b.u.i;
		else if (k1 == K_UINT && k2 == K_INT)
			*truth = b.u.i >= 0 && (uint64_t)a.u.i < (uint64_t)b.u.i;
		else
			return osmo_fn_errorf(ctx, "incompatible types for comparison");
		return 0;
	}
	switch (k1) {
	case K_BOOL:
	case K_COMPLEX:
		return osmo_fn_errorf(ctx, "invalid type for comparison");
	case K_FLOAT: *truth = a.u.f < b.u.f; break;
	case K_INT: *truth = a.u.i < b.u.i; break;
	case K_UINT: *truth = (uint64_t)a.u.i < (uint64_t)b.u.i; break;
	case K_STRING: {
		size_t n = a.u.s.len < b.u.s.len ? a.u.s.len : b.u.s.len;
		int c = memcmp(a.u.s.ptr, b.u.s.ptr, n);
		*truth = c < 0 || (c == 0 && a.u.s.len < b.u.s.len);
		break;
	}
	}
	return 0;
}

static int le_impl(osmo_fnctx *ctx, osmo_value a, osmo_value b, bool *truth)
{
	if (lt_impl(ctx, a, b, truth))
		return OSMO_ERROR;
	if (*truth)
		return 0;
	return eq_one(ctx, a, b, truth);
}

static int fn_lt(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	bool t = false;
	if (lt_impl(ctx, argv[0], argv[1], &t))
		return OSMO_ERROR;
	*out = osmo_bool(t);
	return 0;
}

static int fn_le(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	bool t = false;
	if (le_impl(ctx, argv[0], argv[1], &t))
		return OSMO_ERROR;
	*out = osmo_bool(t);
	return 0;
}

static int fn_gt(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	bool t = false;
	if (le_impl(ctx, argv[0], argv[1], &t))
		return OSMO_ERROR;
	*out = osmo_bool(!t);
	return 0;
}

static int fn_ge(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	bool t = false;
	if (lt_impl(ctx, argv[0], argv[1], &t))
		return OSMO_ERROR;
	*out = osmo_bool(!t);
	return 0;
}

/* 'r' = reflect.Value parameter (receives values as they are, nil allowed). */
const osmo_func_def osmo_funcs_builtin[] = {
	{ "and", "r*r:r", osmo_tpl_builtins_and },
	{ "or", "r*r:r", osmo_tpl_builtins_or },
	{ "not", "r:b", fn_not },
	{ "len", "r:ie", fn_len },
	{ "index", "r*r:re", fn_index },
	{ "slice", "r*r:re", fn_slice },
	{ "print", "*a:s", fn_print },
	{ "printf", "s*a:s", fn_printf },
	{ "println", "*a:s", fn_println },
	{ "html", "*a:s", fn_html },
	{ "js", "*a:s", fn_js },
	{ "urlquery", "*a:s", fn_urlquery },
	{ "call", "r*r:re", osmo_tpl_builtins_call },
	{ "eq", "r*r:be", fn_eq },
	{ "ne", "rr:be", fn_ne },
	{ "lt", "rr:be", fn_lt },
	{ "le", "rr:be", fn_le },
	{ "gt", "rr:be", fn_gt },
	{ "ge", "rr:be", fn_ge },
	{ NULL, NULL, NULL },
};
