//! Writes a large generated session (40 participants, unfinished) for the
//! memory and CPU scripts: `cargo run --release --example make_session -- 10000 FILE`.

#[path = "../benches/common/mod.rs"]
mod common;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(events), Some(file)) = (args.next(), args.next()) else {
        eprintln!("usage: make_session EVENTS FILE");
        std::process::exit(2);
    };
    let events: usize = events.parse().expect("EVENTS: a number");
    let session = common::session(events);
    let text = roundtable::store::session_file::to_text(&session).expect("the session as text");
    std::fs::write(&file, text).expect("the file written");
    let census: Vec<String> =
        common::census(&session.events).iter().map(|(name, n)| format!("{name} {n}")).collect();
    let state = roundtable::model::State::fold(std::sync::Arc::new(session.plan), &session.events);
    let speaking = match state.room.speaking {
        Some(turn) => state.room.people[turn.who].name.as_str(),
        None => "no one",
    };
    eprintln!(
        "{file}: {events} events; {}. At the end: stage {}, {} hands up, {speaking} speaking.",
        census.join(", "),
        state.current + 1,
        state.room.hands.len()
    );
}
