//! What each command does, from parsed arguments to exit status.

use std::fmt;
use std::fs::OpenOptions;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::app::Start;
use crate::app::compare::Compare;
use crate::cli::{Cli, Command};
use crate::console::event_loop::{Begin, Console, Settings};
use crate::console::show::ShowSettings;
use crate::console::signals::{self, restore_terminal, take_terminal};
use crate::input::keymap::Keymap;
use crate::model::plan::BUILT_IN;
use crate::report::{self, Format, Summary};
use crate::store::FileError;
use crate::store::catalog::{FileKind, kind_of};
use crate::store::keymap_file::{load_keymap, parse_keymap};
use crate::store::plan_file::{load_plan, parse_plan};
use crate::store::ron_text::{io_words, parse, read};
use crate::store::session_fold::{fold_session, fold_session_text};
use crate::ui::theme::{self, Theme, ThemeFile};
use crate::workshop::compare::{CompareError, comparison};
use crate::workshop::open::{open, prepare};
use crate::workshop::replay::replay;

/// A user's mistake or a refusal: said in a message, with exit status 1.
#[derive(Debug)]
pub enum Failure {
    File(FileError),
    Compare(CompareError),
    Said(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Failure::File(e) => write!(f, "{e}"),
            Failure::Compare(e) => write!(f, "{e}"),
            Failure::Said(words) => f.write_str(words),
        }
    }
}

impl From<FileError> for Failure {
    fn from(e: FileError) -> Failure {
        Failure::File(e)
    }
}

impl From<CompareError> for Failure {
    fn from(e: CompareError) -> Failure {
        Failure::Compare(e)
    }
}

pub fn run(mut cli: Cli) -> Result<(), Failure> {
    // `run --door plan.ron`: the door takes no address, the file is the plan.
    if let Some(Command::Run { file: file @ None, door: Some(given), .. }) = &mut cli.command
        && crate::console::door::parse_door(given).is_err()
        && std::path::Path::new(given.as_str()).exists()
    {
        *file = Some(std::mem::take(given).into());
    }
    // A door that cannot be parsed is said before any session is created.
    if let Some(Command::Run { door: Some(given), .. }) = &cli.command {
        crate::console::door::parse_door(given).map_err(Failure::Said)?;
    }
    if let Some(speed) = std::env::var("ROUNDTABLE_SPEED").ok().filter(|s| !s.is_empty()) {
        let speed: u64 =
            speed.parse().ok().filter(|s| (1..=3600).contains(s)).ok_or_else(|| {
                Failure::Said(format!(
                    "ROUNDTABLE_SPEED: a whole number from 1 to 3600, found \"{speed}\""
                ))
            })?;
        crate::console::clock::rehearse_at(speed);
    }
    let keymap = match &cli.keymap {
        Some(file) => load_keymap(file)?,
        None => Keymap::defaults(),
    };
    match &cli.command {
        None => console(None, &cli, keymap),
        Some(Command::Run { file, again, .. }) => {
            let start = match (file.clone(), *again) {
                (None, false) => Start::BuiltIn,
                (None, true) => {
                    return Err(Failure::Said(
                        "run --again needs the session to follow on from".into(),
                    ));
                }
                (Some(file), true) => Start::Again(file),
                (Some(file), false) => Start::Plan(file),
            };
            console(Some(start), &cli, keymap)
        }
        Some(Command::Show { session }) => {
            let path = crate::workshop::follow::followed(session.as_deref(), &cli.sessions)?;
            // A damaged or foreign file is said before anything else, as `report` says it.
            let (follow, loaded) = crate::store::follow::Follow::open(&path)?;
            let theme = chosen_theme(cli.theme.as_deref())?;
            terminal_needed()?;
            let settings = ShowSettings { keymap, theme, no_color: no_color() };
            Ok(crate::console::show::show(follow, loaded, settings)?)
        }
        Some(Command::Replay { session }) => {
            let replay = replay(session, &cli.sessions)?;
            let theme = chosen_theme(cli.theme.as_deref())?;
            run_console(Begin::Replay(Box::new(replay)), &cli, keymap, theme)
        }
        Some(Command::Compare { sessions, series, all, format }) => {
            let comparison = comparison(sessions, series.as_deref(), &cli.sessions, *all)?;
            match format {
                Some(Format::Md) => print!("{}", comparison.markdown()),
                Some(Format::Csv) => print!("{}", comparison.csv()),
                Some(Format::Json) => print!("{}", comparison.json()),
                Some(Format::Html) => print!("{}", report::html::series(&comparison)),
                None if !std::io::stdout().is_terminal() => print!("{}", comparison.markdown()),
                None => {
                    let theme = chosen_theme(cli.theme.as_deref())?;
                    let compare = Box::new(Compare::new(comparison));
                    return run_console(Begin::Compare(compare), &cli, keymap, theme);
                }
            }
            Ok(())
        }
        Some(Command::Report { session, format, out }) => {
            let loaded = fold_session(session)?;
            if let Some(note) = &loaded.note {
                eprintln!("{note}");
            }
            let summary = Summary::of(&loaded.session, &loaded.state);
            match out {
                Some(dir) if *format == report::Format::Csv => csv_files(&summary, dir),
                Some(_) => Err(Failure::Said("--out writes CSV files: add --format csv".into())),
                None => {
                    print!("{}", report::render(&summary, *format));
                    Ok(())
                }
            }
        }
        Some(Command::Agenda { plan, format, start }) => {
            let start = start.as_deref().map(start_time).transpose()?;
            let plan = load_plan(plan)?;
            print!("{}", report::agenda::render(&plan, start, *format));
            Ok(())
        }
        Some(Command::Check { files }) => check(files),
        Some(Command::New { plan }) => new_plan(plan),
        Some(Command::Themes) => {
            print!("{}", themes_list());
            Ok(())
        }
        Some(Command::Keys) => {
            print!("{}", keymap.to_ron());
            Ok(())
        }
    }
}

/// NO_COLOR set and not empty (no-color.org). crossterm then drops every colour
/// it is given, so a colour theme would lose its highlights: only mono is shown.
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

fn chosen_theme(name: Option<&str>) -> Result<Theme, Failure> {
    let theme = named_theme(name)?;
    Ok(if no_color() { Theme::default_for(true) } else { theme })
}

/// The theme `--theme` names, checked even when NO_COLOR will set it aside.
fn named_theme(name: Option<&str>) -> Result<Theme, Failure> {
    let Some(name) = name else {
        return Ok(Theme::default_for(false));
    };
    if let Some(theme) = Theme::built_in(name) {
        return Ok(theme);
    }
    let in_folder = Path::new("themes").join(format!("{name}.ron"));
    let path = if in_folder.is_file() { in_folder.as_path() } else { Path::new(name) };
    if !path.is_file() {
        let names: Vec<&str> = theme::BUILT_IN.iter().map(|(n, _)| *n).collect();
        return Err(Failure::Said(format!(
            "{name}: no such theme; built in: {}; or a file in ./themes, or a theme file's path",
            names.join(", ")
        )));
    }
    let stem = path.file_stem().map_or(name.to_string(), |s| s.to_string_lossy().into_owned());
    Ok(parse_theme(&stem, path, &read(path)?)?)
}

/// Every theme with its lowest text contrast ratio.
fn themes_list() -> String {
    let mut out = String::new();
    let line = |name: &str, file: &ThemeFile, from: &str| match file.lowest_contrast() {
        Some((style, ratio)) => format!("{name:<16} {ratio:>5.1}:1  lowest: {style:<14} {from}\n"),
        None => format!("{name:<16} {:>7}  no colours: the terminal's own  {from}\n", "—"),
    };
    for (name, _) in theme::BUILT_IN {
        if let Some(theme) = Theme::built_in(name) {
            out.push_str(&line(name, &theme.file, "built in"));
        }
    }
    let mut files: Vec<_> = std::fs::read_dir("themes")
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    for path in files.into_iter().filter(|p| p.extension().is_some_and(|x| x == "ron")) {
        let stem = path.file_stem().map_or(String::new(), |s| s.to_string_lossy().into_owned());
        if theme::BUILT_IN.iter().any(|(n, _)| *n == stem) {
            continue;
        }
        match read(&path).and_then(|text| parse_theme(&stem, &path, &text)) {
            Ok(theme) => out.push_str(&line(&stem, &theme.file, &path.display().to_string())),
            Err(e) => out.push_str(&format!("{stem:<16} {}\n", e.headline())),
        }
    }
    out
}

fn console(start: Option<Start>, cli: &Cli, keymap: Keymap) -> Result<(), Failure> {
    // Read and check what the start names before taking over the screen, so a refusal is a plain message.
    let prepared = start.as_ref().map(prepare).transpose()?;
    let theme = chosen_theme(cli.theme.as_deref())?;
    terminal_needed()?;
    let begin = match prepared {
        Some(p) => {
            let (wall, rehearsal) =
                (crate::console::clock::wall_now(), crate::console::clock::rehearsing());
            Begin::Live(Box::new(open(p, &cli.sessions, wall, rehearsal)?))
        }
        None => Begin::Home,
    };
    run_console(begin, cli, keymap, theme)
}

fn terminal_needed() -> Result<(), Failure> {
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        Ok(())
    } else {
        Err(Failure::Said("the console needs a terminal; for other uses try `roundtable report`, `check` or `new`".into()))
    }
}

fn run_console(begin: Begin, cli: &Cli, keymap: Keymap, theme: Theme) -> Result<(), Failure> {
    terminal_needed()?;
    let announce = match &cli.announce {
        Some(path) => {
            Some(OpenOptions::new().create(true).append(true).open(path).map_err(|e| {
                Failure::Said(format!(
                    "{}: cannot write announcements there: {}",
                    path.display(),
                    io_words(&e)
                ))
            })?)
        }
        None => None,
    };
    let door = match &cli.command {
        Some(Command::Run { door: Some(given), .. }) => {
            Some(crate::console::door::parse_door(given).map_err(Failure::Said)?)
        }
        _ => None,
    };
    let settings = Settings {
        door,
        keymap,
        theme,
        sessions: cli.sessions.clone(),
        bell: cli.bell,
        announce,
        no_color: no_color(),
    };
    let mut console = Console::new(settings, begin);
    signals::watch().map_err(|e| Failure::Said(format!("cannot watch for signals: {e}")))?;
    let mut terminal = take_terminal()
        .map_err(|e| Failure::Said(format!("cannot take over the terminal: {e}")))?;
    let result = console.run(&mut terminal);
    restore_terminal();
    for line in &console.farewell {
        println!("{line}");
    }
    result.map_err(|e| Failure::Said(format!("the terminal failed: {e}")))
}

/// The report's tables, one CSV file each, in `dir`; says which were written.
fn csv_files(summary: &Summary, dir: &Path) -> Result<(), Failure> {
    let fail = |path: &Path, e: std::io::Error| {
        Failure::Said(format!(
            "{}: cannot write: {}",
            path.display(),
            crate::store::ron_text::io_words(&e)
        ))
    };
    std::fs::create_dir_all(dir).map_err(|e| fail(dir, e))?;
    for table in report::csv::tables(summary) {
        let path = dir.join(format!("{}.csv", table.name));
        std::fs::write(&path, report::csv::write(&table.alone())).map_err(|e| fail(&path, e))?;
        println!("{}", path.display());
    }
    Ok(())
}

/// `--start`: a time of day, as "14:00" or "9:30".
fn start_time(text: &str) -> Result<chrono::NaiveTime, Failure> {
    chrono::NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| {
        Failure::Said(format!(
            "--start: a time of day as HH:MM, such as 14:00, found \"{}\"",
            text.escape_debug()
        ))
    })
}

fn check(files: &[PathBuf]) -> Result<(), Failure> {
    let mut failed = 0;
    for file in files {
        match check_one(file) {
            Ok(note) => {
                println!("ok {}", file.display());
                // Standard output stays one `ok FILE` a file, as the contract has it; the note is extra.
                if let Some(note) = note {
                    eprintln!("{note}");
                }
            }
            Err(e) => {
                eprintln!("{e}");
                failed += 1;
            }
        }
    }
    match failed {
        0 => Ok(()),
        1 => Err(Failure::Said("1 file has a problem".into())),
        n => Err(Failure::Said(format!("{n} files have problems"))),
    }
}

fn check_one(file: &Path) -> Result<Option<String>, FileError> {
    let text = read(file)?;
    match kind_of(&text) {
        FileKind::Session => {
            let loaded = fold_session_text(file, text)?;
            Ok(loaded.note)
        }
        FileKind::Theme => {
            parse_theme("checked", file, &text)?;
            Ok(None)
        }
        FileKind::Keymap => {
            parse_keymap(file, &text)?;
            Ok(None)
        }
        FileKind::Plan | FileKind::Unknown => {
            parse_plan(file, &text)?;
            Ok(None)
        }
    }
}

fn new_plan(file: &Path) -> Result<(), Failure> {
    let mut out = OpenOptions::new().write(true).create_new(true).open(file).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Failure::Said(format!(
                "{}: already exists; roundtable never overwrites a file, so choose another name",
                file.display()
            ))
        } else {
            Failure::Said(format!("{}: cannot write it: {}", file.display(), io_words(&e)))
        }
    })?;
    out.write_all(BUILT_IN.as_bytes()).and_then(|()| out.sync_all()).map_err(|e| {
        Failure::Said(format!("{}: cannot write it: {}", file.display(), io_words(&e)))
    })?;
    println!(
        "Wrote {0}. Edit it, check it with `roundtable check {0}`, and run it with `roundtable run {0}`.",
        file.display()
    );
    Ok(())
}

/// A theme file's text as a theme named `name`, or where it goes wrong.
pub fn parse_theme(name: &str, file: &Path, text: &str) -> Result<Theme, FileError> {
    Ok(Theme::from_file(name, parse(file, text, theme::WHAT)?))
}
