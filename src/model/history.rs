//! The events still in effect, kept so that an undo can fold them again
//! without the one it takes back. Kept in segments shared between copies of
//! the state, so a copy (a replay's snapshot, a mark to fold from) costs
//! little however long the session.

use std::sync::Arc;

use super::event::Logged;

/// Events in a sealed segment; the state keeps a mark at each seal.
pub const SEGMENT: usize = 1024;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// Sealed segments let go from the front, beyond undo's reach; positions still count them.
    forgotten: usize,
    sealed: Vec<Arc<[Logged]>>,
    tail: Vec<Logged>,
}

impl History {
    pub fn len(&self) -> usize {
        self.segments() * SEGMENT + self.tail.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds an event; true when it filled a segment, which is then sealed.
    pub fn push(&mut self, logged: Logged) -> bool {
        self.tail.push(logged);
        if self.tail.len() == SEGMENT {
            self.sealed.push(std::mem::take(&mut self.tail).into());
            true
        } else {
            false
        }
    }

    /// How many segments are sealed, those let go included.
    pub fn segments(&self) -> usize {
        self.forgotten + self.sealed.len()
    }

    /// How many sealed segments are kept.
    pub fn kept(&self) -> usize {
        self.sealed.len()
    }

    /// The first `segments` sealed segments alone, shared, not copied.
    pub fn prefix(&self, segments: usize) -> History {
        let kept = segments.saturating_sub(self.forgotten).min(self.sealed.len());
        History {
            forgotten: self.forgotten.min(segments),
            sealed: self.sealed[..kept].to_vec(),
            tail: Vec::new(),
        }
    }

    /// Every event kept from position `from` on.
    pub fn from(&self, from: usize) -> impl Iterator<Item = &Logged> {
        let skip = from.saturating_sub(self.forgotten * SEGMENT);
        self.sealed.iter().flat_map(|s| s.iter()).chain(self.tail.iter()).skip(skip)
    }

    /// Lets go of the sealed segments before segment `start`: no undo reaches them.
    pub fn forget_before(&mut self, start: usize) {
        let gone = start.saturating_sub(self.forgotten).min(self.sealed.len());
        self.sealed.drain(..gone);
        self.forgotten += gone;
    }

    /// The position of the most recent event an undo can take back, among those kept.
    pub fn last_undoable(&self) -> Option<usize> {
        if let Some(i) = self.tail.iter().rposition(|l| l.undoable()) {
            return Some(self.segments() * SEGMENT + i);
        }
        self.sealed.iter().enumerate().rev().find_map(|(s, segment)| {
            let s = self.forgotten + s;
            segment.iter().rposition(|l| l.undoable()).map(|i| s * SEGMENT + i)
        })
    }
}
