//! What the real-browser tests need: Debian's chromium, node, and the
//! modules `npm ci` puts in tests/browser.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Chromium: ROUNDTABLE_CHROMIUM, or Debian's.
pub fn chromium() -> Option<PathBuf> {
    let named = std::env::var_os("ROUNDTABLE_CHROMIUM").map(PathBuf::from);
    named.or(Some(PathBuf::from("/usr/bin/chromium"))).filter(|p| p.is_file())
}

/// What the test needs and does not have.
pub fn missing(folder: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    if chromium().is_none() {
        missing
            .push("chromium (apt-get install chromium, or ROUNDTABLE_CHROMIUM=PATH)".to_string());
    }
    if Command::new("node").arg("--version").output().map_or(true, |o| !o.status.success()) {
        missing.push("node".to_string());
    }
    for module in ["playwright-core", "axe-core"] {
        if !folder.join("node_modules").join(module).is_dir() {
            missing.push(format!("{module} (npm ci in {})", folder.display()));
        }
    }
    missing
}
