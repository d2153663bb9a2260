//! roundtable: run co-production workshops from a terminal.

pub mod app;
pub mod cli;
pub mod commands;
pub mod console;
pub mod door;
pub mod input;
pub mod model;
pub mod report;
pub mod store;
pub mod ui;
pub mod workshop;
