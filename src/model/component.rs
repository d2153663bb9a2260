//! The components of co-production a group reflects on.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    pub name: String,
    #[serde(default)]
    pub prompt: String,
}

/// The ten components named in Co-create's "What is co-production?" (2024);
/// the prompts are our own words.
pub fn ten_components() -> Vec<Component> {
    [
        (
            "Equal",
            "Was everyone's knowledge and experience given the same weight, whatever their role?",
        ),
        ("Inclusive", "Did the people this affects take part, each in a way that suits them?"),
        ("Open", "Did we begin without fixed answers, ready to be changed by what we heard?"),
        ("Human", "Did people feel safe, respected and free to be themselves?"),
        (
            "Transparent",
            "Does everyone know how decisions are made and what happens to what they said?",
        ),
        ("Creative", "Did we make room for new and unexpected ideas?"),
        ("Positive", "Did we build on what people and places already have?"),
        ("Action-focused", "Will something actually change because of today?"),
        ("Thorough", "Did we take the time to do this properly, without rushing past anyone?"),
        ("Iterative", "Are we learning from each round and ready to try again?"),
    ]
    .into_iter()
    .map(|(name, prompt)| Component { name: name.into(), prompt: prompt.into() })
    .collect()
}
