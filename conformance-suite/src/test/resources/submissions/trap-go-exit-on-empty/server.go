// server.go - HelloInternet server in Go (one goroutine per client)
// go build -o server server.go && ./server PORT
package main

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"net"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

func isHello(b []byte) bool {
	if !utf8.Valid(b) || !bytes.HasPrefix(b, []byte("Hello in ")) {
		return false
	}
	x := string(b[9:])
	if n := utf8.RuneCountInString(x); n < 1 || n > 64 {
		return false
	}
	return strings.IndexFunc(x, func(r rune) bool {
		return unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp, unicode.Cc, unicode.Cf)
	}) < 0
}

func answer(c net.Conn, line []byte) {
	if isHello(line) {
		fmt.Println(string(line))
		c.Write([]byte("Goodbye in Go\n"))
	} else {
		c.Write([]byte("Error: expected \"Hello in <language>\"\n"))
	}
}

func handleConnection(c net.Conn) {
	defer c.Close()
	var buf []byte
	tmp := make([]byte, 1024)
	total := 0
	quiet := 0
	for {
		for {
			i := bytes.IndexByte(buf, '\n')
			if i < 0 {
				break
			}
			line := bytes.TrimSuffix(buf[:i], []byte{'\r'})
			buf = buf[i+1:]
			if len(line) == 0 {
				continue
			}
			if len(line) > 1024 {
				c.Write([]byte("Error: line longer than 1024 bytes\n"))
			} else {
				answer(c, line)
			}
			return
		}
		if len(buf) > 1025 {
			c.Write([]byte("Error: line longer than 1024 bytes\n"))
			return
		}
		c.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
		n, err := c.Read(tmp)
		total += n
		buf = append(buf, tmp[:n]...)
		if n > 0 {
			quiet = 0
			continue
		}
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			if len(buf) > 0 && isHello(buf) {
				answer(c, buf)
				return
			}
			if quiet++; quiet > 100 {
				return
			}
			continue
		}
		if total == 0 {
			// client connected and sent nothing?? something is wrong
			log.Fatal("read error: ", err)
		}
		line := bytes.TrimSuffix(buf, []byte{'\r'})
		if len(line) > 0 {
			answer(c, line)
		}
		return
	}
}

func main() {
	if len(os.Args) < 2 {
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
		log.Fatal(err)
	}
	log.Println("listening on", ln.Addr())
	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Println(err)
			continue
		}
		go handleConnection(conn)
	}
}
