// A HelloInternet server in C#: one thread per connection; Socket.Poll waits 300 ms (the quiet period).
using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

class HelloServer
{
    static readonly Regex Hello = new Regex(@"^Hello in [^\s\x00-\x1f\x7f\ufffd]{1,64}$");

    static string StripCr(string s) => s.EndsWith("\r") ? s.Substring(0, s.Length - 1) : s;

    static void Answer(Socket conn, string line)
    {
        string reply;
        if (Hello.IsMatch(line))
        {
            Console.WriteLine(line); // Console.Out flushes at each WriteLine
            reply = "Goodbye in C#\n";
        }
        else
        {
            reply = "Error: expected \"Hello in <language>\", got \"" + line.Substring(0, Math.Min(line.Length, 100)) + "\"\n";
        }
        conn.Send(Encoding.UTF8.GetBytes(reply));
    }

    static void Handle(Socket conn)
    {
        var buf = new StringBuilder();
        var data = new byte[1024];
        int idleMs = 0;
        try
        {
            while (true)
            {
                if (!conn.Poll(300000, SelectMode.SelectRead)) // quiet period: a complete hello without LF?
                {
                    string rest = StripCr(buf.ToString());
                    if (Hello.IsMatch(rest)) { Answer(conn, rest); return; }
                    if ((idleMs += 300) > 30000) return;
                    continue;
                }
                int n = conn.Receive(data);
                if (n == 0) // the client closed (or half-closed) its side
                {
                    string rest = StripCr(buf.ToString());
                    if (rest.Length > 0) Answer(conn, rest);
                    return;
                }
                idleMs = 0;
                buf.Append(Encoding.UTF8.GetString(data, 0, n));
                int lf;
                while ((lf = buf.ToString().IndexOf('\n')) >= 0)
                {
                    string line = StripCr(buf.ToString(0, lf));
                    buf.Remove(0, lf + 1);
                    if (line.Length > 0) { Answer(conn, line); return; } // empty lines are ignored
                }
                if (buf.Length > 1024)
                {
                    conn.Send(Encoding.UTF8.GetBytes("Error: line longer than 1024 bytes\n"));
                    return;
                }
            }
        }
        catch (SocketException e) // reset by the client...
        {
            Console.Error.WriteLine("connection error: " + e.Message);
        }
        finally
        {
            conn.Close();
        }
    }

    static int Main(string[] args)
    {
        int port;
        if (args.Length != 1 || !int.TryParse(args[0], out port) || port < 1 || port > 65535)
        {
            Console.Error.WriteLine("usage: mono HelloServer.exe PORT");
            return 2;
        }
        var listener = new TcpListener(IPAddress.IPv6Any, port);
        listener.Server.DualMode = true; // IPv4 and IPv6
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            Console.Error.WriteLine("server: cannot listen on port " + port + ": " + e.Message);
            return 1;
        }
        Console.Error.WriteLine("listening on port " + port);
        while (true)
        {
            Socket conn = listener.AcceptSocket();
            new Thread(() => Handle(conn)) { IsBackground = true }.Start();
        }
    }
}
