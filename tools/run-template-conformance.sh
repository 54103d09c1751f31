#!/usr/bin/env bash
# Template conformance runner (format: testdata/template/README.md).
#
#   tools/run-template-conformance.sh [--live] [-j N] [-k SUBSTR] [--keep] [FILE.test ...]
#
# Renders every case of testdata/template/*.test with
#   $OSMO template c <chartdir>        (OSMO defaults to build/tools/osmo-render)
# and compares the result byte for byte with the stored goldens. Ends with
# "N passed, N failed"; exit status 1 if anything failed.
#
#   --live      also run the reference helm on every case (batched per .test
#               file) and fail on any byte difference between helm and OSMO.
#               Enabled automatically when REF_HELM is set.
#   --generate  (used by tools/gen-template-goldens.sh) run the reference helm
#               and rewrite the expectations in the .test files.
#
# Environment: OSMO, REF_HELM or HELM (reference helm, default
# $HOME/.cache/osmo-ref/bin/helm), CORPUS (default testdata/template).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
export CONFORMANCE_ROOT="$root"
exec python3 - "$@" <<'PYEOF'
import argparse, base64, itertools, concurrent.futures as cf, difflib, json, os, re
import shlex, shutil, subprocess, sys, tempfile

ROOT = os.environ["CONFORMANCE_ROOT"]
KEYS = {"values", "template", "defines", "files", "set", "mode", "expect",
        "expect-json", "expect-base64", "expect-error", "expect-match"}
GOLDEN_KEYS = {"expect", "expect-json", "expect-base64", "expect-error"}
HDR = re.compile(r"^# ([a-z][a-z-]*):(?: (.*))?$")
CASE_HDR = re.compile(r"^### (\S+)\s*$")
NAME_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# Cases that may change state shared by all templates of one chart render
# (the .Values map, the define namespace) never share a batch chart.
SHARED_STATE = re.compile(r"\b(set|unset|merge\w*|mustMerge\w*|define|template|"
                          r"block|include|tpl)\b")
CHART_YAML = b"apiVersion: v2\nname: c\nversion: 0.1.0\n"
# Date functions format in the local time zone; pin it for both binaries.
RUN_ENV = dict(os.environ, TZ="UTC", LC_ALL="C")


def header_key(line):
    m = HDR.match(line)
    if m and m.group(1) in KEYS:
        return m.group(1), m.group(2)
    return None


class Section:
    def __init__(self, key, inline, lineno):
        self.key, self.inline, self.lineno, self.lines = key, inline, lineno, []

    def body_lines(self):
        ls = list(self.lines)
        while ls and ls[-1] == "":
            ls.pop()
        return ls

    def text(self):
        if self.inline is not None:
            return self.inline
        return "\n".join(self.body_lines())

    def render(self):
        head = "# %s:" % self.key + ("" if self.inline is None else " " + self.inline)
        return [head] + self.body_lines()


class Case:
    def __init__(self, tfile, name, lineno):
        self.tfile, self.name, self.lineno = tfile, name, lineno
        self.pre, self.sections = [], []

    def sec(self, key):
        for s in self.sections:
            if s.key == key:
                return s
        return None

    def has(self, key):
        return self.sec(key) is not None

    def get(self, key, default=""):
        s = self.sec(key)
        return default if s is None else s.text()

    @property
    def where(self):
        return "%s:%d" % (os.path.relpath(self.tfile.path, ROOT), self.lineno)

    def values(self):
        if self.has("values"):
            return self.get("values")
        return self.tfile.values

    def set_args(self):
        args = []
        for line in self.get("set").split("\n"):
            if not line.strip():
                continue
            if line.startswith("--"):
                flag, _, val = line.partition(" ")
                args += [flag, val]
            else:
                args += ["--set", line]
        return args

    def extra_files(self):
        files, cur = [], None
        for line in self.get("files").split("\n") if self.has("files") else []:
            m = re.match(r"^==(-?) (\S+)$", line)
            if m:
                cur = [m.group(2), m.group(1) != "-", []]
                files.append(cur)
            elif cur is not None:
                cur[2].append(line)
            elif line.strip():
                raise SystemExit("%s: files: content before '== path' line" % self.where)
        out = {}
        for path, nl, lines in files:
            while lines and lines[-1] == "":
                lines.pop()
            out[path] = ("\n".join(lines) + ("\n" if nl else "")).encode()
        return out

    def raw(self):
        return self.get("mode") == "raw" or self.has("expect-error")

    def batchable(self):
        return not (self.raw() or self.has("values") or self.has("set") or
                    self.has("files") or self.has("defines") or
                    SHARED_STATE.search(self.get("template")))

    def layout(self, raw):
        """Chart files for this case, relative path -> bytes."""
        tpl, defs = self.get("template"), self.get("defines")
        if raw:
            body = tpl + ("\n" + defs if defs else "")
        else:
            body = wrap_json(self.name, tpl) + ("\n" + defs if defs else "")
        files = {"Chart.yaml": CHART_YAML, "values.yaml": values_bytes(self.values()),
                 "templates/%s.yaml" % self.name: body.encode()}
        files.update(self.extra_files())
        return files

    def expectation(self):
        for key in ("expect", "expect-json", "expect-base64", "expect-error", "expect-match"):
            s = self.sec(key)
            if s is not None:
                return key, s.text()
        return None, None


def wrap_json(name, tpl):
    return ('out: {{ include "case.%s" . | toJson }}\n'
            '{{- define "case.%s" }}%s{{ end }}' % (name, name, tpl))


def values_bytes(text):
    return (text + "\n").encode() if text else b""


def doc_header(name):
    return "---\n# Source: c/templates/%s.yaml\n" % name


class TestFile:
    def __init__(self, path):
        self.path = path
        self.preamble, self.cases, self.values = [], [], ""
        self.parse()

    def parse(self):
        with open(self.path, encoding="utf-8", newline="") as f:
            text = f.read()
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        cur, sec, pre_sec = None, None, None
        seen = set()
        for i, line in enumerate(lines, 1):
            m = CASE_HDR.match(line)
            if m:
                name = m.group(1)
                if not NAME_OK.match(name) or name in seen:
                    raise SystemExit("%s:%d: bad or duplicate case name %r" % (self.path, i, name))
                seen.add(name)
                cur, sec = Case(self, name, i), None
                self.cases.append(cur)
                continue
            if cur is None:
                self.preamble.append(line)
                hk = header_key(line)
                if hk:
                    pre_sec = Section(hk[0], hk[1], i)
                    if hk[0] == "values":
                        self.values_sec = pre_sec
                elif pre_sec is not None:
                    pre_sec.lines.append(line)
                continue
            hk = header_key(line)
            if hk:
                sec = Section(hk[0], hk[1], i)
                cur.sections.append(sec)
            elif sec is None:
                cur.pre.append(line)
            else:
                sec.lines.append(line)
        if hasattr(self, "values_sec"):
            self.values = self.values_sec.text()
        for c in self.cases:
            if not c.has("template"):
                raise SystemExit("%s: case without '# template:'" % c.where)

    def write(self):
        out = list(self.preamble)
        while out and out[-1] == "":
            out.pop()
        for c in self.cases:
            if out:
                out.append("")
            out.append("### " + c.name)
            out += c.pre
            for s in c.sections:
                out += s.render()
        with open(self.path, "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(out) + "\n")


# ---- Go encoding/json string encoder (what helm's toJson prints) ----
def go_json(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif o < 0x20 or ch in "<>&\u2028\u2029":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
                        "\f": "\\f"}.get(ch, "\\u%04x" % o))
        elif 0xD800 <= o <= 0xDFFF:
            out.append("\\ufffd")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def section_safe(text):
    if "\r" in text or text.endswith("\n"):
        return False
    for line in text.split("\n"):
        if header_key(line) or CASE_HDR.match(line) or line.startswith("### "):
            return False
    return True


def expected_stdout(case, key, text):
    """Exact bytes helm prints for a successful case, or None."""
    if case.raw():
        if key == "expect":
            return (text + "\n").encode()
        if key == "expect-json":
            return json.loads(text).encode()
        if key == "expect-base64":
            return base64.b64decode(text)
        return None
    if key == "expect":
        lit = go_json(text)
    elif key == "expect-json":
        lit = text
    else:
        return None
    return (doc_header(case.name) + "out: " + lit + "\n").encode()


def json_layout_value(case, stdout):
    """Decode the case output from a json-layout render, or None."""
    try:
        s = stdout.decode("utf-8")
    except UnicodeDecodeError:
        return None
    h = doc_header(case.name) + "out: "
    if not s.startswith(h) or not s.endswith("\n") or "\n" in s[len(h):-1]:
        return None
    lit = s[len(h):-1]
    try:
        return lit, json.loads(lit)
    except ValueError:
        return None


def error_line(stderr):
    lines = stderr.decode("utf-8", "replace").split("\n")
    for line in lines:
        if line.startswith("Error: "):
            return line[len("Error: "):]
    return lines[0] if lines else ""


# ---- running charts ----
class Runner:
    def __init__(self, tmp, jobs):
        self.tmp, self.jobs, self.ids = tmp, jobs, itertools.count()

    def build(self, files):
        d = os.path.join(self.tmp, "chart%05d" % next(self.ids))
        for rel, data in files.items():
            p = os.path.join(d, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(data)
        return d

    @staticmethod
    def run(cmd, chartdir, extra):
        try:
            p = subprocess.run(shlex.split(cmd) + ["template", "c", chartdir] + extra,
                               cwd=chartdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=60, env=RUN_ENV)
            return p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired:
            return 124, b"", b"Error: timeout after 60s\n"
        except OSError as e:
            return 127, b"", ("Error: cannot run %s: %s\n" % (cmd, e)).encode()

    def pmap(self, fn, items):
        with cf.ThreadPoolExecutor(self.jobs) as ex:
            return list(ex.map(fn, items))


def helm_results(runner, helm, cases, raw_override=None):
    """Run the reference helm on cases; batch the batchable ones per file.
    Returns {case: (rc, stdout, stderr, raw)}."""
    res, solo, batches = {}, [], {}
    for c in cases:
        raw = c.raw() if raw_override is None else raw_override
        if not raw and c.batchable():
            batches.setdefault(c.tfile, []).append(c)
        else:
            solo.append((c, raw))
    def batch_chart(tf, cs):
        files = {"Chart.yaml": CHART_YAML, "values.yaml": values_bytes(tf.values)}
        for c in cs:
            files["templates/%s.yaml" % c.name] = wrap_json(c.name, c.get("template")).encode()
        return runner.build(files)

    def run_batch(item):
        # A failing case aborts the whole batch: move the case named in the
        # error to solo and retry (bounded), so one error costs one more run.
        tf, cs = item
        cs, out_solo = list(cs), []
        for _ in range(len(cs) + 1):
            if not cs:
                break
            rc, out, err = runner.run(helm, batch_chart(tf, cs), [])
            if rc == 0:
                parts = split_batch(out.decode("utf-8", "replace"))
                if parts is not None and set(parts) == {c.name for c in cs}:
                    return cs, parts, out_solo
                break
            m = re.search(r"c/templates/([^:\s]+)\.yaml", error_line(err))
            hit = [c for c in cs if m and c.name == m.group(1)]
            if not hit:
                break
            cs.remove(hit[0])
            out_solo.append(hit[0])
        return [], {}, out_solo + cs

    for cs, parts, more in runner.pmap(run_batch, list(batches.items())):
        for c in cs:
            res[c] = (0, parts[c.name].encode(), b"", False)
        solo += [(c, False) for c in more]
    jobs = []
    for c, raw in solo:
        jobs.append(("solo", (c, raw), runner.build(c.layout(raw))))

    def go(job):
        kind, what, d = job
        return job, runner.run(helm, d, what[0].set_args())

    for (kind, what, d), (rc, out, err) in runner.pmap(go, jobs):
        res[what[0]] = (rc, out, err, what[1])
    return res


DOC = re.compile(r"---\n# Source: c/templates/([^\n]+)\.yaml\nout: [^\n]*\n")


def split_batch(s):
    parts, pos = {}, 0
    while pos < len(s):
        m = DOC.match(s, pos)
        if not m:
            return None
        parts[m.group(1)] = m.group(0)
        pos = m.end()
    return parts


# ---- generate ----
def record_success(case, raw, out):
    if raw:
        try:
            s = out.decode("utf-8")
        except UnicodeDecodeError:
            return "expect-base64", base64.b64encode(out).decode()
        if s.endswith("\n") and section_safe(s[:-1]):
            return "expect", s[:-1]
        return "expect-json", json.dumps(s, ensure_ascii=False)
    v = json_layout_value(case, out)
    if v is None:
        raise SystemExit("%s: unexpected helm output framing:\n%s" % (case.where, out.decode("utf-8", "replace")))
    lit, text = v
    if go_json(text) == lit and section_safe(text):
        return "expect", text
    return "expect-json", lit


def generate(args, files, runner):
    helm = args.helm
    cases = [c for tf in files for c in tf.cases]
    first = helm_results(runner, helm, cases)
    # json-layout failures are re-rendered in raw layout so that error positions
    # refer to the case's own template text.
    redo = [c for c in cases if first[c][0] != 0 and not first[c][3]]
    second = helm_results(runner, helm, redo, raw_override=True) if redo else {}
    # known error cases that now succeed are re-rendered in their normal layout
    redo2 = [c for c in cases if c.has("expect-error") and first[c][0] == 0
             and c.get("mode") != "raw"]
    for c in redo2:
        c.sections = [s for s in c.sections if s.key != "expect-error"]
    third = helm_results(runner, helm, redo2) if redo2 else {}
    bad = 0
    for c in cases:
        rc, out, err, raw = third.get(c) or second.get(c) or first[c]
        key, _ = c.expectation()
        if key == "expect-match":
            check = out.decode("utf-8", "replace")
            if not raw:
                v = json_layout_value(c, out)
                check = v[1] if v else None
            if rc != 0 or check is None or not re.fullmatch(c.get("expect-match"), check):
                bad += 1
                print("MATCH FAILS WITH HELM %s %s\n  rc=%d %r %r" % (c.where, c.name, rc, check, error_line(err)))
            continue
        c.sections = [s for s in c.sections if s.key not in GOLDEN_KEYS]
        if rc != 0:
            c.sections.append(Section("expect-error", error_line(err), 0))
        else:
            if raw and c.get("mode") != "raw":
                c.sections.append(Section("mode", "raw", 0))
                print("note: %s %s only renders in raw layout" % (c.where, c.name))
            k, v = record_success(c, raw, out)
            s = Section(k, None if k == "expect" else v, 0)
            if k == "expect":
                s.lines = v.split("\n")
            c.sections.append(s)
    for tf in files:
        tf.write()
    print("generated %d cases in %d files%s" % (len(cases), len(files),
          (", %d expect-match checks FAILED" % bad) if bad else ""))
    return 1 if bad else 0


# ---- check ----
def compare(case, rc, out, err):
    """None if (rc,out,err) satisfies the golden, else a failure description."""
    key, text = case.expectation()
    if key is None:
        return "no golden (run tools/gen-template-goldens.sh)"
    if key == "expect-error":
        got = error_line(err)
        if rc != 0 and got == text:
            return None
        if rc == 0:
            return "expected error:\n  %s\nbut rendered:\n%s" % (text, out.decode("utf-8", "replace"))
        return "error differs:\n  expected: %s\n  actual:   %s" % (text, got)
    if rc != 0:
        return "unexpected error: %s" % error_line(err)
    if key == "expect-match":
        check = out.decode("utf-8", "replace")
        if not case.raw():
            v = json_layout_value(case, out)
            if v is None:
                return "bad output framing:\n" + check
            check = v[1]
        if re.fullmatch(text, check):
            return None
        return "output %r does not match /%s/" % (check, text)
    exp = expected_stdout(case, key, text)
    if out == exp:
        return None
    return diff_text(exp, out, case)


def readable(case, b):
    if not case.raw():
        v = json_layout_value(case, b)
        if v is not None:
            return v[1]
    return b.decode("utf-8", "backslashreplace")


def diff_text(exp, got, case):
    e, g = readable(case, exp), readable(case, got)
    d = difflib.unified_diff(e.split("\n"), g.split("\n"), "expected", "actual", lineterm="", n=2)
    lines = list(d)
    msg = "\n".join(lines) if lines else "(outputs differ only in framing)"
    return msg + "\n  expected bytes: %r\n  actual bytes:   %r" % (exp[:400], got[:400])


def check(args, files, runner):
    osmo = args.osmo
    cases = [c for tf in files for c in tf.cases]
    if args.k:
        cases = [c for c in cases if args.k in c.name]
    built = [(c, runner.build(c.layout(c.raw()))) for c in cases]
    ours = dict(runner.pmap(lambda cd: (cd[0], runner.run(osmo, cd[1], cd[0].set_args())), built))
    ref = helm_results(runner, args.helm, cases) if args.live else {}
    passed = failed = 0
    for c in cases:
        rc, out, err = ours[c]
        why = compare(c, rc, out, err)
        if why is None and c in ref and c.expectation()[0] != "expect-match":
            hrc, hout, herr, _ = ref[c]
            if (hrc == 0) != (rc == 0):
                why = "live: helm rc=%d (%s), ours rc=%d" % (hrc, error_line(herr), rc)
            elif rc == 0 and hout != out:
                why = "live: differs from reference helm\n" + diff_text(hout, out, c)
            elif rc != 0 and error_line(herr) != error_line(err):
                why = "live: error differs\n  helm: %s\n  ours: %s" % (error_line(herr), error_line(err))
        if why is None:
            passed += 1
        else:
            failed += 1
            if args.q:
                print("FAIL %s %s: %s" % (c.where, c.name, why.split("\n")[0][:160]))
            else:
                print("FAIL %s %s\n%s\n" % (c.where, c.name, "  " + why.replace("\n", "\n  ")))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(prog="run-template-conformance.sh")
    ap.add_argument("files", nargs="*")
    ap.add_argument("--live", action="store_true")
    ap.add_argument("--generate", action="store_true")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("-k", help="only cases whose name contains this")
    ap.add_argument("-q", action="store_true", help="one line per failure, no diffs")
    ap.add_argument("-j", type=int, default=max(2, 2 * (os.cpu_count() or 1)))
    args = ap.parse_args()
    args.osmo = os.environ.get("OSMO") or os.path.join(ROOT, "build/tools/osmo-render")
    args.helm = (os.environ.get("REF_HELM") or os.environ.get("HELM") or
                 os.path.expanduser("~/.cache/osmo-ref/bin/helm"))
    if os.environ.get("REF_HELM"):
        args.live = True
    corpus = os.environ.get("CORPUS") or os.path.join(ROOT, "testdata/template")
    paths = args.files or sorted(os.path.join(corpus, f) for f in os.listdir(corpus)
                                 if f.endswith(".test"))
    files = [TestFile(p) for p in paths]
    names = {}
    for tf in files:
        for c in tf.cases:
            if c.name in names:
                raise SystemExit("duplicate case name %s (%s and %s)" % (c.name, names[c.name], c.where))
            names[c.name] = c.where
    need = [args.helm] if (args.generate or args.live) else []
    need += [] if args.generate else [args.osmo]
    for cmd in need:
        exe = shlex.split(cmd)[0]
        if not shutil.which(exe):
            print("error: %s is not an executable (set OSMO / REF_HELM)" % exe, file=sys.stderr)
            return 2
    tmp = tempfile.mkdtemp(prefix="osmo-conformance-")
    try:
        runner = Runner(tmp, args.j)
        if args.generate:
            return generate(args, files, runner)
        return check(args, files, runner)
    finally:
        if args.keep:
            print("charts kept in", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


sys.exit(main())
PYEOF
