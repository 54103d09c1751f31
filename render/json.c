/* json.c - encoding/json.Marshal / MarshalIndent on osmo_value, byte-exact
 * with Go 1.23 (string escaping, float formatting, sorted keys). */
#include "osmo/json.h"

#include <math.h>
#include <string.h>

#include "osmo/numfmt.h"
#include "yaml_priv.h"

/* Go starts looking for cycles only this deep (startDetectingCyclesAfter). */
#define CYCLE_DEPTH 1000

typedef struct jw {
	osmo_buf *b;
	unsigned flags;
	osmo_error *err;
	osmo_arena *tmp; /* for object marshal views; created lazily */
	const void *stack[CYCLE_DEPTH * 4];
	int depth;
} jw;

static const char hexd[] = "0123456789abcdef";


static void put_string(osmo_buf *b, const char *str, size_t n, bool html)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, start = 0;
	osmo_buf_putc(b, '"');
	while (i < n) {
		unsigned c = s[i];
		if (c < 0x80) {
			if (c >= 0x20 && c != '"' && c != '\\' && !(html && (c == '<' || c == '>' || c == '&'))) {
				i++;
				continue;
			}
			osmo_buf_put(b, str + start, i - start);
			switch (c) {
			case '\\': case '"':
				osmo_buf_putc(b, '\\');
				osmo_buf_putc(b, (char)c);
				break;
			case '\b': osmo_buf_puts(b, "\\b"); break;
			case '\f': osmo_buf_puts(b, "\\f"); break;
			case '\n': osmo_buf_puts(b, "\\n"); break;
			case '\r': osmo_buf_puts(b, "\\r"); break;
			case '\t': osmo_buf_puts(b, "\\t"); break;
			default:
				osmo_buf_puts(b, "\\u00");
				osmo_buf_putc(b, hexd[c >> 4]);
				osmo_buf_putc(b, hexd[c & 15]);
			}
			i++;
			start = i;
			continue;
		}
		size_t w = osmo_yaml_utf8_valid(s + i, n - i);
		if (w == 0) {
			osmo_buf_put(b, str + start, i - start);
			osmo_buf_puts(b, "\\ufffd");
			i++;
			start = i;
			continue;
		}
		if (w == 3 && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
			osmo_buf_put(b, str + start, i - start);
			osmo_buf_puts(b, s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
			i += 3;
			start = i;
			continue;
		}
		i += w;
	}
	osmo_buf_put(b, str + start, n - start);
	osmo_buf_putc(b, '"');
}

static void put_base64(osmo_buf *b, const unsigned char *s, size_t n)
{
	static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i;
	osmo_buf_putc(b, '"');
	for (i = 0; i + 2 < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16 | (unsigned)s[i + 1] << 8 | s[i + 2];
		char q[4] = { tbl[v >> 18], tbl[(v >> 12) & 63], tbl[(v >> 6) & 63], tbl[v & 63] };
		osmo_buf_put(b, q, 4);
	}
	if (n - i == 1) {
		unsigned v = (unsigned)s[i] << 16;
		char q[4] = { tbl[v >> 18], tbl[(v >> 12) & 63], '=', '=' };
		osmo_buf_put(b, q, 4);
	} else if (n - i == 2) {
		unsigned v = (unsigned)s[i] << 16 | (unsigned)s[i + 1] << 8;
		char q[4] = { tbl[v >> 18], tbl[(v >> 12) & 63], tbl[(v >> 6) & 63], '=' };
		osmo_buf_put(b, q, 4);
	}
	osmo_buf_putc(b, '"');
}

/* encoding/json floatEncoder for float64. */
static void put_float(osmo_buf *b, double f)
{
	double a = fabs(f);
	char fmt = 'f';
	size_t start = b->len;
	if (a != 0 && (a < 1e-6 || a >= 1e21))
		fmt = 'e';
	osmo_numfmt_float(b, f, fmt, -1);
	if (fmt == 'e') { /* e-09 -> e-9 */
		size_t n = b->len - start;
		char *p = b->ptr + start;
		if (n >= 4 && p[n - 4] == 'e' && p[n - 3] == '-' && p[n - 2] == '0') {
			p[n - 2] = p[n - 1];
			osmo_buf_truncate(b, b->len - 1);
		}
	}
}

static void newline(jw *w)
{
	osmo_buf_putc(w->b, '\n');
	for (int i = 0; i < w->depth; i++)
		osmo_buf_puts(w->b, "  ");
}

static int fail(jw *w, const char *msg, const char *what)
{
	if (w->err)
		osmo_error_set(w->err, OSMO_ERROR, "json: unsupported value: %s%s", msg, what);
	return OSMO_ERROR;
}

static int enc(jw *w, osmo_value v);

/* A struct view: fields in declaration order, as encoding/json writes them. */
static int enc_struct(jw *w, const osmo_list *l)
{
	bool ind = w->flags & OSMO_JSON_INDENT;
	osmo_buf_putc(w->b, '{');
	w->depth++;
	for (size_t i = 0; i + 1 < l->len; i += 2) {
		if (i)
			osmo_buf_putc(w->b, ',');
		if (ind)
			newline(w);
		put_string(w->b, l->items[i].u.s.ptr, l->items[i].u.s.len, !(w->flags & OSMO_JSON_RAW));
		osmo_buf_puts(w->b, ind ? ": " : ":");
		int rc = enc(w, l->items[i + 1]);
		if (rc)
			return rc;
	}
	w->depth--;
	if (ind && l->len)
		newline(w);
	osmo_buf_putc(w->b, '}');
	return 0;
}

static int enc(jw *w, osmo_value v)
{
	bool ind = w->flags & OSMO_JSON_INDENT;
	int rc = 0;

	switch (v.type) {
	case OSMO_V_NULL:
		osmo_buf_puts(w->b, "null");
		return 0;
	case OSMO_V_BOOL:
		osmo_buf_puts(w->b, v.u.b ? "true" : "false");
		return 0;
	case OSMO_V_INT:
		if (v.sub == OSMO_GO_UINT || v.sub == OSMO_GO_UINT64 || v.sub == OSMO_GO_UINT32 ||
		    v.sub == OSMO_GO_UINT8)
			osmo_numfmt_uint(w->b, (uint64_t)v.u.i, 10);
		else
			osmo_numfmt_int(w->b, v.u.i, 10);
		return 0;
	case OSMO_V_FLOAT:
		if (isnan(v.u.f) || isinf(v.u.f)) {
			osmo_buf t = OSMO_BUF_INIT;
			osmo_numfmt_float(&t, v.u.f, 'g', -1);
			rc = fail(w, osmo_buf_cstr(&t), "");
			osmo_buf_dispose(&t);
			return rc;
		}
		put_float(w->b, v.u.f);
		return 0;
	case OSMO_V_STRING:
		if (v.sub == OSMO_GO_BYTES)
			put_base64(w->b, (const unsigned char *)v.u.s.ptr, v.u.s.len);
		else
			put_string(w->b, v.u.s.ptr, v.u.s.len, !(w->flags & OSMO_JSON_RAW));
		return 0;
	case OSMO_V_OBJECT: {
		osmo_value view;
		if (!v.u.obj->cls->marshal) {
			osmo_buf_puts(w->b, "{}");
			return 0;
		}
		if (!w->tmp)
			w->tmp = osmo_arena_new();
		if (v.u.obj->cls->marshal(&view, w->tmp, v.u.obj) != 0) {
			osmo_buf_puts(w->b, "{}");
			return 0;
		}
		return enc(w, view);
	}
	default:
		break;
	}

	/* containers */
	{
		bool list = v.type == OSMO_V_LIST;
		const void *ptr = list ? (const void *)v.u.list : (const void *)v.u.map;
		size_t n = list ? (ptr ? v.u.list->len : 0) : (ptr ? v.u.map->len : 0);
		if (!ptr || osmo_value_is_nil_container(v)) {
			osmo_buf_puts(w->b, "null");
			return 0;
		}
		if (list && v.sub == OSMO_GO_STRUCTVIEW)
			return enc_struct(w, v.u.list);
		if (w->depth >= CYCLE_DEPTH) {
			for (int i = CYCLE_DEPTH; i < w->depth && i < (int)(sizeof w->stack / sizeof w->stack[0]); i++)
				if (w->stack[i] == ptr)
					return fail(w, "encountered a cycle via ", osmo_value_gotype(v));
		}
		if (w->depth < (int)(sizeof w->stack / sizeof w->stack[0]))
			w->stack[w->depth] = ptr;
		osmo_buf_putc(w->b, list ? '[' : '{');
		w->depth++;
		for (size_t i = 0; i < n && !rc; i++) {
			if (i)
				osmo_buf_putc(w->b, ',');
			if (ind)
				newline(w);
			if (list) {
				rc = enc(w, v.u.list->items[i]);
			} else {
				const osmo_map_entry *e = &v.u.map->ents[i];
				put_string(w->b, e->key.ptr, e->key.len, !(w->flags & OSMO_JSON_RAW));
				osmo_buf_puts(w->b, ind ? ": " : ":");
				rc = enc(w, e->val);
			}
		}
		w->depth--;
		if (rc)
			return rc;
		if (ind && n)
			newline(w);
		osmo_buf_putc(w->b, list ? ']' : '}');
	}
	return 0;
}

int osmo_json_write(osmo_buf *b, osmo_value v, unsigned flags, osmo_error *err)
{
	jw *w = osmo_calloc(1, sizeof *w);
	int rc;
	w->b = b;
	w->flags = flags;
	w->err = err;
	rc = enc(w, v);
	if (w->tmp)
		osmo_arena_free(w->tmp);
	osmo_free(w);
	if (b->len == 0)
		osmo_buf_puts(b, ""); /* keep ptr non-NULL */
	return rc;
}
