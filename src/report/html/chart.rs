//! Charts as plain SVG, drawn in maud from the report's own figures, so that
//! every label is escaped like the rest of the page. Each chart is a figure
//! with a title, a sentence on what it shows, and the table of its figures:
//! the text equivalent. No meaning rests on colour: each bar is solid,
//! hatched, dotted or hollow, and says in words what it is and its figure.

use maud::{Markup, html};
use unicode_width::UnicodeWidthChar;

use super::page::{BLACK, BLUE, INK, PAPER, RULE};

/// The width every chart is drawn at; it scales to the page.
const WIDTH: f64 = 340.0;
/// Where a bar may reach, leaving room for its words after it.
const BAR_SPACE: f64 = 210.0;
const FONT: f64 = 13.0;
/// Room on either side, so that no glyph reaches past the chart's edge.
const MARGIN: f64 = 4.0;

/// How a bar is filled: each also says its name in words beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    Solid,
    Hatched,
    Dotted,
    Hollow,
}

pub struct Bar {
    pub value: f64,
    /// What is written after the bar: its name and figure, "took 08:57".
    pub words: String,
    pub fill: Fill,
}

impl Bar {
    pub fn new(value: f64, words: impl Into<String>, fill: Fill) -> Bar {
        Bar { value, words: words.into(), fill }
    }
}

/// A label (a stage, a person, a role…) and its bars, or a note in their place.
pub struct Group {
    pub label: String,
    pub bars: Vec<Bar>,
    /// Written instead of bars when there are none: "not reached".
    pub note: Option<String>,
}

/// A number for an SVG attribute, to one decimal.
fn n(x: f64) -> String {
    format!("{x:.1}")
}

/// Text cut to `columns` display columns, with "…" when cut; the whole text is
/// in the table beside the chart and in the label's own `<title>`.
pub fn cut(text: &str, columns: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > columns.saturating_sub(1) {
            let rest: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
            if rest <= columns {
                return text.to_string();
            }
            out.push('…');
            return out;
        }
        used += w;
        out.push(c);
    }
    out
}

/// The patterns the bars are filled with, named after the chart so that two
/// charts on one page never share an id.
fn patterns(id: &str) -> Markup {
    html! {
        defs {
            pattern id=(format!("{id}-hatched")) patternUnits="userSpaceOnUse" width="6" height="6"
                patternTransform="rotate(45)" {
                rect width="6" height="6" fill=(PAPER) {}
                line x1="0" y1="0" x2="0" y2="6" stroke=(BLUE) stroke-width="3" {}
            }
            pattern id=(format!("{id}-dotted")) patternUnits="userSpaceOnUse" width="5" height="5" {
                rect width="5" height="5" fill=(PAPER) {}
                circle cx="2.5" cy="2.5" r="1.3" fill=(BLACK) {}
            }
        }
    }
}

fn fill(id: &str, f: Fill) -> String {
    match f {
        Fill::Solid => BLUE.to_string(),
        Fill::Hatched => format!("url(#{id}-hatched)"),
        Fill::Dotted => format!("url(#{id}-dotted)"),
        Fill::Hollow => PAPER.to_string(),
    }
}

fn stroke(f: Fill) -> &'static str {
    match f {
        Fill::Dotted => BLACK,
        _ => BLUE,
    }
}

/// The opening of a chart's SVG: its size, its role, and what names it.
fn svg(id: &str, height: f64, body: Markup) -> Markup {
    html! {
        svg.chart xmlns="http://www.w3.org/2000/svg" viewBox=(format!("{} 0 {} {}", n(-MARGIN), n(WIDTH + 2.0 * MARGIN), n(height)))
            role="img" aria-labelledby=(format!("{id}-title {id}-desc")) font-size=(n(FONT)) {
            (body)
        }
    }
}

/// Horizontal bars, grouped: each group's label on a line of its own, then
/// its bars, each followed by its words. `max` is the figure a full bar stands for.
pub fn bars(id: &str, max: f64, groups: &[Group]) -> Markup {
    const LABEL: f64 = 18.0;
    const BAR: f64 = 14.0;
    const GAP: f64 = 5.0;
    const AFTER: f64 = 10.0;
    let height: f64 = groups
        .iter()
        .map(|g| LABEL + (g.bars.len().max(1) as f64) * (BAR + GAP) + AFTER)
        .sum::<f64>()
        + 4.0;
    let scale = |v: f64| if max > 0.0 { (v / max).clamp(0.0, 1.0) * BAR_SPACE } else { 0.0 };
    let mut y = 0.0;
    let mut drawn = Vec::new();
    for g in groups {
        let top = y;
        y += LABEL + (g.bars.len().max(1) as f64) * (BAR + GAP) + AFTER;
        drawn.push(html! {
            g {
                title { (g.label) }
                text x="0" y=(n(top + 13.0)) fill=(INK) font-weight="600" { (cut(&g.label, 44)) }
                @if g.bars.is_empty() {
                    text x="0" y=(n(top + LABEL + 11.0)) fill=(INK) font-style="italic" {
                        (g.note.as_deref().unwrap_or(""))
                    }
                }
                @for (i, b) in g.bars.iter().enumerate() {
                    @let by = top + LABEL + i as f64 * (BAR + GAP);
                    @let w = scale(b.value);
                    line x1="0.5" y1=(n(by - 1.0)) x2="0.5" y2=(n(by + BAR + 1.0)) stroke=(RULE) {}
                    @if w > 0.0 {
                        rect x="1" y=(n(by)) width=(n(w)) height=(n(BAR)) fill=(fill(id, b.fill))
                            stroke=(stroke(b.fill)) stroke-width="1.5" {}
                    }
                    text x=(n(w + 6.0)) y=(n(by + 11.0)) fill=(INK) { (b.words) }
                }
            }
        });
    }
    svg(
        id,
        height,
        html! {
            (patterns(id))
            @for g in &drawn { (g) }
        },
    )
}

/// A line over the sessions of a series, 0 to `max`, each point with its figure written above it.
pub fn line(id: &str, max: f64, points: &[(String, f64, String)]) -> Markup {
    const TOP: f64 = 24.0;
    const PLOT: f64 = 150.0;
    const LEFT: f64 = 36.0;
    let height = TOP + PLOT + 40.0;
    let step =
        if points.len() > 1 { (WIDTH - LEFT - 40.0) / (points.len() - 1) as f64 } else { 0.0 };
    let x = |i: usize| LEFT + 20.0 + i as f64 * step;
    let y = |v: f64| TOP + PLOT - (v / max).clamp(0.0, 1.0) * PLOT;
    let path: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, (_, v, _))| format!("{},{}", n(x(i)), n(y(*v))))
        .collect();
    svg(
        id,
        height,
        html! {
            @for tick in [0.0, 0.5, 1.0] {
                line x1=(n(LEFT)) x2=(n(WIDTH - 4.0)) y1=(n(y(tick * max))) y2=(n(y(tick * max)))
                    stroke=(RULE) stroke-width="1" stroke-dasharray=(if tick == 0.0 { "none" } else { "3 3" }) {}
                text x=(n(LEFT - 4.0)) y=(n(y(tick * max) + 4.0)) fill=(INK) text-anchor="end" {
                    (format!("{}", tick * max))
                }
            }
            polyline points=(path.join(" ")) fill="none" stroke=(BLUE) stroke-width="2.5" {}
            @for (i, (label, v, words)) in points.iter().enumerate() {
                circle cx=(n(x(i))) cy=(n(y(*v))) r="4.5" fill=(BLUE) stroke=(PAPER) stroke-width="1.5" {}
                text x=(n(x(i))) y=(n(y(*v) - 9.0)) fill=(INK) text-anchor="middle" font-weight="600" { (words) }
                // "Wed 25 Nov 20:13" on two lines: the day, then the time.
                @let (day, time) = label.rsplit_once(' ').unwrap_or((label.as_str(), ""));
                text x=(n(x(i))) y=(n(TOP + PLOT + 18.0)) fill=(INK) text-anchor="middle" font-size="11" {
                    (cut(day, 14))
                    tspan x=(n(x(i))) dy="13" { (cut(time, 14)) }
                }
            }
        },
    )
}

/// A row of scores: its label, and each column's score with its mark of change ("↑", "↓" or "").
pub type ScoreRow = (String, Vec<(Option<u8>, &'static str)>);

/// Scores 0 to 4 as rows of four dots, filled to the score (●●○○), one
/// column each (a checkpoint, or a session), with a word for each change.
pub fn dots(id: &str, columns: &[String], rows: &[ScoreRow]) -> Markup {
    const HEAD: f64 = 36.0;
    const ROW: f64 = 22.0;
    const LABEL: f64 = 120.0;
    let col = ((WIDTH - LABEL) / columns.len().max(1) as f64).max(60.0);
    let width = (LABEL + col * columns.len() as f64).max(WIDTH);
    let height = HEAD + ROW * rows.len() as f64 + 6.0;
    html! {
        svg.chart xmlns="http://www.w3.org/2000/svg" viewBox=(format!("{} 0 {} {}", n(-MARGIN), n(width + 2.0 * MARGIN), n(height)))
            role="img" aria-labelledby=(format!("{id}-title {id}-desc")) font-size=(n(FONT)) {
            @for (c, heading) in columns.iter().enumerate() {
                // "Wed 25 Nov 20:13" or "end (21:10)" on two lines.
                @let (first, second) = heading.rsplit_once(' ').unwrap_or((heading.as_str(), ""));
                @let fits = ((col - 6.0) / 6.5) as usize;
                text x=(n(LABEL + c as f64 * col + 4.0)) y="13" fill=(INK) font-weight="600" font-size="10" {
                    (cut(first, fits))
                    tspan x=(n(LABEL + c as f64 * col + 4.0)) dy="13" { (cut(second, fits)) }
                }
            }
            @for (r, (label, scores)) in rows.iter().enumerate() {
                @let y = HEAD + r as f64 * ROW;
                line x1="0" x2=(n(width)) y1=(n(y + ROW - 3.0)) y2=(n(y + ROW - 3.0)) stroke=(RULE) stroke-width="0.5" {}
                g {
                    title { (label) }
                    text x="0" y=(n(y + 12.0)) fill=(INK) { (cut(label, 17)) }
                }
                @for (c, (score, change)) in scores.iter().enumerate() {
                    @let x0 = LABEL + c as f64 * col + 8.0;
                    @match score {
                        Some(s) => {
                            @for d in 0..4u8 {
                                circle cx=(n(x0 + d as f64 * 11.0)) cy=(n(y + 8.0)) r="4.5"
                                    fill=(if d < *s { BLUE } else { PAPER }) stroke=(BLUE) stroke-width="1.3" {}
                            }
                            text x=(n(x0 + 44.0)) y=(n(y + 12.0)) fill=(INK) { (change) }
                        }
                        None => {
                            text x=(n(x0 - 4.0)) y=(n(y + 12.0)) fill=(INK) font-size="11" { "not scored" }
                        }
                    }
                }
            }
        }
    }
}

/// A chart as a figure: its title and what it shows (which name the SVG for
/// a screen reader), the chart, and the table of its figures beneath it.
pub fn figure(id: &str, title: &str, description: &str, chart: Markup, table: Markup) -> Markup {
    html! {
        figure aria-labelledby=(format!("{id}-title")) {
            figcaption {
                p.chart-title id=(format!("{id}-title")) { (title) }
                p.chart-desc id=(format!("{id}-desc")) { (description) }
            }
            (chart)
            (table)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_cut_by_columns_not_bytes() {
        assert_eq!(cut("Ideas", 10), "Ideas");
        assert_eq!(cut("abcdefghij", 10), "abcdefghij");
        assert_eq!(cut("abcdefghijk", 10), "abcdefghi…");
        // Each of these is two columns wide.
        assert_eq!(cut("東京都庁舎前広場", 8), "東京都…");
    }

    #[test]
    fn a_bar_says_its_figure_and_is_never_colour_alone() {
        let svg = bars(
            "c",
            10.0,
            &[Group {
                label: "<b>Stage</b>".into(),
                bars: vec![
                    Bar::new(5.0, "took 05:00", Fill::Solid),
                    Bar::new(10.0, "planned 10:00", Fill::Hatched),
                ],
                note: None,
            }],
        )
        .into_string();
        assert!(svg.contains("&lt;b&gt;Stage&lt;/b&gt;"));
        assert!(svg.contains(">took 05:00<") && svg.contains(">planned 10:00<"));
        assert!(svg.contains("url(#c-hatched)"));
        // Inside an SVG an HTML parser closes nothing by itself: every element is closed.
        for element in ["rect", "line", "text", "title", "g"] {
            let open = svg.matches(&format!("<{element} ")).count()
                + svg.matches(&format!("<{element}>")).count();
            assert_eq!(open, svg.matches(&format!("</{element}>")).count(), "{element} in {svg}");
        }
        assert!(svg.contains(r#"width="105.0""#) && svg.contains(r#"width="210.0""#), "{svg}");
    }
}
