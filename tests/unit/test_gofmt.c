/* test_gofmt.c - fmt.Sprintf/Sprint/Sprintln against outputs captured from
 * the reference helm 3.17.2 (`printf`, `print`, `println` in a template;
 * values from a values.yaml, so their numbers are float64). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "osmo/gofmt.h"

static osmo_arena *arena;

/* The chart's values.yaml:  f1: 1000000  f2: 999999  f3: 1234567
 * f4: 100000.5  f5: 0.0001  f6: 0.00001  f7: 12345678.9  s: hi
 * l: [1, "a", null, 2.5, true]  m: {b: 2, a: "x", c: null, d: [1,2]}  e: [] */
static osmo_value named(const char *name)
{
	static const struct {
		const char *name;
		double f;
	} floats[] = { { "f1", 1000000 }, { "f2", 999999 },    { "f3", 1234567 },
		       { "f4", 100000.5 }, { "f5", 0.0001 },    { "f6", 0.00001 },
		       { "f7", 12345678.9 } };
	for (size_t i = 0; i < sizeof floats / sizeof floats[0]; i++)
		if (strcmp(name, floats[i].name) == 0)
			return osmo_float(floats[i].f);
	if (strcmp(name, "l") == 0) {
		osmo_value l = osmo_list_new(arena, 4);
		osmo_list_push(arena, l.u.list, osmo_float(1));
		osmo_list_push(arena, l.u.list, osmo_cstring(arena, "a"));
		osmo_list_push(arena, l.u.list, osmo_null());
		osmo_list_push(arena, l.u.list, osmo_float(2.5));
		osmo_list_push(arena, l.u.list, osmo_bool(true));
		return l;
	}
	if (strcmp(name, "m") == 0) {
		osmo_value m = osmo_map_new(arena, 4), d = osmo_list_new(arena, 2);
		osmo_list_push(arena, d.u.list, osmo_float(1));
		osmo_list_push(arena, d.u.list, osmo_float(2));
		osmo_map_setc(arena, m.u.map, "b", osmo_float(2));
		osmo_map_setc(arena, m.u.map, "a", osmo_cstring(arena, "x"));
		osmo_map_setc(arena, m.u.map, "c", osmo_null());
		osmo_map_setc(arena, m.u.map, "d", d);
		return m;
	}
	if (strcmp(name, "e") == 0)
		return osmo_list_new(arena, 0);
	abort();
}

/* Argument specs: i<int> I<int64> f<float64> s<string> n b<bool> v<value>. */
static osmo_value arg(const char *spec)
{
	switch (spec[0]) {
	case 'i': return osmo_int(strtoll(spec + 1, NULL, 0));
	case 'I': return osmo_int64(strtoll(spec + 1, NULL, 0));
	case 'f': return osmo_float(strtod(spec + 1, NULL));
	case 's': return osmo_cstring(arena, spec + 1);
	case 'n': return osmo_null();
	case 'b': return osmo_bool(strcmp(spec + 1, "true") == 0);
	case 'v': return named(spec + 1);
	default: abort();
	}
}

static const struct {
	const char *fn, *format;
	int argc;
	const char *args[10];
	const char *want;
} cases[] = {
	{ "printf", "%v|%v|%v|%v|%v|%v|%v", 7, { "vf1", "vf2", "vf3", "vf4", "vf5", "vf6", "vf7" }, "1e+06|999999|1.234567e+06|100000.5|0.0001|1e-05|1.23456789e+07" },
	{ "printf", "%v", 1, { "vl" }, "[1 a <nil> 2.5 true]" },
	{ "printf", "%v", 1, { "vm" }, "map[a:x b:2 c:<nil> d:[1 2]]" },
	{ "printf", "%d", 1, { "vl" }, "[%!d(float64=1) %!d(string=a) <nil> %!d(float64=2.5) %!d(bool=true)]" },
	{ "printf", "%s", 1, { "vm" }, "map[a:x b:%!s(float64=2) c:<nil> d:[%!s(float64=1) %!s(float64=2)]]" },
	{ "printf", "%05s|%-05d|%05d|%-5d|%+05d", 5, { "sab", "i3", "i-3", "i4", "i5" }, "000ab|3    |-0003|4    |+0005" },
	{ "printf", "%#v", 1, { "vm" }, "map[string]interface {}{\"a\":\"x\", \"b\":2, \"c\":interface {}(nil), \"d\":[]interface {}{1, 2}}" },
	{ "printf", "%#v", 1, { "vl" }, "[]interface {}{1, \"a\", interface {}(nil), 2.5, true}" },
	{ "printf", "%#v|%#v|%#v", 3, { "f1.0", "vf4", "sa`b" }, "1|100000.5|\"a`b\"" },
	{ "printf", "%x|%X|%#x|%x", 4, { "f3.0", "f1.5", "f1.0", "vf7" }, "0x1.8p+01|0X1.8P+00|0x1.0000p+00|0x1.78c29dccccccdp+23" },
	{ "printf", "%5z|%!|%d", 1, { "i1" }, "%!z(int=    1)|%!!(MISSING)|%!d(MISSING)" },
	{ "printf", "%d %d", 1, { "i1" }, "1 %!d(MISSING)" },
	{ "printf", "%[2]d %[1]d", 2, { "i1", "i2" }, "2 1" },
	{ "printf", "%[3]d", 2, { "i1", "i2" }, "%!d(BADINDEX)" },
	{ "printf", "%*d|%-*d|%.*f", 6, { "i5", "i1", "i5", "i2", "i2", "f3.14159" }, "    1|2    |3.14" },
	{ "printf", "%T|%T|%T|%T|%T|%T", 6, { "n", "i1", "vf1", "vl", "vm", "ss" }, "<nil>|int|float64|[]interface {}|map[string]interface {}|string" },
	{ "printf", "%v|%s|%d", 3, { "n", "n", "n" }, "<nil>|%!s(<nil>)|%!d(<nil>)" },
	{ "printf", "%.3g|%g|%G|%e|%E|%.2e|%#g|%#.3g|%#e", 9, { "f3.14159", "f1e21", "f1e-7", "f123456.0", "f0.5", "f99.999", "f1.0", "f100.0", "f1.0" }, "3.14|1e+21|1E-07|1.234560e+05|5.000000E-01|1.00e+02|1.00000|100.|1.000000e+00" },
	{ "printf", "%q|%+q|%#q|%q", 4, { "sh\303\251llo\001", "sh\303\251llo", "sabc", "i65" }, "\"h\303\251llo\\x01\"|\"h\\u00e9llo\"|`abc`|'A'" },
	{ "printf", "%c|%U|%#U|%.6U", 4, { "i65", "i9731", "i9731", "i65" }, "A|U+2603|U+2603 '\342\230\203'|U+000041" },
	{ "printf", "%6.2f|%-8.3f|%08.3f|%+.1f|% .1f|% d", 6, { "f3.14159", "f2.5", "f-2.5", "f1.0", "f1.0", "i5" }, "  3.14|2.500   |-002.500|+1.0| 1.0| 5" },
	{ "printf", "%t|%v|%d", 3, { "btrue", "bfalse", "btrue" }, "true|false|%!d(bool=true)" },
	{ "printf", "%s|%.2s|%5.1s|%x|%X|% x|%#x|% #x", 8, { "sh\303\251llo", "sh\303\251llo", "sh\303\251llo", "shi", "shi", "shi", "shi", "shi" }, "h\303\251llo|h\303\251|    h|6869|6869|68 69|0x6869|0x68 0x69" },
	{ "printf", "%v|%s", 2, { "ve", "ve" }, "[]|[]" },
	{ "print", NULL, 7, { "i1", "i2", "sa", "sb", "i3", "n", "vf1" }, "1 2ab3 <nil> 1e+06" },
	{ "println", NULL, 3, { "i1", "sa", "i2" }, "1 a 2\012" },
	{ "printf", "%08.3f|%-08.3f|%+08d|%x|%X|%o|%O|%b|%#o|%#b", 10, { "f-3.5", "f3.5", "i42", "i-255", "i255", "i8", "i8", "i5", "i8", "i5" }, "-003.500|3.500   |+0000042|-ff|FF|10|0o10|101|010|0b101" },
	{ "printf", "%.0f|%.0f|%.0f|%.1f", 4, { "f0.5", "f1.5", "f2.5", "f0.05" }, "0|2|2|0.1" },
	{ "printf", "%v|%v|%v|%v", 4, { "f1e20", "f1e21", "f1e-5", "f123456789.0" }, "1e+20|1e+21|1e-05|1.23456789e+08" },
	{ "printf", "%5t|%-7v|", 2, { "btrue", "bfalse" }, " true|false  |" },
	{ "printf", "%010v|%-10v|", 2, { "vl", "sx" }, "[0000000001 000000000a <nil> 00000002.5 000000true]|x         |" },
	{ "printf", "%x|%X", 2, { "vl", "vm" }, "[0x1p+00 61 <nil> 0x1.4p+01 %!x(bool=true)]|map[61:78 62:0X1P+01 63:<nil> 64:[0X1P+00 0X1P+01]]" },
	{ "printf", "%6.3v|%.2v", 2, { "f3.14159", "sabc" }, "  3.14|ab" },
	{ "printf", "%s", 1, { "f1.5" }, "%!s(float64=1.5)" },
	{ "printf", "%!(EXTRA", 0, { 0 }, "%!!(MISSING)(EXTRA" },
	{ "printf", "a", 3, { "i1", "sx", "n" }, "a%!(EXTRA int=1, string=x, <nil>)" },
	{ "printf", "%.d|%.0d|%5.0d|", 3, { "i0", "i0", "i0" }, "||     |" },
	{ "printf", "%e|%f|%g", 3, { "vf1", "vf1", "vf1" }, "1.000000e+06|1000000.000000|1e+06" },
	{ "printf", "%v|%v|%v", 3, { "f0.1", "f-0.0", "f0.3" }, "0.1|-0|0.3" },
	{ "printf", "%F|%#v|%#v|%#v", 4, { "f1.5", "f1e6", "f1e21", "f1e-7" }, "1.500000|1e+06|1e+21|1e-07" },
	{ "printf", "%d|%v|%x|%T", 4, { "I-42", "I9223372036854775807", "I-1", "I1" }, "-42|9223372036854775807|-1|int64" },
	{ "printf", "%+d|% d|%+ d|%x|%#X|%#o|%O", 7, { "i0", "i-7", "i7", "i3735928559", "i48879", "i0", "i-8" }, "+0|-7|+7|deadbeef|0XBEEF|0|-0o10" },
	{ "printf", "%10.4d|%-10.3x|%010.4d|%#010x|%#-10x|", 5, { "i42", "i255", "i42", "i255", "i255" }, "      0042|0ff       |      0042|0x00000000ff|0xff      |" },
	{ "printf", "%c|%c|%q|%+q|%#q|%q", 6, { "i0x1F600", "i-1", "i0x1F600", "i0x1F600", "i0x1F600", "i10" }, "\360\237\230\200|\357\277\275|'\360\237\230\200'|'\\U0001f600'|'\360\237\230\200'|'\\n'" },
	{ "printf", "%U|%#U|%U", 3, { "i-1", "i0x1F600", "i0x110000" }, "U+FFFFFFFFFFFFFFFF|U+1F600 '\360\237\230\200'|U+110000" },
	{ "printf", "%8.3s|%-8s|%08s|%.0s|", 4, { "sabcdef", "sab", "sab", "sabc" }, "     abc|ab      |000000ab||" },
	{ "printf", "%q|%q|%#q|%+q", 4, { "sa\"b\\c\012\011", "s\177\302\240\342\200\250\357\273\277", "sa\011b", "s\360\237\230\200" }, "\"a\\\"b\\\\c\\n\\t\"|\"\\x7f\\u00a0\\u2028\\ufeff\"|`a\011b`|\"\\U0001f600\"" },
	{ "printf", "%x|%X|% X|%#x|%.1x|%10x|%-10x|", 7, { "s", "sAB", "sAB", "s", "sabc", "sab", "sab" }, "|4142|41 42||61|      6162|6162      |" },
	{ "printf", "%v|%v|%v|%v|%v", 5, { "f1e-4", "f1e-5", "f123456.0", "f1234567.0", "f0.000123456" }, "0.0001|1e-05|123456|1.234567e+06|0.000123456" },
	{ "printf", "%g|%g|%g|%.3g|%.10g|%.1g", 6, { "f100000.0", "f1000000.0", "f1e-5", "f1234567.0", "f1234567.0", "f0.05" }, "100000|1e+06|1e-05|1.23e+06|1234567|0.05" },
	{ "printf", "%e|%.0e|%#.0e|%E|%.3e", 5, { "f0.0", "f15.0", "f15.0", "f1e100", "f-1.23456e-300" }, "0.000000e+00|2e+01|2.e+01|1.000000E+100|-1.235e-300" },
	{ "printf", "%f|%.2f|%.10f|%.0f|%#.0f", 5, { "f1e21", "f1e-10", "f0.1", "f-0.4", "f3.0" }, "1000000000000000000000.000000|0.00|0.1000000000|-0|3." },
	{ "printf", "%b|%b", 2, { "f1.0", "f0.1" }, "4503599627370496p-52|7205759403792794p-56" },
	{ "printf", "%x|%.2x|%#.0x|%X|%x|%x", 6, { "f0.0", "f1.999", "f1.0", "f-255.5", "f1e-320", "f0.1" }, "0x0p+00|0x1.00p+01|0x1.p+00|-0X1.FFP+07|0x1.fap-1064|0x1.999999999999ap-04" },
	{ "printf", "%+v|%+.2f|% v|%+e|% 8.2f|%+08.2f|%-+8.2f|", 7, { "f1.5", "f2.0", "f3.0", "f1.0", "f1.0", "f1.0", "f1.0" }, "1.5|+2.00| 3|+1.000000e+00|    1.00|+0001.00|+1.00   |" },
	{ "printf", "%08v|%-08v|%+08v|% 08v", 4, { "f-1.5", "f1.5", "f1.5", "f1.5" }, "-00001.5|1.5     |000001.5| 00001.5" },
	{ "printf", "%d|%s|%x", 3, { "vm", "vl", "ve" }, "map[%!d(string=a):%!d(string=x) %!d(string=b):%!d(float64=2) %!d(string=c):<nil> %!d(string=d):[%!d(float64=1) %!d(float64=2)]]|[%!s(float64=1) a <nil> %!s(float64=2.5) %!s(bool=true)]|[]" },
	{ "printf", "%v %v", 2, { "vl", "vm" }, "[1 a <nil> 2.5 true] map[a:x b:2 c:<nil> d:[1 2]]" },
	{ "printf", "%q", 1, { "vl" }, "[%!q(float64=1) \"a\" <nil> %!q(float64=2.5) %!q(bool=true)]" },
	{ "printf", "%q", 1, { "vm" }, "map[\"a\":\"x\" \"b\":%!q(float64=2) \"c\":<nil> \"d\":[%!q(float64=1) %!q(float64=2)]]" },
	{ "printf", "%T %T", 2, { "ve", "vf1" }, "[]interface {} float64" },
	{ "printf", "%[1]*d|%[2]*[1]d|%-*d", 4, { "i5", "i3", "i-4", "i9" }, "    3|  5|-4 " },
	{ "printf", "%*d", 2, { "sx", "i1" }, "%!(BADWIDTH)1" },
	{ "printf", "%.*d", 2, { "i-1", "i5" }, "%!(BADPREC)5" },
	{ "printf", "%.*d", 2, { "f1.0", "i5" }, "%!(BADPREC)5" },
	{ "printf", "%[0]d|%[x]d|%[1]", 1, { "i1" }, "%!d(BADINDEX)|%!d(BADINDEX)|%!(NOVERB)" },
	{ "printf", "%[2]d %d %d", 3, { "i1", "i2", "i3" }, "2 3 %!d(MISSING)" },
	{ "printf", "%", 1, { "i1" }, "%!(NOVERB)%!(EXTRA int=1)" },
	{ "printf", "%-", 0, { 0 }, "%!(NOVERB)" },
	{ "printf", "100%% |%5%|", 0, { 0 }, "100% |%|" },
	{ "printf", "%\303\251|%\342\230\203", 2, { "i1", "sx" }, "%!\303\251(int=1)|%!\342\230\203(string=x)" },
	{ "printf", "%[1]d %[1]d", 2, { "i1", "i2" }, "1 1" },
	{ "printf", "%d %d", 3, { "i1", "i2", "i3" }, "1 2%!(EXTRA int=3)" },
	{ "printf", "%.3v|%10.3v|%-10v|", 3, { "vl", "vl", "vl" }, "[1 a <nil> 2.5 true]|[         1          a <nil>        2.5       true]|[1          a          <nil> 2.5        true      ]|" },
	{ "printf", "%s %v %d", 3, { "bfalse", "btrue", "f2.0" }, "%!s(bool=false) true %!d(float64=2)" },
	{ "printf", "%6.2v|%6v|%.0v", 3, { "f1234.5678", "f1e7", "f2.5" }, "1.2e+03| 1e+07|2" },
	{ "print", NULL, 9, { "sa", "i1", "i2", "sb", "n", "n", "vl", "vm", "btrue" }, "a1 2b<nil> <nil> [1 a <nil> 2.5 true] map[a:x b:2 c:<nil> d:[1 2]] true" },
	{ "print", NULL, 0, { 0 }, "" },
	{ "println", NULL, 0, { 0 }, "\012" },
	{ "print", NULL, 1, { "n" }, "<nil>" },
	{ "println", NULL, 2, { "n", "n" }, "<nil> <nil>\012" },
	{ "print", NULL, 4, { "f1.0", "f2.5", "sx", "f1e6" }, "1 2.5x1e+06" },
	{ "printf", "%w|%w|%w|%w", 4, { "i1", "sa", "vl", "vm" }, "%!w(int=1)|%!w(string=a)|%!w([]interface {}=[1 a <nil> 2.5 true])|%!w(map[string]interface {}=map[a:x b:2 c:<nil> d:[1 2]])" },
	{ "printf", "%w", 1, { "n" }, "%!w(<nil>)" },
	{ "printf", "%t", 1, { "vl" }, "[%!t(float64=1) %!t(string=a) <nil> %!t(float64=2.5) true]" },
	{ "printf", "%- 12.*T|%-0.2c|", 3, { "i2", "i9731", "i65" }, "in          |A|" },
	{ "printf", "%#-8.X|", 1, { "sh\303\251llo" }, "        |" },
	{ "printf", "%# O|", 1, { "sh\303\251llo" }, "%!O(string=h\303\251llo)|" },
	{ "printf", "%+8.5o|", 1, { "f1e21" }, "%!o(float64=  +1e+21)|" },
	{ "printf", "%+-.s|", 1, { "f1e-7" }, "%!s(float64=+1e-07)|" },
	{ "printf", "%-12.*s|%012.0v|%#-.*c|", 5, { "i-1", "f0.0", "i-42", "i0", "i-42" }, "%!(BADPREC)%!s(float64=0           )|         -42|\357\277\275|" },
	{ "printf", "%#0g|", 1, { "f1e6" }, "1.00000e+06|" },
	{ "printf", "%-.5o|%+ .0U|%#q|", 3, { "n", "i0", "i0" }, "%!o(<nil>)|U+0000|'\\x00'|" },
	{ "printf", "%-.t|", 1, { "I-7" }, "%!t(int64=-7)|" },
	{ "printf", "%0 8.E|%-b|", 2, { "i255", "ve" }, "%!E(int=     255)|[]|" },
	{ "printf", "%#E|% #o|%#12.0c|", 3, { "ve", "f1e-7", "f1e6" }, "[]|%!o(float64= 1.00000e-07)|%!c(float64=      1.e+06)|" },
	{ "printf", "%T|", 1, { "s\342\230\203x" }, "string|" },
	{ "printf", "%12.0e|", 1, { "sh\303\251llo" }, "%!e(string=            )|" },
	{ "printf", "%12.2T|%0*c|", 3, { "i65", "i5", "vm" }, "          in|map[%!c(string=0000a):%!c(string=0000x) %!c(string=0000b):%!c(float64=00002) %!c(string=0000c):<nil> %!c(string=0000d):[%!c(float64=00001) %!c(float64=00002)]]|" },
	{ "printf", "%*X|%0-8.5s|%d|", 4, { "i3", "s\342\230\203x", "f123456.789", "f1e21" }, "E2988378|%!s(float64=1.2346e+05)|%!d(float64=1e+21)|" },
	{ "printf", "%*.E|%-+12s|", 3, { "i-6", "f123456.789", "i65" }, "1E+05 |%!s(int=+65         )|" },
	{ "printf", "% *.*s|", 3, { "i-6", "i2", "I-7" }, "%!s(int64=-07   )|" },
	{ "printf", "%.0f|%X|% 12s|", 3, { "f1e-7", "f-0.0", "f-2.25" }, "0|-0X0P+00|%!s(float64=       -2.25)|" },
	{ "printf", "%+*.G|", 2, { "i3", "i65" }, "%!G(int=+65)|" },
	{ "printf", "%.2e|%#.5s|%*.0U|", 4, { "btrue", "f3.14159", "i5", "i-42" }, "%!e(bool=true)|%!s(float64=3.1416)|U+FFFFFFFFFFFFFFD6|" },
	{ "printf", "% 3.d|", 1, { "vf4" }, "%!d(float64= 1e+05)|" },
	{ "printf", "%0+3g|%8.*v|%12.E|", 4, { "vf4", "i0", "s", "f1e6" }, "+100000.5|        |       1E+06|" },
	{ "printf", "%12s|%#+8.U|% -8.2t|", 3, { "i-42", "f1e6", "i-42" }, "%!s(int=         -42)|%!U(float64= +1.e+06)|%!t(int=-42     )|" },
	{ "printf", "%#+12g|%*g|%+.0c|", 4, { "i0", "i3", "sa\"b", "i65" }, "%!g(int=          +0)|%!g(string=a\"b)|A|" },
	{ "printf", "%0 3.F|%3.2b|%-0.2O|", 3, { "f3.14159", "I-7", "s" }, " 03|-111|%!O(string=)|" },
	{ "printf", "%g|%*b|", 3, { "f-2.25", "i5", "i255" }, "-2.25|11111111|" },
	{ "printf", "%+.*f|%-+*.*F|", 5, { "i0", "s\342\230\203x", "i-6", "i2", "vm" }, "%!f(string=)|map[%!F(string=a     ):%!F(string=x     ) %!F(string=b     ):+2.00  %!F(string=c     ):<nil> %!F(string=d     ):[+1.00  +2.00 ]]|" },
	{ "printf", "% .b|", 1, { "s" }, "%!b(string=)|" },
	{ "printf", "% .x|%0.*b|", 3, { "f1e6", "i2", "n" }, " 0x1p+20|%!b(<nil>)|" },
	{ "printf", "%*F|", 2, { "i5", "s\342\230\203x" }, "%!F(string=   \342\230\203x)|" },
	{ "printf", "%+#*o|%*g|%b|", 5, { "i-6", "f0.0", "i3", "btrue", "n" }, "%!o(float64=+0.00000)|%!g(bool=true)|%!b(<nil>)|" },
	{ "printf", "% 08.*O|%-08.2o|", 3, { "i2", "f123456.789", "s\342\230\203x" }, "%!O(float64= 1.2e+05)|%!o(string=\342\230\203x      )|" },
	{ "printf", "% 12.G|", 1, { "vl" }, "[           1 %!G(string=            ) <nil>            2 %!G(bool=        true)]|" },
	{ "printf", "%+*q|%#0.2s|", 3, { "i3", "ve", "f-0.0" }, "[]|%!s(float64=-0.0)|" },
	{ "printf", "%+*.*v|%8.0t|%-s|", 5, { "i-6", "i-1", "i-42", "f123456.789", "f123456.789" }, "%!(BADPREC)-42   |%!t(float64=   1e+05)|%!s(float64=123456.789)|" },
	{ "printf", "%12.0x|", 1, { "f3.14159" }, "     0x1p+02|" },
	{ "printf", "% -8.5s|", 1, { "n" }, "%!s(<nil>)|" },
	{ "printf", "% 12.0t|", 1, { "s\342\230\203x" }, "%!t(string=            )|" },
	{ "printf", "% +3.E|", 1, { "ve" }, "[]|" },
	{ "printf", "%3.*x|% 8f|%12E|", 4, { "i-1", "f1e21", "sab", "i0" }, "%!(BADPREC)0x1.b1ae4d6e2ef5p+69|%!f(string=      ab)|%!E(int=           0)|" },
	{ "printf", "%12.2t|%#-.X|%- 8.0O|", 3, { "vl", "i-42", "f3.14159" }, "[%!t(float64=           1) %!t(string=           a) <nil> %!t(float64=         2.5)         true]|-0X2A|%!O(float64= 3      )|" },
	{ "printf", "%3.2g|%#.2v|", 2, { "f1e21", "f0.0" }, "1e+21|0|" },
	{ "printf", "%# O|", 1, { "i0" }, " 0o0|" },
	{ "printf", "%+*.0O|%8.T|% +*G|", 5, { "i3", "f3.14159", "i255", "i-6", "i0" }, "%!O(float64= +3)|        |%!G(int=+0    )|" },
	{ "printf", "%-012t|%12t|", 2, { "s\342\230\203x", "sh\303\251llo" }, "%!t(string=\342\230\203x          )|%!t(string=       h\303\251llo)|" },
	{ "printf", "%.e|%3.5U|%.*o|", 4, { "vf4", "vf4", "i2", "i65" }, "1e+05|%!U(float64=1e+05)|101|" },
	{ "printf", "%*b|", 2, { "i-6", "i255" }, "11111111|" },
	{ "printf", "% *o|%# .5e|", 3, { "i-6", "s\342\230\203x", "vm" }, "%!o(string=\342\230\203x    )|map[%!e(string=a):%!e(string=x) %!e(string=b): 2.00000e+00 %!e(string=c):<nil> %!e(string=d):[ 1.00000e+00  2.00000e+00]]|" },
	{ "printf", "%*.5U|%.2q|", 3, { "i3", "sa\"b", "i0" }, "%!U(string=a\"b)|'\\x00'|" },
	{ "printf", "% -X|", 1, { "i255" }, " FF|" },
	{ "printf", "%.0q|", 1, { "s" }, "\"\"|" },
	{ "printf", "%*.2s|", 2, { "i5", "f1.5" }, "%!s(float64=  1.5)|" },
	{ "printf", "%-12.0f|%+#*.d|", 3, { "I-7", "i5", "i9731" }, "%!f(int64=-7          )|+9731|" },
	{ "printf", "%+*.0E|%.5v|", 3, { "i5", "sh\303\251llo", "f1.5" }, "%!E(string=     )|1.5|" },
	{ "printf", "%-012.5U|", 1, { "vl" }, "[%!U(float64=1           ) %!U(string=a           ) <nil> %!U(float64=2.5         ) %!U(bool=true        )]|" },
	{ "printf", "%#*.X|% *.0f|", 4, { "i-6", "i65", "i5", "f1e6" }, "0X41  | 1000000|" },
	{ "printf", "%0#3.0g|", 1, { "i255" }, "%!g(int=255)|" },
	{ "printf", "% b|", 1, { "sa\"b" }, "%!b(string=a\"b)|" },
	{ "printf", "%0*.2T|%8.5g|", 3, { "i5", "sab", "s\342\230\203x" }, "000st|%!g(string=      \342\230\203x)|" },
	{ "printf", "%#-12q|", 1, { "sh\303\251llo" }, "`h\303\251llo`     |" },
	{ "printf", "%0+8.2G|", 1, { "i1" }, "%!G(int=     +01)|" },
	{ "printf", "%-#.0b|", 1, { "f0.0" }, "0p-1074|" },
	{ "printf", "% -12.5q|%#12.5d|", 2, { "s\342\230\203x", "f1e6" }, "\"\342\230\203x\"        |%!d(float64=  1.0000e+06)|" },
	{ "printf", "%-.*g|", 2, { "i-1", "sh\303\251llo" }, "%!(BADPREC)%!g(string=h\303\251llo)|" },
	{ "printf", "%8.2f|%-+3.5c|%+ *.c|", 4, { "f-0.0", "f3.14159", "i5", "i0" }, "   -0.00|%!c(float64=+3.1416)|    \000|" },
	{ "printf", "%#08.*E|", 2, { "i2", "vf4" }, "1.00E+05|" },
	{ "printf", "%-#12.U|%8.g|", 2, { "i-42", "f0.0" }, "U+FFFFFFFFFFFFFFD6|       0|" },
	{ "printf", "%12F|", 1, { "i65" }, "%!F(int=          65)|" },
	{ "printf", "%# 12.2F|", 1, { "i255" }, "%!F(int=         255)|" },
	{ "printf", "%3.5x|", 1, { "i255" }, "000ff|" },
	{ "printf", "%0*.2F|% -3.*G|", 4, { "i3", "f0.0", "i2", "f-0.0" }, "0.00|-0 |" },
	{ "printf", "%.2q|% 12.*e|% 0*.0O|", 5, { "f1e21", "i0", "f0.0", "i5", "I123456789" }, "%!q(float64=1e+21)|       0e+00| 0o726746425|" },
	{ "printf", "%0#*v|%#12q|%+#.X|", 4, { "i-6", "f0.0", "I123456789", "sab" }, "0     |         '\357\277\275'||" },
	{ "printf", "%+-8.0o|", 1, { "f1.5" }, "%!o(float64=+2      )|" },
	{ "printf", "%0.*q|%0-8.b|", 3, { "i0", "vl", "f1e6" }, "[%!q(float64=1) \"\" <nil> %!q(float64=2) %!q(bool=true)]|8589934592000000p-33|" },
	{ "printf", "%0*.*U|", 3, { "i-6", "i-1", "n" }, "%!(BADPREC)%!U(<nil>)|" },
	{ "printf", "%8.e|%8.0s|%8.5T|", 3, { "s", "sab", "f3.14159" }, "%!e(string=        )|        |   float|" },
	{ "printf", "%+c|% #*.0g|%+ e|", 4, { "I-7", "i3", "n", "sa\"b" }, "\357\277\275|%!g(<nil>)|%!e(string=a\"b)|" },
	{ "printf", "%+.0F|%+-12.*c|%8.G|", 4, { "s", "i0", "f1.5", "I123456789" }, "%!F(string=)|%!c(float64=+2          )|%!G(int64=123456789)|" },
	{ "printf", "%+.0E|", 1, { "s" }, "%!E(string=)|" },
};

/* A Stringer host object, like *semver.Version. */
static void semver_print(osmo_buf *b, const osmo_object *o)
{
	osmo_buf_puts(b, (const char *)o->data);
}
static const osmo_object_class semver_class = { "*semver.Version", "ptr", NULL, NULL,
						semver_print, NULL, NULL };

int main(void)
{
	arena = osmo_arena_new();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		osmo_value argv[10];
		osmo_buf b = OSMO_BUF_INIT;
		for (int k = 0; k < cases[i].argc; k++)
			argv[k] = arg(cases[i].args[k]);
		if (strcmp(cases[i].fn, "printf") == 0)
			osmo_gofmt_sprintf(&b, cases[i].format, strlen(cases[i].format), cases[i].argc, argv);
		else if (strcmp(cases[i].fn, "print") == 0)
			osmo_gofmt_sprint(&b, cases[i].argc, argv);
		else
			osmo_gofmt_sprintln(&b, cases[i].argc, argv);
		CHECK_STREQ(osmo_buf_cstr(&b), cases[i].want);
		osmo_buf_dispose(&b);
	}

	/* printf "%v|%s|%q|%x|%10v|%T" (semver "1.2.3") ... and
	 * print (semver "1.2.3") "x" (semver "1.0.0") */
	osmo_value v1 = osmo_object_new(arena, &semver_class, (void *)"1.2.3");
	osmo_value v2 = osmo_object_new(arena, &semver_class, (void *)"1.0.0");
	osmo_value argv[6] = { v1, v1, v1, v1, v1, v1 };
	osmo_buf b = OSMO_BUF_INIT;
	const char *f = "%v|%s|%q|%x|%10v|%T";
	osmo_gofmt_sprintf(&b, f, strlen(f), 6, argv);
	CHECK_STREQ(osmo_buf_cstr(&b), "1.2.3|1.2.3|\"1.2.3\"|312e322e33|     1.2.3|*semver.Version");
	osmo_buf_clear(&b);
	argv[1] = osmo_cstring(arena, "x");
	argv[2] = v2;
	osmo_gofmt_sprint(&b, 3, argv);
	CHECK_STREQ(osmo_buf_cstr(&b), "1.2.3x1.0.0");
	osmo_buf_clear(&b);
	/* printf "%v" (list (semver "1.2.3") "time.Time") */
	osmo_value l = osmo_list_new(arena, 2);
	osmo_list_push(arena, l.u.list, v1);
	osmo_list_push(arena, l.u.list, osmo_cstring(arena, "time.Time"));
	osmo_gofmt_value(&b, l);
	CHECK_STREQ(osmo_buf_cstr(&b), "[1.2.3 time.Time]");
	osmo_buf_dispose(&b);

	osmo_arena_free(arena);
	return CHECK_DONE();
}
