//! A disk that fills up mid-workshop: the console carries on, says so, keeps
//! every event, and writes them all once it can. Run on a tiny tmpfs: CI runs
//! as root and can mount one (ROUNDTABLE_TINY_FS names one mounted already).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::tmux::{Tmux, binary};

/// A 64 KiB tmpfs of our own, unmounted when dropped.
struct TinyDisk {
    path: PathBuf,
    mounted: bool,
}

impl TinyDisk {
    fn new(dir: &Path) -> TinyDisk {
        if let Some(given) = std::env::var_os("ROUNDTABLE_TINY_FS") {
            return TinyDisk { path: PathBuf::from(given), mounted: false };
        }
        let path = dir.join("tiny");
        std::fs::create_dir_all(&path).unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "this test mounts a tiny tmpfs, which needs root (CI runs as root), or set ROUNDTABLE_TINY_FS to one: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        TinyDisk { path, mounted: true }
    }

    /// Takes every byte left, and returns the file that holds them.
    fn fill(&self) -> PathBuf {
        let filler = self.path.join("filler");
        let _ = Command::new("dd")
            .arg("if=/dev/zero")
            .arg(format!("of={}", filler.display()))
            .args(["bs=1k"])
            .output();
        filler
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        if self.mounted {
            // Lazily: the console tmux has just hung up on may still hold its files for a moment.
            let _ = Command::new("umount").arg("-l").arg(&self.path).output();
        }
    }
}

/// `q`, and `y` if it asks because the timer runs.
fn quit(t: &Tmux) {
    t.keys("d", &["q"]);
    std::thread::sleep(Duration::from_millis(300));
    if t.screen("d").contains("The timer is running") {
        t.keys("d", &["y"]);
    }
}

#[test]
fn a_full_disk_mid_workshop_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plan.ron"),
        dir.path().join("plan.ron"),
    )
    .unwrap();
    let disk = TinyDisk::new(dir.path());
    let sessions = disk.path.join("sessions");
    let bin = binary();
    let t = Tmux::new("disk", dir.path());
    let elsewhere = dir.path().to_str().unwrap();
    t.start(
        "d",
        (110, 32),
        &format!("{} run plan.ron --sessions '{}'", bin.display(), sessions.display()),
        &[("TMPDIR", elsewhere)],
    );
    t.wait_for("d", "READY");
    t.keys("d", &["Space", "n"]);
    t.wait_for("d", "Stage 2 of 5 started");

    let filler = disk.fill();
    // The journal's last block may have room for a few more lines: pause and
    // start the timer until the disk refuses one.
    let mut full = false;
    for _ in 0..150 {
        t.keys("d", &["Space"]);
        if t.screen("d").contains("NOT SAVED") {
            full = true;
            break;
        }
    }
    assert!(full, "the disk never filled:\n{}", t.screen("d"));
    t.wait_for("d", "⚠ NOT SAVED: the disk is full. 1 event kept in memory; retrying.");
    t.keys("d", &["h", "z", "o", "e", "Enter"]);
    let screen = t.wait_for("d", "2 events kept in memory");
    assert!(screen.contains("Zoë raised a hand"), "the room carries on: {screen}");
    t.keys("d", &["h", "a", "m", "Enter"]);
    t.wait_for("d", "3 events kept in memory");

    // Quitting now asks first, and says where the session would go.
    quit(&t);
    let screen = t.wait_for("d", "Not saved: quit anyway?");
    let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("the disk is full. Quit anyway?"), "{screen}");
    t.keys("d", &["Escape"]);

    // Space comes back: within a couple of seconds everything is written.
    std::fs::remove_file(filler).unwrap();
    std::thread::sleep(Duration::from_millis(2_500));
    let screen = t.screen("d");
    assert!(!screen.contains("NOT SAVED"), "{screen}");
    quit(&t);
    assert_eq!(t.exit_status("d"), 0);
    let saved: Vec<PathBuf> = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    assert_eq!(saved.len(), 1);
    let text = std::fs::read_to_string(&saved[0]).unwrap();
    assert!(text.contains("HandRaised(who: \"Zoë\""), "{text}");
    assert!(text.contains("HandRaised(who: \"Amina\""), "{text}");
    let check = Command::new(&bin).arg("check").arg(&saved[0]).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
}

#[test]
fn quitting_while_the_disk_refuses_writes_the_session_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plan.ron"),
        dir.path().join("plan.ron"),
    )
    .unwrap();
    let disk = TinyDisk::new(dir.path());
    let sessions = disk.path.join("sessions-2");
    let rescue = dir.path().join("rescue");
    std::fs::create_dir_all(&rescue).unwrap();
    let bin = binary();
    let t = Tmux::new("rescue", dir.path());
    t.start(
        "d",
        (110, 32),
        &format!("{} run plan.ron --sessions '{}'", bin.display(), sessions.display()),
        &[("TMPDIR", rescue.to_str().unwrap())],
    );
    t.wait_for("d", "READY");
    let _filler = disk.fill();
    t.keys("d", &["n"]);
    t.wait_for("d", "NOT SAVED");
    t.keys("d", &["q", "y"]);
    t.wait_for("d", "Not saved: quit anyway?");
    t.keys("d", &["y"]);
    assert_eq!(t.exit_status("d"), 0);
    let farewell = t.screen("d");
    assert!(farewell.contains("the whole session is in"), "{farewell}");
    let written: Vec<PathBuf> =
        std::fs::read_dir(&rescue).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let text = std::fs::read_to_string(&written[0]).unwrap();
    assert!(text.contains("StageChanged(to: 1)"), "{text}");
}

#[test]
fn a_full_disk_when_a_session_starts_leaves_no_empty_session_behind() {
    let dir = tempfile::tempdir().unwrap();
    let disk = TinyDisk::new(dir.path());
    let sessions = disk.path.join("sessions-at-start");
    std::fs::create_dir_all(&sessions).unwrap();
    let filler = disk.fill();
    let plan = roundtable::store::plan_file::parse_plan(
        Path::new("plan.ron"),
        include_str!("fixtures/plan.ron"),
    )
    .unwrap();
    let started = chrono::DateTime::parse_from_rfc3339("2026-11-25T19:00:00+00:00").unwrap();
    let refused = roundtable::store::recorder::Recorder::create(&sessions, plan, started);
    let err = refused.err().expect("a full disk refuses the new session");
    assert!(err.headline().contains("cannot create the session file"), "{}", err.headline());
    let left: Vec<_> = std::fs::read_dir(&sessions).unwrap().map(|e| e.unwrap().path()).collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    let _ = std::fs::remove_file(filler);
}

#[test]
fn a_phone_on_a_full_disk_is_told_not_saved_and_nothing_unwritten_is_acknowledged() {
    use common::http::{address, encode, request};
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plan.ron"),
        dir.path().join("plan.ron"),
    )
    .unwrap();
    let disk = TinyDisk::new(dir.path());
    let sessions = disk.path.join("sessions");
    let bin = binary();
    let t = Tmux::new("doordisk", dir.path());
    let elsewhere = dir.path().to_str().unwrap();
    t.start(
        "d",
        (120, 35),
        &format!(
            "{} run --door 127.0.0.1:0 plan.ron --sessions '{}'",
            bin.display(),
            sessions.display()
        ),
        &[("TMPDIR", elsewhere)],
    );
    t.wait_for("d", "door open");
    t.keys("d", &["T"]);
    let (host, base) = address(&t.wait_for("d", "Phones on this network open:"));
    t.keys("d", &["Escape"]);
    let joined = request(&host, "POST", &format!("{base}/join"), None, "who=Amina");
    assert_eq!(joined.status, 303, "{}", joined.body);
    let cookie = joined.header("set-cookie").unwrap();
    let cookie = cookie.split(';').next().unwrap().to_string();

    let filler = disk.fill();
    let mut full = false;
    for _ in 0..150 {
        t.keys("d", &["Space"]);
        if t.screen("d").contains("NOT SAVED") {
            full = true;
            break;
        }
    }
    assert!(full, "the disk never filled:\n{}", t.screen("d"));

    // The phone is told the truth, and keeps what it typed.
    let idea = "Une rampe à l'entrée";
    let form = format!("text={}", encode(idea));
    let refused = request(&host, "POST", &format!("{base}/idea"), Some(&cookie), &form);
    assert_eq!(refused.status, 503, "{}", refused.body);
    assert!(refused.body.contains("Not saved, try again"), "{}", refused.body);
    assert!(
        refused.body.contains("Une rampe à l&#39;entrée")
            || refused.body.contains("Une rampe à l'entrée"),
        "{}",
        refused.body
    );

    // Space comes back: the console writes what it kept, and the phone sends again.
    std::fs::remove_file(filler).unwrap();
    std::thread::sleep(Duration::from_millis(2_500));
    assert!(!t.screen("d").contains("NOT SAVED"), "{}", t.screen("d"));
    let saved = request(&host, "POST", &format!("{base}/idea"), Some(&cookie), &form);
    assert_eq!(saved.status, 303, "{}", saved.body);
    t.wait_for("d", "1 in tray");
    quit(&t);
    assert_eq!(t.exit_status("d"), 0);
    let file = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "ron"))
        .unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    // Once: the refused attempt was never written, nor kept to be written later.
    assert_eq!(text.matches("Une rampe").count(), 1, "{text}");
}
