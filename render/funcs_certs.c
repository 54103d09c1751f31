/* funcs_certs.c - Sprig's genPrivateKey, buildCustomCert and the genCA /
 * genSelfSignedCert / genSignedCert families, producing what Go's
 * crypto/x509 would: v3 certificates with a random 128-bit serial, subject
 * CN only, NotBefore now and NotAfter now + days, critical KeyUsage
 * (digitalSignature, keyEncipherment [, keyCertSign]), ExtKeyUsage
 * serverAuth+clientAuth, critical BasicConstraints, SubjectKeyId on CAs,
 * AuthorityKeyId from the issuer's, SAN (DNS names, then IPs; critical when
 * the subject is empty).  Keys are PEM as Go marshals them: RSA/EC/DSA in
 * their traditional form, Ed25519 as PKCS#8. */
#include "funcs_certs.h"
#include "osmo/gofmt.h"

#include <arpa/inet.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <string.h>

typedef struct cert {
	osmo_str cert, key;
} cert;

/* ---- the certificate object ----------------------------------------------------- */

static int cert_field(osmo_value *out, osmo_fnctx *ctx, const osmo_object *obj, const char *name)
{
	(void)ctx;
	const cert *c = obj->data;
	if (strcmp(name, "Cert") == 0)
		*out = osmo_str_ref(c->cert.ptr, c->cert.len);
	else if (strcmp(name, "Key") == 0)
		*out = osmo_str_ref(c->key.ptr, c->key.len);
	else
		return OSMO_ENOTFOUND;
	return 0;
}

static void cert_print(osmo_buf *b, const osmo_object *obj)
{
	const cert *c = obj->data; /* fmt %v of a struct: {Cert Key} */
	osmo_buf_putc(b, '{');
	osmo_buf_put(b, c->cert.ptr, c->cert.len);
	osmo_buf_putc(b, ' ');
	osmo_buf_put(b, c->key.ptr, c->key.len);
	osmo_buf_putc(b, '}');
}

static int cert_marshal(osmo_value *out, osmo_arena *a, const osmo_object *obj)
{
	const cert *c = obj->data;
	*out = osmo_map_new(a, 2);
	osmo_map_setc(a, out->u.map, "Cert", osmo_str_ref(c->cert.ptr, c->cert.len));
	osmo_map_setc(a, out->u.map, "Key", osmo_str_ref(c->key.ptr, c->key.len));
	return 0;
}

const osmo_object_class osmo_funcs_certs_class = {
	"sprig.certificate", "struct", cert_field, NULL, cert_print, cert_marshal, NULL
};

static osmo_value cert_value(osmo_arena *a, osmo_str crt, osmo_str key)
{
	cert *c = osmo_arena_alloc(a, sizeof(*c));
	c->cert = crt;
	c->key = key;
	return osmo_object_new(a, &osmo_funcs_certs_class, c);
}

/* ---- keys ------------------------------------------------------------------------- */

static osmo_str bio_str(osmo_arena *a, BIO *bio)
{
	char *p;
	long n = BIO_get_mem_data(bio, &p);
	osmo_str s = { osmo_arena_strndup(a, p, (size_t)n), (size_t)n };
	return s;
}

/* pemBlockForKey + pem.Encode. */
static osmo_str key_pem(osmo_arena *a, EVP_PKEY *k)
{
	BIO *bio = BIO_new(BIO_s_mem());
	int id = EVP_PKEY_get_base_id(k);
	if (id == EVP_PKEY_RSA || id == EVP_PKEY_EC || id == EVP_PKEY_DSA)
		OSMO_ASSERT(PEM_write_bio_PrivateKey_traditional(bio, k, NULL, NULL, 0, NULL, NULL) == 1);
	else
		OSMO_ASSERT(PEM_write_bio_PrivateKey(bio, k, NULL, NULL, 0, NULL, NULL) == 1);
	osmo_str s = bio_str(a, bio);
	BIO_free(bio);
	return s;
}

static EVP_PKEY *gen_dsa(void)
{
	EVP_PKEY *params = NULL, *key = NULL;
	EVP_PKEY_CTX *pc = EVP_PKEY_CTX_new_from_name(NULL, "DSA", NULL);
	if (pc && EVP_PKEY_paramgen_init(pc) == 1 && EVP_PKEY_CTX_set_dsa_paramgen_bits(pc, 2048) == 1 &&
	    EVP_PKEY_CTX_set_dsa_paramgen_q_bits(pc, 256) == 1 && EVP_PKEY_paramgen(pc, &params) == 1) {
		EVP_PKEY_CTX *kc = EVP_PKEY_CTX_new_from_pkey(NULL, params, NULL);
		if (kc && EVP_PKEY_keygen_init(kc) == 1)
			EVP_PKEY_keygen(kc, &key);
		EVP_PKEY_CTX_free(kc);
	}
	EVP_PKEY_free(params);
	EVP_PKEY_CTX_free(pc);
	return key;
}

int osmo_funcs_certs_gen_private_key(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_str typ = argv[0].u.s;
	EVP_PKEY *k = NULL;
	if (typ.len == 0 || strcmp(typ.ptr, "rsa") == 0)
		k = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)4096);
	else if (strcmp(typ.ptr, "dsa") == 0)
		k = gen_dsa();
	else if (strcmp(typ.ptr, "ecdsa") == 0)
		k = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
	else if (strcmp(typ.ptr, "ed25519") == 0)
		k = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
	else {
		char *s = osmo_arena_sprintf(ctx->arena, "Unknown type %s", typ.ptr);
		*out = osmo_str_ref(s, strlen(s));
		return 0;
	}
	OSMO_ASSERT(k); /* generation only fails when the RNG does */
	osmo_str pem = key_pem(ctx->arena, k);
	EVP_PKEY_free(k);
	*out = osmo_str_ref(pem.ptr, pem.len);
	return 0;
}

/* First PEM block of s (Go's pem.Decode; the type is not checked here). */
static bool pem_decode(const char *s, size_t n, char **type, unsigned char **der, long *len)
{
	BIO *bio = BIO_new_mem_buf(s, (int)n);
	char *header = NULL;
	bool ok = PEM_read_bio(bio, type, &header, der, len) == 1;
	OPENSSL_free(header);
	BIO_free(bio);
	ERR_clear_error();
	return ok;
}

/* Sprig's parsePrivateKeyPEM; on failure *err is a message in the arena. */
static EVP_PKEY *parse_key(osmo_arena *a, osmo_str pem, const char **err)
{
	char *type = NULL;
	unsigned char *der = NULL;
	long len = 0;
	EVP_PKEY *k = NULL;
	if (!pem_decode(pem.ptr, pem.len, &type, &der, &len)) {
		*err = "no PEM data in input";
		return NULL;
	}
	const unsigned char *p = der;
	size_t tl = strlen(type);
	if (strcmp(type, "PRIVATE KEY") == 0) {
		PKCS8_PRIV_KEY_INFO *info = d2i_PKCS8_PRIV_KEY_INFO(NULL, &p, len);
		if (info)
			k = EVP_PKCS82PKEY(info);
		PKCS8_PRIV_KEY_INFO_free(info);
		if (!k)
			*err = "decoding PEM as PKCS#8: asn1: structure error";
	} else if (tl < 12 || strcmp(type + tl - 12, " PRIVATE KEY") != 0) {
		*err = osmo_arena_sprintf(a, "no private key data in PEM block of type %s", type);
	} else {
		type[tl - 12] = 0;
		int id = strcmp(type, "RSA") == 0 ? EVP_PKEY_RSA
			 : strcmp(type, "EC") == 0 ? EVP_PKEY_EC
			 : strcmp(type, "DSA") == 0 ? EVP_PKEY_DSA : 0;
		if (!id) {
			*err = osmo_arena_sprintf(a, "invalid private key type %s PRIVATE KEY", type);
		} else {
			k = d2i_PrivateKey(id, NULL, &p, len);
			if (!k)
				*err = osmo_arena_sprintf(a, "parsing %s private key from PEM: asn1: structure error",
							  type);
		}
	}
	OPENSSL_free(type);
	OPENSSL_free(der);
	ERR_clear_error();
	return k;
}

/* ---- certificates ------------------------------------------------------------------- */

static bool add_ext(X509 *x, int nid, bool crit, void *val)
{
	bool ok = X509_add1_ext_i2d(x, nid, val, crit, X509V3_ADD_APPEND) == 1;
	return ok;
}

/* getNetIPs + getAlternateDNSStrs + the SAN extension. */
static int build_sans(GENERAL_NAMES **out, osmo_fnctx *ctx, osmo_value ips, osmo_value dns)
{
	GENERAL_NAMES *gens = sk_GENERAL_NAME_new_null();
	size_t nip = ips.type == OSMO_V_LIST ? ips.u.list->len : 0;
	size_t ndns = dns.type == OSMO_V_LIST ? dns.u.list->len : 0;
	/* Sprig validates all IPs before the DNS names. */
	for (size_t i = 0; i < nip; i++) {
		osmo_value v = ips.u.list->items[i];
		if (!osmo_is_string(v)) {
			osmo_buf b = OSMO_BUF_INIT;
			osmo_gofmt_value(&b, v);
			int rc = osmo_fn_errorf(ctx, "error parsing ip: %s is not a string", osmo_buf_cstr(&b));
			osmo_buf_dispose(&b);
			GENERAL_NAMES_free(gens);
			return rc;
		}
	}
	for (size_t i = 0; i < ndns; i++) {
		osmo_value v = dns.u.list->items[i];
		if (!osmo_is_string(v)) {
			osmo_buf b = OSMO_BUF_INIT;
			osmo_gofmt_value(&b, v);
			int rc = osmo_fn_errorf(ctx, "error processing alternate dns name: %s is not a string",
						osmo_buf_cstr(&b));
			osmo_buf_dispose(&b);
			GENERAL_NAMES_free(gens);
			return rc;
		}
	}
	for (size_t i = 0; i < ndns; i++) {
		osmo_str s = dns.u.list->items[i].u.s;
		GENERAL_NAME *g = GENERAL_NAME_new();
		ASN1_IA5STRING *ia5 = ASN1_IA5STRING_new();
		ASN1_STRING_set(ia5, s.ptr, (int)s.len);
		GENERAL_NAME_set0_value(g, GEN_DNS, ia5);
		sk_GENERAL_NAME_push(gens, g);
	}
	for (size_t i = 0; i < nip; i++) {
		osmo_str s = ips.u.list->items[i].u.s;
		unsigned char raw[16];
		int alen = 0;
		if (strlen(s.ptr) == s.len && inet_pton(AF_INET, s.ptr, raw) == 1) {
			alen = 4;
		} else if (strlen(s.ptr) == s.len && inet_pton(AF_INET6, s.ptr, raw) == 1) {
			static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
			alen = 16;
			if (memcmp(raw, mapped, 12) == 0) { /* Go's To4() */
				memmove(raw, raw + 12, 4);
				alen = 4;
			}
		}
		if (!alen) {
			GENERAL_NAMES_free(gens);
			return osmo_fn_errorf(ctx, "error parsing ip: %.*s", (int)s.len, s.ptr);
		}
		GENERAL_NAME *g = GENERAL_NAME_new();
		ASN1_OCTET_STRING *os = ASN1_OCTET_STRING_new();
		ASN1_OCTET_STRING_set(os, raw, alen);
		GENERAL_NAME_set0_value(g, GEN_IPADD, os);
		sk_GENERAL_NAME_push(gens, g);
	}
	*out = gens;
	return 0;
}

/* encoding/asn1 marshals a string as PrintableString when it can (with '*'
 * and '&' tolerated), else UTF8String. */
static int asn1_string_type(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned char c = *p;
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			  strchr(" '()+,-./:=?*&", c) != NULL;
		if (!ok)
			return V_ASN1_UTF8STRING;
	}
	return V_ASN1_PRINTABLESTRING;
}

/* getBaseCertTemplate + x509.CreateCertificate + pem.Encode.  parent NULL
 * means self-signed.  Takes nothing; the caller frees its keys. */
static int make_cert(osmo_value *out, osmo_fnctx *ctx, const char *cn, osmo_value ips,
		     osmo_value dns, int64_t days, bool is_ca, EVP_PKEY *key, X509 *parent,
		     EVP_PKEY *signer)
{
	GENERAL_NAMES *sans = NULL;
	int rc = build_sans(&sans, ctx, ips, dns);
	if (rc)
		return rc;
	int sid = EVP_PKEY_get_base_id(signer);
	if (sid == EVP_PKEY_DSA) {
		GENERAL_NAMES_free(sans);
		return osmo_fn_errorf(ctx, "error creating certificate: x509: certificate private key "
					   "does not implement crypto.Signer");
	}
	if (EVP_PKEY_get_base_id(key) == EVP_PKEY_DSA) {
		GENERAL_NAMES_free(sans);
		return osmo_fn_errorf(ctx, "error creating certificate: x509: unsupported public key "
					   "type: *dsa.PublicKey");
	}
	if (parent && EVP_PKEY_eq(X509_get0_pubkey(parent), signer) != 1) {
		GENERAL_NAMES_free(sans);
		return osmo_fn_errorf(ctx, "error creating certificate: x509: provided PrivateKey "
					   "doesn't match parent's PublicKey");
	}
	X509 *x = X509_new();
	X509_set_version(x, 2);
	BIGNUM *lim = BN_new(), *serial = BN_new();
	BN_set_bit(lim, 128);
	OSMO_ASSERT(BN_rand_range(serial, lim) == 1);
	BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(x));
	BN_free(lim);
	BN_free(serial);

	X509_NAME *subj = X509_get_subject_name(x);
	if (*cn)
		X509_NAME_add_entry_by_NID(subj, NID_commonName, asn1_string_type(cn),
					   (const unsigned char *)cn, -1, -1, 0);
	X509_set_issuer_name(x, parent ? X509_get_subject_name(parent) : subj);
	X509_gmtime_adj(X509_getm_notBefore(x), 0);
	X509_time_adj_ex(X509_getm_notAfter(x), (int)days, 0, NULL);
	X509_set_pubkey(x, key);

	ASN1_BIT_STRING *ku = ASN1_BIT_STRING_new();
	ASN1_BIT_STRING_set_bit(ku, 0, 1); /* digitalSignature */
	ASN1_BIT_STRING_set_bit(ku, 2, 1); /* keyEncipherment */
	if (is_ca)
		ASN1_BIT_STRING_set_bit(ku, 5, 1); /* keyCertSign */
	add_ext(x, NID_key_usage, true, ku);
	ASN1_BIT_STRING_free(ku);

	EXTENDED_KEY_USAGE *eku = sk_ASN1_OBJECT_new_null();
	sk_ASN1_OBJECT_push(eku, OBJ_nid2obj(NID_server_auth));
	sk_ASN1_OBJECT_push(eku, OBJ_nid2obj(NID_client_auth));
	add_ext(x, NID_ext_key_usage, false, eku);
	sk_ASN1_OBJECT_free(eku);

	BASIC_CONSTRAINTS *bc = BASIC_CONSTRAINTS_new();
	bc->ca = is_ca ? 0xff : 0;
	add_ext(x, NID_basic_constraints, true, bc);
	BASIC_CONSTRAINTS_free(bc);

	/* Go derives a SubjectKeyId (SHA-1 of the key bits) for CAs only. */
	if (is_ca) {
		unsigned char md[EVP_MAX_MD_SIZE];
		unsigned int mdlen = 0;
		X509_pubkey_digest(x, EVP_sha1(), md, &mdlen);
		ASN1_OCTET_STRING *skid = ASN1_OCTET_STRING_new();
		ASN1_OCTET_STRING_set(skid, md, (int)mdlen);
		add_ext(x, NID_subject_key_identifier, false, skid);
		ASN1_OCTET_STRING_free(skid);
	}
	/* AuthorityKeyId: the issuer's SubjectKeyId when issuer != subject. */
	if (parent && X509_NAME_cmp(X509_get_subject_name(parent), subj) != 0) {
		const ASN1_OCTET_STRING *pk = X509_get0_subject_key_id(parent);
		if (pk && ASN1_STRING_length(pk) > 0) {
			AUTHORITY_KEYID *akid = AUTHORITY_KEYID_new();
			akid->keyid = ASN1_OCTET_STRING_dup(pk);
			add_ext(x, NID_authority_key_identifier, false, akid);
			AUTHORITY_KEYID_free(akid);
		}
	}
	if (sk_GENERAL_NAME_num(sans) > 0)
		add_ext(x, NID_subject_alt_name, X509_NAME_entry_count(subj) == 0, sans);
	GENERAL_NAMES_free(sans);

	int kid = EVP_PKEY_get_base_id(signer);
	const EVP_MD *md = kid == EVP_PKEY_ED25519 ? NULL : EVP_sha256();
	if (X509_sign(x, signer, md) <= 0) {
		X509_free(x);
		ERR_clear_error();
		return osmo_fn_errorf(ctx, "error creating certificate: x509: signing failed");
	}
	BIO *bio = BIO_new(BIO_s_mem());
	PEM_write_bio_X509(bio, x);
	osmo_str crt = bio_str(ctx->arena, bio);
	BIO_free(bio);
	X509_free(x);
	*out = cert_value(ctx->arena, crt, key_pem(ctx->arena, key));
	return 0;
}

static EVP_PKEY *rsa2048(void)
{
	EVP_PKEY *k = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)2048);
	OSMO_ASSERT(k);
	return k;
}

static osmo_value nil_list(void)
{
	return osmo_null();
}

int osmo_funcs_certs_gen_ca(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	EVP_PKEY *k = rsa2048();
	int rc = make_cert(out, ctx, argv[0].u.s.ptr, nil_list(), nil_list(), argv[1].u.i, true, k,
			   NULL, k);
	EVP_PKEY_free(k);
	return rc;
}

static EVP_PKEY *key_arg(osmo_fnctx *ctx, osmo_value v, int *rc)
{
	const char *err = NULL;
	EVP_PKEY *k = parse_key(ctx->arena, v.u.s, &err);
	if (!k)
		*rc = osmo_fn_errorf(ctx, "parsing private key: %s", err);
	return k;
}

int osmo_funcs_certs_gen_ca_with_key(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	int rc = 0;
	EVP_PKEY *k = key_arg(ctx, argv[2], &rc);
	if (!k)
		return rc;
	rc = make_cert(out, ctx, argv[0].u.s.ptr, nil_list(), nil_list(), argv[1].u.i, true, k, NULL, k);
	EVP_PKEY_free(k);
	return rc;
}

int osmo_funcs_certs_gen_self_signed(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	EVP_PKEY *k = rsa2048();
	int rc = make_cert(out, ctx, argv[0].u.s.ptr, argv[1], argv[2], argv[3].u.i, false, k, NULL, k);
	EVP_PKEY_free(k);
	return rc;
}

int osmo_funcs_certs_gen_self_signed_with_key(osmo_value *out, osmo_fnctx *ctx, int argc,
					      const osmo_value *argv)
{
	(void)argc;
	int rc = 0;
	EVP_PKEY *k = key_arg(ctx, argv[4], &rc);
	if (!k)
		return rc;
	rc = make_cert(out, ctx, argv[0].u.s.ptr, argv[1], argv[2], argv[3].u.i, false, k, NULL, k);
	EVP_PKEY_free(k);
	return rc;
}

/* generateSignedCertificateWithKeyInternal: decode the CA, then sign. */
static int signed_cert(osmo_value *out, osmo_fnctx *ctx, const osmo_value *argv, EVP_PKEY *k)
{
	const cert *ca = argv[4].type == OSMO_V_OBJECT && argv[4].u.obj->cls == &osmo_funcs_certs_class
				 ? argv[4].u.obj->data
				 : NULL;
	if (!ca)
		return osmo_fn_errorf(ctx, "wrong type for value; expected sprig.certificate; got %s",
				      osmo_value_gotype(argv[4]));
	char *type = NULL;
	unsigned char *der = NULL;
	long len = 0;
	if (!pem_decode(ca->cert.ptr, ca->cert.len, &type, &der, &len))
		return osmo_fn_errorf(ctx, "unable to decode certificate");
	const unsigned char *p = der;
	X509 *parent = d2i_X509(NULL, &p, len);
	OPENSSL_free(type);
	OPENSSL_free(der);
	if (!parent) {
		ERR_clear_error();
		return osmo_fn_errorf(ctx, "error parsing certificate: decodedSignerCert.Bytes: x509: "
					   "malformed certificate");
	}
	const char *err = NULL;
	EVP_PKEY *signer = parse_key(ctx->arena, ca->key, &err);
	int rc;
	if (!signer)
		rc = osmo_fn_errorf(ctx, "error parsing private key: %s", err);
	else
		rc = make_cert(out, ctx, argv[0].u.s.ptr, argv[1], argv[2], argv[3].u.i, false, k,
			       parent, signer);
	EVP_PKEY_free(signer);
	X509_free(parent);
	return rc;
}

int osmo_funcs_certs_gen_signed(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	EVP_PKEY *k = rsa2048();
	int rc = signed_cert(out, ctx, argv, k);
	EVP_PKEY_free(k);
	return rc;
}

int osmo_funcs_certs_gen_signed_with_key(osmo_value *out, osmo_fnctx *ctx, int argc,
					 const osmo_value *argv)
{
	(void)argc;
	int rc = 0;
	EVP_PKEY *k = key_arg(ctx, argv[5], &rc);
	if (!k)
		return rc;
	rc = signed_cert(out, ctx, argv, k);
	EVP_PKEY_free(k);
	return rc;
}

int osmo_funcs_certs_build_custom(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_buf crt = OSMO_BUF_INIT, key = OSMO_BUF_INIT;
	size_t bad;
	int rc = 0;
	char *type = NULL;
	unsigned char *der = NULL;
	long len = 0;
	if (osmo_funcs_crypto_b64decode(&crt, argv[0].u.s, &bad) != 0) {
		rc = osmo_fn_errorf(ctx, "unable to decode base64 certificate");
		goto done;
	}
	if (osmo_funcs_crypto_b64decode(&key, argv[1].u.s, &bad) != 0) {
		rc = osmo_fn_errorf(ctx, "unable to decode base64 private key");
		goto done;
	}
	if (!pem_decode(crt.ptr ? crt.ptr : "", crt.len, &type, &der, &len)) {
		rc = osmo_fn_errorf(ctx, "unable to decode certificate");
		goto done;
	}
	const unsigned char *p = der;
	X509 *x = d2i_X509(NULL, &p, len);
	if (!x) {
		ERR_clear_error();
		rc = osmo_fn_errorf(ctx, "error parsing certificate: decodedCert.Bytes: x509: malformed "
					 "certificate");
		goto done;
	}
	X509_free(x);
	const char *err = NULL;
	osmo_str ks = { key.ptr ? key.ptr : "", key.len };
	EVP_PKEY *k = parse_key(ctx->arena, ks, &err);
	if (!k) {
		rc = osmo_fn_errorf(ctx, "error parsing private key: %s", err);
		goto done;
	}
	EVP_PKEY_free(k);
	osmo_str cs = { osmo_arena_strndup(ctx->arena, crt.ptr, crt.len), crt.len };
	osmo_str kss = { osmo_arena_strndup(ctx->arena, key.ptr, key.len), key.len };
	*out = cert_value(ctx->arena, cs, kss);
done:
	OPENSSL_free(type);
	OPENSSL_free(der);
	osmo_buf_dispose(&crt);
	osmo_buf_dispose(&key);
	return rc;
}
