/* args.c - pflag-compatible option parsing: --name=value, --name value,
 * -x value, -xvalue, "--" ends options, options anywhere among arguments. */
#include "cli.h"

#include "osmo/common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("Error: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return 1;
}

static const cli_opt *find_long(const cli_opt *opts, const char *name, size_t n)
{
	for (const cli_opt *o = opts; o->name; o++)
		if (strlen(o->name) == n && !strncmp(o->name, name, n))
			return o;
	return NULL;
}

static const cli_opt *find_short(const cli_opt *opts, char c)
{
	for (const cli_opt *o = opts; o->name; o++)
		if (o->shortname == c)
			return o;
	return NULL;
}

static void add_occ(cli_args *a, const cli_opt *o, const char *v)
{
	a->occ = osmo_realloc(a->occ, (a->nocc + 1) * sizeof(*a->occ));
	a->occ[a->nocc].opt = o;
	a->occ[a->nocc].value = v;
	a->nocc++;
}

int cli_parse(cli_args *out, const cli_opt *opts, int argc, char **argv)
{
	memset(out, 0, sizeof(*out));
	out->pos = osmo_calloc((size_t)argc + 1, sizeof(char *));
	bool only_pos = false;
	for (int i = 0; i < argc; i++) {
		char *arg = argv[i];
		if (only_pos || arg[0] != '-' || !arg[1]) {
			out->pos[out->npos++] = arg;
			continue;
		}
		if (!strcmp(arg, "--")) {
			only_pos = true;
			continue;
		}
		if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			out->help = true;
			continue;
		}
		const cli_opt *o;
		const char *val = NULL;
		if (arg[1] == '-') {
			const char *name = arg + 2, *eq = strchr(name, '=');
			size_t n = eq ? (size_t)(eq - name) : strlen(name);
			o = find_long(opts, name, n);
			if (!o) {
				cli_error("unknown flag: --%.*s", (int)n, name);
				goto fail;
			}
			if (eq)
				val = eq + 1;
			if (o->kind == CLI_FLAG) {
				if (val && strcmp(val, "true") && strcmp(val, "false")) {
					cli_error("invalid argument \"%s\" for \"--%s\" flag: strconv.ParseBool: parsing \"%s\": invalid syntax",
						  val, o->name, val);
					goto fail;
				}
				if (!val || !strcmp(val, "true"))
					add_occ(out, o, NULL);
				continue;
			}
			if (!val) {
				if (i + 1 >= argc) {
					cli_error("flag needs an argument: --%s", o->name);
					goto fail;
				}
				val = argv[++i];
			}
		} else {
			o = find_short(opts, arg[1]);
			if (!o) {
				cli_error("unknown shorthand flag: '%c' in %s", arg[1], arg);
				goto fail;
			}
			if (o->kind == CLI_FLAG) {
				add_occ(out, o, NULL);
				continue;
			}
			if (arg[2])
				val = arg[2] == '=' ? arg + 3 : arg + 2;
			else if (i + 1 < argc)
				val = argv[++i];
			else {
				cli_error("flag needs an argument: '%c' in -%c", arg[1], arg[1]);
				goto fail;
			}
		}
		add_occ(out, o, val);
	}
	return 0;
fail:
	cli_args_dispose(out);
	return -1;
}

void cli_args_dispose(cli_args *a)
{
	free(a->occ);
	free(a->pos);
	memset(a, 0, sizeof(*a));
}

bool cli_flag(const cli_args *a, const char *name)
{
	for (size_t i = 0; i < a->nocc; i++)
		if (!strcmp(a->occ[i].opt->name, name))
			return true;
	return false;
}

const char *cli_value(const cli_args *a, const char *name)
{
	const char *v = NULL;
	for (size_t i = 0; i < a->nocc; i++)
		if (!strcmp(a->occ[i].opt->name, name))
			v = a->occ[i].value;
	return v;
}

void cli_usage(const char *usage, const char *summary, const cli_opt *opts)
{
	printf("%s\n\nUsage:\n  %s\n\nFlags:\n", summary, usage);
	for (const cli_opt *o = opts; o->name; o++) {
		char left[64];
		if (o->shortname)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", o->shortname, o->name,
				 o->arg ? " " : "", o->arg ? o->arg : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", o->name, o->arg ? " " : "",
				 o->arg ? o->arg : "");
		printf("  %-34s %s\n", left, o->help);
	}
	printf("  %-34s %s\n", "-h, --help", "help for this command");
}
