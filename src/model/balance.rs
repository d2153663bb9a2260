//! The balance of voices: airtime by person and by role, and how equal it is.

use super::length::Ms;
use super::room::Room;
use super::state::State;
use super::text::fold;

/// One person's share of the talk.
#[derive(Clone, Debug, PartialEq)]
pub struct Voice {
    pub who: usize,
    pub airtime: Ms,
    pub turns: u32,
    pub present: Ms,
    /// In the room's balance: here at some point, and not the facilitator.
    pub counted: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RoleShare {
    /// As the first person with the role wrote it.
    pub role: String,
    pub people: usize,
    pub airtime: Ms,
    /// Share of the counted airtime, 0..1.
    pub share: f64,
    /// Share of the counted people, 0..1.
    pub people_share: f64,
    /// Ideas said by people with this role (anonymous ideas belong to no role).
    pub ideas: usize,
    /// Share of the attributed ideas, 0..1.
    pub ideas_share: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Balance {
    pub voices: Vec<Voice>,
    pub roles: Vec<RoleShare>,
    /// How many people count in the balance.
    pub counted: usize,
    /// Airtime of the people who count.
    pub total: Ms,
    /// 1 − Gini of airtime over the people who count: 1 when all spoke equally long.
    pub equality: f64,
    /// People who count and have not had a turn.
    pub not_heard: Vec<usize>,
}

impl Room {
    pub fn balance(&self, now: Ms) -> Balance {
        let voices: Vec<Voice> = self
            .people
            .iter()
            .enumerate()
            .map(|(who, p)| Voice {
                who,
                airtime: self.airtime(who, now),
                turns: p.turns,
                present: p.presence.elapsed(now),
                counted: p.counted(),
            })
            .collect();
        let counted: Vec<&Voice> = voices.iter().filter(|v| v.counted).collect();
        let total: Ms = counted.iter().map(|v| v.airtime).sum();
        let mut roles: Vec<RoleShare> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        for voice in &counted {
            let role = &self.people[voice.who].role;
            let key = fold(role);
            let i = match keys.iter().position(|k| *k == key) {
                Some(i) => i,
                None => {
                    keys.push(key);
                    roles.push(RoleShare {
                        role: role.clone(),
                        people: 0,
                        airtime: 0,
                        share: 0.0,
                        people_share: 0.0,
                        ideas: 0,
                        ideas_share: 0.0,
                    });
                    roles.len() - 1
                }
            };
            roles[i].people += 1;
            roles[i].airtime += voice.airtime;
        }
        for role in &mut roles {
            role.share = if total == 0 { 0.0 } else { role.airtime as f64 / total as f64 };
            role.people_share = role.people as f64 / counted.len().max(1) as f64;
        }
        let not_heard = counted.iter().filter(|v| v.turns == 0).map(|v| v.who).collect();
        let equality = 1.0 - gini(counted.iter().map(|v| v.airtime).collect());
        Balance { counted: counted.len(), total, equality, not_heard, roles, voices }
    }
}

impl State {
    /// The room's balance, with each role's share of the ideas beside its share of the airtime.
    pub fn balance(&self, now: Ms) -> Balance {
        let mut balance = self.room.balance(now);
        let people = &self.room.people;
        // Ideas per person first, so each role is folded once per person, not per idea.
        let mut said = vec![0usize; people.len()];
        for author in self.ideas.list.iter().filter_map(|i| i.author) {
            if let Some(n) = said.get_mut(author) {
                *n += 1;
            }
        }
        let keys: Vec<String> = balance.roles.iter().map(|r| fold(&r.role)).collect();
        let mut by_role = vec![0usize; keys.len()];
        let mut counted = 0;
        for (who, &n) in said.iter().enumerate() {
            if n == 0 || !people[who].counted() {
                continue;
            }
            counted += n;
            let key = fold(&people[who].role);
            if let Some(r) = keys.iter().position(|k| *k == key) {
                by_role[r] += n;
            }
        }
        for (role, ideas) in balance.roles.iter_mut().zip(by_role) {
            role.ideas = ideas;
            role.ideas_share = if counted == 0 { 0.0 } else { ideas as f64 / counted as f64 };
        }
        balance
    }
}

/// The Gini coefficient: 0 when all values are equal, towards 1 when one holds everything.
pub fn gini(mut values: Vec<Ms>) -> f64 {
    let n = values.len() as f64;
    let sum: f64 = values.iter().map(|&v| v as f64).sum();
    if values.is_empty() || sum == 0.0 {
        return 0.0;
    }
    values.sort_unstable();
    let weighted: f64 = values.iter().enumerate().map(|(i, &v)| (i as f64 + 1.0) * v as f64).sum();
    (2.0 * weighted / (n * sum) - (n + 1.0) / n).clamp(0.0, 1.0)
}

/// Whether a role speaks from lived experience (true), as a profession (false),
/// or cannot be told from its name (None). By the words roles are usually given.
pub fn lived_experience(role: &str) -> Option<bool> {
    const LIVED: [&str; 16] = [
        "resident",
        "carer",
        "patient",
        "service user",
        "user",
        "parent",
        "young",
        "member",
        "citizen",
        "tenant",
        "community",
        "family",
        "lived",
        "expert by experience",
        "volunteer",
        "public",
    ];
    const PROFESSIONAL: [&str; 24] = [
        "gp",
        "doctor",
        "nurse",
        "commissioner",
        "manager",
        "officer",
        "staff",
        "clinician",
        "worker",
        "councillor",
        "therapist",
        "consultant",
        "director",
        "lead",
        "coordinator",
        "practitioner",
        "professional",
        "pharmacist",
        "receptionist",
        "admin",
        "social",
        "provider",
        "chief",
        "head",
    ];
    let role = fold(role);
    let words: Vec<&str> =
        role.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let has = |needle: &str| {
        if needle.contains(' ') {
            role.contains(needle)
        } else {
            words.iter().any(|w| w.trim_end_matches('s') == needle)
        }
    };
    if PROFESSIONAL.iter().any(|w| has(w)) {
        Some(false)
    } else if LIVED.iter().any(|w| has(w)) {
        Some(true)
    } else {
        None
    }
}

/// "1 idea", "3 ideas": a count and its noun, which must take an "s".
pub fn many(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// "GPs", "residents", "staff": a role's plural for "GPs: 1 of 8 people".
pub fn plural(role: &str, people: usize) -> String {
    if people == 1 || role.ends_with('s') || role.ends_with("staff") {
        role.to_string()
    } else {
        format!("{role}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gini_of_known_distributions() {
        assert_eq!(gini(vec![]), 0.0);
        assert_eq!(gini(vec![0, 0, 0]), 0.0);
        assert_eq!(gini(vec![5, 5, 5, 5]), 0.0);
        // One of four holds everything: (n − 1) / n.
        assert!((gini(vec![0, 0, 0, 100]) - 0.75).abs() < 1e-9);
        // 1, 2, 3: mean absolute difference 4/9 over twice the mean 4 → 1/9·… = 0.2222…
        assert!((gini(vec![1, 2, 3]) - 2.0 / 9.0).abs() < 1e-9);
    }

    #[test]
    fn roles_by_the_standpoint_they_speak_from() {
        assert_eq!(lived_experience("resident"), Some(true));
        assert_eq!(lived_experience("Carers"), Some(true));
        assert_eq!(lived_experience("parent of a young carer"), Some(true));
        assert_eq!(lived_experience("GP"), Some(false));
        assert_eq!(lived_experience("practice nurse"), Some(false));
        assert_eq!(lived_experience("social worker"), Some(false));
        assert_eq!(lived_experience("commissioner"), Some(false));
        assert_eq!(lived_experience("artist"), None);
    }

    #[test]
    fn counts_with_their_noun() {
        assert_eq!(many(1, "idea"), "1 idea");
        assert_eq!(many(0, "session"), "0 sessions");
        assert_eq!(many(3, "idea"), "3 ideas");
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("GP", 2), "GPs");
        assert_eq!(plural("GP", 1), "GP");
        assert_eq!(plural("carers", 2), "carers");
    }
}
