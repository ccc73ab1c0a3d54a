#!/usr/bin/env bash
# needs-lf-reply-client: bash and /dev/tcp. `read` returns failure when the line has no
# LF, so a reply without LF that the server ends by closing is treated as "no reply":
# nothing on stdout, a message on stderr, exit status 1.
# Breaks: CLI-REPLY-NO-LF.
if [ $# -ne 2 ] || ! [[ $2 =~ ^[0-9]+$ ]]; then
    echo "usage: $0 HOST PORT" >&2
    exit 2
fi
host=${1#[}; host=${host%]}                          # "[::1]" -> "::1"
if ! { exec 3<>"/dev/tcp/$host/$2"; } 2>/dev/null; then
    echo "client: cannot connect to $1 port $2" >&2
    exit 1
fi
printf 'Hello in Bash\n' >&3
if IFS= read -r -t 10 line <&3; then
    echo "${line%$'\r'}"
else
    echo "client: no reply from $1 port $2" >&2     # BUG: a reply without LF ends up here
    exit 1
fi
