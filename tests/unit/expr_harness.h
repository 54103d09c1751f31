/* expr_harness.h - shared by the Sprig unit-test programs that evaluate
 * small call expressions ("indent 2 \"x\"", nested parentheses) against the
 * function tables the including file lists in `tables`.  Included once per
 * test program, after `tables` is defined. */
#ifndef OSMO_TEST_EXPR_HARNESS_H
#define OSMO_TEST_EXPR_HARNESS_H

static osmo_arena *arena;
static osmo_error err;

static const osmo_func_def *find_fn(const char *name, size_t n)
{
	for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++)
		for (const osmo_func_def *d = tables[t]; d->name; d++)
			if (strlen(d->name) == n && memcmp(d->name, name, n) == 0)
				return d;
	return NULL;
}

static int hexval(char c)
{
	return c <= '9' ? c - '0' : (c | 32) - 'a' + 10;
}

static void put_utf8(osmo_buf *b, unsigned c)
{
	if (c < 0x80) {
		osmo_buf_putc(b, (char)c);
	} else if (c < 0x800) {
		osmo_buf_putc(b, (char)(0xC0 | (c >> 6)));
		osmo_buf_putc(b, (char)(0x80 | (c & 0x3F)));
	} else {
		osmo_buf_putc(b, (char)(0xE0 | (c >> 12)));
		osmo_buf_putc(b, (char)(0x80 | ((c >> 6) & 0x3F)));
		osmo_buf_putc(b, (char)(0x80 | (c & 0x3F)));
	}
}

static int eval_call(const char **sp, osmo_value *out);

static int parse_arg(const char **sp, osmo_value *out)
{
	const char *s = *sp;
	if (*s == '(') {
		s++;
		int rc = eval_call(&s, out);
		if (rc)
			return rc;
		if (*s == ')')
			s++;
	} else if (*s == '"') {
		osmo_buf b = OSMO_BUF_INIT;
		osmo_buf_puts(&b, "");
		for (s++; *s && *s != '"'; s++) {
			if (*s != '\\') {
				osmo_buf_putc(&b, *s);
				continue;
			}
			s++;
			if (*s == 'n')
				osmo_buf_putc(&b, '\n');
			else if (*s == 't')
				osmo_buf_putc(&b, '\t');
			else if (*s == 'x') {
				osmo_buf_putc(&b, (char)(hexval(s[1]) * 16 + hexval(s[2])));
				s += 2;
			} else if (*s == 'u') {
				put_utf8(&b, (unsigned)(hexval(s[1]) << 12 | hexval(s[2]) << 8 |
							hexval(s[3]) << 4 | hexval(s[4])));
				s += 4;
			} else
				osmo_buf_putc(&b, *s);
		}
		s++;
		*out = osmo_string_buf(arena, &b);
		osmo_buf_dispose(&b);
	} else {
		const char *e = s;
		while (*e && *e != ' ' && *e != ')')
			e++;
		char tok[64];
		snprintf(tok, sizeof(tok), "%.*s", (int)(e - s), s);
		if (strcmp(tok, "nil") == 0)
			*out = osmo_null();
		else if (strcmp(tok, "true") == 0)
			*out = osmo_bool(true);
		else if (strcmp(tok, "false") == 0)
			*out = osmo_bool(false);
		else if (strpbrk(tok, ".eE"))
			*out = osmo_float(strtod(tok, NULL));
		else
			*out = osmo_int(strtoll(tok, NULL, 10));
		s = e;
	}
	*sp = s;
	return 0;
}

/* The executor's job, reduced to what the cases need: the callee gets the
 * values its signature declares (ints for 'i', nil maps stay nil). */
static int eval_call(const char **sp, osmo_value *out)
{
	const char *s = *sp, *e = s;
	osmo_value argv[32];
	int argc = 0;
	while (*e && *e != ' ' && *e != ')')
		e++;
	const osmo_func_def *d = find_fn(s, (size_t)(e - s));
	if (!d) {
		osmo_error_set(&err, OSMO_ERROR, "unknown function %.*s", (int)(e - s), s);
		return OSMO_ERROR;
	}
	s = e;
	for (;;) {
		while (*s == ' ')
			s++;
		if (!*s || *s == ')')
			break;
		int rc = parse_arg(&s, &argv[argc++]);
		if (rc)
			return rc;
	}
	*sp = s;
	osmo_fnctx ctx = { arena, &err, d->name, NULL };
	return d->fn(out, &ctx, argc, argv);
}

/* Runs one case; returns the %v text or "ERR:msg" (arena-owned). */
static const char *run(const char *expr)
{
	osmo_value v;
	const char *s = expr;
	osmo_error_dispose(&err);
	if (eval_call(&s, &v))
		return osmo_arena_sprintf(arena, "ERR:%s", err.msg ? err.msg : "?");
	osmo_buf b = OSMO_BUF_INIT;
	osmo_gofmt_value(&b, v);
	const char *r = osmo_arena_strdup(arena, osmo_buf_cstr(&b));
	osmo_buf_dispose(&b);
	return r;
}

typedef struct tcase {
	const char *expr, *want;
} tcase;

static void run_cases(const tcase *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *got = run(c[i].expr);
		if (strcmp(got, c[i].want) != 0)
			fprintf(stderr, "case: %s\n", c[i].expr);
		CHECK_STREQ(got, c[i].want);
	}
}

#endif
