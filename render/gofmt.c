/* gofmt.c - Go's fmt package (print.go/format.go semantics) over osmo_value:
 * Sprint, Sprintln, Sprintf with flags, width, precision, argument indexes
 * and Go's inline error forms (%!d(string=x), %!v(MISSING), %!(EXTRA ...)).
 *
 * The structure follows fmt's own split: a "printer" that dispatches on the
 * operand's Go type (print_arg / print_value) and a "formatter" that pads
 * and lays out one primitive (fmt_integer, fmt_float, fmt_str ...), with
 * the flag state shared between them as in Go, so flags apply to every
 * element of a list or map.
 */
#include "osmo/gofmt.h"

#include <stdio.h>
#include <string.h>

#include "osmo/gotime.h"
#include "osmo/numfmt.h"

typedef struct pstate {
	osmo_buf *b;
	bool plus, minus, sharp, space, zero;
	bool plusv, sharpv; /* %+v and %#v */
	bool wid_present, prec_present;
	int wid, prec;
	bool erroring; /* inside %!verb(...): Stringers are not consulted */
} pstate;

static const char ldigits[] = "0123456789abcdefx";
static const char udigits[] = "0123456789ABCDEFX";

static void clear_flags(pstate *st)
{
	st->plus = st->minus = st->sharp = st->space = st->zero = false;
	st->plusv = st->sharpv = false;
	st->wid_present = st->prec_present = false;
	st->wid = st->prec = 0;
}

static size_t rune_count(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; c++) {
		int w;
		osmo_numfmt_decode_rune(s + i, n - i, &w);
		i += (size_t)w;
	}
	return c;
}

static void write_padding(pstate *st, int n)
{
	if (n <= 0)
		return;
	char c = st->zero && !st->minus ? '0' : ' ';
	osmo_buf_grow(st->b, (size_t)n);
	for (int i = 0; i < n; i++)
		osmo_buf_putc(st->b, c);
}

/* Go's fmt.pad / padString: width counts runes. */
static void pad(pstate *st, const char *s, size_t n)
{
	if (!st->wid_present || st->wid == 0) {
		osmo_buf_put(st->b, s, n);
		return;
	}
	int width = st->wid - (int)rune_count(s, n);
	if (!st->minus) {
		write_padding(st, width);
		osmo_buf_put(st->b, s, n);
	} else {
		osmo_buf_put(st->b, s, n);
		write_padding(st, width);
	}
}

static void pad_cstr(pstate *st, const char *s)
{
	pad(st, s, strlen(s));
}

/* Pads the contents of a temporary buffer and frees it. */
static void pad_buf(pstate *st, osmo_buf *t)
{
	pad(st, t->ptr ? t->ptr : "", t->len);
	osmo_buf_dispose(t);
}

/* ---- primitives (format.go) ------------------------------------------- */

static void fmt_integer(pstate *st, uint64_t u, int base, bool is_signed, int verb,
			const char *digits)
{
	bool negative = is_signed && (int64_t)u < 0;
	if (negative)
		u = -u;
	int prec = 0;
	if (st->prec_present) {
		prec = st->prec;
		if (prec == 0 && u == 0) {
			bool old = st->zero;
			st->zero = false;
			write_padding(st, st->wid);
			st->zero = old;
			return;
		}
	} else if (st->zero && !st->minus && st->wid_present) {
		prec = st->wid;
		if (negative || st->plus || st->space)
			prec--;
	}
	char stackbuf[96];
	size_t cap = 72 + (size_t)(prec > 0 ? prec : 0);
	char *buf = cap <= sizeof stackbuf ? stackbuf : osmo_malloc(cap);
	size_t i = cap;
	do {
		buf[--i] = digits[u % (unsigned)base];
		u /= (unsigned)base;
	} while (u);
	while (i > 8 && (int)(cap - i) < prec)
		buf[--i] = '0';
	if (st->sharp) {
		if (base == 2) {
			buf[--i] = 'b';
			buf[--i] = '0';
		} else if (base == 8 && buf[i] != '0') {
			buf[--i] = '0';
		} else if (base == 16) {
			buf[--i] = digits[16];
			buf[--i] = '0';
		}
	}
	if (verb == 'O') {
		buf[--i] = 'o';
		buf[--i] = '0';
	}
	if (negative)
		buf[--i] = '-';
	else if (st->plus)
		buf[--i] = '+';
	else if (st->space)
		buf[--i] = ' ';
	bool old = st->zero;
	st->zero = false;
	pad(st, buf + i, cap - i);
	st->zero = old;
	if (buf != stackbuf)
		osmo_free(buf);
}

static void fmt_unicode(pstate *st, uint64_t u)
{
	osmo_buf t = OSMO_BUF_INIT;
	int prec = 4;
	if (st->prec_present && st->prec > 4)
		prec = st->prec;
	char hex[17];
	int n = 0;
	uint64_t x = u;
	do {
		hex[n++] = udigits[x & 0xF];
		x >>= 4;
	} while (x);
	osmo_buf_puts(&t, "U+");
	for (int z = n; z < prec; z++)
		osmo_buf_putc(&t, '0');
	while (n > 0)
		osmo_buf_putc(&t, hex[--n]);
	if (st->sharp && u <= 0x10FFFF && osmo_numfmt_is_print((int32_t)u)) {
		osmo_buf_puts(&t, " '");
		osmo_numfmt_put_rune(&t, (int32_t)u);
		osmo_buf_putc(&t, '\'');
	}
	bool old = st->zero;
	st->zero = false;
	pad_buf(st, &t);
	st->zero = old;
}

static void fmt_c(pstate *st, uint64_t c)
{
	osmo_buf t = OSMO_BUF_INIT;
	osmo_numfmt_put_rune(&t, c > 0x10FFFF ? 0xFFFD : (int32_t)c);
	pad_buf(st, &t);
}

static void fmt_qc(pstate *st, uint64_t c)
{
	osmo_buf t = OSMO_BUF_INIT;
	int32_t r = c > 0x10FFFF ? 0xFFFD : (int32_t)c;
	if (st->plus)
		osmo_numfmt_quote_rune_ascii(&t, r);
	else
		osmo_numfmt_quote_rune(&t, r);
	pad_buf(st, &t);
}

/* Truncates to the precision, counted in runes. */
static size_t truncate_len(const pstate *st, const char *s, size_t n)
{
	if (!st->prec_present)
		return n;
	size_t i = 0;
	for (int k = 0; k < st->prec && i < n; k++) {
		int w;
		osmo_numfmt_decode_rune(s + i, n - i, &w);
		i += (size_t)w;
	}
	return i;
}

static void fmt_s(pstate *st, const char *s, size_t n)
{
	pad(st, s, truncate_len(st, s, n));
}

/* %x / %X on strings and byte slices (fmtSbx). */
static void fmt_sbx(pstate *st, const char *s, size_t n, const char *digits)
{
	size_t length = n;
	if (st->prec_present && (size_t)st->prec < length)
		length = (size_t)st->prec;
	int width = 2 * (int)length;
	if (width > 0) {
		if (st->space) {
			if (st->sharp)
				width *= 2;
			width += (int)length - 1;
		} else if (st->sharp) {
			width += 2;
		}
	} else {
		if (st->wid_present)
			write_padding(st, st->wid);
		return;
	}
	if (st->wid_present && st->wid > width && !st->minus)
		write_padding(st, st->wid - width);
	osmo_buf *b = st->b;
	if (st->sharp) {
		osmo_buf_putc(b, '0');
		osmo_buf_putc(b, digits[16]);
	}
	for (size_t i = 0; i < length; i++) {
		if (st->space && i > 0) {
			osmo_buf_putc(b, ' ');
			if (st->sharp) {
				osmo_buf_putc(b, '0');
				osmo_buf_putc(b, digits[16]);
			}
		}
		unsigned char c = (unsigned char)s[i];
		osmo_buf_putc(b, digits[c >> 4]);
		osmo_buf_putc(b, digits[c & 0xF]);
	}
	if (st->wid_present && st->wid > width && st->minus)
		write_padding(st, st->wid - width);
}

static void fmt_q(pstate *st, const char *s, size_t n)
{
	n = truncate_len(st, s, n);
	osmo_buf t = OSMO_BUF_INIT;
	if (st->sharp && osmo_numfmt_can_backquote(s, n)) {
		osmo_buf_putc(&t, '`');
		osmo_buf_put(&t, s, n);
		osmo_buf_putc(&t, '`');
	} else if (st->plus) {
		osmo_numfmt_quote_ascii(&t, s, n);
	} else {
		osmo_numfmt_quote(&t, s, n);
	}
	pad_buf(st, &t);
}

static void fmt_float(pstate *st, double v, int verb, int prec)
{
	osmo_buf t = OSMO_BUF_INIT;
	if (st->prec_present)
		prec = st->prec;
	osmo_buf_putc(&t, '+');
	osmo_numfmt_float(&t, v, verb == 'F' ? 'f' : (char)verb, prec);
	char *num = t.ptr;
	size_t len = t.len;
	if (num[1] == '-' || num[1] == '+') {
		num++;
		len--;
	} else {
		num[0] = '+';
	}
	if (st->space && num[0] == '+' && !st->plus)
		num[0] = ' ';
	if (num[1] == 'I' || num[1] == 'N') {
		bool old = st->zero;
		st->zero = false;
		if (num[1] == 'N' && !st->space && !st->plus) {
			num++;
			len--;
		}
		pad(st, num, len);
		st->zero = old;
		osmo_buf_dispose(&t);
		return;
	}
	if (st->sharp && verb != 'b') {
		/* %#g etc.: keep a decimal point and (for g/x) trailing zeros. */
		int digits = 0;
		if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x')
			digits = prec == -1 ? 6 : prec;
		char tail[16] = "";
		bool has_point = false, nonzero = false;
		for (size_t i = 1; i < len; i++) {
			char c = num[i];
			if (c == '.') {
				has_point = true;
			} else if (c == 'p' || c == 'P' ||
				   ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
				snprintf(tail, sizeof tail, "%.*s", (int)(len - i), num + i);
				len = i;
				break;
			} else {
				if (c != '0')
					nonzero = true;
				if (nonzero)
					digits--;
			}
		}
		osmo_buf n2 = OSMO_BUF_INIT;
		osmo_buf_put(&n2, num, len);
		if (!has_point) {
			if (len == 2 && num[1] == '0')
				digits--;
			osmo_buf_putc(&n2, '.');
		}
		for (; digits > 0; digits--)
			osmo_buf_putc(&n2, '0');
		osmo_buf_puts(&n2, tail);
		osmo_buf_dispose(&t);
		t = n2;
		num = t.ptr;
		len = t.len;
	}
	if (st->plus || num[0] != '+') {
		if (st->zero && !st->minus && st->wid_present && st->wid > (int)len) {
			osmo_buf_putc(st->b, num[0]);
			write_padding(st, st->wid - (int)len);
			osmo_buf_put(st->b, num + 1, len - 1);
		} else {
			pad(st, num, len);
		}
	} else {
		pad(st, num + 1, len - 1);
	}
	osmo_buf_dispose(&t);
}

/* ---- printer (print.go) ------------------------------------------------ */

static void print_value(pstate *st, osmo_value v, int verb, int depth);

static void bad_verb(pstate *st, osmo_value v, int verb)
{
	st->erroring = true;
	osmo_buf_puts(st->b, "%!");
	osmo_numfmt_put_rune(st->b, verb);
	osmo_buf_putc(st->b, '(');
	if (v.type == OSMO_V_NULL) {
		osmo_buf_puts(st->b, "<nil>");
	} else {
		osmo_buf_puts(st->b, osmo_value_gotype(v));
		osmo_buf_putc(st->b, '=');
		print_value(st, v, 'v', 0);
	}
	osmo_buf_putc(st->b, ')');
	st->erroring = false;
}

static void print_int(pstate *st, osmo_value v, int verb)
{
	bool is_signed = v.sub == OSMO_GO_INT || v.sub == OSMO_GO_INT64 ||
			 v.sub == OSMO_GO_INT32 || v.sub == OSMO_GO_DURATION;
	uint64_t u = (uint64_t)v.u.i;
	if (v.sub == OSMO_GO_UINT8)
		u &= 0xFF;
	else if (v.sub == OSMO_GO_UINT32)
		u &= 0xFFFFFFFFu;
	switch (verb) {
	case 'v':
		if (st->sharpv && !is_signed) {
			bool old = st->sharp;
			st->sharp = true;
			fmt_integer(st, u, 16, false, 'v', ldigits);
			st->sharp = old;
		} else {
			fmt_integer(st, u, 10, is_signed, verb, ldigits);
		}
		break;
	case 'd': fmt_integer(st, u, 10, is_signed, verb, ldigits); break;
	case 'b': fmt_integer(st, u, 2, is_signed, verb, ldigits); break;
	case 'o':
	case 'O': fmt_integer(st, u, 8, is_signed, verb, ldigits); break;
	case 'x': fmt_integer(st, u, 16, is_signed, verb, ldigits); break;
	case 'X': fmt_integer(st, u, 16, is_signed, verb, udigits); break;
	case 'c': fmt_c(st, u); break;
	case 'q': fmt_qc(st, u); break;
	case 'U': fmt_unicode(st, u); break;
	default: bad_verb(st, v, verb); break;
	}
}

static void print_float(pstate *st, osmo_value v, int verb)
{
	switch (verb) {
	case 'v': fmt_float(st, v.u.f, 'g', -1); break;
	case 'b':
	case 'g':
	case 'G':
	case 'x':
	case 'X': fmt_float(st, v.u.f, verb, -1); break;
	case 'f':
	case 'e':
	case 'E':
	case 'F': fmt_float(st, v.u.f, verb, 6); break;
	default: bad_verb(st, v, verb); break;
	}
}

static void print_string(pstate *st, osmo_value v, const char *s, size_t n, int verb)
{
	switch (verb) {
	case 'v':
		if (st->sharpv)
			fmt_q(st, s, n);
		else
			fmt_s(st, s, n);
		break;
	case 's': fmt_s(st, s, n); break;
	case 'x': fmt_sbx(st, s, n, ldigits); break;
	case 'X': fmt_sbx(st, s, n, udigits); break;
	case 'q': fmt_q(st, s, n); break;
	default: bad_verb(st, v, verb); break;
	}
}

static void print_bytes(pstate *st, osmo_value v, int verb)
{
	const char *s = v.u.s.ptr;
	size_t n = v.u.s.len;
	switch (verb) {
	case 's': fmt_s(st, s, n); return;
	case 'x': fmt_sbx(st, s, n, ldigits); return;
	case 'X': fmt_sbx(st, s, n, udigits); return;
	case 'q': fmt_q(st, s, n); return;
	default: break;
	}
	if (st->sharpv && (verb == 'v' || verb == 'd')) {
		osmo_buf_puts(st->b, "[]byte{");
		for (size_t i = 0; i < n; i++) {
			if (i > 0)
				osmo_buf_puts(st->b, ", ");
			bool old = st->sharp;
			st->sharp = true;
			fmt_integer(st, (unsigned char)s[i], 16, false, 'v', ldigits);
			st->sharp = old;
		}
		osmo_buf_putc(st->b, '}');
		return;
	}
	osmo_buf_putc(st->b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			osmo_buf_putc(st->b, ' ');
		osmo_value e = osmo_int((unsigned char)s[i]);
		e.sub = OSMO_GO_UINT8;
		print_int(st, e, verb == 'v' ? 'd' : verb);
	}
	osmo_buf_putc(st->b, ']');
}

/* Go's Stringer rule: objects (and durations) print through String() for
 * the string-ish verbs, unless we are inside an error form. */
static bool stringer_verb(const pstate *st, int verb)
{
	return !st->erroring && !st->sharpv &&
	       (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q');
}

static void print_object(pstate *st, osmo_value v, int verb)
{
	osmo_buf t = OSMO_BUF_INIT;
	const osmo_object *o = v.u.obj;
	if (o->cls->print)
		o->cls->print(&t, o);
	else
		osmo_buf_puts(&t, "{}");
	if (stringer_verb(st, verb) || verb == 'v')
		print_string(st, v, t.ptr ? t.ptr : "", t.len, verb);
	else
		bad_verb(st, v, verb);
	osmo_buf_dispose(&t);
}

static void print_list(pstate *st, osmo_value v, int verb, int depth)
{
	const osmo_list *l = v.u.list;
	if (st->sharpv) {
		osmo_buf_puts(st->b, osmo_value_gotype(v));
		osmo_buf_putc(st->b, '{');
	} else {
		osmo_buf_putc(st->b, '[');
	}
	for (size_t i = 0; l && i < l->len; i++) {
		if (i > 0)
			osmo_buf_puts(st->b, st->sharpv ? ", " : " ");
		print_value(st, l->items[i], verb, depth + 1);
	}
	osmo_buf_putc(st->b, st->sharpv ? '}' : ']');
}

static void print_map(pstate *st, osmo_value v, int verb, int depth)
{
	const osmo_map *m = v.u.map;
	if (st->sharpv) {
		osmo_buf_puts(st->b, osmo_value_gotype(v));
		osmo_buf_putc(st->b, '{');
	} else {
		osmo_buf_puts(st->b, "map[");
	}
	for (size_t i = 0; m && i < m->len; i++) {
		if (i > 0)
			osmo_buf_puts(st->b, st->sharpv ? ", " : " ");
		osmo_value k = osmo_str_ref(m->ents[i].key.ptr, m->ents[i].key.len);
		print_value(st, k, verb, depth + 1);
		osmo_buf_putc(st->b, ':');
		print_value(st, m->ents[i].val, verb, depth + 1);
	}
	osmo_buf_putc(st->b, st->sharpv ? '}' : ']');
}

/* printArg (depth 0) and printValue (elements) in one: our values carry
 * their dynamic type, so both reduce to a switch on it. */
static void print_value(pstate *st, osmo_value v, int verb, int depth)
{
	if (v.type == OSMO_V_NULL) {
		if (depth > 0) /* a nil interface{} element */
			osmo_buf_puts(st->b, st->sharpv ? "interface {}(nil)" : "<nil>");
		else if (verb == 'T' || verb == 'v')
			pad_cstr(st, "<nil>");
		else
			bad_verb(st, v, verb);
		return;
	}
	if (verb == 'T' && depth == 0) {
		fmt_s(st, osmo_value_gotype(v), strlen(osmo_value_gotype(v)));
		return;
	}
	if (verb == 'p' && depth == 0) {
		if (v.type == OSMO_V_LIST || v.type == OSMO_V_MAP || v.type == OSMO_V_OBJECT ||
		    (v.type == OSMO_V_STRING && v.sub == OSMO_GO_BYTES))
			pad_cstr(st, "0xc000010000"); /* addresses are not reproducible */
		else
			bad_verb(st, v, verb);
		return;
	}
	/* %w outside Errorf: containers and objects reach fmt's handleMethods,
	 * which rejects the operand as a whole. */
	if (verb == 'w' && (v.type == OSMO_V_LIST || v.type == OSMO_V_MAP || v.type == OSMO_V_OBJECT)) {
		bad_verb(st, v, verb);
		return;
	}
	switch (v.type) {
	case OSMO_V_BOOL:
		if (verb == 't' || verb == 'v')
			pad_cstr(st, v.u.b ? "true" : "false");
		else
			bad_verb(st, v, verb);
		break;
	case OSMO_V_INT:
		if (v.sub == OSMO_GO_DURATION && stringer_verb(st, verb)) {
			osmo_buf t = OSMO_BUF_INIT;
			osmo_gotime_duration_string(&t, v.u.i);
			print_string(st, v, t.ptr, t.len, verb);
			osmo_buf_dispose(&t);
		} else {
			print_int(st, v, verb);
		}
		break;
	case OSMO_V_FLOAT:
		print_float(st, v, verb);
		break;
	case OSMO_V_STRING:
		if (v.sub == OSMO_GO_BYTES)
			print_bytes(st, v, verb);
		else
			print_string(st, v, v.u.s.ptr, v.u.s.len, verb);
		break;
	case OSMO_V_LIST:
		print_list(st, v, verb, depth);
		break;
	case OSMO_V_MAP:
		print_map(st, v, verb, depth);
		break;
	case OSMO_V_OBJECT:
		print_object(st, v, verb);
		break;
	}
}

/* ---- entry points ------------------------------------------------------- */

void osmo_gofmt_value(osmo_buf *b, osmo_value v)
{
	pstate st = { 0 };
	st.b = b;
	print_value(&st, v, 'v', 0);
}

void osmo_gofmt_sprint(osmo_buf *b, int argc, const osmo_value *argv)
{
	bool prev_string = false;
	for (int i = 0; i < argc; i++) {
		bool is_string = osmo_is_string(argv[i]);
		if (i > 0 && !is_string && !prev_string)
			osmo_buf_putc(b, ' ');
		osmo_gofmt_value(b, argv[i]);
		prev_string = is_string;
	}
}

void osmo_gofmt_sprintln(osmo_buf *b, int argc, const osmo_value *argv)
{
	for (int i = 0; i < argc; i++) {
		if (i > 0)
			osmo_buf_putc(b, ' ');
		osmo_gofmt_value(b, argv[i]);
	}
	osmo_buf_putc(b, '\n');
}

/* ---- Sprintf (doPrintf) ------------------------------------------------- */

static bool too_large(int64_t x)
{
	return x > 1000000 || x < -1000000;
}

/* Decimal number at s[i..end); *isnum false when there is none. */
static size_t parse_num(const char *s, size_t i, size_t end, int *num, bool *isnum)
{
	*num = 0;
	*isnum = false;
	if (i >= end)
		return end;
	for (; i < end && s[i] >= '0' && s[i] <= '9'; i++) {
		if (too_large(*num)) {
			*num = 0;
			*isnum = false;
			return end;
		}
		*num = *num * 10 + (s[i] - '0');
		*isnum = true;
	}
	return i;
}

typedef struct fstate {
	const osmo_value *argv;
	int argc;
	int argnum;
	bool reordered, good_argnum;
} fstate;

/* "[n]" explicit argument index at s[i]; returns the new i and sets
 * *found when an index was consumed. */
static size_t arg_number(fstate *fs, const char *s, size_t i, size_t end, bool *found)
{
	*found = false;
	if (i >= end || s[i] != '[')
		return i;
	fs->reordered = true;
	size_t rest = end - i;
	size_t wid = 1;
	bool ok = false;
	int index = 0;
	if (rest >= 3) {
		for (size_t j = 1; j < rest; j++) {
			if (s[i + j] == ']') {
				int num;
				bool isnum;
				size_t ni = parse_num(s + i, 1, j, &num, &isnum);
				wid = j + 1;
				if (isnum && ni == j) {
					ok = true;
					index = num - 1;
				}
				break;
			}
		}
	}
	if (ok && index >= 0 && index < fs->argc) {
		fs->argnum = index;
		*found = true;
		return i + wid;
	}
	fs->good_argnum = false;
	*found = ok;
	return i + wid;
}

/* Width or precision from an argument ('*'). */
static bool int_from_arg(fstate *fs, int *num)
{
	bool isint = false;
	*num = 0;
	if (fs->argnum < fs->argc) {
		osmo_value a = fs->argv[fs->argnum];
		if (a.type == OSMO_V_INT) {
			bool is_unsigned = a.sub == OSMO_GO_UINT8 || a.sub == OSMO_GO_UINT ||
					   a.sub == OSMO_GO_UINT32 || a.sub == OSMO_GO_UINT64;
			if (!is_unsigned || a.u.i >= 0) {
				if (too_large(a.u.i)) {
					*num = 0;
				} else {
					*num = (int)a.u.i;
					isint = true;
				}
			}
		}
		fs->argnum++;
	}
	return isint;
}

void osmo_gofmt_sprintf(osmo_buf *b, const char *format, size_t flen, int argc,
			const osmo_value *argv)
{
	pstate st = { 0 };
	fstate fs = { argv, argc, 0, false, true };
	size_t end = flen, i = 0;
	bool after_index = false;
	st.b = b;

	while (i < end) {
		fs.good_argnum = true;
		size_t lasti = i;
		while (i < end && format[i] != '%')
			i++;
		if (i > lasti)
			osmo_buf_put(b, format + lasti, i - lasti);
		if (i >= end)
			break;
		i++;
		clear_flags(&st);
		bool simple = false;
		for (; i < end; i++) {
			char c = format[i];
			if (c == '#') {
				st.sharp = true;
			} else if (c == '0') {
				st.zero = !st.minus;
			} else if (c == '+') {
				st.plus = true;
			} else if (c == '-') {
				st.minus = true;
				st.zero = false;
			} else if (c == ' ') {
				st.space = true;
			} else {
				/* fast path: flags and a lower-case verb */
				if (c >= 'a' && c <= 'z' && fs.argnum < argc) {
					if (c == 'v') {
						st.sharpv = st.sharp;
						st.sharp = false;
						st.plusv = st.plus;
						st.plus = false;
					}
					print_value(&st, argv[fs.argnum], c, 0);
					fs.argnum++;
					i++;
					simple = true;
				}
				break;
			}
		}
		if (simple)
			continue;

		i = arg_number(&fs, format, i, end, &after_index);

		if (i < end && format[i] == '*') {
			i++;
			st.wid_present = int_from_arg(&fs, &st.wid);
			if (!st.wid_present)
				osmo_buf_puts(b, "%!(BADWIDTH)");
			if (st.wid < 0) {
				st.wid = -st.wid;
				st.minus = true;
				st.zero = false;
			}
			after_index = false;
		} else {
			i = parse_num(format, i, end, &st.wid, &st.wid_present);
			if (after_index && st.wid_present)
				fs.good_argnum = false;
		}

		if (i + 1 < end && format[i] == '.') {
			i++;
			if (after_index)
				fs.good_argnum = false;
			i = arg_number(&fs, format, i, end, &after_index);
			if (i < end && format[i] == '*') {
				i++;
				st.prec_present = int_from_arg(&fs, &st.prec);
				if (st.prec < 0) {
					st.prec = 0;
					st.prec_present = false;
				}
				if (!st.prec_present)
					osmo_buf_puts(b, "%!(BADPREC)");
				after_index = false;
			} else {
				i = parse_num(format, i, end, &st.prec, &st.prec_present);
				if (!st.prec_present) {
					st.prec = 0;
					st.prec_present = true;
				}
			}
		}

		if (!after_index)
			i = arg_number(&fs, format, i, end, &after_index);

		if (i >= end) {
			osmo_buf_puts(b, "%!(NOVERB)");
			break;
		}

		int w = 1;
		int32_t verb = (unsigned char)format[i];
		if (verb >= 0x80)
			verb = osmo_numfmt_decode_rune(format + i, end - i, &w);
		i += (size_t)w;

		if (verb == '%') {
			osmo_buf_putc(b, '%');
		} else if (!fs.good_argnum) {
			osmo_buf_puts(b, "%!");
			osmo_numfmt_put_rune(b, verb);
			osmo_buf_puts(b, "(BADINDEX)");
		} else if (fs.argnum >= argc) {
			osmo_buf_puts(b, "%!");
			osmo_numfmt_put_rune(b, verb);
			osmo_buf_puts(b, "(MISSING)");
		} else {
			if (verb == 'v') {
				st.sharpv = st.sharp;
				st.sharp = false;
				st.plusv = st.plus;
				st.plus = false;
			}
			print_value(&st, argv[fs.argnum], verb, 0);
			fs.argnum++;
		}
	}

	if (!fs.reordered && fs.argnum < argc) {
		clear_flags(&st);
		osmo_buf_puts(b, "%!(EXTRA ");
		for (int k = fs.argnum; k < argc; k++) {
			if (k > fs.argnum)
				osmo_buf_puts(b, ", ");
			if (argv[k].type == OSMO_V_NULL) {
				osmo_buf_puts(b, "<nil>");
			} else {
				osmo_buf_puts(b, osmo_value_gotype(argv[k]));
				osmo_buf_putc(b, '=');
				print_value(&st, argv[k], 'v', 0);
			}
		}
		osmo_buf_putc(b, ')');
	}
}
