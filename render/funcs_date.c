/* funcs_date.c - Sprig v3.3.0 date functions (date.go) on top of gotime.
 * Sprig's quirks are kept: unsupported date types mean "now", unknown zones
 * mean UTC, `duration` takes only int64 or a string of seconds, and the
 * non-must variants swallow errors. */
#include "osmo/funcs.h"
#include "osmo/gotime.h"

#include <string.h>

#define NS OSMO_GOTIME_NS_PER_SEC

static int ret_string(osmo_value *out, osmo_fnctx *ctx, osmo_buf *b)
{
	*out = osmo_string_buf(ctx->arena, b);
	osmo_buf_dispose(b);
	return 0;
}

static int want_time(osmo_gotime *t, osmo_fnctx *ctx, osmo_value v)
{
	if (osmo_gotime_from_value(t, v))
		return 0;
	/* The executor checks signatures; this only guards direct callers. */
	return osmo_fn_errorf(ctx, "wrong type for value; expected time.Time; got %s",
			      osmo_value_gotype(v));
}

/* Sprig's dateInZone type switch: time.Time, int, int32, int64 (Unix
 * seconds); anything else is now.  (`ago` does not take int32.) */
static osmo_gotime date_arg(osmo_value v, bool int32_ok)
{
	osmo_gotime t;
	if (osmo_gotime_from_value(&t, v))
		return t;
	if (v.type == OSMO_V_INT &&
	    (v.sub == OSMO_GO_INT || v.sub == OSMO_GO_INT64 || (int32_ok && v.sub == OSMO_GO_INT32)))
		return osmo_gotime_unix(v.u.i, 0);
	return osmo_gotime_now();
}

static int format_in_zone(osmo_value *out, osmo_fnctx *ctx, osmo_str fmt, osmo_value date,
			  const char *zone)
{
	osmo_gotime t = date_arg(date, true);
	const osmo_gotime_loc *loc;
	if (osmo_gotime_load_location(&loc, zone) != 0)
		loc = NULL; /* Sprig falls back to UTC */
	osmo_buf b = OSMO_BUF_INIT;
	osmo_gotime_format(&b, osmo_gotime_in(t, loc), fmt.ptr, fmt.len);
	return ret_string(out, ctx, &b);
}

/* date(fmt string, date interface{}) string */
static int fn_date(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return format_in_zone(out, ctx, argv[0].u.s, argv[1], "Local");
}

/* dateInZone(fmt string, date interface{}, zone string) string */
static int fn_date_in_zone(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	/* Zone names with NULs cannot name a file; the C string stops early
	 * and the lookup fails or finds another zone only if Go would too. */
	return format_in_zone(out, ctx, argv[0].u.s, argv[1], argv[2].u.s.ptr);
}

static const osmo_str html_layout = { "2006-01-02", 10 };

/* htmlDate(date interface{}) string */
static int fn_html_date(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return format_in_zone(out, ctx, html_layout, argv[0], "Local");
}

/* htmlDateInZone(date interface{}, zone string) string */
static int fn_html_date_in_zone(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return format_in_zone(out, ctx, html_layout, argv[0], argv[1].u.s.ptr);
}

/* dateModify(fmt string, date time.Time) time.Time */
static int fn_date_modify(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_gotime t;
	int rc = want_time(&t, ctx, argv[1]);
	if (rc)
		return rc;
	int64_t d;
	if (osmo_gotime_parse_duration(&d, argv[0].u.s.ptr, argv[0].u.s.len, NULL) == 0)
		t = osmo_gotime_add(t, d);
	*out = osmo_gotime_value(ctx->arena, t);
	return 0;
}

/* mustDateModify(fmt string, date time.Time) (time.Time, error) */
static int fn_must_date_modify(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_gotime t;
	int rc = want_time(&t, ctx, argv[1]);
	if (rc)
		return rc;
	int64_t d;
	osmo_buf e = OSMO_BUF_INIT;
	if (osmo_gotime_parse_duration(&d, argv[0].u.s.ptr, argv[0].u.s.len, &e) != 0) {
		rc = osmo_fn_errorf(ctx, "%s", osmo_buf_cstr(&e));
		osmo_buf_dispose(&e);
		return rc;
	}
	*out = osmo_gotime_value(ctx->arena, osmo_gotime_add(t, d));
	return 0;
}

/* ago(date interface{}) string */
static int fn_ago(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	int64_t d = osmo_gotime_since(date_arg(argv[0], false));
	osmo_buf b = OSMO_BUF_INIT;
	osmo_gotime_duration_string(&b, osmo_gotime_duration_round(d, NS));
	return ret_string(out, ctx, &b);
}

/* strconv.ParseInt(s, 10, 64) as Sprig uses it: errors ignored, so a syntax
 * error gives 0 and a range error the clamped value. */
static int64_t parse_int_lenient(osmo_str s)
{
	const char *p = s.ptr;
	size_t n = s.len;
	bool neg = false;
	if (n && (p[0] == '+' || p[0] == '-')) {
		neg = p[0] == '-';
		p++, n--;
	}
	if (!n)
		return 0;
	uint64_t v = 0;
	bool range = false;
	for (size_t i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		if (!range) {
			if (v > (UINT64_MAX - 9) / 10)
				range = true;
			else
				v = v * 10 + (uint64_t)(p[i] - '0');
		}
	}
	uint64_t lim = neg ? (UINT64_C(1) << 63) : (UINT64_C(1) << 63) - 1;
	if (range || v > lim)
		return neg ? INT64_MIN : INT64_MAX;
	return neg ? (int64_t)(0 - v) : (int64_t)v;
}

/* duration(sec interface{}) string */
static int fn_duration(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_value v = argv[0];
	int64_t n = 0;
	if (osmo_is_string(v))
		n = parse_int_lenient(v.u.s);
	else if (v.type == OSMO_V_INT && v.sub == OSMO_GO_INT64)
		n = v.u.i;
	osmo_buf b = OSMO_BUF_INIT;
	/* time.Duration(n) * time.Second wraps like Go's int64. */
	osmo_gotime_duration_string(&b, (int64_t)((uint64_t)n * (uint64_t)NS));
	return ret_string(out, ctx, &b);
}

/* durationRound(duration interface{}) string */
static int fn_duration_round(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	static const struct {
		uint64_t unit;
		const char *suffix;
	} steps[] = {
		{ UINT64_C(3600000000000) * 24 * 365, "y" },
		{ UINT64_C(3600000000000) * 24 * 30, "mo" },
		{ UINT64_C(3600000000000) * 24, "d" },
		{ UINT64_C(3600000000000), "h" },
		{ UINT64_C(60000000000), "m" },
		{ UINT64_C(1000000000), "s" },
	};
	osmo_value v = argv[0];
	int64_t d = 0;
	osmo_gotime t;
	if (osmo_is_string(v))
		osmo_gotime_parse_duration(&d, v.u.s.ptr, v.u.s.len, NULL);
	else if (v.type == OSMO_V_INT && v.sub == OSMO_GO_INT64)
		d = v.u.i;
	else if (osmo_gotime_from_value(&t, v))
		d = osmo_gotime_since(t);
	uint64_t u = (uint64_t)d;
	if (d < 0)
		u = -u;
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (u > steps[i].unit) {
			char *r = osmo_arena_sprintf(ctx->arena, "%llu%s",
						     (unsigned long long)(u / steps[i].unit),
						     steps[i].suffix);
			*out = osmo_str_ref(r, strlen(r));
			return 0;
		}
	}
	*out = osmo_str_ref("0s", 2);
	return 0;
}

/* toDate(fmt, str string) time.Time */
static int fn_to_date(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_gotime t;
	if (osmo_gotime_parse(&t, ctx->arena, argv[0].u.s.ptr, argv[0].u.s.len, argv[1].u.s.ptr,
			      argv[1].u.s.len, osmo_gotime_local(), NULL) != 0)
		t = osmo_gotime_zero();
	*out = osmo_gotime_value(ctx->arena, t);
	return 0;
}

/* mustToDate(fmt, str string) (time.Time, error) */
static int fn_must_to_date(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_gotime t;
	osmo_buf e = OSMO_BUF_INIT;
	if (osmo_gotime_parse(&t, ctx->arena, argv[0].u.s.ptr, argv[0].u.s.len, argv[1].u.s.ptr,
			      argv[1].u.s.len, osmo_gotime_local(), &e) != 0) {
		int rc = osmo_fn_errorf(ctx, "%s", osmo_buf_cstr(&e));
		osmo_buf_dispose(&e);
		return rc;
	}
	*out = osmo_gotime_value(ctx->arena, t);
	return 0;
}

/* unixEpoch(date time.Time) string */
static int fn_unix_epoch(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_gotime t;
	int rc = want_time(&t, ctx, argv[0]);
	if (rc)
		return rc;
	char *r = osmo_arena_sprintf(ctx->arena, "%lld", (long long)t.sec);
	*out = osmo_str_ref(r, strlen(r));
	return 0;
}

/* time.Now */
static int fn_now(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc, (void)argv;
	*out = osmo_gotime_value(ctx->arena, osmo_gotime_now());
	return 0;
}

const osmo_func_def osmo_funcs_date[] = {
	{ "ago", "a:s", fn_ago },
	{ "date", "sa:s", fn_date },
	{ "date_in_zone", "sas:s", fn_date_in_zone },
	{ "date_modify", "st:t", fn_date_modify },
	{ "dateInZone", "sas:s", fn_date_in_zone },
	{ "dateModify", "st:t", fn_date_modify },
	{ "duration", "a:s", fn_duration },
	{ "durationRound", "a:s", fn_duration_round },
	{ "htmlDate", "a:s", fn_html_date },
	{ "htmlDateInZone", "as:s", fn_html_date_in_zone },
	{ "must_date_modify", "st:te", fn_must_date_modify },
	{ "mustDateModify", "st:te", fn_must_date_modify },
	{ "mustToDate", "ss:te", fn_must_to_date },
	{ "now", ":t", fn_now },
	{ "toDate", "ss:t", fn_to_date },
	{ "unixEpoch", "t:s", fn_unix_epoch },
	{ NULL, NULL, NULL },
};
