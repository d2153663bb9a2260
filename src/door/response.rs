//! What the door sends back: the headers every answer carries, and the
//! phone's cookie, read and set.

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::header::{self, HeaderValue};
use hyper::{Response, StatusCode};

use super::server::{Shared, lock};

pub fn respond(
    status: StatusCode,
    kind: &'static str,
    body: impl Into<Bytes>,
) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(body.into()));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    // Pages name people: never kept by the phone, a proxy or the back button's cache.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

pub fn html(status: StatusCode, page: String) -> Response<Full<Bytes>> {
    respond(status, "text/html; charset=utf-8", page)
}

/// 403 and nothing else: for a wrong code, a made-up cookie, or no code at all.
pub fn forbidden() -> Response<Full<Bytes>> {
    respond(StatusCode::FORBIDDEN, "text/plain; charset=utf-8", Bytes::new())
}

pub fn see_other(to: &str) -> Response<Full<Bytes>> {
    let mut response = respond(StatusCode::SEE_OTHER, "text/plain; charset=utf-8", Bytes::new());
    if let Ok(to) = HeaderValue::from_str(to) {
        response.headers_mut().insert(header::LOCATION, to);
    }
    response
}

pub const COOKIE: &str = "rt-device";

pub const TOO_MANY: &str = "Too many requests from this phone: wait a minute, then try again.";

/// The phone's signed cookie, if it sent one.
pub fn cookie(req_headers: &hyper::HeaderMap) -> Option<&str> {
    req_headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(COOKIE)?.strip_prefix('='))
}

/// `response`, setting the phone's signed cookie for `device`.
pub fn with_cookie(
    shared: &Shared,
    base: &str,
    device: u32,
    mut response: Response<Full<Bytes>>,
) -> Response<Full<Bytes>> {
    let value = lock(&shared.guard).cookie(device);
    let cookie = format!("{COOKIE}={value}; Path={base}; HttpOnly; SameSite=Strict");
    if let Ok(cookie) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}
