/* jsonschema.h - JSON Schema validation with the semantics and English
 * error texts of xeipuuv/gojsonschema v1.2.0 (what Helm 3.17 uses for
 * values.schema.json): draft-04/06/07 and gojsonschema's "hybrid" mode when
 * $schema names no known draft.
 *
 * A schema is compiled once into an internal form; the compiled schema is
 * read-only afterwards, so one schema can validate from several threads.
 * Ownership: osmo_jsonschema and osmo_jsonschema_result are the caller's;
 * release them with their _free functions.  Neither borrows the documents
 * passed in after the call returns.
 */
#ifndef OSMO_JSONSCHEMA_H
#define OSMO_JSONSCHEMA_H

#include "osmo/buf.h"
#include "osmo/value.h"

typedef struct osmo_jsonschema osmo_jsonschema;

enum {
	/* Kubernetes structural-schema extensions (CRD validation):
	 * x-kubernetes-int-or-string, x-kubernetes-preserve-unknown-fields,
	 * x-kubernetes-embedded-resource, and format int32/int64 range checks.
	 * gojsonschema (and so Helm) ignores all of them. */
	OSMO_JSONSCHEMA_KUBERNETES = 1u << 0
};

/* One validation error, in gojsonschema's terms. */
typedef struct osmo_jsonschema_error {
	const char *field;   /* ResultError.Field(): "(root)", "image.tag", "ports.0.port" */
	const char *keyword; /* ResultError.Type(): "invalid_type", "required", "enum", ... */
	const char *message; /* the description: "Invalid type. Expected: integer, given: string" */
} osmo_jsonschema_error;

typedef struct osmo_jsonschema_result {
	const osmo_jsonschema_error *errors; /* in gojsonschema's order */
	size_t count;                        /* 0 = valid */
	osmo_arena *arena;                   /* private: owns the strings */
} osmo_jsonschema_result;

/* Compile a parsed schema document (maps/lists/float64 numbers as
 * osmo_json_parse produces them).  Errors carry gojsonschema's text, e.g.
 * "Invalid type. Expected: string/array of strings, given: type" or
 * "schema is invalid".  Remote $refs are refused with a clear error. */
int osmo_jsonschema_compile(osmo_jsonschema **out, osmo_value schema_doc, osmo_error *err);
int osmo_jsonschema_compile_flags(osmo_jsonschema **out, osmo_value schema_doc, unsigned flags,
				  osmo_error *err);

/* Parse JSON text the way gojsonschema's bytes loader does (the first JSON
 * value only; "EOF" / "unexpected EOF" for empty/truncated input) and
 * compile it. */
int osmo_jsonschema_compile_json(osmo_jsonschema **out, const char *json, size_t len,
				 unsigned flags, osmo_error *err);

void osmo_jsonschema_free(osmo_jsonschema *s);

/* Validate an instance (values as Helm holds them: integral float64s are
 * JSON integers).  Always succeeds; an empty result means valid. */
void osmo_jsonschema_validate(osmo_jsonschema_result **out, const osmo_jsonschema *s,
			      osmo_value instance);
void osmo_jsonschema_result_free(osmo_jsonschema_result *r);

/* Helm's listing: one "- <field>: <message>\n" line per error, appended. */
void osmo_jsonschema_result_format(osmo_buf *b, const osmo_jsonschema_result *r);

#endif
