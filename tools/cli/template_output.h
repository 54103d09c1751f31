/* template_output.h - --show-only and --output-dir for `template`. */
#ifndef OSMO_TEMPLATE_OUTPUT_H
#define OSMO_TEMPLATE_OUTPUT_H

#include "osmo/buf.h"

/* Keep the documents whose "# Source: <chart>/<path>" matches one of the
 * patterns (filepath.Match); Helm's "could not find template X in chart"
 * when a pattern matches nothing. */
int template_show_only(osmo_buf *out, const char *text, size_t len, const char *const *files,
		       size_t nfiles, osmo_error *err);
/* Write each document under dir/<source path> as helm template
 * --output-dir does (CRDs whole, manifests, then hooks; flags are
 * OSMO_RELEASE_PRINT_*), printing "wrote PATH" per document. */
#include "osmo/manifest.h"
int template_output_dir(const char *dir, const osmo_manifest_set *set, unsigned flags,
			osmo_error *err);

#endif
