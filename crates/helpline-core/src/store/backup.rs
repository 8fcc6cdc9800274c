//! Backups: one encrypted file with a consistent snapshot of the store, taken while it is open.
//!
//! Layout: `HLPLBAK1`, a 4-byte little-endian header length, the header (JSON: format version,
//! store id, copies of the key slots: wrapped master keys, as safe to show as in the store
//! itself), a nonce, then the snapshot sealed with AES-256-GCM under the master key's backup
//! sub-key, with the whole header as associated data. A restore opens a slot copy with a
//! passphrase or the recovery code exactly as unlocking does, so a backup needs no key of its
//! own. The snapshot is made with `VACUUM INTO`, so free pages (deleted content) never reach it.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use rusqlite::params;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::{create_private_dir, slot_place, Store, DATABASE_FILE};
use crate::crypto::{self, KdfParams, Passphrase, RecoveryCode, SecretKey, SlotSecret, SubKeys};
use crate::error::{Error, Result};
use crate::store::session::Session;
use crate::store::AuditAction;

const MAGIC: &[u8; 8] = b"HLPLBAK1";
const FORMAT_VERSION: u32 = 1;
/// A header is a few slots: anything much larger is not one of ours.
const MAX_HEADER_BYTES: usize = 1 << 20;

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    version: u32,
    store_id: String,
    slots: Vec<SlotCopy>,
    nonce: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct SlotCopy {
    id: i64,
    /// The user's name, or None for the recovery slot.
    user: Option<String>,
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
    salt: String,
    wrapped_master_key: String,
}

fn hex(bytes: &[u8]) -> String {
    data_encoding::HEXLOWER.encode(bytes)
}

fn unhex(text: &str) -> Result<Vec<u8>> {
    data_encoding::HEXLOWER
        .decode(text.as_bytes())
        .map_err(|_| Error::NotABackup)
}

/// What opens a backup: a user's passphrase, or the recovery code.
pub enum BackupSecret<'a> {
    User {
        name: &'a str,
        passphrase: &'a Passphrase,
    },
    Recovery(&'a RecoveryCode),
}

impl Session {
    /// Writes an encrypted backup of the whole store to `out` (supervisors). The file is written
    /// beside `out` and renamed into place, so a crash leaves no half backup.
    pub fn backup(&self, out: &Path) -> Result<()> {
        self.require_supervisor()?;
        let snapshot = self.snapshot()?;
        let conn = self.conn();
        let store_id: Vec<u8> =
            conn.query_row("SELECT store_id FROM store_info WHERE id = 1", [], |r| {
                r.get(0)
            })?;
        let mut statement = conn.prepare(
            "SELECT s.id, u.name, s.kdf_memory_kib, s.kdf_iterations, s.kdf_parallelism, s.salt, s.wrapped_master_key \
             FROM key_slots s LEFT JOIN users u ON u.id = s.user_id",
        )?;
        let slots = statement
            .query_map([], |r| {
                Ok(SlotCopy {
                    id: r.get(0)?,
                    user: r.get(1)?,
                    memory_kib: r.get(2)?,
                    iterations: r.get(3)?,
                    parallelism: r.get(4)?,
                    salt: hex(&r.get::<_, Vec<u8>>(5)?),
                    wrapped_master_key: hex(&r.get::<_, Vec<u8>>(6)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let nonce = crypto::random_bytes::<{ crypto::NONCE_LEN }>();
        let header = Header {
            version: FORMAT_VERSION,
            store_id: hex(&store_id),
            slots,
            nonce: hex(&nonce),
        };
        let header = serde_json::to_vec(&header).map_err(|e| Error::Storage(e.to_string()))?;
        let sealed = crypto::seal_with_nonce(&self.keys.backup, &nonce, &header, &snapshot);

        let dir = out
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut file = tempfile::NamedTempFile::new_in(dir)?;
        file.write_all(MAGIC)?;
        file.write_all(&(header.len() as u32).to_le_bytes())?;
        file.write_all(&header)?;
        file.write_all(&sealed)?;
        file.as_file().sync_all()?;
        file.persist(out)
            .map_err(|e| Error::Storage(e.error.to_string()))?;
        // Recorded once the file is in place (a snapshot cannot be taken inside a transaction,
        // so the backup never holds its own entry).
        self.audited(AuditAction::BackupTaken)
    }

    /// A consistent copy of the database, with no free pages, as bytes.
    fn snapshot(&self) -> Result<Zeroizing<Vec<u8>>> {
        let dir = self.store.path.parent().unwrap_or(Path::new("."));
        let scratch = tempfile::Builder::new()
            .prefix(".backup-")
            .tempdir_in(dir)?;
        let copy = scratch.path().join("snapshot.db");
        self.conn()
            .execute("VACUUM INTO ?1", params![copy.to_string_lossy()])?;
        Ok(Zeroizing::new(fs::read(&copy)?))
    }
}

/// Restores `backup` into `dir`, which must not hold a store yet, once `secret` has opened it.
/// The restored store is locked: unlock it with the same passphrase, or give a user a new one
/// with the recovery code ([`Store::recover`]).
pub fn restore(backup: &Path, dir: &Path, secret: &BackupSecret<'_>) -> Result<Store> {
    if Store::exists(dir) {
        return Err(Error::StoreExists(dir.display().to_string()));
    }
    let snapshot = open_backup(backup, secret)?;
    create_private_dir(dir)?;
    let path = dir.join(DATABASE_FILE);
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)?;
    file.write_all(&snapshot)?;
    file.sync_all()?;
    drop(file);
    Store::open(dir)
}

/// What a backup's header tells before any key is derived: the format version, whose
/// passphrases open it (the users with a slot copy), whether the recovery code does, and what
/// each slot copy's Argon2id costs. Reading it is cheap, so a restore screen can show it before
/// asking for a passphrase.
#[derive(Debug, Clone)]
pub struct BackupHeaderInfo {
    version: u32,
    slots: Vec<BackupSlot>,
    store_id: Vec<u8>,
    nonce: Vec<u8>,
}

/// One key-slot copy in a backup's header: a user's (opened with their passphrase) or the
/// recovery slot (opened with the recovery code).
#[derive(Debug, Clone)]
pub struct BackupSlot {
    user: Option<String>,
    kdf: KdfParams,
    id: i64,
    salt: Vec<u8>,
    wrapped_master_key: Vec<u8>,
}

impl BackupSlot {
    /// The user's name, or None for the recovery slot.
    pub fn user(&self) -> Option<&str> {
        self.user.as_deref()
    }

    /// The Argon2id cost of opening this slot copy, as read from the file (a header whose
    /// parameters are not [`KdfParams::is_sane`] is not read at all).
    pub fn kdf(&self) -> KdfParams {
        self.kdf
    }
}

impl BackupHeaderInfo {
    /// Parses the header of a backup file's bytes (magic, header length, header, hex fields,
    /// format version, Argon2id parameters no greater than the app writes). Derives no key and
    /// authenticates nothing: the header is checked only when a restore decrypts the backup.
    pub fn parse(bytes: &[u8]) -> Result<Self> {
        parse_backup(bytes).map(|(info, _, _)| info)
    }

    /// The backup format's version.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// The names of the users whose passphrase opens the backup, in the header's order.
    pub fn users(&self) -> Vec<&str> {
        self.slots.iter().filter_map(BackupSlot::user).collect()
    }

    /// Whether the recovery code opens the backup.
    pub fn has_recovery_slot(&self) -> bool {
        self.recovery_slot().is_some()
    }

    /// The slot copy that a restore with `name`'s passphrase opens.
    pub fn user_slot(&self, name: &str) -> Option<&BackupSlot> {
        self.slots.iter().find(|s| s.user() == Some(name))
    }

    /// The slot copy that a restore with the recovery code opens.
    pub fn recovery_slot(&self) -> Option<&BackupSlot> {
        self.slots.iter().find(|s| s.user.is_none())
    }
}

/// Reads the header of the backup file `backup`; see [`BackupHeaderInfo::parse`].
pub fn read_backup_header(backup: &Path) -> Result<BackupHeaderInfo> {
    BackupHeaderInfo::parse(&fs::read(backup)?)
}

/// The one parser of backup files: the header, the header's bytes (the associated data of the
/// sealed snapshot) and the sealed snapshot.
fn parse_backup(bytes: &[u8]) -> Result<(BackupHeaderInfo, &[u8], &[u8])> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(Error::NotABackup)?;
    let (length, rest) = rest.split_at_checked(4).ok_or(Error::NotABackup)?;
    let length = u32::from_le_bytes(length.try_into().map_err(|_| Error::NotABackup)?) as usize;
    if length > MAX_HEADER_BYTES {
        return Err(Error::NotABackup);
    }
    let (header_bytes, sealed) = rest.split_at_checked(length).ok_or(Error::NotABackup)?;
    // The version first, so that a newer format whose header has other fields is told apart
    // from a file that is not a backup.
    #[derive(Deserialize)]
    struct Version {
        version: u32,
    }
    let Version { version } =
        serde_json::from_slice(header_bytes).map_err(|_| Error::NotABackup)?;
    if version > FORMAT_VERSION {
        return Err(Error::NewerSchema {
            found: version.into(),
            supported: FORMAT_VERSION.into(),
        });
    }
    let header: Header = serde_json::from_slice(header_bytes).map_err(|_| Error::NotABackup)?;
    let slots = header
        .slots
        .into_iter()
        .map(|slot| {
            let slot = BackupSlot {
                kdf: KdfParams {
                    memory_kib: slot.memory_kib,
                    iterations: slot.iterations,
                    parallelism: slot.parallelism,
                },
                id: slot.id,
                salt: unhex(&slot.salt)?,
                wrapped_master_key: unhex(&slot.wrapped_master_key)?,
                user: slot.user,
            };
            // This app never wrote a slot copy like it: refused at once, never given to
            // Argon2id (a header asking for gigabytes and many passes would tie the machine up).
            if !slot.kdf.is_sane() || slot.salt.len() != crypto::SALT_LEN {
                return Err(Error::NotABackup);
            }
            Ok(slot)
        })
        .collect::<Result<Vec<_>>>()?;
    let info = BackupHeaderInfo {
        version: header.version,
        slots,
        store_id: unhex(&header.store_id)?,
        nonce: unhex(&header.nonce)?,
    };
    Ok((info, header_bytes, sealed))
}

/// Decrypts a backup with `secret`; the snapshot's bytes.
fn open_backup(backup: &Path, secret: &BackupSecret<'_>) -> Result<Zeroizing<Vec<u8>>> {
    let bytes = fs::read(backup)?;
    let (info, header_bytes, sealed) = parse_backup(&bytes)?;
    let (slot, slot_secret) = match secret {
        BackupSecret::User { name, passphrase } => (
            info.user_slot(name)
                .ok_or_else(|| Error::UnknownUser(name.to_string()))?,
            SlotSecret::Passphrase(passphrase),
        ),
        BackupSecret::Recovery(code) => (
            info.recovery_slot().ok_or(Error::KeySlotMissing)?,
            SlotSecret::Recovery(code),
        ),
    };
    let kek = crypto::derive_slot_key(&slot_secret, &slot.salt, slot.kdf)?;
    let master: SecretKey = crypto::unwrap_key(
        &kek,
        &slot_place(&info.store_id, slot.id),
        &slot.wrapped_master_key,
    )
    .ok_or(match secret {
        BackupSecret::User { .. } => Error::WrongPassphrase,
        BackupSecret::Recovery(_) => Error::WrongRecoveryCode,
    })?;
    let keys = SubKeys::derive(&master);
    crypto::open_with_nonce(&keys.backup, &info.nonce, header_bytes, sealed)
        .ok_or(Error::BackupDamaged)
}

/// Checks a backup without restoring it anywhere that lasts: decrypts it into a temporary
/// folder, unlocks it and verifies every record.
pub fn verify_backup(
    backup: &Path,
    name: &str,
    passphrase: &Passphrase,
) -> Result<crate::store::VerifyReport> {
    let scratch = tempfile::tempdir()?;
    let dir = scratch.path().join("restored");
    let store = restore(backup, &dir, &BackupSecret::User { name, passphrase })?;
    store.unlock(name, passphrase)?.verify()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Role;

    fn not_a_backup(bytes: &[u8]) -> bool {
        matches!(BackupHeaderInfo::parse(bytes), Err(Error::NotABackup))
    }

    /// `MAGIC`, the header's length and the header.
    fn framed(header: &[u8]) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&(header.len() as u32).to_le_bytes());
        bytes.extend_from_slice(header);
        bytes
    }

    #[test]
    fn the_header_tells_whose_passphrase_opens_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let passphrase = Passphrase::new("correct horse battery").unwrap();
        let (mut session, _) =
            Store::create(&dir.path().join("live"), "sara", &passphrase).unwrap();
        session
            .add_user(
                "omar",
                Role::Volunteer,
                &Passphrase::new("omar's own passphrase").unwrap(),
            )
            .unwrap();
        let file = dir.path().join("helpline.backup");
        session.backup(&file).unwrap();

        let info = read_backup_header(&file).unwrap();
        assert_eq!(info.version(), FORMAT_VERSION);
        let mut users = info.users();
        users.sort_unstable();
        assert_eq!(users, ["omar", "sara"]);
        assert!(info.has_recovery_slot());
        assert_eq!(info.recovery_slot().unwrap().user(), None);
        assert_eq!(info.user_slot("sara").unwrap().kdf(), KdfParams::CURRENT);
        assert!(info.user_slot("nobody").is_none());

        // Cut anywhere in the header, or with a length that runs past the end: not a backup.
        let bytes = fs::read(&file).unwrap();
        let length = u32::from_le_bytes(bytes[8..12].try_into().unwrap()) as usize;
        for cut in [0, 7, 8, 11, 12, 13, 12 + length / 2, 12 + length - 1] {
            assert!(not_a_backup(&bytes[..cut]), "cut at {cut}");
        }
        let mut past_the_end = bytes[..12 + length].to_vec();
        past_the_end[8..12].copy_from_slice(&(length as u32 + 1).to_le_bytes());
        assert!(not_a_backup(&past_the_end));
        let mut huge = bytes.clone();
        huge[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(not_a_backup(&huge));
        // The header alone, without the sealed snapshot, still reads (a restore says damaged).
        assert_eq!(
            BackupHeaderInfo::parse(&bytes[..12 + length])
                .unwrap()
                .users()
                .len(),
            2
        );
    }

    #[test]
    fn the_header_reader_refuses_what_is_not_a_backup() {
        // Random bytes (a fixed xorshift sequence), and the store's own file.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let random: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        assert!(not_a_backup(&random));
        assert!(not_a_backup(b"SQLite format 3\0"));
        assert!(not_a_backup(b""));
        // Framed, but not our header: not JSON, JSON of another shape, a field that is not hex.
        assert!(not_a_backup(&framed(&random[..100])));
        assert!(not_a_backup(&framed(b"[1, 2, 3]")));
        assert!(not_a_backup(&framed(b"{\"version\": 1}")));
        let header = |store_id: &str, salt: &str| {
            format!(
                "{{\"version\": 1, \"store_id\": \"{store_id}\", \"nonce\": \"000102030405060708090a0b\", \
                 \"slots\": [{{\"id\": 7, \"user\": \"sara\", \"memory_kib\": 8, \"iterations\": 1, \
                 \"parallelism\": 1, \"salt\": \"{salt}\", \"wrapped_master_key\": \"00\"}}]}}"
            )
        };
        let good = header("abcd", "00112233445566778899aabbccddeeff");
        assert_eq!(
            BackupHeaderInfo::parse(&framed(good.as_bytes()))
                .unwrap()
                .users(),
            ["sara"]
        );
        assert!(not_a_backup(&framed(header("abc", "00").as_bytes())));
        assert!(not_a_backup(&framed(header("abcd", "0g").as_bytes())));
        assert!(not_a_backup(&framed(header("abcd", "AB").as_bytes())));
        // Slot copies this app would never write: refused when the header is read.
        let with_salt = |salt: &str| header("abcd", salt);
        assert!(not_a_backup(&framed(with_salt("0011").as_bytes())));
        // A newer format is told apart, whatever its header holds.
        assert!(matches!(
            BackupHeaderInfo::parse(&framed(b"{\"version\": 2, \"other\": []}")),
            Err(Error::NewerSchema { found: 2, .. })
        ));
    }

    #[test]
    fn a_header_asking_for_more_argon2id_than_the_app_writes_is_refused_at_once() {
        let slot = |memory_kib: u32, iterations: u32, parallelism: u32| {
            format!(
                "{{\"version\": 1, \"store_id\": \"abcd\", \"nonce\": \"000102030405060708090a0b\", \
                 \"slots\": [{{\"id\": 7, \"user\": \"sara\", \"memory_kib\": {memory_kib}, \
                 \"iterations\": {iterations}, \"parallelism\": {parallelism}, \
                 \"salt\": \"00112233445566778899aabbccddeeff\", \"wrapped_master_key\": \"00\"}}]}}"
            )
        };
        let current = KdfParams::CURRENT;
        let written = slot(current.memory_kib, current.iterations, current.parallelism);
        assert!(BackupHeaderInfo::parse(&framed(written.as_bytes())).is_ok());

        let dir = tempfile::tempdir().unwrap();
        let passphrase = Passphrase::for_unlock("any passphrase at all").unwrap();
        for (memory_kib, iterations, parallelism) in [
            (4 * 1024 * 1024, 64, 1), // 4 GiB and 64 passes
            (
                current.memory_kib * 2,
                current.iterations,
                current.parallelism,
            ),
            (
                current.memory_kib,
                current.iterations + 1,
                current.parallelism,
            ),
            (current.memory_kib, current.iterations, 16),
        ] {
            let hostile = framed(slot(memory_kib, iterations, parallelism).as_bytes());
            assert!(not_a_backup(&hostile), "{memory_kib} KiB, t={iterations}");
            // Restoring and checking it stop before Argon2id, with the same answer.
            let file = dir.path().join("hostile.backup");
            fs::write(&file, &hostile).unwrap();
            let secret = BackupSecret::User {
                name: "sara",
                passphrase: &passphrase,
            };
            let err = restore(&file, &dir.path().join("restored"), &secret)
                .err()
                .unwrap();
            assert_eq!(err.code(), "not_a_backup");
            let err = verify_backup(&file, "sara", &passphrase).unwrap_err();
            assert_eq!(err.code(), "not_a_backup");
            assert!(!dir.path().join("restored").exists());
        }
    }
}
