//! The door in a real browser: the console runs under tmux with
//! `run --door 127.0.0.1:0`, its door screen gives the address, and Debian's
//! headless `chromium`, driven by playwright-core (tests/browser/door.mjs),
//! opens it at phone size, joins as Zoë and sends an idea with her name,
//! with an axe-core check of the join page and of the saved page. Then the
//! console: the idea waits in the tray, is accepted, shows on the live
//! screen, and is in the session file as coming through the door.
//!
//! Needs `chromium` (or ROUNDTABLE_CHROMIUM), `node`, and `npm ci` run in
//! tests/browser. Without them the test says it was not run, and passes,
//! unless ROUNDTABLE_BROWSER=required (as in .ci/run), when it fails.

mod common;

use std::path::Path;
use std::process::Command;

use common::browser::{chromium, missing};
use common::tmux::{Tmux, binary};

/// Accented and emoji, to see the text whole from the phone's form to the file.
const IDEA: &str = "Un café 🌱 in the waiting room";

/// The door's address on the screen: from `http://127.0.0.1:` to the next space.
fn address(screen: &str) -> Option<String> {
    let from = screen.find("http://127.0.0.1:")?;
    let rest = &screen[from..];
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    Some(rest[..end].to_string())
}

#[test]
fn a_phone_sends_an_idea_through_the_door_in_a_real_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = root.join("tests/browser");
    let missing = missing(&folder);
    if !missing.is_empty() {
        let required = std::env::var("ROUNDTABLE_BROWSER").is_ok_and(|v| v == "required");
        assert!(!required, "ROUNDTABLE_BROWSER=required, and missing: {}", missing.join(", "));
        eprintln!(
            "NOT RUN: the browser test of the door needs {}. \
             (ROUNDTABLE_BROWSER=required makes this a failure.)",
            missing.join(", ")
        );
        return;
    }

    // Screenshots go under target/, never into the tree.
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("door-browser");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();

    let dir = common::folder_with_plan();
    let sessions = dir.path().join("sessions");
    let bin = binary();
    let t = Tmux::new("door-browser", dir.path());
    t.start(
        "console",
        (120, 40),
        &format!("'{}' run --door 127.0.0.1:0 --sessions sessions plan.ron", bin.display()),
        &[],
    );
    t.wait_for("console", "READY");
    t.wait_for("console", "door open");
    t.keys("console", &["T"]);
    let screen = t.wait_for("console", "Phones on this network open:");
    let url =
        address(&screen).unwrap_or_else(|| panic!("no address on the door screen:\n{screen}"));
    assert!(url.contains("/r/"), "{url}\n{screen}");

    let mut node = Command::new("node");
    node.arg(folder.join("door.mjs")).arg(&url).arg(&out).arg(IDEA);
    if let Some(path) = chromium() {
        node.env("ROUNDTABLE_CHROMIUM", path);
    }
    let run = node.output().unwrap();
    assert!(
        run.status.success(),
        "door.mjs failed:\n{}\n{}\nthe console shows:\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr),
        t.screen("console")
    );
    let result: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let shots: Vec<&str> =
        result["screenshots"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
    eprintln!(
        "the door in chromium {}: axe-core {}: {} violations; screenshots: {}",
        result["chromium"],
        result["axeVersion"],
        result["violations"],
        shots.join(", ")
    );
    assert_eq!(result["violations"], 0, "axe-core: {:#}", result["axe"]);
    assert_eq!(result["consoleErrors"], serde_json::json!([]));
    assert_eq!(shots.len(), 5, "{shots:?}");
    for shot in shots {
        let size = std::fs::metadata(shot).map_or(0, |m| m.len());
        assert!(size > 10_000, "{shot}: {size} bytes");
    }

    // The plan's door is a tray: the idea waits there, with who sent it.
    let screen = t.wait_for("console", &format!("idea from phone 1 (Zoë): {IDEA}"));
    assert!(screen.contains("The tray: 1 waiting"), "{screen}");
    t.keys("console", &["y"]);
    t.wait_for("console", "The tray is empty.");
    t.keys("console", &["Escape"]);
    let live = t.wait_for("console", IDEA);
    assert!(!live.contains("Phones on this network open:"), "still the door screen:\n{live}");

    // Quit, and the record has it, from the door, from phone 1.
    // Not yet started, the console quits at once; once started, it asks first.
    t.keys("console", &["q"]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let screen = t.screen("console");
        if screen.contains("Quit anyway?") {
            t.keys("console", &["y"]);
            break;
        }
        if screen.contains("Session saved") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "q did not quit:\n{screen}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(t.exit_status("console"), 0, "{}", t.screen("console"));
    let file = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "ron"))
        .unwrap_or_else(|| panic!("no session in {}", sessions.display()));
    let record = std::fs::read_to_string(&file).unwrap();
    assert!(record.contains(IDEA), "the idea, whole, in {}:\n{record}", file.display());
    let packed: String = record.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(packed.contains("Door(device:Some(1))"), "from the door, phone 1:\n{record}");
}
