using System.Net;
using System.Text.Json;
using MiniExcelLibs;
using Srdi.Engine.Formatting;
using UglyToad.PdfPig;
using Xunit;

namespace Srdi.Web.Tests;

/// <summary>The 政策体检报告 downloaded from the platform, PDF and Excel, from the API and from the
/// enterprise's page: the files hold the figures the evaluation of the same record gives.</summary>
public abstract class ReportDownloadTests(SrdiWebFactory factory)
{
    private const string Nanshan = "91440300MA5NSLG001";
    private const string At = "2025-06-01";

    private static readonly string[] TotalKeys = ["exact", "up_to", "scheduled"];

    private static string Squeeze(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>The figures a person must find in the report: the counted totals and the amount
    /// text of each measure the enterprise is eligible for, with its title.</summary>
    private static async Task<(List<string> Figures, List<string> Titles)> ExpectedAsync(HttpClient client)
    {
        var evaluation = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/enterprises/{Nanshan}/evaluation?at={At}", UriKind.Relative))).RootElement;
        var counted = evaluation.GetProperty("totals").GetProperty("counted");
        var figures = TotalKeys.Select(k => counted.GetProperty(k).GetDecimal()).Where(v => v > 0).Select(Amounts.Chinese).ToList();
        var titles = evaluation.GetProperty("measures").EnumerateArray()
            .Where(m => m.GetProperty("status").GetString() == "eligible" && m.GetProperty("beneficiary").GetString() == "enterprise")
            .Select(m => m.GetProperty("title").GetString()!).ToList();
        Assert.NotEmpty(figures);
        Assert.NotEmpty(titles);
        return (figures, titles);
    }

    [Fact]
    public async Task Api_Pdf_HoldsTheTotalsAndTheEligibleMeasuresOfTheEvaluation()
    {
        using var client = factory.AdminClient();
        var (figures, titles) = await ExpectedAsync(client);
        var response = await client.GetAsync(new Uri($"/api/v1/enterprises/{Nanshan}/report?format=pdf&at={At}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Squeeze("深圳市南山某精密传感科技有限公司"), text, StringComparison.Ordinal);
        Assert.All(figures, f => Assert.Contains(Squeeze(f), text, StringComparison.Ordinal));
        Assert.All(titles, t => Assert.Contains(Squeeze(t), text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_Excel_HoldsTheSameTotalsAndMeasures()
    {
        using var api = factory.AdminClient();
        var (figures, titles) = await ExpectedAsync(api);
        var browser = await Browsing.SignedInAsync(factory, "test-admin");
        var response = await browser.GetAsync($"/enterprises/{Nanshan}/report.xlsx?at={At}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var cells = new List<string>();
        foreach (var sheet in MiniExcel.GetSheetNames(stream))
        {
            stream.Position = 0;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, sheetName: sheet))
                cells.AddRange(row.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        }
        var all = string.Join("\n", cells);
        Assert.All(figures, f => Assert.Contains(f, all, StringComparison.Ordinal));
        Assert.All(titles, t => Assert.Contains(t, all, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownFormat_IsRefused()
    {
        using var client = factory.AdminClient();
        var problem = await Problem.ReadAsync(await client.GetAsync(new Uri($"/api/v1/enterprises/{Nanshan}/report?format=doc", UriKind.Relative)), 400);
        Assert.Equal("format", problem.GetProperty("field").GetString());
        var browser = await Browsing.SignedInAsync(factory, "test-admin");
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/enterprises/{Nanshan}/report.doc")).StatusCode);
    }
}

public sealed class SqliteReportDownloadTests(SrdiWebFactory factory) : ReportDownloadTests(factory), IClassFixture<SrdiWebFactory>;

public sealed class PostgresReportDownloadTests(PostgresWebFactory factory) : ReportDownloadTests(factory), IClassFixture<PostgresWebFactory>;
