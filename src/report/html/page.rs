//! The page around a report: its head, its one style sheet (inline), and the
//! colours, so that every page looks and prints alike. Nothing here comes from
//! a session: the style sheet is ours, and everything else is escaped by maud.

use maud::{DOCTYPE, Markup, PreEscaped, html};

/// The text's colour, near black: 17.4:1 on white.
pub const INK: &str = "#1a1a1a";
/// Okabe and Ito's blue, the one mark colour: 5.2:1 on white, so a bar, a
/// hatch line or a marker in it stands out as well as the text does.
pub const BLUE: &str = "#0072b2";
/// Okabe and Ito's black, for a second series beside the blue.
pub const BLACK: &str = "#000000";
/// Grid lines and rules: 4.5:1 on white.
pub const RULE: &str = "#767676";
pub const PAPER: &str = "#ffffff";

/// Every colour the page draws text or marks with, against the paper it is
/// drawn on: a test holds each to 4.5:1.
#[cfg(test)]
pub const COLOURS: [&str; 4] = [INK, BLUE, BLACK, RULE];

/// The style sheet: readable on a phone, printable on A4 with no chart cut in two.
const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #ffffff; color: #1a1a1a; overflow-wrap: anywhere;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC",
  "Noto Color Emoji", sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0.5rem 0; }
h2 { font-size: 1.35rem; line-height: 1.25; margin: 2rem 0 0.5rem; padding-top: 0.75rem;
  border-top: 2px solid #1a1a1a; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.25rem; }
p, ul, ol { margin: 0.5rem 0; }
.lede { font-size: 1.1rem; }
.answer { border-left: 6px solid #0072b2; padding: 0.25rem 0 0.25rem 0.75rem; }
figure { margin: 1.25rem 0; }
figcaption { margin-bottom: 0.25rem; break-inside: avoid; page-break-inside: avoid; }
.chart-title { font-weight: 700; margin: 0; }
.chart-desc { margin: 0 0 0.25rem; }
svg.chart { display: block; width: 100%; max-width: 30rem; height: auto; margin: 0.25rem 0;
  break-inside: avoid; page-break-inside: avoid;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
svg.chart text { font-family: inherit; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.4rem;
  border-bottom: 1px solid #767676; }
thead th { border-bottom: 2px solid #1a1a1a; overflow-wrap: normal; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead .n { white-space: normal; }
.nw { white-space: nowrap; }
.role { font-weight: 400; font-size: 0.9em; }
.merged { list-style: none; padding-left: 0; margin: 0.25rem 0 0; font-size: 0.9em; font-weight: 400; }
.ladder { padding-left: 0; list-style: none; }
.ladder li { padding: 0.1rem 0.5rem; border-left: 4px solid transparent; }
.ladder li.here { border-left-color: #0072b2; font-weight: 700; }
.names { padding-left: 1.25rem; }
footer { margin-top: 2rem; font-size: 0.9rem; }
@media (max-width: 30rem) {
  main { padding: 0.75rem; }
  h1 { font-size: 1.5rem; }
  table { font-size: 0.85rem; }
  th, td { padding: 0.2rem 0.25rem; }
}
@page { size: A4; margin: 15mm 14mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2, h3, figcaption { break-after: avoid; page-break-after: avoid; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  svg.chart { max-width: 115mm; }
}
"#;

/// A whole page: `title` in the head and the body as given. No script, no
/// link, no font or image from elsewhere; the policy in the head forbids them,
/// so even a mistake could not load one.
pub fn page(title: &str, body: Markup) -> String {
    page_with(title, STYLE, body)
}

/// A whole page as `page` makes it, with a style sheet of its own.
pub fn page_with(title: &str, style: &str, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy"
                    content="default-src 'none'; style-src 'unsafe-inline'; img-src data:";
                meta name="generator" content="roundtable";
                title { (title) }
                style { (PreEscaped(style)) }
            }
            body {
                main { (body) }
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
            if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn every_colour_holds_four_and_a_half_to_one_on_the_paper() {
        for colour in COLOURS {
            let ratio = contrast(colour, PAPER);
            assert!(ratio >= 4.5, "{colour} is {ratio:.2}:1 on white");
        }
        // And the style sheet draws with no other colour than these and the paper.
        let mut found: Vec<&str> =
            STYLE.match_indices('#').map(|(i, _)| &STYLE[i..i + 7]).collect();
        found.sort();
        found.dedup();
        for colour in found {
            assert!(
                colour == PAPER || COLOURS.contains(&colour),
                "{colour} in the style sheet is not one of the checked colours"
            );
        }
    }

    #[test]
    fn a_title_is_text_and_the_page_loads_nothing() {
        let html = page("<script>alert(1)</script> & \"q\"", html! { p { "hi" } });
        assert!(
            html.contains(
                "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</title>"
            )
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("<link"));
        assert!(!html.contains("http://") && !html.contains("https://"));
    }
}
