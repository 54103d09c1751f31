/* chart_ignore.c - .helmignore: gitignore-like rules evaluated with Go's
 * filepath.Match, in Helm's order (first matching rule decides, "!" rules
 * accept what they do not match). */
#include "chart_ignore.h"

#include <stdlib.h>
#include <string.h>

typedef struct rule {
	char *pat;    /* pattern without "!" and trailing "/" (and leading "/") */
	bool negate;
	bool must_dir;
	int mode;     /* 0 basename, 1 whole path */
} rule;

struct chart_ignore {
	rule *v;
	size_t n;
};

/* Go's utf8-agnostic byte version of filepath.Match's character class. */
static int match_class(const char **pp, char c)
{
	const char *p = *pp; /* just after '[' */
	bool neg = false, hit = false;
	if (*p == '^') {
		neg = true;
		p++;
	}
	bool first = true;
	for (;;) {
		if (!*p)
			return -1;
		if (*p == ']' && !first)
			break;
		first = false;
		char lo = *p, hi;
		if (lo == '\\') {
			lo = *++p;
			if (!lo)
				return -1;
		}
		p++;
		hi = lo;
		if (*p == '-' && p[1] != ']') {
			hi = *++p;
			if (hi == '\\')
				hi = *++p;
			if (!hi)
				return -1;
			p++;
		}
		if (lo <= c && c <= hi)
			hit = true;
	}
	*pp = p + 1;
	return hit != neg;
}

static int match_here(const char *p, const char *s)
{
	while (*p) {
		switch (*p) {
		case '*': {
			while (*p == '*')
				p++;
			for (const char *t = s;; t++) {
				int r = match_here(p, t);
				if (r != 0)
					return r;
				if (!*t || *t == '/')
					return 0;
			}
		}
		case '?':
			if (!*s || *s == '/')
				return 0;
			p++;
			s++;
			break;
		case '[': {
			if (!*s || *s == '/') {
				/* still validate the pattern, as Go does */
				const char *q = p + 1;
				if (match_class(&q, 'a') < 0)
					return -1;
				return 0;
			}
			const char *q = p + 1;
			int r = match_class(&q, *s);
			if (r < 0)
				return -1;
			if (!r)
				return 0;
			p = q;
			s++;
			break;
		}
		case '\\':
			p++;
			if (!*p)
				return -1;
			/* fallthrough */
		default:
			if (*p != *s)
				return 0;
			p++;
			s++;
		}
	}
	return *s == 0;
}

int chart_glob_match(const char *pattern, const char *name)
{
	return match_here(pattern, name);
}

static void add_rule(chart_ignore *r, const char *text, size_t n)
{
	rule ru = { 0 };
	if (n && text[0] == '!') {
		ru.negate = true;
		text++;
		n--;
	}
	if (n && text[n - 1] == '/') {
		ru.must_dir = true;
		n--;
	}
	if (n && text[0] == '/') {
		text++;
		n--;
		ru.mode = 1;
	} else {
		ru.mode = memchr(text, '/', n) ? 1 : 0;
	}
	ru.pat = osmo_strndup(text, n);
	r->v = osmo_realloc(r->v, (r->n + 1) * sizeof(rule));
	r->v[r->n++] = ru;
}

int chart_ignore_parse(chart_ignore **out, const char *text, size_t len, osmo_error *err)
{
	chart_ignore *r = osmo_calloc(1, sizeof(*r));
	const char *p = text, *end = text ? text + len : NULL;
	while (p && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		const char *s = p, *e = le;
		while (s < e && (*s == ' ' || *s == '\t' || *s == '\r'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		p = nl ? nl + 1 : end;
		if (s == e || *s == '#')
			continue;
		char *line = osmo_strndup(s, (size_t)(e - s));
		int bad = strstr(line, "**") ? 1 : chart_glob_match(line, "abc") < 0 ? 2 : 0;
		if (bad) {
			osmo_error_set(err, OSMO_EPARSE, "%s",
				       bad == 1 ? "double-star (**) syntax is not supported"
						: "syntax error in pattern");
			free(line);
			chart_ignore_free(r);
			return OSMO_EPARSE;
		}
		add_rule(r, line, strlen(line));
		free(line);
	}
	add_rule(r, "templates/.?*", strlen("templates/.?*"));
	*out = r;
	return 0;
}

void chart_ignore_free(chart_ignore *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].pat);
	free(r->v);
	free(r);
}

static bool rule_match(const rule *ru, const char *path)
{
	const char *n = path;
	if (ru->mode == 0) {
		const char *b = strrchr(path, '/');
		n = b ? b + 1 : path;
	}
	return chart_glob_match(ru->pat, n) == 1;
}

bool chart_ignore_match(const chart_ignore *r, const char *path, bool is_dir)
{
	if (!*path || !strcmp(path, ".") || !strcmp(path, "./"))
		return false;
	for (size_t i = 0; i < r->n; i++) {
		const rule *ru = &r->v[i];
		if (ru->negate) {
			if (ru->must_dir && !is_dir)
				return true;
			if (!rule_match(ru, path))
				return true;
			continue;
		}
		if (ru->must_dir && !is_dir)
			continue;
		if (rule_match(ru, path))
			return true;
	}
	return false;
}
