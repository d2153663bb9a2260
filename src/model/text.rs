//! Text as people type it: accents, CJK and emoji, measured by display width.

use unicode_width::UnicodeWidthChar;

/// A key for matching that ignores case and accents: "Zoë" and "zoe", "Łukasz" and "lukasz".
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text.trim()).to_lowercase()
}

/// Whether `query` matches `name`, ignoring case and accents.
pub fn matches(name: &str, query: &str) -> bool {
    fold(name).contains(&fold(query))
}

/// Drops control characters (a stray Tab or escape sequence must not reach the screen or the file).
pub fn clean(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// A URL- and file-safe name: "Community health co-design" → "community-health-co-design".
pub fn slug(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut slug = String::new();
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_matches('-').to_string();
    if slug.len() > 48 {
        // Cut at a word's end, not in the middle of one.
        slug.truncate(48);
        if let Some(end) = slug.rfind('-') {
            slug.truncate(end);
        }
    }
    if slug.is_empty() { "workshop".into() } else { slug }
}

/// Display width in terminal columns.
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Cuts to at most `max` columns, ending with "…" when something was cut.
pub fn cut(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert!(matches("Zoë Clarke", "zoe"));
        assert!(matches("Łukasz Nowak", "lukasz"));
        assert!(matches("Siobhán Kelly", "SIOBHAN"));
        assert!(!matches("Amina", "zoe"));
    }

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(slug("Community health co-design"), "community-health-co-design");
        assert_eq!(slug("  Café: what's next?  "), "cafe-what-s-next");
        assert_eq!(slug("!!!"), "workshop");
    }

    #[test]
    fn cutting_respects_display_width() {
        assert_eq!(cut("日本語のテキスト", 7), "日本語…");
        assert_eq!(cut("short", 10), "short");
        assert_eq!(width(&cut("🎉🎉🎉🎉", 5)), 5);
        assert_eq!(cut("abc", 0), "");
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(clean("a\u{1b}[31mb\tc\n"), "a[31mbc");
    }
}
