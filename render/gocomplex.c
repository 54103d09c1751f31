/* gocomplex.c - complex128, which templates only meet as constants such as
 * {{ 1i }}: a host object that prints like Go's fmt ("(0+1i)"). */
#include "osmo/gofmt.h"
#include "osmo/numfmt.h"

typedef struct complex128 {
	double re, im;
} complex128;

static int complex_field(osmo_value *out, osmo_fnctx *ctx, const osmo_object *obj, const char *name)
{
	(void)out;
	(void)ctx;
	(void)obj;
	(void)name;
	return OSMO_ENOTFOUND;
}

/* fmt's fmtComplex: "(" real %g, imaginary %+g, "i)". */
static void complex_print(osmo_buf *b, const osmo_object *obj)
{
	const complex128 *c = obj->data;
	osmo_buf_putc(b, '(');
	osmo_numfmt_float(b, c->re, 'g', -1);
	if (!(c->im < 0) && !(c->im != c->im))
		osmo_buf_putc(b, '+');
	osmo_numfmt_float(b, c->im, 'g', -1);
	osmo_buf_puts(b, "i)");
}

static const osmo_object_class complex_class = {
	"complex128", "complex128", complex_field, NULL, complex_print, NULL, NULL,
};

osmo_value osmo_complex_new(osmo_arena *a, double re, double im)
{
	complex128 *c = osmo_arena_alloc(a, sizeof(*c));
	c->re = re;
	c->im = im;
	return osmo_object_new(a, &complex_class, c);
}
