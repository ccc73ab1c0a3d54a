// A HelloInternet server in Swift (Linux, Glibc): one thread per connection; poll() waits 300 ms (the quiet
// period). Not run on the kit's own machine: Debian 12 has no Swift, and the swift image comes from Docker Hub.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

func isHello(_ bytes: [UInt8]) -> Bool {
    guard let text = String(bytes: bytes, encoding: .utf8) else { return false }
    return text.range(of: "^Hello in [^\\s\\x00-\\x1f\\x7f]{1,64}$", options: .regularExpression) != nil
}

func stripCr(_ b: [UInt8]) -> [UInt8] { b.last == 13 ? Array(b.dropLast()) : b }

func send(_ fd: Int32, _ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
}

func answer(_ fd: Int32, _ line: [UInt8]) {
    if isHello(line) {
        print(String(decoding: line, as: UTF8.self))
        fflush(stdout)
        send(fd, "Goodbye in Swift\n")
    } else {
        let got = String(decoding: line.prefix(100), as: UTF8.self)
        send(fd, "Error: expected \"Hello in <language>\", got \"\(got)\"\n")
    }
}

func handle(_ fd: Int32) {
    defer { close(fd) }
    var buf: [UInt8] = []
    var idleMs = 0
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        if poll(&p, 1, 300) == 0 { // quiet period: a complete hello without LF?
            if isHello(stripCr(buf)) { return answer(fd, stripCr(buf)) }
            idleMs += 300
            if idleMs > 30_000 { return }
            continue
        }
        let n = recv(fd, &chunk, chunk.count, 0)
        if n <= 0 { // closed, half-closed or reset
            if !stripCr(buf).isEmpty { answer(fd, stripCr(buf)) }
            return
        }
        idleMs = 0
        buf += chunk[0..<n]
        while let i = buf.firstIndex(of: 10) {
            let line = stripCr(Array(buf[..<i]))
            buf.removeSubrange(...i)
            if !line.isEmpty { return answer(fd, line) } // empty lines are ignored
        }
        if buf.count > 1024 { return send(fd, "Error: line longer than 1024 bytes\n") }
    }
}

let args = CommandLine.arguments
guard args.count == 2, let port = UInt16(args[1]), port > 0 else {
    fputs("usage: ./server PORT\n", stderr)
    exit(2)
}
signal(SIGPIPE, SIG_IGN)
let listener = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
var off: Int32 = 0, on: Int32 = 1
setsockopt(listener, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &off, socklen_t(MemoryLayout<Int32>.size))
setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
var addr = sockaddr_in6()
addr.sin6_family = sa_family_t(AF_INET6)
addr.sin6_port = port.bigEndian
addr.sin6_addr = in6addr_any
let bound = withUnsafePointer(to: &addr) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
}
if bound != 0 || listen(listener, 16) != 0 {
    fputs("server: cannot listen on port \(port): \(String(cString: strerror(errno)))\n", stderr)
    exit(1)
}
fputs("listening on port \(port)\n", stderr)
while true {
    let fd = accept(listener, nil, nil)
    if fd < 0 { continue }
    Thread.detachNewThread { handle(fd) }
}
