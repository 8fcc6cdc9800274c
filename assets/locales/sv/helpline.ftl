# Helpline — svenska.
# Varje meddelande-id här måste också finnas i en/ och ar/ (ett UI-test kontrollerar det).

## Gemensamt

app-title = Helpline
language-name = Svenska
language-label = Språk
loading = Laddar …
working = Vänta …
retry = Försök igen
startup-failed-title = Helpline kunde inte starta

## Första start

setup-title = Kom igång med Helpline
setup-intro = Här skapas det krypterade lagret på den här datorn och dess första användare, en handledare.
setup-user-label = Användarnamn
setup-passphrase-label = Lösenfras
setup-passphrase-hint = Minst 10 tecken. Några ord som inte hör ihop är lätta att minnas och svåra att gissa.
setup-passphrase-repeat-label = Upprepa lösenfrasen
setup-submit = Skapa lagret

## Återställningskod, visas en gång direkt efter första start

recovery-title = Din återställningskod
recovery-explain = Koden öppnar lagret om alla lösenfraser har glömts bort.
recovery-once = Den visas bara den här enda gången. Skriv ner den och förvara den på ett säkert ställe, offline och inte på den här datorn.
recovery-stored = Jag har förvarat den säkert
recovery-continue = Fortsätt

## Lås upp

unlock-title = Lås upp Helpline
unlock-intro = Lagret är låst. Logga in med ditt användarnamn och din lösenfras.
unlock-user-label = Användarnamn
unlock-passphrase-label = Lösenfras
unlock-submit = Lås upp

## Startsida

home-greeting = Hej { $user }!
home-role =
    { $role ->
        [supervisor] Du är inloggad som handledare.
       *[volunteer] Du är inloggad som volontär.
    }
home-next = Skärmarna för samtal och statistik kommer härnäst.
home-lock = Lås

## Fel

error-passphrase_mismatch = De två lösenfraserna är inte likadana.
error-wrong_passphrase = Lösenfrasen är fel. Kontrollera den och försök igen.
error-unknown_user = Det finns ingen användare med det namnet.
error-store_locked = Lagret är låst. Lås upp det först.
error-store_exists = Det finns redan ett lager på den här datorn.
error-not_a_store = Datafilen är inte ett Helpline-lager, eller så är den skadad.
error-newer_schema = Lagret har skrivits av en nyare version av Helpline. Uppdatera appen för att öppna det.
error-damaged_record = En post i lagret är skadad och kunde inte öppnas.
error-not_allowed = Din roll får inte göra detta.
error-invalid_user_name = Det användarnamnet kan inte användas. Kontrollera att det inte är tomt och välj ett enklare namn.
error-passphrase_too_short = Lösenfrasen är för kort. Den måste ha minst 10 tecken.
error-passphrase_too_long = Lösenfrasen är för lång. Välj en kortare.
error-storage_failed = Data kunde inte läsas eller skrivas på den här datorn. Kontrollera att disken inte är full.
error-invalid_argument = Appen skickade en ogiltig begäran. Rapportera gärna detta.
error-wrong_recovery_code = Återställningskoden är fel. Jämför med det som skrevs ner.
error-user_exists = Det finns redan en användare med det namnet.
error-key_slot_missing = Den här användarens nyckel saknas i lagret. Logga in som en annan användare eller använd återställningskoden.
error-no_store = Det finns ännu inget lager i datamappen.
error-case_number_check_failed = Numret är inte giltigt. Kontrollera det med den som ringer.
error-case_number_malformed = Ett ärendenummer har 11 siffror. Kontrollera det med den som ringer.
error-no_such_case = Inget ärende har det numret. Kontrollera det med den som ringer.
error-too_long = Texten är för lång för att sparas. Korta den.
error-unknown = Något gick fel. Försök igen; om det fortsätter, säg till din handledare.
