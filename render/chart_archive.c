/* chart_archive.c - Helm's LoadArchive: a gzipped tar whose first path
 * component is the chart directory.  Rejects absolute paths, parent
 * references and oversize content with Helm's messages. */
#include "chart_int.h"

#include <archive.h>
#include <archive_entry.h>
#include <stdlib.h>
#include <string.h>

/* Helm's MaxDecompressedChartSize / MaxDecompressedFileSize defaults. */
#define ARCHIVE_MAX_TOTAL (100u << 20)
#define ARCHIVE_MAX_FILE (5u << 20)
#define ARCHIVE_MAX_FILES 100000

static int cmp_file(const void *x, const void *y)
{
	return strcmp(((const osmo_chart_file *)x)->name, ((const osmo_chart_file *)y)->name);
}

/* path.Clean for a relative '/' path into buf (same size as input + 2). */
static void path_clean(char *out, const char *in)
{
	size_t n = 0;
	const char *p = in;
	while (*p) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		const char *e = strchr(p, '/');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		if (l == 1 && p[0] == '.') {
			/* skip */
		} else if (l == 2 && p[0] == '.' && p[1] == '.') {
			/* back up unless nothing to back up (then keep "..") */
			size_t k = n;
			while (k > 0 && out[k - 1] != '/')
				k--;
			bool dotdot = (n - k == 2 && out[k] == '.' && out[k + 1] == '.');
			if (n > 0 && !dotdot) {
				n = k > 0 ? k - 1 : 0;
			} else {
				if (n)
					out[n++] = '/';
				out[n++] = '.';
				out[n++] = '.';
			}
		} else {
			if (n)
				out[n++] = '/';
			memcpy(out + n, p, l);
			n += l;
		}
		p += l;
	}
	if (!n)
		out[n++] = '.';
	out[n] = 0;
}

int chart_archive_read(chart_filelist *out, osmo_arena *a, const char *data, size_t len,
		       osmo_error *err)
{
	if (len < 2 || (unsigned char)data[0] != 0x1f || (unsigned char)data[1] != 0x8b) {
		osmo_error_set(err, OSMO_EPARSE, "file does not appear to be a gzipped archive");
		return OSMO_EPARSE;
	}
	struct archive *ar = archive_read_new();
	archive_read_support_filter_gzip(ar);
	archive_read_support_format_tar(ar);
	int rc = 0;
	size_t total = 0;
	if (archive_read_open_memory(ar, data, len) != ARCHIVE_OK) {
		osmo_error_set(err, OSMO_EPARSE, "%s", archive_error_string(ar));
		rc = OSMO_EPARSE;
		goto done;
	}
	struct archive_entry *e;
	int r;
	while (!rc && (r = archive_read_next_header(ar, &e)) == ARCHIVE_OK) {
		if (archive_entry_filetype(e) == AE_IFDIR)
			continue;
		const char *name = archive_entry_pathname(e);
		if (!name)
			continue;
		char delim = strchr(name, '\\') ? '\\' : '/';
		const char *first = strchr(name, delim);
		char *rest = osmo_strdup(first ? first + 1 : "");
		for (char *q = rest; *q; q++)
			if (*q == '\\')
				*q = '/';
		char *clean = osmo_malloc(strlen(rest) + 3);
		if (rest[0] == '/') {
			osmo_error_set(err, OSMO_EPARSE, "chart illegally contains absolute paths");
			rc = OSMO_EPARSE;
		} else {
			path_clean(clean, rest);
			if (!strcmp(clean, ".")) {
				osmo_error_set(err, OSMO_EPARSE,
					       "chart illegally contains content outside the base directory: \"%s\"",
					       name);
				rc = OSMO_EPARSE;
			} else if (!strncmp(clean, "..", 2)) {
				osmo_error_set(err, OSMO_EPARSE, "chart illegally references parent directory");
				rc = OSMO_EPARSE;
			} else if (!first && !strcmp(name, "Chart.yaml")) {
				osmo_error_set(err, OSMO_EPARSE, "chart yaml not in base directory");
				rc = OSMO_EPARSE;
			}
		}
		if (!rc && archive_entry_filetype(e) == AE_IFREG) {
			osmo_buf b = OSMO_BUF_INIT;
			char tmp[65536];
			la_ssize_t n;
			while ((n = archive_read_data(ar, tmp, sizeof(tmp))) > 0) {
				osmo_buf_put(&b, tmp, (size_t)n);
				total += (size_t)n;
				if (b.len > ARCHIVE_MAX_FILE || total > ARCHIVE_MAX_TOTAL)
					break;
			}
			if (n < 0) {
				osmo_error_set(err, OSMO_EPARSE, "%s", archive_error_string(ar));
				rc = OSMO_EPARSE;
			} else if (b.len > ARCHIVE_MAX_FILE) {
				osmo_error_set(err, OSMO_ELIMIT,
					       "decompressed chart file \"%s\" is larger than the maximum file size %u",
					       clean, ARCHIVE_MAX_FILE);
				rc = OSMO_ELIMIT;
			} else if (total > ARCHIVE_MAX_TOTAL) {
				osmo_error_set(err, OSMO_ELIMIT,
					       "decompressed chart is larger than the maximum size %u",
					       ARCHIVE_MAX_TOTAL);
				rc = OSMO_ELIMIT;
			} else if (out->len >= ARCHIVE_MAX_FILES) {
				osmo_error_set(err, OSMO_ELIMIT, "chart archive has too many files");
				rc = OSMO_ELIMIT;
			} else {
				const char *p = osmo_buf_cstr(&b);
				size_t l = b.len;
				if (l >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) {
					p += 3;
					l -= 3;
				}
				osmo_chart_file f = { osmo_arena_strdup(a, clean),
						      osmo_arena_strndup(a, p, l), l };
				chart_filelist_push(a, out, f);
			}
			osmo_buf_dispose(&b);
		}
		free(rest);
		free(clean);
	}
	if (!rc && r != ARCHIVE_EOF && r != ARCHIVE_OK) {
		osmo_error_set(err, OSMO_EPARSE, "%s", archive_error_string(ar));
		rc = OSMO_EPARSE;
	}
	if (!rc && !out->len) {
		osmo_error_set(err, OSMO_EPARSE, "no files in chart archive");
		rc = OSMO_EPARSE;
	}
	if (!rc)
		qsort(out->v, out->len, sizeof(*out->v), cmp_file);
done:
	archive_read_free(ar);
	return rc;
}
