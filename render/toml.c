/* toml.c - BurntSushi/toml as Helm uses it: the Encoder (direct keys first,
 * then tables, nested tables indented two spaces per level, floats always
 * with a decimal point, nil values skipped) and a decoder for the common
 * subset of TOML into map[string]interface{} (integers int64). */
#include "osmo/toml.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "osmo/numfmt.h"

/* ---- encoder ---------------------------------------------------------------- */

typedef struct tw {
	osmo_buf *b;
	bool written;
	const osmo_str *key[256];
	int nkey;
	osmo_error *err;
	int rc;
} tw;

static void wf(tw *w, const char *s, size_t n)
{
	osmo_buf_put(w->b, s, n);
	w->written = true;
}

static void wfs(tw *w, const char *s)
{
	wf(w, s, strlen(s));
}

static void newline(tw *w)
{
	if (w->written)
		wfs(w, "\n");
}

static void quote(tw *w, const char *s, size_t n)
{
	osmo_buf q = OSMO_BUF_INIT;
	osmo_buf_putc(&q, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': osmo_buf_puts(&q, "\\\""); break;
		case '\\': osmo_buf_puts(&q, "\\\\"); break;
		case '\b': osmo_buf_puts(&q, "\\b"); break;
		case '\t': osmo_buf_puts(&q, "\\t"); break;
		case '\n': osmo_buf_puts(&q, "\\n"); break;
		case '\f': osmo_buf_puts(&q, "\\f"); break;
		case '\r': osmo_buf_puts(&q, "\\r"); break;
		default:
			if (c < 0x20 || c == 0x7F)
				osmo_buf_printf(&q, "\\u%04X", c);
			else
				osmo_buf_putc(&q, (char)c);
		}
	}
	osmo_buf_putc(&q, '"');
	wf(w, q.ptr, q.len);
	osmo_buf_dispose(&q);
}

static bool bare_key(const char *s, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
		      c == '-'))
			return false;
	}
	return true;
}

static void put_key(tw *w, const osmo_str *k)
{
	if (bare_key(k->ptr, k->len))
		wf(w, k->ptr, k->len);
	else
		quote(w, k->ptr, k->len);
}

static bool is_table(osmo_value v)
{
	return (v.type == OSMO_V_MAP && v.u.map) || v.type == OSMO_V_OBJECT;
}

static bool is_table_array(osmo_value v)
{
	if (v.type != OSMO_V_LIST || !v.u.list || v.u.list->len == 0)
		return false;
	for (size_t i = 0; i < v.u.list->len; i++)
		if (!is_table(v.u.list->items[i]))
			return false;
	return true;
}

static void element(tw *w, osmo_value v);

static void inline_map(tw *w, const osmo_map *m)
{
	bool first = true;
	wfs(w, "{");
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < m->len; i++) {
			osmo_value v = m->ents[i].val;
			bool sub = is_table(v) || is_table_array(v);
			if (v.type == OSMO_V_NULL || sub != (pass == 1))
				continue;
			if (!first)
				wfs(w, ", ");
			first = false;
			put_key(w, &m->ents[i].key);
			wfs(w, " = ");
			element(w, v);
		}
	}
	wfs(w, "}");
}

static void element(tw *w, osmo_value v)
{
	osmo_buf t = OSMO_BUF_INIT;
	switch (v.type) {
	case OSMO_V_BOOL:
		wfs(w, v.u.b ? "true" : "false");
		break;
	case OSMO_V_INT:
		if (v.sub == OSMO_GO_UINT || v.sub == OSMO_GO_UINT64 || v.sub == OSMO_GO_UINT32 || v.sub == OSMO_GO_UINT8)
			osmo_numfmt_uint(&t, (uint64_t)v.u.i, 10);
		else
			osmo_numfmt_int(&t, v.u.i, 10);
		wf(w, t.ptr, t.len);
		break;
	case OSMO_V_FLOAT:
		if (isnan(v.u.f)) {
			wfs(w, signbit(v.u.f) ? "-nan" : "nan");
		} else if (isinf(v.u.f)) {
			wfs(w, v.u.f > 0 ? "inf" : "-inf");
		} else {
			osmo_numfmt_float(&t, v.u.f, 'f', -1);
			if (!memchr(t.ptr, '.', t.len))
				osmo_buf_puts(&t, ".0");
			wf(w, t.ptr, t.len);
		}
		break;
	case OSMO_V_STRING:
		quote(w, v.u.s.ptr, v.u.s.len);
		break;
	case OSMO_V_LIST:
		wfs(w, "[");
		for (size_t i = 0; v.u.list && i < v.u.list->len; i++) {
			if (v.u.list->items[i].type == OSMO_V_NULL && !w->rc) {
				osmo_error_set(w->err, OSMO_ERROR, "toml: cannot encode array with nil element");
				w->rc = OSMO_ERROR;
			}
			element(w, v.u.list->items[i]);
			if (i + 1 != v.u.list->len)
				wfs(w, ", ");
		}
		wfs(w, "]");
		break;
	case OSMO_V_MAP:
		if (v.u.map)
			inline_map(w, v.u.map);
		break;
	default:
		break;
	}
	osmo_buf_dispose(&t);
}

static void indent_str(tw *w)
{
	for (int i = 1; i < w->nkey; i++)
		wfs(w, "  ");
}

static void key_path(tw *w)
{
	for (int i = 0; i < w->nkey; i++) {
		if (i)
			wfs(w, ".");
		put_key(w, w->key[i]);
	}
}

static void emap(tw *w, const osmo_map *m);

static void encode(tw *w, const osmo_str *k, osmo_value v)
{
	if (w->nkey >= 255)
		return;
	w->key[w->nkey++] = k;
	if (v.type == OSMO_V_MAP && v.u.map) {
		if (w->nkey == 1)
			newline(w);
		indent_str(w);
		wfs(w, "[");
		key_path(w);
		wfs(w, "]");
		newline(w);
		emap(w, v.u.map);
	} else if (is_table_array(v)) {
		for (size_t i = 0; i < v.u.list->len; i++) {
			newline(w);
			indent_str(w);
			wfs(w, "[[");
			key_path(w);
			wfs(w, "]]");
			newline(w);
			if (v.u.list->items[i].type == OSMO_V_MAP)
				emap(w, v.u.list->items[i].u.map);
		}
	} else if (v.type != OSMO_V_NULL && v.type != OSMO_V_OBJECT) {
		indent_str(w);
		put_key(w, k);
		wfs(w, " = ");
		element(w, v);
		newline(w);
	}
	w->nkey--;
}

static void emap(tw *w, const osmo_map *m)
{
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < m->len; i++) {
			osmo_value v = m->ents[i].val;
			bool sub = is_table(v) || is_table_array(v);
			if (sub != (pass == 1) || v.type == OSMO_V_NULL)
				continue;
			encode(w, &m->ents[i].key, v);
		}
	}
}

int osmo_toml_write(osmo_buf *b, osmo_value v, osmo_error *err)
{
	tw w = { 0 };
	w.b = b;
	w.err = err;
	if (v.type == OSMO_V_MAP && v.u.map)
		emap(&w, v.u.map);
	else if (v.type != OSMO_V_NULL)
		element(&w, v);
	return w.rc;
}

/* ---- decoder --------------------------------------------------------------------- */

typedef struct tr {
	const char *p, *e;
	int line;
	osmo_arena *a;
	osmo_error *err;
	osmo_buf keytext; /* the dotted key pkeypath just read */
	osmo_buf table;   /* the current [table] header */
	osmo_buf lastkey; /* full key of the value being parsed (BurntSushi's "last key") */
} tr;

/* BurntSushi's ParseError text; at end of input its lexer has backed up
 * over the final line, so the reported line is one less. */
static int perr(tr *r, const char *msg)
{
	int line = r->p >= r->e ? r->line - 1 : r->line;
	if (r->lastkey.len)
		osmo_error_set(r->err, OSMO_EPARSE, "toml: line %d (last key \"%s\"): %s", line,
			       r->lastkey.ptr, msg);
	else
		osmo_error_set(r->err, OSMO_EPARSE, "toml: line %d: %s", line, msg);
	return OSMO_EPARSE;
}

static void skip_ws(tr *r)
{
	while (r->p < r->e && (*r->p == ' ' || *r->p == '\t'))
		r->p++;
}

/* whitespace, newlines and comments (inside arrays) */
static void skip_all(tr *r)
{
	for (;;) {
		skip_ws(r);
		if (r->p < r->e && *r->p == '#') {
			while (r->p < r->e && *r->p != '\n')
				r->p++;
		}
		if (r->p < r->e && (*r->p == '\n' || *r->p == '\r')) {
			if (*r->p == '\n')
				r->line++;
			r->p++;
			continue;
		}
		return;
	}
}

static int pstring(tr *r, osmo_buf *out)
{
	char q = *r->p++;
	bool multi = false;
	if (r->e - r->p >= 2 && r->p[0] == q && r->p[1] == q) {
		multi = true;
		r->p += 2;
		if (r->p < r->e && *r->p == '\n') {
			r->p++;
			r->line++;
		}
	}
	for (;;) {
		if (r->p >= r->e)
			return perr(r, "unexpected EOF in string");
		if (*r->p == q) {
			if (!multi) {
				r->p++;
				return 0;
			}
			if (r->e - r->p >= 3 && r->p[1] == q && r->p[2] == q) {
				r->p += 3;
				return 0;
			}
		}
		if (*r->p == '\n') {
			if (!multi)
				return perr(r, "strings cannot contain newlines");
			r->line++;
		}
		if (q == '"' && *r->p == '\\') {
			r->p++;
			if (r->p >= r->e)
				return perr(r, "unexpected EOF in string");
			switch (*r->p) {
			case 'b': osmo_buf_putc(out, '\b'); break;
			case 't': osmo_buf_putc(out, '\t'); break;
			case 'n': osmo_buf_putc(out, '\n'); break;
			case 'f': osmo_buf_putc(out, '\f'); break;
			case 'r': osmo_buf_putc(out, '\r'); break;
			case '"': osmo_buf_putc(out, '"'); break;
			case '\\': osmo_buf_putc(out, '\\'); break;
			case 'u': case 'U': {
				int nd = *r->p == 'u' ? 4 : 8;
				char hex[9] = { 0 };
				if (r->e - r->p <= nd)
					return perr(r, "invalid escape");
				memcpy(hex, r->p + 1, (size_t)nd);
				osmo_numfmt_put_rune(out, (int32_t)strtol(hex, NULL, 16));
				r->p += nd;
				break;
			}
			case '\n':
				if (!multi)
					return perr(r, "invalid escape");
				r->line++;
				r->p++;
				while (r->p < r->e && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n'))
					r->line += *r->p++ == '\n';
				continue;
			default:
				return perr(r, "invalid escape in string");
			}
			r->p++;
			continue;
		}
		osmo_buf_putc(out, *r->p++);
	}
}

static int pkey(tr *r, osmo_buf *k)
{
	osmo_buf_clear(k);
	skip_ws(r);
	if (r->p < r->e && (*r->p == '"' || *r->p == '\''))
		return pstring(r, k);
	while (r->p < r->e && bare_key(r->p, 1))
		osmo_buf_putc(k, *r->p++);
	if (k->len == 0)
		return perr(r, "expected key");
	return 0;
}

static int pvalue(tr *r, osmo_value *out);

/* dotted key path -> the map holding the last part (created as needed) */
static int pkeypath(tr *r, osmo_map *root, osmo_map **m, osmo_buf *last)
{
	int rc;
	*m = root;
	osmo_buf_clear(&r->keytext);
	for (;;) {
		if ((rc = pkey(r, last)))
			return rc;
		if (r->keytext.len)
			osmo_buf_putc(&r->keytext, '.');
		osmo_buf_put(&r->keytext, last->ptr ? last->ptr : "", last->len);
		skip_ws(r);
		if (r->p < r->e && *r->p == '.') {
			osmo_value *v;
			r->p++;
			v = osmo_map_get(*m, last->ptr, last->len);
			if (!v) {
				osmo_map_set(r->a, *m, last->ptr, last->len, osmo_map_new(r->a, 0));
				v = osmo_map_get(*m, last->ptr, last->len);
			}
			if (v->type == OSMO_V_LIST && v->u.list->len &&
			    v->u.list->items[v->u.list->len - 1].type == OSMO_V_MAP)
				*m = v->u.list->items[v->u.list->len - 1].u.map;
			else if (v->type == OSMO_V_MAP)
				*m = v->u.map;
			else
				return perr(r, "key is not a table");
			continue;
		}
		return 0;
	}
}

static int pkv(tr *r, osmo_map *m)
{
	osmo_buf k = OSMO_BUF_INIT;
	osmo_map *t;
	osmo_value v;
	osmo_buf_clear(&r->lastkey);
	int rc = pkeypath(r, m, &t, &k);
	if (!rc) {
		skip_ws(r);
		if (r->p >= r->e)
			rc = perr(r, "unexpected EOF; expected key separator '='");
		else if (*r->p != '=') {
			char msg[64];
			snprintf(msg, sizeof msg, "expected '.' or '=', but got '%c' instead", *r->p);
			rc = perr(r, msg);
		}
	}
	if (!rc) {
		r->p++;
		skip_ws(r);
		osmo_buf_clear(&r->lastkey);
		if (r->table.len) {
			osmo_buf_put(&r->lastkey, r->table.ptr, r->table.len);
			osmo_buf_putc(&r->lastkey, '.');
		}
		osmo_buf_put(&r->lastkey, osmo_buf_cstr(&r->keytext), r->keytext.len);
		rc = pvalue(r, &v);
	}
	if (!rc) {
		if (osmo_map_get(t, k.ptr, k.len))
			rc = perr(r, "key has already been defined");
		else
			osmo_map_set(r->a, t, k.ptr, k.len, v);
	}
	osmo_buf_dispose(&k);
	return rc;
}

static int pvalue(tr *r, osmo_value *out)
{
	int rc;
	if (r->p >= r->e || *r->p == '\n')
		return perr(r, "unexpected EOF; expected value");
	if (*r->p == '"' || *r->p == '\'') {
		osmo_buf s = OSMO_BUF_INIT;
		rc = pstring(r, &s);
		if (!rc)
			*out = osmo_string_buf(r->a, &s);
		osmo_buf_dispose(&s);
		return rc;
	}
	if (*r->p == '[') {
		r->p++;
		*out = osmo_list_new(r->a, 0);
		for (;;) {
			osmo_value v;
			skip_all(r);
			if (r->p < r->e && *r->p == ']') {
				r->p++;
				return 0;
			}
			if ((rc = pvalue(r, &v)))
				return rc;
			osmo_list_push(r->a, out->u.list, v);
			skip_all(r);
			if (r->p < r->e && *r->p == ',') {
				r->p++;
				continue;
			}
			if (r->p < r->e && *r->p == ']') {
				r->p++;
				return 0;
			}
			return perr(r, "expected a comma or array terminator");
		}
	}
	if (*r->p == '{') {
		r->p++;
		*out = osmo_map_new(r->a, 0);
		skip_ws(r);
		if (r->p < r->e && *r->p == '}') {
			r->p++;
			return 0;
		}
		for (;;) {
			if ((rc = pkv(r, out->u.map)))
				return rc;
			skip_ws(r);
			if (r->p < r->e && *r->p == ',') {
				r->p++;
				continue;
			}
			if (r->p < r->e && *r->p == '}') {
				r->p++;
				return 0;
			}
			return perr(r, "expected a comma or an inline table terminator");
		}
	}
	{
		const char *st = r->p;
		char buf[128];
		size_t n = 0;
		int64_t i;
		double f;
		while (r->p < r->e && !strchr(" \t\r\n,]}#", *r->p))
			r->p++;
		for (const char *c = st; c < r->p && n < sizeof buf - 1; c++)
			if (*c != '_')
				buf[n++] = *c;
		buf[n] = 0;
		if (strcmp(buf, "true") == 0 || strcmp(buf, "false") == 0) {
			*out = osmo_bool(buf[0] == 't');
			return 0;
		}
		if (strcmp(buf, "inf") == 0 || strcmp(buf, "+inf") == 0 || strcmp(buf, "-inf") == 0) {
			*out = osmo_float(buf[0] == '-' ? -INFINITY : INFINITY);
			return 0;
		}
		if (strcmp(buf, "nan") == 0 || strcmp(buf, "+nan") == 0 || strcmp(buf, "-nan") == 0) {
			*out = osmo_float(NAN);
			return 0;
		}
		if (n && !(n > 1 && buf[0] == '0' && buf[1] >= '0' && buf[1] <= '9') &&
		    osmo_numfmt_parse_int(&i, buf, n, strchr(buf, 'x') || strchr(buf, 'o') || strchr(buf, 'b') ? 0 : 10) == 0) {
			*out = osmo_int64(i);
			return 0;
		}
		if (n && strpbrk(buf, ".eE") && !strpbrk(buf, "xob") && osmo_numfmt_parse_float(&f, buf, n) == 0) {
			*out = osmo_float(f);
			return 0;
		}
		if (n >= 10 && buf[4] == '-') { /* datetimes: kept as their text */
			while (r->p < r->e && *r->p == ' ' && r->p + 1 < r->e && r->p[1] >= '0' && r->p[1] <= '9') {
				r->p++;
				while (r->p < r->e && !strchr(" \t\r\n,]}#", *r->p))
					r->p++;
			}
			*out = osmo_string(r->a, st, (size_t)(r->p - st));
			return 0;
		}
		/* BurntSushi names the character its lexer stopped at */
		r->p = st;
		char msg[64];
		if (*st >= 0x20 && *st < 0x7f && *st != '\'' && *st != '\\')
			snprintf(msg, sizeof msg, "expected value but found '%c' instead", *st);
		else
			snprintf(msg, sizeof msg, "expected value but found '\\x%02x' instead", (unsigned char)*st);
		return perr(r, msg);
	}
}

int osmo_toml_parse(osmo_value *out, osmo_arena *a, const char *s, size_t n, osmo_error *err)
{
	tr r = { s, s + n, 1, a, err, OSMO_BUF_INIT, OSMO_BUF_INIT, OSMO_BUF_INIT };
	osmo_value root = osmo_map_new(a, 0);
	osmo_map *cur = root.u.map;
	int rc = 0;

	for (;;) {
		skip_all(&r);
		if (r.p >= r.e)
			break;
		if (*r.p == '[') {
			bool arr = r.e - r.p >= 2 && r.p[1] == '[';
			osmo_buf k = OSMO_BUF_INIT;
			osmo_map *t;
			osmo_value *v;
			r.p += arr ? 2 : 1;
			rc = pkeypath(&r, root.u.map, &t, &k);
			if (!rc) {
				osmo_buf_clear(&r.table);
				osmo_buf_put(&r.table, osmo_buf_cstr(&r.keytext), r.keytext.len);
				skip_ws(&r);
				if (r.e - r.p < (arr ? 2 : 1) || r.p[0] != ']' || (arr && r.p[1] != ']'))
					rc = perr(&r, "expected ']' after table key");
				else
					r.p += arr ? 2 : 1;
			}
			if (!rc) {
				v = osmo_map_get(t, k.ptr, k.len);
				if (arr) {
					osmo_value m = osmo_map_new(a, 0);
					if (!v) {
						osmo_map_set(a, t, k.ptr, k.len, osmo_list_new(a, 1));
						v = osmo_map_get(t, k.ptr, k.len);
					}
					if (v->type != OSMO_V_LIST) {
						rc = perr(&r, "key is not an array of tables");
					} else {
						osmo_list_push(a, v->u.list, m);
						cur = m.u.map;
					}
				} else {
					if (!v) {
						osmo_map_set(a, t, k.ptr, k.len, osmo_map_new(a, 0));
						v = osmo_map_get(t, k.ptr, k.len);
					}
					if (v->type != OSMO_V_MAP)
						rc = perr(&r, "key is not a table");
					else
						cur = v->u.map;
				}
			}
			osmo_buf_dispose(&k);
		} else {
			rc = pkv(&r, cur);
		}
		if (rc)
			break;
		skip_ws(&r);
		if (r.p < r.e && *r.p == '#')
			continue;
		if (r.p < r.e && *r.p != '\n' && *r.p != '\r') {
			rc = perr(&r, "expected a top-level item to end with a newline, comment, or EOF");
			break;
		}
	}
	if (!rc)
		*out = root;
	osmo_buf_dispose(&r.keytext);
	osmo_buf_dispose(&r.table);
	osmo_buf_dispose(&r.lastkey);
	return rc;
}
