using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Srdi.Application;
using Srdi.Tools.Rosters;
using Xunit;
using static Srdi.Tests.Cli.CliRun;

namespace Srdi.Tests.Catalog;

/// <summary>"A new city's document needs no code change" (README), proven: a copy of the catalog
/// gains a document of 安徽省合肥市, a city that neither the gazetteer nor any document knows, with
/// its own fact, source text and rules tests, as files only. The unchanged srdi command then checks
/// it, evaluates a 合肥 profile and runs a roster through it, and the roster generator places
/// enterprises there and asks them the new fact.</summary>
public sealed partial class NewCityTests : IDisposable
{
    private const string DocumentId = "hefei-test-2025";
    private const string MeasureId = DocumentId + ".1";
    private const string Fact = "first_set_rd_equipment_purchase";
    private const string FactLabel = "申报年度购置首台（套）研发设备的金额";
    private const string SourceFile = "test_hefei_2025.txt";

    // A document written for this test, in the manner of the real ones: 20% of the purchase,
    // at most 200万 per enterprise, for 小巨人 only.
    private const string Source = """
        合肥市支持专精特新企业研发设备升级的若干措施（测试文本）

        为支持专精特新企业加大研发投入，制定本措施。

        1.支持首台（套）研发设备购置。对注册地在合肥市的专精特新“小巨人”企业，申报年度购置首台（套）研发设备的，按设备购置金额的20%给予补贴，每家企业最高200万元。（责任单位：市经信局、市财政局）

        2.本措施自2025年1月1日起施行，有效期至2027年12月31日。
        """;

    private const string Policy = """
        document:
          id: hefei-test-2025
          title: 合肥市支持专精特新企业研发设备升级的若干措施（测试文本）
          issuer: 合肥市人民政府办公室
          number: null
          level: city
          area: { province: 安徽省, city: 合肥市 }
          status: in-force
          source: test_hefei_2025.txt
          validity:
            from: 2025-01-01
            from_basis: 本措施自2025年1月1日起施行
            to: 2027-12-31
            to_basis: 有效期至2027年12月31日（含当日）
          terms:
            专精特新“小巨人”企业: [little-giant]

        measures:
          - id: hefei-test-2025.1
            section: 支持研发设备升级
            clause: "1"
            title: 支持首台（套）研发设备购置
            text: >-
              1.支持首台（套）研发设备购置。对注册地在合肥市的专精特新“小巨人”企业，申报年度购置首台（套）研发设备的，按设备购置金额的20%给予补贴，每家企业最高200万元。（责任单位：市经信局、市财政局）
            departments: [市经信局, 市财政局]
            category: first-set-equipment
            beneficiary: enterprise
            application: apply
            targets: [专精特新“小巨人”企业]
            conditions:
              - label: 申报年度购置首台（套）研发设备
                rule: first_set_rd_equipment_purchase > 0
            exclusion_group: null
            benefit:
              parts:
                - label: 首台（套）研发设备购置补贴
                  amount: 20% * first_set_rd_equipment_purchase
                  cap: 200万
                  cap_label: 每家企业最高200万元
                  per: once
            interpretation: 按购置金额的20%计算，超过200万元的按200万元给予；补贴为确定额。
        """;

    private const string Facts = """
        # Facts first needed by the test document hefei-test-2025.
        facts:
          first_set_rd_equipment_purchase:
            label: 申报年度购置首台（套）研发设备的金额
            type: money
            unit: 元
            yearly: false
        """;

    // The cap's edges: 999万 → 199.8万; 1000万 → exactly 200万; 1001万 → 200.2万 capped to 200万.
    private const string Tests = """
        profiles:
          合肥小巨人:
            id: HF-LG-0001
            area: { province: 安徽省, city: 合肥市, district: 蜀山区 }
            certificates:
              - { kind: little-giant, issued_on: 2024-07-15 }
            facts: {}

        cases:
          - name: 购置999万元，20%为199.8万元，未达上限
            at: 2025-06-01
            profile: 合肥小巨人
            with: { facts: { first_set_rd_equipment_purchase: 999万 } }
            expect:
              "1": { status: eligible, kind: exact, exact: 199.8万 }
          - name: 购置1000万元，20%恰为上限200万元
            at: 2025-06-01
            profile: 合肥小巨人
            with: { facts: { first_set_rd_equipment_purchase: 1000万 } }
            expect:
              "1": { status: eligible, exact: 200万 }
          - name: 购置1001万元，20%为200.2万元，按上限200万元
            at: 2025-06-01
            profile: 合肥小巨人
            with: { facts: { first_set_rd_equipment_purchase: 1001万 } }
            expect:
              "1": { status: eligible, exact: 200万, capped: true }
          - name: 未填购置金额，需补充
            at: 2025-06-01
            profile: 合肥小巨人
            expect:
              "1": { status: needs-info, missing: [first_set_rd_equipment_purchase] }
          - name: 专精特新中小企业不属适用对象
            at: 2025-06-01
            profile:
              area: { province: 安徽省, city: 合肥市, district: 蜀山区 }
              certificates:
                - { kind: srdi-sme, issued_on: 2024-07-15 }
              facts: { first_set_rd_equipment_purchase: 500万 }
            expect:
              "1": { status: ineligible }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("srdi-new-city-").FullName;
    private readonly string _catalog;

    public NewCityTests()
    {
        _catalog = Path.Combine(_folder, "catalog");
        RealCatalog.CopyTo(_catalog);
        Write(Path.Combine("documents", DocumentId, "policy.yaml"), Policy);
        Write(Path.Combine("documents", DocumentId, "tests.yaml"), Tests);
        Write(Path.Combine("vocabulary", "facts", DocumentId + ".yaml"), Facts);
        Write(Path.Combine("sources", SourceFile), Source);
        // A category the catalog has not used yet is one more line of the vocabulary, not code.
        var terms = Path.Combine(_catalog, "vocabulary", "terms.yaml");
        File.WriteAllText(terms, File.ReadAllText(terms).Replace("  organisation: 组织保障\n", "  organisation: 组织保障\n  first-set-equipment: 首台（套）装备\n", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_catalog, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text + "\n", new UTF8Encoding(false));
    }

    [Fact]
    public void TheCityIsNewToTheRealCatalog()
    {
        var real = RealCatalog.Navigator.Catalog;
        Assert.DoesNotContain(real.Documents, d => d.Area.City == "合肥市");
        Assert.False(real.Vocabulary.Areas.Cities.ContainsKey("合肥市"));
        Assert.False(real.Vocabulary.Facts.ContainsKey(Fact));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [Fact]
    public void Check_PassesWithTheNewDocumentAndItsTests()
    {
        var (exit, output, error) = Run("check", "--catalog", _catalog);
        Assert.True(exit == 0, output + error);
        var census = CatalogCensus.Documents(_catalog);
        Assert.Contains(census, d => d.Id == DocumentId && d.Measures == 1);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"共 {census.Count} 个文件、{census.Sum(d => d.Measures)} 项措施。"), output, StringComparison.Ordinal);
        Assert.Contains(DocumentId, output, StringComparison.Ordinal);
        Assert.Contains("约定检查：0 处问题", output, StringComparison.Ordinal);

        (exit, output, error) = Run("check", "--document", DocumentId, "--catalog", _catalog);
        Assert.True(exit == 0, output + error);
        Assert.Contains("规则测试：5 通过，0 失败", output, StringComparison.Ordinal);

        // The conventions the real catalog's tests hold its documents to hold for the new one.
        var navigator = PolicyNavigator.Open(_catalog);
        var source = Whitespace().Replace(File.ReadAllText(Path.Combine(_catalog, "sources", SourceFile)), "");
        var measure = Assert.Single(navigator.Catalog.Documents.Single(d => d.Id == DocumentId).Measures);
        Assert.Contains(Whitespace().Replace(measure.Text, ""), source, StringComparison.Ordinal);
        Assert.Empty(Srdi.Application.Checking.CatalogCheck.UntraceableNumbers(measure));
    }

    [Fact]
    public void Evaluate_ListsTheNewMeasureWithItsAmount_ForAProfileOfTheNewCity()
    {
        var profile = Path.Combine(_folder, "hefei.json");
        File.WriteAllText(profile, """
            {
              "id": "HF-0001",
              "name": "合肥某精密仪器有限公司",
              "area": { "province": "安徽省", "city": "合肥市", "district": "蜀山区", "since": "2018-03-01" },
              "certificates": [ { "kind": "little-giant", "issued_on": "2024-07-15" } ],
              "facts": { "first_set_rd_equipment_purchase": "1500万" }
            }
            """);
        var (exit, output, error) = Run("evaluate", profile, "--at", "2025-06-01", "--json", "--catalog", _catalog);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var measure = json.RootElement.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("measure_id").GetString() == MeasureId);
        Assert.Equal("eligible", measure.GetProperty("status").GetString());
        // 1500万 × 20% = 300万, capped at 200万.
        Assert.Equal(2_000_000m, measure.GetProperty("benefit").GetProperty("exact").GetDecimal());
        Assert.True(measure.GetProperty("benefit").GetProperty("capped").GetBoolean());

        (exit, output, _) = Run("evaluate", profile, "--at", "2025-06-01", "--catalog", _catalog);
        Assert.Equal(0, exit);
        Assert.Contains("支持首台（套）研发设备购置", output, StringComparison.Ordinal);

        (exit, output, _) = Run("policies", "show", MeasureId, "--catalog", _catalog);
        Assert.Equal(0, exit);
        Assert.Contains("类别：首台（套）装备", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_OverARosterWithTheNewFactsColumn_EntitlesTheNewCitysEnterprises()
    {
        var roster = Path.Combine(_folder, "合肥名单.csv");
        File.WriteAllText(roster,
            $"企业标识,企业名称,省份,城市,区县,专精特新“小巨人”企业认定日期,{FactLabel}\n" +
            "HF1,合肥甲,安徽省,合肥市,蜀山区,2024-07-15,800万\n" +   // 20% = 160万
            "HF2,合肥乙,安徽省,合肥市,包河区,2024-07-15,1500万\n" +  // 20% = 300万 → 200万
            "HF3,合肥丙,安徽省,合肥市,蜀山区,,800万\n",              // no certificate: nothing
            new UTF8Encoding(false));
        var output = Path.Combine(_folder, "结果");
        var (exit, stdout, error) = Run("batch", roster, "--at", "2025-06-01", "--out", output, "--quiet", "--no-excel", "--with", "entitlements.jsonl", "--catalog", _catalog);
        Assert.True(exit == 0, stdout + error);

        var amounts = new Dictionary<string, decimal>();
        foreach (var line in File.ReadLines(Path.Combine(output, "entitlements.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            foreach (var e in json.RootElement.GetProperty("entitlements").EnumerateArray())
                if (e.GetProperty("measure_id").GetString() == MeasureId)
                    amounts[json.RootElement.GetProperty("id").GetString()!] = e.GetProperty("exact").GetDecimal();
        }
        Assert.Equal(new Dictionary<string, decimal> { ["HF1"] = 1_600_000m, ["HF2"] = 2_000_000m }, amounts);
    }

    [Fact]
    public void RosterGenerator_PlacesEnterprisesInTheNewCity_AndAsksTheNewFact()
    {
        var roster = Path.Combine(_folder, "generated.csv");
        var exit = GeneratorCommandLine.Run(
            ["--count", "400", "--seed", "7", "--at", "2025-06-01", "--city", "合肥", "--catalog", _catalog, "--out", roster],
            TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(roster);
        var headers = lines[0].Split(',');
        var column = Array.IndexOf(headers, FactLabel);
        Assert.True(column >= 0, lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.Equal("合肥市", r[Array.IndexOf(headers, "城市")]));
        Assert.Contains(rows, r => r[column].Length > 0);

        var output = Path.Combine(_folder, "generated-out");
        var (batchExit, stdout, error) = Run("batch", roster, "--at", "2025-06-01", "--out", output, "--quiet", "--no-excel", "--with", "entitlements.jsonl", "--catalog", _catalog);
        Assert.True(batchExit == 0, stdout + error);
        Assert.Contains(MeasureId, File.ReadAllText(Path.Combine(output, "entitlements.jsonl")), StringComparison.Ordinal);
    }
}
