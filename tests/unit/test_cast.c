/* test_cast.c - spf13/cast + Sprig helpers; expectations captured from the
 * reference helm 3.17.2 (`int64`, `int`, `float64`, `toString`, `toStrings`). */
#include <math.h>
#include <string.h>

#include "check.h"
#include "osmo/cast.h"

static osmo_arena *arena;

static osmo_value S(const char *s)
{
	return osmo_cstring(arena, s);
}

static const char *strval(osmo_buf *b, osmo_value v)
{
	osmo_buf_clear(b);
	osmo_cast_strval(b, v);
	return osmo_buf_cstr(b);
}

static void test_int64(void)
{
	/* list (int64 "12") (int64 "12.0") ... => [12,12,0,0,0,31,15,15,1000,0,-16,0,0,0] */
	static const struct {
		const char *s;
		int64_t want;
	} strs[] = {
		{ "12", 12 },  { "12.0", 12 }, { "12.5", 0 },    { "12.", 0 },   { ".0", 0 },
		{ "0x1F", 31 }, { "0o17", 15 }, { "017", 15 },    { "1_000", 1000 }, { " 5", 0 },
		{ "-0x10", -16 }, { "9223372036854775808", 0 },  { "abc", 0 },  { "", 0 },
		{ "0b101", 5 }, { "0.000", 0 }, { "1e3", 0 },     { "+7", 7 },    { "0", 0 },
		{ "12.00", 12 }, { "0X_1F", 31 }, { "1__0", 0 },  { "_10", 0 },
	};
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
		CHECK(osmo_cast_int64(S(strs[i].s)) == strs[i].want);
	/* (int64 1.9) (int64 -1.9) (int64 1e30) (int64 -1e30) true false nil list */
	CHECK(osmo_cast_int64(osmo_float(1.9)) == 1);
	CHECK(osmo_cast_int64(osmo_float(-1.9)) == -1);
	CHECK(osmo_cast_int64(osmo_float(1e30)) == INT64_MIN);
	CHECK(osmo_cast_int64(osmo_float(-1e30)) == INT64_MIN);
	CHECK(osmo_cast_int64(osmo_bool(true)) == 1);
	CHECK(osmo_cast_int64(osmo_bool(false)) == 0);
	CHECK(osmo_cast_int64(osmo_null()) == 0);
	CHECK(osmo_cast_int64(osmo_list_new(arena, 0)) == 0);
	CHECK(osmo_cast_int(osmo_float(3.99)) == 3);
	CHECK(osmo_cast_int(osmo_int64(5)) == 5);
}

static void test_float64(void)
{
	/* float64 of strings, true, nil, 3 (printed with %v) */
	CHECK(osmo_cast_float64(S("1.5")) == 1.5);
	CHECK(osmo_cast_float64(S("1e3")) == 1000);
	CHECK(osmo_cast_float64(S("0x1p-2")) == 0.25);
	CHECK(osmo_cast_float64(S("1_000.5")) == 1000.5);
	CHECK(isinf(osmo_cast_float64(S("inf"))));
	CHECK(isnan(osmo_cast_float64(S("nan"))));
	CHECK(osmo_cast_float64(S("1e400")) == 0); /* range error -> 0 */
	CHECK(osmo_cast_float64(S("abc")) == 0);
	CHECK(osmo_cast_float64(S("0x10")) == 0);
	CHECK(osmo_cast_float64(S(" 1")) == 0);
	CHECK(osmo_cast_float64(osmo_bool(true)) == 1);
	CHECK(osmo_cast_float64(osmo_null()) == 0);
	CHECK(osmo_cast_float64(osmo_int(3)) == 3);
}

static void test_strings(void)
{
	osmo_buf b = OSMO_BUF_INIT;
	/* list (toString 1.5) (toString nil) (toString 1e6) (toString (list 1 "a"))
	 * (toString true) (toString "x") (toString (int64 3)) */
	osmo_value l = osmo_list_new(arena, 2);
	osmo_list_push(arena, l.u.list, osmo_int(1));
	osmo_list_push(arena, l.u.list, S("a"));
	CHECK_STREQ(strval(&b, osmo_float(1.5)), "1.5");
	CHECK_STREQ(strval(&b, osmo_null()), "<nil>");
	CHECK_STREQ(strval(&b, osmo_float(1e6)), "1e+06");
	CHECK_STREQ(strval(&b, l), "[1 a]");
	CHECK_STREQ(strval(&b, osmo_bool(true)), "true");
	CHECK_STREQ(strval(&b, S("x")), "x");
	CHECK_STREQ(strval(&b, osmo_int64(3)), "3");
	CHECK_STREQ(strval(&b, osmo_bytes(arena, "hi", 2)), "hi");
	osmo_value t = osmo_cast_tostring(arena, osmo_float(1e6));
	CHECK(osmo_is_string(t) && strcmp(t.u.s.ptr, "1e+06") == 0);

	/* toStrings (list 1 nil "a" 2.5) => [1 a 2.5]; "abc" => [abc];
	 * nil => []; 5 => [5] */
	osmo_value in = osmo_list_new(arena, 4);
	osmo_list_push(arena, in.u.list, osmo_int(1));
	osmo_list_push(arena, in.u.list, osmo_null());
	osmo_list_push(arena, in.u.list, S("a"));
	osmo_list_push(arena, in.u.list, osmo_float(2.5));
	osmo_value out = osmo_cast_strslice(arena, in);
	CHECK(out.type == OSMO_V_LIST && out.sub == OSMO_GO_STRLIST && out.u.list->len == 3);
	CHECK_STREQ(strval(&b, out), "[1 a 2.5]");
	out = osmo_cast_strslice(arena, S("abc"));
	CHECK_STREQ(strval(&b, out), "[abc]");
	out = osmo_cast_strslice(arena, osmo_null());
	CHECK(out.type == OSMO_V_LIST && out.u.list->len == 0);
	out = osmo_cast_strslice(arena, osmo_int(5));
	CHECK_STREQ(strval(&b, out), "[5]");
	osmo_buf_dispose(&b);
}

int main(void)
{
	arena = osmo_arena_new();
	test_int64();
	test_float64();
	test_strings();
	osmo_arena_free(arena);
	return CHECK_DONE();
}
