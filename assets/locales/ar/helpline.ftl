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

## الصفحة الرئيسية

home-greeting = مرحبًا، { $user }!
home-role =
    { $role ->
        [supervisor] لقد سجّلت الدخول بصفة مشرف.
       *[volunteer] لقد سجّلت الدخول بصفة متطوع.
    }
home-next = ستأتي شاشات المكالمات والإحصاءات في المرحلة القادمة.
home-lock = قفل

## الأخطاء

error-passphrase_mismatch = عبارتا المرور غير متطابقتين.
error-wrong_passphrase = عبارة المرور غير صحيحة. تحقّق منها وحاول مرة أخرى.
error-unknown_user = لا يوجد مستخدم بهذا الاسم.
error-store_locked = المخزن مقفل. افتح قفله أولًا.
error-store_exists = يوجد مخزن بالفعل على هذا الحاسوب.
error-not_a_store = ملف البيانات ليس مخزنًا لخط المساعدة، أو أنه تالف.
error-newer_schema = كُتب هذا المخزن بإصدار أحدث من خط المساعدة. حدِّث التطبيق لفتحه.
error-damaged_record = أحد السجلات في المخزن تالف وتعذّر فتحه.
error-not_allowed = لا يسمح دورك بهذا الإجراء.
error-invalid_user_name = لا يمكن استخدام اسم المستخدم هذا. تأكّد من أنه غير فارغ واختر اسمًا أبسط.
error-passphrase_too_short = عبارة المرور قصيرة جدًا. يجب أن تتكوّن من عشرة أحرف على الأقل.
error-passphrase_too_long = عبارة المرور طويلة جدًا. اختر عبارة أقصر.
error-storage_failed = تعذّرت قراءة البيانات أو كتابتها على هذا الحاسوب. تأكّد من أن القرص غير ممتلئ.
error-invalid_argument = أرسل التطبيق طلبًا غير صالح. يُرجى الإبلاغ عن ذلك.
error-wrong_recovery_code = رمز الاسترداد غير صحيح. قارنه بما تمّ تدوينه.
error-user_exists = يوجد مستخدم بهذا الاسم بالفعل.
error-key_slot_missing = مفتاح هذا المستخدم مفقود من المخزن. سجّل الدخول بمستخدم آخر أو استخدم رمز الاسترداد.
error-no_store = لا يوجد مخزن في مجلد البيانات بعد.
error-case_number_check_failed = هذا الرقم غير صالح. تحقّق منه مع المتصل.
error-case_number_malformed = يتكوّن رقم الحالة من 11 رقمًا. تحقّق منه مع المتصل.
error-no_such_case = لا توجد حالة بهذا الرقم. تحقّق منه مع المتصل.
error-too_long = النص أطول من أن يُحفظ. اختصره.
error-unknown = حدث خطأ ما. حاول مرة أخرى، وإن تكرّر ذلك فأخبر المشرف.
