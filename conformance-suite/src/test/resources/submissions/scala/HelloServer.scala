// A HelloInternet server in Scala: one thread per connection; a 300 ms socket timeout is the quiet period.
import java.io.{ByteArrayOutputStream, IOException, OutputStream}
import java.net.{ServerSocket, Socket, SocketTimeoutException}
import java.nio.charset.StandardCharsets.UTF_8

object HelloServer {
  private val Hello = "Hello in [^\\s\\x00-\\x1f\\x7f\\ufffd]{1,64}".r

  private def stripCr(s: String): String = if (s.endsWith("\r")) s.dropRight(1) else s

  private def isHello(s: String): Boolean = Hello.pattern.matcher(s).matches()

  private def answer(out: OutputStream, line: String): Unit = {
    if (isHello(line)) {
      println(line) // System.out flushes at each println
      out.write("Goodbye in Scala\n".getBytes(UTF_8))
    } else {
      out.write(("Error: expected \"Hello in <language>\", got \"" + line.take(100) + "\"\n").getBytes(UTF_8))
    }
    out.flush()
  }

  private def handle(conn: Socket): Unit = {
    try {
      conn.setSoTimeout(300)
      val in = conn.getInputStream
      val out = conn.getOutputStream
      val buf = new ByteArrayOutputStream()
      var idleMs = 0
      var done = false
      while (!done) {
        val b =
          try in.read()
          catch {
            case _: SocketTimeoutException => -2 // quiet period: a complete hello without LF?
          }
        if (b == -2) {
          val rest = stripCr(buf.toString("UTF-8"))
          if (isHello(rest)) { answer(out, rest); done = true }
          else { idleMs += 300; if (idleMs > 30000) done = true }
        } else if (b == -1) { // the client closed (or half-closed) its side
          val rest = stripCr(buf.toString("UTF-8"))
          if (rest.nonEmpty) answer(out, rest)
          done = true
        } else {
          idleMs = 0
          if (b == '\n') {
            val line = stripCr(buf.toString("UTF-8"))
            buf.reset()
            if (line.nonEmpty) { answer(out, line); done = true } // empty lines are ignored
          } else if (buf.size() >= 1024) {
            out.write("Error: line longer than 1024 bytes\n".getBytes(UTF_8))
            done = true
          } else buf.write(b)
        }
      }
    } catch {
      case e: IOException => System.err.println("connection error: " + e.getMessage) // reset by the client...
    } finally conn.close()
  }

  def main(args: Array[String]): Unit = {
    val port = if (args.length == 1) scala.util.Try(args(0).toInt).getOrElse(-1) else -1
    if (port < 1 || port > 65535) {
      System.err.println("usage: scala HelloServer PORT")
      sys.exit(2)
    }
    val server =
      try new ServerSocket(port)
      catch {
        case e: IOException =>
          System.err.println("server: cannot listen on port " + port + ": " + e.getMessage)
          sys.exit(1)
      }
    System.err.println("listening on port " + port)
    while (true) {
      val conn = server.accept()
      new Thread(new Runnable { def run(): Unit = handle(conn) }).start()
    }
  }
}
