/* cli.h - the osmo-render command line: git-style subcommands with
 * helm-style flags, one option table per command (used for parsing and for
 * --help, so the two cannot drift). */
#ifndef OSMO_CLI_H
#define OSMO_CLI_H

#include <stdbool.h>
#include <stddef.h>

typedef enum cli_opt_kind {
	CLI_FLAG,  /* boolean switch */
	CLI_VALUE, /* takes one value (last wins) */
	CLI_LIST   /* repeatable value */
} cli_opt_kind;

typedef struct cli_opt {
	const char *name; /* long name without "--" */
	char shortname;   /* 0 when none */
	cli_opt_kind kind;
	const char *arg;  /* metavariable for help, e.g. "FILE" */
	const char *help;
} cli_opt;

/* A parsed occurrence, in command-line order. */
typedef struct cli_occ {
	const cli_opt *opt;
	const char *value; /* NULL for flags */
} cli_occ;

typedef struct cli_args {
	cli_occ *occ;
	size_t nocc;
	const char **pos; /* positional arguments */
	size_t npos;
	bool help;
} cli_args;

/* Parse argv (after the subcommand) against opts.  Prints Helm-style errors
 * ("Error: unknown flag: --x") and returns -1 on failure. */
int cli_parse(cli_args *out, const cli_opt *opts, int argc, char **argv);
void cli_args_dispose(cli_args *a);
bool cli_flag(const cli_args *a, const char *name);
const char *cli_value(const cli_args *a, const char *name); /* last occurrence */
void cli_usage(const char *usage, const char *summary, const cli_opt *opts);
/* Prints "Error: <msg>" to stderr; returns 1 (the exit code). */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The -f/--set family as Helm applies them, into a new map *vals. */
#include "osmo/value.h"
int cli_user_values(osmo_arena *a, const cli_args *args, osmo_value *vals, osmo_error *err);

int cmd_template(int argc, char **argv);
int cmd_version(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_package(int argc, char **argv);

#endif
