# A HelloInternet client in Perl: IO::Socket::IP tries every address HOST resolves to, in order.
use strict;
use warnings;
use IO::Select;
use IO::Socket::IP;

if (@ARGV != 2) {
    print STDERR "usage: perl client.pl HOST PORT\n";
    exit 2;
}
my ($host, $port) = @ARGV;
$host =~ s/\A\[(.*)\]\z/$1/;
my $sock = IO::Socket::IP->new(PeerHost => $host, PeerPort => $port, Timeout => 10);
unless ($sock) {
    print STDERR "client: cannot talk to $host port $port: $@\n";
    exit 1;
}
syswrite($sock, "Hello in Perl\n");
my $select = IO::Select->new($sock);
my $reply = '';
while (index($reply, "\n") < 0) {
    unless ($select->can_read(10)) {
        print STDERR "client: no reply from $host port $port within 10 s\n";
        exit 1;
    }
    my $n = sysread($sock, my $data, 4096);
    last unless $n;    # the end of the connection
    $reply .= $data;
}
close $sock;
if ($reply eq '') {
    print STDERR "client: the server closed the connection without a reply\n";
    exit 1;
}
my ($line) = split /\n/, $reply;
$line = '' unless defined $line;
$line =~ s/\r\z//;
print "$line\n";
exit 0;
