/* chart_package_int.h - shared by chart_package.c (metadata, Chart.lock)
 * and chart_package_tar.c (archive, save). */
#ifndef OSMO_CHART_PACKAGE_INT_H
#define OSMO_CHART_PACKAGE_INT_H

#include "chart_int.h"

/* The chart file called name (as loaded, any directory), or NULL. */
const osmo_chart_file *chart_package_find(const osmo_chart *c, const char *name);

/* Chart.lock as yaml.Marshal(c.Lock) writes it; *present is false when the
 * chart has no lock (no file, or a null document). */
int chart_package_lock(osmo_buf *out, bool *present, osmo_arena *a, const osmo_chart *c,
		       osmo_error *err);

#endif
