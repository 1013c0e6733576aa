using System.Globalization;
using Microsoft.Playwright;
using Srdi.Storage.Accounts;
using Xunit;

namespace Srdi.Web.BrowserTests;

/// <summary>The platform as a person uses it in Chromium: sign in with a printed demo account,
/// create an enterprise, read its 政策体检报告 with the right amounts, open a measure, look at
/// the history, the comparison and the administration pages. Each step leaves a screenshot
/// (TestResults/screenshots/platform-*.png).</summary>
[Collection(BrowserGroup.Name)]
public sealed class PlatformTests(BrowserFixture fixture)
{
    private const string Rent = "sz-nanshan-2024.20";

    private async Task<IPage> SignInAsync(string role, int width = 1280, int height = 900)
    {
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync("/account/login");
        var account = fixture.DemoOf(role);
        await page.FillAsync("input[name=UserName]", account.UserName);
        await page.FillAsync("input[name=Password]", account.Password);
        await page.ClickAsync("form.stack button[type=submit]");
        await page.WaitForURLAsync("**/enterprises");
        return page;
    }

    private static Task ScreenshotAsync(IPage page, string name) => BrowserFixture.ScreenshotAsync(page, "platform-" + name);

    [Fact]
    public async Task AnOfficerSignsInCreatesAnEnterpriseReadsTheReportAndOpensAMeasure()
    {
        var page = await SignInAsync(Roles.Officer);
        Assert.Contains("服务专员", await page.Locator("header.site").InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "1-enterprises");

        await page.ClickAsync("a:has-text('新建企业档案')");
        await page.WaitForURLAsync("**/enterprises/new");
        var id = "91440300BROWSER" + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        // The guided form: the basics first …
        await page.FillAsync("#profile-form input[name='profile[name]']", "深圳市南山某浏览器测试科技有限公司");
        await page.FillAsync("#profile-form input[name='profile[id]']", id);
        await page.FillAsync("#profile-form input[name='profile[province]']", "广东省");
        await page.FillAsync("#profile-form input[name='profile[city]']", "深圳市");
        await page.FillAsync("#profile-form input[name='profile[district]']", "南山区");
        await page.FillAsync("#profile-form input[name='profile[since]']", "2016-05-20");
        await page.SelectOptionAsync("#profile-form select[name='profile[c0-kind]']", "little-giant");
        await page.SelectOptionAsync("#profile-form select[name='profile[c0-level]']", "national");
        await page.FillAsync("#profile-form input[name='profile[c0-issued_on]']", "2024-07-15");
        await ScreenshotAsync(page, "2-new-enterprise-basics");
        await page.ClickAsync("#profile-form button:has-text('下一步')");
        // … then only what the 南山 measures ask, in Chinese with units.
        var rentField = page.Locator("#profile-form input[name='profile[f-office_rent_annual]']");
        await Assertions.Expect(rentField).ToBeVisibleAsync();
        Assert.DoesNotContain("office_rent_annual", await page.Locator("#profile-form").InnerTextAsync(), StringComparison.Ordinal);
        await rentField.FillAsync("1200万");
        await ScreenshotAsync(page, "2-new-enterprise-facts");
        await page.ClickAsync("#profile-form button:has-text('保存为第 1 版')");
        await page.WaitForURLAsync("**/enterprises/" + id);

        await page.FillAsync("input[name=At]", "2025-06-01");
        await page.ClickAsync("button:has-text('重新评估')");
        await page.WaitForURLAsync("**/enterprises/" + id + "?**");
        var rent = page.Locator($"li.result[data-measure='{Rent}']");
        await Assertions.Expect(rent).ToBeVisibleAsync();
        var amount = await rent.Locator(".amount").InnerTextAsync();
        Assert.Contains("300万", amount, StringComparison.Ordinal);
        Assert.Contains("150万", amount, StringComparison.Ordinal);
        Assert.Contains("符合", await rent.Locator(".status").InnerTextAsync(), StringComparison.Ordinal);
        // The yearly schedule is drawn as a chart (by the vendored Chart.js, under the CSP) and said in the table.
        Assert.True(await page.EvaluateAsync<bool>("() => !!Chart.getChart(document.querySelector('canvas[data-schedule]'))"));
        Assert.Contains("300万", await page.Locator(".schedule-table").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#schedule").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "platform-3-schedule-chart.png") });
        await ScreenshotAsync(page, "3-report");

        await rent.Locator("a.title").ClickAsync();
        await page.WaitForURLAsync("**/policies/" + Rent);
        Assert.Contains("租金", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "4-measure");

        // The report as a PDF, downloaded as a person does, holds the same figures as the page.
        await page.GoBackAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('下载 PDF')"));
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(BrowserFixture.Screenshots, "platform-report.pdf");
        await download.SaveAsAsync(path);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(path);
        var text = new string(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)).ToArray());
        Assert.Contains("深圳市南山某浏览器测试科技有限公司", text, StringComparison.Ordinal);
        Assert.Contains(new string(amount.Where(c => !char.IsWhiteSpace(c)).ToArray()), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEnterpriseUserSeesOnlyTheirOwnEnterpriseItsHistoryAndTheComparison()
    {
        var page = await SignInAsync(Roles.Enterprise, 390, 844);
        var rows = page.Locator("#enterprises tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        await rows.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync("**/enterprises/91440300MA5NSLG001");
        await ScreenshotAsync(page, "5-own-report-phone");

        await page.ClickAsync("a:has-text('历史版本')");
        await page.WaitForURLAsync("**/history");
        Assert.True(await page.Locator("#versions tbody tr").CountAsync() >= 1);
        await ScreenshotAsync(page, "6-history-phone");

        await page.GotoAsync("/enterprises/91440300MA5NSLG001/compare?at=2025-06-01");
        var areas = page.Locator("#areas tbody tr");
        Assert.True(await areas.CountAsync() >= 2);
        var areasText = await page.Locator("#areas").InnerTextAsync();
        Assert.Contains("现注册地", areasText, StringComparison.Ordinal);
        // Documents by their titles; at phone width each figure says what it is.
        Assert.Contains("南山区促进专精特新企业发展专项扶持措施", areasText, StringComparison.Ordinal);
        Assert.DoesNotContain("sz-nanshan-2024", areasText, StringComparison.Ordinal);
        await ScreenshotAsync(page, "7-compare-phone");

        var other = await page.GotoAsync("/enterprises/91320100MA1NJSC004");
        Assert.Equal(404, other!.Status);
    }

    [Fact]
    public async Task AnAdministratorManagesUsersAndAssignments()
    {
        var page = await SignInAsync(Roles.Admin);
        await page.GotoAsync("/admin/users");
        Assert.Contains("officer", await page.Locator("#users").InnerTextAsync(), StringComparison.Ordinal);
        var login = "browser-" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        await page.FillAsync("#new-user input[name=NewUserName]", login);
        await page.FillAsync("#new-user input[name=NewDisplayName]", "福田区服务专员");
        await page.SelectOptionAsync("#new-user select[name=NewRole]", Roles.Officer);
        await page.FillAsync("#new-user input[name=NewPassword]", "browser-pass-2025");
        await page.ClickAsync("#new-user button[type=submit]");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已创建服务专员");
        Assert.Contains(login, await page.Locator("#users").InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "8-admin-users");
    }
}
