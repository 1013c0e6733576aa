using System.Text.Json;
using Xunit;
using static Srdi.Tests.Cli.CliRun;

namespace Srdi.Tests.Cli;

/// <summary>The acceptance scenarios of the rules-engine issue, run through the command line.</summary>
public sealed class EvaluateCommandTests
{
    private static JsonElement Measure(JsonDocument json, string id) =>
        json.RootElement.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("measure_id").GetString() == id);

    [Fact]
    public void NanshanLittleGiantRentingItsOffice_GetsTheRewardAndTheFiveYearRentSchedule()
    {
        var (exit, output, error) = Run("evaluate", Example("nanshan-little-giant.json"), "--at", "2025-06-01", "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var reward = Measure(json, "sz-nanshan-2024.4");
        Assert.Equal("eligible", reward.GetProperty("status").GetString());
        Assert.Equal("exact", reward.GetProperty("benefit").GetProperty("kind").GetString());
        Assert.Equal(1_000_000m, reward.GetProperty("benefit").GetProperty("exact").GetDecimal());
        Assert.Equal("4", reward.GetProperty("clause").GetString());
        Assert.False(reward.GetProperty("draft").GetBoolean());

        var rent = Measure(json, "sz-nanshan-2024.20");
        Assert.Equal("schedule", rent.GetProperty("benefit").GetProperty("kind").GetString());
        var years = rent.GetProperty("benefit").GetProperty("schedule").GetProperty("years").EnumerateArray().Select(y => y.GetDecimal()).ToArray();
        // Rent 1200万: 30% = 360万 capped at 300万 for three years; 15% = 180万 capped at 150万 for two.
        Assert.Equal([3_000_000m, 3_000_000m, 3_000_000m, 1_500_000m, 1_500_000m], years);
        Assert.True(rent.GetProperty("benefit").GetProperty("capped").GetBoolean());
    }

    [Fact]
    public void SameProfileAfterTheDocumentLapses_ShowsThemNotInForce()
    {
        var (exit, output, _) = Run("evaluate", Example("nanshan-little-giant.json"), "--at", "2027-04-08", "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        foreach (var id in new[] { "sz-nanshan-2024.4", "sz-nanshan-2024.20" })
        {
            Assert.Equal("not-in-force", Measure(json, id).GetProperty("status").GetString());
            Assert.Equal("eligible", Measure(json, id).GetProperty("would_be").GetString());
        }
        Assert.Equal(0m, json.RootElement.GetProperty("totals").GetProperty("in_force").GetProperty("exact").GetDecimal());
    }

    [Fact]
    public void XiamenProfile_GetsNothingFromNanshan()
    {
        var (exit, output, _) = Run("evaluate", Example("xiamen-little-giant.json"), "--at", "2025-06-01", "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        // 南山's document does not concern an enterprise of 厦门: none of its measures is listed (docs/evaluation-json.md).
        Assert.DoesNotContain(json.RootElement.GetProperty("measures").EnumerateArray(),
            m => m.GetProperty("document_id").GetString() == "sz-nanshan-2024");
        Assert.Contains(json.RootElement.GetProperty("measures").EnumerateArray(),
            m => m.GetProperty("document_id").GetString() == "xiamen-2024" && m.GetProperty("status").GetString() == "eligible");
    }

    [Fact]
    public void TypoInAFieldName_IsRefusedWithItsPath()
    {
        var profile = TempProfile("""{ "id": "x", "facts": { "office_rent_anual": "500万" } }""");
        var (exit, output, error) = Run("evaluate", profile, "--at", "2025-06-01");
        Assert.Equal(2, exit);
        Assert.Contains("$.facts.office_rent_anual", error, StringComparison.Ordinal);
        Assert.Contains("是否指 \"office_rent_annual\"", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public void HumanOutput_ShowsTheComputationTheClauseAndTheTotals()
    {
        var (exit, output, _) = Run("evaluate", Example("nanshan-little-giant.json"), "--at", "2025-06-01");
        Assert.Equal(0, exit);
        Assert.Contains("南山区促进专精特新企业发展专项扶持措施", output, StringComparison.Ordinal);
        Assert.Contains("3,000,000 + 3,000,000 + 3,000,000 + 1,500,000 + 1,500,000 = 12,000,000", output, StringComparison.Ordinal);
        Assert.Contains("依据：4.加大奖励扶持力度", output, StringComparison.Ordinal);
        Assert.Contains("确定金额：100万元", output, StringComparison.Ordinal);
        Assert.Contains("待补充信息", output, StringComparison.Ordinal);
        Assert.Contains("征求意见稿，不计入合计", output, StringComparison.Ordinal);
    }

    [Fact]
    public void IncludeDrafts_AddsDraftMoneyToTheCountedTotals()
    {
        var plain = JsonDocument.Parse(Run("evaluate", Example("guangzhou-manufacturer.json"), "--at", "2025-06-01", "--json").Out);
        var drafts = JsonDocument.Parse(Run("evaluate", Example("guangzhou-manufacturer.json"), "--at", "2025-06-01", "--json", "--include-drafts").Out);
        var draftMoney = plain.RootElement.GetProperty("totals").GetProperty("drafts");
        Assert.True(draftMoney.GetProperty("exact").GetDecimal() + draftMoney.GetProperty("up_to").GetDecimal() > 0);
        Assert.Equal(0m, plain.RootElement.GetProperty("totals").GetProperty("counted").GetProperty("up_to").GetDecimal());
        Assert.Equal(draftMoney.GetProperty("up_to").GetDecimal(), drafts.RootElement.GetProperty("totals").GetProperty("counted").GetProperty("up_to").GetDecimal());
    }

    [Theory]
    [InlineData("evaluate", "no-such-file.json")]
    [InlineData("evaluate", "examples/nanshan-little-giant.json", "--at", "2025-13-01")]
    [InlineData("policies", "show", "sz-nanshan-2024.99")]
    [InlineData("policies", "list", "--status", "old")]
    [InlineData("check", "--document", "beijing")]
    [InlineData("frobnicate")]
    public void BadInput_ExitsTwoWithOneMessage(params string[] args)
    {
        var (exit, _, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nanshan-little-giant.json")]
    [InlineData("guangzhou-manufacturer.json")]
    [InlineData("xiamen-little-giant.json")]
    public void ThePrintedReport_NamesNoFactKeyAndNoMeasureId(string example)
    {
        var (exit, output, _) = Run("evaluate", Example(example), "--at", "2025-06-01");
        Assert.Equal(0, exit);
        var vocabulary = Catalog.RealCatalog.Navigator.Catalog.Vocabulary;
        // Keys are snake_case words; labels are Chinese. A key shows as itself between non-letters.
        foreach (var key in vocabulary.Facts.Keys.Where(k => k.Contains('_', StringComparison.Ordinal)))
            Assert.DoesNotContain(key, output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"影响 [^\n]*[a-z]+-[a-z0-9-]+\.\d", output);
    }
}
