/* tpl_parse_lit.c - literal decoding for the template parser: Go's
 * strconv.Unquote/UnquoteChar and the NumberNode rules of parse.newNumber
 * (ParseUint/ParseInt/ParseFloat with base prefixes and '_'). */
#include "tpl_parse_lit.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "osmo/numfmt.h"

static int unhex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int dec_utf8(const unsigned char *p, size_t n, int *w)
{
	int need, r;
	if (p[0] < 0x80) {
		*w = 1;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0)
		need = 1, r = p[0] & 0x1F;
	else if ((p[0] & 0xF0) == 0xE0)
		need = 2, r = p[0] & 0x0F;
	else if ((p[0] & 0xF8) == 0xF0)
		need = 3, r = p[0] & 0x07;
	else
		goto bad;
	if ((size_t)need >= n)
		goto bad;
	for (int i = 1; i <= need; i++) {
		if ((p[i] & 0xC0) != 0x80)
			goto bad;
		r = (r << 6) | (p[i] & 0x3F);
	}
	if ((need == 1 && r < 0x80) || (need == 2 && r < 0x800) || (need == 3 && r < 0x10000) ||
	    r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
		goto bad;
	*w = need + 1;
	return r;
bad:
	*w = 1;
	return 0xFFFD;
}

static void put_utf8(osmo_buf *b, int r)
{
	osmo_numfmt_put_rune(b, r);
}

int osmo_tpl_lit_unquote_char(const char *s, size_t n, char quote, int *rune, bool *multibyte,
			      size_t *used)
{
	*multibyte = false;
	if (n == 0)
		return -1;
	unsigned char c = (unsigned char)s[0];
	if (c == (unsigned char)quote && (quote == '\'' || quote == '"'))
		return -1;
	if (c >= 0x80) {
		int w;
		*rune = dec_utf8((const unsigned char *)s, n, &w);
		*multibyte = true;
		*used = (size_t)w;
		return 0;
	}
	if (c != '\\') {
		*rune = c;
		*used = 1;
		return 0;
	}
	if (n <= 1)
		return -1;
	c = (unsigned char)s[1];
	size_t i = 2;
	int v = 0;
	switch (c) {
	case 'a': v = '\a'; break;
	case 'b': v = '\b'; break;
	case 'f': v = '\f'; break;
	case 'n': v = '\n'; break;
	case 'r': v = '\r'; break;
	case 't': v = '\t'; break;
	case 'v': v = '\v'; break;
	case 'x':
	case 'u':
	case 'U': {
		size_t k = c == 'x' ? 2 : c == 'u' ? 4 : 8;
		if (n - i < k)
			return -1;
		for (size_t j = 0; j < k; j++) {
			int x = unhex(s[i + j]);
			if (x < 0)
				return -1;
			v = (v << 4) | x;
		}
		i += k;
		if (c != 'x') {
			if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
				return -1;
			*multibyte = true;
		}
		break;
	}
	case '0': case '1': case '2': case '3':
	case '4': case '5': case '6': case '7':
		v = c - '0';
		if (n - i < 2)
			return -1;
		for (int j = 0; j < 2; j++) {
			int x = s[i + (size_t)j] - '0';
			if (x < 0 || x > 7)
				return -1;
			v = (v << 3) | x;
		}
		i += 2;
		if (v > 255)
			return -1;
		break;
	case '\\':
		v = '\\';
		break;
	case '\'':
	case '"':
		if (c != (unsigned char)quote)
			return -1;
		v = c;
		break;
	default:
		return -1;
	}
	*rune = v;
	*used = i;
	return 0;
}

bool osmo_tpl_parse_unquote(osmo_arena *a, const char *s, size_t n, osmo_tpl_str *out)
{
	if (n < 2 || s[0] != s[n - 1])
		return false;
	char q = s[0];
	const char *in = s + 1;
	size_t m = n - 2;
	if (q == '`') {
		if (memchr(in, '`', m))
			return false;
		if (!memchr(in, '\r', m)) {
			out->ptr = osmo_arena_strndup(a, in, m);
			out->len = m;
			return true;
		}
		char *d = osmo_arena_alloc(a, m + 1);
		size_t k = 0;
		for (size_t i = 0; i < m; i++)
			if (in[i] != '\r')
				d[k++] = in[i];
		out->ptr = d;
		out->len = k;
		return true;
	}
	if (q != '"')
		return false;
	if (!memchr(in, '\\', m) && !memchr(in, '\n', m) && !memchr(in, '"', m)) {
		bool valid = true;
		for (size_t i = 0; i < m;) {
			int w;
			if (dec_utf8((const unsigned char *)in + i, m - i, &w) == 0xFFFD && w == 1) {
				valid = false;
				break;
			}
			i += (size_t)w;
		}
		if (valid) {
			out->ptr = osmo_arena_strndup(a, in, m);
			out->len = m;
			return true;
		}
	}
	osmo_buf b = OSMO_BUF_INIT;
	size_t i = 0;
	while (i < m) {
		int r;
		bool mb;
		size_t used;
		if (in[i] == '\n' || osmo_tpl_lit_unquote_char(in + i, m - i, q, &r, &mb, &used) < 0) {
			osmo_buf_dispose(&b);
			return false;
		}
		i += used;
		if (r < 0x80 || !mb)
			osmo_buf_putc(&b, (char)r);
		else
			put_utf8(&b, r);
	}
	out->ptr = osmo_arena_strndup(a, b.ptr ? b.ptr : "", b.len);
	out->len = b.len;
	osmo_buf_dispose(&b);
	return true;
}

static char lower(char c)
{
	return (char)(c | 0x20);
}

/* strconv's underscoreOK */
static bool underscore_ok(const char *s, size_t n)
{
	char saw = '^';
	size_t i = 0;
	if (n >= 1 && (s[0] == '-' || s[0] == '+'))
		s++, n--;
	bool hex = false;
	if (n >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
		i = 2;
		saw = '0';
		hex = lower(s[1]) == 'x';
	}
	for (; i < n; i++) {
		if ((s[i] >= '0' && s[i] <= '9') || (hex && lower(s[i]) >= 'a' && lower(s[i]) <= 'f')) {
			saw = '0';
			continue;
		}
		if (s[i] == '_') {
			if (saw != '0')
				return false;
			saw = '_';
			continue;
		}
		if (saw == '_')
			return false;
		saw = '!';
	}
	return saw != '_';
}

/* strconv.ParseUint(s, 0, 64) */
static bool parse_uint0(const char *s, size_t n, uint64_t *out)
{
	if (n == 0)
		return false;
	const char *s0 = s;
	size_t n0 = n;
	int base = 10;
	bool prefixed = false;
	if (s[0] == '0') {
		if (n >= 3 && lower(s[1]) == 'b') {
			base = 2, s += 2, n -= 2;
		} else if (n >= 3 && lower(s[1]) == 'o') {
			base = 8, s += 2, n -= 2;
		} else if (n >= 3 && lower(s[1]) == 'x') {
			base = 16, s += 2, n -= 2;
		} else {
			base = 8, s += 1, n -= 1;
		}
		prefixed = true;
	}
	(void)prefixed;
	uint64_t v = 0;
	bool under = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int d;
		if (c == '_') {
			under = true;
			continue;
		}
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (lower(c) >= 'a' && lower(c) <= 'z')
			d = lower(c) - 'a' + 10;
		else
			return false;
		if (d >= base)
			return false;
		if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
			return false; /* range */
		v = v * (uint64_t)base + (uint64_t)d;
	}
	if (under && !underscore_ok(s0, n0))
		return false;
	*out = v;
	return true;
}

/* strconv.ParseInt(s, 0, 64) */
static bool parse_int0(const char *s, size_t n, int64_t *out)
{
	if (n == 0)
		return false;
	bool neg = false;
	if (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-';
		s++, n--;
	}
	uint64_t u;
	if (!parse_uint0(s, n, &u))
		return false;
	if (!neg && u > (uint64_t)INT64_MAX)
		return false;
	if (neg && u > (uint64_t)INT64_MAX + 1)
		return false;
	*out = neg ? (int64_t)(0 - u) : (int64_t)u;
	return true;
}

/* strconv.ParseFloat(s, 64) for the literal forms the lexer produces. */
static bool parse_float(const char *s, size_t n, double *out)
{
	if (n == 0 || n > 400)
		return false;
	if (memchr(s, '_', n) && !underscore_ok(s, n))
		return false;
	char buf[512];
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != '_')
			buf[k++] = s[i];
	buf[k] = 0;
	const char *p = buf;
	if (*p == '+' || *p == '-')
		p++;
	bool hex = p[0] == '0' && lower(p[1]) == 'x';
	if (hex && !strpbrk(p, "pP"))
		return false; /* hexadecimal mantissa requires a 'p' exponent */
	if (!hex && strpbrk(p, "pP"))
		return false;
	if (!((p[0] >= '0' && p[0] <= '9') || p[0] == '.'))
		return false;
	char *end;
	errno = 0;
	double f = strtod(buf, &end);
	if (*end != 0)
		return false;
	if (isinf(f))
		return false;
	*out = f;
	return true;
}

static bool contains_any(const char *s, size_t n, const char *set)
{
	for (size_t i = 0; i < n; i++)
		if (strchr(set, s[i]))
			return true;
	return false;
}

int osmo_tpl_lit_number(osmo_tpl_node *nd, const char *text, size_t n, bool is_char, bool is_complex,
			char *errbuf, size_t errlen)
{
	if (is_char) {
		int r;
		bool mb;
		size_t used;
		if (n < 2 || osmo_tpl_lit_unquote_char(text + 1, n - 1, text[0], &r, &mb, &used) < 0) {
			snprintf(errbuf, errlen, "invalid syntax");
			return -1;
		}
		if (n - 1 - used != 1 || text[n - 1] != '\'') {
			snprintf(errbuf, errlen, "malformed character constant: %.*s", (int)n, text);
			return -1;
		}
		nd->i64 = r;
		nd->u64 = (uint64_t)r;
		nd->f64 = r;
		nd->is_int = nd->is_uint = nd->is_float = true;
		return 0;
	}
	if (is_complex || (n > 0 && text[n - 1] == 'i')) {
		/* Go's complex constants: "2i" or "1+2i" (the lexer's ITEM_COMPLEX);
		 * the real part ends at the sign that does not follow an exponent */
		size_t split = 0;
		for (size_t i = 1; is_complex && i + 1 < n; i++)
			if ((text[i] == '+' || text[i] == '-') && !strchr("eEpP", text[i - 1]))
				split = i;
		double re = 0, im = 0;
		if ((split && osmo_numfmt_parse_float(&re, text, split)) ||
		    osmo_numfmt_parse_float(&im, text + split, n - 1 - split)) {
			snprintf(errbuf, errlen, "illegal number syntax: \"%.*s\"", (int)n, text);
			return -1;
		}
		nd->is_complex = true;
		nd->c_re = re;
		nd->c_im = im;
		if (im == 0) { /* simplifyComplex: a real value is also a float */
			nd->is_float = true;
			nd->f64 = re;
			if (re == (double)(int64_t)re) {
				nd->is_int = true;
				nd->i64 = (int64_t)re;
			}
		}
		return 0;
	}
	uint64_t u = 0;
	int64_t i;
	if (parse_uint0(text, n, &u)) {
		nd->is_uint = true;
		nd->u64 = u;
	}
	if (parse_int0(text, n, &i)) {
		nd->is_int = true;
		nd->i64 = i;
		if (i == 0) {
			nd->is_uint = true;
			nd->u64 = u;
		}
	}
	if (nd->is_int) {
		nd->is_float = true;
		nd->f64 = (double)nd->i64;
	} else if (nd->is_uint) {
		nd->is_float = true;
		nd->f64 = (double)nd->u64;
	} else {
		double f;
		if (parse_float(text, n, &f)) {
			if (!contains_any(text, n, ".eEpP")) {
				snprintf(errbuf, errlen, "integer overflow: \"%.*s\"", (int)n, text);
				return -1;
			}
			nd->is_float = true;
			nd->f64 = f;
			if (f >= -9223372036854775808.0 && f < 9223372036854775808.0 &&
			    (double)(int64_t)f == f) {
				nd->is_int = true;
				nd->i64 = (int64_t)f;
			}
			if (f >= 0 && f < 18446744073709551616.0 && (double)(uint64_t)f == f) {
				nd->is_uint = true;
				nd->u64 = (uint64_t)f;
			}
		}
	}
	if (!nd->is_int && !nd->is_uint && !nd->is_float) {
		snprintf(errbuf, errlen, "illegal number syntax: \"%.*s\"", (int)n, text);
		return -1;
	}
	return 0;
}
