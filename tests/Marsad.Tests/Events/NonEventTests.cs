namespace Marsad.Tests.Events;

/// <summary>Sentences that name violence or arrests without reporting a political event.</summary>
public class NonEventTests(PipelineFixture fx) : IClassFixture<PipelineFixture>
{
    [Theory]
    [InlineData("ألقت الشرطة القبض على مروج مخدرات في حي السلامة بجدة أمس.")]
    [InlineData("لقي خمسة أشخاص مصرعهم جراء السيول التي اجتاحت محافظة إب أمس.")]
    [InlineData("نفذت وزارة الداخلية حكم القتل قصاصا بحق الجاني في الرياض أمس.")]
    [InlineData("وصل اللاعب التونسي إلى الدوحة أمس للانضمام إلى فريقه الجديد.")]
    [InlineData("تحاول المجموعة الوصول إلى الحدود قبل نهاية الشهر.")]
    [InlineData("ناقش المؤتمر ملف اغتيال الصحفي في ذكراه السنوية.")]
    [InlineData("وهتف المتظاهرون ضد الحكومة ورفعوا أعلاما سوداء.")]
    [InlineData("قالت الصحيفة إن إسرائيل تنوي الهجوم على مواقع في الجنوب.")]
    [InlineData("دعا مجلس الأمن أمس إلى وقف إطلاق الصواريخ على المدن.")]
    [InlineData("نقل المحكوم بالإعدام إلى المستشفى أمس بعد تدهور صحته.")]
    [InlineData("قتل 300 شخص في كارثة الإعصار التي ضربت الساحل أمس.")]
    [InlineData("التقى وفد منظمة التحرير الفلسطينية بالرئيس في القاهرة أمس.")]
    [InlineData("وتنتشر في الإقليم أعمال الخطف والقتل منذ سنوات.")]
    [InlineData("وقع نادي الاتفاق مع المدافع البحريني لمدة موسمين أمس.")]
    [InlineData("ناقش الوزير أمس تداعيات الاتفاق النووي على أسواق النفط.")]
    [InlineData("خاض المنتخب مواجهات قوية في بطولة كأس العالم أمس.")]
    [InlineData("نصب الصيادون شباكهم قرب كميناء العقبة أمس.")]
    [InlineData("وصل وزير الدفاع الأميركي إلى بغداد أمس في زيارة مفاجئة.")]
    [InlineData("وصلت أمس أول طائرة تابعة لقوات التحالف إلى مطار عدن.")]
    [InlineData("دعت منظمة العفو الدولية أمس إلى إلغاء عقوبة الإعدام في تونس.")]
    [InlineData("وقال بائع في سوق المدينة إن الأسعار ارتفعت أمس.")]
    [InlineData("وصلت أعداد المنضمين إلى التنظيم في سوريا إلى الآلاف.")]
    [InlineData("وقال الوزير إن الفساد يهدد الوطن ودول المجلس.")]
    [InlineData("ألقت الشرطة القبض على شخص يردد عبارات بذيئة في مهرجان جدة أمس.")]
    [InlineData("ضبط المراقبون الصحيون أمس عبوات مياه فاسدة في مستودع بجدة.")]
    [InlineData("تشددت إجراءات السفر في المطارات منذ اعتداءات مدريد عام 2004.")]
    [InlineData("وكان الطالب قد زار المدينة قبل الهجوم على السفارة بأسبوع.")]
    [InlineData("وكشف المتحدث عن عزم الجماعة خطف رعايا أجانب في المنطقة.")]
    [InlineData("ويبقى خيار الضربات الجوية مطروحا أمام الحكومة.")]
    [InlineData("وندد الحزب أمس باغتصاب الأرض ومصادرة الحقوق.")]
    [InlineData("وتخوض الكاتبة في روايتها الجديدة معاركها الأدبية في دمشق.")]
    [InlineData("وتتراجع الاستثمارات في بؤر الصراع والمواجهات في المنطقة.")]
    [InlineData("خطف الطالب أمس الميدالية الذهبية في معرض الاختراعات في كوالالمبور.")]
    [InlineData("وجدد الوزير أمس إدانة بلاده الهجمات الإرهابية التي تعرضت لها الكويت.")]
    [InlineData("ويحتوي كثير من الألعاب الإلكترونية على القتال والتدمير.")]
    [InlineData("وقال القائد إن المقاومة تزداد كل يوم قوة وصلابة في عدن.")]
    [InlineData("من جهته، بين البائع فاضل محمد في سوق جدة أن فوائد العسل كثيرة.")]
    [InlineData("وخطف الملياردير الأميركي المرشح في الانتخابات الأضواء في المناظرة الأولى أمس.")]
    [InlineData("داهمت الشرطة أمس منازل مطلوبين في عصابات متورطة في عمليات خطف بالبقاع.")]
    [InlineData("وعلمت الصحيفة أن الفنان فارس مهدي هدد برفع دعوى ضد المطرب بسبب ألحان أغنيته.")]
    [InlineData("وتسعى الدار إلى تقنيات تمكن الخبراء من استعادة هذا الإرث المهم من تاريخ العراق.")]
    [InlineData("وطالب الخطيب القوى السياسية بتوحيد مواقفها في المعركة الجارية ضد الإرهاب في العراق.")]
    [InlineData("وأكد الرئيس أمس أن تركيا سمحت للطائرات الأمريكية بشن غارات من قاعدة إنجرليك.")]
    [InlineData("وقال زعيم حزب الله إن الحزب يعتمد على الدعم الإيراني بعد الاتفاق النووي الذي وقعته طهران مع الغرب.")]
    [InlineData("صرح رئيس الوزراء لزواره بأنه وصل الخط الأحمر بسبب المأزق في بيروت.")]
    [InlineData("وقال المقداد إن بعض تشكيلات الجيش الحر انسحبت من برنامج التدريب الأميركي.")]
    [InlineData("تجمعت مئات السيارات أمس في وسط بنغازي بسبب الازدحام.")]
    [InlineData("لقي ثلاثة أشخاص مصرعهم أمس في حادث اصطدام سيارة بشاحنة على طريق جازان.")]
    [InlineData("ودعت السلطات أمس إلى الإبلاغ عند وقوع أي اشتباكات مع مسلحي داعش في بنغازي.")]
    [InlineData("واتفق الوزراء أمس على استصدار أوامر اعتقال إدارية ضد المتشددين في تونس.")]
    [InlineData("وذكرت الشرطة أمس أن رجلا صارع سمكة قرش بعدما هاجمته قبالة ساحل بنغازي.")]
    [InlineData("وشن الوزير السابق في مقابلة تلفزيونية أمس هجوما على الحكومة في بنغازي.")]
    [InlineData("وهدد مدير وكالة المخابرات المركزية الأمريكية أمس بالاستقالة من منصبه.")]
    [InlineData("وأكد الوزير أمس أن الدستور يكفل حق التظاهر للمواطنين في تونس.")]
    [InlineData("وشن رئيس الحزب أمس هجوما حادا على وزير الداخلية في بنغازي.")]
    public void RaisesNoEvent(string text) => Assert.Empty(fx.Events(text));

    [Fact]
    public void AnAttackToldInAnInterviewIsStillAnAttack()
    {
        // The venue is the speaker's; the attack is in the clause it reports.
        Assert.NotEmpty(fx.Events("وقال المتحدث في مقابلة تلفزيونية إن هجوما استهدف دورية للجيش في بنغازي أمس."));
        // A car trying to ram a convoy is an attack, not a road accident.
        Assert.NotEmpty(fx.Events("ونجا الوزير من هجوم على موكبه في بنغازي أمس عندما حاولت سيارة الاصطدام بسيارته."));
    }

    [Fact]
    public void CiviliansFleeingAndOrdersToWithdrawAreNoForcesMoving()
    {
        // The fighters of the first sentence are not the refugees of the second.
        var fled = fx.Events("اشتبك مسلحو جبهة النصرة مع قوات النظام في درعا أمس. وكان آلاف اللاجئين قد فروا من القصف إلى الأردن.");
        Assert.DoesNotContain(fled, e => e.Type == "x_movement");
        Assert.Contains(fled, e => e.Type == "battles");
        Assert.DoesNotContain(fx.Events("وصدرت تعليمات لقوات الجيش بضرورة الانسحاب من المواقع داخل مدينة بنغازي."), e => e.Type == "x_movement");
    }

    [Fact]
    public void ATallySinceAYearIsNoOccurrenceEvenWithoutAReportDate()
    {
        Assert.Empty(fx.Events("وقتل ثلاثة آلاف شخص منذ عام 2003 في العراق.", published: null));
        // The same count with a day of its own is one occurrence.
        Assert.NotEmpty(fx.Events("وقتل ثلاثة أشخاص يوم الأحد في العراق.", published: null));
    }

    [Fact]
    public void ADefusedOrSeizedBombHasNotExploded()
    {
        var defused = Assert.Single(fx.Events("فككت قوات الأمن أمس سيارة مفخخة قرب السفارة في الجزائر العاصمة."));
        Assert.Equal("disrupted_weapons_use", defused.Subtype);
        var seized = fx.Events("ضبطت الشرطة أمس 500 كيلوغرام من مواد شديدة الانفجار في مدينة رفح.");
        Assert.DoesNotContain(seized, e => e.Type == "explosions_remote_violence");
        Assert.Contains(seized, e => e.Subtype == "disrupted_weapons_use");
    }

    [Fact]
    public void ARapeOfAPersonIsStillSexualViolence()
    {
        var e = Assert.Single(fx.Events("أقدم مسلحون أمس على اغتصاب فتاة في قرية قرب الفاشر."));
        Assert.Equal(("violence_against_civilians", "sexual_violence"), (e.Type, e.Subtype));
    }

    [Fact]
    public void AnActAfterAPrepositionOfTimeWithItsOwnVerbIsStillNews()
    {
        // The landmark rule covers verbal nouns only: a finite verb after قبل tells its own occurrence.
        Assert.Contains(fx.Events("قتل مسلحون ثلاثة جنود قبل يومين في هجوم على حاجز قرب العريش."), e => e.Type == "violence_against_civilians" || e.Type == "battles");
    }

    [Fact]
    public void ForcesAnnouncingABombingDidNotCarryItOut()
    {
        var e = Assert.Single(fx.Events("أعلن الجيش العراقي أمس مقتل اثنين من جنوده في هجوم انتحاري بسيارة مفخخة في الموصل."));
        Assert.Equal("suicide_bomb", e.Subtype);
        Assert.Null(e.Actor1);
        Assert.Equal("الجيش العراقي", e.ReportedBy);
    }

    [Fact]
    public void AnAuthorityReportingItsOwnSeizureIsStillTheDoer()
    {
        var e = Assert.Single(fx.Events("أعلنت وزارة الداخلية التونسية أمس عن ضبطها مخزنا للأسلحة في بن قردان."));
        Assert.NotNull(e.Actor1);
    }

    [Fact]
    public void TheManShotIsTheTargetNotAForceNamedLater()
    {
        var e = Assert.Single(fx.Events("أقدم مسلحون من جبهة النصرة أمس في إدلب على إعدام محام بإطلاق النار عليه بعدما اتهموه بالتخابر مع قوات النظام."));
        Assert.Equal("violence_against_civilians", e.Type);
        Assert.NotEqual("Military Forces of Syria", e.Actor2);
    }

    [Fact]
    public void AnAttackOnSoldiersIsABattleEvenWithTheForceUnnamed()
    {
        var e = Assert.Single(fx.Events("استهدف مسلحون مجهولون أمس دورية عسكرية قرب مدينة العريش."));
        Assert.Equal(("battles", "armed_clash"), (e.Type, e.Subtype));
    }

    [Fact]
    public void SoldiersKilledInFightingAreABattleWhereItWasFought()
    {
        var e = Assert.Single(fx.Events("أعلن الجيش الأوكراني أمس أن 4 جنود قتلوا في قتال مع متمردين موالين لروسيا في شرق البلاد."));
        Assert.Equal("battles", e.Type);
        Assert.Equal("Military Forces of Ukraine", e.Actor1);
        // "موالين لروسيا" tells whose side the rebels are on, not where the fighting was.
        Assert.NotEqual("RU", e.Place?.Country);
    }

    [Fact]
    public void BothSidesAreTheOnesLastSeenFighting()
    {
        var events = fx.Events("اشتبك مقاتلو حركة الشباب مع الجيش الصومالي في مقديشو أمس. "
            + "وتتواصل الاشتباكات بين الطرفين في المدينة حيث تسعى القوات الكينية إلى التقدم نحو ميناء كيسمايو.");
        // "بين الطرفين" refers back to the two sides; the Kenyan forces named after it are not one of them.
        Assert.All(events, e => Assert.NotEqual("Military Forces of Kenya", e.Actor1));
        Assert.All(events, e => Assert.NotEqual("Military Forces of Kenya", e.Actor2));
        Assert.Contains(events, e => e.Actor1 == "Al-Shabaab" && e.Actor2 == "Military Forces of Somalia");
    }

    [Theory]
    // The mover of "توجهه" is the man kidnapped, not the gunmen; "كر وفر" is the idiom for see-saw fighting.
    [InlineData("وقالت الخارجية إن مسلحين خطفوا مواطنا أثناء توجهه إلى عمله بالقاهرة أمس.")]
    [InlineData("وتخوض القوات العراقية معارك كر وفر في مدينة الرمادي ضد المسلحين.")]
    public void NoMovementIsRead(string text) => Assert.DoesNotContain(fx.Events(text), e => e.Type == "x_movement");

    [Fact]
    public void FreeingHostagesIsNoChangeOfTerritory() =>
        Assert.DoesNotContain(fx.Events("أعلن مصدر عسكري مالي أن عملية تحرير الرهائن المحتجزين في أحد فنادق مدينة سيفاري ما زالت متواصلة."),
            e => e.Subtype is "government_regains_territory" or "non_state_actor_overtakes_territory");

    [Fact]
    public void ACampaignGoingOnSinceLongAgoIsNotAnOccurrence()
    {
        // Published 2016-10-25 (the fixture's date).
        Assert.Empty(fx.Events("ويشن التحالف الدولي غارات على العراق وسوريا منذ أغسطس 2014."));
        // Begun this week, it is the news.
        var arrests = Assert.Single(fx.Events("وأعلن الوزير أن الشرطة اعتقلت منذ الجمعة 590 شخصا متهمين بالارتباط بتنظيم داعش."));
        Assert.Equal("arrests", arrests.Subtype);
    }

    [Fact]
    public void AnAgreementBetweenPartiesIsStillOne()
    {
        var e = Assert.Single(fx.Events("توصلت الحكومة اليمنية والحوثيون إلى اتفاق لوقف إطلاق النار في الحديدة أمس."));
        Assert.Equal(("strategic_developments", "agreement"), (e.Type, e.Subtype));
        Assert.NotNull(e.Actor1);
    }

    [Fact]
    public void ASportsReportKeepsOnlyArmedParties()
    {
        const string report = "خطف المنتخب القطري بطاقة التأهل إلى نهائي البطولة بعد مباراة قوية أمس، وهاجم لاعب الوسط مرمى المنافس طوال الشوط الثاني. "
            + "وهاجم مسلحون من تنظيم داعش حافلة للمشجعين قرب الملعب في الموصل أمس.";
        var e = Assert.Single(fx.Events(report));
        Assert.Equal("Islamic State", e.Actor1);
    }

    [Fact]
    public void FightersOfANamedGroupAreThatGroup()
    {
        var e = Assert.Single(fx.Events("هاجم مسلحون من تنظيم داعش حافلة للجيش في الموصل أمس."));
        Assert.Equal("Islamic State", e.Actor1);
        Assert.NotEqual("Islamic State", e.Actor2);
    }

    [Fact]
    public void TheOutletInTheDatelineIsNoParty()
    {
        var events = fx.Events("عدن: «الشرق الأوسط» أعلنت المقاومة الشعبية تحرير مديرية الضالع من الحوثيين أمس.");
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.NotEqual("الشرق الأوسط", e.Actor1));
        Assert.All(events, e => Assert.NotEqual("Asharq Al-Awsat", e.Actor1));
        Assert.All(events, e => Assert.NotEqual("Asharq Al-Awsat", e.Actor2));
        Assert.All(events, e => Assert.NotEqual("الشرق الأوسط", e.Actor2));
    }

    [Fact]
    public void TheBaseIsNotAlQaeda()
    {
        var taken = Assert.Single(fx.Events("سيطرت القوات على القاعدة الجوية في العند أمس."));
        Assert.NotEqual("Al-Qaeda", taken.Actor1);
        Assert.NotEqual("Al-Qaeda", taken.Actor2);
        var strike = Assert.Single(fx.Events("قصفت طائرات أمريكية مواقع لتنظيم القاعدة في شبوة أمس."));
        Assert.Equal("Al-Qaeda", strike.Actor2);
        // Once a base is named, "القاعدة" again is that base.
        var events = fx.Events("تمكنت المقاومة من تحرير قاعدة العند الجوية بمحافظة لحج أمس. وقال قائد ميداني إن الهجوم نشر مئات المقاتلين في محيط القاعدة.");
        Assert.DoesNotContain(events, e => e.Actor1 == "Al-Qaeda" || e.Actor2 == "Al-Qaeda");
    }

    [Fact]
    public void ABombersNationalityIsNotAState()
    {
        var e = Assert.Single(fx.Events("فجر انتحاري سعودي نفسه في مسجد بمدينة أبها أمس."));
        Assert.Equal("suicide_bomb", e.Subtype);
        Assert.NotEqual("Saudi Arabia", e.Actor1);
    }

    [Fact]
    public void TahrirSquareIsAPlaceNotALiberation()
    {
        var e = Assert.Single(fx.Events("تظاهر آلاف العراقيين في ساحة التحرير وسط العاصمة بغداد أمس احتجاجا على الفساد."));
        Assert.Equal("protests", e.Type);
        Assert.Equal("IQ", e.Place?.Country);
    }

    [Fact]
    public void ACrowdThatGathersIsAProtest()
    {
        var e = Assert.Single(fx.Events("خرج آلاف المتظاهرين في شوارع الخرطوم أمس احتجاجا على رفع الأسعار."));
        Assert.Equal(("protests", "peaceful_protest"), (e.Type, e.Subtype));
    }

    [Fact]
    public void AGroupNamedForLiberationStillActs()
    {
        var e = Assert.Single(fx.Events("أعلنت هيئة تحرير الشام سيطرتها على بلدة كفرنبل في ريف إدلب أمس."));
        Assert.Equal(("battles", "non_state_actor_overtakes_territory"), (e.Type, e.Subtype));
        Assert.Equal("Hayat Tahrir al-Sham", e.Actor1);
    }

    [Fact]
    public void HistoryRecalledIsNotNews()
    {
        var events = fx.Events("وتعود الذاكرة إلى مجزرة حماة عام 1982 التي قتل فيها الآلاف. وقصفت قوات النظام السوري أمس مدينة حماة.", "2015-08-01");
        var e = Assert.Single(events);
        Assert.Equal("shelling_artillery_missile_attack", e.Subtype);
        Assert.Equal(new DateOnly(2015, 7, 31), e.Date!.Start);
    }

    [Fact]
    public void ArmedMoversStillMove()
    {
        var e = Assert.Single(fx.Events("وصل عشرات المقاتلين التابعين لتنظيم داعش إلى مدينة درنة أمس."));
        Assert.Equal(("x_movement", "relocation"), (e.Type, e.Subtype));
        Assert.Equal("Islamic State", e.Actor1);
    }

    [Fact]
    public void TheCoalitionIsTheOneTheArticleIsAbout()
    {
        var e = Assert.Single(fx.Events("شن التحالف 12 غارة جوية على مواقع لتنظيم داعش قرب الموصل في العراق أمس."));
        Assert.Equal("US-led coalition", e.Actor1);
        var y = Assert.Single(fx.Events("شن التحالف غارات جوية على مواقع للحوثيين في صعدة شمال اليمن أمس."));
        Assert.Equal("Saudi-led coalition", y.Actor1);
    }
}
