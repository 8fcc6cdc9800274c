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

/// What `schema-4/written-by.sh` put in the store, read back whole.
fn check_schema_4(session: &mut helpline_core::Session) {
    let report = session.verify().unwrap();
    assert!(report.is_sound(), "{report:?}");
    let number = CaseNumber::parse("8589 3041 929").unwrap();
    let history = session.case_history(&number).unwrap();
    let levels: Vec<u8> = history
        .calls
        .iter()
        .map(|c| c.call.content.level.step())
        .collect();
    assert_eq!(levels, [1, 0, 2]);
    let escalated: Vec<bool> = history.calls.iter().map(|c| c.escalated).collect();
    assert_eq!(
        escalated,
        [false, false, true],
        "2 rose above the assessed 1"
    );
    assert_eq!(
        history.calls[0].call.content.notes,
        "Mamma orolig.\nRinger igen på fredag."
    );
    let last = &history.calls[2].call.content;
    assert_eq!(last.next_steps, "Ring socialtjänsten");
    assert_eq!(last.follow_up, "2026-05-01".parse().ok());
    match &last.caller.identity {
        helpline_core::CallerIdentity::GaveContactDetails(contact) => {
            assert_eq!(contact.name.as_deref(), Some("Amina"))
        }
        other => panic!("contact details lost: {other:?}"),
    }
    let settings = session.settings().unwrap();
    assert_eq!(settings.retention_months, Some(120));
    let april = "2026-04".parse().unwrap();
    let published: Vec<_> = session
        .publishing()
        .unwrap()
        .published()
        .unwrap()
        .into_iter()
        .map(|p| p.months)
        .collect();
    assert_eq!(published, [vec![april]]);
    // The forgotten case's call is still counted: 2 + 7 + 1 calls in April.
    let counts = session.month_counts(&[april]).unwrap();
    assert_eq!(
        counts[0]
            .1
            .tables
            .get("calls_by_channel")
            .map(|t| t.values().sum::<u64>()),
        Some(10)
    );
    let trail = session.audit_trail().unwrap();
    assert!(trail
        .iter()
        .any(|e| matches!(e.action, helpline_core::AuditAction::CaseForgotten { .. })));
}

#[test]
fn a_schema_4_store_opens_with_everything_it_held() {
    let dir = copy_of("schema-4");
    let mut sara = Store::open(dir.path())
        .unwrap()
        .unlock("sara", &pass("fixture passphrase sara"))
        .unwrap();
    check_schema_4(&mut sara);
    drop(sara);
    let omar = Store::open(dir.path())
        .unwrap()
        .unlock("omar", &pass("fixture passphrase omar"))
        .unwrap();
    assert_eq!(omar.role(), helpline_core::Role::Volunteer);
}

#[test]
fn a_schema_4_backup_restores_with_a_passphrase_and_the_recovery_code() {
    let backup = fixture("schema-4").join("helpline.backup");
    let passphrase = pass("fixture passphrase sara");
    let code = RecoveryCode::parse("WMAP-OTAG-BIJL-PO4U-4ZZT-NE5P-J6QA-DRML").unwrap();
    for secret in [
        BackupSecret::User {
            name: "sara",
            passphrase: &passphrase,
        },
        BackupSecret::Recovery(&code),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let store = restore(&backup, &dir.path().join("restored"), &secret).unwrap();
        let mut session = match secret {
            BackupSecret::User { .. } => store.unlock("sara", &passphrase).unwrap(),
            BackupSecret::Recovery(_) => store
                .recover(&code, "sara", &pass("a new passphrase for sara"))
                .unwrap(),
        };
        check_schema_4(&mut session);
    }
}

fn pending_sign_in_reports(dir: &Path) -> i64 {
    rusqlite::Connection::open(dir.join("helpline.db"))
        .unwrap()
        .query_row("SELECT count(*) FROM failed_sign_ins", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_schema_4_store_reports_failed_sign_ins_once_this_release_has_opened_it() {
    let dir = copy_of("schema-4");
    let failed = Store::open(dir.path())
        .unwrap()
        .unlock("omar", &pass("not omar's passphrase"));
    assert_eq!(failed.err().unwrap().code(), "wrong_passphrase");
    // No session of this release has given the store its report key yet.
    assert_eq!(pending_sign_in_reports(dir.path()), 0);
    drop(
        Store::open(dir.path())
            .unwrap()
            .unlock("sara", &pass("fixture passphrase sara"))
            .unwrap(),
    );
    let failed = Store::open(dir.path())
        .unwrap()
        .unlock("omar", &pass("not omar's passphrase"));
    assert_eq!(failed.err().unwrap().code(), "wrong_passphrase");
    assert_eq!(pending_sign_in_reports(dir.path()), 1);
    let sara = Store::open(dir.path())
        .unwrap()
        .unlock("sara", &pass("fixture passphrase sara"))
        .unwrap();
    let failed: Vec<_> = sara
        .audit_trail()
        .unwrap()
        .into_iter()
        .filter(|e| {
            matches!(
                e.action,
                helpline_core::store::AuditAction::SignInFailed { .. }
            )
        })
        .collect();
    assert_eq!(failed.len(), 1);
}
