//! Copying a case number leaves nothing behind. The shell, not the webview, puts the number on
//! the system clipboard, marked for clipboard managers to keep out of their history, and takes
//! it off again after 30 s, when the store locks and when the window closes; but only while the
//! clipboard still holds that number, since whatever the user copied after it is theirs.
//!
//! One thread owns the system clipboard for as long as the app runs: on X11 the owner of the
//! selection serves it, so a clipboard dropped after each copy would take the number with it at
//! once (or hand it to a clipboard manager), and the same thread keeps the 30 s.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

#[cfg(target_os = "macos")]
use arboard::SetExtApple as _;
#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "android", target_os = "emscripten"))
))]
use arboard::SetExtLinux as _;
#[cfg(windows)]
use arboard::SetExtWindows as _;
use helpline_app::AppError;
use tauri::{Manager, Runtime, Window, WindowEvent};
use zeroize::Zeroizing;

/// How long a copied case number stays on the clipboard; the call screen's `copy-done` message
/// says so.
const CLEAR_AFTER: Duration = Duration::from_secs(30);

/// How long closing the window waits for the number to come off the clipboard.
const EXIT_WAIT: Duration = Duration::from_secs(2);

/// What the rule needs of a clipboard: the system's is [`SystemClipboard`].
trait ClipboardAccess {
    /// The text on the clipboard; None when it holds none or cannot be read.
    fn text(&mut self) -> Option<Zeroizing<String>>;
    /// Puts `text` on the clipboard, marked to be kept out of clipboard history.
    fn set_text(&mut self, text: &str) -> Result<(), String>;
    fn clear(&mut self) -> Result<(), String>;
}

/// The case number the shell put on the clipboard, until it takes it off.
struct Copied {
    number: Zeroizing<String>,
    clear_at: Instant,
}

/// The rule: a copied number comes off `clear_after` after it was copied, or sooner when asked,
/// and only while the clipboard still holds it.
struct Copies {
    clear_after: Duration,
    copied: Option<Copied>,
}

impl Copies {
    fn new(clear_after: Duration) -> Self {
        Copies {
            clear_after,
            copied: None,
        }
    }

    /// Puts `number` on the clipboard at `now`; copying again starts the time again.
    fn copy(
        &mut self,
        clipboard: &mut impl ClipboardAccess,
        number: Zeroizing<String>,
        now: Instant,
    ) -> Result<(), String> {
        clipboard.set_text(&number)?;
        self.copied = Some(Copied {
            number,
            clear_at: now + self.clear_after,
        });
        Ok(())
    }

    /// When the copied number is due off the clipboard; None when nothing is copied.
    fn clear_at(&self) -> Option<Instant> {
        self.copied.as_ref().map(|copied| copied.clear_at)
    }

    /// Takes the number off if its time has come by `now`.
    fn tick(&mut self, clipboard: &mut impl ClipboardAccess, now: Instant) {
        if self.clear_at().is_some_and(|at| at <= now) {
            self.take_off(clipboard);
        }
    }

    /// Takes the number off the clipboard now if it still holds it; either way it is no longer
    /// the shell's to clear.
    fn take_off(&mut self, clipboard: &mut impl ClipboardAccess) {
        let Some(copied) = self.copied.take() else {
            return;
        };
        let holds_it = clipboard.text().is_some_and(|text| *text == *copied.number);
        if holds_it {
            if let Err(e) = clipboard.clear() {
                eprintln!("helpline-desktop: the case number could not be cleared from the clipboard: {e}");
            }
        }
    }
}

/// The system clipboard through arboard, opened at the first copy and then kept.
#[derive(Default)]
struct SystemClipboard(Option<arboard::Clipboard>);

impl SystemClipboard {
    fn open(&mut self) -> Result<&mut arboard::Clipboard, String> {
        let clipboard = match self.0.take() {
            Some(clipboard) => clipboard,
            None => arboard::Clipboard::new().map_err(|e| e.to_string())?,
        };
        Ok(self.0.insert(clipboard))
    }
}

impl ClipboardAccess for SystemClipboard {
    fn text(&mut self) -> Option<Zeroizing<String>> {
        let clipboard = self.open().ok()?;
        clipboard.get_text().ok().map(Zeroizing::new)
    }

    fn set_text(&mut self, text: &str) -> Result<(), String> {
        self.open()?
            .set()
            .exclude_from_history()
            .text(text)
            .map_err(|e| e.to_string())
    }

    fn clear(&mut self) -> Result<(), String> {
        self.open()?.clear().map_err(|e| e.to_string())
    }
}

enum Request {
    Copy {
        number: Zeroizing<String>,
        done: Sender<Result<(), String>>,
    },
    TakeOff {
        done: Option<Sender<()>>,
    },
}

/// The clipboard thread: answers requests, and takes the number off when its time comes or the
/// app lets go of the thread.
fn serve(requests: Receiver<Request>, mut clipboard: impl ClipboardAccess, clear_after: Duration) {
    let mut copies = Copies::new(clear_after);
    loop {
        let request = match copies.clear_at() {
            Some(at) => requests.recv_timeout(at.saturating_duration_since(Instant::now())),
            None => requests.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match request {
            Ok(Request::Copy { number, done }) => {
                let _ = done.send(copies.copy(&mut clipboard, number, Instant::now()));
            }
            Ok(Request::TakeOff { done }) => {
                copies.take_off(&mut clipboard);
                if let Some(done) = done {
                    let _ = done.send(());
                }
            }
            Err(RecvTimeoutError::Timeout) => copies.tick(&mut clipboard, Instant::now()),
            Err(RecvTimeoutError::Disconnected) => {
                copies.take_off(&mut clipboard);
                return;
            }
        }
    }
}

/// The shell's hold on the clipboard, in managed state: requests to the clipboard thread.
pub struct CaseNumberClipboard(Sender<Request>);

impl CaseNumberClipboard {
    /// Starts the clipboard thread; the system clipboard is opened at the first copy.
    pub fn start() -> Self {
        let (requests, received) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("clipboard".to_owned())
            .spawn(move || serve(received, SystemClipboard::default(), CLEAR_AFTER));
        // Without the thread every copy is refused, and the UI offers to copy by hand.
        if let Err(e) = thread {
            eprintln!("helpline-desktop: the clipboard thread did not start: {e}");
        }
        CaseNumberClipboard(requests)
    }

    /// Puts `number` on the clipboard for [`CLEAR_AFTER`] at most.
    pub fn copy(&self, number: String) -> Result<(), AppError> {
        let (done, answer) = mpsc::channel();
        let number = Zeroizing::new(number);
        self.0
            .send(Request::Copy { number, done })
            .map_err(|_| AppError::clipboard_failed("the clipboard thread is not running"))?;
        answer
            .recv()
            .map_err(|_| AppError::clipboard_failed("the clipboard thread is not running"))?
            .map_err(|e| AppError::clipboard_failed(format!("the clipboard refused it: {e}")))
    }

    /// The store locked: the number comes off now if the clipboard still holds it.
    pub fn take_off(&self) {
        // A thread that is gone holds nothing to take off.
        let _ = self.0.send(Request::TakeOff { done: None });
    }

    /// As [`CaseNumberClipboard::take_off`], waiting (a little) until it is done, for when the
    /// app is about to end.
    fn take_off_and_wait(&self) {
        let (done, answer) = mpsc::channel();
        if self.0.send(Request::TakeOff { done: Some(done) }).is_ok() {
            let _ = answer.recv_timeout(EXIT_WAIT);
        }
    }
}

/// The window is gone, and the app with it: the number comes off first, since on some systems
/// the clipboard keeps it after the app ends.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if matches!(event, WindowEvent::Destroyed) {
        window.state::<CaseNumberClipboard>().take_off_and_wait();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    const NUMBER: &str = "4821 0937 552";

    /// An in-memory clipboard, shared with the test (the clipboard thread has its own handle).
    #[derive(Clone, Default)]
    struct FakeClipboard {
        text: Arc<Mutex<Option<String>>>,
        refuses: bool,
    }

    impl FakeClipboard {
        fn holding(text: &str) -> Self {
            let clipboard = FakeClipboard::default();
            clipboard.user_copies(text);
            clipboard
        }

        /// Someone copies `text` in another app.
        fn user_copies(&self, text: &str) {
            *self.text.lock().unwrap() = Some(text.to_owned());
        }

        fn holds(&self) -> Option<String> {
            self.text.lock().unwrap().clone()
        }
    }

    impl ClipboardAccess for FakeClipboard {
        fn text(&mut self) -> Option<Zeroizing<String>> {
            self.holds().map(Zeroizing::new)
        }

        fn set_text(&mut self, text: &str) -> Result<(), String> {
            if self.refuses {
                return Err("no display".to_owned());
            }
            self.user_copies(text);
            Ok(())
        }

        fn clear(&mut self) -> Result<(), String> {
            *self.text.lock().unwrap() = None;
            Ok(())
        }
    }

    fn number() -> Zeroizing<String> {
        Zeroizing::new(NUMBER.to_owned())
    }

    #[test]
    fn a_copied_number_comes_off_after_30_seconds_and_not_before() {
        let mut clipboard = FakeClipboard::holding("the user's own text");
        let mut copies = Copies::new(CLEAR_AFTER);
        let copied_at = Instant::now();
        copies.copy(&mut clipboard, number(), copied_at).unwrap();
        assert_eq!(clipboard.holds().as_deref(), Some(NUMBER));
        assert_eq!(copies.clear_at(), Some(copied_at + Duration::from_secs(30)));

        copies.tick(&mut clipboard, copied_at + Duration::from_secs(29));
        assert_eq!(
            clipboard.holds().as_deref(),
            Some(NUMBER),
            "at 29 s it stays"
        );
        copies.tick(&mut clipboard, copied_at + Duration::from_secs(30));
        assert_eq!(clipboard.holds(), None, "at 30 s it is gone");
        assert_eq!(copies.clear_at(), None, "nothing left to clear");
    }

    #[test]
    fn what_the_user_copied_since_is_never_cleared() {
        let mut clipboard = FakeClipboard::default();
        let mut copies = Copies::new(CLEAR_AFTER);
        let copied_at = Instant::now();
        copies.copy(&mut clipboard, number(), copied_at).unwrap();
        clipboard.user_copies("an address for the referral");
        copies.tick(&mut clipboard, copied_at + CLEAR_AFTER);
        assert_eq!(
            clipboard.holds().as_deref(),
            Some("an address for the referral")
        );
        assert_eq!(copies.clear_at(), None, "the shell lets go of it");

        // The same when the store locks.
        copies.copy(&mut clipboard, number(), copied_at).unwrap();
        clipboard.user_copies("4821 0937 55");
        copies.take_off(&mut clipboard);
        assert_eq!(clipboard.holds().as_deref(), Some("4821 0937 55"));
    }

    #[test]
    fn locking_takes_the_number_off_at_once() {
        let mut clipboard = FakeClipboard::default();
        let mut copies = Copies::new(CLEAR_AFTER);
        copies
            .copy(&mut clipboard, number(), Instant::now())
            .unwrap();
        copies.take_off(&mut clipboard);
        assert_eq!(clipboard.holds(), None);
        assert_eq!(copies.clear_at(), None);
        // A second lock, with nothing copied, leaves the user's text alone.
        clipboard.user_copies(NUMBER);
        copies.take_off(&mut clipboard);
        assert_eq!(clipboard.holds().as_deref(), Some(NUMBER));
    }

    #[test]
    fn copying_again_starts_the_time_again() {
        let mut clipboard = FakeClipboard::default();
        let mut copies = Copies::new(CLEAR_AFTER);
        let first = Instant::now();
        copies.copy(&mut clipboard, number(), first).unwrap();
        let second = first + Duration::from_secs(20);
        copies.copy(&mut clipboard, number(), second).unwrap();
        copies.tick(&mut clipboard, first + CLEAR_AFTER);
        assert_eq!(clipboard.holds().as_deref(), Some(NUMBER));
        copies.tick(&mut clipboard, second + CLEAR_AFTER);
        assert_eq!(clipboard.holds(), None);
    }

    #[test]
    fn a_refused_copy_is_not_remembered() {
        let mut clipboard = FakeClipboard {
            refuses: true,
            ..FakeClipboard::holding(NUMBER)
        };
        let mut copies = Copies::new(CLEAR_AFTER);
        assert!(copies
            .copy(&mut clipboard, number(), Instant::now())
            .is_err());
        assert_eq!(copies.clear_at(), None);
        copies.take_off(&mut clipboard);
        assert_eq!(
            clipboard.holds().as_deref(),
            Some(NUMBER),
            "the shell never put it there"
        );
    }

    /// The thread with a short time: copies, clears when the time comes, and on request.
    #[test]
    fn the_clipboard_thread_keeps_the_time_and_takes_off_on_request() {
        let clipboard = FakeClipboard::default();
        let (requests, received) = mpsc::channel();
        let served = clipboard.clone();
        let thread = std::thread::spawn(move || {
            serve(received, served, Duration::from_millis(100));
        });
        let shell = CaseNumberClipboard(requests);

        let asked = Instant::now();
        shell.copy(NUMBER.to_owned()).unwrap();
        while clipboard.holds().is_some() && asked.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(clipboard.holds(), None, "cleared when the time came");
        assert!(
            asked.elapsed() >= Duration::from_millis(100),
            "and not before"
        );

        shell.copy(NUMBER.to_owned()).unwrap();
        shell.take_off_and_wait();
        assert_eq!(clipboard.holds(), None, "cleared on request");

        // When the app lets go of the thread, the number comes off and the thread ends.
        shell.copy(NUMBER.to_owned()).unwrap();
        drop(shell);
        thread.join().unwrap();
        assert_eq!(clipboard.holds(), None);
    }
}
