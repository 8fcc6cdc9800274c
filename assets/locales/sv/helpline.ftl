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

## Att i stället återställa en säkerhetskopia, på en ny dator

setup-restore-title = Ska ni flytta till en ny dator?
setup-restore-hint = Återställ lagret från en säkerhetskopia i stället för att skapa ett nytt.
setup-restore = Återställ från en säkerhetskopia …
restore-title = Återställ från en säkerhetskopia
restore-intro = Säkerhetskopian blir den här datorns lager. Öppna den med din lösenfras som den var när kopian togs, eller med återställningskoden.
restore-chosen = Säkerhetskopia: { $file }
restore-choose-again = Välj en annan fil …
restore-method-legend = Öppna säkerhetskopian med
restore-with-passphrase = Min lösenfras
restore-with-recovery = Återställningskoden, och välj en ny lösenfras
restore-passphrase-hint = Din lösenfras som den var när säkerhetskopian togs.
restore-submit = Återställ och logga in
restore-cancel = Tillbaka
restore-working = Återställer … Det tar en liten stund.

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
unlock-checking = Kontrollerar …

## Lås upp med återställningskoden, när alla lösenfraser är bortglömda

unlock-use-recovery = Har alla glömt sin lösenfras? Använd återställningskoden
recover-title = Använd återställningskoden
recover-intro = Återställningskoden visades en gång, när lagret skapades. Den öppnar lagret och ger användaren du anger en ny lösenfras.
recover-code-label = Återställningskod
recover-code-hint = 32 bokstäver och siffror, så som de skrevs ner. Bindestreck, mellanslag och små bokstäver går bra.
recover-submit = Öppna lagret
recover-back = Tillbaka till inloggningen

## Meny

nav-label = Huvudmeny
nav-home = Start
nav-cases = Ärenden
nav-passphrase = Byt lösenfras
nav-settings = Inställningar
nav-safety = Säkerhet
home-lock = Lås (Ctrl+L)

## Startsida

home-greeting = Hej { $user }!
home-role =
    { $role ->
        [supervisor] Du är inloggad som handledare.
       *[volunteer] Du är inloggad som volontär.
    }
new-call = Nytt samtal (Alt+N)
new-call-hint = Ärendenumret visas direkt, så att du kan ge det till den som ringer.
lookup-title = Återkommande samtal
lookup-label = Ärendenummer
lookup-hint = Skriv det som den som ringer säger det. Mellanslag, bindestreck och arabiska siffror går bra.
lookup-submit = Hitta ärendet
retention-expired =
    { $cases ->
        [one] Ett ärende förstördes för gott: dess tid enligt gallringsregeln hade gått ut.
       *[other] { $cases } ärenden förstördes för gott: deras tid enligt gallringsregeln hade gått ut.
    }

## Oavslutade samtal

unfinished-title = Ett samtal avslutades inte – anteckningarna sparades. Vill du fortsätta det?
unfinished-call = Ärende { $number }, började { $started }
resume-call = Fortsätt samtalet
discard-unfinished = Kasta det
discard-unfinished-question = Kasta det oavslutade samtalet? Allt som skrivits i det raderas.
discard-unfinished-confirm = Ja, kasta det
confirm-cancel = Nej, behåll det

## Ärendelista

cases-title = Ärenden
cases-filters = Visa
cases-filter-open = Bara öppna ärenden
cases-filter-due = Uppföljning att göra
cases-filter-level = Senaste nivå minst
cases-filter-level-any = Alla nivåer
cases-filter-level-min =
    { $step ->
        [3] Steg 3
       *[other] Steg { $step } eller högre
    }
cases-col-number = Ärendenummer
cases-col-latest = Senaste nivå
cases-col-highest = Högsta nivå
cases-col-last-call = Senaste samtal
cases-col-follow-up = Uppföljning
cases-col-calls = Samtal
cases-follow-up-overdue = Försenad
cases-follow-up-today = I dag
cases-mark-done = Markera som gjord
cases-sort = Ordning
cases-sort-follow_up = Uppföljning först
cases-sort-level = Högsta nivå först
cases-sort-last_call = Senaste samtal först
cases-closed = stängt
cases-empty = Inga ärenden matchar.
cases-capped =
    { $total ->
        [one] Visar { $shown } av { $count } ärende. Begränsa urvalet, eller slå upp ett ärende på dess nummer.
       *[other] Visar de { $shown } första av { $count } ärenden, i vald ordning. Begränsa urvalet, eller slå upp ett ärende på dess nummer.
    }
value-none = –

## Oro i tre steg

level-not_assessed = Inte bedömd
level-strong_interest = Steg 1: starkt intresse för konflikten
level-wish_to_leave = Steg 2: vill resa iväg
level-in_transit_country = Steg 3: i ett transitland
level-short-not_assessed = Inte bedömd
level-short-strong_interest = Steg 1
level-short-wish_to_leave = Steg 2
level-short-in_transit_country = Steg 3
level-legend = Oronivå
level-intro = Varje steg innefattar stegen före.
level-not-assessed-hint = Välj detta när nivån inte gick att bedöma i samtalet.
level-meaning-strong_interest = Ett starkt intresse för konflikten.
level-meaning-wish_to_leave = Steg 1, och har uttryckt en önskan att resa iväg eller byta miljö.
level-meaning-in_transit_country = Steg 1 och 2, och har redan rest till ett transitland.
level-transit-countries = Transitländer: { $countries }
level-step-met = Uppfyllt: ingår i det valda steget.

## Samtalet

call-title = Pågående samtal
call-new-case = Nytt ärende. Ge den som ringer det här numret:
call-returning = Återkommande, ärendenummer:
copy-case-number = Kopiera numret
copy-done = Kopierat. Numret rensas från urklippet efter 30 sekunder, eller tidigare om Helpline låses.
copy-failed = Kunde inte kopiera. Markera och kopiera numret (Ctrl+C).
call-timer-label = Samtalstid
autosave-saved = Sparat
autosave-saving = Sparar …
autosave-retrying = Inte sparat – försöker igen
call-section-call = Samtalet
call-channel-label = Kanal
call-language-label = Samtalets språk
call-section-caller = Den som ringer
caller-relationship-label = Relation till den det gäller
caller-gender-label = Kön på den som ringer
caller-gives-contact-label = Den som ringer väljer att lämna kontaktuppgifter
caller-anonymous-hint = Samtalet är anonymt om inte den som ringer väljer något annat.
contact-name-label = Namn
contact-phone-label = Telefon
contact-email-label = E-post
call-section-person = Den det gäller
person-gender-label = Kön
person-age-band-label = Ålder
person-situation-label = Situation
person-environment-label = Miljö
call-section-referrals = Hänvisningar
referrals-none-available = Hänvisningslistan är tom.
next-steps-label = Överenskomna nästa steg
follow-up-hint = År, månad och dag, till exempel { $example }.
follow-up-label = Datum för uppföljning (valfritt)
notes-label = Anteckningar
notes-hint = Sparas medan du skriver.
notes-counter = { $count } av { $max } tecken
end-call = Avsluta samtalet (Alt+E)
discard-call = Kasta samtalet
discard-call-question = Kasta samtalet? Allt som skrivits i det raderas.
discard-call-confirm = Ja, kasta samtalet
discard-call-cancel = Nej, tillbaka till samtalet
empty-call-question = Inget registrerades för det här samtalet.
empty-call-discard = Kasta samtalet
empty-call-save = Spara ändå
empty-call-back = Tillbaka till samtalet
call-case-last-level = Senaste samtalet:
call-follow-up-overdue = försenad
call-follow-up-today = i dag
follow-up-pending = Ärendets uppföljning, som bestämdes i ett tidigare samtal, finns kvar tills den är gjord eller en ny bestäms:
follow-up-done-label = Gjord i det här samtalet
call-story-title = Tidigare samtal i ärendet ({ $calls })
call-story-loading = Läser de tidigare samtalen…
call-story-failed = De tidigare samtalen kunde inte läsas.
call-details-title = Uppgifter:
call-details-none = Inget angivet ännu

## Värden

channel-phone = Telefon
channel-email = E-post
channel-not_stated = Inte angivet
call-language-sv = Svenska
call-language-en = Engelska
call-language-ar = Arabiska
call-language-other = Annat språk
call-language-not_stated = Inte angivet
relationship-mother = Mamma
relationship-father = Pappa
relationship-sibling = Syskon
relationship-other_relative = Annan släkting
relationship-partner = Partner
relationship-friend = Vän
relationship-professional = Yrkesperson
relationship-other = Annan
relationship-not_stated = Inte angivet
gender-woman = Kvinna
gender-man = Man
gender-other = Annat
gender-not_stated = Inte angivet
age-under_15 = Under 15
age-15_17 = 15–17
age-18_20 = 18–20
age-21_25 = 21–25
age-26_30 = 26–30
age-over_30 = Över 30
age-unknown = Okänd
situation-radicalising = Radikaliseras
situation-planning_to_travel = Planerar att resa
situation-in_conflict_zone = I ett konfliktområde
situation-returned = Har återvänt
situation-other_unknown = Annat eller okänt
environment-violent_islamist = Våldsbejakande islamism
environment-violent_right_wing = Våldsbejakande högerextremism
environment-violent_left_wing = Våldsbejakande vänsterextremism
environment-acting_alone_unclear = Agerar ensam eller oklart
environment-criminal_network = Kriminellt nätverk
environment-other_unknown = Annat eller okänt
referral-psychologist = Psykolog
referral-psychiatrist = Psykiatriker
referral-school_counsellor = Skolkurator
referral-former_extremist = Före detta extremist
referral-social_services = Socialtjänsten
referral-religious_community = Trossamfund
referral-ngo = Ideell organisation
referral-health_care = Hälso- och sjukvård
role-volunteer = Volontär
role-supervisor = Handledare

## Ärendets historik

history-title = Ärendets historik
history-case-number-label = Ärendenummer
history-ended = Samtalet sparades i det här ärendet.
case-state =
    { $open ->
        [yes] Ärendet är öppet.
       *[no] Ärendet är stängt.
    }
case-close = Stäng ärendet
case-reopen = Öppna ärendet igen
new-call-on-case = Nytt samtal i ärendet
history-calls = Samtal, nyaste först
history-no-calls = Inga samtal registrerade.
history-escalated = Oron ökade
duration-minutes = { $minutes } min
duration-unknown = Inte registrerad
duration-under-minute = Under en minut
history-call = Samtal
history-age = ålder { $age }
history-caller = Den som ringde
history-person = Den det gäller
history-referrals = Hänvisningar
history-next-steps = Nästa steg
history-follow-up = Uppföljning
history-notes = Anteckningar
history-correct = Rätta samtalet
history-correctable-until = Du kan rätta det fram till { $time }.
history-corrected = Samtalet rättades; loggen visar att det rättades.
correction-title = Rätta samtalet
correction-kept = Uppringaren, personen det gäller, hänvisningarna och kontaktuppgifterna lämnas som de var.
correction-save = Spara rättelsen
correction-cancel = Avbryt

## Byt lösenfras

passphrase-title = Byt din lösenfras
passphrase-intro = Den nya lösenfrasen öppnar lagret från och med nu. Inget annat ändras.
passphrase-current-label = Nuvarande lösenfras
passphrase-new-label = Ny lösenfras
passphrase-repeat-label = Upprepa den nya lösenfrasen
passphrase-submit = Byt lösenfras
passphrase-done = Din lösenfras är bytt.

## Handledarens inställningar

settings-title = Inställningar
settings-users = Användare
user-you = (du)
remove-user = Ta bort
remove-user-question = Ta bort { $user }? Användarens lösenfras öppnar inte längre lagret.
remove-user-confirm = Ja, ta bort
user-removed = Användaren togs bort.
user-add-title = Lägg till en användare
user-add-name-label = Användarnamn
user-add-role-label = Roll
user-add-passphrase-label = Lösenfras
user-add-submit = Lägg till användare
user-added = Användaren lades till. Ge hen lösenfrasen personligen.
reset-passphrase = Ny lösenfras
reset-passphrase-title = En ny lösenfras för { $user }
reset-passphrase-hint = Den gamla lösenfrasen slutar fungera direkt. Ge hen den nya personligen.
reset-passphrase-submit = Spara den nya lösenfrasen
passphrase-reset-done = Den nya lösenfrasen är sparad. Ge den till hen personligen.
settings-referrals = Hänvisningslista
referral-add-code-label = Kod (a–z, 0–9 och _)
referral-add-label-label = Benämning (lämna tom för den inbyggda översättningen)
referral-add-submit = Lägg till hänvisning
remove-referral = Ta bort
referrals-saved = Hänvisningslistan sparades.
settings-countries = Transitländer
country-add-label = Landskod (två bokstäver, till exempel TR)
country-add-submit = Lägg till land
remove-country = Ta bort
countries-saved = Transitländerna sparades.
settings-idle = Automatiskt lås
idle-lock-minutes-label = Minuter utan aktivitet innan appen låses (1–120)
idle-lock-submit = Spara
settings-recovery = Återställningskod
recovery-replace-hint = Om papperet med återställningskoden har kommit bort, eller någon annan kan ha sett den, byt koden. Den gamla öppnar då ingenting på den här datorn, men den öppnar fortfarande säkerhetskopior som tagits tidigare: förstör dem också, eller förvara dem lika säkert som den nya koden.
recovery-replace-passphrase-label = Din lösenfras, för att bekräfta
recovery-replace-submit = Byt återställningskod…
idle-saved = Sparat.
settings-empty = Inga.

## Statistik, bara för handledare. Tabellernas rubriker, namn och regler kommer från
## skrivbordsappen (statistics.ftl); det här är skärmens egna texter.

nav-statistics = Statistik
statistics-title = Statistik
statistics-intro = Samtal, ärenden och hänvisningar per månad. Små antal döljs, så att ingen kan kännas igen av dem.
statistics-query = Månader och skydd
statistics-from-label = Första månad
statistics-to-label = Sista månad
statistics-month-hint = År och månad, till exempel { $example }. Högst 24 månader.
statistics-k-label = Minsta antal som visas (k)
statistics-k-hint = Från { $min } till { $max }. Antal från 1 till k − 1 döljs.
statistics-period-total-label = Lägg till en kolumn med summan för hela perioden
statistics-period-total-hint = Över mer än en månad ger den sista kolumnen då varje rads summa för alla månaderna. För en enda månad finns inget att summera, så rutan kan inte kryssas i.
statistics-show = Visa statistik
statistics-results-title = Statistik
statistics-period = { $from } till { $to }
statistics-rules-title = Så skyddas små antal
statistics-rules-k = Minsta antal som visas: { $k }
statistics-legend-title = Tecken i tabellerna
statistics-legend-below = { $symbol }: mellan 1 och { $below }, för få för att visas.
statistics-legend-secondary = { $symbol }: ett antal på { $k } eller mer, också dolt, så att inget antal under { $k } kan räknas fram ur något som publicerats: de här tabellerna, en summa för perioden eller en tidigare rapport.
statistics-legend-withheld = { $symbol }: publiceras inte. Antingen antalen i en tabell för en månad med färre än { $k } samtal, ärenden eller hänvisningar, där bara summan visas, eller antal som inte kunde skyddas enbart genom att döljas. Det kan vara vilket antal som helst, också noll.
statistics-legend-zero = { $symbol }: inga alls, exakt noll.
statistics-hidden = x
statistics-withheld = ..
statistics-preview = Det här är vad en sparad fil skulle publicera nu. Att visa statistiken publicerar ingenting.
statistics-period-column = Den sista kolumnen är varje rads summa för hela perioden.
statistics-period-heading = Summa för perioden
statistics-chart-title = Samtal per månad
statistics-chart-hidden = En dold summa ritas som en tom stapel, märkt med sitt tecken.
statistics-chart-bar = { $month }: { $value }
statistics-total = Totalt
statistics-unit-calls = Samtal
statistics-unit-cases = Ärenden
statistics-unit-referrals = Hänvisningar
statistics-call-time-title = Samtalstid per månad
statistics-calls-timed = Samtal med registrerad längd
statistics-total-minutes = Minuter totalt
statistics-median-minutes = Median i minuter
statistics-export-title = Spara som fil
statistics-export-hint = Sparar de valda månaderna på appens språk. Du väljer var filen hamnar.
statistics-export-publishes = När du sparar en fil publiceras de valda månaderna. En publicerad månad ändras aldrig efteråt: varje senare fil visar den exakt som den först publicerades. Bara månader som har tagit slut kan publiceras.
statistics-export-csv = Spara som { $format }
statistics-export-json = Spara som { $format }
statistics-export-xlsx = Spara som { $format }
statistics-export-html = Spara som webbsida ({ $format })
statistics-export-saved = Sparad i { $path }
statistics-export-cancelled = Inget sparades: du avbröt.
statistics-export-failed = Filen sparades inte.

## Säkerhet, endast handledare: säkerhetskopior, kontroller, gallring, att glömma, loggen

safety-title = Säkerhet och register
safety-intro = Säkerhetskopior, kontroller, hur länge ärendens innehåll sparas, att glömma ett ärende, och loggen över vem som gjorde vad.
safety-backup-title = Säkerhetskopia
backup-hint = En krypterad kopia av hela lagret i en fil. Den öppnas med en lösenfras som gällde när kopian togs, eller med återställningskoden. Förvara den någon annanstans än på den här datorn.
backup-take = Ta en säkerhetskopia …
backup-saved = Säkerhetskopian sparades i { $path }
backup-cancelled = Ingen säkerhetskopia togs: sparandet avbröts.
backup-failed = Säkerhetskopian togs inte.
safety-check-title = Kontroll
verify-hint = Öppnar varje krypterad post och kontrollerar att inget har skadats eller ändrats.
verify-store = Kontrollera lagret
verify-sound =
    { $count ->
        [one] Lagret är helt: ett krypterat värde öppnades och kontrollerades.
       *[other] Lagret är helt: { $count } krypterade värden öppnades och kontrollerades.
    }
verify-unsound =
    { $count ->
        [0] Själva lagerfilen är skadad.
        [one] Skador hittades: en post går inte att öppna.
       *[other] Skador hittades: { $count } poster går inte att öppna.
    }
verify-newer-format =
    { $count ->
        [one] En post skrevs av en nyare version av Helpline. Inget är skadat: uppdatera appen för att läsa den.
       *[other] { $count } poster skrevs av en nyare version av Helpline. Inget är skadat: uppdatera appen för att läsa dem.
    }
verify-file-problems = Själva databasfilen är skadad. SQLites egen kontroll säger:
verify-place =
    { $place ->
        [users-role] En användares roll
        [settings-value] En av jourens inställningar
        [cases-wrapped_key] Ett ärendes nyckel (inget i ärendet går att öppna)
        [cases-number] Ett ärendes nummer
        [cases-summary] Ett ärendes sammanfattning
        [calls-details] Ett samtals uppgifter
        [calls-notes] Ett samtals anteckningar
        [call_drafts-details] Ett oavslutat samtals uppgifter
        [call_drafts-notes] Ett oavslutat samtals anteckningar
        [key_slots-user_id] En användares nyckelplats (den är inte den som användaren fick)
        [cases-number_index] Ett ärendes sökindex (det stämmer inte med ärendets nummer)
        [calls-month] Ett samtals månad (den stämmer inte med samtalets start)
       *[other] En post i lagret
    }
verify-damaged-title = Skadade poster
verify-col-what = Vad
verify-col-record = Postnummer
verify-advice = Allt annat går fortfarande att läsa. Spara era tidigare säkerhetskopior: den senaste som klarar kontrollen kan återställas.
verify-schema-changed = Datafilen innehåller tabeller, utlösare, vyer eller index som Helpline inte skapat, eller saknar några som den skapat: någon har ändrat den utanför appen. Använd den inte; återställ den senaste säkerhetskopian som klarar kontrollen.
verify-backup-title = Kontrollera en säkerhetskopia
verify-backup-passphrase-label = Din lösenfras
verify-backup-passphrase-hint = Som den var när säkerhetskopian togs. Kopian öppnas i en tillfällig mapp och kontrolleras där; inget här ändras.
verify-backup-submit = Välj en säkerhetskopia och kontrollera den …
verify-backup-cancelled = Inget kontrollerades: ingen fil valdes.
verify-backup-failed = Säkerhetskopian kunde inte kontrolleras.
verify-backup-checked = Kontrollerade { $path }:
safety-retention-title = Hur länge ärendens innehåll sparas
retention-hint = Ett ärende vars senaste samtal är äldre än tiden förstörs för gott: när tiden sparas, och varje gång någon loggar in. Statistik som redan har publicerats ändras inte.
retention-current =
    { $months ->
        [0] Nu: ärendens innehåll sparas tills en handledare glömmer ärendet.
        [one] Nu: ärendens innehåll sparas en månad efter ärendets senaste samtal.
       *[other] Nu: ärendens innehåll sparas { $months } månader efter ärendets senaste samtal.
    }
retention-saved =
    { $cases ->
        [0] Sparat. Inget ärende var gammalt nog att förstöras.
        [one] Sparat. Ett ärende förstördes för gott.
       *[other] Sparat. { $cases } ärenden förstördes för gott.
    }
retention-legend = Spara ärendens innehåll
retention-forever = Tills en handledare glömmer ärendet
retention-limited = Ett antal månader efter ärendets senaste samtal
retention-months-label = Månader efter det senaste samtalet (1–120)
retention-months-hint = Till exempel 24 för två år.
retention-submit = Spara
retention-question =
    { $months ->
        [one] Förstöra varje ärende vars senaste samtal var för mer än en månad sedan?
       *[other] Förstöra varje ärende vars senaste samtal var för mer än { $months } månader sedan?
    } De raderas för gott från den här datorn, nu och vid varje inloggning från och med nu. Det går inte att ångra.
retention-confirm = Ja, spara och förstör dem
safety-forget-title = Glöm ett ärende
forget-hint = För den som ringer och ber att bli glömd: ärendet och alla dess samtal raderas från den här datorn direkt. Säkerhetskopior som togs tidigare innehåller det tills de raderas.
forget-submit = Glöm det här ärendet …
forget-question =
    { $calls ->
        [one] Glömma ärende { $number } och dess enda samtal för gott?
       *[other] Glömma ärende { $number } och dess { $calls } samtal för gott?
    } Det går inte att ångra: ingen kommer att kunna öppna det igen.
forget-confirm = Ja, glöm det för gott
forget-done = Ärende { $number } är glömt. Det finns inte längre på den här datorn.
forget-backups =
    { $count ->
        [one] En säkerhetskopia som tagits sedan ärendet började innehåller det fortfarande. Förstör den, och varje kopia av den, för att glömma ärendet även där:
       *[other] { $count } säkerhetskopior som tagits sedan ärendet började innehåller det fortfarande. Förstör dem, och varje kopia, för att glömma ärendet även där:
    }
forget-backup-taken = säkerhetskopian från { $when }
safety-audit-title = Logg
audit-hint = Vem som loggade in (och vem som försökte utan att lyckas: namnet som skrevs, aldrig lösenfrasen), öppnade ett ärende, exporterade statistik, tog en säkerhetskopia eller ändrade användare och inställningar, och när. Den nämner ingen som ringt och inget ärendenummer.
audit-show = Visa loggen
audit-refresh = Visa den igen
audit-verify = Kontrollera loggen
audit-more = Visa fler
audit-empty = Loggen är tom.
audit-count = Visar de { $shown } senaste av { $count } poster.
audit-table-caption = Logg, senaste först
audit-col-seq = Nr
audit-col-when = När
audit-col-who = Vem
audit-col-what = Vad
audit-setting =
    { $setting ->
        [referrals] hänvisningslistan
        [transit_countries] transitländerna
        [idle_lock_minutes] det automatiska låset
        [retention_months] hur länge ärendens innehåll sparas
       *[other] en inställning ({ $setting })
    }
audit-action-signed_in = Loggade in.
audit-action-recovery_code_used = Öppnade lagret med återställningskoden.
audit-action-case_opened = Öppnade ett ärende (post { $case }).
audit-action-case_forgotten = Glömde ett ärende för gott (post { $case }).
audit-action-case_forgotten_elsewhere = Ett ärende som glömts vid en annan arbetsplats förstördes här (post { $case }).
audit-action-forget_failed = Kunde inte glömma ett ärende (post { $case }): datafilen har ändrats utanför Helpline ({ $reason }). Ingenting togs bort.
audit-action-recovery_code_replaced = Bytte återställningskoden.
audit-action-key_slots_bound = Antecknade vems varje nyckelplats är (en gång, efter en uppdatering; en andra sådan post betyder att anteckningen tagits bort ur filen).
audit-action-follow_up_done = Markerade ett ärendes uppföljning som gjord (post { $case }).
audit-action-call_corrected = Rättade ett samtal hen tog (post { $case }): { $fields }.
audit-action-cases_expired =
    { $cases ->
        [one] Gallringsregeln ({ $months } månader) förstörde ett ärende.
       *[other] Gallringsregeln ({ $months } månader) förstörde { $cases } ärenden.
    }
audit-action-statistics_exported = Exporterade statistik för { $from } till { $to } som { $format } (minsta antal som visas: { $k }).
audit-action-backup_taken = Tog en säkerhetskopia.
audit-action-user_added =
    { $role ->
        [supervisor] Lade till { $name } som handledare.
       *[volunteer] Lade till { $name } som volontär.
    }
audit-action-user_removed = Tog bort användaren { $name }.
audit-action-passphrase_changed = Bytte sin egen lösenfras.
audit-action-passphrase_reset = Gav { $name } en ny lösenfras.
audit-action-settings_changed = Ändrade { $setting }.
audit-action-sign_in_failed =
    { $reason ->
        [unknown_user] Någon försökte logga in med ett namn som inte finns i lagret ({ $when }).
        [wrong_recovery_code] Någon prövade återställningskoden för { $name }, och den var fel ({ $when }).
       *[wrong_passphrase] Någon försökte logga in som { $name } med fel lösenfras ({ $when }).
    }
audit-action-sign_in_reports_damaged =
    { $replaced ->
        [yes] Nyckeln som misslyckade inloggningar förseglas med hade bytts ut i filen, och { $unreadable } rapporter gick inte att läsa. Någon har ändrat i lagret.
       *[no] { $unreadable } rapporter om misslyckade inloggningar gick inte att läsa. Någon har ändrat i lagret.
    }
audit-sound = Loggen är hel: { $count } poster kontrollerades, ingen var ändrad eller borttagen.
audit-unsound = Loggen har skadats eller manipulerats:
audit-problem-altered =
    { $count ->
        [one] Post { $seq } har ändrats eller går inte att öppna.
       *[other] Post { $seq } till { $last } har ändrats eller går inte att öppna.
    }
audit-problem-missing =
    { $count ->
        [one] Post { $seq } saknas.
       *[other] Post { $seq } till { $last } saknas.
    }
audit-problem-tail_removed =
    { $count ->
        [one] Den sista posten (nummer { $seq }) har tagits bort.
       *[other] De sista { $count } posterna (från nummer { $seq }) har tagits bort.
    }
audit-fingerprint = Loggens fingeravtryck: { $fingerprint }
audit-fingerprint-hint = Skriv ner fingeravtrycket och datumet någon annanstans än på den här datorn. Om loggen någon gång dras tillbaka till ett tidigare läge visar den ett äldre fingeravtryck än det senaste du skrev ner.

## Fel

error-passphrase_mismatch = De två lösenfraserna är inte likadana.
error-wrong_passphrase = Lösenfrasen är fel. Kontrollera den och försök igen.
error-unknown_user = Det finns ingen användare med det namnet.
error-store_locked = Lagret är låst. Lås upp det först.
error-store_exists = Det finns redan ett lager på den här datorn.
error-not_a_store = Datafilen är inte ett Helpline-lager, eller så är den skadad.
error-store_damaged = Datafilen är skadad och kan inte läsas i sin helhet. Be din arbetsledare att återställa den senaste säkerhetskopian.
error-newer_schema = Lagret har skrivits av en nyare version av Helpline. Uppdatera appen för att öppna det.
error-damaged_record = En post i lagret är skadad och kunde inte öppnas.
error-schema_changed = Datafilen har ändrats utanför Helpline: den innehåller något som appen aldrig skapat. Använd den inte. Be din arbetsledare att återställa den senaste säkerhetskopian på den här datorn.
error-destroy_incomplete = Ärendet kunde inte förstöras: datafilen har ändrats utanför Helpline och behöll det som raderades. Ingenting togs bort. Be din arbetsledare att återställa den senaste säkerhetskopian.
error-sync_change_damaged = En ändring från hjälplinjens server gick inte att öppna eller hängde inte ihop, så inget av den sparades. Säg till din handledare.
error-sync_change_newer = En ändring från hjälplinjens server skrevs av en nyare version av Helpline. Uppdatera appen på den här datorn.
error-case_number_collision = En annan arbetsplats gav samma ärendenummer till ett annat ärende medan de var åtskilda. Synkningen stannar här tills det är löst; säg till din handledare.
error-server_unreachable = Hjälplinjens server går inte att nå. Den här datorn fortsätter att fungera och synkar när den kan.
error-server_refused = Hjälplinjens server vägrade. Kontrollera att den är uppsatt och att den här datorn inte har tagits bort från hjälplinjen.
error-server_needs_tls = Servern finns inte på den här datorn. Den här versionen ansluter bara via en lokal socket eller på den här datorn; fråga din handledare.
error-server_address_invalid = Det är ingen serveradress som Helpline kan använda. Kontrollera den med din handledare.
error-invitation_invalid = Det är ingen inbjudan. Kontrollera den med handledaren som gjorde den: 39 bokstäver och siffror, i grupper om fyra.
error-invitation_unknown = Servern har ingen sådan inbjudan: den är redan använd eller återkallad. Be din handledare om en ny.
error-record_damaged = En post från hjälplinjens server går inte att öppna med den här datorns nycklar. Inget av den sparades; säg till din handledare.
error-desk_removed = Den här datorn har tagits bort från hjälplinjen av en handledare. Den behåller det den hade men synkar inte längre.
error-desk_not_connected = Den här datorn är inte ansluten till en hjälplinjes server. En handledare ansluter den, eller så går den med i en hjälplinje med en inbjudan.
error-desk_connected = Den här datorn är redan ansluten till en hjälplinjes server.
error-server_in_use = Servern har redan en annan hjälplinjes poster. En ny arbetsplats går med via en inbjudan från en av dess handledare.
error-not_allowed = Din roll får inte göra detta.
error-invalid_user_name = Det användarnamnet kan inte användas. Kontrollera att det inte är tomt och välj ett enklare namn.
error-passphrase_too_short = Lösenfrasen är för kort. Den måste ha minst { $min } tecken.
error-passphrase_weak = Den här lösenfrasen vore lätt att gissa: den är ett vanligt lösenord, ett namn eller datum, ett mönster eller en upprepning. Välj fyra eller fler ord som inte hör ihop, eller en mening som bara du skulle hitta på.
error-passphrase_too_long = Lösenfrasen är för lång. Välj en kortare.
error-storage_failed = Data kunde inte läsas eller skrivas på den här datorn. Kontrollera att disken inte är full.
error-invalid_argument = Appen skickade en ogiltig begäran. Rapportera gärna detta.
error-wrong_recovery_code = Återställningskoden är fel. Jämför med det som skrevs ner.
error-user_exists = Det finns redan en användare med det namnet (stora och små bokstäver gör inte ett annat namn).
error-user_name_ambiguous = Två användare har det här namnet med olika stora och små bokstäver. Skriv det exakt som det lades upp och be en handledare ta bort en av dem.
error-key_slot_missing = Den här användarens nyckel saknas i lagret. Logga in som en annan användare eller använd återställningskoden.
error-no_store = Det finns ännu inget lager i datamappen.
error-case_number_check_failed = Numret är inte giltigt – kontrollera det med den som ringer.
error-case_number_malformed = Numret är inte giltigt – kontrollera det med den som ringer.
error-no_such_case = Inget ärende har det numret – kontrollera det med den som ringer.
error-too_long = Texten är för lång för att sparas. Korta den.
error-out_of_range = Välj ett heltal från { $min } till { $max }.
error-too_many = Listan rymmer högst { $max }. Ta bort en först.
error-referral_code_malformed = En kod har { $min } till { $max } tecken: a–z, 0–9 och _.
error-record_format_unknown = En del av lagret skrevs av en nyare version av Helpline. Inget är skadat: uppdatera appen för att läsa det.
error-contact_details_missing = Du valde att den som ringer lämnar kontaktuppgifter, men inga har fyllts i. Fyll i dem eller stäng av valet.
error-no_such_call = Det oavslutade samtalet finns inte längre.
error-invalid_country = Det är inte en landskod med två bokstäver (ISO 3166), till exempel TR.
error-draft_not_saved = Anteckningarna kunde inte sparas. Tryck på Lås igen för att låsa ändå; de senaste ändringarna går då förlorade.
error-referral_exists = Listan har redan den koden.
error-country_exists = Listan har redan det landet.
error-case_number_empty = Skriv ärendenumret som den som ringer ger dig.
error-export_failed = Filen kunde inte skrivas. Kontrollera att mappen finns, att du får spara där och att disken inte är full. Månaderna är publicerade ändå: sparar du dem igen blir värdena desamma.
error-month_missing = Välj en första och en sista månad (år och månad, till exempel 2026-03).
error-period_reversed = Den sista månaden kan inte komma före den första.
error-period_too_long = Välj högst 24 månader åt gången.
error-date_invalid = Det är inget datum. Skriv år, månad och dag som i exemplet under fältet.
error-invalid_k = Välj ett minsta antal som visas (k) från 3 till 100.
error-month_not_ended = En av de valda månaderna har inte tagit slut än. Dess statistik kan publiceras när den har gjort det: välj månader till och med förra månaden.
error-month_has_open_call = Ett samtal som började under någon av de här månaderna är fortfarande öppet. Avsluta eller kasta det bland de oavslutade samtalen på startsidan och försök sedan igen.
error-threshold_fixed = Statistiken har redan publicerats med ett annat minsta antal som visas (k). Använd samma k som i de tidigare rapporterna, så att rapporterna kan jämföras utan att ett dolt antal avslöjas.
error-month_published = Statistiken för den månaden har publicerats, så inga fler samtal kan läggas till i den. Registrera samtalet med dagens datum och skriv i anteckningarna när det ägde rum.
error-not_your_call = Bara volontären som tog samtalet kan rätta det, och samtal som registrerades innan rättelser var möjliga kan inte rättas.
error-correction_window_closed = Ett samtal kan rättas till 12 timmar efter att det avslutades; det här kan inte längre rättas.
error-correction_changes_published = Statistiken för den månaden har publicerats, och den här rättelsen skulle ändra det den räknar. Anteckningarna och nästa steg kan fortfarande rättas.
error-not_a_backup = Filen är inte en säkerhetskopia från Helpline, eller så är dess början skadad.
error-backup_damaged = Säkerhetskopian är skadad: innehållet går inte att öppna. Använd en annan säkerhetskopia.
error-backup_failed = Säkerhetskopian kunde inte skrivas. Kontrollera att mappen finns, att du får spara där och att disken inte är full.
error-clipboard_failed = Numret kunde inte läggas i urklippet. Markera och kopiera det (Ctrl+C).
error-recovery_code_malformed = Det är inte en återställningskod. Den har 32 bokstäver och siffror (2–7), i grupper om fyra.
error-retention_failed = Ärenden vars tid har gått ut kunde inte förstöras vid inloggningen; de finns kvar. Spara tiden igen under Säkerhet för att försöka på nytt.
error-locked_idle = Helpline låste sig: ingen använde den på en stund. Logga in för att fortsätta; ett öppet samtal finns kvar så som det senast sparades.
error-locked_suspend = Helpline låstes när datorn gick i viloläge. Logga in för att fortsätta; ett öppet samtal finns kvar så som det senast sparades.
error-locked_screen = Helpline låstes tillsammans med skärmen. Logga in för att fortsätta; ett öppet samtal finns kvar så som det senast sparades.
error-unknown = Något gick fel. Försök igen; om det fortsätter, säg till din handledare.

## Flera arbetsplatser, en stödlinje: det tysta läget i sidhuvudet, när arbetsplatsen är ansluten
sync-syncing = Synkar…
sync-synced = Synkad { $time }
sync-offline = Utan anslutning sedan { $time }
sync-failed = Problem med synkningen: säg till en handledare

## Arbetsplatser, bara för handledare
nav-desks = Arbetsplatser
desks-title = Arbetsplatser
desks-intro = En stödlinjes arbetsplatser delar ärenden genom stödlinjens server, som bara har förseglade poster. Varje arbetsplats har sitt eget krypterade lager och fortsätter arbeta när servern inte går att nå.
desks-status-title = Den här arbetsplatsen
desks-alone = Den här arbetsplatsen står för sig själv: dess samtal stannar på den här datorn.
desks-connected = Arbetsplatsen är ansluten. Den synkar varje minut och strax efter varje samtal.
desks-name = Arbetsplatsens namn
desks-server = Server
desks-pending = Ändringar som väntar på att skickas
desks-position = Position i serverns logg
desks-state = Synkning
desks-state-off = Inte synkad ännu sedan inloggningen
desks-sync-now = Synka nu
desks-sync-done = Synkad. Skickade: { $count }. Samtal från andra arbetsplatser: { $calls }. Glömda ärenden: { $cases }.
desks-connect-title = Anslut den här arbetsplatsen
desks-connect-hint = För stödlinjens första arbetsplats, när servern har satts upp. Adressen får du av den som satte upp servern. Den innehåller arbetsplatsernas lösenord: den visas inte igen, varken här eller någon annanstans.
desks-address-label = Serverns adress
desks-address-hint = En lokal socket eller den här datorn, till exempel host=/run/postgresql dbname=helpline, med arbetsplatsernas användare och lösenord.
desks-name-label = Arbetsplatsens namn
desks-name-hint = Högst 60 tecken, till exempel "Kontoret" eller "Saras bärbara". De andra arbetsplatserna ser det.
desks-connect-submit = Anslut arbetsplatsen
desks-connecting = Ansluter…
desks-invite-title = Bjud in en arbetsplats
desks-invite-hint = En ny arbetsplats ansluter från sin första skärm ("Anslut till en stödlinje") med serverns adress och en inbjudan som fungerar en gång. Att göra en synkar först och lägger sedan en förseglad kopia av den här arbetsplatsens lager på servern; det tar en stund.
desks-invite-name-label = Den nya arbetsplatsens namn
desks-invite-submit = Gör en inbjudan
desks-inviting-short = Bjuder in…
desks-inviting = Bjuder in… Arbetsplatsens lager förseglas och skickas till servern.
desks-invitation-title = Inbjudan för { $name }
desks-invitation-once = Den visas bara nu och fungerar en gång. Den öppnar stödlinjens uppgifter: lämna den själv till den som sätter upp den nya arbetsplatsen, eller genom en kanal du litar på, aldrig med e-post eller chatt, och serverns adress på samma sätt.
desks-invitation-done = Jag har lämnat den vidare: dölj den

## Ansluta till en stödlinje, på första skärmen
setup-join-title = En till arbetsplats för en stödlinje?
setup-join-hint = Gör den här datorn till en ny arbetsplats för en stödlinje som redan har arbetsplatser, med serverns adress och en inbjudan från en handledare.
setup-join = Anslut till en stödlinje…
join-title = Anslut till en stödlinje
join-intro = Skriv det handledaren gav dig, och sedan ditt användarnamn och din lösenfras så som de är på de andra arbetsplatserna.
join-address-label = Serverns adress
join-address-hint = Så som handledaren gav den. Den innehåller arbetsplatsernas lösenord.
join-invitation-label = Inbjudan
join-invitation-hint = 39 bokstäver och siffror i grupper om fyra. Den fungerar en gång: om anslutningen misslyckas efter att servern tagit emot den, be om en ny.
join-passphrase-hint = Din lösenfras på de andra arbetsplatserna.
join-submit = Anslut och logga in
join-working = Ansluter… Stödlinjens uppgifter hämtas och öppnas.
error-desk_name_empty = Ge arbetsplatsen ett namn, till exempel "Kontoret".
