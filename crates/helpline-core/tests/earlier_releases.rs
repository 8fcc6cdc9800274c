//! Stores and backups written by earlier releases keep opening. Each folder under
//! `tests/fixtures/` was written by the release it is named after (see its README).

use std::path::{Path, PathBuf};

use helpline_core::store::backup::{restore, BackupSecret};
use helpline_core::{CaseNumber, Passphrase, RecoveryCode, Store};

fn fixture(release: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(release)
}

fn pass(text: &str) -> Passphrase {
    Passphrase::new(text).unwrap()
}

/// A copy to open: opening migrates the store, and the fixture must stay as it was written.
fn copy_of(release: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture(release).join("helpline.db"),
        dir.path().join("helpline.db"),
    )
    .unwrap();
    dir
}

#[test]
fn a_schema_3_store_opens_migrated_with_its_cases_and_trail() {
    let dir = copy_of("schema-3");
    let mut sara = Store::open(dir.path())
        .unwrap()
        .unlock("sara", &pass("fixture passphrase sara"))
        .unwrap();
    let report = sara.verify().unwrap();
    assert!(report.is_sound(), "{report:?}");
    let number = CaseNumber::parse("5896 8154 621").unwrap();
    let history = sara.case_history(&number).unwrap();
    assert_eq!(history.calls.len(), 2);
    assert!(history.calls[1].escalated, "level 1 then 2");
    let april = "2026-04".parse().unwrap();
    let counts = sara.month_counts(&[april]).unwrap();
    assert_eq!(
        counts[0]
            .1
            .tables
            .get("calls_by_channel")
            .map(|t| t.values().sum::<u64>()),
        Some(8)
    );
    // Nothing was published by that release: the register starts empty.
    assert_eq!(sara.publishing().unwrap().published().unwrap(), []);
    drop(sara);
    let omar = Store::open(dir.path())
        .unwrap()
        .unlock("omar", &pass("fixture passphrase omar"))
        .unwrap();
    assert_eq!(omar.user_name(), "omar");
}

#[test]
fn a_schema_3_backup_restores_with_a_passphrase_and_the_recovery_code() {
    let backup = fixture("schema-3").join("helpline.backup");
    let passphrase = pass("fixture passphrase sara");
    let code = RecoveryCode::parse("YREP-QIKA-4V3E-HJTI-234W-KY7E-67GM-PYZV").unwrap();
    let secrets = [
        BackupSecret::User {
            name: "sara",
            passphrase: &passphrase,
        },
        BackupSecret::Recovery(&code),
    ];
    for secret in &secrets {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("restored");
        let store = restore(&backup, &target, secret).unwrap();
        let session = match secret {
            BackupSecret::User { .. } => store.unlock("sara", &passphrase).unwrap(),
            BackupSecret::Recovery(_) => store
                .recover(&code, "sara", &pass("a new passphrase for sara"))
                .unwrap(),
        };
        assert!(session.verify().unwrap().is_sound());
        let number = CaseNumber::parse("5896 8154 621").unwrap();
        assert_eq!(session.case_history(&number).unwrap().calls.len(), 2);
    }
}
