/* funcs_semver.c - Sprig's semver and semverCompare (Masterminds/semver
 * v3.3.0), plus the *semver.Version host object templates can inspect.
 *
 * Masterminds parses constraints with four Go regexps; they only use
 * features whose PCRE2 meaning is identical once \s is spelled [\t\n\f\r ]
 * and $ is \z, so they are compiled here directly (leftmost-first matching
 * is the same in both engines).  Versions are parsed by hand: the version
 * regexp is unambiguous.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "osmo/funcs.h"

#include <errno.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct semver {
	uint64_t major, minor, patch;
	const char *pre, *meta, *orig; /* arena strings, never NULL */
} semver;

/* ---- versions ----------------------------------------------------------- */

static bool is_ident_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}

/* [0-9A-Za-z-]+(\.[0-9A-Za-z-]+)* at s; returns its length (0 = none). */
static size_t ident_list(const char *s, size_t n)
{
	size_t i = 0, good = 0;
	for (;;) {
		size_t st = i;
		while (i < n && is_ident_char(s[i]))
			i++;
		if (i == st)
			return good;
		good = i;
		if (i >= n || s[i] != '.')
			return good;
		i++;
	}
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* Masterminds validatePrerelease / validateMetadata. */
static const char *validate_ids(const char *s, bool pre)
{
	const char *p = s;
	for (;;) {
		const char *e = strchr(p, '.');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (pre && all_digits(p, n)) {
			if (n > 1 && p[0] == '0')
				return "Version segment starts with 0";
		} else {
			for (size_t i = 0; i < n; i++)
				if (!is_ident_char(p[i]))
					return pre ? "Invalid Prerelease string" : "Invalid Metadata string";
		}
		if (!e)
			return NULL;
		p = e + 1;
	}
}

static int parse_seg(osmo_fnctx *ctx, const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t d = (uint64_t)(s[i] - '0');
		if (v > (UINT64_MAX - d) / 10)
			return osmo_fn_errorf(ctx,
					      "Error parsing version segment: strconv.ParseUint: parsing \"%.*s\": value out of range",
					      (int)n, s);
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

/* semver.NewVersion. */
static int version_parse(semver *v, osmo_fnctx *ctx, const char *s, size_t n)
{
	size_t i = 0, st;
	size_t seg[3][2] = { { 0, 0 }, { 0, 0 }, { 0, 0 } };
	memset(v, 0, sizeof *v);
	if (memchr(s, 0, n))
		return osmo_fn_errorf(ctx, "Invalid Semantic Version");
	if (i < n && s[i] == 'v')
		i++;
	for (int k = 0; k < 3; k++) {
		if (k > 0) {
			if (i + 1 >= n || s[i] != '.' || s[i + 1] < '0' || s[i + 1] > '9')
				break;
			i++;
		}
		st = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == st)
			return osmo_fn_errorf(ctx, "Invalid Semantic Version");
		seg[k][0] = st;
		seg[k][1] = i - st;
	}
	const char *pre = "", *meta = "";
	if (i < n && s[i] == '-') {
		size_t l = ident_list(s + i + 1, n - i - 1);
		if (l == 0)
			return osmo_fn_errorf(ctx, "Invalid Semantic Version");
		pre = osmo_arena_strndup(ctx->arena, s + i + 1, l);
		i += 1 + l;
	}
	if (i < n && s[i] == '+') {
		size_t l = ident_list(s + i + 1, n - i - 1);
		if (l == 0)
			return osmo_fn_errorf(ctx, "Invalid Semantic Version");
		meta = osmo_arena_strndup(ctx->arena, s + i + 1, l);
		i += 1 + l;
	}
	if (i != n)
		return osmo_fn_errorf(ctx, "Invalid Semantic Version");
	uint64_t *dst[3] = { &v->major, &v->minor, &v->patch };
	for (int k = 0; k < 3; k++)
		if (seg[k][1] && parse_seg(ctx, s + seg[k][0], seg[k][1], dst[k]))
			return OSMO_ERROR;
	const char *bad;
	if (*pre && (bad = validate_ids(pre, true)))
		return osmo_fn_errorf(ctx, "%s", bad);
	if (*meta && (bad = validate_ids(meta, false)))
		return osmo_fn_errorf(ctx, "%s", bad);
	v->pre = pre;
	v->meta = meta;
	v->orig = osmo_arena_strndup(ctx->arena, s, n);
	return 0;
}

static void version_string(osmo_buf *b, const semver *v)
{
	osmo_buf_printf(b, "%llu.%llu.%llu", (unsigned long long)v->major,
			(unsigned long long)v->minor, (unsigned long long)v->patch);
	if (*v->pre)
		osmo_buf_printf(b, "-%s", v->pre);
	if (*v->meta)
		osmo_buf_printf(b, "+%s", v->meta);
}

static int cmp_u64(uint64_t a, uint64_t b)
{
	return a < b ? -1 : a > b;
}

static bool parse_u64(const char *s, size_t n, uint64_t *out)
{
	if (n == 0 || !all_digits(s, n))
		return false;
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t d = (uint64_t)(s[i] - '0');
		if (v > (UINT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

/* comparePrePart: numeric identifiers sort below alphanumeric ones. */
static int cmp_pre_part(const char *s, size_t sn, const char *o, size_t on)
{
	if (sn == on && memcmp(s, o, sn) == 0)
		return 0;
	if (sn == 0)
		return -1;
	if (on == 0)
		return 1;
	uint64_t si = 0, oi = 0;
	bool sok = parse_u64(s, sn, &si), ook = parse_u64(o, on, &oi);
	if (!sok && !ook) {
		size_t m = sn < on ? sn : on;
		int c = memcmp(s, o, m);
		return c > 0 || (c == 0 && sn > on) ? 1 : -1;
	}
	if (!ook)
		return -1;
	if (!sok)
		return 1;
	return si > oi ? 1 : -1;
}

static int cmp_pre(const char *a, const char *b)
{
	for (;;) {
		const char *ea = a ? strchr(a, '.') : NULL, *eb = b ? strchr(b, '.') : NULL;
		size_t na = a ? (ea ? (size_t)(ea - a) : strlen(a)) : 0;
		size_t nb = b ? (eb ? (size_t)(eb - b) : strlen(b)) : 0;
		int d = cmp_pre_part(a ? a : "", na, b ? b : "", nb);
		if (d)
			return d;
		a = ea ? ea + 1 : NULL;
		b = eb ? eb + 1 : NULL;
		if (!a && !b)
			return 0;
	}
}

static int version_compare(const semver *v, const semver *o)
{
	int d;
	if ((d = cmp_u64(v->major, o->major)) || (d = cmp_u64(v->minor, o->minor)) ||
	    (d = cmp_u64(v->patch, o->patch)))
		return d;
	if (!*v->pre && !*o->pre)
		return 0;
	if (!*v->pre)
		return 1;
	if (!*o->pre)
		return -1;
	return cmp_pre(v->pre, o->pre);
}

/* ---- *semver.Version host object ---------------------------------------- */

static const osmo_object_class version_ptr_class, version_val_class;

static const semver *obj_version(const osmo_object *o)
{
	return o->data;
}

static osmo_value new_version_value(osmo_arena *a, const semver *v, bool ptr)
{
	semver *c = osmo_arena_alloc(a, sizeof *c);
	*c = *v;
	return osmo_object_new(a, ptr ? &version_ptr_class : &version_val_class, c);
}

static osmo_value u64_value(uint64_t u)
{
	osmo_value r = osmo_int((int64_t)u);
	r.sub = OSMO_GO_UINT64;
	return r;
}

/* IncMajor/IncMinor/IncPatch keep a leading "v" in Original. */
static osmo_value incremented(osmo_arena *a, const semver *v, int which)
{
	semver n = *v;
	if (which == 2 && *v->pre) {
		/* IncPatch of a prerelease just drops the prerelease */
	} else if (which == 2) {
		n.patch++;
	} else if (which == 1) {
		n.minor++;
		n.patch = 0;
	} else {
		n.major++;
		n.minor = n.patch = 0;
	}
	n.pre = "";
	n.meta = "";
	osmo_buf b = OSMO_BUF_INIT;
	if (v->orig[0] == 'v')
		osmo_buf_putc(&b, 'v');
	version_string(&b, &n);
	n.orig = osmo_arena_strdup(a, osmo_buf_cstr(&b));
	osmo_buf_dispose(&b);
	return new_version_value(a, &n, false);
}

static int version_field(osmo_value *out, osmo_fnctx *ctx, const osmo_object *obj, const char *name)
{
	const semver *v = obj_version(obj);
	if (strcmp(name, "Major") == 0)
		*out = u64_value(v->major);
	else if (strcmp(name, "Minor") == 0)
		*out = u64_value(v->minor);
	else if (strcmp(name, "Patch") == 0)
		*out = u64_value(v->patch);
	else if (strcmp(name, "Prerelease") == 0)
		*out = osmo_str_ref(v->pre, strlen(v->pre));
	else if (strcmp(name, "Metadata") == 0)
		*out = osmo_str_ref(v->meta, strlen(v->meta));
	else if (strcmp(name, "Original") == 0)
		*out = osmo_str_ref(v->orig, strlen(v->orig));
	else if (strcmp(name, "String") == 0) {
		osmo_buf b = OSMO_BUF_INIT;
		version_string(&b, v);
		*out = osmo_string_buf(ctx->arena, &b);
		osmo_buf_dispose(&b);
	} else if (strcmp(name, "IncMajor") == 0)
		*out = incremented(ctx->arena, v, 0);
	else if (strcmp(name, "IncMinor") == 0)
		*out = incremented(ctx->arena, v, 1);
	else if (strcmp(name, "IncPatch") == 0)
		*out = incremented(ctx->arena, v, 2);
	else
		return OSMO_ENOTFOUND;
	return 0;
}

static int version_method(osmo_value *out, osmo_fnctx *ctx, const osmo_object *obj, const char *name,
			  int argc, const osmo_value *argv)
{
	static const char *const cmps[] = { "LessThan", "LessThanEqual", "GreaterThan",
					    "GreaterThanEqual", "Equal", "Compare", NULL };
	int k = 0;
	while (cmps[k] && strcmp(cmps[k], name) != 0)
		k++;
	if (!cmps[k]) {
		if (argc == 0)
			return version_field(out, ctx, obj, name);
		return OSMO_ENOTFOUND;
	}
	if (argc != 1)
		return osmo_fn_errorf(ctx, "wrong number of args for %s: want 1 got %d", name, argc);
	if (argv[0].type != OSMO_V_OBJECT || argv[0].u.obj->cls != &version_ptr_class) {
		osmo_error_set(ctx->err, OSMO_ETYPE, "wrong type for value; expected *semver.Version; got %s",
			       osmo_value_gotype(argv[0]));
		return OSMO_ETYPE;
	}
	int c = version_compare(obj_version(obj), obj_version(argv[0].u.obj));
	switch (k) {
	case 0: *out = osmo_bool(c < 0); break;
	case 1: *out = osmo_bool(c <= 0); break;
	case 2: *out = osmo_bool(c > 0); break;
	case 3: *out = osmo_bool(c >= 0); break;
	case 4: *out = osmo_bool(c == 0); break;
	default: *out = osmo_int(c); break;
	}
	return 0;
}

static void version_print(osmo_buf *b, const osmo_object *obj)
{
	version_string(b, obj_version(obj));
}

/* MarshalJSON: the String() form. */
static int version_marshal(osmo_value *out, osmo_arena *a, const osmo_object *obj)
{
	osmo_buf b = OSMO_BUF_INIT;
	version_string(&b, obj_version(obj));
	*out = osmo_string_buf(a, &b);
	osmo_buf_dispose(&b);
	return 0;
}

static const osmo_object_class version_ptr_class = {
	"*semver.Version", "ptr", version_field, version_method, version_print, version_marshal, NULL
};

static const osmo_object_class version_val_class = {
	"semver.Version", "struct", version_field, version_method, version_print, version_marshal, NULL
};

/* ---- constraints ---------------------------------------------------------- */

#define WS "[\\t\\n\\f\\r ]"
#define OPS "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^"
#define CV "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?" \
	   "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"                  \
	   "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"

enum { RX_CONSTRAINT, RX_RANGE, RX_FIND, RX_VALID, RX_COUNT };

static const char *const rx_src[RX_COUNT] = {
	"\\A" WS "*(" OPS ")" WS "*(" CV ")" WS "*\\z",
	WS "*(" CV ")" WS "+-" WS "+(" CV ")" WS "*",
	"(" OPS ")" WS "*(" CV ")",
	"\\A(" WS "*(" OPS ")" WS "*(" CV ")" WS "*)((?:" WS "+|," WS "*)(" OPS ")" WS "*(" CV ")" WS "*)*\\z",
};

static pcre2_code *rx[RX_COUNT];
static pthread_once_t rx_once = PTHREAD_ONCE_INIT;

static void rx_init(void)
{
	for (int i = 0; i < RX_COUNT; i++) {
		int ec;
		PCRE2_SIZE eo;
		rx[i] = pcre2_compile((PCRE2_SPTR)rx_src[i], PCRE2_ZERO_TERMINATED, 0, &ec, &eo, NULL);
		OSMO_ASSERT(rx[i]);
	}
}

typedef struct constraint {
	const char *op;   /* "", "=", "!=", ">", ... */
	const char *orig; /* the version part as written */
	semver con;
	bool dirty, minor_dirty, patch_dirty;
} constraint;

/* Match data sized for the largest pattern, freed by the caller. */
static int rx_match(int which, const char *s, size_t n, size_t start, pcre2_match_data *md)
{
	pcre2_match_context *mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(mc, 1000000);
	int rc = pcre2_match(rx[which], (PCRE2_SPTR)s, n, start, 0, md, mc);
	pcre2_match_context_free(mc);
	return rc;
}

static size_t grp_len(const PCRE2_SIZE *ov, int g)
{
	return ov[2 * g] == PCRE2_UNSET ? 0 : ov[2 * g + 1] - ov[2 * g];
}

static const char *grp_ptr(const char *s, const PCRE2_SIZE *ov, int g)
{
	return ov[2 * g] == PCRE2_UNSET ? "" : s + ov[2 * g];
}

static bool is_x(const char *s, size_t n)
{
	return n == 1 && (s[0] == 'x' || s[0] == 'X' || s[0] == '*');
}

/* parseConstraint for one "op version" piece. */
static int parse_constraint(constraint *c, osmo_fnctx *ctx, const char *s, size_t n)
{
	pcre2_match_data *md = pcre2_match_data_create(32, NULL);
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	int rc = 0;
	if (rx_match(RX_CONSTRAINT, s, n, 0, md) < 0) {
		rc = osmo_fn_errorf(ctx, "improper constraint: %.*s", (int)n, s);
		goto done;
	}
	c->op = osmo_arena_strndup(ctx->arena, grp_ptr(s, ov, 1), grp_len(ov, 1));
	c->orig = osmo_arena_strndup(ctx->arena, grp_ptr(s, ov, 2), grp_len(ov, 2));
	const char *m3 = grp_ptr(s, ov, 3), *m4 = grp_ptr(s, ov, 4), *m5 = grp_ptr(s, ov, 5);
	size_t l3 = grp_len(ov, 3), l4 = grp_len(ov, 4), l5 = grp_len(ov, 5);
	int l6 = (int)grp_len(ov, 6);
	const char *m6 = grp_ptr(s, ov, 6);
	osmo_buf ver = OSMO_BUF_INIT;
	if (l3 == 0 || is_x(m3, l3)) {
		osmo_buf_printf(&ver, "0.0.0%.*s", l6, m6);
		c->dirty = true;
	} else if (l4 == 0 || is_x(m4 + 1, l4 - 1)) {
		c->minor_dirty = c->dirty = true;
		osmo_buf_printf(&ver, "%.*s.0.0%.*s", (int)l3, m3, l6, m6);
	} else if (l5 == 0 || is_x(m5 + 1, l5 - 1)) {
		c->patch_dirty = c->dirty = true;
		osmo_buf_printf(&ver, "%.*s%.*s.0%.*s", (int)l3, m3, (int)l4, m4, l6, m6);
	} else {
		osmo_buf_put(&ver, c->orig, strlen(c->orig));
	}
	osmo_error scratch = { 0 };
	osmo_fnctx sub = *ctx;
	sub.err = &scratch;
	if (version_parse(&c->con, &sub, osmo_buf_cstr(&ver), ver.len))
		rc = osmo_fn_errorf(ctx, "constraint Parser Error");
	osmo_error_dispose(&scratch);
	osmo_buf_dispose(&ver);
done:
	pcre2_match_data_free(md);
	return rc;
}

static bool c_tilde(const semver *v, const constraint *c)
{
	if (version_compare(v, &c->con) < 0)
		return false;
	if (c->con.major == 0 && c->con.minor == 0 && c->con.patch == 0 && !c->minor_dirty && !c->patch_dirty)
		return true;
	if (v->major != c->con.major)
		return false;
	if (v->minor != c->con.minor && !c->minor_dirty)
		return false;
	return true;
}

static bool c_not_equal(const semver *v, const constraint *c)
{
	if (c->dirty) {
		if (*v->pre && !*c->con.pre)
			return false;
		if (c->con.major != v->major)
			return true;
		if (c->con.minor != v->minor && !c->minor_dirty)
			return true;
		else if (c->minor_dirty)
			return false;
		else if (c->con.patch != v->patch && !c->patch_dirty)
			return true;
		else if (c->patch_dirty) {
			if (*v->pre || *c->con.pre)
				return cmp_pre(v->pre, c->con.pre) != 0;
			return false;
		}
	}
	return version_compare(v, &c->con) != 0;
}

/* constraint.check: the Masterminds operator semantics, prerelease rule
 * first (a prerelease only satisfies constraints that name one). */
static bool constraint_check(const semver *v, const constraint *c)
{
	const char *op = c->op;
	if (strcmp(op, "!=") == 0)
		return c_not_equal(v, c);
	if (*v->pre && !*c->con.pre)
		return false;
	int cmp = version_compare(v, &c->con);
	if (strcmp(op, ">") == 0) {
		if (!c->dirty)
			return cmp == 1;
		if (v->major != c->con.major)
			return v->major > c->con.major;
		if (c->minor_dirty)
			return false;
		if (c->patch_dirty)
			return v->minor > c->con.minor;
		return cmp == 1;
	}
	if (strcmp(op, "<") == 0)
		return cmp < 0;
	if (strcmp(op, ">=") == 0 || strcmp(op, "=>") == 0)
		return cmp >= 0;
	if (strcmp(op, "<=") == 0 || strcmp(op, "=<") == 0) {
		if (!c->dirty)
			return cmp <= 0;
		if (v->major > c->con.major)
			return false;
		if (v->major == c->con.major && v->minor > c->con.minor && !c->minor_dirty)
			return false;
		return true;
	}
	if (strcmp(op, "~") == 0 || strcmp(op, "~>") == 0)
		return c_tilde(v, c);
	if (strcmp(op, "^") == 0) {
		if (cmp < 0)
			return false;
		if (c->con.major > 0 || c->minor_dirty)
			return v->major == c->con.major;
		if (v->major > 0)
			return false;
		if (c->con.minor > 0 || c->patch_dirty)
			return v->minor == c->con.minor;
		if (v->minor > 0)
			return false;
		return c->con.patch == v->patch;
	}
	/* "" and "=" */
	if (c->dirty)
		return c_tilde(v, c);
	return cmp == 0;
}

/* rewriteRange: "a - b" becomes ">= a, <= b ". */
static void rewrite_range(osmo_buf *out, const char *s, size_t n)
{
	pcre2_match_data *md = pcre2_match_data_create(32, NULL);
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	osmo_buf_put(out, s, n);
	size_t pos = 0;
	/* Go finds all matches in the original, then replaces the first
	 * occurrence of each match text in the growing result. */
	while (pos <= n && rx_match(RX_RANGE, s, n, pos, md) >= 0) {
		size_t m0 = ov[0], m1 = ov[1];
		osmo_buf rep = OSMO_BUF_INIT;
		osmo_buf_printf(&rep, ">= %.*s, <= %.*s ", (int)grp_len(ov, 1), grp_ptr(s, ov, 1),
				(int)grp_len(ov, 11), grp_ptr(s, ov, 11));
		const char *hit = memmem(out->ptr, out->len, s + m0, m1 - m0);
		if (hit && m1 > m0) {
			size_t at = (size_t)(hit - out->ptr);
			osmo_buf tail = OSMO_BUF_INIT;
			osmo_buf_put(&tail, out->ptr + at + (m1 - m0), out->len - at - (m1 - m0));
			osmo_buf_truncate(out, at);
			osmo_buf_put(out, rep.ptr, rep.len);
			osmo_buf_put(out, tail.ptr ? tail.ptr : "", tail.len);
			osmo_buf_dispose(&tail);
		}
		osmo_buf_dispose(&rep);
		pos = m1 > m0 ? m1 : m1 + 1;
	}
	pcre2_match_data_free(md);
}

/* One || branch: constraints that must all hold. */
typedef struct cgroup {
	constraint *c;
	size_t n, cap;
} cgroup;

typedef struct constraints {
	cgroup *g;
	size_t n, cap;
} constraints;

/* semver.NewConstraint (results in the arena). */
static int constraints_parse(constraints *out, osmo_fnctx *ctx, const char *cs, size_t cn)
{
	pthread_once(&rx_once, rx_init);
	osmo_arena *a = ctx->arena;
	osmo_buf all = OSMO_BUF_INIT;
	rewrite_range(&all, cs, cn);
	const char *s = osmo_buf_cstr(&all);
	size_t n = all.len, start = 0;
	pcre2_match_data *md = pcre2_match_data_create(32, NULL);
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	int rc = 0;
	memset(out, 0, sizeof *out);
	for (;;) {
		const char *bar = memmem(s + start, n - start, "||", 2);
		size_t end = bar ? (size_t)(bar - s) : n;
		const char *part = s + start;
		size_t pn = end - start;
		if (rx_match(RX_VALID, part, pn, 0, md) < 0) {
			rc = osmo_fn_errorf(ctx, "improper constraint: %.*s", (int)pn, part);
			goto done;
		}
		if (out->n == out->cap) {
			size_t nc = out->cap ? 2 * out->cap : 4;
			out->g = osmo_arena_realloc(a, out->g, out->cap * sizeof *out->g, nc * sizeof *out->g);
			out->cap = nc;
		}
		cgroup *g = &out->g[out->n++];
		memset(g, 0, sizeof *g);
		size_t pos = 0;
		while (pos < pn && rx_match(RX_FIND, part, pn, pos, md) >= 0) {
			size_t m0 = ov[0], m1 = ov[1];
			if (g->n == g->cap) {
				size_t nc = g->cap ? 2 * g->cap : 4;
				g->c = osmo_arena_realloc(a, g->c, g->cap * sizeof *g->c, nc * sizeof *g->c);
				g->cap = nc;
			}
			constraint *c = &g->c[g->n++];
			memset(c, 0, sizeof *c);
			rc = parse_constraint(c, ctx, part + m0, m1 - m0);
			if (rc)
				goto done;
			pos = m1 > m0 ? m1 : m1 + 1;
		}
		if (!bar)
			break;
		start = end + 2;
	}
done:
	pcre2_match_data_free(md);
	osmo_buf_dispose(&all);
	return rc;
}

/* Constraints.Check: any branch whose constraints all hold. */
static bool constraints_check(const constraints *cs, const semver *v)
{
	for (size_t i = 0; i < cs->n; i++) {
		bool ok = true;
		for (size_t j = 0; j < cs->g[i].n && ok; j++)
			ok = constraint_check(v, &cs->g[i].c[j]);
		if (ok)
			return true;
	}
	return false;
}

/* ---- template functions ------------------------------------------------- */

static int fn_semver(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	semver v;
	int rc = version_parse(&v, ctx, argv[0].u.s.ptr, argv[0].u.s.len);
	if (rc)
		return rc;
	*out = new_version_value(ctx->arena, &v, true);
	return 0;
}

/* The constraint is parsed first, so its errors win over the version's. */
static int fn_semver_compare(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	constraints cs;
	semver v;
	int rc = constraints_parse(&cs, ctx, argv[0].u.s.ptr, argv[0].u.s.len);
	if (!rc)
		rc = version_parse(&v, ctx, argv[1].u.s.ptr, argv[1].u.s.len);
	if (!rc)
		*out = osmo_bool(constraints_check(&cs, &v));
	return rc;
}

const osmo_func_def osmo_funcs_semver[] = {
	{ "semver", "s:ae", fn_semver },
	{ "semverCompare", "ss:be", fn_semver_compare },
	{ NULL, NULL, NULL }
};
