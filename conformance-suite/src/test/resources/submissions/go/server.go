// A HelloInternet server in Go: one goroutine per connection; a 300 ms read deadline is the quiet period.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"regexp"
	"strconv"
	"time"
)

var hello = regexp.MustCompile(`^Hello in [^\s\x00-\x1f\x7f]{1,64}$`)

func answer(conn net.Conn, line []byte) {
	if hello.Match(line) {
		fmt.Println(string(line)) // os.Stdout is not buffered
		conn.Write([]byte("Goodbye in Go\n"))
	} else {
		fmt.Fprintf(conn, "Error: expected \"Hello in <language>\", got %q\n", string(line[:min(len(line), 100)]))
	}
}

func min(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func handle(conn net.Conn) {
	defer conn.Close()
	var buf []byte
	data := make([]byte, 1024)
	idle := 0 * time.Millisecond
	for {
		conn.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
		n, err := conn.Read(data)
		buf = append(buf, data[:n]...)
		if n > 0 {
			idle = 0
		}
		for {
			i := bytes.IndexByte(buf, '\n')
			if i < 0 {
				break
			}
			line := bytes.TrimSuffix(buf[:i], []byte("\r"))
			buf = buf[i+1:]
			if len(line) > 0 { // empty lines are ignored
				answer(conn, line)
				return
			}
		}
		if len(buf) > 1024 {
			conn.Write([]byte("Error: line longer than 1024 bytes\n"))
			return
		}
		rest := bytes.TrimSuffix(buf, []byte("\r"))
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() { // quiet period: a complete hello without LF?
			if hello.Match(rest) {
				answer(conn, rest)
				return
			}
			if idle += 300 * time.Millisecond; idle > 30*time.Second {
				return
			}
		} else if err != nil { // closed, half-closed or reset
			if len(rest) > 0 {
				answer(conn, rest)
			}
			return
		}
	}
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: server PORT")
		os.Exit(2)
	}
	port, err := strconv.Atoi(os.Args[1])
	if err != nil || port < 1 || port > 65535 {
		fmt.Fprintln(os.Stderr, "usage: server PORT")
		os.Exit(2)
	}
	ln, err := net.Listen("tcp", fmt.Sprintf(":%d", port))
	if err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
	fmt.Fprintln(os.Stderr, "listening on port", port)
	for {
		conn, err := ln.Accept()
		if err == nil {
			go handle(conn)
		}
	}
}
