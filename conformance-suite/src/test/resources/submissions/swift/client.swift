// A HelloInternet client in Swift (Linux, Glibc): getaddrinfo, and every address tried in order. Not run on the
// kit's own machine: Debian 12 has no Swift, and the swift image comes from Docker Hub.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

let args = CommandLine.arguments
guard args.count == 3 else {
    fputs("usage: ./client HOST PORT\n", stderr)
    exit(2)
}
var host = args[1]
if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
var hints = addrinfo()
hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
var list: UnsafeMutablePointer<addrinfo>?
if getaddrinfo(host, args[2], &hints, &list) != 0 {
    fputs("client: cannot resolve \(host)\n", stderr)
    exit(1)
}
var fd: Int32 = -1
var ai = list
while let a = ai {
    let s = socket(a.pointee.ai_family, a.pointee.ai_socktype, a.pointee.ai_protocol)
    if s >= 0 && connect(s, a.pointee.ai_addr, a.pointee.ai_addrlen) == 0 { fd = s; break }
    if s >= 0 { close(s) }
    ai = a.pointee.ai_next
}
freeaddrinfo(list)
if fd < 0 {
    fputs("client: cannot connect to \(host) port \(args[2])\n", stderr)
    exit(1)
}
var timeout = timeval(tv_sec: 10, tv_usec: 0)
setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
let hello = Array("Hello in Swift\n".utf8)
_ = hello.withUnsafeBytes { send(fd, $0.baseAddress, hello.count, Int32(MSG_NOSIGNAL)) }
var reply: [UInt8] = []
var chunk = [UInt8](repeating: 0, count: 4096)
while !reply.contains(10) {
    let n = recv(fd, &chunk, chunk.count, 0)
    if n < 0 {
        fputs("client: no reply from \(host) port \(args[2]) within 10 s\n", stderr)
        exit(1)
    }
    if n == 0 { break } // the end of the connection
    reply += chunk[0..<n]
}
close(fd)
if reply.isEmpty {
    fputs("client: the server closed the connection without a reply\n", stderr)
    exit(1)
}
var line = Array(reply.prefix(while: { $0 != 10 }))
if line.last == 13 { line.removeLast() }
print(String(decoding: line, as: UTF8.self))
