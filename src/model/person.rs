//! Someone in the room: who they are, whether they are here, how much they have said.

use super::length::Ms;
use super::stage::Timer;

#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub name: String,
    pub role: String,
    pub needs: Option<String>,
    /// The plan lets their needs be shown to the room.
    pub share_needs: bool,
    /// Added on the spot, not in the plan.
    pub walk_in: bool,
    /// Time in the room: running while they are here.
    pub presence: Timer,
    /// Airtime of their finished turns.
    pub spoken: Ms,
    pub turns: u32,
    /// Here once the workshop was under way (a timer running, or a turn given).
    /// Someone expected who is marked as not here before it begins never took part.
    pub took_part: bool,
}

impl Person {
    /// Needs the room may see: only those the plan marks for sharing.
    pub fn shared_needs(&self) -> Option<&str> {
        self.needs.as_deref().filter(|_| self.share_needs)
    }

    pub fn here(&self) -> bool {
        self.presence.running()
    }

    /// The facilitator runs the room; the balance of voices is about everyone else.
    pub fn facilitates(&self) -> bool {
        self.role.trim().eq_ignore_ascii_case("facilitator")
    }

    /// Whether they count in the room's balance: anyone here now, or here at some
    /// point once the workshop was under way.
    pub fn counted(&self) -> bool {
        !self.facilitates() && (self.here() || self.took_part)
    }
}
