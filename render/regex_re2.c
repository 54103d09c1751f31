/* regex_re2.c - translate Go's regexp/syntax dialect into an explicit PCRE2
 * pattern in one pass that mirrors Go's parser: every pattern Go rejects is
 * rejected with Go's exact error text, and every construct whose meaning
 * differs (flags, ^ $ . \s \v, named groups, \Q..\E, stacked repeats after
 * a flag group) is spelled out unambiguously. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "regex_re2.h"

#include "osmo/numfmt.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(re2x *x, const char *code, const char *expr, size_t len)
{
	osmo_buf b = OSMO_BUF_INIT;
	osmo_buf_printf(&b, "error parsing regexp: %s: `", code);
	osmo_buf_put(&b, expr, len);
	osmo_buf_putc(&b, '`');
	x->err = osmo_buf_detach(&b);
	return -1;
}

/* Go's nextRune: invalid UTF-8 is an error quoting the rest of the text. */
static int next_rune(re2x *x, const char *s, size_t n, int32_t *r, size_t *w)
{
	int iw;
	if (n == 0) {
		*r = 0xFFFD;
		*w = 0;
		return 0;
	}
	*r = osmo_numfmt_decode_rune(s, n, &iw);
	*w = (size_t)iw;
	if (*r == 0xFFFD && iw == 1)
		return fail(x, "invalid UTF-8", s, n);
	return 0;
}

static int check_utf8(re2x *x, const char *s, size_t n)
{
	while (n) {
		int32_t r;
		size_t w;
		if (next_rune(x, s, n, &r, &w))
			return -1;
		s += w;
		n -= w;
	}
	return 0;
}

static void fold_atom(re2x *x)
{
	if (x->have_atom && x->atom_w > x->maxw)
		x->maxw = x->atom_w;
}

static void begin_atom(re2x *x)
{
	fold_atom(x);
	x->have_atom = true;
	x->atom_quant = false;
	x->atom_start = x->out.len;
	x->atom_w = 1;
}

static void put_cp(osmo_buf *b, int32_t r)
{
	osmo_buf_printf(b, "\\x{%x}", (unsigned)r);
}

static void emit_literal(re2x *x, int32_t r)
{
	begin_atom(x);
	if (r >= 0xD800 && r <= 0xDFFF) { /* never in valid UTF-8 text */
		osmo_buf_puts(&x->out, "(?!)");
		return;
	}
	if (x->flags & F_FOLD)
		osmo_buf_puts(&x->out, "(?i:");
	put_cp(&x->out, r);
	if (x->flags & F_FOLD)
		osmo_buf_putc(&x->out, ')');
}

static void emit_atom(re2x *x, const char *s)
{
	begin_atom(x);
	osmo_buf_puts(&x->out, s);
}

/* Go's parseEscape: one escaped rune (octal, \x, C escapes, punctuation). */
static int parse_escape(re2x *x, size_t *pi, int32_t *out)
{
	const char *s = x->pat + *pi;
	size_t n = x->n - *pi, t = 1, w;
	int32_t c, r = 0;
	if (n < 2)
		return fail(x, "trailing backslash at end of expression", "", 0);
	if (next_rune(x, s + 1, n - 1, &c, &w))
		return -1;
	t += w;
	switch (c) {
	case '1': case '2': case '3': case '4': case '5': case '6': case '7':
		/* a lone non-zero digit would be a backreference */
		if (t >= n || s[t] < '0' || s[t] > '7')
			break;
		/* fallthrough */
	case '0':
		r = c - '0';
		for (int i = 1; i < 3 && t < n && s[t] >= '0' && s[t] <= '7'; i++)
			r = r * 8 + (s[t++] - '0');
		*out = r;
		*pi += t;
		return 0;
	case 'x': {
		if (t >= n)
			break;
		if (next_rune(x, s + t, n - t, &c, &w))
			return -1;
		t += w;
		if (c == '{') {
			int nhex = 0;
			for (;;) {
				if (t >= n)
					goto bad;
				if (next_rune(x, s + t, n - t, &c, &w))
					return -1;
				t += w;
				if (c == '}')
					break;
				int v = c >= '0' && c <= '9' ? c - '0'
					: (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
				if (v < 0)
					goto bad;
				r = r * 16 + v;
				if (r > 0x10FFFF)
					goto bad;
				nhex++;
			}
			if (nhex == 0)
				goto bad;
			*out = r;
			*pi += t;
			return 0;
		}
		int32_t c2;
		if (next_rune(x, s + t, n - t, &c2, &w))
			return -1;
		t += w;
		int hx = c >= '0' && c <= '9' ? c - '0'
			: (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
		int hy = c2 >= '0' && c2 <= '9' ? c2 - '0'
			: (c2 | 0x20) >= 'a' && (c2 | 0x20) <= 'f' ? (c2 | 0x20) - 'a' + 10 : -1;
		if (hx < 0 || hy < 0)
			break;
		*out = hx * 16 + hy;
		*pi += t;
		return 0;
	}
	case 'a': *out = '\a'; *pi += t; return 0;
	case 'f': *out = '\f'; *pi += t; return 0;
	case 'n': *out = '\n'; *pi += t; return 0;
	case 'r': *out = '\r'; *pi += t; return 0;
	case 't': *out = '\t'; *pi += t; return 0;
	case 'v': *out = '\v'; *pi += t; return 0;
	default:
		if (c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
			*out = c;
			*pi += t;
			return 0;
		}
	}
bad:
	return fail(x, "invalid escape sequence", s, t);
}

static const char *const categories[] = {
	"C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc",
	"Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po",
	"Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs", "Any", NULL
};

/* Go knows exactly its category and script names (case-sensitive); PCRE2
 * matches names loosely and knows more properties, so scripts are checked
 * both for Go's spelling and with PCRE2's script-only \p{sc:...} form. */
static bool unicode_name_ok(const char *name, size_t n)
{
	for (const char *const *c = categories; *c; c++)
		if (strlen(*c) == n && memcmp(*c, name, n) == 0)
			return true;
	if (n == 0 || n > 60 || name[0] < 'A' || name[0] > 'Z')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			  (c == '_' && i + 1 < n && name[i + 1] >= 'A' && name[i + 1] <= 'Z');
		if (!ok)
			return false;
	}
	char pat[80];
	int ec;
	PCRE2_SIZE eo;
	snprintf(pat, sizeof pat, "\\p{sc:%.*s}", (int)n, name);
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &ec, &eo, NULL);
	if (!code)
		return false;
	pcre2_code_free(code);
	return true;
}

/* \pL, \p{Greek}, \P{^Lu}: at *pi (which starts with \p or \P). */
static int parse_unicode_class(re2x *x, size_t *pi, osmo_buf *dst)
{
	const char *s = x->pat + *pi;
	size_t n = x->n - *pi, w, end, seq;
	int sign = s[1] == 'P' ? -1 : 1;
	int32_t c;
	const char *name;
	size_t nlen;
	if (next_rune(x, s + 2, n - 2, &c, &w))
		return -1;
	if (c != '{') {
		seq = 2 + w;
		name = s + 2;
		nlen = w;
	} else {
		const char *e = memchr(s, '}', n);
		if (!e) {
			if (check_utf8(x, s, n))
				return -1;
			return fail(x, "invalid character class range", s, n);
		}
		end = (size_t)(e - s);
		seq = end + 1;
		name = s + 3;
		nlen = end - 3;
		if (check_utf8(x, name, nlen))
			return -1;
	}
	if (nlen && name[0] == '^') {
		sign = -sign;
		name++;
		nlen--;
	}
	if (!unicode_name_ok(name, nlen))
		return fail(x, "invalid character class range", s, seq);
	bool lettercase = (x->flags & F_FOLD) && sign > 0 && nlen == 2 && name[0] == 'L' &&
			  (name[1] == 'u' || name[1] == 'l' || name[1] == 't');
	if (lettercase) /* Go folds the table: any cased letter */
		osmo_buf_puts(dst, "\\p{L&}");
	else
		osmo_buf_printf(dst, "\\%c{%.*s}", sign > 0 ? 'p' : 'P', (int)nlen, name);
	*pi += seq;
	return 0;
}

/* Go's \s is [\t\n\f\r ] (no \v); \S its complement. */
#define SPACE_ITEMS "\\x{9}\\x{a}\\x{c}\\x{d}\\x{20}"
#define NOT_SPACE_ITEMS "\\x{0}-\\x{8}\\x{b}\\x{e}-\\x{1f}\\x{21}-\\x{10ffff}"

static bool perl_class_item(char c, osmo_buf *dst)
{
	switch (c) {
	case 'd': case 'D': case 'w': case 'W':
		osmo_buf_printf(dst, "\\%c", c);
		return true;
	case 's':
		osmo_buf_puts(dst, SPACE_ITEMS);
		return true;
	case 'S':
		osmo_buf_puts(dst, NOT_SPACE_ITEMS);
		return true;
	}
	return false;
}

static const char *const posix_names[] = {
	"alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower",
	"print", "punct", "space", "upper", "word", "xdigit", NULL
};

static void put_range(osmo_buf *b, int32_t lo, int32_t hi)
{
	/* surrogates cannot occur in UTF-8 text; PCRE2 refuses them */
	if (lo >= 0xD800 && lo <= 0xDFFF)
		lo = 0xE000;
	if (hi >= 0xD800 && hi <= 0xDFFF)
		hi = 0xD7FF;
	if (lo > hi)
		return;
	put_cp(b, lo);
	if (hi != lo) {
		osmo_buf_putc(b, '-');
		put_cp(b, hi);
	}
}

static int parse_class_char(re2x *x, size_t *t, size_t start, int32_t *r)
{
	size_t w;
	if (*t >= x->n)
		return fail(x, "missing closing ]", x->pat + start, x->n - start);
	if (x->pat[*t] == '\\')
		return parse_escape(x, t, r);
	if (next_rune(x, x->pat + *t, x->n - *t, r, &w))
		return -1;
	*t += w;
	return 0;
}

static int parse_class(re2x *x, size_t *pi)
{
	size_t start = *pi, t = start + 1;
	const char *p = x->pat;
	size_t n = x->n;
	osmo_buf cls = OSMO_BUF_INIT;
	int rc = -1;
	bool neg = false, first = true;
	if (t < n && p[t] == '^') {
		neg = true;
		t++;
	}
	while (t >= n || p[t] != ']' || first) {
		first = false;
		if (n - t > 2 && p[t] == '[' && p[t + 1] == ':') {
			const char *e = memmem(p + t + 2, n - t - 2, ":]", 2);
			if (e) {
				size_t len = (size_t)(e - (p + t)) + 2;
				const char *nm = p + t + 2;
				size_t nl = len - 4;
				bool ng = nl > 0 && nm[0] == '^', ok = false;
				for (const char *const *q = posix_names; *q && !ok; q++)
					ok = strlen(*q) == nl - ng && memcmp(*q, nm + ng, nl - ng) == 0;
				if (!ok) {
					fail(x, "invalid character class range", p + t, len);
					goto done;
				}
				osmo_buf_put(&cls, p + t, len);
				t += len;
				continue;
			}
		}
		if (n - t >= 2 && p[t] == '\\' && (p[t + 1] == 'p' || p[t + 1] == 'P')) {
			if (parse_unicode_class(x, &t, &cls))
				goto done;
			continue;
		}
		if (n - t >= 2 && p[t] == '\\' && perl_class_item(p[t + 1], &cls)) {
			t += 2;
			continue;
		}
		size_t rng = t;
		int32_t lo, hi;
		if (parse_class_char(x, &t, start, &lo))
			goto done;
		hi = lo;
		if (n - t >= 2 && p[t] == '-' && p[t + 1] != ']') {
			t++;
			if (parse_class_char(x, &t, start, &hi))
				goto done;
			if (hi < lo) {
				fail(x, "invalid character class range", p + rng, t - rng);
				goto done;
			}
		}
		put_range(&cls, lo, hi);
	}
	t++;
	begin_atom(x);
	if (x->flags & F_FOLD)
		osmo_buf_puts(&x->out, "(?i:");
	osmo_buf_puts(&x->out, neg ? "[^" : "[");
	osmo_buf_put(&x->out, cls.ptr ? cls.ptr : "", cls.len);
	osmo_buf_putc(&x->out, ']');
	if (x->flags & F_FOLD)
		osmo_buf_putc(&x->out, ')');
	*pi = t;
	rc = 0;
done:
	osmo_buf_dispose(&cls);
	return rc;
}

static void open_group(re2x *x, bool capture, const char *name, size_t nlen, int restore_flags)
{
	fold_atom(x);
	if (x->ng == x->gcap) {
		x->gcap = x->gcap ? 2 * x->gcap : 8;
		x->g = osmo_realloc(x->g, x->gcap * sizeof *x->g);
	}
	group *g = &x->g[x->ng++];
	g->out_start = x->out.len;
	g->flags = restore_flags;
	g->outer_maxw = x->maxw;
	x->maxw = 0;
	x->have_atom = false;
	osmo_buf_puts(&x->out, capture ? "(" : "(?:");
	if (capture) {
		x->ncap++;
		if ((size_t)x->ncap >= x->names_cap) {
			size_t old = x->names_cap;
			x->names_cap = x->names_cap ? 2 * x->names_cap : 8;
			x->names = osmo_realloc(x->names, x->names_cap * sizeof *x->names);
			memset(x->names + old, 0, (x->names_cap - old) * sizeof *x->names);
		}
		x->names[x->ncap] = name ? osmo_strndup(name, nlen) : NULL;
	}
}

/* (?flags), (?flags:, (?P<name>, (?<name>: Go's parsePerlFlags. */
static int parse_perl_flags(re2x *x, size_t *pi)
{
	const char *t = x->pat + *pi;
	size_t tn = x->n - *pi;
	bool with_p = tn > 4 && t[2] == 'P' && t[3] == '<';
	bool with_name = tn > 3 && t[2] == '<';
	if (with_p || with_name) {
		size_t nstart = with_p ? 4 : 3;
		const char *e = memchr(t, '>', tn);
		if (!e) {
			if (check_utf8(x, t, tn))
				return -1;
			return fail(x, "invalid named capture", t, tn);
		}
		size_t end = (size_t)(e - t);
		const char *name = t + nstart;
		size_t nl = end - nstart;
		if (check_utf8(x, name, nl))
			return -1;
		bool ok = nl > 0;
		for (size_t i = 0; i < nl && ok; i++) {
			char c = name[i];
			ok = c == '_' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
		}
		if (!ok)
			return fail(x, "invalid named capture", t, end + 1);
		open_group(x, true, name, nl, x->flags);
		*pi += end + 1;
		return 0;
	}
	size_t j = 2;
	int flags = x->flags;
	int sign = 1;
	bool saw = false;
	while (j < tn) {
		int32_t c;
		size_t w;
		if (next_rune(x, t + j, tn - j, &c, &w))
			return -1;
		j += w;
		int bit = c == 'i' ? F_FOLD : c == 'm' ? F_MULTI : c == 's' ? F_DOTNL : c == 'U' ? F_UNGREEDY : 0;
		if (bit) {
			flags = sign > 0 ? flags | bit : flags & ~bit;
			saw = true;
			continue;
		}
		if (c == '-') {
			if (sign < 0)
				break;
			sign = -1;
			saw = false;
			continue;
		}
		if (c == ':' || c == ')') {
			if (sign < 0 && !saw)
				break;
			if (c == ':')
				open_group(x, false, NULL, 0, x->flags);
			x->flags = flags;
			*pi += j;
			return 0;
		}
		break;
	}
	return fail(x, "invalid or unsupported Perl syntax", t, j);
}

static int close_group(re2x *x)
{
	if (x->ng == 0)
		return fail(x, "unexpected )", x->pat, x->n);
	fold_atom(x);
	group *g = &x->g[--x->ng];
	long w = x->maxw > 0 ? x->maxw : 1;
	x->flags = g->flags;
	x->maxw = g->outer_maxw;
	osmo_buf_putc(&x->out, ')');
	x->have_atom = true;
	x->atom_quant = false;
	x->atom_start = g->out_start;
	x->atom_w = w;
	return 0;
}

/* Go's parseRepeat: {n}, {n,}, {n,m}; false if not of that form (then {
 * is a literal).  Numbers >= 1e8 come back as -1. */
static bool parse_repeat(const char *s, size_t n, long *min, long *max, size_t *len)
{
	size_t i = 1;
	long v[2] = { 0, 0 };
	for (int k = 0; k < 2; k++) {
		if (i >= n || s[i] < '0' || s[i] > '9')
			return false;
		if (i + 1 < n && s[i] == '0' && s[i + 1] >= '0' && s[i + 1] <= '9')
			return false;
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			if (v[k] >= 0)
				v[k] = v[k] >= 100000000 ? -1 : v[k] * 10 + (s[i] - '0');
		if (k == 0) {
			if (i >= n)
				return false;
			if (s[i] != ',') {
				v[1] = v[0];
				break;
			}
			i++;
			if (i >= n)
				return false;
			if (s[i] == '}') {
				v[1] = -1;
				break;
			}
		} else if (v[1] < 0) {
			v[0] = -1;
		}
	}
	if (i >= n || s[i] != '}')
		return false;
	*min = v[0];
	*max = v[1];
	*len = i + 1;
	return true;
}

/* Applies *, +, ?, {..} at pattern offset `before` (op text ends at *pi). */
static int apply_repeat(re2x *x, size_t before, size_t *pi, const char *last_repeat,
			bool brace, long min, long max)
{
	size_t after = *pi;
	bool lazy = (x->flags & F_UNGREEDY) != 0;
	if (after < x->n && x->pat[after] == '?') {
		after++;
		lazy = !lazy;
	}
	if (last_repeat)
		return fail(x, "invalid nested repetition operator", last_repeat,
			    (size_t)(x->pat + after - last_repeat));
	if (!x->have_atom)
		return fail(x, "missing argument to repetition operator", x->pat + before, after - before);
	long w = x->atom_w;
	if (brace) {
		long m = max == -1 ? min : max;
		if (max != 0 && m > 0) {
			if ((min >= 2 || max >= 2) && (m > MAX_REPEAT || m * w > MAX_REPEAT))
				return fail(x, "invalid repeat count", x->pat + before, after - before);
			w = m * w > MAX_REPEAT ? MAX_REPEAT + 1 : m * w;
		} else if (max == 0) {
			w = 1;
		}
	}
	if (x->atom_quant) { /* x** after a flag group: Go nests, PCRE2 needs a group */
		osmo_buf tail = OSMO_BUF_INIT;
		osmo_buf_put(&tail, x->out.ptr + x->atom_start, x->out.len - x->atom_start);
		osmo_buf_truncate(&x->out, x->atom_start);
		osmo_buf_puts(&x->out, "(?:");
		osmo_buf_put(&x->out, tail.ptr, tail.len);
		osmo_buf_putc(&x->out, ')');
		osmo_buf_dispose(&tail);
	}
	if (!brace)
		osmo_buf_putc(&x->out, x->pat[before]);
	else if (max == min)
		osmo_buf_printf(&x->out, "{%ld}", min);
	else if (max < 0)
		osmo_buf_printf(&x->out, "{%ld,}", min);
	else
		osmo_buf_printf(&x->out, "{%ld,%ld}", min, max);
	if (lazy)
		osmo_buf_putc(&x->out, '?');
	x->atom_quant = true;
	x->atom_w = w;
	*pi = after;
	return 0;
}

static int parse_backslash(re2x *x, size_t *pi)
{
	const char *t = x->pat + *pi;
	size_t tn = x->n - *pi;
	if (tn >= 2) {
		switch (t[1]) {
		case 'A': emit_atom(x, "(?:\\A)"); *pi += 2; return 0;
		case 'b': emit_atom(x, "(?:\\b)"); *pi += 2; return 0;
		case 'B': emit_atom(x, "(?:\\B)"); *pi += 2; return 0;
		case 'z': emit_atom(x, "(?:\\z)"); *pi += 2; return 0;
		case 'C': return fail(x, "invalid escape sequence", t, 2);
		case 'Q': {
			const char *lit = t + 2, *e = memmem(lit, tn - 2, "\\E", 2);
			size_t ln = e ? (size_t)(e - lit) : tn - 2;
			*pi += 2 + ln + (e ? 2 : 0);
			while (ln) {
				int32_t r;
				size_t w;
				if (next_rune(x, lit, ln, &r, &w))
					return -1;
				emit_literal(x, r);
				lit += w;
				ln -= w;
			}
			return 0;
		}
		case 'p':
		case 'P': {
			osmo_buf cls = OSMO_BUF_INIT;
			int rc = parse_unicode_class(x, pi, &cls);
			if (!rc) {
				begin_atom(x);
				osmo_buf_puts(&x->out, x->flags & F_FOLD ? "(?i:[" : "[");
				osmo_buf_put(&x->out, cls.ptr, cls.len);
				osmo_buf_puts(&x->out, x->flags & F_FOLD ? "])" : "]");
			}
			osmo_buf_dispose(&cls);
			return rc;
		}
		case 's': emit_atom(x, "[" SPACE_ITEMS "]"); *pi += 2; return 0;
		case 'S': emit_atom(x, "[^" SPACE_ITEMS "]"); *pi += 2; return 0;
		case 'd': emit_atom(x, "\\d"); *pi += 2; return 0;
		case 'D': emit_atom(x, "\\D"); *pi += 2; return 0;
		case 'w': emit_atom(x, "\\w"); *pi += 2; return 0;
		case 'W': emit_atom(x, "\\W"); *pi += 2; return 0;
		}
	}
	int32_t r;
	if (parse_escape(x, pi, &r))
		return -1;
	emit_literal(x, r);
	return 0;
}

/* Returns 0 with x->out holding the PCRE2 pattern, or -1 with x->err. */
int osmo_regex_re2_translate(re2x *x)
{
	const char *last_repeat = NULL;
	size_t i = 0;
	while (i < x->n) {
		const char *repeat = NULL;
		char c = x->pat[i];
		int rc = 0;
		switch (c) {
		case '(':
			if (i + 1 < x->n && x->pat[i + 1] == '?') {
				rc = parse_perl_flags(x, &i);
			} else {
				open_group(x, true, NULL, 0, x->flags);
				i++;
			}
			if (!rc && x->ng > MAX_NEST)
				rc = fail(x, "expression nests too deeply", x->pat, x->n);
			break;
		case '|':
			fold_atom(x);
			x->have_atom = false;
			osmo_buf_putc(&x->out, '|');
			i++;
			break;
		case ')':
			rc = close_group(x);
			i++;
			break;
		case '^':
			emit_atom(x, x->flags & F_MULTI ? "(?<![^\\n])" : "(?:\\A)");
			i++;
			break;
		case '$':
			emit_atom(x, x->flags & F_MULTI ? "(?![^\\n])" : "(?:\\z)");
			i++;
			break;
		case '.':
			emit_atom(x, x->flags & F_DOTNL ? "(?s:.)" : "[^\\n]");
			i++;
			break;
		case '[':
			rc = parse_class(x, &i);
			break;
		case '*':
		case '+':
		case '?': {
			size_t before = i++;
			rc = apply_repeat(x, before, &i, last_repeat, false, 0, 0);
			repeat = x->pat + before;
			break;
		}
		case '{': {
			long min, max;
			size_t len, before = i;
			if (!parse_repeat(x->pat + i, x->n - i, &min, &max, &len)) {
				emit_literal(x, '{');
				i++;
				break;
			}
			i += len;
			if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
				rc = fail(x, "invalid repeat count", x->pat + before, len);
				break;
			}
			rc = apply_repeat(x, before, &i, last_repeat, true, min, max);
			repeat = x->pat + before;
			break;
		}
		case '\\':
			rc = parse_backslash(x, &i);
			break;
		default: {
			int32_t r;
			size_t w;
			rc = next_rune(x, x->pat + i, x->n - i, &r, &w);
			if (!rc) {
				emit_literal(x, r);
				i += w;
			}
		}
		}
		if (rc)
			return -1;
		last_repeat = repeat;
	}
	if (x->ng)
		return fail(x, "missing closing )", x->pat, x->n);
	return 0;
}

