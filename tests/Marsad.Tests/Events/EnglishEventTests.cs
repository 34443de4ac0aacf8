using Marsad.Events;

namespace Marsad.Tests.Events;

// English event extraction. Every sentence here was written for these tests (fictional reports), not taken
// from any news source or evaluation set. Publication date: Tuesday 2016-10-25.
public class EnglishEventTests(EnglishFixture fx) : IClassFixture<EnglishFixture>
{
    private EventRecord Single(string text) => Assert.Single(fx.Events(text));

    [Theory]
    [InlineData("Tunisian troops clashed with gunmen near Kasserine on Monday.", "battles", "armed_clash")]
    [InlineData("Islamic State fighters captured the town of Ajdabiya on Sunday.", "battles", "non_state_actor_overtakes_territory")]
    [InlineData("Iraqi forces recaptured the city of Mosul from Islamic State on Sunday.", "battles", "government_regains_territory")]
    [InlineData("Russian warplanes carried out air strikes on rebel positions in Idlib on Monday.", "explosions_remote_violence", "air_drone_strike")]
    [InlineData("Houthi rebels shelled residential districts of Taiz on Monday.", "explosions_remote_violence", "shelling_artillery_missile_attack")]
    [InlineData("A suicide bomber blew himself up at a checkpoint in Aden on Monday.", "explosions_remote_violence", "suicide_bomb")]
    [InlineData("A roadside bomb exploded near a police patrol in Arish on Monday.", "explosions_remote_violence", "remote_explosive_landmine_ied")]
    [InlineData("Gunmen kidnapped three foreign workers near Sabha on Monday.", "violence_against_civilians", "abduction_forced_disappearance")]
    [InlineData("Gunmen opened fire on civilians at a market in Derna on Monday.", "violence_against_civilians", "attack")]
    [InlineData("Hundreds of protesters rallied in Tunis on Monday to demand jobs.", "protests", "peaceful_protest")]
    [InlineData("Police fired tear gas to disperse protesters in Sfax on Monday.", "protests", "protest_with_intervention")]
    [InlineData("Protesters rioted in Gafsa on Monday, setting tyres alight.", "riots", "violent_demonstration")]
    [InlineData("Police arrested four suspected militants in Sousse on Monday.", "strategic_developments", "arrests")]
    [InlineData("Algerian troops seized a cache of weapons near Tamanrasset on Monday.", "strategic_developments", "disrupted_weapons_use")]
    [InlineData("The warring militias signed a ceasefire agreement in Zawiya on Monday.", "strategic_developments", "agreement")]
    [InlineData("Dozens of Islamic State fighters fled Sirte on Monday.", "x_movement", "relocation")]
    [InlineData("Egypt deployed troops to its western border on Monday.", "x_movement", "deployment")]
    [InlineData("Militants infiltrated the town of Ben Gardane from Libya on Monday.", "x_movement", "infiltration")]
    [InlineData("Tunisian authorities imposed a curfew in Kasserine on Monday.", "x_security_measure", "alert_or_patrol")]
    [InlineData("Algeria bought 14 helicopters from Russia last year.", "x_security_measure", "procurement")]
    [InlineData("Tunisia dug a trench along its border with Libya last year.", "x_security_measure", "border_fortification")]
    [InlineData("Islamic State threatened to attack Rome in a video released on Monday.", "x_threat", "threat")]
    public void EachTypeHasAnEnglishTrigger(string text, string type, string subtype)
    {
        var e = Single(text);
        Assert.Equal(type, e.Type);
        Assert.Equal(subtype, e.Subtype);
    }

    [Fact]
    public void TheSubjectActsAndTheObjectIsActedOn()
    {
        var e = Single("Islamic State militants attacked Libyan forces in Sirte on Monday.");
        Assert.Equal("Islamic State", e.Actor1);
        Assert.Equal("Military Forces of Libya", e.Actor2);
        // An armed target makes the attack a battle.
        Assert.Equal("battles", e.Type);
    }

    [Fact]
    public void APassiveVerbPutsTheDoerAfterBy()
    {
        var e = Single("Libyan soldiers were attacked by Islamic State militants in Sirte on Monday.");
        Assert.Equal("Islamic State", e.Actor1);
        Assert.Equal("Military Forces of Libya", e.Actor2);
    }

    [Fact]
    public void AProgressiveVerbIsNoPassive()
    {
        var e = Single("Islamic State militants are attacking Libyan forces in Sirte today.");
        Assert.Equal("Islamic State", e.Actor1);
        Assert.Equal("Military Forces of Libya", e.Actor2);
    }

    [Fact]
    public void ANounOfViolenceTakesItsDoerBeforeIt()
    {
        var e = Single("Turkish air strikes hit Kurdish fighters near Afrin on Monday.");
        Assert.Equal("air_drone_strike", e.Subtype);
        Assert.Equal("Turkey", e.Actor1);
    }

    [Fact]
    public void ClashesBetweenNameBothSides()
    {
        var e = Single("Clashes broke out between the Houthis and forces loyal to Hadi in Taiz on Monday.");
        Assert.Equal("Houthis", e.Actor1);
        Assert.Equal("Military Forces of Yemen", e.Actor2);
    }

    [Fact]
    public void ANationalityBeforeAHeadIsAStateBody()
    {
        var e = Single("Tunisian security forces arrested three jihadists in Sousse on Monday.");
        Assert.Equal("Police Forces of Tunisia", e.Actor1);
    }

    [Fact]
    public void ABareHeadBelongsToTheStateTheArticleIsAbout()
    {
        var events = fx.Events("Tunisian troops killed two militants near Kasserine on Monday. The army also arrested three militants in the same area.");
        Assert.Contains(events, e => e.Subtype == "arrests" && e.Actor1 == "Military Forces of Tunisia");
    }

    [Theory]
    [InlineData("Gunmen attacked a police station in Sabha yesterday.", "2016-10-24", "2016-10-24", "day")]
    [InlineData("Gunmen attacked a police station in Sabha on Sunday night.", "2016-10-23", "2016-10-23", "day")]
    [InlineData("Gunmen attacked a police station in Sabha last Tuesday.", "2016-10-18", "2016-10-18", "day")]
    [InlineData("Gunmen attacked a police station in Sabha two days ago.", "2016-10-23", "2016-10-23", "day")]
    [InlineData("Gunmen attacked a police station in Sabha on March 12, 2016.", "2016-03-12", "2016-03-12", "day")]
    [InlineData("Gunmen attacked a police station in Sabha on 3 October.", "2016-10-03", "2016-10-03", "day")]
    [InlineData("Gunmen attacked a police station in Sabha last week.", "2016-10-17", "2016-10-23", "week")]
    [InlineData("Gunmen attacked a police station in Sabha earlier this month.", "2016-10-01", "2016-10-25", "range")]
    public void EventDatesResolveAgainstPublication(string text, string start, string end, string precision)
    {
        var e = Single(text);
        Assert.NotNull(e.Date);
        Assert.Equal(PipelineFixture.Day(start), e.Date!.Start);
        Assert.Equal(PipelineFixture.Day(end), e.Date.End);
        Assert.Equal(precision, e.Date.PrecisionCode);
    }

    [Fact]
    public void WithoutAPublicationDateRelativeDatesStayNull()
    {
        var e = Assert.Single(fx.Events("Gunmen attacked a police station in Sabha yesterday.", published: null));
        Assert.Null(e.Date);
    }

    [Theory]
    [InlineData("Gunmen killed 12 people in an attack on a market in Derna on Monday.", 12)]
    [InlineData("A car bomb exploded in Benghazi on Monday, killing seven people.", 7)]
    [InlineData("Twenty-five soldiers were killed when militants attacked a base near Arish on Monday.", 25)]
    [InlineData("A suicide bombing in Aden on Monday left 48 dead.", 48)]
    public void DeathTollsAreFatalities(string text, int fatalities)
    {
        var e = fx.Events(text).First();
        Assert.Equal(fatalities, e.Quantities.GetValueOrDefault("fatalities"));
    }

    [Fact]
    public void AVagueCountGivesNoNumber()
    {
        var e = Single("Dozens of people were killed in air strikes on Aleppo on Monday.");
        Assert.False(e.Quantities.ContainsKey("fatalities"));
    }

    [Fact]
    public void CountsReadPastAdjectives()
    {
        var e = Single("Algerian troops seized 17 anti-aircraft missiles near Tamanrasset on Monday.");
        Assert.Equal(17, e.Quantities.GetValueOrDefault("weapons"));
    }

    [Theory]
    [InlineData("Gunmen attacked a checkpoint in Sabha on Monday, according to local sources.", "reported")]
    [InlineData("Gunmen reportedly attacked a checkpoint in Sabha on Monday.", "reported")]
    [InlineData("Gunmen may have attacked a checkpoint in Sabha on Monday.", "speculative")]
    [InlineData("Islamic State is expected to attack the town of Sirte.", "speculative")]
    [InlineData("The army plans to deploy troops to Ben Gardane next week.", "planned")]
    [InlineData("Tunisia will deploy troops to its border with Libya.", "planned")]
    [InlineData("The Houthis denied shelling residential areas of Taiz on Monday.", "denied")]
    [InlineData("Russian jets struck Idlib on Monday, but the report could not be verified.", "unconfirmed")]
    [InlineData("Tunisian troops clashed with gunmen near Kasserine on Monday.", "confirmed")]
    public void CertaintyFollowsTheCues(string text, string certainty)
    {
        var e = Single(text);
        Assert.Equal(certainty, e.Certainty);
    }

    [Theory]
    [InlineData("No clashes were reported in Sirte on Monday.")]
    [InlineData("The militants did not attack the town of Sirte on Monday.")]
    [InlineData("Officials said there had been no air strikes on Sirte on Monday.")]
    [InlineData("If the militants attack Sirte, the army will respond.")]
    [InlineData("Did the militants attack Sirte on Monday?")]
    public void NegatedOrConditionalActsAreNoEvents(string text)
    {
        Assert.Empty(fx.Events(text));
    }

    [Theory]
    [InlineData("Gunmen attacked a checkpoint in Sabha on Monday, according to the Syrian Observatory for Human Rights.", "Syrian Observatory for Human Rights")]
    [InlineData("Gunmen attacked a checkpoint in Sabha on Monday, local officials said.", "local officials")]
    [InlineData("A security source told Reuters that gunmen attacked a checkpoint in Sabha on Monday.", "security source")]
    [InlineData("Gunmen attacked a checkpoint in Sabha on Monday, said a police spokesman.", "police spokesman")]
    [InlineData("Farhat Horchani said gunmen attacked a checkpoint in Sabha on Monday.", "Farhat Horchani")]
    public void TheSourceIsCredited(string text, string source)
    {
        var e = Single(text);
        Assert.NotNull(e.ReportedBy);
        Assert.Contains(source, e.ReportedBy!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("reported", e.Certainty);
    }

    [Fact]
    public void AnActorReportingItsOwnActConfirmsIt()
    {
        var e = Single("Tunisian security forces arrested five militants in Sousse on Monday, the Tunisian interior ministry said.");
        Assert.Equal("confirmed", e.Certainty);
    }

    [Fact]
    public void AClaimOfResponsibilityNamesTheDoerOfTheAttackToldBefore()
    {
        var events = fx.Events("A car bomb exploded near a checkpoint in Benghazi on Monday, killing four soldiers. Islamic State claimed responsibility for the bombing.");
        var bomb = Assert.Single(events);
        Assert.Equal("remote_explosive_landmine_ied", bomb.Subtype);
        Assert.Equal("Islamic State", bomb.Actor1);
    }

    [Fact]
    public void ATollThatPointsBackAddsNoEvent()
    {
        var events = fx.Events("Libyan forces clashed with Islamic State militants in Sirte on Monday. Four soldiers were killed in the fighting.");
        Assert.Equal("armed_clash", Assert.Single(events).Subtype);
    }

    [Fact]
    public void AnUnknownDoerStillLeavesAnAttack()
    {
        var e = Single("It is unclear who attacked the checkpoint in Sirte on Monday.");
        Assert.Equal("Sirte", e.Place?.Name);
        Assert.Null(e.Actor1);
    }

    [Fact]
    public void ARelativeClauseActsThroughItsNoun()
    {
        var events = fx.Events("Malian troops pushed back Islamic State fighters near Gao on Sunday, who fled into the desert.");
        var flight = Assert.Single(events, e => e.Type == "x_movement");
        Assert.Equal("Islamic State", flight.Actor1);
    }

    [Fact]
    public void EachPlaceTakenIsAnEvent()
    {
        var events = fx.Events("Forces loyal to Khalifa Haftar took control of the oil ports of Ras Lanuf and Es Sider on Sunday.");
        Assert.Equal(["Ras Lanuf", "Es Sider"], events.Select(e => e.Place?.Name));
        Assert.All(events, e => Assert.Equal("non_state_actor_overtakes_territory", e.Subtype));
    }

    [Fact]
    public void AnArabicArticleIsUntouchedByTheEnglishPath()
    {
        // The same words read as Arabic (the default) find nothing: the dispatch is by Article.Lang alone.
        var pipeline = fx.Pipeline;
        var arabic = pipeline.Extract(new Marsad.Text.Article("a", "Tunisian troops clashed with gunmen near Kasserine on Monday."));
        var english = pipeline.Extract(new Marsad.Text.Article("a", "Tunisian troops clashed with gunmen near Kasserine on Monday.", Lang: "en-GB"));
        Assert.Empty(arabic);
        Assert.Single(english);
    }
}
