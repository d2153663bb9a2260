//! Drives the real binary in a real terminal: tmux send-keys and capture-pane.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// The release binary when it is at least as new as this test build's, else the test build's.
pub fn binary() -> PathBuf {
    let debug = PathBuf::from(env!("CARGO_BIN_EXE_roundtable"));
    // <target>/debug/roundtable → <target>/release/roundtable, wherever the target folder is.
    let release = debug
        .parent()
        .and_then(Path::parent)
        .map(|target| target.join("release/roundtable"))
        .unwrap_or_default();
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(&release), modified(&debug)) {
        (Some(r), Some(d)) if r >= d => release,
        _ => debug,
    }
}

pub struct Tmux {
    socket: String,
    pub dir: PathBuf,
}

impl Tmux {
    /// A tmux server of its own, so tests never touch anyone's sessions.
    pub fn new(name: &str, dir: &Path) -> Tmux {
        assert!(
            Command::new("tmux").arg("-V").output().is_ok(),
            "the end-to-end tests need tmux (apt-get install tmux)"
        );
        Tmux { socket: format!("rt-{name}-{}", std::process::id()), dir: dir.to_path_buf() }
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().unwrap()
    }

    /// Starts `command` (a shell line, run in the test's folder) in a window of its own.
    pub fn start(&self, window: &str, size: (u16, u16), command: &str, env: &[(&str, &str)]) {
        let mut line = format!("cd '{}' && ", self.dir.display());
        for (k, v) in env {
            line.push_str(&format!("{k}='{v}' "));
        }
        line.push_str(command);
        line.push_str(&format!("; echo $? > '{}/{window}.exit'; sleep 60", self.dir.display()));
        let (w, h) = (size.0.to_string(), size.1.to_string());
        let first = !self.tmux(&["has-session", "-t", "rt"]).status.success();
        let out = if first {
            self.tmux(&["new-session", "-d", "-s", "rt", "-n", window, "-x", &w, "-y", &h, &line])
        } else {
            self.tmux(&["new-window", "-t", "rt", "-n", window, &line])
        };
        assert!(out.status.success(), "tmux: {}", String::from_utf8_lossy(&out.stderr));
    }

    pub fn keys(&self, window: &str, keys: &[&str]) {
        for key in keys {
            let target = format!("rt:{window}");
            let out = self.tmux(&["send-keys", "-t", &target, key]);
            assert!(out.status.success());
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// Pastes `text` as a terminal does, bracketed when the program asked for it.
    pub fn paste(&self, window: &str, text: &str) {
        let target = format!("rt:{window}");
        assert!(self.tmux(&["set-buffer", "-b", "pasted", text]).status.success());
        assert!(self.tmux(&["paste-buffer", "-p", "-b", "pasted", "-t", &target]).status.success());
        std::thread::sleep(Duration::from_millis(100));
    }

    pub fn screen(&self, window: &str) -> String {
        let target = format!("rt:{window}");
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", &target]).stdout)
            .into_owned()
    }

    /// The screen with its escape codes, to see colours and styles.
    pub fn screen_with_codes(&self, window: &str) -> String {
        let target = format!("rt:{window}");
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-e", "-t", &target]).stdout)
            .into_owned()
    }

    /// A tmux format such as `#{window_bell_flag}`, for `window`.
    pub fn show(&self, window: &str, format: &str) -> String {
        let target = format!("rt:{window}");
        let out = self.tmux(&["display-message", "-p", "-t", &target, format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits until the screen shows `text`, and returns the screen.
    pub fn wait_for(&self, window: &str, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen(window);
            if screen.contains(text) {
                return screen;
            }
            assert!(Instant::now() < deadline, "waited for {text:?}; the screen shows:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits for the program in `window` to exit, and returns its status.
    pub fn exit_status(&self, window: &str) -> i32 {
        let file = self.dir.join(format!("{window}.exit"));
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(text) = std::fs::read_to_string(&file)
                && let Ok(code) = text.trim().parse()
            {
                return code;
            }
            assert!(
                Instant::now() < deadline,
                "{window} did not exit; the screen shows:\n{}",
                self.screen(window)
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// Runs the binary to completion outside tmux, in `dir`.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(binary()).args(args).current_dir(dir).output().unwrap()
}
