/* template_output.c - `helm template`'s --show-only filter and --output-dir
 * writer, applied to the fully printed manifest stream. */
#include "template_output.h"

#include "osmo/manifest.h"

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

/* Each piece goes to DIR/<source> ("---\n# Source: ...\n<doc>\n"), documents
 * of one source appended in order.  Every file is written to a temporary
 * sibling and renamed, so an interrupted run never leaves a torn file. */
int template_output_dir(const char *dir, const char *text, size_t len, osmo_error *err)
{
	pieces ps = { 0 };
	osmo_manifest_split(text, len, collect, &ps, NULL);
	int rc = 0;
	char **done = osmo_calloc(ps.n + 1, sizeof(char *));
	size_t ndone = 0;
	for (size_t i = 0; i < ps.n && !rc; i++) {
		const char *s = memmem(ps.v[i].text, ps.v[i].len, "# Source: ", 10);
		if (!s)
			continue;
		const char *e = memchr(s, '\n', (size_t)(ps.v[i].text + ps.v[i].len - s));
		size_t nl = e ? (size_t)(e - s - 10) : (size_t)(ps.v[i].text + ps.v[i].len - s - 10);
		char *name = osmo_strndup(s + 10, nl);
		bool seen = false;
		for (size_t k = 0; k < ndone; k++)
			seen |= !strcmp(done[k], name);
		if (seen) {
			free(name);
			continue;
		}
		done[ndone++] = name;
		osmo_buf content = OSMO_BUF_INIT;
		for (size_t j = i; j < ps.n; j++) {
			const char *t = memmem(ps.v[j].text, ps.v[j].len, "# Source: ", 10);
			if (!t || strncmp(t + 10, name, nl) || (t[10 + nl] != '\n' && t + 10 + nl != ps.v[j].text + ps.v[j].len))
				continue;
			osmo_buf_puts(&content, "---\n");
			osmo_buf_put(&content, ps.v[j].text, ps.v[j].len);
			osmo_buf_putc(&content, '\n');
		}
		char *path = NULL, *tmp = NULL;
		if (asprintf(&path, "%s/%s", dir, name) < 0 || asprintf(&tmp, "%s.osmo-tmp.%d", path, (int)getpid()) < 0)
			abort();
		FILE *fp = NULL;
		if (mkdirs(path) || !(fp = fopen(tmp, "wb")) ||
		    fwrite(content.ptr, 1, content.len, fp) != content.len) {
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
		else
			printf("wrote %s\n", path);
		free(path);
		free(tmp);
		osmo_buf_dispose(&content);
	}
	for (size_t k = 0; k < ndone; k++)
		free(done[k]);
	free(done);
	free(ps.v);
	return rc;
}
