//! Text as people type it: accents, CJK and emoji, measured by display width.

use unicode_width::UnicodeWidthChar;

/// A key for matching that ignores case and accents: "Zoë" and "zoe", "Łukasz" and "lukasz".
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text.trim()).to_lowercase()
}

/// How well `query` finds `name`, best first: a word of it starting so (0), or
/// somewhere inside it (1); None when it does not.
pub fn rank(name: &str, query: &str) -> Option<u8> {
    let (name, query) = (fold(name), fold(query));
    if query.is_empty() {
        return Some(0);
    }
    if name.split(|c: char| !c.is_alphanumeric()).any(|word| word.starts_with(&query))
        || name.starts_with(&query)
    {
        Some(0)
    } else if name.contains(&query) {
        Some(1)
    } else {
        None
    }
}

/// The people whose names best match what was typed, best first, then in seat order;
/// `roles` also lets a role match, after every name.
pub fn ranked<'a>(
    names: impl Iterator<Item = (&'a str, &'a str)>,
    query: &str,
    roles: bool,
) -> Vec<usize> {
    let mut found: Vec<(u8, usize)> = names
        .enumerate()
        .filter_map(|(i, (name, role))| match rank(name, query) {
            Some(r) => Some((r, i)),
            None if roles => rank(role, query).map(|r| (r + 2, i)),
            None => None,
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, i)| i).collect()
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
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > max && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
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
    fn folding_ignores_case_and_accents() {
        assert_eq!(rank("Zoë Clarke", "zoe"), Some(0));
        assert_eq!(rank("Łukasz Nowak", "lukasz"), Some(0));
        assert_eq!(rank("Siobhán Kelly", "SIOBHAN"), Some(0));
        assert_eq!(rank("Amina", "zoe"), None);
    }

    #[test]
    fn names_are_found_before_roles_and_word_starts_first() {
        let people = [
            ("José Álvarez", "commissioner"),
            ("Siobhán Kelly", "nurse"),
            ("Amina Yusuf", "resident"),
        ];
        assert_eq!(ranked(people.iter().copied(), "sio", true), [1, 0]);
        assert_eq!(ranked(people.iter().copied(), "sio", false), [1]);
        assert_eq!(ranked(people.iter().copied(), "alv", false), [0]);
        assert_eq!(ranked(people.iter().copied(), "", false), [0, 1, 2]);
        assert_eq!(
            ranked(people.iter().copied(), "in", false),
            [2],
            "inside a name, not at a word's start"
        );
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
    fn wrapping_by_display_width() {
        assert_eq!(wrap("a bench at the bus stop", 10), ["a bench at", "the bus", "stop"]);
        assert_eq!(wrap("日本語のテキストです", 6), ["日本語", "のテキ", "ストで", "す"]);
        assert_eq!(wrap("", 5), [""]);
        for line in wrap("🎉 party 🎉🎉🎉 time", 5) {
            assert!(width(&line) <= 5, "{line}");
        }
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(clean("a\u{1b}[31mb\tc\n"), "a[31mbc");
    }
}
