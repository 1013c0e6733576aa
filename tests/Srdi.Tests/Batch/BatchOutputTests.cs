using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Srdi.Application.Batch;
using Srdi.Application.Rosters;
using Srdi.Application.Text;
using Srdi.Tests.Catalog;
using Srdi.Tools.Rosters;
using Xunit;

namespace Srdi.Tests.Batch;

/// <summary>What a batch leaves in --out: whole or absent (lock, manifest, no stale files, a
/// failing disk), cells that cannot run as formulas, only the enterprise's own money, to the fen.</summary>
public sealed class BatchOutputTests : IDisposable
{
    private static readonly DateOnly At = new(2025, 6, 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("srdi-outputs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Path_(string name) => Path.Combine(_folder, name);

    private string Roster(string name, string text)
    {
        var path = Path_(name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private string Generated(int count, int seed = 3)
    {
        var path = Path_(string.Create(CultureInfo.InvariantCulture, $"gen-{count}-{seed}.csv"));
        if (!File.Exists(path))
            new RosterGenerator(RealCatalog.Navigator.Catalog, new GeneratorOptions(count, seed, At, [])).Write(path, new RosterLayout(RealCatalog.Navigator.Compiled));
        return path;
    }

    private static async Task<BatchReport> Run(string roster, string folder, bool lists = false, Func<string, Stream>? openFile = null,
        MachineOutputs machine = MachineOutputs.All)
    {
        using var source = RosterSource.Open(roster);
        return await new BatchService(RealCatalog.Navigator).RunAsync(source, new FolderBatchOutput(folder, openFile), new BatchOptions(At, Lists: lists, MachineOutputs: machine), null, CancellationToken.None);
    }

    private const string Giants = "企业标识,企业名称,省份,城市,区县,专精特新“小巨人”企业认定日期\n";

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+86 755")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tx")]
    [InlineData("\rx")]
    public void CsvField_StartingLikeAFormula_IsQuotedTextWithAnApostrophe(string value)
    {
        var field = CsvText.Field(value);
        Assert.StartsWith("\"'", field, StringComparison.Ordinal);
        Assert.Equal("\"'" + value + "\"", field);
        Assert.Equal("普通名称", CsvText.Field("普通名称"));
        Assert.Equal("\"a,b\"", CsvText.Field("a,b"));
    }

    [Fact]
    public async Task NamesAndIdsLikeFormulas_AreNeutralisedInEveryCsv_AndStayStringsInExcel()
    {
        var roster = Roster("evil.csv", Giants +
            "=HYPERLINK(\"http://x\"),=1+1,广东省,深圳市,南山区,2024-07-15\n" +
            "+1,@SUM(A1),广东省,深圳市,南山区,2024-07-15\n" +
            "-3,-2+3,浙江省,杭州市,滨江区,\n");
        var folder = Path_("out");
        await Run(roster, folder, lists: true);
        foreach (var file in new[] { FolderBatchOutput.EntitlementsCsv, FolderBatchOutput.NothingCsv })
        {
            var text = File.ReadAllText(Path.Combine(folder, file));
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
                foreach (var field in SplitCsv(line))
                    Assert.False(field.Length > 0 && "=+-@\t\r".Contains(field[0], StringComparison.Ordinal), $"{file}: live formula {field} in {line}");
        }
        Assert.Contains("\"'=1+1\"", File.ReadAllText(Path.Combine(folder, FolderBatchOutput.EntitlementsCsv)), StringComparison.Ordinal);
        Assert.Contains("\"'-2+3\"", File.ReadAllText(Path.Combine(folder, FolderBatchOutput.NothingCsv)), StringComparison.Ordinal);
        var diff = Path_("diff.csv");
        var empty = Path_("empty");
        await Run(Roster("none.csv", Giants), empty);
        BatchDiff.WriteCsv(BatchDiff.Compare(empty, folder), diff);
        var diffText = File.ReadAllText(diff);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", diffText, StringComparison.Ordinal);
        Assert.Contains("\"'@SUM(A1)\"", diffText, StringComparison.Ordinal);

        // XLSX: the name is a string cell, never a formula.
        var workbook = Path.Combine(folder, BeneficiaryWorkbook.FileName);
        var rows = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "sz-nanshan-2024.4").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => r["企业名称"] as string == "=1+1");
        Assert.Contains(rows, r => r["企业标识"] as string == "+1");
        using var zip = ZipFile.OpenRead(workbook);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            Assert.DoesNotContain("<x:f>", reader.ReadToEnd().Replace("<f>", "<x:f>", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }

    [Fact]
    public async Task CsvSums_EqualTheSummary_AndMoneyForBuyersIsListedUnderTheBuyer()
    {
        var folder = Path_("sums");
        var report = await Run(Generated(3000), folder, lists: true);
        var lines = File.ReadAllLines(Path.Combine(folder, FolderBatchOutput.EntitlementsCsv));
        var header = SplitCsv(lines[0].TrimStart('\uFEFF'));
        int Col(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new InvalidOperationException(name);
        var rows = lines.Skip(1).Select(SplitCsv).ToList();
        var counted = rows.Where(r => r[Col("计入现行有效合计")] == "是").ToList();
        decimal Sum(IEnumerable<List<string>> rs, string column) => rs.Sum(r => decimal.Parse(r[Col(column)], CultureInfo.InvariantCulture));
        Assert.Equal(report.Statistics.InForce.Exact, Sum(counted, "确定金额"));
        Assert.Equal(report.Statistics.InForce.UpTo, Sum(counted, "最高金额"));
        Assert.Equal(report.Statistics.InForce.Scheduled, Sum(counted, "分年度合计"));
        // The summary workbook says the same.
        var overview = MiniExcel.Query(Path.Combine(folder, SummaryWriter.Workbook), useHeaderRow: true, sheetName: "概览").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(report.Statistics.InForce.UpTo, Convert.ToDecimal(overview.Single(r => (string?)r["项目"] == "现行有效·最高金额（元，上限）")["值"], CultureInfo.InvariantCulture));

        // 南山 12 pays the buyer: its rows hold no money of the little giant's, the buyer's ceiling apart.
        var buyer = rows.Where(r => r[Col("措施")] == "sz-nanshan-2024.12").ToList();
        Assert.NotEmpty(buyer);
        Assert.All(buyer, r =>
        {
            Assert.Equal("0", r[Col("最高金额")]);
            Assert.Equal("采购方", r[Col("其他受益方")]);
            Assert.Equal("10000000", r[Col("其他受益方最高金额")]);
        });
        var sheet = MiniExcel.Query(Path.Combine(folder, BeneficiaryWorkbook.FileName), useHeaderRow: true, sheetName: "sz-nanshan-2024.12").Cast<IDictionary<string, object?>>().ToList();
        Assert.All(sheet, r => Assert.Equal(0m, Convert.ToDecimal(r["最高金额（元）"], CultureInfo.InvariantCulture)));
        Assert.All(sheet, r => Assert.Equal("采购方", r["其他受益方"]));

        // Staff read Chinese; programs read codes.
        Assert.DoesNotContain(rows, r => r[Col("状态")] is "eligible" or "needs-info" or "not-in-force" || r[Col("金额类型")] is "up-to" or "exact" || r[Col("申请方式")] is "apply" or "automatic");
        Assert.Contains(rows, r => r[Col("状态")] == "符合");
        var json = File.ReadLines(Path.Combine(folder, FolderBatchOutput.EntitlementsJsonl)).First(l => l.Contains("\"status\"", StringComparison.Ordinal));
        Assert.Matches("\"status\":\"[a-z-]+\"", json);

        // Every amount of every machine output to the fen.
        foreach (var r in rows)
            foreach (var c in new[] { "确定金额", "最高金额", "分年度合计", "其他受益方确定金额", "其他受益方最高金额", "其他受益方分年度合计" })
                if (r[Col(c)].Length > 0) Assert.Equal(Fen.Round(decimal.Parse(r[Col(c)], CultureInfo.InvariantCulture)), decimal.Parse(r[Col(c)], CultureInfo.InvariantCulture));
        foreach (var line in File.ReadLines(Path.Combine(folder, FolderBatchOutput.EntitlementsJsonl)))
            Assert.DoesNotMatch("\\.[0-9]{3,}", line);
    }

    [Fact]
    public void Rounding_IsHalfAwayFromZero_ToTheFen()
    {
        Assert.Equal(171111.11m, Fen.Round(171111.11111111111111111111112m));
        Assert.Equal(0.13m, Fen.Round(0.125m));
        Assert.Equal(2.35m, Fen.Round(2.345m));
        Assert.Equal(1000000m, Fen.Round(1000000m));
    }

    [Fact]
    public async Task SecondRunOnAHeldFolder_IsRefused_AndRunsOnceTheFolderIsFree()
    {
        var folder = Path_("held");
        var navigator = RealCatalog.Navigator;
        var first = new FolderBatchOutput(folder);
        await first.OpenAsync(new BatchPlan(navigator.Compiled, BatchMeasures.For(navigator.Compiled, navigator.Wording), new BatchOptions(At), "x", navigator.Wording), CancellationToken.None);
        var roster = Roster("one.csv", Giants + "N1,南山甲,广东省,深圳市,南山区,2024-07-15\n");
        var refused = await Assert.ThrowsAsync<BatchOutputException>(() => Run(roster, folder));
        Assert.Contains("正被另一次 srdi batch 使用", refused.Message, StringComparison.Ordinal);
        await first.AbandonAsync();
        var report = await Run(roster, folder);
        Assert.Equal(1, report.Statistics.Evaluated);
        Assert.Equal(1, Directory.GetDirectories(folder).Length + 1 - Directory.GetDirectories(folder, FolderBatchOutput.WorkingPrefix + "*").Length);
        BatchManifest.ReadComplete(folder, hashes: true);
    }

    [Fact]
    public async Task Rerun_RemovesTheEarlierRunsFiles_AndTheManifestListsExactlyWhatIsThere()
    {
        var folder = Path_("rerun");
        var roster = Roster("one.csv", Giants + "N1,南山甲,广东省,深圳市,南山区,2024-07-15\n");
        await Run(roster, folder, lists: true);
        Assert.True(File.Exists(Path.Combine(folder, BeneficiaryWorkbook.FileName)));
        File.WriteAllText(Path.Combine(folder, "我的笔记.txt"), "not the product's");
        await Run(roster, folder, lists: false);
        Assert.False(File.Exists(Path.Combine(folder, BeneficiaryWorkbook.FileName)), "a rerun with --no-excel must not keep the earlier 名单.xlsx");
        Assert.True(File.Exists(Path.Combine(folder, "我的笔记.txt")), "only files the product writes are removed");
        var manifest = BatchManifest.ReadComplete(folder, hashes: true);
        var present = Directory.GetFiles(folder).Select(Path.GetFileName).Where(n => FolderBatchOutput.ProductFiles.Contains(n!)).Order(StringComparer.Ordinal);
        Assert.Equal(manifest.Files.Select(f => f.Name).Append(BatchManifest.FileName).Order(StringComparer.Ordinal), present);
        Assert.Empty(Directory.GetDirectories(folder, FolderBatchOutput.WorkingPrefix + "*"));
    }

    [Fact]
    public async Task ByDefault_ARunWritesWhatStaffRead_AndTheMachineOutputsOnlyWhenAsked()
    {
        var folder = Path_("default");
        var roster = Roster("one.csv", Giants + "N1,南山甲,广东省,深圳市,南山区,2024-07-15\nX1,北京乙,北京市,北京市,市辖区,\n");
        await Run(roster, folder, lists: true, machine: MachineOutputs.All);
        Assert.True(File.Exists(Path.Combine(folder, FolderBatchOutput.EntitlementsJsonl)));

        var report = await Run(roster, folder, lists: true, machine: MachineOutputs.None);
        string[] expected = [BeneficiaryWorkbook.FileName, BatchManifest.FileName, FolderBatchOutput.RejectedCsv, SummaryWriter.Markdown, SummaryWriter.Workbook];
        Assert.Equal(expected.Order(StringComparer.Ordinal), report.Files.Order(StringComparer.Ordinal));
        // The earlier run's machine outputs go: a folder holds one run's files, never a mix.
        Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.GetFiles(folder).Select(Path.GetFileName).Where(n => n != FolderBatchOutput.LockFile).Order(StringComparer.Ordinal));
        var manifest = BatchManifest.ReadComplete(folder, hashes: true);
        Assert.Empty(manifest.MachineOutputs!);
        // The list of the measure the 南山 little giant is entitled to is there, as before.
        var list = MiniExcel.Query(Path.Combine(folder, BeneficiaryWorkbook.FileName), useHeaderRow: true, sheetName: "sz-nanshan-2024.4").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("N1", Assert.Single(list)["企业标识"]);

        var some = Path_("some");
        report = await Run(roster, some, machine: MachineOutputs.EntitlementsJsonl | MachineOutputs.Nothing);
        Assert.Contains(FolderBatchOutput.EntitlementsJsonl, report.Files);
        Assert.Contains(FolderBatchOutput.NothingCsv, report.Files);
        Assert.DoesNotContain(FolderBatchOutput.EntitlementsCsv, report.Files);
        Assert.Equal([FolderBatchOutput.EntitlementsJsonl, FolderBatchOutput.NothingCsv], BatchManifest.ReadComplete(some).MachineOutputs!);
        Assert.Contains("X1,北京乙", File.ReadAllText(Path.Combine(some, FolderBatchOutput.NothingCsv)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_OfARunWithoutEntitlements_SaysWhichOptionTheRunNeeded()
    {
        var roster = Roster("one.csv", Giants + "N1,南山甲,广东省,深圳市,南山区,2024-07-15\n");
        var with = Path_("with");
        var without = Path_("without");
        await Run(roster, with);
        await Run(roster, without, machine: MachineOutputs.EntitlementsCsv);
        var refused = Assert.Throws<BatchOutputException>(() => BatchDiff.Compare(with, without));
        Assert.Contains("没有写出 entitlements.jsonl", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--with entitlements.jsonl", refused.Message, StringComparison.Ordinal);
        Assert.Empty(BatchDiff.Compare(with, with).Changes);
    }

    [Fact]
    public async Task Diff_RefusesAnIncompleteRun_WithAClearMessage()
    {
        var roster = Roster("one.csv", Giants + "N1,南山甲,广东省,深圳市,南山区,2024-07-15\n");
        var a = Path_("a");
        var b = Path_("b");
        await Run(roster, a);
        await Run(roster, b);
        Assert.Empty(BatchDiff.Compare(a, b).Changes);
        // Cut short under its final name, as a killed writer of an older version left it.
        var jsonl = Path.Combine(b, FolderBatchOutput.EntitlementsJsonl);
        File.WriteAllText(jsonl, File.ReadAllText(jsonl)[..20]);
        var changed = Assert.Throws<BatchOutputException>(() => BatchDiff.Compare(a, b));
        Assert.Contains("不符", changed.Message, StringComparison.Ordinal);
        File.Delete(Path.Combine(b, BatchManifest.FileName));
        var incomplete = Assert.Throws<BatchOutputException>(() => BatchDiff.Compare(a, b));
        Assert.Contains("不是一次完整的 srdi batch 输出", incomplete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiskFullWhileWriting_FailsTheRun_KeepsTheEarlierResults_AndFreesTheFolder()
    {
        var folder = Path_("full");
        var roster = Generated(3000);
        await Run(roster, folder);
        var before = Directory.GetFiles(folder).ToDictionary(f => f, File.ReadAllBytes);
        var error = await Assert.ThrowsAsync<IOException>(() => Run(roster, folder, openFile: path =>
            path.EndsWith(FolderBatchOutput.EntitlementsJsonl, StringComparison.Ordinal) ? new FullDisk(path, 200_000) : File.Create(path)));
        Assert.Contains("No space left", error.Message, StringComparison.Ordinal);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(folder).Order(StringComparer.Ordinal));
        foreach (var (file, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(file)), file);
        Assert.Empty(Directory.GetDirectories(folder, FolderBatchOutput.WorkingPrefix + "*"));
        BatchManifest.ReadComplete(folder, hashes: true);
        // The lock went with the failed run.
        Assert.Equal(3000, (await Run(roster, folder)).Statistics.Evaluated);
    }

    /// <summary>A file on a disk that fills up after so many bytes.</summary>
    private sealed class FullDisk(string path, long room) : FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1)
    {
        private long _written;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _written += buffer.Length;
            if (_written > room) throw new IOException("No space left on device");
            base.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    }
}
