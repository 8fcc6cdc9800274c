//! Two desks of one helpline, the second joined from a snapshot of the first, exchanging their
//! changes directly (the server in between is `helpline-sync`'s, tested there against a real
//! PostgreSQL).

use std::path::Path;

use chrono::{Duration, Utc};

use super::backup::{restore, BackupSecret};
use super::tests::{a_call, call_at, case_id, new_store, pass, PASS};
use super::*;
use crate::domain::ConcernLevel;
use crate::CaseNumber;

fn settings(desk: &str) -> SyncSettings {
    SyncSettings {
        server: "host=/nowhere".into(),
        helpline_id: "helpline".into(),
        desk_id: desk.into(),
        desk_name: desk.into(),
        cursor: 0,
        epoch_keys: vec![(1, "00".repeat(32))],
        desks: Vec::new(),
        removed: false,
        conflicts: Vec::new(),
    }
}

/// Desk A, connected, and desk B made from A's snapshot (as joining does).
fn two_desks(root: &Path) -> (Session, Session) {
    let (mut a, _) = new_store(&root.join("a"));
    a.set_sync_settings(&settings("a")).unwrap();
    let snapshot = root.join("snapshot");
    a.backup(&snapshot).unwrap();
    let store = restore(
        &snapshot,
        &root.join("b"),
        &BackupSecret::User {
            name: "sara",
            passphrase: &pass(PASS),
        },
    )
    .unwrap();
    let mut b = store.unlock("sara", &pass(PASS)).unwrap();
    b.set_sync_settings(&settings("b")).unwrap();
    (a, b)
}

/// The changes that go to the server as records, as another desk receives them.
fn incoming(outgoing: &[OutgoingChange]) -> Vec<IncomingChange> {
    outgoing
        .iter()
        .filter_map(|c| {
            Some(IncomingChange {
                record_id: c.record_id.clone(),
                body: c.body.clone()?,
            })
        })
        .collect()
}

/// Moves what `from` wrote to `to`, as a push and a pull would; returns what `to` applied.
fn sync(from: &mut Session, to: &mut Session) -> AppliedChanges {
    let outgoing = from.outbox().unwrap();
    let cursor = to.sync_settings().unwrap().unwrap().cursor + outgoing.len() as i64;
    let incoming = incoming(&outgoing);
    let ids: Vec<Vec<u8>> = outgoing.iter().map(|c| c.record_id.clone()).collect();
    from.pushed(&ids).unwrap();
    to.apply_changes(&incoming, cursor).unwrap()
}

#[test]
fn a_call_at_one_desk_is_found_at_the_other_by_its_number() {
    let root = tempfile::tempdir().unwrap();
    let (mut a, mut b) = two_desks(root.path());
    let number = a.record_call(None, &a_call("told at desk A")).unwrap();
    assert_eq!(sync(&mut a, &mut b).calls, 1);
    let history = b.case_history(&number).unwrap();
    assert_eq!(history.calls.len(), 1);
    assert_eq!(history.calls[0].call.content.notes, "told at desk A");
    assert_eq!(b.sync_settings().unwrap().unwrap().cursor, 1);
    assert!(a.outbox().unwrap().is_empty());
}

#[test]
fn a_call_added_at_the_other_desk_shows_the_escalation_back_at_the_first() {
    let root = tempfile::tempdir().unwrap();
    let (mut a, mut b) = two_desks(root.path());
    let started = Utc::now() - Duration::days(3);
    let number = a
        .record_call(
            None,
            &call_at(started, ConcernLevel::StrongInterest, "first call"),
        )
        .unwrap();
    sync(&mut a, &mut b);
    b.record_call(
        Some(&number),
        &call_at(
            started + Duration::days(1),
            ConcernLevel::InTransitCountry,
            "second call, at B",
        ),
    )
    .unwrap();
    sync(&mut b, &mut a);
    let history = a.case_history(&number).unwrap();
    assert_eq!(history.calls.len(), 2);
    assert!(history.calls[1].escalated);
    let overview = a.case_overview(&number).unwrap();
    assert_eq!(
        overview.summary.latest_level,
        ConcernLevel::InTransitCountry
    );
    assert_eq!(overview.summary.calls, 2);
}

#[test]
fn applying_the_same_changes_twice_files_them_once() {
    let root = tempfile::tempdir().unwrap();
    let (mut a, mut b) = two_desks(root.path());
    let number = a.record_call(None, &a_call("once")).unwrap();
    let outgoing = a.outbox().unwrap();
    let incoming = incoming(&outgoing);
    assert_eq!(b.apply_changes(&incoming, 1).unwrap().calls, 1);
    assert_eq!(b.apply_changes(&incoming, 1).unwrap().calls, 0);
    assert_eq!(b.case_history(&number).unwrap().calls.len(), 1);
    // A desk's own changes, read back from the server, change nothing either.
    assert_eq!(a.apply_changes(&incoming, 1).unwrap().calls, 0);
    assert_eq!(a.case_history(&number).unwrap().calls.len(), 1);
}

#[test]
fn a_case_forgotten_at_one_desk_is_destroyed_at_the_other_and_late_calls_are_dropped() {
    let root = tempfile::tempdir().unwrap();
    let (mut a, mut b) = two_desks(root.path());
    let number = a.record_call(None, &a_call("to be forgotten")).unwrap();
    sync(&mut a, &mut b);
    let pushed_call = b
        .conn()
        .query_row("SELECT record_id FROM sync_records", [], |r| {
            r.get::<_, Vec<u8>>(0)
        })
        .unwrap();
    // B, offline, adds a call to the case while A forgets it.
    b.record_call(Some(&number), &a_call("late, from B"))
        .unwrap();
    let late = b.outbox().unwrap();
    a.forget_case(&number).unwrap();
    let forgetting = a.outbox().unwrap();
    assert_eq!(forgetting.len(), 1);
    // The forgetting desk asks the server to delete what it knew of the case.
    assert_eq!(forgetting[0].deletes, vec![pushed_call]);

    let applied = sync(&mut a, &mut b);
    assert_eq!(applied.forgotten, 1);
    assert_eq!(b.case_history(&number).unwrap_err().code(), "no_such_case");
    // B's unpushed call of the case went with it; what the server must delete if it got there
    // waits in the outbox, as deletions alone, for the next push.
    let waiting = b.outbox().unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].body, None);
    assert!(waiting[0].deletes.contains(&late[0].record_id));
    assert!(applied.server_deletes >= 1);
    // A call of the case that reaches A after the forgetting is not filed: it is dropped and
    // named for deletion.
    let incoming = incoming(&late);
    let applied = a.apply_changes(&incoming, 2).unwrap();
    assert_eq!(applied.calls, 0);
    assert_eq!(applied.server_deletes, 1);
    let waiting = a.outbox().unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].deletes, vec![late[0].record_id.clone()]);
    assert_eq!(a.case_history(&number).unwrap_err().code(), "no_such_case");
    let trail = b.audit_trail().unwrap();
    assert!(trail
        .iter()
        .any(|e| matches!(e.action, AuditAction::CaseForgottenElsewhere { .. })));
}

#[test]
fn a_change_that_does_not_open_or_hold_together_keeps_nothing() {
    let root = tempfile::tempdir().unwrap();
    let (mut a, mut b) = two_desks(root.path());
    let number = a.record_call(None, &a_call("tampered on the way")).unwrap();
    let outgoing = a.outbox().unwrap();
    let sent = outgoing[0].body.clone().unwrap();
    let mut body: serde_json::Value = serde_json::from_slice(&sent[1..]).unwrap();
    // A month moved, as someone with the sync key but not the case's key could.
    body["call"]["month"] = "2020-01".into();
    let mut bytes = vec![sent[0]];
    bytes.extend(serde_json::to_vec(&body).unwrap());
    let incoming = [IncomingChange {
        record_id: outgoing[0].record_id.clone(),
        body: bytes,
    }];
    assert_eq!(
        b.apply_changes(&incoming, 1).unwrap_err().code(),
        "sync_change_damaged"
    );
    assert_eq!(b.case_history(&number).unwrap_err().code(), "no_such_case");
    assert_eq!(b.sync_settings().unwrap().unwrap().cursor, 0);
    let unreadable = [IncomingChange {
        record_id: vec![7; 16],
        body: b"\x01{\"kind\":\"nothing\"}".to_vec(),
    }];
    assert_eq!(
        b.apply_changes(&unreadable, 1).unwrap_err().code(),
        "sync_change_damaged"
    );
    let newer = [IncomingChange {
        record_id: vec![8; 16],
        body: b"\x09{}".to_vec(),
    }];
    assert_eq!(
        b.apply_changes(&newer, 1).unwrap_err().code(),
        "sync_change_newer"
    );
}

#[test]
fn a_desk_of_its_own_keeps_no_outbox() {
    let root = tempfile::tempdir().unwrap();
    let (mut alone, _) = new_store(&root.path().join("alone"));
    let number = alone.record_call(None, &a_call("never shared")).unwrap();
    assert!(alone.outbox().unwrap().is_empty());
    alone.forget_case(&number).unwrap();
    assert!(alone.outbox().unwrap().is_empty());
    assert!(alone.sync_settings().unwrap().is_none());
}

#[test]
fn what_the_outbox_and_the_records_keep_is_sealed() {
    let root = tempfile::tempdir().unwrap();
    let (mut a, _b) = two_desks(root.path());
    let number = a
        .record_call(None, &a_call("sealed in the outbox"))
        .unwrap();
    let id = case_id(&a, &number);
    let files = super::tests::raw_files(&root.path().join("a"));
    for (_, bytes) in &files {
        assert!(!bytes.windows(20).any(|w| w == b"sealed in the outbox"));
    }
    let (case, change): (i64, Vec<u8>) = a
        .conn()
        .query_row(
            "SELECT r.case_id, o.change FROM sync_outbox o JOIN sync_records r ON r.record_id = o.record_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(case, id);
    assert!(!change.windows(4).any(|w| w == b"kind"));
    let _ = CaseNumber::random();
}

#[test]
fn a_removed_desk_gets_no_key_of_the_new_epoch_and_the_others_do() {
    let root = tempfile::tempdir().unwrap();
    let (mut a, mut b) = two_desks(root.path());
    let snapshot = root.path().join("snapshot-c");
    a.backup(&snapshot).unwrap();
    let mut c = restore(
        &snapshot,
        &root.path().join("c"),
        &BackupSecret::User {
            name: "sara",
            passphrase: &pass(PASS),
        },
    )
    .unwrap()
    .unlock("sara", &pass(PASS))
    .unwrap();
    c.set_sync_settings(&settings("c")).unwrap();
    for desk in [&mut a, &mut b, &mut c] {
        desk.announce_desk().unwrap();
    }
    // Every desk hears of every other.
    let (from_b, from_c) = (b.outbox().unwrap(), c.outbox().unwrap());
    for (desk, heard) in [(&mut a, [&from_b, &from_c]), (&mut b, [&from_c, &from_c])] {
        for changes in heard {
            desk.apply_changes(&incoming(changes), 0).unwrap();
        }
    }
    assert_eq!(a.sync_settings().unwrap().unwrap().desks.len(), 3);
    a.pushed(
        &a.outbox()
            .unwrap()
            .into_iter()
            .map(|c| c.record_id)
            .collect::<Vec<_>>(),
    )
    .unwrap();

    assert_eq!(a.remove_desk("a").unwrap_err().code(), "invalid_argument");
    assert_eq!(a.remove_desk("c").unwrap(), 2);
    let removal = a.outbox().unwrap();
    assert_eq!(removal.len(), 1);
    // Sealed under the key the others have.
    assert_eq!(removal[0].epoch, Some(1));
    let incoming = incoming(&removal);
    b.apply_changes(&incoming, 1).unwrap();
    c.apply_changes(&incoming, 1).unwrap();
    let key_at_a = a.sync_settings().unwrap().unwrap().epoch_keys;
    let key_at_b = b.sync_settings().unwrap().unwrap().epoch_keys;
    assert_eq!(key_at_a.len(), 2);
    assert_eq!(key_at_a, key_at_b);
    let at_c = c.sync_settings().unwrap().unwrap();
    assert!(at_c.removed);
    assert_eq!(at_c.epoch_keys.len(), 1);
    assert!(b
        .sync_settings()
        .unwrap()
        .unwrap()
        .desks
        .iter()
        .any(|d| d.desk_id == "c" && d.removed));
    assert_eq!(a.remove_desk("c").unwrap_err().code(), "invalid_argument");
}

#[test]
fn closing_reopening_and_follow_ups_merge_by_the_logs_order_and_a_crossing_change_is_a_conflict() {
    let root = tempfile::tempdir().unwrap();
    let (mut a, mut b) = two_desks(root.path());
    let number = a
        .record_call(None, &a_call("a case both desks hold"))
        .unwrap();
    sync(&mut a, &mut b);
    // A closes it; B, unaware, files that.
    a.set_case_open(&number, false).unwrap();
    sync(&mut a, &mut b);
    assert!(!b.case_overview(&number).unwrap().summary.open);
    // Apart, A reopens and B closes again: B's own change waits in its outbox when A's
    // arrives, so B keeps its own, notes a conflict, and once B pushes, A files B's: both
    // end closed (the later in the log).
    a.set_case_open(&number, true).unwrap();
    b.set_case_open(&number, false).unwrap();
    sync(&mut a, &mut b);
    assert!(!b.case_overview(&number).unwrap().summary.open);
    let conflicts = b.sync_settings().unwrap().unwrap().conflicts;
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].what, "case_state");
    sync(&mut b, &mut a);
    assert!(!a.case_overview(&number).unwrap().summary.open);
    assert!(a.sync_settings().unwrap().unwrap().conflicts.is_empty());
}

#[test]
fn a_follow_up_marked_done_at_one_desk_is_done_at_the_other() {
    let root = tempfile::tempdir().unwrap();
    let (mut a, mut b) = two_desks(root.path());
    let mut call = a_call("agreed to ring back");
    call.content.follow_up = Some(Utc::now().date_naive() + Duration::days(2));
    call.started_at = Utc::now() - Duration::hours(2);
    call.ended_at = Some(Utc::now() - Duration::hours(1));
    let number = a.record_call(None, &call).unwrap();
    sync(&mut a, &mut b);
    assert!(b
        .case_overview(&number)
        .unwrap()
        .summary
        .follow_up
        .is_some());
    a.mark_follow_up_done(&number).unwrap();
    sync(&mut a, &mut b);
    let at_b = b.case_overview(&number).unwrap().summary;
    assert_eq!(at_b.follow_up, None);
    assert!(at_b.follow_up_done_at.is_some());
}

#[test]
fn settings_reach_the_other_desk_unless_it_changed_them_too() {
    let root = tempfile::tempdir().unwrap();
    let (mut a, mut b) = two_desks(root.path());
    let mut settings = a.settings().unwrap();
    settings.idle_lock_minutes = 7;
    a.set_settings(&settings).unwrap();
    sync(&mut a, &mut b);
    assert_eq!(b.settings().unwrap().idle_lock_minutes, 7);
    // Both change them apart: B keeps its own (later in the log once pushed) and says so.
    settings.idle_lock_minutes = 9;
    a.set_settings(&settings).unwrap();
    let mut at_b = b.settings().unwrap();
    at_b.retention_months = Some(24);
    b.set_settings(&at_b).unwrap();
    sync(&mut a, &mut b);
    assert_eq!(b.settings().unwrap().idle_lock_minutes, 7);
    assert_eq!(
        b.sync_settings().unwrap().unwrap().conflicts[0].what,
        "settings"
    );
    sync(&mut b, &mut a);
    assert_eq!(a.settings().unwrap().retention_months, Some(24));
    assert_eq!(a.settings().unwrap().idle_lock_minutes, 7);
}

#[test]
fn users_and_their_passphrases_follow_to_every_desk() {
    let root = tempfile::tempdir().unwrap();
    let (mut a, mut b) = two_desks(root.path());
    let omar = pass("omar's own long passphrase");
    a.add_user("omar", crate::domain::Role::Volunteer, &omar)
        .unwrap();
    sync(&mut a, &mut b);
    // Omar signs in at B with the passphrase a supervisor gave him at A, and changes it there.
    let store = b.lock();
    let mut omar_at_b = store.unlock("omar", &omar).unwrap();
    assert_eq!(omar_at_b.role(), crate::domain::Role::Volunteer);
    let changed = pass("omar's newer long passphrase");
    omar_at_b.change_passphrase(&omar, &changed).unwrap();
    sync(&mut omar_at_b, &mut a);
    let store = a.lock();
    assert_eq!(
        store.unlock("omar", &omar).err().unwrap().code(),
        "wrong_passphrase"
    );
    let store = Store::open(&root.path().join("a")).unwrap();
    drop(store.unlock("omar", &changed).unwrap());
    // Removed at A, he signs in at B no more.
    let mut a = Store::open(&root.path().join("a"))
        .unwrap()
        .unlock("sara", &pass(PASS))
        .unwrap();
    a.remove_user("omar").unwrap();
    let store = omar_at_b.lock();
    let mut b = store.unlock("sara", &pass(PASS)).unwrap();
    sync(&mut a, &mut b);
    let store = b.lock();
    assert_eq!(
        store.unlock("omar", &changed).err().unwrap().code(),
        "unknown_user"
    );
}

#[test]
fn a_user_added_at_two_desks_apart_under_one_name_is_a_conflict_not_a_second_user() {
    let root = tempfile::tempdir().unwrap();
    let (mut a, mut b) = two_desks(root.path());
    a.add_user(
        "omar",
        crate::domain::Role::Volunteer,
        &pass("omar at desk a, long"),
    )
    .unwrap();
    b.add_user(
        "omar",
        crate::domain::Role::Supervisor,
        &pass("omar at desk b, long"),
    )
    .unwrap();
    sync(&mut a, &mut b);
    let conflicts = b.sync_settings().unwrap().unwrap().conflicts;
    assert!(conflicts.iter().any(|c| c.what == "users"));
    let store = b.lock();
    let omar = store.unlock("omar", &pass("omar at desk b, long")).unwrap();
    assert_eq!(omar.role(), crate::domain::Role::Supervisor);
}

#[test]
fn no_snapshot_or_backup_carries_a_desks_own_key_to_another_desk() {
    let root = tempfile::tempdir().unwrap();
    let (a, b) = two_desks(root.path());
    let at_a = a.desk_keys().unwrap().public_key();
    assert_eq!(a.desk_keys().unwrap().public_key(), at_a);
    assert_ne!(b.desk_keys().unwrap().public_key(), at_a);
    assert!(root.path().join("a").join("desk-key").exists());
    // A damaged key file is an error that says what to do, never a silent new key.
    std::fs::write(root.path().join("b").join("desk-key"), b"not a sealed seed").unwrap();
    assert_eq!(b.desk_keys().err().unwrap().code(), "storage_failed");
}

#[test]
fn a_case_past_the_retention_period_at_one_desk_goes_at_the_other_too() {
    let root = tempfile::tempdir().unwrap();
    let (mut a, mut b) = two_desks(root.path());
    let old = a
        .record_call(
            None,
            &call_at(
                Utc::now() - Duration::days(800),
                ConcernLevel::StrongInterest,
                "long ago",
            ),
        )
        .unwrap();
    let recent = a.record_call(None, &a_call("kept")).unwrap();
    let mut settings = a.settings().unwrap();
    settings.retention_months = Some(12);
    a.set_settings(&settings).unwrap();
    sync(&mut a, &mut b);
    assert_eq!(b.settings().unwrap().retention_months, Some(12));
    assert_eq!(a.apply_retention(Utc::now()).unwrap().cases_destroyed, 1);
    assert_eq!(sync(&mut a, &mut b).forgotten, 1);
    assert_eq!(b.case_history(&old).unwrap_err().code(), "no_such_case");
    assert_eq!(b.case_history(&recent).unwrap().calls.len(), 1);
}
