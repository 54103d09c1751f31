/* chart_lint.c - Helm 3.17.2's pkg/lint rules in Helm's order: Chartfile
 * (chartfile.go), ValuesWithOverrides (values.go), Templates (template.go)
 * and Dependencies (dependencies.go).  Messages carry Helm's exact text.
 *
 * Not covered: values.schema.json validation, deprecated-API warnings
 * (they need Kubernetes' deprecation tables), linting .tgz archives, and
 * the engine's lint mode (see chart_lint_render.c). */
#include "osmo/lint.h"

#include "chart_int.h"
#include "chart_lint_int.h"
#include "osmo/gofmt.h"
#include "osmo/numfmt.h"
#include "osmo/package.h"
#include "osmo/values.h"
#include "osmo/yaml.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct osmo_lint_result {
	osmo_arena *arena;
	osmo_lint_message *v;
	size_t len, cap;
};

static void add(osmo_lint_result *r, int sev, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void add(osmo_lint_result *r, int sev, const char *path, const char *fmt, ...)
{
	if (r->len == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		r->v = osmo_arena_realloc(r->arena, r->v, r->cap * sizeof(*r->v), cap * sizeof(*r->v));
		r->cap = cap;
	}
	osmo_buf b = OSMO_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	osmo_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	osmo_lint_message *m = &r->v[r->len++];
	m->severity = sev;
	m->path = osmo_arena_strdup(r->arena, path);
	m->text = osmo_arena_strdup(r->arena, osmo_buf_cstr(&b));
	osmo_buf_dispose(&b);
}

/* Go's %q of a string, in the arena. */
static const char *q(osmo_arena *a, const char *s)
{
	osmo_buf b = OSMO_BUF_INIT;
	osmo_numfmt_quote(&b, s, strlen(s));
	char *r = osmo_arena_strdup(a, osmo_buf_cstr(&b));
	osmo_buf_dispose(&b);
	return r;
}

static const char *get_str(osmo_value m, const char *key)
{
	osmo_value *v = m.type == OSMO_V_MAP ? osmo_map_getc(m.u.map, key) : NULL;
	return v && v->type == OSMO_V_STRING ? v->u.s.ptr : "";
}

static osmo_value get(osmo_value m, const char *key)
{
	osmo_value *v = m.type == OSMO_V_MAP ? osmo_map_getc(m.u.map, key) : NULL;
	return v ? *v : osmo_null();
}

static bool read_file(osmo_arena *a, const char *path, const char **data, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return false;
	osmo_buf b = OSMO_BUF_INIT;
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		osmo_buf_put(&b, tmp, n);
	fclose(fp);
	*data = osmo_arena_strndup(a, osmo_buf_cstr(&b), b.len);
	*len = b.len;
	osmo_buf_dispose(&b);
	return true;
}

/* ---- govalidator approximations ------------------------------------------ */

static bool has_ctl(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

/* url.ParseRequestURI succeeds and the URL has a scheme. */
static bool is_request_url(const char *s)
{
	if (!isalpha((unsigned char)s[0]) || has_ctl(s))
		return false;
	size_t i = 1;
	while (isalnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.')
		i++;
	if (s[i] != ':')
		return false;
	const char *rest = s + i + 1;
	if (strncmp(rest, "//", 2))
		return true; /* opaque or absolute path */
	const char *host = rest + 2, *end = host + strcspn(host, "/?#");
	const char *at = memchr(host, '@', (size_t)(end - host));
	if (at)
		host = at + 1;
	for (const char *p = host; p < end; p++)
		if (!(isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80 ||
		      strchr("-._~!$&'()*+,;=:[]%", *p)))
			return false;
	return true;
}

/* govalidator.IsURL: optional known scheme, host with a name, optional
 * port and path. */
static bool is_url(const char *s)
{
	size_t n = strlen(s);
	if (n <= 3 || n >= 2083 || s[0] == '.')
		return false;
	const char *p = s, *sep = strstr(s, "://");
	if (sep) {
		static const char *const schemes[] = { "http", "https", "ftp", "tcp", "udp", "ws", "wss" };
		bool ok = false;
		for (size_t i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
			ok |= (size_t)(sep - s) == strlen(schemes[i]) && !strncmp(s, schemes[i], (size_t)(sep - s));
		if (!ok)
			return false;
		p = sep + 3;
	}
	const char *end = p + strcspn(p, "/?#");
	const char *at = memchr(p, '@', (size_t)(end - p));
	if (at)
		p = at + 1;
	const char *colon = memchr(p, ':', (size_t)(end - p));
	const char *hend = colon ? colon : end;
	if (hend == p || *p == '.' || *p == '-')
		return false;
	for (const char *c = p; c < hend; c++)
		if (!(isalnum((unsigned char)*c) || (unsigned char)*c >= 0x80 || *c == '.' || *c == '-' ||
		      *c == '_'))
			return false;
	if (colon) {
		size_t dl = (size_t)(end - colon - 1);
		if (dl < 1 || dl > 5 || strspn(colon + 1, "0123456789") < dl)
			return false;
	}
	for (const char *c = end; *c; c++)
		if (isspace((unsigned char)*c))
			return false;
	return true;
}

/* govalidator.IsEmail: local@domain, the domain dotted. */
static bool is_email(const char *s)
{
	const char *at = strrchr(s, '@');
	if (!at || at == s || s[0] == '.' || at[-1] == '.')
		return false;
	for (const char *c = s; c < at; c++)
		if (!(isalnum((unsigned char)*c) || (unsigned char)*c >= 0x80 ||
		      strchr(".!#$%&'*+-/=?^_`{|}~", *c)))
			return false;
	const char *d = at + 1;
	if (!*d || !strchr(d, '.') || *d == '.' || d[strlen(d) - 1] == '.' || strstr(d, ".."))
		return false;
	for (const char *c = d; *c; c++)
		if (!(isalnum((unsigned char)*c) || (unsigned char)*c >= 0x80 || *c == '.' || *c == '-' ||
		      *c == '_'))
			return false;
	return true;
}

/* ---- Chartfile ------------------------------------------------------------ */

/* fmt.Sprintf("%T") of a sigs.k8s.io/yaml map value. */
static const char *go_type(osmo_value v)
{
	switch (v.type) {
	case OSMO_V_NULL:
		return "<nil>";
	case OSMO_V_BOOL:
		return "bool";
	case OSMO_V_INT:
	case OSMO_V_FLOAT:
		return "float64";
	case OSMO_V_STRING:
		return "string";
	case OSMO_V_LIST:
		return "[]interface {}";
	default:
		return "map[string]interface {}";
	}
}

/* filepath.Base(name) == name */
static bool is_base(const char *s)
{
	size_t n = strlen(s);
	if (!n)
		return false;
	if (!strcmp(s, "/"))
		return true;
	return !strchr(s, '/');
}

/* The ">0.0.0-0" constraint: only 0.0.0-0 (any spelling) fails it. */
static void lowest_version(osmo_lint_result *r, const char *v)
{
	const char *p = v + (*v == 'v');
	for (int k = 0; k < 3 && *p != '-'; k++) {
		if (k && *p++ != '.')
			return;
		if (strspn(p, "0") == 0)
			return;
		p += strspn(p, "0");
	}
	if (strncmp(p, "-0", 2) || (p[2] && p[2] != '+'))
		return;
	add(r, OSMO_LINT_ERROR, "Chart.yaml", "version 0.0.0-0%s is less than or equal to 0.0.0-0", p + 2);
}

static void lint_chartfile(osmo_lint_result *r, const char *dir)
{
	osmo_arena *a = r->arena;
	const char *path = osmo_arena_sprintf(a, "%s/Chart.yaml", dir);
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		add(r, OSMO_LINT_ERROR, "Chart.yaml", "should be a file, not a directory");
	const char *text;
	size_t len;
	osmo_value md, raw = osmo_null();
	osmo_error err = { 0 };
	if (!read_file(a, path, &text, &len)) {
		add(r, OSMO_LINT_ERROR, "Chart.yaml", "unable to parse YAML\n\topen %s: %s", path,
		    strerror(errno));
		return;
	}
	if (osmo_package_metadata_parse(&md, a, text, len, &err)) {
		add(r, OSMO_LINT_ERROR, "Chart.yaml", "unable to parse YAML\n\t%s", err.msg);
		osmo_error_dispose(&err);
		return;
	}
	if (osmo_yaml_load(&raw, a, text, len, "Chart.yaml", OSMO_YAML_WANT_MAP, &err))
		osmo_error_dispose(&err);
	const char *name = get_str(md, "name"), *api = get_str(md, "apiVersion");
	const char *version = get_str(md, "version");
	if (!*name)
		add(r, OSMO_LINT_ERROR, "Chart.yaml", "name is required");
	else if (!is_base(name))
		add(r, OSMO_LINT_ERROR, "Chart.yaml", "chart name %s is invalid", q(a, name));
	if (!*api)
		add(r, OSMO_LINT_ERROR, "Chart.yaml",
		    "apiVersion is required. The value must be either \"v1\" or \"v2\"");
	else if (strcmp(api, "v1") && strcmp(api, "v2"))
		add(r, OSMO_LINT_ERROR, "Chart.yaml",
		    "apiVersion '%s' is not valid. The value must be either \"v1\" or \"v2\"", api);
	static const char *const typed[] = { "version", "appVersion" };
	for (int k = 0; k < 2; k++) {
		osmo_value *v = raw.type == OSMO_V_MAP ? osmo_map_getc(raw.u.map, typed[k]) : NULL;
		if (v && v->type != OSMO_V_STRING)
			add(r, OSMO_LINT_ERROR, "Chart.yaml",
			    "%s should be of type string but it's of type %s", typed[k], go_type(*v));
		if (k == 0) { /* validateChartVersion sits between the two type checks */
			osmo_error e = { 0 };
			if (!*version)
				add(r, OSMO_LINT_ERROR, "Chart.yaml", "version is required");
			else if (osmo_package_semver_check(version, &e))
				add(r, OSMO_LINT_ERROR, "Chart.yaml", "version '%s' is not a valid SemVer",
				    version);
			else
				lowest_version(r, version);
			osmo_error_dispose(&e);
		}
	}
	osmo_value ml = get(md, "maintainers");
	for (size_t i = 0; ml.type == OSMO_V_LIST && i < ml.u.list->len; i++) {
		osmo_value m = ml.u.list->items[i];
		const char *mn = get_str(m, "name"), *em = get_str(m, "email"), *u = get_str(m, "url");
		if (!*mn) {
			add(r, OSMO_LINT_ERROR, "Chart.yaml", "each maintainer requires a name");
			break;
		} else if (*em && !is_email(em)) {
			add(r, OSMO_LINT_ERROR, "Chart.yaml", "invalid email '%s' for maintainer '%s'", em, mn);
			break;
		} else if (*u && !is_url(u)) {
			add(r, OSMO_LINT_ERROR, "Chart.yaml", "invalid url '%s' for maintainer '%s'", u, mn);
			break;
		}
	}
	/* sources: the raw list, since the typed one drops nothing but keeps "" */
	osmo_value sl = get(md, "sources");
	for (size_t i = 0; sl.type == OSMO_V_LIST && i < sl.u.list->len; i++) {
		const char *s = sl.u.list->items[i].u.s.ptr;
		if (!*s || !is_request_url(s)) {
			add(r, OSMO_LINT_ERROR, "Chart.yaml", "invalid source URL '%s'", s);
			break;
		}
	}
	const char *icon = get_str(md, "icon");
	if (!*icon)
		add(r, OSMO_LINT_INFO, "Chart.yaml", "icon is recommended");
	else if (!is_request_url(icon))
		add(r, OSMO_LINT_ERROR, "Chart.yaml", "invalid icon URL '%s'", icon);
	if (*get_str(md, "type") && strcmp(api, "v2"))
		add(r, OSMO_LINT_ERROR, "Chart.yaml",
		    "chart type is not valid in apiVersion '%s'. It is valid in apiVersion 'v2'", api);
	osmo_value dl = get(md, "dependencies");
	if (dl.type == OSMO_V_LIST && dl.u.list->len && strcmp(api, "v2"))
		add(r, OSMO_LINT_ERROR, "Chart.yaml",
		    "dependencies are not valid in the Chart file with apiVersion '%s'. They are valid in apiVersion 'v2'",
		    api);
}

/* ---- Values --------------------------------------------------------------- */

/* CoalesceTables(dst, src)'s warnings, logged by Helm as log.Printf from
 * coalesce.go (values.go coalesces the overrides over values.yaml). */
static void coalesce_warnings(osmo_arena *a, osmo_value dst, osmo_value src, const char *prefix)
{
	for (size_t i = 0; src.type == OSMO_V_MAP && i < src.u.map->len; i++) {
		const osmo_map_entry *e = &src.u.map->ents[i];
		osmo_value *dv = dst.type == OSMO_V_MAP ? osmo_map_get(dst.u.map, e->key.ptr, e->key.len) : NULL;
		const char *full = *prefix ? osmo_arena_sprintf(a, "%s.%s", prefix, e->key.ptr) : e->key.ptr;
		if (!dv || dv->type == OSMO_V_NULL)
			continue;
		osmo_buf b = OSMO_BUF_INIT;
		if (e->val.type == OSMO_V_MAP) {
			if (dv->type == OSMO_V_MAP) {
				coalesce_warnings(a, *dv, e->val, full);
			} else {
				osmo_gofmt_value(&b, e->val);
				fprintf(stderr, "coalesce.go:298: warning: cannot overwrite table with non table for %s (%s)\n",
					full, osmo_buf_cstr(&b));
			}
		} else if (dv->type == OSMO_V_MAP && e->val.type != OSMO_V_NULL) {
			osmo_gofmt_value(&b, e->val);
			fprintf(stderr, "coalesce.go:301: warning: destination for %s is a table. Ignoring non-table value (%s)\n",
				full, osmo_buf_cstr(&b));
		}
		osmo_buf_dispose(&b);
	}
}

static void lint_values(osmo_lint_result *r, const char *dir, osmo_value overrides,
			const osmo_lint_options *opts)
{
	osmo_arena *a = r->arena;
	const char *path = osmo_arena_sprintf(a, "%s/values.yaml", dir), *text;
	size_t len;
	struct stat st;
	if (stat(path, &st) != 0) {
		add(r, OSMO_LINT_INFO, "values.yaml", "file does not exist");
		return;
	}
	osmo_value v;
	osmo_error err = { 0 };
	if (!read_file(a, path, &text, &len))
		add(r, OSMO_LINT_ERROR, "values.yaml", "unable to parse YAML: open %s: %s", path,
		    strerror(errno));
	else if (osmo_yaml_load(&v, a, text, len, "values.yaml", OSMO_YAML_WANT_MAP, &err))
		add(r, OSMO_LINT_ERROR, "values.yaml", "unable to parse YAML: %s", err.msg);
	else {
		coalesce_warnings(a, overrides, v, "");
		/* values.schema.json beside values.yaml, against the overrides
		 * coalesced over values.yaml (ValidateAgainstSingleSchema) */
		const char *spath = osmo_arena_sprintf(a, "%s/values.schema.json", dir), *schema;
		size_t slen;
		osmo_value merged;
		if (opts->check_schema && stat(spath, &st) == 0 && read_file(a, spath, &schema, &slen) &&
		    slen && !osmo_values_coalesce(&merged, a, v, overrides, &err) &&
		    opts->check_schema(schema, slen, merged, &err))
			add(r, OSMO_LINT_ERROR, "values.yaml", "%s", err.msg ? err.msg : "");
	}
	osmo_error_dispose(&err);
}

/* ---- Templates ------------------------------------------------------------ */

static bool ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && !strcmp(s + n - m, suf);
}

/* filepath.Ext */
static const char *file_ext(const char *name)
{
	const char *dot = strrchr(name, '.'), *slash = strrchr(name, '/');
	return dot && (!slash || dot > slash) ? dot : "";
}

/* `"?helm\.sh/hook"?:\s+crd-install` */
static bool has_crd_hook(const char *s)
{
	for (const char *p = strstr(s, "helm.sh/hook"); p; p = strstr(p + 1, "helm.sh/hook")) {
		const char *c = p + 12;
		if (*c == '"')
			c++;
		if (*c != ':')
			continue;
		c++;
		if (!isspace((unsigned char)*c))
			continue;
		while (isspace((unsigned char)*c))
			c++;
		if (!strncmp(c, "crd-install", 11))
			return true;
	}
	return false;
}

/* validateTopIndentLevel: the first non-blank line must not be indented. */
static void top_indent(osmo_lint_result *r, const char *path, const char *text)
{
	for (const char *p = text; *p;) {
		size_t l = strcspn(p, "\n");
		bool blank = true;
		for (size_t i = 0; i < l; i++)
			blank &= isspace((unsigned char)p[i]) != 0;
		if (!blank) {
			if (p[0] == ' ' || p[0] == '\t') {
				char *line = osmo_arena_strndup(r->arena, p, l && p[l - 1] == '\r' ? l - 1 : l);
				add(r, OSMO_LINT_WARNING, path,
				    "document starts with an illegal indent: %s, which may cause parsing problems",
				    q(r->arena, line));
			}
			return;
		}
		p += l + (p[l] == '\n');
	}
}

static bool rx_match(const char *s, bool label, bool alpha_first, size_t *len)
{
	/* [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)* (label: one part) */
	size_t n = strlen(s);
	*len = n;
	if (!n)
		return false;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && s[j] != '.')
			j++;
		if (j == i || (label && j != n))
			return false;
		for (size_t k = i; k < j; k++) {
			char c = s[k];
			bool ok = islower((unsigned char)c) || isdigit((unsigned char)c) || c == '-';
			if (!ok || ((k == i || k == j - 1) && c == '-'))
				return false;
			if (k == i && alpha_first && !islower((unsigned char)c))
				return false;
		}
		if (j == n)
			break;
		i = j + 1;
		if (i == n)
			return false;
	}
	return true;
}

static const char dns1123_subdomain[] =
	"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
	"'.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used "
	"for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
static const char dns1123_label[] =
	"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
	"must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex "
	"used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
static const char dns1035_label[] =
	"a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
	"alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or "
	"'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/* validateMetadataName: the kind's name rule, errors aggregated as
 * apimachinery's field.ErrorList prints them. */
static void metadata_name(osmo_lint_result *r, const char *path, const char *kind, const char *name)
{
	char k[64];
	size_t i = 0;
	for (; kind[i] && i < sizeof(k) - 1; i++)
		k[i] = (char)tolower((unsigned char)kind[i]);
	k[i] = 0;
	const char *msgs[3];
	size_t nm = 0, len;
	if (!strcmp(k, "certificatesigningrequest"))
		return;
	if (!strcmp(k, "role") || !strcmp(k, "clusterrole") || !strcmp(k, "rolebinding") ||
	    !strcmp(k, "clusterrolebinding")) {
		if (!strcmp(name, ".") || !strcmp(name, ".."))
			msgs[nm++] = osmo_arena_sprintf(r->arena, "may not be '%s'", name);
		else {
			if (strchr(name, '/'))
				msgs[nm++] = "may not contain '/'";
			if (strchr(name, '%'))
				msgs[nm++] = "may not contain '%'";
		}
	} else if (!strcmp(k, "service")) {
		bool ok = rx_match(name, true, true, &len);
		if (len > 63)
			msgs[nm++] = "must be no more than 63 characters";
		if (!ok)
			msgs[nm++] = dns1035_label;
	} else if (!strcmp(k, "namespace")) {
		bool ok = rx_match(name, true, false, &len);
		if (len > 63)
			msgs[nm++] = "must be no more than 63 characters";
		if (!ok)
			msgs[nm++] = dns1123_label;
	} else {
		bool ok = rx_match(name, false, false, &len);
		if (len > 253)
			msgs[nm++] = "must be no more than 253 characters";
		if (!ok)
			msgs[nm++] = dns1123_subdomain;
	}
	if (!nm)
		return;
	const char *qn = q(r->arena, name);
	osmo_buf b = OSMO_BUF_INIT;
	if (nm > 1)
		osmo_buf_putc(&b, '[');
	for (size_t j = 0; j < nm; j++)
		osmo_buf_printf(&b, "%smetadata.name: Invalid value: %s: %s", j ? ", " : "", qn, msgs[j]);
	if (nm > 1)
		osmo_buf_putc(&b, ']');
	add(r, OSMO_LINT_WARNING, path,
	    "object name does not conform to Kubernetes naming requirements: %s: %s", qn,
	    osmo_buf_cstr(&b));
	osmo_buf_dispose(&b);
}

/* json.Unmarshal of one document into K8sYamlStruct; returns false with
 * *msg set on a type error. */
static bool k8s_head(osmo_arena *a, osmo_value doc, const char **api, const char **kind,
		     const char **name, const char **msg)
{
	static const char pre[] = "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal";
	*api = *kind = *name = "";
	if (doc.type != OSMO_V_MAP) {
		*msg = osmo_arena_sprintf(a, "%s %s into Go value of type rules.K8sYamlStruct", pre,
					  doc.type == OSMO_V_LIST ? "array" : doc.type == OSMO_V_STRING ? "string"
									   : doc.type == OSMO_V_BOOL ? "bool"
												     : "number");
		return false;
	}
	osmo_value v = get(doc, "apiVersion");
	if (v.type == OSMO_V_STRING)
		*api = v.u.s.ptr;
	else if (v.type == OSMO_V_LIST || v.type == OSMO_V_MAP) {
		*msg = osmo_arena_sprintf(a, "%s %s into Go struct field K8sYamlStruct.apiVersion of type string",
					  pre, v.type == OSMO_V_LIST ? "array" : "object");
		return false;
	}
	v = get(doc, "kind");
	if (v.type == OSMO_V_STRING)
		*kind = v.u.s.ptr;
	v = get(doc, "metadata");
	if (v.type == OSMO_V_MAP) {
		osmo_value n = get(v, "name");
		if (n.type == OSMO_V_STRING)
			*name = n.u.s.ptr;
	} else if (v.type != OSMO_V_NULL) {
		*msg = osmo_arena_sprintf(a, "%s %s into Go struct field K8sYamlStruct.metadata of type rules.k8sYamlMetadata",
					  pre, v.type == OSMO_V_LIST ? "array" : v.type == OSMO_V_STRING ? "string"
									 : v.type == OSMO_V_BOOL ? "bool"
												 : "number");
		return false;
	}
	return true;
}

/* List objects: helm.sh/resource-policy on items is ignored by Helm. */
static void list_annotations(osmo_lint_result *r, const char *path, const char *text)
{
	osmo_value doc;
	osmo_error err = { 0 };
	if (osmo_yaml_load(&doc, r->arena, text, strlen(text), path, 0, &err)) {
		add(r, OSMO_LINT_ERROR, path, "unable to parse YAML: %s", err.msg);
		osmo_error_dispose(&err);
		return;
	}
	osmo_value items = get(doc, "items");
	for (size_t i = 0; items.type == OSMO_V_LIST && i < items.u.list->len; i++) {
		osmo_value ann = get(get(items.u.list->items[i], "metadata"), "annotations");
		if (ann.type == OSMO_V_MAP && osmo_map_getc(ann.u.map, "helm.sh/resource-policy")) {
			add(r, OSMO_LINT_ERROR, path,
			    "Annotation 'helm.sh/resource-policy' within List objects are ignored");
			return;
		}
	}
}

/* k8s.io/apimachinery's YAMLReader: documents split on lines starting with
 * "---" followed only by blanks or a comment.  Returns false when a
 * document does not parse (the rule then stops, as Helm's does). */
static bool lint_documents(osmo_lint_result *r, const char *path, const char *text)
{
	const char *p = text, *doc = text;
	for (;;) {
		const char *nl = strchr(p, '\n');
		const char *le = nl ? nl : p + strlen(p);
		bool sep = false;
		if (!strncmp(p, "---", 3) && le - p >= 3) {
			const char *t = p + 3;
			while (t < le && isspace((unsigned char)*t))
				t++;
			sep = t == le || *t == '#';
		}
		if (sep || !nl) {
			const char *de = sep ? p : le;
			osmo_value v;
			osmo_error err = { 0 };
			char *chunk = osmo_arena_strndup(r->arena, doc, (size_t)(de - doc));
			if (osmo_yaml_load(&v, r->arena, chunk, strlen(chunk), path, 0, &err)) {
				add(r, OSMO_LINT_ERROR, path, "unable to parse YAML: %s", err.msg);
				osmo_error_dispose(&err);
				return false;
			}
			const char *api, *kind, *name, *msg;
			if (v.type != OSMO_V_NULL && !k8s_head(r->arena, v, &api, &kind, &name, &msg)) {
				add(r, OSMO_LINT_ERROR, path, "unable to parse YAML: %s", msg);
				return false;
			}
			if (v.type != OSMO_V_NULL) {
				metadata_name(r, path, kind, name);
				if ((!strcmp(kind, "Deployment") || !strcmp(kind, "ReplicaSet") ||
				     !strcmp(kind, "DaemonSet") || !strcmp(kind, "StatefulSet")) &&
				    !strstr(text, "matchLabels") && !strstr(text, "matchExpressions"))
					add(r, OSMO_LINT_ERROR, path,
					    "a %s must contain matchLabels or matchExpressions, and %s does not",
					    kind, q(r->arena, name));
				if (!strcmp(kind, "List"))
					list_annotations(r, path, text);
			}
			doc = nl ? nl + 1 : le;
		}
		if (!nl)
			return true;
		p = nl + 1;
	}
}

static void lint_templates(osmo_lint_result *r, const char *dir, osmo_value vals,
			   const osmo_lint_options *opts)
{
	osmo_arena *a = r->arena;
	const char *tdir = osmo_arena_sprintf(a, "%s/templates", dir);
	struct stat st;
	if (stat(tdir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		add(r, OSMO_LINT_ERROR, "templates/", "not a directory");
		return;
	}
	osmo_chart *chart = NULL;
	osmo_error err = { 0 };
	osmo_value md;
	lint_render_out ro;
	if (osmo_chart_load(&chart, dir, &err) || osmo_package_metadata(&md, a, chart, &err) ||
	    chart_lint_render(&ro, a, chart, vals, opts, &err)) {
		add(r, OSMO_LINT_ERROR, "templates/", "%s", err.msg ? err.msg : "render failed");
		goto done;
	}
	if (ro.skipped)
		goto done;
	for (size_t i = 0; i < osmo_chart_template_count(chart); i++) {
		const osmo_chart_file *f = osmo_chart_template(chart, i);
		const char *ext = file_ext(f->name);
		if (strcmp(ext, ".yaml") && strcmp(ext, ".yml") && strcmp(ext, ".tpl") && strcmp(ext, ".txt"))
			add(r, OSMO_LINT_ERROR, f->name,
			    "file extension '%s' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt", ext);
		if (has_crd_hook(f->data))
			add(r, OSMO_LINT_WARNING, f->name,
			    "manifest is a crd-install hook. This hook is no longer supported in v3 and all CRDs should also exist the crds/ directory at the top level of the chart");
		if (strstr(f->data, ".Release.Time"))
			add(r, OSMO_LINT_ERROR, f->name,
			    ".Release.Time has been removed in v3, please replace with the `now` function in your templates");
		if (strcmp(ext, ".yaml"))
			continue;
		const char *full = osmo_arena_sprintf(a, "%s/%s", osmo_chart_name(chart), f->name);
		const char *text = NULL;
		for (size_t j = 0; j < ro.len && !text; j++)
			if (!strcmp(ro.v[j].name, full))
				text = ro.v[j].text;
		if (!text || !text[strspn(text, " \t\r\n\v\f")])
			continue;
		top_indent(r, f->name, text);
		if (!lint_documents(r, f->name, text))
			break;
	}
done:
	osmo_error_dispose(&err);
	osmo_chart_free(chart);
}

/* ---- Dependencies --------------------------------------------------------- */

static void lint_dependencies(osmo_lint_result *r, const char *dir, const char *absdir)
{
	osmo_arena *a = r->arena;
	osmo_chart *c = NULL;
	osmo_error err = { 0 };
	osmo_value md;
	if (osmo_chart_load_dir(&c, dir, &err) || osmo_package_metadata(&md, a, c, &err)) {
		add(r, OSMO_LINT_ERROR, "", "unable to load chart\n\t%s", err.msg);
		goto done;
	}
	osmo_value dl = get(md, "dependencies");
	size_t nd = dl.type == OSMO_V_LIST ? dl.u.list->len : 0;
	osmo_buf b = OSMO_BUF_INIT;
	for (size_t i = 0; i < osmo_chart_dependency_count(c); i++) { /* in charts/, not in metadata */
		const char *sn = osmo_chart_name(osmo_chart_dependency(c, i));
		bool found = false;
		for (size_t j = 0; j < nd && !found; j++)
			found = !strcmp(get_str(dl.u.list->items[j], "name"), sn);
		if (!found)
			osmo_buf_printf(&b, "%s%s", b.len ? "," : "", sn);
	}
	if (b.len)
		add(r, OSMO_LINT_ERROR, absdir, "chart metadata is missing these dependencies: %s", b.ptr);
	osmo_buf_clear(&b);
	for (size_t j = 0; j < nd; j++) { /* in metadata, not in charts/ */
		const char *dn = get_str(dl.u.list->items[j], "name");
		bool found = false;
		for (size_t i = 0; i < osmo_chart_dependency_count(c) && !found; i++)
			found = !strcmp(osmo_chart_name(osmo_chart_dependency(c, i)), dn);
		if (!found)
			osmo_buf_printf(&b, "%s%s", b.len ? "," : "", dn);
	}
	if (b.len)
		add(r, OSMO_LINT_WARNING, absdir, "chart directory is missing these dependencies: %s", b.ptr);
	osmo_buf_dispose(&b);
done:
	osmo_error_dispose(&err);
	osmo_chart_free(c);
}

/* ---- entry points --------------------------------------------------------- */

/* filepath.Abs: cwd-joined and lexically cleaned. */
static char *abs_path(osmo_arena *a, const char *p)
{
	char *cwd = p[0] == '/' ? NULL : getcwd(NULL, 0);
	char *joined = osmo_arena_sprintf(a, "%s/%s", cwd ? cwd : "", p);
	free(cwd);
	char *out = osmo_arena_alloc(a, strlen(joined) + 2);
	size_t o = 0;
	for (const char *s = joined; *s;) {
		while (*s == '/')
			s++;
		size_t l = strcspn(s, "/");
		if (!l)
			break;
		if (l == 1 && s[0] == '.') {
		} else if (l == 2 && s[0] == '.' && s[1] == '.') {
			while (o > 0 && out[o - 1] != '/')
				o--;
			if (o > 0)
				o--;
		} else {
			out[o++] = '/';
			memcpy(out + o, s, l);
			o += l;
		}
		s += l;
	}
	if (!o)
		out[o++] = '/';
	out[o] = 0;
	return out;
}

int osmo_lint_chart(osmo_lint_result **out, const char *path, osmo_value user_values,
		    const osmo_lint_options *opts, osmo_error *err)
{
	osmo_lint_options defaults = OSMO_LINT_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	osmo_arena *a = osmo_arena_new();
	osmo_lint_result *r = osmo_arena_alloc(a, sizeof(*r));
	r->arena = a;
	if (ends_with(path, ".tgz") || ends_with(path, ".tar.gz")) {
		osmo_error_set(err, OSMO_ERROR, "unable to extract tarball: linting chart archives is not supported");
		osmo_arena_free(a);
		return OSMO_ERROR;
	}
	size_t pl = strlen(path);
	while (pl > 1 && path[pl - 1] == '/')
		pl--;
	char *cy = osmo_arena_sprintf(a, "%s%s%.*s/Chart.yaml", "", "", (int)pl, path);
	struct stat st;
	if (stat(cy, &st) != 0) {
		osmo_error_set(err, OSMO_ENOTFOUND,
			       "unable to check Chart.yaml file in chart: stat %s: no such file or directory", cy);
		osmo_arena_free(a);
		return OSMO_ENOTFOUND;
	}
	const char *dir = abs_path(a, path);
	if (user_values.type != OSMO_V_MAP)
		user_values = osmo_map_new(a, 0);
	lint_chartfile(r, dir);
	lint_values(r, dir, user_values, opts);
	lint_templates(r, dir, user_values, opts);
	lint_dependencies(r, dir, dir);
	*out = r;
	return 0;
}

size_t osmo_lint_result_count(const osmo_lint_result *r)
{
	return r->len;
}

const osmo_lint_message *osmo_lint_result_message(const osmo_lint_result *r, size_t i)
{
	return i < r->len ? &r->v[i] : NULL;
}

bool osmo_lint_result_failed(const osmo_lint_result *r, bool strict)
{
	for (size_t i = 0; i < r->len; i++)
		if (r->v[i].severity >= (strict ? OSMO_LINT_WARNING : OSMO_LINT_ERROR))
			return true;
	return false;
}

void osmo_lint_result_free(osmo_lint_result *r)
{
	if (r)
		osmo_arena_free(r->arena);
}
