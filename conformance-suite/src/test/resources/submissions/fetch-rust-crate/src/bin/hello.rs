// A HelloInternet client in Rust: tries every address HOST resolves to, in order.
use std::io::{BufRead, BufReader, ErrorKind, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::process::exit;
use std::time::Duration;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: ./hello HOST PORT");
        exit(2);
    }
    let host = args[1].trim_start_matches('[').trim_end_matches(']');
    let port: u16 = match args[2].parse() {
        Ok(p) => p,
        Err(_) => {
            eprintln!("client: not a port: {}", args[2]);
            exit(2);
        }
    };
    let addresses = match (host, port).to_socket_addrs() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("client: cannot resolve {}: {}", host, e);
            exit(1);
        }
    };
    let mut last = String::from("no address");
    for address in addresses {
        let mut conn = match TcpStream::connect_timeout(&address, Duration::from_secs(10)) {
            Ok(c) => c,
            Err(e) => {
                last = e.to_string(); // refused: try the next address
                continue;
            }
        };
        let _ = conn.set_read_timeout(Some(Duration::from_secs(10)));
        if let Err(e) = conn.write_all(b"Hello in Rust\n") {
            eprintln!("client: cannot send: {}", e);
            exit(1);
        }
        let mut reply = Vec::new();
        match BufReader::new(&conn).read_until(b'\n', &mut reply) {
            Ok(0) => {
                eprintln!("client: the server closed the connection without a reply");
                exit(1);
            }
            Ok(_) => {
                let text = String::from_utf8_lossy(&reply);
                println!("{}", text.trim_end_matches('\n').trim_end_matches('\r'));
                return;
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock || e.kind() == ErrorKind::TimedOut => {
                eprintln!("client: no reply from {} port {} within 10 s", host, port);
                exit(1);
            }
            Err(e) => {
                eprintln!("client: {}", e);
                exit(1);
            }
        }
    }
    eprintln!("client: cannot connect to {} port {}: {}", host, port, last);
    exit(1);
}
