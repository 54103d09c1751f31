/* values_schema.c - chartutil.ValidateAgainstSchema over the chart tree.
 *
 * Helm walks chart.Dependencies() after ProcessDependencies: aliases
 * applied, disabled subcharts removed.  render/ hands us the loaded chart,
 * so the same selection is redone here from Chart.yaml's dependencies
 * (name + version range, alias, tags, condition) over the coalesced values
 * (which is what Helm's conditions read: CoalesceValues of the whole tree). */
#include "osmo/values_schema.h"

#include "osmo/funcs.h"
#include "osmo/jsonschema.h"

#include <string.h>

#define SCHEMA_ERR_PREFIX "values don't meet the specifications of the schema(s) in the following chart(s):\n"

int osmo_values_schema_check(const char *schema_json, size_t len, osmo_value values, osmo_error *err)
{
	osmo_jsonschema *s;
	int rc = osmo_jsonschema_compile_json(&s, schema_json, len, 0, err);
	if (rc)
		return OSMO_ERROR;
	osmo_arena *a = NULL;
	if (values.type != OSMO_V_MAP) { /* Helm validates {} in place of null */
		a = osmo_arena_new();
		values = osmo_map_new(a, 0);
	}
	osmo_jsonschema_result *r;
	osmo_jsonschema_validate(&r, s, values);
	rc = 0;
	if (r->count) {
		osmo_buf b = OSMO_BUF_INIT;
		osmo_jsonschema_result_format(&b, r);
		osmo_error_set(err, OSMO_ERROR, "%s", osmo_buf_cstr(&b));
		osmo_buf_dispose(&b);
		rc = OSMO_ERROR;
	}
	osmo_jsonschema_result_free(r);
	osmo_jsonschema_free(s);
	osmo_arena_free(a);
	return rc;
}

/* ---- which subcharts Helm keeps --------------------------------------------- */

typedef struct dep {
	const char *name, *version, *alias, *condition;
	osmo_value tags;
	bool enabled;
} dep;

typedef struct kid {
	const osmo_chart *chart;
	const char *name;
} kid;

static const char *str_of(osmo_value m, const char *k)
{
	osmo_value *v = m.type == OSMO_V_MAP ? osmo_map_getc(m.u.map, k) : NULL;
	return v && osmo_is_string(*v) ? v->u.s.ptr : "";
}

static bool version_ok(osmo_arena *a, const char *constraint, const osmo_chart *c)
{
	const osmo_func_def *f = osmo_funcs_find("semverCompare", 13);
	osmo_value md = osmo_chart_metadata(c);
	osmo_value *ver = md.type == OSMO_V_MAP ? osmo_map_getc(md.u.map, "version") : NULL;
	if (!f || !ver || !osmo_is_string(*ver))
		return false;
	osmo_error e = { 0 };
	osmo_fnctx ctx = { a, &e, "semverCompare", NULL };
	osmo_value args[2] = { osmo_cstring(a, constraint), *ver }, out = osmo_null();
	int rc = f->fn(&out, &ctx, 2, args);
	osmo_error_dispose(&e);
	return !rc && out.type == OSMO_V_BOOL && out.u.b;
}

/* Values.PathValue: the dotted path must end at a non-table value. */
static osmo_value *path_value(osmo_value root, const char *path)
{
	osmo_value cur = root;
	for (const char *p = path;;) {
		const char *dot = strchr(p, '.');
		size_t l = dot ? (size_t)(dot - p) : strlen(p);
		if (cur.type != OSMO_V_MAP)
			return NULL;
		osmo_value *v = osmo_map_get(cur.u.map, p, l);
		if (!v)
			return NULL;
		if (!dot)
			return v->type == OSMO_V_MAP ? NULL : v;
		cur = *v;
		p = dot + 1;
	}
}

static void apply_tags(dep *d, size_t nd, osmo_value top)
{
	osmo_value *tags = top.type == OSMO_V_MAP ? osmo_map_getc(top.u.map, "tags") : NULL;
	if (!tags || tags->type != OSMO_V_MAP)
		return;
	for (size_t i = 0; i < nd; i++) {
		bool has_true = false, has_false = false;
		for (size_t j = 0; d[i].tags.type == OSMO_V_LIST && j < d[i].tags.u.list->len; j++) {
			osmo_value t = d[i].tags.u.list->items[j];
			osmo_value *b = osmo_is_string(t) ? osmo_map_getc(tags->u.map, t.u.s.ptr) : NULL;
			if (b && b->type == OSMO_V_BOOL)
				*(b->u.b ? &has_true : &has_false) = true;
		}
		d[i].enabled = has_true || !has_false;
	}
}

static void apply_conditions(osmo_arena *a, dep *d, size_t nd, osmo_value top, const char *path)
{
	for (size_t i = 0; i < nd; i++) {
		const char *c = d[i].condition;
		while (*c == ' ')
			c++;
		while (*c) {
			const char *comma = strchr(c, ',');
			size_t l = comma ? (size_t)(comma - c) : strlen(c);
			if (l) {
				osmo_value *v = path_value(top, osmo_arena_sprintf(a, "%s%.*s", path, (int)l, c));
				if (v && v->type == OSMO_V_BOOL) {
					d[i].enabled = v->u.b;
					break;
				}
			}
			c += l + (comma ? 1 : 0);
		}
	}
}

/* processDependencyEnabled's result for one chart, in Helm's order. */
static size_t enabled_kids(osmo_arena *a, const osmo_chart *c, osmo_value top, const char *path, kid **out)
{
	osmo_value md = osmo_chart_metadata(c);
	osmo_value *dl = md.type == OSMO_V_MAP ? osmo_map_getc(md.u.map, "dependencies") : NULL;
	size_t ndl = dl && dl->type == OSMO_V_LIST ? dl->u.list->len : 0;
	size_t nraw = osmo_chart_dependency_count(c), nd = 0, nk = 0;
	dep *d = osmo_arena_alloc(a, (ndl + 1) * sizeof(dep));
	for (size_t i = 0; i < ndl; i++) {
		osmo_value e = dl->u.list->items[i];
		if (e.type != OSMO_V_MAP)
			continue;
		d[nd].name = str_of(e, "name");
		d[nd].version = str_of(e, "version");
		d[nd].alias = str_of(e, "alias");
		d[nd].condition = str_of(e, "condition");
		osmo_value *t = osmo_map_getc(e.u.map, "tags");
		d[nd].tags = t ? *t : osmo_null();
		d[nd].enabled = true;
		nd++;
	}
	kid *k = osmo_arena_alloc(a, (nraw + nd + 1) * sizeof(kid));
	for (size_t i = 0; i < nraw; i++) {
		const osmo_chart *sc = osmo_chart_dependency(c, i);
		bool claimed = false;
		for (size_t j = 0; j < nd && !claimed; j++)
			claimed = !strcmp(osmo_chart_name(sc), d[j].name) && version_ok(a, d[j].version, sc);
		if (!claimed)
			k[nk++] = (kid){ sc, osmo_chart_name(sc) };
	}
	for (size_t j = 0; j < nd; j++) {
		for (size_t i = 0; i < nraw; i++) {
			const osmo_chart *sc = osmo_chart_dependency(c, i);
			if (!strcmp(osmo_chart_name(sc), d[j].name) && version_ok(a, d[j].version, sc)) {
				k[nk++] = (kid){ sc, *d[j].alias ? d[j].alias : d[j].name };
				break;
			}
		}
		if (*d[j].alias)
			d[j].name = d[j].alias;
	}
	if (nd) {
		apply_tags(d, nd, top);
		apply_conditions(a, d, nd, top, path);
	}
	size_t w = 0;
	for (size_t i = 0; i < nk; i++) {
		bool disabled = false;
		for (size_t j = 0; j < nd; j++)
			disabled |= !d[j].enabled && !strcmp(d[j].name, k[i].name);
		if (!disabled)
			k[w++] = k[i];
	}
	*out = k;
	return w;
}

/* ValidateAgainstSchema for one chart and, recursively, its subcharts. */
static void walk(osmo_buf *out, osmo_arena *a, const osmo_chart *c, const char *name, osmo_value values,
		 osmo_value top, const char *path)
{
	const osmo_chart_file *sf = osmo_chart_schema(c);
	if (sf) {
		osmo_error e = { 0 };
		if (osmo_values_schema_check(sf->data, sf->len, values, &e))
			osmo_buf_printf(out, "%s:\n%s", name, e.msg ? e.msg : "");
		osmo_error_dispose(&e);
	}
	kid *k;
	size_t nk = enabled_kids(a, c, top, path, &k);
	for (size_t i = 0; i < nk; i++) {
		osmo_value *sv = values.type == OSMO_V_MAP ? osmo_map_getc(values.u.map, k[i].name) : NULL;
		walk(out, a, k[i].chart, k[i].name, sv ? *sv : osmo_null(), top,
		     osmo_arena_sprintf(a, "%s%s.", path, k[i].name));
	}
}

int osmo_values_schema_validate(void *payload, const osmo_chart *chart, osmo_value values, osmo_error *err)
{
	(void)payload;
	osmo_arena *a = osmo_arena_new();
	osmo_buf out = OSMO_BUF_INIT;
	walk(&out, a, chart, osmo_chart_name(chart), values, values, "");
	int rc = 0;
	if (out.len) {
		osmo_error_set(err, OSMO_ERROR, SCHEMA_ERR_PREFIX "%s", osmo_buf_cstr(&out));
		rc = OSMO_ERROR;
	}
	osmo_buf_dispose(&out);
	osmo_arena_free(a);
	return rc;
}
