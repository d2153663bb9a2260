//! The door: a small web server on the room's own network through which
//! participants take part from their phones. It may use `model`; its pages
//! show what the room view shows, and what phones send reaches the record only
//! through the console, which makes it durable before the phone hears "saved".

pub mod ask;
pub mod code;
pub mod form;
pub mod guard;
pub mod page;
pub(crate) mod response;
pub mod server;
pub mod view;
