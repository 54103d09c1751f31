/* values.h - Helm's values pipeline: -f files merged left to right, then
 * --set-json/--set/--set-string/--set-file/--set-literal (pkg/strvals), then
 * CoalesceValues over the chart's values.yaml. */
#ifndef OSMO_VALUES_H
#define OSMO_VALUES_H

#include "osmo/value.h"

/* Recursive map merge of -f files: later wins, nulls kept (mergeMaps). */
void osmo_values_merge(osmo_arena *a, osmo_value *dst, osmo_value src);

/* CoalesceValues: user values win, maps merge, a user null deletes the key
 * and its default.  *out is a new map (inputs untouched). */
int osmo_values_coalesce(osmo_value *out, osmo_arena *a, osmo_value chart_values,
			 osmo_value user_values, osmo_error *err);

/* The --set family (pkg/strvals): apply one "a.b[0]=x,c=y" expression to
 * the map *dst.  kind: 's' --set (typed: bools, null, int64), 'S'
 * --set-string, 'j' --set-json, 'l' --set-literal (whole value literal),
 * 'f' --set-file (value is a path whose content becomes the string). */
int osmo_values_parse_set(osmo_arena *a, osmo_value *dst, const char *expr, char kind,
			  osmo_error *err);

#endif
