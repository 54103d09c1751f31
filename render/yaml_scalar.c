/* yaml_scalar.c - emitter core of go-yaml (itself a port of libyaml's
 * emitter.c): indentation bookkeeping, scalar analysis and the plain,
 * single-quoted, double-quoted and literal writers with their 80-column
 * folding.  Columns count characters, not bytes, as the emitter does. */
#include "yaml_emit.h"

#include <string.h>

/* ---- byte-class predicates (yamlprivateh.go) ------------------------------ */

static int width(unsigned char c)
{
	if ((c & 0x80) == 0)
		return 1;
	if ((c & 0xE0) == 0xC0)
		return 2;
	if ((c & 0xF0) == 0xE0)
		return 3;
	if ((c & 0xF8) == 0xF0)
		return 4;
	return 0;
}

/* b[i+k] beyond the end reads as NUL (values are NUL-terminated anyway) */
#define AT(k) (i + (k) < n ? (unsigned char)s[i + (k)] : 0u)

static bool is_printable(const char *s, size_t n, size_t i)
{
	unsigned c = AT(0), c1 = AT(1), c2 = AT(2);
	return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c == 0xC2 && c1 >= 0xA0) ||
	       (c > 0xC2 && c < 0xED) || (c == 0xED && c1 < 0xA0) || c == 0xEE ||
	       (c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)));
}

static bool is_break(const char *s, size_t n, size_t i)
{
	unsigned c = AT(0), c1 = AT(1), c2 = AT(2);
	return c == '\r' || c == '\n' || (c == 0xC2 && c1 == 0x85) ||
	       (c == 0xE2 && c1 == 0x80 && (c2 == 0xA8 || c2 == 0xA9));
}

static bool is_space(const char *s, size_t n, size_t i)
{
	return i < n && s[i] == ' ';
}

static bool is_blankz(const char *s, size_t n, size_t i)
{
	return i >= n || s[i] == ' ' || s[i] == '\t' || s[i] == 0 || is_break(s, n, i);
}

/* go-yaml's is_bom looks at the start of the value, whatever i is. */
static bool is_bom(const char *s, size_t n)
{
	return n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
	       (unsigned char)s[2] == 0xBF;
}

/* ---- output primitives ---------------------------------------------------- */

static void put(yemit *e, char c)
{
	osmo_buf_putc(e->b, c);
	e->column++;
}

static void put_break(yemit *e)
{
	osmo_buf_putc(e->b, '\n');
	e->column = 0;
	if (e->v3) /* v3 moved this here from the scalar writers */
		e->indention = true;
}

/* Copies one character. */
static void write1(yemit *e, const char *s, size_t n, size_t *i)
{
	size_t w = (size_t)width((unsigned char)s[*i]);
	if (w == 0 || *i + w > n)
		w = 1;
	osmo_buf_put(e->b, s + *i, w);
	e->column++;
	*i += w;
}

static void write_break(yemit *e, const char *s, size_t n, size_t *i)
{
	if (s[*i] == '\n') {
		put_break(e);
		(*i)++;
	} else {
		write1(e, s, n, i);
		e->column = 0;
		if (e->v3)
			e->indention = true;
	}
}

void osmo_yaml_emit_init(yemit *e, osmo_buf *b, bool v3)
{
	memset(e, 0, sizeof *e);
	e->b = b;
	e->v3 = v3;
	e->best_indent = 2;
	e->best_width = v3 ? 0x7fffffff : 80;
	e->indent = -1;
	e->whitespace = true;
	e->indention = true;
}

void osmo_yaml_emit_dispose(yemit *e)
{
	osmo_free(e->indents);
}

void osmo_yaml_emit_push_indent(yemit *e, bool flow, bool indentless)
{
	if (e->nindents == e->capindents) {
		e->capindents = e->capindents ? e->capindents * 2 : 16;
		e->indents = osmo_realloc(e->indents, e->capindents * sizeof(int));
	}
	e->indents[e->nindents++] = e->indent;
	if (e->indent < 0) {
		e->indent = flow ? e->best_indent : 0;
	} else if (!indentless) {
		if (e->v3) {
			/* go-yaml v3: inside a sequence item only skip the "- " */
			if (e->in_seq_item)
				e->indent += 2;
			else
				e->indent = e->best_indent * ((e->indent + e->best_indent) / e->best_indent);
		} else {
			e->indent += e->best_indent;
		}
	}
}

void osmo_yaml_emit_pop_indent(yemit *e)
{
	OSMO_ASSERT(e->nindents > 0);
	e->indent = e->indents[--e->nindents];
}

void osmo_yaml_emit_write_indent(yemit *e)
{
	int indent = e->indent < 0 ? 0 : e->indent;
	if (!e->indention || e->column > indent || (e->column == indent && !e->whitespace))
		put_break(e);
	while (e->column < indent)
		put(e, ' ');
	e->whitespace = true;
	e->indention = true;
}

void osmo_yaml_emit_indicator(yemit *e, const char *ind, bool need_ws, bool is_ws, bool is_indention)
{
	if (need_ws && !e->whitespace)
		put(e, ' ');
	for (size_t i = 0, n = strlen(ind); i < n;)
		write1(e, ind, n, &i);
	e->whitespace = is_ws;
	e->indention = e->indention && is_indention;
	e->open_ended = false;
}

/* ---- analysis (yaml_emitter_analyze_scalar) ---------------------------------- */

void osmo_yaml_emit_analyze(const yemit *e, yscalar *sc, const char *s, size_t n)
{
	bool block_ind = false, flow_ind = false, line_breaks = false, special = false, tabs = false;
	bool leading_space = false, leading_break = false, trailing_space = false,
	     trailing_break = false, break_space = false, space_break = false;
	bool preceded_ws = true, followed_ws, prev_space = false, prev_break = false;

	sc->s = s;
	sc->n = n;
	if (n == 0) {
		sc->multiline = false;
		sc->flow_plain = false;
		sc->block_plain = true;
		sc->single_ok = true;
		sc->block_ok = false;
		return;
	}
	if (n >= 3 && ((s[0] == '-' && s[1] == '-' && s[2] == '-') || (s[0] == '.' && s[1] == '.' && s[2] == '.'))) {
		block_ind = true;
		flow_ind = true;
	}
	for (size_t i = 0, w; i < n; i += w) {
		unsigned char c = (unsigned char)s[i];
		w = (size_t)width(c);
		if (w == 0)
			w = 1;
		followed_ws = i + w >= n || s[i + w] == ' ' || s[i + w] == '\t' || is_break(s, n, i + w);
		if (i == 0) {
			switch (c) {
			case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*':
			case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
				flow_ind = true;
				block_ind = true;
				break;
			case '?': case ':':
				flow_ind = true;
				if (followed_ws)
					block_ind = true;
				break;
			case '-':
				if (followed_ws) {
					flow_ind = true;
					block_ind = true;
				}
				break;
			}
		} else {
			switch (c) {
			case ',': case '?': case '[': case ']': case '{': case '}':
				flow_ind = true;
				break;
			case ':':
				flow_ind = true;
				if (followed_ws)
					block_ind = true;
				break;
			case '#':
				if (preceded_ws) {
					flow_ind = true;
					block_ind = true;
				}
				break;
			}
		}
		if (e->v3 && c == '\t')
			tabs = true;
		else if (!is_printable(s, n, i))
			special = true;
		if (c == ' ') {
			if (i == 0)
				leading_space = true;
			if (i + w == n)
				trailing_space = true;
			if (prev_break)
				break_space = true;
			prev_space = true;
			prev_break = false;
		} else if (is_break(s, n, i)) {
			line_breaks = true;
			if (i == 0)
				leading_break = true;
			if (i + w == n)
				trailing_break = true;
			if (prev_space)
				space_break = true;
			prev_space = false;
			prev_break = true;
		} else {
			prev_space = false;
			prev_break = false;
		}
		preceded_ws = is_blankz(s, n, i);
	}
	sc->multiline = line_breaks;
	sc->flow_plain = sc->block_plain = sc->single_ok = sc->block_ok = true;
	if (leading_space || leading_break || trailing_space || trailing_break)
		sc->flow_plain = sc->block_plain = false;
	if (trailing_space)
		sc->block_ok = false;
	if (break_space)
		sc->flow_plain = sc->block_plain = sc->single_ok = false;
	if (space_break || tabs || special)
		sc->flow_plain = sc->block_plain = sc->single_ok = false;
	if (space_break || special)
		sc->block_ok = false;
	if (line_breaks)
		sc->flow_plain = sc->block_plain = false;
	if (flow_ind)
		sc->flow_plain = false;
	if (block_ind)
		sc->block_plain = false;
}

/* ---- writers ---------------------------------------------------------------- */

static void write_plain(yemit *e, const char *s, size_t n, bool allow_breaks)
{
	bool spaces = false, breaks = false;
	if ((!e->v3 || n > 0) && !e->whitespace)
		put(e, ' ');
	for (size_t i = 0; i < n;) {
		if (is_space(s, n, i)) {
			if (allow_breaks && !spaces && e->column > e->best_width && !is_space(s, n, i + 1)) {
				osmo_yaml_emit_write_indent(e);
				i++;
			} else {
				write1(e, s, n, &i);
			}
			spaces = true;
		} else if (is_break(s, n, i)) {
			if (!breaks && s[i] == '\n')
				put_break(e);
			write_break(e, s, n, &i);
			if (!e->v3)
				e->indention = true;
			breaks = true;
		} else {
			if (breaks)
				osmo_yaml_emit_write_indent(e);
			write1(e, s, n, &i);
			e->indention = false;
			spaces = false;
			breaks = false;
		}
	}
	if (!e->v3 || n > 0)
		e->whitespace = false;
	e->indention = false;
	if (e->root_ctx)
		e->open_ended = true;
}

static void write_single(yemit *e, const char *s, size_t n, bool allow_breaks)
{
	bool spaces = false, breaks = false;
	osmo_yaml_emit_indicator(e, "'", true, false, false);
	for (size_t i = 0; i < n;) {
		if (is_space(s, n, i)) {
			if (allow_breaks && !spaces && e->column > e->best_width && i > 0 && i < n - 1 &&
			    !is_space(s, n, i + 1)) {
				osmo_yaml_emit_write_indent(e);
				i++;
			} else {
				write1(e, s, n, &i);
			}
			spaces = true;
		} else if (is_break(s, n, i)) {
			if (!breaks && s[i] == '\n')
				put_break(e);
			write_break(e, s, n, &i);
			if (!e->v3)
				e->indention = true;
			breaks = true;
		} else {
			if (breaks)
				osmo_yaml_emit_write_indent(e);
			if (s[i] == '\'')
				put(e, '\'');
			write1(e, s, n, &i);
			e->indention = false;
			spaces = false;
			breaks = false;
		}
	}
	osmo_yaml_emit_indicator(e, "'", false, false, false);
	e->whitespace = false;
	e->indention = false;
}

static void put_hex(yemit *e, unsigned v, int digits)
{
	static const char hx[] = "0123456789ABCDEF";
	for (int k = (digits - 1) * 4; k >= 0; k -= 4)
		put(e, hx[(v >> k) & 15]);
}

static void write_double(yemit *e, const char *s, size_t n, bool allow_breaks)
{
	bool spaces = false;
	osmo_yaml_emit_indicator(e, "\"", true, false, false);
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (!is_printable(s, n, i) || is_bom(s, n) || is_break(s, n, i) || c == '"' || c == '\\') {
			int w;
			unsigned v;
			if ((c & 0x80) == 0) { w = 1; v = c & 0x7F; }
			else if ((c & 0xE0) == 0xC0) { w = 2; v = c & 0x1F; }
			else if ((c & 0xF0) == 0xE0) { w = 3; v = c & 0x0F; }
			else if ((c & 0xF8) == 0xF0) { w = 4; v = c & 0x07; }
			else { w = 1; v = c; }
			for (int k = 1; k < w && i + (size_t)k < n; k++)
				v = (v << 6) + ((unsigned char)s[i + (size_t)k] & 0x3F);
			i += (size_t)w;
			put(e, '\\');
			switch (v) {
			case 0x00: put(e, '0'); break;
			case 0x07: put(e, 'a'); break;
			case 0x08: put(e, 'b'); break;
			case 0x09: put(e, 't'); break;
			case 0x0A: put(e, 'n'); break;
			case 0x0B: put(e, 'v'); break;
			case 0x0C: put(e, 'f'); break;
			case 0x0D: put(e, 'r'); break;
			case 0x1B: put(e, 'e'); break;
			case 0x22: put(e, '"'); break;
			case 0x5C: put(e, '\\'); break;
			case 0x85: put(e, 'N'); break;
			case 0xA0: put(e, '_'); break;
			case 0x2028: put(e, 'L'); break;
			case 0x2029: put(e, 'P'); break;
			default:
				if (v <= 0xFF) {
					put(e, 'x');
					put_hex(e, v, 2);
				} else if (v <= 0xFFFF) {
					put(e, 'u');
					put_hex(e, v, 4);
				} else {
					put(e, 'U');
					put_hex(e, v, 8);
				}
			}
			spaces = false;
		} else if (c == ' ') {
			if (allow_breaks && !spaces && e->column > e->best_width && i > 0 && i < n - 1) {
				osmo_yaml_emit_write_indent(e);
				if (is_space(s, n, i + 1))
					put(e, '\\');
				i++;
			} else {
				write1(e, s, n, &i);
			}
			spaces = true;
		} else {
			write1(e, s, n, &i);
			spaces = false;
		}
	}
	osmo_yaml_emit_indicator(e, "\"", false, false, false);
	e->whitespace = false;
	e->indention = false;
}

static void block_hints(yemit *e, const char *s, size_t n)
{
	char chomp = 0;
	if (is_space(s, n, 0) || is_break(s, n, 0)) {
		char hint[2] = { (char)('0' + e->best_indent), 0 };
		osmo_yaml_emit_indicator(e, hint, false, false, false);
	}
	e->open_ended = false;
	if (n == 0) {
		chomp = '-';
	} else {
		size_t i = n - 1;
		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
		if (!is_break(s, n, i)) {
			chomp = '-';
		} else if (i == 0) {
			chomp = '+';
			e->open_ended = true;
		} else {
			i--;
			while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
				i--;
			if (is_break(s, n, i)) {
				chomp = '+';
				e->open_ended = true;
			}
		}
	}
	if (chomp) {
		char h[2] = { chomp, 0 };
		osmo_yaml_emit_indicator(e, h, false, false, false);
	}
}

static void write_literal(yemit *e, const char *s, size_t n)
{
	bool breaks = true;
	osmo_yaml_emit_indicator(e, "|", true, false, false);
	block_hints(e, s, n);
	put_break(e);
	e->indention = true;
	e->whitespace = true;
	for (size_t i = 0; i < n;) {
		if (is_break(s, n, i)) {
			write_break(e, s, n, &i);
			if (!e->v3)
				e->indention = true;
			breaks = true;
		} else {
			if (breaks)
				osmo_yaml_emit_write_indent(e);
			write1(e, s, n, &i);
			e->indention = false;
			breaks = false;
		}
	}
}

void osmo_yaml_emit_scalar(yemit *e, const char *s, size_t n, int style)
{
	osmo_yaml_emit_push_indent(e, true, false);
	switch (style) {
	case YS_PLAIN: write_plain(e, s, n, !e->simple_key_ctx); break;
	case YS_SINGLE: write_single(e, s, n, !e->simple_key_ctx); break;
	case YS_DOUBLE: write_double(e, s, n, !e->simple_key_ctx); break;
	default: write_literal(e, s, n); break;
	}
	osmo_yaml_emit_pop_indent(e);
}
