/* funcs_crypto.c - Sprig v3.3.0 crypto.go: digests, bcrypt/htpasswd,
 * derivePassword (Master Password), AES-CBC encryptAES/decryptAES and
 * randBytes, on OpenSSL libcrypto.  Certificate and key generation are in
 * funcs_certs.c; this file holds the family's table.
 *
 * Where Go panics (decryptAES on short input, randBytes -1) the template
 * engine reports the runtime error text, so we return the same text. */
#include "osmo/funcs.h"
#include "bcrypt.h"
#include "funcs_certs.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <string.h>

static int ret_buf(osmo_value *out, osmo_fnctx *ctx, osmo_buf *b)
{
	*out = osmo_string_buf(ctx->arena, b);
	osmo_buf_dispose(b);
	return 0;
}

/* ---- digests ----------------------------------------------------------------- */

static int digest_hex(osmo_value *out, osmo_fnctx *ctx, const EVP_MD *md, osmo_str in)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	OSMO_ASSERT(EVP_Digest(in.ptr, in.len, d, &n, md, NULL) == 1);
	char *s = osmo_arena_alloc(ctx->arena, 2 * n + 1);
	for (unsigned int i = 0; i < n; i++) {
		s[2 * i] = hex[d[i] >> 4];
		s[2 * i + 1] = hex[d[i] & 15];
	}
	*out = osmo_str_ref(s, 2 * n);
	return 0;
}

static int fn_sha1sum(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return digest_hex(out, ctx, EVP_sha1(), argv[0].u.s);
}

static int fn_sha256sum(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return digest_hex(out, ctx, EVP_sha256(), argv[0].u.s);
}

static int fn_sha512sum(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	return digest_hex(out, ctx, EVP_sha512(), argv[0].u.s);
}

static int fn_adler32sum(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	uint32_t a = 1, b = 0;
	const unsigned char *p = (const unsigned char *)argv[0].u.s.ptr;
	for (size_t i = 0; i < argv[0].u.s.len; i++) {
		a = (a + p[i]) % 65521;
		b = (b + a) % 65521;
	}
	char *s = osmo_arena_sprintf(ctx->arena, "%u", (unsigned)(b << 16 | a));
	*out = osmo_str_ref(s, strlen(s));
	return 0;
}

/* ---- bcrypt, htpasswd ------------------------------------------------------------ */

/* Sprig's bcrypt(): errors become the returned text. */
static void put_bcrypt(osmo_buf *b, osmo_str pw)
{
	if (pw.len > 72) {
		osmo_buf_puts(b, "failed to encrypt string with bcrypt: bcrypt: password length "
				 "exceeds 72 bytes");
		return;
	}
	unsigned char salt[16];
	char h[OSMO_BCRYPT_LEN + 1];
	OSMO_ASSERT(RAND_bytes(salt, sizeof(salt)) == 1);
	osmo_bcrypt_hash(h, pw.ptr, pw.len, 10, salt); /* bcrypt.DefaultCost */
	osmo_buf_puts(b, h);
}

static int fn_bcrypt(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_buf b = OSMO_BUF_INIT;
	put_bcrypt(&b, argv[0].u.s);
	return ret_buf(out, ctx, &b);
}

static int fn_htpasswd(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_str user = argv[0].u.s;
	osmo_buf b = OSMO_BUF_INIT;
	if (memchr(user.ptr, ':', user.len)) {
		osmo_buf_puts(&b, "invalid username: ");
		osmo_buf_put(&b, user.ptr, user.len);
	} else {
		osmo_buf_put(&b, user.ptr, user.len);
		osmo_buf_putc(&b, ':');
		put_bcrypt(&b, argv[1].u.s);
	}
	return ret_buf(out, ctx, &b);
}

/* ---- randBytes ------------------------------------------------------------------- */

static void put_b64(osmo_buf *b, const unsigned char *d, size_t n)
{
	osmo_buf_grow(b, 4 * ((n + 2) / 3) + 1);
	int k = EVP_EncodeBlock((unsigned char *)b->ptr + b->len, d, (int)n);
	b->len += (size_t)k;
	b->ptr[b->len] = 0;
}

static int fn_rand_bytes(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	int64_t n = argv[0].u.i;
	if (n < 0 || n > (INT64_C(1) << 40))
		return osmo_fn_errorf(ctx, "runtime error: makeslice: len out of range");
	unsigned char *d = osmo_malloc((size_t)n + 1);
	OSMO_ASSERT(n == 0 || RAND_bytes(d, (int)n) == 1);
	osmo_buf b = OSMO_BUF_INIT;
	put_b64(&b, d, (size_t)n);
	osmo_free(d);
	osmo_buf_puts(&b, "");
	return ret_buf(out, ctx, &b);
}

/* ---- derivePassword (Master Password algorithm v3, as Sprig) --------------------- */

typedef struct pwtype {
	const char *name;
	const char *const *tpl;
	int n;
} pwtype;

static const char *const tpl_max[] = { "anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno" };
static const char *const tpl_long[] = {
	"CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
	"CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
	"CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
	"CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
	"CvccCvcvCvccno",
};
static const char *const tpl_medium[] = { "CvcnoCvc", "CvcCvcno" };
static const char *const tpl_short[] = { "Cvcn" };
static const char *const tpl_basic[] = { "aaanaaan", "aannaaan", "aaannaaa" };
static const char *const tpl_pin[] = { "nnnn" };

static const pwtype pwtypes[] = {
	{ "maximum", tpl_max, 2 }, { "long", tpl_long, 21 }, { "medium", tpl_medium, 2 },
	{ "short", tpl_short, 1 }, { "basic", tpl_basic, 3 }, { "pin", tpl_pin, 1 },
};

static const char *template_chars(char c)
{
	switch (c) {
	case 'V': return "AEIOU";
	case 'C': return "BCDFGHJKLMNPQRSTVWXYZ";
	case 'v': return "aeiou";
	case 'c': return "bcdfghjklmnpqrstvwxyz";
	case 'A': return "AEIOUBCDFGHJKLMNPQRSTVWXYZ";
	case 'a': return "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz";
	case 'n': return "0123456789";
	case 'o': return "@&%?,=[]_:-+*$#!'^~;()/.";
	case 'x': return "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()";
	default: return "";
	}
}

static void put_be32(osmo_buf *b, uint32_t v)
{
	char d[4] = { (char)(v >> 24), (char)(v >> 16), (char)(v >> 8), (char)v };
	osmo_buf_put(b, d, 4);
}

/* derivePassword(counter uint32, passwordType, password, user, site string) string */
static int fn_derive_password(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	static const char seed_name[] = "com.lyndir.masterpassword";
	uint32_t counter = (uint32_t)argv[0].u.i;
	osmo_str type = argv[1].u.s, pw = argv[2].u.s, user = argv[3].u.s, site = argv[4].u.s;
	const pwtype *pt = NULL;
	for (size_t i = 0; i < sizeof(pwtypes) / sizeof(pwtypes[0]); i++)
		if (strlen(pwtypes[i].name) == type.len && memcmp(pwtypes[i].name, type.ptr, type.len) == 0)
			pt = &pwtypes[i];
	osmo_buf b = OSMO_BUF_INIT;
	if (!pt) {
		osmo_buf_puts(&b, "cannot find password template ");
		osmo_buf_put(&b, type.ptr, type.len);
		return ret_buf(out, ctx, &b);
	}
	osmo_buf_puts(&b, seed_name);
	put_be32(&b, (uint32_t)user.len);
	osmo_buf_put(&b, user.ptr, user.len);
	unsigned char key[64];
	/* N=32768, r=8 needs 32 MiB plus change: above OpenSSL's default cap. */
	OSMO_ASSERT(EVP_PBE_scrypt(pw.ptr, pw.len, (const unsigned char *)b.ptr, b.len, 32768, 8, 2,
				   UINT64_C(256) << 20, key, sizeof(key)) == 1);
	osmo_buf_truncate(&b, sizeof(seed_name) - 1);
	put_be32(&b, (uint32_t)site.len);
	osmo_buf_put(&b, site.ptr, site.len);
	put_be32(&b, counter);
	unsigned char seed[EVP_MAX_MD_SIZE];
	unsigned int slen = 0;
	OSMO_ASSERT(HMAC(EVP_sha256(), key, sizeof(key), (const unsigned char *)b.ptr, b.len, seed,
			 &slen) != NULL);
	const char *tpl = pt->tpl[seed[0] % pt->n];
	osmo_buf_clear(&b);
	for (size_t i = 0; tpl[i]; i++) {
		const char *chars = template_chars(tpl[i]);
		osmo_buf_putc(&b, chars[seed[i + 1] % strlen(chars)]);
	}
	memset(key, 0, sizeof(key));
	return ret_buf(out, ctx, &b);
}

/* ---- AES ------------------------------------------------------------------------- */

/* Go's base64.StdEncoding.DecodeString, including its error offsets
 * ("illegal base64 data at input byte N"); '\r' and '\n' are skipped. */
int osmo_funcs_crypto_b64decode(osmo_buf *out, osmo_str in, size_t *bad)
{
	static const char alpha[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *s = (const unsigned char *)in.ptr;
	size_t n = in.len, si = 0;
	for (;;) {
		uint32_t q[4] = { 0 };
		int dlen = 4, j;
		bool end = false;
		for (j = 0; j < 4; j++) {
			if (si == n) {
				if (j == 0)
					return 0;
				*bad = si - (size_t)j;
				return -1;
			}
			unsigned char c = s[si++];
			const char *p = c ? strchr(alpha, c) : NULL;
			if (p) {
				q[j] = (uint32_t)(p - alpha);
				continue;
			}
			if (c == '\n' || c == '\r') {
				j--;
				continue;
			}
			if (c != '=' || j < 2) {
				*bad = si - 1;
				return -1;
			}
			if (j == 2) {
				while (si < n && (s[si] == '\n' || s[si] == '\r'))
					si++;
				if (si == n) {
					*bad = n;
					return -1;
				}
				if (s[si] != '=') {
					*bad = si - 1;
					return -1;
				}
				si++;
			}
			while (si < n && (s[si] == '\n' || s[si] == '\r'))
				si++;
			if (si < n) {
				*bad = si;
				return -1;
			}
			dlen = j;
			end = true;
			break;
		}
		uint32_t v = q[0] << 18 | q[1] << 12 | q[2] << 6 | q[3];
		char d[3] = { (char)(v >> 16), (char)(v >> 8), (char)v };
		osmo_buf_put(out, d, (size_t)dlen - 1);
		if (end)
			return 0;
	}
}

static EVP_CIPHER_CTX *aes_ctx(osmo_str password, const unsigned char *iv, bool enc)
{
	unsigned char key[32] = { 0 }; /* Sprig copies the password into 32 zero bytes */
	memcpy(key, password.ptr, password.len < 32 ? password.len : 32);
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
	OSMO_ASSERT(c && EVP_CipherInit_ex(c, EVP_aes_256_cbc(), NULL, key, iv, enc) == 1);
	EVP_CIPHER_CTX_set_padding(c, 0);
	return c;
}

static int fn_encrypt_aes(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_str pt = argv[1].u.s;
	if (pt.len == 0) {
		*out = osmo_str_ref("", 0);
		return 0;
	}
	size_t pad = 16 - pt.len % 16, n = pt.len + pad;
	unsigned char *buf = osmo_malloc(16 + n);
	unsigned char *plain = osmo_malloc(n);
	memcpy(plain, pt.ptr, pt.len);
	memset(plain + pt.len, (int)pad, pad);
	OSMO_ASSERT(RAND_bytes(buf, 16) == 1);
	EVP_CIPHER_CTX *c = aes_ctx(argv[0].u.s, buf, true);
	int k = 0;
	OSMO_ASSERT(EVP_CipherUpdate(c, buf + 16, &k, plain, (int)n) == 1 && (size_t)k == n);
	EVP_CIPHER_CTX_free(c);
	osmo_buf b = OSMO_BUF_INIT;
	put_b64(&b, buf, 16 + n);
	osmo_free(buf);
	osmo_free(plain);
	return ret_buf(out, ctx, &b);
}

static int fn_decrypt_aes(osmo_value *out, osmo_fnctx *ctx, int argc, const osmo_value *argv)
{
	(void)argc;
	osmo_str in = argv[1].u.s;
	if (in.len == 0) {
		*out = osmo_str_ref("", 0);
		return 0;
	}
	osmo_buf raw = OSMO_BUF_INIT;
	size_t bad = 0;
	int rc = 0;
	if (osmo_funcs_crypto_b64decode(&raw, in, &bad) != 0) {
		rc = osmo_fn_errorf(ctx, "illegal base64 data at input byte %zu", bad);
		goto done;
	}
	if (raw.len < 16) {
		/* Go panics slicing crypt[:16]; cap is DecodedLen(len(input)). */
		rc = osmo_fn_errorf(ctx, "runtime error: slice bounds out of range [:16] with capacity %zu",
				    in.len / 4 * 3);
		goto done;
	}
	size_t n = raw.len - 16;
	if (n % 16) {
		rc = osmo_fn_errorf(ctx, "crypto/cipher: input not full blocks");
		goto done;
	}
	if (n == 0) {
		rc = osmo_fn_errorf(ctx, "runtime error: index out of range [-1]");
		goto done;
	}
	unsigned char *plain = osmo_malloc(n);
	EVP_CIPHER_CTX *c = aes_ctx(argv[0].u.s, (const unsigned char *)raw.ptr, false);
	int k = 0;
	OSMO_ASSERT(EVP_CipherUpdate(c, plain, &k, (const unsigned char *)raw.ptr + 16, (int)n) == 1 &&
		    (size_t)k == n);
	EVP_CIPHER_CTX_free(c);
	/* No padding check, as Sprig: strip as many bytes as the last says. */
	int64_t keep = (int64_t)n - plain[n - 1];
	if (keep < 0)
		rc = osmo_fn_errorf(ctx, "runtime error: slice bounds out of range [:%lld]", (long long)keep);
	else
		*out = osmo_string(ctx->arena, (const char *)plain, (size_t)keep);
	osmo_free(plain);
done:
	osmo_buf_dispose(&raw);
	return rc;
}

/* Signature letters: 'C' is sprig.certificate (the struct genCA & co.
 * return and genSignedCert takes).  derivePassword's counter is uint32 in Go;
 * the executor has no uint32 letter, so it is declared int64 ('I'): literal
 * counters work, only the type-error texts differ. */
const osmo_func_def osmo_funcs_crypto[] = {
	{ "sha1sum", "s:s", fn_sha1sum },
	{ "sha256sum", "s:s", fn_sha256sum },
	{ "sha512sum", "s:s", fn_sha512sum },
	{ "adler32sum", "s:s", fn_adler32sum },
	{ "bcrypt", "s:s", fn_bcrypt },
	{ "htpasswd", "ss:s", fn_htpasswd },
	{ "genPrivateKey", "s:s", osmo_funcs_certs_gen_private_key },
	{ "derivePassword", "Issss:s", fn_derive_password },
	{ "buildCustomCert", "ss:Ce", osmo_funcs_certs_build_custom },
	{ "genCA", "si:Ce", osmo_funcs_certs_gen_ca },
	{ "genCAWithKey", "sis:Ce", osmo_funcs_certs_gen_ca_with_key },
	{ "genSelfSignedCert", "slli:Ce", osmo_funcs_certs_gen_self_signed },
	{ "genSelfSignedCertWithKey", "sllis:Ce", osmo_funcs_certs_gen_self_signed_with_key },
	{ "genSignedCert", "slliC:Ce", osmo_funcs_certs_gen_signed },
	{ "genSignedCertWithKey", "slliCs:Ce", osmo_funcs_certs_gen_signed_with_key },
	{ "encryptAES", "ss:se", fn_encrypt_aes },
	{ "decryptAES", "ss:se", fn_decrypt_aes },
	{ "randBytes", "i:se", fn_rand_bytes },
	{ NULL, NULL, NULL },
};
