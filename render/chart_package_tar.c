/* chart_package_tar.c - the archive half of `helm package`: the entries
 * laid out as chartutil.writeTarContents does, a ustar stream identical to
 * Go's archive/tar (mode 0644, no directory entries, PAX records for long
 * or non-ASCII names), a gzip header like Go's with Helm's extra field and
 * comment, and Action.Package.Run's checks and atomic write.
 * Reproducible: one mtime, subcharts in name order, no gzip timestamp. */
#include "osmo/package.h"

#include "chart_package_int.h"
#include "osmo/json.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- tar (Go archive/tar's USTAR header, byte for byte) -------------------- */

#define TAR_BLOCK 512

static const char *get_str(osmo_value m, const char *key)
{
	osmo_value *v = m.type == OSMO_V_MAP ? osmo_map_getc(m.u.map, key) : NULL;
	return v && v->type == OSMO_V_STRING ? v->u.s.ptr : "";
}

static void octal(char *dst, size_t width, uint64_t v)
{
	/* width-1 zero-padded octal digits then NUL, as Go's formatOctal */
	dst[width - 1] = 0;
	for (size_t i = width - 1; i-- > 0; v >>= 3)
		dst[i] = (char)('0' + (v & 7));
}

/* Go's splitUSTARPath: name fits in 100 bytes, or splits at a '/' into a
 * prefix of at most 155 and a non-empty name of at most 100. */
static bool ustar_split(const char *name, size_t *prefix_len)
{
	size_t n = strlen(name);
	*prefix_len = 0;
	if (n <= 100)
		return true;
	size_t i = n > 156 ? 155 : n - 1;
	for (; i > 0; i--)
		if (name[i] == '/')
			break;
	if (!i || n - i - 1 > 100 || n - i - 1 == 0)
		return false;
	*prefix_len = i;
	return true;
}

/* Go's toASCII: non-ASCII bytes are dropped from header name fields. */
static void ascii_name(char *dst, size_t cap, const char *name)
{
	size_t o = 0;
	for (; *name && o + 1 < cap; name++)
		if ((unsigned char)*name < 0x80)
			dst[o++] = *name;
	dst[o] = 0;
}

/* One header block.  split: USTAR prefix/name split (names that fit);
 * otherwise the name is cut to 100 bytes (a PAX record carries it). */
static void tar_header(osmo_buf *tar, const char *name, char type, unsigned mode, size_t size,
		       int64_t mtime, bool split)
{
	char h[TAR_BLOCK];
	memset(h, 0, sizeof(h));
	size_t pl = 0, n = strlen(name);
	if (split)
		ustar_split(name, &pl);
	if (pl) {
		memcpy(h + 345, name, pl);
		memcpy(h, name + pl + 1, n - pl - 1);
	} else {
		memcpy(h, name, n > 100 ? 100 : n);
	}
	octal(h + 100, 8, mode);
	octal(h + 108, 8, 0);
	octal(h + 116, 8, 0);
	octal(h + 124, 12, size);
	octal(h + 136, 12, (uint64_t)mtime);
	h[156] = type;
	memcpy(h + 257, "ustar\0" "00", 8);
	if (type != 'x') { /* Go leaves the device fields empty in PAX records */
		octal(h + 329, 8, 0);
		octal(h + 337, 8, 0);
	}
	memset(h + 148, ' ', 8);
	unsigned sum = 0;
	for (size_t i = 0; i < TAR_BLOCK; i++)
		sum += (unsigned char)h[i];
	octal(h + 148, 7, sum); /* 6 digits, NUL, then the space left above */
	osmo_buf_put(tar, h, sizeof(h));
}

static void tar_pad(osmo_buf *tar, size_t size)
{
	static const char zeros[TAR_BLOCK];
	if (size % TAR_BLOCK)
		osmo_buf_put(tar, zeros, TAR_BLOCK - size % TAR_BLOCK);
}

/* Go's writePAXHeader: a "path" record in an 'x' entry named
 * <dir>/PaxHeaders.0/<file> (mode 0, mtime 0). */
static void tar_pax_path(osmo_buf *tar, const char *name)
{
	size_t n = strlen(name) + strlen(" path=\n");
	size_t len = n + 1;
	for (;;) { /* the length field counts its own digits */
		char d[32];
		size_t l2 = n + (size_t)snprintf(d, sizeof(d), "%zu", len);
		if (l2 == len)
			break;
		len = l2;
	}
	char *rec = osmo_malloc(len + 1);
	snprintf(rec, len + 1, "%zu path=%s\n", len, name);
	const char *slash = strrchr(name, '/');
	size_t dl = slash ? (size_t)(slash - name + 1) : 0;
	char *pax = osmo_malloc(strlen(name) + 16), hn[128];
	sprintf(pax, "%.*sPaxHeaders.0/%s", (int)dl, name, slash ? slash + 1 : name);
	ascii_name(hn, sizeof(hn), pax);
	tar_header(tar, hn, 'x', 0, len, 0, false);
	osmo_buf_put(tar, rec, len);
	tar_pad(tar, len);
	free(pax);
	free(rec);
}

static bool is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

static void tar_file(osmo_buf *tar, const char *name, const char *data, size_t len, int64_t mtime)
{
	size_t pl;
	if (!is_ascii(name) || !ustar_split(name, &pl)) {
		tar_pax_path(tar, name);
		char hn[128];
		ascii_name(hn, sizeof(hn), name);
		tar_header(tar, hn, '0', 0644, len, mtime, false);
	} else {
		tar_header(tar, name, '0', 0644, len, mtime, true);
	}
	osmo_buf_put(tar, data, len);
	tar_pad(tar, len);
}

/* ---- writeTarContents ------------------------------------------------------- */

static bool has_prefix(const char *s, const char *p)
{
	return !strncmp(s, p, strlen(p));
}

static int write_chart(osmo_buf *tar, const osmo_chart *c, const char *prefix,
		       const osmo_package_options *opts, int64_t mtime, bool root, osmo_error *err)
{
	osmo_arena *a = osmo_arena_new();
	const char *name = osmo_chart_name(c);
	const char *base = osmo_arena_sprintf(a, "%s%s", prefix, name);
	osmo_buf data = OSMO_BUF_INIT;
	osmo_value md;
	int rc = osmo_package_metadata(&md, a, c, err);
	if (rc)
		goto done;
	bool v1 = !strcmp(get_str(md, "apiVersion"), "v1");
	rc = osmo_package_chartfile(&data, c, root ? opts->set_version : NULL,
				    root ? opts->app_version : NULL, err);
	if (rc)
		goto done;
	tar_file(tar, osmo_arena_sprintf(a, "%s/Chart.yaml", base), data.ptr, data.len, mtime);
	if (!v1) {
		bool present;
		osmo_buf_clear(&data);
		if ((rc = chart_package_lock(&data, &present, a, c, err)))
			goto done;
		if (present)
			tar_file(tar, osmo_arena_sprintf(a, "%s/Chart.lock", base), data.ptr, data.len,
				 mtime);
	}
	const osmo_chart_file *f = chart_package_find(c, "values.yaml");
	if (f)
		tar_file(tar, osmo_arena_sprintf(a, "%s/values.yaml", base), f->data, f->len, mtime);
	if (c->schema) {
		osmo_value tmp;
		osmo_error jerr = { 0 };
		int bad = osmo_json_parse(&tmp, a, c->schema->data, c->schema->len, &jerr);
		osmo_error_dispose(&jerr);
		if (bad) { /* json.Valid */
			osmo_error_set(err, OSMO_EPARSE, "Invalid JSON in values.schema.json");
			rc = OSMO_EPARSE;
			goto done;
		}
		tar_file(tar, osmo_arena_sprintf(a, "%s/values.schema.json", base), c->schema->data,
			 c->schema->len, mtime);
	}
	for (size_t i = 0; i < c->templates.len; i++)
		tar_file(tar, osmo_arena_sprintf(a, "%s/%s", base, c->templates.v[i].name),
			 c->templates.v[i].data, c->templates.v[i].len, mtime);
	/* c.Files: what the loader did not claim, in walk order (v1 charts keep
	 * requirements.yaml/.lock there too). */
	for (size_t i = 0; i < c->all.len; i++) {
		const char *n = c->all.v[i].name;
		if (!strcmp(n, "Chart.yaml") || !strcmp(n, "values.yaml") ||
		    !strcmp(n, "values.schema.json") || !strcmp(n, "Chart.lock") ||
		    has_prefix(n, "templates/"))
			continue;
		if ((!strcmp(n, "requirements.yaml") || !strcmp(n, "requirements.lock")) && !v1)
			continue;
		if (has_prefix(n, "charts/")) {
			size_t l = strlen(n);
			if (l < 5 || strcmp(n + l - 5, ".prov"))
				continue;
		}
		tar_file(tar, osmo_arena_sprintf(a, "%s/%s", base, n), c->all.v[i].data,
			 c->all.v[i].len, mtime);
	}
	const char *sub = osmo_arena_sprintf(a, "%s/charts/", base);
	for (size_t i = 0; i < c->ndeps && !rc; i++)
		rc = write_chart(tar, c->deps[i], sub, opts, mtime, false, err);
done:
	osmo_buf_dispose(&data);
	osmo_arena_free(a);
	return rc;
}

/* ---- gzip -------------------------------------------------------------------- */

typedef struct gz_sink {
	osmo_buf *out;
} gz_sink;

static la_ssize_t gz_write(struct archive *ar, void *payload, const void *buf, size_t n)
{
	(void)ar;
	osmo_buf_put(((gz_sink *)payload)->out, buf, n);
	return (la_ssize_t)n;
}

/* Go's gzip.Writer header as Helm sets it: no mtime, OS unknown, Helm's
 * extra field and the comment "Helm". */
static const char helm_extra[] = "+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=";

static int gzip_helm(osmo_buf *out, const char *data, size_t len, osmo_error *err)
{
	osmo_buf gz = OSMO_BUF_INIT;
	gz_sink sink = { &gz };
	struct archive *ar = archive_write_new();
	struct archive_entry *e = archive_entry_new();
	int rc = 0;
	if (archive_write_add_filter_gzip(ar) != ARCHIVE_OK ||
	    archive_write_set_filter_option(ar, "gzip", "timestamp", NULL) != ARCHIVE_OK ||
	    archive_write_set_format_raw(ar) != ARCHIVE_OK ||
	    archive_write_set_bytes_in_last_block(ar, 1) != ARCHIVE_OK ||
	    archive_write_open(ar, &sink, NULL, gz_write, NULL) != ARCHIVE_OK)
		goto fail;
	archive_entry_set_pathname(e, "chart.tar");
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, (la_int64_t)len);
	if (archive_write_header(ar, e) != ARCHIVE_OK ||
	    archive_write_data(ar, data, len) != (la_ssize_t)len || archive_write_close(ar) != ARCHIVE_OK)
		goto fail;
	/* Swap libarchive's member header for Go's; the deflate data and the
	 * CRC/size trailer do not depend on it. */
	const unsigned char *g = (const unsigned char *)gz.ptr;
	if (gz.len < 18 || g[0] != 0x1f || g[1] != 0x8b)
		goto fail;
	size_t off = 10;
	unsigned flg = g[3];
	if (flg & 4)
		off += 2 + (size_t)(g[off] | g[off + 1] << 8);
	if (flg & 8)
		off += strlen((const char *)g + off) + 1;
	if (flg & 16)
		off += strlen((const char *)g + off) + 1;
	if (flg & 2)
		off += 2;
	size_t xl = sizeof(helm_extra) - 1;
	const unsigned char hdr[12] = { 0x1f, 0x8b, 8, 4 | 16, 0, 0, 0, 0, g[8], 0xff,
					(unsigned char)xl, (unsigned char)(xl >> 8) };
	osmo_buf_put(out, (const char *)hdr, sizeof(hdr));
	osmo_buf_put(out, helm_extra, xl);
	osmo_buf_put(out, "Helm", 5);
	osmo_buf_put(out, gz.ptr + off, gz.len - off);
	goto done;
fail:
	osmo_error_set(err, OSMO_ERROR, "gzip: %s",
		       archive_error_string(ar) ? archive_error_string(ar) : "compression failed");
	rc = OSMO_ERROR;
done:
	archive_entry_free(e);
	archive_write_free(ar);
	osmo_buf_dispose(&gz);
	return rc;
}

static int64_t entry_mtime(const osmo_package_options *opts)
{
	if (opts->mtime >= 0)
		return opts->mtime;
	const char *s = getenv("SOURCE_DATE_EPOCH");
	if (!s || !*s)
		return 0;
	char *end;
	long long v = strtoll(s, &end, 10);
	return *end || v < 0 ? 0 : v;
}

int osmo_package_archive(osmo_buf *out, const osmo_chart *chart, const osmo_package_options *opts,
			 osmo_error *err)
{
	osmo_package_options defaults = OSMO_PACKAGE_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	osmo_buf tar = OSMO_BUF_INIT;
	int rc = write_chart(&tar, chart, "", opts, entry_mtime(opts), true, err);
	if (!rc) {
		static const char end[2 * TAR_BLOCK];
		osmo_buf_put(&tar, end, sizeof(end));
		rc = gzip_helm(out, tar.ptr, tar.len, err);
	}
	osmo_buf_dispose(&tar);
	return rc;
}

/* ---- Action.Package.Run ------------------------------------------------------ */

/* filepath.Join(dir, file): joined then lexically cleaned. */
static char *path_join_clean(const char *dir, const char *file)
{
	size_t n = strlen(dir) + strlen(file) + 2;
	char *in = osmo_malloc(n), *out = osmo_malloc(n + 2);
	snprintf(in, n, "%s/%s", dir, file);
	bool abs = in[0] == '/';
	size_t o = 0;
	if (abs)
		out[o++] = '/';
	size_t root = o;
	for (const char *p = in; *p;) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		size_t l = strcspn(p, "/");
		if (l == 1 && p[0] == '.') {
			/* drop */
		} else if (l == 2 && p[0] == '.' && p[1] == '.' &&
			   !(o >= root + 2 && out[o - 1] == '.' && out[o - 2] == '.' &&
			     (o == root + 2 || out[o - 3] == '/')) &&
			   o > root) {
			while (o > root && out[o - 1] != '/')
				o--;
			if (o > root)
				o--;
		} else if (!(l == 2 && p[0] == '.' && p[1] == '.' && abs)) {
			if (o > root)
				out[o++] = '/';
			memcpy(out + o, p, l);
			o += l;
		}
		p += l;
	}
	if (!o)
		out[o++] = '.';
	out[o] = 0;
	free(in);
	return out;
}

static int mkdir_all(const char *dir, osmo_error *err)
{
	char *p = osmo_strdup(dir);
	int rc = 0;
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s)
			continue;
		char c = *s;
		*s = 0;
		struct stat st;
		if (stat(p, &st) != 0 && mkdir(p, 0755) != 0 && errno != EEXIST) {
			osmo_error_set(err, OSMO_EIO, "mkdir %s: %s", p, strerror(errno));
			rc = OSMO_EIO;
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return rc;
}

static int write_atomic(const char *path, const char *data, size_t len, osmo_error *err)
{
	char *tmp = osmo_malloc(strlen(path) + 16);
	const char *slash = strrchr(path, '/');
	size_t dl = slash ? (size_t)(slash - path + 1) : 0;
	sprintf(tmp, "%.*s.%s.XXXXXX", (int)dl, path, slash ? slash + 1 : path);
	int rc = 0;
	int fd = mkstemp(tmp);
	if (fd < 0) {
		osmo_error_set(err, OSMO_EIO, "open %s: %s", path, strerror(errno));
		free(tmp);
		return OSMO_EIO;
	}
	mode_t um = umask(0);
	umask(um);
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	if (off < len || fchmod(fd, 0666 & ~um) != 0 || fsync(fd) != 0) {
		osmo_error_set(err, OSMO_EIO, "write %s: %s", path, strerror(errno));
		rc = OSMO_EIO;
	}
	if (close(fd) != 0 && !rc) {
		osmo_error_set(err, OSMO_EIO, "write %s: %s", path, strerror(errno));
		rc = OSMO_EIO;
	}
	if (!rc && rename(tmp, path) != 0) {
		osmo_error_set(err, OSMO_EIO, "rename %s: %s", path, strerror(errno));
		rc = OSMO_EIO;
	}
	if (rc)
		unlink(tmp);
	free(tmp);
	return rc;
}

int osmo_package_save(char **path_out, const osmo_chart *chart, const osmo_package_options *opts,
		      osmo_error *err)
{
	osmo_package_options defaults = OSMO_PACKAGE_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	osmo_arena *a = osmo_arena_new();
	osmo_buf gz = OSMO_BUF_INIT;
	char *path = NULL, *cwd = NULL;
	osmo_value md;
	int rc = osmo_package_metadata(&md, a, chart, err);
	if (rc)
		goto done;
	const char *version = opts->set_version && *opts->set_version ? opts->set_version
									: get_str(md, "version");
	if ((rc = osmo_package_semver_check(version, err)))
		goto done;
	/* CheckDependencies: every Chart.yaml dependency must be in charts/ */
	osmo_value *deps = osmo_map_getc(md.u.map, "dependencies");
	osmo_buf missing = OSMO_BUF_INIT;
	for (size_t i = 0; deps && i < deps->u.list->len; i++) {
		const char *dn = get_str(deps->u.list->items[i], "name");
		bool found = false;
		for (size_t j = 0; j < chart->ndeps && !found; j++)
			found = !strcmp(osmo_chart_name(chart->deps[j]), dn);
		if (!found)
			osmo_buf_printf(&missing, "%s%s", missing.len ? ", " : "", dn);
	}
	if (missing.len) {
		osmo_error_set(err, OSMO_ENOTFOUND,
			       "found in Chart.yaml, but missing in charts/ directory: %s", missing.ptr);
		osmo_buf_dispose(&missing);
		rc = OSMO_ENOTFOUND;
		goto done;
	}
	if ((rc = osmo_package_archive(&gz, chart, opts, err)))
		goto done;
	const char *dest = opts->dest;
	if (!dest || !strcmp(dest, ".")) {
		cwd = getcwd(NULL, 0);
		if (!cwd) {
			osmo_error_set(err, OSMO_EIO, "getwd: %s", strerror(errno));
			rc = OSMO_EIO;
			goto done;
		}
		dest = cwd;
	}
	char *file = osmo_arena_sprintf(a, "%s-%s.tgz", osmo_chart_name(chart), version);
	path = path_join_clean(dest, file);
	char *dir = osmo_strdup(path);
	char *sl = strrchr(dir, '/');
	if (sl)
		*(sl == dir ? sl + 1 : sl) = 0;
	struct stat st;
	if (sl && stat(dir, &st) != 0)
		rc = mkdir_all(dir, err);
	else if (sl && !S_ISDIR(st.st_mode)) {
		osmo_error_set(err, OSMO_EIO, "failed to save: is not a directory: %s", dir);
		rc = OSMO_EIO;
	}
	free(dir);
	if (!rc)
		rc = write_atomic(path, gz.ptr, gz.len, err);
done:
	free(cwd);
	osmo_buf_dispose(&gz);
	osmo_arena_free(a);
	if (rc) {
		free(path);
		return rc;
	}
	*path_out = path;
	return 0;
}
