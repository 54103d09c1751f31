/* check.h - minimal assertion helpers for the unit test programs.  Each test
 * program prints "N passed, N failed" and exits non-zero on any failure. */
#ifndef OSMO_TEST_CHECK_H
#define OSMO_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                              \
	do {                                                                     \
		if (cond) {                                                      \
			check_passed++;                                          \
		} else {                                                         \
			check_failed++;                                          \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__,   \
				__LINE__, #cond);                                \
		}                                                                \
	} while (0)

#define CHECK_STREQ(got, want)                                                   \
	do {                                                                     \
		const char *g_ = (got), *w_ = (want);                            \
		if (g_ && w_ && strcmp(g_, w_) == 0) {                           \
			check_passed++;                                          \
		} else {                                                         \
			check_failed++;                                          \
			fprintf(stderr, "%s:%d: got  [%s]\n%*s  want [%s]\n",    \
				__FILE__, __LINE__, g_ ? g_ : "(null)",          \
				(int)strlen(__FILE__) + 6, "", w_ ? w_ : "(null)"); \
		}                                                                \
	} while (0)

#define CHECK_DONE()                                                             \
	(printf("%d passed, %d failed\n", check_passed, check_failed),          \
	 check_failed ? 1 : 0)

#endif
