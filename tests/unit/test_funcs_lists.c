/* test_funcs_lists.c - Sprig list, dict, defaults and reflection functions
 * (funcs_lists.c, funcs_dicts.c, funcs_defaults.c) against results taken
 * from the reference helm 3.17.2: every expected value is
 * `{{ <case> | toString }}` as helm rendered it, or the message after
 * "error calling <fn>: " when helm failed. */
#include "osmo/funcs.h"
#include "osmo/gofmt.h"
#include "check.h"

#include <stdio.h>
#include <string.h>

static const osmo_func_def *const tables[] = {
	osmo_funcs_lists, osmo_funcs_dicts, osmo_funcs_defaults, osmo_funcs_strings,
};

/* ---- harness: run "fn arg ..." written as template literals ------------- *
 * Arguments: "go strings" (\n \t \" \\ \xNN \uNNNN escapes), integers,
 * floats, nil, true, false and parenthesised nested calls of the functions
 * under test.  Results are printed with fmt's %v (what `toString` gives in
 * helm); errors as "ERR:" + the message after "error calling fn: ". */
#include <stdlib.h>

#include "expr_harness.h"

static const tcase cases[] = {
	{ "list", "[]" },
	{ "list nil", "[<nil>]" },
	{ "list 1 \"a\" 2.5", "[1 a 2.5]" },
	{ "tuple 1 \"a\"", "[1 a]" },
	{ "first nil", "ERR:runtime error: invalid memory address or nil pointer dereference" },
	{ "first (list)", "<nil>" },
	{ "first (list 1 2)", "1" },
	{ "first \"abc\"", "ERR:Cannot find first on type string" },
	{ "mustFirst \"abc\"", "ERR:Cannot find first on type string" },
	{ "first (dict \"a\" 1)", "ERR:Cannot find first on type map" },
	{ "first 5", "ERR:Cannot find first on type int" },
	{ "rest (list 1 2 3)", "[2 3]" },
	{ "rest \"x\"", "ERR:Cannot find rest on type string" },
	{ "last (list 1 2 3)", "3" },
	{ "last (list)", "<nil>" },
	{ "mustLast 1.5", "ERR:Cannot find last on type float64" },
	{ "initial (list 1 2 3)", "[1 2]" },
	{ "initial true", "ERR:Cannot find initial on type bool" },
	{ "reverse (list 1 2 3)", "[3 2 1]" },
	{ "reverse (list)", "[]" },
	{ "reverse nil", "ERR:runtime error: invalid memory address or nil pointer dereference" },
	{ "uniq (list 1 1 \"a\" \"a\" 1.0 (list 1) (list 1))", "[1 a 1 [1]]" },
	{ "uniq \"x\"", "ERR:Cannot find uniq on type string" },
	{ "without (list 1 2 3 1) 1 3", "[2]" },
	{ "without (list 1 2)", "[1 2]" },
	{ "without \"x\" 1", "ERR:Cannot find without on type string" },
	{ "has 1 (list 1 2)", "true" },
	{ "has 3 (list 1 2)", "false" },
	{ "has 1 nil", "false" },
	{ "has 1 \"abc\"", "ERR:Cannot find has on type string" },
	{ "mustHas 1 \"abc\"", "ERR:Cannot find has on type string" },
	{ "has nil (list 1 nil)", "true" },
	{ "has (list 1) (list (list 1))", "true" },
	{ "slice (list 1 2 3 4) 1 3", "[2 3]" },
	{ "slice (list 1 2 3 4) 1", "[2 3 4]" },
	{ "slice (list 1 2 3 4)", "[1 2 3 4]" },
	{ "slice (list) 1 3", "<nil>" },
	{ "slice (list 1 2 3) 2 1", "ERR:reflect.Value.Slice: slice index out of bounds" },
	{ "slice (list 1 2 3) 1 5", "ERR:reflect.Value.Slice: slice index out of bounds" },
	{ "slice (list 1 2 3) -1", "ERR:reflect.Value.Slice: slice index out of bounds" },
	{ "slice (list 1 2 3) \"1\" 2.5", "[2]" },
	{ "slice (list 1 2 3) 1 2 3", "[2]" },
	{ "slice \"abc\" 1", "ERR:list should be type of slice or array but string" },
	{ "slice nil", "ERR:runtime error: invalid memory address or nil pointer dereference" },
	{ "slice 5 1", "ERR:list should be type of slice or array but int" },
	{ "mustSlice (list 1 2 3) 2 1", "ERR:reflect.Value.Slice: slice index out of bounds" },
	{ "slice (splitList \",\" \"a,b,c\") 1", "[b c]" },
	{ "typeOf (slice (splitList \",\" \"a,b,c\") 1)", "[]string" },
	{ "concat (list 1 2) (list 3) (splitList \",\" \"a,b\")", "[1 2 3 a b]" },
	{ "concat (list 1) \"x\"", "ERR:Cannot concat type string as list" },
	{ "concat (list 1) nil", "ERR:runtime error: invalid memory address or nil pointer dereference" },
	{ "concat (list 1) (dict)", "ERR:Cannot concat type map as list" },
	{ "append (list 1) 2", "[1 2]" },
	{ "append nil 2", "ERR:runtime error: invalid memory address or nil pointer dereference" },
	{ "append (list) (list 1)", "[[1]]" },
	{ "push \"x\" 2", "ERR:Cannot push on type string" },
	{ "mustPush \"x\" 2", "ERR:Cannot push on type string" },
	{ "mustAppend (list 1) nil", "[1 <nil>]" },
	{ "prepend (list 1) 0", "[0 1]" },
	{ "prepend 1 0", "ERR:Cannot prepend on type int" },
	{ "mustPrepend \"x\" 0", "ERR:Cannot prepend on type string" },
	{ "compact (list 0 1 \"\" nil false \"a\" (list) (dict) 0.0 (list 0))", "[1 a [0]]" },
	{ "compact (list)", "[]" },
	{ "mustCompact \"x\"", "ERR:Cannot compact on type string" },
	{ "chunk 2 (list 1 2 3 4 5)", "[[1 2] [3 4] [5]]" },
	{ "chunk 2 (list 1 2 3 4)", "[[1 2] [3 4]]" },
	{ "chunk 2 (list)", "[]" },
	{ "chunk 0 (list 1 2)", "ERR:runtime error: makeslice: len out of range" },
	{ "chunk 0 (list)", "ERR:runtime error: makeslice: len out of range" },
	{ "chunk -1 (list 1 2)", "[]" },
	{ "chunk -1 (list 1 2 3)", "ERR:runtime error: makeslice: len out of range" },
	{ "chunk -2 (list 1)", "[[1]]" },
	{ "chunk -1 (list 1)", "ERR:runtime error: makeslice: len out of range" },
	{ "chunk 10 (list 1 2)", "[[1 2]]" },
	{ "chunk 3 \"abc\"", "ERR:Cannot chunk type string" },
	{ "mustChunk 1 (list 1 2)", "[[1] [2]]" },
	{ "dict \"a\" 1 \"b\"", "map[a:1 b:]" },
	{ "dict 1 2 nil 3", "map[1:2 <nil>:3]" },
	{ "dict", "map[]" },
	{ "dict \"a\" 1 \"a\" 2", "map[a:2]" },
	{ "get (dict \"a\" 1) \"a\"", "1" },
	{ "get (dict \"a\" 1) \"b\"", "" },
	{ "get nil \"b\"", "" },
	{ "set (dict \"a\" 1) \"b\" 2", "map[a:1 b:2]" },
	{ "set (dict \"a\" 1) \"a\" nil", "map[a:<nil>]" },
	{ "set nil \"b\" 2", "ERR:assignment to entry in nil map" },
	{ "unset (dict \"a\" 1) \"a\"", "map[]" },
	{ "unset (dict \"a\" 1) \"b\"", "map[a:1]" },
	{ "unset nil \"a\"", "map[]" },
	{ "hasKey (dict \"a\" 1) \"a\"", "true" },
	{ "hasKey (dict \"a\" nil) \"a\"", "true" },
	{ "hasKey nil \"a\"", "false" },
	{ "pluck \"a\" (dict \"a\" 1) (dict \"b\" 2) (dict \"a\" 3)", "[1 3]" },
	{ "pluck \"a\"", "[]" },
	{ "sortAlpha (keys (dict \"b\" 1 \"a\" 2) (dict \"c\" 3 \"a\" 4))", "[a a b c]" },
	{ "keys", "[]" },
	{ "keys nil", "[]" },
	{ "pick (dict \"a\" 1 \"b\" 2 \"c\" 3) \"a\" \"c\" \"z\"", "map[a:1 c:3]" },
	{ "pick (dict \"a\" 1)", "map[]" },
	{ "pick nil \"a\"", "map[]" },
	{ "omit (dict \"a\" 1 \"b\" 2 \"c\" 3) \"a\" \"z\"", "map[b:2 c:3]" },
	{ "omit nil \"a\"", "map[]" },
	{ "values (dict \"a\" 1)", "[1]" },
	{ "values nil", "[]" },
	{ "merge (dict \"a\" 1 \"b\" \"\" \"c\" 0 \"d\" false \"e\" nil) (dict \"a\" 2 \"b\" \"x\" \"c\" 5 \"d\" true \"e\" \"y\" \"f\" nil \"g\" 7)", "map[a:1 b:x c:5 d:true e:y g:7]" },
	{ "mergeOverwrite (dict \"a\" 1 \"b\" \"x\" \"c\" 5) (dict \"a\" nil \"b\" \"\" \"c\" 0 \"z\" nil)", "map[a:<nil> b: c:0 z:<nil>]" },
	{ "merge (dict \"m\" (dict \"x\" 1 \"y\" (dict \"z\" 2))) (dict \"m\" (dict \"x\" 9 \"w\" 3 \"y\" (dict \"q\" 1)))", "map[m:map[w:3 x:1 y:map[q:1 z:2]]]" },
	{ "mergeOverwrite (dict \"m\" (dict \"x\" 1 \"y\" (dict \"z\" 2))) (dict \"m\" (dict \"x\" 9 \"w\" 3 \"y\" \"str\"))", "map[m:map[w:3 x:9 y:str]]" },
	{ "mergeOverwrite (dict \"m\" \"str\") (dict \"m\" (dict \"x\" 1))", "map[m:map[x:1]]" },
	{ "merge (dict \"l\" (list 1) \"k\" (list)) (dict \"l\" (list 2 3) \"k\" (list 4))", "map[k:[4] l:[1]]" },
	{ "mergeOverwrite (dict \"l\" (list 1)) (dict \"l\" (list))", "map[l:[]]" },
	{ "merge (dict \"l\" \"s\") (dict \"l\" (list 1))", "map[l:s]" },
	{ "merge (dict \"l\" \"\") (dict \"l\" (list 1))", "map[l:[1]]" },
	{ "merge (dict \"a\" \"str\") (dict \"a\" (dict \"x\" 1))", "map[a:str]" },
	{ "merge (dict \"a\" (dict)) (dict \"a\" (dict \"x\" 1))", "map[a:map[x:1]]" },
	{ "merge (dict \"a\" (dict)) (dict \"a\" (dict))", "map[a:map[]]" },
	{ "merge (dict \"a\" (dict \"x\" 1)) (dict \"a\" \"s\")", "map[a:map[x:1]]" },
	{ "merge (dict \"a\" 1) (dict \"a\" 2 \"b\" 2) (dict \"b\" 3 \"c\" 3)", "map[a:1 b:2 c:3]" },
	{ "mergeOverwrite (dict \"a\" 1) (dict \"a\" 2 \"b\" 2) (dict \"b\" 3 \"c\" 3)", "map[a:2 b:3 c:3]" },
	{ "merge nil (dict \"a\" 1)", "map[a:1]" },
	{ "merge nil", "map[]" },
	{ "merge (dict \"a\" 1)", "map[a:1]" },
	{ "merge (dict \"a\" 1) nil", "map[a:1]" },
	{ "mustMerge (dict \"a\" 1) (dict \"b\" 2)", "map[a:1 b:2]" },
	{ "mustMergeOverwrite (dict \"a\" 1) (dict \"a\" 2)", "map[a:2]" },
	{ "dig \"a\" \"b\" \"def\" (dict \"a\" (dict \"b\" 1))", "1" },
	{ "dig \"a\" \"c\" \"def\" (dict \"a\" (dict \"b\" 1))", "def" },
	{ "dig \"x\" \"c\" \"def\" (dict \"a\" (dict \"b\" 1))", "def" },
	{ "dig \"a\" \"b\" \"def\" (dict \"a\" \"str\")", "ERR:interface conversion: interface {} is string, not map[string]interface {}" },
	{ "dig \"a\" \"b\" \"def\" (dict \"a\" nil)", "ERR:interface conversion: interface {} is nil, not map[string]interface {}" },
	{ "dig \"a\" \"def\" (dict \"a\" nil)", "<nil>" },
	{ "dig \"a\" \"def\" nil", "ERR:interface conversion: interface {} is nil, not map[string]interface {}" },
	{ "dig \"a\" \"def\" \"str\"", "ERR:interface conversion: interface {} is string, not map[string]interface {}" },
	{ "dig 1 \"def\" (dict \"a\" 1)", "ERR:interface conversion: interface {} is int, not string" },
	{ "dig \"a\" (dict \"a\" 1)", "ERR:dig needs at least three arguments" },
	{ "dig \"a\" \"b\" \"def\" (dict \"a\" (split \",\" \"x\"))", "ERR:interface conversion: interface {} is map[string]string, not map[string]interface {}" },
	{ "deepCopy (dict \"a\" (list 1))", "map[a:[1]]" },
	{ "deepCopy nil", "ERR:reflect: call of reflect.Value.Type on zero Value" },
	{ "mustDeepCopy nil", "ERR:reflect: call of reflect.Value.Type on zero Value" },
	{ "mustDeepCopy 5", "5" },
	{ "deepCopy \"s\"", "s" },
	{ "default \"x\" 0", "x" },
	{ "default \"x\" false", "x" },
	{ "default \"x\" nil", "x" },
	{ "default \"x\" \"\"", "x" },
	{ "default \"x\" (list)", "x" },
	{ "default \"x\" (dict)", "x" },
	{ "default \"x\" 0.0", "x" },
	{ "default \"x\" 1 2", "1" },
	{ "default \"x\"", "x" },
	{ "default \"x\" \"y\"", "y" },
	{ "default \"x\" (list 0)", "[0]" },
	{ "empty 0", "true" },
	{ "empty nil", "true" },
	{ "empty \"\"", "true" },
	{ "empty \" \"", "false" },
	{ "empty (list)", "true" },
	{ "empty (list 0)", "false" },
	{ "empty (dict)", "true" },
	{ "empty false", "true" },
	{ "empty 0.0", "true" },
	{ "empty 1.5", "false" },
	{ "coalesce nil 0 \"\" \"x\" \"y\"", "x" },
	{ "coalesce nil 0", "<nil>" },
	{ "coalesce", "<nil>" },
	{ "coalesce (list) (dict \"a\" 1)", "map[a:1]" },
	{ "all 1 \"a\" (list 1)", "true" },
	{ "all 1 \"\"", "false" },
	{ "all", "true" },
	{ "any 0 \"\" nil", "false" },
	{ "any 0 \"a\"", "true" },
	{ "any", "false" },
	{ "ternary \"a\" \"b\" true", "a" },
	{ "ternary \"a\" \"b\" false", "b" },
	{ "ternary nil 1 false", "1" },
	{ "typeOf 1", "int" },
	{ "typeOf 1.5", "float64" },
	{ "typeOf \"a\"", "string" },
	{ "typeOf nil", "<nil>" },
	{ "typeOf true", "bool" },
	{ "typeOf (list)", "[]interface {}" },
	{ "typeOf (dict)", "map[string]interface {}" },
	{ "typeOf (split \",\" \"a\")", "map[string]string" },
	{ "typeOf (splitList \",\" \"a\")", "[]string" },
	{ "typeOf (keys (dict))", "[]string" },
	{ "typeOf (set (dict) \"a\" 1)", "map[string]interface {}" },
	{ "typeIs \"int\" 1", "true" },
	{ "typeIs \"string\" nil", "false" },
	{ "typeIs \"<nil>\" nil", "true" },
	{ "typeIs \"[]interface {}\" (list)", "true" },
	{ "typeIsLike \"int\" 1", "true" },
	{ "typeIsLike \"*int\" 1", "false" },
	{ "kindOf 1", "int" },
	{ "kindOf nil", "invalid" },
	{ "kindOf (list)", "slice" },
	{ "kindOf \"x\"", "string" },
	{ "kindOf 1.5", "float64" },
	{ "kindOf true", "bool" },
	{ "kindOf (dict)", "map" },
	{ "kindOf (split \",\" \"a\")", "map" },
	{ "kindOf (splitList \",\" \"a\")", "slice" },
	{ "kindIs \"map\" (dict)", "true" },
	{ "kindIs \"invalid\" nil", "true" },
	{ "kindIs \"slice\" (list)", "true" },
	{ "kindIs \"int\" 1.0", "false" },
	{ "deepEqual 1 1", "true" },
	{ "deepEqual 1 1.0", "false" },
	{ "deepEqual (list 1) (list 1)", "true" },
	{ "deepEqual (list 1) (list 2)", "false" },
	{ "deepEqual nil nil", "true" },
	{ "deepEqual nil \"\"", "false" },
	{ "deepEqual (dict \"a\" 1) (dict \"a\" 1)", "true" },
	{ "deepEqual (dict \"a\" (list 1)) (dict \"a\" (list 1))", "true" },
	{ "deepEqual (list \"a\") (splitList \",\" \"a\")", "false" },
};

static osmo_value call(const char *name, int argc, const osmo_value *argv)
{
	const osmo_func_def *d = find_fn(name, strlen(name));
	osmo_fnctx ctx = { arena, &err, name, NULL };
	osmo_value out = osmo_null();
	CHECK(d && d->fn(&out, &ctx, argc, argv) == 0);
	return out;
}

static const char *show(osmo_value v)
{
	osmo_buf b = OSMO_BUF_INIT;
	osmo_gofmt_value(&b, v);
	const char *r = osmo_arena_strdup(arena, osmo_buf_cstr(&b));
	osmo_buf_dispose(&b);
	return r;
}

/* Maps are references: charts rely on set/unset/merge changing the map
 * they were given ({{ $_ := set $d "k" 1 }}), as helm shows. */
static void check_mutation(void)
{
	osmo_value d = osmo_map_new(arena, 0), args[3];
	args[0] = d;
	args[1] = osmo_cstring(arena, "k");
	args[2] = osmo_int(1);
	call("set", 3, args);
	CHECK_STREQ(show(d), "map[k:1]");
	args[1] = osmo_cstring(arena, "k");
	call("unset", 2, args);
	CHECK_STREQ(show(d), "map[]");

	/* merge writes into its first argument, nested maps included */
	osmo_value inner = osmo_map_new(arena, 0);
	osmo_map_setc(arena, inner.u.map, "x", osmo_int(1));
	osmo_map_setc(arena, d.u.map, "m", inner);
	osmo_value src = osmo_map_new(arena, 0), sin = osmo_map_new(arena, 0);
	osmo_map_setc(arena, sin.u.map, "y", osmo_int(2));
	osmo_map_setc(arena, src.u.map, "m", sin);
	args[0] = d;
	args[1] = src;
	call("merge", 2, args);
	CHECK_STREQ(show(inner), "map[x:1 y:2]");

	/* chartutil.Values passed to a map parameter comes back as a plain map */
	osmo_value vals = osmo_map_new(arena, 0);
	vals.sub = OSMO_GO_VALUES;
	args[0] = vals;
	args[1] = osmo_cstring(arena, "a");
	args[2] = osmo_int(5);
	CHECK_STREQ(osmo_value_gotype(call("set", 3, args)), "map[string]interface {}");
	CHECK_STREQ(show(vals), "map[a:5]");
	args[1] = src;
	CHECK_STREQ(osmo_value_gotype(call("mergeOverwrite", 2, args)), "map[string]interface {}");

	/* ... and dig refuses it (helm: dig "a" "d" .Values) */
	args[0] = osmo_cstring(arena, "a");
	args[1] = osmo_cstring(arena, "d");
	args[2] = vals;
	const osmo_func_def *dig = find_fn("dig", 3);
	osmo_fnctx ctx = { arena, &err, "dig", NULL };
	osmo_value out;
	CHECK(dig->fn(&out, &ctx, 3, args) != 0);
	CHECK_STREQ(err.msg, "interface conversion: interface {} is chartutil.Values, not "
			     "map[string]interface {}");
	CHECK_STREQ(osmo_value_gotype(call("deepCopy", 1, &vals)), "chartutil.Values");
}

int main(void)
{
	arena = osmo_arena_new();
	run_cases(cases, sizeof(cases) / sizeof(cases[0]));
	check_mutation();
	osmo_error_dispose(&err);
	osmo_arena_free(arena);
	return CHECK_DONE();
}
