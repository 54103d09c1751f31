/* cmd_version.c - `osmo-render version`. */
#include "cli.h"

#include <stdio.h>

#ifndef OSMO_VERSION
#define OSMO_VERSION "0.0.0"
#endif
#ifndef OSMO_HELM_COMPAT
#define OSMO_HELM_COMPAT "v3.17.2"
#endif

static const cli_opt version_opts[] = { { NULL, 0, CLI_FLAG, NULL, NULL } };

int cmd_version(int argc, char **argv)
{
	cli_args a;
	if (cli_parse(&a, version_opts, argc, argv))
		return 1;
	if (a.help) {
		cli_usage("osmo-render version", "Print the osmo-render version and the Helm version it is compatible with.", version_opts);
	} else {
		printf("osmo-render %s (helm-compatible %s)\n", OSMO_VERSION, OSMO_HELM_COMPAT);
	}
	cli_args_dispose(&a);
	return 0;
}
