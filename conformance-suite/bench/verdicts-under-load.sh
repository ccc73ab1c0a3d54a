#!/usr/bin/env bash
# Verdict stability: every gallery program (and any folder given) checked quiet and with N busy processes beside
# it, interleaved; prints each program's verdicts that differ and the total. Target: 0 differences at 4 busy
# processes on 2 cores, also in containers (give submission folders and --container).
#   conformance-suite/bench/verdicts-under-load.sh [--busy N] [--rounds R] [--container|--local]
#       [--corpus DIR] [--only NAME,...] [--no-gallery] [FOLDER...]
# Exit status 0 when no verdict differs and every gallery/corpus program got the verdicts it should.
# Needs python3 and a JDK 17+ (the kit is built first if needed), gcc and node for some gallery programs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$ROOT/hello" --version >/dev/null      # builds the kit if needed, outside any timing
exec python3 "$ROOT/conformance-suite/bench/verdicts.py" "$@"
