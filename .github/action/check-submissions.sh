#!/usr/bin/env bash
# Runs `hello check` on the submission folders of a class repository, for the GitHub Action in action.yml
# (and by hand: every variable below has a default, and the GITHUB_* files are optional).
#
# Environment:
#   HELLO_PATHS      folders to check, separated by spaces or newlines; empty = the folders the change touched
#   HELLO_BASE       base commit of a pull request; empty = a push: every submission folder is checked
#   HELLO_PROFILE    basic | challenge; empty = each folder's hello.yml (or basic)
#   HELLO_CONTAINER  true (--container), false (--local), or empty (containers when Docker answers)
#   HELLO_CMD        how to run the kit (default: the `hello` launcher next to this script's repository)
#   HELLO_REPORTS    where the reports go (default: hello-reports)
#   GITHUB_STEP_SUMMARY, GITHUB_OUTPUT   GitHub's files for the job summary and the step's outputs
# Prints one `::error file=...,title=RULE::message` line per failed MUST rule. Exit status: 0 when every
# folder passed (warnings allowed), 1 when a MUST rule failed or a program did not build or start, 2 on misuse.
set -uo pipefail

KIT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HELLO_CMD="${HELLO_CMD:-$KIT/hello}"
REPORTS="${HELLO_REPORTS:-hello-reports}"
SUMMARY="${GITHUB_STEP_SUMMARY:-/dev/null}"
OUTPUT="${GITHUB_OUTPUT:-/dev/null}"

command -v jq >/dev/null || { echo "check-submissions: jq is needed to read the JSON reports" >&2; exit 2; }

# A folder looks like a submission if it has a hello.yml or a server/client source file hello recognises.
is_submission() {
    local dir="$1"
    [[ -d "$dir" && "$(basename "$dir")" != .* ]] || return 1
    [[ -f "$dir/hello.yml" ]] && return 0
    find "$dir" -maxdepth 1 -type f -print 2>/dev/null | grep -Eiq \
        '/[^/]*(srv|server|serveur|client|cli|hello)[^/]*\.(py|c|cc|cpp|java|go|rb|lua|js|cs|sh)$'
}

folders=()
if [[ -n "${HELLO_PATHS:-}" ]]; then
    for d in $HELLO_PATHS; do
        folders+=("${d%/}")
    done
elif [[ -n "${HELLO_BASE:-}" ]]; then
    if ! git cat-file -e "${HELLO_BASE}^{commit}" 2>/dev/null; then
        echo "check-submissions: the base commit $HELLO_BASE is not in this clone (check out with fetch-depth: 0)" >&2
        exit 2
    fi
    while IFS= read -r top; do
        is_submission "$top" && folders+=("$top")
    done < <(git diff --name-only "$HELLO_BASE"...HEAD | awk -F/ 'NF > 1 {print $1}' | sort -u)
else
    for d in */; do
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

# The file an annotation belongs on: the source of the program the rule is about (from the command in the
# report, e.g. `python3 server.py {port}` -> server.py; `./server {port}` -> server.c), else hello.yml.
file_for() {
    local dir="$1" command="$2" word base f
    for word in $command; do
        word="${word#./}"
        [[ "$word" == \{* || "$word" == -* ]] && continue
        if [[ -f "$dir/$word" ]]; then
            echo "$dir/$word"; return
        fi
        base="${word%.*}"
        for f in "$dir/$base".*; do
            [[ -f "$f" ]] && { echo "$f"; return; }
        done
    done
    [[ -f "$dir/hello.yml" ]] && echo "$dir/hello.yml"
}

# GitHub's escaping of workflow-command data and properties.
esc_data() { local s="${1//'%'/%25}"; s="${s//$'\r'/%0D}"; echo "${s//$'\n'/%0A}"; }
esc_prop() { local s; s="$(esc_data "$1")"; s="${s//:/%3A}"; echo "${s//,/%2C}"; }

mkdir -p "$REPORTS"
failed=false
failed_folders=()
for dir in "${folders[@]}"; do
    name="$(basename "$dir")"
    echo "::group::hello check $dir"
    # shellcheck disable=SC2086  # HELLO_CMD may be a command with arguments
    $HELLO_CMD check "$dir" "${mode[@]}" "${profile[@]}" \
        --json "$REPORTS/$name.json" --junit "$REPORTS/$name.xml" --markdown "$REPORTS/$name.md"
    status=$?
    echo "::endgroup::"
    {
        echo "<!-- folder: $dir -->"
        if [[ -f "$REPORTS/$name.md" ]]; then cat "$REPORTS/$name.md"; else echo "hello check $dir: no report (exit status $status)"; fi
        echo
    } >> "$SUMMARY"
    if [[ $status -ne 0 ]]; then
        failed=true
        failed_folders+=("$dir")
    fi
    [[ -f "$REPORTS/$name.json" ]] || { echo "::error title=hello check::$dir: no report (exit status $status)"; continue; }
    while IFS=$'\t' read -r rule command message; do
        file="$(file_for "$dir" "$command")"
        props="title=$(esc_prop "$rule")"
        [[ -n "$file" ]] && props="file=$(esc_prop "$file"),$props"
        echo "::error $props::$(esc_data "$dir: $rule: $message")"
    done < <(jq -r '.checks[] | .target.command as $c | .results[]
                    | select(.status == "FAIL" and .level == "MUST")
                    | [.rule, $c, (.message | gsub("[\t\n]"; " "))] | @tsv' "$REPORTS/$name.json")
    if [[ $status -eq 3 ]]; then
        # one annotation per program that did not build or start, on that program's file
        annotated=false
        while IFS=$'\t' read -r command problem; do
            file="$(file_for "$dir" "$command")"
            props="title=DID NOT START"
            [[ "$problem" == *"did not build"* ]] && props="title=DID NOT BUILD"
            [[ -n "$file" ]] && props="file=$(esc_prop "$file"),$props"
            echo "::error $props::$(esc_data "$dir: $problem")"
            annotated=true
        done < <(jq -r '.checks[] | select(.started == false)
                        | [.target.command, (.startProblem | split("\n")[0])] | @tsv' "$REPORTS/$name.json")
        [[ $annotated == true ]] || echo "::error title=DID NOT START::$(esc_data "$dir: did not start")"
    fi
done

echo "failed=$failed" >> "$OUTPUT"
echo "failed-folders=${failed_folders[*]}" >> "$OUTPUT"
[[ $failed == true ]] && exit 1
exit 0
