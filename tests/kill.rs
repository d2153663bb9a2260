//! kill -9 at any moment loses no event that the screen had shown.
//!
//! The release binary (when fresh) runs a scripted workshop under tmux: stages,
//! a round, hands, turns, ideas, votes, time added and taken, reflection scores.
//! Each step is a few keys and the words on the status line that acknowledge
//! them. For each seed the console is killed with SIGKILL at a random step,
//! after its acknowledgement was on screen; then `check` passes, the report
//! holds every acknowledged change, `run SESSION` resumes where it stopped with
//! the gap recorded as a pause, and carries on to the end.
//!
//! `ROUNDTABLE_KILL_SEEDS=N` runs N seeds instead of the default.

mod common;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::process::{console_pid, kill9};
use common::tmux::{Tmux, binary, run};
use roundtable::model::{Event, Ms};
use roundtable::store::session_file::{journal_path, load_session, lock_path};

const STAGES: usize = 5;
const SIZE: (u16, u16) = (160, 45);

/// What the report must say once a step has been acknowledged.
#[derive(Clone, Debug, Default)]
struct Expect {
    /// The current stage, 0-based.
    stage: usize,
    reached: [bool; STAGES],
    added_s: [i64; STAGES],
    /// Turns given, by name.
    turns: Vec<(&'static str, u64)>,
    /// Ideas as captured: text, author, votes.
    ideas: Vec<(&'static str, Option<&'static str>, u64)>,
    /// Components scored, with their scores.
    scores: Vec<(&'static str, u64)>,
    /// Events on disk.
    events: usize,
}

impl Expect {
    fn turn(&mut self, who: &'static str) {
        match self.turns.iter_mut().find(|(w, _)| *w == who) {
            Some((_, n)) => *n += 1,
            None => self.turns.push((who, 1)),
        }
    }
}

/// Keys, the status line's words that acknowledge them, how many events they log, and their effect.
struct Step {
    keys: &'static [&'static str],
    ack: &'static str,
    events: usize,
    effect: fn(&mut Expect),
}

const fn step(
    keys: &'static [&'static str],
    ack: &'static str,
    events: usize,
    effect: fn(&mut Expect),
) -> Step {
    Step { keys, ack, events, effect }
}

fn nothing(_: &mut Expect) {}

/// The workshop, for the fixture plan: Round, Discussion, Ideas, Break, Reflection.
const SCRIPT: &[Step] = &[
    step(&["Space"], "Stage 1 of 5 started: Welcome and check-in", 1, |e| e.reached[0] = true),
    step(&["Enter"], "Amina has the floor", 1, |e| e.turn("Amina")),
    step(&["Enter"], "Dr Lee has the floor", 1, |e| e.turn("Dr Lee")),
    step(&["e"], "Dr Lee spoke for", 1, nothing),
    step(&["p"], "Zoë passed.", 1, nothing),
    step(&["n"], "Stage 2 of 5 started: What matters to you?", 1, |e| {
        e.stage = 1;
        e.reached[1] = true;
    }),
    step(&["h", "zoe", "Enter"], "Zoë raised a hand: first in the queue.", 1, nothing),
    step(&["h", "luk", "Enter"], "Łukasz raised a hand: second in the queue.", 1, nothing),
    step(&["Enter"], "Zoë has the floor", 1, |e| e.turn("Zoë")),
    step(&["+"], "One minute more for What matters to you?: now 21 minutes", 1, |e| {
        e.added_s[1] += 60
    }),
    step(&["Space"], "Timer paused: What matters to you?", 1, nothing),
    step(&["Space"], "Timer running again: What matters to you?", 1, nothing),
    step(&["Enter"], "Łukasz has the floor", 1, |e| e.turn("Łukasz")),
    step(&["e"], "Łukasz spoke for", 1, nothing),
    step(&["n"], "Stage 3 of 5 started: Ideas", 1, |e| {
        e.stage = 2;
        e.reached[2] = true;
    }),
    step(&["i", "Benches outside", "Enter"], "Idea #1 captured, anonymous.", 1, |e| {
        e.ideas.push(("Benches outside", None, 0))
    }),
    step(
        &["i", "Café at the clinic", "Tab", "zoe", "Enter"],
        "Idea #2 captured, from Zoë.",
        1,
        |e| e.ideas.push(("Café at the clinic", Some("Zoë"), 0)),
    ),
    step(&["v"], "A vote for idea #2: 1 vote.", 1, |e| e.ideas[1].2 += 1),
    step(&["v"], "A vote for idea #2: 2 votes.", 1, |e| e.ideas[1].2 += 1),
    step(&["i", "Longer opening hours", "Enter"], "Idea #3 captured, anonymous.", 1, |e| {
        e.ideas.push(("Longer opening hours", None, 0))
    }),
    step(&["v"], "A vote for idea #3: 1 vote.", 1, |e| e.ideas[2].2 += 1),
    step(&["-"], "One minute less for Ideas", 1, |e| e.added_s[2] -= 60),
    step(&["n"], "Stage 4 of 5 started: Break", 1, |e| {
        e.stage = 3;
        e.reached[3] = true;
    }),
    step(&["n"], "Stage 5 of 5 started: How did we do?", 1, |e| {
        e.stage = 4;
        e.reached[4] = true;
    }),
    // The first score starts a checkpoint: two events.
    step(&["3"], "Equal: ●●●○ mostly.", 2, |e| e.scores.push(("Equal", 3))),
    step(&["Down", "1"], "Inclusive: ●○○○ a little.", 1, |e| {
        e.scores.push(("Inclusive", 1))
    }),
    step(&["Down", "4"], "Open: ●●●● fully.", 1, |e| e.scores.push(("Open", 4))),
    step(&["Down", "2"], "Human: ●●○○ partly.", 1, |e| e.scores.push(("Human", 2))),
];

/// splitmix64: a seeded source of numbers, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Waits until the status line (near the foot of the screen) says `text`.
fn wait_status(t: &Tmux, window: &str, text: &str) -> String {
    wait_screen(t, window, text, |screen| {
        screen.lines().rev().filter(|l| !l.trim().is_empty()).take(3).any(|l| l.contains(text))
    })
}

fn wait_screen(t: &Tmux, window: &str, text: &str, found: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let screen = t.screen(window);
        if found(&screen) {
            return screen;
        }
        assert!(Instant::now() < deadline, "waited for {text:?}; the screen shows:\n{screen}");
        std::thread::sleep(Duration::from_millis(25));
    }
}

fn report(dir: &Path, name: &str) -> serde_json::Value {
    let out = run(dir, &["report", name, "--format", "json"]);
    assert!(out.status.success(), "report: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "report said something on stderr");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn check_ok(dir: &Path, name: &str) {
    let out = run(dir, &["check", name]);
    assert_eq!(
        (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned()),
        (Some(0), format!("ok {name}\n")),
        "check: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every acknowledged change is in the report.
fn assert_report_holds(json: &serde_json::Value, e: &Expect, when: &str) {
    let stages = json["stages"].as_array().unwrap();
    for (i, stage) in stages.iter().enumerate() {
        assert_eq!(stage["added_s"], e.added_s[i], "{when}: stage {i} added_s");
        if e.reached[i] {
            assert_eq!(stage["reached"], true, "{when}: stage {i} reached");
        }
    }
    let people = json["participants"].as_array().unwrap();
    for person in people {
        let name = person["name"].as_str().unwrap();
        let turns = e.turns.iter().find(|(w, _)| *w == name).map_or(0, |(_, n)| *n);
        assert_eq!(person["turns"], turns, "{when}: {name}'s turns");
    }
    let ideas = json["ideas"].as_array().unwrap();
    assert_eq!(ideas.len(), e.ideas.len(), "{when}: ideas");
    for (idea, (text, author, votes)) in ideas.iter().zip(&e.ideas) {
        assert_eq!(idea["text"], *text, "{when}");
        assert_eq!(idea["author"].as_str(), *author, "{when}: author of {text}");
        assert_eq!(idea["votes"], *votes, "{when}: votes for {text}");
    }
    let rows = json["reflections"].as_array().unwrap();
    if e.scores.is_empty() {
        assert!(rows.is_empty(), "{when}: no checkpoint yet, found {rows:?}");
    } else {
        assert_eq!(rows.len(), 10, "{when}: one checkpoint");
        for row in rows {
            let c = row["component"].as_str().unwrap();
            let score = e.scores.iter().find(|(n, _)| *n == c).map(|(_, s)| *s);
            assert_eq!(row["score"].as_u64(), score, "{when}: score of {c}");
        }
    }
}

/// One seeded run: the workshop to a random step, kill -9, check, report, resume, the end.
fn one_seed(seed: u64) -> String {
    let mut rng = Rng(seed);
    let stop = rng.below(SCRIPT.len() as u64 + 1) as usize;
    // Mostly at once; now and then after the console has noted it is alive (every 5 s while a timer runs).
    let linger = Duration::from_millis(match rng.below(6) {
        0 => 7_000 + rng.below(1_000),
        _ => rng.below(300),
    });
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plan.ron"),
        dir.join("plan.ron"),
    )
    .unwrap();
    let sessions = dir.join("recorded");
    let bin = binary();
    let t = Tmux::new(&format!("kill{seed}"), dir);

    // The first console, to the chosen step; each acknowledged on screen before the next.
    let began = Instant::now();
    t.start(
        "one",
        SIZE,
        &format!("{} run plan.ron --sessions {}", bin.display(), sessions.display()),
        &[],
    );
    wait_screen(&t, "one", "READY", |s| s.contains("READY"));
    let mut expect = Expect::default();
    for step in &SCRIPT[..stop] {
        t.keys("one", step.keys);
        wait_status(&t, "one", step.ack);
        (step.effect)(&mut expect);
        expect.events += step.events;
    }
    // The screen has shown it all: the disk must have it all. Kill, a moment later or at once.
    std::thread::sleep(linger);
    kill9(console_pid(&sessions));
    let killed = Instant::now();
    assert_eq!(t.exit_status("one"), 137, "killed by SIGKILL");
    let run1 = killed - began;

    let found: Vec<PathBuf> = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    assert_eq!(found.len(), 1, "one session file: {found:?}");
    let path = found[0].clone();
    let name = path.strip_prefix(dir).unwrap().display().to_string();

    // check passes, the report holds every acknowledged change, the log every event.
    check_ok(dir, &name);
    let json = report(dir, &name);
    assert_eq!(json["ended"], serde_json::Value::Null);
    assert_report_holds(&json, &expect, "after the kill");
    let loaded = load_session(&path).unwrap();
    assert_eq!(loaded.note, None, "nothing torn: nothing was being written");
    assert_eq!(loaded.session.events.len(), expect.events, "every event shown is on disk");
    assert_eq!(loaded.state.current, expect.stage);
    let last_event = loaded.state.at;
    let stage_time_then: Ms = (0..STAGES).map(|i| loaded.state.elapsed(i, last_event)).sum();

    // A gap, then the resume: refused by nobody, since the lock died with the process.
    std::thread::sleep(Duration::from_millis(1_200));
    let again = Instant::now();
    t.start(
        "two",
        SIZE,
        &format!("{} run {name} --sessions {}", bin.display(), sessions.display()),
        &[],
    );
    wait_status(&t, "two", "Resumed");
    let seen = Instant::now();
    let resumed = load_session(&path).unwrap();
    assert_eq!(resumed.session.events.len(), expect.events + 1);
    let last = resumed.session.events.last().unwrap().clone();
    let Event::Resumed { gap_s } = last.event else { panic!("the last event is {last:?}") };
    // The timer stopped at the last sign of life: after the last event, before the kill.
    assert!(
        last.at >= last_event,
        "resumed at {} ms, before the last event at {last_event}",
        last.at
    );
    assert!(
        last.at <= run1.as_millis() as Ms,
        "resumed at {} ms, after the kill at {run1:?}",
        last.at
    );
    if loaded.state.running() && linger >= Duration::from_secs(7) {
        // Seen alive while the timer ran on after the last event: the stage keeps that time.
        assert!(
            last.at > last_event + 1_000,
            "resumed at {} ms, last event at {last_event}",
            last.at
        );
        let stage = expect.stage;
        assert_eq!(
            resumed.state.elapsed(stage, last.at),
            loaded.state.elapsed(stage, last.at),
            "the running stage counts up to the last sign of life"
        );
    }
    assert!(gap_s >= 1, "a gap of {gap_s} s for 1.2 s away");
    let most = (seen - began).as_millis() as u64 - last.at;
    assert!(gap_s * 1000 <= most + 1000, "a gap of {gap_s} s, more than the {most} ms it can be");
    assert!(!resumed.state.running(), "a resume leaves the timer paused");
    assert_eq!(resumed.state.room.speaking, None, "a resume ends the turn");
    assert_eq!(resumed.state.current, expect.stage, "resumed where it stopped");
    let stage_time_resumed: Ms = (0..STAGES).map(|i| resumed.state.elapsed(i, last.at)).sum();
    assert!(stage_time_resumed >= stage_time_then);
    assert!(stage_time_resumed <= run1.as_millis() as Ms, "no time on stage past the kill");

    // Carry on to the end.
    for next in expect.stage + 1..STAGES {
        t.keys("two", &["n"]);
        wait_status(&t, "two", &format!("Stage {} of 5 started", next + 1));
    }
    t.keys("two", &["n"]);
    wait_screen(&t, "two", "End the workshop?", |s| s.contains("End the workshop?"));
    t.keys("two", &["y"]);
    wait_status(&t, "two", "Workshop ended after");
    t.keys("two", &["q"]);
    assert_eq!(t.exit_status("two"), 0);
    let run2 = again.elapsed();
    assert!(!journal_path(&path).exists(), "the journal is merged on quit");
    assert!(!lock_path(&path).exists(), "the lock is gone on quit");

    // The whole session: everything from before the kill, the gap as a pause, the end.
    check_ok(dir, &name);
    let json = report(dir, &name);
    assert!(json["ended"].is_string(), "{json}");
    let mut end = expect.clone();
    for reached in &mut end.reached[expect.stage + 1..] {
        *reached = true;
    }
    assert_report_holds(&json, &end, "at the end");
    let done = load_session(&path).unwrap();
    let moved = STAGES - 1 - expect.stage;
    assert_eq!(done.session.events.len(), expect.events + 1 + moved + 1);
    assert_eq!(done.session.events[..expect.events], loaded.session.events[..]);
    let ended = done.state.ended.unwrap();
    // The second console's clock carried on from the resume: the gap is in no offset.
    assert!(
        ended - last.at <= run2.as_millis() as Ms,
        "{} ms after the resume, for a second console that ran {run2:?}",
        ended - last.at
    );
    let total: Ms = (0..STAGES).map(|i| done.state.elapsed(i, ended)).sum();
    assert!(
        total <= (run1 + run2).as_millis() as Ms,
        "{total} ms of stage time in {:?}",
        run1 + run2
    );
    format!(
        "seed {seed}: killed {linger:?} after step {stop} of {} ({} events)",
        SCRIPT.len(),
        expect.events
    )
}

#[test]
fn kill_9_at_any_step_loses_nothing_shown_and_resumes_to_the_end() {
    let seeds: u64 =
        std::env::var("ROUNDTABLE_KILL_SEEDS").ok().and_then(|s| s.parse().ok()).unwrap_or(24);
    let next = Arc::new(Mutex::new(0u64));
    let results = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..3)
        .map(|_| {
            let (next, results) = (next.clone(), results.clone());
            std::thread::spawn(move || {
                loop {
                    let seed = {
                        let mut n = next.lock().unwrap();
                        if *n >= seeds {
                            return;
                        }
                        *n += 1;
                        *n
                    };
                    let outcome = std::panic::catch_unwind(|| one_seed(seed));
                    let line = match outcome {
                        Ok(line) => Ok(line),
                        Err(panic) => Err(format!(
                            "seed {seed}: {}",
                            panic
                                .downcast_ref::<String>()
                                .cloned()
                                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                                .unwrap_or_default()
                        )),
                    };
                    results.lock().unwrap().push(line);
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    let results = results.lock().unwrap();
    let mut stops = Vec::new();
    for result in results.iter() {
        match result {
            Ok(line) => {
                eprintln!("{line}");
                stops.push(line.clone());
            }
            Err(e) => eprintln!("FAILED {e}"),
        }
    }
    let failed: Vec<&String> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(
        failed.is_empty(),
        "{} of {seeds} seeds failed:\n{}",
        failed.len(),
        failed.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n\n")
    );
    assert_eq!(stops.len() as u64, seeds);
}
