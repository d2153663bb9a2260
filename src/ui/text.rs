//! Text laid out in terminal columns: cut to fit with "…", padded, wrapped;
//! by graphemes, as the screen lays them out.

use unicode_segmentation::UnicodeSegmentation;

use crate::model::text::width;

/// Cuts to at most `max` columns, ending with "…" when something was cut.
pub fn cut(text: &str, max: usize) -> String {
    // No character takes more columns than it has bytes, and most lines a
    // frame draws are short: those need no measuring.
    if text.len() <= max || width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    // By graphemes, as the screen lays them out: a family emoji joined by
    // zero-width joiners, or a letter with stacked accents, is one piece.
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = width(g);
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// Exactly `w` columns: cut with "…" if longer, filled with spaces if shorter.
pub fn pad(text: &str, w: usize) -> String {
    let cut = cut(text, w);
    let fill = w.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(fill))
}

/// Wraps to lines of at most `max` columns: at spaces where it can, inside a
/// word only when one is wider than a line (as CJK text, which has no spaces, often is).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split(' ') {
        let w = width(word);
        if used > 0 && used + 1 + w <= max {
            line.push(' ');
            line.push_str(word);
            used += 1 + w;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        for g in word.graphemes(true) {
            let gw = width(g);
            if used + gw > max && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push_str(g);
            used += gw;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutting_respects_display_width() {
        assert_eq!(cut("日本語のテキスト", 7), "日本語…");
        assert_eq!(cut("short", 10), "short");
        assert_eq!(width(&cut("🎉🎉🎉🎉", 5)), 5);
        assert_eq!(cut("abc", 0), "");
    }
    #[test]
    fn wrapping_by_display_width() {
        assert_eq!(wrap("a bench at the bus stop", 10), ["a bench at", "the bus", "stop"]);
        assert_eq!(wrap("日本語のテキストです", 6), ["日本語", "のテキ", "ストで", "す"]);
        assert_eq!(wrap("", 5), [""]);
        for line in wrap("🎉 party 🎉🎉🎉 time", 5) {
            assert!(width(&line) <= 5, "{line}");
        }
    }
    #[test]
    fn joined_emoji_and_stacked_accents_are_measured_as_the_screen_lays_them_out() {
        let family = "Family 👨\u{200d}👩\u{200d}👧 Zoë";
        let zalgo = "Z\u{338}\u{322}\u{31b}\u{317}a\u{335}\u{331}\u{35d}lgo";
        for name in [family, zalgo] {
            for w in 1..=width(name) + 2 {
                assert_eq!(width(&pad(name, w)), w, "{name:?} padded to {w}");
                assert!(width(&cut(name, w)) <= w, "{name:?} cut to {w}");
                for line in wrap(name, w) {
                    assert!(width(&line) <= w.max(2), "{name:?} wrapped to {w}: {line:?}");
                }
            }
        }
        // Never split inside a grapheme: the family stays whole or goes.
        assert_eq!(cut(family, 10), "Family 👨\u{200d}👩\u{200d}👧…");
        assert_eq!(cut(family, 9), "Family …");
    }

    #[test]
    fn no_text_is_wider_than_its_bytes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("{c}\u{FE0F}"), format!("{c}\u{20E3}")] {
                assert!(width(&text) <= text.len(), "{text:?}");
            }
        }
    }
}
