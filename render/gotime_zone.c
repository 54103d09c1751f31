/* gotime_zone.c - time zones the way Go's time package sees them: TZif files
 * from the system tz database, Go's zone lookup rules (first-zone choice,
 * the POSIX TZ footer for instants after the last transition) and Local
 * from $TZ.  Loaded locations are cached for the process lifetime. */
#include "osmo/gotime.h"
#include "gotime_int.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALPHA INT64_MIN
#define OMEGA INT64_MAX

static struct osmo_gotime_loc local_loc;
static pthread_once_t local_once = PTHREAD_ONCE_INIT;

typedef struct cache_ent {
	struct cache_ent *next;
	struct osmo_gotime_loc *loc; /* NULL: known missing */
	char *key;
} cache_ent;
static cache_ent *cache;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

/* ---- TZif ------------------------------------------------------------------ */

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t be64(const unsigned char *p)
{
	return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

/* Go's LoadLocationFromTZData, reduced to what lookup needs. */
static struct osmo_gotime_loc *parse_tzif(const unsigned char *d, size_t n, const char *name)
{
	if (n < 44 || memcmp(d, "TZif", 4) != 0)
		return NULL;
	int version = d[4] >= '2' ? 2 : 1;
	const unsigned char *p = d + 20, *end = d + n;
	uint32_t c[6];
	for (int i = 0; i < 6; i++)
		c[i] = be32(p + 4 * i);
	p += 24;
	size_t tsize = 4;
	if (version >= 2) {
		/* Skip the 32-bit block; the 64-bit one follows with its own header. */
		size_t skip = (size_t)c[3] * 5 + (size_t)c[4] * 6 + c[5] + (size_t)c[2] * 8 + c[1] + c[0];
		if ((size_t)(end - p) < skip + 44)
			return NULL;
		p += skip;
		if (memcmp(p, "TZif", 4) != 0)
			return NULL;
		for (int i = 0; i < 6; i++)
			c[i] = be32(p + 20 + 4 * i);
		p += 44;
		tsize = 8;
	}
	uint32_t timecnt = c[3], typecnt = c[4], charcnt = c[5];
	size_t need = timecnt * tsize + timecnt + typecnt * 6 + charcnt;
	if (typecnt == 0 || (size_t)(end - p) < need)
		return NULL;
	struct osmo_gotime_loc *l = osmo_calloc(1, sizeof(*l));
	l->name = osmo_strdup(name);
	l->nzones = typecnt;
	l->zones = osmo_calloc(typecnt, sizeof(*l->zones));
	const unsigned char *tx = p, *idx = p + timecnt * tsize, *types = idx + timecnt;
	const unsigned char *chars = types + typecnt * 6;
	for (uint32_t i = 0; i < typecnt; i++) {
		const unsigned char *t = types + 6 * i;
		l->zones[i].offset = (int32_t)be32(t);
		l->zones[i].is_dst = t[4] != 0;
		size_t ai = t[5];
		const char *abbr = "";
		if (ai < charcnt)
			abbr = (const char *)chars + ai;
		l->zones[i].name = osmo_strndup(abbr, strnlen(abbr, charcnt - (ai < charcnt ? ai : charcnt)));
	}
	l->ntx = timecnt ? timecnt : 1;
	l->tx = osmo_calloc(l->ntx, sizeof(*l->tx));
	if (!timecnt) {
		l->tx[0].when = ALPHA; /* Go: one fake transition covering all time */
	}
	for (uint32_t i = 0; i < timecnt; i++) {
		l->tx[i].when = tsize == 8 ? be64(tx + 8 * i) : (int32_t)be32(tx + 4 * i);
		l->tx[i].index = idx[i] < typecnt ? idx[i] : 0;
	}
	if (version >= 2) {
		const unsigned char *f = p + need + (size_t)c[2] * 12 + c[1] + c[0];
		if (f < end && *f == '\n') {
			const unsigned char *e = memchr(f + 1, '\n', (size_t)(end - f - 1));
			if (e && e > f + 1)
				l->extend = osmo_strndup((const char *)f + 1, (size_t)(e - f - 1));
		}
	}
	return l;
}

static struct osmo_gotime_loc *load_file(const char *path, const char *name)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	unsigned char *d = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 8192;
			if (cap > (10u << 20))
				break; /* Go limits tz files too; nothing real is this big */
			d = osmo_realloc(d, cap);
		}
		size_t r = fread(d + n, 1, cap - n, fp);
		if (r == 0)
			break;
		n += r;
	}
	int bad = ferror(fp);
	fclose(fp);
	struct osmo_gotime_loc *l = bad ? NULL : parse_tzif(d, n, name);
	osmo_free(d);
	return l;
}

static struct osmo_gotime_loc *load_named(const char *name)
{
	static const char *const dirs[] = { "/usr/share/zoneinfo", "/usr/share/lib/zoneinfo",
					    "/usr/lib/locale/TZ", "/etc/zoneinfo" };
	struct osmo_gotime_loc *l = NULL;
	const char *zi = getenv("ZONEINFO");
	char path[4096];
	if (zi && *zi) {
		snprintf(path, sizeof(path), "%s/%s", zi, name);
		if ((l = load_file(path, name)))
			return l;
	}
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]) && !l; i++) {
		snprintf(path, sizeof(path), "%s/%s", dirs[i], name);
		l = load_file(path, name);
	}
	return l;
}

static void init_local(void)
{
	const char *tz = getenv("TZ");
	struct osmo_gotime_loc *l = NULL;
	if (!tz) {
		l = load_file("/etc/localtime", "Local");
	} else if (*tz) {
		if (*tz == ':')
			tz++;
		if (*tz == '/')
			l = load_file(tz, strcmp(tz, "/etc/localtime") == 0 ? "Local" : tz);
		else if (*tz && strcmp(tz, "UTC") != 0)
			l = load_named(tz);
	}
	if (l) {
		local_loc = *l;
		osmo_free(l);
		if (!tz) {
			osmo_free(local_loc.name);
			local_loc.name = osmo_strdup("Local");
		}
	} else {
		/* Go falls back to a zone-less location named UTC. */
		local_loc.name = osmo_strdup("UTC");
	}
}

const osmo_gotime_loc *osmo_gotime_local(void)
{
	pthread_once(&local_once, init_local);
	return &local_loc;
}

static bool bad_name(const char *name)
{
	if (name[0] == '/' || name[0] == '\\')
		return true;
	/* Go's containsDotDot: a ".." path element. */
	for (const char *p = name; (p = strstr(p, "..")); p++) {
		bool start = p == name || p[-1] == '/' || p[-1] == '\\';
		bool stop = p[2] == 0 || p[2] == '/' || p[2] == '\\';
		if (start && stop)
			return true;
	}
	return false;
}

int osmo_gotime_load_location(const osmo_gotime_loc **out, const char *name)
{
	*out = NULL;
	if (!*name || strcmp(name, "UTC") == 0)
		return 0;
	if (strcmp(name, "Local") == 0) {
		*out = osmo_gotime_local();
		return 0;
	}
	if (bad_name(name))
		return OSMO_ENOTFOUND;
	pthread_mutex_lock(&cache_lock);
	cache_ent *e;
	for (e = cache; e; e = e->next)
		if (strcmp(e->key, name) == 0)
			break;
	if (!e) {
		e = osmo_calloc(1, sizeof(*e));
		e->key = osmo_strdup(name);
		e->loc = load_named(name);
		e->next = cache;
		cache = e;
	}
	pthread_mutex_unlock(&cache_lock);
	*out = e->loc;
	return e->loc ? 0 : OSMO_ENOTFOUND;
}

const osmo_gotime_loc *osmo_gotime_fixed_zone(osmo_arena *a, const char *name, int offset)
{
	struct osmo_gotime_loc *l = osmo_arena_alloc(a, sizeof(*l));
	l->name = osmo_arena_strdup(a, name);
	l->zones = osmo_arena_alloc(a, sizeof(*l->zones));
	l->zones[0].name = l->name;
	l->zones[0].offset = offset;
	l->nzones = 1;
	l->tx = osmo_arena_alloc(a, sizeof(*l->tx));
	l->tx[0].when = ALPHA;
	l->ntx = 1;
	return l;
}

const char *osmo_gotime_loc_name(const osmo_gotime_loc *loc)
{
	return loc ? loc->name : "UTC";
}

/* ---- POSIX TZ rules (the TZif footer), as Go's tzset ------------------------- */

typedef struct tzrule {
	int kind; /* 'J' julian, 'D' day of year, 'M' month.week.day */
	int day, week, mon, time;
} tzrule;

static bool tz_name(const char **s, const char **name, size_t *len)
{
	const char *p = *s;
	if (*p == '<') {
		const char *e = strchr(p, '>');
		if (!e)
			return false;
		*name = p + 1;
		*len = (size_t)(e - p - 1);
		*s = e + 1;
		return true;
	}
	const char *q = p;
	while (*q && !strchr("0123456789,-+", *q))
		q++;
	if (q - p < 3)
		return false;
	*name = p;
	*len = (size_t)(q - p);
	*s = q;
	return true;
}

static bool tz_num(const char **s, int min, int max, int *out)
{
	const char *p = *s;
	int n = 0, digits = 0;
	while (*p >= '0' && *p <= '9') {
		n = n * 10 + (*p++ - '0');
		if (++digits > 7 || n > max)
			return false;
	}
	if (!digits || n < min)
		return false;
	*out = n;
	*s = p;
	return true;
}

static bool tz_offset(const char **s, int *out)
{
	const char *p = *s;
	bool neg = false;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	int h, m = 0, sec = 0;
	if (!tz_num(&p, 0, 24 * 7, &h))
		return false;
	if (*p == ':') {
		p++;
		if (!tz_num(&p, 0, 59, &m))
			return false;
		if (*p == ':') {
			p++;
			if (!tz_num(&p, 0, 59, &sec))
				return false;
		}
	}
	int off = h * 3600 + m * 60 + sec;
	*out = neg ? -off : off;
	*s = p;
	return true;
}

static bool tz_rule(const char **s, tzrule *r)
{
	const char *p = *s;
	memset(r, 0, sizeof(*r));
	if (*p == 'J') {
		p++;
		r->kind = 'J';
		if (!tz_num(&p, 1, 365, &r->day))
			return false;
	} else if (*p == 'M') {
		p++;
		r->kind = 'M';
		if (!tz_num(&p, 1, 12, &r->mon) || *p++ != '.' || !tz_num(&p, 1, 5, &r->week) ||
		    *p++ != '.' || !tz_num(&p, 0, 6, &r->day))
			return false;
	} else if (*p >= '0' && *p <= '9') {
		r->kind = 'D';
		if (!tz_num(&p, 0, 365, &r->day))
			return false;
	} else {
		return false;
	}
	r->time = 2 * 3600;
	if (*p == '/') {
		p++;
		if (!tz_offset(&p, &r->time))
			return false;
	}
	*s = p;
	return true;
}

static int rule_time(int64_t year, const tzrule *r, int off)
{
	int s = 0;
	bool leap = osmo_gotime_is_leap(year);
	if (r->kind == 'J') {
		s = (r->day - 1) * 86400;
		if (leap && r->day >= 60)
			s += 86400;
	} else if (r->kind == 'D') {
		s = r->day * 86400;
	} else {
		/* Zeller's congruence: weekday of the month's first day. */
		int m1 = (r->mon + 9) % 12 + 1;
		int64_t yy0 = year;
		if (r->mon <= 2)
			yy0--;
		int64_t yy1 = yy0 / 100, yy2 = yy0 % 100;
		int dow = (int)(((26 * m1 - 2) / 10 + 1 + yy2 + yy2 / 4 + yy1 / 4 - 2 * yy1) % 7);
		if (dow < 0)
			dow += 7;
		int d = r->day - dow;
		if (d < 0)
			d += 7;
		for (int i = 1; i < r->week; i++) {
			if (d + 7 >= osmo_gotime_days_in(r->mon, year))
				break;
			d += 7;
		}
		d += osmo_gotime_days_before(r->mon);
		if (leap && r->mon > 2)
			d++;
		s = d * 86400;
	}
	return s + r->time - off;
}

static bool tz_rule_lookup(const char *s, int64_t last, int64_t sec, const char **name, size_t *nlen,
		  int *offset, int64_t *start, int64_t *end)
{
	const char *std, *dst;
	size_t stdlen, dstlen;
	int stdoff, dstoff;
	if (!tz_name(&s, &std, &stdlen) || !tz_offset(&s, &stdoff))
		return false;
	stdoff = -stdoff; /* POSIX offsets are west of UTC */
	if (!*s || *s == ',') {
		*name = std, *nlen = stdlen, *offset = stdoff, *start = last, *end = OMEGA;
		return true;
	}
	if (!tz_name(&s, &dst, &dstlen))
		return false;
	if (!*s || *s == ',') {
		dstoff = stdoff + 3600;
	} else {
		if (!tz_offset(&s, &dstoff))
			return false;
		dstoff = -dstoff;
	}
	if (!*s)
		s = ",M3.2.0,M11.1.0"; /* tzcode's default rules */
	if (*s != ',' && *s != ';')
		return false;
	s++;
	tzrule r1, r2;
	if (!tz_rule(&s, &r1) || *s++ != ',' || !tz_rule(&s, &r2) || *s)
		return false;

	int64_t days = osmo_gotime_floordiv(sec, 86400);
	int64_t year;
	int mon, mday, yday;
	osmo_gotime_civil(days, &year, &mon, &mday, &yday);
	int64_t ysec = (int64_t)(yday - 1) * 86400 + sec % 86400;
	int64_t ystart = sec - ysec;
	int64_t s1 = rule_time(year, &r1, stdoff), s2 = rule_time(year, &r2, dstoff);
	if (s2 < s1) {
		/* Southern hemisphere: swap, keeping Go's labelling. */
		int64_t t = s1;
		s1 = s2, s2 = t;
		const char *tn = std;
		std = dst, dst = tn;
		size_t tl = stdlen;
		stdlen = dstlen, dstlen = tl;
		int to = stdoff;
		stdoff = dstoff, dstoff = to;
	}
	if (ysec < s1) {
		*name = std, *nlen = stdlen, *offset = stdoff, *start = ystart, *end = s1 + ystart;
	} else if (ysec >= s2) {
		*name = std, *nlen = stdlen, *offset = stdoff, *start = s2 + ystart;
		*end = ystart + 365 * 86400;
	} else {
		*name = dst, *nlen = dstlen, *offset = dstoff, *start = s1 + ystart, *end = s2 + ystart;
	}
	return true;
}

/* ---- lookup ------------------------------------------------------------------ */

static size_t first_zone(const osmo_gotime_loc *l)
{
	bool used = false;
	for (size_t i = 0; i < l->ntx; i++)
		if (l->tx[i].index == 0)
			used = true;
	if (!used)
		return 0;
	if (l->ntx && l->zones[l->tx[0].index].is_dst) {
		for (int zi = (int)l->tx[0].index - 1; zi >= 0; zi--)
			if (!l->zones[zi].is_dst)
				return (size_t)zi;
	}
	for (size_t zi = 0; zi < l->nzones; zi++)
		if (!l->zones[zi].is_dst)
			return zi;
	return 0;
}

/* Interned abbreviations from TZ footers (they are not NUL-terminated in
 * the rule string). */
static const char *intern(const char *s, size_t n)
{
	static struct istr {
		struct istr *next;
		char s[];
	} *list;
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	pthread_mutex_lock(&lock);
	struct istr *e;
	for (e = list; e; e = e->next)
		if (strlen(e->s) == n && memcmp(e->s, s, n) == 0)
			break;
	if (!e) {
		e = osmo_malloc(sizeof(*e) + n + 1);
		memcpy(e->s, s, n);
		e->s[n] = 0;
		e->next = list;
		list = e;
	}
	pthread_mutex_unlock(&lock);
	return e->s;
}

void osmo_gotime_lookup(const osmo_gotime_loc *l, int64_t sec, const char **name, int *offset,
			int64_t *start, int64_t *end)
{
	const char *nm = "UTC";
	int off = 0;
	int64_t st = ALPHA, en = OMEGA;
	if (l && l->nzones) {
		if (!l->ntx || sec < l->tx[0].when) {
			const osmo_gotime_zone *z = &l->zones[first_zone(l)];
			nm = z->name, off = z->offset;
			en = l->ntx ? l->tx[0].when : OMEGA;
		} else {
			size_t lo = 0, hi = l->ntx;
			while (hi - lo > 1) {
				size_t m = (lo + hi) / 2;
				if (sec < l->tx[m].when)
					en = l->tx[m].when, hi = m;
				else
					lo = m;
			}
			const osmo_gotime_zone *z = &l->zones[l->tx[lo].index];
			nm = z->name, off = z->offset, st = l->tx[lo].when;
			const char *en_name;
			size_t nlen;
			int eoff;
			int64_t est, een;
			if (lo == l->ntx - 1 && l->extend &&
			    tz_rule_lookup(l->extend, st, sec, &en_name, &nlen, &eoff, &est, &een)) {
				nm = intern(en_name, nlen), off = eoff, st = est, en = een;
			}
		}
	}
	if (name)
		*name = nm;
	if (offset)
		*offset = off;
	if (start)
		*start = st;
	if (end)
		*end = en;
}

bool osmo_gotime_lookup_name(const osmo_gotime_loc *l, const char *name, size_t n, int64_t sec,
			     int *offset)
{
	if (!l)
		return false;
	/* Go: first a zone with that name in effect at sec (after adjusting
	 * sec by its offset), then any zone with that name. */
	for (size_t i = 0; i < l->nzones; i++) {
		const osmo_gotime_zone *z = &l->zones[i];
		if (strlen(z->name) == n && memcmp(z->name, name, n) == 0) {
			const char *nm;
			int off;
			osmo_gotime_lookup(l, sec - z->offset, &nm, &off, NULL, NULL);
			if (strlen(nm) == n && memcmp(nm, name, n) == 0) {
				*offset = off;
				return true;
			}
		}
	}
	for (size_t i = 0; i < l->nzones; i++) {
		const osmo_gotime_zone *z = &l->zones[i];
		if (strlen(z->name) == n && memcmp(z->name, name, n) == 0) {
			*offset = z->offset;
			return true;
		}
	}
	return false;
}
