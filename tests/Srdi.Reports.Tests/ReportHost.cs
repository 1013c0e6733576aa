using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Srdi.Application.Evaluation;
using Srdi.Application.Hosting;
using Srdi.Application.Profiles;
using Srdi.Application.Tiers;
using Srdi.Model.Profiles;

namespace Srdi.Reports.Tests;

/// <summary>The services as a host builds them (AddSrdiNavigator + AddSrdiReports over the
/// repository's catalog), and a report made through them for an example profile.</summary>
internal static class ReportHost
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static readonly Lazy<ServiceProvider> Instance = new(() =>
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Srdi:Catalog"] = Path.Combine(RepositoryRoot, "catalog") })
            .Build();
        return new ServiceCollection().AddSrdiNavigator(configuration).AddSrdiReports().BuildServiceProvider();
    });

    public static IServiceProvider Services => Instance.Value;

    public static EnterpriseProfile Example(string file) =>
        Services.GetRequiredService<ProfileReader>().ReadFile(Path.Combine(RepositoryRoot, "examples", file));

    /// <summary>The evaluation view and the assessment of a profile, and the report built from them.</summary>
    public static Made Make(EnterpriseProfile profile, DateOnly at)
    {
        var evaluations = Services.GetRequiredService<EvaluationService>();
        var view = evaluations.View(evaluations.Evaluate(profile, at));
        var assessment = Services.GetRequiredService<AssessmentService>().Assess(profile, at);
        var report = Services.GetRequiredService<PolicyReportExport>().Build(view, assessment);
        return new Made(view, assessment, report);
    }

    public static Made Make(string file, DateOnly at) => Make(Example(file), at);

    /// <summary>With SRDI_REPORT_SAMPLES set to a folder, the example tests leave the files they
    /// wrote there, under the names the export suggests, to be looked at (docs/reports.md).</summary>
    public static void KeepSample(string fileName, byte[] bytes)
    {
        var folder = Environment.GetEnvironmentVariable("SRDI_REPORT_SAMPLES");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, fileName), bytes);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Srdi.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("找不到仓库根目录（Srdi.slnx）。");
    }
}

internal sealed record Made(EvaluationView View, Assessment Assessment, PolicyReport Report);
