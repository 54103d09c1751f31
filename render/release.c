/* release.c - Helm's engine.Render + renderResources for a chart tree, as
 * `helm template` runs them (client-only, Revision 1, IsInstall). */
#include "osmo/funcs.h"
#include "osmo/tpl.h"
#include "osmo/values.h"
#include "release_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct tpl_entry {
	const char *name;  /* full path: root/charts/sub/templates/x.yaml */
	const osmo_chart_file *file;
	osmo_value top;    /* the chart's top-level object (shared by its templates) */
	const char *base_path;
	bool render;       /* false for partials and library-chart templates */
} tpl_entry;

typedef struct tpl_list {
	tpl_entry *v;
	size_t len, cap;
} tpl_list;

static size_t count_slashes(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '/';
	return n;
}

/* sortTemplates: deeper paths first, ties in reverse lexical order.  This is
 * both the parse order (a later define wins) and the execution order. */
static int cmp_templates(const void *x, const void *y)
{
	const char *a = ((const tpl_entry *)x)->name, *b = ((const tpl_entry *)y)->name;
	size_t ca = count_slashes(a), cb = count_slashes(b);
	if (ca != cb)
		return ca > cb ? -1 : 1;
	return -strcmp(a, b);
}

/* strings.ReplaceAll(out, "<no value>", "") in place. */
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

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

static bool is_library(const rnode *n)
{
	osmo_value *t = osmo_map_getc(n->metadata.u.map, "type");
	return t && osmo_is_string(*t) && !strcmp(t->u.s.ptr, "library");
}

/* recAllTpls: each chart gets its own top-level object; .Values of a
 * subchart is its parent's Values.<name> table. */
static osmo_value collect(osmo_arena *a, const rnode *n, osmo_value parent_top, tpl_list *out)
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
			continue; /* isTemplateValid: library charts only keep partials */
		if (out->len == out->cap) {
			size_t cap = out->cap ? out->cap * 2 : 32;
			out->v = osmo_arena_realloc(a, out->v, out->cap * sizeof(tpl_entry),
						    cap * sizeof(tpl_entry));
			out->cap = cap;
		}
		tpl_entry *e = &out->v[out->len++];
		e->name = osmo_arena_sprintf(a, "%s/%s", n->path, f->name);
		e->file = f;
		e->top = top;
		e->base_path = base;
		e->render = bn[0] != '_';
	}
	return top;
}

/* CRDObjects: crds/ files ending .yaml, .yml or .json, parents first. */
static void collect_crds(osmo_buf *out, osmo_manifest_set *ms, const rnode *n)
{
	for (size_t i = 0; i < n->chart->files.len; i++) {
		const osmo_chart_file *f = &n->chart->files.v[i];
		if (strncmp(f->name, "crds/", 5) ||
		    !(ends_with(f->name, ".yaml") || ends_with(f->name, ".yml") || ends_with(f->name, ".json")))
			continue;
		osmo_buf_printf(out, "---\n# Source: %s/%s\n", n->path, f->name);
		osmo_buf_put(out, f->data, f->len);
		osmo_buf_putc(out, '\n');
		char src[4096];
		snprintf(src, sizeof src, "%s/%s", n->path, f->name);
		osmo_manifest_set_add_crd(ms, src, f->data, f->len);
	}
	for (size_t i = 0; i < n->nkids; i++)
		collect_crds(out, ms, n->kids[i]);
}

static void flatten(osmo_arena *a, const rnode *n, osmo_value values, osmo_release_chart **v,
		    size_t *len, size_t *cap)
{
	if (*len == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;
		*v = osmo_arena_realloc(a, *v, *cap * sizeof(**v), nc * sizeof(**v));
		*cap = nc;
	}
	(*v)[(*len)++] = (osmo_release_chart){ n->chart, n->name, values };
	for (size_t i = 0; i < n->nkids; i++) {
		osmo_value *sv = values.type == OSMO_V_MAP ? osmo_map_getc(values.u.map, n->kids[i]->name)
							   : NULL;
		flatten(a, n->kids[i], sv ? *sv : osmo_null(), v, len, cap);
	}
}

int release_validate_values(osmo_arena *a, const rnode *root, osmo_value values,
			    const osmo_release_options *opts, osmo_error *err)
{
	if (!opts->validate_values)
		return 0;
	osmo_release_chart *v = NULL;
	size_t len = 0, cap = 0;
	flatten(a, root, values, &v, &len, &cap);
	return opts->validate_values(opts->validate_payload, v, len, err);
}

int release_render_files(osmo_arena *a, const rnode *root, osmo_value values,
			 const osmo_release_options *opts, bool lint, release_file_cb cb,
			 void *payload, osmo_error *err)
{
	osmo_tpl_set *set = osmo_tpl_set_new();
	osmo_tpl_set_set_lint_mode(set, lint);
	osmo_buf buf = OSMO_BUF_INIT;
	tpl_list tl = { 0 };
	osmo_value top = osmo_map_new(a, 8);
	top.sub = OSMO_GO_VALUES;
	osmo_value rel = osmo_map_new(a, 6);
	const char *rname = opts->name ? opts->name : "release-name";
	osmo_map_setc(a, rel.u.map, "Name", osmo_cstring(a, rname));
	osmo_map_setc(a, rel.u.map, "Namespace", osmo_cstring(a, opts->ns ? opts->ns : "default"));
	osmo_map_setc(a, rel.u.map, "IsUpgrade", osmo_bool(opts->is_upgrade));
	osmo_map_setc(a, rel.u.map, "IsInstall", osmo_bool(!opts->is_upgrade));
	osmo_map_setc(a, rel.u.map, "Revision", osmo_int(1));
	osmo_map_setc(a, rel.u.map, "Service", osmo_str_ref("Helm", 4));
	osmo_value caps;
	int rc = osmo_release_capabilities(&caps, a, opts, err);
	if (rc)
		goto done;
	osmo_value *kv = osmo_map_getc(root->metadata.u.map, "kubeVersion");
	if (!lint && kv && osmo_is_string(*kv) && kv->u.s.len) {
		osmo_fnctx fctx = { a, err, "", NULL };
		osmo_value kobj, ver;
		const osmo_object *co = caps.u.obj;
		co->cls->field(&kobj, &fctx, co, "KubeVersion");
		kobj.u.obj->cls->field(&ver, &fctx, kobj.u.obj, "Version");
		if (!release_semver_compatible(a, kv->u.s.ptr, ver)) {
			osmo_error_set(err, OSMO_ERROR,
				       "chart requires kubeVersion: %s which is incompatible with Kubernetes %s",
				       kv->u.s.ptr, ver.u.s.ptr);
			rc = OSMO_ERROR;
			goto done;
		}
	}
	osmo_map_setc(a, top.u.map, "Values", values);
	osmo_map_setc(a, top.u.map, "Release", rel);
	osmo_map_setc(a, top.u.map, "Capabilities", caps);
	collect(a, root, top, &tl);

	/* Parse every template (partials included) in Helm's order. */
	if (tl.len)
		qsort(tl.v, tl.len, sizeof(tpl_entry), cmp_templates);
	for (size_t i = 0; i < tl.len && !rc; i++)
		rc = osmo_tpl_set_parse(set, tl.v[i].name, tl.v[i].file->data, tl.v[i].file->len, err);

	/* Execute the non-partial templates; strip "<no value>" per file. */
	for (size_t i = 0; i < tl.len && !rc; i++) {
		const tpl_entry *e = &tl.v[i];
		if (!e->render)
			continue;
		osmo_value tmpl = osmo_map_new(a, 2);
		tmpl.sub = OSMO_GO_VALUES;
		osmo_map_setc(a, tmpl.u.map, "Name", osmo_cstring(a, e->name));
		osmo_map_setc(a, tmpl.u.map, "BasePath", osmo_cstring(a, e->base_path));
		osmo_map_setc(a, e->top.u.map, "Template", tmpl);
		osmo_buf_clear(&buf);
		rc = osmo_tpl_set_execute(set, a, e->name, e->top, &buf, err);
		if (!rc) {
			strip_no_value(&buf);
			rc = cb(payload, e->name, &buf, err);
		}
	}
done:
	osmo_buf_dispose(&buf);
	osmo_tpl_set_free(set);
	return rc;
}

static int add_manifest(void *payload, const char *name, osmo_buf *rendered, osmo_error *err)
{
	if (ends_with(name, "NOTES.txt"))
		return 0; /* rendered (a fail there aborts) but never printed */
	return osmo_manifest_set_add_file_buf(payload, name, rendered, err);
}

int osmo_release_render(osmo_manifest_set **out, const osmo_chart *chart, osmo_value user_values,
			const osmo_release_options *opts, osmo_error *err)
{
	osmo_release_options defaults = OSMO_RELEASE_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	osmo_arena *a = osmo_arena_new();
	osmo_manifest_set *ms = osmo_manifest_set_new();
	rnode *root = NULL;
	bool released = false;
	int rc = release_deps_resolve(&root, a, chart, user_values, err);
	osmo_value values;
	if (!rc)
		rc = release_coalesce(&values, a, root, user_values, false, err);
	if (rc)
		goto done;
	rc = release_validate_values(a, root, values, opts, err);
	if (rc)
		goto done;
	released = true; /* Helm's createRelease point: later errors are render errors */
	rc = release_render_files(a, root, values, opts, false, add_manifest, ms, err);
	if (!rc) {
		osmo_manifest_set_sort(ms);
		if (opts->include_crds) {
			osmo_buf crds = OSMO_BUF_INIT;
			collect_crds(&crds, ms, root);
			osmo_manifest_set_set_prefix(ms, osmo_buf_cstr(&crds), crds.len);
			osmo_buf_dispose(&crds);
		}
	}
done:
	if (rc && released)
		err->code = rc = OSMO_ERENDER;
	osmo_arena_free(a);
	if (rc) {
		osmo_manifest_set_free(ms);
		return rc;
	}
	*out = ms;
	return 0;
}

void osmo_release_print(osmo_buf *out, const osmo_manifest_set *set, unsigned flags)
{
	/* fmt.Fprintln(TrimSpace(rel.Manifest)), then each hook verbatim.  The
	 * manifest is written straight into out (sized once), then trimmed. */
	size_t plen;
	const char *prefix = osmo_manifest_set_prefix(set, &plen);
	size_t total = plen + 1;
	for (size_t i = 0; i < osmo_manifest_set_count(set); i++) {
		const osmo_manifest_doc *d = osmo_manifest_set_doc(set, i);
		total += strlen(d->source) + d->len + 16;
	}
	for (size_t i = 0; i < osmo_manifest_set_hook_count(set); i++) {
		const osmo_manifest_doc *d = osmo_manifest_set_hook(set, i);
		total += strlen(d->source) + d->len + 16;
	}
	osmo_buf_grow(out, total);
	size_t start = out->len;
	osmo_buf_put(out, prefix, plen);
	for (size_t i = 0; i < osmo_manifest_set_count(set); i++) {
		const osmo_manifest_doc *d = osmo_manifest_set_doc(set, i);
		osmo_buf_puts(out, "---\n# Source: ");
		osmo_buf_puts(out, d->source);
		osmo_buf_putc(out, '\n');
		osmo_buf_put(out, d->content, d->len);
		osmo_buf_putc(out, '\n');
	}
	size_t lead = 0, n = out->len - start;
	char *p = out->ptr ? out->ptr + start : NULL;
	while (lead < n && strchr(" \t\n\r\v\f", p[lead]))
		lead++;
	while (n > lead && strchr(" \t\n\r\v\f", p[n - 1]))
		n--;
	if (lead)
		memmove(p, p + lead, n - lead);
	osmo_buf_truncate(out, start + n - lead);
	osmo_buf_putc(out, '\n');
	if (flags & OSMO_RELEASE_PRINT_NO_HOOKS)
		return;
	for (size_t i = 0; i < osmo_manifest_set_hook_count(set); i++) {
		const osmo_manifest_doc *d = osmo_manifest_set_hook(set, i);
		if ((flags & OSMO_RELEASE_PRINT_SKIP_TESTS) && d->is_test_hook)
			continue;
		osmo_buf_printf(out, "---\n# Source: %s\n", d->source);
		osmo_buf_put(out, d->content, d->len);
		osmo_buf_putc(out, '\n');
	}
}
