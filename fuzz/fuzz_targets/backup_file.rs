//! A damaged or hostile backup file: the bytes go to `BackupHeaderInfo::parse` and, written to a
//! fresh folder, to `read_backup_header`, `restore` and `verify_backup`. None may panic, and a
//! restore that fails says why with one of the backup errors (never a storage failure).
//!
//! Restoring runs Argon2id with the cost read from the header's slot copy (bounded by
//! `KdfParams::is_sane` at what the app writes, 64 MiB and three passes), which would still
//! stall the fuzzer. So the target reads the header first, with the same parser as `restore`, and restores only when the
//! slot copy it opens costs at most `MAX_KDF_KIB_PASSES`, or when the restore stops before
//! Argon2id (no such slot copy, parameters that are not sane). The seed corpus has a backup whose
//! slot copies cost 8 KiB and one pass (see `examples/make_backup_seed.rs`).
//!
//! The snapshot is sealed with the header as associated data, so only an unchanged backup
//! restores: what this target explores is the header and the errors of every step before the
//! snapshot authenticates. (Damaged store files are `store_file`'s.)
#![no_main]

use std::path::Path;

use helpline_core::store::backup::{
    read_backup_header, restore, verify_backup, BackupHeaderInfo, BackupSecret, BackupSlot,
};
use helpline_core::{Passphrase, RecoveryCode};
use libfuzzer_sys::fuzz_target;

/// The seed backup's user, passphrase and recovery code (`examples/make_backup_seed.rs`).
const USER: &str = "fuzz";
const PASSPHRASE: &str = "fuzz passphrase 1";
const RECOVERY: &str = "AEBA-GBAF-AYDQ-QCIK-BMGA-2DQP-CAIR-EEYU";

/// Argon2id's work is about memory × passes; 1 MiB-pass takes a millisecond or so.
const MAX_KDF_KIB_PASSES: u64 = 1024;

/// What a restore of a backup that is not whole may answer.
const BACKUP_ERRORS: &[&str] = &[
    "not_a_backup",
    "newer_schema",
    "backup_damaged",
    "unknown_user",
    "wrong_passphrase",
    "wrong_recovery_code",
    "key_slot_missing",
];

fuzz_target!(|data: &[u8]| {
    let parsed = BackupHeaderInfo::parse(data);
    let dir = temp_dir();
    let file = dir.path().join("helpline.backup");
    std::fs::write(&file, data).expect("writing the backup file");
    let read = read_backup_header(&file);
    assert_eq!(
        parsed.as_ref().map_err(|e| e.code()).map(|i| i.users()),
        read.as_ref().map_err(|e| e.code()).map(|i| i.users()),
        "the header reads differently from bytes and from the file"
    );
    let info = match parsed {
        Ok(info) => info,
        Err(e) => {
            assert!(
                matches!(e.code(), "not_a_backup" | "newer_schema"),
                "the header reader failed with {e:?}"
            );
            return;
        }
    };
    // What a restore screen shows agrees with the slot lookups a restore uses.
    for name in info.users() {
        assert_eq!(info.user_slot(name).and_then(BackupSlot::user), Some(name));
    }
    assert_eq!(info.has_recovery_slot(), info.recovery_slot().is_some());
    let _ = info.version();

    let (Ok(passphrase), Ok(code)) = (
        Passphrase::for_unlock(PASSPHRASE),
        RecoveryCode::parse(RECOVERY),
    ) else {
        return;
    };
    if is_cheap(info.user_slot(USER)) {
        let secret = BackupSecret::User {
            name: USER,
            passphrase: &passphrase,
        };
        match restore(&file, &dir.path().join("by-passphrase"), &secret) {
            // Only an authentic snapshot gets here: the seed's store, whose slots are cheap.
            Ok(store) => {
                if let Ok(session) = store.unlock(USER, &passphrase) {
                    let _ = session.verify();
                    let _ = session.list_cases();
                    let _ = session.lock();
                }
            }
            Err(e) => check_restore_error(&e),
        }
        if let Err(e) = verify_backup(&file, USER, &passphrase) {
            check_restore_error(&e);
        }
    }
    if is_cheap(info.recovery_slot()) {
        if let Err(e) = restore(
            &file,
            &dir.path().join("by-recovery-code"),
            &BackupSecret::Recovery(&code),
        ) {
            check_restore_error(&e);
        }
    }
});

/// Whether opening this slot copy stays cheap: there is none, its parameters are refused before
/// Argon2id, or they cost little.
fn is_cheap(slot: Option<&BackupSlot>) -> bool {
    let Some(slot) = slot else {
        return true;
    };
    let kdf = slot.kdf();
    !kdf.is_sane() || u64::from(kdf.memory_kib) * u64::from(kdf.iterations) <= MAX_KDF_KIB_PASSES
}

fn check_restore_error(e: &helpline_core::Error) {
    assert!(
        BACKUP_ERRORS.contains(&e.code()),
        "a damaged backup gave {e:?} ({})",
        e.code()
    );
}

/// A fresh folder, in memory when /dev/shm exists: a restore syncs the file it writes.
fn temp_dir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        if let Ok(dir) = tempfile::Builder::new()
            .prefix("helpline-fuzz")
            .tempdir_in(shm)
        {
            return dir;
        }
    }
    tempfile::Builder::new()
        .prefix("helpline-fuzz")
        .tempdir()
        .expect("a temporary folder")
}
