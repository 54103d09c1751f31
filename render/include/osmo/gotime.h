/* gotime.h - Go's time.Time and time.Duration as the date functions need
 * them: locations from the system tz database (Go's LoadLocation, Local from
 * $TZ or /etc/localtime), layout formatting and parsing (time.Format,
 * time.ParseInLocation with Go's error texts), time.ParseDuration and
 * Duration.String, and a host object class so templates can hold a
 * time.Time (%v prints like Go's Time.String, toJson gives RFC 3339).
 *
 * Ownership: locations loaded by name are cached for the process lifetime
 * and shared (read-only, thread-safe); fixed zones made while parsing live in
 * the arena passed in.  osmo_gotime values are plain structs.
 */
#ifndef OSMO_GOTIME_H
#define OSMO_GOTIME_H

#include "osmo/value.h"

typedef struct osmo_gotime_loc osmo_gotime_loc;

typedef struct osmo_gotime {
	int64_t sec;   /* seconds since the Unix epoch (UTC) */
	int32_t nsec;  /* [0, 1e9) */
	bool has_mono; /* carries a monotonic reading (from now) */
	int64_t mono;  /* ns since process start, Go's "m=+x.y" */
	const osmo_gotime_loc *loc; /* NULL means UTC (Go's nil *Location) */
} osmo_gotime;

#define OSMO_GOTIME_NS_PER_SEC INT64_C(1000000000)
/* Unix seconds of Go's zero Time, 0001-01-01 00:00:00 UTC. */
#define OSMO_GOTIME_ZERO_SEC INT64_C(-62135596800)

/* ---- locations ---------------------------------------------------------- */
/* time.Local: from $TZ (unset: /etc/localtime; "" or unloadable: UTC). */
const osmo_gotime_loc *osmo_gotime_local(void);
/* time.LoadLocation: "" and "UTC" give NULL (UTC), "Local" the local zone,
 * otherwise the tz database file.  0 or OSMO_ENOTFOUND. */
int osmo_gotime_load_location(const osmo_gotime_loc **out, const char *name);
/* time.FixedZone(name, offset), allocated in a. */
const osmo_gotime_loc *osmo_gotime_fixed_zone(osmo_arena *a, const char *name, int offset);
/* Location name as Go's Location.String ("UTC", "Local", "Europe/Berlin"). */
const char *osmo_gotime_loc_name(const osmo_gotime_loc *loc);
/* Zone in effect at Unix second sec: abbreviation and offset east of UTC.
 * start/end bound the interval with that zone (either may be NULL). */
void osmo_gotime_lookup(const osmo_gotime_loc *loc, int64_t sec, const char **name,
			int *offset, int64_t *start, int64_t *end);
/* The offset for an abbreviation in effect near sec (Go's lookupName). */
bool osmo_gotime_lookup_name(const osmo_gotime_loc *loc, const char *name, size_t n,
			     int64_t sec, int *offset);

/* ---- times -------------------------------------------------------------- */
osmo_gotime osmo_gotime_now(void);                 /* time.Now (Local, monotonic) */
osmo_gotime osmo_gotime_unix(int64_t sec, int64_t nsec); /* time.Unix (Local) */
osmo_gotime osmo_gotime_zero(void);                /* time.Time{} */
/* time.Date with Go's normalisation of out-of-range fields. */
osmo_gotime osmo_gotime_date(int64_t year, int64_t month, int64_t day, int64_t hour,
			     int64_t min, int64_t sec, int64_t nsec, const osmo_gotime_loc *loc);
osmo_gotime osmo_gotime_in(osmo_gotime t, const osmo_gotime_loc *loc); /* t.In (strips mono) */
osmo_gotime osmo_gotime_add(osmo_gotime t, int64_t d);  /* t.Add(Duration) */
int64_t osmo_gotime_sub(osmo_gotime t, osmo_gotime u);  /* t.Sub(u), saturating */
int64_t osmo_gotime_since(osmo_gotime t);               /* time.Since(t) */
bool osmo_gotime_is_zero(osmo_gotime t);

/* Civil fields in t's location. */
typedef struct osmo_gotime_fields {
	int64_t year;
	int month, day, yday, wday, hour, min, sec;
	int offset;        /* seconds east of UTC */
	const char *zone;  /* abbreviation, may be "" */
} osmo_gotime_fields;
void osmo_gotime_split(osmo_gotime t, osmo_gotime_fields *f);

/* t.Format(layout), appended to b. */
void osmo_gotime_format(osmo_buf *b, osmo_gotime t, const char *layout, size_t len);
/* t.String(): "2006-01-02 15:04:05.999999999 -0700 MST" plus " m=+x" when
 * monotonic. */
void osmo_gotime_string(osmo_buf *b, osmo_gotime t);
/* time.ParseInLocation.  On failure returns OSMO_EPARSE and appends Go's
 * ParseError text to errmsg (when not NULL).  Fixed zones go in a. */
int osmo_gotime_parse(osmo_gotime *out, osmo_arena *a, const char *layout, size_t llen,
		      const char *value, size_t vlen, const osmo_gotime_loc *loc,
		      osmo_buf *errmsg);

/* ---- durations (int64 nanoseconds) --------------------------------------- */
/* time.ParseDuration; on failure OSMO_EPARSE with Go's message in errmsg. */
int osmo_gotime_parse_duration(int64_t *out, const char *s, size_t n, osmo_buf *errmsg);
/* Duration.String(): "1h2m3.5s", "1.5ms", "0s". */
void osmo_gotime_duration_string(osmo_buf *b, int64_t d);
int64_t osmo_gotime_duration_round(int64_t d, int64_t m); /* Duration.Round */
/* Go's time.quote (used in its error messages), appended to b. */
void osmo_gotime_quote(osmo_buf *b, const char *s, size_t n);

/* ---- template values ------------------------------------------------------ */
extern const osmo_object_class osmo_gotime_class; /* go_type "time.Time" */
osmo_value osmo_gotime_value(osmo_arena *a, osmo_gotime t);
/* True (and *out set) when v holds a time.Time. */
bool osmo_gotime_from_value(osmo_gotime *out, osmo_value v);

#endif
