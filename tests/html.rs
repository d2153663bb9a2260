//! The HTML reports: golden pages for the example series (compared with their
//! dates masked; one test pins the dates themselves), every typed text shown
//! as text, and participants' needs on no page.
//! After reading a change: `BLESS=1 cargo test --test html`.

#[path = "common/unsafe_session.rs"]
mod unsafe_session;

use std::path::{Path, PathBuf};
use std::process::Command;

fn examples() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/examples");
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| p.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().display().to_string())
        .collect();
    found.sort();
    assert_eq!(found.len(), 3, "the example series has three sessions");
    found
}

fn roundtable(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The text with its dates masked: `2026-11-25` and `Wednesday 25 November
/// 2026` or `Wed 25 Nov` each become `<date>`. Times and durations stay.
fn normalise(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    let is_iso = |w: &str| {
        let b = w.as_bytes();
        b.len() >= 10
            && b[..10]
                .iter()
                .enumerate()
                .all(|(k, c)| if k == 4 || k == 7 { *c == b'-' } else { c.is_ascii_digit() })
    };
    while i < words.len() {
        let w = words[i];
        // A weekday (as a word's end: ">Wed", or a whole word), a day, a month, maybe a year.
        let weekday = WEEKDAYS.iter().find_map(|d| {
            w.rfind(d).filter(|&at| w[at..].chars().all(|c| c.is_ascii_alphabetic()))
        });
        let day = words
            .get(i + 1)
            .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
        let month = words.get(i + 2).is_some_and(|m| MONTHS.iter().any(|mo| m.starts_with(mo)));
        if let (Some(at), true, true) = (weekday, day, month) {
            let mut taken = 3;
            let month_word = words[i + 2];
            let mut tail =
                month_word.trim_start_matches(|c: char| c.is_ascii_alphabetic()).to_string();
            if let Some(year) = words.get(i + 3)
                && tail.is_empty()
                && year.len() >= 4
                && year[..4].chars().all(|c| c.is_ascii_digit())
            {
                tail = year[4..].to_string();
                taken = 4;
            }
            out.push(format!("{}<date>{tail}", &w[..at]));
            i += taken;
            continue;
        }
        let mut word = String::new();
        let mut rest = w;
        while !rest.is_empty() {
            let at = (0..rest.len()).find(|&k| rest.is_char_boundary(k) && is_iso(&rest[k..]));
            match at {
                Some(k) => {
                    word.push_str(&rest[..k]);
                    word.push_str("<date>");
                    rest = &rest[k + 10..];
                }
                None => {
                    word.push_str(rest);
                    rest = "";
                }
            }
        }
        out.push(word);
        i += 1;
    }
    out.join(" ")
}

fn golden(name: &str, got: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    // One element a line, so that a difference is shown where it is.
    let lines = |page: &str| normalise(page).replace("><", ">\n<");
    let (want, got) = (lines(&want), lines(got));
    if want != got {
        let line = want.lines().zip(got.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "{name} changed (BLESS=1 after reading it), from line {}:\n--- want\n{}\n--- got\n{}",
            line + 1,
            want.lines().skip(line).take(5).collect::<Vec<_>>().join("\n"),
            got.lines().skip(line).take(5).collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn dates_are_masked_and_nothing_else() {
    assert_eq!(normalise("due 2026-12-23 at 20:10"), "due <date> at 20:10");
    assert_eq!(normalise("<p>Wednesday 25 November 2026, 20:10–21:20"), "<p><date>, 20:10–21:20");
    assert_eq!(normalise(">Wed 25 Nov 20:13<"), "><date> 20:13<");
    assert_eq!(normalise("took 08:57 · 3 votes"), "took 08:57 · 3 votes");
}

#[test]
fn the_example_sessions_as_pages() {
    for (i, session) in examples().iter().enumerate() {
        let html = roundtable(&["report", session, "--format", "html"]);
        let name =
            if i == 0 { "report.html".to_string() } else { format!("report-{}.html", i + 1) };
        golden(&name, &html);
    }
    // The dates the goldens mask, pinned once.
    let first = roundtable(&["report", &examples()[0], "--format", "html"]);
    assert!(first.contains("Wednesday 25 November 2026, 20:10–21:20 · series what-matters"));
    assert!(first.contains("<td class=\"nw\">2026-12-23</td>"));
}

#[test]
fn the_example_series_as_a_page() {
    let mut args = vec!["compare"];
    let files = examples();
    args.extend(files.iter().map(String::as_str));
    args.extend(["--format", "html"]);
    let html = roundtable(&args);
    golden("compare.html", &html);
    assert!(html.contains("Wed 25 Nov 20:10"));
    // The answer is the comparison's own, word for word.
    let json: serde_json::Value =
        serde_json::from_str(&roundtable(&[&args[..args.len() - 1], &["json"]].concat())).unwrap();
    let answer = json["answer"].as_str().unwrap();
    assert!(html.contains(answer), "{answer}");
}

#[test]
fn the_page_shows_the_figures_of_the_json_report() {
    let first = &examples()[0];
    let html = roundtable(&["report", first, "--format", "html"]);
    let json: serde_json::Value =
        serde_json::from_str(&roundtable(&["report", first, "--format", "json"])).unwrap();
    let equality = json["equality"].as_f64().unwrap();
    assert!(html.contains(&format!("<strong>{equality:.2}</strong>")), "equality {equality}");
    for p in json["participants"].as_array().unwrap() {
        let s = p["spoken_s"].as_u64().unwrap();
        let clock = format!("{:02}:{:02}", s / 60, s % 60);
        let row = format!("{}<br><span class=\"role\">", p["name"].as_str().unwrap());
        assert!(html.contains(&row), "{row}");
        assert!(html.contains(&format!("<td class=\"n\">{clock}</td>")), "{clock}");
    }
    for idea in json["ideas"].as_array().unwrap() {
        assert!(html.contains(idea["text"].as_str().unwrap()));
    }
}

fn unsafe_pages() -> (tempfile::TempDir, Vec<PathBuf>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let files = unsafe_session::write(dir.path());
    let first = files[0].display().to_string();
    let second = files[1].display().to_string();
    let report = roundtable(&["report", &second, "--format", "html"]);
    let series = roundtable(&["compare", &first, &second, "--format", "html"]);
    (dir, files, report, series)
}

/// What maud writes for a text: `&`, `<`, `>` and `"` escaped.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[test]
fn markup_quotes_cjk_and_emoji_are_shown_as_text() {
    use unsafe_session::*;
    let (_dir, _, report, series) = unsafe_pages();
    for page in [&report, &series] {
        // Nothing typed became an element: the only tags are the page's own.
        for tag in ["<script", "<img", "<b>", "<i>", "<u>", "</table><b>", "<h1>not", "<Equal"] {
            assert!(!page.contains(tag), "{tag} reached the page as markup");
        }
        assert!(page.contains(&escaped(TITLE)), "the title, escaped");
        assert!(page.contains(&escaped(COMPONENT)), "a component of the plan's own, escaped");
        assert!(page.contains("平等 🤝"));
    }
    for text in [SCRIPT_NAME, QUOTED_NAME, CJK_NAME, IDEA, MERGED_IDEA, NOTE, ROLE] {
        assert!(report.contains(&escaped(text)), "{text} is shown as text");
    }
    assert!(report.contains("<title>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &quot;quotes&quot; 🎉</title>"));
    assert!(report.contains("Zoë &quot;Zo&quot; O'Brien &amp; Co"));
    assert!(report.contains("東京 💡"));
    // The merged wording keeps its author; the anonymous idea says so.
    assert!(report.contains(&format!(
        "merged in: “{}” · {}",
        escaped(MERGED_IDEA),
        escaped(SCRIPT_NAME)
    )));
    assert!(report.contains("anonymous"));
    assert!(series.contains(&escaped("escaping & <series>")));
}

#[test]
fn needs_are_on_no_page() {
    let (_dir, _, report, series) = unsafe_pages();
    assert!(!report.contains(unsafe_session::NEEDS), "needs in the report");
    assert!(!series.contains(unsafe_session::NEEDS), "needs in the series");
    // The example series: Kofi's needs are in every file.
    let files = examples();
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(&files[0])).unwrap();
    assert!(text.contains("extra time to speak"));
    let mut args = vec!["compare"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--format", "html"]);
    let report = roundtable(&["report", &files[0], "--format", "html"]);
    assert!(report.contains("Kofi Mensah"), "the person is there, their needs are not");
    for page in [report, roundtable(&args)] {
        assert!(!page.contains("extra time to speak"));
        assert!(!page.to_lowercase().contains("needs"), "the word itself: nothing is said of them");
    }
}

#[test]
fn the_page_is_whole_by_itself() {
    let page = roundtable(&["report", &examples()[0], "--format", "html"]);
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"en\">"));
    assert!(page.contains("<meta name=\"viewport\""));
    assert!(page.contains("Content-Security-Policy"));
    for outside in ["<script", "<link", "src=", "http://", "https://", "@import", "url(http"] {
        let found = page.matches(outside).count();
        // The SVG namespace is a name, not a place to fetch from.
        let allowed = if outside == "http://" {
            page.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
        } else {
            0
        };
        assert_eq!(found, allowed, "{outside}");
    }
    // Every chart names its title and description, and has a table of its figures.
    let charts = page.matches("<svg class=\"chart\"").count();
    assert_eq!(charts, 5, "agenda, roles, people, ideas, scores");
    assert_eq!(page.matches("role=\"img\" aria-labelledby=\"chart-").count(), charts);
    for id in ["chart-agenda", "chart-roles", "chart-people", "chart-ideas", "chart-scores"] {
        let figure =
            page.split(&format!("<figure aria-labelledby=\"{id}-title\">")).nth(1).unwrap();
        let figure = figure.split("</figure>").next().unwrap();
        assert!(figure.contains(&format!("id=\"{id}-title\"")));
        assert!(figure.contains(&format!("id=\"{id}-desc\"")));
        assert!(figure.contains("<table>") && figure.contains("<caption>"), "{id} has its table");
    }
}
