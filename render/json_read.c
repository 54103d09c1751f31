/* json_read.c - encoding/json.Unmarshal into interface{} with Go's error
 * texts.  Like Go, the whole input is validated before any value is built,
 * so a syntax error anywhere wins over a type mismatch. */
#include "osmo/json.h"

#include <stdio.h>
#include <string.h>

#include "osmo/numfmt.h"
#include "yaml_priv.h"

#define MAX_NEST 10000 /* Go's scanner maxNestingDepth */

typedef struct jr {
	const char *s, *e, *p;
	osmo_arena *a; /* NULL while only validating */
	osmo_error *err;
	int depth;
} jr;

/* quoteChar: 'x', '\'' for quote, Go-quoted otherwise. */
static void quote_char(osmo_buf *b, unsigned char c)
{
	if (c == '\'') {
		osmo_buf_puts(b, "'\\''");
	} else if (c == '"') {
		osmo_buf_puts(b, "'\"'");
	} else {
		osmo_buf q = OSMO_BUF_INIT;
		char u[4];
		size_t n = 1;
		if (c < 0x80) {
			u[0] = (char)c;
		} else { /* string(byte) is the rune U+00XX */
			u[0] = (char)(0xC0 | (c >> 6));
			u[1] = (char)(0x80 | (c & 0x3F));
			n = 2;
		}
		osmo_numfmt_quote(&q, u, n);
		osmo_buf_putc(b, '\'');
		osmo_buf_put(b, q.ptr + 1, q.len - 2);
		osmo_buf_putc(b, '\'');
		osmo_buf_dispose(&q);
	}
}

static int syntax(jr *r, const char *ctx)
{
	osmo_buf b = OSMO_BUF_INIT;
	if (r->p >= r->e) {
		osmo_error_set(r->err, OSMO_EPARSE, "unexpected end of JSON input");
		return OSMO_EPARSE;
	}
	osmo_buf_puts(&b, "invalid character ");
	quote_char(&b, (unsigned char)*r->p);
	osmo_buf_printf(&b, " %s", ctx);
	osmo_error_set(r->err, OSMO_EPARSE, "%s", osmo_buf_cstr(&b));
	osmo_buf_dispose(&b);
	return OSMO_EPARSE;
}

/* Go's scanner feeds a space at EOF, so a literal or number cut short
 * reports the space rather than the end of input. */
static int eof_space(jr *r, const char *ctx)
{
	osmo_error_set(r->err, OSMO_EPARSE, "invalid character ' ' %s", ctx);
	return OSMO_EPARSE;
}

static void ws(jr *r)
{
	while (r->p < r->e && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

static void put_rune(osmo_buf *b, unsigned r)
{
	osmo_numfmt_put_rune(b, r > 0x10FFFF ? 0xFFFD : (int32_t)r);
}


static int read_u4(jr *r, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		int h;
		if (r->p >= r->e)
			return syntax(r, "");
		h = hexval(*r->p);
		if (h < 0)
			return syntax(r, "in \\u hexadecimal character escape");
		v = v * 16 + (unsigned)h;
		r->p++;
	}
	*out = v;
	return 0;
}

/* String at r->p (after the opening quote has been checked). */
static int str(jr *r, osmo_buf *out)
{
	r->p++;
	for (;;) {
		unsigned char c;
		if (r->p >= r->e)
			return syntax(r, "");
		c = (unsigned char)*r->p;
		if (c == '"') {
			r->p++;
			return 0;
		}
		if (c < 0x20)
			return syntax(r, "in string literal");
		if (c == '\\') {
			unsigned u = 0, u2 = 0;
			int rc;
			r->p++;
			if (r->p >= r->e)
				return syntax(r, "");
			switch (*r->p) {
			case '"': case '\\': case '/':
				osmo_buf_putc(out, *r->p); r->p++; break;
			case 'b': osmo_buf_putc(out, '\b'); r->p++; break;
			case 'f': osmo_buf_putc(out, '\f'); r->p++; break;
			case 'n': osmo_buf_putc(out, '\n'); r->p++; break;
			case 'r': osmo_buf_putc(out, '\r'); r->p++; break;
			case 't': osmo_buf_putc(out, '\t'); r->p++; break;
			case 'u':
				r->p++;
				if ((rc = read_u4(r, &u)))
					return rc;
				if (u >= 0xD800 && u < 0xDC00 && r->e - r->p >= 6 && r->p[0] == '\\' &&
				    r->p[1] == 'u') {
					const char *save = r->p;
					r->p += 2;
					if ((rc = read_u4(r, &u2)))
						return rc;
					if (u2 >= 0xDC00 && u2 < 0xE000) {
						u = 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00);
					} else {
						r->p = save; /* lone high surrogate */
						u = 0xFFFD;
					}
				}
				put_rune(out, u);
				break;
			default:
				return syntax(r, "in string escape code");
			}
			continue;
		}
		if (c < 0x80) {
			osmo_buf_putc(out, (char)c);
			r->p++;
		} else {
			size_t w = osmo_yaml_utf8_valid((const unsigned char *)r->p, (size_t)(r->e - r->p));
			if (w == 0) {
				osmo_buf_puts(out, "\xEF\xBF\xBD");
				r->p++;
			} else {
				osmo_buf_put(out, r->p, w);
				r->p += w;
			}
		}
	}
}

static int number(jr *r, osmo_value *out)
{
	const char *st = r->p;
	double f;
	int rc;
	if (*r->p == '-') {
		r->p++;
		if (r->p >= r->e)
			return eof_space(r, "in numeric literal");
		if (!(*r->p >= '0' && *r->p <= '9'))
			return syntax(r, "in numeric literal");
	}
	if (*r->p == '0') {
		r->p++;
	} else {
		while (r->p < r->e && *r->p >= '0' && *r->p <= '9')
			r->p++;
	}
	if (r->p < r->e && *r->p == '.') {
		r->p++;
		if (r->p >= r->e)
			return eof_space(r, "after decimal point in numeric literal");
		if (!(*r->p >= '0' && *r->p <= '9'))
			return syntax(r, "after decimal point in numeric literal");
		while (r->p < r->e && *r->p >= '0' && *r->p <= '9')
			r->p++;
	}
	if (r->p < r->e && (*r->p == 'e' || *r->p == 'E')) {
		r->p++;
		if (r->p < r->e && (*r->p == '+' || *r->p == '-'))
			r->p++;
		if (r->p >= r->e)
			return eof_space(r, "in exponent of numeric literal");
		if (!(*r->p >= '0' && *r->p <= '9'))
			return syntax(r, "in exponent of numeric literal");
		while (r->p < r->e && *r->p >= '0' && *r->p <= '9')
			r->p++;
	}
	if (!r->a)
		return 0;
	rc = osmo_numfmt_parse_float(&f, st, (size_t)(r->p - st));
	if (rc) {
		osmo_error_set(r->err, OSMO_EPARSE,
			       "json: cannot unmarshal number %.*s into Go value of type float64",
			       (int)(r->p - st), st);
		return OSMO_EPARSE;
	}
	*out = osmo_float(f);
	return 0;
}

static int literal(jr *r, const char *word, osmo_value v, osmo_value *out)
{
	size_t n = strlen(word);
	for (size_t i = 0; i < n; i++, r->p++) {
		char ctx[64];
		snprintf(ctx, sizeof ctx, "in literal %s (expecting '%c')", word, word[i]);
		if (r->p >= r->e)
			return eof_space(r, ctx);
		if (*r->p != word[i])
			return syntax(r, ctx);
	}
	*out = v;
	return 0;
}

static int value(jr *r, osmo_value *out)
{
	int rc;
	ws(r);
	if (r->p >= r->e)
		return syntax(r, "");
	switch (*r->p) {
	case '{': {
		r->p++;
		if (++r->depth > MAX_NEST) {
			osmo_error_set(r->err, OSMO_ELIMIT, "exceeded max depth");
			return OSMO_ELIMIT;
		}
		if (r->a)
			*out = osmo_map_new(r->a, 0);
		ws(r);
		if (r->p < r->e && *r->p == '}') {
			r->p++;
			r->depth--;
			return 0;
		}
		for (;;) {
			osmo_buf k = OSMO_BUF_INIT;
			osmo_value v;
			ws(r);
			if (r->p >= r->e || *r->p != '"')
				return syntax(r, "looking for beginning of object key string");
			rc = str(r, &k);
			if (!rc) {
				ws(r);
				if (r->p >= r->e || *r->p != ':')
					rc = syntax(r, "after object key");
				else
					r->p++;
			}
			if (!rc)
				rc = value(r, &v);
			if (!rc && r->a)
				osmo_map_set(r->a, out->u.map, k.ptr ? k.ptr : "", k.len, v);
			osmo_buf_dispose(&k);
			if (rc)
				return rc;
			ws(r);
			if (r->p < r->e && *r->p == ',') {
				r->p++;
				continue;
			}
			if (r->p < r->e && *r->p == '}') {
				r->p++;
				r->depth--;
				return 0;
			}
			return syntax(r, "after object key:value pair");
		}
	}
	case '[': {
		r->p++;
		if (++r->depth > MAX_NEST) {
			osmo_error_set(r->err, OSMO_ELIMIT, "exceeded max depth");
			return OSMO_ELIMIT;
		}
		if (r->a)
			*out = osmo_list_new(r->a, 0);
		ws(r);
		if (r->p < r->e && *r->p == ']') {
			r->p++;
			r->depth--;
			return 0;
		}
		for (;;) {
			osmo_value v;
			rc = value(r, &v);
			if (rc)
				return rc;
			if (r->a)
				osmo_list_push(r->a, out->u.list, v);
			ws(r);
			if (r->p < r->e && *r->p == ',') {
				r->p++;
				continue;
			}
			if (r->p < r->e && *r->p == ']') {
				r->p++;
				r->depth--;
				return 0;
			}
			return syntax(r, "after array element");
		}
	}
	case '"': {
		osmo_buf s = OSMO_BUF_INIT;
		rc = str(r, &s);
		if (!rc && r->a)
			*out = osmo_string_buf(r->a, &s);
		osmo_buf_dispose(&s);
		return rc;
	}
	case 't': return literal(r, "true", osmo_bool(true), out);
	case 'f': return literal(r, "false", osmo_bool(false), out);
	case 'n': return literal(r, "null", osmo_null(), out);
	default:
		if (*r->p == '-' || (*r->p >= '0' && *r->p <= '9'))
			return number(r, out);
		return syntax(r, "looking for beginning of value");
	}
}

static int run(jr *r, osmo_value *out)
{
	int rc;
	r->p = r->s;
	r->depth = 0;
	rc = value(r, out);
	if (rc)
		return rc;
	ws(r);
	if (r->p < r->e)
		return syntax(r, "after top-level value");
	return 0;
}

int osmo_json_parse_as(osmo_value *out, osmo_arena *a, const char *s, size_t n, unsigned flags,
		       osmo_error *err)
{
	jr r = { s, s + n, s, NULL, err, 0 };
	osmo_value v = osmo_null();
	int rc = run(&r, &v); /* validate first, as Go's checkValid */
	if (rc)
		return rc;
	r.a = a;
	rc = run(&r, &v);
	if (rc)
		return rc;
	if (flags & (OSMO_JSON_WANT_MAP | OSMO_JSON_WANT_LIST)) {
		bool wmap = flags & OSMO_JSON_WANT_MAP;
		const char *what = NULL;
		switch (v.type) {
		case OSMO_V_NULL:
			v = wmap ? osmo_map_new(a, 0) : osmo_list_new(a, 0);
			break;
		case OSMO_V_MAP: what = wmap ? NULL : "object"; break;
		case OSMO_V_LIST: what = wmap ? "array" : NULL; break;
		case OSMO_V_STRING: what = "string"; break;
		case OSMO_V_BOOL: what = "bool"; break;
		default: what = "number"; break;
		}
		if (what) {
			osmo_error_set(err, OSMO_EPARSE, "json: cannot unmarshal %s into Go value of type %s",
				       what, wmap ? "map[string]interface {}" : "[]interface {}");
			return OSMO_EPARSE;
		}
	}
	*out = v;
	return 0;
}

int osmo_json_parse(osmo_value *out, osmo_arena *a, const char *s, size_t n, osmo_error *err)
{
	return osmo_json_parse_as(out, a, s, n, 0, err);
}
