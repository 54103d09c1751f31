/* test_json.c - encoding/json Marshal/Unmarshal behaviour (toJson,
 * toPrettyJson, toRawJson, fromJson); expectations from helm v3.17.2. */
#include "osmo/json.h"

#include <math.h>

#include "check.h"

static osmo_arena *A;

static const char *enc(osmo_value v, unsigned flags)
{
	static char out[4096];
	osmo_buf b = OSMO_BUF_INIT;
	osmo_error err = { 0 };
	if (osmo_json_write(&b, v, flags, &err))
		snprintf(out, sizeof out, "ERR: %s", err.msg);
	else
		snprintf(out, sizeof out, "%s", osmo_buf_cstr(&b));
	osmo_buf_dispose(&b);
	osmo_error_dispose(&err);
	return out;
}

/* fromJson-style parse, re-encoded; errors as "ERR: msg" */
static const char *dec(const char *s, unsigned flags)
{
	static char out[4096];
	osmo_value v;
	osmo_error err = { 0 };
	if (osmo_json_parse_as(&v, A, s, strlen(s), flags, &err))
		snprintf(out, sizeof out, "ERR: %s", err.msg);
	else
		snprintf(out, sizeof out, "%s", enc(v, 0));
	osmo_error_dispose(&err);
	return out;
}

static void test_write(void)
{
	osmo_value m = osmo_map_new(A, 0), l = osmo_list_new(A, 0), n = osmo_map_new(A, 0);
	osmo_map_setc(A, m.u.map, "a", osmo_cstring(A, "<>&"));
	osmo_map_setc(A, m.u.map, "b", osmo_float(1.5));
	osmo_map_setc(A, m.u.map, "c", osmo_float(1000000.0));
	osmo_map_setc(A, m.u.map, "d", osmo_float(0.0000001));
	osmo_map_setc(A, m.u.map, "e", osmo_float(1e21));
	osmo_list_push(A, l.u.list, osmo_int(1));
	osmo_list_push(A, l.u.list, osmo_cstring(A, "x"));
	osmo_list_push(A, l.u.list, osmo_null());
	osmo_list_push(A, l.u.list, osmo_bool(true));
	osmo_map_setc(A, m.u.map, "f", l);
	osmo_map_setc(A, m.u.map, "g", osmo_cstring(A, "\xE2\x80\xA8\x01\f\x7f"));
	CHECK_STREQ(enc(m, 0),
		    "{\"a\":\"\\u003c\\u003e\\u0026\",\"b\":1.5,\"c\":1000000,\"d\":1e-7,\"e\":1e+21,"
		    "\"f\":[1,\"x\",null,true],\"g\":\"\\u2028\\u0001\\f\x7f\"}");
	CHECK_STREQ(enc(osmo_cstring(A, "<>&"), OSMO_JSON_RAW), "\"<>&\"");
	CHECK_STREQ(enc(osmo_float(NAN), 0), "ERR: json: unsupported value: NaN");

	osmo_map_setc(A, n.u.map, "b", l);
	m = osmo_map_new(A, 0);
	osmo_map_setc(A, m.u.map, "a", n);
	osmo_map_setc(A, m.u.map, "e", osmo_list_new(A, 0));
	osmo_map_setc(A, m.u.map, "m", osmo_map_new(A, 0));
	CHECK_STREQ(enc(m, OSMO_JSON_INDENT),
		    "{\n  \"a\": {\n    \"b\": [\n      1,\n      \"x\",\n      null,\n      true\n    ]\n  },\n"
		    "  \"e\": [],\n  \"m\": {}\n}");
	CHECK_STREQ(enc(osmo_cstring(A, "a\tb"), OSMO_JSON_INDENT), "\"a\\tb\"");
}

static void test_parse(void)
{
	CHECK_STREQ(dec("{\"a\": [1, 2.5, \"x\"], \"b\": null}", OSMO_JSON_WANT_MAP), "{\"a\":[1,2.5,\"x\"],\"b\":null}");
	CHECK_STREQ(dec("[1", OSMO_JSON_WANT_MAP), "ERR: unexpected end of JSON input");
	CHECK_STREQ(dec("[1]", OSMO_JSON_WANT_MAP),
		    "ERR: json: cannot unmarshal array into Go value of type map[string]interface {}");
	CHECK_STREQ(dec("{\"a\":1} x", OSMO_JSON_WANT_MAP), "ERR: invalid character 'x' after top-level value");
	CHECK_STREQ(dec("{\"a\" 1}", OSMO_JSON_WANT_MAP), "ERR: invalid character '1' after object key");
	CHECK_STREQ(dec("{a:1}", OSMO_JSON_WANT_MAP),
		    "ERR: invalid character 'a' looking for beginning of object key string");
	CHECK_STREQ(dec("tru", OSMO_JSON_WANT_MAP), "ERR: invalid character ' ' in literal true (expecting 'e')");
	CHECK_STREQ(dec("trux", OSMO_JSON_WANT_MAP), "ERR: invalid character 'x' in literal true (expecting 'e')");
	CHECK_STREQ(dec("1.", OSMO_JSON_WANT_LIST), "ERR: invalid character ' ' after decimal point in numeric literal");
	CHECK_STREQ(dec("{}", OSMO_JSON_WANT_LIST),
		    "ERR: json: cannot unmarshal object into Go value of type []interface {}");
	CHECK_STREQ(dec("[1, {\"b\": \"\\u00e9\\ud83d\\ude80\"}]", OSMO_JSON_WANT_LIST),
		    "[1,{\"b\":\"\xC3\xA9\xF0\x9F\x9A\x80\"}]");
}

int main(void)
{
	A = osmo_arena_new();
	test_write();
	test_parse();
	osmo_arena_free(A);
	return CHECK_DONE();
}
