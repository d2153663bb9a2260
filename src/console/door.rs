//! The console's side of the door: opening and closing the server, and
//! making what a phone sends durable before the phone is told it is saved.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::sync::Arc;

use super::event_loop::Console;
use crate::app::Mode;
use crate::app::live::Live;
use crate::door::ask::{Given, Reply, events};
use crate::door::code::{address, code_of, local_address, new_code, new_key};
use crate::door::guard::Limits;
use crate::door::server::{Request, Send, Server, Shared};
use crate::door::view::View;
use crate::model::{Event, Logged, Ms};
use crate::store::recorder::Recorder;

/// Where `--door` asked the server to listen: an address given, or the
/// laptop's own on the room's network.
pub fn parse_door(given: &str) -> Result<Option<SocketAddr>, String> {
    let given = given.trim();
    if given.is_empty() {
        return Ok(None);
    }
    if let Ok(at) = given.parse::<SocketAddr>() {
        return Ok(Some(at));
    }
    match given.parse::<IpAddr>() {
        Ok(ip) => Ok(Some(SocketAddr::new(ip, 0))),
        Err(_) => Err(format!(
            "--door {given}: expected an address such as 192.168.1.20:4312, 127.0.0.1:0 (a free port) or 0.0.0.0, or nothing for this laptop's address on the room's network"
        )),
    }
}

/// The door as the console keeps it.
pub struct Doorway {
    /// Where to listen, when the door opens by itself (`--door`): Some(None)
    /// for the laptop's own address.
    pub wanted: Option<Option<SocketAddr>>,
    /// Where it listened last, so that it opens there again.
    last: Option<Option<SocketAddr>>,
    /// The server, and the address phones open, while it runs.
    server: Option<(Server, String)>,
    /// What each phone gave in each reflection.
    given: Given,
}

impl Doorway {
    pub fn new(wanted: Option<Option<SocketAddr>>) -> Doorway {
        Doorway { wanted, last: None, server: None, given: Given::default() }
    }

    /// The address phones open, while the server runs.
    pub fn address(&self) -> Option<String> {
        self.server.as_ref().map(|(_, address)| address.clone())
    }

    /// Starts the server for `state`'s room (keeping its code, if it had one)
    /// and returns the event that records the door open at its address.
    pub fn open(&mut self, state: &crate::model::State, send: Send) -> Result<Event, String> {
        let code = match state.door.address.as_deref().and_then(code_of) {
            Some(code) => code.to_string(),
            None => new_code()?,
        };
        let at = self.wanted.or(self.last).flatten();
        let bind = at.unwrap_or_else(|| {
            SocketAddr::new(local_address().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST)), 0)
        });
        let listener =
            TcpListener::bind(bind).map_err(|e| format!("The door cannot open at {bind}: {e}"))?;
        let shared = Arc::new(Shared::new(&code, Limits::default(), new_key()?, send));
        let server = Server::start(listener, shared)
            .map_err(|e| format!("The door cannot open at {bind}: {e}"))?;
        // Listening everywhere, it is found at the laptop's own address.
        let mut shown = server.local;
        if shown.ip().is_unspecified() {
            shown.set_ip(local_address().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST)));
        }
        self.last = Some(at.or(Some(bind)));
        let address = address(shown, &code);
        self.server = Some((server, address.clone()));
        Ok(Event::DoorOpened { address })
    }

    /// Stops the server: phones can no longer reach it.
    pub fn close(&mut self) {
        self.server = None;
    }

    /// Gives the pages the room as it is now.
    pub fn show(&self, live: &Live, now: Ms) {
        if let Some((server, _)) = &self.server {
            server.shared.show(View::of(&live.state, now));
        }
    }
}

/// What to answer a phone: what it asks is checked as any key would be,
/// written to disk with nothing else, and only then applied.
fn answer(
    request: &Request,
    live: &mut Live,
    recorder: &mut Recorder,
    given: &mut Given,
    now: Ms,
) -> Reply {
    // A phone that stopped waiting was told "not saved": never write it later.
    if request.reply.is_closed() {
        return Reply::NotSaved("the phone stopped waiting".into());
    }
    let state = &live.state;
    if state.door.open.is_none() || state.ended.is_some() {
        return Reply::Refused("The door is closed.".into());
    }
    let at = now.max(state.at);
    // A reflection is worked out against what this phone gave before, here,
    // one request at a time, so that two sent together count once.
    let ask = given.fill(state, request.device, &request.ask);
    let logged = events(state, request.device, &ask, at);
    if logged.is_empty() {
        return Reply::Refused("Nothing new to save: your answers are as they were.".into());
    }
    // A phone joining becomes the next device.
    let device = request.device.unwrap_or_else(|| state.door.next_device());
    // Several events (a reflection's) are tried together on a copy first.
    let checked = match logged.as_slice() {
        [one] => state.check(one),
        many => {
            let mut scratch = state.clone();
            many.iter().try_for_each(|l| scratch.apply(l))
        }
    };
    if let Err(why) = checked {
        return Reply::Refused(why.to_string());
    }
    if let Err(why) = recorder.append_now(&logged) {
        return Reply::NotSaved(why);
    }
    for one in logged {
        live.record(one);
    }
    given.saved(&live.state, request.device, &ask);
    Reply::Saved { device }
}

/// What wakes the console: a key, the terminal gone, or a phone.
pub enum Wake {
    Term(ratatui::crossterm::event::Event),
    TermGone,
    Door(Request),
}

impl Console {
    /// Opens the door if `--door` asked for it; closes in the record a door
    /// left open by a console that stopped, for no server answers there now.
    pub(super) fn door_at_start(&mut self, now: Ms) {
        let (Some(_), Mode::Live(live)) = (&self.recording, &self.app.mode) else {
            return;
        };
        if live.state.ended.is_some() {
            return;
        }
        let (before, count) = (live.state.said.clone(), live.state.count);
        if self.door.wanted.is_some() {
            self.open_door(now);
        } else if live.state.door.open.is_some() {
            self.record_now(Event::DoorClosed, now);
        }
        // Said after what the resume said, which it must not hide.
        if let Mode::Live(live) = &mut self.app.mode
            && live.state.count > count
        {
            live.ui.notice = Some(format!("{before} {}", live.state.said));
        }
    }

    /// `D`: closes the door, or opens it. Closed, the server stays, so that
    /// phones are told the door is closed and the same address opens again.
    pub(super) fn toggle_door(&mut self, now: Ms) {
        let Mode::Live(live) = &self.app.mode else {
            return;
        };
        match (&live.state.door.open, self.door.address()) {
            (Some(_), _) => self.record_now(Event::DoorClosed, now),
            (None, Some(address)) => {
                self.record_now(Event::DoorOpened { address }, now);
            }
            (None, None) => self.open_door(now),
        }
    }

    fn open_door(&mut self, now: Ms) {
        let (Some(tx), Mode::Live(live)) = (&self.wake, &mut self.app.mode) else {
            return;
        };
        let tx = tx.clone();
        let send: Send = Box::new(move |request| tx.send(Wake::Door(request)).is_ok());
        match self.door.open(&live.state, send) {
            Ok(opened) => self.record_now(opened, now),
            Err(why) => {
                // The record must not say open where no server answers.
                let was_open = live.state.door.open.is_some();
                if was_open {
                    self.record_now(Event::DoorClosed, now);
                }
                if let Mode::Live(live) = &mut self.app.mode {
                    live.ui.notice = Some(why);
                }
            }
        }
    }

    /// The console quits. The door closes in the record first, so that the
    /// saved session says so; if the session cannot be saved and the
    /// facilitator stays, it opens again as it was. True when it is safe to leave.
    pub(super) fn quit(&mut self, now: Ms, anyway: bool) -> bool {
        let open = matches!(
            &self.app.mode,
            Mode::Live(live) if live.state.door.open.is_some() && live.state.ended.is_none()
        );
        if open {
            self.record_now(Event::DoorClosed, now);
        }
        let leaving = if anyway { self.quit_anyway() } else { self.finish() };
        if leaving {
            self.door.close();
        } else if let (true, Some(address)) = (open, self.door.address()) {
            self.record_now(Event::DoorOpened { address }, now);
        }
        leaving
    }

    /// Records one event the console itself makes, as a key's would be.
    fn record_now(&mut self, event: Event, now: Ms) {
        if let (Some((recorder, _)), Mode::Live(live)) = (&mut self.recording, &mut self.app.mode) {
            let logged = Logged::new(now.max(live.state.at), event);
            if live.state.check(&logged).is_ok() {
                recorder.append(&logged);
                live.record(logged);
                self.door.show(live, now);
            }
        }
    }

    /// A phone's request: answered, and the pages shown the change.
    pub(super) fn door_request(&mut self, request: Request, now: Ms) {
        match (&mut self.recording, &mut self.app.mode) {
            (Some((recorder, _)), Mode::Live(live)) => {
                let reply = answer(&request, live, recorder, &mut self.door.given, now);
                // The pages know the change before the phone hears "saved",
                // so its next request finds it (a phone that just joined, say).
                self.door.show(live, now);
                let _ = request.reply.send(reply);
            }
            _ => {
                let _ = request.reply.send(Reply::Refused("The door is closed.".into()));
            }
        }
    }
}
