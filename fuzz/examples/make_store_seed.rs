//! Writes the seed corpus of the `store_file` target:
//!
//! - `cheap-kdf.db`: a store with user `fuzz` (passphrase `fuzz passphrase 1`), two finished
//!   calls on one case, one unfinished call on it, and both key slots rewrapped with Argon2id
//!   at 8 KiB and one pass, so the target can unlock it (and mutations of it) in microseconds;
//! - `cheap-kdf-truncated.db`: its first half.
//!
//! Pages are 512 bytes, checkpointed into the main file, so the seed is small. Run from `fuzz/`:
//! `cargo run --example make_store_seed -- corpus/store_file`. (The store made by the CLI,
//! `cli-init.db`, is described in README.md.)

use std::path::Path;

use chrono::{TimeZone, Utc};
use helpline_core::crypto::{self, KdfParams, SlotSecret};
use helpline_core::{
    AgeBand, Call, CallContent, CallerIdentity, ConcernLevel, ContactDetails, Environment, Gender,
    Passphrase, Relationship, Situation, Store,
};
use rusqlite::{params, Connection};

const USER: &str = "fuzz";
const PASSPHRASE: &str = "fuzz passphrase 1";
const CHEAP: KdfParams = KdfParams {
    memory_kib: 8,
    iterations: 1,
    parallelism: 1,
};

fn main() {
    let out = std::env::args()
        .nth(1)
        .expect("usage: make_store_seed <corpus dir>");
    let out = Path::new(&out);
    std::fs::create_dir_all(out).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let passphrase = Passphrase::new(PASSPHRASE).unwrap();
    let (mut session, recovery) = Store::create(dir.path(), USER, &passphrase).unwrap();

    let mut first = CallContent::blank();
    first.level = ConcernLevel::StrongInterest;
    first.caller.relationship = Relationship::Mother;
    first.caller.gender = Gender::Woman;
    first.person.age_band = AgeBand::From18To20;
    first.person.situation = Situation::Radicalising;
    first.person.environment = Environment::ViolentIslamist;
    first.notes = "Första samtalet. أول مكالمة.".into();
    first.next_steps = "Call back".into();
    let at = |d: u32, h: u32| Utc.with_ymd_and_hms(2024, 3, d, h, 0, 0).unwrap();
    let number = session
        .record_call(
            None,
            &Call {
                started_at: at(4, 10),
                ended_at: Some(at(4, 11)),
                content: first.clone(),
            },
        )
        .unwrap();
    let mut second = CallContent::continuing(&first);
    second.level = ConcernLevel::InTransitCountry;
    second.caller.identity = CallerIdentity::GaveContactDetails(ContactDetails {
        name: Some("A".into()),
        phone: Some("+46 70 000 00 00".into()),
        email: None,
    });
    second.follow_up = chrono::NaiveDate::from_ymd_opt(2024, 4, 1);
    session
        .record_call(
            Some(&number),
            &Call {
                started_at: at(18, 20),
                ended_at: None,
                content: second.clone(),
            },
        )
        .unwrap();
    let draft = session.start_call(Some(&number)).unwrap();
    let mut draft_content = CallContent::continuing(&second);
    draft_content.notes = "unfinished".into();
    session.save_draft(draft.draft_id, &draft_content).unwrap();
    let store = session.lock();
    drop(store);

    // Rewrap both slots with cheap parameters: the same master key, a new slot key.
    let db = dir.path().join("helpline.db");
    let conn = Connection::open(&db).unwrap();
    let store_id: Vec<u8> = conn
        .query_row("SELECT store_id FROM store_info WHERE id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let store_hex: String = store_id.iter().map(|b| format!("{b:02x}")).collect();
    let slots: Vec<(i64, String, Vec<u8>, Vec<u8>)> = conn
        .prepare("SELECT id, kind, salt, wrapped_master_key FROM key_slots")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    for (id, kind, salt, wrapped) in slots {
        let secret = if kind == "user" {
            SlotSecret::Passphrase(&passphrase)
        } else {
            SlotSecret::Recovery(&recovery)
        };
        let aad = crypto::place(
            "key_slots",
            &format!("{store_hex}:{id}"),
            "wrapped_master_key",
        );
        let kek = crypto::derive_slot_key(&secret, &salt, KdfParams::CURRENT).unwrap();
        let master = crypto::unwrap_key(&kek, &aad, &wrapped).expect("the slot opens");
        let cheap_kek = crypto::derive_slot_key(&secret, &salt, CHEAP).unwrap();
        conn.execute(
            "UPDATE key_slots SET kdf_memory_kib = ?1, kdf_iterations = ?2, \
             kdf_parallelism = ?3, wrapped_master_key = ?4 WHERE id = ?5",
            params![
                CHEAP.memory_kib,
                CHEAP.iterations,
                CHEAP.parallelism,
                crypto::wrap_key(&cheap_kek, &aad, &master),
                id
            ],
        )
        .unwrap();
    }
    // Small pages, everything in the main file, still a WAL store as the app leaves it.
    conn.execute_batch(
        "PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM; PRAGMA journal_mode = WAL;",
    )
    .unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(conn);

    // Check that it opens and unlocks with the cheap slot.
    let session = Store::open(dir.path())
        .unwrap()
        .unlock(USER, &Passphrase::for_unlock(PASSPHRASE).unwrap())
        .unwrap();
    assert_eq!(session.case_history(&number).unwrap().calls.len(), 2);
    assert_eq!(session.unfinished_calls().unwrap().len(), 1);
    assert!(session.verify().unwrap().is_sound());
    drop(session);
    let conn = Connection::open(&db).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(conn);

    let bytes = std::fs::read(&db).unwrap();
    std::fs::write(out.join("cheap-kdf.db"), &bytes).unwrap();
    std::fs::write(
        out.join("cheap-kdf-truncated.db"),
        &bytes[..bytes.len() / 2],
    )
    .unwrap();
    println!(
        "wrote {} ({} bytes) and its first half",
        out.join("cheap-kdf.db").display(),
        bytes.len()
    );
}
