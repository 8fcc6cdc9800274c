//! Writes the seed corpus of the `backup_file` target from the store seed `cheap-kdf.db` (made
//! by `make_store_seed.rs`, whose slots cost 8 KiB and one pass of Argon2id):
//!
//! - `cheap-kdf.backup`: `Session::backup` of that store, unlocked as user `fuzz` (passphrase
//!   `fuzz passphrase 1`); its recovery slot is first rewrapped, just as cheap, for the fixed
//!   recovery code `RECOVERY`, so the target can restore it both ways;
//! - `cheap-kdf-truncated.backup`: its first half (a whole header, part of the snapshot);
//! - `cheap-kdf-damaged-header.backup`: one hex digit of the header's nonce changed: it still
//!   parses and opens the slot copy, then fails to authenticate.
//!
//! Run from `fuzz/`:
//! `cargo run --example make_backup_seed -- corpus/store_file/cheap-kdf.db corpus/backup_file`.

use std::path::Path;

use helpline_core::crypto::{self, KdfParams, SlotSecret};
use helpline_core::store::backup::{self, BackupHeaderInfo, BackupSecret};
use helpline_core::{Passphrase, RecoveryCode, Store};
use rusqlite::{params, Connection};

const USER: &str = "fuzz";
const PASSPHRASE: &str = "fuzz passphrase 1";
/// Also in `fuzz_targets/backup_file.rs`.
const RECOVERY: &str = "AEBA-GBAF-AYDQ-QCIK-BMGA-2DQP-CAIR-EEYU";

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(store_seed), Some(out)) = (args.next(), args.next()) else {
        panic!("usage: make_backup_seed <cheap-kdf.db> <corpus dir>");
    };
    let out = Path::new(&out);
    std::fs::create_dir_all(out).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live");
    std::fs::create_dir(&live).unwrap();
    let db = live.join("helpline.db");
    std::fs::copy(&store_seed, &db).unwrap();
    let passphrase = Passphrase::for_unlock(PASSPHRASE).unwrap();
    let recovery = RecoveryCode::parse(RECOVERY).unwrap();

    // The master key from the user's slot, then the recovery slot wrapped for RECOVERY with the
    // same (cheap) parameters.
    let conn = Connection::open(&db).unwrap();
    let store_id: Vec<u8> = conn
        .query_row("SELECT store_id FROM store_info WHERE id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let store_hex: String = store_id.iter().map(|b| format!("{b:02x}")).collect();
    let aad = |id: i64| {
        crypto::place(
            "key_slots",
            &format!("{store_hex}:{id}"),
            "wrapped_master_key",
        )
    };
    type Slot = (i64, KdfParams, Vec<u8>, Vec<u8>);
    let slot = |condition: &str| -> Slot {
        conn.query_row(
            &format!(
                "SELECT id, kdf_memory_kib, kdf_iterations, kdf_parallelism, salt, \
                 wrapped_master_key FROM key_slots WHERE {condition}"
            ),
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    KdfParams {
                        memory_kib: r.get(1)?,
                        iterations: r.get(2)?,
                        parallelism: r.get(3)?,
                    },
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .unwrap()
    };
    let (user_id, user_kdf, user_salt, user_wrapped) = slot(&format!(
        "user_id = (SELECT id FROM users WHERE name = '{USER}')"
    ));
    let kek = crypto::derive_slot_key(&SlotSecret::Passphrase(&passphrase), &user_salt, user_kdf)
        .unwrap();
    let master = crypto::unwrap_key(&kek, &aad(user_id), &user_wrapped).expect("the slot opens");
    let (recovery_id, recovery_kdf, recovery_salt, _) = slot("user_id IS NULL");
    let kek = crypto::derive_slot_key(
        &SlotSecret::Recovery(&recovery),
        &recovery_salt,
        recovery_kdf,
    )
    .unwrap();
    conn.execute(
        "UPDATE key_slots SET wrapped_master_key = ?1 WHERE id = ?2",
        params![
            crypto::wrap_key(&kek, &aad(recovery_id), &master),
            recovery_id
        ],
    )
    .unwrap();
    drop(conn);

    let session = Store::open(&live)
        .unwrap()
        .unlock(USER, &passphrase)
        .unwrap();
    let file = dir.path().join("cheap-kdf.backup");
    session.backup(&file).unwrap();
    drop(session);

    // Check that it restores both ways, cheaply, and verifies.
    let info = backup::read_backup_header(&file).unwrap();
    for slot in [info.user_slot(USER), info.recovery_slot()] {
        let kdf = slot.expect("a slot copy").kdf();
        assert!(u64::from(kdf.memory_kib) * u64::from(kdf.iterations) <= 1024);
    }
    let user = BackupSecret::User {
        name: USER,
        passphrase: &passphrase,
    };
    let restored = backup::restore(&file, &dir.path().join("a"), &user).unwrap();
    assert!(restored
        .unlock(USER, &passphrase)
        .unwrap()
        .verify()
        .unwrap()
        .is_sound());
    backup::restore(
        &file,
        &dir.path().join("b"),
        &BackupSecret::Recovery(&recovery),
    )
    .unwrap();

    let bytes = std::fs::read(&file).unwrap();
    let header_end = 12 + u32::from_le_bytes(bytes[8..12].try_into().unwrap()) as usize;
    let truncated = &bytes[..bytes.len() / 2];
    assert!(truncated.len() > header_end);
    let mut damaged = bytes.clone();
    let header = std::str::from_utf8(&bytes[12..header_end]).unwrap();
    let nonce = 12 + header.find("\"nonce\":\"").unwrap() + "\"nonce\":\"".len();
    damaged[nonce] = if damaged[nonce] == b'0' { b'1' } else { b'0' };
    for (name, content) in [
        ("cheap-kdf.backup", bytes.as_slice()),
        ("cheap-kdf-truncated.backup", truncated),
        ("cheap-kdf-damaged-header.backup", damaged.as_slice()),
    ] {
        std::fs::write(out.join(name), content).unwrap();
    }
    let damaged_path = out.join("cheap-kdf-damaged-header.backup");
    assert_eq!(BackupHeaderInfo::parse(&damaged).unwrap().users(), [USER]);
    assert_eq!(
        backup::restore(&damaged_path, &dir.path().join("d"), &user)
            .err()
            .unwrap()
            .code(),
        "backup_damaged"
    );
    println!(
        "wrote {} ({} bytes), its first half and a copy with a damaged header",
        out.join("cheap-kdf.backup").display(),
        bytes.len()
    );
}
