/* numfmt.h - Go's strconv: number formatting/parsing and string quoting,
 * byte-exact with Go (shortest round-trip floats, Go escape rules). */
#ifndef OSMO_NUMFMT_H
#define OSMO_NUMFMT_H

#include "osmo/buf.h"

/* strconv.FormatFloat(f, fmt, prec, 64); fmt in 'e','E','f','g','G'
 * ('b','x','X' also accepted); prec -1 = shortest round-trip. Appends. */
void osmo_numfmt_float(osmo_buf *b, double f, char fmt, int prec);
/* strconv.FormatInt / FormatUint, base 2..36 (lower-case digits). */
void osmo_numfmt_int(osmo_buf *b, int64_t i, int base);
void osmo_numfmt_uint(osmo_buf *b, uint64_t u, int base);
/* strconv.Quote (Go escapes, \u/\U for non-printables, invalid UTF-8 as \x). */
void osmo_numfmt_quote(osmo_buf *b, const char *s, size_t n);
/* strconv.QuoteToASCII (for %+q). */
void osmo_numfmt_quote_ascii(osmo_buf *b, const char *s, size_t n);
/* strconv.QuoteRune / QuoteRuneToASCII. */
void osmo_numfmt_quote_rune(osmo_buf *b, int32_t r);
void osmo_numfmt_quote_rune_ascii(osmo_buf *b, int32_t r);
/* strconv.CanBackquote. */
bool osmo_numfmt_can_backquote(const char *s, size_t n);
/* strconv.ParseInt(s, base, 64): base 0 = Go literal prefixes + '_'.
 * Returns 0, OSMO_EPARSE (syntax) or OSMO_ELIMIT (range; *out is clamped
 * like Go). */
int osmo_numfmt_parse_int(int64_t *out, const char *s, size_t n, int base);
/* strconv.ParseUint(s, base, 64). */
int osmo_numfmt_parse_uint(uint64_t *out, const char *s, size_t n, int base);
/* strconv.ParseFloat(s, 64) incl. hex floats, '_' only where Go allows,
 * Inf/NaN words.  0, OSMO_EPARSE, or OSMO_ELIMIT (out = +-Inf). */
int osmo_numfmt_parse_float(double *out, const char *s, size_t n);

/* UTF-8 helpers shared with fmt (Go's utf8 rules: invalid byte -> U+FFFD,
 * width 1).  Returns the rune and stores its byte width in *w (>= 1). */
int32_t osmo_numfmt_decode_rune(const char *s, size_t n, int *w);
void osmo_numfmt_put_rune(osmo_buf *b, int32_t r); /* invalid -> U+FFFD */
bool osmo_numfmt_is_print(int32_t r);              /* strconv.IsPrint */

#endif
