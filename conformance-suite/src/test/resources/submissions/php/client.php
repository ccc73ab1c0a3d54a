<?php
// A HelloInternet client in PHP: stream_socket_client tries every address HOST resolves to, in order.

if ($argc !== 3) {
    fwrite(STDERR, "usage: php client.php HOST PORT\n");
    exit(2);
}
$host = preg_replace('/^\[(.*)\]$/', '$1', $argv[1]);
$port = (int) $argv[2];
$target = strpos($host, ':') !== false ? "[$host]" : $host; // an IPv6 address in brackets
$sock = @stream_socket_client("tcp://$target:$port", $errno, $errstr, 10);
if ($sock === false) {
    fwrite(STDERR, "client: cannot talk to $host port $port: $errstr\n");
    exit(1);
}
stream_set_timeout($sock, 10);
fwrite($sock, "Hello in PHP\n");
$reply = '';
while (strpos($reply, "\n") === false) {
    $data = fread($sock, 4096);
    if ($data !== false && $data !== '') {
        $reply .= $data;
        continue;
    }
    if (stream_get_meta_data($sock)['timed_out']) {
        fwrite(STDERR, "client: no reply from $host port $port within 10 s\n");
        exit(1);
    }
    if ($data === false || feof($sock)) {
        break; // the end of the connection
    }
}
fclose($sock);
if ($reply === '') {
    fwrite(STDERR, "client: the server closed the connection without a reply\n");
    exit(1);
}
$line = explode("\n", $reply, 2)[0];
echo (substr($line, -1) === "\r" ? substr($line, 0, -1) : $line), "\n";
exit(0);
