using System.Text;
using Srdi.Application.Batch;
using Srdi.Application.Profiles;
using Srdi.Application.Rosters;
using Srdi.Application.Tiers;
using Srdi.Tests.Catalog;
using Xunit;

namespace Srdi.Tests.Robustness;

/// <summary>The values of issue 9, one by one: each is a rejected row or a refusal in Chinese,
/// never a crash.</summary>
public sealed class InputEdgeTests
{
    private static readonly DateOnly At = new(2025, 6, 1);

    private static async Task<(BatchReport Report, MemoryBatchOutput Output)> Run(string text, string name = "名单.csv")
    {
        var output = new MemoryBatchOutput();
        using var source = RosterSource.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), name);
        var report = await new BatchService(RealCatalog.Navigator).RunAsync(source, output, new BatchOptions(At, Lists: false), null, CancellationToken.None);
        return (report, output);
    }

    [Fact]
    public async Task BadCells_AreRejectedRows_AndTheRunGoesOn()
    {
        var (report, output) = await Run(
            "企业标识,企业名称,little-giant.issued_on,office_rent_annual\n" +
            "A1,深圳\"星\"科技,,\n" +
            "A2,某某,,99999999999999999999999999万\n" +
            "A3,某某,9997-01-01,\n" +
            "A4,某某,,1000000000000001\n" +
            "A5,某某,,0.001\n" +
            "a1,重复,,\n" +
            "A6,好,2024-07-15,500万\n");
        Assert.Equal(2, report.Statistics.Evaluated);
        Assert.Equal(5, report.Statistics.Rejected);
        Assert.Contains(output.Rejected, p => p.Row == 3 && p.Problem.Contains("应为金额", StringComparison.Ordinal));
        Assert.Contains(output.Rejected, p => p.Row == 4 && p.Problem.Contains("2200-12-31", StringComparison.Ordinal));
        Assert.Contains(output.Rejected, p => p.Row == 5 && p.Problem.Contains("上限", StringComparison.Ordinal));
        Assert.Contains(output.Rejected, p => p.Row == 6 && p.Problem.Contains("两位小数", StringComparison.Ordinal));
        Assert.Contains(output.Rejected, p => p.Row == 7 && p.Problem.Contains("首次出现在第 2 行", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BrokenQuoting_RefusesTheFileAtItsRow()
    {
        var error = await Assert.ThrowsAsync<RosterFormatException>(() => Run("企业标识,企业名称\nA1,好\nA2,\"深圳\"星\"科技\"\nA3,好\n"));
        Assert.Contains("第 3 行", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOversizedCellOrLine_IsRejectedByItsLength()
    {
        var (report, output) = await Run("企业标识,企业名称\nA1," + new string('名', 200_000) + "\nA2,好\n");
        Assert.Equal(1, report.Statistics.Rejected);
        Assert.Contains(output.Rejected, p => p.Row == 2 && p.Problem.Contains("200,000", StringComparison.Ordinal));

        var (jsonl, rejected) = await Run("{\"id\":\"A1\",\"name\":\"" + new string('x', 2_000_000) + "\"}\n{\"id\":\"A2\"}\r\n{\"id\":\"a2\"}", "名单.jsonl");
        Assert.Equal(1, jsonl.Statistics.Evaluated);
        Assert.Equal(2, jsonl.Statistics.Rejected);
        Assert.Contains(rejected.Rejected, p => p.Row == 1 && p.Problem.Contains("过长", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ \"id\": \"x\", \"id\": \"y\" }", "$.id")]
    [InlineData("{ \"id\": \"x\", \"facts\": { \"office_rent_annual\": 1, \"office_rent_annual\": 2 } }", "$.facts.office_rent_annual")]
    [InlineData("{ \"id\": \"x\", \"area\": { \"city\": \"深圳市\", \"city\": \"广州市\" } }", "$.area.city")]
    public void DuplicateKeys_AreAnErrorNamingTheirPath(string json, string path)
    {
        var error = Assert.Throws<ProfileException>(() => RealCatalog.Navigator.Profiles.ReadText(json));
        Assert.Equal(path, error.Path);
        Assert.Contains("重复", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ATooLargeProfile_IsRefusedBeforeItIsParsed()
    {
        var error = Assert.Throws<ProfileException>(() => RealCatalog.Navigator.Profiles.ReadText("{\"id\":\"x\",\"name\":\"" + new string('x', 2 << 20) + "\"}"));
        Assert.Contains("1 MiB", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AssessingAtTheEndOfTheCalendar_DoesNotOverflow()
    {
        var profile = RealCatalog.Navigator.Profiles.ReadText("{ \"id\": \"x\", \"area\": { \"province\": \"广东省\", \"city\": \"深圳市\", \"district\": \"南山区\" } }");
        new AssessmentService(RealCatalog.Navigator).Assess(profile, DateOnly.MaxValue);
        Assert.Equal(DateOnly.MaxValue, RealCatalog.Navigator.Catalog.Vocabulary.Certificates.Values.First().ExpiryFor(new DateOnly(9998, 1, 1)));
        Assert.False(Srdi.Application.Text.IsoDate.TryParse("9999-12-31", out _));
    }
}
