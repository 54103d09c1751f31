#!/usr/bin/env bash
# Regenerate the goldens of the chart conformance corpus
# (testdata/charts-conformance/<case>/expected.{out,err,rc}) by running the
# reference helm on every case (or on the CASEs named):
#
#   tools/gen-chart-goldens.sh [CASE ...]
#
# Runs `${REF_HELM:-$HOME/.cache/osmo-ref/bin/helm} template <name> chart <args>`
# inside each case directory; see tools/run-chart-conformance.sh for the layout.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/run-chart-conformance.sh" --generate "$@"
