/* jsonschema_errors.c - validation results as gojsonschema builds them
 * (field names, score, merging), Helm's "- field: description" listing,
 * and the value formatting its English locale texts use. */
#include "jsonschema_int.h"

#include "osmo/funcs.h"
#include "osmo/json.h"
#include "osmo/numfmt.h"

#include <stdarg.h>
#include <string.h>

static size_t ctx_len(const js_ctx *c)
{
	return c->tail ? ctx_len(c->tail) + 1 + c->hlen : c->hlen;
}

static char *ctx_write(char *p, const js_ctx *c)
{
	if (c->tail) {
		p = ctx_write(p, c->tail);
		*p++ = '.';
	}
	memcpy(p, c->head, c->hlen);
	return p + c->hlen;
}

char *js_ctx_field(osmo_arena *a, const js_ctx *ctx)
{
	size_t n = ctx_len(ctx);
	char *s = osmo_arena_alloc(a, n + 1);
	*ctx_write(s, ctx) = 0;
	if (!strncmp(s, "(root).", 7))
		return s + 7;
	return s;
}

static void res_push(osmo_arena *a, js_res *r, osmo_jsonschema_error e)
{
	if (r->n == r->cap) {
		size_t nc = r->cap ? 2 * r->cap : 8;
		r->v = osmo_arena_realloc(a, r->v, r->cap * sizeof(*r->v), nc * sizeof(*r->v));
		r->cap = nc;
	}
	r->v[r->n++] = e;
}

void js_res_add(osmo_arena *a, js_res *r, const js_ctx *ctx, const char *type, const char *fmt, ...)
{
	osmo_buf b = OSMO_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	osmo_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	osmo_jsonschema_error e;
	e.field = js_ctx_field(a, ctx);
	e.keyword = type;
	e.message = osmo_arena_strndup(a, osmo_buf_cstr(&b), b.len);
	osmo_buf_dispose(&b);
	res_push(a, r, e);
	r->score -= 2;
}

void js_res_merge(osmo_arena *a, js_res *dst, const js_res *src)
{
	for (size_t i = 0; i < src->n; i++)
		res_push(a, dst, src->v[i]);
	dst->score += src->score;
}

void osmo_jsonschema_result_format(osmo_buf *b, const osmo_jsonschema_result *r)
{
	for (size_t i = 0; r && i < r->count; i++)
		osmo_buf_printf(b, "- %s: %s\n", r->errors[i].field, r->errors[i].message);
}

void osmo_jsonschema_result_free(osmo_jsonschema_result *r)
{
	if (!r)
		return;
	osmo_arena_free(r->arena);
	osmo_free(r);
}

/* ---- value formatting ------------------------------------------------------ */

char *js_canonical_json(osmo_arena *a, osmo_value v)
{
	osmo_buf b = OSMO_BUF_INIT;
	if (osmo_json_write(&b, v, 0, NULL)) {
		/* NaN/Inf cannot come from JSON; keep something comparable */
		osmo_buf_clear(&b);
		osmo_buf_puts(&b, "null");
	}
	char *s = osmo_arena_strndup(a, osmo_buf_cstr(&b), b.len);
	osmo_buf_dispose(&b);
	return s;
}

void js_format_number(osmo_buf *b, double d)
{
	osmo_numfmt_float(b, d, 'g', -1);
}

void js_format_number_e(osmo_buf *b, double d)
{
	osmo_numfmt_float(b, d, 'e', -1);
}

int js_regex_match(const char *pattern, const char *s, size_t n, char **errmsg)
{
	const osmo_func_def *fn = osmo_funcs_find("mustRegexMatch", 14);
	OSMO_ASSERT(fn);
	osmo_arena *a = osmo_arena_new();
	osmo_error e = { 0 };
	osmo_fnctx ctx = { a, &e, "mustRegexMatch", NULL };
	osmo_value argv[2] = { osmo_str_ref(pattern, strlen(pattern)), osmo_str_ref(s, n) };
	osmo_value out = osmo_null();
	int rc = fn->fn(&out, &ctx, 2, argv);
	int res;
	if (rc) {
		if (errmsg)
			*errmsg = osmo_strdup(e.msg ? e.msg : "invalid regex");
		res = -1;
	} else {
		res = out.type == OSMO_V_BOOL && out.u.b;
	}
	osmo_error_dispose(&e);
	osmo_arena_free(a);
	return res;
}
