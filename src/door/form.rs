//! What a phone's form asks, read from its fields: nothing here trusts them.

use super::ask::Ask;
use super::view::View;
use crate::model::queue::HandKind;
use crate::model::reflection::{Answer, Question};

/// The words a page shows after a redirect, for what was saved.
pub fn saved_words(query: &str) -> Option<&'static str> {
    Some(match query {
        "saved=join" => "Welcome. You can now take part.",
        "saved=walkin" => {
            "Asked: the facilitator will add you. Meanwhile you take part anonymously."
        }
        "saved=hand" => "Saved: your hand is up.",
        "saved=idea" => "Saved: your idea is in.",
        "saved=vote" => "Saved: your vote is counted.",
        "saved=reflect" => "Saved: your reflection is in, anonymously.",
        _ => return None,
    })
}

pub fn field<'a>(form: &'a [(String, String)], name: &str) -> Option<&'a str> {
    form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// What a form asks, or why it makes no sense.
pub fn ask_of(action: &str, form: &[(String, String)], view: &View) -> Result<Ask, &'static str> {
    Ok(match action {
        "join" => {
            let who = field(form, "who").unwrap_or("").trim();
            if who.is_empty() {
                Ask::Join { who: None }
            } else if view.people.iter().any(|p| p == who) {
                Ask::Join { who: Some(who.to_string()) }
            } else {
                return Err("Choose a name from the list, or stay anonymous.");
            }
        }
        "walkin" => Ask::WalkIn {
            name: field(form, "name").unwrap_or("").to_string(),
            role: field(form, "role").unwrap_or("").to_string(),
        },
        "hand" => Ask::Hand {
            kind: match field(form, "kind").unwrap_or("normal") {
                "normal" => HandKind::Normal,
                "reply" => HandKind::Reply,
                "process" => HandKind::Process,
                _ => return Err("A hand to speak, a direct reply or a point of process."),
            },
        },
        "idea" => Ask::Idea {
            text: field(form, "text").unwrap_or("").replace(['\r', '\n'], " "),
            named: field(form, "named") == Some("yes"),
            components: form
                .iter()
                .filter(|(k, _)| k == "about")
                .map(|(_, v)| v.clone())
                .take(view.components.len().max(1))
                .collect(),
        },
        "vote" => {
            let n: usize = field(form, "idea").and_then(|n| n.trim().parse().ok()).unwrap_or(0);
            match n.checked_sub(1) {
                Some(idea) => Ask::Vote { idea },
                None => return Err("Choose an idea to vote for."),
            }
        }
        "reflect" => {
            let mut levels = Vec::new();
            for (i, component) in view.components.iter().enumerate() {
                match field(form, &format!("c{i}")).unwrap_or("") {
                    "" => {}
                    level => match level.parse::<u8>() {
                        Ok(level) if level <= 4 => levels.push((component.clone(), level)),
                        _ => return Err("A level from 0 to 4, or skip."),
                    },
                }
            }
            let mut answers = Vec::new();
            for (q, question) in Question::BOTH.iter().enumerate() {
                match field(form, &format!("q{q}")).unwrap_or("") {
                    "" => {}
                    said => match Answer::ALL.iter().find(|a| a.label() == said) {
                        Some(answer) => answers.push((*question, *answer)),
                        None => return Err("Answer yes, partly, no or not sure, or skip."),
                    },
                }
            }
            let note = field(form, "feeling").map(|n| n.replace(['\r', '\n'], " "));
            Ask::Reflect { levels, before: Vec::new(), answers, note }
        }
        _ => return Err("Nothing is sent there."),
    })
}
