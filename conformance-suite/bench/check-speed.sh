#!/usr/bin/env bash
# Wall time of `hello check` as a user meets it (the launcher `./hello`, the harness's own JVM start included):
# `hello --version`, checks of gallery programs (native ones and the Java reference server and client), and the
# reference pair (`hello check` with no target). Each case runs RUNS times (default 5), the runs interleaved (run 1
# of every case, then run 2, ...), so that a busy spell of a shared machine falls on all cases alike; the table shows
# the median and the worst, in seconds.
#
#   conformance-suite/bench/check-speed.sh [--runs N] [--before DIR] [--gallery NAME,...] [--no-java]
#
# --before DIR: also time the kit checked out and built in DIR (e.g. an earlier commit: git worktree add DIR
#   COMMIT && (cd DIR && ./mvnw -q -DskipTests package)), interleaved with this one: before/after columns.
# --gallery NAME,...: the gallery members to check (default: good-server-c, good-server-python, good-client-c,
#   good-client-python, no-newline-client); `all` checks every member.
# --no-java: leaves out the checks of the Java reference server and client alone (the longest cases).
# The exit status of every check is printed with the case when it is not the same in every run, and the output of
# each run whose status is not its case's most common one is kept (its path is printed at the end; the rest is
# deleted), so that a rare failure can be read afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GALLERY="$ROOT/conformance-suite/gallery"
RUNS=5
BEFORE=""
NO_JAVA=0
MEMBERS="good-server-c,good-server-python,good-client-c,good-client-python,no-newline-client"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) RUNS="$2"; shift 2 ;;
        --before) BEFORE="$(cd "$2" && pwd)"; shift 2 ;;
        --gallery) MEMBERS="$2"; shift 2 ;;
        --no-java) NO_JAVA=1; shift ;;
        [0-9]*) RUNS="$1"; shift ;;   # the old form: check-speed.sh RUNS
        *) echo "usage: check-speed.sh [--runs N] [--before DIR] [--gallery NAME,...|all] [--no-java]" >&2; exit 2 ;;
    esac
done

# name|role|build|command of each gallery member, from gallery.yml
members() {
    python3 - "$GALLERY/gallery.yml" "$MEMBERS" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
wanted = sys.argv[2].split(",")
for block in re.split(r"\n  - name: ", text)[1:]:
    name = block.split("\n", 1)[0].strip()
    field = lambda k: (re.search(r"\n    " + k + r": (.*)", block) or [None, ""])[1].strip()
    if wanted == ["all"] or name in wanted:
        print("|".join([name, field("role"), field("build"), field("command")]))
EOF
}

KITS=("$ROOT")
[[ -n "$BEFORE" ]] && KITS=("$BEFORE" "$ROOT")
for kit in "${KITS[@]}"; do
    HELLO_NO_BUILD= "$kit/hello" --version >/dev/null   # builds the kit if needed, outside the timings
    # one whole check, outside the timings: a kit with class-data sharing writes its archives now (the launcher
    # trains its own archive on a whole check only, not on one with --only)
    (cd "$ROOT" && HELLO_NO_BUILD=1 "$kit/hello" check --quiet >/dev/null 2>&1) || true
    sleep 5   # the reference programs' archives are written in the background
    (cd "$ROOT" && HELLO_NO_BUILD=1 "$kit/hello" check --quiet >/dev/null 2>&1) || true
done

CASES=()   # label|folder|args (args separated by \x1f)
add() { local label="$1" dir="$2"; shift 2; local IFS=$'\x1f'; CASES+=("$label|$dir|$*"); }
add "hello --version" "$ROOT" --version
while IFS='|' read -r name role build cmd; do
    [[ -n "$build" ]] && (cd "$GALLERY/$name" && eval "$build") >/dev/null 2>&1
    add "$role: $name" "$GALLERY/$name" check "--$role-cmd" "$cmd" --quiet
done < <(members)
if [[ "$NO_JAVA" == 0 ]]; then
    add "server: the Java reference (JVM per copy)" "$ROOT" check --server-cmd "$ROOT/hello server {port}" --quiet
    add "client: the Java reference (JVM per run)" "$ROOT" check --client-cmd "$ROOT/hello client {host} {port}" --quiet
fi
add "reference pair (hello check, no target)" "$ROOT" check --quiet

declare -A TIMES STATUS OUTPUTS
OUT="$(mktemp -d "${TMPDIR:-/tmp}/check-speed.XXXXXX")"
NTH=0
for run in $(seq "$RUNS"); do
    for c in "${CASES[@]}"; do
        IFS='|' read -r label dir args <<<"$c"
        IFS=$'\x1f' read -r -a argv <<<"$args"
        for kit in "${KITS[@]}"; do
            # the reference programs are the kit's own: each kit checks its own
            argv2=("${argv[@]//"$ROOT/hello"/"$kit/hello"}")
            t0=$(date +%s%N)
            set +e
            NTH=$((NTH + 1)); outfile="$OUT/check$NTH.txt"
            (cd "$dir" && HELLO_NO_BUILD=1 "$kit/hello" "${argv2[@]}" >"$outfile" 2>&1)
            st=$?
            set -e
            t1=$(date +%s%N)
            key="$label|$kit"
            TIMES[$key]="${TIMES[$key]:-} $(( (t1 - t0) / 1000000 ))"
            STATUS[$key]="${STATUS[$key]:-} $st"
            OUTPUTS[$key|$run]="$st $outfile"
        done
    done
    echo "run $run of $RUNS done ($(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') load)" >&2
done

stat_of() { # "ms ms ms" -> "median worst" in seconds
    printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.2f %.2f", m/1000, a[NR]/1000}'
}
echo "hello check wall time: median (worst) of $RUNS interleaved runs, seconds; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo
if [[ -n "$BEFORE" ]]; then
    printf '| %-45s | %15s | %15s |\n' "case" "before" "after"
    printf '|%s|%s|%s|\n' "-----------------------------------------------" "-----------------" "-----------------"
else
    printf '| %-45s | %15s |\n' "case" "median (worst)"
    printf '|%s|%s|\n' "-----------------------------------------------" "-----------------"
fi
for c in "${CASES[@]}"; do
    IFS='|' read -r label _ _ <<<"$c"
    row="| $(printf '%-45s' "$label") |"
    for kit in "${KITS[@]}"; do
        read -r med worst <<<"$(stat_of "${TIMES[$label|$kit]}")"
        statuses="$(printf '%s\n' ${STATUS[$label|$kit]} | sort -u | tr '\n' ' ')"
        cell="$med ($worst)"
        [[ "$(wc -w <<<"$statuses")" -gt 1 ]] && cell="$cell exit ${statuses% }"
        row="$row $(printf '%15s' "$cell") |"
    done
    echo "$row"
done
# keep the output of the runs whose status is not their case's most common one
kept=()
for c in "${CASES[@]}"; do
    IFS='|' read -r label _ _ <<<"$c"
    for kit in "${KITS[@]}"; do
        common="$(printf '%s\n' ${STATUS[$label|$kit]} | sort | uniq -c | sort -rn | awk 'NR==1 {print $2}')"
        for run in $(seq "$RUNS"); do
            read -r st file <<<"${OUTPUTS[$label|$kit|$run]}"
            if [[ "$st" != "$common" ]]; then
                kept+=("$file"); echo "$label, run $run, kit $kit: exit $st" >"$file.what"
            else
                rm -f "$file"
            fi
        done
    done
done
if [[ ${#kept[@]} -gt 0 ]]; then
    echo
    echo "output of the runs whose exit status differs from their case's usual one:"
    for f in "${kept[@]}"; do echo "  $f ($(cat "$f.what"))"; done
else
    rm -rf "$OUT"
fi
