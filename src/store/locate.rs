//! Finds where a value sits in RON text, given its path (`stages[2].focus[0]`),
//! so that errors found after parsing can still point at a line and column.

/// A 1-based line and column (in characters), as ron counts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl Position {
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let before = &text[..offset.min(text.len())];
        let line = 1 + before.matches('\n').count();
        let col = 1 + before.rsplit('\n').next().map_or(0, |l| l.chars().count());
        Position { line, col }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Open,
    Close,
    Comma,
    Colon,
    Text,
    Word,
}

#[derive(Clone, Copy, Debug)]
struct Token<'a> {
    kind: Kind,
    text: &'a str,
    start: usize,
}

/// A forgiving tokenizer: it never fails, it just stops at the end.
struct Tokens<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Tokens<'a> {
    fn new(src: &'a str) -> Self {
        Tokens { src, pos: 0 }
    }

    fn skip_space_and_comments(&mut self) {
        let bytes = self.src.as_bytes();
        loop {
            while self.pos < bytes.len() && (bytes[self.pos] as char).is_ascii_whitespace() {
                self.pos += 1;
            }
            let rest = &self.src[self.pos..];
            if rest.starts_with("//") {
                self.pos += rest.find('\n').unwrap_or(rest.len());
            } else if rest.starts_with("/*") {
                let mut depth = 0usize;
                let mut i = 0;
                let b = rest.as_bytes();
                while i < b.len() {
                    if b[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if b[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                self.pos += i;
            } else {
                return;
            }
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        self.skip_space_and_comments();
        let start = self.pos;
        let rest = &self.src[start..];
        let first = rest.chars().next()?;
        let (kind, len) = match first {
            '(' | '[' | '{' => (Kind::Open, 1),
            ')' | ']' | '}' => (Kind::Close, 1),
            ',' => (Kind::Comma, 1),
            ':' => (Kind::Colon, 1),
            '"' => (Kind::Text, quoted_len(rest)),
            'r' if rest.starts_with("r\"") || rest.starts_with("r#") => (Kind::Text, raw_len(rest)),
            _ => {
                let len = rest
                    .find(|c: char| c.is_whitespace() || "()[]{},:\"".contains(c))
                    .unwrap_or(rest.len())
                    .max(first.len_utf8());
                (Kind::Word, len)
            }
        };
        self.pos += len;
        Some(Token { kind, text: &rest[..len], start })
    }
}

fn quoted_len(rest: &str) -> usize {
    let mut escaped = false;
    for (i, c) in rest.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return i + 1,
            _ => {}
        }
    }
    rest.len()
}

fn raw_len(rest: &str) -> usize {
    let hashes = rest[1..].chars().take_while(|&c| c == '#').count();
    let close = format!("\"{}", "#".repeat(hashes));
    let body = 2 + hashes;
    match rest.get(body..).and_then(|b| b.find(&close)) {
        Some(i) => body + i + close.len(),
        None => rest.len(),
    }
}

#[derive(Debug, PartialEq)]
enum Segment<'p> {
    Field(&'p str),
    Index(usize),
}

fn segments(path: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let name_end = part.find('[').unwrap_or(part.len());
        if name_end > 0 {
            out.push(Segment::Field(&part[..name_end]));
        }
        for index in part[name_end..].split('[').filter(|s| !s.is_empty()) {
            if let Ok(n) = index.trim_end_matches(']').parse() {
                out.push(Segment::Index(n));
            }
        }
    }
    out
}

/// The position of the value at `path`, or of the nearest enclosing value that could be found.
pub fn locate(text: &str, path: &str) -> Option<Position> {
    let tokens: Vec<Token> = Tokens::new(text).collect();
    let mut at = skip_attributes(&tokens, 0);
    for segment in segments(path) {
        let Some(next) = step(&tokens, at, &segment) else {
            break;
        };
        at = next;
    }
    tokens.get(at).map(|t| Position::of_offset(text, t.start))
}

/// The first word of the text, past comments: `Plan` or `Session` for our files.
pub fn first_word(text: &str) -> Option<&str> {
    let tokens: Vec<Token> = Tokens::new(text).take(64).collect();
    let at = skip_attributes(&tokens, 0);
    tokens.get(at).filter(|t| t.kind == Kind::Word).map(|t| t.text)
}

/// The first two tokens past comments and attributes: `{` then `NextStage` for a keymap.
pub fn first_two(text: &str) -> (Option<&str>, Option<&str>) {
    let tokens: Vec<Token> = Tokens::new(text).take(64).collect();
    let at = skip_attributes(&tokens, 0);
    (tokens.get(at).map(|t| t.text), tokens.get(at + 1).map(|t| t.text))
}

/// The closing bracket the innermost bracket still open at the end of the text wants.
pub fn unclosed(text: &str) -> Option<char> {
    let mut open: Vec<char> = Vec::new();
    for token in Tokens::new(text) {
        match token.text {
            "(" => open.push(')'),
            "[" => open.push(']'),
            "{" => open.push('}'),
            ")" | "]" | "}" => {
                open.pop();
            }
            _ => {}
        }
    }
    open.pop()
}

/// Every quoted text with its byte offset, in order.
pub fn texts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    Tokens::new(text).filter(|t| t.kind == Kind::Text).map(|t| (t.start, t.text))
}

/// The token index of a top-level field's value, without reading the rest of the file.
pub fn field_value<'a>(text: &'a str, field: &str) -> Option<(&'a str, Position)> {
    let mut depth = 0usize;
    let mut tokens = Tokens::new(text).peekable();
    while let Some(t) = tokens.next() {
        match t.kind {
            Kind::Open => depth += 1,
            Kind::Close => depth = depth.saturating_sub(1),
            Kind::Word
                if depth == 1
                    && t.text == field
                    && tokens.next_if(|n| n.kind == Kind::Colon).is_some() =>
            {
                let value = tokens.next()?;
                return Some((value.text, Position::of_offset(text, value.start)));
            }
            _ => {}
        }
    }
    None
}

fn skip_attributes(tokens: &[Token], mut at: usize) -> usize {
    while tokens.get(at).is_some_and(|t| t.text.starts_with('#')) {
        at += 1;
        if tokens.get(at).is_some_and(|t| t.kind == Kind::Open) {
            at = past_value(tokens, at);
        }
    }
    at
}

/// Past the value starting at `at`: a bracketed group, or a word with its group (`Some(..)`, `Plan(..)`).
fn past_value(tokens: &[Token], at: usize) -> usize {
    let mut i = at;
    if tokens.get(i).is_some_and(|t| t.kind != Kind::Open) {
        i += 1;
        if !tokens.get(i).is_some_and(|t| t.kind == Kind::Open && t.text == "(") {
            return i;
        }
    }
    let mut depth = 0usize;
    while let Some(t) = tokens.get(i) {
        i += 1;
        match t.kind {
            Kind::Open => depth += 1,
            Kind::Close => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i;
                }
            }
            _ if depth == 0 => return i,
            _ => {}
        }
    }
    i
}

/// The index of the opening bracket that holds the value at `at`, looking through
/// `Some(…)` and a struct's name.
fn opening(tokens: &[Token], mut at: usize) -> Option<usize> {
    loop {
        let t = tokens.get(at)?;
        match t.kind {
            Kind::Open => {
                let inner = tokens.get(at + 1)?;
                // `(x)` around a single value, as in Some(x): look inside.
                let is_some = at > 0 && tokens[at - 1].text == "Some";
                if is_some && inner.kind != Kind::Close {
                    at += 1;
                    continue;
                }
                return Some(at);
            }
            Kind::Word if tokens.get(at + 1).is_some_and(|n| n.kind == Kind::Open) => at += 1,
            _ => return None,
        }
    }
}

fn step(tokens: &[Token], at: usize, segment: &Segment) -> Option<usize> {
    let open = opening(tokens, at)?;
    let mut i = open + 1;
    let mut index = 0;
    while let Some(t) = tokens.get(i) {
        if t.kind == Kind::Close {
            return None;
        }
        match segment {
            Segment::Index(n) if index == *n => return Some(i),
            Segment::Field(name) => {
                let key = t.text.trim_matches('"');
                if key == *name && tokens.get(i + 1).is_some_and(|n| n.kind == Kind::Colon) {
                    return Some(i + 2);
                }
                if tokens.get(i + 1).is_some_and(|n| n.kind == Kind::Colon) {
                    i += 2;
                }
            }
            Segment::Index(_) => {}
        }
        i = past_value(tokens, i);
        if tokens.get(i).is_some_and(|t| t.kind == Kind::Comma) {
            i += 1;
        }
        index += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = r#"// a comment with "quotes" and (brackets
Plan(
    title: "Café (test)",
    participants: [
        (name: "Jo", role: "carer"),
        (name: "Jo", role: "GP", needs: Some("a \"quiet\" room")),
    ],
    /* block /* nested */ comment */
    stages: [
        (title: "A", duration: "10m"),
        (title: "B", duration: "5m", focus: ["Equal", "Creativ"]),
    ],
    turn: Some("2m"),
)
"#;

    #[test]
    fn finds_fields_and_items() {
        assert_eq!(locate(PLAN, "title"), Some(Position { line: 3, col: 12 }));
        assert_eq!(locate(PLAN, "participants[1].name"), Some(Position { line: 6, col: 16 }));
        assert_eq!(locate(PLAN, "participants[1].needs"), Some(Position { line: 6, col: 41 }));
        assert_eq!(locate(PLAN, "stages[1].focus[1]"), Some(Position { line: 11, col: 55 }));
        assert_eq!(locate(PLAN, "turn"), Some(Position { line: 13, col: 11 }));
    }

    #[test]
    fn stops_at_the_nearest_value_it_can_find() {
        assert_eq!(locate(PLAN, "stages[7].title"), Some(Position { line: 9, col: 13 }));
        assert_eq!(locate("", "title"), None);
    }

    #[test]
    fn reads_the_first_word_and_top_level_fields() {
        assert_eq!(first_word(PLAN), Some("Plan"));
        assert_eq!(first_word("#![enable(implicit_some)]\nSession(version: 2)"), Some("Session"));
        let text = "Session(\n  version: 7, plan: Plan(version: 1))";
        assert_eq!(field_value(text, "version"), Some(("7", Position { line: 2, col: 12 })));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(Position::of_offset("ab\nçé x", "ab\nçé ".len()), Position { line: 2, col: 4 });
    }
}
