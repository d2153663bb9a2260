//! Sessions of a series side by side: are we sharing more power than before?

use serde::Serialize;

use super::summary::Summary;
use crate::model::balance::many;
use crate::model::reflection::score_words;

/// One session's figures, as the comparison sets them beside the others'.
/// What a row of the side-by-side table shows: the screen draws some with bars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    Time,
    People,
    Equality,
    LivedAirtime,
    LivedIdeas,
    /// One role's share of the airtime and of the people.
    Role,
    CarriedDone,
    /// One component's score.
    Score,
}

/// A row of the side-by-side table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub figure: Figure,
    pub label: String,
    /// One cell per session, oldest first.
    pub cells: Vec<String>,
}

impl Row {
    fn new(figure: Figure, label: &str, cells: Vec<String>) -> Row {
        Row { figure, label: label.to_string(), cells }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figures {
    pub started: String,
    pub planned_min: u64,
    pub actual_min: u64,
    /// People counted in the balance: here once the workshop was under way, the facilitator aside.
    pub present: usize,
    /// Of them, how many had a turn.
    pub heard: usize,
    #[serde(serialize_with = "super::round::serialize_index")]
    pub equality: f64,
    /// People with lived experience: their share of the airtime and of the people, 0..1.
    #[serde(serialize_with = "super::round::serialize_share")]
    pub lived_airtime: f64,
    #[serde(serialize_with = "super::round::serialize_share")]
    pub lived_people: f64,
    #[serde(serialize_with = "super::round::serialize_share")]
    pub lived_ideas: f64,
    /// Ideas with a name to them.
    pub attributed_ideas: usize,
    /// Actions carried from the cycle before, and how many of them are done.
    pub carried: usize,
    pub carried_done: usize,
    /// Each component's score at the session's last checkpoint.
    pub scores: Vec<(String, Option<u8>)>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// Each session's full report, oldest first.
    pub sessions: Vec<Summary>,
    pub figures: Vec<Figures>,
    /// The question answered with the figures, in a sentence.
    pub answer: String,
    /// Sessions of the series left out of the answer: rehearsals and
    /// unfinished ones, unless asked for.
    pub left_out: Vec<LeftOut>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LeftOut {
    /// The session's file name.
    pub session: String,
    /// "rehearsal" or "unfinished".
    pub why: String,
}

fn figures(s: &Summary) -> Figures {
    let counted: Vec<_> = s.participants.iter().filter(|p| p.counted).collect();
    let lived: Vec<_> = s.roles.iter().filter(|r| r.lived_experience == Some(true)).collect();
    let checkpoint = s.reflections.last().map(|r| r.checkpoint.clone());
    let scores = s
        .reflections
        .iter()
        .filter(|r| Some(&r.checkpoint) == checkpoint.as_ref())
        .map(|r| (r.component.clone(), r.score))
        .collect();
    let carried: Vec<_> = s.actions.iter().filter(|a| a.carried).collect();
    Figures {
        started: s.started.clone(),
        planned_min: s.planned_s.div_ceil(60),
        actual_min: (s.actual_s + 30) / 60,
        present: counted.len(),
        heard: counted.iter().filter(|p| p.turns > 0).count(),
        equality: s.equality,
        lived_airtime: lived.iter().map(|r| r.share).sum(),
        lived_people: lived.iter().map(|r| r.people_share).sum(),
        lived_ideas: lived.iter().map(|r| r.ideas_share).sum(),
        attributed_ideas: s.ideas.iter().filter(|i| i.author.is_some()).count(),
        carried: carried.len(),
        carried_done: carried.iter().filter(|a| a.status == "done").count(),
        scores,
    }
}

use super::round::{hundredths, index as two, percent as pct};

/// A session's figures as the verdict reads them, in hundredths: equality of
/// airtime, and lived experience's share of the airtime and of the people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shares {
    pub equality: i64,
    pub lived_airtime: i64,
    pub lived_people: i64,
}

impl Shares {
    fn of(f: &Figures) -> Shares {
        Shares {
            equality: hundredths(f.equality),
            lived_airtime: hundredths(f.lived_airtime),
            lived_people: hundredths(f.lived_people),
        }
    }

    /// How far lived experience's airtime falls short of its share of the people.
    fn gap(self) -> i64 {
        (self.lived_people - self.lived_airtime).max(0)
    }
}

/// The rule, written out in the README: a change counts when it is at least
/// 5 points (0.05 of equality, 5% of a share), as shown.
///
/// - Lived experience is heard better when its gap (its share of the people
///   less its share of the airtime, if that is more) shrank by 5 points or
///   more; worse when it grew by 5 or more.
/// - Airtime is spread more evenly when equality rose by 0.05 or more; less
///   evenly when it fell by 0.05 or more.
/// - Better heard and not less even: "Yes, more than last time". Worse heard
///   and not more even: "No, less than last time". One better and the other
///   worse: "Mixed". Only evenness moved: "Yes, a little more" or "No, a
///   little less". Nothing moved 5 points: "About the same".
/// - With no role counted as lived experience, evenness alone decides:
///   "Yes, more evenly", "No, less evenly" or "About the same".
pub fn verdict(then: Shares, now: Shares, lived_known: bool) -> &'static str {
    let even = now.equality - then.equality;
    let (more_even, less_even) = (even >= 5, even <= -5);
    if !lived_known {
        return match (more_even, less_even) {
            (true, _) => "Yes, more evenly than last time",
            (_, true) => "No, less evenly than last time",
            _ => "About the same as last time",
        };
    }
    let heard = now.gap() - then.gap();
    let (better, worse) = (heard <= -5, heard >= 5);
    match (better, worse, more_even, less_even) {
        (true, _, _, false) => "Yes, more than last time",
        (_, true, false, _) => "No, less than last time",
        (true, _, _, true) | (_, true, true, _) => "Mixed: one measure rose and the other fell",
        (false, false, true, _) => "Yes, a little more than last time",
        (false, false, _, true) => "No, a little less than last time",
        _ => "About the same as last time",
    }
}

/// "Are we sharing more power than before?", answered from the last two
/// sessions by `verdict`, with the figures it read.
fn answer(sessions: &[Summary], figures: &[Figures]) -> String {
    let [.., then, now] = figures else {
        return "Only one session so far: nothing to compare with yet.".into();
    };
    let lived_roles: Vec<String> = sessions
        .last()
        .map(|s| {
            s.roles
                .iter()
                .filter(|r| r.lived_experience == Some(true))
                .map(|r| r.role.clone())
                .collect()
        })
        .unwrap_or_default();
    let (t, n) = (Shares::of(then), Shares::of(now));
    let verdict = verdict(t, n, !lived_roles.is_empty());
    let moved = match n.equality - t.equality {
        d if d > 0 => "rose",
        d if d < 0 => "fell",
        _ => "stayed",
    };
    let spread =
        format!("equality of airtime {moved} from {} to {}", two(then.equality), two(now.equality));
    if lived_roles.is_empty() {
        return format!(
            "{verdict}: {spread}; no role here counts as lived experience, so whose voice grew cannot be told."
        );
    }
    let fair = if n.gap() == 0 { "at least their share" } else { "less than their share" };
    format!(
        "{verdict}: people with lived experience ({}) had {fair} of the airtime, {} as {} of the people (last time {} as {}), and {spread}.",
        lived_roles.join(", "),
        pct(now.lived_airtime),
        pct(now.lived_people),
        pct(then.lived_airtime),
        pct(then.lived_people),
    )
}

impl Comparison {
    pub fn of(mut sessions: Vec<Summary>) -> Comparison {
        sessions.sort_by(|a, b| a.started.cmp(&b.started));
        let figures: Vec<Figures> = sessions.iter().map(figures).collect();
        let answer = answer(&sessions, &figures);
        Comparison { sessions, figures, answer, left_out: Vec::new() }
    }

    /// The rows of the side-by-side table: what each is, its label, and one cell per session.
    pub fn table(&self) -> Vec<Row> {
        let f = &self.figures;
        let arrow = |i: usize, now: f64, then: Option<f64>| match then {
            Some(t) if i > 0 && now > t + 1e-9 => " ↑",
            Some(t) if i > 0 && now < t - 1e-9 => " ↓",
            _ => "",
        };
        let mut rows = vec![
            Row::new(
                Figure::Time,
                "Time: planned / actual (min)",
                f.iter().map(|x| format!("{} / {}", x.planned_min, x.actual_min)).collect(),
            ),
            Row::new(
                Figure::People,
                "People here / heard",
                f.iter().map(|x| format!("{} / {}", x.present, x.heard)).collect(),
            ),
            Row::new(
                Figure::Equality,
                "Equality of airtime",
                f.iter()
                    .enumerate()
                    .map(|(i, x)| {
                        format!(
                            "{}{}",
                            two(x.equality),
                            arrow(i, x.equality, i.checked_sub(1).map(|p| f[p].equality))
                        )
                    })
                    .collect(),
            ),
            Row::new(
                Figure::LivedAirtime,
                "Lived experience: airtime / people",
                f.iter()
                    .map(|x| format!("{} / {}", pct(x.lived_airtime), pct(x.lived_people)))
                    .collect(),
            ),
            Row::new(
                Figure::LivedIdeas,
                "Lived experience: ideas",
                f.iter()
                    .map(|x| if x.attributed_ideas == 0 { "–".into() } else { pct(x.lived_ideas) })
                    .collect(),
            ),
        ];
        let mut roles: Vec<String> = Vec::new();
        for s in &self.sessions {
            for r in &s.roles {
                if !roles.contains(&r.role) {
                    roles.push(r.role.clone());
                }
            }
        }
        for role in roles {
            let cells = self
                .sessions
                .iter()
                .map(|s| match s.roles.iter().find(|r| r.role == role) {
                    Some(r) => {
                        format!(
                            "{} / {} · {}",
                            pct(r.share),
                            pct(r.people_share),
                            many(r.ideas, "idea")
                        )
                    }
                    None => "–".into(),
                })
                .collect();
            rows.push(Row::new(Figure::Role, &format!("{role}: airtime / people"), cells));
        }
        rows.push(Row::new(
            Figure::CarriedDone,
            "Actions from before: done",
            f.iter()
                .map(|x| {
                    if x.carried == 0 {
                        "–".into()
                    } else {
                        format!("{} of {}", x.carried_done, x.carried)
                    }
                })
                .collect(),
        ));
        let mut components: Vec<String> = Vec::new();
        for x in f {
            for (c, _) in &x.scores {
                if !components.contains(c) {
                    components.push(c.clone());
                }
            }
        }
        for component in components {
            let score =
                |x: &Figures| x.scores.iter().find(|(c, _)| *c == component).and_then(|(_, s)| *s);
            let cells = f
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    let now = score(x);
                    let then = i.checked_sub(1).and_then(|p| score(&f[p]));
                    let mark = match (now, then) {
                        (Some(n), Some(t)) if n > t => " ↑",
                        (Some(n), Some(t)) if n < t => " ↓",
                        _ => "",
                    };
                    format!("{}{mark}", score_words(now))
                })
                .collect();
            rows.push(Row::new(Figure::Score, &component, cells));
        }
        rows
    }

    /// When each session began, as a column heading: "Tue 18 Nov".
    pub fn headings(&self) -> Vec<String> {
        self.sessions
            .iter()
            .map(|s| {
                chrono::DateTime::parse_from_rfc3339(&s.started)
                    .map_or_else(|_| s.started.clone(), |t| t.format("%a %-d %b %H:%M").to_string())
            })
            .collect()
    }

    pub fn markdown(&self) -> String {
        let title = self.sessions.first().map_or("", |s| s.title.as_str());
        let series = self.sessions.first().and_then(|s| s.series.clone()).unwrap_or_default();
        let mut out = format!(
            "# {title}: {} of the series {series}\n\n",
            many(self.sessions.len(), "session")
        );
        out.push_str(&format!("**Are we sharing more power than before?** {}\n\n", self.answer));
        if !self.left_out.is_empty() {
            let named: Vec<String> =
                self.left_out.iter().map(|l| format!("{} ({})", l.session, l.why)).collect();
            out.push_str(&format!("Left out: {}. `--all` takes them in.\n\n", named.join(", ")));
        }
        let headings = self.headings();
        out.push_str(&format!("| | {} |\n", headings.join(" | ")));
        out.push_str(&format!("|---|{}\n", "---|".repeat(headings.len())));
        for Row { label, cells, .. } in self.table() {
            out.push_str(&format!("| {} | {} |\n", label.replace('|', "\\|"), cells.join(" | ")));
        }
        out
    }

    pub fn csv(&self) -> String {
        let mut rows =
            vec![std::iter::once("figure".to_string()).chain(self.headings()).collect::<Vec<_>>()];
        for Row { label, cells, .. } in self.table() {
            rows.push(std::iter::once(label).chain(cells).collect());
        }
        rows.push(vec!["answer".into(), self.answer.clone()]);
        for l in &self.left_out {
            rows.push(vec!["left out".into(), l.session.clone(), l.why.clone()]);
        }
        super::csv::write(&rows)
    }

    pub fn json(&self) -> String {
        // Strings and numbers only: this cannot fail.
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(equality: i64, lived_airtime: i64, lived_people: i64) -> Shares {
        Shares { equality, lived_airtime, lived_people }
    }

    #[test]
    fn the_verdict_follows_its_written_rule() {
        // (then, now, lived roles known, verdict)
        let cases = [
            // Lived experience heard better, evenness steady or better: yes.
            (s(70, 30, 50), s(70, 45, 50), true, "Yes, more than last time"),
            (s(70, 30, 50), s(80, 45, 50), true, "Yes, more than last time"),
            // Heard worse, evenness steady or worse: no.
            (s(70, 50, 50), s(70, 40, 50), true, "No, less than last time"),
            (s(70, 50, 50), s(60, 40, 50), true, "No, less than last time"),
            // One better, the other worse: mixed, never a yes or a no.
            (s(80, 30, 50), s(60, 45, 50), true, "Mixed: one measure rose and the other fell"),
            (s(60, 50, 50), s(80, 40, 50), true, "Mixed: one measure rose and the other fell"),
            // Only evenness moved.
            (s(70, 60, 50), s(75, 60, 50), true, "Yes, a little more than last time"),
            (s(82, 59, 57), s(72, 70, 57), true, "No, a little less than last time"),
            // Below 5 points, nothing moved: about the same.
            (s(70, 40, 50), s(74, 44, 50), true, "About the same as last time"),
            (s(70, 40, 50), s(66, 36, 50), true, "About the same as last time"),
            // Above their share both times: no gap to close, evenness decides.
            (s(70, 60, 50), s(70, 80, 50), true, "About the same as last time"),
            // No lived experience to tell by: evenness alone.
            (s(71, 0, 0), s(27, 0, 0), false, "No, less evenly than last time"),
            (s(50, 0, 0), s(55, 0, 0), false, "Yes, more evenly than last time"),
            (s(50, 0, 0), s(54, 0, 0), false, "About the same as last time"),
        ];
        for (then, now, known, want) in cases {
            assert_eq!(verdict(then, now, known), want, "{then:?} → {now:?}");
        }
    }
}
