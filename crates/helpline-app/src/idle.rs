//! When an unlocked store locks by itself: after the helpline's idle minutes without input, and
//! while a call is open after at least [`CALL_MINUTES`] (a volunteer may listen for a long time
//! without touching anything; a caller must not be cut off by the lock screen).
//!
//! The deadline is kept here, on the Rust side, from the input the UI reports, so a webview that
//! hangs or stops reporting is locked all the same: silence counts as idleness.

use std::time::{Duration, Instant};

use serde::Serialize;
use ts_rs::TS;

/// The shortest idle time before locking while a call is open.
pub const CALL_MINUTES: u32 = 30;

#[derive(Debug, Clone)]
pub(crate) struct IdleDeadline {
    last_input: Instant,
    minutes: u32,
    call_open: bool,
}

impl IdleDeadline {
    pub(crate) fn new(now: Instant, minutes: u32) -> IdleDeadline {
        IdleDeadline {
            last_input: now,
            minutes,
            call_open: false,
        }
    }

    /// Real input at `now`; `call_open` says whether a call is on the screen.
    pub(crate) fn note_input(&mut self, now: Instant, call_open: bool) {
        // A report that arrives out of order never moves the deadline back.
        self.last_input = self.last_input.max(now);
        self.call_open = call_open;
    }

    pub(crate) fn set_minutes(&mut self, minutes: u32) {
        self.minutes = minutes;
    }

    /// Whether the store should lock at `now`, where a minute lasts `minute` (one real minute,
    /// but shorter in the e2e tests).
    pub(crate) fn is_due(&self, now: Instant, minute: Duration) -> bool {
        let minutes = if self.call_open {
            self.minutes.max(CALL_MINUTES)
        } else {
            self.minutes.max(1)
        };
        now.saturating_duration_since(self.last_input) >= minute.saturating_mul(minutes)
    }
}

/// Why the store locked without being asked to, as the shell tells the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LockReason {
    /// No input for the idle minutes.
    Idle,
    /// The computer is going to sleep.
    Suspend,
    /// The desktop's screen lock came on.
    ScreenLocked,
}

impl LockReason {
    pub const ALL: [LockReason; 3] = [
        LockReason::Idle,
        LockReason::Suspend,
        LockReason::ScreenLocked,
    ];
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LockNotice {
    pub reason: LockReason,
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: Duration = Duration::from_secs(60);

    fn minutes(n: u64) -> Duration {
        MINUTE * u32::try_from(n).unwrap()
    }

    #[test]
    fn due_after_the_idle_minutes_without_input_and_input_postpones_it() {
        let start = Instant::now();
        let mut deadline = IdleDeadline::new(start, 5);
        assert!(!deadline.is_due(start + minutes(4), MINUTE));
        deadline.note_input(start + minutes(4), false);
        assert!(!deadline.is_due(start + minutes(8), MINUTE));
        assert!(deadline.is_due(start + minutes(9), MINUTE));
    }

    #[test]
    fn an_open_call_waits_at_least_call_minutes_then_the_normal_time_again() {
        let start = Instant::now();
        let mut deadline = IdleDeadline::new(start, 5);
        deadline.note_input(start, true);
        assert!(!deadline.is_due(start + minutes(u64::from(CALL_MINUTES) - 1), MINUTE));
        assert!(deadline.is_due(start + minutes(u64::from(CALL_MINUTES)), MINUTE));
        deadline.note_input(start, false);
        assert!(deadline.is_due(start + minutes(5), MINUTE));
    }

    #[test]
    fn a_late_report_does_not_move_the_deadline_back_and_new_minutes_count_at_once() {
        let start = Instant::now();
        let mut deadline = IdleDeadline::new(start + minutes(3), 5);
        deadline.note_input(start, false);
        assert!(!deadline.is_due(start + minutes(7), MINUTE));
        deadline.set_minutes(2);
        assert!(deadline.is_due(start + minutes(5), MINUTE));
    }

    #[test]
    fn a_shorter_minute_scales_every_limit() {
        let start = Instant::now();
        let deadline = IdleDeadline::new(start, 5);
        let short = Duration::from_millis(100);
        assert!(!deadline.is_due(start + Duration::from_millis(499), short));
        assert!(deadline.is_due(start + Duration::from_millis(500), short));
    }
}
