using Xunit;
using Microsoft.Playwright;

namespace Srdi.Web.BrowserTests;

/// <summary>The first pages in Chromium: the policy library, a measure, the 政策体检 report at
/// desktop and phone width, and a refused profile. Each test leaves a screenshot.</summary>
[Collection(BrowserGroup.Name)]
public sealed class PageTests(BrowserFixture fixture)
{
    private const string LittleGiantReward = "sz-nanshan-2024.4";

    private async Task<IPage> OpenAsync(string path, int width = 1280, int height = 900)
    {
        var page = await fixture.NewPageAsync(width, height);
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Ok, path + "：" + response.StatusText);
        return page;
    }

    private static Task ScreenshotAsync(IPage page, string name) => BrowserFixture.ScreenshotAsync(page, name);

    /// <summary>Through the guided form: the example's basics as loaded, then its facts, then the report.</summary>
    private static async Task<IPage> SubmitExampleAsync(IPage page)
    {
        await page.FillAsync("#check-basics input[name=At]", "2025-06-01");
        await page.ClickAsync("#check-basics button:has-text('下一步')");
        await page.WaitForSelectorAsync("#check-facts");
        await page.ClickAsync("#check-facts button:has-text('生成体检报告')");
        // The report streams in: read it once the whole page has loaded, not when its top shows.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return page;
    }

    /// <summary>The advanced way: a profile pasted as JSON.</summary>
    private static async Task<IPage> SubmitJsonAsync(IPage page, string profileJson)
    {
        await page.ClickAsync("details.advanced summary");
        await page.FillAsync("details.advanced input[name=At]", "2025-06-01");
        await page.FillAsync("textarea[name=Profile]", profileJson);
        await page.ClickAsync("button:has-text('按档案生成体检报告')");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return page;
    }

    [Fact]
    public async Task LibrarySearchesRentAndOpensTheNanshanRentMeasure()
    {
        var page = await OpenAsync("/policies");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await page.FillAsync("input[name=q]", "租金");
        await page.ClickAsync("button:has-text('筛选')");
        await page.WaitForURLAsync("**/policies?**");
        var link = page.Locator("a[href='/policies/sz-nanshan-2024.20']");
        await Assertions.Expect(link).ToBeVisibleAsync();
        Assert.Contains("降低产业用房租金成本", await link.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("现行有效", await page.Locator("ul.measures").InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "policies-search-rent");

        await link.ClickAsync();
        await page.WaitForURLAsync("**/policies/sz-nanshan-2024.20");
        Assert.Contains("降低产业用房租金成本", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeasureShowsItsClauseBesideItsRuleAndItsTests()
    {
        var page = await OpenAsync("/policies/sz-nanshan-2024.20");
        var clause = await page.Locator("blockquote.verbatim").InnerTextAsync();
        Assert.Contains("租金", clause, StringComparison.Ordinal);
        Assert.Contains("执行规则", await page.Locator("section.rule h2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("ul.test-list li").CountAsync() > 0, "no rules test is listed");
        Assert.Contains("评估日", await page.Locator("ul.test-list").InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "measure-sz-nanshan-2024.20");
    }

    [Fact]
    public async Task CheckReportShowsTheLittleGiantRewardAndTheRentSchedule()
    {
        var page = await SubmitExampleAsync(await OpenAsync("/check?example=nanshan-little-giant.json"));
        var report = page.Locator("#report");
        await Assertions.Expect(report).ToBeVisibleAsync();
        Assert.Contains("100万元", await page.Locator($"li[data-measure='{LittleGiantReward}'] .amount").InnerTextAsync(), StringComparison.Ordinal);
        var text = await report.InnerTextAsync();
        Assert.Contains("分5年共 1200万元", text, StringComparison.Ordinal);
        Assert.Contains("最高可达（上限，不是承诺）", text, StringComparison.Ordinal);
        Assert.Contains("梯度评估", text, StringComparison.Ordinal);
        await page.Locator($"li[data-measure='{LittleGiantReward}'] summary").ClickAsync();
        Assert.Contains("✓", await page.Locator($"li[data-measure='{LittleGiantReward}'] ul.conditions").InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "check-report-desktop");
    }

    [Fact]
    public async Task CheckReportFitsAPhoneWithoutAHorizontalScrollbar()
    {
        var page = await SubmitExampleAsync(await OpenAsync("/check?example=nanshan-little-giant.json", 390, 844));
        await Assertions.Expect(page.Locator("#report")).ToBeVisibleAsync();
        foreach (var summary in await page.Locator("details summary").AllAsync()) await summary.ClickAsync();
        var fits = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
        await ScreenshotAsync(page, "check-report-phone");
        await page.EvaluateAsync("() => document.querySelector('#report').scrollIntoView()");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "check-report-phone-screen.png") });
        Assert.True(fits, "the report is wider than a 390 px phone");

        // Reading rule 23: a clause waiting on another policy's revision says so beside its status.
        var waiting = page.Locator("li.result:has(p.caveat)").First;
        await waiting.ScrollIntoViewIfNeededAsync();
        Assert.Contains("以修订后的政策为准", await waiting.Locator("p.caveat").InnerTextAsync(), StringComparison.Ordinal);
        await waiting.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "check-report-pending-revision-phone.png") });
    }

    [Fact]
    public async Task RefusedProfileShowsTheFormAgainWithTheFieldPath()
    {
        var bad = """{ "id": "x1", "area": { "province": "广东省", "city": "深圳市", "district": "南山区" }, "facts": { "office_rent_annual": "很多" } }""";
        var page = await SubmitJsonAsync(await OpenAsync("/check"), bad);
        var error = await page.Locator(".error").InnerTextAsync();
        Assert.Contains("企业档案无效", error, StringComparison.Ordinal);
        Assert.Contains("office_rent_annual", error, StringComparison.Ordinal);
        Assert.Equal(bad, await page.InputValueAsync("textarea[name=Profile]"));
        Assert.Equal(0, await page.Locator("#report").CountAsync());
        await ScreenshotAsync(page, "check-refused-profile");
    }

    [Fact]
    public async Task GuidedFormAtPhoneWidthAsksTheAreasFactsInChineseAndItsFollowUpReEvaluates()
    {
        var page = await OpenAsync("/check", 390, 844);
        await page.FillAsync("#check-basics input[name='profile[name]']", "深圳市南山某测试科技有限公司");
        await page.FillAsync("#check-basics input[name='profile[id]']", "91440300MA5TEST001");
        await page.FillAsync("#check-basics input[name='profile[province]']", "广东省");
        await page.FillAsync("#check-basics input[name='profile[city]']", "深圳市");
        await page.FillAsync("#check-basics input[name='profile[district]']", "南山区");
        await page.FillAsync("#check-basics input[name=At]", "2025-06-01");
        // The example's certificates come pre-filled (专精特新 and 小巨人); the last row is empty.
        Assert.Equal("little-giant", await page.InputValueAsync("#check-basics select[name='profile[c1-kind]']"));
        Assert.Equal("", await page.InputValueAsync("#check-basics select[name='profile[c2-kind]']"));
        await ScreenshotAsync(page, "check-form-basics-phone");
        await page.ClickAsync("#check-basics button:has-text('下一步')");

        var facts = page.Locator("#check-facts");
        await Assertions.Expect(facts).ToBeVisibleAsync();
        var text = await facts.InnerTextAsync();
        Assert.Contains("租赁自用办公用房", text, StringComparison.Ordinal);
        Assert.Contains("万元", text, StringComparison.Ordinal);
        Assert.DoesNotContain("office_rent_annual", text, StringComparison.Ordinal);
        await page.FillAsync("#check-facts input[name='profile[f-office_rent_annual]']", "1200万");
        var fits = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
        await ScreenshotAsync(page, "check-form-facts-phone");
        Assert.True(fits, "the guided form is wider than a 390 px phone");
        await page.ClickAsync("#check-facts button:has-text('生成体检报告')");
        // The report streams in: read it once the whole page has loaded, not when its top shows.
        await page.WaitForLoadStateAsync(LoadState.Load);

        await Assertions.Expect(page.Locator("#report")).ToBeVisibleAsync();
        Assert.Contains("分5年共 1200万元", await page.Locator("#report").InnerTextAsync(), StringComparison.Ordinal);
        var followUp = page.Locator("#follow-up form");
        await Assertions.Expect(followUp).ToBeVisibleAsync();
        Assert.DoesNotContain("_", await followUp.InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "check-form-follow-up-phone");
        await page.ClickAsync("#follow-up button:has-text('补充后重新体检')");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Assertions.Expect(page.Locator("#report")).ToBeVisibleAsync();
    }
}
