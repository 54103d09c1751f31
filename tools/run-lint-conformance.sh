#!/bin/sh
# run-lint-conformance.sh - run `osmo-render lint` on every case under
# testdata/lint/<case>/ (arguments from <case>/args, default "chart", run
# from the case directory) and compare stdout, stderr and the exit code
# with the reference helm's, recorded by tools/gen-lint-goldens.sh.
# Usage: OSMO=path/to/osmo-render tools/run-lint-conformance.sh [case...]
# Ends with "N passed, N failed"; exits 1 on any failure.
set -u
OSMO=${OSMO:-build/tools/osmo-render}
case $OSMO in /*) ;; *) OSMO=$(pwd)/$OSMO ;; esac
cd "$(dirname "$0")/../testdata/lint" || exit 2
cases=${*:-$(ls -d */ | tr -d /)}
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for c in $cases; do
	args=chart
	[ -f "$c/args" ] && args=$(cat "$c/args")
	rc=0
	# shellcheck disable=SC2086
	(cd "$c" && "$OSMO" lint $args >"$tmp/out" 2>"$tmp/err") || rc=$?
	here=$(cd "$c" && pwd -P)
	for f in out err; do
		sed -e "s#$here#@CWD@#g" "$tmp/$f" >"$tmp/$f.n"
	done
	ok=1
	cmp -s "$tmp/out.n" "$c/expected.stdout" || ok=0
	cmp -s "$tmp/err.n" "$c/expected.stderr" || ok=0
	[ "$rc" = "$(cat "$c/expected.rc")" ] || ok=0
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $c (exit $rc, want $(cat "$c/expected.rc"))"
		diff "$c/expected.stdout" "$tmp/out.n" | sed 's/^/  stdout /'
		diff "$c/expected.stderr" "$tmp/err.n" | sed 's/^/  stderr /'
	fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
