/* funcs_regex.c - Sprig's regex functions with Go RE2 semantics on PCRE2.
 *
 * Patterns are translated from Go's regexp/syntax dialect into an explicit
 * PCRE2 pattern by a single pass that mirrors Go's parser, so that every
 * pattern Go rejects is rejected here with Go's exact error text, and every
 * construct whose meaning differs (flags, ^ $ . \s \v, named groups, \Q..\E,
 * stacked repeats after a flag group) is spelled out unambiguously.  Flags
 * are tracked by the translator and applied per atom, so no inline flag
 * group ever reaches PCRE2.
 *
 * Matching then reproduces Go's FindAll / ReplaceAll / Split / Expand loops
 * (their empty-match advancing rules) on top of pcre2_match.  PCRE2
 * backtracks where RE2 is linear, so a match limit turns a pathological
 * pattern into an error instead of a hang.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "osmo/funcs.h"
#include "osmo/numfmt.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define MATCH_LIMIT 5000000u /* backtracking steps per match attempt */
#define DEPTH_LIMIT 100000u  /* backtracking memory, in KiB (heap limit) */
#define CACHE_SIZE 32

#include "regex_re2.h"

/* ---- compiled pattern cache --------------------------------------------- */

typedef struct regex {
	char *pat;
	size_t plen;
	pcre2_code *code; /* NULL when the pattern is invalid */
	char *err;        /* Go's error text when invalid */
	int ncap;
	char **names;     /* [1..ncap] */
} regex;

static _Thread_local regex cache[CACHE_SIZE];
static _Thread_local unsigned cache_next;
static _Thread_local pcre2_match_context *mctx;

static void regex_dispose(regex *re)
{
	for (int i = 1; i <= re->ncap && re->names; i++)
		osmo_free(re->names[i]);
	osmo_free(re->names);
	osmo_free(re->pat);
	osmo_free(re->err);
	if (re->code)
		pcre2_code_free(re->code);
	memset(re, 0, sizeof *re);
}

static void regex_build(regex *re, const char *pat, size_t plen)
{
	re2x x = { 0 };
	x.pat = pat;
	x.n = plen;
	re->pat = osmo_strndup(pat, plen);
	re->plen = plen;
	if (osmo_regex_re2_translate(&x) == 0) {
		int ec;
		PCRE2_SIZE eo;
		re->code = pcre2_compile((PCRE2_SPTR)(x.out.ptr ? x.out.ptr : ""), x.out.len,
					 PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &ec, &eo, NULL);
		if (!re->code) {
			/* translation bug or PCRE2 limit; report like Go's "too large" */
			osmo_buf b = OSMO_BUF_INIT;
			osmo_buf_puts(&b, "error parsing regexp: expression too large: `");
			osmo_buf_put(&b, pat, plen);
			osmo_buf_putc(&b, '`');
			re->err = osmo_buf_detach(&b);
		} else {
			pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
		}
	} else {
		re->err = x.err;
	}
	re->ncap = x.ncap;
	re->names = x.names;
	if (re->err) {
		for (int i = 1; i <= x.ncap && x.names; i++)
			osmo_free(x.names[i]);
		osmo_free(x.names);
		re->names = NULL;
		re->ncap = 0;
	}
	osmo_buf_dispose(&x.out);
	osmo_free(x.g);
}

/* The cache dies with its thread: a key destructor frees it. */
static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

static void cache_free(void *unused)
{
	(void)unused;
	for (unsigned i = 0; i < CACHE_SIZE; i++)
		regex_dispose(&cache[i]);
	if (mctx)
		pcre2_match_context_free(mctx);
	mctx = NULL;
}

static void cache_key_init(void)
{
	pthread_key_create(&cache_key, cache_free);
}

/* Threads that never exit through pthread_exit (the main thread) release
 * their cache here at process exit. */
static void __attribute__((destructor)) cache_free_main(void)
{
	cache_free(NULL);
}

/* The compiled form of pat, cached per thread (templates call regex
 * functions in loops with the same pattern).  Borrowed until the next call. */
static const regex *regex_get(const char *pat, size_t plen)
{
	pthread_once(&cache_once, cache_key_init);
	if (!pthread_getspecific(cache_key))
		pthread_setspecific(cache_key, (void *)1);
	for (unsigned i = 0; i < CACHE_SIZE; i++)
		if (cache[i].pat && cache[i].plen == plen && memcmp(cache[i].pat, pat, plen) == 0)
			return &cache[i];
	regex *re = &cache[cache_next++ % CACHE_SIZE];
	regex_dispose(re);
	regex_build(re, pat, plen);
	if (!mctx) {
		mctx = pcre2_match_context_create(NULL);
		pcre2_set_match_limit(mctx, MATCH_LIMIT);
		pcre2_set_depth_limit(mctx, MATCH_LIMIT);
		pcre2_set_heap_limit(mctx, DEPTH_LIMIT);
	}
	return re;
}

/* ---- Go's matching loops ------------------------------------------------ */

typedef struct matcher {
	const regex *re;
	const char *s;
	size_t n;
	pcre2_match_data *md;
	PCRE2_SIZE *ov;
	osmo_fnctx *ctx;
} matcher;

/* 1 = match (ov filled), 0 = none, <0 = error set. */
static int exec_at(matcher *m, size_t pos)
{
	int rc = pcre2_match(m->re->code, (PCRE2_SPTR)m->s, m->n, pos, 0, m->md, mctx);
	if (rc == PCRE2_ERROR_JIT_STACKLIMIT) /* the interpreter's heap goes further */
		rc = pcre2_match(m->re->code, (PCRE2_SPTR)m->s, m->n, pos, PCRE2_NO_JIT, m->md, mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0) {
		osmo_error_set(m->ctx->err, OSMO_ELIMIT,
			       "regexp: match limit exceeded (pattern needs backtracking RE2 would not do)");
		return OSMO_ELIMIT;
	}
	return 1;
}

static size_t rune_width(const char *s, size_t n, size_t pos)
{
	int w;
	if (pos >= n)
		return 0;
	osmo_numfmt_decode_rune(s + pos, n - pos, &w);
	return (size_t)w;
}

static void matcher_init(matcher *m, const regex *re, osmo_str s, osmo_fnctx *ctx)
{
	m->re = re;
	m->s = s.ptr;
	m->n = s.len;
	m->md = pcre2_match_data_create_from_pattern(re->code, NULL);
	m->ov = pcre2_get_ovector_pointer(m->md);
	m->ctx = ctx;
}

typedef int (*deliver_fn)(matcher *m, void *arg);

/* Go's allMatches: an empty match right after the previous match is
 * skipped; after an empty match the search moves on by one rune. */
static int all_matches(matcher *m, long limit, deliver_fn fn, void *arg)
{
	size_t pos = 0;
	long count = 0;
	long long prev_end = -1;
	if (limit < 0)
		limit = (long)m->n + 1;
	while (count < limit && pos <= m->n) {
		int rc = exec_at(m, pos);
		if (rc <= 0)
			return rc;
		bool accept = true;
		if (m->ov[1] == pos) {
			if ((long long)m->ov[0] == prev_end)
				accept = false;
			size_t w = rune_width(m->s, m->n, pos);
			pos += w ? w : 1;
		} else {
			pos = m->ov[1];
		}
		prev_end = (long long)m->ov[1];
		if (accept) {
			rc = fn(m, arg);
			if (rc)
				return rc;
			count++;
		}
	}
	return 0;
}

static pcre2_code *word_code;
static pthread_once_t word_once = PTHREAD_ONCE_INIT;

static void word_init(void)
{
	int ec;
	PCRE2_SIZE eo;
	word_code = pcre2_compile((PCRE2_SPTR) "^[\\p{L}\\p{Nd}]", PCRE2_ZERO_TERMINATED, PCRE2_UTF,
				  &ec, &eo, NULL);
}

/* unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' (Expand's names). */
static bool is_word_rune(int32_t r)
{
	if (r == '_' || (r >= '0' && r <= '9') || ((r | 0x20) >= 'a' && (r | 0x20) <= 'z'))
		return true;
	if (r < 0x80 || (r >= 0xD800 && r <= 0xDFFF) || r > 0x10FFFF)
		return false;
	pthread_once(&word_once, word_init);
	osmo_buf b = OSMO_BUF_INIT;
	osmo_numfmt_put_rune(&b, r);
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	int rc = pcre2_match(word_code, (PCRE2_SPTR)b.ptr, b.len, 0, 0, md, NULL);
	pcre2_match_data_free(md);
	osmo_buf_dispose(&b);
	return rc >= 0;
}

/* Go's Regexp.Expand for one match: $n, ${n}, $name, ${name}, $$. */
static void expand(osmo_buf *dst, matcher *m, const char *tpl, size_t tn)
{
	const PCRE2_SIZE *ov = m->ov;
	while (tn) {
		const char *d = memchr(tpl, '$', tn);
		if (!d)
			break;
		osmo_buf_put(dst, tpl, (size_t)(d - tpl));
		tn -= (size_t)(d - tpl) + 1;
		tpl = d + 1;
		if (tn && tpl[0] == '$') {
			osmo_buf_putc(dst, '$');
			tpl++;
			tn--;
			continue;
		}
		/* extract a name: letters, digits, '_' (Unicode) */
		bool brace = tn && tpl[0] == '{';
		size_t st = brace ? 1 : 0, i = st;
		while (i < tn) {
			int w;
			int32_t r = osmo_numfmt_decode_rune(tpl + i, tn - i, &w);
			if (!is_word_rune(r) || (r == 0xFFFD && w == 1))
				break;
			i += (size_t)w;
		}
		if (i == st || (brace && (i >= tn || tpl[i] != '}'))) {
			osmo_buf_putc(dst, '$'); /* malformed: $ is literal */
			continue;
		}
		const char *name = tpl + st;
		size_t nl = i - st;
		long num = 0;
		for (size_t k = 0; k < nl; k++) {
			if (name[k] < '0' || name[k] > '9' || num >= 100000000) {
				num = -1;
				break;
			}
			num = num * 10 + (name[k] - '0');
		}
		if (name[0] == '0' && nl > 1)
			num = -1;
		size_t used = i + (brace ? 1 : 0);
		tpl += used;
		tn -= used;
		long grp = -1;
		if (num >= 0) {
			grp = num;
		} else {
			for (int g = 1; g <= m->re->ncap; g++) {
				const char *gn = m->re->names[g];
				if (gn && strlen(gn) == nl && memcmp(gn, name, nl) == 0 && ov[2 * g] != PCRE2_UNSET) {
					grp = g;
					break;
				}
			}
		}
		if (grp >= 0 && grp <= m->re->ncap && ov[2 * grp] != PCRE2_UNSET)
			osmo_buf_put(dst, m->s + ov[2 * grp], ov[2 * grp + 1] - ov[2 * grp]);
	}
	osmo_buf_put(dst, tpl, tn);
}

/* Go's replaceAll. */
static int replace_all(matcher *m, osmo_buf *out, const char *repl, size_t rn, bool literal)
{
	size_t last_end = 0, pos = 0;
	while (pos <= m->n) {
		int rc = exec_at(m, pos);
		if (rc < 0)
			return rc;
		if (rc == 0)
			break;
		size_t a0 = m->ov[0], a1 = m->ov[1];
		osmo_buf_put(out, m->s + last_end, a0 - last_end);
		if (a1 > last_end || a0 == 0) {
			if (literal)
				osmo_buf_put(out, repl, rn);
			else
				expand(out, m, repl, rn);
		}
		last_end = a1;
		size_t w = rune_width(m->s, m->n, pos);
		if (pos + w > a1)
			pos += w;
		else if (pos + 1 > a1)
			pos++;
		else
			pos = a1;
	}
	osmo_buf_put(out, m->s + last_end, m->n - last_end);
	return 0;
}

/* ---- template functions ------------------------------------------------- */

typedef struct collect {
	osmo_arena *a;
	osmo_list *l;
	bool index; /* collect [start,end) pairs instead of strings */
} collect;

static int collect_match(matcher *m, void *arg)
{
	collect *c = arg;
	if (c->index) {
		osmo_list_push(c->a, c->l, osmo_int((int64_t)m->ov[0]));
		osmo_list_push(c->a, c->l, osmo_int((int64_t)m->ov[1]));
	} else {
		osmo_list_push(c->a, c->l, osmo_string(c->a, m->s + m->ov[0], m->ov[1] - m->ov[0]));
	}
	return 0;
}

/* Compiles argv[0]; on failure sets Go's error (must*) or MustCompile's
 * panic text (the others). */
static const regex *compile_arg(osmo_fnctx *ctx, osmo_str pat, bool must, int *rc)
{
	const regex *re = regex_get(pat.ptr, pat.len);
	*rc = 0;
	if (re->code)
		return re;
	if (must) {
		*rc = osmo_fn_errorf(ctx, "%s", re->err);
	} else {
		osmo_buf b = OSMO_BUF_INIT;
		osmo_buf_puts(&b, "regexp: Compile(");
		if (osmo_numfmt_can_backquote(pat.ptr, pat.len)) {
			osmo_buf_putc(&b, '`');
			osmo_buf_put(&b, pat.ptr, pat.len);
			osmo_buf_putc(&b, '`');
		} else {
			osmo_numfmt_quote(&b, pat.ptr, pat.len);
		}
		osmo_buf_printf(&b, "): %s", re->err);
		*rc = osmo_fn_errorf(ctx, "%s", osmo_buf_cstr(&b));
		osmo_buf_dispose(&b);
	}
	return NULL;
}

static int do_match(osmo_value *out, osmo_fnctx *ctx, const osmo_value *argv, bool must)
{
	const regex *re = regex_get(argv[0].u.s.ptr, argv[0].u.s.len);
	if (!re->code) {
		if (must)
			return osmo_fn_errorf(ctx, "%s", re->err);
		*out = osmo_bool(false); /* regexMatch ignores the error */
		return 0;
	}
	matcher m;
	matcher_init(&m, re, argv[1].u.s, ctx);
	int rc = exec_at(&m, 0);
	pcre2_match_data_free(m.md);
	if (rc < 0)
		return rc;
	*out = osmo_bool(rc == 1);
	return 0;
}

static int do_find_all(osmo_value *out, osmo_fnctx *ctx, const osmo_value *argv, bool must)
{
	int rc;
	const regex *re = compile_arg(ctx, argv[0].u.s, must, &rc);
	if (!re)
		return rc;
	osmo_value l = osmo_list_new(ctx->arena, 0);
	l.sub = OSMO_GO_STRLIST;
	if (argv[2].u.i != 0) {
		matcher m;
		matcher_init(&m, re, argv[1].u.s, ctx);
		collect c = { ctx->arena, l.u.list, false };
		rc = all_matches(&m, argv[2].u.i < 0 ? -1 : (long)argv[2].u.i, collect_match, &c);
		pcre2_match_data_free(m.md);
		if (rc)
			return rc;
	}
	*out = l;
	return 0;
}

static int do_find(osmo_value *out, osmo_fnctx *ctx, const osmo_value *argv, bool must)
{
	int rc;
	const regex *re = compile_arg(ctx, argv[0].u.s, must, &rc);
	if (!re)
		return rc;
	matcher m;
	matcher_init(&m, re, argv[1].u.s, ctx);
	rc = exec_at(&m, 0);
	if (rc == 1)
		*out = osmo_string(ctx->arena, m.s + m.ov[0], m.ov[1] - m.ov[0]);
	else if (rc == 0)
		*out = osmo_str_ref("", 0);
	pcre2_match_data_free(m.md);
	return rc < 0 ? rc : 0;
}

static int do_replace(osmo_value *out, osmo_fnctx *ctx, const osmo_value *argv, bool must, bool literal)
{
	int rc;
	const regex *re = compile_arg(ctx, argv[0].u.s, must, &rc);
	if (!re)
		return rc;
	matcher m;
	matcher_init(&m, re, argv[1].u.s, ctx);
	osmo_buf b = OSMO_BUF_INIT;
	rc = replace_all(&m, &b, argv[2].u.s.ptr, argv[2].u.s.len, literal);
	if (!rc)
		*out = osmo_string_buf(ctx->arena, &b);
	osmo_buf_dispose(&b);
	pcre2_match_data_free(m.md);
	return rc;
}

/* Go's Regexp.Split. */
static int do_split(osmo_value *out, osmo_fnctx *ctx, const osmo_value *argv, bool must)
{
	int rc;
	const regex *re = compile_arg(ctx, argv[0].u.s, must, &rc);
	if (!re)
		return rc;
	osmo_str s = argv[1].u.s;
	long n = (long)argv[2].u.i;
	osmo_value l = osmo_list_new(ctx->arena, 0);
	l.sub = OSMO_GO_STRLIST;
	*out = l;
	if (n == 0)
		return 0;
	if (argv[0].u.s.len > 0 && s.len == 0) {
		osmo_list_push(ctx->arena, l.u.list, osmo_str_ref("", 0));
		return 0;
	}
	osmo_value idx = osmo_list_new(ctx->arena, 0);
	matcher m;
	matcher_init(&m, re, s, ctx);
	collect c = { ctx->arena, idx.u.list, true };
	rc = all_matches(&m, n, collect_match, &c);
	pcre2_match_data_free(m.md);
	if (rc)
		return rc;
	size_t beg = 0, end = 0;
	for (size_t i = 0; i + 1 < idx.u.list->len; i += 2) {
		if (n > 0 && (long)l.u.list->len == n - 1)
			break;
		end = (size_t)idx.u.list->items[i].u.i;
		size_t mend = (size_t)idx.u.list->items[i + 1].u.i;
		if (mend != 0)
			osmo_list_push(ctx->arena, l.u.list, osmo_string(ctx->arena, s.ptr + beg, end - beg));
		beg = mend;
	}
	if (end != s.len)
		osmo_list_push(ctx->arena, l.u.list, osmo_string(ctx->arena, s.ptr + beg, s.len - beg));
	return 0;
}

static int do_replace_all(osmo_value *out, osmo_fnctx *ctx, const osmo_value *argv, bool must)
{
	return do_replace(out, ctx, argv, must, false);
}

static int do_replace_all_literal(osmo_value *out, osmo_fnctx *ctx, const osmo_value *argv, bool must)
{
	return do_replace(out, ctx, argv, must, true);
}

/* name and mustName over one implementation */
#define PAIR(fn)                                                                               \
	static int fn##_plain(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv) \
	{                                                                                      \
		(void)argc;                                                                    \
		return fn(out, ctx, argv, false);                                              \
	}                                                                                      \
	static int fn##_must(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)  \
	{                                                                                      \
		(void)argc;                                                                    \
		return fn(out, ctx, argv, true);                                               \
	}
PAIR(do_match)
PAIR(do_find_all)
PAIR(do_find)
PAIR(do_replace_all)
PAIR(do_replace_all_literal)
PAIR(do_split)

/* regexp.QuoteMeta: backslash before each of \.+*?()|[]{}^$ */
static int fn_quote_meta(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_buf b = OSMO_BUF_INIT;
	for (size_t i = 0; i < argv[0].u.s.len; i++) {
		char c = argv[0].u.s.ptr[i];
		if (c && strchr("\\.+*?()|[]{}^$", c))
			osmo_buf_putc(&b, '\\');
		osmo_buf_putc(&b, c);
	}
	*out = osmo_string_buf(ctx->arena, &b);
	osmo_buf_dispose(&b);
	return 0;
}

const osmo_func_def osmo_funcs_regex[] = {
	{ "regexMatch", "ss:b", do_match_plain },
	{ "mustRegexMatch", "ss:be", do_match_must },
	{ "regexFindAll", "ssi:S", do_find_all_plain },
	{ "mustRegexFindAll", "ssi:Se", do_find_all_must },
	{ "regexFind", "ss:s", do_find_plain },
	{ "mustRegexFind", "ss:se", do_find_must },
	{ "regexReplaceAll", "sss:s", do_replace_all_plain },
	{ "mustRegexReplaceAll", "sss:se", do_replace_all_must },
	{ "regexReplaceAllLiteral", "sss:s", do_replace_all_literal_plain },
	{ "mustRegexReplaceAllLiteral", "sss:se", do_replace_all_literal_must },
	{ "regexSplit", "ssi:S", do_split_plain },
	{ "mustRegexSplit", "ssi:Se", do_split_must },
	{ "regexQuoteMeta", "s:s", fn_quote_meta },
	{ NULL, NULL, NULL }
};
