/* cast.c - spf13/cast v1.7.0 (ToInt64/ToInt/ToFloat64/ToBool, the E-less
 * variants that return the zero value on failure) and Sprig v3.3.0's
 * strval/strslice/toString helpers.
 *
 * cast matches on exact Go types, so named types such as time.Duration fall
 * into its default branch and convert to zero, except in ToBool which lists
 * time.Duration explicitly.
 */
#include "osmo/cast.h"

#include <math.h>
#include <string.h>

#include "osmo/gofmt.h"
#include "osmo/gotime.h"
#include "osmo/numfmt.h"

/* cast's trimZeroDecimal: "12.00" -> "12", "12.5" and "12." unchanged. */
static size_t trim_zero_decimal(const char *s, size_t n)
{
	bool found_zero = false;
	for (size_t i = n; i > 0; i--) {
		char c = s[i - 1];
		if (c == '.') {
			if (found_zero)
				return i - 1;
		} else if (c == '0') {
			found_zero = true;
		} else {
			return n;
		}
	}
	return n;
}

/* Go's float64 -> int64 conversion as amd64 performs it: truncation, and
 * the "integer indefinite" value for NaN and out-of-range inputs. */
static int64_t float_to_int64(double f)
{
	if (isnan(f) || f >= 9223372036854775808.0 || f < -9223372036854775808.0)
		return INT64_MIN;
	return (int64_t)f;
}

int64_t osmo_cast_int64(osmo_value v)
{
	int64_t out;
	switch (v.type) {
	case OSMO_V_BOOL:
		return v.u.b ? 1 : 0;
	case OSMO_V_INT:
		if (v.sub == OSMO_GO_DURATION)
			return 0; /* not one of cast's listed types */
		if (v.sub == OSMO_GO_UINT8)
			return v.u.i & 0xFF;
		if (v.sub == OSMO_GO_UINT32)
			return v.u.i & 0xFFFFFFFF;
		return v.u.i;
	case OSMO_V_FLOAT:
		return float_to_int64(v.u.f);
	case OSMO_V_STRING:
		if (v.sub != OSMO_GO_STRING)
			return 0;
		if (osmo_numfmt_parse_int(&out, v.u.s.ptr, trim_zero_decimal(v.u.s.ptr, v.u.s.len),
					  0) != 0)
			return 0;
		return out;
	default:
		return 0;
	}
}

int64_t osmo_cast_int(osmo_value v)
{
	return osmo_cast_int64(v); /* int is 64 bits wide on Helm's platforms */
}

double osmo_cast_float64(osmo_value v)
{
	double out;
	switch (v.type) {
	case OSMO_V_BOOL:
		return v.u.b ? 1 : 0;
	case OSMO_V_INT:
		switch (v.sub) {
		case OSMO_GO_DURATION:
			return 0;
		case OSMO_GO_UINT8:
			return (double)(v.u.i & 0xFF);
		case OSMO_GO_UINT32:
			return (double)(v.u.i & 0xFFFFFFFF);
		case OSMO_GO_UINT:
		case OSMO_GO_UINT64:
			return (double)(uint64_t)v.u.i;
		default:
			return (double)v.u.i;
		}
	case OSMO_V_FLOAT:
		return v.u.f;
	case OSMO_V_STRING:
		if (v.sub != OSMO_GO_STRING)
			return 0;
		if (osmo_numfmt_parse_float(&out, v.u.s.ptr, v.u.s.len) != 0)
			return 0;
		return out;
	default:
		return 0;
	}
}

/* strconv.ParseBool's accepted spellings. */
static bool parse_bool(bool *out, const char *s, size_t n)
{
	static const char *const yes[] = { "1", "t", "T", "TRUE", "true", "True" };
	static const char *const no[] = { "0", "f", "F", "FALSE", "false", "False" };
	for (size_t i = 0; i < 6; i++) {
		if (strlen(yes[i]) == n && memcmp(yes[i], s, n) == 0)
			return *out = true, true;
		if (strlen(no[i]) == n && memcmp(no[i], s, n) == 0)
			return *out = false, true;
	}
	return false;
}

bool osmo_cast_bool(osmo_value v)
{
	bool out = false;
	switch (v.type) {
	case OSMO_V_BOOL:
		return v.u.b;
	case OSMO_V_INT:
		if (v.sub == OSMO_GO_UINT8)
			return (v.u.i & 0xFF) != 0;
		if (v.sub == OSMO_GO_UINT32)
			return (v.u.i & 0xFFFFFFFF) != 0;
		return v.u.i != 0;
	case OSMO_V_FLOAT:
		return v.u.f != 0;
	case OSMO_V_STRING:
		if (v.sub == OSMO_GO_STRING)
			parse_bool(&out, v.u.s.ptr, v.u.s.len);
		return out;
	default:
		return false;
	}
}

void osmo_cast_strval(osmo_buf *b, osmo_value v)
{
	switch (v.type) {
	case OSMO_V_STRING: /* string, and []byte as string(v) */
		osmo_buf_put(b, v.u.s.ptr, v.u.s.len);
		return;
	case OSMO_V_INT:
		if (v.sub == OSMO_GO_DURATION) {
			osmo_gotime_duration_string(b, v.u.i);
			return;
		}
		break;
	case OSMO_V_OBJECT:
		if (v.u.obj->cls->print) { /* Stringer */
			v.u.obj->cls->print(b, v.u.obj);
			return;
		}
		break;
	default:
		break;
	}
	osmo_gofmt_value(b, v);
}

osmo_value osmo_cast_tostring(osmo_arena *a, osmo_value v)
{
	if (osmo_is_string(v))
		return v;
	osmo_buf b = OSMO_BUF_INIT;
	osmo_cast_strval(&b, v);
	osmo_value r = osmo_string(a, b.ptr ? b.ptr : "", b.len);
	osmo_buf_dispose(&b);
	return r;
}

osmo_value osmo_cast_strslice(osmo_arena *a, osmo_value v)
{
	osmo_value out;
	if (v.type == OSMO_V_LIST && v.sub == OSMO_GO_STRLIST)
		return v; /* []string is returned as is */
	if (v.type == OSMO_V_LIST) {
		size_t n = v.u.list ? v.u.list->len : 0;
		out = osmo_list_new(a, n);
		for (size_t i = 0; i < n; i++) {
			osmo_value e = v.u.list->items[i];
			if (e.type != OSMO_V_NULL)
				osmo_list_push(a, out.u.list, osmo_cast_tostring(a, e));
		}
	} else if (v.type == OSMO_V_STRING && v.sub == OSMO_GO_BYTES) {
		/* a byte slice is a slice: one string per element */
		out = osmo_list_new(a, v.u.s.len);
		for (size_t i = 0; i < v.u.s.len; i++) {
			osmo_value e = osmo_int((unsigned char)v.u.s.ptr[i]);
			e.sub = OSMO_GO_UINT8;
			osmo_list_push(a, out.u.list, osmo_cast_tostring(a, e));
		}
	} else {
		out = osmo_list_new(a, 1);
		if (v.type != OSMO_V_NULL)
			osmo_list_push(a, out.u.list, osmo_cast_tostring(a, v));
	}
	out.sub = OSMO_GO_STRLIST;
	return out;
}
