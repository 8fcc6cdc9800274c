//! The lock lives here, not in the webview: a thread that locks when the idle deadline (kept by
//! helpline-app from the input the UI reports) passes, and listeners that lock when the computer
//! is about to sleep or the desktop locks the screen. Locking drops the session, and with it
//! every key, whatever the webview is doing; the UI is told afterwards, over a channel it opened.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use helpline_app::{LockNotice, LockReason};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager};

use crate::clipboard::CaseNumberClipboard;
use crate::state::HelplineState;

/// Where the UI hears that the store locked by itself.
#[derive(Default)]
pub struct LockNotices(Mutex<Option<Channel<LockNotice>>>);

impl LockNotices {
    /// The UI's newest channel replaces an older one (a reloaded page opens a new one).
    pub fn watch(&self, channel: Channel<LockNotice>) {
        *self.channel() = Some(channel);
    }

    fn tell(&self, reason: LockReason) {
        if let Some(channel) = self.channel().as_ref() {
            // A webview that is gone or hung cannot be told; the store is locked all the same.
            if let Err(e) = channel.send(LockNotice { reason }) {
                eprintln!("helpline-desktop: the window was not told of the lock: {e}");
            }
        }
    }

    fn channel(&self) -> std::sync::MutexGuard<'_, Option<Channel<LockNotice>>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Locks the store now if it is unlocked, takes a copied case number off the clipboard, and
/// tells the UI why.
pub fn lock_now(app: &AppHandle, reason: LockReason) {
    let was_unlocked = app.state::<HelplineState>().lock();
    app.state::<CaseNumberClipboard>().take_off();
    if was_unlocked {
        app.state::<LockNotices>().tell(reason);
    }
}

/// Starts the idle thread and the suspend and screen-lock listeners. `minute` is a real minute,
/// or shorter in the e2e tests.
pub fn start(app: &AppHandle, minute: Duration) {
    let idle = app.clone();
    spawn("idle-lock", move || watch_idleness(&idle, minute));
    #[cfg(target_os = "linux")]
    for bus in [signals::Bus::System, signals::Bus::Session] {
        let app = app.clone();
        spawn(bus.thread_name(), move || {
            if let Err(e) = signals::watch_bus(&app, bus) {
                // Not fatal: the idle lock still holds. Said once, at start.
                eprintln!(
                    "helpline-desktop: not locking on {}: {e}",
                    bus.what_it_signals()
                );
            }
        });
    }
}

fn spawn(name: &str, work: impl FnOnce() + Send + 'static) {
    if let Err(e) = std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(work)
    {
        eprintln!("helpline-desktop: the {name} thread did not start: {e}");
    }
}

fn watch_idleness(app: &AppHandle, minute: Duration) {
    let tick = (minute / 4).min(Duration::from_secs(1));
    loop {
        std::thread::sleep(tick);
        let due = app
            .state::<HelplineState>()
            .with(|helpline| Ok(helpline.idle_lock_due(Instant::now(), minute)))
            .unwrap_or(false);
        if due {
            lock_now(app, LockReason::Idle);
        }
    }
}

/// The D-Bus signals that lock: logind's on the system bus, the screensaver's on the session
/// bus.
#[cfg(target_os = "linux")]
mod signals {
    use helpline_app::LockReason;
    use tauri::AppHandle;

    use super::lock_now;

    #[derive(Clone, Copy)]
    pub(super) enum Bus {
        System,
        Session,
    }

    /// A signal that locks the store: on its bus, by interface and member, from any sender. Anyone
    /// on the bus may send one; all it can do is lock, which is always safe.
    struct LockSignal {
        interface: &'static str,
        member: &'static str,
        /// PrepareForSleep and ActiveChanged carry a boolean: true going to sleep or locking.
        carries_true: bool,
        reason: LockReason,
    }

    const SYSTEM_SIGNALS: &[LockSignal] = &[
        // logind, before every suspend and hibernation.
        LockSignal {
            interface: "org.freedesktop.login1.Manager",
            member: "PrepareForSleep",
            carries_true: true,
            reason: LockReason::Suspend,
        },
        // logind, when the session is asked to lock (`loginctl lock-session`, the desktop's lock).
        LockSignal {
            interface: "org.freedesktop.login1.Session",
            member: "Lock",
            carries_true: false,
            reason: LockReason::ScreenLocked,
        },
    ];

    const SESSION_SIGNALS: &[LockSignal] = &[
        // KDE, Xfce, MATE and others.
        LockSignal {
            interface: "org.freedesktop.ScreenSaver",
            member: "ActiveChanged",
            carries_true: true,
            reason: LockReason::ScreenLocked,
        },
        LockSignal {
            interface: "org.gnome.ScreenSaver",
            member: "ActiveChanged",
            carries_true: true,
            reason: LockReason::ScreenLocked,
        },
    ];

    impl Bus {
        pub(super) fn thread_name(self) -> &'static str {
            match self {
                Bus::System => "suspend-lock",
                Bus::Session => "screen-lock",
            }
        }

        pub(super) fn what_it_signals(self) -> &'static str {
            match self {
                Bus::System => "suspend (no system bus)",
                Bus::Session => "screen lock (no session bus)",
            }
        }

        fn connect(self) -> zbus::Result<zbus::blocking::Connection> {
            match self {
                Bus::System => zbus::blocking::Connection::system(),
                Bus::Session => zbus::blocking::Connection::session(),
            }
        }

        fn signals(self) -> &'static [LockSignal] {
            match self {
                Bus::System => SYSTEM_SIGNALS,
                Bus::Session => SESSION_SIGNALS,
            }
        }
    }

    /// Listens on `bus` for as long as the app runs; returns only when the bus cannot be used.
    pub(super) fn watch_bus(app: &AppHandle, bus: Bus) -> zbus::Result<()> {
        let connection = bus.connect()?;
        let dbus = zbus::blocking::fdo::DBusProxy::new(&connection)?;
        for signal in bus.signals() {
            let rule = zbus::MatchRule::builder()
                .msg_type(zbus::message::Type::Signal)
                .interface(signal.interface)?
                .member(signal.member)?
                .build();
            dbus.add_match_rule(rule)?;
        }
        for message in zbus::blocking::MessageIterator::from(&connection) {
            let message = message?;
            let header = message.header();
            let (Some(interface), Some(member)) = (header.interface(), header.member()) else {
                continue;
            };
            let Some(signal) = bus
                .signals()
                .iter()
                .find(|s| s.interface == interface.as_str() && s.member == member.as_str())
            else {
                continue;
            };
            // A malformed body does not lock: it is not the signal the system sends.
            let locks =
                !signal.carries_true || message.body().deserialize::<bool>().unwrap_or(false);
            if locks {
                lock_now(app, signal.reason);
            }
        }
        Ok(())
    }
}
