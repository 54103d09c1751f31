/* test_jsonschema.c - keyword-level checks of the gojsonschema-compatible
 * validator.  Every expectation was observed with helm v3.17.2 (a chart
 * whose values.schema.json is the schema below and whose values are the
 * instance) - see testdata/jsonschema/ for whole-chart cases. */
#include "check.h"

#include "osmo/json.h"
#include "osmo/jsonschema.h"
#include "osmo/values_schema.h"

#include <stdlib.h>

static char out[4096];

/* Errors as "field: message" joined by " | ", "ok" when valid, or
 * "!<compile error>". */
static const char *run(const char *schema, const char *instance)
{
	osmo_arena *a = osmo_arena_new();
	osmo_error err = { 0 };
	osmo_jsonschema *s = NULL;
	out[0] = 0;
	if (osmo_jsonschema_compile_json(&s, schema, strlen(schema), 0, &err)) {
		snprintf(out, sizeof out, "!%s", err.msg);
		goto done;
	}
	osmo_value inst;
	if (osmo_json_parse(&inst, a, instance, strlen(instance), &err)) {
		snprintf(out, sizeof out, "bad instance: %s", err.msg);
		goto done;
	}
	osmo_jsonschema_result *r;
	osmo_jsonschema_validate(&r, s, inst);
	size_t n = 0;
	for (size_t i = 0; i < r->count; i++)
		n += (size_t)snprintf(out + n, sizeof out - n, "%s%s: %s", i ? " | " : "", r->errors[i].field,
				      r->errors[i].message);
	if (!r->count)
		strcpy(out, "ok");
	osmo_jsonschema_result_free(r);
done:
	osmo_jsonschema_free(s);
	osmo_error_dispose(&err);
	osmo_arena_free(a);
	return out;
}

static const char *keyword(const char *schema, const char *instance)
{
	osmo_arena *a = osmo_arena_new();
	osmo_error err = { 0 };
	osmo_jsonschema *s = NULL;
	out[0] = 0;
	osmo_value inst;
	if (!osmo_jsonschema_compile_json(&s, schema, strlen(schema), 0, &err) &&
	    !osmo_json_parse(&inst, a, instance, strlen(instance), &err)) {
		osmo_jsonschema_result *r;
		osmo_jsonschema_validate(&r, s, inst);
		snprintf(out, sizeof out, "%s", r->count ? r->errors[0].keyword : "ok");
		osmo_jsonschema_result_free(r);
	}
	osmo_jsonschema_free(s);
	osmo_error_dispose(&err);
	osmo_arena_free(a);
	return out;
}

static void test_types(void)
{
	CHECK_STREQ(run("{\"properties\":{\"replicaCount\":{\"type\":\"integer\"}}}", "{\"replicaCount\":\"3\"}"),
		    "replicaCount: Invalid type. Expected: integer, given: string");
	/* values are float64 in Helm; integral ones are JSON integers */
	CHECK_STREQ(run("{\"properties\":{\"r\":{\"type\":\"integer\"}}}", "{\"r\":3.0}"), "ok");
	CHECK_STREQ(run("{\"properties\":{\"r\":{\"type\":\"integer\"}}}", "{\"r\":1e6}"), "ok");
	CHECK_STREQ(run("{\"properties\":{\"f\":{\"type\":\"integer\"}}}", "{\"f\":2.5}"),
		    "f: Invalid type. Expected: integer, given: number");
	CHECK_STREQ(run("{\"properties\":{\"r\":{\"type\":[\"string\",\"boolean\"]}}}", "{\"r\":1}"),
		    "r: Invalid type. Expected: [string,boolean], given: integer");
	CHECK_STREQ(run("{\"properties\":{\"a\":{\"type\":\"string\"}}}", "{\"a\":null}"),
		    "a: Invalid type. Expected: string, given: null");
	CHECK_STREQ(run("{\"properties\":{\"a\":{\"type\":\"string\"}}}", "{\"a\":{}}"),
		    "a: Invalid type. Expected: string, given: object");
	CHECK_STREQ(run("{\"type\":\"object\"}", "{}"), "ok");
	CHECK_STREQ(run("{\"properties\":{\"a\":{\"type\":\"number\"}}}", "{\"a\":2}"), "ok");
	CHECK_STREQ(run("{\"properties\":{\"a\":{\"type\":\"array\"}}}", "{\"a\":true}"),
		    "a: Invalid type. Expected: array, given: boolean");
	CHECK_STREQ(keyword("{\"properties\":{\"a\":{\"type\":\"array\"}}}", "{\"a\":true}"), "invalid_type");
	CHECK_STREQ(run("true", "{\"a\":1}"), "ok");
	CHECK_STREQ(run("false", "{}"), "(root): False always fails validation");
}

static void test_objects(void)
{
	const char *s = "{\"required\":[\"zz\",\"name\",\"aa\"],\"additionalProperties\":false,"
			"\"properties\":{\"a\":{\"type\":\"string\"},\"name\":{\"type\":\"integer\"}}}";
	CHECK_STREQ(run(s, "{\"a\":1,\"name\":\"x\",\"x\":1}"),
		    "(root): zz is required | (root): aa is required | (root): Additional property x is not allowed | "
		    "a: Invalid type. Expected: string, given: integer | name: Invalid type. Expected: integer, given: string");
	CHECK_STREQ(keyword(s, "{\"name\":1,\"zz\":1,\"aa\":1,\"x\":1}"), "additional_property_not_allowed");
	CHECK_STREQ(run("{\"required\":[\"name\"]}", "{\"other\":1}"), "(root): name is required");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"minProperties\":3}}}", "{\"obj\":{\"a\":1}}"),
		    "obj: Must have at least 3 properties");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"maxProperties\":1}}}", "{\"obj\":{\"a\":1,\"b\":2}}"),
		    "obj: Must have at most 1 properties");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"additionalProperties\":{\"type\":\"boolean\"}}}}",
			"{\"obj\":{\"a\":1}}"),
		    "obj.a: Invalid type. Expected: boolean, given: integer");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"patternProperties\":{\"^a$\":{\"type\":\"string\"},\"b\":{\"type\":\"integer\"}},"
			"\"additionalProperties\":false}}}",
			"{\"obj\":{\"a\":1,\"b\":\"x\"}}"),
		    "obj.a: Invalid type. Expected: string, given: integer | obj.b: Invalid type. Expected: integer, given: string");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"propertyNames\":{\"maxLength\":0}}}}", "{\"obj\":{\"a\":1}}"),
		    "obj: Property name of \"a\" does not match | obj: String length must be less than or equal to 0");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"dependencies\":{\"a\":[\"q\",\"r\"],\"b\":{\"required\":[\"s\"]}}}}}",
			"{\"obj\":{\"a\":1,\"b\":\"x\"}}"),
		    "obj: Has a dependency on q | obj: Has a dependency on r | obj: s is required");
	CHECK_STREQ(run("{\"properties\":{\"image\":{\"properties\":{\"tag\":{\"type\":\"string\"}}}}}",
			"{\"image\":{\"tag\":1}}"),
		    "image.tag: Invalid type. Expected: string, given: integer");
}

static void test_values(void)
{
	CHECK_STREQ(run("{\"properties\":{\"mode\":{\"enum\":[\"dev\",\"prod\",3,null]}}}", "{\"mode\":\"staging\"}"),
		    "mode: mode must be one of the following: \"dev\", \"prod\", 3, null");
	CHECK_STREQ(run("{\"properties\":{\"mode\":{\"enum\":[\"dev\",3]}}}", "{\"mode\":3.0}"), "ok");
	CHECK_STREQ(run("{\"properties\":{\"name\":{\"enum\":[\"a\",1,null,{\"x\":\"<\"}]}}}", "{\"name\":\"x\"}"),
		    "name: name must be one of the following: \"a\", 1, null, {\"x\":\"\\u003c\"}");
	CHECK_STREQ(run("{\"properties\":{\"name\":{\"const\":{\"x\":\"<\"}}}}", "{\"name\":\"x\"}"),
		    "name: name does not match: {\"x\":\"\\u003c\"}");
	CHECK_STREQ(run("{\"enum\":[1]}", "{}"), "(root): (root) must be one of the following: 1");
	CHECK_STREQ(keyword("{\"properties\":{\"name\":{\"const\":1}}}", "{\"name\":2}"), "const");
}

static void test_numbers(void)
{
	CHECK_STREQ(run("{\"properties\":{\"r\":{\"maximum\":1000000,\"minimum\":2}}}", "{\"r\":1}"),
		    "r: Must be greater than or equal to 2");
	CHECK_STREQ(run("{\"properties\":{\"r\":{\"maximum\":10}}}", "{\"r\":30}"),
		    "r: Must be less than or equal to 10");
	CHECK_STREQ(run("{\"properties\":{\"num\":{\"type\":\"integer\",\"maximum\":10}}}", "{\"num\":1e6}"),
		    "num: Must be less than or equal to 10");
	CHECK_STREQ(run("{\"properties\":{\"r\":{\"exclusiveMinimum\":1}}}", "{\"r\":0.35}"), "r: Must be greater than 1");
	CHECK_STREQ(run("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"properties\":{\"n\":{\"minimum\":5,"
			"\"exclusiveMinimum\":true}}}",
			"{\"n\":5}"),
		    "n: Must be greater than 5");
	CHECK_STREQ(run("{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"properties\":{\"n\":{\"exclusiveMaximum\":5}}}",
			"{\"n\":5}"),
		    "n: Must be less than 5");
	CHECK_STREQ(run("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"properties\":{\"r\":{\"exclusiveMinimum\":1}}}",
			"{}"),
		    "!Invalid type. Expected: boolean, given: exclusiveMinimum");
	CHECK_STREQ(run("{\"properties\":{\"a\":{\"multipleOf\":0.1}}}", "{\"a\":0.3}"), "ok");
	CHECK_STREQ(run("{\"properties\":{\"b\":{\"multipleOf\":0.1}}}", "{\"b\":0.35}"), "b: Must be a multiple of 0.1");
	CHECK_STREQ(run("{\"properties\":{\"r\":{\"multipleOf\":0.05}}}", "{\"r\":0.35}"), "ok");
	CHECK_STREQ(run("{\"properties\":{\"r\":{\"multipleOf\":0.3}}}", "{\"r\":0.9}"), "ok");
	CHECK_STREQ(keyword("{\"properties\":{\"r\":{\"maximum\":10}}}", "{\"r\":30}"), "number_lte");
}

static void test_strings(void)
{
	CHECK_STREQ(run("{\"properties\":{\"s\":{\"minLength\":3,\"maxLength\":4}}}", "{\"s\":\"h\\u00e9\\u00e9\"}"), "ok");
	CHECK_STREQ(run("{\"properties\":{\"name\":{\"minLength\":3}}}", "{\"name\":\"\\u00e9\"}"),
		    "name: String length must be greater than or equal to 3");
	CHECK_STREQ(run("{\"properties\":{\"name\":{\"pattern\":\"^[a-z]+$\",\"format\":\"hostname\"}}}", "{\"name\":\"A_b\"}"),
		    "name: Does not match pattern '^[a-z]+$' | name: Does not match format 'hostname'");
	CHECK_STREQ(run("{\"properties\":{\"t\":{\"pattern\":\"^v[0-9]+$\"}}}", "{\"t\":\"latest\"}"),
		    "t: Does not match pattern '^v[0-9]+$'");
	CHECK_STREQ(run("{\"properties\":{\"t\":{\"pattern\":\"[0-9]\"}}}", "{\"t\":\"v1\"}"), "ok"); /* unanchored */
	CHECK_STREQ(keyword("{\"properties\":{\"t\":{\"maxLength\":1}}}", "{\"t\":\"ab\"}"), "string_lte");
}

static void test_formats(void)
{
	const char *s = "{\"properties\":{\"h\":{\"format\":\"hostname\"},\"e\":{\"format\":\"email\"},"
			"\"d\":{\"format\":\"date-time\"},\"u\":{\"format\":\"uuid\"},\"ip\":{\"format\":\"ipv4\"},"
			"\"n\":{\"type\":\"integer\",\"format\":\"int32\"}}}";
	CHECK_STREQ(run(s, "{\"h\":\"bad_host\",\"e\":\"a@b.c\",\"d\":\"2024-01-02T03:04:05Z\","
			   "\"u\":\"123e4567-e89b-12d3-a456-426614174000\",\"ip\":\"10.0.0.1\",\"n\":5}"),
		    "h: Does not match format 'hostname'");
	CHECK_STREQ(run(s, "{\"h\":\"a.b-c\",\"ip\":\"::1\"}"), "ip: Does not match format 'ipv4'");
	CHECK_STREQ(run(s, "{\"d\":\"2024-01-02\"}"), "ok");
	CHECK_STREQ(run(s, "{\"d\":\"yesterday\"}"), "d: Does not match format 'date-time'");
	CHECK_STREQ(run(s, "{\"e\":\"nope\"}"), "e: Does not match format 'email'");
	CHECK_STREQ(run(s, "{\"u\":\"123E4567-E89B-12D3-A456-426614174000\"}"), "u: Does not match format 'uuid'");
	CHECK_STREQ(run(s, "{\"n\":5000000000}"), "ok"); /* unknown to gojsonschema */
}

static void test_arrays(void)
{
	const char *s = "{\"properties\":{\"list\":{\"uniqueItems\":true,\"maxItems\":2,\"minItems\":10,"
			"\"items\":{\"type\":\"integer\"}}}}";
	CHECK_STREQ(run(s, "{\"list\":[1,2,1,\"a\",\"a\",1]}"),
		    "list.3: Invalid type. Expected: integer, given: string | list.4: Invalid type. Expected: integer, given: string | "
		    "list: Array must have at least 10 items | list: Array must have at most 2 items | "
		    "list: array items[0,2] must be unique | list: array items[3,4] must be unique | "
		    "list: array items[2,5] must be unique");
	CHECK_STREQ(run("{\"properties\":{\"list\":{\"items\":[{\"type\":\"integer\"},{\"type\":\"string\"}],"
			"\"additionalItems\":false}}}",
			"{\"list\":[1,2,1]}"),
		    "list.1: Invalid type. Expected: string, given: integer | list: No additional items allowed on array");
	CHECK_STREQ(run("{\"properties\":{\"list\":{\"items\":[{\"type\":\"integer\"}],\"additionalItems\":{\"type\":\"string\"}}}}",
			"{\"list\":[1,2,\"x\"]}"),
		    "list.1: Invalid type. Expected: string, given: integer");
	CHECK_STREQ(run("{\"properties\":{\"list\":{\"contains\":{\"type\":\"boolean\"}}}}", "{\"list\":[1]}"),
		    "list: At least one of the items must match | list.0: Invalid type. Expected: boolean, given: integer");
	CHECK_STREQ(run("{\"properties\":{\"list\":{\"contains\":{\"type\":\"boolean\"}}}}", "{\"list\":[1,true]}"), "ok");
}

static void test_combinators(void)
{
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"anyOf\":[{\"properties\":{\"a\":{\"type\":\"string\"}}},{\"required\":[\"c\",\"d\"]}]}}}",
			"{\"obj\":{\"a\":1}}"),
		    "obj: Must validate at least one schema (anyOf) | obj.a: Invalid type. Expected: string, given: integer");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"oneOf\":[{\"type\":\"object\"},{\"required\":[\"a\"]}]}}}", "{\"obj\":{\"a\":1}}"),
		    "obj: Must validate one and only one schema (oneOf)");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"oneOf\":[{\"type\":\"object\"},{\"required\":[\"a\"]}]}}}", "{\"obj\":{}}"), "ok");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"type\":\"object\",\"required\":[\"q\"],\"enum\":[1],"
			"\"allOf\":[{\"required\":[\"c\"]}],\"minProperties\":5}}}",
			"{\"obj\":{\"a\":1}}"),
		    "obj: c is required | obj: Must validate all the schemas (allOf) | obj: Must have at least 5 properties | "
		    "obj: q is required | obj: obj must be one of the following: 1");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"not\":{\"required\":[\"a\"]}}}}", "{\"obj\":{\"a\":1}}"),
		    "obj: Must not validate the schema (not)");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"if\":{\"required\":[\"a\"]},\"then\":{\"required\":[\"z\"]},"
			"\"else\":{\"required\":[\"y\"]}}}}",
			"{\"obj\":{\"a\":1}}"),
		    "obj: Must validate \"then\" as \"if\" was valid | obj: z is required");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"if\":{\"required\":[\"a\"]},\"then\":{\"required\":[\"z\"]},"
			"\"else\":{\"required\":[\"y\"]}}}}",
			"{\"obj\":{}}"),
		    "obj: Must validate \"else\" as \"if\" was not valid | obj: y is required");
	/* draft-06 has no if/then/else */
	CHECK_STREQ(run("{\"$schema\":\"http://json-schema.org/draft-06/schema#\",\"properties\":{\"obj\":{\"if\":"
			"{\"required\":[\"a\"]},\"then\":{\"required\":[\"zz\"]}}}}",
			"{\"obj\":{\"a\":1}}"),
		    "ok");
}

static void test_refs(void)
{
	CHECK_STREQ(run("{\"definitions\":{\"port\":{\"type\":\"integer\",\"maximum\":65535}},\"properties\":{\"http\":"
			"{\"$ref\":\"#/definitions/port\"},\"https\":{\"$ref\":\"#/definitions/port\"}}}",
			"{\"http\":80,\"https\":70000}"),
		    "https: Must be less than or equal to 65535");
	CHECK_STREQ(run("{\"$defs\":{\"x\":{\"type\":\"string\"}},\"properties\":{\"obj\":{\"$ref\":\"#/$defs/x\"}}}", "{\"obj\":{}}"),
		    "obj: Invalid type. Expected: string, given: object");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"$ref\":\"#/definitions/a%20b\"}},\"definitions\":{\"a b\":{\"type\":\"string\"}}}",
			"{\"obj\":{}}"),
		    "obj: Invalid type. Expected: string, given: object");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"$ref\":\"#/definitions/a~1b\"}},\"definitions\":{\"a/b\":{\"type\":\"string\"}}}",
			"{\"obj\":{}}"),
		    "obj: Invalid type. Expected: string, given: object");
	CHECK_STREQ(run("{\"type\":\"object\",\"properties\":{\"obj\":{\"$ref\":\"#\"}}}", "{\"obj\":{\"obj\":{}}}"), "ok");
	CHECK_STREQ(run("{\"type\":\"object\",\"properties\":{\"obj\":{\"$ref\":\"#\"}}}", "{\"obj\":{\"obj\":1}}"),
		    "obj.obj: Invalid type. Expected: object, given: integer");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"$ref\":\"#/definitions/nope\"}}}", "{}"), "!Object has no key 'definitions'");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"$ref\":\"#/properties/obj/x/0\"}}}", "{}"), "!Object has no key 'x'");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"$ref\":\"other.json\"}}}", "{}"), "!Reference /other.json must be canonical");
}

static void test_compile_errors(void)
{
	CHECK_STREQ(run("{\"type\":\"object\",", "{}"), "!unexpected EOF");
	CHECK_STREQ(run("", "{}"), "!EOF");
	CHECK_STREQ(run("  \n", "{}"), "!EOF");
	CHECK_STREQ(run("{\"type\":\"object\"} xx", "{}"), "ok"); /* json.Decoder stops after one value */
	CHECK_STREQ(run("{\"type\":\"object\" xx", "{}"), "!invalid character 'x' after object key:value pair");
	CHECK_STREQ(run("[1]", "{}"), "!schema is invalid");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"type\":\"strin\"}}}", "{}"),
		    "!has a primitive type that is NOT VALID -- given: /strin/ Expected valid values are:[array boolean integer number null object string]");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"type\":[\"string\",\"string\"]}}}", "{}"), "!string type is duplicated");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"type\":5}}}", "{}"), "!Invalid type. Expected: string/array of strings, given: type");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"required\":\"x\"}}}", "{}"), "!required must be of an array");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"pattern\":\"(?=x)\"}}}", "{}"), "!pattern must be a valid regex");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"patternProperties\":{\"(?=x)\":{}}}}}", "{}"), "!Invalid regex pattern '(?=x)'");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"enum\":[1,1.0]}}}", "{}"), "!enum items must be unique");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"minLength\":-1}}}", "{}"), "!minLength must be greater than or equal to 0");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"minLength\":1.5}}}", "{}"), "!minLength must be of an integer");
	CHECK_STREQ(run("{\"properties\":{\"name\":{\"minLength\":3,\"maxLength\":2}}}", "{}"), "!minLength cannot be greater than maxLength");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"minProperties\":3,\"maxProperties\":1}}}", "{}"),
		    "!minProperties cannot be greater than maxProperties");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"items\":5}}}", "{}"), "!Invalid type. Expected: valid schema/array of schemas, given: items");
	CHECK_STREQ(run("{\"properties\":{\"obj\":{\"allOf\":5}}}", "{}"), "!anyOf must be of an array");
	CHECK_STREQ(run("{\"properties\":{\"obj\":5}}", "{}"), "!Expected: valid schema, given: Invalid JSON");
	CHECK_STREQ(run("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"properties\":{\"obj\":true}}", "{}"),
		    "!Expected: valid schema, given: Invalid JSON");
}

static void test_values_schema(void)
{
	osmo_arena *a = osmo_arena_new();
	osmo_error err = { 0 };
	osmo_value v;
	const char *inst = "{\"replicas\":30,\"mode\":\"staging\"}";
	osmo_json_parse(&v, a, inst, strlen(inst), &err);
	const char *schema = "{\"properties\":{\"replicas\":{\"maximum\":10},\"mode\":{\"enum\":[\"dev\",\"prod\"]}}}";
	CHECK(osmo_values_schema_check(schema, strlen(schema), v, &err) == OSMO_ERROR);
	CHECK_STREQ(err.msg, "- mode: mode must be one of the following: \"dev\", \"prod\"\n"
			     "- replicas: Must be less than or equal to 10\n");
	osmo_error_dispose(&err);
	CHECK(osmo_values_schema_check("{\"type\":\"object\"", 16, v, &err) == OSMO_ERROR);
	CHECK_STREQ(err.msg, "unexpected EOF");
	osmo_error_dispose(&err);
	/* --set integers are int64 */
	osmo_value m = osmo_map_new(a, 1);
	osmo_map_setc(a, m.u.map, "replicas", osmo_int64(0));
	schema = "{\"properties\":{\"replicas\":{\"type\":\"integer\",\"minimum\":1}}}";
	CHECK(osmo_values_schema_check(schema, strlen(schema), m, &err) == OSMO_ERROR);
	CHECK_STREQ(err.msg, "- replicas: Must be greater than or equal to 1\n");
	osmo_error_dispose(&err);
	CHECK(osmo_values_schema_check(schema, strlen(schema), osmo_null(), &err) == 0);
	osmo_arena_free(a);
}

int main(void)
{
	test_types();
	test_objects();
	test_values();
	test_numbers();
	test_strings();
	test_formats();
	test_arrays();
	test_combinators();
	test_refs();
	test_compile_errors();
	test_values_schema();
	return CHECK_DONE();
}
