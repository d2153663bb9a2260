//! Actions: what the group agreed will happen, who owns it, by when; carried into the next cycle.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, de};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionStatus {
    #[default]
    Open,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// Still to be done: carried into the next cycle.
    pub fn open(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}

/// An open action whose due date is before `today`: said "overdue" wherever it is listed.
pub fn overdue(status: ActionStatus, due: Option<NaiveDate>, today: NaiveDate) -> bool {
    status.open() && due.is_some_and(|d| d < today)
}

/// A due date as a file writes it, "2026-12-15", or none; anything else is
/// refused at its place with an example.
pub fn read_due<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    let Some(text) = Option::<String>::deserialize(d)? else { return Ok(None) };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map(Some).map_err(|_| {
        de::Error::custom(format!("a due date such as \"2026-12-15\", found \"{text}\""))
    })
}

/// An action as it is carried from one session to the next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Carried {
    pub text: String,
    pub owner: String,
    #[serde(default, deserialize_with = "read_due")]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub status: ActionStatus,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgreedAction {
    pub text: String,
    /// A name: carried actions may belong to someone not in this session.
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub note: Option<String>,
    /// The idea it came from in this session; None when carried from before.
    pub idea: Option<usize>,
}

impl AgreedAction {
    pub fn carried(&self) -> bool {
        self.idea.is_none()
    }
}
