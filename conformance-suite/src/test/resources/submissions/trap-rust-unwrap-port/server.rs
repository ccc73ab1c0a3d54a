// server.rs - HelloInternet server, Rust std only (a thread per client)
// rustc -O server.rs && ./server PORT
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::process;
use std::thread;
use std::time::Duration;

const LANGUAGE: &str = "Rust";

// Unicode format characters (Cf) - Rust has no built-in test for them
fn is_format(c: char) -> bool {
    let c = c as u32;
    matches!(c, 0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x890..=0x891 | 0x8e2 | 0x180e
        | 0x200b..=0x200f | 0x202a..=0x202e | 0x2060..=0x2064 | 0x2066..=0x206f | 0xfeff
        | 0xfff9..=0xfffb | 0x110bd | 0x110cd | 0x13430..=0x1343f | 0x1bca0..=0x1bca3
        | 0x1d173..=0x1d17a | 0xe0001 | 0xe0020..=0xe007f)
}

/// Some(language) if the bytes are a hello
fn hello_language(b: &[u8]) -> Option<&str> {
    let s = std::str::from_utf8(b).ok()?;
    let x = s.strip_prefix("Hello in ")?;
    let n = x.chars().count();
    if n < 1 || n > 64 {
        return None;
    }
    if x.chars().any(|c| c.is_whitespace() || c.is_control() || is_format(c)) {
        return None;
    }
    Some(x)
}

fn answer(s: &mut TcpStream, line: &[u8], _ip: &str) {
    match hello_language(line) {
        Some(_) => {
            println!("{}", String::from_utf8_lossy(line));
            let _ = s.write_all(format!("Goodbye in {}\n", LANGUAGE).as_bytes());
        }
        None => {
            let _ = s.write_all(b"Error: expected \"Hello in <language>\"\n");
        }
    }
}

fn strip_cr(b: &[u8]) -> &[u8] {
    b.strip_suffix(b"\r").unwrap_or(b)
}

fn handle(mut s: TcpStream, addr: SocketAddr) {
    let ip = match addr.ip() {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(), // IPv4 client on the IPv6 socket
            None => v6.to_string(),
        },
        IpAddr::V4(v4) => v4.to_string(),
    };
    let _ = s.set_read_timeout(Some(Duration::from_millis(300)));
    let mut buf: Vec<u8> = Vec::with_capacity(1200);
    let mut tmp = [0u8; 4096];
    let mut quiet = 0;
    loop {
        while let Some(i) = buf.iter().position(|&b| b == b'\n') {
            let line = strip_cr(&buf[..i]).to_vec();
            buf.drain(..=i);
            if line.is_empty() {
                continue; // empty line before the hello
            }
            if line.len() > 1024 {
                let _ = s.write_all(b"Error: line longer than 1024 bytes\n");
            } else {
                answer(&mut s, &line, &ip);
            }
            return;
        }
        if buf.len() > 1025 {
            let _ = s.write_all(b"Error: line longer than 1024 bytes\n");
            return;
        }
        match s.read(&mut tmp) {
            Ok(0) => {
                // client half-closed: what we have is the hello
                let line = strip_cr(&buf).to_vec();
                if !line.is_empty() {
                    answer(&mut s, &line, &ip);
                }
                return;
            }
            Ok(n) => {
                buf.extend_from_slice(&tmp[..n]);
                quiet = 0;
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock || e.kind() == ErrorKind::TimedOut => {
                // 300 ms quiet: hello without newline?
                if !buf.is_empty() && hello_language(&buf).is_some() {
                    let line = buf.clone();
                    answer(&mut s, &line, &ip);
                    return;
                }
                quiet += 1;
                if quiet >= 100 {
                    return;
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => return, // reset
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let port = args[1].parse::<u16>().unwrap();
    let listener = match TcpListener::bind(("::", port)).or_else(|_| TcpListener::bind(("0.0.0.0", port))) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot listen on port {}: {}", port, e);
            process::exit(1);
        }
    };
    eprintln!("Rust server listening on port {}", port);
    loop {
        if let Ok((s, addr)) = listener.accept() {
            thread::spawn(move || handle(s, addr));
        }
    }
}
