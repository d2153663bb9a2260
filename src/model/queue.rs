//! Who waits for the floor, in what order, and why each stands where they do.

use serde::{Deserialize, Serialize};

use super::length::{Ms, clock};
use super::plan::Policy;
use super::room::Room;

/// Two kinds of hand jump the order, as assemblies use them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum HandKind {
    /// A point of process: about how the meeting is run. Goes first.
    Process,
    /// A direct reply to the person speaking. Goes next.
    Reply,
    #[default]
    Normal,
}

impl HandKind {
    pub fn label(self) -> &'static str {
        match self {
            HandKind::Process => "point of process",
            HandKind::Reply => "direct reply",
            HandKind::Normal => "hand",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hand {
    pub who: usize,
    pub kind: HandKind,
    pub raised: Ms,
    /// Raised from a phone at the door.
    pub from_door: bool,
}

/// One place in the queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiting {
    pub who: usize,
    /// The hand they raised; None for someone whose go it is in a round.
    pub kind: Option<HandKind>,
    /// Why they stand here, in words.
    pub why: String,
    /// The hand came from a phone at the door.
    pub from_door: bool,
}

/// A place in the queue, before it is put in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Hand(Hand),
    /// Their go in a round: who, and whether it is the next one.
    Round(usize),
}

impl Room {
    /// The order the floor will be given in: points of process, direct replies,
    /// then the policy's order. Cheap: no words.
    pub fn order(&self, now: Ms) -> Vec<Place> {
        let mut jumping: Vec<&Hand> =
            self.hands.iter().filter(|h| h.kind != HandKind::Normal).collect();
        jumping.sort_by_key(|h| (h.kind, h.raised));
        let mut out: Vec<Place> = jumping.into_iter().map(|h| Place::Hand(*h)).collect();
        let mut hands: Vec<&Hand> =
            self.hands.iter().filter(|h| h.kind == HandKind::Normal).collect();
        match self.policy {
            Policy::Equal => {
                hands.sort_by_key(|h| (self.airtime(h.who, now), h.raised));
                out.extend(hands.into_iter().map(|h| Place::Hand(*h)));
            }
            Policy::Fifo => {
                hands.sort_by_key(|h| h.raised);
                out.extend(hands.into_iter().map(|h| Place::Hand(*h)));
            }
            Policy::Round => {
                let next = self.round_to_go();
                out.extend(next.iter().map(|&who| Place::Round(who)));
                hands.sort_by_key(|h| h.raised);
                out.extend(
                    hands.into_iter().filter(|h| !next.contains(&h.who)).map(|h| Place::Hand(*h)),
                );
            }
        }
        out
    }

    /// The queue in the order the floor will be given, each with the reason for their place.
    pub fn queue(&self, now: Ms) -> Vec<Waiting> {
        let waited = |h: &Hand| format!("waiting {}", short(now.saturating_sub(h.raised)));
        let mut normal = 0;
        let mut rounds = 0;
        self.order(now)
            .into_iter()
            .map(|place| match place {
                Place::Round(who) => {
                    rounds += 1;
                    let why = if rounds == 1 {
                        format!("next in the round · seat {}", who + 1)
                    } else {
                        format!("in the round · seat {}", who + 1)
                    };
                    Waiting { who, kind: None, why, from_door: false }
                }
                Place::Hand(hand) => {
                    let why = match (hand.kind, self.policy) {
                        (HandKind::Process, _) => {
                            format!("point of process: goes first · {}", waited(&hand))
                        }
                        (HandKind::Reply, _) => match self.speaking {
                            Some(turn) => {
                                format!(
                                    "direct reply to {} · {}",
                                    self.people[turn.who].name,
                                    waited(&hand)
                                )
                            }
                            None => format!("direct reply · {}", waited(&hand)),
                        },
                        (HandKind::Normal, Policy::Equal) => {
                            let said = if self.people[hand.who].turns == 0 {
                                "has not spoken yet".to_string()
                            } else {
                                format!("spoke {} so far", short(self.airtime(hand.who, now)))
                            };
                            format!("{said} · {}", waited(&hand))
                        }
                        (HandKind::Normal, Policy::Fifo) => {
                            normal += 1;
                            format!("hand up {} · {}", ordinal(normal), waited(&hand))
                        }
                        (HandKind::Normal, Policy::Round) => {
                            format!("hand up, after the round · {}", waited(&hand))
                        }
                    };
                    Waiting { who: hand.who, kind: Some(hand.kind), why, from_door: hand.from_door }
                }
            })
            .collect()
    }

    /// Those still to have their go in this round, in seat order.
    pub fn round_to_go(&self) -> Vec<usize> {
        (0..self.people.len())
            .filter(|&i| {
                self.people[i].here()
                    && !self.round_done[i]
                    && self.speaking.is_none_or(|t| t.who != i)
            })
            .collect()
    }

    pub fn hand_of(&self, who: usize) -> Option<&Hand> {
        self.hands.iter().find(|h| h.who == who)
    }
}

/// "0:45", "1:20", "12:05": a span short enough for a queue line.
pub fn short(ms: Ms) -> String {
    let face = clock(ms);
    face.strip_prefix('0').filter(|f| f.len() == 4).map_or(face.clone(), str::to_string)
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_spans_drop_a_leading_zero() {
        assert_eq!(short(45_000), "0:45");
        assert_eq!(short(80_000), "1:20");
        assert_eq!(short(725_000), "12:05");
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(23), "23rd");
    }
}
