/* release_caps.c - `.Chart` (v3: struct { chart.Metadata; IsRoot bool },
 * unknown fields are errors) and `.Capabilities` (*chartutil.Capabilities:
 * KubeVersion, APIVersions with .Has, HelmVersion) as Helm 3.17.2 builds them
 * for client-only rendering. */
#include "osmo/release.h"
#include "osmo/funcs.h"
#include "osmo/gofmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- .Chart ------------------------------------------------------------- */

/* A Go struct described by its fields: Go name, JSON key, zero kind
 * ('s' string, 'l' []string, 'b' bool, 'm' map[string]string, 'M'
 * []*Maintainer, 'D' []*Dependency, 'a' []interface{}) and whether the JSON
 * tag has omitempty. */
typedef struct sfield {
	const char *go, *json;
	char kind;
	bool omitempty;
} sfield;

static const sfield metadata_fields[] = {
	{ "Name", "name", 's', true },		  { "Home", "home", 's', true },
	{ "Sources", "sources", 'l', true },	  { "Version", "version", 's', true },
	{ "Description", "description", 's', true }, { "Keywords", "keywords", 'l', true },
	{ "Maintainers", "maintainers", 'M', true }, { "Icon", "icon", 's', true },
	{ "APIVersion", "apiVersion", 's', true }, { "Condition", "condition", 's', true },
	{ "Tags", "tags", 's', true },		  { "AppVersion", "appVersion", 's', true },
	{ "Deprecated", "deprecated", 'b', true }, { "Annotations", "annotations", 'm', true },
	{ "KubeVersion", "kubeVersion", 's', true }, { "Dependencies", "dependencies", 'D', true },
	{ "Type", "type", 's', true },		  { NULL, NULL, 0, false },
};

static const sfield maintainer_fields[] = {
	{ "Name", "name", 's', true }, { "Email", "email", 's', true }, { "URL", "url", 's', true },
	{ NULL, NULL, 0, false },
};

static const sfield dependency_fields[] = {
	{ "Name", "name", 's', false },	       { "Version", "version", 's', true },
	{ "Repository", "repository", 's', false }, { "Condition", "condition", 's', true },
	{ "Tags", "tags", 'l', true },	       { "Enabled", "enabled", 'b', true },
	{ "ImportValues", "import-values", 'a', true }, { "Alias", "alias", 's', true },
	{ NULL, NULL, 0, false },
};

typedef struct struct_obj {
	const sfield *fields;
	osmo_value map; /* typed values by JSON key */
	bool is_chart, is_root;
} struct_obj;

static const osmo_object_class maintainer_class, dependency_class;

static osmo_value wrap_struct(osmo_arena *a, const osmo_object_class *cls, const sfield *f,
			      osmo_value m)
{
	struct_obj *o = osmo_arena_alloc(a, sizeof(*o));
	o->fields = f;
	o->map = m;
	return osmo_object_new(a, cls, o);
}

/* The value of one field: the typed Chart.yaml value or the Go zero value;
 * slices of *Maintainer / *Dependency become objects. */
static osmo_value field_value(osmo_arena *a, const struct_obj *o, const sfield *f)
{
	osmo_value *v = o->map.type == OSMO_V_MAP ? osmo_map_getc(o->map.u.map, f->json) : NULL;
	if (v && v->type != OSMO_V_NULL) {
		if ((f->kind == 'M' || f->kind == 'D') && v->type == OSMO_V_LIST) {
			osmo_value l = osmo_list_new(a, v->u.list->len);
			for (size_t i = 0; i < v->u.list->len; i++)
				osmo_list_push(a, l.u.list,
					       f->kind == 'M'
						       ? wrap_struct(a, &maintainer_class, maintainer_fields,
								     v->u.list->items[i])
						       : wrap_struct(a, &dependency_class, dependency_fields,
								     v->u.list->items[i]));
			return l;
		}
		return *v;
	}
	osmo_value z;
	switch (f->kind) {
	case 's':
		return osmo_str_ref("", 0);
	case 'b':
		return osmo_bool(false);
	case 'm':
		z = osmo_map_new(a, 0);
		z.sub = OSMO_GO_STRMAP;
		z.u.map->is_nil = true;
		return z;
	default:
		z = osmo_list_new(a, 0);
		if (f->kind == 'l')
			z.sub = OSMO_GO_STRLIST;
		z.u.list->is_nil = true;
		return z;
	}
}

static int struct_field(osmo_value *out, osmo_fnctx *ctx, const osmo_object *obj, const char *name)
{
	const struct_obj *o = obj->data;
	if (o->is_chart && !strcmp(name, "IsRoot")) {
		*out = osmo_bool(o->is_root);
		return 0;
	}
	for (const sfield *f = o->fields; f->go; f++) {
		if (!strcmp(name, f->go)) {
			*out = field_value(ctx->arena, o, f);
			return 0;
		}
	}
	return OSMO_ENOTFOUND;
}

static bool is_empty(osmo_value v)
{
	return !osmo_value_truth(v) && v.type != OSMO_V_OBJECT;
}

/* fmt %v of the struct: {f1 f2 ...}; slices of pointers print addresses in
 * Go, which we cannot reproduce: a fixed Go-looking address stands in. */
static void struct_print(osmo_buf *b, const osmo_object *obj)
{
	const struct_obj *o = obj->data;
	osmo_arena *a = osmo_arena_new();
	osmo_fnctx ctx = { a, NULL, "", NULL };
	if (o->is_chart)
		osmo_buf_putc(b, '{');
	osmo_buf_putc(b, '{');
	for (const sfield *f = o->fields; f->go; f++) {
		if (f != o->fields)
			osmo_buf_putc(b, ' ');
		osmo_value v = field_value(a, o, f);
		if (f->kind == 'M' || f->kind == 'D') {
			osmo_buf_putc(b, '[');
			for (size_t i = 0; i < v.u.list->len; i++)
				osmo_buf_puts(b, i ? " 0xc000123450" : "0xc000123450");
			osmo_buf_putc(b, ']');
		} else {
			osmo_gofmt_value(b, v);
		}
	}
	osmo_buf_putc(b, '}');
	if (o->is_chart)
		osmo_buf_printf(b, " %s}", o->is_root ? "true" : "false");
	(void)ctx;
	osmo_arena_free(a);
}

/* encoding/json view: fields in declaration order, omitempty honoured. */
static int struct_marshal(osmo_value *out, osmo_arena *a, const osmo_object *obj)
{
	const struct_obj *o = obj->data;
	*out = osmo_list_new(a, 40);
	out->sub = OSMO_GO_STRUCTVIEW;
	for (const sfield *f = o->fields; f->go; f++) {
		osmo_value v = field_value(a, o, f);
		if (f->omitempty && is_empty(v))
			continue;
		osmo_list_push(a, out->u.list, osmo_str_ref(f->json, strlen(f->json)));
		osmo_list_push(a, out->u.list, v);
	}
	if (o->is_chart) {
		osmo_list_push(a, out->u.list, osmo_str_ref("IsRoot", 6));
		osmo_list_push(a, out->u.list, osmo_bool(o->is_root));
	}
	return 0;
}

static const osmo_object_class chart_class = {
	"struct { chart.Metadata; IsRoot bool }", "struct", struct_field, NULL, struct_print,
	struct_marshal, NULL,
};
static const osmo_object_class maintainer_class = {
	"*chart.Maintainer", "ptr", struct_field, NULL, struct_print, struct_marshal, NULL,
};
static const osmo_object_class dependency_class = {
	"*chart.Dependency", "ptr", struct_field, NULL, struct_print, struct_marshal, NULL,
};

osmo_value osmo_release_chart_object(osmo_arena *a, osmo_value metadata, bool is_root)
{
	struct_obj *o = osmo_arena_alloc(a, sizeof(*o));
	o->fields = metadata_fields;
	o->map = metadata;
	o->is_chart = true;
	o->is_root = is_root;
	return osmo_object_new(a, &chart_class, o);
}

/* ---- .Capabilities -------------------------------------------------------- */

/* Helm 3.17.2's client-only defaults (observed with the reference binary). */
#define DEFAULT_KUBE_VERSION "v1.32.0"
static const char *const default_api_versions[] = {
	"v1", "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1alpha1",
	"admissionregistration.k8s.io/v1beta1", "internal.apiserver.k8s.io/v1alpha1", "apps/v1",
	"apps/v1beta1", "apps/v1beta2", "authentication.k8s.io/v1",
	"authentication.k8s.io/v1alpha1", "authentication.k8s.io/v1beta1",
	"authorization.k8s.io/v1", "authorization.k8s.io/v1beta1", "autoscaling/v1",
	"autoscaling/v2", "autoscaling/v2beta1", "autoscaling/v2beta2", "batch/v1",
	"batch/v1beta1", "certificates.k8s.io/v1", "certificates.k8s.io/v1beta1",
	"certificates.k8s.io/v1alpha1", "coordination.k8s.io/v1alpha2",
	"coordination.k8s.io/v1beta1", "coordination.k8s.io/v1", "discovery.k8s.io/v1",
	"discovery.k8s.io/v1beta1", "events.k8s.io/v1", "events.k8s.io/v1beta1",
	"extensions/v1beta1", "flowcontrol.apiserver.k8s.io/v1",
	"flowcontrol.apiserver.k8s.io/v1beta1", "flowcontrol.apiserver.k8s.io/v1beta2",
	"flowcontrol.apiserver.k8s.io/v1beta3", "networking.k8s.io/v1",
	"networking.k8s.io/v1alpha1", "networking.k8s.io/v1beta1", "node.k8s.io/v1",
	"node.k8s.io/v1alpha1", "node.k8s.io/v1beta1", "policy/v1", "policy/v1beta1",
	"rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1",
	"rbac.authorization.k8s.io/v1alpha1", "resource.k8s.io/v1beta1",
	"resource.k8s.io/v1alpha3", "scheduling.k8s.io/v1alpha1", "scheduling.k8s.io/v1beta1",
	"scheduling.k8s.io/v1", "storage.k8s.io/v1beta1", "storage.k8s.io/v1",
	"storage.k8s.io/v1alpha1", "storagemigration.k8s.io/v1alpha1",
	"apiextensions.k8s.io/v1beta1", "apiextensions.k8s.io/v1",
};

typedef struct kube_version {
	const char *version, *major, *minor;
} kube_version;

typedef struct caps_obj {
	kube_version kv;
	osmo_value api_versions; /* []string */
} caps_obj;

static int kv_field(osmo_value *out, osmo_fnctx *ctx, const osmo_object *obj, const char *name)
{
	(void)ctx;
	const kube_version *kv = obj->data;
	const char *s = !strcmp(name, "Version") || !strcmp(name, "GitVersion") ||
				!strcmp(name, "String")
			? kv->version
		: !strcmp(name, "Major") ? kv->major
		: !strcmp(name, "Minor") ? kv->minor
					 : NULL;
	if (!s)
		return OSMO_ENOTFOUND;
	*out = osmo_str_ref(s, strlen(s));
	return 0;
}

static void kv_print(osmo_buf *b, const osmo_object *obj)
{
	const kube_version *kv = obj->data;
	osmo_buf_printf(b, "{%s %s %s}", kv->version, kv->major, kv->minor);
}

static void kv_string(osmo_buf *b, const osmo_object *obj)
{
	osmo_buf_puts(b, ((const kube_version *)obj->data)->version);
}

static int kv_marshal(osmo_value *out, osmo_arena *a, const osmo_object *obj)
{
	const kube_version *kv = obj->data;
	*out = osmo_map_new(a, 3);
	osmo_map_setc(a, out->u.map, "Version", osmo_cstring(a, kv->version));
	osmo_map_setc(a, out->u.map, "Major", osmo_cstring(a, kv->major));
	osmo_map_setc(a, out->u.map, "Minor", osmo_cstring(a, kv->minor));
	return 0;
}

static const osmo_object_class kv_class = { "chartutil.KubeVersion", "struct", kv_field, NULL,
					    kv_print, kv_marshal, kv_string };

static int vs_method(osmo_value *out, osmo_fnctx *ctx, const osmo_object *obj, const char *name,
		     int argc, const osmo_value *argv)
{
	if (strcmp(name, "Has"))
		return OSMO_ENOTFOUND;
	if (argc != 1 || !osmo_is_string(argv[0]))
		return osmo_fn_errorf(ctx, "wrong number of args for Has: want 1 got %d", argc);
	const osmo_list *l = ((const osmo_value *)obj->data)->u.list;
	for (size_t i = 0; i < l->len; i++) {
		if (l->items[i].u.s.len == argv[0].u.s.len &&
		    !memcmp(l->items[i].u.s.ptr, argv[0].u.s.ptr, argv[0].u.s.len)) {
			*out = osmo_bool(true);
			return 0;
		}
	}
	*out = osmo_bool(false);
	return 0;
}

static int vs_field(osmo_value *out, osmo_fnctx *ctx, const osmo_object *obj, const char *name)
{
	(void)out;
	(void)ctx;
	(void)obj;
	(void)name;
	return OSMO_ENOTFOUND;
}

static void vs_print(osmo_buf *b, const osmo_object *obj)
{
	const osmo_list *l = ((const osmo_value *)obj->data)->u.list;
	osmo_buf_putc(b, '[');
	for (size_t i = 0; i < l->len; i++) {
		if (i)
			osmo_buf_putc(b, ' ');
		osmo_buf_put(b, l->items[i].u.s.ptr, l->items[i].u.s.len);
	}
	osmo_buf_putc(b, ']');
}

static int vs_marshal(osmo_value *out, osmo_arena *a, const osmo_object *obj)
{
	(void)a;
	*out = *(const osmo_value *)obj->data;
	return 0;
}

static const osmo_object_class vs_class = { "chartutil.VersionSet", "slice", vs_field, vs_method,
					    vs_print, vs_marshal, NULL };

typedef struct helm_version {
	const char *version, *commit, *tree, *go;
} helm_version;

static const helm_version helm_build = { "v3.17.2", "cc0bbbd6d6276b83880042c1ecb34087e84d41eb",
					 "clean", "go1.23.7" };

static int hv_field(osmo_value *out, osmo_fnctx *ctx, const osmo_object *obj, const char *name)
{
	(void)ctx;
	const helm_version *h = obj->data;
	const char *s = !strcmp(name, "Version")       ? h->version
			: !strcmp(name, "GitCommit")    ? h->commit
			: !strcmp(name, "GitTreeState") ? h->tree
			: !strcmp(name, "GoVersion")    ? h->go
							: NULL;
	if (!s)
		return OSMO_ENOTFOUND;
	*out = osmo_str_ref(s, strlen(s));
	return 0;
}

static void hv_print(osmo_buf *b, const osmo_object *obj)
{
	const helm_version *h = obj->data;
	osmo_buf_printf(b, "{%s %s %s %s}", h->version, h->commit, h->tree, h->go);
}

static int hv_marshal(osmo_value *out, osmo_arena *a, const osmo_object *obj)
{
	const helm_version *h = obj->data;
	*out = osmo_map_new(a, 4);
	osmo_map_setc(a, out->u.map, "version", osmo_cstring(a, h->version));
	osmo_map_setc(a, out->u.map, "git_commit", osmo_cstring(a, h->commit));
	osmo_map_setc(a, out->u.map, "git_tree_state", osmo_cstring(a, h->tree));
	osmo_map_setc(a, out->u.map, "go_version", osmo_cstring(a, h->go));
	return 0;
}

static const osmo_object_class hv_class = { "version.BuildInfo", "struct", hv_field, NULL,
					    hv_print, hv_marshal, NULL };

static int caps_field(osmo_value *out, osmo_fnctx *ctx, const osmo_object *obj, const char *name)
{
	caps_obj *c = obj->data;
	if (!strcmp(name, "KubeVersion"))
		*out = osmo_object_new(ctx->arena, &kv_class, &c->kv);
	else if (!strcmp(name, "APIVersions"))
		*out = osmo_object_new(ctx->arena, &vs_class, &c->api_versions);
	else if (!strcmp(name, "HelmVersion"))
		*out = osmo_object_new(ctx->arena, &hv_class, (void *)&helm_build);
	else
		return OSMO_ENOTFOUND;
	return 0;
}

static void caps_print(osmo_buf *b, const osmo_object *obj)
{
	const caps_obj *c = obj->data;
	osmo_buf_printf(b, "&{%p {%s %s %s} ", (const void *)c, c->kv.version, c->kv.major,
			c->kv.minor);
	osmo_object o = { &hv_class, (void *)&helm_build };
	hv_print(b, &o);
	osmo_buf_putc(b, '}');
}

static int caps_marshal(osmo_value *out, osmo_arena *a, const osmo_object *obj)
{
	caps_obj *c = obj->data;
	*out = osmo_map_new(a, 3);
	osmo_value kv, hv;
	osmo_object ko = { &kv_class, &c->kv }, ho = { &hv_class, (void *)&helm_build };
	kv_marshal(&kv, a, &ko);
	hv_marshal(&hv, a, &ho);
	osmo_map_setc(a, out->u.map, "KubeVersion", kv);
	osmo_map_setc(a, out->u.map, "APIVersions", c->api_versions);
	osmo_map_setc(a, out->u.map, "HelmVersion", hv);
	return 0;
}

static const osmo_object_class caps_class = { "*chartutil.Capabilities", "ptr", caps_field, NULL,
					      caps_print, caps_marshal, NULL };

/* --kube-version takes "1.30", "v1.30" or "1.30.2" (semver, 'v' optional);
 * Helm stores Version as "v<major>.<minor>.<patch>". */
static int parse_kube_version(kube_version *kv, osmo_arena *a, const char *s, osmo_error *err)
{
	const char *p = s[0] == 'v' ? s + 1 : s;
	unsigned long maj, min = 0, pat = 0;
	char *e;
	maj = strtoul(p, &e, 10);
	if (e == p)
		goto bad;
	if (*e == '.') {
		p = e + 1;
		min = strtoul(p, &e, 10);
		if (e == p)
			goto bad;
		if (*e == '.') {
			p = e + 1;
			pat = strtoul(p, &e, 10);
			if (e == p)
				goto bad;
		}
	}
	kv->version = osmo_arena_sprintf(a, "v%lu.%lu.%lu%s", maj, min, pat, e);
	kv->major = osmo_arena_sprintf(a, "%lu", maj);
	kv->minor = osmo_arena_sprintf(a, "%lu", min);
	return 0;
bad:
	osmo_error_set(err, OSMO_EPARSE, "invalid kube version '%s': Invalid Semantic Version", s);
	return OSMO_EPARSE;
}

int osmo_release_capabilities(osmo_value *out, osmo_arena *a, const osmo_release_options *opts,
			      osmo_error *err)
{
	caps_obj *c = osmo_arena_alloc(a, sizeof(*c));
	int rc = parse_kube_version(&c->kv, a,
				    opts && opts->kube_version ? opts->kube_version
							       : DEFAULT_KUBE_VERSION,
				    err);
	if (rc)
		return rc;
	size_t n = sizeof(default_api_versions) / sizeof(default_api_versions[0]);
	c->api_versions = osmo_list_new(a, n);
	c->api_versions.sub = OSMO_GO_STRLIST;
	for (size_t i = 0; i < n; i++)
		osmo_list_push(a, c->api_versions.u.list,
			       osmo_str_ref(default_api_versions[i], strlen(default_api_versions[i])));
	for (const char *const *p = opts ? opts->api_versions : NULL; p && *p; p++)
		osmo_list_push(a, c->api_versions.u.list, osmo_cstring(a, *p));
	*out = osmo_object_new(a, &caps_class, c);
	return 0;
}
