//! How the workshop's states are shown: a symbol, and a word where there is
//! room, so that nothing on screen relies on colour alone. The model says
//! what happened; these say it in glyphs.

use crate::model::action::ActionStatus;
use crate::model::agenda::Phase;
use crate::model::queue::HandKind;
use crate::model::stage::Status;

/// The stage's phase, a symbol and a word.
pub fn phase(phase: Phase) -> &'static str {
    match phase {
        Phase::Ready => "■ READY",
        Phase::Running => "▶ RUNNING",
        Phase::EndingSoon => "▲ ENDING SOON",
        Phase::Paused => "❚❚ PAUSED",
        Phase::Over => "● OVER",
        Phase::Ended => "✓ ENDED",
    }
}

/// A stage on the agenda: done, on now, or to come.
pub fn stage(status: Status) -> &'static str {
    match status {
        Status::Done => "✓",
        Status::Current => "▶",
        Status::ToCome => "·",
    }
}

/// The kind of a raised hand.
pub fn hand(kind: HandKind) -> &'static str {
    match kind {
        HandKind::Process => "!",
        HandKind::Reply => "↩",
        HandKind::Normal => "✋",
    }
}

/// Where an action stands.
pub fn action(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Open => "○",
        ActionStatus::InProgress => "◐",
        ActionStatus::Done => "●",
        ActionStatus::Dropped => "✗",
    }
}
