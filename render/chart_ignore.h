/* chart_ignore.h - .helmignore rules (Helm's pkg/ignore) and Go's
 * path/filepath.Match, private to the chart loader. */
#ifndef OSMO_CHART_IGNORE_H
#define OSMO_CHART_IGNORE_H

#include "osmo/common.h"

typedef struct chart_ignore chart_ignore;

/* Parse .helmignore text (NULL for none) and add Helm's default rule
 * "templates/.?*".  Errors use Helm's wording. */
int chart_ignore_parse(chart_ignore **out, const char *text, size_t len, osmo_error *err);
void chart_ignore_free(chart_ignore *r);
/* path is relative to the chart root with '/' separators. */
bool chart_ignore_match(const chart_ignore *r, const char *path, bool is_dir);

/* Go's filepath.Match on '/' paths: 1 match, 0 no match, -1 bad pattern. */
int chart_glob_match(const char *pattern, const char *name);

#endif
