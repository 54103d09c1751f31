/* test_package.c - `helm package`: semver checks, Chart.yaml / Chart.lock
 * re-serialization and the archive layout.  Expected texts were produced by
 * the reference helm v3.17.2 (`helm package`, then the archive extracted). */
#include "osmo/chart.h"
#include "osmo/package.h"

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[64];

static void put(const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	for (char *p = path + strlen(root) + 1; *p; p++)
		if (*p == '/') {
			*p = 0;
			mkdir(path, 0755);
			*p = '/';
		}
	FILE *fp = fopen(path, "wb");
	fputs(text, fp);
	fclose(fp);
}

static void rm_rf(const char *dir)
{
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cleanup of %s failed\n", dir);
}

static osmo_chart *load(const char *rel)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	osmo_chart *c = NULL;
	osmo_error err = { 0 };
	if (osmo_chart_load_dir(&c, path, &err))
		fprintf(stderr, "load %s: %s\n", path, err.msg);
	osmo_error_dispose(&err);
	return c;
}

static void test_semver(void)
{
	static const struct {
		const char *v, *msg;
	} cases[] = {
		{ "1.0.0", NULL },
		{ "1", NULL },
		{ "v1.2", NULL },
		{ "1.0.0-rc.1+b.2", NULL },
		{ "1.0.0-01", "Version segment starts with 0" },
		{ "1.2.3.4", "Invalid Semantic Version" },
		{ "1.0.0-a..b", "Invalid Semantic Version" },
		{ "1.0.0+x_y", "Invalid Semantic Version" },
		{ "1.0.0-", "Invalid Semantic Version" },
		{ "1.x", "Invalid Semantic Version" },
		{ "99999999999999999999.0.0",
		  "Error parsing version segment: strconv.ParseUint: parsing \"99999999999999999999\": value out of range" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		osmo_error err = { 0 };
		int rc = osmo_package_semver_check(cases[i].v, &err);
		if (cases[i].msg)
			CHECK_STREQ(err.msg, cases[i].msg);
		else
			CHECK(rc == 0);
		osmo_error_dispose(&err);
	}
}

/* Typing (appVersion 1.10 -> "1.1", yes -> "true"), unknown keys dropped,
 * key order, quoting. */
static void test_chartfile(void)
{
	put("c/Chart.yaml",
	    "# comment\napiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: 1.10\n"
	    "description: A chart\nunknownField: x\nkubeVersion: \">=1.20.0\"\n"
	    "keywords: [a, b]\nmaintainers:\n  - name: me\n    email: me@x.com\n"
	    "annotations:\n  foo: \"1\"\n  bar: yes\ndependencies:\n  - name: sub\n"
	    "    version: 0.2.0\n    repository: \"\"\n  - name: sub\n    version: \"1.0.0\"\n"
	    "    repository: https://example.com\n    condition: other.enabled\n"
	    "    tags: [t1]\n    import-values: [a, {child: x, parent: y}]\n    alias: oth\n"
	    "home: \"https://h\"\nsources: [https://s]\ntype: application\ndeprecated: false\n");
	put("c/charts/sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 0.2.0\n");
	osmo_chart *c = load("c");
	CHECK(c != NULL);
	if (!c)
		return;
	osmo_buf b = OSMO_BUF_INIT;
	osmo_error err = { 0 };
	CHECK(osmo_package_chartfile(&b, c, NULL, NULL, &err) == 0);
	CHECK_STREQ(osmo_buf_cstr(&b),
		    "annotations:\n  bar: \"true\"\n  foo: \"1\"\napiVersion: v2\nappVersion: \"1.1\"\n"
		    "dependencies:\n- name: sub\n  repository: \"\"\n  version: 0.2.0\n- alias: oth\n"
		    "  condition: other.enabled\n  import-values:\n  - a\n  - child: x\n    parent: true\n"
		    "  name: sub\n  repository: https://example.com\n  tags:\n  - t1\n  version: 1.0.0\n"
		    "description: A chart\nhome: https://h\nkeywords:\n- a\n- b\n"
		    "kubeVersion: '>=1.20.0'\nmaintainers:\n- email: me@x.com\n  name: me\nname: c\n"
		    "sources:\n- https://s\ntype: application\nversion: 0.1.0\n");
	osmo_buf_dispose(&b);
	osmo_error_dispose(&err);
	osmo_chart_free(c);

	/* v1 default, sanitizeString, float32 formatting, big ints */
	put("d/Chart.yaml", "name: d\nversion: 1.0.0\ndescription: \"multi\\nline\\ttab\"\n"
			    "appVersion: 12345678901\nkeywords: [1.5, true, 100000000.0]\n"
			    "maintainers:\n- name: x\n  url: 7\nicon: \"\"\n");
	c = load("d");
	CHECK(c != NULL);
	if (!c)
		return;
	CHECK(osmo_package_chartfile(&b, c, NULL, NULL, &err) == 0);
	CHECK_STREQ(osmo_buf_cstr(&b),
		    "apiVersion: v1\nappVersion: \"12345678901\"\ndescription: multi line tab\n"
		    "keywords:\n- \"1.5\"\n- \"true\"\n- \"1e+08\"\nmaintainers:\n- name: x\n"
		    "  url: \"7\"\nname: d\nversion: 1.0.0\n");
	osmo_buf_dispose(&b);
	osmo_error_dispose(&err);
	osmo_chart_free(c);
}

static bool read_file(const char *path, osmo_buf *out)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return false;
	char tmp[4096];
	size_t n;
	while ((n = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		osmo_buf_put(out, tmp, n);
	fclose(fp);
	return true;
}

/* Save twice: identical bytes; the archive loads back with the same
 * files; Chart.lock is normalized like Go's time.Time round trip. */
static void test_archive(void)
{
	put("e/Chart.yaml", "apiVersion: v2\nname: e\nversion: 1.0.0\ndependencies:\n"
			    "- name: sub\n  version: 0.2.0\n  repository: \"\"\n");
	put("e/Chart.lock", "digest: x\ngenerated: 2024-01-02T03:04:05.500000Z\n");
	put("e/values.yaml", "# raw\na: 1   # kept\n");
	put("e/templates/x.yaml", "x: {{ .Values.a }}\n");
	put("e/README.md", "hi\n");
	put("e/charts/sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 0.2.0\n");
	put("e/charts/sub/templates/y.yaml", "y: 1\n");
	osmo_chart *c = load("e");
	CHECK(c != NULL);
	if (!c)
		return;
	char dest[128], *p1 = NULL, *p2 = NULL;
	snprintf(dest, sizeof(dest), "%s/out/sub", root);
	osmo_package_options o = OSMO_PACKAGE_OPTIONS_INIT;
	o.dest = dest;
	o.mtime = 0;
	osmo_error err = { 0 };
	CHECK(osmo_package_save(&p1, c, &o, &err) == 0);
	osmo_buf a = OSMO_BUF_INIT, b = OSMO_BUF_INIT;
	CHECK(p1 && read_file(p1, &a));
	CHECK(osmo_package_save(&p2, c, &o, &err) == 0);
	CHECK(p2 && read_file(p2, &b));
	CHECK(a.len > 0 && a.len == b.len && !memcmp(a.ptr, b.ptr, a.len));
	char want[256];
	snprintf(want, sizeof(want), "%s/e-1.0.0.tgz", dest);
	CHECK_STREQ(p1, want);
	/* gzip header as Go writes it for Helm: FEXTRA|FCOMMENT, mtime 0 */
	CHECK(a.len > 10 && (unsigned char)a.ptr[3] == 0x14 && !memcmp(a.ptr + 4, "\0\0\0\0", 4));

	osmo_chart *back = NULL;
	CHECK(osmo_chart_load(&back, p1, &err) == 0);
	if (back) {
		CHECK_STREQ(osmo_chart_name(back), "e");
		CHECK(osmo_chart_template_count(back) == 1);
		CHECK(osmo_chart_dependency_count(back) == 1);
		CHECK(osmo_chart_file_count(back) == 1);
		const osmo_chart_file *f = osmo_chart_file_at(back, 0);
		CHECK(f && !strcmp(f->name, "README.md"));
		osmo_chart_free(back);
	}
	/* --version must be semver; the dependency must exist in charts/ */
	o.set_version = "1.x";
	char *p3 = NULL;
	CHECK(osmo_package_save(&p3, c, &o, &err) != 0);
	CHECK_STREQ(err.msg, "Invalid Semantic Version");
	osmo_error_dispose(&err);
	free(p1);
	free(p2);
	osmo_buf_dispose(&a);
	osmo_buf_dispose(&b);
	osmo_chart_free(c);

	put("f/Chart.yaml", "apiVersion: v2\nname: f\nversion: 1.0.0\ndependencies:\n"
			    "- name: a\n  repository: \"\"\n- name: b\n  repository: \"\"\n");
	c = load("f");
	o.set_version = NULL;
	CHECK(c && osmo_package_save(&p3, c, &o, &err) != 0);
	CHECK_STREQ(err.msg, "found in Chart.yaml, but missing in charts/ directory: a, b");
	osmo_error_dispose(&err);
	osmo_chart_free(c);
}

int main(void)
{
	snprintf(root, sizeof(root), "/tmp/osmo-test-package-XXXXXX");
	if (!mkdtemp(root)) {
		perror("mkdtemp");
		return 1;
	}
	test_semver();
	test_chartfile();
	test_archive();
	rm_rf(root);
	return CHECK_DONE();
}
