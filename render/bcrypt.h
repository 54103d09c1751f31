/* bcrypt.h - private: bcrypt ($2a$) as golang.org/x/crypto/bcrypt makes it.
 * OpenSSL has no bcrypt, so this carries its own Blowfish. */
#ifndef OSMO_BCRYPT_H
#define OSMO_BCRYPT_H

#include <stddef.h>

#define OSMO_BCRYPT_LEN 60 /* "$2a$10$" + 22 salt + 31 hash */

/* Hash pw (at most 72 bytes; the caller enforces Go's limit) with the given
 * cost (4..31) and 16-byte salt into out (NUL-terminated). */
void osmo_bcrypt_hash(char out[OSMO_BCRYPT_LEN + 1], const char *pw, size_t n, int cost,
		      const unsigned char salt[16]);

/* Decode the 22-character salt of an encoded hash ("$2a$10$<salt>...").
 * Returns 0, or -1 when the string is not a $2a$/$2b$/$2y$ hash. */
int osmo_bcrypt_salt(unsigned char salt[16], int *cost, const char *hash, size_t n);

#endif
