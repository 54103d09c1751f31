/* values.c - mergeMaps for -f files and CoalesceValues (pkg/chartutil). */
#include "osmo/values.h"

#include <stdio.h>

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

/* coalesceTablesFullKey(dst=user, src=chart defaults). */
static void coalesce_tables(osmo_arena *a, osmo_map *dst, const osmo_map *src, const char *prefix)
{
	for (size_t i = 0; i < src->len; i++) {
		const osmo_map_entry *e = &src->ents[i];
		osmo_value *dv = osmo_map_get(dst, e->key.ptr, e->key.len);
		if (dv && dv->type == OSMO_V_NULL) {
			osmo_map_del(dst, e->key.ptr, e->key.len); /* user null deletes */
		} else if (!dv) {
			osmo_map_set(a, dst, e->key.ptr, e->key.len, osmo_value_deep_copy(a, e->val));
		} else if (e->val.type == OSMO_V_MAP) {
			char *full = *prefix ? osmo_arena_sprintf(a, "%s.%s", prefix, e->key.ptr)
					     : (char *)e->key.ptr;
			if (dv->type == OSMO_V_MAP)
				coalesce_tables(a, dv->u.map, e->val.u.map, full);
			else
				fprintf(stderr,
					"coalesce.go:298: warning: cannot overwrite table with non table for %s (map[...])\n",
					full);
		} else if (dv->type == OSMO_V_MAP && e->val.type != OSMO_V_NULL) {
			char *full = *prefix ? osmo_arena_sprintf(a, "%s.%s", prefix, e->key.ptr)
					     : (char *)e->key.ptr;
			fprintf(stderr,
				"coalesce.go:301: warning: destination for %s is a table. Ignoring non-table value\n",
				full);
		}
	}
}

int osmo_values_coalesce(osmo_value *out, osmo_arena *a, osmo_value chart_values,
			 osmo_value user_values, osmo_error *err)
{
	(void)err;
	*out = user_values.type == OSMO_V_MAP ? osmo_value_deep_copy(a, user_values)
					      : osmo_map_new(a, 0);
	if (chart_values.type == OSMO_V_MAP)
		coalesce_tables(a, out->u.map, chart_values.u.map, "");
	return 0;
}
