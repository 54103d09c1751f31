/* test_funcs_semver.c - semver / semverCompare (Masterminds/semver v3.3.0)
 * against results and error texts taken from the reference helm 3.17.2. */
#include "osmo/funcs.h"
#include "check.h"

#include "sprig_harness.h"

static const tcase cases[] = {
	{ "semverCompare", "\">=1.19-0\" \"v1.32.0\"", "true" },
	{ "semverCompare", "\">=1.19-0\" \"v1.18.5\"", "false" },
	{ "semverCompare", "\">=1.19-0\" \"v1.19.0-rc.1\"", "true" },
	{ "semverCompare", "\">=1.19\" \"v1.19.0-rc.1\"", "false" },
	{ "semverCompare", "\"<1.19-0\" \"v1.18.20-gke.100\"", "true" },
	{ "semverCompare", "\">=1.16-0, <1.19-0\" \"1.18.3\"", "true" },
	{ "semverCompare", "\">= 1.16-0 < 1.19-0\" \"1.20.3\"", "false" },
	{ "semverCompare", "\"^1.2.3\" \"1.9.0\"", "true" },
	{ "semverCompare", "\"^1.2.3\" \"2.0.0\"", "false" },
	{ "semverCompare", "\"^0.2.3\" \"0.2.9\"", "true" },
	{ "semverCompare", "\"^0.2.3\" \"0.3.0\"", "false" },
	{ "semverCompare", "\"^0.0.3\" \"0.0.3\"", "true" },
	{ "semverCompare", "\"^0.0.3\" \"0.0.4\"", "false" },
	{ "semverCompare", "\"^0.0\" \"0.0.4\"", "true" },
	{ "semverCompare", "\"^0\" \"0.5.0\"", "true" },
	{ "semverCompare", "\"~1.2.3\" \"1.2.9\"", "true" },
	{ "semverCompare", "\"~1.2.3\" \"1.3.0\"", "false" },
	{ "semverCompare", "\"~1\" \"1.9.0\"", "true" },
	{ "semverCompare", "\"~1.x\" \"1.9.0\"", "true" },
	{ "semverCompare", "\"1.2.x\" \"1.2.7\"", "true" },
	{ "semverCompare", "\"1.2.x\" \"1.3.0\"", "false" },
	{ "semverCompare", "\"1.2\" \"1.2.5\"", "true" },
	{ "semverCompare", "\"*\" \"1.2.5\"", "true" },
	{ "semverCompare", "\"*\" \"1.2.5-beta\"", "false" },
	{ "semverCompare", "\"x\" \"0.0.0\"", "true" },
	{ "semverCompare", "\"=1.2.3\" \"1.2.3\"", "true" },
	{ "semverCompare", "\"1.2.3\" \"v1.2.3\"", "true" },
	{ "semverCompare", "\"!=1.2.3\" \"1.2.4\"", "true" },
	{ "semverCompare", "\"!=1.2.3\" \"1.2.3\"", "false" },
	{ "semverCompare", "\"!=1.2.x\" \"1.2.3\"", "false" },
	{ "semverCompare", "\"!=1.x\" \"2.0.0\"", "true" },
	{ "semverCompare", "\">1.2\" \"1.2.9\"", "false" },
	{ "semverCompare", "\">1.2\" \"1.3.0\"", "true" },
	{ "semverCompare", "\">1.x\" \"1.9.0\"", "false" },
	{ "semverCompare", "\">1.x\" \"2.0.0\"", "true" },
	{ "semverCompare", "\"<=1.2\" \"1.2.9\"", "true" },
	{ "semverCompare", "\"<=1.2\" \"1.3.0\"", "false" },
	{ "semverCompare", "\"<=1.x\" \"1.9.0\"", "true" },
	{ "semverCompare", "\"=<1.2.3\" \"1.2.3\"", "true" },
	{ "semverCompare", "\"=>1.2.3\" \"1.2.3\"", "true" },
	{ "semverCompare", "\"~>1.2\" \"1.2.9\"", "true" },
	{ "semverCompare", "\"1.2 - 1.4.5\" \"1.4.5\"", "true" },
	{ "semverCompare", "\"1.2 - 1.4.5\" \"1.4.6\"", "false" },
	{ "semverCompare", "\"1.0 - 2.0 || >=3.0\" \"3.1.0\"", "true" },
	{ "semverCompare", "\"<1.0 || >=2.0\" \"1.5.0\"", "false" },
	{ "semverCompare", "\">1.0.0-alpha\" \"1.0.0-beta\"", "true" },
	{ "semverCompare", "\">1.0.0-beta.2\" \"1.0.0-beta.11\"", "true" },
	{ "semverCompare", "\">1.0.0-alpha.1\" \"1.0.0-alpha.beta\"", "true" },
	{ "semverCompare", "\">=1.0.0-rc.1\" \"1.0.0\"", "true" },
	{ "semverCompare", "\">= 1.2.3\" \"1.2.3+build\"", "true" },
	{ "semverCompare", "\">=1.2.3+meta\" \"1.2.3\"", "true" },
	{ "semverCompare", "\"\" \"1.2.3\"", "ERR:improper constraint: " },
	{ "semverCompare", "\"foo\" \"1.2.3\"", "ERR:improper constraint: foo" },
	{ "semverCompare", "\">=1.2.3 ||\" \"1.2.3\"", "ERR:improper constraint: " },
	{ "semverCompare", "\">=1.2.3\" \"foo\"", "ERR:Invalid Semantic Version" },
	{ "semverCompare", "\">=1.2.3\" \"\"", "ERR:Invalid Semantic Version" },
	{ "semverCompare", "\">=1.2.3\" \"1.2.3.4\"", "ERR:Invalid Semantic Version" },
	{ "semverCompare", "\">=1.2|3\" \"1.2.3\"", "ERR:constraint Parser Error" },
	{ "semverCompare", "\">=01.2.3\" \"1.2.3\"", "true" },
	{ "semverCompare", "\">= 1.2.3,<2\" \"1.5.0\"", "true" },
	{ "semverCompare", "\">1.2.3 <1.2.5\" \"1.2.4\"", "true" },
	{ "semverCompare", "\"  >1.2.3  \" \"1.2.4\"", "true" },
	{ "semverCompare", "\">=v1.2.3\" \"1.2.3\"", "true" },
	{ "semverCompare", "\"> =1.2.3\" \"1.2.3\"", "ERR:improper constraint: > =1.2.3" },
	{ "semverCompare", "\">=1.2.3-01\" \"1.2.3\"", "ERR:constraint Parser Error" },
	{ "semverCompare", "\">=1.2.3\" \"1.2.3-01\"", "ERR:Version segment starts with 0" },
	{ "semverCompare", "\"^1.x\" \"1.5.0\"", "true" },
	{ "semverCompare", "\"^1.2.x\" \"1.5.0\"", "true" },
	{ "semverCompare", "\"~0.0.0\" \"5.0.0\"", "true" },
	{ "semverCompare", "\"^0.x\" \"0.5.0\"", "true" },
	{ "semverCompare", "\"<2.x\" \"1.9.9\"", "true" },
	{ "semverCompare", "\"<2.x\" \"2.0.1\"", "false" },
	{ "semverCompare", "\"1 - 2\" \"2.5.0\"", "true" },
	{ "semverCompare", "\">=1.0.0-0 <2.0.0-0\" \"1.5.0-beta\"", "true" },
	{ "semverCompare", "\">=1.x-alpha\" \"1.0.0-beta\"", "true" },
	{ "semver", "\"v1.2.3-beta.1+build.5\"", "1.2.3-beta.1+build.5" },
	{ "semver", "\"1.2\"", "1.2.0" },
	{ "semver", "\"1\"", "1.0.0" },
	{ "semver", "\"v1\"", "1.0.0" },
	{ "semver", "\"1.2.x\"", "ERR:Invalid Semantic Version" },
	{ "semver", "\"\"", "ERR:Invalid Semantic Version" },
	{ "semver", "\"1.2.3-01\"", "ERR:Version segment starts with 0" },
	{ "semver", "\"1.2.3-0a\"", "1.2.3-0a" },
	{ "semver", "\"99999999999999999999\"", "ERR:Error parsing version segment: strconv.ParseUint: parsing \"99999999999999999999\": value out of range" },
	{ "semver", "\"1.2.3+a_b\"", "ERR:Invalid Semantic Version" },
	{ "semver", "\"1.2.3-\"", "ERR:Invalid Semantic Version" },
	{ "semver", "\"01.2.3\"", "1.2.3" },
	{ "semver", "\"1.2.3 \"", "ERR:Invalid Semantic Version" },
};

/* Fields and methods of *semver.Version, as helm printed them:
 * {{ (semver "v1.2.3-beta.1+b").Original }} etc. */
static void test_object(void)
{
	osmo_arena *a = osmo_arena_new();
	osmo_error err = { 0 };
	osmo_fnctx ctx = { a, &err, "semver", NULL };
	osmo_value out, v, w, arg = osmo_cstring(a, "v1.2.3-beta.1+b");
	CHECK(find_fn(osmo_funcs_semver, "semver")->fn(&v, &ctx, 1, &arg) == 0);
	CHECK(v.type == OSMO_V_OBJECT);
	CHECK_STREQ(v.u.obj->cls->go_type, "*semver.Version");
	CHECK_STREQ(v.u.obj->cls->go_kind, "ptr");
	const osmo_object_class *c = v.u.obj->cls;
	CHECK(c->field(&out, &ctx, v.u.obj, "Original") == 0);
	CHECK_STREQ(out.u.s.ptr, "v1.2.3-beta.1+b");
	CHECK(c->field(&out, &ctx, v.u.obj, "Minor") == 0);
	CHECK(out.type == OSMO_V_INT && out.sub == OSMO_GO_UINT64 && out.u.i == 2);
	CHECK(c->field(&out, &ctx, v.u.obj, "Prerelease") == 0);
	CHECK_STREQ(out.u.s.ptr, "beta.1");
	CHECK(c->field(&out, &ctx, v.u.obj, "Metadata") == 0);
	CHECK_STREQ(out.u.s.ptr, "b");
	CHECK(c->field(&out, &ctx, v.u.obj, "Foo") == OSMO_ENOTFOUND);

	/* (semver "1.2.3").IncMinor -> 1.3.0 of type semver.Version */
	arg = osmo_cstring(a, "1.2.3");
	CHECK(find_fn(osmo_funcs_semver, "semver")->fn(&v, &ctx, 1, &arg) == 0);
	CHECK(c->field(&out, &ctx, v.u.obj, "IncMinor") == 0);
	CHECK_STREQ(out.u.obj->cls->go_type, "semver.Version");
	osmo_buf b = OSMO_BUF_INIT;
	out.u.obj->cls->print(&b, out.u.obj);
	CHECK_STREQ(osmo_buf_cstr(&b), "1.3.0");
	osmo_buf_dispose(&b);

	/* (semver "1.2.3").LessThan (semver "1.3") -> true; Compare -> -1 */
	arg = osmo_cstring(a, "1.3");
	CHECK(find_fn(osmo_funcs_semver, "semver")->fn(&w, &ctx, 1, &arg) == 0);
	CHECK(c->method(&out, &ctx, v.u.obj, "LessThan", 1, &w) == 0);
	CHECK(out.type == OSMO_V_BOOL && out.u.b);
	CHECK(c->method(&out, &ctx, v.u.obj, "Compare", 1, &w) == 0);
	CHECK(out.type == OSMO_V_INT && out.u.i == -1);

	/* toJson gives "1.2.3" (MarshalJSON is String()) */
	CHECK(c->marshal(&out, a, v.u.obj) == 0);
	CHECK_STREQ(out.u.s.ptr, "1.2.3");
	osmo_error_dispose(&err);
	osmo_arena_free(a);
}

int main(void)
{
	run_table(osmo_funcs_semver, cases, sizeof cases / sizeof cases[0]);
	test_object();
	return CHECK_DONE();
}
