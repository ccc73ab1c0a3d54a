<?php
// hellosrvPHP.php - HelloInternet server in PHP, challenge profile ("Goodbye X from PHP")
// php hellosrvPHP.php PORT        (one process per client with pcntl_fork)

const LANGUAGE = 'PHP';

if ($argc != 2 || !ctype_digit($argv[1]) || (int)$argv[1] < 1 || (int)$argv[1] > 65535) {
    fwrite(STDERR, "usage: php hellosrvPHP.php PORT\n");
    exit(2);
}
$port = (int)$argv[1];

// [::] with v6only off = IPv6 and IPv4
$ctx = stream_context_create(['socket' => ['ipv6_v6only' => false, 'so_reuseaddr' => true]]);
$server = @stream_socket_server("tcp://[::]:$port", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
if (!$server) {
    $server = @stream_socket_server("tcp://0.0.0.0:$port", $errno, $errstr);
}
if (!$server) {
    fwrite(STDERR, "cannot listen on port $port: $errstr\n");
    exit(1);
}
fwrite(STDERR, "PHP server listening on port $port\n");
pcntl_signal(SIGCHLD, SIG_IGN);

// returns the language X, or null if this is not a hello
function language_of($line) {
    // the u flag makes preg_match fail on bad UTF-8
    if (preg_match('/^Hello in ([^\p{Zs}\p{Zl}\p{Zp}\p{Cc}\p{Cf}]{1,64})\z/u', $line, $m) === 1) {
        return $m[1];
    }
    return null;
}

function answer($conn, $line) {
    $x = language_of($line);
    if ($x !== null) {
        fwrite($conn, "Goodbye $x from " . LANGUAGE . "\n");
    } else {
        fwrite($conn, "Error: expected \"Hello in <language>\"\n");
    }
}

function serve($conn) {
    $buf = '';
    $quiet = 0;
    while (true) {
        while (($i = strpos($buf, "\n")) !== false) {
            $line = rtrim(substr($buf, 0, $i), "\r");
            $buf = substr($buf, $i + 1);
            if ($line === '') continue;
            if (strlen($line) > 1024) {
                fwrite($conn, "Error: line longer than 1024 bytes\n");
            } else {
                answer($conn, $line);
            }
            return;
        }
        if (strlen($buf) > 1025) {
            fwrite($conn, "Error: line longer than 1024 bytes\n");
            return;
        }
        $r = [$conn];
        $w = $e = null;
        $n = @stream_select($r, $w, $e, 0, 300000);
        if ($n === false) return;
        if ($n === 0) {
            if ($buf !== '' && language_of($buf) !== null) {
                answer($conn, $buf);
                return;
            }
            if (++$quiet >= 100) return;
            continue;
        }
        $data = @fread($conn, 4096);
        if ($data === false || $data === '') {
            if (feof($conn)) {
                $line = rtrim($buf, "\r");
                if ($line !== '') answer($conn, $line);
                return;
            }
            if ($data === false) return;
            continue;
        }
        $buf .= $data;
        $quiet = 0;
    }
}

while (true) {
    $conn = @stream_socket_accept($server, -1, $peer);
    if (!$conn) continue;
    // $peer is "[::ffff:127.0.0.1]:54321" or "127.0.0.1:54321"
    $ip = preg_replace('/:\d+$/', '', $peer);
    $ip = trim($ip, '[]');
    $ip = preg_replace('/^::ffff:/i', '', $ip);
    echo "Connection from $ip\n";
    $pid = pcntl_fork();
    if ($pid == 0) {
        fclose($server);
        serve($conn);
        fclose($conn);
        exit(0);
    }
    fclose($conn);
}
