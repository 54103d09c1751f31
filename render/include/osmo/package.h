/* package.h - `helm package`: write a loaded chart as <name>-<version>.tgz
 * the way Helm's chartutil.Save lays it out (Chart.yaml re-serialized from
 * chart.Metadata, Chart.lock, raw values.yaml, values.schema.json,
 * templates, other files, then each subchart expanded under charts/).
 *
 * Unlike Helm the archive is reproducible: every entry has the same mtime
 * (SOURCE_DATE_EPOCH or 0), subcharts come in name order and the gzip
 * header carries no timestamp, so packaging twice gives identical bytes.
 */
#ifndef OSMO_PACKAGE_H
#define OSMO_PACKAGE_H

#include "osmo/chart.h"

typedef struct osmo_package_options {
	unsigned version;
	const char *dest;        /* --destination; NULL or "." = current directory */
	const char *set_version; /* --version: replaces Chart.yaml's version */
	const char *app_version; /* --app-version: replaces appVersion */
	int64_t mtime;           /* entry mtime; -1 = $SOURCE_DATE_EPOCH, else 0 */
} osmo_package_options;

#define OSMO_PACKAGE_OPTIONS_VERSION 1
#define OSMO_PACKAGE_OPTIONS_INIT { OSMO_PACKAGE_OPTIONS_VERSION, NULL, NULL, NULL, -1 }

/* Chart.yaml as Helm writes it into the archive: the known chart.Metadata
 * fields only, typed as Go's struct does (sigs.k8s.io/yaml), sanitized as
 * Metadata.Validate does, keys sorted.  version/app_version may be NULL.
 * Appends to out; errors carry Helm's text. */
int osmo_package_chartfile(osmo_buf *out, const osmo_chart *chart, const char *version,
			   const char *app_version, osmo_error *err);

/* chart.Metadata as Helm's loader builds it for a loaded chart: Chart.yaml
 * typed into the Go struct (unknown keys dropped, scalars stringified as
 * sigs.k8s.io/yaml does, strings sanitized), apiVersion defaulted to v1,
 * requirements.yaml's dependencies applied, then Metadata.Validate with
 * Helm's "validation: ..." texts.  The map lives in a. */
int osmo_package_metadata(osmo_value *out, osmo_arena *a, const osmo_chart *chart, osmo_error *err);

/* chartutil.LoadChartfile on Chart.yaml text: typed as above but neither
 * defaulted nor validated; errors are yaml.Unmarshal's bare text. */
int osmo_package_metadata_parse(osmo_value *out, osmo_arena *a, const char *text, size_t len,
				osmo_error *err);

/* The whole .tgz in memory (appended to out). */
int osmo_package_archive(osmo_buf *out, const osmo_chart *chart, const osmo_package_options *opts,
			 osmo_error *err);

/* Action.Package.Run for a loaded chart directory: checks (version semver,
 * dependencies present in charts/), then writes DEST/<name>-<version>.tgz
 * atomically (temp file + rename).  *path_out (malloc'd, caller frees) is
 * the path Helm prints: filepath.Join(dest, file), absolute when dest is
 * the current directory. */
int osmo_package_save(char **path_out, const osmo_chart *chart, const osmo_package_options *opts,
		      osmo_error *err);

/* Masterminds semver/v3 NewVersion: 0 when valid, else OSMO_EPARSE with
 * the library's message ("Invalid Semantic Version", ...) in err. */
int osmo_package_semver_check(const char *v, osmo_error *err);

#endif
