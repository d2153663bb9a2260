//! One way to round: every figure is computed from milliseconds and counts,
//! and rounded once, here, the same on every screen and in every report.
//! Equality is an index to two decimals (0.58); a share is a percentage on
//! screen and in prose (57%), and three decimals in JSON and CSV (0.571).

use serde::Serializer;

/// Hundredths, rounded half away from zero: 0.5751 is 58.
pub fn hundredths(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

/// An index as it is shown: "0.58".
pub fn index(x: f64) -> String {
    let h = hundredths(x);
    let sign = if h < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", h.abs() / 100, h.abs() % 100)
}

/// A share as it is shown: "57%".
pub fn percent(x: f64) -> String {
    format!("{}%", hundredths(x))
}

/// An index as JSON and CSV carry it: the number `index` shows.
pub fn index_value(x: f64) -> f64 {
    hundredths(x) as f64 / 100.0
}

/// A share as JSON and CSV carry it: three decimals, 4 of 7 is 0.571.
pub fn share_value(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

pub fn serialize_index<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(index_value(*x))
}

pub fn serialize_share<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(share_value(*x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounded_once_the_same_way() {
        assert_eq!(index(0.5751), "0.58");
        assert_eq!(index_value(0.5751), 0.58);
        assert_eq!(index(0.0), "0.00");
        assert_eq!(index(1.0), "1.00");
        assert_eq!(percent(4.0 / 7.0), "57%");
        assert_eq!(share_value(4.0 / 7.0), 0.571);
        assert_eq!(percent(0.125), "13%");
        // Rounded from the value, not from a value rounded before: 0.7249 is 0.72, not 0.73.
        assert_eq!(index(0.7249), "0.72");
    }
}
