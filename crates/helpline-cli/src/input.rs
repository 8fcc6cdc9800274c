//! Where the CLI gets passphrases, the recovery code, case numbers and what a call recorded
//! from: the environment (passphrases, for automation), standard input (`--passphrase-stdin`
//! and `-`), a file, or the terminal; never the command line, which other users' processes can
//! read in /proc and the shell keeps in its history. Secrets are wiped when dropped.
//!
//! Standard input is read in one order: the passphrase lines, then a case number line, then
//! the rest (the notes or the details document); for the desks' commands, the passphrase
//! lines, then the server's address line, then the invitation line.
//!
//! The server's addresses and invitations are one-line secrets ([`SecretLine`]): from a file
//! or a line of standard input, from their environment variable, or (an invitation) typed at
//! a prompt; an address typed on the command line still works, with a warning.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Stdin, Write};
use std::path::Path;

use helpline_core::Passphrase;
use zeroize::Zeroizing;

use crate::Failure;

const PASSPHRASE_ENV: &str = "HELPLINE_PASSPHRASE";
const NEW_PASSPHRASE_ENV: &str = "HELPLINE_NEW_PASSPHRASE";

/// The longest line read for a passphrase, the recovery code or a case number: far more than
/// any of them, so that a stream without line ends is refused rather than read whole.
const MAX_LINE_BYTES: u64 = 64 * 1024;

/// A text read whole from a file, or from the rest of standard input when its path is `-`.
pub struct Document {
    /// What it is, in messages ("the notes").
    pub what: &'static str,
    /// The most bytes it may have; a longer one is refused without being read whole.
    pub max_bytes: usize,
    /// What to do when it is empty.
    pub if_empty: &'static str,
}

/// A secret of one line, such as the server's address or an invitation: where it may come
/// from, for reading it and for messages.
pub struct SecretLine {
    /// What it is, in messages ("the server's address").
    pub what: &'static str,
    /// The environment variable it may come from when no file is named.
    pub env: &'static str,
    /// The option that names its file, or `-` ("--url-file").
    pub file_option: &'static str,
}

/// What standard input holds, in order, for a message when it ends too soon.
const CASE_ORDER: &str = "the passphrases first, then a case number given as `-`";

pub struct Input {
    secrets_on_stdin: bool,
    stdin: Option<BufReader<Stdin>>,
    stdin_order: &'static str,
}

impl Input {
    pub fn new(secrets_on_stdin: bool) -> Self {
        Input {
            secrets_on_stdin,
            stdin: None,
            stdin_order: CASE_ORDER,
        }
    }

    /// Says what standard input holds for this command, in order, for the message when it
    /// ends too soon (by default: the passphrases, then a case number).
    pub fn set_stdin_order(&mut self, order: &'static str) {
        self.stdin_order = order;
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

    /// A case number given as `given`: `-` reads it from a line of standard input. A number
    /// typed on the command line is still taken, for the scripts written before, with a
    /// warning that says what to give `instead`.
    pub fn case_number(
        &mut self,
        given: String,
        instead: &str,
    ) -> Result<Zeroizing<String>, Failure> {
        if given == "-" {
            return self.stdin_line("the case number");
        }
        warn_on_command_line("a case number", instead);
        Ok(Zeroizing::new(given))
    }

    /// The case number typed at a prompt on the terminal. It is shown as it is typed: the
    /// caller reads it out, and a slip is easier to see than to feel.
    pub fn ask_case_number(&mut self) -> Result<Zeroizing<String>, Failure> {
        ask_visible(
            "Case number",
            "the case number",
            "give `-` and write the number on standard input",
        )
    }

    /// `line`, trimmed: from the file at `path` (which holds it alone, on one line) or, for
    /// `-`, from the next line of standard input; without a path, from its environment
    /// variable. None when neither gives it.
    pub fn secret_line(
        &mut self,
        line: &SecretLine,
        path: Option<&Path>,
    ) -> Result<Option<Zeroizing<String>>, Failure> {
        let (text, place) = match path {
            Some(path) if path.as_os_str() == "-" => {
                (self.stdin_line(line.what)?, "standard input".to_owned())
            }
            Some(path) => {
                let place = format!("the file {}", path.display());
                (read_one_line(path, line, &place)?, place)
            }
            None => match std::env::var_os(line.env) {
                Some(value) => (
                    value
                        .into_string()
                        .map(Zeroizing::new)
                        .map_err(|_| Failure::usage(format!("{} is not valid UTF-8", line.env)))?,
                    line.env.to_owned(),
                ),
                None => return Ok(None),
            },
        };
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(Failure::usage(format!(
                "{place} gives nothing for {}",
                line.what
            )));
        }
        Ok(Some(Zeroizing::new(trimmed.to_owned())))
    }

    /// `line` as [`Input::secret_line`] reads it or, when nothing gives it, typed at a prompt
    /// on the terminal, shown as it is typed (it is read out, or copied from paper).
    pub fn secret_line_or_ask(
        &mut self,
        line: &SecretLine,
        path: Option<&Path>,
        prompt: &str,
    ) -> Result<Zeroizing<String>, Failure> {
        if let Some(text) = self.secret_line(line, path)? {
            return Ok(text);
        }
        let typed = ask_visible(
            prompt,
            line.what,
            &format!(
                "give `{} -` and write it on standard input, or set {}",
                line.file_option, line.env
            ),
        )?;
        let trimmed = typed.trim();
        if trimmed.is_empty() {
            return Err(Failure::usage(format!(
                "no {} was typed; nothing was done",
                line.what
            )));
        }
        Ok(Zeroizing::new(trimmed.to_owned()))
    }

    /// The whole of `document`, from the file at `path` or, for `-`, from the rest of
    /// standard input.
    pub fn document(&mut self, document: &Document, path: &Path) -> Result<String, Failure> {
        if path.as_os_str() == "-" {
            return read_whole(self.stdin(), document, "standard input");
        }
        let place = format!("the file {}", path.display());
        let file = File::open(path).map_err(|e| unreadable(document, &place, &e))?;
        read_whole(file, document, &place)
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
        read_line(self.stdin(), what, "standard input")?.ok_or_else(|| {
            Failure::usage(format!(
                "expected {what} on standard input, but it ended (it holds one line each: {})",
                self.stdin_order
            ))
        })
    }
}

/// Says on standard error that `what` was given on the command line, and how to give it
/// `instead`.
pub fn warn_on_command_line(what: &str, instead: &str) {
    eprintln!(
        "helpline: warning: {what} on the command line can be read by other users' processes \
         and stays in the shell history; {instead}"
    );
}

/// A line typed at a prompt on the terminal, shown as it is typed; `instead` says how to give
/// `what` when there is no terminal.
fn ask_visible(prompt: &str, what: &str, instead: &str) -> Result<Zeroizing<String>, Failure> {
    let no_terminal = |_| Failure::usage(format!("no terminal to ask for {what} on; {instead}"));
    let mut terminal = OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .map_err(no_terminal)?;
    write!(terminal, "{prompt}: ").map_err(no_terminal)?;
    read_line(&mut BufReader::new(terminal), what, "the terminal")?
        .ok_or_else(|| Failure::usage(format!("no {what} was typed; nothing was done")))
}

/// The one line the file at `path` holds (a line end after it, and blanks around it, are
/// left out); a file of several lines is refused rather than read as one value.
fn read_one_line(
    path: &Path,
    line: &SecretLine,
    place: &str,
) -> Result<Zeroizing<String>, Failure> {
    let what = line.what;
    let unreadable = |e: std::io::Error| {
        Failure::usage(format!(
            "could not read {what} from {place}: {e}; give a readable file, or `{} -` for a \
             line of standard input",
            line.file_option
        ))
    };
    let mut bytes = Zeroizing::new(Vec::new());
    File::open(path)
        .map_err(unreadable)?
        .take(MAX_LINE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_LINE_BYTES {
        return Err(Failure {
            code: "too_long",
            message: format!(
                "{place} holds more than {MAX_LINE_BYTES} bytes, far more than {what}; check \
                 that it is the right file"
            ),
        });
    }
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| Failure::usage(format!("{place} is not UTF-8 text")))?
        .trim();
    if text.contains(['\n', '\r']) {
        return Err(Failure::usage(format!(
            "{place} holds more than one line; write {what} alone, on one line"
        )));
    }
    Ok(Zeroizing::new(text.to_owned()))
}

/// One line from `reader` without its line end, or None when it has ended.
fn read_line(
    reader: &mut impl BufRead,
    what: &str,
    place: &str,
) -> Result<Option<Zeroizing<String>>, Failure> {
    let mut line = Zeroizing::new(String::new());
    let read = reader
        .take(MAX_LINE_BYTES)
        .read_line(&mut line)
        .map_err(|e| Failure::usage(format!("could not read {what} from {place}: {e}")))?;
    if read == 0 {
        return Ok(None);
    }
    if read as u64 == MAX_LINE_BYTES && !line.ends_with('\n') {
        return Err(Failure {
            code: "too_long",
            message: format!(
                "the line for {what} on {place} is over {MAX_LINE_BYTES} bytes; give it on a \
                 line of its own"
            ),
        });
    }
    let end = line.trim_end_matches(['\n', '\r']).len();
    line.truncate(end);
    Ok(Some(line))
}

/// All of `reader` as UTF-8 text that is not blank, refused once it passes the document's
/// limit (it reads one byte past the limit, so an enormous input is never read whole).
fn read_whole(reader: impl Read, document: &Document, place: &str) -> Result<String, Failure> {
    let what = document.what;
    let mut bytes = Vec::new();
    reader
        .take(document.max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(document, place, &e))?;
    if bytes.len() > document.max_bytes {
        return Err(Failure {
            code: "too_long",
            message: format!(
                "{place} holds more than {} bytes, more than {what} may have; check that it is \
                 the right input",
                document.max_bytes
            ),
        });
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| Failure::usage(format!("{place} is not UTF-8 text; save {what} as UTF-8")))?;
    if text.trim().is_empty() {
        return Err(Failure::usage(format!(
            "{place} is empty; {}",
            document.if_empty
        )));
    }
    Ok(text)
}

fn unreadable(document: &Document, place: &str, e: &std::io::Error) -> Failure {
    Failure::usage(format!(
        "could not read {} from {place}: {e}; give a readable file, or `-` for standard input",
        document.what
    ))
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
