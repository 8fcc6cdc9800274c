//! A store file edited or damaged beyond what AES-GCM catches: values of the wrong type and
//! missing tables are reported with their codes, and `verify` still lists what it can.

use super::tests::{call_at, case_id, new_store, pass, PASS};
use crate::domain::ConcernLevel;

fn a_call(notes: &str) -> crate::Call {
    let at = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 3, 14, 9, 0, 0).unwrap();
    call_at(at, ConcernLevel::StrongInterest, notes)
}

#[test]
fn a_value_of_the_wrong_type_is_a_damaged_record_and_verify_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let broken = session.record_call(None, &a_call("a")).unwrap();
    let fine = session.record_call(None, &a_call("b")).unwrap();
    let id = case_id(&session, &broken);
    // An integer where sealed notes belong, and text where a case's summary does.
    session
        .conn()
        .execute("UPDATE calls SET notes = 42 WHERE case_id = ?1", [id])
        .unwrap();
    session
        .conn()
        .execute("UPDATE cases SET summary = 'hello' WHERE id = ?1", [id])
        .unwrap();

    let err = session.case_history(&broken).unwrap_err();
    assert_eq!(err.code(), "damaged_record", "{err}");
    assert!(session.case_history(&fine).is_ok());
    let report = session.verify().unwrap();
    let damaged: Vec<(&str, &str)> = report.damaged.iter().map(|d| (d.table, d.column)).collect();
    assert_eq!(
        damaged,
        [("cases", "summary"), ("calls", "notes")],
        "{report:?}"
    );
    assert!(report
        .damaged
        .iter()
        .all(|d| d.table == "calls" || d.row == id));
}

#[test]
fn a_missing_table_is_a_damaged_store_not_a_storage_failure() {
    let dir = tempfile::tempdir().unwrap();
    let (session, _) = new_store(dir.path());
    session
        .conn()
        .execute("DROP TABLE call_drafts", [])
        .unwrap();
    let session = session.lock().unlock("sara", &pass(PASS)).unwrap();
    assert_eq!(
        session.unfinished_calls().unwrap_err().code(),
        "store_damaged"
    );
}

#[test]
fn a_destroy_that_something_in_the_file_ignored_is_never_called_done() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let number = session
        .record_call(None, &a_call("kept by a trigger"))
        .unwrap();
    // Past the schema check that forgetting does first: the destroy itself must notice.
    session
        .conn()
        .execute_batch(
            "CREATE TRIGGER keep BEFORE DELETE ON cases BEGIN SELECT RAISE(IGNORE); END;",
        )
        .unwrap();
    let outcome = session.write(|w| {
        let case = super::case_rows::find_case(w, w.keys, &number)?;
        super::case_rows::destroy_case(w, w.keys, &case)
    });
    assert!(
        matches!(
            outcome,
            Err(crate::Error::DestroyIncomplete { table: "cases" })
        ),
        "{outcome:?}"
    );
    session.conn().execute_batch("DROP TRIGGER keep;").unwrap();
    assert!(session.case_history(&number).is_ok(), "nothing was removed");
}
