// hellosrvCSharp.cs - HelloInternet server in C#
// mcs hellosrvCSharp.cs && mono hellosrvCSharp.exe PORT
using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

class HelloServer
{
    const string Language = "C#";
    static TextWriter Out;
    static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);

    static string AsHello(byte[] b, int n)
    {
        string s;
        try { s = Strict.GetString(b, 0, n); }
        catch (ArgumentException) { return null; }   // not UTF-8
        if (!s.StartsWith("Hello in ", StringComparison.Ordinal)) return null;
        string x = s.Substring(9);
        int count = 0;
        for (int i = 0; i < x.Length; i += char.IsSurrogatePair(x, i) ? 2 : 1)
        {
            count++;
            UnicodeCategory cat = CharUnicodeInfo.GetUnicodeCategory(x, i);
            if (cat == UnicodeCategory.SpaceSeparator || cat == UnicodeCategory.LineSeparator ||
                cat == UnicodeCategory.ParagraphSeparator || cat == UnicodeCategory.Control ||
                cat == UnicodeCategory.Format)
                return null;
        }
        if (count < 1 || count > 64) return null;
        return s;
    }

    static void Send(Socket s, string msg)
    {
        byte[] b = Encoding.UTF8.GetBytes(msg);
        s.Send(b);
    }

    static void Answer(Socket s, byte[] line, int n)
    {
        string h = AsHello(line, n);
        if (h != null)
        {
            Out.WriteLine(h);
            Send(s, "Goodbye in " + Language + "\n");
        }
        else
        {
            Send(s, "Error: expected \"Hello in <language>\"\n");
        }
    }

    static void Handle(Socket s)
    {
        byte[] buf = new byte[1200];
        int len = 0, quiet = 0;
        try
        {
            while (true)
            {
                bool again = true;
                while (again)
                {
                    again = false;
                    int i = Array.IndexOf(buf, (byte)'\n', 0, len);
                    if (i >= 0)
                    {
                        int l = i;
                        if (l > 0 && buf[l - 1] == '\r') l--;
                        if (l == 0)
                        {   // empty line before the hello: skip
                            Array.Copy(buf, i + 1, buf, 0, len - i - 1);
                            len -= i + 1;
                            again = true;
                            continue;
                        }
                        if (l > 1024) Send(s, "Error: line longer than 1024 bytes\n");
                        else Answer(s, buf, l);
                        return;
                    }
                }
                if (len > 1025)
                {
                    Send(s, "Error: line longer than 1024 bytes\n");
                    return;
                }
                if (!s.Poll(300 * 1000, SelectMode.SelectRead))
                {
                    // 300 ms quiet: hello without newline?
                    if (len > 0 && AsHello(buf, len) != null)
                    {
                        Answer(s, buf, len);
                        return;
                    }
                    if (++quiet >= 100) return;
                    continue;
                }
                int n = s.Receive(buf, len, buf.Length - len, SocketFlags.None);
                if (n == 0)
                {   // client closed its side
                    if (len > 0 && buf[len - 1] == '\r') len--;
                    if (len > 0) Answer(s, buf, len);
                    return;
                }
                len += n;
                quiet = 0;
            }
        }
        catch (SocketException) { }     // reset by the client
        catch (ObjectDisposedException) { }
        finally
        {
            s.Close();
        }
    }

    static int Main(string[] args)
    {
        var w = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
        w.AutoFlush = true;
        Out = TextWriter.Synchronized(w);
        int port;
        if (args.Length != 1 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port < 1 || port > 65535)
        {
            Console.Error.WriteLine("usage: mono hellosrvCSharp.exe PORT");
            return 2;
        }
        TcpListener listener;
        try
        {
            listener = new TcpListener(IPAddress.IPv6Any, port);
            listener.Server.DualMode = true;   // IPv4 clients too
            listener.Start();
        }
        catch (Exception)
        {
            try
            {
                listener = new TcpListener(IPAddress.Any, port);
                listener.Start();
            }
            catch (SocketException e)
            {
                Console.Error.WriteLine("cannot listen on port " + port + ": " + e.Message);
                return 1;
            }
        }
        Console.Error.WriteLine("C# server listening on port " + port);
        Socket s = listener.AcceptSocket();
        Handle(s);
        listener.Stop();
        return 0;
    }
}
