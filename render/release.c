/* release.c - Helm's engine.Render + renderResources for one chart, as
 * `helm template` runs them (client-only, Revision 1, IsInstall). */
#include "osmo/release.h"
#include "osmo/tpl.h"
#include "osmo/values.h"

#include <stdlib.h>
#include <string.h>

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
	const char *a = *(const char *const *)x, *b = *(const char *const *)y;
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

int osmo_release_render(osmo_manifest_set **out, const osmo_chart *chart, osmo_value user_values,
			const osmo_release_options *opts, osmo_error *err)
{
	osmo_release_options defaults = OSMO_RELEASE_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	osmo_arena *a = osmo_arena_new();
	osmo_tpl_set *set = osmo_tpl_set_new();
	osmo_manifest_set *ms = osmo_manifest_set_new();
	osmo_buf buf = OSMO_BUF_INIT;
	const char *cname = osmo_chart_name(chart);
	size_t nt = osmo_chart_template_count(chart);
	char **names = osmo_malloc((nt ? nt : 1) * sizeof(char *));
	int rc = 0;

	/* .Values: user values coalesced over the chart's defaults. */
	osmo_value values;
	rc = osmo_values_coalesce(&values, a, osmo_chart_values(chart), user_values, err);
	if (rc)
		goto done;
	values.sub = OSMO_GO_VALUES;

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
	rc = osmo_release_capabilities(&caps, a, opts, err);
	if (rc)
		goto done;
	osmo_map_setc(a, top.u.map, "Values", values);
	osmo_map_setc(a, top.u.map, "Release", rel);
	osmo_map_setc(a, top.u.map, "Chart",
		      osmo_release_chart_object(a, osmo_chart_metadata(chart), true));
	osmo_map_setc(a, top.u.map, "Capabilities", caps);
	osmo_map_setc(a, top.u.map, "Files", osmo_release_files_object(a, chart));
	osmo_map_setc(a, top.u.map, "Subcharts", osmo_map_new(a, 0));

	/* Parse every template (partials included) in Helm's order. */
	for (size_t i = 0; i < nt; i++)
		names[i] = osmo_arena_sprintf(a, "%s/%s", cname, osmo_chart_template(chart, i)->name);
	const osmo_chart_file **byname = osmo_malloc((nt ? nt : 1) * sizeof(*byname));
	for (size_t i = 0; i < nt; i++)
		byname[i] = osmo_chart_template(chart, i);
	/* sort names and keep the file pointer alongside via a parallel pass */
	qsort(names, nt, sizeof(char *), cmp_templates);
	for (size_t i = 0; i < nt && !rc; i++) {
		const osmo_chart_file *f = NULL;
		for (size_t j = 0; j < nt; j++) {
			if (!strcmp(names[i] + strlen(cname) + 1, byname[j]->name)) {
				f = byname[j];
				break;
			}
		}
		rc = osmo_tpl_set_parse(set, names[i], f->data, f->len, err);
	}
	free(byname);
	if (rc)
		goto done;

	/* Execute the non-partial templates; strip "<no value>" per file. */
	char *base_path = osmo_arena_sprintf(a, "%s/templates", cname);
	for (size_t i = 0; i < nt && !rc; i++) {
		const char *base = strrchr(names[i], '/') + 1;
		if (base[0] == '_')
			continue;
		osmo_value tmpl = osmo_map_new(a, 2);
		tmpl.sub = OSMO_GO_VALUES;
		osmo_map_setc(a, tmpl.u.map, "Name", osmo_cstring(a, names[i]));
		osmo_map_setc(a, tmpl.u.map, "BasePath", osmo_cstring(a, base_path));
		osmo_map_setc(a, top.u.map, "Template", tmpl);
		osmo_buf_clear(&buf);
		rc = osmo_tpl_set_execute(set, a, names[i], top, &buf, err);
		if (rc)
			break;
		if (ends_with(names[i], "NOTES.txt"))
			continue; /* rendered (a fail there aborts) but never printed */
		strip_no_value(&buf);
		rc = osmo_manifest_set_add_file(ms, names[i], osmo_buf_cstr(&buf), buf.len, err);
	}
	if (!rc)
		osmo_manifest_set_sort(ms);
done:
	free(names);
	osmo_buf_dispose(&buf);
	osmo_tpl_set_free(set);
	osmo_arena_free(a);
	if (rc) {
		osmo_manifest_set_free(ms);
		return rc;
	}
	*out = ms;
	return 0;
}

void osmo_release_print(osmo_buf *out, const osmo_manifest_set *set)
{
	/* fmt.Fprintln(TrimSpace(rel.Manifest)), then each hook verbatim. */
	size_t start = out->len;
	for (size_t i = 0; i < osmo_manifest_set_count(set); i++) {
		const osmo_manifest_doc *d = osmo_manifest_set_doc(set, i);
		osmo_buf_printf(out, "---\n# Source: %s\n", d->source);
		osmo_buf_put(out, d->content, d->len);
		osmo_buf_putc(out, '\n');
	}
	/* TrimSpace of the joined manifest only removes the final newline */
	if (out->len > start && out->ptr[out->len - 1] == '\n')
		out->len--;
	osmo_buf_putc(out, '\n');
	for (size_t i = 0; i < osmo_manifest_set_hook_count(set); i++) {
		const osmo_manifest_doc *d = osmo_manifest_set_hook(set, i);
		osmo_buf_printf(out, "---\n# Source: %s\n", d->source);
		osmo_buf_put(out, d->content, d->len);
		osmo_buf_putc(out, '\n');
	}
}
