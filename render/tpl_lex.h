/* tpl_lex.h - Go text/template's lexer (parse/lex.go semantics): a pull
 * scanner producing the same items, positions, lines and error texts. */
#ifndef OSMO_TPL_LEX_H
#define OSMO_TPL_LEX_H

#include <stddef.h>

/* Same order as Go's itemType: keywords come after ITEM_KEYWORD. */
enum {
	ITEM_ERROR,
	ITEM_BOOL,
	ITEM_CHAR,
	ITEM_CHARCONST,
	ITEM_COMMENT,
	ITEM_COMPLEX,
	ITEM_ASSIGN,
	ITEM_DECLARE,
	ITEM_EOF,
	ITEM_FIELD,
	ITEM_IDENT,
	ITEM_LDELIM,
	ITEM_LPAREN,
	ITEM_NUMBER,
	ITEM_PIPE,
	ITEM_RAWSTRING,
	ITEM_RDELIM,
	ITEM_RPAREN,
	ITEM_SPACE,
	ITEM_STRING,
	ITEM_TEXT,
	ITEM_VARIABLE,
	ITEM_KEYWORD,
	ITEM_BLOCK,
	ITEM_BREAK,
	ITEM_CONTINUE,
	ITEM_DOT,
	ITEM_DEFINE,
	ITEM_ELSE,
	ITEM_END,
	ITEM_IF,
	ITEM_NIL,
	ITEM_RANGE,
	ITEM_TEMPLATE,
	ITEM_WITH
};

typedef struct osmo_tpl_item {
	int typ;
	size_t pos;      /* byte offset of the item in the input */
	const char *val; /* into the input, or the lexer's error text */
	size_t len;
	int line;        /* line at the start of the item */
} osmo_tpl_item;

typedef struct osmo_tpl_lexer {
	const char *input;
	size_t len;
	size_t pos, start;
	int line, start_line;
	int paren_depth;
	int at_eof;
	int inside_action;
	osmo_tpl_item item;
	char errbuf[160];
} osmo_tpl_lexer;

void osmo_tpl_lex_init(osmo_tpl_lexer *l, const char *input, size_t len);
osmo_tpl_item osmo_tpl_lex_next(osmo_tpl_lexer *l);

#endif
