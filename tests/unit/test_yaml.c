/* test_yaml.c - YAML loading (sigs.k8s.io/yaml semantics) and toYaml /
 * toYamlPretty output.  Expected texts were produced by helm v3.17.2
 * (`{{ .Values | toJson }}`, `toYaml`, `toYamlPretty` on the same input). */
#include "osmo/json.h"
#include "osmo/yaml.h"

#include "check.h"

static osmo_arena *A;

/* values.yaml text -> toJson of the loaded map (or "ERR: msg") */
static const char *load_json(const char *y)
{
	static char out[4096];
	osmo_error err = { 0 };
	osmo_value v;
	osmo_buf b = OSMO_BUF_INIT;
	if (osmo_yaml_load(&v, A, y, strlen(y), "values.yaml", OSMO_YAML_WANT_MAP, &err))
		snprintf(out, sizeof out, "ERR: %s", err.msg);
	else if (osmo_json_write(&b, v, 0, &err))
		snprintf(out, sizeof out, "JSONERR: %s", err.msg);
	else
		snprintf(out, sizeof out, "%s", osmo_buf_cstr(&b));
	osmo_buf_dispose(&b);
	osmo_error_dispose(&err);
	return out;
}

/* values.yaml text -> toYaml (pretty: toYamlPretty) of the loaded map */
static const char *roundtrip(const char *y, bool pretty)
{
	static char out[8192];
	osmo_error err = { 0 };
	osmo_value v;
	osmo_buf b = OSMO_BUF_INIT;
	if (osmo_yaml_load(&v, A, y, strlen(y), NULL, OSMO_YAML_WANT_MAP, &err))
		snprintf(out, sizeof out, "ERR: %s", err.msg);
	else if ((pretty ? osmo_yaml_write_pretty : osmo_yaml_write)(&b, v, &err))
		snprintf(out, sizeof out, "WERR: %s", err.msg);
	else
		snprintf(out, sizeof out, "%s", osmo_buf_cstr(&b));
	osmo_buf_dispose(&b);
	osmo_error_dispose(&err);
	return out;
}

static void test_load(void)
{
	CHECK_STREQ(load_json("a: [1, 2.5, \"x\", yes, No, ~, null, 0o17, 0x1F, 017, 08, 1_000, 1e3, .5, +12, 2001-12-14]"),
		    "{\"a\":[1,2.5,\"x\",true,false,null,null,15,31,15,8,1000,1000,0.5,12,\"2001-12-14\"]}");
	CHECK_STREQ(load_json("c: {on: 1, off: 2, Y: 3, n: 4, 1: 5, 1.5: 6, 0.1: 7, 3.14159265358979: 8, 1e20: 9}"),
		    "{\"c\":{\"0.1\":7,\"1\":5,\"1.5\":6,\"1e+20\":9,\"3.1415927\":8,\"false\":4,\"true\":3}}");
	CHECK_STREQ(load_json("e: !!binary aGVsbG8=\nf: 12345678901234567\ng: 18446744073709551615\nh: 0.0000001\ni: 1e21\nj: -0"),
		    "{\"e\":\"hello\",\"f\":12345678901234568,\"g\":18446744073709552000,\"h\":1e-7,\"i\":1e+21,\"j\":0}");
	CHECK_STREQ(load_json("a: 1\na: 2"), "{\"a\":2}");
	CHECK_STREQ(load_json("a: &x {b: 1}\nc:\n  <<: *x\n  b: 2\nd:\n  b: 3\n  <<: *x"),
		    "{\"a\":{\"b\":1},\"c\":{\"b\":2},\"d\":{\"b\":1}}");
	CHECK_STREQ(load_json("x: 1\n---\ny: ["), "{\"x\":1}");
	CHECK_STREQ(load_json(""), "{}");
	CHECK_STREQ(load_json("a: !!float 1\nb: !!bool yes\nc: !!str 12\ne: !!timestamp 2001-01-01\nf: !foo 12"),
		    "{\"a\":1,\"b\":true,\"c\":\"12\",\"e\":\"2001-01-01\",\"f\":\"12\"}");
}

static void test_load_errors(void)
{
	CHECK_STREQ(load_json("a: b\n c: d"),
		    "ERR: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context");
	CHECK_STREQ(load_json("a: [1, 2"),
		    "ERR: error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'");
	CHECK_STREQ(load_json("a:\n\t- b"),
		    "ERR: error converting YAML to JSON: yaml: line 2: found character that cannot start any token");
	CHECK_STREQ(load_json("a: *foo"), "ERR: error converting YAML to JSON: yaml: unknown anchor 'foo' referenced");
	CHECK_STREQ(load_json("a: !!int abc"),
		    "ERR: error converting YAML to JSON: yaml: cannot decode !!str `abc` as a !!int");
	CHECK_STREQ(load_json("~: g"),
		    "ERR: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: \"g\"");
	CHECK_STREQ(load_json("a: .inf"), "ERR: error converting YAML to JSON: json: unsupported value: +Inf");
	CHECK_STREQ(load_json("- a"),
		    "ERR: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}");
	CHECK_STREQ(load_json("a: &a [*a]"), "ERR: error converting YAML to JSON: yaml: anchor 'a' value contains itself");
	CHECK_STREQ(load_json("[1, 2]: x"), "ERR: error converting YAML to JSON: yaml: invalid map key: []interface {}{1, 2}");
	CHECK_STREQ(load_json("a: !!null x"), "ERR: error converting YAML to JSON: yaml: cannot decode !!str `x` as a !!null");
}

static void test_locate(void)
{
	osmo_yaml_doc d;
	osmo_error err = { 0 };
	int line = 0, col = 0;
	const char *y = "a:\n  b:\n    - x\n    - c: 1\n";
	CHECK(osmo_yaml_load_doc(&d, A, y, strlen(y), NULL, OSMO_YAML_WANT_MAP, &err) == 0);
	CHECK(osmo_yaml_locate(&d, "a.b[1].c", &line, &col) && line == 4 && col == 7);
	CHECK(osmo_yaml_locate(&d, "a.b", &line, &col) && line == 2 && col == 3);
	CHECK(!osmo_yaml_locate(&d, "a.z", &line, &col));
	osmo_error_dispose(&err);
}

static void test_write(void)
{
	CHECK_STREQ(roundtrip("s: [\"true\", \"yes\", \"n\", \"~\", \"1.0\", \"012\", \"2001-12-14\", \"\", \" lead\", \"- x\", \"#x\", \"a #b\", \"it's\", \"tab\\there\", \"nl\\n\", \"nl\\nx\", \"\\U0001F680\"]", false),
		    "s:\n- \"true\"\n- \"yes\"\n- \"n\"\n- \"~\"\n- \"1.0\"\n- \"012\"\n- \"2001-12-14\"\n- \"\"\n- ' lead'\n- '- x'\n- '#x'\n- 'a #b'\n"
		    "- it's\n- \"tab\\there\"\n- |\n  nl\n- |-\n  nl\n  x\n- \"\\U0001F680\"\n");
	CHECK_STREQ(roundtrip("n: [1000000, 1.5, 1e21, 0.0000001, 1e20, 1.8e19, 100000.5, 1234567.5, -0.0]", false),
		    "\"false\":\n- 1000000\n- 1.5\n- 1e+21\n- 1e-07\n- 1e+20\n- 18000000000000000000\n- 100000.5\n- 1.2345675e+06\n- 0\n");
	CHECK_STREQ(roundtrip("a: {}\nb: []\nc: [[1, [2]], {d: []}, null]\n\"10\": x\n\"2\": y\n_u: z\nZed: 1\na9: 2\na10: 3", false),
		    "_u: z\n\"2\": true\n\"10\": x\nZed: 1\na: {}\na9: 2\na10: 3\nb: []\nc:\n- - 1\n  - - 2\n- d: []\n- null\n");
	CHECK_STREQ(roundtrip("l: \"word word word word word word word word word word word word word word word word word word word\"", false),
		    "l: word word word word word word word word word word word word word word word word\n  word word word\n");
	CHECK_STREQ(roundtrip("m: {n: [1, {o: 2}], p: 1000000}", true),
		    "m:\n  \"false\":\n    - 1\n    - o: 2\n  p: 1e+06\n");
}

int main(void)
{
	A = osmo_arena_new();
	test_load();
	test_load_errors();
	test_locate();
	test_write();
	osmo_arena_free(A);
	return CHECK_DONE();
}
