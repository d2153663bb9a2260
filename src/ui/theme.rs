//! Themes as data: semantic names for what they colour, loaded from RON.

use std::sync::LazyLock;

use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Deserializer, de};

/// What a theme file is, for the errors of those who write one.
pub const WHAT: &str = "a theme starts with `Theme(` and names a style for each part of the screen";

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

/// The parts of the screen a theme styles, each named once: the file's
/// fields, the styles ready to draw with, and the list the contrast check walks.
macro_rules! parts {
    ($($part:ident),* $(,)?) => {
        #[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
        #[serde(deny_unknown_fields, rename = "Theme")]
        pub struct ThemeFile {
            #[serde(default)]
            pub background: Option<Rgb>,
            $(pub $part: Paint,)*
        }

        /// The styles ready to draw with.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Theme {
            pub name: String,
            pub file: ThemeFile,
            /// The ground every pane is drawn on, with the text's colour, so
            /// panes need not paint it again.
            pub base: Style,
            $(pub $part: Style,)*
        }

        impl Theme {
            pub fn from_file(name: &str, f: ThemeFile) -> Theme {
                let base = style(&f.text).bg(f.background.map_or(Color::Reset, color));
                Theme { name: name.to_string(), base, $($part: style(&f.$part),)* file: f }
            }
        }

        impl ThemeFile {
            /// Every style, by its name in the file.
            pub fn styles(&self) -> Vec<(&'static str, &Paint)> {
                vec![$((stringify!($part), &self.$part),)*]
            }
        }
    };
}

parts!(
    text,
    dim,
    title,
    border,
    selected,
    timer_ready,
    timer_running,
    timer_paused,
    timer_warning,
    timer_over,
    done,
    current,
    to_come,
    status,
    hint,
    hint_key,
    warning,
    dialog,
    speaker,
    waiting,
    reason,
    bar,
    hidden,
);

/// The built-in themes, in the order `t` cycles through them.
pub const BUILT_IN: [(&str, &str); 5] = [
    ("dark", include_str!("../../themes/dark.ron")),
    ("light", include_str!("../../themes/light.ron")),
    ("high-contrast", include_str!("../../themes/high-contrast.ron")),
    ("colour-blind", include_str!("../../themes/colour-blind.ron")),
    ("mono", include_str!("../../themes/mono.ron")),
];

/// The built-in themes, read once: `t` cycles through them without reading them again.
static BUILT_INS: LazyLock<Vec<Theme>> = LazyLock::new(|| {
    let ron =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    BUILT_IN
        .iter()
        .filter_map(|(name, text)| ron.from_str(text).ok().map(|f| Theme::from_file(name, f)))
        .collect()
});

impl Theme {
    pub fn built_in(name: &str) -> Option<Theme> {
        BUILT_INS.iter().find(|t| t.name == name).cloned()
    }

    /// The dark theme, or mono when NO_COLOR asks for no colour.
    pub fn default_for(no_color: bool) -> Theme {
        let name = if no_color { "mono" } else { "dark" };
        // Both are embedded and tested; a plain theme is a safe last resort.
        Theme::built_in(name).unwrap_or_else(Theme::plain)
    }

    /// The built-in theme after `name`, round to the first.
    pub fn after(name: &str) -> Theme {
        let at = BUILT_INS.iter().position(|t| t.name == name);
        let next = at.map_or(0, |i| (i + 1) % BUILT_INS.len().max(1));
        BUILT_INS.get(next).cloned().unwrap_or_else(Theme::plain)
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

impl ThemeFile {
    /// Each style's text colour against its ground, as the screen shows it: a
    /// style without its own colour takes the text's, or the background's.
    /// None for a theme that leaves colour to the terminal.
    pub fn contrasts(&self) -> Option<Vec<(&'static str, f64)>> {
        let background = self.background?;
        let text = self.text.fg?;
        let mut out = Vec::new();
        for (name, paint) in self.styles() {
            let (mut fg, mut bg) = (paint.fg.unwrap_or(text), paint.bg.unwrap_or(background));
            if paint.reversed {
                std::mem::swap(&mut fg, &mut bg);
            }
            out.push((name, contrast(fg, bg)));
        }
        // Forms and questions draw these on the dialog's own ground: its
        // frame, its focused field, hints and the blind-capture line.
        let dialog_bg = self.dialog.bg.unwrap_or(background);
        for (name, paint) in [
            ("border on dialog", &self.border),
            ("title on dialog", &self.title),
            ("dim on dialog", &self.dim),
            ("hidden on dialog", &self.hidden),
        ] {
            let fg = paint.fg.unwrap_or(text);
            let bg = paint.bg.unwrap_or(dialog_bg);
            let (fg, bg) = if paint.reversed { (bg, fg) } else { (fg, bg) };
            out.push((name, contrast(fg, bg)));
        }
        Some(out)
    }

    /// The lowest text contrast in the theme, with the style that has it.
    pub fn lowest_contrast(&self) -> Option<(&'static str, f64)> {
        self.contrasts()?.into_iter().min_by(|a, b| a.1.total_cmp(&b.1))
    }
}

/// WCAG 2 relative luminance of an sRGB colour.
fn luminance(c: Rgb) -> f64 {
    let channel = |v: u8| {
        let v = v as f64 / 255.0;
        if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

/// WCAG 2 contrast ratio, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
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
    fn the_contrast_formula_matches_wcag() {
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast(Rgb(255, 255, 255), Rgb(255, 255, 255)) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        assert!((contrast(Rgb(0x76, 0x76, 0x76), Rgb(255, 255, 255)) - 4.54).abs() < 0.01);
    }

    #[test]
    fn every_built_in_colour_theme_reads_at_4_5_to_1_and_high_contrast_at_7() {
        for (name, _) in BUILT_IN {
            let theme = Theme::built_in(name).unwrap();
            let Some(all) = theme.file.contrasts() else {
                assert_eq!(name, "mono", "only mono leaves colour to the terminal");
                continue;
            };
            let floor = if name == "high-contrast" { 7.0 } else { 4.5 };
            for (style, ratio) in all {
                assert!(ratio >= floor, "{name}: {style} is {ratio:.2}:1, below {floor}:1");
            }
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
