/* yaml_read.c - YAML loading as sigs.k8s.io/yaml.Unmarshal does it.
 *
 * libyaml is the C original of go-yaml v2's scanner and parser, so its
 * events and error fields match; on top of them this file rebuilds go-yaml
 * v2's node tree (anchors, aliases), its decoder into interface{} (YAML 1.1
 * resolution, merge keys, the alias-expansion limit) and sigs' conversion
 * (keys stringified, then a JSON round trip that makes numbers float64).
 */
#include "osmo/yaml.h"

#include <math.h>
#include <string.h>
#include <yaml.h>

#include "osmo/numfmt.h"
#include "yaml_priv.h"

#define MAX_DEPTH 10000

typedef struct ynode ynode;
struct ynode {
	uint8_t kind; /* YN_* */
	bool implicit; /* plain scalar without tag: subject to resolution */
	bool busy;     /* alias currently being expanded */
	int line, col; /* 0-based */
	const char *tag; /* NULL when untagged */
	const char *val; /* scalar value or alias name */
	size_t len;
	ynode *alias;
	ynode **kids;
	size_t n, cap;
};

enum { YN_SCALAR = 1, YN_SEQ, YN_MAP, YN_ALIAS };

typedef struct anchor {
	const char *name;
	ynode *node;
} anchor;

typedef struct loader {
	osmo_arena *tmp; /* nodes; freed when loading ends */
	osmo_arena *a;   /* results */
	unsigned flags;
	osmo_error *err;
	anchor *anchors;
	size_t nanchors, capanchors;
	/* decoder state (go-yaml v2 decoder fields) */
	long decode_count, alias_count;
	int alias_depth;
	/* deferred sigs/json errors: only reported if YAML decoding succeeds */
	char *key_err;
	char *json_err;
	/* locations */
	osmo_buf path;
	osmo_yaml_loc *locs;
	size_t nlocs, caplocs;
} loader;

/* ---- errors ------------------------------------------------------------ */

static int fail(loader *ld, int code, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int fail(loader *ld, int code, int line, const char *fmt, ...)
{
	osmo_buf b = OSMO_BUF_INIT;
	va_list ap;
	if (ld->err->msg)
		return ld->err->code ? ld->err->code : code; /* first error wins */
	if (!(ld->flags & OSMO_YAML_GOTYPES))
		osmo_buf_puts(&b, "error converting YAML to JSON: ");
	osmo_buf_puts(&b, "yaml: ");
	if (line > 0)
		osmo_buf_printf(&b, "line %d: ", line);
	va_start(ap, fmt);
	osmo_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	osmo_error_set(ld->err, code, "%s", osmo_buf_cstr(&b));
	osmo_buf_dispose(&b);
	if (line > 0)
		ld->err->line = line;
	return code;
}

/* go-yaml's parser.fail(): the line is the problem mark's (one more for
 * scanner errors, which have not advanced yet), else the context mark's. */
static int parser_fail(loader *ld, const yaml_parser_t *p)
{
	int line = 0;
	if (p->problem_mark.line != 0) {
		line = (int)p->problem_mark.line;
		if (p->error == YAML_SCANNER_ERROR)
			line++;
	} else if (p->context_mark.line != 0) {
		line = (int)p->context_mark.line;
	}
	return fail(ld, OSMO_EPARSE, line, "%s",
		    p->problem ? p->problem : "unknown problem parsing YAML content");
}

/* ---- node tree ----------------------------------------------------------- */

static ynode *node_new(loader *ld, int kind, const yaml_event_t *ev)
{
	ynode *n = osmo_arena_alloc(ld->tmp, sizeof *n);
	n->kind = (uint8_t)kind;
	n->line = (int)ev->start_mark.line;
	n->col = (int)ev->start_mark.column;
	return n;
}

static void node_add(loader *ld, ynode *parent, ynode *kid)
{
	if (parent->n == parent->cap) {
		size_t cap = parent->cap ? parent->cap * 2 : 4;
		parent->kids = osmo_arena_realloc(ld->tmp, parent->kids, parent->cap * sizeof(ynode *),
						  cap * sizeof(ynode *));
		parent->cap = cap;
	}
	parent->kids[parent->n++] = kid;
}

static void set_anchor(loader *ld, const yaml_char_t *name, ynode *n)
{
	if (!name)
		return;
	if (ld->nanchors == ld->capanchors) {
		size_t cap = ld->capanchors ? ld->capanchors * 2 : 8;
		ld->anchors = osmo_arena_realloc(ld->tmp, ld->anchors, ld->capanchors * sizeof(anchor),
						 cap * sizeof(anchor));
		ld->capanchors = cap;
	}
	ld->anchors[ld->nanchors].name = osmo_arena_strdup(ld->tmp, (const char *)name);
	ld->anchors[ld->nanchors++].node = n;
}

static ynode *find_anchor(loader *ld, const char *name)
{
	for (size_t i = ld->nanchors; i-- > 0;)
		if (strcmp(ld->anchors[i].name, name) == 0)
			return ld->anchors[i].node;
	return NULL;
}

static const char *tag_of(loader *ld, const yaml_char_t *tag)
{
	return tag ? osmo_arena_strdup(ld->tmp, (const char *)tag) : NULL;
}

/* Reads one document's events into a tree.  *root is NULL at stream end. */
static int build_doc(loader *ld, yaml_parser_t *p, ynode **root)
{
	yaml_event_t ev;
	ynode **stack = NULL;
	size_t depth = 0, cap = 0;
	int rc = 0;

	*root = NULL;
	ld->nanchors = 0;
	if (!yaml_parser_parse(p, &ev))
		return parser_fail(ld, p);
	if (ev.type == YAML_STREAM_END_EVENT) {
		yaml_event_delete(&ev);
		return 0;
	}
	OSMO_ASSERT(ev.type == YAML_DOCUMENT_START_EVENT);
	yaml_event_delete(&ev);
	for (;;) {
		ynode *n = NULL;
		if (!yaml_parser_parse(p, &ev)) {
			rc = parser_fail(ld, p);
			break;
		}
		switch (ev.type) {
		case YAML_SCALAR_EVENT:
			n = node_new(ld, YN_SCALAR, &ev);
			n->val = osmo_arena_strndup(ld->tmp, (const char *)ev.data.scalar.value,
						    ev.data.scalar.length);
			n->len = ev.data.scalar.length;
			n->tag = tag_of(ld, ev.data.scalar.tag);
			n->implicit = ev.data.scalar.plain_implicit;
			set_anchor(ld, ev.data.scalar.anchor, n);
			break;
		case YAML_ALIAS_EVENT:
			n = node_new(ld, YN_ALIAS, &ev);
			n->val = osmo_arena_strdup(ld->tmp, (const char *)ev.data.alias.anchor);
			n->alias = find_anchor(ld, n->val);
			if (!n->alias)
				rc = fail(ld, OSMO_EPARSE, 0, "unknown anchor '%s' referenced", n->val);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			bool seq = ev.type == YAML_SEQUENCE_START_EVENT;
			n = node_new(ld, seq ? YN_SEQ : YN_MAP, &ev);
			n->tag = tag_of(ld, seq ? ev.data.sequence_start.tag : ev.data.mapping_start.tag);
			set_anchor(ld, seq ? ev.data.sequence_start.anchor : ev.data.mapping_start.anchor, n);
			/* libyaml has no nesting limit; go-yaml's scanner stops at 10000 */
			if (depth >= MAX_DEPTH) {
				int line = (int)ev.start_mark.line;
				rc = fail(ld, OSMO_ELIMIT, line ? line + 1 : 0,
					  "exceeded max depth of %d", MAX_DEPTH);
			}
			break;
		}
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_DOCUMENT_END_EVENT:
			yaml_event_delete(&ev);
			goto done;
		default:
			OSMO_ASSERT(!"unexpected YAML event");
		}
		yaml_event_delete(&ev);
		if (rc)
			break;
		if (n) {
			if (depth)
				node_add(ld, stack[depth - 1], n);
			else
				*root = n;
			if (n->kind == YN_SEQ || n->kind == YN_MAP) {
				if (depth == cap) {
					cap = cap ? cap * 2 : 16;
					stack = osmo_realloc(stack, cap * sizeof *stack);
				}
				stack[depth++] = n;
			}
		}
	}
done:
	osmo_free(stack);
	return rc;
}

/* ---- resolution (go-yaml v2 resolve.go) ------------------------------------ */

#define TAG_PFX "tag:yaml.org,2002:"

static bool tag_is(const char *tag, const char *shortname)
{
	return tag && strncmp(tag, TAG_PFX, sizeof TAG_PFX - 1) == 0 &&
	       strcmp(tag + sizeof TAG_PFX - 1, shortname) == 0;
}

static const char *short_tag(const char *tag, char *buf, size_t n)
{
	if (tag && strncmp(tag, TAG_PFX, sizeof TAG_PFX - 1) == 0) {
		snprintf(buf, n, "!!%s", tag + sizeof TAG_PFX - 1);
		return buf;
	}
	return tag;
}

static const char *rkind_tag(int k)
{
	switch (k) {
	case OSMO_YR_NULL: return "!!null";
	case OSMO_YR_BOOL: return "!!bool";
	case OSMO_YR_INT:
	case OSMO_YR_UINT: return "!!int";
	case OSMO_YR_FLOAT: return "!!float";
	case OSMO_YR_TIMESTAMP: return "!!timestamp";
	case OSMO_YR_MERGE: return "!!merge";
	default: return "!!str";
	}
}

/* The kind a tag asks for, or -1 for tags resolve() does not handle. */
static int tag_kind(const char *tag)
{
	if (!tag)
		return -2; /* untagged */
	if (tag_is(tag, "str")) return OSMO_YR_STR;
	if (tag_is(tag, "bool")) return OSMO_YR_BOOL;
	if (tag_is(tag, "int")) return OSMO_YR_INT;
	if (tag_is(tag, "float")) return OSMO_YR_FLOAT;
	if (tag_is(tag, "null")) return OSMO_YR_NULL;
	if (tag_is(tag, "timestamp")) return OSMO_YR_TIMESTAMP;
	return -1;
}

static const unsigned char b64dec[256] = {
#define X(c, v) [c] = v + 1
	X('A', 0), X('B', 1), X('C', 2), X('D', 3), X('E', 4), X('F', 5), X('G', 6), X('H', 7),
	X('I', 8), X('J', 9), X('K', 10), X('L', 11), X('M', 12), X('N', 13), X('O', 14),
	X('P', 15), X('Q', 16), X('R', 17), X('S', 18), X('T', 19), X('U', 20), X('V', 21),
	X('W', 22), X('X', 23), X('Y', 24), X('Z', 25), X('a', 26), X('b', 27), X('c', 28),
	X('d', 29), X('e', 30), X('f', 31), X('g', 32), X('h', 33), X('i', 34), X('j', 35),
	X('k', 36), X('l', 37), X('m', 38), X('n', 39), X('o', 40), X('p', 41), X('q', 42),
	X('r', 43), X('s', 44), X('t', 45), X('u', 46), X('v', 47), X('w', 48), X('x', 49),
	X('y', 50), X('z', 51), X('0', 52), X('1', 53), X('2', 54), X('3', 55), X('4', 56),
	X('5', 57), X('6', 58), X('7', 59), X('8', 60), X('9', 61), X('+', 62), X('/', 63),
#undef X
};

/* base64.StdEncoding.DecodeString: padding required, \r and \n skipped. */
static bool base64_decode(osmo_buf *out, const char *s, size_t n)
{
	unsigned acc = 0;
	int bits = 0, quad = 0, pad = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\r' || c == '\n')
			continue;
		if (c == '=') {
			pad++;
			quad++;
			continue;
		}
		if (pad || !b64dec[c])
			return false;
		acc = (acc << 6) | (b64dec[c] - 1u);
		bits += 6;
		quad++;
		if (bits >= 8) {
			bits -= 8;
			osmo_buf_putc(out, (char)((acc >> bits) & 0xff));
		}
	}
	if (quad % 4 != 0 || pad > 2 || (pad && (quad % 4) != 0))
		return false;
	if (pad == 1 && (quad % 4 != 0))
		return false;
	/* Go rejects non-zero trailing bits only in strict mode: accept. */
	return true;
}

/* ---- decoding -------------------------------------------------------------- */

static int decode(loader *ld, ynode *n, osmo_value *out);

/* go-yaml v2 allowedAliasRatio. */
static double allowed_alias_ratio(long count)
{
	if (count <= 400000)
		return 0.99;
	if (count >= 4000000)
		return 0.10;
	return 0.99 - 0.89 * ((double)(count - 400000) / 3600000.0);
}

static void add_loc(loader *ld, const ynode *n)
{
	if (!(ld->flags & OSMO_YAML_LOCATIONS))
		return;
	if (ld->nlocs == ld->caplocs) {
		size_t cap = ld->caplocs ? ld->caplocs * 2 : 32;
		ld->locs = osmo_arena_realloc(ld->a, ld->locs, ld->caplocs * sizeof(osmo_yaml_loc),
					      cap * sizeof(osmo_yaml_loc));
		ld->caplocs = cap;
	}
	ld->locs[ld->nlocs].path = osmo_arena_strndup(ld->a, osmo_buf_cstr(&ld->path), ld->path.len);
	ld->locs[ld->nlocs].line = n->line + 1;
	ld->locs[ld->nlocs].col = n->col + 1;
	ld->nlocs++;
}

static int decode_scalar(loader *ld, ynode *n, osmo_value *out)
{
	osmo_yaml_resolved r;
	char b1[64];
	int want;

	if (!n->tag && !n->implicit) { /* quoted: always a string */
		*out = osmo_string(ld->a, n->val, n->len);
		return 0;
	}
	want = tag_kind(n->tag);
	if (want == -1) { /* !!binary, !foo, !!merge ...: the text itself */
		if (tag_is(n->tag, "binary")) {
			osmo_buf b = OSMO_BUF_INIT;
			if (!base64_decode(&b, n->val, n->len)) {
				osmo_buf_dispose(&b);
				return fail(ld, OSMO_EPARSE, 0, "!!binary value contains invalid base64 data");
			}
			*out = osmo_string_buf(ld->a, &b);
			osmo_buf_dispose(&b);
			return 0;
		}
		*out = osmo_string(ld->a, n->val, n->len);
		return 0;
	}
	osmo_yaml_resolve(&r, n->val, n->len, want == OSMO_YR_STR, n->tag == NULL || want == OSMO_YR_TIMESTAMP);
	if (n->tag && want != OSMO_YR_STR && !(want == r.kind || (want == OSMO_YR_INT && r.kind == OSMO_YR_UINT))) {
		if (want == OSMO_YR_FLOAT && r.kind == OSMO_YR_INT) {
			r.kind = OSMO_YR_FLOAT;
			r.f = (double)r.i;
		} else {
			return fail(ld, OSMO_EPARSE, 0, "cannot decode %s `%s` as a %s",
				    rkind_tag(r.kind), n->val, short_tag(n->tag, b1, sizeof b1));
		}
	}
	switch (r.kind) {
	case OSMO_YR_NULL: *out = osmo_null(); break;
	case OSMO_YR_BOOL: *out = osmo_bool(r.b); break;
	case OSMO_YR_INT: *out = osmo_int(r.i); break;
	case OSMO_YR_UINT:
		*out = osmo_int((int64_t)r.u);
		out->sub = OSMO_GO_UINT64;
		break;
	case OSMO_YR_FLOAT: *out = osmo_float(r.f); break;
	default: *out = osmo_string(ld->a, n->val, n->len); break;
	}
	return 0;
}

static int decode_mapping(loader *ld, ynode *n, osmo_map *m);

static int fail_want_map(loader *ld)
{
	return fail(ld, OSMO_EPARSE, 0, "map merge requires map or sequence of maps as the value");
}

/* decodes an alias into an existing map (merge of *alias) */
static int decode_into_map(loader *ld, ynode *n, osmo_map *m)
{
	int rc;
	ld->decode_count++;
	if (ld->alias_depth > 0)
		ld->alias_count++;
	if (n->kind == YN_MAP)
		return decode_mapping(ld, n, m);
	/* alias */
	if (n->busy)
		return fail(ld, OSMO_EPARSE, 0, "anchor '%s' value contains itself", n->val);
	n->busy = true;
	ld->alias_depth++;
	rc = decode_into_map(ld, n->alias, m);
	ld->alias_depth--;
	n->busy = false;
	return rc;
}

static int merge(loader *ld, ynode *v, osmo_map *m)
{
	switch (v->kind) {
	case YN_MAP:
		return decode_into_map(ld, v, m);
	case YN_ALIAS:
		if (v->alias->kind != YN_MAP)
			return fail_want_map(ld);
		return decode_into_map(ld, v, m);
	case YN_SEQ:
		/* backwards: earlier maps take precedence */
		for (size_t i = v->n; i-- > 0;) {
			ynode *k = v->kids[i];
			int rc;
			if (k->kind == YN_ALIAS ? k->alias->kind != YN_MAP : k->kind != YN_MAP)
				return fail_want_map(ld);
			rc = decode_into_map(ld, k, m);
			if (rc)
				return rc;
		}
		return 0;
	default:
		return fail_want_map(ld);
	}
}

static int decode_mapping(loader *ld, ynode *n, osmo_map *m)
{
	for (size_t i = 0; i + 1 < n->n; i += 2) {
		ynode *kn = n->kids[i], *vn = n->kids[i + 1];
		osmo_value k, v;
		osmo_buf ks = OSMO_BUF_INIT;
		size_t plen = ld->path.len;
		int rc;

		if (kn->kind == YN_SCALAR && kn->implicit && kn->len == 2 && memcmp(kn->val, "<<", 2) == 0) {
			rc = merge(ld, vn, m);
			if (rc)
				return rc;
			continue;
		}
		if (kn->kind == YN_SCALAR && tag_is(kn->tag, "merge") && kn->len == 2 &&
		    memcmp(kn->val, "<<", 2) == 0) {
			rc = merge(ld, vn, m);
			if (rc)
				return rc;
			continue;
		}
		rc = decode(ld, kn, &k);
		if (rc)
			return rc;
		if (k.type == OSMO_V_LIST || k.type == OSMO_V_MAP) {
			osmo_buf_puts(&ks, "invalid map key: ");
			osmo_yaml_gosyntax(&ks, k, true);
			rc = fail(ld, OSMO_EPARSE, 0, "%s", osmo_buf_cstr(&ks));
			osmo_buf_dispose(&ks);
			return rc;
		}
		if (ld->path.len)
			osmo_buf_putc(&ld->path, '.');
		if (osmo_yaml_key_string(&ks, k)) {
			osmo_buf_put(&ld->path, ks.ptr ? ks.ptr : "", ks.len);
			add_loc(ld, kn);
		}
		rc = decode(ld, vn, &v);
		osmo_buf_truncate(&ld->path, plen);
		if (rc) {
			osmo_buf_dispose(&ks);
			return rc;
		}
		if (!osmo_yaml_key_string(&ks, k) && !ld->key_err) {
			osmo_buf e = OSMO_BUF_INIT;
			osmo_buf_puts(&e, "unsupported map key of type: ");
			if (k.type == OSMO_V_NULL)
				osmo_buf_puts(&e, "%!s(<nil>)");
			else
				osmo_buf_puts(&e, "uint64");
			osmo_buf_puts(&e, ", key: ");
			osmo_yaml_gosyntax(&e, k, false);
			osmo_buf_puts(&e, ", value: ");
			osmo_yaml_gosyntax(&e, v, false);
			ld->key_err = osmo_buf_detach(&e);
		} else {
			osmo_map_set(ld->a, m, ks.ptr ? ks.ptr : "", ks.len, v);
		}
		osmo_buf_dispose(&ks);
	}
	return 0;
}

static int decode(loader *ld, ynode *n, osmo_value *out)
{
	int rc = 0;

	ld->decode_count++;
	if (ld->alias_depth > 0)
		ld->alias_count++;
	if (ld->alias_count > 100 && ld->decode_count > 1000 &&
	    (double)ld->alias_count / (double)ld->decode_count > allowed_alias_ratio(ld->decode_count))
		return fail(ld, OSMO_ELIMIT, 0, "document contains excessive aliasing");

	switch (n->kind) {
	case YN_ALIAS:
		if (n->busy)
			return fail(ld, OSMO_EPARSE, 0, "anchor '%s' value contains itself", n->val);
		n->busy = true;
		ld->alias_depth++;
		rc = decode(ld, n->alias, out);
		ld->alias_depth--;
		n->busy = false;
		return rc;
	case YN_SCALAR:
		return decode_scalar(ld, n, out);
	case YN_SEQ: {
		size_t plen = ld->path.len;
		*out = osmo_list_new(ld->a, n->n);
		for (size_t i = 0; i < n->n; i++) {
			osmo_value v;
			osmo_buf_printf(&ld->path, "[%zu]", i);
			add_loc(ld, n->kids[i]);
			rc = decode(ld, n->kids[i], &v);
			osmo_buf_truncate(&ld->path, plen);
			if (rc)
				return rc;
			osmo_list_push(ld->a, out->u.list, v);
		}
		return 0;
	}
	case YN_MAP:
		*out = osmo_map_new(ld->a, n->n / 2);
		return decode_mapping(ld, n, out->u.map);
	}
	OSMO_ASSERT(!"bad node kind");
	return OSMO_ERROR;
}

/* ---- the JSON round trip ------------------------------------------------------ */

/* json.Marshal then json.Unmarshal into interface{}: numbers become float64,
 * NaN/Inf are unsupported, invalid UTF-8 becomes U+FFFD. */
static void jsonify(loader *ld, osmo_value *v)
{
	switch (v->type) {
	case OSMO_V_INT:
		if (v->sub == OSMO_GO_UINT64)
			*v = osmo_float((double)(uint64_t)v->u.i);
		else
			*v = osmo_float((double)v->u.i);
		break;
	case OSMO_V_FLOAT:
		if ((isnan(v->u.f) || isinf(v->u.f)) && !ld->json_err) {
			osmo_buf e = OSMO_BUF_INIT;
			osmo_buf_puts(&e, "json: unsupported value: ");
			osmo_numfmt_float(&e, v->u.f, 'g', -1);
			ld->json_err = osmo_buf_detach(&e);
		}
		break;
	case OSMO_V_STRING:
		*v = osmo_yaml_fix_utf8(ld->a, *v);
		break;
	case OSMO_V_LIST:
		for (size_t i = 0; i < v->u.list->len; i++)
			jsonify(ld, &v->u.list->items[i]);
		break;
	case OSMO_V_MAP: {
		osmo_map *m = v->u.map;
		bool bad = false;
		for (size_t i = 0; i < m->len; i++) {
			jsonify(ld, &m->ents[i].val);
			if (osmo_yaml_fix_utf8(ld->a, osmo_str_ref(m->ents[i].key.ptr, m->ents[i].key.len)).u.s.ptr !=
			    m->ents[i].key.ptr)
				bad = true;
		}
		if (bad) { /* keys changed: rebuild (order may change) */
			osmo_value nm = osmo_map_new(ld->a, m->len);
			for (size_t i = 0; i < m->len; i++) {
				osmo_value k = osmo_yaml_fix_utf8(
					ld->a, osmo_str_ref(m->ents[i].key.ptr, m->ents[i].key.len));
				osmo_map_set(ld->a, nm.u.map, k.u.s.ptr, k.u.s.len, m->ents[i].val);
			}
			*v = nm;
		}
		break;
	}
	default:
		break;
	}
}

/* ---- entry points ---------------------------------------------------------------- */

static void loader_init(loader *ld, osmo_arena *a, unsigned flags, osmo_error *err)
{
	memset(ld, 0, sizeof *ld);
	ld->tmp = osmo_arena_new();
	ld->a = a;
	ld->flags = flags;
	ld->err = err;
}

static void loader_dispose(loader *ld)
{
	osmo_arena_free(ld->tmp);
	osmo_free(ld->key_err);
	osmo_free(ld->json_err);
	osmo_buf_dispose(&ld->path);
}

static int check_want(loader *ld, osmo_value *out);

static int finish_value(loader *ld, ynode *root, osmo_value *out)
{
	int rc = 0;
	*out = osmo_null();
	ld->decode_count = ld->alias_count = 0;
	ld->alias_depth = 0;
	if (root) {
		ld->decode_count++; /* the document node */
		rc = decode(ld, root, out);
	}
	if (rc)
		return rc;
	if (ld->key_err) {
		osmo_error_set(ld->err, OSMO_EPARSE, "error converting YAML to JSON: %s", ld->key_err);
		return OSMO_EPARSE;
	}
	if (!(ld->flags & OSMO_YAML_GOTYPES)) {
		jsonify(ld, out);
		if (ld->json_err) {
			osmo_error_set(ld->err, OSMO_EPARSE, "error converting YAML to JSON: %s", ld->json_err);
			return OSMO_EPARSE;
		}
	}
	return check_want(ld, out);
}

/* The decode target's type check (map[string]interface{} / []interface{}). */
static int check_want(loader *ld, osmo_value *out)
{
	if (ld->flags & (OSMO_YAML_WANT_MAP | OSMO_YAML_WANT_LIST)) {
		bool wmap = ld->flags & OSMO_YAML_WANT_MAP;
		const char *what = NULL;
		switch (out->type) {
		case OSMO_V_NULL:
			*out = wmap ? osmo_map_new(ld->a, 0) : osmo_list_new(ld->a, 0);
			return 0;
		case OSMO_V_MAP: what = wmap ? NULL : "object"; break;
		case OSMO_V_LIST: what = wmap ? "array" : NULL; break;
		case OSMO_V_STRING: what = "string"; break;
		case OSMO_V_BOOL: what = "bool"; break;
		default: what = "number"; break;
		}
		if (what) {
			osmo_error_set(ld->err, OSMO_EPARSE,
				       "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal %s into Go value of type %s",
				       what, wmap ? "map[string]interface {}" : "[]interface {}");
			return OSMO_EPARSE;
		}
	}
	return 0;
}

static int load(osmo_value *out, osmo_yaml_doc *doc, bool all, osmo_arena *a, const char *text,
		size_t len, const char *filename, unsigned flags, osmo_error *err)
{
	loader ld;
	yaml_parser_t p;
	yaml_event_t ev;
	int rc = 0;

	loader_init(&ld, a, flags, err);
	if (filename)
		osmo_error_at(err, filename, 0, 0);
	if (!(flags & OSMO_YAML_LOCATIONS) && !err->msg &&
	    osmo_yaml_fast_load(out, a, text, len, all, flags, NULL) == 0) {
		rc = all ? 0 : check_want(&ld, out);
		loader_dispose(&ld);
		if (!rc && filename) {
			osmo_free(err->file);
			err->file = NULL;
		}
		return rc;
	}
	yaml_parser_initialize(&p);
	if (len == 0) {
		text = "\n"; /* as go-yaml's newParser */
		len = 1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	if (!yaml_parser_parse(&p, &ev)) {
		rc = parser_fail(&ld, &p);
		goto done;
	}
	yaml_event_delete(&ev); /* STREAM-START */
	if (all)
		*out = osmo_list_new(a, 1);
	for (;;) {
		ynode *root;
		osmo_value v;
		rc = build_doc(&ld, &p, &root);
		if (rc)
			break;
		if (!root && all)
			break;
		rc = finish_value(&ld, root, &v);
		if (rc)
			break;
		if (!all) {
			*out = v;
			if (doc) {
				doc->root = v;
				doc->locs = ld.locs;
				doc->nlocs = ld.nlocs;
			}
			break;
		}
		osmo_list_push(a, out->u.list, v);
	}
done:
	yaml_parser_delete(&p);
	loader_dispose(&ld);
	if (!rc && !err->msg && filename) {
		osmo_free(err->file);
		err->file = NULL;
	}
	return rc;
}

int osmo_yaml_load(osmo_value *out, osmo_arena *a, const char *text, size_t len,
		   const char *filename, unsigned flags, osmo_error *err)
{
	return load(out, NULL, false, a, text, len, filename, flags & ~OSMO_YAML_LOCATIONS, err);
}

int osmo_yaml_load_head(osmo_value *out, osmo_arena *a, const char *text, size_t len,
			const char *filename, const char *const *keys, osmo_error *err)
{
	if (!err->msg && osmo_yaml_fast_load(out, a, text, len, false, 0, keys) == 0) {
		if (filename) /* as load() leaves err on success */
			osmo_error_at(err, NULL, 0, 0);
		return 0;
	}
	return osmo_yaml_load(out, a, text, len, filename, 0, err);
}

int osmo_yaml_load_all(osmo_value *out, osmo_arena *a, const char *text, size_t len,
		       const char *filename, unsigned flags, osmo_error *err)
{
	return load(out, NULL, true, a, text, len, filename,
		    flags & ~(OSMO_YAML_LOCATIONS | OSMO_YAML_WANT_MAP | OSMO_YAML_WANT_LIST), err);
}

int osmo_yaml_load_doc(osmo_yaml_doc *out, osmo_arena *a, const char *text, size_t len,
		       const char *filename, unsigned flags, osmo_error *err)
{
	osmo_value v;
	memset(out, 0, sizeof *out);
	return load(&v, out, false, a, text, len, filename, flags | OSMO_YAML_LOCATIONS, err);
}

bool osmo_yaml_locate(const osmo_yaml_doc *doc, const char *keypath, int *line, int *col)
{
	for (size_t i = doc->nlocs; i-- > 0;) {
		if (strcmp(doc->locs[i].path, keypath) == 0) {
			*line = doc->locs[i].line;
			*col = doc->locs[i].col;
			return true;
		}
	}
	return false;
}
