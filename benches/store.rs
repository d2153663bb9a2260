//! Sessions on disk: loading and folding a large one, making one event durable,
//! saving on quit, and an undo deep in a long log.
//!
//! `cargo bench --bench store`

mod common;

use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

use divan::Bencher;
use roundtable::model::session::Session;
use roundtable::model::{Event, Logged, State};
use roundtable::store::recorder::Recorder;
use roundtable::store::session_file::{load_session, parse_session, to_text};
use tempfile::TempDir;

// Memory as well as time: each bench's allocations and its peak heap ("max
// alloc"), per thread, beside its time.
#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    divan::main();
}

/// The session written with `to_text` in a folder of its own, kept for the whole run.
struct OnDisk {
    _dir: TempDir,
    path: PathBuf,
    session: Session,
    text: String,
}

fn on_disk(events: usize) -> OnDisk {
    let session = common::session(events);
    let text = to_text(&session).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ron");
    std::fs::write(&path, &text).unwrap();
    OnDisk { _dir: dir, path, session, text }
}

static DISK_10K: LazyLock<OnDisk> = LazyLock::new(|| on_disk(10_000));
static DISK_100K: LazyLock<OnDisk> = LazyLock::new(|| on_disk(100_000));

fn disk(events: usize) -> &'static OnDisk {
    match events {
        10_000 => &DISK_10K,
        _ => &DISK_100K,
    }
}

/// The budget: ≤ 250 ms for 100,000 events, read, parsed, checked and folded.
#[divan::bench(args = [10_000, 100_000], sample_count = 20)]
fn load_and_fold(bencher: Bencher, events: usize) {
    let file = disk(events);
    bencher.bench(|| {
        let loaded = load_session(&file.path).unwrap();
        assert_eq!(loaded.state.count, events);
        loaded
    });
}

/// The parsing part of the load alone: text already in memory to a `Session`.
#[divan::bench(args = [10_000, 100_000], sample_count = 20)]
fn parse_only(bencher: Bencher, events: usize) {
    let file = disk(events);
    bencher.bench(|| parse_session(&file.path, &file.text).unwrap());
}

/// The folding part alone: events already in memory to a `State`.
#[divan::bench(args = [10_000, 100_000], sample_count = 20)]
fn fold_only(bencher: Bencher, events: usize) {
    let file = disk(events);
    let plan = Arc::new(file.session.plan.clone());
    bencher.bench(|| State::fold(plan.clone(), &file.session.events));
}

/// What quit costs: the whole session as text (it is then written atomically).
#[divan::bench(args = [10_000, 100_000], sample_count = 20)]
fn to_text_on_quit(bencher: Bencher, events: usize) {
    let file = disk(events);
    bencher.bench(|| to_text(&file.session).unwrap());
}

/// The budget: median ≤ 1 ms to make one event durable (journal line + fdatasync)
/// in a 10,000-event session, and no growth with length. The journal is first
/// filled through the recorder itself, each event synced as in a workshop.
#[divan::bench(args = [1_000, 10_000, 50_000], sample_count = 300, sample_size = 1)]
fn append_durable(bencher: Bencher, events: usize) {
    let dir = tempfile::tempdir().unwrap();
    let session = common::session(events);
    let (mut recorder, _) =
        Recorder::create(dir.path(), session.plan.clone(), common::started()).unwrap();
    for logged in &session.events {
        assert!(recorder.append(logged));
    }
    let mut at = session.events.last().map_or(0, |l| l.at);
    let mut running = true;
    bencher.bench_local(|| {
        at += 700;
        running = !running;
        let event = if running { Event::TimerStarted } else { Event::TimerPaused };
        assert!(recorder.append(&Logged::new(at, event)));
    });
    recorder.release();
}

/// One `u` deep in a long log: the state is folded again without the undone event.
#[divan::bench(args = [10_000, 100_000], sample_count = 20)]
fn undo_at_the_end(bencher: Bencher, events: usize) {
    let file = disk(events);
    let state = State::fold(Arc::new(file.session.plan.clone()), &file.session.events);
    let undo = Logged::new(state.at, Event::Undo);
    bencher.with_inputs(|| state.clone()).bench_local_values(|mut state| {
        state.apply(&undo).unwrap();
        state
    });
}

/// Replay: seeking to any moment of a session (budget at 100,000 events: 16 ms, a frame).
#[divan::bench(args = [10_000, 100_000], sample_count = 200)]
fn replay_seek_anywhere(bencher: Bencher, events: usize) {
    let session = &disk(events).session;
    let timeline = roundtable::model::timeline::Timeline::new(
        Arc::new(session.plan.clone()),
        session.events.clone(),
    );
    let end = timeline.end().max(1);
    let mut k: u64 = 0;
    bencher.bench_local(|| {
        // Moments spread over the whole session, jumping back and forth.
        k = (k + 7_919) % 1_000;
        timeline.state_at(end * k / 1_000)
    });
}

/// Compare over 100 sessions of one series, from their files (budget: 1 s):
/// sessions of 300 to 399 events each (a long real workshop records a few
/// hundred), and, as a stress case, the 10,000-event session 100 times over.
#[divan::bench(args = [300, 10_000], sample_count = 5)]
fn compare_100_sessions(bencher: Bencher, events: usize) {
    let dir = tempfile::tempdir().unwrap();
    let large = (events >= 10_000).then(|| common::session(events));
    for i in 0..100 {
        let mut session = match &large {
            Some(large) => large.clone(),
            None => common::session(events + i),
        };
        session.started = common::started() + chrono::Duration::days(i as i64 * 7);
        let file = dir.path().join(format!("s{i:03}.ron"));
        std::fs::write(&file, to_text(&session).unwrap()).unwrap();
        // Written an hour ago, as a series' sessions are: the index may keep them.
        let past = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options().write(true).open(&file).unwrap().set_modified(past).unwrap();
    }
    let series = common::plan().series.unwrap();
    // The first comparison writes the index the others read.
    roundtable::workshop::compare::comparison(&[], Some(&series), dir.path(), true).unwrap();
    bencher.bench(|| {
        roundtable::workshop::compare::comparison(&[], Some(&series), dir.path(), true)
            .unwrap()
            .markdown()
    });
}

/// A folder of sessions written an hour ago, as a sessions folder holds them.
fn folder(sessions: &[(usize, usize)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let mut i = 0;
    for &(count, events) in sessions {
        let text = to_text(&common::session(events)).unwrap();
        for _ in 0..count {
            let file = dir.path().join(format!("s{i:03}.ron"));
            std::fs::write(&file, &text).unwrap();
            std::fs::File::options().write(true).open(&file).unwrap().set_modified(past).unwrap();
            i += 1;
        }
    }
    dir
}

/// What the home screen lists, from the index (budget: its first frame ≤ 50 ms):
/// one 100,000-event session, or 200 ordinary sessions of 300 events. The
/// baseline is listing the folder and reading each file's length and time.
#[divan::bench_group(sample_count = 50)]
mod home_listing {
    use super::*;
    use roundtable::store::catalog;

    fn bare(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok()?.metadata().ok().map(|m| m.len() as usize))
            .sum()
    }

    #[divan::bench(args = [(1, 100_000), (200, 300)])]
    fn from_the_index(bencher: Bencher, (count, events): (usize, usize)) {
        let dir = folder(&[(count, events)]);
        assert_eq!(catalog::sessions(dir.path()).len(), count);
        bencher.bench(|| catalog::sessions(dir.path()));
    }

    #[divan::bench(args = [(1, 100_000), (200, 300)])]
    fn with_no_index(bencher: Bencher, (count, events): (usize, usize)) {
        let dir = folder(&[(count, events)]);
        let index = dir.path().join(roundtable::store::index::NAME);
        bencher.bench(|| {
            let _ = std::fs::remove_file(&index);
            catalog::sessions(dir.path())
        });
    }

    #[divan::bench(args = [(1, 100_000), (200, 300)])]
    fn baseline_stat_only(bencher: Bencher, (count, events): (usize, usize)) {
        let dir = folder(&[(count, events)]);
        bencher.bench(|| bare(dir.path()));
    }
}

static DISK_500K: LazyLock<OnDisk> = LazyLock::new(|| on_disk(500_000));

/// A replay's read: the whole log kept, folded once with no undo history, on
/// 500,000 events.
#[divan::bench(sample_count = 5)]
fn load_to_read_500k(bencher: Bencher) {
    let file = &*DISK_500K;
    bencher.bench(|| load_session(&file.path).unwrap().state.count);
}

/// What `check`, `report` and `compare` do: each event folded as it is
/// parsed, none kept, on 500,000 events (budget for `check`: ≤ 1.5 s, ≤ 60 MB).
#[divan::bench(sample_count = 5)]
fn fold_to_sum_up_500k(bencher: Bencher) {
    let file = &*DISK_500K;
    bencher
        .bench(|| roundtable::store::session_fold::fold_session(&file.path).unwrap().state.count);
}

/// A plan of 100,000 participants, read and checked (budget: ≤ 1 s; the
/// duplicate-name check was quadratic, 26 s).
#[divan::bench(sample_count = 10)]
fn plan_of_100k_participants(bencher: Bencher) {
    let mut text = String::from("Plan(title: \"Town hall\", participants: [\n");
    for i in 0..100_000 {
        text.push_str(&format!("    (name: \"Person {i}\", role: \"resident\"),\n"));
    }
    text.push_str("], stages: [(title: \"One\", duration: \"10m\")])\n");
    let path = std::path::Path::new("town.ron");
    bencher.bench(|| roundtable::store::plan_file::parse_plan(path, &text).unwrap());
}

/// What a resume folds: the whole undo history, marks and all, at 100,000
/// events (budget for the console with it open: ≤ 30 MB; see "max alloc").
#[divan::bench(sample_count = 10)]
fn load_to_resume_100k(bencher: Bencher) {
    let file = disk(100_000);
    bencher.bench(|| {
        let text = file.text.clone();
        roundtable::store::session_file::load_session_text(
            &file.path,
            text,
            roundtable::store::session_file::Purpose::Resume,
        )
        .unwrap()
        .state
        .count
    });
}
