/* test_funcs_crypto.c - Sprig crypto functions.  Deterministic results
 * (digests, derivePassword, bcrypt with a given salt, decryptAES of
 * ciphertexts, error texts) are byte-exact against the reference helm
 * v3.17.2; random ones (keys, certificates, encryptAES, randBytes) are
 * checked by properties with OpenSSL. */
#include "osmo/funcs.h"
#include "../../render/bcrypt.h"
#include "../../render/funcs_certs.h"
#include "check.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <string.h>

static osmo_arena *A;
static osmo_error E;

static int callv(osmo_value *out, const char *name, int argc, const osmo_value *argv)
{
	const osmo_func_def *d = osmo_funcs_crypto;
	while (d->name && strcmp(d->name, name) != 0)
		d++;
	OSMO_ASSERT(d->name);
	osmo_fnctx ctx = { A, &E, name, NULL };
	osmo_error_dispose(&E);
	return d->fn(out, &ctx, argc, argv);
}

static osmo_value S(const char *s)
{
	return osmo_cstring(A, s);
}

/* The result as a C string, or the error message. */
static const char *call(const char *name, int argc, const osmo_value *argv)
{
	osmo_value out;
	if (callv(&out, name, argc, argv) != 0)
		return osmo_arena_strdup(A, E.msg);
	OSMO_ASSERT(out.type == OSMO_V_STRING);
	return osmo_arena_strndup(A, out.u.s.ptr, out.u.s.len);
}

static const char *call1(const char *name, osmo_value a)
{
	return call(name, 1, &a);
}

static const char *call2(const char *name, osmo_value a, osmo_value b)
{
	osmo_value v[2] = { a, b };
	return call(name, 2, v);
}

static const char *derive(int64_t counter, const char *type, const char *pw, const char *user,
			  const char *site)
{
	osmo_value v[5] = { osmo_int(counter), S(type), S(pw), S(user), S(site) };
	return call("derivePassword", 5, v);
}

static void test_digests(void)
{
	CHECK_STREQ(call1("sha1sum", S("hello")), "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d");
	CHECK_STREQ(call1("sha256sum", S("hello")),
		    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
	CHECK_STREQ(call1("sha512sum", S("hello")),
		    "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11"
		    "d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043");
	CHECK_STREQ(call1("adler32sum", S("hello")), "103547413");
	CHECK_STREQ(call1("adler32sum", S("")), "1");
	CHECK_STREQ(call1("adler32sum", S("Wikipedia")), "300286872");
}

static void test_derive(void)
{
	CHECK_STREQ(derive(1, "long", "password", "user", "example.com"), "ZedaFaxcZaso9*");
	CHECK_STREQ(derive(1, "maximum", "password", "user", "example.com"), "pf4zS1LjCg&LjhsZ7T2~");
	CHECK_STREQ(derive(2, "medium", "pw", "", "site"), "PuhFer5~");
	CHECK_STREQ(derive(0, "short", "p", "u", "s"), "Wup6");
	CHECK_STREQ(derive(7, "basic", "p", "u", "s"), "VZk24LAy");
	CHECK_STREQ(derive(7, "pin", "p", "u", "s"), "4802");
	CHECK_STREQ(derive(7, "nope", "p", "u", "s"), "cannot find password template nope");
}

static void test_bcrypt(void)
{
	/* helm: bcrypt "password"; recomputed from its salt. */
	const char *h = "$2a$10$fFOPrIhbP6rX7RD4z3H.feUspAktyykqPn5SWpjjpedj09u6qf8Xu";
	unsigned char salt[16];
	int cost = 0;
	char out[OSMO_BCRYPT_LEN + 1];
	CHECK(osmo_bcrypt_salt(salt, &cost, h, strlen(h)) == 0 && cost == 10);
	osmo_bcrypt_hash(out, "password", 8, cost, salt);
	CHECK_STREQ(out, h);
	/* helm: htpasswd "user" "pw" */
	h = "$2a$10$HkLXyAvqhgGHpIrniiwyT.kGSIrhKtd/RLTFCQFTAOWPhkwmyWDtK";
	CHECK(osmo_bcrypt_salt(salt, &cost, h, strlen(h)) == 0);
	osmo_bcrypt_hash(out, "pw", 2, cost, salt);
	CHECK_STREQ(out, h);

	const char *got = call1("bcrypt", S("s3cret"));
	CHECK(strlen(got) == 60 && strncmp(got, "$2a$10$", 7) == 0);
	CHECK(osmo_bcrypt_salt(salt, &cost, got, strlen(got)) == 0);
	osmo_bcrypt_hash(out, "s3cret", 6, cost, salt);
	CHECK_STREQ(out, got);
	CHECK_STREQ(call1("bcrypt", S("0123456789012345678901234567890123456789012345678901234567890123"
				      "456789012")),
		    "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes");
	CHECK_STREQ(call2("htpasswd", S("user:x"), S("pw")), "invalid username: user:x");
	got = call2("htpasswd", S("user"), S("pw"));
	CHECK(strncmp(got, "user:$2a$10$", 12) == 0 && strlen(got) == 65);
}

static void test_aes(void)
{
	/* Ciphertexts made by helm's encryptAES. */
	CHECK_STREQ(call2("decryptAES", S("secretkey"), S("fP3yKnCeDMRlDKhYNIh/CBVNv01W2S/noSGNDyWaDfo=")),
		    "plaintext");
	CHECK_STREQ(call2("decryptAES", S("0123456789abcdef0123456789abcdefXYZ"),
			  S("d+CPGABnACx/vJP3vI4onskYsLLmc4mgg4rfcBBMO+HLvtmrwLJdx8cMzlDbTl/V")),
		    "exactly16bytes!!");
	CHECK_STREQ(call2("decryptAES", S("k"), S("")), "");
	CHECK_STREQ(call2("encryptAES", S("k"), S("")), "");
	CHECK_STREQ(call2("decryptAES", S("k"), S("notbase64!")), "illegal base64 data at input byte 9");
	CHECK_STREQ(call2("decryptAES", S("k"), S("YWJj")),
		    "runtime error: slice bounds out of range [:16] with capacity 3");
	CHECK_STREQ(call2("decryptAES", S("k"), S("AAAAAAAAAAAAAAAAAAAAAA==")),
		    "runtime error: index out of range [-1]");
	CHECK_STREQ(call2("decryptAES", S("k"), S("AAAAAAAAAAAAAAAAAAAAAAAAAAA=")),
		    "crypto/cipher: input not full blocks");
	CHECK_STREQ(call2("decryptAES", S("wrongkey"), S("fP3yKnCeDMRlDKhYNIh/CBVNv01W2S/noSGNDyWaDfo=")),
		    "runtime error: slice bounds out of range [:-169]");
	const char *ct = call2("encryptAES", S("pw"), S("some longer text, over a block"));
	CHECK(strlen(ct) == 64);
	CHECK_STREQ(call2("decryptAES", S("pw"), S(ct)), "some longer text, over a block");

	CHECK(strlen(call1("randBytes", osmo_int(5))) == 8);
	CHECK_STREQ(call1("randBytes", osmo_int(0)), "");
	CHECK_STREQ(call1("randBytes", osmo_int(-1)), "runtime error: makeslice: len out of range");
}

/* ---- keys and certificates ------------------------------------------------------- */

static EVP_PKEY *read_key(const char *pem)
{
	BIO *b = BIO_new_mem_buf(pem, -1);
	EVP_PKEY *k = PEM_read_bio_PrivateKey(b, NULL, NULL, NULL);
	BIO_free(b);
	return k;
}

static X509 *read_cert(const char *pem)
{
	BIO *b = BIO_new_mem_buf(pem, -1);
	X509 *x = PEM_read_bio_X509(b, NULL, NULL, NULL);
	BIO_free(b);
	return x;
}

static bool cert_of(osmo_value v, const char **crt, const char **key)
{
	osmo_value c, k;
	if (v.type != OSMO_V_OBJECT || v.u.obj->cls != &osmo_funcs_certs_class)
		return false;
	if (v.u.obj->cls->field(&c, NULL, v.u.obj, "Cert") || v.u.obj->cls->field(&k, NULL, v.u.obj, "Key"))
		return false;
	*crt = c.u.s.ptr;
	*key = k.u.s.ptr;
	return true;
}

static void test_keys(void)
{
	const char *k = call1("genPrivateKey", S("ecdsa"));
	CHECK(strncmp(k, "-----BEGIN EC PRIVATE KEY-----\n", 31) == 0);
	EVP_PKEY *p = read_key(k);
	CHECK(p && EVP_PKEY_get_base_id(p) == EVP_PKEY_EC && EVP_PKEY_get_bits(p) == 256);
	EVP_PKEY_free(p);
	k = call1("genPrivateKey", S("ed25519"));
	CHECK(strncmp(k, "-----BEGIN PRIVATE KEY-----\n", 28) == 0);
	p = read_key(k);
	CHECK(p && EVP_PKEY_get_base_id(p) == EVP_PKEY_ED25519);
	EVP_PKEY_free(p);
	k = call1("genPrivateKey", S("rsa"));
	CHECK(strncmp(k, "-----BEGIN RSA PRIVATE KEY-----\n", 32) == 0);
	p = read_key(k);
	CHECK(p && EVP_PKEY_get_bits(p) == 4096);
	EVP_PKEY_free(p);
	CHECK_STREQ(call1("genPrivateKey", S("foo")), "Unknown type foo");

	osmo_value v[3] = { S("x"), osmo_int(3), S("junk") };
	CHECK_STREQ(call("genCAWithKey", 3, v), "parsing private key: no PEM data in input");
	v[2] = S("-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n");
	CHECK_STREQ(call("genCAWithKey", 3, v),
		    "parsing private key: no private key data in PEM block of type FOO");
	v[2] = S("-----BEGIN X PRIVATE KEY-----\nAAAA\n-----END X PRIVATE KEY-----\n");
	CHECK_STREQ(call("genCAWithKey", 3, v), "parsing private key: invalid private key type X PRIVATE KEY");
	CHECK_STREQ(call2("buildCustomCert", S("x"), S("y")), "unable to decode base64 certificate");
}

static int days_valid(X509 *x)
{
	int days = 0, secs = 0;
	ASN1_TIME_diff(&days, &secs, X509_get0_notBefore(x), X509_get0_notAfter(x));
	return days;
}

static void test_certs(void)
{
	osmo_value ca, v[6];
	const char *crt, *key;
	v[0] = S("my-ca");
	v[1] = osmo_int(365);
	CHECK(callv(&ca, "genCA", 2, v) == 0 && cert_of(ca, &crt, &key));
	X509 *cax = read_cert(crt);
	EVP_PKEY *cak = read_key(key);
	CHECK(cax && cak && strncmp(key, "-----BEGIN RSA PRIVATE KEY-----", 31) == 0);
	CHECK(X509_check_ca(cax) == 1 && days_valid(cax) == 365);
	CHECK(X509_get_version(cax) == 2 && X509_get0_subject_key_id(cax) != NULL);
	CHECK(X509_check_private_key(cax, cak) == 1);
	CHECK((X509_get_key_usage(cax) & (KU_DIGITAL_SIGNATURE | KU_KEY_ENCIPHERMENT | KU_KEY_CERT_SIGN)) ==
	      (KU_DIGITAL_SIGNATURE | KU_KEY_ENCIPHERMENT | KU_KEY_CERT_SIGN));

	osmo_value ips = osmo_list_new(A, 2), dns = osmo_list_new(A, 2), sc;
	osmo_list_push(A, ips.u.list, S("10.0.0.1"));
	osmo_list_push(A, ips.u.list, S("::1"));
	osmo_list_push(A, dns.u.list, S("a.example"));
	v[0] = S("svc"), v[1] = ips, v[2] = dns, v[3] = osmo_int(30), v[4] = ca;
	CHECK(callv(&sc, "genSignedCert", 5, v) == 0 && cert_of(sc, &crt, &key));
	X509 *x = read_cert(crt);
	CHECK(x && X509_verify(x, cak) == 1 && days_valid(x) == 30 && X509_check_ca(x) == 0);
	CHECK(X509_check_host(x, "a.example", 0, 0, NULL) == 1);
	CHECK(X509_check_ip_asc(x, "10.0.0.1", 0) == 1 && X509_check_ip_asc(x, "::1", 0) == 1);
	CHECK(X509_NAME_cmp(X509_get_issuer_name(x), X509_get_subject_name(cax)) == 0);
	CHECK(ASN1_OCTET_STRING_cmp(X509_get0_authority_key_id(x), X509_get0_subject_key_id(cax)) == 0);
	CHECK(X509_get_extended_key_usage(x) == (XKU_SSL_SERVER | XKU_SSL_CLIENT));
	X509_free(x);

	/* With the CA's own key and an Ed25519 leaf key. */
	v[5] = S(call1("genPrivateKey", S("ed25519")));
	CHECK(callv(&sc, "genSignedCertWithKey", 6, v) == 0 && cert_of(sc, &crt, &key));
	x = read_cert(crt);
	CHECK(x && X509_verify(x, cak) == 1 && strncmp(key, "-----BEGIN PRIVATE KEY-----", 27) == 0);
	X509_free(x);

	/* Self-signed, empty subject: SAN becomes critical. */
	v[0] = S(""), v[1] = osmo_null(), v[2] = dns, v[3] = osmo_int(10);
	CHECK(callv(&sc, "genSelfSignedCert", 4, v) == 0 && cert_of(sc, &crt, &key));
	x = read_cert(crt);
	int crit = -1;
	GENERAL_NAMES *g = x ? X509_get_ext_d2i(x, NID_subject_alt_name, &crit, NULL) : NULL;
	CHECK(g && crit == 1 && days_valid(x) == 10);
	GENERAL_NAMES_free(g);
	X509_free(x);

	/* buildCustomCert round trip through base64. */
	osmo_value cc;
	const char *crt2, *key2;
	cert_of(ca, &crt, &key);
	unsigned char b1[8192], b2[8192];
	EVP_EncodeBlock(b1, (const unsigned char *)crt, (int)strlen(crt));
	EVP_EncodeBlock(b2, (const unsigned char *)key, (int)strlen(key));
	v[0] = S((char *)b1), v[1] = S((char *)b2);
	CHECK(callv(&cc, "buildCustomCert", 2, v) == 0 && cert_of(cc, &crt2, &key2));
	CHECK(strcmp(crt, crt2) == 0 && strcmp(key, key2) == 0);

	/* Argument errors, as helm reports them. */
	osmo_value bad = osmo_list_new(A, 1);
	osmo_list_push(A, bad.u.list, S("1.2.3"));
	v[0] = S("x"), v[1] = bad, v[2] = osmo_null(), v[3] = osmo_int(3);
	CHECK_STREQ(call("genSelfSignedCert", 4, v), "error parsing ip: 1.2.3");
	v[4] = S(call1("genPrivateKey", S("ed25519")));
	v[1] = osmo_null();
	CHECK(callv(&sc, "genSelfSignedCertWithKey", 5, v) == 0);
	X509_free(cax);
	EVP_PKEY_free(cak);
}

int main(void)
{
	A = osmo_arena_new();
	test_digests();
	test_derive();
	test_bcrypt();
	test_aes();
	test_keys();
	test_certs();
	osmo_error_dispose(&E);
	osmo_arena_free(A);
	return CHECK_DONE();
}
