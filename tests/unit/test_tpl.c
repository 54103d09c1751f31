/* test_tpl.c - text/template engine conformance: each case is a template
 * rendered as c/templates/x.yaml over fixed values; expected output (after
 * Helm's "<no value>" stripping) or Helm's error line was produced by the
 * reference helm v3.17.2. */
#include <string.h>

#include "check.h"
#include "osmo/tpl.h"

/* values.yaml:
 *   a: hello / s: str / num: 80 / nul: null / empty: [] /
 *   list: [1, two, 3.5] / m: {x: {y: 1}, b: 2}   (YAML 1.1: n and y are bools) */
static osmo_value values(osmo_arena *a)
{
	osmo_value v = osmo_map_new(a, 0);
	v.sub = OSMO_GO_VALUES;
	osmo_map_setc(a, v.u.map, "a", osmo_cstring(a, "hello"));
	osmo_map_setc(a, v.u.map, "s", osmo_cstring(a, "str"));
	osmo_map_setc(a, v.u.map, "num", osmo_float(80));
	osmo_map_setc(a, v.u.map, "nul", osmo_null());
	osmo_map_setc(a, v.u.map, "empty", osmo_list_new(a, 0));
	osmo_value l = osmo_list_new(a, 3);
	osmo_list_push(a, l.u.list, osmo_float(1));
	osmo_list_push(a, l.u.list, osmo_cstring(a, "two"));
	osmo_list_push(a, l.u.list, osmo_float(3.5));
	osmo_map_setc(a, v.u.map, "list", l);
	osmo_value x = osmo_map_new(a, 0);
	osmo_map_setc(a, x.u.map, "true", osmo_float(1));
	osmo_value m = osmo_map_new(a, 0);
	osmo_map_setc(a, m.u.map, "x", x);
	osmo_map_setc(a, m.u.map, "b", osmo_float(2));
	osmo_map_setc(a, v.u.map, "m", m);
	osmo_value top = osmo_map_new(a, 0);
	top.sub = OSMO_GO_VALUES;
	osmo_map_setc(a, top.u.map, "Values", v);
	return top;
}

static const struct {
	const char *tpl, *want;
	int is_err;
} cases[] = {
	{ "{{ \"x\" | printf }}", "x", 0 },
	{ "{{ eq .Values.n 80.0 }} {{ eq .Values.n 80 81.0 80.0 }} {{ ne \"a\" \"b\" }} {{ eq nil nil }}", "false false true true", 0 },
	{ "{{ index .Values.s 1 }} {{ index \"abc\" 0 | printf \"%T\" }}", "116 uint8", 0 },
	{ "{{ 3.5 | int }}", "3", 0 },
	{ "{{ printf \"%d\" .Values.missing }}", "%!d(<nil>)", 0 },
	{ "{{ 3 | and 1 }} {{ and 1 2 3 }} {{ or 0 false }} {{ and .Values.missing 1 }}|{{ or .Values.missing }}", "3 3 false |", 0 },
	{ "{{ 1e6 }} {{ 1.5 }} {{ 0x10 }} {{ 0o17 }} {{ 0b101 }} {{ 1_000 }} {{ 'a' }} {{ '\\n' }} {{ 0x1p4 }} {{ -3 }} {{ +4 }} {{ 017 }} {{ 1e-7 }} {{ .5 }}", "1e+06 1.5 16 15 5 1000 97 10 16 -3 4 15 1e-07 0.5", 0 },
	{ "{{ print 1 2 \"a\" \"b\" 3 nil }} {{ println \"x\" 1 }}", "1 2ab3 <nil> x 1\n", 0 },
	{ "{{ range .Values.m }}[{{ . }}]{{ end }} {{ range $k, $v := .Values.m }}{{ $k }}={{ $v }};{{ end }}", "[2][map[true:1]] b=2;x=map[true:1];", 0 },
	{ "{{ range .Values.empty }}x{{ else }}empty{{ end }} {{ range .Values.missing }}x{{ else }}none{{ end }}", "empty none", 0 },
	{ "{{ range .Values.list }}{{ if eq (printf \"%v\" .) \"two\" }}{{ continue }}{{ end }}{{ . }},{{ end }} {{ range .Values.list }}{{ if eq (printf \"%v\" .) \"two\" }}{{ break }}{{ end }}{{ . }},{{ end }}", "1,3.5, 1,", 0 },
	{ "{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }} {{ $y := 3 }}{{ with $y }}{{ $y = 4 }}{{ . }}{{ end }}{{ $y }}", "2 34", 0 },
	{ "{{ with .Values.missing }}a{{ else with .Values.a }}b{{ . }}{{ else }}c{{ end }}", "bhello", 0 },
	{ "{{ if .Values.missing }}a{{ else if .Values.n }}b{{ else }}c{{ end }}", "c", 0 },
	{ "{{- /* comment */ -}} x {{- 1 -}} y", "x1y", 0 },
	{ "{{ .Values.m }} {{ .Values.list }} {{ .Values }}", "map[b:2 x:map[true:1]] [1 two 3.5] map[a:hello empty:[] list:[1 two 3.5] m:map[b:2 x:map[true:1]] nul:<nil> num:80 s:str]", 0 },
	{ "{{ .Values.nul }}|{{ .Values.nul | printf \"%v\" }}|{{ printf \"%v\" .Values.nul }}", "|<nil>|<nil>", 0 },
	{ "{{ lt 1 2 }} {{ le 2 2 }} {{ gt \"b\" \"a\" }} {{ ge 1.5 2.5 }}", "true true true false", 0 },
	{ "{{ not .Values.missing }} {{ not \"\" }} {{ not .Values.list }}", "true true false", 0 },
	{ "{{ (.Values.missing).b }}|{{ $z := .Values.missing }}{{ $z.b }}", "|", 0 },
	{ "{{ tpl \"{{ .Values.a }}-{{ .Values.missing }}\" . }}", "hello-", 0 },
	{ "{{ tpl \"{{define \\\"q\\\"}}Q{{.}}{{end}}{{ include \\\"q\\\" 1 }}\" . }}", "Q1", 0 },
	{ "{{ printf \"%s\" .Values.missing }} {{ printf \"%q\" .Values.a }}", "%!s(<nil>) \"hello\"", 0 },
	{ "{{- range $i := .Values.list }}{{ $i }}{{ end }}", "1two3.5", 0 },
	{ "{{ with $v := .Values.a }}{{ $v }}{{ end }}", "hello", 0 },
	{ "{{ .Values.a | printf \"%s-%s\" \"p\" }}", "p-hello", 0 },
	{ "{{ print .Values.missing }} {{ print (.Values.missing) }}", "<nil> <nil>", 0 },
	{ "{{ eq .Values.missing nil }} {{ eq \"a\" \"b\" \"a\" }}", "true true", 0 },
	{ "a: {{ .Values.a.b }}", "template: c/templates/x.yaml:1:13: executing \"c/templates/x.yaml\" at <.Values.a.b>: can't evaluate field b in type interface {}", 1 },
	{ "a: {{ .Values.s.b }}", "template: c/templates/x.yaml:1:13: executing \"c/templates/x.yaml\" at <.Values.s.b>: can't evaluate field b in type interface {}", 1 },
	{ "a: {{ upper .Values.m }}", "template: c/templates/x.yaml:1:19: executing \"c/templates/x.yaml\" at <.Values.m>: wrong type for value; expected string; got map[string]interface {}", 1 },
	{ "a: {{ .Values.m | upper }}", "template: c/templates/x.yaml:1:18: executing \"c/templates/x.yaml\" at <upper>: wrong type for value; expected string; got map[string]interface {}", 1 },
	{ "{{ foo }}", "parse error at (c/templates/x.yaml:1): function \"foo\" not defined", 1 },
	{ "{{ end }}", "parse error at (c/templates/x.yaml:1): unexpected {{end}}", 1 },
	{ "{{ if 1 }}", "parse error at (c/templates/x.yaml:1): unexpected EOF", 1 },
	{ "{{ else }}", "parse error at (c/templates/x.yaml:1): unexpected {{else}}", 1 },
	{ "{{ .Values.a | 3 }}", "parse error at (c/templates/x.yaml:1): non executable command in pipeline stage 2", 1 },
	{ "{{ }}", "parse error at (c/templates/x.yaml:1): missing value for command", 1 },
	{ "{{ $x }}", "parse error at (c/templates/x.yaml:1): undefined variable \"$x\"", 1 },
	{ "{{ $x := 1 }}{{ $x.a }}", "template: c/templates/x.yaml:1:18: executing \"c/templates/x.yaml\" at <$x.a>: can't evaluate field a in type int", 1 },
	{ "{{ nil }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <nil>: nil is not a command", 1 },
	{ "{{ 1 2 }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <1>: can't give argument to non-function 1", 1 },
	{ "{{ lt 1 \"a\" }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <lt 1 \"a\">: error calling lt: incompatible types for comparison", 1 },
	{ "{{ lt true false }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <lt true false>: error calling lt: invalid type for comparison", 1 },
	{ "{{ index .Values.list 5 }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <index .Values.list 5>: error calling index: index out of range: 5", 1 },
	{ "{{ index .Values.list 3 }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <index .Values.list 3>: error calling index: reflect: slice index out of range", 1 },
	{ "{{ index \"abc\" 3 }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <index \"abc\" 3>: error calling index: reflect: string index out of range", 1 },
	{ "{{ index .Values.missing 1 }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <index .Values.missing 1>: error calling index: index of untyped nil", 1 },
	{ "{{ index .Values.list \"a\" }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <index .Values.list \"a\">: error calling index: cannot index slice/array with type string", 1 },
	{ "{{ len .Values.missing }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <len .Values.missing>: error calling len: len of nil pointer", 1 },
	{ "{{ len (.Values.missing) }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <len (.Values.missing)>: error calling len: reflect: call of reflect.Value.Type on zero Value", 1 },
	{ "{{ len 3 }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <len 3>: error calling len: len of type int", 1 },
	{ "{{ range 3 }}{{ end }}", "template: c/templates/x.yaml:1:9: executing \"c/templates/x.yaml\" at <3>: range can't iterate over 3", 1 },
	{ "{{ range .Values.s }}{{ end }}", "template: c/templates/x.yaml:1:16: executing \"c/templates/x.yaml\" at <.Values.s>: range can't iterate over str", 1 },
	{ "{{ template \"nope\" }}", "template: c/templates/x.yaml:1:12: executing \"c/templates/x.yaml\" at <{{template \"nope\"}}>: template \"nope\" not defined", 1 },
	{ "{{ break }}", "parse error at (c/templates/x.yaml:1): {{break}} outside {{range}}", 1 },
	{ "{{ range .Values.list }}{{ break 1 }}{{ end }}", "parse error at (c/templates/x.yaml:1): unexpected \"1\" in {{break}}", 1 },
	{ "{{ required \"need it\" .Values.missing }}", "execution error at (c/templates/x.yaml:1:3): need it", 1 },
	{ "{{ fail \"failed here\" }}", "execution error at (c/templates/x.yaml:1:3): failed here", 1 },
	{ "{{ printf 3 }}", "template: c/templates/x.yaml:1:10: executing \"c/templates/x.yaml\" at <3>: expected string; found 3", 1 },
	{ "{{ .Values.a \"x\" }}", "template: c/templates/x.yaml:1:10: executing \"c/templates/x.yaml\" at <.Values.a>: a is not a method but has arguments", 1 },
	{ "{{ \"abc }}", "parse error at (c/templates/x.yaml:1): unterminated quoted string", 1 },
	{ "{{ 'ab' }}", "parse error at (c/templates/x.yaml:1): 'ab'", 1 },
	{ "{{ 0x1.8 }}", "parse error at (c/templates/x.yaml:1): \"0x1.8\"", 1 },
	{ "{{ 99999999999999999999 }}", "parse error at (c/templates/x.yaml:1): \"99999999999999999999\"", 1 },
	{ "{{ (1).a }}", "template: c/templates/x.yaml:1:4: executing \"c/templates/x.yaml\" at <1>: can't evaluate field a in type int", 1 },
	{ "{{ .Values.list.a }}", "template: c/templates/x.yaml:1:10: executing \"c/templates/x.yaml\" at <.Values.list.a>: can't evaluate field a in type interface {}", 1 },
	{ "{{ eq .Values.list .Values.list }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <eq .Values.list .Values.list>: error calling eq: non-comparable type [%!s(float64=1) two %!s(float64=3.5)]: []interface {}", 1 },
	{ "{{ eq 1 }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <eq 1>: error calling eq: missing argument for comparison", 1 },
	{ "{{ define \"x\" }}a{{ end }}{{ define \"x\" }}b{{ end }}", "parse error at (c/templates/x.yaml:1): multiple definition of template \"x\"", 1 },
	{ "{{ /* c */ }}", "parse error at (c/templates/x.yaml:1): unexpected \"/\" in command", 1 },
	{ "{{/* c */ }}", "parse error at (c/templates/x.yaml:1): comment ends before closing delimiter", 1 },
	{ "{{ with $x := 1 }}{{ end }}{{ $x }}", "parse error at (c/templates/x.yaml:1): undefined variable \"$x\"", 1 },
	{ "{{ trimSuffix 3 \"a\" }}", "template: c/templates/x.yaml:1:14: executing \"c/templates/x.yaml\" at <3>: expected string; found 3", 1 },
	{ "{{ add \"a\" 1 | upper }}", "template: c/templates/x.yaml:1:15: executing \"c/templates/x.yaml\" at <upper>: wrong type for value; expected string; got int64", 1 },
	{ "{{ $.Values.a.b.c }}", "template: c/templates/x.yaml:1:4: executing \"c/templates/x.yaml\" at <$.Values.a.b.c>: can't evaluate field b in type interface {}", 1 },
	{ "{{ (.Values.a).b }}", "template: c/templates/x.yaml:1:11: executing \"c/templates/x.yaml\" at <.Values.a>: can't evaluate field b in type string", 1 },
	{ "{{ 1 | len }}", "template: c/templates/x.yaml:1:7: executing \"c/templates/x.yaml\" at <len>: error calling len: len of type int", 1 },
	{ "{{ include \"x\" }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <include>: wrong number of args for include: want 2 got 1", 1 },
	{ "{{ .Values.n.x }}", "template: c/templates/x.yaml:1:10: executing \"c/templates/x.yaml\" at <.Values.n.x>: nil pointer evaluating interface {}.x", 1 },
	{ "{{ range $i, $v, $w := .Values.list }}{{ end }}", "parse error at (c/templates/x.yaml:1): too many declarations in range", 1 },
	{ "{{ $x, $y := 1 }}", "parse error at (c/templates/x.yaml:1): too many declarations in command", 1 },
	{ "{{ else if }}", "parse error at (c/templates/x.yaml:1): unexpected {{else}}", 1 },
	{ "{{ if 1 }}{{ else }}{{ else }}{{ end }}", "parse error at (c/templates/x.yaml:1): expected end; found {{else}}", 1 },
	{ "{{- x -}}", "parse error at (c/templates/x.yaml:1): function \"x\" not defined", 1 },
	{ "{{ .a.b | }}", "template: c/templates/x.yaml:1:5: executing \"c/templates/x.yaml\" at <.a.b>: nil pointer evaluating interface {}.b", 1 },
	{ "{{ call .Values.a }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <call .Values.a>: error calling call: non-function .Values.a of type string", 1 },
	{ "{{ not }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <not>: wrong number of args for not: want 1 got 0", 1 },
	{ "{{ and }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <and>: wrong number of args for and: want at least 1 got 0", 1 },
	{ "{{ slice \"abc\" 1 2 }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <slice \"abc\" 1 2>: error calling slice: list should be type of slice or array but string", 1 },
	{ "{{ define \"a\" }}", "parse error at (c/templates/x.yaml:1): unexpected EOF", 1 },
	{ "  {{ required \"need\" .Values.q }}{{ end }}{{ tpl \"{{ include \\\"a\\\" . }}\" . }}", "parse error at (c/templates/x.yaml:1): unexpected {{end}}", 1 },
	{ "{{ tpl \"{{ tpl \\\"{{ fail \\\\\\\"deep\\\\\\\" }}\\\" . }}\" . }}", "execution error at (c/templates/x.yaml:1:3): deep", 1 },
	{ "{{ tpl \"{{ if }}\" . }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <tpl \"{{ if }}\" .>: error calling tpl: cannot parse template \"{{ if }}\": template: gotpl:1: missing value for if", 1 },
	{ "{{ tpl \"{{ .Values.a.b }}\" . }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <tpl \"{{ .Values.a.b }}\" .>: error calling tpl: error during tpl function execution for \"{{ .Values.a.b }}\": template: gotpl:1:10: executing \"gotpl\" at <.Values.a.b>: can't evaluate field b in type interface {}", 1 },
	{ "{{ required \"100%\" .Values.q }}", "execution error at (c/templates/x.yaml:1:3): 100%", 1 },
	{ "{{ required \"\" .Values.q }}", "execution error at (c/templates/x.yaml:1:3): ", 1 },
	{ "{{ eq .Values.num 80.0 }} {{ .Values.num }} {{ lt .Values.num 81.5 }}", "true 80 true", 0 },
	{ "{{ .Values.m.x.y }} {{ .Values.m.missing }} {{ index .Values.list 0 }}", "  1", 0 },
	{ "{{ $d := dict }}{{ $x := \"a\" | upper }}{{ $x }}", "A", 0 },
	{ "{{ eq .Values.num 80 }}", "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <eq .Values.num 80>: error calling eq: incompatible types for comparison", 1 },
	{ "{{ .Values.list.x }}", "template: c/templates/x.yaml:1:10: executing \"c/templates/x.yaml\" at <.Values.list.x>: can't evaluate field x in type interface {}", 1 },
	{ "{{ .Values.m.b.c }}", "template: c/templates/x.yaml:1:10: executing \"c/templates/x.yaml\" at <.Values.m.b.c>: can't evaluate field c in type interface {}", 1 },
	{ "{{ .Values.nul.c }}", "template: c/templates/x.yaml:1:10: executing \"c/templates/x.yaml\" at <.Values.nul.c>: nil pointer evaluating interface {}.c", 1 },
};

static void strip_no_value(osmo_buf *dst, const char *p, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (n - i >= 10 && memcmp(p + i, "<no value>", 10) == 0) {
			i += 10;
			continue;
		}
		osmo_buf_putc(dst, p[i++]);
	}
}

int main(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		osmo_arena *a = osmo_arena_new();
		osmo_tpl_set *s = osmo_tpl_set_new();
		osmo_error err = { 0 };
		osmo_buf out = OSMO_BUF_INIT, got = OSMO_BUF_INIT;
		const char *name = "c/templates/x.yaml";
		int rc = osmo_tpl_set_parse(s, name, cases[i].tpl, strlen(cases[i].tpl), &err);
		if (rc == 0)
			rc = osmo_tpl_set_execute(s, a, name, values(a), &out, &err);
		if (rc)
			osmo_buf_puts(&got, err.msg ? err.msg : "(no message)");
		else
			strip_no_value(&got, out.ptr ? out.ptr : "", out.len);
		if (!!rc != cases[i].is_err)
			fprintf(stderr, "case %zu: %s\n", i, cases[i].tpl);
		CHECK(!!rc == cases[i].is_err);
		CHECK_STREQ(osmo_buf_cstr(&got), cases[i].want);
		osmo_buf_dispose(&out);
		osmo_buf_dispose(&got);
		osmo_error_dispose(&err);
		osmo_tpl_set_free(s);
		osmo_arena_free(a);
	}
	return CHECK_DONE();
}
