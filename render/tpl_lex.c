/* tpl_lex.c - Go text/template lexer.  Mirrors parse/lex.go (Go 1.23)
 * state by state, because parse errors quote item lines and texts and
 * whitespace trimming is defined here. */
#include "tpl_lex.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define EOFR (-1)

typedef enum {
	S_DONE,
	S_TEXT,
	S_LDELIM,
	S_COMMENT,
	S_RDELIM,
	S_INSIDE,
	S_SPACE,
	S_IDENT,
	S_FIELD,
	S_VARIABLE,
	S_CHAR,
	S_NUMBER,
	S_QUOTE,
	S_RAWQUOTE
} lstate;

static int decode(const char *s, size_t n, int *w)
{
	const unsigned char *p = (const unsigned char *)s;
	if (n == 0) {
		*w = 0;
		return EOFR;
	}
	if (p[0] < 0x80) {
		*w = 1;
		return p[0];
	}
	int need, r;
	if ((p[0] & 0xE0) == 0xC0) {
		need = 1, r = p[0] & 0x1F;
	} else if ((p[0] & 0xF0) == 0xE0) {
		need = 2, r = p[0] & 0x0F;
	} else if ((p[0] & 0xF8) == 0xF0) {
		need = 3, r = p[0] & 0x07;
	} else {
		*w = 1;
		return 0xFFFD;
	}
	if ((size_t)need >= n) {
		*w = 1;
		return 0xFFFD;
	}
	for (int i = 1; i <= need; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*w = 1;
			return 0xFFFD;
		}
		r = (r << 6) | (p[i] & 0x3F);
	}
	if ((need == 1 && r < 0x80) || (need == 2 && r < 0x800) || (need == 3 && r < 0x10000) ||
	    r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) {
		*w = 1;
		return 0xFFFD;
	}
	*w = need + 1;
	return r;
}

static int is_space(int r)
{
	return r == ' ' || r == '\t' || r == '\r' || r == '\n';
}

/* unicode.IsLetter/IsDigit approximated for non-ASCII: identifiers with
 * non-ASCII letters are rare in charts; treat every valid rune as one. */
static int is_alnum(int r)
{
	if (r == '_' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'))
		return 1;
	return r >= 0x80 && r != 0xFFFD;
}

static int lnext(osmo_tpl_lexer *l)
{
	if (l->pos >= l->len) {
		l->at_eof = 1;
		return EOFR;
	}
	int w;
	int r = decode(l->input + l->pos, l->len - l->pos, &w);
	l->pos += (size_t)w;
	if (r == '\n')
		l->line++;
	return r;
}

static void lbackup(osmo_tpl_lexer *l)
{
	if (!l->at_eof && l->pos > 0) {
		/* step back over one UTF-8 sequence */
		size_t p = l->pos - 1;
		size_t lim = l->pos >= 4 ? l->pos - 4 : 0;
		while (p > lim && ((unsigned char)l->input[p] & 0xC0) == 0x80)
			p--;
		int w;
		int r = decode(l->input + p, l->pos - p, &w);
		if ((size_t)w != l->pos - p) {
			p = l->pos - 1;
			r = (unsigned char)l->input[p] < 0x80 ? l->input[p] : 0xFFFD;
		}
		l->pos = p;
		if (r == '\n')
			l->line--;
	}
}

static int lpeek(osmo_tpl_lexer *l)
{
	int r = lnext(l);
	lbackup(l);
	return r;
}

static int count_nl(const char *s, size_t n)
{
	int c = 0;
	for (size_t i = 0; i < n; i++)
		c += s[i] == '\n';
	return c;
}

static osmo_tpl_item this_item(osmo_tpl_lexer *l, int typ)
{
	osmo_tpl_item i = { typ, l->start, l->input + l->start, l->pos - l->start, l->start_line };
	l->start = l->pos;
	l->start_line = l->line;
	return i;
}

static lstate emit_item(osmo_tpl_lexer *l, osmo_tpl_item i)
{
	l->item = i;
	return S_DONE;
}

static lstate emit(osmo_tpl_lexer *l, int typ)
{
	return emit_item(l, this_item(l, typ));
}

static void ignore(osmo_tpl_lexer *l)
{
	l->line += count_nl(l->input + l->start, l->pos - l->start);
	l->start = l->pos;
	l->start_line = l->line;
}

static int accept(osmo_tpl_lexer *l, const char *valid)
{
	int r = lnext(l);
	if (r != EOFR && r < 0x80 && r != 0 && strchr(valid, r))
		return 1;
	lbackup(l);
	return 0;
}

static void accept_run(osmo_tpl_lexer *l, const char *valid)
{
	for (;;) {
		int r = lnext(l);
		if (r == EOFR || r >= 0x80 || r == 0 || !strchr(valid, r))
			break;
	}
	lbackup(l);
}

static lstate errorf(osmo_tpl_lexer *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static lstate errorf(osmo_tpl_lexer *l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(l->errbuf, sizeof(l->errbuf), fmt, ap);
	va_end(ap);
	osmo_tpl_item i = { ITEM_ERROR, l->start, l->errbuf, strlen(l->errbuf), l->start_line };
	l->item = i;
	l->start = 0;
	l->pos = 0;
	l->len = 0;
	return S_DONE;
}

/* %#U of a rune. */
static const char *fmt_U(char *b, size_t n, int r)
{
	if (r >= 0x20 && r < 0x7F)
		snprintf(b, n, "U+%04X '%c'", r, r);
	else if (r >= 0x80 && r != 0xFFFD)
		snprintf(b, n, "U+%04X", r); /* printable non-ASCII would show the rune; rare */
	else
		snprintf(b, n, "U+%04X", r < 0 ? 0xFFFD : r);
	return b;
}

static int has_left_trim(const char *s, size_t n)
{
	return n >= 2 && s[0] == '-' && is_space((unsigned char)s[1]);
}

static int has_right_trim(const char *s, size_t n)
{
	return n >= 2 && is_space((unsigned char)s[0]) && s[1] == '-';
}

static int has_prefix(const osmo_tpl_lexer *l, size_t at, const char *p)
{
	size_t n = strlen(p);
	return at <= l->len && l->len - at >= n && memcmp(l->input + at, p, n) == 0;
}

static void at_right_delim(const osmo_tpl_lexer *l, int *delim, int *trim)
{
	*delim = *trim = 0;
	if (has_right_trim(l->input + l->pos, l->len - l->pos) && has_prefix(l, l->pos + 2, "}}")) {
		*delim = *trim = 1;
		return;
	}
	if (has_prefix(l, l->pos, "}}"))
		*delim = 1;
}

static size_t left_trim_len(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && is_space((unsigned char)s[i]))
		i++;
	return i;
}

static size_t right_trim_len(const char *s, size_t n)
{
	size_t i = n;
	while (i > 0 && is_space((unsigned char)s[i - 1]))
		i--;
	return n - i;
}

static const char *find_ldelim(const char *s, size_t n)
{
	for (const char *p = s; (p = memchr(p, '{', n - (size_t)(p - s))) != NULL; p++) {
		if ((size_t)(p - s) + 1 < n && p[1] == '{')
			return p;
	}
	return NULL;
}

static lstate lex_text(osmo_tpl_lexer *l)
{
	const char *x = find_ldelim(l->input + l->pos, l->len - l->pos);
	if (x) {
		size_t off = (size_t)(x - (l->input + l->pos));
		if (off > 0) {
			l->pos += off;
			size_t trim = 0;
			size_t dend = l->pos + 2;
			if (has_left_trim(l->input + dend, l->len - dend))
				trim = right_trim_len(l->input + l->start, l->pos - l->start);
			l->pos -= trim;
			l->line += count_nl(l->input + l->start, l->pos - l->start);
			osmo_tpl_item i = this_item(l, ITEM_TEXT);
			l->pos += trim;
			ignore(l);
			if (i.len > 0)
				return emit_item(l, i);
		}
		return S_LDELIM;
	}
	l->pos = l->len;
	if (l->pos > l->start) {
		l->line += count_nl(l->input + l->start, l->pos - l->start);
		return emit(l, ITEM_TEXT);
	}
	return emit(l, ITEM_EOF);
}

static lstate lex_left_delim(osmo_tpl_lexer *l)
{
	l->pos += 2;
	int trim = has_left_trim(l->input + l->pos, l->len - l->pos);
	size_t after = trim ? 2 : 0;
	if (has_prefix(l, l->pos + after, "/*")) {
		l->pos += after;
		ignore(l);
		return S_COMMENT;
	}
	osmo_tpl_item i = this_item(l, ITEM_LDELIM);
	l->inside_action = 1;
	l->pos += after;
	ignore(l);
	l->paren_depth = 0;
	return emit_item(l, i);
}

static lstate lex_comment(osmo_tpl_lexer *l)
{
	l->pos += 2;
	const char *s = l->input + l->pos;
	size_t n = l->len - l->pos;
	const char *x = NULL;
	for (size_t i = 0; i + 1 < n; i++) {
		if (s[i] == '*' && s[i + 1] == '/') {
			x = s + i;
			break;
		}
	}
	if (!x)
		return errorf(l, "unclosed comment");
	l->pos += (size_t)(x - s) + 2;
	int delim, trim;
	at_right_delim(l, &delim, &trim);
	if (!delim)
		return errorf(l, "comment ends before closing delimiter");
	l->line += count_nl(l->input + l->start, l->pos - l->start);
	(void)this_item(l, ITEM_COMMENT);
	if (trim)
		l->pos += 2;
	l->pos += 2;
	if (trim)
		l->pos += left_trim_len(l->input + l->pos, l->len - l->pos);
	ignore(l);
	return S_TEXT; /* comments are not emitted (no ParseComments mode) */
}

static lstate lex_right_delim(osmo_tpl_lexer *l)
{
	int delim, trim;
	at_right_delim(l, &delim, &trim);
	if (trim) {
		l->pos += 2;
		ignore(l);
	}
	l->pos += 2;
	osmo_tpl_item i = this_item(l, ITEM_RDELIM);
	if (trim) {
		l->pos += left_trim_len(l->input + l->pos, l->len - l->pos);
		ignore(l);
	}
	l->inside_action = 0;
	return emit_item(l, i);
}

static lstate lex_inside(osmo_tpl_lexer *l)
{
	int delim, trim;
	char ub[32];
	at_right_delim(l, &delim, &trim);
	if (delim) {
		if (l->paren_depth == 0)
			return S_RDELIM;
		return errorf(l, "unclosed left paren");
	}
	int r = lnext(l);
	if (r == EOFR)
		return errorf(l, "unclosed action");
	if (is_space(r)) {
		lbackup(l);
		return S_SPACE;
	}
	switch (r) {
	case '=':
		return emit(l, ITEM_ASSIGN);
	case ':':
		if (lnext(l) != '=')
			return errorf(l, "expected :=");
		return emit(l, ITEM_DECLARE);
	case '|':
		return emit(l, ITEM_PIPE);
	case '"':
		return S_QUOTE;
	case '`':
		return S_RAWQUOTE;
	case '$':
		return S_VARIABLE;
	case '\'':
		return S_CHAR;
	case '(':
		l->paren_depth++;
		return emit(l, ITEM_LPAREN);
	case ')':
		l->paren_depth--;
		if (l->paren_depth < 0)
			return errorf(l, "unexpected right paren");
		return emit(l, ITEM_RPAREN);
	case '.':
		if (l->pos < l->len) {
			char c = l->input[l->pos];
			if (c < '0' || c > '9')
				return S_FIELD;
		}
		lbackup(l);
		return S_NUMBER;
	}
	if (r == '+' || r == '-' || (r >= '0' && r <= '9')) {
		lbackup(l);
		return S_NUMBER;
	}
	if (is_alnum(r)) {
		lbackup(l);
		return S_IDENT;
	}
	if (r < 0x7F && r >= 0x20)
		return emit(l, ITEM_CHAR);
	return errorf(l, "unrecognized character in action: %s", fmt_U(ub, sizeof ub, r));
}

static lstate lex_space(osmo_tpl_lexer *l)
{
	int n = 0;
	for (;;) {
		int r = lpeek(l);
		if (!is_space(r))
			break;
		lnext(l);
		n++;
	}
	if (has_right_trim(l->input + l->pos - 1, l->len - (l->pos - 1)) && has_prefix(l, l->pos - 1 + 2, "}}")) {
		lbackup(l);
		if (n == 1)
			return S_RDELIM;
	}
	return emit(l, ITEM_SPACE);
}

static int at_terminator(osmo_tpl_lexer *l)
{
	int r = lpeek(l);
	if (is_space(r))
		return 1;
	switch (r) {
	case EOFR:
	case '.':
	case ',':
	case '|':
	case ':':
	case ')':
	case '(':
		return 1;
	}
	return has_prefix(l, l->pos, "}}");
}

static const struct {
	const char *word;
	int typ;
} keywords[] = {
	{ ".", ITEM_DOT },	 { "block", ITEM_BLOCK },	{ "break", ITEM_BREAK },
	{ "continue", ITEM_CONTINUE }, { "define", ITEM_DEFINE }, { "else", ITEM_ELSE },
	{ "end", ITEM_END },	 { "if", ITEM_IF },		{ "range", ITEM_RANGE },
	{ "nil", ITEM_NIL },	 { "template", ITEM_TEMPLATE }, { "with", ITEM_WITH },
};

static lstate lex_ident(osmo_tpl_lexer *l)
{
	char ub[32];
	for (;;) {
		int r = lnext(l);
		if (is_alnum(r))
			continue;
		lbackup(l);
		const char *w = l->input + l->start;
		size_t wl = l->pos - l->start;
		if (!at_terminator(l))
			return errorf(l, "bad character %s", fmt_U(ub, sizeof ub, r));
		for (size_t k = 0; k < sizeof(keywords) / sizeof(keywords[0]); k++) {
			if (strlen(keywords[k].word) == wl && memcmp(keywords[k].word, w, wl) == 0)
				return emit(l, keywords[k].typ);
		}
		if (w[0] == '.')
			return emit(l, ITEM_FIELD);
		if ((wl == 4 && memcmp(w, "true", 4) == 0) || (wl == 5 && memcmp(w, "false", 5) == 0))
			return emit(l, ITEM_BOOL);
		return emit(l, ITEM_IDENT);
	}
}

static lstate lex_field_or_var(osmo_tpl_lexer *l, int typ)
{
	char ub[32];
	if (at_terminator(l))
		return emit(l, typ == ITEM_VARIABLE ? ITEM_VARIABLE : ITEM_DOT);
	int r;
	for (;;) {
		r = lnext(l);
		if (!is_alnum(r)) {
			lbackup(l);
			break;
		}
	}
	if (!at_terminator(l))
		return errorf(l, "bad character %s", fmt_U(ub, sizeof ub, r));
	return emit(l, typ);
}

static lstate lex_char(osmo_tpl_lexer *l)
{
	for (;;) {
		int r = lnext(l);
		if (r == '\\') {
			r = lnext(l);
			if (r != EOFR && r != '\n')
				continue;
			return errorf(l, "unterminated character constant");
		}
		if (r == EOFR || r == '\n')
			return errorf(l, "unterminated character constant");
		if (r == '\'')
			break;
	}
	return emit(l, ITEM_CHARCONST);
}

static int scan_number(osmo_tpl_lexer *l)
{
	accept(l, "+-");
	const char *digits = "0123456789_";
	if (accept(l, "0")) {
		if (accept(l, "xX"))
			digits = "0123456789abcdefABCDEF_";
		else if (accept(l, "oO"))
			digits = "01234567_";
		else if (accept(l, "bB"))
			digits = "01_";
	}
	accept_run(l, digits);
	if (accept(l, "."))
		accept_run(l, digits);
	if (strlen(digits) == 11 && accept(l, "eE")) {
		accept(l, "+-");
		accept_run(l, "0123456789_");
	}
	if (strlen(digits) == 23 && accept(l, "pP")) {
		accept(l, "+-");
		accept_run(l, "0123456789_");
	}
	accept(l, "i");
	if (is_alnum(lpeek(l))) {
		lnext(l);
		return 0;
	}
	return 1;
}

/* %q of the scanned text for "bad number syntax". */
static lstate bad_number(osmo_tpl_lexer *l)
{
	size_t n = l->pos - l->start;
	if (n > 100)
		n = 100;
	return errorf(l, "bad number syntax: \"%.*s\"", (int)n, l->input + l->start);
}

static lstate lex_number(osmo_tpl_lexer *l)
{
	if (!scan_number(l))
		return bad_number(l);
	int sign = lpeek(l);
	if (sign == '+' || sign == '-') {
		if (!scan_number(l) || l->input[l->pos - 1] != 'i')
			return bad_number(l);
		return emit(l, ITEM_COMPLEX);
	}
	return emit(l, ITEM_NUMBER);
}

static lstate lex_quote(osmo_tpl_lexer *l)
{
	for (;;) {
		int r = lnext(l);
		if (r == '\\') {
			r = lnext(l);
			if (r != EOFR && r != '\n')
				continue;
			return errorf(l, "unterminated quoted string");
		}
		if (r == EOFR || r == '\n')
			return errorf(l, "unterminated quoted string");
		if (r == '"')
			break;
	}
	return emit(l, ITEM_STRING);
}

static lstate lex_raw_quote(osmo_tpl_lexer *l)
{
	for (;;) {
		int r = lnext(l);
		if (r == EOFR)
			return errorf(l, "unterminated raw quoted string");
		if (r == '`')
			break;
	}
	return emit(l, ITEM_RAWSTRING);
}

void osmo_tpl_lex_init(osmo_tpl_lexer *l, const char *input, size_t len)
{
	memset(l, 0, sizeof(*l));
	l->input = input;
	l->len = len;
	l->line = l->start_line = 1;
}

osmo_tpl_item osmo_tpl_lex_next(osmo_tpl_lexer *l)
{
	osmo_tpl_item eof = { ITEM_EOF, l->pos, "EOF", 3, l->start_line };
	l->item = eof;
	lstate st = l->inside_action ? S_INSIDE : S_TEXT;
	while (st != S_DONE) {
		switch (st) {
		case S_TEXT: st = lex_text(l); break;
		case S_LDELIM: st = lex_left_delim(l); break;
		case S_COMMENT: st = lex_comment(l); break;
		case S_RDELIM: st = lex_right_delim(l); break;
		case S_INSIDE: st = lex_inside(l); break;
		case S_SPACE: st = lex_space(l); break;
		case S_IDENT: st = lex_ident(l); break;
		case S_FIELD: st = lex_field_or_var(l, ITEM_FIELD); break;
		case S_VARIABLE:
			st = at_terminator(l) ? emit(l, ITEM_VARIABLE) : lex_field_or_var(l, ITEM_VARIABLE);
			break;
		case S_CHAR: st = lex_char(l); break;
		case S_NUMBER: st = lex_number(l); break;
		case S_QUOTE: st = lex_quote(l); break;
		case S_RAWQUOTE: st = lex_raw_quote(l); break;
		case S_DONE: break;
		}
	}
	return l->item;
}
