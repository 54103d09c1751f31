/* yaml_emit.h - the libyaml-derived emitter core shared by the go-yaml v2
 * (toYaml) and v3 (toYamlPretty) writers.  State and scalar writers follow
 * the emitter's own algorithm so folding and quoting match byte for byte. */
#ifndef OSMO_YAML_EMIT_H
#define OSMO_YAML_EMIT_H

#include "osmo/value.h"

enum { YS_PLAIN = 1, YS_SINGLE, YS_DOUBLE, YS_LITERAL };

typedef struct yemit {
	osmo_buf *b;
	bool v3; /* go-yaml v3 rules (indented sequences, tab handling) */
	int best_indent, best_width;
	int indent;
	int *indents;
	size_t nindents, capindents;
	int column;
	bool whitespace, indention, open_ended;
	int flow_level;
	bool root_ctx, seq_ctx, map_ctx, simple_key_ctx;
	bool in_seq_item; /* v3: the enclosing state is a block sequence item */
} yemit;

/* Result of analyze_scalar. */
typedef struct yscalar {
	const char *s;
	size_t n;
	bool multiline, flow_plain, block_plain, single_ok, block_ok;
} yscalar;

void osmo_yaml_emit_init(yemit *e, osmo_buf *b, bool v3);
void osmo_yaml_emit_dispose(yemit *e);
void osmo_yaml_emit_analyze(const yemit *e, yscalar *sc, const char *s, size_t n);
/* Emits a scalar node with the requested style (after style selection). */
void osmo_yaml_emit_scalar(yemit *e, const char *s, size_t n, int style);
void osmo_yaml_emit_write_indent(yemit *e);
void osmo_yaml_emit_indicator(yemit *e, const char *ind, bool need_ws, bool is_ws, bool is_indention);
void osmo_yaml_emit_push_indent(yemit *e, bool flow, bool indentless);
void osmo_yaml_emit_pop_indent(yemit *e);

/* Scalar view of a leaf value: text and the style go-yaml's encoder asks
 * for (before the emitter's own style selection).  Returns false when the
 * value is a container (list/map). */
typedef struct yleaf {
	const char *s;
	size_t n;
	int style;
} yleaf;

/* Converts a value for emission: leaves into *leaf (text in tmp), objects
 * into their marshal view, nil containers into null.  Returns 1 for a
 * leaf, 0 for a list/map (in *v). */
typedef int (*yconv_fn)(osmo_value *v, yleaf *leaf, osmo_arena *tmp, osmo_buf *scratch);

/* Emits a whole document for v (go-yaml's Marshal/Encode of one value). */
void osmo_yaml_emit_document(yemit *e, osmo_value v, yconv_fn conv);
/* The string style go-yaml's encoder asks for (stringv). */
int osmo_yaml_string_style(const char *s, size_t n);

#endif
