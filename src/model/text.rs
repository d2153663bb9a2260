//! Text as people type it: accents, CJK and emoji, measured by display width.

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
        // Punctuation aside: "obrien" finds O'Brien, "annemarie" Anne-Marie.
        let squash = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
        let (name, query) = (squash(&name), squash(&query));
        if query.is_empty() {
            None
        } else if name.starts_with(&query) {
            Some(0)
        } else {
            name.contains(&query).then_some(1)
        }
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

/// Drops control characters and bidirectional overrides (a stray Tab, an
/// escape sequence or a right-to-left override must not reach the screen or the file).
pub fn clean(text: &str) -> String {
    text.chars().filter(|&c| !unsafe_char(c)).collect()
}

/// A character that must never reach a terminal as it is: a control character
/// (escape sequences, `\r`) or a bidirectional override or isolate, which
/// reorders what follows it on screen.
pub fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The text with every unsafe character written out as `\u{1b}`, so that a file
/// recorded before they were refused is shown, never obeyed.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The first unsafe character in `text`, said for a message: "U+001B".
pub fn first_unsafe(text: &str) -> Option<String> {
    text.chars().find(|&c| unsafe_char(c)).map(|c| format!("U+{:04X}", c as u32))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(rank("Zoë Clarke", "zoe"), Some(0));
        assert_eq!(rank("Łukasz Nowak", "lukasz"), Some(0));
        assert_eq!(rank("Siobhán Kelly", "SIOBHAN"), Some(0));
        assert_eq!(rank("Amina", "zoe"), None);
        assert_eq!(rank("Siobhán O'Brien", "obrien"), Some(1));
        assert_eq!(rank("O'Brien", "obrien"), Some(0));
        assert_eq!(rank("Anne-Marie Kelly", "annemarie"), Some(0));
        assert_eq!(rank("Anne-Marie", "o'b"), None);
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
    fn control_characters_are_dropped() {
        assert_eq!(clean("a\u{1b}[31mb\tc\n"), "a[31mbc");
        assert_eq!(clean("abc\u{202e}def\u{2066}g"), "abcdefg");
    }

    #[test]
    fn unsafe_characters_are_shown_not_obeyed() {
        assert_eq!(visible("Bob\u{1b}]0;PWNED\u{7}"), "Bob\\u{1b}]0;PWNED\\u{7}");
        assert_eq!(visible("\u{202e}olleh"), "\\u{202e}olleh");
        assert_eq!(visible("Zoë 王芳"), "Zoë 王芳");
        assert_eq!(first_unsafe("a\rb").as_deref(), Some("U+000D"));
    }
}
