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
    sealed: Vec<Arc<[Logged]>>,
    tail: Vec<Logged>,
}

impl History {
    pub fn len(&self) -> usize {
        self.sealed.len() * SEGMENT + self.tail.len()
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

    /// How many segments are sealed.
    pub fn segments(&self) -> usize {
        self.sealed.len()
    }

    /// The first `segments` sealed segments alone, shared, not copied.
    pub fn prefix(&self, segments: usize) -> History {
        History {
            sealed: self.sealed[..segments.min(self.sealed.len())].to_vec(),
            tail: Vec::new(),
        }
    }

    /// Every event from position `from` on.
    pub fn from(&self, from: usize) -> impl Iterator<Item = &Logged> {
        self.sealed.iter().flat_map(|s| s.iter()).chain(self.tail.iter()).skip(from)
    }

    /// The position of the most recent event an undo can take back.
    pub fn last_undoable(&self) -> Option<usize> {
        if let Some(i) = self.tail.iter().rposition(|l| l.event.undoable()) {
            return Some(self.sealed.len() * SEGMENT + i);
        }
        self.sealed.iter().enumerate().rev().find_map(|(s, segment)| {
            segment.iter().rposition(|l| l.event.undoable()).map(|i| s * SEGMENT + i)
        })
    }
}
