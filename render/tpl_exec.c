/* tpl_exec.c - the template set and the tree walker (Go's exec.go walk*
 * functions), plus Helm's error reformatting.  Expressions are evaluated
 * in tpl_exec_eval.c. */
#include "tpl_exec.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "osmo/gofmt.h"

/* Go's maxExecDepth is 100000 nested {{template}} calls; a C stack cannot
 * hold that many walker frames, so we stop earlier but report Go's text
 * (only runaway recursion ever gets here). */
#define GO_MAX_EXEC_DEPTH 100000
#define MAX_EXEC_DEPTH 12000
#define MAX_NESTED_RUNS 12000 /* include/tpl executions inside each other; the
			       * CLI runs on a 1 GiB stack, as deep as Go lets Helm go */

/* ---- the set ------------------------------------------------------------ */

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static osmo_tpl_slot *set_find(const osmo_tpl_set *s, const char *name)
{
	if (!s->cap)
		return NULL;
	size_t i = hash_str(name) & (s->cap - 1);
	while (s->slots[i].name) {
		if (strcmp(s->slots[i].name, name) == 0)
			return &s->slots[i];
		i = (i + 1) & (s->cap - 1);
	}
	return NULL;
}

static void set_put(osmo_tpl_set *s, const char *name, osmo_tpl_tree *t)
{
	if ((s->n + 1) * 2 > s->cap) {
		size_t nc = s->cap ? s->cap * 2 : 64;
		osmo_tpl_slot *old = s->slots;
		size_t oc = s->cap;
		s->slots = osmo_calloc(nc, sizeof(*s->slots));
		s->cap = nc;
		s->n = 0;
		for (size_t i = 0; i < oc; i++)
			if (old[i].name)
				set_put(s, old[i].name, old[i].tree);
		osmo_free(old);
	}
	size_t i = hash_str(name) & (s->cap - 1);
	while (s->slots[i].name) {
		if (strcmp(s->slots[i].name, name) == 0) {
			s->slots[i].tree = t;
			return;
		}
		i = (i + 1) & (s->cap - 1);
	}
	s->slots[i].name = name;
	s->slots[i].tree = t;
	s->n++;
}

osmo_tpl_set *osmo_tpl_set_new(void)
{
	osmo_tpl_set *s = osmo_calloc(1, sizeof(*s));
	s->arena = osmo_arena_new();
	return s;
}

void osmo_tpl_set_set_lint_mode(osmo_tpl_set *s, bool lint)
{
	s->lint = lint;
}

void osmo_tpl_set_free(osmo_tpl_set *s)
{
	if (!s)
		return;
	osmo_arena_free(s->arena);
	osmo_free(s->slots);
	osmo_free(s);
}

bool osmo_tpl_set_has(const osmo_tpl_set *s, const char *name)
{
	return set_find(s, name) != NULL;
}

/* Helm's cleanupParseError. */
char *osmo_tpl_helm_parse_error(const char *file, const char *goerr)
{
	osmo_buf b = OSMO_BUF_INIT;
	const char *first = strstr(goerr, ": ");
	if (!first) {
		osmo_buf_printf(&b, "parse error in (%s): %s", file, goerr);
		return osmo_buf_detach(&b);
	}
	const char *loc = first + 2;
	const char *loc_end = strstr(loc, ": ");
	const char *last = first;
	for (const char *p = first; (p = strstr(p, ": ")) != NULL; p += 2)
		last = p;
	size_t loclen = loc_end ? (size_t)(loc_end - loc) : strlen(loc);
	osmo_buf_printf(&b, "parse error at (%.*s): %s", (int)loclen, loc, last + 2);
	return osmo_buf_detach(&b);
}

/* Helm's cleanupExecError (only called for ExecErrors). */
char *osmo_tpl_helm_exec_error(const char *file, const char *goerr)
{
	osmo_buf b = OSMO_BUF_INIT;
	const char *t1 = strstr(goerr, ": ");
	const char *t2 = t1 ? strstr(t1 + 2, ": ") : NULL;
	if (!t2) {
		osmo_buf_printf(&b, "execution error in (%s): %s", file, goerr);
		return osmo_buf_detach(&b);
	}
	const char *rest = t2 + 2;
	/* HELM_ERR_START(.*)HELM_ERR_END; observed to match across newlines
	 * and greedily (the last END wins) */
	const char *st = strstr(rest, "HELM_ERR_START");
	if (st) {
		const char *g = st + 14, *end = NULL;
		for (const char *e = g; (e = strstr(e, "HELM_ERR_END")) != NULL; e++)
			end = e;
		if (end) {
			osmo_buf_printf(&b, "execution error at (%.*s): %.*s", (int)(t2 - t1 - 2), t1 + 2,
					(int)(end - g), g);
			return osmo_buf_detach(&b);
		}
	}
	osmo_buf_puts(&b, goerr);
	return osmo_buf_detach(&b);
}

int osmo_tpl_set_parse(osmo_tpl_set *s, const char *name, const char *text, size_t len, osmo_error *err)
{
	char *nm = osmo_arena_strdup(s->arena, name);
	char *tx = osmo_arena_strndup(s->arena, text, len);
	osmo_tpl_treeset ts;
	char *goerr = NULL;
	if (osmo_tpl_parse(&ts, s->arena, nm, tx, len, &goerr) != 0) {
		char *msg = osmo_tpl_helm_parse_error(name, goerr);
		osmo_error_set(err, OSMO_EPARSE, "%s", msg);
		osmo_free(msg);
		osmo_free(goerr);
		return OSMO_EPARSE;
	}
	for (int i = 0; i < ts.n; i++) {
		osmo_tpl_slot *old = set_find(s, ts.trees[i]->name);
		/* text/template's associate: never replace with an empty tree */
		if (old && osmo_tpl_node_is_empty(ts.trees[i]->root))
			continue;
		set_put(s, ts.trees[i]->name, ts.trees[i]);
	}
	return 0;
}

osmo_tpl_tree *osmo_tpl_exec_lookup(osmo_tpl_shared *sh, osmo_tpl_overlay *ov, const char *name)
{
	for (; ov; ov = ov->parent)
		for (int i = 0; i < ov->ts.n; i++)
			if (strcmp(ov->ts.trees[i]->name, name) == 0)
				return ov->ts.trees[i];
	osmo_tpl_slot *sl = set_find(sh->set, name);
	return sl ? sl->tree : NULL;
}

/* ---- errors ------------------------------------------------------------- */

void osmo_tpl_exec_errorf(osmo_tpl_state *s, const char *fmt, ...)
{
	osmo_buf b = OSMO_BUF_INIT;
	if (!s->node) {
		osmo_buf_printf(&b, "template: %s: ", s->tmpl->name);
	} else {
		const osmo_tpl_node *n = s->node;
		const osmo_tpl_tree *t = n->tree;
		size_t pos = n->pos;
		int line = 1;
		size_t ls = 0;
		for (size_t i = 0; i < pos && i < t->text_len; i++) {
			if (t->text[i] == '\n') {
				line++;
				ls = i + 1;
			}
		}
		osmo_buf_printf(&b, "template: %s:%d:%zu: executing \"%s\" at <", t->parse_name, line, pos - ls,
				s->tmpl->name);
		osmo_tpl_node_write(&b, n);
		osmo_buf_puts(&b, ">: ");
	}
	va_list ap;
	va_start(ap, fmt);
	osmo_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	s->goerr = osmo_buf_detach(&b);
	longjmp(*s->jb, 1);
}

/* ---- variables ---------------------------------------------------------- */

void osmo_tpl_exec_push(osmo_tpl_state *s, const char *name, size_t len, osmo_tpl_rval v)
{
	if (s->nvars == s->capvars) {
		s->capvars = s->capvars ? s->capvars * 2 : 16;
		s->vars = osmo_realloc(s->vars, sizeof(*s->vars) * (size_t)s->capvars);
	}
	s->vars[s->nvars].name = name;
	s->vars[s->nvars].len = len;
	s->vars[s->nvars].val = v;
	s->nvars++;
}

/* ---- printing ----------------------------------------------------------- */

void osmo_tpl_exec_print(osmo_tpl_state *s, osmo_buf *b, osmo_tpl_rval v)
{
	(void)s;
	if (v.v.type == OSMO_V_NULL && !v.boxed) {
		osmo_buf_puts(b, "<no value>");
		return;
	}
	if (v.v.type == OSMO_V_STRING && v.v.sub == OSMO_GO_STRING) {
		osmo_buf_put(b, v.v.u.s.ptr, v.v.u.s.len);
		return;
	}
	/* printValue takes the address of an addressable struct so that a
	 * String method with a pointer receiver applies (KubeVersion) */
	if (v.v.type == OSMO_V_OBJECT && v.v.u.obj->cls->addr_string) {
		v.v.u.obj->cls->addr_string(b, v.v.u.obj);
		return;
	}
	osmo_gofmt_value(b, v.v);
}

/* ---- walking ------------------------------------------------------------ */

static int walk(osmo_tpl_state *s, osmo_tpl_rval dot, const osmo_tpl_node *n);

static bool is_true(osmo_tpl_rval v)
{
	return osmo_value_truth(v.v);
}

static int walk_if_with(osmo_tpl_state *s, osmo_tpl_rval dot, const osmo_tpl_node *n)
{
	int mark = s->nvars;
	osmo_tpl_rval val = osmo_tpl_exec_pipeline(s, dot, n->pipe);
	int rc = 0;
	if (is_true(val))
		rc = walk(s, n->type == NODE_WITH ? val : dot, n->list);
	else if (n->else_list)
		rc = walk(s, dot, n->else_list);
	s->nvars = mark;
	return rc;
}

void osmo_tpl_exec_setvar(osmo_tpl_state *s, const osmo_tpl_node *var, osmo_tpl_rval v)
{
	osmo_tpl_str id = var->idents[0];
	for (int i = s->nvars - 1; i >= s->base; i--) {
		if (s->vars[i].len == id.len && memcmp(s->vars[i].name, id.ptr, id.len) == 0) {
			s->vars[i].val = v;
			return;
		}
	}
	osmo_tpl_exec_errorf(s, "undefined variable: %.*s", (int)id.len, id.ptr);
}

/* One range iteration; returns OSMO_EBREAK to stop. */
static int range_iter(osmo_tpl_state *s, const osmo_tpl_node *r, int mark, osmo_tpl_rval index,
		      osmo_tpl_rval elem)
{
	const osmo_tpl_node *p = r->pipe;
	if (p->ndecl > 0) {
		if (p->is_assign)
			osmo_tpl_exec_setvar(s, p->decl[0], p->ndecl > 1 ? index : elem);
		else
			s->vars[s->nvars - 1].val = elem;
	}
	if (p->ndecl > 1) {
		if (p->is_assign)
			osmo_tpl_exec_setvar(s, p->decl[1], elem);
		else
			s->vars[s->nvars - 2].val = index;
	}
	int rc = walk(s, elem, r->list);
	s->nvars = mark;
	return rc == OSMO_EBREAK ? OSMO_EBREAK : 0;
}

static int walk_range(osmo_tpl_state *s, osmo_tpl_rval dot, const osmo_tpl_node *r)
{
	s->node = r;
	int outer = s->nvars;
	osmo_tpl_rval val = osmo_tpl_exec_pipeline(s, dot, r->pipe);
	int mark = s->nvars;
	bool done = false;
	/* map- and slice-kinded host objects (.Files, APIVersions) range over
	 * their plain value */
	if (val.v.type == OSMO_V_OBJECT && val.v.u.obj->cls->marshal && val.v.u.obj->cls->go_kind &&
	    (!strcmp(val.v.u.obj->cls->go_kind, "map") || !strcmp(val.v.u.obj->cls->go_kind, "slice"))) {
		osmo_value plain;
		if (!val.v.u.obj->cls->marshal(&plain, s->sh->arena, val.v.u.obj))
			val.v = plain;
	}
	switch (val.v.type) {
	case OSMO_V_LIST: {
		osmo_list *l = val.v.u.list;
		size_t len = l ? l->len : 0;
		osmo_value *items = l ? l->items : NULL;
		if (len == 0)
			break;
		bool boxed = val.v.sub == OSMO_GO_LIST;
		for (size_t i = 0; i < len; i++) {
			osmo_tpl_rval idx = { osmo_int((int64_t)i), false };
			osmo_tpl_rval el = { items[i], boxed };
			if (range_iter(s, r, mark, idx, el) == OSMO_EBREAK)
				break;
		}
		done = true;
		break;
	}
	case OSMO_V_MAP: {
		osmo_map *m = val.v.u.map;
		size_t len = m ? m->len : 0;
		if (len == 0)
			break;
		/* fmtsort.Sort snapshots keys and values */
		osmo_map_entry *snap = osmo_arena_alloc(s->sh->arena, sizeof(*snap) * len);
		memcpy(snap, m->ents, sizeof(*snap) * len);
		bool boxed = val.v.sub != OSMO_GO_STRMAP;
		for (size_t i = 0; i < len; i++) {
			osmo_tpl_rval key = { osmo_str_ref(snap[i].key.ptr, snap[i].key.len), false };
			osmo_tpl_rval el = { snap[i].val, boxed };
			if (range_iter(s, r, mark, key, el) == OSMO_EBREAK)
				break;
		}
		done = true;
		break;
	}
	case OSMO_V_NULL:
		break;
	default: {
		osmo_buf b = OSMO_BUF_INIT;
		osmo_gofmt_value(&b, val.v);
		char *msg = osmo_arena_strndup(s->sh->arena, osmo_buf_cstr(&b), b.len);
		osmo_buf_dispose(&b);
		osmo_tpl_exec_errorf(s, "range can't iterate over %s", msg);
	}
	}
	int rc = 0;
	if (!done && r->else_list)
		rc = walk(s, dot, r->else_list);
	s->nvars = outer;
	return rc;
}

static int walk_template(osmo_tpl_state *s, osmo_tpl_rval dot, const osmo_tpl_node *n)
{
	s->node = n;
	const osmo_tpl_tree *t = osmo_tpl_exec_lookup(s->sh, s->ov, n->text.ptr);
	if (!t || !t->root)
		osmo_tpl_exec_errorf(s, "template \"%s\" not defined", n->text.ptr);
	if (s->depth >= MAX_EXEC_DEPTH)
		osmo_tpl_exec_errorf(s, "exceeded maximum template depth (%d)", GO_MAX_EXEC_DEPTH);
	osmo_tpl_rval ndot = { osmo_null(), false };
	if (n->pipe)
		ndot = osmo_tpl_exec_pipeline(s, dot, n->pipe);
	const osmo_tpl_tree *saved_t = s->tmpl;
	int saved_base = s->base, saved_n = s->nvars;
	s->depth++;
	s->tmpl = t;
	s->base = s->nvars;
	osmo_tpl_exec_push(s, "$", 1, ndot);
	walk(s, ndot, t->root);
	s->depth--;
	s->tmpl = saved_t;
	s->base = saved_base;
	s->nvars = saved_n;
	return 0;
}

static int walk(osmo_tpl_state *s, osmo_tpl_rval dot, const osmo_tpl_node *n)
{
	s->node = n;
	switch (n->type) {
	case NODE_ACTION: {
		osmo_tpl_rval v = osmo_tpl_exec_pipeline(s, dot, n->pipe);
		if (n->pipe->ndecl == 0) {
			s->node = n;
			osmo_tpl_exec_print(s, s->out, v);
		}
		return 0;
	}
	case NODE_LIST:
		for (int i = 0; i < n->nkids; i++) {
			int rc = walk(s, dot, n->kids[i]);
			if (rc)
				return rc;
		}
		return 0;
	case NODE_TEXT:
		osmo_buf_put(s->out, n->text.ptr, n->text.len);
		return 0;
	case NODE_IF:
	case NODE_WITH:
		return walk_if_with(s, dot, n);
	case NODE_RANGE:
		return walk_range(s, dot, n);
	case NODE_TEMPLATE:
		return walk_template(s, dot, n);
	case NODE_BREAK:
		return OSMO_EBREAK;
	case NODE_CONTINUE:
		return OSMO_ECONTINUE;
	default:
		return 0;
	}
}

/* One execution (Template.Execute) with its own unwind point. */
static int run_protected(osmo_tpl_state *s, osmo_tpl_rval data, const osmo_tpl_tree *t)
{
	jmp_buf jb;
	s->jb = &jb;
	if (setjmp(jb) != 0)
		return OSMO_ERROR;
	osmo_tpl_exec_push(s, "$", 1, data);
	walk(s, data, t->root);
	return 0;
}

int osmo_tpl_exec_run(osmo_tpl_shared *sh, osmo_tpl_overlay *ov, const osmo_tpl_tree *t,
		      osmo_value data, osmo_buf *out, char **goerr)
{
	*goerr = NULL;
	osmo_tpl_state s;
	memset(&s, 0, sizeof s);
	s.sh = sh;
	s.ov = ov;
	s.tmpl = t;
	s.out = out;
	if (sh->depth >= MAX_NESTED_RUNS) {
		osmo_buf b = OSMO_BUF_INIT;
		osmo_buf_printf(&b, "template: %s: exceeded maximum template depth (%d)", t->name,
				GO_MAX_EXEC_DEPTH);
		*goerr = osmo_buf_detach(&b);
		return OSMO_ELIMIT;
	}
	sh->depth++;
	osmo_tpl_rval d = { data, false };
	int rc = run_protected(&s, d, t);
	sh->depth--;
	osmo_free(s.vars);
	if (rc)
		*goerr = s.goerr;
	return rc;
}

int osmo_tpl_set_execute(osmo_tpl_set *s, osmo_arena *arena, const char *name, osmo_value data,
			 osmo_buf *out, osmo_error *err)
{
	osmo_tpl_slot *sl = set_find(s, name);
	if (!sl || !sl->tree->root) {
		osmo_error_set(err, OSMO_ENOTFOUND, "template: no template \"%s\" associated with template \"gotpl\"",
			       name);
		return OSMO_ENOTFOUND;
	}
	osmo_tpl_shared sh;
	memset(&sh, 0, sizeof sh);
	sh.set = s;
	sh.arena = arena;
	char *goerr = NULL;
	int rc = osmo_tpl_exec_run(&sh, NULL, sl->tree, data, out, &goerr);
	osmo_free(sh.incl);
	if (rc) {
		char *msg = osmo_tpl_helm_exec_error(name, goerr);
		osmo_error_set(err, rc, "%s", msg);
		osmo_free(msg);
		osmo_free(goerr);
		return rc;
	}
	return 0;
}
