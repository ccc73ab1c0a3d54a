# A HelloInternet server in Perl: a process per connection (fork); select waits 300 ms (the quiet period).
use strict;
use warnings;
use IO::Select;
use IO::Socket::IP;

# No $| = 1, as many students write it (on their terminal, print shows at once): the kit runs programs as on a
# terminal, in a container as on the machine, so SRV-LOG sees each hello at once.

sub is_hello {
    my ($line) = @_;
    my $text = $line;
    return utf8::decode($text) && $text =~ /\AHello in [^\s\x00-\x1f\x7f]{1,64}\z/;
}

sub answer {
    my ($conn, $line) = @_;
    if (is_hello($line)) {
        print "$line\n";
        syswrite($conn, "Goodbye in Perl\n");
    } else {
        (my $got = substr($line, 0, 100)) =~ s/[^\x20-\x7e]/?/g;
        syswrite($conn, "Error: expected \"Hello in <language>\", got \"$got\"\n");
    }
}

sub handle {
    my ($conn) = @_;
    my $select = IO::Select->new($conn);
    my $buf = '';
    my $idle = 0;
    while (1) {
        if (!$select->can_read(0.3)) {    # quiet period: a complete hello without LF?
            (my $line = $buf) =~ s/\r\z//;
            return answer($conn, $line) if is_hello($line);
            return if ($idle += 0.3) > 30;
            next;
        }
        my $n = sysread($conn, my $data, 4096);
        if (!$n) {    # closed, half-closed or reset
            (my $line = $buf) =~ s/\r\z//;
            answer($conn, $line) if length $line;
            return;
        }
        $buf .= $data;
        $idle = 0;
        while ((my $i = index($buf, "\n")) >= 0) {
            my $line = substr($buf, 0, $i + 1, '');
            $line =~ s/\r?\n\z//;
            return answer($conn, $line) if length $line;    # empty lines are ignored
        }
        if (length $buf > 1024) {
            syswrite($conn, "Error: line longer than 1024 bytes\n");
            return;
        }
    }
}

my $port = @ARGV == 1 ? $ARGV[0] : '';
unless ($port =~ /\A\d{1,5}\z/ && $port >= 1 && $port <= 65535) {
    print STDERR "usage: perl server.pl PORT\n";
    exit 2;
}
$SIG{CHLD} = 'IGNORE';    # finished children are reaped by the system
$SIG{PIPE} = 'IGNORE';    # a client that reset: an error from syswrite, not the end of the server
my $server = IO::Socket::IP->new(LocalHost => '::', LocalPort => $port, Listen => 16, ReuseAddr => 1, V6Only => 0)
    || IO::Socket::IP->new(LocalHost => '0.0.0.0', LocalPort => $port, Listen => 16, ReuseAddr => 1);
unless ($server) {
    print STDERR "server: cannot listen on port $port: $@\n";
    exit 1;
}
print STDERR "listening on port $port\n";
while (1) {
    my $conn = $server->accept or next;
    my $pid = fork;
    if (!defined $pid) {
        print STDERR "server: cannot fork: $!\n";
        close $conn;
        next;
    }
    if ($pid == 0) {
        close $server;
        handle($conn);
        close $conn;
        exit 0;
    }
    close $conn;
}
