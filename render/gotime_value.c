/* gotime_value.c - time.Duration (ParseDuration, String, Round) and the
 * time.Time host object templates see: %v like Time.String, JSON/YAML as
 * RFC 3339 with nanoseconds (Time.MarshalJSON), and the common methods
 * ((now).Year, (now).Format "2006", ...). */
#include "osmo/gotime.h"
#include "osmo/funcs.h"

#include <string.h>

#define NS OSMO_GOTIME_NS_PER_SEC

void osmo_gotime_quote(osmo_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	osmo_buf_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		/* Go escapes each byte of a non-ASCII rune as \xNN. */
		if (c < ' ' || c >= 0x80) {
			osmo_buf_puts(b, "\\x");
			osmo_buf_putc(b, hex[c >> 4]);
			osmo_buf_putc(b, hex[c & 15]);
		} else {
			if (c == '"' || c == '\\')
				osmo_buf_putc(b, '\\');
			osmo_buf_putc(b, (char)c);
		}
	}
	osmo_buf_putc(b, '"');
}

/* ---- durations ------------------------------------------------------------------ */

static int bad_duration(osmo_buf *e, const char *what, const char *s, size_t n)
{
	if (e) {
		osmo_buf_puts(e, what);
		osmo_gotime_quote(e, s, n);
	}
	return OSMO_EPARSE;
}

int osmo_gotime_parse_duration(int64_t *out, const char *orig, size_t on, osmo_buf *e)
{
	static const struct {
		const char *name;
		uint64_t ns;
	} units[] = {
		{ "ns", 1 }, { "us", 1000 }, { "\xc2\xb5s", 1000 }, { "\xce\xbcs", 1000 },
		{ "ms", 1000000 }, { "s", 1000000000 }, { "m", UINT64_C(60000000000) },
		{ "h", UINT64_C(3600000000000) },
	};
	const char *s = orig;
	size_t n = on;
	uint64_t d = 0;
	bool neg = false;
	*out = 0;
	if (n && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		s++, n--;
	}
	if (n == 1 && s[0] == '0')
		return 0;
	if (!n)
		return bad_duration(e, "time: invalid duration ", orig, on);
	while (n) {
		uint64_t v = 0, f = 0;
		double scale = 1;
		if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9')))
			return bad_duration(e, "time: invalid duration ", orig, on);
		size_t i = 0;
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
			if (v > (UINT64_C(1) << 63) / 10)
				return bad_duration(e, "time: invalid duration ", orig, on);
			v = v * 10 + (uint64_t)(s[i] - '0');
			if (v > (UINT64_C(1) << 63))
				return bad_duration(e, "time: invalid duration ", orig, on);
		}
		bool pre = i > 0, post = false;
		s += i, n -= i;
		if (n && s[0] == '.') {
			s++, n--;
			bool overflow = false;
			for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
				if (overflow)
					continue;
				if (f > (UINT64_C(1) << 63) / 10 - 1) {
					overflow = true;
					continue;
				}
				uint64_t y = f * 10 + (uint64_t)(s[i] - '0');
				if (y > (UINT64_C(1) << 63)) {
					overflow = true;
					continue;
				}
				f = y;
				scale *= 10;
			}
			post = i > 0;
			s += i, n -= i;
		}
		if (!pre && !post)
			return bad_duration(e, "time: invalid duration ", orig, on);
		for (i = 0; i < n && s[i] != '.' && !(s[i] >= '0' && s[i] <= '9'); i++)
			;
		if (i == 0)
			return bad_duration(e, "time: missing unit in duration ", orig, on);
		uint64_t unit = 0;
		for (size_t k = 0; k < sizeof(units) / sizeof(units[0]); k++)
			if (strlen(units[k].name) == i && memcmp(units[k].name, s, i) == 0)
				unit = units[k].ns;
		if (!unit) {
			if (e) {
				osmo_buf_puts(e, "time: unknown unit ");
				osmo_gotime_quote(e, s, i);
				osmo_buf_puts(e, " in duration ");
				osmo_gotime_quote(e, orig, on);
			}
			return OSMO_EPARSE;
		}
		s += i, n -= i;
		if (v > (UINT64_C(1) << 63) / unit)
			return bad_duration(e, "time: invalid duration ", orig, on);
		v *= unit;
		if (f > 0) {
			/* float64, as Go: nanosecond-exact for fractions of hours */
			v += (uint64_t)((double)f * ((double)unit / scale));
			if (v > (UINT64_C(1) << 63))
				return bad_duration(e, "time: invalid duration ", orig, on);
		}
		d += v;
		if (d > (UINT64_C(1) << 63))
			return bad_duration(e, "time: invalid duration ", orig, on);
	}
	if (neg) {
		*out = (int64_t)(0 - d);
		return 0;
	}
	if (d > (uint64_t)INT64_MAX)
		return bad_duration(e, "time: invalid duration ", orig, on);
	*out = (int64_t)d;
	return 0;
}

/* Go's fmtFrac: ".ddd" of v/10^prec without trailing zeros, built backwards
 * into buf ending at *w.  Returns v/10^prec. */
static uint64_t frac(char *buf, int *w, uint64_t v, int prec)
{
	bool print = false;
	for (int i = 0; i < prec; i++) {
		int digit = (int)(v % 10);
		print = print || digit != 0;
		if (print)
			buf[--*w] = (char)('0' + digit);
		v /= 10;
	}
	if (print)
		buf[--*w] = '.';
	return v;
}

static void fmt_uint(char *buf, int *w, uint64_t v)
{
	if (v == 0) {
		buf[--*w] = '0';
		return;
	}
	while (v > 0) {
		buf[--*w] = (char)('0' + v % 10);
		v /= 10;
	}
}

void osmo_gotime_duration_string(osmo_buf *b, int64_t d)
{
	char buf[40];
	int w = (int)sizeof(buf);
	uint64_t u = (uint64_t)d;
	bool neg = d < 0;
	if (neg)
		u = -u;
	if (u < (uint64_t)NS) {
		int prec = 0;
		buf[--w] = 's';
		if (u == 0) {
			osmo_buf_puts(b, "0s");
			return;
		} else if (u < 1000) {
			buf[--w] = 'n';
		} else if (u < 1000000) {
			prec = 3;
			buf[--w] = '\xb5'; /* µ, U+00B5 */
			buf[--w] = '\xc2';
		} else {
			prec = 6;
			buf[--w] = 'm';
		}
		u = frac(buf, &w, u, prec);
		fmt_uint(buf, &w, u);
	} else {
		buf[--w] = 's';
		u = frac(buf, &w, u, 9);
		fmt_uint(buf, &w, u % 60);
		u /= 60;
		if (u > 0) {
			buf[--w] = 'm';
			fmt_uint(buf, &w, u % 60);
			u /= 60;
			if (u > 0) {
				buf[--w] = 'h';
				fmt_uint(buf, &w, u);
			}
		}
	}
	if (neg)
		buf[--w] = '-';
	osmo_buf_put(b, buf + w, sizeof(buf) - (size_t)w);
}

int64_t osmo_gotime_duration_round(int64_t d, int64_t m)
{
	if (m <= 0)
		return d;
	int64_t r = d % m;
	if (d < 0) {
		r = -r;
		if ((uint64_t)r + (uint64_t)r < (uint64_t)m)
			return d + r;
		int64_t d1;
		if (!__builtin_add_overflow(d, r - m, &d1) && d1 < d)
			return d1;
		return INT64_MIN;
	}
	if ((uint64_t)r + (uint64_t)r < (uint64_t)m)
		return d - r;
	int64_t d1;
	if (!__builtin_add_overflow(d, m - r, &d1) && d1 > d)
		return d1;
	return INT64_MAX;
}

/* ---- the time.Time object ----------------------------------------------------- */

static osmo_gotime get(const osmo_object *obj)
{
	return *(const osmo_gotime *)obj->data;
}

static void print_time(osmo_buf *b, const osmo_object *obj)
{
	osmo_gotime_string(b, get(obj));
}

static int marshal_time(osmo_value *out, osmo_arena *a, const osmo_object *obj)
{
	static const char rfc3339nano[] = "2006-01-02T15:04:05.999999999Z07:00";
	osmo_buf b = OSMO_BUF_INIT;
	osmo_gotime_format(&b, get(obj), rfc3339nano, sizeof(rfc3339nano) - 1);
	*out = osmo_string_buf(a, &b);
	osmo_buf_dispose(&b);
	return 0;
}

static int time_field(osmo_value *out, osmo_fnctx *ctx, const osmo_object *obj, const char *name)
{
	static const char *const months[] = { "January", "February", "March", "April",
					       "May", "June", "July", "August",
					       "September", "October", "November", "December" };
	static const char *const days[] = { "Sunday", "Monday", "Tuesday", "Wednesday",
					     "Thursday", "Friday", "Saturday" };
	osmo_gotime t = get(obj);
	osmo_gotime_fields f;
	osmo_gotime_split(t, &f);
	if (strcmp(name, "Year") == 0)
		*out = osmo_int(f.year);
	else if (strcmp(name, "YearDay") == 0)
		*out = osmo_int(f.yday);
	else if (strcmp(name, "Day") == 0)
		*out = osmo_int(f.day);
	else if (strcmp(name, "Hour") == 0)
		*out = osmo_int(f.hour);
	else if (strcmp(name, "Minute") == 0)
		*out = osmo_int(f.min);
	else if (strcmp(name, "Second") == 0)
		*out = osmo_int(f.sec);
	else if (strcmp(name, "Nanosecond") == 0)
		*out = osmo_int(t.nsec);
	else if (strcmp(name, "Month") == 0) /* time.Month: %v is the name */
		*out = osmo_cstring(ctx->arena, months[f.month - 1]);
	else if (strcmp(name, "Weekday") == 0)
		*out = osmo_cstring(ctx->arena, days[f.wday]);
	else if (strcmp(name, "Unix") == 0)
		*out = osmo_int64(t.sec);
	else if (strcmp(name, "UnixMilli") == 0)
		*out = osmo_int64(t.sec * 1000 + t.nsec / 1000000);
	else if (strcmp(name, "UnixMicro") == 0)
		*out = osmo_int64(t.sec * 1000000 + t.nsec / 1000);
	else if (strcmp(name, "UnixNano") == 0)
		*out = osmo_int64(t.sec * NS + t.nsec);
	else if (strcmp(name, "IsZero") == 0)
		*out = osmo_bool(osmo_gotime_is_zero(t));
	else if (strcmp(name, "UTC") == 0)
		*out = osmo_gotime_value(ctx->arena, osmo_gotime_in(t, NULL));
	else if (strcmp(name, "Local") == 0)
		*out = osmo_gotime_value(ctx->arena, osmo_gotime_in(t, osmo_gotime_local()));
	else if (strcmp(name, "String") == 0) {
		osmo_buf b = OSMO_BUF_INIT;
		osmo_gotime_string(&b, t);
		*out = osmo_string_buf(ctx->arena, &b);
		osmo_buf_dispose(&b);
	} else
		return OSMO_ENOTFOUND;
	return 0;
}

static int time_method(osmo_value *out, osmo_fnctx *ctx, const osmo_object *obj, const char *name,
		       int argc, const osmo_value *argv)
{
	osmo_gotime t = get(obj), u;
	if (strcmp(name, "Format") == 0) {
		if (argc != 1 || !osmo_is_string(argv[0]))
			return osmo_fn_errorf(ctx, "wrong number of args for Format: want 1 got %d", argc);
		osmo_buf b = OSMO_BUF_INIT;
		osmo_gotime_format(&b, t, argv[0].u.s.ptr, argv[0].u.s.len);
		*out = osmo_string_buf(ctx->arena, &b);
		osmo_buf_dispose(&b);
		return 0;
	}
	if (strcmp(name, "Add") == 0 && argc == 1 && argv[0].type == OSMO_V_INT) {
		*out = osmo_gotime_value(ctx->arena, osmo_gotime_add(t, argv[0].u.i));
		return 0;
	}
	if (strcmp(name, "AddDate") == 0 && argc == 3 && argv[0].type == OSMO_V_INT &&
	    argv[1].type == OSMO_V_INT && argv[2].type == OSMO_V_INT) {
		osmo_gotime_fields f;
		osmo_gotime_split(t, &f);
		u = osmo_gotime_date(f.year + argv[0].u.i, f.month + argv[1].u.i, f.day + argv[2].u.i,
				     f.hour, f.min, f.sec, t.nsec, t.loc);
		*out = osmo_gotime_value(ctx->arena, u);
		return 0;
	}
	if (argc == 1 && osmo_gotime_from_value(&u, argv[0])) {
		bool before = t.sec < u.sec || (t.sec == u.sec && t.nsec < u.nsec);
		bool equal = t.sec == u.sec && t.nsec == u.nsec;
		if (strcmp(name, "Sub") == 0) {
			*out = osmo_int64(osmo_gotime_sub(t, u));
			out->sub = OSMO_GO_DURATION;
			return 0;
		}
		if (strcmp(name, "Before") == 0)
			return *out = osmo_bool(before), 0;
		if (strcmp(name, "After") == 0)
			return *out = osmo_bool(!before && !equal), 0;
		if (strcmp(name, "Equal") == 0)
			return *out = osmo_bool(equal), 0;
	}
	return OSMO_ENOTFOUND;
}

const osmo_object_class osmo_gotime_class = {
	"time.Time", "struct", time_field, time_method, print_time, marshal_time, NULL
};

osmo_value osmo_gotime_value(osmo_arena *a, osmo_gotime t)
{
	osmo_gotime *p = osmo_arena_alloc(a, sizeof(*p));
	*p = t;
	return osmo_object_new(a, &osmo_gotime_class, p);
}

bool osmo_gotime_from_value(osmo_gotime *out, osmo_value v)
{
	if (v.type != OSMO_V_OBJECT || !v.u.obj || v.u.obj->cls != &osmo_gotime_class)
		return false;
	*out = get(v.u.obj);
	return true;
}
