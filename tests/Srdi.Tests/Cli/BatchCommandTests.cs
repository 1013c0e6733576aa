using System.Globalization;
using Xunit;
using static Srdi.Tests.Cli.CliRun;

namespace Srdi.Tests.Cli;

public sealed class BatchCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("srdi-cli-batch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TemplateBatchAndDiff_WorkFromTheCommandLine_OverAGeneratedRoster()
    {
        var (exit, output, _) = Run("roster", "template", "--out", _folder, "--at", "2025-06-01");
        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(_folder, "名单模板.csv")));
        Assert.True(File.Exists(Path.Combine(_folder, "名单模板.xlsx")));
        Assert.Contains("列的模板", output, StringComparison.Ordinal);

        var roster = Path.Combine(_folder, "roster.csv");
        // The synthetic roster comes from the tool, no longer from srdi itself.
        Assert.Equal(0, Srdi.Tools.Rosters.GeneratorCommandLine.Run(
            ["--count", "300", "--seed", "9", "--at", "2025-06-01", "--city", "深圳", "--catalog", Srdi.Tests.Catalog.RealCatalog.Root, "--out", roster],
            TextWriter.Null, TextWriter.Null));
        var first = Path.Combine(_folder, "first");
        (exit, output, _) = Run("batch", roster, "--at", "2025-06-01", "--out", first, "--quiet", "--with", "all");
        Assert.Equal(0, exit);
        Assert.Contains("评估 300 家企业，拒绝 0 行", output, StringComparison.Ordinal);
        foreach (var file in new[] { "entitlements.jsonl", "entitlements.csv", "nothing.csv", "rejected.csv", "summary.md", "summary.xlsx", "名单.xlsx" })
            Assert.True(File.Exists(Path.Combine(first, file)), file);

        var second = Path.Combine(_folder, "second");
        Assert.Equal(0, Run("batch", roster, "--at", "2027-06-01", "--out", second, "--quiet", "--no-excel", "--with", "entitlements.jsonl").Exit);
        var changes = Path.Combine(_folder, "changes.csv");
        (exit, output, _) = Run("batch", "diff", first, second, "--out", changes);
        Assert.Equal(0, exit);
        // 南山's document lapses on 2027-04-07: its little giants lose the one-off reward.
        Assert.Contains("sz-nanshan-2024.4", output, StringComparison.Ordinal);
        Assert.Contains("失去", File.ReadAllText(changes), StringComparison.Ordinal);
    }

    [Fact]
    public void StaffFillTheExcelTemplate_RunTheBatch_AndReviewOneMeasuresList()
    {
        Assert.Equal(0, Run("roster", "template", "--out", _folder, "--at", "2025-06-01").Exit);
        var template = Path.Combine(_folder, "名单模板.xlsx");
        var headers = MiniExcelLibs.MiniExcel.Query(template, useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .FirstOrDefault()?.Keys.ToList() ?? MiniExcelLibs.MiniExcel.GetColumns(template, useHeaderRow: true).ToList();
        Assert.Contains("企业标识", headers);
        // What a staff member types into the template's Chinese columns.
        var filled = headers.ToDictionary(h => h, h => (object?)null);
        filled["企业标识"] = "91440300TEMPLATE01";
        filled["企业名称"] = "深圳市南山模板填写测试有限公司";
        filled["省份"] = "广东省";
        filled["城市"] = "深圳市";
        filled["区县"] = "南山区";
        filled["专精特新“小巨人”企业认定日期"] = new DateTime(2024, 7, 15);
        filled["在南山区租赁自用办公用房（不含南山区政策性产业用房）的年租金（实际支付）"] = "600万";
        var roster = Path.Combine(_folder, "填好的名单.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(roster, new[] { filled });

        var output = Path.Combine(_folder, "结果");
        var (exit, _, error) = Run("batch", roster, "--at", "2025-06-01", "--out", output, "--quiet");
        Assert.True(exit == 0, error);
        var workbook = Path.Combine(output, "名单.xlsx");
        var list = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "sz-nanshan-2024.4").Cast<IDictionary<string, object?>>().ToList();
        var entry = Assert.Single(list);
        Assert.Equal("深圳市南山模板填写测试有限公司", entry["企业名称"]);
        Assert.Equal(1_000_000m, Convert.ToDecimal(entry["确定金额（元）"], CultureInfo.InvariantCulture));
        var index = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "目录").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(index, row => (string?)row["措施"] == "sz-nanshan-2024.4" && ((string?)row["条款原文"] ?? "").StartsWith("4.加大奖励扶持力度", StringComparison.Ordinal));
    }

    [Fact]
    public void RejectedRows_GiveExitCodeThree()
    {
        var roster = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(roster, "企业标识,省份\nA,广东省\nB,广东\n");
        var (exit, output, _) = Run("batch", roster, "--at", "2025-06-01", "--out", Path.Combine(_folder, "out"), "--quiet", "--no-excel");
        Assert.Equal(3, exit);
        Assert.Contains("有 1 行被拒绝", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ByDefault_TheListsAndTheSummary_WithAddsTheMachineOutputs_AndDiffSaysWhatItNeeds()
    {
        var roster = Path.Combine(_folder, "two.csv");
        File.WriteAllText(roster, "企业标识,企业名称,省份,城市,区县,专精特新“小巨人”企业认定日期\nN1,南山甲,广东省,深圳市,南山区,2024-07-15\nX1,北京乙,北京市,北京市,市辖区,\n");
        var plain = Path.Combine(_folder, "plain");
        var (exit, _, error) = Run("batch", roster, "--at", "2025-06-01", "--out", plain, "--quiet");
        Assert.True(exit == 0, error);
        Assert.Equal(["manifest.json", "rejected.csv", "summary.md", "summary.xlsx", "名单.xlsx"], Directory.GetFiles(plain).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var some = Path.Combine(_folder, "some");
        Assert.Equal(0, Run("batch", roster, "--at", "2025-06-01", "--out", some, "--quiet", "--no-excel", "--with", "entitlements.jsonl, nothing.csv").Exit);
        Assert.Equal(["entitlements.jsonl", "manifest.json", "nothing.csv", "rejected.csv", "summary.md", "summary.xlsx"], Directory.GetFiles(some).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        (exit, _, error) = Run("batch", "diff", some, plain);
        Assert.Equal(2, exit);
        Assert.Contains("没有写出 entitlements.jsonl", error, StringComparison.Ordinal);
        Assert.Contains("--with entitlements.jsonl", error, StringComparison.Ordinal);

        (exit, _, error) = Run("batch", roster, "--at", "2025-06-01", "--out", Path.Combine(_folder, "bad"), "--quiet", "--with", "everything");
        Assert.Equal(2, exit);
        Assert.Contains("--with 不认识“everything”", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "bad")));
    }

    [Fact]
    public void UnreadableRoster_ExitsTwoWithOneMessage()
    {
        var roster = Path.Combine(_folder, "h.csv");
        File.WriteAllText(roster, "名字\nA\n");
        var (exit, _, error) = Run("batch", roster, "--at", "2025-06-01", "--out", Path.Combine(_folder, "out"), "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains("表头 \"名字\" 无法识别", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }
}
