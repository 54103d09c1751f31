/* gotime_parse.c - time.ParseInLocation with Go's rules: layout elements
 * as in formatting, lenient fractional seconds, zone offsets matched
 * against the location, and Go's ParseError texts. */
#include "osmo/gotime.h"
#include "gotime_int.h"

#include <stdio.h>
#include <string.h>

typedef struct str {
	const char *p;
	size_t n;
} str;

static void adv(str *s, size_t k)
{
	s->p += k;
	s->n -= k;
}

static bool sdigit(str s, size_t i)
{
	return i < s.n && s.p[i] >= '0' && s.p[i] <= '9';
}

/* Go's getnum: one or two digits (fixed: exactly two). */
static bool getnum(str *s, bool fixed, int *out)
{
	if (!sdigit(*s, 0))
		return false;
	if (!sdigit(*s, 1)) {
		if (fixed)
			return false;
		*out = s->p[0] - '0';
		adv(s, 1);
		return true;
	}
	*out = (s->p[0] - '0') * 10 + (s->p[1] - '0');
	adv(s, 2);
	return true;
}

static bool getnum3(str *s, bool fixed, int *out)
{
	int v = 0;
	size_t i;
	for (i = 0; i < 3 && sdigit(*s, i); i++)
		v = v * 10 + (s->p[i] - '0');
	if (i == 0 || (fixed && i != 3))
		return false;
	*out = v;
	adv(s, i);
	return true;
}

/* Go's leadingInt over s[0:n): digits with overflow detection. */
static bool leading_int(const char *s, size_t n, uint64_t *x, size_t *used)
{
	uint64_t v = 0;
	size_t i = 0;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
		if (v > (UINT64_C(1) << 63) / 10)
			return false;
		v = v * 10 + (uint64_t)(s[i] - '0');
		if (v > (UINT64_C(1) << 63))
			return false;
	}
	*x = v;
	*used = i;
	return true;
}

/* Go's atoi: optional sign, then only digits. */
static bool go_atoi(const char *s, size_t n, int64_t *out)
{
	bool neg = false;
	if (n && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		s++, n--;
	}
	uint64_t v;
	size_t used;
	if (!leading_int(s, n, &v, &used) || used != n)
		return false;
	*out = neg ? -(int64_t)v : (int64_t)v;
	return true;
}

static bool lookup_name(const char *const *tab, size_t cnt, size_t len, str *s, int *idx)
{
	for (size_t i = 0; i < cnt; i++) {
		size_t k = len ? len : strlen(tab[i]);
		if (s->n < k)
			continue;
		size_t j;
		for (j = 0; j < k; j++) {
			unsigned char c1 = (unsigned char)s->p[j], c2 = (unsigned char)tab[i][j];
			if (c1 != c2) {
				c1 |= 0x20, c2 |= 0x20;
				if (c1 != c2 || c1 < 'a' || c1 > 'z')
					break;
			}
		}
		if (j == k) {
			*idx = (int)i;
			adv(s, k);
			return true;
		}
	}
	return false;
}

/* Go's parseNanoseconds: value starts with the separator; nbytes counts it. */
static bool parse_nanos(str s, size_t nbytes, int *ns, const char **range)
{
	if (s.p[0] != '.' && s.p[0] != ',')
		return false;
	if (nbytes > 10)
		nbytes = 10;
	int64_t v;
	if (!go_atoi(s.p + 1, nbytes - 1, &v))
		return false;
	if (v < 0) {
		*range = "fractional second";
		return true;
	}
	for (size_t i = 0; i < 10 - nbytes; i++)
		v *= 10;
	*ns = (int)v;
	return true;
}

static size_t signed_offset(str s)
{
	if (!s.n || (s.p[0] != '-' && s.p[0] != '+'))
		return 0;
	uint64_t x;
	size_t used;
	if (!leading_int(s.p + 1, s.n - 1, &x, &used) || used == 0 || x > 23)
		return 0;
	return 1 + used;
}

/* Go's parseTimeZone: the length of a zone abbreviation at s, or 0. */
static size_t parse_tz(str s)
{
	if (s.n < 3)
		return 0;
	if (s.n >= 4 && (memcmp(s.p, "ChST", 4) == 0 || memcmp(s.p, "MeST", 4) == 0))
		return 4;
	if (memcmp(s.p, "GMT", 3) == 0) {
		str r = { s.p + 3, s.n - 3 };
		return r.n ? 3 + signed_offset(r) : 3;
	}
	if (s.p[0] == '+' || s.p[0] == '-')
		return signed_offset(s);
	size_t up = 0;
	while (up < 6 && up < s.n && s.p[up] >= 'A' && s.p[up] <= 'Z')
		up++;
	switch (up) {
	case 5:
		return s.p[4] == 'T' ? 5 : 0;
	case 4:
		return s.p[3] == 'T' || memcmp(s.p, "WITA", 4) == 0 ? 4 : 0;
	case 3:
		return 3;
	default:
		return 0;
	}
}

/* Go's skip: literal prefix where runs of spaces match runs of spaces. */
static bool skip_prefix(str *v, const char *p, size_t n)
{
	while (n) {
		if (*p == ' ') {
			if (v->n && v->p[0] != ' ')
				return false;
			while (n && *p == ' ')
				p++, n--;
			while (v->n && v->p[0] == ' ')
				adv(v, 1);
			continue;
		}
		if (!v->n || v->p[0] != *p)
			return false;
		p++, n--;
		adv(v, 1);
	}
	return true;
}

static int parse_error(osmo_buf *e, str layout, str value, str lelem, str velem, const char *msg,
		       bool quote_rest)
{
	if (!e)
		return OSMO_EPARSE;
	osmo_buf_puts(e, "parsing time ");
	osmo_gotime_quote(e, value.p, value.n);
	if (msg) {
		osmo_buf_puts(e, msg);
		if (quote_rest)
			osmo_gotime_quote(e, velem.p, velem.n);
		return OSMO_EPARSE;
	}
	osmo_buf_puts(e, " as ");
	osmo_gotime_quote(e, layout.p, layout.n);
	osmo_buf_puts(e, ": cannot parse ");
	osmo_gotime_quote(e, velem.p, velem.n);
	osmo_buf_puts(e, " as ");
	osmo_gotime_quote(e, lelem.p, lelem.n);
	return OSMO_EPARSE;
}

static bool tz_fields(str *v, int std, int *zoff, const char **range)
{
	const char *h, *m, *sec = "00";
	const char *mz = "00";
	size_t need;
	bool colon = std == STD_ISO_COLON_TZ || std == STD_NUM_COLON_TZ;
	bool shrt = std == STD_NUM_SHORT_TZ || std == STD_ISO_SHORT_TZ;
	bool csec = std == STD_ISO_COLON_SECONDS_TZ || std == STD_NUM_COLON_SECONDS_TZ;
	bool nsec = std == STD_ISO_SECONDS_TZ || std == STD_NUM_SECONDS_TZ;
	need = colon ? 6 : shrt ? 3 : csec ? 9 : nsec ? 7 : 5;
	if (v->n < need)
		return false;
	const char *p = v->p;
	if ((colon || csec) && p[3] != ':')
		return false;
	if (csec && p[6] != ':')
		return false;
	h = p + 1;
	m = shrt ? mz : colon || csec ? p + 4 : p + 3;
	if (csec)
		sec = p + 7;
	else if (nsec)
		sec = p + 5;
	char sign = p[0];
	adv(v, need);
	int hr, mm, ss;
	str hs = { h, 2 }, ms = { m, 2 }, sss = { sec, 2 };
	if (!getnum(&hs, true, &hr) || !getnum(&ms, true, &mm) || !getnum(&sss, true, &ss))
		return false;
	if (hr > 24)
		*range = "time zone offset hour";
	if (mm > 60)
		*range = "time zone offset minute";
	if (ss > 60)
		*range = "time zone offset second";
	*zoff = (hr * 60 + mm) * 60 + ss;
	if (sign == '-')
		*zoff = -*zoff;
	else if (sign != '+')
		return false;
	return true;
}

int osmo_gotime_parse(osmo_gotime *out, osmo_arena *a, const char *layout, size_t llen,
		      const char *value, size_t vlen, const osmo_gotime_loc *loc, osmo_buf *e)
{
	str al = { layout, llen }, av = { value, vlen };
	str l = al, v = av;
	const char *range = NULL;
	bool am = false, pm = false, have_z = false;
	int64_t year = 0;
	int month = -1, day = -1, yday = -1, hour = 0, min = 0, sec = 0, nsec = 0;
	int zoff = -1;
	str zname = { "", 0 };
	const osmo_gotime_loc *z = NULL;
	*out = osmo_gotime_zero();

	for (;;) {
		chunk c = osmo_gotime_next_chunk(l.p, l.n);
		str prefix = { l.p, c.prefix }, stdstr = { l.p + c.prefix, c.elem };
		if (!skip_prefix(&v, prefix.p, prefix.n))
			return parse_error(e, al, av, prefix, v, NULL, false);
		if (c.std == STD_NONE) {
			if (v.n)
				return parse_error(e, al, av, prefix, v, ": extra text: ", true);
			break;
		}
		adv(&l, c.prefix + c.elem);
		str hold = v;
		bool ok = true;
		int idx = 0;
		int64_t y;
		switch (c.std) {
		case STD_YEAR:
			if (v.n < 2 || !go_atoi(v.p, 2, &y)) {
				ok = false;
				break;
			}
			adv(&v, 2);
			year = y >= 69 ? y + 1900 : y + 2000;
			break;
		case STD_LONG_YEAR:
			if (v.n < 4 || !sdigit(v, 0) || !go_atoi(v.p, 4, &y)) {
				ok = false;
				break;
			}
			adv(&v, 4);
			year = y;
			break;
		case STD_MONTH:
			ok = lookup_name(osmo_gotime_long_months, 12, 3, &v, &idx);
			month = idx + 1;
			break;
		case STD_LONG_MONTH:
			ok = lookup_name(osmo_gotime_long_months, 12, 0, &v, &idx);
			month = idx + 1;
			break;
		case STD_NUM_MONTH:
		case STD_ZERO_MONTH:
			ok = getnum(&v, c.std == STD_ZERO_MONTH, &month);
			if (ok && (month <= 0 || month > 12))
				range = "month";
			break;
		case STD_WEEKDAY:
			ok = lookup_name(osmo_gotime_long_days, 7, 3, &v, &idx);
			break;
		case STD_LONG_WEEKDAY:
			ok = lookup_name(osmo_gotime_long_days, 7, 0, &v, &idx);
			break;
		case STD_DAY:
		case STD_UNDER_DAY:
		case STD_ZERO_DAY:
			if (c.std == STD_UNDER_DAY && v.n && v.p[0] == ' ')
				adv(&v, 1);
			ok = getnum(&v, c.std == STD_ZERO_DAY, &day);
			break;
		case STD_UNDER_YDAY:
		case STD_ZERO_YDAY:
			for (int i = 0; i < 2; i++)
				if (c.std == STD_UNDER_YDAY && v.n && v.p[0] == ' ')
					adv(&v, 1);
			ok = getnum3(&v, c.std == STD_ZERO_YDAY, &yday);
			break;
		case STD_HOUR:
			ok = getnum(&v, false, &hour);
			if (hour < 0 || hour >= 24)
				range = "hour";
			break;
		case STD_HOUR12:
		case STD_ZERO_HOUR12:
			ok = getnum(&v, c.std == STD_ZERO_HOUR12, &hour);
			if (hour < 0 || hour > 12)
				range = "hour";
			break;
		case STD_MINUTE:
		case STD_ZERO_MINUTE:
			ok = getnum(&v, c.std == STD_ZERO_MINUTE, &min);
			if (min < 0 || min >= 60)
				range = "minute";
			break;
		case STD_SECOND:
		case STD_ZERO_SECOND:
			ok = getnum(&v, c.std == STD_ZERO_SECOND, &sec);
			if (!ok)
				break;
			if (sec < 0 || sec >= 60) {
				range = "second";
				break;
			}
			/* A fractional second in the value but not in the layout. */
			if (v.n >= 2 && (v.p[0] == '.' || v.p[0] == ',') && sdigit(v, 1)) {
				chunk nc = osmo_gotime_next_chunk(l.p, l.n);
				if (nc.std == STD_FRAC0 || nc.std == STD_FRAC9)
					break;
				size_t k = 2;
				while (sdigit(v, k))
					k++;
				ok = parse_nanos(v, k, &nsec, &range);
				adv(&v, k);
			}
			break;
		case STD_PM_UPPER:
		case STD_PM_LOWER:
			if (v.n < 2) {
				ok = false;
				break;
			}
			if (memcmp(v.p, c.std == STD_PM_UPPER ? "PM" : "pm", 2) == 0)
				pm = true;
			else if (memcmp(v.p, c.std == STD_PM_UPPER ? "AM" : "am", 2) == 0)
				am = true;
			else
				ok = false;
			adv(&v, 2);
			break;
		case STD_ISO_TZ:
		case STD_ISO_SHORT_TZ:
		case STD_ISO_COLON_TZ:
		case STD_ISO_SECONDS_TZ:
		case STD_ISO_COLON_SECONDS_TZ:
			if (v.n && v.p[0] == 'Z') {
				adv(&v, 1);
				z = NULL;
				have_z = true;
				break;
			}
			/* fall through */
		case STD_NUM_TZ:
		case STD_NUM_SHORT_TZ:
		case STD_NUM_COLON_TZ:
		case STD_NUM_SECONDS_TZ:
		case STD_NUM_COLON_SECONDS_TZ:
			ok = tz_fields(&v, c.std, &zoff, &range);
			break;
		case STD_TZ: {
			if (v.n >= 3 && memcmp(v.p, "UTC", 3) == 0) {
				z = NULL;
				have_z = true;
				adv(&v, 3);
				break;
			}
			size_t k = parse_tz(v);
			if (!k) {
				ok = false;
				break;
			}
			zname.p = v.p, zname.n = k;
			adv(&v, k);
			break;
		}
		case STD_FRAC0: {
			size_t nd = 1 + (size_t)c.digits;
			if (v.n < nd) {
				ok = false;
				break;
			}
			ok = parse_nanos(v, nd, &nsec, &range);
			adv(&v, nd);
			break;
		}
		case STD_FRAC9: {
			if (v.n < 2 || (v.p[0] != '.' && v.p[0] != ',') || v.p[1] < '0' || v.p[1] > '9')
				break; /* omitted */
			size_t i = 0;
			while (i + 1 < v.n && v.p[i + 1] >= '0' && v.p[i + 1] <= '9')
				i++;
			ok = parse_nanos(v, 1 + i, &nsec, &range);
			adv(&v, 1 + i);
			break;
		}
		}
		if (range) {
			char msg[64];
			snprintf(msg, sizeof(msg), ": %s out of range", range);
			return parse_error(e, al, av, stdstr, v, msg, false);
		}
		if (!ok)
			return parse_error(e, al, av, stdstr, hold, NULL, false);
	}
	if (pm && hour < 12)
		hour += 12;
	else if (am && hour == 12)
		hour = 0;

	if (yday >= 0) {
		int d = 0, m = 0;
		if (osmo_gotime_is_leap(year)) {
			if (yday == 31 + 29) {
				m = 2;
				d = 29;
			} else if (yday > 31 + 29) {
				yday--;
			}
		}
		if (yday < 1 || yday > 365)
			return parse_error(e, al, av, zname, v, ": day-of-year out of range", false);
		if (m == 0) {
			m = (yday - 1) / 31 + 1;
			if (m < 12 && osmo_gotime_days_before(m + 1) < yday)
				m++;
			d = yday - osmo_gotime_days_before(m);
		}
		if (month >= 0 && month != m)
			return parse_error(e, al, av, zname, v, ": day-of-year does not match month", false);
		month = m;
		if (day >= 0 && day != d)
			return parse_error(e, al, av, zname, v, ": day-of-year does not match day", false);
		day = d;
	} else {
		if (month < 0)
			month = 1;
		if (day < 0)
			day = 1;
	}
	if (day < 1 || day > osmo_gotime_days_in(month, year))
		return parse_error(e, al, av, zname, v, ": day out of range", false);

	if (have_z) {
		*out = osmo_gotime_date(year, month, day, hour, min, sec, nsec, z);
		return 0;
	}
	if (zoff != -1) {
		osmo_gotime t = osmo_gotime_date(year, month, day, hour, min, sec, nsec, NULL);
		t.sec -= zoff;
		const char *nm;
		int off;
		osmo_gotime_lookup(loc, t.sec, &nm, &off, NULL, NULL);
		if (off == zoff && (zname.n == 0 || (strlen(nm) == zname.n &&
						      memcmp(nm, zname.p, zname.n) == 0))) {
			t.loc = loc;
		} else {
			char *zn = osmo_arena_strndup(a, zname.p, zname.n);
			t.loc = osmo_gotime_fixed_zone(a, zn, zoff);
		}
		*out = t;
		return 0;
	}
	if (zname.n) {
		osmo_gotime t = osmo_gotime_date(year, month, day, hour, min, sec, nsec, NULL);
		int off = 0;
		if (osmo_gotime_lookup_name(loc, zname.p, zname.n, t.sec, &off)) {
			t.sec -= off;
			t.loc = loc;
			*out = t;
			return 0;
		}
		if (zname.n > 3 && memcmp(zname.p, "GMT", 3) == 0) {
			int64_t h = 0;
			go_atoi(zname.p + 3, zname.n - 3, &h);
			off = (int)h * 3600;
		}
		char *zn = osmo_arena_strndup(a, zname.p, zname.n);
		t.loc = osmo_gotime_fixed_zone(a, zn, off);
		*out = t;
		return 0;
	}
	*out = osmo_gotime_date(year, month, day, hour, min, sec, nsec, loc);
	return 0;
}
