using System.Globalization;
using System.Text.RegularExpressions;
using Srdi.Tests.Catalog;
using Xunit;
using static Srdi.Tests.Cli.CliRun;

namespace Srdi.Tests.Cli;

/// <summary>Changing the process culture would leak into tests running at the same time, so
/// the culture tests run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCulture
{
    public const string Name = "Process culture";
}

/// <summary>Runs code under a culture, for this thread and for threads started meanwhile (the
/// batch's workers), then puts everything back.</summary>
internal static class CultureScope
{
    public static T Under<T>(CultureInfo culture, Func<T> action)
    {
        var (current, currentUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var (threads, threadsUi) = (CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = culture;
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, currentUi);
            (CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture) = (threads, threadsUi);
        }
    }
}

/// <summary>What the CLI prints and writes must not depend on the machine's culture: under
/// th-TH (Buddhist calendar) 2025-06-01 once came out as 2568-06-01, under ar-SA (Hijri) as
/// 1446-12-05, in the JSON too. Each command runs under the invariant culture and under the
/// two others, and the outputs must be the same, byte for byte.</summary>
[Collection(ProcessCulture.Name)]
public sealed partial class CultureTests : IDisposable
{
    private static readonly string Profile = Example("nanshan-little-giant.json");

    // A checked-in slice of a generated roster: enterprises with money in force and in drafts,
    // enterprises with nothing, and two rows to reject (a bad date, a bad amount).
    private static readonly string Roster = Path.Combine(RealCatalog.RepositoryRoot, "tests", "Srdi.Tests", "Cli", "culture-roster.csv");

    private static readonly string[] BatchFiles = ["entitlements.jsonl", "entitlements.csv", "nothing.csv", "rejected.csv", "summary.md"];

    public static TheoryData<string> Cultures => ["th-TH", "ar-SA"];

    private readonly string _folder = Directory.CreateTempSubdirectory("srdi-culture-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Evaluate_PrintsTheSameUnderAnyCulture(string culture)
    {
        SameUnder(culture, "evaluate", Profile, "--at", "2025-06-01");
        SameUnder(culture, "evaluate", Profile, "--at", "2025-06-01", "--json");
        SameUnder(culture, "evaluate", Profile, "--at", "2025-06-01", "--with-upgrade");
        SameUnder(culture, "evaluate", Profile, "--at", "2025-06-01", "--json", "--with-upgrade");
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Assess_PrintsTheSameUnderAnyCulture(string culture)
    {
        SameUnder(culture, "assess", Profile, "--at", "2025-06-01");
        SameUnder(culture, "assess", Profile, "--at", "2025-06-01", "--json");
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void CatalogCommands_PrintTheSameUnderAnyCulture(string culture)
    {
        SameUnder(culture, "policies", "show", "sz-nanshan-2024.20");
        SameUnder(culture, "facts");
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Batch_WritesTheSameFilesUnderAnyCulture(string culture)
    {
        var invariant = Batch(CultureInfo.InvariantCulture, "invariant");
        var other = Batch(CultureInfo.GetCultureInfo(culture), culture);
        Assert.Equal(invariant.Output, other.Output);
        foreach (var file in BatchFiles)
        {
            var expected = File.ReadAllBytes(Path.Combine(invariant.Folder, file));
            var actual = File.ReadAllBytes(Path.Combine(other.Folder, file));
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{file} 在 {culture} 下不同：\n{FirstDifference(expected, actual)}");
        }
    }

    private (string Output, string Folder) Batch(CultureInfo culture, string name)
    {
        var folder = Path.Combine(_folder, name);
        var (exit, output, error) = Under(culture, () => Run("batch", Roster, "--at", "2025-06-01", "--out", folder, "--quiet", "--no-excel", "--with", "all"));
        Assert.True(exit == 3, error); // 3: the roster's two bad rows are rejected, the rest evaluated
        // The elapsed time and the output folder differ from run to run, not by culture.
        File.WriteAllLines(Path.Combine(folder, "summary.md"), File.ReadAllLines(Path.Combine(folder, "summary.md")).Where(l => !l.Contains("用时（秒）", StringComparison.Ordinal)));
        return (Timing().Replace(output.Replace(folder, "X", StringComparison.Ordinal), "用时 X"), folder);
    }

    [GeneratedRegex(@"用时 [^\n]*")]
    private static partial Regex Timing();

    private static void SameUnder(string culture, params string[] args)
    {
        var invariant = Under(CultureInfo.InvariantCulture, () => Run(args));
        var other = Under(CultureInfo.GetCultureInfo(culture), () => Run(args));
        Assert.True(invariant.Exit == 0, invariant.Err);
        Assert.Equal(invariant.Exit, other.Exit);
        var what = string.Join(' ', args);
        Assert.True(invariant.Out == other.Out, $"srdi {what} 在 {culture} 下输出不同：\n{FirstDifference(invariant.Out, other.Out)}");
        Assert.True(invariant.Err == other.Err, $"srdi {what} 在 {culture} 下错误输出不同：\n{FirstDifference(invariant.Err, other.Err)}");
    }

    private static T Under<T>(CultureInfo culture, Func<T> action) => CultureScope.Under(culture, action);

    private static string FirstDifference(byte[] expected, byte[] actual) =>
        FirstDifference(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(actual));

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
            if (i >= e.Length || i >= a.Length || e[i] != a[i])
                return string.Create(CultureInfo.InvariantCulture, $"第 {i + 1} 行\n期望：{(i < e.Length ? e[i] : "（无）")}\n实际：{(i < a.Length ? a[i] : "（无）")}");
        return "（长度不同）";
    }
}
