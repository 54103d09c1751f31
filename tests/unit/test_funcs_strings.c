/* test_funcs_strings.c - Sprig string functions (funcs_strings.c) against
 * results taken from the reference helm 3.17.2: every expected value is
 * `{{ <case> | toString }}` as helm rendered it, or the message after
 * "error calling <fn>: " when helm failed. */
#include "osmo/funcs.h"
#include "osmo/gofmt.h"
#include "check.h"

#include <stdio.h>
#include <string.h>

static const osmo_func_def *const tables[] = {
	osmo_funcs_strings, osmo_funcs_lists, osmo_funcs_dicts, osmo_funcs_defaults,
};

/* ---- harness: run "fn arg ..." written as template literals ------------- *
 * Arguments: "go strings" (\n \t \" \\ \xNN \uNNNN escapes), integers,
 * floats, nil, true, false and parenthesised nested calls of the functions
 * under test.  Results are printed with fmt's %v (what `toString` gives in
 * helm); errors as "ERR:" + the message after "error calling fn: ". */
#include <stdlib.h>

#include "expr_harness.h"

static const tcase cases[] = {
	{ "hello", "Hello!" },
	{ "upper \"h\303\251llo w\303\266rld\"", "H\303\211LLO W\303\226RLD" },
	{ "upper \"\303\237 \307\206 \357\254\200 abc\"", "\303\237 \307\204 \357\254\200 ABC" },
	{ "lower \"\304\260 \316\243 \303\200B\"", "i \317\203 \303\240b" },
	{ "lower \"HeLLo\"", "hello" },
	{ "title \"hello wORLD \307\206x o'neil foo-bar a_b 3am \303\261a\"", "Hello WORLD \307\205x O'Neil Foo-Bar A_b 3am \303\221a" },
	{ "title \"\"", "" },
	{ "untitle \"Hello World  FOO\"", "hello world  fOO" },
	{ "swapcase \"Hello World \307\205 abc\"", "hELLO wORLD \307\206 ABC" },
	{ "swapcase \"hello  wORLD\\tfoo\"", "HELLO  World\tFOO" },
	{ "trim \"  \\u00a0 x \\t\"", "x" },
	{ "trim \"\\u2003 a b \\u3000\"", "a b" },
	{ "trim \"\"", "" },
	{ "trimAll \"$\" \"$$5.00$\"", "5.00" },
	{ "trimall \"ab\" \"abcba\"", "c" },
	{ "trimAll \"\" \"  x  \"", "  x  " },
	{ "trimAll \"\303\251\" \"\303\251a\303\251\"", "a" },
	{ "trimSuffix \"-\" \"a-\"", "a" },
	{ "trimSuffix \"x\" \"a-\"", "a-" },
	{ "trimPrefix \"-\" \"-a\"", "a" },
	{ "trimPrefix \"--\" \"-a\"", "-a" },
	{ "nospace \" a b\\tc\\n d \"", "abcd" },
	{ "nospace \"h\303\251llo w\303\266rld\"", "h\303\203\302\251llow\303\203\302\266rld" },
	{ "nospace \"h\303\251llo\"", "h\303\251llo" },
	{ "initials \"hello world  foo\"", "hwf" },
	{ "initials \"\303\251mile zola\"", "\303\203z" },
	{ "initials \"\"", "" },
	{ "trunc 3 \"h\303\251llo\"", "h\303\251" },
	{ "trunc -3 \"abcdef\"", "def" },
	{ "trunc -10 \"abc\"", "abc" },
	{ "trunc 0 \"abc\"", "" },
	{ "trunc 10 \"abc\"", "abc" },
	{ "abbrev 5 \"hello world\"", "he..." },
	{ "abbrev 3 \"hello world\"", "hello world" },
	{ "abbrev 20 \"hello world\"", "hello world" },
	{ "abbrev 4 \"\"", "" },
	{ "abbrevboth 5 10 \"1234 5678 9123\"", "...5678..." },
	{ "abbrevboth 0 4 \"hello world\"", "h..." },
	{ "abbrevboth 10 7 \"abcdefghijklmnopq\"", "...k..." },
	{ "abbrevboth 3 5 \"abcdefghijklmnopq\"", "abcdefghijklmnopq" },
	{ "abbrevboth 20 8 \"abcdefghijklmnopq\"", "...mnopq" },
	{ "abbrevboth 6 8 \"abcdefghijklmnopqrstuvwxyz\"", "...gh..." },
	{ "substr 1 3 \"hello\"", "el" },
	{ "substr -1 3 \"hello\"", "hel" },
	{ "substr 2 -1 \"hello\"", "llo" },
	{ "substr 2 100 \"hello\"", "llo" },
	{ "substr 3 2 \"hello\"", "ERR:runtime error: slice bounds out of range [3:2]" },
	{ "substr 0 10 \"hi\"", "hi" },
	{ "substr 10 20 \"hi\"", "ERR:runtime error: slice bounds out of range [10:2]" },
	{ "substr -1 10 \"hi\"", "ERR:runtime error: slice bounds out of range [:10] with length 2" },
	{ "substr -1 -1 \"hi\"", "ERR:runtime error: slice bounds out of range [:-1]" },
	{ "repeat 3 \"ab\"", "ababab" },
	{ "repeat 0 \"ab\"", "" },
	{ "repeat -1 \"ab\"", "ERR:strings: negative Repeat count" },
	{ "wrap 5 \"hello world foo bar\"", "hello\nworld\nfoo\nbar" },
	{ "wrap 0 \"ab cd\"", "ab\ncd" },
	{ "wrap 10 \"a verylongwordhere and more\"", "a\nverylongwordhere\nand more" },
	{ "wrap 3 \"  ab   cd  \"", "ab \ncd \n" },
	{ "wrap 80 \"\"", "" },
	{ "wrapWith 5 \"\\t\" \"Hello World\"", "Hello\tWorld" },
	{ "wrapWith 3 \"\\n\" \"abcdefgh ij\"", "abc\ndef\ngh\nij" },
	{ "wrapWith 4 \"\" \"abcdefgh\"", "abcd\nefgh" },
	{ "contains \"cat\" \"catch\"", "true" },
	{ "contains \"dog\" \"catch\"", "false" },
	{ "contains \"\" \"\"", "true" },
	{ "hasPrefix \"ca\" \"catch\"", "true" },
	{ "hasPrefix \"at\" \"catch\"", "false" },
	{ "hasSuffix \"ch\" \"catch\"", "true" },
	{ "hasSuffix \"\" \"x\"", "true" },
	{ "quote \"a\\\"b\\n\" 1 nil 1.5 (list 1 \"x\")", "\"a\\\"b\\n\" \"1\" \"1.5\" \"[1 x]\"" },
	{ "quote \"h\303\251llo\\u00a0x\\u200bz\\x01\\x7f\"", "\"h\303\251llo\\u00a0x\\u200bz\\x01\\x7f\"" },
	{ "quote", "" },
	{ "quote nil", "" },
	{ "quote \"\\xff\"", "\"\\xff\"" },
	{ "quote true (dict \"a\" 1)", "\"true\" \"map[a:1]\"" },
	{ "squote \"a\" 1 nil (list 1 2)", "'a' '1' '[1 2]'" },
	{ "squote \"it's\"", "'it's'" },
	{ "squote", "" },
	{ "cat \"a\" 1 nil \"b\" (list 1 2)", "a 1 b [1 2]" },
	{ "cat nil", "" },
	{ "cat", "" },
	{ "cat 1.0 1000000.0 true", "1 1e+06 true" },
	{ "indent 2 \"a\\nb\\n\"", "  a\n  b\n  " },
	{ "indent 0 \"a\\nb\"", "a\nb" },
	{ "indent -2 \"a\"", "ERR:strings: negative Repeat count" },
	{ "nindent 4 \"a\\n\\nb\"", "\n    a\n    \n    b" },
	{ "nindent 2 \"\"", "\n  " },
	{ "replace \"a\" \"b\" \"banana\"", "bbnbnb" },
	{ "replace \"\" \"-\" \"abc\"", "-a-b-c-" },
	{ "replace \"\" \"-\" \"h\303\251\"", "-h-\303\251-" },
	{ "replace \"an\" \"\" \"banana\"", "ba" },
	{ "plural \"one\" \"many\" 1", "one" },
	{ "plural \"one\" \"many\" 2", "many" },
	{ "plural \"one\" \"many\" 0", "many" },
	{ "plural \"one\" \"many\" -1", "many" },
	{ "toString 1", "1" },
	{ "toString 1.5", "1.5" },
	{ "toString 1000000.0", "1e+06" },
	{ "toString nil", "<nil>" },
	{ "toString (list 1 \"a\")", "[1 a]" },
	{ "toString (dict \"a\" 1)", "map[a:1]" },
	{ "toString true", "true" },
	{ "toString \"s\"", "s" },
	{ "join \",\" (list 1 \"a\" nil 2.5)", "1,a,2.5" },
	{ "join \",\" \"abc\"", "abc" },
	{ "join \",\" nil", "" },
	{ "join \",\" 5", "5" },
	{ "join \"\" (list \"a\" \"b\")", "ab" },
	{ "join \", \" (splitList \".\" \"a.b.c\")", "a, b, c" },
	{ "split \",\" \"a,b,,c\"", "map[_0:a _1:b _2: _3:c]" },
	{ "split \"\" \"abc\"", "map[_0:a _1:b _2:c]" },
	{ "split \",\" \"\"", "map[_0:]" },
	{ "splitList \",\" \"a,b\"", "[a b]" },
	{ "splitList \"\" \"h\303\251y\"", "[h \303\251 y]" },
	{ "splitList \",\" \"\"", "[]" },
	{ "splitList \"\" \"\"", "[]" },
	{ "splitList \"ab\" \"xabyabz\"", "[x y z]" },
	{ "splitn \",\" 2 \"a,b,c\"", "map[_0:a _1:b,c]" },
	{ "splitn \",\" 0 \"a,b,c\"", "map[]" },
	{ "splitn \",\" -1 \"a,b,c\"", "map[_0:a _1:b _2:c]" },
	{ "splitn \",\" 10 \"a,b,c\"", "map[_0:a _1:b _2:c]" },
	{ "splitn \"\" 2 \"abc\"", "map[_0:a _1:bc]" },
	{ "sortAlpha (list \"b\" \"a\" 3 nil \"C\")", "[3 C a b]" },
	{ "sortAlpha \"x\"", "[x]" },
	{ "sortAlpha 5", "[5]" },
	{ "sortAlpha nil", "[<nil>]" },
	{ "sortAlpha (list)", "[]" },
	{ "sortAlpha (list \"b\" \"a\" \"aa\" \"B\" \"\303\251\" \"z\")", "[B a aa b z \303\251]" },
	{ "toStrings (list 1 nil \"a\" 2.5 true)", "[1 a 2.5 true]" },
	{ "toStrings \"abc\"", "[abc]" },
	{ "toStrings nil", "[]" },
	{ "toStrings 3", "[3]" },
	{ "toStrings (list (list 1) (dict \"a\" 1))", "[[1] map[a:1]]" },
	{ "snakecase \"HTTPServer\"", "http_server" },
	{ "snakecase \"foo_bar-baz\"", "foo_bar_baz" },
	{ "snakecase \"ABC123def\"", "abc_123def" },
	{ "snakecase \"FirstName\"", "first_name" },
	{ "snakecase \"http2xx\"", "http_2xx" },
	{ "snakecase \"HTTP20xOK\"", "http_20x_ok" },
	{ "snakecase \"Duration2m3s\"", "duration_2m3s" },
	{ "snakecase \"Bld4Floor3rd\"", "bld4_floor_3rd" },
	{ "snakecase \"a+b c.d\"", "a_+_b_c.d" },
	{ "snakecase \"  lead  trail  \"", "__lead__trail__" },
	{ "snakecase \"M\303\274nchen Stra\303\237e\"", "m\303\274nchen_stra\303\237e" },
	{ "snakecase \"fooBAR\"", "foo_bar" },
	{ "snakecase \"foo__bar\"", "foo__bar" },
	{ "snakecase \"__foo\"", "__foo" },
	{ "snakecase \"NoHTTPS\"", "no_https" },
	{ "snakecase \"GO PATH\"", "go_path" },
	{ "snakecase \"\303\234n\303\257code \303\204rger\"", "\303\274n\303\257code_\303\244rger" },
	{ "snakecase \"a1b2C3\"", "a_1b2_c3" },
	{ "snakecase \"X\"", "x" },
	{ "snakecase \"x-Y\"", "x_y" },
	{ "snakecase \"\346\227\245\346\234\254\350\252\236Test\"", "\346\227\245\346\234\254\350\252\236_test" },
	{ "snakecase \"abc!!def\"", "abc!!def" },
	{ "snakecase \"123\"", "123" },
	{ "snakecase \"v1.2.3\"", "v1.2.3" },
	{ "snakecase \"myApp.Name\"", "my_app.name" },
	{ "snakecase \"\"", "" },
	{ "kebabcase \"HTTPServer\"", "http-server" },
	{ "kebabcase \"foo_bar-baz\"", "foo-bar-baz" },
	{ "kebabcase \"ABC123def\"", "abc-123def" },
	{ "kebabcase \"some.value.Here\"", "some.value.here" },
	{ "kebabcase \"MyChartName\"", "my-chart-name" },
	{ "kebabcase \"my chart_name\"", "my-chart-name" },
	{ "kebabcase \"already-kebab\"", "already-kebab" },
	{ "camelcase \"HTTPServer\"", "Httpserver" },
	{ "camelcase \"foo_bar-baz\"", "FooBarBaz" },
	{ "camelcase \"ABC123def\"", "Abc123def" },
	{ "camelcase \"_complex__case_\"", "_Complex_Case_" },
	{ "camelcase \"GOLANG_IS_GREAT\"", "GolangIsGreat" },
	{ "camelcase \"some words\"", "SomeWords" },
	{ "camelcase \"x\"", "X" },
	{ "camelcase \"_\"", "__" },
	{ "camelcase \"__\"", "___" },
	{ "camelcase \"ab-CD ef\"", "AbCdEf" },
	{ "camelcase \"hello_world\"", "HelloWorld" },
	{ "camelcase \"fooBar\"", "FooBar" },
	{ "camelcase \"\303\261andu_\303\274ber\"", "\303\221andu\303\234ber" },
	{ "camelcase \"\"", "" },
	{ "camelcase \"a\"", "A" },
	{ "camelcase \"ab\"", "Ab" },
	/* beyond ASCII (Go's unicode tables) */
	{ "upper \"\320\277\321\200\320\270\320\262\320\265\321\202 \320\274\320\270\321\200 \307\263 \357\254\201 \305\211\"", "\320\237\320\240\320\230\320\222\320\225\320\242 \320\234\320\230\320\240 \307\261 \357\254\201 \305\211" },
	{ "lower \"\320\237\320\240\320\230\320\222\320\225\320\242 \316\243\316\221\316\243 \307\262 \342\205\253 \342\222\266\"", "\320\277\321\200\320\270\320\262\320\265\321\202 \317\203\316\261\317\203 \307\263 \342\205\273 \342\223\220" },
	{ "title \"\320\277\321\200\320\270\320\262\320\265\321\202 \320\274\320\270\321\200 \307\263x \357\254\201x \342\223\220bc 1st \302\275half\"", "\320\237\321\200\320\270\320\262\320\265\321\202 \320\234\320\270\321\200 \307\262x \357\254\201x \342\222\266bc 1st \302\275half" },
	{ "swapcase \"\320\237\321\200\320\270\320\262\320\265\321\202 \320\234\320\270\321\200 \307\262 \342\222\266\342\223\221\"", "\320\277\320\240\320\230\320\222\320\225\320\242 \320\274\320\230\320\240 \307\263 \342\222\266\342\223\221" },
	{ "untitle \"\320\237\321\200\320\270\320\262\320\265\321\202 \307\261\"", "\320\277\321\200\320\270\320\262\320\265\321\202 \307\263" },
	{ "snakecase \"\320\237\321\200\320\270\320\262\320\265\321\202\320\234\320\270\321\200\"", "\320\277\321\200\320\270\320\262\320\265\321\202_\320\274\320\270\321\200" },
	{ "snakecase \"Hello\320\234\320\270\321\200\"", "hello_\320\274\320\270\321\200" },
	{ "snakecase \"a\342\202\254b\"", "a_\342\202\254_b" },
	{ "snakecase \"a\342\206\222b\"", "a_\342\206\222_b" },
	{ "snakecase \"a\302\275b\"", "a_\302\275b" },
	{ "snakecase \"x\302\262y\"", "x_\302\262y" },
	{ "snakecase \"\342\222\266bc\"", "\342\222\266_bc" },
	{ "kebabcase \"\303\200\303\211\303\216\303\265\303\274\"", "\303\240\303\251-\303\256\303\265\303\274" },
	{ "camelcase \"\320\277\321\200\320\270\320\262\320\265\321\202_\320\274\320\270\321\200\"", "\320\237\321\200\320\270\320\262\320\265\321\202\320\234\320\270\321\200" },
	{ "camelcase \"\307\206_x\"", "\307\204X" },
	{ "trim \"\\u0085x\\u00a0\"", "x" },
	{ "nospace \"a\\u00a0b\\u0085c\"", "a\303\202b\303\202c" },
	{ "initials \"a\\u00a0b\"", "ab" },
	{ "title \"hello\\u00a0world x\\u2003y\"", "Hello\302\240World X\342\200\203Y" },
	{ "title \"a.b,c;d\"", "A.B,C;D" },
	{ "title \"a+b=c\"", "A+B=C" },
	{ "swapcase \"a\\u00a0b\"", "A\302\240B" },
	{ "snakecase \"a\\u00a0B\"", "a_b" },
};

/* Random strings: only length and alphabet can be checked. */
static void check_random(const char *fn, const char *alphabet)
{
	char expr[64];
	snprintf(expr, sizeof(expr), "%s 40", fn);
	const char *s = run(expr);
	CHECK(strlen(s) == 40);
	CHECK(strspn(s, alphabet) == 40);
	snprintf(expr, sizeof(expr), "%s 0", fn);
	CHECK_STREQ(run(expr), "");
	snprintf(expr, sizeof(expr), "%s -3", fn); /* goutils' error is swallowed */
	CHECK_STREQ(run(expr), "");
}

#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define DIGIT "0123456789"

int main(void)
{
	arena = osmo_arena_new();
	run_cases(cases, sizeof(cases) / sizeof(cases[0]));

	check_random("randAlphaNum", UPPER LOWER DIGIT);
	check_random("randAlpha", UPPER LOWER);
	check_random("randNumeric", DIGIT);
	check_random("randAscii", " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" UPPER LOWER DIGIT);

	/* shuffle permutes runes: same length, same multiset. */
	const char *sh = run("shuffle \"h\\u00e9llo\"");
	CHECK(strlen(sh) == 6);
	CHECK(strstr(sh, "\xc3\xa9") != NULL);
	CHECK_STREQ(run("shuffle \"\""), "");

	osmo_error_dispose(&err);
	osmo_arena_free(arena);
	return CHECK_DONE();
}
