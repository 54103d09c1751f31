/* chart_load.c - Helm's loader: LoadDir (walk with .helmignore, symlinks
 * followed, irregular files rejected, BOM stripped), LoadFile for archives,
 * and LoadFiles, which sorts files into Chart.yaml / values.yaml / schema /
 * templates / subcharts / other files. */
#include "chart_ignore.h"
#include "chart_int.h"
#include "osmo/package.h"
#include "osmo/yaml.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Helm's MaxDecompressedFileSize default (5 MiB per file). */
#define CHART_MAX_FILE_SIZE (5u << 20)
#define CHART_MAX_DEPTH 64

void chart_filelist_push(osmo_arena *a, chart_filelist *l, osmo_chart_file f)
{
	if (l->len == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		l->v = osmo_arena_realloc(a, l->v, l->cap * sizeof(*l->v), cap * sizeof(*l->v));
		l->cap = cap;
	}
	l->v[l->len++] = f;
}

static int read_path(osmo_arena *a, const char *path, const char **data, size_t *len,
		     osmo_error *err)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		osmo_error_set(err, OSMO_EIO, "open %s: %s", path, strerror(errno));
		return OSMO_EIO;
	}
	osmo_buf b = OSMO_BUF_INIT;
	char tmp[65536];
	size_t n;
	int rc = 0;
	while ((n = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		osmo_buf_put(&b, tmp, n);
	if (ferror(fp)) {
		osmo_error_set(err, OSMO_EIO, "read %s: %s", path, strerror(errno));
		rc = OSMO_EIO;
	}
	fclose(fp);
	if (!rc) {
		const char *p = osmo_buf_cstr(&b);
		size_t l = b.len;
		if (l >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) { /* UTF-8 BOM */
			p += 3;
			l -= 3;
		}
		*data = osmo_arena_strndup(a, p, l);
		*len = l;
	}
	osmo_buf_dispose(&b);
	return rc;
}

static int cmp_name(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

typedef struct walker {
	osmo_arena *a;
	const char *root;
	const chart_ignore *rules;
	chart_filelist *out;
	osmo_error *err;
} walker;

/* sympath.Walk: lexical order, symlinks followed. */
static int walk(walker *w, const char *rel, int depth)
{
	if (depth > CHART_MAX_DEPTH) {
		osmo_error_set(w->err, OSMO_ELIMIT, "%s/%s: directory nesting too deep", w->root, rel);
		return OSMO_ELIMIT;
	}
	char *dpath = *rel ? osmo_arena_sprintf(w->a, "%s/%s", w->root, rel)
			   : osmo_arena_strdup(w->a, w->root);
	DIR *d = opendir(dpath);
	if (!d) {
		osmo_error_set(w->err, OSMO_EIO, "open %s: %s", dpath, strerror(errno));
		return OSMO_EIO;
	}
	size_t n = 0, cap = 16;
	char **names = osmo_malloc(cap * sizeof(char *));
	struct dirent *de;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (n == cap)
			names = osmo_realloc(names, (cap *= 2) * sizeof(char *));
		names[n++] = osmo_arena_strdup(w->a, de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(char *), cmp_name);
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		char *r = *rel ? osmo_arena_sprintf(w->a, "%s/%s", rel, names[i]) : names[i];
		char *full = osmo_arena_sprintf(w->a, "%s/%s", w->root, r);
		struct stat st;
		if (stat(full, &st) != 0) {
			osmo_error_set(w->err, OSMO_EIO, "stat %s: %s", full, strerror(errno));
			rc = OSMO_EIO;
			break;
		}
		bool dir = S_ISDIR(st.st_mode);
		if (chart_ignore_match(w->rules, r, dir))
			continue;
		if (dir) {
			rc = walk(w, r, depth + 1);
		} else if (!S_ISREG(st.st_mode)) {
			osmo_error_set(w->err, OSMO_EIO,
				       "cannot load irregular file %s as it has file mode type bits set",
				       full);
			rc = OSMO_EIO;
		} else if ((size_t)st.st_size > CHART_MAX_FILE_SIZE) {
			osmo_error_set(w->err, OSMO_ELIMIT,
				       "chart file \"%s\" is larger than the maximum file size %u",
				       names[i], CHART_MAX_FILE_SIZE);
			rc = OSMO_ELIMIT;
		} else {
			osmo_chart_file f = { .name = r };
			rc = read_path(w->a, full, &f.data, &f.len, w->err);
			if (!rc)
				chart_filelist_push(w->a, w->out, f);
		}
	}
	free(names);
	return rc;
}

/* Go's json type names for the "cannot unmarshal X into ..." wording. */
static const char *json_kind(osmo_value v)
{
	switch (v.type) {
	case OSMO_V_LIST:
		return "array";
	case OSMO_V_STRING:
		return "string";
	case OSMO_V_BOOL:
		return "bool";
	case OSMO_V_INT:
	case OSMO_V_FLOAT:
		return "number";
	default:
		return "object";
	}
}

/* sigs.k8s.io/yaml.Unmarshal of a chart file into a map, with Helm's
 * "cannot load <file>: ..." wording. */
static int load_yaml_map(osmo_value *out, osmo_arena *a, const osmo_chart_file *f,
			 const char *gotype, osmo_error *err)
{
	osmo_error yerr = { 0 };
	int rc = osmo_yaml_load(out, a, f->data, f->len, f->name, 0, &yerr);
	if (rc) {
		osmo_error_set(err, rc, "cannot load %s: %s", f->name,
			       yerr.msg ? yerr.msg : "invalid YAML");
		osmo_error_dispose(&yerr);
		return rc;
	}
	if (out->type == OSMO_V_NULL)
		*out = osmo_map_new(a, 0);
	if (out->type != OSMO_V_MAP) {
		osmo_error_set(err, OSMO_EPARSE,
			       "cannot load %s: error unmarshaling JSON: while decoding JSON: json: "
			       "cannot unmarshal %s into Go value of type %s",
			       f->name, json_kind(*out), gotype);
		return OSMO_EPARSE;
	}
	return 0;
}

static bool has_suffix(const char *s, size_t n, const char *suf)
{
	size_t m = strlen(suf);
	return n >= m && !memcmp(s + n - m, suf, m);
}

/* Subcharts: files under charts/<name>/... (a directory chart) or a single
 * charts/<name>.tgz; names starting with '.' or '_' are ignored. */
static int load_subcharts(osmo_chart *c, osmo_arena *a, chart_filelist *files, osmo_error *err)
{
	int rc = 0;
	for (size_t i = 0; i < files->len && !rc; i++) {
		const char *nm = files->v[i].name;
		if (strncmp(nm, "charts/", 7))
			continue;
		const char *sub = nm + 7, *slash = strchr(sub, '/');
		size_t sl = slash ? (size_t)(slash - sub) : strlen(sub);
		if (!sl || sub[0] == '.' || sub[0] == '_' || has_suffix(nm, strlen(nm), ".prov"))
			continue;
		/* first file of this subchart? (files are sorted, so a group is contiguous) */
		if (i > 0 && !strncmp(files->v[i - 1].name, nm, 7 + sl) &&
		    (files->v[i - 1].name[7 + sl] == '/' || files->v[i - 1].name[7 + sl] == 0))
			continue;
		osmo_chart *sc = NULL;
		chart_filelist subfiles = { 0 };
		if (!slash && has_suffix(sub, sl, ".tgz")) {
			rc = chart_archive_read(&subfiles, a, files->v[i].data, files->v[i].len, err);
		} else if (slash) {
			for (size_t j = i; j < files->len; j++) {
				const char *m = files->v[j].name;
				if (strncmp(m, nm, 7 + sl + 1))
					break;
				osmo_chart_file f = files->v[j];
				f.name = m + 7 + sl + 1;
				chart_filelist_push(a, &subfiles, f);
			}
		} else {
			continue; /* a plain file directly under charts/ */
		}
		if (!rc)
			rc = chart_from_files(&sc, a, &subfiles, err);
		if (rc) {
			char *m = osmo_strdup(err->msg ? err->msg : "");
			osmo_error_set(err, rc, "error unpacking subchart %.*s in %s: %s", (int)sl, sub,
				       c->name ? c->name : "chart", m);
			free(m);
			return rc;
		}
		c->deps = osmo_arena_realloc(a, c->deps, c->ndeps * sizeof(*c->deps),
					     (c->ndeps + 1) * sizeof(*c->deps));
		c->deps[c->ndeps++] = sc;
	}
	return rc;
}

int chart_from_files(osmo_chart **out, osmo_arena *a, chart_filelist *files, osmo_error *err)
{
	osmo_chart *c = osmo_arena_alloc(a, sizeof(*c));
	c->arena = a;
	c->all = *files;
	const osmo_chart_file *chart_yaml = NULL, *values_yaml = NULL;
	for (size_t i = 0; i < files->len; i++) {
		const osmo_chart_file *f = &files->v[i];
		if (!strcmp(f->name, "Chart.yaml"))
			chart_yaml = f;
		else if (!strcmp(f->name, "values.yaml"))
			values_yaml = f;
		else if (!strcmp(f->name, "values.schema.json"))
			c->schema = f;
		else if (!strcmp(f->name, "Chart.lock") || !strcmp(f->name, "requirements.lock"))
			continue;
		else if (!strncmp(f->name, "templates/", 10))
			chart_filelist_push(a, &c->templates, *f);
		else if (!strncmp(f->name, "charts/", 7) && !has_suffix(f->name, strlen(f->name), ".prov"))
			continue;
		else
			chart_filelist_push(a, &c->files, *f);
	}
	if (!chart_yaml) {
		osmo_error_set(err, OSMO_ENOTFOUND, "Chart.yaml file is missing");
		return OSMO_ENOTFOUND;
	}
	int rc = load_yaml_map(&c->metadata, a, chart_yaml, "chart.Metadata", err);
	if (!rc && values_yaml)
		rc = load_yaml_map(&c->values, a, values_yaml, "map[string]interface {}", err);
	else if (!rc)
		c->values = osmo_map_new(a, 0);
	if (!rc) { /* typed as Helm's chart.Metadata, requirements.yaml applied, validated */
		osmo_value typed;
		rc = osmo_package_metadata(&typed, a, c, err);
		if (!rc) {
			c->metadata = typed;
			c->name = osmo_map_getc(typed.u.map, "name")->u.s.ptr;
		}
	}
	if (!rc)
		rc = load_subcharts(c, a, files, err);
	if (rc)
		return rc;
	*out = c;
	return 0;
}

int osmo_chart_load_dir(osmo_chart **out, const char *path, osmo_error *err)
{
	osmo_arena *a = osmo_arena_new();
	chart_filelist files = { 0 };
	size_t plen = strlen(path);
	while (plen > 1 && path[plen - 1] == '/')
		plen--;
	char *root = osmo_arena_strndup(a, path, plen);
	chart_ignore *rules = NULL;
	const char *itext = NULL;
	size_t ilen = 0;
	char *ipath = osmo_arena_sprintf(a, "%s/.helmignore", root);
	struct stat st;
	int rc = 0;
	if (stat(ipath, &st) == 0)
		rc = read_path(a, ipath, &itext, &ilen, err);
	if (!rc)
		rc = chart_ignore_parse(&rules, itext, ilen, err);
	if (!rc) {
		walker w = { a, root, rules, &files, err };
		rc = walk(&w, "", 0);
	}
	chart_ignore_free(rules);
	osmo_chart *c = NULL;
	if (!rc)
		rc = chart_from_files(&c, a, &files, err);
	if (rc) {
		osmo_arena_free(a);
		return rc;
	}
	c->owns_arena = true;
	*out = c;
	return 0;
}

int osmo_chart_load(osmo_chart **out, const char *path, osmo_error *err)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		osmo_error_set(err, OSMO_ENOTFOUND, "path \"%s\" not found", path);
		return OSMO_ENOTFOUND;
	}
	if (S_ISDIR(st.st_mode))
		return osmo_chart_load_dir(out, path, err);
	osmo_arena *a = osmo_arena_new();
	const char *data = NULL;
	size_t len = 0;
	chart_filelist files = { 0 };
	osmo_chart *c = NULL;
	int rc = read_path(a, path, &data, &len, err);
	if (!rc)
		rc = chart_archive_read(&files, a, data, len, err);
	if (!rc)
		rc = chart_from_files(&c, a, &files, err);
	if (rc) {
		osmo_arena_free(a);
		return rc;
	}
	c->owns_arena = true;
	*out = c;
	return 0;
}

void osmo_chart_free(osmo_chart *c)
{
	if (c && c->owns_arena)
		osmo_arena_free(c->arena);
}

const char *osmo_chart_name(const osmo_chart *c)
{
	return c->name;
}

osmo_value osmo_chart_metadata(const osmo_chart *c)
{
	return c->metadata;
}

osmo_value osmo_chart_values(const osmo_chart *c)
{
	return c->values;
}

size_t osmo_chart_template_count(const osmo_chart *c)
{
	return c->templates.len;
}

const osmo_chart_file *osmo_chart_template(const osmo_chart *c, size_t i)
{
	return i < c->templates.len ? &c->templates.v[i] : NULL;
}

size_t osmo_chart_file_count(const osmo_chart *c)
{
	return c->files.len;
}

const osmo_chart_file *osmo_chart_file_at(const osmo_chart *c, size_t i)
{
	return i < c->files.len ? &c->files.v[i] : NULL;
}

const osmo_chart_file *osmo_chart_schema(const osmo_chart *c)
{
	return c->schema;
}

size_t osmo_chart_dependency_count(const osmo_chart *c)
{
	return c->ndeps;
}

const osmo_chart *osmo_chart_dependency(const osmo_chart *c, size_t i)
{
	return i < c->ndeps ? c->deps[i] : NULL;
}
