/* test_funcs_math.c - Sprig math/conversion functions against results taken
 * from the reference helm 3.17.2 (`{{ fn args }}` rendered with %v). */
#include "osmo/funcs.h"
#include "check.h"

#include "sprig_harness.h"

static const tcase cases[] = {
	{ "add", "1 2 3", "6" },
	{ "add", "", "0" },
	{ "add", "1.9 2.9", "3" },
	{ "add", "\"3\" \"0x10\" \"1_000\" \"012\"", "1029" },
	{ "add", "\"1.0\" \"1.5\" true nil", "2" },
	{ "add", "9223372036854775807 1", "-9223372036854775808" },
	{ "add1", "1.9", "2" },
	{ "add1", "\"41\"", "42" },
	{ "sub", "10 3.7", "7" },
	{ "sub", "-9223372036854775808 1", "9223372036854775807" },
	{ "mul", "0.1 10", "0" },
	{ "mul", "2 3 4", "24" },
	{ "mul", "4611686018427387904 4", "0" },
	{ "mul", "5", "5" },
	{ "div", "7 2", "3" },
	{ "div", "-7 2", "-3" },
	{ "div", "1 0", "ERR:runtime error: integer divide by zero" },
	{ "div", "-9223372036854775808 -1", "-9223372036854775808" },
	{ "mod", "-7 2", "-1" },
	{ "mod", "7 -3", "1" },
	{ "mod", "5 0", "ERR:runtime error: integer divide by zero" },
	{ "max", "1 5 3", "5" },
	{ "max", "\"7\" 2.5", "7" },
	{ "biggest", "-1 -5", "-1" },
	{ "min", "1 -5 3", "-5" },
	{ "min", "3", "3" },
	{ "maxf", "1 5.5 3", "5.5" },
	{ "maxf", "1 \"2.5\"", "2.5" },
	{ "minf", "1 -5.5 3", "-5.5" },
	{ "minf", "0.1", "0.1" },
	{ "maxf", "-0.0 0.0", "0" },
	{ "ceil", "1.2", "2" },
	{ "ceil", "-0.5", "-0" },
	{ "ceil", "\"2.1\"", "3" },
	{ "floor", "-1.2", "-2" },
	{ "floor", "1.9", "1" },
	{ "round", "3.14159 2", "3.14" },
	{ "round", "3.145 2", "3.15" },
	{ "round", "2.5 0", "3" },
	{ "round", "-2.5 0", "-3" },
	{ "round", "-1.45 1", "-1.5" },
	{ "round", "1.25 1 0.3", "1.3" },
	{ "round", "1234.5678 -2", "1200" },
	{ "round", "\"12.345\" 1", "12.3" },
	{ "round", "0.5 0 0.6", "0" },
	{ "atoi", "\"42\"", "42" },
	{ "atoi", "\"-42\"", "-42" },
	{ "atoi", "\"+42\"", "42" },
	{ "atoi", "\"4.2\"", "0" },
	{ "atoi", "\" 42\"", "0" },
	{ "atoi", "\"99999999999999999999\"", "9223372036854775807" },
	{ "atoi", "\"-99999999999999999999\"", "-9223372036854775808" },
	{ "atoi", "\"1_000\"", "0" },
	{ "int", "\"12.000\"", "12" },
	{ "int", "3.9", "3" },
	{ "int", "-3.9", "-3" },
	{ "int", "\"0x1F\"", "31" },
	{ "int", "\"abc\"", "0" },
	{ "int64", "\"1_000\"", "1000" },
	{ "int64", "\"0o17\"", "15" },
	{ "int64", "\"0b101\"", "5" },
	{ "int64", "\"017\"", "15" },
	{ "int64", "\"08\"", "0" },
	{ "int64", "\"99999999999999999999\"", "0" },
	{ "int64", "1e30", "-9223372036854775808" },
	{ "int64", "-1e30", "-9223372036854775808" },
	{ "int64", "true", "1" },
	{ "int64", "nil", "0" },
	{ "int64", "\".0\"", "0" },
	{ "float64", "\"1e-400\"", "0" },
	{ "float64", "\"1e400\"", "0" },
	{ "float64", "\" 1\"", "0" },
	{ "float64", "\"0x10\"", "0" },
	{ "float64", "\"0x1p4\"", "16" },
	{ "float64", "\"0x1.8p1\"", "3" },
	{ "float64", "\"1_000.5\"", "1000.5" },
	{ "float64", "\"inf\"", "+Inf" },
	{ "float64", "\"-Infinity\"", "-Inf" },
	{ "float64", "\"nan\"", "NaN" },
	{ "float64", "\"+nan\"", "0" },
	{ "float64", "\".5\"", "0.5" },
	{ "float64", "\"5.\"", "5" },
	{ "float64", "\"1e\"", "0" },
	{ "float64", "\"1_e5\"", "0" },
	{ "float64", "\"1e1_0\"", "1e+10" },
	{ "float64", "42", "42" },
	{ "float64", "false", "0" },
	{ "toDecimal", "\"0777\"", "511" },
	{ "toDecimal", "777", "511" },
	{ "toDecimal", "777.0", "511" },
	{ "toDecimal", "\"-17\"", "-15" },
	{ "toDecimal", "\"0o17\"", "0" },
	{ "toDecimal", "\"1_7\"", "0" },
	{ "toDecimal", "\"8\"", "0" },
	{ "toDecimal", "true", "0" },
	{ "toDecimal", "1e7", "0" },
	{ "toDecimal", "123456.0", "42798" },
	{ "toDecimal", "\"+17\"", "15" },
	{ "seq", "5", "1 2 3 4 5" },
	{ "seq", "0", "1 0" },
	{ "seq", "-3", "1 0 -1 -2 -3" },
	{ "seq", "2 5", "2 3 4 5" },
	{ "seq", "5 2", "5 4 3 2" },
	{ "seq", "1 2 10", "1 3 5 7 9" },
	{ "seq", "10 -2 1", "10 8 6 4 2" },
	{ "seq", "10 2 1", "" },
	{ "seq", "1 -2 10", "" },
	{ "seq", "1 2 3 4", "" },
	{ "seq", "", "" },
	{ "until", "5", "[0 1 2 3 4]" },
	{ "until", "0", "[]" },
	{ "until", "-3", "[0 -1 -2]" },
	{ "untilStep", "0 10 3", "[0 3 6 9]" },
	{ "untilStep", "10 0 -3", "[10 7 4 1]" },
	{ "untilStep", "0 10 0", "[]" },
	{ "untilStep", "0 10 -1", "[]" },
	{ "untilStep", "-5 5 4", "[-5 -1 3]" },
	{ "add1f", "0.1", "1.1" },
	{ "addf", "0.1 0.2", "0.3" },
	{ "addf", "", "0" },
	{ "addf", "1 \"2.5\" true", "4.5" },
	{ "addf", "1e308 1e308", "+Inf" },
	{ "addf", "1e300 1e-300", "1e+300" },
	{ "subf", "0.3 0.1", "0.2" },
	{ "subf", "1", "1" },
	{ "subf", "1 1", "0" },
	{ "subf", "-0.0 0", "0" },
	{ "mulf", "0.1 3", "0.3" },
	{ "mulf", "1.1 1.1", "1.21" },
	{ "mulf", "3 0.1 10", "3" },
	{ "mulf", "1e200 1e200", "+Inf" },
	{ "mulf", "-0.0 5", "0" },
	{ "mulf", "1e-200 1e-200", "0" },
	{ "divf", "1 3", "0.3333333333333333" },
	{ "divf", "2 3", "0.6666666666666667" },
	{ "divf", "-2 3", "-0.6666666666666667" },
	{ "divf", "10 4", "2.5" },
	{ "divf", "1 0", "ERR:decimal division by 0" },
	{ "divf", "0 0", "ERR:decimal division by 0" },
	{ "divf", "1 3 3", "0.1111111111111111" },
	{ "divf", "1e300 1e-300", "+Inf" },
	{ "divf", "5e-324 1e308", "0" },
	{ "divf", "0.000000000000000049 1", "0" },
	{ "divf", "0.00000000000000005 1", "1e-16" },
	{ "divf", "-0.00000000000000005 1", "-1e-16" },
	{ "divf", "1.7976931348623157e308 5e-324", "+Inf" },
	{ "mulf", "0.1 \"nan\"", "ERR:Cannot create a Decimal from NaN" },
	{ "addf", "\"inf\" 1", "ERR:Cannot create a Decimal from +Inf" },
	{ "randInt", "1 1", "ERR:invalid argument to Intn" },
	{ "randInt", "5 2", "ERR:invalid argument to Intn" },
};

static void test_types(void)
{
	osmo_arena *a = osmo_arena_new();
	osmo_error err = { 0 };
	osmo_fnctx ctx = { a, &err, "x", NULL };
	osmo_value out, argv[3];

	/* until returns []int, add returns int64, atoi returns int */
	argv[0] = osmo_int(3);
	CHECK(find_fn(osmo_funcs_math, "until")->fn(&out, &ctx, 1, argv) == 0);
	CHECK(out.type == OSMO_V_LIST && out.sub == OSMO_GO_INTLIST);
	CHECK(out.u.list->len == 3 && out.u.list->items[2].sub == OSMO_GO_INT);
	CHECK(find_fn(osmo_funcs_math, "add")->fn(&out, &ctx, 1, argv) == 0);
	CHECK(out.type == OSMO_V_INT && out.sub == OSMO_GO_INT64);
	argv[0] = osmo_cstring(a, "7");
	CHECK(find_fn(osmo_funcs_math, "atoi")->fn(&out, &ctx, 1, argv) == 0);
	CHECK(out.type == OSMO_V_INT && out.sub == OSMO_GO_INT && out.u.i == 7);
	CHECK(find_fn(osmo_funcs_math, "int64")->fn(&out, &ctx, 1, argv) == 0);
	CHECK(out.sub == OSMO_GO_INT64 && out.u.i == 7);

	/* randInt stays in [min, max) */
	argv[0] = osmo_int(-3);
	argv[1] = osmo_int(4);
	bool ok = true;
	for (int i = 0; i < 1000; i++) {
		CHECK(find_fn(osmo_funcs_math, "randInt")->fn(&out, &ctx, 2, argv) == 0);
		ok = ok && out.u.i >= -3 && out.u.i < 4;
	}
	CHECK(ok);

	/* hostile sizes are refused, not allocated */
	argv[0] = osmo_int(INT64_MAX);
	CHECK(find_fn(osmo_funcs_math, "until")->fn(&out, &ctx, 1, argv) == OSMO_ELIMIT);
	osmo_error_dispose(&err);
	osmo_arena_free(a);
}

int main(void)
{
	run_table(osmo_funcs_math, cases, sizeof cases / sizeof cases[0]);
	test_types();
	return CHECK_DONE();
}
