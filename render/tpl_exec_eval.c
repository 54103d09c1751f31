/* tpl_exec_eval.c - expression evaluation: pipelines, commands, field
 * chains, function calls with Go's argument conversion (evalArg,
 * validateType) and error texts.  Mirrors exec.go's eval* functions. */
#include "tpl_exec.h"
#include "osmo/gofmt.h"

#include <stdio.h>
#include <string.h>

#define ARGV_STACK 8

static const osmo_tpl_rval INVALID = { { 0 }, false };

static osmo_tpl_rval rv(osmo_value v)
{
	osmo_tpl_rval r = { v, false };
	return r;
}

static bool is_invalid(osmo_tpl_rval v)
{
	return v.v.type == OSMO_V_NULL && !v.boxed;
}

const char *osmo_tpl_exec_typename(osmo_tpl_rval v)
{
	return v.boxed ? "interface {}" : osmo_value_gotype(v.v);
}

/* Node.String() into the arena (for error messages). */
static const char *nstr(osmo_tpl_state *s, const osmo_tpl_node *n)
{
	osmo_buf b = OSMO_BUF_INIT;
	osmo_tpl_node_write(&b, n);
	char *r = osmo_arena_strndup(s->sh->arena, osmo_buf_cstr(&b), b.len);
	osmo_buf_dispose(&b);
	return r;
}

static const char *tname(char t)
{
	switch (t) {
	case 's': return "string";
	case 'i': return "int";
	case 'I': return "int64";
	case 'f': return "float64";
	case 'b': return "bool";
	case 'l': return "[]interface {}";
	case 'S': return "[]string";
	case 'm': return "map[string]interface {}";
	case 'B': return "[]uint8";
	case 't': return "time.Time";
	case 'r': return "reflect.Value";
	default: return "interface {}";
	}
}

static bool can_be_nil(char t)
{
	return t == 'a' || t == 'r' || t == 'l' || t == 'S' || t == 'm' || t == 'B' || t == 0;
}

static osmo_value zero_of(osmo_tpl_state *s, char t)
{
	osmo_value v;
	switch (t) {
	case 'l':
		return osmo_list_new(s->sh->arena, 0);
	case 'S':
		v = osmo_list_new(s->sh->arena, 0);
		v.sub = OSMO_GO_STRLIST;
		return v;
	case 'm':
		return osmo_map_new(s->sh->arena, 0);
	case 'B':
		return osmo_bytes(s->sh->arena, "", 0);
	default:
		return osmo_null();
	}
}

static bool assignable(osmo_value v, char t)
{
	switch (t) {
	case 's': return v.type == OSMO_V_STRING && v.sub == OSMO_GO_STRING;
	case 'B': return v.type == OSMO_V_STRING && v.sub == OSMO_GO_BYTES;
	case 'i': return v.type == OSMO_V_INT && v.sub == OSMO_GO_INT;
	case 'I': return v.type == OSMO_V_INT && v.sub == OSMO_GO_INT64;
	case 'f': return v.type == OSMO_V_FLOAT;
	case 'b': return v.type == OSMO_V_BOOL;
	case 'l': return v.type == OSMO_V_LIST && v.sub == OSMO_GO_LIST;
	case 'S': return v.type == OSMO_V_LIST && v.sub == OSMO_GO_STRLIST;
	case 'm': return v.type == OSMO_V_MAP && (v.sub == OSMO_GO_MAP || v.sub == OSMO_GO_VALUES);
	case 't':
		return v.type == OSMO_V_OBJECT && strcmp(v.u.obj->cls->go_type, "time.Time") == 0;
	default: return true;
	}
}

static osmo_tpl_rval validate_type(osmo_tpl_state *s, osmo_tpl_rval x, char t)
{
	if (is_invalid(x)) {
		if (t == 0)
			return x;
		if (can_be_nil(t))
			return rv(zero_of(s, t));
		osmo_tpl_exec_errorf(s, "invalid value; expected %s", tname(t));
	}
	if (t == 0 || t == 'a' || t == 'r')
		return x;
	if (x.boxed && x.v.type == OSMO_V_NULL)
		osmo_tpl_exec_errorf(s, "wrong type for value; expected %s; got interface {}", tname(t));
	if (!assignable(x.v, t))
		osmo_tpl_exec_errorf(s, "wrong type for value; expected %s; got %s", tname(t),
				     osmo_value_gotype(x.v));
	return rv(x.v);
}

/* The value a function receives for parameter type t. */
static osmo_value conv(osmo_tpl_rval x, char t)
{
	if (t == 'r' && x.boxed && x.v.type == OSMO_V_NULL) {
		osmo_value v = osmo_null();
		v.sub = OSMO_TPL_SUB_NILIFACE;
		return v;
	}
	return x.v;
}

static bool has_prefix_hex(const osmo_tpl_str *t)
{
	return t->len > 2 && t->ptr[0] == '0' && (t->ptr[1] == 'x' || t->ptr[1] == 'X') &&
	       !memchr(t->ptr, 'p', t->len) && !memchr(t->ptr, 'P', t->len);
}

static osmo_tpl_rval ideal_constant(osmo_tpl_state *s, const osmo_tpl_node *n)
{
	s->node = n;
	bool floaty = false;
	for (size_t i = 0; i < n->text.len; i++)
		if (strchr(".eEpP", n->text.ptr[i]))
			floaty = true;
	if (n->is_complex) /* checked first, as Go's idealConstant does */
		return rv(osmo_complex_new(s->sh->arena, n->c_re, n->c_im));
	if (n->is_float && !has_prefix_hex(&n->text) && !(n->text.len && n->text.ptr[0] == '\'') && floaty)
		return rv(osmo_float(n->f64));
	if (n->is_int)
		return rv(osmo_int(n->i64));
	if (n->is_uint)
		osmo_tpl_exec_errorf(s, "%.*s overflows int", (int)n->text.len, n->text.ptr);
	return INVALID;
}

static void not_a_function(osmo_tpl_state *s, osmo_tpl_node *const *args, int nargs, const osmo_tpl_rval *final)
{
	if (nargs > 1 || final)
		osmo_tpl_exec_errorf(s, "can't give argument to non-function %s", nstr(s, args[0]));
}

static osmo_tpl_rval eval_arg(osmo_tpl_state *s, osmo_tpl_rval dot, char t, const osmo_tpl_node *n);
static osmo_tpl_rval eval_call(osmo_tpl_state *s, osmo_tpl_rval dot, const osmo_tpl_node *fnode,
			       const osmo_tpl_node *node, osmo_tpl_node *const *args, int nargs,
			       const osmo_tpl_rval *final);

/* Calls a method of a host object; returns false if it has none by that name. */
static bool call_method(osmo_tpl_state *s, osmo_tpl_rval dot, const char *name, const osmo_tpl_node *node,
			osmo_tpl_node *const *args, int nargs, const osmo_tpl_rval *final, const osmo_object *obj,
			osmo_tpl_rval *res)
{
	int argc = (nargs > 0 ? nargs - 1 : 0) + (final ? 1 : 0);
	osmo_value stackv[ARGV_STACK];
	osmo_value *argv = argc <= ARGV_STACK ? stackv : osmo_arena_alloc(s->sh->arena, sizeof(*argv) * (size_t)argc);
	int i = 0;
	for (; i + 1 < nargs; i++)
		argv[i] = eval_arg(s, dot, 'a', args[i + 1]).v;
	if (final)
		argv[i] = final->v;
	osmo_error err = { 0 };
	osmo_fnctx ctx = { s->sh->arena, &err, name, s };
	osmo_value out = osmo_null();
	int rc = obj->cls->method(&out, &ctx, obj, name, argc, argv);
	if (rc == OSMO_ENOTFOUND) {
		osmo_error_dispose(&err);
		return false;
	}
	if (rc) {
		const char *msg = osmo_arena_strdup(s->sh->arena, err.msg ? err.msg : "error");
		osmo_error_dispose(&err);
		s->node = node;
		osmo_tpl_exec_errorf(s, "%s", msg);
	}
	*res = rv(out);
	return true;
}

static osmo_tpl_rval eval_field(osmo_tpl_state *s, osmo_tpl_rval dot, const osmo_tpl_str *id,
				const osmo_tpl_node *node, osmo_tpl_node *const *args, int nargs,
				const osmo_tpl_rval *final, osmo_tpl_rval recv)
{
	if (is_invalid(recv))
		return INVALID; /* missingkey=zero: a nil receiver yields the zero value */
	const char *typ = osmo_tpl_exec_typename(recv);
	if (recv.v.type == OSMO_V_NULL)
		osmo_tpl_exec_errorf(s, "nil pointer evaluating %s.%s", typ, id->ptr);
	bool has_args = nargs > 1 || final;
	if (recv.v.type == OSMO_V_MAP) {
		if (has_args)
			osmo_tpl_exec_errorf(s, "%s is not a method but has arguments", id->ptr);
		const osmo_map *m = recv.v.u.map;
		osmo_value *hit = m ? osmo_map_get(m, id->ptr, id->len) : NULL;
		if (recv.v.sub == OSMO_GO_STRMAP)
			return rv(hit ? *hit : osmo_str_ref("", 0));
		osmo_tpl_rval r = { hit ? *hit : osmo_null(), true };
		return r;
	}
	if (recv.v.type == OSMO_V_OBJECT) {
		const osmo_object *obj = recv.v.u.obj;
		osmo_tpl_rval res;
		if (has_args && obj->cls->method &&
		    call_method(s, dot, id->ptr, node, args, nargs, final, obj, &res))
			return res;
		if (obj->cls->field) {
			osmo_error err = { 0 };
			osmo_fnctx ctx = { s->sh->arena, &err, id->ptr, s };
			osmo_value out = osmo_null();
			int rc = obj->cls->field(&out, &ctx, obj, id->ptr);
			if (rc == 0) {
				osmo_error_dispose(&err);
				if (has_args)
					osmo_tpl_exec_errorf(s, "%s has arguments but cannot be invoked as function",
							     id->ptr);
				return rv(out);
			}
			if (rc != OSMO_ENOTFOUND) {
				const char *msg = osmo_arena_strdup(s->sh->arena, err.msg ? err.msg : "error");
				osmo_error_dispose(&err);
				osmo_tpl_exec_errorf(s, "%s", msg);
			}
			osmo_error_dispose(&err);
		}
		if (!has_args && obj->cls->method &&
		    call_method(s, dot, id->ptr, node, args, nargs, final, obj, &res))
			return res;
	}
	osmo_tpl_exec_errorf(s, "can't evaluate field %s in type %s", id->ptr, typ);
}

static osmo_tpl_rval eval_field_chain(osmo_tpl_state *s, osmo_tpl_rval dot, osmo_tpl_rval recv,
				      const osmo_tpl_node *node, const osmo_tpl_str *ids, int n,
				      osmo_tpl_node *const *args, int nargs, const osmo_tpl_rval *final)
{
	for (int i = 0; i < n - 1; i++)
		recv = eval_field(s, dot, &ids[i], node, NULL, 0, NULL, recv);
	return eval_field(s, dot, &ids[n - 1], node, args, nargs, final, recv);
}

static osmo_tpl_rval eval_field_node(osmo_tpl_state *s, osmo_tpl_rval dot, const osmo_tpl_node *f,
				     osmo_tpl_node *const *args, int nargs, const osmo_tpl_rval *final)
{
	s->node = f;
	return eval_field_chain(s, dot, dot, f, f->idents, f->nidents, args, nargs, final);
}

static osmo_tpl_rval eval_chain_node(osmo_tpl_state *s, osmo_tpl_rval dot, const osmo_tpl_node *c,
				     osmo_tpl_node *const *args, int nargs, const osmo_tpl_rval *final)
{
	s->node = c;
	if (c->nidents == 0)
		osmo_tpl_exec_errorf(s, "internal error: no fields in evalChainNode");
	if (c->pipe->type == NODE_NIL)
		osmo_tpl_exec_errorf(s, "indirection through explicit nil in %s", nstr(s, c));
	osmo_tpl_rval pipe = eval_arg(s, dot, 0, c->pipe);
	return eval_field_chain(s, dot, pipe, c, c->idents, c->nidents, args, nargs, final);
}

static osmo_tpl_rval var_value(osmo_tpl_state *s, const osmo_tpl_str *id)
{
	for (int i = s->nvars - 1; i >= s->base; i--)
		if (s->vars[i].len == id->len && memcmp(s->vars[i].name, id->ptr, id->len) == 0)
			return s->vars[i].val;
	osmo_tpl_exec_errorf(s, "undefined variable: %s", id->ptr);
}

static osmo_tpl_rval eval_variable_node(osmo_tpl_state *s, osmo_tpl_rval dot, const osmo_tpl_node *v,
					osmo_tpl_node *const *args, int nargs, const osmo_tpl_rval *final)
{
	s->node = v;
	osmo_tpl_rval val = var_value(s, &v->idents[0]);
	if (v->nidents == 1) {
		not_a_function(s, args, nargs, final);
		return val;
	}
	return eval_field_chain(s, dot, val, v, v->idents + 1, v->nidents - 1, args, nargs, final);
}

static osmo_tpl_rval eval_function(osmo_tpl_state *s, osmo_tpl_rval dot, const osmo_tpl_node *ident,
				   const osmo_tpl_node *cmd, osmo_tpl_node *const *args, int nargs,
				   const osmo_tpl_rval *final)
{
	s->node = ident;
	return eval_call(s, dot, ident, cmd, args, nargs, final);
}

static osmo_tpl_rval eval_empty_interface(osmo_tpl_state *s, osmo_tpl_rval dot, const osmo_tpl_node *n)
{
	s->node = n;
	switch (n->type) {
	case NODE_BOOL:
		return rv(osmo_bool(n->b));
	case NODE_DOT:
		return dot;
	case NODE_FIELD:
		return eval_field_node(s, dot, n, NULL, 0, NULL);
	case NODE_IDENT:
		return eval_function(s, dot, n, n, NULL, 0, NULL);
	case NODE_NUMBER:
		return ideal_constant(s, n);
	case NODE_STRING:
		return rv(osmo_str_ref(n->text.ptr, n->text.len));
	case NODE_VARIABLE:
		return eval_variable_node(s, dot, n, NULL, 0, NULL);
	case NODE_PIPE:
		return osmo_tpl_exec_pipeline(s, dot, n);
	}
	osmo_tpl_exec_errorf(s, "can't handle assignment of %s to empty interface argument", nstr(s, n));
}

static osmo_tpl_rval eval_arg(osmo_tpl_state *s, osmo_tpl_rval dot, char t, const osmo_tpl_node *n)
{
	s->node = n;
	switch (n->type) {
	case NODE_DOT:
		return validate_type(s, dot, t);
	case NODE_NIL:
		if (can_be_nil(t))
			return rv(zero_of(s, t));
		osmo_tpl_exec_errorf(s, "cannot assign nil to %s", tname(t));
	case NODE_FIELD: {
		osmo_tpl_node *self = (osmo_tpl_node *)n;
		return validate_type(s, eval_field_node(s, dot, n, &self, 1, NULL), t);
	}
	case NODE_VARIABLE:
		return validate_type(s, eval_variable_node(s, dot, n, NULL, 0, NULL), t);
	case NODE_PIPE:
		return validate_type(s, osmo_tpl_exec_pipeline(s, dot, n), t);
	case NODE_IDENT:
		return validate_type(s, eval_function(s, dot, n, n, NULL, 0, NULL), t);
	case NODE_CHAIN:
		return validate_type(s, eval_chain_node(s, dot, n, NULL, 0, NULL), t);
	}
	switch (t) {
	case 'b':
		if (n->type == NODE_BOOL)
			return rv(osmo_bool(n->b));
		osmo_tpl_exec_errorf(s, "expected bool; found %s", nstr(s, n));
	case 'f':
		if (n->type == NODE_NUMBER && n->is_float)
			return rv(osmo_float(n->f64));
		osmo_tpl_exec_errorf(s, "expected float; found %s", nstr(s, n));
	case 'i':
	case 'I':
		if (n->type == NODE_NUMBER && n->is_int)
			return rv(t == 'i' ? osmo_int(n->i64) : osmo_int64(n->i64));
		osmo_tpl_exec_errorf(s, "expected integer; found %s", nstr(s, n));
	case 's':
		if (n->type == NODE_STRING)
			return rv(osmo_str_ref(n->text.ptr, n->text.len));
		osmo_tpl_exec_errorf(s, "expected string; found %s", nstr(s, n));
	case 'a':
	case 'r':
	case 0:
		return eval_empty_interface(s, dot, n);
	}
	osmo_tpl_exec_errorf(s, "can't handle %s for arg of type %s", nstr(s, n), tname(t));
}

static bool truth_of(osmo_tpl_rval v)
{
	return osmo_tpl_builtins_truth(v.v);
}

static osmo_tpl_rval eval_call(osmo_tpl_state *s, osmo_tpl_rval dot, const osmo_tpl_node *fnode,
			       const osmo_tpl_node *node, osmo_tpl_node *const *args, int nargs,
			       const osmo_tpl_rval *final)
{
	const osmo_func_def *def = fnode->fn;
	const osmo_tpl_sig *sig = &fnode->sig;
	const char *name = fnode->text.ptr;
	int namelen = (int)fnode->text.len;
	/* args[0] is the function itself */
	osmo_tpl_node *const *av = args ? args + 1 : NULL;
	int na = args && nargs > 0 ? nargs - 1 : 0;
	int num_in = na + (final ? 1 : 0);
	int num_fixed = na;
	if (sig->variadic) {
		num_fixed = sig->nparams - 1;
		if (num_in < num_fixed)
			osmo_tpl_exec_errorf(s, "wrong number of args for %.*s: want at least %d got %d", namelen,
					     name, sig->nparams - 1, na);
	} else if (num_in != sig->nparams) {
		osmo_tpl_exec_errorf(s, "wrong number of args for %.*s: want %d got %d", namelen, name,
				     sig->nparams, num_in);
	}
	if (def->fn == osmo_tpl_builtins_and || def->fn == osmo_tpl_builtins_or) {
		bool is_or = def->fn == osmo_tpl_builtins_or;
		osmo_tpl_rval v = INVALID;
		for (int i = 0; i < na; i++) {
			v = eval_arg(s, dot, 'r', av[i]);
			if (truth_of(v) == is_or)
				return v;
		}
		if (final)
			v = *final;
		return v;
	}
	osmo_value stackv[ARGV_STACK];
	osmo_value *argv = num_in <= ARGV_STACK ? stackv
						: osmo_arena_alloc(s->sh->arena, sizeof(*argv) * (size_t)num_in);
	int i = 0;
	for (; i < num_fixed && i < na; i++)
		argv[i] = conv(eval_arg(s, dot, sig->params[i], av[i]), sig->params[i]);
	if (sig->variadic) {
		char vt = sig->params[sig->nparams - 1];
		for (; i < na; i++)
			argv[i] = conv(eval_arg(s, dot, vt, av[i]), vt);
	}
	if (final) {
		char t = sig->params[sig->nparams - 1];
		if (sig->variadic && num_in - 1 < num_fixed)
			t = sig->params[num_in - 1];
		argv[i] = conv(validate_type(s, *final, t), t);
	}
	if (def->fn == osmo_tpl_builtins_call) {
		/* Go passes the callee's node text for its error message */
		s->node = node;
		if (argv[0].type == OSMO_V_NULL)
			osmo_tpl_exec_errorf(s, "error calling call: call of nil");
		osmo_tpl_exec_errorf(s, "error calling call: non-function %s of type %s", nstr(s, av[0]),
				     osmo_value_gotype(argv[0]));
	}
	osmo_error err = { 0 };
	osmo_fnctx ctx = { s->sh->arena, &err, name, s };
	osmo_value out = osmo_null();
	int rc = def->fn(&out, &ctx, num_in, argv);
	if (rc) {
		const char *msg = osmo_arena_strdup(s->sh->arena, err.msg ? err.msg : "error");
		osmo_error_dispose(&err);
		s->node = node;
		osmo_tpl_exec_errorf(s, "error calling %.*s: %s", namelen, name, msg);
	}
	return rv(out);
}

static osmo_tpl_rval eval_command(osmo_tpl_state *s, osmo_tpl_rval dot, const osmo_tpl_node *cmd,
				  const osmo_tpl_rval *final)
{
	const osmo_tpl_node *first = cmd->kids[0];
	switch (first->type) {
	case NODE_FIELD:
		return eval_field_node(s, dot, first, cmd->kids, cmd->nkids, final);
	case NODE_CHAIN:
		return eval_chain_node(s, dot, first, cmd->kids, cmd->nkids, final);
	case NODE_IDENT:
		return eval_function(s, dot, first, cmd, cmd->kids, cmd->nkids, final);
	case NODE_PIPE:
		not_a_function(s, cmd->kids, cmd->nkids, final);
		return osmo_tpl_exec_pipeline(s, dot, first);
	case NODE_VARIABLE:
		return eval_variable_node(s, dot, first, cmd->kids, cmd->nkids, final);
	}
	s->node = first;
	not_a_function(s, cmd->kids, cmd->nkids, final);
	switch (first->type) {
	case NODE_BOOL:
		return rv(osmo_bool(first->b));
	case NODE_DOT:
		return dot;
	case NODE_NIL:
		osmo_tpl_exec_errorf(s, "nil is not a command");
	case NODE_NUMBER:
		return ideal_constant(s, first);
	case NODE_STRING:
		return rv(osmo_str_ref(first->text.ptr, first->text.len));
	}
	osmo_tpl_exec_errorf(s, "can't evaluate command %s", nstr(s, first));
}

osmo_tpl_rval osmo_tpl_exec_pipeline(osmo_tpl_state *s, osmo_tpl_rval dot, const osmo_tpl_node *pipe)
{
	if (!pipe)
		return INVALID;
	s->node = pipe;
	osmo_tpl_rval value = INVALID;
	for (int i = 0; i < pipe->nkids; i++) {
		osmo_tpl_rval prev = value;
		value = eval_command(s, dot, pipe->kids[i], i > 0 ? &prev : NULL);
		value.boxed = false; /* dig down one interface{} level */
	}
	for (int i = 0; i < pipe->ndecl; i++) {
		const osmo_tpl_node *var = pipe->decl[i];
		if (pipe->is_assign)
			osmo_tpl_exec_setvar(s, var, value);
		else
			osmo_tpl_exec_push(s, var->idents[0].ptr, var->idents[0].len, value);
	}
	return value;
}
