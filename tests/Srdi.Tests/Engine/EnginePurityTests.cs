using System.Diagnostics;
using System.Globalization;
using System.Text;
using Srdi.Tests.Catalog;
using Xunit;
using Xunit.Abstractions;

namespace Srdi.Tests.Engine;

/// <summary>Shows that the engine's purity is enforced by the compiler, not by a convention:
/// a copy of Srdi.Engine and Srdi.Model that reads a file and the clock must fail to build
/// with RS0030 (BannedSymbols.txt). One build, about 20 s on 2 cores: its control is that
/// Srdi.Model builds and every error lies in the added file, so the rest of the engine
/// compiles under the same ban.</summary>
public sealed class EnginePurityTests(ITestOutputHelper log)
{
    // What a build of Srdi.Engine needs: the two projects and the repository-wide settings.
    private static readonly string[] RootFiles =
        ["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "BannedSymbols.txt"];

    private const string ImpureSource = """
        namespace Srdi.Engine;

        internal static class ReadsTheWorld
        {
            public static string Today() => System.IO.File.ReadAllText("rules.yaml") + System.DateTime.Now.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        """;

    [Fact]
    public void EngineThatReadsAFileAndTheClock_DoesNotBuild()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"srdi-purity-{Guid.NewGuid():N}");
        try
        {
            foreach (var file in RootFiles)
                File.Copy(Path.Combine(RealCatalog.RepositoryRoot, file), Path.Combine(copy, file).CreateParent());
            CopyProject("src/Srdi.Model", copy);
            CopyProject("src/Srdi.Engine", copy);
            File.WriteAllText(Path.Combine(copy, "src", "Srdi.Engine", "ReadsTheWorld.cs"), ImpureSource);

            var (exit, output) = Build(Path.Combine(copy, "src", "Srdi.Engine", "Srdi.Engine.csproj"));

            Assert.True(exit != 0, "读文件、读时钟的引擎不应能编译：\n" + output);
            var errors = output.Split('\n').Where(line => line.Contains(": error ", StringComparison.Ordinal)).ToList();
            Assert.Contains(errors, line => line.Contains("RS0030", StringComparison.Ordinal) && line.Contains("'File'", StringComparison.Ordinal));
            Assert.Contains(errors, line => line.Contains("RS0030", StringComparison.Ordinal) && line.Contains("'DateTime.Now'", StringComparison.Ordinal));
            // The control: only the added file fails; Srdi.Model and the rest of the engine build.
            Assert.All(errors, line => Assert.Contains("ReadsTheWorld.cs", line, StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(copy, "src", "Srdi.Model", "bin", "Debug", "net10.0", "Srdi.Model.dll")), "Srdi.Model 副本未能编译：\n" + output);
        }
        finally
        {
            if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true);
        }
    }

    private static void CopyProject(string relative, string target)
    {
        var source = Path.Combine(RealCatalog.RepositoryRoot, relative);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var inside = Path.GetRelativePath(source, file);
            var top = inside.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj") continue; // build outputs hold absolute paths of the original
            File.Copy(file, Path.Combine(target, relative, inside).CreateParent());
        }
    }

    private (int Exit, string Output) Build(string project)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var argument in new[] { "build", project, "-c", "Debug", "--nologo", "-v", "q", "-p:RunAnalyzers=true",
                     // No compiler server or MSBuild nodes left behind: they would outlive the test
                     // and hold its redirected output open.
                     "-nodeReuse:false", "-p:UseSharedCompilation=false" })
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("dotnet build 超过 3 分钟未结束：\n" + output);
        }
        process.WaitForExit(); // drains the asynchronous readers
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dotnet build: exit {process.ExitCode}, {clock.Elapsed.TotalSeconds:0.0} s"));
        lock (output) return (process.ExitCode, output.ToString());
    }
}

internal static class PathExtensions
{
    /// <summary>Creates the folder a file path lies in and returns the path.</summary>
    public static string CreateParent(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
