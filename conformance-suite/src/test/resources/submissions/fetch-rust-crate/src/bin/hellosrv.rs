// A HelloInternet server in Rust whose reply comes from the crate greeting (served from a loopback registry in
// the tests): one thread per connection; a 300 ms read timeout is the quiet period.
use std::io::{ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::exit;
use std::thread;
use std::time::Duration;

fn is_hello(line: &str) -> bool {
    match line.strip_prefix("Hello in ") {
        Some(lang) => {
            let n = lang.chars().count();
            n >= 1 && n <= 64 && lang.chars().all(|c| !c.is_whitespace() && !c.is_control() && c != '\u{fffd}')
        }
        None => false,
    }
}

fn strip_cr(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes).into_owned();
    s.strip_suffix('\r').map(str::to_owned).unwrap_or(s)
}

fn answer(conn: &mut TcpStream, line: &str) {
    let reply = if is_hello(line) {
        println!("{}", line);
        format!("{}\n", greeting::goodbye())
    } else {
        let got: String = line.chars().take(100).collect();
        format!("Error: expected \"Hello in <language>\", got \"{}\"\n", got)
    };
    let _ = conn.write_all(reply.as_bytes());
}

fn handle(mut conn: TcpStream) {
    let _ = conn.set_read_timeout(Some(Duration::from_millis(300)));
    let mut buf: Vec<u8> = Vec::new();
    let mut idle_ms = 0;
    let mut byte = [0u8; 1];
    loop {
        match conn.read(&mut byte) {
            Ok(0) => {
                // the client closed (or half-closed) its side
                let rest = strip_cr(&buf);
                if !rest.is_empty() {
                    answer(&mut conn, &rest);
                }
                return;
            }
            Ok(_) => {
                idle_ms = 0;
                if byte[0] == b'\n' {
                    let line = strip_cr(&buf);
                    buf.clear();
                    if !line.is_empty() {
                        answer(&mut conn, &line);
                        return;
                    }
                } else if buf.len() >= 1024 {
                    let _ = conn.write_all(b"Error: line longer than 1024 bytes\n");
                    return;
                } else {
                    buf.push(byte[0]);
                }
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock || e.kind() == ErrorKind::TimedOut => {
                // quiet period: a complete hello without LF?
                let rest = strip_cr(&buf);
                if is_hello(&rest) {
                    answer(&mut conn, &rest);
                    return;
                }
                idle_ms += 300;
                if idle_ms > 30_000 {
                    return;
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => {
                eprintln!("connection error: {}", e);
                return;
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let port: u16 = match args.get(1).map(|p| p.parse::<u16>()) {
        Some(Ok(p)) if args.len() == 2 && p > 0 => p,
        _ => {
            eprintln!("usage: ./hellosrv PORT");
            exit(2);
        }
    };
    let listener = match TcpListener::bind(("0.0.0.0", port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("server: cannot listen on port {}: {}", port, e);
            exit(1);
        }
    };
    eprintln!("listening on port {}", port);
    for conn in listener.incoming() {
        match conn {
            Ok(c) => {
                thread::spawn(move || handle(c));
            }
            Err(e) => eprintln!("accept: {}", e),
        }
    }
}
