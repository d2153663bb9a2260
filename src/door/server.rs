//! The door's web server: hyper on a small runtime of its own, in a thread of
//! its own, talking to the console through a channel. Every request must
//! carry the room code; one handler decides that before anything else.

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Body, Bytes};
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request as HttpRequest, Response, StatusCode};
use tokio::sync::oneshot;

use super::ask::{Ask, Reply};
use super::form::{ask_of, field, saved_words};
use super::guard::{Caller, Guard, Limits};
use super::page::{self, Kept, Said};
use super::response::{TOO_MANY, cookie, forbidden, html, respond, see_other, with_cookie};
use super::view::View;

/// The largest request body read: a form with an idea and a reflection fits many times over.
pub const LARGEST_BODY: usize = 4 * 1024;
/// Connections open at once; more are closed at once.
pub const MOST_CONNECTIONS: usize = 256;
/// How long a client may take to send a request's head.
const HEAD_WAIT: Duration = Duration::from_secs(5);
/// How long one connection may last, slow or not.
const CONNECTION_MOST: Duration = Duration::from_secs(30);
/// How long a phone waits for the console to save what it sent.
const SAVE_WAIT: Duration = Duration::from_secs(10);

/// A phone's ask, on its way to the console, with where to send the answer.
pub struct Request {
    pub device: Option<u32>,
    pub ask: Ask,
    pub reply: oneshot::Sender<Reply>,
}

/// Hands a request to the console; false when the console has gone.
pub type Send = Box<dyn Fn(Request) -> bool + std::marker::Send + Sync>;

/// What every request's handler shares.
pub struct Shared {
    code: String,
    pub(super) guard: Mutex<Guard>,
    view: Mutex<Arc<View>>,
    send: Send,
}

pub(super) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    pub fn new(code: &str, limits: Limits, key: [u8; 16], send: Send) -> Shared {
        Shared {
            code: code.to_string(),
            guard: Mutex::new(Guard::new(limits, key)),
            view: Mutex::new(Arc::new(View::default())),
            send,
        }
    }

    /// The room as pages show it from now on.
    pub fn show(&self, view: View) {
        *lock(&self.view) = Arc::new(view);
    }

    fn view(&self) -> Arc<View> {
        lock(&self.view).clone()
    }
}

/// The running server.
pub struct Server {
    pub shared: Arc<Shared>,
    pub local: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    /// Listens on `listener` (already bound, so its port is known and any
    /// refusal is said before the room is told an address).
    pub fn start(listener: TcpListener, shared: Arc<Shared>) -> std::io::Result<Server> {
        let local = listener.local_addr()?;
        listener.set_nonblocking(true)?;
        let runtime =
            tokio::runtime::Builder::new_current_thread().enable_io().enable_time().build()?;
        let (stop, stopped) = oneshot::channel();
        let serving = shared.clone();
        let thread = std::thread::Builder::new().name("door".into()).spawn(move || {
            runtime.block_on(serve(listener, serving, stopped));
        })?;
        Ok(Server { shared, local, stop: Some(stop), thread: Some(thread) })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

async fn serve(listener: TcpListener, shared: Arc<Shared>, mut stopped: oneshot::Receiver<()>) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    let slots = Arc::new(tokio::sync::Semaphore::new(MOST_CONNECTIONS));
    loop {
        let accepted = tokio::select! {
            _ = &mut stopped => return,
            accepted = listener.accept() => accepted,
        };
        let Ok((stream, peer)) = accepted else {
            // Out of file descriptors, say: wait a moment rather than spin.
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        // Past the cap a connection is closed unanswered.
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            continue;
        };
        let shared = shared.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let shared = shared.clone();
                async move {
                    Ok::<_, std::convert::Infallible>(handle(&shared, Some(peer.ip()), req).await)
                }
            });
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEAD_WAIT)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            let _ = tokio::time::timeout(CONNECTION_MOST, connection).await;
            drop(slot);
        });
    }
}

/// Where a request is going, once its room code is known to be right.
#[derive(Debug, PartialEq, Eq)]
enum Place<'a> {
    Page,
    Style,
    Icon,
    Action(&'a str),
}

/// The place a path names under `/r/CODE`, or none when the code is wrong or missing.
fn place<'a>(path: &'a str, code: &str) -> Option<Place<'a>> {
    let rest = path.strip_prefix("/r/")?;
    let (given, rest) = rest.split_once('/').map_or((rest, ""), |(c, r)| (c, r));
    // Compared in full, so timing says nothing of how much of a guess was right.
    let same = given.len() == code.len()
        && given.bytes().zip(code.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0;
    if !same {
        return None;
    }
    Some(match rest {
        "" => Page,
        "style.css" => Style,
        "icon.svg" => Icon,
        action => Action(action),
    })
}
use Place::{Action, Icon, Page, Style};

/// Answers one request. Nothing reaches the console from a request without the room code.
pub async fn handle<B>(
    shared: &Shared,
    peer: Option<IpAddr>,
    req: HttpRequest<B>,
) -> Response<Full<Bytes>>
where
    B: Body,
    B::Error: std::error::Error + std::marker::Send + Sync + 'static,
{
    let path = req.uri().path().to_string();
    let Some(place) = place(&path, &shared.code) else {
        return forbidden();
    };
    let base = format!("/r/{}", shared.code);
    let now = Instant::now();
    // A cookie this door did not sign (made up, or from before the console
    // restarted with a new key) names no one: the phone joins again.
    let device = cookie(req.headers()).and_then(|value| lock(&shared.guard).device(value));
    let view = shared.view();
    // A device the pages do not know (signed, yet not in the record) is no one.
    let device = device.filter(|d| (*d as usize) <= view.devices.len() && *d >= 1);
    let caller = match (device, peer) {
        (Some(d), _) => Caller::Device(d),
        (None, Some(ip)) => Caller::Address(ip),
        (None, None) => Caller::Unknown,
    };
    // Too many requests: said on the phone's own page, keeping what it sent.
    let limited = !lock(&shared.guard).allow(caller, now);
    if limited && req.method() != Method::POST {
        let said = Said::Trouble(TOO_MANY);
        let page = match device {
            Some(d) => page::main(&view, &base, d, &said, &Kept::default()),
            None => page::join(&view, &base, &said),
        };
        return html(StatusCode::TOO_MANY_REQUESTS, page);
    }
    match (req.method(), place) {
        (&Method::GET, Style) => {
            let mut response = respond(StatusCode::OK, "text/css; charset=utf-8", page::STYLE);
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("max-age=3600"));
            response
        }
        (&Method::GET, Icon) => {
            let mut response = respond(StatusCode::OK, "image/svg+xml", page::ICON);
            let hour = HeaderValue::from_static("max-age=3600");
            response.headers_mut().insert(header::CACHE_CONTROL, hour);
            response
        }
        (&Method::GET | &Method::HEAD, Page) => {
            let query = req.uri().query().unwrap_or("");
            let notice = saved_words(query).map_or(Said::Nothing, Said::Saved);
            if !view.open {
                return html(StatusCode::OK, page::closed(&view, &base));
            }
            match device {
                Some(d) => {
                    html(StatusCode::OK, page::main(&view, &base, d, &notice, &Kept::default()))
                }
                None => html(StatusCode::OK, page::join(&view, &base, &notice)),
            }
        }
        (&Method::POST, Action(action)) => {
            let body = match Limited::new(req.into_body(), LARGEST_BODY).collect().await {
                Ok(body) => body.to_bytes(),
                Err(_) => {
                    return respond(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "text/plain; charset=utf-8",
                        "A request of at most 4 KB, please.",
                    );
                }
            };
            let form: Vec<(String, String)> = form_urlencoded::parse(&body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
            if limited {
                return refused(
                    &view,
                    &base,
                    device,
                    &form,
                    StatusCode::TOO_MANY_REQUESTS,
                    TOO_MANY,
                );
            }
            post(shared, &view, &base, device, action, &form, now).await
        }
        (_, Page | Style | Icon) | (_, Action(_)) => respond(
            StatusCode::METHOD_NOT_ALLOWED,
            "text/plain; charset=utf-8",
            "Open the page, or send its forms.",
        ),
    }
}

/// The phone's page saying why what it sent was not saved, with what it typed kept.
fn refused(
    view: &View,
    base: &str,
    device: Option<u32>,
    form: &[(String, String)],
    status: StatusCode,
    words: &str,
) -> Response<Full<Bytes>> {
    let kept = Kept {
        idea: field(form, "text").unwrap_or("").chars().take(600).collect(),
        feeling: field(form, "feeling").unwrap_or("").chars().take(600).collect(),
    };
    match device {
        Some(d) => html(status, page::main(view, base, d, &Said::Trouble(words), &kept)),
        None => html(status, page::join(view, base, &Said::Trouble(words))),
    }
}

/// Sends an ask to the console and waits for it to be saved, or not.
async fn ask_console(shared: &Shared, device: Option<u32>, ask: Ask) -> Reply {
    let (reply, answer) = oneshot::channel();
    if !(shared.send)(Request { device, ask, reply }) {
        return Reply::NotSaved("the console has closed".into());
    }
    match tokio::time::timeout(SAVE_WAIT, answer).await {
        Ok(Ok(reply)) => reply,
        _ => Reply::Unconfirmed,
    }
}

async fn post(
    shared: &Shared,
    view: &View,
    base: &str,
    device: Option<u32>,
    action: &str,
    form: &[(String, String)],
    now: Instant,
) -> Response<Full<Bytes>> {
    let trouble =
        |status: StatusCode, words: &str| refused(view, base, device, form, status, words);
    if !view.open {
        return html(StatusCode::CONFLICT, page::closed(view, base));
    }
    let ask = match ask_of(action, form, view) {
        Ok(ask) => ask,
        Err(words) if action == "join" || device.is_some() => {
            return trouble(StatusCode::BAD_REQUEST, words);
        }
        Err(_) => return see_other(base),
    };
    let mut device = device;
    // A walk-in without a cookie joins first: the phone is that device from
    // then on, whatever becomes of its ask, so it gets its cookie either way.
    let mut joined = false;
    match (&ask, device) {
        (Ask::Join { .. }, Some(_)) => return see_other(base),
        // Not on the list: the phone joins anonymously, then asks to be added.
        (Ask::WalkIn { .. }, None) => {
            match ask_console(shared, None, Ask::Join { who: None }).await {
                Reply::Saved { device: d } => {
                    device = Some(d);
                    joined = true;
                }
                Reply::Refused(words) => return trouble(StatusCode::CONFLICT, &words),
                Reply::Unconfirmed => {
                    return trouble(
                        StatusCode::GATEWAY_TIMEOUT,
                        "Not confirmed yet: refresh, then try again.",
                    );
                }
                Reply::NotSaved(words) => {
                    return trouble(
                        StatusCode::SERVICE_UNAVAILABLE,
                        &format!("Not saved, try again: {words}."),
                    );
                }
            }
        }
        (Ask::Join { .. }, None) => {}
        (_, None) => return see_other(base),
        (Ask::Idea { .. }, Some(d)) => {
            // Noted as sent at once, under the lock that checked it, so two
            // sent together cannot both pass; taken back if it is not saved.
            let (wait, gap) = {
                let mut guard = lock(&shared.guard);
                let wait = guard.idea_wait(d, now);
                if wait.is_none() {
                    guard.idea_sent(d, now);
                }
                (wait, guard.idea_gap().as_secs().max(1))
            };
            if let Some(wait) = wait {
                let words = format!(
                    "One idea every {}: wait {} more, then send it again.",
                    plural(gap, "second"),
                    plural(wait.as_secs().max(1), "second")
                );
                return trouble(StatusCode::TOO_MANY_REQUESTS, &words);
            }
        }
        (Ask::Reflect { .. }, Some(_)) if view.checkpoint.is_none() => {
            return trouble(StatusCode::CONFLICT, "No reflection is open now.");
        }
        _ => {}
    }
    let reply = ask_console(shared, device, ask.clone()).await;
    if let (Ask::Idea { .. }, Some(d), false) = (&ask, device, matches!(reply, Reply::Saved { .. }))
    {
        lock(&shared.guard).idea_unsent(d);
    }
    match reply {
        Reply::Saved { device: d } => {
            let response = see_other(&format!("{base}?saved={action}"));
            if device.is_none() || joined || matches!(ask, Ask::Join { .. }) {
                return with_cookie(shared, base, d, response);
            }
            response
        }
        Reply::Refused(words) => {
            let response = trouble(StatusCode::CONFLICT, &words);
            match device {
                Some(d) if joined => with_cookie(shared, base, d, response),
                _ => response,
            }
        }
        Reply::NotSaved(words) => {
            let words = format!("Not saved, try again: {words}.");
            let response = trouble(StatusCode::SERVICE_UNAVAILABLE, &words);
            match device {
                Some(d) if joined => with_cookie(shared, base, d, response),
                _ => response,
            }
        }
        // It may yet be saved: sending again could count it twice.
        Reply::Unconfirmed => {
            let words = "Not confirmed yet: the console is busy. Refresh to see whether it arrived before you send it again.";
            let response = trouble(StatusCode::GATEWAY_TIMEOUT, words);
            match device {
                Some(d) if joined => with_cookie(shared, base, d, response),
                _ => response,
            }
        }
    }
}

fn plural(n: u64, what: &str) -> String {
    if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_room_code_opens_a_place() {
        assert_eq!(place("/r/7KQ2M", "7KQ2M"), Some(Page));
        assert_eq!(place("/r/7KQ2M/idea", "7KQ2M"), Some(Action("idea")));
        assert_eq!(place("/r/7KQ2M/style.css", "7KQ2M"), Some(Style));
        for wrong in ["/", "/r/", "/r/7KQ2N", "/r/7KQ2", "/r/7KQ2MM/idea", "/x/7KQ2M", "/r/7kq2m"] {
            assert_eq!(place(wrong, "7KQ2M"), None, "{wrong}");
        }
    }
}
