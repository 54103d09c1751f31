/* values_schema.c - chartutil.ValidateAgainstSchema over the charts of a
 * release: render/ resolves the dependencies (aliases, conditions, tags)
 * and hands over the charts that render with their values sections. */
#include "osmo/values_schema.h"

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

/* ValidateAgainstSchema: each rendering chart's own schema against its
 * section of the values, sections concatenated in the walk order. */
int osmo_values_schema_validate(void *payload, const osmo_release_chart *charts, size_t n,
				osmo_error *err)
{
	(void)payload;
	osmo_buf out = OSMO_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const osmo_chart_file *sf = osmo_chart_schema(charts[i].chart);
		if (!sf)
			continue;
		osmo_error e = { 0 };
		if (osmo_values_schema_check(sf->data, sf->len, charts[i].values, &e))
			osmo_buf_printf(&out, "%s:\n%s", charts[i].name, e.msg ? e.msg : "");
		osmo_error_dispose(&e);
	}
	int rc = 0;
	if (out.len) {
		osmo_error_set(err, OSMO_ERROR, SCHEMA_ERR_PREFIX "%s", osmo_buf_cstr(&out));
		rc = OSMO_ERROR;
	}
	osmo_buf_dispose(&out);
	return rc;
}
