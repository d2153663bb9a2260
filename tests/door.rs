//! The door end to end: the console under tmux with `--door 127.0.0.1:0`,
//! phones played by a plain HTTP client over loopback, and what they sent
//! seen on the console, the room view, in the session file and the report.

mod common;

use std::net::TcpStream;

use common::http::{address, encode, request};
use common::tmux::{Tmux, binary, run};

#[test]
fn a_phone_sends_an_idea_a_hand_and_a_reflection_and_the_room_and_the_record_have_them() {
    let dir = common::folder_with_plan();
    let bin = binary();
    let bin = bin.display();
    let t = Tmux::new("door", dir.path());
    t.start("console", (120, 35), &format!("{bin} run --door 127.0.0.1:0 plan.ron"), &[]);
    // The status line says where the door is; a phone may come before any key is pressed.
    let said = t.wait_for("console", "The door is open: http://");
    let (host, base) = address(&said);
    let first = request(&host, "GET", &base, None, "");
    assert!(first.body.contains("Stay anonymous"), "the door is open at once: {}", first.body);
    t.keys("console", &["T"]);
    let screen = t.wait_for("console", "Phones on this network open:");
    // The code is drawn for phones to scan: black on white, whatever the theme.
    assert!(screen.contains('█') && screen.contains('▀'), "{screen}");
    let (host, base) = address(&screen);
    let code = base.rsplit('/').next().unwrap().to_string();
    assert_eq!(code.len(), 5, "{base}");

    // A guessed or changed code gets 403 and nothing else.
    for wrong in ["/", "/r/AAAAA", &format!("{base}X"), &base.to_lowercase()] {
        let answer = request(&host, "GET", wrong, None, "");
        assert_eq!(answer.status, 403, "{wrong}");
        assert!(answer.body.is_empty(), "{wrong}: {}", answer.body);
    }

    // The phone joins as Zoë: a cookie binds the choice.
    let page = request(&host, "GET", &base, None, "");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("lang=\"en\"") && page.body.contains("Zoë"), "{}", page.body);
    assert!(!page.body.contains("extra time to speak"), "needs never reach a phone");
    assert_eq!(page.header("cache-control").as_deref(), Some("no-store"));
    let joined =
        request(&host, "POST", &format!("{base}/join"), None, &format!("who={}", encode("Zoë")));
    assert_eq!(joined.status, 303, "{}", joined.body);
    let cookie = joined.header("set-cookie").unwrap();
    let cookie = cookie.split(';').next().unwrap().to_string();
    assert!(cookie.starts_with("rt-device=1."), "{cookie}");
    let mine = request(&host, "GET", &base, Some(&cookie), "");
    assert!(mine.body.contains("You joined as <strong>Zoë</strong>"), "{}", mine.body);
    // A made-up cookie names no one: that phone is asked who it is, and cannot act as Zoë.
    let forged = "rt-device=1.00000000000000000000000000000000";
    let page = request(&host, "GET", &base, Some(forged), "");
    assert!(page.body.contains("Who are you?") && !page.body.contains("You joined as"));
    let hand = request(&host, "POST", &format!("{base}/hand"), Some(forged), "kind=normal");
    assert_eq!((hand.status, hand.header("location")), (303, Some(base.clone())));

    // An idea, anonymous: it waits in the tray until the facilitator accepts it.
    let idea = "Un café 🌱 dans la salle d'attente";
    let sent = request(
        &host,
        "POST",
        &format!("{base}/idea"),
        Some(&cookie),
        &format!("text={}&about=Equal", encode(idea)),
    );
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert_eq!(sent.header("location"), Some(format!("{base}?saved=idea")));
    // Anonymous, it names no phone, on the screen or in the record.
    let tray = t.wait_for("console", "idea from a phone (anonymous)");
    assert!(tray.contains(idea), "{tray}");
    t.keys("console", &["y"]);
    t.wait_for("console", "From the door's tray: Idea #1 captured");

    // A hand, a direct reply: in the queue, marked as from a phone.
    let hand = request(&host, "POST", &format!("{base}/hand"), Some(&cookie), "kind=reply");
    assert_eq!(hand.status, 303, "{}", hand.body);
    t.keys("console", &["Escape"]);
    let live = t.wait_for("console", "from a phone");
    assert!(live.contains("↩ Zoë"), "{live}");
    assert!(live.contains(idea), "{live}");

    // A reflection: a score and an answer, always anonymous.
    let closed = request(&host, "POST", &format!("{base}/reflect"), Some(&cookie), "c0=3");
    assert_eq!(closed.status, 409, "no checkpoint is open yet");
    t.keys("console", &["r", "c"]);
    t.wait_for("console", "checkpoint");
    t.keys("console", &["Enter"]);
    t.wait_for("console", "Reflection checkpoint");
    let felt = request(
        &host,
        "POST",
        &format!("{base}/reflect"),
        Some(&cookie),
        &format!("c0=3&q1=yes&feeling={}", encode("Heard, for once")),
    );
    assert_eq!(felt.status, 303, "{}", felt.body);
    t.wait_for("console", "A reflection came from a phone");
    let page = request(&host, "GET", &format!("{base}?saved=reflect"), Some(&cookie), "");
    assert!(page.body.contains("Saved: your reflection is in, anonymously."), "{}", page.body);

    // Quit: the door closes with the console.
    t.keys("console", &["Escape", "q"]);
    assert_eq!(t.exit_status("console"), 0);
    assert!(TcpStream::connect(&host).is_err(), "the door closed with the console");

    let sessions = dir.path().join("sessions/recorded");
    let file = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("from: Some(Door(device: Some(1)))"), "{text}");
    assert!(
        text.contains("from: Some(Door(device: None))"),
        "the reflection keeps no device:\n{text}"
    );
    let offered = text.lines().find(|l| l.contains("IdeaOffered")).unwrap();
    assert!(offered.contains("from: Some(Door(device: None))"), "an anonymous idea: {offered}");
    assert!(text.contains("DoorClosed"), "{text}");
    let out = run(dir.path(), &["report", file.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let door = &report["door"];
    assert_eq!(door["phones"], 1, "{door}");
    assert_eq!(door["ideas"], 1, "{door}");
    assert_eq!(door["hands"], 1, "{door}");
    assert_eq!(door["scores"], 1, "{door}");
    assert_eq!(door["reflections"], 1, "{door}");
    assert_eq!(door["feelings"][0]["text"], "Heard, for once", "{door}");
    assert_eq!(report["ideas"][0]["text"], idea);
    let md = run(dir.path(), &["report", file.to_str().unwrap()]);
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(md.contains("## Through the door"), "{md}");
    assert!(md.contains("Phones joined: 1 (one that joins again after a restart counts again). From them came ideas: 1; hands: 1"), "{md}");
}

#[test]
fn a_resumed_session_keeps_its_room_code_and_phones_join_again() {
    let dir = common::folder_with_plan();
    let bin = binary();
    let bin = bin.display();
    let t = Tmux::new("doorresume", dir.path());
    t.start("console", (120, 35), &format!("{bin} run --door 127.0.0.1:0 plan.ron"), &[]);
    t.wait_for("console", "door open");
    t.keys("console", &["T"]);
    let (host, base) = address(&t.wait_for("console", "Phones on this network open:"));
    let joined = request(&host, "POST", &format!("{base}/join"), None, "who=Amina");
    let cookie = joined.header("set-cookie").unwrap();
    let cookie = cookie.split(';').next().unwrap().to_string();
    // `D` closes the door: the page says so, and nothing can be sent.
    t.keys("console", &["D"]);
    t.wait_for("console", "The door is closed");
    let page = request(&host, "GET", &base, Some(&cookie), "");
    assert!(page.body.contains("The door is closed for now"), "{}", page.body);
    let hand = request(&host, "POST", &format!("{base}/hand"), Some(&cookie), "kind=normal");
    assert_eq!(hand.status, 409, "{}", hand.body);
    t.keys("console", &["D"]);
    t.wait_for("console", "The door is open");
    t.keys("console", &["Escape", "q"]);
    assert_eq!(t.exit_status("console"), 0);

    let file = std::fs::read_dir(dir.path().join("sessions/recorded"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .unwrap();
    let name = file.to_str().unwrap();
    // Resumed without --door: the door stays closed, and the resume is still said.
    t.start("again", (120, 35), &format!("{bin} run '{name}'"), &[]);
    t.wait_for("again", "Resumed");
    assert!(!t.screen("again").contains("door open"), "{}", t.screen("again"));
    t.keys("again", &["q"]);
    assert_eq!(t.exit_status("again"), 0);
    // Resumed with it: the same room code, so the code on the wall still works.
    t.start("door", (120, 35), &format!("{bin} run --door 127.0.0.1:0 '{name}'"), &[]);
    t.wait_for("door", "door open");
    t.keys("door", &["T"]);
    let (host2, base2) = address(&t.wait_for("door", "Phones on this network open:"));
    assert_eq!(base2, base, "the room code is kept");
    // The console's key is new: the old cookie names no one, and the phone joins again.
    let page = request(&host2, "GET", &base2, Some(&cookie), "");
    assert!(page.body.contains("Who are you?"), "{}", page.body);
    let again = request(&host2, "POST", &format!("{base2}/join"), None, "who=Amina");
    assert_eq!(again.status, 303);
    assert!(again.header("set-cookie").unwrap().starts_with("rt-device=2."));
    t.keys("door", &["Escape", "q"]);
    assert_eq!(t.exit_status("door"), 0);
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.matches("DoorOpened").count(), 3, "{text}");
    assert_eq!(text.matches("DoorClosed").count(), 3, "{text}");
}
