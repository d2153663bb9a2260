//! What a facilitator can open: a workshop (new, next cycle or resumed), a
//! replay, a comparison, and the session before for "then → now". Each reads
//! and writes through `store` and hands `app` what to show; uses `app`,
//! `model`, `report` and `store`, never the terminal or the clock.

pub mod compare;
pub mod follow;
pub mod open;
pub mod previous;
pub mod replay;
pub mod report;
