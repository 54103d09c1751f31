/* cmd_lint.c - `osmo-render lint [CHART...] [-f values] [--set ...]
 * [--strict] [--quiet]`: Helm 3.17.2's `helm lint` output, message for
 * message (see osmo/lint.h for what the rules cover). */
#include "cli.h"

#include "osmo/values_schema.h"

#include "osmo/lint.h"
#include "osmo/values.h"
#include "osmo/yaml.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_opt lint_opts[] = {
	{ "values", 'f', CLI_LIST, "FILE", "specify values in a YAML file (can specify multiple)" },
	{ "set", 0, CLI_LIST, "K=V", "set values on the command line (a.b=c,d[0]=e)" },
	{ "set-string", 0, CLI_LIST, "K=V", "set STRING values on the command line" },
	{ "set-json", 0, CLI_LIST, "K=JSON", "set JSON values on the command line" },
	{ "set-file", 0, CLI_LIST, "K=PATH", "set values from the content of files" },
	{ "set-literal", 0, CLI_LIST, "K=V", "set a literal STRING value on the command line" },
	{ "namespace", 'n', CLI_VALUE, "NS", "namespace (.Release.Namespace), default \"default\"" },
	{ "kube-version", 0, CLI_VALUE, "VER", "Kubernetes version used for capabilities" },
	{ "strict", 0, CLI_FLAG, NULL, "fail on lint warnings" },
	{ "quiet", 0, CLI_FLAG, NULL, "print only warnings and errors" },
	{ NULL, 0, CLI_FLAG, NULL, NULL },
};

static const char *const sev_names[] = { "UNKNOWN", "INFO", "WARNING", "ERROR" };


int cmd_lint(int argc, char **argv)
{
	cli_args args;
	if (cli_parse(&args, lint_opts, argc, argv))
		return 1;
	if (args.help) {
		cli_usage("osmo-render lint [CHART...] [flags]",
			  "Examine charts for possible issues, printing what `helm lint` (Helm v3.17.2) prints.",
			  lint_opts);
		cli_args_dispose(&args);
		return 0;
	}
	osmo_arena *a = osmo_arena_new();
	osmo_error err = { 0 };
	osmo_value vals;
	int status = 0;
	if (cli_user_values(a, &args, &vals, &err)) {
		status = cli_error("%s", err.msg);
		goto out;
	}
	static const char *const dot[] = { "." };
	const char *const *paths = args.npos ? args.pos : dot;
	size_t npaths = args.npos ? args.npos : 1;
	bool strict = cli_flag(&args, "strict"), quiet = cli_flag(&args, "quiet");
	osmo_lint_options opts = OSMO_LINT_OPTIONS_INIT;
	opts.ns = cli_value(&args, "namespace");
	opts.kube_version = cli_value(&args, "kube-version");
	opts.check_schema = osmo_values_schema_check;
	opts.validate_values = osmo_values_schema_validate;
	osmo_buf msg = OSMO_BUF_INIT;
	size_t failed = 0, noisy = 0;
	for (size_t i = 0; i < npaths; i++) {
		osmo_lint_result *r = NULL;
		osmo_error lerr = { 0 };
		int rc = osmo_lint_chart(&r, paths[i], vals, &opts, &lerr);
		bool warned = false;
		for (size_t j = 0; r && j < osmo_lint_result_count(r); j++)
			warned |= osmo_lint_result_message(r, j)->severity > OSMO_LINT_INFO;
		bool bad = rc || osmo_lint_result_failed(r, strict);
		noisy += warned || bad;
		if (!quiet || warned || bad) {
			osmo_buf_printf(&msg, "==> Linting %s\n", paths[i]);
			if (rc)
				osmo_buf_printf(&msg, "Error %s\n", lerr.msg);
			for (size_t j = 0; r && j < osmo_lint_result_count(r); j++) {
				const osmo_lint_message *m = osmo_lint_result_message(r, j);
				if (!quiet || m->severity > OSMO_LINT_INFO)
					osmo_buf_printf(&msg, "[%s] %s: %s\n", sev_names[m->severity], m->path,
							m->text);
			}
			osmo_buf_putc(&msg, '\n');
		}
		failed += bad;
		osmo_lint_result_free(r);
		osmo_error_dispose(&lerr);
	}
	fwrite(msg.ptr ? msg.ptr : "", 1, msg.len, stdout);
	osmo_buf_dispose(&msg);
	if (failed) {
		fflush(stdout);
		status = cli_error("%zu chart(s) linted, %zu chart(s) failed", npaths, failed);
	} else if (!quiet || noisy) {
		printf("%zu chart(s) linted, %zu chart(s) failed\n", npaths, failed);
	}
	if (fflush(stdout))
		status = 1;
out:
	osmo_error_dispose(&err);
	osmo_arena_free(a);
	cli_args_dispose(&args);
	return status;
}
