/* release_int.h - the render tree: the charts that actually render for a
 * given set of values (dependencies resolved: aliases applied, disabled
 * charts removed, import-values merged), shared by release.c,
 * release_deps.c and values.c. */
#ifndef OSMO_RELEASE_INT_H
#define OSMO_RELEASE_INT_H

#include "chart_int.h"
#include "osmo/release.h"

typedef struct rnode {
	const osmo_chart *chart;
	const char *name;     /* alias or chart name */
	osmo_value metadata;  /* Chart.yaml map, name replaced by the alias */
	osmo_value values;    /* default values (import-values applied) */
	struct rnode **kids;
	size_t nkids;
	struct rnode *parent;
	const char *path;     /* ChartFullPath: root, root/charts/sub, ... */
} rnode;

/* ProcessDependenciesWithMerge: resolve which subcharts render. */
int release_deps_resolve(rnode **out, osmo_arena *a, const osmo_chart *c, osmo_value user_values,
			 osmo_error *err);

/* CoalesceValues over a render tree (user values win, subchart sections and
 * globals coalesced recursively).  merge=true keeps nulls (MergeValues). */
int release_coalesce(osmo_value *out, osmo_arena *a, const rnode *n, osmo_value user, bool merge,
		     osmo_error *err);

/* MergeTables(dst, src): src fills dst recursively, dst wins, nulls kept. */
void release_merge_tables(osmo_arena *a, osmo_value *dst, osmo_value src);

/* chartutil.IsCompatibleRange: version satisfies the semver constraint. */
bool release_semver_compatible(osmo_arena *a, const char *constraint, osmo_value version);

/* Run opts->validate_values (if any) over the tree and its values. */
int release_validate_values(osmo_arena *a, const rnode *root, osmo_value values,
			    const osmo_release_options *opts, osmo_error *err);

/* Helm's engine.Render over a resolved tree: builds .Release and
 * .Capabilities from opts (kubeVersion checked unless lint), parses every
 * template in Helm's order, executes the non-partial ones and hands each
 * "<no value>"-stripped result to cb (which may take the buffer's memory).
 * lint switches the engine to Helm's LintMode. */
typedef int (*release_file_cb)(void *payload, const char *name, osmo_buf *rendered,
			       osmo_error *err);
int release_render_files(osmo_arena *a, const rnode *root, osmo_value values,
			 const osmo_release_options *opts, bool lint, release_file_cb cb,
			 void *payload, osmo_error *err);

#endif
