// A HelloInternet client in Scala: tries every address HOST resolves to, in order.
import java.io.{BufferedReader, InputStreamReader}
import java.net.{ConnectException, InetAddress, InetSocketAddress, Socket, SocketTimeoutException}
import java.nio.charset.StandardCharsets.UTF_8

object HelloClient {
  def main(args: Array[String]): Unit = {
    if (args.length != 2) {
      System.err.println("usage: scala HelloClient HOST PORT")
      sys.exit(2)
    }
    val host = args(0).stripPrefix("[").stripSuffix("]")
    val port = args(1).toInt
    var last: Exception = null
    for (address <- InetAddress.getAllByName(host)) {
      val s = new Socket()
      try {
        s.connect(new InetSocketAddress(address, port), 10000)
        s.setSoTimeout(10000)
        s.getOutputStream.write("Hello in Scala\n".getBytes(UTF_8))
        s.getOutputStream.flush()
        val reply = new BufferedReader(new InputStreamReader(s.getInputStream, UTF_8)).readLine()
        if (reply == null) {
          System.err.println("client: the server closed the connection without a reply")
          sys.exit(1)
        }
        println(reply)
        s.close()
        sys.exit(0)
      } catch {
        case e: ConnectException => last = e; s.close() // refused: try the next address
        case _: SocketTimeoutException =>
          System.err.println("client: no reply from " + host + " port " + port + " within 10 s")
          sys.exit(1)
      }
    }
    System.err.println("client: cannot connect to " + host + " port " + port + ": " + last)
    sys.exit(1)
  }
}
