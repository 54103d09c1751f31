/* value.c - constructors, sorted maps, lists, deep copy/equality and the Go
 * type names of osmo_value. */
#include "osmo/value.h"

#include <string.h>

osmo_value osmo_string(osmo_arena *a, const char *s, size_t n)
{
	return osmo_str_ref(osmo_arena_strndup(a, s ? s : "", s ? n : 0), s ? n : 0);
}

osmo_value osmo_cstring(osmo_arena *a, const char *s)
{
	return osmo_string(a, s, s ? strlen(s) : 0);
}

osmo_value osmo_bytes(osmo_arena *a, const char *s, size_t n)
{
	osmo_value v = osmo_string(a, s, n);
	v.sub = OSMO_GO_BYTES;
	return v;
}

osmo_value osmo_string_buf(osmo_arena *a, osmo_buf *b)
{
	return osmo_string(a, osmo_buf_cstr(b), b->len);
}

osmo_value osmo_list_new(osmo_arena *a, size_t cap)
{
	osmo_value v = { 0 };
	v.type = OSMO_V_LIST;
	v.u.list = osmo_arena_alloc(a, sizeof(osmo_list));
	if (cap) {
		v.u.list->items = osmo_arena_alloc(a, cap * sizeof(osmo_value));
		v.u.list->cap = cap;
	}
	return v;
}

osmo_value osmo_map_new(osmo_arena *a, size_t cap)
{
	osmo_value v = { 0 };
	v.type = OSMO_V_MAP;
	v.u.map = osmo_arena_alloc(a, sizeof(osmo_map));
	if (cap) {
		v.u.map->ents = osmo_arena_alloc(a, cap * sizeof(osmo_map_entry));
		v.u.map->cap = cap;
	}
	return v;
}

osmo_value osmo_object_new(osmo_arena *a, const osmo_object_class *cls, void *data)
{
	osmo_value v = { 0 };
	v.type = OSMO_V_OBJECT;
	v.u.obj = osmo_arena_alloc(a, sizeof(osmo_object));
	v.u.obj->cls = cls;
	v.u.obj->data = data;
	return v;
}

void osmo_list_push(osmo_arena *a, osmo_list *l, osmo_value v)
{
	if (l->len == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4;
		l->items = osmo_arena_realloc(a, l->items, l->cap * sizeof(osmo_value),
					      cap * sizeof(osmo_value));
		l->cap = cap;
	}
	l->items[l->len++] = v;
	l->is_nil = false;
}

/* Byte-wise key order, as Go sorts string keys. */
static int keycmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);
	if (c)
		return c;
	return an < bn ? -1 : an > bn;
}

/* Index of key, or -(insertion point)-1. */
static ptrdiff_t map_find(const osmo_map *m, const char *key, size_t klen)
{
	size_t lo = 0, hi = m->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = keycmp(m->ents[mid].key.ptr, m->ents[mid].key.len, key, klen);
		if (c == 0)
			return (ptrdiff_t)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -(ptrdiff_t)lo - 1;
}

osmo_value *osmo_map_get(const osmo_map *m, const char *key, size_t klen)
{
	if (!m)
		return NULL;
	ptrdiff_t i = map_find(m, key, klen);
	return i >= 0 ? &m->ents[i].val : NULL;
}

osmo_value *osmo_map_getc(const osmo_map *m, const char *key)
{
	return osmo_map_get(m, key, strlen(key));
}

void osmo_map_set(osmo_arena *a, osmo_map *m, const char *key, size_t klen, osmo_value v)
{
	ptrdiff_t i = map_find(m, key, klen);
	if (i >= 0) {
		m->ents[i].val = v;
		return;
	}
	size_t at = (size_t)(-i - 1);
	if (m->len == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 4;
		m->ents = osmo_arena_realloc(a, m->ents, m->cap * sizeof(osmo_map_entry),
					     cap * sizeof(osmo_map_entry));
		m->cap = cap;
	}
	memmove(&m->ents[at + 1], &m->ents[at], (m->len - at) * sizeof(osmo_map_entry));
	m->ents[at].key.ptr = osmo_arena_strndup(a, key, klen);
	m->ents[at].key.len = klen;
	m->ents[at].val = v;
	m->len++;
	m->is_nil = false;
}

void osmo_map_setc(osmo_arena *a, osmo_map *m, const char *key, osmo_value v)
{
	osmo_map_set(a, m, key, strlen(key), v);
}

bool osmo_map_del(osmo_map *m, const char *key, size_t klen)
{
	ptrdiff_t i = map_find(m, key, klen);
	if (i < 0)
		return false;
	memmove(&m->ents[i], &m->ents[i + 1], (m->len - (size_t)i - 1) * sizeof(osmo_map_entry));
	m->len--;
	return true;
}

osmo_value osmo_value_deep_copy(osmo_arena *a, osmo_value v)
{
	if (v.type == OSMO_V_LIST) {
		osmo_value c = osmo_list_new(a, v.u.list->len);
		c.sub = v.sub;
		for (size_t i = 0; i < v.u.list->len; i++)
			c.u.list->items[i] = osmo_value_deep_copy(a, v.u.list->items[i]);
		c.u.list->len = v.u.list->len;
		return c;
	}
	if (v.type == OSMO_V_MAP) {
		osmo_value c = osmo_map_new(a, v.u.map->len);
		c.sub = v.sub;
		for (size_t i = 0; i < v.u.map->len; i++) {
			c.u.map->ents[i].key = v.u.map->ents[i].key; /* keys are immutable */
			c.u.map->ents[i].val = osmo_value_deep_copy(a, v.u.map->ents[i].val);
		}
		c.u.map->len = v.u.map->len;
		return c;
	}
	return v;
}

bool osmo_value_deep_equal(osmo_value a, osmo_value b)
{
	if (a.type != b.type || a.sub != b.sub)
		return false;
	switch (a.type) {
	case OSMO_V_NULL:
		return true;
	case OSMO_V_BOOL:
		return a.u.b == b.u.b;
	case OSMO_V_INT:
		return a.u.i == b.u.i;
	case OSMO_V_FLOAT:
		return a.u.f == b.u.f;
	case OSMO_V_STRING:
		return a.u.s.len == b.u.s.len && memcmp(a.u.s.ptr, b.u.s.ptr, a.u.s.len) == 0;
	case OSMO_V_LIST:
		if (a.u.list->len != b.u.list->len)
			return false;
		for (size_t i = 0; i < a.u.list->len; i++)
			if (!osmo_value_deep_equal(a.u.list->items[i], b.u.list->items[i]))
				return false;
		return true;
	case OSMO_V_MAP:
		if (a.u.map->len != b.u.map->len)
			return false;
		for (size_t i = 0; i < a.u.map->len; i++) {
			const osmo_map_entry *x = &a.u.map->ents[i], *y = &b.u.map->ents[i];
			if (keycmp(x->key.ptr, x->key.len, y->key.ptr, y->key.len) ||
			    !osmo_value_deep_equal(x->val, y->val))
				return false;
		}
		return true;
	case OSMO_V_OBJECT:
		return a.u.obj == b.u.obj || (a.u.obj->cls == b.u.obj->cls && a.u.obj->data == b.u.obj->data);
	}
	return false;
}

const char *osmo_value_gotype(osmo_value v)
{
	switch (v.type) {
	case OSMO_V_NULL:
		return "<nil>";
	case OSMO_V_BOOL:
		return "bool";
	case OSMO_V_INT:
		switch (v.sub) {
		case OSMO_GO_INT64:
			return "int64";
		case OSMO_GO_INT32:
			return "int32";
		case OSMO_GO_UINT8:
			return "uint8";
		case OSMO_GO_UINT:
			return "uint";
		case OSMO_GO_UINT32:
			return "uint32";
		case OSMO_GO_UINT64:
			return "uint64";
		case OSMO_GO_DURATION:
			return "time.Duration";
		default:
			return "int";
		}
	case OSMO_V_FLOAT:
		return "float64";
	case OSMO_V_STRING:
		return v.sub == OSMO_GO_BYTES ? "[]uint8" : "string";
	case OSMO_V_LIST:
		switch (v.sub) {
		case OSMO_GO_STRLIST:
			return "[]string";
		case OSMO_GO_INTLIST:
			return "[]int";
		case OSMO_GO_INT64LIST:
			return "[]int64";
		case OSMO_GO_FLOATLIST:
			return "[]float64";
		default:
			return "[]interface {}";
		}
	case OSMO_V_MAP:
		switch (v.sub) {
		case OSMO_GO_VALUES:
			return "chartutil.Values";
		case OSMO_GO_STRMAP:
			return "map[string]string";
		default:
			return "map[string]interface {}";
		}
	case OSMO_V_OBJECT:
		return v.u.obj->cls->go_type;
	}
	return "<nil>";
}

const char *osmo_value_gokind(osmo_value v)
{
	switch (v.type) {
	case OSMO_V_NULL:
		return "invalid";
	case OSMO_V_INT:
		if (v.sub == OSMO_GO_DURATION)
			return "int64";
		return osmo_value_gotype(v);
	case OSMO_V_STRING:
		return v.sub == OSMO_GO_BYTES ? "slice" : "string";
	case OSMO_V_LIST:
		return "slice";
	case OSMO_V_MAP:
		return "map";
	case OSMO_V_OBJECT:
		return v.u.obj->cls->go_kind ? v.u.obj->cls->go_kind : "ptr";
	default:
		return osmo_value_gotype(v);
	}
}

bool osmo_value_truth(osmo_value v)
{
	switch (v.type) {
	case OSMO_V_NULL:
		return false;
	case OSMO_V_BOOL:
		return v.u.b;
	case OSMO_V_INT:
		return v.u.i != 0;
	case OSMO_V_FLOAT:
		return v.u.f != 0;
	case OSMO_V_STRING:
		return v.u.s.len != 0;
	case OSMO_V_LIST:
		return v.u.list->len != 0;
	case OSMO_V_MAP:
		return v.u.map->len != 0;
	case OSMO_V_OBJECT:
		return true;
	}
	return false;
}

osmo_value osmo_value_struct_to_map(osmo_arena *a, osmo_value v)
{
	if (v.type != OSMO_V_LIST || v.sub != OSMO_GO_STRUCTVIEW)
		return v;
	osmo_value m = osmo_map_new(a, v.u.list->len / 2);
	for (size_t i = 0; i + 1 < v.u.list->len; i += 2) {
		osmo_value k = v.u.list->items[i];
		osmo_map_set(a, m.u.map, k.u.s.ptr, k.u.s.len, v.u.list->items[i + 1]);
	}
	return m;
}
