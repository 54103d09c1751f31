/* gotime_int.h - private to gotime*.c: the location layout and calendar
 * arithmetic (proleptic Gregorian, int64 days since 1970-01-01). */
#ifndef OSMO_GOTIME_INT_H
#define OSMO_GOTIME_INT_H

#include "osmo/gotime.h"

typedef struct osmo_gotime_zone {
	const char *name;
	int32_t offset;
	bool is_dst;
} osmo_gotime_zone;

struct osmo_gotime_loc {
	char *name;
	osmo_gotime_zone *zones;
	size_t nzones;
	struct {
		int64_t when;
		uint8_t index;
	} *tx; /* sorted; Go adds one at -inf when a file has none */
	size_t ntx;
	char *extend; /* POSIX TZ footer for instants after the last transition */
};

/* Layout elements (Go's std* constants). */
enum {
	STD_NONE,
	STD_LONG_MONTH, STD_MONTH, STD_NUM_MONTH, STD_ZERO_MONTH,
	STD_LONG_WEEKDAY, STD_WEEKDAY,
	STD_DAY, STD_UNDER_DAY, STD_ZERO_DAY, STD_UNDER_YDAY, STD_ZERO_YDAY,
	STD_HOUR, STD_HOUR12, STD_ZERO_HOUR12,
	STD_MINUTE, STD_ZERO_MINUTE, STD_SECOND, STD_ZERO_SECOND,
	STD_LONG_YEAR, STD_YEAR, STD_PM_UPPER, STD_PM_LOWER, STD_TZ,
	STD_ISO_TZ, STD_ISO_SECONDS_TZ, STD_ISO_SHORT_TZ, STD_ISO_COLON_TZ, STD_ISO_COLON_SECONDS_TZ,
	STD_NUM_TZ, STD_NUM_SECONDS_TZ, STD_NUM_SHORT_TZ, STD_NUM_COLON_TZ, STD_NUM_COLON_SECONDS_TZ,
	STD_FRAC0, STD_FRAC9
};

typedef struct chunk { /* one step of Go's nextStdChunk */
	size_t prefix;  /* literal bytes before the element */
	int std;        /* STD_NONE: no element, the whole rest is literal */
	size_t elem;    /* element length */
	int digits;     /* fractional second digits */
	char sep;       /* fractional separator */
} chunk;

/* Go's nextStdChunk: the first layout element in l[0:n). */
chunk osmo_gotime_next_chunk(const char *l, size_t n);
extern const char *const osmo_gotime_long_days[7];
extern const char *const osmo_gotime_long_months[12];

static inline int64_t osmo_gotime_floordiv(int64_t a, int64_t b)
{
	int64_t q = a / b;
	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static inline bool osmo_gotime_is_leap(int64_t y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

/* Days before month m (1-12) in a non-leap year. */
static inline int osmo_gotime_days_before(int m)
{
	static const int before[13] = { 0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
	return before[m];
}

static inline int osmo_gotime_days_in(int m, int64_t y)
{
	static const int in[13] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && osmo_gotime_is_leap(y) ? 29 : in[m];
}

/* Days since 1970-01-01 of y-m-d (m in 1..12, d any). */
static inline int64_t osmo_gotime_days_from_civil(int64_t y, int m, int64_t d)
{
	y -= m <= 2;
	int64_t era = osmo_gotime_floordiv(y, 400);
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static inline void osmo_gotime_civil(int64_t days, int64_t *year, int *mon, int *mday, int *yday)
{
	int64_t z = days + 719468;
	int64_t era = osmo_gotime_floordiv(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);
	if (m <= 2)
		y++;
	*year = y;
	*mon = m;
	*mday = d;
	*yday = osmo_gotime_days_before(m) + d + (m > 2 && osmo_gotime_is_leap(y));
}

#endif
