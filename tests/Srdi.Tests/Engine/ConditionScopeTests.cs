using Srdi.Engine;
using Srdi.Engine.Evaluation;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;
using Srdi.Model.Sources;
using Xunit;
using static Srdi.Tests.Engine.TestCatalog;

namespace Srdi.Tests.Engine;

/// <summary>Reading rules 20, 21 and 23 in the engine: a condition on one item governs that item
/// only; achievements are dated inside the document's validity; a clause waiting on another
/// policy's revision reports its money as ceilings. Each case is checked on the explained and the
/// fast path alike.</summary>
public sealed class ConditionScopeTests
{
    private static readonly SourceText Industrial = Text("sector == \"工业\"");

    /// <summary>南京 （四）'s shape: services for every holder, a price deduction for small ones only.</summary>
    private static Measure WithItems(params BenefitPart[] parts) =>
        Measure("4", parts) with
        {
            Benefit = new Benefit(
            [
                new InKindItem("首台（套）推广应用支持", null, null, SourceLocation.None),
                new InKindItem("政府采购价格扣除", Industrial, "工业企业", SourceLocation.None),
            ], parts),
        };

    private static (MeasureResult Explained, MeasureOutcome Fast) Both(CompiledCatalog catalog, EnterpriseProfile profile, DateOnly? at = null)
    {
        var explained = catalog.Evaluate(profile, at ?? At).Measures.Single();
        var outcomes = new MeasureOutcome[1];
        catalog.Evaluate(catalog.Record(profile), at ?? At, outcomes);
        return (explained, outcomes[0]);
    }

    [Fact]
    public void ItemCondition_FailsOnlyItsItem_TheOthersAreStillGiven()
    {
        var (r, fast) = Both(Compile(WithItems()), Enterprise(new() { ["sector"] = new ScalarFact("批发业") }));
        Assert.Equal(MeasureStatus.Eligible, r.Status);
        Assert.Equal(MeasureStatus.Eligible, fast.Status);
        Assert.Equal([Truth.True, Truth.False], r.InKind.Select(k => k.Given));
        Assert.Contains("批发业", r.InKind[1].Seen, StringComparison.Ordinal);
    }

    [Fact]
    public void ItemCondition_HoldingGivesEveryItem()
    {
        var (r, _) = Both(Compile(WithItems()), Enterprise(new() { ["sector"] = new ScalarFact("工业") }));
        Assert.Equal([Truth.True, Truth.True], r.InKind.Select(k => k.Given));
    }

    [Fact]
    public void ItemCondition_Unknown_AsksForTheFact_WhileTheCertainItemAnswers()
    {
        var (r, fast) = Both(Compile(WithItems()), Enterprise());
        Assert.Equal(MeasureStatus.Eligible, r.Status);
        Assert.Equal(MeasureStatus.Eligible, fast.Status);
        Assert.True(fast.HasMissing);
        Assert.Equal(["sector"], r.Missing);
        Assert.Equal([Truth.True, Truth.Unknown], r.InKind.Select(k => k.Given));
    }

    [Fact]
    public void OnlyConditionalItems_AllUnknown_NeedInformation()
    {
        var measure = Measure("4", []) with
        {
            Benefit = new Benefit([new InKindItem("政府采购价格扣除", Industrial, null, SourceLocation.None)], []),
        };
        var (r, fast) = Both(Compile(measure), Enterprise());
        Assert.Equal(MeasureStatus.NeedsInfo, r.Status);
        Assert.Equal(MeasureStatus.NeedsInfo, fast.Status);
        Assert.Equal(["sector"], r.Missing);
    }

    [Fact]
    public void UnknownMoney_StillNeedsInformation_ThoughAServiceIsCertain()
    {
        var (r, fast) = Both(Compile(WithItems(Part("30% * rent", "300万"))), Enterprise(new() { ["sector"] = new ScalarFact("工业") }));
        Assert.Equal(MeasureStatus.NeedsInfo, r.Status);
        Assert.Equal(MeasureStatus.NeedsInfo, fast.Status);
        Assert.Equal(["rent"], r.Missing);
    }

    [Fact]
    public void EveryPieceWithItsOwnConditionFailing_IsIneligible()
    {
        var measure = Measure("6", [Part("50万", when: "rent > 100万")]) with
        {
            Benefit = new Benefit([new InKindItem("优先推荐", Industrial, null, SourceLocation.None)], [Part("50万", when: "rent > 100万")]),
        };
        var (r, fast) = Both(Compile(measure), Enterprise(new() { ["sector"] = new ScalarFact("批发业"), ["rent"] = new ScalarFact(10m) }));
        Assert.Equal(MeasureStatus.Ineligible, r.Status);
        Assert.Equal(MeasureStatus.Ineligible, fast.Status);
        Assert.Equal(Truth.False, r.Parts.Single().Applies);
    }

    [Fact]
    public void MoneyConditionFailing_LeavesTheServicesMeantForTheEnterprise()
    {
        var (r, fast) = Both(Compile(WithItems(Part("100万", when: "rent > 0"))), Enterprise(new() { ["sector"] = new ScalarFact("工业"), ["rent"] = new ScalarFact(0m) }));
        Assert.Equal(MeasureStatus.Eligible, r.Status);
        Assert.Equal(BenefitKind.InKind, r.Kind);
        Assert.Equal(0m, fast.Exact);
        Assert.Equal(Truth.False, r.Parts.Single().Applies);
    }

    [Theory]
    [InlineData("2024-04-07", MeasureStatus.Ineligible)] // the day before the document starts
    [InlineData("2024-04-08", MeasureStatus.Eligible)]   // its first day
    [InlineData("2025-06-01", MeasureStatus.Eligible)]   // the evaluation date itself
    [InlineData("2025-06-02", MeasureStatus.Ineligible)] // after the evaluation date: not yet achieved
    public void WithinValidity_CountsAchievementsFromTheDocumentsStartToTheEvaluationDate(string published, MeasureStatus expected)
    {
        var catalog = Compile(Measure("22", [Part("100万", upTo: true)], conditions: ["count(standards, within_validity(item.published_on)) >= 1"]));
        var standards = new List<FactItem> { new(new Dictionary<string, object> { ["published_on"] = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture) }) };
        var (r, fast) = Both(catalog, Enterprise(new() { ["standards"] = new ScalarFact(standards) }));
        Assert.Equal(expected, r.Status);
        Assert.Equal(expected, fast.Status);
    }

    [Fact]
    public void PendingRevision_ReportsTheTextsSumAsACeilingWithTheCaveat()
    {
        var measure = Measure("18", [Part("100万")]) with { AwaitsRevision = new PolicyRevision("领航计划", null, "由区有关部门完成政策修订后开始实施") };
        var (r, fast) = Both(Compile(measure), Enterprise());
        Assert.Equal(MeasureStatus.Eligible, r.Status);
        Assert.Equal(BenefitKind.UpTo, r.Kind);
        Assert.Equal(0m, r.Exact);
        Assert.Equal(1_000_000m, r.UpTo);
        Assert.Equal(new Totals(0, 1_000_000m, 0), r.Counted);
        Assert.Equal(1_000_000m, fast.CountedUpTo);
        Assert.Equal(BenefitKind.UpTo, r.Parts.Single().Kind);
        Assert.Equal("领航计划", r.PendingRevision?.Policy);
    }

    [Theory]
    [InlineData("2025-06-01", false)] // revised on the evaluation date: the clause has started
    [InlineData("2025-06-02", true)]  // revised the day after: still waiting
    public void PendingRevision_EndsOnTheRevisionDate(string revisedOn, bool pending)
    {
        var date = DateOnly.Parse(revisedOn, System.Globalization.CultureInfo.InvariantCulture);
        var measure = Measure("18", [Part("100万")]) with { AwaitsRevision = new PolicyRevision("领航计划", date, "修订后开始实施") };
        var (r, fast) = Both(Compile(measure), Enterprise());
        Assert.Equal(pending, r.PendingRevision is not null);
        Assert.Equal(pending ? 0m : 1_000_000m, r.Exact);
        Assert.Equal(pending ? 0m : 1_000_000m, fast.CountedExact);
    }
}
