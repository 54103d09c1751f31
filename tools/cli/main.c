/* main.c - osmo-render: dispatch git-style subcommands. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

typedef struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} command;

static const command commands[] = {
	{ "template", cmd_template, "Render a Helm chart exactly as `helm template` does" },
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
			return c->run(argc - 2, argv + 2);
	fprintf(stderr, "Error: unknown command \"%s\" for \"osmo-render\"\n", argv[1]);
	fprintf(stderr, "Run 'osmo-render --help' for usage.\n");
	return 1;
}
