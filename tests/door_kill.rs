//! kill -9 while phones are sending loses nothing a phone was told is saved.
//!
//! The console runs under tmux with `--door 127.0.0.1:0` on the fixture plan.
//! Phones (threads with a plain HTTP/1.1 client over loopback) join as the six
//! people and as anonymous devices, each with its own cookie, and send ideas
//! (one per device every five seconds, so many devices) and hands (the kind
//! changing each time, so each is a new event) with nothing between them but
//! a short pause. After about two seconds of that the console is killed with
//! SIGKILL. Every idea and hand whose answer was 303 ("saved") must then be in
//! the session as `load_session` folds it (session file and journal), after
//! `check` passes, and again once `run SESSION` has resumed it and quit.
//! Nothing here asserts on speed.

mod common;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::process::{console_pid, kill9};
use common::tmux::{Tmux, binary, run};
use roundtable::model::Event;
use roundtable::model::queue::HandKind;
use roundtable::store::session_file::{journal_path, load_session};

const SIZE: (u16, u16) = (160, 45);
/// The fixture plan's people, facilitator aside: each joins from a phone of its own.
const PEOPLE: [&str; 6] = ["Amina", "Dr Lee", "Zoë", "Łukasz", "王芳", "Sunny 🌞"];
/// Phones that join anonymously: they may send ideas, but raise no hand.
const ANONYMOUS: usize = 6;
const KINDS: [(&str, HandKind); 3] =
    [("reply", HandKind::Reply), ("process", HandKind::Process), ("normal", HandKind::Normal)];

/// `application/x-www-form-urlencoded`, every byte but letters and digits escaped.
fn encode(form: &[(&str, &str)]) -> String {
    let one = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    form.iter().map(|(k, v)| format!("{}={}", one(k), one(v))).collect::<Vec<_>>().join("&")
}

/// What the door answered a POST.
#[derive(Debug)]
struct Answer {
    status: u16,
    /// The `rt-device` cookie set, if any.
    cookie: Option<String>,
    location: Option<String>,
}

impl Answer {
    /// "Saved": a 303 to the page with `?saved=ACTION`. A 303 to the bare
    /// page (a phone the door does not know yet) saved nothing.
    fn saved(&self, action: &str) -> bool {
        self.status == 303
            && self.location.as_deref().is_some_and(|l| l.ends_with(&format!("?saved={action}")))
    }
}

/// One POST on a connection of its own; `None` when no whole status line
/// came back (the console gone, the connection cut).
fn post(port: u16, path: &str, cookie: Option<&str>, form: &[(&str, &str)]) -> Option<Answer> {
    let body = encode(form);
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(20))).ok()?;
    stream.set_write_timeout(Some(Duration::from_secs(20))).ok()?;
    let cookie = cookie.map(|c| format!("Cookie: {c}\r\n")).unwrap_or_default();
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\n{cookie}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = Vec::new();
    // Whatever arrived before an error counts: a status line read is an answer.
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    let head = answer.split("\r\n\r\n").next()?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next()?;
    let mut words = status_line.split(' ');
    if words.next() != Some("HTTP/1.1") {
        return None;
    }
    let status: u16 = words.next()?.parse().ok()?;
    let headers: Vec<(&str, &str)> =
        lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k, v.trim())).collect();
    let header = |name: &str| {
        headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.to_string())
    };
    let cookie = header("set-cookie").and_then(|c| c.split(';').next().map(str::to_string));
    Some(Answer { status, cookie, location: header("location") })
}

/// What the phones were told was saved.
#[derive(Default)]
struct Acked {
    /// Idea texts, each sent once.
    ideas: Vec<String>,
    /// Hands, by person and kind (as the form says it): how many times each was saved.
    hands: HashMap<(String, &'static str), usize>,
    /// All answers by status, for the message when something is missing.
    statuses: HashMap<u16, usize>,
    /// 303s to the bare page: the door did not know the phone yet, nothing saved.
    not_known: usize,
    /// Requests that got no answer (the kill).
    unanswered: usize,
}

/// One phone: joins, then sends until told to stop or the console is gone.
fn phone(
    port: u16,
    base: &str,
    who: Option<&str>,
    tag: usize,
    stop: &AtomicBool,
    acked: &Mutex<Acked>,
) {
    let join = post(port, &format!("{base}/join"), None, &[("who", who.unwrap_or(""))]);
    let cookie = match join {
        Some(Answer { cookie: Some(cookie), .. })
            if join.as_ref().is_some_and(|a| a.saved("join")) =>
        {
            cookie
        }
        other => panic!("phone {tag} ({who:?}) could not join: {other:?}"),
    };
    let mut n = 0usize;
    let mut last_idea: Option<Instant> = None;
    while !stop.load(Ordering::SeqCst) {
        n += 1;
        // An idea when the door allows one (a moment more than its 5 s, for the clocks).
        let idea_due = last_idea.is_none_or(|t| t.elapsed() >= Duration::from_millis(5_200));
        let (action, text, kind) = if idea_due || who.is_none() {
            ("idea", format!("idea {n} of phone {tag}: sent before the kill"), None)
        } else {
            let (word, kind) = KINDS[n % KINDS.len()];
            ("hand", String::new(), Some((word, kind)))
        };
        if action == "idea" && !idea_due {
            // An anonymous phone waiting for its next idea: nothing else to send.
            std::thread::sleep(Duration::from_millis(100));
            continue;
        }
        let form: Vec<(&str, &str)> = match kind {
            Some((word, _)) => vec![("kind", word)],
            None => vec![("text", text.as_str())],
        };
        let answer = post(port, &format!("{base}/{action}"), Some(&cookie), &form);
        let mut acked = acked.lock().unwrap();
        match answer {
            None => {
                acked.unanswered += 1;
                // Refused at connect or cut: the console is gone, or going.
                drop(acked);
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
            Some(answer) => {
                *acked.statuses.entry(answer.status).or_default() += 1;
                if answer.status == 303 && !answer.saved(action) {
                    acked.not_known += 1;
                }
                if answer.saved(action) {
                    match kind {
                        Some((word, _)) => {
                            *acked.hands.entry((who.unwrap().to_string(), word)).or_default() += 1
                        }
                        None => {
                            acked.ideas.push(text.clone());
                            last_idea = Some(Instant::now());
                        }
                    }
                }
            }
        }
        drop(acked);
        // Well under the door's 120 requests a minute for the two seconds before the kill.
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// The door's port and `/r/CODE`, read from the door screen.
fn door_address(screen: &str) -> (u16, String) {
    let start = screen.find("http://127.0.0.1:").expect("an address on the door screen");
    let address: String = screen[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '/' | '.'))
        .collect();
    let rest = &address["http://127.0.0.1:".len()..];
    let (port, path) = rest.split_once('/').expect("a path after the port");
    let path = format!("/{path}");
    assert!(path.starts_with("/r/") && path.len() == 8, "a room code in {address:?}");
    (port.parse().unwrap(), path)
}

/// Every acknowledged idea and hand is in the session as folded from disk.
fn assert_holds(path: &Path, acked: &Acked, when: &str) {
    let loaded = load_session(path).unwrap_or_else(|e| panic!("{when}: {e}"));
    let mut ideas: HashMap<String, usize> = HashMap::new();
    let mut hands: HashMap<(String, &'static str), usize> = HashMap::new();
    for logged in loaded.session.events.iter().filter(|l| l.from.is_some()) {
        match &logged.event {
            Event::IdeaOffered { text, .. } | Event::IdeaCaptured { text, .. } => {
                *ideas.entry(text.clone()).or_default() += 1
            }
            Event::HandRaised { who, kind } => {
                let word = KINDS.iter().find(|(_, k)| k == kind).map_or("?", |(w, _)| *w);
                *hands.entry((who.clone(), word)).or_default() += 1
            }
            _ => {}
        }
    }
    let lost_ideas: Vec<&String> = acked.ideas.iter().filter(|t| !ideas.contains_key(*t)).collect();
    let lost_hands: Vec<_> = acked
        .hands
        .iter()
        .filter(|(k, n)| hands.get(*k).copied().unwrap_or(0) < **n)
        .map(|(k, n)| (k, n, hands.get(k).copied().unwrap_or(0)))
        .collect();
    assert!(
        lost_ideas.is_empty() && lost_hands.is_empty(),
        "{when}: saved (303) but not in the record: ideas {lost_ideas:?}; hands (who, kind, acknowledged, recorded) {lost_hands:?}; answers {:?} ({} of the 303s not saved), {} unanswered",
        acked.statuses,
        acked.not_known,
        acked.unanswered
    );
    for (text, n) in &ideas {
        assert_eq!(*n, 1, "{when}: idea {text:?} recorded {n} times");
    }
}

#[test]
fn kill_9_while_phones_send_loses_nothing_they_were_told_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plan.ron"),
        dir.join("plan.ron"),
    )
    .unwrap();
    let sessions = dir.join("recorded");
    let bin = binary();
    let t = Tmux::new("door-kill", dir);
    t.start(
        "one",
        SIZE,
        &format!(
            "{} run plan.ron --door 127.0.0.1:0 --sessions {}",
            bin.display(),
            sessions.display()
        ),
        &[],
    );
    t.wait_for("one", "READY");
    t.keys("one", &["T"]);
    let (port, base) = door_address(&t.wait_for("one", "http://127.0.0.1:"));
    t.keys("one", &["Escape"]);
    let pid = console_pid(&sessions);

    // The phones, joined one after another (each join is one event), then all sending at once.
    let stop = Arc::new(AtomicBool::new(false));
    let acked = Arc::new(Mutex::new(Acked::default()));
    let who: Vec<Option<&'static str>> =
        PEOPLE.iter().map(|p| Some(*p)).chain(std::iter::repeat_n(None, ANONYMOUS)).collect();
    let phones: Vec<_> = who
        .into_iter()
        .enumerate()
        .map(|(tag, who)| {
            let (stop, acked, base) = (stop.clone(), acked.clone(), base.clone());
            std::thread::spawn(move || phone(port, &base, who, tag, &stop, &acked))
        })
        .collect();
    // About two seconds of sending, and at least one idea and one hand saved,
    // however slow the machine (the joins come first).
    let began = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(100));
        let a = acked.lock().unwrap();
        let enough = began.elapsed() >= Duration::from_secs(2)
            && a.ideas.len() >= PEOPLE.len()
            && !a.hands.is_empty();
        drop(a);
        if enough {
            break;
        }
        assert!(began.elapsed() < Duration::from_secs(60), "no ideas and hands saved in a minute");
    }
    kill9(pid);
    assert_eq!(t.exit_status("one"), 137, "killed by SIGKILL");
    stop.store(true, Ordering::SeqCst);
    for phone in phones {
        phone.join().unwrap();
    }
    let acked = acked.lock().unwrap();
    let hands: usize = acked.hands.values().sum();
    eprintln!(
        "before the kill: {} ideas and {hands} hands saved; answers {:?} ({} of the 303s not saved), {} unanswered",
        acked.ideas.len(),
        acked.statuses,
        acked.not_known,
        acked.unanswered
    );

    let found: Vec<PathBuf> = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    assert_eq!(found.len(), 1, "one session file: {found:?}");
    let path = found[0].clone();
    let name = path.strip_prefix(dir).unwrap().display().to_string();
    let out = run(dir, &["check", &name]);
    assert_eq!(
        (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned()),
        (Some(0), format!("ok {name}\n")),
        "check: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_holds(&path, &acked, "after the kill");

    // Resumed, then quit: the journal merged into the session file, nothing lost on the way.
    t.start(
        "two",
        SIZE,
        &format!("{} run {name} --sessions {}", bin.display(), sessions.display()),
        &[],
    );
    // The resume closes in the record the door the killed console left open;
    // its words are what the status line shows last.
    t.wait_for("two", "The door is closed");
    t.keys("two", &["q"]);
    assert_eq!(t.exit_status("two"), 0, "the resumed console quits");
    assert!(!journal_path(&path).exists(), "the journal is merged on quit");
    let done = load_session(&path).unwrap();
    assert!(
        done.session.events.iter().any(|l| matches!(l.event, Event::Resumed { .. })),
        "the resume is recorded"
    );
    assert!(done.state.door.open.is_none(), "the door is closed in the record");
    assert_holds(&path, &acked, "after the resume");
}
