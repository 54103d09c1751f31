/* main.c - osmo-render: dispatch git-style subcommands. */
#include "cli.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

typedef struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} command;

static const command commands[] = {
	{ "template", cmd_template, "Render a Helm chart exactly as `helm template` does" },
	{ "lint", cmd_lint, "Examine a chart for possible issues, as `helm lint` does" },
	{ "package", cmd_package, "Package a chart directory into a reproducible chart archive" },
	{ "version", cmd_version, "Print the osmo-render version and the Helm version it matches" },
	{ NULL, NULL, NULL },
};

static void usage(FILE *fp)
{
	fprintf(fp, "osmo-render renders, validates, diffs and applies multi-tenant OSMO deployments.\n\n"
		    "Usage:\n  osmo-render <command> [flags]\n\nCommands:\n");
	for (const command *c = commands; c->name; c++)
		fprintf(fp, "  %-10s %s\n", c->name, c->summary);
	fprintf(fp, "\nRun 'osmo-render <command> --help' for a command's flags.\n");
}

typedef struct run {
	int (*fn)(int, char **);
	int argc;
	char **argv;
	int status;
} run;

static void *run_thread(void *p)
{
	run *r = p;
	r->status = r->fn(r->argc, r->argv);
	return NULL;
}

/* Helm's templates may nest include/tpl thousands of levels deep (Go grows
 * goroutine stacks to 1 GiB); run commands on a thread whose stack is as
 * large.  The memory is only reserved, pages are committed as used. */
static int run_big_stack(int (*fn)(int, char **), int argc, char **argv)
{
	run r = { fn, argc, argv, 1 };
	pthread_attr_t attr;
	pthread_t t;
	pthread_attr_init(&attr);
	if (pthread_attr_setstacksize(&attr, (size_t)1 << 30) || pthread_create(&t, &attr, run_thread, &r)) {
		pthread_attr_destroy(&attr);
		return fn(argc, argv);
	}
	pthread_attr_destroy(&attr);
	pthread_join(t, NULL);
	return r.status;
}

int main(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		usage(stdout);
		return argc < 2 ? 1 : 0;
	}
	if (!strcmp(argv[1], "--version"))
		return cmd_version(0, argv + 2);
	for (const command *c = commands; c->name; c++)
		if (!strcmp(argv[1], c->name))
			return run_big_stack(c->run, argc - 2, argv + 2);
	fprintf(stderr, "Error: unknown command \"%s\" for \"osmo-render\"\n", argv[1]);
	fprintf(stderr, "Run 'osmo-render --help' for usage.\n");
	return 1;
}
