# Helpline — العربية (الفصحى).
# Every message id here must also exist in en/ and sv/ (a UI test checks it).

## عام

app-title = خط المساعدة
language-name = العربية
language-label = اللغة
loading = جارٍ التحميل…
working = يُرجى الانتظار…
retry = إعادة المحاولة
startup-failed-title = تعذّر تشغيل خط المساعدة

## الإعداد الأول

setup-title = إعداد خط المساعدة
setup-intro = تُنشئ هذه الخطوة المخزن المشفَّر على هذا الحاسوب وأول مستخدم له، وهو مشرف.
setup-user-label = اسم المستخدم
setup-passphrase-label = عبارة المرور
setup-passphrase-hint = عشرة أحرف على الأقل. بضع كلمات لا رابط بينها سهلة التذكّر وصعبة التخمين.
setup-passphrase-repeat-label = أعد كتابة عبارة المرور
setup-submit = إنشاء المخزن

## الاستعادة من نسخة احتياطية بدلًا من ذلك، على حاسوب جديد

setup-restore-title = هل تنتقلون إلى حاسوب جديد؟
setup-restore-hint = استعِد المخزن من ملف نسخة احتياطية بدلًا من إنشاء مخزن جديد.
setup-restore = الاستعادة من نسخة احتياطية…
restore-title = الاستعادة من نسخة احتياطية
restore-intro = تصبح النسخة الاحتياطية مخزنَ هذا الحاسوب. افتحها بعبارة المرور الخاصة بك كما كانت عند أخذ النسخة، أو برمز الاسترداد.
restore-chosen = ملف النسخة الاحتياطية: { $file }
restore-choose-again = اختيار ملف آخر…
restore-method-legend = فتح النسخة الاحتياطية باستخدام
restore-with-passphrase = عبارة المرور الخاصة بي
restore-with-recovery = رمز الاسترداد، مع اختيار عبارة مرور جديدة
restore-passphrase-hint = عبارة المرور الخاصة بك كما كانت عند أخذ النسخة الاحتياطية.
restore-submit = الاستعادة وتسجيل الدخول
restore-cancel = رجوع
restore-working = جارٍ الاستعادة… يستغرق ذلك لحظات.

## رمز الاسترداد، يُعرض مرة واحدة بعد الإعداد مباشرة

recovery-title = رمز الاسترداد الخاص بك
recovery-explain = يفتح هذا الرمز المخزن إذا نُسيت جميع عبارات المرور.
recovery-once = لن يُعرض إلا هذه المرة فقط. اكتبه واحفظه في مكان آمن غير متصل بالشبكة، لا على هذا الحاسوب.
recovery-stored = لقد حفظته في مكان آمن
recovery-continue = متابعة

## فتح القفل

unlock-title = فتح قفل خط المساعدة
unlock-intro = المخزن مقفل. سجّل الدخول باسم المستخدم وعبارة المرور.
unlock-user-label = اسم المستخدم
unlock-passphrase-label = عبارة المرور
unlock-submit = فتح القفل
unlock-checking = جارٍ التحقق…

## فتح القفل برمز الاسترداد، عند نسيان جميع عبارات المرور

unlock-use-recovery = هل نُسيت جميع عبارات المرور؟ استخدم رمز الاسترداد
recover-title = استخدام رمز الاسترداد
recover-intro = عُرض رمز الاسترداد مرة واحدة عند إعداد المخزن. يفتح المخزن ويعطي المستخدم الذي تذكر اسمه عبارة مرور جديدة.
recover-code-label = رمز الاسترداد
recover-code-hint = ٣٢ حرفًا ورقمًا لاتينيًا كما دُوّنت. لا بأس بالشَّرطات والمسافات والأحرف الصغيرة.
recover-submit = فتح المخزن
recover-back = العودة إلى تسجيل الدخول

## القائمة

nav-label = القائمة الرئيسية
nav-home = الرئيسية
nav-cases = الحالات
nav-passphrase = تغيير عبارة المرور
nav-settings = الإعدادات
nav-safety = الأمان
home-lock = قفل (⁦Ctrl+L⁩)

## الصفحة الرئيسية

home-greeting = مرحبًا، { $user }!
home-role =
    { $role ->
        [supervisor] لقد سجّلت الدخول بصفة مشرف.
       *[volunteer] لقد سجّلت الدخول بصفة متطوع.
    }
new-call = مكالمة جديدة (⁦Alt+N⁩)
new-call-hint = يظهر رقم الحالة فورًا لتعطيه للمتصل.
lookup-title = متصل عائد
lookup-label = رقم الحالة
lookup-hint = اكتبه كما يقوله المتصل. لا بأس بالمسافات والشَّرطات والأرقام العربية.
lookup-submit = البحث عن الحالة
retention-expired =
    { $cases ->
        [one] أُتلفت حالة واحدة نهائيًا لانتهاء مدة الاحتفاظ بها.
        [two] أُتلفت حالتان نهائيًا لانتهاء مدة الاحتفاظ بهما.
        [few] أُتلفت { $cases } حالات نهائيًا لانتهاء مدة الاحتفاظ بها.
       *[other] أُتلفت { $cases } حالة نهائيًا لانتهاء مدة الاحتفاظ بها.
    }

## المكالمات غير المكتملة

unfinished-title = لم تُنهَ إحدى المكالمات — لكن الملاحظات حُفظت. هل تريد متابعتها؟
unfinished-call = الحالة { $number }، بدأت { $started }
resume-call = متابعة هذه المكالمة
discard-unfinished = حذفها
discard-unfinished-question = هل تريد حذف هذه المكالمة غير المكتملة؟ سيُحذف كل ما كُتب فيها.
discard-unfinished-confirm = نعم، احذفها
confirm-cancel = لا، أبقِها

## قائمة الحالات

cases-title = الحالات
cases-filters = عرض
cases-filter-open = الحالات المفتوحة فقط
cases-filter-due = حان موعد المتابعة
cases-filter-level = آخر مستوى لا يقل عن
cases-filter-level-any = أي مستوى
cases-filter-level-min =
    { $step ->
        [3] الخطوة ٣
       *[other] الخطوة { $step } أو أعلى
    }
cases-col-number = رقم الحالة
cases-col-latest = آخر مستوى
cases-col-highest = أعلى مستوى
cases-col-last-call = آخر مكالمة
cases-col-follow-up = المتابعة
cases-col-calls = المكالمات
cases-follow-up-overdue = متأخرة
cases-follow-up-today = موعدها اليوم
cases-mark-done = تمّت المتابعة
cases-sort = الترتيب
cases-sort-follow_up = المتابعات المستحقة أولًا
cases-sort-level = أعلى مستوى أولًا
cases-sort-last_call = أحدث مكالمة أولًا
cases-closed = مغلقة
cases-empty = لا توجد حالات مطابقة.
cases-capped =
    { $total ->
        [one] تُعرض { $shown } من أصل حالة واحدة. ضيّق خيارات العرض، أو ابحث عن الحالة برقمها.
        [two] تُعرض { $shown } من أصل حالتين. ضيّق خيارات العرض، أو ابحث عن الحالة برقمها.
        [few] تُعرض أول { $shown } من أصل { $count } حالات بالترتيب المختار. ضيّق خيارات العرض، أو ابحث عن الحالة برقمها.
        [many] تُعرض أول { $shown } من أصل { $count } حالةً بالترتيب المختار. ضيّق خيارات العرض، أو ابحث عن الحالة برقمها.
       *[other] تُعرض أول { $shown } من أصل { $count } حالة بالترتيب المختار. ضيّق خيارات العرض، أو ابحث عن الحالة برقمها.
    }
value-none = —

## مستويات القلق، وهي تراكمية

level-not_assessed = لم يُقيَّم
level-strong_interest = الخطوة ١: اهتمام قوي بالنزاع
level-wish_to_leave = الخطوة ٢: يرغب في المغادرة
level-in_transit_country = الخطوة ٣: في بلد عبور
level-short-not_assessed = لم يُقيَّم
level-short-strong_interest = الخطوة ١
level-short-wish_to_leave = الخطوة ٢
level-short-in_transit_country = الخطوة ٣
level-legend = مستوى القلق
level-intro = كل خطوة تشمل الخطوات التي قبلها.
level-not-assessed-hint = اختر هذا إذا تعذّر تقييم المستوى في هذه المكالمة.
level-meaning-strong_interest = اهتمام قوي بالنزاع.
level-meaning-wish_to_leave = الخطوة ١، وقد عبّر عن رغبته في المغادرة أو في تغيير بيئته.
level-meaning-in_transit_country = الخطوتان ١ و٢، وقد سافر بالفعل إلى بلد عبور.
level-transit-countries = بلدان العبور: { $countries }
level-step-met = مستوفاة: مشمولة في الخطوة المختارة.

## المكالمة

call-title = مكالمة جارية
call-new-case = حالة جديدة. أعطِ المتصل هذا الرقم:
call-returning = متصل عائد، رقم الحالة:
copy-case-number = نسخ الرقم
copy-done = تم النسخ. سيُمسح الرقم من الحافظة بعد ٣٠ ثانية، أو قبل ذلك إن قُفل خط المساعدة.
copy-failed = تعذّر النسخ. حدِّد الرقم وانسخه (⁦Ctrl+C⁩).
call-timer-label = مدة المكالمة
autosave-saved = تم الحفظ
autosave-saving = جارٍ الحفظ…
autosave-retrying = لم يُحفظ — جارٍ إعادة المحاولة
call-section-call = المكالمة
call-channel-label = القناة
call-language-label = لغة المكالمة
call-section-caller = المتصل
caller-relationship-label = صلته بالشخص المعني
caller-gender-label = جنس المتصل
caller-gives-contact-label = يختار المتصل أن يعطي بيانات الاتصال به
caller-anonymous-hint = تبقى المكالمة مجهولة الهوية ما لم يختر المتصل غير ذلك.
contact-name-label = الاسم
contact-phone-label = الهاتف
contact-email-label = البريد الإلكتروني
call-section-person = الشخص المعني
person-gender-label = الجنس
person-age-band-label = العمر
person-situation-label = الوضع
person-environment-label = البيئة
call-section-referrals = الإحالات
referrals-none-available = قائمة الإحالات فارغة.
next-steps-label = الخطوات التالية المتفق عليها
follow-up-hint = السنة والشهر واليوم، مثل { $example }.
follow-up-label = تاريخ المتابعة (اختياري)
notes-label = الملاحظات
notes-hint = تُحفظ أثناء الكتابة.
notes-counter = { $count } من { $max } حرف
end-call = إنهاء المكالمة (⁦Alt+E⁩)
discard-call = حذف المكالمة
discard-call-question = هل تريد حذف هذه المكالمة؟ سيُحذف كل ما كُتب فيها.
discard-call-confirm = نعم، احذف المكالمة
discard-call-cancel = لا، العودة إلى المكالمة
empty-call-question = لم يُسجَّل شيء في هذه المكالمة.
empty-call-discard = احذف المكالمة
empty-call-save = احفظها على أي حال
empty-call-back = العودة إلى المكالمة
call-case-last-level = آخر مكالمة:
call-follow-up-overdue = متأخرة
call-follow-up-today = مستحقة اليوم
follow-up-pending = تبقى متابعة الحالة، التي اتُّفق عليها في مكالمة سابقة، إلى أن تُنجز أو تُحدَّد متابعة جديدة:
follow-up-done-label = أُنجزت في هذه المكالمة
call-story-title = المكالمات السابقة في هذه الحالة ({ $calls })
call-story-loading = جارٍ تحميل المكالمات السابقة…
call-story-failed = تعذّرت قراءة المكالمات السابقة.
call-details-title = التفاصيل:
call-details-none = لم يُذكر شيء بعد

## القيم

channel-phone = الهاتف
channel-email = البريد الإلكتروني
channel-not_stated = غير مذكور
call-language-sv = السويدية
call-language-en = الإنجليزية
call-language-ar = العربية
call-language-other = لغة أخرى
call-language-not_stated = غير مذكور
relationship-mother = الأم
relationship-father = الأب
relationship-sibling = أخ أو أخت
relationship-other_relative = قريب آخر
relationship-partner = الشريك
relationship-friend = صديق
relationship-professional = مهني
relationship-other = آخر
relationship-not_stated = غير مذكور
gender-woman = امرأة
gender-man = رجل
gender-other = آخر
gender-not_stated = غير مذكور
age-under_15 = أقل من ١٥
age-15_17 = ١٥–١٧
age-18_20 = ١٨–٢٠
age-21_25 = ٢١–٢٥
age-26_30 = ٢٦–٣٠
age-over_30 = أكثر من ٣٠
age-unknown = غير معروف
situation-radicalising = في طور التطرف
situation-planning_to_travel = يخطط للسفر
situation-in_conflict_zone = في منطقة نزاع
situation-returned = عاد
situation-other_unknown = آخر أو غير معروف
environment-violent_islamist = التطرف الإسلاموي العنيف
environment-violent_right_wing = التطرف اليميني العنيف
environment-violent_left_wing = التطرف اليساري العنيف
environment-acting_alone_unclear = يتصرف منفردًا أو غير واضح
environment-criminal_network = شبكة إجرامية
environment-other_unknown = آخر أو غير معروف
referral-psychologist = أخصائي نفسي
referral-psychiatrist = طبيب نفسي
referral-school_counsellor = مرشد مدرسي
referral-former_extremist = متطرف سابق
referral-social_services = الخدمات الاجتماعية
referral-religious_community = جماعة دينية
referral-ngo = منظمة غير حكومية
referral-health_care = الرعاية الصحية
role-volunteer = متطوع
role-supervisor = مشرف

## سجل الحالة

history-title = سجل الحالة
history-case-number-label = رقم الحالة
history-ended = حُفظت المكالمة في هذه الحالة.
case-state =
    { $open ->
        [yes] هذه الحالة مفتوحة.
       *[no] هذه الحالة مغلقة.
    }
case-close = إغلاق الحالة
case-reopen = إعادة فتح الحالة
new-call-on-case = مكالمة جديدة في هذه الحالة
history-calls = المكالمات، الأحدث أولًا
history-no-calls = لا توجد مكالمات مسجّلة.
history-escalated = ازداد القلق
duration-minutes =
    { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $minutes } دقائق
       *[other] { $minutes } دقيقة
    }
duration-unknown = غير مسجّلة
duration-under-minute = أقل من دقيقة
history-call = المكالمة
history-age = العمر { $age }
history-caller = المتصل
history-person = الشخص المعني
history-referrals = الإحالات
history-next-steps = الخطوات التالية
history-follow-up = المتابعة
history-notes = الملاحظات
history-correct = تصحيح هذه المكالمة
history-correctable-until = يمكنك تصحيحها حتى { $time }.
history-corrected = صُحّحت المكالمة، ويبقى في سجل التدقيق أنها صُحّحت.
correction-title = تصحيح المكالمة
correction-kept = يبقى المتصل والشخص المعني والإحالات وبيانات الاتصال كما كانت.
correction-save = حفظ التصحيح
correction-cancel = إلغاء

## تغيير عبارة المرور

passphrase-title = تغيير عبارة المرور الخاصة بك
passphrase-intro = ستفتح عبارة المرور الجديدة المخزن من الآن فصاعدًا. لا يتغيّر شيء آخر.
passphrase-current-label = عبارة المرور الحالية
passphrase-new-label = عبارة المرور الجديدة
passphrase-repeat-label = أعد كتابة عبارة المرور الجديدة
passphrase-submit = تغيير عبارة المرور
passphrase-done = تم تغيير عبارة المرور الخاصة بك.

## إعدادات المشرف

settings-title = الإعدادات
settings-users = المستخدمون
user-you = (أنت)
remove-user = إزالة
remove-user-question = هل تريد إزالة { $user }؟ لن تفتح عبارة المرور الخاصة به المخزن بعد الآن.
remove-user-confirm = نعم، أزِله
user-removed = تمت إزالة المستخدم.
user-add-title = إضافة مستخدم
user-add-name-label = اسم المستخدم
user-add-role-label = الدور
user-add-passphrase-label = عبارة المرور
user-add-submit = إضافة المستخدم
user-added = تمت إضافة المستخدم. أعطه عبارة المرور شخصيًا.
reset-passphrase = عبارة مرور جديدة
reset-passphrase-title = عبارة مرور جديدة للمستخدم { $user }
reset-passphrase-hint = تتوقف عبارة المرور القديمة عن العمل فورًا. أعطه العبارة الجديدة شخصيًا.
reset-passphrase-submit = تعيين عبارة المرور الجديدة
passphrase-reset-done = عُيّنت عبارة المرور الجديدة. أعطها له شخصيًا.
settings-referrals = قائمة الإحالات
referral-add-code-label = الرمز (⁦a–z⁩ و⁦0–9⁩ و⁦_⁩)
referral-add-label-label = التسمية (اتركها فارغة لاستخدام الترجمة المدمجة)
referral-add-submit = إضافة إحالة
remove-referral = إزالة
referrals-saved = حُفظت قائمة الإحالات.
settings-countries = بلدان العبور
country-add-label = رمز البلد (حرفان، مثل ⁦TR⁩)
country-add-submit = إضافة بلد
remove-country = إزالة
countries-saved = حُفظت بلدان العبور.
settings-idle = القفل التلقائي
idle-lock-minutes-label = عدد الدقائق دون نشاط قبل أن يُقفل التطبيق (١–١٢٠)
idle-lock-submit = حفظ
settings-recovery = رمز الاسترداد
recovery-replace-hint = إذا ضاعت الورقة التي عليها رمز الاسترداد، أو ربما رآها غيرك، فاستبدل الرمز. عندها لا يفتح الرمز القديم شيئًا على هذا الحاسوب، لكنه يظل يفتح النسخ الاحتياطية المأخوذة قبل ذلك: أتلفها أيضًا، أو احفظها بأمان الرمز الجديد نفسه.
recovery-replace-passphrase-label = عبارة المرور الخاصة بك، للتأكيد
recovery-replace-submit = استبدال رمز الاسترداد…
idle-saved = تم الحفظ.
settings-empty = لا شيء.

## الإحصاءات، للمشرفين فقط. عناوين الجداول وأسماء فئاتها وقواعدها تأتي من تطبيق
## سطح المكتب (statistics.ftl)؛ هذه نصوص الشاشة نفسها.

nav-statistics = الإحصاءات
statistics-title = الإحصاءات
statistics-intro = المكالمات والحالات والإحالات شهريًا. تُخفى الأعداد الصغيرة حتى لا يمكن التعرّف على أحد منها.
statistics-query = الأشهر والحماية
statistics-from-label = الشهر الأول
statistics-to-label = الشهر الأخير
statistics-month-hint = السنة والشهر، مثل { $example }. أربعة وعشرون شهرًا على الأكثر.
statistics-k-label = أصغر عدد يُعرض (⁦k⁩)
statistics-k-hint = من { $min } إلى { $max }. تُخفى الأعداد من ١ إلى ⁦k − 1⁩.
statistics-period-total-label = إضافة عمود بالمجموع على امتداد الفترة
statistics-period-total-hint = عند اختيار أكثر من شهر واحد، يعرض العمود الأخير مجموع كل صف على امتداد الأشهر كلها. أما مع شهر واحد فلا يوجد ما يُجمع، لذا لا يمكن تحديد هذا الخيار.
statistics-show = عرض الإحصاءات
statistics-results-title = الإحصاءات
statistics-period = من { $from } إلى { $to }
statistics-rules-title = كيف تُحمى الأعداد الصغيرة
statistics-rules-k = أصغر عدد يُعرض: { $k }
statistics-legend-title = الرموز في الجداول
statistics-legend-below = { $symbol }: بين ١ و{ $below }، أقل من أن يُعرض.
statistics-legend-secondary = { $symbol }: عدد يساوي { $k } أو أكثر، أُخفي هو أيضًا حتى لا يمكن استنتاج أي عدد أقل من { $k } من أي شيء منشور: هذه الجداول، أو مجموع الفترة، أو تقرير سابق.
statistics-legend-withheld = { $symbol }: غير منشور. إمّا أعداد جدول في شهر فيه أقل من { $k } من المكالمات أو الحالات أو الإحالات، فلا يُعرض منه إلا المجموع، وإمّا أعداد لم يكن الإخفاء وحده كافيًا لحمايتها. قد يكون أي عدد، بما في ذلك الصفر.
statistics-legend-zero = { $symbol }: لا شيء، صفر تمامًا.
statistics-hidden = x
statistics-withheld = ..
statistics-preview = هذا ما سينشره حفظ ملف الآن. أما عرض الإحصاءات فلا ينشر شيئًا.
statistics-period-column = العمود الأخير هو مجموع كل صف على امتداد الفترة كلها.
statistics-period-heading = المجموع على امتداد الفترة
statistics-chart-title = المكالمات شهريًا
statistics-chart-hidden = يُرسم المجموع المخفي عمودًا فارغًا مُعلَّمًا برمزه.
statistics-chart-bar = { $month }: { $value }
statistics-total = المجموع
statistics-unit-calls = المكالمات
statistics-unit-cases = الحالات
statistics-unit-referrals = الإحالات
statistics-call-time-title = مدة المكالمات شهريًا
statistics-calls-timed = مكالمات سُجّلت مدتها
statistics-total-minutes = مجموع الدقائق
statistics-median-minutes = الوسيط بالدقائق
statistics-export-title = الحفظ في ملف
statistics-export-hint = يحفظ الأشهر المختارة بلغة التطبيق. أنت تختار مكان الملف.
statistics-export-publishes = حفظ ملف ينشر الأشهر المختارة. والشهر المنشور لا يتغيّر بعد ذلك أبدًا: كل ملف لاحق يعرضه تمامًا كما نُشر أول مرة. ولا يمكن نشر إلا الأشهر التي انتهت.
statistics-export-csv = حفظ بصيغة { $format }
statistics-export-json = حفظ بصيغة { $format }
statistics-export-xlsx = حفظ بصيغة { $format }
statistics-export-html = حفظ صفحةَ ويب ({ $format })
statistics-export-saved = حُفظ في { $path }
statistics-export-cancelled = لم يُحفظ شيء: أُلغي الحفظ.
statistics-export-failed = لم يُحفظ الملف.

## الأمان، للمشرفين فقط: النسخ الاحتياطية والفحص ومدة الاحتفاظ والمحو وسجل التدقيق

safety-title = الأمان والسجلات
safety-intro = النسخ الاحتياطية، والفحص، والمدة التي يُحتفظ فيها بمحتوى الحالات، ومحو حالة، وسجلّ من فعل ماذا.
safety-backup-title = النسخة الاحتياطية
backup-hint = نسخة مشفّرة من المخزن كله في ملف واحد. تُفتح بعبارة مرور كانت صالحة وقت أخذها، أو برمز الاسترداد. احفظها بعيدًا عن هذا الحاسوب.
backup-take = أخذ نسخة احتياطية…
backup-saved = حُفظت النسخة الاحتياطية في { $path }
backup-cancelled = لم تُؤخذ نسخة احتياطية: أُلغي الحفظ.
backup-failed = لم تُؤخذ النسخة الاحتياطية.
safety-check-title = الفحص
verify-hint = يفتح كل سجل مشفّر ويتحقق من أن شيئًا لم يتلف أو يتغيّر.
verify-store = فحص المخزن
verify-sound =
    { $count ->
        [one] المخزن سليم: فُتحت قيمة مشفّرة واحدة وفُحصت.
        [two] المخزن سليم: فُتحت قيمتان مشفّرتان وفُحصتا.
        [few] المخزن سليم: فُتحت { $count } قيم مشفّرة وفُحصت.
       *[other] المخزن سليم: فُتحت { $count } قيمة مشفّرة وفُحصت.
    }
verify-unsound =
    { $count ->
        [0] ملف المخزن نفسه تالف.
        [one] وُجد تلف: سجل واحد لا يمكن فتحه.
        [two] وُجد تلف: سجلان لا يمكن فتحهما.
        [few] وُجد تلف: { $count } سجلات لا يمكن فتحها.
        [many] وُجد تلف: { $count } سجلًا لا يمكن فتحها.
       *[other] وُجد تلف: { $count } سجل لا يمكن فتحها.
    }
verify-newer-format =
    { $count ->
        [one] كُتب سجل واحد بإصدار أحدث من ⁦Helpline⁩. لا شيء تالف: حدّث التطبيق لقراءته.
        [two] كُتب سجلان بإصدار أحدث من ⁦Helpline⁩. لا شيء تالف: حدّث التطبيق لقراءتهما.
        [few] كُتبت { $count } سجلات بإصدار أحدث من ⁦Helpline⁩. لا شيء تالف: حدّث التطبيق لقراءتها.
        [many] كُتب { $count } سجلًا بإصدار أحدث من ⁦Helpline⁩. لا شيء تالف: حدّث التطبيق لقراءتها.
       *[other] كُتب { $count } سجل بإصدار أحدث من ⁦Helpline⁩. لا شيء تالف: حدّث التطبيق لقراءتها.
    }
verify-file-problems = ملف قاعدة البيانات نفسه تالف. هذا ما يقوله فحص ⁦SQLite⁩:
verify-place =
    { $place ->
        [users-role] دور أحد المستخدمين
        [settings-value] أحد إعدادات خط المساعدة
        [cases-wrapped_key] مفتاح إحدى الحالات (لا يمكن فتح أي شيء من تلك الحالة)
        [cases-number] رقم إحدى الحالات
        [cases-summary] ملخّص إحدى الحالات
        [calls-details] بيانات إحدى المكالمات
        [calls-notes] ملاحظات إحدى المكالمات
        [call_drafts-details] بيانات مكالمة غير مكتملة
        [call_drafts-notes] ملاحظات مكالمة غير مكتملة
        [key_slots-user_id] خانة مفتاح مستخدم (ليست الخانة التي أُعطيت لذلك المستخدم)
        [cases-number_index] فهرس البحث لحالة (لا يطابق رقم الحالة)
        [calls-month] شهر مكالمة (لا يطابق بداية المكالمة)
       *[other] أحد سجلات المخزن
    }
verify-damaged-title = السجلات التالفة
verify-col-what = ماذا
verify-col-record = رقم السجل
verify-advice = كل ما عدا ذلك ما زال قابلًا للقراءة. احتفظوا بنسخكم الاحتياطية السابقة: يمكن استعادة أحدث نسخة تجتاز الفحص.
verify-schema-changed = يحتوي ملف البيانات على جداول أو مشغّلات أو طرق عرض أو فهارس لم ينشئها ⁦Helpline⁩، أو ينقصه بعض ما أنشأه: غيّره أحدهم خارج التطبيق. لا تستخدمه؛ استعد أحدث نسخة احتياطية تجتاز الفحص.
verify-backup-title = فحص ملف نسخة احتياطية
verify-backup-passphrase-label = عبارة المرور الخاصة بك
verify-backup-passphrase-hint = كما كانت عند أخذ النسخة الاحتياطية. تُفتح النسخة في مجلد مؤقت وتُفحص هناك، ولا يتغيّر شيء هنا.
verify-backup-submit = اختيار ملف نسخة احتياطية وفحصه…
verify-backup-cancelled = لم يُفحص شيء: لم يُختر أي ملف.
verify-backup-failed = تعذّر فحص ملف النسخة الاحتياطية.
verify-backup-checked = فُحص الملف { $path }:
safety-retention-title = مدة الاحتفاظ بمحتوى الحالات
retention-hint = الحالة التي مرّ على آخر مكالمة فيها أكثر من هذه المدة تُتلف نهائيًا: عند حفظ المدة، وفي كل مرة يسجّل فيها أحد الدخول. لا تتغيّر الإحصاءات التي نُشرت من قبل.
retention-current =
    { $months ->
        [0] حاليًا: يُحتفظ بمحتوى الحالات إلى أن يمحو المشرف الحالة.
        [one] حاليًا: يُحتفظ بمحتوى الحالة شهرًا واحدًا بعد آخر مكالمة فيها.
        [two] حاليًا: يُحتفظ بمحتوى الحالة شهرين بعد آخر مكالمة فيها.
        [few] حاليًا: يُحتفظ بمحتوى الحالة { $months } أشهر بعد آخر مكالمة فيها.
        [many] حاليًا: يُحتفظ بمحتوى الحالة { $months } شهرًا بعد آخر مكالمة فيها.
       *[other] حاليًا: يُحتفظ بمحتوى الحالة { $months } شهر بعد آخر مكالمة فيها.
    }
retention-saved =
    { $cases ->
        [0] حُفظت المدة. لم تكن أي حالة قديمة بما يكفي لإتلافها.
        [one] حُفظت المدة. أُتلفت حالة واحدة نهائيًا.
        [two] حُفظت المدة. أُتلفت حالتان نهائيًا.
        [few] حُفظت المدة. أُتلفت { $cases } حالات نهائيًا.
       *[other] حُفظت المدة. أُتلفت { $cases } حالة نهائيًا.
    }
retention-legend = الاحتفاظ بمحتوى الحالات
retention-forever = إلى أن يمحو المشرف الحالة
retention-limited = عددًا من الأشهر بعد آخر مكالمة في الحالة
retention-months-label = عدد الأشهر بعد آخر مكالمة (١–١٢٠)
retention-months-hint = مثلًا ٢٤ لسنتين.
retention-submit = حفظ
retention-question =
    { $months ->
        [one] هل تريد إتلاف كل حالة مرّ على آخر مكالمة فيها أكثر من شهر واحد؟
        [two] هل تريد إتلاف كل حالة مرّ على آخر مكالمة فيها أكثر من شهرين؟
        [few] هل تريد إتلاف كل حالة مرّ على آخر مكالمة فيها أكثر من { $months } أشهر؟
        [many] هل تريد إتلاف كل حالة مرّ على آخر مكالمة فيها أكثر من { $months } شهرًا؟
       *[other] هل تريد إتلاف كل حالة مرّ على آخر مكالمة فيها أكثر من { $months } شهر؟
    } ستُحذف من هذا الحاسوب نهائيًا، الآن وعند كل تسجيل دخول من الآن فصاعدًا. لا يمكن التراجع عن ذلك.
retention-confirm = نعم، احفظ وأتلفها
safety-forget-title = محو حالة
forget-hint = للمتصل الذي يطلب أن يُمحى: تُحذف الحالة وجميع مكالماتها من هذا الحاسوب فورًا. تبقى في النسخ الاحتياطية المأخوذة من قبل إلى أن تُحذف تلك النسخ.
forget-submit = محو هذه الحالة…
forget-question =
    { $calls ->
        [one] هل تريد محو الحالة { $number } ومكالمتها الوحيدة نهائيًا؟
        [two] هل تريد محو الحالة { $number } ومكالمتيها نهائيًا؟
        [few] هل تريد محو الحالة { $number } ومكالماتها الـ{ $calls } نهائيًا؟
       *[other] هل تريد محو الحالة { $number } ومكالماتها وعددها { $calls } نهائيًا؟
    } لا يمكن التراجع عن ذلك: لن يستطيع أحد فتحها مرة أخرى.
forget-confirm = نعم، امحُها نهائيًا
forget-done = مُحيت الحالة { $number }. لم تعد موجودة على هذا الحاسوب.
forget-backups =
    { $count ->
        [one] ما زالت نسخة احتياطية أُخذت منذ بدء هذه الحالة تحتويها. أتلف تلك النسخة وكل نسخة منها لمحو الحالة هناك أيضًا:
        [two] ما زالت نسختان احتياطيتان أُخذتا منذ بدء هذه الحالة تحتويانها. أتلفهما وكل نسخة منهما لمحو الحالة هناك أيضًا:
        [few] ما زالت { $count } نسخ احتياطية أُخذت منذ بدء هذه الحالة تحتويها. أتلفها وكل نسخة منها لمحو الحالة هناك أيضًا:
       *[other] ما زالت { $count } نسخة احتياطية أُخذت منذ بدء هذه الحالة تحتويها. أتلفها وكل نسخة منها لمحو الحالة هناك أيضًا:
    }
forget-backup-taken = النسخة الاحتياطية المأخوذة في { $when }
safety-audit-title = سجل التدقيق
audit-hint = من سجّل الدخول (ومن حاول وفشل: الاسم المكتوب، وليس عبارة المرور أبدًا)، أو فتح حالة، أو صدّر إحصاءات، أو أخذ نسخة احتياطية، أو غيّر المستخدمين والإعدادات، ومتى. لا يذكر أي متصل ولا أي رقم حالة.
audit-show = عرض السجل
audit-refresh = عرضه من جديد
audit-verify = التحقق من السجل
audit-more = عرض المزيد
audit-empty = السجل فارغ.
audit-count = القيود المعروضة: أحدث { $shown } من أصل { $count }.
audit-table-caption = سجل التدقيق، الأحدث أولًا
audit-col-seq = الرقم
audit-col-when = متى
audit-col-who = من
audit-col-what = ماذا
audit-setting =
    { $setting ->
        [referrals] قائمة الإحالات
        [transit_countries] بلدان العبور
        [idle_lock_minutes] القفل التلقائي
        [retention_months] مدة الاحتفاظ بمحتوى الحالات
       *[other] أحد الإعدادات ({ $setting })
    }
audit-action-signed_in = سجّل الدخول.
audit-action-recovery_code_used = فتح المخزن برمز الاسترداد.
audit-action-case_opened = فتح حالة (السجل { $case }).
audit-action-case_forgotten = محا حالة نهائيًا (السجل { $case }).
audit-action-case_forgotten_elsewhere = أُتلفت هنا حالة مُحيت في مكتب آخر (السجل { $case }).
audit-action-forget_failed = تعذّر محو حالة (السجل { $case }): عُدِّل ملف البيانات خارج ⁦Helpline⁩ ({ $reason }). لم يُحذف شيء.
audit-action-recovery_code_replaced = استبدل رمز الاسترداد.
audit-action-key_slots_bound = سجّل لمن كل خانة مفتاح (مرة واحدة بعد التحديث؛ وجود إدخال ثانٍ يعني أن السجل حُذف من الملف).
audit-action-follow_up_done = أشّر على متابعة حالة بأنها أُنجزت (السجل { $case }).
audit-action-call_corrected = صحّح مكالمة تلقّاها (السجل { $case }): { $fields }.
audit-action-cases_expired =
    { $cases ->
        [one] أتلفت مدة الاحتفاظ (بالأشهر: { $months }) حالة واحدة.
        [two] أتلفت مدة الاحتفاظ (بالأشهر: { $months }) حالتين.
        [few] أتلفت مدة الاحتفاظ (بالأشهر: { $months }) { $cases } حالات.
       *[other] أتلفت مدة الاحتفاظ (بالأشهر: { $months }) { $cases } حالة.
    }
audit-action-statistics_exported = صدّر إحصاءات الفترة من { $from } إلى { $to } بصيغة { $format } (أصغر عدد يُعرض: { $k }).
audit-action-backup_taken = أخذ نسخة احتياطية.
audit-action-user_added =
    { $role ->
        [supervisor] أضاف { $name } بصفة مشرف.
       *[volunteer] أضاف { $name } بصفة متطوع.
    }
audit-action-user_removed = أزال المستخدم { $name }.
audit-action-passphrase_changed = غيّر عبارة المرور الخاصة به.
audit-action-passphrase_reset = أعطى { $name } عبارة مرور جديدة.
audit-action-settings_changed = غيّر { $setting }.
audit-action-sign_in_failed =
    { $reason ->
        [unknown_user] حاول أحدهم تسجيل الدخول باسم غير موجود في هذا المخزن ({ $when }).
        [wrong_recovery_code] جرّب أحدهم رمز الاسترداد للمستخدم { $name }، وكان خاطئًا ({ $when }).
       *[wrong_passphrase] حاول أحدهم تسجيل الدخول باسم { $name } بعبارة مرور خاطئة ({ $when }).
    }
audit-action-sign_in_reports_damaged =
    { $replaced ->
        [yes] استُبدل في الملف المفتاحُ الذي تُختم به محاولات الدخول الفاشلة، وتعذّرت قراءة { $unreadable } من التقارير. لقد عدّل أحدهم المخزن.
       *[no] تعذّرت قراءة { $unreadable } من تقارير محاولات الدخول الفاشلة. لقد عدّل أحدهم المخزن.
    }
audit-sound =
    { $count ->
        [one] السجل سليم: فُحص قيد واحد، ولم يُغيَّر أو يُحذف.
        [two] السجل سليم: فُحص قيدان، ولم يُغيَّر أي منهما أو يُحذف.
        [few] السجل سليم: فُحصت { $count } قيود، ولم يُغيَّر أي منها أو يُحذف.
        [many] السجل سليم: فُحص { $count } قيدًا، ولم يُغيَّر أي منها أو يُحذف.
       *[other] السجل سليم: فُحص { $count } قيد، ولم يُغيَّر أي منها أو يُحذف.
    }
audit-unsound = تعرّض السجل للتلف أو التلاعب:
audit-problem-altered =
    { $count ->
        [one] القيد { $seq } غُيّر أو لا يمكن فتحه.
       *[other] القيود من { $seq } إلى { $last } غُيّرت أو لا يمكن فتحها.
    }
audit-problem-missing =
    { $count ->
        [one] القيد { $seq } مفقود.
       *[other] القيود من { $seq } إلى { $last } مفقودة.
    }
audit-problem-tail_removed =
    { $count ->
        [one] حُذف القيد الأخير (رقم { $seq }).
       *[other] حُذفت القيود الأخيرة وعددها { $count } (بدءًا من الرقم { $seq }).
    }
audit-fingerprint = بصمة السجل: { $fingerprint }
audit-fingerprint-hint = دوِّن البصمة والتاريخ بعيدًا عن هذا الحاسوب. إذا أُعيد السجل يومًا إلى حالة سابقة، فسيُظهر بصمة أقدم من آخر بصمة دوّنتها.

## الأخطاء

error-passphrase_mismatch = عبارتا المرور غير متطابقتين.
error-wrong_passphrase = عبارة المرور غير صحيحة. تحقّق منها وحاول مرة أخرى.
error-unknown_user = لا يوجد مستخدم بهذا الاسم.
error-store_locked = المخزن مقفل. افتح قفله أولًا.
error-store_exists = يوجد مخزن بالفعل على هذا الحاسوب.
error-not_a_store = ملف البيانات ليس مخزنًا لخط المساعدة، أو أنه تالف.
error-store_damaged = ملف البيانات تالف ولا يمكن قراءته كاملًا. اطلب من المشرف استعادة أحدث نسخة احتياطية.
error-newer_schema = كُتب هذا المخزن بإصدار أحدث من خط المساعدة. حدِّث التطبيق لفتحه.
error-damaged_record = أحد السجلات في المخزن تالف وتعذّر فتحه.
error-schema_changed = عُدِّل ملف البيانات خارج ⁦Helpline⁩: فيه شيء لم ينشئه التطبيق. لا تستخدمه. اطلب من المشرف استعادة أحدث نسخة احتياطية على هذا الحاسوب.
error-destroy_incomplete = تعذّر إتلاف الحالة: عُدِّل ملف البيانات خارج ⁦Helpline⁩ فاحتفظ بما حُذف. لم يُحذف شيء. اطلب من المشرف استعادة أحدث نسخة احتياطية.
error-sync_change_damaged = تعذّر فتح تغيير من خادم خط المساعدة أو لم يكن متماسكًا، فلم يُحفظ منه شيء. أخبر مشرفك.
error-sync_change_newer = كُتب تغيير من خادم خط المساعدة بإصدار أحدث من ⁦Helpline⁩. حدّث التطبيق على هذا الحاسوب.
error-case_number_collision = أعطى مكتب آخر رقم الحالة نفسه لحالة مختلفة بينما كانا منفصلين. تتوقف المزامنة هنا حتى يُحل ذلك؛ أخبر مشرفك.
error-server_unreachable = لا يمكن الوصول إلى خادم خط المساعدة. يواصل هذا الحاسوب العمل ويُزامن عندما يستطيع.
error-server_refused = رفض خادم خط المساعدة الطلب. تحقّق من أنه مُعَدّ، وأن هذا الحاسوب لم يُحذف من خط المساعدة.
error-server_needs_tls = هذا الخادم ليس على هذا الحاسوب. يتصل هذا الإصدار فقط عبر مقبس محلي أو على هذا الحاسوب؛ اسأل مشرفك.
error-server_address_invalid = هذا ليس عنوان خادم يمكن لـ ⁦Helpline⁩ استخدامه. تحقّق منه مع مشرفك.
error-invitation_invalid = هذه ليست دعوة. تحقّق منها مع المشرف الذي أنشأها: ‏39 حرفًا ورقمًا، في مجموعات من أربعة.
error-invitation_unknown = لا توجد على الخادم دعوة كهذه: استُخدمت من قبل أو سُحبت. اطلب من مشرفك دعوة جديدة.
error-record_damaged = سجل من خادم خط المساعدة لا يُفتح بمفاتيح هذا الحاسوب. لم يُحفظ منه شيء؛ أخبر مشرفك.
error-desk_removed = أزال مشرف هذا الحاسوب من خط المساعدة. يحتفظ بما كان لديه، لكنه لم يعد يُزامن.
error-desk_not_connected = هذا الحاسوب غير متصل بخادم خط مساعدة. يوصله مشرف، أو ينضم إلى خط مساعدة بدعوة.
error-desk_connected = هذا الحاسوب متصل بخادم خط مساعدة من قبل.
error-server_in_use = يحمل هذا الخادم سجلات خط مساعدة آخر. ينضم إليه مكتب جديد بدعوة من أحد مشرفيه.
error-not_allowed = لا يسمح دورك بهذا الإجراء.
error-invalid_user_name = لا يمكن استخدام اسم المستخدم هذا. تأكّد من أنه غير فارغ واختر اسمًا أبسط.
error-passphrase_too_short = عبارة المرور قصيرة جدًا. يجب أن تتكوّن من { $min } أحرف على الأقل.
error-passphrase_weak = يسهل تخمين عبارة المرور هذه: فهي كلمة مرور شائعة أو اسم أو تاريخ أو نمط أو تكرار. اختر أربع كلمات أو أكثر لا رابط بينها، أو جملة لا يؤلفها غيرك.
error-passphrase_too_long = عبارة المرور طويلة جدًا. اختر عبارة أقصر.
error-storage_failed = تعذّرت قراءة البيانات أو كتابتها على هذا الحاسوب. تأكّد من أن القرص غير ممتلئ.
error-invalid_argument = أرسل التطبيق طلبًا غير صالح. يُرجى الإبلاغ عن ذلك.
error-wrong_recovery_code = رمز الاسترداد غير صحيح. قارنه بما تمّ تدوينه.
error-user_exists = يوجد مستخدم بهذا الاسم بالفعل (اختلاف الأحرف الكبيرة والصغيرة لا يجعله اسمًا آخر).
error-user_name_ambiguous = يوجد مستخدمان بهذا الاسم مع اختلاف في الأحرف الكبيرة والصغيرة. اكتب الاسم تمامًا كما أُنشئ، واطلب من مشرف حذف أحدهما.
error-key_slot_missing = مفتاح هذا المستخدم مفقود من المخزن. سجّل الدخول بمستخدم آخر أو استخدم رمز الاسترداد.
error-no_store = لا يوجد مخزن في مجلد البيانات بعد.
error-case_number_check_failed = هذا الرقم غير صالح — تحقّق منه مع المتصل.
error-case_number_malformed = هذا الرقم غير صالح — تحقّق منه مع المتصل.
error-no_such_case = لا توجد حالة بهذا الرقم — تحقّق منه مع المتصل.
error-too_long = النص أطول من أن يُحفظ. اختصره.
error-out_of_range = اختر عددًا صحيحًا بين { $min } و{ $max }.
error-too_many = لا تتسع القائمة لأكثر من { $max }. احذف واحدًا أولًا.
error-referral_code_malformed = يتكوّن الرمز من { $min } إلى { $max } حرفًا: ⁦a–z⁩ و⁦0–9⁩ و⁦_⁩.
error-record_format_unknown = كُتب جزء من هذا المخزن بإصدار أحدث من ⁦Helpline⁩. لا شيء تالف: حدّث التطبيق لقراءته.
error-contact_details_missing = اخترت أن يقدّم المتصل بيانات الاتصال، لكن لم يُدخل أيّ منها. أدخلها أو ألغِ هذا الاختيار.
error-no_such_call = لم تعد تلك المكالمة غير المكتملة موجودة.
error-invalid_country = هذا ليس رمز بلد من حرفين (⁦ISO 3166⁩)، مثل ⁦TR⁩.
error-draft_not_saved = تعذّر حفظ الملاحظات. اضغط «قفل» مرة أخرى للقفل على أي حال، وستضيع آخر التغييرات.
error-referral_exists = القائمة تحتوي هذا الرمز بالفعل.
error-country_exists = القائمة تحتوي هذا البلد بالفعل.
error-case_number_empty = اكتب رقم الحالة الذي يعطيك إياه المتصل.
error-export_failed = تعذّرت كتابة الملف. تأكّد من وجود المجلد، ومن أنه يُسمح لك بالحفظ فيه، ومن أن القرص غير ممتلئ. ومع ذلك فقد نُشرت الأشهر: إن حفظتها مرة أخرى فستكون القيم نفسها.
error-month_missing = اختر الشهر الأول والشهر الأخير (السنة والشهر، مثل 2026-03).
error-period_reversed = لا يمكن أن يأتي الشهر الأخير قبل الشهر الأول.
error-period_too_long = اختر أربعة وعشرين شهرًا على الأكثر في كل مرة.
error-date_invalid = هذا ليس تاريخًا. اكتب السنة والشهر واليوم كما في المثال تحت الحقل.
error-invalid_k = اختر أصغر عدد يُعرض (⁦k⁩) من ٣ إلى ١٠٠.
error-month_not_ended = أحد الأشهر المختارة لم ينتهِ بعد. يمكن نشر إحصاءاته بعد انتهائه: اختر أشهرًا حتى الشهر الماضي.
error-month_has_open_call = مكالمة بدأت في أحد هذه الأشهر ما زالت مفتوحة. أنهِها أو احذفها من المكالمات غير المكتملة في الصفحة الرئيسية، ثم حاول مرة أخرى.
error-threshold_fixed = سبق نشر إحصاءات خط المساعدة هذا بأصغر عدد يُعرض (⁦k⁩) مختلف. استخدم قيمة ⁦k⁩ نفسها الواردة في التقارير السابقة، حتى يمكن مقارنة التقارير دون كشف أي عدد مخفي.
error-month_published = نُشرت إحصاءات ذلك الشهر، فلم يعد ممكنًا إضافة مكالمة إليه. سجّل المكالمة بتاريخ اليوم واذكر في الملاحظات متى جرت.
error-not_your_call = لا يصحّح المكالمةَ إلا المتطوع الذي تلقّاها، ولا تُصحَّح المكالمات المسجّلة قبل أن يصبح التصحيح ممكنًا.
error-correction_window_closed = يمكن تصحيح المكالمة حتى 12 ساعة بعد انتهائها؛ ولم يعد تصحيح هذه المكالمة ممكنًا.
error-correction_changes_published = نُشرت إحصاءات ذلك الشهر، وهذا التصحيح سيغيّر ما تعدّه. لا يزال تصحيح الملاحظات والخطوات التالية ممكنًا.
error-not_a_backup = هذا الملف ليس نسخة احتياطية من خط المساعدة، أو أن بدايته تالفة.
error-backup_damaged = النسخة الاحتياطية تالفة: لا يمكن فتح محتواها. استخدم نسخة احتياطية أخرى.
error-backup_failed = تعذّرت كتابة النسخة الاحتياطية. تأكّد من وجود المجلد، ومن أنه يُسمح لك بالحفظ فيه، ومن أن القرص غير ممتلئ.
error-clipboard_failed = تعذّر وضع الرقم في الحافظة. حدِّده وانسخه (⁦Ctrl+C⁩).
error-recovery_code_malformed = هذا ليس رمز استرداد. يتكوّن من ٣٢ حرفًا ورقمًا (2–7) في مجموعات من أربعة.
error-retention_failed = تعذّر عند تسجيل الدخول إتلاف الحالات التي انتهت مدة الاحتفاظ بها، وما زالت موجودة. احفظ المدة مرة أخرى في شاشة «الأمان» لإعادة المحاولة.
error-locked_idle = قُفل خط المساعدة من تلقاء نفسه: لم يستخدمه أحد منذ مدة. سجّل الدخول للمتابعة؛ تبقى المكالمة المفتوحة كما حُفظت آخر مرة.
error-locked_suspend = قُفل خط المساعدة عندما دخل الحاسوب في وضع السكون. سجّل الدخول للمتابعة؛ تبقى المكالمة المفتوحة كما حُفظت آخر مرة.
error-locked_screen = قُفل خط المساعدة مع قفل الشاشة. سجّل الدخول للمتابعة؛ تبقى المكالمة المفتوحة كما حُفظت آخر مرة.
error-unknown = حدث خطأ ما. حاول مرة أخرى، وإن تكرّر ذلك فأخبر المشرف.

## مكاتب عدة لخط مساعدة واحد: حالة المزامنة الهادئة في أعلى الشاشة، ما دام هذا المكتب متصلًا
sync-syncing = جارٍ المزامنة…
sync-synced = تمت المزامنة { $time }
sync-offline = دون اتصال منذ { $time }
sync-failed = مشكلة في المزامنة: أخبر المشرف

## شاشة المكاتب، للمشرفين فقط
nav-desks = المكاتب
desks-title = المكاتب
desks-intro = تتشارك مكاتب خط المساعدة الواحد حالاته عبر خادم خط المساعدة، الذي لا يحفظ إلا سجلات مختومة. لكل مكتب مخزنه المشفّر الخاص، ويواصل العمل حين يتعذّر الوصول إلى الخادم.
desks-status-title = هذا المكتب
desks-alone = هذا المكتب قائم بذاته: تبقى مكالماته على هذا الحاسوب.
desks-connected = هذا المكتب متصل. يُزامن كل دقيقة وبعد كل مكالمة بقليل.
desks-name = اسم المكتب
desks-server = الخادم
desks-pending = تغييرات تنتظر الإرسال
desks-position = الموضع في سجل الخادم
desks-state = المزامنة
desks-state-off = لم تتم المزامنة بعد منذ تسجيل الدخول
desks-sync-now = زامِن الآن
desks-sync-done = تمت المزامنة. المُرسَل: { $count }. مكالمات من مكاتب أخرى: { $calls }. حالات مُنسيّة: { $cases }.
desks-connect-title = وصل هذا المكتب
desks-connect-hint = لأول مكتب في خط المساعدة، بعد إعداد خادمه. يعطيك العنوانَ من أعدّ الخادم. فيه كلمة مرور المكاتب: لا يُعرض مرة أخرى، لا هنا ولا في أي مكان.
desks-address-label = عنوان الخادم
desks-address-hint = مقبس محلي أو هذا الحاسوب، مثل ⁦host=/run/postgresql dbname=helpline⁩، مع مستخدم المكاتب وكلمة مرورها.
desks-name-label = اسم هذا المكتب
desks-name-hint = حتى 60 حرفًا، مثل "المكتب" أو "حاسوب سارة". تراه المكاتب الأخرى.
desks-connect-submit = صِل هذا المكتب
desks-connecting = جارٍ الوصل…
desks-invite-title = دعوة مكتب
desks-invite-hint = ينضم المكتب الجديد من شاشة التشغيل الأول ("الانضمام إلى خط مساعدة") بعنوان الخادم ودعوة تصلح مرة واحدة. إنشاء دعوة يُزامن أولًا، ثم يضع على الخادم نسخة مختومة من مخزن هذا المكتب؛ وهذا يستغرق لحظة.
desks-invite-name-label = اسم المكتب الجديد
desks-invite-submit = أنشئ دعوة
desks-inviting-short = جارٍ إنشاء الدعوة…
desks-inviting = جارٍ إنشاء الدعوة… يُختم مخزن هذا المكتب ويُرسل إلى الخادم.
desks-invitation-title = دعوة إلى { $name }
desks-invitation-once = تُعرض الآن فقط وتصلح مرة واحدة. إنها تفتح بيانات خط المساعدة: سلّمها بنفسك إلى الشخص الذي يُعدّ المكتب الجديد، أو عبر قناة تثق بها، وليس أبدًا بالبريد الإلكتروني أو المحادثة، وسلّم عنوان الخادم بالطريقة نفسها.
desks-invitation-done = سلّمتها: أخفِها

## الانضمام إلى خط مساعدة، في شاشة التشغيل الأول
setup-join-title = مكتب آخر لخط مساعدة؟
setup-join-hint = اجعل هذا الحاسوب مكتبًا جديدًا لخط مساعدة له مكاتب من قبل، بعنوان الخادم ودعوة من مشرف.
setup-join = الانضمام إلى خط مساعدة…
join-title = الانضمام إلى خط مساعدة
join-intro = أدخل ما أعطاك إياه المشرف، ثم اسم المستخدم وعبارة المرور كما هما في المكاتب الأخرى.
join-address-label = عنوان الخادم
join-address-hint = كما أعطاك إياه المشرف. فيه كلمة مرور المكاتب.
join-invitation-label = الدعوة
join-invitation-hint = 39 حرفًا ورقمًا في مجموعات من أربعة. تصلح مرة واحدة: إن فشل الانضمام بعد أن تسلّمها الخادم، فاطلب دعوة جديدة.
join-passphrase-hint = عبارة المرور الخاصة بك في المكاتب الأخرى.
join-submit = انضم وسجّل الدخول
join-working = جارٍ الانضمام… تُجلب بيانات خط المساعدة وتُفتح.
error-desk_name_empty = أعطِ المكتب اسمًا، مثل "المكتب".
