using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Srdi.Application.Batch;
using Srdi.Application.Contracts;
using Srdi.Application.Evaluation;
using Srdi.Application.Policies;
using Srdi.Application.Profiles;
using Srdi.Application.Rosters;
using Srdi.Application.Tiers;
using Srdi.Tests.Cli;
using Xunit;
using static Srdi.Tests.Cli.CliRun;

namespace Srdi.Tests.Application;

/// <summary>The services give the same results under any culture: what a web host serialises and
/// shows must not depend on the server's locale any more than the CLI's output does.</summary>
[Collection(ProcessCulture.Name)]
public sealed class ServiceCultureTests
{
    private static readonly DateOnly At = new(2025, 6, 1);

    public static TheoryData<string> Cultures => ["th-TH", "ar-SA"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void EvaluationAssessmentAndLibrary_AreTheSameUnderAnyCulture(string culture)
    {
        using var services = ServiceHost.Repository();
        var invariant = CultureScope.Under(CultureInfo.InvariantCulture, () => Results(services));
        var other = CultureScope.Under(CultureInfo.GetCultureInfo(culture), () => Results(services));
        Assert.Equal(invariant.Count, other.Count);
        for (var i = 0; i < invariant.Count; i++) Assert.Equal(invariant[i], other[i]);
        Assert.Contains(invariant, r => r.Contains("\"at\": \"2025-06-01\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void BatchSummaryAndEntitlements_AreTheSameUnderAnyCulture(string culture)
    {
        using var services = ServiceHost.Repository();
        var invariant = CultureScope.Under(CultureInfo.InvariantCulture, () => Batch(services));
        var other = CultureScope.Under(CultureInfo.GetCultureInfo(culture), () => Batch(services));
        Assert.Equal(invariant, other);
    }

    /// <summary>Every result a host would send or show, as text.</summary>
    private static List<string> Results(ServiceProvider services)
    {
        var profile = services.GetRequiredService<ProfileReader>().ReadFile(Example("shenzhen-srdi-sme.json"));
        var evaluations = services.GetRequiredService<EvaluationService>();
        var evaluation = evaluations.Evaluate(profile, At, withUpgrade: true);
        var view = evaluations.View(evaluation);
        var results = new List<string>
        {
            SrdiJson.Serialize(evaluations.Result(evaluation)),
            SrdiJson.Serialize(AssessmentService.Result(services.GetRequiredService<AssessmentService>().Assess(profile, At))),
            SrdiJson.Serialize(services.GetRequiredService<PolicyLibrary>().Show("sz-nanshan-2024.20")!),
            view.AreaText,
        };
        results.AddRange(view.Certificates);
        foreach (var m in view.Documents.SelectMany(d => d.Measures))
        {
            results.Add(string.Join(" | ", m.Status, m.Amount, m.Application, m.Reason));
            results.AddRange(m.Computations.Select(c => c.Computation));
            results.AddRange(m.Conditions.Select(c => string.Join(" | ", c.Label, c.Seen, c.OutcomeText, string.Join("；", c.Facts.Select(f => f.Value)))));
        }
        results.AddRange(view.ReachingOthers.Select(x => x.Amount));
        return results;
    }

    private static string Batch(ServiceProvider services)
    {
        var roster = Path.Combine(Srdi.Tests.Catalog.RealCatalog.RepositoryRoot, "tests", "Srdi.Tests", "Cli", "culture-roster.csv");
        var output = new MemoryBatchOutput();
        using var source = RosterSource.Open(roster);
        var report = services.GetRequiredService<BatchService>().RunAsync(source, output, new BatchOptions(At), null, CancellationToken.None)
            .GetAwaiter().GetResult();
        var text = new StringBuilder(SrdiJson.Serialize(report.Summary() with { ElapsedSeconds = 0 }));
        foreach (var e in output.Enterprises)
            text.Append(CultureInfo.InvariantCulture, $"{e.Row} {e.Id} {string.Join(",", e.Entitlements.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.MeasureId}:{x.Status}:{x.Kind}:{x.Exact}:{x.UpTo}:{x.Scheduled}:{x.ExcludedBy}")))}\n");
        foreach (var p in output.Rejected) text.Append(CultureInfo.InvariantCulture, $"{p.Row} {p.Field} {p.Problem}\n");
        return text.ToString();
    }
}
