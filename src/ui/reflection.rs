//! The reflection screen: one row per component with its prompt, the group's
//! score in symbols and words, the room's tally, a note; then the two
//! questions that check direction, with the evidence; then the ladder.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::text::{cut, pad, wrap};
use super::theme::Theme;
use crate::app::live::Before;
use crate::model::reflection::{Answer, LEVELS, Mark, Question, Rung, score_words};
use crate::model::text::width;
use crate::model::{Ms, State};

/// "0·1 1·0 2·3 3·4 4·2 · 10 people · median 3 mostly · spread 0–4", or hidden in blind capture.
pub fn tally_words(mark: &Mark, blind: bool) -> String {
    let n = mark.counted();
    if n == 0 {
        return "no tally".into();
    }
    if blind {
        return format!("tally hidden ({n} counted) until the reveal");
    }
    let counts: Vec<String> = (0..5).map(|l| format!("{l}·{}", mark.tally[l])).collect();
    let median = mark.median().map_or(String::new(), |m| {
        if m.fract() == 0.0 {
            format!("median {m} {}", LEVELS[m as usize])
        } else {
            format!("median {m:.1}")
        }
    });
    let spread = mark.spread().map_or(String::new(), |(lo, hi)| format!("spread {lo}–{hi}"));
    format!(
        "{} · {n} {} · {median} · {spread}",
        counts.join(" "),
        if n == 1 { "person" } else { "people" }
    )
}

/// A small histogram of the tally, one bar a level, with the tally cursor under its level.
fn histogram(mark: &Mark, cursor: Option<usize>, theme: &Theme) -> Line<'static> {
    const BARS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
    let most = mark.tally.iter().copied().max().unwrap_or(0).max(1);
    let mut spans = Vec::new();
    for l in 0..5 {
        let h = (mark.tally[l] * 8).div_ceil(most) as usize;
        let bar = if mark.tally[l] == 0 { "·" } else { BARS[h.min(8)] };
        let style = if cursor == Some(l) { theme.selected } else { theme.bar };
        spans.push(Span::styled(format!("{l}{bar}"), style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

/// `selected`: the row, and the tally's level.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    selected: (usize, usize),
    before: Option<&Before>,
    now: Ms,
    theme: &Theme,
) {
    let (row, tally_level) = selected;
    let reflections = &state.reflections;
    let checkpoint = reflections.current();
    let title = match checkpoint {
        Some(c) => format!(
            " Reflection · checkpoint \"{}\" · {} in this session ",
            c.label,
            reflections.checkpoints.len()
        ),
        None => " Reflection · the first score starts a checkpoint ".to_string(),
    };
    let block = Block::bordered().title(title).border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    let blind = state.ideas.blind;
    let n = state.components.len();

    // The components, each a few lines; the selected one with its prompt in full.
    let name_w =
        state.components.iter().map(|c| width(&c.name)).max().unwrap_or(8).min(w / 3).max(6);
    let mut rows: Vec<Vec<Line>> = Vec::new();
    for (i, component) in state.components.iter().enumerate() {
        let chosen = i == row;
        let mark = checkpoint.map(|c| c.marks[i].clone()).unwrap_or_default();
        let style = if chosen { theme.selected } else { theme.text };
        let pointer = if chosen { "▶ " } else { "  " };
        let score = pad(&score_words(mark.score), 15);
        let rest = w.saturating_sub(2 + name_w + 2 + width(&score) + 2);
        // The selected component's prompt wraps under itself, in full; the others are cut.
        let prompt = if chosen && rest >= 12 {
            wrap(&component.prompt, rest)
        } else {
            vec![cut(&component.prompt, rest)]
        };
        let mut lines = vec![Line::from(vec![
            Span::styled(format!("{pointer}{} ", pad(&component.name, name_w)), style),
            Span::styled(
                format!(" {score}  "),
                if mark.score.is_some() { theme.title } else { theme.dim },
            ),
            Span::styled(prompt[0].clone(), theme.reason),
        ])];
        for piece in &prompt[1..] {
            let under = " ".repeat(w - rest);
            lines.push(Line::styled(format!("{under}{piece}"), theme.reason));
        }
        let indent = " ".repeat(name_w + 3);
        if chosen || mark.counted() > 0 {
            let mut tally = vec![Span::raw(indent.clone())];
            if !blind {
                tally.extend(histogram(&mark, chosen.then_some(tally_level), theme).spans);
            }
            tally.push(Span::styled(tally_words(&mark, blind), theme.reason));
            lines.push(Line::from(tally));
        }
        if let Some(note) = &mark.note {
            for piece in wrap(&format!("note: {note}"), w.saturating_sub(indent.len())) {
                lines.push(Line::styled(format!("{indent}{piece}"), theme.reason));
            }
        }
        rows.push(lines);
    }

    // The two questions, with the evidence beside the second.
    for (q, question) in Question::BOTH.iter().enumerate() {
        let chosen = row == n + q;
        let style = if chosen { theme.selected } else { theme.title };
        let answer = checkpoint.and_then(|c| c.answers[q].clone());
        let said =
            answer.as_ref().map_or("not answered yet".to_string(), |(a, _)| a.label().to_string());
        let mut lines = vec![Line::from(vec![
            Span::styled(
                format!("{}{} ", if chosen { "▶ " } else { "  " }, question.text()),
                style,
            ),
            Span::styled(said, theme.text),
        ])];
        if let Some((_, Some(note))) = &answer {
            lines.push(Line::styled(cut(&format!("    note: {note}"), w), theme.reason));
        }
        // What phones answered, anonymously: counted, hidden while the tally is.
        if let Some(felt) = checkpoint.map(|c| c.felt[q]).filter(|f| f.iter().sum::<u32>() > 0) {
            let words = if state.ideas.blind {
                format!(
                    "    from phones: {} answers, hidden until the reveal",
                    felt.iter().sum::<u32>()
                )
            } else {
                let counts: Vec<String> = Answer::ALL
                    .iter()
                    .zip(felt)
                    .map(|(a, n)| format!("{} {n}", a.label()))
                    .collect();
                format!("    from phones: {}", counts.join(" · "))
            };
            lines.push(Line::styled(cut(&words, w), theme.reason));
        }
        if *question == Question::SharingPower {
            let feelings = checkpoint.map_or(&[][..], |c| &c.feelings[..]);
            if !feelings.is_empty() {
                let words = if state.ideas.blind {
                    format!(
                        "    how it feels, from phones: {}, hidden until the reveal",
                        feelings.len()
                    )
                } else {
                    let quoted: Vec<String> =
                        feelings.iter().rev().map(|f| format!("“{f}”")).collect();
                    format!("    how it feels, from phones, latest first: {}", quoted.join(" · "))
                };
                lines.push(Line::styled(cut(&words, w), theme.reason));
            }
            lines.extend(evidence(state, before, now, w, theme));
        }
        rows.push(lines);
    }

    // The ladder: where the work stands.
    let chosen = row == n + 2;
    let placed = checkpoint.and_then(|c| c.ladder);
    let ladder: Vec<String> = Rung::ALL
        .iter()
        .rev()
        .map(|r| {
            if placed == Some(*r) {
                format!("[{}]", r.label().to_uppercase())
            } else {
                r.label().to_string()
            }
        })
        .collect();
    let style = if chosen { theme.selected } else { theme.title };
    let mut lines = vec![Line::styled(
        format!(
            "{}On the ladder of co-production, the work stands at: {}",
            if chosen { "▶ " } else { "  " },
            placed.map_or("not placed yet", |r| r.label())
        ),
        style,
    )];
    for piece in wrap(&ladder.join(" → "), w.saturating_sub(4)) {
        lines.push(Line::styled(format!("    {piece}"), theme.reason));
    }
    rows.push(lines);

    // Scroll so the selected row is in view.
    let height = inner.height as usize;
    let mut first = 0;
    while first < row
        && rows[first..=row.min(rows.len() - 1)].iter().map(Vec::len).sum::<usize>() > height
    {
        first += 1;
    }
    let lines: Vec<Line> = rows.into_iter().skip(first).flatten().collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Share of airtime and of ideas by role, then and now, for "are we sharing more power than before?".
fn evidence(
    state: &State,
    before: Option<&Before>,
    now: Ms,
    w: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let now_shares = state.balance(now).roles;
    let Some(before) = before else {
        return vec![Line::styled(
            cut(
                "    No earlier session of this series to compare with; the figures now are in the voice balance.",
                w,
            ),
            theme.dim,
        )];
    };
    let mut lines = vec![Line::styled(
        cut(
            &format!(
                "    {} airtime then → now   ideas then → now   (then: {})",
                pad("role", 18),
                before.when
            ),
            w,
        ),
        theme.dim,
    )];
    let mut roles: Vec<String> = before.shares.iter().map(|r| r.role.clone()).collect();
    for r in &now_shares {
        if !roles.iter().any(|x| crate::model::text::fold(x) == crate::model::text::fold(&r.role)) {
            roles.push(r.role.clone());
        }
    }
    let find = |list: &[crate::model::balance::RoleShare], role: &str| {
        list.iter()
            .find(|r| crate::model::text::fold(&r.role) == crate::model::text::fold(role))
            .cloned()
    };
    for role in roles {
        let then = find(&before.shares, &role);
        let now = find(&now_shares, &role);
        let pct = |r: &Option<crate::model::balance::RoleShare>,
                   f: fn(&crate::model::balance::RoleShare) -> f64| {
            r.as_ref().map_or("–".to_string(), |r| crate::report::round::percent(f(r)))
        };
        let text = format!(
            "    {} {:>7} → {:<8}  {:>7} → {:<8}",
            pad(&role, 18),
            pct(&then, |r| r.share),
            pct(&now, |r| r.share),
            pct(&then, |r| r.ideas_share),
            pct(&now, |r| r.ideas_share)
        );
        lines.push(Line::styled(cut(&text, w), theme.text));
    }
    lines
}
