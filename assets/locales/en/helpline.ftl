# Helpline — English.
# Every message id here must also exist in sv/ and ar/ (a UI test checks it).

## Shared

app-title = Helpline
# Shown in the language switcher, in this language's own name.
language-name = English
language-label = Language
loading = Loading…
working = Please wait…
retry = Try again
startup-failed-title = Helpline could not start

## First-run set-up

setup-title = Set up Helpline
setup-intro = This creates the encrypted store on this computer and its first user, a supervisor.
setup-user-label = User name
setup-passphrase-label = Passphrase
setup-passphrase-hint = At least 10 characters. A few unrelated words are easy to remember and hard to guess.
setup-passphrase-repeat-label = Repeat the passphrase
setup-submit = Create the store

## Restoring a backup instead, on a new computer

setup-restore-title = Moving to a new computer?
setup-restore-hint = Restore the store from a backup file instead of creating a new one.
setup-restore = Restore from a backup…
restore-title = Restore from a backup
restore-intro = The backup becomes this computer's store. Open it with your passphrase as it was when the backup was taken, or with the recovery code.
# $file is the chosen file's name, shown isolated, left to right.
restore-chosen = Backup file: { $file }
restore-choose-again = Choose another file…
restore-method-legend = Open the backup with
restore-with-passphrase = My passphrase
restore-with-recovery = The recovery code, and choose a new passphrase
restore-passphrase-hint = Your passphrase as it was when the backup was taken.
restore-submit = Restore and sign in
restore-cancel = Back
restore-working = Restoring… This takes a moment.

## Recovery code, shown once right after set-up

recovery-title = Your recovery code
recovery-explain = This code opens the store if every passphrase has been forgotten.
recovery-once = It is shown only this once. Write it down and keep it somewhere safe and offline, not on this computer.
recovery-stored = I have stored it safely
recovery-continue = Continue

## Unlock

unlock-title = Unlock Helpline
unlock-intro = The store is locked. Sign in with your user name and passphrase.
unlock-user-label = User name
unlock-passphrase-label = Passphrase
unlock-submit = Unlock
# Shown while the passphrase is checked; a wrong one takes longer to answer.
unlock-checking = Checking…

## Unlock with the recovery code, when every passphrase is forgotten

unlock-use-recovery = Every passphrase forgotten? Use the recovery code
recover-title = Use the recovery code
recover-intro = The recovery code was shown once, when the store was set up. It opens the store and gives the user you name a new passphrase.
recover-code-label = Recovery code
recover-code-hint = 32 letters and digits, as written down. Dashes, spaces and small letters are fine.
recover-submit = Open the store
recover-back = Back to signing in

## Menu, shown on every screen while unlocked

nav-label = Main menu
nav-home = Home
nav-cases = Cases
nav-passphrase = Change passphrase
nav-settings = Settings
nav-safety = Safety
# The shortcut works anywhere while unlocked.
home-lock = Lock (Ctrl+L)

## Home

# $user is the user's name; the app shows it isolated, so it may be in any script.
home-greeting = Hello, { $user }!
# $role is "supervisor" or "volunteer".
home-role =
    { $role ->
        [supervisor] You are signed in as a supervisor.
       *[volunteer] You are signed in as a volunteer.
    }
new-call = New call (Alt+N)
new-call-hint = The case number is shown at once, so you can give it to the caller.
lookup-title = Returning caller
lookup-label = Case number
lookup-hint = Type it as the caller says it. Spaces, dashes and Arabic digits are fine.
lookup-submit = Find case
# $cases is how many cases the retention period destroyed when this supervisor signed in.
retention-expired =
    { $cases ->
        [one] One case was destroyed for good: its time under the retention period was up.
       *[other] { $cases } cases were destroyed for good: their time under the retention period was up.
    }

## Unfinished calls, offered after unlocking

unfinished-title = A call was not finished — the notes were saved. Continue it?
# $number is the case number (shown isolated, left to right), $started a date and time.
unfinished-call = Case { $number }, started { $started }
resume-call = Continue this call
discard-unfinished = Discard it
discard-unfinished-question = Discard this unfinished call? Everything written in it will be deleted.
discard-unfinished-confirm = Yes, discard it
confirm-cancel = No, keep it

## Cases list

cases-title = Cases
cases-filters = Show
cases-filter-open = Open cases only
cases-filter-due = Follow-up due
cases-filter-level = Latest level at least
cases-filter-level-any = Any level
# $step is 1, 2 or 3.
cases-filter-level-min =
    { $step ->
        [3] Step 3
       *[other] Step { $step } or higher
    }
cases-col-number = Case number
cases-col-latest = Latest level
cases-col-highest = Highest level
cases-col-last-call = Last call
cases-col-follow-up = Follow-up
cases-col-calls = Calls
cases-follow-up-overdue = Overdue
cases-follow-up-today = Due today
cases-mark-done = Mark done
cases-sort = Order
cases-sort-follow_up = Follow-up due first
cases-sort-level = Highest level first
cases-sort-last_call = Latest call first
cases-closed = closed
cases-empty = No cases match.
# Shown when more cases match than the list holds (the first ones in the chosen order are listed).
# $shown and $count are the numbers as written in the UI language; $total is the number of
# matching cases itself, to choose the plural form by.
cases-capped =
    { $total ->
        [one] Showing { $shown } of { $count } case. Narrow the filters, or look a case up by its number.
       *[other] Showing the first { $shown } of { $count } cases, in the order chosen. Narrow the filters, or look a case up by its number.
    }
# Shown for a date or value that is not there.
value-none = —

## Concern levels. The steps are cumulative.

level-not_assessed = Not assessed
level-strong_interest = Step 1: strong interest in the conflict
level-wish_to_leave = Step 2: wishes to leave
level-in_transit_country = Step 3: in a transit country
level-short-not_assessed = Not assessed
level-short-strong_interest = Step 1
level-short-wish_to_leave = Step 2
level-short-in_transit_country = Step 3
level-legend = Concern level
level-intro = Each step includes the ones before it.
level-not-assessed-hint = Choose this when the level could not be assessed in this call.
level-meaning-strong_interest = A strong interest in the conflict.
level-meaning-wish_to_leave = Step 1, and has expressed a wish to leave or to change environment.
level-meaning-in_transit_country = Steps 1 and 2, and has already travelled to a transit country.
# $countries is a list of country names.
level-transit-countries = Transit countries: { $countries }
level-step-met = Met: included in the chosen step.

## The call

call-title = Call in progress
call-new-case = New case. Give the caller this number:
call-returning = Returning caller, case number:
copy-case-number = Copy number
copy-done = Copied. It is cleared from the clipboard after 30 seconds, or sooner if Helpline locks.
copy-failed = Could not copy. Select and copy the number (Ctrl+C).
call-timer-label = Call time
autosave-saved = Saved
autosave-saving = Saving…
autosave-retrying = Not saved — retrying
call-section-call = The call
call-channel-label = Channel
call-language-label = Language of the call
call-section-caller = The caller
caller-relationship-label = Relationship to the person of concern
caller-gender-label = Caller's gender
caller-gives-contact-label = The caller chooses to give contact details
caller-anonymous-hint = The call stays anonymous unless the caller chooses otherwise.
contact-name-label = Name
contact-phone-label = Phone
contact-email-label = E-mail
call-section-person = The person of concern
person-gender-label = Gender
person-age-band-label = Age
person-situation-label = Situation
person-environment-label = Environment
call-section-referrals = Referrals
referrals-none-available = The referral list is empty.
next-steps-label = Agreed next steps
follow-up-label = Follow-up date (optional)
# $example is a day written year first, in the UI language's digits.
follow-up-hint = Year, month and day, for example { $example }.
notes-label = Notes
notes-hint = Saved as you type.
# $count and $max are numbers of characters.
notes-counter = { $count } of { $max } characters
end-call = End call (Alt+E)
discard-call = Discard call
discard-call-question = Discard this call? Everything written in it will be deleted.
discard-call-confirm = Yes, discard the call
discard-call-cancel = No, back to the call
# End call when nothing was recorded: the content is still that of a new call.
empty-call-question = Nothing was recorded for this call.
empty-call-discard = Discard the call
empty-call-save = Save it anyway
empty-call-back = Back to the call
# In the call's header, before the level of the case's last call.
call-case-last-level = Last call:
call-follow-up-overdue = overdue
call-follow-up-today = due today
# Before the day of the case's follow-up, agreed in an earlier call.
follow-up-pending = The case's follow-up, agreed in an earlier call, stays until it is done or a new one is set:
follow-up-done-label = Done in this call
# $calls is the number of earlier calls.
call-story-title = Earlier calls on this case ({ $calls })
call-story-loading = Reading the earlier calls…
call-story-failed = The earlier calls could not be read.
# Followed by what is chosen in the fields under it.
call-details-title = Details:
call-details-none = Nothing stated yet

## Values

channel-phone = Phone
channel-email = E-mail
channel-not_stated = Not stated
call-language-sv = Swedish
call-language-en = English
call-language-ar = Arabic
call-language-other = Another language
call-language-not_stated = Not stated
relationship-mother = Mother
relationship-father = Father
relationship-sibling = Sibling
relationship-other_relative = Other relative
relationship-partner = Partner
relationship-friend = Friend
relationship-professional = Professional
relationship-other = Other
relationship-not_stated = Not stated
gender-woman = Woman
gender-man = Man
gender-other = Other
gender-not_stated = Not stated
age-under_15 = Under 15
age-15_17 = 15–17
age-18_20 = 18–20
age-21_25 = 21–25
age-26_30 = 26–30
age-over_30 = Over 30
age-unknown = Unknown
situation-radicalising = Radicalising
situation-planning_to_travel = Planning to travel
situation-in_conflict_zone = In a conflict zone
situation-returned = Has returned
situation-other_unknown = Other or unknown
environment-violent_islamist = Violent Islamist
environment-violent_right_wing = Violent right-wing
environment-violent_left_wing = Violent left-wing
environment-acting_alone_unclear = Acting alone or unclear
environment-criminal_network = Criminal network
environment-other_unknown = Other or unknown
referral-psychologist = Psychologist
referral-psychiatrist = Psychiatrist
referral-school_counsellor = School counsellor
referral-former_extremist = Former extremist
referral-social_services = Social services
referral-religious_community = Religious community
referral-ngo = Non-governmental organisation
referral-health_care = Health care
role-volunteer = Volunteer
role-supervisor = Supervisor

## Case history

history-title = Case history
history-case-number-label = Case number
history-ended = The call was saved in this case.
case-state =
    { $open ->
        [yes] This case is open.
       *[no] This case is closed.
    }
case-close = Close the case
case-reopen = Reopen the case
new-call-on-case = New call on this case
history-calls = Calls, newest first
history-no-calls = No calls recorded.
history-escalated = Concern rose
# $minutes is a whole number.
duration-minutes = { $minutes } min
duration-unknown = Not recorded
duration-under-minute = Under a minute
# The channel and language of a call, as one row.
history-call = Call
# $age is an age band such as 18–20.
history-age = age { $age }
history-caller = Caller
history-person = Person of concern
history-referrals = Referrals
history-next-steps = Next steps
history-follow-up = Follow-up
history-notes = Notes
history-correct = Correct this call
history-correctable-until = You can correct it until { $time }.
history-corrected = The call was corrected; the audit trail keeps that it was.
correction-title = Correct the call
correction-kept = The caller, the person of concern, the referrals and the contact details stay as they were.
correction-save = Save correction
correction-cancel = Cancel

## Change own passphrase

passphrase-title = Change your passphrase
passphrase-intro = The new passphrase opens the store from now on. Nothing else changes.
passphrase-current-label = Current passphrase
passphrase-new-label = New passphrase
passphrase-repeat-label = Repeat the new passphrase
passphrase-submit = Change passphrase
passphrase-done = Your passphrase has been changed.

## Supervisor settings

settings-title = Settings
settings-users = Users
user-you = (you)
remove-user = Remove
# $user is a user name (shown isolated).
remove-user-question = Remove { $user }? Their passphrase will no longer open the store.
remove-user-confirm = Yes, remove
user-removed = The user was removed.
user-add-title = Add a user
user-add-name-label = User name
user-add-role-label = Role
user-add-passphrase-label = Passphrase
user-add-submit = Add user
user-added = The user was added. Give them the passphrase in person.
reset-passphrase = New passphrase
# $user is a user name (shown isolated).
reset-passphrase-title = A new passphrase for { $user }
reset-passphrase-hint = Their old passphrase stops working at once. Give them the new one in person.
reset-passphrase-submit = Set the new passphrase
passphrase-reset-done = The new passphrase is set. Give it to them in person.
settings-referrals = Referral list
referral-add-code-label = Code (a–z, 0–9 and _)
referral-add-label-label = Label (leave empty for the built-in translation)
referral-add-submit = Add referral
remove-referral = Remove
referrals-saved = The referral list was saved.
settings-countries = Transit countries
country-add-label = Country code (two letters, for example TR)
country-add-submit = Add country
remove-country = Remove
countries-saved = The transit countries were saved.
settings-idle = Automatic lock
idle-lock-minutes-label = Minutes without activity before the app locks (1–120)
idle-lock-submit = Save
settings-recovery = Recovery code
recovery-replace-hint = If the paper with the recovery code is lost, or someone else may have seen it, replace the code. The old one then opens nothing on this computer, but it still opens the backups taken before: destroy those too, or keep them as safe as the new code.
recovery-replace-passphrase-label = Your passphrase, to confirm
recovery-replace-submit = Replace the recovery code…
idle-saved = Saved.
settings-empty = None.

## Statistics, supervisors only. Titles, labels and rules of the tables come from the
## desktop shell (statistics.ftl); these are the screen's own texts.

nav-statistics = Statistics
statistics-title = Statistics
statistics-intro = Calls, cases and referrals per month. Small counts are hidden, so that no one can be recognised from them.
statistics-query = Months and protection
statistics-from-label = First month
statistics-to-label = Last month
# $example is a month written year first, in the UI language's digits.
statistics-month-hint = Year and month, for example { $example }. At most 24 months.
statistics-k-label = Smallest count shown (k)
# $min and $max are the bounds of k.
statistics-k-hint = From { $min } to { $max }. Counts from 1 to k − 1 are hidden.
statistics-period-total-label = Add a column with the total over the period
statistics-period-total-hint = Over more than one month, the last column then gives each row's total over all the months. With a single month there is nothing to add up, so the box cannot be ticked.
statistics-show = Show statistics
statistics-results-title = Statistics
# $from and $to are months, shown isolated, left to right.
statistics-period = { $from } to { $to }
statistics-rules-title = How small counts are protected
# $k is shown isolated, left to right.
statistics-rules-k = Smallest count shown: { $k }
statistics-legend-title = Signs in the tables
# $symbol is the sign as the tables show it (for example "<5"); $below is one less than k.
statistics-legend-below = { $symbol }: between 1 and { $below }, too few to show.
# $symbol is the sign as the tables show it ("x"); $k is the smallest count shown.
statistics-legend-secondary = { $symbol }: a count of { $k } or more, hidden as well, so that no count below { $k } can be worked out from anything published: these tables, a total over the period or an earlier report.
# $symbol is the sign as the tables show it (".."); $k is the smallest count shown.
statistics-legend-withheld = { $symbol }: not published. Either the counts of a table in a month with fewer than { $k } calls, cases or referrals, where only the total is shown, or counts that hiding alone could not protect. It could be any number, zero included.
# $symbol is zero as the tables show it.
statistics-legend-zero = { $symbol }: none, exactly zero.
# Shown for a count hidden together with a small one, and for a figure that cannot be given.
statistics-hidden = x
# Shown for a count that is not published at all.
statistics-withheld = ..
statistics-preview = This is what saving a file would publish now. Showing the statistics publishes nothing.
statistics-period-column = The last column is each row's total over the whole period.
# The heading of that column, under its first and last month.
statistics-period-heading = Total over the period
statistics-chart-title = Calls per month
statistics-chart-hidden = A hidden total is drawn as an empty bar, marked with its sign.
# $month is a month, $value the count as the tables show it.
statistics-chart-bar = { $month }: { $value }
statistics-total = Total
statistics-unit-calls = Calls
statistics-unit-cases = Cases
statistics-unit-referrals = Referrals
statistics-call-time-title = Call time per month
statistics-calls-timed = Calls with a recorded length
statistics-total-minutes = Total minutes
statistics-median-minutes = Median minutes
statistics-export-title = Save as a file
statistics-export-hint = Saves the chosen months in the language of the app. You choose where the file goes.
statistics-export-publishes = Saving a file publishes the chosen months. A published month never changes afterwards: every later file shows it exactly as it was first published. Only months that have ended can be published.
# $format is the format's own name ("CSV", "Excel (.xlsx)"), shown isolated, left to right.
statistics-export-csv = Save as { $format }
statistics-export-json = Save as { $format }
statistics-export-xlsx = Save as { $format }
statistics-export-html = Save as web page ({ $format })
# $path is where the file was saved, shown isolated, left to right.
statistics-export-saved = Saved to { $path }
statistics-export-cancelled = Nothing was saved: the save was cancelled.
statistics-export-failed = The file was not saved.

## Safety, supervisors only: backups, checks, retention, forgetting, the audit trail

safety-title = Safety and records
safety-intro = Backups, checks, how long case content is kept, forgetting a case, and the record of who did what.
safety-backup-title = Backup
backup-hint = An encrypted copy of the whole store in one file. It opens with a passphrase that was valid when it was taken, or with the recovery code. Keep it away from this computer.
backup-take = Take a backup…
# $path is where the backup was saved, shown isolated, left to right.
backup-saved = Backup saved to { $path }
backup-cancelled = No backup was taken: the save was cancelled.
backup-failed = The backup was not taken.
safety-check-title = Check
verify-hint = Opens every encrypted record and checks that nothing has been damaged or changed.
verify-store = Check the store
# $count is how many encrypted values were opened.
verify-sound =
    { $count ->
        [one] The store is sound: one encrypted value was opened and checked.
       *[other] The store is sound: { $count } encrypted values were opened and checked.
    }
# $count is how many records are damaged (0 when only the file itself is).
verify-unsound =
    { $count ->
        [0] The store file itself is damaged.
        [one] Damage found: one record does not open.
       *[other] Damage found: { $count } records do not open.
    }
verify-newer-format =
    { $count ->
        [one] One record was written by a newer version of Helpline. Nothing is damaged: update the app to read it.
       *[other] { $count } records were written by a newer version of Helpline. Nothing is damaged: update the app to read them.
    }
verify-file-problems = The database file itself is damaged. SQLite's own check says:
# $place is "table-column" of a damaged record.
verify-place =
    { $place ->
        [users-role] A user's role
        [settings-value] A setting of the helpline
        [cases-wrapped_key] A case's key (nothing of that case opens)
        [cases-number] A case's number
        [cases-summary] A case's summary
        [calls-details] A call's details
        [calls-notes] A call's notes
        [call_drafts-details] An unfinished call's details
        [call_drafts-notes] An unfinished call's notes
        [key_slots-user_id] A user's key slot (it is not the one that user was given)
        [cases-number_index] A case's lookup index (it does not match the case's number)
        [calls-month] A call's month (it does not match the call's start)
       *[other] A record of the store
    }
verify-damaged-title = Damaged records
verify-col-what = What
verify-col-record = Record number
verify-advice = Everything else can still be read. Keep your earlier backups: the latest one that checks as sound can be restored.
verify-schema-changed = The data file holds tables, triggers, views or indexes that Helpline did not make, or lacks some it did: someone changed it outside the app. Do not use it; restore the latest backup that checks as sound.
verify-backup-title = Check a backup file
verify-backup-passphrase-label = Your passphrase
verify-backup-passphrase-hint = As it was when the backup was taken. The backup is opened in a temporary folder and checked there; nothing here changes.
verify-backup-submit = Choose a backup file and check it…
verify-backup-cancelled = Nothing was checked: no file was chosen.
verify-backup-failed = The backup file could not be checked.
# $path is the checked file, shown isolated, left to right.
verify-backup-checked = Checked { $path }:
safety-retention-title = How long case content is kept
retention-hint = A case whose last call is older than the period is destroyed for good: when the period is saved, and every time someone signs in. Statistics already published do not change.
# $months is the period in force; 0 means until the case is forgotten.
retention-current =
    { $months ->
        [0] Now: case content is kept until a supervisor forgets the case.
        [one] Now: case content is kept for one month after the case's last call.
       *[other] Now: case content is kept for { $months } months after the case's last call.
    }
# $cases is how many cases saving the period destroyed.
retention-saved =
    { $cases ->
        [0] Saved. No case was old enough to be destroyed.
        [one] Saved. One case was destroyed for good.
       *[other] Saved. { $cases } cases were destroyed for good.
    }
retention-legend = Keep case content
retention-forever = Until a supervisor forgets the case
retention-limited = For a number of months after the case's last call
retention-months-label = Months after the last call (1–120)
retention-months-hint = For example 24 for two years.
retention-submit = Save
# $months is the new, shorter period.
retention-question =
    { $months ->
        [one] Destroy every case whose last call was more than one month ago?
       *[other] Destroy every case whose last call was more than { $months } months ago?
    } They are deleted from this computer for good, now and at every sign-in from now on. This cannot be undone.
retention-confirm = Yes, save and destroy them
safety-forget-title = Forget a case
forget-hint = For a caller who asks to be forgotten: the case and all its calls are deleted from this computer at once. Backups taken before still hold it until they are deleted.
forget-submit = Forget this case…
# $number is the case number (shown isolated, left to right); $calls how many calls it has.
forget-question =
    { $calls ->
        [one] Forget case { $number } and its one call for good?
       *[other] Forget case { $number } and its { $calls } calls for good?
    } This cannot be undone: nobody will be able to open it again.
forget-confirm = Yes, forget it for good
# $number is the case number (shown isolated, left to right).
forget-done = Case { $number } was forgotten. It is gone from this computer.
forget-backups =
    { $count ->
        [one] One backup taken since this case began still holds it. Destroy that backup, and every copy of it, to forget the case there too:
       *[other] { $count } backups taken since this case began still hold it. Destroy them, and every copy, to forget the case there too:
    }
forget-backup-taken = the backup taken { $when }
safety-audit-title = Audit trail
audit-hint = Who signed in (and who tried and failed: the name typed, never the passphrase), opened a case, exported statistics, took a backup, or changed users and settings, and when. It names no caller and no case number.
audit-show = Show the trail
audit-refresh = Show it again
audit-verify = Verify the trail
audit-more = Show more
audit-empty = The trail is empty.
# $shown and $count are numbers of entries.
audit-count = Showing the newest { $shown } of { $count } entries.
audit-table-caption = Audit trail, newest first
audit-col-seq = No.
audit-col-when = When
audit-col-who = Who
audit-col-what = What
# $setting is the code of one of the helpline's settings.
audit-setting =
    { $setting ->
        [referrals] the referral list
        [transit_countries] the transit countries
        [idle_lock_minutes] the automatic lock
        [retention_months] how long case content is kept
       *[other] a setting ({ $setting })
    }
audit-action-signed_in = Signed in.
audit-action-recovery_code_used = Opened the store with the recovery code.
# $case is a reference to the case's record, never its number.
audit-action-case_opened = Opened a case (record { $case }).
audit-action-case_forgotten = Forgot a case for good (record { $case }).
audit-action-case_forgotten_elsewhere = A case forgotten at another desk was destroyed here (record { $case }).
audit-action-forget_failed = Could not forget a case (record { $case }): the data file was changed outside Helpline ({ $reason }). Nothing was removed.
audit-action-recovery_code_replaced = Replaced the recovery code.
audit-action-key_slots_bound = Recorded whose each key slot is (once, after an update; a second entry means the record was removed from the file).
audit-action-follow_up_done = Marked a case's follow-up done (record { $case }).
audit-action-call_corrected = Corrected a call they took (record { $case }): { $fields }.
# $cases is a number of cases, $months the retention period.
audit-action-cases_expired =
    { $cases ->
        [one] The retention period ({ $months } months) destroyed one case.
       *[other] The retention period ({ $months } months) destroyed { $cases } cases.
    }
# $from and $to are months, $format a file format, $k the smallest count shown.
audit-action-statistics_exported = Exported statistics for { $from } to { $to } as { $format } (smallest count shown: { $k }).
audit-action-backup_taken = Took a backup.
# $name is a user name, $role "supervisor" or "volunteer".
audit-action-user_added =
    { $role ->
        [supervisor] Added { $name } as a supervisor.
       *[volunteer] Added { $name } as a volunteer.
    }
audit-action-user_removed = Removed the user { $name }.
audit-action-passphrase_changed = Changed their own passphrase.
audit-action-passphrase_reset = Gave { $name } a new passphrase.
# $setting is the setting's name as audit-setting gives it.
audit-action-settings_changed = Changed { $setting }.
# $name is the user's name as typed (unknown names are not kept); $when the time of the attempt; it was entered at the next sign-in.
audit-action-sign_in_failed =
    { $reason ->
        [unknown_user] Someone tried to sign in with a name this store does not have ({ $when }).
        [wrong_recovery_code] Someone tried the recovery code for { $name }, and it was wrong ({ $when }).
       *[wrong_passphrase] Someone tried to sign in as { $name } with a wrong passphrase ({ $when }).
    }
audit-action-sign_in_reports_damaged =
    { $replaced ->
        [yes] The key that failed sign-ins are sealed to had been replaced in the file, and { $unreadable } reports could not be read. Someone has edited the store.
       *[no] { $unreadable } reports of failed sign-ins could not be read. Someone has edited the store.
    }
# $count is how many entries were checked.
audit-sound = The trail is whole: { $count } entries checked, none altered or removed.
audit-unsound = The trail has been damaged or tampered with:
# $seq is the first entry concerned, $last the last one, $count how many.
audit-problem-altered =
    { $count ->
        [one] Entry { $seq } was altered or does not open.
       *[other] Entries { $seq } to { $last } were altered or do not open.
    }
audit-problem-missing =
    { $count ->
        [one] Entry { $seq } is missing.
       *[other] Entries { $seq } to { $last } are missing.
    }
audit-problem-tail_removed =
    { $count ->
        [one] The last entry (number { $seq }) was removed.
       *[other] The last { $count } entries (from number { $seq }) were removed.
    }
# $fingerprint is 16 hexadecimal characters, shown isolated, left to right.
audit-fingerprint = Fingerprint of the trail: { $fingerprint }
audit-fingerprint-hint = Note the fingerprint and the date down away from this computer. If the trail is ever wound back to an earlier state, it will show an older fingerprint than the last one you noted.

## Errors: one per error code from the desktop shell, plus the UI's own checks.

error-passphrase_mismatch = The two passphrases are not the same.
error-wrong_passphrase = The passphrase is wrong. Check it and try again.
error-unknown_user = There is no user with that name.
error-store_locked = The store is locked. Unlock it first.
error-store_exists = A store already exists on this computer.
error-not_a_store = The data file is not a Helpline store, or it is damaged.
error-store_damaged = The data file is damaged and cannot be read whole. Ask your supervisor to restore the latest backup.
error-newer_schema = The store was written by a newer version of Helpline. Update the app to open it.
error-damaged_record = A record in the store is damaged and could not be opened.
error-schema_changed = The data file was changed outside Helpline: it holds something the app never made. Do not use it. Ask your supervisor to restore the latest backup on this computer.
error-destroy_incomplete = The case could not be destroyed: the data file was changed outside Helpline, and it kept what was deleted. Nothing was removed. Ask your supervisor to restore the latest backup.
error-sync_change_damaged = A change from the helpline's server did not open or did not hold together, so nothing of it was kept. Tell your supervisor.
error-sync_change_newer = A change from the helpline's server was written by a newer version of Helpline. Update the app on this computer.
error-case_number_collision = Another desk gave the same case number to a different case while the two were apart. Syncing stops here until this is resolved; tell your supervisor.
error-server_unreachable = The helpline's server cannot be reached. This computer goes on working and syncs when it can.
error-server_refused = The helpline's server refused the request. Check that it was set up, and that this computer has not been removed from the helpline.
error-server_needs_tls = That server is not on this computer. Over a network, this version connects only through a local socket or on this computer; ask your supervisor.
error-server_address_invalid = That is not a server address Helpline can use. Check it with your supervisor.
error-invitation_invalid = That is not an invitation. Check it with the supervisor who made it: 39 letters and digits, in groups of four.
error-invitation_unknown = The server has no such invitation: it was used already, or withdrawn. Ask your supervisor for a new one.
error-record_damaged = A record from the helpline's server does not open with this computer's keys. Nothing of it was kept; tell your supervisor.
error-desk_removed = This computer was removed from the helpline by a supervisor. It keeps what it had, but syncs no more.
error-desk_not_connected = This computer is not connected to a helpline's server. A supervisor connects it, or it joins a helpline with an invitation.
error-desk_connected = This computer is connected to a helpline's server already.
error-server_in_use = That server holds another helpline's records already. A new desk joins it with an invitation from one of its supervisors.
error-not_allowed = Your role does not allow this.
error-invalid_user_name = That user name cannot be used. Check that it is not empty and choose a simpler one.
error-passphrase_too_short = The passphrase is too short. It needs at least { $min } characters.
error-passphrase_weak = This passphrase would be easy to guess: it is a common password, a name or date, a pattern or a repeat. Choose four or more words that do not belong together, or a sentence only you would make.
error-passphrase_too_long = The passphrase is too long. Choose a shorter one.
error-storage_failed = The data could not be read or written on this computer. Check that the disk is not full.
error-invalid_argument = The app sent a request that was not valid. Please report this.
error-wrong_recovery_code = The recovery code is wrong. Check it against what was written down.
error-user_exists = There is already a user with that name (letter case does not make another name).
error-user_name_ambiguous = Two users have this name in different letter case. Type it exactly as it was set up, and ask a supervisor to remove one of them.
error-key_slot_missing = This user's key is missing from the store. Sign in as another user or use the recovery code.
error-no_store = There is no store in the data folder yet.
# The two lookup errors read the same on purpose: for the volunteer both mean "ask again".
error-case_number_check_failed = That number is not valid — check it with the caller.
error-case_number_malformed = That number is not valid — check it with the caller.
error-no_such_case = No case has that number — check it with the caller.
error-too_long = The text is too long to be saved. Shorten it.
error-out_of_range = Choose a whole number from { $min } to { $max }.
error-too_many = The list holds at most { $max }. Remove one first.
error-referral_code_malformed = A code is { $min } to { $max } characters: a–z, 0–9 and _.
error-record_format_unknown = Part of this store was written by a newer version of Helpline. Nothing is damaged: update the app to read it.
error-contact_details_missing = You chose that the caller gives contact details, but none were entered. Enter them, or switch the choice off.
error-no_such_call = That unfinished call is no longer there.
error-invalid_country = That is not a two-letter country code (ISO 3166), such as TR.
error-draft_not_saved = The notes could not be saved. Press Lock again to lock anyway; the latest changes would be lost.
error-referral_exists = The list already has that code.
error-country_exists = The list already has that country.
error-case_number_empty = Type the case number the caller gives you.
error-export_failed = The file could not be written. Check that the folder exists, that you may save there and that the disk is not full. The months are published all the same: saving them again gives the same values.
error-month_missing = Choose a first and a last month (year and month, for example 2026-03).
error-period_reversed = The last month cannot come before the first.
error-period_too_long = Choose at most 24 months at a time.
error-date_invalid = That is not a date. Write the year, month and day, as in the example under the field.
error-invalid_k = Choose a smallest count shown (k) from 3 to 100.
error-month_not_ended = A chosen month has not ended yet. Its statistics can be published once it has: choose months up to last month.
error-month_has_open_call = A call that started in one of these months is still open. End or discard it from the unfinished calls on the home screen, then try again.
error-threshold_fixed = This helpline's statistics have already been published with another smallest count shown (k). Use the same k as in the earlier reports, so that reports can be compared without giving a hidden count away.
error-month_published = The statistics of that month have been published, so no call can be added to it any more. Record the call with today's date and say in the notes when it took place.
error-not_your_call = Only the volunteer who took a call can correct it, and calls recorded before corrections were possible cannot be corrected.
error-correction_window_closed = A call can be corrected until 12 hours after it ended; this one can no longer be corrected.
error-correction_changes_published = The statistics of that month have been published, and this correction would change what they count. The notes and next steps can still be corrected.
error-not_a_backup = That file is not a Helpline backup, or its beginning is damaged.
error-backup_damaged = The backup is damaged: its contents do not open. Use another backup.
error-backup_failed = The backup could not be written. Check that the folder exists, that you may save there and that the disk is not full.
error-clipboard_failed = The number could not be put on the clipboard. Select it and copy it (Ctrl+C).
error-recovery_code_malformed = That is not a recovery code. It has 32 letters and digits (2–7), in groups of four.
error-retention_failed = Cases past the retention period could not be destroyed at sign-in; they are still there. Save the period again under Safety to retry.
error-locked_idle = Helpline locked itself: nobody used it for a while. Sign in to go on; an open call is kept as it was last saved.
error-locked_suspend = Helpline locked when the computer went to sleep. Sign in to go on; an open call is kept as it was last saved.
error-locked_screen = Helpline locked with the screen. Sign in to go on; an open call is kept as it was last saved.
# Any error code this version of the app does not know.
error-unknown = Something went wrong. Try again; if it keeps happening, tell your supervisor.

## Several desks, one helpline: the quiet state in the header, shown while this desk is connected
sync-syncing = Syncing…
# $time is the time of day of the last sync that went through.
sync-synced = Synced { $time }
# $time is the time of day since when the server could not be reached.
sync-offline = Offline since { $time }
sync-failed = Sync problem: tell a supervisor

## The desks screen, supervisors only
nav-desks = Desks
desks-title = Desks
desks-intro = The desks of one helpline share its cases through the helpline's server, which holds only sealed records. Every desk keeps its own encrypted store and goes on working when the server cannot be reached.
desks-status-title = This desk
desks-alone = This desk is on its own: its calls stay on this computer.
desks-connected = This desk is connected. It syncs every minute and soon after every call.
desks-name = Desk name
desks-server = Server
desks-pending = Changes waiting to be sent
desks-position = Position in the server's log
desks-state = Sync
desks-state-off = Not synced yet since sign-in
desks-sync-now = Sync now
# $count is how many changes of this desk were sent, $calls how many calls of other desks were
# filed here, $cases how many cases forgotten at other desks were destroyed here.
desks-sync-done = Synced. Sent: { $count }. Calls from other desks: { $calls }. Cases forgotten: { $cases }.
desks-connect-title = Connect this desk
desks-connect-hint = For the first desk of a helpline, once its server has been set up. The address comes from whoever set up the server. It holds the desks' password: it is not shown again, here or anywhere.
desks-address-label = Server address
desks-address-hint = A local socket or this computer, such as host=/run/postgresql dbname=helpline, with the desks' user and password.
desks-name-label = Name of this desk
desks-name-hint = Up to 60 characters, such as "Office" or "Sara's laptop". The other desks see it.
desks-connect-submit = Connect this desk
desks-connecting = Connecting…
desks-invite-title = Invite a desk
desks-invite-hint = A new desk joins from its first-run screen ("Join a helpline") with the server address and a one-time invitation. Making one syncs, then puts a sealed copy of this desk's store on the server; it takes a moment.
desks-invite-name-label = Name of the new desk
desks-invite-submit = Make an invitation
desks-inviting-short = Inviting…
desks-inviting = Inviting… This desk's store is being sealed and sent to the server.
# $name is the new desk's name (shown isolated).
desks-invitation-title = Invitation for { $name }
desks-invitation-once = It is shown only now and works once. It opens the helpline's data: hand it to the new desk's person yourself, or over a channel you trust, never by e-mail or chat, and the server address the same way.
desks-invitation-done = I have passed it on: hide it

## Joining a helpline, on the first-run screen
setup-join-title = Another desk of a helpline?
setup-join-hint = Make this computer a new desk of a helpline that has desks already, with the server address and an invitation from a supervisor.
setup-join = Join a helpline…
join-title = Join a helpline
join-intro = Enter what the supervisor gave you, then your user name and passphrase as they are at the other desks.
join-address-label = Server address
join-address-hint = As the supervisor gave it. It holds the desks' password.
join-invitation-label = Invitation
join-invitation-hint = 39 letters and digits in groups of four. It works once: if joining fails after the server took it, ask for a new one.
join-passphrase-hint = Your passphrase at the other desks.
join-submit = Join and sign in
join-working = Joining… The helpline's data is being fetched and opened.
error-desk_name_empty = Give the desk a name, such as "Office".
