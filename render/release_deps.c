/* release_deps.c - Helm's ProcessDependenciesWithMerge: which subcharts
 * render (Chart.yaml dependencies matched by name and version range,
 * aliases, tags, conditions, recursively) and import-values. */
#include "osmo/funcs.h"
#include "release_int.h"

#include <stdio.h>
#include <string.h>

typedef struct dep {
	const char *name, *version, *alias, *condition;
	osmo_value tags, import_values;
	bool enabled;
} dep;

static const char *str_of(const osmo_map *m, const char *k)
{
	osmo_value *v = osmo_map_getc(m, k);
	return v && osmo_is_string(*v) ? v->u.s.ptr : "";
}

/* IsCompatibleRange via Sprig's semverCompare (Masterminds/semver v3). */
bool release_semver_compatible(osmo_arena *a, const char *constraint, osmo_value version)
{
	const osmo_func_def *f = osmo_funcs_find("semverCompare", 13);
	if (!f || !osmo_is_string(version))
		return false;
	osmo_error e = { 0 };
	osmo_fnctx ctx = { a, &e, "semverCompare", NULL };
	osmo_value args[2] = { osmo_cstring(a, constraint), version }, out = osmo_null();
	int rc = f->fn(&out, &ctx, 2, args);
	osmo_error_dispose(&e);
	return !rc && out.type == OSMO_V_BOOL && out.u.b;
}

static rnode *new_node(osmo_arena *a, const osmo_chart *c, const char *name, rnode *parent)
{
	rnode *n = osmo_arena_alloc(a, sizeof(*n));
	n->chart = c;
	n->name = name;
	n->parent = parent;
	n->values = c->values;
	n->metadata = c->metadata;
	if (strcmp(name, c->name)) {
		n->metadata = osmo_value_deep_copy(a, c->metadata);
		osmo_map_setc(a, n->metadata.u.map, "name", osmo_cstring(a, name));
	}
	n->path = parent ? osmo_arena_sprintf(a, "%s/charts/%s", parent->path, name) : name;
	return n;
}

static size_t read_deps(osmo_arena *a, const rnode *n, dep **out)
{
	osmo_value *dl = osmo_map_getc(n->metadata.u.map, "dependencies");
	*out = NULL;
	if (!dl || dl->type != OSMO_V_LIST || !dl->u.list->len)
		return 0;
	dep *d = osmo_arena_alloc(a, dl->u.list->len * sizeof(dep));
	size_t k = 0;
	for (size_t i = 0; i < dl->u.list->len; i++) {
		osmo_value e = dl->u.list->items[i];
		if (e.type != OSMO_V_MAP)
			continue;
		d[k].name = str_of(e.u.map, "name");
		d[k].version = str_of(e.u.map, "version");
		d[k].alias = str_of(e.u.map, "alias");
		d[k].condition = str_of(e.u.map, "condition");
		osmo_value *t = osmo_map_getc(e.u.map, "tags");
		d[k].tags = t ? *t : osmo_null();
		osmo_value *iv = osmo_map_getc(e.u.map, "import-values");
		d[k].import_values = iv ? *iv : osmo_null();
		d[k].enabled = true;
		k++;
	}
	*out = d;
	return k;
}

/* Values.PathValue: the dotted path must end at a non-table value. */
static osmo_value *path_value(osmo_value root, const char *path)
{
	osmo_value cur = root;
	const char *p = path;
	for (;;) {
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

static void apply_tags(dep *d, size_t nd, osmo_value cvals)
{
	osmo_value *tags = osmo_map_getc(cvals.u.map, "tags");
	if (!tags || tags->type != OSMO_V_MAP)
		return;
	for (size_t i = 0; i < nd; i++) {
		bool has_true = false, has_false = false;
		if (d[i].tags.type == OSMO_V_LIST) {
			for (size_t j = 0; j < d[i].tags.u.list->len; j++) {
				osmo_value t = d[i].tags.u.list->items[j];
				if (!osmo_is_string(t))
					continue;
				osmo_value *b = osmo_map_getc(tags->u.map, t.u.s.ptr);
				if (!b)
					continue;
				if (b->type == OSMO_V_BOOL)
					*(b->u.b ? &has_true : &has_false) = true;
				else
					fprintf(stderr, "dependencies.go:94: Warning: Tag '%s' for chart %s returned non-bool value\n",
						t.u.s.ptr, d[i].name);
			}
		}
		if (!has_true && has_false)
			d[i].enabled = false;
		else
			d[i].enabled = true;
	}
}

static void apply_conditions(osmo_arena *a, dep *d, size_t nd, osmo_value cvals, const char *path)
{
	for (size_t i = 0; i < nd; i++) {
		const char *c = d[i].condition;
		while (*c == ' ')
			c++;
		while (*c) {
			const char *comma = strchr(c, ',');
			size_t l = comma ? (size_t)(comma - c) : strlen(c);
			if (l) {
				char *full = osmo_arena_sprintf(a, "%s%.*s", path, (int)l, c);
				osmo_value *v = path_value(cvals, full);
				if (v && v->type == OSMO_V_BOOL) {
					d[i].enabled = v->u.b;
					break;
				}
				if (v)
					fprintf(stderr, "dependencies.go:63: Warning: Condition path '%.*s' for chart %s returned non-bool value\n",
						(int)l, c, d[i].name);
			}
			c += l + (comma ? 1 : 0);
		}
	}
}

/* processDependencyEnabled for one node; v is the values map passed down. */
static int resolve(osmo_arena *a, rnode *n, osmo_value v, const char *path, osmo_error *err)
{
	dep *d;
	size_t nd = read_deps(a, n, &d);
	const osmo_chart *c = n->chart;
	rnode **kids = osmo_arena_alloc(a, (c->ndeps + nd + 1) * sizeof(rnode *));
	size_t nk = 0;
	/* charts in charts/ that no dependency entry claims render as they are */
	for (size_t i = 0; i < c->ndeps; i++) {
		bool claimed = false;
		for (size_t j = 0; j < nd && !claimed; j++)
			claimed = !strcmp(c->deps[i]->name, d[j].name) &&
				  release_semver_compatible(a, d[j].version, *osmo_map_getc(c->deps[i]->metadata.u.map, "version"));
		if (!claimed)
			kids[nk++] = new_node(a, c->deps[i], c->deps[i]->name, n);
	}
	for (size_t j = 0; j < nd; j++) {
		for (size_t i = 0; i < c->ndeps; i++) {
			if (strcmp(c->deps[i]->name, d[j].name) ||
			    !release_semver_compatible(a, d[j].version, *osmo_map_getc(c->deps[i]->metadata.u.map, "version")))
				continue;
			kids[nk++] = new_node(a, c->deps[i], *d[j].alias ? d[j].alias : d[j].name, n);
			break;
		}
		if (*d[j].alias)
			d[j].name = d[j].alias;
	}
	n->kids = kids;
	n->nkids = nk;
	if (!nd)
		return 0;
	osmo_value cvals;
	int rc = release_coalesce(&cvals, a, n, v, false, err);
	if (rc)
		return rc;
	apply_tags(d, nd, cvals);
	apply_conditions(a, d, nd, cvals, path);
	size_t w = 0;
	for (size_t i = 0; i < nk; i++) {
		bool disabled = false;
		for (size_t j = 0; j < nd; j++)
			if (!d[j].enabled && !strcmp(d[j].name, kids[i]->name))
				disabled = true;
		if (!disabled)
			kids[w++] = kids[i];
	}
	n->nkids = w;
	/* .Chart.Dependencies keeps the enabled entries, renamed to their alias
	 * and marked enabled, as processDependencyEnabled leaves them */
	osmo_value *dl = osmo_map_getc(n->metadata.u.map, "dependencies");
	if (dl && dl->type == OSMO_V_LIST) {
		osmo_value md = osmo_map_new(a, n->metadata.u.map->len);
		for (size_t i = 0; i < n->metadata.u.map->len; i++)
			osmo_map_set(a, md.u.map, n->metadata.u.map->ents[i].key.ptr,
				     n->metadata.u.map->ents[i].key.len, n->metadata.u.map->ents[i].val);
		osmo_value nl = osmo_list_new(a, nd);
		for (size_t j = 0, k = 0; j < dl->u.list->len; j++) {
			osmo_value e = dl->u.list->items[j];
			if (e.type != OSMO_V_MAP)
				continue;
			if (d[k].enabled) {
				osmo_value c2 = osmo_value_deep_copy(a, e);
				osmo_map_setc(a, c2.u.map, "enabled", osmo_bool(true));
				osmo_map_setc(a, c2.u.map, "name", osmo_cstring(a, d[k].name));
				osmo_list_push(a, nl.u.list, c2);
			}
			k++;
		}
		osmo_map_setc(a, md.u.map, "dependencies", nl);
		n->metadata = md;
	}
	for (size_t i = 0; i < n->nkids && !rc; i++) {
		char *sub = osmo_arena_sprintf(a, "%s%s.", path, n->kids[i]->name);
		rc = resolve(a, n->kids[i], cvals, sub, err);
	}
	return rc;
}

/* Build a nested map {a: {b: {c: table}}} from "a.b.c" (pathToMap). */
static osmo_value path_to_map(osmo_arena *a, const char *path, osmo_value table)
{
	if (!strcmp(path, ".") || !*path)
		return table;
	const char *dot = strrchr(path, '.');
	osmo_value m = osmo_map_new(a, 1);
	osmo_map_setc(a, m.u.map, dot ? dot + 1 : path, table);
	if (!dot)
		return m;
	char *head = osmo_arena_strndup(a, path, (size_t)(dot - path));
	return path_to_map(a, head, m);
}

/* processImportValues, children first. */
static int import_values(osmo_arena *a, rnode *n, osmo_error *err)
{
	for (size_t i = 0; i < n->nkids; i++) {
		int rc = import_values(a, n->kids[i], err);
		if (rc)
			return rc;
	}
	dep *d;
	size_t nd = read_deps(a, n, &d);
	bool any = false;
	for (size_t j = 0; j < nd; j++)
		any |= d[j].import_values.type == OSMO_V_LIST && d[j].import_values.u.list->len;
	if (!any)
		return 0;
	osmo_value cvals;
	int rc = release_coalesce(&cvals, a, n, osmo_null(), true, err);
	if (rc)
		return rc;
	osmo_value b = osmo_map_new(a, 0);
	for (size_t j = 0; j < nd; j++) {
		if (d[j].import_values.type != OSMO_V_LIST)
			continue;
		const char *rname = *d[j].alias ? d[j].alias : d[j].name;
		for (size_t k = 0; k < d[j].import_values.u.list->len; k++) {
			osmo_value iv = d[j].import_values.u.list->items[k];
			const char *child, *parent;
			if (iv.type == OSMO_V_MAP) {
				child = str_of(iv.u.map, "child");
				parent = str_of(iv.u.map, "parent");
			} else if (osmo_is_string(iv)) {
				child = osmo_arena_sprintf(a, "exports.%s", iv.u.s.ptr);
				parent = ".";
			} else {
				continue;
			}
			char *full = osmo_arena_sprintf(a, "%s.%s", rname, child);
			osmo_value cur = cvals;
			bool ok = true;
			char *save = NULL;
			for (char *t = strtok_r(full, ".", &save); t && ok; t = strtok_r(NULL, ".", &save)) {
				osmo_value *v = cur.type == OSMO_V_MAP ? osmo_map_getc(cur.u.map, t) : NULL;
				if (!v || v->type != OSMO_V_MAP)
					ok = false;
				else
					cur = *v;
			}
			if (!ok) {
				fprintf(stderr, "Warning: ImportValues missing table from chart %s\n", rname);
				continue;
			}
			osmo_value src = path_to_map(a, parent, osmo_value_deep_copy(a, cur));
			release_merge_tables(a, &b, src); /* earlier imports win */
		}
	}
	osmo_value merged = osmo_value_deep_copy(a, cvals);
	release_merge_tables(a, &merged, b); /* the parent's own values win */
	n->values = merged;
	return 0;
}

int release_deps_resolve(rnode **out, osmo_arena *a, const osmo_chart *c, osmo_value user_values,
			 osmo_error *err)
{
	rnode *root = new_node(a, c, c->name, NULL);
	/* CheckDependencies: every Chart.yaml dependency must be in charts/. */
	dep *d;
	size_t nd = read_deps(a, root, &d);
	for (size_t j = 0; j < nd; j++) {
		bool found = false;
		for (size_t i = 0; i < c->ndeps && !found; i++)
			found = !strcmp(c->deps[i]->name, d[j].name);
		if (!found) {
			osmo_error_set(err, OSMO_ENOTFOUND,
				       "An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: %s",
				       d[j].name);
			return OSMO_ENOTFOUND;
		}
	}
	osmo_value v = user_values.type == OSMO_V_MAP ? user_values : osmo_map_new(a, 0);
	int rc = resolve(a, root, v, "", err);
	if (!rc)
		rc = import_values(a, root, err);
	if (!rc)
		*out = root;
	return rc;
}
