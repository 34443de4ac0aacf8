using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Marsad.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser against a real server: map, filters, list, timeline brushing, event detail
/// with highlighted evidence, both languages, the movement view, and untrusted article text rendered as text.
/// Every page also checks that it logged no error and requested nothing but the server itself.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(DashboardFixture server) : IClassFixture<DashboardFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task DashboardLoadsMarkersListTimelineAndCountryOutlines()
    {
        await using var session = await Open();
        var page = session.Page;

        var total = await server.CountEvents("");
        var points = await server.GetJson("/api/events/points?limit=100000");
        Assert.True(total > 20, $"the test store holds {total} events");
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#status", "data-total"));
        Assert.Equal(points.GetProperty("count").GetInt32(), await page.EvaluateAsync<int>("marsad.clusters.getLayers().length"));
        Assert.True(await page.Locator(".leaflet-marker-icon").CountAsync() > 0, "no marker or cluster drawn");
        var listed = await server.GetJson("/api/events?limit=50");
        Assert.Equal(listed.GetProperty("items").GetArrayLength(), await page.Locator(".event-item").CountAsync());
        Assert.True(await page.Locator("rect.tl-bar").CountAsync() > 0, "no timeline bars");
        Assert.True(await page.Locator(".leaflet-overlay-pane canvas").CountAsync() > 0, "the country outlines were not drawn");
        // The legend's per-type counts add up to the total.
        var legend = await page.Locator(".legend-item").EvaluateAllAsync<int[]>("items => items.map(i => Number(i.dataset.count))");
        Assert.Equal(total, legend.Sum());
        var firstView = await page.EvaluateAsync<double>("window.marsadTimings.firstView");
        Assert.True(firstView > 0);
        Assert.Contains("first view", await page.TextContentAsync("#status"), StringComparison.Ordinal);

        await session.Screenshot("dashboard-en");
        await session.AssertClean();
    }

    [Fact]
    public async Task ActorAndDateFiltersNarrowTheListCountsAndMap()
    {
        await using var session = await Open();
        var page = session.Page;
        var all = await server.CountEvents("");

        // An alias: داعش is stored as Islamic State.
        await page.FillAsync("#f-actor", "داعش");
        await page.PressAsync("#f-actor", "Enter");
        var byActor = await server.CountEvents("actor=Islamic%20State");
        Assert.True(byActor > 0 && byActor < all, $"{byActor} of {all} events name Islamic State");
        await session.WaitForResults(byActor, "actor=Islamic%20State");
        var items = await session.ListItems();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.True(i.Actor1 == "Islamic State" || i.Actor2 == "Islamic State", $"event {i.Id}: {i.Actor1} / {i.Actor2}"));
        var actorPoints = await server.GetJson("/api/events/points?actor=Islamic%20State&limit=100000");
        Assert.Equal(actorPoints.GetProperty("count").GetInt32(), await page.EvaluateAsync<int>("marsad.clusters.getLayers().length"));

        await page.FillAsync("#f-from", "2016-01-01");
        await page.FillAsync("#f-to", "2016-12-31");
        await page.ClickAsync("#f-apply");
        var byActorAndYear = await server.CountEvents("actor=Islamic%20State&from=2016-01-01&to=2016-12-31");
        Assert.True(byActorAndYear > 0 && byActorAndYear < byActor, $"{byActorAndYear} of {byActor}");
        await session.WaitForResults(byActorAndYear, "actor=Islamic%20State&from=2016-01-01&to=2016-12-31");
        items = await session.ListItems();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.True(string.CompareOrdinal(i.Date, "2016-12-31") <= 0 && string.CompareOrdinal(i.DateEnd, "2016-01-01") >= 0, $"event {i.Id} dated {i.Date}..{i.DateEnd}"));
        Assert.Contains("from=2016-01-01", page.Url, StringComparison.Ordinal);

        await page.ClickAsync("#f-clear");
        await session.WaitForResults(all, "");
        await session.AssertClean();
    }

    [Fact]
    public async Task DraggingAcrossTheTimelineSetsThePeriodAndReset()
    {
        await using var session = await Open();
        var page = session.Page;
        var all = await server.CountEvents("");

        var box = await page.Locator("#timeline-chart svg").BoundingBoxAsync() ?? throw new InvalidOperationException("no timeline");
        float y = box.Y + box.Height / 2;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.55f, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.75f, y, new() { Steps = 5 });
        await page.Mouse.MoveAsync(box.X + box.Width * 0.98f, y, new() { Steps = 5 });
        await page.Mouse.UpAsync();

        var from = await page.InputValueAsync("#f-from");
        var to = await page.InputValueAsync("#f-to");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", from);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", to);
        Assert.True(string.CompareOrdinal(from, to) < 0, $"{from} .. {to}");
        var inRange = await server.CountEvents($"from={from}&to={to}");
        Assert.True(inRange < all, $"the brushed period {from}..{to} holds {inRange} of {all} events");
        await session.WaitForResults(inRange, $"from={from}&to={to}");
        Assert.All(await session.ListItems(), i => Assert.True(string.CompareOrdinal(i.Date, to) <= 0 && string.CompareOrdinal(i.DateEnd, from) >= 0, $"event {i.Id} dated {i.Date}"));
        Assert.True(await page.Locator("rect.tl-bar.tl-out").CountAsync() > 0, "bars outside the period are not dimmed");
        await session.Screenshot("timeline-brushed-en");

        await page.ClickAsync("#timeline-reset");
        await session.WaitForResults(all, "");
        Assert.Equal("", await page.InputValueAsync("#f-from"));
        await session.AssertClean();
    }

    [Fact]
    public async Task OpeningAnEventShowsItsArticleWithTheEvidenceAndArgumentsHighlighted()
    {
        await using var session = await Open();
        var page = session.Page;

        // From the list: the first event with argument spans besides its trigger.
        int? chosen = null;
        foreach (var id in (await session.ListItems()).Select(i => i.Id))
        {
            var candidate = await server.GetJson($"/api/events/{id}");
            if (candidate.GetProperty("mentions")[0].GetProperty("arguments").EnumerateObject().Any(a => a.Name is not "trigger"))
            {
                chosen = id;
                break;
            }
        }
        Assert.NotNull(chosen);
        var detail = await server.GetJson($"/api/events/{chosen}");
        var mention = detail.GetProperty("mentions")[0];
        var articleId = mention.GetProperty("article").GetProperty("id").GetString()!;
        var article = await server.GetJson($"/api/articles/{Uri.EscapeDataString(articleId)}");

        await page.ClickAsync($".event-item[data-id='{chosen}']");
        await page.WaitForSelectorAsync("#detail:not([hidden]) .sources .source", new() { Timeout = Timeout });
        Assert.Equal(detail.GetProperty("event").GetProperty("evidence").GetString(), await page.TextContentAsync(".detail-evidence"));
        await page.ClickAsync(".sources .source .read-article");
        await page.WaitForSelectorAsync("#article-view .article-text", new() { Timeout = Timeout });

        // The whole text is there, unchanged, and the highlighted evidence is exactly the event's evidence.
        Assert.Equal(article.GetProperty("text").GetString(), await page.TextContentAsync("#article-view .article-text"));
        var evidence = await page.Locator("#article-view .article-text mark.hl-evidence").EvaluateAllAsync<string>("marks => marks.map(m => m.textContent).join('')");
        Assert.Equal(mention.GetProperty("evidence").GetString(), evidence);
        var span = mention.GetProperty("evidence_span");
        Assert.Equal(article.GetProperty("text").GetString()![span.GetProperty("start").GetInt32()..span.GetProperty("end").GetInt32()], evidence);
        foreach (var argument in mention.GetProperty("arguments").EnumerateObject().Where(a => a.Name is not "trigger"))
        {
            var text = await page.Locator($"#article-view .article-text mark.hl-{argument.Name}").EvaluateAllAsync<string>("marks => marks.map(m => m.textContent).join('')");
            var expected = article.GetProperty("text").GetString()![argument.Value.GetProperty("start").GetInt32()..argument.Value.GetProperty("end").GetInt32()];
            Assert.True(text == expected, $"argument {argument.Name}: highlighted '{text}', span '{expected}'");
        }
        Assert.True(await page.Locator("#article-view .article-text mark.hl-trigger").CountAsync() > 0, "the trigger is not marked");
        await session.Screenshot("event-article-en");

        // From the map: a single marker's popup opens the same panel for its event.
        await page.ClickAsync("#detail-close");
        // A marker may sit under the legend or another marker; try a few until one's popup opens.
        bool opened = false;
        var markers = page.Locator(".ev-marker");
        for (int i = 0; i < Math.Min(6, await markers.CountAsync()) && !opened; i++)
        {
            try
            {
                await markers.Nth(i).ClickAsync(new() { Timeout = 5_000 });
                await page.WaitForSelectorAsync(".leaflet-popup .link-button", new() { Timeout = 5_000 });
                opened = true;
            }
            catch (TimeoutException)
            {
            }
        }
        Assert.True(opened, "no marker's popup opened");
        // The popup grows when the event's details arrive (and may pan the map): click once it has.
        await page.WaitForSelectorAsync(".leaflet-popup .popup-more .evidence", new() { Timeout = Timeout });
        await page.WaitForTimeoutAsync(300);
        await page.ClickAsync(".leaflet-popup .link-button");
        await page.WaitForSelectorAsync("#detail:not([hidden]) .sources .source", new() { Timeout = Timeout });
        var shown = await page.EvaluateAsync<int>("marsad.state.eventId");
        Assert.True(shown > 0);
        Assert.Contains($"event={shown}", page.Url, StringComparison.Ordinal);
        await session.AssertClean();
    }

    [Fact]
    public async Task LanguageSwitchMirrorsTheLayoutTranslatesAndIsRemembered()
    {
        // No stored choice: the dashboard starts in Arabic, right to left.
        await using var session = await Open(language: null);
        var page = session.Page;
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("ar", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("مرصد", await page.TextContentAsync("h1"));
        Assert.Equal("الأحداث", await page.TextContentAsync("#tab-events"));
        Assert.Equal("معارك", await page.TextContentAsync(".legend-item[data-type='battles'] .legend-label"));
        Assert.True(await SidebarX(page) > await MapX(page), "in Arabic the sidebar is on the right");
        await session.Screenshot("dashboard-ar");

        await page.ClickAsync("#lang-switch");
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Marsad", await page.TextContentAsync("h1"));
        Assert.Equal("Events", await page.TextContentAsync("#tab-events"));
        Assert.Equal("Battles", await page.TextContentAsync(".legend-item[data-type='battles'] .legend-label"));
        Assert.Equal("All types", await page.TextContentAsync("#f-type option[value='']"));
        Assert.True(await SidebarX(page) < await MapX(page), "in English the sidebar is on the left");

        await page.ReloadAsync();
        await session.WaitReady();
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("Marsad", await page.TextContentAsync("h1"));

        await page.ClickAsync("#lang-switch");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("ar", await page.EvaluateAsync<string>("localStorage.getItem('marsad.lang')"));

        // The detail panel opens on the inline end (the left in Arabic), its labels in Arabic.
        await page.ClickAsync(".event-item >> nth=1");
        await page.WaitForSelectorAsync("#detail:not([hidden]) .sources .source");
        Assert.Equal("المصادر", await page.TextContentAsync("#detail h3"));
        Assert.True((await page.Locator("#detail").BoundingBoxAsync())!.X < await SidebarX(page), "in Arabic the detail panel is on the left");
        await page.ClickAsync(".sources .source .read-article");
        await page.WaitForSelectorAsync("#article-view .article-text mark.hl-evidence");
        await session.Screenshot("event-article-ar");
        await session.AssertClean();
    }

    [Fact]
    public async Task MovementViewDrawsIslamicStateTrackArrowsAndRegionsFromTheSeedArticle()
    {
        await using var session = await Open();
        var page = session.Page;
        var report = await server.GetJson("/api/movement?actor=Islamic%20State");
        var moves = report.GetProperty("moves").EnumerateArray().ToList();
        Assert.Contains(moves, m => m.GetProperty("article_id").GetString() == "seed-sirte");
        bool Has(JsonElement m, string end) => m.GetProperty(end).ValueKind == JsonValueKind.Object;
        int withOrigin = moves.Count(m => Has(m, "origin") && Has(m, "destination"));
        int withoutOrigin = moves.Count(m => !Has(m, "origin") && Has(m, "destination"));
        int departures = moves.Count(m => Has(m, "origin") && !Has(m, "destination"));
        Assert.True(withOrigin > 0 && withoutOrigin > 0 && departures > 0, $"{withOrigin} journeys, {withoutOrigin} arrivals, {departures} departures");

        await page.ClickAsync("#tab-movement");
        await page.FillAsync("#m-actor", "ISIS");
        await page.ClickAsync("#m-show");
        await page.WaitForSelectorAsync("#movement-result[data-moves]", new() { Timeout = Timeout });

        Assert.Equal("Islamic State", await page.GetAttributeAsync("#movement-result", "data-actor"));
        Assert.Equal(withOrigin, await page.Locator(".mv-arrowhead").CountAsync());
        Assert.Equal(withOrigin, await page.Locator("path.mv-move").CountAsync());
        Assert.Equal(withoutOrigin, await page.Locator(".mv-dest").CountAsync());
        Assert.Equal(departures, await page.Locator(".mv-departure").CountAsync());
        Assert.True(await page.Locator(".mv-track").CountAsync() > 1, "no track markers");
        Assert.Equal(1, await page.Locator("path.mv-trackline").CountAsync());
        Assert.Equal(0, await page.Locator(".ev-marker, .ev-cluster").CountAsync());
        // Line styles follow the certainty: reported moves are dashed.
        foreach (var path in await page.Locator("path.mv-move.mv-reported").AllAsync())
            Assert.False(string.IsNullOrEmpty(await path.GetAttributeAsync("stroke-dasharray")));
        foreach (var path in await page.Locator("path.mv-move.mv-confirmed").AllAsync())
            Assert.True(string.IsNullOrEmpty(await path.GetAttributeAsync("stroke-dasharray")));

        var summary = await page.TextContentAsync(".movement-summary");
        Assert.Contains("Libya", summary, StringComparison.Ordinal);
        Assert.Equal(report.GetProperty("summary").GetString(), summary);
        var libya = page.Locator("table.regions tr[data-region='LY']");
        Assert.Equal(1, await libya.CountAsync());
        Assert.Contains(await libya.GetAttributeAsync("data-trend"), new[] { "rising", "new" });
        Assert.Contains("Libya", await libya.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(moves.Count, await page.Locator(".move-item").CountAsync());
        await session.Screenshot("movement-en");

        await page.ClickAsync("#lang-switch");
        Assert.Contains("ليبيا", await libya.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(report.GetProperty("summaries").GetProperty("ar").GetString(), await page.TextContentAsync(".movement-summary"));
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await session.Screenshot("movement-ar");

        // A move opens its event.
        await page.ClickAsync(".move-item");
        await page.WaitForSelectorAsync("#detail:not([hidden]) .sources .source", new() { Timeout = Timeout });
        Assert.Equal(1, await page.Locator(".detail-type.t-x_movement").CountAsync());
        await session.AssertClean();
    }

    [Fact]
    public async Task MarkupInAnArticlesTitleAndTextIsShownAsTextAndNeverRuns()
    {
        const string Img = "<img src=x onerror=window.__xss=1>";
        const string Script = "<script>window.__xss=2</script>";
        var title = $"{Img} انفجار {Script}";
        var text = $"تظاهر مئات المحتجين في مدينة الكوت يوم الاثنين {Img} احتجاجا على انقطاع الكهرباء، وأطلقت الشرطة الغاز المسيل للدموع لتفريقهم. {Script} <b>ok</b> <iframe src=\"javascript:window.__xss=3\"></iframe>";
        var result = await server.PostArticle(new { id = "xss-1", title, text, published = "2021-07-06", lang = "ar", source = "<svg onload=window.__xss=4>" });
        Assert.True(result.GetProperty("events").GetInt32() > 0, "the article yields no event: " + result);
        var article = await server.GetJson("/api/articles/xss-1");
        var eventId = article.GetProperty("events")[0].GetProperty("merged_id").GetInt64();

        await using var session = await Open(hash: $"#event={eventId}");
        var page = session.Page;
        var source = "#detail .sources .source[data-article-id='xss-1']";
        await page.WaitForSelectorAsync(source, new() { Timeout = Timeout });
        Assert.Equal(title, await page.TextContentAsync(source + " .source-title"));
        await page.ClickAsync(source + " .read-article");
        await page.WaitForSelectorAsync("#article-view .article-text", new() { Timeout = Timeout });
        Assert.Equal(title, await page.TextContentAsync("#article-view .article-title"));
        Assert.Equal(article.GetProperty("text").GetString(), await page.TextContentAsync("#article-view .article-text"));

        // The list and the map popup show it too (its own words as search).
        await page.FillAsync("#f-q", "الكوت الكهرباء");
        await page.PressAsync("#f-q", "Enter");
        await page.WaitForSelectorAsync($".event-item[data-id='{eventId}']", new() { Timeout = Timeout });
        await session.Screenshot("xss-article");

        Assert.Equal(0, await page.Locator("img, iframe, svg[onload], b, [onerror], [onload]").CountAsync());
        Assert.Equal(0, await page.Locator("#detail script, #event-list script").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__xss"));
        await session.AssertClean();
    }

    [Fact]
    public async Task EventsThatLandWhileThePageIsOpenAreOfferedAndShownOnRequest()
    {
        await using var session = await Open();
        var page = session.Page;
        var before = await server.CountEvents("");
        await session.WaitForResults(before, "");
        Assert.True(await page.Locator("#new-events").IsHiddenAsync());

        var result = await server.PostArticle(new
        {
            id = "landed-1",
            title = "اشتباكات في الزاوية",
            text = "اندلعت اشتباكات عنيفة بين مجموعتين مسلحتين في مدينة الزاوية غرب طرابلس مساء الأحد، وقالت مصادر طبية إن ثلاثة أشخاص قتلوا.",
            published = "2022-03-14",
        });
        Assert.True(result.GetProperty("events").GetInt32() > 0, "the article yields no event: " + result);
        var after = await server.CountEvents("");
        Assert.True(after > before);

        // The page polls /api/status every 30 s; the test asks at once. The map and list stay until asked.
        await page.EvaluateAsync("() => marsad.checkStatus()");
        Assert.True(await page.Locator("#new-events").IsVisibleAsync(), "no new-events button");
        Assert.Contains((after - before).ToString(CultureInfo.InvariantCulture), await page.TextContentAsync("#new-events"), StringComparison.Ordinal);
        Assert.Equal(before.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#status", "data-total"));
        await page.ClickAsync("#new-events");
        await session.WaitForResults(after, "");
        Assert.True(await page.Locator("#new-events").IsHiddenAsync());
        await session.AssertClean();
    }

    [Fact]
    public void AMissingChromiumIsAFailureThatSaysWhatToInstall()
    {
        var e = Assert.Throws<InvalidOperationException>(() => BrowserLauncher.FindChromium("/nonexistent/chromium"));
        Assert.Contains("/nonexistent/chromium", e.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y chromium", e.Message, StringComparison.Ordinal);
    }

    private static async Task<float> SidebarX(IPage page) => (await page.Locator(".sidebar").BoundingBoxAsync())!.X;

    private static async Task<float> MapX(IPage page) => (await page.Locator("#map").BoundingBoxAsync())!.X;

    /// <summary>A fresh browser context (own storage) on the dashboard, English unless told otherwise, ready when the first view is drawn.</summary>
    private async Task<Session> Open(string? language = "en", string hash = "")
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Locale = "en-US",
        });
        if (language is not null)
            await context.AddInitScriptAsync($"if (!localStorage.getItem('marsad.lang')) localStorage.setItem('marsad.lang', '{language}');");
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        var session = new Session(context, page, server);
        await page.GotoAsync(server.Url + "/" + hash);
        await session.WaitReady();
        return session;
    }

    private sealed record ListItem(int Id, string Date, string DateEnd, string Actor1, string Actor2);

    private sealed class Session : IAsyncDisposable
    {
        private readonly IBrowserContext _context;
        private readonly DashboardFixture _server;
        private readonly string _origin;
        private readonly List<string> _problems = [];

        public Session(IBrowserContext context, IPage page, DashboardFixture server)
        {
            _context = context;
            _server = server;
            _origin = server.Url;
            Page = page;
            page.Console += (_, m) =>
            {
                if (m.Type is "error" or "warning")
                    lock (_problems) _problems.Add($"console {m.Type}: {m.Text}");
            };
            page.PageError += (_, e) =>
            {
                lock (_problems) _problems.Add("page error: " + e);
            };
            page.Response += (_, r) =>
            {
                if (r.Status >= 400)
                    lock (_problems) _problems.Add($"HTTP {r.Status}: {r.Url}");
            };
            page.Request += (_, r) =>
            {
                if (!r.Url.StartsWith(_origin + "/", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal))
                    lock (_problems) _problems.Add("request outside the server: " + r.Url);
            };
        }

        public IPage Page { get; }

        // Playwright's WaitForFunction evaluates its predicate with eval, which the dashboard's CSP (rightly) forbids;
        // EvaluateAsync goes through the debugger protocol, so the wait polls with that.
        public async Task WaitUntil(string predicate, object? arg, string what, float timeout = Timeout)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!await Page.EvaluateAsync<bool>(predicate, arg))
            {
                if (clock.ElapsedMilliseconds > timeout)
                    Assert.Fail($"waited {timeout / 1000:F0} s for {what}; status: '{await Page.TextContentAsync("#status")}'");
                await Task.Delay(50);
            }
        }

        public Task WaitReady() =>
            WaitUntil("() => document.body.dataset.ready === '1' && window.marsadTimings.firstView > 0", null, "the first view", 60_000);

        /// <summary>Waits until the status shows <paramref name="expected"/> events and the list holds what the API lists for <paramref name="filterQuery"/>.</summary>
        public async Task WaitForResults(long expected, string filterQuery)
        {
            await WaitUntil("n => document.querySelector('#status').dataset.total === String(n)", expected, $"{expected} events in the status line");
            var page = await _server.GetJson("/api/events?limit=50" + (filterQuery.Length > 0 ? "&" + filterQuery : ""));
            var ids = string.Join(",", page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
            await WaitUntil("ids => document.querySelector('#event-list').dataset.ids === ids", ids, $"the list of {filterQuery} ({ids})");
        }

        public async Task<List<ListItem>> ListItems()
        {
            var rows = await Page.Locator(".event-item").EvaluateAllAsync<string[][]>(
                "items => items.map(i => [i.dataset.id, i.dataset.date, i.dataset.dateEnd, i.dataset.actor1, i.dataset.actor2])");
            return rows.Select(r => new ListItem(int.Parse(r[0], CultureInfo.InvariantCulture), r[1], r[2], r[3], r[4])).ToList();
        }

        public async Task Screenshot(string name) =>
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardFixture.ScreenshotDir, name + ".png") });

        public Task AssertClean()
        {
            lock (_problems)
                Assert.True(_problems.Count == 0, string.Join("\n", _problems));
            return Task.CompletedTask;
        }

        public async ValueTask DisposeAsync() => await _context.CloseAsync();
    }
}

/// <summary>
/// The browser tests run after the others, not beside them: on a 2-core machine a browser, the server and
/// the pipeline tests in parallel starve each other until waits time out.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "browser";
}
