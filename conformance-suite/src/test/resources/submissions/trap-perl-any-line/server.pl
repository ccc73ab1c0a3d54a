#!/usr/bin/perl
# server.pl -- HelloInternet server in Perl (basic profile), fork per client
#   perl server.pl PORT
# The first line the client sends is its hello; answer it and hang up.
use strict;
use warnings;
use IO::Socket::IP;
use IO::Select;

$| = 1;
$SIG{CHLD} = 'IGNORE';
my $port = $ARGV[0];
unless (@ARGV == 1 && $port =~ /^\d+$/ && $port >= 1 && $port <= 65535) {
    die "usage: perl server.pl PORT\n";
}

my $srv = IO::Socket::IP->new(LocalHost => '::', LocalPort => $port, Listen => 20,
                              ReuseAddr => 1, V6Only => 0)
    or die "cannot listen on port $port: $@\n";
warn "Perl server on port $port\n";

sub reply {
    my ($c, $line) = @_;
    print "$line\n";
    syswrite $c, "Goodbye in Perl\n";
}

sub client {
    my $c = shift;
    my $sel = IO::Select->new($c);
    my ($buf, $idle) = ('', 0);
    for (;;) {
        if ($buf =~ s/^([^\n]*)\n//) {
            my $line = $1;
            $line =~ s/\r$//;
            if (length $line > 1024) { syswrite $c, "Error: line longer than 1024 bytes\n"; return }
            reply($c, $line);
            return;
        }
        if (length $buf > 1025) { syswrite $c, "Error: line longer than 1024 bytes\n"; return }
        unless ($sel->can_read(0.3)) {
            # telnet-less clients forget the \n; after 300 ms take what looks like a hello
            if ($buf =~ /^Hello in \S+$/) { reply($c, $buf); return }
            return if ++$idle >= 100;
            next;
        }
        my $n = sysread $c, $buf, 4096, length $buf;
        return unless defined $n;
        if ($n == 0) {
            $buf =~ s/\r$//;
            reply($c, $buf) if length $buf;
            return;
        }
        $idle = 0;
    }
}

while (1) {
    my $c = $srv->accept or next;
    if (fork() == 0) {
        $SIG{PIPE} = 'IGNORE';
        close $srv;
        client($c);
        close $c;
        exit;
    }
    close $c;
}
