/* chart_package.c - the metadata half of `helm package`: Masterminds
 * semver checks, Chart.yaml re-serialized from the typed chart.Metadata
 * (sigs.k8s.io/yaml typing, sanitizeString, Metadata.Validate) and
 * Chart.lock re-serialized from chart.Lock.  The archive itself is written
 * by chart_package_tar.c. */
#include "osmo/package.h"

#include "chart_package_int.h"
#include "osmo/json.h"
#include "osmo/yaml.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- Masterminds semver/v3 NewVersion ------------------------------------ */

static bool all_in(const char *s, size_t n, bool digits_only)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!(isdigit(c) || (!digits_only && (isalpha(c) || c == '-'))))
			return false;
	}
	return true;
}

/* A dot-separated list of non-empty [0-9A-Za-z-]+ identifiers; returns the
 * length consumed (0 if none). */
static size_t scan_idents(const char *s)
{
	size_t i = 0;
	for (;;) {
		size_t st = i;
		while (isalnum((unsigned char)s[i]) || s[i] == '-')
			i++;
		if (i == st)
			return st ? st - 1 : 0; /* drop a trailing '.' */
		if (s[i] != '.')
			return i;
		i++;
	}
}

static size_t scan_num(const char *s)
{
	size_t i = 0;
	while (isdigit((unsigned char)s[i]))
		i++;
	return i;
}

int osmo_package_semver_check(const char *v, osmo_error *err)
{
	/* ^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-idents)?(\+idents)?$ */
	const char *p = v;
	if (*p == 'v')
		p++;
	size_t n = scan_num(p);
	if (!n)
		goto invalid;
	const char *seg[3] = { p, NULL, NULL };
	size_t seglen[3] = { n, 0, 0 };
	p += n;
	for (int k = 1; k < 3 && *p == '.' && (n = scan_num(p + 1)); k++) {
		seg[k] = p + 1;
		seglen[k] = n;
		p += 1 + n;
	}
	const char *pre = NULL, *meta = NULL;
	size_t prelen = 0, metalen = 0;
	if (*p == '-' && (prelen = scan_idents(p + 1))) {
		pre = p + 1;
		p += 1 + prelen;
	}
	if (*p == '+' && (metalen = scan_idents(p + 1))) {
		meta = p + 1;
		p += 1 + metalen;
	}
	if (*p)
		goto invalid;
	for (int k = 0; k < 3; k++) {
		if (!seg[k])
			continue;
		/* strconv.ParseUint(seg, 10, 64) range check */
		size_t l = seglen[k];
		const char *d = seg[k];
		while (l > 1 && *d == '0')
			d++, l--;
		if (l > 20 || (l == 20 && strncmp(d, "18446744073709551615", 20) > 0)) {
			osmo_error_set(err, OSMO_EPARSE,
				       "Error parsing version segment: strconv.ParseUint: parsing \"%.*s\": value out of range",
				       (int)seglen[k], seg[k]);
			return OSMO_EPARSE;
		}
	}
	for (size_t i = 0; pre && i < prelen;) { /* validatePrerelease */
		size_t j = i;
		while (j < prelen && pre[j] != '.')
			j++;
		if (all_in(pre + i, j - i, true)) {
			if (j - i > 1 && pre[i] == '0') {
				osmo_error_set(err, OSMO_EPARSE, "Version segment starts with 0");
				return OSMO_EPARSE;
			}
		}
		i = j + 1;
	}
	(void)meta;
	return 0;
invalid:
	osmo_error_set(err, OSMO_EPARSE, "Invalid Semantic Version");
	return OSMO_EPARSE;
}

/* ---- chart.Metadata as Go types it ---------------------------------------- */

/* strconv.FormatFloat(f, 'g', -1, 32), as sigs.k8s.io/yaml stringifies a
 * YAML float decoded into a Go string field. */
static void format_float32(osmo_buf *b, double d)
{
	float f = (float)d;
	if (f != f) {
		osmo_buf_puts(b, "NaN");
		return;
	}
	if (f > 3.4e38f || f < -3.4e38f) {
		osmo_buf_puts(b, f > 0 ? "+Inf" : "-Inf");
		return;
	}
	if (f == 0) {
		osmo_buf_puts(b, signbit(f) ? "-0" : "0");
		return;
	}
	char tmp[64];
	for (int p = 0; p < 9; p++) {
		snprintf(tmp, sizeof(tmp), "%.*e", p, (double)f);
		if (strtof(tmp, NULL) == f)
			break;
	}
	/* tmp = [-]D[.DDD]e[+-]XX: split into digits and exponent */
	char digits[32];
	size_t nd = 0;
	const char *q = tmp;
	if (*q == '-') {
		osmo_buf_putc(b, '-');
		q++;
	}
	for (; *q && *q != 'e'; q++)
		if (isdigit((unsigned char)*q))
			digits[nd++] = *q;
	int exp = atoi(q + 1);
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	if (exp < -4 || exp >= 6) { /* %e, at least two exponent digits */
		osmo_buf_putc(b, digits[0]);
		if (nd > 1) {
			osmo_buf_putc(b, '.');
			osmo_buf_put(b, digits + 1, nd - 1);
		}
		osmo_buf_printf(b, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
	} else if (exp < 0) {
		osmo_buf_puts(b, "0.");
		for (int i = -1; i > exp; i--)
			osmo_buf_putc(b, '0');
		osmo_buf_put(b, digits, nd);
	} else {
		for (int i = 0; i <= exp || (size_t)i < nd; i++) {
			if (i == exp + 1)
				osmo_buf_putc(b, '.');
			osmo_buf_putc(b, (size_t)i < nd ? digits[i] : '0');
		}
	}
}

/* chart.sanitizeString: whitespace becomes ' ', non-printables vanish. */
static osmo_value sanitize(osmo_arena *a, osmo_value v)
{
	osmo_buf b = OSMO_BUF_INIT;
	const unsigned char *s = (const unsigned char *)v.u.s.ptr;
	size_t n = v.u.s.len;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r')
			osmo_buf_putc(&b, ' ');
		else if (c < 0x20 || c == 0x7f)
			continue;
		else if (c == 0xC2 && i + 1 < n && (s[i + 1] == 0x85 || s[i + 1] == 0xA0)) {
			osmo_buf_putc(&b, ' '); /* U+0085, U+00A0 are spaces */
			i++;
		} else if (c == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] < 0xA0)
			i++; /* C1 controls */
		else
			osmo_buf_putc(&b, (char)c);
	}
	osmo_value r = osmo_string(a, osmo_buf_cstr(&b), b.len);
	osmo_buf_dispose(&b);
	return r;
}

typedef enum ftype { F_STR, F_STRLIST, F_BOOL, F_STRMAP, F_ANYLIST, F_MAINT, F_DEPS } ftype;

typedef struct field {
	const char *key;
	ftype type;
	bool always;   /* no omitempty */
	bool sanitize; /* Validate() passes it through sanitizeString */
} field;

static const field metadata_fields[] = {
	{ "name", F_STR, false, true },          { "home", F_STR, false, true },
	{ "sources", F_STRLIST, false, true },   { "version", F_STR, false, false },
	{ "description", F_STR, false, true },   { "keywords", F_STRLIST, false, true },
	{ "maintainers", F_MAINT, false, false }, { "icon", F_STR, false, true },
	{ "apiVersion", F_STR, false, false },   { "condition", F_STR, false, true },
	{ "tags", F_STR, false, true },          { "appVersion", F_STR, false, true },
	{ "deprecated", F_BOOL, false, false },  { "annotations", F_STRMAP, false, false },
	{ "kubeVersion", F_STR, false, true },   { "dependencies", F_DEPS, false, false },
	{ "type", F_STR, false, false },         { NULL, F_STR, false, false },
};

static const field maintainer_fields[] = {
	{ "name", F_STR, false, true },
	{ "email", F_STR, false, true },
	{ "url", F_STR, false, true },
	{ NULL, F_STR, false, false },
};

static const field dependency_fields[] = {
	{ "name", F_STR, true, true },         { "version", F_STR, false, true },
	{ "repository", F_STR, true, true },   { "condition", F_STR, false, true },
	{ "tags", F_STRLIST, false, true },    { "enabled", F_BOOL, false, false },
	{ "import-values", F_ANYLIST, false, false }, { "alias", F_STR, false, false },
	{ NULL, F_STR, false, false },
};

static const char *json_kind(osmo_value v)
{
	switch (v.type) {
	case OSMO_V_LIST:
		return "array";
	case OSMO_V_MAP:
		return "object";
	case OSMO_V_STRING:
		return "string";
	case OSMO_V_BOOL:
		return "bool";
	default:
		return "number";
	}
}

typedef struct conv {
	osmo_arena *a;
	osmo_error *err;
	const char *file; /* "Chart.yaml" or "Chart.lock" */
} conv;

static int type_error(conv *cv, osmo_value v, const char *gostruct, const char *path,
		      const char *gotype)
{
	osmo_error_set(cv->err, OSMO_ETYPE,
		       "%s%s%serror unmarshaling JSON: while decoding JSON: json: cannot "
		       "unmarshal %s into Go struct field %s.%s of type %s",
		       cv->file ? "cannot load " : "", cv->file ? cv->file : "", cv->file ? ": " : "",
		       json_kind(v), gostruct, path, gotype);
	return OSMO_ETYPE;
}

/* A YAML scalar decoded into a Go string field (sigs.k8s.io/yaml's
 * target-aware conversion).  *out is null for a YAML null (zero value). */
static int to_string(conv *cv, osmo_value *out, osmo_value v, const char *st, const char *path)
{
	osmo_buf b = OSMO_BUF_INIT;
	switch (v.type) {
	case OSMO_V_NULL:
		*out = osmo_str_ref("", 0);
		return 0;
	case OSMO_V_STRING:
		*out = v;
		return 0;
	case OSMO_V_BOOL:
		*out = osmo_cstring(cv->a, v.u.b ? "true" : "false");
		return 0;
	case OSMO_V_INT:
		if (v.sub == OSMO_GO_UINT64 || v.sub == OSMO_GO_UINT)
			osmo_buf_printf(&b, "%llu", (unsigned long long)(uint64_t)v.u.i);
		else
			osmo_buf_printf(&b, "%lld", (long long)v.u.i);
		break;
	case OSMO_V_FLOAT:
		format_float32(&b, v.u.f);
		break;
	default:
		return type_error(cv, v, st, path, "string");
	}
	*out = osmo_string_buf(cv->a, &b);
	osmo_buf_dispose(&b);
	return 0;
}

static int convert_struct(conv *cv, osmo_value *out, osmo_value in, const field *fields,
			  const char *st, const char *prefix);

static int convert_field(conv *cv, osmo_map *dst, const field *f, osmo_value v, const char *st,
			 const char *path)
{
	osmo_arena *a = cv->a;
	osmo_value r = osmo_null();
	int rc = 0;
	switch (f->type) {
	case F_STR:
		if ((rc = to_string(cv, &r, v, st, path)))
			return rc;
		if (f->sanitize)
			r = sanitize(a, r);
		if (!r.u.s.len && !f->always)
			return 0;
		break;
	case F_BOOL:
		if (v.type == OSMO_V_NULL)
			return 0;
		if (v.type != OSMO_V_BOOL)
			return type_error(cv, v, st, path, "bool");
		if (!v.u.b)
			return 0;
		r = v;
		break;
	case F_STRLIST:
	case F_ANYLIST:
	case F_MAINT:
	case F_DEPS:
		if (v.type == OSMO_V_NULL)
			return 0;
		if (v.type != OSMO_V_LIST) {
			const char *t = f->type == F_STRLIST ? "[]string"
					: f->type == F_ANYLIST ? "[]interface {}"
					: f->type == F_MAINT   ? "[]*chart.Maintainer"
							       : "[]*chart.Dependency";
			return type_error(cv, v, st, path, t);
		}
		if (!v.u.list->len)
			return 0;
		r = osmo_list_new(a, v.u.list->len);
		for (size_t i = 0; i < v.u.list->len && !rc; i++) {
			osmo_value e = v.u.list->items[i], x = e;
			if (f->type == F_STRLIST) {
				rc = to_string(cv, &x, e, st, path);
				if (!rc && f->sanitize)
					x = sanitize(a, x);
			} else if (f->type == F_MAINT || f->type == F_DEPS) {
				if (e.type == OSMO_V_NULL) {
					osmo_error_set(cv->err, OSMO_EPARSE,
						       "validation: %s must not contain empty or null nodes",
						       f->type == F_MAINT ? "maintainers" : "dependencies");
					return OSMO_EPARSE;
				}
				rc = convert_struct(cv, &x, e,
						    f->type == F_MAINT ? maintainer_fields : dependency_fields,
						    f->type == F_MAINT ? "Maintainer" : "Dependency", path);
			}
			if (!rc)
				osmo_list_push(a, r.u.list, x);
		}
		if (rc)
			return rc;
		break;
	case F_STRMAP:
		if (v.type == OSMO_V_NULL)
			return 0;
		if (v.type != OSMO_V_MAP)
			return type_error(cv, v, st, path, "map[string]string");
		if (!v.u.map->len)
			return 0;
		r = osmo_map_new(a, v.u.map->len);
		for (size_t i = 0; i < v.u.map->len && !rc; i++) {
			osmo_value s;
			rc = to_string(cv, &s, v.u.map->ents[i].val, st, path);
			if (!rc)
				osmo_map_set(a, r.u.map, v.u.map->ents[i].key.ptr, v.u.map->ents[i].key.len, s);
		}
		if (rc)
			return rc;
		break;
	}
	osmo_map_setc(a, dst, f->key, r);
	return 0;
}

/* json.Unmarshal of a YAML map into a Go struct, then json.Marshal with the
 * struct's omitempty rules: unknown keys vanish, known ones take Go types. */
static int convert_struct(conv *cv, osmo_value *out, osmo_value in, const field *fields,
			  const char *st, const char *prefix)
{
	if (in.type != OSMO_V_MAP) {
		osmo_error_set(cv->err, OSMO_ETYPE,
			       "%s%s%serror unmarshaling JSON: while decoding JSON: json: "
			       "cannot unmarshal %s into Go %s of type chart.%s",
			       cv->file ? "cannot load " : "", cv->file ? cv->file : "", cv->file ? ": " : "",
			       json_kind(in), *prefix ? "struct field" : "value", st);
		return OSMO_ETYPE;
	}
	*out = osmo_map_new(cv->a, 8);
	for (const field *f = fields; f->key; f++) {
		osmo_value *v = osmo_map_getc(in.u.map, f->key);
		char path[128];
		snprintf(path, sizeof(path), "%s%s%s", prefix, *prefix ? "." : "", f->key);
		int rc = convert_field(cv, out->u.map, f, v ? *v : osmo_null(), st, path);
		if (rc)
			return rc;
	}
	return 0;
}

static const char *get_str(osmo_value m, const char *key)
{
	osmo_value *v = m.type == OSMO_V_MAP ? osmo_map_getc(m.u.map, key) : NULL;
	return v && v->type == OSMO_V_STRING ? v->u.s.ptr : "";
}

const osmo_chart_file *chart_package_find(const osmo_chart *c, const char *name)
{
	for (size_t i = 0; i < c->all.len; i++)
		if (!strcmp(c->all.v[i].name, name))
			return &c->all.v[i];
	return NULL;
}

/* go-yaml's own typing (ints stay ints) so string fields see the YAML
 * scalar as sigs.k8s.io/yaml's target-aware conversion does. */
static int load_text(conv *cv, osmo_value *out, const char *text, size_t len)
{
	osmo_error yerr = { 0 };
	int rc = osmo_yaml_load(out, cv->a, text, len, cv->file, OSMO_YAML_GOTYPES, &yerr);
	if (rc)
		osmo_error_set(cv->err, rc, "%s%s%serror converting YAML to JSON: %s",
			       cv->file ? "cannot load " : "", cv->file ? cv->file : "",
			       cv->file ? ": " : "", yerr.msg ? yerr.msg : "invalid YAML");
	osmo_error_dispose(&yerr);
	return rc;
}

static int load_raw(conv *cv, osmo_value *out, const osmo_chart_file *f)
{
	return load_text(cv, out, f->data, f->len);
}

int osmo_package_metadata_parse(osmo_value *out, osmo_arena *a, const char *text, size_t len,
				osmo_error *err)
{
	conv cv = { a, err, NULL };
	osmo_value raw;
	int rc = load_text(&cv, &raw, text, len);
	if (!rc && raw.type == OSMO_V_NULL)
		raw = osmo_map_new(a, 0);
	if (!rc)
		rc = convert_struct(&cv, out, raw, metadata_fields, "Metadata", "");
	return rc;
}

static bool alias_ok(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!(isalnum((unsigned char)*s) || *s == '_' || *s == '-'))
			return false;
	return true;
}

/* Metadata.Validate after the loader's defaults (apiVersion v1). */
static int validate_metadata(osmo_value md, osmo_error *err)
{
	const char *name = get_str(md, "name"), *version = get_str(md, "version");
	const char *type = get_str(md, "type");
	if (!*name) {
		osmo_error_set(err, OSMO_EPARSE, "validation: chart.metadata.name is required");
		return OSMO_EPARSE;
	}
	if (strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, "..")) {
		osmo_error_set(err, OSMO_EPARSE, "validation: chart.metadata.name \"%s\" is invalid", name);
		return OSMO_EPARSE;
	}
	if (!*version) {
		osmo_error_set(err, OSMO_EPARSE, "validation: chart.metadata.version is required");
		return OSMO_EPARSE;
	}
	osmo_error tmp = { 0 };
	if (osmo_package_semver_check(version, &tmp)) {
		osmo_error_dispose(&tmp);
		osmo_error_set(err, OSMO_EPARSE, "validation: chart.metadata.version \"%s\" is invalid",
			       version);
		return OSMO_EPARSE;
	}
	if (*type && strcmp(type, "application") && strcmp(type, "library")) {
		osmo_error_set(err, OSMO_EPARSE, "validation: chart.metadata.type must be application or library");
		return OSMO_EPARSE;
	}
	osmo_value *deps = osmo_map_getc(md.u.map, "dependencies");
	for (size_t i = 0; deps && i < deps->u.list->len; i++) {
		osmo_value d = deps->u.list->items[i];
		const char *alias = get_str(d, "alias");
		if (*alias && !alias_ok(alias)) {
			osmo_error_set(err, OSMO_EPARSE,
				       "validation: dependency \"%s\" has disallowed characters in the alias",
				       get_str(d, "name"));
			return OSMO_EPARSE;
		}
		const char *key = *alias ? alias : get_str(d, "name");
		for (size_t j = 0; j < i; j++) {
			osmo_value e = deps->u.list->items[j];
			const char *k2 = *get_str(e, "alias") ? get_str(e, "alias") : get_str(e, "name");
			if (!strcmp(k2, key)) {
				osmo_error_set(err, OSMO_EPARSE,
					       "validation: more than one dependency with name or alias \"%s\"",
					       key);
				return OSMO_EPARSE;
			}
		}
	}
	return 0;
}

/* The chart's Metadata as Helm's loader builds it: Chart.yaml typed into
 * the struct, apiVersion defaulted to v1, requirements.yaml's dependencies
 * merged in, everything validated. */
int osmo_package_metadata(osmo_value *out, osmo_arena *a, const osmo_chart *c, osmo_error *err)
{
	conv cv = { a, err, "Chart.yaml" };
	const osmo_chart_file *cf = chart_package_find(c, "Chart.yaml");
	osmo_value raw;
	int rc = cf ? load_raw(&cv, &raw, cf) : OSMO_ENOTFOUND;
	if (rc == OSMO_ENOTFOUND)
		osmo_error_set(err, rc, "Chart.yaml file is missing");
	if (!rc && raw.type == OSMO_V_NULL)
		raw = osmo_map_new(a, 0);
	if (!rc)
		rc = convert_struct(&cv, out, raw, metadata_fields, "Metadata", "");
	if (rc)
		return rc;
	if (!*get_str(*out, "apiVersion"))
		osmo_map_setc(a, out->u.map, "apiVersion", osmo_str_ref("v1", 2));
	const osmo_chart_file *rf = chart_package_find(c, "requirements.yaml");
	if (rf) {
		cv.file = "requirements.yaml";
		osmo_value rr, rm;
		rc = load_raw(&cv, &rr, rf);
		if (!rc && rr.type == OSMO_V_MAP)
			rc = convert_struct(&cv, &rm, rr, metadata_fields, "Metadata", "");
		if (rc)
			return rc;
		/* json.Unmarshal over the existing struct: present keys replace */
		for (size_t i = 0; rr.type == OSMO_V_MAP && i < rm.u.map->len; i++)
			osmo_map_set(a, out->u.map, rm.u.map->ents[i].key.ptr, rm.u.map->ents[i].key.len,
				     rm.u.map->ents[i].val);
		if (rr.type == OSMO_V_MAP && osmo_map_getc(rr.u.map, "dependencies") &&
		    !osmo_map_getc(rm.u.map, "dependencies"))
			osmo_map_del(out->u.map, "dependencies", 12);
	}
	return validate_metadata(*out, err);
}

int osmo_package_chartfile(osmo_buf *out, const osmo_chart *chart, const char *version,
			   const char *app_version, osmo_error *err)
{
	osmo_arena *a = osmo_arena_new();
	osmo_value md;
	int rc = osmo_package_metadata(&md, a, chart, err);
	if (!rc) {
		if (version && *version)
			osmo_map_setc(a, md.u.map, "version", osmo_cstring(a, version));
		if (app_version && *app_version) {
			osmo_value v = sanitize(a, osmo_cstring(a, app_version));
			osmo_map_setc(a, md.u.map, "appVersion", v);
		}
		if (!strcmp(get_str(md, "apiVersion"), "v1")) /* v1 keeps them in requirements.yaml */
			osmo_map_del(md.u.map, "dependencies", 12);
		rc = osmo_yaml_write(out, md, err);
	}
	osmo_arena_free(a);
	return rc;
}

/* ---- Chart.lock (chart.Lock: generated, digest, dependencies) -------------- */

/* time.Time: RFC3339 in, RFC3339Nano out (fraction trimmed, +00:00 -> Z). */
static int lock_time(conv *cv, osmo_value *out, osmo_value v)
{
	if (v.type == OSMO_V_NULL) {
		*out = osmo_str_ref("0001-01-01T00:00:00Z", 20);
		return 0;
	}
	if (v.type != OSMO_V_STRING)
		return type_error(cv, v, "Lock", "generated", "time.Time");
	const char *s = v.u.s.ptr;
	size_t n = v.u.s.len, i = 19;
	static const char shape[] = "dddd-dd-ddTdd:dd:dd";
	bool ok = n >= 20;
	for (size_t k = 0; ok && k < 19; k++)
		ok = shape[k] == 'd' ? isdigit((unsigned char)s[k]) != 0 : s[k] == shape[k];
	size_t fs = i;
	if (ok && s[i] == '.') {
		i++;
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
		ok = i > fs + 1;
	}
	size_t fe = i;
	const char *zone = s + i;
	ok = ok && (!strcmp(zone, "Z") ||
		    (strlen(zone) == 6 && (zone[0] == '+' || zone[0] == '-') && isdigit((unsigned char)zone[1]) &&
		     isdigit((unsigned char)zone[2]) && zone[3] == ':' && isdigit((unsigned char)zone[4]) &&
		     isdigit((unsigned char)zone[5])));
	if (!ok) {
		osmo_error_set(cv->err, OSMO_EPARSE,
			       "cannot load Chart.lock: error unmarshaling JSON: while decoding JSON: "
			       "parsing time \"%s\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"%s\" as \"%s\"",
			       s, n >= 10 ? s + 10 : s, n >= 10 ? "T" : "2006");
		return OSMO_EPARSE;
	}
	while (fe > fs + 1 && s[fe - 1] == '0')
		fe--;
	if (fe == fs + 1)
		fe = fs; /* all zeros: no fraction */
	if (fe > fs + 10)
		fe = fs + 10; /* nanoseconds */
	bool utc = zone[0] == 'Z' || !strcmp(zone + 1, "00:00");
	*out = osmo_string(cv->a, osmo_arena_sprintf(cv->a, "%.*s%s", (int)fe, s, utc ? "Z" : zone),
			   fe + (utc ? 1 : 6));
	return 0;
}

/* Chart.lock as yaml.Marshal(c.Lock) writes it; *present false when the
 * chart has no lock (absent file or a null document). */
int chart_package_lock(osmo_buf *out, bool *present, osmo_arena *a, const osmo_chart *c,
		       osmo_error *err)
{
	conv cv = { a, err, "Chart.lock" };
	const osmo_chart_file *lf = chart_package_find(c, "Chart.lock");
	if (!lf)
		lf = chart_package_find(c, "requirements.lock");
	*present = false;
	if (!lf)
		return 0;
	osmo_value raw;
	int rc = load_raw(&cv, &raw, lf);
	if (rc || raw.type == OSMO_V_NULL)
		return rc;
	if (raw.type != OSMO_V_MAP)
		return type_error(&cv, raw, "Lock", "", "chart.Lock");
	osmo_value lock = osmo_map_new(a, 3), t, d;
	osmo_value *g = osmo_map_getc(raw.u.map, "generated");
	if ((rc = lock_time(&cv, &t, g ? *g : osmo_null())))
		return rc;
	osmo_map_setc(a, lock.u.map, "generated", t);
	g = osmo_map_getc(raw.u.map, "digest");
	if ((rc = to_string(&cv, &d, g ? *g : osmo_null(), "Lock", "digest")))
		return rc;
	osmo_map_setc(a, lock.u.map, "digest", d);
	g = osmo_map_getc(raw.u.map, "dependencies");
	osmo_value deps = osmo_null();
	if (g && g->type != OSMO_V_NULL) {
		if (g->type != OSMO_V_LIST)
			return type_error(&cv, *g, "Lock", "dependencies", "[]*chart.Dependency");
		deps = osmo_list_new(a, g->u.list->len);
		for (size_t i = 0; i < g->u.list->len; i++) {
			osmo_value x = osmo_null(), e = g->u.list->items[i];
			if (e.type != OSMO_V_NULL &&
			    (rc = convert_struct(&cv, &x, e, dependency_fields, "Dependency", "dependencies")))
				return rc;
			osmo_list_push(a, deps.u.list, x);
		}
	}
	osmo_map_setc(a, lock.u.map, "dependencies", deps);
	*present = true;
	return osmo_yaml_write(out, lock, err);
}

