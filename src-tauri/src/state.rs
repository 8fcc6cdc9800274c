//! The one [`Helpline`] the app holds, shared by the IPC commands and the shell's own lock.

use std::sync::{Mutex, MutexGuard};

use helpline_app::{AppError, AppStatus, Helpline, Lend};

pub struct HelplineState(Mutex<Helpline>);

impl HelplineState {
    pub fn new(helpline: Helpline) -> Self {
        HelplineState(Mutex::new(helpline))
    }

    pub(crate) fn helpline(&self) -> MutexGuard<'_, Helpline> {
        // A panic while the lock was held cannot leave a half-written store (every write is one
        // transaction), so a poisoned lock is safe to take over.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Locks the store; true when it was unlocked.
    pub fn lock(&self) -> bool {
        let mut helpline = self.helpline();
        let was_unlocked = matches!(helpline.status(), AppStatus::Unlocked { .. });
        helpline.lock();
        was_unlocked
    }

    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Helpline) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        f(&mut self.helpline())
    }
}

/// The background sync borrows the `Helpline` through this for each of its local steps, and
/// never holds it while it waits for the server.
impl Lend for HelplineState {
    fn lend<T>(&self, f: impl FnOnce(&mut Helpline) -> Result<T, AppError>) -> Result<T, AppError> {
        self.with(f)
    }
}
