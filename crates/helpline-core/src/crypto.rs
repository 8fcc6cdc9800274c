//! The key hierarchy of DESIGN §4, built from RustCrypto crates only: Argon2id for passphrases
//! and the recovery code, HKDF-SHA256 for sub-keys, AES-256-GCM for every sealed value and
//! HMAC-SHA256 for the case-number blind index. Every key lives in a [`SecretKey`], which is
//! wiped when dropped.

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use argon2::{Algorithm, Argon2, Params, Version};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use unicode_normalization::UnicodeNormalization;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::error::{Error, Result};

pub const KEY_LEN: usize = 32;
pub const NONCE_LEN: usize = 12;
pub const SALT_LEN: usize = 16;
/// Shortest passphrase accepted, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 10;
/// Longest passphrase accepted, in characters (a bound on what is hashed, not a hint).
pub const MAX_PASSPHRASE_CHARS: usize = 1024;

/// A 256-bit key that is zeroised when dropped and never printed.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct SecretKey([u8; KEY_LEN]);

impl SecretKey {
    pub fn random() -> Self {
        let mut key = [0u8; KEY_LEN];
        rand::rngs::OsRng.fill_bytes(&mut key);
        SecretKey(key)
    }

    fn from_slice(bytes: &[u8]) -> Option<Self> {
        let array: [u8; KEY_LEN] = bytes.try_into().ok()?;
        Some(SecretKey(array))
    }

    /// The key as hex, to be kept inside a sealed record (a desk's sync keys).
    pub fn to_hex(&self) -> Zeroizing<String> {
        Zeroizing::new(data_encoding::HEXLOWER.encode(&self.0))
    }

    pub fn from_hex(text: &str) -> Option<Self> {
        let bytes = Zeroizing::new(data_encoding::HEXLOWER.decode(text.as_bytes()).ok()?);
        SecretKey::from_slice(&bytes)
    }

    /// A key for one `purpose` from a secret with at least 128 bits of entropy (a one-time
    /// invitation), with HKDF-SHA256; a secret a person chose goes through Argon2id instead.
    pub fn derive_from(secret: &[u8], purpose: &[u8]) -> Self {
        let mut key = SecretKey([0u8; KEY_LEN]);
        Hkdf::<Sha256>::new(Some(b"helpline/v1/derived"), secret)
            .expand(purpose, &mut key.0)
            .expect("32 bytes is a valid HKDF-SHA256 output length");
        key
    }
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(…)")
    }
}

pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes
}

/// A random positive 63-bit row id: ids are random so that they reveal no order of writing.
pub fn random_row_id() -> i64 {
    (rand::rngs::OsRng.next_u64() >> 1) as i64
}

/// A user's passphrase, normalised to Unicode NFC so that "å" typed on any keyboard is the same
/// passphrase. Wiped when dropped.
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// For a new passphrase: checks the length rules.
    pub fn new(text: &str) -> Result<Self> {
        let normalised = Passphrase::normalise(text);
        let chars = normalised.0.chars().count();
        if chars < MIN_PASSPHRASE_CHARS {
            return Err(Error::PassphraseTooShort {
                min: MIN_PASSPHRASE_CHARS,
                max: MAX_PASSPHRASE_CHARS,
            });
        }
        if chars > MAX_PASSPHRASE_CHARS {
            return Err(Error::PassphraseTooLong {
                max: MAX_PASSPHRASE_CHARS,
            });
        }
        Ok(normalised)
    }

    /// For unlocking: any text, since the rules may have changed after it was set; a wrong one
    /// simply does not open the slot.
    pub fn for_unlock(text: &str) -> Result<Self> {
        if text.chars().count() > MAX_PASSPHRASE_CHARS {
            return Err(Error::PassphraseTooLong {
                max: MAX_PASSPHRASE_CHARS,
            });
        }
        Ok(Passphrase::normalise(text))
    }

    fn normalise(text: &str) -> Self {
        Passphrase(Zeroizing::new(text.nfc().collect()))
    }

    fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// For "type it again" checks; constant-time is not needed between two things one person typed.
    pub fn same_as(&self, other: &Passphrase) -> bool {
        self.0 == other.0
    }
}

/// The code shown once at set-up that opens the store when every passphrase is forgotten:
/// 160 random bits written as 32 base32 characters in groups of four.
pub struct RecoveryCode(Zeroizing<Vec<u8>>);

const RECOVERY_BYTES: usize = 20;

impl RecoveryCode {
    pub fn random() -> Self {
        RecoveryCode(Zeroizing::new(random_bytes::<RECOVERY_BYTES>().to_vec()))
    }

    /// Reads a code however it was written down: any case, with or without spaces and dashes.
    pub fn parse(text: &str) -> Result<Self> {
        let compact: Zeroizing<String> = Zeroizing::new(
            text.chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .map(|c| match c.to_ascii_uppercase() {
                    // The alphabet has no 0, 1 or 8: read back from paper they are O, I and B.
                    '0' => 'O',
                    '1' => 'I',
                    '8' => 'B',
                    other => other,
                })
                .collect(),
        );
        match data_encoding::BASE32_NOPAD.decode(compact.as_bytes()) {
            Ok(bytes) if bytes.len() == RECOVERY_BYTES => Ok(RecoveryCode(Zeroizing::new(bytes))),
            _ => Err(Error::InvalidInput {
                field: "recovery_code",
                reason: "a recovery code is 32 letters and digits 2-7, in groups of four".into(),
            }),
        }
    }

    /// "ABCD-EFGH-…": the form shown to the supervisor to write down.
    pub fn display(&self) -> Zeroizing<String> {
        let plain = Zeroizing::new(data_encoding::BASE32_NOPAD.encode(&self.0));
        let groups: Vec<&str> = plain
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or(""))
            .collect();
        Zeroizing::new(groups.join("-"))
    }

    fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

/// Argon2id cost parameters, stored in each key slot so they can be raised later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl KdfParams {
    /// What new slots use: 64 MiB, three passes (DESIGN §4's floor).
    pub const CURRENT: KdfParams = KdfParams {
        memory_kib: 64 * 1024,
        iterations: 3,
        parallelism: 1,
    };

    /// Parameters read from a file (a key slot, a backup's header) are checked before use and
    /// capped at what this build writes, [`KdfParams::CURRENT`]: a damaged or hostile file
    /// cannot make unlocking or restoring take more memory or time than a real one. (Raising
    /// CURRENT raises the cap; no release has written more.)
    pub fn is_sane(&self) -> bool {
        (8..=Self::CURRENT.memory_kib).contains(&self.memory_kib)
            && (1..=Self::CURRENT.iterations).contains(&self.iterations)
            && (1..=Self::CURRENT.parallelism).contains(&self.parallelism)
            && self.memory_kib >= 8 * self.parallelism
    }
}

/// The key-encryption key of a slot, from a passphrase or the recovery code.
pub enum SlotSecret<'a> {
    Passphrase(&'a Passphrase),
    Recovery(&'a RecoveryCode),
}

pub fn derive_slot_key(
    secret: &SlotSecret<'_>,
    salt: &[u8],
    params: KdfParams,
) -> Result<SecretKey> {
    let argon = Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(
            params.memory_kib,
            params.iterations,
            params.parallelism,
            Some(KEY_LEN),
        )
        .map_err(|e| Error::Storage(format!("key slot parameters: {e}")))?,
    );
    let input = match secret {
        SlotSecret::Passphrase(p) => p.as_bytes(),
        SlotSecret::Recovery(r) => r.as_bytes(),
    };
    let mut key = SecretKey([0u8; KEY_LEN]);
    argon
        .hash_password_into(input, salt, &mut key.0)
        .map_err(|e| Error::Storage(format!("key derivation: {e}")))?;
    Ok(key)
}

/// Associated data that binds a sealed value to where it belongs. Moving a ciphertext to
/// another table, row or column makes it fail to open.
pub fn place(table: &str, row: &str, column: &str) -> Vec<u8> {
    format!("helpline/v1/{table}/{row}/{column}").into_bytes()
}

/// Seals with AES-256-GCM under a fresh random nonce; the output is nonce ‖ ciphertext ‖ tag.
pub fn seal(key: &SecretKey, aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
    let cipher = Aes256Gcm::new((&key.0).into());
    let nonce = random_bytes::<NONCE_LEN>();
    let ciphertext = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .expect("AES-GCM encryption fails only for inputs over 64 GiB");
    let mut out = Vec::with_capacity(NONCE_LEN + ciphertext.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&ciphertext);
    out
}

/// Seals under a nonce the caller chose and stores elsewhere (a backup keeps it in its
/// header); the output is ciphertext ‖ tag. The nonce must be fresh and random.
pub fn seal_with_nonce(
    key: &SecretKey,
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    plaintext: &[u8],
) -> Vec<u8> {
    Aes256Gcm::new((&key.0).into())
        .encrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .expect("AES-GCM encryption fails only for inputs over 64 GiB")
}

/// Opens what [`seal_with_nonce`] made.
pub fn open_with_nonce(
    key: &SecretKey,
    nonce: &[u8],
    aad: &[u8],
    sealed: &[u8],
) -> Option<Zeroizing<Vec<u8>>> {
    if nonce.len() != NONCE_LEN {
        return None;
    }
    Aes256Gcm::new((&key.0).into())
        .decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad })
        .ok()
        .map(Zeroizing::new)
}

/// Opens what [`seal`] made; None when the key, the place or a single bit is wrong.
pub fn open(key: &SecretKey, aad: &[u8], sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    if sealed.len() < NONCE_LEN {
        return None;
    }
    let (nonce, ciphertext) = sealed.split_at(NONCE_LEN);
    let cipher = Aes256Gcm::new((&key.0).into());
    cipher
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad,
            },
        )
        .ok()
        .map(Zeroizing::new)
}

pub fn wrap_key(kek: &SecretKey, aad: &[u8], key: &SecretKey) -> Vec<u8> {
    seal(kek, aad, &key.0)
}

pub fn unwrap_key(kek: &SecretKey, aad: &[u8], wrapped: &[u8]) -> Option<SecretKey> {
    open(kek, aad, wrapped).and_then(|bytes| SecretKey::from_slice(&bytes))
}

/// One key per purpose, derived from the master key with HKDF-SHA256.
pub struct SubKeys {
    /// Wraps each case's own key.
    pub case_wrap: SecretKey,
    /// Keys the HMAC blind index of case numbers.
    pub case_index: SecretKey,
    /// Seals store-wide values: user roles, settings.
    pub store: SecretKey,
    /// Seals backup files.
    pub backup: SecretKey,
    /// Seals the entries of the audit trail.
    pub audit: SecretKey,
    /// Keys the HMAC that chains each audit entry to the one before.
    pub audit_chain: SecretKey,
    /// The seed of the key pair failed sign-ins are sealed to (see [`SignInReportKeys`]).
    pub sign_in_reports: SecretKey,
}

impl SubKeys {
    pub fn derive(master: &SecretKey) -> Self {
        let hkdf = Hkdf::<Sha256>::new(Some(b"helpline/v1/subkeys"), &master.0);
        let expand = |info: &[u8]| {
            let mut key = SecretKey([0u8; KEY_LEN]);
            hkdf.expand(info, &mut key.0)
                .expect("32 bytes is a valid HKDF-SHA256 output length");
            key
        };
        SubKeys {
            case_wrap: expand(b"case key wrapping"),
            case_index: expand(b"case number blind index"),
            store: expand(b"store values"),
            backup: expand(b"backup files"),
            audit: expand(b"audit trail entries"),
            audit_chain: expand(b"audit trail chain"),
            sign_in_reports: expand(b"failed sign-in reports"),
        }
    }
}

/// HPKE (RFC 9180: X25519, HKDF-SHA256, AES-256-GCM, base mode) for what the unlock screen must
/// write before anyone has unlocked: a failed sign-in. The public half is stored in plain, so a
/// report can be sealed with no key at all; only an unlocked session derives the private half
/// from its sub-key and opens the reports.
pub struct SignInReportKeys {
    private: <SignInKem as hpke::Kem>::PrivateKey,
    public: <SignInKem as hpke::Kem>::PublicKey,
}

type SignInKem = hpke::kem::X25519HkdfSha256;
type SignInKdf = hpke::kdf::HkdfSha256;
type SignInAead = hpke::aead::AesGcm256;
/// Length of the encapsulated key in front of each sealed report.
const SIGN_IN_ENCAPPED_LEN: usize = 32;

impl SignInReportKeys {
    pub fn derive(keys: &SubKeys) -> Self {
        let (private, public) = <SignInKem as hpke::Kem>::derive_keypair(&keys.sign_in_reports.0);
        SignInReportKeys { private, public }
    }

    pub fn public_key(&self) -> Vec<u8> {
        hpke::Serializable::to_bytes(&self.public).to_vec()
    }

    /// None: the report was not sealed to this store's key, or was altered.
    pub fn open(&self, context: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
        if sealed.len() < SIGN_IN_ENCAPPED_LEN {
            return None;
        }
        let (encapped, ciphertext) = sealed.split_at(SIGN_IN_ENCAPPED_LEN);
        let encapped =
            <<SignInKem as hpke::Kem>::EncappedKey as hpke::Deserializable>::from_bytes(encapped)
                .ok()?;
        hpke::single_shot_open::<SignInAead, SignInKdf, SignInKem>(
            &hpke::OpModeR::Base,
            &self.private,
            &encapped,
            context,
            ciphertext,
            b"",
        )
        .ok()
    }
}

/// A desk's own key pair, from a random seed it keeps sealed in its store: when a desk is
/// removed, the new sync key reaches each remaining desk sealed to its public key (the same
/// HPKE as sign-in reports).
pub struct DeskKeys(SignInReportKeys);

impl DeskKeys {
    pub fn from_seed(seed: &SecretKey) -> Self {
        let (private, public) = <SignInKem as hpke::Kem>::derive_keypair(&seed.0);
        DeskKeys(SignInReportKeys { private, public })
    }

    pub fn public_key(&self) -> Vec<u8> {
        self.0.public_key()
    }

    /// None: not sealed to this desk, or altered.
    pub fn open(&self, context: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
        self.0.open(context, sealed)
    }
}

/// Seals `secret` to a desk's public key; `context` binds it to its purpose. None: not a key.
pub fn seal_to_desk(public_key: &[u8], context: &[u8], secret: &[u8]) -> Option<Vec<u8>> {
    seal_sign_in_report(public_key, context, secret)
}

/// Seals a report to a store's public sign-in report key; `context` binds it to that store.
/// None: the stored public key is not a key (the file was edited).
pub fn seal_sign_in_report(public_key: &[u8], context: &[u8], report: &[u8]) -> Option<Vec<u8>> {
    let public =
        <<SignInKem as hpke::Kem>::PublicKey as hpke::Deserializable>::from_bytes(public_key)
            .ok()?;
    let (encapped, ciphertext) = hpke::single_shot_seal::<SignInAead, SignInKdf, SignInKem, _>(
        &hpke::OpModeS::Base,
        &public,
        context,
        report,
        b"",
        &mut rand::rngs::OsRng,
    )
    .ok()?;
    let mut sealed = hpke::Serializable::to_bytes(&encapped).to_vec();
    sealed.extend_from_slice(&ciphertext);
    Some(sealed)
}

/// HMAC-SHA256 of a canonical case number: lets the store find a case by its number without
/// storing the number.
pub fn blind_index(key: &SecretKey, canonical: &str) -> [u8; 32] {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(&key.0).expect("HMAC takes keys of any length");
    mac.update(canonical.as_bytes());
    mac.finalize().into_bytes().into()
}

/// HMAC-SHA256 over `parts`, one after the other. The caller makes the concatenation
/// unambiguous (fixed-length parts, or a length-delimited last part).
pub fn hmac_sha256(key: &SecretKey, parts: &[&[u8]]) -> [u8; 32] {
    hmac_of(key, parts).finalize().into_bytes().into()
}

/// Whether `tag` is the HMAC-SHA256 of `parts`; compared in constant time.
pub fn hmac_sha256_matches(key: &SecretKey, parts: &[&[u8]], tag: &[u8]) -> bool {
    hmac_of(key, parts).verify_slice(tag).is_ok()
}

fn hmac_of(key: &SecretKey, parts: &[&[u8]]) -> Hmac<Sha256> {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(&key.0).expect("HMAC takes keys of any length");
    for part in parts {
        mac.update(part);
    }
    mac
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sign_in_report_opens_only_with_its_stores_keys_and_context() {
        let keys = SignInReportKeys::derive(&SubKeys::derive(&SecretKey::random()));
        let sealed = seal_sign_in_report(&keys.public_key(), b"store 1", b"omar").unwrap();
        assert_eq!(
            keys.open(b"store 1", &sealed).as_deref(),
            Some(&b"omar"[..])
        );
        assert_eq!(
            keys.open(b"store 2", &sealed),
            None,
            "another store's report"
        );
        let other = SignInReportKeys::derive(&SubKeys::derive(&SecretKey::random()));
        assert_eq!(other.open(b"store 1", &sealed), None, "another store's key");
        let mut altered = sealed.clone();
        *altered.last_mut().unwrap() ^= 1;
        assert_eq!(keys.open(b"store 1", &altered), None);
        assert_eq!(keys.open(b"store 1", &sealed[..10]), None);
        assert!(seal_sign_in_report(b"not a key", b"store 1", b"omar").is_none());
        // The same master key always gives the same pair: nothing else needs storing.
        let master = SecretKey::random();
        assert_eq!(
            SignInReportKeys::derive(&SubKeys::derive(&master)).public_key(),
            SignInReportKeys::derive(&SubKeys::derive(&master)).public_key()
        );
    }

    #[test]
    fn sealed_values_open_only_in_their_place() {
        let key = SecretKey::random();
        let sealed = seal(
            &key,
            &place("calls", "7", "notes"),
            b"worried about her son",
        );
        assert_eq!(
            open(&key, &place("calls", "7", "notes"), &sealed)
                .unwrap()
                .as_slice(),
            b"worried about her son"
        );
        assert!(open(&key, &place("calls", "8", "notes"), &sealed).is_none());
        assert!(open(&key, &place("calls", "7", "details"), &sealed).is_none());
        assert!(open(&SecretKey::random(), &place("calls", "7", "notes"), &sealed).is_none());
        let mut flipped = sealed.clone();
        flipped[NONCE_LEN + 3] ^= 1;
        assert!(open(&key, &place("calls", "7", "notes"), &flipped).is_none());
        assert!(open(&key, b"", &sealed[..5]).is_none());
    }

    #[test]
    fn sealing_twice_gives_different_ciphertexts() {
        let key = SecretKey::random();
        assert_ne!(seal(&key, b"a", b"same"), seal(&key, b"a", b"same"));
    }

    #[test]
    fn sub_keys_differ_per_purpose_and_are_stable() {
        let master = SecretKey::random();
        let a = SubKeys::derive(&master);
        let b = SubKeys::derive(&master);
        assert_eq!(a.case_index.0, b.case_index.0);
        assert_ne!(a.case_index.0, a.case_wrap.0);
        assert_ne!(a.store.0, a.case_wrap.0);
        assert_eq!(a.audit.0, b.audit.0);
        assert_eq!(a.audit_chain.0, b.audit_chain.0);
        let all = [
            &a.case_wrap,
            &a.case_index,
            &a.store,
            &a.backup,
            &a.audit,
            &a.audit_chain,
        ];
        for (i, x) in all.iter().enumerate() {
            for y in &all[i + 1..] {
                assert_ne!(x.0, y.0, "every purpose has its own key");
            }
        }
        assert_eq!(
            blind_index(&a.case_index, "12345678901"),
            blind_index(&b.case_index, "12345678901")
        );
        assert_ne!(
            blind_index(&a.case_index, "12345678901"),
            blind_index(&a.case_index, "12345678902")
        );
    }

    #[test]
    fn hmac_over_parts_is_the_hmac_of_their_concatenation() {
        let key = SecretKey::random();
        let tag = hmac_sha256(&key, &[b"ab", b"", b"cd"]);
        assert_eq!(tag, hmac_sha256(&key, &[b"abcd"]));
        assert_ne!(tag, hmac_sha256(&key, &[b"abce"]));
        assert_ne!(tag, hmac_sha256(&SecretKey::random(), &[b"abcd"]));
        assert!(hmac_sha256_matches(&key, &[b"a", b"bcd"], &tag));
        assert!(!hmac_sha256_matches(&key, &[b"abcd"], &tag[..31]));
        let mut wrong = tag;
        wrong[0] ^= 1;
        assert!(!hmac_sha256_matches(&key, &[b"abcd"], &wrong));
    }

    #[test]
    fn passphrases_are_normalised_and_checked() {
        let composed = Passphrase::new("blåbärssylt!").unwrap();
        let decomposed = Passphrase::new("bla\u{30a}ba\u{308}rssylt!").unwrap();
        assert_eq!(composed.as_bytes(), decomposed.as_bytes());
        assert_eq!(
            Passphrase::new("short").err().unwrap().code(),
            "passphrase_too_short"
        );
        assert_eq!(
            Passphrase::new(&"x".repeat(1025)).err().unwrap().code(),
            "passphrase_too_long"
        );
        assert!(Passphrase::for_unlock("old").is_ok());
    }

    #[test]
    fn recovery_codes_read_back_however_written() {
        let code = RecoveryCode::random();
        let shown = code.display();
        assert_eq!(shown.len(), 32 + 7);
        let typed = shown.to_lowercase().replace('-', " ");
        assert_eq!(
            RecoveryCode::parse(&typed).unwrap().as_bytes(),
            code.as_bytes()
        );
        assert_eq!(
            RecoveryCode::parse("ABCD-EFGH").err().unwrap().code(),
            "invalid_argument"
        );
    }

    #[test]
    fn a_recovery_code_read_back_with_0_1_or_8_means_o_i_and_b() {
        // A code with every one of O, I and B in it, as the supervisor wrote it down.
        let written = "OIBA-OIBA-OIBA-OIBA-OIBA-OIBA-OIBA-OIBA";
        let code = RecoveryCode::parse(written).unwrap();
        for misread in [
            "0IBA-0IBA-0IBA-0IBA-0IBA-0IBA-0IBA-0IBA",
            "o18a-o18a-o18a-o18a-o18a-o18a-o18a-o18a",
            "01BA 01BA 01BA 01BA 01BA 01BA 01BA 01BA",
        ] {
            assert_eq!(
                RecoveryCode::parse(misread).unwrap().as_bytes(),
                code.as_bytes(),
                "{misread}"
            );
        }
        assert_eq!(code.display().as_str(), written);
        // Digits that stand for no letter are still refused.
        assert!(RecoveryCode::parse("9IBA-OIBA-OIBA-OIBA-OIBA-OIBA-OIBA-OIBA").is_err());
    }

    #[test]
    fn kdf_parameters_from_a_file_are_bounded() {
        assert!(KdfParams::CURRENT.is_sane());
        assert!(!KdfParams {
            memory_kib: u32::MAX,
            ..KdfParams::CURRENT
        }
        .is_sane());
        assert!(!KdfParams {
            iterations: 0,
            ..KdfParams::CURRENT
        }
        .is_sane());
        // Anything above what the app writes, however little above.
        for more in [
            KdfParams {
                memory_kib: KdfParams::CURRENT.memory_kib + 1,
                ..KdfParams::CURRENT
            },
            KdfParams {
                iterations: KdfParams::CURRENT.iterations + 1,
                ..KdfParams::CURRENT
            },
            KdfParams {
                parallelism: KdfParams::CURRENT.parallelism + 1,
                ..KdfParams::CURRENT
            },
        ] {
            assert!(!more.is_sane(), "{more:?}");
        }
    }
}
