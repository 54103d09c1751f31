/* test_funcs_date.c - Sprig date functions and Go time semantics.  Every
 * expected string was produced by the reference helm v3.17.2 (TZ unset,
 * /etc/localtime = UTC), e.g.
 *   {{ toDate "2006-01-02" "2024-03-05" | date "..." }}. */
#include "osmo/funcs.h"
#include "osmo/gotime.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

static osmo_arena *A;
static osmo_error E;

static const osmo_func_def *fn(const char *name)
{
	for (const osmo_func_def *d = osmo_funcs_date; d->name; d++)
		if (strcmp(d->name, name) == 0)
			return d;
	return NULL;
}

static int callv(osmo_value *out, const char *name, int argc, const osmo_value *argv)
{
	const osmo_func_def *d = fn(name);
	OSMO_ASSERT(d);
	osmo_fnctx ctx = { A, &E, name, NULL };
	osmo_error_dispose(&E);
	return d->fn(out, &ctx, argc, argv);
}

static osmo_value S(const char *s)
{
	return osmo_cstring(A, s);
}

static osmo_value I64(int64_t i)
{
	return osmo_int64(i);
}

/* Render a result as the template would print it (%v). */
static const char *show(osmo_value v)
{
	osmo_buf b = OSMO_BUF_INIT;
	osmo_gotime t;
	if (osmo_gotime_from_value(&t, v))
		osmo_gotime_string(&b, t);
	else if (v.type == OSMO_V_STRING)
		osmo_buf_put(&b, v.u.s.ptr, v.u.s.len);
	else
		osmo_buf_puts(&b, "<?>");
	const char *r = osmo_arena_strdup(A, osmo_buf_cstr(&b));
	osmo_buf_dispose(&b);
	return r;
}

static const char *call1(const char *name, osmo_value a)
{
	osmo_value out;
	if (callv(&out, name, 1, &a) != 0)
		return E.msg;
	return show(out);
}

static const char *call2(const char *name, osmo_value a, osmo_value b)
{
	osmo_value out, argv[2] = { a, b };
	if (callv(&out, name, 2, argv) != 0)
		return E.msg;
	return show(out);
}

static const char *call3(const char *name, osmo_value a, osmo_value b, osmo_value c)
{
	osmo_value out, argv[3] = { a, b, c };
	if (callv(&out, name, 3, argv) != 0)
		return E.msg;
	return show(out);
}

static osmo_value to_date(const char *layout, const char *value)
{
	osmo_value out, argv[2] = { S(layout), S(value) };
	OSMO_ASSERT(callv(&out, "toDate", 2, argv) == 0);
	return out;
}

static void test_format(void)
{
	osmo_value d = to_date("2006-01-02", "2024-03-05");
	CHECK_STREQ(call2("date", S("2006-01-02T15:04:05Z07:00 Mon Jan _2 .000 .999 MST -0700 pm PM "
				    "3 03 15 __2 002 06 January Monday"), d),
		    "2024-03-05T00:00:00Z Tue Mar  5 .000  UTC +0000 am AM 12 12 00  65 065 24 "
		    "March Tuesday");
	CHECK_STREQ(show(d), "2024-03-05 00:00:00 +0000 UTC");
	CHECK_STREQ(call2("date", S("2006-01-02 15:04:05 MST"), osmo_int(1700000000)),
		    "2023-11-14 22:13:20 UTC");
	const char *zl = "2006-01-02 15:04:05 MST -07:00";
	CHECK_STREQ(call3("dateInZone", S(zl), osmo_int(1700000000), S("Europe/Berlin")),
		    "2023-11-14 23:13:20 CET +01:00");
	CHECK_STREQ(call3("dateInZone", S(zl), osmo_int(1700000000), S("Asia/Kolkata")),
		    "2023-11-15 03:43:20 IST +05:30");
	CHECK_STREQ(call3("date_in_zone", S(zl), osmo_int(1700000000), S("Nope/Zone")),
		    "2023-11-14 22:13:20 UTC +00:00");
	CHECK_STREQ(call3("dateInZone",
			  S("Mon, 02 Jan 2006 15:04:05.000000 MST Z07:00 Z0700 Z07 -07 -070000 "
			    "-07:00:00 3:4:5 pm"),
			  to_date("2006-01-02 15:04", "2024-07-05 13:45"), S("Europe/Berlin")),
		    "Fri, 05 Jul 2024 15:45:00.000000 CEST +02:00 +0200 +02 +02 +020000 "
		    "+02:00:00 3:45:0 pm");
	const char *l2 = "2006-01-02 15:04:05 MST";
	CHECK_STREQ(call3("dateInZone", S(l2), osmo_int(2000000000), S("America/New_York")),
		    "2033-05-17 23:33:20 EDT");
	/* Beyond the TZif transitions: the POSIX TZ footer rules. */
	CHECK_STREQ(call3("dateInZone", S(l2), osmo_int(4102444800), S("Europe/Berlin")),
		    "2100-01-01 01:00:00 CET");
	CHECK_STREQ(call3("dateInZone", S(l2), osmo_int(4118000000), S("Europe/Berlin")),
		    "2100-06-30 02:53:20 CEST");
	/* Southern hemisphere footer rules, BST in 1970, the 2024 DST edge. */
	CHECK_STREQ(call3("dateInZone", S(l2), I64(4118000000), S("Australia/Sydney")),
		    "2100-06-30 10:53:20 AEST");
	CHECK_STREQ(call3("dateInZone", S(l2), I64(4102444800), S("Australia/Sydney")),
		    "2100-01-01 11:00:00 AEDT");
	CHECK_STREQ(call3("dateInZone", S(l2), I64(4118000000), S("America/Santiago")),
		    "2100-06-29 20:53:20 -04");
	CHECK_STREQ(call3("dateInZone", S(l2), I64(0), S("Europe/London")), "1970-01-01 01:00:00 BST");
	CHECK_STREQ(call3("dateInZone", S(l2), I64(1711846800), S("Europe/Berlin")),
		    "2024-03-31 03:00:00 CEST");
	CHECK_STREQ(call3("dateInZone", S("Jan 2 15:04 MST"), I64(-5000000000), S("America/New_York")),
		    "Jul 23 10:10 LMT");
	CHECK_STREQ(call3("dateInZone", S(l2), I64(-100000000000), S("Europe/Berlin")),
		    "-1199-02-15 15:06:48 LMT");
	CHECK_STREQ(call3("dateInZone", S("2006 MST"), osmo_int(1700000000), S("America/Sao_Paulo")),
		    "2023 -03");
	CHECK_STREQ(call3("dateInZone", S("_2006|__2|.999999999|,000"), osmo_int(1700000000), S("UTC")),
		    "_2023|318||,000");
	CHECK_STREQ(call3("dateInZone", S(l2), I64(1700000000), S("Local")), "2023-11-14 22:13:20 UTC");
	CHECK_STREQ(call3("dateInZone", S("2006"), osmo_int(1700000000), S("")), "2023");
	CHECK_STREQ(call1("htmlDate", d), "2024-03-05");
	CHECK_STREQ(call2("htmlDateInZone", osmo_int(1700000000), S("America/New_York")), "2023-11-14");
}

static void test_parse(void)
{
	CHECK_STREQ(show(to_date("2006-01-02", "bad")), "0001-01-01 00:00:00 +0000 UTC");
	CHECK_STREQ(show(to_date("2006-01-02T15:04:05Z07:00", "2024-03-05T10:11:12+05:30")),
		    "2024-03-05 10:11:12 +0530 +0530");
	CHECK_STREQ(show(to_date("2006-01-02 MST", "2024-07-05 CEST")),
		    "2024-07-05 00:00:00 +0000 CEST");
	CHECK_STREQ(show(to_date("2006-01-02 -0700", "2024-07-05 +0000")),
		    "2024-07-05 00:00:00 +0000 UTC");
	CHECK_STREQ(show(to_date("Jan 2 2006 3:04PM", "feb 29 2024 12:01am")),
		    "0001-01-01 00:00:00 +0000 UTC");
	CHECK_STREQ(show(to_date("2006-01-02 15:04:05", "2024-03-05 13:04:05.123456789123")),
		    "2024-03-05 13:04:05.123456789 +0000 UTC");
	CHECK_STREQ(show(to_date("2006-002", "2024-060")), "2024-02-29 00:00:00 +0000 UTC");
	CHECK_STREQ(show(to_date("02/01/06", "31/12/99")), "1999-12-31 00:00:00 +0000 UTC");
	CHECK_STREQ(show(to_date("2006-01-02 MST", "2024-07-05 GMT+3")),
		    "2024-07-05 03:00:00 +0300 GMT+3");
	CHECK_STREQ(show(to_date("2006-01-02 MST", "2024-07-05 UTC")),
		    "2024-07-05 00:00:00 +0000 UTC");
	CHECK_STREQ(show(to_date("2006-01-02 -07", "2024-07-05 -03")),
		    "2024-07-05 00:00:00 -0300 -0300");
	/* time.Time marshals as RFC 3339 with trimmed nanoseconds. */
	osmo_value t = to_date("2006-01-02 15:04:05.999", "2024-03-05 13:04:05.120");
	osmo_value j;
	CHECK(t.u.obj->cls->marshal(&j, A, t.u.obj) == 0);
	CHECK_STREQ(show(j), "2024-03-05T13:04:05.12Z");
	t = to_date("2006-01-02T15:04:05.000Z07:00", "2024-03-05T10:11:12.345-08:00");
	CHECK(t.u.obj->cls->marshal(&j, A, t.u.obj) == 0);
	CHECK_STREQ(show(j), "2024-03-05T10:11:12.345-08:00");
}

static void test_durations(void)
{
	CHECK_STREQ(call1("duration", osmo_int(95)), "0s");
	CHECK_STREQ(call1("duration", S("95")), "1m35s");
	CHECK_STREQ(call1("duration", I64(3600)), "1h0m0s");
	CHECK_STREQ(call1("duration", S("-1")), "-1s");
	CHECK_STREQ(call1("duration", S("x")), "0s");
	CHECK_STREQ(call1("duration", S("99999999999999999999")), "-1s");
	CHECK_STREQ(call1("duration", S("9223372036")), "2562047h47m16s");
	CHECK_STREQ(call1("duration", S("+5")), "5s");
	CHECK_STREQ(call1("duration", I64(-3700)), "-1h1m40s");
	CHECK_STREQ(call1("durationRound", S("2h10m")), "2h");
	CHECK_STREQ(call1("durationRound", S("-2h10m")), "2h");
	CHECK_STREQ(call1("durationRound", I64(1000000000)), "0s");
	CHECK_STREQ(call1("durationRound", S("1.5s")), "1s");
	CHECK_STREQ(call1("durationRound", S("800h")), "1mo");
	CHECK_STREQ(call1("durationRound", S("9000h")), "1y");
	CHECK_STREQ(call1("durationRound", S("24h")), "24h");
	osmo_value d = to_date("2006-01-02", "2024-03-05");
	CHECK_STREQ(call2("dateModify", S("-1.5h"), d), "2024-03-04 22:30:00 +0000 UTC");
	CHECK_STREQ(call2("date_modify", S("bogus"), d), "2024-03-05 00:00:00 +0000 UTC");
	CHECK_STREQ(call2("dateModify", S("1h1m1.5s"), d), "2024-03-05 01:01:01.5 +0000 UTC");
	CHECK_STREQ(call1("unixEpoch", d), "1709596800");
	osmo_buf b = OSMO_BUF_INIT;
	osmo_gotime_duration_string(&b, 1500000);
	osmo_buf_puts(&b, " ");
	osmo_gotime_duration_string(&b, 1500);
	osmo_buf_puts(&b, " ");
	osmo_gotime_duration_string(&b, -7);
	CHECK_STREQ(osmo_buf_cstr(&b), "1.5ms 1.5\xc2\xb5s -7ns");
	osmo_buf_dispose(&b);
}

static void test_errors(void)
{
	CHECK_STREQ(call2("mustToDate", S("2006-01-02"), S("2024-13-05")),
		    "parsing time \"2024-13-05\": month out of range");
	CHECK_STREQ(call2("mustToDate", S("2006-01-02"), S("2024-02-30")),
		    "parsing time \"2024-02-30\": day out of range");
	CHECK_STREQ(call2("mustToDate", S("2006-01-02"), S("2024-01-05x")),
		    "parsing time \"2024-01-05x\": extra text: \"x\"");
	CHECK_STREQ(call2("mustToDate", S("2006-01-02"), S("24-01-05")),
		    "parsing time \"24-01-05\" as \"2006-01-02\": cannot parse \"24-01-05\" as \"2006\"");
	CHECK_STREQ(call2("mustToDate", S("15:04"), S("25:00")),
		    "parsing time \"25:00\": hour out of range");
	CHECK_STREQ(call2("mustToDate", S("Jan _2"), S("Fex 5\xc3\xa9")),
		    "parsing time \"Fex 5\\xc3\\xa9\" as \"Jan _2\": cannot parse \"Fex 5\\xc3\\xa9\" as \"Jan\"");
	CHECK_STREQ(call2("mustToDate", S("2006-002"), S("2023-366")),
		    "parsing time \"2023-366\": day-of-year out of range");
	osmo_value d = to_date("2006-01-02", "2024-03-05");
	CHECK_STREQ(call2("mustDateModify", S("5x"), d), "time: unknown unit \"x\" in duration \"5x\"");
	CHECK_STREQ(call2("mustDateModify", S(""), d), "time: invalid duration \"\"");
	CHECK_STREQ(call2("must_date_modify", S("1..5h"), d), "time: missing unit in duration \"1..5h\"");
}

int main(void)
{
	/* Go reads Local from TZ; pin it to what the expectations used. */
	setenv("TZ", "UTC", 1);
	A = osmo_arena_new();
	test_format();
	test_parse();
	test_durations();
	test_errors();
	osmo_error_dispose(&E);
	osmo_arena_free(A);
	return CHECK_DONE();
}
