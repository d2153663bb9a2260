//! The record tells the truth: merged wordings kept with their authors, time
//! to the second, and every report showing what was typed, never obeying it.

mod common;

use common::{MIN, at, session};
use roundtable::model::Event;
use roundtable::model::queue::HandKind;
use roundtable::report::{Format, Summary, render};

fn summary(events: Vec<roundtable::model::Logged>) -> Summary {
    let s = session(events);
    let state =
        roundtable::model::State::fold_to_read(std::sync::Arc::new(s.plan.clone()), &s.events);
    Summary::of(&s, &state)
}

fn idea(text: &str, author: Option<&str>) -> Event {
    Event::IdeaCaptured { text: text.into(), author: author.map(String::from), components: vec![] }
}

#[test]
fn a_merged_idea_keeps_its_words_and_its_author_in_every_report() {
    let s = summary(vec![
        at(0, Event::StageChanged { to: 2 }),
        at(MIN, idea("Benches by the door", Some("Zoë"))),
        at(2 * MIN, idea("Somewhere to sit while waiting", Some("Łukasz"))),
        at(3 * MIN, idea("Seats", None)),
        at(4 * MIN, Event::IdeasMerged { from: 1, into: 0 }),
        at(5 * MIN, Event::IdeasMerged { from: 2, into: 0 }),
    ]);
    assert_eq!(s.ideas.len(), 1);
    let merged: Vec<(&str, Option<&str>)> =
        s.ideas[0].merged.iter().map(|m| (m.text.as_str(), m.author.as_deref())).collect();
    assert_eq!(merged, [("Somewhere to sit while waiting", Some("Łukasz")), ("Seats", None)]);
    let md = render(&s, Format::Md);
    assert!(md.contains("   - merged in: \"Somewhere to sit while waiting\" · Łukasz\n"), "{md}");
    assert!(md.contains("   - merged in: \"Seats\" · anonymous\n"), "{md}");
    let csv = render(&s, Format::Csv);
    assert!(
        csv.contains("merged,Benches by the door,Somewhere to sit while waiting,Łukasz,\n"),
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_str(&render(&s, Format::Json)).unwrap();
    assert_eq!(json["ideas"][0]["merged"][1]["text"], "Seats");
    assert_eq!(json["ideas"][0]["merged"][0]["author"], "Łukasz");
}

#[test]
fn the_contribution_record_counts_seconds_and_never_here_is_zero() {
    let s = summary(vec![
        at(0, Event::Left { who: "Sunny 🌞".into() }),
        at(1_000, Event::TimerStarted),
        at(2_000, Event::HandRaised { who: "Amina".into(), kind: HandKind::Normal }),
        at(3_000, Event::FloorGiven { who: "Amina".into() }),
        at(28_000, Event::TurnEnded),
        at(10 * MIN, Event::TimerPaused),
    ]);
    let amina = s.participants.iter().find(|p| p.name == "Amina").unwrap();
    assert_eq!(amina.spoken_s, 25);
    let sunny = s.participants.iter().find(|p| p.name == "Sunny 🌞").unwrap();
    assert_eq!(sunny.present_s, 0, "expected, but never here");
    let md = render(&s, Format::Md);
    let record = &md[md.find("## Contribution record").unwrap()..];
    assert!(record.contains("| Amina | resident | 10:00 | 00:25 | 0 | 0 |"), "{record}");
    assert!(record.contains("| Sunny 🌞 | commissioner | 00:00 | 00:00 | 0 | 0 |"), "{record}");
    let csv = render(&s, Format::Csv);
    assert!(csv.contains("participant,Amina,resident,1,25,600,00:25,10:00,0,0,false\n"), "{csv}");
}

#[test]
fn markdown_shows_markup_as_typed_and_a_heading_stays_one_line() {
    let typed = "**bold** <b>x</b> [link](http://x) `code` | pipe _it_ # not a heading";
    let mut plan = common::plan();
    plan.title = "Title\n# Injected heading".into();
    let s = roundtable::model::session::Session {
        plan,
        ..session(vec![at(0, Event::StageChanged { to: 2 }), at(MIN, idea(typed, None))])
    };
    let state =
        roundtable::model::State::fold_to_read(std::sync::Arc::new(s.plan.clone()), &s.events);
    let md = render(&Summary::of(&s, &state), Format::Md);
    assert!(md.starts_with("# Title \\# Injected heading\n"), "{md}");
    assert!(!md.contains("\n# Injected"), "{md}");
    assert!(
        md.contains(r"**\*\*bold\*\* \<b\>x\</b\> \[link\](http://x) \`code\` \| pipe \_it\_ \# not a heading**"),
        "{md}"
    );
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_neutralised_and_numbers_kept() {
    let s = summary(vec![
        at(0, Event::StageExtended { stage: 0, by_s: -60 }),
        at(1_000, Event::StageChanged { to: 2 }),
        at(MIN, idea("=HYPERLINK(\"http://evil\",\"click\")", None)),
        at(2 * MIN, idea("+1 for benches", None)),
        at(3 * MIN, idea("@SUM(A1:A9)", None)),
        at(4 * MIN, idea("-2+3", None)),
    ]);
    let csv = render(&s, Format::Csv);
    assert!(csv.contains("idea,\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\""), "{csv}");
    assert!(csv.contains("idea,'+1 for benches,"), "{csv}");
    assert!(csv.contains("idea,'@SUM(A1:A9),"), "{csv}");
    assert!(csv.contains("idea,'-2+3,"), "{csv}");
    // A number stays a number: the first stage was shortened by a minute.
    assert!(csv.contains("stage,1,Welcome and check-in,600,-60,"), "{csv}");
}

#[test]
fn report_out_writes_one_csv_file_per_table_each_with_one_header() {
    let dir = tempfile::tempdir().unwrap();
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sessions/examples/2026-11-25-2013-what-matters-to-us.ron"
    );
    let out =
        common::tmux::run(dir.path(), &["report", example, "--format", "csv", "--out", "tables"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    for table in [
        "session",
        "stage",
        "participant",
        "role",
        "idea",
        "merged",
        "action",
        "reflection",
        "direction",
        "ladder",
    ] {
        let text = std::fs::read_to_string(dir.path().join("tables").join(format!("{table}.csv")))
            .unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let columns = reader.headers().unwrap().len();
        for row in reader.records() {
            assert_eq!(row.unwrap().len(), columns, "{table}: a row of another width");
        }
        assert_ne!(reader.headers().unwrap().get(0), Some("table"), "{table}");
    }
    let ladder = std::fs::read_to_string(dir.path().join("tables/ladder.csv")).unwrap();
    assert!(ladder.starts_with("checkpoint,rung\n"), "{ladder}");
    let out = common::tmux::run(dir.path(), &["report", example, "--out", "tables"]);
    assert_eq!(out.status.code(), Some(1));
}

const VOICES_PLAN: &str = r#"Plan(
    title: "Peer support",
    participants: [
        (name: "Amina", role: "peer mentor"),
        (name: "Bea", role: "peer support worker"),
        (name: "Dr Lee", role: "GP"),
    ],
    voices: [
        (role: "peer mentor", lived: true),
        (role: "Peer support worker", lived: true),
        (role: "GP", lived: false),
    ],
    stages: [(title: "Talk", duration: "30m")],
)
"#;

#[test]
fn lived_experience_is_declared_in_the_plan_not_guessed() {
    let path = std::path::Path::new("voices.ron");
    let plan = roundtable::store::plan_file::parse_plan(path, VOICES_PLAN).unwrap();
    let s = roundtable::model::session::Session {
        plan: plan.clone(),
        ..session(vec![
            at(0, Event::TimerStarted),
            at(1_000, Event::FloorGiven { who: "Amina".into() }),
            at(MIN, Event::TurnEnded),
        ])
    };
    let state = roundtable::model::State::fold_to_read(std::sync::Arc::new(plan), &s.events);
    let summary = Summary::of(&s, &state);
    let lived: Vec<(&str, Option<bool>)> =
        summary.roles.iter().map(|r| (r.role.as_str(), r.lived_experience)).collect();
    assert_eq!(
        lived,
        [("peer mentor", Some(true)), ("peer support worker", Some(true)), ("GP", Some(false))]
    );
    assert!(summary.lived_declared);
    let md = render(&summary, Format::Md);
    assert!(
        md.contains(
            "Counted as lived experience: peer mentor, peer support worker (as the plan declares)."
        ),
        "{md}"
    );
    // Without `voices`, the same roles cannot be told from their names, and the report says how it read them.
    let guessed = VOICES_PLAN.replace(
        "    voices: [\n        (role: \"peer mentor\", lived: true),\n        (role: \"Peer support worker\", lived: true),\n        (role: \"GP\", lived: false),\n    ],\n",
        "",
    );
    let plan = roundtable::store::plan_file::parse_plan(path, &guessed).unwrap();
    assert!(plan.voices.is_empty());
    assert_eq!(plan.lived_experience("peer mentor"), None);
    assert_eq!(plan.lived_experience("GP"), Some(false));
}

#[test]
fn a_role_declared_twice_is_refused_at_its_place() {
    let twice = VOICES_PLAN
        .replace("(role: \"GP\", lived: false)", "(role: \"peer MENTOR\", lived: false)");
    let err = roundtable::store::plan_file::parse_plan(std::path::Path::new("voices.ron"), &twice)
        .err()
        .unwrap();
    assert_eq!(
        err.headline(),
        "voices.ron:11:16: voices[2].role: a role not already in the list: \"peer MENTOR\" is there twice"
    );
}

#[test]
fn every_figure_is_rounded_once_and_a_role_adds_up_to_its_people() {
    // Amina and Łukasz, both residents, speak 1.6 s each: 1 s each as the
    // clocks show it, so 2 s for residents (not the 3 s of 3.2 s).
    let s = summary(vec![
        at(0, Event::TimerStarted),
        at(1_000, Event::FloorGiven { who: "Amina".into() }),
        at(2_600, Event::FloorGiven { who: "Łukasz".into() }),
        at(4_200, Event::FloorGiven { who: "Zoë".into() }),
        at(9_000, Event::TurnEnded),
    ]);
    let residents = s.roles.iter().find(|r| r.role == "resident").unwrap();
    let people: u64 =
        s.participants.iter().filter(|p| p.role == "resident").map(|p| p.spoken_s).sum();
    assert_eq!((residents.spoken_s, people), (2, 2));
    // Equality as the screen and every report show it: the same two decimals.
    let json: serde_json::Value = serde_json::from_str(&render(&s, Format::Json)).unwrap();
    let shown = roundtable::report::round::index(s.equality);
    assert_eq!(format!("{:.2}", json["equality"].as_f64().unwrap()), shown);
    assert!(render(&s, Format::Md).contains(&format!("Equality of airtime: **{shown}**")));
    assert!(render(&s, Format::Csv).contains(&format!(",{}\n", json["equality"])));
    // Shares from the counts: 2 of 6 people is 0.333 in JSON, 33% on screen.
    assert_eq!(json["roles"][0]["people_share"], 0.333);
}

#[test]
fn a_past_due_date_is_flagged_overdue_on_screen_and_in_every_report() {
    use roundtable::model::action::{ActionStatus, Carried};
    let carried = |text: &str, due: &str, status| Carried {
        text: text.into(),
        owner: "Zoë".into(),
        due: chrono::NaiveDate::parse_from_str(due, "%Y-%m-%d").ok(),
        status,
        note: None,
    };
    // The session is on 2026-11-25.
    let s = summary(vec![at(
        0,
        Event::ActionsCarried {
            from: "before.ron".into(),
            actions: vec![
                carried("Ask the council", "2026-11-01", ActionStatus::Open),
                carried("Book the hall", "2026-11-02", ActionStatus::Done),
                carried("Write to the GP", "2026-12-20", ActionStatus::InProgress),
            ],
        },
    )]);
    let overdue: Vec<bool> = s.actions.iter().map(|a| a.overdue).collect();
    assert_eq!(overdue, [true, false, false]);
    assert!(
        render(&s, Format::Md).contains("| Ask the council | Zoë | 2026-11-01 | open · overdue |")
    );
    assert!(
        render(&s, Format::Csv).contains("action,Ask the council,Zoë,2026-11-01,open,,true,true\n")
    );
    let json: serde_json::Value = serde_json::from_str(&render(&s, Format::Json)).unwrap();
    assert_eq!(json["actions"][0]["overdue"], true);
}

#[test]
fn times_on_screen_and_in_reports_agree_to_the_second() {
    // 25.9 s of speaking: the balance panel's clock shows 0:25, and so must every report.
    let s = summary(vec![
        at(0, Event::TimerStarted),
        at(1_000, Event::FloorGiven { who: "Amina".into() }),
        at(26_900, Event::TurnEnded),
    ]);
    let amina = s.participants.iter().find(|p| p.name == "Amina").unwrap();
    assert_eq!(roundtable::model::queue::short(25_900), "0:25");
    assert_eq!(amina.spoken_s, 25);
    assert!(render(&s, Format::Md).contains("| Amina | resident | 1 | 00:25 |"));
}
