#!/bin/sh
# gen-lint-goldens.sh - record the reference helm's `helm lint` output for
# every case under testdata/lint/<case>/: the chart is <case>/chart (or the
# arguments in <case>/args, run from <case>/), expectations are
# expected.stdout, expected.stderr and expected.rc.  The case directory's
# absolute path is replaced by @CWD@ and log timestamps by @TIME@ (helm's
# log.Printf), so the goldens do not depend on where the tree lives.
# Usage: tools/gen-lint-goldens.sh [case...]   (HELM overrides the binary)
set -eu
HELM=${HELM:-/root/.cache/osmo-ref/bin/helm}
cd "$(dirname "$0")/../testdata/lint"
cases=${*:-$(ls -d */ | tr -d /)}
for c in $cases; do
	(
		cd "$c"
		args=chart
		[ -f args ] && args=$(cat args)
		rc=0
		# shellcheck disable=SC2086
		"$HELM" lint $args >expected.stdout.tmp 2>expected.stderr.tmp || rc=$?
		for f in stdout stderr; do
			sed -e "s#$(pwd -P)#@CWD@#g" -e "s#$(pwd)#@CWD@#g" \
			    -e 's#^[0-9]\{4\}/[0-9][0-9]/[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9] #@TIME@ #' \
			    expected.$f.tmp >expected.$f
			rm -f expected.$f.tmp
		done
		echo "$rc" >expected.rc
	)
	echo "generated $c"
done
