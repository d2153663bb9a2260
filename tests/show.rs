//! The room's view end to end: a console in one tmux window, `roundtable show`
//! in another, driven as a facilitator would; and what `show` says of files
//! it cannot follow.

mod common;

use common::tmux::{Tmux, binary, run};

/// Nothing the facilitator keeps reaches the room's screen.
fn private_nothing(screen: &str) {
    for private in ["extra time to speak", "needs:", "◇", "Raise a hand", "Enter gives it"] {
        assert!(!screen.contains(private), "{private:?} on the room's view:\n{screen}");
    }
}

#[test]
fn the_room_view_follows_the_console_through_a_quit_and_a_resume_to_the_end() {
    let dir = common::folder_with_plan();
    let bin = binary();
    let bin = bin.display();
    let t = Tmux::new("show", dir.path());
    t.start("console", (120, 35), &format!("{bin} run plan.ron"), &[]);
    t.wait_for("console", "READY");
    t.start("room", (120, 35), &format!("{bin} show"), &[]);
    t.wait_for("room", "stage 1 of 5: Welcome and check-in");
    // The console counts the room view, and becomes the facilitator's own screen.
    t.wait_for("console", "room view: 1 following");
    // It can be the facilitator's own screen now: needs are offered, never shown unasked.
    let console = t.wait_for("console", "N shows needs beside names");
    assert!(!console.contains("extra time to speak"), "{console}");
    t.keys("console", &["N"]);

    // Start, move to the discussion, a hand, the floor.
    t.keys("console", &["Space", "n"]);
    t.wait_for("room", "stage 2 of 5: What matters to you?");
    t.keys("console", &["h", "Z", "o", "Enter"]);
    let console = t.wait_for("console", "needs: extra time to speak");
    assert!(console.contains("Zoë"), "{console}");
    let room = t.wait_for("room", "Zoë · carer");
    private_nothing(&room);
    t.keys("console", &["Enter"]);
    let room = t.wait_for("room", "SPEAKING Zoë");
    private_nothing(&room);

    // An idea, said by Amina.
    t.keys("console", &["i"]);
    t.wait_for("console", "Capture an idea");
    t.keys("console", &["-l", "A bench by the door"]);
    t.keys("console", &["Tab", "-l", "Ami", "Enter"]);
    let room = t.wait_for("room", "A bench by the door");
    assert!(room.contains("Amina"), "{room}");

    // Quit, and the room is told; resume, and it carries on.
    t.keys("console", &["q"]);
    t.wait_for("console", "Quit anyway?");
    t.keys("console", &["y"]);
    assert_eq!(t.exit_status("console"), 0);
    t.wait_for("room", "Paused by the facilitator");
    let file = std::fs::read_dir(dir.path().join("sessions/recorded"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "ron"))
        .unwrap();
    let name = file.strip_prefix(dir.path()).unwrap().display().to_string();
    t.start("again", (120, 35), &format!("{bin} run {name}"), &[]);
    t.wait_for("room", "Resumed");
    t.wait_for("again", "room view: 1 following");

    // The next stage, then the end.
    t.keys("again", &["Space", "n"]);
    t.wait_for("room", "stage 3 of 5");
    t.keys("again", &["n", "n", "n"]);
    t.wait_for("again", "End the workshop?");
    t.keys("again", &["y"]);
    let room = t.wait_for("room", "The workshop has ended");
    assert!(room.contains("Voice balance"), "who was heard, on the end screen:\n{room}");
    private_nothing(&room);

    // The end offers the report for everyone who took part, written beside the session.
    let console = t.wait_for("again", "write the report");
    assert!(console.contains("w "), "{console}");
    t.keys("again", &["w"]);
    t.wait_for("again", "Report written to");
    let page = std::fs::read_to_string(file.with_extension("html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"), "{}", &page[..page.len().min(200)]);
    assert!(page.contains("A bench by the door"), "the idea is in the report");
    assert!(!page.contains("extra time to speak"), "never needs");

    // The room view leaves no note behind when it closes.
    t.keys("room", &["q"]);
    assert_eq!(t.exit_status("room"), 0);
    let notes = std::fs::read_dir(dir.path().join("sessions/recorded"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".room-"))
        .count();
    assert_eq!(notes, 0, "the room view's note is gone");
    // And the console stops counting it.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while t.screen("again").contains("room view: 1 following") {
        assert!(std::time::Instant::now() < deadline, "{}", t.screen("again"));
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn show_says_in_a_line_why_it_cannot_follow() {
    let dir = tempfile::tempdir().unwrap();
    // No session at all.
    let out = run(dir.path(), &["show", "--sessions", "none"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains("no unfinished session here to follow"), "{said}");

    // A damaged session: its place, as `report` gives it.
    std::fs::write(dir.path().join("broken.ron"), "Session(version: 2, plan: Plan(title: 3))")
        .unwrap();
    let out = run(dir.path(), &["show", "broken.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.starts_with("broken.ron:1:39: plan.title: text in double quotes\n"), "{said}");
    let report = run(dir.path(), &["report", "broken.ron"]);
    assert_eq!(String::from_utf8_lossy(&report.stderr), said, "the same words as report");

    // A file that is no session at all.
    std::fs::write(dir.path().join("notes.ron"), "// shopping\n(milk: 2)\n").unwrap();
    let out = run(dir.path(), &["show", "notes.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("notes.ron:"));

    // A name no session has.
    let out = run(dir.path(), &["show", "no such workshop"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no session here is called"));
}
