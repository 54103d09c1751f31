/* tpl_parse_lit.h - literal decoding shared by the parser and executor. */
#ifndef OSMO_TPL_PARSE_LIT_H
#define OSMO_TPL_PARSE_LIT_H

#include <stdio.h>

#include "tpl_parse.h"

/* strconv.UnquoteChar: 0 and the rune/width used, or -1 (invalid syntax). */
int osmo_tpl_lit_unquote_char(const char *s, size_t n, char quote, int *rune, bool *multibyte,
			      size_t *used);
/* parse.newNumber: fills the NUMBER node's is_* flags and values, or
 * returns -1 with Go's message in errbuf. */
int osmo_tpl_lit_number(osmo_tpl_node *nd, const char *text, size_t n, bool is_char, bool is_complex,
			char *errbuf, size_t errlen);

#endif
