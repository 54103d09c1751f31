/* funcs_helm.c - Helm's data functions (pkg/engine/funcs.go): toYaml,
 * fromYaml, toJson, fromJson, toToml, ... plus Sprig's JSON family that
 * Helm does not override (toPrettyJson, toRawJson, must* variants).
 * Helm's conventions: marshal errors give "" (toToml: the error text),
 * unmarshal errors give a map with an "Error" key (arrays: [errmsg]). */
#include "osmo/funcs.h"

#include "osmo/json.h"
#include "osmo/toml.h"
#include "osmo/yaml.h"

static osmo_value take_buf(osmo_fnctx *ctx, osmo_buf *b)
{
	osmo_value v = osmo_string_buf(ctx->arena, b);
	osmo_buf_dispose(b);
	return v;
}

/* strings.TrimSuffix(s, "\n") */
static void trim_nl(osmo_buf *b)
{
	if (b->len && b->ptr[b->len - 1] == '\n')
		osmo_buf_truncate(b, b->len - 1);
}

static int fn_to_yaml(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT;
	(void)argc;
	if (osmo_yaml_write(&b, argv[0], NULL) != 0)
		osmo_buf_clear(&b);
	trim_nl(&b);
	*out = take_buf(ctx, &b);
	return 0;
}

static int fn_to_yaml_pretty(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT;
	(void)argc;
	if (osmo_yaml_write_pretty(&b, argv[0], NULL) != 0)
		osmo_buf_clear(&b);
	trim_nl(&b);
	*out = take_buf(ctx, &b);
	return 0;
}

static osmo_value error_map(osmo_fnctx *ctx, const osmo_error *e)
{
	osmo_value m = osmo_map_new(ctx->arena, 1);
	osmo_map_setc(ctx->arena, m.u.map, "Error", osmo_cstring(ctx->arena, e->msg ? e->msg : ""));
	return m;
}

static osmo_value error_list(osmo_fnctx *ctx, const osmo_error *e)
{
	osmo_value l = osmo_list_new(ctx->arena, 1);
	osmo_list_push(ctx->arena, l.u.list, osmo_cstring(ctx->arena, e->msg ? e->msg : ""));
	return l;
}

static int fn_from_yaml(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_error e = { 0 };
	(void)argc;
	if (osmo_yaml_load(out, ctx->arena, argv[0].u.s.ptr, argv[0].u.s.len, NULL, OSMO_YAML_WANT_MAP, &e))
		*out = error_map(ctx, &e);
	osmo_error_dispose(&e);
	return 0;
}

static int fn_from_yaml_array(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_error e = { 0 };
	(void)argc;
	if (osmo_yaml_load(out, ctx->arena, argv[0].u.s.ptr, argv[0].u.s.len, NULL, OSMO_YAML_WANT_LIST, &e))
		*out = error_list(ctx, &e);
	osmo_error_dispose(&e);
	return 0;
}

/* Helm's toJson and Sprig's toPrettyJson: errors give "". */
static int json_quiet(osmo_value *out, osmo_fnctx *ctx, osmo_value v, unsigned flags)
{
	osmo_buf b = OSMO_BUF_INIT;
	if (osmo_json_write(&b, v, flags, NULL) != 0)
		osmo_buf_clear(&b);
	*out = take_buf(ctx, &b);
	return 0;
}

/* Sprig's must* variants and toRawJson (which panics): errors surface. */
static int json_must(osmo_value *out, osmo_fnctx *ctx, osmo_value v, unsigned flags)
{
	osmo_buf b = OSMO_BUF_INIT;
	osmo_error e = { 0 };
	int rc = osmo_json_write(&b, v, flags, &e);
	if (rc) {
		osmo_buf_dispose(&b);
		rc = osmo_fn_errorf(ctx, "%s", e.msg ? e.msg : "json error");
		osmo_error_dispose(&e);
		return rc;
	}
	*out = take_buf(ctx, &b);
	return 0;
}

static int fn_to_json(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return json_quiet(out, ctx, argv[0], 0);
}

static int fn_to_pretty_json(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return json_quiet(out, ctx, argv[0], OSMO_JSON_INDENT);
}

static int fn_to_raw_json(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return json_must(out, ctx, argv[0], OSMO_JSON_RAW);
}

static int fn_must_to_json(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return json_must(out, ctx, argv[0], 0);
}

static int fn_must_to_pretty_json(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return json_must(out, ctx, argv[0], OSMO_JSON_INDENT);
}

static int fn_from_json(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_error e = { 0 };
	(void)argc;
	if (osmo_json_parse_as(out, ctx->arena, argv[0].u.s.ptr, argv[0].u.s.len, OSMO_JSON_WANT_MAP, &e))
		*out = error_map(ctx, &e);
	osmo_error_dispose(&e);
	return 0;
}

static int fn_from_json_array(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_error e = { 0 };
	(void)argc;
	if (osmo_json_parse_as(out, ctx->arena, argv[0].u.s.ptr, argv[0].u.s.len, OSMO_JSON_WANT_LIST, &e))
		*out = error_list(ctx, &e);
	osmo_error_dispose(&e);
	return 0;
}

/* Sprig mustFromJson: json.Unmarshal into interface{}. */
static int fn_must_from_json(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_error e = { 0 };
	int rc;
	(void)argc;
	if (osmo_json_parse(out, ctx->arena, argv[0].u.s.ptr, argv[0].u.s.len, &e) == 0)
		return 0;
	rc = osmo_fn_errorf(ctx, "%s", e.msg ? e.msg : "json error");
	osmo_error_dispose(&e);
	return rc;
}

static int fn_to_toml(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT;
	osmo_error e = { 0 };
	(void)argc;
	if (osmo_toml_write(&b, argv[0], &e) != 0) {
		osmo_buf_clear(&b);
		osmo_buf_puts(&b, e.msg ? e.msg : "");
	}
	osmo_error_dispose(&e);
	*out = take_buf(ctx, &b);
	return 0;
}

static int fn_from_toml(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_error e = { 0 };
	(void)argc;
	if (osmo_toml_parse(out, ctx->arena, argv[0].u.s.ptr, argv[0].u.s.len, &e))
		*out = error_map(ctx, &e);
	osmo_error_dispose(&e);
	return 0;
}

/* Without a cluster (helm template) lookup always finds nothing. */
static int fn_lookup(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	(void)argv;
	*out = osmo_map_new(ctx->arena, 0);
	return 0;
}

/* DNS lookups are off unless --enable-dns. */
static int fn_get_host_by_name(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	*out = osmo_str_ref("", 0);
	return 0;
}

const osmo_func_def osmo_funcs_helm[] = {
	{ "toYaml", "a:s", fn_to_yaml },
	{ "toYamlPretty", "a:s", fn_to_yaml_pretty },
	{ "fromYaml", "s:m", fn_from_yaml },
	{ "fromYamlArray", "s:l", fn_from_yaml_array },
	{ "toJson", "a:s", fn_to_json },
	{ "fromJson", "s:m", fn_from_json },
	{ "fromJsonArray", "s:l", fn_from_json_array },
	{ "toToml", "a:s", fn_to_toml },
	{ "fromToml", "s:m", fn_from_toml },
	{ "lookup", "ssss:me", fn_lookup },
	{ "getHostByName", "s:s", fn_get_host_by_name },
	/* Sprig's, kept by Helm */
	{ "toPrettyJson", "a:s", fn_to_pretty_json },
	{ "toRawJson", "a:s", fn_to_raw_json },
	{ "mustToJson", "a:se", fn_must_to_json },
	{ "mustToPrettyJson", "a:se", fn_must_to_pretty_json },
	{ "mustToRawJson", "a:se", fn_to_raw_json },
	{ "mustFromJson", "s:ae", fn_must_from_json },
	{ NULL, NULL, NULL }
};
