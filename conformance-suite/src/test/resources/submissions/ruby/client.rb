# A HelloInternet client in Ruby: TCPSocket tries every address HOST resolves to.
require "socket"

if ARGV.size != 2
  warn "usage: client.rb HOST PORT"
  exit 2
end
host = ARGV[0].delete_prefix("[").delete_suffix("]")
begin
  TCPSocket.open(host, Integer(ARGV[1]), connect_timeout: 10) do |s|
    s.write("Hello in Ruby\n")
    abort "client: no reply from #{host} port #{ARGV[1]} within 10 s" unless s.wait_readable(10)
    reply = s.gets
    abort "client: the server closed the connection without a reply" if reply.nil?
    puts reply.chomp
  end
rescue SystemCallError, SocketError, ArgumentError => e
  abort "client: cannot talk to #{host} port #{ARGV[1]}: #{e.message}"
end
