/* chart_lint_render.c - engine.Render as pkg/lint/rules/template.go runs it:
 * LintMode on, release "test-release", and every rendered file kept as it is
 * (no manifest splitting or sorting, which would fail on the very YAML errors
 * lint wants to report itself). */
#include "chart_lint_int.h"

#include "osmo/release.h"
#include "release_int.h"

#include <string.h>

typedef struct collector {
	osmo_arena *a;
	lint_render_out *out;
	size_t cap;
} collector;

static int keep_file(void *payload, const char *name, osmo_buf *rendered, osmo_error *err)
{
	(void)err;
	collector *c = payload;
	if (c->out->len == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 16;
		c->out->v = osmo_arena_realloc(c->a, c->out->v, c->cap * sizeof(lint_rendered),
					       cap * sizeof(lint_rendered));
		c->cap = cap;
	}
	lint_rendered *r = &c->out->v[c->out->len++];
	r->name = osmo_arena_strdup(c->a, name);
	r->len = rendered->len;
	r->text = osmo_arena_strndup(c->a, osmo_buf_cstr(rendered), rendered->len);
	return 0;
}

int chart_lint_render(lint_render_out *out, osmo_arena *a, const osmo_chart *chart,
		      osmo_value user_values, const osmo_lint_options *lopts, osmo_error *err)
{
	memset(out, 0, sizeof(*out));
	rnode *root = NULL;
	osmo_value values;
	osmo_error quiet = { 0 };
	if (release_deps_resolve(&root, a, chart, user_values, &quiet) ||
	    release_coalesce(&values, a, root, user_values, false, &quiet)) {
		osmo_error_dispose(&quiet);
		out->skipped = true; /* template.go returns without a message */
		return 0;
	}
	/* ToRenderValuesWithSchemaValidation: a schema failure is the
	 * templates rule's error, and nothing renders */
	osmo_release_options opts = OSMO_RELEASE_OPTIONS_INIT;
	opts.name = "test-release";
	opts.ns = lopts->ns;
	opts.kube_version = lopts->kube_version;
	opts.validate_values = lopts->validate_values;
	opts.validate_payload = lopts->validate_payload;
	int rc = release_validate_values(a, root, values, &opts, err);
	if (rc)
		return rc;
	collector c = { a, out, 0 };
	return release_render_files(a, root, values, &opts, true, keep_file, &c, err);
}
