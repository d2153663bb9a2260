//! The command line, as the contract describes it.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::report::Format;
use crate::report::agenda::AgendaFormat;

#[derive(Debug, Parser)]
#[command(name = "roundtable", version, about = "Run co-production workshops from a terminal", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Where recorded sessions go (created on demand)
    #[arg(long, global = true, value_name = "DIR", default_value = "sessions/recorded")]
    pub sessions: PathBuf,
    /// A keymap file: it replaces the keys of the actions it names
    #[arg(long, global = true, value_name = "FILE")]
    pub keymap: Option<PathBuf>,
    /// A theme: dark, light, high-contrast, colour-blind, mono, one in ./themes, or a theme file
    #[arg(long, global = true, value_name = "NAME|FILE")]
    pub theme: Option<String>,
    /// Ring the terminal's bell once when a turn's time is up, and when a stage moves to its next step
    #[arg(long, global = true)]
    pub bell: bool,
    /// Also append every announcement, a plain line each, to FILE (follow it with `tail -f`)
    #[arg(long, global = true, value_name = "FILE")]
    pub announce: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a live workshop from a plan (the built-in one when none is given), or resume an unfinished session
    Run {
        /// A plan file, or an unfinished session file to resume
        file: Option<PathBuf>,
        /// Start the next cycle of a recorded session's plan and series
        #[arg(long)]
        again: bool,
        /// Open the door: participants take part from their phones at this
        /// address (HOST:PORT, port 0 for a free one), or, with none, at this
        /// laptop's address on the room's network
        #[arg(long, value_name = "ADDR", num_args = 0..=1, default_missing_value = "")]
        door: Option<String>,
    },
    /// Replay a recorded session, read-only, on the screens the room saw
    Replay { session: PathBuf },
    /// The room's view: follows a workshop another terminal runs, read-only (for the projector)
    Show {
        /// A session file, its file name, or its plan's title; by default the newest unfinished session
        session: Option<String>,
    },
    /// Sessions side by side: a screen on a terminal, or --format md|csv|json|html
    Compare {
        /// Session files; with --series, the folder to look in (default: the sessions folder)
        sessions: Vec<PathBuf>,
        /// Every session of this series, oldest first
        #[arg(long, value_name = "NAME")]
        series: Option<String>,
        /// With --series: take in rehearsals and unfinished sessions too
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum)]
        format: Option<Format>,
    },
    /// Print a session's summary
    Report {
        session: PathBuf,
        #[arg(long, value_enum, default_value = "md")]
        format: Format,
        /// With --format csv: one file per table in this folder (session.csv,
        /// participant.csv, idea.csv…), each ready for pandas or a spreadsheet
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Print a plan as an agenda to hand out: stages with their times, instructions and steps
    Agenda {
        plan: PathBuf,
        #[arg(long, value_enum, default_value = "md")]
        format: AgendaFormat,
        /// The clock time the workshop starts, as HH:MM (14:00): stages and steps get clock times
        #[arg(long, value_name = "HH:MM")]
        start: Option<String>,
    },
    /// Validate plan, session, theme and keymap files
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a starter plan (the built-in one, commented) to edit
    New { plan: PathBuf },
    /// Print the keymap in effect as RON, ready to edit and pass to --keymap
    Keys,
    /// List the built-in themes and those in ./themes, each with its lowest text contrast ratio
    Themes,
}
