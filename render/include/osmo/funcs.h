/* funcs.h - the template function table (Go builtins, Sprig v3.3.0, Helm).
 *
 * Every template function is a C function plus a signature string that
 * mirrors its Go signature.  The executor converts and checks arguments
 * against the signature exactly as Go's text/template does via reflection
 * (arity errors, "wrong type for value; expected int; got float64", untyped
 * constants), so implementations receive arguments of the declared types and
 * only implement the function's own behaviour.
 *
 * Signature string: parameter letters, then ':' and result letters.
 *   a interface{}   s string      i int        I int64     f float64
 *   b bool          l []interface{}            S []string  m map[string]interface{}
 *   B []byte        t time.Time?  (date functions that take interface{} use 'a')
 *   '*' before the last parameter letter marks it variadic (Go's ...T).
 *   Result letters as above; a trailing 'e' means the Go function also
 *   returns an error.  Examples: "s:s" (upper), "is:s" (indent),
 *   "a*a:a" (default), "*a:I" (add), "ss:be" (mustRegexMatch).
 *
 * A function returns 0 and sets *out, or returns an OSMO_E* code after
 * setting ctx->err's message (Go's error text or panic value); the executor
 * turns that into `error calling NAME: MSG` with the template position.
 */
#ifndef OSMO_FUNCS_H
#define OSMO_FUNCS_H

#include "osmo/value.h"

struct osmo_fnctx {
	osmo_arena *arena; /* results are allocated here */
	osmo_error *err;   /* set the message here on failure */
	const char *name;  /* the name the function was called by */
	void *engine;      /* executor state, for include/tpl/required */
};

typedef int (*osmo_fn)(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv);

typedef struct osmo_func_def {
	const char *name;
	const char *sig;
	osmo_fn fn;
} osmo_func_def;

/* Sets ctx->err and returns OSMO_ERROR: `return osmo_fn_errorf(ctx, "...")`. */
int osmo_fn_errorf(osmo_fnctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Look a function up in Helm's effective function map: Helm's own functions
 * override Sprig's, Sprig's override Go's builtins (as text/template's
 * user FuncMap does), and env/expandenv are absent.  NULL if unknown. */
const osmo_func_def *osmo_funcs_find(const char *name, size_t len);

/* Tables, each terminated by { NULL, NULL, NULL }.  One per family file. */
extern const osmo_func_def osmo_funcs_builtin[];  /* tpl_builtins.c: and or not len index slice print printf println html js urlquery call eq ne lt le gt ge */
extern const osmo_func_def osmo_funcs_engine[];   /* tpl_helm.c: include tpl required fail (need the executor) */
extern const osmo_func_def osmo_funcs_helm[];     /* funcs_helm.c: toYaml toYamlPretty fromYaml fromYamlArray toJson fromJson fromJsonArray toToml fromToml lookup getHostByName */
extern const osmo_func_def osmo_funcs_strings[];  /* funcs_strings.c */
extern const osmo_func_def osmo_funcs_lists[];    /* funcs_lists.c */
extern const osmo_func_def osmo_funcs_dicts[];    /* funcs_dicts.c */
extern const osmo_func_def osmo_funcs_defaults[]; /* funcs_defaults.c (+ reflection) */
extern const osmo_func_def osmo_funcs_math[];     /* funcs_math.c (+ conversion) */
extern const osmo_func_def osmo_funcs_encoding[]; /* funcs_encoding.c (+ paths, url, uuid) */
extern const osmo_func_def osmo_funcs_regex[];    /* funcs_regex.c */
extern const osmo_func_def osmo_funcs_semver[];   /* funcs_semver.c */
extern const osmo_func_def osmo_funcs_date[];     /* funcs_date.c */
extern const osmo_func_def osmo_funcs_crypto[];   /* funcs_crypto.c */

#endif
