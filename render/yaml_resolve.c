/* yaml_resolve.c - go-yaml v2's implicit typing of plain scalars (YAML 1.1:
 * y/yes/on booleans, 0o17/0x1F/017 integers, timestamps) and the small
 * conversions sigs.k8s.io/yaml applies on top (key stringification). */
#include "yaml_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "osmo/numfmt.h"

/* ---- timestamps: time.Parse with go-yaml's four layouts -------------------- */

static bool digit(const char *p, const char *e)
{
	return p < e && *p >= '0' && *p <= '9';
}

/* time's getnum(s, false): one or two digits. */
static bool getnum(const char **p, const char *e, int *v)
{
	if (!digit(*p, e))
		return false;
	*v = **p - '0';
	(*p)++;
	if (digit(*p, e)) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
	}
	return true;
}

static int days_in(int m, int y)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 29;
	return d[m - 1];
}

static bool is_timestamp(const char *s, size_t n)
{
	const char *p = s, *e = s + n;
	int y, mo, d, h, mi, sec;

	for (y = 0; p < e && *p >= '0' && *p <= '9'; p++)
		if (p - s < 4)
			y = y * 10 + (*p - '0');
	if (p - s != 4 || p == e || *p != '-')
		return false;
	p++;
	if (!getnum(&p, e, &mo) || mo < 1 || mo > 12 || p == e || *p != '-')
		return false;
	p++;
	if (!getnum(&p, e, &d))
		return false;
	if (p < e) {
		bool tz = *p == 'T' || *p == 't';
		if (!tz && *p != ' ')
			return false;
		p++;
		if (!getnum(&p, e, &h) || h >= 24 || p == e || *p != ':')
			return false;
		p++;
		if (!getnum(&p, e, &mi) || mi >= 60 || p == e || *p != ':')
			return false;
		p++;
		if (!getnum(&p, e, &sec) || sec >= 60)
			return false;
		if (e - p >= 2 && (*p == '.' || *p == ',') && p[1] >= '0' && p[1] <= '9') {
			p += 2;
			while (digit(p, e))
				p++;
		}
		if (tz) {
			if (p < e && *p == 'Z') {
				p++;
			} else {
				if (e - p < 6 || p[3] != ':' || (p[0] != '+' && p[0] != '-'))
					return false;
				if (!digit(p + 1, e) || !digit(p + 2, e) || !digit(p + 4, e) ||
				    !digit(p + 5, e))
					return false;
				if ((p[1] - '0') * 10 + (p[2] - '0') > 24 ||
				    (p[4] - '0') * 10 + (p[5] - '0') > 60)
					return false;
				p += 6;
			}
		}
		if (p != e)
			return false;
	}
	return d >= 1 && d <= days_in(mo, y);
}

/* ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ */
static bool yaml_style_float(const char *s, size_t n)
{
	const char *p = s, *e = s + n;
	if (p < e && (*p == '+' || *p == '-'))
		p++;
	if (p < e && *p == '.') {
		p++;
		if (!digit(p, e))
			return false;
		while (digit(p, e))
			p++;
	} else {
		if (!digit(p, e))
			return false;
		while (digit(p, e))
			p++;
		if (p < e && *p == '.') {
			p++;
			while (digit(p, e))
				p++;
		}
	}
	if (p < e && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < e && (*p == '+' || *p == '-'))
			p++;
		if (!digit(p, e))
			return false;
		while (digit(p, e))
			p++;
	}
	return p == e;
}

/* ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$ */
bool osmo_yaml_is_base60(const char *s, size_t n)
{
	const char *p = s, *e = s + n;
	int groups = 0;
	if (n == 0 || !(*s == '+' || *s == '-' || (*s >= '0' && *s <= '9')) || !memchr(s, ':', n))
		return false;
	if (*p == '+' || *p == '-')
		p++;
	if (!digit(p, e))
		return false;
	while (p < e && ((*p >= '0' && *p <= '9') || *p == '_'))
		p++;
	while (p < e && *p == ':') {
		p++;
		if (digit(p, e) && *p <= '5' && digit(p + 1, e))
			p += 2;
		else if (digit(p, e))
			p++;
		else
			return false;
		groups++;
	}
	if (!groups)
		return false;
	if (p < e && *p == '.') {
		p++;
		while (p < e && ((*p >= '0' && *p <= '9') || *p == '_'))
			p++;
	}
	return p == e;
}

/* ---- resolve --------------------------------------------------------------- */

static const struct {
	const char *s;
	int kind;
	int val; /* bool value, or float: 1 +inf, -1 -inf, 0 nan */
} resolve_map[] = {
	{ "y", OSMO_YR_BOOL, 1 }, { "Y", OSMO_YR_BOOL, 1 }, { "yes", OSMO_YR_BOOL, 1 },
	{ "Yes", OSMO_YR_BOOL, 1 }, { "YES", OSMO_YR_BOOL, 1 }, { "true", OSMO_YR_BOOL, 1 },
	{ "True", OSMO_YR_BOOL, 1 }, { "TRUE", OSMO_YR_BOOL, 1 }, { "on", OSMO_YR_BOOL, 1 },
	{ "On", OSMO_YR_BOOL, 1 }, { "ON", OSMO_YR_BOOL, 1 }, { "n", OSMO_YR_BOOL, 0 },
	{ "N", OSMO_YR_BOOL, 0 }, { "no", OSMO_YR_BOOL, 0 }, { "No", OSMO_YR_BOOL, 0 },
	{ "NO", OSMO_YR_BOOL, 0 }, { "false", OSMO_YR_BOOL, 0 }, { "False", OSMO_YR_BOOL, 0 },
	{ "FALSE", OSMO_YR_BOOL, 0 }, { "off", OSMO_YR_BOOL, 0 }, { "Off", OSMO_YR_BOOL, 0 },
	{ "OFF", OSMO_YR_BOOL, 0 }, { "", OSMO_YR_NULL, 0 }, { "~", OSMO_YR_NULL, 0 },
	{ "null", OSMO_YR_NULL, 0 }, { "Null", OSMO_YR_NULL, 0 }, { "NULL", OSMO_YR_NULL, 0 },
	{ ".nan", OSMO_YR_FLOAT, 0 }, { ".NaN", OSMO_YR_FLOAT, 0 }, { ".NAN", OSMO_YR_FLOAT, 0 },
	{ ".inf", OSMO_YR_FLOAT, 1 }, { ".Inf", OSMO_YR_FLOAT, 1 }, { ".INF", OSMO_YR_FLOAT, 1 },
	{ "+.inf", OSMO_YR_FLOAT, 1 }, { "+.Inf", OSMO_YR_FLOAT, 1 }, { "+.INF", OSMO_YR_FLOAT, 1 },
	{ "-.inf", OSMO_YR_FLOAT, -1 }, { "-.Inf", OSMO_YR_FLOAT, -1 }, { "-.INF", OSMO_YR_FLOAT, -1 },
	{ "<<", OSMO_YR_MERGE, 0 },
};

static char hint_of(unsigned char c)
{
	if (c == '+' || c == '-')
		return 'S';
	if (c >= '0' && c <= '9')
		return 'D';
	if (strchr("yYnNtTfFoO~", c) && c)
		return 'M';
	if (c == '.')
		return '.';
	return 0;
}

static bool set_int(osmo_yaml_resolved *r, const char *s, size_t n, int base)
{
	int64_t i;
	uint64_t u;
	if (osmo_numfmt_parse_int(&i, s, n, base) == 0) {
		r->kind = OSMO_YR_INT;
		r->i = i;
		return true;
	}
	if (osmo_numfmt_parse_uint(&u, s, n, base) == 0) {
		r->kind = OSMO_YR_UINT;
		r->u = u;
		return true;
	}
	return false;
}

void osmo_yaml_resolve(osmo_yaml_resolved *r, const char *s, size_t n, bool as_str, bool try_ts)
{
	char hint = n ? hint_of((unsigned char)s[0]) : 'N';

	memset(r, 0, sizeof *r);
	r->kind = OSMO_YR_STR;
	if (!hint || as_str)
		return;
	/* no table entry is longer than 5 or starts with a digit */
	for (size_t i = 0; n <= 5 && hint != 'D' && i < sizeof resolve_map / sizeof resolve_map[0]; i++) {
		if (resolve_map[i].s[0] == (n ? s[0] : 0) && strlen(resolve_map[i].s) == n &&
		    memcmp(resolve_map[i].s, s, n) == 0) {
			r->kind = resolve_map[i].kind;
			r->b = resolve_map[i].val;
			if (r->kind == OSMO_YR_FLOAT)
				r->f = resolve_map[i].val ? resolve_map[i].val * INFINITY : NAN;
			return;
		}
	}
	if (hint == '.') {
		double f;
		if (osmo_numfmt_parse_float(&f, s, n) == 0) {
			r->kind = OSMO_YR_FLOAT;
			r->f = f;
		}
		return;
	}
	if (hint == 'D' || hint == 'S') {
		char *plain;
		size_t pn = 0;
		double f;
		if (try_ts && is_timestamp(s, n)) {
			r->kind = OSMO_YR_TIMESTAMP;
			return;
		}
		char small[64];
		plain = n + 2 <= sizeof small ? small : osmo_malloc(n + 2);
		for (size_t i = 0; i < n; i++)
			if (s[i] != '_')
				plain[pn++] = s[i];
		plain[pn] = 0;
		if (set_int(r, plain, pn, 0))
			goto out;
		if (yaml_style_float(plain, pn) && osmo_numfmt_parse_float(&f, plain, pn) == 0) {
			r->kind = OSMO_YR_FLOAT;
			r->f = f;
			goto out;
		}
		if (pn > 2 && plain[0] == '0' && plain[1] == 'b') {
			set_int(r, plain + 2, pn - 2, 2);
		} else if (pn > 3 && plain[0] == '-' && plain[1] == '0' && plain[2] == 'b') {
			int64_t i;
			plain[2] = '-';
			if (osmo_numfmt_parse_int(&i, plain + 2, pn - 2, 2) == 0) {
				r->kind = OSMO_YR_INT;
				r->i = i;
			}
		}
out:
		if (plain != small)
			osmo_free(plain);
	}
}

/* ---- float32 shortest ('g', -1, 32) -------------------------------------------- */

void osmo_yaml_float32(osmo_buf *b, double d)
{
	float f = (float)d;
	char tmp[64], dig[16];
	int nd = 0, dp, exp;

	if (isnan(f)) {
		osmo_buf_puts(b, "NaN");
		return;
	}
	if (isinf(f)) {
		osmo_buf_puts(b, f > 0 ? "+Inf" : "-Inf");
		return;
	}
	if (signbit(f))
		osmo_buf_putc(b, '-');
	f = fabsf(f);
	if (f == 0) {
		osmo_buf_putc(b, '0');
		return;
	}
	for (int p = 1; p <= 9; p++) {
		snprintf(tmp, sizeof tmp, "%.*e", p - 1, (double)f);
		if (strtof(tmp, NULL) == f || p == 9)
			break;
	}
	{
		char *e = strchr(tmp, 'e');
		for (char *c = tmp; c < e; c++)
			if (*c >= '0' && *c <= '9')
				dig[nd++] = *c;
		while (nd > 1 && dig[nd - 1] == '0')
			nd--;
		dp = atoi(e + 1) + 1;
	}
	exp = dp - 1;
	if (exp < -4 || exp >= 6) {
		osmo_buf_putc(b, dig[0]);
		if (nd > 1) {
			osmo_buf_putc(b, '.');
			osmo_buf_put(b, dig + 1, (size_t)nd - 1);
		}
		osmo_buf_printf(b, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
	} else if (dp <= 0) {
		osmo_buf_puts(b, "0.");
		for (int i = 0; i < -dp; i++)
			osmo_buf_putc(b, '0');
		osmo_buf_put(b, dig, (size_t)nd);
	} else {
		for (int i = 0; i < dp; i++)
			osmo_buf_putc(b, i < nd ? dig[i] : '0');
		if (nd > dp) {
			osmo_buf_putc(b, '.');
			osmo_buf_put(b, dig + dp, (size_t)(nd - dp));
		}
	}
}

/* ---- keys, error rendering, UTF-8 -------------------------------------------------- */

bool osmo_yaml_key_string(osmo_buf *b, osmo_value k)
{
	osmo_buf_clear(b);
	switch (k.type) {
	case OSMO_V_STRING:
		osmo_buf_put(b, k.u.s.ptr, k.u.s.len);
		return true;
	case OSMO_V_BOOL:
		osmo_buf_puts(b, k.u.b ? "true" : "false");
		return true;
	case OSMO_V_INT:
		if (k.sub == OSMO_GO_UINT64)
			return false;
		osmo_numfmt_int(b, k.u.i, 10);
		return true;
	case OSMO_V_FLOAT: {
		osmo_buf t = OSMO_BUF_INIT;
		osmo_yaml_float32(&t, k.u.f);
		const char *s = osmo_buf_cstr(&t);
		osmo_buf_puts(b, strcmp(s, "+Inf") == 0 ? ".inf" : strcmp(s, "-Inf") == 0 ? "-.inf"
					 : strcmp(s, "NaN") == 0	? ".nan" : s);
		osmo_buf_dispose(&t);
		return true;
	}
	default:
		return false;
	}
}

void osmo_yaml_gosyntax(osmo_buf *b, osmo_value v, bool top)
{
	(void)top;
	switch (v.type) {
	case OSMO_V_NULL:
		osmo_buf_puts(b, "<nil>");
		break;
	case OSMO_V_BOOL:
		osmo_buf_puts(b, v.u.b ? "true" : "false");
		break;
	case OSMO_V_INT:
		if (v.sub == OSMO_GO_UINT64)
			osmo_buf_printf(b, "0x%llx", (unsigned long long)v.u.i);
		else
			osmo_numfmt_int(b, v.u.i, 10);
		break;
	case OSMO_V_FLOAT:
		osmo_numfmt_float(b, v.u.f, 'g', -1);
		break;
	case OSMO_V_STRING:
		osmo_numfmt_quote(b, v.u.s.ptr, v.u.s.len);
		break;
	case OSMO_V_LIST:
		osmo_buf_puts(b, "[]interface {}{");
		for (size_t i = 0; i < v.u.list->len; i++) {
			if (i)
				osmo_buf_puts(b, ", ");
			osmo_yaml_gosyntax(b, v.u.list->items[i], false);
		}
		osmo_buf_putc(b, '}');
		break;
	case OSMO_V_MAP:
		osmo_buf_puts(b, "map[interface {}]interface {}{");
		for (size_t i = 0; i < v.u.map->len; i++) {
			if (i)
				osmo_buf_puts(b, ", ");
			osmo_numfmt_quote(b, v.u.map->ents[i].key.ptr, v.u.map->ents[i].key.len);
			osmo_buf_putc(b, ':');
			osmo_yaml_gosyntax(b, v.u.map->ents[i].val, false);
		}
		osmo_buf_putc(b, '}');
		break;
	default:
		osmo_buf_puts(b, "<object>");
	}
}

/* Go's utf8 validity: width of a valid sequence at s, or 0. */
size_t osmo_yaml_utf8_valid(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 0;
	if (c < 0xE0)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c < 0xF0) {
		unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
		return n >= 3 && s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 ? 3 : 0;
	}
	{
		unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
		return n >= 4 && s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 &&
				       (s[3] & 0xC0) == 0x80
			       ? 4
			       : 0;
	}
}

bool osmo_yaml_utf8_ok(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, w;
	for (;;) {
		while (i < n && s[i] < 0x80)
			i++;
		if (i == n)
			return true;
		if ((w = osmo_yaml_utf8_valid(s + i, n - i)) == 0)
			return false;
		i += w;
	}
}

osmo_value osmo_yaml_fix_utf8(osmo_arena *a, osmo_value v)
{
	const unsigned char *s = (const unsigned char *)v.u.s.ptr;
	size_t n = v.u.s.len, i = 0, w;
	osmo_buf b = OSMO_BUF_INIT;
	osmo_value out;

	for (;;) {
		while (i < n && s[i] < 0x80)
			i++;
		if (i == n || (w = osmo_yaml_utf8_valid(s + i, n - i)) == 0)
			break;
		i += w;
	}
	if (i == n)
		return v;
	osmo_buf_put(&b, (const char *)s, i);
	while (i < n) {
		w = osmo_yaml_utf8_valid(s + i, n - i);
		if (w) {
			osmo_buf_put(&b, (const char *)s + i, w);
			i += w;
		} else {
			osmo_buf_puts(&b, "\xEF\xBF\xBD");
			i++;
		}
	}
	out = osmo_string_buf(a, &b);
	out.sub = v.sub;
	osmo_buf_dispose(&b);
	return out;
}
