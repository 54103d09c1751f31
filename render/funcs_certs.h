/* funcs_certs.h - private to the crypto family: key and certificate
 * functions (funcs_certs.c) listed in osmo_funcs_crypto (funcs_crypto.c). */
#ifndef OSMO_FUNCS_CERTS_H
#define OSMO_FUNCS_CERTS_H

#include "osmo/funcs.h"

/* Sprig's `certificate` struct: fields Cert and Key (PEM text).
 * go_type "sprig.certificate", kind "struct". */
extern const osmo_object_class osmo_funcs_certs_class;

int osmo_funcs_certs_gen_private_key(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv);
int osmo_funcs_certs_build_custom(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv);
int osmo_funcs_certs_gen_ca(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv);
int osmo_funcs_certs_gen_ca_with_key(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv);
int osmo_funcs_certs_gen_self_signed(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv);
int osmo_funcs_certs_gen_self_signed_with_key(osmo_value *out, osmo_fnctx *ctx, int argc,
					      const osmo_value *argv);
int osmo_funcs_certs_gen_signed(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv);
int osmo_funcs_certs_gen_signed_with_key(osmo_value *out, osmo_fnctx *ctx, int argc,
					 const osmo_value *argv);

/* Go's base64.StdEncoding.DecodeString (funcs_crypto.c): 0, or -1 with
 * *bad set to the offset Go reports. */
int osmo_funcs_crypto_b64decode(osmo_buf *out, osmo_str in, size_t *bad);

#endif
