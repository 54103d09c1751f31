/* tpl_parse.c - recursive-descent parser mirroring Go's parse/parse.go
 * (Go 1.23): the same three-token lookahead, the same error texts and the
 * same line bookkeeping, since Helm prints these messages verbatim.
 * Errors unwind with longjmp to osmo_tpl_parse; every allocation is in
 * the caller's arena, so nothing leaks when a parse is abandoned. */
#include "tpl_parse.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tpl_lex.h"
#include "tpl_parse_lit.h"

#define MAX_STACK_DEPTH 10000 /* Go's maxStackDepth for ( ) nesting */
#define MAX_NEST 3000         /* control nesting; C stack guard (Go has none) */

typedef struct pctx {
	osmo_arena *a;
	osmo_tpl_lexer *lex;
	osmo_tpl_treeset *ts;
	const char *parse_name;
	const char *text;
	size_t text_len;
	jmp_buf *jb;
	char **goerr;
	int nest;
} pctx;

typedef struct parser {
	pctx *c;
	osmo_tpl_tree *tree;
	osmo_tpl_item token[3];
	int peek_count;
	osmo_tpl_str *vars;
	int nvars, capvars;
	int action_line;
	int range_depth;
	int stack_depth;
} parser;

static osmo_tpl_node *parse_pipeline(parser *p, const char *context, int end);
static osmo_tpl_node *parse_if(parser *p);
static osmo_tpl_node *parse_with(parser *p);
static osmo_tpl_node *text_or_action(parser *p);

static _Noreturn void perrorf(parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static _Noreturn void perrorf(parser *p, const char *fmt, ...)
{
	osmo_buf b = OSMO_BUF_INIT;
	osmo_buf_printf(&b, "template: %s:%d: ", p->c->parse_name, p->token[0].line);
	va_list ap;
	va_start(ap, fmt);
	osmo_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	*p->c->goerr = osmo_buf_detach(&b);
	longjmp(*p->c->jb, 1);
}

/* Go's %q, enough for template source text. */
static void put_q(osmo_buf *b, const char *s, size_t n)
{
	osmo_buf_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': osmo_buf_puts(b, "\\\""); break;
		case '\\': osmo_buf_puts(b, "\\\\"); break;
		case '\n': osmo_buf_puts(b, "\\n"); break;
		case '\t': osmo_buf_puts(b, "\\t"); break;
		case '\r': osmo_buf_puts(b, "\\r"); break;
		default:
			if (c < 0x20 || c == 0x7f)
				osmo_buf_printf(b, "\\x%02x", c);
			else
				osmo_buf_putc(b, (char)c);
		}
	}
	osmo_buf_putc(b, '"');
}

/* item.String() */
static char *item_str(const osmo_tpl_item *it)
{
	osmo_buf b = OSMO_BUF_INIT;
	if (it->typ == ITEM_EOF) {
		osmo_buf_puts(&b, "EOF");
	} else if (it->typ == ITEM_ERROR) {
		osmo_buf_put(&b, it->val, it->len);
	} else if (it->typ > ITEM_KEYWORD) {
		osmo_buf_printf(&b, "<%.*s>", (int)it->len, it->val);
	} else {
		/* count runes: %.10q truncates to 10 runes */
		size_t runes = 0, cut = it->len;
		for (size_t i = 0; i < it->len; i++) {
			if (((unsigned char)it->val[i] & 0xC0) != 0x80) {
				if (runes == 10) {
					cut = i;
					break;
				}
				runes++;
			}
		}
		put_q(&b, it->val, cut);
		if (cut < it->len)
			osmo_buf_puts(&b, "...");
	}
	return osmo_buf_detach(&b);
}

static _Noreturn void unexpected(parser *p, const osmo_tpl_item *tok, const char *context)
{
	char *s = item_str(tok);
	char msg[512];
	if (tok->typ == ITEM_ERROR) {
		char extra[300] = "";
		if (p->action_line != 0 && p->action_line != tok->line) {
			bool act = tok->len >= 7 && memcmp(tok->val + tok->len - 7, " action", 7) == 0;
			snprintf(extra, sizeof extra, "%s started at %s:%d", act ? "" : " in action",
				 p->c->parse_name, p->action_line);
		}
		snprintf(msg, sizeof msg, "%s%s", s, extra);
	} else {
		snprintf(msg, sizeof msg, "unexpected %s in %s", s, context);
	}
	osmo_free(s);
	perrorf(p, "%s", msg);
}

static osmo_tpl_item pnext(parser *p)
{
	if (p->peek_count > 0)
		p->peek_count--;
	else
		p->token[0] = osmo_tpl_lex_next(p->c->lex);
	return p->token[p->peek_count];
}

static void pbackup(parser *p)
{
	p->peek_count++;
}

static void pbackup2(parser *p, osmo_tpl_item t1)
{
	p->token[1] = t1;
	p->peek_count = 2;
}

static void pbackup3(parser *p, osmo_tpl_item t2, osmo_tpl_item t1)
{
	p->token[1] = t1;
	p->token[2] = t2;
	p->peek_count = 3;
}

static osmo_tpl_item ppeek(parser *p)
{
	if (p->peek_count > 0)
		return p->token[p->peek_count - 1];
	p->peek_count = 1;
	p->token[0] = osmo_tpl_lex_next(p->c->lex);
	return p->token[0];
}

static osmo_tpl_item next_non_space(parser *p)
{
	osmo_tpl_item t;
	do
		t = pnext(p);
	while (t.typ == ITEM_SPACE);
	return t;
}

static osmo_tpl_item peek_non_space(parser *p)
{
	osmo_tpl_item t = next_non_space(p);
	pbackup(p);
	return t;
}

static osmo_tpl_item expect(parser *p, int typ, const char *context)
{
	osmo_tpl_item t = next_non_space(p);
	if (t.typ != typ)
		unexpected(p, &t, context);
	return t;
}

static void push_var(parser *p, const char *s, size_t n)
{
	if (p->nvars == p->capvars) {
		int nc = p->capvars ? p->capvars * 2 : 8;
		p->vars = osmo_arena_realloc(p->c->a, p->vars, sizeof(*p->vars) * (size_t)p->capvars,
					     sizeof(*p->vars) * (size_t)nc);
		p->capvars = nc;
	}
	p->vars[p->nvars].ptr = s;
	p->vars[p->nvars].len = n;
	p->nvars++;
}

static void start_parse(parser *p, pctx *c, osmo_tpl_tree *tree)
{
	memset(p, 0, sizeof(*p));
	p->c = c;
	p->tree = tree;
	push_var(p, "$", 1);
}

static osmo_tpl_tree *new_tree(pctx *c, const char *name)
{
	osmo_tpl_tree *t = osmo_arena_alloc(c->a, sizeof(*t));
	t->name = name;
	t->parse_name = c->parse_name;
	t->text = c->text;
	t->text_len = c->text_len;
	return t;
}

static osmo_tpl_node *new_node(parser *p, int type, size_t pos)
{
	return osmo_tpl_node_new(p->c->a, p->tree, type, pos);
}

/* Tree.add: install into this parse's tree set. */
static void tree_add(parser *p)
{
	osmo_tpl_treeset *ts = p->c->ts;
	for (int i = 0; i < ts->n; i++) {
		if (strcmp(ts->trees[i]->name, p->tree->name) == 0) {
			if (osmo_tpl_node_is_empty(ts->trees[i]->root)) {
				ts->trees[i] = p->tree;
				return;
			}
			if (!osmo_tpl_node_is_empty(p->tree->root)) {
				osmo_buf b = OSMO_BUF_INIT;
				osmo_tpl_str nm = { p->tree->name, strlen(p->tree->name) };
				put_q(&b, nm.ptr, nm.len);
				char *q = osmo_buf_detach(&b);
				char msg[1024];
				snprintf(msg, sizeof msg, "template: multiple definition of template %s", q);
				osmo_free(q);
				perrorf(p, "%s", msg);
			}
			return;
		}
	}
	if (ts->n == ts->cap) {
		int nc = ts->cap ? ts->cap * 2 : 8;
		ts->trees = osmo_arena_realloc(p->c->a, ts->trees, sizeof(*ts->trees) * (size_t)ts->cap,
					       sizeof(*ts->trees) * (size_t)nc);
		ts->cap = nc;
	}
	ts->trees[ts->n++] = p->tree;
}

/* itemList: textOrAction* up to {{end}} / {{else}} (returned in *next). */
static osmo_tpl_node *item_list(parser *p, osmo_tpl_node **next)
{
	osmo_tpl_node *list = new_node(p, NODE_LIST, peek_non_space(p).pos);
	while (peek_non_space(p).typ != ITEM_EOF) {
		osmo_tpl_node *n = text_or_action(p);
		if (n->type == NODE_END || n->type == NODE_ELSE) {
			*next = n;
			return list;
		}
		osmo_tpl_node_append(p->c->a, list, n);
	}
	perrorf(p, "unexpected EOF");
}

static void parse_definition(parser *p)
{
	const char *context = "define clause";
	osmo_tpl_item name = next_non_space(p);
	if (name.typ != ITEM_STRING && name.typ != ITEM_RAWSTRING)
		unexpected(p, &name, context);
	osmo_tpl_str s;
	if (!osmo_tpl_parse_unquote(p->c->a, name.val, name.len, &s))
		perrorf(p, "invalid syntax");
	p->tree->name = s.ptr;
	expect(p, ITEM_RDELIM, context);
	osmo_tpl_node *end = NULL;
	p->tree->root = item_list(p, &end);
	if (end->type != NODE_END) {
		osmo_buf b = OSMO_BUF_INIT;
		osmo_tpl_node_write(&b, end);
		char msg[64];
		snprintf(msg, sizeof msg, "%s", osmo_buf_cstr(&b));
		osmo_buf_dispose(&b);
		perrorf(p, "unexpected %s in %s", msg, context);
	}
	tree_add(p);
}

static void check_pipeline(parser *p, osmo_tpl_node *pipe, const char *context)
{
	if (pipe->nkids == 0)
		perrorf(p, "missing value for %s", context);
	for (int i = 1; i < pipe->nkids; i++) {
		switch (pipe->kids[i]->kids[0]->type) {
		case NODE_BOOL:
		case NODE_DOT:
		case NODE_NIL:
		case NODE_NUMBER:
		case NODE_STRING:
			perrorf(p, "non executable command in pipeline stage %d", i + 1);
		}
	}
}

static osmo_tpl_node *new_variable(parser *p, size_t pos, const char *s, size_t n)
{
	osmo_tpl_node *v = new_node(p, NODE_VARIABLE, pos);
	/* split "$x.a.b" on '.' */
	size_t st = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || s[i] == '.') {
			osmo_tpl_node_add_ident(p->c->a, v, s + st, i - st);
			st = i + 1;
		}
	}
	return v;
}

static osmo_tpl_node *new_field(parser *p, size_t pos, const char *s, size_t n)
{
	osmo_tpl_node *f = new_node(p, NODE_FIELD, pos);
	/* ".a.b" -> a, b */
	size_t st = 1;
	for (size_t i = 1; i <= n; i++) {
		if (i == n || s[i] == '.') {
			osmo_tpl_node_add_ident(p->c->a, f, s + st, i - st);
			st = i + 1;
		}
	}
	return f;
}

static osmo_tpl_node *use_var(parser *p, size_t pos, const char *s, size_t n)
{
	osmo_tpl_node *v = new_variable(p, pos, s, n);
	osmo_tpl_str id = v->idents[0];
	for (int i = 0; i < p->nvars; i++)
		if (p->vars[i].len == id.len && memcmp(p->vars[i].ptr, id.ptr, id.len) == 0)
			return v;
	perrorf(p, "undefined variable \"%.*s\"", (int)id.len, id.ptr);
}

static osmo_tpl_node *term(parser *p)
{
	osmo_tpl_item tok = next_non_space(p);
	osmo_tpl_node *n;
	char eb[256];
	switch (tok.typ) {
	case ITEM_IDENT: {
		const osmo_func_def *fn = osmo_funcs_find(tok.val, tok.len);
		if (!fn)
			perrorf(p, "function \"%.*s\" not defined", (int)tok.len, tok.val);
		n = new_node(p, NODE_IDENT, tok.pos);
		n->text.ptr = osmo_arena_strndup(p->c->a, tok.val, tok.len); /* NUL-terminated */
		n->text.len = tok.len;
		n->fn = fn;
		osmo_tpl_sig_parse(&n->sig, fn->sig ? fn->sig : "*a:a");
		return n;
	}
	case ITEM_DOT:
		return new_node(p, NODE_DOT, tok.pos);
	case ITEM_NIL:
		return new_node(p, NODE_NIL, tok.pos);
	case ITEM_VARIABLE:
		return use_var(p, tok.pos, tok.val, tok.len);
	case ITEM_FIELD:
		return new_field(p, tok.pos, tok.val, tok.len);
	case ITEM_BOOL:
		n = new_node(p, NODE_BOOL, tok.pos);
		n->b = tok.len == 4;
		return n;
	case ITEM_CHARCONST:
	case ITEM_COMPLEX:
	case ITEM_NUMBER:
		n = new_node(p, NODE_NUMBER, tok.pos);
		n->text.ptr = tok.val;
		n->text.len = tok.len;
		if (osmo_tpl_lit_number(n, tok.val, tok.len, tok.typ == ITEM_CHARCONST, tok.typ == ITEM_COMPLEX,
					eb, sizeof eb) < 0)
			perrorf(p, "%s", eb);
		return n;
	case ITEM_LPAREN: {
		if (p->stack_depth >= MAX_STACK_DEPTH || p->c->nest >= MAX_NEST)
			perrorf(p, "max expression depth exceeded");
		p->stack_depth++;
		p->c->nest++;
		n = parse_pipeline(p, "parenthesized pipeline", ITEM_RPAREN);
		p->c->nest--;
		p->stack_depth--;
		return n;
	}
	case ITEM_STRING:
	case ITEM_RAWSTRING:
		n = new_node(p, NODE_STRING, tok.pos);
		if (!osmo_tpl_parse_unquote(p->c->a, tok.val, tok.len, &n->text))
			perrorf(p, "invalid syntax");
		n->quoted.ptr = tok.val;
		n->quoted.len = tok.len;
		return n;
	}
	pbackup(p);
	return NULL;
}

static osmo_tpl_node *operand(parser *p)
{
	osmo_tpl_node *node = term(p);
	if (!node)
		return NULL;
	if (ppeek(p).typ == ITEM_FIELD) {
		osmo_tpl_node *chain = new_node(p, NODE_CHAIN, ppeek(p).pos);
		chain->pipe = node;
		while (ppeek(p).typ == ITEM_FIELD) {
			osmo_tpl_item f = pnext(p);
			osmo_tpl_node_add_ident(p->c->a, chain, f.val + 1, f.len - 1);
		}
		osmo_buf b = OSMO_BUF_INIT;
		switch (node->type) {
		case NODE_FIELD:
		case NODE_VARIABLE: {
			osmo_tpl_node_write(&b, chain);
			char *s = osmo_arena_strndup(p->c->a, b.ptr, b.len);
			size_t n = b.len;
			osmo_buf_dispose(&b);
			return node->type == NODE_FIELD ? new_field(p, chain->pos, s, n)
							: new_variable(p, chain->pos, s, n);
		}
		case NODE_BOOL:
		case NODE_STRING:
		case NODE_NUMBER:
		case NODE_NIL:
		case NODE_DOT: {
			osmo_tpl_node_write(&b, node);
			osmo_buf q = OSMO_BUF_INIT;
			put_q(&q, b.ptr, b.len);
			osmo_buf_dispose(&b);
			char msg[512];
			snprintf(msg, sizeof msg, "%s", osmo_buf_cstr(&q));
			osmo_buf_dispose(&q);
			perrorf(p, "unexpected . after term %s", msg);
		}
		default:
			return chain;
		}
	}
	return node;
}

static osmo_tpl_node *command(parser *p)
{
	osmo_tpl_node *cmd = new_node(p, NODE_COMMAND, peek_non_space(p).pos);
	for (;;) {
		peek_non_space(p);
		osmo_tpl_node *op = operand(p);
		if (op)
			osmo_tpl_node_append(p->c->a, cmd, op);
		osmo_tpl_item tok = pnext(p);
		if (tok.typ == ITEM_SPACE)
			continue;
		if (tok.typ == ITEM_RDELIM || tok.typ == ITEM_RPAREN)
			pbackup(p);
		else if (tok.typ != ITEM_PIPE)
			unexpected(p, &tok, "operand");
		break;
	}
	if (cmd->nkids == 0)
		perrorf(p, "empty command");
	return cmd;
}

static osmo_tpl_node *parse_pipeline(parser *p, const char *context, int end)
{
	osmo_tpl_item tok = peek_non_space(p);
	osmo_tpl_node *pipe = new_node(p, NODE_PIPE, tok.pos);
	pipe->line = tok.line;
decls:;
	osmo_tpl_item v = peek_non_space(p);
	if (v.typ == ITEM_VARIABLE) {
		pnext(p);
		osmo_tpl_item after = ppeek(p);
		osmo_tpl_item nx = peek_non_space(p);
		if (nx.typ == ITEM_ASSIGN || nx.typ == ITEM_DECLARE) {
			pipe->is_assign = nx.typ == ITEM_ASSIGN;
			next_non_space(p);
			osmo_tpl_node *var = new_variable(p, v.pos, v.val, v.len);
			pipe->decl = osmo_arena_realloc(p->c->a, pipe->decl, sizeof(*pipe->decl) * (size_t)pipe->ndecl,
							sizeof(*pipe->decl) * (size_t)(pipe->ndecl + 1));
			pipe->decl[pipe->ndecl++] = var;
			push_var(p, v.val, v.len);
		} else if (nx.typ == ITEM_CHAR && nx.len == 1 && nx.val[0] == ',') {
			next_non_space(p);
			osmo_tpl_node *var = new_variable(p, v.pos, v.val, v.len);
			pipe->decl = osmo_arena_realloc(p->c->a, pipe->decl, sizeof(*pipe->decl) * (size_t)pipe->ndecl,
							sizeof(*pipe->decl) * (size_t)(pipe->ndecl + 1));
			pipe->decl[pipe->ndecl++] = var;
			push_var(p, v.val, v.len);
			if (strcmp(context, "range") == 0 && pipe->ndecl < 2) {
				int t = peek_non_space(p).typ;
				if (t == ITEM_VARIABLE || t == ITEM_RDELIM || t == ITEM_RPAREN)
					goto decls;
				perrorf(p, "range can only initialize variables");
			}
			perrorf(p, "too many declarations in %s", context);
		} else if (after.typ == ITEM_SPACE) {
			pbackup3(p, v, after);
		} else {
			pbackup2(p, v);
		}
	}
	for (;;) {
		osmo_tpl_item t = next_non_space(p);
		if (t.typ == end) {
			check_pipeline(p, pipe, context);
			return pipe;
		}
		switch (t.typ) {
		case ITEM_BOOL:
		case ITEM_CHARCONST:
		case ITEM_COMPLEX:
		case ITEM_DOT:
		case ITEM_FIELD:
		case ITEM_IDENT:
		case ITEM_NUMBER:
		case ITEM_NIL:
		case ITEM_RAWSTRING:
		case ITEM_STRING:
		case ITEM_VARIABLE:
		case ITEM_LPAREN:
			pbackup(p);
			osmo_tpl_node_append(p->c->a, pipe, command(p));
			if (pipe->nkids > 100000)
				perrorf(p, "pipeline too long");
			break;
		default:
			unexpected(p, &t, context);
		}
	}
}

/* parseControl: returns the IF/RANGE/WITH node (type set by caller). */
static osmo_tpl_node *parse_control(parser *p, int type, const char *context)
{
	if (++p->c->nest > MAX_NEST)
		perrorf(p, "max expression depth exceeded");
	int saved = p->nvars;
	osmo_tpl_node *pipe = parse_pipeline(p, context, ITEM_RDELIM);
	if (type == NODE_RANGE)
		p->range_depth++;
	osmo_tpl_node *next = NULL;
	osmo_tpl_node *list = item_list(p, &next);
	if (type == NODE_RANGE)
		p->range_depth--;
	osmo_tpl_node *else_list = NULL;
	if (next->type == NODE_ELSE) {
		if (type == NODE_IF && ppeek(p).typ == ITEM_IF) {
			pnext(p);
			else_list = new_node(p, NODE_LIST, next->pos);
			osmo_tpl_node_append(p->c->a, else_list, parse_if(p));
		} else if (type == NODE_WITH && ppeek(p).typ == ITEM_WITH) {
			pnext(p);
			else_list = new_node(p, NODE_LIST, next->pos);
			osmo_tpl_node_append(p->c->a, else_list, parse_with(p));
		} else {
			else_list = item_list(p, &next);
			if (next->type != NODE_END) {
				osmo_buf b = OSMO_BUF_INIT;
				osmo_tpl_node_write(&b, next);
				char msg[64];
				snprintf(msg, sizeof msg, "%s", osmo_buf_cstr(&b));
				osmo_buf_dispose(&b);
				perrorf(p, "expected end; found %s", msg);
			}
		}
	}
	p->nvars = saved;
	p->c->nest--;
	osmo_tpl_node *n = new_node(p, type, pipe->pos);
	n->line = pipe->line;
	n->pipe = pipe;
	n->list = list;
	n->else_list = else_list;
	return n;
}

static osmo_tpl_node *parse_if(parser *p)
{
	return parse_control(p, NODE_IF, "if");
}

static osmo_tpl_node *parse_with(parser *p)
{
	return parse_control(p, NODE_WITH, "with");
}

static const char *template_name(parser *p, const osmo_tpl_item *tok, const char *context)
{
	if (tok->typ != ITEM_STRING && tok->typ != ITEM_RAWSTRING)
		unexpected(p, tok, context);
	osmo_tpl_str s;
	if (!osmo_tpl_parse_unquote(p->c->a, tok->val, tok->len, &s))
		perrorf(p, "invalid syntax");
	return s.ptr;
}

static osmo_tpl_node *new_template(parser *p, const osmo_tpl_item *tok, const char *name, osmo_tpl_node *pipe)
{
	osmo_tpl_node *n = new_node(p, NODE_TEMPLATE, tok->pos);
	n->line = tok->line;
	n->text.ptr = name;
	n->text.len = strlen(name);
	n->pipe = pipe;
	return n;
}

static osmo_tpl_node *block_control(parser *p)
{
	const char *context = "block clause";
	osmo_tpl_item tok = next_non_space(p);
	const char *name = template_name(p, &tok, context);
	osmo_tpl_node *pipe = parse_pipeline(p, context, ITEM_RDELIM);

	parser bp;
	start_parse(&bp, p->c, new_tree(p->c, name));
	osmo_tpl_node *end = NULL;
	bp.tree->root = item_list(&bp, &end);
	if (end->type != NODE_END) {
		osmo_buf b = OSMO_BUF_INIT;
		osmo_tpl_node_write(&b, end);
		char msg[64];
		snprintf(msg, sizeof msg, "%s", osmo_buf_cstr(&b));
		osmo_buf_dispose(&b);
		perrorf(p, "unexpected %s in %s", msg, context);
	}
	tree_add(&bp);
	return new_template(p, &tok, name, pipe);
}

static osmo_tpl_node *template_control(parser *p)
{
	const char *context = "template clause";
	osmo_tpl_item tok = next_non_space(p);
	const char *name = template_name(p, &tok, context);
	osmo_tpl_node *pipe = NULL;
	if (next_non_space(p).typ != ITEM_RDELIM) {
		pbackup(p);
		pipe = parse_pipeline(p, context, ITEM_RDELIM);
	}
	return new_template(p, &tok, name, pipe);
}

static osmo_tpl_node *action(parser *p)
{
	osmo_tpl_item tok = next_non_space(p);
	osmo_tpl_node *n;
	switch (tok.typ) {
	case ITEM_BLOCK:
		return block_control(p);
	case ITEM_BREAK:
	case ITEM_CONTINUE: {
		bool brk = tok.typ == ITEM_BREAK;
		osmo_tpl_item t = next_non_space(p);
		if (t.typ != ITEM_RDELIM)
			unexpected(p, &t, brk ? "{{break}}" : "{{continue}}");
		if (p->range_depth == 0)
			perrorf(p, brk ? "{{break}} outside {{range}}" : "{{continue}} outside {{range}}");
		n = new_node(p, brk ? NODE_BREAK : NODE_CONTINUE, tok.pos);
		n->line = tok.line;
		return n;
	}
	case ITEM_ELSE: {
		osmo_tpl_item pk = peek_non_space(p);
		if (pk.typ == ITEM_IF || pk.typ == ITEM_WITH) {
			n = new_node(p, NODE_ELSE, pk.pos);
			n->line = pk.line;
			return n;
		}
		osmo_tpl_item t = expect(p, ITEM_RDELIM, "else");
		n = new_node(p, NODE_ELSE, t.pos);
		n->line = t.line;
		return n;
	}
	case ITEM_END:
		return new_node(p, NODE_END, expect(p, ITEM_RDELIM, "end").pos);
	case ITEM_IF:
		return parse_if(p);
	case ITEM_RANGE:
		return parse_control(p, NODE_RANGE, "range");
	case ITEM_TEMPLATE:
		return template_control(p);
	case ITEM_WITH:
		return parse_with(p);
	}
	pbackup(p);
	osmo_tpl_item t = ppeek(p);
	n = new_node(p, NODE_ACTION, t.pos);
	n->line = t.line;
	n->pipe = parse_pipeline(p, "command", ITEM_RDELIM);
	return n;
}

static osmo_tpl_node *text_or_action(parser *p)
{
	osmo_tpl_item tok = next_non_space(p);
	switch (tok.typ) {
	case ITEM_TEXT: {
		osmo_tpl_node *n = new_node(p, NODE_TEXT, tok.pos);
		n->text.ptr = tok.val;
		n->text.len = tok.len;
		return n;
	}
	case ITEM_LDELIM: {
		p->action_line = tok.line;
		osmo_tpl_node *n = action(p);
		p->action_line = 0; /* Go's deferred clearActionLine */
		return n;
	}
	default:
		unexpected(p, &tok, "input");
	}
}

static void parse_top(parser *p)
{
	p->tree->root = new_node(p, NODE_LIST, ppeek(p).pos);
	while (ppeek(p).typ != ITEM_EOF) {
		if (ppeek(p).typ == ITEM_LDELIM) {
			osmo_tpl_item delim = pnext(p);
			if (next_non_space(p).typ == ITEM_DEFINE) {
				parser dp;
				start_parse(&dp, p->c, new_tree(p->c, "definition"));
				parse_definition(&dp);
				continue;
			}
			pbackup2(p, delim);
		}
		osmo_tpl_node *n = text_or_action(p);
		if (n->type == NODE_END || n->type == NODE_ELSE) {
			osmo_buf b = OSMO_BUF_INIT;
			osmo_tpl_node_write(&b, n);
			char msg[64];
			snprintf(msg, sizeof msg, "%s", osmo_buf_cstr(&b));
			osmo_buf_dispose(&b);
			perrorf(p, "unexpected %s", msg);
		}
		osmo_tpl_node_append(p->c->a, p->tree->root, n);
	}
}

int osmo_tpl_parse(osmo_tpl_treeset *out, osmo_arena *a, const char *name, const char *text,
		   size_t len, char **goerr)
{
	osmo_tpl_lexer lex;
	jmp_buf jb;
	pctx c;
	memset(&c, 0, sizeof c);
	memset(out, 0, sizeof(*out));
	*goerr = NULL;
	osmo_tpl_lex_init(&lex, text, len);
	c.a = a;
	c.lex = &lex;
	c.ts = out;
	c.parse_name = name;
	c.text = text;
	c.text_len = len;
	c.jb = &jb;
	c.goerr = goerr;
	parser p;
	start_parse(&p, &c, new_tree(&c, name));
	if (setjmp(jb) != 0) {
		memset(out, 0, sizeof(*out));
		return OSMO_EPARSE;
	}
	parse_top(&p);
	tree_add(&p);
	return 0;
}
