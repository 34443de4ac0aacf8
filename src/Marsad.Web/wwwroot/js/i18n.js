// Every string the dashboard shows, in Arabic and English. Data (titles, article text, actor names)
// is never translated here: it is shown as the API gives it.

export const LANGS = ['ar', 'en'];

const STRINGS = {
  en: {
    appName: 'Marsad',
    appTagline: 'news event monitor',
    switchLang: 'العربية',
    switchLangTitle: 'Switch the interface to Arabic',
    viewEvents: 'Events',
    viewMovement: 'Movement',
    filters: 'Filters',
    type: 'Type',
    subtype: 'Subtype',
    anyType: 'All types',
    actor: 'Actor',
    actorHint: 'name or alias, e.g. داعش',
    country: 'Country',
    anyCountry: 'All countries',
    certainty: 'Certainty',
    from: 'From',
    to: 'To',
    q: 'Text search',
    qHint: 'words in the article',
    inView: 'Only events in the map view',
    clearFilters: 'Clear filters',
    apply: 'Apply',
    events: 'Events',
    listEmpty: 'No events match these filters.',
    order: 'Order of the list',
    orderNewest: 'Newest first (dated events)',
    orderStored: 'As stored (undated too)',
    prev: 'Previous',
    next: 'Next',
    pageRange: '{from}–{to}',
    loading: 'Loading…',
    newEvents: 'New events: {n} · show',
    loadFailed: 'Could not load: {error}',
    statusCounts: '{total} · {mapped} on the map',
    statusTruncated: ' (map shows the first {n})',
    statusFirstView: 'first view {ms} ms',
    legend: 'Event types',
    legendHint: 'Click a type to filter by it',
    timeline: 'Events per week',
    timelineHint: 'Drag across the bars to choose a period',
    timelineReset: 'All dates',
    timelineEmpty: 'No dated events',
    weekOf: 'Week of {date}: {n}',
    close: 'Close',
    details: 'Details',
    openDetails: 'Open details',
    eventTitle: 'Event {id}',
    fieldType: 'Type',
    fieldActor1: 'Actor',
    fieldActor2: 'Target / second actor',
    fieldPlace: 'Place',
    fieldOrigin: 'Origin',
    fieldDate: 'Date',
    fieldCertainty: 'Certainty',
    fieldReportedBy: 'Reported by',
    fieldFatalities: 'Fatalities',
    fieldQuantities: 'Quantities',
    fieldMentions: 'Mentions',
    fieldEvidence: 'Evidence',
    fieldCoords: 'Coordinates',
    fieldPrecision: 'precision: {p}',
    notCoded: '—',
    sources: 'Sources',
    mergeReason: 'Merged: {reason}',
    readArticle: 'Read the article',
    article: 'Article',
    articleEvents: 'Events coded from this article',
    duplicateOf: 'Duplicate of {id} ({reason})',
    published: 'Published {date}',
    hlEvidence: 'evidence',
    hlTrigger: 'trigger',
    showOnMap: 'Show on map',
    notLocated: 'not located',
    movementTitle: 'Movement of an actor',
    movementHint: 'Where an actor\'s events appear over time and where the text says it moved.',
    movementActor: 'Actor',
    movementShow: 'Show movement',
    movementPeriod: 'Period: uses the From / To filters and the timeline selection.',
    movementNone: 'Pick an actor to see its track.',
    movementEmpty: 'No located events of {actor} in this period.',
    movementHeadline: '{actor}: located events {n}{period}; reported movements {m}.',
    movementPeriodText: ' from {from} to {to}',
    movementTruncated: 'Only the first events were read; narrow the period.',
    regions: 'Regions: earlier half → later half',
    regionsEmpty: 'No regions.',
    moves: 'Reported movements',
    movesEmpty: 'The texts report no movement of this actor.',
    moveFromTo: '{origin} → {destination}',
    moveTo: '→ {destination} (origin not given)',
    moveFrom: 'left {origin} (destination not given)',
    serverSummary: 'Summary',
    trackLegend: 'Track: earlier → later',
    trackEarlier: 'earlier',
    trackLater: 'later',
    arrowLegend: 'Moves: solid confirmed · dashed reported · dotted speculative/unconfirmed',
    dateFromArticle: 'date of the article',
    trend_rising: 'rising',
    trend_falling: 'falling',
    trend_steady: 'steady',
    trend_new: 'new',
    trend_gone: 'gone',
    mapLabel: 'Map of events',
    selectedRange: 'Selected: {from} – {to}',
  },
  ar: {
    appName: 'مرصد',
    appTagline: 'رصد الأحداث في الأخبار',
    switchLang: 'English',
    switchLangTitle: 'عرض الواجهة بالإنجليزية',
    viewEvents: 'الأحداث',
    viewMovement: 'التحركات',
    filters: 'التصفية',
    type: 'النوع',
    subtype: 'النوع الفرعي',
    anyType: 'كل الأنواع',
    actor: 'الفاعل',
    actorHint: 'اسم أو كنية، مثل داعش',
    country: 'البلد',
    anyCountry: 'كل البلدان',
    certainty: 'درجة اليقين',
    from: 'من',
    to: 'إلى',
    q: 'بحث في النص',
    qHint: 'كلمات في المقال',
    inView: 'الأحداث الظاهرة في الخريطة فقط',
    clearFilters: 'مسح التصفية',
    apply: 'تطبيق',
    events: 'الأحداث',
    listEmpty: 'لا أحداث تطابق هذه التصفية.',
    order: 'ترتيب القائمة',
    orderNewest: 'الأحدث أولًا (المؤرخة)',
    orderStored: 'بترتيب الحفظ (مع غير المؤرخة)',
    prev: 'السابق',
    next: 'التالي',
    pageRange: '{from}–{to}',
    loading: 'جارٍ التحميل…',
    newEvents: 'أحداث جديدة: {n} · عرض',
    loadFailed: 'تعذّر التحميل: {error}',
    statusCounts: '{total} · {mapped} على الخريطة',
    statusTruncated: ' (تعرض الخريطة أول {n})',
    statusFirstView: 'العرض الأول {ms} ملّي ثانية',
    legend: 'أنواع الأحداث',
    legendHint: 'انقر نوعًا للتصفية به',
    timeline: 'الأحداث في كل أسبوع',
    timelineHint: 'اسحب فوق الأعمدة لاختيار فترة',
    timelineReset: 'كل التواريخ',
    timelineEmpty: 'لا أحداث مؤرخة',
    weekOf: 'أسبوع {date}: {n}',
    close: 'إغلاق',
    details: 'التفاصيل',
    openDetails: 'عرض التفاصيل',
    eventTitle: 'الحدث {id}',
    fieldType: 'النوع',
    fieldActor1: 'الفاعل',
    fieldActor2: 'المستهدف / الطرف الثاني',
    fieldPlace: 'المكان',
    fieldOrigin: 'المنطلق',
    fieldDate: 'التاريخ',
    fieldCertainty: 'درجة اليقين',
    fieldReportedBy: 'المصدر المنسوب إليه',
    fieldFatalities: 'القتلى',
    fieldQuantities: 'الأعداد',
    fieldMentions: 'الإشارات',
    fieldEvidence: 'الشاهد',
    fieldCoords: 'الإحداثيات',
    fieldPrecision: 'الدقة: {p}',
    notCoded: '—',
    sources: 'المصادر',
    mergeReason: 'دُمج: {reason}',
    readArticle: 'قراءة المقال',
    article: 'المقال',
    articleEvents: 'الأحداث المستخرجة من هذا المقال',
    duplicateOf: 'نسخة من {id} ({reason})',
    published: 'نُشر في {date}',
    hlEvidence: 'الشاهد',
    hlTrigger: 'الكلمة المفتاحية',
    showOnMap: 'إظهار على الخريطة',
    notLocated: 'غير محدد المكان',
    movementTitle: 'تحركات فاعل',
    movementHint: 'أين تظهر أحداث الفاعل عبر الزمن، وإلى أين تقول النصوص إنه تحرّك.',
    movementActor: 'الفاعل',
    movementShow: 'عرض التحركات',
    movementPeriod: 'الفترة: من مرشّحَي «من» و«إلى» ومن التحديد على الخط الزمني.',
    movementNone: 'اختر فاعلًا لعرض مساره.',
    movementEmpty: 'لا أحداث محددة المكان لـ{actor} في هذه الفترة.',
    movementHeadline: '{actor}: الأحداث محددة المكان {n}{period}؛ التحركات المنقولة {m}.',
    movementPeriodText: ' من {from} إلى {to}',
    movementTruncated: 'قُرئت الأحداث الأولى فقط؛ ضيّق الفترة.',
    regions: 'المناطق: النصف الأول ← النصف الثاني',
    regionsEmpty: 'لا مناطق.',
    moves: 'التحركات المنقولة',
    movesEmpty: 'لا تذكر النصوص تحركًا لهذا الفاعل.',
    moveFromTo: '{origin} ← {destination}',
    moveTo: '← {destination} (المنطلق غير مذكور)',
    moveFrom: 'مغادرة {origin} (الوجهة غير مذكورة)',
    serverSummary: 'الملخص',
    trackLegend: 'المسار: الأقدم ← الأحدث',
    trackEarlier: 'الأقدم',
    trackLater: 'الأحدث',
    arrowLegend: 'التحركات: خط متصل مؤكد · متقطع منقول · منقّط مرجّح أو غير مؤكد',
    dateFromArticle: 'تاريخ المقال',
    trend_rising: 'في ازدياد',
    trend_falling: 'في تراجع',
    trend_steady: 'ثابت',
    trend_new: 'جديد',
    trend_gone: 'اختفى',
    mapLabel: 'خريطة الأحداث',
    selectedRange: 'المحدد: {from} – {to}',
  },
};

const TYPES = {
  battles: { en: 'Battles', ar: 'معارك' },
  explosions_remote_violence: { en: 'Explosions/Remote violence', ar: 'انفجارات وعنف عن بعد' },
  violence_against_civilians: { en: 'Violence against civilians', ar: 'عنف ضد المدنيين' },
  protests: { en: 'Protests', ar: 'احتجاجات' },
  riots: { en: 'Riots', ar: 'أعمال شغب' },
  strategic_developments: { en: 'Strategic developments', ar: 'تطورات استراتيجية' },
  x_movement: { en: 'Movement of armed actors', ar: 'تحركات المسلحين' },
  x_security_measure: { en: 'Security measure', ar: 'إجراءات أمنية' },
  x_threat: { en: 'Threat or propaganda', ar: 'تهديد أو دعاية' },
};

const SUBTYPES = {
  armed_clash: { en: 'Armed clash', ar: 'اشتباك مسلح' },
  government_regains_territory: { en: 'Government regains territory', ar: 'استعادة الحكومة أرضًا' },
  non_state_actor_overtakes_territory: { en: 'Non-state actor overtakes territory', ar: 'سيطرة جماعة مسلحة على أرض' },
  chemical_weapon: { en: 'Chemical weapon', ar: 'سلاح كيميائي' },
  air_drone_strike: { en: 'Air/drone strike', ar: 'غارة جوية أو بمسيّرة' },
  suicide_bomb: { en: 'Suicide bomb', ar: 'تفجير انتحاري' },
  shelling_artillery_missile_attack: { en: 'Shelling/artillery/missile attack', ar: 'قصف مدفعي أو صاروخي' },
  remote_explosive_landmine_ied: { en: 'Remote explosive/landmine/IED', ar: 'عبوة ناسفة أو لغم' },
  grenade: { en: 'Grenade', ar: 'قنبلة يدوية' },
  sexual_violence: { en: 'Sexual violence', ar: 'عنف جنسي' },
  attack: { en: 'Attack', ar: 'اعتداء' },
  abduction_forced_disappearance: { en: 'Abduction/forced disappearance', ar: 'اختطاف أو إخفاء قسري' },
  peaceful_protest: { en: 'Peaceful protest', ar: 'احتجاج سلمي' },
  protest_with_intervention: { en: 'Protest with intervention', ar: 'احتجاج مع تدخل' },
  excessive_force_against_protesters: { en: 'Excessive force against protesters', ar: 'قوة مفرطة ضد المحتجين' },
  violent_demonstration: { en: 'Violent demonstration', ar: 'تظاهرة عنيفة' },
  mob_violence: { en: 'Mob violence', ar: 'عنف جماعي' },
  agreement: { en: 'Agreement', ar: 'اتفاق' },
  arrests: { en: 'Arrests', ar: 'اعتقالات' },
  change_to_group_activity: { en: 'Change to group/activity', ar: 'تغير في جماعة أو نشاط' },
  disrupted_weapons_use: { en: 'Disrupted weapons use', ar: 'إحباط استخدام سلاح' },
  headquarters_or_base_established: { en: 'Headquarters or base established', ar: 'إنشاء مقر أو قاعدة' },
  looting_property_destruction: { en: 'Looting/property destruction', ar: 'نهب أو تدمير ممتلكات' },
  non_violent_transfer_of_territory: { en: 'Non-violent transfer of territory', ar: 'انتقال أرض دون قتال' },
  other: { en: 'Other', ar: 'أخرى' },
  relocation: { en: 'Relocation', ar: 'انتقال أو انسحاب' },
  infiltration: { en: 'Infiltration', ar: 'تسلل' },
  deployment: { en: 'Deployment', ar: 'نشر قوات' },
  border_fortification: { en: 'Border fortification', ar: 'تحصين الحدود' },
  alert_or_patrol: { en: 'Alert or patrol', ar: 'استنفار أو دوريات' },
  procurement: { en: 'Procurement', ar: 'تسلّح أو شراء معدات' },
  threat: { en: 'Threat', ar: 'تهديد' },
};

const CERTAINTIES = {
  confirmed: { en: 'confirmed', ar: 'مؤكد' },
  reported: { en: 'reported', ar: 'منقول' },
  unconfirmed: { en: 'unconfirmed', ar: 'غير مؤكد' },
  speculative: { en: 'speculative', ar: 'مرجّح' },
  planned: { en: 'planned', ar: 'مخطط له' },
  denied: { en: 'denied', ar: 'منفي' },
};

const ROLES = {
  actor1: { en: 'actor', ar: 'الفاعل' },
  actor2: { en: 'second actor', ar: 'الطرف الثاني' },
  place: { en: 'place', ar: 'المكان' },
  origin: { en: 'origin', ar: 'المنطلق' },
  date: { en: 'date', ar: 'التاريخ' },
  reported_by: { en: 'reported by', ar: 'المصدر' },
  certainty: { en: 'certainty cue', ar: 'قرينة اليقين' },
  trigger: { en: 'trigger', ar: 'الكلمة المفتاحية' },
  fatalities: { en: 'fatalities', ar: 'القتلى' },
};

const PRECISIONS = {
  point: { en: 'point', ar: 'نقطة' },
  admin1: { en: 'province', ar: 'محافظة' },
  admin2: { en: 'district', ar: 'قضاء' },
  region: { en: 'region', ar: 'منطقة' },
  country: { en: 'country', ar: 'بلد' },
  day: { en: 'day', ar: 'يوم' },
  week: { en: 'week', ar: 'أسبوع' },
  month: { en: 'month', ar: 'شهر' },
  year: { en: 'year', ar: 'سنة' },
  range: { en: 'range', ar: 'مدى' },
};

// "N events" in each language's plural forms (Arabic has six: 0, 1, 2, 3–10, 11–99, 100+).
const EVENTS = {
  en: { one: '{n} event', other: '{n} events' },
  ar: { zero: '{n} حدث', one: 'حدث واحد', two: 'حدثان', few: '{n} أحداث', many: '{n} حدثًا', other: '{n} حدث' },
};

let current = 'ar';

export function setLang(lang) {
  current = LANGS.includes(lang) ? lang : 'ar';
}

export function lang() {
  return current;
}

export function dir() {
  return current === 'ar' ? 'rtl' : 'ltr';
}

/** A UI string with {name} placeholders filled (values are inserted as text by the caller's textContent). */
export function t(key, values) {
  const s = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return values ? s.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m)) : s;
}

function label(table, code) {
  const entry = table[code];
  return entry ? entry[current] : code;
}

export const typeLabel = (code) => label(TYPES, code);
export const subtypeLabel = (code) => label(SUBTYPES, code);
export const certaintyLabel = (code) => label(CERTAINTIES, code);
export const roleLabel = (code) => label(ROLES, code);
export const precisionLabel = (code) => label(PRECISIONS, code);

// Latin digits in both languages: the articles themselves write numbers and dates that way.
const numberFormats = {};
export function num(n) {
  const key = current;
  numberFormats[key] ??= new Intl.NumberFormat(current === 'ar' ? 'ar-u-nu-latn' : 'en');
  return numberFormats[key].format(n);
}

const pluralRules = {};
/** "N events", counted in the UI language. */
export function events(n) {
  pluralRules[current] ??= new Intl.PluralRules(current);
  const forms = EVENTS[current];
  return (forms[pluralRules[current].select(n)] ?? forms.other).replace('{n}', num(n));
}

/** The list separator of the UI language (Arabic writes its own comma). */
export function comma() {
  return current === 'ar' ? '، ' : ', ';
}

const regionNames = {};
/** A country's name in the UI language from its ISO 3166 alpha-2 code (the code itself when unknown). */
export function countryName(code) {
  if (!code) return '';
  try {
    regionNames[current] ??= new Intl.DisplayNames([current], { type: 'region' });
    return regionNames[current].of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
