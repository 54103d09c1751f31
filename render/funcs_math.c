/* funcs_math.c - Sprig's math and conversion functions (numeric.go and the
 * arithmetic lambdas of functions.go).
 *
 * Integer functions convert every argument with spf13/cast's ToInt64 (so
 * `0.1 | mul 10` is 0) and wrap around on overflow like Go.  The *f variants
 * go through shopspring/decimal: each operand becomes the shortest decimal
 * that round-trips its float64, the arithmetic is exact (division rounds to
 * 16 places, half away from zero) and only the final result is rounded back
 * to float64 - hence `mulf 0.1 3` is exactly 0.3.
 */
#include "osmo/funcs.h"
#include "osmo/numfmt.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

/* until/untilStep/seq would happily ask Go for billions of ints; we refuse
 * instead of exhausting memory. */
#define MAX_SEQ_ITEMS (10 * 1000 * 1000)

/* ---- Go strconv syntax ------------------------------------------------- */


/* strconv.ParseInt; a range error counts as failure here (cast yields 0). */
static bool parse_int(const char *s, size_t n, int base, int64_t *out)
{
	int64_t v;
	if (osmo_numfmt_parse_int(&v, s, n, base)) {
		*out = 0;
		return false;
	}
	*out = v;
	return true;
}

/* Clamping flavour used by strconv.Atoi: a range error still yields the
 * saturated value. */
static int64_t atoi_go(const char *s, size_t n)
{
	int64_t v;
	if (parse_int(s, n, 10, &v))
		return v;
	/* Syntax errors give 0; only a well-formed overflow saturates. */
	size_t i = 0;
	bool neg = false;
	if (n && (s[0] == '+' || s[0] == '-')) {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == n)
		return 0;
	for (; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return neg ? INT64_MIN : INT64_MAX;
}

/* strconv.ParseFloat; a range error (±Inf from a finite literal) counts as
 * failure, after which cast gives 0. */
static bool parse_float(const char *s, size_t n, double *out)
{
	double v;
	if (osmo_numfmt_parse_float(&v, s, n)) {
		*out = 0;
		return false;
	}
	*out = v;
	return true;
}

/* Go's float64 -> int64 conversion on amd64 (CVTTSD2SQ): out of range and
 * NaN give the "integer indefinite" value. */
static int64_t f2i(double f)
{
	if (isnan(f) || f >= 9223372036854775808.0 || f < -9223372036854775808.0)
		return INT64_MIN;
	return (int64_t)f;
}

static bool is_unsigned_sub(int sub)
{
	return sub == OSMO_GO_UINT || sub == OSMO_GO_UINT32 || sub == OSMO_GO_UINT64 ||
	       sub == OSMO_GO_UINT8;
}

/* cast.ToInt64 (errors become 0).  time.Duration is a named type cast does
 * not know, so it converts to 0. */
static int64_t to_int64(osmo_value v)
{
	int64_t r;
	switch (v.type) {
	case OSMO_V_BOOL:
		return v.u.b ? 1 : 0;
	case OSMO_V_INT:
		return v.sub == OSMO_GO_DURATION ? 0 : v.u.i;
	case OSMO_V_FLOAT:
		return f2i(v.u.f);
	case OSMO_V_STRING: {
		if (v.sub != OSMO_GO_STRING)
			return 0;
		/* cast's trimZeroDecimal: "12.000" -> "12" */
		size_t n = v.u.s.len;
		const char *s = v.u.s.ptr;
		bool zero = false;
		for (size_t i = n; i > 0; i--) {
			char c = s[i - 1];
			if (c == '.') {
				if (zero) {
					n = i - 1;
					break;
				}
			} else if (c == '0') {
				zero = true;
			} else {
				break;
			}
		}
		return parse_int(s, n, 0, &r) ? r : 0;
	}
	default:
		return 0;
	}
}

/* cast.ToFloat64 (errors become 0). */
static double to_float64(osmo_value v)
{
	double f;
	switch (v.type) {
	case OSMO_V_BOOL:
		return v.u.b ? 1 : 0;
	case OSMO_V_INT:
		if (v.sub == OSMO_GO_DURATION)
			return 0;
		if (is_unsigned_sub(v.sub))
			return (double)(uint64_t)v.u.i;
		return (double)v.u.i;
	case OSMO_V_FLOAT:
		return v.u.f;
	case OSMO_V_STRING:
		if (v.sub != OSMO_GO_STRING)
			return 0;
		return parse_float(v.u.s.ptr, v.u.s.len, &f) ? f : 0;
	default:
		return 0;
	}
}

/* ---- conversions -------------------------------------------------------- */

static int fn_atoi(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	(void)argc;
	*out = osmo_int(atoi_go(argv[0].u.s.ptr, argv[0].u.s.len));
	return 0;
}

static int fn_int64(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	(void)argc;
	*out = osmo_int64(to_int64(argv[0]));
	return 0;
}

static int fn_int(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	(void)argc;
	*out = osmo_int(to_int64(argv[0]));
	return 0;
}

static int fn_float64(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	(void)argc;
	*out = osmo_float(to_float64(argv[0]));
	return 0;
}

/* toDecimal parses fmt.Sprint(v) as octal.  Only integers and integral
 * floats below 1e21 print as plain digits; Sprint's exponent form (>= 1e6
 * for floats) and everything else fail to parse and give 0. */
static int fn_todecimal(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	(void)argc;
	osmo_value v = argv[0];
	char tmp[64];
	int64_t r = 0;
	const char *s = NULL;
	size_t n = 0;
	if (v.type == OSMO_V_STRING && v.sub == OSMO_GO_STRING) {
		s = v.u.s.ptr;
		n = v.u.s.len;
	} else if (v.type == OSMO_V_INT && v.sub != OSMO_GO_DURATION) {
		if (is_unsigned_sub(v.sub))
			n = (size_t)snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)(uint64_t)v.u.i);
		else
			n = (size_t)snprintf(tmp, sizeof tmp, "%lld", (long long)v.u.i);
		s = tmp;
	} else if (v.type == OSMO_V_FLOAT && v.u.f == floor(v.u.f) && fabs(v.u.f) < 1e6) {
		n = (size_t)snprintf(tmp, sizeof tmp, "%.0f", v.u.f);
		s = tmp;
	}
	if (s && !parse_int(s, n, 8, &r))
		r = 0;
	*out = osmo_int64(r);
	return 0;
}

/* ---- integer sequences -------------------------------------------------- */

/* Sprig's untilStep into an int list, or OSMO_ELIMIT. */
static int until_step(osmo_value *out, osmo_fnctx *ctx, int64_t start, int64_t stop, int64_t step)
{
	osmo_value l = osmo_list_new(ctx->arena, 0);
	l.sub = OSMO_GO_INTLIST;
	uint64_t count = 0;
	if (stop < start) {
		if (step < 0) {
			for (int64_t i = start; i > stop; i = (int64_t)((uint64_t)i + (uint64_t)step)) {
				if (++count > MAX_SEQ_ITEMS)
					goto limit;
				osmo_list_push(ctx->arena, l.u.list, osmo_int(i));
			}
		}
	} else if (step > 0) {
		for (int64_t i = start; i < stop; i = (int64_t)((uint64_t)i + (uint64_t)step)) {
			if (++count > MAX_SEQ_ITEMS)
				goto limit;
			osmo_list_push(ctx->arena, l.u.list, osmo_int(i));
		}
	}
	*out = l;
	return 0;
limit:
	osmo_error_set(ctx->err, OSMO_ELIMIT, "sequence longer than %d items", MAX_SEQ_ITEMS);
	return OSMO_ELIMIT;
}

static int fn_until(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	int64_t count = argv[0].u.i;
	return until_step(out, ctx, 0, count, count < 0 ? -1 : 1);
}

static int fn_untilstep(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return until_step(out, ctx, argv[0].u.i, argv[1].u.i, argv[2].u.i);
}

static int64_t wrap_add(int64_t a, int64_t b)
{
	return (int64_t)((uint64_t)a + (uint64_t)b);
}

static int fn_seq(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	int64_t start, end, step, inc = 1;
	switch (argc) {
	case 1:
		start = 1;
		end = argv[0].u.i;
		if (end < start)
			inc = -1;
		step = inc;
		break;
	case 2:
		start = argv[0].u.i;
		end = argv[1].u.i;
		if (end < start)
			inc = -1;
		step = inc;
		break;
	case 3:
		start = argv[0].u.i;
		end = argv[2].u.i;
		step = argv[1].u.i;
		if (end < start) {
			inc = -1;
			if (step > 0) {
				*out = osmo_str_ref("", 0);
				return 0;
			}
		}
		break;
	default:
		*out = osmo_str_ref("", 0);
		return 0;
	}
	osmo_value l;
	int rc = until_step(&l, ctx, start, wrap_add(end, inc), step);
	if (rc)
		return rc;
	osmo_buf b = OSMO_BUF_INIT;
	for (size_t i = 0; i < l.u.list->len; i++)
		osmo_buf_printf(&b, i ? " %lld" : "%lld", (long long)l.u.list->items[i].u.i);
	*out = osmo_string_buf(ctx->arena, &b);
	osmo_buf_dispose(&b);
	return 0;
}

/* ---- integer arithmetic (wrapping, like Go) ----------------------------- */

static int fn_add1(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	(void)argc;
	*out = osmo_int64(wrap_add(to_int64(argv[0]), 1));
	return 0;
}

static int fn_add(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	int64_t a = 0;
	for (int i = 0; i < argc; i++)
		a = wrap_add(a, to_int64(argv[i]));
	*out = osmo_int64(a);
	return 0;
}

static int fn_sub(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	(void)argc;
	uint64_t a = (uint64_t)to_int64(argv[0]);
	uint64_t b = (uint64_t)to_int64(argv[1]);
	*out = osmo_int64((int64_t)(a - b));
	return 0;
}

static int fn_mul(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	uint64_t a = (uint64_t)to_int64(argv[0]);
	for (int i = 1; i < argc; i++)
		a *= (uint64_t)to_int64(argv[i]);
	*out = osmo_int64((int64_t)a);
	return 0;
}

static int divmod(osmo_value *out, osmo_fnctx *ctx, const osmo_value *argv, bool mod)
{
	int64_t a = to_int64(argv[0]);
	int64_t b = to_int64(argv[1]);
	if (b == 0)
		return osmo_fn_errorf(ctx, "runtime error: integer divide by zero");
	if (b == -1) /* Go defines MinInt64 / -1 as MinInt64 (C does not) */
		*out = osmo_int64(mod ? 0 : (int64_t)(0 - (uint64_t)a));
	else
		*out = osmo_int64(mod ? a % b : a / b);
	return 0;
}

static int fn_div(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return divmod(out, ctx, argv, false);
}

static int fn_mod(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return divmod(out, ctx, argv, true);
}

/* Go seeds math/rand randomly since 1.20, so every render differs. */
static uint64_t random_u64(void)
{
	uint64_t r = 0;
	size_t got = 0;
	while (got < sizeof r) {
		ssize_t k = getrandom((char *)&r + got, sizeof r - got, 0);
		if (k > 0)
			got += (size_t)k;
	}
	return r;
}

static int fn_randint(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	int64_t lo = argv[0].u.i, hi = argv[1].u.i;
	int64_t n = (int64_t)((uint64_t)hi - (uint64_t)lo);
	if (n <= 0)
		return osmo_fn_errorf(ctx, "invalid argument to Intn");
	uint64_t r;
	/* Rejection sampling over 64 random bits: uniform, no modulo bias. */
	uint64_t limit = UINT64_MAX - UINT64_MAX % (uint64_t)n;
	do {
		r = random_u64();
	} while (r >= limit);
	*out = osmo_int(wrap_add((int64_t)(r % (uint64_t)n), lo));
	return 0;
}

static int fn_max(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	int64_t a = to_int64(argv[0]);
	for (int i = 1; i < argc; i++) {
		int64_t b = to_int64(argv[i]);
		if (b > a)
			a = b;
	}
	*out = osmo_int64(a);
	return 0;
}

static int fn_min(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	int64_t a = to_int64(argv[0]);
	for (int i = 1; i < argc; i++) {
		int64_t b = to_int64(argv[i]);
		if (b < a)
			a = b;
	}
	*out = osmo_int64(a);
	return 0;
}

/* ---- float functions ----------------------------------------------------- */

/* math.Max / math.Min special cases: infinities win over NaN, NaN wins over
 * numbers, and +0/-0 are ordered. */
static double go_max(double x, double y)
{
	if (isinf(x) && x > 0)
		return x;
	if (isinf(y) && y > 0)
		return y;
	if (isnan(x) || isnan(y))
		return NAN;
	if (x == 0 && x == y)
		return signbit(x) ? y : x;
	return x > y ? x : y;
}

static double go_min(double x, double y)
{
	if (isinf(x) && x < 0)
		return x;
	if (isinf(y) && y < 0)
		return y;
	if (isnan(x) || isnan(y))
		return NAN;
	if (x == 0 && x == y)
		return signbit(x) ? x : y;
	return x < y ? x : y;
}

static int fn_maxf(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	double a = to_float64(argv[0]);
	for (int i = 1; i < argc; i++)
		a = go_max(a, to_float64(argv[i]));
	*out = osmo_float(a);
	return 0;
}

static int fn_minf(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	double a = to_float64(argv[0]);
	for (int i = 1; i < argc; i++)
		a = go_min(a, to_float64(argv[i]));
	*out = osmo_float(a);
	return 0;
}

static int fn_ceil(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	(void)argc;
	*out = osmo_float(ceil(to_float64(argv[0])));
	return 0;
}

static int fn_floor(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	(void)argc;
	*out = osmo_float(floor(to_float64(argv[0])));
	return 0;
}

/* Go's math.Pow for an integral exponent: repeated squaring on the frexp
 * mantissa, then one division for negative powers.  Not always correctly
 * rounded, so libm's pow could differ for large exponents. */
static double go_pow_int(double x, int64_t y)
{
	if (y == 0 || x == 1)
		return 1;
	if (y == 1)
		return x;
	if (isnan(x))
		return NAN;
	if (x == 0 || isinf(x))
		return pow(x, (double)y);
	uint64_t yi = y < 0 ? 0 - (uint64_t)y : (uint64_t)y;
	double a1 = 1.0;
	long ae = 0;
	int xe;
	double x1 = frexp(x, &xe);
	long lxe = xe;
	for (uint64_t i = yi; i != 0; i >>= 1) {
		if (lxe < -(1L << 12) || (1L << 12) < lxe) {
			/* catastrophic over/underflow, as Go handles it */
			ae += lxe;
			break;
		}
		if (i & 1) {
			a1 *= x1;
			ae += lxe;
		}
		x1 *= x1;
		lxe <<= 1;
		if (x1 < .5) {
			x1 += x1;
			lxe--;
		}
	}
	if (y < 0) {
		if (a1 == 0 || isinf(a1))
			return pow(x, (double)y);
		a1 = 1 / a1;
		ae = -ae;
	}
	if (ae > 100000)
		ae = 100000;
	if (ae < -100000)
		ae = -100000;
	return ldexp(a1, (int)ae);
}

static int fn_round(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)ctx;
	double round_on = argc > 2 ? argv[2].u.f : .5;
	double val = to_float64(argv[0]);
	double pw = go_pow_int(10, argv[1].u.i);
	double digit = pw * val, ip;
	double frac = modf(digit, &ip);
	double r = frac >= round_on ? ceil(digit) : floor(digit);
	*out = osmo_float(r / pw);
	return 0;
}

/* ---- exact decimal arithmetic (shopspring/decimal's semantics) ---------- */

/* value = (-1)^neg * d[0..nd) * 10^exp; digits are 0..9, most significant
 * first, no leading zeros; zero has nd == 0. */
typedef struct dec {
	bool neg;
	uint8_t *d;
	size_t nd;
	long exp;
} dec;

static void dec_dispose(dec *x)
{
	osmo_free(x->d);
	x->d = NULL;
	x->nd = 0;
}

/* Takes ownership of d (n digits, possibly with leading zeros). */
static void dec_set(dec *x, uint8_t *d, size_t n, long exp, bool neg)
{
	size_t skip = 0;
	while (skip < n && d[skip] == 0)
		skip++;
	if (skip)
		memmove(d, d + skip, n - skip);
	osmo_free(x->d);
	x->d = d;
	x->nd = n - skip;
	x->exp = x->nd ? exp : 0;
	x->neg = x->nd ? neg : false;
}

/* decimal.NewFromFloat: the shortest digit string that reads back as f. */
static void dec_from_float(dec *x, double f)
{
	char buf[40];
	int p = 1;
	for (; p < 17; p++) {
		snprintf(buf, sizeof buf, "%.*e", p - 1, f);
		if (strtod(buf, NULL) == f)
			break;
	}
	snprintf(buf, sizeof buf, "%.*e", p - 1, f);
	uint8_t *d = osmo_malloc(32);
	size_t n = 0;
	const char *s = buf;
	bool neg = *s == '-';
	if (neg)
		s++;
	for (; *s && *s != 'e'; s++)
		if (*s >= '0' && *s <= '9')
			d[n++] = (uint8_t)(*s - '0');
	long e = strtol(s + 1, NULL, 10) - (long)(n - 1);
	while (n > 1 && d[n - 1] == 0) {
		n--;
		e++;
	}
	dec_set(x, d, n, e, neg);
}

static double dec_to_float(const dec *x)
{
	if (x->nd == 0)
		return 0;
	char *s = osmo_malloc(x->nd + 32);
	size_t k = 0;
	if (x->neg)
		s[k++] = '-';
	for (size_t i = 0; i < x->nd; i++)
		s[k++] = (char)('0' + x->d[i]);
	snprintf(s + k, 30, "e%ld", x->exp);
	double f = strtod(s, NULL);
	osmo_free(s);
	return f;
}

/* Copy of x's digits followed by `zeros` zeros, right-aligned in `width`. */
static uint8_t *digits_scaled(const dec *x, long zeros, size_t width)
{
	uint8_t *r = osmo_calloc(width ? width : 1, 1);
	if (x->nd)
		memcpy(r + width - x->nd - (size_t)zeros, x->d, x->nd);
	return r;
}

static int mag_cmp(const uint8_t *a, const uint8_t *b, size_t n)
{
	return memcmp(a, b, n);
}

/* a -= b, both n digits wide, a >= b. */
static void mag_sub(uint8_t *a, const uint8_t *b, size_t n)
{
	int borrow = 0;
	for (size_t i = n; i-- > 0;) {
		int v = a[i] - b[i] - borrow;
		borrow = v < 0;
		a[i] = (uint8_t)(v + (borrow ? 10 : 0));
	}
}

static void dec_add(dec *acc, const dec *x, bool negate)
{
	bool xneg = x->nd ? x->neg != negate : false;
	if (x->nd == 0)
		return;
	if (acc->nd == 0) {
		uint8_t *d = osmo_malloc(x->nd);
		memcpy(d, x->d, x->nd);
		dec_set(acc, d, x->nd, x->exp, xneg);
		return;
	}
	long e = acc->exp < x->exp ? acc->exp : x->exp;
	long za = acc->exp - e, zb = x->exp - e;
	size_t la = acc->nd + (size_t)za, lb = x->nd + (size_t)zb;
	size_t w = (la > lb ? la : lb) + 1;
	uint8_t *a = digits_scaled(acc, za, w), *b = digits_scaled(x, zb, w);
	bool neg = acc->neg;
	if (acc->neg == xneg) {
		int carry = 0;
		for (size_t i = w; i-- > 0;) {
			int v = a[i] + b[i] + carry;
			carry = v >= 10;
			a[i] = (uint8_t)(v - (carry ? 10 : 0));
		}
	} else if (mag_cmp(a, b, w) >= 0) {
		mag_sub(a, b, w);
	} else {
		mag_sub(b, a, w);
		uint8_t *t = a;
		a = b;
		b = t;
		neg = xneg;
	}
	osmo_free(b);
	dec_set(acc, a, w, e, neg);
}

static void dec_mul(dec *acc, const dec *x)
{
	if (acc->nd == 0 || x->nd == 0) {
		dec_set(acc, osmo_malloc(1), 0, 0, false);
		return;
	}
	size_t w = acc->nd + x->nd;
	unsigned *t = osmo_calloc(w, sizeof *t);
	for (size_t i = 0; i < acc->nd; i++)
		for (size_t j = 0; j < x->nd; j++)
			t[i + j + 1] += (unsigned)acc->d[i] * x->d[j];
	uint8_t *r = osmo_malloc(w);
	unsigned carry = 0;
	for (size_t i = w; i-- > 0;) {
		unsigned v = t[i] + carry;
		r[i] = (uint8_t)(v % 10);
		carry = v / 10;
	}
	osmo_free(t);
	dec_set(acc, r, w, acc->exp + x->exp, acc->neg != x->neg);
}

/* decimal.DivRound(x, prec): quotient truncated to prec places, then
 * rounded half away from zero on the remainder.  x must be non-zero. */
static void dec_div(dec *acc, const dec *x, int prec)
{
	if (acc->nd == 0)
		return;
	long e = acc->exp - x->exp + prec;
	size_t nn = acc->nd + (size_t)(e > 0 ? e : 0);
	size_t dn = x->nd + (size_t)(e < 0 ? -e : 0);
	uint8_t *num = digits_scaled(acc, e > 0 ? e : 0, nn);
	size_t w = dn + 1;
	uint8_t *den = digits_scaled(x, e < 0 ? -e : 0, w);
	uint8_t *rem = osmo_calloc(w, 1);
	uint8_t *q = osmo_malloc(nn + 1);
	q[0] = 0;
	for (size_t i = 0; i < nn; i++) {
		memmove(rem, rem + 1, w - 1);
		rem[w - 1] = num[i];
		uint8_t c = 0;
		while (mag_cmp(rem, den, w) >= 0) {
			mag_sub(rem, den, w);
			c++;
		}
		q[i + 1] = c;
	}
	/* round up when 2*rem >= den */
	int carry = 0;
	for (size_t i = w; i-- > 0;) {
		int v = rem[i] * 2 + carry;
		carry = v >= 10;
		rem[i] = (uint8_t)(v - (carry ? 10 : 0));
	}
	if (mag_cmp(rem, den, w) >= 0) {
		size_t i = nn + 1;
		while (i-- > 0) {
			if (q[i] < 9) {
				q[i]++;
				break;
			}
			q[i] = 0;
		}
	}
	osmo_free(num);
	osmo_free(den);
	osmo_free(rem);
	dec_set(acc, q, nn + 1, -(long)prec, acc->neg != x->neg);
}

/* ---- the *f functions ---------------------------------------------------- */

typedef int (*dec_op)(dec *acc, const dec *x, osmo_fnctx *ctx);

static int op_add(dec *acc, const dec *x, osmo_fnctx *ctx)
{
	(void)ctx;
	dec_add(acc, x, false);
	return 0;
}

static int op_sub(dec *acc, const dec *x, osmo_fnctx *ctx)
{
	(void)ctx;
	dec_add(acc, x, true);
	return 0;
}

static int op_mul(dec *acc, const dec *x, osmo_fnctx *ctx)
{
	(void)ctx;
	dec_mul(acc, x);
	return 0;
}

static int op_div(dec *acc, const dec *x, osmo_fnctx *ctx)
{
	if (x->nd == 0)
		return osmo_fn_errorf(ctx, "decimal division by 0");
	dec_div(acc, x, 16);
	return 0;
}

/* decimal.NewFromFloat panics on NaN and infinities. */
static int dec_from(dec *d, double f, osmo_fnctx *ctx)
{
	if (isnan(f))
		return osmo_fn_errorf(ctx, "Cannot create a Decimal from NaN");
	if (isinf(f))
		return osmo_fn_errorf(ctx, "Cannot create a Decimal from %s", f > 0 ? "+Inf" : "-Inf");
	dec_from_float(d, f);
	return 0;
}

static int exec_decimal(osmo_value *out, osmo_fnctx *ctx, double first, int argc,
			const osmo_value *argv, dec_op op)
{
	dec acc = { 0 }, x = { 0 };
	int rc = dec_from(&acc, first, ctx);
	for (int i = 0; !rc && i < argc; i++) {
		rc = dec_from(&x, to_float64(argv[i]), ctx);
		if (!rc)
			rc = op(&acc, &x, ctx);
	}
	if (!rc)
		*out = osmo_float(dec_to_float(&acc));
	dec_dispose(&acc);
	dec_dispose(&x);
	return rc;
}

static int fn_add1f(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_value one = osmo_int(1);
	return exec_decimal(out, ctx, to_float64(argv[0]), 1, &one, op_add);
}

static int fn_addf(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	return exec_decimal(out, ctx, 0, argc, argv, op_add);
}

static int fn_subf(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	return exec_decimal(out, ctx, to_float64(argv[0]), argc - 1, argv + 1, op_sub);
}

static int fn_mulf(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	return exec_decimal(out, ctx, to_float64(argv[0]), argc - 1, argv + 1, op_mul);
}

static int fn_divf(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	return exec_decimal(out, ctx, to_float64(argv[0]), argc - 1, argv + 1, op_div);
}

const osmo_func_def osmo_funcs_math[] = {
	{ "atoi", "s:i", fn_atoi },
	{ "int64", "a:I", fn_int64 },
	{ "int", "a:i", fn_int },
	{ "float64", "a:f", fn_float64 },
	{ "seq", "*i:s", fn_seq },
	{ "toDecimal", "a:I", fn_todecimal },
	{ "until", "i:l", fn_until },
	{ "untilStep", "iii:l", fn_untilstep },
	{ "add1", "a:I", fn_add1 },
	{ "add", "*a:I", fn_add },
	{ "sub", "aa:I", fn_sub },
	{ "div", "aa:I", fn_div },
	{ "mod", "aa:I", fn_mod },
	{ "mul", "a*a:I", fn_mul },
	{ "randInt", "ii:i", fn_randint },
	{ "add1f", "a:f", fn_add1f },
	{ "addf", "*a:f", fn_addf },
	{ "subf", "a*a:f", fn_subf },
	{ "divf", "a*a:f", fn_divf },
	{ "mulf", "a*a:f", fn_mulf },
	{ "biggest", "a*a:I", fn_max },
	{ "max", "a*a:I", fn_max },
	{ "min", "a*a:I", fn_min },
	{ "maxf", "a*a:f", fn_maxf },
	{ "minf", "a*a:f", fn_minf },
	{ "ceil", "a:f", fn_ceil },
	{ "floor", "a:f", fn_floor },
	{ "round", "ai*f:f", fn_round },
	{ NULL, NULL, NULL }
};
