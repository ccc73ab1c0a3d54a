# The relay inside a check's network namespace (only loopback, no route out): the harness's only way in.
# It speaks framed messages on standard input and output (see isolation.Frames): the harness asks it to open
# connections to a server listening inside, and to listen for a client's connections; it passes on every byte,
# every half-close (FIN) and every reset (RST) both ways, in the order they happened, with a window of
# unacknowledged bytes per connection so that neither side ever holds more than that. It uses perl-base only
# (every Debian image has it). It ends when its standard input ends.
use strict;
use warnings;
use Socket qw(AF_INET AF_INET6 SOCK_STREAM SOL_SOCKET SO_REUSEADDR SO_LINGER SO_ERROR IPPROTO_TCP
    TCP_NODELAY IPPROTO_IPV6 IPV6_V6ONLY inet_pton inet_aton pack_sockaddr_in pack_sockaddr_in6);
use Errno qw(EAGAIN EWOULDBLOCK EINPROGRESS EINTR);
use Fcntl qw(F_GETFL F_SETFL O_NONBLOCK);

my $WINDOW = 65536;      # unacknowledged bytes per connection and direction
my $ACK_EVERY = 16384;
my $CHUNK = 65536;
my $MAX_CONNS = 256;     # connections at once: a flood of them is reset, not carried
my $CONNECT_WAIT = 2;    # seconds a connection to a server inside may take

$SIG{PIPE} = 'IGNORE';
binmode STDIN;
binmode STDOUT;

if (@ARGV && $ARGV[0] eq 'lo-up') {  # a new network namespace (unshare -n) starts with loopback down
    socket(my $s, AF_INET, SOCK_STREAM, 0) or die "relay: socket: $!\n";
    my $req = pack('a16 s x22', 'lo', 0);
    ioctl($s, 0x8913, $req) or die "relay: SIOCGIFFLAGS lo: $!\n";
    my $flags = (unpack('a16 s', $req))[1];
    ioctl($s, 0x8914, pack('a16 s x22', 'lo', $flags | 0x1 | 0x40)) or die "relay: cannot bring lo up: $!\n";
    close $s;
}

my %conn;      # id -> connection
my %listener;  # fileno -> {sock, port, fam}
my $next = 0;  # relay-assigned ids have the top bit set
my $seq = 0;   # order of arrival
my $in = '';

sub nonblocking { my $fh = shift; fcntl($fh, F_SETFL, fcntl($fh, F_GETFL, 0) | O_NONBLOCK); }

sub send_frame {
    my ($type, $id, $payload) = @_;
    $payload = '' unless defined $payload;
    my $buf = pack('a N N', $type, $id, length $payload) . $payload;
    my $off = 0;
    while ($off < length $buf) {
        my $n = syswrite(STDOUT, $buf, length($buf) - $off, $off);
        if (!defined $n) {
            next if $! == EINTR || $! == EAGAIN;
            exit 0;    # the harness is gone
        }
        $off += $n;
    }
}

sub address {
    my ($fam, $port) = @_;
    return $fam eq '6' ? pack_sockaddr_in6($port, inet_pton(AF_INET6, '::1'))
        : pack_sockaddr_in($port, inet_aton($fam eq 'n' ? '127.0.0.2' : '127.0.0.1'));
}

sub new_conn {
    my ($id, $sock) = @_;
    nonblocking($sock);
    setsockopt($sock, IPPROTO_TCP, TCP_NODELAY, 1);
    $conn{$id} = {id => $id, sock => $sock, seq => $seq++, out => '', unacked => 0, ackp => 0,
        eof => 0, fin_in => 0, shut => 0};
}

sub drop {
    my ($c, $reset) = @_;
    if ($reset) {
        setsockopt($c->{sock}, SOL_SOCKET, SO_LINGER, pack('ii', 1, 0));
    }
    close $c->{sock};
    delete $conn{$c->{id}};
}

# Connects to a server inside, waiting for the connect to finish so that what comes next (the next
# connection, a close) reaches the server in the order the harness did it.
sub open_conn {
    my ($id, $spec) = @_;
    my ($fam, $port) = split /:/, $spec;
    my $sock;
    if (keys %conn >= $MAX_CONNS || !socket($sock, $fam eq '6' ? AF_INET6 : AF_INET, SOCK_STREAM, 0)) {
        send_frame('R', $id);
        return;
    }
    nonblocking($sock);
    my $ok = connect($sock, address($fam, $port));
    if (!$ok && $! == EINPROGRESS) {
        my $w = '';
        vec($w, fileno($sock), 1) = 1;
        select(undef, my $wo = $w, undef, $CONNECT_WAIT);
        my $err = unpack('i', getsockopt($sock, SOL_SOCKET, SO_ERROR));
        $ok = vec($wo, fileno($sock), 1) && $err == 0;
    }
    if (!$ok) {
        close $sock;
        send_frame('R', $id);    # refused (or no answer): the harness's connection is reset
        return;
    }
    new_conn($id, $sock);
}

sub listen_on {
    my ($port, $fams) = @_;
    my @made;
    for my $fam (split //, $fams) {
        my $sock;
        my $ok = socket($sock, $fam eq '6' ? AF_INET6 : AF_INET, SOCK_STREAM, 0);
        $ok &&= setsockopt($sock, SOL_SOCKET, SO_REUSEADDR, 1);
        $ok &&= setsockopt($sock, IPPROTO_IPV6, IPV6_V6ONLY, 1) if $fam eq '6';
        $ok &&= bind($sock, address($fam, $port)) && listen($sock, 128);
        if (!$ok) {
            my $why = "$!";
            close $_->{sock} for @made;
            delete $listener{fileno $_->{sock}} for @made;
            send_frame('l', $port, "cannot listen on " . ($fam eq '6' ? '[::1]' : $fam eq 'n' ? '127.0.0.2' : '127.0.0.1')
                . ":$port: $why");
            return;
        }
        nonblocking($sock);
        my $l = {sock => $sock, port => $port, fam => $fam};
        $listener{fileno $sock} = $l;
        push @made, $l;
    }
    send_frame('l', $port, 'ok');
}

sub unlisten {
    my ($port) = @_;
    for my $fn (keys %listener) {
        next unless $listener{$fn}{port} == $port;
        close $listener{$fn}{sock};
        delete $listener{$fn};
    }
}

# The TCP ports listening in this namespace, the relay's own listeners left out, each as PORT:FAMILIES: "4"
# (an IPv4 address, or an IPv4-mapped one), "6" (an IPv6 address), "46" (the IPv6 wildcard, which takes both unless
# IPV6_V6ONLY is on; the table does not say), or both from two sockets.
sub ports {
    my %own;
    if (opendir(my $d, '/proc/self/fd')) {
        for my $fd (readdir $d) {
            my $link = readlink("/proc/self/fd/$fd");
            $own{$1} = 1 if defined $link && $link =~ /^socket:\[(\d+)\]$/;
        }
        closedir $d;
    }
    my %ports;
    for my $table ('/proc/net/tcp', '/proc/net/tcp6') {
        open(my $h, '<', $table) or next;
        <$h>;
        while (my $row = <$h>) {
            my @f = split ' ', $row;
            next unless @f > 9 && $f[3] eq '0A' && !$own{$f[9]};
            next unless $f[1] =~ /^([0-9A-Fa-f]+):([0-9A-Fa-f]+)$/;
            my ($addr, $port) = ($1, hex $2);
            my $fam = $table eq '/proc/net/tcp' ? '4'
                : $addr =~ /^0{32}$/ ? '46'
                : $addr =~ /^0{16}FFFF0000/i ? '4'
                : '6';
            $ports{$port} .= $fam;
        }
        close $h;
    }
    my @out;
    for my $p (sort { $a <=> $b } keys %ports) {
        push @out, "$p:" . ($ports{$p} =~ /4/ ? '4' : '') . ($ports{$p} =~ /6/ ? '6' : '');
    }
    return join(' ', @out);
}

sub frame {
    my ($type, $id, $p) = @_;
    my $c = $conn{$id};
    if ($type eq 'D') {
        $c->{out} .= $p if $c;
    } elsif ($type eq 'F') {
        $c->{fin_in} = 1 if $c;
    } elsif ($type eq 'R') {
        if ($c) {
            syswrite($c->{sock}, $c->{out}) if length $c->{out};
            drop($c, 1);
        }
    } elsif ($type eq 'A') {
        $c->{unacked} -= unpack('N', $p) if $c;
    } elsif ($type eq 'O') {
        open_conn($id, $p);
    } elsif ($type eq 'L') {
        listen_on($id, $p);
    } elsif ($type eq 'U') {
        unlisten($id);
    } elsif ($type eq 'P') {
        send_frame('p', $id, ports());
    }
    service($conn{$id}) if $conn{$id};
}

# Writes what can be written, passes a half-close on once everything before it is written, and reads while
# the window allows. Never blocks.
sub service {
    my ($c, $readable) = @_;
    my $s = $c->{sock};
    while (length $c->{out}) {
        my $n = syswrite($s, $c->{out});
        if (!defined $n) {
            last if $! == EAGAIN || $! == EWOULDBLOCK || $! == EINTR;
            send_frame('R', $c->{id});    # the program reset (or closed) its side: pass it on
            drop($c, 1);
            return;
        }
        substr($c->{out}, 0, $n, '');
        $c->{ackp} += $n;
    }
    if ($c->{ackp} >= $ACK_EVERY || ($c->{ackp} > 0 && !length $c->{out})) {
        send_frame('A', $c->{id}, pack('N', $c->{ackp}));
        $c->{ackp} = 0;
    }
    if ($c->{fin_in} && !$c->{shut} && !length $c->{out}) {
        shutdown($s, 1);
        $c->{shut} = 1;
    }
    while ($readable && !$c->{eof} && $c->{unacked} < $WINDOW) {
        my $n = sysread($s, my $buf, $CHUNK);
        if (!defined $n) {
            last if $! == EAGAIN || $! == EWOULDBLOCK || $! == EINTR;
            send_frame('R', $c->{id});    # reset by the program
            drop($c, 0);
            return;
        }
        if ($n == 0) {
            send_frame('F', $c->{id});
            $c->{eof} = 1;
            last;
        }
        send_frame('D', $c->{id}, $buf);
        $c->{unacked} += $n;
    }
    drop($c, 0) if $c->{eof} && $c->{shut};
}

sub accept_all {
    my ($l) = @_;
    while (1) {
        my $sock;
        last unless accept($sock, $l->{sock});
        if (keys %conn >= $MAX_CONNS) {
            setsockopt($sock, SOL_SOCKET, SO_LINGER, pack('ii', 1, 0));
            close $sock;
            next;
        }
        my $id = 0x80000000 | ($next++ & 0x7fffffff);
        new_conn($id, $sock);
        send_frame('N', $id, "$l->{fam}:$l->{port}");
    }
}

nonblocking(\*STDIN);
while (1) {
    my ($r, $w) = ('', '');
    vec($r, fileno(STDIN), 1) = 1;
    for my $c (values %conn) {
        my $fn = fileno $c->{sock};
        vec($r, $fn, 1) = 1 if !$c->{eof} && $c->{unacked} < $WINDOW;
        vec($w, $fn, 1) = 1 if length $c->{out};
    }
    vec($r, $_, 1) = 1 for keys %listener;
    my $n = select(my $ro = $r, my $wo = $w, undef, undef);
    next if $n <= 0;
    if (vec($ro, fileno(STDIN), 1)) {
        my $k = sysread(STDIN, $in, 65536, length $in);
        exit 0 if defined $k && $k == 0;
        exit 0 if !defined $k && $! != EAGAIN && $! != EINTR;
        while (length($in) >= 9) {
            my ($type, $id, $len) = unpack('a N N', $in);
            last if length($in) < 9 + $len;
            my $payload = substr($in, 9, $len);
            substr($in, 0, 9 + $len, '');
            frame($type, $id, $payload);
        }
    }
    # What the open connections did comes before a new connection, as it happened.
    for my $c (sort { $a->{seq} <=> $b->{seq} } values %conn) {
        next unless $conn{$c->{id}};
        my $fn = fileno $c->{sock};
        service($c, vec($ro, $fn, 1));
    }
    for my $fn (keys %listener) {
        accept_all($listener{$fn}) if $listener{$fn} && vec($ro, $fn, 1);
    }
}
