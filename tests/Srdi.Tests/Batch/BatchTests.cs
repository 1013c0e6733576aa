using System.Globalization;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Srdi.Application.Batch;
using Srdi.Application.Rosters;
using Srdi.Engine.Evaluation;
using Srdi.Tests.Catalog;
using Srdi.Tools.Rosters;
using Xunit;

namespace Srdi.Tests.Batch;

/// <summary>Rosters with good and bad rows in each format, outputs checked against single
/// evaluations, budgets, diff and the generator.</summary>
public sealed class BatchTests : IDisposable
{
    private static readonly DateOnly At = new(2025, 6, 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("srdi-batch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Header = "企业标识,企业名称,省份,城市,区县,专精特新“小巨人”企业认定日期,sector,office_rent_annual,tech_upgrade_equipment_investment@2024";

    private static readonly string[] MixedRows =
    [
        "N1,南山甲,广东省,深圳市,南山区,2024-07-15,工业,500万,",          // row 2: good
        "N2,南山乙,广东省,深圳市,南山区,2024-07-15,工业,五百万,",           // row 3: wrong type
        "N3,南山丙,广东省,深圳市,南三区,2024-07-15,工业,100万,",            // row 4: unknown district
        "N1,重复,广东省,深圳市,南山区,2024-07-15,工业,100万,",              // row 5: duplicated id
        "",                                                              // row 6: empty line
        "X1,厦门丁,福建省,厦门市,思明区,2025-07-10,工业,,280万",             // row 7: good
        "N4," + new string('长', 5_000_000) + ",广东省,深圳市,南山区,,工业,,", // row 8: a 5 MB cell
    ];

    private string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    private readonly Dictionary<BatchReport, string> _outputs = new(ReferenceEqualityComparer.Instance);

    private async Task<BatchReport> Run(string roster, string output = "out", bool excel = false)
    {
        using var source = RosterSource.Open(roster);
        var folder = Path.Combine(_folder, output);
        var report = await new BatchService(RealCatalog.Navigator).RunAsync(source, new FolderBatchOutput(folder), new BatchOptions(At, Lists: excel, MachineOutputs: MachineOutputs.All), null, CancellationToken.None);
        _outputs[report] = folder;
        return report;
    }

    /// <summary>The folder a report's files were written to.</summary>
    private string Out(BatchReport report) => _outputs[report];

    private List<string[]> Rejected(BatchReport report) =>
        File.ReadLines(Path.Combine(Out(report), FolderBatchOutput.RejectedCsv)).Skip(1)
            .Select(l => l.Split(',', 3)).ToList();

    [Fact]
    public async Task MixedCsv_RejectsEachBadRowWithRowFieldAndReason_AndEvaluatesTheRest()
    {
        var report = await Run(Write("mixed.csv", Header + "\n" + string.Join("\n", MixedRows) + "\n"));
        Assert.Equal(2, report.Statistics.Evaluated);
        Assert.Equal(4, report.Statistics.Rejected);
        Assert.Equal(1, report.EmptyRows);
        var rejected = Rejected(report);
        Assert.Contains(rejected, r => r[0] == "3" && r[1] == "office_rent_annual" || r[0] == "3" && r[2].Contains("应为金额", StringComparison.Ordinal));
        Assert.Contains(rejected, r => r[0] == "4" && r[1] == "区县" && r[2].Contains("南三区", StringComparison.Ordinal));
        Assert.Contains(rejected, r => r[0] == "5" && r[1] == "企业标识" && r[2].Contains("首次出现在第 2 行", StringComparison.Ordinal));
        Assert.Contains(rejected, r => r[0] == "8" && r[2].Contains("单元格过长", StringComparison.Ordinal));
        Assert.True(new FileInfo(Path.Combine(Out(report), FolderBatchOutput.RejectedCsv)).Length < 10_000, "a 5 MB cell must not be copied into the report");
    }

    [Fact]
    public async Task BatchOutputs_AgreeWithSingleEvaluations()
    {
        var report = await Run(Write("mixed.csv", Header + "\n" + string.Join("\n", MixedRows.Take(1).Concat(MixedRows.Skip(5).Take(1))) + "\n"));
        var lines = File.ReadAllLines(Path.Combine(Out(report), FolderBatchOutput.EntitlementsJsonl));
        Assert.Equal(2, lines.Length);
        var profiles = new[]
        {
            """{"id":"N1","name":"南山甲","area":{"province":"广东省","city":"深圳市","district":"南山区"},"certificates":[{"kind":"little-giant","issued_on":"2024-07-15"}],"facts":{"sector":"工业","office_rent_annual":"500万"}}""",
            """{"id":"X1","name":"厦门丁","area":{"province":"福建省","city":"厦门市","district":"思明区"},"certificates":[{"kind":"little-giant","issued_on":"2025-07-10"}],"facts":{"sector":"工业","tech_upgrade_equipment_investment":{"2024":"280万"}}}""",
        };
        for (var i = 0; i < 2; i++)
        {
            var single = RealCatalog.Navigator.Evaluate(RealCatalog.Navigator.Profiles.ReadText(profiles[i]), At);
            AssertSame(single, lines[i]);
        }
    }

    private static void AssertSame(EvaluationReport single, string batchLine)
    {
        using var json = JsonDocument.Parse(batchLine);
        var batch = json.RootElement.GetProperty("entitlements").EnumerateArray()
            .ToDictionary(e => e.GetProperty("measure_id").GetString()!);
        var concerned = single.Measures.Where(m => m.Status != MeasureStatus.Ineligible).ToList();
        Assert.Equal(concerned.Select(m => m.Measure.Id).Order(), batch.Keys.Order());
        foreach (var m in concerned)
        {
            var e = batch[m.Measure.Id];
            Assert.Equal(Srdi.Application.Evaluation.Words.Status(m.Status), e.GetProperty("status").GetString());
            Assert.Equal(Srdi.Application.Evaluation.Words.Kind(m.Kind), e.GetProperty("kind").GetString());
            // The enterprise's own money (reading rule 25), to the fen; what others are paid comes apart.
            if (m.Status != MeasureStatus.Eligible || m.ExcludedBy is not null) continue;
            Assert.Equal(Fen.Round(m.Counted.Exact), e.TryGetProperty("exact", out var x) ? x.GetDecimal() : 0);
            Assert.Equal(Fen.Round(m.Counted.UpTo), e.TryGetProperty("up_to", out var u) ? u.GetDecimal() : 0);
            Assert.Equal(Fen.Round(m.Counted.Scheduled), e.TryGetProperty("scheduled", out var s) ? s.GetDecimal() : 0);
            var others = e.TryGetProperty("paid_to_others", out var o) ? o : default;
            decimal Others(string name) => others.ValueKind == JsonValueKind.Object && others.TryGetProperty(name, out var v) ? v.GetDecimal() : 0;
            Assert.Equal(Fen.Round(m.Exact), Fen.Round(m.Counted.Exact) + Others("exact"));
            Assert.Equal(Fen.Round(m.ScheduleTotal), Fen.Round(m.Counted.Scheduled) + Others("scheduled"));
        }
        // Totals are sums of amounts rounded to the fen: within a fen per measure of the exact ones.
        var totals = json.RootElement.GetProperty("totals").GetProperty("in_force");
        var slack = single.Measures.Count * 0.005m;
        Assert.InRange(totals.GetProperty("exact").GetDecimal() - single.InForce.Exact, -slack, slack);
        Assert.InRange(totals.GetProperty("up_to").GetDecimal() - single.InForce.UpTo, -slack, slack);
        Assert.InRange(totals.GetProperty("scheduled").GetDecimal() - single.InForce.Scheduled, -slack, slack);
    }

    [Fact]
    public async Task GeneratedRoster_FastPathAgreesWithTheExplainedPathForEveryEnterprise()
    {
        var roster = Path.Combine(_folder, "gen.jsonl");
        new RosterGenerator(RealCatalog.Navigator.Catalog, new GeneratorOptions(1500, 11, At, [])).Write(roster, new RosterLayout(RealCatalog.Navigator.Compiled));
        var report = await Run(roster);
        Assert.Equal(1500, report.Statistics.Evaluated);
        var profiles = File.ReadAllLines(roster);
        var outputs = File.ReadAllLines(Path.Combine(Out(report), FolderBatchOutput.EntitlementsJsonl));
        for (var i = 0; i < profiles.Length; i++)
            AssertSame(RealCatalog.Navigator.Evaluate(RealCatalog.Navigator.Profiles.ReadText(profiles[i]), At), outputs[i]);
    }

    [Fact]
    public void TheSummary_IsTheSame_HoweverTheWorkersShareTheRoster()
    {
        // Reasons with equal counts come from each worker's own tally; their order must not depend
        // on which worker finished first, or two runs of one roster write different summaries.
        var roster = Path.Combine(_folder, "gen.csv");
        new RosterGenerator(RealCatalog.Navigator.Catalog, new GeneratorOptions(3000, 13, At, [])).Write(roster, new RosterLayout(RealCatalog.Navigator.Compiled));
        string Summary(int workers, int chunk)
        {
            using var source = RosterSource.Open(roster);
            var folder = Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"summary-{workers}-{chunk}"));
            new BatchService(RealCatalog.Navigator).RunAsync(source, new FolderBatchOutput(folder), new BatchOptions(At, Lists: false, Workers: workers, ChunkSize: chunk), null, CancellationToken.None)
                .GetAwaiter().GetResult();
            return string.Join("\n", File.ReadAllLines(Path.Combine(folder, SummaryWriter.Markdown)).Where(l => !l.Contains("用时", StringComparison.Ordinal)));
        }
        var single = Summary(1, 2048);
        Assert.Equal(single, Summary(2, 16));
        Assert.Equal(single, Summary(3, 7));
    }

    [Fact]
    public async Task JsonlAndExcelRosters_RejectAndEvaluateLikeCsv()
    {
        var jsonl = Write("mixed.jsonl", string.Join("\n",
            """{"id":"N1","area":{"province":"广东省","city":"深圳市","district":"南山区"},"certificates":[{"kind":"little-giant","issued_on":"2024-07-15"}],"facts":{"office_rent_annual":"500万"}}""",
            """{"id":"N2","facts":{"office_rent_annual":"五百万"}}""",
            "",
            """{"id":"N1","facts":{}}""",
            """{"id":"N3","area":{"province":"广东省","city":"深圳市","district":"南三区"}}""",
            "{ not json"));
        var j = await Run(jsonl, "jsonl");
        Assert.Equal(1, j.Statistics.Evaluated);
        Assert.Equal(4, j.Statistics.Rejected);
        Assert.Equal(1, j.EmptyRows);
        var rejected = Rejected(j);
        Assert.Contains(rejected, r => r[0] == "2" && r[1] == "$.facts.office_rent_annual");
        Assert.Contains(rejected, r => r[0] == "4" && r[2].Contains("重复的企业标识", StringComparison.Ordinal));
        Assert.Contains(rejected, r => r[0] == "5" && r[1] == "$.area.district");
        Assert.Contains(rejected, r => r[0] == "6" && r[2].Contains("不是有效的 JSON", StringComparison.Ordinal));

        var xlsx = Path.Combine(_folder, "mixed.xlsx");
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["企业标识"] = "N1", ["省份"] = "广东省", ["城市"] = "深圳市", ["区县"] = "南山区", ["专精特新“小巨人”企业认定日期"] = new DateTime(2024, 7, 15), ["office_rent_annual"] = 5_000_000 },
            new() { ["企业标识"] = "N2", ["省份"] = "广东省", ["城市"] = "深圳市", ["区县"] = "南山区", ["专精特新“小巨人”企业认定日期"] = "2024-13-40", ["office_rent_annual"] = 1 },
            new() { ["企业标识"] = "N1", ["省份"] = "广东省", ["城市"] = "深圳市", ["区县"] = "南山区", ["专精特新“小巨人”企业认定日期"] = null, ["office_rent_annual"] = 1 },
        };
        MiniExcel.SaveAs(xlsx, rows);
        var x = await Run(xlsx, "xlsx", excel: true);
        Assert.Equal(1, x.Statistics.Evaluated);
        Assert.Equal(2, x.Statistics.Rejected);
        Assert.Contains(Rejected(x), r => r[0] == "3" && r[1] == "专精特新“小巨人”企业认定日期");
        Assert.True(File.Exists(Path.Combine(Out(x), BeneficiaryWorkbook.FileName)));
        var sheets = MiniExcel.GetSheetNames(Path.Combine(Out(x), BeneficiaryWorkbook.FileName));
        Assert.Equal("目录", sheets[0]);
        Assert.Contains("sz-nanshan-2024.20", sheets);
    }

    [Fact]
    public async Task GbkCsvFromExcel_IsDetected_AndReadsTheSameAsUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Header + "\n" + MixedRows[0] + "\n" + MixedRows[5] + "\n";
        var gbk = await Run(Write("gbk.csv", text, Encoding.GetEncoding("GB18030")), "gbk");
        var utf8 = await Run(Write("utf8.csv", text), "utf8");
        Assert.Contains(gbk.Notices, n => n.Contains("GBK", StringComparison.Ordinal));
        Assert.Equal(2, gbk.Statistics.Evaluated);
        Assert.Equal(File.ReadAllText(Path.Combine(Out(utf8), FolderBatchOutput.EntitlementsJsonl)),
            File.ReadAllText(Path.Combine(Out(gbk), FolderBatchOutput.EntitlementsJsonl)));
    }

    [Fact]
    public async Task UndecodableCsv_IsRefusedWholeWithAClearMessage()
    {
        var path = Path.Combine(_folder, "bad.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("企业标识\n"), 0x81, 0x20, 0xFF, 0xFE, 0x0A]);
        var error = await Assert.ThrowsAsync<RosterFormatException>(() => Run(path));
        Assert.Contains("编码无法识别", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownHeader_IsRefusedWholeNamingTheColumn()
    {
        var error = await Assert.ThrowsAsync<RosterFormatException>(() => Run(Write("h.csv", "企业标识,房租\nA,1\n")));
        Assert.Contains("第 2 列的表头 \"房租\" 无法识别", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(300, true)]
    public async Task SmallUpgradeBudget_IsSetAgainstTheRostersDemand(int enterprises, bool exceeded)
    {
        // Each enterprise's 小技改 project of 500万, completed inside the plan, asks up to 15% = 75万 of the 2亿 yearly budget.
        var csv = new StringBuilder("企业标识,省份,城市,区县,small_tech_upgrade_projects\n");
        for (var i = 0; i < enterprises; i++) csv.Append(CultureInfo.InvariantCulture, $"G{i},广东省,广州市,黄埔区,\"[{{\"\"new_equipment_purchase\"\":5000000,\"\"completed_on\"\":\"\"2025-03-01\"\"}}]\"\n");
        var report = await Run(Write("budget.csv", csv.ToString()));
        var budget = report.Budgets.Single(b => b.Name == "small_tech_upgrade_budget");
        Assert.Equal(200_000_000m, budget.Budget);
        Assert.Equal(enterprises * 750_000m, budget.Demand);
        if (exceeded) Assert.Equal(200_000_000m / 225_000_000m, budget.ProRata);
        else Assert.Equal(1m, budget.ProRata);
        var summary = File.ReadAllText(Path.Combine(Out(report), SummaryWriter.Markdown));
        Assert.Contains("市对各区“小技改”项目支持资金", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budgets_AreThoseOfTheDocumentsWhoseAreaHoldsAnEnterpriseOfTheRoster()
    {
        // 广州's budgets concern a roster with an enterprise in 广州, not one of 南山 enterprises only.
        var report = await Run(Write("nanshan.csv", "企业标识,省份,城市,区县\nN1,广东省,深圳市,南山区\nN2,广东省,深圳市,南山区\n"));
        Assert.DoesNotContain(report.Budgets, b => b.DocumentId == "guangzhou-2025");
        var both = await Run(Write("both.csv", "企业标识,省份,城市,区县\nN1,广东省,深圳市,南山区\nG1,广东省,广州市,黄埔区\n"), "both");
        Assert.Contains(both.Budgets, b => b.DocumentId == "guangzhou-2025" && b.Name == "small_tech_upgrade_budget");
    }

    [Fact]
    public async Task WorkProgrammeBudget_IsNeverWeighedAgainstTheRewards()
    {
        // 广州 六's 2000万 is 培育工作经费 (reading rule 24): the 100万 and 300万 rewards of the
        // clause are not paid from it, so however many little giants the roster holds it pro-rates nothing.
        var csv = new StringBuilder("企业标识,省份,城市,区县\n");
        for (var i = 0; i < 30; i++) csv.Append(CultureInfo.InvariantCulture, $"G{i},广东省,广州市,黄埔区\n");
        var report = await Run(Write("work.csv", csv.ToString()));
        var budget = report.Budgets.Single(b => b.Name == "cultivation_budget");
        Assert.Null(budget.Part);
        Assert.Null(budget.Demand);
        Assert.Null(budget.ProRata);
        var summary = File.ReadAllText(Path.Combine(Out(report), SummaryWriter.Markdown));
        Assert.Contains("工作经费，不用于本条奖励", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_ShowsWhoGainedAndLostOnAChangedRoster()
    {
        var before = await Run(Write("a.csv", Header + "\n" + MixedRows[0] + "\n" + MixedRows[5] + "\n"), "a");
        // N1 loses its little-giant certificate; a new enterprise N9 arrives.
        var after = await Run(Write("b.csv", Header + "\nN1,南山甲,广东省,深圳市,南山区,,工业,500万,\n" + MixedRows[5] + "\nN9,南山新,广东省,深圳市,南山区,2024-07-15,工业,,\n"), "b");
        var diff = BatchDiff.Compare(Out(before), Out(after));
        Assert.Equal(2, diff.Compared);
        Assert.Equal(1, diff.OnlyNew);
        Assert.Contains(diff.Changes, c => c.Id == "N1" && c.MeasureId == "sz-nanshan-2024.4" && c.Change == "失去");
        Assert.Contains(diff.Changes, c => c.Id == "N9" && c.MeasureId == "sz-nanshan-2024.4" && c.Change == "新增企业");
        Assert.DoesNotContain(diff.Changes, c => c.Id == "X1");
        var reward = diff.Measures.Single(m => m.MeasureId == "sz-nanshan-2024.4");
        Assert.Equal(0m, reward.ExactDelta); // one lost 100万, one gained 100万
        Assert.Equal(1, reward.Gained);
        Assert.Equal(1, reward.Lost);
    }

    [Fact]
    public void Generator_IsDeterministic_AndFollowsTheTierMix()
    {
        var layout = new RosterLayout(RealCatalog.Navigator.Compiled);
        var a = Path.Combine(_folder, "a.csv");
        var b = Path.Combine(_folder, "b.csv");
        new RosterGenerator(RealCatalog.Navigator.Catalog, new GeneratorOptions(43_000, 5, At, [])).Write(a, layout);
        new RosterGenerator(RealCatalog.Navigator.Catalog, new GeneratorOptions(43_000, 5, At, [])).Write(b, layout);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        var rows = File.ReadLines(a).Skip(1).Select(l => l.Split(',')).ToList();
        var headers = File.ReadLines(a).First().Split(',');
        var srdi = Array.IndexOf(headers, "专精特新中小企业认定日期");
        var giant = Array.IndexOf(headers, "专精特新“小巨人”企业认定日期");
        var giants = rows.Count(r => r[giant].Length > 0);
        var srdiOnly = rows.Count(r => r[srdi].Length > 0) - giants;
        // 34 : 8 : 1 of 43,000 is 34,000 : 8,000 : 1,000; allow sampling noise.
        Assert.InRange(giants, 850, 1150);
        Assert.InRange(srdiOnly, 7600, 8400);
    }

    [Fact]
    public async Task EnterprisesWithNothing_AreListedWithTheNearestMeasureAndWhy()
    {
        var report = await Run(Write("nothing.csv", "企业标识,省份,城市,区县,创新型中小企业认定日期,专精特新中小企业认定日期,专精特新中小企业认定级别\n" +
            "H1,浙江省,杭州市,滨江区,2024-05-01,,\n" +               // no document covers 杭州
            "S1,广东省,深圳市,南山区,2024-05-01,2024-06-01,市级\n" +  // gets 深圳 (一), an amount set by another document
            "G1,广东省,深圳市,南山区,,,\n"));                         // no certificate, no facts
        Assert.Equal(2, report.Statistics.WithNothing);
        var lines = File.ReadAllLines(Path.Combine(Out(report), FolderBatchOutput.NothingCsv)).Skip(1).ToList();
        Assert.Contains(lines, l => l.StartsWith("2,H1,", StringComparison.Ordinal) && l.EndsWith("注册地不在目录文件的适用范围内，或不符合任何涉及资金措施的适用对象", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("3,S1,", StringComparison.Ordinal));
        // Nearest is a measure open to any SME of 深圳 that awaits facts, and the line says which.
        Assert.Contains(lines, l => l.StartsWith("4,G1,", StringComparison.Ordinal) && l.Contains("shenzhen-draft.9", StringComparison.Ordinal) && l.Contains("缺少：", StringComparison.Ordinal));
        var summary = File.ReadAllText(Path.Combine(Out(report), SummaryWriter.Markdown));
        Assert.Contains("## 未获资金支持原因", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummaryAndLists_ShowTheDocumentsOfTheRostersAreas_AndCountTheRest()
    {
        // Only 南京 enterprises: the other four documents (93 measures) concern nobody on the roster,
        // as a national catalog's documents of other cities concern nobody on a city's roster.
        var report = await Run(Write("nanjing.csv", "企业标识,省份,城市,区县,专精特新中小企业认定日期\nJ1,江苏省,南京市,玄武区,2024-05-01\nJ2,江苏省,南京市,鼓楼区,\n"), excel: true);
        var summary = File.ReadAllText(Path.Combine(Out(report), SummaryWriter.Markdown));
        Assert.Contains("| nanjing.1 |", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("sz-nanshan-2024.", summary, StringComparison.Ordinal);
        Assert.Contains("适用地区内无本名单企业的文件（未逐条列出） | 4 个文件，93 项措施", summary, StringComparison.Ordinal);
        var index = MiniExcel.Query(Path.Combine(Out(report), BeneficiaryWorkbook.FileName), useHeaderRow: true, sheetName: "目录")
            .Cast<IDictionary<string, object?>>().Select(r => (string)r["措施"]!).ToList();
        Assert.Equal(15, index.Count);
        Assert.All(index, id => Assert.StartsWith("nanjing.", id, StringComparison.Ordinal));

        // An enterprise whose province is not given may be under any document: every one is listed.
        var open = await Run(Write("open.csv", "企业标识,省份,城市,区县\nU1,,,\n"), "open");
        var all = File.ReadAllText(Path.Combine(Out(open), SummaryWriter.Markdown));
        Assert.Contains("| sz-nanshan-2024.1 |", all, StringComparison.Ordinal);
        Assert.DoesNotContain("未逐条列出", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_HeadersBindBack()
    {
        var columns = new RosterLayout(RealCatalog.Navigator.Compiled).Template(2025);
        var bound = new RosterLayout(RealCatalog.Navigator.Compiled).Bind(columns.Select(c => c.Header).ToList());
        Assert.Equal(columns.Select(c => c.Key), bound.Select(c => c.Key));
        Assert.Contains(columns, c => c.Header == "在南山区租赁自用办公用房（不含南山区政策性产业用房）的年租金（实际支付）");
        Assert.Contains(columns, c => c.Key == "rd_expense@2024" && c.Header == "研发费用总额（2024年）");
    }
}
