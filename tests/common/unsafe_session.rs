//! A finished session whose every text a person typed is hostile or unusual:
//! markup, quotes, `&`, CJK and emoji, in names, roles, ideas, notes, the
//! title, the stages and the plan's own components; and needs that must never
//! reach a page, one of them marked for sharing in the room.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Written in each participant's needs: it must appear in no report.
pub const NEEDS: &str = "NEEDS-NEVER-ON-A-PAGE";

pub const TITLE: &str = r#"<script>alert("title")</script> & "quotes" 🎉"#;
pub const SCRIPT_NAME: &str = r#"<script>alert("x")</script>"#;
pub const QUOTED_NAME: &str = r#"Zoë "Zo" O'Brien & Co"#;
pub const CJK_NAME: &str = "王芳 🌞";
pub const IDEA: &str = r#"<img src=x onerror=alert(1)> & "ideas" 東京 💡"#;
pub const MERGED_IDEA: &str = "</table><b>bold</b> ☕";
pub const NOTE: &str = r#"</dd></dl><h1>not a heading</h1> & 'single' "double""#;
pub const COMPONENT: &str = "<Equal & fair>";
pub const ROLE: &str = "<i>resident</i>";

/// The session as RON, `started` as given.
pub fn text(started: &str) -> String {
    let ron = |s: &str| format!("{s:?}");
    format!(
        r#"Session(
    version: 2,
    written_by: "roundtable 0.1.0",
    started: "{started}",
    plan: Plan(
        title: {title},
        series: Some("escaping & <series>"),
        facilitator: Some("Sam"),
        participants: [
            (name: {script}, role: {role}, needs: Some("{NEEDS} <b>one</b>")),
            (name: {quoted}, role: "carer", needs: Some("{NEEDS} two"), share_needs: true),
            (name: {cjk}, role: "GP 医生", needs: Some("{NEEDS} three")),
            (name: "Sam", role: "facilitator"),
        ],
        components: Some([
            (name: {component}, prompt: "Was \"everyone\" heard & valued?"),
            (name: "平等 🤝", prompt: "同じように？"),
        ]),
        stages: [
            (title: "<u>Welcome</u> & 'hello'", duration: "10m", kind: Round),
            (title: "Ideas 💡 アイデア", duration: "10m", kind: Ideas),
            (title: "How did we do?", duration: "5m", kind: Reflection),
        ],
    ),
    events: [
        (at: 100, event: TimerStarted),
        (at: 1000, event: FloorGiven(who: {script})),
        (at: 61000, event: FloorGiven(who: {quoted})),
        (at: 91000, event: FloorGiven(who: {cjk})),
        (at: 121000, event: TurnEnded),
        (at: 130000, event: StageChanged(to: 1)),
        (at: 140000, event: IdeaCaptured(text: {idea}, author: Some({quoted}), components: [{component}])),
        (at: 150000, event: IdeaCaptured(text: {merged}, author: Some({script}), components: [])),
        (at: 155000, event: IdeaCaptured(text: "Anonymous & unafraid", author: None, components: [])),
        (at: 160000, event: Voted(idea: 0)),
        (at: 161000, event: Voted(idea: 1)),
        (at: 162000, event: IdeasMerged(from: 1, into: 0)),
        (at: 170000, event: ActionAgreed(idea: 0, owner: {cjk}, due: Some("2026-12-15"))),
        (at: 200000, event: StageChanged(to: 2)),
        (at: 201000, event: CheckpointStarted(label: "<end> & after")),
        (at: 202000, event: Scored(component: {component}, score: Some(3))),
        (at: 203000, event: Scored(component: "平等 🤝", score: Some(1))),
        (at: 204000, event: ReflectionNoted(component: {component}, note: {note})),
        (at: 205000, event: DirectionAnswered(question: SharingPower, answer: Partly, note: Some({note}))),
        (at: 206000, event: LadderPlaced(rung: CoDesign)),
        (at: 300000, event: WorkshopEnded),
    ],
)
"#,
        title = ron(TITLE),
        script = ron(SCRIPT_NAME),
        quoted = ron(QUOTED_NAME),
        cjk = ron(CJK_NAME),
        role = ron(ROLE),
        idea = ron(IDEA),
        merged = ron(MERGED_IDEA),
        note = ron(NOTE),
        component = ron(COMPONENT),
    )
}

/// Two such sessions, a week apart, written in `dir`.
pub fn write(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (name, started) in
        [("first.ron", "2026-11-18T19:00:00+00:00"), ("second.ron", "2026-11-25T19:00:00+00:00")]
    {
        let path = dir.join(name);
        std::fs::write(&path, text(started)).unwrap();
        files.push(path);
    }
    files
}
