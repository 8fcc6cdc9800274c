//! How hard a new passphrase is to guess. The core checks its length; here every passphrase a
//! person chooses (at set-up, for a new user, a change, a reset, after recovery) is also
//! estimated by zxcvbn, which knows common passwords, words, names, dates, keyboard patterns
//! and repeats, and is refused below score 3 (about 10^10 guesses). Argon2id makes each guess
//! cost a stolen file's attacker a fraction of a second; that is only enough when guesses are
//! many. Passphrases given to sign in are never estimated: an old one keeps working.

use helpline_core::Passphrase;

use crate::error::{AppError, PASSPHRASE_WEAK};

/// The score a new passphrase must reach.
const ENOUGH: zxcvbn::Score = zxcvbn::Score::Three;

/// `text` as a new passphrase for `user_name`: the core's length rules, then the estimate, with
/// the user's own name and the app's name counted as known to an attacker.
pub(crate) fn new_passphrase(text: &str, user_name: &str) -> Result<Passphrase, AppError> {
    let passphrase = Passphrase::new(text)?;
    let estimate = zxcvbn::zxcvbn(text, &[user_name, "helpline"]);
    if estimate.score() >= ENOUGH {
        return Ok(passphrase);
    }
    // zxcvbn's own reason, in English for the CLI and logs; the UI says it in the user's
    // language from the code.
    let reason = estimate
        .feedback()
        .and_then(|feedback| feedback.warning())
        .map(|warning| format!(" ({warning})"))
        .unwrap_or_default();
    Err(AppError::new(
        PASSPHRASE_WEAK,
        format!(
            "this passphrase would be easy to guess{reason}; choose four or more words that do \
             not belong together, or a sentence only you would make, and no name or date"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_passwords_repeats_and_the_users_own_name_are_refused() {
        for weak in [
            "aaaaaaaaaaaa",
            "password1234",
            "qwertyuiop12",
            "sara sara sara",
        ] {
            let refused = new_passphrase(weak, "sara").err().expect(weak);
            assert_eq!(refused.code, PASSPHRASE_WEAK, "{weak}");
            assert!(refused.message.contains("four or more words"));
        }
    }

    #[test]
    fn a_passphrase_of_unrelated_words_is_accepted() {
        assert!(new_passphrase("lantern orbit pickle meadow", "sara").is_ok());
    }

    #[test]
    fn the_length_rules_come_first() {
        assert_eq!(
            new_passphrase("short", "sara").err().unwrap().code,
            "passphrase_too_short"
        );
    }
}
