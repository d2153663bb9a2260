//! Keys are data: the default keymap is a RON file embedded in the binary,
//! and a user's file replaces the keys of the actions it names.

use std::collections::BTreeMap;
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

use super::action::{Action, Screen};

pub const DEFAULT: &str = include_str!("keymap.ron");

/// A key with at most one modifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false, alt: false }
    }

    /// Whether the key types text into a form's field, so that no form action can take it.
    pub fn types_text(&self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && !self.ctrl && !self.alt
    }

    pub fn from_event(event: &KeyEvent) -> Key {
        // Shift is not a modifier here: "?" and "+" arrive with it on some terminals.
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    pub fn parse(text: &str) -> Result<Key, String> {
        let (ctrl, alt, rest) = if let Some(rest) = strip_prefix_ci(text, "Ctrl+") {
            (true, false, rest)
        } else if let Some(rest) = strip_prefix_ci(text, "Alt+") {
            (false, true, rest)
        } else {
            (false, false, text)
        };
        if (ctrl || alt)
            && ["Ctrl+", "Alt+", "Shift+"].iter().any(|m| strip_prefix_ci(rest, m).is_some())
        {
            return Err(format!("one modifier at most, found \"{text}\""));
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "space" => KeyCode::Char(' '),
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "shift+tab" | "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" => KeyCode::Insert,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" => KeyCode::PageUp,
                "pagedown" => KeyCode::PageDown,
                f if f.starts_with('f')
                    && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
                {
                    KeyCode::F(f[1..].parse().unwrap_or(1))
                }
                _ => {
                    return Err(format!(
                        "a key such as \"n\", \"Space\", \"Enter\", \"Esc\", \"Up\", \"F1\" or \"Ctrl+c\", found \"{text}\""
                    ));
                }
            },
        };
        Ok(Key { code, ctrl, alt })
    }
}

impl Key {
    /// The key as the screen shows it: arrows as arrows.
    pub fn symbol(&self) -> String {
        match (self.code, self.ctrl || self.alt) {
            (KeyCode::Up, false) => "↑".into(),
            (KeyCode::Down, false) => "↓".into(),
            (KeyCode::Left, false) => "←".into(),
            (KeyCode::Right, false) => "→".into(),
            _ => self.to_string(),
        }
    }
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl+")?;
        }
        if self.alt {
            f.write_str("Alt+")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift+Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Insert => f.write_str("Insert"),
            KeyCode::Up => f.write_str("Up"),
            KeyCode::Down => f.write_str("Down"),
            KeyCode::Left => f.write_str("Left"),
            KeyCode::Right => f.write_str("Right"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PageUp"),
            KeyCode::PageDown => f.write_str("PageDown"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

impl Serialize for Key {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        let text = String::deserialize(d)?;
        Key::parse(&text).map_err(de::Error::custom)
    }
}

/// Why a user's keys cannot stand over the defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// `key` would mean both `action` and `other` on one screen; `named` is the one the user's file names.
    Clash {
        named: Action,
        action: Action,
        other: Action,
        key: Key,
    },
    NoKey(Action),
    /// An action of the forms whose every key types text: it could never be pressed there.
    OnlyTyping(Action),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Problem::Clash { action, other, key, .. } => write!(
                f,
                "a key not bound twice on one screen: \"{key}\" would mean both {action:?} and {other:?}"
            ),
            Problem::NoKey(action) => write!(f, "at least one key for {action:?}"),
            Problem::OnlyTyping(action) => write!(
                f,
                "a key for {action:?} that types no text, such as Enter, Tab, F2 or Ctrl+s: in a form, letters are typed"
            ),
        }
    }
}

/// Where a problem is to be pointed at in the user's file: the action it names.
impl Problem {
    pub fn action(&self) -> Action {
        match *self {
            Problem::Clash { named, .. } => named,
            Problem::NoKey(action) | Problem::OnlyTyping(action) => action,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    keys: BTreeMap<Action, Vec<Key>>,
}

impl Keymap {
    pub fn defaults() -> Keymap {
        // The embedded file is tested; should it ever fail, a keymap with no keys would be worse than stopping.
        let keys: BTreeMap<Action, Vec<Key>> =
            ron::from_str(DEFAULT).unwrap_or_else(|e| panic!("built-in keymap: {e}"));
        Keymap { keys }
    }

    /// The defaults, with the actions `theirs` names bound to its keys
    /// instead; refused when two actions of a screen would share a key, or
    /// an action would be left with none.
    pub fn over_defaults(theirs: &BTreeMap<Action, Vec<Key>>) -> Result<Keymap, Problem> {
        let mut keymap = Keymap::defaults();
        for (action, keys) in theirs {
            keymap.keys.insert(*action, keys.clone());
        }
        if let Some((action, other, key)) = keymap.clash() {
            let named = if theirs.contains_key(&action) { action } else { other };
            return Err(Problem::Clash { named, action, other, key });
        }
        if let Some(action) = Action::ALL.iter().find(|a| keymap.keys(**a).is_empty()) {
            return Err(Problem::NoKey(*action));
        }
        if let Some(action) = Action::ALL.iter().find(|a| {
            a.screens().contains(&Screen::Form) && keymap.keys(**a).iter().all(Key::types_text)
        }) {
            return Err(Problem::OnlyTyping(*action));
        }
        Ok(keymap)
    }

    pub fn keys(&self, action: Action) -> &[Key] {
        self.keys.get(&action).map_or(&[], |k| k.as_slice())
    }

    /// The action a key does on a screen, if any.
    pub fn action(&self, screen: Screen, key: Key) -> Option<Action> {
        Action::ALL
            .iter()
            .copied()
            .find(|a| a.screens().contains(&screen) && self.keys(*a).contains(&key))
    }

    /// The first key of an action, as the hint bar shows it.
    pub fn label(&self, action: Action) -> String {
        self.keys(action).first().map_or_else(|| "?".into(), Key::symbol)
    }

    /// All of an action's keys: "? or F1".
    pub fn labels(&self, action: Action) -> String {
        let keys: Vec<String> = self.keys(action).iter().map(Key::symbol).collect();
        keys.join(" or ")
    }

    /// Two actions that share a key on some screen: (action, other, key).
    pub fn clash(&self) -> Option<(Action, Action, Key)> {
        for (i, a) in Action::ALL.iter().enumerate() {
            for b in &Action::ALL[i + 1..] {
                if !a.screens().iter().any(|s| b.screens().contains(s)) {
                    continue;
                }
                if let Some(key) = self.keys(*a).iter().find(|k| self.keys(*b).contains(k)) {
                    return Some((*a, *b, *key));
                }
            }
        }
        None
    }

    /// The keymap as a RON file, ready to edit and pass to `--keymap`.
    pub fn to_ron(&self) -> String {
        let mut out = String::new();
        for line in DEFAULT.lines().take_while(|l| l.starts_with("//")) {
            out.push_str(line);
            out.push('\n');
        }
        out.push_str("{\n");
        for &action in Action::ALL {
            let keys: Vec<String> =
                self.keys(action).iter().map(|k| format!("{:?}", k.to_string())).collect();
            out.push_str(&format!("    {action:?}: [{}],\n", keys.join(", ")));
        }
        out.push_str("}\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_key_and_no_screen_has_a_clash() {
        let keymap = Keymap::defaults();
        for &action in Action::ALL {
            assert!(!keymap.keys(action).is_empty(), "{action:?} has no key");
        }
        assert_eq!(keymap.clash(), None);
    }

    #[test]
    fn the_same_key_means_different_things_on_different_screens() {
        let keymap = Keymap::defaults();
        let n = Key::plain(KeyCode::Char('n'));
        assert_eq!(keymap.action(Screen::Live, n), Some(Action::NextStage));
        assert_eq!(keymap.action(Screen::Dialog, n), Some(Action::Cancel));
        assert_eq!(keymap.action(Screen::Home, n), None);
    }

    #[test]
    fn no_default_needs_two_modifiers() {
        assert!(Key::parse("Ctrl+Alt+x").is_err());
        // Shift+Tab is a key of its own; with Ctrl or Alt it would need two modifiers.
        assert!(Key::parse("Ctrl+Shift+Tab").is_err());
        assert!(Key::parse("alt+shift+tab").is_err());
        assert_eq!(Key::parse("Shift+Tab"), Ok(Key::plain(KeyCode::BackTab)));
        assert_eq!(
            Key::parse("ctrl+c"),
            Ok(Key { code: KeyCode::Char('c'), ctrl: true, alt: false })
        );
    }

    #[test]
    fn key_names_read_back() {
        for name in
            ["Space", "Enter", "Esc", "Shift+Tab", "F1", "Ctrl+c", "Alt+n", "+", "?", "PageDown"]
        {
            assert_eq!(Key::parse(name).map(|k| k.to_string()), Ok(name.to_string()));
        }
    }

    fn over_defaults(text: &str) -> Result<Keymap, Problem> {
        Keymap::over_defaults(&ron::from_str(text).unwrap())
    }

    #[test]
    fn the_printed_keymap_loads_back_the_same() {
        let keymap = Keymap::defaults();
        assert_eq!(over_defaults(&keymap.to_ron()), Ok(keymap));
    }

    #[test]
    fn a_user_file_replaces_only_what_it_names() {
        let keymap = over_defaults("{ NextStage: [\"PageDown\"] }").unwrap();
        assert_eq!(
            keymap.action(Screen::Live, Key::plain(KeyCode::PageDown)),
            Some(Action::NextStage)
        );
        assert_eq!(keymap.action(Screen::Live, Key::plain(KeyCode::Char('n'))), None);
        assert_eq!(
            keymap.action(Screen::Live, Key::plain(KeyCode::Char('b'))),
            Some(Action::PreviousStage)
        );
    }

    #[test]
    fn a_clash_names_the_action_the_user_bound() {
        let problem = over_defaults("{ Undo: [\"n\"] }").unwrap_err();
        assert_eq!(problem.action(), Action::Undo);
        assert_eq!(
            problem.to_string(),
            "a key not bound twice on one screen: \"n\" would mean both NextStage and Undo"
        );
    }
}
