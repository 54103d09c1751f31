/* template_output.h - --show-only and --output-dir for `template`. */
#ifndef OSMO_TEMPLATE_OUTPUT_H
#define OSMO_TEMPLATE_OUTPUT_H

#include "osmo/buf.h"

/* Keep the documents whose "# Source: <chart>/<path>" matches one of the
 * patterns (filepath.Match); Helm's "could not find template X in chart"
 * when a pattern matches nothing. */
int template_show_only(osmo_buf *out, const char *text, size_t len, const char *const *files,
		       size_t nfiles, osmo_error *err);
/* Write each document under dir/<source path>, printing "wrote PATH". */
int template_output_dir(const char *dir, const char *text, size_t len, osmo_error *err);

#endif
