//! How long something lasts, as a facilitator writes it: "90s", "10m", "1h 30m".

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// Milliseconds since the session began. Offsets come from a monotonic clock,
/// so a wall-clock jump never bends a duration.
pub type Ms = u64;

/// Anything longer than this is far more likely a typo than a plan.
const LONGEST: Duration = Duration::from_secs(24 * 60 * 60);

/// A planned length, whole seconds, between one second and a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Length(Duration);

impl Length {
    pub fn from_secs(secs: u64) -> Self {
        Length(Duration::from_secs(secs))
    }

    pub fn ms(self) -> Ms {
        self.0.as_millis() as Ms
    }

    pub fn secs(self) -> u64 {
        self.0.as_secs()
    }

    /// Parses what a person typed, or says in words what was expected.
    pub fn parse(text: &str) -> Result<Length, String> {
        let trimmed = text.trim();
        if trimmed.starts_with('-') {
            return Err(format!(
                "a duration cannot be negative: found \"{text}\"; write it as \"10m\""
            ));
        }
        let parsed = humantime::parse_duration(trimmed).map_err(|_| {
            format!(
                "a duration such as \"90s\", \"10m\" or \"1h 30m\", found \"{}\"",
                text.escape_debug()
            )
        })?;
        if parsed.is_zero() {
            return Err(format!("a duration longer than zero, found \"{text}\""));
        }
        if parsed.subsec_nanos() != 0 {
            return Err(format!("a duration in whole seconds, found \"{text}\""));
        }
        if parsed > LONGEST {
            // humantime reads "M" as months: an easy slip for minutes.
            if trimmed.contains('M') {
                return Err(format!(
                    "a duration of a day or less, found \"{text}\": \"M\" means months; minutes are \"m\", as in \"{}\"",
                    trimmed.replace('M', "m")
                ));
            }
            return Err(format!("a duration of a day or less, found \"{text}\""));
        }
        Ok(Length(parsed))
    }
}

impl fmt::Display for Length {
    /// The shortest form that reads back the same: "1h 30m", "90s" stays "1m 30s".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.0.as_secs();
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
        let mut parts = Vec::new();
        if h > 0 {
            parts.push(format!("{h}h"));
        }
        if m > 0 {
            parts.push(format!("{m}m"));
        }
        if s > 0 {
            parts.push(format!("{s}s"));
        }
        f.write_str(&parts.join(" "))
    }
}

impl Serialize for Length {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Length {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Length;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a duration in quotes, such as \"90s\", \"10m\" or \"1h 30m\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Length, E> {
                Length::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// A clock face for a span of time: "07:05", or "1:02:03" past an hour.
pub fn clock(ms: Ms) -> String {
    let secs = ms / 1000;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 { format!("{h}:{m:02}:{s:02}") } else { format!("{m:02}:{s:02}") }
}

/// A span in words for the status line: "20 minutes", "1 minute 30 seconds".
pub fn in_words(ms: Ms) -> String {
    let secs = ms / 1000;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let unit = |n: u64, one: &str| {
        if n == 1 { format!("1 {one}") } else { format!("{n} {one}s") }
    };
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(unit(h, "hour"));
    }
    if m > 0 {
        parts.push(unit(m, "minute"));
    }
    if s > 0 || parts.is_empty() {
        parts.push(unit(s, "second"));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_facilitators_write() {
        assert_eq!(Length::parse("90s").map(Length::secs), Ok(90));
        assert_eq!(Length::parse("10m").map(Length::secs), Ok(600));
        assert_eq!(Length::parse("1h 30m").map(Length::secs), Ok(5400));
        assert_eq!(Length::parse(" 2m ").map(Length::secs), Ok(120));
    }

    #[test]
    fn refuses_impossible_durations() {
        assert!(Length::parse("0m").unwrap_err().contains("longer than zero"));
        assert!(Length::parse("-5m").unwrap_err().contains("negative"));
        assert!(Length::parse("ten minutes").unwrap_err().contains("\"90s\""));
        assert!(Length::parse("1500ms").unwrap_err().contains("whole seconds"));
        assert!(Length::parse("25h").unwrap_err().contains("a day or less"));
        assert!(Length::parse("").is_err());
    }

    #[test]
    fn writes_back_what_it_reads() {
        for text in ["90s", "10m", "1h 30m", "2h", "1h 1m 1s"] {
            let length = Length::parse(text).unwrap();
            assert_eq!(Length::parse(&length.to_string()), Ok(length));
        }
        assert_eq!(Length::from_secs(90).to_string(), "1m 30s");
    }

    #[test]
    fn clock_faces_and_words() {
        assert_eq!(clock(0), "00:00");
        assert_eq!(clock(425_999), "07:05");
        assert_eq!(clock(3_723_000), "1:02:03");
        assert_eq!(in_words(1_200_000), "20 minutes");
        assert_eq!(in_words(90_000), "1 minute 30 seconds");
        assert_eq!(in_words(0), "0 seconds");
    }
}
