/* test_numfmt.c - strconv equivalents; expectations captured from the
 * reference helm 3.17.2 (printf %q/%v, toJson, atoi, float64). */
#include <math.h>
#include <string.h>

#include "check.h"
#include "osmo/numfmt.h"

static const char *fmtf(osmo_buf *b, double f, char fmt, int prec)
{
	osmo_buf_clear(b);
	osmo_numfmt_float(b, f, fmt, prec);
	return osmo_buf_cstr(b);
}

static const char *quote(osmo_buf *b, const char *s, bool ascii)
{
	osmo_buf_clear(b);
	if (ascii)
		osmo_numfmt_quote_ascii(b, s, strlen(s));
	else
		osmo_numfmt_quote(b, s, strlen(s));
	return osmo_buf_cstr(b);
}

static const char *qrune(osmo_buf *b, int32_t r, bool ascii)
{
	osmo_buf_clear(b);
	if (ascii)
		osmo_numfmt_quote_rune_ascii(b, r);
	else
		osmo_numfmt_quote_rune(b, r);
	return osmo_buf_cstr(b);
}

/* atoi = strconv.Atoi (base 10): Sprig returns the (clamped) value even on
 * error, so the outputs below are what `atoi` printed. */
static void test_parse_int(void)
{
	static const struct {
		const char *s;
		int64_t want;
		int rc;
	} cases[] = {
		{ "012", 12, 0 },
		{ "1_0", 0, OSMO_EPARSE },
		{ "+5", 5, 0 },
		{ "-0", 0, 0 },
		{ "9223372036854775807", INT64_MAX, 0 },
		{ "9223372036854775808", INT64_MAX, OSMO_ELIMIT },
		{ "-9223372036854775808", INT64_MIN, 0 },
		{ "0x10", 0, OSMO_EPARSE },
		{ " 1", 0, OSMO_EPARSE },
		{ "", 0, OSMO_EPARSE },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = -99;
		int rc = osmo_numfmt_parse_int(&v, cases[i].s, strlen(cases[i].s), 10);
		CHECK(rc == cases[i].rc);
		CHECK(v == cases[i].want);
	}
	/* base 0 (cast.ToInt64 via Sprig int64): 0x1F 0o17 017 1_000 0X_1F */
	static const struct {
		const char *s;
		int64_t want;
		int rc;
	} base0[] = {
		{ "0x1F", 31, 0 },   { "0o17", 15, 0 },  { "017", 15, 0 },
		{ "1_000", 1000, 0 }, { "0X_1F", 31, 0 }, { "-0x10", -16, 0 },
		{ "0b101", 5, 0 },   { "1__0", 0, OSMO_EPARSE }, { "_10", 0, OSMO_EPARSE },
		{ "0", 0, 0 },       { "08", 0, OSMO_EPARSE },
	};
	for (size_t i = 0; i < sizeof base0 / sizeof base0[0]; i++) {
		int64_t v = -99;
		int rc = osmo_numfmt_parse_int(&v, base0[i].s, strlen(base0[i].s), 0);
		CHECK(rc == base0[i].rc);
		if (rc == 0)
			CHECK(v == base0[i].want);
	}
}

/* float64 "<s>" printed with %v; 0 means ParseFloat failed. */
static void test_parse_float(void)
{
	static const struct {
		const char *s;
		double want;
		bool ok;
	} cases[] = {
		{ "1.5", 1.5, true },       { "1e3", 1000, true },     { "0x1p-2", 0.25, true },
		{ "1_000.5", 1000.5, true }, { "abc", 0, false },      { "0x10", 0, false },
		{ " 1", 0, false },         { "1.", 1, true },         { ".5", 0.5, true },
		{ "+.5e-1", 0.05, true },   { "0x1.8p1", 3, true },    { "1e", 0, false },
		{ "_1", 0, false },         { "1_", 0, false },        { "1__0", 0, false },
		{ "0_1", 1, true },         { "0x_1p0", 1, true },     { "infin", 0, false },
		{ "+nan", 0, false },       { "1e1_0", 1e10, true },   { "1_e10", 0, false },
		{ "1e-400", 0, true },      { "0x1p-1074", 5e-324, true },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		double v = -99;
		int rc = osmo_numfmt_parse_float(&v, cases[i].s, strlen(cases[i].s));
		CHECK((rc == 0) == cases[i].ok);
		if (cases[i].ok)
			CHECK(v == cases[i].want);
	}
	double v;
	CHECK(osmo_numfmt_parse_float(&v, "inf", 3) == 0 && isinf(v) && v > 0);
	CHECK(osmo_numfmt_parse_float(&v, "-Infinity", 9) == 0 && isinf(v) && v < 0);
	CHECK(osmo_numfmt_parse_float(&v, "nan", 3) == 0 && isnan(v));
	CHECK(osmo_numfmt_parse_float(&v, "1e400", 5) == OSMO_ELIMIT && isinf(v));
	CHECK(osmo_numfmt_parse_float(&v, "-0", 2) == 0 && v == 0 && signbit(v));
}

int main(void)
{
	osmo_buf b = OSMO_BUF_INIT;

	/* %v = 'g' shortest */
	CHECK_STREQ(fmtf(&b, 1e6, 'g', -1), "1e+06");
	CHECK_STREQ(fmtf(&b, 999999, 'g', -1), "999999");
	CHECK_STREQ(fmtf(&b, 100000.5, 'g', -1), "100000.5");
	CHECK_STREQ(fmtf(&b, 0.00001, 'g', -1), "1e-05");
	CHECK_STREQ(fmtf(&b, 5e-324, 'g', -1), "5e-324");
	CHECK_STREQ(fmtf(&b, 1.7976931348623157e308, 'g', -1), "1.7976931348623157e+308");
	CHECK_STREQ(fmtf(&b, 2.2250738585072014e-308, 'g', -1), "2.2250738585072014e-308");
	CHECK_STREQ(fmtf(&b, 9007199254740993.0, 'g', -1), "9.007199254740992e+15");
	CHECK_STREQ(fmtf(&b, INFINITY, 'g', -1), "+Inf");
	CHECK_STREQ(fmtf(&b, -INFINITY, 'f', 2), "-Inf");
	CHECK_STREQ(fmtf(&b, NAN, 'e', -1), "NaN");
	CHECK_STREQ(fmtf(&b, -0.0, 'g', -1), "-0");
	/* 'f' shortest, as toJson prints [1e20 0.000001 123456789.125 0.1] */
	CHECK_STREQ(fmtf(&b, 1e20, 'f', -1), "100000000000000000000");
	CHECK_STREQ(fmtf(&b, 0.000001, 'f', -1), "0.000001");
	CHECK_STREQ(fmtf(&b, 123456789.125, 'f', -1), "123456789.125");
	CHECK_STREQ(fmtf(&b, 0.1, 'f', -1), "0.1");
	/* fixed precisions (printf %e %.3g %.4f %b %x) */
	CHECK_STREQ(fmtf(&b, 1e100, 'E', 6), "1.000000E+100");
	CHECK_STREQ(fmtf(&b, 1234567, 'g', 3), "1.23e+06");
	CHECK_STREQ(fmtf(&b, 1234567, 'g', 10), "1234567");
	CHECK_STREQ(fmtf(&b, 0.1, 'b', -1), "7205759403792794p-56");
	CHECK_STREQ(fmtf(&b, 1e-320, 'x', -1), "0x1.fap-1064");
	CHECK_STREQ(fmtf(&b, 1.999, 'x', 2), "0x1.00p+01");
	CHECK_STREQ(fmtf(&b, -255.5, 'X', -1), "-0X1.FFP+07");

	osmo_buf_clear(&b);
	osmo_numfmt_int(&b, INT64_MIN, 10);
	osmo_buf_putc(&b, ' ');
	osmo_numfmt_int(&b, -255, 16);
	osmo_buf_putc(&b, ' ');
	osmo_numfmt_uint(&b, UINT64_MAX, 36);
	CHECK_STREQ(osmo_buf_cstr(&b), "-9223372036854775808 -ff 3w5e11264sgsf");

	/* printf "%q" / "%+q" */
	CHECK_STREQ(quote(&b, "\xff", false), "\"\\xff\"");
	CHECK_STREQ(quote(&b, "\xe2\x82", false), "\"\\xe2\\x82\"");
	CHECK_STREQ(quote(&b, "\xed\xa0\x80", false), "\"\\xed\\xa0\\x80\"");
	CHECK_STREQ(quote(&b, "h\xc3\xa9llo\x01", false), "\"h\xc3\xa9llo\\x01\"");
	CHECK_STREQ(quote(&b, "h\xc3\xa9llo", true), "\"h\\u00e9llo\"");
	CHECK_STREQ(quote(&b, "a\"b\\c\n\t", false), "\"a\\\"b\\\\c\\n\\t\"");
	CHECK_STREQ(quote(&b, "\x7f\xc2\xa0\xe2\x80\xa8\xef\xbb\xbf", false),
		    "\"\\x7f\\u00a0\\u2028\\ufeff\"");
	CHECK_STREQ(quote(&b, "\xc2\xad\xcd\xb8\xf3\xa0\x80\x81\xe3\x80\x80", false),
		    "\"\\u00ad\\u0378\\U000e0001\\u3000\"");
	/* Unicode 15 additions are printable (U+1FAE8, U+31350) */
	CHECK_STREQ(quote(&b, "\xf0\x9f\xab\xa8\xf0\xb1\x8d\x90", false),
		    "\"\xf0\x9f\xab\xa8\xf0\xb1\x8d\x90\"");
	CHECK_STREQ(quote(&b, "\xf0\x9f\x98\x80", true), "\"\\U0001f600\"");
	CHECK_STREQ(qrune(&b, 0xD800, false), "'\xef\xbf\xbd'");
	CHECK_STREQ(qrune(&b, 0x110000, false), "'\xef\xbf\xbd'");
	CHECK_STREQ(qrune(&b, -5, false), "'\xef\xbf\xbd'");
	CHECK_STREQ(qrune(&b, '\'', false), "'\\''");
	CHECK_STREQ(qrune(&b, 233, true), "'\\u00e9'");
	CHECK_STREQ(qrune(&b, '\\', false), "'\\\\'");
	CHECK_STREQ(qrune(&b, 127, false), "'\\x7f'");
	CHECK_STREQ(qrune(&b, 10, false), "'\\n'");
	CHECK(osmo_numfmt_can_backquote("a\tb", 3));
	CHECK(!osmo_numfmt_can_backquote("a`b", 3));

	test_parse_int();
	test_parse_float();
	osmo_buf_dispose(&b);
	return CHECK_DONE();
}
