/* gotime.c - Go's time.Time: construction, arithmetic and layout
 * formatting with Go's exact rules (time/format.go).  Parsing is in
 * gotime_parse.c, durations and the template object in gotime_value.c. */
#include "osmo/gotime.h"
#include "gotime_int.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* ---- construction and arithmetic ------------------------------------------- */

static int64_t mono_start;
static pthread_once_t mono_once = PTHREAD_ONCE_INIT;

static int64_t mono_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * OSMO_GOTIME_NS_PER_SEC + ts.tv_nsec;
}

static void mono_init(void)
{
	/* Go reports monotonic readings relative to process start. */
	mono_start = mono_now() - 1;
}

osmo_gotime osmo_gotime_now(void)
{
	pthread_once(&mono_once, mono_init);
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	osmo_gotime t = { ts.tv_sec, (int32_t)ts.tv_nsec, true, mono_now() - mono_start,
			  osmo_gotime_local() };
	return t;
}

osmo_gotime osmo_gotime_unix(int64_t sec, int64_t nsec)
{
	if (nsec < 0 || nsec >= OSMO_GOTIME_NS_PER_SEC) {
		int64_t n = nsec / OSMO_GOTIME_NS_PER_SEC;
		sec += n;
		nsec -= n * OSMO_GOTIME_NS_PER_SEC;
		if (nsec < 0) {
			nsec += OSMO_GOTIME_NS_PER_SEC;
			sec--;
		}
	}
	osmo_gotime t = { sec, (int32_t)nsec, false, 0, osmo_gotime_local() };
	return t;
}

osmo_gotime osmo_gotime_zero(void)
{
	osmo_gotime t = { OSMO_GOTIME_ZERO_SEC, 0, false, 0, NULL };
	return t;
}

bool osmo_gotime_is_zero(osmo_gotime t)
{
	return t.sec == OSMO_GOTIME_ZERO_SEC && t.nsec == 0;
}

static void norm(int64_t *hi, int64_t *lo, int64_t base)
{
	if (*lo < 0) {
		int64_t n = (-*lo - 1) / base + 1;
		*hi -= n;
		*lo += n * base;
	}
	if (*lo >= base) {
		int64_t n = *lo / base;
		*hi += n;
		*lo -= n * base;
	}
}

osmo_gotime osmo_gotime_date(int64_t year, int64_t month, int64_t day, int64_t hour, int64_t min,
			     int64_t sec, int64_t nsec, const osmo_gotime_loc *loc)
{
	int64_t m = month - 1;
	norm(&year, &m, 12);
	norm(&sec, &nsec, OSMO_GOTIME_NS_PER_SEC);
	norm(&min, &sec, 60);
	norm(&hour, &min, 60);
	norm(&day, &hour, 24);
	int64_t days = osmo_gotime_days_from_civil(year, (int)m + 1, 1) + day - 1;
	int64_t unix = days * 86400 + hour * 3600 + min * 60 + sec;
	/* Go: guess the offset at unix, re-look it up if the guess lands
	 * outside that zone's interval (DST edges). */
	int off;
	int64_t start, end;
	osmo_gotime_lookup(loc, unix, NULL, &off, &start, &end);
	if (off != 0) {
		int64_t utc = unix - off;
		if (utc < start || utc >= end)
			osmo_gotime_lookup(loc, utc, NULL, &off, NULL, NULL);
		unix -= off;
	}
	osmo_gotime t = { unix, (int32_t)nsec, false, 0, loc };
	return t;
}

osmo_gotime osmo_gotime_in(osmo_gotime t, const osmo_gotime_loc *loc)
{
	t.loc = loc;
	t.has_mono = false;
	return t;
}

osmo_gotime osmo_gotime_add(osmo_gotime t, int64_t d)
{
	int64_t dsec = d / OSMO_GOTIME_NS_PER_SEC;
	int64_t nsec = t.nsec + d % OSMO_GOTIME_NS_PER_SEC;
	if (nsec >= OSMO_GOTIME_NS_PER_SEC) {
		dsec++;
		nsec -= OSMO_GOTIME_NS_PER_SEC;
	} else if (nsec < 0) {
		dsec--;
		nsec += OSMO_GOTIME_NS_PER_SEC;
	}
	t.nsec = (int32_t)nsec;
	t.sec += dsec;
	if (t.has_mono) {
		int64_t te;
		if (__builtin_add_overflow(t.mono, d, &te))
			t.has_mono = false;
		else
			t.mono = te;
	}
	return t;
}

int64_t osmo_gotime_sub(osmo_gotime t, osmo_gotime u)
{
	int64_t d;
	if (t.has_mono && u.has_mono) {
		if (__builtin_sub_overflow(t.mono, u.mono, &d))
			return t.mono > u.mono ? INT64_MAX : INT64_MIN;
		return d;
	}
	int64_t ds;
	if (__builtin_sub_overflow(t.sec, u.sec, &ds) ||
	    __builtin_mul_overflow(ds, OSMO_GOTIME_NS_PER_SEC, &d) ||
	    __builtin_add_overflow(d, (int64_t)(t.nsec - u.nsec), &d)) {
		bool before = t.sec < u.sec || (t.sec == u.sec && t.nsec < u.nsec);
		return before ? INT64_MIN : INT64_MAX;
	}
	return d;
}

int64_t osmo_gotime_since(osmo_gotime t)
{
	return osmo_gotime_sub(osmo_gotime_now(), t);
}

void osmo_gotime_split(osmo_gotime t, osmo_gotime_fields *f)
{
	osmo_gotime_lookup(t.loc, t.sec, &f->zone, &f->offset, NULL, NULL);
	int64_t local = t.sec + f->offset;
	int64_t days = osmo_gotime_floordiv(local, 86400);
	int64_t secs = local - days * 86400;
	osmo_gotime_civil(days, &f->year, &f->month, &f->day, &f->yday);
	f->wday = (int)(((days % 7) + 11) % 7); /* 1970-01-01 was a Thursday */
	f->hour = (int)(secs / 3600);
	f->min = (int)(secs / 60 % 60);
	f->sec = (int)(secs % 60);
}

/* ---- layouts ------------------------------------------------------------------ */


static bool lower_at(const char *s, size_t n, size_t i)
{
	return i < n && s[i] >= 'a' && s[i] <= 'z';
}

static bool has(const char *s, size_t n, size_t i, const char *lit)
{
	size_t k = strlen(lit);
	return i + k <= n && memcmp(s + i, lit, k) == 0;
}

static bool digit_at(const char *s, size_t n, size_t i)
{
	return i < n && s[i] >= '0' && s[i] <= '9';
}

#define FOUND(p, code, len) \
	do { c.prefix = (p); c.std = (code); c.elem = (len); return c; } while (0)

/* Go's nextStdChunk. */
chunk osmo_gotime_next_chunk(const char *l, size_t n)
{
	static const int std0x[] = { STD_ZERO_MONTH, STD_ZERO_DAY, STD_ZERO_HOUR12,
				     STD_ZERO_MINUTE, STD_ZERO_SECOND, STD_YEAR };
	chunk c = { n, STD_NONE, 0, 0, '.' };
	for (size_t i = 0; i < n; i++) {
		switch (l[i]) {
		case 'J':
			if (has(l, n, i, "Jan")) {
				if (has(l, n, i, "January"))
					FOUND(i, STD_LONG_MONTH, 7);
				if (!lower_at(l, n, i + 3))
					FOUND(i, STD_MONTH, 3);
			}
			break;
		case 'M':
			if (has(l, n, i, "Mon")) {
				if (has(l, n, i, "Monday"))
					FOUND(i, STD_LONG_WEEKDAY, 6);
				if (!lower_at(l, n, i + 3))
					FOUND(i, STD_WEEKDAY, 3);
			}
			if (has(l, n, i, "MST"))
				FOUND(i, STD_TZ, 3);
			break;
		case '0':
			if (i + 1 < n && l[i + 1] >= '1' && l[i + 1] <= '6')
				FOUND(i, std0x[l[i + 1] - '1'], 2);
			if (has(l, n, i, "002"))
				FOUND(i, STD_ZERO_YDAY, 3);
			break;
		case '1':
			if (has(l, n, i, "15"))
				FOUND(i, STD_HOUR, 2);
			FOUND(i, STD_NUM_MONTH, 1);
		case '2':
			if (has(l, n, i, "2006"))
				FOUND(i, STD_LONG_YEAR, 4);
			FOUND(i, STD_DAY, 1);
		case '_':
			if (has(l, n, i, "_2")) {
				if (has(l, n, i, "_2006"))
					FOUND(i + 1, STD_LONG_YEAR, 4);
				FOUND(i, STD_UNDER_DAY, 2);
			}
			if (has(l, n, i, "__2"))
				FOUND(i, STD_UNDER_YDAY, 3);
			break;
		case '3':
			FOUND(i, STD_HOUR12, 1);
		case '4':
			FOUND(i, STD_MINUTE, 1);
		case '5':
			FOUND(i, STD_SECOND, 1);
		case 'P':
			if (has(l, n, i, "PM"))
				FOUND(i, STD_PM_UPPER, 2);
			break;
		case 'p':
			if (has(l, n, i, "pm"))
				FOUND(i, STD_PM_LOWER, 2);
			break;
		case '-':
			if (has(l, n, i, "-070000"))
				FOUND(i, STD_NUM_SECONDS_TZ, 7);
			if (has(l, n, i, "-07:00:00"))
				FOUND(i, STD_NUM_COLON_SECONDS_TZ, 9);
			if (has(l, n, i, "-0700"))
				FOUND(i, STD_NUM_TZ, 5);
			if (has(l, n, i, "-07:00"))
				FOUND(i, STD_NUM_COLON_TZ, 6);
			if (has(l, n, i, "-07"))
				FOUND(i, STD_NUM_SHORT_TZ, 3);
			break;
		case 'Z':
			if (has(l, n, i, "Z070000"))
				FOUND(i, STD_ISO_SECONDS_TZ, 7);
			if (has(l, n, i, "Z07:00:00"))
				FOUND(i, STD_ISO_COLON_SECONDS_TZ, 9);
			if (has(l, n, i, "Z0700"))
				FOUND(i, STD_ISO_TZ, 5);
			if (has(l, n, i, "Z07:00"))
				FOUND(i, STD_ISO_COLON_TZ, 6);
			if (has(l, n, i, "Z07"))
				FOUND(i, STD_ISO_SHORT_TZ, 3);
			break;
		case '.':
		case ',':
			if (i + 1 < n && (l[i + 1] == '0' || l[i + 1] == '9')) {
				char ch = l[i + 1];
				size_t j = i + 1;
				while (j < n && l[j] == ch)
					j++;
				if (!digit_at(l, n, j)) {
					c.digits = (int)((j - (i + 1)) & 0xfff);
					c.sep = l[i];
					FOUND(i, ch == '9' ? STD_FRAC9 : STD_FRAC0, j - i);
				}
			}
			break;
		}
	}
	return c;
}

const char *const osmo_gotime_long_days[7] = { "Sunday", "Monday", "Tuesday", "Wednesday",
					  "Thursday", "Friday", "Saturday" };
const char *const osmo_gotime_long_months[12] = { "January", "February", "March", "April",
					    "May", "June", "July", "August",
					    "September", "October", "November", "December" };

/* Go's appendInt: optional '-', zero-padded to width. */
static void put_int(osmo_buf *b, int64_t x, int width)
{
	char tmp[24];
	uint64_t u = (uint64_t)x;
	if (x < 0) {
		osmo_buf_putc(b, '-');
		u = -u;
	}
	int n = 0;
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	for (int pad = width - n; pad > 0; pad--)
		osmo_buf_putc(b, '0');
	while (n)
		osmo_buf_putc(b, tmp[--n]);
}

static void put_nano(osmo_buf *b, int nsec, const chunk *c)
{
	bool trim = c->std == STD_FRAC9;
	if (trim && (c->digits == 0 || nsec == 0))
		return;
	size_t start = b->len;
	osmo_buf_putc(b, c->sep);
	put_int(b, nsec, 9);
	if (c->digits < 9)
		osmo_buf_truncate(b, b->len - 9 + (size_t)c->digits);
	if (trim) {
		while (b->len > start && b->ptr[b->len - 1] == '0')
			osmo_buf_truncate(b, b->len - 1);
		if (b->len > start && b->ptr[b->len - 1] == c->sep)
			osmo_buf_truncate(b, b->len - 1);
	}
}

static void put_offset(osmo_buf *b, int std, int offset)
{
	bool iso = std == STD_ISO_TZ || std == STD_ISO_COLON_TZ || std == STD_ISO_SECONDS_TZ ||
		   std == STD_ISO_SHORT_TZ || std == STD_ISO_COLON_SECONDS_TZ;
	if (offset == 0 && iso) {
		osmo_buf_putc(b, 'Z');
		return;
	}
	int zone = offset / 60, abs = offset;
	if (zone < 0) {
		osmo_buf_putc(b, '-');
		zone = -zone;
		abs = -abs;
	} else {
		osmo_buf_putc(b, '+');
	}
	put_int(b, zone / 60, 2);
	bool colon = std == STD_ISO_COLON_TZ || std == STD_NUM_COLON_TZ ||
		     std == STD_ISO_COLON_SECONDS_TZ || std == STD_NUM_COLON_SECONDS_TZ;
	if (colon)
		osmo_buf_putc(b, ':');
	if (std != STD_NUM_SHORT_TZ && std != STD_ISO_SHORT_TZ)
		put_int(b, zone % 60, 2);
	if (std == STD_ISO_SECONDS_TZ || std == STD_NUM_SECONDS_TZ ||
	    std == STD_NUM_COLON_SECONDS_TZ || std == STD_ISO_COLON_SECONDS_TZ) {
		if (colon)
			osmo_buf_putc(b, ':');
		put_int(b, abs % 60, 2);
	}
}

void osmo_gotime_format(osmo_buf *b, osmo_gotime t, const char *l, size_t n)
{
	osmo_gotime_fields f;
	osmo_gotime_split(t, &f);
	osmo_buf_put(b, "", 0); /* a NUL-terminated buffer even for "" */
	while (n) {
		chunk c = osmo_gotime_next_chunk(l, n);
		if (c.prefix)
			osmo_buf_put(b, l, c.prefix);
		if (c.std == STD_NONE)
			break;
		l += c.prefix + c.elem;
		n -= c.prefix + c.elem;
		int hr;
		switch (c.std) {
		case STD_YEAR:
			put_int(b, (f.year < 0 ? -f.year : f.year) % 100, 2);
			break;
		case STD_LONG_YEAR:
			put_int(b, f.year, 4);
			break;
		case STD_MONTH:
			osmo_buf_put(b, osmo_gotime_long_months[f.month - 1], 3);
			break;
		case STD_LONG_MONTH:
			osmo_buf_puts(b, osmo_gotime_long_months[f.month - 1]);
			break;
		case STD_NUM_MONTH:
			put_int(b, f.month, 0);
			break;
		case STD_ZERO_MONTH:
			put_int(b, f.month, 2);
			break;
		case STD_WEEKDAY:
			osmo_buf_put(b, osmo_gotime_long_days[f.wday], 3);
			break;
		case STD_LONG_WEEKDAY:
			osmo_buf_puts(b, osmo_gotime_long_days[f.wday]);
			break;
		case STD_DAY:
			put_int(b, f.day, 0);
			break;
		case STD_UNDER_DAY:
			if (f.day < 10)
				osmo_buf_putc(b, ' ');
			put_int(b, f.day, 0);
			break;
		case STD_ZERO_DAY:
			put_int(b, f.day, 2);
			break;
		case STD_UNDER_YDAY:
			if (f.yday < 100)
				osmo_buf_puts(b, f.yday < 10 ? "  " : " ");
			put_int(b, f.yday, 0);
			break;
		case STD_ZERO_YDAY:
			put_int(b, f.yday, 3);
			break;
		case STD_HOUR:
			put_int(b, f.hour, 2);
			break;
		case STD_HOUR12:
		case STD_ZERO_HOUR12:
			hr = f.hour % 12 ? f.hour % 12 : 12; /* noon 12PM, midnight 12AM */
			put_int(b, hr, c.std == STD_HOUR12 ? 0 : 2);
			break;
		case STD_MINUTE:
			put_int(b, f.min, 0);
			break;
		case STD_ZERO_MINUTE:
			put_int(b, f.min, 2);
			break;
		case STD_SECOND:
			put_int(b, f.sec, 0);
			break;
		case STD_ZERO_SECOND:
			put_int(b, f.sec, 2);
			break;
		case STD_PM_UPPER:
			osmo_buf_puts(b, f.hour >= 12 ? "PM" : "AM");
			break;
		case STD_PM_LOWER:
			osmo_buf_puts(b, f.hour >= 12 ? "pm" : "am");
			break;
		case STD_TZ:
			if (*f.zone) {
				osmo_buf_puts(b, f.zone);
			} else {
				int zone = f.offset / 60;
				osmo_buf_putc(b, zone < 0 ? '-' : '+');
				if (zone < 0)
					zone = -zone;
				put_int(b, zone / 60, 2);
				put_int(b, zone % 60, 2);
			}
			break;
		case STD_FRAC0:
		case STD_FRAC9:
			put_nano(b, t.nsec, &c);
			break;
		default:
			put_offset(b, c.std, f.offset);
			break;
		}
	}
}

void osmo_gotime_string(osmo_buf *b, osmo_gotime t)
{
	static const char layout[] = "2006-01-02 15:04:05.999999999 -0700 MST";
	osmo_gotime_format(b, t, layout, sizeof(layout) - 1);
	if (t.has_mono) {
		uint64_t m2 = (uint64_t)t.mono;
		char sign = '+';
		if (t.mono < 0) {
			sign = '-';
			m2 = -m2;
		}
		uint64_t m1 = m2 / 1000000000u;
		m2 %= 1000000000u;
		uint64_t m0 = m1 / 1000000000u;
		m1 %= 1000000000u;
		osmo_buf_puts(b, " m=");
		osmo_buf_putc(b, sign);
		int wid = 0;
		if (m0) {
			put_int(b, (int64_t)m0, 0);
			wid = 9;
		}
		put_int(b, (int64_t)m1, wid);
		osmo_buf_putc(b, '.');
		put_int(b, (int64_t)m2, 9);
	}
}

