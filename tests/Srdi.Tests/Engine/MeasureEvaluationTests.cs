using System.Globalization;
using Srdi.Engine;
using Srdi.Engine.Evaluation;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;
using Xunit;
using static Srdi.Tests.Engine.TestCatalog;

namespace Srdi.Tests.Engine;

public sealed class MeasureEvaluationTests
{
    private static MeasureResult Only(CompiledCatalog catalog, EnterpriseProfile enterprise, DateOnly? at = null, bool explain = true) =>
        catalog.Evaluate(enterprise, at ?? At, explain: explain).Measures.Single();

    private static Dictionary<string, FactValue> Facts(params (string Name, object Value)[] facts) =>
        facts.ToDictionary(f => f.Name, f => f.Value is FactValue v ? v : new ScalarFact(f.Value));

    [Fact]
    public void RatioWithCap_WritesTheComputationOut()
    {
        var catalog = Compile(Measure("20", [Part("30% * rent", "300万")]));
        var result = Only(catalog, Enterprise(Facts(("rent", 20_000_000m))));
        Assert.Equal(MeasureStatus.Eligible, result.Status);
        Assert.Equal(3_000_000m, result.Exact);
        Assert.True(result.Capped);
        Assert.Equal("min(30% × 20,000,000, 3,000,000) = 3,000,000", result.Parts[0].Computation);
    }

    [Theory]
    [InlineData(9_990_000, 2_997_000, false)]
    [InlineData(10_000_000, 3_000_000, false)]
    [InlineData(10_000_001, 3_000_000, true)]
    public void Cap_BitesOnlyAboveIt(decimal rent, decimal expected, bool capped)
    {
        var result = Only(Compile(Measure("20", [Part("30% * rent", "300万")])), Enterprise(Facts(("rent", rent))));
        Assert.Equal(expected, result.Exact);
        Assert.Equal(capped, result.Capped);
    }

    [Fact]
    public void Schedule_GivesYearlyAmountsEachWithItsCap()
    {
        var catalog = Compile(Measure("20", [Schedule((3, "30% * rent", "300万"), (2, "15% * rent", "150万"))]));
        var result = Only(catalog, Enterprise(Facts(("rent", 12_000_000m))));
        Assert.Equal(BenefitKind.Schedule, result.Kind);
        Assert.Equal([3_000_000m, 3_000_000m, 3_000_000m, 1_500_000m, 1_500_000m], result.ScheduleAmounts);
        Assert.Equal(12_000_000m, result.ScheduleTotal);
    }

    [Fact]
    public void MissingFact_IsUnknownNotZero_AndIsNamed()
    {
        var catalog = Compile(Measure("20", [Part("30% * rent", "300万")], conditions: ["rent > 0"]));
        var result = Only(catalog, Enterprise());
        Assert.Equal(MeasureStatus.NeedsInfo, result.Status);
        Assert.Equal(["rent"], result.Missing);
        Assert.Equal(BenefitKind.Exact, result.Kind); // what it would pay, not "in kind"
        Assert.Equal(0, result.Exact);
    }

    [Fact]
    public void FalseAndUnknown_IsFalse_AndAsksForNothing()
    {
        var catalog = Compile(Measure("6", [Part("100万")], conditions: ["rent > 0 and sector == \"工业\""]));
        var result = Only(catalog, Enterprise(Facts(("sector", "批发业"))));
        Assert.Equal(MeasureStatus.Ineligible, result.Status);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void TrueOrUnknown_IsTrue()
    {
        var catalog = Compile(Measure("6", [Part("100万")], conditions: ["rent > 0 or sector == \"工业\""]));
        Assert.Equal(MeasureStatus.Eligible, Only(catalog, Enterprise(Facts(("sector", "工业")))).Status);
    }

    [Fact]
    public void NullComparison_AsksWhetherAFactIsMissing()
    {
        var catalog = Compile(Measure("6", [Part("100万")], conditions: ["rent == null"]));
        Assert.Equal(MeasureStatus.Eligible, Only(catalog, Enterprise()).Status);
        Assert.Equal(MeasureStatus.Ineligible, Only(catalog, Enterprise(Facts(("rent", 1m)))).Status);
    }

    [Fact]
    public void YearlyFact_LastYearIsTheCalendarYearBeforeTheDate()
    {
        var catalog = Compile(Measure("6", [Part("min(50万 * projects@last_year, 200万)", upTo: true)]));
        var facts = Facts(("projects", new YearlyFact(new Dictionary<int, object> { [2024] = 3m, [2025] = 9m })));
        var result = Only(catalog, Enterprise(facts));
        Assert.Equal(1_500_000m, result.UpTo);
        Assert.Equal(BenefitKind.UpTo, result.Kind);
        Assert.Equal(2_000_000m, Only(catalog, Enterprise(facts), new DateOnly(2026, 1, 1)).UpTo);
    }

    [Fact]
    public void PerItemCapThenEnterpriseCap()
    {
        var catalog = Compile(Measure("6", [Part("sum(grants, min(60% * item.amount, 600万))", "1000万", upTo: true)]));
        var grants = new List<FactItem>
        {
            new(new Dictionary<string, object> { ["amount"] = 5_000_000m }),
            new(new Dictionary<string, object> { ["amount"] = 20_000_000m }),
            new(new Dictionary<string, object> { ["amount"] = 10_000_000m }),
        };
        var result = Only(catalog, Enterprise(Facts(("grants", grants))));
        Assert.Equal(10_000_000m, result.UpTo); // 300万 + 600万 + 600万 = 1500万, then 1000万
        Assert.Contains("(min(60% × 5,000,000, 6,000,000) + min(60% × 20,000,000, 6,000,000) + min(60% × 10,000,000, 6,000,000))", result.Parts[0].Computation, StringComparison.Ordinal);
    }

    [Fact]
    public void DatedParameter_IsReadAtTheItemsDate()
    {
        var catalog = Compile(Measure("5", [Part("sum(loans@last_year, item.principal * min(item.rate, $lpr_1y(item.start)) * 60%)", upTo: true)]));
        var loans = new List<FactItem>
        {
            new(new Dictionary<string, object> { ["principal"] = 10_000_000m, ["rate"] = 0.04m, ["start"] = new DateOnly(2024, 8, 1) }),
            new(new Dictionary<string, object> { ["principal"] = 10_000_000m, ["rate"] = 0.04m, ["start"] = new DateOnly(2024, 11, 1) }),
        };
        var result = Only(catalog, Enterprise(Facts(("loans", new YearlyFact(new Dictionary<int, object> { [2024] = loans })))));
        Assert.Equal(10_000_000m * 0.0335m * 0.6m + 10_000_000m * 0.031m * 0.6m, result.UpTo);
    }

    [Fact]
    public void LapsedCertificate_CountsForNothing()
    {
        var catalog = Compile(Measure("4", [Part("100万")]));
        var lapsed = Enterprise(issued: new DateOnly(2021, 7, 1));
        var result = Only(catalog, lapsed);
        Assert.Equal(MeasureStatus.Ineligible, result.Status);
        Assert.Contains("已过期", result.Conditions[1].Seen, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-04-07", MeasureStatus.NotInForce)]
    [InlineData("2024-04-08", MeasureStatus.Eligible)]
    [InlineData("2027-04-07", MeasureStatus.Eligible)]
    [InlineData("2027-04-08", MeasureStatus.NotInForce)]
    public void DocumentValidity_BothEndsInclusive(string date, MeasureStatus expected)
    {
        var catalog = Compile(Measure("4", [Part("100万")], targets: []));
        var result = Only(catalog, Enterprise(), DateOnly.Parse(date, CultureInfo.InvariantCulture));
        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void NotInForce_IsNeverCounted()
    {
        var catalog = Compile(Measure("4", [Part("100万")], targets: []));
        var report = catalog.Evaluate(Enterprise(), new DateOnly(2028, 1, 1));
        Assert.Equal(MeasureStatus.Eligible, report.Measures[0].WouldBe);
        Assert.Equal(0, report.Counted.Exact);
    }

    [Fact]
    public void OtherArea_GetsNothing_AndItsDocumentIsNamedInsteadOfItsMeasures()
    {
        var catalog = Compile(Measure("4", [Part("100万")]));
        var enterprise = Enterprise(district: "福田区");
        var report = catalog.Evaluate(enterprise, At);
        Assert.Empty(report.Measures);
        Assert.Equal("test", Assert.Single(report.Elsewhere).Id);
        Assert.Equal(0, report.Counted.Exact);
        // Asked about by name, the measure is ineligible at the area, and says so.
        var result = catalog.ExplainElsewhere(enterprise, At, "test.4");
        Assert.Equal(MeasureStatus.Ineligible, result.Status);
        Assert.Equal(Truth.False, result.InArea);
        Assert.Throws<InvalidOperationException>(() => catalog.ExplainElsewhere(Enterprise(), At, "test.4"));
    }

    [Fact]
    public void MovedIn_CountsFromItsMoveInDate()
    {
        var catalog = Compile(Measure("4", [Part("100万")]));
        var early = Enterprise(moved: new DateOnly(2025, 7, 1));
        Assert.Empty(catalog.Evaluate(early, At).Measures);
        Assert.Equal(MeasureStatus.Ineligible, catalog.ExplainElsewhere(early, At, "test.4").Status);
        Assert.Equal(MeasureStatus.Eligible, Only(catalog, Enterprise(moved: new DateOnly(2025, 5, 1))).Status);
    }

    [Fact]
    public void Drafts_AreEvaluatedButKeptOutOfTotalsUnlessAskedFor()
    {
        var catalog = Compile(DocumentStatus.Draft, Measure("4", [Part("100万")]));
        var report = catalog.Evaluate(Enterprise(), At);
        Assert.True(report.Measures[0].Draft);
        Assert.Equal(MeasureStatus.Eligible, report.Measures[0].Status);
        Assert.Equal(0, report.Counted.Exact);
        Assert.Equal(1_000_000m, report.Drafts.Exact);
        Assert.Equal(1_000_000m, catalog.Evaluate(Enterprise(), At, includeDrafts: true).Counted.Exact);
    }

    [Fact]
    public void ExclusionGroup_CountsOnlyTheHighest()
    {
        var catalog = Compile(Measure("20", [Part("100万")], group: "rent"), Measure("21", [Part("300万")], group: "rent"), Measure("4", [Part("50万")]));
        var report = catalog.Evaluate(Enterprise(), At);
        Assert.Equal("test.21", report.Measures[0].ExcludedBy);
        Assert.Null(report.Measures[1].ExcludedBy);
        Assert.Equal(3_500_000m, report.InForce.Exact);
    }

    [Fact]
    public void UpToAndExact_AreAddedApart()
    {
        var catalog = Compile(Measure("4", [Part("100万")]), Measure("15", [Part("400万", upTo: true)]));
        var report = catalog.Evaluate(Enterprise(), At);
        Assert.Equal(new Totals(1_000_000m, 4_000_000m, 0), report.InForce);
    }

    [Fact]
    public void MoneyForSomeoneElse_IsListedButNotInTheEnterprisesTotals()
    {
        var catalog = Compile(Measure("12", [Part("100万", upTo: true, beneficiary: "buyer")], beneficiary: "buyer"));
        var report = catalog.Evaluate(Enterprise(), At);
        Assert.Equal(MeasureStatus.Eligible, report.Measures[0].Status);
        Assert.Equal(1_000_000m, report.Measures[0].UpTo);
        Assert.Equal(0, report.InForce.UpTo);
    }

    [Fact]
    public void FastPath_GivesTheSameOutcomeWithoutExplanation()
    {
        var catalog = Compile(Measure("20", [Schedule((3, "30% * rent", "300万"), (2, "15% * rent", "150万"))]), Measure("4", [Part("100万")]));
        var enterprise = Enterprise(Facts(("rent", 5_000_000m)));
        var explained = catalog.Evaluate(enterprise, At, explain: true);
        var fast = catalog.Evaluate(enterprise, At, explain: false);
        Assert.Equal(explained.InForce, fast.InForce);
        Assert.Empty(fast.Measures[0].Conditions);
        Assert.Equal(explained.Measures.Select(m => m.Status), fast.Measures.Select(m => m.Status));
    }

    [Fact]
    public void PartWhen_SelectsTheParts()
    {
        var catalog = Compile(Measure("3", [Part("10% * rent", when: "rent >= 100万 and rent < 500万", upTo: true)], inKind: ["服务"]));
        Assert.Equal(100_000m, Only(catalog, Enterprise(Facts(("rent", 1_000_000m)))).UpTo);
        Assert.Equal(499_999.9m, Only(catalog, Enterprise(Facts(("rent", 4_999_999m)))).UpTo);
        var outside = Only(catalog, Enterprise(Facts(("rent", 5_000_000m))));
        Assert.Equal(MeasureStatus.Eligible, outside.Status);
        Assert.Equal(BenefitKind.InKind, outside.Kind);
    }
}
