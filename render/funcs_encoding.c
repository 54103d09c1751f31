/* funcs_encoding.c - Sprig's encoding, path, filepath, URL and UUID
 * functions: b64enc/b64dec/b32enc/b32dec (Go's encoding/base64|32 with
 * their exact "illegal ... data at input byte N" offsets; Sprig returns
 * the error text as the result), path.* and Linux filepath.* (identical on
 * Linux), urlParse/urlJoin (the net/url subset they touch) and uuidv4.
 */
#include "osmo/funcs.h"
#include "osmo/numfmt.h"

#include <stdio.h>
#include <string.h>
#include <sys/random.h>

/* ---- base64 / base32 ---------------------------------------------------- */

static const char b64_alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b32_alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

static int alpha_index(const char *alpha, unsigned char c)
{
	if (!c)
		return -1;
	const char *p = strchr(alpha, c);
	return p ? (int)(p - alpha) : -1;
}

static int fn_b64enc(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	const unsigned char *s = (const unsigned char *)argv[0].u.s.ptr;
	size_t n = argv[0].u.s.len;
	osmo_buf b = OSMO_BUF_INIT;
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)s[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		osmo_buf_putc(&b, b64_alpha[v >> 18 & 63]);
		osmo_buf_putc(&b, b64_alpha[v >> 12 & 63]);
		osmo_buf_putc(&b, i + 1 < n ? b64_alpha[v >> 6 & 63] : '=');
		osmo_buf_putc(&b, i + 2 < n ? b64_alpha[v & 63] : '=');
	}
	*out = osmo_string_buf(ctx->arena, &b);
	osmo_buf_dispose(&b);
	return 0;
}

/* Go's base64 decodeQuantum loop (StdEncoding, padded, \r \n skipped).
 * Returns -1 on success or the offset of the corrupt input. */
static long b64_decode(osmo_buf *dst, const char *src, size_t len)
{
	size_t si = 0;
	while (si < len) {
		int dbuf[4] = { 0, 0, 0, 0 };
		int dlen = 4;
		long err = -1;
		for (int j = 0; j < 4; j++) {
			if (si == len) {
				if (j == 0)
					return -1;
				return (long)(si - (size_t)j); /* missing padding */
			}
			unsigned char in = (unsigned char)src[si++];
			int v = alpha_index(b64_alpha, in);
			if (v >= 0) {
				dbuf[j] = v;
				continue;
			}
			if (in == '\n' || in == '\r') {
				j--;
				continue;
			}
			if (in != '=')
				return (long)si - 1;
			if (j < 2)
				return (long)si - 1;
			if (j == 2) {
				while (si < len && (src[si] == '\n' || src[si] == '\r'))
					si++;
				if (si == len)
					return (long)len;
				if (src[si] != '=')
					return (long)si - 1;
				si++;
			}
			while (si < len && (src[si] == '\n' || src[si] == '\r'))
				si++;
			if (si < len)
				err = (long)si; /* trailing garbage */
			dlen = j;
			break;
		}
		uint32_t val = (uint32_t)dbuf[0] << 18 | (uint32_t)dbuf[1] << 12 | (uint32_t)dbuf[2] << 6 | (uint32_t)dbuf[3];
		if (dlen >= 2)
			osmo_buf_putc(dst, (char)(val >> 16));
		if (dlen >= 3)
			osmo_buf_putc(dst, (char)(val >> 8));
		if (dlen >= 4)
			osmo_buf_putc(dst, (char)val);
		if (err >= 0)
			return err;
	}
	return -1;
}

static int fn_b64dec(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_buf b = OSMO_BUF_INIT;
	long bad = b64_decode(&b, argv[0].u.s.ptr, argv[0].u.s.len);
	if (bad >= 0)
		*out = osmo_cstring(ctx->arena, osmo_arena_sprintf(ctx->arena, "illegal base64 data at input byte %ld", bad));
	else
		*out = osmo_string_buf(ctx->arena, &b);
	osmo_buf_dispose(&b);
	return 0;
}

static int fn_b32enc(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	const unsigned char *s = (const unsigned char *)argv[0].u.s.ptr;
	size_t n = argv[0].u.s.len;
	static const int chars_for[6] = { 0, 2, 4, 5, 7, 8 }; /* by bytes in the block */
	osmo_buf b = OSMO_BUF_INIT;
	for (size_t i = 0; i < n; i += 5) {
		uint64_t v = 0;
		size_t k = n - i < 5 ? n - i : 5;
		for (size_t j = 0; j < 5; j++)
			v = v << 8 | (j < k ? s[i + j] : 0);
		for (int j = 0; j < 8; j++)
			osmo_buf_putc(&b, j < chars_for[k] ? b32_alpha[v >> (35 - 5 * j) & 31] : '=');
	}
	*out = osmo_string_buf(ctx->arena, &b);
	osmo_buf_dispose(&b);
	return 0;
}

/* Go's base32 decode (StdEncoding) on the input with \r \n removed.
 * Returns -1 on success or the offset of the corrupt input. */
static long b32_decode(osmo_buf *dst, const char *src, size_t olen)
{
	size_t left = olen;
	bool end = false;
	while (left > 0 && !end) {
		int dbuf[8] = { 0 };
		int dlen = 8;
		for (int j = 0; j < 8;) {
			if (left == 0)
				return (long)(olen - left) - j;
			unsigned char in = (unsigned char)*src++;
			left--;
			if (in == '=' && j >= 2 && left < 8) {
				if (left + (size_t)j < 7)
					return (long)olen;
				for (int k = 0; k < 8 - 1 - j; k++)
					if (left > (size_t)k && src[k] != '=')
						return (long)(olen - left) + k - 1;
				dlen = j;
				end = true;
				if (dlen == 1 || dlen == 3 || dlen == 6)
					return (long)(olen - left) - 1;
				break;
			}
			dbuf[j] = alpha_index(b32_alpha, in);
			if (dbuf[j] < 0)
				return (long)(olen - left) - 1;
			j++;
		}
		uint64_t v = 0;
		for (int j = 0; j < 8; j++)
			v = v << 5 | (uint64_t)(dbuf[j] & 31);
		int nbytes = dlen == 8 ? 5 : dlen == 7 ? 4 : dlen == 5 ? 3 : dlen == 4 ? 2 : dlen == 2 ? 1 : 0;
		for (int j = 0; j < nbytes; j++)
			osmo_buf_putc(dst, (char)(v >> (32 - 8 * j)));
	}
	return -1;
}

static int fn_b32dec(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_buf in = OSMO_BUF_INIT, b = OSMO_BUF_INIT;
	for (size_t i = 0; i < argv[0].u.s.len; i++)
		if (argv[0].u.s.ptr[i] != '\r' && argv[0].u.s.ptr[i] != '\n')
			osmo_buf_putc(&in, argv[0].u.s.ptr[i]);
	long bad = b32_decode(&b, in.ptr ? in.ptr : "", in.len);
	if (bad >= 0)
		*out = osmo_cstring(ctx->arena, osmo_arena_sprintf(ctx->arena, "illegal base32 data at input byte %ld", bad));
	else
		*out = osmo_string_buf(ctx->arena, &b);
	osmo_buf_dispose(&b);
	osmo_buf_dispose(&in);
	return 0;
}

/* ---- path / filepath (identical on Linux) -------------------------------- */

/* path.Clean (Pike's lexical rules). */
static void path_clean(osmo_buf *out, const char *p, size_t n)
{
	if (n == 0) {
		osmo_buf_putc(out, '.');
		return;
	}
	bool rooted = p[0] == '/';
	size_t r = 0, dotdot = 0, base = out->len;
	osmo_buf_put(out, "", 0);
	if (rooted) {
		osmo_buf_putc(out, '/');
		r = dotdot = 1;
	}
#define W (out->len - base)
	while (r < n) {
		if (p[r] == '/') {
			r++;
		} else if (p[r] == '.' && (r + 1 == n || p[r + 1] == '/')) {
			r++;
		} else if (p[r] == '.' && p[r + 1] == '.' && (r + 2 == n || p[r + 2] == '/')) {
			r += 2;
			if (W > dotdot) {
				size_t w = W - 1;
				while (w > dotdot && out->ptr[base + w] != '/')
					w--;
				osmo_buf_truncate(out, base + w);
			} else if (!rooted) {
				if (W > 0)
					osmo_buf_putc(out, '/');
				osmo_buf_puts(out, "..");
				dotdot = W;
			}
		} else {
			if ((rooted && W != 1) || (!rooted && W != 0))
				osmo_buf_putc(out, '/');
			for (; r < n && p[r] != '/'; r++)
				osmo_buf_putc(out, p[r]);
		}
	}
	if (W == 0)
		osmo_buf_putc(out, '.');
#undef W
}

static int fn_clean(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_buf b = OSMO_BUF_INIT;
	path_clean(&b, argv[0].u.s.ptr, argv[0].u.s.len);
	*out = osmo_string_buf(ctx->arena, &b);
	osmo_buf_dispose(&b);
	return 0;
}

static int fn_base(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	(void)argc;
	const char *p = argv[0].u.s.ptr;
	size_t n = argv[0].u.s.len;
	if (n == 0) {
		*out = osmo_str_ref(".", 1);
		return 0;
	}
	while (n > 0 && p[n - 1] == '/')
		n--;
	size_t i = n;
	while (i > 0 && p[i - 1] != '/')
		i--;
	if (n - i == 0)
		*out = osmo_str_ref("/", 1);
	else
		*out = osmo_string(ctx->arena, p + i, n - i);
	return 0;
}

static int fn_dir(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	const char *p = argv[0].u.s.ptr;
	size_t i = argv[0].u.s.len;
	while (i > 0 && p[i - 1] != '/')
		i--;
	osmo_buf b = OSMO_BUF_INIT;
	path_clean(&b, p, i);
	*out = osmo_string_buf(ctx->arena, &b);
	osmo_buf_dispose(&b);
	return 0;
}

static int fn_ext(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	const char *p = argv[0].u.s.ptr;
	size_t n = argv[0].u.s.len;
	*out = osmo_str_ref("", 0);
	for (size_t i = n; i > 0 && p[i - 1] != '/'; i--) {
		if (p[i - 1] == '.') {
			*out = osmo_string(ctx->arena, p + i - 1, n - i + 1);
			break;
		}
	}
	return 0;
}

static int fn_isabs(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	(void)argc;
	*out = osmo_bool(argv[0].u.s.len > 0 && argv[0].u.s.ptr[0] == '/');
	return 0;
}

/* ---- net/url ------------------------------------------------------------- */

enum { ENC_PATH, ENC_USER, ENC_HOST, ENC_ZONE, ENC_FRAGMENT };

static bool should_escape(unsigned char c, int mode)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return false;
	if ((mode == ENC_HOST || mode == ENC_ZONE) && c && strchr("!$&'()*+,;=:[]<>\"", c))
		return false;
	if (c == '-' || c == '_' || c == '.' || c == '~')
		return false;
	if (c && strchr("$&+,/:;=?@", c)) {
		switch (mode) {
		case ENC_PATH:
			return c == '?';
		case ENC_USER:
			return c == '@' || c == '/' || c == '?' || c == ':';
		case ENC_FRAGMENT:
			return false;
		}
	}
	if (mode == ENC_FRAGMENT && (c == '!' || c == '(' || c == ')' || c == '*'))
		return false;
	return true;
}

static void url_escape(osmo_buf *b, const char *s, size_t n, int mode)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (should_escape(c, mode))
			osmo_buf_printf(b, "%%%02X", c);
		else
			osmo_buf_putc(b, (char)c);
	}
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
}

/* url.unescape: percent-decoding with net/url's per-component checks.
 * On error appends Go's message to err and returns -1. */
static int url_unescape(osmo_buf *out, osmo_buf *err, const char *s, size_t n, int mode)
{
	for (size_t i = 0; i < n;) {
		if (s[i] == '%') {
			if (i + 2 >= n || hexval(s[i + 1]) < 0 || hexval(s[i + 2]) < 0) {
				size_t l = n - i < 3 ? n - i : 3;
				osmo_buf_puts(err, "invalid URL escape ");
				osmo_numfmt_quote(err, s + i, l);
				return -1;
			}
			int v = hexval(s[i + 1]) << 4 | hexval(s[i + 2]);
			bool pct25 = s[i + 1] == '2' && s[i + 2] == '5';
			if ((mode == ENC_HOST && hexval(s[i + 1]) < 8 && !pct25) ||
			    (mode == ENC_ZONE && !pct25 && v != ' ' && should_escape((unsigned char)v, ENC_HOST))) {
				osmo_buf_puts(err, "invalid URL escape ");
				osmo_numfmt_quote(err, s + i, 3);
				return -1;
			}
			i += 3;
		} else {
			unsigned char c = (unsigned char)s[i];
			if ((mode == ENC_HOST || mode == ENC_ZONE) && c < 0x80 && should_escape(c, mode)) {
				osmo_buf_puts(err, "invalid character ");
				osmo_numfmt_quote(err, s + i, 1);
				osmo_buf_puts(err, " in host name");
				return -1;
			}
			i++;
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%') {
			osmo_buf_putc(out, (char)(hexval(s[i + 1]) << 4 | hexval(s[i + 2])));
			i += 2;
		} else {
			osmo_buf_putc(out, s[i]);
		}
	}
	return 0;
}

static bool valid_optional_port(const char *p, size_t n)
{
	if (n == 0)
		return true;
	if (p[0] != ':')
		return false;
	for (size_t i = 1; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	return true;
}

static const char *last_index(const char *s, size_t n, char c)
{
	for (size_t i = n; i > 0; i--)
		if (s[i - 1] == c)
			return s + i - 1;
	return NULL;
}

/* url.parseHost. */
static int parse_host(osmo_buf *host, osmo_buf *err, const char *h, size_t n)
{
	if (n && h[0] == '[') {
		const char *rb = last_index(h, n, ']');
		if (!rb) {
			osmo_buf_puts(err, "missing ']' in host");
			return -1;
		}
		size_t i = (size_t)(rb - h);
		if (!valid_optional_port(h + i + 1, n - i - 1)) {
			osmo_buf_puts(err, "invalid port ");
			osmo_numfmt_quote(err, h + i + 1, n - i - 1);
			osmo_buf_puts(err, " after host");
			return -1;
		}
		const char *z = memmem(h, i, "%25", 3);
		if (z) {
			size_t zi = (size_t)(z - h);
			return url_unescape(host, err, h, zi, ENC_HOST) ||
				       url_unescape(host, err, h + zi, i - zi, ENC_ZONE) ||
				       url_unescape(host, err, h + i, n - i, ENC_HOST)
				       ? -1
				       : 0;
		}
	} else {
		const char *c = last_index(h, n, ':');
		if (c && !valid_optional_port(c, n - (size_t)(c - h))) {
			osmo_buf_puts(err, "invalid port ");
			osmo_numfmt_quote(err, c, n - (size_t)(c - h));
			osmo_buf_puts(err, " after host");
			return -1;
		}
	}
	return url_unescape(host, err, h, n, ENC_HOST);
}

typedef struct url_parts {
	osmo_buf scheme, host, path, query, opaque, fragment, userinfo;
	bool has_user;
} url_parts;

static void url_parts_dispose(url_parts *u)
{
	osmo_buf *all[] = { &u->scheme, &u->host, &u->path, &u->query, &u->opaque, &u->fragment, &u->userinfo };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		osmo_buf_dispose(all[i]);
}

static bool valid_userinfo(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			continue;
		if (!c || !strchr("-._:~!$&'()*+,;=%@", c))
			return false;
	}
	return true;
}

/* userinfo: parsed as url.User / url.UserPassword, then User.String(). */
static int parse_userinfo(url_parts *u, osmo_buf *err, const char *s, size_t n)
{
	if (!valid_userinfo(s, n)) {
		osmo_buf_puts(err, "net/url: invalid userinfo");
		return -1;
	}
	const char *colon = memchr(s, ':', n);
	size_t un = colon ? (size_t)(colon - s) : n;
	osmo_buf name = OSMO_BUF_INIT, pass = OSMO_BUF_INIT;
	int rc = url_unescape(&name, err, s, un, ENC_USER);
	if (!rc && colon)
		rc = url_unescape(&pass, err, colon + 1, n - un - 1, ENC_USER);
	if (!rc) {
		url_escape(&u->userinfo, name.ptr ? name.ptr : "", name.len, ENC_USER);
		if (colon) {
			osmo_buf_putc(&u->userinfo, ':');
			url_escape(&u->userinfo, pass.ptr ? pass.ptr : "", pass.len, ENC_USER);
		}
		u->has_user = true;
	}
	osmo_buf_dispose(&name);
	osmo_buf_dispose(&pass);
	return rc;
}

/* url.Parse (without RawPath/ForceQuery, which urlParse does not expose).
 * -1: error in the URL proper, -2: error in the fragment. */
static int url_parse(url_parts *u, osmo_buf *err, const char *raw, size_t rn)
{
	const char *hash = memchr(raw, '#', rn);
	size_t n = hash ? (size_t)(hash - raw) : rn;
	const char *s = raw;
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) {
			osmo_buf_puts(err, "net/url: invalid control character in URL");
			return -1;
		}
	}
	const char *rest = s;
	size_t restn = n;
	if (n == 1 && s[0] == '*') {
		osmo_buf_puts(&u->path, "*");
		goto frag;
	}
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			continue;
		if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
			if (i == 0)
				break;
			continue;
		}
		if (c == ':') {
			if (i == 0) {
				osmo_buf_puts(err, "missing protocol scheme");
				return -1;
			}
			for (size_t k = 0; k < i; k++)
				osmo_buf_putc(&u->scheme, (char)((s[k] >= 'A' && s[k] <= 'Z') ? s[k] + 32 : s[k]));
			rest = s + i + 1;
			restn = n - i - 1;
		}
		break;
	}
	const char *q = memchr(rest, '?', restn);
	if (q) {
		osmo_buf_put(&u->query, q + 1, restn - (size_t)(q - rest) - 1);
		restn = (size_t)(q - rest);
	}
	if (restn == 0 || rest[0] != '/') {
		if (u->scheme.len) {
			osmo_buf_put(&u->opaque, rest, restn);
			goto frag;
		}
		const char *sl = memchr(rest, '/', restn);
		size_t seg = sl ? (size_t)(sl - rest) : restn;
		if (memchr(rest, ':', seg)) {
			osmo_buf_puts(err, "first path segment in URL cannot contain colon");
			return -1;
		}
	}
	if ((u->scheme.len || !(restn >= 3 && memcmp(rest, "///", 3) == 0)) && restn >= 2 &&
	    rest[0] == '/' && rest[1] == '/') {
		const char *auth = rest + 2;
		size_t an = restn - 2;
		const char *sl = memchr(auth, '/', an);
		size_t al = sl ? (size_t)(sl - auth) : an;
		rest = auth + al;
		restn = an - al;
		const char *at = last_index(auth, al, '@');
		size_t hs = at ? (size_t)(at - auth) + 1 : 0;
		if (parse_host(&u->host, err, auth + hs, al - hs))
			return -1;
		if (at && parse_userinfo(u, err, auth, (size_t)(at - auth)))
			return -1;
	}
	if (url_unescape(&u->path, err, rest, restn, ENC_PATH))
		return -1;
frag:
	if (hash && url_unescape(&u->fragment, err, hash + 1, rn - n - 1, ENC_FRAGMENT))
		return -2; /* Go then quotes the whole URL */
	return 0;
}

static void set_str(osmo_arena *a, osmo_map *m, const char *key, osmo_buf *b)
{
	osmo_map_setc(a, m, key, osmo_string(a, b->ptr ? b->ptr : "", b->len));
}

static int fn_url_parse(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	url_parts u;
	memset(&u, 0, sizeof u);
	osmo_buf err = OSMO_BUF_INIT;
	const char *raw = argv[0].u.s.ptr;
	size_t rn = argv[0].u.s.len;
	int rc = 0;
	int perr = url_parse(&u, &err, raw, rn);
	if (perr) {
		/* url.Error quotes the URL without its fragment, unless the
		 * fragment itself failed */
		const char *hash = memchr(raw, '#', rn);
		size_t qn = hash && perr == -1 ? (size_t)(hash - raw) : rn;
		osmo_buf msg = OSMO_BUF_INIT;
		osmo_buf_puts(&msg, "unable to parse url: parse ");
		osmo_numfmt_quote(&msg, raw, qn);
		osmo_buf_printf(&msg, ": %s", osmo_buf_cstr(&err));
		rc = osmo_fn_errorf(ctx, "%s", osmo_buf_cstr(&msg));
		osmo_buf_dispose(&msg);
	} else {
		osmo_value m = osmo_map_new(ctx->arena, 8);
		osmo_arena *a = ctx->arena;
		set_str(a, m.u.map, "scheme", &u.scheme);
		set_str(a, m.u.map, "host", &u.host);
		/* Hostname(): strip a valid :port, then IPv6 brackets */
		const char *h = u.host.ptr ? u.host.ptr : "";
		size_t hn = u.host.len;
		const char *c = last_index(h, hn, ':');
		if (c && valid_optional_port(c, hn - (size_t)(c - h)))
			hn = (size_t)(c - h);
		if (hn >= 2 && h[0] == '[' && h[hn - 1] == ']') {
			h++;
			hn -= 2;
		}
		osmo_map_setc(a, m.u.map, "hostname", osmo_string(a, h, hn));
		set_str(a, m.u.map, "path", &u.path);
		set_str(a, m.u.map, "query", &u.query);
		set_str(a, m.u.map, "opaque", &u.opaque);
		set_str(a, m.u.map, "fragment", &u.fragment);
		set_str(a, m.u.map, "userinfo", &u.userinfo);
		*out = m;
	}
	osmo_buf_dispose(&err);
	url_parts_dispose(&u);
	return rc;
}

/* Sprig's dictGetOrEmpty: missing -> "", non-string -> panic. */
static int dict_str(osmo_fnctx *ctx, const osmo_map *m, const char *key, const char **s, size_t *n)
{
	const osmo_value *v = osmo_map_getc(m, key);
	*s = "";
	*n = 0;
	if (!v)
		return 0;
	if (v->type == OSMO_V_NULL)
		return osmo_fn_errorf(ctx, "runtime error: invalid memory address or nil pointer dereference");
	if (v->type != OSMO_V_STRING || v->sub != OSMO_GO_STRING)
		return osmo_fn_errorf(ctx, "unable to parse %s key, must be of type string, but %s found", key,
				      osmo_value_gokind(*v));
	*s = v->u.s.ptr;
	*n = v->u.s.len;
	return 0;
}

/* urlJoin: url.URL{...}.String(). */
static int fn_url_join(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	const osmo_map *d = argv[0].u.map;
	const char *scheme, *host, *path, *query, *opaque, *frag, *ui;
	size_t sn, hn, pn, qn, on, fn, un;
	if (dict_str(ctx, d, "scheme", &scheme, &sn) || dict_str(ctx, d, "host", &host, &hn) ||
	    dict_str(ctx, d, "path", &path, &pn) || dict_str(ctx, d, "query", &query, &qn) ||
	    dict_str(ctx, d, "opaque", &opaque, &on) || dict_str(ctx, d, "fragment", &frag, &fn) ||
	    dict_str(ctx, d, "userinfo", &ui, &un))
		return OSMO_ERROR;
	url_parts u;
	memset(&u, 0, sizeof u);
	int rc = 0;
	if (un) {
		/* Sprig re-parses "proto://<userinfo>@host" to get a *Userinfo */
		osmo_buf tmp = OSMO_BUF_INIT, err = OSMO_BUF_INIT;
		osmo_buf_printf(&tmp, "proto://%.*s@host", (int)un, ui);
		if (url_parse(&u, &err, tmp.ptr, tmp.len)) {
			osmo_buf msg = OSMO_BUF_INIT;
			osmo_buf_puts(&msg, "unable to parse userinfo in dict: parse ");
			osmo_numfmt_quote(&msg, tmp.ptr, tmp.len);
			osmo_buf_printf(&msg, ": %s", osmo_buf_cstr(&err));
			rc = osmo_fn_errorf(ctx, "%s", osmo_buf_cstr(&msg));
			osmo_buf_dispose(&msg);
		}
		osmo_buf_dispose(&tmp);
		osmo_buf_dispose(&err);
		if (rc) {
			url_parts_dispose(&u);
			return rc;
		}
	}
	osmo_buf b = OSMO_BUF_INIT;
	if (sn) {
		osmo_buf_put(&b, scheme, sn);
		osmo_buf_putc(&b, ':');
	}
	osmo_buf ep = OSMO_BUF_INIT;
	if (pn == 1 && path[0] == '*')
		osmo_buf_putc(&ep, '*');
	else
		url_escape(&ep, path, pn, ENC_PATH);
	if (on) {
		osmo_buf_put(&b, opaque, on);
	} else {
		if (sn || hn || u.has_user) {
			if (hn || pn || u.has_user)
				osmo_buf_puts(&b, "//");
			if (u.has_user) {
				osmo_buf_put(&b, u.userinfo.ptr, u.userinfo.len);
				osmo_buf_putc(&b, '@');
			}
			if (hn)
				url_escape(&b, host, hn, ENC_HOST);
		}
		if (ep.len && ep.ptr[0] != '/' && hn)
			osmo_buf_putc(&b, '/');
		if (b.len == 0) {
			const char *sl = ep.ptr ? memchr(ep.ptr, '/', ep.len) : NULL;
			size_t seg = sl ? (size_t)(sl - ep.ptr) : ep.len;
			if (ep.ptr && memchr(ep.ptr, ':', seg))
				osmo_buf_puts(&b, "./");
		}
		osmo_buf_put(&b, ep.ptr ? ep.ptr : "", ep.len);
	}
	if (qn) {
		osmo_buf_putc(&b, '?');
		osmo_buf_put(&b, query, qn);
	}
	if (fn) {
		osmo_buf_putc(&b, '#');
		url_escape(&b, frag, fn, ENC_FRAGMENT);
	}
	*out = osmo_string_buf(ctx->arena, &b);
	osmo_buf_dispose(&b);
	osmo_buf_dispose(&ep);
	url_parts_dispose(&u);
	return 0;
}

/* ---- uuid ---------------------------------------------------------------- */

/* google/uuid New(): random (RFC 4122 version 4, variant 10). */
static int fn_uuidv4(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	(void)argv;
	unsigned char r[16];
	size_t got = 0;
	while (got < sizeof r) {
		ssize_t k = getrandom(r + got, sizeof r - got, 0);
		if (k > 0)
			got += (size_t)k;
	}
	r[6] = (unsigned char)((r[6] & 0x0f) | 0x40);
	r[8] = (unsigned char)((r[8] & 0x3f) | 0x80);
	char s[37];
	snprintf(s, sizeof s,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12],
		 r[13], r[14], r[15]);
	*out = osmo_string(ctx->arena, s, 36);
	return 0;
}

const osmo_func_def osmo_funcs_encoding[] = {
	{ "b64enc", "s:s", fn_b64enc },
	{ "b64dec", "s:s", fn_b64dec },
	{ "b32enc", "s:s", fn_b32enc },
	{ "b32dec", "s:s", fn_b32dec },
	{ "base", "s:s", fn_base },
	{ "dir", "s:s", fn_dir },
	{ "clean", "s:s", fn_clean },
	{ "ext", "s:s", fn_ext },
	{ "isAbs", "s:b", fn_isabs },
	{ "osBase", "s:s", fn_base },
	{ "osClean", "s:s", fn_clean },
	{ "osDir", "s:s", fn_dir },
	{ "osExt", "s:s", fn_ext },
	{ "osIsAbs", "s:b", fn_isabs },
	{ "urlParse", "s:m", fn_url_parse },
	{ "urlJoin", "m:s", fn_url_join },
	{ "uuidv4", ":s", fn_uuidv4 },
	{ NULL, NULL, NULL }
};
