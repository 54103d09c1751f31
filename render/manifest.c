/* manifest.c - SplitManifests, SimpleHead parsing, hook detection and the
 * InstallOrder kind sort of Helm v3 (pkg/releaseutil). */
#include "osmo/manifest.h"
#include "osmo/yaml.h"
#include "yaml_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct doclist {
	osmo_manifest_doc *v;
	size_t len, cap;
} doclist;

struct osmo_manifest_set {
	osmo_arena *arena;
	doclist docs;
	doclist hooks;
	const char *prefix;
	size_t prefix_len;
	doclist crds;
	char **owned; /* adopted file buffers (documents point into them) */
	size_t nowned;
};

/* Helm v3 releaseutil.InstallOrder. */
static const char *const install_order[] = {
	"PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange",
	"PodSecurityPolicy", "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList",
	"ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim",
	"CustomResourceDefinition", "ClusterRole", "ClusterRoleList", "ClusterRoleBinding",
	"ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList", "Service",
	"DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
	"HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress",
	"APIService",
};

/* Hook events Helm v3 recognises; documents naming none of them are dropped. */
static const char *const hook_events[] = {
	"pre-install", "post-install", "pre-delete", "post-delete", "pre-upgrade",
	"post-upgrade", "pre-rollback", "post-rollback", "test", "test-success",
};

int osmo_manifest_kind_rank(const char *kind)
{
	for (size_t i = 0; i < sizeof(install_order) / sizeof(install_order[0]); i++)
		if (!strcmp(kind, install_order[i]))
			return (int)i;
	return -1;
}

osmo_manifest_set *osmo_manifest_set_new(void)
{
	osmo_manifest_set *s = osmo_calloc(1, sizeof(*s));
	s->arena = osmo_arena_new();
	return s;
}

void osmo_manifest_set_free(osmo_manifest_set *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nowned; i++)
		free(s->owned[i]);
	free(s->owned);
	osmo_arena_free(s->arena);
	free(s);
}

static void push(osmo_arena *a, doclist *l, osmo_manifest_doc d)
{
	if (l->len == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		l->v = osmo_arena_realloc(a, l->v, l->cap * sizeof(*l->v), cap * sizeof(*l->v));
		l->cap = cap;
	}
	l->v[l->len++] = d;
}

/* Go's unicode.IsSpace restricted to what strings.TrimSpace trims in ASCII
 * plus the regexp \s class ([\t\n\f\r ]) used by the separator. */
static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
static bool is_re_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void trim(const char **p, size_t *n)
{
	while (*n && is_ws(**p)) {
		(*p)++;
		(*n)--;
	}
	while (*n && is_ws((*p)[*n - 1]))
		(*n)--;
}

static const char *str_field(osmo_arena *a, osmo_value *v)
{
	if (v && osmo_is_string(*v))
		return v->u.s.ptr;
	(void)a;
	return "";
}

static const char *json_kind(osmo_value v)
{
	switch (v.type) {
	case OSMO_V_LIST:
		return "array";
	case OSMO_V_STRING:
		return "string";
	case OSMO_V_BOOL:
		return "bool";
	case OSMO_V_MAP:
		return "object";
	default:
		return "number";
	}
}

/* encoding/json's first type error decoding into releaseutil.SimpleHead
 * (keys visit in sorted order: apiVersion, kind, metadata). */
static const char *head_type_error(const osmo_map *m, char *msg, size_t cap)
{
	static const char *const md_type =
		"struct { Name string \"json:\\\"name\\\"\"; Annotations map[string]string \"json:\\\"annotations\\\"\" }";
	const char *const strs[] = { "apiVersion", "kind" };
	for (int i = 0; i < 2; i++) {
		osmo_value *v = osmo_map_getc(m, strs[i]);
		/* sigs.k8s.io/yaml turns scalars into strings for string fields;
		 * only lists and maps fail */
		if (v && (v->type == OSMO_V_LIST || v->type == OSMO_V_MAP)) {
			snprintf(msg, cap, "%s into Go struct field SimpleHead.%s of type string",
				 json_kind(*v), strs[i]);
			return msg;
		}
	}
	osmo_value *md = osmo_map_getc(m, "metadata");
	if (!md || md->type == OSMO_V_NULL)
		return NULL;
	if (md->type != OSMO_V_MAP) {
		snprintf(msg, cap, "%s into Go struct field SimpleHead.metadata of type %s",
			 json_kind(*md), md_type);
		return msg;
	}
	osmo_value *ann = osmo_map_getc(md->u.map, "annotations");
	if (ann && ann->type != OSMO_V_NULL) {
		if (ann->type != OSMO_V_MAP) {
			snprintf(msg, cap,
				 "%s into Go struct field .metadata.annotations of type map[string]string",
				 json_kind(*ann));
			return msg;
		}
		for (size_t i = 0; i < ann->u.map->len; i++) {
			osmo_value a = ann->u.map->ents[i].val;
			if (a.type == OSMO_V_LIST || a.type == OSMO_V_MAP) {
				snprintf(msg, cap,
					 "%s into Go struct field .metadata.annotations of type string",
					 json_kind(a));
				return msg;
			}
		}
	}
	osmo_value *name = osmo_map_getc(md->u.map, "name");
	if (name && (name->type == OSMO_V_LIST || name->type == OSMO_V_MAP)) {
		snprintf(msg, cap, "%s into Go struct field .metadata.name of type string",
			 json_kind(*name));
		return msg;
	}
	return NULL;
}

static int add_doc(osmo_manifest_set *s, const char *source, const char *p, size_t n,
		   bool inplace, osmo_error *err)
{
	osmo_manifest_doc d = { 0 };
	d.source = source;
	if (inplace) {
		/* p[n] is trailing space (or the end) the splitter is done with */
		((char *)p)[n] = 0;
		d.content = p;
	} else {
		d.content = osmo_arena_strndup(s->arena, p, n);
	}
	d.len = n;
	osmo_error yerr = { 0 };
	/* only SimpleHead's fields are read; the rest is still checked */
	static const char *const head_keys[] = { "apiVersion", "kind", "metadata", NULL };
	int rc = osmo_yaml_load_head(&d.head, s->arena, d.content, n, source, head_keys, &yerr);
	if (rc) {
		osmo_error_set(err, OSMO_EPARSE,
			       "YAML parse error on %s: %s", source,
			       yerr.msg ? yerr.msg : "invalid YAML");
		osmo_error_dispose(&yerr);
		return OSMO_EPARSE;
	}
	if (d.head.type != OSMO_V_MAP && d.head.type != OSMO_V_NULL) {
		const char *k = d.head.type == OSMO_V_LIST     ? "array"
				: d.head.type == OSMO_V_STRING ? "string"
				: d.head.type == OSMO_V_BOOL   ? "bool"
							       : "number";
		osmo_error_set(err, OSMO_EPARSE,
			       "YAML parse error on %s: error unmarshaling JSON: while decoding JSON: "
			       "json: cannot unmarshal %s into Go value of type releaseutil.SimpleHead",
			       source, k);
		return OSMO_EPARSE;
	}
	const osmo_map *m = d.head.type == OSMO_V_MAP ? d.head.u.map : NULL;
	char fbuf[320];
	const char *field = head_type_error(m, fbuf, sizeof(fbuf));
	if (field) {
		osmo_error_set(err, OSMO_EPARSE,
			       "YAML parse error on %s: error unmarshaling JSON: while decoding JSON: "
			       "json: cannot unmarshal %s",
			       source, field);
		return OSMO_EPARSE;
	}
	d.kind = str_field(s->arena, osmo_map_getc(m, "kind"));
	d.api_version = str_field(s->arena, osmo_map_getc(m, "apiVersion"));
	osmo_value *md = osmo_map_getc(m, "metadata");
	const osmo_map *mm = md && md->type == OSMO_V_MAP ? md->u.map : NULL;
	d.name = str_field(s->arena, osmo_map_getc(mm, "name"));
	osmo_value *ann = osmo_map_getc(mm, "annotations");
	osmo_value *hook = ann && ann->type == OSMO_V_MAP ? osmo_map_getc(ann->u.map, "helm.sh/hook")
							  : NULL;
	if (hook) {
		/* A hook naming any unknown event is skipped, as Helm does
		 * ("info: skipping unknown hook"); names are trimmed and lowercased. */
		const char *h = str_field(s->arena, hook);
		bool unknown = false, test = false;
		const char *q = h;
		do {
			const char *e = strchr(q, ',');
			size_t len = e ? (size_t)(e - q) : strlen(q);
			const char *t = q;
			size_t tl = len;
			trim(&t, &tl);
			bool known = false;
			for (size_t i = 0; i < sizeof(hook_events) / sizeof(hook_events[0]); i++)
				if (strlen(hook_events[i]) == tl && !strncasecmp(hook_events[i], t, tl)) {
					known = true;
					test |= i >= 8; /* test, test-success */
				}
			unknown |= !known;
			q += len + (e ? 1 : 0);
			if (!e)
				break;
		} while (1);
		if (unknown)
			fprintf(stderr, "manifest_sorter.go:190: info: skipping unknown hook: \"%s\"\n", h);
		if (!unknown) {
			d.hook = h;
			d.is_test_hook = test;
			push(s->arena, &s->hooks, d);
		}
		return 0;
	}
	push(s->arena, &s->docs, d);
	return 0;
}

void osmo_manifest_split(const char *text, size_t len,
			 int (*cb)(void *payload, const char *doc, size_t len), void *payload,
			 int *rc_out)
{
	const char *p = text;
	size_t n = len;
	int rc = 0;
	trim(&p, &n);
	const char *end = p + n, *start = p, *q = p;
	/* (?:^|\s*\n)---\s* : a leading "---" or one after a newline */
	if (n >= 3 && !memcmp(p, "---", 3)) {
		q = p + 3;
		while (q < end && is_re_space(*q))
			q++;
		start = q;
	}
	while (q < end && !rc) {
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		if (!nl)
			break;
		if (end - nl >= 4 && !memcmp(nl + 1, "---", 3)) {
			const char *piece = start;
			size_t plen = (size_t)(nl - piece);
			trim(&piece, &plen);
			if (plen)
				rc = cb(payload, piece, plen);
			q = nl + 4;
			while (q < end && is_re_space(*q))
				q++;
			start = q;
			continue;
		}
		q = nl + 1;
	}
	if (!rc) {
		const char *piece = start;
		size_t plen = (size_t)(end - piece);
		trim(&piece, &plen);
		if (plen)
			rc = cb(payload, piece, plen);
	}
	if (rc_out)
		*rc_out = rc;
}

typedef struct add_ctx {
	osmo_manifest_set *s;
	const char *source;
	osmo_error *err;
	bool inplace;
} add_ctx;

static int add_cb(void *payload, const char *doc, size_t len)
{
	add_ctx *c = payload;
	return add_doc(c->s, c->source, doc, len, c->inplace, c->err);
}

int osmo_manifest_set_add_file_buf(osmo_manifest_set *s, const char *source, osmo_buf *b,
				   osmo_error *err)
{
	const char *base = strrchr(source, '/');
	base = base ? base + 1 : source;
	if (base[0] == '_' || !b->ptr) {
		osmo_buf_dispose(b);
		return 0;
	}
	s->owned = osmo_realloc(s->owned, (s->nowned + 1) * sizeof *s->owned);
	s->owned[s->nowned++] = b->ptr;
	size_t len = b->len;
	char *text = osmo_buf_detach(b);
	add_ctx c = { s, osmo_arena_strdup(s->arena, source), err, true };
	int rc = 0;
	osmo_manifest_split(text, len, add_cb, &c, &rc);
	return rc;
}

int osmo_manifest_set_add_file(osmo_manifest_set *s, const char *source, const char *content,
			       size_t len, osmo_error *err)
{
	const char *base = strrchr(source, '/');
	base = base ? base + 1 : source;
	if (base[0] == '_')
		return 0;
	add_ctx c = { s, osmo_arena_strdup(s->arena, source), err, false };
	int rc = 0;
	osmo_manifest_split(content, len, add_cb, &c, &rc);
	return rc;
}

typedef struct keyed {
	osmo_manifest_doc d;
	size_t seq;
	int rank;
} keyed;

static int cmp_file(const void *x, const void *y)
{
	const keyed *a = x, *b = y;
	int c = strcmp(a->d.source, b->d.source);
	if (c)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* lessByKind: known kinds by rank, unknown after them alphabetically; ties
 * keep their order (seq makes qsort stable). */
static int cmp_kind(const void *x, const void *y)
{
	const keyed *a = x, *b = y;
	if (a->rank >= 0 || b->rank >= 0) {
		if (a->rank < 0)
			return 1;
		if (b->rank < 0)
			return -1;
		if (a->rank != b->rank)
			return a->rank < b->rank ? -1 : 1;
	} else {
		int c = strcmp(a->d.kind, b->d.kind);
		if (c)
			return c;
	}
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void sort_list(doclist *l)
{
	keyed *k = osmo_malloc((l->len ? l->len : 1) * sizeof(*k));
	for (size_t i = 0; i < l->len; i++) {
		k[i].d = l->v[i];
		k[i].seq = i;
		k[i].rank = osmo_manifest_kind_rank(l->v[i].kind);
	}
	qsort(k, l->len, sizeof(*k), cmp_file);
	for (size_t i = 0; i < l->len; i++)
		k[i].seq = i;
	qsort(k, l->len, sizeof(*k), cmp_kind);
	for (size_t i = 0; i < l->len; i++)
		l->v[i] = k[i].d;
	free(k);
}

void osmo_manifest_set_sort(osmo_manifest_set *s)
{
	sort_list(&s->docs);
	sort_list(&s->hooks);
}

size_t osmo_manifest_set_count(const osmo_manifest_set *s)
{
	return s->docs.len;
}

const osmo_manifest_doc *osmo_manifest_set_doc(const osmo_manifest_set *s, size_t i)
{
	return i < s->docs.len ? &s->docs.v[i] : NULL;
}

size_t osmo_manifest_set_hook_count(const osmo_manifest_set *s)
{
	return s->hooks.len;
}

const osmo_manifest_doc *osmo_manifest_set_hook(const osmo_manifest_set *s, size_t i)
{
	return i < s->hooks.len ? &s->hooks.v[i] : NULL;
}

void osmo_manifest_set_set_prefix(osmo_manifest_set *s, const char *text, size_t len)
{
	s->prefix = osmo_arena_strndup(s->arena, text, len);
	s->prefix_len = len;
}

const char *osmo_manifest_set_prefix(const osmo_manifest_set *s, size_t *len)
{
	*len = s->prefix_len;
	return s->prefix ? s->prefix : "";
}

void osmo_manifest_set_add_crd(osmo_manifest_set *s, const char *source, const char *data,
			       size_t len)
{
	osmo_manifest_doc d = { 0 };
	d.source = osmo_arena_strdup(s->arena, source);
	d.content = osmo_arena_strndup(s->arena, data, len);
	d.len = len;
	d.kind = d.api_version = d.name = "";
	push(s->arena, &s->crds, d);
}

size_t osmo_manifest_set_crd_count(const osmo_manifest_set *s)
{
	return s->crds.len;
}

const osmo_manifest_doc *osmo_manifest_set_crd(const osmo_manifest_set *s, size_t i)
{
	return i < s->crds.len ? &s->crds.v[i] : NULL;
}
