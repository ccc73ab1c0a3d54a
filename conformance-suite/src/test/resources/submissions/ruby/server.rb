# A HelloInternet server in Ruby: one thread per connection; IO.select waits 300 ms (the quiet period).
require "socket"

HELLO = /\AHello in [^\s\x00-\x1f\x7f]{1,64}\z/n
# No $stdout.sync = true, as many students write it (on their terminal, puts shows at once): the kit runs
# programs as on a terminal, in a container as on the machine, so SRV-LOG sees each hello at once.

def answer(conn, line)
  if line.match?(HELLO)
    puts line
    conn.write("Goodbye in Ruby\n")
  else
    conn.write("Error: expected \"Hello in <language>\", got #{line[0, 100].inspect}\n")
  end
end

def handle(conn)
  buf = "".b
  idle = 0.0
  loop do
    unless IO.select([conn], nil, nil, 0.3)
      line = buf.chomp("\r")
      return answer(conn, line) if line.match?(HELLO) # complete hello without LF
      return if (idle += 0.3) > 30
      next
    end
    data = conn.readpartial(1024) rescue nil
    if data.nil? # closed, half-closed or reset
      line = buf.chomp("\r")
      answer(conn, line) unless line.empty?
      return
    end
    buf << data
    idle = 0.0
    while (i = buf.index("\n"))
      line = buf.slice!(0, i + 1).chomp
      return answer(conn, line) unless line.empty? # empty lines are ignored
    end
    return conn.write("Error: line longer than 1024 bytes\n") if buf.bytesize > 1024
  end
rescue SystemCallError, IOError => e
  warn "connection error: #{e.message}"
ensure
  conn.close
end

port = Integer(ARGV[0], exception: false) if ARGV.size == 1
unless port&.between?(1, 65_535)
  warn "usage: server.rb PORT"
  exit 2
end
begin
  servers = Socket.tcp_server_sockets(port)
rescue SystemCallError => e
  warn "server: cannot listen on port #{port}: #{e.message}"
  exit 1
end
warn "listening on port #{port}"
Socket.accept_loop(servers) do |conn, _addr|
  Thread.new(conn) { |c| handle(c) }
end
