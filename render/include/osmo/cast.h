/* cast.h - spf13/cast v1.7.x conversions and Sprig's own helpers (strval,
 * strslice, toString), as Sprig v3.3.0 uses them.  Conversions never fail:
 * like cast.ToX (the E-less variants), bad input yields the zero value. */
#ifndef OSMO_CAST_H
#define OSMO_CAST_H

#include "osmo/value.h"

/* Sprig toInt64 = cast.ToInt64 (strings parsed base 0 after trimming a
 * ".0+" decimal part, floats truncated, bool 0/1, nil/invalid 0). */
int64_t osmo_cast_int64(osmo_value v);
int64_t osmo_cast_int(osmo_value v);     /* cast.ToInt */
double osmo_cast_float64(osmo_value v);  /* cast.ToFloat64 */
bool osmo_cast_bool(osmo_value v);       /* cast.ToBool */
/* Sprig strval(): string as is, []byte as string, error/Stringer, else
 * fmt %v.  Appends to b. */
void osmo_cast_strval(osmo_buf *b, osmo_value v);
/* Sprig strslice(): []string from a list (nil elements dropped),
 * string/other -> one-element list. */
osmo_value osmo_cast_strslice(osmo_arena *a, osmo_value v);
/* Sprig toString (= strval) as a string value. */
osmo_value osmo_cast_tostring(osmo_arena *a, osmo_value v);

#endif
