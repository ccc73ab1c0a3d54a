<?php
// A HelloInternet server in PHP: one process, stream_select over every connection; 300 ms of silence is the
// quiet period.

const HELLO = '/\AHello in [^\s\x00-\x1f\x7f]{1,64}\z/u'; // u: bytes that are not UTF-8 do not match

function is_hello(string $line): bool
{
    return preg_match(HELLO, $line) === 1;
}

function strip_cr(string $s): string
{
    return substr($s, -1) === "\r" ? substr($s, 0, -1) : $s;
}

/** Answers and closes connection $id. */
function answer(array &$conns, int $id, string $line): void
{
    $sock = $conns[$id]['sock'];
    if (is_hello($line)) {
        echo $line, "\n";
        @fwrite($sock, "Goodbye in PHP\n");
    } else {
        $got = preg_replace('/[^\x20-\x7e]/', '?', substr($line, 0, 100));
        @fwrite($sock, "Error: expected \"Hello in <language>\", got \"$got\"\n");
    }
    close_conn($conns, $id);
}

function close_conn(array &$conns, int $id): void
{
    @fclose($conns[$id]['sock']);
    unset($conns[$id]);
}

if ($argc !== 2 || !ctype_digit($argv[1]) || (int) $argv[1] < 1 || (int) $argv[1] > 65535) {
    fwrite(STDERR, "usage: php server.php PORT\n");
    exit(2);
}
$port = (int) $argv[1];
$server = @stream_socket_server("tcp://[::]:$port", $errno, $errstr); // IPv6 and IPv4 (v6only is off)
if ($server === false) {
    $server = @stream_socket_server("tcp://0.0.0.0:$port", $errno, $errstr);
}
if ($server === false) {
    fwrite(STDERR, "server: cannot listen on port $port: $errstr\n");
    exit(1);
}
fwrite(STDERR, "listening on port $port\n");
stream_set_blocking($server, false);

$conns = [];
while (true) {
    $read = [$server];
    foreach ($conns as $c) {
        $read[] = $c['sock'];
    }
    $write = null;
    $except = null;
    if (@stream_select($read, $write, $except, 0, 100000) === false) {
        continue;
    }
    $now = microtime(true);
    foreach ($read as $s) {
        if ($s === $server) {
            $c = @stream_socket_accept($server, 0);
            if ($c !== false) {
                stream_set_blocking($c, false);
                $conns[(int) $c] = ['sock' => $c, 'buf' => '', 'last' => $now];
            }
            continue;
        }
        $id = (int) $s;
        $data = @fread($s, 4096);
        if ($data === false || $data === '') {
            if ($data === false || feof($s)) { // closed, half-closed or reset
                $rest = strip_cr($conns[$id]['buf']);
                if ($rest !== '') {
                    answer($conns, $id, $rest);
                } else {
                    close_conn($conns, $id);
                }
            }
            continue;
        }
        $conns[$id]['buf'] .= $data;
        $conns[$id]['last'] = $now;
        while (isset($conns[$id]) && ($i = strpos($conns[$id]['buf'], "\n")) !== false) {
            $line = strip_cr(substr($conns[$id]['buf'], 0, $i));
            $conns[$id]['buf'] = substr($conns[$id]['buf'], $i + 1);
            if ($line !== '') { // empty lines are ignored
                answer($conns, $id, $line);
            }
        }
        if (isset($conns[$id]) && strlen($conns[$id]['buf']) > 1024) {
            @fwrite($s, "Error: line longer than 1024 bytes\n");
            close_conn($conns, $id);
        }
    }
    foreach (array_keys($conns) as $id) { // the quiet period: a complete hello without LF?
        $quiet = $now - $conns[$id]['last'];
        if ($quiet >= 0.3 && is_hello(strip_cr($conns[$id]['buf']))) {
            answer($conns, $id, strip_cr($conns[$id]['buf']));
        } elseif ($quiet > 30) {
            close_conn($conns, $id);
        }
    }
}
