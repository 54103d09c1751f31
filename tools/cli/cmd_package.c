/* cmd_package.c - `osmo-render package CHART... [-d DIR] [--version V]
 * [--app-version V]`: `helm package`, but reproducible (see package.h). */
#include "cli.h"

#include "osmo/chart.h"
#include "osmo/package.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static const cli_opt package_opts[] = {
	{ "destination", 'd', CLI_VALUE, "DIR", "location to write the chart (default \".\")" },
	{ "version", 0, CLI_VALUE, "V", "set the version on the chart to this semver version" },
	{ "app-version", 0, CLI_VALUE, "V", "set the appVersion on the chart to this version" },
	{ NULL, 0, CLI_FLAG, NULL, NULL },
};

int cmd_package(int argc, char **argv)
{
	cli_args args;
	if (cli_parse(&args, package_opts, argc, argv))
		return 1;
	if (args.help) {
		cli_usage("osmo-render package [CHART_PATH] [...] [flags]",
			  "Package a chart directory into a chart archive, as `helm package` (Helm v3.17.2) "
			  "does, with reproducible bytes (mtime $SOURCE_DATE_EPOCH or 0).",
			  package_opts);
		cli_args_dispose(&args);
		return 0;
	}
	int status = 0;
	if (args.npos == 0) {
		status = cli_error("need at least one argument, the path to the chart");
		goto out;
	}
	osmo_package_options opts = OSMO_PACKAGE_OPTIONS_INIT;
	opts.dest = cli_value(&args, "destination");
	opts.set_version = cli_value(&args, "version");
	opts.app_version = cli_value(&args, "app-version");
	for (size_t i = 0; i < args.npos && !status; i++) {
		osmo_error err = { 0 };
		osmo_chart *chart = NULL;
		char *path = NULL;
		struct stat st;
		if (stat(args.pos[i], &st) != 0)
			status = cli_error("stat %s: no such file or directory", args.pos[i]);
		else if (osmo_chart_load_dir(&chart, args.pos[i], &err) ||
			 osmo_package_save(&path, chart, &opts, &err))
			status = cli_error("%s", err.msg ? err.msg : "packaging failed");
		else
			printf("Successfully packaged chart and saved it to: %s\n", path);
		free(path);
		osmo_chart_free(chart);
		osmo_error_dispose(&err);
	}
	if (!status && fflush(stdout))
		status = 1;
out:
	cli_args_dispose(&args);
	return status;
}
