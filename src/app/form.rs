//! What a key does to an open form, said the same way by every form.

/// What a key did to an open form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormResult<T> {
    /// The form stays open: a key was typed, or a choice moved.
    Nothing,
    /// The form is dropped and nothing is recorded.
    Cancelled,
    /// Something to say, with the form kept open so nothing typed is lost.
    Refused(String),
    Done(T),
}
