//! Who may come in, and how often: the phone's cookie, signed so that it
//! cannot be made up, and the limits on requests and ideas.

use std::collections::HashMap;
use std::hash::Hasher;
use std::net::IpAddr;
use std::time::{Duration, Instant};

use siphasher::sip128::{Hasher128, SipHasher24};

/// How often a phone may ask, and send an idea.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Requests a minute, from one phone (or, before it joins, one address).
    pub per_minute: u32,
    /// The least time between two ideas from one phone.
    pub idea_gap: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { per_minute: 120, idea_gap: Duration::from_secs(5) }
    }
}

/// Whose requests are counted together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Caller {
    Device(u32),
    Address(IpAddr),
    /// No address known (a test calling the handler directly).
    Unknown,
}

pub struct Guard {
    limits: Limits,
    /// The key that signs cookies: random, and only in memory.
    key: [u8; 16],
    /// Each caller's window: when it began and how many requests since.
    windows: HashMap<Caller, (Instant, u32)>,
    last_idea: HashMap<u32, Instant>,
}

/// Callers remembered at most, before the stale ones are let go.
const REMEMBERED: usize = 4_096;

impl Guard {
    pub fn new(limits: Limits, key: [u8; 16]) -> Guard {
        Guard { limits, key, windows: HashMap::new(), last_idea: HashMap::new() }
    }

    /// Counts a request; false when the caller has asked too often this minute.
    pub fn allow(&mut self, caller: Caller, now: Instant) -> bool {
        const MINUTE: Duration = Duration::from_secs(60);
        if self.windows.len() >= REMEMBERED {
            self.windows.retain(|_, (since, _)| now.duration_since(*since) < MINUTE);
        }
        let window = self.windows.entry(caller).or_insert((now, 0));
        if now.duration_since(window.0) >= MINUTE {
            *window = (now, 0);
        }
        window.1 = window.1.saturating_add(1);
        window.1 <= self.limits.per_minute
    }

    /// The least time between two ideas from one phone.
    pub fn idea_gap(&self) -> Duration {
        self.limits.idea_gap
    }

    /// Whether `device` may send an idea now; if not, how long until it may.
    pub fn idea_wait(&self, device: u32, now: Instant) -> Option<Duration> {
        let last = self.last_idea.get(&device)?;
        let since = now.duration_since(*last);
        (since < self.limits.idea_gap).then(|| self.limits.idea_gap - since)
    }

    /// Notes an idea saved from `device`.
    pub fn idea_sent(&mut self, device: u32, now: Instant) {
        if self.last_idea.len() >= REMEMBERED {
            let gap = self.limits.idea_gap;
            self.last_idea.retain(|_, at| now.duration_since(*at) < gap);
        }
        self.last_idea.insert(device, now);
    }

    /// Takes back the note of an idea that was not saved after all.
    pub fn idea_unsent(&mut self, device: u32) {
        self.last_idea.remove(&device);
    }

    fn sign(&self, device: u32) -> String {
        let mut hasher = SipHasher24::new_with_key(&self.key);
        hasher.write(b"roundtable door device");
        hasher.write_u32(device);
        format!("{:032x}", hasher.finish128().as_u128())
    }

    /// The cookie's value for `device`: its number, signed.
    pub fn cookie(&self, device: u32) -> String {
        format!("{device}.{}", self.sign(device))
    }

    /// The device a cookie's value names, if it is one this door signed.
    pub fn device(&self, value: &str) -> Option<u32> {
        let (device, signature) = value.split_once('.')?;
        let device: u32 = device.parse().ok()?;
        // Compared in full whatever differs, so timing says nothing of the key.
        let expected = self.sign(device);
        let same = expected.len() == signature.len()
            && expected.bytes().zip(signature.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0;
        same.then_some(device)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cookie_names_its_device_and_no_other() {
        let guard = Guard::new(Limits::default(), [7; 16]);
        let cookie = guard.cookie(3);
        assert_eq!(guard.device(&cookie), Some(3));
        let forged = cookie.replacen("3.", "4.", 1);
        assert_eq!(guard.device(&forged), None);
        assert_eq!(Guard::new(Limits::default(), [8; 16]).device(&cookie), None);
        assert_eq!(guard.device("3"), None);
        assert_eq!(guard.device(""), None);
    }

    #[test]
    fn requests_beyond_the_limit_wait_for_the_next_minute() {
        let limits = Limits { per_minute: 3, idea_gap: Duration::from_secs(5) };
        let mut guard = Guard::new(limits, [0; 16]);
        let start = Instant::now();
        let phone = Caller::Device(1);
        assert!((0..3).all(|_| guard.allow(phone, start)));
        assert!(!guard.allow(phone, start));
        assert!(guard.allow(Caller::Device(2), start), "each phone counts on its own");
        assert!(guard.allow(phone, start + Duration::from_secs(61)));
    }

    #[test]
    fn ideas_are_spaced() {
        let mut guard = Guard::new(Limits::default(), [0; 16]);
        let start = Instant::now();
        assert_eq!(guard.idea_wait(1, start), None);
        guard.idea_sent(1, start);
        assert_eq!(
            guard.idea_wait(1, start + Duration::from_secs(2)),
            Some(Duration::from_secs(3))
        );
        assert_eq!(guard.idea_wait(2, start), None);
        assert_eq!(guard.idea_wait(1, start + Duration::from_secs(5)), None);
    }
}
