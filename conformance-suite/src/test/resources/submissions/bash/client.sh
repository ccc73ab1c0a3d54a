#!/bin/bash
# A HelloInternet client in Bash, with bash's /dev/tcp (it tries every address HOST resolves to).

if [[ $# -ne 2 ]]; then
    echo "usage: client.sh HOST PORT" >&2
    exit 2
fi
host=${1#[}; host=${host%]}
if ! exec 3<>"/dev/tcp/$host/$2"; then
    echo "client: cannot connect to $host port $2" >&2
    exit 1
fi
printf 'Hello in Bash\n' >&3
IFS= read -r -t 10 reply <&3
if [[ -z $reply ]]; then
    echo "client: no reply" >&2
    exit 1
fi
echo "${reply%$'\r'}"
