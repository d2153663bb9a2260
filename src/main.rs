use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Installed first, so a bug's panic restores the terminal before it reports.
    if color_eyre::install().is_err() {
        eprintln!("roundtable: could not install the error reporter; carrying on");
    }
    let cli = roundtable::cli::Cli::parse();
    match roundtable::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{failure}");
            ExitCode::from(1)
        }
    }
}
