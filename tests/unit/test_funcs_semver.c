/* test_funcs_semver.c - semver / semverCompare (Masterminds/semver v3.3.0)
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
	{ "semverCompare", "\">=1.19-0\" \"v1.32.0\"", "true" },
	{ "semverCompare", "\">=1.19-0\" \"v1.18.5\"", "false" },
	{ "semverCompare", "\">=1.19-0\" \"v1.19.0-rc.1\"", "true" },
	{ "semverCompare", "\">=1.19\" \"v1.19.0-rc.1\"", "false" },
	{ "semverCompare", "\"<1.19-0\" \"v1.18.20-gke.100\"", "true" },
	{ "semverCompare", "\">=1.16-0, <1.19-0\" \"1.18.3\"", "true" },
	{ "semverCompare", "\">= 1.16-0 < 1.19-0\" \"1.20.3\"", "false" },
	{ "semverCompare", "\"^1.2.3\" \"1.9.0\"", "true" },
	{ "semverCompare", "\"^1.2.3\" \"2.0.0\"", "false" },
	{ "semverCompare", "\"^0.2.3\" \"0.2.9\"", "true" },
	{ "semverCompare", "\"^0.2.3\" \"0.3.0\"", "false" },
	{ "semverCompare", "\"^0.0.3\" \"0.0.3\"", "true" },
	{ "semverCompare", "\"^0.0.3\" \"0.0.4\"", "false" },
	{ "semverCompare", "\"^0.0\" \"0.0.4\"", "true" },
	{ "semverCompare", "\"^0\" \"0.5.0\"", "true" },
	{ "semverCompare", "\"~1.2.3\" \"1.2.9\"", "true" },
	{ "semverCompare", "\"~1.2.3\" \"1.3.0\"", "false" },
	{ "semverCompare", "\"~1\" \"1.9.0\"", "true" },
	{ "semverCompare", "\"~1.x\" \"1.9.0\"", "true" },
	{ "semverCompare", "\"1.2.x\" \"1.2.7\"", "true" },
	{ "semverCompare", "\"1.2.x\" \"1.3.0\"", "false" },
	{ "semverCompare", "\"1.2\" \"1.2.5\"", "true" },
	{ "semverCompare", "\"*\" \"1.2.5\"", "true" },
	{ "semverCompare", "\"*\" \"1.2.5-beta\"", "false" },
	{ "semverCompare", "\"x\" \"0.0.0\"", "true" },
	{ "semverCompare", "\"=1.2.3\" \"1.2.3\"", "true" },
	{ "semverCompare", "\"1.2.3\" \"v1.2.3\"", "true" },
	{ "semverCompare", "\"!=1.2.3\" \"1.2.4\"", "true" },
	{ "semverCompare", "\"!=1.2.3\" \"1.2.3\"", "false" },
	{ "semverCompare", "\"!=1.2.x\" \"1.2.3\"", "false" },
	{ "semverCompare", "\"!=1.x\" \"2.0.0\"", "true" },
	{ "semverCompare", "\">1.2\" \"1.2.9\"", "false" },
	{ "semverCompare", "\">1.2\" \"1.3.0\"", "true" },
	{ "semverCompare", "\">1.x\" \"1.9.0\"", "false" },
	{ "semverCompare", "\">1.x\" \"2.0.0\"", "true" },
	{ "semverCompare", "\"<=1.2\" \"1.2.9\"", "true" },
	{ "semverCompare", "\"<=1.2\" \"1.3.0\"", "false" },
	{ "semverCompare", "\"<=1.x\" \"1.9.0\"", "true" },
	{ "semverCompare", "\"=<1.2.3\" \"1.2.3\"", "true" },
	{ "semverCompare", "\"=>1.2.3\" \"1.2.3\"", "true" },
	{ "semverCompare", "\"~>1.2\" \"1.2.9\"", "true" },
	{ "semverCompare", "\"1.2 - 1.4.5\" \"1.4.5\"", "true" },
	{ "semverCompare", "\"1.2 - 1.4.5\" \"1.4.6\"", "false" },
	{ "semverCompare", "\"1.0 - 2.0 || >=3.0\" \"3.1.0\"", "true" },
	{ "semverCompare", "\"<1.0 || >=2.0\" \"1.5.0\"", "false" },
	{ "semverCompare", "\">1.0.0-alpha\" \"1.0.0-beta\"", "true" },
	{ "semverCompare", "\">1.0.0-beta.2\" \"1.0.0-beta.11\"", "true" },
	{ "semverCompare", "\">1.0.0-alpha.1\" \"1.0.0-alpha.beta\"", "true" },
	{ "semverCompare", "\">=1.0.0-rc.1\" \"1.0.0\"", "true" },
	{ "semverCompare", "\">= 1.2.3\" \"1.2.3+build\"", "true" },
	{ "semverCompare", "\">=1.2.3+meta\" \"1.2.3\"", "true" },
	{ "semverCompare", "\"\" \"1.2.3\"", "ERR:improper constraint: " },
	{ "semverCompare", "\"foo\" \"1.2.3\"", "ERR:improper constraint: foo" },
	{ "semverCompare", "\">=1.2.3 ||\" \"1.2.3\"", "ERR:improper constraint: " },
	{ "semverCompare", "\">=1.2.3\" \"foo\"", "ERR:Invalid Semantic Version" },
	{ "semverCompare", "\">=1.2.3\" \"\"", "ERR:Invalid Semantic Version" },
	{ "semverCompare", "\">=1.2.3\" \"1.2.3.4\"", "ERR:Invalid Semantic Version" },
	{ "semverCompare", "\">=1.2|3\" \"1.2.3\"", "ERR:constraint Parser Error" },
	{ "semverCompare", "\">=01.2.3\" \"1.2.3\"", "true" },
	{ "semverCompare", "\">= 1.2.3,<2\" \"1.5.0\"", "true" },
	{ "semverCompare", "\">1.2.3 <1.2.5\" \"1.2.4\"", "true" },
	{ "semverCompare", "\"  >1.2.3  \" \"1.2.4\"", "true" },
	{ "semverCompare", "\">=v1.2.3\" \"1.2.3\"", "true" },
	{ "semverCompare", "\"> =1.2.3\" \"1.2.3\"", "ERR:improper constraint: > =1.2.3" },
	{ "semverCompare", "\">=1.2.3-01\" \"1.2.3\"", "ERR:constraint Parser Error" },
	{ "semverCompare", "\">=1.2.3\" \"1.2.3-01\"", "ERR:Version segment starts with 0" },
	{ "semverCompare", "\"^1.x\" \"1.5.0\"", "true" },
	{ "semverCompare", "\"^1.2.x\" \"1.5.0\"", "true" },
	{ "semverCompare", "\"~0.0.0\" \"5.0.0\"", "true" },
	{ "semverCompare", "\"^0.x\" \"0.5.0\"", "true" },
	{ "semverCompare", "\"<2.x\" \"1.9.9\"", "true" },
	{ "semverCompare", "\"<2.x\" \"2.0.1\"", "false" },
	{ "semverCompare", "\"1 - 2\" \"2.5.0\"", "true" },
	{ "semverCompare", "\">=1.0.0-0 <2.0.0-0\" \"1.5.0-beta\"", "true" },
	{ "semverCompare", "\">=1.x-alpha\" \"1.0.0-beta\"", "true" },
	{ "semver", "\"v1.2.3-beta.1+build.5\"", "1.2.3-beta.1+build.5" },
	{ "semver", "\"1.2\"", "1.2.0" },
	{ "semver", "\"1\"", "1.0.0" },
	{ "semver", "\"v1\"", "1.0.0" },
	{ "semver", "\"1.2.x\"", "ERR:Invalid Semantic Version" },
	{ "semver", "\"\"", "ERR:Invalid Semantic Version" },
	{ "semver", "\"1.2.3-01\"", "ERR:Version segment starts with 0" },
	{ "semver", "\"1.2.3-0a\"", "1.2.3-0a" },
	{ "semver", "\"99999999999999999999\"", "ERR:Error parsing version segment: strconv.ParseUint: parsing \"99999999999999999999\": value out of range" },
	{ "semver", "\"1.2.3+a_b\"", "ERR:Invalid Semantic Version" },
	{ "semver", "\"1.2.3-\"", "ERR:Invalid Semantic Version" },
	{ "semver", "\"01.2.3\"", "1.2.3" },
	{ "semver", "\"1.2.3 \"", "ERR:Invalid Semantic Version" },
};

/* Fields and methods of *semver.Version, as helm printed them:
 * {{ (semver "v1.2.3-beta.1+b").Original }} etc. */
static void test_object(void)
{
	osmo_arena *a = osmo_arena_new();
	osmo_error err = { 0 };
	osmo_fnctx ctx = { a, &err, "semver", NULL };
	osmo_value out, v, w, arg = osmo_cstring(a, "v1.2.3-beta.1+b");
	CHECK(find_fn(osmo_funcs_semver, "semver")->fn(&v, &ctx, 1, &arg) == 0);
	CHECK(v.type == OSMO_V_OBJECT);
	CHECK_STREQ(v.u.obj->cls->go_type, "*semver.Version");
	CHECK_STREQ(v.u.obj->cls->go_kind, "ptr");
	const osmo_object_class *c = v.u.obj->cls;
	CHECK(c->field(&out, &ctx, v.u.obj, "Original") == 0);
	CHECK_STREQ(out.u.s.ptr, "v1.2.3-beta.1+b");
	CHECK(c->field(&out, &ctx, v.u.obj, "Minor") == 0);
	CHECK(out.type == OSMO_V_INT && out.sub == OSMO_GO_UINT64 && out.u.i == 2);
	CHECK(c->field(&out, &ctx, v.u.obj, "Prerelease") == 0);
	CHECK_STREQ(out.u.s.ptr, "beta.1");
	CHECK(c->field(&out, &ctx, v.u.obj, "Metadata") == 0);
	CHECK_STREQ(out.u.s.ptr, "b");
	CHECK(c->field(&out, &ctx, v.u.obj, "Foo") == OSMO_ENOTFOUND);

	/* (semver "1.2.3").IncMinor -> 1.3.0 of type semver.Version */
	arg = osmo_cstring(a, "1.2.3");
	CHECK(find_fn(osmo_funcs_semver, "semver")->fn(&v, &ctx, 1, &arg) == 0);
	CHECK(c->field(&out, &ctx, v.u.obj, "IncMinor") == 0);
	CHECK_STREQ(out.u.obj->cls->go_type, "semver.Version");
	osmo_buf b = OSMO_BUF_INIT;
	out.u.obj->cls->print(&b, out.u.obj);
	CHECK_STREQ(osmo_buf_cstr(&b), "1.3.0");
	osmo_buf_dispose(&b);

	/* (semver "1.2.3").LessThan (semver "1.3") -> true; Compare -> -1 */
	arg = osmo_cstring(a, "1.3");
	CHECK(find_fn(osmo_funcs_semver, "semver")->fn(&w, &ctx, 1, &arg) == 0);
	CHECK(c->method(&out, &ctx, v.u.obj, "LessThan", 1, &w) == 0);
	CHECK(out.type == OSMO_V_BOOL && out.u.b);
	CHECK(c->method(&out, &ctx, v.u.obj, "Compare", 1, &w) == 0);
	CHECK(out.type == OSMO_V_INT && out.u.i == -1);

	/* toJson gives "1.2.3" (MarshalJSON is String()) */
	CHECK(c->marshal(&out, a, v.u.obj) == 0);
	CHECK_STREQ(out.u.s.ptr, "1.2.3");
	osmo_error_dispose(&err);
	osmo_arena_free(a);
}

int main(void)
{
	run_table(osmo_funcs_semver, cases, sizeof cases / sizeof cases[0]);
	test_object();
	return CHECK_DONE();
}
