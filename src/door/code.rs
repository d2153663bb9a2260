//! The room code and the address phones open.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};

/// Letters and digits nobody misreads: no 0/O, 1/I/L, 2/Z, 5/S or 8/B.
const ALPHABET: &[u8] = b"34679ACDEFGHJKMNPQRTUVWXY";
/// Five characters, as in `http://192.168.1.20:4312/r/7KQ2M`: about ten
/// million codes, against at most 120 guesses a minute from one address.
const LENGTH: usize = 5;

/// A random room code, or why the system would not give randomness.
pub fn new_code() -> Result<String, String> {
    let mut bytes = [0u8; LENGTH];
    getrandom::fill(&mut bytes).map_err(|e| format!("no randomness for a room code: {e}"))?;
    // 250 is a multiple of the alphabet's 25: no letter is likelier than another.
    let mut code = String::new();
    for mut b in bytes {
        while b >= 250 {
            let mut again = [0u8; 1];
            getrandom::fill(&mut again).map_err(|e| format!("no randomness: {e}"))?;
            b = again[0];
        }
        code.push(ALPHABET[b as usize % ALPHABET.len()] as char);
    }
    Ok(code)
}

/// A random key to sign phones' cookies with; it lives only in memory.
pub fn new_key() -> Result<[u8; 16], String> {
    let mut key = [0u8; 16];
    getrandom::fill(&mut key).map_err(|e| format!("no randomness for the door's key: {e}"))?;
    Ok(key)
}

/// The laptop's address on the room's network: the one it would reach
/// others from. Nothing is sent: a UDP socket only picks its route.
pub fn local_address() -> Option<IpAddr> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect((Ipv4Addr::new(192, 168, 0, 1), 9)).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified()).then_some(ip)
}

/// The address phones open: `http://HOST:PORT/r/CODE`.
pub fn address(at: SocketAddr, code: &str) -> String {
    format!("http://{at}/r/{code}")
}

/// The room code of an address made by `address`.
pub fn code_of(address: &str) -> Option<&str> {
    address.rsplit_once("/r/").map(|(_, code)| code).filter(|c| !c.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_five_unmistakable_characters_and_differ() {
        let a = new_code().unwrap();
        let b = new_code().unwrap();
        assert_eq!(a.len(), 5);
        assert!(a.bytes().all(|c| ALPHABET.contains(&c)), "{a}");
        assert_ne!(a, b, "two codes alike: about one chance in ten million");
        assert_eq!(ALPHABET.len(), 25);
    }

    #[test]
    fn an_address_holds_its_code() {
        let at: SocketAddr = "192.168.1.20:4312".parse().unwrap();
        let address = address(at, "7KQ2M");
        assert_eq!(address, "http://192.168.1.20:4312/r/7KQ2M");
        assert_eq!(code_of(&address), Some("7KQ2M"));
        let v6: SocketAddr = "[::1]:80".parse().unwrap();
        assert_eq!(code_of(&super::address(v6, "AB")), Some("AB"));
    }
}
