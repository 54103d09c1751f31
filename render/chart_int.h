/* chart_int.h - the body of osmo_chart, shared by the chart loader, the
 * archive reader, the dependency resolver and the release renderer. */
#ifndef OSMO_CHART_INT_H
#define OSMO_CHART_INT_H

#include "osmo/chart.h"

typedef struct chart_filelist {
	osmo_chart_file *v;
	size_t len, cap;
} chart_filelist;

struct osmo_chart {
	osmo_arena *arena; /* shared by the whole chart tree */
	bool owns_arena;   /* true for the root only */
	const char *name;
	osmo_value metadata; /* Chart.yaml map (dependencies from requirements.yaml for v1) */
	osmo_value values;   /* values.yaml map */
	const osmo_chart_file *schema; /* values.schema.json or NULL */
	chart_filelist templates;
	chart_filelist files;  /* .Files */
	chart_filelist all;    /* every loaded file, for packaging */
	osmo_chart **deps;     /* subcharts found in charts/ */
	size_t ndeps;
};

void chart_filelist_push(osmo_arena *a, chart_filelist *l, osmo_chart_file f);

/* Helm's LoadFiles: classify files (names relative to the chart root) into
 * a chart; subcharts under charts/ are loaded recursively. */
int chart_from_files(osmo_chart **out, osmo_arena *a, chart_filelist *files, osmo_error *err);

/* Helm's LoadArchive: read a gzipped tar into a file list (first path
 * component stripped), with Helm's path-safety checks. */
int chart_archive_read(chart_filelist *out, osmo_arena *a, const char *data, size_t len,
		       osmo_error *err);

#endif
