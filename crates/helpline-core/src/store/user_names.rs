//! A user name is one name whatever its letter case: "Omar" and "omar" are the same person,
//! both when a supervisor adds a user and when someone signs in.

use rusqlite::Connection;
use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};

/// What two spellings of one name have in common: composed (NFC), then lower case, then
/// composed again (lower-casing can decompose, as with "İ").
fn name_key(name: &str) -> String {
    name.nfc().flat_map(char::to_lowercase).nfc().collect()
}

/// The user a typed name means, with the name as it was set up. The exact spelling wins; else
/// the one user whose name differs only in letter case. Stores from before this rule may hold
/// two such users: then only the exact spelling signs in.
pub(super) fn find_user(conn: &Connection, typed: &str) -> Result<Option<(i64, String)>> {
    let key = name_key(typed);
    let mut statement = conn.prepare("SELECT id, name FROM users")?;
    let rows = statement.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    let mut same_key = Vec::new();
    for row in rows {
        let (id, name) = row?;
        if name == typed {
            return Ok(Some((id, name)));
        }
        if name_key(&name) == key {
            same_key.push((id, name));
        }
    }
    match same_key.len() {
        0 => Ok(None),
        1 => Ok(same_key.pop()),
        _ => Err(Error::UserNameAmbiguous(typed.to_owned())),
    }
}

/// The name as it was set up, when a new name is the same as an existing one but for case.
pub(super) fn taken_by(conn: &Connection, name: &str) -> Result<Option<String>> {
    let key = name_key(name);
    let mut statement = conn.prepare("SELECT name FROM users")?;
    let names = statement.query_map([], |r| r.get::<_, String>(0))?;
    for existing in names {
        let existing = existing?;
        if name_key(&existing) == key {
            return Ok(Some(existing));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::name_key;

    #[test]
    fn letter_case_and_composition_do_not_make_another_name() {
        assert_eq!(name_key("Omar"), name_key("omar"));
        assert_eq!(name_key("SARA"), name_key("sara"));
        assert_eq!(name_key("Åsa"), name_key("a\u{30a}sa"));
        assert_eq!(name_key("ÅSA"), name_key("åsa"));
        assert_ne!(name_key("Omar"), name_key("Omer"));
        assert_ne!(name_key("sara"), name_key("sara "));
    }
}
