//! The Helpline desktop app: one window over the core's encrypted store. This crate is thin:
//! it checks every IPC argument, maps it onto helpline-core, and holds the unlocked session.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod clipboard;
mod commands;
mod dialogs;
mod lock;
mod state;
mod sync;

use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use tauri::Manager;

#[derive(Parser)]
#[command(
    name = "helpline-desktop",
    version,
    about = "The Helpline desktop app."
)]
struct Options {
    /// The data folder [default: $HELPLINE_DATA_DIR, else the system's per-user data folder].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// How long a minute of the idle lock lasts, in milliseconds (debug builds, for the e2e
    /// tests).
    #[cfg(debug_assertions)]
    #[arg(long, hide = true, value_name = "MS", value_parser = clap::value_parser!(u64).range(1..))]
    test_minute_ms: Option<u64>,
}

impl Options {
    fn minute(&self) -> Duration {
        #[cfg(debug_assertions)]
        if let Some(ms) = self.test_minute_ms {
            return Duration::from_millis(ms);
        }
        Duration::from_secs(60)
    }
}

/// Registers the handler of each command in command_list.rs (build.rs reads the same list).
macro_rules! helpline_commands {
    ($($name:ident),* $(,)?) => {
        tauri::generate_handler![$(commands::$name),*]
    };
}

fn main() {
    // The app is forms and tables: WebKitGTK's accelerated compositing buys nothing here and
    // costs about 90 MB (a GL renderer in two processes; measured in BENCHMARKS.md). Set
    // before any thread starts; a value the user set is kept.
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    let options = Options::parse();
    let minute = options.minute();
    let helpline = match helpline_app::Helpline::from_environment(options.data_dir) {
        Ok(helpline) => helpline,
        Err(e) => {
            eprintln!("helpline-desktop: {} [{}]", e.message, e.code);
            std::process::exit(1);
        }
    };
    let webview_data = helpline.data_dir().join(WEBVIEW_FOLDER);
    let result = tauri::Builder::default()
        // One instance at a time: a second start focuses the window that is already open.
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(navigation_guard())
        // Only the Rust side opens dialogs; the webview has no dialog permission.
        .plugin(tauri_plugin_dialog::init())
        .manage(state::HelplineState::new(helpline))
        .manage(lock::LockNotices::default())
        .manage(clipboard::CaseNumberClipboard::start())
        .manage(sync::Syncer::default())
        .on_window_event(clipboard::on_window_event)
        .setup(move |app| {
            open_window(app, webview_data)?;
            lock::start(app.handle(), minute);
            sync::start(app.handle());
            Ok(())
        })
        .invoke_handler(include!("command_list.rs"))
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("helpline-desktop: the window could not be opened: {e}");
        std::process::exit(1);
    }
}

/// Where WebKit keeps its own storage: inside the data folder, not in the user's profile, so
/// nothing of the app's lives outside it. The UI uses no web storage (the shell keeps its
/// language); what WebKit puts there is its caches.
const WEBVIEW_FOLDER: &str = "webview";

/// The one window. Built here rather than in tauri.conf.json, because its storage goes in the
/// data folder, which is known only at run time. (An incognito webview would keep nothing at
/// all, but WebKitGTK does not let WebDriver drive one, and the e2e tests must drive the real
/// window.)
fn open_window(app: &tauri::App, webview_data: PathBuf) -> tauri::Result<()> {
    tauri::WebviewWindowBuilder::new(app, "main", tauri::WebviewUrl::default())
        .title("Helpline")
        .inner_size(1100.0, 760.0)
        .min_inner_size(640.0, 480.0)
        .data_directory(webview_data)
        .build()?;
    Ok(())
}

/// Keeps the webview on the app's own pages: no link, redirect or script can navigate it to
/// anything else (the app works offline and must never load remote content).
fn navigation_guard<R: tauri::Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(|_webview, url| {
            let app_page = matches!(
                (url.scheme(), url.host_str()),
                ("tauri", Some("localhost")) | ("http" | "https", Some("tauri.localhost"))
            );
            if !app_page {
                eprintln!("helpline-desktop: blocked navigation away from the app");
            }
            app_page
        })
        .build()
}
