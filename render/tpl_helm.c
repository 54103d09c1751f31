/* tpl_helm.c - Helm's engine functions that need the executor: include,
 * tpl, required, fail (helm/pkg/engine/engine.go, v3.17).  Their error
 * texts are Go's wrapped chains, which Helm's cleanupExecError later
 * reduces to "execution error at (...)" for required/fail. */
#include <stdio.h>
#include <string.h>

#include "osmo/numfmt.h"
#include "tpl_exec.h"

#define RECURSION_MAX_NUMS 1000 /* Helm's recursionMaxNums */

static int fail_goerr(osmo_fnctx *ctx, const char *prefix, const char *goerr)
{
	return osmo_fn_errorf(ctx, "%s%s", prefix, goerr);
}

static int *incl_counter(osmo_tpl_shared *sh, const char *name, bool *found)
{
	for (int i = 0; i < sh->nincl; i++) {
		if (strcmp(sh->incl[i].name, name) == 0) {
			*found = true;
			return &sh->incl[i].count;
		}
	}
	if (sh->nincl == sh->capincl) {
		sh->capincl = sh->capincl ? sh->capincl * 2 : 16;
		sh->incl = osmo_realloc(sh->incl, sizeof(*sh->incl) * (size_t)sh->capincl);
	}
	sh->incl[sh->nincl].name = name;
	sh->incl[sh->nincl].count = 0;
	*found = false;
	return &sh->incl[sh->nincl++].count;
}

static int fn_include(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_tpl_state *s = ctx->engine;
	osmo_tpl_shared *sh = s->sh;
	const char *name = osmo_arena_strndup(ctx->arena, argv[0].u.s.ptr, argv[0].u.s.len);
	bool found;
	int *cnt = incl_counter(sh, name, &found);
	if (found && *cnt > RECURSION_MAX_NUMS)
		return osmo_fn_errorf(ctx, "rendering template has a nested reference name: %s: unable to execute template",
				      name);
	(*cnt)++;
	const osmo_tpl_tree *t = osmo_tpl_exec_lookup(sh, s->ov, name);
	int rc = 0;
	osmo_buf buf = OSMO_BUF_INIT;
	if (!t || !t->root) {
		osmo_buf q = OSMO_BUF_INIT;
		osmo_numfmt_quote(&q, name, strlen(name));
		rc = osmo_fn_errorf(ctx, "template: no template %s associated with template \"gotpl\"", osmo_buf_cstr(&q));
		osmo_buf_dispose(&q);
	} else {
		char *goerr = NULL;
		if (osmo_tpl_exec_run(sh, s->ov, t, argv[1], &buf, &goerr) != 0) {
			rc = fail_goerr(ctx, "", goerr);
			osmo_free(goerr);
		}
	}
	/* the counters array may have moved during the nested run */
	incl_counter(sh, name, &found)[0]--;
	if (rc == 0)
		*out = osmo_string(ctx->arena, buf.ptr ? buf.ptr : "", buf.len);
	osmo_buf_dispose(&buf);
	return rc;
}

static void strip_no_value(osmo_buf *dst, const char *p, size_t n)
{
	static const char nv[] = "<no value>";
	size_t i = 0;
	while (i < n) {
		const char *hit = NULL;
		for (size_t j = i; j + 10 <= n; j++) {
			if (p[j] == '<' && memcmp(p + j, nv, 10) == 0) {
				hit = p + j;
				break;
			}
		}
		if (!hit) {
			osmo_buf_put(dst, p + i, n - i);
			return;
		}
		osmo_buf_put(dst, p + i, (size_t)(hit - (p + i)));
		i = (size_t)(hit - p) + 10;
	}
}

static int fn_tpl(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_tpl_state *s = ctx->engine;
	osmo_tpl_shared *sh = s->sh;
	const char *text = argv[0].u.s.ptr;
	size_t len = argv[0].u.s.len;
	osmo_tpl_treeset ts;
	char *goerr = NULL;
	int rc = 0;
	if (osmo_tpl_parse(&ts, ctx->arena, "gotpl", text, len, &goerr) != 0) {
		osmo_buf q = OSMO_BUF_INIT;
		osmo_numfmt_quote(&q, text, len);
		rc = osmo_fn_errorf(ctx, "cannot parse template %s: %s", osmo_buf_cstr(&q), goerr);
		osmo_buf_dispose(&q);
		osmo_free(goerr);
		return rc;
	}
	/* The clone: new trees shadow the parent set, except that an empty
	 * definition never replaces an existing one (text/template associate). */
	osmo_tpl_overlay *ov = osmo_arena_alloc(ctx->arena, sizeof(*ov));
	ov->parent = s->ov;
	ov->ts.trees = osmo_arena_alloc(ctx->arena, sizeof(*ov->ts.trees) * (size_t)(ts.n ? ts.n : 1));
	const osmo_tpl_tree *main_tree = NULL;
	for (int i = 0; i < ts.n; i++) {
		osmo_tpl_tree *t = ts.trees[i];
		if (strcmp(t->name, "gotpl") == 0)
			main_tree = t;
		if (osmo_tpl_node_is_empty(t->root) && osmo_tpl_exec_lookup(sh, s->ov, t->name))
			continue;
		ov->ts.trees[ov->ts.n++] = t;
	}
	osmo_buf buf = OSMO_BUF_INIT;
	if (osmo_tpl_exec_run(sh, ov, main_tree, argv[1], &buf, &goerr) != 0) {
		osmo_buf q = OSMO_BUF_INIT;
		osmo_numfmt_quote(&q, text, len);
		rc = osmo_fn_errorf(ctx, "error during tpl function execution for %s: %s", osmo_buf_cstr(&q), goerr);
		osmo_buf_dispose(&q);
		osmo_free(goerr);
		osmo_buf_dispose(&buf);
		return rc;
	}
	osmo_buf res = OSMO_BUF_INIT;
	strip_no_value(&res, buf.ptr ? buf.ptr : "", buf.len);
	osmo_buf_dispose(&buf);
	*out = osmo_string(ctx->arena, res.ptr ? res.ptr : "", res.len);
	osmo_buf_dispose(&res);
	return 0;
}

static bool lint_mode(osmo_fnctx *ctx)
{
	const osmo_tpl_state *s = ctx->engine;
	return s && s->sh->set->lint;
}

static int fn_required(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_value val = argv[1];
	if (val.type == OSMO_V_NULL || (osmo_is_string(val) && val.u.s.len == 0)) {
		if (lint_mode(ctx)) {
			fprintf(stderr, "engine.go:206: [INFO] Missing required value: %.*s\n",
				(int)argv[0].u.s.len, argv[0].u.s.ptr);
			*out = osmo_str_ref("", 0);
			return 0;
		}
		/* observed: the message is not used as a format string */
		osmo_fn_errorf(ctx, "HELM_ERR_START%.*sHELM_ERR_END", (int)argv[0].u.s.len, argv[0].u.s.ptr);
		return OSMO_ERROR;
	}
	*out = val;
	return 0;
}

static int fn_fail(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	if (lint_mode(ctx)) {
		fprintf(stderr, "engine.go:227: [INFO] Fail: %.*s\n", (int)argv[0].u.s.len, argv[0].u.s.ptr);
		*out = osmo_str_ref("", 0);
		return 0;
	}
	return osmo_fn_errorf(ctx, "HELM_ERR_START%.*sHELM_ERR_END", (int)argv[0].u.s.len, argv[0].u.s.ptr);
}

const osmo_func_def osmo_funcs_engine[] = {
	{ "include", "sa:se", fn_include },
	{ "tpl", "sa:se", fn_tpl },
	{ "required", "sa:ae", fn_required },
	{ "fail", "s:se", fn_fail },
	{ NULL, NULL, NULL },
};
