//! The door's server on loopback, without a console: a slow client is let go,
//! a flood of connections past the cap is turned away, and the door still
//! answers an honest phone afterwards.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use roundtable::door::ask::Reply;
use roundtable::door::guard::Limits;
use roundtable::door::server::{MOST_CONNECTIONS, Server, Shared};
use roundtable::door::view::View;

/// A server whose "console" refuses everything, counting what reaches it.
fn server() -> (Server, Arc<AtomicUsize>) {
    let asked = Arc::new(AtomicUsize::new(0));
    let counted = asked.clone();
    let send = Box::new(move |request: roundtable::door::server::Request| {
        counted.fetch_add(1, Ordering::SeqCst);
        let _ = request.reply.send(Reply::Refused("not now".into()));
        true
    });
    let shared = Arc::new(Shared::new("AAAAA", Limits::default(), [1; 16], send));
    shared.show(View { open: true, title: "Test".into(), ..View::default() });
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    (Server::start(listener, shared).unwrap(), asked)
}

fn get(host: std::net::SocketAddr, path: &str) -> String {
    let mut stream = TcpStream::connect(host).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let text = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    stream.write_all(text.as_bytes()).unwrap();
    let mut out = String::new();
    let _ = stream.read_to_string(&mut out);
    out
}

/// Waits for the server to close this connection (the end read, or a reset),
/// and returns what it sent before; panics if it never does.
fn closed(stream: &mut TcpStream) -> Vec<u8> {
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut got = Vec::new();
    let mut bytes = [0u8; 1024];
    loop {
        match stream.read(&mut bytes) {
            Ok(0) => return got,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => panic!("never closed"),
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => panic!("never closed"),
            Err(_) => return got,
            Ok(n) => got.extend_from_slice(&bytes[..n]),
        }
    }
}

#[test]
fn a_slow_client_is_let_go_and_the_door_still_answers() {
    let (server, asked) = server();
    let host = server.local;
    // Half a request's head, and then nothing: the server stops waiting.
    let mut slow = TcpStream::connect(host).unwrap();
    slow.write_all(b"GET /r/AAAAA HTTP/1.1\r\nHost: x\r\n").unwrap();
    let said = closed(&mut slow);
    assert!(!String::from_utf8_lossy(&said).contains("200 OK"), "nothing served to half a head");
    let page = get(host, "/r/AAAAA");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("Stay anonymous"), "{page}");
    assert_eq!(asked.load(Ordering::SeqCst), 0, "a page costs the console nothing");
}

#[test]
fn connections_past_the_cap_are_turned_away_and_room_comes_back() {
    let (server, _) = server();
    let host = server.local;
    let idle: Vec<TcpStream> =
        (0..MOST_CONNECTIONS).map(|_| TcpStream::connect(host).unwrap()).collect();
    // Give the server time to take them all.
    std::thread::sleep(Duration::from_millis(500));
    let mut one_more = TcpStream::connect(host).unwrap();
    one_more.write_all(b"GET /r/AAAAA HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    assert!(closed(&mut one_more).is_empty(), "past the cap, a connection is closed unanswered");
    drop(idle);
    // The idle ones gone, an honest phone is answered again.
    let mut page = String::new();
    for _ in 0..50 {
        page = get(host, "/r/AAAAA");
        if page.starts_with("HTTP/1.1 200") {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(get(host, "/r/AAAAB").starts_with("HTTP/1.1 403"));
}
