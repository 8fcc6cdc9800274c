//! Where a store lives when nobody says otherwise.

use std::path::PathBuf;

use crate::error::{Error, Result};

/// Environment variable that points the CLI and the desktop app at another data folder.
pub const DATA_DIR_ENV: &str = "HELPLINE_DATA_DIR";

/// The data folder: `explicit` if given, else `$HELPLINE_DATA_DIR`, else the operating
/// system's per-user data folder (on Linux `~/.local/share/helpline`).
pub fn data_dir(explicit: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "helpline")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| Error::InvalidInput {
            field: "data_dir",
            reason: format!("no home folder is known; pass --data-dir or set {DATA_DIR_ENV}"),
        })
}
