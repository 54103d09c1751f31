/* cmd_template.c - `osmo-render template [NAME] CHART`: Helm-exact rendering
 * of one chart, printed as `helm template` prints it. */
#include "cli.h"
#include "template_output.h"

#include "osmo/chart.h"
#include "osmo/release.h"
#include "osmo/tpl.h"
#include "osmo/values.h"
#include "osmo/values_schema.h"
#include "osmo/yaml.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const cli_opt template_opts[] = {
	{ "values", 'f', CLI_LIST, "FILE", "specify values in a YAML file (can specify multiple; - reads stdin)" },
	{ "set", 0, CLI_LIST, "K=V", "set values on the command line (a.b=c,d[0]=e)" },
	{ "set-string", 0, CLI_LIST, "K=V", "set STRING values on the command line" },
	{ "set-json", 0, CLI_LIST, "K=JSON", "set JSON values on the command line" },
	{ "set-file", 0, CLI_LIST, "K=PATH", "set values from the content of files" },
	{ "set-literal", 0, CLI_LIST, "K=V", "set a literal STRING value on the command line" },
	{ "namespace", 'n', CLI_VALUE, "NS", "namespace (.Release.Namespace), default \"default\"" },
	{ "release-name", 0, CLI_FLAG, NULL, "use the release name in the output-dir path" },
	{ "name-template", 0, CLI_VALUE, "TPL", "Go template used to name the release" },
	{ "generate-name", 'g', CLI_FLAG, NULL, "generate the release name (CHART-<unix seconds>)" },
	{ "show-only", 's', CLI_LIST, "PATH", "only show manifests rendered from the given templates (glob)" },
	{ "output-dir", 0, CLI_VALUE, "DIR", "write each template to a file under DIR instead of stdout" },
	{ "is-upgrade", 0, CLI_FLAG, NULL, "set .Release.IsUpgrade instead of .Release.IsInstall" },
	{ "kube-version", 0, CLI_VALUE, "VER", "Kubernetes version for .Capabilities (default v1.32.0)" },
	{ "api-versions", 'a', CLI_LIST, "GV", "extra API versions for .Capabilities.APIVersions" },
	{ "include-crds", 0, CLI_FLAG, NULL, "include CRDs (crds/) in the output" },
	{ "skip-crds", 0, CLI_FLAG, NULL, "no CRDs are printed even with --include-crds" },
	{ "no-hooks", 0, CLI_FLAG, NULL, "do not print hooks" },
	{ "skip-tests", 0, CLI_FLAG, NULL, "do not print test hooks" },
	{ "skip-schema-validation", 0, CLI_FLAG, NULL, "if set, disables JSON schema validation" },
	{ NULL, 0, CLI_FLAG, NULL, NULL },
};



/* --name-template renders a Go template (Sprig functions, no data);
 * --generate-name is Helm's "<chart base name>-<unix seconds>". */
static int release_name_from_flags(char **out, const char *tpl, const char *chart_path,
				   osmo_error *err)
{
	if (!tpl) {
		const char *base = strrchr(chart_path, '/');
		base = base && base[1] ? base + 1 : chart_path;
		size_t n = strcspn(base, "/");
		if (asprintf(out, "%.*s-%ld", (int)n, base, (long)time(NULL)) < 0)
			abort();
		return 0;
	}
	osmo_tpl_set *set = osmo_tpl_set_new();
	osmo_arena *a = osmo_arena_new();
	osmo_buf b = OSMO_BUF_INIT;
	int rc = osmo_tpl_set_parse(set, "name-template", tpl, strlen(tpl), err);
	if (!rc)
		rc = osmo_tpl_set_execute(set, a, "name-template", osmo_null(), &b, err);
	*out = rc ? NULL : osmo_buf_detach(&b);
	osmo_buf_dispose(&b);
	osmo_arena_free(a);
	osmo_tpl_set_free(set);
	return rc;
}

/* Helm's release name rule (chartutil.ValidateReleaseName): a DNS-1123
 * subdomain of at most 53 characters. */
static bool valid_release_name(const char *n)
{
	size_t len = strlen(n);
	if (!len || len > 53)
		return false;
	bool label_start = true;
	for (size_t i = 0; i < len; i++) {
		char c = n[i];
		bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (c == '.') {
			if (label_start || n[i - 1] == '-')
				return false;
			label_start = true;
			continue;
		}
		if (!alnum && c != '-')
			return false;
		if (label_start && !alnum)
			return false;
		label_start = false;
	}
	return !label_start && n[len - 1] != '-';
}

int cmd_template(int argc, char **argv)
{
	cli_args args;
	if (cli_parse(&args, template_opts, argc, argv))
		return 1;
	if (args.help) {
		cli_usage("osmo-render template [NAME] CHART [flags]",
			  "Render chart templates locally and print the manifests, byte for byte as `helm template` (Helm " "v3.17.2" ") does.",
			  template_opts);
		cli_args_dispose(&args);
		return 0;
	}
	int status = 1;
	osmo_error err = { 0 };
	osmo_arena *a = osmo_arena_new();
	osmo_chart *chart = NULL;
	osmo_manifest_set *ms = NULL;
	const char **apis = NULL;
	if (args.npos < 1) {
		cli_error("\"osmo-render template\" requires at least 1 argument\n\nUsage:  osmo-render template [NAME] [CHART] [flags]");
		goto out;
	}
	if (args.npos > 2) {
		cli_error("\"osmo-render template\" accepts at most 2 arguments\n\nUsage:  osmo-render template [NAME] [CHART] [flags]");
		goto out;
	}
	const char *chart_path = args.pos[args.npos - 1];
	osmo_release_options opts = OSMO_RELEASE_OPTIONS_INIT;
	opts.name = args.npos == 2 ? args.pos[0] : NULL;
	char *gen_name = NULL;
	if (!opts.name && (cli_value(&args, "name-template") || cli_flag(&args, "generate-name"))) {
		if (release_name_from_flags(&gen_name, cli_value(&args, "name-template"), chart_path, &err)) {
			cli_error("%s", err.msg);
			goto out;
		}
		opts.name = gen_name;
	}
	opts.ns = cli_value(&args, "namespace");
	opts.is_upgrade = cli_flag(&args, "is-upgrade");
	opts.kube_version = cli_value(&args, "kube-version");
	apis = osmo_calloc(args.nocc + 1, sizeof(char *));
	for (size_t i = 0, n = 0; i < args.nocc; i++)
		if (!strcmp(args.occ[i].opt->name, "api-versions"))
			apis[n++] = args.occ[i].value;
	opts.api_versions = apis;
	opts.include_crds = cli_flag(&args, "include-crds") && !cli_flag(&args, "skip-crds");
	if (!cli_flag(&args, "skip-schema-validation")) {
		opts.validate_values = osmo_values_schema_validate;
		opts.validate_payload = NULL;
	}

	if (opts.name && !*opts.name) {
		cli_error("release name \"\": no name provided");
		goto out;
	}
	if (opts.name && !valid_release_name(opts.name)) {
		cli_error("release name \"%s\": invalid release name, must match regex "
			  "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the "
			  "length must not be longer than 53", opts.name);
		goto out;
	}
	osmo_value user;
	int lrc = cli_user_values(a, &args, &user, &err);
	if (!lrc)
		lrc = osmo_chart_load(&chart, chart_path, &err);
	if (!lrc) {
		osmo_value *dep = osmo_map_getc(osmo_chart_metadata(chart).u.map, "deprecated");
		if (dep && dep->type == OSMO_V_BOOL && dep->u.b)
			fputs("WARNING: This chart is deprecated\n", stderr);
	}
	if (lrc || osmo_release_render(&ms, chart, user, &opts, &err)) {
		/* helm template adds its hint only when a release was created */
		if (err.code == OSMO_ERENDER)
			cli_error("%s\n\nUse --debug flag to render out invalid YAML", err.msg);
		else
			cli_error("%s", err.msg ? err.msg : "rendering failed");
		goto out;
	}
	osmo_buf b = OSMO_BUF_INIT;
	unsigned pflags = (cli_flag(&args, "no-hooks") ? OSMO_RELEASE_PRINT_NO_HOOKS : 0) |
			  (cli_flag(&args, "skip-tests") ? OSMO_RELEASE_PRINT_SKIP_TESTS : 0);
	osmo_release_print(&b, ms, pflags);
	const char **show = osmo_calloc(args.nocc + 1, sizeof(char *));
	size_t nshow = 0;
	for (size_t i = 0; i < args.nocc; i++)
		if (!strcmp(args.occ[i].opt->name, "show-only"))
			show[nshow++] = args.occ[i].value;
	const char *outdir = cli_value(&args, "output-dir");
	int rc = 0;
	if (nshow) {
		osmo_buf f = OSMO_BUF_INIT;
		rc = template_show_only(&f, osmo_buf_cstr(&b), b.len, show, nshow, &err);
		osmo_buf_dispose(&b);
		b = f;
	}
	if (!rc && outdir) {
		const char *dir = outdir;
		char *withname = NULL;
		if (cli_flag(&args, "release-name")) {
			withname = osmo_malloc(strlen(outdir) + strlen(opts.name ? opts.name : "release-name") + 2);
			sprintf(withname, "%s/%s", outdir, opts.name ? opts.name : "release-name");
			dir = withname;
		}
		rc = template_output_dir(dir, ms, pflags, &err);
		free(withname);
	} else if (!rc) {
		fwrite(b.ptr, 1, b.len, stdout);
	}
	free(show);
	osmo_buf_dispose(&b);
	if (rc)
		cli_error("%s", err.msg);
	else
		status = fflush(stdout) ? 1 : 0;
out:
	free(gen_name);
	free(apis);
	osmo_manifest_set_free(ms);
	osmo_chart_free(chart);
	osmo_arena_free(a);
	osmo_error_dispose(&err);
	cli_args_dispose(&args);
	return status;
}
