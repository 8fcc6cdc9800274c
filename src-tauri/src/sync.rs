//! Syncing with the helpline's other desks, in the background (DESIGN §8). One thread syncs
//! while the store is unlocked and this desk is connected: every minute, soon after each
//! finished call, and right after a sign-in. It goes through `helpline_app::sync_in_steps`,
//! which borrows the one `Helpline` only for its local steps, so the server's answers (or its
//! silence) never hold up a volunteer's call. What it last found is the quiet state the header
//! shows; a sync's error is never a dialog. "Sync now" and the supervisor's commands that talk
//! to the server run one at a time with it.

use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use helpline_app::{sync_in_steps, AppError, AppStatus, Lend, SyncReport};
use serde::Serialize;
use tauri::{AppHandle, Manager};

use crate::state::HelplineState;

/// How often a connected desk syncs by itself.
pub const PERIOD: Duration = Duration::from_secs(60);
/// How long after a finished call (or a sign-in, or connecting) the next sync starts, so the
/// call screen's next request does not wait behind it and a few changes go together.
pub const SOON: Duration = Duration::from_secs(1);
/// How often the thread looks whether the store was unlocked or locked meanwhile.
const TICK: Duration = Duration::from_secs(1);

/// The code of an error that means the server could not be reached: the desk is offline and
/// goes on working. Any other error is a problem for a supervisor.
const UNREACHABLE: &str = "server_unreachable";
/// The store locked while a sync ran: not a failure, the sync ends there.
const STORE_LOCKED: &str = "store_locked";

/// What the background sync last found, as the header shows it. `Off` while the store is
/// locked or this desk is a desk of its own (nothing is shown then).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(
    tag = "state",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum SyncState {
    Off,
    Syncing,
    /// The last sync went through, at `at`.
    Synced {
        at: DateTime<Utc>,
    },
    /// The server could not be reached since `since` (the first failed try after the last
    /// sync that went through).
    Offline {
        since: DateTime<Utc>,
        code: &'static str,
    },
    /// The server or a change refused the sync (`code`): a supervisor must look.
    Failed {
        code: &'static str,
    },
}

/// When the next sync is due, and what the last one found: the rule, apart from the thread
/// and the clock, so that it is tested on its own.
#[derive(Debug)]
struct Schedule {
    state: SyncState,
    /// The store was unlocked at the last look.
    unlocked: bool,
    /// The next sync by the minute; None until the store is first seen unlocked.
    due: Option<Instant>,
    /// A sync asked for soon (a finished call), sooner than `due`.
    soon: Option<Instant>,
}

impl Schedule {
    fn new() -> Self {
        Schedule {
            state: SyncState::Off,
            unlocked: false,
            due: None,
            soon: None,
        }
    }

    /// Whether the store is unlocked now; a sign-in brings a sync soon, a lock turns it off.
    fn note_unlocked(&mut self, unlocked: bool, now: Instant) {
        if unlocked && !self.unlocked {
            self.soon = Some(now + SOON);
        }
        if !unlocked {
            self.state = SyncState::Off;
            self.due = None;
            self.soon = None;
        }
        self.unlocked = unlocked;
    }

    /// A sync soon: at most `SOON` from now, or sooner if one was due already.
    fn ask_soon(&mut self, now: Instant) {
        let at = now + SOON;
        self.soon = Some(self.soon.map_or(at, |soon| soon.min(at)));
    }

    fn is_due(&self, now: Instant) -> bool {
        self.unlocked
            && (self.soon.is_some_and(|soon| soon <= now) || self.due.is_some_and(|due| due <= now))
    }

    /// How long the thread may sleep before it looks again.
    fn wait(&self, now: Instant) -> Duration {
        [self.soon, self.due]
            .into_iter()
            .flatten()
            .map(|at| at.saturating_duration_since(now))
            .fold(TICK, Duration::min)
    }

    /// A sync starts: the next one by the minute counts from now.
    fn started(&mut self, now: Instant) {
        self.soon = None;
        self.due = Some(now + PERIOD);
    }

    /// This desk is not connected (or the store locked before the sync began).
    fn off(&mut self) {
        self.state = SyncState::Off;
    }

    /// What a sync that ran found, at `at`.
    fn finished(&mut self, result: &Result<SyncReport, AppError>, at: DateTime<Utc>) {
        self.state = match result {
            Ok(_) => SyncState::Synced { at },
            Err(e) if e.code == STORE_LOCKED => SyncState::Off,
            Err(e) if e.code == UNREACHABLE => match self.state {
                // Still offline: since the first try that failed.
                SyncState::Offline { since, .. } => SyncState::Offline {
                    since,
                    code: e.code,
                },
                _ => SyncState::Offline {
                    since: at,
                    code: e.code,
                },
            },
            Err(e) => SyncState::Failed { code: e.code },
        };
    }
}

type Watcher = Box<dyn Fn(&SyncState) + Send>;

struct Shared {
    schedule: Schedule,
    /// While a sync runs, the state before it: a sync that only finds "offline" again does
    /// not lose the time it has been offline since.
    before: Option<SyncState>,
    /// Told each new state: the UI's channel (`watch_sync`).
    watcher: Option<Watcher>,
}

/// The background sync's state and schedule, shared by its thread and the commands.
pub struct Syncer {
    shared: Mutex<Shared>,
    wake: Condvar,
    /// Held for a whole sync, or for a command that talks to the server (connect, invite,
    /// join): one at a time, so two never push the same outbox or file the same batch.
    running: Mutex<()>,
}

impl Default for Syncer {
    fn default() -> Self {
        Syncer {
            shared: Mutex::new(Shared {
                schedule: Schedule::new(),
                before: None,
                watcher: None,
            }),
            wake: Condvar::new(),
            running: Mutex::new(()),
        }
    }
}

fn take<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // Nothing here is left half-done by a panic: the state is a value, the schedule times.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Syncer {
    /// The UI's newest watcher replaces an older one (a reloaded page opens a new channel);
    /// it is told the state at once.
    pub fn watch(&self, watcher: impl Fn(&SyncState) + Send + 'static) {
        let mut shared = take(&self.shared);
        watcher(&shared.schedule.state);
        shared.watcher = Some(Box::new(watcher));
    }

    #[cfg(test)]
    fn state(&self) -> SyncState {
        take(&self.shared).schedule.state.clone()
    }

    /// A change for the other desks was written (a call ended): sync soon.
    pub fn soon(&self) {
        take(&self.shared).schedule.ask_soon(Instant::now());
        self.wake.notify_all();
    }

    /// One command that talks to the server at a time, and never during a sync.
    pub fn one_at_a_time(&self) -> MutexGuard<'_, ()> {
        take(&self.running)
    }

    fn change(&self, f: impl FnOnce(&mut Shared)) {
        let mut shared = take(&self.shared);
        let old = shared.schedule.state.clone();
        f(&mut shared);
        if shared.schedule.state != old {
            if let Some(watcher) = &shared.watcher {
                watcher(&shared.schedule.state);
            }
        }
    }

    /// Syncs now, if this desk is connected, and keeps what it found as the state. Waits for a
    /// sync or a server command already running. Not connected: the application layer's own
    /// refusal.
    pub fn sync(&self, helpline: &impl Lend) -> Result<SyncReport, AppError> {
        let _one = self.one_at_a_time();
        self.change(|shared| shared.schedule.started(Instant::now()));
        let connected = helpline.lend(|h| Ok(h.sync_status()?.connected));
        match connected {
            Ok(true) => {}
            Ok(false) => {
                self.change(|shared| shared.schedule.off());
                // Says why, without going near a server.
                return sync_in_steps(helpline);
            }
            Err(e) => {
                if e.code == STORE_LOCKED {
                    self.change(|shared| shared.schedule.off());
                }
                return Err(e);
            }
        }
        self.change(|shared| {
            shared.before = Some(shared.schedule.state.clone());
            shared.schedule.state = SyncState::Syncing;
        });
        let result = sync_in_steps(helpline);
        self.change(|shared| {
            if let Some(before) = shared.before.take() {
                shared.schedule.state = before;
            }
            shared.schedule.finished(&result, Utc::now());
        });
        result
    }

    /// Looks whether the store is unlocked, and syncs when a sync is due; then waits until the
    /// next look (at most a second, woken early by [`Syncer::soon`]).
    fn step(&self, helpline: &HelplineState) {
        let unlocked = helpline
            .with(|h| Ok(matches!(h.status(), AppStatus::Unlocked { .. })))
            .unwrap_or(false);
        let now = Instant::now();
        let mut due = false;
        self.change(|shared| {
            shared.schedule.note_unlocked(unlocked, now);
            due = shared.schedule.is_due(now);
        });
        if due {
            if let Err(e) = self.sync(helpline) {
                // The state says it, quietly; the code (never a message with an address in
                // it) for whoever reads the log.
                if e.code != STORE_LOCKED && e.code != UNREACHABLE {
                    eprintln!("helpline-desktop: the background sync failed [{}]", e.code);
                }
            }
        }
        let shared = take(&self.shared);
        let wait = shared.schedule.wait(Instant::now());
        if !wait.is_zero() {
            // A spurious or early wake-up only means an early look.
            let _ = self.wake.wait_timeout(shared, wait);
        }
    }
}

/// Starts the background sync's thread, for as long as the app runs.
pub fn start(app: &AppHandle) {
    let app = app.clone();
    if let Err(e) = std::thread::Builder::new()
        .name("sync".to_owned())
        .spawn(move || loop {
            app.state::<Syncer>().step(&app.state::<HelplineState>());
        })
    {
        eprintln!("helpline-desktop: the sync thread did not start: {e}");
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use helpline_app::Helpline;
    use zeroize::Zeroizing;

    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn error(code: &'static str) -> Result<SyncReport, AppError> {
        Err(AppError::new(code, "for the test"))
    }

    #[test]
    fn a_sign_in_brings_a_sync_soon_and_then_one_a_minute() {
        let start = Instant::now();
        let mut schedule = Schedule::new();
        assert!(!schedule.is_due(start + PERIOD * 10), "locked: never");
        schedule.note_unlocked(true, start);
        assert!(!schedule.is_due(start));
        assert!(schedule.is_due(start + SOON));
        schedule.started(start + SOON);
        schedule.finished(&Ok(SyncReport::default()), at("2026-03-02T10:00:00Z"));
        assert!(!schedule.is_due(start + SOON + PERIOD / 2));
        assert!(schedule.is_due(start + SOON + PERIOD));
        assert_eq!(
            schedule.wait(start + SOON),
            TICK,
            "it still looks every second"
        );
    }

    #[test]
    fn a_finished_call_brings_the_next_sync_forward() {
        let start = Instant::now();
        let mut schedule = Schedule::new();
        schedule.note_unlocked(true, start);
        schedule.started(start);
        let call = start + Duration::from_secs(10);
        schedule.ask_soon(call);
        assert!(!schedule.is_due(call));
        assert!(schedule.is_due(call + SOON));
        assert!(schedule.wait(call) <= SOON);
        // Another call meanwhile does not push it further away.
        schedule.ask_soon(call + SOON / 2);
        assert!(schedule.is_due(call + SOON));
    }

    #[test]
    fn a_lock_turns_it_off_until_the_next_sign_in() {
        let start = Instant::now();
        let mut schedule = Schedule::new();
        schedule.note_unlocked(true, start);
        schedule.started(start);
        schedule.finished(&Ok(SyncReport::default()), at("2026-03-02T10:00:00Z"));
        schedule.ask_soon(start);
        schedule.note_unlocked(false, start + SOON);
        assert_eq!(schedule.state, SyncState::Off);
        assert!(!schedule.is_due(start + PERIOD * 2));
        schedule.note_unlocked(true, start + PERIOD * 3);
        assert!(schedule.is_due(start + PERIOD * 3 + SOON));
    }

    #[test]
    fn offline_keeps_the_time_it_began_and_a_refusal_is_a_problem() {
        let mut schedule = Schedule::new();
        schedule.finished(&Ok(SyncReport::default()), at("2026-03-02T10:00:00Z"));
        schedule.finished(&error(UNREACHABLE), at("2026-03-02T10:01:00Z"));
        schedule.finished(&error(UNREACHABLE), at("2026-03-02T10:02:00Z"));
        assert_eq!(
            schedule.state,
            SyncState::Offline {
                since: at("2026-03-02T10:01:00Z"),
                code: UNREACHABLE
            }
        );
        schedule.finished(&error("case_number_collision"), at("2026-03-02T10:03:00Z"));
        assert_eq!(
            schedule.state,
            SyncState::Failed {
                code: "case_number_collision"
            }
        );
        schedule.finished(&error(STORE_LOCKED), at("2026-03-02T10:04:00Z"));
        assert_eq!(schedule.state, SyncState::Off);
        schedule.finished(&Ok(SyncReport::default()), at("2026-03-02T10:05:00Z"));
        assert_eq!(
            schedule.state,
            SyncState::Synced {
                at: at("2026-03-02T10:05:00Z")
            }
        );
    }

    #[test]
    fn the_state_crosses_ipc_as_the_ui_reads_it() {
        let json = |state: SyncState| serde_json::to_value(state).unwrap();
        assert_eq!(json(SyncState::Off), serde_json::json!({ "state": "off" }));
        assert_eq!(
            json(SyncState::Synced {
                at: at("2026-03-02T10:00:00Z")
            }),
            serde_json::json!({ "state": "synced", "at": "2026-03-02T10:00:00Z" })
        );
        assert_eq!(
            json(SyncState::Offline {
                since: at("2026-03-02T10:00:00Z"),
                code: UNREACHABLE
            }),
            serde_json::json!({ "state": "offline", "since": "2026-03-02T10:00:00Z", "code": "server_unreachable" })
        );
        assert_eq!(
            json(SyncState::Failed {
                code: "server_refused"
            }),
            serde_json::json!({ "state": "failed", "code": "server_refused" })
        );
    }

    /// A desk of its own: syncing is the application layer's refusal, the state stays off, and
    /// the watcher hears the state once, when it starts watching.
    #[test]
    fn a_desk_that_is_not_connected_stays_off() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = Helpline::new(dir.path().join("data"));
        helpline
            .set_up("Maja", Zeroizing::new("the current passphrase".to_owned()))
            .unwrap();
        let state = HelplineState::new(helpline);
        let syncer = Syncer::default();
        let heard = Arc::new(Mutex::new(Vec::new()));
        let log = heard.clone();
        syncer.watch(move |state| log.lock().unwrap().push(state.clone()));
        let refused = syncer.sync(&state).unwrap_err();
        assert_eq!(refused.code, "desk_not_connected");
        assert_eq!(syncer.state(), SyncState::Off);
        assert_eq!(*heard.lock().unwrap(), vec![SyncState::Off]);

        state.lock();
        let locked = syncer.sync(&state).unwrap_err();
        assert_eq!(locked.code, STORE_LOCKED);
        assert_eq!(syncer.state(), SyncState::Off);
    }
}
