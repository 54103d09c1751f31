/* jsonschema_formats.c - gojsonschema v1.2.0's FormatCheckers: time layouts
 * through Go's time.Parse, addresses as net.ParseIP accepts them, URLs as
 * url.Parse accepts them, and its regular expressions spelled out by hand.
 * Formats it does not know (int32, int64, byte, ...) always pass. */
#include "jsonschema_int.h"

#include "osmo/gotime.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <string.h>

static bool go_time_parse(const char *layout, const char *s, size_t n)
{
	osmo_arena *a = osmo_arena_new();
	osmo_gotime t;
	int rc = osmo_gotime_parse(&t, a, layout, strlen(layout), s, n, NULL, NULL);
	osmo_arena_free(a);
	return rc == 0;
}

static bool is_date_time(const char *s, size_t n)
{
	static const char *const layouts[] = { "15:04:05", "15:04:05Z07:00", "2006-01-02",
					       "2006-01-02T15:04:05Z07:00",
					       "2006-01-02T15:04:05.999999999Z07:00" };
	for (size_t i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++)
		if (go_time_parse(layouts[i], s, n))
			return true;
	return false;
}

static bool is_time(const char *s, size_t n)
{
	return go_time_parse("15:04:05Z07:00", s, n) || go_time_parse("15:04:05", s, n);
}

/* rxHostname, and shorter than 256 bytes. */
static bool is_hostname(const char *s, size_t n)
{
	if (n == 0 || n >= 256)
		return false;
	size_t start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != '.')
			continue;
		size_t l = i - start;
		if (l < 1 || l > 63)
			return false;
		for (size_t k = start; k < i; k++) {
			bool edge = k == start || k == i - 1;
			if (!isalnum((unsigned char)s[k]) && (edge || s[k] != '-'))
				return false;
		}
		start = i + 1;
	}
	return true;
}

static bool hexrun(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

/* v1.2.0's rxUUID is lower-case only. */
static bool is_uuid(const char *s, size_t n)
{
	return n == 36 && s[8] == '-' && s[13] == '-' && s[18] == '-' && s[23] == '-' && hexrun(s, 8) &&
	       hexrun(s + 9, 4) && hexrun(s + 14, 4) && hexrun(s + 19, 4) && hexrun(s + 24, 12);
}

/* (?:/(?:[^~/]|~0|~1)*)* from position i. */
static bool pointer_tail(const char *s, size_t n, size_t i)
{
	if (i < n && s[i] != '/')
		return false;
	for (; i < n; i++)
		if (s[i] == '~' && (i + 1 >= n || (s[i + 1] != '0' && s[i + 1] != '1')))
			return false;
	return true;
}

static bool is_rel_pointer(const char *s, size_t n)
{
	size_t i = 0;
	if (n && s[0] == '0')
		i = 1;
	else
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
	if (i == 0)
		return false;
	if (i < n && s[i] == '#')
		return i + 1 == n;
	return pointer_tail(s, n, i);
}

/* net.ParseIP (which rejects IPv4 leading zeros and zones, like inet_pton). */
static bool parse_ip(const char *s, size_t n)
{
	char tmp[64];
	unsigned char buf[16];
	if (n >= sizeof tmp || memchr(s, 0, n))
		return false;
	memcpy(tmp, s, n);
	tmp[n] = 0;
	return inet_pton(AF_INET, tmp, buf) == 1 || inet_pton(AF_INET6, tmp, buf) == 1;
}

/* ---- net/mail.ParseAddress, the common forms ------------------------------ */

static bool atext(char ch)
{
	return isalnum((unsigned char)ch) || (unsigned char)ch >= 0x80 || strchr("!#$%&'*+-/=?^_`{|}~", ch);
}

static bool dot_atom(const char *s, size_t n)
{
	if (!n || s[0] == '.' || s[n - 1] == '.')
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (s[i + 1] == '.')
				return false;
		} else if (!atext(s[i]) || s[i] == 0) {
			return false;
		}
	}
	return true;
}

static bool addr_spec(const char *s, size_t n)
{
	const char *at = NULL;
	size_t i = 0;
	if (n && s[0] == '"') { /* quoted local part */
		for (i = 1; i < n && s[i] != '"'; i++)
			if (s[i] == '\\')
				i++;
		if (i >= n)
			return false;
		at = s + i + 1;
		if (at >= s + n || *at != '@')
			return false;
	} else {
		at = memchr(s, '@', n);
		if (!at || !dot_atom(s, (size_t)(at - s)))
			return false;
	}
	const char *d = at + 1;
	size_t dl = (size_t)(s + n - d);
	if (dl >= 2 && d[0] == '[' && d[dl - 1] == ']')
		return true;
	return dot_atom(d, dl);
}

static bool is_email(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n && s[n - 1] == '>') {
		const char *lt = memchr(s, '<', n);
		if (!lt)
			return false;
		return addr_spec(lt + 1, (size_t)(s + n - 1 - (lt + 1)));
	}
	return addr_spec(s, n);
}

/* ---- net/url.Parse ----------------------------------------------------------- */

static bool valid_escapes(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == '%' && (i + 2 >= n || !isxdigit((unsigned char)s[i + 1]) ||
				    !isxdigit((unsigned char)s[i + 2])))
			return false;
	return true;
}

/* 0 = parses; sets *has_scheme and the path span. */
static bool url_parse(const char *s, size_t n, bool *has_scheme, const char **path, size_t *plen)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	const char *hash = memchr(s, '#', n);
	if (hash) {
		if (!valid_escapes(hash + 1, (size_t)(s + n - hash - 1)))
			return false;
		n = (size_t)(hash - s);
	}
	*has_scheme = false;
	size_t i = 0;
	for (; i < n; i++) {
		char ch = s[i];
		if (isalpha((unsigned char)ch))
			continue;
		if (isdigit((unsigned char)ch) || ch == '+' || ch == '-' || ch == '.') {
			if (i == 0)
				break;
			continue;
		}
		if (ch == ':') {
			if (i == 0)
				return false; /* missing protocol scheme */
			*has_scheme = true;
		}
		break;
	}
	const char *rest = *has_scheme ? s + i + 1 : s;
	size_t rn = (size_t)(s + n - rest);
	const char *q = memchr(rest, '?', rn);
	if (q)
		rn = (size_t)(q - rest);
	if (!*has_scheme && rn && rest[0] != '/') {
		const char *slash = memchr(rest, '/', rn);
		size_t seg = slash ? (size_t)(slash - rest) : rn;
		if (memchr(rest, ':', seg))
			return false; /* first path segment in URL cannot contain colon */
	}
	if (rn >= 2 && rest[0] == '/' && rest[1] == '/') {
		const char *auth = rest + 2;
		const char *end = memchr(auth, '/', rn - 2);
		size_t al = end ? (size_t)(end - auth) : rn - 2;
		const char *host = auth;
		for (size_t k = al; k-- > 0;)
			if (auth[k] == '@') {
				host = auth + k + 1;
				break;
			}
		size_t hl = (size_t)(auth + al - host);
		const char *port = NULL;
		if (hl && host[0] == '[') {
			const char *rb = memchr(host, ']', hl);
			if (!rb)
				return false; /* missing ']' in host */
			if (rb + 1 < host + hl) {
				if (rb[1] != ':')
					return false;
				port = rb + 2;
			}
		} else {
			const char *colon = NULL;
			for (size_t k = hl; k-- > 0;)
				if (host[k] == ':') {
					colon = host + k;
					break;
				}
			if (colon)
				port = colon + 1;
		}
		for (const char *p = port; p && p < host + hl; p++)
			if (!isdigit((unsigned char)*p))
				return false; /* invalid port */
		if (!valid_escapes(host, hl))
			return false;
		rest = end ? end : auth + al;
		rn = (size_t)(s + n - rest);
		if (q)
			rn = (size_t)(q - rest);
	}
	if (!valid_escapes(rest, rn))
		return false;
	*path = rest;
	*plen = rn;
	return true;
}

static bool no_backslash(const char *s, size_t n)
{
	return !memchr(s, '\\', n);
}

/* rxURITemplate ^([^{]*({[^}]*})?)*$: braces balanced, never nested. */
static bool template_path(const char *s, size_t n)
{
	bool open = false;
	for (size_t i = 0; i < n; i++) {
		if (!open && s[i] == '{')
			open = true;
		else if (open && s[i] == '}')
			open = false;
		else if (!open && s[i] == '}')
			continue;
	}
	return !open;
}

bool js_format_known(const char *f)
{
	static const char *const known[] = { "date",  "time",      "date-time",     "hostname",
					     "email", "idn-email", "ipv4",          "ipv6",
					     "uri",   "uri-reference", "iri",       "iri-reference",
					     "uri-template", "uuid", "regex", "json-pointer",
					     "relative-json-pointer" };
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (!strcmp(known[i], f))
			return true;
	return false;
}

bool js_format_check_string(const char *f, const char *s, size_t n)
{
	bool scheme;
	const char *path;
	size_t plen;
	if (!strcmp(f, "date-time"))
		return is_date_time(s, n);
	if (!strcmp(f, "date"))
		return go_time_parse("2006-01-02", s, n);
	if (!strcmp(f, "time"))
		return is_time(s, n);
	if (!strcmp(f, "hostname"))
		return is_hostname(s, n);
	if (!strcmp(f, "email") || !strcmp(f, "idn-email"))
		return is_email(s, n);
	if (!strcmp(f, "ipv4"))
		return parse_ip(s, n) && memchr(s, '.', n);
	if (!strcmp(f, "ipv6"))
		return parse_ip(s, n) && memchr(s, ':', n);
	if (!strcmp(f, "uri") || !strcmp(f, "iri"))
		return url_parse(s, n, &scheme, &path, &plen) && scheme && no_backslash(s, n);
	if (!strcmp(f, "uri-reference") || !strcmp(f, "iri-reference"))
		return url_parse(s, n, &scheme, &path, &plen) && no_backslash(s, n);
	if (!strcmp(f, "uri-template"))
		return url_parse(s, n, &scheme, &path, &plen) && no_backslash(s, n) && template_path(path, plen);
	if (!strcmp(f, "uuid"))
		return is_uuid(s, n);
	if (!strcmp(f, "regex")) {
		if (!n)
			return true;
		char *tmp = osmo_strndup(s, n);
		int rc = js_regex_match(tmp, "", 0, NULL);
		osmo_free(tmp);
		return rc >= 0;
	}
	if (!strcmp(f, "json-pointer"))
		return pointer_tail(s, n, 0);
	if (!strcmp(f, "relative-json-pointer"))
		return is_rel_pointer(s, n);
	return true;
}
