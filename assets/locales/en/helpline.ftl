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

## Home

# $user is the user's name; the app shows it isolated, so it may be in any script.
home-greeting = Hello, { $user }!
# $role is "supervisor" or "volunteer".
home-role =
    { $role ->
        [supervisor] You are signed in as a supervisor.
       *[volunteer] You are signed in as a volunteer.
    }
home-next = The screens for calls and statistics come next.
home-lock = Lock

## Errors: one per error code from the desktop shell, plus the UI's own checks.

error-passphrase_mismatch = The two passphrases are not the same.
error-wrong_passphrase = The passphrase is wrong. Check it and try again.
error-unknown_user = There is no user with that name.
error-store_locked = The store is locked. Unlock it first.
error-store_exists = A store already exists on this computer.
error-not_a_store = The data file is not a Helpline store, or it is damaged.
error-newer_schema = The store was written by a newer version of Helpline. Update the app to open it.
error-damaged_record = A record in the store is damaged and could not be opened.
error-not_allowed = Your role does not allow this.
error-invalid_user_name = That user name cannot be used. Check that it is not empty and choose a simpler one.
error-passphrase_too_short = The passphrase is too short. It needs at least 10 characters.
error-passphrase_too_long = The passphrase is too long. Choose a shorter one.
error-storage_failed = The data could not be read or written on this computer. Check that the disk is not full.
error-invalid_argument = The app sent a request that was not valid. Please report this.
error-wrong_recovery_code = The recovery code is wrong. Check it against what was written down.
error-user_exists = There is already a user with that name.
error-key_slot_missing = This user's key is missing from the store. Sign in as another user or use the recovery code.
error-no_store = There is no store in the data folder yet.
error-case_number_check_failed = That number is not valid. Check it with the caller.
error-case_number_malformed = A case number has 11 digits. Check it with the caller.
error-no_such_case = No case has that number. Check it with the caller.
error-too_long = The text is too long to be saved. Shorten it.
# Any error code this version of the app does not know.
error-unknown = Something went wrong. Try again; if it keeps happening, tell your supervisor.
