/* tpl_node.c - AST construction helpers and Go's Node.String() output. */
#include "tpl_node.h"

#include <string.h>

osmo_tpl_node *osmo_tpl_node_new(osmo_arena *a, osmo_tpl_tree *t, int type, size_t pos)
{
	osmo_tpl_node *n = osmo_arena_alloc(a, sizeof(*n));
	n->type = (uint8_t)type;
	n->pos = (uint32_t)pos;
	n->tree = t;
	return n;
}

void osmo_tpl_node_append(osmo_arena *a, osmo_tpl_node *n, osmo_tpl_node *kid)
{
	if (n->nkids == n->capkids) {
		int nc = n->capkids ? n->capkids * 2 : 4;
		n->kids = osmo_arena_realloc(a, n->kids, sizeof(*n->kids) * (size_t)n->capkids,
					     sizeof(*n->kids) * (size_t)nc);
		n->capkids = nc;
	}
	n->kids[n->nkids++] = kid;
}

void osmo_tpl_node_add_ident(osmo_arena *a, osmo_tpl_node *n, const char *s, size_t len)
{
	/* idents arrays are small; grow by one (old block stays in the arena) */
	osmo_tpl_str *ni = osmo_arena_alloc(a, sizeof(*ni) * (size_t)(n->nidents + 1));
	if (n->nidents)
		memcpy(ni, n->idents, sizeof(*ni) * (size_t)n->nidents);
	ni[n->nidents].ptr = osmo_arena_strndup(a, s, len); /* NUL-terminated for callbacks */
	ni[n->nidents].len = len;
	n->idents = ni;
	n->nidents++;
}

static void write_pipe(osmo_buf *b, const osmo_tpl_node *p)
{
	if (p->ndecl > 0) {
		for (int i = 0; i < p->ndecl; i++) {
			if (i > 0)
				osmo_buf_puts(b, ", ");
			osmo_tpl_node_write(b, p->decl[i]);
		}
		osmo_buf_puts(b, p->is_assign ? " = " : " := ");
	}
	for (int i = 0; i < p->nkids; i++) {
		if (i > 0)
			osmo_buf_puts(b, " | ");
		osmo_tpl_node_write(b, p->kids[i]);
	}
}

static void write_branch(osmo_buf *b, const osmo_tpl_node *n, const char *name)
{
	osmo_buf_puts(b, "{{");
	osmo_buf_puts(b, name);
	osmo_buf_putc(b, ' ');
	write_pipe(b, n->pipe);
	osmo_buf_puts(b, "}}");
	osmo_tpl_node_write(b, n->list);
	if (n->else_list) {
		osmo_buf_puts(b, "{{else}}");
		osmo_tpl_node_write(b, n->else_list);
	}
	osmo_buf_puts(b, "{{end}}");
}

static void put_quoted_name(osmo_buf *b, osmo_tpl_str s)
{
	/* %q of a template name: names are normally plain; escape the basics */
	osmo_buf_putc(b, '"');
	for (size_t i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.ptr[i];
		if (c == '"' || c == '\\') {
			osmo_buf_putc(b, '\\');
			osmo_buf_putc(b, (char)c);
		} else if (c == '\n') {
			osmo_buf_puts(b, "\\n");
		} else if (c == '\t') {
			osmo_buf_puts(b, "\\t");
		} else if (c < 0x20 || c == 0x7f) {
			osmo_buf_printf(b, "\\x%02x", c);
		} else {
			osmo_buf_putc(b, (char)c);
		}
	}
	osmo_buf_putc(b, '"');
}

void osmo_tpl_node_write(osmo_buf *b, const osmo_tpl_node *n)
{
	switch (n->type) {
	case NODE_TEXT:
		osmo_buf_put(b, n->text.ptr, n->text.len);
		break;
	case NODE_COMMENT:
		osmo_buf_puts(b, "{{");
		osmo_buf_put(b, n->text.ptr, n->text.len);
		osmo_buf_puts(b, "}}");
		break;
	case NODE_ACTION:
		osmo_buf_puts(b, "{{");
		write_pipe(b, n->pipe);
		osmo_buf_puts(b, "}}");
		break;
	case NODE_BOOL:
		osmo_buf_puts(b, n->b ? "true" : "false");
		break;
	case NODE_CHAIN:
		if (n->pipe->type == NODE_PIPE) {
			osmo_buf_putc(b, '(');
			write_pipe(b, n->pipe);
			osmo_buf_putc(b, ')');
		} else {
			osmo_tpl_node_write(b, n->pipe);
		}
		for (int i = 0; i < n->nidents; i++) {
			osmo_buf_putc(b, '.');
			osmo_buf_put(b, n->idents[i].ptr, n->idents[i].len);
		}
		break;
	case NODE_COMMAND:
		for (int i = 0; i < n->nkids; i++) {
			if (i > 0)
				osmo_buf_putc(b, ' ');
			if (n->kids[i]->type == NODE_PIPE) {
				osmo_buf_putc(b, '(');
				write_pipe(b, n->kids[i]);
				osmo_buf_putc(b, ')');
			} else {
				osmo_tpl_node_write(b, n->kids[i]);
			}
		}
		break;
	case NODE_DOT:
		osmo_buf_putc(b, '.');
		break;
	case NODE_FIELD:
		for (int i = 0; i < n->nidents; i++) {
			osmo_buf_putc(b, '.');
			osmo_buf_put(b, n->idents[i].ptr, n->idents[i].len);
		}
		break;
	case NODE_VARIABLE:
		for (int i = 0; i < n->nidents; i++) {
			if (i > 0)
				osmo_buf_putc(b, '.');
			osmo_buf_put(b, n->idents[i].ptr, n->idents[i].len);
		}
		break;
	case NODE_IDENT:
	case NODE_NUMBER:
		osmo_buf_put(b, n->text.ptr, n->text.len);
		break;
	case NODE_STRING:
		osmo_buf_put(b, n->quoted.ptr, n->quoted.len);
		break;
	case NODE_NIL:
		osmo_buf_puts(b, "nil");
		break;
	case NODE_LIST:
		for (int i = 0; i < n->nkids; i++)
			osmo_tpl_node_write(b, n->kids[i]);
		break;
	case NODE_PIPE:
		write_pipe(b, n);
		break;
	case NODE_IF:
		write_branch(b, n, "if");
		break;
	case NODE_RANGE:
		write_branch(b, n, "range");
		break;
	case NODE_WITH:
		write_branch(b, n, "with");
		break;
	case NODE_TEMPLATE:
		osmo_buf_puts(b, "{{template ");
		put_quoted_name(b, n->text);
		if (n->pipe) {
			osmo_buf_putc(b, ' ');
			write_pipe(b, n->pipe);
		}
		osmo_buf_puts(b, "}}");
		break;
	case NODE_BREAK:
		osmo_buf_puts(b, "{{break}}");
		break;
	case NODE_CONTINUE:
		osmo_buf_puts(b, "{{continue}}");
		break;
	case NODE_END:
		osmo_buf_puts(b, "{{end}}");
		break;
	case NODE_ELSE:
		osmo_buf_puts(b, "{{else}}");
		break;
	}
}

static bool is_space_only(const char *s, size_t n)
{
	/* bytes.TrimSpace: ASCII space plus Unicode spaces (NBSP etc. ignored here) */
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f')
			return false;
	}
	return true;
}

bool osmo_tpl_node_is_empty(const osmo_tpl_node *n)
{
	if (!n)
		return true;
	switch (n->type) {
	case NODE_COMMENT:
		return true;
	case NODE_LIST:
		for (int i = 0; i < n->nkids; i++)
			if (!osmo_tpl_node_is_empty(n->kids[i]))
				return false;
		return true;
	case NODE_TEXT:
		return is_space_only(n->text.ptr, n->text.len);
	default:
		return false;
	}
}

void osmo_tpl_sig_parse(osmo_tpl_sig *sig, const char *s)
{
	memset(sig, 0, sizeof(*sig));
	for (; *s && *s != ':'; s++) {
		if (*s == '*') {
			sig->variadic = true;
			continue;
		}
		if (sig->nparams < (int)sizeof(sig->params) - 1)
			sig->params[sig->nparams++] = *s;
	}
}
