/* yaml_write.c - Helm's toYaml: sigs.k8s.io/yaml.Marshal = json.Marshal,
 * re-parse with go-yaml v2, go-yaml v2 Marshal.  The JSON round trip is
 * applied on the fly (floats become ints when integral, invalid UTF-8 is
 * replaced, []byte becomes base64); the structure is emitted with go-yaml's
 * block styles, natural key order and the emitter core of yaml_scalar.c. */
#include "osmo/yaml.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "osmo/numfmt.h"
#include "yaml_emit.h"
#include "yaml_priv.h"

/* ---- natural key order (go-yaml sorter.go keyList.Less) --------------------- */

static int32_t rune_at(const char *s, size_t n, size_t *i)
{
	unsigned char c = (unsigned char)s[*i];
	int w = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
	int32_t r;
	if (w == 0 || *i + (size_t)w > n) {
		(*i)++;
		return 0xFFFD;
	}
	r = w == 1 ? c : w == 2 ? (c & 0x1F) : w == 3 ? (c & 0x0F) : (c & 0x07);
	for (int k = 1; k < w; k++)
		r = (r << 6) | ((unsigned char)s[*i + (size_t)k] & 0x3F);
	*i += (size_t)w;
	return r;
}

/* unicode.IsLetter, approximated by the main alphabetic blocks. */
static bool is_letter(int32_t r)
{
	if (r < 0x80)
		return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
	if (r == 0xAA || r == 0xB5 || r == 0xBA)
		return true;
	if (r >= 0xC0 && r <= 0x24F)
		return r != 0xD7 && r != 0xF7;
	return (r >= 0x250 && r <= 0x2C1) || (r >= 0x370 && r <= 0x3FF && r != 0x37E && r != 0x387) ||
	       (r >= 0x400 && r <= 0x481) || (r >= 0x48A && r <= 0x52F) || (r >= 0x531 && r <= 0x587) ||
	       (r >= 0x5D0 && r <= 0x5EA) || (r >= 0x620 && r <= 0x64A) || (r >= 0x904 && r <= 0x939) ||
	       (r >= 0xE01 && r <= 0xE30) || (r >= 0x10A0 && r <= 0x10FF) || (r >= 0x1E00 && r <= 0x1FFF) ||
	       (r >= 0x3041 && r <= 0x3096) || (r >= 0x30A1 && r <= 0x30FA) || (r >= 0x3400 && r <= 0x4DBF) ||
	       (r >= 0x4E00 && r <= 0x9FFF) || (r >= 0xAC00 && r <= 0xD7A3) || (r >= 0xF900 && r <= 0xFAFF);
}

static bool is_digit(int32_t r)
{
	return (r >= '0' && r <= '9') || (r >= 0x660 && r <= 0x669) || (r >= 0x6F0 && r <= 0x6F9) ||
	       (r >= 0x966 && r <= 0x96F) || (r >= 0xFF10 && r <= 0xFF19);
}

static int32_t *runes(const char *s, size_t n, size_t *len)
{
	int32_t *r = osmo_malloc((n + 1) * sizeof *r);
	size_t i = 0, k = 0;
	while (i < n)
		r[k++] = rune_at(s, n, &i);
	*len = k;
	return r;
}

/* v3: after a run of equal digits, letters sort before digits. */
static bool key_less(const int32_t *ar, size_t an, const int32_t *br, size_t bn, bool v3)
{
	bool digits = false;
	for (size_t i = 0; i < an && i < bn; i++) {
		bool al, bl;
		size_t ai, bi;
		int64_t av = 0, bv = 0;
		if (ar[i] == br[i]) {
			digits = is_digit(ar[i]);
			continue;
		}
		al = is_letter(ar[i]);
		bl = is_letter(br[i]);
		if (al && bl)
			return ar[i] < br[i];
		if (al || bl)
			return (v3 && digits) ? al : bl;
		if (ar[i] == '0' || br[i] == '0') {
			for (size_t j = i; j-- > 0 && is_digit(ar[j]);) {
				if (ar[j] != '0') {
					av = 1;
					bv = 1;
					break;
				}
			}
		}
		for (ai = i; ai < an && is_digit(ar[ai]); ai++)
			av = av * 10 + (ar[ai] - '0');
		for (bi = i; bi < bn && is_digit(br[bi]); bi++)
			bv = bv * 10 + (br[bi] - '0');
		if (av != bv)
			return av < bv;
		if (ai != bi)
			return ai < bi;
		return ar[i] < br[i];
	}
	return an < bn;
}

int osmo_yaml_keycmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t ra, rb;
	int32_t *x = runes(a, an, &ra), *y = runes(b, bn, &rb);
	int c = key_less(x, ra, y, rb, false) ? -1 : key_less(y, rb, x, ra, false) ? 1 : 0;
	osmo_free(x);
	osmo_free(y);
	return c;
}

typedef struct skey {
	const osmo_map_entry *ent;
	int32_t *r;
	size_t n;
	bool v3;
} skey;

static int skey_cmp(const void *pa, const void *pb)
{
	const skey *a = pa, *b = pb;
	if (key_less(a->r, a->n, b->r, b->n, a->v3))
		return -1;
	if (key_less(b->r, b->n, a->r, a->n, a->v3))
		return 1;
	return 0;
}

/* ---- structure ------------------------------------------------------------------ */

typedef struct wctx {
	yemit *e;
	yconv_fn conv;
	osmo_arena *tmp;
	osmo_buf scratch;
} wctx;

static void select_and_emit(wctx *w, const yleaf *lf)
{
	yemit *e = w->e;
	yscalar sc;
	int style = lf->style;

	osmo_yaml_emit_analyze(e, &sc, lf->s, lf->n);
	if (e->simple_key_ctx && sc.multiline)
		style = YS_DOUBLE;
	if (style == YS_PLAIN) {
		if ((e->flow_level > 0 && !sc.flow_plain) || (e->flow_level == 0 && !sc.block_plain))
			style = YS_SINGLE;
		if (lf->n == 0 && (e->flow_level > 0 || e->simple_key_ctx))
			style = YS_SINGLE;
	}
	if (style == YS_SINGLE && !sc.single_ok)
		style = YS_DOUBLE;
	if (style == YS_LITERAL && (!sc.block_ok || e->flow_level > 0 || e->simple_key_ctx))
		style = YS_DOUBLE;
	osmo_yaml_emit_scalar(e, lf->s, lf->n, style);
}

static void emit_node(wctx *w, osmo_value v, bool root, bool seq, bool map, bool simple_key);

static bool simple_key_ok(wctx *w, const yleaf *lf)
{
	yscalar sc;
	osmo_yaml_emit_analyze(w->e, &sc, lf->s, lf->n);
	return !sc.multiline && lf->n <= 128;
}

static void emit_empty(yemit *e, const char *open, const char *close)
{
	osmo_yaml_emit_indicator(e, open, true, true, false);
	osmo_yaml_emit_push_indent(e, true, false);
	e->flow_level++;
	e->flow_level--;
	osmo_yaml_emit_pop_indent(e);
	osmo_yaml_emit_indicator(e, close, false, false, false);
}

static void emit_map(wctx *w, osmo_map *m)
{
	yemit *e = w->e;
	skey *keys = osmo_malloc(m->len * sizeof *keys);

	for (size_t i = 0; i < m->len; i++) {
		keys[i].ent = &m->ents[i];
		keys[i].r = runes(m->ents[i].key.ptr, m->ents[i].key.len, &keys[i].n);
		keys[i].v3 = e->v3;
	}
	qsort(keys, m->len, sizeof *keys, skey_cmp);
	osmo_yaml_emit_push_indent(e, false, false);
	for (size_t i = 0; i < m->len; i++) {
		osmo_value k = osmo_str_ref(keys[i].ent->key.ptr, keys[i].ent->key.len);
		yleaf lf;
		osmo_value kv = k;
		w->conv(&kv, &lf, w->tmp, &w->scratch);
		osmo_yaml_emit_write_indent(e);
		if (simple_key_ok(w, &lf)) {
			emit_node(w, k, false, false, true, true);
			osmo_yaml_emit_indicator(e, ":", false, false, false);
		} else {
			osmo_yaml_emit_indicator(e, "?", true, false, true);
			emit_node(w, k, false, false, true, false);
			osmo_yaml_emit_write_indent(e);
			osmo_yaml_emit_indicator(e, ":", true, false, true);
		}
		emit_node(w, keys[i].ent->val, false, false, true, false);
	}
	osmo_yaml_emit_pop_indent(e);
	for (size_t i = 0; i < m->len; i++)
		osmo_free(keys[i].r);
	osmo_free(keys);
}

static void emit_node(wctx *w, osmo_value v, bool root, bool seq, bool map, bool simple_key)
{
	yemit *e = w->e;
	yleaf lf;

	e->root_ctx = root;
	e->seq_ctx = seq;
	e->map_ctx = map;
	e->simple_key_ctx = simple_key;
	e->in_seq_item = seq;
	if (w->conv(&v, &lf, w->tmp, &w->scratch)) {
		select_and_emit(w, &lf);
		return;
	}
	if (v.type == OSMO_V_LIST) {
		osmo_list *l = v.u.list;
		if (l->len == 0) {
			emit_empty(e, "[", "]");
			return;
		}
		osmo_yaml_emit_push_indent(e, false, !e->v3 && e->map_ctx && !e->indention);
		for (size_t i = 0; i < l->len; i++) {
			osmo_yaml_emit_write_indent(e);
			osmo_yaml_emit_indicator(e, "-", true, false, true);
			emit_node(w, l->items[i], false, true, false, false);
		}
		osmo_yaml_emit_pop_indent(e);
		return;
	}
	if (v.u.map->len == 0) {
		emit_empty(e, "{", "}");
		return;
	}
	emit_map(w, v.u.map);
}

void osmo_yaml_emit_document(yemit *e, osmo_value v, yconv_fn conv)
{
	wctx w = { e, conv, osmo_arena_new(), OSMO_BUF_INIT };
	osmo_yaml_emit_write_indent(e); /* implicit document start */
	emit_node(&w, v, true, false, false, false);
	osmo_yaml_emit_write_indent(e); /* document end */
	osmo_arena_free(w.tmp);
	osmo_buf_dispose(&w.scratch);
}

int osmo_yaml_string_style(const char *s, size_t n)
{
	osmo_yaml_resolved r;
	if (memchr(s, '\n', n))
		return YS_LITERAL;
	osmo_yaml_resolve(&r, s, n, false, true);
	if (r.kind != OSMO_YR_STR || osmo_yaml_is_base60(s, n))
		return YS_DOUBLE;
	return YS_PLAIN;
}

/* ---- the JSON round trip view ------------------------------------------------------ */

static const char b64tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int leaf_text(yleaf *lf, osmo_arena *tmp, osmo_buf *scratch, int style)
{
	lf->s = osmo_arena_strndup(tmp, scratch->ptr ? scratch->ptr : "", scratch->len);
	lf->n = scratch->len;
	lf->style = style;
	return 1;
}

/* JSON leaves U+0085 (NEL) raw; go-yaml's re-parse sees it as a line break
 * inside a double-quoted scalar and folds it: spaces around it vanish, one
 * break becomes a space, n breaks become n-1 newlines. */
static osmo_value fold_nel(osmo_arena *tmp, osmo_value v)
{
	const char *s = v.u.s.ptr;
	size_t n = v.u.s.len, i = 0, ws_start = 0;
	osmo_buf b = OSMO_BUF_INIT;
	osmo_value out;

	if (!memmem(s, n, "\xC2\x85", 2))
		return v;
	while (i < n) {
		if (s[i] == ' ') {
			ws_start = b.len;
			while (i < n && s[i] == ' ')
				osmo_buf_putc(&b, s[i++]);
			if (!(i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0x85))
				continue;
			osmo_buf_truncate(&b, ws_start); /* spaces before a break are dropped */
		}
		if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0x85) {
			int breaks = 0;
			while (i < n) {
				if (s[i] == ' ') {
					i++;
				} else if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0x85) {
					breaks++;
					i += 2;
				} else {
					break;
				}
			}
			if (breaks == 1)
				osmo_buf_putc(&b, ' ');
			for (int k = 1; k < breaks; k++)
				osmo_buf_putc(&b, '\n');
			continue;
		}
		osmo_buf_putc(&b, s[i++]);
	}
	out = osmo_string_buf(tmp, &b);
	osmo_buf_dispose(&b);
	return out;
}

static int conv_v2(osmo_value *v, yleaf *lf, osmo_arena *tmp, osmo_buf *scratch)
{
	if (osmo_value_is_nil_container(*v))
		*v = osmo_null();
	osmo_buf_clear(scratch);
	for (;;) {
		if (v->type == OSMO_V_OBJECT) {
			osmo_value view;
			if (v->u.obj->cls->marshal && v->u.obj->cls->marshal(&view, tmp, v->u.obj) == 0)
				*v = osmo_value_struct_to_map(tmp, view);
			else
				*v = osmo_map_new(tmp, 0);
			continue;
		}
		break;
	}
	*v = osmo_value_struct_to_map(tmp, *v);
	if (osmo_value_is_nil_container(*v))
		*v = osmo_null();
	switch (v->type) {
	case OSMO_V_NULL:
		lf->s = "null";
		lf->n = 4;
		lf->style = YS_PLAIN;
		return 1;
	case OSMO_V_BOOL:
		lf->s = v->u.b ? "true" : "false";
		lf->n = strlen(lf->s);
		lf->style = YS_PLAIN;
		return 1;
	case OSMO_V_INT:
		if (v->sub == OSMO_GO_UINT || v->sub == OSMO_GO_UINT64 || v->sub == OSMO_GO_UINT32 ||
		    v->sub == OSMO_GO_UINT8)
			osmo_numfmt_uint(scratch, (uint64_t)v->u.i, 10);
		else
			osmo_numfmt_int(scratch, v->u.i, 10);
		return leaf_text(lf, tmp, scratch, YS_PLAIN);
	case OSMO_V_FLOAT: {
		/* the JSON text, re-resolved by go-yaml */
		osmo_yaml_resolved r;
		double a = fabs(v->u.f);
		char fmt = (a != 0 && (a < 1e-6 || a >= 1e21)) ? 'e' : 'f';
		osmo_numfmt_float(scratch, v->u.f, fmt, -1);
		osmo_yaml_resolve(&r, scratch->ptr, scratch->len, false, false);
		osmo_buf_clear(scratch);
		if (r.kind == OSMO_YR_INT)
			osmo_numfmt_int(scratch, r.i, 10);
		else if (r.kind == OSMO_YR_UINT)
			osmo_numfmt_uint(scratch, r.u, 10);
		else
			osmo_numfmt_float(scratch, v->u.f, 'g', -1);
		return leaf_text(lf, tmp, scratch, YS_PLAIN);
	}
	case OSMO_V_STRING:
		if (v->sub == OSMO_GO_BYTES) {
			const unsigned char *s = (const unsigned char *)v->u.s.ptr;
			size_t n = v->u.s.len, i;
			for (i = 0; i + 2 < n; i += 3) {
				unsigned x = (unsigned)s[i] << 16 | (unsigned)s[i + 1] << 8 | s[i + 2];
				char q[4] = { b64tbl[x >> 18], b64tbl[(x >> 12) & 63], b64tbl[(x >> 6) & 63], b64tbl[x & 63] };
				osmo_buf_put(scratch, q, 4);
			}
			if (n - i == 1) {
				unsigned x = (unsigned)s[i] << 16;
				char q[4] = { b64tbl[x >> 18], b64tbl[(x >> 12) & 63], '=', '=' };
				osmo_buf_put(scratch, q, 4);
			} else if (n - i == 2) {
				unsigned x = (unsigned)s[i] << 16 | (unsigned)s[i + 1] << 8;
				char q[4] = { b64tbl[x >> 18], b64tbl[(x >> 12) & 63], b64tbl[(x >> 6) & 63], '=' };
				osmo_buf_put(scratch, q, 4);
			}
			leaf_text(lf, tmp, scratch, YS_PLAIN);
		} else {
			osmo_value f = fold_nel(tmp, osmo_yaml_fix_utf8(tmp, *v));
			lf->s = f.u.s.ptr;
			lf->n = f.u.s.len;
		}
		lf->style = osmo_yaml_string_style(lf->s, lf->n);
		return 1;
	case OSMO_V_LIST:
		if (!v->u.list) {
			*v = osmo_null();
			return conv_v2(v, lf, tmp, scratch);
		}
		return 0;
	case OSMO_V_MAP:
		if (!v->u.map) {
			*v = osmo_null();
			return conv_v2(v, lf, tmp, scratch);
		}
		return 0;
	default:
		OSMO_ASSERT(!"unknown value type");
		return 0;
	}
}

/* Raw characters JSON leaves unescaped that go-yaml's reader then rejects
 * when sigs re-parses the JSON text: DEL, C1 controls but NEL, U+FFFE/F. */
static bool yaml_rejects(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == 0x7F)
			return true;
		if (s[i] == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F && s[i + 1] != 0x85)
			return true;
		if (s[i] == 0xEF && i + 2 < n && s[i + 1] == 0xBF && (s[i + 2] == 0xBE || s[i + 2] == 0xBF))
			return true;
	}
	return false;
}

static int reject(osmo_error *err)
{
	if (err)
		osmo_error_set(err, OSMO_ERROR, "yaml: control characters are not allowed");
	return OSMO_ERROR;
}

/* What json.Marshal would reject: NaN/Inf, cycles (depth as the proxy);
 * and what the re-parse of its output would. */
static int json_check(osmo_value v, int depth, osmo_error *err)
{
	switch (v.type) {
	case OSMO_V_STRING:
		if (v.sub != OSMO_GO_BYTES && yaml_rejects(v.u.s.ptr, v.u.s.len))
			return reject(err);
		return 0;
	case OSMO_V_FLOAT:
		if (isnan(v.u.f) || isinf(v.u.f)) {
			if (err) {
				osmo_buf t = OSMO_BUF_INIT;
				osmo_numfmt_float(&t, v.u.f, 'g', -1);
				osmo_error_set(err, OSMO_ERROR,
					       "error marshaling into JSON: json: unsupported value: %s",
					       osmo_buf_cstr(&t));
				osmo_buf_dispose(&t);
			}
			return OSMO_ERROR;
		}
		return 0;
	case OSMO_V_LIST:
	case OSMO_V_MAP: {
		size_t n = v.type == OSMO_V_LIST ? (v.u.list ? v.u.list->len : 0)
						  : (v.u.map ? v.u.map->len : 0);
		if (depth > 2000) {
			if (err)
				osmo_error_set(err, OSMO_ERROR,
					       "error marshaling into JSON: json: unsupported value: encountered a cycle via %s",
					       osmo_value_gotype(v));
			return OSMO_ERROR;
		}
		for (size_t i = 0; i < n; i++) {
			int rc;
			if (v.type == OSMO_V_MAP &&
			    yaml_rejects(v.u.map->ents[i].key.ptr, v.u.map->ents[i].key.len))
				return reject(err);
			rc = json_check(v.type == OSMO_V_LIST ? v.u.list->items[i] : v.u.map->ents[i].val,
					    depth + 1, err);
			if (rc)
				return rc;
		}
		return 0;
	}
	default:
		return 0;
	}
}

int osmo_yaml_write(osmo_buf *b, osmo_value v, osmo_error *err)
{
	yemit e;
	int rc = json_check(v, 0, err);
	if (rc)
		return rc;
	osmo_yaml_emit_init(&e, b, false);
	osmo_yaml_emit_document(&e, v, conv_v2);
	osmo_yaml_emit_dispose(&e);
	return 0;
}
