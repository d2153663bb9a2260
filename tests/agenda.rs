//! `roundtable agenda PLAN --format md|html [--start HH:MM]`: the plan as a
//! printable agenda, with times added up from the start.

use std::path::Path;
use std::process::{Command, Output};

fn agenda(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .arg("agenda")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

const STEPS: &str = "tests/fixtures/steps.ron";

#[test]
fn markdown_with_clock_times_from_the_start() {
    let md = stdout(&agenda(&[STEPS, "--format", "md", "--start", "14:00"]));
    // Added up by hand: 5m, then 15m (1 + 2 + 4, and the whole group takes the
    // other 8), then a stage as long as its steps, 90s + 3m.
    for line in [
        "# Clinic hours: 1-2-4-All",
        "14:00–14:24:30 · 24 minutes 30 seconds · 3 stages  ",
        "| 14:00–14:05 | Check-in | 5 minutes |",
        "| 14:05–14:20 | 1-2-4-All | 15 minutes |",
        "| 14:20–14:24:30 | Quick pairs | 4 minutes 30 seconds |",
        "## 2. 1-2-4-All",
        "14:05–14:20 · 15 minutes · Ideas",
        "> What one change would make the clinic's hours work for you?  ",
        "> Think alone, then share in pairs, then in fours.  ",
        "- 14:05–14:06 alone (1 minute)",
        "- 14:06–14:08 in pairs (2 minutes)",
        "- 14:08–14:12 in fours (4 minutes)",
        "- 14:12–14:20 whole group (8 minutes)",
        "- 14:20–14:21:30 pair up (1 minute 30 seconds)",
        "- 14:21:30–14:24:30 report back (3 minutes)",
    ] {
        assert!(md.lines().any(|l| l == line), "missing {line:?} in:\n{md}");
    }
}

#[test]
fn without_a_start_the_times_count_from_zero() {
    let md = stdout(&agenda(&[STEPS]));
    assert!(md.contains("| 0:05–0:20 | 1-2-4-All | 15 minutes |"), "{md}");
    assert!(md.contains("hours and minutes from the start"), "{md}");
}

#[test]
fn html_is_one_page_with_the_same_times() {
    let html = stdout(&agenda(&[STEPS, "--format", "html", "--start", "9:30"]));
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"), "{html}");
    assert!(html.ends_with("</html>"));
    assert!(html.contains("<td class=\"t\">09:35–09:50</td><td>1-2-4-All</td>"), "{html}");
    assert!(
        html.contains(
            "<span class=\"t\">09:42–09:50</span> <strong>whole group</strong> (8 minutes)"
        ),
        "{html}"
    );
    assert!(html.contains("hours work for you?<br>Think alone"), "{html}");
    assert!(!html.contains("<script") && !html.contains("://"), "self-contained");
    assert!(html.contains("Content-Security-Policy"), "and nothing may be loaded");
}

#[test]
fn every_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::write(
        &plan,
        r#"Plan(title: "Tea & <script>alert(1)</script>", stages: [
            (title: "Fish & chips <b>", duration: "5m", prompt: "Say <i>why</i> & how",
             steps: [("a & b <script>", "5m")]),
        ])"#,
    )
    .unwrap();
    let path = plan.to_str().unwrap();
    let html = stdout(&agenda(&[path, "--format", "html"]));
    assert!(!html.contains("<script>") && !html.contains("<b>") && !html.contains("<i>"), "{html}");
    assert!(html.contains("<h1>Tea &amp; &lt;script&gt;alert(1)&lt;/script&gt;</h1>"), "{html}");
    assert!(html.contains("Fish &amp; chips &lt;b&gt;"), "{html}");
    assert!(html.contains("Say &lt;i&gt;why&lt;/i&gt; &amp; how"), "{html}");
    assert!(html.contains("<strong>a &amp; b &lt;script&gt;</strong>"), "{html}");
    let md = stdout(&agenda(&[path, "--format", "md"]));
    assert!(md.starts_with("# Tea & \\<script\\>alert(1)\\</script\\>\n"), "{md}");
    assert!(md.contains("- 0:00–0:05 a & b \\<script\\> (5 minutes)"), "{md}");
}

#[test]
fn a_bad_plan_gets_the_same_message_as_check() {
    let bad = "tests/bad/unknown-kind.ron";
    let out = agenda(&[bad, "--format", "html"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let check = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(["check", bad])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let first = |o: &Output| {
        String::from_utf8_lossy(&o.stderr).lines().next().unwrap_or_default().to_string()
    };
    assert_eq!(first(&out), first(&check));
    assert!(first(&out).starts_with("tests/bad/unknown-kind.ron:4:49: "));
}

#[test]
fn a_bad_start_is_one_clear_line() {
    for start in ["2pm", "25:00", "14.00", ""] {
        let out = agenda(&[STEPS, "--start", start]);
        assert_eq!(out.status.code(), Some(1), "{start}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("--start: a time of day as HH:MM, such as 14:00, found"), "{err}");
        assert!(out.stdout.is_empty());
    }
    assert!(!Path::new("no-such-plan.ron").exists());
    let missing = agenda(&["no-such-plan.ron"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).starts_with("no-such-plan.ron: no such file"));
}
