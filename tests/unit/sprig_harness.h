/* sprig_harness.h - shared by the Sprig unit-test programs: parse
 * template-literal arguments, call a function from a table the way the
 * executor would (signature-driven int->float64 conversion) and print the
 * result as fmt %v does.  Included once per test program. */
#ifndef OSMO_TEST_SPRIG_HARNESS_H
#define OSMO_TEST_SPRIG_HARNESS_H

#include "osmo/funcs.h"
#include "check.h"

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
#endif
