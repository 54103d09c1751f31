/* values_schema.h - Helm's values.schema.json check (chartutil
 * ValidateAgainstSchema, Helm 3.17): the root chart's schema against the
 * coalesced values, each enabled subchart's schema against its section
 * (values[<name or alias>]), errors gathered per chart in Helm's text.
 *
 * render/ calls it through osmo_release_options.validate_values:
 *
 *     opts.validate_values = osmo_values_schema_validate;
 *     opts.validate_payload = NULL;
 */
#ifndef OSMO_VALUES_SCHEMA_H
#define OSMO_VALUES_SCHEMA_H

#include "osmo/release.h"

/* The osmo_release_options callback.  payload is unused.  On failure
 * returns OSMO_ERROR with err holding Helm's whole message:
 * "values don't meet the specifications of the schema(s) in the following
 * chart(s):\n<chart>:\n- <field>: <description>\n..." */
int osmo_values_schema_validate(void *payload, const osmo_release_chart *charts, size_t n,
				osmo_error *err);

/* ValidateAgainstSingleSchema: one schema (JSON text) against one values
 * map.  Returns 0, or OSMO_ERROR with err holding that function's error
 * text ("- field: description\n" lines, or the schema's load/compile
 * error such as "unexpected EOF").  For `helm lint`'s values rule. */
int osmo_values_schema_check(const char *schema_json, size_t len, osmo_value values,
			     osmo_error *err);

#endif
