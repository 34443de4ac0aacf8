using Marsad.Text;

namespace Marsad.Entities.Ner;

/// <summary>Coarse word classes that announce a name nearby: titles, organisation and place heads, name particles.</summary>
public enum NerCue : byte
{
    None = 0,

    /// <summary>A title or role that a person's name follows (الرئيس، وزير، الشيخ).</summary>
    Title,

    /// <summary>A verb of saying, after which the speaker is named (قال، أكد).</summary>
    Speech,

    /// <summary>A word that starts or links parts of an Arabic personal name (عبد، أبو، بن).</summary>
    NameParticle,

    /// <summary>The head noun of an organisation's name (وزارة، شركة، حزب).</summary>
    OrgHead,

    /// <summary>The head noun of a place name (مدينة، نهر، محافظة).</summary>
    LocHead,

    /// <summary>A compass word that starts or qualifies a place (شمال، جنوب).</summary>
    Direction,

    /// <summary>The head noun of an event, prize, treaty or work (بطولة، جائزة، اتفاقية).</summary>
    MiscHead,

    /// <summary>A preposition of place or direction (في، إلى، من).</summary>
    PlacePreposition,
}

/// <summary>
/// Cue words written for the recognizer from knowledge of Arabic news language (not taken from any corpus):
/// they let the model generalize from "وزير" to "وزيرة" and "والوزير", and to titles it saw rarely.
/// Lookups use the normalized word and its clitic-stripped stem.
/// </summary>
public static class NerCues
{
    private static readonly Dictionary<string, NerCue> Words = Build();

    private static Dictionary<string, NerCue> Build()
    {
        var d = new Dictionary<string, NerCue>(StringComparer.Ordinal);
        void Add(NerCue cue, string list)
        {
            foreach (var w in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                d.TryAdd(ArabicNormalizer.Normalize(w), cue);
        }
        Add(NerCue.Title, "رئيس رئيسة وزير وزيرة شيخ سيد سيدة دكتور د. لواء عميد عقيد عماد جنرال ملك ملكة أمير أميرة سلطان " +
            "نائب سفير سفيرة مستشار مستشارة مدير مديرة قائد زعيم أمين مبعوث مندوب متحدث ناطق ناطقة إمام مفتي قاضي محامي " +
            "بروفيسور أستاذ مهندس سناتور حاكم محافظ عاهل بابا مطران قس أسقف كاردينال الحاج حاج لاعب مدرب مهاجم حارس نجم " +
            "فنان فنانة ممثل ممثلة مطرب مطربة كاتب كاتبة شاعر روائي مخرج صحفي مراسل رئيسا الرئيسان نظيره نظيرته مساعد " +
            "الجنرال المشير مشير رقيب النقيب نقيب مقدم وزيرا ولي المرشح مرشح المستشارة السيناتور السفير الأمين");
        Add(NerCue.Speech, "قال قالت أكد أكدت أضاف أضافت أوضح أوضحت صرح صرحت أعلن أعلنت ذكر ذكرت أشار أشارت اعتبر اعتبرت " +
            "رأى رأت دعا دعت طالب طالبت نفى نفت أفاد أفادت يقول تقول");
        Add(NerCue.NameParticle, "عبد عبدال أبو أبي أبا بن ابن بنت أم آل ولد");
        Add(NerCue.OrgHead, "شركة شركات وزارة جامعة حزب منظمة وكالة صحيفة جريدة مجلة بنك مصرف مجلس جمعية اتحاد نادي فريق هيئة " +
            "مؤسسة مركز معهد لجنة جبهة حركة جماعة تنظيم قناة إذاعة تلفزيون مجموعة صندوق محكمة برلمان منتدى رابطة نقابة " +
            "كلية أكاديمية مكتب مصلحة إدارة جيش قوات شرطة منتخب مستشفى دار مصنع مجمع بورصة سلطة كتلة ائتلاف تحالف " +
            "حكومة جهاز أكاديمية مدرسة مجلسي وزارات");
        Add(NerCue.LocHead, "مدينة قرية محافظة ولاية نهر جبل جبال بلدة إقليم منطقة مقاطعة جزيرة جزر بحر خليج عاصمة بحيرة صحراء " +
            "شارع ميناء مطار دولة مملكة جمهورية إمارة حي مخيم وادي سهل قضاء ناحية معبر مدن قرى مدينتي ضاحية بلاد");
        Add(NerCue.Direction, "شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي الشمال الجنوب الشرق الغرب");
        Add(NerCue.MiscHead, "بطولة كأس دوري مهرجان جائزة مؤتمر اتفاقية اتفاق معاهدة حرب دورة أولمبياد مسابقة قمة ندوة معرض " +
            "عملية مشروع برنامج كتاب فيلم رواية مسلسل ألبوم أغنية قانون خطة مبادرة إعلان ميثاق");
        Add(NerCue.PlacePreposition, "في إلى الى من عن على نحو داخل خارج قرب بين مع لدى حتى");
        return d;
    }

    /// <summary>The cue of a token: its normalized form first, then its stem with and without the article.</summary>
    public static NerCue Of(TokenObservation o)
    {
        if (Words.TryGetValue(o.Normalized, out var c))
            return c;
        if (o.Stem.Length > 0 && Words.TryGetValue(o.Stem, out c))
            return c;
        foreach (var f in o.Forms)
            if (f.StartsWith("ال", StringComparison.Ordinal) && f.Length > 3 && Words.TryGetValue(f[2..], out c))
                return c;
        return NerCue.None;
    }
}
