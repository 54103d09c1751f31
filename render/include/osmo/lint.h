/* lint.h - `helm lint` (pkg/lint, Helm 3.17.2): the Chart.yaml, values.yaml,
 * templates and dependencies rules, producing Helm's messages in Helm's
 * order.  The caller prints them ("[SEVERITY] path: message").
 *
 * Ownership: a result owns its messages (its own arena); free it with
 * osmo_lint_result_free.
 */
#ifndef OSMO_LINT_H
#define OSMO_LINT_H

#include "osmo/release.h"
#include "osmo/value.h"

/* support.InfoSev / WarningSev / ErrorSev */
enum { OSMO_LINT_INFO = 1, OSMO_LINT_WARNING = 2, OSMO_LINT_ERROR = 3 };

typedef struct osmo_lint_message {
	int severity;
	const char *path; /* "Chart.yaml", "templates/x.yaml", the chart dir, ... */
	const char *text;
} osmo_lint_message;

typedef struct osmo_lint_result osmo_lint_result;

typedef struct osmo_lint_options {
	unsigned version;
	const char *ns;           /* .Release.Namespace; NULL = "default" */
	const char *kube_version; /* --kube-version; NULL = Helm's default */
	/* Schema checks, handed in by the caller (render/ has no validator):
	 * the values rule's ValidateAgainstSingleSchema on values.yaml with the
	 * overrides, and the render's values.schema.json check of the whole
	 * chart tree (same contract as osmo_release_options.validate_values).
	 * NULL skips them. */
	int (*check_schema)(const char *schema_json, size_t len, osmo_value values, osmo_error *err);
	int (*validate_values)(void *payload, const osmo_release_chart *charts, size_t n,
			       osmo_error *err);
	void *validate_payload;
} osmo_lint_options;

#define OSMO_LINT_OPTIONS_VERSION 1
#define OSMO_LINT_OPTIONS_INIT { OSMO_LINT_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL }

/* Lint the chart directory at path with the user's values (-f/--set merged;
 * may be null).  Returns 0 with *out set, or an error when the chart cannot
 * be linted at all (Helm's lintChart error, e.g. "unable to check
 * Chart.yaml file in chart: stat x/Chart.yaml: no such file or
 * directory"). */
int osmo_lint_chart(osmo_lint_result **out, const char *path, osmo_value user_values,
		    const osmo_lint_options *opts, osmo_error *err);

size_t osmo_lint_result_count(const osmo_lint_result *r);
const osmo_lint_message *osmo_lint_result_message(const osmo_lint_result *r, size_t i);
/* Messages at or above ERROR (WARNING when strict) make a chart fail. */
bool osmo_lint_result_failed(const osmo_lint_result *r, bool strict);
void osmo_lint_result_free(osmo_lint_result *r);

#endif
