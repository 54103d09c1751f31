/* test_funcs_regex.c - Sprig regex functions (Go RE2 semantics on PCRE2)
 * against results and error texts taken from the reference helm 3.17.2. */
#include "osmo/funcs.h"
#include "check.h"

/* ---- table-driven harness: parse template-literal arguments, call the
 * function the way the executor would (signature-driven int->float64
 * conversion), print the result as fmt's %v does. */

#include <math.h>
#include <stdlib.h>

static const osmo_func_def *find_fn(const osmo_func_def *tab, const char *name)
{
	for (; tab->name; tab++)
		if (strcmp(tab->name, name) == 0)
			return tab;
	return NULL;
}

/* Letter of the i'th parameter of sig (the variadic one repeats). */
static char param_letter(const char *sig, int i)
{
	int k = 0;
	char last = 'a';
	for (const char *p = sig; *p && *p != ':'; p++) {
		if (*p == '*')
			continue;
		last = *p;
		if (k++ == i)
			return *p;
	}
	return last;
}

static int parse_args(osmo_arena *a, const char *s, osmo_value *argv)
{
	int n = 0;
	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		if (*s == '"') {
			osmo_buf b = OSMO_BUF_INIT;
			for (s++; *s && *s != '"'; s++) {
				if (*s == '\\') {
					s++;
					osmo_buf_putc(&b, *s == 'n' ? '\n' : *s == 't' ? '\t' : *s == 'v' ? '\v' : *s == 'r' ? '\r' : *s);
				} else {
					osmo_buf_putc(&b, *s);
				}
			}
			s++;
			argv[n++] = osmo_string_buf(a, &b);
			osmo_buf_dispose(&b);
			continue;
		}
		const char *e = s;
		while (*e && *e != ' ')
			e++;
		char tok[128];
		snprintf(tok, sizeof tok, "%.*s", (int)(e - s), s);
		if (strcmp(tok, "true") == 0 || strcmp(tok, "false") == 0)
			argv[n++] = osmo_bool(tok[0] == 't');
		else if (strcmp(tok, "nil") == 0)
			argv[n++] = osmo_null();
		else if (strpbrk(tok, ".eE") && strncmp(tok, "0x", 2) != 0)
			argv[n++] = osmo_float(strtod(tok, NULL));
		else
			argv[n++] = osmo_int(strtoll(tok, NULL, 0));
		s = e;
	}
	return n;
}

/* Go's %v for float64: shortest digits, %e form outside [1e-4, 1e6). */
static void fmt_float(osmo_buf *b, double f)
{
	if (isnan(f)) {
		osmo_buf_puts(b, "NaN");
		return;
	}
	if (isinf(f)) {
		osmo_buf_puts(b, f > 0 ? "+Inf" : "-Inf");
		return;
	}
	char buf[64];
	int p = 1;
	for (; p < 17; p++) {
		snprintf(buf, sizeof buf, "%.*e", p - 1, f);
		if (strtod(buf, NULL) == f)
			break;
	}
	snprintf(buf, sizeof buf, "%.*e", p - 1, f);
	int exp = atoi(strchr(buf, 'e') + 1);
	if (exp < -4 || exp >= 6) {
		char *e = strchr(buf, 'e');
		*e = 0;
		osmo_buf_printf(b, "%se%c%02d", buf, exp < 0 ? '-' : '+', abs(exp));
	} else {
		int dec = p - 1 - exp;
		snprintf(buf, sizeof buf, "%.*f", dec > 0 ? dec : 0, f);
		osmo_buf_puts(b, buf);
	}
}

static void fmt_value(osmo_buf *b, osmo_value v)
{
	switch (v.type) {
	case OSMO_V_NULL:
		osmo_buf_puts(b, "<nil>");
		break;
	case OSMO_V_BOOL:
		osmo_buf_puts(b, v.u.b ? "true" : "false");
		break;
	case OSMO_V_INT:
		osmo_buf_printf(b, "%lld", (long long)v.u.i);
		break;
	case OSMO_V_FLOAT:
		fmt_float(b, v.u.f);
		break;
	case OSMO_V_STRING:
		osmo_buf_put(b, v.u.s.ptr, v.u.s.len);
		break;
	case OSMO_V_LIST:
		osmo_buf_putc(b, '[');
		for (size_t i = 0; i < v.u.list->len; i++) {
			if (i)
				osmo_buf_putc(b, ' ');
			fmt_value(b, v.u.list->items[i]);
		}
		osmo_buf_putc(b, ']');
		break;
	case OSMO_V_MAP:
		osmo_buf_puts(b, "map[");
		for (size_t i = 0; i < v.u.map->len; i++) {
			if (i)
				osmo_buf_putc(b, ' ');
			osmo_buf_put(b, v.u.map->ents[i].key.ptr, v.u.map->ents[i].key.len);
			osmo_buf_putc(b, ':');
			fmt_value(b, v.u.map->ents[i].val);
		}
		osmo_buf_putc(b, ']');
		break;
	case OSMO_V_OBJECT:
		if (v.u.obj->cls->print)
			v.u.obj->cls->print(b, v.u.obj);
		break;
	}
}

typedef struct tcase {
	const char *fn, *args, *want;
} tcase;

/* Runs one case; the result (or "ERR:" + message) as a malloc'd string. */
static char *run_case(const osmo_func_def *tab, const char *fn, const char *args)
{
	const osmo_func_def *d = find_fn(tab, fn);
	if (!d)
		return osmo_strdup("NOFUNC");
	osmo_arena *a = osmo_arena_new();
	osmo_error err = { 0 };
	osmo_fnctx ctx = { a, &err, fn, NULL };
	osmo_value argv[16], out = osmo_null();
	int argc = parse_args(a, args, argv);
	for (int i = 0; i < argc; i++)
		if (param_letter(d->sig, i) == 'f' && argv[i].type == OSMO_V_INT)
			argv[i] = osmo_float((double)argv[i].u.i);
	osmo_buf b = OSMO_BUF_INIT;
	if (d->fn(&out, &ctx, argc, argv) != 0)
		osmo_buf_printf(&b, "ERR:%s", err.msg ? err.msg : "?");
	else
		fmt_value(&b, out);
	char *r = osmo_strdup(osmo_buf_cstr(&b));
	osmo_buf_dispose(&b);
	osmo_error_dispose(&err);
	osmo_arena_free(a);
	return r;
}

static void run_table(const osmo_func_def *tab, const tcase *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *got = run_case(tab, cases[i].fn, cases[i].args);
		if (strcmp(got, cases[i].want) != 0)
			fprintf(stderr, "  case: %s %s\n", cases[i].fn, cases[i].args);
		CHECK_STREQ(got, cases[i].want);
		osmo_free(got);
	}
}

/* Generated from helm template output; "ERR:" rows are the text after
 * "error calling FN: ". */
static const tcase cases[] = {
	{ "regexMatch", "\"^[a-z]+$\" \"hello\"", "true" },
	{ "regexMatch", "\"^[a-z]+$\" \"Hello\"", "false" },
	{ "regexMatch", "\"(\" \"a\"", "false" },
	{ "regexMatch", "\"a$\" \"a\\n\"", "false" },
	{ "regexMatch", "\"(?m)a$\" \"a\\n\"", "true" },
	{ "regexMatch", "\"^b\" \"a\\nb\"", "false" },
	{ "regexMatch", "\"(?m)^b\" \"a\\nb\"", "true" },
	{ "regexMatch", "\"(?i)HELLO\" \"hello\"", "true" },
	{ "regexMatch", "\"\\\\s\" \"\\v\"", "false" },
	{ "regexMatch", "\"[\\\\s]\" \"\\v\"", "false" },
	{ "regexMatch", "\"\\\\S\" \"\\v\"", "true" },
	{ "regexMatch", "\".\" \"\\n\"", "false" },
	{ "regexMatch", "\"(?s).\" \"\\n\"", "true" },
	{ "regexMatch", "\"[^a]\" \"\\n\"", "true" },
	{ "regexMatch", "\"\\\\v\" \"\\v\"", "true" },
	{ "regexMatch", "\"^\\\\z\" \"\"", "true" },
	{ "regexMatch", "\"x*\" \"\"", "true" },
	{ "mustRegexMatch", "\"(\" \"a\"", "ERR:error parsing regexp: missing closing ): `(`" },
	{ "mustRegexMatch", "\"a)\" \"a\"", "ERR:error parsing regexp: unexpected ): `a)`" },
	{ "mustRegexMatch", "\"\\\\1\" \"a\"", "ERR:error parsing regexp: invalid escape sequence: `\\1`" },
	{ "mustRegexMatch", "\"(a)\\\\1\" \"aa\"", "ERR:error parsing regexp: invalid escape sequence: `\\1`" },
	{ "mustRegexMatch", "\"(?=a)\" \"a\"", "ERR:error parsing regexp: invalid or unsupported Perl syntax: `(?=`" },
	{ "mustRegexMatch", "\"(?!a)\" \"a\"", "ERR:error parsing regexp: invalid or unsupported Perl syntax: `(?!`" },
	{ "mustRegexMatch", "\"(?<=a)b\" \"ab\"", "ERR:error parsing regexp: invalid named capture: `(?<=a)b`" },
	{ "mustRegexMatch", "\"(?<!a)b\" \"ab\"", "ERR:error parsing regexp: invalid named capture: `(?<!a)b`" },
	{ "mustRegexMatch", "\"a**\" \"a\"", "ERR:error parsing regexp: invalid nested repetition operator: `**`" },
	{ "mustRegexMatch", "\"a*+?\" \"a\"", "ERR:error parsing regexp: invalid nested repetition operator: `*+?`" },
	{ "mustRegexMatch", "\"*a\" \"a\"", "ERR:error parsing regexp: missing argument to repetition operator: `*`" },
	{ "mustRegexMatch", "\"a|*\" \"a\"", "ERR:error parsing regexp: missing argument to repetition operator: `*`" },
	{ "mustRegexMatch", "\"(*)\" \"a\"", "ERR:error parsing regexp: missing argument to repetition operator: `*`" },
	{ "mustRegexMatch", "\"a{2,1}\" \"a\"", "ERR:error parsing regexp: invalid repeat count: `{2,1}`" },
	{ "mustRegexMatch", "\"a{1001}\" \"a\"", "ERR:error parsing regexp: invalid repeat count: `{1001}`" },
	{ "mustRegexMatch", "\"(a{100}){100}\" \"a\"", "ERR:error parsing regexp: invalid repeat count: `{100}`" },
	{ "mustRegexMatch", "\"a{,3}\" \"a{,3}\"", "true" },
	{ "mustRegexMatch", "\"a{2}{3}\" \"a\"", "ERR:error parsing regexp: invalid nested repetition operator: `{2}{3}`" },
	{ "mustRegexMatch", "\"[z-a]\" \"a\"", "ERR:error parsing regexp: invalid character class range: `z-a`" },
	{ "mustRegexMatch", "\"[abc\" \"a\"", "ERR:error parsing regexp: missing closing ]: `[abc`" },
	{ "mustRegexMatch", "\"[^]\" \"a\"", "ERR:error parsing regexp: missing closing ]: `[^]`" },
	{ "mustRegexMatch", "\"[]a]\" \"]\"", "true" },
	{ "mustRegexMatch", "\"[[:alpha:]]\" \"x\"", "true" },
	{ "mustRegexMatch", "\"[[:foo:]]\" \"x\"", "ERR:error parsing regexp: invalid character class range: `[:foo:]`" },
	{ "mustRegexMatch", "\"[[:^digit:]]+\" \"abc\"", "true" },
	{ "mustRegexMatch", "\"\\\\pL\" \"é\"", "true" },
	{ "mustRegexMatch", "\"\\\\p{Greek}\" \"α\"", "true" },
	{ "mustRegexMatch", "\"\\\\p{Foo}\" \"a\"", "ERR:error parsing regexp: invalid character class range: `\\p{Foo}`" },
	{ "mustRegexMatch", "\"\\\\p{greek}\" \"a\"", "ERR:error parsing regexp: invalid character class range: `\\p{greek}`" },
	{ "mustRegexMatch", "\"\\\\p{Greek\" \"a\"", "ERR:error parsing regexp: invalid character class range: `\\p{Greek`" },
	{ "mustRegexMatch", "\"\\\\pZ\" \" \"", "true" },
	{ "mustRegexMatch", "\"\\\\p{^L}\" \"1\"", "true" },
	{ "mustRegexMatch", "\"\\\\Z\" \"a\"", "ERR:error parsing regexp: invalid escape sequence: `\\Z`" },
	{ "mustRegexMatch", "\"\\\\C\" \"a\"", "ERR:error parsing regexp: invalid escape sequence: `\\C`" },
	{ "mustRegexMatch", "\"\\\\8\" \"a\"", "ERR:error parsing regexp: invalid escape sequence: `\\8`" },
	{ "mustRegexMatch", "\"\\\\e\" \"a\"", "ERR:error parsing regexp: invalid escape sequence: `\\e`" },
	{ "mustRegexMatch", "\"a\\\\\" \"a\"", "ERR:error parsing regexp: trailing backslash at end of expression: ``" },
	{ "mustRegexMatch", "\"\\\\x{41}\\\\101\\\\x42\" \"AAB\"", "true" },
	{ "mustRegexMatch", "\"\\\\x{110000}\" \"a\"", "ERR:error parsing regexp: invalid escape sequence: `\\x{110000`" },
	{ "mustRegexMatch", "\"\\\\xZZ\" \"a\"", "ERR:error parsing regexp: invalid escape sequence: `\\xZZ`" },
	{ "mustRegexMatch", "\"\\\\Qa.b\\\\E\" \"a.b\"", "true" },
	{ "mustRegexMatch", "\"\\\\Qa.b\\\\E\" \"axb\"", "false" },
	{ "mustRegexMatch", "\"\\\\Qa.b\" \"a.b\"", "true" },
	{ "mustRegexMatch", "\"(?P<first>a)(?P=first)\" \"aa\"", "ERR:error parsing regexp: invalid or unsupported Perl syntax: `(?P`" },
	{ "mustRegexMatch", "\"(?P<1x>a)\" \"a\"", "true" },
	{ "mustRegexMatch", "\"(?P<a-b>a)\" \"a\"", "ERR:error parsing regexp: invalid named capture: `(?P<a-b>`" },
	{ "mustRegexMatch", "\"(?P<name\" \"a\"", "ERR:error parsing regexp: invalid named capture: `(?P<name`" },
	{ "mustRegexMatch", "\"(?<name>a)\" \"a\"", "true" },
	{ "mustRegexMatch", "\"(?#comment)\" \"a\"", "ERR:error parsing regexp: invalid or unsupported Perl syntax: `(?#`" },
	{ "mustRegexMatch", "\"(?i-)a\" \"a\"", "ERR:error parsing regexp: invalid or unsupported Perl syntax: `(?i-)`" },
	{ "mustRegexMatch", "\"(?)a\" \"a\"", "true" },
	{ "mustRegexMatch", "\"(?i)(?-i)A\" \"a\"", "false" },
	{ "mustRegexMatch", "\"(?i:A)a\" \"aa\"", "true" },
	{ "mustRegexMatch", "\"(?i:A)a\" \"aA\"", "false" },
	{ "mustRegexMatch", "\"(?U)a+\" \"aaa\"", "true" },
	{ "mustRegexMatch", "\"a(?i)*\" \"aaa\"", "true" },
	{ "mustRegexMatch", "\"[a-\\\\d]\" \"a\"", "ERR:error parsing regexp: invalid escape sequence: `\\d`" },
	{ "mustRegexMatch", "\"[\\\\b]\" \"a\"", "ERR:error parsing regexp: invalid escape sequence: `\\b`" },
	{ "mustRegexMatch", "\"(?x)a b\" \"ab\"", "ERR:error parsing regexp: invalid or unsupported Perl syntax: `(?x`" },
	{ "mustRegexMatch", "\"\\\\b\\\\w+\\\\b\" \"hi\"", "true" },
	{ "mustRegexMatch", "\"a++\" \"a\"", "ERR:error parsing regexp: invalid nested repetition operator: `++`" },
	{ "mustRegexMatch", "\"(?:a\" \"a\"", "ERR:error parsing regexp: missing closing ): `(?:a`" },
	{ "mustRegexMatch", "\"x{2}{,3}\" \"xx{,3}\"", "true" },
	{ "mustRegexMatch", "\"[[:a]b:]]\" \"a\"", "ERR:error parsing regexp: invalid character class range: `[:a]b:]`" },
	{ "mustRegexMatch", "\"[[:a]\" \"a\"", "true" },
	{ "mustRegexMatch", "\"^*a\" \"a\"", "true" },
	{ "mustRegexMatch", "\"a{01}\" \"a{01}\"", "true" },
	{ "regexFindAll", "\"[0-9]+\" \"a1b22c333\" -1", "[1 22 333]" },
	{ "regexFindAll", "\"[0-9]+\" \"a1b22c333\" 2", "[1 22]" },
	{ "regexFindAll", "\"[0-9]+\" \"a1b22c333\" 0", "[]" },
	{ "regexFindAll", "\"x\" \"abc\" -1", "[]" },
	{ "regexFindAll", "\"a*\" \"baaac\" -1", "[ aaa ]" },
	{ "regexFindAll", "\"\" \"abc\" -1", "[   ]" },
	{ "regexFindAll", "\"\" \"héllo\" -1", "[     ]" },
	{ "regexFindAll", "\"a|\" \"bab\" -1", "[ a ]" },
	{ "regexFindAll", "\"\\\\b\" \"ab cd\" -1", "[   ]" },
	{ "regexFindAll", "\"(\" \"a\" -1", "ERR:regexp: Compile(`(`): error parsing regexp: missing closing ): `(`" },
	{ "regexFindAll", "\"a`(\" \"a\" -1", "ERR:regexp: Compile(\"a`(\"): error parsing regexp: missing closing ): `a`(`" },
	{ "mustRegexFindAll", "\"(\" \"a\" -1", "ERR:error parsing regexp: missing closing ): `(`" },
	{ "regexFind", "\"[0-9]+\" \"a1b22\"", "1" },
	{ "regexFind", "\"x\" \"abc\"", "" },
	{ "regexFind", "\"a|ab\" \"ab\"", "a" },
	{ "regexFind", "\"(a|ab)(c|bcd)(d*)\" \"abcd\"", "abcd" },
	{ "regexFind", "\"a*?\" \"aaa\"", "" },
	{ "regexFind", "\"a+?\" \"aaa\"", "a" },
	{ "regexFind", "\"(?U)a+\" \"aaa\"", "a" },
	{ "regexFind", "\"(?U)a+?\" \"aaa\"", "aaa" },
	{ "mustRegexFind", "\"[\" \"a\"", "ERR:error parsing regexp: missing closing ]: `[`" },
	{ "regexReplaceAll", "\"a*\" \"baaac\" \"X\"", "XbXcX" },
	{ "regexReplaceAll", "\"\" \"abc\" \"-\"", "-a-b-c-" },
	{ "regexReplaceAll", "\"x*\" \"héllo\" \"-\"", "-h-é-l-l-o-" },
	{ "regexReplaceAll", "\"a(x*)b\" \"-ab-axxb-\" \"${1}W\"", "-W-xxW-" },
	{ "regexReplaceAll", "\"a(x*)b\" \"-ab-axxb-\" \"$1W\"", "---" },
	{ "regexReplaceAll", "\"a(x*)b\" \"-ab-axxb-\" \"$1\"", "--xx-" },
	{ "regexReplaceAll", "\"(?P<n>x+)\" \"axxb\" \"[$n]\"", "a[xx]b" },
	{ "regexReplaceAll", "\"(?P<n>x+)\" \"axxb\" \"[${n}]\"", "a[xx]b" },
	{ "regexReplaceAll", "\"(x+)\" \"axxb\" \"$$1\"", "a$1b" },
	{ "regexReplaceAll", "\"(x+)\" \"axxb\" \"$\"", "a$b" },
	{ "regexReplaceAll", "\"(x+)\" \"axxb\" \"${1\"", "a${1b" },
	{ "regexReplaceAll", "\"(x+)\" \"axxb\" \"$2|$0|$01|$00|${}\"", "a|xx|||${}b" },
	{ "regexReplaceAll", "\"(x+)\" \"axxb\" \"$1é\"", "ab" },
	{ "regexReplaceAll", "\"(x+)\" \"axxb\" \"$1.é\"", "axx.éb" },
	{ "regexReplaceAll", "\"(a)|(b)\" \"ab\" \"[$1|$2]\"", "[a|][|b]" },
	{ "regexReplaceAll", "\"^\" \"abc\" \"X\"", "Xabc" },
	{ "regexReplaceAll", "\"$\" \"abc\" \"X\"", "abcX" },
	{ "regexReplaceAll", "\"\\\\s+\" \"  a  b  \" \"_\"", "_a_b_" },
	{ "regexReplaceAll", "\"[^a-zA-Z0-9]+\" \"Hello, World! 123\" \"-\"", "Hello-World-123" },
	{ "regexReplaceAll", "\"(\" \"a\" \"b\"", "ERR:regexp: Compile(`(`): error parsing regexp: missing closing ): `(`" },
	{ "mustRegexReplaceAll", "\"(\" \"a\" \"b\"", "ERR:error parsing regexp: missing closing ): `(`" },
	{ "regexReplaceAllLiteral", "\"a(x*)b\" \"-ab-axxb-\" \"${1}\"", "-${1}-${1}-" },
	{ "regexReplaceAllLiteral", "\"a*\" \"baaac\" \"$\"", "$b$c$" },
	{ "mustRegexReplaceAllLiteral", "\"a{2,1}\" \"a\" \"b\"", "ERR:error parsing regexp: invalid repeat count: `{2,1}`" },
	{ "regexSplit", "\"z+\" \"pizza\" -1", "[pi a]" },
	{ "regexSplit", "\"z+\" \"pizza\" 1", "[pizza]" },
	{ "regexSplit", "\"z+\" \"pizza\" 2", "[pi a]" },
	{ "regexSplit", "\"z+\" \"pizza\" 0", "[]" },
	{ "regexSplit", "\"\" \"abc\" -1", "[a b c]" },
	{ "regexSplit", "\"\" \"abc\" 2", "[a bc]" },
	{ "regexSplit", "\"a\" \"\" -1", "[]" },
	{ "regexSplit", "\"\" \"\" -1", "[]" },
	{ "regexSplit", "\"a*\" \"baaac\" -1", "[b c]" },
	{ "regexSplit", "\",\" \"a,b,,c,\" -1", "[a b  c ]" },
	{ "regexSplit", "\"x*\" \"axbxc\" -1", "[a b c]" },
	{ "mustRegexSplit", "\"(\" \"a\" -1", "ERR:error parsing regexp: missing closing ): `(`" },
	{ "regexQuoteMeta", "\"1.2.3+[a]{b}(c)|^$\\\\*?\"", "1\\.2\\.3\\+\\[a\\]\\{b\\}\\(c\\)\\|\\^\\$\\\\\\*\\?" },
	{ "regexQuoteMeta", "\"plain\"", "plain" },
	{ "regexReplaceAll", "\"(?m)^\" \"a\\nb\\n\" \"> \"", "> a\n> b\n> " },
	{ "regexReplaceAll", "\"(?m)$\" \"a\\nb\\n\" \";\"", "a;\nb;\n;" },
	{ "regexReplaceAll", "\"(?s).*\" \"a\\nb\" \"x\"", "x" },
};

/* Backtracking-hostile input must end (as an error), not hang. */
static void test_hostile(void)
{
	osmo_buf s = OSMO_BUF_INIT;
	osmo_buf_puts(&s, "\"(a+)+b\" \"");
	for (int i = 0; i < 40; i++)
		osmo_buf_putc(&s, 'a');
	osmo_buf_puts(&s, "c\"");
	char *got = run_case(osmo_funcs_regex, "regexMatch", osmo_buf_cstr(&s));
	CHECK(strcmp(got, "false") == 0 || strncmp(got, "ERR:", 4) == 0);
	osmo_free(got);
	osmo_buf_dispose(&s);
}

int main(void)
{
	run_table(osmo_funcs_regex, cases, sizeof cases / sizeof cases[0]);
	test_hostile();
	return CHECK_DONE();
}
