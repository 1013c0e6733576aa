using Microsoft.Extensions.DependencyInjection;
using Srdi.Application;
using Srdi.Application.Batch;
using Srdi.Application.Contracts;
using Srdi.Application.Evaluation;
using Srdi.Application.Hosting;
using Srdi.Application.Policies;
using Srdi.Application.Profiles;
using Srdi.Application.Rosters;
using Srdi.Application.Tiers;
using Srdi.Engine;
using Srdi.Engine.Evaluation;
using Srdi.Model.Policies;
using Srdi.Tests.Catalog;
using Xunit;
using static Srdi.Tests.Cli.CliRun;

namespace Srdi.Tests.Application;

/// <summary>The application services as a host gets them: built through AddSrdiNavigator alone,
/// then used for an evaluation, an assessment and the policy library.</summary>
public sealed class ApplicationServicesTests
{
    private static readonly DateOnly At = new(2025, 6, 1);

    [Fact]
    public void AddSrdiNavigator_BuildsEveryServiceOverOneCatalog()
    {
        using var services = ServiceHost.Repository();
        var navigator = services.GetRequiredService<PolicyNavigator>();
        Assert.Same(navigator, services.GetRequiredService<PolicyNavigator>());
        Assert.Same(navigator.Profiles, services.GetRequiredService<ProfileReader>());
        Assert.Same(navigator.Wording, services.GetRequiredService<Srdi.Application.Vocabulary.Wording>());
        Assert.NotNull(services.GetRequiredService<EvaluationService>());
        Assert.NotNull(services.GetRequiredService<AssessmentService>());
        Assert.NotNull(services.GetRequiredService<PolicyLibrary>());
        Assert.Equal(RealCatalog.Root, navigator.Root);
    }

    [Fact]
    public void WithoutConfiguration_TheCatalogThatShipsWithTheProgramIsUsed()
    {
        using var services = ServiceHost.Build();
        var navigator = services.GetRequiredService<PolicyNavigator>();
        Assert.Equal(CatalogLocation.Shipped, navigator.Root);
        Assert.StartsWith(AppContext.BaseDirectory, navigator.Root, StringComparison.Ordinal);
        Assert.Equal(RealCatalog.Navigator.Catalog.Measures.Select(m => m.Id), navigator.Catalog.Measures.Select(m => m.Id));
    }

    [Fact]
    public void EvaluationService_EvaluatesAProfileAndShapesItForProgramsAndPeople()
    {
        using var services = ServiceHost.Repository();
        var profile = services.GetRequiredService<ProfileReader>().ReadFile(Example("nanshan-little-giant.json"));
        var service = services.GetRequiredService<EvaluationService>();
        var evaluation = service.Evaluate(profile, At, withUpgrade: true);

        var result = service.Result(evaluation);
        Assert.Equal("srdi.evaluation/1", result.Schema);
        Assert.Equal(At, result.At);
        var reward = result.Measures.Single(m => m.MeasureId == "sz-nanshan-2024.4");
        Assert.Equal(("eligible", "exact", 1_000_000m), (reward.Status, reward.Benefit.Kind, reward.Benefit.Exact));
        Assert.Null(result.Upgrade); // a 小巨人 has no higher rung to climb

        var view = service.View(evaluation);
        Assert.Contains(view.Documents, d => d.Document.Id == "sz-nanshan-2024");
        Assert.Contains(view.NotHere, d => d.Id == "xiamen-2024");
        var rent = view.Documents.SelectMany(d => d.Measures).Single(m => m.Result.Measure.Id == "sz-nanshan-2024.20");
        Assert.Equal("符合", rent.Status);
        Assert.Contains(rent.Computations, c => c.CapApplied);
        Assert.StartsWith("分5年共 1200万元", rent.Amount, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluationView_DecidesConcernByTheAreaCheckNotByPosition()
    {
        using var services = ServiceHost.Repository();
        var profile = services.GetRequiredService<ProfileReader>().ReadFile(Example("xiamen-little-giant.json"));
        var service = services.GetRequiredService<EvaluationService>();
        var evaluation = service.Evaluate(profile, At);
        var view = service.View(evaluation);
        // The engine lists no measure of a document whose area excludes the enterprise; it names the document.
        Assert.DoesNotContain(evaluation.Report.Measures, m => m.Document.Id == "sz-nanshan-2024");
        Assert.Contains(evaluation.Report.Elsewhere, d => d.Id == "sz-nanshan-2024");
        Assert.All(evaluation.Report.Measures, m => Assert.NotEqual(Truth.False, m.InArea));
        Assert.Contains(view.NotHere, d => d.Id == "sz-nanshan-2024");
        Assert.DoesNotContain(view.Documents, d => d.Document.Id == "sz-nanshan-2024");
        Assert.Contains(view.Documents, d => d.Document.Id == "xiamen-2024");
    }

    [Fact]
    public void EvaluationView_ExplainsEachConditionWithTheFactsItReadAndTheirValues()
    {
        using var services = ServiceHost.Repository();
        var profile = services.GetRequiredService<ProfileReader>().ReadFile(Example("nanshan-little-giant.json"));
        var service = services.GetRequiredService<EvaluationService>();
        var view = service.View(service.Evaluate(profile, At));
        var conditions = view.Documents.SelectMany(d => d.Measures).SelectMany(m => m.Conditions).ToList();
        var area = conditions.First(c => c.Kind == ConditionKind.Area);
        Assert.Equal(Truth.True, area.Outcome);
        Assert.Equal("成立", area.OutcomeText);
        // 南山 7's measure-level condition (the office rent now gates only clause 20's first sentence, a part's own condition).
        var lab = conditions.First(c => c.Facts.Any(f => f.Fact == "joint_lab_investment"));
        var reading = lab.Facts.Single(f => f.Fact == "joint_lab_investment");
        Assert.Equal(("2024年 200万元", "元"), (reading.Value, reading.Unit));
        Assert.True(reading.Known);
    }

    [Fact]
    public void EvaluationView_ShowsMoneyThatReachesOthersApartFromTheEnterprisesOwn()
    {
        using var services = ServiceHost.Repository();
        var profile = services.GetRequiredService<ProfileReader>().ReadFile(Example("nanshan-little-giant.json"));
        var service = services.GetRequiredService<EvaluationService>();
        var view = service.View(service.Evaluate(profile, At));
        var buyer = Assert.Single(view.ReachingOthers, x => x.Result.Measure.Id == "sz-nanshan-2024.12");
        Assert.Equal("采购方", buyer.Beneficiary);
        Assert.NotEqual(EvaluationView.EnterpriseBeneficiary, buyer.Part.Beneficiary);
    }

    [Fact]
    public void AssessmentService_AssessesTheTiersAndTheUpgradeValue()
    {
        using var services = ServiceHost.Repository();
        var profile = services.GetRequiredService<ProfileReader>().ReadFile(Example("shenzhen-srdi-sme.json"));
        var service = services.GetRequiredService<AssessmentService>();
        var assessment = service.Assess(profile, At);
        var result = AssessmentService.Result(assessment);
        Assert.Equal("srdi.assessment/1", result.Schema);
        Assert.Equal(["innovative-sme", "srdi-sme", "little-giant"], result.Tiers.Select(t => t.Certificate));
        Assert.Equal("little-giant", result.Upgrade?.NextTier);
    }

    [Fact]
    public void PolicyLibrary_FiltersByCityLevelCategoryStatusAndTier()
    {
        using var services = ServiceHost.Repository();
        var library = services.GetRequiredService<PolicyLibrary>();
        var catalog = services.GetRequiredService<PolicyNavigator>().Catalog;

        var nanshan = library.List(new PolicyFilter(City: "南山区")).ToList();
        Assert.Equal(catalog.Documents.Single(d => d.Id == "sz-nanshan-2024").Measures.Count, nanshan.Count);
        Assert.All(library.List(new PolicyFilter(Level: GovernmentLevel.District)), x => Assert.Equal(GovernmentLevel.District, x.Document.Level));
        Assert.All(library.List(new PolicyFilter(Category: "reward")), x => Assert.Equal("reward", x.Measure.Category));
        Assert.All(library.List(new PolicyFilter(Status: DocumentStatus.Draft)), x => Assert.True(x.Document.IsDraft));

        var forSrdiSme = library.List(new PolicyFilter(City: "南山区", Tier: "srdi-sme")).Select(x => x.Measure.Id).ToList();
        Assert.DoesNotContain("sz-nanshan-2024.4", forSrdiSme); // 小巨人 only
        Assert.Contains("sz-nanshan-2024.4", library.List(new PolicyFilter(City: "南山区", Tier: "little-giant")).Select(x => x.Measure.Id));
        Assert.True(library.TryStatus("征求意见稿", out var draft) && draft == DocumentStatus.Draft);
        Assert.True(library.TryStatus("in-force", out var inForce) && inForce == DocumentStatus.InForce);
        Assert.False(library.TryStatus("drafts", out _));
    }

    [Fact]
    public void PolicyLibrary_ShowsAMeasureWithItsTextRuleAndTests()
    {
        using var services = ServiceHost.Repository();
        var detail = services.GetRequiredService<PolicyLibrary>().Show("sz-nanshan-2024.20");
        Assert.NotNull(detail);
        Assert.Contains("租金", detail.Text, StringComparison.Ordinal);
        Assert.Contains(detail.Parts, p => p.Schedule.Count > 0);
        Assert.NotEmpty(detail.Tests);
        Assert.All(detail.Tests, t => Assert.Contains("tests.yaml", t.Location, StringComparison.Ordinal));
        Assert.Null(services.GetRequiredService<PolicyLibrary>().Show("no-such.1"));
        Assert.Contains("\"measure\"", SrdiJson.Serialize(detail), StringComparison.Ordinal);
    }

    private const string Roster = """
        企业标识,企业名称,省份,城市,区县,little-giant.issued_on,sector,office_rent_annual
        91440300X001,南山甲公司,广东省,深圳市,南山区,2024-07-15,工业,1200万
        91440300X002,南山乙公司,广东省,深圳市,南山区,,工业,
        91350200X003,厦门丙公司,福建省,厦门市,湖里区,2024-07-15,工业,
        91440300X004,坏行公司,广东省,深圳市,南三区,,,
        """;

    [Fact]
    public async Task BatchService_RunsARosterFromAStreamToMemoryThroughDependencyInjectionAlone()
    {
        using var services = ServiceHost.Repository();
        var batch = services.GetRequiredService<BatchService>();
        var output = new MemoryBatchOutput();
        var progress = new List<BatchProgress>();
        using var source = RosterSource.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Roster)), "名单.csv");
        var report = await batch.RunAsync(source, output, new BatchOptions(At), new Progress<BatchProgress>(progress.Add), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(output.Completed);
        Assert.Equal(3, report.Statistics.Evaluated);
        Assert.Equal(1, report.Statistics.Rejected);
        Assert.Contains(output.Rejected, p => p.Field == "区县");
        var nanshan = output.Enterprises.Single(e => e.Id == "91440300X001");
        Assert.Contains(nanshan.Entitlements, x => x.MeasureId == "sz-nanshan-2024.4" && x.Status == "eligible" && x.Exact == 1_000_000m);
        Assert.DoesNotContain(output.Enterprises.Single(e => e.Id == "91350200X003").Entitlements, x => x.MeasureId.StartsWith("sz-nanshan", StringComparison.Ordinal));

        var summary = report.Summary();
        Assert.Equal(("srdi.batch-summary/1", 3L, 1L), (summary.Schema, summary.Evaluated, summary.Rejected));
        Assert.Equal(report.Statistics.InForce.Exact, summary.InForce.Exact);
        Assert.Contains("\"evaluated\": 3", SrdiJson.Serialize(summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchService_ThroughDependencyInjection_StopsWhenCancelledAndKeepsNothing()
    {
        using var services = ServiceHost.Repository();
        var batch = services.GetRequiredService<BatchService>();
        var rows = new System.Text.StringBuilder(Roster.Split('\n')[0]).Append('\n');
        for (var i = 0; i < 200_000; i++) rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"91440300Y{i:D8},公司{i},广东省,深圳市,南山区,2024-07-15,工业,{i}\n");
        var output = new MemoryBatchOutput();
        using var cancel = new CancellationTokenSource();
        using var source = RosterSource.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(rows.ToString())), "大名单.csv");
        var run = batch.RunAsync(source, output, new BatchOptions(At, Lists: false, ChunkSize: 256),
            new SynchronousProgress(p => { if (p.Rows > 0) cancel.Cancel(); }), cancel.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.False(output.Completed);
        Assert.Empty(output.Enterprises);
    }

    /// <summary>Reports on the caller's thread at once, so the test cancels while the run is going.</summary>
    private sealed class SynchronousProgress(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }
}
