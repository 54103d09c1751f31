/* chart_lint_render.c - engine.Render as pkg/lint/rules/template.go runs it:
 * every rendered file is kept (no manifest splitting or sorting, which
 * would fail on the very YAML errors lint wants to report itself).
 *
 * Known difference: Helm's engine runs with LintMode, where `required` and
 * `fail` log "[INFO] ..." and yield "" instead of failing; osmo_tpl has no
 * such switch yet, so those calls fail the render here. */
#include "chart_lint_int.h"

#include "osmo/release.h"
#include "osmo/tpl.h"
#include "release_int.h"

#include <stdlib.h>
#include <string.h>

typedef struct lint_tpl {
	const char *name;
	const osmo_chart_file *file;
	osmo_value top;
	const char *base_path;
	bool render;
} lint_tpl;

typedef struct lint_tpls {
	lint_tpl *v;
	size_t len, cap;
} lint_tpls;

static size_t slashes(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '/';
	return n;
}

/* sortTemplates: deeper paths first, then reverse lexical order. */
static int cmp_tpl(const void *x, const void *y)
{
	const char *a = ((const lint_tpl *)x)->name, *b = ((const lint_tpl *)y)->name;
	size_t ca = slashes(a), cb = slashes(b);
	if (ca != cb)
		return ca > cb ? -1 : 1;
	return -strcmp(a, b);
}

static bool is_library(const rnode *n)
{
	osmo_value *t = osmo_map_getc(n->metadata.u.map, "type");
	return t && osmo_is_string(*t) && !strcmp(t->u.s.ptr, "library");
}

/* recAllTpls: one top-level object per chart, .Values scoped to it. */
static osmo_value collect(osmo_arena *a, const rnode *n, osmo_value parent_top, lint_tpls *out)
{
	osmo_value top = osmo_map_new(a, 8);
	top.sub = OSMO_GO_VALUES;
	osmo_value *pv = osmo_map_getc(parent_top.u.map, "Values");
	osmo_value vals = osmo_map_new(a, 0);
	if (!n->parent) {
		vals = *pv;
	} else if (pv && pv->type == OSMO_V_MAP) {
		osmo_value *t = osmo_map_getc(pv->u.map, n->name);
		if (t && t->type == OSMO_V_MAP)
			vals = *t;
	}
	vals.sub = OSMO_GO_VALUES;
	osmo_map_setc(a, top.u.map, "Values", vals);
	osmo_map_setc(a, top.u.map, "Release", *osmo_map_getc(parent_top.u.map, "Release"));
	osmo_map_setc(a, top.u.map, "Capabilities", *osmo_map_getc(parent_top.u.map, "Capabilities"));
	osmo_map_setc(a, top.u.map, "Chart", osmo_release_chart_object(a, n->metadata, !n->parent));
	osmo_map_setc(a, top.u.map, "Files", osmo_release_files_object(a, n->chart));
	osmo_value subs = osmo_map_new(a, n->nkids);
	osmo_map_setc(a, top.u.map, "Subcharts", subs);
	for (size_t i = 0; i < n->nkids; i++) {
		osmo_value st = collect(a, n->kids[i], top, out);
		st.sub = OSMO_GO_MAP;
		osmo_map_setc(a, subs.u.map, n->kids[i]->name, st);
	}
	const char *base = osmo_arena_sprintf(a, "%s/templates", n->path);
	bool lib = is_library(n);
	for (size_t i = 0; i < n->chart->templates.len; i++) {
		const osmo_chart_file *f = &n->chart->templates.v[i];
		const char *bn = strrchr(f->name, '/');
		bn = bn ? bn + 1 : f->name;
		if (lib && bn[0] != '_')
			continue;
		if (out->len == out->cap) {
			size_t cap = out->cap ? out->cap * 2 : 32;
			out->v = osmo_arena_realloc(a, out->v, out->cap * sizeof(lint_tpl),
						    cap * sizeof(lint_tpl));
			out->cap = cap;
		}
		lint_tpl *e = &out->v[out->len++];
		e->name = osmo_arena_sprintf(a, "%s/%s", n->path, f->name);
		e->file = f;
		e->top = top;
		e->base_path = base;
		e->render = bn[0] != '_';
	}
	return top;
}

static void strip_no_value(osmo_buf *b)
{
	static const char pat[] = "<no value>";
	const size_t pl = sizeof(pat) - 1;
	if (!b->ptr || !memmem(b->ptr, b->len, pat, pl))
		return;
	size_t w = 0;
	for (size_t r = 0; r < b->len;) {
		if (r + pl <= b->len && !memcmp(b->ptr + r, pat, pl)) {
			r += pl;
			continue;
		}
		b->ptr[w++] = b->ptr[r++];
	}
	b->len = w;
	b->ptr[w] = 0;
}

int chart_lint_render(lint_render_out *out, osmo_arena *a, const osmo_chart *chart,
		      osmo_value user_values, const char *ns, const char *kube_version,
		      osmo_error *err)
{
	memset(out, 0, sizeof(*out));
	rnode *root = NULL;
	osmo_value values;
	osmo_error quiet = { 0 };
	if (release_deps_resolve(&root, a, chart, user_values, &quiet) ||
	    release_coalesce(&values, a, root, user_values, false, &quiet)) {
		osmo_error_dispose(&quiet);
		out->skipped = true; /* template.go returns without a message */
		return 0;
	}
	osmo_release_options opts = OSMO_RELEASE_OPTIONS_INIT;
	opts.kube_version = kube_version;
	osmo_value top = osmo_map_new(a, 8), rel = osmo_map_new(a, 6), caps;
	top.sub = OSMO_GO_VALUES;
	int rc = osmo_release_capabilities(&caps, a, &opts, err);
	if (rc)
		return rc;
	osmo_map_setc(a, rel.u.map, "Name", osmo_cstring(a, "test-release"));
	osmo_map_setc(a, rel.u.map, "Namespace", osmo_cstring(a, ns ? ns : "default"));
	osmo_map_setc(a, rel.u.map, "IsUpgrade", osmo_bool(false));
	osmo_map_setc(a, rel.u.map, "IsInstall", osmo_bool(true));
	osmo_map_setc(a, rel.u.map, "Revision", osmo_int(1));
	osmo_map_setc(a, rel.u.map, "Service", osmo_str_ref("Helm", 4));
	osmo_map_setc(a, top.u.map, "Values", values);
	osmo_map_setc(a, top.u.map, "Release", rel);
	osmo_map_setc(a, top.u.map, "Capabilities", caps);
	lint_tpls tl = { 0 };
	collect(a, root, top, &tl);
	if (tl.len)
		qsort(tl.v, tl.len, sizeof(lint_tpl), cmp_tpl);

	osmo_tpl_set *set = osmo_tpl_set_new();
	osmo_tpl_set_set_lint_mode(set, true);
	osmo_buf buf = OSMO_BUF_INIT;
	for (size_t i = 0; i < tl.len && !rc; i++)
		rc = osmo_tpl_set_parse(set, tl.v[i].name, tl.v[i].file->data, tl.v[i].file->len, err);
	out->v = osmo_arena_alloc(a, (tl.len + 1) * sizeof(lint_rendered));
	for (size_t i = 0; i < tl.len && !rc; i++) {
		const lint_tpl *e = &tl.v[i];
		if (!e->render)
			continue;
		osmo_value tmpl = osmo_map_new(a, 2);
		tmpl.sub = OSMO_GO_VALUES;
		osmo_map_setc(a, tmpl.u.map, "Name", osmo_cstring(a, e->name));
		osmo_map_setc(a, tmpl.u.map, "BasePath", osmo_cstring(a, e->base_path));
		osmo_map_setc(a, e->top.u.map, "Template", tmpl);
		osmo_buf_clear(&buf);
		rc = osmo_tpl_set_execute(set, a, e->name, e->top, &buf, err);
		if (rc)
			break;
		strip_no_value(&buf);
		lint_rendered *r = &out->v[out->len++];
		r->name = e->name;
		r->len = buf.len;
		r->text = osmo_arena_strndup(a, osmo_buf_cstr(&buf), buf.len);
	}
	osmo_buf_dispose(&buf);
	osmo_tpl_set_free(set);
	return rc;
}
