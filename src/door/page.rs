//! The phone's pages: plain HTML forms that work without JavaScript, large
//! targets, a label on every field. maud escapes every text it is given.

use maud::{DOCTYPE, Markup, html};

use super::view::{View, level_words};
use crate::model::reflection::{Answer, Question};

/// The style sheet, served from the door itself: nothing from elsewhere.
pub const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #ffffff; color: #1a1a1a; overflow-wrap: anywhere;
  font: 1.125rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 36rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; line-height: 1.2; margin: 0.25rem 0 0.75rem; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 0.5rem; padding-top: 0.75rem; border-top: 2px solid #1a1a1a; }
p, ul, ol { margin: 0.5rem 0; }
.said { border: 3px solid #0b5394; padding: 0.5rem 0.75rem; font-weight: 600; }
.said.trouble { border-color: #8b0000; }
fieldset { border: 1px solid #595959; margin: 0.75rem 0; padding: 0.5rem 0.75rem; }
legend { font-weight: 600; padding: 0 0.25rem; }
label { display: block; margin: 0.25rem 0; }
.choice { display: flex; align-items: center; gap: 0.6rem; min-height: 2.75rem; margin: 0; }
.choice input { width: 1.5rem; height: 1.5rem; flex: none; margin: 0; }
input[type=text], textarea { width: 100%; font: inherit; padding: 0.6rem; border: 2px solid #1a1a1a;
  border-radius: 4px; background: #ffffff; color: #1a1a1a; }
textarea { min-height: 6rem; }
button { font: inherit; font-weight: 600; min-height: 3rem; min-width: 3rem; padding: 0.6rem 1rem;
  margin: 0.35rem 0.35rem 0.35rem 0; border: 2px solid #0b5394; border-radius: 6px;
  background: #0b5394; color: #ffffff; }
button.plain { background: #ffffff; color: #0b5394; }
button:focus-visible, input:focus-visible, textarea:focus-visible, a:focus-visible {
  outline: 3px solid #1a1a1a; outline-offset: 2px; }
a { color: #0b5394; }
.names { list-style: none; padding: 0; }
.ideas { padding-left: 1.5rem; }
.ideas li { margin: 0.5rem 0; }
.hint { font-size: 1rem; color: #3d3d3d; }
"#;

/// The tab's icon, served from the door (the policy allows images from 'self' only).
pub const ICON: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#0b5394"/></svg>"##;

/// The page's title, led by what it says about the last thing sent: a screen
/// reader reads the title as the page loads, where a status already there is not announced.
fn titled(view: &View, notice: &Said) -> String {
    match notice {
        Said::Nothing => view.title.to_string(),
        Said::Saved(t) | Said::Trouble(t) => format!("{t} · {}", view.title),
    }
}

/// The page around every screen: language, viewport and our one style sheet.
fn page(title: &str, base: &str, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (title) }
                link rel="icon" type="image/svg+xml" href={ (base) "/icon.svg" };
                link rel="stylesheet" href={ (base) "/style.css" };
            }
            body { main { (body) } }
        }
    }
    .into_string()
}

/// What the page says about the last thing sent: saved, or why not.
pub enum Said<'a> {
    Nothing,
    Saved(&'a str),
    Trouble(&'a str),
}

fn said(said: &Said) -> Markup {
    match said {
        Said::Nothing => html! { div role="status" {} },
        Said::Saved(text) => html! { p class="said" role="status" { (text) } },
        Said::Trouble(text) => html! { p class="said trouble" role="alert" { (text) } },
    }
}

fn heading(view: &View) -> Markup {
    html! {
        h1 { (view.title) }
        p { strong { (view.stage) } }
        @if let Some(prompt) = &view.prompt { p { (prompt) } }
    }
}

/// Closed, ended, or not yet open: nothing to send.
pub fn closed(view: &View, base: &str) -> String {
    let words = if view.ended {
        "The workshop has ended. Thank you for taking part."
    } else {
        "The door is closed for now: the facilitator can open it again."
    };
    page(&view.title, base, html! { h1 { (view.title) } p class="said" role="status" { (words) } })
}

/// For a phone that has not joined: choose a name, stay anonymous, or ask to be added.
pub fn join(view: &View, base: &str, notice: &Said) -> String {
    let body = html! {
        (heading(view))
        (said(notice))
        h2 { "Who are you?" }
        p class="hint" { "Your choice stays with this phone. Nobody sees it beside what you send anonymously." }
        form method="post" action={ (base) "/join" } {
            ul class="names" {
                @for name in &view.people {
                    li { button type="submit" name="who" value=(name) { (name) } }
                }
                li { button class="plain" type="submit" name="who" value="" { "Stay anonymous" } }
            }
        }
        h2 { "Not on the list?" }
        form method="post" action={ (base) "/walkin" } {
            label for="walkin-name" { "Your name" }
            input id="walkin-name" type="text" name="name" maxlength="60" autocomplete="off" required;
            label for="walkin-role" { "Your role, or why you are here" }
            input id="walkin-role" type="text" name="role" maxlength="60" autocomplete="off" required;
            p class="hint" { "The facilitator adds you; until then you take part anonymously." }
            button type="submit" { "Ask to be added" }
        }
    };
    page(&titled(view, notice), base, body)
}

/// What a phone that has joined may keep after a refusal, so nothing typed is lost.
#[derive(Default)]
pub struct Kept {
    pub idea: String,
    pub feeling: String,
}

/// The phone's page once it has joined.
pub fn main(view: &View, base: &str, device: u32, notice: &Said, kept: &Kept) -> String {
    let who = view.who(device);
    let body = html! {
        (heading(view))
        (said(notice))
        p {
            @match who {
                Some(name) => { "You joined as " strong { (name) } "." }
                None => { "You take part anonymously." }
            }
            " " a href=(base) { "Refresh" }
        }
        @if let Some(n) = view.waiting.get(&device) {
            p { (n) @if *n == 1 { " thing you sent waits" } @else { " things you sent wait" } " for the facilitator." }
        }
        (floor(view, base, who))
        (idea_form(view, base, who.is_some(), kept))
        (votes(view, base, device))
        @if let Some((_, label)) = &view.checkpoint { (reflect(view, base, label, kept)) }
    };
    page(&titled(view, notice), base, body)
}

fn floor(view: &View, base: &str, who: Option<&str>) -> Markup {
    html! {
        h2 { "The floor" }
        p {
            @match &view.speaking {
                Some(name) => { "Speaking: " strong { (name) } }
                None => { "Nobody has the floor." }
            }
        }
        @if view.queue.is_empty() {
            p { "Nobody is waiting." }
        } @else {
            p { "Waiting, in order:" }
            ol { @for name in &view.queue { li { (name) } } }
        }
        @if let Some(me) = who {
            @if let Some(place) = view.queue.iter().position(|n| n == me) {
                p class="said" { "You are number " (place + 1) " in the queue." }
            }
            form method="post" action={ (base) "/hand" } {
                fieldset {
                    legend { "Raise your hand" }
                    label class="choice" { input type="radio" name="kind" value="normal" checked; "To speak" }
                    label class="choice" { input type="radio" name="kind" value="reply"; "A direct reply to who is speaking" }
                    label class="choice" { input type="radio" name="kind" value="process"; "A point of process: how the meeting is run" }
                }
                button type="submit" { "Raise my hand" }
            }
        } @else {
            p class="hint" { "To raise a hand, join with your name: clear this site's cookies, or ask the facilitator." }
        }
    }
}

fn idea_form(view: &View, base: &str, named: bool, kept: &Kept) -> Markup {
    html! {
        h2 { "Send an idea" }
        form method="post" action={ (base) "/idea" } {
            label for="idea-text" { "Your idea" }
            textarea id="idea-text" name="text" maxlength="500" required { (kept.idea) }
            @if named {
                label class="choice" { input type="checkbox" name="named" value="yes"; "Show my name with it" }
            }
            fieldset {
                legend { "What it is about (optional)" }
                @for component in &view.components {
                    label class="choice" {
                        @if view.focus.contains(component) {
                            input type="checkbox" name="about" value=(component) checked;
                        } @else {
                            input type="checkbox" name="about" value=(component);
                        }
                        (component)
                    }
                }
            }
            button type="submit" { "Send idea" }
        }
    }
}

fn votes(view: &View, base: &str, device: u32) -> Markup {
    let left = view.votes_left(device);
    html! {
        @if !view.ideas.is_empty() {
            h2 { "Vote for ideas" }
            @match left {
                Some(0) => p { "You have used all your votes in this stage." },
                Some(n) => p { "You have " (n) @if n == 1 { " vote" } @else { " votes" } " left in this stage." },
                None => p { "Vote for as many as you like." },
            }
            @if view.more_ideas > 0 {
                p class="hint" { "The latest " (view.ideas.len()) " ideas; " (view.more_ideas) " more are on the board." }
            }
            ol class="ideas" {
                @for (n, text, votes) in &view.ideas {
                    li value=(n + 1) {
                        (text)
                        @if let Some(v) = votes { " · " (v) @if *v == 1 { " vote" } @else { " votes" } }
                        @if left != Some(0) {
                            form method="post" action={ (base) "/vote" } {
                                button class="plain" type="submit" name="idea" value=(n + 1) { "Vote for idea " (n + 1) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn reflect(view: &View, base: &str, label: &str, kept: &Kept) -> Markup {
    html! {
        h2 { "Reflection: " (label) }
        p class="hint" { "Always anonymous. Your scores join the room's tally; you can send again to change them." }
        form method="post" action={ (base) "/reflect" } {
            @for (i, component) in view.components.iter().enumerate() {
                fieldset {
                    legend { (component) }
                    label class="choice" { input type="radio" name={ "c" (i) } value="" checked; "Skip" }
                    @for level in 0..5 {
                        label class="choice" {
                            input type="radio" name={ "c" (i) } value=(level);
                            (level) " · " (level_words(level))
                        }
                    }
                }
            }
            @for (q, question) in Question::BOTH.iter().enumerate() {
                fieldset {
                    legend { (question.text()) }
                    label class="choice" { input type="radio" name={ "q" (q) } value="" checked; "Skip" }
                    @for answer in Answer::ALL {
                        label class="choice" { input type="radio" name={ "q" (q) } value=(answer.label()); (answer.label()) }
                    }
                }
            }
            label for="feeling" { "How does it feel? (optional)" }
            textarea id="feeling" name="feeling" maxlength="500" { (kept.feeling) }
            button type="submit" { "Send my reflection" }
        }
    }
}
