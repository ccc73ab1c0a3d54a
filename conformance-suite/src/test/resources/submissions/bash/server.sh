#!/bin/bash
# A HelloInternet server in Bash: socat accepts the connections (one process each, "fork") and runs this
# script again with --one for each of them, its standard input and output connected to the client.

HELLO='^Hello in [^[:space:][:cntrl:]]{1,64}$'

one() {                                           # one connection; the hellos go to fd 3 (our stdout)
    local buf="" part rc quiet=0 idle=0
    while :; do
        IFS= read -r -t 0.3 -n $((1025 - ${#buf})) part; rc=$?
        buf+=$part
        if ((rc == 0)) && ((${#buf} < 1025)); then   # a whole line
            buf=${buf%$'\r'}
            [[ -z $buf ]] && continue             # empty lines are ignored
            break
        elif ((rc == 0)); then
            echo "Error: line longer than 1024 bytes"; return
        elif ((rc > 128)); then                   # 300 ms without a LF
            if [[ -n $part ]]; then idle=0; continue; fi   # bytes came in: not quiet yet
            [[ ${buf%$'\r'} =~ $HELLO ]] && { buf=${buf%$'\r'}; break; }   # a hello without LF
            ((++idle > 100)) && return           # silent for 30 s: give up
        else                                      # the client closed its side
            buf=${buf%$'\r'}
            [[ -z $buf ]] && return
            break
        fi
    done
    if [[ $buf =~ $HELLO ]]; then
        echo "$buf" >&3
        echo "Goodbye in Bash"
    else
        echo "Error: expected \"Hello in <language>\", got \"${buf:0:100}\""
    fi
}

if [[ $1 == --one ]]; then
    one
    exit 0
fi
if [[ $# -ne 1 || ! $1 =~ ^[0-9]+$ ]] || (($1 < 1 || $1 > 65535)); then
    echo "usage: server.sh PORT" >&2
    exit 2
fi
echo "listening on port $1" >&2
exec 3>&1
exec socat TCP6-LISTEN:"$1",ipv6only=0,reuseaddr,fork SYSTEM:"bash $(printf %q "$0") --one",nofork
