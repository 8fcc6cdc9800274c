//! A change record as the server holds it: the change, padded to a size bucket, sealed under
//! the helpline's sync key of its epoch, bound to the helpline, the epoch and the record's id.
//! The server sees the id, the epoch and the bucket, nothing else.

use helpline_core::crypto::{self, SecretKey};
use zeroize::Zeroizing;

use crate::error::{Result, SyncError};

/// The smallest size a record is padded to; each bucket is four times the one before, so a
/// record's size says only roughly how much was written (a call with short notes or long).
const SMALLEST_BUCKET: usize = 1024;
const LENGTH_PREFIX: usize = 4;

/// The padded length for a plaintext of `len` bytes (with its length prefix).
pub fn bucket(len: usize) -> usize {
    let needed = len + LENGTH_PREFIX;
    let mut size = SMALLEST_BUCKET;
    while size < needed {
        size *= 4;
    }
    size
}

fn place(helpline_id: &str, epoch: u32, record_id: &[u8]) -> Vec<u8> {
    crypto::place(
        "sync",
        &format!("{helpline_id}/{epoch}"),
        &data_encoding::HEXLOWER.encode(record_id),
    )
}

pub fn seal(
    key: &SecretKey,
    helpline_id: &str,
    epoch: u32,
    record_id: &[u8],
    change: &[u8],
) -> Vec<u8> {
    let mut padded = Zeroizing::new(vec![0u8; bucket(change.len())]);
    padded[..LENGTH_PREFIX].copy_from_slice(&(change.len() as u32).to_be_bytes());
    padded[LENGTH_PREFIX..LENGTH_PREFIX + change.len()].copy_from_slice(change);
    crypto::seal(key, &place(helpline_id, epoch, record_id), &padded)
}

pub fn open(
    key: &SecretKey,
    helpline_id: &str,
    epoch: u32,
    record_id: &[u8],
    sealed: &[u8],
) -> Result<Vec<u8>> {
    let padded = crypto::open(key, &place(helpline_id, epoch, record_id), sealed)
        .ok_or(SyncError::RecordDamaged)?;
    let (prefix, rest) = padded
        .split_at_checked(LENGTH_PREFIX)
        .ok_or(SyncError::RecordDamaged)?;
    let len = u32::from_be_bytes(prefix.try_into().map_err(|_| SyncError::RecordDamaged)?) as usize;
    rest.get(..len)
        .map(<[u8]>::to_vec)
        .ok_or(SyncError::RecordDamaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_fall_in_buckets_and_a_record_opens_only_in_its_place() {
        assert_eq!(bucket(0), 1024);
        assert_eq!(bucket(1020), 1024);
        assert_eq!(bucket(1021), 4096);
        assert_eq!(bucket(50_000), 65_536);
        let key = SecretKey::random();
        let short = seal(&key, "h", 1, b"id", b"short");
        let longer = seal(&key, "h", 1, b"id", &[7u8; 900]);
        assert_eq!(short.len(), longer.len());
        assert_eq!(open(&key, "h", 1, b"id", &short).unwrap(), b"short");
        for (helpline, epoch, id) in [
            ("other", 1, &b"id"[..]),
            ("h", 2, b"id"),
            ("h", 1, b"other"),
        ] {
            assert_eq!(
                open(&key, helpline, epoch, id, &short).unwrap_err().code(),
                "record_damaged"
            );
        }
        assert!(open(&SecretKey::random(), "h", 1, b"id", &short).is_err());
    }
}
