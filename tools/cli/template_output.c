/* template_output.c - `helm template`'s --show-only filter and --output-dir
 * writer, applied to the fully printed manifest stream. */
#include "template_output.h"

#include "osmo/manifest.h"
#include "osmo/release.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct piece {
	const char *text;
	size_t len;
} piece;

typedef struct pieces {
	piece *v;
	size_t n;
} pieces;

static int collect(void *payload, const char *doc, size_t len)
{
	pieces *p = payload;
	p->v = osmo_realloc(p->v, (p->n + 1) * sizeof(piece));
	p->v[p->n].text = doc;
	p->v[p->n].len = len;
	p->n++;
	return 0;
}

/* "# Source: [^/]+/(.+)" on the piece: the path after the chart name. */
static bool source_path(const piece *p, char *out, size_t cap)
{
	const char *s = memmem(p->text, p->len, "# Source: ", 10);
	if (!s)
		return false;
	const char *e = p->text + p->len;
	s += 10;
	const char *slash = s;
	while (slash < e && *slash != '/' && *slash != '\n')
		slash++;
	if (slash >= e || *slash != '/' || slash == s)
		return false;
	const char *start = slash + 1, *stop = start;
	while (stop < e && *stop != '\n')
		stop++;
	if (stop == start || (size_t)(stop - start) >= cap)
		return false;
	memcpy(out, start, (size_t)(stop - start));
	out[stop - start] = 0;
	return true;
}

int template_show_only(osmo_buf *out, const char *text, size_t len, const char *const *files,
		       size_t nfiles, osmo_error *err)
{
	pieces ps = { 0 };
	osmo_manifest_split(text, len, collect, &ps, NULL);
	int rc = 0;
	for (size_t f = 0; f < nfiles && !rc; f++) {
		bool missing = true;
		for (size_t i = 0; i < ps.n; i++) {
			char path[4096];
			if (!source_path(&ps.v[i], path, sizeof(path)))
				continue;
			if (fnmatch(files[f], path, FNM_PATHNAME) != 0)
				continue;
			osmo_buf_puts(out, "---\n");
			osmo_buf_put(out, ps.v[i].text, ps.v[i].len);
			osmo_buf_putc(out, '\n');
			missing = false;
		}
		if (missing) {
			osmo_error_set(err, OSMO_ENOTFOUND, "could not find template %s in chart", files[f]);
			rc = OSMO_ENOTFOUND;
		}
	}
	free(ps.v);
	return rc;
}

static int mkdirs(const char *path)
{
	char *p = osmo_strdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = 0;
		if (mkdir(p, 0755) && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	return 0;
}

typedef struct outfiles {
	char **names;
	osmo_buf *bodies;
	size_t n, cap;
	osmo_buf log;
} outfiles;

/* Helm's writeToFile: "---\n# Source: NAME\n<data>\n" appended to
 * DIR/NAME, or replacing it on the first write of a phase (each phase has
 * its own fileWritten map in Helm: manifests, then hooks). */
static void out_add(outfiles *o, const char *dir, const char *name, const char *data, size_t len,
		    bool *seen_in_phase)
{
	size_t k = 0;
	while (k < o->n && strcmp(o->names[k], name))
		k++;
	if (k == o->n) {
		if (o->n == o->cap) {
			o->cap = o->cap ? o->cap * 2 : 16;
			o->names = osmo_realloc(o->names, o->cap * sizeof(char *));
			o->bodies = osmo_realloc(o->bodies, o->cap * sizeof(osmo_buf));
		}
		o->names[o->n] = osmo_strdup(name);
		o->bodies[o->n] = (osmo_buf)OSMO_BUF_INIT;
		seen_in_phase[o->n] = false;
		o->n++;
	}
	if (!seen_in_phase[k])
		osmo_buf_clear(&o->bodies[k]);
	seen_in_phase[k] = true;
	osmo_buf_printf(&o->bodies[k], "---\n# Source: %s\n", name);
	osmo_buf_put(&o->bodies[k], data, len);
	osmo_buf_putc(&o->bodies[k], '\n');
	osmo_buf_printf(&o->log, "wrote %s/%s\n", dir, name);
}

/* The files are assembled in memory, each written to a temporary sibling
 * and renamed, so an interrupted run never leaves a torn file; then Helm's
 * "wrote PATH" lines and its empty manifest line are printed. */
int template_output_dir(const char *dir, const osmo_manifest_set *set, unsigned flags,
			osmo_error *err)
{
	outfiles o = { 0 };
	size_t total = osmo_manifest_set_crd_count(set) + osmo_manifest_set_count(set) +
		       osmo_manifest_set_hook_count(set) + 1;
	bool *seen = osmo_calloc(total, sizeof(bool));
	for (size_t i = 0; i < osmo_manifest_set_crd_count(set); i++) {
		const osmo_manifest_doc *d = osmo_manifest_set_crd(set, i);
		out_add(&o, dir, d->source, d->content, d->len, seen);
	}
	for (size_t i = 0; i < osmo_manifest_set_count(set); i++) {
		const osmo_manifest_doc *d = osmo_manifest_set_doc(set, i);
		out_add(&o, dir, d->source, d->content, d->len, seen);
	}
	memset(seen, 0, total * sizeof(bool));
	for (size_t i = 0; !(flags & OSMO_RELEASE_PRINT_NO_HOOKS) && i < osmo_manifest_set_hook_count(set); i++) {
		const osmo_manifest_doc *d = osmo_manifest_set_hook(set, i);
		if ((flags & OSMO_RELEASE_PRINT_SKIP_TESTS) && d->is_test_hook)
			continue;
		out_add(&o, dir, d->source, d->content, d->len, seen);
	}
	int rc = 0;
	for (size_t k = 0; k < o.n && !rc; k++) {
		char *path = NULL, *tmp = NULL;
		if (asprintf(&path, "%s/%s", dir, o.names[k]) < 0 ||
		    asprintf(&tmp, "%s.osmo-tmp.%d", path, (int)getpid()) < 0)
			abort();
		FILE *fp = NULL;
		if (mkdirs(path) || !(fp = fopen(tmp, "wb")) ||
		    fwrite(o.bodies[k].ptr, 1, o.bodies[k].len, fp) != o.bodies[k].len) {
			osmo_error_set(err, OSMO_EIO, "write %s: %s", path, strerror(errno));
			rc = OSMO_EIO;
		}
		if (fp && fclose(fp) && !rc) {
			osmo_error_set(err, OSMO_EIO, "write %s: %s", path, strerror(errno));
			rc = OSMO_EIO;
		}
		if (!rc && rename(tmp, path)) {
			osmo_error_set(err, OSMO_EIO, "rename %s: %s", path, strerror(errno));
			rc = OSMO_EIO;
		}
		if (rc)
			unlink(tmp);
		free(path);
		free(tmp);
	}
	if (!rc)
		printf("%s\n", osmo_buf_cstr(&o.log));
	for (size_t k = 0; k < o.n; k++) {
		free(o.names[k]);
		osmo_buf_dispose(&o.bodies[k]);
	}
	free(o.names);
	free(o.bodies);
	free(seen);
	osmo_buf_dispose(&o.log);
	return rc;
}
