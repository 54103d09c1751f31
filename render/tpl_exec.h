/* tpl_exec.h - executor internals shared by tpl_exec*.c, tpl_builtins.c
 * and tpl_helm.c.  Errors unwind with longjmp to the innermost
 * execution (one per ExecuteTemplate: the file, or an include/tpl call),
 * carrying Go's error text. */
#ifndef OSMO_TPL_EXEC_H
#define OSMO_TPL_EXEC_H

#include <setjmp.h>

#include "osmo/tpl.h"
#include "tpl_parse.h"

/* A value as text/template's reflect.Value sees it: `boxed` means it sits
 * in an interface{} slot (a map[string]interface{} entry or []interface{}
 * element), which changes error texts ("interface {}") and makes a nil
 * "nil pointer" rather than invalid.  Invalid = NULL and not boxed. */
typedef struct osmo_tpl_rval {
	osmo_value v;
	bool boxed;
} osmo_tpl_rval;

/* In 'r' (reflect.Value) parameters of builtins, a NULL with this sub is
 * a nil interface{} (as opposed to an invalid value). */
#define OSMO_TPL_SUB_NILIFACE 1

typedef struct osmo_tpl_slot {
	const char *name;
	osmo_tpl_tree *tree;
} osmo_tpl_slot;

struct osmo_tpl_set {
	bool lint;         /* Helm's LintMode: required/fail log instead of failing */
	osmo_arena *arena; /* trees, nodes, source copies */
	osmo_tpl_slot *slots;
	size_t cap, n;
};

/* Templates a `tpl` call added to its clone of the set (looked up first). */
typedef struct osmo_tpl_overlay {
	struct osmo_tpl_overlay *parent;
	osmo_tpl_treeset ts;
} osmo_tpl_overlay;

typedef struct osmo_tpl_var {
	const char *name;
	size_t len;
	osmo_tpl_rval val;
} osmo_tpl_var;

/* State shared by one top-level execution and all its include/tpl calls. */
typedef struct osmo_tpl_shared {
	osmo_tpl_set *set;
	osmo_arena *arena;
	int depth;             /* nested executions (C stack guard) */
	struct {
		const char *name;
		int count;
	} *incl;               /* include recursion counters (Helm's includedNames) */
	int nincl, capincl;
} osmo_tpl_shared;

typedef struct osmo_tpl_state {
	osmo_tpl_shared *sh;
	osmo_tpl_overlay *ov;
	const osmo_tpl_tree *tmpl;
	const osmo_tpl_node *node;
	osmo_buf *out;
	osmo_tpl_var *vars; /* malloc'd, freed by the execution that owns it */
	int nvars, capvars;
	int base;  /* first variable of the current template frame */
	int depth; /* template call depth */
	jmp_buf *jb;
	char *goerr; /* malloc'd Go error text on failure */
} osmo_tpl_state;

/* ---- tpl_exec.c ---- */
_Noreturn void osmo_tpl_exec_errorf(osmo_tpl_state *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
osmo_tpl_tree *osmo_tpl_exec_lookup(osmo_tpl_shared *sh, osmo_tpl_overlay *ov, const char *name);
/* Run one template (Go's Template.Execute): 0, or OSMO_ERROR with *goerr
 * set (malloc'd). */
int osmo_tpl_exec_run(osmo_tpl_shared *sh, osmo_tpl_overlay *ov, const osmo_tpl_tree *t,
		      osmo_value data, osmo_buf *out, char **goerr);
void osmo_tpl_exec_setvar(osmo_tpl_state *s, const osmo_tpl_node *var, osmo_tpl_rval v);
void osmo_tpl_exec_push(osmo_tpl_state *s, const char *name, size_t len, osmo_tpl_rval v);
void osmo_tpl_exec_print(osmo_tpl_state *s, osmo_buf *b, osmo_tpl_rval v);

/* ---- tpl_exec_eval.c ---- */
osmo_tpl_rval osmo_tpl_exec_pipeline(osmo_tpl_state *s, osmo_tpl_rval dot, const osmo_tpl_node *pipe);
const char *osmo_tpl_exec_typename(osmo_tpl_rval v);

/* ---- tpl_builtins.c: and/or/call are evaluated by the executor ---- */
int osmo_tpl_builtins_and(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv);
int osmo_tpl_builtins_or(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv);
int osmo_tpl_builtins_call(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv);
bool osmo_tpl_builtins_truth(osmo_value v);

#endif
