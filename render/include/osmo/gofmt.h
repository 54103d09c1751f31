/* gofmt.h - Go's fmt package on osmo_value: Sprint/Sprintln/Sprintf with
 * every verb and flag, and the %!verb(type=value) error rendering. */
#ifndef OSMO_GOFMT_H
#define OSMO_GOFMT_H

#include "osmo/value.h"

/* fmt %v of one operand: nil -> <nil>, maps map[k:v] sorted, lists [a b],
 * []byte [104 105], floats %v ('g' shortest, exponent when exp < -4 ||
 * exp >= 21), objects via cls->print.  Appends to b. */
void osmo_gofmt_value(osmo_buf *b, osmo_value v);
/* fmt.Sprint: space between operands when neither is a string. */
void osmo_gofmt_sprint(osmo_buf *b, int argc, const osmo_value *argv);
/* fmt.Sprintln: always spaces, trailing newline. */
void osmo_gofmt_sprintln(osmo_buf *b, int argc, const osmo_value *argv);
/* fmt.Sprintf, all verbs/flags; bad verbs/args rendered inline like Go:
 * %!d(string=x), %!(EXTRA ...), %!v(MISSING). */
void osmo_gofmt_sprintf(osmo_buf *b, const char *format, size_t flen, int argc,
			const osmo_value *argv);

/* A complex128 value (template complex constants), printed as Go does. */
osmo_value osmo_complex_new(osmo_arena *a, double re, double im);

#endif
