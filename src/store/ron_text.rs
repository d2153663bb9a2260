//! Reading RON written by hand, with errors that say what was expected and where.

use std::path::Path;

use ron::extensions::Extensions;
use serde::de::{DeserializeOwned, DeserializeSeed};

use super::error::FileError;
use super::locate::{Position, locate};

/// Every file we read allows `Some(x)` to be written as just `x`.
pub fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses `text` as a `T`, or explains, at a line and column, what was expected.
/// `what` names the thing for the common mistakes: "a plan starts with `Plan(`".
pub fn parse<T: DeserializeOwned>(file: &Path, text: &str, what: &str) -> Result<T, FileError> {
    parse_seed(file, text, what, std::marker::PhantomData::<T>)
}

/// As `parse`, with a seed that does something with what it reads as it goes.
pub fn parse_seed<'de, S: DeserializeSeed<'de>>(
    file: &Path,
    text: &'de str,
    what: &str,
    seed: S,
) -> Result<S::Value, FileError> {
    if text.trim().is_empty() {
        return Err(FileError::at(
            file,
            text,
            Some(Position { line: 1, col: 1 }),
            format!("the file is empty; {what}"),
        ));
    }
    let mut de = ron::Deserializer::from_str_with_options(text, &options())
        .map_err(|e| spanned(file, text, &e.code, e.span.start, "", what))?;
    let mut track = serde_path_to_error::Track::new();
    let value = match seed.deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track))
    {
        Ok(value) => value,
        Err(code) => {
            let path = track.path().to_string();
            let span = de.span_error(code.clone()).span;
            return Err(spanned(file, text, &code, span.start, &path, what));
        }
    };
    if let Err(code) = de.end() {
        let span = de.span_error(code.clone()).span;
        return Err(spanned(file, text, &code, span.start, "", what));
    }
    Ok(value)
}

/// Reads a file as text, or says why not in one line.
pub fn read(file: &Path) -> Result<String, FileError> {
    let bytes = std::fs::read(file).map_err(|e| FileError::whole(file, io_words(&e)))?;
    match String::from_utf8(bytes) {
        // Some editors (Notepad among them) start UTF-8 files with a byte-order mark:
        // it is not part of the text, and lines and columns are counted without it.
        Ok(text) => Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text)),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let text = String::from_utf8_lossy(valid);
            let at = Position::of_offset(&text, text.len());
            Err(FileError::at(
                file,
                &text,
                Some(at),
                "text in UTF-8, found bytes that are not; is this a binary file?",
            ))
        }
    }
}

/// An I/O error in words a facilitator can act on.
pub fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "this is a folder, not a file".into(),
        StorageFull => "the disk is full".into(),
        ReadOnlyFilesystem => "the disk is read-only".into(),
        _ => e.to_string(),
    }
}

fn spanned(
    file: &Path,
    text: &str,
    code: &ron::Error,
    start: ron::error::Position,
    path: &str,
    what: &str,
) -> FileError {
    // serde_path_to_error cannot name map keys such as actions; ron's own position is better then.
    let path = if path == "." || path.contains('?') { "" } else { path };
    let at = Position { line: start.line.max(1), col: start.col.max(1) };
    if looks_like_json(text) {
        let message = format!("RON, not JSON: {what}");
        return FileError::at(file, text, Some(Position { line: 1, col: 1 }), message);
    }
    // ron points at the token it stopped on; a field path from serde finds the value itself.
    let at = match code {
        ron::Error::Message(_) | ron::Error::InvalidValueForType { .. } if !path.is_empty() => {
            locate(text, path).unwrap_or(at)
        }
        _ => past_blanks(text, at),
    };
    let mut message = if at_the_end(text, at) {
        match super::locate::unclosed(text) {
            Some(close) => format!("more: the file ends before the closing `{close}`"),
            None => "more: the file ends too soon".to_string(),
        }
    } else if text[offset_of(text, at)..].starts_with('-')
        && matches!(code, ron::Error::IntegerOutOfBounds | ron::Error::ExpectedInteger)
    {
        "a number of 0 or more, not a negative one".to_string()
    } else if is_step(path) && matches!(code, ron::Error::ExpectedDifferentLength { .. }) {
        "a step as a name and a length in brackets, such as (\"in pairs\", \"2m\")".to_string()
    } else {
        explain(code, what)
    };
    if let Some(line) = open_quote_before(text, at) {
        message.push_str(&format!(" (is the closing `\"` missing from the text on line {line}?)"));
    }
    let message = if path.is_empty() { message } else { format!("{path}: {message}") };
    FileError::at(file, text, Some(at), message)
}

/// Whether `path` names one step of a stage: `stages[1].steps[0]`.
fn is_step(path: &str) -> bool {
    path.rsplit_once('.').is_some_and(|(_, last)| {
        last.starts_with("steps[") && last.ends_with(']') && last.matches('[').count() == 1
    })
}

/// Whether nothing but blanks and comments follows `at`.
fn at_the_end(text: &str, at: Position) -> bool {
    let offset = offset_of(text, at);
    super::locate::first_word(&text[offset..]).is_none()
        && text[offset..].chars().all(|c| c.is_whitespace())
}

/// ron may stop on the blank before a value; the caret belongs on the value.
fn past_blanks(text: &str, at: Position) -> Position {
    let offset = offset_of(text, at);
    let rest = &text[offset..];
    let skipped = rest.len() - rest.trim_start().len();
    if skipped == 0 || skipped == rest.len() {
        at
    } else {
        Position::of_offset(text, offset + skipped)
    }
}

fn offset_of(text: &str, at: Position) -> usize {
    let line_start: usize = text.split_inclusive('\n').take(at.line - 1).map(str::len).sum();
    let rest = &text[line_start.min(text.len())..];
    line_start + rest.char_indices().nth(at.col - 1).map_or(rest.len(), |(i, _)| i)
}

/// The line of a quoted text before `at` that runs over a line break: most
/// likely a closing quote was forgotten there.
fn open_quote_before(text: &str, at: Position) -> Option<usize> {
    let offset = offset_of(text, at);
    super::locate::texts(text)
        .take_while(|(start, _)| *start < offset)
        .filter(|(_, t)| t.contains('\n'))
        .last()
        .map(|(start, _)| Position::of_offset(text, start).line)
}

fn looks_like_json(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('{') && t[1..].trim_start().starts_with('"')
        || t.starts_with('[') && t[1..].trim_start().starts_with('{')
}

/// What a structure is called in a file's own words, not the code's.
fn thing(outer: &Option<String>) -> &'static str {
    match outer.as_deref() {
        Some("Plan") => "the plan",
        Some("Session") => "the session",
        Some("Logged") => "each event",
        Some("Participant") => "each person",
        Some("Stage") => "each stage",
        Some("Component") => "each component",
        Some("Carried") => "each carried action",
        Some("Theme") => "the theme",
        Some("Style") => "each style",
        Some("Line") => "each journal line",
        _ => "this item",
    }
}

/// ron's error, said as what was expected.
fn explain(code: &ron::Error, what: &str) -> String {
    use ron::Error::*;
    let one_of =
        |alts: &[&str]| alts.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
    match code {
        Eof => "more: the file ends too soon (is a closing `)` or `]` missing?)".into(),
        ExpectedComma => "a comma between two items".into(),
        ExpectedArray => "a list in square brackets `[ … ]`".into(),
        ExpectedArrayEnd => "a closing `]` (or a comma before the next item)".into(),
        ExpectedStructLike => "an opening `(`".into(),
        ExpectedNamedStructLike(name) => match *name {
            "Stage" => "a stage in brackets: (title: \"…\", duration: \"10m\")".into(),
            "Participant" => "a person in brackets: (name: \"…\", role: \"…\")".into(),
            "Component" => "a component in brackets: (name: \"…\", prompt: \"…\")".into(),
            name => format!("`{name}(`; {what}"),
        },
        ExpectedStructLikeEnd | ExpectedOptionEnd => {
            "a closing `)` (or a comma before the next field)".into()
        }
        ExpectedMap => "a map in braces `{ … }`".into(),
        ExpectedMapColon => "a colon `:` after the key".into(),
        ExpectedMapEnd => "a closing `}`".into(),
        ExpectedString => "text in double quotes".into(),
        ExpectedStringEnd => "a closing `\"` at the end of the text".into(),
        ExpectedInteger => "a whole number".into(),
        ExpectedBoolean => "`true` or `false`".into(),
        ExpectedIdentifier => "a name, such as a field name".into(),
        ExpectedOption => "`Some(…)`, `None`, or just the value".into(),
        ExpectedUnit => "`()`".into(),
        ExpectedDifferentStructName { expected, found } => {
            format!("`{expected}(…)`, found `{found}(…)`; {what}")
        }
        ExpectedStructName(name) => format!("`{name}(`; {what}"),
        NoSuchStructField { expected, found, outer } => {
            let guess = closest(expected, found)
                .map_or(String::new(), |g| format!(" (did you mean `{g}`?)"));
            format!(
                "one of the fields of {} ({}), found `{found}`{guess}",
                thing(outer),
                one_of(expected)
            )
        }
        MissingStructField { field, outer } => {
            format!("the field `{field}`, which {} needs", thing(outer))
        }
        DuplicateStructField { field, outer } => format!("`{field}` only once in {}", thing(outer)),
        NoSuchEnumVariant { expected, found, .. } => {
            let guess = closest(expected, found)
                .map_or(String::new(), |g| format!(" (did you mean `{g}`?)"));
            if expected.len() > 12 {
                format!("one of {} known names, found `{found}`{guess}", expected.len())
            } else {
                format!("one of {}, found `{found}`{guess}", one_of(expected))
            }
        }
        InvalidValueForType { expected, found } => format!("{expected}, found {found}"),
        ExpectedDifferentLength { expected, found } => format!("{expected}, found {found} items"),
        UnexpectedChar(c) => {
            format!("a value (text in quotes, a number, a name or a bracket), found {c:?}")
        }
        TrailingCharacters => "nothing more after the closing `)`".into(),
        UnclosedBlockComment => "`*/` to close the comment".into(),
        UnclosedLineComment => "a line break at the end of the last comment".into(),
        IntegerOutOfBounds => "a whole number that fits: 0 or more, and not so large".into(),
        Utf8Error(_) => "text in UTF-8".into(),
        ExceededRecursionLimit => "less deeply nested brackets".into(),
        Message(m) => m.clone(),
        other => {
            let s = other.to_string();
            let mut chars = s.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => s,
            }
        }
    }
}

/// The known name nearest to a misspelt one, if any is near enough to be a typo.
fn closest<'a>(known: &[&'a str], found: &str) -> Option<&'a str> {
    let found = found.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::osa_distance(&k.to_lowercase(), &found), *k))
        .filter(|(d, k)| *d <= (k.len() / 4).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}
