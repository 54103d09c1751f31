/* release_files.c - `.Files` (Helm's engine.files): Get, GetBytes, Glob,
 * Lines, AsConfig, AsSecrets over the chart's non-template files. */
#include "osmo/release.h"
#include "osmo/funcs.h"
#include "osmo/yaml.h"

#include <openssl/evp.h>
#include <string.h>

typedef struct files_obj {
	size_t n;
	const osmo_chart_file **v; /* sorted by name */
} files_obj;

static const osmo_object_class files_class;

static const osmo_chart_file *files_find(const files_obj *f, const char *name, size_t len)
{
	for (size_t i = 0; i < f->n; i++)
		if (strlen(f->v[i]->name) == len && !memcmp(f->v[i]->name, name, len))
			return f->v[i];
	return NULL;
}

/* gobwas/glob with '/' as separator: '*' stays within a segment, '**' crosses
 * segments, '?' one non-separator char, [..] classes ([!..] negates), {a,b}
 * alternatives. */
static bool glob_match(const char *p, const char *pe, const char *s, const char *se)
{
	while (p < pe) {
		char c = *p;
		if (c == '*') {
			bool super = p + 1 < pe && p[1] == '*';
			p += super ? 2 : 1;
			for (const char *t = s;; t++) {
				if (glob_match(p, pe, t, se))
					return true;
				if (t == se || (!super && *t == '/'))
					return false;
			}
		}
		if (c == '{') {
			const char *close = p + 1;
			int depth = 1;
			while (close < pe && depth) {
				if (*close == '{')
					depth++;
				else if (*close == '}')
					depth--;
				if (depth)
					close++;
			}
			if (close >= pe)
				return false;
			const char *alt = p + 1;
			while (alt <= close) {
				const char *e = alt;
				int d = 0;
				while (e < close && (d || *e != ',')) {
					if (*e == '{')
						d++;
					else if (*e == '}')
						d--;
					e++;
				}
				/* try alternative [alt,e) followed by the rest */
				size_t al = (size_t)(e - alt), rl = (size_t)(pe - close - 1);
				char *tmp = osmo_malloc(al + rl + 1);
				memcpy(tmp, alt, al);
				memcpy(tmp + al, close + 1, rl);
				bool ok = glob_match(tmp, tmp + al + rl, s, se);
				osmo_free(tmp);
				if (ok)
					return true;
				alt = e + 1;
			}
			return false;
		}
		if (s == se)
			return false;
		if (c == '?') {
			if (*s == '/')
				return false;
		} else if (c == '[') {
			const char *q = p + 1;
			bool neg = q < pe && *q == '!';
			if (neg)
				q++;
			bool hit = false;
			while (q < pe && *q != ']') {
				if (q + 2 < pe && q[1] == '-' && q[2] != ']') {
					if (*s >= q[0] && *s <= q[2])
						hit = true;
					q += 3;
				} else {
					if (*s == *q)
						hit = true;
					q++;
				}
			}
			if (q >= pe || hit == neg || *s == '/')
				return false;
			p = q;
		} else {
			if (c == '\\' && p + 1 < pe)
				c = *++p;
			if (c != *s)
				return false;
		}
		p++;
		s++;
	}
	return s == se;
}

static osmo_value files_subset(osmo_arena *a, const files_obj *f, const char *pat, size_t plen)
{
	files_obj *g = osmo_arena_alloc(a, sizeof(*g));
	g->v = osmo_arena_alloc(a, (f->n ? f->n : 1) * sizeof(*g->v));
	for (size_t i = 0; i < f->n; i++) {
		const char *nm = f->v[i]->name;
		if (glob_match(pat, pat + plen, nm, nm + strlen(nm)))
			g->v[g->n++] = f->v[i];
	}
	return osmo_object_new(a, &files_class, g);
}

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* AsConfig/AsSecrets: toYaml of {basename: content}; "" for an empty set. */
static osmo_value files_as_map(osmo_arena *a, const files_obj *f, bool secrets)
{
	if (!f->n)
		return osmo_str_ref("", 0);
	osmo_value m = osmo_map_new(a, f->n);
	for (size_t i = 0; i < f->n; i++) {
		const osmo_chart_file *cf = f->v[i];
		osmo_value v;
		if (secrets) {
			size_t cap = 4 * ((cf->len + 2) / 3) + 1;
			unsigned char *o = osmo_arena_alloc(a, cap);
			int n = EVP_EncodeBlock(o, (const unsigned char *)cf->data, (int)cf->len);
			v = osmo_str_ref((const char *)o, (size_t)n);
		} else {
			v = osmo_str_ref(cf->data, cf->len);
		}
		osmo_map_setc(a, m.u.map, base_name(cf->name), v);
	}
	osmo_buf b = OSMO_BUF_INIT;
	osmo_error yerr = { 0 };
	if (osmo_yaml_write(&b, m, &yerr))
		osmo_buf_clear(&b); /* toYaml yields "" on a marshalling error */
	osmo_error_dispose(&yerr);
	if (b.len && b.ptr[b.len - 1] == '\n') /* toYaml trims the trailing newline */
		b.len--;
	osmo_value out = osmo_string(a, osmo_buf_cstr(&b), b.len);
	osmo_buf_dispose(&b);
	return out;
}

static int files_method(osmo_value *out, osmo_fnctx *ctx, const osmo_object *obj,
			const char *name, int argc, const osmo_value *argv)
{
	const files_obj *f = obj->data;
	int want = !strcmp(name, "AsConfig") || !strcmp(name, "AsSecrets") ? 0 : 1;
	if (strcmp(name, "Get") && strcmp(name, "GetBytes") && strcmp(name, "Glob") &&
	    strcmp(name, "Lines") && want)
		return OSMO_ENOTFOUND;
	if (argc != want)
		return osmo_fn_errorf(ctx, "wrong number of args for %s: want %d got %d", name, want,
				      argc);
	if (want && !osmo_is_string(argv[0]))
		return osmo_fn_errorf(ctx, "wrong type for value; expected string; got %s",
				      osmo_value_gotype(argv[0]));
	if (!strcmp(name, "AsConfig") || !strcmp(name, "AsSecrets")) {
		*out = files_as_map(ctx->arena, f, name[2] == 'S');
		return 0;
	}
	if (!strcmp(name, "Glob")) {
		*out = files_subset(ctx->arena, f, argv[0].u.s.ptr, argv[0].u.s.len);
		return 0;
	}
	const osmo_chart_file *cf = files_find(f, argv[0].u.s.ptr, argv[0].u.s.len);
	if (!strcmp(name, "Get")) {
		*out = cf ? osmo_str_ref(cf->data, cf->len) : osmo_str_ref("", 0);
	} else if (!strcmp(name, "GetBytes")) {
		*out = cf ? osmo_str_ref(cf->data, cf->len) : osmo_str_ref("", 0);
		out->sub = OSMO_GO_BYTES;
	} else { /* Lines: drop one trailing "\n", split on "\n" */
		*out = osmo_list_new(ctx->arena, 0);
		out->sub = OSMO_GO_STRLIST;
		if (cf && cf->len) {
			size_t len = cf->len;
			if (cf->data[len - 1] == '\n')
				len--;
			const char *p = cf->data, *e = cf->data + len;
			for (;;) {
				const char *nl = memchr(p, '\n', (size_t)(e - p));
				const char *stop = nl ? nl : e;
				osmo_list_push(ctx->arena, out->u.list,
					       osmo_str_ref(p, (size_t)(stop - p)));
				if (!nl)
					break;
				p = nl + 1;
			}
		}
	}
	return 0;
}

static int files_field(osmo_value *out, osmo_fnctx *ctx, const osmo_object *obj,
		       const char *name)
{
	if (!strcmp(name, "AsConfig") || !strcmp(name, "AsSecrets"))
		return files_method(out, ctx, obj, name, 0, NULL);
	/* engine.files is a map[string][]byte: any other name is a map key
	 * lookup, and a missing key is a nil []byte (prints "[]") */
	const files_obj *f = obj->data;
	const osmo_chart_file *cf = files_find(f, name, strlen(name));
	*out = cf ? osmo_str_ref(cf->data, cf->len) : osmo_str_ref("", 0);
	out->sub = OSMO_GO_BYTES;
	return 0;
}

static void files_print(osmo_buf *b, const osmo_object *obj)
{
	/* fmt %v of map[string][]byte: map[name:[bytes...]] */
	const files_obj *f = obj->data;
	osmo_buf_puts(b, "map[");
	for (size_t i = 0; i < f->n; i++) {
		if (i)
			osmo_buf_putc(b, ' ');
		osmo_buf_puts(b, f->v[i]->name);
		osmo_buf_puts(b, ":[");
		for (size_t j = 0; j < f->v[i]->len; j++)
			osmo_buf_printf(b, j ? " %u" : "%u", (unsigned char)f->v[i]->data[j]);
		osmo_buf_putc(b, ']');
	}
	osmo_buf_putc(b, ']');
}

static int files_marshal(osmo_value *out, osmo_arena *a, const osmo_object *obj)
{
	const files_obj *f = obj->data;
	*out = osmo_map_new(a, f->n);
	for (size_t i = 0; i < f->n; i++) {
		osmo_value v = osmo_str_ref(f->v[i]->data, f->v[i]->len);
		v.sub = OSMO_GO_BYTES;
		osmo_map_setc(a, out->u.map, f->v[i]->name, v);
	}
	return 0;
}

static const osmo_object_class files_class = { "engine.files", "map", files_field, files_method,
					       files_print, files_marshal, NULL };

osmo_value osmo_release_files_object(osmo_arena *a, const osmo_chart *chart)
{
	files_obj *f = osmo_arena_alloc(a, sizeof(*f));
	size_t n = osmo_chart_file_count(chart);
	f->v = osmo_arena_alloc(a, (n ? n : 1) * sizeof(*f->v));
	for (size_t i = 0; i < n; i++)
		f->v[f->n++] = osmo_chart_file_at(chart, i);
	return osmo_object_new(a, &files_class, f);
}
