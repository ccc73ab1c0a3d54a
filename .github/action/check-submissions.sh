#!/usr/bin/env bash
# Checks the submission folders a change touched, for the GitHub Action in action.yml (and by hand: every variable
# below has a default, and the GITHUB_* files are optional): one `hello matrix` run that checks every submission
# folder against the rules and pairs each changed folder with every other folder and the reference programs, both
# ways (--focus). The job summary, the annotations and the step's outputs are written by the kit (the GitHub writers
# of `hello matrix`); this script only chooses the folders and fences what the programs print.
#
# Environment:
#   HELLO_PATHS          folders to check, separated by spaces or newlines; empty = the folders the change touched
#   HELLO_BASE           base commit of a pull request; empty = a push: every submission folder is checked
#   HELLO_PROFILE        basic | challenge; empty = each folder's hello.yml (or basic)
#   HELLO_CONTAINER      true (--container), false (--local), or empty (containers when Docker answers)
#   HELLO_INTEROP_FAILS  own (default: a failing pair fails the folder unless the other folder's rules explain it),
#                        any, never
#   HELLO_CMD            how to run the kit (default: the `hello` launcher next to this script's repository)
#   HELLO_REPORTS        where the reports go (default: hello-reports)
#   GITHUB_STEP_SUMMARY, GITHUB_OUTPUT   GitHub's files for the job summary and the step's outputs
# Prints GitHub annotations (`::error file=...,title=RULE::message`): 10 errors and 10 warnings at most, GitHub's
# limit per step. Exit status: 0 when every changed folder passed, 1 when one failed (a MUST rule, a program that
# did not build or start, a failing pair HELLO_INTEROP_FAILS counts), 2 on misuse.
#
# Everything a pull request controls (folder names, what its programs print, its build's messages) is untrusted:
# folder names are passed after `--` or as `--focus=NAME`; the kit's whole output is fenced with
# ::stop-commands::TOKEN (a random token) so that nothing in it is a workflow command; the annotations, printed
# after the fence, are escaped by the kit; the job summary stays under GitHub's 1 MiB.
set -uo pipefail

KIT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HELLO_CMD="${HELLO_CMD:-$KIT/hello}"
REPORTS="${HELLO_REPORTS:-hello-reports}"
SUMMARY="${GITHUB_STEP_SUMMARY:-/dev/null}"
OUTPUT="${GITHUB_OUTPUT:-/dev/null}"
# GitHub refuses a step summary over 1 MiB; what does not fit stays in the artifact
SUMMARY_LIMIT="${HELLO_SUMMARY_LIMIT:-$((1024 * 1024 - 16 * 1024))}"

# A path that no command reads as an option (a folder may be named --anything).
safe_path() { if [[ "$1" == -* ]]; then printf './%s' "$1"; else printf '%s' "$1"; fi; }

# A folder looks like a submission if it has a hello.yml or a server/client source file hello recognises. A link
# is not a folder (a pull request may add `x -> /`), and a name with control characters or a comma is not one either.
is_submission() {
    local dir="$1" p
    [[ "$dir" != *[[:cntrl:]]* && "$dir" != *,* ]] || return 1
    p="$(safe_path "$dir")"
    [[ -d "$p" && ! -L "$p" && "$(basename -- "$dir")" != .* ]] || return 1
    [[ -f "$p/hello.yml" ]] && return 0
    find "$p/" -maxdepth 1 -type f -print 2>/dev/null | grep -Eiq \
        '/[^/]*(srv|server|serveur|client|cli|hello)[^/]*\.(py|c|cc|cpp|java|go|rb|lua|js|cs|sh)$'
}

folders=()
if [[ -n "${HELLO_PATHS:-}" ]]; then
    set -f      # the instructor's list of folders: split on blanks, no file name expansion
    for d in $HELLO_PATHS; do
        folders+=("${d%/}")
    done
    set +f
elif [[ -n "${HELLO_BASE:-}" ]]; then
    if ! git cat-file -e "${HELLO_BASE}^{commit}" 2>/dev/null; then
        echo "check-submissions: the base commit $HELLO_BASE is not in this clone (check out with fetch-depth: 0)" >&2
        exit 2
    fi
    declare -A tops=()
    while IFS= read -r -d '' path; do
        [[ "$path" == */* ]] && tops["${path%%/*}"]=1
    done < <(git diff -z --name-only "$HELLO_BASE"...HEAD --)
    while IFS= read -r -d '' top; do
        is_submission "$top" && folders+=("$top")
    done < <(for t in "${!tops[@]}"; do printf '%s\0' "$t"; done | sort -z)
else
    for d in */; do
        [[ -e "$d" ]] || continue
        is_submission "${d%/}" && folders+=("${d%/}")
    done
fi

echo "folders=${folders[*]}" >> "$OUTPUT"
echo "reports=$REPORTS" >> "$OUTPUT"
if [[ ${#folders[@]} -eq 0 ]]; then
    echo "check-submissions: no submission folder to check"
    printf '## hello check\n\nNo submission folder changed.\n' >> "$SUMMARY"
    echo "failed=false" >> "$OUTPUT"
    exit 0
fi

mode=()
case "${HELLO_CONTAINER:-}" in
    true) mode=(--container) ;;
    false) mode=(--local) ;;
    "") ;;
    *) echo "check-submissions: container must be true, false or empty, not '$HELLO_CONTAINER'" >&2; exit 2 ;;
esac
profile=()
[[ -n "${HELLO_PROFILE:-}" ]] && profile=(--profile "$HELLO_PROFILE")

# The changed folders are paired with every folder at the top (--repo .: those the kit cannot read are skipped,
# and said in the log); a folder asked for deeper down is given by path.
focus=()
deeper=()
for d in "${folders[@]}"; do
    focus+=("--focus=$(basename -- "$d")")
    [[ "$d" == */* ]] && deeper+=("$(safe_path "$d")")
done

# A token nobody can guess, to end the fence around the kit's output.
fence_token() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }

mkdir -p "$REPORTS"
annotations="$REPORTS/annotations.txt"
outputs="$REPORTS/outputs.txt"
rm -f "$annotations" "$outputs"
echo "::group::hello matrix (${#folders[@]} changed folders)"
token="$(fence_token)"
echo "::stop-commands::$token"
# shellcheck disable=SC2086  # HELLO_CMD may be a command with arguments
$HELLO_CMD matrix "${mode[@]}" "${profile[@]}" "${focus[@]}" --interop-fails "${HELLO_INTEROP_FAILS:-own}" \
    --json "$REPORTS/matrix.json" --html "$REPORTS/matrix.html" --check-reports "$REPORTS" \
    --github-summary "$SUMMARY" --github-summary-limit "$SUMMARY_LIMIT" --github-annotations "$annotations" \
    --github-output "$outputs" --github-comment "$REPORTS/comment.md" --repo . -- "${deeper[@]}" 2>&1
status=$?
echo "::$token::"
echo "::endgroup::"
[[ -f "$annotations" ]] && cat "$annotations"
if [[ ! -f "$outputs" ]]; then
    # the kit said why in its log (a folder it cannot read, no Docker engine...)
    echo "::error title=hello matrix::hello matrix ended with status $status before its report; its log says why"
    printf '## hello check\n\nNo report: `hello matrix` ended with status %s; the log of this step says why.\n' \
        "$status" >> "$SUMMARY"
    echo "failed=true" >> "$OUTPUT"
    exit 1
fi
cat "$outputs" >> "$OUTPUT"
grep -qx 'failed=true' "$outputs" && exit 1
exit 0
