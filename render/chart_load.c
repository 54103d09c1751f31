/* chart_load.c - Helm's LoadDir + LoadFiles for a chart directory: walk the
 * tree (symlinks followed, irregular files rejected), strip a UTF-8 BOM and
 * sort every file into Chart.yaml / values.yaml / templates / other files. */
#include "osmo/chart.h"
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

typedef struct filelist {
	osmo_chart_file *v;
	size_t len, cap;
} filelist;

struct osmo_chart {
	osmo_arena *arena;
	const char *name;
	osmo_value metadata;
	osmo_value values;
	filelist templates;
	filelist files;
};

static void list_push(osmo_arena *a, filelist *l, osmo_chart_file f)
{
	if (l->len == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		l->v = osmo_arena_realloc(a, l->v, l->cap * sizeof(*l->v), cap * sizeof(*l->v));
		l->cap = cap;
	}
	l->v[l->len++] = f;
}

static int read_file(osmo_arena *a, const char *path, const char **data, size_t *len,
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
	while ((n = fread(tmp, 1, sizeof(tmp), fp)) > 0) {
		osmo_buf_put(&b, tmp, n);
		if (b.len > CHART_MAX_FILE_SIZE) {
			osmo_error_set(err, OSMO_ELIMIT,
				       "file '%s' is larger than the maximum file size %u", path,
				       CHART_MAX_FILE_SIZE);
			rc = OSMO_ELIMIT;
			break;
		}
	}
	if (!rc && ferror(fp)) {
		osmo_error_set(err, OSMO_EIO, "read %s: %s", path, strerror(errno));
		rc = OSMO_EIO;
	}
	fclose(fp);
	if (!rc) {
		const char *p = osmo_buf_cstr(&b);
		size_t l = b.len;
		if (l >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) { /* BOM */
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

/* Recursively collect regular files below dir/rel into out (relative names). */
static int walk(osmo_chart *c, const char *root, const char *rel, int depth, filelist *out,
		osmo_error *err)
{
	if (depth > CHART_MAX_DEPTH) {
		osmo_error_set(err, OSMO_ELIMIT, "%s/%s: directory nesting too deep", root, rel);
		return OSMO_ELIMIT;
	}
	char *dpath = *rel ? osmo_arena_sprintf(c->arena, "%s/%s", root, rel)
			   : osmo_arena_strdup(c->arena, root);
	DIR *d = opendir(dpath);
	if (!d) {
		osmo_error_set(err, OSMO_EIO, "open %s: %s", dpath, strerror(errno));
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
		names[n++] = osmo_arena_strdup(c->arena, de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(char *), cmp_name);
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		char *r = *rel ? osmo_arena_sprintf(c->arena, "%s/%s", rel, names[i])
			       : names[i];
		char *full = osmo_arena_sprintf(c->arena, "%s/%s", root, r);
		struct stat st;
		if (stat(full, &st) != 0) {
			osmo_error_set(err, OSMO_EIO, "stat %s: %s", full, strerror(errno));
			rc = OSMO_EIO;
			break;
		}
		/* Helm's default .helmignore rule: dotfiles under templates/. */
		if (!strncmp(r, "templates/", 10) && names[i][0] == '.')
			continue;
		if (S_ISDIR(st.st_mode)) {
			rc = walk(c, root, r, depth + 1, out, err);
		} else if (S_ISREG(st.st_mode)) {
			osmo_chart_file f = { .name = r };
			rc = read_file(c->arena, full, &f.data, &f.len, err);
			if (!rc)
				list_push(c->arena, out, f);
		} else {
			osmo_error_set(err, OSMO_EIO, "cannot load irregular file %s as it has file mode type bits set", full);
			rc = OSMO_EIO;
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
 * "cannot load <file>: ..." error wording. */
static int load_yaml_map(osmo_value *out, osmo_chart *c, const osmo_chart_file *f,
			 const char *gotype, osmo_error *err)
{
	osmo_error yerr = { 0 };
	int rc = osmo_yaml_load(out, c->arena, f->data, f->len, f->name, 0, &yerr);
	if (rc) {
		osmo_error_set(err, rc, "cannot load %s: %s", f->name,
			       yerr.msg ? yerr.msg : "invalid YAML");
		osmo_error_dispose(&yerr);
		return rc;
	}
	if (out->type == OSMO_V_NULL)
		*out = osmo_map_new(c->arena, 0);
	if (out->type != OSMO_V_MAP) {
		osmo_error_set(err, OSMO_EPARSE,
			       "cannot load %s: error unmarshaling JSON: while decoding JSON: json: "
			       "cannot unmarshal %s into Go value of type %s",
			       f->name, json_kind(*out), gotype);
		return OSMO_EPARSE;
	}
	return 0;
}

/* Chart.yaml's required fields, checked in Helm's order. */
static int validate_metadata(osmo_chart *c, osmo_error *err)
{
	static const char *const required[] = { "name", "version" };
	for (size_t i = 0; i < 2; i++) {
		osmo_value *v = osmo_map_getc(c->metadata.u.map, required[i]);
		if (!v || !osmo_is_string(*v) || !v->u.s.len) {
			osmo_error_set(err, OSMO_EPARSE, "validation: chart.metadata.%s is required",
				       required[i]);
			return OSMO_EPARSE;
		}
	}
	c->name = osmo_map_getc(c->metadata.u.map, "name")->u.s.ptr;
	return 0;
}

int osmo_chart_load_dir(osmo_chart **out, const char *path, osmo_error *err)
{
	osmo_chart *c = osmo_calloc(1, sizeof(*c));
	c->arena = osmo_arena_new();
	filelist all = { 0 };
	size_t plen = strlen(path);
	while (plen > 1 && path[plen - 1] == '/')
		plen--;
	char *root = osmo_arena_strndup(c->arena, path, plen);
	int rc = walk(c, root, "", 0, &all, err);
	const osmo_chart_file *chart_yaml = NULL, *values_yaml = NULL;
	for (size_t i = 0; !rc && i < all.len; i++) {
		const osmo_chart_file *f = &all.v[i];
		if (!strcmp(f->name, "Chart.yaml"))
			chart_yaml = f;
		else if (!strcmp(f->name, "values.yaml"))
			values_yaml = f;
		else if (!strcmp(f->name, "values.schema.json") || !strcmp(f->name, "Chart.lock") ||
			 !strncmp(f->name, "charts/", 7))
			continue; /* schema, lock and subcharts: handled by their own loaders */
		else if (!strncmp(f->name, "templates/", 10))
			list_push(c->arena, &c->templates, *f);
		else
			list_push(c->arena, &c->files, *f);
	}
	if (!rc && !chart_yaml) {
		osmo_error_set(err, OSMO_ENOTFOUND, "Chart.yaml file is missing");
		rc = OSMO_ENOTFOUND;
	}
	if (!rc)
		rc = load_yaml_map(&c->metadata, c, chart_yaml, "chart.Metadata", err);
	if (!rc) {
		if (values_yaml)
			rc = load_yaml_map(&c->values, c, values_yaml, "map[string]interface {}", err);
		else
			c->values = osmo_map_new(c->arena, 0);
	}
	if (!rc)
		rc = validate_metadata(c, err);
	if (rc) {
		osmo_chart_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

void osmo_chart_free(osmo_chart *c)
{
	if (!c)
		return;
	osmo_arena_free(c->arena);
	free(c);
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
