/* strvals.c - Helm's --set family parser (pkg/strvals parser.go and
 * literal_parser.go, v3.17.2), applied in place to a values map.
 *
 * The structure mirrors Helm's recursive descent on purpose: key() reads a
 * name up to one of its stop runes and dispatches, listItem() handles what
 * follows "[n]".  Go panics on failed type assertions ("a=x,a[0]=1") are
 * recovered by Helm into "unable to parse key: interface conversion: ...";
 * nothing between the panic and the recovering key() wraps the error, so we
 * simply return that text as an ordinary error.
 *
 * Input is read rune by rune like bytes.Buffer.ReadRune: invalid UTF-8 bytes
 * become U+FFFD, which is what ends up in keys and values. */
#include "osmo/values.h"
#include "osmo/numfmt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "osmo/json.h"

/* Helm's MaxIndex and MaxNestedNameLevel. */
#define SV_MAX_INDEX 65536
#define SV_MAX_NESTED 30

/* Non-error results besides 0 (Go's io.EOF and ErrNotList sentinels). */
enum { SV_EOF = 1, SV_NOTLIST = 2 };

typedef struct sv_parser {
	osmo_arena *a;
	const char *s;
	size_t len, pos, prev; /* prev: position before the last read (UnreadRune) */
	char kind;
	int code;     /* OSMO_E* of the pending error */
	osmo_buf msg; /* the pending error's text, without the per-flag prefix */
} sv_parser;

/* ---- runes ------------------------------------------------------------- */

/* utf8.DecodeRune: invalid or truncated sequences give U+FFFD, width 1. */
static int32_t decode_rune(const unsigned char *s, size_t n, size_t *width)
{
	int w;
	int32_t r = osmo_numfmt_decode_rune((const char *)s, n, &w);
	*width = (size_t)w;
	return r;
}

static void put_rune(osmo_buf *b, int32_t r)
{
	osmo_numfmt_put_rune(b, r);
}

/* Next rune, or -1 at end of input. */
static int32_t read_rune(sv_parser *p)
{
	size_t w;
	int32_t r;
	if (p->pos >= p->len)
		return -1;
	p->prev = p->pos;
	r = decode_rune((const unsigned char *)p->s + p->pos, p->len - p->pos, &w);
	p->pos += w;
	return r;
}

static void unread_rune(sv_parser *p)
{
	p->pos = p->prev;
}

/* unicode.IsSpace */
static bool is_space(int32_t r)
{
	switch (r) {
	case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202F: case 0x205F: case 0x3000:
		return true;
	default:
		return r >= 0x2000 && r <= 0x200A;
	}
}

/* unicode.IsPrint, approximated outside ASCII: controls, separators,
 * format characters, surrogates and private use are non-printable. */
static bool is_print(int32_t r)
{
	if (r < 0x20 || (r >= 0x7F && r <= 0xA0) || r == 0xAD)
		return false;
	if (r < 0x600)
		return true;
	if ((r >= 0x600 && r <= 0x605) || r == 0x61C || r == 0x6DD || r == 0x70F ||
	    r == 0x1680 || r == 0x180E || (r >= 0x2000 && r <= 0x200F) ||
	    (r >= 0x2028 && r <= 0x202F) || (r >= 0x205F && r <= 0x206F) || r == 0x3000 ||
	    (r >= 0xD800 && r <= 0xF8FF) || r == 0xFEFF || (r >= 0xFFF9 && r <= 0xFFFB) ||
	    r == 0xFFFE || r == 0xFFFF || (r >= 0xE0000 && r <= 0xE007F) || r >= 0xF0000)
		return false;
	return true;
}

/* strconv's appendEscapedRune for quote q ('"' or '\''). */
static void quote_rune(osmo_buf *b, int32_t r, char q)
{
	if (r == q || r == '\\') {
		osmo_buf_putc(b, '\\');
		osmo_buf_putc(b, (char)r);
		return;
	}
	if (is_print(r)) {
		put_rune(b, r);
		return;
	}
	switch (r) {
	case '\a': osmo_buf_puts(b, "\\a"); return;
	case '\b': osmo_buf_puts(b, "\\b"); return;
	case '\f': osmo_buf_puts(b, "\\f"); return;
	case '\n': osmo_buf_puts(b, "\\n"); return;
	case '\r': osmo_buf_puts(b, "\\r"); return;
	case '\t': osmo_buf_puts(b, "\\t"); return;
	case '\v': osmo_buf_puts(b, "\\v"); return;
	}
	if (r < ' ' || r == 0x7F)
		osmo_buf_printf(b, "\\x%02x", (unsigned)r);
	else if (r < 0x10000)
		osmo_buf_printf(b, "\\u%04x", (unsigned)r);
	else
		osmo_buf_printf(b, "\\U%08x", (unsigned)r);
}

/* fmt %q of a string (strconv.Quote).  Our strings are valid UTF-8. */
static void quote_str(osmo_buf *b, const char *s, size_t n)
{
	size_t i = 0, w;
	osmo_buf_putc(b, '"');
	while (i < n) {
		quote_rune(b, decode_rune((const unsigned char *)s + i, n - i, &w), '"');
		i += w;
	}
	osmo_buf_putc(b, '"');
}

/* fmt %q of a []rune: ['a' 'b']. */
static void quote_runes(osmo_buf *b, const char *s, size_t n)
{
	size_t i = 0, w;
	osmo_buf_putc(b, '[');
	while (i < n) {
		if (i)
			osmo_buf_putc(b, ' ');
		osmo_buf_putc(b, '\'');
		quote_rune(b, decode_rune((const unsigned char *)s + i, n - i, &w), '\'');
		osmo_buf_putc(b, '\'');
		i += w;
	}
	osmo_buf_putc(b, ']');
}

/* ---- errors ------------------------------------------------------------ */

static int fail(sv_parser *p, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(sv_parser *p, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	osmo_buf_clear(&p->msg);
	osmo_buf_vprintf(&p->msg, fmt, ap);
	va_end(ap);
	p->code = code;
	return code;
}

/* errors.Errorf(prefix + "%q" + suffix, key) */
static int fail_quoted(sv_parser *p, const char *prefix, const char *s, size_t n,
		       const char *suffix)
{
	osmo_buf_clear(&p->msg);
	osmo_buf_puts(&p->msg, prefix);
	quote_str(&p->msg, s, n);
	osmo_buf_puts(&p->msg, suffix);
	p->code = OSMO_EPARSE;
	return OSMO_EPARSE;
}

/* The text a recovered Go type-assertion panic leaves. */
static int fail_conversion(sv_parser *p, osmo_value have, const char *want)
{
	const char *t = have.type == OSMO_V_NULL ? "nil" : osmo_value_gotype(have);
	return fail(p, OSMO_ETYPE, "unable to parse key: interface conversion: interface {} is %s, not %s",
		    t, want);
}

/* ---- reading ------------------------------------------------------------- */

/* runesUntil / runesUntilLiteral: collect runes (re-encoded) into out until
 * one of the ASCII runes in stop; with esc a backslash takes the next rune
 * literally.  Returns 0 with *last set, or SV_EOF. */
static int runes_until(sv_parser *p, const char *stop, bool esc, osmo_buf *out, int32_t *last)
{
	osmo_buf_clear(out);
	osmo_buf_put(out, "", 0);
	for (;;) {
		int32_t r = read_rune(p);
		if (r < 0) {
			*last = 0;
			return SV_EOF;
		}
		if (r < 0x80 && r != 0 && strchr(stop, (int)r)) {
			*last = r;
			return 0;
		}
		if (esc && r == '\\') {
			r = read_rune(p);
			if (r < 0) {
				*last = 0;
				return SV_EOF;
			}
		}
		put_rune(out, r);
	}
}

/* strconv.Atoi / ParseInt(s, 10, 64) with Go's error texts (func "Atoi").
 * Returns 0, or -1 with errbuf set when errbuf is non-NULL. */
static int parse_int(const char *s, size_t n, int64_t *out, osmo_buf *errbuf)
{
	const uint64_t cutoff = UINT64_MAX / 10 + 1;
	uint64_t v = 0;
	size_t i = 0;
	bool neg = false;
	const char *why = "invalid syntax";
	if (n && (s[0] == '+' || s[0] == '-')) {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == n)
		goto bad;
	for (; i < n; i++) {
		uint64_t v1;
		if (s[i] < '0' || s[i] > '9')
			goto bad;
		why = "value out of range";
		if (v >= cutoff)
			goto bad;
		v1 = v * 10 + (uint64_t)(s[i] - '0');
		if (v1 < v * 10)
			goto bad;
		v = v1;
		why = "invalid syntax";
	}
	why = "value out of range";
	if (!neg && v > (uint64_t)INT64_MAX)
		goto bad;
	if (neg && v > (uint64_t)INT64_MAX + 1)
		goto bad;
	*out = neg ? (int64_t)(0 - v) : (int64_t)v;
	return 0;
bad:
	if (errbuf) {
		osmo_buf_puts(errbuf, "strconv.Atoi: parsing ");
		quote_str(errbuf, s, n);
		osmo_buf_printf(errbuf, ": %s", why);
	}
	return -1;
}

/* strings.EqualFold(s, word) for a lower-case ASCII word: simple folding,
 * where only 's' has a non-ASCII partner (U+017F LATIN SMALL LONG S). */
static bool fold_eq(const char *s, size_t n, const char *word)
{
	size_t i = 0, w;
	for (; *word; word++) {
		int32_t r;
		if (i >= n)
			return false;
		r = decode_rune((const unsigned char *)s + i, n - i, &w);
		i += w;
		if (r == *word || r == *word - 32 || (*word == 's' && r == 0x17F))
			continue;
		return false;
	}
	return i == n;
}

/* typedVal: --set values are bools, nil, int64 or strings. */
static osmo_value typed_val(sv_parser *p, const char *s, size_t n)
{
	int64_t iv;
	if (p->kind == 'S')
		return osmo_string(p->a, s, n);
	if (fold_eq(s, n, "true"))
		return osmo_bool(true);
	if (fold_eq(s, n, "false"))
		return osmo_bool(false);
	if (fold_eq(s, n, "null"))
		return osmo_null();
	if (n == 1 && s[0] == '0')
		return osmo_int64(0);
	if (n && s[0] != '0' && parse_int(s, n, &iv, NULL) == 0)
		return osmo_int64(iv);
	return osmo_string(p->a, s, n);
}

/* os.ReadFile's error texts: "open PATH: no such file or directory". */
static int read_file(sv_parser *p, const char *path, osmo_value *out)
{
	osmo_buf b = OSMO_BUF_INIT;
	const char *op = "open";
	FILE *f;
	int e = 0;
	size_t n;
	char chunk[8192];
	bool is_stdin = false;

	{ /* readFile: strings.TrimSpace(path) == "-" reads stdin */
		const char *t = path;
		size_t tl = strlen(path);
		while (tl && strchr(" \t\n\v\f\r", *t))
			t++, tl--;
		while (tl && strchr(" \t\n\v\f\r", t[tl - 1]))
			tl--;
		is_stdin = tl == 1 && *t == '-';
	}
	f = is_stdin ? stdin : fopen(path, "rb");
	if (!f) {
		e = errno;
		goto done;
	}
	op = "read";
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		osmo_buf_put(&b, chunk, n);
	if (ferror(f))
		e = errno ? errno : EIO;
	if (!is_stdin)
		fclose(f);
done:
	if (e) {
		char m[256];
		snprintf(m, sizeof m, "%s", strerror(e));
		if (m[0] >= 'A' && m[0] <= 'Z' && !(m[1] >= 'A' && m[1] <= 'Z'))
			m[0] = (char)(m[0] + 32); /* Go's errno texts are lower case */
		osmo_buf_dispose(&b);
		return fail(p, OSMO_EIO, "%s %s: %s", op, path, m);
	}
	*out = osmo_string(p->a, b.ptr ? b.ptr : "", b.len);
	osmo_buf_dispose(&b);
	return 0;
}

/* url.Error text: parse "URL": reason. */
static int url_error(sv_parser *p, const char *u, size_t n, const char *why, const char *esc,
		     size_t esclen)
{
	osmo_buf_clear(&p->msg);
	osmo_buf_puts(&p->msg, "parse ");
	quote_str(&p->msg, u, n);
	osmo_buf_printf(&p->msg, ": %s", why);
	if (esc)
		quote_str(&p->msg, esc, esclen > 3 ? 3 : esclen);
	p->code = OSMO_EIO;
	return OSMO_EIO;
}

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Offset of the first '%' not followed by two hex digits, or n. */
static size_t bad_escape(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' && !(i + 2 < n && is_hex(s[i + 1]) && is_hex(s[i + 2])))
			return i;
	}
	return n;
}

/* url.Parse's complaints about a --set-file path (Helm parses it to look for
 * a getter scheme); *remote is set for the schemes Helm would download. */
static int check_url(sv_parser *p, const char *u, bool *remote)
{
	size_t ulen = strcspn(u, "#"), flen, i, scheme = 0, rlen, q, bad;
	const char *rest = u, *f;
	*remote = false;
	for (i = 0; i < ulen; i++) {
		if ((unsigned char)u[i] < 0x20 || u[i] == 0x7F)
			return url_error(p, u, ulen, "net/url: invalid control character in URL",
					 NULL, 0);
	}
	for (i = 0; i < ulen; i++) { /* getScheme */
		char c = u[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			continue;
		if (((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') && i > 0)
			continue;
		if (c == ':') {
			if (i == 0)
				return url_error(p, u, ulen, "missing protocol scheme", NULL, 0);
			scheme = i;
			rest = u + i + 1;
		}
		break;
	}
	rlen = (size_t)(u + ulen - rest);
	q = strcspn(rest, "?#");
	if (q > rlen)
		q = rlen;
	if (scheme >= 3 && scheme <= 5) {
		char sc[6] = { 0 };
		for (i = 0; i < scheme; i++)
			sc[i] = (char)(u[i] | 0x20);
		*remote = !strcmp(sc, "http") || !strcmp(sc, "https") || !strcmp(sc, "oci");
	}
	if (rest[0] != '/' && scheme == 0) {
		size_t seg = strcspn(rest, "/");
		if (memchr(rest, ':', seg < q ? seg : q))
			return url_error(p, u, ulen,
					 "first path segment in URL cannot contain colon", NULL, 0);
	}
	if (rest[0] == '/' || scheme == 0) { /* an opaque URL is not unescaped */
		bad = bad_escape(rest, q);
		if (bad < q)
			return url_error(p, u, ulen, "invalid URL escape ", rest + bad, q - bad);
	}
	if (u[ulen] != '#')
		return 0;
	f = u + ulen + 1;
	flen = strlen(f);
	bad = bad_escape(f, flen);
	if (bad < flen)
		return url_error(p, u, strlen(u), "invalid URL escape ", f + bad, flen - bad);
	return 0;
}

/* t.reader: typedVal for --set/--set-string, file contents for --set-file. */
static int reader(sv_parser *p, const char *s, size_t n, osmo_value *out)
{
	if (p->kind != 'f') {
		*out = typed_val(p, s, n);
		return 0;
	}
	bool remote;
	int rc;
	(void)n;
	*out = osmo_null();
	rc = check_url(p, s, &remote);
	if (rc)
		return rc;
	if (remote) /* Helm would download it through a getter */
		return fail(p, OSMO_EIO, "--set-file from a URL is not supported: %s", s);
	return read_file(p, s, out);
}

/* ---- JSON: json.Decoder reads one value off the front --------------------- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static size_t skip_digits(const char *s, size_t n, size_t i)
{
	while (i < n && is_digit(s[i]))
		i++;
	return i;
}

/* Where the first JSON value in s ends, following Go's scanner: a number or
 * literal ends at the first byte that cannot continue it ("1x" is 1, then
 * "x" is read as the next key).  Returns false for a value that is already
 * broken here; everything else is validated by osmo_json_parse on the
 * slice, which fails exactly when Go's scanner would fail inside it. */
static bool json_extent(const char *s, size_t n, size_t *end)
{
	static const char *const lits[] = { "true", "false", "null" };
	size_t i = 0;
	int depth = 0;
	bool in_str = false;

	if (n == 0)
		return false;
	if (s[0] == '"' || s[0] == '[' || s[0] == '{') {
		for (; i < n; i++) { /* balanced brackets, strings skipped */
			char c = s[i];
			if (in_str) {
				if (c == '\\')
					i++;
				else if (c == '"')
					in_str = false;
			} else if (c == '"') {
				in_str = true;
			} else if (c == '[' || c == '{') {
				depth++;
			} else if (c == ']' || c == '}') {
				depth--;
			}
			if (depth == 0 && !in_str) {
				*end = i + 1;
				return true;
			}
		}
		*end = n; /* unterminated: let the parser say so */
		return true;
	}
	for (int k = 0; k < 3; k++) {
		size_t l = strlen(lits[k]);
		if (n >= l && !memcmp(s, lits[k], l)) {
			*end = l;
			return true;
		}
	}
	if (s[i] == '-')
		i++;
	if (i >= n || !is_digit(s[i]))
		return false;
	i = s[i] == '0' ? i + 1 : skip_digits(s, n, i);
	if (i < n && s[i] == '.') {
		if (i + 1 >= n || !is_digit(s[i + 1]))
			return false;
		i = skip_digits(s, n, i + 1);
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= n || !is_digit(s[i]))
			return false;
		i = skip_digits(s, n, i);
	}
	*end = i;
	return true;
}

/* ---- the parser ---------------------------------------------------------- */

static int key(sv_parser *p, osmo_map *data, int level);

/* set(): an empty key is silently dropped. */
static void set(sv_parser *p, osmo_map *data, const char *k, size_t kl, osmo_value v)
{
	if (kl)
		osmo_map_set(p->a, data, k, kl, v);
}

/* setIndex: grows the list (nil padding) into a new slice when needed. */
static int set_index(sv_parser *p, osmo_value *list, int64_t i, osmo_value v)
{
	size_t have = list->type == OSMO_V_LIST ? list->u.list->len : 0;
	if (i < 0)
		return fail(p, OSMO_EPARSE, "negative %lld index not allowed", (long long)i);
	if (i > SV_MAX_INDEX)
		return fail(p, OSMO_ELIMIT, "index of %lld is greater than maximum supported index of %d",
			    (long long)i, SV_MAX_INDEX);
	if (have <= (size_t)i) {
		osmo_value nl = osmo_list_new(p->a, (size_t)i + 1);
		for (size_t k = 0; k <= (size_t)i; k++)
			osmo_list_push(p->a, nl.u.list, k < have ? list->u.list->items[k] : osmo_null());
		*list = nl;
	}
	list->u.list->items[i] = v;
	return 0;
}

/* keyIndex: the number up to ']'. */
static int key_index(sv_parser *p, int64_t *out)
{
	osmo_buf b = OSMO_BUF_INIT;
	int32_t last;
	int rc = runes_until(p, "]", p->kind != 'l', &b, &last);
	if (rc == SV_EOF) {
		rc = fail(p, OSMO_EPARSE, "error parsing index: EOF");
	} else {
		osmo_buf e = OSMO_BUF_INIT;
		if (parse_int(b.ptr, b.len, out, &e) != 0)
			rc = fail(p, OSMO_EPARSE, "error parsing index: %s", e.ptr);
		osmo_buf_dispose(&e);
	}
	osmo_buf_dispose(&b);
	return rc;
}

/* emptyVal: skip spaces; true at end of input or after a comma. */
static bool empty_val(sv_parser *p)
{
	for (;;) {
		int32_t r = read_rune(p);
		if (r < 0 || r == ',')
			return true;
		if (!is_space(r)) {
			unread_rune(p);
			return false;
		}
	}
}

/* One JSON value from the rest of the input, then skip blanks and a comma.
 * *out is nil for an empty value. */
static int json_val(sv_parser *p, osmo_value *out)
{
	osmo_error jerr = { 0 };
	size_t end;
	if (empty_val(p)) {
		*out = osmo_null();
		return 0;
	}
	/* Helm drops the cause of a --set-json error, so jerr is not kept */
	if (!json_extent(p->s + p->pos, p->len - p->pos, &end) ||
	    osmo_json_parse(out, p->a, p->s + p->pos, end, &jerr) != 0) {
		osmo_error_dispose(&jerr);
		return fail(p, OSMO_EPARSE, "invalid JSON");
	}
	p->pos += end;
	empty_val(p);
	return 0;
}

/* valList: "{a,b}" list literal; SV_NOTLIST when the value is no list. */
static int val_list(sv_parser *p, osmo_value *out)
{
	osmo_buf b = OSMO_BUF_INIT;
	int32_t r = read_rune(p), last;
	int rc = 0;
	if (r < 0)
		return SV_EOF;
	if (r != '{') {
		unread_rune(p);
		return SV_NOTLIST;
	}
	*out = osmo_list_new(p->a, 0);
	for (;;) {
		osmo_value v;
		if (runes_until(p, ",}", true, &b, &last) == SV_EOF) {
			rc = fail(p, OSMO_EPARSE, "list must terminate with '}'");
			break;
		}
		if (last == '}') { /* a following ',' is consumed */
			r = read_rune(p);
			if (r >= 0 && r != ',')
				unread_rune(p);
		}
		rc = reader(p, b.ptr, b.len, &v);
		if (rc)
			break;
		osmo_list_push(p->a, out->u.list, v);
		if (last == '}')
			break;
	}
	osmo_buf_dispose(&b);
	return rc;
}

/* The value after '=' for a map key or list element.  Returns 0 with *out
 * set, SV_EOF with *out "" (nothing after '='), or an error. */
static int value(sv_parser *p, osmo_value *out)
{
	osmo_buf b = OSMO_BUF_INIT;
	int32_t last;
	int rc;
	if (p->kind == 'l') { /* the whole rest, unescaped */
		runes_until(p, "", false, &b, &last);
		*out = osmo_string(p->a, b.ptr, b.len);
		osmo_buf_dispose(&b);
		return 0;
	}
	if (p->kind == 'j')
		return json_val(p, out);
	rc = val_list(p, out);
	if (rc == SV_EOF) {
		*out = osmo_string(p->a, "", 0);
	} else if (rc == SV_NOTLIST) {
		runes_until(p, ",", true, &b, &last);
		rc = reader(p, b.ptr, b.len, out);
	}
	osmo_buf_dispose(&b);
	return rc;
}

/* listItem: what follows "[i]" of *list (a nil slice when not a list). */
static int list_item(sv_parser *p, osmo_value *list, int64_t i, int level)
{
	osmo_buf b = OSMO_BUF_INIT;
	osmo_value v;
	int32_t last;
	size_t have = list->type == OSMO_V_LIST ? list->u.list->len : 0;
	int rc;

	if (i < 0)
		return fail(p, OSMO_EPARSE, "negative %lld index not allowed", (long long)i);
	rc = runes_until(p, "[.=", p->kind != 'l', &b, &last);
	if (b.len) {
		osmo_buf_clear(&p->msg);
		osmo_buf_puts(&p->msg, "unexpected data at end of array index: ");
		quote_runes(&p->msg, b.ptr, b.len);
		rc = p->code = OSMO_EPARSE;
		goto done;
	}
	if (rc == SV_EOF)
		goto done;
	if (last == '=') {
		rc = value(p, &v);
		if (rc == SV_EOF) /* "a[0]=" sets "" */
			rc = 0;
		if (rc == 0)
			rc = set_index(p, list, i, v);
	} else if (last == '[') {
		int64_t next;
		osmo_value cur = osmo_null();
		rc = key_index(p, &next);
		if (rc)
			goto done;
		if (have > (size_t)i) {
			cur = list->u.list->items[i];
			if (cur.type != OSMO_V_NULL &&
			    !(cur.type == OSMO_V_LIST && cur.sub == OSMO_GO_LIST)) {
				rc = fail_conversion(p, cur, "[]interface {}");
				goto done;
			}
		}
		rc = list_item(p, &cur, next, level);
		if (rc == 0)
			rc = set_index(p, list, i, cur);
	} else { /* '.' */
		osmo_value inner = osmo_map_new(p->a, 0);
		if (have > (size_t)i) {
			osmo_value *slot = &list->u.list->items[i];
			if (slot->type == OSMO_V_MAP && slot->sub == OSMO_GO_MAP)
				inner = *slot;
			else /* indices out of order: replace the element */
				*slot = inner;
		}
		rc = key(p, inner.u.map, level);
		if (rc == 0)
			rc = set_index(p, list, i, inner);
	}
done:
	osmo_buf_dispose(&b);
	return rc;
}

static int key(sv_parser *p, osmo_map *data, int level)
{
	osmo_buf b = OSMO_BUF_INIT;
	const char *k;
	size_t kl;
	int32_t last;
	osmo_value *cur, v;
	int rc = runes_until(p, p->kind == 'l' ? "=[." : "=[,.", p->kind != 'l', &b, &last);

	kl = b.len;
	k = osmo_arena_strndup(p->a, b.ptr ? b.ptr : "", kl);
	osmo_buf_dispose(&b);
	if (rc == SV_EOF) {
		if (kl == 0)
			return SV_EOF;
		return fail_quoted(p, "key ", k, kl, " has no value");
	}
	switch (last) {
	case '[': {
		int64_t i;
		osmo_value list;
		rc = key_index(p, &i);
		if (rc)
			return rc;
		cur = osmo_map_get(data, k, kl);
		if (cur && !(cur->type == OSMO_V_LIST && cur->sub == OSMO_GO_LIST))
			return fail_conversion(p, *cur, "[]interface {}");
		list = cur ? *cur : osmo_list_new(p->a, 0);
		rc = list_item(p, &list, i, level);
		set(p, data, k, kl, list);
		return rc;
	}
	case '=':
		rc = value(p, &v);
		if (rc == 0 || rc == SV_EOF)
			set(p, data, k, kl, v);
		return rc;
	case ',':
		set(p, data, k, kl, osmo_string(p->a, "", 0));
		return fail_quoted(p, "key ", k, kl, " has no value (cannot end with ,)");
	default: { /* '.' */
		osmo_value inner;
		if (++level > SV_MAX_NESTED)
			return fail(p, OSMO_ELIMIT,
				    "value name nested level is greater than maximum supported nested level of %d",
				    SV_MAX_NESTED);
		cur = osmo_map_get(data, k, kl);
		if (cur && !(cur->type == OSMO_V_MAP && cur->sub == OSMO_GO_MAP))
			return fail_conversion(p, *cur, "map[string]interface {}");
		inner = cur ? *cur : osmo_map_new(p->a, 0);
		rc = key(p, inner.u.map, level);
		if (rc == 0 && inner.u.map->len == 0)
			return fail_quoted(p, "key map ", k, kl, " has no value");
		if (inner.u.map->len)
			set(p, data, k, kl, inner);
		return rc;
	}
	}
}

static const char *flag_name(char kind)
{
	switch (kind) {
	case 'S': return "--set-string";
	case 'j': return "--set-json";
	case 'l': return "--set-literal";
	case 'f': return "--set-file";
	default: return "--set";
	}
}

int osmo_values_parse_set(osmo_arena *a, osmo_value *dst, const char *expr, char kind,
			  osmo_error *err)
{
	sv_parser p = { 0 };
	int rc;
	OSMO_ASSERT(strchr("sSjlf", kind) && kind);
	if (dst->type != OSMO_V_MAP)
		*dst = osmo_map_new(a, 0);
	p.a = a;
	p.s = expr;
	p.len = strlen(expr);
	p.kind = kind;
	do
		rc = key(&p, dst->u.map, 0);
	while (rc == 0);
	if (rc == SV_EOF) {
		rc = 0;
	} else if (kind == 'j') { /* Helm drops the cause and quotes the input */
		osmo_error_set(err, p.code, "failed parsing --set-json data %s", expr);
	} else {
		osmo_error_set(err, p.code, "failed parsing %s data: %s", flag_name(kind),
			       osmo_buf_cstr(&p.msg));
	}
	osmo_buf_dispose(&p.msg);
	return rc;
}
