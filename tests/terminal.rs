//! End to end: the real binary in a real terminal, driven like a facilitator would.

mod common;

use std::path::Path;

use common::tmux::{Tmux, binary, run};

fn sessions(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(dir.join("sessions/recorded"))
        .map(|d| {
            d.map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

#[test]
fn a_workshop_from_plan_to_report_with_a_resume_between() {
    let dir = common::folder_with_plan();
    let bin = binary();
    let bin = bin.display();
    let t = Tmux::new("workshop", dir.path());

    // Start, run the first stage a moment, move on twice, add a minute, quit.
    t.start("one", (100, 30), &format!("{bin} run plan.ron"), &[]);
    t.wait_for("one", "READY");
    t.keys("one", &["Space"]);
    t.wait_for("one", "Stage 1 of 5 started: Welcome and check-in, 10 minutes");
    t.keys("one", &["n"]);
    t.wait_for("one", "Stage 2 of 5 started: What matters to you? 20 minutes");
    t.keys("one", &["n", "+"]);
    let screen = t.wait_for("one", "One minute more for Ideas 💡 アイデア: now 26 minutes");
    assert!(screen.contains("▶ Ideas"), "{screen}");
    t.keys("one", &["q"]);
    t.wait_for("one", "Quit anyway?");
    t.keys("one", &["y"]);
    assert_eq!(t.exit_status("one"), 0);
    let farewell = t.screen("one");
    assert!(farewell.contains("Session saved: sessions/recorded/"), "{farewell}");

    // What was shown is what was saved.
    let files = sessions(dir.path());
    assert_eq!(files.len(), 1, "one session file");
    let session = files[0].clone();
    let text = std::fs::read_to_string(&session).unwrap();
    for event in [
        "event: TimerStarted",
        "StageChanged(to: 1)",
        "StageChanged(to: 2)",
        "StageExtended(stage: 2, by_s: 60)",
    ] {
        assert!(text.contains(event), "{event} missing from\n{text}");
    }
    let name = session.strip_prefix(dir.path()).unwrap().display().to_string();

    // Resume it; a second console on the same session is refused.
    t.start("two", (100, 30), &format!("{bin} run {name}"), &[]);
    t.wait_for("two", "Resumed");
    t.start("three", (100, 30), &format!("{bin} run {name} 2> refused.txt"), &[]);
    assert_eq!(t.exit_status("three"), 1);
    let refused = std::fs::read_to_string(dir.path().join("refused.txt")).unwrap();
    assert_eq!(
        refused.trim(),
        format!("{name}: this session is open in another console; close that one first")
    );

    // Carry on to the end.
    t.keys("two", &["n", "n"]);
    t.wait_for("two", "Stage 5 of 5 started: How did we do? 15 minutes");
    t.keys("two", &["n"]);
    t.wait_for("two", "End the workshop?");
    t.keys("two", &["y"]);
    t.wait_for("two", "✓ ENDED");
    t.keys("two", &["q"]);
    assert_eq!(t.exit_status("two"), 0);

    // A finished workshop is not run again, and its report reads back.
    let again = run(dir.path(), &["run", &name]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("this workshop has ended"));
    let report = run(dir.path(), &["report", &name, "--format", "json"]);
    assert!(report.status.success(), "{}", String::from_utf8_lossy(&report.stderr));
    let json: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(
        json["title"],
        "Community health co-design: what would make the clinic feel like ours?"
    );
    assert_eq!(json["series"], "community-health");
    assert!(json["ended"].is_string());
    let stages = json["stages"].as_array().unwrap();
    assert_eq!(stages.len(), 5);
    assert_eq!(stages[2]["planned_s"], 1500);
    assert_eq!(stages[2]["added_s"], 60);
    assert_eq!(stages[3]["reached"], true);
    let check = run(dir.path(), &["check", &name]);
    assert_eq!(String::from_utf8_lossy(&check.stdout).trim(), format!("ok {name}"));
}

#[test]
fn the_built_in_workshop_opens_from_the_home_screen() {
    let dir = tempfile::tempdir().unwrap();
    let bin = binary();
    let t = Tmux::new("home", dir.path());
    t.start("home", (80, 24), &bin.display().to_string(), &[]);
    t.wait_for("home", "Start the built-in workshop: What matters to us");
    t.keys("home", &["Enter"]);
    let screen = t.wait_for("home", "Stage 1 of 7");
    assert!(screen.contains("Welcome and check-in"), "{screen}");
    t.keys("home", &["?"]);
    t.wait_for("home", "↑↓ for more (1–17 of");
    t.keys("home", &["Down"; 12]);
    t.wait_for("home", "quit (the session is already saved)");
    t.keys("home", &["Escape", "q"]);
    assert_eq!(t.exit_status("home"), 0);
    assert_eq!(sessions(dir.path()).len(), 1);
}

#[test]
fn hands_turns_and_the_balance_reach_the_report() {
    let dir = common::folder_with_plan();
    let bin = binary();
    let t = Tmux::new("queue", dir.path());
    t.start("q", (120, 40), &format!("{} run plan.ron", bin.display()), &[]);
    t.wait_for("q", "READY");
    // Into the discussion; Zoë and Łukasz raise hands, typed without accents.
    t.keys("q", &["n"]);
    t.wait_for("q", "Stage 2 of 5 started");
    t.keys("q", &["h", "z", "o", "e", "Enter"]);
    t.wait_for("q", "Zoë raised a hand: first in the queue.");
    t.keys("q", &["h", "l", "u", "k", "Enter"]);
    t.wait_for("q", "Łukasz raised a hand: second in the queue.");
    let screen = t.wait_for("q", "has not spoken yet");
    assert!(screen.contains("Queue: 2 waiting"), "{screen}");
    // A walk-in with a direct reply.
    t.keys(
        "q",
        &[
            "h", "K", "w", "a", "m", "e", "Tab", "Enter", "r", "e", "s", "i", "d", "e", "n", "t",
            "Enter",
        ],
    );
    t.wait_for("q", "Kwame wants to reply directly");
    // The floor goes to the reply first, then to Zoë.
    t.keys("q", &["Enter"]);
    t.wait_for("q", "Kwame has the floor");
    std::thread::sleep(std::time::Duration::from_millis(1_200));
    t.keys("q", &["Enter"]);
    let screen = t.wait_for("q", "Zoë has the floor");
    // On the one screen the room sees, her needs are a mark; N shows them to the facilitator.
    assert!(!screen.contains("extra time to speak"), "{screen}");
    assert!(screen.contains("◇"), "{screen}");
    t.keys("q", &["N"]);
    let screen = t.wait_for("q", "needs: extra time to speak");
    assert!(screen.contains("Needs shown in words"), "{screen}");
    t.keys("q", &["N"]);
    t.wait_for("q", "Needs hidden");
    assert!(screen.contains("▶ SPEAKING Zoë"), "{screen}");
    std::thread::sleep(std::time::Duration::from_millis(1_200));
    t.keys("q", &["e"]);
    t.wait_for("q", "Zoë spoke for");
    let screen = t.screen("q");
    assert!(screen.contains("Not heard yet:"), "{screen}");
    assert!(screen.contains("equality"), "{screen}");
    t.keys("q", &["q"]);
    t.wait_for("q", "Quit anyway?");
    t.keys("q", &["y"]);
    assert_eq!(t.exit_status("q"), 0);

    let session = sessions(dir.path()).pop().unwrap();
    let name = session.strip_prefix(dir.path()).unwrap().display().to_string();
    let report = run(dir.path(), &["report", &name, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let people = json["participants"].as_array().unwrap();
    let person = |name: &str| people.iter().find(|p| p["name"] == name).unwrap().clone();
    assert_eq!(person("Zoë")["turns"], 1);
    assert!(person("Zoë")["spoken_s"].as_u64().unwrap() >= 1);
    assert_eq!(person("Kwame")["walk_in"], true);
    assert_eq!(person("Kwame")["role"], "resident");
    assert_eq!(person("Łukasz")["turns"], 0);
    assert!(person("Amina")["present_s"].as_u64().unwrap() >= 2);
    let roles = json["roles"].as_array().unwrap();
    let residents = roles.iter().find(|r| r["role"] == "resident").unwrap();
    assert_eq!(residents["people"], 3);
    let equality = json["equality"].as_f64().unwrap();
    assert!((0.0..1.0).contains(&equality), "{equality}");
    let md = String::from_utf8(run(dir.path(), &["report", &name]).stdout).unwrap();
    assert!(md.contains("| Kwame (walk-in) | resident | 1 |"), "{md}");
}

#[test]
fn ideas_attributed_and_anonymous_votes_and_an_action_reach_the_report() {
    let dir = common::folder_with_plan();
    let bin = binary();
    let t = Tmux::new("ideas", dir.path());
    t.start("i", (120, 40), &format!("{} run plan.ron", bin.display()), &[]);
    t.wait_for("i", "READY");
    t.keys("i", &["n", "n"]);
    t.wait_for("i", "Stage 3 of 5 started");
    // An attributed idea, typed with accents and emoji; the author found without accents.
    t.keys("i", &["i"]);
    t.wait_for("i", "Capture an idea");
    t.keys("i", &["-l", "Café at the clinic ☕"]);
    t.keys("i", &["Tab", "-l", "zoe", "Enter"]);
    t.wait_for("i", "Idea #1 captured, from Zoë.");
    // An anonymous one, and a control character typed into it is dropped.
    t.keys("i", &["i", "-l", "Benches", "C-g", "-l", " outside", "Enter"]);
    t.wait_for("i", "Idea #2 captured, anonymous.");
    // An empty one is not saved.
    t.keys("i", &["i", "Enter"]);
    t.wait_for("i", "An empty idea is not saved.");
    t.keys("i", &["Escape"]);
    // Two votes for the second, one for the first.
    // The ideas panel is on top in an ideas stage: the arrows and v act on it.
    t.keys("i", &["v", "v", "Up", "v"]);
    t.wait_for("i", "A vote for idea #1: 1 vote.");
    // On the board, the second becomes an action for Dr Lee.
    t.keys("i", &["I"]);
    t.wait_for("i", "Ideas board · 2 ideas");
    t.keys("i", &["Down", "a", "-l", "lee", "Tab", "-l", "2026-12-15", "Enter"]);
    t.wait_for("i", "Idea #2 is now an action for Dr Lee, due 2026-12-15.");
    // Picked with the arrows: two rows down from "anonymous" is Dr Lee, the
    // footer says so while the name is highlighted, and so does the record.
    t.keys("i", &["Escape", "i", "-l", "Shade", "Tab", "Down", "Down"]);
    let screen = t.wait_for("i", "said by: Dr Lee");
    assert!(screen.contains("▶ Dr Lee"), "{screen}");
    t.keys("i", &["Enter"]);
    t.wait_for("i", "Idea #3 captured, from Dr Lee.");
    t.keys("i", &["q"]);
    t.wait_for("i", "Quit anyway?");
    t.keys("i", &["y"]);
    assert_eq!(t.exit_status("i"), 0);

    let session = sessions(dir.path()).pop().unwrap();
    let name = session.strip_prefix(dir.path()).unwrap().display().to_string();
    let json: serde_json::Value =
        serde_json::from_slice(&run(dir.path(), &["report", &name, "--format", "json"]).stdout)
            .unwrap();
    let ideas = json["ideas"].as_array().unwrap();
    assert_eq!(ideas[0]["text"], "Café at the clinic ☕");
    assert_eq!(ideas[0]["author"], "Zoë");
    assert_eq!(ideas[0]["votes"], 1);
    assert_eq!(ideas[0]["stage"], "Ideas 💡 アイデア");
    assert_eq!(ideas[1]["text"], "Benches outside");
    assert_eq!(ideas[1]["author"], serde_json::Value::Null);
    assert_eq!(ideas[1]["votes"], 2);
    assert_eq!(
        (ideas[2]["text"].as_str(), ideas[2]["author"].as_str()),
        (Some("Shade"), Some("Dr Lee"))
    );
    let action = &json["actions"][0];
    assert_eq!(
        (action["owner"].as_str(), action["due"].as_str(), action["status"].as_str()),
        (Some("Dr Lee"), Some("2026-12-15"), Some("open"))
    );
    let zoe = json["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Zoë")
        .unwrap()
        .clone();
    assert_eq!(zoe["ideas"], 1);
    let md = String::from_utf8(run(dir.path(), &["report", &name]).stdout).unwrap();
    assert!(md.contains("1. **Benches outside** · anonymous · 2 votes"), "{md}");
    assert!(md.contains("| Benches outside | Dr Lee | 2026-12-15 | open |"), "{md}");

    // The next cycle opens with the open action, to say how it went.
    t.start("again", (120, 40), &format!("{} run --again {name}", bin.display()), &[]);
    let screen = t.wait_for("again", "From last time");
    assert!(screen.contains("Benches outside · Dr Lee · due 2026-12-15"), "{screen}");
    t.keys("again", &["g", "Enter", "-l", "Quote asked for", "Enter"]);
    t.wait_for("again", "Action \"Benches outside\": in progress.");
    t.keys("again", &["Escape", "q"]);
    assert_eq!(t.exit_status("again"), 0);
    let next = sessions(dir.path()).into_iter().find(|p| *p != session).unwrap();
    let next = next.strip_prefix(dir.path()).unwrap().display().to_string();
    let json: serde_json::Value =
        serde_json::from_slice(&run(dir.path(), &["report", &next, "--format", "json"]).stdout)
            .unwrap();
    assert_eq!(json["actions"][0]["status"], "in progress");
    assert_eq!(json["actions"][0]["note"], "Quote asked for");
    assert_eq!(json["actions"][0]["carried"], true);
    assert_eq!(json["series"], "community-health");
}

#[test]
fn three_components_scored_a_note_with_accents_and_the_report() {
    let dir = common::folder_with_plan();
    let bin = binary();
    let t = Tmux::new("reflect", dir.path());
    t.start("r", (120, 40), &format!("{} run plan.ron", bin.display()), &[]);
    t.wait_for("r", "READY");
    // The last stage is a Reflection: the screen comes first by itself.
    t.keys("r", &["n", "n", "n", "n"]);
    t.wait_for("r", "Reflection · the first score starts a checkpoint");
    t.keys("r", &["3"]);
    t.wait_for("r", "Equal: ●●●○ mostly.");
    t.keys("r", &["Down", "1", "Down", "4"]);
    t.wait_for("r", "Open: ●●●● fully.");
    t.keys("r", &["Up", "Enter", "-l", "Pas assez de voix des résidents", "Enter"]);
    t.wait_for("r", "Note on Inclusive saved.");
    let screen = t.screen("r");
    assert!(screen.contains("checkpoint \"end\""), "{screen}");
    assert!(screen.contains("note: Pas assez de voix des résidents"), "{screen}");
    t.keys("r", &["Escape", "q"]);
    t.wait_for("r", "Quit anyway?");
    t.keys("r", &["y"]);
    assert_eq!(t.exit_status("r"), 0);

    let session = sessions(dir.path()).pop().unwrap();
    let name = session.strip_prefix(dir.path()).unwrap().display().to_string();
    let json: serde_json::Value =
        serde_json::from_slice(&run(dir.path(), &["report", &name, "--format", "json"]).stdout)
            .unwrap();
    let rows = json["reflections"].as_array().unwrap();
    assert_eq!(rows.len(), 10, "one row per component in the checkpoint");
    let row = |c: &str| rows.iter().find(|r| r["component"] == c).unwrap().clone();
    assert_eq!(row("Equal")["score"], 3);
    assert_eq!(row("Inclusive")["score"], 1);
    assert_eq!(row("Inclusive")["note"], "Pas assez de voix des résidents");
    assert_eq!(row("Open")["score"], 4);
    assert_eq!(row("Human")["score"], serde_json::Value::Null);
    assert_eq!(row("Equal")["checkpoint"], "end");
    let md = String::from_utf8(run(dir.path(), &["report", &name]).stdout).unwrap();
    assert!(
        md.contains("| Inclusive | ●○○○ a little |  | Pas assez de voix des résidents |"),
        "{md}"
    );
}

/// The colour parameters of every SGR escape sequence on a captured screen.
fn colours(screen: &str) -> Vec<String> {
    let mut found = Vec::new();
    for piece in screen.split("\u{1b}[").skip(1) {
        let Some(end) = piece.find('m') else { continue };
        let params: Vec<u32> = piece[..end].split(';').filter_map(|p| p.parse().ok()).collect();
        let mut i = 0;
        while i < params.len() {
            match params[i] {
                38 | 48 => {
                    found.push(piece[..end].to_string());
                    i = params.len();
                }
                // 39 and 49 put the terminal's own colours back: not a colour.
                p if (30..=37).contains(&p)
                    || (40..=47).contains(&p)
                    || (90..=97).contains(&p)
                    || (100..=107).contains(&p) =>
                {
                    found.push(piece[..end].to_string());
                    i += 1;
                }
                _ => i += 1,
            }
        }
    }
    found
}

#[test]
fn no_color_means_no_colour_at_all() {
    let dir = common::folder_with_plan();
    let bin = binary();
    let t = Tmux::new("nocolor", dir.path());
    t.start("c", (100, 30), &format!("{} run plan.ron", bin.display()), &[("NO_COLOR", "1")]);
    t.wait_for("c", "READY");
    t.keys("c", &["Space", "n", "h", "z", "o", "Enter", "Enter"]);
    t.wait_for("c", "Zoë has the floor");
    let screen = t.screen_with_codes("c");
    assert!(screen.contains("\u{1b}["), "the capture keeps escape codes");
    assert_eq!(colours(&screen), Vec::<String>::new(), "{screen}");
    assert!(
        screen.contains("\u{1b}[7m") || screen.contains(";7m") || screen.contains("[7;"),
        "highlights in reverse video"
    );
    // `t` would cycle to a colour theme; under NO_COLOR it says why it stays mono.
    t.keys("c", &["t"]);
    t.wait_for("c", "NO_COLOR is set, so the theme stays mono");
    assert_eq!(colours(&t.screen_with_codes("c")), Vec::<String>::new());
    // Without NO_COLOR the same screen has colour, so the check can tell.
    t.start("d", (100, 30), &format!("{} run plan.ron", bin.display()), &[]);
    t.wait_for("d", "READY");
    assert!(!colours(&t.screen_with_codes("d")).is_empty());
    t.keys("c", &["q", "y"]);
    t.keys("d", &["q"]);
}

#[test]
fn bell_rings_once_when_a_turn_is_up_and_ctrl_c_asks_before_quitting() {
    let dir = common::folder_with_plan();
    let bin = binary();
    let t = Tmux::new("bell", dir.path());
    // At 60× a 90-second turn is up in 1.5 seconds. One console rings, one does not;
    // tmux flags a bell only in a window not in front, so a third window is.
    let fast = [("ROUNDTABLE_SPEED", "60")];
    let (ringing, quiet) = (
        format!("{} run --bell plan.ron", bin.display()),
        format!("{} run plan.ron", bin.display()),
    );
    t.start("ringing", (100, 30), &ringing, &fast);
    t.start("quiet", (100, 30), &quiet, &fast);
    t.start("front", (100, 30), "sleep 60", &[]);
    for w in ["ringing", "quiet"] {
        t.wait_for(w, "READY");
        t.keys(w, &["Space", "n", "h", "z", "o", "Enter", "Enter"]);
        t.wait_for(w, "Zoë has the floor");
        assert_eq!(t.show(w, "#{window_bell_flag}"), "0", "no bell before the time is up");
    }
    for w in ["ringing", "quiet"] {
        t.wait_for(w, "TIME: Zoë has had their turn");
    }
    assert_eq!(t.show("ringing", "#{window_bell_flag}"), "1", "--bell rings");
    assert_eq!(t.show("quiet", "#{window_bell_flag}"), "0", "no --bell, no bell");
    // Ctrl+C is quit: with the timer running it asks first, and nothing is lost.
    t.keys("ringing", &["C-c"]);
    t.wait_for("ringing", "Quit anyway?");
    t.keys("ringing", &["y"]);
    assert_eq!(t.exit_status("ringing"), 0);
    t.keys("quiet", &["q", "y"]);
    assert_eq!(t.exit_status("quiet"), 0);
    let files = sessions(dir.path());
    assert_eq!(files.len(), 2, "{files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("FloorGiven(who: \"Zoë\")"), "{text}");
        assert!(text.contains("TimerPaused"), "quitting paused the timer: {text}");
    }
}

#[test]
fn announcements_go_to_a_file_a_second_terminal_can_follow() {
    let dir = common::folder_with_plan();
    let bin = binary();
    let t = Tmux::new("announce", dir.path());
    t.start("a", (100, 30), &format!("{} run plan.ron --announce said.txt", bin.display()), &[]);
    t.wait_for("a", "READY");
    t.keys("a", &["Space", "n", "b"]);
    t.wait_for("a", "Back to stage 1 of 5");
    t.keys("a", &["q", "y"]);
    assert_eq!(t.exit_status("a"), 0);
    let said = std::fs::read_to_string(dir.path().join("said.txt")).unwrap();
    let lines: Vec<&str> =
        said.lines().map(|l| l.split_once(' ').map_or(l, |(_, rest)| rest)).collect();
    assert_eq!(
        lines,
        [
            "Ready: stage 1 of 5, Welcome and check-in, 10 minutes.",
            "Stage 1 of 5 started: Welcome and check-in, 10 minutes",
            "Stage 2 of 5 started: What matters to you? 20 minutes",
            "Back to stage 1 of 5: Welcome and check-in, 10 minutes left",
        ],
        "{said}"
    );
    assert!(
        said.lines().all(|l| l.as_bytes()[2] == b':' && l.as_bytes()[5] == b':'),
        "each line stamped HH:MM:SS"
    );
}

#[test]
fn a_recorded_session_replays_at_600x_and_quits() {
    let dir = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/examples");
    let mut files: Vec<_> =
        std::fs::read_dir(&examples).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let first = files.iter().find(|p| p.extension().is_some_and(|x| x == "ron")).unwrap();
    let bin = binary();
    let t = Tmux::new("replay", dir.path());
    t.start("r", (120, 40), &format!("{} replay '{}'", bin.display(), first.display()), &[]);
    let screen = t.wait_for("r", "❚❚ REPLAY · as it was at");
    assert!(screen.contains("event 0 of "), "{screen}");
    t.keys("r", &["5", "Space"]);
    t.wait_for("r", "▶ REPLAY 600×");
    // About 70 minutes of workshop at 600×: seven seconds to the end, where it stops.
    let end = t.wait_for("r", "Workshop ended after");
    assert!(end.contains("❚❚ REPLAY"), "{end}");
    t.keys("r", &["[", "["]);
    t.wait_for("r", "Stage 6 of 7");
    t.keys("r", &["q"]);
    assert_eq!(t.exit_status("r"), 0);
    assert!(!dir.path().join("sessions").exists(), "a replay records nothing");
    let after = std::fs::read_to_string(first).unwrap();
    assert!(after.contains("WorkshopEnded"), "the session file is untouched");
}

/// The roundtable process running in a tmux window (not the shell or tmux around it).
fn pid_in(t: &Tmux, window: &str) -> u32 {
    let listing = std::process::Command::new("ps").args(["-eo", "pid,args"]).output().unwrap();
    let text = String::from_utf8_lossy(&listing.stdout);
    let marker = format!("--sessions {}", t.dir.join(window).display());
    text.lines()
        .filter(|l| l.contains(&marker))
        .find_map(|l| {
            let mut words = l.split_whitespace();
            let pid = words.next()?.parse().ok()?;
            words.next()?.ends_with("/roundtable").then_some(pid)
        })
        .unwrap_or_else(|| panic!("no roundtable process for {window}:\n{text}"))
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_and_keep_every_change() {
    let dir = common::folder_with_plan();
    let bin = binary();
    let t = Tmux::new("signals", dir.path());
    for (window, signal, code) in [("term", "TERM", 143), ("hup", "HUP", 129)] {
        let sessions = dir.path().join(window);
        t.start(
            window,
            (100, 30),
            &format!(
                "{} run plan.ron --sessions {} 2> {window}.err",
                bin.display(),
                sessions.display()
            ),
            &[],
        );
        t.wait_for(window, "READY");
        t.keys(window, &["Space", "n", "h", "z", "o", "e", "Enter"]);
        t.wait_for(window, "Zoë raised a hand");
        let pid = pid_in(&t, window);
        let kill = std::process::Command::new("kill")
            .args([format!("-{signal}"), pid.to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
        // 128 + the signal's number, as shells and service managers expect.
        assert_eq!(t.exit_status(window), code);
        let said = std::fs::read_to_string(dir.path().join(format!("{window}.err"))).unwrap();
        assert!(
            said.starts_with(&format!(
                "roundtable stopped by SIG{signal}. Every change shown is saved in "
            )),
            "{said}"
        );
        // Back to the shell's own screen: the console's frame is gone.
        let screen = t.screen(window);
        assert!(!screen.contains("Agenda"), "{screen}");
        let session = std::fs::read_dir(&sessions)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == "ron"))
            .unwrap();
        let report = run(dir.path(), &["report", session.to_str().unwrap(), "--format", "json"]);
        let json: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
        assert_eq!(json["stages"][1]["reached"], true, "{json}");
        assert!(
            String::from_utf8_lossy(
                &run(dir.path(), &["report", session.to_str().unwrap()]).stdout
            )
            .contains("Zoë")
        );
    }
}

#[test]
fn a_running_session_replays_up_to_its_journal() {
    let dir = common::folder_with_plan();
    let bin = binary();
    let t = Tmux::new("live-replay", dir.path());
    t.start("live", (100, 30), &format!("{} run plan.ron", bin.display()), &[]);
    t.wait_for("live", "READY");
    t.keys("live", &["Space", "n", "n"]);
    t.wait_for("live", "Stage 3 of 5 started");
    // The workshop is still running: its three events are in the journal, not yet in the file.
    let files = sessions(dir.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].strip_prefix(dir.path()).unwrap().display().to_string();
    let in_file = std::fs::read_to_string(&files[0]).unwrap();
    assert!(!in_file.contains("StageChanged"), "{in_file}");
    t.start("replay", (100, 30), &format!("{} replay {name}", bin.display()), &[]);
    t.wait_for("replay", "event 0 of 3");
    t.keys("replay", &["Right", "Right", "Right"]);
    t.wait_for("replay", "event 3 of 3");
    t.wait_for("replay", "Stage 3 of 5");
    t.keys("replay", &["q"]);
    assert_eq!(t.exit_status("replay"), 0);
    // The replay took no lock and wrote nothing: the live console carries on and quits cleanly.
    t.keys("live", &["n"]);
    t.wait_for("live", "Stage 4 of 5 started");
    t.keys("live", &["q", "y"]);
    assert_eq!(t.exit_status("live"), 0);
    let merged = std::fs::read_to_string(&files[0]).unwrap();
    assert_eq!(merged.matches("StageChanged").count(), 3, "{merged}");
}

#[test]
fn sessions_marked_on_the_home_screen_are_compared_and_esc_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("s");
    std::fs::create_dir(&sessions).unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/examples");
    for entry in std::fs::read_dir(&examples).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, sessions.join(path.file_name().unwrap())).unwrap();
    }
    let bin = binary();
    let t = Tmux::new("marks", dir.path());
    t.start("h", (80, 24), &format!("{} --sessions s", bin.display()), &[]);
    t.wait_for("h", "Compare: the 3 sessions of the series what-matters");
    // The newest two: down past the built-in workshop, a plan file and the series.
    t.keys("h", &["Down", "Down", "Down", "Space"]);
    t.wait_for("h", "1 session marked to compare");
    t.keys("h", &["Down", "Space"]);
    let screen = t.wait_for("h", "Compare the 2 marked sessions");
    assert_eq!(screen.matches("✓ marked").count(), 2, "{screen}");
    t.keys("h", &["Up", "Up", "Enter"]);
    let compare = t.wait_for("h", "series what-matters · 2 sessions");
    assert!(
        compare.contains("Wed 25 Nov 20:11") && compare.contains("Wed 25 Nov 20:13"),
        "{compare}"
    );
    assert!(!compare.contains("Wed 25 Nov 20:10"), "{compare}");
    // Esc goes back to the home screen as it was left: the place and the marks.
    t.keys("h", &["Escape"]);
    let home = t.wait_for("h", "▶ Compare the 2 marked sessions");
    assert_eq!(home.matches("✓ marked").count(), 2, "{home}");
    t.keys("h", &["q"]);
    assert_eq!(t.exit_status("h"), 0);
}

#[test]
fn a_pasted_idea_with_line_breaks_stays_one_idea() {
    let dir = common::folder_with_plan();
    let bin = binary();
    let t = Tmux::new("paste", dir.path());
    t.start("p", (100, 30), &format!("{} run plan.ron", bin.display()), &[]);
    t.wait_for("p", "READY");
    // Pasted with no form open: set aside, and the agenda does not move.
    t.paste("p", "n\nn\nq\n");
    t.wait_for("p", "Pasted text was set aside");
    assert!(t.screen("p").contains("Stage 1 of 5"));
    // Pasted into an idea, from a chat: one idea, the line breaks as spaces.
    t.keys("p", &["i"]);
    t.paste("p", "Bus stop bench\nnote: near clinic\n");
    t.keys("p", &["Enter"]);
    t.wait_for("p", "Bus stop bench note: near clinic");
    t.keys("p", &["q"]);
    assert_eq!(t.exit_status("p"), 0);
    let files = sessions(dir.path());
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("text: \"Bus stop bench note: near clinic\""), "{text}");
    assert!(!text.contains("StageChanged"), "{text}");
}

#[test]
fn at_120x35_every_bar_of_eight_people_and_a_walk_in_stays_and_lived_roles_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let bin = binary();
    let t = Tmux::new("bars", dir.path());
    t.start("b", (120, 35), &format!("{} run", bin.display()), &[]);
    t.wait_for("b", "READY");
    t.keys("b", &["Space", "n", "h", "-l", "Kwame", "Enter"]);
    t.wait_for("b", "Their role");
    t.keys("b", &["-l", "peer mentor", "Enter"]);
    t.wait_for("b", "Kwame raised a hand");
    t.keys("b", &["Enter"]);
    t.wait_for("b", "Kwame has the floor");
    t.keys("b", &["e"]);
    let screen = t.wait_for("b", "Kwame spoke for");
    for name in [
        "Amina Yusuf",
        "Dr Priya Raman",
        "Zoë Clarke",
        "José Álvarez",
        "Łukasz Nowak",
        "Siobhán Kelly",
        "Kofi Mensah",
        "Sam Okafor",
        "Kwame",
    ] {
        assert!(
            screen.lines().any(|l| l.contains(name) && l.contains('×')),
            "no bar for {name}:\n{screen}"
        );
    }
    assert!(screen.contains("Lived experience: residents, carers"), "{screen}");
    t.keys("b", &["q", "y"]);
    assert_eq!(t.exit_status("b"), 0);
}

#[test]
fn a_break_says_when_to_be_back_a_reflection_keeps_its_clock_and_a_long_status_wraps() {
    let dir = tempfile::tempdir().unwrap();
    let bin = binary();
    let t = Tmux::new("clocks", dir.path());
    t.start("c", (120, 35), &format!("{} run", bin.display()), &[]);
    t.wait_for("c", "READY");
    // Welcome, What matters, Ideas, then the break.
    t.keys("c", &["Space", "n", "n", "n"]);
    let screen = t.wait_for("c", "BACK AT");
    assert!(screen.contains("Stage 4 of 7 · Break"), "{screen}");
    // On to the reflection stage: the reflection screen, its clock beside it.
    t.keys("c", &["n", "n"]);
    let screen = t.wait_for("c", "┌ Time");
    assert!(screen.contains("Reflection"), "{screen}");
    assert!(screen.contains("▶ RUNNING"), "{screen}");
    t.keys("c", &["q", "y"]);
    assert_eq!(t.exit_status("c"), 0);

    // At 80 columns a long sentence takes a second row, whole and cut at no word.
    let name = "Maximilian Alexander Featherstonehaugh-Cholmondeley-Smythe";
    // A server of its own: a window of the first would take its size.
    let t = Tmux::new("status", dir.path());
    t.start("s", (80, 24), &format!("{} run", bin.display()), &[]);
    t.wait_for("s", "READY");
    t.keys("s", &["Space", "n", "h", "-l", name, "Enter"]);
    t.wait_for("s", "Their role");
    t.keys("s", &["-l", "neighbour", "Enter"]);
    t.wait_for("s", "raised a hand");
    t.keys("s", &["Enter"]);
    let said = format!("{name} has the floor, 2 minutes.");
    let screen = t.wait_for("s", "has the floor");
    let rows: Vec<&str> = screen.lines().collect();
    let status = format!("{} {}", rows[rows.len() - 3].trim(), rows[rows.len() - 2].trim());
    assert!(status.starts_with(&said), "{screen}");
    t.keys("s", &["q", "y"]);
    assert_eq!(t.exit_status("s"), 0);
}
