/* yaml_pretty.c - Helm's toYamlPretty: a go-yaml v3 Encoder with
 * SetIndent(2) on the values as they are (no JSON round trip, so float64
 * 1e6 prints 1e+06), sequences indented under their key, no line folding. */
#include "osmo/yaml.h"

#include <math.h>
#include <string.h>

#include "osmo/numfmt.h"
#include "yaml_emit.h"
#include "yaml_priv.h"

static int leaf(yleaf *lf, osmo_arena *tmp, osmo_buf *scratch)
{
	lf->s = osmo_arena_strndup(tmp, scratch->ptr ? scratch->ptr : "", scratch->len);
	lf->n = scratch->len;
	lf->style = YS_PLAIN;
	return 1;
}

static int conv_v3(osmo_value *v, yleaf *lf, osmo_arena *tmp, osmo_buf *scratch)
{
	if (osmo_value_is_nil_container(*v))
		*v = osmo_null();
	osmo_buf_clear(scratch);
	while (v->type == OSMO_V_OBJECT) {
		osmo_value view;
		if (v->u.obj->cls->marshal && v->u.obj->cls->marshal(&view, tmp, v->u.obj) == 0)
			*v = osmo_value_struct_to_map(tmp, view);
		else
			*v = osmo_map_new(tmp, 0);
	}
	*v = osmo_value_struct_to_map(tmp, *v);
	if (osmo_value_is_nil_container(*v))
		*v = osmo_null();
	switch (v->type) {
	case OSMO_V_NULL:
		osmo_buf_puts(scratch, "null");
		return leaf(lf, tmp, scratch);
	case OSMO_V_BOOL:
		osmo_buf_puts(scratch, v->u.b ? "true" : "false");
		return leaf(lf, tmp, scratch);
	case OSMO_V_INT:
		if (v->sub == OSMO_GO_UINT || v->sub == OSMO_GO_UINT64 || v->sub == OSMO_GO_UINT32 ||
		    v->sub == OSMO_GO_UINT8)
			osmo_numfmt_uint(scratch, (uint64_t)v->u.i, 10);
		else if (v->sub == OSMO_GO_DURATION) {
			/* time.Duration marshals through its String() form */
			osmo_numfmt_int(scratch, v->u.i, 10);
		} else
			osmo_numfmt_int(scratch, v->u.i, 10);
		return leaf(lf, tmp, scratch);
	case OSMO_V_FLOAT:
		if (isnan(v->u.f))
			osmo_buf_puts(scratch, ".nan");
		else if (isinf(v->u.f))
			osmo_buf_puts(scratch, v->u.f > 0 ? ".inf" : "-.inf");
		else
			osmo_numfmt_float(scratch, v->u.f, 'g', -1);
		return leaf(lf, tmp, scratch);
	case OSMO_V_STRING: {
		osmo_value f = osmo_yaml_fix_utf8(tmp, *v);
		lf->s = f.u.s.ptr;
		lf->n = f.u.s.len;
		lf->style = osmo_yaml_string_style(lf->s, lf->n);
		return 1;
	}
	case OSMO_V_LIST:
		if (!v->u.list)
			*v = osmo_list_new(tmp, 0);
		return 0;
	case OSMO_V_MAP:
		if (!v->u.map)
			*v = osmo_map_new(tmp, 0);
		return 0;
	default:
		OSMO_ASSERT(!"unknown value type");
		return 0;
	}
}

int osmo_yaml_write_pretty(osmo_buf *b, osmo_value v, osmo_error *err)
{
	yemit e;
	(void)err;
	osmo_yaml_emit_init(&e, b, true);
	osmo_yaml_emit_document(&e, v, conv_v3);
	osmo_yaml_emit_dispose(&e);
	return 0;
}
