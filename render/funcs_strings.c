/* funcs_strings.c - Sprig v3.3.0 string functions (strings.go, goutils,
 * xstrings v1.5.0 and the Go strings package they wrap).
 *
 * Byte- versus rune-level behaviour follows the Go code exactly: trunc,
 * substr, abbrev, wrap work on bytes; nospace and initials walk bytes but
 * treat each byte as a Latin-1 rune (so they can re-encode non-ASCII input,
 * as Helm does); upper/lower/title/swapcase and the case converters decode
 * UTF-8 and turn invalid bytes into U+FFFD.
 *
 * Unicode classes: ASCII and Latin-1 are exact per Go's unicode package;
 * beyond Latin-1 we ask glibc's C.UTF-8 locale, which agrees with Go for
 * letters and case mappings and only approximates punctuation/number. */
#include "osmo/funcs.h"
#include "osmo/numfmt.h"
#include "osmo/cast.h"
#include "osmo/gofmt.h"

#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <wctype.h>

#define RUNE_ERROR 0xFFFD

/* ---- UTF-8, with Go's decoding rules ------------------------------------ */

/* utf8.DecodeRuneInString: invalid or short input -> (RuneError, 1). */
static int32_t u8dec(const char *s, size_t n, size_t *w)
{
	if (n == 0) { /* Go reports width 0 for empty input */
		*w = 0;
		return RUNE_ERROR;
	}
	int width;
	int32_t r = osmo_numfmt_decode_rune(s, n, &width);
	*w = (size_t)width;
	return r;
}

/* utf8.DecodeLastRuneInString; returns the width. */
static size_t u8last(const char *s, size_t n, int32_t *r)
{
	size_t start = n, lim = n >= 4 ? n - 4 : 0, w;
	if (n == 0) {
		*r = RUNE_ERROR;
		return 0;
	}
	while (start > lim) {
		start--;
		if (((unsigned char)s[start] & 0xC0) != 0x80)
			break;
	}
	*r = u8dec(s + start, n - start, &w);
	if (start + w != n) {
		*r = RUNE_ERROR;
		return 1;
	}
	return w;
}

/* utf8.AppendRune: invalid runes become U+FFFD. */
static void u8put(osmo_buf *b, int32_t r)
{
	osmo_numfmt_put_rune(b, r);
}

/* ---- Unicode classes (Go's unicode package) ---------------------------- */

static locale_t uloc;
static wctrans_t utitle;
static pthread_once_t uonce = PTHREAD_ONCE_INIT;

static void uinit(void)
{
	uloc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	if (uloc)
		utitle = wctrans_l("totitle", uloc);
}

static bool uready(int32_t r)
{
	if (r < 0x80 || r > 0x10FFFF)
		return false;
	pthread_once(&uonce, uinit);
	return uloc != (locale_t)0;
}

static bool u_space(int32_t r)
{
	switch (r) {
	case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202F: case 0x205F: case 0x3000:
		return true;
	}
	return r >= 0x2000 && r <= 0x200A;
}

typedef struct urange {
	int32_t lo, hi;
} urange;

static bool in_ranges(const urange *t, size_t n, int32_t r)
{
	for (size_t i = 0; i < n; i++)
		if (r >= t[i].lo && r <= t[i].hi)
			return true;
	return false;
}

#define IN(t, r) in_ranges(t, sizeof(t) / sizeof(t[0]), r)

/* Where glibc's upper/lower classes differ from Go's Lu/Ll categories:
 * titlecase Greek, Roman numerals (Nl), circled/squared letters (So) and
 * modifier letters (Lm) that carry case mappings. */
static const urange not_upper[] = {
	{ 0x1F88, 0x1F8F }, { 0x1F98, 0x1F9F }, { 0x1FA8, 0x1FAF }, { 0x1FBC, 0x1FBC },
	{ 0x1FCC, 0x1FCC }, { 0x1FFC, 0x1FFC }, { 0x2160, 0x216F }, { 0x24B6, 0x24CF },
	{ 0x1F130, 0x1F149 }, { 0x1F150, 0x1F169 }, { 0x1F170, 0x1F189 },
};
static const urange not_lower[] = {
	{ 0x2B0, 0x2B8 }, { 0x2C0, 0x2C1 }, { 0x2E0, 0x2E4 }, { 0x345, 0x345 },
	{ 0x37A, 0x37A }, { 0x1D2C, 0x1D6A }, { 0x1D78, 0x1D78 }, { 0x1D9B, 0x1DBF },
	{ 0x2071, 0x2071 }, { 0x207F, 0x207F }, { 0x2090, 0x209C }, { 0x2170, 0x217F },
	{ 0x24D0, 0x24E9 }, { 0x2C7C, 0x2C7D }, { 0xA69C, 0xA69D }, { 0xA770, 0xA770 },
	{ 0xA7F8, 0xA7F9 }, { 0xAB5C, 0xAB5F }, { 0x10780, 0x107BA },
};
/* Go's Lt (titlecase letters). */
static const urange title_case[] = {
	{ 0x1C5, 0x1C5 }, { 0x1C8, 0x1C8 }, { 0x1CB, 0x1CB }, { 0x1F2, 0x1F2 },
	{ 0x1F88, 0x1F8F }, { 0x1F98, 0x1F9F }, { 0x1FA8, 0x1FAF }, { 0x1FBC, 0x1FBC },
	{ 0x1FCC, 0x1FCC }, { 0x1FFC, 0x1FFC },
};
/* Symbol blocks glibc counts as punctuation but Go (category S) does not:
 * currency, arrows, math, technical, shapes, dingbats, emoji. */
static const urange symbols[] = {
	{ 0x20A0, 0x20CF }, { 0x2190, 0x2307 }, { 0x230C, 0x2328 }, { 0x232B, 0x23FF },
	{ 0x2400, 0x24FF }, { 0x2500, 0x2767 }, { 0x2794, 0x27BF }, { 0x2B00, 0x2BFF },
	{ 0x1F000, 0x1FAFF },
};

static bool u_upper(int32_t r)
{
	if (r <= 0xFF)
		return (r >= 'A' && r <= 'Z') || (r >= 0xC0 && r <= 0xDE && r != 0xD7);
	/* glibc counts titlecase letters as both upper and lower. */
	return uready(r) && iswupper_l((wint_t)r, uloc) && !iswlower_l((wint_t)r, uloc) &&
	       !IN(not_upper, r);
}

static bool u_lower(int32_t r)
{
	if (r <= 0xFF)
		return (r >= 'a' && r <= 'z') || r == 0xB5 || (r >= 0xDF && r != 0xF7);
	return uready(r) && iswlower_l((wint_t)r, uloc) && !iswupper_l((wint_t)r, uloc) &&
	       !IN(not_lower, r);
}

static bool u_title(int32_t r)
{
	return r > 0xFF && IN(title_case, r);
}

static bool u_letter(int32_t r)
{
	if (r <= 0xFF)
		return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == 0xAA || r == 0xB5 ||
		       r == 0xBA || (r >= 0xC0 && r != 0xD7 && r != 0xF7);
	/* Roman numerals (Nl) and circled/squared letters (So) are not letters in Go. */
	return uready(r) && iswalpha_l((wint_t)r, uloc) && !(r >= 0x2160 && r <= 0x2188) &&
	       !(r >= 0x24B6 && r <= 0x24E9) && !(r >= 0x1F130 && r <= 0x1F189);
}

static bool u_digit(int32_t r)
{
	return r >= '0' && r <= '9';
}

static bool u_number(int32_t r)
{
	return u_digit(r) || r == 0xB2 || r == 0xB3 || r == 0xB9 || (r >= 0xBC && r <= 0xBE);
}

static bool u_punct(int32_t r)
{
	if (r < 0x80)
		return r > ' ' && strchr("!\"#%&'()*,-./:;?@[\\]_{}", (int)r) != NULL;
	if (r <= 0xFF)
		return r == 0xA1 || r == 0xA7 || r == 0xAB || r == 0xB6 || r == 0xB7 || r == 0xBB ||
		       r == 0xBF;
	return uready(r) && iswpunct_l((wint_t)r, uloc) && !u_space(r) && !IN(symbols, r);
}

static int32_t u_toupper(int32_t r)
{
	if (r < 0x80)
		return (r >= 'a' && r <= 'z') ? r - 32 : r;
	return uready(r) ? (int32_t)towupper_l((wint_t)r, uloc) : r;
}

static int32_t u_tolower(int32_t r)
{
	if (r < 0x80)
		return (r >= 'A' && r <= 'Z') ? r + 32 : r;
	return uready(r) ? (int32_t)towlower_l((wint_t)r, uloc) : r;
}

static int32_t u_totitle(int32_t r)
{
	if (r < 0x80 || !uready(r))
		return u_toupper(r);
	return utitle ? (int32_t)towctrans_l((wint_t)r, utitle, uloc) : u_toupper(r);
}

/* ---- helpers ------------------------------------------------------------ */

static osmo_str arg_s(const osmo_value *argv, int i)
{
	return argv[i].u.s;
}

static int ret_buf(osmo_value *out, osmo_fnctx *ctx, osmo_buf *b)
{
	*out = osmo_string_buf(ctx->arena, b);
	osmo_buf_dispose(b);
	return 0;
}

static int ret_str(osmo_value *out, osmo_fnctx *ctx, const char *p, size_t n)
{
	*out = osmo_string(ctx->arena, p, n);
	return 0;
}

static const char *memfind(const char *h, size_t hn, const char *n, size_t nn)
{
	if (nn == 0)
		return h;
	return memmem(h, hn, n, nn);
}

/* strings.Repeat into b; Go panics on negative counts. */
static int repeat_into(osmo_fnctx *ctx, osmo_buf *b, const char *s, size_t n, int64_t count)
{
	if (count < 0)
		return osmo_fn_errorf(ctx, "strings: negative Repeat count");
	if (n && (uint64_t)count > (uint64_t)INT64_MAX / n)
		return osmo_fn_errorf(ctx, "strings: Repeat output length overflow");
	for (int64_t i = 0; i < count; i++)
		osmo_buf_put(b, s, n);
	return 0;
}

/* strings.Map with a rune mapping (invalid bytes become U+FFFD). */
static int map_runes(osmo_value *out, osmo_fnctx *ctx, osmo_str s, int32_t (*f)(int32_t))
{
	osmo_buf b = OSMO_BUF_INIT;
	size_t w;
	osmo_buf_grow(&b, s.len);
	for (size_t i = 0; i < s.len; i += w)
		u8put(&b, f(u8dec(s.ptr + i, s.len - i, &w)));
	return ret_buf(out, ctx, &b);
}

/* ---- simple wrappers around Go's strings package ------------------------ */

static int fn_hello(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx, (void)argc, (void)argv;
	*out = osmo_str_ref("Hello!", 6);
	return 0;
}

static int fn_upper(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return map_runes(out, ctx, arg_s(argv, 0), u_toupper);
}

static int fn_lower(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return map_runes(out, ctx, arg_s(argv, 0), u_tolower);
}

/* strings.Title: ASCII alphanumerics and '_' join words; beyond ASCII,
 * letters and digits join and only spaces separate. */
static bool title_sep(int32_t r)
{
	if (r < 0x80)
		return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
			 r == '_');
	if (u_letter(r) || u_digit(r))
		return false;
	return u_space(r);
}

static int fn_title(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_str s = arg_s(argv, 0);
	osmo_buf b = OSMO_BUF_INIT;
	int32_t prev = ' ';
	size_t w;
	(void)argc;
	osmo_buf_grow(&b, s.len);
	for (size_t i = 0; i < s.len; i += w) {
		int32_t r = u8dec(s.ptr + i, s.len - i, &w);
		u8put(&b, title_sep(prev) ? u_totitle(r) : r);
		prev = r;
	}
	return ret_buf(out, ctx, &b);
}

/* goutils.Uncapitalize: lower-case the first rune of each space-separated word. */
static int fn_untitle(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_str s = arg_s(argv, 0);
	osmo_buf b = OSMO_BUF_INIT;
	bool next = true;
	size_t w;
	(void)argc;
	if (s.len == 0)
		return ret_str(out, ctx, "", 0);
	for (size_t i = 0; i < s.len; i += w) {
		int32_t r = u8dec(s.ptr + i, s.len - i, &w);
		if (u_space(r)) {
			next = true;
		} else if (next) {
			r = u_tolower(r);
			next = false;
		}
		u8put(&b, r);
	}
	return ret_buf(out, ctx, &b);
}

/* goutils.SwapCase (word based: a lower-case rune after a space becomes
 * title case). */
static int fn_swapcase(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_str s = arg_s(argv, 0);
	osmo_buf b = OSMO_BUF_INIT;
	bool ws = true;
	size_t w;
	(void)argc;
	if (s.len == 0)
		return ret_str(out, ctx, "", 0);
	for (size_t i = 0; i < s.len; i += w) {
		int32_t r = u8dec(s.ptr + i, s.len - i, &w);
		if (u_upper(r) || u_title(r)) {
			r = u_tolower(r);
			ws = false;
		} else if (u_lower(r)) {
			r = ws ? u_totitle(r) : u_toupper(r);
			ws = false;
		} else {
			ws = u_space(r);
		}
		u8put(&b, r);
	}
	return ret_buf(out, ctx, &b);
}

static bool is_space_rune_at(osmo_str s, size_t i, size_t *w)
{
	return u_space(u8dec(s.ptr + i, s.len - i, w));
}

static int fn_trim(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_str s = arg_s(argv, 0);
	size_t a = 0, e = s.len, w;
	int32_t r;
	(void)argc;
	while (a < e && is_space_rune_at(s, a, &w))
		a += w;
	while (e > a) {
		w = u8last(s.ptr + a, e - a, &r);
		if (!u_space(r))
			break;
		e -= w;
	}
	return ret_str(out, ctx, s.ptr + a, e - a);
}

/* Whether rune r occurs in cutset (runes of the cutset decoded like Go). */
static bool in_cutset(osmo_str cut, int32_t r)
{
	size_t w;
	for (size_t i = 0; i < cut.len; i += w)
		if (u8dec(cut.ptr + i, cut.len - i, &w) == r)
			return true;
	return false;
}

/* trimAll/trimall: strings.Trim(b, a). */
static int fn_trimall(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_str cut = arg_s(argv, 0), s = arg_s(argv, 1);
	size_t a = 0, e = s.len, w;
	int32_t r;
	(void)argc;
	if (cut.len == 0)
		return ret_str(out, ctx, s.ptr, s.len);
	while (a < e && in_cutset(cut, u8dec(s.ptr + a, e - a, &w)))
		a += w;
	while (e > a) {
		w = u8last(s.ptr + a, e - a, &r);
		if (!in_cutset(cut, r))
			break;
		e -= w;
	}
	return ret_str(out, ctx, s.ptr + a, e - a);
}

static int fn_trimsuffix(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_str suf = arg_s(argv, 0), s = arg_s(argv, 1);
	(void)argc;
	if (s.len >= suf.len && memcmp(s.ptr + s.len - suf.len, suf.ptr, suf.len) == 0)
		s.len -= suf.len;
	return ret_str(out, ctx, s.ptr, s.len);
}

static int fn_trimprefix(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_str pre = arg_s(argv, 0), s = arg_s(argv, 1);
	(void)argc;
	if (s.len >= pre.len && memcmp(s.ptr, pre.ptr, pre.len) == 0)
		return ret_str(out, ctx, s.ptr + pre.len, s.len - pre.len);
	return ret_str(out, ctx, s.ptr, s.len);
}

static int fn_contains(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_str sub = arg_s(argv, 0), s = arg_s(argv, 1);
	(void)ctx, (void)argc;
	*out = osmo_bool(memfind(s.ptr, s.len, sub.ptr, sub.len) != NULL);
	return 0;
}

static int fn_hasprefix(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_str pre = arg_s(argv, 0), s = arg_s(argv, 1);
	(void)ctx, (void)argc;
	*out = osmo_bool(s.len >= pre.len && memcmp(s.ptr, pre.ptr, pre.len) == 0);
	return 0;
}

static int fn_hassuffix(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_str suf = arg_s(argv, 0), s = arg_s(argv, 1);
	(void)ctx, (void)argc;
	*out = osmo_bool(s.len >= suf.len &&
			 memcmp(s.ptr + s.len - suf.len, suf.ptr, suf.len) == 0);
	return 0;
}

static int fn_repeat(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_str s = arg_s(argv, 1);
	osmo_buf b = OSMO_BUF_INIT;
	(void)argc;
	int rc = repeat_into(ctx, &b, s.ptr, s.len, argv[0].u.i);
	if (rc) {
		osmo_buf_dispose(&b);
		return rc;
	}
	return ret_buf(out, ctx, &b);
}

/* strings.Replace(src, old, new, -1); an empty old inserts new around
 * every UTF-8 sequence. */
static void replace_into(osmo_buf *b, osmo_str src, osmo_str old, osmo_str new_)
{
	size_t i = 0, w;
	if (old.len == 0) {
		osmo_buf_put(b, new_.ptr, new_.len);
		while (i < src.len) {
			u8dec(src.ptr + i, src.len - i, &w);
			osmo_buf_put(b, src.ptr + i, w);
			osmo_buf_put(b, new_.ptr, new_.len);
			i += w;
		}
		return;
	}
	for (;;) {
		const char *m = memfind(src.ptr + i, src.len - i, old.ptr, old.len);
		if (!m)
			break;
		osmo_buf_put(b, src.ptr + i, (size_t)(m - (src.ptr + i)));
		osmo_buf_put(b, new_.ptr, new_.len);
		i = (size_t)(m - src.ptr) + old.len;
	}
	osmo_buf_put(b, src.ptr + i, src.len - i);
}

static int fn_replace(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT;
	(void)argc;
	osmo_buf_puts(&b, "");
	replace_into(&b, arg_s(argv, 2), arg_s(argv, 0), arg_s(argv, 1));
	return ret_buf(out, ctx, &b);
}

static int indent_into(osmo_fnctx *ctx, osmo_buf *b, int64_t spaces, osmo_str s)
{
	osmo_buf pad = OSMO_BUF_INIT;
	int rc;
	osmo_buf_putc(&pad, '\n'); /* pad is "\n" + spaces: the replacement for "\n" */
	rc = repeat_into(ctx, &pad, " ", 1, spaces);
	if (rc == 0) {
		osmo_str nl = { "\n", 1 }, np = { pad.ptr, pad.len };
		osmo_buf_put(b, pad.ptr + 1, pad.len - 1);
		replace_into(b, s, nl, np);
	}
	osmo_buf_dispose(&pad);
	return rc;
}

static int fn_indent(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT;
	(void)argc;
	int rc = indent_into(ctx, &b, argv[0].u.i, arg_s(argv, 1));
	if (rc) {
		osmo_buf_dispose(&b);
		return rc;
	}
	return ret_buf(out, ctx, &b);
}

static int fn_nindent(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT;
	(void)argc;
	osmo_buf_putc(&b, '\n');
	int rc = indent_into(ctx, &b, argv[0].u.i, arg_s(argv, 1));
	if (rc) {
		osmo_buf_dispose(&b);
		return rc;
	}
	return ret_buf(out, ctx, &b);
}

static int fn_plural(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx, (void)argc;
	*out = argv[2].u.i == 1 ? argv[0] : argv[1];
	return 0;
}

/* ---- byte-oriented Sprig/goutils helpers -------------------------------- */

static int fn_trunc(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	int64_t c = argv[0].u.i;
	osmo_str s = arg_s(argv, 1);
	(void)argc;
	if (c < 0 && (int64_t)s.len + c > 0)
		return ret_str(out, ctx, s.ptr + s.len + c, (size_t)-c);
	if (c >= 0 && (int64_t)s.len > c)
		return ret_str(out, ctx, s.ptr, (size_t)c);
	return ret_str(out, ctx, s.ptr, s.len);
}

/* Go's runtime message for an out-of-range string slice s[lo:hi]. */
static int slice_panic(osmo_fnctx *ctx, int64_t lo, int64_t hi, size_t len, int form)
{
	if (form == 1 && hi < 0) /* s[:hi] */
		return osmo_fn_errorf(ctx, "runtime error: slice bounds out of range [:%lld]",
				      (long long)hi);
	if (form == 1)
		return osmo_fn_errorf(ctx, "runtime error: slice bounds out of range [:%lld] with length %zu",
				      (long long)hi, len);
	if (form == 2) /* s[lo:] */
		return osmo_fn_errorf(ctx, "runtime error: slice bounds out of range [%lld:%zu]",
				      (long long)lo, len);
	return osmo_fn_errorf(ctx, "runtime error: slice bounds out of range [%lld:%lld]",
			      (long long)lo, (long long)hi);
}

static int fn_substr(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	int64_t start = argv[0].u.i, end = argv[1].u.i;
	osmo_str s = arg_s(argv, 2);
	int64_t n = (int64_t)s.len;
	(void)argc;
	if (start < 0) {
		if (end < 0 || end > n)
			return slice_panic(ctx, 0, end, s.len, 1);
		return ret_str(out, ctx, s.ptr, (size_t)end);
	}
	if (end < 0 || end > n) {
		if (start > n)
			return slice_panic(ctx, start, 0, s.len, 2);
		return ret_str(out, ctx, s.ptr + start, (size_t)(n - start));
	}
	if (start > end)
		return slice_panic(ctx, start, end, s.len, 0);
	return ret_str(out, ctx, s.ptr + start, (size_t)(end - start));
}

/* goutils.AbbreviateFull (errors are swallowed by Sprig into ""). */
static void abbreviate(osmo_buf *b, osmo_str s, int64_t offset, int64_t maxw)
{
	int64_t n = (int64_t)s.len;
	if (n == 0 || maxw < 4)
		return;
	if (n <= maxw) {
		osmo_buf_put(b, s.ptr, s.len);
		return;
	}
	if (offset > n)
		offset = n;
	if (n - offset < maxw - 3)
		offset = n - (maxw - 3);
	if (offset <= 4) {
		osmo_buf_put(b, s.ptr, (size_t)(maxw - 3));
		osmo_buf_puts(b, "...");
		return;
	}
	if (maxw < 7)
		return;
	osmo_buf_puts(b, "...");
	if (offset + maxw - 3 < n) {
		osmo_str rest = { s.ptr + offset, (size_t)(n - offset) };
		abbreviate(b, rest, 0, maxw - 3);
		return;
	}
	osmo_buf_put(b, s.ptr + n - (maxw - 3), (size_t)(maxw - 3));
}

static int fn_abbrev(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT;
	(void)argc;
	if (argv[0].u.i < 4)
		return ret_str(out, ctx, argv[1].u.s.ptr, argv[1].u.s.len);
	osmo_buf_puts(&b, "");
	abbreviate(&b, arg_s(argv, 1), 0, argv[0].u.i);
	return ret_buf(out, ctx, &b);
}

static int fn_abbrevboth(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	int64_t left = argv[0].u.i, right = argv[1].u.i;
	osmo_buf b = OSMO_BUF_INIT;
	(void)argc;
	if (right < 4 || (left > 0 && right < 7))
		return ret_str(out, ctx, argv[2].u.s.ptr, argv[2].u.s.len);
	osmo_buf_puts(&b, "");
	abbreviate(&b, arg_s(argv, 2), left, right);
	return ret_buf(out, ctx, &b);
}

/* goutils walks bytes as if each were a Latin-1 rune. */
static bool byte_space(unsigned char c)
{
	return u_space((int32_t)c);
}

static int fn_nospace(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_str s = arg_s(argv, 0);
	osmo_buf b = OSMO_BUF_INIT;
	size_t kept = 0;
	(void)argc;
	for (size_t i = 0; i < s.len; i++)
		kept += !byte_space((unsigned char)s.ptr[i]);
	if (kept == s.len)
		return ret_str(out, ctx, s.ptr, s.len);
	osmo_buf_puts(&b, "");
	for (size_t i = 0; i < s.len; i++)
		if (!byte_space((unsigned char)s.ptr[i]))
			u8put(&b, (unsigned char)s.ptr[i]);
	return ret_buf(out, ctx, &b);
}

static int fn_initials(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_str s = arg_s(argv, 0);
	osmo_buf b = OSMO_BUF_INIT;
	bool gap = true;
	(void)argc;
	osmo_buf_puts(&b, "");
	for (size_t i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.ptr[i];
		if (byte_space(c)) {
			gap = true;
		} else if (gap) {
			u8put(&b, c);
			gap = false;
		}
	}
	return ret_buf(out, ctx, &b);
}

/* goutils.WrapCustom. */
static void wrap_into(osmo_buf *b, osmo_str s, int64_t width, osmo_str nl, bool long_words)
{
	int64_t n = (int64_t)s.len, off = 0;
	if (n == 0)
		return;
	if (nl.len == 0)
		nl = (osmo_str){ "\n", 1 };
	if (width < 1)
		width = 1;
	while (n - off > width) {
		if (s.ptr[off] == ' ') {
			off++;
			continue;
		}
		int64_t end = width + off + 1, sp = -1;
		for (int64_t i = end - 1; i >= off; i--)
			if (s.ptr[i] == ' ') {
				sp = i;
				break;
			}
		if (sp >= off) {
			osmo_buf_put(b, s.ptr + off, (size_t)(sp - off));
			osmo_buf_put(b, nl.ptr, nl.len);
			off = sp + 1;
		} else if (long_words) {
			osmo_buf_put(b, s.ptr + off, (size_t)width);
			osmo_buf_put(b, nl.ptr, nl.len);
			off += width;
		} else {
			const char *m = memchr(s.ptr + width + off, ' ', (size_t)(n - width - off));
			if (!m) {
				osmo_buf_put(b, s.ptr + off, (size_t)(n - off));
				off = n;
			} else {
				sp = m - s.ptr;
				osmo_buf_put(b, s.ptr + off, (size_t)(sp - off));
				osmo_buf_put(b, nl.ptr, nl.len);
				off = sp + 1;
			}
		}
	}
	osmo_buf_put(b, s.ptr + off, (size_t)(n - off));
}

static int fn_wrap(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT;
	osmo_str none = { "", 0 };
	(void)argc;
	osmo_buf_puts(&b, "");
	wrap_into(&b, arg_s(argv, 1), argv[0].u.i, none, false);
	return ret_buf(out, ctx, &b);
}

static int fn_wrapwith(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT;
	(void)argc;
	osmo_buf_puts(&b, "");
	wrap_into(&b, arg_s(argv, 2), argv[0].u.i, arg_s(argv, 1), true);
	return ret_buf(out, ctx, &b);
}

/* ---- random strings (crypto-grade source, like goutils.CryptoRandom) --- */

static uint64_t rand_below(uint64_t n)
{
	uint64_t x, lim = UINT64_MAX - UINT64_MAX % n;
	do {
		if (getrandom(&x, sizeof(x), 0) != (ssize_t)sizeof(x))
			OSMO_ASSERT(!"getrandom failed");
	} while (x >= lim);
	return x % n;
}

static int rand_string(osmo_value *out, osmo_fnctx *ctx, int64_t count, const char *alphabet)
{
	size_t n = strlen(alphabet);
	char *p;
	if (count <= 0)
		return ret_str(out, ctx, "", 0);
	p = osmo_arena_alloc(ctx->arena, (size_t)count + 1);
	for (int64_t i = 0; i < count; i++)
		p[i] = alphabet[rand_below(n)];
	*out = osmo_str_ref(p, (size_t)count);
	return 0;
}

#define ALPHA "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
#define DIGITS "0123456789"

static int fn_randalphanum(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return rand_string(out, ctx, argv[0].u.i, ALPHA DIGITS);
}

static int fn_randalpha(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return rand_string(out, ctx, argv[0].u.i, ALPHA);
}

static int fn_randnumeric(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return rand_string(out, ctx, argv[0].u.i, DIGITS);
}

static int fn_randascii(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	char set[96];
	(void)argc;
	for (int c = 32; c < 127; c++)
		set[c - 32] = (char)c;
	set[95] = 0;
	return rand_string(out, ctx, argv[0].u.i, set);
}

/* xstrings.Shuffle: permute the runes. */
static int fn_shuffle(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_str s = arg_s(argv, 0);
	int32_t *r = osmo_malloc((s.len + 1) * sizeof(int32_t));
	size_t n = 0, w;
	osmo_buf b = OSMO_BUF_INIT;
	(void)argc;
	for (size_t i = 0; i < s.len; i += w)
		r[n++] = u8dec(s.ptr + i, s.len - i, &w);
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)rand_below(i);
		int32_t t = r[i - 1];
		r[i - 1] = r[j];
		r[j] = t;
	}
	osmo_buf_puts(&b, "");
	for (size_t i = 0; i < n; i++)
		u8put(&b, r[i]);
	osmo_free(r);
	return ret_buf(out, ctx, &b);
}


/* ---- xstrings v1.5.0 case converters ------------------------------------ */

enum { W_INVALID, W_NUMBER, W_UPPER, W_ALPHA, W_CONNECTOR, W_PUNCT, W_OTHER };

static bool is_connector(int32_t r)
{
	return r == '-' || r == '_' || u_space(r);
}

/* A letter that is not CJK (CJK ideographs form no case words). */
static bool is_alphabet(int32_t r)
{
	if (!u_letter(r))
		return false;
	if (r < 0x3400)
		return true;
	return !((r >= 0x4E00 && r <= 0x9FCC) || (r >= 0x3400 && r <= 0x4D85) ||
		 (r >= 0x20000 && r <= 0x2B81D));
}

/* Next rune, skipping invalid sequences (their bytes count in *size); the
 * previous rune stands in when nothing valid is left. */
static int32_t next_valid(const char *s, size_t n, int32_t prev, size_t *size)
{
	size_t sz, tot = 0;
	while (n > 0) {
		int32_t r = u8dec(s, n, &sz);
		tot += sz;
		if (r != RUNE_ERROR) {
			*size = tot;
			return r;
		}
		s += sz, n -= sz;
	}
	*size = tot;
	return prev;
}

typedef struct wordscan {
	const char *rem; /* remaining input */
	size_t rn;
	int wt;         /* type of the word just scanned */
	const char *w;  /* the word */
	size_t wn;
} wordscan;

/* Split off the next word: a run of connectors, punctuation, numbers, an
 * upper-case run (an acronym gives back its last letter when a lower-case
 * letter follows: HTTPServer -> HTTP, Server), or a capitalised word. */
static void next_word(wordscan *ws)
{
	const char *str = ws->rem;
	size_t n = ws->rn, off, size, pos;
	int32_t r;
	ws->w = str, ws->wn = 0, ws->wt = W_INVALID;
	if (n == 0)
		return;
	r = next_valid(str, n, RUNE_ERROR, &size);
	off = pos = size;
	if (r == RUNE_ERROR) {
		ws->wn = off, ws->rem = str + off, ws->rn = n - off;
		return;
	}
	if (is_connector(r) || u_punct(r)) {
		bool conn = is_connector(r);
		ws->wt = conn ? W_CONNECTOR : W_PUNCT;
		while (pos < n) {
			r = next_valid(str + pos, n - pos, r, &size);
			if (conn ? !is_connector(r) : !u_punct(r))
				break;
			off += size, pos += size;
		}
	} else if (u_upper(r)) {
		ws->wt = W_UPPER;
		if (pos < n) {
			r = next_valid(str + pos, n - pos, r, &size);
			if (u_upper(r)) {
				size_t prev_size = size;
				off += size, pos += size;
				while (pos < n) {
					r = next_valid(str + pos, n - pos, r, &size);
					if (!u_upper(r))
						break;
					prev_size = size;
					off += size, pos += size;
				}
				if (pos < n && is_alphabet(r))
					off -= prev_size, pos = off;
			} else if (is_alphabet(r)) {
				off += size, pos += size;
				while (pos < n) {
					r = next_valid(str + pos, n - pos, r, &size);
					if (!is_alphabet(r) || u_upper(r))
						break;
					off += size, pos += size;
				}
			}
		}
	} else if (is_alphabet(r) || u_number(r)) {
		bool alpha = is_alphabet(r);
		ws->wt = alpha ? W_ALPHA : W_NUMBER;
		while (pos < n) {
			r = next_valid(str + pos, n - pos, r, &size);
			if (alpha ? (!is_alphabet(r) || u_upper(r)) : !u_number(r))
				break;
			off += size, pos += size;
		}
	} else {
		ws->wt = W_OTHER;
		while (pos < n) {
			r = next_valid(str + pos, n - pos, r, &size);
			if (size == 0 || is_connector(r) || is_alphabet(r) || u_number(r) || u_punct(r))
				break;
			off += size, pos += size;
		}
	}
	ws->wn = off, ws->rem = str + pos, ws->rn = n - pos;
}

static void put_lower_word(osmo_buf *b, int wt, const char *w, size_t n, char conn)
{
	size_t sz;
	if (wt != W_UPPER && wt != W_CONNECTOR) {
		osmo_buf_put(b, w, n);
		return;
	}
	for (size_t i = 0; i < n; i += sz) {
		int32_t r = u8dec(w + i, n - i, &sz);
		if (is_connector(r))
			osmo_buf_putc(b, conn);
		else
			u8put(b, u_upper(r) ? u_tolower(r) : r);
	}
}

#define PUTW(ws) put_lower_word(b, (ws).wt, (ws).w, (ws).wn, conn)
#define SEPARATES(t) ((t) != W_INVALID && (t) != W_PUNCT && (t) != W_CONNECTOR)

/* xstrings camelCaseToLowerCase (snakecase / kebabcase). */
static void lower_words(osmo_buf *b, osmo_str s, char conn)
{
	wordscan ws = { s.ptr, s.len, 0, NULL, 0 };
	next_word(&ws);
	while (ws.rn > 0) {
		if (ws.wt != W_CONNECTOR)
			PUTW(ws);
		wordscan last = ws;
		next_word(&ws);
		switch (last.wt) {
		case W_NUMBER:
			while (ws.wt == W_ALPHA || ws.wt == W_NUMBER) {
				PUTW(ws);
				next_word(&ws);
			}
			if (SEPARATES(ws.wt))
				osmo_buf_putc(b, conn);
			break;
		case W_CONNECTOR:
			PUTW(last);
			break;
		case W_PUNCT:
			break;
		default:
			if (ws.wt != W_NUMBER) {
				if (ws.wt != W_CONNECTOR && ws.wt != W_PUNCT)
					osmo_buf_putc(b, conn);
				break;
			}
			if (ws.rn == 0)
				break;
			last = ws;
			next_word(&ws);
			/* a number glued to the previous word: Bld4Floor -> bld4_floor */
			if (ws.wt != W_ALPHA) {
				put_lower_word(b, W_NUMBER, last.w, last.wn, conn);
				if (ws.wt != W_CONNECTOR && ws.wt != W_PUNCT)
					osmo_buf_putc(b, conn);
				break;
			}
			/* lower-case letters after a number start a word: HTTP2xx -> http_2xx */
			osmo_buf_putc(b, conn);
			put_lower_word(b, W_NUMBER, last.w, last.wn, conn);
			while (ws.wt == W_ALPHA || ws.wt == W_NUMBER) {
				PUTW(ws);
				next_word(&ws);
			}
			if (SEPARATES(ws.wt))
				osmo_buf_putc(b, conn);
		}
	}
	PUTW(ws);
}

#undef PUTW
#undef SEPARATES

static int fn_snakecase(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT;
	(void)argc;
	osmo_buf_puts(&b, "");
	lower_words(&b, arg_s(argv, 0), '_');
	return ret_buf(out, ctx, &b);
}

static int fn_kebabcase(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT;
	(void)argc;
	osmo_buf_puts(&b, "");
	lower_words(&b, arg_s(argv, 0), '-');
	return ret_buf(out, ctx, &b);
}

/* xstrings.ToPascalCase (Sprig's camelcase): connectors are dropped and the
 * next rune upper-cased; the rest of an initially upper-case run is
 * lower-cased (HTTPServer -> Httpserver). */
static int fn_camelcase(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_str s = arg_s(argv, 0);
	osmo_buf b = OSMO_BUF_INIT;
	const char *p = s.ptr;
	size_t n = s.len, sz = 0;
	int32_t r0 = 0, r1;
	bool up = false;
	(void)argc;
	osmo_buf_puts(&b, "");
	if (n == 0)
		return ret_buf(out, ctx, &b);
	while (n > 0) {
		r0 = u8dec(p, n, &sz);
		p += sz, n -= sz;
		if (!is_connector(r0)) {
			up = u_upper(r0);
			r0 = u_toupper(r0);
			break;
		}
		u8put(&b, r0);
	}
	if (n == 0) {
		if (sz != 0) /* xstrings writes the last rune again, even a connector */
			u8put(&b, r0);
		return ret_buf(out, ctx, &b);
	}
	while (n > 0) {
		r1 = r0;
		r0 = u8dec(p, n, &sz);
		p += sz, n -= sz;
		if (is_connector(r0) && is_connector(r1)) {
			u8put(&b, r1);
			continue;
		}
		if (is_connector(r1)) {
			up = u_upper(r0);
			r0 = u_toupper(r0);
		} else {
			if (up) {
				if (u_upper(r0))
					r0 = u_tolower(r0);
				else
					up = false;
			}
			u8put(&b, r1);
		}
	}
	u8put(&b, r0);
	return ret_buf(out, ctx, &b);
}

/* ---- printing and string slices ----------------------------------------- */

static int fn_quote(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT, tmp = OSMO_BUF_INIT;
	bool first = true;
	osmo_buf_puts(&b, "");
	for (int i = 0; i < argc; i++) {
		if (argv[i].type == OSMO_V_NULL)
			continue;
		osmo_buf_clear(&tmp);
		osmo_cast_strval(&tmp, argv[i]);
		osmo_value sv = osmo_str_ref(osmo_buf_cstr(&tmp), tmp.len);
		if (!first)
			osmo_buf_putc(&b, ' ');
		osmo_gofmt_sprintf(&b, "%q", 2, 1, &sv);
		first = false;
	}
	osmo_buf_dispose(&tmp);
	return ret_buf(out, ctx, &b);
}

static int fn_squote(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT;
	bool first = true;
	osmo_buf_puts(&b, "");
	for (int i = 0; i < argc; i++) {
		if (argv[i].type == OSMO_V_NULL)
			continue;
		osmo_buf_puts(&b, first ? "'" : " '");
		osmo_gofmt_value(&b, argv[i]);
		osmo_buf_putc(&b, '\'');
		first = false;
	}
	return ret_buf(out, ctx, &b);
}

static int fn_cat(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_buf b = OSMO_BUF_INIT;
	bool first = true;
	osmo_buf_puts(&b, "");
	for (int i = 0; i < argc; i++) {
		if (argv[i].type == OSMO_V_NULL)
			continue;
		if (!first)
			osmo_buf_putc(&b, ' ');
		osmo_gofmt_value(&b, argv[i]);
		first = false;
	}
	return ret_buf(out, ctx, &b);
}

static int fn_tostring(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	*out = osmo_cast_tostring(ctx->arena, argv[0]);
	return 0;
}

static int fn_tostrings(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	*out = osmo_cast_strslice(ctx->arena, argv[0]);
	return 0;
}

static int fn_join(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_value l = osmo_cast_strslice(ctx->arena, argv[1]);
	osmo_str sep = arg_s(argv, 0);
	osmo_buf b = OSMO_BUF_INIT;
	(void)argc;
	osmo_buf_puts(&b, "");
	for (size_t i = 0; i < l.u.list->len; i++) {
		if (i)
			osmo_buf_put(&b, sep.ptr, sep.len);
		osmo_buf_put(&b, l.u.list->items[i].u.s.ptr, l.u.list->items[i].u.s.len);
	}
	return ret_buf(out, ctx, &b);
}

static int strcmp_values(const void *a, const void *b)
{
	const osmo_str *x = &((const osmo_value *)a)->u.s, *y = &((const osmo_value *)b)->u.s;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->ptr, y->ptr, n);
	return c ? c : (x->len > y->len) - (x->len < y->len);
}

static int fn_sortalpha(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	osmo_value v = argv[0];
	(void)argc;
	if (v.type == OSMO_V_LIST || (v.type == OSMO_V_STRING && v.sub == OSMO_GO_BYTES)) {
		osmo_value l = osmo_cast_strslice(ctx->arena, v);
		if (l.u.list->len > 1)
			qsort(l.u.list->items, l.u.list->len, sizeof(osmo_value), strcmp_values);
		*out = l;
		return 0;
	}
	*out = osmo_list_new(ctx->arena, 1);
	out->sub = OSMO_GO_STRLIST;
	osmo_list_push(ctx->arena, out->u.list, osmo_cast_tostring(ctx->arena, v));
	return 0;
}

/* strings.SplitN(s, sep, n) as a []string list value (n < 0: all). */
static osmo_value split_list(osmo_arena *a, osmo_str s, osmo_str sep, int64_t n)
{
	osmo_value l = osmo_list_new(a, 0);
	size_t i = 0, w;
	l.sub = OSMO_GO_STRLIST;
	if (n == 0)
		return l;
	if (sep.len == 0) { /* explode into UTF-8 sequences */
		while (i < s.len) {
			if (n > 0 && (int64_t)l.u.list->len == n - 1) {
				w = s.len - i;
			} else {
				u8dec(s.ptr + i, s.len - i, &w);
			}
			osmo_list_push(a, l.u.list, osmo_string(a, s.ptr + i, w));
			i += w;
		}
		return l;
	}
	while (n < 0 || (int64_t)l.u.list->len < n - 1) {
		const char *m = memfind(s.ptr + i, s.len - i, sep.ptr, sep.len);
		if (!m)
			break;
		osmo_list_push(a, l.u.list, osmo_string(a, s.ptr + i, (size_t)(m - (s.ptr + i))));
		i = (size_t)(m - s.ptr) + sep.len;
	}
	osmo_list_push(a, l.u.list, osmo_string(a, s.ptr + i, s.len - i));
	return l;
}

/* split/splitn: map[string]string with keys _0, _1, ... */
static osmo_value parts_map(osmo_arena *a, osmo_value l)
{
	osmo_value m = osmo_map_new(a, l.u.list->len);
	char key[32];
	m.sub = OSMO_GO_STRMAP;
	for (size_t i = 0; i < l.u.list->len; i++) {
		int kn = snprintf(key, sizeof(key), "_%zu", i);
		osmo_map_set(a, m.u.map, key, (size_t)kn, l.u.list->items[i]);
	}
	return m;
}

static int fn_split(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	*out = parts_map(ctx->arena, split_list(ctx->arena, arg_s(argv, 1), arg_s(argv, 0), -1));
	return 0;
}

static int fn_splitn(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	*out = parts_map(ctx->arena,
			 split_list(ctx->arena, arg_s(argv, 2), arg_s(argv, 0), argv[1].u.i));
	return 0;
}

static int fn_splitlist(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	*out = split_list(ctx->arena, arg_s(argv, 1), arg_s(argv, 0), -1);
	return 0;
}

const osmo_func_def osmo_funcs_strings[] = {
	{ "hello", ":s", fn_hello },
	{ "abbrev", "is:s", fn_abbrev },
	{ "abbrevboth", "iis:s", fn_abbrevboth },
	{ "trunc", "is:s", fn_trunc },
	{ "trim", "s:s", fn_trim },
	{ "upper", "s:s", fn_upper },
	{ "lower", "s:s", fn_lower },
	{ "title", "s:s", fn_title },
	{ "untitle", "s:s", fn_untitle },
	{ "substr", "iis:s", fn_substr },
	{ "repeat", "is:s", fn_repeat },
	{ "trimall", "ss:s", fn_trimall },
	{ "trimAll", "ss:s", fn_trimall },
	{ "trimSuffix", "ss:s", fn_trimsuffix },
	{ "trimPrefix", "ss:s", fn_trimprefix },
	{ "nospace", "s:s", fn_nospace },
	{ "initials", "s:s", fn_initials },
	{ "randAlphaNum", "i:s", fn_randalphanum },
	{ "randAlpha", "i:s", fn_randalpha },
	{ "randAscii", "i:s", fn_randascii },
	{ "randNumeric", "i:s", fn_randnumeric },
	{ "swapcase", "s:s", fn_swapcase },
	{ "shuffle", "s:s", fn_shuffle },
	{ "snakecase", "s:s", fn_snakecase },
	{ "camelcase", "s:s", fn_camelcase },
	{ "kebabcase", "s:s", fn_kebabcase },
	{ "wrap", "is:s", fn_wrap },
	{ "wrapWith", "iss:s", fn_wrapwith },
	{ "contains", "ss:b", fn_contains },
	{ "hasPrefix", "ss:b", fn_hasprefix },
	{ "hasSuffix", "ss:b", fn_hassuffix },
	{ "quote", "*a:s", fn_quote },
	{ "squote", "*a:s", fn_squote },
	{ "cat", "*a:s", fn_cat },
	{ "indent", "is:s", fn_indent },
	{ "nindent", "is:s", fn_nindent },
	{ "replace", "sss:s", fn_replace },
	{ "plural", "ssi:s", fn_plural },
	{ "toString", "a:s", fn_tostring },
	{ "join", "sa:s", fn_join },
	{ "split", "ss:m", fn_split },
	{ "splitList", "ss:S", fn_splitlist },
	{ "splitn", "sis:m", fn_splitn },
	{ "sortAlpha", "a:S", fn_sortalpha },
	{ "toStrings", "a:S", fn_tostrings },
	{ NULL, NULL, NULL }
};
