#!/usr/bin/env bash
# Regenerate the expectations of the template conformance corpus
# (testdata/template/*.test) by rendering every case with the reference helm:
#
#   tools/gen-template-goldens.sh [FILE.test ...]
#
# HELM (or REF_HELM) selects the reference binary, default
# $HOME/.cache/osmo-ref/bin/helm. Existing "# expect*:" sections are replaced;
# "# expect-match:" cases (non-deterministic output) are only verified.
# See testdata/template/README.md for the format and the chart layouts.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/run-template-conformance.sh" --generate "$@"
