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
        Ok(())
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

/// Decrypts a backup with `secret`; the snapshot's bytes.
fn open_backup(backup: &Path, secret: &BackupSecret<'_>) -> Result<Zeroizing<Vec<u8>>> {
    let bytes = fs::read(backup)?;
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(Error::NotABackup)?;
    let (length, rest) = rest.split_at_checked(4).ok_or(Error::NotABackup)?;
    let length = u32::from_le_bytes(length.try_into().map_err(|_| Error::NotABackup)?) as usize;
    if length > MAX_HEADER_BYTES {
        return Err(Error::NotABackup);
    }
    let (header_bytes, sealed) = rest.split_at_checked(length).ok_or(Error::NotABackup)?;
    let header: Header = serde_json::from_slice(header_bytes).map_err(|_| Error::NotABackup)?;
    if header.version > FORMAT_VERSION {
        return Err(Error::NewerSchema {
            found: header.version.into(),
            supported: FORMAT_VERSION.into(),
        });
    }
    let store_id = unhex(&header.store_id)?;
    let (slot, slot_secret) = match secret {
        BackupSecret::User { name, passphrase } => (
            header
                .slots
                .iter()
                .find(|s| s.user.as_deref() == Some(*name))
                .ok_or_else(|| Error::UnknownUser(name.to_string()))?,
            SlotSecret::Passphrase(passphrase),
        ),
        BackupSecret::Recovery(code) => (
            header
                .slots
                .iter()
                .find(|s| s.user.is_none())
                .ok_or(Error::KeySlotMissing)?,
            SlotSecret::Recovery(code),
        ),
    };
    let params = KdfParams {
        memory_kib: slot.memory_kib,
        iterations: slot.iterations,
        parallelism: slot.parallelism,
    };
    if !params.is_sane() {
        return Err(Error::NotABackup);
    }
    let kek = crypto::derive_slot_key(&slot_secret, &unhex(&slot.salt)?, params)?;
    let master: SecretKey = crypto::unwrap_key(
        &kek,
        &slot_place(&store_id, slot.id),
        &unhex(&slot.wrapped_master_key)?,
    )
    .ok_or(match secret {
        BackupSecret::User { .. } => Error::WrongPassphrase,
        BackupSecret::Recovery(_) => Error::WrongRecoveryCode,
    })?;
    let keys = SubKeys::derive(&master);
    let nonce = unhex(&header.nonce)?;
    crypto::open_with_nonce(&keys.backup, &nonce, header_bytes, sealed).ok_or(Error::BackupDamaged)
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
