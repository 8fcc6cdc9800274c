//! A damaged or hostile database file: the bytes become `helpline.db` in a fresh folder and
//! `Store::open` reads it. Opening must never panic, whatever the file holds.
//!
//! Unlocking runs Argon2id with the cost read from the file's key slot (bounded by
//! `KdfParams::is_sane` at what the app writes, 64 MiB and three passes), which would still
//! stall the fuzzer. So the target first reads the slot the way `Store::unlock` will (same
//! statements, plain tables only, no views or triggers) and unlocks only when that costs at
//! most `MAX_KDF_KIB_PASSES`, or when unlock stops before Argon2id (no such user, no slot, insane parameters). The seed corpus has
//! a store whose slots were rewrapped with 8 KiB and one pass (see `examples/make_store_seed.rs`),
//! so mutations of a store that really opens reach the session's reads and a few writes.
#![no_main]

use std::path::Path;

use helpline_core::{CallContent, CaseNumber, Month, Passphrase, Store};
use libfuzzer_sys::fuzz_target;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

/// The seed store's user and passphrase (`examples/make_store_seed.rs`).
const USER: &str = "fuzz";
const PASSPHRASE: &str = "fuzz passphrase 1";

/// Argon2id's work is about memory × passes; 1 MiB-pass takes a millisecond or so.
const MAX_KDF_KIB_PASSES: u64 = 1024;

fuzz_target!(|data: &[u8]| {
    let dir = temp_dir();
    let db = dir.path().join("helpline.db");
    std::fs::write(&db, data).expect("writing the database file");
    let Ok(store) = Store::open(dir.path()) else {
        return;
    };
    if !unlock_is_cheap(&db) {
        return;
    }
    let Ok(passphrase) = Passphrase::for_unlock(PASSPHRASE) else {
        return;
    };
    let Ok(mut session) = store.unlock(USER, &passphrase) else {
        return;
    };
    // Reads: everything a volunteer or supervisor can look at.
    let _ = session.users();
    let _ = session.settings();
    let _ = session.verify();
    let cases = session.list_cases();
    let drafts = session.unfinished_calls();
    // The first case listed, or any valid number (then: no such case).
    let number = match cases.as_deref() {
        Ok([first, ..]) => first.number.clone(),
        _ => CaseNumber::parse("4821 0937 558").expect("a valid case number"),
    };
    let _ = session.case_history(&number);
    if let (Ok(first), Ok(last)) = (Month::new(2024, 1), Month::new(2024, 12)) {
        let _ = session.month_counts(&first.through(last));
    }
    // A few writes on the damaged file: autosave a draft, close the case, a new call.
    if let Ok(drafts) = drafts {
        if let Some(draft) = drafts.first() {
            let _ = session.save_draft(draft.draft_id, &CallContent::continuing(&draft.content));
        }
    }
    let _ = session.set_case_open(&number, false);
    if let Ok(draft) = session.start_call(Some(&number)) {
        let _ = session.end_call(draft.draft_id, &draft.content);
    }
    let _ = session.lock();
});

/// A fresh folder, in memory when /dev/shm exists: the store syncs every write
/// (`synchronous=FULL`), which on a disk would make each input take tens of milliseconds.
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

/// Whether `Store::unlock(USER, _)` on this file stays cheap. Reads the file as unlock does and
/// answers false whenever in doubt.
fn unlock_is_cheap(db: &Path) -> bool {
    let Ok(conn) = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return false;
    };
    // As the store's own connection; a view or trigger could compute different values for the
    // two connections, so a file with any is not unlocked at all.
    if conn.pragma_update(None, "trusted_schema", "OFF").is_err() {
        return false;
    }
    let plain: rusqlite::Result<i64> = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type IN ('view', 'trigger')",
        [],
        |row| row.get(0),
    );
    if !matches!(plain, Ok(0)) {
        return false;
    }
    // Store::unlock, first statement.
    let user = match conn
        .query_row("SELECT id FROM users WHERE name = ?1", [USER], |row| {
            row.get::<_, i64>(0)
        })
        .optional()
    {
        Ok(Some(user)) => user,
        Ok(None) => return true, // unknown user: no Argon2id
        Err(_) => return false,
    };
    // Store::open_slot, with the same statement text and the same typed reads.
    let slot = conn
        .query_row(
            "SELECT id, kdf_memory_kib, kdf_iterations, kdf_parallelism, salt, wrapped_master_key \
             FROM key_slots WHERE user_id = ?1",
            params![user],
            |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, u32>(1)?,
                    row.get::<_, u32>(2)?,
                    row.get::<_, u32>(3)?,
                    row.get::<_, Vec<u8>>(4)?,
                    row.get::<_, Vec<u8>>(5)?,
                ))
            },
        )
        .optional();
    match slot {
        Ok(None) => true, // no slot: no Argon2id
        Ok(Some((_, memory_kib, iterations, parallelism, salt, _))) => {
            let params = helpline_core::crypto::KdfParams {
                memory_kib,
                iterations,
                parallelism,
            };
            if !params.is_sane() || salt.len() != helpline_core::crypto::SALT_LEN {
                return true; // refused before Argon2id
            }
            u64::from(memory_kib) * u64::from(iterations) <= MAX_KDF_KIB_PASSES
        }
        Err(_) => false,
    }
}
