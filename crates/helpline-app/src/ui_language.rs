//! The language the UI was last shown in, kept in a small file in the data folder so the next
//! start (the unlock screen first) speaks it. The webview is incognito and keeps nothing of its
//! own, so this is the only place the choice survives a restart.

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::AppError;

/// One of the languages the UI speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum UiLanguage {
    En,
    Sv,
    Ar,
}

impl UiLanguage {
    pub const ALL: [UiLanguage; 3] = [UiLanguage::En, UiLanguage::Sv, UiLanguage::Ar];

    fn code(self) -> &'static str {
        match self {
            UiLanguage::En => "en",
            UiLanguage::Sv => "sv",
            UiLanguage::Ar => "ar",
        }
    }

    pub(crate) fn from_code(code: &str) -> Option<UiLanguage> {
        UiLanguage::ALL.into_iter().find(|l| l.code() == code)
    }
}

const FILE: &str = "ui-language";

/// The language last chosen, or None before any choice.
pub(crate) fn read(data_dir: &Path) -> Result<Option<UiLanguage>, AppError> {
    let path = data_dir.join(FILE);
    let text = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(storage_failed(&path, &e.to_string())),
    };
    let code = std::str::from_utf8(&text).unwrap_or_default().trim();
    UiLanguage::from_code(code).map(Some).ok_or_else(|| {
        storage_failed(
            &path,
            "it holds no language this app speaks; choose the language again to rewrite it",
        )
    })
}

/// Keeps `language` for the next start; written whole or not at all.
pub(crate) fn write(data_dir: &Path, language: UiLanguage) -> Result<(), AppError> {
    let path = data_dir.join(FILE);
    let failed = |e: std::io::Error| storage_failed(&path, &e.to_string());
    std::fs::create_dir_all(data_dir).map_err(failed)?;
    let mut file = tempfile::NamedTempFile::new_in(data_dir).map_err(failed)?;
    file.write_all(language.code().as_bytes()).map_err(failed)?;
    file.persist(&path).map_err(|e| failed(e.error))?;
    Ok(())
}

fn storage_failed(path: &Path, why: &str) -> AppError {
    AppError::new(
        "storage_failed",
        format!(
            "the UI language in {} could not be used: {why}",
            path.display()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_survives_and_a_damaged_file_is_an_error_not_a_default() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        assert_eq!(read(&data).unwrap(), None);
        for language in UiLanguage::ALL {
            write(&data, language).unwrap();
            assert_eq!(read(&data).unwrap(), Some(language));
        }
        std::fs::write(data.join(FILE), "klingon").unwrap();
        assert_eq!(read(&data).unwrap_err().code, "storage_failed");
        std::fs::write(data.join(FILE), [0xff, 0xfe]).unwrap();
        assert_eq!(read(&data).unwrap_err().code, "storage_failed");
        write(&data, UiLanguage::Sv).unwrap();
        assert_eq!(read(&data).unwrap(), Some(UiLanguage::Sv));
    }
}
