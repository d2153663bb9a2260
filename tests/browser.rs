//! The HTML reports in a real browser: Debian's headless `chromium`, driven by
//! playwright-core (tests/browser/check.mjs), opens the example session's
//! page, the series' page and a page of hostile text; takes screenshots at
//! phone width and at A4; and finds no console error, no request leaving the
//! file, no element wider than the viewport, no chart taller than an A4 page,
//! and no serious or critical accessibility violation by axe-core.
//!
//! Needs `chromium` (or ROUNDTABLE_CHROMIUM), `node`, and `npm ci` run in
//! tests/browser. Without them the test says it was not run, and passes,
//! unless ROUNDTABLE_BROWSER=required (as in .ci/run), when it fails.

#[path = "common/browser.rs"]
mod needs;
#[path = "common/unsafe_session.rs"]
mod unsafe_session;

use needs::{chromium, missing};

use std::path::Path;
use std::process::Command;

fn write_page(args: &[&str], to: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    std::fs::write(to, out.stdout).unwrap();
}

#[test]
fn the_pages_in_a_real_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = root.join("tests/browser");
    let missing = missing(&folder);
    if !missing.is_empty() {
        let required = std::env::var("ROUNDTABLE_BROWSER").is_ok_and(|v| v == "required");
        assert!(!required, "ROUNDTABLE_BROWSER=required, and missing: {}", missing.join(", "));
        eprintln!(
            "NOT RUN: the browser test of the HTML reports needs {}. \
             (ROUNDTABLE_BROWSER=required makes this a failure.)",
            missing.join(", ")
        );
        return;
    }

    // The pages and the screenshots go under target/, never into the tree.
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let mut sessions: Vec<String> = std::fs::read_dir(root.join("sessions/examples"))
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".ron"))
        .collect();
    sessions.sort();
    let report = out.join("report.html");
    let series = out.join("series.html");
    let hostile = out.join("hostile.html");
    write_page(&["report", &sessions[0], "--format", "html"], &report);
    let mut compare = vec!["compare"];
    compare.extend(sessions.iter().map(String::as_str));
    compare.extend(["--format", "html"]);
    write_page(&compare, &series);
    let files = unsafe_session::write(&out);
    write_page(&["report", &files[1].display().to_string(), "--format", "html"], &hostile);

    let mut node = Command::new("node");
    node.arg(folder.join("check.mjs")).arg(&out).args([&report, &series, &hostile]);
    if let Some(path) = chromium() {
        node.env("ROUNDTABLE_CHROMIUM", path);
    }
    let run = node.output().unwrap();
    assert!(
        run.status.success(),
        "check.mjs failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let pages = result["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 3);
    let list = |v: &serde_json::Value| -> Vec<String> {
        v.as_array().unwrap().iter().map(|x| x.as_str().unwrap_or_default().to_string()).collect()
    };
    for page in pages {
        let name = page["page"].as_str().unwrap();
        let impact = &page["byImpact"];
        eprintln!(
            "{name} in chromium {}: axe-core {}: {} critical, {} serious, {} moderate, {} minor; screenshots: {}",
            result["chromium"],
            page["axeVersion"],
            impact["critical"],
            impact["serious"],
            impact["moderate"],
            impact["minor"],
            list(&page["screenshots"]).join(", ")
        );
        assert_eq!(list(&page["consoleErrors"]), Vec::<String>::new(), "{name}: console errors");
        assert_eq!(
            list(&page["requests"]),
            Vec::<String>::new(),
            "{name}: requests beyond the file"
        );
        assert_eq!(list(&page["phoneTooWide"]), Vec::<String>::new(), "{name}: wider than a phone");
        assert_eq!(list(&page["a4TooWide"]), Vec::<String>::new(), "{name}: wider than A4");
        assert_eq!(
            list(&page["chartsTallerThanAPage"]),
            Vec::<String>::new(),
            "{name}: a chart that A4 would cut"
        );
        assert_eq!(page["scripts"], 0, "{name}: a script on the page");
        assert!(page["charts"].as_u64().unwrap() >= 4, "{name}: its charts were drawn");
        let serious = impact["critical"].as_u64().unwrap() + impact["serious"].as_u64().unwrap();
        assert_eq!(serious, 0, "{name}: axe-core: {:#}", page["violations"]);
        for shot in list(&page["screenshots"]) {
            let size = std::fs::metadata(&shot).map_or(0, |m| m.len());
            assert!(size > 10_000, "{shot}: {size} bytes");
        }
    }
    // The hostile page, as a reader sees it: its title and names are text.
    let hostile = &pages[2];
    assert_eq!(hostile["title"], unsafe_session::TITLE);
    let text = hostile["text"].as_str().unwrap();
    for shown in [
        unsafe_session::SCRIPT_NAME,
        unsafe_session::QUOTED_NAME,
        unsafe_session::CJK_NAME,
        unsafe_session::IDEA,
    ] {
        assert!(text.contains(shown), "{shown} is not on the page as text");
    }
    assert!(!text.contains(unsafe_session::NEEDS));
}
