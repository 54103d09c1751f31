/* tpl.h - Go text/template as Helm 3.17 runs it.
 *
 * One osmo_tpl_set is Helm's shared template set (template.New("gotpl")
 * with missingkey=zero): every chart file is parsed into it under its full
 * path, its {{define}}s become set-wide named templates, and any template
 * can then be executed.  Parsed trees are kept (never re-parsed); the set
 * owns them and releases them in osmo_tpl_set_free.
 *
 * Errors are reported in the exact text helm prints after "Error: ":
 *   parse:     parse error at (c/templates/x.yaml:3): function "foo" not defined
 *   execution: template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml"
 *              at <.Values.a.b>: nil pointer evaluating interface {}.b
 *   fail/required: execution error at (c/templates/x.yaml:2:4): msg
 */
#ifndef OSMO_TPL_H
#define OSMO_TPL_H

#include "osmo/value.h"

typedef struct osmo_tpl_set osmo_tpl_set;

osmo_tpl_set *osmo_tpl_set_new(void);
void osmo_tpl_set_free(osmo_tpl_set *s);
/* Helm's engine LintMode (helm lint): required and fail log an [INFO] line
 * to stderr and yield "" instead of failing. */
void osmo_tpl_set_set_lint_mode(osmo_tpl_set *s, bool lint);

/* Parse one file into the set under `name` (copied).  Its {{define}}s are
 * added; a later non-empty definition replaces an earlier one (Go's rule).
 * On failure the set is unchanged except that nothing of this file is
 * added, and err holds Helm's "parse error at (NAME:LINE): MSG". */
int osmo_tpl_set_parse(osmo_tpl_set *s, const char *name, const char *text, size_t len,
		       osmo_error *err);

/* True when `name` is a template in the set (a file or a define). */
bool osmo_tpl_set_has(const osmo_tpl_set *s, const char *name);

/* Execute template `name` with `data` as dot and $, appending to out.
 * Values the templates create live in `arena`.  The output is NOT
 * "<no value>"-stripped: the caller strips per file as Helm does.  On
 * failure out holds the partial output and err Helm's error text. */
int osmo_tpl_set_execute(osmo_tpl_set *s, osmo_arena *arena, const char *name, osmo_value data,
			 osmo_buf *out, osmo_error *err);

/* Go's raw error text of the last form (before Helm's reformatting) is
 * not exposed; these two helpers apply Helm's cleanupParseError and
 * cleanupExecError to a Go error string (exposed for tests and for the
 * CLI's own messages).  Results are malloc'd. */
char *osmo_tpl_helm_parse_error(const char *file, const char *goerr);
char *osmo_tpl_helm_exec_error(const char *file, const char *goerr);

#endif
