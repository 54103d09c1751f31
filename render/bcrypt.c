/* bcrypt.c - the bcrypt password hash (Provos & Mazieres, "A Future-Adaptable
 * Password Scheme", 1999) with Go's x/crypto/bcrypt conventions: the key is
 * the password plus a NUL, $2a$ prefix, 23 hash bytes in bcrypt's base64.
 *
 * Blowfish's initial P-array and S-boxes are the hexadecimal fraction digits
 * of pi (1042 words).  Rather than carry a 1042-word table we compute them
 * once with Machin's formula in fixed point; the first word must be
 * 0x243F6A88, which we assert. */
#include "bcrypt.h"
#include "osmo/common.h"

#include <pthread.h>
#include <string.h>

#define PI_WORDS (18 + 4 * 256)
#define FIX_WORDS (PI_WORDS + 4) /* guard words absorb truncation error */

static uint32_t pi_words[PI_WORDS];
static pthread_once_t pi_once = PTHREAD_ONCE_INIT;

/* Fixed-point numbers: w[0] integer part, w[1..] base-2^32 fraction. */
static void fx_div(uint32_t *w, uint32_t d)
{
	uint64_t rem = 0;
	for (size_t i = 0; i <= FIX_WORDS; i++) {
		uint64_t cur = rem << 32 | w[i];
		w[i] = (uint32_t)(cur / d);
		rem = cur % d;
	}
}

static void fx_add(uint32_t *dst, const uint32_t *src, bool sub)
{
	int64_t carry = 0;
	for (size_t i = FIX_WORDS + 1; i-- > 0;) {
		int64_t v = (int64_t)dst[i] + (sub ? -(int64_t)src[i] : (int64_t)src[i]) + carry;
		dst[i] = (uint32_t)v;
		carry = v >> 32; /* arithmetic shift: -1 on borrow */
	}
}

static bool fx_zero(const uint32_t *w)
{
	for (size_t i = 0; i <= FIX_WORDS; i++)
		if (w[i])
			return false;
	return true;
}

/* acc += sign * mul * atan(1/x) */
static void fx_atan_inv(uint32_t *acc, uint32_t x, uint32_t mul, bool sub)
{
	uint32_t *power = osmo_calloc(FIX_WORDS + 1, sizeof(uint32_t));
	uint32_t *term = osmo_calloc(FIX_WORDS + 1, sizeof(uint32_t));
	power[0] = mul;
	fx_div(power, x); /* mul / x */
	for (uint32_t k = 0; !fx_zero(power); k++) {
		memcpy(term, power, (FIX_WORDS + 1) * sizeof(uint32_t));
		fx_div(term, 2 * k + 1);
		fx_add(acc, term, (k & 1) != sub);
		fx_div(power, x * x);
	}
	osmo_free(power);
	osmo_free(term);
}

static void pi_init(void)
{
	uint32_t *pi = osmo_calloc(FIX_WORDS + 1, sizeof(uint32_t));
	fx_atan_inv(pi, 5, 16, false);   /* pi = 16 atan(1/5) */
	fx_atan_inv(pi, 239, 4, true);   /*      - 4 atan(1/239) */
	OSMO_ASSERT(pi[0] == 3 && pi[1] == 0x243F6A88u);
	memcpy(pi_words, pi + 1, sizeof(pi_words));
	osmo_free(pi);
}

typedef struct bf {
	uint32_t p[18];
	uint32_t s[4][256];
} bf;

static uint32_t bf_f(const bf *c, uint32_t x)
{
	return ((c->s[0][x >> 24] + c->s[1][(x >> 16) & 255]) ^ c->s[2][(x >> 8) & 255]) +
	       c->s[3][x & 255];
}

static void bf_encrypt(const bf *c, uint32_t *l, uint32_t *r)
{
	uint32_t xl = *l, xr = *r;
	for (int i = 0; i < 16; i++) {
		xl ^= c->p[i];
		xr ^= bf_f(c, xl);
		uint32_t t = xl;
		xl = xr;
		xr = t;
	}
	uint32_t t = xl;
	xl = xr;
	xr = t;
	xr ^= c->p[16];
	xl ^= c->p[17];
	*l = xl;
	*r = xr;
}

/* Next 32 bits of data, cycling. */
static uint32_t stream_word(const unsigned char *d, size_t n, size_t *pos)
{
	uint32_t w = 0;
	for (int i = 0; i < 4; i++) {
		w = w << 8 | d[*pos];
		*pos = (*pos + 1) % n;
	}
	return w;
}

/* Blowfish key expansion; with salt, bcrypt's salted variant. */
static void bf_expand(bf *c, const unsigned char *key, size_t klen, const unsigned char *salt,
		      size_t slen)
{
	size_t kp = 0, sp = 0;
	for (int i = 0; i < 18; i++)
		c->p[i] ^= stream_word(key, klen, &kp);
	uint32_t l = 0, r = 0;
	uint32_t *all = c->p;
	for (int i = 0; i < 18; i += 2) {
		if (salt) {
			l ^= stream_word(salt, slen, &sp);
			r ^= stream_word(salt, slen, &sp);
		}
		bf_encrypt(c, &l, &r);
		all[i] = l;
		all[i + 1] = r;
	}
	uint32_t *s = &c->s[0][0];
	for (int i = 0; i < 4 * 256; i += 2) {
		if (salt) {
			l ^= stream_word(salt, slen, &sp);
			r ^= stream_word(salt, slen, &sp);
		}
		bf_encrypt(c, &l, &r);
		s[i] = l;
		s[i + 1] = r;
	}
}

static const char b64[] = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/* Standard base64 bit order over bcrypt's alphabet, no padding. */
static size_t b64_encode(char *out, const unsigned char *in, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)in[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)in[i + 1] << 8;
		if (i + 2 < n)
			v |= in[i + 2];
		size_t chars = n - i >= 3 ? 4 : n - i + 1;
		for (size_t k = 0; k < chars; k++)
			out[o++] = b64[(v >> (18 - 6 * k)) & 63];
	}
	return o;
}

void osmo_bcrypt_hash(char out[OSMO_BCRYPT_LEN + 1], const char *pw, size_t n, int cost,
		      const unsigned char salt[16])
{
	pthread_once(&pi_once, pi_init);
	unsigned char key[73];
	OSMO_ASSERT(n <= 72 && cost >= 4 && cost <= 31);
	memcpy(key, pw, n);
	key[n] = 0; /* Go hashes the password with a trailing NUL */
	size_t klen = n + 1;

	bf *c = osmo_malloc(sizeof(*c));
	memcpy(c->p, pi_words, sizeof(c->p));
	memcpy(c->s, pi_words + 18, sizeof(c->s));
	bf_expand(c, key, klen, salt, 16);
	for (uint64_t i = 0; i < (UINT64_C(1) << cost); i++) {
		bf_expand(c, key, klen, NULL, 0);
		bf_expand(c, salt, 16, NULL, 0);
	}
	static const char magic[] = "OrpheanBeholderScryDoubt";
	uint32_t ct[6];
	size_t mp = 0;
	for (int i = 0; i < 6; i++)
		ct[i] = stream_word((const unsigned char *)magic, 24, &mp);
	for (int i = 0; i < 64; i++)
		for (int j = 0; j < 6; j += 2)
			bf_encrypt(c, &ct[j], &ct[j + 1]);
	unsigned char raw[24];
	for (int i = 0; i < 6; i++) {
		raw[4 * i] = (unsigned char)(ct[i] >> 24);
		raw[4 * i + 1] = (unsigned char)(ct[i] >> 16);
		raw[4 * i + 2] = (unsigned char)(ct[i] >> 8);
		raw[4 * i + 3] = (unsigned char)ct[i];
	}
	memset(c, 0, sizeof(*c));
	osmo_free(c);
	memset(key, 0, sizeof(key));

	size_t o = 0;
	memcpy(out, "$2a$", 4);
	o = 4;
	out[o++] = (char)('0' + cost / 10);
	out[o++] = (char)('0' + cost % 10);
	out[o++] = '$';
	o += b64_encode(out + o, salt, 16);
	o += b64_encode(out + o, raw, 23);
	out[o] = 0;
	OSMO_ASSERT(o == OSMO_BCRYPT_LEN);
}

int osmo_bcrypt_salt(unsigned char salt[16], int *cost, const char *h, size_t n)
{
	if (n < 29 || h[0] != '$' || h[1] != '2' || h[3] != '$' || h[6] != '$' ||
	    (h[2] != 'a' && h[2] != 'b' && h[2] != 'y') || h[4] < '0' || h[4] > '9' ||
	    h[5] < '0' || h[5] > '9')
		return -1;
	*cost = (h[4] - '0') * 10 + (h[5] - '0');
	uint32_t acc = 0;
	int bits = 0;
	size_t o = 0;
	for (size_t i = 7; i < 29; i++) {
		const char *p = strchr(b64, h[i]);
		if (!p || !h[i])
			return -1;
		acc = acc << 6 | (uint32_t)(p - b64);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (o < 16)
				salt[o++] = (unsigned char)(acc >> bits);
		}
	}
	return o == 16 ? 0 : -1;
}
