// A HelloInternet client in C#: TcpClient tries every address HOST resolves to.
using System;
using System.IO;
using System.Net.Sockets;
using System.Text;

class HelloClient
{
    static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: mono HelloClient.exe HOST PORT");
            return 2;
        }
        string host = args[0].Trim('[', ']');
        try
        {
            using (var client = new TcpClient(host, int.Parse(args[1])))
            {
                NetworkStream stream = client.GetStream();
                stream.ReadTimeout = 10000;
                byte[] hello = Encoding.UTF8.GetBytes("Hello in C#\n");
                stream.Write(hello, 0, hello.Length);
                stream.Flush();
                string reply = new StreamReader(stream, new UTF8Encoding(false)).ReadLine();
                if (reply == null)
                {
                    Console.Error.WriteLine("client: the server closed the connection without a reply");
                    return 1;
                }
                Console.WriteLine(reply);
                return 0;
            }
        }
        catch (Exception e) when (e is SocketException || e is IOException)
        {
            Console.Error.WriteLine("client: cannot talk to " + host + " port " + args[1] + ": " + e.Message);
            return 1;
        }
    }
}
