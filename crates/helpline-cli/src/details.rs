//! `call new --details-file`: the case number, the contact details a caller chose to give, the
//! next steps and the notes, as one small JSON document from a file or standard input, so that
//! none of them is on the command line.

use helpline_core::domain::{MAX_CONTACT_CHARS, MAX_NEXT_STEPS_CHARS, MAX_NOTES_CHARS};
use serde_json::{Map, Value};

use crate::input::Document;
use crate::Failure;

/// The document's fields, named as `case list --json` and the core's limits name them.
const FIELDS: [&str; 6] = [
    "case_number",
    "contact_name",
    "contact_phone",
    "contact_email",
    "next_steps",
    "notes",
];

/// The details document as `Input::document` reads it: room for every field at its longest
/// with each character written as a JSON escape (up to 12 bytes, `\ud83d\ude00`), and for
/// the names, spaces and a case number however it is typed.
pub const DOCUMENT: Document = Document {
    what: "the details document",
    max_bytes: (MAX_NOTES_CHARS + MAX_NEXT_STEPS_CHARS + 3 * MAX_CONTACT_CHARS) * 12 + 4096,
    if_empty: "write a JSON object with the fields given, such as {\"contact_phone\": \"...\"} \
               (see `helpline call new --help`), or leave out --details-file",
};

/// What a details document gave; a field left out or null is not given.
#[derive(Default)]
pub struct CallDetails {
    pub case_number: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
    pub next_steps: Option<String>,
    pub notes: Option<String>,
}

impl CallDetails {
    /// Reads the document's text. An unknown field is refused, not ignored, so that a
    /// misspelt one does not lose what the caller said.
    pub fn parse(text: &str) -> Result<Self, Failure> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            Failure::usage(format!(
                "the details document is not valid JSON ({e}); write one JSON object, such as \
                 {{\"contact_phone\": \"...\"}}"
            ))
        })?;
        let Value::Object(mut fields) = value else {
            return Err(Failure::usage(
                "the details document is not a JSON object; write its fields between { and }",
            ));
        };
        if let Some(unknown) = fields.keys().find(|name| !FIELDS.contains(&name.as_str())) {
            return Err(Failure::usage(format!(
                "the details document has a field {}, which is not one of its fields: {}",
                shown_name(unknown),
                FIELDS.join(", ")
            )));
        }
        Ok(CallDetails {
            case_number: text_field(&mut fields, "case_number")?,
            contact_name: text_field(&mut fields, "contact_name")?,
            contact_phone: text_field(&mut fields, "contact_phone")?,
            contact_email: text_field(&mut fields, "contact_email")?,
            next_steps: text_field(&mut fields, "next_steps")?,
            notes: text_field(&mut fields, "notes")?,
        })
    }
}

/// A field's text; never its value in a message, which could be what the caller said.
fn text_field(fields: &mut Map<String, Value>, name: &str) -> Result<Option<String>, Failure> {
    match fields.remove(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(Failure::usage(format!(
            "{name} in the details document is not text; give it as a JSON string in quotes, \
             or leave it out"
        ))),
    }
}

/// An unknown field's name, quoted when it looks like a misspelt field name; anything else
/// might be a value written in the wrong place, and is not repeated.
fn shown_name(name: &str) -> String {
    let like_a_name = name.len() <= 40
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if like_a_name {
        format!("{name:?}")
    } else {
        "(not shown)".to_owned()
    }
}
