#!/usr/bin/env bash
# Chart conformance runner: renders whole charts and compares with Helm.
#
#   tools/run-chart-conformance.sh [--live] [--generate] [-j N] [-k SUBSTR] [CASE ...]
#
# Every case is a directory testdata/charts-conformance/<case>/ holding
#   chart/         the chart (subcharts, .tgz archives, crds/, files ...)
#   args           optional: extra CLI flags, one per line ("--set a=1",
#                  "-f values-prod.yaml", "--include-crds"; a line is split at
#                  its first space into flag and value; '#' lines are comments)
#   name           optional: the release name (default "rel")
#   expected.out   golden stdout of `helm template` (success cases), or
#   expected.err   the first "Error:" line of helm's stderr (the first stderr
#   expected.rc    line if none) and the exit code (error cases)
#
# Each case is run as `$OSMO template <name> chart <args>` from inside the
# case directory, so relative paths in args resolve against it. The absolute
# case directory is replaced by "$CASE" in error lines so goldens are portable.
# stdout must match byte for byte; error cases must match line and exit code.
# A unified diff is printed per failure; ends with "N passed, N failed" and
# exits 1 if anything failed.
#
#   --live      also run the reference helm on every case and fail on any
#               difference between helm and OSMO (on by default when REF_HELM
#               is set in the environment).
#   --generate  (tools/gen-chart-goldens.sh) rewrite the goldens from helm.
#
# Environment: OSMO (default build/tools/osmo-render), REF_HELM or HELM
# (default $HOME/.cache/osmo-ref/bin/helm), CORPUS (default
# testdata/charts-conformance).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
export CONFORMANCE_ROOT="$root"
exec python3 - "$@" <<'PYEOF'
import argparse, concurrent.futures as cf, difflib, os, shlex, subprocess, sys

ROOT = os.environ["CONFORMANCE_ROOT"]
HOME = os.path.expanduser("~")


def default_helm():
    return (os.environ.get("REF_HELM") or os.environ.get("HELM")
            or os.path.join(HOME, ".cache/osmo-ref/bin/helm"))


class Case:
    def __init__(self, path):
        self.path = os.path.abspath(path)
        self.name = os.path.basename(self.path)

    def file(self, rel):
        return os.path.join(self.path, rel)

    def read(self, rel, default=None):
        try:
            with open(self.file(rel), "rb") as f:
                return f.read()
        except FileNotFoundError:
            return default

    def release(self):
        n = self.read("name")
        return n.decode().strip() if n is not None else "rel"

    def args(self):
        out = []
        raw = self.read("args", b"").decode()
        for line in raw.split("\n"):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            flag, sep, val = line.partition(" ")
            out.append(flag)
            if sep:
                out.append(val.strip())
        return out

    def golden(self):
        out = self.read("expected.out")
        if out is not None:
            return ("out", out)
        err = self.read("expected.err")
        if err is not None:
            rc = int((self.read("expected.rc", b"1").decode().strip() or "1"))
            return ("err", (rc, err.decode().rstrip("\n")))
        return (None, None)


def error_line(case, stderr):
    lines = stderr.decode("utf-8", "replace").split("\n")
    pick = next((l for l in lines if l.startswith("Error:")), lines[0] if lines else "")
    return pick.replace(case.path, "$CASE")


def run(cmd, case):
    argv = shlex.split(cmd) + ["template", case.release(), "chart"] + case.args()
    try:
        p = subprocess.run(argv, cwd=case.path, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=120)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return 124, b"", b"Error: timeout after 120s\n"
    except OSError as e:
        return 127, b"", ("Error: cannot run %s: %s\n" % (cmd, e)).encode()


def as_golden(case, res):
    rc, out, err = res
    if rc == 0:
        return ("out", out)
    return ("err", (rc, error_line(case, err)))


def describe(g):
    kind, v = g
    if kind == "out":
        text = v.decode("utf-8", "backslashreplace")
        return "exit 0, stdout (%d bytes):\n%s%s" % (len(v), text, "" if text.endswith("\n") else "\n")
    return "exit %d: %s\n" % v


def diff(exp, got, a, b):
    if exp[0] == "err" or got[0] == "err":
        return "--- %s\n+++ %s\n-%s+%s" % (a, b, describe(exp), describe(got))
    e = exp[1].decode("utf-8", "backslashreplace").split("\n")
    g = got[1].decode("utf-8", "backslashreplace").split("\n")
    lines = list(difflib.unified_diff(e, g, a, b, lineterm="", n=3))
    if not lines:
        return "(outputs differ only in bytes not shown by a line diff)\n  %s: %r\n  %s: %r" % (
            a, exp[1][-200:], b, got[1][-200:])
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--live", action="store_true")
    ap.add_argument("--generate", action="store_true")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    ap.add_argument("-k", default="")
    ap.add_argument("cases", nargs="*")
    a = ap.parse_args()
    corpus = os.environ.get("CORPUS") or os.path.join(ROOT, "testdata/charts-conformance")
    if a.cases:
        paths = [c if os.path.isdir(c) else os.path.join(corpus, c) for c in a.cases]
    else:
        paths = sorted(os.path.join(corpus, d) for d in os.listdir(corpus)
                       if os.path.isdir(os.path.join(corpus, d, "chart")))
    cases = [Case(p) for p in paths if a.k in os.path.basename(p)]
    for c in cases:
        if not os.path.isdir(c.file("chart")):
            sys.exit("%s: no chart/ directory" % c.path)
    helm = default_helm()
    pool = cf.ThreadPoolExecutor(max(1, a.j))

    if a.generate:
        if not os.access(helm, os.X_OK) and not shutil_which(helm):
            sys.exit("reference helm not found: %s" % helm)
        results = list(pool.map(lambda c: run(helm, c), cases))
        for c, res in zip(cases, results):
            for f in ("expected.out", "expected.err", "expected.rc"):
                if os.path.exists(c.file(f)):
                    os.remove(c.file(f))
            kind, v = as_golden(c, res)
            if kind == "out":
                with open(c.file("expected.out"), "wb") as f:
                    f.write(v)
                print("%-40s ok (%d bytes)" % (c.name, len(v)))
            else:
                with open(c.file("expected.err"), "w") as f:
                    f.write(v[1] + "\n")
                with open(c.file("expected.rc"), "w") as f:
                    f.write("%d\n" % v[0])
                print("%-40s error rc=%d: %s" % (c.name, v[0], v[1]))
        print("generated %d cases" % len(cases))
        return 0

    osmo = os.environ.get("OSMO") or os.path.join(ROOT, "build/tools/osmo-render")
    live = a.live or bool(os.environ.get("REF_HELM"))
    ours = list(pool.map(lambda c: run(osmo, c), cases))
    refs = list(pool.map(lambda c: run(helm, c), cases)) if live else [None] * len(cases)
    passed = failed = 0
    for c, mine, ref in zip(cases, ours, refs):
        got = as_golden(c, mine)
        problems = []
        exp = c.golden()
        if exp[0] is None:
            problems.append("no golden (run tools/gen-chart-goldens.sh)")
        elif got != exp:
            problems.append(diff(exp, got, "expected (golden)", "actual (osmo)"))
        if ref is not None:
            hg = as_golden(c, ref)
            if exp[0] is not None and hg != exp:
                problems.append("golden is stale vs live helm:\n" +
                                diff(exp, hg, "expected (golden)", "helm (live)"))
            if hg != got:
                problems.append(diff(hg, got, "helm (live)", "actual (osmo)"))
        if problems:
            failed += 1
            print("FAIL %s" % c.name)
            for p in dict.fromkeys(problems):
                print(p.rstrip("\n"))
            print()
        else:
            passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def shutil_which(x):
    import shutil
    return shutil.which(x)


sys.exit(main())
PYEOF
