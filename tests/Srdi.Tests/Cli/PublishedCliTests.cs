using System.Diagnostics;
using Srdi.Tests.Catalog;
using Xunit;

namespace Srdi.Tests.Cli;

/// <summary>Issue 9: the catalog travels with the program. The CLI is published (from this test
/// run's build, so it takes seconds) into a temp folder and run from another folder: it finds its
/// own catalog; --catalog and SRDI_CATALOG still override it, and a missing one is named.</summary>
public sealed class PublishedCliTests
{
    [Fact]
    public void PublishedSrdi_RunsFromAnyFolder_AndTheSettingsStillOverride()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var published = Path.Combine(Path.GetTempPath(), $"srdi-published-{Guid.NewGuid():N}");
        var elsewhere = Path.Combine(Path.GetTempPath(), $"srdi-elsewhere-{Guid.NewGuid():N}");
        Directory.CreateDirectory(elsewhere);
        try
        {
            var project = Path.Combine(RealCatalog.RepositoryRoot, "src", "Srdi.Cli");
            var publish = Start("dotnet", ["publish", project, "-c", configuration, "--no-build", "-o", published], RealCatalog.RepositoryRoot);
            Assert.True(publish.Exit == 0, publish.Out + publish.Err);
            Assert.True(Directory.Exists(Path.Combine(published, "catalog", "vocabulary")), "the published folder carries catalog/");

            var srdi = Path.Combine(published, "srdi.dll");
            var list = Start("dotnet", [srdi, "policies", "list"], elsewhere);
            Assert.True(list.Exit == 0, list.Err);
            Assert.Contains("项措施", list.Out, StringComparison.Ordinal);

            var missing = Path.Combine(elsewhere, "no-catalog");
            var fromVariable = Start("dotnet", [srdi, "policies", "list"], elsewhere, ("SRDI_CATALOG", missing));
            Assert.Equal(2, fromVariable.Exit);
            Assert.Contains($"找不到政策目录“{missing}”（由 环境变量 SRDI_CATALOG 指定）", fromVariable.Err, StringComparison.Ordinal);

            var fromOption = Start("dotnet", [srdi, "--catalog", Path.Combine(RealCatalog.RepositoryRoot, "catalog"), "policies", "list"], elsewhere, ("SRDI_CATALOG", missing));
            Assert.True(fromOption.Exit == 0, fromOption.Err);

            var fromSetting = Start("dotnet", [srdi, "policies", "list"], elsewhere, ("Srdi__Catalog", missing));
            Assert.Equal(2, fromSetting.Exit);
            Assert.Contains("Srdi__Catalog", fromSetting.Err, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(published)) Directory.Delete(published, recursive: true);
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    private static (int Exit, string Out, string Err) Start(string file, string[] args, string folder, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment.Remove("SRDI_CATALOG");
        info.Environment.Remove("Srdi__Catalog");
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3))) process.Kill(entireProcessTree: true);
        return (process.ExitCode, output.Result, error.Result);
    }
}
