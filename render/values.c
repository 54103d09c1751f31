/* values.c - mergeMaps for -f files and CoalesceValues (pkg/chartutil):
 * user values win, maps merge, nulls delete (unless merging), subchart
 * sections and globals are coalesced recursively. */
#include "osmo/gofmt.h"
#include "osmo/values.h"
#include "release_int.h"

#include <stdio.h>
#include <string.h>

void osmo_values_merge(osmo_arena *a, osmo_value *dst, osmo_value src)
{
	if (src.type != OSMO_V_MAP)
		return;
	if (dst->type != OSMO_V_MAP)
		*dst = osmo_map_new(a, src.u.map->len);
	for (size_t i = 0; i < src.u.map->len; i++) {
		const osmo_map_entry *e = &src.u.map->ents[i];
		osmo_value *cur = osmo_map_get(dst->u.map, e->key.ptr, e->key.len);
		if (cur && cur->type == OSMO_V_MAP && e->val.type == OSMO_V_MAP) {
			osmo_value merged = *cur;
			osmo_values_merge(a, &merged, e->val);
			osmo_map_set(a, dst->u.map, e->key.ptr, e->key.len, merged);
		} else {
			osmo_map_set(a, dst->u.map, e->key.ptr, e->key.len, e->val);
		}
	}
}

static const char *join_key(osmo_arena *a, const char *prefix, const char *key)
{
	return *prefix ? osmo_arena_sprintf(a, "%s.%s", prefix, key) : key;
}

/* Helm's coalesce warnings, with the source line its log prints and the
 * value rendered with %v where Helm shows one. */
static void warn(int line, const char *fmt, const char *key, const osmo_value *val)
{
	fprintf(stderr, "coalesce.go:%d: warning: ", line);
	fprintf(stderr, fmt, key);
	if (val) {
		osmo_buf b = OSMO_BUF_INIT;
		osmo_gofmt_value(&b, *val);
		fprintf(stderr, " (%s)", osmo_buf_cstr(&b));
		osmo_buf_dispose(&b);
	}
	fputc('\n', stderr);
}

/* coalesceTablesFullKey: src's keys fill dst; dst wins. */
static void coalesce_tables(osmo_arena *a, osmo_map *dst, const osmo_map *src, const char *prefix,
			    bool merge)
{
	for (size_t i = 0; i < src->len; i++) {
		const osmo_map_entry *e = &src->ents[i];
		osmo_value *dv = osmo_map_get(dst, e->key.ptr, e->key.len);
		const char *full = join_key(a, prefix, e->key.ptr);
		if (dv && dv->type == OSMO_V_NULL && !merge) {
			osmo_map_del(dst, e->key.ptr, e->key.len);
		} else if (!dv) {
			osmo_map_set(a, dst, e->key.ptr, e->key.len, osmo_value_deep_copy(a, e->val));
		} else if (e->val.type == OSMO_V_MAP) {
			if (dv->type == OSMO_V_MAP)
				coalesce_tables(a, dv->u.map, e->val.u.map, full, merge);
			else
				warn(298, "cannot overwrite table with non table for %s", full, &e->val);
		} else if (dv->type == OSMO_V_MAP && e->val.type != OSMO_V_NULL) {
			warn(301, "destination for %s is a table. Ignoring non-table value", full, &e->val);
		}
	}
}

static bool is_child(const rnode *n, const char *key)
{
	for (size_t i = 0; i < n->nkids; i++)
		if (!strcmp(n->kids[i]->name, key))
			return true;
	return false;
}

/* coalesceValues: the chart's defaults fill v. */
static void coalesce_values(osmo_arena *a, const rnode *n, osmo_map *v, const char *prefix,
			    bool merge)
{
	const char *sub = join_key(a, prefix, n->name);
	if (n->values.type != OSMO_V_MAP)
		return;
	const osmo_map *src = n->values.u.map;
	for (size_t i = 0; i < src->len; i++) {
		const osmo_map_entry *e = &src->ents[i];
		osmo_value *dv = osmo_map_get(v, e->key.ptr, e->key.len);
		if (!dv) {
			osmo_map_set(a, v, e->key.ptr, e->key.len, osmo_value_deep_copy(a, e->val));
		} else if (dv->type == OSMO_V_NULL && !merge) {
			osmo_map_del(v, e->key.ptr, e->key.len);
		} else if (dv->type == OSMO_V_MAP) {
			if (e->val.type != OSMO_V_MAP) {
				if (e->val.type != OSMO_V_NULL)
					warn(237, "skipped value for %s: Not a table.",
					     join_key(a, sub, e->key.ptr), NULL);
			} else {
				bool m = merge || is_child(n, e->key.ptr);
				coalesce_tables(a, dv->u.map, e->val.u.map,
						join_key(a, sub, e->key.ptr), m);
			}
		}
	}
}

/* coalesceGlobals: the parent's global table is copied into the child's,
 * parent winning. */
static void coalesce_globals(osmo_arena *a, osmo_map *dest, const osmo_map *src, const char *prefix,
			     bool merge)
{
	(void)merge;
	osmo_value *dgv = osmo_map_getc(dest, "global");
	osmo_value *sgv = osmo_map_getc(src, "global");
	osmo_value dg, sg;
	if (!dgv)
		dg = osmo_map_new(a, 0);
	else if (dgv->type == OSMO_V_MAP)
		dg = *dgv;
	else {
		warn(265, "%s", "skipping globals because destination global is not a table.", NULL);
		return;
	}
	if (!sgv)
		sg = osmo_map_new(a, 0);
	else if (sgv->type == OSMO_V_MAP)
		sg = *sgv;
	else {
		warn(272, "%s", "skipping globals because source global is not a table.", NULL);
		return;
	}
	for (size_t i = 0; i < sg.u.map->len; i++) {
		const osmo_map_entry *e = &sg.u.map->ents[i];
		osmo_value *dv = osmo_map_get(dg.u.map, e->key.ptr, e->key.len);
		if (e->val.type == OSMO_V_MAP) {
			osmo_value vv = osmo_value_deep_copy(a, e->val);
			if (!dv) {
				osmo_map_set(a, dg.u.map, e->key.ptr, e->key.len, vv);
			} else if (dv->type != OSMO_V_MAP) {
				warn(289, "cannot merge map onto non-map for %s", join_key(a, prefix, e->key.ptr), NULL);
			} else {
				/* reversed: merge top-down, the parent's copy wins */
				coalesce_tables(a, vv.u.map, dv->u.map, join_key(a, prefix, e->key.ptr), true);
				osmo_map_set(a, dg.u.map, e->key.ptr, e->key.len, vv);
			}
		} else if (dv && dv->type == OSMO_V_MAP) {
			warn(302, "cannot merge non-map onto map for %s", join_key(a, prefix, e->key.ptr), NULL);
		} else {
			osmo_map_set(a, dg.u.map, e->key.ptr, e->key.len, e->val);
		}
	}
	osmo_map_setc(a, dest, "global", dg);
}

static int coalesce(osmo_arena *a, const rnode *n, osmo_map *dest, const char *prefix, bool merge,
		    osmo_error *err)
{
	coalesce_values(a, n, dest, prefix, merge);
	const char *sub = join_key(a, prefix, n->name);
	for (size_t i = 0; i < n->nkids; i++) {
		const rnode *k = n->kids[i];
		osmo_value *cv = osmo_map_getc(dest, k->name);
		if (!cv) {
			osmo_map_setc(a, dest, k->name, osmo_map_new(a, 0));
			cv = osmo_map_getc(dest, k->name);
		} else if (cv->type != OSMO_V_MAP) {
			osmo_error_set(err, OSMO_ETYPE, "type mismatch on %s: %%!t(%s)", k->name,
				       osmo_value_gotype(*cv));
			return OSMO_ETYPE;
		}
		osmo_value kv = *cv;
		coalesce_globals(a, kv.u.map, dest, sub, merge);
		int rc = coalesce(a, k, kv.u.map, sub, merge, err);
		if (rc)
			return rc;
		osmo_map_setc(a, dest, k->name, kv);
	}
	return 0;
}

int release_coalesce(osmo_value *out, osmo_arena *a, const rnode *n, osmo_value user, bool merge,
		     osmo_error *err)
{
	*out = user.type == OSMO_V_MAP ? osmo_value_deep_copy(a, user) : osmo_map_new(a, 0);
	return coalesce(a, n, out->u.map, "", merge, err);
}

void release_merge_tables(osmo_arena *a, osmo_value *dst, osmo_value src)
{
	if (dst->type != OSMO_V_MAP)
		*dst = osmo_map_new(a, 0);
	if (src.type == OSMO_V_MAP)
		coalesce_tables(a, dst->u.map, src.u.map, "", true);
}

int osmo_values_coalesce(osmo_value *out, osmo_arena *a, osmo_value chart_values,
			 osmo_value user_values, osmo_error *err)
{
	rnode n = { 0 };
	n.name = "";
	n.values = chart_values;
	return release_coalesce(out, a, &n, user_values, false, err);
}
