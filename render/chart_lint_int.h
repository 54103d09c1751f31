/* chart_lint_int.h - the rendering half of `helm lint` (chart_lint_render.c)
 * as used by the rules in chart_lint.c. */
#ifndef OSMO_CHART_LINT_INT_H
#define OSMO_CHART_LINT_INT_H

#include "osmo/lint.h"

#include "osmo/chart.h"

/* One rendered template (engine.Render's map entry). */
typedef struct lint_rendered {
	const char *name; /* "<chart>/templates/x.yaml" */
	const char *text; /* "<no value>"-stripped, NUL-terminated */
	size_t len;
} lint_rendered;

typedef struct lint_render_out {
	lint_rendered *v;
	size_t len;
	bool skipped; /* dependencies/values failed: Helm stops silently */
} lint_render_out;

/* Helm's lint render: release "test-release" in ns, dependencies processed,
 * values coalesced, every template executed.  Everything lives in a.
 * Returns 0 (out->skipped may be set) or an error with Helm's text. */
int chart_lint_render(lint_render_out *out, osmo_arena *a, const osmo_chart *chart,
		      osmo_value user_values, const osmo_lint_options *opts, osmo_error *err);

#endif
