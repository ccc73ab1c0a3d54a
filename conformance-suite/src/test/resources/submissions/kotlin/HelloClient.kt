// A HelloInternet client in Kotlin: tries every address HOST resolves to, in order.
import java.io.BufferedReader
import java.io.InputStreamReader
import java.net.ConnectException
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.Socket
import java.net.SocketTimeoutException
import kotlin.system.exitProcess

fun main(args: Array<String>) {
    if (args.size != 2) {
        System.err.println("usage: java -jar HelloClient.jar HOST PORT")
        exitProcess(2)
    }
    val host = args[0].removePrefix("[").removeSuffix("]")
    val port = args[1].toInt()
    var last: Exception? = null
    for (address in InetAddress.getAllByName(host)) {
        try {
            Socket().use { s ->
                s.connect(InetSocketAddress(address, port), 10_000)
                s.soTimeout = 10_000
                s.getOutputStream().apply {
                    write("Hello in Kotlin\n".toByteArray(Charsets.UTF_8))
                    flush()
                }
                val reader = BufferedReader(InputStreamReader(s.getInputStream(), Charsets.UTF_8))
                val reply = reader.readLine() // up to LF (or CR LF), or the end of the connection
                if (reply == null) {
                    System.err.println("client: the server closed the connection without a reply")
                    exitProcess(1)
                }
                println(reply)
            }
            return
        } catch (e: ConnectException) {
            last = e // refused: try the next address
        } catch (e: SocketTimeoutException) {
            System.err.println("client: no reply from $host port $port within 10 s")
            exitProcess(1)
        }
    }
    System.err.println("client: cannot connect to $host port $port: $last")
    exitProcess(1)
}
