/* manifest.h - Helm v3's post-render pipeline: split each rendered file into
 * documents (releaseutil.SplitManifests), read each document's head
 * (apiVersion, kind, metadata.name, annotations), separate hooks, and order
 * everything by InstallOrder exactly as `helm template` prints it.
 *
 * Ownership: a manifest set owns its documents (its own arena).
 */
#ifndef OSMO_MANIFEST_H
#define OSMO_MANIFEST_H

#include "osmo/value.h"

typedef struct osmo_manifest_doc {
	const char *source;  /* "<chart>/templates/x.yaml" */
	const char *content; /* trimmed document text, NUL-terminated */
	size_t len;
	const char *kind;    /* "" when absent */
	const char *api_version;
	const char *name;    /* metadata.name or "" */
	const char *hook;    /* helm.sh/hook annotation value, NULL if not a hook */
	bool is_test_hook;   /* one of its events is "test" (--skip-tests drops it) */
	osmo_value head;     /* the parsed document (map) or null */
} osmo_manifest_doc;

typedef struct osmo_manifest_set osmo_manifest_set;

osmo_manifest_set *osmo_manifest_set_new(void);
void osmo_manifest_set_free(osmo_manifest_set *s);

/* Add one rendered file (already <no value>-stripped).  Files whose basename
 * starts with '_' or whose content is blank are skipped, as Helm does.
 * Errors: "YAML parse error on <source>: ..." */
int osmo_manifest_set_add_file(osmo_manifest_set *s, const char *source, const char *content,
			       size_t len, osmo_error *err);
/* The same, taking over b's memory (b is left empty): documents point into
 * it instead of being copied. */
int osmo_manifest_set_add_file_buf(osmo_manifest_set *s, const char *source, osmo_buf *b,
				   osmo_error *err);
/* releaseutil.SplitManifests: TrimSpace the text, split on
 * (?:^|\s*\n)---\s* and call cb for each non-empty TrimSpace'd piece in
 * order; a non-zero cb result stops the split and lands in *rc (may be NULL). */
void osmo_manifest_split(const char *text, size_t len,
			 int (*cb)(void *payload, const char *doc, size_t len), void *payload,
			 int *rc);

/* Sort: files by path, then stable by InstallOrder (hooks separately). */
void osmo_manifest_set_sort(osmo_manifest_set *s);

size_t osmo_manifest_set_count(const osmo_manifest_set *s);
const osmo_manifest_doc *osmo_manifest_set_doc(const osmo_manifest_set *s, size_t i);
size_t osmo_manifest_set_hook_count(const osmo_manifest_set *s);
const osmo_manifest_doc *osmo_manifest_set_hook(const osmo_manifest_set *s, size_t i);

/* CRD files (--include-crds) kept whole, unsplit, for --output-dir. */
void osmo_manifest_set_add_crd(osmo_manifest_set *s, const char *source, const char *data,
			       size_t len);
size_t osmo_manifest_set_crd_count(const osmo_manifest_set *s);
const osmo_manifest_doc *osmo_manifest_set_crd(const osmo_manifest_set *s, size_t i);

/* Raw text printed before the sorted documents (CRDs with --include-crds). */
void osmo_manifest_set_set_prefix(osmo_manifest_set *s, const char *text, size_t len);
const char *osmo_manifest_set_prefix(const osmo_manifest_set *s, size_t *len);

/* InstallOrder rank of a kind, or -1 for kinds Helm does not know. */
int osmo_manifest_kind_rank(const char *kind);

#endif
