//! Errors about files, written to teach: `FILE:LINE:COLUMN: what was expected`,
//! then the line itself with a caret under the column.

use std::fmt;
use std::path::Path;

use super::locate::Position;
use crate::model::text::{unsafe_char, visible, width};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    /// The file as the user named it.
    pub file: String,
    pub at: Option<Position>,
    pub message: String,
    /// The offending line of the file, when there is one to show.
    pub line: Option<String>,
}

impl FileError {
    /// An error about the file as a whole: it cannot be read, written or locked.
    pub fn whole(file: &Path, message: impl Into<String>) -> FileError {
        FileError {
            file: file.display().to_string(),
            at: None,
            message: message.into(),
            line: None,
        }
    }

    /// An error at a place in the file's text.
    pub fn at(
        file: &Path,
        text: &str,
        at: Option<Position>,
        message: impl Into<String>,
    ) -> FileError {
        let line = at.and_then(|p| text.lines().nth(p.line - 1)).map(|l| l.to_string());
        FileError { file: file.display().to_string(), at, message: message.into(), line }
    }

    /// The first line alone, for places that have room for one line only.
    /// What it quotes from a file is written out, never sent to the terminal
    /// raw: a message must not clear the screen or write to the clipboard.
    pub fn headline(&self) -> String {
        let (file, message) = (visible(&self.file), visible(&self.message));
        match self.at {
            Some(p) => format!("{file}:{}:{}: {message}", p.line, p.col),
            None => format!("{file}: {message}"),
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline())?;
        if let (Some(p), Some(line)) = (self.at, &self.line) {
            let chars: Vec<char> = line
                .chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .filter(|&c| !unsafe_char(c))
                .collect();
            // A window around the column: a line can be a whole file long.
            const SIDE: usize = 60;
            let col = p.col.saturating_sub(1).min(chars.len());
            let from = col.saturating_sub(SIDE);
            let to = (col + SIDE).min(chars.len());
            let left = if from > 0 { "…" } else { "" };
            let right = if to < chars.len() { "…" } else { "" };
            let shown: String = chars[from..to].iter().collect();
            let before: String = chars[from..col].iter().collect();
            let gutter = p.line.to_string();
            let pad = " ".repeat(gutter.len());
            let caret = " ".repeat(width(left) + width(&before));
            write!(f, "\n {gutter} | {left}{shown}{right}\n {pad} | {caret}^")?;
        }
        Ok(())
    }
}

impl std::error::Error for FileError {}
