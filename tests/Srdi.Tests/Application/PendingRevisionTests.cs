using System.Text;
using System.Text.Json;
using Srdi.Tests.Catalog;
using Xunit;
using static Srdi.Tests.Cli.CliRun;

namespace Srdi.Tests.Application;

/// <summary>Reading rule 23 through every front end a user meets: a copy of the catalog where
/// 南山 4 (一次性100万元奖励) waits on a revision of another policy. The CLI, the JSON, the batch
/// summary and 名单 say so beside the measure, and its 100万 is a ceiling until the revision
/// date the catalog records.</summary>
public sealed class PendingRevisionTests : IDisposable
{
    private const string Basis = "由区有关部门完成政策修订后开始实施";
    private readonly CatalogCopy _copy = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("srdi-pending-").FullName;

    private string Catalog => _copy.Root;

    public void Dispose()
    {
        _copy.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void AwaitRevision(string revisedOn)
    {
        const string Id = "  - id: sz-nanshan-2024.4\n";
        _copy.Edit(Path.Combine("documents", "sz-nanshan-2024", "policy.yaml"), Id,
            Id + $"    awaits_revision:\n      policy: 南山区促进产业高质量发展专项资金其他专项扶持措施\n      revised_on: {revisedOn}\n      basis: {Basis}\n");
    }

    private static string Example => Path.Combine(RealCatalog.RepositoryRoot, "examples", "nanshan-little-giant.json");

    private static JsonElement Reward(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("measures").EnumerateArray()
            .Single(m => m.GetProperty("measure_id").GetString() == "sz-nanshan-2024.4").Clone();
    }

    [Fact]
    public void WhilePending_TheSumIsACeilingWithTheCaveat_InTheJsonAndTheCli()
    {
        AwaitRevision("null");
        var (exit, output, error) = Run("evaluate", Example, "--at", "2025-06-01", "--json", "--catalog", Catalog);
        Assert.True(exit == 0, error);
        var reward = Reward(output);
        Assert.Equal("eligible", reward.GetProperty("status").GetString());
        Assert.Equal(0m, reward.GetProperty("benefit").GetProperty("exact").GetDecimal());
        Assert.Equal(1_000_000m, reward.GetProperty("benefit").GetProperty("up_to").GetDecimal());
        var pending = reward.GetProperty("pending_revision");
        Assert.Equal("南山区促进产业高质量发展专项资金其他专项扶持措施", pending.GetProperty("policy").GetString());
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("revised_on").ValueKind);
        Assert.Contains("以修订后的政策为准", pending.GetProperty("note").GetString(), StringComparison.Ordinal);

        (exit, output, _) = Run("evaluate", Example, "--at", "2025-06-01", "--catalog", Catalog);
        Assert.Equal(0, exit);
        Assert.Contains("待相关政策修订后实施", output, StringComparison.Ordinal);
        Assert.Contains("注意：第4条", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTheRevisionDate_TheClauseReadsAsWritten()
    {
        AwaitRevision("2025-01-01");
        var (exit, output, error) = Run("evaluate", Example, "--at", "2025-06-01", "--json", "--catalog", Catalog);
        Assert.True(exit == 0, error);
        var reward = Reward(output);
        Assert.Equal(1_000_000m, reward.GetProperty("benefit").GetProperty("exact").GetDecimal());
        Assert.False(reward.TryGetProperty("pending_revision", out _));
    }

    [Fact]
    public void TheBatchSummaryAndTheListsCarryTheCaveat()
    {
        AwaitRevision("null");
        var roster = Path.Combine(_folder, "roster.csv");
        File.WriteAllText(roster, "企业标识,企业名称,省份,城市,区县,专精特新“小巨人”企业认定日期\nN1,南山甲,广东省,深圳市,南山区,2024-07-15\n", new UTF8Encoding(false));
        var output = Path.Combine(_folder, "out");
        var (exit, _, error) = Run("batch", roster, "--at", "2025-06-01", "--out", output, "--quiet", "--catalog", Catalog);
        Assert.True(exit == 0, error);
        var summary = File.ReadAllText(Path.Combine(output, "summary.md"));
        Assert.Contains("以修订后的政策为准", summary, StringComparison.Ordinal);
        var lists = Path.Combine(output, "名单.xlsx");
        Assert.True(File.Exists(lists));
        var index = MiniExcelLibs.MiniExcel.Query(lists, useHeaderRow: true, sheetName: "目录").Cast<IDictionary<string, object?>>()
            .Single(r => (string?)r["措施"] == "sz-nanshan-2024.4");
        Assert.Contains("以修订后的政策为准", (string?)index["注意"], StringComparison.Ordinal);
    }
}
