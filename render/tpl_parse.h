/* tpl_parse.h - Go text/template parser (parse/parse.go semantics). */
#ifndef OSMO_TPL_PARSE_H
#define OSMO_TPL_PARSE_H

#include "tpl_node.h"

/* The trees one parse produced (Go's treeSet): the file's own tree plus
 * one per {{define}}/{{block}}, in creation order. */
typedef struct osmo_tpl_treeset {
	osmo_tpl_tree **trees;
	int n, cap;
} osmo_tpl_treeset;

/* Parse `text` (which must outlive the trees) as template `name`.  All
 * nodes go in `a`.  On failure returns OSMO_EPARSE and *goerr is Go's
 * error text ("template: NAME:LINE: MSG"), malloc'd. */
int osmo_tpl_parse(osmo_tpl_treeset *out, osmo_arena *a, const char *name, const char *text,
		   size_t len, char **goerr);

/* strconv.Unquote for "..." and `...` literals; returns false on syntax
 * error.  Result in the arena. */
bool osmo_tpl_parse_unquote(osmo_arena *a, const char *s, size_t n, osmo_tpl_str *out);

#endif
