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
#
# Everything a pull request controls (folder names, what its programs print, its build's messages) is untrusted:
# folder names are passed after `--`; `hello check`'s whole output is fenced with ::stop-commands::TOKEN (a random
# token) so that nothing in it is a workflow command; what is printed outside the fence (annotations, group
# titles) is escaped; the job summary stays under GitHub's 1 MiB, pointing to the artifact for the rest.
set -uo pipefail

KIT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HELLO_CMD="${HELLO_CMD:-$KIT/hello}"
REPORTS="${HELLO_REPORTS:-hello-reports}"
SUMMARY="${GITHUB_STEP_SUMMARY:-/dev/null}"
OUTPUT="${GITHUB_OUTPUT:-/dev/null}"
# GitHub refuses a step summary over 1 MiB; what does not fit stays in the artifact
SUMMARY_LIMIT="${HELLO_SUMMARY_LIMIT:-$((1024 * 1024 - 16 * 1024))}"
RUN_URL=""
if [[ -n "${GITHUB_SERVER_URL:-}" && -n "${GITHUB_REPOSITORY:-}" && -n "${GITHUB_RUN_ID:-}" ]]; then
    RUN_URL="$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID"
fi

command -v jq >/dev/null || { echo "check-submissions: jq is needed to read the JSON reports" >&2; exit 2; }

# A path that no command reads as an option (a folder may be named --anything).
safe_path() { if [[ "$1" == -* ]]; then printf './%s' "$1"; else printf '%s' "$1"; fi; }

# A folder looks like a submission if it has a hello.yml or a server/client source file hello recognises. A link
# is not a folder (a pull request may add `x -> /`), and a name with control characters is not one either.
is_submission() {
    local dir="$1" p
    [[ "$dir" != *[[:cntrl:]]* ]] || return 1
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

# The file an annotation belongs on: the source of the program the rule is about (from the command in the
# report, e.g. `python3 server.py {port}` -> server.py; `./server {port}` -> server.c), else hello.yml. Only a
# plain file inside the folder (no `..`, no link).
file_for() {
    local dir="$1" command="$2" word base f
    for word in $command; do
        word="${word#./}"
        [[ "$word" == \{* || "$word" == -* || "$word" == *..* || "$word" == /* ]] && continue
        if [[ -f "$dir/$word" && ! -L "$dir/$word" ]]; then
            echo "$dir/$word"; return
        fi
        base="${word%.*}"
        for f in "$dir/$base".*; do
            [[ -f "$f" && ! -L "$f" ]] && { echo "$f"; return; }
        done
    done
    [[ -f "$dir/hello.yml" && ! -L "$dir/hello.yml" ]] && echo "$dir/hello.yml"
}

# GitHub's escaping of workflow-command data and properties; `##[` (the old command syntax, found anywhere in a
# line) is broken up as well.
esc_data() { local s="${1//'%'/%25}"; s="${s//$'\r'/%0D}"; s="${s//$'\n'/%0A}"; echo "${s//'##['/#%23[}"; }
esc_prop() { local s; s="$(esc_data "$1")"; s="${s//:/%3A}"; echo "${s//,/%2C}"; }

# A token nobody can guess, to end the fence around hello check's output.
fence_token() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }

summary_used=0
# Appends file $2 (folder $1's Markdown report) to the job summary if it fits, else a note pointing to the artifact.
summary_add() {
    local dir="$1" file="$2" name="$3" size
    size=$(wc -c < "$file")
    if (( summary_used + size + 1024 <= SUMMARY_LIMIT )); then
        { echo "<!-- folder: $(esc_data "$dir") -->"; cat "$file"; echo; } >> "$SUMMARY"
        summary_used=$(( summary_used + size + 64 + ${#dir} ))
    else
        summary_note "$dir" "the report of \`$(md_text "$dir")\` ($size bytes) does not fit in the job summary: it is \
\`$name.md\` in the **hello-reports** artifact${RUN_URL:+ of [this run]($RUN_URL)}"
    fi
}
summary_note() {
    local text
    text="$(printf '<!-- folder: %s -->\n%s\n\n' "$(esc_data "$1")" "$2")"
    if (( summary_used + ${#text} <= SUMMARY_LIMIT + 1024 )); then
        printf '%s\n\n' "$text" >> "$SUMMARY"
        summary_used=$(( summary_used + ${#text} + 2 ))
    fi
}
# A folder name as Markdown text: no backquote, no HTML.
md_text() { local s="${1//\`/\'}"; s="${s//</&lt;}"; echo "${s//>/&gt;}"; }

mkdir -p "$REPORTS"
failed=false
failed_folders=()
for dir in "${folders[@]}"; do
    name="$(basename -- "$dir")"
    while [[ "$name" == -* ]]; do name="${name#-}"; done     # a report's file name never starts with '-'
    echo "::group::hello check $(esc_data "$dir")"
    token="$(fence_token)"
    echo "::stop-commands::$token"
    # shellcheck disable=SC2086  # HELLO_CMD may be a command with arguments
    $HELLO_CMD check "${mode[@]}" "${profile[@]}" --json "$REPORTS/$name.json" --junit "$REPORTS/$name.xml" \
        --markdown "$REPORTS/$name.md" -- "$dir" 2>&1
    status=$?
    echo "::$token::"
    echo "::endgroup::"
    if [[ -f "$REPORTS/$name.md" ]]; then
        summary_add "$dir" "$REPORTS/$name.md" "$name"
    else
        summary_note "$dir" "hello check \`$(md_text "$dir")\`: no report (exit status $status); its log says why"
    fi
    if [[ $status -ne 0 ]]; then
        failed=true
        failed_folders+=("$dir")
    fi
    [[ -f "$REPORTS/$name.json" ]] || {
        echo "::error title=hello check::$(esc_data "$dir: no report (exit status $status)")"
        continue
    }
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
