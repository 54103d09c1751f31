/* regex_re2.h - the Go regexp/syntax -> PCRE2 translator behind Sprig's
 * regex functions (private to funcs_regex.c and regex_re2.c). */
#ifndef OSMO_REGEX_RE2_H
#define OSMO_REGEX_RE2_H

#include "osmo/buf.h"

#define MAX_NEST 1000   /* Go's maxHeight, approximated by group depth */
#define MAX_REPEAT 1000 /* Go's maxRepeat */

enum { F_FOLD = 1, F_MULTI = 2, F_DOTNL = 4, F_UNGREEDY = 8 };

typedef struct group {
	size_t out_start;  /* where the group's "(" was emitted */
	int flags;         /* flags to restore at ")" */
	long outer_maxw;   /* enclosing sequence's weight so far */
} group;

typedef struct re2x {
	const char *pat;
	size_t n;
	osmo_buf out;
	char *err; /* Go's error text, malloc'd */
	int flags;
	/* the last complete item of the current sequence (Go's stack top) */
	bool have_atom, atom_quant;
	size_t atom_start;
	long atom_w;  /* largest product of {n,m} counts inside the atom */
	long maxw;    /* largest weight in the current group so far */
	group *g;
	size_t ng, gcap;
	int ncap;
	char **names; /* [1..ncap]: capture names or NULL */
	size_t names_cap;
} re2x;

/* Translate x->pat (x->n bytes) into x->out, an explicit PCRE2 pattern.
 * Returns 0, or -1 with x->err holding Go's error text ("error parsing
 * regexp: ..."). x->names[1..ncap] get the capture names. */
int osmo_regex_re2_translate(re2x *x);

#endif
