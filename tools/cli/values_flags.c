/* values_flags.c - Helm's value flags, shared by template and lint: -f
 * files merged left to right, then --set-json, --set, --set-string,
 * --set-file and --set-literal, always in that order whatever the command
 * line order (pkg/cli/values/options.go). */
#include "cli.h"

#include "osmo/values.h"
#include "osmo/yaml.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static int load_values_file(osmo_arena *a, osmo_value *vals, const char *path, osmo_error *err)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!fp) {
		osmo_error_set(err, OSMO_EIO, "open %s: %s", path, strerror(errno));
		return OSMO_EIO;
	}
	osmo_buf b = OSMO_BUF_INIT;
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		osmo_buf_put(&b, tmp, n);
	int rc = ferror(fp) ? OSMO_EIO : 0;
	if (fp != stdin)
		fclose(fp);
	if (rc) {
		osmo_buf_dispose(&b);
		osmo_error_set(err, rc, "read %s: %s", path, strerror(errno));
		return rc;
	}
	osmo_value v;
	osmo_error yerr = { 0 };
	rc = osmo_yaml_load(&v, a, osmo_buf_cstr(&b), b.len, path, OSMO_YAML_WANT_MAP, &yerr);
	osmo_buf_dispose(&b);
	if (rc) {
		osmo_error_set(err, rc, "failed to parse %s: %s", path, yerr.msg ? yerr.msg : "invalid YAML");
		osmo_error_dispose(&yerr);
		return rc;
	}
	osmo_values_merge(a, vals, v);
	return 0;
}

int cli_user_values(osmo_arena *a, const cli_args *args, osmo_value *vals, osmo_error *err)
{
	*vals = osmo_map_new(a, 0);
	int rc = 0;
	for (size_t i = 0; i < args->nocc && !rc; i++)
		if (!strcmp(args->occ[i].opt->name, "values"))
			rc = load_values_file(a, vals, args->occ[i].value, err);
	static const struct {
		const char *flag;
		char kind;
	} order[] = { { "set-json", 'j' }, { "set", 's' }, { "set-string", 'S' },
		      { "set-file", 'f' }, { "set-literal", 'l' } };
	for (size_t k = 0; k < sizeof(order) / sizeof(order[0]) && !rc; k++)
		for (size_t i = 0; i < args->nocc && !rc; i++)
			if (!strcmp(args->occ[i].opt->name, order[k].flag))
				rc = osmo_values_parse_set(a, vals, args->occ[i].value, order[k].kind, err);
	return rc;
}
