//! A one-time invitation: what a new desk needs to open the helpline's data (a sealed snapshot
//! of the inviting desk's store, the sync keys and where in the log the snapshot was taken),
//! kept on the server sealed under a key only the invitation's code gives, and deleted when it
//! is used.

use helpline_core::crypto::{self, SecretKey};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::{Result, SyncError};

const ID_LEN: usize = 8;
const SECRET_LEN: usize = 16;
/// The snapshot is stored in parts of this size, so no single value on the server is huge.
pub const PART_LEN: usize = 1 << 20;

/// The code a supervisor hands to the person setting up a new desk: an id the server finds the
/// invitation by and a 128-bit secret that opens it, as 40 base32 characters in groups of four.
pub struct InvitationCode {
    pub id: [u8; ID_LEN],
    secret: Zeroizing<[u8; SECRET_LEN]>,
}

impl InvitationCode {
    pub fn random() -> Self {
        InvitationCode {
            id: crypto::random_bytes(),
            secret: Zeroizing::new(crypto::random_bytes()),
        }
    }

    /// Accepts the code with or without spaces and dashes, in either letter case.
    pub fn parse(text: &str) -> Result<Self> {
        let compact: Zeroizing<String> = Zeroizing::new(
            text.chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .map(|c| c.to_ascii_uppercase())
                .collect(),
        );
        let bytes = Zeroizing::new(
            data_encoding::BASE32_NOPAD
                .decode(compact.as_bytes())
                .map_err(|_| SyncError::InvitationInvalid)?,
        );
        if bytes.len() != ID_LEN + SECRET_LEN {
            return Err(SyncError::InvitationInvalid);
        }
        let mut secret = Zeroizing::new([0u8; SECRET_LEN]);
        secret.copy_from_slice(&bytes[ID_LEN..]);
        Ok(InvitationCode {
            id: bytes[..ID_LEN]
                .try_into()
                .map_err(|_| SyncError::InvitationInvalid)?,
            secret,
        })
    }

    pub fn display(&self) -> Zeroizing<String> {
        let mut bytes = Zeroizing::new(Vec::with_capacity(ID_LEN + SECRET_LEN));
        bytes.extend_from_slice(&self.id);
        bytes.extend_from_slice(&self.secret[..]);
        let compact = Zeroizing::new(data_encoding::BASE32_NOPAD.encode(&bytes));
        let groups: Vec<&str> = compact
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
            .collect();
        Zeroizing::new(groups.join("-"))
    }

    fn key(&self) -> SecretKey {
        SecretKey::derive_from(&self.secret[..], b"desk invitation")
    }

    fn place(&self, part: u32) -> Vec<u8> {
        crypto::place(
            "invitations",
            &data_encoding::HEXLOWER.encode(&self.id),
            &part.to_string(),
        )
    }

    /// Seals part `part` of an invitation (part 0 is the [`InvitationHeader`]).
    pub fn seal_part(&self, part: u32, plain: &[u8]) -> Vec<u8> {
        crypto::seal(&self.key(), &self.place(part), plain)
    }

    pub fn open_part(&self, part: u32, sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
        crypto::open(&self.key(), &self.place(part), sealed).ok_or(SyncError::InvitationUnknown)
    }
}

/// What an invitation says besides the snapshot.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InvitationHeader {
    pub helpline_id: String,
    /// The name the supervisor gave the new desk.
    pub desk_name: String,
    /// The position in the log the snapshot holds everything up to.
    pub cursor: i64,
    /// The sync keys by epoch (hex).
    pub epoch_keys: Vec<(u32, String)>,
    /// The desks the inviting desk knows of.
    pub desks: Vec<helpline_core::store::KnownDesk>,
    /// How many parts the snapshot has.
    pub parts: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_back_however_it_is_typed_and_opens_only_its_own_parts() {
        let code = InvitationCode::random();
        let shown = code.display();
        assert_eq!(shown.replace('-', "").len(), 39);
        let typed = shown.to_lowercase().replace('-', " ");
        let back = InvitationCode::parse(&typed).unwrap();
        assert_eq!(back.id, code.id);
        let sealed = code.seal_part(1, b"snapshot");
        assert_eq!(&back.open_part(1, &sealed).unwrap()[..], b"snapshot");
        assert!(back.open_part(2, &sealed).is_err());
        assert!(InvitationCode::random().open_part(1, &sealed).is_err());
        for bad in ["", "ABCD", &shown[..shown.len() - 2], "0000-1111"] {
            assert_eq!(
                InvitationCode::parse(bad).err().map(|e| e.code()),
                Some("invitation_invalid")
            );
        }
    }
}
