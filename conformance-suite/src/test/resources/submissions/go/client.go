// A HelloInternet client in Go: net.Dial tries every address HOST resolves to.
package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"strings"
	"time"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: client HOST PORT")
		os.Exit(2)
	}
	host := strings.TrimSuffix(strings.TrimPrefix(os.Args[1], "["), "]")
	conn, err := net.DialTimeout("tcp", net.JoinHostPort(host, os.Args[2]), 10*time.Second)
	if err != nil {
		fmt.Fprintln(os.Stderr, "client:", err)
		os.Exit(1)
	}
	defer conn.Close()
	conn.SetReadDeadline(time.Now().Add(10 * time.Second)) // give up on a server that never answers
	conn.Write([]byte("Hello in Go\n"))
	reply, err := bufio.NewReader(conn).ReadString('\n')
	if reply == "" {
		fmt.Fprintln(os.Stderr, "client: no reply:", err)
		os.Exit(1)
	}
	fmt.Println(strings.TrimSuffix(strings.TrimSuffix(reply, "\n"), "\r"))
}
