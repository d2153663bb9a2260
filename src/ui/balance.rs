//! The voice balance: airtime by person and by role, the equality index, and who is not heard yet.

use std::borrow::Cow;
use std::cell::RefCell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::kept;
use super::paint;
use super::text::cut;
use super::text::pad as pad_to;
use super::theme::Theme;
use crate::model::balance::{Balance, plural};
use crate::model::length::Ms;
use crate::model::queue::short;
use crate::model::room::Room;
use crate::model::text::width;

/// "GPs: 1 of 8 people, 31% of airtime" for every role, or all in a shorter form where one would not fit.
pub fn role_lines(balance: &Balance, room_for: usize) -> Vec<String> {
    let long: Vec<String> = balance
        .roles
        .iter()
        .map(|r| {
            let share = crate::report::round::percent(r.share);
            format!(
                "{}: {} of {} people, {share} of airtime",
                plural(&r.role, r.people),
                r.people,
                balance.counted
            )
        })
        .collect();
    if long.iter().all(|l| width(l) <= room_for) {
        return long;
    }
    balance
        .roles
        .iter()
        .map(|r| {
            let share = crate::report::round::percent(r.share);
            cut(
                &format!(
                    "{} {}/{} · {share}",
                    plural(&r.role, r.people),
                    r.people,
                    balance.counted
                ),
                room_for,
            )
        })
        .collect()
}

/// Which roles count as lived experience, named, so the room can see whose voice is counted as whose.
pub fn lived_line(balance: &Balance, room: &Room) -> String {
    let lived: Vec<String> = balance
        .roles
        .iter()
        .filter(|r| room.lived_experience(&r.role) == Some(true))
        .map(|r| plural(&r.role, r.people))
        .collect();
    if lived.is_empty() {
        "Lived experience: no role here".into()
    } else {
        format!("Lived experience: {}", lived.join(", "))
    }
}

pub fn equality_words(balance: &Balance) -> String {
    if balance.total == 0 {
        "equality —".into()
    } else {
        format!("equality {}", crate::report::round::index(balance.equality))
    }
}

/// "▮▮▮    " for three turns, seven columns wide; "▮▮▮▮▮▮+" past six.
fn turn_ticks(turns: u32, style: Style) -> [Span<'static>; 3] {
    let n = turns.min(6) as usize;
    let more = if turns > 6 { "+" } else { " " };
    [run(TICKS, n), more.into(), run(SPACES, 6 - n)].map(|text| Span::styled(text, style))
}

// Bars are cut from these rather than built, on every frame, for every person.
const BAR: &str = "████████████████████████████████████████";
const DOTS: &str = "········································";
const TICKS: &str = "▮▮▮▮▮▮";
const SPACES: &str = "      ";

/// `n` of the character `of` is made of, borrowed from it where it is long enough.
fn run(of: &'static str, n: usize) -> Cow<'static, str> {
    let unit = of.chars().next().map_or(1, char::len_utf8);
    match of.get(..n * unit) {
        Some(part) => Cow::Borrowed(part),
        None => Cow::Owned(of[..unit].repeat(n)),
    }
}

/// Everything a person's bar line is drawn from, to know it again.
struct Bar {
    name: String,
    /// Here, or the room closed: the name without "(left)".
    whole: bool,
    facilitates: bool,
    filled: usize,
    airtime: Ms,
    turns: u32,
    columns: (usize, usize, bool),
    styles: [Style; 3],
}

thread_local! {
    /// The bar lines of the last frame: only the speaker's changes from one
    /// second to the next.
    static BARS: RefCell<kept::Lines<Bar>> = const { RefCell::new(kept::Lines::new()) };
}

/// The voice balance pane: a bar a person, the roles' shares, who is not heard yet.
pub struct BalancePane<'a> {
    pub room: &'a Room,
    pub now: Ms,
    pub theme: &'a Theme,
}

impl Widget for BalancePane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let BalancePane { room, now, theme } = self;
        let balance = room.balance(now);
        let title = format!(" Voice balance · {} ", equality_words(&balance));
        let inner = paint::bordered(buf, area, title, theme.border);
        let w = inner.width as usize;
        // The lines from the first that does not fit on, wrapped as they come.
        let mut lines: Vec<Line> = Vec::new();
        let text = inner.intersection(buf.area);
        let mut y = text.top();

        let shown: Vec<_> =
            balance.voices.iter().filter(|v| v.counted || room.people[v.who].here()).collect();
        // The roles, the line naming those counted as lived experience, and at
        // least one line of who is not heard yet: the rest is the bars'.
        let role_rows = balance.roles.len() + 1;
        let for_bars = (inner.height as usize).saturating_sub(role_rows + 1);
        // Everyone's bar and a blank line under them where they fit; else as many
        // as fit and a line saying how many more, so bars never vanish while
        // there is room for some.
        let (bars, more) = if for_bars > shown.len() {
            (shown.len(), 0)
        } else if for_bars >= 2 {
            (for_bars - 1, shown.len() - (for_bars - 1))
        } else {
            (0, 0)
        };
        if bars > 0 {
            let most = shown.iter().map(|v| v.airtime).max().unwrap_or(0).max(1);
            let name_w = (w / 3).clamp(6, 22);
            // Turns as a bar too where there is room: a tick a turn, up to six.
            let ticks = w >= 50;
            let tail_w = if ticks { 17 } else { 10 };
            let bar_w = w.saturating_sub(name_w + tail_w + 2);
            let columns = (name_w, bar_w, ticks);
            let styles = [theme.text, theme.dim, theme.bar];
            BARS.with_borrow_mut(|kept| {
                for (n, voice) in shown.iter().take(bars).enumerate() {
                    let person = &room.people[voice.who];
                    let filled =
                        (voice.airtime as usize * bar_w).div_ceil(most as usize).min(bar_w);
                    let bar = Bar {
                        name: String::new(),
                        whole: person.here() || room.closed,
                        facilitates: person.facilitates(),
                        filled: if voice.airtime == 0 { 0 } else { filled.max(1) },
                        airtime: voice.airtime,
                        turns: voice.turns,
                        columns,
                        styles,
                    };
                    if !lines.is_empty() || text.is_empty() || y >= text.bottom() {
                        lines.push(bar_line(&bar, &person.name, theme));
                        continue;
                    }
                    let same = |k: &Bar| {
                        (&k.name, k.whole, k.facilitates, k.filled, k.airtime, k.turns)
                            == (
                                &person.name,
                                bar.whole,
                                bar.facilitates,
                                bar.filled,
                                bar.airtime,
                                bar.turns,
                            )
                            && (k.columns, k.styles) == (columns, styles)
                    };
                    let make = || {
                        let line = bar_line(&bar, &person.name, theme);
                        (Bar { name: person.name.clone(), ..bar }, line)
                    };
                    let row = Rect { y, height: 1, ..text };
                    match kept.draw(buf, row, n, same, make) {
                        None => y += 1,
                        Some(line) => lines.push(line),
                    }
                }
            });
            if more > 0 {
                lines.push(Line::styled(cut(&format!("… {more} more people"), w), theme.dim));
            } else {
                lines.push(Line::from(""));
            }
        }
        for line in role_lines(&balance, w) {
            lines.push(Line::styled(line, theme.text));
        }
        lines.push(Line::styled(cut(&lived_line(&balance, room), w), theme.dim));
        let not_heard: Vec<&str> =
            balance.not_heard.iter().map(|&i| room.people[i].name.as_str()).collect();
        let heard = if balance.counted == 0 {
            "No one here yet.".to_string()
        } else if not_heard.is_empty() {
            "Everyone here has been heard.".to_string()
        } else {
            format!("Not heard yet: {}", not_heard.join(", "))
        };
        lines.push(Line::styled(heard, theme.title));
        // Only the last line, of who is not heard yet, is left to wrap.
        let rest = Rect { y, height: text.bottom().saturating_sub(y), ..text };
        paint::wrapped(buf, rest, lines, Style::default());
    }
}

/// A person's bar line: name, airtime as a bar, the time itself, turns.
fn bar_line(bar: &Bar, name: &str, theme: &Theme) -> Line<'static> {
    let (name_w, bar_w, ticks) = bar.columns;
    // Marks stay in the columns they belong to, so a line never wraps.
    let name = if bar.whole {
        cut(name, name_w)
    } else {
        format!("{} (left)", cut(name, name_w.saturating_sub(7)))
    };
    let pad = name_w.saturating_sub(width(&name));
    let mut spans = Vec::with_capacity(8);
    spans.push(Span::styled(format!("{name}{:pad$} ", ""), theme.text));
    if bar.facilitates {
        // Not counted, so no bar to measure against the others.
        spans.push(Span::styled(pad_to("facilitator, uncounted", bar_w), theme.dim));
    } else {
        spans.push(Span::styled(run(BAR, bar.filled), theme.bar));
        spans.push(Span::styled(run(DOTS, bar_w - bar.filled), theme.dim));
    }
    spans.push(Span::styled(format!(" {:>5} ", short(bar.airtime)), theme.text));
    if ticks {
        spans.extend(turn_ticks(bar.turns, theme.bar));
    }
    spans.push(Span::styled(format!("×{}", bar.turns), theme.text));
    Line::from(spans)
}
