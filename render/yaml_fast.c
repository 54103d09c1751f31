/* yaml_fast.c - the common case of YAML loading without the node tree.
 *
 * Most documents (values.yaml, rendered manifests) use no anchors, aliases,
 * tags or merge keys and load without error.  For those, values are built
 * straight from libyaml's events: no intermediate tree, one copy of each
 * scalar.  Anything else - and every error - makes this path give up, and
 * the caller reruns the exact loader of yaml_read.c, so error texts and the
 * rare features have one implementation only.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "osmo/yaml.h"
#include "yaml_priv.h"

#define MAX_DEPTH 10000

enum { GIVE_UP = 1 };

typedef struct fent {
	osmo_str key;
	osmo_value val;
} fent;

typedef struct frame {
	bool map;
	bool skip;     /* children are validated, not built */
	bool want_val; /* map: the next node is a value */
	bool drop_val; /* map: that value is not built (head mode) */
	size_t base;   /* first entry of this container on the stack */
} frame;

typedef struct fast {
	osmo_arena *a;
	bool json; /* the sigs.k8s.io JSON round trip applies */
	const char *const *keys; /* head mode: top-level keys to build */
	fent *st;
	size_t n, cap;
	frame *fr;
	size_t depth, fcap;
	fent *tmp; /* merge sort scratch */
	size_t tmpcap;
	osmo_buf kb;
	osmo_str *intern; /* open addressing; strings repeat a lot in values */
	size_t icap, ilen;
	osmo_value root;
	bool have_root;
} fast;

#define INTERN_MAX 48

/* An arena copy of s[0..n), shared with earlier equal short strings
 * (strings are immutable once built). */
static const char *str_copy(fast *f, const char *s, size_t n)
{
	if (n > INTERN_MAX)
		return osmo_arena_strndup(f->a, s, n);
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	if (f->ilen * 2 >= f->icap) {
		size_t cap = f->icap ? f->icap * 2 : 64;
		osmo_str *t = osmo_calloc(cap, sizeof *t);
		for (size_t i = 0; i < f->icap; i++) {
			const osmo_str *e = &f->intern[i];
			if (!e->ptr)
				continue;
			uint32_t eh = 2166136261u;
			for (size_t k = 0; k < e->len; k++)
				eh = (eh ^ (unsigned char)e->ptr[k]) * 16777619u;
			size_t j = eh & (cap - 1);
			while (t[j].ptr)
				j = (j + 1) & (cap - 1);
			t[j] = *e;
		}
		osmo_free(f->intern);
		f->intern = t;
		f->icap = cap;
	}
	size_t j = h & (f->icap - 1);
	for (; f->intern[j].ptr; j = (j + 1) & (f->icap - 1))
		if (f->intern[j].len == n && !memcmp(f->intern[j].ptr, s, n))
			return f->intern[j].ptr;
	f->intern[j].ptr = osmo_arena_strndup(f->a, s, n);
	f->intern[j].len = n;
	f->ilen++;
	return f->intern[j].ptr;
}

static osmo_value string_value(fast *f, const char *s, size_t n)
{
	osmo_value v = osmo_str_ref(str_copy(f, s, n), n);
	return f->json ? osmo_yaml_fix_utf8(f->a, v) : v;
}

static void push_ent(fast *f, fent e)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 256;
		f->st = osmo_realloc(f->st, f->cap * sizeof *f->st);
	}
	f->st[f->n++] = e;
}

static frame *top(fast *f)
{
	return f->depth ? &f->fr[f->depth - 1] : NULL;
}

/* Does the node about to arrive get built? */
static bool dropping(fast *f)
{
	frame *t = top(f);
	return t && (t->skip || (t->map && t->drop_val));
}

static void deliver(fast *f, osmo_value v)
{
	frame *t = top(f);
	if (!t) {
		f->root = v;
		f->have_root = true;
		return;
	}
	if (!t->map) {
		if (!t->skip)
			push_ent(f, (fent){ { NULL, 0 }, v });
		return;
	}
	if (!t->skip && !t->drop_val)
		f->st[f->n - 1].val = v;
	t->want_val = false;
	t->drop_val = false;
}

/* .nan/.inf and friends: the only plain scalars that resolve to a value
 * encoding/json rejects. */
static bool non_finite(const char *s, size_t n)
{
	if (n < 4 || n > 5 || (s[0] != '.' && s[1] != '.'))
		return false;
	osmo_yaml_resolved r;
	osmo_yaml_resolve(&r, s, n, false, false);
	return r.kind == OSMO_YR_FLOAT && !isfinite(r.f);
}

static int scalar_value(fast *f, const yaml_event_t *ev, osmo_value *out)
{
	const char *s = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	osmo_yaml_resolved r;

	if (!ev->data.scalar.plain_implicit) { /* quoted: a string */
		*out = string_value(f, s, n);
		return 0;
	}
	osmo_yaml_resolve(&r, s, n, false, true);
	switch (r.kind) {
	case OSMO_YR_NULL: *out = osmo_null(); break;
	case OSMO_YR_BOOL: *out = osmo_bool(r.b); break;
	case OSMO_YR_INT: *out = f->json ? osmo_float((double)r.i) : osmo_int(r.i); break;
	case OSMO_YR_UINT:
		if (f->json) {
			*out = osmo_float((double)r.u);
		} else {
			*out = osmo_int((int64_t)r.u);
			out->sub = OSMO_GO_UINT64;
		}
		break;
	case OSMO_YR_FLOAT:
		if (f->json && !isfinite(r.f))
			return GIVE_UP; /* json: unsupported value */
		*out = osmo_float(r.f);
		break;
	case OSMO_YR_MERGE: /* "<<" as a value: the plain text */
	default:
		*out = string_value(f, s, n);
		break;
	}
	return 0;
}

static bool wanted_key(const fast *f, const char *s, size_t n)
{
	for (const char *const *k = f->keys; *k; k++)
		if (strlen(*k) == n && !memcmp(*k, s, n))
			return true;
	return false;
}

/* A mapping key: stringified as sigs.k8s.io/yaml does. */
static int scalar_key(fast *f, frame *t, const yaml_event_t *ev)
{
	const char *s = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	osmo_str key = { s, n };

	t->want_val = true;
	if (ev->data.scalar.plain_implicit) {
		osmo_yaml_resolved r;
		if (n == 2 && s[0] == '<' && s[1] == '<')
			return GIVE_UP; /* merge key */
		osmo_yaml_resolve(&r, s, n, false, true);
		switch (r.kind) {
		case OSMO_YR_STR:
		case OSMO_YR_TIMESTAMP:
			break;
		case OSMO_YR_NULL:
		case OSMO_YR_UINT:
		case OSMO_YR_MERGE:
			return GIVE_UP;
		default: {
			osmo_value k = r.kind == OSMO_YR_BOOL  ? osmo_bool(r.b)
				       : r.kind == OSMO_YR_INT ? osmo_int(r.i)
							       : osmo_float(r.f);
			if (!osmo_yaml_key_string(&f->kb, k))
				return GIVE_UP;
			key.ptr = osmo_buf_cstr(&f->kb);
			key.len = f->kb.len;
		}
		}
	}
	if (t->skip)
		return 0;
	if (f->keys && f->depth == 1 && !wanted_key(f, key.ptr, key.len)) {
		t->drop_val = true;
		return 0;
	}
	if (f->json && !osmo_yaml_utf8_ok(key.ptr, key.len))
		return GIVE_UP; /* keys would be rewritten and the map rebuilt */
	key.ptr = str_copy(f, key.ptr, key.len);
	push_ent(f, (fent){ key, osmo_null() });
	return 0;
}

static int keycmp(const osmo_str *x, const osmo_str *y)
{
	int c = memcmp(x->ptr, y->ptr, x->len < y->len ? x->len : y->len);
	if (c)
		return c;
	return x->len < y->len ? -1 : x->len > y->len;
}

/* Stable merge sort of v[0..n) by key, using tmp. */
static void sort_ents(fent *v, fent *tmp, size_t n)
{
	if (n < 2)
		return;
	if (n <= 8) {
		for (size_t i = 1; i < n; i++) {
			fent e = v[i];
			size_t j = i;
			while (j && keycmp(&v[j - 1].key, &e.key) > 0) {
				v[j] = v[j - 1];
				j--;
			}
			v[j] = e;
		}
		return;
	}
	size_t h = n / 2;
	sort_ents(v, tmp, h);
	sort_ents(v + h, tmp, n - h);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		tmp[k++] = keycmp(&v[j].key, &v[i].key) < 0 ? v[j++] : v[i++];
	while (i < h)
		tmp[k++] = v[i++];
	memcpy(v, tmp, k * sizeof *v); /* the tail from j on is in place */
}

static osmo_value build_map(fast *f, size_t base)
{
	size_t n = f->n - base;
	fent *e = f->st + base;
	osmo_value m = osmo_map_new(f->a, 0);
	bool sorted = true;
	for (size_t i = 1; i < n && sorted; i++)
		sorted = keycmp(&e[i - 1].key, &e[i].key) < 0;
	if (!sorted) {
		if (f->tmpcap < n) {
			f->tmpcap = n;
			f->tmp = osmo_realloc(f->tmp, n * sizeof *f->tmp);
		}
		sort_ents(e, f->tmp, n);
		size_t w = 0; /* duplicates: the last one wins */
		for (size_t i = 0; i < n; i++) {
			if (w && keycmp(&e[w - 1].key, &e[i].key) == 0)
				e[w - 1] = e[i];
			else
				e[w++] = e[i];
		}
		n = w;
	}
	if (n) {
		osmo_map *mp = m.u.map;
		mp->ents = osmo_arena_alloc(f->a, n * sizeof(osmo_map_entry));
		for (size_t i = 0; i < n; i++) {
			mp->ents[i].key = e[i].key;
			mp->ents[i].val = e[i].val;
		}
		mp->len = mp->cap = n;
	}
	f->n = base;
	return m;
}

static osmo_value build_list(fast *f, size_t base)
{
	size_t n = f->n - base;
	osmo_value l = osmo_list_new(f->a, n);
	for (size_t i = 0; i < n; i++)
		l.u.list->items[i] = f->st[base + i].val;
	l.u.list->len = n;
	f->n = base;
	return l;
}

static int on_event(fast *f, const yaml_event_t *ev)
{
	frame *t = top(f);
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.anchor || ev->data.scalar.tag)
			return GIVE_UP;
		if (t && t->map && !t->want_val)
			return scalar_key(f, t, ev);
		if (dropping(f)) {
			if (f->json && ev->data.scalar.plain_implicit &&
			    non_finite((const char *)ev->data.scalar.value, ev->data.scalar.length))
				return GIVE_UP;
			deliver(f, osmo_null());
			return 0;
		} else {
			osmo_value v;
			if (scalar_value(f, ev, &v))
				return GIVE_UP;
			deliver(f, v);
			return 0;
		}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		bool map = ev->type == YAML_MAPPING_START_EVENT;
		if (map ? ev->data.mapping_start.anchor || ev->data.mapping_start.tag
			: ev->data.sequence_start.anchor || ev->data.sequence_start.tag)
			return GIVE_UP;
		if (t && t->map && !t->want_val)
			return GIVE_UP; /* complex key */
		if (f->depth >= MAX_DEPTH)
			return GIVE_UP;
		bool skip = dropping(f);
		if (!t && f->keys && !map)
			return GIVE_UP; /* head mode wants a mapping */
		if (f->depth == f->fcap) {
			f->fcap = f->fcap ? f->fcap * 2 : 32;
			f->fr = osmo_realloc(f->fr, f->fcap * sizeof *f->fr);
		}
		f->fr[f->depth++] = (frame){ map, skip, false, false, f->n };
		return 0;
	}
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT: {
		frame fr = *t;
		osmo_value v = osmo_null();
		if (!fr.skip)
			v = fr.map ? build_map(f, fr.base) : build_list(f, fr.base);
		f->depth--;
		deliver(f, v);
		return 0;
	}
	default:
		return GIVE_UP;
	}
}

/* One document's node; 0 with f->root set, GIVE_UP otherwise. */
static int read_doc(fast *f, yaml_parser_t *p)
{
	yaml_event_t ev;
	f->have_root = false;
	f->depth = 0;
	f->n = 0;
	for (;;) {
		if (!yaml_parser_parse(p, &ev))
			return GIVE_UP;
		if (ev.type == YAML_DOCUMENT_END_EVENT) {
			yaml_event_delete(&ev);
			return f->have_root ? 0 : GIVE_UP;
		}
		int rc = on_event(f, &ev);
		yaml_event_delete(&ev);
		if (rc)
			return rc;
	}
}

int osmo_yaml_fast_load(osmo_value *out, osmo_arena *a, const char *text, size_t len, bool all,
			unsigned flags, const char *const *keys)
{
	fast f = { 0 };
	yaml_parser_t p;
	yaml_event_t ev;
	int rc = 0;

	f.a = a;
	f.json = !(flags & OSMO_YAML_GOTYPES);
	f.keys = keys;
	*out = all ? osmo_list_new(a, 0) : osmo_null();
	yaml_parser_initialize(&p);
	if (len == 0) {
		text = "\n"; /* as go-yaml's newParser */
		len = 1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	if (!yaml_parser_parse(&p, &ev)) {
		rc = GIVE_UP;
		goto done;
	}
	yaml_event_delete(&ev); /* STREAM-START */
	for (;;) {
		if (!yaml_parser_parse(&p, &ev)) {
			rc = GIVE_UP;
			break;
		}
		yaml_event_type_t type = ev.type;
		yaml_event_delete(&ev);
		if (type == YAML_STREAM_END_EVENT)
			break;
		if (type != YAML_DOCUMENT_START_EVENT) {
			rc = GIVE_UP;
			break;
		}
		rc = read_doc(&f, &p);
		if (rc)
			break;
		if (!all) {
			*out = f.root;
			break;
		}
		osmo_list_push(a, out->u.list, f.root);
	}
done:
	yaml_parser_delete(&p);
	osmo_free(f.st);
	osmo_free(f.fr);
	osmo_free(f.tmp);
	osmo_free(f.intern);
	osmo_buf_dispose(&f.kb);
	return rc;
}
