/* tpl_node.h - the template AST (Go's parse.Node family).  Nodes live in
 * an arena; positions are byte offsets into their tree's source text, and
 * String() renderings match Go's (they appear in error messages). */
#ifndef OSMO_TPL_NODE_H
#define OSMO_TPL_NODE_H

#include "osmo/funcs.h"

enum {
	NODE_TEXT,
	NODE_ACTION,
	NODE_BOOL,
	NODE_CHAIN,
	NODE_COMMAND,
	NODE_DOT,
	NODE_FIELD,
	NODE_IDENT,
	NODE_IF,
	NODE_LIST,
	NODE_NIL,
	NODE_NUMBER,
	NODE_PIPE,
	NODE_RANGE,
	NODE_STRING,
	NODE_TEMPLATE,
	NODE_VARIABLE,
	NODE_WITH,
	NODE_COMMENT,
	NODE_BREAK,
	NODE_CONTINUE,
	NODE_END, /* parser-internal */
	NODE_ELSE /* parser-internal */
};

typedef struct osmo_tpl_tree osmo_tpl_tree;
typedef struct osmo_tpl_node osmo_tpl_node;

/* One parsed template (a file or a {{define}}). */
struct osmo_tpl_tree {
	const char *name;       /* template name */
	const char *parse_name; /* file it was parsed from (error locations) */
	const char *text;       /* whole source of that file */
	size_t text_len;
	osmo_tpl_node *root;    /* NODE_LIST */
};

typedef struct osmo_tpl_str {
	const char *ptr;
	size_t len;
} osmo_tpl_str;

/* Signature of a resolved function, parsed once from its sig string. */
typedef struct osmo_tpl_sig {
	char params[16]; /* parameter letters, variadic one last */
	int nparams;
	bool variadic;
} osmo_tpl_sig;

struct osmo_tpl_node {
	uint8_t type;
	bool is_assign; /* PIPE: "=" rather than ":=" */
	uint32_t pos;
	int line;
	osmo_tpl_tree *tree;
	/* TEXT / STRING (text=unquoted, quoted=original) / NUMBER (text) /
	 * IDENT (text) / TEMPLATE (text=name) / COMMENT */
	osmo_tpl_str text, quoted;
	/* FIELD, VARIABLE, CHAIN: identifiers (VARIABLE's first is "$x") */
	osmo_tpl_str *idents;
	int nidents;
	/* LIST nodes, COMMAND args, PIPE cmds */
	osmo_tpl_node **kids;
	int nkids, capkids;
	/* PIPE declarations (VARIABLE nodes) */
	osmo_tpl_node **decl;
	int ndecl;
	/* ACTION/IF/RANGE/WITH/TEMPLATE pipe; CHAIN's base node */
	osmo_tpl_node *pipe;
	osmo_tpl_node *list, *else_list; /* IF/RANGE/WITH */
	/* BOOL */
	bool b;
	/* NUMBER */
	bool is_int, is_uint, is_float, is_complex;
	int64_t i64;
	uint64_t u64;
	double f64;
	double c_re, c_im; /* complex constants */
	/* IDENT: resolved function */
	const osmo_func_def *fn;
	osmo_tpl_sig sig;
};

osmo_tpl_node *osmo_tpl_node_new(osmo_arena *a, osmo_tpl_tree *t, int type, size_t pos);
void osmo_tpl_node_append(osmo_arena *a, osmo_tpl_node *n, osmo_tpl_node *kid);
void osmo_tpl_node_add_ident(osmo_arena *a, osmo_tpl_node *n, const char *s, size_t len);
/* Go's Node.String(). Appends to b. */
void osmo_tpl_node_write(osmo_buf *b, const osmo_tpl_node *n);
/* parse.IsEmptyTree */
bool osmo_tpl_node_is_empty(const osmo_tpl_node *n);
void osmo_tpl_sig_parse(osmo_tpl_sig *sig, const char *s);

#endif
