/* test_strvals.c - the --set family parser (pkg/strvals).  Every expected
 * result below was produced by the reference Helm 3.17.2 with a template
 * dumping .Values (typeOf + %v per leaf, quote for strings and keys); the
 * dumper here prints the same format. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "osmo/gofmt.h"
#include "osmo/values.h"

#define DIR "/tmp/osmo-strvals-test/"

static void dump(osmo_buf *b, osmo_value v)
{
	if (v.type == OSMO_V_MAP) {
		osmo_buf_putc(b, '{');
		for (size_t i = 0; i < v.u.map->len; i++) {
			osmo_value k = osmo_str_ref(v.u.map->ents[i].key.ptr,
						    v.u.map->ents[i].key.len);
			osmo_gofmt_sprintf(b, "%q", 2, 1, &k);
			osmo_buf_putc(b, ':');
			dump(b, v.u.map->ents[i].val);
			osmo_buf_putc(b, ',');
		}
		osmo_buf_putc(b, '}');
	} else if (v.type == OSMO_V_LIST) {
		osmo_buf_putc(b, '[');
		for (size_t i = 0; i < v.u.list->len; i++) {
			dump(b, v.u.list->items[i]);
			osmo_buf_putc(b, ',');
		}
		osmo_buf_putc(b, ']');
	} else if (v.type == OSMO_V_STRING) {
		osmo_gofmt_sprintf(b, "%q", 2, 1, &v);
	} else if (v.type == OSMO_V_NULL) {
		osmo_buf_puts(b, "nil");
	} else {
		osmo_buf_printf(b, "%s(", osmo_value_gotype(v));
		osmo_gofmt_value(b, v);
		osmo_buf_putc(b, ')');
	}
}

typedef struct sv_step {
	char kind;
	const char *expr;
} sv_step;

/* Steps are applied in Helm's order (json, set, string, file, literal) into
 * one map; the result is the dump or "ERR: " and the first error. */
static const struct {
	sv_step steps[3];
	const char *want;
} cases[] = {
	{ { { 's', "name1=null,f=false,t=true" } }, "{\"f\":bool(false),\"name1\":nil,\"t\":bool(true),}" },
	{ { { 's', "name1=value1" } }, "{\"name1\":\"value1\",}" },
	{ { { 's', "name1=value1,name2=value2" } }, "{\"name1\":\"value1\",\"name2\":\"value2\",}" },
	{ { { 's', "name1=value1,name2=value2," } }, "{\"name1\":\"value1\",\"name2\":\"value2\",}" },
	{ { { 's', "name1=value1,,,,name2=value2," } }, "ERR: failed parsing --set data: key \"\" has no value (cannot end with ,)" },
	{ { { 's', "name1=,name2=value2" } }, "{\"name1\":\"\",\"name2\":\"value2\",}" },
	{ { { 's', "leading_zeros=00009" } }, "{\"leading_zeros\":\"00009\",}" },
	{ { { 's', "zero_int=0" } }, "{\"zero_int\":int64(0),}" },
	{ { { 's', "long_int=1234567890" } }, "{\"long_int\":int64(1234567890),}" },
	{ { { 's', "boolean=true" } }, "{\"boolean\":bool(true),}" },
	{ { { 's', "is_null=null" } }, "{\"is_null\":nil,}" },
	{ { { 's', "name1,name2=" } }, "ERR: failed parsing --set data: key \"name1\" has no value (cannot end with ,)" },
	{ { { 's', "name1,name2=value2" } }, "ERR: failed parsing --set data: key \"name1\" has no value (cannot end with ,)" },
	{ { { 's', "name1,name2=value2\\" } }, "ERR: failed parsing --set data: key \"name1\" has no value (cannot end with ,)" },
	{ { { 's', "name1,name2" } }, "ERR: failed parsing --set data: key \"name1\" has no value (cannot end with ,)" },
	{ { { 's', "name1=one\\,two,name2=three\\,four" } }, "{\"name1\":\"one,two\",\"name2\":\"three,four\",}" },
	{ { { 's', "name1=one\\=two,name2=three\\=four" } }, "{\"name1\":\"one=two\",\"name2\":\"three=four\",}" },
	{ { { 's', "name1=one two three,name2=three two one" } }, "{\"name1\":\"one two three\",\"name2\":\"three two one\",}" },
	{ { { 's', "outer.inner=value" } }, "{\"outer\":{\"inner\":\"value\",},}" },
	{ { { 's', "outer.middle.inner=value" } }, "{\"outer\":{\"middle\":{\"inner\":\"value\",},},}" },
	{ { { 's', "outer.inner1=value,outer.inner2=value2" } }, "{\"outer\":{\"inner1\":\"value\",\"inner2\":\"value2\",},}" },
	{ { { 's', "outer.inner1=value,outer.middle.inner=value" } }, "{\"outer\":{\"inner1\":\"value\",\"middle\":{\"inner\":\"value\",},},}" },
	{ { { 's', "name1.name2" } }, "ERR: failed parsing --set data: key \"name2\" has no value" },
	{ { { 's', "name1.name2,name1.name3" } }, "ERR: failed parsing --set data: key \"name2\" has no value (cannot end with ,)" },
	{ { { 's', "name1.name2=" } }, "{\"name1\":{\"name2\":\"\",},}" },
	{ { { 's', "name1.=name2" } }, "ERR: failed parsing --set data: key map \"name1\" has no value" },
	{ { { 's', "name1.,name2" } }, "ERR: failed parsing --set data: key \"\" has no value (cannot end with ,)" },
	{ { { 's', "name1={value1,value2}" } }, "{\"name1\":[\"value1\",\"value2\",],}" },
	{ { { 's', "name1={value1,value2},name2={value1,value2}" } }, "{\"name1\":[\"value1\",\"value2\",],\"name2\":[\"value1\",\"value2\",],}" },
	{ { { 's', "name1={1021,902}" } }, "{\"name1\":[int64(1021),int64(902),],}" },
	{ { { 's', "name1.name2={value1,value2}" } }, "{\"name1\":{\"name2\":[\"value1\",\"value2\",],},}" },
	{ { { 's', "name1={1021,902" } }, "ERR: failed parsing --set data: list must terminate with '}'" },
	{ { { 's', "list[0]=foo" } }, "{\"list\":[\"foo\",],}" },
	{ { { 's', "list[0].foo=bar" } }, "{\"list\":[{\"foo\":\"bar\",},],}" },
	{ { { 's', "list[0].foo=bar,list[0].hello=world" } }, "{\"list\":[{\"foo\":\"bar\",\"hello\":\"world\",},],}" },
	{ { { 's', "list[0].foo=bar,list[-30].hello=world" } }, "ERR: failed parsing --set data: negative -30 index not allowed" },
	{ { { 's', "list[0]=foo,list[1]=bar" } }, "{\"list\":[\"foo\",\"bar\",],}" },
	{ { { 's', "list[0]=foo,list[1]=bar," } }, "{\"list\":[\"foo\",\"bar\",],}" },
	{ { { 's', "list[0]=foo,list[3]=bar" } }, "{\"list\":[\"foo\",nil,nil,\"bar\",],}" },
	{ { { 's', "list[0]=foo,list[-20]=bar" } }, "ERR: failed parsing --set data: negative -20 index not allowed" },
	{ { { 's', "illegal[0]name.foo=bar" } }, "ERR: failed parsing --set data: unexpected data at end of array index: ['n' 'a' 'm' 'e']" },
	{ { { 's', "noval[0]" } }, "{\"noval\":[],}" },
	{ { { 's', "noval[0]=" } }, "{\"noval\":[\"\",],}" },
	{ { { 's', "nested[0][0]=1" } }, "{\"nested\":[[int64(1),],],}" },
	{ { { 's', "nested[1][1]=1" } }, "{\"nested\":[nil,[nil,int64(1),],],}" },
	{ { { 's', "name1.name2[0].foo=bar,name1.name2[1].foo=bar" } }, "{\"name1\":{\"name2\":[{\"foo\":\"bar\",},{\"foo\":\"bar\",},],},}" },
	{ { { 's', "name1.name2[1].foo=bar,name1.name2[0].foo=bar" } }, "{\"name1\":{\"name2\":[{\"foo\":\"bar\",},{\"foo\":\"bar\",},],},}" },
	{ { { 's', "name1.name2[1].foo=bar" } }, "{\"name1\":{\"name2\":[nil,{\"foo\":\"bar\",},],},}" },
	{ { { 's', "]={}]." } }, "ERR: failed parsing --set data: unable to parse key: interface conversion: interface {} is []interface {}, not map[string]interface {}" },
	{ { { 's', "outer.inner1=overwrite,outer.inner2=value2" }, { 's', "outer.inner1=value1,outer.inner3=value3,outer.inner4=4" } }, "{\"outer\":{\"inner1\":\"value1\",\"inner2\":\"value2\",\"inner3\":\"value3\",\"inner4\":int64(4),},}" },
	{ { { 's', "listOuter[0][0].type=listValue" }, { 's', "listOuter[0][0].status=alive" } }, "{\"listOuter\":[[{\"status\":\"alive\",\"type\":\"listValue\",},],],}" },
	{ { { 's', "listOuter[0][0].type=listValue" }, { 's', "listOuter[1][0].status=alive" } }, "{\"listOuter\":[[{\"type\":\"listValue\",},],[{\"status\":\"alive\",},],],}" },
	{ { { 's', "listOuter[0][1][0].type=listValue" }, { 's', "listOuter[0][0][1].status=alive" } }, "{\"listOuter\":[[[nil,{\"status\":\"alive\",},],[{\"type\":\"listValue\",},],],],}" },
	{ { { 's', "outer.inner1=overwrite,outer.inner2=value2" }, { 'S', "outer.inner1=1,outer.inner3=3" } }, "{\"outer\":{\"inner1\":\"1\",\"inner2\":\"value2\",\"inner3\":\"3\",},}" },
	{ { { 'S', "long_int_string=1234567890,boolean=true,is_null=null,zero=0,l={1,true}" } }, "{\"boolean\":\"true\",\"is_null\":\"null\",\"l\":[\"1\",\"true\",],\"long_int_string\":\"1234567890\",\"zero\":\"0\",}" },
	{ { { 'j', "outer.inner1=\"overwrite\",outer.inner2=\"value2\"" }, { 'j', "outer.inner1=\"1\",outer.inner3=3,outer.inner4=true,outer.inner5=\"true\"" } }, "{\"outer\":{\"inner1\":\"1\",\"inner2\":\"value2\",\"inner3\":float64(3),\"inner4\":bool(true),\"inner5\":\"true\",},}" },
	{ { { 'j', "outer.inner1={\"a\":\"1\",\"b\":2,\"c\":[1,2,3]},outer.inner3=[\"new value 1\",\"new value 2\"],outer.inner4={\"aa\":\"1\",\"bb\":2,\"cc\":[1,2,3]},outer.inner5=[{\"A\":\"1\",\"B\":2,\"C\":[1,2,3]}]" } }, "{\"outer\":{\"inner1\":{\"a\":\"1\",\"b\":float64(2),\"c\":[float64(1),float64(2),float64(3),],},\"inner3\":[\"new value 1\",\"new value 2\",],\"inner4\":{\"aa\":\"1\",\"bb\":float64(2),\"cc\":[float64(1),float64(2),float64(3),],},\"inner5\":[{\"A\":\"1\",\"B\":float64(2),\"C\":[float64(1),float64(2),float64(3),],},],},}" },
	{ { { 'j', "outer.inner1=,outer.inner3={\"aa\":\"1\",\"bb\":2,\"cc\":[1,2,3]},outer.inner3.cc[1]=null" } }, "{\"outer\":{\"inner1\":nil,\"inner3\":{\"aa\":\"1\",\"bb\":float64(2),\"cc\":[float64(1),nil,float64(3),],},},}" },
	{ { { 'j', "outer.inner1={\"a\":\"1\",\"b\":2,\"c\":[1,2,3]},outer.inner3=[\"new value 1\",\"new value 2\"],outer.inner4={\"aa\":\"1\",\"bb\":2,\"cc\":[1,2,3]},outer.inner5={\"A\":\"1\",\"B\":2,\"C\":[1,2,3]}]" } }, "ERR: failed parsing --set-json data outer.inner1={\"a\":\"1\",\"b\":2,\"c\":[1,2,3]},outer.inner3=[\"new value 1\",\"new value 2\"],outer.inner4={\"aa\":\"1\",\"bb\":2,\"cc\":[1,2,3]},outer.inner5={\"A\":\"1\",\"B\":2,\"C\":[1,2,3]}]" },
	{ { { 'j', "a=1b=2" } }, "{\"a\":float64(1),\"b\":float64(2),}" },
	{ { { 'j', "a={" } }, "ERR: failed parsing --set-json data a={" },
	{ { { 'j', "a= 1e6 , b=-0.5,c=\"x\\u00e9\\ud83d\\ude00\",d=[],e={\"k\":{\"k\":null}}" } }, "{\" b\":float64(-0.5),\"a\":float64(1e+06),\"c\":\"x\303\251\360\237\230\200\",\"d\":[],\"e\":{\"k\":{\"k\":nil,},},}" },
	{ { { 'j', "f=01" } }, "ERR: failed parsing --set-json data f=01" },
	{ { { 'j', "a=1,b=,c= ,d=[ 1 , {} ] ,e=-0" } }, "{\"a\":float64(1),\"b\":nil,\"c\":nil,\"d\":[float64(1),{},],\"e\":float64(-0),}" },
	{ { { 'j', "a=1e400" } }, "ERR: failed parsing --set-json data a=1e400" },
	{ { { 'j', "a=[1,2" } }, "ERR: failed parsing --set-json data a=[1,2" },
	{ { { 'j', "l[2]={\"x\":true}" } }, "{\"l\":[nil,nil,{\"x\":bool(true),},],}" },
	{ { { 'j', "a=\"x\"y=2" } }, "{\"a\":\"x\",\"y\":float64(2),}" },
	{ { { 'j', "a={\"k\":1,\"k\":2}" } }, "{\"a\":{\"k\":float64(2),},}" },
	{ { { 'j', "a=tru" } }, "ERR: failed parsing --set-json data a=tru" },
	{ { { 's', "k0.k1.k2.k3.k4.k5.k6.k7.k8.k9.k10.k11.k12.k13.k14.k15.k16.k17.k18.k19.k20.k21.k22.k23.k24.k25.k26.k27.k28.k29.k30=value" } }, "{\"k0\":{\"k1\":{\"k2\":{\"k3\":{\"k4\":{\"k5\":{\"k6\":{\"k7\":{\"k8\":{\"k9\":{\"k10\":{\"k11\":{\"k12\":{\"k13\":{\"k14\":{\"k15\":{\"k16\":{\"k17\":{\"k18\":{\"k19\":{\"k20\":{\"k21\":{\"k22\":{\"k23\":{\"k24\":{\"k25\":{\"k26\":{\"k27\":{\"k28\":{\"k29\":{\"k30\":\"value\",},},},},},},},},},},},},},},},},},},},},},},},},},},},},},},}" },
	{ { { 's', "k0.k1.k2.k3.k4.k5.k6.k7.k8.k9.k10.k11.k12.k13.k14.k15.k16.k17.k18.k19.k20.k21.k22.k23.k24.k25.k26.k27.k28.k29.k30.k31=value" } }, "ERR: failed parsing --set data: value name nested level is greater than maximum supported nested level of 30" },
	{ { { 'l', "k0.k1.k2.k3.k4.k5.k6.k7.k8.k9.k10.k11.k12.k13.k14.k15.k16.k17.k18.k19.k20.k21.k22.k23.k24.k25.k26.k27.k28.k29.k30.k31=value" } }, "ERR: failed parsing --set-literal data: value name nested level is greater than maximum supported nested level of 30" },
	{ { { 's', "x=fal\305\277e,y=+5,z=-0,w=9223372036854775808,v=-05,u=TRUE,t=Null,r=1.5,q=1e3,p=0x10,o=-,n=+" } }, "{\"n\":\"+\",\"o\":\"-\",\"p\":\"0x10\",\"q\":\"1e3\",\"r\":\"1.5\",\"t\":nil,\"u\":bool(true),\"v\":int64(-5),\"w\":\"9223372036854775808\",\"x\":bool(false),\"y\":int64(5),\"z\":int64(0),}" },
	{ { { 's', "a=b=c,d==" } }, "{\"a\":\"b=c\",\"d\":\"=\",}" },
	{ { { 's', "a={},b={x},c={,},d={a\\,b,c\\}}" } }, "{\"a\":[\"\",],\"b\":[\"x\",],\"c\":[\"\",\"\",],\"d\":[\"a,b\",\"c}\",],}" },
	{ { { 's', "a={x}y=1" } }, "{\"a\":[\"x\",],\"y\":int64(1),}" },
	{ { { 's', "a={x," } }, "ERR: failed parsing --set data: list must terminate with '}'" },
	{ { { 's', "a" } }, "ERR: failed parsing --set data: key \"a\" has no value" },
	{ { { 's', "a[0],b=1" } }, "ERR: failed parsing --set data: unexpected data at end of array index: [',' 'b']" },
	{ { { 's', "a=x,a[0]=1" } }, "ERR: failed parsing --set data: unable to parse key: interface conversion: interface {} is string, not []interface {}" },
	{ { { 's', "a=x,a.b=1" } }, "ERR: failed parsing --set data: unable to parse key: interface conversion: interface {} is string, not map[string]interface {}" },
	{ { { 's', "a=null,a.b=1" } }, "ERR: failed parsing --set data: unable to parse key: interface conversion: interface {} is nil, not map[string]interface {}" },
	{ { { 's', "a=null,a[0]=1" } }, "ERR: failed parsing --set data: unable to parse key: interface conversion: interface {} is nil, not []interface {}" },
	{ { { 's', "a={x},a.b=1" } }, "ERR: failed parsing --set data: unable to parse key: interface conversion: interface {} is []interface {}, not map[string]interface {}" },
	{ { { 's', "a[0]=1,a[0][0]=1" } }, "ERR: failed parsing --set data: unable to parse key: interface conversion: interface {} is int64, not []interface {}" },
	{ { { 's', "a[0]=1,a[0].b=2" } }, "{\"a\":[{\"b\":int64(2),},],}" },
	{ { { 's', "a[0].b=1,a[0][1]=2" } }, "ERR: failed parsing --set data: unable to parse key: interface conversion: interface {} is map[string]interface {}, not []interface {}" },
	{ { { 's', "a[x]=1" } }, "ERR: failed parsing --set data: error parsing index: strconv.Atoi: parsing \"x\": invalid syntax" },
	{ { { 's', "a[]=1" } }, "ERR: failed parsing --set data: error parsing index: strconv.Atoi: parsing \"\": invalid syntax" },
	{ { { 's', "a[ 1]=1" } }, "ERR: failed parsing --set data: error parsing index: strconv.Atoi: parsing \" 1\": invalid syntax" },
	{ { { 's', "a[+1]=1" } }, "{\"a\":[nil,int64(1),],}" },
	{ { { 's', "a[99999999999999999999x]=1" } }, "ERR: failed parsing --set data: error parsing index: strconv.Atoi: parsing \"99999999999999999999x\": value out of range" },
	{ { { 's', "a[9223372036854775808]=1" } }, "ERR: failed parsing --set data: error parsing index: strconv.Atoi: parsing \"9223372036854775808\": value out of range" },
	{ { { 's', "a[70000]=1" } }, "ERR: failed parsing --set data: index of 70000 is greater than maximum supported index of 65536" },
	{ { { 's', "a[-1]=1" } }, "ERR: failed parsing --set data: negative -1 index not allowed" },
	{ { { 's', "a[0" } }, "ERR: failed parsing --set data: error parsing index: EOF" },
	{ { { 's', "a[0]x=1" } }, "ERR: failed parsing --set data: unexpected data at end of array index: ['x']" },
	{ { { 's', "a[0]\\x=1" } }, "ERR: failed parsing --set data: unexpected data at end of array index: ['x']" },
	{ { { 's', "a." } }, "{}" },
	{ { { 's', "a[0]." } }, "{\"a\":[],}" },
	{ { { 's', "a[0].b" } }, "ERR: failed parsing --set data: key \"b\" has no value" },
	{ { { 's', "[0]=x" } }, "{}" },
	{ { { 's', "=x" } }, "{}" },
	{ { { 's', ",a=b" } }, "ERR: failed parsing --set data: key \"\" has no value (cannot end with ,)" },
	{ { { 's', "a\\" } }, "ERR: failed parsing --set data: key \"a\" has no value" },
	{ { { 's', "a=b\\" } }, "{\"a\":\"b\",}" },
	{ { { 's', "a\\.b=1,c\\[0\\]=2,d\\\\e=3" } }, "{\"a.b\":int64(1),\"c[0]\":int64(2),\"d\\\\e\":int64(3),}" },
	{ { { 's', "\303\274.\303\266=\303\244,k\303\251y=1" } }, "{\"k\303\251y\":int64(1),\"\303\274\":{\"\303\266\":\"\303\244\",},}" },
	{ { { 's', "a[0]\011\012=1" } }, "ERR: failed parsing --set data: unexpected data at end of array index: ['\\t' '\\n']" },
	{ { { 's', "a\011\012" } }, "ERR: failed parsing --set data: key \"a\\t\\n\" has no value" },
	{ { { 's', "" } }, "{}" },
	{ { { 'j', "a=1" }, { 's', "a.b=1" } }, "ERR: failed parsing --set data: unable to parse key: interface conversion: interface {} is float64, not map[string]interface {}" },
	{ { { 'j', "a={\"b\":1}" }, { 's', "a.c=2" } }, "{\"a\":{\"b\":float64(1),\"c\":int64(2),},}" },
	{ { { 'j', "a=[1,\"x\"]" }, { 's', "a[3]=2,a[0][0]=1" } }, "ERR: failed parsing --set data: unable to parse key: interface conversion: interface {} is float64, not []interface {}" },
	{ { { 'j', "a=[{\"x\":1}]" }, { 's', "a[0].y=2" } }, "{\"a\":[{\"x\":float64(1),\"y\":int64(2),},],}" },
	{ { { 's', "a[2]=x" }, { 's', "a[0]=y" } }, "{\"a\":[\"y\",nil,\"x\",],}" },
	{ { { 'f', "a=/tmp/osmo-strvals-test/f1.txt,b={/tmp/osmo-strvals-test/f2.txt,/tmp/osmo-strvals-test/empty.txt},c=" } }, "{\"a\":\"hello\\nworld\",\"b\":[\"a,b=c\\\\\",\"\",],\"c\":\"\",}" },
	{ { { 'f', "a=/nonexistent/x" } }, "ERR: failed parsing --set-file data: open /nonexistent/x: no such file or directory" },
	{ { { 'f', "a=/tmp" } }, "ERR: failed parsing --set-file data: read /tmp: is a directory" },
	{ { { 'f', "a=a%zz" } }, "ERR: failed parsing --set-file data: parse \"a%zz\": invalid URL escape \"%zz\"" },
	{ { { 'f', "a=:x" } }, "ERR: failed parsing --set-file data: parse \":x\": missing protocol scheme" },
	{ { { 'f', "a=b:c" } }, "ERR: failed parsing --set-file data: open b:c: no such file or directory" },
	{ { { 'f', "a[1]=/tmp/osmo-strvals-test/f2.txt" } }, "{\"a\":[nil,\"a,b=c\\\\\",],}" },
	{ { { 'f', "a" } }, "ERR: failed parsing --set-file data: key \"a\" has no value" },
	{ { { 'l', "a.b=x,y=z\\,{1,2}=\\" } }, "{\"a\":{\"b\":\"x,y=z\\\\,{1,2}=\\\\\",},}" },
	{ { { 'l', "a,b=1" } }, "{\"a,b\":\"1\",}" },
	{ { { 'l', "a[1]=x,y" } }, "{\"a\":[nil,\"x,y\",],}" },
	{ { { 'l', "a[0][1].b=true" } }, "{\"a\":[[nil,{\"b\":\"true\",},],],}" },
	{ { { 'l', "a\\.b=1" } }, "{\"a\\\\\":{\"b\":\"1\",},}" },
	{ { { 'l', "a" } }, "ERR: failed parsing --set-literal data: key \"a\" has no value" },
	{ { { 'l', "a.=x" } }, "ERR: failed parsing --set-literal data: key map \"a\" has no value" },
	{ { { 'l', "a[0]=" } }, "{\"a\":[\"\",],}" },
	{ { { 'l', "a[0]x=1" } }, "ERR: failed parsing --set-literal data: unexpected data at end of array index: ['x']" },
	{ { { 'l', "a[-1]=1" } }, "ERR: failed parsing --set-literal data: negative -1 index not allowed" },
	{ { { 'l', "a[70000]=1" } }, "ERR: failed parsing --set-literal data: index of 70000 is greater than maximum supported index of 65536" },
	{ { { 's', "a=x" }, { 'l', "a[0]=1" } }, "ERR: failed parsing --set-literal data: unable to parse key: interface conversion: interface {} is string, not []interface {}" },
	{ { { 's', "a=x" }, { 'l', "a.b=1" } }, "ERR: failed parsing --set-literal data: unable to parse key: interface conversion: interface {} is string, not map[string]interface {}" },
};

static void write_file(const char *path, const char *content)
{
	FILE *f = fopen(path, "wb");
	if (f) {
		fputs(content, f);
		fclose(f);
	}
}

int main(void)
{
	mkdir(DIR, 0755);
	write_file(DIR "f1.txt", "hello\nworld");
	write_file(DIR "f2.txt", "a,b=c\\");
	write_file(DIR "empty.txt", "");

	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		osmo_arena *a = osmo_arena_new();
		osmo_value dst = osmo_map_new(a, 0);
		osmo_error err = { 0 };
		osmo_buf got = OSMO_BUF_INIT;
		int rc = 0;
		for (int s = 0; s < 3 && cases[c].steps[s].kind && rc == 0; s++)
			rc = osmo_values_parse_set(a, &dst, cases[c].steps[s].expr,
						   cases[c].steps[s].kind, &err);
		if (rc) {
			CHECK(rc < 0 && err.msg);
			osmo_buf_printf(&got, "ERR: %s", err.msg ? err.msg : "(no message)");
		} else {
			dump(&got, dst);
		}
		if (strcmp(osmo_buf_cstr(&got), cases[c].want) != 0)
			fprintf(stderr, "case %zu: %c %s\n", c, cases[c].steps[0].kind,
				cases[c].steps[0].expr);
		CHECK_STREQ(osmo_buf_cstr(&got), cases[c].want);
		osmo_buf_dispose(&got);
		osmo_error_dispose(&err);
		osmo_arena_free(a);
	}

	{ /* the largest index Helm accepts: 65537 elements, nil-padded */
		osmo_arena *a = osmo_arena_new();
		osmo_value dst = osmo_map_new(a, 0), *l;
		osmo_error err = { 0 };
		CHECK(osmo_values_parse_set(a, &dst, "a[65536]=1,a[0]=z", 's', &err) == 0);
		l = osmo_map_getc(dst.u.map, "a");
		CHECK(l && l->type == OSMO_V_LIST && l->u.list->len == 65537);
		if (l && l->type == OSMO_V_LIST && l->u.list->len == 65537) {
			CHECK(l->u.list->items[0].type == OSMO_V_STRING);
			CHECK(l->u.list->items[1].type == OSMO_V_NULL);
			CHECK(l->u.list->items[65536].type == OSMO_V_INT &&
			      l->u.list->items[65536].sub == OSMO_GO_INT64);
		}
		osmo_error_dispose(&err);
		osmo_arena_free(a);
	}
	return CHECK_DONE();
}
