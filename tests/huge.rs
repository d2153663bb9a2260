//! Huge input loads in bounded time, or is refused with a message; never a hang.
//! Each load runs on a thread of its own under a hang guard: a guard against
//! hanging, not a performance budget.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{MIN, at, session};
use roundtable::model::queue::HandKind;
use roundtable::model::{Event, Logged, Ms};
use roundtable::report::Summary;
use roundtable::store::plan_file::load_plan;
use roundtable::store::session_file::{journal_path, load_session, to_text, write_session};
use roundtable::store::session_fold::fold_session;

/// Far more than any of these should take, even in a debug build on a slow machine.
const HANG: Duration = Duration::from_secs(60);

/// Runs `work` on its own thread and fails if it has not finished within the hang guard.
fn guarded<T: Send + 'static>(what: &str, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let started = Instant::now();
    std::thread::spawn(move || {
        let _ = tx.send(std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)));
    });
    match rx.recv_timeout(HANG) {
        Ok(Ok(value)) => {
            eprintln!("{what}: {:.1} s", started.elapsed().as_secs_f64());
            value
        }
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        Err(_) => panic!("{what} did not finish within {HANG:?}: a hang"),
    }
}

/// Runs the real binary under the same guard, killing it if it hangs. Its output
/// goes to files, so a long message cannot fill a pipe and stall it.
fn roundtable(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = tempfile::tempdir().unwrap();
    let (stdout, stderr) = (out.path().join("stdout"), out.path().join("stderr"));
    let mut child = Command::new(common::tmux::binary())
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::from(std::fs::File::create(&stdout).unwrap()))
        .stderr(Stdio::from(std::fs::File::create(&stderr).unwrap()))
        .spawn()
        .unwrap();
    let deadline = Instant::now() + HANG;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("roundtable {args:?} did not finish within {HANG:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned();
    (status.code(), read(&stdout), read(&stderr))
}

const MB: usize = 1_000_000;

/// A long workshop: ideas of 400 characters, votes, hands and turns, over and
/// over, every event one that can happen where it stands.
fn long_workshop(bytes: usize) -> Vec<Logged> {
    let people = ["Amina", "Dr Lee", "Zoë", "Łukasz", "王芳", "Sunny 🌞"];
    let mut events = vec![at(0, Event::TimerStarted), at(1_000, Event::StageChanged { to: 2 })];
    let mut now: Ms = 2_000;
    let mut size = 0;
    let mut ideas = 0;
    let mut round = 0usize;
    while size < bytes {
        let who = people[round % people.len()];
        let text = format!("Idea {round}: {}", "a bench in the shade by the door · ".repeat(11));
        let block = vec![
            Event::IdeaCaptured {
                text,
                author: Some(who.to_string()),
                components: vec!["Creative".into()],
            },
            Event::Voted { idea: ideas },
            Event::Voted { idea: ideas },
            Event::HandRaised { who: who.to_string(), kind: HandKind::Normal },
            Event::FloorGiven { who: who.to_string() },
            Event::TurnEnded,
        ];
        ideas += 1;
        round += 1;
        for event in block {
            now += 250;
            let logged = at(now, event);
            size += 40 + ron::to_string(&logged.event).unwrap().len();
            events.push(logged);
        }
    }
    events.push(at(now + MIN, Event::WorkshopEnded));
    events
}

#[test]
fn a_fifty_megabyte_session_loads_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.ron");
    let generated = {
        let file = file.clone();
        guarded("writing a 50 MB session", move || {
            let events = long_workshop(55 * MB);
            let n = events.len();
            // Written as the console saves, an event at a time: the test holds the events, not the text too.
            let mut out = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
            write_session(&mut out, &session(events)).unwrap();
            out.into_inner().unwrap().sync_all().unwrap();
            n
        })
    };
    let size = std::fs::metadata(&file).unwrap().len() as usize;
    assert!(size >= 50 * MB, "only {size} bytes");
    let (events, ideas, ended) = {
        let file = file.clone();
        // As `report` reads it: each event folded as it is parsed.
        guarded("reading it to report", move || {
            let folded = fold_session(&file).unwrap();
            let summary = Summary::of(&folded.session, &folded.state);
            (folded.events, summary.ideas.len(), summary.ended.is_some())
        })
    };
    assert_eq!(events, generated);
    assert_eq!(ideas, (generated - 3) / 6);
    assert!(ended);
    // And through the command line: `check` says ok.
    let (code, stdout, stderr) =
        guarded("roundtable check on it", move || roundtable(dir.path(), &["check", "huge.ron"]));
    assert_eq!((code, stdout.as_str()), (Some(0), "ok huge.ron\n"), "{stderr}");
}

#[test]
fn a_large_journal_is_read_back_whole() {
    // 10 MB of events in a journal, as after a long workshop killed before it could merge.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("j.ron");
    let events = long_workshop(10 * MB);
    let n = events.len();
    std::fs::write(&file, to_text(&session(vec![])).unwrap()).unwrap();
    let mut text = String::new();
    for (i, logged) in events.iter().enumerate() {
        text.push_str(&format!(
            "(n:{i},at:{},event:{})\n",
            logged.at,
            ron::to_string(&logged.event).unwrap()
        ));
    }
    std::fs::write(journal_path(&file), text).unwrap();
    let (count, from_journal) = guarded("loading a 10 MB journal", move || {
        let loaded = load_session(&file).unwrap();
        (loaded.session.events.len(), loaded.from_journal)
    });
    assert_eq!((count, from_journal), (n, n));
}

fn plan_with(participants: usize) -> String {
    let mut text = String::from("Plan(\n    title: \"A town meeting\",\n    participants: [\n");
    for i in 0..participants {
        let role = ["resident", "carer", "GP", "nurse", "commissioner"][i % 5];
        text.push_str(&format!("        (name: \"Person {i} Zoë\", role: \"{role}\"),\n"));
    }
    text.push_str(
        "    ],\n    stages: [\n        (title: \"Talk\", duration: \"1h\"),\n        (title: \"Ideas\", duration: \"30m\", kind: Ideas),\n    ],\n)\n",
    );
    text
}

#[test]
fn a_hundred_thousand_participants_load_and_report() {
    // The duplicate-name check was quadratic: 26 s in a release build at this size.
    let dir = tempfile::tempdir().unwrap();
    let plan_file = dir.path().join("town.ron");
    std::fs::write(&plan_file, plan_with(100_000)).unwrap();
    let plan = {
        let plan_file = plan_file.clone();
        guarded("loading a plan of 100,000 participants", move || load_plan(&plan_file).unwrap())
    };
    assert_eq!(plan.participants.len(), 100_000);

    // A session of that plan: every one of them raises a hand, the last speaks.
    let mut events = vec![at(0, Event::TimerStarted)];
    for i in (0..100_000).step_by(70) {
        let who = format!("Person {i} Zoë");
        events.push(at(100 + i as Ms / 10, Event::HandRaised { who, kind: HandKind::Normal }));
    }
    events.push(at(20_000, Event::FloorGiven { who: "person 99960 zoe".into() }));
    events.push(at(80_000, Event::TurnEnded));
    let s = roundtable::model::session::Session { plan, ..session(events) };
    let file = dir.path().join("town-session.ron");
    std::fs::write(&file, to_text(&s).unwrap()).unwrap();
    let (people, turns, waiting) = guarded("loading and summing up its session", move || {
        let loaded = load_session(&file).unwrap();
        let summary = Summary::of(&loaded.session, &loaded.state);
        let turns: u32 = summary.participants.iter().map(|p| p.turns).sum();
        let waiting = loaded.state.room.queue(loaded.state.at).len();
        (summary.participants.len(), turns, waiting)
    });
    assert_eq!((people, turns), (100_000, 1));
    assert_eq!(waiting, 100_000_usize.div_ceil(70) - 1);

    // A duplicate at the very end is still found, and pointed at.
    let mut text = plan_with(100_000);
    let last = text.rfind("    ],\n    stages").unwrap();
    text.insert_str(last, "        (name: \"PERSON 17 ZOË\", role: \"resident\"),\n");
    std::fs::write(&plan_file, text).unwrap();
    let err = guarded("refusing a duplicate among 100,000", move || load_plan(&plan_file).err())
        .expect("a duplicate name is refused");
    assert!(
        err.headline().ends_with(
            "town.ron:100004:16: participants[100000].name: a name not already in the list: \"PERSON 17 ZOË\" is there twice; add a surname or initial"
        ),
        "{}",
        err.headline()
    );
}

fn session_with_idea(text: String) -> String {
    to_text(&session(vec![
        at(0, Event::StageChanged { to: 2 }),
        at(1_000, Event::IdeaCaptured { text, author: Some("Zoë".into()), components: vec![] }),
    ]))
    .unwrap()
}

#[test]
fn a_hundred_kilobyte_idea_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long-idea.ron");
    let idea = "Plus de bancs à l'ombre, près de la porte. ".repeat(2_400);
    assert!(idea.len() >= 100 * 1024);
    let text = session_with_idea(idea);
    std::fs::write(&file, &text).unwrap();
    let line = text.lines().position(|l| l.contains("IdeaCaptured")).unwrap() + 1;
    let err = {
        let file = file.clone();
        guarded("refusing a 100 KB idea", move || load_session(&file).err())
    }
    .expect("a 100 KB idea is refused");
    assert_eq!(
        err.headline(),
        format!(
            "{}:{line}:9: events[1]: an event that can happen where it stands. An idea of at most 500 characters, please: this one has 103199. Shorten it or split it in two.",
            file.display()
        )
    );
    let (code, stdout, stderr) = guarded("roundtable check on it", move || {
        roundtable(dir.path(), &["check", "long-idea.ron"])
    });
    assert_eq!((code, stdout.as_str()), (Some(1), ""));
    assert!(stderr.starts_with(&format!("long-idea.ron:{line}:9: events[1]:")), "{stderr}");
}

#[test]
fn a_hundred_kilobyte_idea_in_the_journal_is_refused_naming_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.ron");
    std::fs::write(&file, to_text(&session(vec![at(0, Event::StageChanged { to: 2 })])).unwrap())
        .unwrap();
    let idea = "x".repeat(100 * 1024);
    let line = format!(
        "(n:1,at:1000,event:{})\n",
        ron::to_string(&Event::IdeaCaptured { text: idea, author: None, components: vec![] })
            .unwrap()
    );
    std::fs::write(journal_path(&file), line).unwrap();
    let journal = journal_path(&file);
    let err = guarded("refusing it", move || load_session(&file).err())
        .expect("a 100 KB idea in the journal is refused");
    assert_eq!(err.file, journal.display().to_string());
    assert!(err.message.contains("An idea of at most 500 characters"), "{}", err.headline());
}

#[test]
fn a_file_nested_a_hundred_thousand_deep_is_refused_not_a_crash() {
    // Run through the binary: a stack overflow would kill the process, not fail a test.
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, String)> = vec![
        ("plan", format!("Plan(title: {}", "[".repeat(100_000))),
        ("session", format!("Session(version: 1, events: {}", "(".repeat(100_000))),
        ("keymap", format!("{{ NextStage: {}", "[".repeat(100_000))),
        ("theme", format!("Theme(text: {}", "Some(".repeat(100_000))),
    ];
    for (name, text) in cases {
        let file = format!("deep-{name}.ron");
        std::fs::write(dir.path().join(&file), text).unwrap();
        let path: PathBuf = dir.path().to_path_buf();
        let (code, stdout, stderr) =
            guarded(&format!("check {file}"), move || roundtable(&path, &["check", &file]));
        assert_eq!(code, Some(1), "{name}: {stderr}");
        assert_eq!(stdout, "", "{name}");
        assert!(stderr.starts_with("deep-"), "{name}: {stderr}");
        assert!(!stderr.contains("panicked") && !stderr.contains("overflow"), "{name}: {stderr}");
    }
}

#[test]
fn fifty_megabytes_of_one_unclosed_text_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Plan(\n    title: \"");
    let filler = "Une réunion publique sans fin, ".repeat(32);
    while text.len() < 50 * MB {
        text.push_str(&filler);
        text.push('\n');
    }
    std::fs::write(dir.path().join("open.ron"), &text).unwrap();
    let (code, _, stderr) = guarded("check on 50 MB of open quote", move || {
        roundtable(dir.path(), &["check", "open.ron"])
    });
    assert_eq!(code, Some(1));
    // It points at where the text opens, on line 2.
    let first = stderr.lines().next().unwrap_or_default();
    assert_eq!(first, "open.ron:2:12: title: a closing `\"` at the end of the text");
    assert!(stderr.len() < 64 * 1024, "a message, not the file: {} bytes", stderr.len());
}

#[test]

fn a_refusal_in_a_huge_line_is_a_message_not_the_whole_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("long-idea.ron"), session_with_idea("x".repeat(100 * 1024)))
        .unwrap();
    std::fs::write(dir.path().join("deep.ron"), format!("Plan(title: {}", "[".repeat(100_000)))
        .unwrap();
    for file in ["long-idea.ron", "deep.ron"] {
        let path = dir.path().to_path_buf();
        let (code, _, stderr) = guarded(file, move || roundtable(&path, &["check", file]));
        assert_eq!(code, Some(1));
        // The headline, the line cut to a window around the column, the caret, the count.
        assert!(stderr.len() < 4 * 1024, "{file}: {} bytes on stderr", stderr.len());
    }
}

#[test]

fn a_fifty_megabyte_session_with_an_undo_every_hundred_events_loads() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("undone.ron");
    let mut events = vec![
        at(0, Event::StageChanged { to: 2 }),
        at(1, Event::IdeaCaptured { text: "Benches".into(), author: None, components: vec![] }),
    ];
    let mut now: Ms = 2;
    let mut undone = 0;
    // About 45 bytes a line: 1.2 million events, 12,000 of them undos.
    while events.len() < 1_200_000 {
        now += 7;
        if events.len() % 100 == 0 {
            events.push(at(now, Event::Undo));
            undone += 1;
        } else {
            events.push(at(now, Event::Voted { idea: 0 }));
        }
    }
    let votes = events.len() - 2 - 2 * undone;
    std::fs::write(&file, to_text(&session(events)).unwrap()).unwrap();
    assert!(std::fs::metadata(&file).unwrap().len() as usize >= 50 * MB);
    let counted = guarded("loading 50 MB with 12,000 undos", move || {
        load_session(&file).unwrap().state.ideas.list[0].votes as usize
    });
    assert_eq!(counted, votes);
}

/// A session whose events sit absurdly far from its start, up to the largest offset there is.
fn far_session(at_ms: u64) -> String {
    format!(
        r#"Session(
    version: 1,
    started: "2026-11-25T19:00:00+00:00",
    plan: Plan(title: "T", stages: [(title: "A", duration: "10m"), (title: "B", duration: "5m")]),
    events: [
        (at: 0, event: TimerStarted),
        (at: {at_ms}, event: WorkshopEnded),
    ],
)
"#
    )
}

#[test]

fn an_offset_far_beyond_any_workshop_is_refused_or_reported_never_a_panic() {
    for at_ms in [9_000_000_000_000_000, i64::MAX as u64 + 1, u64::MAX] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("far.ron"), far_session(at_ms)).unwrap();
        let (code, stdout, stderr) = roundtable(dir.path(), &["check", "far.ron"]);
        assert!(!stderr.contains("panicked"), "check at {at_ms}: {stderr}");
        if code == Some(1) {
            // Refused: at the event, with its line and column.
            assert!(stderr.starts_with("far.ron:7:"), "check at {at_ms}: {stderr}");
            continue;
        }
        assert_eq!(stdout, "ok far.ron\n");
        // Loaded: then it must be reported, in both formats, and its numbers must be true.
        for format in ["md", "json"] {
            let (code, stdout, stderr) =
                roundtable(dir.path(), &["report", "far.ron", "--format", format]);
            assert_eq!(code, Some(0), "report --format {format} at {at_ms}: {stderr}");
            if format == "json" {
                let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
                assert_eq!(json["actual_s"].as_u64(), Some(at_ms / 1000), "at {at_ms}");
            }
        }
    }
}

#[test]

fn resuming_a_session_far_beyond_any_workshop_is_refused_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("far.ron");
    let text = far_session(9_000_000_000_000_000)
        .replace(", event: WorkshopEnded", ", event: TimerPaused");
    std::fs::write(&file, text).unwrap();
    let wall = common::started() + chrono::Duration::hours(1);
    let resumed = std::panic::catch_unwind(|| {
        roundtable::store::recorder::Recorder::resume(&file, wall)
            .map(|_| ())
            .map_err(|e| e.headline())
    });
    assert!(resumed.is_ok(), "Recorder::resume panicked");
}
