//! Themes as data: semantic names for what they colour, loaded from RON.

use std::path::Path;

use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Deserializer, de};

use crate::store::FileError;
use crate::store::ron_text::parse;

const WHAT: &str = "a theme starts with `Theme(` and names a style for each part of the screen";

/// A colour written "#rrggbb", so contrast can be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Rgb, D::Error> {
        let text = String::deserialize(d)?;
        let hex = text.strip_prefix('#').filter(|h| h.len() == 6 && h.is_ascii());
        let channel = |i: usize| hex.and_then(|h| u8::from_str_radix(&h[i..i + 2], 16).ok());
        match (channel(0), channel(2), channel(4)) {
            (Some(r), Some(g), Some(b)) => Ok(Rgb(r, g, b)),
            _ => Err(de::Error::custom(format!("a colour such as \"#1e90ff\", found \"{text}\""))),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default, rename = "Style")]
pub struct Paint {
    pub fg: Option<Rgb>,
    pub bg: Option<Rgb>,
    pub bold: bool,
    pub underline: bool,
    pub reversed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename = "Theme")]
pub struct ThemeFile {
    #[serde(default)]
    pub background: Option<Rgb>,
    pub text: Paint,
    pub dim: Paint,
    pub title: Paint,
    pub border: Paint,
    pub selected: Paint,
    pub timer_ready: Paint,
    pub timer_running: Paint,
    pub timer_paused: Paint,
    pub timer_warning: Paint,
    pub timer_over: Paint,
    pub done: Paint,
    pub current: Paint,
    pub to_come: Paint,
    pub status: Paint,
    pub hint: Paint,
    pub hint_key: Paint,
    pub warning: Paint,
    pub dialog: Paint,
    pub speaker: Paint,
    pub waiting: Paint,
    pub reason: Paint,
    pub bar: Paint,
    pub hidden: Paint,
}

/// The styles ready to draw with.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub name: String,
    pub file: ThemeFile,
    pub base: Style,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub selected: Style,
    pub timer_ready: Style,
    pub timer_running: Style,
    pub timer_paused: Style,
    pub timer_warning: Style,
    pub timer_over: Style,
    pub done: Style,
    pub current: Style,
    pub to_come: Style,
    pub status: Style,
    pub hint: Style,
    pub hint_key: Style,
    pub warning: Style,
    pub dialog: Style,
    pub speaker: Style,
    pub waiting: Style,
    pub reason: Style,
    pub bar: Style,
    pub hidden: Style,
}

pub const BUILT_IN: [(&str, &str); 2] = [
    ("dark", include_str!("../../themes/dark.ron")),
    ("mono", include_str!("../../themes/mono.ron")),
];

impl Theme {
    pub fn parse(name: &str, file: &Path, text: &str) -> Result<Theme, FileError> {
        let parsed: ThemeFile = parse(file, text, WHAT)?;
        Ok(Theme::from_file(name, parsed))
    }

    pub fn built_in(name: &str) -> Option<Theme> {
        let (name, text) = BUILT_IN.iter().find(|(n, _)| *n == name)?;
        Theme::parse(name, Path::new(name), text).ok()
    }

    /// The dark theme, or mono when NO_COLOR asks for no colour.
    pub fn default_for(no_color: bool) -> Theme {
        let name = if no_color { "mono" } else { "dark" };
        // Both are embedded and tested; a plain theme is a safe last resort.
        Theme::built_in(name).unwrap_or_else(Theme::plain)
    }

    fn plain() -> Theme {
        Theme::from_file(
            "plain",
            ThemeFile {
                background: None,
                text: Paint::default(),
                dim: Paint::default(),
                title: Paint { bold: true, ..Paint::default() },
                border: Paint::default(),
                selected: Paint { reversed: true, ..Paint::default() },
                timer_ready: Paint::default(),
                timer_running: Paint::default(),
                timer_paused: Paint::default(),
                timer_warning: Paint::default(),
                timer_over: Paint { reversed: true, ..Paint::default() },
                done: Paint::default(),
                current: Paint { bold: true, ..Paint::default() },
                to_come: Paint::default(),
                status: Paint { reversed: true, ..Paint::default() },
                hint: Paint::default(),
                hint_key: Paint { reversed: true, ..Paint::default() },
                warning: Paint { reversed: true, ..Paint::default() },
                dialog: Paint::default(),
                speaker: Paint { bold: true, ..Paint::default() },
                waiting: Paint::default(),
                reason: Paint::default(),
                bar: Paint::default(),
                hidden: Paint { underline: true, ..Paint::default() },
            },
        )
    }

    fn from_file(name: &str, f: ThemeFile) -> Theme {
        let base = Style::default().bg(f.background.map_or(Color::Reset, color));
        let s = |p: &Paint| style(p);
        Theme {
            name: name.to_string(),
            base,
            text: s(&f.text),
            dim: s(&f.dim),
            title: s(&f.title),
            border: s(&f.border),
            selected: s(&f.selected),
            timer_ready: s(&f.timer_ready),
            timer_running: s(&f.timer_running),
            timer_paused: s(&f.timer_paused),
            timer_warning: s(&f.timer_warning),
            timer_over: s(&f.timer_over),
            done: s(&f.done),
            current: s(&f.current),
            to_come: s(&f.to_come),
            status: s(&f.status),
            hint: s(&f.hint),
            hint_key: s(&f.hint_key),
            warning: s(&f.warning),
            dialog: s(&f.dialog),
            speaker: s(&f.speaker),
            waiting: s(&f.waiting),
            reason: s(&f.reason),
            bar: s(&f.bar),
            hidden: s(&f.hidden),
            file: f,
        }
    }
}

fn color(rgb: Rgb) -> Color {
    Color::Rgb(rgb.0, rgb.1, rgb.2)
}

fn style(p: &Paint) -> Style {
    let mut style = Style::default();
    if let Some(fg) = p.fg {
        style = style.fg(color(fg));
    }
    if let Some(bg) = p.bg {
        style = style.bg(color(bg));
    }
    let mut m = Modifier::empty();
    if p.bold {
        m |= Modifier::BOLD;
    }
    if p.underline {
        m |= Modifier::UNDERLINED;
    }
    if p.reversed {
        m |= Modifier::REVERSED;
    }
    style.add_modifier(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_themes_load() {
        for (name, _) in BUILT_IN {
            assert!(Theme::built_in(name).is_some(), "{name} does not load");
        }
    }

    #[test]
    fn mono_has_no_colour() {
        let mono = Theme::built_in("mono").unwrap();
        for style in [mono.text, mono.selected, mono.timer_over, mono.status, mono.warning] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
        assert!(mono.selected.add_modifier.contains(Modifier::REVERSED));
    }
}
