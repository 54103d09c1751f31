/* chart.h - a loaded Helm chart: metadata (Chart.yaml), default values,
 * templates and the other files (.Files), as Helm's loader classifies them.
 *
 * Ownership: an osmo_chart owns every byte it holds (its own arena); free it
 * with osmo_chart_free.  Getters return borrowed pointers valid while the
 * chart lives.
 */
#ifndef OSMO_CHART_H
#define OSMO_CHART_H

#include "osmo/value.h"

typedef struct osmo_chart osmo_chart;

/* One file of the chart, path relative to the chart root ("templates/x.yaml"). */
typedef struct osmo_chart_file {
	const char *name;
	const char *data; /* NUL-terminated, BOM stripped */
	size_t len;
} osmo_chart_file;

/* Load a chart directory.  Errors name the file (and line for YAML). */
int osmo_chart_load_dir(osmo_chart **out, const char *path, osmo_error *err);
/* Load a chart directory or a .tgz archive (Helm's loader.Load). */
int osmo_chart_load(osmo_chart **out, const char *path, osmo_error *err);
void osmo_chart_free(osmo_chart *c);

const char *osmo_chart_name(const osmo_chart *c);
/* Chart.yaml as parsed (a map value), for `.Chart`. */
osmo_value osmo_chart_metadata(const osmo_chart *c);
/* values.yaml (first document), a map; empty map when absent. */
osmo_value osmo_chart_values(const osmo_chart *c);
size_t osmo_chart_template_count(const osmo_chart *c);
const osmo_chart_file *osmo_chart_template(const osmo_chart *c, size_t i);
/* Files other than Chart.yaml, values.yaml, values.schema.json, templates/
 * and charts/ (what `.Files` serves), sorted by name. */
size_t osmo_chart_file_count(const osmo_chart *c);
const osmo_chart_file *osmo_chart_file_at(const osmo_chart *c, size_t i);

/* values.schema.json (Helm's chart.Schema), NULL when the chart has none. */
const osmo_chart_file *osmo_chart_schema(const osmo_chart *c);

/* Subcharts found under charts/ (directories and archives), in name order.
 * Which of them render depends on values (conditions, tags): see
 * osmo_release_render. */
size_t osmo_chart_dependency_count(const osmo_chart *c);
const osmo_chart *osmo_chart_dependency(const osmo_chart *c, size_t i);

#endif
