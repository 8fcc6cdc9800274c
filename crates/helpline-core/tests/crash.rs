//! Crash safety: the writing process is killed with SIGKILL at random moments, hundreds of times,
//! and after every kill the store must open, pass SQLite's integrity check and `helpline verify`
//! (`Session::verify`), and hold every write that had been acknowledged: every recorded call, every
//! ended call, and the autosaved notes of every unfinished call at least as far as the last
//! acknowledged save. (Acknowledged implies present; an unacknowledged write may have landed too.)
//!
//! Run it alone:   cargo test -p helpline-core --test crash -- --nocapture
//! Replay a seed:  HELPLINE_CRASH_SEED=<the seed a run printed> (same kill delays and the same
//!                 choices in the writer; where a kill lands still depends on the machine's timing)
//! Rounds:         HELPLINE_CRASH_ROUNDS (default 200, about 4.5 minutes on two cores: each round
//!                 has two Argon2id unlocks and a check that reads the whole store), and
//!                 HELPLINE_CRASH_ROUNDS_PER_STORE (default 20: a fresh store every 20 rounds, so
//!                 the checks' cost stays bounded; within a store everything acknowledged in
//!                 earlier rounds is checked again after every later kill).
//!
//! How: the test binary re-executes itself (a copy of it). The harness creates a store and per
//! round spawns the copy running only the test `writer_process` with `HELPLINE_CRASH_WRITER_DIR`
//! set; the writer unlocks and records calls, starts calls, autosaves growing notes, ends some and
//! picks up unfinished ones, printing `ack ...` after each write returns. The harness kills it
//! after a random 0-1500 ms (one round in ten within 15 ms, around process start and
//! `Store::open`), then checks the store as a freshly started app would find it. This proves
//! durability against the *process* dying at any point (the page cache survives SIGKILL); it does
//! not simulate power loss, where `synchronous=FULL` and the disk's honesty about fsync come in.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use helpline_core::store::DATABASE_FILE;
use helpline_core::{
    Call, CallContent, CaseNumber, Code, ConcernLevel, Passphrase, ReferralCode, Session, Store,
    MAX_NOTES_CHARS,
};
use rusqlite::{Connection, OpenFlags};

const ENV_DIR: &str = "HELPLINE_CRASH_WRITER_DIR";
const ENV_PASSPHRASE: &str = "HELPLINE_CRASH_PASSPHRASE";
const ENV_ROUND: &str = "HELPLINE_CRASH_ROUND";
const ENV_WRITER_SEED: &str = "HELPLINE_CRASH_WRITER_SEED";
const ENV_ROUNDS: &str = "HELPLINE_CRASH_ROUNDS";
const ENV_SEED: &str = "HELPLINE_CRASH_SEED";
const ENV_ROUNDS_PER_STORE: &str = "HELPLINE_CRASH_ROUNDS_PER_STORE";

const WRITER_TEST: &str = "writer_process";
const USER: &str = "crash";
const DEFAULT_ROUNDS: u64 = 200;
/// Every check reads the whole store, so its cost grows with the store: a fresh store every 20
/// rounds keeps 200 rounds within five minutes on two cores (see the module comment).
const DEFAULT_ROUNDS_PER_STORE: u64 = 20;
const MAX_KILL_DELAY_MS: u64 = 1500;
const EARLY_KILL_MS: u64 = 15;

// ---------------------------------------------------------------------------------------------
// Randomness and the notes text, shared by writer and harness.

/// xorshift64* seeded through splitmix64: tiny, deterministic, good enough for choosing.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform-ish in 0..n (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// Uniform-ish in lo..=hi.
    fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

const WORDS: &[&str] = &[
    "son",
    "called",
    "again",
    "worried",
    "school",
    "travel",
    "friends",
    "online",
    "weekend",
    "Malmö",
    "quiet",
    "angry",
    "phone",
    "brother",
    "ticket",
    "passport",
    "gym",
    "video",
    "night",
    "مرحبا",
    "والدة",
    "السفر",
    "قلق",
    "أخي",
    "—",
    "😟",
    "näst",
    "\"quoted\"",
    "line\nbreak",
];

/// The notes of the thing tagged `tag` after `chars` characters have been typed: a prefix of one
/// endless text per tag, so notes that grow by autosave stay recognisable, and any stored notes
/// can be checked character for character.
fn notes_text(tag: &str, chars: usize) -> String {
    let mut out = String::with_capacity(chars * 2);
    let mut count = 0;
    let push = |out: &mut String, piece: &str, count: &mut usize| -> bool {
        for c in piece.chars() {
            if *count == chars {
                return false;
            }
            out.push(c);
            *count += 1;
        }
        true
    };
    if !push(&mut out, &format!("[{tag}]"), &mut count) {
        return out;
    }
    let mut rng = Rng::new(fnv1a(tag));
    loop {
        let word = WORDS[rng.below(WORDS.len() as u64) as usize];
        if !push(&mut out, " ", &mut count) || !push(&mut out, word, &mut count) {
            return out;
        }
    }
}

/// Whether `notes` are exactly what `notes_text(tag, n)` gives for their own length n.
fn is_notes_of(tag: &str, notes: &str) -> bool {
    notes == notes_text(tag, notes.chars().count())
}

/// The tag at the start of a note written by the writer: "[d123] ..." gives "d123".
fn tag_of(notes: &str) -> Option<&str> {
    let rest = notes.strip_prefix('[')?;
    Some(&rest[..rest.find(']')?])
}

fn draft_tag(draft_id: i64) -> String {
    format!("d{draft_id}")
}

fn env_u64(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    let text = text.trim();
    match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

// ---------------------------------------------------------------------------------------------
// The writer: a child process, killed from outside.

/// NOT A REAL TEST. The child process of the crash harness: does nothing (passes at once) unless
/// the harness spawned this binary with `HELPLINE_CRASH_WRITER_DIR` set; then it writes to that
/// store forever, printing one `ack ...` line after each write returns, until it is killed.
#[test]
fn writer_process() {
    let Ok(dir) = std::env::var(ENV_DIR) else {
        return;
    };
    // Anything but being killed is a failure the harness reports (a line "fail ..." and exit 2).
    if let Err(message) = run_writer(Path::new(&dir)) {
        say(&format!("fail {message}"));
        eprintln!("crash writer failed: {message}");
        std::process::exit(2);
    }
}

/// One line to the harness, flushed before the next write starts.
fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    // A broken pipe would mean the harness is gone; nothing useful to do then.
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

fn failed(what: &str) -> impl Fn(helpline_core::Error) -> String + '_ {
    move |e| format!("{what}: {} ({e})", e.code())
}

/// A draft this writer can continue: its id, case and content as last saved.
struct OpenDraft {
    id: i64,
    number: CaseNumber,
    content: CallContent,
    chars: usize,
}

fn run_writer(dir: &Path) -> Result<(), String> {
    // libtest may have printed "test writer_process ... " without a newline.
    say("");
    let passphrase = std::env::var(ENV_PASSPHRASE).map_err(|_| "no passphrase".to_string())?;
    let round = env_u64(ENV_ROUND).ok_or("no round")?;
    let mut rng = Rng::new(env_u64(ENV_WRITER_SEED).ok_or("no writer seed")?);
    let passphrase = Passphrase::for_unlock(&passphrase).map_err(failed("passphrase"))?;

    say("opening");
    let store = Store::open(dir).map_err(failed("open"))?;
    say("opened");
    let mut session = store.unlock(USER, &passphrase).map_err(failed("unlock"))?;
    let mut cases: Vec<CaseNumber> = session
        .list_cases()
        .map_err(failed("list_cases"))?
        .into_iter()
        .map(|c| c.number)
        .collect();
    let mut drafts: Vec<OpenDraft> = session
        .unfinished_calls()
        .map_err(failed("unfinished_calls"))?
        .into_iter()
        .map(|d| OpenDraft {
            id: d.draft_id,
            number: d.number,
            chars: d.content.notes.chars().count(),
            content: d.content,
        })
        .collect();
    say("ready");

    let mut written = 0u64;
    loop {
        written += 1;
        if rng.below(3) == 0 {
            record_a_call(&mut session, &mut rng, &mut cases, round, written)?;
        } else {
            take_a_call(&mut session, &mut rng, &mut cases, &mut drafts)?;
        }
    }
}

fn pick_level(rng: &mut Rng) -> ConcernLevel {
    ConcernLevel::ALL[rng.below(ConcernLevel::ALL.len() as u64) as usize]
}

/// A whole call at once (the CLI's way), on a new case or one already in the store.
fn record_a_call(
    session: &mut Session,
    rng: &mut Rng,
    cases: &mut Vec<CaseNumber>,
    round: u64,
    written: u64,
) -> Result<(), String> {
    let existing = if cases.is_empty() || rng.below(3) == 0 {
        None
    } else {
        Some(cases[rng.below(cases.len() as u64) as usize].clone())
    };
    let tag = format!("c{round}.{written}");
    let chars = rng.between(tag.len() as u64 + 2, 2000) as usize;
    let now = Utc::now();
    let mut content = CallContent::blank();
    content.level = pick_level(rng);
    content.referrals = vec![ReferralCode::new("psychologist").map_err(failed("referral"))?];
    content.notes = notes_text(&tag, chars);
    let call = Call {
        started_at: now - chrono::Duration::minutes(rng.between(1, 90) as i64),
        ended_at: Some(now),
        content,
    };
    say("begin call");
    let number = session
        .record_call(existing.as_ref(), &call)
        .map_err(failed("record_call"))?;
    say(&format!("ack call {} {tag} {chars}", number.canonical()));
    if existing.is_none() {
        cases.push(number);
    }
    Ok(())
}

/// A call taken on the call screen: started (or an unfinished one picked up again), autosaved
/// several times with growing notes, and usually ended.
fn take_a_call(
    session: &mut Session,
    rng: &mut Rng,
    cases: &mut Vec<CaseNumber>,
    drafts: &mut Vec<OpenDraft>,
) -> Result<(), String> {
    let mut draft = if !drafts.is_empty() && rng.below(3) == 0 {
        drafts.swap_remove(rng.below(drafts.len() as u64) as usize)
    } else {
        let existing = if cases.is_empty() || rng.below(2) == 0 {
            None
        } else {
            Some(cases[rng.below(cases.len() as u64) as usize].clone())
        };
        say("begin start");
        let started = session
            .start_call(existing.as_ref())
            .map_err(failed("start_call"))?;
        say(&format!(
            "ack start {} {}",
            started.draft_id,
            started.number.canonical()
        ));
        if existing.is_none() {
            cases.push(started.number.clone());
        }
        OpenDraft {
            id: started.draft_id,
            number: started.number,
            chars: started.content.notes.chars().count(),
            content: started.content,
        }
    };
    let tag = draft_tag(draft.id);
    // Never beyond the notes limit: a long draft is ended instead of growing further.
    let room = |chars: usize| MAX_NOTES_CHARS.saturating_sub(chars + 400);
    let saves = rng.between(1, 6);
    for _ in 0..saves {
        if room(draft.chars) == 0 {
            break;
        }
        draft.chars = draft.chars.max(tag.len() + 2) + rng.between(1, 400) as usize;
        draft.content.notes = notes_text(&tag, draft.chars);
        draft.content.level = pick_level(rng);
        say("begin save");
        session
            .save_draft(draft.id, &draft.content)
            .map_err(failed("save_draft"))?;
        say(&format!(
            "ack save {} {} {}",
            draft.id,
            draft.number.canonical(),
            draft.chars
        ));
    }
    if room(draft.chars) == 0 || rng.below(3) != 0 {
        let grow = (rng.between(1, 200) as usize).min(MAX_NOTES_CHARS - draft.chars);
        draft.chars = draft.chars.max(tag.len() + 2) + grow;
        draft.content.notes = notes_text(&tag, draft.chars);
        draft.content.referrals = vec![ReferralCode::new("ngo").map_err(failed("referral"))?];
        say("begin end");
        let number = session
            .end_call(draft.id, &draft.content)
            .map_err(failed("end_call"))?;
        if number != draft.number {
            return Err(format!("end_call of draft {} gave another case", draft.id));
        }
        say(&format!(
            "ack end {} {} {}",
            draft.id,
            draft.number.canonical(),
            draft.chars
        ));
    } else {
        drafts.push(draft);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The harness.

/// What has been acknowledged so far, over all rounds on the current store.
#[derive(Default)]
struct Expected {
    /// Recorded calls: (case number, tag, notes length).
    calls: Vec<(String, String, usize)>,
    /// Unfinished calls: draft id → (case number, notes length of the last acknowledged save).
    drafts: BTreeMap<i64, (String, usize)>,
    /// Ended calls: draft id → (case number, notes length it was ended with, or at least).
    ended: BTreeMap<i64, (String, usize, bool)>,
}

impl Expected {
    fn take(&mut self, line: &str) -> Result<(), String> {
        let parts: Vec<&str> = line.split(' ').collect();
        let bad = || format!("unreadable acknowledgement {line:?}");
        let id = |s: &str| s.parse::<i64>().map_err(|_| bad());
        let len = |s: &str| s.parse::<usize>().map_err(|_| bad());
        match parts.as_slice() {
            ["ack", "call", number, tag, chars] => {
                self.calls
                    .push((number.to_string(), tag.to_string(), len(chars)?));
            }
            ["ack", "start", draft, number] => {
                self.drafts.insert(id(draft)?, (number.to_string(), 0));
            }
            ["ack", "save", draft, number, chars] => {
                let (draft, chars) = (id(draft)?, len(chars)?);
                let before = self.drafts.get(&draft).map_or(0, |d| d.1);
                if chars < before || self.ended.contains_key(&draft) {
                    return Err(format!("writer went back on draft {draft}: {line:?}"));
                }
                self.drafts.insert(draft, (number.to_string(), chars));
            }
            ["ack", "end", draft, number, chars] => {
                let draft = id(draft)?;
                self.drafts.remove(&draft);
                self.ended
                    .insert(draft, (number.to_string(), len(chars)?, true));
            }
            _ => return Err(bad()),
        }
        Ok(())
    }
}

/// Where the kill landed, as far as the writer's output tells.
#[derive(Default, Debug)]
struct Tally {
    before_open: u64,
    during_unlock: u64,
    before_first_write: u64,
    mid_write: u64,
    between_writes: u64,
    acks_by_kind: BTreeMap<String, u64>,
    /// Rounds that were killed after this many acknowledged writes: 0, 1-9, 10-99, 100+.
    acks_per_round: [u64; 4],
    /// Unacknowledged writes found to have landed (the kill came between commit and ack).
    unacked_ends_found: u64,
    unacked_saves_found: u64,
}

struct RoundOutput {
    lines: Vec<String>,
    stderr: String,
    status: std::process::ExitStatus,
}

fn run_writer_round(
    exe: &Path,
    dir: &Path,
    passphrase: &str,
    round: u64,
    writer_seed: u64,
    delay: Duration,
) -> Result<RoundOutput, String> {
    let started = Instant::now();
    let mut child = Command::new(exe)
        .args([WRITER_TEST, "--exact", "--nocapture", "--test-threads=1"])
        .env(ENV_DIR, dir)
        .env(ENV_PASSPHRASE, passphrase)
        .env(ENV_ROUND, round.to_string())
        .env(ENV_WRITER_SEED, writer_seed.to_string())
        .env("RUST_BACKTRACE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("spawning the writer {}: {e}", exe.display()))?;
    let stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<_>>()
    });
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    std::thread::sleep(delay.saturating_sub(started.elapsed()));
    // SIGKILL on Unix. An error means it is already gone, which the status below shows.
    let _ = child.kill();
    let status = child
        .wait()
        .map_err(|e| format!("waiting for the writer: {e}"))?;
    Ok(RoundOutput {
        lines: reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
        status,
    })
}

/// Opens the store as a fresh process would after the crash and checks everything acknowledged.
fn check_store(
    dir: &Path,
    passphrase: &str,
    expected: &mut Expected,
    tally: &mut Tally,
) -> Result<(), String> {
    // The file as the kill left it, before anything of ours writes to it.
    {
        let conn = Connection::open_with_flags(
            dir.join(DATABASE_FILE),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| format!("opening read-only: {e}"))?;
        let mut statement = conn
            .prepare("PRAGMA integrity_check")
            .map_err(|e| format!("integrity_check: {e}"))?;
        let result: Vec<String> = statement
            .query_map([], |row| row.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| format!("integrity_check: {e}"))?;
        if result != ["ok"] {
            return Err(format!("PRAGMA integrity_check: {result:?}"));
        }
    }
    let store = Store::open(dir).map_err(|e| format!("Store::open: {} ({e})", e.code()))?;
    let passphrase = Passphrase::for_unlock(passphrase).unwrap();
    let session = store
        .unlock(USER, &passphrase)
        .map_err(|e| format!("unlock: {} ({e})", e.code()))?;
    let report = session
        .verify()
        .map_err(|e| format!("verify: {} ({e})", e.code()))?;
    if !report.is_sound() {
        return Err(format!("verify (helpline verify) is not sound: {report:?}"));
    }

    let unfinished: HashMap<i64, _> = session
        .unfinished_calls()
        .map_err(|e| format!("unfinished_calls: {} ({e})", e.code()))?
        .into_iter()
        .map(|d| (d.draft_id, d))
        .collect();
    // Every case something was acknowledged on, read once: notes by tag.
    let mut histories: HashMap<String, HashMap<String, Vec<String>>> = HashMap::new();
    let case_numbers = expected
        .calls
        .iter()
        .map(|c| &c.0)
        .chain(expected.drafts.values().map(|d| &d.0))
        .chain(expected.ended.values().map(|d| &d.0));
    for number in case_numbers {
        if histories.contains_key(number) {
            continue;
        }
        let parsed = CaseNumber::parse(number).map_err(|e| format!("case number: {e}"))?;
        let history = session.case_history(&parsed).map_err(|e| {
            format!(
                "case {number} (acknowledged) cannot be read: {} ({e})",
                e.code()
            )
        })?;
        let mut by_tag: HashMap<String, Vec<String>> = HashMap::new();
        for recorded in history.calls {
            let notes = recorded.call.content.notes;
            let tag = tag_of(&notes)
                .ok_or_else(|| format!("case {number}: a call with notes not written here"))?
                .to_string();
            if !is_notes_of(&tag, &notes) {
                return Err(format!(
                    "case {number}: the notes of call [{tag}] are not what was written"
                ));
            }
            by_tag.entry(tag).or_default().push(notes);
        }
        histories.insert(number.clone(), by_tag);
    }

    for (number, tag, chars) in &expected.calls {
        let found = histories[number].get(tag).map_or(&[][..], Vec::as_slice);
        match found {
            [notes] if notes.chars().count() == *chars => {}
            [] => {
                return Err(format!(
                    "acknowledged recorded call [{tag}] is missing from case {number}"
                ))
            }
            more => {
                return Err(format!(
                    "acknowledged recorded call [{tag}] on case {number}: found {} call(s) with notes of {:?} chars, expected one of {chars}",
                    more.len(),
                    more.iter().map(|n| n.chars().count()).collect::<Vec<_>>()
                ))
            }
        }
    }

    for (draft, (number, chars, acknowledged)) in &expected.ended {
        if unfinished.contains_key(draft) {
            return Err(format!(
                "draft {draft} was ended (acknowledged) but is still an unfinished call"
            ));
        }
        let tag = draft_tag(*draft);
        let found = histories[number].get(&tag).map_or(&[][..], Vec::as_slice);
        match found {
            [notes] if (*acknowledged && notes.chars().count() == *chars)
                || (!*acknowledged && notes.chars().count() >= *chars) => {}
            [] => {
                return Err(format!(
                    "ended call of draft {draft} is missing from case {number}"
                ))
            }
            more => {
                return Err(format!(
                    "ended call of draft {draft} on case {number}: found {} call(s) with notes of {:?} chars, expected one of {chars}",
                    more.len(),
                    more.iter().map(|n| n.chars().count()).collect::<Vec<_>>()
                ))
            }
        }
    }

    let mut ended_unacknowledged = Vec::new();
    let mut saved_unacknowledged = Vec::new();
    for (draft, (number, chars)) in &expected.drafts {
        let tag = draft_tag(*draft);
        if let Some(found) = unfinished.get(draft) {
            let notes = &found.content.notes;
            let have = notes.chars().count();
            if found.number.canonical() != *number {
                return Err(format!(
                    "unfinished call {draft} is on another case than acknowledged"
                ));
            }
            if have < *chars {
                return Err(format!(
                    "unfinished call {draft} on case {number} has {have} characters of notes; {chars} were acknowledged"
                ));
            }
            if !is_notes_of(&tag, notes) {
                return Err(format!(
                    "unfinished call {draft} on case {number}: notes are not what was written"
                ));
            }
            if have > *chars {
                saved_unacknowledged.push((*draft, have));
            }
            continue;
        }
        // Not a draft any more: only acceptable when its end landed without being acknowledged.
        match histories[number].get(&tag).map_or(&[][..], Vec::as_slice) {
            [notes] if notes.chars().count() >= *chars => {
                ended_unacknowledged.push((*draft, number.clone(), notes.chars().count()));
            }
            [] => {
                return Err(format!(
                    "acknowledged unfinished call {draft} (notes {chars} chars) on case {number} is lost: neither unfinished nor ended"
                ))
            }
            more => {
                return Err(format!(
                    "unfinished call {draft} on case {number}: {} finished call(s) with its notes ({:?} chars, {chars} acknowledged)",
                    more.len(),
                    more.iter().map(|n| n.chars().count()).collect::<Vec<_>>()
                ))
            }
        }
    }
    // What was found durable must stay so: later rounds expect at least that much.
    for (draft, chars) in saved_unacknowledged {
        tally.unacked_saves_found += 1;
        expected.drafts.get_mut(&draft).unwrap().1 = chars;
    }
    for (draft, number, chars) in ended_unacknowledged {
        tally.unacked_ends_found += 1;
        expected.drafts.remove(&draft);
        expected.ended.insert(draft, (number, chars, false));
    }
    Ok(())
}

#[test]
fn sigkill_at_random_moments_loses_nothing_acknowledged() {
    if std::env::var_os(ENV_DIR).is_some() {
        return; // this is the writer's process
    }
    let rounds = env_u64(ENV_ROUNDS).unwrap_or(DEFAULT_ROUNDS);
    let per_store = env_u64(ENV_ROUNDS_PER_STORE)
        .unwrap_or(DEFAULT_ROUNDS_PER_STORE)
        .max(1);
    let seed = env_u64(ENV_SEED).unwrap_or_else(|| {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap();
        now.as_nanos() as u64 ^ u64::from(std::process::id())
    });
    println!(
        "crash harness: {rounds} rounds, a new store every {per_store}, seed {seed} (replay with {ENV_SEED}={seed})"
    );
    let mut rng = Rng::new(seed);

    let temp = tempfile::tempdir().unwrap();
    // The writer runs from a copy: a `cargo test` started meanwhile may rebuild this binary.
    let exe = temp.path().join("crash-writer");
    std::fs::copy(std::env::current_exe().unwrap(), &exe).unwrap();
    let passphrase = "crash test passphrase";

    let mut dir = PathBuf::new();
    let mut expected = Expected::default();
    let mut tally = Tally::default();
    let began = Instant::now();
    let (mut writing, mut checking) = (Duration::ZERO, Duration::ZERO);
    for round in 1..=rounds {
        if (round - 1) % per_store == 0 {
            // A new store; the last one is no longer needed.
            if dir.exists() {
                std::fs::remove_dir_all(&dir).unwrap();
            }
            dir = temp.path().join(format!("data-{round}"));
            let (session, _recovery) =
                Store::create(&dir, USER, &Passphrase::new(passphrase).unwrap()).unwrap();
            drop(session);
            expected = Expected::default();
        }
        // Mostly uniform over 0-1500 ms; one round in ten within the first 15 ms, where the
        // process starts and `Store::open` recovers the WAL the last kill left.
        let delay = Duration::from_millis(if rng.below(10) == 0 {
            rng.below(EARLY_KILL_MS + 1)
        } else {
            rng.below(MAX_KILL_DELAY_MS + 1)
        });
        let writer_seed = rng.next();
        let fail = |what: String| -> ! {
            panic!(
                "round {round} of {rounds} (round {} on its store; kill after {} ms), seed {seed} ({ENV_SEED}={seed} to replay): {what}",
                (round - 1) % per_store + 1,
                delay.as_millis()
            )
        };

        let t = Instant::now();
        let out = run_writer_round(&exe, &dir, passphrase, round, writer_seed, delay)
            .unwrap_or_else(|e| fail(e));
        writing += t.elapsed();
        let lines: Vec<&str> = out.lines.iter().map(|l| l.trim_end()).collect();
        if let Some(line) = lines.iter().find(|l| l.starts_with("fail ")) {
            fail(format!("the writer failed: {line}\n{}", out.stderr));
        }
        if out.status.signal() != Some(9) {
            fail(format!(
                "the writer ended by itself ({}), not by the kill\nstdout: {lines:?}\nstderr: {}",
                out.status, out.stderr
            ));
        }
        let mut acks = 0;
        for line in lines.iter().filter(|l| l.starts_with("ack ")) {
            expected.take(line).unwrap_or_else(|e| fail(e));
            acks += 1;
            let kind = line.split(' ').nth(1).unwrap_or("?").to_string();
            *tally.acks_by_kind.entry(kind).or_default() += 1;
        }
        let ours = |l: &&&str| {
            ["opening", "opened", "ready", "begin ", "ack "]
                .iter()
                .any(|p| l.starts_with(p))
        };
        match lines.iter().rev().find(ours).copied() {
            None | Some("opening") => tally.before_open += 1,
            Some("opened") => tally.during_unlock += 1,
            Some("ready") => tally.before_first_write += 1,
            Some(l) if l.starts_with("begin ") => tally.mid_write += 1,
            Some(_) => tally.between_writes += 1,
        }
        tally.acks_per_round[match acks {
            0 => 0,
            1..=9 => 1,
            10..=99 => 2,
            _ => 3,
        }] += 1;

        let t = Instant::now();
        check_store(&dir, passphrase, &mut expected, &mut tally).unwrap_or_else(|e| fail(e));
        checking += t.elapsed();
        if round % 25 == 0 && round < rounds {
            println!(
                "crash harness: {round} rounds done in {:.0} s",
                began.elapsed().as_secs_f64()
            );
        }
    }

    println!(
        "crash harness: {rounds} rounds in {:.1} s (writers {:.1} s, checks {:.1} s), seed {seed}",
        began.elapsed().as_secs_f64(),
        writing.as_secs_f64(),
        checking.as_secs_f64()
    );
    println!(
        "  killed before Store::open returned: {}, during unlock: {}, reading before the first write: {}, mid-write: {}, between writes: {}",
        tally.before_open, tally.during_unlock, tally.before_first_write, tally.mid_write, tally.between_writes
    );
    println!(
        "  acknowledged writes per round: 0: {}, 1-9: {}, 10-99: {}, 100+: {}; by kind: {:?}",
        tally.acks_per_round[0],
        tally.acks_per_round[1],
        tally.acks_per_round[2],
        tally.acks_per_round[3],
        tally.acks_by_kind
    );
    println!(
        "  unacknowledged writes found to have landed: saves {}, ends {}; on the last store: {} recorded calls, {} ended, {} unfinished expected",
        tally.unacked_saves_found,
        tally.unacked_ends_found,
        expected.calls.len(),
        expected.ended.len(),
        expected.drafts.len()
    );
}
