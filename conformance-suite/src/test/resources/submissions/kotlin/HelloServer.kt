// A HelloInternet server in Kotlin: one thread per connection; a 300 ms socket timeout is the quiet period.
import java.io.ByteArrayOutputStream
import java.io.IOException
import java.io.OutputStream
import java.net.ServerSocket
import java.net.Socket
import java.net.SocketTimeoutException
import kotlin.concurrent.thread
import kotlin.system.exitProcess

val HELLO = Regex("Hello in [^\\s\\x00-\\x1f\\x7f\\ufffd]{1,64}")

fun stripCr(s: String): String = if (s.endsWith("\r")) s.dropLast(1) else s

fun answer(out: OutputStream, line: String) {
    if (HELLO.matches(line)) {
        println(line) // System.out flushes at each println
        out.write("Goodbye in Kotlin\n".toByteArray(Charsets.UTF_8))
    } else {
        val got = line.take(100)
        out.write("Error: expected \"Hello in <language>\", got \"$got\"\n".toByteArray(Charsets.UTF_8))
    }
    out.flush()
}

fun handle(conn: Socket) {
    try {
        conn.use {
            conn.soTimeout = 300
            val input = conn.getInputStream()
            val out = conn.getOutputStream()
            val buf = ByteArrayOutputStream()
            var idleMs = 0
            while (true) {
                val b = try {
                    input.read()
                } catch (e: SocketTimeoutException) { // quiet period: a complete hello without LF?
                    val rest = stripCr(buf.toString("UTF-8"))
                    if (HELLO.matches(rest)) {
                        answer(out, rest)
                        return
                    }
                    idleMs += 300
                    if (idleMs > 30_000) return
                    continue
                }
                idleMs = 0
                if (b == -1) { // the client closed (or half-closed) its side
                    val rest = stripCr(buf.toString("UTF-8"))
                    if (rest.isNotEmpty()) answer(out, rest)
                    return
                }
                if (b == '\n'.toInt()) {
                    val line = stripCr(buf.toString("UTF-8"))
                    buf.reset()
                    if (line.isNotEmpty()) { // empty lines are ignored
                        answer(out, line)
                        return
                    }
                } else if (buf.size() >= 1024) {
                    out.write("Error: line longer than 1024 bytes\n".toByteArray(Charsets.UTF_8))
                    return
                } else {
                    buf.write(b)
                }
            }
        }
    } catch (e: IOException) { // reset by the client...
        System.err.println("connection error: ${e.message}")
    }
}

fun main(args: Array<String>) {
    val port = if (args.size == 1) args[0].toIntOrNull() ?: -1 else -1
    if (port < 1 || port > 65535) {
        System.err.println("usage: java -jar HelloServer.jar PORT")
        exitProcess(2)
    }
    val server = try {
        ServerSocket(port)
    } catch (e: IOException) {
        System.err.println("server: cannot listen on port $port: ${e.message}")
        exitProcess(1)
    }
    System.err.println("listening on port $port")
    while (true) {
        val conn = server.accept()
        thread { handle(conn) }
    }
}
