/* release.h - render one chart as `helm template` does: build the top-level
 * objects (.Values .Release .Chart .Capabilities .Files .Template
 * .Subcharts), parse every template into one set in Helm's order, execute the
 * non-partial ones, strip "<no value>", split and sort the documents.
 *
 * Ownership: the result (osmo_manifest_set) is the caller's; the chart and
 * values are borrowed for the duration of the call.
 */
#ifndef OSMO_RELEASE_H
#define OSMO_RELEASE_H

#include "osmo/chart.h"
#include "osmo/manifest.h"

/* One chart of a release as it renders: the root first, then its enabled
 * subcharts depth-first (chartutil.ValidateAgainstSchema's order). */
typedef struct osmo_release_chart {
	const osmo_chart *chart;
	const char *name;  /* the alias when the dependency has one */
	osmo_value values; /* its section of the coalesced values (null if none) */
} osmo_release_chart;

typedef struct osmo_release_options {
	unsigned version;
	const char *name;         /* .Release.Name; default "release-name" */
	const char *ns;           /* .Release.Namespace; default "default" */
	bool is_upgrade;          /* --is-upgrade */
	const char *kube_version; /* --kube-version, e.g. "1.30" or "v1.30.2"; NULL = v1.32.0 */
	const char *const *api_versions; /* --api-versions additions, NULL-terminated */
	bool include_crds;        /* --include-crds: crds/ files printed first */
	/* values.schema.json check, handed in by the caller so render/ needs no
	 * validator of its own: called before any template runs with the charts
	 * that render (dependencies resolved: aliases applied, disabled ones
	 * left out), in Helm's walk order, each with its section of the
	 * coalesced values.  NULL skips schema validation. */
	int (*validate_values)(void *payload, const osmo_release_chart *charts, size_t n,
			       osmo_error *err);
	void *validate_payload;
} osmo_release_options;

#define OSMO_RELEASE_OPTIONS_VERSION 1
#define OSMO_RELEASE_OPTIONS_INIT \
	{ OSMO_RELEASE_OPTIONS_VERSION, NULL, NULL, false, NULL, NULL, false, NULL, NULL }

enum {
	OSMO_RELEASE_PRINT_NO_HOOKS = 1u << 0,   /* --no-hooks */
	OSMO_RELEASE_PRINT_SKIP_TESTS = 1u << 1, /* --skip-tests */
};

/* `user_values` (a map, may be null) are the merged -f/--set values; they are
 * coalesced over the chart's values.yaml.  Errors carry Helm's text. */
int osmo_release_render(osmo_manifest_set **out, const osmo_chart *chart, osmo_value user_values,
			const osmo_release_options *opts, osmo_error *err);

/* Write the manifest set as `helm template` prints it. */
void osmo_release_print(osmo_buf *out, const osmo_manifest_set *set, unsigned flags);

/* The built-in objects, exposed for tests and for other renderers. */
osmo_value osmo_release_chart_object(osmo_arena *a, osmo_value metadata, bool is_root);
int osmo_release_capabilities(osmo_value *out, osmo_arena *a, const osmo_release_options *opts,
			      osmo_error *err);
osmo_value osmo_release_files_object(osmo_arena *a, const osmo_chart *chart);

#endif
