//! Where the CLI gets passphrases, the recovery code and notes from: the environment (for
//! automation), standard input (`--passphrase-stdin`, one secret per line, notes after them),
//! or the terminal. Secrets are wiped when dropped.

use std::io::{BufRead, BufReader, Read, Stdin};

use helpline_core::Passphrase;
use zeroize::Zeroizing;

use crate::Failure;

const PASSPHRASE_ENV: &str = "HELPLINE_PASSPHRASE";
const NEW_PASSPHRASE_ENV: &str = "HELPLINE_NEW_PASSPHRASE";

pub struct Input {
    secrets_on_stdin: bool,
    stdin: Option<BufReader<Stdin>>,
}

impl Input {
    pub fn new(secrets_on_stdin: bool) -> Self {
        Input {
            secrets_on_stdin,
            stdin: None,
        }
    }

    fn stdin(&mut self) -> &mut BufReader<Stdin> {
        self.stdin
            .get_or_insert_with(|| BufReader::new(std::io::stdin()))
    }

    /// The acting user's passphrase, as typed (the application layer checks it).
    pub fn passphrase(&mut self, prompt: &str) -> Result<Zeroizing<String>, Failure> {
        self.secret(prompt, PASSPHRASE_ENV)
    }

    /// A new passphrase, as typed; on a terminal it is asked twice, and must be the same.
    pub fn new_passphrase(&mut self, prompt: &str) -> Result<Zeroizing<String>, Failure> {
        if std::env::var_os(NEW_PASSPHRASE_ENV).is_some() || self.secrets_on_stdin {
            return self.secret(prompt, NEW_PASSPHRASE_ENV);
        }
        let first = ask_terminal(prompt)?;
        let again = ask_terminal("The same again")?;
        let same = Passphrase::for_unlock(&first)?.same_as(&Passphrase::for_unlock(&again)?);
        if !same {
            return Err(Failure::usage(
                "the two passphrases differ; nothing was changed",
            ));
        }
        Ok(first)
    }

    /// The recovery code, as typed.
    pub fn recovery_code(&mut self) -> Result<Zeroizing<String>, Failure> {
        if self.secrets_on_stdin {
            self.stdin_line("the recovery code")
        } else {
            ask_terminal("Recovery code")
        }
    }

    /// Everything left on standard input (notes given as `--notes-file -`).
    pub fn rest_of_stdin(&mut self) -> Result<String, Failure> {
        let mut text = String::new();
        self.stdin().read_to_string(&mut text).map_err(|e| {
            Failure::usage(format!("could not read the notes from standard input: {e}"))
        })?;
        Ok(text)
    }

    fn secret(&mut self, prompt: &str, env: &str) -> Result<Zeroizing<String>, Failure> {
        if let Some(value) = std::env::var_os(env) {
            return value
                .into_string()
                .map(Zeroizing::new)
                .map_err(|_| Failure::usage(format!("{env} is not valid UTF-8")));
        }
        if self.secrets_on_stdin {
            return self.stdin_line("a passphrase");
        }
        ask_terminal(prompt)
    }

    fn stdin_line(&mut self, what: &str) -> Result<Zeroizing<String>, Failure> {
        let mut line = Zeroizing::new(String::new());
        let read = self.stdin().read_line(&mut line).map_err(|e| {
            Failure::usage(format!("could not read {what} from standard input: {e}"))
        })?;
        if read == 0 {
            return Err(Failure::usage(format!(
                "expected {what} on standard input, one per line, but it ended"
            )));
        }
        let end = line.trim_end_matches(['\n', '\r']).len();
        line.truncate(end);
        Ok(line)
    }
}

fn ask_terminal(prompt: &str) -> Result<Zeroizing<String>, Failure> {
    rpassword::prompt_password(format!("{prompt}: "))
        .map(Zeroizing::new)
        .map_err(|_| {
            Failure::usage(format!(
            "no terminal to ask for a passphrase on; use --passphrase-stdin or set {PASSPHRASE_ENV}"
        ))
        })
}
