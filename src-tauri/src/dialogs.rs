//! The native file dialogs, opened from Rust only: the webview never names a path.
//!
//! WebDriver cannot drive a native dialog, so debug builds (the ones the end-to-end tests run)
//! read `HELPLINE_E2E_DIALOG_DIR`: when it is set, no dialog opens; a save goes to that folder
//! under the offered file name, and an open takes the newest file there with the wanted
//! extension. Release builds never read it.

use std::path::{Path, PathBuf};

use tauri_plugin_dialog::DialogExt;

use helpline_app::AppError;

/// The environment variable of the stand-in (debug builds only).
#[cfg(debug_assertions)]
const STAND_IN_VARIABLE: &str = "HELPLINE_E2E_DIALOG_DIR";

#[cfg(debug_assertions)]
fn stand_in() -> Option<PathBuf> {
    std::env::var_os(STAND_IN_VARIABLE)
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
}

#[cfg(not(debug_assertions))]
fn stand_in() -> Option<PathBuf> {
    None
}

fn local_path(chosen: tauri_plugin_dialog::FilePath) -> Result<PathBuf, AppError> {
    chosen
        .into_path()
        .map_err(|e| AppError::invalid_argument(format!("not a file on this computer: {e}")))
}

/// Asks where to save a file, offering `file_name`; `None` when the dialog was cancelled.
pub fn save_path<R: tauri::Runtime>(
    app: &tauri::AppHandle<R>,
    file_name: &str,
    extension: &str,
) -> Result<Option<PathBuf>, AppError> {
    if let Some(dir) = stand_in() {
        return Ok(Some(dir.join(file_name)));
    }
    app.dialog()
        .file()
        .set_file_name(file_name)
        .add_filter(extension, &[extension])
        .blocking_save_file()
        .map(local_path)
        .transpose()
}

/// Asks for a file to open with `extension`; `None` when the dialog was cancelled.
pub fn open_path<R: tauri::Runtime>(
    app: &tauri::AppHandle<R>,
    extension: &str,
) -> Result<Option<PathBuf>, AppError> {
    if let Some(dir) = stand_in() {
        return Ok(newest_with_extension(&dir, extension));
    }
    app.dialog()
        .file()
        .add_filter(extension, &[extension])
        .blocking_pick_file()
        .map(local_path)
        .transpose()
}

/// The most recently modified file in `dir` whose name ends in `.extension`.
pub fn newest_with_extension(dir: &Path, extension: &str) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|entry| entry.path().extension().is_some_and(|e| e == extension))
        .filter_map(|entry| Some((entry.metadata().ok()?.modified().ok()?, entry.path())))
        .max()
        .map(|(_, path)| path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stand_in_opens_the_newest_file_of_the_kind() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(newest_with_extension(dir.path(), "hlbak"), None);
        std::fs::write(dir.path().join("old.hlbak"), b"1").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(dir.path().join("new.hlbak"), b"2").unwrap();
        std::fs::write(dir.path().join("newer.csv"), b"3").unwrap();
        assert_eq!(
            newest_with_extension(dir.path(), "hlbak"),
            Some(dir.path().join("new.hlbak"))
        );
        assert_eq!(
            newest_with_extension(&dir.path().join("missing"), "hlbak"),
            None
        );
    }
}
