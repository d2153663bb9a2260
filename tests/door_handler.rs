//! The door's request handler, driven without a network: `handle` is called
//! directly on a current-thread runtime, and a small fake console applies what
//! phones send to a `State` of its own, as `console::door::answer` does.
mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::header::{self, HeaderValue};
use hyper::{HeaderMap, Method, StatusCode};
use proptest::prelude::*;
use roundtable::door::ask::{Ask, Given, Reply, events};
use roundtable::door::guard::Limits;
use roundtable::door::server::{LARGEST_BODY, Request, Send, Shared, handle};
use roundtable::door::view::View;
use roundtable::model::plan::DoorIdeas;
use roundtable::model::reflection::{Answer, Question};
use roundtable::model::{Event, Logged, Plan, State};

const CODE: &str = "7KQ2M";
const KEY: [u8; 16] = [7; 16];

/// What the fake console does with a phone's request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Console {
    /// Checks, applies and says saved, as the real console does.
    Apply,
    /// The disk is full: nothing written.
    NotSaved,
    /// Refused with `REFUSED`.
    Refuse,
}

const REFUSED: &str = "The facilitator has paused phones for a moment.";

/// Every ask the console received, with its device.
type Asks = Arc<Mutex<Vec<(Option<u32>, Ask)>>>;

/// A door, its fake console, and the room the console keeps.
struct Room {
    shared: Arc<Shared>,
    state: Arc<Mutex<State>>,
    /// Every ask the console received, with its device: how we know it was (not) called.
    asks: Asks,
    console: Arc<Mutex<Console>>,
    runtime: tokio::runtime::Runtime,
}

/// A response, its body read.
struct Answered {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Answered {
    fn header(&self, name: header::HeaderName) -> &str {
        self.headers.get(&name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// The `Cookie` header a browser sends back after this response set one.
    fn cookie(&self) -> String {
        let set = self.header(header::SET_COOKIE);
        let pair = set.split(';').next().unwrap_or("");
        assert!(pair.starts_with("rt-device="), "no device cookie in {set:?}");
        pair.to_string()
    }
}

/// What the console does with a checked request: the same steps as `console::door::answer`,
/// minus the disk.
fn apply(state: &mut State, given: &mut Given, request: &Request) -> Reply {
    if state.door.open.is_none() || state.ended.is_some() {
        return Reply::Refused("The door is closed.".into());
    }
    let at = state.at + 1_000;
    let ask = given.fill(state, request.device, &request.ask);
    let logged = events(state, request.device, &ask, at);
    if logged.is_empty() {
        return Reply::Refused("Nothing new to save: your answers are as they were.".into());
    }
    let device = request.device.unwrap_or_else(|| state.door.next_device());
    let mut scratch = state.clone();
    if let Err(why) = logged.iter().try_for_each(|l| scratch.apply(l)) {
        return Reply::Refused(why.to_string());
    }
    *state = scratch;
    given.saved(state, request.device, &ask);
    Reply::Saved { device }
}

impl Room {
    fn new(plan: Plan, limits: Limits, key: [u8; 16]) -> Room {
        let mut state = State::new(Arc::new(plan));
        let opened = Event::DoorOpened { address: format!("http://127.0.0.1:1/r/{CODE}") };
        state.apply(&Logged::new(0, opened)).unwrap();
        let state = Arc::new(Mutex::new(state));
        let asks = Arc::new(Mutex::new(Vec::new()));
        let console = Arc::new(Mutex::new(Console::Apply));
        let send: Send = {
            let (state, asks, console) = (state.clone(), asks.clone(), console.clone());
            let given = Mutex::new(Given::default());
            Box::new(move |request: Request| {
                asks.lock().unwrap().push((request.device, request.ask.clone()));
                let reply = match *console.lock().unwrap() {
                    Console::Apply => {
                        apply(&mut state.lock().unwrap(), &mut given.lock().unwrap(), &request)
                    }
                    Console::NotSaved => Reply::NotSaved("the disk is full".into()),
                    Console::Refuse => Reply::Refused(REFUSED.into()),
                };
                let _ = request.reply.send(reply);
                true
            })
        };
        let shared = Arc::new(Shared::new(CODE, limits, key, send));
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let room = Room { shared, state, asks, console, runtime };
        room.refresh();
        room
    }

    fn plain() -> Room {
        Room::new(common::plan(), Limits::default(), KEY)
    }

    fn with_limits(limits: Limits) -> Room {
        Room::new(common::plan(), limits, KEY)
    }

    /// Gives the pages the console's room, as the console does after each request.
    fn refresh(&self) {
        let state = self.state.lock().unwrap();
        self.shared.show(View::of(&state, state.at));
    }

    /// Records an event the facilitator makes.
    fn record(&self, event: Event) {
        {
            let mut state = self.state.lock().unwrap();
            let at = state.at + 1_000;
            state.apply(&Logged::new(at, event)).unwrap();
        }
        self.refresh();
    }

    fn calls(&self) -> usize {
        self.asks.lock().unwrap().len()
    }

    fn last_ask(&self) -> Ask {
        self.asks.lock().unwrap().last().expect("the console was never called").1.clone()
    }

    fn set_console(&self, console: Console) {
        *self.console.lock().unwrap() = console;
    }

    /// Sends a built request through the handler.
    fn send(&self, request: hyper::Request<Full<Bytes>>) -> Answered {
        let response = self.runtime.block_on(handle(&self.shared, None, request));
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = self.runtime.block_on(response.into_body().collect()).unwrap().to_bytes();
        self.refresh();
        Answered { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    fn request(&self, method: Method, path: &str, cookie: Option<&str>, body: &str) -> Answered {
        let mut request = hyper::Request::builder().method(method).uri(path);
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        if !body.is_empty() {
            request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        }
        self.send(request.body(Full::new(Bytes::from(body.to_string()))).unwrap())
    }

    fn get(&self, path: &str, cookie: Option<&str>) -> Answered {
        self.request(Method::GET, path, cookie, "")
    }

    fn post(&self, path: &str, cookie: Option<&str>, form: &[(&str, &str)]) -> Answered {
        self.request(Method::POST, path, cookie, &encode(form))
    }

    /// Joins as `who` (or anonymously) and returns the cookie the phone sends from then on.
    fn join(&self, who: Option<&str>) -> String {
        let joined = self.post(&at("/join"), None, &[("who", who.unwrap_or(""))]);
        assert_eq!(joined.status, StatusCode::SEE_OTHER, "{}", joined.body);
        joined.cookie()
    }
}

/// `/r/CODE` followed by `rest`.
fn at(rest: &str) -> String {
    format!("/r/{CODE}{rest}")
}

fn encode(form: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish()
}

/// The textarea holding a kept idea: what the phone typed is still there to send again.
fn kept_idea(body: &str, text: &str) -> bool {
    body.contains(&format!(r#"name="text" maxlength="500" required>{text}</textarea>"#))
}

fn assert_forbidden(answered: &Answered, what: &str) {
    assert_eq!(answered.status, StatusCode::FORBIDDEN, "{what}");
    assert!(answered.body.is_empty(), "{what}: a 403 says nothing, got {:?}", answered.body);
}

fn assert_guarded(answered: &Answered, what: &str) {
    let csp = answered.header(header::CONTENT_SECURITY_POLICY);
    assert!(csp.contains("default-src 'none'"), "{what}: CSP {csp:?}");
    assert_eq!(answered.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff", "{what}");
}

/// Pages name people: a phone, a proxy or the back button must keep none of them.
fn assert_not_kept(answered: &Answered, what: &str) {
    assert_guarded(answered, what);
    assert_eq!(answered.header(header::CACHE_CONTROL), "no-store", "{what}");
}

// 1. Without the exact room code nothing happens: 403, empty, and the console never hears of it.
#[test]
fn a_wrong_or_missing_room_code_is_forbidden_and_never_reaches_the_console() {
    let room = Room::plain();
    // Even a phone that did join cannot use its cookie past a wrong code.
    let cookie = room.join(Some("Amina"));
    let before = room.calls();
    let lower = CODE.to_lowercase();
    let paths = [
        "/".to_string(),
        "/r/".to_string(),
        "/r".to_string(),
        "/r/WRONG".to_string(),
        "/r/WRONG/idea".to_string(),
        format!("/r/{CODE}X/idea"),
        format!("/r/{CODE}X"),
        format!("/r/X{CODE}"),
        format!("/r/{}", &CODE[..CODE.len() - 1]),
        format!("/r/{lower}"),
        format!("/r/{lower}/idea"),
        format!("/x/{CODE}/idea"),
        format!("/r/r/{CODE}/idea"),
        format!("//r/{CODE}/idea"),
        format!("/R/{CODE}/idea"),
        format!("/r/%{:02X}{}/idea", CODE.as_bytes()[0], &CODE[1..]),
        "/style.css".to_string(),
    ];
    for path in &paths {
        for cookie in [None, Some(cookie.as_str())] {
            let got = room.get(path, cookie);
            assert_forbidden(&got, &format!("GET {path}"));
            assert_guarded(&got, &format!("GET {path}"));
            for action in ["", "/idea", "/join"] {
                let path = format!("{path}{action}");
                let form = [("text", "An idea"), ("who", "Amina")];
                assert_forbidden(&room.post(&path, cookie, &form), &format!("POST {path}"));
            }
        }
    }
    assert_eq!(room.calls(), before, "a request without the room code reached the console");
}

// 2. A cookie the door did not sign names no one: the phone is asked who it
// is, and what it sends never reaches the console.
#[test]
fn a_cookie_this_door_did_not_sign_names_no_one() {
    let room = Room::plain();
    let ours = room.join(Some("Amina"));
    let other = Room::new(common::plan(), Limits::default(), [8; 16]);
    let theirs = other.join(Some("Amina"));
    assert_ne!(ours, theirs, "two keys sign the same device differently");
    let signature = ours.split_once('.').unwrap().1;
    let made_up = [
        theirs,
        "rt-device=1".to_string(),
        "rt-device=1.".to_string(),
        format!("rt-device=1.{}", "0".repeat(32)),
        format!("rt-device=2.{signature}"),
        format!("{ours}0"),
        "rt-device=".to_string(),
        "rt-device=<script>".to_string(),
    ];
    let before = room.calls();
    for cookie in &made_up {
        let page = room.get(&at(""), Some(cookie));
        assert_eq!(page.status, StatusCode::OK, "GET with {cookie}");
        assert!(page.body.contains("Who are you?"), "GET with {cookie}: {}", page.body);
        assert!(!page.body.contains("You joined as"), "GET with {cookie}");
        let sent = room.post(&at("/idea"), Some(cookie), &[("text", "Forged")]);
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "POST with {cookie}: {}", sent.body);
    }
    assert_eq!(room.calls(), before, "a forged cookie reached the console");
    // The real one still works, also among other cookies.
    assert_eq!(room.get(&at(""), Some(&ours)).status, StatusCode::OK);
    let among = format!("theme=dark; {ours}; lang=en");
    assert!(room.get(&at(""), Some(&among)).body.contains("You joined as"));
}

// 3. Joining: the names (never needs), a signed cookie scoped to the room, then the phone's own page.
#[test]
fn a_phone_joins_by_name_and_gets_a_cookie_for_this_room_only() {
    let room = Room::plain();
    let page = room.get(&at(""), None);
    assert_eq!(page.status, StatusCode::OK);
    assert_not_kept(&page, "join page");
    let plan = common::plan();
    for person in &plan.participants {
        assert!(page.body.contains(&person.name), "{} is not offered", person.name);
    }
    assert!(page.body.contains("Sunny 🌞"));
    assert!(page.body.contains("Stay anonymous"));
    let needs: Vec<&str> = plan.participants.iter().filter_map(|p| p.needs.as_deref()).collect();
    assert!(!needs.is_empty(), "the fixture plan has needs to hide");
    for need in &needs {
        assert!(!page.body.contains(need), "the join page shows the needs {need:?}");
    }

    let joined = room.post(&at("/join"), None, &[("who", "Zoë")]);
    assert_eq!(joined.status, StatusCode::SEE_OTHER, "{}", joined.body);
    assert_eq!(joined.header(header::LOCATION), format!("/r/{CODE}?saved=join"));
    let set = joined.header(header::SET_COOKIE);
    assert!(set.starts_with("rt-device=1."), "{set}");
    assert!(set.ends_with(&format!("; Path=/r/{CODE}; HttpOnly; SameSite=Strict")), "{set}");
    assert_eq!(room.last_ask(), Ask::Join { who: Some("Zoë".into()) });
    assert_eq!(room.state.lock().unwrap().door.devices.len(), 1);

    let cookie = joined.cookie();
    let mine = room.get(&at("?saved=join"), Some(&cookie));
    assert_eq!(mine.status, StatusCode::OK);
    assert!(mine.body.contains("You joined as <strong>Zoë</strong>"), "{}", mine.body);
    assert!(mine.body.contains("Welcome. You can now take part."));
    for need in &needs {
        assert!(!mine.body.contains(need), "the phone's page shows the needs {need:?}");
    }

    // A name not on the list is not joined as; and an anonymous phone is told so.
    let stranger = room.post(&at("/join"), None, &[("who", "Mallory")]);
    assert_eq!(stranger.status, StatusCode::BAD_REQUEST);
    assert!(stranger.headers.get(header::SET_COOKIE).is_none());
    let anonymous = room.join(None);
    assert!(room.get(&at(""), Some(&anonymous)).body.contains("You take part anonymously."));
}

// 4. An idea is saved; a second too soon is refused without losing what was typed.
#[test]
fn ideas_from_a_phone_are_spaced_and_a_refused_one_is_kept_in_the_page() {
    let room = Room::plain();
    let cookie = room.join(Some("Amina"));
    let sent = room.post(&at("/idea"), Some(&cookie), &[("text", "A bench by the bus stop")]);
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(sent.header(header::LOCATION), format!("/r/{CODE}?saved=idea"));
    assert!(sent.headers.get(header::SET_COOKIE).is_none(), "a joined phone keeps its cookie");
    match room.last_ask() {
        Ask::Idea { text, .. } => assert_eq!(text, "A bench by the bus stop"),
        other => panic!("the console got {other:?}"),
    }
    let calls = room.calls();

    let again = room.post(&at("/idea"), Some(&cookie), &[("text", "Longer opening hours")]);
    assert_eq!(again.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(again.body.contains("One idea every 5 seconds"), "{}", again.body);
    assert!(kept_idea(&again.body, "Longer opening hours"), "{}", again.body);
    assert_eq!(room.calls(), calls, "a refused idea never reaches the console");

    // Another phone is not held back by the first.
    let other = room.join(Some("Dr Lee"));
    let theirs = room.post(&at("/idea"), Some(&other), &[("text", "Evening clinics")]);
    assert_eq!(theirs.status, StatusCode::SEE_OTHER);

    let quick = Room::with_limits(Limits { idea_gap: Duration::ZERO, ..Limits::default() });
    let cookie = quick.join(Some("Amina"));
    for text in ["One", "Two", "Three"] {
        let sent = quick.post(&at("/idea"), Some(&cookie), &[("text", text)]);
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{text}: {}", sent.body);
    }
}

// 5. A phone that asks too often waits for the next minute.
#[test]
fn the_request_after_the_limit_is_refused() {
    let room = Room::with_limits(Limits { per_minute: 3, ..Limits::default() });
    // Joining counts for the address (none here); from then on the device counts.
    let cookie = room.join(Some("Amina"));
    for n in 1..=3 {
        assert_eq!(room.get(&at(""), Some(&cookie)).status, StatusCode::OK, "request {n}");
    }
    let calls = room.calls();
    let fourth = room.post(&at("/idea"), Some(&cookie), &[("text", "One more")]);
    assert_eq!(fourth.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(fourth.body.contains("Too many requests"));
    assert_not_kept(&fourth, "429");
    assert_eq!(room.calls(), calls);
    assert_eq!(room.get(&at(""), Some(&cookie)).status, StatusCode::TOO_MANY_REQUESTS);
    // Another phone has its own count.
    let other = room.join(Some("Zoë"));
    assert_eq!(room.get(&at(""), Some(&other)).status, StatusCode::OK);
}

// 6. A body over 4 KB is not read, and nothing of it reaches the console.
#[test]
fn a_body_over_the_largest_is_too_large() {
    let room = Room::plain();
    let cookie = room.join(Some("Amina"));
    let calls = room.calls();
    let big = format!("text={}", "a".repeat(LARGEST_BODY));
    let sent = room.request(Method::POST, &at("/idea"), Some(&cookie), &big);
    assert_eq!(sent.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_guarded(&sent, "413");
    let join = room.request(Method::POST, &at("/join"), None, &format!("who=&x={big}"));
    assert_eq!(join.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(room.calls(), calls);

    // At exactly the largest it is read: the console refuses the idea as too long, not the door.
    let largest = format!("text={}", "a".repeat(LARGEST_BODY - "text=".len()));
    assert_eq!(largest.len(), LARGEST_BODY);
    let sent = room.request(Method::POST, &at("/idea"), Some(&cookie), &largest);
    assert_eq!(sent.status, StatusCode::CONFLICT, "{}", sent.body);
    assert_eq!(room.calls(), calls + 1);
}

// 7. When the console cannot save, the phone is told so and keeps what it typed.
#[test]
fn not_saved_and_refused_replies_are_said_and_keep_the_text() {
    let room = Room::plain();
    let cookie = room.join(Some("Amina"));
    room.set_console(Console::NotSaved);
    let sent = room.post(&at("/idea"), Some(&cookie), &[("text", "Free parking")]);
    assert_eq!(sent.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(sent.body.contains("Not saved, try again: the disk is full."), "{}", sent.body);
    assert!(kept_idea(&sent.body, "Free parking"), "{}", sent.body);
    assert!(room.state.lock().unwrap().door.tray.is_empty());

    // Nothing was saved, so it may be sent again at once: no idea gap.
    room.set_console(Console::Refuse);
    let sent = room.post(&at("/idea"), Some(&cookie), &[("text", "Free parking")]);
    assert_eq!(sent.status, StatusCode::CONFLICT);
    assert!(sent.body.contains(REFUSED), "{}", sent.body);
    assert!(kept_idea(&sent.body, "Free parking"));

    room.set_console(Console::Apply);
    let sent = room.post(&at("/idea"), Some(&cookie), &[("text", "Free parking")]);
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(room.state.lock().unwrap().door.tray.len(), 1);

    // A join the console cannot save sets no cookie.
    room.set_console(Console::NotSaved);
    let join = room.post(&at("/join"), None, &[("who", "Zoë")]);
    assert_eq!(join.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(join.headers.get(header::SET_COOKIE).is_none());
}

// 8. Every answer carries the headers that keep pages from being framed, sniffed or kept.
#[test]
fn every_response_carries_the_security_headers() {
    let room = Room::with_limits(Limits { per_minute: 4, ..Limits::default() });
    let join_page = room.get(&at(""), None);
    assert_eq!(join_page.status, StatusCode::OK);
    assert_not_kept(&join_page, "200 join page");
    let joined = room.post(&at("/join"), None, &[("who", "Amina")]);
    assert_eq!(joined.status, StatusCode::SEE_OTHER);
    assert_not_kept(&joined, "303");
    let cookie = joined.cookie();
    let mine = room.get(&at(""), Some(&cookie));
    assert_eq!(mine.status, StatusCode::OK);
    assert_not_kept(&mine, "200 main page");
    assert!(mine.header(header::CONTENT_TYPE).starts_with("text/html"));
    let style = room.get(&at("/style.css"), Some(&cookie));
    assert_eq!(style.status, StatusCode::OK);
    assert_guarded(&style, "style sheet");
    let wrong = room.get("/r/WRONG", None);
    assert_not_kept(&wrong, "403");
    let not_allowed = room.request(Method::DELETE, &at(""), Some(&cookie), "");
    assert_eq!(not_allowed.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_not_kept(&not_allowed, "405");
    let bad = room.post(&at("/hand"), Some(&cookie), &[("kind", "shout")]);
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_not_kept(&bad, "400");
    let limited = room.get(&at(""), Some(&cookie));
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_not_kept(&limited, "429");
}

// 9. What phones send is shown to other phones as text, never as markup.
#[test]
fn an_idea_with_markup_is_shown_escaped() {
    let mut plan = common::plan();
    plan.door = DoorIdeas::Auto;
    let room = Room::new(plan, Limits::default(), KEY);
    let cookie = room.join(Some("Amina"));
    let nasty = r#"<script>alert(1)</script> & "quotes""#;
    let sent = room.post(&at("/idea"), Some(&cookie), &[("text", nasty)]);
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(room.state.lock().unwrap().ideas.list.len(), 1, "Auto puts it on the board");

    let other = room.join(None);
    let page = room.get(&at(""), Some(&other));
    assert!(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    assert!(!page.body.contains("<script"), "{}", page.body);
    assert!(page.body.contains("Vote for idea 1"));

    // Kept text after a refusal goes back into the textarea escaped too.
    let again =
        room.post(&at("/idea"), Some(&cookie), &[("text", "</textarea><script>x</script>")]);
    assert_eq!(again.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(!again.body.contains("<script"));
    assert!(kept_idea(&again.body, "&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;"));
}

fn tally(room: &Room, component: usize) -> [u32; 5] {
    room.state.lock().unwrap().reflections.current().unwrap().marks[component].tally
}

// 10. A reflection sent again changes the phone's part of the tally rather than adding to it.
#[test]
fn a_reflection_sent_again_changes_the_tally() {
    let room = Room::plain();
    let cookie = room.join(Some("Amina"));
    let closed = room.post(&at("/reflect"), Some(&cookie), &[("c0", "3")]);
    assert_eq!(closed.status, StatusCode::CONFLICT, "no checkpoint is open yet");
    room.record(Event::CheckpointStarted { label: "end".into() });
    let page = room.get(&at(""), Some(&cookie));
    assert!(page.body.contains("Reflection: end"));

    let form = [("c0", "3"), ("q0", "yes"), ("feeling", "Heard, at last")];
    let sent = room.post(&at("/reflect"), Some(&cookie), &form);
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(sent.header(header::LOCATION), format!("/r/{CODE}?saved=reflect"));
    assert_eq!(
        room.last_ask(),
        Ask::Reflect {
            levels: vec![("Equal".into(), 3)],
            before: vec![],
            answers: vec![(Question::Uncomfortable, Answer::Yes)],
            note: Some("Heard, at last".into()),
        }
    );
    assert_eq!(tally(&room, 0), [0, 0, 0, 1, 0]);

    let sent = room.post(&at("/reflect"), Some(&cookie), &[("c0", "1")]);
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    // The console, not the page, knows what this phone gave before.
    match room.last_ask() {
        Ask::Reflect { levels, before, .. } => {
            assert_eq!(levels, vec![("Equal".to_string(), 1)]);
            assert_eq!(before, vec![], "the server sends only what the form holds");
        }
        other => panic!("the console got {other:?}"),
    }
    assert_eq!(tally(&room, 0), [0, 1, 0, 0, 0], "one person at level 1, none at 3");

    // A level out of range is refused before the console.
    let calls = room.calls();
    let bad = room.post(&at("/reflect"), Some(&cookie), &[("c0", "5")]);
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(room.calls(), calls);
}

// Found while writing the above: a component skipped when sending again loses its
// score, though the server keeps it as given ("Skipped components keep what was
// given before"); the next send then takes it back a second time.
#[test]
fn a_skipped_component_keeps_its_score_when_a_reflection_is_sent_again() {
    let room = Room::plain();
    room.record(Event::CheckpointStarted { label: "end".into() });
    let amina = room.join(Some("Amina"));
    let lee = room.join(Some("Dr Lee"));
    for cookie in [&amina, &lee] {
        let sent = room.post(&at("/reflect"), Some(cookie), &[("c0", "3")]);
        assert_eq!(sent.status, StatusCode::SEE_OTHER);
    }
    assert_eq!(tally(&room, 0), [0, 0, 0, 2, 0]);
    // Amina now scores only the second component, skipping the first.
    let sent = room.post(&at("/reflect"), Some(&amina), &[("c1", "2")]);
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    assert_eq!(tally(&room, 1), [0, 0, 1, 0, 0]);
    assert_eq!(tally(&room, 0), [0, 0, 0, 2, 0], "a skipped component keeps its score");
    // Changing the first must take back only her own 3, not Dr Lee's.
    let sent = room.post(&at("/reflect"), Some(&amina), &[("c0", "1")]);
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(tally(&room, 0), [0, 1, 0, 1, 0]);
    assert_eq!(tally(&room, 1), [0, 0, 1, 0, 0]);
}

// Found while writing the above: a walk-in the console refuses has already joined
// the phone anonymously, but the phone gets no cookie; every retry makes another device.
#[test]
fn a_refused_walk_in_still_gives_the_phone_its_device() {
    let room = Room::plain();
    // Amina is on the list already: the walk-in is refused after the anonymous join.
    let asked = room.post(&at("/walkin"), None, &[("name", "Amina"), ("role", "resident")]);
    assert_eq!(asked.status, StatusCode::CONFLICT, "{}", asked.body);
    assert_eq!(room.state.lock().unwrap().door.devices.len(), 1);
    let cookie = asked.cookie();
    assert!(room.get(&at(""), Some(&cookie)).body.contains("You take part anonymously."));
}

/// Whether `path` starts with the room code as a whole segment: the only paths the console may hear from.
fn has_code(path: &str) -> bool {
    let base = format!("/r/{CODE}");
    path == base || path.starts_with(&format!("{base}/"))
}

fn a_method() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(vec!["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"])
            .prop_map(String::from),
        2 => "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,12}",
        1 => "\\PC{0,8}",
    ]
}

fn a_path() -> impl Strategy<Value = String> {
    let encoded: String = CODE.bytes().map(|b| format!("%{b:02X}")).collect();
    let head = prop_oneof![
        8 => Just(format!("/r/{CODE}")),
        1 => Just(format!("/r/{}", CODE.to_lowercase())),
        1 => Just(format!("/r/{CODE}X")),
        1 => Just(format!("/r/{}", &CODE[1..])),
        1 => Just(format!("/r/{encoded}")),
        1 => Just(format!("http://door.local/r/{CODE}")),
        1 => Just(format!("/x/r/{CODE}")),
        1 => Just("/".to_string()),
        1 => Just("/r/".to_string()),
        1 => Just("*".to_string()),
        2 => "/[A-Za-z0-9%./_~-]{0,16}",
        1 => "/\\PC{0,12}",
    ];
    let tail = prop_oneof![
        3 => Just(String::new()),
        6 => prop::sample::select(vec![
            "/", "/join", "/walkin", "/hand", "/idea", "/vote", "/reflect", "/style.css", "//idea",
            "/idea/", "/../idea",
        ])
        .prop_map(String::from),
        2 => "/[A-Za-z0-9%./_~-]{0,24}",
        1 => "/\\PC{0,12}",
        1 => "/[a-z%0-9]{1000,3000}",
    ];
    let query = prop_oneof![
        4 => Just(String::new()),
        1 => Just("?saved=idea".to_string()),
        1 => "\\?[A-Za-z0-9=&%]{0,20}",
    ];
    (head, tail, query).prop_map(|(h, t, q)| format!("{h}{t}{q}"))
}

fn a_body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => Just(Vec::new()),
        2 => prop::collection::vec(any::<u8>(), 0..300),
        2 => "([a-z0-9%+]{0,6}=[^&]{0,30}&?){0,6}".prop_map(String::into_bytes),
        2 => ("[a-z ]{0,40}", prop::bool::ANY, "(Equal|Open|Nope|)").prop_map(|(t, n, c)| {
            encode(&[("text", &t), ("named", if n { "yes" } else { "no" }), ("about", &c)])
                .into_bytes()
        }),
        1 => ("[0-9]{0,2}", "(yes|partly|no|not sure|maybe|)", "\\PC{0,20}").prop_map(
            |(l, a, f)| encode(&[("c0", &l), ("q1", &a), ("feeling", &f)]).into_bytes(),
        ),
        1 => "(who|idea|kind|name|role)=\\PC{0,20}".prop_map(String::into_bytes),
        1 => prop::collection::vec(any::<u8>(), LARGEST_BODY - 8..LARGEST_BODY + 64),
    ]
}

/// Cookie headers: none, this door's, a made-up one, or noise.
#[derive(Clone, Debug)]
enum Crumb {
    None,
    Ours,
    OursAmong(String),
    Other(String),
}

fn a_cookie() -> impl Strategy<Value = Crumb> {
    prop_oneof![
        Just(Crumb::None),
        Just(Crumb::Ours),
        "[a-z]{1,5}=[a-z0-9]{0,8}".prop_map(Crumb::OursAmong),
        "rt-device=[0-9]{0,3}\\.?[0-9a-f]{0,34}".prop_map(Crumb::Other),
        "\\PC{0,40}".prop_map(Crumb::Other),
    ]
}

fn a_content_type() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some("application/x-www-form-urlencoded".to_string())),
        "\\PC{0,30}".prop_map(Some),
    ]
}

/// Every status the handler may answer with.
const STATUSES: [u16; 9] = [200, 303, 400, 403, 405, 409, 413, 429, 503];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    // 11. Whatever arrives, the handler answers, and nothing without the code reaches the console.
    #[test]
    fn any_request_is_answered_and_only_the_room_code_reaches_the_console(
        method in a_method(),
        path in a_path(),
        cookie in a_cookie(),
        content_type in a_content_type(),
        body in a_body(),
    ) {
        let Ok(method) = Method::from_bytes(method.as_bytes()) else {
            return Err(TestCaseError::reject("not a method"));
        };
        let room = Room::plain();
        let ours = room.join(Some("Łukasz"));
        let mut request = hyper::Request::builder().method(method.clone()).uri(path.as_str());
        let cookie = match cookie {
            Crumb::None => None,
            Crumb::Ours => Some(ours),
            Crumb::OursAmong(other) => Some(format!("{other}; {ours}")),
            Crumb::Other(other) => Some(other),
        };
        if let Some(value) = cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
            request = request.header(header::COOKIE, value);
        }
        if let Some(value) = content_type.and_then(|c| HeaderValue::from_str(&c).ok()) {
            request = request.header(header::CONTENT_TYPE, value);
        }
        let Ok(request) = request.body(Full::new(Bytes::from(body))) else {
            return Err(TestCaseError::reject("not a URI"));
        };
        let coded = has_code(request.uri().path());
        let calls = room.calls();
        let answered = room.send(request);
        prop_assert!(
            STATUSES.contains(&answered.status.as_u16()),
            "{method} {path}: {}",
            answered.status
        );
        assert_guarded(&answered, &path);
        if !coded {
            prop_assert_eq!(room.calls(), calls, "{} {} reached the console", method, path);
            prop_assert_eq!(answered.status, StatusCode::FORBIDDEN, "{} {}", method, path);
            prop_assert!(answered.body.is_empty());
        }
    }
}
