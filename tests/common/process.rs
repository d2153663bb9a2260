//! The console's process, found and killed, for the tests of what a crash leaves.

use std::path::Path;
use std::time::{Duration, Instant};

/// The console's process: the one whose arguments hold this test's own sessions folder.
pub fn console_pid(sessions: &Path) -> u32 {
    let wanted = sessions.display().to_string();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        for entry in std::fs::read_dir("/proc").unwrap().flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
            let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else { continue };
            let args: Vec<String> = cmdline
                .split(|&b| b == 0)
                .map(|a| String::from_utf8_lossy(a).into_owned())
                .collect();
            if args.first().is_some_and(|a| a.ends_with("roundtable")) && args.contains(&wanted) {
                return pid;
            }
        }
        assert!(Instant::now() < deadline, "no roundtable process for {wanted}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `kill -9`: no chance to save, close or say goodbye.
pub fn kill9(pid: u32) {
    let out = std::process::Command::new("kill").args(["-9", &pid.to_string()]).output().unwrap();
    assert!(out.status.success(), "kill -9 {pid}: {}", String::from_utf8_lossy(&out.stderr));
}
