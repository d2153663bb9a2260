//! Keymap files: a user's keys, read over the defaults, with errors at their place.

use std::collections::BTreeMap;
use std::path::Path;

use super::error::FileError;
use super::locate::locate;
use super::ron_text::{parse, read};
use crate::input::action::Action;
use crate::input::keymap::{Key, Keymap};

const WHAT: &str =
    "a keymap is a map from actions to keys: { NextStage: [\"n\"], Help: [\"?\", \"F1\"] }";

/// The defaults, with the actions a user's file names bound to its keys instead.
pub fn load_keymap(file: &Path) -> Result<Keymap, FileError> {
    let text = read(file)?;
    parse_keymap(file, &text)
}

pub fn parse_keymap(file: &Path, text: &str) -> Result<Keymap, FileError> {
    let theirs: BTreeMap<Action, Vec<Key>> = parse(file, text, WHAT)?;
    Keymap::over_defaults(&theirs).map_err(|problem| {
        FileError::at(
            file,
            text,
            locate(text, &format!("{:?}", problem.action())),
            problem.to_string(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_printed_keymap_loads_back_the_same() {
        let keymap = Keymap::defaults();
        assert_eq!(parse_keymap(Path::new("keys.ron"), &keymap.to_ron()), Ok(keymap));
    }

    #[test]
    fn a_clash_is_an_error_at_the_line_that_made_it() {
        let text = "{\n    Undo: [\"n\"],\n}";
        let err = parse_keymap(Path::new("k.ron"), text).unwrap_err();
        assert_eq!(
            err.headline(),
            "k.ron:2:11: a key not bound twice on one screen: \"n\" would mean both NextStage and Undo"
        );
    }

    #[test]
    fn an_action_left_with_no_key_is_named() {
        let err = parse_keymap(Path::new("k.ron"), "{\n    Undo: [],\n}").unwrap_err();
        assert_eq!(err.headline(), "k.ron:2:11: at least one key for Undo");
    }
}
