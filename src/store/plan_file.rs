//! Plan files, written by hand.

use std::path::Path;

use super::error::FileError;
use super::locate::locate;
use super::ron_text::{parse, read};
use crate::model::Plan;

pub const WHAT: &str = "a plan starts with `Plan(` and has at least a `title` and `stages`";

pub fn load_plan(file: &Path) -> Result<Plan, FileError> {
    parse_plan(file, &read(file)?)
}

pub fn parse_plan(file: &Path, text: &str) -> Result<Plan, FileError> {
    let mut plan: Plan = parse(file, text, WHAT)?;
    check_plan(file, text, &plan, "")?;
    if let Some(problem) = plan.unsafe_text() {
        let path = problem.path;
        return Err(FileError::at(
            file,
            text,
            locate(text, &path),
            format!("{path}: {}", problem.message),
        ));
    }
    Ok(plan)
}

/// The plan's own rules, pointed at in `text`; `prefix` is where the plan sits in it.
pub fn check_plan(file: &Path, text: &str, plan: &Plan, prefix: &str) -> Result<(), FileError> {
    match plan.problems().into_iter().next() {
        None => Ok(()),
        Some(problem) => {
            let path = format!("{prefix}{}", problem.path);
            Err(FileError::at(
                file,
                text,
                locate(text, &path),
                format!("{path}: {}", problem.message),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::BUILT_IN;

    #[test]
    fn the_built_in_plan_reads_and_lasts_about_ninety_minutes() {
        let plan = parse_plan(Path::new("built-in"), BUILT_IN).unwrap();
        assert_eq!(plan.total_ms(), 90 * 60_000);
        assert_eq!(plan.participants.len(), 8);
        assert!(plan.participants.iter().any(|p| p.name.contains('ë')));
    }

    #[test]
    fn optional_fields_may_be_written_with_or_without_some() {
        let with = r#"Plan(title: "T", turn: Some("2m"), stages: [(title: "A", duration: "5m")])"#;
        let without = r#"Plan(title: "T", turn: "2m", stages: [(title: "A", duration: "5m")])"#;
        let a = parse_plan(Path::new("a"), with).unwrap();
        let b = parse_plan(Path::new("b"), without).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.turn.map(|t| t.secs()), Some(120));
    }
}
